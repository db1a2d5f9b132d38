import Foundation

/// The abbreviations offices write themselves ("VKSND huyện Phụng Hiệp", "TAND TP Vị Thanh"): what a label
/// that does not fit its place is shortened to before it is made smaller — never cut with "…".
package enum Abbreviations {
    static let phrases: [(String, String)] = [
        ("Viện kiểm sát nhân dân", "VKSND"), ("Tòa án nhân dân", "TAND"), ("Toà án nhân dân", "TAND"),
        ("Ủy ban nhân dân", "UBND"), ("Uỷ ban nhân dân", "UBND"), ("Hội đồng nhân dân", "HĐND"),
        ("thành phố", "TP"), ("thị xã", "TX"), ("Công nghệ thông tin", "CNTT"),
    ]

    /// The text with every phrase an office abbreviates abbreviated; unchanged when none is in it.
    public static func shorten(_ text: String) -> String {
        guard text.count > 12 else { return text }
        var out = text
        for (long, short) in phrases where out.range(of: long, options: .caseInsensitive) != nil {
            out = out.replacingOccurrences(of: long, with: short, options: .caseInsensitive)
        }
        return out
    }
}
