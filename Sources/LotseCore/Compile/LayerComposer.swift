/// Lays the layers over each other: a later layer adds items or replaces them by id, so a
/// district writes only what differs from the federal and Land layers.
struct LayerComposer {
    var diagnostics: [Diagnostic] = []

    /// Items of one kind in first-definition order, with later layers replacing earlier ones.
    mutating func compose<T>(_ kind: ItemKind, _ layers: [Layer], _ items: (RuleFile) -> [T], id: (T) -> Located<String>) -> [T] {
        var result: [T] = []
        var position: [String: Int] = [:]
        for layer in layers {
            var seenInLayer: [String: SourceLocation] = [:]
            for file in layer.files {
                for item in items(file) {
                    let key = id(item)
                    if let first = seenInLayer[key.value] {
                        diagnostics.append(.error(.duplicateID(kind, key.value, first: first), at: key.location))
                        continue
                    }
                    seenInLayer[key.value] = key.location
                    if let p = position[key.value] {
                        result[p] = item
                    } else {
                        position[key.value] = result.count
                        result.append(item)
                    }
                }
            }
        }
        return result
    }

    /// Keyed sections (`messages`, `vocabulary`): merged key by key.
    mutating func merge<K: Hashable & RawRepresentable, V>(_ kind: ItemKind, _ layers: [Layer], _ entries: (RuleFile) -> [K: V],
                                                            location: (V) -> SourceLocation) -> [K: V] where K.RawValue == String {
        var result: [K: V] = [:]
        for layer in layers {
            var seenInLayer: [K: SourceLocation] = [:]
            for file in layer.files {
                for (key, value) in entries(file).sorted(by: { location($0.value) < location($1.value) }) {
                    if let first = seenInLayer[key] {
                        diagnostics.append(.error(.duplicateID(kind, key.rawValue, first: first), at: location(value)))
                        continue
                    }
                    seenInLayer[key] = location(value)
                    result[key] = value
                }
            }
        }
        return result
    }

    /// The menu of the last layer that has one.
    mutating func menu(_ layers: [Layer]) -> Menu? {
        var result: Menu?
        for layer in layers {
            var inLayer: Menu?
            for file in layer.files {
                guard let m = file.menu else { continue }
                if let first = inLayer {
                    diagnostics.append(.error(.duplicateID(.section, "menu", first: first.location), at: m.location))
                } else {
                    inLayer = m
                }
            }
            if let inLayer { result = inLayer }
        }
        return result
    }
}
