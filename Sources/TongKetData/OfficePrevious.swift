import Foundation

/// The previous figure of a row where it is not the row of the year before: the form's own cùng kỳ, or a merged
/// unit's predecessors together (nil: nothing to compare with, as for a rate whose counts are not given).
public struct PreviousFigure: Sendable, Equatable {
    public var value: Double?
    public var fromOffice: Bool
}

extension Interpretation {
    /// The form's own cùng kỳ where another file states that year too (`IndicatorTable.officePrevious`): the same figure
    /// needs no word; another is the previous figure of the year after (flagged cung-ky), and both cells are said.
    mutating func officePreviousFigures() -> [RowKey: PreviousFigure] {
        var previous: [RowKey: PreviousFigure] = [:]
        var own: [RowKey: IndicatorRow] = [:]
        if !table.officePrevious.isEmpty {
            var wanted = Set<RowKey>()
            for key in table.officePrevious.keys { var before = key; before.year -= 1; wanted.insert(before) }
            for row in table.rows where wanted.contains(RowKey(row)) { own[RowKey(row)] = row }
        }
        for (key, form) in table.officePrevious.sorted(by: { ($0.value.file, $0.value.line) < ($1.value.file, $1.value.line) }) {
            var before = key
            before.year -= 1
            guard let stated = own[before] else {
                previous[key] = PreviousFigure(value: form.actual, fromOffice: true)
                continue
            }
            guard abs(stated.actual - form.actual) > max(1e-9, 1e-6 * abs(form.actual)) else { continue }
            previous[key] = PreviousFigure(value: form.actual, fromOffice: true)
            let en = FileReader.plain(form.actual), other = FileReader.plain(stated.actual)
            let place = table.warning(at: stated, nil, "", vietnamese: "").position
            let formPlace = table.warning(at: form, nil, "", vietnamese: "").position
            findings.append(Finding(kind: .previousConflict, diagnostic: table.warning(at: form, nil,
                "the form's cùng kỳ \(form.year) here is \(en), but \(place) states \(other) for that period: the form's is "
                    + "the previous figure of \(form.year + 1) (it may carry the office's adjustments, such as a merger; "
                    + "metrics.csv flags it cung-ky), \(other) stays \(form.year)'s own; correct whichever is wrong",
                vietnamese: "cùng kỳ \(form.year) của biểu ở đây là \(en), "
                    + "nhưng \(place) ghi \(other) cho kỳ đó: số của biểu là số "
                    + "cùng kỳ của năm \(form.year + 1) (có thể đã điều chỉnh, như khi sáp nhập; "
                    + "metrics.csv đánh dấu cung-ky), "
                    + "\(other) vẫn là số của năm \(form.year); sửa số nào sai")))
            findings.append(Finding(kind: .previousConflict, diagnostic: table.warning(at: stated, nil,
                "\(other) here differs from the cùng kỳ \(formPlace) states for this period (\(en)); see the warning there",
                vietnamese: "\(other) ở đây khác số cùng kỳ \(formPlace) ghi cho kỳ này (\(en)); xem cảnh báo ở đó")))
        }
        return previous
    }
}
