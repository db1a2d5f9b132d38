import Testing
import TongKetAnalytics
import TongKetData

/// DESIGN §3, one rule per test.
@Suite struct CompletionTests {
    @Test func completionIsActualOverTarget() {
        #expect(Completion.ratio(target: 70, actual: 74) == 74.0 / 70.0)
        #expect(Completion.status(target: 70, actual: 74, direction: .higher) == .met)
        #expect(Completion.status(target: 70, actual: 70, direction: .higher) == .met)
        #expect(Completion.status(target: 70, actual: 69, direction: .higher) == .notMet)
    }

    @Test func completionsShownTogetherShareOnePrecisionAndAMissNeverReadsAsMet() {
        let vi = NumberText(.vi)
        #expect(vi.completions([1.13, 0.944]) == ["113,0 %", "94,4 %"])
        #expect(vi.completions([1.13, 1.0]) == ["113 %", "100 %"])
        #expect(vi.completions([1.4920781, 0.9996]) == ["149,2 %", "99,9 %"])
        #expect(vi.completions([1.0, 0.9999]) == ["100,0 %", "99,9 %"])
        #expect(NumberText(.en).completions([10.545, 0.95]) == ["1,054.5%", "95.0%"])
    }

    @Test func aCeilingIsMetWhenActualStaysAtOrBelowIt() {
        #expect(Completion.status(target: 5, actual: 3.2, direction: .lower) == .met)
        #expect(Completion.status(target: 5, actual: 5, direction: .lower) == .met)
        #expect(Completion.status(target: 5, actual: 5.1, direction: .lower) == .notMet)
    }

    @Test func targetZeroNeverDividesAndOnlyAZeroCeilingIsMet() {
        #expect(Completion.ratio(target: 0, actual: 3) == nil)
        #expect(Completion.status(target: 0, actual: 0, direction: .lower) == .met)
        #expect(Completion.status(target: 0, actual: 1, direction: .lower) == .notMet)
        #expect(Completion.status(target: 0, actual: 5, direction: .higher) == .undefined)
    }

    @Test func noTargetIsUndefined() {
        #expect(Completion.ratio(target: nil, actual: 3) == nil)
        #expect(Completion.status(target: nil, actual: 3, direction: .higher) == .undefined)
        #expect(Completion.status(target: nil, actual: 3, direction: .lower) == .undefined)
    }

    @Test func aCountWithADirectionAndNoTargetIsJudgedByItsChange() throws {
        let csv = """
        year,unit,indicator,target,actual
        2022,Công an huyện A,Số vụ cháy,,21
        2023,Công an huyện A,Số vụ cháy,,26
        2022,Công an huyện A,Số người chết do tai nạn giao thông,,9
        2023,Công an huyện A,Số người chết do tai nạn giao thông,,7
        2022,Công an huyện A,Số người bị thương do đuối nước,,3
        2023,Công an huyện A,Số người bị thương do đuối nước,,3
        2022,Công an huyện A,Số tin báo đã tiếp nhận,,100
        2023,Công an huyện A,Số tin báo đã tiếp nhận,,130
        2022,Công an huyện A,Số vụ tai nạn giao thông,10,12
        2023,Công an huyện A,Số vụ tai nạn giao thông,10,9
        """
        let table = try TableReader.read([InputFile(name: "cong-an.csv", bytes: Array(csv.utf8))]).table
        let metrics = try Metrics(Interpretation(table, catalogue: nil))
        var got: [String: ChangeStatus] = [:]
        for i in metrics.table.rows.indices where metrics.table.rows[i].year == 2023 {
            let figures = metrics.unitFigures(at: i)
            got[metrics.indicatorName(figures)] = figures.changeStatus
        }
        #expect(got == [
            "Số vụ cháy": .worse, "Số người chết do tai nạn giao thông": .better,
            "Số người bị thương do đuối nước": .unchanged,
            // A workload count has no direction; a count with a target is judged by its target.
            "Số tin báo đã tiếp nhận": .undefined, "Số vụ tai nạn giao thông": .undefined,
        ])
        // The first year has nothing to change from.
        let first = try #require(metrics.table.rows.indices.first { metrics.table.rows[$0].year == 2022 })
        #expect(metrics.unitFigures(at: first).changeStatus == .undefined)
    }

    @Test func aRateCeilingOnHalfAYearIsJudgedForTheHalfAndAYearsCountIsProgress() throws {
        let csv = """
        Kỳ báo cáo;Đơn vị;Chỉ tiêu;Đơn vị tính;KH;TH
        6 tháng đầu năm 2024;Chi cục A;Tỷ lệ nợ thuế;%;≤ 5%;6,1
        6 tháng đầu năm 2024;Chi cục B;Tỷ lệ nợ thuế;%;≤ 5%;4,2
        6 tháng đầu năm 2024;Chi cục A;Số doanh nghiệp được kiểm tra;doanh nghiệp;100;48
        6 tháng đầu năm 2024;Chi cục B;Số doanh nghiệp được kiểm tra;doanh nghiệp;80;41
        """
        let table = try TableReader.read([InputFile(name: "so-ket.csv", bytes: Array(csv.utf8))]).table
        let metrics = try Metrics(Interpretation(table, catalogue: nil))
        var got: [String: (Status, Bool)] = [:]
        for i in metrics.table.rows.indices {
            let f = metrics.unitFigures(at: i)
            got[metrics.unitName(f) + "|" + metrics.indicatorName(f)] = (f.status, f.progress)
        }
        #expect(got["Chi cục A|Tỷ lệ nợ thuế"]! == (.notMet, false))
        #expect(got["Chi cục B|Tỷ lệ nợ thuế"]! == (.met, false))
        // Half a year of a count against the year's target: progress, no verdict.
        #expect(got["Chi cục A|Số doanh nghiệp được kiểm tra"]! == (.undefined, true))
    }

    @Test func yearOverYearIsUndefinedRatherThanInfinite() {
        #expect(YearOverYear.delta(actual: 74, previous: 68) == 6)
        #expect(YearOverYear.percent(actual: 74, previous: 68) == 6.0 / 68.0)
        #expect(YearOverYear.percent(actual: 5, previous: 0) == nil)
        #expect(YearOverYear.delta(actual: 5, previous: 0) == 5)
        #expect(YearOverYear.percent(actual: 5, previous: nil) == nil)
        #expect(YearOverYear.delta(actual: 5, previous: nil) == nil)
    }

    @Test func completionChangeIsInPercentagePoints() {
        let change = YearOverYear.completionChangePoints(current: 1.057, previous: 0.95)
        #expect(abs((change ?? 0) - 10.7) < 1e-9)
        #expect(YearOverYear.completionChangePoints(current: 1, previous: nil) == nil)
    }
}
