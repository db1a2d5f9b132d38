import Testing
import TongKetAnalytics
import TongKetCharts
import TongKetData
import TongKetReport

/// The review built once as a document, in the order a conference is held, with the year's
/// pairs in one sentence and next year's targets last; the deck's plan page from the same figures.
@Suite struct ReviewDocumentTests {
    static let csv = """
        năm,đơn vị,chỉ tiêu,đơn vị tính,kế hoạch,thực hiện
        2023,Huyện A,Số vụ án hình sự đã truy tố,vụ,40,38
        2023,Huyện A,Số bị can đã truy tố,bị can,70,66
        2023,Huyện A,Tỷ lệ giải quyết tin báo,%,90,92
        2024,Huyện A,Số vụ án hình sự đã truy tố,vụ,40,42
        2024,Huyện A,Số bị can đã truy tố,bị can,70,75
        2024,Huyện A,Tỷ lệ giải quyết tin báo,%,90,88
        2025,Huyện A,Số vụ án hình sự đã truy tố,vụ,45,
        2025,Huyện A,Tỷ lệ giải quyết tin báo,%,92,
        2023,Huyện B,Số vụ án hình sự đã truy tố,vụ,20,21
        2023,Huyện B,Số bị can đã truy tố,bị can,30,33
        2023,Huyện B,Tỷ lệ giải quyết tin báo,%,90,95
        2024,Huyện B,Số vụ án hình sự đã truy tố,vụ,20,22
        2024,Huyện B,Số bị can đã truy tố,bị can,30,31
        2024,Huyện B,Tỷ lệ giải quyết tin báo,%,90,96
        2025,Huyện B,Số vụ án hình sự đã truy tố,vụ,25,
        2025,Huyện B,Tỷ lệ giải quyết tin báo,%,92,

        """

    func metrics() throws -> Metrics {
        let table = try TableReader.read([InputFile(name: "vks.csv", bytes: Array(Self.csv.utf8))]).table
        return try Metrics(Interpretation(table))
    }

    @Test func theSectionsRunAsAReviewConferenceIsHeld() throws {
        let document = Narrative(metrics: try metrics(), year: 2024, language: .vi).document
        #expect(document.sections.map(\.heading) == ["Kết quả nổi bật", "Kết quả theo đơn vị", "Kết quả các chỉ tiêu toàn tỉnh", "So với cùng kỳ",
                                                   "Tồn tại, hạn chế", "Phương hướng, nhiệm vụ năm 2025"])
        // How the figures were formed is the analyst's (review.md), not a section the room reads.
        #expect(!Narrative(metrics: try metrics(), year: 2024, language: .vi).notes.isEmpty)
        #expect(document.markdown == Narrative(metrics: try metrics(), year: 2024, language: .vi).markdown)
        #expect(document.markdown.contains("\n## Phương hướng, nhiệm vụ năm 2025\n\n"))
    }

    @Test func aCountJudgedByItsChangeThatWentTheWrongWayIsAShortfall() throws {
        let csv = """
            năm,đơn vị,chỉ tiêu,đơn vị tính,kế hoạch,thực hiện
            2023,Huyện A,Số vụ cháy,vụ,,21
            2024,Huyện A,Số vụ cháy,vụ,,26
            2023,Huyện B,Số vụ cháy,vụ,,4
            2024,Huyện B,Số vụ cháy,vụ,,3
            2023,Huyện A,Số tin báo đã tiếp nhận,tin,,100
            2024,Huyện A,Số tin báo đã tiếp nhận,tin,,130

            """
        let table = try TableReader.read([InputFile(name: "ca.csv", bytes: Array(csv.utf8))]).table
        let document = Narrative(metrics: try Metrics(Interpretation(table)), year: 2024, language: .vi).document
        let section = try #require(document.sections.first { $0.heading == "Tồn tại, hạn chế" })
        let lines = ReviewDocument.lines(section)
        #expect(lines.contains("Toàn tỉnh — Số vụ cháy: 29 vụ, tăng 4 vụ (16 %) so với cùng kỳ."))
        #expect(lines.contains("Số vụ cháy xấu hơn cùng kỳ ở 1 đơn vị: Huyện A (tăng 5 vụ (23,8 %))."))
        // The office's workload has no direction: more of it is no shortfall.
        #expect(!lines.contains { $0.contains("tiếp nhận") })
    }

    @Test func aPairIsOneSentenceAsProcuracyReportsWriteIt() throws {
        let document = Narrative(metrics: try metrics(), year: 2024, language: .vi).document
        let field = try #require(document.sections.first { if case .field = $0.part { return true } else { return false } })
        let lines = ReviewDocument.lines(field)
        #expect(lines.contains("Số vụ án hình sự đã truy tố: 42 vụ/75 bị can, tăng 4 vụ (10,5 %), 9 bị can (13,6 %) "
                               + "so với cùng kỳ; đạt 105 % kế hoạch (vụ); đạt 107,1 % kế hoạch (bị can)."))
        #expect(!lines.contains { $0.hasPrefix("Số bị can đã truy tố") })
        // The province's figures are said once, in the section's table, each in its measure's column.
        let table = try #require(field.blocks.lazy.compactMap { if case let .table(t) = $0 { return t } else { return nil } }.first)
        #expect(table.headers.prefix(2) == ["Chỉ tiêu", "ĐVT"])
        #expect(table.rows.contains { $0.prefix(4) == ["Số vụ án hình sự đã truy tố", "vụ", "60", "64"] })
        #expect(!lines.contains { $0.hasPrefix("Số vụ án hình sự đã truy tố: 64 vụ") })
    }

    @Test func nextYearsTargetsAreTheUnitsSumAndTheirSharedThreshold() throws {
        let m = try metrics()
        let plan = m.plannedTargets(year: 2025)
        #expect(plan.map { m.table.indicators[Int($0.indicator)] } == ["Số vụ án hình sự đã truy tố", "Tỷ lệ giải quyết tin báo"])
        #expect(plan.map(\.target) == [70, 92])
        #expect(plan.map(\.figures.previousActual) == [64, 92])
        let section = try #require(Narrative(metrics: m, year: 2024, language: .vi).document.section(.plan))
        #expect(ReviewDocument.lines(section).contains("Số vụ án hình sự đã truy tố: 70 vụ, tăng 6 vụ (9,4 %) so với kết quả năm 2024 (64 vụ)."))
        #expect(ReviewDocument.lines(section).contains("Tỷ lệ giải quyết tin báo: 92 %, bằng kết quả năm 2024."))
    }

    @Test func theDeckEndsWithThePlanAfterTheShortfallsAndItsTableHoldsTheFigures() throws {
        let m = try metrics()
        let deck = DeckPlan(metrics: m, year: 2024)
        let kinds = deck.pages.map(\.kind)
        let plan = try #require(kinds.lastIndex(of: .plan))
        #expect(plan == kinds.count - 1)
        #expect(try #require(kinds.firstIndex(of: .comparison)) < plan)
        guard case let .table(table) = Charts.spec(deck.pages[plan], metrics: m, language: .vi).plot else { Issue.record("the plan page is not a table"); return }
        #expect(table.columns == ["Thực hiện 2024", "Kế hoạch 2025", "So với 2024"])
        #expect(table.rows.map(\.cells) == [["64 vụ", "70 vụ", "+6 (+9,4 %)"], ["92 %", "92 %", "0 điểm %"]])
        // A reviewed year before the last has no "next year" in the files.
        #expect(!DeckPlan(metrics: m, year: 2023).pages.contains { $0.kind == .plan })
    }
}
