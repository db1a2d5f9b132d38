import Testing
import TongKetData

/// Two indicators written as one figure ("981 vụ/1.881 bị can"): the halves of a paired cell,
/// two names that differ only in what they count, or the catalogue's "cặp với".
@Suite struct PairTests {
    func id(_ i: Interpretation, _ name: String) throws -> Int {
        try #require(i.table.indicators.firstIndex(of: name))
    }

    @Test func theHalvesOfAPairedCellArePaired() throws {
        let table = try read("""
            Đơn vị,Chỉ tiêu,Đơn vị tính,KH,TH
            Huyện A,"Số vụ án, bị can đã truy tố",vụ/bị can,40 vụ/70 bị can,42 vụ/75 bị can
            Huyện A,Số đơn đã giải quyết,đơn,10,11

            """, name: "2024.csv")
        let i = try Interpretation(table)
        let (cases, persons) = (try id(i, "Số vụ án, bị can đã truy tố (vụ)"), try id(i, "Số vụ án, bị can đã truy tố (bị can)"))
        #expect(i.indicators[cases].pair == Int32(persons))
        #expect(i.indicators[persons].pair == Int32(cases))
        #expect(i.indicators[try id(i, "Số đơn đã giải quyết")].pair == nil)
    }

    @Test func namesThatDifferOnlyInWhatTheyCountArePaired() throws {
        let i = try Interpretation(IndicatorTable(records: [
            .init(year: 2024, unit: "A", indicator: "Số vụ án hình sự đã truy tố", target: 40, actual: 42),
            .init(year: 2024, unit: "A", indicator: "Số bị can đã truy tố", target: 70, actual: 75),
            .init(year: 2024, unit: "A", indicator: "Số bị can đã khởi tố", target: 70, actual: 75),
        ]))
        #expect(i.indicators[try id(i, "Số vụ án hình sự đã truy tố")].pair == Int32(try id(i, "Số bị can đã truy tố")))
        #expect(i.indicators[try id(i, "Số bị can đã khởi tố")].pair == nil)
    }

    @Test func theCataloguePairsOtherwiseAndNamesAnUnknownPartner() throws {
        let table = try IndicatorTable(records: [
            .init(year: 2024, unit: "A", indicator: "Số vụ án hình sự đã truy tố", target: 40, actual: 42),
            .init(year: 2024, unit: "A", indicator: "Số bị can đã truy tố", target: 70, actual: 75),
            .init(year: 2024, unit: "A", indicator: "Số bị cáo đã xét xử", target: 70, actual: 75),
        ])
        var entry = CatalogueIndicator(name: "Số vụ án hình sự đã truy tố", line: 2)
        entry.pairedWith = "Số bị cáo đã xét xử"
        let i = try Interpretation(table, catalogue: Catalogue(file: "danh-muc-chi-tieu.csv", indicators: [entry]))
        #expect(i.indicators[try id(i, "Số vụ án hình sự đã truy tố")].pair == Int32(try id(i, "Số bị cáo đã xét xử")))
        #expect(i.indicators[try id(i, "Số bị can đã truy tố")].pair == nil)

        entry.pairedWith = "Số bị can đã bắt"
        #expect(throws: LoadError.self) { try Interpretation(table, catalogue: Catalogue(file: "danh-muc-chi-tieu.csv", indicators: [entry])) }
        do {
            _ = try Interpretation(table, catalogue: Catalogue(file: "danh-muc-chi-tieu.csv", indicators: [entry]))
        } catch {
            #expect(error.messages.joined().contains("danh-muc-chi-tieu.csv:2"))
            #expect(error.messages.joined().contains("\"Số bị can đã bắt\", which is not another indicator of the data"))
        }
    }

    @Test func theCataloguesColumnIsRead() throws {
        let text = "loại,tên,cặp với\nchỉ tiêu,Số vụ án hình sự đã truy tố,Số bị can đã truy tố?\n"
        let c = try CatalogueReader.read(InputFile(name: "danh-muc-chi-tieu.csv", bytes: Array(text.utf8)))
        #expect(c.indicators.first?.pairedWith == "Số bị can đã truy tố")
    }
}
