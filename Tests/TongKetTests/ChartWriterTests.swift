import Foundation
import Testing
import TongKet

/// The library as a Swift program uses it: one import, the walk-through's code, real files.
@Suite struct ChartWriterTests {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Datasets/hau-giang.csv").path

    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tongket-library-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func theSixChartsAreWrittenInEachFormatByTheirExtension() throws {
        let out = try folder()
        defer { try? FileManager.default.removeItem(at: out) }
        let metrics = try Metrics(reading: [Self.sample])
        #expect(metrics.latestYear == 2023)
        let charts = try ChartWriter()
        for kind in ChartKind.allCases {
            for format in OutputFormat.allCases {
                let path = out.appendingPathComponent("\(kind.rawValue).\(format.fileExtension)").path
                try charts.write(kind, of: metrics, indicator: kind.needsIndicator ? "kháng nghị phúc thẩm" : nil, to: path)
                let head = try #require(FileManager.default.contents(atPath: path)).prefix(5)
                let expected: [UInt8] = switch format {
                case .png: [0x89, 0x50, 0x4E, 0x47, 0x0D]
                case .pdf: Array("%PDF-".utf8)
                case .svg: Array("<?xml".utf8)
                }
                #expect(Array(head) == expected, "\(kind) as \(format)")
            }
        }
    }

    @Test func aWrongYearOrIndicatorSaysWhatThereIs() throws {
        let metrics = try Metrics(reading: [Self.sample])
        let charts = try ChartWriter()
        #expect(throws: ChartWriterError.noYear(1999, available: [2021, 2022, 2023])) { try charts.spec(.kpi, of: metrics, year: 1999) }
        #expect { try charts.spec(.trend, of: metrics, indicator: "Số vụ phúc thẩmm xyz") } throws: { error in
            guard case let .noIndicator(_, matches) = error as? ChartWriterError else { return false }
            return matches.contains { $0.contains("phúc thẩm") }
        }
    }

    @Test func aFileThatIsNotAnExportNamesItsProblemAtItsPlace() throws {
        let out = try folder()
        defer { try? FileManager.default.removeItem(at: out) }
        let path = out.appendingPathComponent("ketqua.csv").path
        try Data("Năm,Đơn vị,Chỉ tiêu,Kế hoạch,Thực hiện\n2023,Phòng 1,Số vụ,12,abc\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect { try Metrics(reading: [path]) } throws: { error in
            "\(error)".contains("ketqua.csv:2:") && "\(error)".contains("abc")
        }
    }

    /// The walk-through's own chart (DrawingYourOwnChart.md), as written there.
    @Test func aSpecOfYourOwnIsLaidOutLikeTheBuiltInOnes() throws {
        let out = try folder()
        defer { try? FileManager.default.removeItem(at: out) }
        let metrics = try Metrics(reading: [Self.sample])
        let year = try #require(metrics.latestYear)
        let charts = try ChartWriter()
        let rows = metrics.figureRows(year: year)
            .filter { $0.scope == .province }
            .compactMap { f -> BarPlot.Row? in
                guard let completion = f.completion else { return nil }
                let tone: Tone = f.status == .met ? .met : .notMet
                return BarPlot.Row(label: metrics.table.indicators[Int(f.indicator)],
                                   bars: [BarPlot.Bar(value: completion * 100, tone: tone,
                                                      label: NumberText(.vi).percent(completion))])
            }
        let mine = ChartSpec(
            title: "Toàn tỉnh: tỷ lệ hoàn thành kế hoạch năm \(year)",
            subtitle: "Mỗi chỉ tiêu có kế hoạch, theo thứ tự trong tệp",
            plot: .bars(BarPlot(rows: rows,
                                rule: ReferenceLine(value: 100, label: "Kế hoạch (100 %)"),
                                legend: [LegendEntry("đạt", .met), LegendEntry("không đạt", .notMet)],
                                axis: .percentPoints, minimumUpper: 100)))
        #expect(rows.count >= 10)
        let scene = charts.scene(mine)
        #expect(scene.texts.contains { $0.text == "Kế hoạch (100 %)" })
        #expect(scene.items.allSatisfy { scene.bounds.contains($0.bounds) })
        // One bar per row, in the theme's colours for met and not met.
        let bars = scene.rects.filter { if case .grow = $0.motion { return true } else { return false } }
        #expect(bars.count == rows.count)
        #expect(Set(bars.map(\.fill)).isSubset(of: [Theme.light.met, Theme.light.notMet]))
        try charts.write(mine, to: out.appendingPathComponent("toan-tinh.pdf").path)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("toan-tinh.pdf").path))
    }
}
