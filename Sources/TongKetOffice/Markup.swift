/// XML being written, escaped by construction: literals are markup, every `String`
/// interpolated into one is text and goes in escaped, and markup goes in as it is. A name
/// with "&", "<" or a quote cannot break a part, whichever call site writes it.
struct Markup: ExpressibleByStringInterpolation, Sendable, Equatable {
    private(set) var text: String

    init(stringLiteral value: String) { text = value }
    init(stringInterpolation: Interpolation) { text = stringInterpolation.text }
    private init(raw: String) { text = raw }

    struct Interpolation: StringInterpolationProtocol {
        var text = ""
        init(literalCapacity: Int, interpolationCount: Int) { text.reserveCapacity(literalCapacity + 16 * interpolationCount) }
        mutating func appendLiteral(_ literal: String) { text += literal }
        mutating func appendInterpolation(_ value: String) { text += xml(value) }
        mutating func appendInterpolation(_ value: Markup) { text += value.text }
        mutating func appendInterpolation(_ values: [Markup]) { for value in values { text += value.text } }
        mutating func appendInterpolation(_ value: Int) { text += String(value) }
        /// A number as XML writes it: the shortest decimal that reads back the same.
        mutating func appendInterpolation(_ value: Double) { text += Markup.number(value) }
    }

    static func + (a: Markup, b: Markup) -> Markup { Markup(raw: a.text + b.text) }
    static func += (a: inout Markup, b: Markup) { a.text += b.text }

    /// The markup as a part's bytes, after the XML declaration.
    var part: String { "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + text }

    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }
}

extension Array where Element == Markup {
    func joined() -> Markup { reduce(into: "" as Markup) { $0 += $1 } }
}

/// Text for XML: the five characters that would be markup, escaped; control characters other
/// than tab and line breaks (which XML 1.0 forbids) dropped.
private func xml(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&apos;"
        case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
        default: if scalar.value >= 0x20 && !(0xFFFE...0xFFFF).contains(scalar.value) { out.unicodeScalars.append(scalar) }
        }
    }
    return out
}
