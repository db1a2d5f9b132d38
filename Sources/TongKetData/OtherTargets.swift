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

    /// The key in a rebuilt table, by the new id of each old unit and indicator; nil when either was set
    /// aside (a total row, -1).
    func moved(units: [Int32], indicators: [Int32]) -> RowKey? {
        var key = self
        (key.unit, key.indicator) = (units[Int(unit)], indicators[Int(indicator)])
        return key.unit >= 0 && key.indicator >= 0 ? key : nil
    }
}

extension Dictionary where Key == RowKey {
    /// The entries moved to a rebuilt table's ids; those of rows set aside leave.
    func moved(units: [Int32], indicators: [Int32]) -> [RowKey: Value] {
        var out: [RowKey: Value] = [:]
        for (key, value) in self { if let moved = key.moved(units: units, indicators: indicators) { out[moved] = value } }
        return out
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
            guard let moved = key.moved(units: units, indicators: indicators) else { leaving(key, value); continue }
            out.values[moved] = value
        }
        out.relative = relative.moved(units: units, indicators: indicators)
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
                              periods: periods, yearSpan: yearSpan, organisation: organisation, issued: issued,
                              plannedTargets: plannedTargets.map(swapped), targetNames: targetNames, otherTargets: [],
                              rowTargetNames: [:], relativeTargets: other.relative, itemParents: itemParents, itemSums: itemSums,
                              officePrevious: officePrevious, unitNotes: unitNotes, agencyNames: agencyNames)
    }

    /// The name of the headline target of `row`: the catalogue's "kế hoạch chính", else its file's header's.
    public func targetName(of row: IndicatorRow) -> String? {
        if !rowTargetNames.isEmpty, let chosen = rowTargetNames[RowKey(row)] { return chosen }
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
            (profile.provinceTarget, profile.relativeTarget) = (nil, nil)
            return profile
        }
        return copy
    }
}

extension Interpretation {
    /// Makes the target named `name` the headline of `indicator`'s rows and total rows that state it, the one it
    /// replaces kept beside it under its own name; a row whose headline already is that target, or that does not
    /// state it, stays as it is. False when no row of the indicator states such a target.
    mutating func promote(_ name: String, indicator: Int32) -> Bool {
        guard let k = table.otherTargets.firstIndex(where: { OtherTarget.sameName($0.name, name) }) else { return false }
        var others = table.otherTargets
        var rows = table.rows
        var relative = table.relativeTargets
        var promotedAny = false
        var names = table.rowTargetNames
        func slot(_ name: String) -> Int {
            if let at = others.firstIndex(where: { OtherTarget.sameName($0.name, name) }) { return at }
            others.append(OtherTarget(name: name))
            return others.count - 1
        }
        for i in rows.indices where rows[i].indicator == indicator {
            let key = RowKey(rows[i])
            let oldName = table.targetName(of: rows[i]) ?? "KH"
            guard !OtherTarget.sameName(oldName, name), others[k].values[key] != nil || others[k].relative[key] != nil else { continue }
            promotedAny = true
            let promoted = others[k].values.removeValue(forKey: key)
            let promotedRelative = others[k].relative.removeValue(forKey: key)
            let at = slot(oldName)
            if let old = rows[i].target { others[at].values[key] = OtherTarget.Value(value: old, ownTarget: rows[i].ownTarget) }
            if let old = relative.removeValue(forKey: key) { others[at].relative[key] = old }
            rows[i].target = promoted?.value
            rows[i].ownTarget = promoted?.ownTarget ?? false
            if let promotedRelative { relative[key] = promotedRelative }
            names[key] = others[k].name
        }
        for i in totals.indices where totals[i].indicator == indicator {
            guard let promoted = totals[i].otherTargets.removeValue(forKey: others[k].name) else { continue }
            promotedAny = true
            if let old = totals[i].target { totals[i].otherTargets[table.targetNames[Int(totals[i].file)] ?? "KH"] = old }
            totals[i].target = promoted
        }
        guard promotedAny else { return false }
        table = IndicatorTable(units: table.units, indicators: table.indicators, measures: table.measures, levels: table.levels,
                               files: table.files, rows: rows, fields: table.fields, sheetFiles: table.sheetFiles,
                               sectionLevels: table.sectionLevels, periods: table.periods, yearSpan: table.yearSpan,
                               organisation: table.organisation, issued: table.issued, plannedTargets: table.plannedTargets,
                               targetNames: table.targetNames,
                               otherTargets: others, rowTargetNames: names, relativeTargets: relative,
                               itemParents: table.itemParents, itemSums: table.itemSums,
                               officePrevious: table.officePrevious, unitNotes: table.unitNotes, agencyNames: table.agencyNames)
        return true
    }
}
