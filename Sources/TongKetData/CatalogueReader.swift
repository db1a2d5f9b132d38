import Foundation

/// Reads the catalogue file: a CSV (as Excel saves it, any encoding and delimiter the data may
/// have) with Vietnamese headers, one row per indicator or unit. Every problem is reported with
/// its line and column, all together, as for the data.
public enum CatalogueReader {
    /// The catalogue's columns; headers compare as data headers do (case, spaces, diacritics).
    enum Column: CaseIterable {
        case kind, name, oldNames, shortName, direction, rollup, numerator, denominator, group, order, headline, total, note
        case measure, provinceTarget, decimals, pair, mainTarget, relativeTarget, judgedByChange, parent, inScorecard
        case mergedFrom, splitFrom

        var names: [String] {
            switch self {
            case .kind: return ["loai", "kind"]
            case .name: return ["ten", "name"]
            case .oldNames: return ["ten cu", "old names", "aliases"]
            case .shortName: return ["ten ngan", "short name", "label"]
            case .direction: return ["chieu", "direction"]
            case .rollup: return ["toan tinh", "cach tinh toan tinh", "province", "rollup"]
            case .numerator: return ["tu so", "numerator"]
            case .denominator: return ["mau so / trong so", "mau so", "trong so", "denominator", "weight"]
            case .group: return ["linh vuc / nhom", "nhom / linh vuc", "linh vuc", "nhom", "field", "group"]
            case .order: return ["thu tu", "order"]
            case .headline: return ["trong tam", "headline"]
            case .total: return ["dong tong", "total row", "total"]
            case .note: return ["ghi chu", "note", "notes"]
            case .measure: return ["don vi tinh", "dvt", "measure", "unit of measure"]
            case .provinceTarget: return ["kh toan tinh", "ke hoach toan tinh", "province target"]
            case .decimals: return ["so chu so thap phan", "chu so thap phan", "decimals"]
            case .pair: return ["cap voi", "paired with", "pair"]
            case .mainTarget: return ["ke hoach chinh", "chi tieu chinh", "main target", "headline target"]
            case .relativeTarget: return ["kh so voi cung ky", "ke hoach so voi cung ky", "target against last year"]
            case .judgedByChange: return ["danh gia theo cung ky", "judged by change"]
            case .parent: return ["thuoc", "chi tieu cha", "parent", "part of"]
            case .inScorecard: return ["tinh vao bang diem", "in scorecard", "counted"]
            case .mergedFrom: return ["sap nhap tu", "hop nhat tu", "merged from"]
            case .splitFrom: return ["tach tu", "chia tach tu", "split from"]
            }
        }
    }

    public static func read(path: String) throws(LoadError) -> Catalogue {
        try read(InputFile.load(path: path, limit: 100_000_000))
    }

    public static func read(_ input: InputFile) throws(LoadError) -> Catalogue {
        let file = input.name
        let decoded: Result<[UInt8], SourceDecoder.Failure> = input.withBytes { bytes, _ in
            Result { () throws(SourceDecoder.Failure) -> [UInt8] in
                let decoded = try SourceDecoder.decode(bytes)
                let text = decoded.converted ?? Array(bytes[decoded.start...])
                if decoded.converted == nil, String(validating: text, as: UTF8.self) == nil {
                    return try SourceDecoder.legacyFallback(bytes).converted ?? text
                }
                return text
            }
        }
        let text: [UInt8]
        switch decoded {
        case let .success(bytes): text = bytes
        case let .failure(error):
            throw .invalidData([Diagnostic(file: file, message: "the catalogue cannot be read as text (\(error)); save it from Excel as CSV UTF-8",
                                           vietnamese: "không đọc được danh mục dưới dạng văn bản (\(error)); lưu lại từ Excel dạng CSV UTF-8")], omitted: 0)
        }
        var log = DiagnosticLog(file: file, limit: 50)
        let catalogue = text.withUnsafeBufferPointer { buffer in
            parse(buffer, file: file, log: &log)
        }
        if log.errorCount > 0 { throw .invalidData(log.kept.filter { $0.severity == .error }, omitted: log.omitted) }
        return catalogue
    }

    private static func parse(_ buffer: UnsafeBufferPointer<UInt8>, file: String, log: inout DiagnosticLog) -> Catalogue {
        var tokenizer = CSVTokenizer(bytes: buffer, delimiter: DelimiterDetector.detect(in: buffer))
        var fields: [CSVField] = []
        var catalogue = Catalogue(file: file)
        func cells() -> [String] {
            // `init` wrote names Excel would run as formulas with a leading apostrophe: taken off.
            fields.map { CSVField.unneutralised(NameInterner.canonical(String(decoding: tokenizer.value(of: $0), as: UTF8.self))) }
        }
        var headerLine = 0
        var index: [Column: Int] = [:]
        while let line = tokenizer.nextRecord(into: &fields) {
            if fields.allSatisfy(\.isEmpty) { continue }
            headerLine = line
            for (i, header) in cells().enumerated() {
                let folded = HeaderName.fold(header)
                if let column = Column.allCases.first(where: { $0.names.contains(folded) }), index[column] == nil { index[column] = i }
            }
            break
        }
        guard headerLine > 0 else {
            log.error(line: nil, "the catalogue is empty; write it with `tongket init` and edit it",
                      vi: "danh mục rỗng; tạo bằng `tongket init` rồi chỉnh sửa")
            return catalogue
        }
        guard index[.kind] != nil, index[.name] != nil else {
            log.error(line: headerLine, "the catalogue's header needs the columns \"loại\" (chỉ tiêu or đơn vị) and \"tên\"; write one with `tongket init`",
                      vi: "dòng tiêu đề của danh mục cần có cột \"loại\" (chỉ tiêu hoặc đơn vị) và cột \"tên\"; tạo danh mục bằng `tongket init`")
            return catalogue
        }
        var seen: [String: Int] = [:]
        while let line = tokenizer.nextRecord(into: &fields) {
            if fields.allSatisfy(\.isEmpty) { continue }
            let row = cells()
            func cell(_ column: Column) -> String? {
                guard let i = index[column], i < row.count, !row[i].isEmpty else { return nil }
                return row[i]
            }
            func place(_ column: Column) -> Int? { index[column].map { $0 + 1 } }
            guard let name = cell(.name) else {
                log.error(line: line, column: place(.name), "the row has no name in column \"tên\"; fill it in or delete the row",
                          vi: "dòng này chưa có tên ở cột \"tên\"; điền tên hoặc xoá dòng")
                continue
            }
            let kindText = cell(.kind) ?? ""
            let kind = HeaderName.fold(kindText)
            let key = kind + "\u{0}" + name.lowercased()
            if let first = seen[key] {
                log.error(line: line, column: place(.name), "\"\(name)\" is already in the catalogue on line \(first); keep one row for it",
                          vi: "\"\(name)\" đã có trong danh mục ở dòng \(first); chỉ giữ một dòng")
                continue
            }
            seen[key] = line
            let oldNames = (cell(.oldNames) ?? "").split(whereSeparator: { $0 == ";" || $0 == "|" })
                .map { NameInterner.canonical(String($0)) }.filter { !$0.isEmpty }
            switch kind {
            case "chi tieu", "indicator":
                var entry = CatalogueIndicator(name: name, oldNames: oldNames, label: cell(.shortName), field: cell(.group), line: line)
                if let text = cell(.direction) {
                    let (word, confirmed) = unconfirmed(text)
                    if let direction = Direction(cell: word) {
                        entry.direction = Decided(direction, confirmed: confirmed)
                    } else {
                        log.error(line: line, column: place(.direction), "\"\(text)\" in column \"chiều\" is not a direction; write cao (higher is better) or thấp (a ceiling)",
                                  vi: "\"\(text)\" ở cột \"chiều\" không phải là chiều; ghi cao (càng cao càng tốt) hoặc thấp (chỉ tiêu trần)")
                    }
                }
                if let text = cell(.rollup) {
                    let (word, confirmed) = unconfirmed(text)
                    switch rollup(word, numerator: cell(.numerator), denominator: cell(.denominator)) {
                    case let .success(value): entry.rollup = Decided(value, confirmed: confirmed)
                    case let .failure(problem): log.error(line: line, column: place(.rollup), problem.message, vi: problem.vietnamese)
                    }
                }
                if let text = cell(.order) {
                    if let order = Int(text) { entry.order = order } else {
                        log.error(line: line, column: place(.order), "\"\(text)\" in column \"thứ tự\" is not a whole number",
                                  vi: "\"\(text)\" ở cột \"thứ tự\" không phải là số nguyên")
                    }
                }
                if let text = cell(.headline) {
                    // A proposed headline ("có?") is a headline until the analyst says otherwise.
                    if let flag = yes(unconfirmed(text).0) { entry.headline = flag } else {
                        log.error(line: line, column: place(.headline), "\"\(text)\" in column \"trọng tâm\" is not có or không",
                                  vi: "\"\(text)\" ở cột \"trọng tâm\" phải là có hoặc không")
                    }
                }
                entry.measure = cell(.measure)
                entry.mainTarget = cell(.mainTarget).map { unconfirmed($0).0 }
                if let text = cell(.relativeTarget) {
                    if let target = RelativeTarget.parse(catalogue: text) { entry.relativeTarget = target } else {
                        log.error(line: line, column: place(.relativeTarget),
                                  "\"\(text)\" in column \"KH so với cùng kỳ\" is no change on last year; "
                                    + "write it as -5 %, +10 %, giảm 1,5 điểm %",
                                  vi: "\"\(text)\" ở cột \"KH so với cùng kỳ\" không phải là mức tăng, giảm "
                                    + "so với cùng kỳ; ghi như -5 %, +10 %, giảm 1,5 điểm %")
                    }
                }
                if let text = cell(.judgedByChange) {
                    if let flag = yes(unconfirmed(text).0) { entry.judgedByChange = flag } else {
                        log.error(line: line, column: place(.judgedByChange),
                                  "\"\(text)\" in column \"đánh giá theo cùng kỳ\" is not có or không",
                                  vi: "\"\(text)\" ở cột \"đánh giá theo cùng kỳ\" phải là có hoặc không")
                    }
                }
                // "thuộc": the item this one is a part of; "không" says it stands alone whatever the numbering says.
                entry.parent = cell(.parent).map { unconfirmed($0).0 }
                if let text = cell(.inScorecard) {
                    if let flag = yes(unconfirmed(text).0) { entry.inScorecard = flag } else {
                        log.error(line: line, column: place(.inScorecard),
                                  "\"\(text)\" in column \"tính vào bảng điểm\" is not có or không",
                                  vi: "\"\(text)\" ở cột \"tính vào bảng điểm\" phải là có hoặc không")
                    }
                }
                // A proposed pair ("… ?") is a pair until the analyst says otherwise.
                entry.pairedWith = cell(.pair).map { unconfirmed($0).0 }
                if let text = cell(.provinceTarget) {
                    if let value = NumberParser.read(text).value(in: .vi) ?? NumberParser.read(text).value(in: .auto) { entry.provinceTarget = value } else {
                        log.error(line: line, column: place(.provinceTarget), "\"\(text)\" in column \"KH toàn tỉnh\" is not a number; write the province's target, such as 95 or 1.250",
                                  vi: "\"\(text)\" ở cột \"KH toàn tỉnh\" không phải là số; ghi kế hoạch toàn tỉnh, ví dụ 95 hoặc 1.250")
                    }
                }
                if let text = cell(.decimals) {
                    if let digits = Int(text), (0...6).contains(digits) { entry.decimals = digits } else {
                        log.error(line: line, column: place(.decimals), "\"\(text)\" in column \"số chữ số thập phân\" is not a whole number from 0 to 6",
                                  vi: "\"\(text)\" ở cột \"số chữ số thập phân\" phải là số nguyên từ 0 đến 6")
                    }
                }
                catalogue.indicators.append(entry)
            case "don vi", "unit":
                var entry = CatalogueUnit(name: name, oldNames: oldNames, shortName: cell(.shortName), line: line)
                // "không" says a name the rules would read as a merger is none.
                entry.mergedFrom = cell(.mergedFrom).map { unconfirmed($0).0 }
                entry.splitFrom = cell(.splitFrom).map { unconfirmed($0).0 }
                if let text = cell(.group) {
                    let (word, confirmed) = unconfirmed(text)
                    entry.group = Decided(word, confirmed: confirmed)
                }
                if let text = cell(.total) {
                    let (word, confirmed) = unconfirmed(text)
                    if let flag = yes(word) { entry.isTotal = Decided(flag, confirmed: confirmed) } else {
                        log.error(line: line, column: place(.total), "\"\(text)\" in column \"dòng tổng\" is not có or không",
                                  vi: "\"\(text)\" ở cột \"dòng tổng\" phải là có hoặc không")
                    }
                }
                catalogue.units.append(entry)
            default:
                log.error(line: line, column: place(.kind), "\"\(kindText)\" in column \"loại\" is neither \"chỉ tiêu\" nor \"đơn vị\"",
                      vi: "\"\(kindText)\" ở cột \"loại\" phải là \"chỉ tiêu\" hoặc \"đơn vị\"")
            }
        }
        for problem in tokenizer.problems {
            switch problem {
            case let .unterminatedQuote(line, field), let .bareQuote(line, field), let .textAfterClosingQuote(line, field):
                log.error(line: line, column: field + 1, "a quote (\") in this cell is not closed or is followed by text; save the catalogue from Excel again",
                          vi: "dấu nháy kép (\") trong ô này chưa đóng hoặc có chữ theo sau; lưu lại danh mục từ Excel")
            }
        }
        return catalogue
    }

    /// "thấp?" → ("thấp", false): a value `tongket init` proposed and nobody confirmed yet.
    static func unconfirmed(_ text: String) -> (String, Bool) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasSuffix("?") else { return (trimmed, true) }
        return (String(trimmed.dropLast()).trimmingCharacters(in: .whitespaces), false)
    }

    static func yes(_ text: String) -> Bool? {
        switch HeaderName.fold(text) {
        case "co", "x", "yes", "1", "true", "dung": return true
        case "khong", "no", "0", "false", "": return false
        default: return nil
        }
    }

    struct RollupProblem: Error {
        let message: String
        let vietnamese: String
    }

    /// The words of column "toàn tỉnh": tổng, trung bình, trung bình có trọng số, tỷ lệ, không.
    static func rollup(_ word: String, numerator: String?, denominator: String?) -> Result<Rollup, RollupProblem> {
        switch HeaderName.fold(word) {
        case "tong", "cong", "sum", "total": return .success(.sum)
        case "trung binh", "binh quan", "mean", "average", "trung binh cong": return .success(.mean)
        case "trung binh co trong so", "binh quan gia quyen", "trung binh gia quyen", "weighted mean", "weighted":
            guard let denominator else {
                return .failure(RollupProblem(message: "\"\(word)\" needs the weight: name the indicator to weight by in column \"mẫu số / trọng số\"",
                                              vietnamese: "\"\(word)\" cần trọng số: ghi tên chỉ tiêu dùng làm trọng số ở cột \"mẫu số / trọng số\""))
            }
            return .success(.weightedMean(by: denominator))
        case "ty le", "ti le", "ratio":
            guard let numerator, let denominator else {
                return .failure(RollupProblem(message: "\"\(word)\" needs the indicators it divides: fill in columns \"tử số\" and \"mẫu số / trọng số\"",
                                              vietnamese: "\"\(word)\" cần hai chỉ tiêu để chia: điền cột \"tử số\" và \"mẫu số / trọng số\""))
            }
            return .success(.ratio(numerator: numerator, denominator: denominator))
        case "khong", "none", "khong tinh": return .success(.none)
        case "dong tong", "so tong hop", "total row", "theo dong tong": return .success(.totalRow)
        default:
            return .failure(RollupProblem(message: "\"\(word)\" in column \"toàn tỉnh\" is not a way to form the province figure; write dòng tổng, tổng, trung bình, trung bình có trọng số, tỷ lệ or không",
                                          vietnamese: "\"\(word)\" ở cột \"toàn tỉnh\" không phải là cách tính số toàn tỉnh; ghi dòng tổng, tổng, trung bình, trung bình có trọng số, tỷ lệ hoặc không"))
        }
    }
}
