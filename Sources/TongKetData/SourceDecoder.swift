import Foundation

/// The text encodings an Excel export arrives in. Everything is decoded to UTF-8 bytes once,
/// before tokenizing, so the rest of the reader sees one encoding.
public enum SourceEncoding: Sendable, Equatable, CustomStringConvertible {
    case utf8
    case utf16LittleEndian
    case utf16BigEndian
    /// Any encoding iconv knows by this name; Windows-1258 is the Vietnamese ANSI code page.
    case iconv(String)

    public static let windows1258 = SourceEncoding.iconv("WINDOWS-1258")

    /// Parses a user's `--encoding` value; nil when iconv does not know the name.
    public init?(name: String) {
        let key = name.lowercased().replacingOccurrences(of: "_", with: "-")
        switch key {
        case "utf-8", "utf8": self = .utf8
        case "utf-16le", "utf16le", "utf-16", "utf16", "unicode": self = .utf16LittleEndian
        case "utf-16be", "utf16be": self = .utf16BigEndian
        case "windows-1258", "cp1258", "win1258", "vietnamese": self = .windows1258
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
        }
    }
}

/// Turns a file's bytes into UTF-8: byte-order marks, UTF-16, legacy code pages, and
/// recognising what is not a text table at all (empty, binary, a renamed workbook).
public enum SourceDecoder {
    public struct Decoded {
        public var utf8: [UInt8]
        public var encoding: SourceEncoding
        /// True when the encoding was guessed rather than marked or forced: worth a warning.
        public var wasGuessed: Bool
        /// False for unmarked text taken as UTF-8 without checking every byte: checking a
        /// 100 MB export costs more than parsing it, so the reader checks only the text it
        /// keeps (each distinct name once) and calls `legacyFallback` if any is not UTF-8.
        public var isVerified: Bool = true
    }

    public enum Failure: Error, Equatable {
        case empty
        case notText(String)
        case undecodable(SourceEncoding)
    }

    public static func decode(_ bytes: [UInt8], forcing forced: SourceEncoding? = nil) throws(Failure) -> Decoded {
        if let forced {
            let body = stripBOM(bytes, for: forced)
            return Decoded(utf8: try convert(body, from: forced), encoding: forced, wasGuessed: false)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = Array(bytes.dropFirst(3))
            guard UTF8Validator.isValid(body) else { throw .undecodable(.utf8) }
            return try nonEmpty(Decoded(utf8: body, encoding: .utf8, wasGuessed: false))
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return try nonEmpty(Decoded(utf8: try convert(Array(bytes.dropFirst(2)), from: .utf16LittleEndian), encoding: .utf16LittleEndian, wasGuessed: false))
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return try nonEmpty(Decoded(utf8: try convert(Array(bytes.dropFirst(2)), from: .utf16BigEndian), encoding: .utf16BigEndian, wasGuessed: false))
        }
        if let kind = nonTextKind(bytes) { throw .notText(kind) }
        if let utf16 = unmarkedUTF16(bytes) {
            return try nonEmpty(Decoded(utf8: try convert(bytes, from: utf16), encoding: utf16, wasGuessed: true))
        }
        return try nonEmpty(Decoded(utf8: bytes, encoding: .utf8, wasGuessed: false, isVerified: false))
    }

    /// Unmarked bytes that turned out not to be UTF-8: Vietnamese ANSI, with a warning.
    public static func legacyFallback(_ bytes: [UInt8]) throws(Failure) -> Decoded {
        try nonEmpty(Decoded(utf8: try convert(bytes, from: .windows1258), encoding: .windows1258, wasGuessed: true))
    }

    private static func nonEmpty(_ decoded: Decoded) throws(Failure) -> Decoded {
        let blank: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
        if decoded.utf8.allSatisfy({ blank.contains($0) }) { throw .empty }
        return decoded
    }

    private static func stripBOM(_ bytes: [UInt8], for encoding: SourceEncoding) -> [UInt8] {
        switch encoding {
        case .utf8 where bytes.starts(with: [0xEF, 0xBB, 0xBF]): return Array(bytes.dropFirst(3))
        case .utf16LittleEndian where bytes.starts(with: [0xFF, 0xFE]): return Array(bytes.dropFirst(2))
        case .utf16BigEndian where bytes.starts(with: [0xFE, 0xFF]): return Array(bytes.dropFirst(2))
        default: return bytes
        }
    }

    private static func convert(_ bytes: [UInt8], from encoding: SourceEncoding) throws(Failure) -> [UInt8] {
        switch encoding {
        case .utf8:
            guard UTF8Validator.isValid(bytes) else { throw .undecodable(encoding) }
            return bytes
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
        }
    }

    /// Workbooks and other binary files, named so the user knows what to do instead.
    static func nonTextKind(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return "an Excel workbook (.xlsx) or another ZIP file, not a CSV; in Excel choose File › Save As › \"CSV UTF-8 (Comma delimited)\""
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            return "an old Excel workbook (.xls), not a CSV; in Excel choose File › Save As › \"CSV UTF-8 (Comma delimited)\""
        }
        if bytes.starts(with: Array("%PDF".utf8)) { return "a PDF document, not a CSV" }
        let head = bytes.prefix(8192)
        let hasNUL = head.contains(0)
        if hasNUL && unmarkedUTF16(bytes) == nil { return "a binary file, not a CSV text table" }
        return nil
    }

    /// UTF-16 without a byte-order mark: every other byte of ASCII text is zero.
    static func unmarkedUTF16(_ bytes: [UInt8]) -> SourceEncoding? {
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
public enum UTF8Validator {
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
