import Foundation

/// The language of human-facing text: tables, charts, narrative.
public enum Language: String, Sendable, CaseIterable {
    case vi, en
}

/// Numbers for people, through Foundation's locale formatting: vi "1.054 · 85,5 % · +12",
/// en "1,054 · 85.5% · +12". Percentage points are labelled as points, never as percent.
public struct NumberText: Sendable {
    public let language: Language

    public init(_ language: Language) {
        self.language = language
    }

    /// A count or value: "1.054", "4,5".
    public func number(_ value: Double, fractionDigits: Int = 1) -> String {
        Formatters.shared.string(value, language: language, fractionDigits: fractionDigits)
    }

    /// A ratio as percent: 1.057 → "105,7 %" (vi) / "105.7%" (en).
    public func percent(_ ratio: Double) -> String {
        number(ratio * 100) + (language == .vi ? " %" : "%")
    }

    /// A completion that must not read as reached when it was not (99,97 % is "100 %" to one
    /// decimal): below 1 it is rounded down, so at most "99,9 %".
    public func completion(_ ratio: Double) -> String {
        guard ratio < 1, percent(ratio) == percent(1) else { return percent(ratio) }
        return number((ratio * 1000).rounded(.down) / 10) + (language == .vi ? " %" : "%")
    }

    /// Completions shown together (a chart's bars and its subtitle) at one precision: whole percents, or one
    /// decimal for all when any needs it ("113,0 %" beside "94,4 %", never "113 %"). A miss is rounded down, so
    /// it never prints as its target (99,96 % is "99,9 %", not "100,0 %").
    public func completions(_ ratios: [Double]) -> [String] {
        // In tenths of a percent, a miss rounded down (a hair added first: 0,95 is 94,999… in binary and stays 95,0).
        func tenths(_ ratio: Double, _ scale: Double) -> Double {
            ratio < 1 ? (ratio * 100 * scale + 1e-7).rounded(.down) / scale : (ratio * 100 * scale).rounded() / scale
        }
        let digits = ratios.contains { tenths($0, 10) != tenths($0, 10).rounded() } ? 1 : 0
        return ratios.map { ratio in
            padded(number(tenths(ratio, digits == 1 ? 10 : 1), fractionDigits: digits), digits) + (language == .vi ? " %" : "%")
        }
    }

    /// "113" → "113,0" for one decimal: Foundation's formatter on Linux misreads a minimum of decimals equal to
    /// its maximum (149,2078 came out "149,208"), so the zeros are written here.
    func padded(_ text: String, _ digits: Int) -> String {
        guard digits > 0 else { return text }
        let separator: Character = language == .vi ? "," : "."
        guard let dot = text.lastIndex(of: separator) else { return text + String(separator) + String(repeating: "0", count: digits) }
        return text + String(repeating: "0", count: max(0, digits - text.distance(from: text.index(after: dot), to: text.endIndex)))
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

/// One formatter per language and number of decimals, made on first use and never changed:
/// a formatter rebuilds its ICU pattern whenever a property is set, which cost more than the
/// formatting itself (a chart formats a few dozen numbers; a pack, thousands). The lock is
/// held while formatting too, so no formatter is used by two threads at once.
private final class Formatters: @unchecked Sendable {
    static let shared = Formatters()

    private struct Key: Hashable {
        let language: Language
        let fractionDigits: Int
    }

    private var made: [Key: NumberFormatter] = [:]
    private let lock = NSLock()

    func string(_ value: Double, language: Language, fractionDigits: Int) -> String {
        lock.withLock {
            let key = Key(language: language, fractionDigits: fractionDigits)
            let formatter = made[key] ?? {
                let f = NumberFormatter()
                f.locale = Locale(identifier: language == .vi ? "vi_VN" : "en_US")
                f.numberStyle = .decimal
                f.minimumFractionDigits = 0
                f.maximumFractionDigits = fractionDigits
                made[key] = f
                return f
            }()
            return formatter.string(from: NSNumber(value: value)) ?? String(value)
        }
    }
}
