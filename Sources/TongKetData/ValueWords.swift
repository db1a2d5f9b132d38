import Foundation

/// What a value cell of a printed form may hold besides a number: the statistical office's signs,
/// a unit word after the number ("18 ngày", "157 bị can"), and a paired count ("74 vụ/157 bị can").
enum ValueWords {
    /// The signs of Vietnamese statistical tables (as in the statistical yearbook's conventions).
    enum Sign: Equatable {
        /// "-": the thing did not occur — a count of 0; a rate or an average has nothing to rate.
        case didNotOccur
        /// "Không phát sinh": none arose — 0.
        case noneArose
        /// "...": it occurred but was not collected; "x", "K/c": not applicable — no value.
        case notCollected, notApplicable

        var word: String {
            switch self {
            case .didNotOccur: "-"
            case .noneArose: "Không phát sinh"
            case .notCollected: "..."
            case .notApplicable: "x"
            }
        }
    }

    /// The sign a whole cell is, if it is one.
    static func sign(_ bytes: UnsafeBufferPointer<UInt8>) -> Sign? {
        // Every sign begins with one of these bytes ("-", "–" "—" "…" are 0xE2 …, ".", "x", "K"):
        // a number, or a workbook's typed number, leaves at its first byte.
        guard bytes.count <= 40, let first = bytes.first(where: { $0 != 0x20 }),
              first == 0x2D || first == 0xE2 || first == 0x2E || first == 0x78 || first == 0x58 || first == 0x6B || first == 0x4B
        else { return nil }
        let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        switch text {
        case "-", "–", "—", "--": return .didNotOccur
        case "...", "…", "..", "....": return .notCollected
        case "x", "X", "k/c", "K/c", "K/C", "kc", "KC": return .notApplicable
        default: break
        }
        let folded = HeaderName.fold(text)
        if ["khong phat sinh", "kps", "khong co", "khong xay ra"].contains(folded) { return .noneArose }
        return nil
    }

    /// The number at the start of a cell followed by a unit word or two ("18 ngày", "157 bị can",
    /// "20 ngày"): the byte range of the number, or nil when the rest is not words.
    static func numberBeforeWords(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var i = 0
        while i < bytes.count, bytes[i] == 0x20 { i += 1 }
        let start = i
        while i < bytes.count, isNumberByte(bytes[i]) { i += 1 }
        let end = i
        guard end > start, (0x30...0x39).contains(bytes[start]) else { return nil }
        // The rest: a space, then letters and spaces only (UTF-8 letters are ≥ 0x80), at most three words.
        guard end < bytes.count, bytes[end] == 0x20 else { return nil }
        let rest = String(decoding: UnsafeBufferPointer(rebasing: bytes[end...]), as: UTF8.self)
        let words = rest.split(separator: " ")
        // (a word may be a measure of two, "học sinh/lớp")
        guard !words.isEmpty, words.count <= 3, words.allSatisfy({ word in
            word.allSatisfy { $0.isLetter || $0 == "/" } && word.first != "/" && word.last != "/"
        }) else { return nil }
        return start..<end
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || byte == 0x2E || byte == 0x2C || byte == 0x25
    }

    /// "74 vụ/157 bị can": each count's byte range and its word; nil unless the cell is exactly two
    /// counts with their words, separated by "/".
    static func pair(_ bytes: UnsafeBufferPointer<UInt8>) -> [(number: Range<Int>, word: String)]? {
        guard bytes.count <= 80, let slash = bytes.firstIndex(of: 0x2F) else { return nil }
        var halves: [(Range<Int>, String)] = []
        for range in [0..<slash, (slash + 1)..<bytes.count] {
            let half = UnsafeBufferPointer(rebasing: bytes[range])
            guard let number = numberBeforeWords(half) else { return nil }
            let word = String(decoding: UnsafeBufferPointer(rebasing: half[number.upperBound...]), as: UTF8.self)
                .trimmingCharacters(in: .whitespaces)
            halves.append(((number.lowerBound + range.lowerBound)..<(number.upperBound + range.lowerBound), word))
        }
        return halves
    }
}

/// What the rows of a printed form say that is not data: a numbering row under the header, a
/// section heading merged across the table, the signature block below it.
enum FormRows {
    /// "(1) (2) … (6)=(5)/(4)", "1 2 3", "A B C": every filled cell a short column label, three or more.
    static func isNumbering(_ cells: [String]) -> Bool {
        let filled = cells.filter { !$0.isEmpty }
        guard filled.count >= 3 else { return false }
        return filled.allSatisfy { cell in
            cell.count <= 16 && cell.unicodeScalars.allSatisfy { scalar in
                scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "()=/*+-x:. ".unicodeScalars.contains(scalar))
            } && cell.filter(\.isLetter).count <= max(2, cell.count / 3) + (cell.contains("=") ? 6 : 0)
        }
    }

    /// A section heading's group name: "I. CÁC PHÒNG NGHIỆP VỤ" → "CÁC PHÒNG NGHIỆP VỤ"; nil unless
    /// the text starts with a Roman numeral or a capital letter and ". " or ") ".
    static func sectionName(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let mark = trimmed.firstIndex(where: { $0 == "." || $0 == ")" || $0 == "/" }) else { return nil }
        let label = trimmed[..<mark]
        let roman = !label.isEmpty && label.allSatisfy { "IVXL".contains($0) }
        let letter = label.count == 1 && label.first.map { $0.isUppercase && $0.isASCII } == true
        guard roman || letter else { return nil }
        let name = trimmed[trimmed.index(after: mark)...].trimmingCharacters(in: .whitespaces)
        return name.count >= 3 ? name : nil
    }

    /// The first words of a signature block: where the table ends.
    static let signatureStarts = ["noi nhan", "nguoi lap bieu", "nguoi lap", "nguoi tong hop", "vien truong", "giam doc",
                                  "pho giam doc", "truong phong", "thu truong", "chanh van phong", "kt. ", "kt ", "tm. ",
                                  "tm ", "tl. ", "(da ky)", "(ky", "luu:", "luu vt", "xac nhan cua"]

    static func isSignature(_ cell: String) -> Bool {
        let folded = HeaderName.fold(cell)
        return signatureStarts.contains { folded == $0.trimmingCharacters(in: .whitespaces) || folded.hasPrefix($0) }
    }
}

extension ValueWords {
    /// The sign a cell is ("-", "x", "…", "Không phát sinh"), nil for a figure or a text.
    static func signOf(_ cell: String) -> Sign? {
        var text = cell
        return text.withUTF8 { sign($0) }
    }
}
