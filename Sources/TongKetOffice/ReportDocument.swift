/// The written review as a Word document, in the form of an administrative report: A4, Times
/// New Roman 13 pt, headings per section, body text, each chart inline at print resolution
/// with a numbered caption ("Biểu đồ 1. …") and its alt text, a table of figures per section,
/// and page numbers in the footer.
public enum ReportDocument {
    public enum Block: Sendable {
        case title(String)
        case subtitle(String)
        case heading(String, level: Int)
        case paragraph(String)
        case bullet(String)
        /// A 1920×1080 PNG, shown 16 cm wide.
        case chart(png: [UInt8], caption: String, alt: String)
        case table(headers: [String], rows: [[String]])
    }

    /// `lang`: the text's language tag for proofing ("vi-VN", "en-GB").
    public static func data(_ blocks: [Block], title: String, chartWord: String, lang: String) -> [UInt8] {
        var zip = ZipWriter()
        let wml = "application/vnd.openxmlformats-officedocument.wordprocessingml"
        zip.add("[Content_Types].xml", OfficeParts.header
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Default Extension=\"png\" ContentType=\"image/png\"/>"
            + "<Override PartName=\"/word/document.xml\" ContentType=\"\(wml).document.main+xml\"/>"
            + "<Override PartName=\"/word/styles.xml\" ContentType=\"\(wml).styles+xml\"/>"
            + "<Override PartName=\"/word/footer1.xml\" ContentType=\"\(wml).footer+xml\"/>"
            + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
            + "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
            + "</Types>")
        zip.add("_rels/.rels", OfficeParts.packageRelationships(main: "word/document.xml"))
        zip.add("docProps/core.xml", OfficeParts.core(title: title))
        zip.add("docProps/app.xml", OfficeParts.app(application: "TongKet"))
        zip.add("word/styles.xml", styles(lang: lang))
        let ns = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
        zip.add("word/footer1.xml", OfficeParts.header + "<w:ftr \(ns)><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>"
            + "<w:fldSimple w:instr=\" PAGE \"><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>")

        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        var relationships = [("rId1", rel + "styles", "styles.xml"), ("rId2", rel + "footer", "footer1.xml")]
        var body = ""
        var charts = 0
        // 16 cm wide, 16:9.
        let cx = 5_760_000, cy = 3_240_000
        for block in blocks {
            switch block {
            case let .title(text): body += paragraph(text, style: "Title")
            case let .subtitle(text): body += paragraph(text, style: "Subtitle")
            case let .heading(text, level): body += paragraph(text, style: "Heading\(min(max(level, 1), 2))")
            case let .paragraph(text): body += paragraph(text, style: nil)
            case let .bullet(text): body += paragraph("– " + text, style: "ListBullet")
            case let .chart(png, caption, alt):
                charts += 1
                let id = "rId\(10 + charts)"
                zip.add("word/media/chart\(charts).png", png)
                relationships.append((id, rel + "image", "media/chart\(charts).png"))
                body += "<w:p><w:pPr><w:pStyle w:val=\"Figure\"/></w:pPr><w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
                    + "<wp:extent cx=\"\(cx)\" cy=\"\(cy)\"/><wp:docPr id=\"\(charts)\" name=\"\(chartWord) \(charts)\" descr=\"\(xml(alt))\"/>"
                    + "<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>"
                    + "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>"
                    + "<pic:nvPicPr><pic:cNvPr id=\"\(charts)\" name=\"chart\(charts).png\" descr=\"\(xml(alt))\"/><pic:cNvPicPr/></pic:nvPicPr>"
                    + "<pic:blipFill><a:blip r:embed=\"\(id)\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
                    + "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"\(cx)\" cy=\"\(cy)\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>"
                    + "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
                // "Biểu đồ 3. …", its number a SEQ field so Word renumbers after edits.
                body += "<w:p><w:pPr><w:pStyle w:val=\"Caption\"/></w:pPr>" + run(chartWord + " ")
                    + "<w:fldSimple w:instr=\" SEQ \(chartWord.replacingOccurrences(of: " ", with: "_")) \\* ARABIC \">\(run(String(charts)))</w:fldSimple>"
                    + run(". " + caption) + "</w:p>"
            case let .table(headers, rows):
                body += table(headers, rows)
            }
        }
        body += "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId2\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
            + "<w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1701\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>"
        zip.add("word/_rels/document.xml.rels", OfficeParts.relationships(relationships))
        zip.add("word/document.xml", OfficeParts.header + "<w:document \(ns) "
            + "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
            + "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
            + "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><w:body>\(body)</w:body></w:document>")
        return zip.finished()
    }

    private static func run(_ text: String, bold: Bool = false) -> String {
        "<w:r>\(bold ? "<w:rPr><w:b/></w:rPr>" : "")<w:t xml:space=\"preserve\">\(xml(text))</w:t></w:r>"
    }

    private static func paragraph(_ text: String, style: String?) -> String {
        "<w:p>\(style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? "")\(run(text))</w:p>"
    }

    /// The text width of the page (A4 less the margins), in twentieths of a point.
    private static let textWidth = 9071

    private static func table(_ headers: [String], _ rows: [[String]]) -> String {
        guard !headers.isEmpty else { return "" }
        // Every row as wide as the header: cut or padded.
        let rows = rows.map { Array(($0 + Array(repeating: "", count: headers.count)).prefix(headers.count)) }
        // The first column (the indicator's name) takes what the figures leave.
        let figure = min(1350, textWidth / (headers.count + 1))
        let widths = [textWidth - figure * (headers.count - 1)] + Array(repeating: figure, count: headers.count - 1)
        func cell(_ text: String, _ width: Int, header: Bool, first: Bool) -> String {
            "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>\(header ? "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"DCE6F0\"/>" : "")</w:tcPr>"
                + "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/>\(first ? "" : "<w:jc w:val=\"right\"/>")</w:pPr>\(run(text, bold: header))</w:p></w:tc>"
        }
        var out = "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"\(textWidth)\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>"
        out += widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        out += "<w:tr><w:trPr><w:tblHeader/></w:trPr>" + headers.enumerated().map { cell($1, widths[$0], header: true, first: $0 == 0) }.joined() + "</w:tr>"
        for row in rows { out += "<w:tr><w:trPr><w:cantSplit/></w:trPr>" + row.enumerated().map { cell($1, widths[$0], header: false, first: $0 == 0) }.joined() + "</w:tr>" }
        return out + "</w:tbl><w:p/>"
    }

    private static func styles(lang: String) -> String {
        let font = "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\" w:eastAsia=\"Times New Roman\"/>"
        func style(_ id: String, _ name: String, pPr: String, rPr: String, next: String = "Normal") -> String {
            "<w:style w:type=\"paragraph\" w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"\(next)\"/><w:qFormat/>"
                + "<w:pPr>\(pPr)</w:pPr><w:rPr>\(rPr)</w:rPr></w:style>"
        }
        return OfficeParts.header + "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
            + "<w:docDefaults><w:rPrDefault><w:rPr>\(font)<w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/><w:lang w:val=\"\(lang)\"/></w:rPr></w:rPrDefault>"
            + "<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"276\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
            + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/><w:pPr><w:ind w:firstLine=\"567\"/><w:jc w:val=\"both\"/></w:pPr></w:style>"
            + style("Title", "Title", pPr: "<w:spacing w:after=\"60\"/><w:ind w:firstLine=\"0\"/><w:jc w:val=\"center\"/>", rPr: "<w:b/><w:caps/><w:sz w:val=\"30\"/><w:szCs w:val=\"30\"/>")
            + style("Subtitle", "Subtitle", pPr: "<w:spacing w:after=\"360\"/><w:ind w:firstLine=\"0\"/><w:jc w:val=\"center\"/>", rPr: "<w:i/>")
            + style("Heading1", "heading 1", pPr: "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/><w:ind w:firstLine=\"0\"/><w:jc w:val=\"left\"/><w:outlineLvl w:val=\"0\"/>", rPr: "<w:b/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>")
            + style("Heading2", "heading 2", pPr: "<w:keepNext/><w:spacing w:before=\"180\" w:after=\"60\"/><w:ind w:firstLine=\"0\"/><w:jc w:val=\"left\"/><w:outlineLvl w:val=\"1\"/>", rPr: "<w:b/><w:i/>")
            + style("ListBullet", "List Bullet", pPr: "<w:spacing w:after=\"60\"/><w:ind w:left=\"567\" w:hanging=\"283\"/>", rPr: "")
            + style("Figure", "Figure", pPr: "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"0\"/><w:ind w:firstLine=\"0\"/><w:jc w:val=\"center\"/>", rPr: "")
            + style("Caption", "caption", pPr: "<w:spacing w:after=\"240\"/><w:ind w:firstLine=\"0\"/><w:jc w:val=\"center\"/>", rPr: "<w:i/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>")
            + style("TableText", "Table Text", pPr: "<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"0\"/><w:jc w:val=\"left\"/>", rPr: "<w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/>")
            + "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:tblPr><w:tblBorders>"
            + ["top", "left", "bottom", "right", "insideH", "insideV"].map { "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>" }.joined()
            + "</w:tblBorders><w:tblCellMar><w:left w:w=\"85\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
            + "</w:styles>"
    }
}
