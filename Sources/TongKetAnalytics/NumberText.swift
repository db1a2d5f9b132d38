import Foundation

/// The language of human-facing text: tables, charts, narrative.
public enum Language: String, Sendable, CaseIterable {
    case vi, en
}

/// Numbers for people, through Foundation's locale formatting: vi "1.054 · 85,5 % · +12",
/// en "1,054 · 85.5% · +12". Percentage points are labelled as points, never as percent.
public struct NumberText {
    public let language: Language
    private let decimal: NumberFormatter

    public init(_ language: Language) {
        self.language = language
        decimal = NumberFormatter()
        decimal.locale = Locale(identifier: language == .vi ? "vi_VN" : "en_US")
        decimal.numberStyle = .decimal
        decimal.minimumFractionDigits = 0
        decimal.maximumFractionDigits = 1
    }

    /// A count or value: "1.054", "4,5".
    public func number(_ value: Double, fractionDigits: Int = 1) -> String {
        decimal.maximumFractionDigits = fractionDigits
        defer { decimal.maximumFractionDigits = 1 }
        return decimal.string(from: NSNumber(value: value)) ?? String(value)
    }

    /// A ratio as percent: 1.057 → "105,7 %" (vi) / "105.7%" (en).
    public func percent(_ ratio: Double) -> String {
        number(ratio * 100) + (language == .vi ? " %" : "%")
    }

    /// A signed change: "+6", "–3", "0". The minus is an en dash (U+2013): the typographic
    /// minus U+2212 is missing from Noto Sans, and Pango would borrow it from another font.
    public func signed(_ value: Double, fractionDigits: Int = 1) -> String {
        let text = number(abs(value), fractionDigits: fractionDigits)
        if text == number(0) { return text }
        return (value > 0 ? "+" : "\u{2013}") + text
    }

    public func signedPercent(_ ratio: Double) -> String {
        signed(ratio * 100) + (language == .vi ? " %" : "%")
    }

    /// A change in percentage points: "+1,3 điểm %" / "+1.3 pp".
    public func points(_ value: Double) -> String {
        signed(value) + (language == .vi ? " điểm %" : " pp")
    }

    /// The undefined figure, shown instead of NaN or ∞.
    public var undefined: String { "—" }
}
