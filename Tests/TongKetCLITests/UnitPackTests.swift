import Foundation
import Testing

/// Each unit's own summary, as its leader presents it: `report --units` / `--unit`.
@Suite struct UnitPackTests {
    static let hasTools = FileManager.default.isExecutableFile(atPath: "/usr/bin/pdfinfo") && NativeDeckTests.hasPythonPPTX

    static func pages(_ pdf: URL) throws -> Int {
        let info = try Process.output("/usr/bin/pdfinfo", [pdf.path])
        return Int(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }?.split(separator: " ").last ?? "") ?? -1
    }

    /// Slide titles and texts as python-pptx reads them: what PowerPoint users get.
    static func slideTexts(_ pptx: URL) throws -> [String] {
        let script = "import sys\nfrom pptx import Presentation\nfor s in Presentation(sys.argv[1]).slides:\n    print(' | '.join(sh.text_frame.text.replace('\\n', ' ') for sh in s.shapes if sh.has_text_frame))\n"
        let result = try Process.run("/usr/bin/env", ["python3", "-c", script, pptx.path])
        return result.stdout.split(separator: "\n").map(String.init)
    }

    @Test(.enabled(if: hasTools, "needs poppler-utils and python-pptx"))
    func everyUnitGetsADeckOfAtMostEightPagesItsSummariesAndALineInTheIndex() throws {
        let root = try temporaryFolder()
        let result = try CLI.run(["report", ReportCommandTests.sample, "--units", "--out", root.path, "--formats", "pdf", "--date", "2024-12-20"])
        #expect(result.status == 0, "\(result.stderr)")
        let units = root.appendingPathComponent("hau-giang/2023/units")
        let folders = try FileManager.default.contentsOfDirectory(atPath: units.path).filter { !$0.hasSuffix(".pdf") }.sorted()
        #expect(folders.count == 9)
        for folder in folders {
            let here = units.appendingPathComponent(folder)
            let count = try Self.pages(here.appendingPathComponent("deck.pdf"))
            #expect((4...8).contains(count), "\(folder): \(count) pages")
            #expect(try Self.slideTexts(here.appendingPathComponent("deck.pptx")).count == count, "\(folder): the .pptx has the PDF's pages")
            for language in ["vi", "en"] { #expect(FileManager.default.fileExists(atPath: here.appendingPathComponent("summary.\(language).md").path)) }
        }
        // Ngã Bảy missed three targets: its pages say where it stands and what it missed.
        let ngaBay = units.appendingPathComponent("vksnd-thanh-pho-nga-bay")
        let slides = try Self.slideTexts(ngaBay.appendingPathComponent("deck.pptx"))
        #expect(slides.first?.contains("VKSND thành phố Ngã Bảy") == true && slides.first?.contains("Báo cáo tóm tắt kết quả đạt được") == true)
        #expect(slides.contains { $0.contains("Vị trí trong các đơn vị cấp huyện") })
        #expect(slides.contains { $0.contains("Tồn tại, hạn chế") })
        #expect(!slides.joined().contains("toàn tỉnh"), "the unit's figures in the province's place, worded for the unit")
        let summary = try String(contentsOf: ngaBay.appendingPathComponent("summary.vi.md"), encoding: .utf8)
        #expect(summary.contains("- Số vụ án hình sự đã truy tố: 67 vụ/112 bị can, giảm 11 vụ (14,1 %), 4 bị can (3,4 %) so với cùng kỳ"))
        // Two offices met 2 of 5: a tie, said as one.
        #expect(summary.contains("VKSND thành phố Ngã Bảy đồng hạng 4/5 (2 đơn vị cùng đạt 40 %) "
                                 + "trong các đơn vị cấp huyện; cả nhóm đạt 19/25 chỉ tiêu (76 %)."))
        #expect(try Self.pages(units.appendingPathComponent("index.pdf")) == 1)
        let manifest = try String(contentsOf: root.appendingPathComponent("hau-giang/2023/manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"path\" : \"units/index.pdf\"") && manifest.contains("\"path\" : \"units/vksnd-thanh-pho-nga-bay/deck.pptx\""))
    }

    @Test(.enabled(if: hasTools, "needs poppler-utils and python-pptx"))
    func aUnitWithNoTargetsOneIndicatorOrALongNameGetsASensibleDeck() throws {
        let folder = try temporaryFolder()
        let long = "Viện kiểm sát nhân dân huyện Châu Thành thuộc tỉnh Hậu Giang cũ"
        let csv = """
            năm,đơn vị,chỉ tiêu,đơn vị tính,kế hoạch,thực hiện
            2023,Huyện A,Số vụ án hình sự đã truy tố,vụ,40,38
            2023,Huyện A,Số đơn đã giải quyết,đơn,30,31
            2024,Huyện A,Số vụ án hình sự đã truy tố,vụ,40,42
            2024,Huyện A,Số đơn đã giải quyết,đơn,30,29
            2023,Huyện B,Số vụ án hình sự đã truy tố,vụ,,12
            2024,Huyện B,Số vụ án hình sự đã truy tố,vụ,,14
            2023,Huyện B,Số đơn đã giải quyết,đơn,,9
            2024,Huyện B,Số đơn đã giải quyết,đơn,,11
            2023,\(long),Số vụ án hình sự đã truy tố,vụ,20,19
            2024,\(long),Số vụ án hình sự đã truy tố,vụ,20,21

            """
        let data = folder.appendingPathComponent("ketqua.csv")
        try Data(csv.utf8).write(to: data)
        let result = try CLI.run(["report", data.path, "--units", "--out", folder.path, "--formats", "pdf", "--date", "2024-12-20"])
        #expect(result.status == 0, "\(result.stderr)")
        let units = folder.appendingPathComponent("ketqua/2024/units")
        // No targets: no page against targets, no standing; its tiles and cùng kỳ say what it did.
        let none = try Self.slideTexts(units.appendingPathComponent("huyen-b/deck.pptx"))
        #expect(none.count == 4 && none.contains { $0.contains("So với cùng kỳ") })
        #expect(!none.contains { $0.contains("so với kế hoạch") || $0.contains("Vị trí") })
        let b = try String(contentsOf: units.appendingPathComponent("huyen-b/summary.vi.md"), encoding: .utf8)
        #expect(b.contains("không có kế hoạch") || b.contains("không đánh giá") || b.contains("Tất cả"))
        // One indicator and a 60-character name: its title whole, one tile, one bar.
        let longFolder = try FileManager.default.contentsOfDirectory(atPath: units.path).first { $0.hasPrefix("vien-kiem-sat") }
        let slides = try Self.slideTexts(units.appendingPathComponent(try #require(longFolder)).appendingPathComponent("deck.pptx"))
        #expect(slides.first?.contains(long) == true)
        #expect((4...8).contains(slides.count))
    }

    @Test func oneUnitByAPartOfItsNameOrCloseMatches() throws {
        let root = try temporaryFolder()
        let one = try CLI.run(["report", ReportCommandTests.sample, "--unit", "Ngã Bảy", "--out", root.path, "--formats", "pdf", "--no-office", "--date", "2024-12-20"])
        #expect(one.status == 0, "\(one.stderr)")
        let units = root.appendingPathComponent("hau-giang/2023/units")
        #expect(try FileManager.default.contentsOfDirectory(atPath: units.path).sorted() == ["index.pdf", "vksnd-thanh-pho-nga-bay"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: units.appendingPathComponent("vksnd-thanh-pho-nga-bay").path).sorted() == ["deck.pdf", "summary.en.md", "summary.vi.md"])
        let several = try CLI.run(["report", ReportCommandTests.sample, "--unit", "VKSND", "--out", root.path, "--lang", "en"])
        #expect(several.status == 64 && several.stderr.contains("is part of 4 units' names") && several.stderr.contains("VKSND thành phố Ngã Bảy"))
        let typo = try CLI.run(["report", ReportCommandTests.sample, "--unit", "Phong 77", "--out", root.path])
        #expect(typo.status == 64 && typo.stderr.contains("Phòng 7"))
    }
}
