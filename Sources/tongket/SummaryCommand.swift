import ArgumentParser
import Foundation
import TongKetAnalytics
import TongKetData

struct Summary: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The figures: completion, year over year, scorecards and the province, as a table, CSV or JSON.")

    @OptionGroup var input: InputOptions

    @Option(help: "Only this year (default: the latest year for the table, every year for csv and json).")
    var year: Int?

    @Option(help: "table (for people), csv or json (for machines: the columns of the metrics contract).")
    var format: OutputFormat = .table

    @Option(help: "Language of the table: vi or en.")
    var lang: Language = .vi

    @Option(help: "Count only units of this level (cấp) in the province figures, e.g. district.")
    var level: String?

    @Option(name: [.short, .customLong("output")], help: "Write to this file instead of the terminal.")
    var output: String?

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

    func run() throws {
        let metrics = try input.analyse(level: level, year: year)
        if let year, !metrics.years.contains(year) {
            let list = metrics.years.map(String.init).joined(separator: ", ")
            Terminal.error(MessageLanguage.pick("Không có dòng nào của năm \(year); các tệp có các năm \(list).", "No rows for year \(year); the files have \(list)."))
            throw ExitStatus.usage
        }
        try OutputFile.write(to: output) { writer in
            switch format {
            case .table:
                try writer.write(SummaryTable(metrics: metrics, year: year, language: lang).text)
            // Without --year or --period, every year and every period the files hold.
            case .csv:
                try MetricsExport.write(year == nil && input.period == nil ? Session.everyPeriod(metrics) : [metrics], year: year, format: .csv, to: writer)
            case .json:
                try MetricsExport.write(year == nil && input.period == nil ? Session.everyPeriod(metrics) : [metrics], year: year, format: .json, to: writer)
            }
            try writer.flush()
        }
        if format == .table { Session.reviewHint(metrics) }
    }
}
