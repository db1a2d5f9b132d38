import Foundation
import Testing
@testable import TongKetData

@Suite struct SourceDecoderTests {
    let text = "năm\tđơn vị\tchỉ tiêu\tkế hoạch\tthực hiện\r\n2023\tPhòng 7\tSố vụ phúc thẩm\t70\t74\r\n"

    func utf16(_ text: String, littleEndian: Bool, bom: Bool) -> [UInt8] {
        var bytes: [UInt8] = bom ? (littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]) : []
        for unit in text.utf16 {
            let pair = [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            bytes += littleEndian ? pair : pair.reversed()
        }
        return bytes
    }

    /// The same table in every encoding Excel writes gives the same row.
    @Test(arguments: ["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le-nobom"])
    func everyExcelEncodingReadsTheSameTable(kind: String) throws {
        let bytes: [UInt8]
        switch kind {
        case "utf8": bytes = Array(text.utf8)
        case "utf8-bom": bytes = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        case "utf16le-bom": bytes = utf16(text, littleEndian: true, bom: true)
        case "utf16be-bom": bytes = utf16(text, littleEndian: false, bom: true)
        default: bytes = utf16(text, littleEndian: true, bom: false)
        }
        let result = try TableReader.read([InputFile(name: "k.csv", bytes: bytes)])
        #expect(result.table.units == ["Phòng 7"])
        #expect(result.table.indicators == ["Số vụ phúc thẩm"])
        #expect(result.table.rows.first?.actual == 74)
    }

    /// "năm,đơn vị,chỉ tiêu,kế hoạch,thực hiện / 2023,Phòng 7,Số vụ phúc thẩm,70,74" in
    /// Windows-1258, as `iconv -t CP1258` writes it (tone marks as combining characters).
    static let windows1258: [UInt8] = [
        110, 227, 109, 44, 240, 245, 110, 32, 118, 105, 242, 44, 99, 104, 105, 210, 32, 116, 105, 234, 117, 44, 107,
        234, 236, 32, 104, 111, 97, 242, 99, 104, 44, 116, 104, 253, 242, 99, 32, 104, 105, 234, 242, 110, 10, 50, 48,
        50, 51, 44, 80, 104, 111, 204, 110, 103, 32, 55, 44, 83, 244, 236, 32, 118, 117, 242, 32, 112, 104, 250, 99,
        32, 116, 104, 226, 210, 109, 44, 55, 48, 44, 55, 52, 10,
    ]

    @Test func windows1258IsGuessedWithAWarningAndNormalisedToNFC() throws {
        let result = try TableReader.read([InputFile(name: "ansi.csv", bytes: Self.windows1258)])
        #expect(result.table.units == ["Phòng 7"])
        #expect(result.table.units[0].unicodeScalars.count == "Phòng 7".precomposedStringWithCanonicalMapping.unicodeScalars.count)
        #expect(result.table.indicators == ["Số vụ phúc thẩm"])
        #expect(result.warnings.map(\.description) == ["ansi.csv: warning: not UTF-8; read as WINDOWS-1258. If letters look wrong, give the encoding with --encoding"])
    }

    @Test func aForcedEncodingIsUsedWithoutAWarning() throws {
        let result = try TableReader.read([InputFile(name: "ansi.csv", bytes: Self.windows1258)],
                                          options: ReadOptions(encoding: SourceEncoding(name: "cp1258")))
        #expect(result.warnings.isEmpty)
        #expect(result.table.units == ["Phòng 7"])
    }

    @Test func forcingUTF8OnBytesThatAreNotSaysSo() {
        #expect(problems(bytes: Self.windows1258, options: ReadOptions(encoding: .utf8))
            == ["ketqua.csv: the bytes are not valid UTF-8 text; give the right one with --encoding (for example --encoding windows-1258)"])
    }

    @Test func unknownEncodingNamesAreRejected() {
        #expect(SourceEncoding(name: "no-such-encoding") == nil)
        #expect(SourceEncoding(name: "WINDOWS-1252") == .iconv("WINDOWS-1252"))
    }

    @Test(arguments: [
        ([UInt8](), "the file is empty"),
        (Array("\n\r\n  \n".utf8), "the file is empty"),
        ([0xEF, 0xBB, 0xBF], "the file is empty"),
        // A ZIP is read as a workbook; this one is cut short.
        ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], "the workbook cannot be read (too short to be a ZIP file)"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "old Excel workbook (.xls) or a password-protected one"),
        ([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00], "a binary file"),
    ])
    func whatIsNotACSVIsNamed(bytes: [UInt8], phrase: String) {
        let messages = problems(bytes: bytes)
        #expect(messages.count == 1)
        #expect(messages[0].hasPrefix("ketqua.csv: "))
        #expect(messages[0].contains(phrase), "\(messages)")
    }

    @Test func utf8ValidationAgreesWithTheStandardLibrary() {
        let samples: [[UInt8]] = [
            Array("Thực hiện 1.054 vụ – ổn".utf8), [0xC3, 0x28], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80],
            [0xF4, 0x90, 0x80, 0x80], Array("abcdefghijklmnop".utf8) + [0xFF], [0xF0, 0x9F, 0x98, 0x80],
        ]
        for sample in samples {
            #expect(UTF8Validator.isValid(sample) == (String(validating: sample, as: UTF8.self) != nil), "\(sample)")
        }
    }
}
