import Foundation

/// What the office writes on report.docx besides the review (Nghị định 30/2020/NĐ-CP, Phụ lục I):
/// its number and symbol, who signs and for whom, where it is sent. Each left empty is left
/// for the clerk: "Số:      /BC", the head of the agency's kind as the title, no name.
public struct OfficialForm: Sendable, Equatable {
    /// "32/BC-VKS" (`--document-number`).
    public var number = ""
    /// "KT. VIỆN TRƯỞNG", "TM. ỦY BAN NHÂN DÂN" (`--signer-authority`): the line above the title.
    public var authority = ""
    /// "PHÓ VIỆN TRƯỞNG" (`--signer-title`); empty: the head of the agency's kind.
    public var title = ""
    /// "Nguyễn Văn A" (`--signer-name`).
    public var name = ""
    /// "VKSND tối cao", "Tỉnh ủy Sóc Trăng" (`--recipients`, one per ";"), above "Lưu: VT".
    public var recipients: [String] = []

    public init(number: String = "", authority: String = "", title: String = "", name: String = "", recipients: [String] = []) {
        self.number = number
        self.authority = authority
        self.title = title
        self.name = name
        self.recipients = recipients
    }

    /// The title signed under: the one given; below "KT. VIỆN TRƯỞNG" (a deputy signing for the head)
    /// "PHÓ VIỆN TRƯỞNG"; else `head`, the head of the agency's kind.
    public func signerTitle(head: String) -> String {
        if !title.isEmpty { return title }
        let upper = authority.uppercased()
        if upper.hasPrefix("KT.") { return "PHÓ " + upper.dropFirst(3).trimmingCharacters(in: .whitespaces) }
        return head
    }

    /// Whether the title can be told from the rest: only "KT." (for the head) names whose deputy signs;
    /// under "TM.", "TL.", "Q." the signer's own title must be given.
    public var needsTitle: Bool {
        title.isEmpty && !authority.isEmpty && !authority.uppercased().hasPrefix("KT.")
    }

    /// `--recipients "VKSND tối cao; Tỉnh ủy Sóc Trăng;"`: one per ";", blanks dropped.
    public static func recipients(_ list: String) -> [String] {
        list.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
