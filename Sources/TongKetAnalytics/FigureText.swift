/// A figure as people read it, shared by the terminal table, the charts and the narrative so
/// they all say it the same way.
extension NumberText {
    /// "74 vụ", "3,2 %", or the bare number when the file gives no measure.
    public func value(_ v: Double, measure: String, fractionDigits: Int = 1) -> String {
        let digits = number(v, fractionDigits: fractionDigits)
        if measure.isEmpty { return digits }
        if ProvinceRollup.isRate(measure) { return digits + (language == .vi ? " %" : "%") }
        return digits + " " + measure
    }

    /// A result as `value` says it, marked "(ước)" when it is an estimate ("Ước TH 2024").
    public func actual(_ f: FigureRow, measure: String) -> String {
        value(f.actual, measure: measure) + (f.estimated ? estimateMark : "")
    }

    /// After an estimated result, wherever one is shown.
    public var estimateMark: String { language == .vi ? " (ước)" : " (est.)" }

    /// "+6 (+8,8 %)" for counts; "+1,3 điểm %" for rates, whose change is in points; the
    /// undefined mark when there is no year before.
    public func change(_ f: FigureRow, measure: String) -> String {
        guard let delta = f.yoyDelta else { return undefined }
        if ProvinceRollup.isRate(measure) { return points(delta) }
        return signed(delta) + percentOfChange(f)
    }

    /// " (+8,8 %)"; " (không so sánh được)" from a base at or below zero; nothing without a base.
    func percentOfChange(_ f: FigureRow) -> String {
        if let percent = f.yoyPercent { return " (" + signedPercent(percent) + ")" }
        return f.changeHasNoBase ? " (" + notComparable + ")" : ""
    }

    public var notComparable: String { language == .vi ? "không so sánh được" : "not comparable" }
}
