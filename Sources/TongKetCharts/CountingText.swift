import Foundation
import TongKetAnalytics

/// How a language writes the digits of a figure: vi "1.054,5", en "1,054.5".
struct NumberSeparators {
    let grouping: Character
    let decimal: Character

    init(_ language: Language) {
        grouping = language == .vi ? "." : ","
        decimal = language == .vi ? "," : "."
    }
}

/// A label's figures part of the way to their value: "105,7 %" at 0.5 is "52,9 %". Every
/// number in the text is scaled and rewritten with the same decimals and grouping, so the
/// label keeps its shape and lands exactly on its text; a number after "/" (the "of 5" in
/// "4/5") is a denominator and stays as it is.
enum CountingText {
    static func text(_ final: String, at progress: Double, separators: NumberSeparators) -> String {
        let characters = Array(final)
        var out = ""
        var i = 0
        while i < characters.count {
            guard characters[i].isASCIIDigit else {
                out.append(characters[i])
                i += 1
                continue
            }
            // A number: digits, with separators only between digits.
            var j = i
            while j < characters.count, characters[j].isASCIIDigit
                || ((characters[j] == separators.grouping || characters[j] == separators.decimal) && j + 1 < characters.count && characters[j + 1].isASCIIDigit) {
                j += 1
            }
            let token = characters[i..<j]
            let denominator = out.last(where: { $0 != " " }) == "/"
            out += denominator ? String(token) : scaled(token, progress, separators)
            i = j
        }
        return out
    }

    private static func scaled(_ token: ArraySlice<Character>, _ progress: Double, _ s: NumberSeparators) -> String {
        let grouped = token.contains(s.grouping)
        var integer = "", fraction = ""
        var inFraction = false
        for character in token {
            if character == s.decimal { inFraction = true } else if character != s.grouping {
                if inFraction { fraction.append(character) } else { integer.append(character) }
            }
        }
        let digits = fraction.count
        let scale = pow(10, Double(digits))
        // Beyond what an Int holds exactly the figure simply appears, uncounted.
        guard let value = Double(integer + (fraction.isEmpty ? "" : "." + fraction)), value * scale < 1e15 else { return String(token) }
        let units = Int((value * progress * scale).rounded(.down))
        var whole = String(units / Int(scale))
        if grouped {
            var groupedWhole = ""
            for (k, digit) in whole.enumerated() {
                if k > 0, (whole.count - k) % 3 == 0 { groupedWhole.append(s.grouping) }
                groupedWhole.append(digit)
            }
            whole = groupedWhole
        }
        guard digits > 0 else { return whole }
        let rest = String(units % Int(scale))
        return whole + String(s.decimal) + String(repeating: "0", count: digits - rest.count) + rest
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
