import TongKetAnalytics
import TongKetData

/// A unit group (the `cấp` column, or the catalogue's) in the office's words: "district" or
/// "cấp huyện" is the district level — for a section's title and a ranking's group label.
package enum UnitGroup {
    /// The level a group's name says, in both languages; nil for a name that is no level.
    public static func level(_ group: String) -> (vi: String, en: String)? {
        let folded = HeaderName.fold(group)
        if ["district", "huyen", "cap huyen", "quan"].contains(folded) { return ("cấp huyện", "district level") }
        if ["province", "tinh", "cap tinh", "department", "so", "phong"].contains(folded) { return ("cấp tỉnh", "province level") }
        if ["commune", "xa", "cap xa", "phuong"].contains(folded) { return ("cấp xã", "commune level") }
        return nil
    }

    /// "Các đơn vị cấp huyện", "District-level units"; a group that is no level by its name.
    public static func label(_ group: String, _ language: Language) -> String {
        // "CÁC CHI CỤC THUẾ" as a form's heading writes it: a heading on the page in sentence case.
        guard let level = level(group) else { return Interpretation.sentenceCase(group) }
        return language == .vi ? "Các đơn vị " + level.vi : level.en.prefix(1).uppercased() + level.en.dropFirst() + " units"
    }
}
