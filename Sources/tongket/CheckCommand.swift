import ArgumentParser
import TongKetData

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate CSV exports only: every problem as file:line:column, exit 65 if any.")

    @OptionGroup var input: InputOptions

    func run() throws {
        let table = try Session.read(paths: input.files, options: input.readOptions)
        let years = table.years
        let span = years.count > 1 ? "\(years[0])–\(years[years.count - 1])" : years.map(String.init).joined()
        Terminal.output("\(table.files.joined(separator: ", ")): \(table.rows.count) rows, \(table.units.count) units, \(table.indicators.count) indicators, years \(span): no problems found.\n")
    }
}
