import Foundation
import Testing
import TongKet

/// report.docx as an agency sends it up (Nghị định 30/2020/NĐ-CP), read back by python-docx:
/// the header block, the page and its margins, the page numbers from page 2, the charts
/// drawn for the text width, the signature block and each unit's appendix table, whose
/// figures must be the unit's own.
@Suite(.serialized) struct AdministrativeReportTests {
    static let hasPythonDocx = (try? Process.run("/usr/bin/env", ["python3", "-c", "import docx"]).status) == 0

    static let reader = #"""
    import sys, json, zipfile, struct
    import docx
    from docx.shared import Mm
    d = docx.Document(sys.argv[1]); s = d.sections[0]
    def mm(v): return round(v / 36000, 1)
    out = {'page': [mm(s.page_width), mm(s.page_height)], 'margins': [mm(s.top_margin), mm(s.bottom_margin), mm(s.left_margin), mm(s.right_margin)],
           'first_page_different': s.different_first_page_header_footer,
           'header_fields': [i for i in s.header._element.xml.split('"') if 'PAGE' in i],
           'first_header_text': s.first_page_header.paragraphs[0].text if s.first_page_header.paragraphs else '',
           'paragraphs': [p.text for p in d.paragraphs],
           'italic': [r.text for p in d.paragraphs for r in p.runs if r.italic],
           'tables': [[[c.text for c in row.cells] for row in t.rows] for t in d.tables],
           'fonts': [e.get('{http://schemas.openxmlformats.org/wordprocessingml/2006/main}ascii') for e in d.styles.element.iter('{http://schemas.openxmlformats.org/wordprocessingml/2006/main}rFonts')],
           'sizes': [e.get('{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val') for e in d.styles.element.iter('{http://schemas.openxmlformats.org/wordprocessingml/2006/main}sz')][:1],
           'images': [], 'italic_cells': []}
    for t in d.tables[:1]:
        for row in t.rows:
            for c in row.cells:
                out['italic_cells'] += [r.text for p in c.paragraphs for r in p.runs if r.italic]
    for shape in d.inline_shapes:
        blob = d.part.related_parts[shape._inline.graphic.graphicData.pic.blipFill.blip.embed].blob
        out['images'].append([mm(shape.width), struct.unpack('>I', blob[16:20])[0]])
    print(json.dumps(out, ensure_ascii=False))
    """#

    struct Read: Decodable {
        var page: [Double]
        var margins: [Double]
        var first_page_different: Bool
        var header_fields: [String]
        var first_header_text: String
        var paragraphs: [String]
        var italic: [String]
        var tables: [[[String]]]
        var fonts: [String?]
        var sizes: [String?]
        var images: [[Double]]
        var italic_cells: [String]
    }

    static func pack(_ extra: [String]) throws -> (folder: URL, read: Read) {
        let out = try temporaryFolder()
        let result = try CLI.run(["report", OfficeFilesTests.sample, "--out", out.path, "--date", "2024-12-20", "--formats", "pdf", "--max-pages", "8"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        let script = out.appendingPathComponent("read.py")
        try Data(reader.utf8).write(to: script)
        // The pack's folder is named after the organisation when one is given.
        let docx = try #require(FileManager.default.enumerator(atPath: out.path)?.compactMap { $0 as? String }.first { $0.hasSuffix("/report.docx") })
        let read = try Process.run("/usr/bin/env", ["python3", script.path, out.appendingPathComponent(docx).path])
        #expect(read.status == 0, "\(read.stderr)")
        return (out, try JSONDecoder().decode(Read.self, from: Data(read.stdout.utf8)))
    }

    static func normalised(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{00A0}", with: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test(.enabled(if: hasPythonDocx, "needs python-docx (pip install python-docx)"))
    func theReportHasTheDecreesHeaderPageSignatureAndAppendix() throws {
        let (folder, read) = try Self.pack(["--organisation", "Viện kiểm sát nhân dân tỉnh Sóc Trăng", "--parent", "Viện kiểm sát nhân dân tối cao"])
        defer { try? FileManager.default.removeItem(at: folder) }
        // A4, margins 20 / 20 / 30 / 15 mm, Times New Roman 14 pt.
        #expect(read.page == [210, 297])
        #expect(read.margins == [20, 20, 30, 15])
        #expect(read.fonts.first == "Times New Roman" && read.sizes.first == "28")
        // Page numbers at the top from page 2: the first page's header is empty.
        #expect(read.first_page_different && read.header_fields.contains { $0.contains("PAGE") } && read.first_header_text.isEmpty)
        // The header block: the agency under its parent, Quốc hiệu and Tiêu ngữ, the number, place and date.
        let header = try #require(read.tables.first?.first).map(Self.normalised)
        #expect(header[0].contains("VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO"))
        #expect(header[0].contains("VIỆN KIỂM SÁT NHÂN DÂN TỈNH SÓC TRĂNG"))
        #expect(header[0].contains("Số:") && header[0].contains("/BC"))
        #expect(header[1].contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") && header[1].contains("Độc lập - Tự do - Hạnh phúc"))
        #expect(read.italic_cells.contains("Sóc Trăng, ngày 20 tháng 12 năm 2024"))
        let paragraphs = read.paragraphs.map(Self.normalised)
        #expect(paragraphs.contains("BÁO CÁO") && paragraphs.contains("Tổng kết năm 2023"))
        // The signature block.
        let tables = read.tables.map { $0.map { $0.map(Self.normalised) } }
        // Signed by the head of the agency's kind: a procuracy's Viện trưởng.
        #expect(tables.contains { table in
            table.first?.first?.hasPrefix("Nơi nhận:") == true && table.first?.last?.contains("VIỆN TRƯỞNG") == true
        })
        // Every chart drawn for the text width (165 mm) at 300 dpi, not a slide shrunk.
        #expect(!read.images.isEmpty)
        for image in read.images { #expect(abs(image[0] - 165) < 0.5 && abs(image[1] - 1949) < 2, "\(image)") }
        // The appendix: a table per unit in the files' order, the unit's own figures.
        let metrics = try Metrics(reading: [OfficeFilesTests.sample])
        let words = FigureWords(metrics, .vi)
        let figures = metrics.figureRows(year: 2023).filter { $0.scope == .unit }
        let units = metrics.unitsInOfficeOrder(Array(Set(figures.map(\.unit))))
        let appendix = tables.filter { $0.first?.first == "STT" }
        try #require(appendix.count == units.count)
        #expect(paragraphs.contains { $0.hasPrefix("Phụ lục") } && paragraphs.contains { $0.contains("tại Phụ lục") })
        for (unit, table) in zip(units, appendix) {
            let own = figures.filter { $0.unit == unit }
            let ordered = metrics.inOfficeOrder(own.map(\.indicator)).compactMap { id in own.first { $0.indicator == id } }
            #expect(paragraphs.contains { $0.hasSuffix(metrics.unitName(own[0])) })
            #expect(table.count == ordered.count + 1)
            for (f, row) in zip(ordered, table.dropFirst()) {
                #expect(row[1] == Self.normalised(metrics.indicatorName(f)))
                #expect(row[3] == Self.normalised(words.shortActual(f)) && row[4] == Self.normalised(words.shortVerdict(f)) && row[5] == Self.normalised(words.change(f)))
            }
        }
    }

    @Test(.enabled(if: hasPythonDocx, "needs python-docx (pip install python-docx)"))
    func inEnglishTheSameReportWithoutTheVietnameseHeader() throws {
        let (folder, read) = try Self.pack(["--lang", "en", "--organisation", "Soc Trang Provincial Procuracy"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = (read.paragraphs + read.tables.flatMap { $0.flatMap { $0 } }).joined(separator: "\n")
        #expect(!text.contains("CỘNG HÒA") && !text.contains("Nơi nhận"))
        #expect(text.contains("Review of 2023") && text.contains("20 December 2024") && text.contains("Appendix"))
        #expect(read.margins == [20, 20, 30, 15])
    }
}
