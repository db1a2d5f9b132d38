import Foundation

/// How the province's figure for an indicator is formed from the units' figures (DESIGN §3).
public enum Rollup: Sendable, Equatable, Hashable {
    /// Counts: the units' values added up.
    case sum
    /// Rates, averages, times: the unweighted mean of the units.
    case mean
    /// The units' values weighted by another indicator of the same unit and year (a rate per
    /// population weighted by the population).
    case weightedMean(by: String)
    /// Σ numerator / Σ denominator over the units, scaled as the units' own values are
    /// (×100 for a percentage): a rate = handled / received × 100.
    case ratio(numerator: String, denominator: String)
    /// No province figure: the units' values do not combine.
    case none
    /// The office's own total row ("dòng tổng"), the default wherever the files carry one.
    case totalRow

    /// True when the province value is not a plain total, so every output must say how it was formed.
    public var isSum: Bool { self == .sum }
}

/// A value the catalogue gives, and whether the analyst confirmed it. `tongket init` writes
/// what it inferred with a trailing "?" ("thấp?"); the value is used either way, but only a
/// confirmed one is stated as the analyst's rather than as an assumption.
public struct Decided<Value: Sendable & Equatable>: Sendable, Equatable {
    public var value: Value
    public var confirmed: Bool

    public init(_ value: Value, confirmed: Bool = true) {
        self.value = value
        self.confirmed = confirmed
    }
}

/// One indicator of the catalogue ("danh mục chỉ tiêu"): what the analyst says about it.
public struct CatalogueIndicator: Sendable, Equatable {
    public var name: String
    /// Names the same indicator had in earlier exports; their rows are read as this one.
    public var oldNames: [String] = []
    /// A short label for charts.
    public var label: String?
    public var direction: Decided<Direction>?
    public var rollup: Decided<Rollup>?
    /// The field or department it belongs to (lĩnh vực), for sections of the deck.
    public var field: String?
    public var order: Int?
    public var headline: Bool?
    /// The measure ("đơn vị tính"), when the files give none or the wrong one ("%").
    public var measure: String?
    /// The province's target ("KH toàn tỉnh"), one value for every year.
    public var provinceTarget: Double?
    /// Which of the targets the files state is the headline ("kế hoạch chính": "Dự toán HĐND tỉnh giao").
    public var mainTarget: String?
    /// A target against the year before for every unit and the province ("KH so với cùng kỳ": -5 %).
    public var relativeTarget: RelativeTarget?
    /// "đánh giá theo cùng kỳ: không": a count with no target is not judged by its change.
    public var judgedByChange: Bool?
    /// The fewest decimals to show ("số chữ số thập phân"); more where a verdict needs them.
    public var decimals: Int?
    /// The item this one is a part of ("thuộc": "Thu nội địa"), over what the files' numbering says; "không" for none.
    public var parent: String?
    /// "tính vào bảng điểm": counted in "đạt x/y chỉ tiêu" whatever its level (by default only the top level is).
    public var inScorecard: Bool?
    /// The indicator this one is written with ("cặp với"): the cases and the accused of one
    /// procedure, "981 vụ/1.881 bị can".
    public var pairedWith: String?
    /// Where it is written, for messages.
    public var line: Int

    public init(name: String, oldNames: [String] = [], label: String? = nil, direction: Decided<Direction>? = nil,
                rollup: Decided<Rollup>? = nil, field: String? = nil, order: Int? = nil, headline: Bool? = nil, line: Int = 0) {
        self.name = name
        self.oldNames = oldNames
        self.label = label
        self.direction = direction
        self.rollup = rollup
        self.field = field
        self.order = order
        self.headline = headline
        self.line = line
    }
}

/// One unit of the catalogue: its display name, group and old names, or that it is a total row.
public struct CatalogueUnit: Sendable, Equatable {
    public var name: String
    public var oldNames: [String] = []
    public var shortName: String?
    /// Units are ranked within their group (departments with departments, districts with districts).
    public var group: Decided<String>?
    public var isTotal: Decided<Bool>?
    /// "sáp nhập từ": the units merged into this one, and from which year ("Huyện Kiên Hải; TP Rạch Giá (2025)").
    public var mergedFrom: String?
    /// "tách từ": the unit this one was split from, and from which year.
    public var splitFrom: String?
    public var line: Int

    public init(name: String, oldNames: [String] = [], shortName: String? = nil, group: Decided<String>? = nil,
                isTotal: Decided<Bool>? = nil, line: Int = 0) {
        self.name = name
        self.oldNames = oldNames
        self.shortName = shortName
        self.group = group
        self.isTotal = isTotal
        self.line = line
    }
}

/// The indicator catalogue: an Excel-editable table beside the data that says, once, what the
/// exports cannot — which indicators are ceilings, how the province is formed, which rows are
/// totals, what was renamed. Where it is silent the tool infers, and says so.
public struct Catalogue: Sendable, Equatable {
    public var file: String
    public var indicators: [CatalogueIndicator]
    public var units: [CatalogueUnit]

    public init(file: String = "", indicators: [CatalogueIndicator] = [], units: [CatalogueUnit] = []) {
        self.file = file
        self.indicators = indicators
        self.units = units
    }

    /// The file names looked for beside the first data file when `--catalogue` is not given.
    public static let conventionalNames = ["danh-muc-chi-tieu.csv", "danh-muc.csv", "catalogue.csv"]
}

extension Catalogue {
    /// The catalogue with a conventional name in the folder of `dataFile`, if there is one.
    public static func path(beside dataFile: String) -> String? {
        let folder = URL(fileURLWithPath: dataFile).deletingLastPathComponent()
        return conventionalNames.map { folder.appendingPathComponent($0).path }.first { FileManager.default.fileExists(atPath: $0) }
    }

    /// Whether `path` is named like a catalogue, so that a wildcard (`*.csv`) does not read it as data.
    public static func isCatalogueName(_ path: String) -> Bool {
        conventionalNames.contains(URL(fileURLWithPath: path).lastPathComponent.lowercased())
    }
}
