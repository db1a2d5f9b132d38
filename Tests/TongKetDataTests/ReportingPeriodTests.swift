import Testing
import TongKetData

/// Periods as the offices write them, and the order a review takes them in.
@Suite struct ReportingPeriodTests {
    @Test(arguments: [
        ("6 tháng đầu năm 2024", "6 tháng đầu năm"), ("Sơ kết 9 tháng năm 2024", "9 tháng"), ("Quý III/2024", "quý III"),
        ("Quý 2 năm 2024", "quý II"),
        // Cumulative quarters are the part of the year to their end.
        ("Lũy kế quý II/2024", "6 tháng đầu năm"), ("Quý III (lũy kế) 2024", "9 tháng"), ("Lũy kế quý IV năm 2024", "cả năm"),
        ("Lũy kế quý I/2024", "quý I"),
        ("(Từ ngày 01/12/2023 đến ngày 31/5/2024)", "6 tháng đầu năm"), ("(Từ ngày 01/12/2023 đến ngày 30/11/2024)", "cả năm"),
    ])
    func periodsAreReadFromTheirWords(text: String, label: String) throws {
        let read = try #require(ReportingPeriod.read(text))
        #expect(read.period.label == label)
        #expect(read.year == 2024)
    }

    @Test func theLatestPeriodIsTheOneEndingLastTheCumulativeFirst() {
        let half = ReportingPeriod(part: .firstHalf), nine = ReportingPeriod(part: .nineMonths), q3 = ReportingPeriod(part: .quarter(3))
        #expect(ReportingPeriod.endsBefore(half, nine) && ReportingPeriod.endsBefore(q3, nine) && ReportingPeriod.endsBefore(nine, .wholeYear))
        #expect(ReportingPeriod.endsBefore(ReportingPeriod(part: .quarter(4)), .wholeYear))
        #expect(!ReportingPeriod.endsBefore(nine, q3))
    }

    @Test func aPeriodIsNamedForTitlesFoldersAndTheCommandLine() {
        let half = ReportingPeriod(part: .firstHalf)
        #expect(half.of(2024, vietnamese: true) == "6 tháng đầu năm 2024" && half.slug == "6-thang")
        #expect(ReportingPeriod(part: .quarter(3)).of(2024, vietnamese: true) == "quý III năm 2024")
        #expect(ReportingPeriod.wholeYear.of(2024, vietnamese: true) == "năm 2024" && ReportingPeriod.wholeYear.slug.isEmpty)
        #expect(ReportingPeriod.named("6-thang")?.part == .firstHalf && ReportingPeriod.named("quy-3")?.part == .quarter(3))
        #expect(ReportingPeriod.named("ca-nam") == .wholeYear && ReportingPeriod.named("quý III")?.part == .quarter(3))
        #expect(ReportingPeriod.named("nửa cuối") == nil)
    }

    @Test func aTargetStatedForThePeriodIsThePeriodsOwn() throws {
        #expect(InputColumn.named("KH 6 tháng") == .target && InputColumn.isPeriodTarget("KH 6 tháng"))
        #expect(InputColumn.named("Kế hoạch năm") == .target && !InputColumn.isPeriodTarget("Kế hoạch năm"))
        #expect(InputColumn.named("KH năm") == .target && !InputColumn.isPeriodTarget("KH"))
        let text = "BÁO CÁO SƠ KẾT 6 THÁNG ĐẦU NĂM 2024\nĐơn vị,Chỉ tiêu,KH 6 tháng,TH\nPhòng A,Số vụ,50,45\n"
        let table = try TableReader.read([InputFile(name: "so-ket.csv", bytes: Array(text.utf8))]).table
        #expect(table.rows.first?.ownTarget == true && table.period.part == .firstHalf)
    }
}

/// A row is held once per line of a million-line export: its size is part of the memory budget.
@Suite struct RowLayoutTests {
    @Test func aRowStaysFortyEightBytes() {
        #expect(MemoryLayout<IndicatorRow>.stride <= 48)
        var row = IndicatorRow(year: 2024, unit: 0, indicator: 0, target: nil, actual: 1)
        row.estimated = true
        #expect(row.estimated && !row.ownTarget)
        row.ownTarget = true
        row.estimated = false
        #expect(!row.estimated && row.ownTarget)
    }
}
