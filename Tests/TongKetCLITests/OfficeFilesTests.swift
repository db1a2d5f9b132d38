import Foundation
import Testing

/// deck.pptx, report.docx and metrics.xlsx as their users' programs see them: the package
/// rules PowerPoint enforces (checked by Python's own zip and XML readers, not ours), then
/// LibreOffice opening each file and printing it, and the workbook's numbers read back.
@Suite(.serialized) struct OfficeFilesTests {
    static let sample = ReportCommandTests.sample
    static let soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].first(where: FileManager.default.isExecutableFile)
    /// LibreOffice opens presentations and documents only with its Impress and Writer parts.
    static let impressAndWriter = FileManager.default.fileExists(atPath: "/usr/lib/libreoffice/program/libsdlo.so")
        && FileManager.default.fileExists(atPath: "/usr/lib/libreoffice/program/libswlo.so")

    static let pack: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tongket-office-\(getpid())")
        // A failed run leaves no pack, and every test then says which file is missing.
        _ = try? CLI.run(["report", sample, "--out", root.path, "--date", "2024-01-15", "--formats", "png"])
        return root.appendingPathComponent("hau-giang/2023")
    }()

    /// The Open XML package rules, in Python: every part has exactly one content type and no
    /// override names a missing part, every relationship's target exists, the slide layouts
    /// and master point at each other, the theme has its three fill, line, effect and
    /// background styles. Prints "ok" and counts, or the first broken rule.
    static let validator = #"""
    import sys, zipfile, posixpath, xml.dom.minidom as m
    z = zipfile.ZipFile(sys.argv[1]); names = set(z.namelist())
    assert z.namelist()[0] == '[Content_Types].xml', 'content types first'
    ct = m.parseString(z.read('[Content_Types].xml'))
    defaults = {e.getAttribute('Extension').lower() for e in ct.getElementsByTagName('Default')}
    overrides = {e.getAttribute('PartName')[1:] for e in ct.getElementsByTagName('Override')}
    missing = overrides - names
    assert not missing, 'override without part: %s' % missing
    for n in names:
        if n == '[Content_Types].xml' or n.endswith('/'): continue
        assert n in overrides or n.rsplit('.', 1)[-1].lower() in defaults, 'no content type: ' + n
        if n.endswith('.xml') or n.endswith('.rels'): m.parseString(z.read(n))
    rels = 0
    for n in names:
        if not n.endswith('.rels'): continue
        base = posixpath.dirname(posixpath.dirname(n))
        for r in m.parseString(z.read(n)).getElementsByTagName('Relationship'):
            if r.getAttribute('TargetMode') == 'External': continue
            t = posixpath.normpath(posixpath.join(base, r.getAttribute('Target')))
            assert t in names, '%s: target %s missing' % (n, t); rels += 1
    out = ['ok', 'rels=%d' % rels]
    # Word refuses properties out of the schema's order: check every paragraph's and run's.
    order = {'w:pPr': 'pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange',
             'w:rPr': 'rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath'}
    for n in names:
        if not (n.startswith('word/') and n.endswith('.xml')): continue
        doc = m.parseString(z.read(n))
        for tag, names_ in order.items():
            rank = {k: i for i, k in enumerate(names_.split())}
            for e in doc.getElementsByTagName(tag):
                kids = [c.tagName[2:] for c in e.childNodes if c.nodeType == 1]
                ranks = [rank.get(k, -1) for k in kids]
                assert -1 not in ranks and ranks == sorted(ranks), '%s: %s children out of order: %s' % (n, tag, kids)
    if 'ppt/presentation.xml' in names:
        layout = z.read('ppt/slideLayouts/_rels/slideLayout1.xml.rels').decode()
        assert 'slideMasters/slideMaster1.xml' in layout, 'layout not linked to its master'
        master = z.read('ppt/slideMasters/_rels/slideMaster1.xml.rels').decode()
        assert 'slideLayouts/slideLayout1.xml' in master and 'theme/theme1.xml' in master, 'master not linked to layout and theme'
        theme = m.parseString(z.read('ppt/theme/theme1.xml'))
        for lst, kids in [('a:fillStyleLst', 3), ('a:lnStyleLst', 3), ('a:effectStyleLst', 3), ('a:bgFillStyleLst', 3)]:
            e = theme.getElementsByTagName(lst)[0]
            assert len([c for c in e.childNodes if c.nodeType == 1]) >= kids, lst
        slides = sorted(n for n in names if n.startswith('ppt/slides/slide'))
        notes = [n for n in names if n.startswith('ppt/notesSlides/notesSlide')]
        out += ['slides=%d' % len(slides), 'notes=%d' % len(notes)]
        text = ''.join(t.firstChild.data for n in notes for t in m.parseString(z.read(n)).getElementsByTagName('a:t') if t.firstChild)
        out.append('notes_chars=%d' % len(text))
        descr = [p.getAttribute('descr') for n in slides for p in m.parseString(z.read(n)).getElementsByTagName('p:cNvPr') if p.getAttribute('descr')]
        out.append('described=%d' % len(descr))
    print(' '.join(out))
    """#

    func validate(_ file: String) throws -> String {
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("tongket-opc-\(getpid()).py")
        try Data(Self.validator.utf8).write(to: script)
        let result = try Process.run("/usr/bin/env", ["python3", script.path, Self.pack.appendingPathComponent(file).path])
        #expect(result.status == 0, "\(file): \(result.stderr)")
        return result.stdout
    }

    @Test(arguments: ["deck.pptx", "report.docx", "metrics.xlsx"])
    func everyPartHasItsContentTypeAndEveryRelationshipItsTarget(file: String) throws {
        let summary = try validate(file)
        #expect(summary.hasPrefix("ok "), "\(summary)")
        if file == "deck.pptx" {
            let pages = try #require(try manifest().first { $0["path"] as? String == "deck.pdf" }?["alt"] as? String)
            let count = try #require(Int(pages.split(separator: " ").first { Int($0) != nil } ?? ""))
            #expect(summary.contains("slides=\(count) notes=\(count)"), "\(summary)")
            // Every page has its alt text (a page of small multiples one per chart); the notes say what each page shows.
            let counted = summary.split(whereSeparator: \.isWhitespace).first { $0.hasPrefix("described=") }
            let described = Int(counted?.dropFirst(10) ?? "") ?? 0
            #expect(described >= count, "\(summary)")
            let chars = Int(summary.split(separator: " ").first { $0.hasPrefix("notes_chars=") }?.dropFirst(12) ?? "") ?? 0
            #expect(chars > 100 * (count - 2))
        }
    }

    func manifest() throws -> [[String: Any]] {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.pack.appendingPathComponent("manifest.json"))) as? [String: Any]
        return try #require(json?["files"] as? [[String: Any]])
    }

    /// LibreOffice, headless, prints each file to PDF; `pdftotext` reads what it printed.
    func printed(_ file: String) throws -> (pages: Int, text: String) {
        let out = try temporaryFolder()
        let soffice = try #require(Self.soffice)
        let profile = "-env:UserInstallation=file://" + out.appendingPathComponent("profile").path
        let result = try Process.run(soffice, [profile, "--headless", "--convert-to", "pdf", "--outdir", out.path, Self.pack.appendingPathComponent(file).path])
        #expect(result.status == 0, "\(result.stderr)")
        let pdf = out.appendingPathComponent((file as NSString).deletingPathExtension + ".pdf").path
        let info = try Process.output("/usr/bin/pdfinfo", [pdf])
        let pages = Int(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }?.dropFirst(6).trimmingCharacters(in: .whitespaces) ?? "") ?? 0
        return (pages, try Process.output("/usr/bin/pdftotext", [pdf, "-"]))
    }

    @Test(.enabled(if: soffice != nil && impressAndWriter, "needs LibreOffice with Impress and Writer (libreoffice-impress-nogui, libreoffice-writer-nogui)"))
    func theDeckOpensInLibreOfficeWithEverySlideAndTitle() throws {
        let (pages, printedText) = try printed("deck.pptx")
        let text = printedText.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let deck = try Process.output("/usr/bin/pdfinfo", [Self.pack.appendingPathComponent("deck.pdf").path])
        #expect(deck.contains("Pages:           \(pages)") || deck.contains("Pages:          \(pages)"))
        #expect(text.contains("Kết quả nổi bật toàn tỉnh năm 2023"))
        #expect(text.contains("Tồn tại, hạn chế: các chỉ tiêu chưa đạt kế hoạch"))
        #expect(text.contains("Xin trân trọng cảm ơn!"))
    }

    /// Every text box of deck.pptx holds its text as LibreOffice sets it: each box's words, found
    /// in the PDF LibreOffice prints (`pdftotext -bbox`), lie inside the box python-pptx reads.
    @Test(.enabled(if: soffice != nil && impressAndWriter, "needs LibreOffice with Impress (libreoffice-impress-nogui)"))
    func noTextBoxOverflowsAsLibreOfficeSetsIt() throws {
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let soffice = try #require(Self.soffice)
        let profile = "-env:UserInstallation=file://" + out.appendingPathComponent("profile").path
        let deck = Self.pack.appendingPathComponent("deck.pptx").path
        let printed = try Process.run(soffice, [profile, "--headless", "--convert-to", "pdf", "--outdir", out.path, deck])
        #expect(printed.status == 0, "\(printed.stderr)")
        let script = #"""
        import sys, re, subprocess, html
        from pptx import Presentation
        from pptx.util import Emu
        pres = Presentation(sys.argv[1])
        scale = 72 / 914400
        bbox = subprocess.run(['pdftotext', '-bbox', sys.argv[2], '-'], capture_output=True, text=True, check=True).stdout
        pages = [[(float(a), float(b), float(c), float(d), html.unescape(w)) for a, b, c, d, w in
                  re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page)]
                 for page in bbox.split('<page ')[1:]]
        boxes = overflow = 0
        for n, (slide, words) in enumerate(zip(pres.slides, pages)):
            for sh in slide.shapes:
                if not sh.has_text_frame or not sh.text_frame.text.strip(): continue
                wanted = sh.text_frame.text.split()
                left, top = sh.left * scale, sh.top * scale
                right, bottom = left + sh.width * scale, top + sh.height * scale
                # The box's words where they run in the page's order; the first place they all do.
                for i in range(len(words) - len(wanted) + 1):
                    if [w[4] for w in words[i:i + len(wanted)]] == wanted:
                        boxes += 1
                        for x0, y0, x1, y1, w in words[i:i + len(wanted)]:
                            # A word's box is its font's whole height: a tenth of it may pass the edge.
                            slack = max(2, (y1 - y0) / 10)
                            if x0 < left - slack or x1 > right + slack or y0 < top - slack or y1 > bottom + slack:
                                overflow += 1
                                print('slide %d, %s: "%s" at %.0f,%.0f-%.0f,%.0f outside %.0f,%.0f-%.0f,%.0f'
                                      % (n + 1, sh.name, w, x0, y0, x1, y1, left, top, right, bottom))
                        break
        print('boxes=%d overflow=%d' % (boxes, overflow))
        """#
        let file = out.appendingPathComponent("overflow.py")
        try Data(script.utf8).write(to: file)
        let result = try Process.run("/usr/bin/env", ["python3", file.path, deck, out.appendingPathComponent("deck.pdf").path])
        #expect(result.status == 0, "\(result.stderr)")
        let boxes = Int(result.stdout.split(separator: "\n").last?.split(separator: " ").first?.dropFirst(6) ?? "") ?? 0
        #expect(boxes > 40 && result.stdout.hasSuffix("overflow=0\n"), "\(result.stdout)")
    }

    @Test(.enabled(if: soffice != nil && impressAndWriter, "needs LibreOffice with Impress and Writer (libreoffice-impress-nogui, libreoffice-writer-nogui)"))
    func theReportOpensInLibreOfficeWithHeadingsCaptionsChartsAndTables() throws {
        let (pages, printedText) = try printed("report.docx")
        // Whitespace normalised: another font may wrap a table header ("So với\nnăm 2022").
        let text = printedText.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(pages >= 5)
        for heading in ["BÁO CÁO", "Tổng kết công tác năm 2023", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                        "Kết quả nổi bật",
                        "Kết quả theo đơn vị", "Tồn tại, hạn chế"] {
            #expect(text.contains(heading), "\(heading)")
        }
        #expect(text.contains("Biểu đồ 1. Kết quả nổi bật toàn tỉnh năm 2023"))
        #expect(text.contains("Chỉ tiêu") && text.contains("Kế hoạch") && text.contains("So với năm"))
        // Page numbers at the top, from page 2; no page without text (a break that leaves one blank).
        #expect(printedText.contains("\u{0C}2\n"))
        let printedPages = printedText.split(separator: "\u{0C}", omittingEmptySubsequences: false).dropLast()
        #expect(printedPages.count == pages && printedPages.allSatisfy { $0.contains { $0.isLetter } })
    }

    /// The workbook's units sheet, read back by LibreOffice as raw values, against metrics.csv.
    @Test(.enabled(if: soffice != nil, "needs LibreOffice (libreoffice-calc-nogui)"))
    func theWorkbookReadsBackWithTheSameNumbers() throws {
        let out = try temporaryFolder()
        let soffice = try #require(Self.soffice)
        let profile = "-env:UserInstallation=file://" + out.appendingPathComponent("profile").path
        // Comma-separated, UTF-8, values as stored rather than as shown.
        let result = try Process.run(soffice, [profile, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false",
                                               "--outdir", out.path, Self.pack.appendingPathComponent("metrics.xlsx").path])
        #expect(result.status == 0, "\(result.stderr)")
        let csv = try String(contentsOf: out.appendingPathComponent("metrics.csv"), encoding: .utf8)
        let rows = csv.split(separator: "\n").map { CSVLine.cells(String($0), delimiter: ",") }
        #expect(rows.first?.prefix(3) == ["Năm", "Đơn vị", "Chỉ tiêu"])
        let metrics = try String(contentsOf: Self.pack.appendingPathComponent("metrics.csv"), encoding: .utf8)
        let reference = metrics.split(separator: "\n").dropFirst().map { CSVLine.cells(String($0), delimiter: ",") }.filter { $0.first == "unit" }
        #expect(rows.count - 1 == reference.count)
        // A percentage cell comes back as its value with a "%" after it: 0.5 is "50%".
        func number(_ text: String) -> Double? { text.hasSuffix("%") ? Double(text.dropLast()).map { $0 / 100 } : Double(text) }
        for (row, expected) in zip(rows.dropFirst(), reference) {
            // year, unit, indicator; target, actual, completion, change as numbers.
            // metrics.csv: scope, year, period, unit, indicator, parent, measure, direction, target, actual, completion, status, …
            #expect(row[0] == expected[1] && row[1] == expected[3] && row[2] == expected[4])
            // A rate's or a ceiling's completion is never shown (it is judged against its threshold or limit).
            let judgedApart = expected[6] == "%" || expected[7] == "lower"
            for (column, source) in [(5, 8), (6, 9), (7, 10), (9, 13), (10, 14), (11, 15)] {
                let a = number(row[column]), b = column == 7 && judgedApart ? nil : Double(expected[source])
                #expect(a == b || (a != nil && b != nil && abs(a! - b!) < 1e-9 * max(1, abs(b!))), "\(row) vs \(expected)")
            }
        }
    }
}
