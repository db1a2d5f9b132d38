import Foundation
import Testing

/// What the room sees speaks with the office's voice: no command, file, sheet, cell, catalogue or assumption on a
/// page, a slide, a caption or a unit's deck; nothing cut with "…"; never the day the pack was made; a video line
/// per chart, read at most 17 characters a second; the headlines the province missed kept in a short deck.
@Suite struct RoomVoiceTests {
    /// The tool's own words: what `check`, review.md and the speaker notes say, never the room.
    static let toolWords = ["tongket", "check", "danh mục", "giả định", "suy ra", ".csv", ".xlsx", "hau-giang", "catalogue",
                            "…", "`"]

    static let hasTools = FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") && NativeDeckTests.hasPythonPPTX
        && VideoCommandTests.ffprobe != nil

    static func pdfText(_ pdf: URL) throws -> String { try Process.output("/usr/bin/pdftotext", [pdf.path, "-"]) }

    /// The slides' text as python-pptx reads it, without the speaker notes (the analyst's, not the room's).
    static func slideText(_ folder: URL) throws -> String {
        try UnitPackTests.slideTexts(folder.appendingPathComponent("deck.pptx")).joined(separator: "\n")
    }

    /// The document's runs of text, as Word shows them.
    static func docxText(_ docx: URL) throws -> String {
        let script = "import sys\nfrom docx import Document\nd = Document(sys.argv[1])\nprint('\\n'.join(p.text for p in d.paragraphs))\n"
            + "for t in d.tables:\n    for r in t.rows:\n        print(' | '.join(c.text for c in r.cells))\n"
        return try Process.run("/usr/bin/env", ["python3", "-c", script, docx.path]).stdout
    }

    @Test(.enabled(if: hasTools, "needs poppler-utils, python-pptx, python-docx and ffmpeg"))
    func nothingTheRoomSeesSpeaksOfTheTool() throws {
        let root = try temporaryFolder()
        // No --date and no date line in the sample: the clerk's blank, never the day the pack is made.
        let quick = VideoCommandTests.quick.filter { !$0.hasPrefix("--date") && $0 != "2024-01-15" }
        let arguments = ["report", ReportCommandTests.sample, "--units", "--video", "--out", root.path, "--formats", "pdf"]
        let result = try CLI.run(arguments + quick)
        #expect(result.status == 0, "\(result.stderr)")
        let pack = root.appendingPathComponent("hau-giang/2023")
        let units = try FileManager.default.contentsOfDirectory(atPath: pack.appendingPathComponent("units").path)
            .filter { !$0.hasSuffix(".pdf") }.map { pack.appendingPathComponent("units/\($0)") }
        var texts: [(String, String)] = [("deck.pdf", try Self.pdfText(pack.appendingPathComponent("deck.pdf"))),
                                         ("report.docx", try Self.docxText(pack.appendingPathComponent("report.docx"))),
                                         ("deck.pptx", try Self.slideText(pack)),
                                         ("video.srt", try String(contentsOf: pack.appendingPathComponent("video.srt"), encoding: .utf8))]
        for unit in units {
            texts.append((unit.lastPathComponent + "/deck.pdf", try Self.pdfText(unit.appendingPathComponent("deck.pdf"))))
            texts.append((unit.lastPathComponent + "/deck.pptx", try Self.slideText(unit)))
        }
        #expect(units.count == 9)
        let today = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        let (day, month, runYear) = (today.day ?? 0, today.month ?? 0, today.year ?? 0)
        // As the decree writes a date ("ngày 07 tháng 12"), and as it was written before ("ngày 7 tháng 12").
        let runDates = ["ngày \(day < 10 ? "0" : "")\(day) tháng \(month < 3 ? "0" : "")\(month) năm \(runYear)",
                        "ngày \(day) tháng \(month) năm \(runYear)"]
        for (name, text) in texts {
            let folded = text.lowercased()
            for word in Self.toolWords { #expect(!folded.contains(word), "\(name) says \"\(word)\"") }
            // A workbook's cell ("Bieu 01!F14") or a file's line and column ("…:18:3"); the captions' times are no such thing.
            let cell = #"![A-Z]{1,3}[0-9]{1,6}|\]:[0-9]+"#
            let place = name == "video.srt" ? cell : cell + #"|:[0-9]+:[0-9]+"#
            #expect(text.range(of: place, options: .regularExpression) == nil, "\(name): a cell or line")
            #expect(!runDates.contains(where: text.contains), "\(name): the run date")
            // The 2023 review is held in 2024 (the clerk's blank date says so); a later year is the run's.
            if runYear > 2024 { #expect(!text.contains("năm \(runYear)"), "\(name): the run's year") }
            #expect(!text.contains("cÁC"), "\(name): a capital inside a word")
        }
        let report = try Self.docxText(pack.appendingPathComponent("report.docx"))
        #expect(report.contains("ngày      tháng      năm 2024"), "the day and month left for the clerk")
        // What the room does not see is the analyst's, beside the pack.
        let review = try String(contentsOf: pack.appendingPathComponent("review.md"), encoding: .utf8)
        #expect(review.contains("single-unit") && review.contains("hau-giang.csv:"))

        // A line per chart, each its own, read at most 17 characters a second.
        let srt = try String(contentsOf: pack.appendingPathComponent("video.srt"), encoding: .utf8)
        let blocks = srt.components(separatedBy: "\r\n\r\n").filter { !$0.isEmpty }
        var captions: [String] = []
        for block in blocks {
            let lines = block.components(separatedBy: "\r\n")
            #expect(lines.count == 3, "\(block)")
            guard lines.count == 3 else { continue }
            let times = lines[1].components(separatedBy: " --> ").map(Self.seconds)
            try #require(times.count == 2 && times[1] > times[0], "\(lines[1])")
            #expect(Double(lines[2].count) / (times[1] - times[0]) <= 17.01, "\(lines[2]) in \(times[1] - times[0]) s")
            captions.append(lines[2])
        }
        #expect(captions.count >= 4 && Set(captions).count == captions.count, "\(captions)")
    }

    /// "00:00:05,300" → 5.3.
    static func seconds(_ stamp: String) -> Double {
        let parts = stamp.replacingOccurrences(of: ",", with: ".").split(separator: ":").compactMap { Double($0) }
        return parts.count == 3 ? parts[0] * 3600 + parts[1] * 60 + parts[2] : -1
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext"), "needs poppler-utils"))
    func aShortDeckKeepsEveryHeadlineTheProvinceMissed() throws {
        let root = try temporaryFolder()
        let result = try CLI.run(["report", ReportCommandTests.sample, "--max-pages", "6", "--no-office", "--out", root.path,
                                  "--formats", "pdf"])
        #expect(result.status == 0, "\(result.stderr)")
        let deck = root.appendingPathComponent("hau-giang/2023/deck.pdf")
        #expect(try UnitPackTests.pages(deck) == 6)
        // The two headlines the sample's province missed (its catalogue's "trọng tâm"): each on a page of its own
        // or of its field, beyond the tiles that name every headline.
        let pages = try (3...5).map { try Process.output("/usr/bin/pdftotext", ["-f", "\($0)", "-l", "\($0)", deck.path, "-"]) }
        for missed in ["Số vụ án hình sự đã truy tố", "Số đơn khiếu nại, tố cáo đã giải quyết"] {
            #expect(pages.contains { $0.replacingOccurrences(of: "\n", with: " ").contains(missed) }, "\(missed) lost its page")
        }
    }
}
