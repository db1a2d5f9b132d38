import Foundation

/// Units merged or split: "Công an TP Rạch Giá (*)" with "(*) Sáp nhập Công an huyện Kiên Hải" under the table,
/// "Chi cục Thuế khu vực Tam Nông – Thanh Bình" for the two Chi cục that end the year before, or the catalogue's
/// "sáp nhập từ" / "tách từ". A merged unit is compared with its predecessors together; a part of a split unit
/// with nothing (its share of the old figures is not known) unless the office's form states its cùng kỳ.
public struct Lineage: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case merger, split }

    public var kind: Kind
    /// The unit as it is from `year` on (a table id).
    public var unit: Int32
    /// The units it comes from (table ids); a merged unit that kept one of their names is among them.
    public var predecessors: [Int32]
    /// The first year of the new unit.
    public var year: Int
    /// Who said so: the catalogue, the note under the form's table, or the names.
    public var basis: Basis
}

/// A note under a form's table that explains a marked name: "(*) Sáp nhập Công an huyện Kiên Hải".
public struct UnitNote: Sendable, Equatable {
    public var marker: String
    public var text: String
    public var file: Int32
    public var line: Int32
}

enum UnitLineage {
    /// "Công an TP Rạch Giá (*)" → ("Công an TP Rạch Giá", "(*)").
    static func marker(of name: String) -> (name: String, marker: String)? {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        for marker in ["(***)", "(**)", "(*)", "***", "**", "*"] where trimmed.hasSuffix(marker) {
            let base = String(trimmed.dropLast(marker.count)).trimmingCharacters(in: .whitespaces)
            return base.isEmpty ? nil : (base, marker.hasPrefix("(") ? marker : "(" + marker + ")")
        }
        return nil
    }

    /// A note's marker: "(*) Sáp nhập …", "* Gồm cả …", "Ghi chú: (*) …".
    static func noteMarker(_ text: String) -> (marker: String, body: String)? {
        var rest = text.trimmingCharacters(in: .whitespaces)
        for lead in ["Ghi chú:", "Ghi chú", "Chú thích:", "Lưu ý:"] where rest.lowercased().hasPrefix(lead.lowercased()) {
            rest = String(rest.dropFirst(lead.count)).trimmingCharacters(in: .whitespaces)
        }
        for marker in ["(***)", "(**)", "(*)", "***", "**", "*"] where rest.hasPrefix(marker) {
            let body = String(rest.dropFirst(marker.count)).trimmingCharacters(in: CharacterSet(charactersIn: " :-–"))
            return (marker.hasPrefix("(") ? marker : "(" + marker + ")", body)
        }
        return nil
    }

    /// The words a unit's name has that its fellows' do not: "tam nong" of "Chi cục Thuế huyện Tam Nông" among
    /// other Chi cục; the whole place when the fellows share nothing.
    static func ownWords(_ name: String, common: Set<String>) -> [String] {
        NameClues.place(unit: name).split(separator: " ").map(String.init).filter { !common.contains($0) }
    }

    /// True when `part` stands in `whole` as consecutive words.
    static func contains(_ whole: [String], _ part: [String]) -> Bool {
        guard !part.isEmpty, part.count <= whole.count else { return false }
        return (0...(whole.count - part.count)).contains { Array(whole[$0..<($0 + part.count)]) == part }
    }

    /// The mergers the names and the notes show, and those the catalogue states. `years` is each unit's first and last
    /// year; `groups` each unit's group; `noteUnits` each marked unit with the note under its table.
    static func find(units: [String], years: [(first: Int32, last: Int32)], groups: [String?],
                     notes: [(unit: Int32, note: String, year: Int)],
                     stated: [Lineage]) -> [Lineage] {
        var out = stated
        let claimed = Set(stated.map(\.unit))
        // Words every unit's place shares ("chi cuc thue", "cong an") say nothing of which one it is.
        var counts: [String: Int] = [:]
        for name in units {
            for word in Set(NameClues.place(unit: name).split(separator: " ").map(String.init)) { counts[word, default: 0] += 1 }
        }
        let common = Set(counts.filter { $0.value * 2 > units.count && units.count >= 3 }.keys)
        let own = units.map { ownWords($0, common: common) }
        // A note that names other units: those are merged into the marked one, which continues its own history.
        for (unit, note, year) in notes where !claimed.contains(unit) {
            let folded = NameClues.folded(note).split(separator: " ").map(String.init)
            let named = units.indices.filter { other in
                other != Int(unit) && !own[other].isEmpty && contains(folded, own[other]) && years[other].first < Int32(year)
            }.map(Int32.init)
            guard !named.isEmpty else { continue }
            let selfBefore = years[Int(unit)].first < Int32(year) ? [unit] : []
            out.append(Lineage(kind: .merger, unit: unit, predecessors: selfBefore + named, year: year, basis: .inferred("(*)")))
        }
        // A new name holding the names of two units or more that end the year before, in its group: only units that start
        // after the first year are compared, with those that end the year before (a long export's units span every year).
        let firstYear = years.map(\.first).min() ?? .max, lastYear = years.map(\.last).max() ?? .min
        var endingIn: [Int32: [Int]] = [:]
        for other in units.indices where years[other].last < lastYear && years[other].last != .min {
            endingIn[years[other].last, default: []].append(other)
        }
        for unit in units.indices where years[unit].first > firstYear && years[unit].first != .max
            && !claimed.contains(Int32(unit)) && !out.contains(where: { $0.unit == Int32(unit) }) {
            let start = years[unit].first
            guard own[unit].count >= 2, let candidates = endingIn[start - 1] else { continue }
            let ended = candidates.filter { other in
                other != unit && !own[other].isEmpty && own[other].count < own[unit].count
                    && contains(own[unit], own[other]) && (groups[other] == nil || groups[unit] == nil || groups[other] == groups[unit])
            }
            guard ended.count >= 2 else { continue }
            out.append(Lineage(kind: .merger, unit: Int32(unit), predecessors: ended.map(Int32.init), year: Int(start),
                               basis: .inferred("tên")))
        }
        return out
    }

    /// The catalogue's "sáp nhập từ" / "tách từ": "Huyện Kiên Hải; TP Rạch Giá (2025)" — names split by ";", "|" or "+",
    /// and the year in parentheses or as the last word.
    static func parse(_ text: String) -> (names: [String], year: Int?) {
        var body = text
        var year: Int?
        if let match = body.range(of: #"[\(\s,;]*(từ\s+|năm\s+|from\s+)?((19|20)\d\d)\)?\s*$"#, options: .regularExpression) {
            year = Int(body[match].filter(\.isNumber).suffix(4))
            body.removeSubrange(match)
        }
        let names = body.split(whereSeparator: { $0 == ";" || $0 == "|" || $0 == "+" })
            .map { NameInterner.canonical(String($0)) }.filter { !$0.isEmpty }
        return (names, year)
    }
}

extension Interpretation {
    /// The mergers and splits (`Lineage`), each stated by `check`, and the previous figures they and the forms'
    /// own cùng kỳ (`officePreviousFigures`) give. `read` is the table as read, `unitNames` each of its units' name in `table`.
    mutating func settleLineage(read: IndicatorTable, unitNames: [String], catalogue: Catalogue, unitID: (String) -> Int32?) {
        var previous = officePreviousFigures()
        // What the catalogue states, then the notes under the tables and the names.
        var stated: [Lineage] = []
        // "sáp nhập từ: không": the names or a note would read a merger the analyst says is none.
        var refused = Set<Int32>()
        for entry in catalogue.units where entry.mergedFrom.flatMap(CatalogueReader.yes) == false {
            if let unit = unitID(entry.name) { refused.insert(unit) }
        }
        for entry in catalogue.units {
            for (text, kind) in [(entry.mergedFrom, Lineage.Kind.merger), (entry.splitFrom, .split)] {
                guard let text, let unit = unitID(entry.name) else { continue }
                let (names, year) = UnitLineage.parse(text)
                let ids = names.compactMap(unitID).filter { $0 != unit || kind == .merger }
                let start = year ?? firstYear(of: unit)
                guard !ids.isEmpty, let start else { continue }
                stated.append(Lineage(kind: kind, unit: unit, predecessors: ids, year: start, basis: .catalogue))
            }
        }
        var years = [(first: Int32, last: Int32)](repeating: (.max, .min), count: table.units.count)
        for row in table.rows {
            years[Int(row.unit)] = (min(years[Int(row.unit)].first, row.year), max(years[Int(row.unit)].last, row.year))
        }
        var marked: [(unit: Int32, note: String, year: Int)] = []
        if !read.unitNotes.isEmpty {
            for (id, name) in read.units.enumerated() {
                guard let (_, marker) = UnitLineage.marker(of: name), let unit = unitID(unitNames[id]) else { continue }
                let files = Set(read.rows.lazy.filter { $0.unit == Int32(id) }.map(\.file))
                guard let note = read.unitNotes.first(where: { $0.marker == marker && files.contains($0.file) }) else { continue }
                let year = read.rows.lazy.filter { $0.unit == Int32(id) && $0.file == note.file }.map(\.year).max()
                if let year { marked.append((unit, note.text, Int(year))) }
            }
        }
        lineages = UnitLineage.find(units: table.units, years: years, groups: units.map(\.group), notes: marked, stated: stated)
            .filter { $0.basis == .catalogue || !refused.contains($0.unit) }
        for lineage in lineages where lineage.kind == .merger {
            mergedPrevious(lineage, into: &previous)
            stateLineage(lineage)
        }
        for lineage in lineages where lineage.kind == .split { stateLineage(lineage) }
        previousFigures = previous
    }

    private func firstYear(of unit: Int32) -> Int? {
        table.rows.lazy.filter { $0.unit == unit }.map { Int($0.year) }.min()
    }

    /// A merged unit's rows of its first year compared with its predecessors' of the year before, added up; a figure
    /// that does not add up (a rate, a mean) has nothing to compare with. The office's own cùng kỳ stays first.
    private func mergedPrevious(_ lineage: Lineage, into previous: inout [RowKey: PreviousFigure]) {
        let involved = Set(lineage.predecessors + [lineage.unit])
        var before: [RowKey: IndicatorRow] = [:]
        for row in table.rows where involved.contains(row.unit) && Int(row.year) == lineage.year - 1 { before[RowKey(row)] = row }
        for row in table.rows where row.unit == lineage.unit && Int(row.year) == lineage.year {
            let key = RowKey(row)
            guard previous[key] == nil else { continue }
            var own = key
            own.year -= 1
            if before[own]?.fromPreviousColumn == true { continue }
            // The predecessors' figures of an indicator, added up (nil when none has one).
            func total(_ indicator: Int32) -> Double? {
                let values = lineage.predecessors.compactMap { unit -> Double? in
                    var theirs = own
                    (theirs.unit, theirs.indicator) = (unit, indicator)
                    return before[theirs]?.actual
                }
                return values.isEmpty ? nil : values.reduce(0, +)
            }
            switch indicators[Int(row.indicator)].formula {
            case .sum: previous[key] = PreviousFigure(value: total(row.indicator), fromOffice: false)
            case let .ratio(numerator, denominator):
                // A rate pooled from its counts, at the scale of the merged unit's own (× 100 for a percentage).
                let pooled = total(numerator).flatMap { n in total(denominator).flatMap { d in d > 0 ? n / d : nil } }
                let scale = indicators[Int(row.indicator)].isRate ? 100.0 : 1.0
                previous[key] = PreviousFigure(value: pooled.map { $0 * scale }, fromOffice: false)
            default: previous[key] = PreviousFigure(value: nil, fromOffice: false)
            }
        }
    }

    /// One line in `check` for each merger or split, at the new unit's first row of its first year.
    private mutating func stateLineage(_ lineage: Lineage) {
        guard let row = table.rows.first(where: { $0.unit == lineage.unit && Int($0.year) == lineage.year })
            ?? table.rows.first(where: { $0.unit == lineage.unit }) else { return }
        let name = table.units[Int(lineage.unit)]
        let others = lineage.predecessors.filter { $0 != lineage.unit }.map { "\"\(table.units[Int($0)])\"" }.joined(separator: ", ")
        let (why, whyVi): (String, String)
        switch lineage.basis {
        case .catalogue: (why, whyVi) = ("the catalogue says so", "theo danh mục")
        case .inferred("(*)"):
            (why, whyVi) = ("the note under the form's table names them", "ghi chú dưới bảng của biểu nêu tên")
        default:
            (why, whyVi) = ("its name holds theirs, and they end the year before",
                            "tên mới gồm tên các đơn vị đó, và các đơn vị đó kết thúc từ năm trước")
        }
        let en: String, vi: String
        switch lineage.kind {
        case .merger:
            en = "\"\(name)\" is \(others) merged into it from \(lineage.year) (\(why)): its cùng kỳ is the form's where it states one, "
                + "else theirs added up (a rate or a mean: none), they end in \(lineage.year - 1); "
                + "if this is not a merger, write the catalogue's column \"sáp nhập từ\" as không"
            vi = "\"\(name)\" gồm \(others) sáp nhập vào từ năm \(lineage.year) (\(whyVi)): số cùng kỳ là số biểu ghi, "
                + "nếu không có thì là tổng số của các đơn vị đó (tỷ lệ, bình quân: không so sánh), "
                + "các đơn vị đó kết thúc năm \(lineage.year - 1); "
                + "nếu không phải sáp nhập, ghi không ở cột \"sáp nhập từ\" của danh mục"
        case .split:
            en = "\"\(name)\" is split from \(others) from \(lineage.year) (\(why)): it has no cùng kỳ unless the form states one"
            vi = "\"\(name)\" được tách từ \(others) từ năm \(lineage.year) (\(whyVi)): "
                + "không có số cùng kỳ, trừ khi biểu ghi"
        }
        var diagnostic = table.warning(at: row, nil, en, vietnamese: vi)
        diagnostic.severity = .note
        findings.append(Finding(kind: .lineage, diagnostic: diagnostic))
    }
}
