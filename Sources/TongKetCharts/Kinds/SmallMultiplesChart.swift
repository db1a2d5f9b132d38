import TongKetAnalytics
import TongKetData

/// 9. One indicator's path in every unit, each in its own small chart on one shared scale.
struct SmallMultiplesChart {
    let data: ChartData
    let indicator: Int32
    let year: Int
    /// Sixteen small charts are as many as a slide shows legibly.
    static let maximumPanels = 16

    func spec(_ w: ChartWords) -> ChartSpec {
        let n = w.numbers
        let rows = data.table.rows.indices.filter { data.table.rows[$0].indicator == indicator && Int(data.table.rows[$0].year) <= year }
        let years = Array(Set(rows.map { Int(data.table.rows[$0].year) })).sorted()
        var units = Array(Set(rows.map { data.table.rows[$0].unit })).sorted { NameOrder.precedes(data.table.units[Int($0)], data.table.units[Int($1)]) }
        let hidden = max(0, units.count - Self.maximumPanels)
        units = Array(units.prefix(Self.maximumPanels))
        let titles = ShortNames.distinct(units.map(data.unitShortName))
        let panels = units.enumerated().map { index, unit -> PanelPlot.Panel in
            let mine = rows.filter { data.table.rows[$0].unit == unit }.map(data.metrics.unitFigures(at:))
            let byYear = Dictionary(mine.map { ($0.year, $0) }, uniquingKeysWith: { a, _ in a })
            let last = byYear[year]
            let tone: Tone = last?.status == .met ? .met : last?.status == .notMet ? .notMet : .current
            return .init(title: titles[index], values: years.map { byYear[$0]?.actual }, targets: years.map { byYear[$0]?.target },
                         label: last.map { data.value($0.actual, $0, n) } ?? "", tone: tone)
        }
        let first = years.first ?? year
        let ceiling = data.metrics.profile(indicator).direction == .lower
        var subtitle = w.pick("Từng đơn vị, \(first)–\(year), cùng một thang đo · \(ceiling ? "mức trần" : "kế hoạch") nét đứt · màu: \(ceiling ? "trong giới hạn / vượt trần" : "đạt / chưa đạt") năm \(year)",
                              "Each unit, \(first)–\(year), on one scale · \(ceiling ? "ceiling" : "target") dashed · colour: \(year) \(ceiling ? "within / above the ceiling" : "target met / not met")")
        if hidden > 0 { subtitle += w.pick(" · \(hidden) đơn vị khác không hiển thị", " · \(hidden) more units not shown") }
        var plot = PanelPlot(categories: years.map(String.init), panels: panels)
        plot.percent = data.metrics.profile(indicator).isRate
        return ChartSpec(title: data.indicator(indicator), subtitle: subtitle, note: nil, plot: .panels(plot))
    }
}
