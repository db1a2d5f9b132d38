/// A target stated against the same period of the year before, as offices write it in a target
/// cell: "Kéo giảm ít nhất 5% so với cùng kỳ", "Tăng 10 % so với năm trước", "Giảm 1,5 điểm %",
/// "Không thấp hơn năm trước". It has no value of its own: each unit's and the province's is
/// resolved from that figure's previous value (`Metrics`), and it judges the period it is on.
public struct RelativeTarget: Sendable, Equatable {
    /// Signed: −5 for "giảm 5 %", +10 for "tăng 10 %", 0 for "không thấp hơn năm trước".
    public var amount: Double
    /// The amount is in points of a rate ("giảm 1,5 điểm %"), not a percentage of the previous value.
    public var points: Bool
    /// Lower for a reduction or "không cao hơn", higher for an increase or "không thấp hơn".
    public var direction: Direction

    /// The value the target comes to for a figure whose previous value was `previous`.
    public func resolved(previous: Double) -> Double {
        points ? previous + amount : previous * (1 + amount / 100)
    }

    /// The catalogue's "KH so với cùng kỳ": a phrase as in a target cell, or a signed change ("-5 %", "+10%",
    /// "-1,5 điểm %", "0 %" for no lower than the year before).
    public static func parse(catalogue cell: String) -> RelativeTarget? {
        if let phrase = parse(cell) { return phrase }
        let words = HeaderName.fold(cell.replacingOccurrences(of: "\u{2212}", with: "-").replacingOccurrences(of: "\u{2013}", with: "-"))
        var rest = Substring(words)
        var sign = 1.0
        if rest.hasPrefix("-") { sign = -1; rest = rest.dropFirst() } else if rest.hasPrefix("+") { rest = rest.dropFirst() }
        rest = rest.drop { $0 == " " }
        let numberText = rest.prefix { $0.isNumber || $0 == "," || $0 == "." }
        guard !numberText.isEmpty, let amount = Double(numberText.replacingOccurrences(of: ",", with: ".")) else { return nil }
        let after = rest[numberText.endIndex...].drop { $0 == " " }
        let points = after.hasPrefix("diem")
        guard points || after == "%" else { return nil }
        return RelativeTarget(amount: sign * amount, points: points, direction: sign < 0 ? .lower : .higher)
    }

    /// Nil when the cell is no target against the year before.
    public static func parse(_ cell: String) -> RelativeTarget? {
        let words = HeaderName.fold(cell)
        let against = ["so voi cung ky", "so cung ky", "so voi nam truoc", "so voi ky truoc", "so voi nam", "cung ky", "nam truoc"]
        for (phrase, direction) in [("khong thap hon", Direction.higher), ("khong cao hon", .lower), ("khong vuot", .lower)]
        where words.hasPrefix(phrase) && against.contains(where: words.contains) {
            return RelativeTarget(amount: 0, points: false, direction: direction)
        }
        var rest = Substring(words)
        for lead in ["keo ", "phan dau ", "muc tieu "] where rest.hasPrefix(lead) { rest = rest.dropFirst(lead.count) }
        let direction: Direction
        if rest.hasPrefix("giam") { direction = .lower } else if rest.hasPrefix("tang") { direction = .higher } else { return nil }
        rest = rest.dropFirst(4)
        // The number: the first run of digits with a decimal comma or point.
        guard let start = rest.firstIndex(where: \.isNumber) else { return nil }
        let numberText = rest[start...].prefix { $0.isNumber || $0 == "," || $0 == "." }
        guard let amount = Double(numberText.replacingOccurrences(of: ",", with: ".")), amount.isFinite else { return nil }
        let after = rest[numberText.endIndex...].trimmingPrefix(while: { $0 == " " })
        let points = after.hasPrefix("diem")
        // A change by a percentage or by points; "giảm 10 vụ" is no target TongKet can judge.
        guard points || after.hasPrefix("%") else { return nil }
        return RelativeTarget(amount: direction == .lower ? -amount : amount, points: points, direction: direction)
    }
}

private extension Substring {
    func trimmingPrefix(while predicate: (Character) -> Bool) -> Substring { drop(while: predicate) }
}

extension FileReader {
    /// A target cell that starts with a word, read as a target against the year before when it is one.
    func relativeTarget(_ field: CSVField) -> RelativeTarget? {
        var start = field.start
        while start < field.end, buffer[start] == 0x20 { start += 1 }
        guard start < field.end, buffer[start] >= 0x41 else { return nil }
        return RelativeTarget.parse(text(field))
    }
}
