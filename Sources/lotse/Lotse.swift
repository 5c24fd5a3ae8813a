import ArgumentParser
import LotseCLI

/// The executable's entry point: `LotseCommand` and its subcommands live in LotseCLI.
@main
@available(macOS 10.15, macCatalyst 13, iOS 13, tvOS 13, watchOS 6, *)
struct Lotse: AsyncParsableCommand {
    static let configuration = LotseCommand.configuration
}
