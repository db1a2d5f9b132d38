/// Targets as offices write them: "≥ 95 %", "> 90%", "Không quá 2", "≤ 5%", "Tối thiểu 80". The
/// number is read by the number reader as any other; the words before it say, when they do,
/// whether the target is a floor (higher is better) or a ceiling.
enum WrittenTarget {
    /// Folded words and symbols before the number, and the direction they give.
    static let prefixes: [(String, Direction)] = [
        ("khong vuot qua", .lower), ("khong qua", .lower), ("toi da", .lower), ("duoi", .lower), ("nho hon", .lower),
        ("at most", .lower), ("max", .lower), ("<=", .lower), ("≤", .lower), ("<", .lower),
        ("khong duoi", .higher), ("toi thieu", .higher), ("it nhat", .higher), ("tren", .higher), ("lon hon", .higher),
        ("at least", .higher), ("min", .higher), (">=", .higher), ("≥", .higher), (">", .higher), ("=>", .higher),
        ("dat", .higher), ("dat tu", .higher), ("dat it nhat", .higher), ("dat tren", .higher),
    ]

    /// Words after the number and the direction they give.
    static let suffixes: [(String, Direction)] = [("tro len", .higher), ("tro xuong", .lower), ("tro lai", .lower), ("or more", .higher),
                                                  ("or less", .lower)]

    /// The cell without its closing words ("trở lên"), and their direction; nil when it has none.
    private static func suffixed(_ field: CSVField, in buffer: UnsafeBufferPointer<UInt8>) -> (CSVField, Direction)? {
        // Most cells end in a digit or "%": nothing to look for (a million of them pass here).
        guard field.end > field.start else { return nil }
        let last = buffer[field.end - 1]
        guard last >= 0x80 || (last | 0x20 >= UInt8(ascii: "a") && last | 0x20 <= UInt8(ascii: "z")) else { return nil }
        var end = field.end
        while end > field.start,
              !(buffer[end - 1] >= UInt8(ascii: "0") && buffer[end - 1] <= UInt8(ascii: "9")) && buffer[end - 1] != UInt8(ascii: "%") {
            end -= 1
        }
        guard end > field.start, end < field.end else { return nil }
        let words = HeaderName.fold(String(decoding: UnsafeBufferPointer(rebasing: buffer[end..<field.end]), as: UTF8.self))
        guard let direction = suffixes.first(where: { $0.0 == words })?.1 else { return nil }
        var number = field
        number.end = end
        return (number, direction)
    }

    /// The cell's number part, and the direction its words give; the cell unchanged when it
    /// starts with the number or with words that are not a known prefix (the number reader
    /// then says what is wrong with it).
    static func split(_ field: CSVField, in buffer: UnsafeBufferPointer<UInt8>) -> (CSVField, Direction?) {
        // "Từ 95% trở lên", "90% trở lên", "5% trở xuống": the words after the number say it.
        if field.end > field.start, buffer[field.end - 1] >= 0x80 || buffer[field.end - 1] | 0x20 >= UInt8(ascii: "a"),
           let (number, direction) = suffixed(field, in: buffer) {
            let (inner, before) = split(number, in: buffer)
            return (inner, before ?? direction)
        }
        var start = field.start
        while start < field.end, buffer[start] == 0x20 || buffer[start] == 0x09 { start += 1 }
        guard start < field.end else { return (field, nil) }
        let first = buffer[start]
        // The common case: a number, a sign or a space before a number.
        if (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) || first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == 1 || first == 2 {
            return (field, nil)
        }
        var digit = field.start
        while digit < field.end, !(buffer[digit] >= UInt8(ascii: "0") && buffer[digit] <= UInt8(ascii: "9")) { digit += 1 }
        guard digit < field.end, digit > field.start else { return (field, nil) }
        let prefix = HeaderName.fold(String(decoding: UnsafeBufferPointer(rebasing: buffer[field.start..<digit]), as: UTF8.self))
        guard let direction = prefixes.first(where: { $0.0 == prefix })?.1 ?? (prefix == "tu" ? .higher : nil) else { return (field, nil) }
        var number = field
        number.start = digit
        return (number, direction)
    }
}
