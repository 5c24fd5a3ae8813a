import ArgumentParser

/// `lotse`: the one executable. Each subcommand is a door or a staff tool in a file of its own.
public struct LotseCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "lotse",
        abstract: "Lotse – eligibility and referral chatbot for newcomers (rule-based).",
        subcommands: [ChatCommand.self, CheckCommand.self, GraphCommand.self, TestCommand.self]
    )

    public init() {}
}
