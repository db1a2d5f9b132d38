/// A field of a CSV record: a byte range into the tokenizer's buffer. Quoted fields exclude
/// their outer quotes; `hasEscapedQuotes` says the range still holds `""` pairs to collapse.
package struct CSVField: Sendable, Equatable {
    public var start: Int
    public var end: Int
    public var isQuoted: Bool
    public var hasEscapedQuotes: Bool

    public var isEmpty: Bool { start == end }

    /// `quoted`, for a file analysts open in Excel: text that Excel would run as a formula (it
    /// begins with = + - @, a tab or a carriage return) gets a leading apostrophe inside the
    /// quotes, as OWASP recommends; TongKet's own readers take it off again (`unneutralised`).
    public static func neutralised(_ bytes: [UInt8]) -> [UInt8] {
        guard let first = bytes.first, formulaStarts.contains(first) else { return quoted(bytes) }
        return inQuotes([UInt8(ascii: "'")] + bytes)
    }

    /// A cell written by `neutralised`, as it was.
    public static func unneutralised(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.first == "'", let second = scalars.dropFirst().first, second.isASCII,
              formulaStarts.contains(UInt8(second.value)) else { return text }
        return String(text.dropFirst())
    }

    static let formulaStarts: Set<UInt8> = [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D]

    /// `bytes` as one field of a CSV (RFC 4180): quoted only when they hold a comma, a quote or
    /// a line break, inner quotes doubled.
    public static func quoted(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) else { return bytes }
        return inQuotes(bytes)
    }

    /// `bytes` between quotes, inner quotes doubled.
    private static func inQuotes(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "\"")]
        for b in bytes {
            if b == UInt8(ascii: "\"") { out.append(b) }
            out.append(b)
        }
        out.append(UInt8(ascii: "\""))
        return out
    }
}

/// What the tokenizer could not read as RFC 4180. It still returns the best reading, so the
/// loader can report every problem of a file at once.
package enum CSVProblem: Sendable, Equatable {
    /// A quoted field opened on `line` never closes; the rest of the file became that field.
    case unterminatedQuote(line: Int, field: Int)
    /// `"` inside a field that is not quoted (`john "the rock" smith`).
    case bareQuote(line: Int, field: Int)
    /// Text after a closing quote before the delimiter (`"abc"def`).
    case textAfterClosingQuote(line: Int, field: Int)
}

/// A byte-level RFC 4180 tokenizer: `,` `;` tab `|` or any ASCII delimiter, quotes with
/// embedded delimiters, quotes and line breaks, LF, CRLF or CR line ends.
///
/// It never allocates per field: fields are ranges into the caller's buffer, and only a
/// field with escaped quotes is copied, on demand. The buffer must outlive the tokenizer,
/// which is why it is only made inside `withUnsafeBufferPointer`.
package struct CSVTokenizer {
    public static let quote = UInt8(ascii: "\"")
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")

    public let delimiter: UInt8
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    /// The physical line the next record starts on (1-based).
    public private(set) var line = 1
    /// How far into the bytes the tokenizer has read.
    public var offset: Int { position }
    public private(set) var problems: [CSVProblem] = []

    /// The bytes that end an unquoted field, and a quoted one, each repeated in every byte
    /// of a word, for `skipWords`.
    private let plainStops: SIMD4<UInt64>
    private let quotedStops: SIMD4<UInt64>
    /// false: every byte is looked at on its own — the reference the tests hold the
    /// word-at-a-time reading to.
    private let skipsWords: Bool

    public init(bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8) {
        self.init(bytes: bytes, delimiter: delimiter, skipsWords: true)
    }

    init(bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8, skipsWords: Bool) {
        self.bytes = bytes
        self.delimiter = delimiter
        self.skipsWords = skipsWords
        let ones: UInt64 = 0x0101_0101_0101_0101
        plainStops = SIMD4(UInt64(delimiter) &* ones, UInt64(Self.quote) &* ones, UInt64(Self.lineFeed) &* ones, UInt64(Self.carriageReturn) &* ones)
        quotedStops = SIMD4(UInt64(Self.quote) &* ones, UInt64(Self.lineFeed) &* ones, UInt64(Self.carriageReturn) &* ones, UInt64(Self.quote) &* ones)
    }

    /// Skips whole 8-byte words that hold none of `stops`: most of a file is the inside of
    /// fields, and testing a word at a time is several times faster than a byte at a time.
    @inline(__always)
    private func skipWords(from start: Int, stops: SIMD4<UInt64>) -> Int {
        guard skipsWords, let base = bytes.baseAddress else { return start }
        let raw = UnsafeRawPointer(base)
        let ones = SIMD4<UInt64>(repeating: 0x0101_0101_0101_0101)
        let highs = SIMD4<UInt64>(repeating: 0x8080_8080_8080_8080)
        var i = start
        while i + 8 <= bytes.count {
            let word = SIMD4<UInt64>(repeating: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            let x = word ^ stops
            // A byte of x is zero exactly where the word holds a stop byte.
            let zero = (x &- ones) & ~x & highs
            if zero != SIMD4(repeating: 0) { return i }
            i += 8
        }
        return i
    }

    /// Reads the next record's fields into `fields` (reusing its storage) and returns the
    /// physical line it starts on, or nil at the end of the input.
    public mutating func nextRecord(into fields: inout [CSVField]) -> Int? {
        fields.removeAll(keepingCapacity: true)
        let count = bytes.count
        guard position < count else { return nil }
        let startLine = line
        let quote = Self.quote, lf = Self.lineFeed, cr = Self.carriageReturn, delimiter = self.delimiter
        while true {
            if position < count && bytes[position] == quote {
                readQuotedField(into: &fields)
            } else {
                let start = position
                position = skipWords(from: position, stops: plainStops)
                while position < count {
                    let b = bytes[position]
                    if b == delimiter || b == lf || b == cr { break }
                    if b == quote { problems.append(.bareQuote(line: line, field: fields.count + 1)) ; position += 1; skipBareQuotedRest(); break }
                    position += 1
                }
                fields.append(CSVField(start: start, end: position, isQuoted: false, hasEscapedQuotes: false))
            }
            guard position < count else { return startLine }
            let b = bytes[position]
            position += 1
            if b == delimiter { continue }
            if b == cr, position < count, bytes[position] == lf { position += 1 }
            line += 1
            return startLine
        }
    }

    /// After a bare quote the field runs on to the next delimiter or line end, quotes and all:
    /// the reading a lenient parser would give, while the problem is reported.
    private mutating func skipBareQuotedRest() {
        while position < bytes.count {
            let b = bytes[position]
            if b == delimiter || b == Self.lineFeed || b == Self.carriageReturn { return }
            position += 1
        }
    }

    private mutating func readQuotedField(into fields: inout [CSVField]) {
        let count = bytes.count
        let quote = Self.quote, lf = Self.lineFeed, cr = Self.carriageReturn
        let openingLine = line
        let start = position + 1
        var i = start
        var escaped = false
        while true {
            i = skipWords(from: i, stops: quotedStops)
            while i < count {
                let b = bytes[i]
                if b == quote { break }
                if b == lf { line += 1 } else if b == cr, i + 1 == count || bytes[i + 1] != lf { line += 1 }
                i += 1
            }
            if i >= count {
                problems.append(.unterminatedQuote(line: openingLine, field: fields.count + 1))
                fields.append(CSVField(start: start, end: count, isQuoted: true, hasEscapedQuotes: escaped))
                position = count
                return
            }
            if i + 1 < count && bytes[i + 1] == quote {
                escaped = true
                i += 2
                continue
            }
            break
        }
        fields.append(CSVField(start: start, end: i, isQuoted: true, hasEscapedQuotes: escaped))
        position = i + 1
        if position < count {
            let b = bytes[position]
            if b != delimiter && b != lf && b != cr {
                problems.append(.textAfterClosingQuote(line: line, field: fields.count))
                skipBareQuotedRest()
            }
        }
    }

    /// The field's text as bytes, with `""` collapsed to `"`.
    public func value(of field: CSVField) -> ArraySlice<UInt8> {
        let raw = UnsafeBufferPointer(rebasing: bytes[field.start..<field.end])
        guard field.hasEscapedQuotes else { return ArraySlice(raw) }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = 0
        while i < raw.count {
            out.append(raw[i])
            i += (raw[i] == Self.quote && i + 1 < raw.count && raw[i + 1] == Self.quote) ? 2 : 1
        }
        return out[...]
    }

    /// Convenience for tests and small inputs: every record as strings.
    public static func records(in text: [UInt8], delimiter: UInt8) -> (records: [[String]], problems: [CSVProblem]) {
        records(in: text, delimiter: delimiter, skipsWords: true)
    }

    static func records(in text: [UInt8], delimiter: UInt8, skipsWords: Bool) -> (records: [[String]], problems: [CSVProblem]) {
        text.withUnsafeBufferPointer { buffer in
            var tokenizer = CSVTokenizer(bytes: buffer, delimiter: delimiter, skipsWords: skipsWords)
            var fields: [CSVField] = []
            var records: [[String]] = []
            while tokenizer.nextRecord(into: &fields) != nil {
                records.append(fields.map { String(decoding: tokenizer.value(of: $0), as: UTF8.self) })
            }
            return (records, tokenizer.problems)
        }
    }
}

/// The delimiter of a file, chosen from its header line: the candidate that occurs most
/// often outside quotes. A header with none of them is a one-column file, read with `,`.
package enum DelimiterDetector {
    public static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")]

    /// The first line holding any candidate decides: a report's title lines above the header
    /// ("BIỂU TỔNG HỢP …") often hold none, and up to `linesLooked` of them are looked past.
    static let linesLooked = 30

    public static func detect(in bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var counts = [Int](repeating: 0, count: candidates.count)
        var inQuotes = false
        var lines = 0
        for b in bytes {
            if b == CSVTokenizer.quote { inQuotes.toggle(); continue }
            if inQuotes { continue }
            if b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") {
                // CRLF counts twice: the limit is about lines, not exact.
                lines += 1
                if counts.contains(where: { $0 > 0 }) || lines >= linesLooked { break }
                continue
            }
            if let index = candidates.firstIndex(of: b) { counts[index] += 1 }
        }
        var best = 0
        for index in counts.indices where counts[index] > counts[best] { best = index }
        return candidates[best]
    }
}
