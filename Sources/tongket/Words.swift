import TongKetAnalytics

/// The table's words in Vietnamese or English.
struct Words {
    let language: Language
    init(_ language: Language) { self.language = language }

    private func pick(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }

    func title(year: Int, previous: Int, files: [String]) -> String {
        pick("Kết quả năm \(year), so với năm \(previous)", "Results for \(year), compared with \(previous)") + " — " + files.joined(separator: ", ")
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
    var completion: String { pick("Hoàn thành", "Completion") }
    var status: String { pick("Kết quả", "Status") }
    var noTargets: String { pick("không có chỉ tiêu được giao", "no targets assigned") }
    var ceilingMark: String { pick(" (trần)", " (ceiling)") }
    var meanNote: String {
        pick("Chỉ tiêu tính bằng %: giá trị toàn tỉnh là trung bình cộng (không trọng số) của các đơn vị.",
             "Indicators in %: the province value is the unweighted mean of the units.")
    }

    func levelNote(_ level: String) -> String {
        pick("Toàn tỉnh chỉ tính các đơn vị cấp \"\(level)\".", "Province figures count only units of level \"\(level)\".")
    }

    func change(_ previous: Int) -> String { pick("So với \(previous)", "vs \(previous)") }

    func met(_ met: Int, of defined: Int) -> String {
        pick("đạt \(met)/\(defined) chỉ tiêu", "met \(met) of \(defined) targets")
    }

    func status(_ status: Status) -> String {
        switch status {
        case .met: return pick("đạt", "met")
        case .notMet: return pick("không đạt", "not met")
        case .undefined: return "—"
        }
    }
}
