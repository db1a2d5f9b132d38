import ArgumentParser
import TongKetAnalytics
import TongKetCharts
import TongKetData

/// Reading and analysing with every failure turned into messages on stderr and a sysexits
/// code, so no command has to repeat that.
enum Session {
    static func read(_ inputs: [InputFile], options: ReadOptions) throws -> IndicatorTable {
        do {
            let result = try TableReader.read(inputs, options: options)
            result.warnings.forEach { Terminal.error($0.description) }
            return result.table
        } catch {
            error.messages.forEach(Terminal.error)
            throw ExitCode(error.exitCode)
        }
    }

    static func read(paths: [String], options: ReadOptions) throws -> IndicatorTable {
        try read(paths.map { try readFile($0, options: options) }, options: options)
    }

    static func readFile(_ path: String, options: ReadOptions) throws -> InputFile {
        do {
            return try InputFile.load(path: path, limit: options.sizeLimit)
        } catch {
            error.messages.forEach(Terminal.error)
            throw ExitCode(error.exitCode)
        }
    }

    static func metrics(_ table: IndicatorTable, level: String?) throws -> Metrics {
        do {
            return try Metrics(table: table, level: level)
        } catch {
            switch error {
            case let .unknownLevel(level, available):
                let list = available.isEmpty ? "the files have no level column" : "levels present: " + available.joined(separator: ", ")
                Terminal.error("No row has level \"\(level)\"; \(list).")
            }
            throw ExitCode(64)
        }
    }

    /// The year asked for, or the latest in the table; a year without rows is a usage error.
    static func year(_ requested: Int?, in table: IndicatorTable) throws -> Int {
        let years = table.years
        guard let year = requested ?? years.last else { throw ExitCode(65) }
        if !years.contains(year) {
            Terminal.error("No rows for year \(year); the files have \(years.map(String.init).joined(separator: ", ")).")
            throw ExitCode(64)
        }
        return year
    }

    /// The indicator a user named (close enough is fine), or the close matches and exit 64.
    static func indicator(_ name: String, in table: IndicatorTable) throws -> Int32 {
        switch IndicatorLookup.find(name, in: table) {
        case let .found(id): return id
        case let .notFound(suggestions):
            Terminal.error("No indicator is called \"\(name)\". Close matches:\n" + suggestions.map { "  \($0)" }.joined(separator: "\n"))
            throw ExitCode(64)
        }
    }

    static func analyse(_ inputs: [InputFile], options: ReadOptions, level: String?) throws -> Metrics {
        try metrics(read(inputs, options: options), level: level)
    }
}
