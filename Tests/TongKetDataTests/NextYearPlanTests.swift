import Testing
import TongKetData

/// A year with targets and no results is next year's plan ("KH 2025"), kept apart from the rows;
/// a result left empty in a year with results is still an error at its cell.
@Suite struct NextYearPlanTests {
    @Test func aYearOfTargetsOnlyIsThePlanNotARow() throws {
        let table = try read(header + """
            2023,Huyện A,Số vụ,100,104
            2024,Huyện A,Số vụ,110,
            2023,Huyện B,Số vụ,50,49
            2024,Huyện B,Số vụ,55,

            """)
        #expect(table.years == [2023])
        #expect(table.rows.count == 2)
        #expect(table.plannedTargets.map(\.year) == [2024, 2024])
        #expect(table.plannedTargets.compactMap(\.target) == [110, 55])
        #expect(table.plan(year: 2024).rows.map(\.actual) == [110, 55])
    }

    @Test func anEmptyResultBeforeTheLastYearIsAnErrorAtItsCell() {
        // Above the later year's results: found when the table is assembled.
        let above = problems(header + """
            2023,Huyện A,Số vụ,100,
            2024,Huyện A,Số vụ,110,120

            """)
        #expect(above.count == 1)
        #expect(above[0].contains("ketqua.csv:2:5"))
        #expect(above[0].contains("the result of 2023 is empty while its target is given"))
        // Below a result of its year: said at once, with the file's other problems in line order.
        #expect(problems(header + """
            2024,Huyện A,Số vụ,110,abc
            2024,Huyện B,Số vụ,110,

            """) == ["ketqua.csv:2:5: \"abc\" in column \"actual\" is not a number",
                     "ketqua.csv:3:5: the cell in column \"actual\" is empty; every row needs the achieved value (write 0 if nothing was done)"])
    }

    @Test func aWideTablesTargetColumnOfTheNextYearIsThePlan() throws {
        let table = try read("""
            Đơn vị,Chỉ tiêu,TH 2023,KH 2024,TH 2024,KH 2025
            Huyện A,Số vụ,90,100,104,110
            Huyện B,Số vụ,45,50,49,

            """)
        #expect(table.years == [2023, 2024])
        #expect(table.plannedTargets.map(\.year) == [2025])
        #expect(table.plannedTargets.first?.target == 110)
    }

    @Test func aPairedPlanIsReadAsTwoIndicators() throws {
        let table = try read("""
            Đơn vị,Chỉ tiêu,Đơn vị tính,KH 2024,TH 2024,KH 2025
            Huyện A,"Số vụ án, bị can đã truy tố",vụ/bị can,40 vụ/70 bị can,42 vụ/75 bị can,45 vụ/80 bị can

            """)
        let planned = table.plannedTargets.map { (table.indicators[Int($0.indicator)], $0.target ?? -1) }.sorted { $0.0 < $1.0 }
        #expect(planned.map(\.0) == ["Số vụ án, bị can đã truy tố (bị can)", "Số vụ án, bị can đã truy tố (vụ)"])
        #expect(planned.map(\.1) == [80, 45])
    }
}
