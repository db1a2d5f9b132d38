import Foundation

/// The columns of the input contract (DESIGN §2), each with the header names it answers to.
public enum InputColumn: String, CaseIterable, Sendable {
    case year, unit, indicator, target, actual, measure, level, direction, period

    /// Names compared after `HeaderName.fold`: whole names only, so "đơn vị tính" (measure)
    /// is never "đơn vị" (unit), nor "chỉ tiêu giao" (target) "chỉ tiêu" (indicator).
    public var names: [String] {
        switch self {
        case .year: return ["year", "nam", "nam bao cao"]
        case .unit: return ["unit", "don vi", "ten don vi", "don vi bao cao"]
        case .indicator: return ["indicator", "chi tieu", "noi dung", "ten chi tieu", "noi dung chi tieu", "chi tieu nhiem vu"]
        // "KH" and "TH", the headers nearly every office uses.
        case .target: return ["target", "ke hoach", "chi tieu giao", "chi tieu duoc giao", "kh", "kh giao", "ke hoach giao",
                              "ke hoach nam", "kh nam", "kh ca nam", "ke hoach ca nam", "chi tieu ke hoach", "muc tieu", "plan"] + Self.periodTargetNames
        case .actual: return ["actual", "thuc hien", "ket qua", "th", "ket qua thuc hien", "so thuc hien", "thuc hien nam",
                              "uoc thuc hien", "uoc th", "ket qua dat duoc"]
        case .measure: return ["measure", "don vi tinh", "dvt", "unit of measure"]
        case .level: return ["level", "cap"]
        case .direction: return ["direction", "chieu"]
        case .period: return ["period", "ky bao cao", "ky", "thoi ky", "ky tong hop"]
        }
    }

    /// A target stated for a part of the year itself ("KH 6 tháng"), used as a year's would be.
    static let periodTargetNames = ["kh 6 thang", "ke hoach 6 thang", "kh 9 thang", "ke hoach 9 thang", "kh quy", "ke hoach quy",
                                    "chi tieu 6 thang", "chi tieu 9 thang", "kh ky", "ke hoach ky"]

    /// True for a target header that names the period itself ("KH 6 tháng", "Kế hoạch quý").
    public static func isPeriodTarget(_ header: String) -> Bool {
        let folded = HeaderName.fold(header)
        return periodTargetNames.contains(folded) || periodTargetNames.contains { folded.hasPrefix($0 + " ") }
    }

    public var isRequired: Bool {
        switch self {
        case .year, .unit, .indicator, .target, .actual: return true
        case .measure, .level, .direction, .period: return false
        }
    }

    /// The Vietnamese header, for messages.
    public var vietnameseName: String {
        switch self {
        case .year: return "năm"
        case .unit: return "đơn vị"
        case .indicator: return "chỉ tiêu"
        case .target: return "kế hoạch"
        case .actual: return "thực hiện"
        case .measure: return "đơn vị tính"
        case .level: return "cấp"
        case .direction: return "chiều"
        case .period: return "kỳ báo cáo"
        }
    }

    /// The column a header names: its whole name, else a role word in parentheses ("Chỉ tiêu giao
    /// (KH)", "Kết quả (TH)") or before them ("Đơn vị tính (ĐVT)"). Whole names only, so "đơn vị
    /// tính" is still never "đơn vị".
    public static func named(_ header: String) -> InputColumn? { named(folded: HeaderName.fold(header)) }

    static func named(folded: String) -> InputColumn? {
        if let column = byFoldedName[folded] { return column }
        guard folded.hasSuffix(")"), let open = folded.lastIndex(of: "(") else { return nil }
        let inner = folded[folded.index(after: open)..<folded.index(before: folded.endIndex)].trimmingCharacters(in: .whitespaces)
        let outer = folded[..<open].trimmingCharacters(in: .whitespaces)
        return byFoldedName[inner] ?? byFoldedName[outer]
    }

    static let byFoldedName: [String: InputColumn] = {
        var map: [String: InputColumn] = [:]
        for column in allCases { for name in column.names { map[name] = column } }
        return map
    }()
}

package enum HeaderName {
    /// Case-, space- and diacritic-insensitive form of a header: "  Thực  hiện " → "thuc hien".
    /// `đ` is folded by hand: Unicode does not decompose it, so diacritic folding keeps it.
    public static func fold(_ name: String) -> String {
        let folded = name
            .replacingOccurrences(of: "đ", with: "d")
            .replacingOccurrences(of: "Đ", with: "d")
            .folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
            .replacingOccurrences(of: "_", with: " ")
        return folded.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

/// Where each contract column sits in a file, from its header row.
package struct HeaderMap: Sendable, Equatable {
    public private(set) var index: [InputColumn: Int] = [:]
    /// The header text as the user wrote it, by field index, for messages.
    public let headers: [String]
    /// Fields a data row must have: up to the last named header (Excel pads with empty ones).
    public let width: Int

    public func column(_ column: InputColumn) -> Int? { index[column] }

    /// The user's own header for a column, falling back to the canonical name.
    public func displayName(_ column: InputColumn) -> String {
        guard let i = index[column] else { return column.rawValue }
        return headers[i]
    }

    public enum Problem: Error, Equatable, Sendable {
        case missing([InputColumn])
        case duplicate(InputColumn, firstField: Int, secondField: Int)
    }

    /// A map given field by field (a wide table's, whose target and actual change by year).
    init(headers: [String], index: [InputColumn: Int]) {
        self.headers = headers
        self.index = index
        self.width = Self.width(of: headers)
    }

    /// Up to the last named header: Excel pads a header row with empty cells.
    private static func width(of headers: [String]) -> Int {
        (headers.lastIndex { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? -1) + 1
    }

    /// How many of the contract's columns `headers` name: how close a line comes to a header.
    static func mappedCount(_ headers: [String]) -> Int {
        Set(headers.compactMap { InputColumn.named($0) }).count
    }

    /// `yearOptional`: a file whose rows are all one year (a sheet named "2023") may leave the
    /// year column out; the reader supplies it. `unitOptional` likewise for a unit named in the title.
    public init(headers: [String], yearOptional: Bool = false, unitOptional: Bool = false) throws(Problem) {
        self.headers = headers
        self.width = Self.width(of: headers)
        for (i, header) in headers.enumerated() {
            guard let column = InputColumn.named(header) else { continue }
            if let first = index[column] { throw .duplicate(column, firstField: first + 1, secondField: i + 1) }
            index[column] = i
        }
        let missing = InputColumn.allCases.filter { $0.isRequired && index[$0] == nil && !(yearOptional && $0 == .year) && !(unitOptional && $0 == .unit) }
        if !missing.isEmpty { throw .missing(missing) }
    }
}
