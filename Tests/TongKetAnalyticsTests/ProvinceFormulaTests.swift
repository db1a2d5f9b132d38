import Testing
import TongKetAnalytics
import TongKetData

/// How the province figure is formed (DESIGN §3), and the review's findings on values.
@Suite struct ProvinceFormulaTests {
    func metrics(_ records: [IndicatorRecord], catalogue: Catalogue? = nil) throws -> Metrics {
        try Metrics(Interpretation(IndicatorTable(records: records), catalogue: catalogue))
    }

    func province(_ m: Metrics, _ indicator: String, _ year: Int = 2023) -> FigureRow? {
        m.figureRows(year: year).first { $0.scope == .province && m.indicatorName($0) == indicator }
    }

    @Test func timesAndRatesPerPopulationAreAveragedNotSummed() throws {
        let m = try metrics([
            .init(year: 2023, unit: "A", indicator: "Thời gian chờ khám bệnh", measure: "phút", target: 40, actual: 30),
            .init(year: 2023, unit: "B", indicator: "Thời gian chờ khám bệnh", measure: "phút", target: 50, actual: 40),
            .init(year: 2023, unit: "A", indicator: "Số bác sĩ trên 1 vạn dân", target: 10, actual: 9),
            .init(year: 2023, unit: "B", indicator: "Số bác sĩ trên 1 vạn dân", target: 10, actual: 13),
        ])
        let waiting = try #require(province(m, "Thời gian chờ khám bệnh"))
        #expect(waiting.actual == 35 && waiting.target == 45)
        #expect(waiting.direction == .lower && waiting.status == .met)
        #expect(m.isMean(waiting))
        #expect(try #require(province(m, "Số bác sĩ trên 1 vạn dân")).actual == 11)
    }

    @Test func aWeightedMeanWeighsEachUnitByAnotherIndicator() throws {
        let rows: [IndicatorRecord] = [
            .init(year: 2023, unit: "A", indicator: "Thu nhập bình quân đầu người", target: 50, actual: 40),
            .init(year: 2023, unit: "B", indicator: "Thu nhập bình quân đầu người", target: 70, actual: 80),
            .init(year: 2023, unit: "A", indicator: "Dân số", target: nil, actual: 300),
            .init(year: 2023, unit: "B", indicator: "Dân số", target: nil, actual: 100),
        ]
        let c = Catalogue(indicators: [CatalogueIndicator(name: "Thu nhập bình quân đầu người", rollup: Decided(.weightedMean(by: "Dân số")))])
        let f = try #require(province(try metrics(rows, catalogue: c), "Thu nhập bình quân đầu người"))
        let actual: Double = (40 * 300 + 80 * 100) / 400, target: Double = (50 * 300 + 70 * 100) / 400
        #expect(f.actual == actual)
        #expect(f.target == target)
    }

    @Test func aRatioDividesTheSummedIndicatorsAtTheUnitsScale() throws {
        let rows: [IndicatorRecord] = [
            .init(year: 2023, unit: "A", indicator: "Tỷ lệ giải quyết", measure: "%", target: 90, actual: 80),
            .init(year: 2023, unit: "B", indicator: "Tỷ lệ giải quyết", measure: "%", target: 90, actual: 100),
            .init(year: 2023, unit: "A", indicator: "Số đơn đã giải quyết", target: nil, actual: 8),
            .init(year: 2023, unit: "B", indicator: "Số đơn đã giải quyết", target: nil, actual: 90),
            .init(year: 2023, unit: "A", indicator: "Số đơn nhận", target: nil, actual: 10),
            .init(year: 2023, unit: "B", indicator: "Số đơn nhận", target: nil, actual: 90),
        ]
        let c = Catalogue(indicators: [CatalogueIndicator(name: "Tỷ lệ giải quyết", rollup: Decided(.ratio(numerator: "Số đơn đã giải quyết", denominator: "Số đơn nhận")))])
        let f = try #require(province(try metrics(rows, catalogue: c), "Tỷ lệ giải quyết"))
        #expect(abs(f.actual - 98.0) < 1e-9)   // 98 of 100, as a percentage like the units'
        #expect(f.target == 90)
    }

    @Test func noneLeavesTheProvinceWithoutAFigure() throws {
        let c = Catalogue(indicators: [CatalogueIndicator(name: "X", rollup: Decided(.none))])
        let m = try metrics([.init(year: 2023, unit: "A", indicator: "X", target: 1, actual: 1)], catalogue: c)
        #expect(province(m, "X") == nil)
    }

    @Test func aTotalRowIsNeitherAUnitNorPartOfTheSum() throws {
        let m = try metrics([
            .init(year: 2023, unit: "A", indicator: "X", target: 10, actual: 12),
            .init(year: 2023, unit: "B", indicator: "X", target: 10, actual: 8),
            .init(year: 2023, unit: "Tổng cộng", indicator: "X", target: 20, actual: 20),
        ])
        #expect(try #require(province(m, "X")).actual == 20)
        #expect(Ranking.units(m, year: 2023).count == 2)
        #expect(Review.findings(m).isEmpty)
    }

    @Test func aTotalThatDisagreesIsReported() throws {
        let m = try metrics([
            .init(year: 2023, unit: "A", indicator: "X", target: 10, actual: 12),
            .init(year: 2023, unit: "B", indicator: "X", target: 10, actual: 8),
            .init(year: 2023, unit: "Toàn tỉnh", indicator: "X", target: 20, actual: 22),
        ])
        // Named at both places: the total row, and the units' rows.
        #expect(Review.findings(m).map(\.kind) == [.totalMismatch, .totalMismatch])
        // The office's total is the province's figure, marked for checking, the units' sum beside it.
        let p = try #require(province(m, "X"))
        #expect(p.actual == 22 && p.published && p.flagged && p.flags == "published;check")
        #expect(FigureWords(m, .vi).basisNote(p) == "số tổng hợp của đơn vị: 22, cộng các đơn vị: 20")
    }

    @Test func twoGrandTotalsThatDisagreeAreAnErrorNamingBoth() throws {
        let records: [IndicatorRecord] = [
            .init(year: 2023, unit: "A", indicator: "X", target: 10, actual: 12),
            .init(year: 2023, unit: "Tổng cộng", indicator: "X", target: 10, actual: 12),
            .init(year: 2023, unit: "Toàn tỉnh", indicator: "X", target: 10, actual: 13),
        ]
        #expect(throws: LoadError.self) { try Interpretation(IndicatorTable(records: records)) }
        // Near miss: the same figure twice is no conflict.
        var same = records
        same[2].actual = 12
        #expect(throws: Never.self) { try Interpretation(IndicatorTable(records: same)) }
    }

    @Test func theCatalogueStatesTheProvinceTargetTheMeasureAndTheDecimals() throws {
        let table = try IndicatorTable(records: [
            .init(year: 2024, unit: "A", indicator: "Tỷ lệ phủ sóng", target: nil, actual: 97.04),
            .init(year: 2024, unit: "B", indicator: "Tỷ lệ phủ sóng", target: nil, actual: 98.1),
        ])
        let text = "loại,tên,chiều,toàn tỉnh,KH toàn tỉnh,đơn vị tính,số chữ số thập phân\nchỉ tiêu,Tỷ lệ phủ sóng,cao,trung bình,98,%,2\n"
        let catalogue = try CatalogueReader.read(InputFile(name: "danh-muc.csv", bytes: Array(text.utf8)))
        let m = try Metrics(Interpretation(table, catalogue: catalogue))
        let p = try #require(m.figureRows(year: 2024).first { $0.scope == .province })
        #expect(p.target == 98 && m.basis(p)?.target == .catalogue)
        #expect(m.measureName(p) == "%" && m.profile(p.indicator).isRate)
        // Two decimals at least, as the catalogue says: 97,57 %, not 97,6 %.
        #expect(FigureWords(m, .vi).actual(p) == "97,57 %")
        #expect(p.status == .notMet)
        // A catalogue number that is not one is an error at its cell.
        let bad = "loại,tên,KH toàn tỉnh\nchỉ tiêu,Tỷ lệ phủ sóng,chín mươi\n"
        #expect(throws: LoadError.self) { try CatalogueReader.read(InputFile(name: "danh-muc.csv", bytes: Array(bad.utf8))) }
    }

    @Test func theCatalogueMayChooseAFormulaOverTheTotalRow() throws {
        let table = try IndicatorTable(records: [
            .init(year: 2023, unit: "A", indicator: "X", target: 10, actual: 12),
            .init(year: 2023, unit: "B", indicator: "X", target: 10, actual: 8),
            .init(year: 2023, unit: "Tổng cộng", indicator: "X", target: 20, actual: 22),
        ])
        let catalogue = Catalogue(indicators: [CatalogueIndicator(name: "X", rollup: Decided(.sum))])
        let m = try Metrics(Interpretation(table, catalogue: catalogue))
        let p = try #require(m.figureRows(year: 2023).first { $0.scope == .province })
        #expect(p.actual == 20 && !p.published)
    }

    // MARK: the review

    @Test func aTenfoldJumpIsFoundAndAnEpidemicYearIsNot() throws {
        var rows: [IndicatorRecord] = []
        for (year, value) in [(2021, 13_000.0), (2022, 13_400), (2023, 13_250), (2024, 132_500)] {
            rows.append(.init(year: year, unit: "A", indicator: "Số lượt điều trị", target: nil, actual: value))
        }
        for (year, value) in [(2021, 40.0), (2022, 200), (2023, 45), (2024, 50)] {
            rows.append(.init(year: year, unit: "A", indicator: "Số ca mắc", target: nil, actual: value))
        }
        let jumps = Review.findings(try metrics(rows)).filter { $0.kind == .jump }
        #expect(jumps.count == 1)
        #expect(jumps.first?.diagnostic.message.contains("132,500") == true)
    }

    @Test func aPercentageAbove100IsFoundExceptForCapacities() throws {
        let findings = Review.findings(try metrics([
            .init(year: 2023, unit: "A", indicator: "Tỷ lệ tham gia bảo hiểm y tế", measure: "%", target: 90, actual: 915),
            .init(year: 2023, unit: "A", indicator: "Công suất sử dụng giường bệnh", measure: "%", target: 90, actual: 104),
            .init(year: 2023, unit: "A", indicator: "Tỷ lệ hộ nghèo", target: 4, actual: 150),
        ]))
        #expect(findings.filter { $0.kind == .percentOver100 }.count == 2)
    }

    @Test func targetsMissingForSomeUnitsOnlyAreFound() throws {
        let findings = Review.findings(try metrics([
            .init(year: 2023, unit: "A", indicator: "X", target: 10, actual: 12),
            .init(year: 2023, unit: "B", indicator: "X", target: nil, actual: 8),
            .init(year: 2023, unit: "A", indicator: "Y", target: nil, actual: 1),
            .init(year: 2023, unit: "B", indicator: "Y", target: nil, actual: 1),
        ]))
        let partial = findings.filter { $0.kind == .partialTargets }
        #expect(partial.count == 1 && partial.first?.diagnostic.message.contains("\"B\"") == true)
    }

    // MARK: fair comparisons

    @Test func unitsAreRankedWithinTheirGroup() throws {
        let m = try metrics([
            .init(year: 2023, unit: "Phòng 7", indicator: "X", target: 10, actual: 12),
            .init(year: 2023, unit: "VKSND huyện A", indicator: "X", target: 10, actual: 8),
            .init(year: 2023, unit: "VKSND huyện B", indicator: "X", target: 10, actual: 11),
        ])
        let groups = Ranking.groups(m, year: 2023)
        #expect(groups.map(\.group) == ["cấp tỉnh", "cấp huyện"])
        #expect(groups[1].cards.map { m.table.units[Int($0.unit)] } == ["VKSND huyện B", "VKSND huyện A"])
    }

    @Test func headlinesFollowTheCatalogueThenHowManyUnitsReport() throws {
        let rows: [IndicatorRecord] = [
            .init(year: 2023, unit: "A", indicator: "A một đơn vị", target: 1, actual: 1),
            .init(year: 2023, unit: "A", indicator: "Z mọi đơn vị", target: 1, actual: 1),
            .init(year: 2023, unit: "B", indicator: "Z mọi đơn vị", target: 1, actual: 1),
            .init(year: 2023, unit: "A", indicator: "M trọng tâm", target: 1, actual: 1),
        ]
        let plain = try metrics(rows)
        #expect(Headlines.ranked(plain, year: 2023).map { plain.table.indicators[Int($0)] }.first == "Z mọi đơn vị")
        let c = Catalogue(indicators: [CatalogueIndicator(name: "M trọng tâm", headline: true), CatalogueIndicator(name: "A một đơn vị", headline: false)])
        let marked = try metrics(rows, catalogue: c)
        #expect(Headlines.ranked(marked, year: 2023).map { marked.table.indicators[Int($0)] } == ["M trọng tâm", "Z mọi đơn vị"])
    }
}
