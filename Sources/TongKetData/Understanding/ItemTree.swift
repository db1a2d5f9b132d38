import Foundation

/// How an office marks one item of a list of indicators: "A.", "I.", "1.", "1.1", "a)", "-", "+",
/// "Trong đó:". The mark, not the words, says where an item stands: each new kind of mark opens a
/// level under the item above it, and a kind seen before closes the levels opened since (as a
/// careful reader follows an outline).
struct ItemMark: Equatable {
    enum Kind: Equatable {
        case none, roman, upperLetter, arabic, lowerLetter, dash, plus, star
        /// "1.1", "1.1.2": the depth is the number of parts.
        case dotted(Int)
        /// "Trong đó: …", and the items under a "Trong đó:" line: part of the item above, need not add up to it.
        case within
    }

    var kind: Kind
    /// What the mark says, without its punctuation: "A", "1.1", "a"; empty for a dash or none.
    var label: String
    /// The item's name without its mark.
    var name: String

    /// The mark of a row: its row-number cell when it has one, else the start of its name.
    static func read(serial: String, name: String) -> ItemMark {
        let trimmedName = name.trimmingCharacters(in: .whitespaces)
        if let within = withinPrefix(trimmedName) { return ItemMark(kind: .within, label: "", name: within) }
        let serial = serial.trimmingCharacters(in: .whitespaces)
        if !serial.isEmpty, let (kind, label) = kind(of: serial) {
            return ItemMark(kind: kind, label: label, name: leading(trimmedName)?.rest ?? trimmedName)
        }
        if let (kind, label, rest) = leading(trimmedName) { return ItemMark(kind: kind, label: label, name: rest) }
        return ItemMark(kind: .none, label: "", name: trimmedName)
    }

    /// The labels a name says its items add up to: "TỔNG THU NSNN (A+B)", "Tổng số = 1 + 2 + 3", "I+II".
    static func sumTerms(_ name: String) -> [String]? {
        let pattern = #"([A-Za-z0-9]{1,4})(\s*\+\s*[A-Za-z0-9]{1,4})+"#
        guard let range = name.range(of: pattern, options: .regularExpression) else { return nil }
        // The formula stands apart: in parentheses, after "=", or at the end of the name.
        let before = name[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
        let after = name[range.upperBound...].trimmingCharacters(in: .whitespaces)
        guard before.hasSuffix("(") || before.hasSuffix("=") || after.isEmpty || after.hasPrefix(")") else { return nil }
        let terms = name[range].split(separator: "+").map { $0.trimmingCharacters(in: .whitespaces) }
        return terms.count >= 2 ? terms : nil
    }

    /// "Trong đó:" alone on its row: the items below are parts of the item above.
    static func isWithinHeading(_ text: String) -> Bool {
        let folded = HeaderName.fold(text).trimmingCharacters(in: CharacterSet(charactersIn: " :"))
        return folded == "trong do" || folded == "trong so do" || folded == "chia ra" || folded == "bao gom" || folded == "gom"
    }

    /// "Trong đó: thuế GTGT" → "thuế GTGT".
    private static func withinPrefix(_ name: String) -> String? {
        for prefix in ["trong đó:", "trong đó", "t.đó:", "tr.đó:"] {
            let folded = name.lowercased()
            guard folded.hasPrefix(prefix), name.count > prefix.count else { continue }
            let rest = String(name.dropFirst(prefix.count)).trimmingCharacters(in: CharacterSet(charactersIn: " :-–"))
            if !rest.isEmpty, rest.first?.isLetter == true { return rest }
        }
        return nil
    }

    /// A mark at the start of a name, followed by a space: "1. Thu từ DNNN", "a) Tội phạm", "- Thuế GTGT".
    private static func leading(_ name: String) -> (kind: Kind, label: String, rest: String)? {
        let scalars = Array(name)
        guard let first = scalars.first else { return nil }
        if "-–—+*•".contains(first), scalars.count > 2, scalars[1] == " " {
            let rest = String(scalars.dropFirst(2)).trimmingCharacters(in: .whitespaces)
            guard !rest.isEmpty, rest.first?.isNumber == false else { return nil }
            return (first == "+" ? .plus : first == "*" ? .star : .dash, "", rest)
        }
        guard let space = scalars.firstIndex(of: " "), space <= 8 else { return nil }
        let token = String(scalars[..<space])
        // The mark must close with its punctuation ("1.", "a)", "A/") or be a numbered path ("1.1"): a bare word is the
        // name's own first word.
        guard let (kind, label) = kind(of: token), token.last.map({ ".)/".contains($0) }) == true || kind != .arabic && label.contains(".")
        else { return nil }
        let rest = String(scalars[(space + 1)...]).trimmingCharacters(in: .whitespaces)
        return rest.isEmpty ? nil : (kind, label, rest)
    }

    /// The kind of a mark standing alone ("1", "I", "a", "1.1", "-") or before a name ("1.", "a)").
    private static func kind(of token: String) -> (Kind, String)? {
        var body = token
        while let last = body.last, ".)/:".contains(last) { body.removeLast() }
        if body.hasPrefix("(") { body.removeFirst() }
        guard !body.isEmpty, body.count <= 8 else { return nil }
        if ["-", "–", "—"].contains(body) { return (.dash, "") }
        if body == "+" { return (.plus, "") }
        if body == "*" || body == "•" { return (.star, "") }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count >= 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) { return (.dotted(parts.count), body) }
        if body.allSatisfy(\.isNumber) { return (.arabic, body) }
        if body.allSatisfy({ "IVXL".contains($0) }) { return (.roman, body) }
        if body.count == 1, let c = body.first, c.isASCII, c.isLetter { return (c.isUppercase ? .upperLetter : .lowerLetter, body) }
        return nil
    }
}

/// The items of one list, in order, each placed under its parent by its mark. One tree per unit's
/// block: a new unit, a section heading or an item heading with no figure starts a new one.
struct ItemTree {
    private struct Open {
        var kind: ItemMark.Kind
        var name: String
    }

    private var open: [Open] = []
    /// After a "Trong đó:" line: the next item opens a level under the item above, whatever its mark.
    private var withinNext = false

    mutating func reset() {
        open.removeAll()
        withinNext = false
    }

    mutating func within() { withinNext = !open.isEmpty }

    /// The parent's name of the next item, and that item opened as the latest of its level.
    mutating func place(_ mark: ItemMark) -> String? {
        // "Trong đó: thuế GTGT" then "- thuế tài nguyên": a dash goes on with the parts it opened.
        if !withinNext, open.last?.kind == .within, [.dash, .plus, .star].contains(mark.kind) {
            open.removeLast()
            let parent = open.last?.name
            open.append(Open(kind: .within, name: mark.name))
            return parent
        }
        // After "Trong đó:" a level of its own under the item above, whatever the mark its items carry:
        // the next item with that mark is found there first, so it stays a part of the same item.
        if !withinNext, let level = open.lastIndex(where: { $0.kind == mark.kind }) {
            open.removeSubrange(level...)
        } else if !withinNext, mark.kind == .none {
            // An item with no mark stands at the top ("TỔNG THU NSNN" over "A.", "B."), never under a numbered one.
            open.removeAll()
        }
        withinNext = false
        let parent = open.last?.name
        open.append(Open(kind: mark.kind, name: mark.name))
        return parent
    }
}

extension TableUnderstanding {
    /// Each indicator row placed in its list's tree: its name without its mark ("1. Thu từ DNNN" is "Thu từ DNNN")
    /// and its parent. A name that stands under two parents in one block ("- Thuế GTGT" under each kind of
    /// enterprise) is two items, each named with its parent's name.
    mutating func placeItems() {
        guard let indicatorColumn = plan.first(.indicator) else { return }
        // A row number beside a unit's first row only ("1 | Phòng 1 | …", then its other indicators unnumbered) numbers
        // the units, not the items.
        var serialColumn = plan.first(.serial)
        if let serial = serialColumn, let unit = plan.first(.unit) {
            let numbered = data.filter { !grid.rows[$0.row].cell(serial).isEmpty }
            if !numbered.isEmpty, numbered.allSatisfy({ !grid.rows[$0.row].cell(unit).isEmpty }),
               data.contains(where: { grid.rows[$0.row].cell(unit).isEmpty }) {
                serialColumn = nil
            }
        }
        var dataAt: [Int: Int] = [:]
        for (i, row) in data.enumerated() { dataAt[row.row] = i }
        var tree = ItemTree()
        var block: String?
        var labels: [Int: String] = [:]
        for (offset, kind) in kinds.enumerated() {
            let index = band.last + 1 + offset
            switch kind {
            case .indicatorGroup:
                let text = grid.rows[index].distinct.joined(separator: " ")
                if ItemMark.isWithinHeading(text) { tree.within() } else { tree.reset() }
                continue
            case .section, .unitHeading, .repeatedHeader: tree.reset(); continue
            case .data: break
            default: continue
            }
            guard let at = dataAt[index] else { continue }
            let unit = unitName(of: data[at])
            if unit != block { tree.reset(); block = unit }
            let row = grid.rows[index]
            let cell = row.cell(indicatorColumn)
            guard !cell.isEmpty else { continue }
            let mark = ItemMark.read(serial: serialColumn.map(row.cell) ?? "", name: cell)
            data[at].parent = tree.place(mark)
            // An item at the top of its list under a heading that names no unit ("I. CÔNG TÁC KIỂM SÁT ĐIỀU TRA" over
            // the agency's own rows) is a part of that area of work.
            if data[at].parent == nil, data[at].unit == nil, let area = data[at].section { data[at].parent = area }
            if mark.name != cell { data[at].itemName = mark.name }
            labels[at] = mark.label
        }
        // Two parents for one name in one block: each is named with its parent's.
        var parents: [String: Set<String>] = [:]
        for row in data {
            guard let parent = row.parent else { continue }
            let name = row.itemName ?? grid.rows[row.row].cell(indicatorColumn)
            parents[(unitName(of: row) ?? "") + "\u{1}" + name, default: []].insert(parent)
        }
        for i in data.indices {
            guard let parent = data[i].parent else { continue }
            let name = data[i].itemName ?? grid.rows[data[i].row].cell(indicatorColumn)
            if (parents[(unitName(of: data[i]) ?? "") + "\u{1}" + name]?.count ?? 0) > 1 { data[i].itemName = name + " (" + parent + ")" }
        }
        // "TỔNG THU (A+B)": the items labelled A and B add up to it.
        var children: [String: [(label: String, name: String)]] = [:]
        for (at, row) in data.enumerated() {
            guard let parent = row.parent, let label = labels[at], !label.isEmpty else { continue }
            children[parent, default: []].append((label, row.itemName ?? grid.rows[row.row].cell(indicatorColumn)))
        }
        for (parent, items) in children {
            guard let terms = ItemMark.sumTerms(parent) else { continue }
            let named = terms.compactMap { term in items.first { $0.label.uppercased() == term.uppercased() }?.name }
            if named.count == terms.count, Set(named).count == named.count { itemSums[parent] = named }
        }
    }
}
