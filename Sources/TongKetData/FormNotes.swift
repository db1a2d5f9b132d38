/// What the reader made of a printed form besides its data rows — said once per file, as notes
/// `check` prints, so the analyst sees how every sign, heading and signature was read.
struct FormNotes {
    var numbering: [Int] = []
    var sections: [(line: Int, name: String)] = []
    /// The line where the signature block began; nothing below it is read.
    var signature: Int?
    /// Per sign, how many result cells held it, the first line, and how many of those were no value.
    var signs: [String: (count: Int, first: Int, noValue: Int)] = [:]
    var targetSigns: [String: Int] = [:]
    var unitWords = 0
    var pairs = 0
    /// Unit rows whose result cell is blank: not reported, read as no value.
    var blankResults: [Int] = []

    enum Layout { case long, wide, form }

    func report(headerLine: Int, topLine: Int?, layout: Layout, map: HeaderMap, log: inout DiagnosticLog) {
        var en: [String] = [], vi: [String] = []
        // The roles of the columns, as the header names them.
        let roles = InputColumn.allCases.compactMap { column -> (String, String)? in
            guard let field = map.column(column), field < map.headers.count, layout != .wide || (column != .target && column != .actual) else { return nil }
            return ("\"\(map.headers[field])\" → \(column.rawValue)", "\"\(map.headers[field])\" → \(column.vietnameseName)")
        }
        en.append("columns " + roles.map(\.0).joined(separator: ", "))
        vi.append("các cột " + roles.map(\.1).joined(separator: ", "))
        if let topLine {
            en.append("the header is lines \(topLine)–\(headerLine) (a group heading over the column names)")
            vi.append("dòng tiêu đề là dòng \(topLine)–\(headerLine) (tiêu đề nhóm phía trên tên cột)")
        }
        if let line = numbering.first {
            en.append("line \(line) numbers the columns and is not data")
            vi.append("dòng \(line) đánh số cột, không phải số liệu")
        }
        if !sections.isEmpty {
            let names = sections.map { "\"\($0.name)\" (line \($0.line))" }.joined(separator: ", ")
            let namesVi = sections.map { "\"\($0.name)\" (dòng \($0.line))" }.joined(separator: ", ")
            en.append("section headings name the units' groups: \(names)")
            vi.append("các đề mục là nhóm của các đơn vị bên dưới: \(namesVi)")
        }
        for (sign, seen) in signs.sorted(by: { $0.key < $1.key }) {
            let zero = seen.count - seen.noValue
            en.append("\"\(sign)\" in \(seen.count) result cell\(seen.count == 1 ? "" : "s") (first line \(seen.first)): "
                      + [zero > 0 ? "\(zero) read as 0" : nil, seen.noValue > 0 ? "\(seen.noValue) as no value (\(sign == "-" ? "a rate or average with nothing to rate" : "not collected or not applicable"))" : nil]
                        .compactMap { $0 }.joined(separator: ", "))
            vi.append("\"\(sign)\" ở \(seen.count) ô kết quả (đầu tiên dòng \(seen.first)): "
                      + [zero > 0 ? "\(zero) ô đọc là 0" : nil, seen.noValue > 0 ? "\(seen.noValue) ô không có số liệu (\(sign == "-" ? "tỷ lệ hoặc bình quân không có gì để tính" : "không thu thập hoặc không áp dụng"))" : nil]
                        .compactMap { $0 }.joined(separator: ", "))
        }
        if !targetSigns.isEmpty {
            let list = targetSigns.sorted(by: { $0.key < $1.key }).map { "\"\($0.key)\" ×\($0.value)" }.joined(separator: ", ")
            en.append("target cells \(list) mean no target")
            vi.append("các ô kế hoạch \(list) được hiểu là không giao kế hoạch")
        }
        if unitWords > 0 {
            en.append("\(unitWords) cell\(unitWords == 1 ? "" : "s") with a unit word after the number (\"18 ngày\") read as the number")
            vi.append("\(unitWords) ô có đơn vị tính sau số (\"18 ngày\") được đọc là số đó")
        }
        if pairs > 0 {
            en.append("\(pairs) paired count\(pairs == 1 ? "" : "s") (\"74 vụ/157 bị can\") read as two indicators each, \"… (vụ)\" and \"… (bị can)\"")
            vi.append("\(pairs) ô ghi cặp số (\"74 vụ/157 bị can\") được đọc thành hai chỉ tiêu, \"… (vụ)\" và \"… (bị can)\"")
        }
        if let first = blankResults.first {
            let lines = blankResults.prefix(8).map(String.init).joined(separator: ", ") + (blankResults.count > 8 ? " …" : "")
            en.append("\(blankResults.count) unit row\(blankResults.count == 1 ? "" : "s") with a blank result (lines \(lines)) read as not reported")
            vi.append("\(blankResults.count) dòng đơn vị bỏ trống kết quả (dòng \(lines)) được hiểu là không báo cáo")
            _ = first
        }
        if let signature {
            en.append("the signature block begins at line \(signature); nothing below it is read")
            vi.append("phần ký tên bắt đầu ở dòng \(signature); phía dưới không được đọc")
        }
        let (kind, kindVi): (String, String)
        switch layout {
        case .long: (kind, kindVi) = ("a long table", "bảng dạng dọc")
        case .wide: (kind, kindVi) = ("a wide table", "bảng dạng ngang")
        case .form: (kind, kindVi) = ("a printed form", "biểu mẫu báo cáo")
        }
        log.note(line: headerLine, "\(kind), header on line \(headerLine): " + en.joined(separator: "; "),
                 vi: "\(kindVi), dòng tiêu đề \(headerLine): " + vi.joined(separator: "; "))
    }
}
