/// A pull scanner over the XML of a workbook's parts: tags and text, front to back, without a
/// DOM and without copying — a 200,000-row sheet is tens of megabytes of `<c><v>…</v></c>`.
/// It knows only what Office writes: elements, attributes in quotes, text, entities,
/// comments, processing instructions and CDATA. Namespace prefixes are dropped from names.
struct XMLScanner {
    enum Event: Equatable {
        /// `name` without its prefix; `attributes` the bytes between the name and `>` or `/>`.
        case open(name: Range<Int>, attributes: Range<Int>, selfClosing: Bool)
        case close(name: Range<Int>)
        case text(Range<Int>)
    }

    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// A loop, never a recursion: a sheet may hold any number of comments in a row.
    mutating func next() -> Event? {
        let end = bytes.count
        while position < end {
            if let event = step(end) { return event }
        }
        return nil
    }

    /// One markup item: an event, or nil for one skipped (a comment, a declaration).
    private mutating func step(_ end: Int) -> Event? {
        if bytes[position] != UInt8(ascii: "<") {
            let start = position
            while position < end, bytes[position] != UInt8(ascii: "<") { position += 1 }
            return .text(start..<position)
        }
        // "<" …
        guard position + 1 < end else { position = end; return nil }
        switch bytes[position + 1] {
        case UInt8(ascii: "/"):
            var i = position + 2
            let nameStart = i
            while i < end, bytes[i] != UInt8(ascii: ">") { i += 1 }
            position = min(i + 1, end)
            return .close(name: Self.local(bytes, nameStart..<Self.trimmed(bytes, nameStart, i)))
        case UInt8(ascii: "?"):
            skip(past: [UInt8(ascii: "?"), UInt8(ascii: ">")])
            return nil
        case UInt8(ascii: "!"):
            if matches("<![CDATA[") {
                let start = position + 9
                skip(past: Array("]]>".utf8))
                return .text(start..<max(start, position - 3))
            }
            if matches("<!--") { skip(past: Array("-->".utf8)) } else { skip(past: [UInt8(ascii: ">")]) }
            return nil
        default:
            var i = position + 1
            let nameStart = i
            while i < end, !Self.isNameEnd(bytes[i]) { i += 1 }
            let nameEnd = i
            var quote: UInt8 = 0
            while i < end {
                let b = bytes[i]
                if quote != 0 { if b == quote { quote = 0 } } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") { quote = b } else if b == UInt8(ascii: ">") { break }
                i += 1
            }
            let selfClosing = i > nameEnd && bytes[i - 1] == UInt8(ascii: "/")
            let attributes = nameEnd..<(selfClosing ? i - 1 : i)
            position = min(i + 1, end)
            return .open(name: Self.local(bytes, nameStart..<nameEnd), attributes: attributes, selfClosing: selfClosing)
        }
    }

    /// True when the bytes at `range` are `name` (ASCII).
    func `is`(_ range: Range<Int>, _ name: StaticString) -> Bool {
        guard range.count == name.utf8CodeUnitCount else { return false }
        let p = name.utf8Start
        for k in 0..<range.count where bytes[range.lowerBound + k] != p[k] { return false }
        return true
    }

    /// Every attribute of an open tag, name (without prefix) and raw value, in one pass: a
    /// sheet's cell asks for three of them, a million times.
    func forEachAttribute(in range: Range<Int>, _ body: (_ name: Range<Int>, _ value: Range<Int>) -> Void) {
        var i = range.lowerBound
        while i < range.upperBound {
            while i < range.upperBound, Self.isSpace(bytes[i]) { i += 1 }
            let keyStart = i
            while i < range.upperBound, bytes[i] != UInt8(ascii: "="), !Self.isSpace(bytes[i]) { i += 1 }
            let key = Self.local(bytes, keyStart..<i)
            while i < range.upperBound, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "'") { i += 1 }
            guard i < range.upperBound else { return }
            let quote = bytes[i]
            let valueStart = i + 1
            i = valueStart
            while i < range.upperBound, bytes[i] != quote { i += 1 }
            body(key, valueStart..<i)
            i += 1
        }
    }

    /// The raw value of attribute `name` in an open tag's attribute bytes, entities still in.
    func attribute(_ name: StaticString, in range: Range<Int>) -> Range<Int>? {
        var found: Range<Int>?
        forEachAttribute(in: range) { key, value in
            if found == nil, self.is(key, name) { found = value }
        }
        return found
    }

    /// Text with XML entities and Excel's `_xHHHH_` escapes resolved.
    func string(_ range: Range<Int>) -> String {
        let raw = UnsafeBufferPointer(rebasing: bytes[range])
        guard raw.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "_") }) else { return String(decoding: raw, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = 0
        while i < raw.count {
            let b = raw[i]
            if b == UInt8(ascii: "&"), let semicolon = raw[i...].prefix(12).firstIndex(of: UInt8(ascii: ";")) {
                let entity = String(decoding: raw[(i + 1)..<semicolon], as: UTF8.self)
                let scalar: Unicode.Scalar?
                switch entity {
                case "amp": scalar = "&"
                case "lt": scalar = "<"
                case "gt": scalar = ">"
                case "quot": scalar = "\""
                case "apos": scalar = "'"
                default:
                    if entity.hasPrefix("#x") { scalar = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
                    else if entity.hasPrefix("#") { scalar = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init) }
                    else { scalar = nil }
                }
                if let scalar {
                    out += Array(String(Character(scalar)).utf8)
                    i = semicolon + 1
                    continue
                }
            }
            // Excel writes characters XML cannot hold as _xHHHH_ (a line break is _x000D_).
            if b == UInt8(ascii: "_"), i + 6 < raw.count, raw[i + 1] == UInt8(ascii: "x"), raw[i + 6] == UInt8(ascii: "_"),
               let value = UInt32(String(decoding: raw[(i + 2)..<(i + 6)], as: UTF8.self), radix: 16), let scalar = Unicode.Scalar(value) {
                out += Array(String(Character(scalar)).utf8)
                i += 7
                continue
            }
            out.append(b)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func skip(past terminator: [UInt8]) {
        var i = position
        while i + terminator.count <= bytes.count {
            if bytes[i] == terminator[0], (1..<terminator.count).allSatisfy({ bytes[i + $0] == terminator[$0] }) {
                position = i + terminator.count
                return
            }
            i += 1
        }
        position = bytes.count
    }

    private func matches(_ text: StaticString) -> Bool {
        let n = text.utf8CodeUnitCount
        guard position + n <= bytes.count else { return false }
        return (0..<n).allSatisfy { bytes[position + $0] == text.utf8Start[$0] }
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
    private static func isNameEnd(_ b: UInt8) -> Bool { isSpace(b) || b == UInt8(ascii: ">") || b == UInt8(ascii: "/") }

    private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var e = end
        while e > start, isSpace(bytes[e - 1]) { e -= 1 }
        return e
    }

    /// The name after its namespace prefix ("x:row" → "row").
    private static func local(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var i = range.upperBound
        while i > range.lowerBound {
            if bytes[i - 1] == UInt8(ascii: ":") { return i..<range.upperBound }
            i -= 1
        }
        return range
    }
}
