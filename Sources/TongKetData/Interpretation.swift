/// Where a value the figures rest on came from. Outputs state every value that is not the
/// export's or the analyst's own (`isAssumed`).
public enum Basis: Sendable, Equatable {
    /// The export's own column (direction, level).
    case data
    /// The catalogue, confirmed by the analyst.
    case catalogue
    /// The catalogue, as `tongket init` proposed it ("thấp?"), not yet confirmed.
    case proposed
    /// The name, by the words given ("tu vong").
    case inferred(String)
    /// The measure ("%", "giường/vạn dân", "phút").
    case measure(String)
    /// The targets: every target assigned is 0 (a ceiling of 0), or no unit has any (no direction).
    case targets(String)
    /// The office's own total row.
    case totalRow(String)
    /// Nothing said anything: the rule's default (higher is better; counts add up).
    case standard

    /// True for a decision no file or analyst stated: outputs say it was assumed. What the
    /// targets or a total row show is the files' own word.
    public var isAssumed: Bool {
        switch self {
        case .data, .catalogue, .targets, .totalRow: return false
        case .proposed, .inferred, .measure, .standard: return true
        }
    }
}

/// How the province figure of one indicator is formed, with the indicators it uses by id.
public enum ProvinceFormula: Sendable, Equatable {
    case sum
    case mean
    case weightedMean(by: Int32)
    case ratio(numerator: Int32, denominator: Int32)
    case none

    public var isSum: Bool { self == .sum }
}

/// What the figures take as given for one indicator.
public struct IndicatorProfile: Sendable, Equatable {
    public var direction: Direction
    public var directionBasis: Basis
    public var formula: ProvinceFormula
    public var formulaBasis: Basis
    /// The catalogue's short label for charts, else nil.
    public var label: String?
    public var field: String?
    public var order: Int?
    public var headline: Bool?
    /// Measured in % (a rate): shown with "%", judged against its threshold, changes in points.
    public var isRate = false
    public var rateBasis: Basis = .standard
    /// The catalogue's measure ("đơn vị tính"), shown instead of the files'.
    public var measure: String?
    /// The office's total row gives the province figure where there is one (the default); false
    /// when the catalogue chose a formula. `formula` cross-checks the total row either way.
    public var usesTotalRow = true
    /// The catalogue's "KH toàn tỉnh": the province's target in every year.
    public var provinceTarget: Double?
    /// The catalogue's "số chữ số thập phân": the fewest decimals shown.
    public var decimals: Int?
    /// The indicator written together with this one ("981 vụ/1.881 bị can"): the catalogue's
    /// "cặp với", else the other half of a paired cell. Both of a pair point at each other.
    public var pair: Int32?
    /// The catalogue's "KH so với cùng kỳ": a target against the year before where the files state none.
    public var relativeTarget: RelativeTarget?
    /// False when the catalogue says a count with no target is not judged by its change.
    public var judgedByChange = true
    /// The item this indicator is a part of ("Thu từ DNNN trung ương" of "Thu nội địa"): never a unit, never summed
    /// into it again, not counted in the scorecard unless `inScorecard` says so.
    public var parent: Int32?
    public var parentBasis: Basis = .standard
    /// The catalogue's "tính vào bảng điểm"; nil: the top level counts.
    public var inScorecard: Bool?
    /// Counted in "đạt x/y chỉ tiêu": one level, the top by default, so a part never counts its whole's figure twice.
    public var countsInScorecard: Bool { inScorecard ?? (parent == nil) }
}

/// What the figures take as given for one unit.
public struct UnitProfile: Sendable, Equatable {
    /// The group the unit is ranked in; nil when all units are one group.
    public var group: String?
    public var groupBasis: Basis
    public var shortName: String?
}

/// A row of a total line ("Tổng cộng", "Toàn tỉnh") set aside from the units: it is used only
/// to cross-check the province figure.
public struct TotalRow: Sendable, Equatable {
    public var name: String
    public var year: Int
    /// -1 when no unit reports the indicator the total row names.
    public var indicator: Int32
    public var target: Double?
    public var actual: Double
    public var file: Int32
    public var line: Int32
    /// The group a subtotal ("Cộng cấp huyện") sums — a level id of the table, the level of the
    /// units' rows just above it; -1 for the grand total, which is the province's.
    public var level: Int32 = -1
    public var isSubtotal = false
    /// The period of the row, an index into the table's `periods`.
    public var period: UInt8 = 0
    /// The row's other targets (`OtherTarget`), by name.
    public var otherTargets: [String: Double] = [:]
    /// The figure is a form's "Cùng kỳ" column: a total row that states the year itself stands instead.
    public var fromPreviousColumn = false
    /// What the row itself says of its figure, for an indicator only the agency's own rows report.
    public var measure: Int32 = -1
    public var direction: Direction = .higher
    public var directionGiven = false
    public var ownTarget = false
}

/// A warning for the analyst's review (`tongket check`): what the tool noticed or assumed, with
/// the place in the files it concerns.
public struct Finding: Sendable, Equatable {
    /// What the finding is about; its raw value is the name `check` lists it under.
    public enum Kind: String, Sendable, CaseIterable {
        case inferredCeiling = "inferred-ceiling"
        case inferredMean = "inferred-mean"
        case directionConflict = "direction-conflict"
        case totalRow = "total-row"
        case totalMismatch = "total-mismatch"
        case spellingVariant = "spelling-variant"
        case likelyRename = "likely-rename"
        case jump
        case percentOver100 = "percent-over-100"
        case partialTargets = "partial-targets"
        case singleUnit = "single-unit"
        case lookAlike = "look-alike"
        case mainTarget = "main-target"
        case previousConflict = "cung-ky"
        case lineage = "unit-lineage"
        case itemSum = "item-sum"
    }

    public var kind: Kind
    public var diagnostic: Diagnostic

    public init(kind: Kind, diagnostic: Diagnostic) {
        self.kind = kind
        self.diagnostic = diagnostic
    }
}

/// The table as the figures should read it: spellings of one name merged, old names mapped to
/// new ones, total rows set aside, every indicator's direction and province formula and every
/// unit's group decided — by the export, the catalogue, or, where both are silent, the names
/// (`NameClues`) — and every assumption and suspicious value listed as a finding.
public struct Interpretation: Sendable {
    public internal(set) var table: IndicatorTable
    /// By indicator id of `table`.
    public internal(set) var indicators: [IndicatorProfile]
    /// By unit id of `table`.
    public let units: [UnitProfile]
    public internal(set) var totals: [TotalRow]
    public internal(set) var findings: [Finding]
    /// The spellings read as each name (kept name → the others), for units and indicators: the
    /// old names `tongket init` writes so that next year reads them without a warning.
    public let unitSpellings: [String: [String]]
    public let indicatorSpellings: [String: [String]]
    /// Units likely renamed: the new name → the old one (not joined until the catalogue says so).
    public let likelyRenamedUnits: [String: String]
    /// Units merged or split (`Lineage`), and the previous figures that are not the year before's own row:
    /// the form's cùng kỳ, a merged unit's predecessors together.
    public internal(set) var lineages: [Lineage] = []
    public internal(set) var previousFigures: [RowKey: PreviousFigure] = [:]
    /// A form's own cùng kỳ on its total row where another file states that year's total: the province's previous
    /// figure of the year after.
    public internal(set) var previousTotals: [TotalRow] = []

    /// The years of the units' rows and of the total rows: a sheet of the agency's own rows has no unit rows.
    public var years: [Int] { Set(table.years).union(totals.map(\.year)).sorted() }

    /// The period a review takes by default (`IndicatorTable.latestPeriod`), the total rows' where no unit reports the year.
    public func latestPeriod(year: Int? = nil) -> UInt8 {
        // (no total row: the units' rows alone, without a second pass over a million of them)
        if totals.isEmpty { return table.latestPeriod(year: year) }
        guard let year = year ?? years.last else { return 0 }
        if table.rows.contains(where: { Int($0.year) == year }) { return table.latestPeriod(year: year) }
        let periods = Set(totals.filter { $0.year == year && !$0.fromPreviousColumn }.map(\.period))
        return periods.max { ReportingPeriod.endsBefore(table.periods[Int($0)], table.periods[Int($1)]) } ?? 0
    }

    /// The indicators whose direction or province formula is assumed rather than given.
    public var assumedCeilings: [Int32] {
        indicators.indices.filter { indicators[$0].direction == .lower && indicators[$0].directionBasis.isAssumed }.map { Int32($0) }
    }

    public var assumedFormulas: [Int32] {
        indicators.indices.filter { !indicators[$0].formula.isSum && indicators[$0].formulaBasis.isAssumed }.map { Int32($0) }
    }

    public init(_ table: IndicatorTable, catalogue: Catalogue? = nil) throws(LoadError) {
        let catalogue = catalogue ?? Catalogue()
        var findings: [Finding] = []
        var rowCounts = (units: [Int](repeating: 0, count: table.units.count), indicators: [Int](repeating: 0, count: table.indicators.count))
        var firstRow = (units: [Int](repeating: -1, count: table.units.count), indicators: [Int](repeating: -1, count: table.indicators.count))
        for (i, row) in table.rows.enumerated() {
            rowCounts.units[Int(row.unit)] += 1
            rowCounts.indicators[Int(row.indicator)] += 1
            if table.isEarlier(i, than: firstRow.units[Int(row.unit)]) { firstRow.units[Int(row.unit)] = i }
            if table.isEarlier(i, than: firstRow.indicators[Int(row.indicator)]) { firstRow.indicators[Int(row.indicator)] = i }
        }
        func note(_ kind: Finding.Kind, row: Int, field: Bool = false, _ message: String, vi: String) {
            let diagnostic = row >= 0 ? table.warning(at: table.rows[row], field ? .indicator : nil, message, vietnamese: vi)
                : Diagnostic(file: table.files.first ?? "", severity: .warning, message: message, vietnamese: vi)
            findings.append(Finding(kind: kind, diagnostic: diagnostic))
        }

        // A Cyrillic "Р" among Latin letters makes a name that looks like another and is not:
        // said once per name, and the name's spelling key reads the letters as the Latin ones.
        for (names, rows, what, whatVi) in [(table.units, firstRow.units, "unit", "đơn vị"), (table.indicators, firstRow.indicators, "indicator", "chỉ tiêu")] {
            for (id, name) in names.enumerated() {
                let letters = NameClues.lookAlikes(in: name)
                guard !letters.isEmpty else { continue }
                let listed = Set(letters).sorted().map { "\"\($0)\" (\(Diagnostic.codePoint($0.unicodeScalars.first!)))" }.joined(separator: ", ")
                let shown = Diagnostic.shown(name), latin = NameClues.latinLookAlike(name)
                note(.lookAlike, row: rows[id], field: what == "indicator",
                     "\(what) \"\(shown)\" has Cyrillic or Greek letters among Latin ones: \(listed); it looks like \"\(latin)\" but is another text; retype those letters in the file",
                     vi: "\(whatVi) \"\(shown)\" có chữ Kirin hoặc Hy Lạp lẫn trong chữ Latinh: \(listed); trông như \"\(latin)\" nhưng là chuỗi khác; hãy gõ lại các chữ đó trong tệp")
            }
        }

        // Names: the catalogue's (old names included), then spellings that differ only in case,
        // spacing or punctuation, kept as the most frequent one.
        let unitEntries = Self.entries(catalogue.units.map { ($0.name, $0.oldNames) })
        let indicatorEntries = Self.entries(catalogue.indicators.map { ($0.name, $0.oldNames) })
        var unitSpellings: [String: [String]] = [:], indicatorSpellings: [String: [String]] = [:]
        // Spellings one file uses side by side in the same year stay apart: who shares a key, and where.
        let unitKeys = table.units.map(NameClues.spellingKey), indicatorKeys = table.indicators.map(NameClues.spellingKey)
        // Each name's key once: the lookups below ask again for the same names.
        var knownKeys = Dictionary(zip(table.units, unitKeys), uniquingKeysWith: { a, _ in a })
        knownKeys.merge(zip(table.indicators, indicatorKeys), uniquingKeysWith: { a, _ in a })
        let keyOf = knownKeys
        func spelling(_ name: String) -> String { keyOf[name] ?? NameClues.spellingKey(name) }
        func sharedKeys(_ keys: [String]) -> Set<Int32> {
            var byKey: [String: [Int32]] = [:]
            for (id, key) in keys.enumerated() { byKey[key, default: []].append(Int32(id)) }
            return Set(byKey.values.filter { $0.count > 1 }.joined())
        }
        let unitPlaces = Self.occurrences(table.rows, unitSide: true, of: sharedKeys(unitKeys))
        let indicatorPlaces = Self.occurrences(table.rows, unitSide: false, of: sharedKeys(indicatorKeys))
        func together(_ places: [Int32: Set<Int64>]) -> (Int, Int) -> Bool {
            { a, b in !(places[Int32(a)] ?? []).isDisjoint(with: places[Int32(b)] ?? []) }
        }
        let unitNames = Self.merge(table.units, keys: unitKeys, counts: rowCounts.units, entries: unitEntries.mapValues { catalogue.units[$0].name },
                                   together: together(unitPlaces), apart: { old, other in
            note(.spellingVariant, row: firstRow.units[old], "unit \"\(table.units[old])\" is kept apart from \"\(other)\": the names differ only in spelling, but both report the same indicator in the same year; if they are one unit, correct one of them",
                 vi: "đơn vị \"\(table.units[old])\" được giữ riêng với \"\(other)\": hai tên chỉ khác cách viết nhưng cùng báo cáo một chỉ tiêu trong cùng năm; nếu là một đơn vị, hãy sửa một tên")
        }) { old, kept in
            unitSpellings[kept, default: []].append(table.units[old])
            note(.spellingVariant, row: firstRow.units[old], "unit \"\(table.units[old])\" is read as \"\(kept)\": the names differ only in case, spacing, punctuation, i/y or an abbreviation (TP, TX, GV …)",
                 vi: "đơn vị \"\(table.units[old])\" được hiểu là \"\(kept)\": hai tên chỉ khác chữ hoa, khoảng trắng, dấu câu, i/y hoặc chữ viết tắt (TP, TX, GV …)")
        }
        let indicatorNames = Self.merge(table.indicators, keys: indicatorKeys, counts: rowCounts.indicators, entries: indicatorEntries.mapValues { catalogue.indicators[$0].name },
                                        together: together(indicatorPlaces), apart: { old, other in
            note(.spellingVariant, row: firstRow.indicators[old], field: true, "indicator \"\(table.indicators[old])\" is kept apart from \"\(other)\": the names differ only in spelling, but one unit reports both in the same year; if they are one indicator, correct one of them",
                 vi: "chỉ tiêu \"\(table.indicators[old])\" được giữ riêng với \"\(other)\": hai tên chỉ khác cách viết nhưng một đơn vị báo cáo cả hai trong cùng năm; nếu là một chỉ tiêu, hãy sửa một tên")
        }) { old, kept in
            indicatorSpellings[kept, default: []].append(table.indicators[old])
            note(.spellingVariant, row: firstRow.indicators[old], field: true, "indicator \"\(table.indicators[old])\" is read as \"\(kept)\": the names differ only in case, spacing, punctuation, i/y or an abbreviation (GV, HS …)",
                 vi: "chỉ tiêu \"\(table.indicators[old])\" được hiểu là \"\(kept)\": hai tên chỉ khác chữ hoa, khoảng trắng, dấu câu, i/y hoặc chữ viết tắt (GV, HS …)")
        }

        // Each unit's name folded once, for the clues of total rows and groups.
        var foldedUnit: [String: String] = [:]
        for name in unitNames where foldedUnit[name] == nil { foldedUnit[name] = NameClues.folded(name) }
        // The agency's own rows (its name as the title block writes it) are the province's, as a total row is.
        // (of the title blocks' agency lines, those of the province's own body: a unit's own file names the unit there)
        // ("tỉnh" with its marks: "huyện Tĩnh Gia" folds to the same letters)
        func namesProvince(_ name: String) -> Bool { name.lowercased().split(whereSeparator: { !$0.isLetter }).contains("tỉnh") }
        let agencies = Set((Array(table.agencyNames) + (table.organisation.map { [$0] } ?? [])).filter(namesProvince).map(NameClues.folded))
        // With no title block, a province's body among its district ones is the agency: "Công an tỉnh Hậu Giang" among
        // "Công an TP Ngã Bảy", "Công an huyện …".
        // (the folded name first: most hold no "tinh" at all, and thousands of units pass here)
        let provinceNamed = Set(foldedUnit.filter { (" " + $0.value + " ").contains(" tinh ") && namesProvince($0.key) }.keys)
        let districtBodies = Set(foldedUnit.filter { !provinceNamed.contains($0.key) }.values)
        func provinceBody(_ name: String) -> Bool {
            guard provinceNamed.contains(name), let folded = foldedUnit[name], let range = folded.range(of: " tinh "),
                  !folded[..<range.lowerBound].isEmpty else { return false }
            let kind = String(folded[..<range.lowerBound]) + " "
            return districtBodies.filter { $0.hasPrefix(kind) }.count >= 2
        }
        func isAgency(_ name: String) -> Bool { foldedUnit[name].map { agencies.contains($0) } == true || provinceBody(name) }

        // Total rows: the catalogue says so, else the name does.
        var isTotal = [Bool](repeating: false, count: table.units.count)
        for (id, name) in unitNames.enumerated() {
            if let entry = unitEntries[spelling(name)].map({ catalogue.units[$0] }), let total = entry.isTotal {
                isTotal[id] = total.value
            } else {
                isTotal[id] = NameClues.isTotal(words: foldedUnit[name] ?? "") || isAgency(name)
            }
        }
        // A total row in each file is its own finding: each file's total is checked on its own.
        var totalPlaces: [Int: [Int32: Int]] = [:]
        for (i, row) in table.rows.enumerated() where isTotal[Int(row.unit)] {
            let current = totalPlaces[Int(row.unit), default: [:]][row.file] ?? -1
            if table.isEarlier(i, than: current) { totalPlaces[Int(row.unit), default: [:]][row.file] = i }
        }
        for id in totalPlaces.keys.sorted() {
            let name = unitNames[id]
            for (_, row) in (totalPlaces[id] ?? [:]).sorted(by: { $0.key < $1.key }) {
                if NameClues.isSubtotal(words: foldedUnit[name] ?? "") {
                    note(.totalRow, row: row, "\"\(name)\" is a subtotal, not a unit: it is its group's figure (used with --level), never ranked, and the group's units cross-check it",
                         vi: "\"\(name)\" là dòng cộng của một nhóm, không phải đơn vị: là số của nhóm (dùng với --level), không xếp hạng, đối chiếu với các đơn vị trong nhóm")
                } else if isAgency(name) {
                    note(.totalRow, row: row, "\"\(name)\" is the agency itself (its title block names it), not a unit: "
                         + "its figures are the province's, never ranked, no unit pack",
                         vi: "\"\(name)\" là chính cơ quan báo cáo (tên ở đầu văn bản), không phải một đơn vị: "
                         + "số của dòng này là số toàn tỉnh, không xếp hạng, không có bộ tài liệu riêng")
                } else {
                    note(.totalRow, row: row, "\"\(name)\" is the office's total row, not a unit: its figures are the province's (what the office published), never ranked, and the units' rows cross-check them",
                         vi: "\"\(name)\" là dòng tổng của đơn vị, không phải một đơn vị: số của dòng này là số toàn tỉnh (số đã báo cáo), không xếp hạng, đối chiếu với số của các đơn vị")
                }
            }
        }

        // A total line can also stand in the indicator column ("Cộng" under a unit's block).
        let isTotalIndicator = indicatorNames.map { name in
            indicatorEntries[spelling(name)] == nil && NameClues.isTotal(indicator: name)
        }
        for (id, total) in isTotalIndicator.enumerated() where total {
            note(.totalRow, row: firstRow.indicators[id], field: true,
                 "\"\(indicatorNames[id])\" in the indicator column is a total line, not an indicator: its rows are left out of every figure",
                 vi: "\"\(indicatorNames[id])\" ở cột chỉ tiêu là dòng cộng, không phải chỉ tiêu: các dòng này không tính vào số liệu nào")
        }
        let rebuilt = try Self.rebuild(table, unitNames: unitNames, indicatorNames: indicatorNames, isTotal: isTotal, isTotalIndicator: isTotalIndicator)
        var newTable = rebuilt.table
        let totals = rebuilt.totals
        previousTotals = rebuilt.previousTotals
        try Self.checkGrandTotals(totals, newTable)

        // Directions and province formulas, indicator by indicator.
        var measureOf = [Int32](repeating: -1, count: newTable.indicators.count)
        var given = [Direction?](repeating: nil, count: newTable.indicators.count)
        var firstNew = [Int](repeating: -1, count: newTable.indicators.count)
        // What the targets say: any assigned at all, any above 0; whether every value fits a percentage.
        var targeted = [Bool](repeating: false, count: newTable.indicators.count)
        var positive = [Bool](repeating: false, count: newTable.indicators.count)
        var withinPercent = [Bool](repeating: true, count: newTable.indicators.count)
        for (i, row) in newTable.rows.enumerated() {
            let id = Int(row.indicator)
            if newTable.isEarlier(i, than: firstNew[id]) { firstNew[id] = i }
            if measureOf[id] < 0 { measureOf[id] = row.measure }
            if row.directionGiven, given[id] == nil { given[id] = row.direction }
            if let target = row.target { targeted[id] = true; if target > 0 { positive[id] = true } }
            if !(0...100).contains(row.actual) { withinPercent[id] = false }
        }
        var totalTargeted = [Bool](repeating: false, count: newTable.indicators.count)
        for total in totals where total.indicator >= 0 {
            if let target = total.target { totalTargeted[Int(total.indicator)] = true; if target > 0 { positive[Int(total.indicator)] = true } }
        }
        let newPlace = { (i: Int) -> Int in
            // The first row of the indicator in the rebuilt table, as a row of the original.
            i < 0 ? -1 : rebuilt.origin[i]
        }
        var profiles: [IndicatorProfile] = []
        let ratios = RatioInference.find(newTable)
        func isRateName(_ name: String) -> Bool { ["ty le", "ti le"].contains(where: NameClues.folded(name).hasPrefix) }
        let idByKey = Dictionary(newTable.indicators.enumerated().map { (spelling($1), Int32($0)) }, uniquingKeysWith: { a, _ in a })
        var catalogueProblems: [Diagnostic] = []
        var mainTargets: [Int32: (name: String, line: Int)] = [:]
        for (id, name) in newTable.indicators.enumerated() {
            let entry = indicatorEntries[spelling(name)].map { catalogue.indicators[$0] }
            let measure = measureOf[id] < 0 ? nil : newTable.measures[Int(measureOf[id])]
            let clue = NameClues.ceiling(indicator: name)
            var profile = IndicatorProfile(direction: .higher, directionBasis: .standard, formula: .sum, formulaBasis: .standard,
                                           label: entry?.label, field: entry?.field, order: entry?.order, headline: entry?.headline)
            let evidence = IndicatorEvidence(fileDirection: given[id], catalogue: entry, targeted: targeted[id] || totalTargeted[id],
                                             positiveTarget: positive[id], ceilingClue: clue, measure: measure, withinPercent: withinPercent[id], name: name)
            let decided = DirectionRule.decide(evidence)
            (profile.direction, profile.directionBasis) = (decided.direction, decided.basis)
            // The catalogue's "KH so với cùng kỳ" says which way is better where neither file nor catalogue says it otherwise.
            if let relative = entry?.relativeTarget, entry?.direction == nil, decided.rule != .fileColumn {
                (profile.direction, profile.directionBasis) = (relative.direction, .catalogue)
            }
            switch decided.rule {
            case .fileColumn:
                let direction = decided.direction
                if let stated = entry?.direction, stated.value != direction {
                    note(.directionConflict, row: newPlace(firstNew[id]), field: true,
                         "\"\(name)\" is \(direction == .lower ? "a ceiling" : "higher-is-better") in the file (its direction column or a target written \"Không quá …\" / \"≥ …\"), but the catalogue says \(stated.value == .lower ? "thấp" : "cao"); the file's word is used — correct one of them",
                         vi: "\"\(name)\" trong tệp là \(direction == .lower ? "chỉ tiêu trần" : "càng cao càng tốt") (theo cột chiều hoặc kế hoạch ghi \"Không quá …\" / \"≥ …\"), nhưng danh mục ghi \(stated.value == .lower ? "thấp" : "cao"); số liệu dùng theo tệp — sửa một trong hai")
                }
                if direction == .higher, let clue, entry?.direction?.value != .higher {
                    note(.directionConflict, row: newPlace(firstNew[id]), field: true,
                         "\"\(name)\" is marked higher-is-better in the file, but its name (\"\(clue.words)\") suggests a ceiling; check the direction column",
                         vi: "\"\(name)\" được ghi là càng cao càng tốt trong tệp, nhưng tên (\"\(clue.words)\") cho thấy đây là chỉ tiêu trần; xem lại cột chiều")
                }
            case .zeroTargets:
                note(.inferredCeiling, row: newPlace(firstNew[id]), field: true,
                     "\"\(name)\" is taken as a ceiling of 0: every target assigned is 0 (met only when nothing happens); if more is better, write cao in the catalogue's column \"chiều\"",
                     vi: "\"\(name)\" được coi là chỉ tiêu trần bằng 0: mọi kế hoạch được giao đều là 0 (chỉ đạt khi không xảy ra); nếu càng cao càng tốt, ghi cao ở cột \"chiều\" của danh mục")
            default: break
            }
            if profile.direction == .lower, profile.directionBasis.isAssumed {
                note(.inferredCeiling, row: newPlace(firstNew[id]), field: true,
                     "\"\(name)\" is taken as a ceiling (lower is better, met when the result stays within the target)"
                     + (clue.map { " because its name says \"\($0.words)\"" } ?? " as the catalogue proposes")
                     + "; confirm it in the catalogue (chiều: thấp) or correct it (cao)",
                     vi: "\"\(name)\" được coi là chỉ tiêu trần (càng thấp càng tốt, đạt khi không vượt kế hoạch)"
                     + (clue.map { " vì tên có \"\($0.words)\"" } ?? " theo đề xuất trong danh mục")
                     + "; xác nhận trong danh mục (chiều: thấp) hoặc sửa (cao)")
            }
            // A rate: the catalogue's measure, else the files', else a "tỷ lệ" name whose values all fit 0–100.
            profile.measure = entry?.measure
            (profile.isRate, profile.rateBasis) = RateRule.decide(evidence)
            profile.provinceTarget = entry?.provinceTarget
            if let main = entry?.mainTarget { mainTargets[Int32(id)] = (main, entry?.line ?? 0) }
            profile.relativeTarget = entry?.relativeTarget
            profile.judgedByChange = entry?.judgedByChange ?? true
            profile.decimals = entry?.decimals
            // The item it is a part of: the catalogue's "thuộc" ("không" for none), else the files' numbering.
            let parentName = entry?.parent.flatMap { CatalogueReader.yes($0) == false ? nil : $0 }
                ?? (entry?.parent == nil ? newTable.itemParents[name] : nil)
            if let parentName {
                if let parent = idByKey[spelling(parentName)], parent != Int32(id) {
                    (profile.parent, profile.parentBasis) = (parent, entry?.parent != nil ? .catalogue : .standard)
                } else if entry?.parent != nil {
                    catalogueProblems.append(Diagnostic(file: catalogue.file, line: entry?.line,
                        message: "\"\(name)\" is a part of \"\(parentName)\" (column \"thuộc\"), "
                            + "which is not an indicator of the data; write its name as the files do",
                        vietnamese: "\"\(name)\" thuộc \"\(parentName)\" (cột \"thuộc\"), "
                            + "nhưng số liệu không có chỉ tiêu này; ghi tên như trong tệp"))
                }
            }
            // The area of work: the catalogue's "lĩnh vực", else the file's section heading over the indicator's rows
            // ("I. CÔNG TÁC THỰC HÀNH QUYỀN CÔNG TỐ …"), the topmost heading that is no indicator itself.
            if profile.field == nil, let heading = Self.sectionHeading(of: name, in: newTable.itemParents),
               idByKey[spelling(heading)] == nil {
                profile.field = Self.sentenceCase(heading)
            }
            profile.inScorecard = entry?.inScorecard
            if let decided = entry?.rollup {
                let basis: Basis = decided.confirmed ? .catalogue : .proposed
                // A formula the analyst confirmed replaces the total row; one only proposed does not.
                profile.usesTotalRow = !decided.confirmed || decided.value == .totalRow
                switch decided.value {
                case .totalRow:
                    if let clue = NameClues.mean(indicator: name, measure: measure) {
                        (profile.formula, profile.formulaBasis) = (.mean, clue.fromMeasure ? .measure(clue.words) : .inferred(clue.words))
                    }
                case .sum: (profile.formula, profile.formulaBasis) = (.sum, basis)
                case .mean: (profile.formula, profile.formulaBasis) = (.mean, basis)
                case .none: (profile.formula, profile.formulaBasis) = (.none, basis)
                case let .weightedMean(by):
                    if let weight = idByKey[NameClues.spellingKey(by)] {
                        (profile.formula, profile.formulaBasis) = (.weightedMean(by: weight), basis)
                    } else {
                        catalogueProblems.append(Diagnostic(file: catalogue.file, line: entry?.line,
                            message: "\"\(name)\" is to be weighted by \"\(by)\", which is not an indicator of the data; write the weight's name as the exports do",
                            vietnamese: "\"\(name)\" tính trung bình theo trọng số \"\(by)\", nhưng số liệu không có chỉ tiêu này; ghi tên chỉ tiêu trọng số như trong tệp xuất"))
                    }
                case let .ratio(numerator, denominator):
                    if let n = idByKey[NameClues.spellingKey(numerator)], let d = idByKey[NameClues.spellingKey(denominator)] {
                        (profile.formula, profile.formulaBasis) = (.ratio(numerator: n, denominator: d), basis)
                    } else {
                        let missing = [numerator, denominator].filter { idByKey[NameClues.spellingKey($0)] == nil }
                        catalogueProblems.append(Diagnostic(file: catalogue.file, line: entry?.line,
                            message: "\"\(name)\" is the ratio of \"\(numerator)\" to \"\(denominator)\", but \(missing.map { "\"\($0)\"" }.joined(separator: " and ")) is not an indicator of the data; write the names as the exports do",
                            vietnamese: "\"\(name)\" là tỷ lệ của \"\(numerator)\" trên \"\(denominator)\", nhưng số liệu không có \(missing.map { "\"\($0)\"" }.joined(separator: " và ")); ghi tên chỉ tiêu như trong tệp xuất"))
                    }
                }
            } else if let clue = NameClues.mean(indicator: name, measure: measure) {
                (profile.formula, profile.formulaBasis) = (.mean, clue.fromMeasure ? .measure(clue.words) : .inferred(clue.words))
                // A rate every unit's row shows to be one count over another is pooled from them.
                if let (a, b) = ratios[Int32(id)], clue.fromMeasure || isRateName(name) {
                    (profile.formula, profile.formulaBasis) = (.ratio(numerator: a, denominator: b), .inferred(clue.words))
                }
            }
            // The office's total row gives the figure: how the units would combine is only its cross-check.
            let published = profile.usesTotalRow && totals.contains { $0.indicator == Int32(id) && !$0.isSubtotal }
            if !profile.formula.isSum, profile.formulaBasis.isAssumed, !published {
                let (because, vìVi): (String, String)
                switch profile.formulaBasis {
                case let .measure(measure): (because, vìVi) = ("because its measure is \"\(measure)\"", "vì đơn vị tính là \"\(measure)\"")
                case let .inferred(words): (because, vìVi) = ("because its name says \"\(words)\"", "vì tên có \"\(words)\"")
                default: (because, vìVi) = ("as the catalogue proposes", "theo đề xuất trong danh mục")
                }
                if case let .ratio(a, b) = profile.formula {
                    let (top, bottom) = (newTable.indicators[Int(a)], newTable.indicators[Int(b)])
                    note(.inferredMean, row: newPlace(firstNew[id]), field: true,
                         "\"\(name)\" is \"\(top)\" / \"\(bottom)\" in every unit's row: the province value pools them (Σ \"\(top)\" / "
                         + "Σ \"\(bottom)\"), not the mean of the units; "
                         + "confirm it in the catalogue (toàn tỉnh: tỷ lệ, tử số, mẫu số)",
                         vi: "\"\(name)\" bằng \"\(top)\" / \"\(bottom)\" ở mọi đơn vị: "
                         + "số toàn tỉnh tính từ tổng hai số đó "
                         + "(Σ \"\(top)\" / Σ \"\(bottom)\"), không lấy trung bình các đơn vị; "
                         + "xác nhận trong danh mục (toàn tỉnh: tỷ lệ, tử số, mẫu số)")
                } else {
                    note(.inferredMean, row: newPlace(firstNew[id]), field: true,
                         "\"\(name)\" is not added up over units: the province value is the unweighted mean of the units, \(because); "
                         + "confirm it in the catalogue (toàn tỉnh: trung bình) or say how to combine it",
                         vi: "\"\(name)\" không cộng dồn các đơn vị: "
                         + "số toàn tỉnh là trung bình cộng của các đơn vị, \(vìVi); "
                         + "xác nhận trong danh mục (toàn tỉnh: trung bình) hoặc ghi cách tính khác")
                }
            }
            profiles.append(profile)
        }
        // Pairs: the other half of a paired cell, unless the catalogue pairs it otherwise.
        for (a, b) in newTable.pairedHalves() where profiles[Int(a)].pair == nil && profiles[Int(b)].pair == nil {
            (profiles[Int(a)].pair, profiles[Int(b)].pair) = (b, a)
        }
        // Then names that differ only in what they count: "Số vụ án … đã truy tố", "Số bị can đã truy tố".
        var byRest: [String: [(id: Int, persons: Bool)]] = [:]
        for (id, name) in newTable.indicators.enumerated() where profiles[id].pair == nil {
            if let part = NameClues.pairPart(name) { byRest[part.rest, default: []].append((id, part.persons)) }
        }
        for (_, found) in byRest where found.count == 2 && found[0].persons != found[1].persons {
            let (cases, persons) = found[0].persons ? (found[1].id, found[0].id) : (found[0].id, found[1].id)
            (profiles[cases].pair, profiles[persons].pair) = (Int32(persons), Int32(cases))
        }
        for (id, name) in newTable.indicators.enumerated() {
            guard let entry = indicatorEntries[spelling(name)].map({ catalogue.indicators[$0] }), let other = entry.pairedWith else { continue }
            guard let partner = idByKey[NameClues.spellingKey(other)], partner != Int32(id) else {
                catalogueProblems.append(Diagnostic(file: catalogue.file, line: entry.line,
                    message: "\"\(name)\" is paired with \"\(other)\", which is not another indicator of the data; write its name as the exports do, or leave \"cặp với\" empty",
                    vietnamese: "\"\(name)\" ghi cặp với \"\(other)\", nhưng số liệu không có chỉ tiêu khác tên này; ghi tên như trong tệp xuất, hoặc để trống cột \"cặp với\""))
                continue
            }
            // The catalogue's pair replaces what a paired cell said of either.
            for one in [Int32(id), partner] {
                if let was = profiles[Int(one)].pair, profiles[Int(was)].pair == one { profiles[Int(was)].pair = nil }
            }
            (profiles[id].pair, profiles[Int(partner)].pair) = (partner, Int32(id))
        }
        if !catalogueProblems.isEmpty { throw .invalidData(catalogueProblems, omitted: 0) }

        // The rows carry the decided direction, so every figure downstream uses it (a written
        // target "Không quá 5 %" gives one year's row a direction the others then share).
        if newTable.rows.contains(where: { $0.direction != profiles[Int($0.indicator)].direction }) {
            newTable = newTable.withDirections(profiles.map(\.direction))
        }

        // Groups: the export's level column, else the catalogue, else district-level names
        // against the rest — only when the names make two groups.
        var unitProfiles: [UnitProfile] = []
        var levelOf = [Int32](repeating: -1, count: newTable.units.count)
        for row in newTable.rows where levelOf[Int(row.unit)] < 0 { levelOf[Int(row.unit)] = row.level }
        let guesses = newTable.units.map { NameClues.level(words: foldedUnit[$0] ?? NameClues.folded($0)) }
        let twoGroups = guesses.contains(.district) && guesses.contains { $0 != .district }
        for (id, name) in newTable.units.enumerated() {
            let entry = unitEntries[spelling(name)].map { catalogue.units[$0] }
            var profile = UnitProfile(group: nil, groupBasis: .standard, shortName: entry?.shortName)
            let fromSection = levelOf[id] >= 0 && newTable.sectionLevels.contains(levelOf[id])
            if levelOf[id] >= 0, !(fromSection && entry?.group != nil) {
                (profile.group, profile.groupBasis) = (newTable.levels[Int(levelOf[id])], .data)
            } else if let group = entry?.group {
                (profile.group, profile.groupBasis) = (group.value, group.confirmed ? .catalogue : .proposed)
            } else if twoGroups {
                let district = guesses[id] == .district
                (profile.group, profile.groupBasis) = (district ? "cấp huyện" : "cấp tỉnh", .inferred(district ? "huyện/thị xã/thành phố" : "tỉnh"))
            }
            unitProfiles.append(profile)
        }

        self.table = newTable
        self.indicators = profiles
        self.units = unitProfiles
        self.totals = totals
        let renames = Self.renames(table, newTable, origin: rebuilt.origin)
        self.findings = findings + renames.findings
        self.unitSpellings = unitSpellings
        self.indicatorSpellings = indicatorSpellings
        self.likelyRenamedUnits = renames.units
        // The catalogue's "kế hoạch chính": another of the targets the files state is the headline.
        for (id, main) in mainTargets.sorted(by: { $0.key < $1.key }) {
            let name = newTable.indicators[Int(id)]
            if promote(main.name, indicator: id) {
                let said = Diagnostic(file: catalogue.file, line: main.line, severity: .note,
                    message: "\"\(name)\" is judged against \"\(main.name)\", the catalogue's \"kế hoạch chính\"; "
                        + "the form's other targets beside it",
                    vietnamese: "\"\(name)\" được đánh giá theo \"\(main.name)\", \"kế hoạch chính\" của danh mục; "
                        + "các kế hoạch khác của biểu ở bên cạnh")
                self.findings.append(Finding(kind: .mainTarget, diagnostic: said))
            } else {
                let stated = Array(Set(newTable.targetNames.compactMap { $0 })).sorted() + newTable.otherTargets.map(\.name)
                if stated.contains(where: { OtherTarget.sameName($0, main.name) }) { continue }
                let listed = stated.map { "\"\($0)\"" }.joined(separator: ", ")
                let wrong = Diagnostic(file: catalogue.file, line: main.line, severity: .warning,
                    message: "the catalogue's \"kế hoạch chính\" for \"\(name)\" is \"\(main.name)\", "
                        + "but no file states a target of that name (they state: \(listed)); write one of those names",
                    vietnamese: "\"kế hoạch chính\" của \"\(name)\" trong danh mục là \"\(main.name)\", "
                        + "nhưng không tệp nào có kế hoạch mang tên đó "
                        + "(các tệp có: \(listed)); ghi một trong các tên đó")
                self.findings.append(Finding(kind: .mainTarget, diagnostic: wrong))
            }
        }
        // Units merged or split, and the previous figures that are not the year before's own row.
        let unitByKey = Dictionary(newTable.units.enumerated().map { (spelling($1), Int32($0)) }, uniquingKeysWith: { a, _ in a })
        settleLineage(read: table, unitNames: unitNames, catalogue: catalogue) { name in
            unitByKey[spelling(name)] ?? unitEntries[spelling(name)].flatMap { unitByKey[spelling(catalogue.units[$0].name)] }
        }
        checkItemSums()
    }

    /// Two grand totals of one indicator and year ("Tổng cộng" in two files, or "Tổng cộng" and
    /// "Toàn tỉnh") that disagree: which one the office published cannot be guessed.
    static func checkGrandTotals(_ totals: [TotalRow], _ table: IndicatorTable) throws(LoadError) {
        var first: [Int64: TotalRow] = [:]
        var problems: [Diagnostic] = []
        for total in totals where total.indicator >= 0 && !total.isSubtotal {
            let key = Int64(total.period) << 48 | Int64(total.indicator) << 16 | Int64(UInt16(truncatingIfNeeded: total.year))
            guard let earlier = first[key] else { first[key] = total; continue }
            let same = abs(earlier.actual - total.actual) <= 1e-9 * max(1, abs(total.actual)) && earlier.target == total.target
            guard !same else { continue }
            let indicator = table.indicators[Int(total.indicator)]
            func place(_ t: TotalRow) -> String { "\(table.files[Int(t.file)]):\(t.line)" }
            var diagnostic = Diagnostic(file: table.files[Int(total.file)], line: Int(total.line), column: nil,
                message: "two total rows give different figures for \"\(indicator)\" in \(total.year): \"\(earlier.name)\" at \(place(earlier)) (\(earlier.actual)) and \"\(total.name)\" here (\(total.actual)); keep the one the office published and delete the other",
                vietnamese: "hai dòng tổng ghi hai số khác nhau cho \"\(indicator)\" năm \(total.year): \"\(earlier.name)\" ở \(place(earlier)) (\(earlier.actual)) và \"\(total.name)\" ở đây (\(total.actual)); giữ dòng đơn vị đã báo cáo, xoá dòng kia")
            diagnostic.inSheet = table.sheetFiles.contains(total.file)
            problems.append(diagnostic)
        }
        if !problems.isEmpty { throw .invalidData(problems, omitted: 0) }
    }

    /// Catalogue entries by the spelling key of each name and old name. An old name wins over
    /// a row of its own: the analyst who writes "Huyện Long Mỹ" as the old name of "Thị xã Long
    /// Mỹ" means it, even if `init` also listed the old name on its own row.
    static func entries(_ names: [(String, [String])]) -> [String: Int] {
        var out: [String: Int] = [:]
        for (i, (name, _)) in names.enumerated() where out[NameClues.spellingKey(name)] == nil { out[NameClues.spellingKey(name)] = i }
        for (i, (_, old)) in names.enumerated() {
            for spelling in old { out[NameClues.spellingKey(spelling)] = i }
        }
        return out
    }

    /// A name with case, spaces and dashes folded: names equal here are one name, always.
    static func looseKey(_ name: String) -> String {
        var text = name.lowercased()
        for dash in ["–", "—", "‐"] { text = text.replacingOccurrences(of: dash, with: "-") }
        return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").replacingOccurrences(of: " - ", with: "-")
    }

    /// For each id of a name column, the (year, other id) pairs its rows hold, for `together`.
    static func occurrences(_ rows: [IndicatorRow], unitSide: Bool, of ids: Set<Int32>) -> [Int32: Set<Int64>] {
        var out: [Int32: Set<Int64>] = [:]
        guard !ids.isEmpty else { return out }
        // A form's cùng kỳ is no report of that year: "Rạch Giá (*)" beside last year's "Rạch Giá" is one unit.
        for row in rows where !row.fromPreviousColumn {
            let id = unitSide ? row.unit : row.indicator
            guard ids.contains(id) else { continue }
            out[id, default: []].insert(Int64(row.year) << 32 | Int64(unitSide ? row.indicator : row.unit))
        }
        return out
    }

    /// The name each id is read as: the catalogue's, else the most frequent spelling of those
    /// that share a spelling key. `merged(old, kept)` is told of every spelling read as another.
    static func merge(_ names: [String], keys: [String]? = nil, counts: [Int], entries: [String: String], together: (Int, Int) -> Bool = { _, _ in false },
                      apart: (Int, String) -> Void = { _, _ in }, merged: (Int, String) -> Void) -> [String] {
        var groups: [String: [Int]] = [:]
        for (id, name) in names.enumerated() { groups[keys?[id] ?? NameClues.spellingKey(name), default: []].append(id) }
        var out = names
        for (key, ids) in groups {
            if let official = entries[key] {
                for id in ids { out[id] = official }
                continue
            }
            guard ids.count > 1 else { continue }
            let kept = ids.max { counts[$0] != counts[$1] ? counts[$0] < counts[$1] : NameOrder.precedes(names[$1], names[$0]) } ?? ids[0]
            for id in ids where id != kept {
                // Two names one file uses side by side ("Tổ 1/Phòng 7", "Tổ 1_Phòng 7" in one year for
                // one indicator) are two things, unless they differ only in case, spaces or dashes.
                if together(id, kept), looseKey(names[id]) != looseKey(names[kept]) { apart(id, names[kept]); continue }
                out[id] = names[kept]
                merged(id, names[kept])
            }
        }
        return out
    }

    /// The table with names replaced and total rows taken out; unchanged (no copy) when there
    /// is nothing to replace. `origin[i]` is the original index of the new row i.
    static func rebuild(_ table: IndicatorTable, unitNames: [String], indicatorNames: [String], isTotal: [Bool], isTotalIndicator: [Bool])
        throws(LoadError) -> (table: IndicatorTable, totals: [TotalRow], origin: [Int], previousTotals: [TotalRow]) {
        let renamed = unitNames != table.units || indicatorNames != table.indicators
        guard renamed || isTotal.contains(true) || isTotalIndicator.contains(true) else {
            return (table, [], Array(table.rows.indices), [])
        }
        var previousTotals: [TotalRow] = []
        var assembler = TableAssembler()
        for (i, file) in table.files.enumerated() {
            _ = assembler.addFile(file, fields: i < table.fields.count ? table.fields[i] : [:], inSheet: table.sheetFiles.contains(Int32(i)))
        }
        for measure in table.measures { _ = assembler.measures.id(for: measure) }
        for level in table.levels { _ = assembler.levels.id(for: level) }
        assembler.sectionLevels = table.sectionLevels
        assembler.keepPeriods(table.periods)
        assembler.yearSpan = table.yearSpan
        assembler.organisation = table.organisation
        assembler.issued = table.issued
        let unitIDs = unitNames.enumerated().map { id, name in isTotal[id] ? -1 : assembler.units.id(for: name) }
        // Indicators get ids from the units' rows only: a total line's own label ("Tổng cộng"
        // merged across the indicator column) is no indicator.
        var indicatorIDs = [Int32](repeating: -1, count: indicatorNames.count)
        var kept: [Int] = []
        var totalRows: [(Int, IndicatorRow)] = []
        for (i, row) in table.rows.enumerated() {
            var row = row
            let unit = unitIDs[Int(row.unit)]
            if unit < 0 {
                totalRows.append((Int(row.unit), row))
                continue
            }
            if isTotalIndicator[Int(row.indicator)] { continue }
            if indicatorIDs[Int(row.indicator)] < 0 { indicatorIDs[Int(row.indicator)] = assembler.indicators.id(for: indicatorNames[Int(row.indicator)]) }
            row.indicator = indicatorIDs[Int(row.indicator)]
            row.unit = unit
            assembler.append(row)
            kept.append(i)
        }
        // Next year's plan after every row (the rows keep their append positions, which `kept` records).
        for var row in table.plannedTargets where unitIDs[Int(row.unit)] >= 0 && !isTotalIndicator[Int(row.indicator)] {
            if indicatorIDs[Int(row.indicator)] < 0 { indicatorIDs[Int(row.indicator)] = assembler.indicators.id(for: indicatorNames[Int(row.indicator)]) }
            (row.unit, row.indicator) = (unitIDs[Int(row.unit)], indicatorIDs[Int(row.indicator)])
            assembler.append(row)
        }
        // The other targets follow their rows to the new ids; a total row's stay with it.
        for (file, name) in table.targetNames.enumerated() { if let name { assembler.setTargetName(name, file: Int32(file)) } }
        var totalOthers: [RowKey: [String: Double]] = [:]
        assembler.keyedOtherTargets = table.otherTargets.map { other in
            other.remapped(units: unitIDs, indicators: indicatorIDs) { key, value in
                totalOthers[key, default: [:]][other.name] = value.value
            }
        }
        assembler.keyedRelativeTargets = table.relativeTargets.moved(units: unitIDs, indicators: indicatorIDs)
        assembler.keyedRowTargetNames = table.rowTargetNames.moved(units: unitIDs, indicators: indicatorIDs)
        assembler.keyedOfficePrevious = table.officePrevious.moved(units: unitIDs, indicators: indicatorIDs)
        // A total row's own cùng kỳ where another file states that year: the province's previous figure.
        for (_, row) in table.officePrevious where unitIDs[Int(row.unit)] < 0 && indicatorIDs[Int(row.indicator)] >= 0
            && !NameClues.isSubtotal(words: NameClues.folded(unitNames[Int(row.unit)])) {
            var total = TotalRow(name: unitNames[Int(row.unit)], year: Int(row.year), indicator: indicatorIDs[Int(row.indicator)],
                                 target: nil, actual: row.actual, file: row.file, line: row.line)
            (total.period, total.fromPreviousColumn) = (row.period, true)
            previousTotals.append(total)
        }
        assembler.unitNotes = table.unitNotes
        assembler.agencyNames = table.agencyNames
        if !table.itemParents.isEmpty {
            let renamed = Dictionary(zip(table.indicators, indicatorNames), uniquingKeysWith: { a, _ in a })
            for (item, parent) in table.itemParents { assembler.setParent(renamed[parent] ?? parent, of: renamed[item] ?? item) }
            for (whole, items) in table.itemSums { assembler.itemSums[renamed[whole] ?? whole] = items.map { renamed[$0] ?? $0 } }
        }
        // An indicator only the agency's own rows report (a sheet of "Toàn tỉnh" rows) is the province's alone.
        for (_, row) in totalRows where indicatorIDs[Int(row.indicator)] < 0 && !isTotalIndicator[Int(row.indicator)] {
            indicatorIDs[Int(row.indicator)] = assembler.indicators.id(for: indicatorNames[Int(row.indicator)])
        }
        let (newTable, order) = try assembler.finishReportingOrder(diagnosticLimit: 50)
        // -1: a total of something no unit reports (a grand total over indicators).
        var totals = totalRows.map { unit, row in
            var total = TotalRow(name: unitNames[unit], year: Int(row.year), indicator: indicatorIDs[Int(row.indicator)], target: row.target,
                                 actual: row.actual, file: row.file, line: row.line)
            (total.measure, total.direction, total.directionGiven, total.ownTarget) =
                (row.measure, row.direction, row.directionGiven, row.ownTarget)
            total.otherTargets = totalOthers[RowKey(row)] ?? [:]
            total.isSubtotal = NameClues.isSubtotal(words: NameClues.folded(unitNames[unit]))
            total.period = row.period
            total.fromPreviousColumn = row.fromPreviousColumn
            return total
        }
        // A form's cùng kỳ of a total gives way to a total row that states that year itself (last year's own file).
        if totals.contains(where: \.fromPreviousColumn) {
            func key(_ t: TotalRow) -> [Int] { [Int(t.indicator), t.year, Int(t.period), t.isSubtotal ? 1 : 0] }
            let stated = Set(totals.filter { !$0.fromPreviousColumn }.map(key))
            var seen = Set<[Int]>()
            // (the grand total's stays the province's previous figure of the year after: the office's, adjustments and all)
            previousTotals = totals.filter { $0.fromPreviousColumn && !$0.isSubtotal && stated.contains(key($0)) }
            totals.removeAll { $0.fromPreviousColumn && (stated.contains(key($0)) || !seen.insert(key($0)).inserted) }
        }
        // A subtotal sums the units above it: its group is the level of the last unit row before it.
        if totals.contains(where: \.isSubtotal) {
            var above: [Int32: [(line: Int32, level: Int32)]] = [:]
            for i in kept { above[table.rows[i].file, default: []].append((table.rows[i].line, table.rows[i].level)) }
            for (file, rows) in above { above[file] = rows.sorted { $0.line < $1.line } }
            for i in totals.indices where totals[i].isSubtotal {
                let rows = above[totals[i].file] ?? []
                var low = 0, high = rows.count
                while low < high { let mid = (low + high) / 2; if rows[mid].line < totals[i].line { low = mid + 1 } else { high = mid } }
                if low > 0 { totals[i].level = rows[low - 1].level }
            }
        }
        return (newTable, totals, order.map { kept[Int($0)] }, previousTotals)
    }

    /// Units (and indicators) that stop the year another with a similar name starts: likely
    /// renames, each with the catalogue line that would join them.
    /// `table` is the table as read (its rows are where messages point); `origin` maps each row of
    /// `interpreted` to one of them.
    static func renames(_ read: IndicatorTable, _ table: IndicatorTable, origin: [Int]) -> (findings: [Finding], units: [String: String]) {
        // First and last year of each name: all a rename needs, kept without a set per name
        // (a million rows would hash two million years).
        var span = (units: [(first: Int32, last: Int32)](repeating: (.max, .min), count: table.units.count),
                    indicators: [(first: Int32, last: Int32)](repeating: (.max, .min), count: table.indicators.count))
        var first = (units: [Int](repeating: -1, count: table.units.count), indicators: [Int](repeating: -1, count: table.indicators.count))
        for (i, row) in table.rows.enumerated() {
            let u = Int(row.unit), k = Int(row.indicator)
            span.units[u] = (min(span.units[u].first, row.year), max(span.units[u].last, row.year))
            span.indicators[k] = (min(span.indicators[k].first, row.year), max(span.indicators[k].last, row.year))
            if table.isEarlier(i, than: first.units[u]) { first.units[u] = i }
            if table.isEarlier(i, than: first.indicators[k]) { first.indicators[k] = i }
        }
        var out: [Finding] = []
        var renamedUnits: [String: String] = [:]
        // Only a name whose years all come after the other's can be its new name; comparing
        // first and last years first keeps thousands of units cheap.
        func pairs(_ names: [String], _ spans: [(first: Int32, last: Int32)], similar: (String, String) -> Bool) -> [(old: Int, new: Int)] {
            guard names.count <= 5000 else { return [] }
            var found: [(Int, Int)] = []
            for old in names.indices {
                for new in names.indices where new != old && (spans[new].first == spans[old].last + 1 || spans[new].first == spans[old].last + 2) {
                    if similar(names[old], names[new]) { found.append((old, new)) }
                }
            }
            return found
        }
        // Each name's place and folded form once, not once per pair compared.
        let places = Dictionary(table.units.map { ($0, NameClues.place(unit: $0)) }, uniquingKeysWith: { a, _ in a })
        let foldedIndicators = Dictionary(table.indicators.map { ($0, NameClues.folded($0)) }, uniquingKeysWith: { a, _ in a })
        for (old, new) in pairs(table.units, span.units, similar: { a, b in
            let p = places[a] ?? ""
            return !p.isEmpty && p == places[b]
        }) {
            let years = span.units[old]
            renamedUnits[table.units[new]] = table.units[old]
            out.append(Finding(kind: .likelyRename, diagnostic: read.warning(at: read.rows[origin[first.units[new]]], nil,
                "unit \"\(table.units[new])\" first appears the year after \"\(table.units[old])\" last does (\(years.first)–\(years.last)): likely the same unit renamed; to compare the years, add to the catalogue: đơn vị,\(csvCell(table.units[new])),\(csvCell(table.units[old]))",
                vietnamese: "đơn vị \"\(table.units[new])\" xuất hiện từ năm sau năm cuối của \"\(table.units[old])\" (\(years.first)–\(years.last)): có lẽ là một đơn vị đổi tên; để so sánh qua các năm, thêm vào danh mục dòng: đơn vị,\(csvCell(table.units[new])),\(csvCell(table.units[old]))")))
        }
        for (old, new) in pairs(table.indicators, span.indicators, similar: { a, b in
            let x = foldedIndicators[a] ?? "", y = foldedIndicators[b] ?? ""
            let distance = EditDistance.between(x, y)
            return distance > 0 && Double(distance) <= 0.25 * Double(max(x.count, y.count))
        }) {
            out.append(Finding(kind: .likelyRename, diagnostic: read.warning(at: read.rows[origin[first.indicators[new]]], .indicator,
                "indicator \"\(table.indicators[new])\" first appears the year after \"\(table.indicators[old])\" last does: likely the same indicator renamed; to join them, add to the catalogue: chỉ tiêu,\(csvCell(table.indicators[new])),\(csvCell(table.indicators[old]))",
                vietnamese: "chỉ tiêu \"\(table.indicators[new])\" xuất hiện từ năm sau năm cuối của \"\(table.indicators[old])\": có lẽ là một chỉ tiêu đổi tên; để nối hai tên, thêm vào danh mục dòng: chỉ tiêu,\(csvCell(table.indicators[new])),\(csvCell(table.indicators[old]))")))
        }
        return (out, renamedUnits)
    }

    static func csvCell(_ text: String) -> String {
        text.contains(",") || text.contains("\"") ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}

extension IndicatorTable {
    /// True when row `i` comes before row `j` in the files (file, then line), or `j` is -1:
    /// messages point at the first place a reader of the files meets a name.
    public func isEarlier(_ i: Int, than j: Int) -> Bool {
        j < 0 || (rows[i].file, rows[i].line) < (rows[j].file, rows[j].line)
    }

    /// The same table with each indicator's rows carrying `directions[indicator]`.
    func withDirections(_ directions: [Direction]) -> IndicatorTable {
        var rows = rows
        for i in rows.indices { rows[i].direction = directions[Int(rows[i].indicator)] }
        return replacingRows(rows)
    }
}

extension Interpretation {
    /// The topmost heading above an item in the files' outline, when there is one above it.
    static func sectionHeading(of name: String, in parents: [String: String]) -> String? {
        guard var top = parents[name] else { return nil }
        // An outline is a few levels deep; the bound keeps a cycle from looping.
        for _ in 0..<16 {
            guard let up = parents[top], up != top else { break }
            top = up
        }
        return top
    }

    /// A heading a form writes in capitals ("CÔNG TÁC KIỂM SÁT XÉT XỬ"), as a page's title writes it:
    /// "Công tác kiểm sát xét xử".
    package static func sentenceCase(_ heading: String) -> String {
        let letters = heading.filter(\.isLetter)
        guard letters.count > 1, letters == letters.uppercased() else { return heading }
        let lower = heading.lowercased()
        return lower.prefix(1).uppercased() + lower.dropFirst()
    }
}
