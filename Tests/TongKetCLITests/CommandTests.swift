import Foundation
import Testing
import TongKetSample

@Suite struct CommandTests {
    let header = "năm,đơn vị,chỉ tiêu,đơn vị tính,kế hoạch,thực hiện\n"

    @Test func noArgumentsMakesTheSamplesPackInOutputFromAnyFolder() throws {
        let folder = try temporaryFolder()
        let result = try CLI.run([], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Output/hau-giang/2023"))
        #expect(result.stderr.contains(BundledSample.fileName))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Output/hau-giang/2023/deck.pdf").path))
    }

    @Test func summaryPrintsTheTableForPeople() throws {
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Datasets/hau-giang.csv").path
        let result = try CLI.run(["summary", sample])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Phòng 7"))
        #expect(result.stdout.contains("Toàn tỉnh"))
    }

    @Test func checkReportsEveryProblemWithPositionAndExits65() throws {
        let folder = try temporaryFolder()
        let file = try write(header + "2023,Phòng 7,Phúc thẩm,vụ,70,abc\n2023,Phòng 8,Kháng nghị,kháng nghị,-1,3\n", to: "ketqua.csv", in: folder)
        let result = try CLI.run(["check", file])
        #expect(result.status == 65)
        #expect(result.stderr == """
            \(file):2:6: "abc" in column "thực hiện" is not a number
            \(file):3:5: the target -1 in column "kế hoạch" is negative; targets are 0 or more (leave the cell empty when no target was set)

            """)
        #expect(result.stdout.isEmpty)
    }

    @Test func checkOnAGoodFileSaysSoAndExits0() throws {
        let folder = try temporaryFolder()
        let file = try write(header + "2023,Phòng 7,Phúc thẩm,vụ,70,74\n", to: "ketqua.csv", in: folder)
        let result = try CLI.run(["check", file])
        #expect(result.status == 0)
        #expect(result.stdout.contains("1 rows, 1 units, 1 indicators, years 2023: no problems found; no other warnings."))
        #expect(result.stdout.hasSuffix("no indicator catalogue (write one with `tongket init`).\n"))
    }

    @Test func aMissingFileIsExit66() throws {
        let result = try CLI.run(["summary", "/nonexistent/ketqua.csv"])
        #expect(result.status == 66)
        #expect(result.stderr == "/nonexistent/ketqua.csv: no such file; check the name and the folder\n")
    }

    @Test(arguments: [["summary"], ["summary", "x.csv", "--format", "xml"], ["summary", "x.csv", "--number-locale", "fr"], ["frobnicate"], ["summary", "x.csv", "--encoding", "klingon"]])
    func usageErrorsAreExit64(arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(!result.stderr.isEmpty)
    }

    @Test func summaryCSVHasTheContractColumnsWithBOM() throws {
        let folder = try temporaryFolder()
        let file = try write(header + "2022,Phòng 7,\"Phúc thẩm, hình sự\",vụ,60,68\n2023,Phòng 7,\"Phúc thẩm, hình sự\",vụ,70,74\n", to: "k.csv", in: folder)
        let result = try CLI.run(["summary", file, "--format", "csv"])
        #expect(result.status == 0)
        #expect(Array(result.stdoutBytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let lines = String(decoding: result.stdoutBytes.dropFirst(3), as: UTF8.self).split(separator: "\n").map(String.init)
        let before: Double = 68.0 / 60.0, after: Double = 74.0 / 70.0, pct: Double = 6.0 / 68.0
        let points: Double = (after - before) * 100
        let indicator = "\"Phúc thẩm, hình sự\""
        let expected: [String] = [
            "scope,year,period,unit,indicator,parent,measure,direction,target,actual,completion,status,change_status,"
                + "previous_actual,yoy_delta,yoy_pct,completion_change_pp,targets,flags",
            "unit,2022,cả năm,Phòng 7,\(indicator),,vụ,higher,60,68,\(before),met,undefined,,,,,,",
            "unit,2023,cả năm,Phòng 7,\(indicator),,vụ,higher,70,74,\(after),met,undefined,68,6,\(pct),\(points),,",
            "province,2022,cả năm,,\(indicator),,vụ,higher,60,68,\(before),met,undefined,,,,,,",
            "province,2023,cả năm,,\(indicator),,vụ,higher,70,74,\(after),met,undefined,68,6,\(pct),\(points),,",
        ]
        #expect(lines == expected)
    }

    @Test func summaryJSONCarriesTheSameFieldsWithNullForUndefined() throws {
        let folder = try temporaryFolder()
        let file = try write(header + "2023,Phòng 7,Phúc thẩm,vụ,,74\n", to: "k.csv", in: folder)
        let result = try CLI.run(["summary", file, "--format", "json", "--year", "2023"])
        #expect(result.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: result.stdoutBytes) as? [[String: Any]])
        #expect(rows.count == 2)
        #expect(Set(rows[0].keys) == ["scope", "year", "period", "unit", "indicator", "parent", "measure", "direction", "target", "actual",
                                      "completion", "status", "change_status", "previous_actual", "yoy_delta", "yoy_pct",
                                      "completion_change_pp", "targets", "flags"])
        #expect(rows[0]["period"] as? String == "cả năm")
        #expect(rows[0]["flags"] as? String == "")
        #expect(rows[0]["unit"] as? String == "Phòng 7")
        #expect(rows[0]["target"] is NSNull)
        #expect(rows[0]["status"] as? String == "undefined")
        #expect(rows[1]["unit"] is NSNull)
    }

    @Test func theTableFormatsNumbersForTheLanguage() throws {
        let folder = try temporaryFolder()
        let file = try write(header + "2022,Phòng 8,Giảm án,hồ sơ,1000,1000\n2023,Phòng 8,Giảm án,hồ sơ,1000,1054\n", to: "k.csv", in: folder)
        let vi = try CLI.run(["summary", file])
        #expect(vi.stdout.contains("1.054 hồ sơ"))
        #expect(vi.stdout.contains("105,4 %"))
        #expect(vi.stdout.contains("+54 (+5,4 %)"))
        let en = try CLI.run(["summary", file, "--lang", "en"])
        #expect(en.stdout.contains("1,054 hồ sơ"))
        #expect(en.stdout.contains("105.4%"))
        #expect(en.stdout.contains("+54 (+5.4%)"))
    }

    @Test func aFailedRunWritesNoOutputFile() throws {
        let folder = try temporaryFolder()
        let bad = try write(header + "2023,A,X,vụ,1,abc\n", to: "bad.csv", in: folder)
        let out = folder.appendingPathComponent("metrics.csv").path
        let result = try CLI.run(["summary", bad, "--format", "csv", "-o", out])
        #expect(result.status == 65)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["bad.csv"])
    }

    @Test func anUnknownLevelIsAUsageError() throws {
        let folder = try temporaryFolder()
        let file = try write("year,unit,indicator,target,actual,level\n2023,A,X,1,2,district\n", to: "k.csv", in: folder)
        let result = try CLI.run(["summary", file, "--level", "commune"])
        #expect(result.status == 64)
        #expect(result.stderr == "No row has level \"commune\"; levels present: district.\n")
    }

    /// The conformance files lack the indicator columns: rejected cleanly, never a crash.
    @Test(.enabled(if: sharedFolder != nil, "../shared is not beside this checkout"))
    func conformanceFilesAreRejectedAsMissingColumns() throws {
        let shared = try #require(sharedFolder)
        let dir = shared.appendingPathComponent("conformance/csv-spectrum/csvs")
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
            let result = try CLI.run(["check", dir.appendingPathComponent(name).path])
            #expect(result.status == 65, "\(name)")
            #expect(result.stderr.contains("lacks the required column") || result.stderr.contains("empty"), "\(name): \(result.stderr)")
        }
    }

    @Test func versionIsKnown() throws {
        let result = try CLI.run(["--version"])
        #expect(result.status == 0 && result.stdout.split(separator: ".").count == 3)
    }

    @Test func aCommandWithoutFilesShowsItsOwnExample() throws {
        let result = try CLI.run(["check"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("tongket check ketqua-2023.csv"))
        let vi = try CLI.run(["check", "--lang", "vi"])
        #expect(vi.stderr.contains("Hãy nêu ít nhất một tệp CSV"))
    }

    @Test func aSizeWithTrailingTextIsRefused() throws {
        let folder = try temporaryFolder()
        let file = try write(header + "2023,Phòng 7,Phúc thẩm,vụ,70,74\n", to: "ketqua.csv", in: folder)
        let result = try CLI.run(["chart", "kpi", file, "--size", "1280x720x", "-o", folder.appendingPathComponent("k.png").path])
        #expect(result.status == 64 && result.stderr.contains("1280x720x"))
    }

    @Test func aPackOfYearlyFilesIsNamedForWhatTheyShare() throws {
        let folder = try temporaryFolder()
        let files = try (2022...2023).map { try write(header + "\($0),Phòng 7,Phúc thẩm,vụ,70,74\n", to: "ketqua-\($0).csv", in: folder) }
        let result = try CLI.run(["report"] + files + ["--out", folder.path, "--formats", "pdf", "--date", "2024-01-15"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("ketqua/2023/deck.pdf").path))
    }

    // Vietnamese messages: with --lang vi or a Vietnamese locale, the same positions and exit
    // codes, the words a provincial office writes.

    /// `tongket ARGS` in Vietnamese: by `--lang vi`, or by the locale alone.
    private func vietnamese(_ arguments: [String], byLocale: Bool) throws -> CLI.Result {
        byLocale ? try CLI.run(arguments, environment: ["LANG": "vi_VN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
                 : try CLI.run(arguments + ["--lang", "vi"])
    }

    /// The same in English whatever the machine's locale.
    private func english(_ arguments: [String]) throws -> CLI.Result {
        try CLI.run(arguments, environment: ["LANG": "en_US.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
    }

    @Test(arguments: [false, true])
    func badCellsAreReportedInVietnameseAtTheSamePlaces(byLocale: Bool) throws {
        let folder = try temporaryFolder()
        let file = try write(header + "2023,Phòng 7,Phúc thẩm,vụ,70,abc\n2023,Phòng 8,Kháng nghị,kháng nghị,-1,3\n", to: "ketqua.csv", in: folder)
        let result = try vietnamese(["check", file], byLocale: byLocale)
        #expect(result.status == 65)
        #expect(result.stderr == """
            \(file):2:6: lỗi: "abc" ở cột "thực hiện" không phải là số
            \(file):3:5: lỗi: kế hoạch -1 ở cột "kế hoạch" là số âm; kế hoạch phải từ 0 trở lên (để trống ô nếu không giao kế hoạch)

            """)
        #expect(result.stdout.isEmpty)
    }

    @Test(arguments: [false, true])
    func aDuplicateRowIsReportedInVietnamese(byLocale: Bool) throws {
        let folder = try temporaryFolder()
        let file = try write(header + "2023,Phòng 7,Phúc thẩm,vụ,70,74\n2023,Phòng 7,Phúc thẩm,vụ,70,75\n", to: "ketqua.csv", in: folder)
        let result = try vietnamese(["check", file], byLocale: byLocale)
        #expect(result.status == 65)
        #expect(result.stderr == "\(file):3: lỗi: dòng trùng: năm 2023, đơn vị \"Phòng 7\", chỉ tiêu \"Phúc thẩm\" đã có ở dòng 2; chỉ giữ một dòng\n")
        let en = try english(["check", file])
        #expect(en.status == 65)
        #expect(en.stderr == "\(file):3: duplicate row: year 2023, unit \"Phòng 7\", indicator \"Phúc thẩm\" is already on line 2; keep one of them\n")
    }

    @Test(arguments: [false, true])
    func aMissingColumnIsReportedInVietnamese(byLocale: Bool) throws {
        let folder = try temporaryFolder()
        // A sheet may carry no target column (DESIGN §2); a result column it must have.
        let file = try write("năm,đơn vị,chỉ tiêu,kế hoạch\n2023,Phòng 7,Phúc thẩm,74\n", to: "ketqua.csv", in: folder)
        let result = try vietnamese(["summary", file], byLocale: byLocale)
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("\(file):1: lỗi: dòng 1 gần giống dòng tiêu đề nhất nhưng thiếu cột bắt buộc \"thực hiện\" (actual); chỉ thấy \"năm\", \"đơn vị\", \"chỉ tiêu\", \"kế hoạch\". "
            + "TongKet đọc ba dạng bảng"))
        // The header was found on line 1: the message never says "the first row must".
        #expect(!result.stderr.contains("Dòng đầu tiên"))
        let en = try english(["summary", file])
        #expect(en.status == 65)
        #expect(en.stderr.hasPrefix("\(file):1: line 1 comes closest to a header but lacks the required column \"actual\" (thực hiện); found \"năm\", \"đơn vị\", \"chỉ tiêu\", \"kế hoạch\". "))
    }

    @Test(arguments: [false, true])
    func aMissingFileIsReportedInVietnamese(byLocale: Bool) throws {
        let result = try vietnamese(["summary", "/nonexistent/ketqua.csv"], byLocale: byLocale)
        #expect(result.status == 66)
        #expect(result.stderr == "/nonexistent/ketqua.csv: lỗi: không có tệp này; kiểm tra tên tệp và thư mục\n")
        let en = try english(["summary", "/nonexistent/ketqua.csv"])
        #expect(en.stderr == "/nonexistent/ketqua.csv: no such file; check the name and the folder\n")
    }

    @Test(arguments: [false, true])
    func usageErrorsAreInVietnameseAndExit64(byLocale: Bool) throws {
        let folder = try temporaryFolder()
        let file = try write(header + "2023,Phòng 7,Phúc thẩm,vụ,70,74\n", to: "ketqua.csv", in: folder)
        let chart = try vietnamese(["chart", "yoy", file, "-o", folder.appendingPathComponent("yoy.png").path], byLocale: byLocale)
        #expect(chart.status == 64)
        #expect(chart.stderr.contains("Biểu đồ yoy thể hiện một chỉ tiêu: thêm --indicator \"…\"."), "\(chart.stderr)")
        let year = try vietnamese(["summary", file, "--year", "2019"], byLocale: byLocale)
        #expect(year.status == 64)
        #expect(year.stderr == "Không có dòng nào của năm 2019; các tệp có các năm 2023.\n")
        let en = try english(["chart", "yoy", file, "-o", folder.appendingPathComponent("yoy.png").path])
        #expect(en.status == 64 && en.stderr.contains("The yoy chart shows one indicator: add --indicator \"…\"."))
    }
}
