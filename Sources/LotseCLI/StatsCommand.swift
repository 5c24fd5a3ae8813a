import ArgumentParser
import Foundation
import Logging
import LotseCore
import LotseStats

/// `lotse stats`: the report on the anonymous usage statistics, for the integration office.
struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Report the anonymous usage statistics (conversations, topics, offers, open questions, abandonment).",
        discussion: """
            Reads the store that `lotse serve --stats` / `lotse chat --stats` write. Without --from and --to the \
            report covers the last full calendar month. Counts of 1 to 4 are shown as "< 5" in every format (JSON: \
            the string "<5"); a total that contains one is shown as "≥ N". Exit status: 0, 1 when the store cannot \
            be read, 64 for wrong options.
            """)

    @Option(name: .customLong("stats"), help: ArgumentHelp("The store: a SQLite file or postgres://user:password@host:port/db.",
                                                           valueName: "FILE|URL"))
    var stats: String

    @Option(help: ArgumentHelp("First day of the report (YYYY-MM-DD; default: the first of last month).", valueName: "DAY"))
    var from: String?

    @Option(help: ArgumentHelp("Last day of the report, included (YYYY-MM-DD; default: the last of last month).", valueName: "DAY"))
    var to: String?

    @Option(help: "Output format: text, csv, json or svg (a bar chart).")
    var format: Format = .text

    @Option(help: "Language of the labels and messages: de or en (default: from LANG).")
    var lang: ToolLanguageOption?

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv, json, svg }

    private var language: ToolLanguage { lang?.value ?? RuleLoading.environmentLanguage }

    func validate() throws {
        do {
            _ = try StatsLocation(parsing: stats)
            _ = try range()
        } catch let e as StatsError {
            throw ValidationError(e.message(language))
        }
    }

    /// The days asked for, or the last full month.
    private func range() throws -> (from: Day, to: Day) {
        func day(_ text: String) throws -> Day {
            guard let d = Day(iso: text) else { throw StatsError.badDay(text: text) }
            return d
        }
        let month = UsageReport.lastFullMonth(before: Today.now)
        let from = try from.map(day) ?? month.from
        let to = try to.map(day) ?? (from > month.to ? Today.now : month.to)
        guard from <= to else { throw StatsError.badRange(from: from, to: to) }
        return (from, to)
    }

    func run() async throws {
        let language = self.language
        do {
            let (from, to) = try range()
            var logger = Logger(label: "lotse.stats")
            logger.logLevel = .critical
            let store = try await UsageStore.open(try StatsLocation(parsing: stats), readOnly: true, today: Today.now, logger: logger)
            let report: UsageReport
            do {
                report = try await UsageReport.load(store, from: from, to: to)
                await store.close()
            } catch {
                await store.close()
                throw error
            }
            let text = switch format {
            case .text: TextReport.render(report, language: language)
            case .csv: CSVReport.render(report, language: language)
            case .json: try JSONReport.render(report, language: language)
            case .svg: SVGReport.render(report, language: language)
            }
            FileHandle.standardOutput.write(Data(text.utf8))
        } catch let error as StatsError {
            FileHandle.standardError.write(Data("lotse stats: \(error.message(language))\n".utf8))
            throw ExitCode(1)
        }
    }
}
