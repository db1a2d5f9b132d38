import Foundation

/// The review as the office writes it, built once (`Narrative.document`) and rendered to each
/// form it takes: the summaries' Markdown, report.docx, the deck's speaker notes. Nothing is
/// re-read from a rendering.
public struct ReviewDocument: Sendable {
    /// What a section is about: where the deck's charts and the report's tables go.
    public enum Part: Sendable, Equatable {
        case highlights, byUnit, field(DeckPlan.Section), comparison, shortfalls, plan, notes
        /// The leadership's own parts (`LeadershipText`).
        case assessment, causes, proposals

        var isField: Bool { if case .field = self { return true } else { return false } }
    }

    /// A piece of a section: a paragraph, an item, a unit's subheading, a table.
    public enum Block: Sendable, Equatable {
        case paragraph(String)
        /// A point of a list: a sentence about one figure or one unit.
        case item(String)
        /// A unit's own figures within a field.
        case subheading(String)
        case table(Table)
    }

    /// A table of figures: its header and rows.
    public struct Table: Sendable, Equatable {
        public var headers: [String]
        public var rows: [[String]]
        /// "Đơn vị tính: vụ": the one measure every row has, said once above the table; nil when
        /// the rows' measures differ (a column says each) or there is none.
        public var measureLine: String?
    }

    /// A heading and its blocks.
    public struct Section: Sendable {
        public var heading: String
        public var part: Part
        public var blocks: [Block]
    }

    public var title: String
    /// The lines under the title: the reporting period's dates.
    public var lead: [String]
    public var sections: [Section]

    /// The section about `part`, if the review has one.
    public func section(_ part: Part) -> Section? { sections.first { $0.part == part } }

    /// "# title", "## section", "### unit", "- item", tables as pipe tables.
    public var markdown: String {
        var out = "# " + title + "\n\n" + lead.map { $0 + "\n\n" }.joined()
        for section in sections {
            out += "## " + section.heading + "\n\n"
            var previous: Block?
            for block in section.blocks {
                // A list ends with a blank line before whatever is not an item.
                if case .item = previous, !Self.isItem(block) { out += "\n" }
                switch block {
                case let .paragraph(text): out += text + "\n\n"
                case let .item(text): out += "- " + text + "\n"
                case let .subheading(text): out += "### " + text + "\n\n"
                case let .table(table): out += (table.measureLine.map { "_\($0)_\n\n" } ?? "") + Self.markdown(table) + "\n"
                }
                previous = block
            }
            if case .item = previous { out += "\n" }
        }
        return out.hasSuffix("\n\n") ? String(out.dropLast()) : out
    }

    private static func isItem(_ block: Block) -> Bool { if case .item = block { return true } else { return false } }

    static func markdown(_ table: Table) -> String {
        func row(_ cells: [String]) -> String { "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n" }
        return row(table.headers) + "|" + table.headers.indices.map { $0 == 0 ? " --- |" : " ---: |" }.joined() + "\n" + table.rows.map(row).joined()
    }

    /// The section's sentences as lines (items without their dash): a presenter's notes.
    public static func lines(_ section: Section) -> [String] {
        section.blocks.compactMap { block in
            switch block {
            case let .paragraph(text), let .item(text): return text
            case .subheading, .table: return nil
            }
        }
    }
}
