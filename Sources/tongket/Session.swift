import ArgumentParser
import Foundation
import TongKetAnalytics
import TongKetCharts
import TongKetData

/// Reading and analysing with every failure turned into messages on stderr and a sysexits
/// code, so no command has to repeat that.
enum Session {
    static func read(_ inputs: [InputFile], options: ReadOptions, notes: Bool = false) throws -> IndicatorTable {
        do {
            let result = try TableReader.read(inputs, options: options)
            // In the order the files said them: a file's notes beside its warnings.
            let said = (result.warnings + (notes ? result.notes : [])).sorted { ($0.file, $0.line ?? 0) < ($1.file, $1.line ?? 0) }
            said.forEach { Terminal.error($0.text(vietnamese: MessageLanguage.isVietnamese)) }
            return result.table
        } catch {
            fail(error)
        }
    }

    static func readFile(_ path: String, options: ReadOptions) throws -> InputFile {
        do {
            return try InputFile.load(path: path, limit: options.sizeLimit)
        } catch {
            fail(error)
        }
    }

    static func catalogue(at path: String?) throws -> Catalogue? {
        guard let path else { return nil }
        do {
            return try CatalogueReader.read(path: path)
        } catch {
            fail(error)
        }
    }

    private static func fail(_ error: LoadError) -> Never {
        let vietnamese = MessageLanguage.isVietnamese
        switch error {
        case let .invalidData(diagnostics, omitted):
            diagnostics.forEach { Terminal.error($0.text(vietnamese: vietnamese)) }
            if omitted > 0 {
                Terminal.error(MessageLanguage.pick("… và \(omitted) lỗi khác không hiện; sửa các lỗi trên rồi chạy lại.",
                                                    "… and \(omitted) more problem\(omitted == 1 ? "" : "s") not shown; fix these first and run again."))
            }
        case .cannotOpen, .usage:
            error.messages(vietnamese: vietnamese).forEach(Terminal.error)
        }
        exit(error.exitCode)
    }

    /// The table as the catalogue and the names say to read it, then its figures.
    /// `period`: the one a user named; else the latest of `year` (the latest year when nil).
    static func metrics(_ table: IndicatorTable, catalogue: Catalogue?, level: String?, period: String? = nil, year: Int? = nil) throws -> Metrics {
        let interpretation: Interpretation
        do {
            interpretation = try Interpretation(table, catalogue: catalogue)
        } catch {
            fail(error)
        }
        let chosen = try periodID(period, in: interpretation.table) ?? interpretation.latestPeriod(year: year)
        let metrics: Metrics
        do {
            metrics = try Metrics(interpretation, level: level, period: chosen)
        } catch {
            switch error {
            case let .unknownLevel(level, available):
                let list = available.isEmpty
                    ? MessageLanguage.pick("các tệp không có cột cấp", "the files have no level column")
                    : MessageLanguage.pick("các cấp có trong tệp: ", "levels present: ") + available.joined(separator: ", ")
                Terminal.error(MessageLanguage.pick("Không có dòng nào thuộc cấp \"\(level)\"; \(list).", "No row has level \"\(level)\"; \(list)."))
            }
            throw ExitStatus.usage
        }
        return metrics
    }

    /// The period a user named, as an id of the table's periods; nil for the default (the latest).
    /// A period the files do not hold is a usage error that lists the ones they do.
    static func periodID(_ name: String?, in table: IndicatorTable) throws -> UInt8? {
        guard let name, let wanted = ReportingPeriod.named(name) else { return nil }
        if let id = table.periodsPresent.first(where: { table.periods[Int($0)].part == wanted.part }) { return id }
        let present = table.periodsPresent.map { table.periods[Int($0)].label }.joined(separator: ", ")
        Terminal.error(MessageLanguage.pick("Các tệp không có số liệu kỳ \"\(wanted.label)\"; các kỳ có trong tệp: \(present).",
                                            "The files hold no figures for \"\(wanted.label)\"; the periods they hold: \(present)."))
        throw ExitStatus.usage
    }

    /// The same figures for each period the files hold, in the order the periods end.
    static func everyPeriod(_ metrics: Metrics) -> [Metrics] {
        let periods = metrics.interpretation.table.periodsPresent
        guard periods.count > 1 else { return [metrics] }
        return periods.compactMap { try? Metrics(metrics.interpretation, level: metrics.level, period: $0) }
    }

    /// After a summary or a pack is made: one line on how much the figures assume and where to
    /// see it (the files themselves say it too).
    static func reviewHint(_ metrics: Metrics) {
        let count = metrics.interpretation.findings.count + Review.findings(metrics).count
        guard count > 0 else { return }
        Terminal.error(MessageLanguage.pick(
            "\(count) điều cần xem lại (giả định về chiều và cách tính toàn tỉnh, dòng tổng, số liệu bất thường): chạy `tongket check` với cùng các tệp để xem từng điều.",
            "\(count) thing\(count == 1 ? "" : "s") to review (assumed directions and province formulas, total rows, unusual values): run `tongket check` on the same files to see each."))
    }

    /// The year asked for, or the latest in the table; a year without rows is a usage error.
    static func year(_ requested: Int?, in metrics: Metrics) throws -> Int {
        let years = metrics.years
        guard let year = requested ?? years.last else {
            Terminal.error(MessageLanguage.pick("Các tệp không có dòng số liệu nào.", "The files hold no data rows."))
            throw ExitStatus.dataError
        }
        if !years.contains(year) {
            let list = years.map(String.init).joined(separator: ", ")
            Terminal.error(MessageLanguage.pick("Không có dòng nào của năm \(year); các tệp có các năm \(list).", "No rows for year \(year); the files have \(list)."))
            throw ExitStatus.usage
        }
        return year
    }

    /// The indicator a user named (close enough is fine), or the close matches and exit 64.
    /// "A, B, C": several names, comma-separated — a name may hold a comma itself ("Số tin
    /// báo, tố giác tội phạm"). From each piece on, the longest run of pieces that is a whole
    /// indicator name wins; else the shortest run that names one indicator closely enough.
    static func indicators(_ list: String, in table: IndicatorTable) throws -> [Int32] {
        let pieces = list.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let exact = Dictionary(table.indicators.enumerated().map { (HeaderName.fold($1), Int32($0)) }, uniquingKeysWith: { a, _ in a })
        func joined(_ range: Range<Int>) -> String { pieces[range].joined(separator: ",").trimmingCharacters(in: .whitespaces) }
        var found: [Int32] = []
        var start = 0
        while start < pieces.count {
            if let end = (start + 1...pieces.count).reversed().first(where: { exact[HeaderName.fold(joined(start..<$0))] != nil }) {
                found.append(exact[HeaderName.fold(joined(start..<end))]!)
                start = end
                continue
            }
            // A part several indicators hold ("bị can"): every one it names, said.
            let part = HeaderName.fold(joined(start..<start + 1))
            let holding = part.isEmpty ? [] : table.indicators.indices.filter { HeaderName.fold(table.indicators[$0]).contains(part) }
            if holding.count >= 2 {
                Terminal.error(MessageLanguage.pick("\"\(joined(start..<start + 1))\" chọn \(holding.count) chỉ tiêu: ", "\"\(joined(start..<start + 1))\" selects \(holding.count) indicators: ")
                               + holding.map { table.indicators[$0] }.joined(separator: "; "))
                found += holding.map { Int32($0) }.filter { !found.contains($0) }
                start += 1
                continue
            }
            guard let end = (start + 1...pieces.count).first(where: { if case .found = IndicatorLookup.find(joined(start..<$0), in: table) { return true } else { return false } }) else {
                found.append(try indicator(joined(start..<pieces.count), in: table))
                break
            }
            found.append(try indicator(joined(start..<end), in: table))
            start = end
        }
        return found
    }

    /// A unit by its name, or a part of it only one unit's name holds; else exit 64 with the close matches.
    static func unit(_ name: String, in table: IndicatorTable) throws -> Int32 {
        let present = Set(table.rows.map { Int($0.unit) }).sorted()
        switch NameLookup.find(name, among: table.units, candidates: present) {
        case let .found(id): return Int32(id)
        case let .notFound(close, ambiguous):
            Terminal.error((ambiguous
                ? MessageLanguage.pick("\"\(name)\" có trong tên của \(close.count) đơn vị; ghi thêm tên để chọn một:", "\"\(name)\" is part of \(close.count) units' names; write more of the name to choose one:")
                : MessageLanguage.pick("Không có đơn vị nào tên \"\(name)\". Tên gần giống:", "No unit is called \"\(name)\". Close matches:"))
                + "\n" + close.map { "  " + table.units[$0] }.joined(separator: "\n"))
            throw ExitStatus.usage
        }
    }

    static func indicator(_ name: String, in table: IndicatorTable) throws -> Int32 {
        switch IndicatorLookup.find(name, in: table) {
        case let .found(id): return id
        case let .notFound(suggestions):
            let wanted = HeaderName.fold(name)
            let holding = table.indicators.filter { HeaderName.fold($0).contains(wanted) }
            if holding.count > 1 {
                Terminal.error(MessageLanguage.pick("\"\(name)\" có trong tên của \(holding.count) chỉ tiêu; ghi thêm tên để chọn một:",
                                                    "\"\(name)\" is part of \(holding.count) indicators' names; write more of the name to choose one:")
                               + "\n" + holding.map { "  \($0)" }.joined(separator: "\n"))
                throw ExitStatus.usage
            }
            Terminal.error(MessageLanguage.pick("Không có chỉ tiêu nào tên \"\(name)\". Tên gần giống:", "No indicator is called \"\(name)\". Close matches:")
                           + "\n" + suggestions.map { "  \($0)" }.joined(separator: "\n"))
            throw ExitStatus.usage
        }
    }
}
