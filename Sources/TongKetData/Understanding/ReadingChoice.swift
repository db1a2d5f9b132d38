/// Which of a sheet's two readings stands: the streaming path's (the header on its first lines, row by
/// row) or the whole sheet's (`TableUnderstanding`). Each rule below is one piece of evidence.
struct ReadingChoice {
    let wholeSheetStands: Bool

    init(streaming reader: FileReader, found: Bool, log: DiagnosticLog, assembler: TableAssembler, from start: Int,
         whole table: TableUnderstanding, wholeLog: DiagnosticLog, wholeAssembler: TableAssembler) {
        let wholeClean = wholeLog.errorCount == 0
        let errors = log.kept.filter { $0.severity == .error }
        guard found, !errors.isEmpty || !reader.headerFound else {
            // A clean streaming read gives way only to a clean whole-sheet one that finds figures (results,
            // targets) it left out, tells apart rows it read as one (a period column it did not know), or
            // reads the header otherwise (a group heading over "Cùng kỳ | Kỳ này" taken for the result), or finds the
            // indicators to be items within items ("1. …", "- …", "Trong đó:"), whose names lose their marks.
            let more = wholeAssembler.figureCount(from: start) > assembler.figureCount(from: start)
            let items = table.data.contains { $0.itemName != nil || $0.parent != nil }
                || table.plan.slots.contains { $0.parent != nil || $0.item.map { $0.kind != ItemMark.Kind.none } == true }
            wholeSheetStands = wholeClean && (more || items || assembler.hasRepeatedKeys(from: start) || reader.disagrees(with: table))
            return
        }
        let grid = table.grid
        let kinds = Dictionary(table.kinds.indices.map { (grid.rows[table.band.last + 1 + $0].line, table.kinds[$0]) },
                               uniquingKeysWith: { first, _ in first })
        let headerEnd = grid.rows[table.band.last].line
        // A key merged down (written once over its block) is blank below on the streaming path: an error
        // there is explained when the whole sheet filled that very cell.
        let keys = [table.plan.first(.unit), table.plan.first(.period) ?? table.plan.first(.year)].compactMap { $0 }
        let filled = Set(table.data.filter { $0.blankKey == nil }.compactMap { row -> Int? in
            keys.contains { grid.rows[row.row].cell($0).isEmpty } ? grid.rows[row.row].line : nil
        })
        // Where both readings stop at one row, they agree on it.
        let agreed = Set(wholeLog.kept.filter { $0.severity == .error }.compactMap(\.line))
        // A header the streaming path took on another row than the table's is no header of it.
        var structural = reader.headerLine.map { $0 != table.headerLine } == true
        var misread = false, aboutData = false, ragged = false
        for error in errors {
            if error.message.contains("fields but the header has") { ragged = true }
            guard let line = error.line, line > headerEnd else { structural = true; continue }
            let inPeriods = error.column.map { column in
                table.plan.columns.indices.contains(column - 1) && table.plan.columns[column - 1].role == .period
            } == true
            if let kind = kinds[line], kind != .data {
                misread = true
            } else if !filled.contains(line), !inPeriods, !agreed.contains(line) {
                aboutData = true
            }
        }
        // A row longer than the header is the CSV's own damage (an unquoted delimiter): it stands. Else the
        // whole sheet's reading replaces the streaming path's errors when it reads cleanly (it found the
        // header, filled a key merged down, set a heading aside); and, errors and all, when every row the
        // streaming path stumbled on is, understood as a whole, no data (a section heading, a note) — its
        // own errors are then at the cells that are wrong. Otherwise a value that is not a number stands.
        if ragged, !structural {
            wholeSheetStands = false
        } else {
            wholeSheetStands = wholeClean || (misread && !structural && !aboutData)
        }
    }
}
