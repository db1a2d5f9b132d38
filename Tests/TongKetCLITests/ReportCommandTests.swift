import Foundation
import Testing
import TongKetData

/// The conference pack, made by the real binary.
@Suite(.serialized) struct ReportCommandTests {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Datasets/hau-giang.csv").path

    func files(in folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let base = folder.path + "/"
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return out }
        for case let path as String in walker {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: base + path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { out[path] = FileManager.default.contents(atPath: base + path) }
        }
        return out
    }

    @Test func thePackHoldsEveryFileTheManifestListsAndNoOther() throws {
        let root = try temporaryFolder()
        let result = try CLI.run(["report", Self.sample, "--out", root.path, "--date", "2024-01-15"])
        #expect(result.status == 0, "\(result.stderr)")
        let pack = root.appendingPathComponent("hau-giang/2023")
        let all = try files(in: pack)
        let manifestData = try #require(all["manifest.json"])
        let manifest = try #require(try JSONSerialization.jsonObject(with: manifestData) as? [String: [[String: Any]]])
        let entries = try #require(manifest["files"])
        let listed = Set(entries.compactMap { $0["path"] as? String })
        #expect(listed == Set(all.keys).subtracting(["manifest.json"]))
        #expect(entries.allSatisfy { ($0["alt"] as? String ?? "").count > 20 && ($0["title"] as? String ?? "") != "" })
        #expect(all.keys.contains("deck.pdf") && all.keys.contains("metrics.csv") && all.keys.contains("summary.vi.md") && all.keys.contains("summary.en.md"))
        #expect(all.keys.contains("charts/01-kpi.png") && all.keys.contains("charts/02-scorecard.pdf") && all.keys.contains { $0.hasPrefix("charts/03-heatmap-1") })
        // The deck's pages, each chart once, numbered from 2 (the title is page 1).
        let pages = entries.filter { ($0["path"] as? String)?.hasSuffix(".png") == true }.compactMap { $0["deckPage"] as? Int }.sorted()
        #expect(pages == Array(2..<(2 + pages.count)) && pages.count >= 10)
        #expect(all.keys.allSatisfy { $0.range(of: "^[a-z0-9./-]+$", options: .regularExpression) != nil })
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("hau-giang").path + "/.2023.building-\(0)"))
        // metrics.csv is exactly what `summary --format csv` writes.
        let summary = try CLI.run(["summary", Self.sample, "--format", "csv"])
        #expect(all["metrics.csv"] == summary.stdoutBytes)
        // The narrative's numbers are the figures, in the reports' phrasing.
        let vi = String(decoding: try #require(all["summary.vi.md"]), as: UTF8.self)
        #expect(vi.contains("Số vụ thực hành quyền công tố, kiểm sát xét xử phúc thẩm: "
                            + "74 vụ, tăng 6 vụ (8,8 %) so với cùng kỳ; đạt 105,7 % kế hoạch; số của Phòng 7."))
        #expect(vi.contains("trong giới hạn (trần 5 %)"))
        let en = String(decoding: try #require(all["summary.en.md"]), as: UTF8.self)
        #expect(en.contains("74 vụ, up 6 vụ (8.8%) on last year; 105.7% of target; the figure of Phòng 7."))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/pdfinfo"), "needs poppler-utils"))
    func theDeckIsATitleSlideThenTheChosenChartsThenAClosingPageOnNumberedSixteenByNinePages() throws {
        let root = try temporaryFolder()
        #expect(try CLI.run(["report", Self.sample, "--out", root.path, "--date", "2024-01-15"]).status == 0)
        let pack = root.appendingPathComponent("hau-giang/2023")
        let info = try Process.output("/usr/bin/pdfinfo", [pack.appendingPathComponent("deck.pdf").path])
        let pages = try #require(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) })
        #expect(pages >= 12 && pages <= 25)
        #expect(info.contains("1920 x 1080 pts"))
        let text = try Process.output("/usr/bin/pdftotext", ["-f", "1", "-l", "4", pack.appendingPathComponent("deck.pdf").path, "-"])
        #expect(text.contains("Tổng kết năm 2023"))
        // The office's words: the date as it writes one, and no "TongKet" on any page.
        #expect(text.contains("ngày 15 tháng 01 năm 2024"), "as Nghị định 30/2020 writes a date")
        #expect(text.contains("2 / \(pages)"))
        #expect(text.contains("Kết quả nổi bật") && text.contains("Nguồn: số liệu báo cáo của các đơn vị"))
        let all = try Process.output("/usr/bin/pdftotext", [pack.appendingPathComponent("deck.pdf").path, "-"])
        #expect(!all.contains("TongKet"))
        // Tồn tại, hạn chế after the achievements: the page before the closing one.
        let review = try Process.output("/usr/bin/pdftotext", ["-f", "\(pages - 1)", "-l", "\(pages - 1)", pack.appendingPathComponent("deck.pdf").path, "-"])
        #expect(review.contains("Tồn tại, hạn chế"))
        let closing = try Process.output("/usr/bin/pdftotext", ["-f", "\(pages)", "-l", "\(pages)", pack.appendingPathComponent("deck.pdf").path, "-"])
        #expect(closing.contains("Xin trân trọng cảm ơn!"))
    }

    @Test func theSameInputAndDateGiveByteIdenticalPacks() throws {
        let a = try temporaryFolder(), b = try temporaryFolder()
        #expect(try CLI.run(["report", Self.sample, "--out", a.path, "--date", "2024-01-15", "--formats", "png,pdf,svg"]).status == 0)
        #expect(try CLI.run(["report", Self.sample, "--out", b.path, "--date", "2024-01-15", "--formats", "png,pdf,svg"]).status == 0)
        let first = try files(in: a), second = try files(in: b)
        #expect(first.count > 100)
        #expect(first == second)
    }

    @Test func aFailedRunLeavesThePreviousPackUntouched() throws {
        let root = try temporaryFolder()
        #expect(try CLI.run(["report", Self.sample, "--out", root.path, "--date", "2024-01-15"]).status == 0)
        let before = try files(in: root)
        let bad = try write("năm,đơn vị,chỉ tiêu,kế hoạch,thực hiện\n2023,Phòng 7,X,1,abc\n", to: "hau-giang.csv", in: try temporaryFolder())
        let result = try CLI.run(["report", bad, "--out", root.path])
        #expect(result.status == 65)
        #expect(try files(in: root) == before)
    }

    /// A regular file where the pack's year folder goes is the user's: never deleted, one line, exit 73.
    @Test func aFileWhereThePackGoesIsNeverReplaced() throws {
        let root = try temporaryFolder()
        let year = root.appendingPathComponent("hau-giang/2023")
        try FileManager.default.createDirectory(at: year.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("the user's own notes\n".utf8).write(to: year)
        let result = try CLI.run(["report", Self.sample, "--out", root.path, "--lang", "en"])
        #expect(result.status == 73, "\(result.stderr)")
        #expect(result.stderr.contains("a file is where the pack's folder goes, and it is not replaced"), "\(result.stderr)")
        #expect(try String(contentsOf: year, encoding: .utf8) == "the user's own notes\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: year.deletingLastPathComponent().path) == ["2023"])
    }

    @Test func hostileNamesNeverLeaveTheOutputFolder() throws {
        let root = try temporaryFolder()
        let csv = "year,unit,indicator,target,actual\n"
            + "2022,../../etc/passwd,../../../tmp/evil,1,1\n2023,../../etc/passwd,../../../tmp/evil,1,2\n"
            + "2023,CON,/tmp/x,1,1\n2023,\"Tổ 1/Phòng 7\",\"Tổ 1/Phòng 7\",2,1\n"
            + "2023,LPT1,NUL.txt,1,1\n2023,\"\u{7}Phòng\u{1B}[31m\",\"\\\\server\\share\u{7F}x\",1,1\n"
            + "2023,\(String(repeating: "Đơn vị rất dài ", count: 90)),\(String(repeating: "../", count: 300))x,1,1\n"
        let input = try write(csv, to: "../hostile.csv".replacingOccurrences(of: "../", with: ""), in: try temporaryFolder())
        let result = try CLI.run(["report", input, "--out", root.path, "--date", "2024-01-15"])
        #expect(result.status == 0, "\(result.stderr)")
        let written = try files(in: root)
        #expect(!written.isEmpty)
        #expect(written.keys.allSatisfy { ($0.hasPrefix("hostile/2023/") || $0 == "hostile/.2023.lock") && !$0.contains("..") })
        #expect(written.keys.allSatisfy { $0.range(of: "^[a-z0-9./-]+$", options: .regularExpression) != nil && $0.count < 120 })
        #expect(!FileManager.default.fileExists(atPath: "/tmp/evil.png") && !FileManager.default.fileExists(atPath: "/tmp/x.png"))
    }
}
