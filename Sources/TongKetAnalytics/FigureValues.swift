import Foundation
import TongKetData

/// An indicator as a caller sees it: its name, what it counts and which way is better, as the
/// catalogue or the files decided. Get one by name with `Metrics.indicator(named:)`.
public struct Indicator: Sendable, Hashable, Identifiable, CustomStringConvertible {
    /// Its number in these figures (`Metrics.indicators[id]`); another `Metrics` numbers anew.
    public let id: Int32
    public let name: String
    /// The office's short name where the catalogue gives one, else the name.
    public let shortName: String
    /// "vụ", "%", "bị can" …; empty when neither the files nor the catalogue say.
    public let measure: String
    /// Higher is better, lower is better (a ceiling), or neither.
    public let direction: Direction
    /// A rate (a percentage judged against a threshold), not a count.
    public let isRate: Bool
    /// The province figure is the units' total (else their mean, or a ratio of totals).
    public let provinceIsSum: Bool

    public var description: String { name }
}

/// A department or district office that reports figures.
public struct ReportingUnit: Sendable, Hashable, Identifiable, CustomStringConvertible {
    /// Its number in these figures (`Metrics.units` holds the reporting ones).
    public let id: Int32
    public let name: String
    /// The group the unit is ranked in ("cấp huyện"); nil when all units are one group.
    public let group: String?

    public var description: String { name }
}

/// One figure with everything it is about: the indicator and the unit (or the province) as
/// values, the year, and every figure of DESIGN §3 — the row metrics.csv writes.
public struct Figure: Sendable, Equatable {
    public let indicator: Indicator
    /// The unit; nil for the province's figure.
    public let unit: ReportingUnit?
    public let year: Int
    public let target: Double?
    public let actual: Double
    /// actual ÷ target (1.05 is 105 %); nil without a target.
    public let completion: Double?
    public let status: Status
    public let previousActual: Double?
    public let yoyDelta: Double?
    /// The change against last year as a fraction (0.12 is +12 %).
    public let yoyPercent: Double?
    public let completionChangePoints: Double?
    /// A result given as an estimate ("Ước TH").
    public let isEstimate: Bool
    /// A province figure taken from the office's own total row.
    public let isPublished: Bool
    /// A value `tongket check` flags: shown with "⚠ cần kiểm tra".
    public let needsCheck: Bool
    /// Part of a year against the whole year's target: the completion is progress, not a verdict.
    public let isProgress: Bool

    /// True for the province's figure.
    public var isProvince: Bool { unit == nil }
}

/// A name that matches no indicator or unit, with the names closest to it.
public struct LookupError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// What was looked for.
    public enum Kind: String, Sendable { case indicator, unit }
    public let kind: Kind
    public let name: String
    /// The names that hold the one asked for (it was ambiguous), or else the closest.
    public let closeMatches: [String]
    /// The name is part of several names: write more of it.
    public let ambiguous: Bool

    public var description: String {
        let what = kind == .indicator ? "indicator" : "unit"
        if ambiguous {
            return "\"\(name)\" is part of \(closeMatches.count) \(what)s' names; write more of the name to choose one: \(closeMatches.joined(separator: "; "))."
        }
        return "No \(what) is called \"\(name)\". Close matches: \(closeMatches.joined(separator: "; "))."
    }

    public var errorDescription: String? { description }
}

extension Metrics {
    /// Every indicator of the files, in the table's order.
    public var indicators: [Indicator] {
        // Each indicator's measure as its first row states it, in one pass over the rows.
        var measure = [Int32](repeating: -1, count: table.indicators.count)
        for row in table.rows where measure[Int(row.indicator)] < 0 { measure[Int(row.indicator)] = row.measure }
        return table.indicators.indices.map { id in
            let profile = profile(Int32(id))
            let stated = profile.measure ?? (measure[id] >= 0 ? table.measures[Int(measure[id])] : (profile.isRate ? "%" : ""))
            return Indicator(id: Int32(id), name: table.indicators[id], shortName: shortName(Int32(id)), measure: stated,
                             direction: profile.direction, isRate: profile.isRate, provinceIsSum: profile.formula.isSum)
        }
    }

    /// The units with figures, in the order the office lists them.
    public var units: [ReportingUnit] { unitsInOfficeOrder(Array(Set(table.rows.map(\.unit)))).map(unit) }

    /// The indicator a person named: its exact name in any case or spelling of diacritics, or a
    /// part of it that only one indicator's name holds.
    public func indicator(named name: String) throws(LookupError) -> Indicator {
        switch NameLookup.find(name, among: table.indicators) {
        case let .found(id): return indicators[id]
        case let .notFound(close, ambiguous):
            throw LookupError(kind: .indicator, name: name, closeMatches: close.map { table.indicators[$0] }, ambiguous: ambiguous)
        }
    }

    /// The unit a person named, as `indicator(named:)` finds indicators.
    public func unit(named name: String) throws(LookupError) -> ReportingUnit {
        let reporting = Set(table.rows.map { Int($0.unit) }).sorted()
        switch NameLookup.find(name, among: table.units, candidates: reporting) {
        case let .found(id): return unit(Int32(id))
        case let .notFound(close, ambiguous):
            throw LookupError(kind: .unit, name: name, closeMatches: close.map { table.units[$0] }, ambiguous: ambiguous)
        }
    }

    /// The figures of one year (or every year), optionally of one indicator and one unit (or,
    /// with `provinceOnly`, the province's): units first in the table's order, then the province.
    public func figures(year: Int? = nil, of indicator: Indicator? = nil, unit: ReportingUnit? = nil, provinceOnly: Bool = false) -> [Figure] {
        var out: [Figure] = []
        // Described once per call, and only what the figures asked for need: the indicator and
        // unit given are the values every figure carries.
        let all = indicator == nil ? indicators : []
        func described(_ f: FigureRow) -> Figure {
            figure(f, indicator ?? all[Int(f.indicator)], f.unit < 0 ? nil : unit ?? self.unit(f.unit))
        }
        if !provinceOnly {
            for i in table.rows.indices {
                let row = table.rows[i]
                guard year == nil || Int(row.year) == year, indicator == nil || row.indicator == indicator?.id, unit == nil || row.unit == unit?.id else { continue }
                out.append(described(unitFigures(at: i)))
            }
        }
        if unit == nil {
            for i in provinceRows.indices {
                let row = provinceRows[i]
                guard year == nil || Int(row.year) == year, indicator == nil || row.indicator == indicator?.id else { continue }
                out.append(described(provinceFigures(at: i)))
            }
        }
        return out
    }

    /// The province's figure of an indicator in a year; nil when no unit reports it that year.
    public func provinceFigure(_ indicator: Indicator, year: Int) -> Figure? {
        figures(year: year, of: indicator, provinceOnly: true).first
    }

    /// One unit's figure of an indicator in a year; nil when it did not report it.
    public func figure(_ indicator: Indicator, of unit: ReportingUnit, year: Int) -> Figure? {
        figures(year: year, of: indicator, unit: unit).first
    }

    package func unit(_ id: Int32) -> ReportingUnit {
        ReportingUnit(id: id, name: table.units[Int(id)], group: interpretation.units[Int(id)].group)
    }

    /// A row of figures with its indicator and unit as values.
    private func figure(_ f: FigureRow, _ indicator: Indicator, _ unit: ReportingUnit?) -> Figure {
        Figure(indicator: indicator, unit: unit, year: f.year, target: f.target, actual: f.actual,
               completion: f.completion, status: f.status, previousActual: f.previousActual, yoyDelta: f.yoyDelta, yoyPercent: f.yoyPercent,
               completionChangePoints: f.completionChangePoints, isEstimate: f.estimated, isPublished: f.published, needsCheck: f.flagged,
               isProgress: f.progress)
    }
}
