/// What an indicator's or unit's name says when the export and the catalogue say nothing:
/// which indicators are ceilings, which must never be summed, which rows are totals, which
/// units are district-level. Every answer carries the words it rests on, so the output can
/// say what it assumed ("thấp hơn là tốt — suy ra từ \"tử vong\"").
///
/// Names are compared folded (no case, no diacritics, punctuation as spaces) and by whole
/// words, so "mắc" never matches inside another word. The lists were measured on the
/// generated exports of a health department, a province's socio-economic office and the
/// procuracy sample (see the catalogue tests): a wrong "lower" is as bad as a missed one, so a
/// word that also names an action on the bad thing ("vi phạm được phát hiện, xử lý", "hộ
/// thoát nghèo") turns the clue off.
package enum NameClues {
    public struct Clue: Sendable, Equatable {
        /// The words of the name the answer rests on, as folded text ("tu vong"), or the measure.
        public var words: String
        /// True when the measure, not the name, gave the answer.
        public var fromMeasure = false
    }

    /// Words of things that should go down: deaths, cases, accidents, backlog, poverty …
    public static let ceilingWords = [
        "tu vong", "chet", "ca mac", "nguoi mac", "mac moi", "ngo doc", "tai nan", "qua han", "tre han", "ton dong",
        "bi huy", "bi sua", "an huy", "an sua", "vi pham", "ngheo", "can ngheo", "that nghiep", "bo hoc",
        "suy dinh duong", "thoi gian cho", "thoi gian giai quyet", "thoi gian xu ly", "thoi gian doi", "khong pham toi",
        "oan sai", "tai pham", "chay no", "vu chay", "o nhiem", "no xau", "sinh con thu 3", "sinh con thu ba", "ty so gioi tinh khi sinh", "o dich", "thiet hai",
        "sai sot", "that thoat", "khieu nai vuot cap", "mat rung", "benh nhan chuyen tuyen", "bi thuong", "pham toi", "toi pham",
    ]

    /// Words of an action taken on the bad thing, which make more of it good, or of work done on it.
    public static let actionWords = [
        "phat hien", "xu ly", "khac phuc", "phong chong", "phong ngua", "dieu tri", "can thiep",
        "tuyen truyen", "ho tro", "kiem tra", "thanh tra", "tiem", "cap cuu", "dieu tra",
        "truy to", "xet xu", "khoi to", "kiem sat", "xu phat", "bat giu", "triet pha", "kham pha", "thu hoi",
        // the workload an office counts, neither good nor bad ("Số tin báo, tố giác về tội phạm đã tiếp nhận")
        "tiep nhan", "thu ly", "giai quyet", "to giac",
    ]

    /// Action words whose folded form is also another word: "giảm" (reduce) folds to the "giam"
    /// of "trại giam" and "giám sát"; "cứu" (rescue) sits inside "nghiên cứu", "thoát" (escape,
    /// "thoát nghèo") inside "thất thoát". They are matched
    /// with their diacritics, after the phrases that hold them as another word are taken out.
    static let markedActionWords: Set<Substring> = ["giảm", "cứu", "thoát"]
    /// The word before that makes one of them another word: "nghiên cứu" (research), "thất thoát" (a loss).
    static let notActionAfter: [Substring: Set<Substring>] = ["cứu": ["nghiên"], "thoát": ["thất"]]

    /// True when the name holds an action word: then more of the bad thing is good.
    static func hasAction(_ name: String, folded words: String) -> Bool {
        if actionWords.contains(where: { contains(words, $0) }) { return true }
        let marked = self.words(of: name.lowercased(), folding: false).split(separator: " ")
        return marked.indices.contains { i in
            markedActionWords.contains(marked[i]) && !(i > 0 && notActionAfter[marked[i]]?.contains(marked[i - 1]) == true)
        }
    }

    /// Ceiling words strong enough to hold even beside an action word ("hồ sơ được xử lý quá hạn").
    public static let strongCeilingWords = ["qua han", "tre han", "ton dong", "thoi gian cho", "thoi gian giai quyet", "thoi gian xu ly"]

    /// Abbreviations offices write inside names whose reading is the same in every office ("Số người bị
    /// thương do TNGT"); one that differs between offices ("MT": ma túy or môi trường) is the catalogue's to say.
    static let abbreviations: [Substring: String] = [
        "tngt": "tai nan giao thong", "ttatgt": "trat tu an toan giao thong", "pccc": "phong chay chua chay",
        "cnch": "cuu nan cuu ho", "nsnn": "ngan sach nha nuoc", "ttxh": "trat tu xa hoi",
    ]

    /// A name's folded words with its abbreviations written out.
    static func clueWords(_ name: String) -> String {
        folded(name).split(separator: " ").map { abbreviations[$0] ?? String($0) }.joined(separator: " ")
    }

    /// The clue that an indicator is a ceiling (lower is better), or nil for "higher".
    public static func ceiling(indicator name: String) -> Clue? {
        let words = clueWords(name)
        if let strong = strongCeilingWords.first(where: { contains(words, $0) }) { return Clue(words: strong) }
        guard let word = ceilingWords.first(where: { contains(words, $0) }) else { return nil }
        if hasAction(name, folded: words) { return nil }
        return Clue(words: word)
    }

    /// Measures whose values are rates, shares or averages: never summed over units.
    static let meanMeasures = ["%", "phan tram", "‰", "phan nghin", "percent", "diem", "lan/nam"]
    static let timeMeasures = ["phut", "gio", "ngay", "thang", "tuan", "nam"]
    static let meanWords = [
        "ty le", "ti le", "ty suat", "ti suat", "cong suat", "binh quan", "trung binh", "bq", "tren 1 van", "tren 10000",
        "tren 1000", "tren 100000", "van dan", "nghin dan", "100000 dan", "mat do", "chi so", "toc do", "he so",
        "thoi gian", "tuoi tho", "dau nguoi", "ty trong", "muc do",
    ]

    /// The clue that an indicator's province figure is a mean rather than a sum, from its
    /// measure ("%", "‰", "giường/vạn dân", a time) or its name ("tỷ lệ", "bình quân", …).
    public static func mean(indicator name: String, measure: String?) -> Clue? {
        let words = folded(name)
        if let measure, !measure.isEmpty {
            let m = HeaderName.fold(measure)
            if meanMeasures.contains(m) || m.hasSuffix("%") || isPerSomething(m) || m.contains(" tren ")
                || (timeMeasures.contains(m) && !words.hasPrefix("so ")) {
                return Clue(words: measure, fromMeasure: true)
            }
        }
        if let word = meanWords.first(where: { contains(words, $0) }) { return Clue(words: word) }
        return nil
    }

    /// A measure per population, area, time or a number of something ("giường/vạn dân",
    /// "bé trai/100 bé gái", "tấn/ha"): a rate. A count of two things ("vụ/việc") is not.
    static func isPerSomething(_ measure: String) -> Bool {
        guard let slash = measure.firstIndex(of: "/") else { return false }
        let after = measure[measure.index(after: slash)...].trimmingCharacters(in: .whitespaces)
        if after.first?.isNumber == true { return true }
        let words = ["dan", "nguoi", "van", "nghin", "ha", "km", "km2", "nam", "thang", "ngay", "gio", "ho", "tre", "ca sinh", "lao dong"]
        return words.contains { after == $0 || after.hasPrefix($0 + " ") || after.hasSuffix(" " + $0) }
    }

    /// A title block's agency line ("VIỆN KIỂM SÁT NHÂN DÂN TỈNH SÓC TRĂNG", "SỞ GIÁO DỤC VÀ ĐÀO TẠO
    /// TỈNH BẾN TRE"): written in capitals, naming an agency, not the Quốc hiệu or the report's title.
    public static func isAgency(_ line: String) -> Bool {
        guard line == line.uppercased(), line.count <= 120 else { return false }
        let words = folded(line)
        let agencies = ["vien kiem sat", "so ", "cong an", "ubnd", "uy ban nhan dan", "toa an", "cuc ", "chi cuc", "ban ", "phong ",
                        "trung tam", "benh vien", "van phong", "bo ", "tong cuc", "kho bac", "hoi dong nhan dan", "thanh tra",
                        // The tax offices' names since 2025: "THUẾ TỈNH KIÊN GIANG", "THUẾ CƠ SỞ 3".
                        "thue tinh", "thue thanh pho", "thue co so"]
        let notAgency = ["cong hoa", "bao cao", "bang tong hop", "bieu", "doc lap", "ket qua"]
        return agencies.contains { words.hasPrefix($0) } && !notAgency.contains { words.contains($0) }
    }

    /// Measures of a percentage ("%", "phần trăm", "tỷ lệ %"), whose changes are in points.
    public static func isRateMeasure(_ measure: String) -> Bool {
        let folded = HeaderName.fold(measure)
        return folded == "%" || folded == "percent" || folded == "phan tram" || folded == "ty le %" || folded == "ti le %"
    }

    /// A name that says the value is a rate ("Tỷ lệ …"), for files that give no measure.
    public static func isRateName(_ name: String) -> Bool {
        let words = folded(name)
        return words.hasPrefix("ty le ") || words.hasPrefix("ti le ")
    }

    /// Names of total rows: "Tổng cộng", "Cộng", "Toàn tỉnh", "Tổng số", "Tổng".
    static let totalNames: Set<String> = [
        "tong cong", "cong", "toan tinh", "tong so", "tong", "toan nganh", "total", "grand total", "ca tinh", "tong toan tinh",
        "cong toan tinh", "tong cong toan tinh", "toan tinh tong", "tinh",
    ]

    public static func isTotal(unit name: String) -> Bool { isTotal(words: folded(name)) }

    /// `isTotal` of a name already folded (folding is the expensive part for thousands of units).
    static func isTotal(words: String) -> Bool {
        if totalNames.contains(words) || words.hasPrefix("tong cong ") || words.hasPrefix("cong toan ") { return true }
        // Subtotals: "Cộng cấp huyện", "Tổng khối tỉnh", "Cộng các đơn vị" — the word right after;
        // a section's own, "Cộng I", "Cộng mục II", "Tổng cộng A".
        guard let head = ["tong cong ", "cong muc ", "cong ", "tong "].first(where: { words.hasPrefix($0) }) else { return false }
        let rest = words.dropFirst(head.count)
        if ["cap ", "khoi ", "nhom ", "cac don vi"].contains(where: { rest.hasPrefix($0) }) { return true }
        return isTotalSection(rest)
    }

    /// A subtotal of one section or group ("Cộng I", "Cộng cấp huyện", "Tổng cộng A"), not the
    /// grand total ("Tổng cộng", "Toàn tỉnh", "Cộng toàn ngành"): the group's figure, not the province's.
    static func isSubtotal(words: String) -> Bool {
        guard isTotal(words: words), !totalNames.contains(words) else { return false }
        return !["cong toan ", "tong cong toan ", "tong toan "].contains { words.hasPrefix($0) }
            && !(words.hasPrefix("tong cong ") && !isTotalSection(words.dropFirst("tong cong ".count)))
    }

    private static func isTotalSection(_ rest: Substring) -> Bool {
        !rest.isEmpty && (rest.allSatisfy { "ivxl".contains($0) } || (rest.count == 1 && rest.allSatisfy(\.isLetter)))
    }

    /// A total line standing in the indicator column: its whole name only ("Cộng", "Tổng cộng"),
    /// never an indicator that begins with "Tổng" ("Tổng vốn đầu tư").
    public static func isTotal(indicator name: String) -> Bool {
        let words = folded(name)
        return totalNames.contains(words) && words != "tinh"
    }

    /// District-level offices by the words of their name; nil when the name says nothing.
    static let districtWords = ["huyen", "thi xa", "thanh pho", "quan", "thi tran", "tp", "tx"]
    static let provinceWords = ["tinh", "phong", "van phong", "so", "ban", "chi cuc", "benh vien", "cuc"]

    public enum LevelGuess: String, Sendable { case district, province }

    public static func level(unit name: String) -> LevelGuess? { level(words: folded(name)) }

    static func level(words folded: String) -> LevelGuess? {
        // A provincial department may name the city it sits in ("Sở Y tế thành phố Cần Thơ").
        if ["so ", "cuc ", "ban ", "chi cuc ", "bo ", "vien "].contains(where: { folded.hasPrefix($0) }) { return .province }
        // "quản lý", "quân sự", "hải quan", "cơ quan" fold to words with "quan", which is no "quận".
        var words = folded
        for phrase in ["quan ly", "quan su", "hai quan", "co quan"] where contains(words, phrase) {
            words = (" " + words + " ").replacingOccurrences(of: " " + phrase + " ", with: " ")
        }
        if districtWords.contains(where: { contains(words, $0) }) && !words.hasSuffix(" tinh") { return .district }
        if provinceWords.contains(where: { contains(words, $0) }) { return .province }
        return nil
    }

    /// Administrative words and agency prefixes left out when comparing the place a unit names
    /// ("huyện Long Mỹ" and "thị xã Long Mỹ" both name Long Mỹ).
    static let placeWords = ["thanh pho", "thi xa", "thi tran", "huyen", "quan", "phuong", "xa", "tp", "tx"]

    /// A unit's name without its administrative words, for spotting renames between years.
    public static func place(unit name: String) -> String {
        // Word by word, not a Foundation search per administrative word: every unit passes here.
        let words = folded(name).split(separator: " ")
        var kept: [Substring] = []
        var i = 0
        while i < words.count {
            if i + 1 < words.count, placePhrases.contains(String(words[i]) + " " + String(words[i + 1])) { i += 2; continue }
            if placeSingles.contains(words[i]) { i += 1; continue }
            kept.append(words[i])
            i += 1
        }
        return kept.joined(separator: " ")
    }

    private static let placePhrases: Set<String> = Set(placeWords.filter { $0.contains(" ") })
    private static let placeSingles: Set<Substring> = Set(placeWords.filter { !$0.contains(" ") }.map { Substring($0) })

    /// The key two spellings of one name share: no case, punctuation as spaces, diacritics
    /// kept (they change meaning in Vietnamese), single spaces.
    /// The i/y spellings and old tone places real files mix ("Tỉ lệ" / "Tỷ lệ", "Toà" / "Tòa") and
    /// the abbreviations they use ("TP" for thành phố, "GV" for giáo viên): one key each.
    public static func spellingKey(_ name: String) -> String {
        let key = words(of: lookAlikes(in: name).isEmpty ? name.lowercased() : latinLookAlike(name).lowercased(), folding: false)
        // Most names hold no variant: found by one pass over the bytes, each short word packed
        // into an integer, before any word is split out (thousands of names pass through here).
        var hit = false, packed: UInt64 = 0, length = 0
        for byte in key.utf8 {
            if byte == 0x20 {
                if length <= 8, variantWords.contains(packed) { hit = true; break }
                (packed, length) = (0, 0)
            } else {
                packed = packed << 8 | UInt64(byte)
                length += 1
            }
        }
        guard hit || (length <= 8 && variantWords.contains(packed)) else { return key }
        return key.split(separator: " ").map { word in syllableVariants[String(word)] ?? String(word) }.joined(separator: " ")
    }

    /// The Cyrillic and Greek letters of a name that also has Latin ones and that look like
    /// Latin letters ("Рhòng 7" with the Cyrillic Р): the name looks like another and is not.
    /// Vietnamese letters are Latin; a name wholly in another script is left alone.
    public static func lookAlikes(in name: String) -> [Character] {
        // Most names: no byte of the Greek and Cyrillic blocks' UTF-8 lead bytes (U+0370…U+052F).
        guard name.utf8.contains(where: { $0 >= 0xCD && $0 <= 0xD4 }),
              name.unicodeScalars.contains(where: { $0.isASCII && $0.properties.isAlphabetic }) else { return [] }
        return name.filter { $0.unicodeScalars.count == 1 && latinLetter[$0.unicodeScalars.first!] != nil }
    }

    /// The name with each look-alike letter replaced by the Latin letter it looks like.
    public static func latinLookAlike(_ name: String) -> String {
        String(String.UnicodeScalarView(name.unicodeScalars.map { latinLetter[$0] ?? $0 }))
    }

    /// Cyrillic and Greek letters drawn like Latin ones in the fonts offices use.
    private static let latinLetter: [Unicode.Scalar: Unicode.Scalar] = {
        let pairs = "АAВBЕEКKМMНHОOРPСCТTХXУYІIЈJЅSаaеeоoрpсcуyхxіiјjѕsԁdһhҮYΑAΒBΕEΖZΗHΙIΚKΜMΝNΟOΡPΤTΥYΧXοoιiκkνvρpτtυuχx"
        let scalars = Array(pairs.unicodeScalars)
        return Dictionary(uniqueKeysWithValues: stride(from: 0, to: scalars.count, by: 2).map { (scalars[$0], scalars[$0 + 1]) })
    }()

    /// The keys of `syllableVariants`, each packed as `spellingKey` packs a word.
    private static let variantWords: Set<UInt64> = Set(syllableVariants.keys.map { word in
        word.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    })

    static let syllableVariants: [String: String] = [
        "tỉ": "tỷ", "lí": "lý", "kĩ": "kỹ", "quí": "quý", "mĩ": "mỹ", "sĩ": "sỹ",
        "toà": "tòa", "hoà": "hòa", "khoẻ": "khỏe", "thuỷ": "thủy", "uỷ": "ủy", "luỹ": "lũy", "tuỳ": "tùy",
        "tp": "thành phố", "tx": "thị xã", "gv": "giáo viên", "hs": "học sinh", "ksv": "kiểm sát viên",
        "vksnd": "viện kiểm sát nhân dân", "tand": "tòa án nhân dân", "ubnd": "ủy ban nhân dân",
        "thpt": "trung học phổ thông", "thcs": "trung học cơ sở",
    ]

    /// What a count of cases or of persons counts, and the rest of its name: "Số vụ án hình sự
    /// đã truy tố" → (cases, "so da truy to"), "Số bị can đã truy tố" → (persons, "so da truy
    /// to"). Two indicators with the same rest, one of each, are a pair ("384 vụ/628 bị can").
    public static func pairPart(_ name: String) -> (persons: Bool, rest: String)? {
        let words = " " + folded(name) + " "
        // Longest first: "vụ án hình sự" before "vụ án" before "vụ".
        for (phrase, persons) in [("vu an hinh su", false), ("vu an", false), ("vu viec", false), ("vu", false), ("bi can", true), ("bi cao", true), ("doi tuong", true)] {
            guard let found = words.range(of: " " + phrase + " ") else { continue }
            let rest = (words[..<found.lowerBound] + " " + words[found.upperBound...]).split(separator: " ").joined(separator: " ")
            return (persons, rest)
        }
        return nil
    }

    /// Folded words: "Số ca tử vong (người)" → "so ca tu vong nguoi"; "100.000" stays one number.
    static func folded(_ name: String) -> String {
        words(of: name, folding: true)
    }

    /// Letters, digits, % and ‰ kept; every other run of characters one space. Scalar by scalar
    /// (names are NFC), without Foundation: thousands of unit names pass through here.
    private static func words(of text: String, folding: Bool) -> String {
        var out = String.UnicodeScalarView()
        var space = true
        for scalar in text.unicodeScalars {
            let kept: Unicode.Scalar?
            if scalar.isASCII {
                let b = UInt8(scalar.value)
                if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x25 { kept = scalar }
                else if b >= 0x41 && b <= 0x5A { kept = folding ? Unicode.Scalar(b + 0x20) : scalar }
                else if folding, b == 0x2E || b == 0x2C, let last = out.last, last.properties.numericType != nil { continue }
                else { kept = nil }
            } else if folding, let base = VietnameseLetters.base[scalar] {
                kept = base
            } else if scalar == "‰" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                kept = folding ? Unicode.Scalar(scalar.properties.lowercaseMapping) ?? scalar : scalar
            } else {
                kept = nil
            }
            if let kept {
                out.append(kept)
                space = false
            } else if !space {
                out.append(" ")
                space = true
            }
        }
        if out.last == " " { out.removeLast() }
        return String(out)
    }

    /// Whole-word containment over bytes: `phrase` in `words`, bounded by spaces or the ends.
    static func contains(_ words: String, _ phrase: String) -> Bool {
        let w = Array(words.utf8), p = Array(phrase.utf8)
        guard !p.isEmpty, p.count <= w.count else { return false }
        var i = 0
        while i + p.count <= w.count {
            if (i == 0 || w[i - 1] == 0x20), (i + p.count == w.count || w[i + p.count] == 0x20), w[i..<(i + p.count)].elementsEqual(p) { return true }
            i += 1
        }
        return false
    }
}

/// Each Vietnamese letter with a diacritic and its bare ASCII letter, lowercase: the folding of
/// `HeaderName.fold` for the letters names use, without a Foundation call per name.
enum VietnameseLetters {
    static let base: [Unicode.Scalar: Unicode.Scalar] = {
        let groups: [(String, Unicode.Scalar)] = [
            ("àáảãạăằắẳẵặâầấẩẫậ", "a"), ("èéẻẽẹêềếểễệ", "e"), ("ìíỉĩị", "i"), ("òóỏõọôồốổỗộơờớởỡợ", "o"),
            ("ùúủũụưừứửữự", "u"), ("ỳýỷỹỵ", "y"), ("đ", "d"),
        ]
        var map: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (letters, base) in groups {
            for letter in letters.unicodeScalars {
                map[letter] = base
                for upper in letter.properties.uppercaseMapping.unicodeScalars { map[upper] = base }
            }
        }
        return map
    }()
}
