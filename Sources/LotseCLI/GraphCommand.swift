import ArgumentParser
import Foundation
import LotseCore

/// `lotse graph`: a picture of a decision tree, for staff.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Draw a decision tree as Graphviz DOT or Mermaid.",
        discussion: "Example: lotse graph --topic language --format dot > language.dot && dot -Tpng language.dot -o language.png")

    @Option(help: RuleLoading.rulesHelp)
    var rules = "rules"

    @Option(help: "The tree (topic) to draw; default: every topic in the menu.")
    var topic: String?

    @Option(help: "dot or mermaid.")
    var format: GraphFormat = .dot

    @Option(help: "Language of the labels (default: the deployment's default language).")
    var lang: String?

    func run() throws {
        let toolLanguage = RuleLoading.environmentLanguage
        let ruleSet = try RuleLoading.ruleSet(rules, today: Today.now, language: toolLanguage)
        let trees: [CompiledTree]
        if let topic {
            guard let i = ruleSet.treeIndex[topic] else {
                let known = ruleSet.trees.map(\.id).joined(separator: ", ")
                throw ValidationError(toolLanguage == .de ? "unbekanntes Thema '\(topic)' (vorhanden: \(known))"
                                                          : "unknown topic '\(topic)' (available: \(known))")
            }
            trees = [ruleSet.trees[i]]
        } else {
            trees = ruleSet.menu.topics.map { ruleSet.trees[$0] }
        }
        let language = lang ?? ruleSet.defaultLanguage
        guard ruleSet.languages.contains(where: { $0.code == language }) else {
            throw ValidationError("unknown language '\(language)'")
        }
        for tree in trees {
            print(TreeGraph.render(tree, in: ruleSet, language: language, format: format.value), terminator: "")
        }
    }
}

struct GraphFormat: ExpressibleByArgument {
    let value: TreeGraph.Format
    init?(argument: String) {
        guard let v = TreeGraph.Format(rawValue: argument) else { return nil }
        value = v
    }
    static var allValueStrings: [String] { TreeGraph.Format.allCases.map(\.rawValue) }
    static let dot = GraphFormat(argument: "dot")!
}
