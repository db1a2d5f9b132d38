/// A figure's place in a table whatever the order of its rows: what a target beyond the first is
/// kept by, so that sorting, selecting and renaming the rows never separate the two.
public struct RowKey: Hashable, Sendable {
    public var unit: Int32
    public var indicator: Int32
    public var year: Int32
    public var period: UInt8

    public init(_ row: IndicatorRow) {
        (unit, indicator, year, period) = (row.unit, row.indicator, row.year, row.period)
    }
}

/// A target a form states beside the first ("Dự toán HĐND tỉnh giao" beside "Dự toán pháp lệnh",
/// "Phấn đấu" beside "KH", "KH 6 tháng" beside "KH năm"), with its name as the header wrote it.
/// The row's own `target` is the headline (the first the form lists, or the catalogue's `kế hoạch
/// chính`); these are kept apart from the rows, which stay 48 bytes, since few forms have them.
public struct OtherTarget: Sendable, Equatable {
    public struct Value: Sendable, Equatable {
        public var value: Double
        /// The target is the period's own ("KH 6 tháng"), judged as a year's is.
        public var ownTarget: Bool
        /// The words of the cell gave a direction ("≤ 5%", "Không quá 35").
        public var direction: Direction?
    }

    public let name: String
    public var values: [RowKey: Value]
    /// Rows where this target is stated against the year before ("Giảm 0,5 điểm % so với năm trước").
    public var relative: [RowKey: RelativeTarget] = [:]

    public init(name: String, values: [RowKey: Value] = [:]) {
        self.name = name
        self.values = values
    }

    /// Two headers name one target when they differ only in case, accents or spacing.
    static func sameName(_ a: String, _ b: String) -> Bool { HeaderName.fold(a) == HeaderName.fold(b) }

    /// The values with their keys moved to a rebuilt table's ids; a key whose unit or indicator
    /// was set aside (a total row, -1) leaves, and `leaving` is told of it.
    func remapped(units: [Int32], indicators: [Int32], leaving: (RowKey, Value) -> Void = { _, _ in }) -> OtherTarget {
        var out = OtherTarget(name: name)
        for (key, value) in values {
            var moved = key
            moved.unit = units[Int(key.unit)]
            moved.indicator = indicators[Int(key.indicator)]
            if moved.unit < 0 || moved.indicator < 0 { leaving(key, value); continue }
            out.values[moved] = value
        }
        for (key, target) in relative {
            var moved = key
            (moved.unit, moved.indicator) = (units[Int(key.unit)], indicators[Int(key.indicator)])
            if moved.unit >= 0, moved.indicator >= 0 { out.relative[moved] = target }
        }
        return out
    }
}

extension IndicatorTable {
    /// The table with `otherTargets[index]` as every row's target (nil where it states none): the
    /// figures against that target are formed from it exactly as the headline's are.
    public func withOtherTarget(_ index: Int) -> IndicatorTable {
        let other = otherTargets[index]
        func swapped(_ row: IndicatorRow) -> IndicatorRow {
            var row = row
            let value = other.values[RowKey(row)]
            row.target = value?.value
            row.ownTarget = value?.ownTarget ?? false
            return row
        }
        return IndicatorTable(units: units, indicators: indicators, measures: measures, levels: levels, files: files,
                              rows: rows.map(swapped), fields: fields, sheetFiles: sheetFiles, sectionLevels: sectionLevels,
                              periods: periods, yearSpan: yearSpan, organisation: organisation,
                              plannedTargets: plannedTargets.map(swapped), targetNames: targetNames, otherTargets: [],
                              headlineNames: headlineNames, relativeTargets: other.relative)
    }

    /// The name of the headline target of `row`: the catalogue's "kế hoạch chính", else its file's header's.
    public func targetName(of row: IndicatorRow) -> String? {
        if let chosen = headlineNames[row.indicator] { return chosen }
        return Int(row.file) < targetNames.count ? targetNames[Int(row.file)] : nil
    }
}

extension Interpretation {
    /// The same reading with `table.otherTargets[index]` as the target of every row and total row:
    /// the catalogue's province target ("KH toàn tỉnh") is the headline's, not this one's.
    public func withOtherTarget(_ index: Int) -> Interpretation {
        var copy = self
        let name = table.otherTargets[index].name
        copy.table = table.withOtherTarget(index)
        copy.totals = totals.map { total in
            var total = total
            total.target = total.otherTargets[name]
            return total
        }
        copy.indicators = indicators.map { profile in
            var profile = profile
            profile.provinceTarget = nil
            return profile
        }
        return copy
    }
}

extension Interpretation {
    /// Makes the target named `name` the headline of `indicator`'s rows and total rows, the one it
    /// replaces kept beside it under its file's name. False when no file states such a target.
    mutating func promote(_ name: String, indicator: Int32) -> Bool {
        guard let k = table.otherTargets.firstIndex(where: { OtherTarget.sameName($0.name, name) }) else { return false }
        var others = table.otherTargets
        var rows = table.rows
        for i in rows.indices where rows[i].indicator == indicator {
            let key = RowKey(rows[i])
            let promoted = others[k].values.removeValue(forKey: key)
            if let old = rows[i].target {
                let oldName = table.targetName(of: rows[i]) ?? "KH"
                if !others.contains(where: { OtherTarget.sameName($0.name, oldName) }) { others.append(OtherTarget(name: oldName)) }
                let at = others.firstIndex { OtherTarget.sameName($0.name, oldName) }!
                others[at].values[key] = OtherTarget.Value(value: old, ownTarget: rows[i].ownTarget, direction: nil)
            }
            rows[i].target = promoted?.value
            rows[i].ownTarget = promoted?.ownTarget ?? false
        }
        for i in totals.indices where totals[i].indicator == indicator {
            let promoted = totals[i].otherTargets.removeValue(forKey: others[k].name)
            if let old = totals[i].target { totals[i].otherTargets[table.targetNames[Int(totals[i].file)] ?? "KH"] = old }
            totals[i].target = promoted
        }
        var names = table.headlineNames
        names[indicator] = others[k].name
        table = IndicatorTable(units: table.units, indicators: table.indicators, measures: table.measures, levels: table.levels,
                               files: table.files, rows: rows, fields: table.fields, sheetFiles: table.sheetFiles,
                               sectionLevels: table.sectionLevels, periods: table.periods, yearSpan: table.yearSpan,
                               organisation: table.organisation, plannedTargets: table.plannedTargets, targetNames: table.targetNames,
                               otherTargets: others, headlineNames: names, relativeTargets: table.relativeTargets)
        return true
    }
}
