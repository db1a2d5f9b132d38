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
        #expect(paragraphs.contains("BÁO CÁO"))
        #expect(paragraphs.contains("Tổng kết công tác năm 2023 và phương hướng, nhiệm vụ năm 2024"))
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
            // The measure once: a column of its own when the unit's indicators differ in it, never in a figure's cell.
            let measured = table[0].contains("ĐVT") ? 1 : 0
            for (f, row) in zip(ordered, table.dropFirst()) {
                #expect(row[1] == Self.normalised(metrics.indicatorName(f)))
                if measured == 1 { #expect(row[2] == metrics.measureName(f)) }
                #expect(row[3 + measured] == Self.normalised(words.bareActual(f)))
                #expect(row[4 + measured] == Self.normalised(words.shortVerdict(f)))
                #expect(row[5 + measured] == Self.normalised(words.change(f)))
            }
        }
    }

    static let leadership = """
        # Ý kiến của lãnh đạo Viện

        ## Nguyên nhân
        Số vụ án phức tạp tăng, nhiều vụ phải trưng cầu giám định
        kéo dài thời gian.

        - Một số đơn vị cấp huyện thiếu kiểm sát viên.

        ## Phương hướng, nhiệm vụ năm 2024
        Nâng cao chất lượng thực hành quyền công tố.

        **Đề xuất, kiến nghị:**
        Đề nghị bổ sung biên chế cho cấp huyện.
        """

    /// The state's form, each part where Nghị định 30/2020 puts it: the number, the trích yếu
    /// with the next year's directions, I–IV, the leadership's own paragraphs, the signer, where
    /// it goes, the appendix attached to this report — each figure once, no "·" in the prose.
    @Test(.enabled(if: hasPythonDocx, "needs python-docx (pip install python-docx)"))
    func theReportHasEveryPartOfTheForm() throws {
        let folder = try temporaryFolder()
        let text = try write(Self.leadership, to: "lanh-dao.md", in: folder)
        let (out, read) = try Self.pack(["--organisation", "Viện kiểm sát nhân dân tỉnh Sóc Trăng",
                                         "--document-number", "32/BC-VKS",
                                         "--signer-authority", "KT. VIỆN TRƯỞNG", "--signer-title", "PHÓ VIỆN TRƯỞNG",
                                         "--signer-name", "Nguyễn Văn A",
                                         "--recipients", "VKSND tối cao; Tỉnh ủy Sóc Trăng", "--text", text])
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: folder) }
        let tables = read.tables.map { $0.map { $0.map(Self.normalised) } }
        let paragraphs = read.paragraphs.map(Self.normalised)
        let header = try #require(tables.first?.first)
        #expect(header[0].contains("Số: 32/BC-VKS"))
        #expect(paragraphs.contains("Tổng kết công tác năm 2023 và phương hướng, nhiệm vụ năm 2024"))
        // I–IV in order, the results' sections numbered under I, the assessment last among them.
        let parts = ["I. KẾT QUẢ ĐẠT ĐƯỢC", "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
                     "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024", "IV. ĐỀ XUẤT, KIẾN NGHỊ"]
        let at = parts.map { part in paragraphs.firstIndex(of: part) ?? -1 }
        #expect(!at.contains(-1) && at == at.sorted(), "\(at)")
        #expect(paragraphs.contains("1. Kết quả nổi bật") && paragraphs.contains { $0.hasSuffix(". Đánh giá chung") })
        #expect(paragraphs.contains("1. Tồn tại, hạn chế") && paragraphs.contains("2. Nguyên nhân"))
        // The leadership's paragraphs, lines joined, in their parts; no placeholder left.
        let causes = try #require(paragraphs.firstIndex(of: "2. Nguyên nhân"))
        #expect(paragraphs[causes + 1] == "Số vụ án phức tạp tăng, nhiều vụ phải trưng cầu giám định "
                + "kéo dài thời gian.")
        #expect(paragraphs[causes + 2] == "- Một số đơn vị cấp huyện thiếu kiểm sát viên.")
        #expect(paragraphs[(at[2] + 1)...].contains("Nâng cao chất lượng thực hành quyền công tố."))
        #expect(paragraphs[at[3] + 1] == "Đề nghị bổ sung biên chế cho cấp huyện.")
        #expect(!paragraphs.contains { $0.contains("[Nội dung do lãnh đạo bổ sung]") })
        // The signature: for whom, the title, the name; where it goes, then "Lưu: VT."
        let signature = try #require(tables.first { $0.first?.first?.hasPrefix("Nơi nhận:") == true }?.first)
        #expect(signature[0].contains("- VKSND tối cao; - Tỉnh ủy Sóc Trăng; - Lưu: VT."), "\(signature[0])")
        #expect(signature[1].contains("KT. VIỆN TRƯỞNG PHÓ VIỆN TRƯỞNG"), "\(signature[1])")
        #expect(signature[1].hasSuffix("Nguyễn Văn A"), "\(signature[1])")
        // The appendix, attached to this report.
        #expect(paragraphs.contains("(Kèm theo Báo cáo số 32/BC-VKS ngày 20 tháng 12 năm 2024 "
                                    + "của Viện kiểm sát nhân dân tỉnh Sóc Trăng)"))
        // Prose in clauses; a figure's cell holds the figure, its measure said once above or in its column.
        #expect(!paragraphs.contains { $0.contains(" · ") }, "\(paragraphs.filter { $0.contains(" · ") })")
        for table in tables where table.first?.contains("Thực hiện") == true {
            let actual = try #require(table[0].firstIndex(of: "Thực hiện"))
            for row in table.dropFirst() { #expect(!row[actual].contains { $0.isLetter }, "\(row)") }
        }
        // A province figure in a section's table is not said again as a sentence.
        let metrics = try Metrics(reading: [OfficeFilesTests.sample])
        let province = metrics.figureRows(year: 2023).filter { $0.scope == .province }
        let sentences = province.map { Narrative(metrics: metrics, year: 2023, language: .vi).sentence($0) }
        let repeated = sentences.filter { sentence in paragraphs.filter { $0 == "- " + Self.normalised(sentence) }.count > 1 }
        #expect(repeated.isEmpty, "\(repeated)")
    }

    /// Without the leadership's text the draft says where it is wanted, and `--final` refuses it by name.
    @Test(.enabled(if: hasPythonDocx, "needs python-docx (pip install python-docx)"))
    func aDraftShowsWhatTheLeadershipHasYetToWriteAndFinalRefusesIt() throws {
        let (out, read) = try Self.pack([])
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(read.paragraphs.filter { $0 == "[Nội dung do lãnh đạo bổ sung]" }.count == 3)
        let refused = try CLI.run(["report", OfficeFilesTests.sample, "--out", out.path, "--date", "2024-12-20", "--final"],
                                  environment: ["LANG": "vi_VN.UTF-8"])
        #expect(refused.status == 65)
        let named = "\"Nguyên nhân\", \"Phương hướng, nhiệm vụ\", \"Đề xuất, kiến nghị\""
        #expect(refused.stderr.contains(named), "\(refused.stderr)")
        #expect(refused.stderr.contains("--text"), "\(refused.stderr)")
        // With the leadership's text the same pack goes out.
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let full = try write(Self.leadership, to: "lanh-dao.md", in: folder)
        let signed = try CLI.run(["report", OfficeFilesTests.sample, "--out", out.path, "--date", "2024-12-20", "--final", "--text", full,
                                  "--formats", "pdf"])
        #expect(signed.status == 0, "\(signed.stderr)")
        // A text whose heading names no part is refused at its line, before any work.
        let text = try write("## Nguyên nhân\nDo khách quan.\n\n## Kết luận\nHết.\n", to: "sai.md", in: folder)
        let wrong = try CLI.run(["report", OfficeFilesTests.sample, "--out", folder.path, "--text", text])
        #expect(wrong.status == 65 && wrong.stderr.contains("sai.md:4:") && wrong.stderr.contains("Kết luận"), "\(wrong.stderr)")
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
