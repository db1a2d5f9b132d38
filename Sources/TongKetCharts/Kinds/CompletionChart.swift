import TongKetAnalytics

/// 2. Completion of one indicator's target per unit, met and not met in their colours.
struct CompletionChart {
    let data: ChartData
    let indicator: Int32
    let year: Int

    func spec(_ w: ChartWords) -> ChartSpec {
        if data.metrics.profile(indicator).direction == .lower { return ceilingSpec(w) }
        if data.metrics.profile(indicator).isRate { return rateSpec(w) }
        let n = w.numbers
        let figures = data.unitFigures(indicator: indicator, year: year)
            .sorted { ($0.completion ?? -1, data.name($1)) > ($1.completion ?? -1, data.name($0)) }
        // A part of the year against the year's target is progress, not completion.
        let progress = figures.contains(where: \.progress)
        var subtitle = progress ? w.pick("Tiến độ thực hiện kế hoạch năm \(year), \(data.when(year, w)), theo đơn vị", "Progress on the \(year) target, \(data.when(year, w)), by unit")
            : w.pick("Tỷ lệ hoàn thành kế hoạch \(data.when(year, w)), theo đơn vị", "Completion of the target, \(data.when(year, w)), by unit")
        // One precision for every bar of the page and the province's figure in its subtitle.
        let province = data.provinceFigures(indicator: indicator).first(where: { $0.year == year })
        var shown = n.completions(figures.compactMap(\.completion) + (province?.completion.map { [$0] } ?? []))
        if let province, province.completion != nil {
            let completion = shown.removeLast()
            subtitle += w.pick(" · toàn tỉnh \(completion)", " · province \(completion)")
            if let words = data.formulaWords(province.indicator, w) { subtitle += " (" + words.long + ")" }
        }
        var labels = Dictionary(zip(figures.filter { $0.completion != nil }.map(\.unit), shown), uniquingKeysWith: { a, _ in a })
        let rows = figures.map { f -> BarPlot.Row in
            let tone: Tone = f.status == .met ? .met : f.status == .notMet ? .notMet : .undefined
            // "132 / 117 bị can": achieved over target, the measure once.
            let note = data.words(w).flagPrefix(f) + (f.target.map { n.number(f.actual) + (f.estimated ? n.estimateMark : "") + " / " + data.value($0, f, n) } ?? data.actual(f, n))
            let label = labels.removeValue(forKey: f.unit) ?? n.undefined
            let behind = BarFigures(actual: f.actual, target: f.target, completion: true, ceiling: false)
            let bar = BarPlot.Bar(value: f.completion.map { $0 * 100 }, tone: tone, label: label, figures: behind)
            return .init(label: data.name(f), bars: [bar],
                         note: note, noteTone: f.flagged ? .notMet : .secondaryText)
        }
        let plot = BarPlot(rows: rows, rule: ReferenceLine(value: 100, label: progress ? w.pick("Kế hoạch năm (100 %)", "The year's target (100 %)") : w.pick("Kế hoạch (100 %)", "Target (100 %)")),
                           legend: [LegendEntry(data.words(w).met, .met), LegendEntry(data.words(w).notMet, .notMet)],
                           axis: .percentPoints, minimumUpper: 100)
        return ChartSpec(title: data.indicator(indicator), subtitle: subtitle, note: data.note(figures, w), plot: .bars(plot))
    }

    /// A rate is read as itself against its threshold — never as a completion of a rate
    /// (100 % against 70 % is not "142,9 %"): each unit's rate as a bar, its threshold marked
    /// across it, highest first, the gap in points beside it.
    private func rateSpec(_ w: ChartWords) -> ChartSpec {
        let words = data.words(w)
        let figures = data.unitFigures(indicator: indicator, year: year).sorted { ($0.actual, data.name($1)) > ($1.actual, data.name($0)) }
        // One threshold for every unit is said once, in the legend; the bars' notes are then their points.
        let thresholds = Set(figures.compactMap(\.target))
        let shared = thresholds.count == 1 ? thresholds.first : nil
        var subtitle = w.pick("\(data.When(year, w)), theo đơn vị, so với mức kế hoạch", "\(data.When(year, w)), by unit, against the threshold")
        let province = data.provinceFigures(indicator: indicator).first(where: { $0.year == year })
        if let province {
            subtitle += w.pick(" · toàn tỉnh ", " · province ") + words.actual(province)
            if let formed = data.formulaWords(province.indicator, w) { subtitle += " (" + formed.short + ")" }
            if province.target != nil { subtitle += ", " + words.shortVerdict(province) }
        }
        let rows = figures.map { f -> BarPlot.Row in
            let tone: Tone = f.status == .met ? .met : f.status == .notMet ? .notMet : .undefined
            let label = words.shortActual(f)
            let note = f.target == nil ? words.noTarget : shared == nil ? words.shortVerdict(f) : words.signedGap(f) ?? ""
            let behind = BarFigures(actual: f.actual, target: f.target, completion: false, ceiling: false)
            let bar = BarPlot.Bar(value: f.actual, tone: tone, label: label, marker: f.target, figures: behind)
            return .init(label: data.name(f), bars: [bar], note: note,
                         noteTone: f.status == .notMet || f.flagged ? .notMet : .secondaryText)
        }
        var plot = BarPlot(rows: rows, legend: [LegendEntry(words.met, .met), LegendEntry(words.notMet, .notMet),
                                                LegendEntry(w.pick("mức kế hoạch", "threshold") + (shared.map { " " + words.value($0, figures[0]) } ?? ""), .target, symbol: .line)],
                           axis: .percentPoints, minimumUpper: 100)
        // Every rate and threshold within a few points (98–100 %): on 0–100 nothing could be
        // told apart, so the axis shows the band, as points, and says it does not start at 0.
        let shown = figures.map(\.actual) + figures.compactMap(\.target)
        if let low = shown.min(), let high = shown.max(), low >= 80, high - low <= 6 {
            // As far below the lowest as the band is wide, on a round tenth (or whole) point.
            let span = max(high - low, 0.1)
            let grain = span < 1 ? 10.0 : 1.0
            // The axis's own round start, so the subtitle names the tick the axis begins at.
            let lower = LinearScale(lower: ((low - span) * grain).rounded(.down) / grain, upper: max(high, 100), from: 0, to: 1).domain.lowerBound
            plot.lowerBound = lower
            subtitle += w.pick(" · trục từ \(w.numbers.number(lower)) %, không bắt đầu từ 0", " · the axis starts at \(w.numbers.number(lower)) %, not 0")
        }
        let noted = (province.map { [$0] } ?? []) + figures.filter(\.flagged)
        return ChartSpec(title: data.indicator(indicator), subtitle: subtitle, note: data.note(noted, w), plot: .bars(plot))
    }

    /// A ceiling is read as the value against its limit — never as a completion whose size
    /// reads backwards (22 % "completion" is the best result): each unit's value as a bar, its
    /// limit marked across it, lowest first, coloured by whether it stayed within.
    private func ceilingSpec(_ w: ChartWords) -> ChartSpec {
        let n = w.numbers
        let figures = data.unitFigures(indicator: indicator, year: year).sorted { ($0.actual, data.name($0)) < ($1.actual, data.name($1)) }
        var subtitle = w.pick("\(data.When(year, w)), theo đơn vị, so với mức trần · chỉ tiêu trần: đạt khi không vượt trần",
                              "\(data.When(year, w)), by unit, against the ceiling · met when not above it")
        if let province = data.provinceFigures(indicator: indicator).first(where: { $0.year == year }) {
            subtitle += w.pick(" · toàn tỉnh ", " · province ") + data.value(province.actual, province, n)
            if let words = data.formulaWords(province.indicator, w) { subtitle += " (" + words.short + ")" }
            if let limit = province.target {
                subtitle += province.status == .met ? w.pick(", trong giới hạn (trần ", ", within the ceiling (") + data.value(limit, province, n) + ")"
                    : w.pick(", vượt trần ", ", above the ceiling of ") + data.value(limit, province, n)
            }
        }
        let rows = figures.map { f -> BarPlot.Row in
            let tone: Tone = f.status == .met ? .met : f.status == .notMet ? .notMet : .undefined
            let label = data.words(w).flagPrefix(f) + data.actual(f, n) + (f.target.map { w.pick(" · trần ", " · ceiling ") + data.value($0, f, n) } ?? "")
            let verdict = data.words(w).status(f)
            let behind = BarFigures(actual: f.actual, target: f.target, completion: false, ceiling: true)
            return .init(label: data.name(f), bars: [.init(value: f.actual, tone: tone, label: label, marker: f.target, figures: behind)],
                         note: verdict, noteTone: f.status == .notMet ? .notMet : .secondaryText)
        }
        let plot = BarPlot(rows: rows, legend: [LegendEntry(data.words(w).withinCeiling, .met), LegendEntry(data.words(w).aboveCeiling, .notMet),
                                                LegendEntry(w.pick("mức trần", "ceiling"), .target, symbol: .line)])
        return ChartSpec(title: data.indicator(indicator), subtitle: subtitle, note: nil, plot: .bars(plot))
    }
}
