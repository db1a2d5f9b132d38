import Foundation
/// One problem found in an input file, positioned as `file:line:column: message`.
///
/// `line` is the physical line in the file (a quoted field with line breaks spans several);
/// `column` is the 1-based field number, and the message names the column by its header.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    /// A note says how something was read (a layout, a sign): shown by `check`, never a problem.
    public enum Severity: Sendable, Equatable { case error, warning, note }

    public var file: String
    public var line: Int?
    public var column: Int?
    public var severity: Severity
    public var message: String
    /// The message in Vietnamese, where one was written.
    public var vietnamese: String?
    /// A workbook sheet's cell: shown as Excel shows it, `ketqua.xlsx[2023]!F14`.
    public var inSheet = false

    public init(file: String, line: Int? = nil, column: Int? = nil, severity: Severity = .error, message: String, vietnamese: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
        self.vietnamese = vietnamese
    }

    public var description: String { text(vietnamese: false) }

    /// Text as a terminal may show it: a control or format character (ESC, a backspace, NUL,
    /// the right-to-left override U+202E) written as `\u{1B}`, so that a name cannot clear the
    /// screen, retitle the terminal or turn the line round. Line breaks and tabs stay.
    public static func shown(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isHidden) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isHidden(scalar) { out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}" } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// "U+0420".
    public static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// A control character other than a line break or tab, or an invisible format character
    /// (bidirectional overrides, zero-width spaces, a byte-order mark inside text).
    static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return (v < 0x20 && v != 0x0A && v != 0x09) || v == 0x7F }
        if v < 0xA0 { return true }
        return scalar.properties.generalCategory == .format
    }

    /// 1 → A, 27 → AA.
    package static func columnLetters(_ column: Int) -> String {
        var n = column, letters = ""
        while n > 0 {
            letters = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + letters
            n = (n - 1) / 26
        }
        return letters
    }

    /// `file:line:column: message`, in Vietnamese when asked and written.
    public func text(vietnamese: Bool) -> String {
        "\(position): \(prefix(vietnamese: vietnamese))\((vietnamese ? self.vietnamese : nil) ?? message)"
    }

    /// Where it points: `file:line:column`, or `file[sheet]!F14` in a workbook.
    public var position: String {
        var position = file
        if inSheet, let line, let column {
            position += "!" + Self.columnLetters(column) + String(line)
        } else {
            if let line { position += ":\(line)" }
            if line != nil, let column { position += ":\(column)" }
        }
        return position
    }

    private func prefix(vietnamese: Bool) -> String {
        let vi = vietnamese && self.vietnamese != nil
        switch severity {
        case .warning: return vi ? "cảnh báo: " : "warning: "
        case .note: return vi ? "ghi chú: " : "note: "
        case .error: return vi ? "lỗi: " : ""
        }
    }
}

/// Why a load failed. Each case maps to a sysexits code so scripts can tell them apart.
public enum LoadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The data is wrong (EX_DATAERR, 65): every problem found, up to the report limit.
    case invalidData([Diagnostic], omitted: Int)
    /// A file named on the command line does not exist or cannot be read (EX_NOINPUT, 66).
    case cannotOpen(Diagnostic)
    /// The options contradict the data or each other (EX_USAGE, 64).
    case usage(String)

    public var exitCode: Int32 {
        switch self {
        case .invalidData: return 65
        case .cannotOpen: return 66
        case .usage: return 64
        }
    }

    /// The lines to print in English, one problem a line, and a count of what was left out.
    public var messages: [String] { messages(vietnamese: false) }

    public var description: String { messages.joined(separator: "\n") }

    /// The lines to print, in Vietnamese where the messages were written in it.
    public func messages(vietnamese: Bool) -> [String] {
        switch self {
        case let .invalidData(diagnostics, omitted):
            var lines = diagnostics.map { $0.text(vietnamese: vietnamese) }
            if omitted > 0 {
                lines.append(vietnamese
                    ? "… và \(omitted) lỗi khác không hiện; sửa các lỗi trên rồi chạy lại."
                    : "… and \(omitted) more problem\(omitted == 1 ? "" : "s") not shown; fix these first and run again.")
            }
            return lines
        case let .cannotOpen(diagnostic):
            return [diagnostic.text(vietnamese: vietnamese)]
        case let .usage(message):
            return [message]
        }
    }
}

/// Collects a file's problems, keeping the first `limit` and counting the rest, so a file
/// with a systematic fault gives a readable report instead of a million lines.
struct DiagnosticLog {
    let file: String
    let limit: Int
    private var diagnostics: [Diagnostic] = []
    private(set) var omitted = 0
    private(set) var errorCount = 0
    /// Errors of one kind in one column: the first is kept, the rest counted and placed in it.
    private var groups: [String: (index: Int?, lines: [Int], count: Int)] = [:]

    /// What was kept, each grouped error saying how many more rows of its column have it.
    var kept: [Diagnostic] {
        var out = diagnostics
        for (_, group) in groups where group.count > 0 {
            guard let index = group.index else { continue }
            let lines = group.lines.map(String.init).joined(separator: ", ") + (group.count > group.lines.count ? " …" : "")
            let rows = group.count == 1 ? "row" : "rows"
            out[index].message += " — the same in \(group.count) more \(rows) of this column (lines \(lines))"
            out[index].vietnamese? += " — cùng lỗi này ở \(group.count) dòng khác của cột (dòng \(lines))"
        }
        return out
    }
    /// The log of a workbook sheet: positions are cells (`!F14`).
    var inSheet = false

    init(file: String, limit: Int, inSheet: Bool = false) {
        self.file = file
        self.limit = limit
        self.inSheet = inSheet
    }

    /// An error, in English and in Vietnamese (`vi`).
    /// `group` names the kind of problem and its column: the same problem on many rows of one
    /// column is one message with the count and the first places.
    mutating func error(line: Int?, column: Int? = nil, _ message: String, vi: String, group: String? = nil) {
        errorCount += 1
        if let group {
            if var seen = groups[group] {
                seen.count += 1
                if seen.lines.count < 8, let line { seen.lines.append(line) }
                groups[group] = seen
                return
            }
            groups[group] = (diagnostics.count < limit ? diagnostics.count : nil, [], 0)
        }
        append(Diagnostic(file: file, line: line, column: column, message: message, vietnamese: vi))
    }

    /// A warning, in English and in Vietnamese (`vi`).
    mutating func warning(line: Int? = nil, column: Int? = nil, _ message: String, vi: String) {
        append(Diagnostic(file: file, line: line, column: column, severity: .warning, message: message, vietnamese: vi))
    }

    /// How something was read, in English and in Vietnamese (`vi`).
    mutating func note(line: Int? = nil, column: Int? = nil, _ message: String, vi: String) {
        // A note is no problem: it never counts among those not shown.
        guard diagnostics.count < limit else { return }
        append(Diagnostic(file: file, line: line, column: column, severity: .note, message: message, vietnamese: vi))
    }

    private mutating func append(_ diagnostic: Diagnostic) {
        var diagnostic = diagnostic
        diagnostic.inSheet = inSheet
        if diagnostics.count < limit { diagnostics.append(diagnostic) } else { omitted += 1 }
    }

    var warnings: [Diagnostic] { diagnostics.filter { $0.severity != .error } }
}

/// What `localizedDescription` says: the messages the command line prints, each naming its file and place.
extension LoadError: LocalizedError {
    public var errorDescription: String? { description }
}
