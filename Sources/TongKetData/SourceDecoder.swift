import Foundation

/// The text encodings an Excel export arrives in. Everything is decoded to UTF-8 bytes once,
/// before tokenizing, so the rest of the reader sees one encoding.
public enum SourceEncoding: Sendable, Equatable, CustomStringConvertible {
    case utf8
    case utf16LittleEndian
    case utf16BigEndian
    /// Any encoding iconv knows by this name; Windows-1258 is the Vietnamese ANSI code page.
    case iconv(String)
    /// The legacy Vietnamese font encodings (TCVN3/ABC, VNI), which iconv does not have.
    case legacy(LegacyVietnamese)

    public static let windows1258 = SourceEncoding.iconv("WINDOWS-1258")

    /// Parses a user's `--encoding` value; nil when iconv does not know the name.
    public init?(name: String) {
        let key = name.lowercased().replacingOccurrences(of: "_", with: "-")
        switch key {
        case "utf-8", "utf8": self = .utf8
        case "utf-16le", "utf16le", "utf-16", "utf16", "unicode": self = .utf16LittleEndian
        case "utf-16be", "utf16be": self = .utf16BigEndian
        case "windows-1258", "cp1258", "win1258", "vietnamese": self = .windows1258
        case "tcvn3", "abc", "vntime", ".vntime": self = .legacy(.tcvn3)
        case "vni", "vni-times": self = .legacy(.vni)
        default:
            guard IconvConverter.canConvert(from: name) else { return nil }
            self = .iconv(name.uppercased())
        }
    }

    public var description: String {
        switch self {
        case .utf8: return "UTF-8"
        case .utf16LittleEndian: return "UTF-16 LE"
        case .utf16BigEndian: return "UTF-16 BE"
        case let .iconv(name): return name
        case .legacy(.tcvn3): return "TCVN3 (ABC, the .VnTime fonts)"
        case .legacy(.vni): return "VNI (the VNI-Times fonts)"
        }
    }
}

/// Turns a file's bytes into UTF-8: byte-order marks, UTF-16, legacy code pages, and
/// recognising what is not a text table at all (empty, binary, a renamed workbook).
package enum SourceDecoder {
    public struct Decoded {
        /// Converted text (UTF-16, a code page), or nil when the input's own bytes from
        /// `start` are the UTF-8 text — the common case, read in place without a copy.
        public var converted: [UInt8]?
        public var start: Int
        public var encoding: SourceEncoding
        /// True when the encoding was guessed rather than marked or forced: worth a warning.
        public var wasGuessed: Bool
        /// False for text taken as UTF-8 without checking every byte: checking a 100 MB
        /// export costs more than parsing it (and would bring all of it into memory), so the
        /// reader checks only the text it keeps (each distinct name once).
        public var isVerified: Bool = true
        /// A byte-order mark or --encoding said UTF-8: kept text that is not is an error;
        /// unmarked, the file is read again as Windows-1258 (`legacyFallback`).
        public var isMarked: Bool = false
    }

    public enum Failure: Error, Equatable {
        case empty
        case notText(String)
        case undecodable(SourceEncoding)
    }

    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, forcing forced: SourceEncoding? = nil) throws(Failure) -> Decoded {
        if let forced {
            let start = bomLength(bytes, for: forced)
            if forced == .utf8 { return try nonEmpty(Decoded(converted: nil, start: start, encoding: .utf8, wasGuessed: false, isVerified: false, isMarked: true), bytes) }
            return try nonEmpty(Decoded(converted: try convert(rest(bytes, start), from: forced), start: 0, encoding: forced, wasGuessed: false), bytes)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return try nonEmpty(Decoded(converted: nil, start: 3, encoding: .utf8, wasGuessed: false, isVerified: false, isMarked: true), bytes)
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return try nonEmpty(Decoded(converted: try convert(rest(bytes, 2), from: .utf16LittleEndian), start: 0, encoding: .utf16LittleEndian, wasGuessed: false), bytes)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return try nonEmpty(Decoded(converted: try convert(rest(bytes, 2), from: .utf16BigEndian), start: 0, encoding: .utf16BigEndian, wasGuessed: false), bytes)
        }
        if let kind = nonTextKind(bytes) { throw .notText(kind) }
        if let utf16 = unmarkedUTF16(bytes) {
            return try nonEmpty(Decoded(converted: try convert(bytes, from: utf16), start: 0, encoding: utf16, wasGuessed: true), bytes)
        }
        return try nonEmpty(Decoded(converted: nil, start: 0, encoding: .utf8, wasGuessed: false, isVerified: false), bytes)
    }

    /// Unmarked bytes that turned out not to be UTF-8: the text of a legacy Vietnamese font
    /// (TCVN3, VNI) when it reads as one, else Vietnamese ANSI; either with a warning.
    public static func legacyFallback(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> Decoded {
        // Each byte as the character Windows shows for it: what the legacy detector judges.
        let shown = String(String.UnicodeScalarView(bytes.prefix(1 << 16).map { Unicode.Scalar($0) }))
        let encoding = LegacyVietnamese.detect(shown).map(SourceEncoding.legacy) ?? .windows1258
        return try nonEmpty(Decoded(converted: try convert(bytes, from: encoding), start: 0, encoding: encoding, wasGuessed: true), bytes)
    }

    private static func rest(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[min(start, bytes.count)...])
    }

    private static func nonEmpty(_ decoded: Decoded, _ input: UnsafeBufferPointer<UInt8>) throws(Failure) -> Decoded {
        func blank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        let empty = decoded.converted.map { $0.allSatisfy(blank) } ?? rest(input, decoded.start).allSatisfy(blank)
        if empty { throw .empty }
        return decoded
    }

    private static func bomLength(_ bytes: UnsafeBufferPointer<UInt8>, for encoding: SourceEncoding) -> Int {
        switch encoding {
        case .utf8 where bytes.starts(with: [0xEF, 0xBB, 0xBF]): return 3
        case .utf16LittleEndian where bytes.starts(with: [0xFF, 0xFE]): return 2
        case .utf16BigEndian where bytes.starts(with: [0xFE, 0xFF]): return 2
        default: return 0
        }
    }

    private static func convert(_ bytes: UnsafeBufferPointer<UInt8>, from encoding: SourceEncoding) throws(Failure) -> [UInt8] {
        switch encoding {
        case .utf8:
            guard UTF8Validator.isValid(bytes) else { throw .undecodable(encoding) }
            return Array(bytes)
        case .utf16LittleEndian, .utf16BigEndian:
            guard bytes.count % 2 == 0 else { throw .undecodable(encoding) }
            let little = encoding == .utf16LittleEndian
            var units = [UInt16](repeating: 0, count: bytes.count / 2)
            for i in units.indices {
                let a = UInt16(bytes[2 * i]), b = UInt16(bytes[2 * i + 1])
                units[i] = little ? a | b << 8 : a << 8 | b
            }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            let failed = transcode(units.makeIterator(), from: UTF16.self, to: UTF8.self, stoppingOnError: true) { out.append($0) }
            if failed { throw .undecodable(encoding) }
            return out
        case let .iconv(name):
            guard let converted = IconvConverter.convert(bytes, from: name) else { throw .undecodable(encoding) }
            return converted
        case let .legacy(legacy):
            return Array(legacy.decode(bytes: Array(bytes)).utf8)
        }
    }

    /// What a file that is not a text table is, in both languages of messages.
    enum NonTextKind: CaseIterable {
        case workbook, emptyArchive, oldWorkbook, pdf, binary

        var english: String {
            switch self {
            case .workbook: return "an Excel workbook (.xlsx) or another ZIP file, not a CSV; in Excel choose File › Save As › \"CSV UTF-8 (Comma delimited)\""
            case .emptyArchive: return "an empty ZIP archive: no workbook or table inside; export the sheet again from Excel (.xlsx, or File › Save As › \"CSV UTF-8\")"
            case .oldWorkbook: return "an old Excel workbook (.xls) or a password-protected one; in Excel remove the password (File › Info › Protect Workbook) and choose File › Save As › \"Excel Workbook (.xlsx)\""
            case .pdf: return "a PDF document, not a CSV"
            case .binary: return "a binary file, not a CSV text table"
            }
        }

        var vietnamese: String {
            switch self {
            case .workbook: return "sổ tính Excel (.xlsx) hoặc một tệp ZIP khác, không phải CSV; trong Excel chọn File › Save As › \"CSV UTF-8 (Comma delimited)\""
            case .emptyArchive: return "tệp ZIP rỗng: không có sổ tính hay bảng nào bên trong; xuất lại trang tính từ Excel (.xlsx, hoặc File › Save As › \"CSV UTF-8\")"
            case .oldWorkbook: return "sổ tính Excel đời cũ (.xls) hoặc sổ tính có mật khẩu; trong Excel gỡ mật khẩu (File › Info › Protect Workbook) rồi chọn File › Save As › \"Excel Workbook (.xlsx)\""
            case .pdf: return "tài liệu PDF, không phải CSV"
            case .binary: return "tệp nhị phân, không phải bảng dữ liệu dạng văn bản CSV"
            }
        }

        /// The Vietnamese of a `Failure.notText` kind (which carries the English).
        static func vietnamese(of english: String) -> String? {
            allCases.first { $0.english == english }?.vietnamese
        }
    }

    /// Workbooks and other binary files, named so the user knows what to do instead.
    static func nonTextKind(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return NonTextKind.workbook.english }
        if bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return NonTextKind.emptyArchive.english }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return NonTextKind.oldWorkbook.english }
        if bytes.starts(with: Array("%PDF".utf8)) { return NonTextKind.pdf.english }
        let head = bytes.prefix(8192)
        let hasNUL = head.contains(0)
        if hasNUL && unmarkedUTF16(bytes) == nil { return NonTextKind.binary.english }
        return nil
    }

    /// UTF-16 without a byte-order mark: every other byte of ASCII text is zero.
    static func unmarkedUTF16(_ bytes: UnsafeBufferPointer<UInt8>) -> SourceEncoding? {
        let head = Array(bytes.prefix(512))
        guard head.count >= 4, head.count % 2 == 0 else { return nil }
        var zeroEven = 0, zeroOdd = 0
        for (i, b) in head.enumerated() where b == 0 { if i % 2 == 0 { zeroEven += 1 } else { zeroOdd += 1 } }
        let pairs = head.count / 2
        if zeroOdd * 10 >= pairs * 7 && zeroEven == 0 { return .utf16LittleEndian }
        if zeroEven * 10 >= pairs * 7 && zeroOdd == 0 { return .utf16BigEndian }
        return nil
    }
}

/// UTF-8 validation that skips ASCII eight bytes at a time: exports are mostly ASCII digits
/// and delimiters, and this runs over every byte of every file.
package enum UTF8Validator {
    public static func isValid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { isValid($0) }
    }

    public static func isValid(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = buffer.baseAddress else { return true }
        let count = buffer.count
        var i = 0
        while i < count {
            if i + 8 <= count {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
            }
            let lead = base[i]
            if lead < 0x80 { i += 1; continue }
            let length: Int
            let minimum: UInt32
            var scalar: UInt32
            switch lead {
            case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(lead & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(lead & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(lead & 0x07)
            default: return false
            }
            guard i + length <= count else { return false }
            for k in 1..<length {
                let b = base[i + k]
                guard b & 0xC0 == 0x80 else { return false }
                scalar = scalar << 6 | UInt32(b & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return false }
            i += length
        }
        return true
    }
}
