import TongKetAnalytics

/// The table's words in Vietnamese or English.
struct Words {
    let language: Language
    init(_ language: Language) { self.language = language }

    private func pick(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }

    /// `when`/`before`: "năm 2024" and "năm 2023", or "6 tháng đầu năm 2024" and "cùng kỳ năm 2023".
    func title(when: String, before: String, files: [String]) -> String {
        pick("Kết quả \(when), so với \(before)", "Results for \(when), compared with \(before)") + " — " + files.joined(separator: ", ")
    }

    var rankingTitle: String { pick("Xếp hạng đơn vị theo tỷ lệ chỉ tiêu đạt", "Units ranked by share of targets met") }
    var unit: String { pick("Đơn vị", "Unit") }
    var targetsMet: String { pick("Chỉ tiêu đạt", "Targets met") }
    var share: String { pick("Tỷ lệ", "Share") }
    var meanCompletion: String { pick("HT bình quân", "Mean compl.") }
    var province: String { pick("Toàn tỉnh", "Province") }
    var indicator: String { pick("Chỉ tiêu", "Indicator") }
    var target: String { pick("Kế hoạch", "Target") }
    var actual: String { pick("Thực hiện", "Actual") }
    var completion: String { pick("So với KH", "Vs target") }
    var status: String { pick("Kết quả", "Status") }
    var noTargets: String { pick("không có chỉ tiêu được giao", "no targets assigned") }
    var ceilingMark: String { pick(" (trần)", " (ceiling)") }
    var meanNote: String {
        pick("Chỉ tiêu đánh dấu *: giá trị toàn tỉnh không phải tổng mà là trung bình cộng (không trọng số) của các đơn vị, hoặc cách tính ghi trong danh mục.",
             "Indicators marked *: the province value is not a sum but the unweighted mean of the units, or the catalogue's formula.")
    }

    func assumedCeilings(_ names: String) -> String {
        pick("Coi là chỉ tiêu trần (càng thấp càng tốt, đạt khi không vượt kế hoạch) theo tên, chưa xác nhận: \(names).",
             "Taken as ceilings (lower is better, met when within the target) from their names, not confirmed: \(names).")
    }

    func assumedMeans(_ names: String) -> String {
        pick("Toàn tỉnh tính trung bình các đơn vị (không cộng dồn) theo tên hoặc đơn vị tính, chưa xác nhận: \(names).",
             "Province value is the mean of units (not a sum) from the name or measure, not confirmed: \(names).")
    }

    func totalsSetAside(_ names: String) -> String {
        pick("Dòng tổng \(names) không tính là đơn vị; chỉ dùng để đối chiếu.", "Total rows \(names) are not units; used only to cross-check.")
    }

    var groupsInferred: String {
        pick("Đơn vị được xếp hạng trong nhóm cấp tỉnh / cấp huyện, suy ra từ tên.", "Units are ranked within province-level / district-level groups, inferred from their names.")
    }

    var howToConfirm: String {
        pick("Xem từng điều: tongket check; xác nhận hoặc sửa một lần trong danh mục chỉ tiêu: tongket init.",
             "See each: tongket check; confirm or correct once in the indicator catalogue: tongket init.")
    }

    func levelNote(_ level: String) -> String {
        pick("Toàn tỉnh chỉ tính các đơn vị cấp \"\(level)\".", "Province figures count only units of level \"\(level)\".")
    }

    func change(_ previous: String) -> String { pick("So với \(previous)", "vs \(previous)") }

    func met(_ met: Int, of defined: Int) -> String {
        pick("đạt \(met)/\(defined) chỉ tiêu", "met \(met) of \(defined) targets")
    }
}
