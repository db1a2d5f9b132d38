import TongKetAnalytics
import TongKetData

/// metrics.csv as an Excel workbook: one sheet for the units' figures and one for the
/// province's, every year; numbers as numbers, ratios as Excel percentages with a display
/// format, the header frozen and filterable, columns wide enough to read.
package enum MetricsWorkbook {
    public static func data(_ metrics: Metrics, language: Language) -> [UInt8] {
        let vi = language == .vi
        let named = vi
            ? ["Năm", "Đơn vị", "Chỉ tiêu", "Đơn vị tính", "Chiều", "Kế hoạch", "Thực hiện", "Tỷ lệ hoàn thành", "Đánh giá",
               "Cùng kỳ năm trước", "Tăng/giảm", "Tăng/giảm (%)", "Thay đổi tỷ lệ hoàn thành (điểm %)", "Ghi chú"]
            : ["Year", "Unit", "Indicator", "Measure", "Direction", "Target", "Actual", "Completion", "Status",
               "Previous actual", "Change", "Change (%)", "Completion change (points)", "Notes"]
        var widths: [Double] = [7, 34, 52, 12, 10, 12, 12, 12, 14, 14, 12, 12, 16, 10]
        // A column pair per target the files state beside the headline, before the notes.
        var headers = named
        for other in metrics.others {
            headers.insert(contentsOf: [other.name, other.name + (vi ? ": đánh giá" : ": status")], at: headers.count - 1)
            widths.insert(contentsOf: [14, 14], at: widths.count - 1)
        }
        var units: [FigureRow] = [], province: [FigureRow] = []
        for i in 0..<metrics.unitFigureCount { units.append(metrics.unitFigures(at: i)) }
        for i in 0..<metrics.provinceFigureCount { province.append(metrics.provinceFigures(at: i)) }
        let sheets = [(vi ? "Đơn vị" : "Units", units), (vi ? "Toàn tỉnh" : "Province", province)]

        var package = OfficePackage()
        package.relate("", to: "xl/workbook.xml", .document)
        package.addProperties(title: vi ? "Số liệu tổng kết" : "Review figures")
        let sheetIDs = sheets.indices.map { package.relate("xl/workbook.xml", to: "xl/worksheets/sheet\($0 + 1).xml", .worksheet) }
        package.relate("xl/workbook.xml", to: "xl/styles.xml", .styles)
        let listed = zip(sheets, sheetIDs).enumerated().map { i, sheet in "<sheet name=\"\(sheet.0.0)\" sheetId=\"\(i + 1)\" r:id=\"\(sheet.1)\"/>" as Markup }.joined()
        // Sheet names are quoted in a reference: an apostrophe in one is doubled.
        let filters = sheets.enumerated().map { i, sheet in
            "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(i)\" hidden=\"1\">"
                + "'\(sheet.0.replacingOccurrences(of: "'", with: "''"))'"
                + "!$A$1:$\(Diagnostic.columnLetters(headers.count))$\(sheet.1.count + 1)</definedName>" as Markup
        }.joined()
        package.add("xl/workbook.xml", type: ContentType.workbook,
                    "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                    + "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>\(listed)</sheets><definedNames>\(filters)</definedNames></workbook>")
        // Styles: 0 plain, 1 header (bold, shaded), 2 percentage (0.0 %), 3 a fraction
        // (#,##0.0##), 4 a whole number (#,##0) — "1.234" never shows as "1.234,".
        package.add("xl/styles.xml", type: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml", """
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="#,##0.0##"/></numFmts>\
            <fonts count="2"><font><sz val="11"/><name val="Arial"/></font><font><b/><sz val="11"/><name val="Arial"/></font></fonts>\
            <fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>\
            <fill><patternFill patternType="solid"><fgColor rgb="FFDCE6F0"/><bgColor indexed="64"/></patternFill></fill></fills>\
            <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
            <xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/>\
            <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
            <xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
            <xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
            <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
            </styleSheet>
            """)
        for (index, sheet) in sheets.enumerated() {
            package.add("xl/worksheets/sheet\(index + 1).xml", type: ContentType.worksheet, worksheet(sheet.1, metrics, headers: headers, widths: widths, vi: vi))
        }
        return package.finished()
    }

    private enum Cell {
        case text(String)
        case number(Double?, style: Int)
    }

    private static func worksheet(_ figures: [FigureRow], _ metrics: Metrics, headers: [String], widths: [Double], vi: Bool) -> Markup {
        let last = Diagnostic.columnLetters(headers.count)
        var out: Markup = """
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <dimension ref="A1:\(last)\(figures.count + 1)"/>\
            <sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>\
            <sheetFormatPr defaultRowHeight="15"/><cols>
            """
        for (i, width) in widths.enumerated() { out += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(width)\" customWidth=\"1\"/>" as Markup }
        out += "</cols><sheetData>"
        out += row(1, headers.map { .text($0) }, header: true)
        let words = FigureWords(metrics, vi ? .vi : .en)
        for (i, f) in figures.enumerated() {
            let direction: String
            switch f.direction {
            case .lower: direction = vi ? "càng thấp càng tốt" : "lower is better"
            case .higher: direction = vi ? "càng cao càng tốt" : "higher is better"
            case .neutral: direction = vi ? "không đánh giá" : "not judged"
            }
            // A rate is judged against its threshold and a ceiling against its limit: no completion of either is shown.
            let completion = words.isRate(f) || f.direction == .lower ? nil : f.completion
            var notes: [String] = []
            if f.estimated { notes.append(vi ? "ước" : "estimate") }
            if f.flagged { notes.append(vi ? "cần kiểm tra" : "to verify") }
            // The basis note of a disagreeing total already says it is the office's total.
            let basis = words.basisNote(f)
            let office = vi ? "số tổng hợp của đơn vị" : "the office's total"
            if f.published, !(basis?.hasPrefix(office) ?? false) { notes.append(office) }
            if let basis { notes.append(basis) }
            var cells: [Cell] = [
                .number(Double(f.year), style: 0), .text(f.unit < 0 ? (vi ? "Toàn tỉnh" : "Province") : metrics.unitName(f)),
                .text(metrics.indicatorName(f)), .text(metrics.measureName(f)), .text(direction),
                .number(f.target, style: 3), .number(f.actual, style: 3), .number(completion, style: 2), .text(words.status(f)),
                .number(f.previousActual, style: 3), .number(f.yoyDelta, style: 3), .number(f.yoyPercent, style: 2),
                .number(f.completionChangePoints, style: 3),
            ]
            let targets = metrics.targets(of: f)
            for other in metrics.others {
                guard let t = targets.first(where: { !$0.headline && $0.name == other.name }) else {
                    cells += [.text(""), .text("")]
                    continue
                }
                var against = f
                (against.target, against.completion, against.status, against.progress) = (t.target, t.completion, t.status, t.progress)
                cells += [.number(t.target, style: 3), .text(words.status(against))]
            }
            out += row(i + 2, cells + [.text(notes.joined(separator: "; "))], header: false)
        }
        out += "</sheetData><autoFilter ref=\"A1:\(last)\(figures.count + 1)\"/>"
        out += "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>"
        return out
    }

    private static func row(_ r: Int, _ cells: [Cell], header: Bool) -> Markup {
        var out: Markup = "<row r=\"\(r)\">"
        for (i, cell) in cells.enumerated() {
            let ref = EmbeddedWorkbook.column(i) + String(r)
            switch cell {
            case let .text(text) where text.isEmpty && !header:
                continue
            case let .text(text):
                out += "<c r=\"\(ref)\" t=\"inlineStr\"\(header ? " s=\"1\"" as Markup : "")><is><t xml:space=\"preserve\">\(text)</t></is></c>"
            case let .number(value?, style) where value.isFinite:
                let chosen = style == 3 && value == value.rounded() ? 4 : style
                out += "<c r=\"\(ref)\"\(chosen == 0 ? "" : " s=\"\(chosen)\"" as Markup)><v>\(shortest(value))</v></c>"
            case .number:
                continue
            }
        }
        return out + "</row>"
    }

    /// The shortest decimal that reads back as the same double (Swift's description).
    private static func shortest(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }
}
