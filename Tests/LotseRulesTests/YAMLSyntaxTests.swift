import LotseCore
import LotseRules
import Testing

/// A file that is not valid YAML is reported at the place libyaml stopped, with libyaml's
/// explanation; the other files are still checked.
@Suite struct YAMLSyntaxTests {
    let path = "bund/facts.yaml"

    @Test func aKeyIndentedOneSpaceTooLittle() throws {
        var rules = ExampleRules()
        try rules.replace("""
              - id: buergergeld
                type: yesno
            """, with: """
              - id: buergergeld
               type: yesno
            """, in: path)
        let result = rules.check()
        let d = try result.only("yaml-syntax")
        #expect(d.severity == .error)
        #expect(d.at == rules.position(of: "type: yesno", in: path, occurrence: 2))
        #expect(d.en.hasPrefix("YAML syntax error: did not find expected '-' indicator"), "\(d.en)")
        #expect(d.de.hasPrefix("YAML-Syntaxfehler: "), "\(d.de)")
        #expect(result.ruleSet == nil)
    }

    @Test func aQuoteNeverClosedAtTheEndOfTheFile() throws {
        var rules = ExampleRules()
        let text = try rules.text(path)
        try #require(text.hasSuffix("from the Jobcenter?\"\n"))
        rules.files[path] = String(text.dropLast(2)) + "\n"
        let result = rules.check()
        let d = try result.only("yaml-syntax")
        #expect(d.severity == .error)
        // libyaml notices at the end of the file and names where the string began.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(d.at == Where(path, lines, 1))
        let opening = rules.position(of: "\"Do you receive", in: path)
        #expect(d.en == "YAML syntax error: found unexpected end of stream (while scanning a quoted scalar \(opening.line):\(opening.column))")
    }

    @Test func aQuoteNeverClosedBeforeTheNextLine() throws {
        var rules = ExampleRules()
        try rules.replace("de: \"Bekommen Sie Bürgergeld vom Jobcenter?\"", with: "de: \"Bekommen Sie Bürgergeld vom Jobcenter?", in: path)
        let result = rules.check()
        let d = try result.only("yaml-syntax")
        #expect(d.severity == .error)
        // The string runs on to the next quote; libyaml stops right after it, on the next line.
        let broken = rules.position(of: "de: \"Bekommen", in: path)
        #expect(d.at.file == path)
        #expect(d.at.line == broken.line + 1)
        #expect(d.en.contains("\(broken.line):\(broken.column)"), "the message names the line of the broken text: \(d.en)")
    }

    @Test func aKeyWrittenTwiceInOneMapping() throws {
        var rules = ExampleRules()
        try rules.replace("""
              - id: buergergeld
                type: yesno
            """, with: """
              - id: buergergeld
                type: yesno
                type: number
            """, in: path)
        let result = rules.check()
        let d = try result.only("yaml-syntax")
        #expect(d.severity == .error)
        #expect(d.en == "YAML syntax error: duplicate key type")
        #expect(d.at == rules.position(of: "type: yesno", in: path, occurrence: 2))
    }

    @Test func otherFilesAreStillChecked() throws {
        var rules = ExampleRules()
        rules.files["bund/vocabulary.yaml"] = "vocabulary: [\n"
        try rules.replace("contacts: [jobcenter]", with: "contacts: [jobcentre]", in: "bund/offers.yaml")
        let result = rules.check()
        #expect(try result.only("yaml-syntax").at.file == "bund/vocabulary.yaml")
        #expect(result.with(code: "undefined-reference").map(\.at.file) == ["bund/offers.yaml"])
    }

    @Test func aFileThatIsNotAMappingAtTheTop() throws {
        var rules = ExampleRules()
        rules.add("kreis/liste.yaml", "# a list instead of sections\n- id: x\n", layer: "kreis")
        let result = rules.check()
        let d = try result.only("wrong-kind")
        #expect(d.severity == .error)
        #expect(d.at == Where("kreis/liste.yaml", 2, 1))
        #expect(d.en == "'kreis/liste.yaml' must be a mapping (key: value)")
    }

    @Test func anEmptyFileIsNoProblem() throws {
        var rules = ExampleRules()
        rules.add("kreis/leer.yaml", "# nothing yet\n", layer: "kreis")
        let result = rules.check()
        #expect(result.with(code: "yaml-syntax").isEmpty)
        #expect(result.statistics.files == ExampleRules().check().statistics.files + 1)
    }
}
