import Foundation
import Testing
import TongKetData

/// TCVN3 (ABC, .VnTime) and VNI-Times text, as the bytes of a legacy file and as a spreadsheet
/// shows those bytes (one Windows-1252 character each), back to Unicode; and telling the two
/// apart from Unicode text.
@Suite struct LegacyVietnameseTests {
    static let words = [
        "Tổng cộng", "Tổng hợp", "Việt Nam", "Hậu Giang", "thực hiện", "kế hoạch",
        "Đơn vị", "chỉ tiêu", "Phòng", "huyện", "tử vong", "nghèo",
    ]

    static let headerRow = "STT | Đơn vị | Chỉ tiêu | ĐVT | Kế hoạch | Thực hiện | Ghi chú"

    static let unitNames = """
        Thành phố Vị Thanh; Thành phố Ngã Bảy; Thị xã Long Mỹ; Huyện Châu Thành; \
        Huyện Châu Thành A; Huyện Phụng Hiệp; Huyện Vị Thủy; Huyện Long Mỹ
        """

    // MARK: Round trips

    @Test(arguments: words)
    func tcvn3RoundTrip(word: String) throws {
        let bytes = try #require(FontEncoder.tcvn3(word))
        #expect(LegacyVietnamese.tcvn3.decode(bytes: bytes) == word)
        #expect(LegacyVietnamese.tcvn3.decode(FontEncoder.shown(bytes)) == word)
    }

    @Test(arguments: words)
    func vniRoundTrip(word: String) throws {
        let bytes = try #require(FontEncoder.vni(word))
        #expect(LegacyVietnamese.vni.decode(bytes: bytes) == word)
        #expect(LegacyVietnamese.vni.decode(FontEncoder.shown(bytes)) == word)
    }

    @Test func vniCapitalsRoundTrip() throws {
        for word in ["TỔNG CỘNG", "ĐƠN VỊ", "THỰC HIỆN", "KẾ HOẠCH", "HUYỆN VỊ THỦY", "NGHÈO", "TỬ VONG"] {
            let bytes = try #require(FontEncoder.vni(word))
            #expect(LegacyVietnamese.vni.decode(bytes: bytes) == word)
        }
    }

    /// Every toned lowercase letter and the seven capitals of the normal TCVN3 font, and every
    /// letter in VNI, one at a time.
    @Test func wholeAlphabetRoundTrips() throws {
        let lowercase = "aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵđ"
        for letter in lowercase + "ĂÂÊÔƠƯĐ" {
            let bytes = try #require(FontEncoder.tcvn3(String(letter)))
            #expect(LegacyVietnamese.tcvn3.decode(bytes: bytes) == String(letter))
        }
        for letter in lowercase + lowercase.uppercased() {
            let bytes = try #require(FontEncoder.vni(String(letter)))
            #expect(LegacyVietnamese.vni.decode(bytes: bytes) == String(letter), "\(letter)")
        }
    }

    // MARK: Literal text as it shows

    @Test(arguments: [
        ("Tæng hîp", "Tổng hợp"),
        ("Tæng céng", "Tổng cộng"),
        ("ViÖt Nam", "Việt Nam"),
        ("HËu Giang", "Hậu Giang"),
        ("§¬n vÞ", "Đơn vị"),
        ("\u{201C}Tæng céng\u{201D} \u{2013} 2023", "\u{201C}Tổng cộng\u{201D} \u{2013} 2023"),
    ])
    func tcvn3AsItShows(shown: String, text: String) {
        #expect(LegacyVietnamese.tcvn3.decode(shown) == text)
    }

    @Test(arguments: [
        ("Toång hôïp", "Tổng hợp"),
        ("Toång coäng", "Tổng cộng"),
        ("Xin chaøo caùc baïn", "Xin chào các bạn"),
        ("Vieät Nam", "Việt Nam"),
        ("Haäu Giang", "Hậu Giang"),
        ("Ñôn vò", "Đơn vị"),
        ("TOÅNG COÄNG", "TỔNG CỘNG"),
        ("ÑÔN VÒ", "ĐƠN VỊ"),
    ])
    func vniAsItShows(shown: String, text: String) {
        #expect(LegacyVietnamese.vni.decode(shown) == text)
    }

    @Test func headerAsItShowsMatchesTheEncoders() throws {
        let tcvn3 = FontEncoder.shown(try #require(FontEncoder.tcvn3(Self.headerRow)))
        let vni = FontEncoder.shown(try #require(FontEncoder.vni(Self.headerRow)))
        #expect(tcvn3 == "STT | §¬n vÞ | ChØ tiªu | §VT | KÕ ho¹ch | Thùc hiÖn | Ghi chó")
        #expect(vni == "STT | Ñôn vò | Chæ tieâu | ÑVT | Keá hoaïch | Thöïc hieän | Ghi chuù")
        #expect(LegacyVietnamese.tcvn3.decode(tcvn3) == Self.headerRow)
        #expect(LegacyVietnamese.vni.decode(vni) == Self.headerRow)
    }

    @Test func unicodeTextPassesThrough() {
        #expect(LegacyVietnamese.tcvn3.decode("Tổng 2023") == "Tổng 2023")
        #expect(LegacyVietnamese.vni.decode("Total, 2023") == "Total, 2023")
    }

    // MARK: NFC

    @Test func resultIsNFC() throws {
        for encoding in LegacyVietnamese.allCases {
            for text in Self.words + [Self.headerRow, Self.unitNames] {
                let bytes = try #require(encoding == .tcvn3 ? FontEncoder.tcvn3(text) : FontEncoder.vni(text))
                for decoded in [encoding.decode(bytes: bytes), encoding.decode(FontEncoder.shown(bytes))] {
                    #expect(Array(decoded.unicodeScalars)
                        == Array(decoded.precomposedStringWithCanonicalMapping.unicodeScalars))
                }
            }
        }
        // A VNI mark stack below-then-above composes to one scalar.
        #expect(Array(LegacyVietnamese.vni.decode("aä").unicodeScalars) == ["\u{1EAD}"])
        #expect(Array(LegacyVietnamese.vni.decode("öï").unicodeScalars) == ["\u{1EF1}"])
    }

    // MARK: Detection

    @Test func detectsTCVN3() throws {
        for text in [Self.headerRow, Self.unitNames, "Tæng céng", "Tæng hîp"] {
            let shown = text.hasPrefix("Tæ") ? text : FontEncoder.shown(try #require(FontEncoder.tcvn3(text)))
            #expect(LegacyVietnamese.detect(shown) == .tcvn3, "\(shown)")
        }
    }

    @Test func detectsVNI() throws {
        for text in [Self.headerRow, Self.unitNames, "TỔNG CỘNG", "Tổng hợp"] {
            let shown = FontEncoder.shown(try #require(FontEncoder.vni(text)))
            #expect(LegacyVietnamese.detect(shown) == .vni, "\(shown)")
        }
    }

    @Test(arguments: [
        headerRow,
        unitNames,
        "Tổng cộng",
        "Báo cáo kết quả thực hiện các chỉ tiêu kinh tế – xã hội năm 2023 của tỉnh Hậu Giang; "
            + "tỷ lệ hộ nghèo giảm, số ca tử vong do tai nạn giao thông giảm.",
        "Chỉ tiêu | Kế hoạch | Thực hiện | Ghi chú | Đơn vị | Tỷ lệ (%) | Hà Nội | Cà Mau",
        "Total",
        "Department of Health",
        "Café Zoë",
        "Crème brûlée, São Paulo, Zürich, Ångström, 10 µm, © 2024, naïve façade, José, Noël",
        "",
    ])
    func ordinaryTextIsNotLegacy(text: String) {
        #expect(LegacyVietnamese.detect(text) == nil)
        // Nor its NFD spelling.
        #expect(LegacyVietnamese.detect(text.decomposedStringWithCanonicalMapping) == nil)
    }

    /// Every row of the bundled Hậu Giang sample: as Unicode and as UTF-8 misread as
    /// Windows-1252 it is not legacy; written in either font it is detected as that font and
    /// decodes back exactly. (Rows with a toned capital, such as "Ủy ban", are not writable in
    /// the normal TCVN3 font and are skipped there.)
    @Test func bundledSampleRows() throws {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("Datasets/hau-giang.csv"), encoding: .utf8)
        let rows = text.split(separator: "\n").map(String.init)
        #expect(rows.count > 100)
        var tcvn3Rows = 0
        for row in rows {
            #expect(LegacyVietnamese.detect(row) == nil, "\(row)")
            #expect(LegacyVietnamese.detect(FontEncoder.windows1252(Array(row.utf8))) == nil, "\(row)")
            let vni = FontEncoder.shown(try #require(FontEncoder.vni(row)))
            #expect(LegacyVietnamese.detect(vni) == .vni, "\(vni)")
            #expect(LegacyVietnamese.vni.decode(vni) == row)
            if let bytes = FontEncoder.tcvn3(row) {
                tcvn3Rows += 1
                let shown = FontEncoder.shown(bytes)
                #expect(LegacyVietnamese.detect(shown) == .tcvn3, "\(shown)")
                #expect(LegacyVietnamese.tcvn3.decode(shown) == row)
                #expect(LegacyVietnamese.tcvn3.decode(bytes: bytes) == row)
            }
        }
        #expect(tcvn3Rows > 100)
        #expect(LegacyVietnamese.detect(FontEncoder.windows1252(Array(text.utf8))) == nil)
    }
}

/// An encoder written independently of the decoder's tables: TCVN3 as one row of bytes per
/// vowel (plain, huyền, hỏi, ngã, sắc, nặng), VNI from the letter's decomposition.
private enum FontEncoder {
    /// Windows-1252 0x80–0x9F (its five undefined bytes as the C1 controls).
    static let windows1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x192, 0x201E, 0x2026, 0x2020, 0x2021, 0x2C6, 0x2030, 0x160, 0x2039, 0x152, 0x8D, 0x17D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x2DC, 0x2122, 0x161, 0x203A, 0x153, 0x9D, 0x17E, 0x178,
    ]

    /// Each byte as the one character a Windows-1252 reading shows.
    static func windows1252(_ bytes: [UInt8]) -> String {
        String(String.UnicodeScalarView(bytes.map { byte in
            (0x80...0x9F).contains(byte) ? Unicode.Scalar(windows1252High[Int(byte) - 0x80])! : Unicode.Scalar(byte)
        }))
    }

    /// Legacy bytes as a spreadsheet shows them.
    static func shown(_ bytes: [UInt8]) -> String { windows1252(bytes) }

    /// Punctuation such as "–" and "“" that both fonts keep at its Windows-1252 byte.
    static func punctuationByte(_ letter: Character) -> UInt8? {
        guard letter.unicodeScalars.count == 1, let value = letter.unicodeScalars.first?.value,
              let index = windows1252High.firstIndex(of: value) else { return nil }
        return UInt8(0x80 + index)
    }

    /// huyền, hỏi, ngã, sắc, nặng → 1...5 (0: no tone).
    static let tones: [UInt32: Int] = [0x300: 1, 0x309: 2, 0x303: 3, 0x301: 4, 0x323: 5]

    /// A letter as its toneless NFC form and its tone.
    static func split(_ letter: Character) -> (plain: String, tone: Int) {
        var tone = 0
        var rest = String.UnicodeScalarView()
        for scalar in String(letter).decomposedStringWithCanonicalMapping.unicodeScalars {
            if let t = tones[scalar.value] { tone = t } else { rest.append(scalar) }
        }
        return (String(rest).precomposedStringWithCanonicalMapping, tone)
    }

    static let tcvn3Rows: [String: [UInt8]] = [
        "a": [0x61, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9],
        "ă": [0xA8, 0xBB, 0xBC, 0xBD, 0xBE, 0xC6],
        "â": [0xA9, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB],
        "e": [0x65, 0xCC, 0xCE, 0xCF, 0xD0, 0xD1],
        "ê": [0xAA, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6],
        "i": [0x69, 0xD7, 0xD8, 0xDC, 0xDD, 0xDE],
        "o": [0x6F, 0xDF, 0xE1, 0xE2, 0xE3, 0xE4],
        "ô": [0xAB, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9],
        "ơ": [0xAC, 0xEA, 0xEB, 0xEC, 0xED, 0xEE],
        "u": [0x75, 0xEF, 0xF1, 0xF2, 0xF3, 0xF4],
        "ư": [0xAD, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9],
        "y": [0x79, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE],
    ]
    static let tcvn3Others: [String: UInt8] = [
        "đ": 0xAE, "Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7,
    ]

    /// nil for what the normal .VnTime font cannot write (toned capitals).
    static func tcvn3(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        for letter in text {
            if let ascii = letter.asciiValue ?? punctuationByte(letter) { bytes.append(ascii); continue }
            let (plain, tone) = split(letter)
            if let row = tcvn3Rows[plain] {
                bytes.append(row[tone])
            } else if tone == 0, let byte = tcvn3Others[plain] {
                bytes.append(byte)
            } else {
                return nil
            }
        }
        return bytes
    }

    /// Lowercase VNI mark bytes by tone (0 none … 5 nặng); capitals use the byte 0x20 lower.
    static let vniTone: [UInt8?] = [nil, 0xF8, 0xFB, 0xF5, 0xF9, 0xEF]
    static let vniCircumflex: [UInt8] = [0xE2, 0xE0, 0xE5, 0xE3, 0xE1, 0xE4]
    static let vniBreve: [UInt8] = [0xEA, 0xE8, 0xFA, 0xFC, 0xE9, 0xEB]
    /// i with a tone is one byte: ì ỉ ĩ í ị.
    static let vniI: [UInt8] = [0x69, 0xEC, 0xE6, 0xF3, 0xED, 0xF2]

    static func vni(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        for letter in text {
            if let ascii = letter.asciiValue ?? punctuationByte(letter) { bytes.append(ascii); continue }
            let (plain, tone) = split(letter)
            let capital = plain != plain.lowercased()
            let shift: UInt8 = capital ? 0x20 : 0
            let scalars = Array(plain.decomposedStringWithCanonicalMapping.unicodeScalars)
            guard let base = scalars.first else { return nil }
            let lowerBase = Character(base).lowercased()
            let shape = scalars.count > 1 ? scalars[1].value : 0
            switch (lowerBase, shape) {
            case ("đ", _):
                bytes.append(0xF1 - shift)
            case ("o", 0x31B), ("u", 0x31B):
                bytes.append((lowerBase == "o" ? 0xF4 : 0xF6) - shift)
                if let mark = vniTone[tone] { bytes.append(mark - shift) }
            case ("i", 0):
                bytes.append(tone == 0 ? UInt8(base.value) : vniI[tone] - shift)
            case ("y", 0) where tone == 5:
                bytes.append(0xEE - shift)
            case (_, 0x302):
                bytes.append(UInt8(base.value))
                bytes.append(vniCircumflex[tone] - shift)
            case ("a", 0x306):
                bytes.append(UInt8(base.value))
                bytes.append(vniBreve[tone] - shift)
            case (_, 0) where base.isASCII:
                bytes.append(UInt8(base.value))
                if let mark = vniTone[tone] { bytes.append(mark - shift) }
            default:
                return nil
            }
        }
        return bytes
    }
}
