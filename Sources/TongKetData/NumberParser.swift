/// How numbers are written in a file: Vietnamese "1.054,5" or English "1,054.5".
public enum NumberLocale: String, Sendable, CaseIterable {
    case auto, vi, en
}

/// What a number cell's text says about the file's number format.
package enum NumberReading: Equatable, Sendable {
    /// The same value under either format: "1054", "-3", "1 054".
    case plain(Double)
    /// Only the Vietnamese reading is valid: "85,5", "1.054.321", "1.054,5".
    case vietnamese(Double)
    /// Only the English reading is valid: "85.5", "1,054,321", "0.054".
    case english(Double)
    /// Both readings are valid and differ: "1.054" is 1054 (vi) or 1.054 (en).
    case ambiguous(vi: Double, en: Double)
    /// Not a finite number; the reason is a phrase for the user.
    case invalid(NumberProblem)

    public func value(in locale: NumberLocale) -> Double? {
        switch self {
        case let .plain(v): return v
        case let .vietnamese(v): return locale == .en ? nil : v
        case let .english(v): return locale == .vi ? nil : v
        case let .ambiguous(vi, en):
            switch locale {
            case .vi: return vi
            case .en: return en
            case .auto: return nil
            }
        case .invalid: return nil
        }
    }
}

package enum NumberProblem: Equatable, Sendable {
    case notANumber
    case notFinite
    case excelError
}

/// Reads Vietnamese and English number cells from UTF-8 bytes. A trailing "%" is allowed
/// (rates are given in percent: "85,5%" is 85.5); spaces and no-break spaces may group digits.
package enum NumberParser {
    public static func read(_ text: String) -> NumberReading {
        var text = text
        return text.withUTF8 { read($0) }
    }

    public static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> NumberReading {
        if let value = plainInteger(bytes) { return .plain(value) }
        var body = Array(trimmed(bytes))
        if body.isEmpty { return .invalid(.notANumber) }
        if body.first == UInt8(ascii: "#") { return .invalid(.excelError) }
        var negative = false
        // An accountant's negative, "(1.234)": the parentheses hold nothing but the number.
        if body.count >= 3, body.first == UInt8(ascii: "("), body.last == UInt8(ascii: ")") {
            negative = true
            body = Array(body.dropFirst().dropLast())
        }
        if body.first == UInt8(ascii: "-") || body.first == UInt8(ascii: "+") {
            negative = negative || body.first == UInt8(ascii: "-")
            body.removeFirst()
        } else if body.count >= 4, body[0] == 0xE2, (body[1] == 0x88 && body[2] == 0x92) || (body[1] == 0x80 && body[2] == 0x93),
                  isDigit(body[3]) {
            // The typographic minus U+2212 or an en dash typed as one, before a digit: "−1.234", "–1.234".
            negative = true
            body.removeFirst(3)
        }
        if body.last == UInt8(ascii: "%") {
            body.removeLast()
            while let last = body.last, last == 0x20 { body.removeLast() }
        }
        // Grouping spaces carry no locale: drop them (ASCII space, U+00A0, U+202F).
        var symbols: [UInt8] = []
        symbols.reserveCapacity(body.count)
        var i = 0
        while i < body.count {
            let b = body[i]
            if b == 0x20 { i += 1; continue }
            if b == 0xC2, i + 1 < body.count, body[i + 1] == 0xA0 { i += 2; continue }
            if b == 0xE2, i + 2 < body.count, body[i + 1] == 0x80, body[i + 2] == 0xAF { i += 3; continue }
            symbols.append(b)
            i += 1
        }
        if symbols.isEmpty { return .invalid(.notANumber) }
        if !symbols.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",") }) {
            let word = String(decoding: symbols, as: UTF8.self).lowercased()
            let nonFinite = ["nan", "inf", "infinity", "∞", "-nan", "+inf"]
            return .invalid(nonFinite.contains(word) ? .notFinite : .notANumber)
        }
        let vi = value(symbols, grouping: UInt8(ascii: "."), decimal: UInt8(ascii: ","), negative: negative)
        let en = value(symbols, grouping: UInt8(ascii: ","), decimal: UInt8(ascii: "."), negative: negative)
        switch (vi, en) {
        case let (v?, e?): return v == e ? .plain(v) : .ambiguous(vi: v, en: e)
        case let (v?, nil): return .vietnamese(v)
        case let (nil, e?): return .english(e)
        case (nil, nil): return .invalid(.notANumber)
        }
    }

    /// The common case, digits only, without building anything: most cells of most files.
    @inline(__always)
    public static func plainInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        let count = bytes.count
        guard count > 0, count <= 15 else { return nil }
        var i = 0
        var negative = false
        if bytes[0] == UInt8(ascii: "-") {
            guard count > 1 else { return nil }
            negative = true
            i = 1
        }
        var value: Int64 = 0
        while i < count {
            let digit = bytes[i] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value &* 10 &+ Int64(digit)
            i += 1
        }
        return Double(negative ? -value : value)
    }

    /// The value when `symbols` (digits and separators only) is well formed with the given
    /// grouping and decimal marks: groups of three after the first, at most one decimal mark.
    private static func value(_ symbols: [UInt8], grouping: UInt8, decimal: UInt8, negative: Bool) -> Double? {
        var integerDigits: [UInt8] = []
        var fractionDigits: [UInt8] = []
        var groupLengths: [Int] = []
        var current = 0
        var inFraction = false
        for b in symbols {
            if b == decimal {
                if inFraction { return nil }
                inFraction = true
                groupLengths.append(current)
                current = 0
            } else if b == grouping {
                if inFraction { return nil }
                groupLengths.append(current)
                current = 0
            } else if inFraction {
                fractionDigits.append(b)
            } else {
                integerDigits.append(b)
                current += 1
            }
        }
        if !inFraction { groupLengths.append(current) }
        if inFraction && fractionDigits.isEmpty { return nil }
        if groupLengths.count > 1 {
            // "1.054.321": first group 1–3 digits without a leading zero, the rest exactly 3.
            guard let first = groupLengths.first, (1...3).contains(first),
                  groupLengths.dropFirst().allSatisfy({ $0 == 3 }),
                  integerDigits.first != UInt8(ascii: "0") else { return nil }
        }
        if integerDigits.isEmpty && fractionDigits.isEmpty { return nil }
        var text = negative ? "-" : ""
        text += integerDigits.isEmpty ? "0" : String(decoding: integerDigits, as: UTF8.self)
        if !fractionDigits.isEmpty { text += "." + String(decoding: fractionDigits, as: UTF8.self) }
        guard let number = Double(text), number.isFinite else { return nil }
        return number
    }

    private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> ArraySlice<UInt8> {
        var slice = ArraySlice(bytes)
        while let first = slice.first, first == 0x20 || first == 0x09 { slice.removeFirst() }
        while let last = slice.last, last == 0x20 || last == 0x09 { slice.removeLast() }
        if slice.starts(with: [0xC2, 0xA0]) { slice.removeFirst(2) }
        if slice.count >= 2, slice[slice.endIndex - 2] == 0xC2, slice.last == 0xA0 { slice.removeLast(2) }
        return slice
    }

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- UInt8(ascii: "0") < 10 }
}
