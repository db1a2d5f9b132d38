/// The written review as a Word document in the form of a Vietnamese administrative report
/// (Nghị định 30/2020/NĐ-CP): the header block — the agency under its parent on the left,
/// Quốc hiệu and Tiêu ngữ on the right, the number left for the office to fill and the place
/// and date in italics — "BÁO CÁO" and its subject, the body as paragraphs in Times New Roman
/// 14 pt on A4 (margins 20 mm top and bottom, 30 mm left, 15 mm right), page numbers centred
/// at the top from page 2, charts drawn for the page with numbered captions, tables whose
/// rows never split, "Nơi nhận" and the signature block, then the appendix.
package enum ReportDocument {
    public enum Block: Sendable {
        /// The English document's title lines (no Vietnamese header block).
        case title(String)
        case subtitle(String)
        /// The header block, "BÁO CÁO" and the subject line.
        case officialHeader(OfficialHeader)
        /// Level 1: a part ("I. KẾT QUẢ ĐẠT ĐƯỢC"); 2: its sections ("1. Kết quả nổi bật"); 3: a unit within one.
        case heading(String, level: Int)
        case paragraph(String)
        /// What the leadership still has to write, highlighted so no one signs it unseen.
        case placeholder(String)
        /// The appendix's head on a new page: `kind` ("Phụ lục"), its title, `attached` ("(Kèm theo Báo cáo số … ngày …)").
        case appendix(kind: String, title: String, attached: String)
        /// A PNG drawn for the text width (`width` × `height` in points as printed).
        case chart(png: [UInt8], caption: String, alt: String, width: Double, height: Double)
        /// `numbered`: a first column "STT" counting the rows; `measureLine` ("Đơn vị tính: vụ") above it.
        case table(headers: [String], rows: [[String]], numbered: Bool = false, measureLine: String? = nil)
        /// "Nơi nhận:" and the signature block.
        case signature(Signature)
    }

    public struct OfficialHeader: Sendable {
        /// The agency above the one reporting ("VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO"); may be empty.
        public var parent: String
        public var organisation: String
        /// "32/BC-VKS"; empty: left for the clerk (`blankNumber`).
        public var number: String
        /// "Sóc Trăng, ngày 20 tháng 12 năm 2024".
        public var placeAndDate: String
        /// The trích yếu: "Tổng kết công tác năm 2024 và phương hướng, nhiệm vụ năm 2025".
        public var subject: String
        public init(parent: String, organisation: String, number: String, placeAndDate: String, subject: String) {
            self.parent = parent
            self.organisation = organisation
            self.number = number
            self.placeAndDate = placeAndDate
            self.subject = subject
        }
    }

    public struct Signature: Sendable {
        /// Who it is sent to, before "Lưu: VT." ("VKSND tối cao").
        public var recipients: [String]
        /// "KT. VIỆN TRƯỞNG" above the title; may be empty.
        public var authority: String
        /// "VIỆN TRƯỞNG", "PHÓ VIỆN TRƯỞNG".
        public var title: String
        /// The signer's name under the space for the signature and seal; may be empty.
        public var name: String
        public init(recipients: [String], authority: String, title: String, name: String) {
            self.recipients = recipients
            self.authority = authority
            self.title = title
            self.name = name
        }
    }

    /// The number left for the clerk: room for it before "/BC".
    public static let blankNumber = "         /BC"

    /// A4 in twentieths of a point, and its margins: 20 mm top and bottom, 30 mm left, 15 mm right.
    static let page = (width: 11906, height: 16838, top: 1134, bottom: 1134, left: 1701, right: 851)
    /// The text width: what the charts are drawn for.
    public static let textWidthPoints = Double(page.width - page.left - page.right) / 20
    static let textWidth = page.width - page.left - page.right

    /// `lang`: the text's language tag for proofing ("vi-VN", "en-GB").
    public static func data(_ blocks: [Block], title: String, chartWord: String, lang: String) -> [UInt8] {
        var package = OfficePackage()
        let wml = "application/vnd.openxmlformats-officedocument.wordprocessingml."
        let document = "word/document.xml"
        package.relate("", to: document, .document)
        package.addProperties(title: title)
        package.relate(document, to: "word/styles.xml", .styles)
        package.add("word/styles.xml", type: wml + "styles+xml", styles(lang: lang))
        // Page numbers at the top, centred, from page 2: the first page's header is empty.
        let pageHeader = package.relate(document, to: "word/header1.xml", .header)
        let firstHeader = package.relate(document, to: "word/header2.xml", .header)
        package.add("word/header1.xml", type: wml + "header+xml", "<w:hdr \(namespaces)><w:p><w:pPr><w:pStyle w:val=\"PageNumber\"/></w:pPr>"
            + "<w:fldSimple w:instr=\" PAGE \"><w:r><w:t>2</w:t></w:r></w:fldSimple></w:p></w:hdr>")
        package.add("word/header2.xml", type: wml + "header+xml", "<w:hdr \(namespaces)><w:p><w:pPr><w:pStyle w:val=\"PageNumber\"/></w:pPr></w:p></w:hdr>")

        var body: Markup = ""
        var charts = 0
        for block in blocks {
            switch block {
            case let .title(text): body += paragraph(text, style: "Title")
            case let .subtitle(text): body += paragraph(text, style: "Subtitle")
            case let .officialHeader(header): body += official(header)
            case let .heading(text, level): body += paragraph(text, style: "Heading\(min(max(level, 1), 3))")
            case let .paragraph(text): body += paragraph(text, style: nil)
            case let .placeholder(text):
                body += "<w:p><w:r><w:rPr><w:i/><w:highlight w:val=\"yellow\"/></w:rPr>"
                    + "<w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
            case let .appendix(kind, title, attached):
                // A new page by the heading's own property: a break of its own could leave a blank page.
                body += "<w:p><w:pPr><w:pStyle w:val=\"DocumentKind\"/><w:pageBreakBefore/><w:spacing w:before=\"0\"/></w:pPr>"
                    + run(kind) + "</w:p>"
                    + "<w:p><w:pPr><w:pStyle w:val=\"Subject\"/></w:pPr>\(run(title))</w:p>"
                    + "<w:p><w:pPr><w:pStyle w:val=\"HeaderLine\"/><w:spacing w:after=\"240\"/></w:pPr>\(run(attached, italic: true))</w:p>"
            case let .chart(png, caption, alt, width, height):
                charts += 1
                let media = "word/media/chart\(charts).png"
                package.add(media, defaultType: ContentType.png, bytes: png)
                let id = package.relate(document, to: media, .image)
                let cx = Int(width * 12_700), cy = Int(height * 12_700)
                body += "<w:p><w:pPr><w:pStyle w:val=\"Figure\"/></w:pPr><w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
                    + "<wp:extent cx=\"\(cx)\" cy=\"\(cy)\"/><wp:docPr id=\"\(charts)\" name=\"\(chartWord) \(charts)\" descr=\"\(alt)\"/>"
                    + "<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>"
                    + "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>"
                    + "<pic:nvPicPr><pic:cNvPr id=\"\(charts)\" name=\"chart\(charts).png\" descr=\"\(alt)\"/><pic:cNvPicPr/></pic:nvPicPr>"
                    + "<pic:blipFill><a:blip r:embed=\"\(id)\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
                    + "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"\(cx)\" cy=\"\(cy)\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>"
                    + "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
                // "Biểu đồ 3. …", its number a SEQ field so Word renumbers after edits.
                body += "<w:p><w:pPr><w:pStyle w:val=\"Caption\"/></w:pPr>" + run(chartWord + " ")
                    + "<w:fldSimple w:instr=\" SEQ \(chartWord.replacingOccurrences(of: " ", with: "_")) \\* ARABIC \">\(run(String(charts)))</w:fldSimple>"
                    + run(". " + caption) + "</w:p>"
            case let .table(headers, rows, numbered, measureLine):
                if let measureLine {
                    body += "<w:p><w:pPr><w:pStyle w:val=\"MeasureLine\"/></w:pPr>\(run(measureLine, italic: true))</w:p>"
                }
                body += numbered ? table(["STT"] + headers, rows.enumerated().map { [String($0 + 1)] + $1 }, numbered: true) : table(headers, rows, numbered: false)
            case let .signature(signature):
                body += self.signature(signature)
            }
        }
        body += "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"\(pageHeader)\"/><w:headerReference w:type=\"first\" r:id=\"\(firstHeader)\"/>"
            + "<w:pgSz w:w=\"\(page.width)\" w:h=\"\(page.height)\"/>"
            + "<w:pgMar w:top=\"\(page.top)\" w:right=\"\(page.right)\" w:bottom=\"\(page.bottom)\" w:left=\"\(page.left)\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/><w:titlePg/></w:sectPr>"
        package.add(document, type: wml + "document.main+xml", "<w:document \(namespaces) "
            + "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
            + "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
            + "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><w:body>\(body)</w:body></w:document>")
        return package.finished()
    }

    static let namespaces: Markup = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""

    private static func run(_ text: String, bold: Bool = false, italic: Bool = false, size: Int? = nil) -> Markup {
        var properties: Markup = ""
        if bold { properties += "<w:b/>" }
        if italic { properties += "<w:i/>" }
        if let size { properties += "<w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/>" }
        return "<w:r>\(properties == "" ? "" : "<w:rPr>\(properties)</w:rPr>" as Markup)<w:t xml:space=\"preserve\">\(text)</w:t></w:r>"
    }

    private static func paragraph(_ text: String, style: String?) -> Markup {
        "<w:p>\(style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" as Markup } ?? "")\(run(text))</w:p>"
    }

    /// A centred line of the header block; `rule` draws the short line under it, `inset`
    /// twips in from each side (a third to a half of the text's length, as the decree says).
    private static func line(_ text: String, bold: Bool = false, italic: Bool = false, size: Int = 26, rule: Int? = nil) -> Markup {
        "<w:p><w:pPr><w:pStyle w:val=\"HeaderLine\"/></w:pPr>\(run(text, bold: bold, italic: italic, size: size))</w:p>"
            + (rule.map { inset in
                "<w:p><w:pPr><w:pStyle w:val=\"HeaderLine\"/><w:pBdr><w:top w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/></w:pBdr><w:spacing w:after=\"0\" w:line=\"120\" w:lineRule=\"exact\"/><w:ind w:left=\"\(inset)\" w:right=\"\(inset)\"/></w:pPr></w:p>" as Markup
            } ?? "")
    }

    /// Two columns with no borders: the header block and the signature block are laid out so.
    private static func columns(_ left: Markup, _ right: Markup, split: Int) -> Markup {
        let none: Markup = "<w:tblBorders><w:top w:val=\"nil\"/><w:left w:val=\"nil\"/><w:bottom w:val=\"nil\"/><w:right w:val=\"nil\"/><w:insideH w:val=\"nil\"/><w:insideV w:val=\"nil\"/></w:tblBorders>"
        return "<w:tbl><w:tblPr><w:tblW w:w=\"\(textWidth)\" w:type=\"dxa\"/>\(none)<w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
            + "<w:tblGrid><w:gridCol w:w=\"\(split)\"/><w:gridCol w:w=\"\(textWidth - split)\"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/></w:trPr>"
            + "<w:tc><w:tcPr><w:tcW w:w=\"\(split)\" w:type=\"dxa\"/></w:tcPr>\(left)</w:tc><w:tc><w:tcPr><w:tcW w:w=\"\(textWidth - split)\" w:type=\"dxa\"/></w:tcPr>\(right)</w:tc></w:tr></w:tbl>"
    }

    private static func official(_ h: OfficialHeader) -> Markup {
        var left: Markup = ""
        if !h.parent.isEmpty { left += line(h.parent.uppercased(), size: 26) }
        left += line(h.organisation.uppercased(), bold: true, size: 26, rule: 1100)
        // Without one, the number is the clerk's to write when the report is registered.
        left += line("Số: " + (h.number.isEmpty ? blankNumber : h.number), size: 26)
        let right = line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, size: 26)
            + line("Độc lập - Tự do - Hạnh phúc", bold: true, size: 28, rule: 1150)
            + line(h.placeAndDate, italic: true, size: 28)
        return columns(left, right, split: 3800)
            + "<w:p><w:pPr><w:pStyle w:val=\"DocumentKind\"/></w:pPr>\(run("BÁO CÁO"))</w:p>"
            + "<w:p><w:pPr><w:pStyle w:val=\"Subject\"/></w:pPr>\(run(h.subject))</w:p>"
            + line("", rule: 3400)
    }

    private static func signature(_ s: Signature) -> Markup {
        var left: Markup = "<w:p><w:pPr><w:pStyle w:val=\"Recipients\"/></w:pPr>\(run("Nơi nhận:", bold: true, italic: true, size: 24))</w:p>"
        // "- VKSND tối cao;" each, then "- Lưu: VT." (the decree's 11 pt list).
        for recipient in s.recipients + ["Lưu: VT."] {
            let text = recipient.hasSuffix(".") || recipient.hasSuffix(";") ? recipient : recipient + ";"
            left += "<w:p><w:pPr><w:pStyle w:val=\"Recipients\"/></w:pPr>\(run("- " + text, size: 22))</w:p>"
        }
        var right: Markup = s.authority.isEmpty ? "" : line(s.authority, bold: true, size: 28)
        right += line(s.title, bold: true, size: 28)
        // The space the signature and seal take, then the signer's name.
        for _ in 0..<4 { right += line("") }
        right += line(s.name, bold: true, size: 28)
        return "<w:p/>" + columns(left, right, split: 4400)
    }

    /// Figures and their units never part at a line's end ("+19 (+1,1 %)" stays whole): a
    /// space after a digit or before "%" is a no-break space.
    static func keepTogether(_ text: String) -> String {
        var out = ""
        let scalars = Array(text.unicodeScalars)
        for (i, scalar) in scalars.enumerated() {
            if scalar == " ", i > 0, (("0"..."9").contains(scalars[i - 1]) || (i + 1 < scalars.count && scalars[i + 1] == "%")) {
                out.unicodeScalars.append("\u{00A0}")
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func table(_ headers: [String], _ rows: [[String]], numbered: Bool) -> Markup {
        guard !headers.isEmpty else { return "" }
        // Every row as wide as the header: cut or padded.
        let rows = rows.map { Array(($0 + Array(repeating: "", count: headers.count)).prefix(headers.count)) }
        // Each figure column as wide as its longest cell needs in Times New Roman 12 pt (a measure
        // "ĐVT" narrow, a verdict wide, a figure such as "+15 (+10,6 %)" on one line), "STT" narrow;
        // the indicator's name takes what they leave, at least a quarter of the width.
        let name = numbered ? 1 : 0
        var widths = headers.indices.map { column -> Int in
            let longest = rows.map { $0[column].count }.max() ?? 0
            return longest <= 4 ? 800 : longest <= 7 ? 1000 : longest <= 10 ? 1250 : longest <= 14 ? 1650 : 1800
        }
        if numbered { widths[0] = 680 }
        widths[name] = 0
        let least = textWidth / 4
        let figures = widths.reduce(0, +)
        if textWidth - figures < least {
            let scale = Double(textWidth - least) / Double(figures)
            widths = widths.map { Int(Double($0) * scale) }
        }
        widths[name] = textWidth - widths.reduce(0, +)
        func cell(_ text: String, _ column: Int, header: Bool) -> Markup {
            let align: Markup = column == name ? "" : "<w:jc w:val=\"center\"/>"
            let shade: Markup = header ? "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"DCE6F0\"/>" : ""
            return "<w:tc><w:tcPr><w:tcW w:w=\"\(widths[column])\" w:type=\"dxa\"/>\(shade)<w:vAlign w:val=\"center\"/></w:tcPr>"
                + "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/>\(align)</w:pPr>\(run(column == name ? text : keepTogether(text), bold: header))</w:p></w:tc>"
        }
        var out: Markup = "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"\(textWidth)\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>"
        out += widths.map { "<w:gridCol w:w=\"\($0)\"/>" as Markup }.joined() + "</w:tblGrid>"
        out += "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" + headers.indices.map { cell(headers[$0], $0, header: true) }.joined() + "</w:tr>"
        for row in rows { out += "<w:tr><w:trPr><w:cantSplit/></w:trPr>" + row.indices.map { cell(row[$0], $0, header: false) }.joined() + "</w:tr>" }
        return out + "</w:tbl><w:p/>"
    }

    private static func styles(lang: String) -> Markup {
        let font: Markup = "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\" w:eastAsia=\"Times New Roman\"/>"
        func style(_ id: String, _ name: String, pPr: Markup, rPr: Markup, next: String = "Normal") -> Markup {
            "<w:style w:type=\"paragraph\" w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"\(next)\"/><w:qFormat/>"
                + "<w:pPr>\(pPr)</w:pPr><w:rPr>\(rPr)</w:rPr></w:style>"
        }
        let section: Markup = "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"60\"/><w:ind w:firstLine=\"567\"/><w:jc w:val=\"both\"/>"
        let plain: Markup = "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"0\"/>"
        let borders = ["top", "left", "bottom", "right", "insideH", "insideV"].map { "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>" as Markup }.joined()
        return "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
            + "<w:docDefaults><w:rPrDefault><w:rPr>\(font)<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/><w:lang w:val=\"\(lang)\"/></w:rPr></w:rPrDefault>"
            + "<w:pPrDefault><w:pPr><w:spacing w:before=\"60\" w:after=\"60\" w:line=\"288\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
            + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/><w:pPr><w:ind w:firstLine=\"567\"/><w:jc w:val=\"both\"/></w:pPr></w:style>"
            + style("Title", "Title", pPr: "<w:spacing w:after=\"60\"/><w:ind w:firstLine=\"0\"/><w:jc w:val=\"center\"/>", rPr: "<w:b/><w:caps/>")
            + style("Subtitle", "Subtitle", pPr: "<w:spacing w:after=\"360\"/><w:ind w:firstLine=\"0\"/><w:jc w:val=\"center\"/>", rPr: "<w:i/>")
            + style("HeaderLine", "Header Line", pPr: "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"0\"/><w:jc w:val=\"center\"/>", rPr: "")
            + style("DocumentKind", "Document Kind", pPr: "<w:keepNext/><w:spacing w:before=\"360\" w:after=\"0\"/><w:ind w:firstLine=\"0\"/><w:jc w:val=\"center\"/>", rPr: "<w:b/>")
            + style("Subject", "Subject", pPr: "<w:keepNext/><w:spacing w:before=\"0\" w:after=\"0\"/><w:ind w:firstLine=\"0\"/><w:jc w:val=\"center\"/>", rPr: "<w:b/>")
            + style("Heading1", "heading 1", pPr: "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"60\"/><w:ind w:firstLine=\"567\"/><w:jc w:val=\"both\"/><w:outlineLvl w:val=\"0\"/>", rPr: "<w:b/>")
            + style("Heading2", "heading 2", pPr: "\(section)<w:outlineLvl w:val=\"1\"/>", rPr: "<w:b/>")
            + style("Heading3", "heading 3", pPr: "\(section)<w:outlineLvl w:val=\"2\"/>", rPr: "<w:b/><w:i/>")
            + style("MeasureLine", "Measure Line",
                    pPr: "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"60\"/><w:ind w:firstLine=\"0\"/><w:jc w:val=\"right\"/>",
                    rPr: "<w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>")
            + style("Figure", "Figure", pPr: "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"0\"/><w:ind w:firstLine=\"0\"/><w:jc w:val=\"center\"/>", rPr: "")
            + style("Caption", "caption", pPr: "<w:spacing w:after=\"240\"/><w:ind w:firstLine=\"0\"/><w:jc w:val=\"center\"/>", rPr: "<w:i/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>")
            + style("TableText", "Table Text", pPr: "\(plain)<w:jc w:val=\"left\"/>", rPr: "<w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>")
            + style("Recipients", "Recipients", pPr: "\(plain)<w:jc w:val=\"left\"/>", rPr: "")
            + style("PageNumber", "Page Number", pPr: "\(plain)<w:jc w:val=\"center\"/>", rPr: "<w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/>")
            + "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:tblPr><w:tblBorders>\(borders)"
            + "</w:tblBorders><w:tblCellMar><w:left w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"57\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
            + "</w:styles>"
    }
}
