import TongKetAnalytics

/// What a chart kind needs to word its spec: the language, and numbers written in it.
package struct ChartWords: Sendable {
    public var language: Language
    public var numbers: NumberText

    public init(_ language: Language) {
        self.language = language
        numbers = NumberText(language)
    }

    func pick(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }

    /// "50 %" in Vietnamese, "50%" in English.
    func percentPoints(_ value: Double) -> String { numbers.number(value, fractionDigits: 0) + (language == .vi ? " %" : "%") }
}
