import Testing
@testable import TongKetData

/// Items within items as an office numbers them: each mark read, each item placed under its whole.
@Suite struct ItemTreeTests {
    @Test(arguments: [
        ("", "1. Thu từ DNNN", "arabic", "Thu từ DNNN"),
        ("", "1/ Thu từ DNNN", "arabic", "Thu từ DNNN"),
        ("", "1.1 DNNN trung ương", "dotted", "DNNN trung ương"),
        ("", "1.2. DNNN địa phương", "dotted", "DNNN địa phương"),
        ("", "a) Thu phạt", "lowerLetter", "Thu phạt"),
        ("", "B. THU TỪ XUẤT NHẬP KHẨU", "upperLetter", "THU TỪ XUẤT NHẬP KHẨU"),
        ("", "- Thuế GTGT", "dash", "Thuế GTGT"),
        ("", "+ Thuế GTGT", "plus", "Thuế GTGT"),
        ("", "Trong đó: Thuế GTGT", "within", "Thuế GTGT"),
        ("II", "Thu nội địa", "roman", "Thu nội địa"),
        ("3", "Số vụ", "arabic", "Số vụ"),
        // A name's own first word, a year, a number of cases: no mark.
        ("", "Tổng thu NSNN", "none", "Tổng thu NSNN"),
        ("", "2024 là năm", "none", "2024 là năm"),
        ("", "- 5 vụ", "none", "- 5 vụ"),
    ])
    func marks(serial: String, name: String, kind: String, rest: String) {
        let mark = ItemMark.read(serial: serial, name: name)
        let kindName: String = switch mark.kind {
        case .none: "none"
        case .roman: "roman"
        case .upperLetter: "upperLetter"
        case .arabic: "arabic"
        case .lowerLetter: "lowerLetter"
        case .dash: "dash"
        case .plus: "plus"
        case .star: "star"
        case .dotted: "dotted"
        case .within: "within"
        }
        #expect(kindName == kind && mark.name == rest, "\(name): \(mark)")
    }

    /// The parent of each item, in order, as a reader of the outline places them.
    static func parents(_ items: [String], within: Set<Int> = []) -> [String?] {
        var tree = ItemTree()
        return items.enumerated().map { index, item in
            if within.contains(index) { tree.within() }
            return tree.place(ItemMark.read(serial: "", name: item))
        }
    }

    @Test func anOutlineOfMarks() {
        let items = ["TỔNG THU (A+B)", "A. Thu nội địa", "1. Thu từ DNNN", "1.1 Trung ương",
                     "1.2 Địa phương", "2. Ngoài quốc doanh",
                     "- Thuế GTGT", "- Thuế TNDN", "3. Lệ phí", "B. Xuất nhập khẩu", "Thu khác"]
        #expect(Self.parents(items) == [nil, "TỔNG THU (A+B)", "Thu nội địa", "Thu từ DNNN", "Thu từ DNNN", "Thu nội địa",
                                        "Ngoài quốc doanh", "Ngoài quốc doanh", "Thu nội địa", "TỔNG THU (A+B)", nil])
    }

    @Test func partsAfterTrongDoStayParts() {
        // "Trong đó:" on its own line: the dashes below are parts of the item above, though a dash marked a sibling before.
        #expect(Self.parents(["1. Số vụ", "- Số vụ cháy", "- Số vụ nổ"], within: [1]) == [nil, "Số vụ", "Số vụ"])
        #expect(Self.parents(["- Cháy", "- Cháy nhà ở", "- Nổ"], within: [1]) == [nil, "Cháy", "Cháy"])
        // "Trong đó: X" inline, then dashes going on with it.
        #expect(Self.parents(["3. Ngoài quốc doanh", "Trong đó: Thuế GTGT", "- Thuế tài nguyên", "4. Lệ phí"])
                == [nil, "Ngoài quốc doanh", "Ngoài quốc doanh", nil])
    }

    @Test func aFormulaNamesTheItemsThatAddUp() {
        #expect(ItemMark.sumTerms("TỔNG THU NSNN (A+B)") == ["A", "B"])
        #expect(ItemMark.sumTerms("Tổng số = 1 + 2 + 3") == ["1", "2", "3"])
        #expect(ItemMark.sumTerms("Thu khác (a+b)") == ["a", "b"])
        #expect(ItemMark.sumTerms("Số vụ, bị can") == nil)
        #expect(ItemMark.isWithinHeading("Trong đó:") && ItemMark.isWithinHeading("trong đó")
                && !ItemMark.isWithinHeading("Trong đó: X"))
    }
}
