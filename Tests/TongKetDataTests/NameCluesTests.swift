import Testing
import TongKetData

/// The rules of DESIGN §3's inference, one behaviour each: what a name says when nothing else does.
@Suite struct NameCluesTests {
    @Test(arguments: [
        ("Số ca tử vong do sốt xuất huyết", "tu vong"),
        ("Số ca mắc sốt xuất huyết", "ca mac"),
        ("Số vụ ngộ độc thực phẩm", "ngo doc"),
        ("Số người chết do tai nạn giao thông", "chet"),
        ("Tỷ lệ hộ nghèo", "ngheo"),
        ("Tỷ lệ lao động thất nghiệp khu vực thành thị", "that nghiep"),
        ("Tỷ lệ học sinh bỏ học", "bo hoc"),
        ("Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân", "suy dinh duong"),
        ("Thời gian chờ khám bệnh trung bình", "thoi gian cho"),
        ("Số hồ sơ được xử lý quá hạn", "qua han"),
        ("Tỷ lệ án bị hủy, sửa do lỗi chủ quan", "bi huy"),
        ("Tỷ lệ sinh con thứ ba trở lên", "sinh con thu ba"),
        // Abbreviations written out: TNGT is tai nạn giao thông.
        ("Số người bị thương do TNGT", "tai nan"),
        ("Số người bị thương do ngã", "bi thuong"),
        ("Số vụ phạm tội về trật tự xã hội", "pham toi"),
        ("Số vụ tội phạm kinh tế", "toi pham"),
        ("Số vụ vi phạm an toàn thực phẩm", "vi pham"),
    ])
    func ceilingsAreNamedByWhatShouldGoDown(name: String, words: String) {
        #expect(NameClues.ceiling(indicator: name)?.words == words)
    }

    @Test(arguments: [
        "Số vụ vi phạm được phát hiện, xử lý",   // enforcement: more is better
        "Số hộ thoát nghèo",
        "Tỷ lệ giảm hộ nghèo",
        "Số lượt khám bệnh",
        "Số vụ án ma túy đã thụ lý",
        "Số người được tuyên truyền phòng chống tai nạn thương tích",
        "Số mặc định",                           // "mặc" is not "mắc": diacritics fold, whole words only if the phrase matches
        // Near misses of the words above: the work done on the bad thing.
        "Số tiền xử phạt vi phạm hành chính",    // "vi phạm" here is what the fines are for; collecting them is the work
        "Số vụ phạm tội về ma túy bắt giữ",
        "Tỷ lệ khám phá án trọng án",
        "Số cơ sở được kiểm tra PCCC",           // PCCC is phòng cháy chữa cháy, no "vụ cháy"
        "Số tiền thu hồi cho NSNN",
        "Số tin báo, tố giác về tội phạm đã tiếp nhận",  // the office's workload, not crime
    ])
    func anActionOnTheBadThingIsNotACeiling(name: String) {
        #expect(NameClues.ceiling(indicator: name) == nil)
    }

    @Test(arguments: [
        ("Công suất sử dụng giường bệnh", "%", true),
        ("Tỷ suất tử vong trẻ em dưới 1 tuổi", "‰", true),
        ("Số giường bệnh trên 1 vạn dân", "giường/vạn dân", true),
        ("Thời gian giải quyết hồ sơ đất đai", "ngày", true),
        ("Thu nhập bình quân đầu người", "triệu đồng", false),
        ("Số bác sĩ trên 10.000 dân", "", false),
    ])
    func ratesAveragesAndTimesAreNeverSummed(name: String, measure: String, byMeasure: Bool) throws {
        let clue = try #require(NameClues.mean(indicator: name, measure: measure))
        #expect(clue.fromMeasure == byMeasure)
    }

    @Test(arguments: [("Số lượt khám bệnh", "lượt"), ("Số ngày công lao động", "ngày"), ("Tổng vốn đầu tư toàn xã hội", "tỷ đồng"),
                      ("Số vụ án đã giải quyết", "vụ/việc")])
    func countsAddUp(name: String, measure: String) {
        #expect(NameClues.mean(indicator: name, measure: measure) == nil)
    }

    @Test func totalRowsAreKnownByTheirWholeName() {
        for name in ["Tổng cộng", "TỔNG CỘNG", "Cộng", "Toàn tỉnh", "Tổng số", "Tổng", "Tổng cộng:"] { #expect(NameClues.isTotal(unit: name), "\(name)") }
        for name in ["Văn phòng tổng hợp", "Phòng Tổng hợp", "Huyện Tân Phước"] { #expect(!NameClues.isTotal(unit: name), "\(name)") }
        for name in ["Cộng cấp huyện", "Tổng khối tỉnh", "Cộng các đơn vị"] { #expect(NameClues.isTotal(unit: name), "\(name)") }
        #expect(NameClues.isTotal(indicator: "Cộng") && NameClues.isTotal(indicator: "Tổng cộng"))
        #expect(!NameClues.isTotal(indicator: "Tổng vốn đầu tư toàn xã hội") && !NameClues.isTotal(indicator: "Tổng thu ngân sách"))
    }

    @Test func districtOfficesAreKnownByTheirAdministrativeWord() {
        #expect(NameClues.level(unit: "Trung tâm Y tế huyện Châu Thành") == .district)
        #expect(NameClues.level(unit: "Thành phố Vị Thanh") == .district)
        #expect(NameClues.level(unit: "Bệnh viện Đa khoa tỉnh") == .province)
        #expect(NameClues.level(unit: "Ban Quản lý dự án") == .province)  // "quản" is not "quận"
        #expect(NameClues.level(unit: "Bộ Chỉ huy Quân sự tỉnh") == .province)
        #expect(NameClues.level(unit: "Sở Y tế thành phố Cần Thơ") == .province)
        #expect(NameClues.level(unit: "Quận Ninh Kiều") == .district)
    }

    @Test func aRenameKeepsThePlace() {
        #expect(NameClues.place(unit: "Huyện Long Mỹ") == NameClues.place(unit: "Thị xã Long Mỹ"))
        #expect(NameClues.place(unit: "Huyện Long Mỹ") != NameClues.place(unit: "Huyện Vị Thủy"))
    }

    @Test func spellingsDifferingInCaseSpacingOrPunctuationShareAKey() {
        #expect(NameClues.spellingKey("Công suất sử dụng Giường bệnh") == NameClues.spellingKey("Công suất sử dụng giường bệnh"))
        #expect(NameClues.spellingKey("Tỷ lệ hộ nghèo.") == NameClues.spellingKey("Tỷ lệ hộ nghèo"))
        #expect(NameClues.spellingKey("Sản - Nhi") == NameClues.spellingKey("Sản-Nhi"))
        // Diacritics change meaning in Vietnamese: kept.
        #expect(NameClues.spellingKey("Số ca mắc") != NameClues.spellingKey("Số ca mặc"))
    }
}

@Suite struct AgencyLineTests {
    @Test(arguments: ["VIỆN KIỂM SÁT NHÂN DÂN TỈNH SÓC TRĂNG", "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH BẾN TRE", "CÔNG AN THÀNH PHỐ CẦN THƠ", "UBND HUYỆN BA TRI"])
    func anAgencyLineIsOne(line: String) { #expect(NameClues.isAgency(line)) }

    @Test(arguments: ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BÁO CÁO SƠ KẾT 6 THÁNG ĐẦU NĂM 2024", "Sở Giáo dục và Đào tạo", "BẢNG TỔNG HỢP CHỈ TIÊU", "PHÒNG GD&ĐT BA TRI BÁO CÁO KẾT QUẢ"])
    func aNearMissIsNot(line: String) { #expect(!NameClues.isAgency(line)) }
}

/// Every entry of the word lists with one name that triggers it and near misses that must not:
/// the word inside a longer word, and (for all but the strong ceilings) beside an action word.
@Suite struct NameClueWordListTests {
    /// A word's folded letters as a name would write them ("tu vong" → "Số tu vong trong năm").
    static func name(_ words: String) -> String { "Số \(words) trong năm" }

    @Test(arguments: NameClues.ceilingWords)
    func eachCeilingWordTriggersAndItsNearMissesDoNot(word: String) {
        // Triggers (an entry that holds a shorter one, "cận nghèo", may be named by the shorter).
        let clue = NameClues.ceiling(indicator: Self.name(word))
        #expect(clue != nil && word.contains(clue?.words ?? "\u{0}"))
        // Inside a longer word: no whole-word match.
        #expect(NameClues.ceiling(indicator: "Số \(word)x trong năm") == nil || word.split(separator: " ").count > 1 && NameClues.ceiling(indicator: "Số \(word)x trong năm")?.words != word)
        if !NameClues.strongCeilingWords.contains(word) {
            #expect(NameClues.ceiling(indicator: "Số \(word) được phát hiện, xử lý") == nil)
        }
    }

    @Test(arguments: NameClues.actionWords)
    func eachActionWordTurnsACeilingOffAndItsNearMissDoesNot(word: String) {
        #expect(NameClues.ceiling(indicator: "Số vụ tai nạn \(word)") == nil)
        #expect(NameClues.ceiling(indicator: "Số vụ tai nạn \(word)x")?.words == "tai nan")
    }

    @Test(arguments: [
        ("Số vụ vi phạm tại trại giam", "vi pham"),              // "giam" of "trại giam" is no "giảm"
        ("Số vụ vi phạm phát sinh trong giám sát", "vi pham"),   // nor the "giám" of "giám sát"
        ("Số sai sót trong các đề tài nghiên cứu", "sai sot"),   // "nghiên cứu" is no "cứu"
        ("Số vụ án bị hủy, sửa do lỗi chủ quan", "bi huy"),      // a phrase with inner punctuation
        ("Số tiền thất thoát ngân sách", "that thoat"),           // "thoát" of "thất thoát" is no escape
    ])
    func foldingDoesNotMakeAnActionOfAnotherWord(name: String, words: String) {
        #expect(NameClues.ceiling(indicator: name)?.words == words)
    }

    @Test(arguments: ["Tỷ lệ giảm vi phạm", "Số người được cứu khỏi tai nạn", "Số ca cấp cứu do ngộ độc", "Số hộ thoát nghèo"])
    func theMarkedActionWordsStillTurnACeilingOff(name: String) {
        #expect(NameClues.ceiling(indicator: name) == nil)
    }
}
