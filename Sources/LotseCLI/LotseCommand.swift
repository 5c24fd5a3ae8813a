import ArgumentParser

/// `lotse`: the one executable. Each subcommand is a door or a staff tool in a file of its own.
@available(macOS 10.15, macCatalyst 13, iOS 13, tvOS 13, watchOS 6, *)
public struct LotseCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "lotse",
        abstract: "Lotse – eligibility and referral chatbot for newcomers (rule-based).",
        subcommands: [ChatCommand.self, CheckCommand.self, GraphCommand.self, ServeCommand.self, StatsCommand.self, TestCommand.self]
    )

    public init() {}
}
