import Foundation

/// The two legacy Vietnamese *font* encodings still found in old spreadsheets and CSV exports.
///
/// Both keep ASCII and put Vietnamese letters in the upper half of the byte range, where a special
/// font draws them in place of Windows-1252's glyphs, so a program that does not know the font
/// shows the bytes as Windows-1252:
///
/// - ``tcvn3``: TCVN 5712:1993 VN3 ("ABC", the `.VnTime` fonts). Each lowercase letter with its
///   marks is one byte ("Tổng cộng" shows as "Tæng céng"). Only seven capitals exist in the normal
///   font (Ă Â Ê Ô Ơ Ư Đ); toned capitals were typed in the all-capitals `.VnTimeH` fonts, which
///   draw capitals over the same byte values, so those bytes decode as lowercase here.
/// - ``vni``: VNI-Windows (`VNI-Times`). A base letter followed by one mark byte that carries the
///   shape (circumflex, breve) and the tone together ("Tổng hợp" shows as "Toång hôïp"); ơ, ư, đ and
///   the toned i letters and ỵ are single bytes.
///
/// glibc's iconv "TCVN5712-1" is VN1, which gives several of these bytes to capitals, and iconv
/// has no VNI at all, so the tables are here.
public enum LegacyVietnamese: String, Sendable, CaseIterable {
    case tcvn3, vni

    /// Converts text that was decoded byte-for-byte as Windows-1252 (each byte one character, as a
    /// spreadsheet or CSV reader shows legacy text) back to Unicode NFC.
    ///
    /// Characters that no Windows-1252 byte produces (text that is already Unicode) pass through.
    /// Characters U+0080–U+009F are taken as the bytes of the same value (a Latin-1 reading).
    public func decode(_ misread: String) -> String {
        if misread.utf8.allSatisfy({ $0 < 0x80 }) { return misread }
        var out = String.UnicodeScalarView()
        for scalar in misread.unicodeScalars {
            if let byte = Self.windows1252Byte(for: scalar) {
                append(byte, to: &out)
            } else {
                out.append(scalar)
            }
        }
        return String(out).precomposedStringWithCanonicalMapping
    }

    /// Converts raw bytes in this encoding to Unicode NFC (for CSV files: the file's bytes).
    ///
    /// Bytes the font table leaves unassigned are read as Windows-1252, which is what the
    /// text showed as on any machine without the font.
    public func decode(bytes: [UInt8]) -> String {
        var out = String.UnicodeScalarView()
        for byte in bytes { append(byte, to: &out) }
        return String(out).precomposedStringWithCanonicalMapping
    }

    /// Which legacy encoding a piece of text (misread as Windows-1252 / Latin-1, i.e. as it shows)
    /// most likely is, or nil when it looks like ordinary Unicode text. Decide by how many words become
    /// valid Vietnamese syllables after decoding versus before (a short list of very common Vietnamese
    /// syllables and the rule that a syllable has at most one tone mark is enough); never report a
    /// legacy encoding for ordinary English or Unicode Vietnamese text, including names with
    /// ordinary Latin-1 letters such as "Café".
    ///
    /// Only words containing a character in U+00A1–U+00FF can change under decoding, so only they
    /// are scored, each 2 for a very common syllable, 1 for any other well-formed syllable and 0
    /// otherwise. A word that is not a syllable as shown but is one decoded gains its decoded score;
    /// one that is a syllable as shown and not decoded loses its score as shown; one that is a
    /// syllable both ways ("có" → TCVN3 "cú", "Hoà" → VNI "Hồ") counts for nothing. An encoding is
    /// reported when that gain is at least 2, larger than the other encoding's, larger than the
    /// number of words already written with Unicode-only Vietnamese letters (ơ ư đ ă ạ ả …, which no
    /// Windows-1252 misreading produces), and when at least two thirds of the scored words decode
    /// to syllables. A cell of one or two short words is often too little to tell ("bò can" is
    /// Unicode Vietnamese and VNI "bị can"); give it a column or a file.
    public static func detect(_ text: String) -> LegacyVietnamese? {
        let encodings: [LegacyVietnamese] = [.tcvn3, .vni]
        var candidates = 0
        var unicodeWords = 0
        var gains = [0, 0]
        var wellFormedAfter = [0, 0]

        var token = String.UnicodeScalarView()
        var tokenCanChange = false
        var tokenHasUnicodeLetter = false
        func score() {
            defer {
                token = String.UnicodeScalarView()
                tokenCanChange = false
                tokenHasUnicodeLetter = false
            }
            if tokenHasUnicodeLetter {
                if Syllable.weight(String(token)) > 0 { unicodeWords += 1 }
                return
            }
            guard tokenCanChange else { return }
            let word = String(token)
            candidates += 1
            let before = Syllable.weight(word)
            for (index, encoding) in encodings.enumerated() {
                let after = Syllable.weight(encoding.decode(word))
                if after > 0 { wellFormedAfter[index] += 1 }
                if before == 0 { gains[index] += after } else if after == 0 { gains[index] -= before }
            }
        }
        var scanned = 0
        for scalar in text.unicodeScalars {
            scanned += 1
            if candidates >= 2_000 || scanned >= 200_000 { break }
            if isWordSeparator(scalar) {
                score()
            } else {
                token.append(scalar)
                if (0xA1...0xFF).contains(scalar.value) { tokenCanChange = true }
                if isUnicodeOnlyVietnamese(scalar) { tokenHasUnicodeLetter = true }
            }
        }
        score()

        let best = gains[0] >= gains[1] ? 0 : 1
        guard gains[best] >= 2, gains[best] > gains[1 - best], gains[best] > unicodeWords,
              wellFormedAfter[best] * 3 >= candidates * 2
        else { return nil }
        return encodings[best]
    }

    /// Vietnamese letters outside Latin-1 (ă đ ĩ ũ ơ ư and U+1EA0–U+1EF9), or the combining marks
    /// of decomposed Vietnamese: text containing them was not misread from a legacy font.
    static func isUnicodeOnlyVietnamese(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x102, 0x103, 0x110, 0x111, 0x128, 0x129, 0x168, 0x169, 0x1A0, 0x1A1, 0x1AF, 0x1B0,
             0x1EA0...0x1EF9, 0x300, 0x301, 0x302, 0x303, 0x306, 0x309, 0x31B, 0x323:
            return true
        default:
            return false
        }
    }
}

// MARK: - Decoding

extension LegacyVietnamese {
    private func append(_ byte: UInt8, to out: inout String.UnicodeScalarView) {
        if byte < 0x80 {
            out.append(Unicode.Scalar(byte))
            return
        }
        switch self {
        case .tcvn3:
            let value = Self.tcvn3Table[Int(byte)]
            out.append(value != 0 ? Unicode.Scalar(value)! : Self.windows1252Scalar(byte))
        case .vni:
            let letter = Self.vniLetterTable[Int(byte)]
            if letter != 0 {
                out.append(Unicode.Scalar(letter)!)
            } else if let marks = Self.vniMarks[byte], let last = out.last, Self.canCarryMark(last) {
                out.append(contentsOf: marks)
            } else {
                out.append(Self.windows1252Scalar(byte))
            }
        }
    }

    /// A VNI mark byte only means a mark after a letter (or after another mark); anywhere else it
    /// is left as the character it shows as.
    private static func canCarryMark(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        return properties.isAlphabetic || properties.generalCategory == .nonspacingMark
    }

    /// TCVN3 (VN3): the 67 lowercase letters and 7 capitals the standard adds to ASCII, by byte.
    /// (The 75th addition, 0xA0, is the no-break space, as in Windows-1252.)
    static let tcvn3Pairs: [(UInt8, Unicode.Scalar)] = [
        (0xA1, "Ă"), (0xA2, "Â"), (0xA3, "Ê"), (0xA4, "Ô"), (0xA5, "Ơ"), (0xA6, "Ư"), (0xA7, "Đ"),
        (0xA8, "ă"), (0xA9, "â"), (0xAA, "ê"), (0xAB, "ô"), (0xAC, "ơ"), (0xAD, "ư"), (0xAE, "đ"),
        (0xB5, "à"), (0xB6, "ả"), (0xB7, "ã"), (0xB8, "á"), (0xB9, "ạ"),
        (0xBB, "ằ"), (0xBC, "ẳ"), (0xBD, "ẵ"), (0xBE, "ắ"),
        (0xC6, "ặ"),
        (0xC7, "ầ"), (0xC8, "ẩ"), (0xC9, "ẫ"), (0xCA, "ấ"), (0xCB, "ậ"),
        (0xCC, "è"), (0xCE, "ẻ"), (0xCF, "ẽ"), (0xD0, "é"), (0xD1, "ẹ"),
        (0xD2, "ề"), (0xD3, "ể"), (0xD4, "ễ"), (0xD5, "ế"), (0xD6, "ệ"),
        (0xD7, "ì"), (0xD8, "ỉ"), (0xDC, "ĩ"), (0xDD, "í"), (0xDE, "ị"),
        (0xDF, "ò"), (0xE1, "ỏ"), (0xE2, "õ"), (0xE3, "ó"), (0xE4, "ọ"),
        (0xE5, "ồ"), (0xE6, "ổ"), (0xE7, "ỗ"), (0xE8, "ố"), (0xE9, "ộ"),
        (0xEA, "ờ"), (0xEB, "ở"), (0xEC, "ỡ"), (0xED, "ớ"), (0xEE, "ợ"),
        (0xEF, "ù"), (0xF1, "ủ"), (0xF2, "ũ"), (0xF3, "ú"), (0xF4, "ụ"),
        (0xF5, "ừ"), (0xF6, "ử"), (0xF7, "ữ"), (0xF8, "ứ"), (0xF9, "ự"),
        (0xFA, "ỳ"), (0xFB, "ỷ"), (0xFC, "ỹ"), (0xFD, "ý"), (0xFE, "ỵ"),
    ]

    /// Byte → scalar value, 0 where VN3 assigns nothing.
    static let tcvn3Table: [UInt32] = table(tcvn3Pairs)

    /// VNI: the bytes that are whole letters (ơ ư đ, the toned i letters, ỵ), lowercase and capital.
    static let vniLetterPairs: [(UInt8, Unicode.Scalar)] = [
        (0xF4, "ơ"), (0xD4, "Ơ"), (0xF6, "ư"), (0xD6, "Ư"), (0xF1, "đ"), (0xD1, "Đ"),
        (0xED, "í"), (0xCD, "Í"), (0xEC, "ì"), (0xCC, "Ì"), (0xE6, "ỉ"), (0xC6, "Ỉ"),
        (0xF3, "ĩ"), (0xD3, "Ĩ"), (0xF2, "ị"), (0xD2, "Ị"), (0xEE, "ỵ"), (0xCE, "Ỵ"),
    ]

    static let vniLetterTable: [UInt32] = table(vniLetterPairs)

    /// VNI: the mark bytes that follow a base letter, as the combining marks they stand for. Each
    /// has a lowercase form and a capital form 0x20 lower (drawn higher, to sit on a capital).
    static let vniMarkPairs: [(lowercase: UInt8, marks: [Unicode.Scalar])] = [
        (0xF9, ["\u{301}"]), (0xF8, ["\u{300}"]), (0xFB, ["\u{309}"]), (0xF5, ["\u{303}"]), (0xEF, ["\u{323}"]),
        (0xE2, ["\u{302}"]),
        (0xE1, ["\u{302}", "\u{301}"]), (0xE0, ["\u{302}", "\u{300}"]), (0xE5, ["\u{302}", "\u{309}"]),
        (0xE3, ["\u{302}", "\u{303}"]), (0xE4, ["\u{302}", "\u{323}"]),
        (0xEA, ["\u{306}"]),
        (0xE9, ["\u{306}", "\u{301}"]), (0xE8, ["\u{306}", "\u{300}"]), (0xFA, ["\u{306}", "\u{309}"]),
        (0xFC, ["\u{306}", "\u{303}"]), (0xEB, ["\u{306}", "\u{323}"]),
    ]

    static let vniMarks: [UInt8: [Unicode.Scalar]] = {
        var marks: [UInt8: [Unicode.Scalar]] = [:]
        for (lowercase, combining) in vniMarkPairs {
            marks[lowercase] = combining
            marks[lowercase - 0x20] = combining
        }
        return marks
    }()

    private static func table(_ pairs: [(UInt8, Unicode.Scalar)]) -> [UInt32] {
        var table = [UInt32](repeating: 0, count: 256)
        for (byte, scalar) in pairs { table[Int(byte)] = scalar.value }
        return table
    }
}

// MARK: - Windows-1252

extension LegacyVietnamese {
    /// Windows-1252 0x80–0x9F; the five bytes it leaves undefined read as the C1 control of the
    /// same value, as most decoders do.
    static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    static let windows1252Bytes: [UInt32: UInt8] = {
        var bytes: [UInt32: UInt8] = [:]
        for (offset, value) in windows1252High.enumerated() { bytes[value] = UInt8(0x80 + offset) }
        return bytes
    }()

    static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar {
        if (0x80...0x9F).contains(byte) { return Unicode.Scalar(windows1252High[Int(byte) - 0x80])! }
        return Unicode.Scalar(byte)
    }

    /// The byte a Windows-1252 (or Latin-1) reading turned into this character, if any.
    static func windows1252Byte(for scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        if value <= 0xFF { return UInt8(value) }
        return windows1252Bytes[value]
    }

    /// Where words end when scanning text as it shows: ASCII other than letters and digits, the
    /// no-break space, Windows-1252's punctuation in 0x80–0x9F (neither font puts letters there),
    /// and anything beyond Latin-1 that is neither a letter nor a mark. U+00A1–U+00FF never end a
    /// word: in the fonts they are letters, even "§", "®" or "×".
    static func isWordSeparator(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        switch value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return false
        case 0..<0x80, 0xA0: return true
        case 0xA1...0xFF: return false
        default:
            if windows1252Bytes[value] != nil || value < 0xA0 { return true }
            let properties = scalar.properties
            return !(properties.isAlphabetic || properties.generalCategory == .nonspacingMark)
        }
    }
}

// MARK: - Vietnamese syllables

extension LegacyVietnamese {
    /// A check of whether a word is one well-formed Vietnamese syllable: an onset, a rhyme from the
    /// language's inventory, at most one tone mark, the c/k/gh/ngh spelling rules, and only sắc or
    /// nặng on a syllable that ends in p, t, c or ch.
    enum Syllable {
        /// 2 for a very common syllable, 1 for any other well-formed one, 0 for anything else.
        static func weight(_ word: String) -> Int {
            let lower = word.lowercased().precomposedStringWithCanonicalMapping
            if common.contains(lower) { return 2 }
            return isWellFormed(lower) ? 1 : 0
        }

        static func isWellFormed(_ word: String) -> Bool {
            var letters = String.UnicodeScalarView()
            var tone: UInt32?
            var lastHasShape = false
            for scalar in word.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
                switch scalar.value {
                case 0x66, 0x6A, 0x77, 0x7A:   // f j w z: not Vietnamese letters
                    return false
                case 0x61...0x7A:
                    letters.append(scalar)
                    lastHasShape = false
                case 0x111:                    // đ
                    letters.append(scalar)
                    lastHasShape = true
                case 0x302, 0x306, 0x31B:      // circumflex, breve, horn
                    guard !lastHasShape, let last = letters.last,
                          let shaped = shapes[[last.value, scalar.value]] else { return false }
                    letters.removeLast()
                    letters.append(Unicode.Scalar(shaped)!)
                    lastHasShape = true
                case 0x300, 0x301, 0x303, 0x309, 0x323:
                    guard tone == nil, let last = letters.last, vowels.contains(last.value) else { return false }
                    tone = scalar.value
                default:
                    return false
                }
            }
            let plain = String(letters)
            guard !plain.isEmpty, plain.unicodeScalars.count <= 7 else { return false }

            let onset = onsets.first { plain.hasPrefix($0) } ?? ""
            let rest = String(plain.dropFirst(onset.count))
            var choices = [rest]
            switch onset {
            case "gi":
                // "gì", "giêng": the i of gi doubles as the rhyme's.
                choices.append("i" + rest)
            case "qu":
                // "quân", "quyết": the u of qu doubles as the rhyme's; "qu" or "quu…" alone is not a syllable.
                if rest.isEmpty || rest.hasPrefix("u") { return false }
                choices.append("u" + rest)
            default:
                break
            }
            guard let rhyme = choices.first(where: { rhymes.contains($0) }) else { return false }

            let first = rhyme.unicodeScalars.first!.value
            let frontVowel = first == 0x65 || first == 0xEA || first == 0x69   // e ê i
            switch onset {
            case "c", "g", "ng":
                if frontVowel || first == 0x79 { return false }
            case "k":
                if !(frontVowel || first == 0x79) { return false }
            case "gh", "ngh":
                if !frontVowel { return false }
            default:
                break
            }

            if rhyme.hasSuffix("p") || rhyme.hasSuffix("t") || rhyme.hasSuffix("c") || rhyme.hasSuffix("ch") {
                guard tone == 0x301 || tone == 0x323 else { return false }
            }
            return true
        }

        private static let vowels: Set<UInt32> = Set("aăâeêioôơuưy".unicodeScalars.map(\.value))

        private static let shapes: [[UInt32]: UInt32] = [
            [0x61, 0x302]: 0xE2, [0x65, 0x302]: 0xEA, [0x6F, 0x302]: 0xF4,   // â ê ô
            [0x61, 0x306]: 0x103,                                            // ă
            [0x6F, 0x31B]: 0x1A1, [0x75, 0x31B]: 0x1B0,                      // ơ ư
        ]

        /// Longest first, so "ngh" wins over "ng" and "ng" over "n".
        private static let onsets: [String] = [
            "ngh",
            "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu",
            "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
        ]

        /// Every rhyme (vowel nucleus and final) of Vietnamese, without tone.
        private static let rhymes: Set<String> = Set("""
            a ac ach ai am an ang anh ao ap at au ay \
            ăc ăm ăn ăng ăp ăt \
            âc âm ân âng âp ât âu ây \
            e ec em en eng eo ep et \
            ê êch êm ên ênh êp êt êu \
            i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu \
            o oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt \
            oe oen oeo oet oc oi om on ong oong ooc op ot \
            ô ôc ôi ôm ôn ông ôp ôt \
            ơ ơi ơm ơn ơp ơt \
            u ua uân uâng uât uây uê uêch uênh uơ uy uya uych uyên uyêt uyn uynh uyp uyt uyu \
            uc ui um un ung uôc uôi uôm uôn uông uôt up ut \
            ư ưa ưc ưi ưm ưn ưng ươc ươi ươm ươn ương ươp ươt ươu ưt ưu \
            y yêm yên yêng yêt yêu
            """.split(separator: " ").map { String($0).precomposedStringWithCanonicalMapping })

        /// Very common syllables of Vietnamese, and of indicator reports in particular.
        private static let common: Set<String> = Set("""
            tổng cộng hợp việt nam hậu giang thực hiện kế hoạch đơn vị chỉ tiêu phòng huyện tử vong \
            nghèo số tỉnh thành phố xã phường thị trấn năm tháng ngày quý người hộ dân kinh tế giáo \
            dục y bệnh viện trường học sinh ghi chú tên đồng triệu tỷ tấn lao động việc làm sản xuất \
            nông nghiệp công thương mại dịch vụ vốn đầu tư ngân sách thu chi tăng giảm so với cùng kỳ \
            lệ bình quân đạt kết quả báo cáo ủy ban nhân sở cục thống kê chính phủ trung ương khu vực \
            đất diện tích lúa cây trồng chăn nuôi thủy lâm điện nước đường giao thông văn hóa hội an \
            ninh quốc trẻ em nữ mới các của và là có không trong những được cho đã theo tại này từ về \
            đến trên dưới như khác loại nhóm mục mức giá trị lượng phần trăm cơ doanh tác lý quản bộ \
            vĩnh long cần thơ sóc bạc liêu cà mau kiên tháp tiền bến tre trà mỹ thanh ngã bảy phụng \
            châu đông tây bắc hà nội hồ minh đà nẵng hải huế sức khỏe khám chữa ca mắc chết tiêm \
            chủng phụ gia đình nhà ở cấp xây dựng đảm bảo toàn thể cán viên chức tổ lớp xóm ấp khóm \
            một hai ba bốn sáu bảy tám chín mười trăm nghìn tuổi ký hiệu xin chào bạn tôi \
            để khi cũng thì sẽ nhưng ra lại rằng nói nhiều vào đi nào hơn bị nên còn đó cả rất sau \
            phải chúng ta họ mình ông bà nó gì mà nếu vì do bởi qua giữa trước lên xuống ngoài mỗi \
            nhất hay hoặc đây ấy thế sao đang vẫn chưa đều tự cuộc thời gian lần tuần giờ điều vấn \
            đề biết thấy cần hết án tra thanh kiểm vi phạm xử hồ sơ giấy tờ chiều tố giác hạn \
            đúng chậm tiến độ hoàn thiện nhiệm ngành lĩnh phát triển chất bền vững
            """.split(separator: " ").map { String($0).precomposedStringWithCanonicalMapping })
    }
}
