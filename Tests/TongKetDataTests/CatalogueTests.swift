import Foundation
import Testing
import TongKetData

/// The catalogue as the analyst writes it, and the interpretation it and the names give a table.
@Suite struct CatalogueTests {
    func catalogue(_ text: String) throws(LoadError) -> Catalogue {
        try CatalogueReader.read(InputFile(name: "danh-muc-chi-tieu.csv", bytes: Array(text.utf8)))
    }

    func catalogueProblems(_ text: String) -> [String] {
        do { _ = try catalogue(text); return ["<read without problems>"] } catch { return error.messages }
    }

    let catalogueHeader = "loại,tên,tên cũ,tên ngắn,chiều,toàn tỉnh,tử số,mẫu số / trọng số,lĩnh vực / nhóm,thứ tự,trọng tâm,dòng tổng,ghi chú\n"

    @Test func readsVietnameseHeadersAndMarksProposedValues() throws {
        let c = try catalogue(catalogueHeader + """
            chỉ tiêu,Số ca tử vong,Số người tử vong; Số ca chết,Tử vong,thấp,tổng,,,Y tế dự phòng,3,có,,
            chỉ tiêu,Tỷ lệ hộ nghèo,,,thấp?,trung bình?,,,,,,,
            đơn vị,Thị xã Long Mỹ,Huyện Long Mỹ,Long Mỹ,,,,,cấp huyện,,,,
            đơn vị,Toàn tỉnh,,,,,,,,,,có,
            """)
        #expect(c.indicators.count == 2 && c.units.count == 2)
        let deaths = c.indicators[0]
        #expect(deaths.oldNames == ["Số người tử vong", "Số ca chết"])
        #expect(deaths.direction == Decided(.lower, confirmed: true))
        #expect(deaths.rollup == Decided(.sum))
        #expect(deaths.field == "Y tế dự phòng" && deaths.order == 3 && deaths.headline == true && deaths.label == "Tử vong")
        #expect(c.indicators[1].direction == Decided(.lower, confirmed: false))
        #expect(c.indicators[1].rollup == Decided(.mean, confirmed: false))
        #expect(c.units[0].group == Decided("cấp huyện") && c.units[0].oldNames == ["Huyện Long Mỹ"])
        #expect(c.units[1].isTotal == Decided(true))
    }

    @Test func problemsNameTheirLineAndColumn() {
        let messages = catalogueProblems(catalogueHeader + """
            chỉ tiêu,Số ca tử vong,,,xuống,,,,,,,,
            chỉ tiêu,Tỷ lệ giải quyết,,,,tỷ lệ,,,,,,,
            bảng,Gì đó,,,,,,,,,,,
            chỉ tiêu,Số ca tử vong,,,,,,,,,,,
            """)
        #expect(messages.count == 4)
        #expect(messages[0].hasPrefix("danh-muc-chi-tieu.csv:2:5: \"xuống\" in column \"chiều\""))
        #expect(messages[1].hasPrefix("danh-muc-chi-tieu.csv:3:6:") && messages[1].contains("tử số"))
        #expect(messages[2].hasPrefix("danh-muc-chi-tieu.csv:4:1:"))
        #expect(messages[3].hasPrefix("danh-muc-chi-tieu.csv:5:2:") && messages[3].contains("line 2"))
    }

    @Test func aHeaderWithoutKindAndNameIsRefused() {
        #expect(catalogueProblems("tên,chiều\nA,cao\n").first?.contains("\"loại\"") == true)
    }

    // MARK: interpretation

    func table(_ rows: [IndicatorRecord]) throws -> IndicatorTable { try IndicatorTable(records: rows) }

    @Test func theNameDecidesADirectionNothingElseGives() throws {
        let i = try Interpretation(table([
            .init(year: 2023, unit: "A", indicator: "Số ca tử vong", target: 2, actual: 3),
            .init(year: 2023, unit: "A", indicator: "Số lượt khám", target: 2, actual: 3),
        ]))
        let deaths = try #require(i.table.indicators.firstIndex(of: "Số ca tử vong"))
        #expect(i.indicators[deaths].direction == .lower)
        #expect(i.indicators[deaths].directionBasis == .inferred("tu vong"))
        #expect(i.table.rows.first { $0.indicator == Int32(deaths) }?.direction == .lower)
        #expect(i.findings.contains { $0.kind == .inferredCeiling })
        #expect(i.assumedCeilings == [Int32(deaths)])
    }

    @Test func theCataloguesDirectionOverridesTheName() throws {
        let c = Catalogue(indicators: [CatalogueIndicator(name: "Số ca tử vong", direction: Decided(.higher))])
        let i = try Interpretation(table([.init(year: 2023, unit: "A", indicator: "Số ca tử vong", target: 2, actual: 3)]), catalogue: c)
        #expect(i.indicators[0].direction == .higher && i.indicators[0].directionBasis == .catalogue)
        #expect(i.assumedCeilings.isEmpty && !i.findings.contains { $0.kind == .inferredCeiling })
    }

    @Test func aProposedValueIsUsedAndStillStated() throws {
        let c = Catalogue(indicators: [CatalogueIndicator(name: "Số hộ", direction: Decided(.lower, confirmed: false))])
        let i = try Interpretation(table([.init(year: 2023, unit: "A", indicator: "Số hộ", target: 2, actual: 3)]), catalogue: c)
        #expect(i.indicators[0].direction == .lower && i.indicators[0].directionBasis == .proposed)
        #expect(i.assumedCeilings == [0])
    }

    @Test func theExportsDirectionColumnWinsAndAConflictIsReported() throws {
        let i = try Interpretation(table([.init(year: 2023, unit: "A", indicator: "Số ca tử vong", direction: .higher, target: 2, actual: 3)]))
        #expect(i.indicators[0].direction == .higher && i.indicators[0].directionBasis == .data)
        #expect(i.findings.map(\.kind) == [.directionConflict])
    }

    @Test func totalRowsLeaveTheUnitsAndAreKept() throws {
        let i = try Interpretation(table([
            .init(year: 2023, unit: "A", indicator: "X", target: 2, actual: 3),
            .init(year: 2023, unit: "B", indicator: "X", target: 2, actual: 4),
            .init(year: 2023, unit: "Tổng cộng", indicator: "X", target: 4, actual: 7),
        ]))
        #expect(i.table.units == ["A", "B"])
        #expect(i.totals.map(\.actual) == [7])
        #expect(i.findings.filter { $0.kind == .totalRow }.count == 1)
    }

    @Test func spellingVariantsBecomeTheMostFrequentOne() throws {
        let i = try Interpretation(table([
            .init(year: 2022, unit: "A", indicator: "Công suất sử dụng Giường bệnh", target: 90, actual: 91),
            .init(year: 2023, unit: "A", indicator: "Công suất sử dụng giường bệnh", target: 90, actual: 92),
            .init(year: 2024, unit: "A", indicator: "Công suất sử dụng giường bệnh", target: 90, actual: 93),
        ]))
        #expect(i.table.indicators == ["Công suất sử dụng giường bệnh"])
        #expect(i.table.rows.count == 3)
        #expect(i.findings.contains { $0.kind == .spellingVariant && $0.diagnostic.message.contains("Giường") })
    }

    @Test func oldNamesInTheCatalogueJoinTheYears() throws {
        let c = Catalogue(units: [CatalogueUnit(name: "Thị xã Long Mỹ", oldNames: ["Huyện Long Mỹ"])])
        let i = try Interpretation(table([
            .init(year: 2022, unit: "Huyện Long Mỹ", indicator: "X", target: 2, actual: 3),
            .init(year: 2023, unit: "Thị xã Long Mỹ", indicator: "X", target: 2, actual: 4),
        ]), catalogue: c)
        #expect(i.table.units == ["Thị xã Long Mỹ"])
        #expect(!i.findings.contains { $0.kind == .likelyRename })
    }

    @Test func aLikelyRenameIsReportedWithTheLineThatJoinsIt() throws {
        let i = try Interpretation(table([
            .init(year: 2022, unit: "Huyện Long Mỹ", indicator: "X", target: 2, actual: 3),
            .init(year: 2023, unit: "Thị xã Long Mỹ", indicator: "X", target: 2, actual: 4),
            .init(year: 2022, unit: "Huyện Vị Thủy", indicator: "X", target: 2, actual: 3),
            .init(year: 2023, unit: "Huyện Vị Thủy", indicator: "X", target: 2, actual: 4),
        ]))
        let renames = i.findings.filter { $0.kind == .likelyRename }
        #expect(renames.count == 1)
        #expect(renames.first?.diagnostic.message.hasSuffix("đơn vị,Thị xã Long Mỹ,Huyện Long Mỹ") == true)
    }

    @Test func twoUnitsOfTheSamePlaceInTheSameYearsAreNotARename() throws {
        let i = try Interpretation(table([
            .init(year: 2023, unit: "VKSND huyện Long Mỹ", indicator: "X", target: 2, actual: 3),
            .init(year: 2023, unit: "VKSND thị xã Long Mỹ", indicator: "X", target: 2, actual: 4),
        ]))
        #expect(i.table.units.count == 2 && i.findings.isEmpty)
    }

    @Test func formulasNameIndicatorsOfTheData() throws {
        let rows: [IndicatorRecord] = [
            .init(year: 2023, unit: "A", indicator: "Tỷ lệ giải quyết", measure: "%", target: 90, actual: 80),
            .init(year: 2023, unit: "A", indicator: "Số đơn đã giải quyết", target: nil, actual: 8),
            .init(year: 2023, unit: "A", indicator: "Số đơn nhận", target: nil, actual: 10),
        ]
        let good = Catalogue(indicators: [CatalogueIndicator(name: "Tỷ lệ giải quyết", rollup: Decided(.ratio(numerator: "Số đơn đã giải quyết", denominator: "số đơn nhận")))])
        let i = try Interpretation(table(rows), catalogue: good)
        let rate = try #require(i.table.indicators.firstIndex(of: "Tỷ lệ giải quyết"))
        guard case .ratio = i.indicators[rate].formula else { Issue.record("not a ratio"); return }
        let bad = Catalogue(file: "dm.csv", indicators: [CatalogueIndicator(name: "Tỷ lệ giải quyết", rollup: Decided(.weightedMean(by: "Dân số")), line: 7)])
        let error = #expect(throws: LoadError.self) { try Interpretation(table(rows), catalogue: bad) }
        let message = error?.messages.first ?? ""
        #expect(message.hasPrefix("dm.csv:7: ") && message.contains("\"Dân số\""))
    }

    @Test func groupsComeFromTheNamesWhenThereAreTwo() throws {
        let i = try Interpretation(table([
            .init(year: 2023, unit: "Bệnh viện Đa khoa tỉnh", indicator: "X", target: 2, actual: 3),
            .init(year: 2023, unit: "Trung tâm Y tế huyện Châu Thành", indicator: "X", target: 2, actual: 4),
        ]))
        #expect(Set(i.units.compactMap(\.group)) == ["cấp tỉnh", "cấp huyện"])
        let single = try Interpretation(table([.init(year: 2023, unit: "Phòng 7", indicator: "X", target: 2, actual: 3)]))
        #expect(single.units.first?.group == nil)
    }
}
