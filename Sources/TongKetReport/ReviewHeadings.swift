import TongKetAnalytics

/// The headings of a review, in the order it is held: the narrative's sections, the deck's,
/// and report.docx's, which places each chart under the heading of its section by them.
package enum ReviewHeadings {
    public static func highlights(_ l: Language) -> String { l == .vi ? "Kết quả nổi bật" : "Highlights" }
    public static func byUnit(_ l: Language) -> String { l == .vi ? "Kết quả theo đơn vị" : "Results by unit" }
    public static func comparison(_ l: Language) -> String { l == .vi ? "So với cùng kỳ" : "Against the same period last year" }
    public static func shortfalls(_ l: Language) -> String { l == .vi ? "Tồn tại, hạn chế" : "Shortfalls" }
    /// A section's own title, or for the one section of a file with no fields or groups.
    public static func section(_ section: DeckPlan.Section, _ l: Language) -> String { section.title ?? (l == .vi ? "Kết quả các chỉ tiêu toàn tỉnh" : "The province's indicators") }
    public static func notes(_ l: Language) -> String { l == .vi ? "Ghi chú về số liệu" : "Notes on the figures" }
}
