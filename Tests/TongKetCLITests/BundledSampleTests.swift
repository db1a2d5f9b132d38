import Foundation
import Testing
import TongKetData
import TongKetSample

@Suite struct BundledSampleTests {
    static let datasets = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Datasets")

    @Test func theExecutableCarriesTheDatasetsFileByteForByte() throws {
        let onDisk = try Data(contentsOf: Self.datasets.appendingPathComponent(BundledSample.fileName))
        #expect([UInt8](onDisk) == BundledSample.bytes)
    }

    @Test func theSampleLoadsWithoutProblems() throws {
        let result = try CLI.run(["check", Self.datasets.appendingPathComponent(BundledSample.fileName).path])
        #expect(result.status == 0, "\(result.stderr)")
        // Only the note that says how the file was read: no warning, no error.
        #expect(result.stderr.split(separator: "\n").allSatisfy { $0.contains(": note: a long table, header on line 1") }, "\(result.stderr)")
    }

    /// The figures the sample takes from the published 2023 review (Datasets/README.md).
    @Test func theSampleHoldsThePublishedFigures() throws {
        let result = try CLI.run(["summary", Self.datasets.appendingPathComponent(BundledSample.fileName).path,
                                  "--format", "csv", "--year", "2023"])
        #expect(result.status == 0)
        let rows = CSVTokenizer.records(in: Array(result.stdoutBytes.dropFirst(3)), delimiter: UInt8(ascii: ",")).records
        func actual(_ unit: String, _ indicatorPrefix: String) -> [String] {
            rows.filter { $0.count > 8 && $0[0] == "unit" && $0[3] == unit && $0[4].hasPrefix(indicatorPrefix) }.map { $0[9] }
        }
        #expect(actual("Phòng 7", "Số vụ") == ["74"])
        #expect(actual("Phòng 7", "Số bị cáo") == ["157"])
        #expect(Set(actual("Phòng 8", "Số cuộc")) == ["9", "3"])
        #expect(actual("Phòng 8", "Số kháng nghị") == ["3"])
        #expect(actual("Phòng 8", "Số kiến nghị") == ["12"])
        #expect(actual("Phòng 8", "Số hồ sơ") == ["1054"])
        #expect(actual("Văn phòng tổng hợp", "Số video") == ["21"])
        let vptThisYear = rows.filter { $0.count > 10 && $0[0] == "unit" && $0[3] == "Văn phòng tổng hợp" && $0[11] != "undefined" }
        #expect(!vptThisYear.isEmpty && vptThisYear.allSatisfy { $0[11] == "met" })
    }
}
