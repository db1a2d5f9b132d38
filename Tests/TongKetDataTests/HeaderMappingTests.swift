import Testing
@testable import TongKetData

@Suite struct HeaderMappingTests {
    @Test func vietnameseHeadersMatchIgnoringCaseSpacesAndDiacritics() throws {
        let map = try HeaderMap(headers: [" Năm ", "ĐƠN VỊ", "Nội dung", "Chỉ tiêu được giao", "thuc hien", "ĐVT", "Cấp", "chiều"])
        #expect(map.column(.year) == 0)
        #expect(map.column(.unit) == 1)
        #expect(map.column(.indicator) == 2)
        #expect(map.column(.target) == 3)
        #expect(map.column(.actual) == 4)
        #expect(map.column(.measure) == 5)
        #expect(map.column(.level) == 6)
        #expect(map.column(.direction) == 7)
    }

    @Test func wholeNamesOnly_donViTinhIsNeverTheUnit_chiTieuGiaoNeverTheIndicator() throws {
        let map = try HeaderMap(headers: ["năm", "đơn vị tính", "đơn vị", "chỉ tiêu giao", "chỉ tiêu", "kết quả"])
        #expect(map.column(.measure) == 1)
        #expect(map.column(.unit) == 2)
        #expect(map.column(.target) == 3)
        #expect(map.column(.indicator) == 4)
        #expect(map.column(.actual) == 5)
    }

    @Test func unitOfMeasureIsAnEnglishAliasOfMeasure() throws {
        let map = try HeaderMap(headers: ["year", "unit", "indicator", "unit_of_measure", "target", "actual"])
        #expect(map.column(.measure) == 3)
        #expect(map.column(.unit) == 1)
    }

    @Test func missingRequiredColumnsAreListed() {
        #expect(throws: HeaderMap.Problem.missing([.target, .actual])) {
            try HeaderMap(headers: ["năm", "đơn vị", "chỉ tiêu"])
        }
    }

    @Test func twoColumnsForOneFieldAreRejected() {
        #expect(throws: HeaderMap.Problem.duplicate(.actual, firstField: 5, secondField: 6)) {
            try HeaderMap(headers: ["year", "unit", "indicator", "target", "actual", "kết quả"])
        }
    }

    @Test func excelsEmptyTrailingHeadersDoNotCountTowardsTheWidth() throws {
        let map = try HeaderMap(headers: ["year", "unit", "indicator", "target", "actual", "", ""])
        #expect(map.width == 5)
    }
}
