import Foundation

import TongKetAnalytics
import TongKetData

/// The leadership's own paragraphs (`--text FILE`): what no figure says — the causes of what
/// was not met, next year's directions and tasks, the proposals to the level above, and an
/// overall assessment. A Markdown file whose headings name the parts ("## Nguyên nhân",
/// "Phương hướng, nhiệm vụ", "Đề xuất, kiến nghị", "Đánh giá chung"); under each, paragraphs
/// (lines joined until a blank line) and items ("- …"). The report, the deck's speaker notes
/// and the summaries carry them; a part left out is a visible placeholder in a draft report,
/// and `--final` refuses it.
public struct LeadershipText: Sendable, Equatable {
    public enum Part: String, Sendable, CaseIterable {
        case assessment, causes, directions, proposals

        /// The heading as the report writes it.
        public func heading(_ language: Language) -> String {
            switch self {
            case .assessment: return language == .vi ? "Đánh giá chung" : "Overall assessment"
            case .causes: return language == .vi ? "Nguyên nhân" : "Causes"
            case .directions: return language == .vi ? "Phương hướng, nhiệm vụ" : "Directions and tasks"
            case .proposals: return language == .vi ? "Đề xuất, kiến nghị" : "Proposals"
            }
        }

        /// A heading names this part when its words, folded, without their commas, the "công tác"
        /// and the period after them ("năm 2024", "6 tháng cuối năm 2024"), are one of these.
        var names: Set<String> {
            switch self {
            case .assessment: return ["danh gia chung", "overall assessment", "assessment"]
            case .causes: return ["nguyen nhan", "nguyen nhan cua ton tai han che", "nguyen nhan cua nhung ton tai han che", "causes"]
            case .directions:
                return ["phuong huong nhiem vu", "phuong huong", "nhiem vu", "phuong huong nhiem vu trong tam", "nhiem vu trong tam",
                        "nhiem vu giai phap", "phuong huong nhiem vu giai phap", "directions and tasks", "directions", "tasks"]
            case .proposals: return ["de xuat kien nghi", "kien nghi de xuat", "de xuat", "kien nghi", "proposals", "recommendations"]
            }
        }

        /// The part `heading` names, if any.
        static func named(_ heading: String) -> Part? {
            var words = HeaderName.fold(heading).replacingOccurrences(of: ",", with: " ").split(separator: " ").map(String.init)
            // The period and "công tác" after the name: "… công tác năm 2024", "… 6 tháng cuối năm 2024", "… năm tới".
            let period: Set<String> = ["nam", "hoc", "cong", "tac", "thang", "dau", "cuoi", "toi", "tiep", "theo", "sau", "chin",
                                       "-", "–"]
            while let last = words.last, period.contains(last) || last.allSatisfy({ $0.isNumber || $0 == "-" || $0 == "–" }) {
                words.removeLast()
            }
            let key = words.joined(separator: " ")
            return allCases.first { $0.names.contains(key) }
        }
    }

    /// The parts a report must not go out without (the assessment has the figures' own).
    public static let required: [Part] = [.causes, .directions, .proposals]

    /// What a draft shows where a part is still to be written.
    public static func placeholder(_ language: Language) -> String {
        language == .vi ? "[Nội dung do lãnh đạo bổ sung]" : "[To be written by the leadership]"
    }

    /// Each part's paragraphs; an item keeps its "- ".
    public var parts: [Part: [String]] = [:]

    public init(parts: [Part: [String]] = [:]) { self.parts = parts }

    public subscript(_ part: Part) -> [String] { parts[part] ?? [] }

    /// Why a text could not be read: the file, the line, what to do.
    public struct ReadError: Error, CustomStringConvertible, Sendable {
        public var file: String
        public var line: Int
        public var heading: String?

        public var description: String { message(vietnamese: false) }

        public func message(vietnamese: Bool) -> String {
            let names = Part.allCases.map { "\"\($0.heading(vietnamese ? .vi : .en))\"" }.joined(separator: ", ")
            if let heading {
                return vietnamese
                    ? "\(file):\(line): mục \"\(heading)\" không phải một phần của báo cáo; "
                        + "đặt tên mục là một trong \(names)"
                    : "\(file):\(line): the heading \"\(heading)\" names no part of the report; name it one of \(names)"
            }
            return vietnamese
                ? "\(file):\(line): đoạn văn nằm trước mọi đầu mục; "
                    + "đặt nó dưới một đầu mục, ví dụ \"## Nguyên nhân\""
                : "\(file):\(line): text before any heading; put it under one, e.g. \"## Causes\""
        }
    }

    /// Reads `text` (Markdown); `file` names it in errors.
    public static func read(_ text: String, file: String) throws(ReadError) -> LeadershipText {
        var out = LeadershipText()
        var part: Part?
        // The "#" of the part's heading: a deeper heading inside it that names no part ("### Nguyên nhân
        // khách quan") is a line of the part's text.
        var partLevel = 0
        var paragraph: [String] = []
        var seenTitle = false
        func close() {
            guard let part, !paragraph.isEmpty else { paragraph = []; return }
            out.parts[part, default: []].append(paragraph.joined(separator: " "))
            paragraph = []
        }
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        for (index, raw) in lines.enumerated() {
            let line = plain(raw.trimmingCharacters(in: .whitespaces))
            if line.isEmpty { close(); continue }
            if let (words, level) = heading(line, emphasised: raw.contains("**") || raw.contains("__")) {
                if let named = Part.named(words) {
                    close()
                    (part, partLevel) = (named, level)
                    continue
                }
                if level > 0 {
                    close()
                    if part != nil, level > partLevel {
                        paragraph = [words]
                        close()
                        continue
                    }
                    // The file's own title above its parts ("# Ý kiến của lãnh đạo") is not a part.
                    if part == nil, !seenTitle { seenTitle = true; continue }
                    throw ReadError(file: file, line: index + 1, heading: words)
                }
            }
            guard part != nil else { throw ReadError(file: file, line: index + 1, heading: nil) }
            // An item stands alone, as the decree's body writes it ("- Tăng cường …").
            if let first = line.first, "-*+•".contains(first), line.dropFirst().first == " " {
                close()
                paragraph = ["- " + line.dropFirst(2).trimmingCharacters(in: .whitespaces)]
                close()
            } else {
                paragraph.append(line)
            }
        }
        close()
        return out
    }

    /// A heading's words and its level (the count of "#"; 0 for a line set apart: bold, numbered or
    /// ending in ":"): "## 2. Nguyên nhân", "**Nguyên nhân:**", "II. ĐỀ XUẤT, KIẾN NGHỊ", "a) Kiến nghị:".
    /// nil for a line that is neither.
    private static func heading(_ line: String, emphasised: Bool) -> (String, Int)? {
        var text = Substring(line)
        var level = 0
        while text.hasPrefix("#") { text = text.dropFirst(); level += 1 }
        var setApart = emphasised || line.hasSuffix(":")
        var words = text.trimmingCharacters(in: .whitespaces)
        // A number, a Roman numeral or a letter before it: "2.", "II.", "a)".
        if let space = words.firstIndex(of: " ") {
            let mark = words[..<space]
            let numeral = mark.dropLast()
            if mark.count > 1, ".)".contains(mark.last ?? " "),
               numeral.allSatisfy({ $0.isNumber || "IVXivx".contains($0) }) || (numeral.count == 1 && numeral.first?.isLowercase == true) {
                words = words[space...].trimmingCharacters(in: .whitespaces)
                setApart = true
            }
        }
        if words.hasSuffix(":") { words = String(words.dropLast()).trimmingCharacters(in: .whitespaces) }
        guard !words.isEmpty, level > 0 || setApart && words.count < 80 else { return nil }
        return (words, level)
    }


    /// Markdown's emphasis marks off: "**Nguyên nhân**" → "Nguyên nhân".
    private static func plain(_ text: String) -> String {
        text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
    }
}
