import LotseCore
import Yams

/// Reads `lotse.yaml`: which district, which layers in which order, which languages.
public enum DeploymentParser {
    public static let keys = ["lotse", "district", "version", "layers", "languages", "default_language"]
    public static let languageKeys = ["code", "name", "direction"]

    public static func parse(_ file: SourceFile) -> (Deployment?, [Diagnostic]) {
        let start = SourceLocation(file: file.path, line: 1, column: 1)
        let root: Node
        switch YAMLDocument.compose(file) {
        case .failure(let d): return (nil, [d])
        case .success(nil): return (nil, [.error(.missingKey("lotse"), at: start)])
        case .success(let node?): root = node
        }
        var r = NodeReader(file: file.path, text: file.text)
        guard let f = r.fields(root, file.path, allowed: keys, required: ["lotse", "district", "layers", "languages", "default_language"])
        else { return (nil, r.diagnostics) }
        if let v = r.scalar(f["lotse"], "lotse"), v.value != "1" {
            r.diagnostics.append(.error(.invalidValue(key: "lotse", value: v.value, expected: .formatVersion), at: v.location))
        }
        var layers: [Located<String>] = []
        if let node = f["layers"] {
            if case .sequence(let seq) = node {
                for item in seq {
                    guard let name = r.scalar(item, "layers") else { continue }
                    if name.value.isEmpty || name.value.contains("..") || name.value.hasPrefix("/") {
                        r.diagnostics.append(.error(.invalidValue(key: "layers", value: name.value, expected: .layerFolder), at: name.location))
                    } else if let first = layers.first(where: { $0.value == name.value }) {
                        r.diagnostics.append(.error(.duplicateID(.layer, name.value, first: first.location), at: name.location))
                    } else {
                        layers.append(name)
                    }
                }
                if seq.isEmpty { r.error(.emptyList("layers"), node) }
            } else {
                r.error(.wrongKind(key: "layers", expected: .list), node)
            }
        }
        var languages: [Located<Language>] = []
        for item in r.list(f["languages"], "languages") {
            guard let lf = r.fields(item, "languages", allowed: languageKeys, required: ["code", "name"]),
                  let code = r.scalar(lf["code"], "code"), let name = r.string(lf["name"], "name") else { continue }
            var rtl = false
            if let d = r.scalar(lf["direction"], "direction") {
                switch d.value {
                case "ltr": rtl = false
                case "rtl": rtl = true
                default: r.diagnostics.append(.error(.invalidValue(key: "direction", value: d.value, expected: .direction), at: d.location))
                }
            }
            if let first = languages.first(where: { $0.value.code == code.value }) {
                r.diagnostics.append(.error(.duplicateID(.language, code.value, first: first.location), at: code.location))
                continue
            }
            languages.append(Located(Language(code: code.value, name: name, rightToLeft: rtl), at: code.location))
        }
        if languages.isEmpty, let node = f["languages"] { r.error(.emptyList("languages"), node) }
        let district = r.text(f["district"], "district")
        let defaultLanguage = r.scalar(f["default_language"], "default_language")
        if let d = defaultLanguage, !languages.isEmpty, !languages.contains(where: { $0.value.code == d.value }) {
            r.diagnostics.append(.error(.unknownLanguage(d.value), at: d.location))
        }
        guard let district, let defaultLanguage, !languages.isEmpty, !layers.isEmpty else { return (nil, r.diagnostics) }
        let deployment = Deployment(district: district, version: r.string(f["version"], "version"), layers: layers,
                                    languages: languages, defaultLanguage: defaultLanguage, location: f.location)
        return (deployment, r.diagnostics)
    }
}
