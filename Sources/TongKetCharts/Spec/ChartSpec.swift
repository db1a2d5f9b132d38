/// A chart as data: what it shows and says, with no coordinates, fonts or colours — the
/// stage between `Metrics` and a `ChartScene` (DESIGN §5). A chart kind is a function that
/// builds one (`Charts.spec`); `ChartLayout` turns any spec into a ChartScene for a canvas, a
/// theme and a text measurer, so geometry, fitting, legends and animation are solved once.
///
/// The vocabulary follows Swift Charts and ggplot2: a few marks (bars, a rule, lines and
/// points, cells, tiles) carry their values and the labels to write beside them; colours are
/// `Tone`s the theme resolves; legends list what the tones mean.
public struct ChartSpec: Sendable, Equatable {
    public var title: String
    public var subtitle: String
    /// What the chart's reading rests on that nobody confirmed; it follows the source line.
    public var note: String?
    public var plot: Plot

    /// What the chart draws.
    public enum Plot: Sendable, Equatable {
        /// One row per category, one or more horizontal bars in it.
        case bars(BarPlot)
        /// Series over ordered categories (years).
        case lines(LinePlot)
        /// A grid of coloured cells: rows × columns.
        case cells(CellPlot)
        /// Headline tiles: a figure each, with its change and verdict.
        case tiles(TilePlot)
        /// Several indicators each on its own scale, against its target or limit.
        case bullets(BulletPlot)
        /// Small line charts, one per unit, on one scale.
        case panels(PanelPlot)
        /// Names and their figures in columns ("so với cùng kỳ").
        case table(TablePlot)
    }

    public init(title: String, subtitle: String, note: String? = nil, plot: Plot) {
        self.title = title
        self.subtitle = subtitle
        self.note = note
        self.plot = plot
    }
}

/// A colour by meaning; the theme says which colour each meaning is.
/// What a mark's colour means; the theme decides the colour (light, dark and print differ).
/// `custom` is a colour of the spec's own, the same in every theme: one bar in a colour of
/// its own, a unit's house colour.
public enum Tone: Sendable, Equatable, Hashable {
    case met, notMet, undefined, previous, current, target, reference, text, secondaryText
    case custom(ChartColor)
}

/// One entry of a legend: a swatch (bars, cells) or a line sample (series).
public struct LegendEntry: Sendable, Equatable {
    /// What the legend draws beside its label.
    public enum Symbol: Sendable, Equatable { case swatch, line, dashedLine }
    public var label: String
    public var tone: Tone
    public var symbol: Symbol
    public init(_ label: String, _ tone: Tone, symbol: Symbol = .swatch) {
        self.label = label
        self.tone = tone
        self.symbol = symbol
    }
}

/// How a value axis writes its ticks.
public enum AxisFormat: Sendable, Equatable {
    /// Grouped digits, as many decimals as the value has (up to one).
    case number
    /// Values are already percentages: "50 %".
    case percentPoints
}

/// A vertical reference line across the bars at `value`, labelled above the plot (a target).
public struct ReferenceLine: Sendable, Equatable {
    public var value: Double
    public var label: String
    public init(value: Double, label: String) {
        self.value = value
        self.label = label
    }
}

/// The words of the row that counts the rows left out, for the number left out.
public typealias Overflow = @Sendable (Int) -> String

/// The figures behind a bar: its actual and target, and how its value and verdict follow from them, so a
/// workbook can hold the figures and compute the bar ("Edit Data" corrects a figure and the bar follows).
public struct BarFigures: Sendable, Equatable {
    public var actual: Double
    public var target: Double?
    /// The bar is the actual as a share of the target, in % (a completion); else the actual itself.
    public var completion: Bool
    /// The target is a limit: met when the value is not above it.
    public var ceiling: Bool
    public init(actual: Double, target: Double?, completion: Bool, ceiling: Bool) {
        self.actual = actual
        self.target = target
        self.completion = completion
        self.ceiling = ceiling
    }
}

/// Horizontal bars, one row per unit or indicator, with an optional reference line.
public struct BarPlot: Sendable, Equatable {
    /// Two plots are equal when their rows, marks and settings are, and their overflow rows
    /// read alike (the same words for the same count).
    public static func == (a: BarPlot, b: BarPlot) -> Bool {
        a.rows == b.rows && a.rule == b.rule && a.legend == b.legend && a.axis == b.axis && a.minimumUpper == b.minimumUpper
            && a.maximumRows == b.maximumRows && a.lowerBound == b.lowerBound && a.overflow?(7) == b.overflow?(7)
    }

    /// One bar: its value, what its colour means and the label written after it.
    public struct Bar: Sendable, Equatable {
        /// nil: no bar, only the label (an undefined completion, a unit without targets).
        public var value: Double?
        public var tone: Tone
        /// Written after the bar's end.
        public var label: String
        /// A limit drawn across the bar (a ceiling's), on the value axis.
        public var marker: Double?
        /// What the value is computed from, for a program that computes it again (a native chart's workbook).
        public var figures: BarFigures?
        public init(value: Double?, tone: Tone, label: String, marker: Double? = nil, figures: BarFigures? = nil) {
            self.value = value
            self.tone = tone
            self.label = label
            self.marker = marker
            self.figures = figures
        }
    }

    /// One labelled row of bars (a unit, an indicator).
    public struct Row: Sendable, Equatable {
        public var label: String
        public var bars: [Bar]
        /// A figure in a column of its own at the right (the change, or actual / target).
        public var note: String
        public var noteTone: Tone?
        /// The label names the group of the rows below it (a ranking within groups): no bars.
        public var heading: Bool
        public init(label: String, bars: [Bar], note: String = "", noteTone: Tone? = nil, heading: Bool = false) {
            self.label = label
            self.bars = bars
            self.note = note
            self.noteTone = noteTone
            self.heading = heading
        }
    }

    /// In the order drawn, top first. When more rows come than fit, the last ones give way to a
    /// row that counts them, so order them by importance.
    public var rows: [Row]
    public var rule: ReferenceLine?
    public var legend: [LegendEntry]
    public var axis: AxisFormat
    /// The value axis reaches at least this far (100 for completion, so the target shows).
    public var minimumUpper: Double
    /// The last row when rows are cut, worded for the number left out: `{ "… và \($0) đơn vị khác" }`;
    /// nil for the default ("… và 12 đơn vị khác").
    public var overflow: Overflow?
    /// At most this many rows before the overflow row, however many would fit: long labels
    /// then get room for two lines.
    public var maximumRows: Int?
    /// When every value lies in a narrow band (rates of 95–100 %): the value axis starts
    /// here, and each value is a point, not a bar — a bar must start at 0, a point need not.
    public var lowerBound: Double?

    public init(rows: [Row], rule: ReferenceLine? = nil, legend: [LegendEntry] = [], axis: AxisFormat = .number, minimumUpper: Double = 0,
                overflow: Overflow? = nil, maximumRows: Int? = nil) {
        self.maximumRows = maximumRows
        self.rows = rows
        self.rule = rule
        self.legend = legend
        self.axis = axis
        self.minimumUpper = minimumUpper
        self.overflow = overflow
    }
}

/// Lines over the years: the province, a target, units.
public struct LinePlot: Sendable, Equatable {
    /// One line: its values by column, its tone and labels.
    public struct Series: Sendable, Equatable {
        public var tone: Tone
        public var dashed: Bool
        /// One per category; nil where the series has no value.
        public var values: [Double?]
        /// Written at each point (nil: none) — the figures being presented.
        public var labels: [String?]
        public init(tone: Tone, dashed: Bool = false, values: [Double?], labels: [String?] = []) {
            self.tone = tone
            self.dashed = dashed
            self.values = values
            self.labels = labels
        }
    }

    /// The x axis, in order (years).
    public var categories: [String]
    /// Drawn in order: a later series lies on top of an earlier one.
    public var series: [Series]
    public var legend: [LegendEntry]
    /// The values are rates: the axis says "%", and stops at 100 when no value passes it.
    public var percent = false

    public init(categories: [String], series: [Series], legend: [LegendEntry]) {
        self.categories = categories
        self.series = series
        self.legend = legend
    }
}

/// A heatmap: rows × columns of coloured cells with their values.
public struct CellPlot: Sendable, Equatable {
    /// One cell: its score on the colour scale and its label.
    public struct Cell: Sendable, Equatable {
        /// Where the cell sits on the diverging scale: 1 is on target, above is better. nil: the
        /// cell has a figure but nothing to colour it by (no target).
        public var score: Double?
        public var text: String
        public init(score: Double?, text: String) {
            self.score = score
            self.text = text
        }
    }

    public var rows: [String]
    public var columns: [String]
    /// rows × columns; nil where a unit does not report the indicator.
    public var cells: [[Cell?]]
    /// Stops of the colour scale shown in the legend, with their labels.
    public var scale: [(score: Double, label: String)]
    /// The last row when rows are cut, worded for the number left out.
    public var overflow: Overflow?

    public init(rows: [String], columns: [String], cells: [[Cell?]], scale: [(score: Double, label: String)], overflow: Overflow? = nil) {
        self.rows = rows
        self.columns = columns
        self.cells = cells
        self.scale = scale
        self.overflow = overflow
    }

    public static func == (a: CellPlot, b: CellPlot) -> Bool {
        a.rows == b.rows && a.columns == b.columns && a.cells == b.cells && a.overflow?(7) == b.overflow?(7)
            && a.scale.map(\.score) == b.scale.map(\.score) && a.scale.map(\.label) == b.scale.map(\.label)
    }
}

/// Headline tiles: one large figure each, with its change and verdict.
public struct TilePlot: Sendable, Equatable {
    /// One tile: a figure, its measure, its change and its verdict.
    public struct Tile: Sendable, Equatable {
        public var name: String
        public var figure: String
        /// Beside the figure, smaller ("bị can", "%"); may be empty.
        public var measure: String
        public var change: String
        /// The change's arrow: up or down, and whether that is the better way.
        public var arrow: (up: Bool, better: Bool)?
        public var verdict: String
        public var verdictTone: Tone

        public init(name: String, figure: String, measure: String, change: String, arrow: (up: Bool, better: Bool)?, verdict: String, verdictTone: Tone) {
            self.name = name
            self.figure = figure
            self.measure = measure
            self.change = change
            self.arrow = arrow
            self.verdict = verdict
            self.verdictTone = verdictTone
        }

        public static func == (a: Tile, b: Tile) -> Bool {
            a.name == b.name && a.figure == b.figure && a.measure == b.measure && a.change == b.change
                && a.arrow?.up == b.arrow?.up && a.arrow?.better == b.arrow?.better && a.verdict == b.verdict && a.verdictTone == b.verdictTone
        }
    }

    public var tiles: [Tile]
    public init(tiles: [Tile]) { self.tiles = tiles }
}

extension Theme {
    public func color(_ tone: Tone) -> ChartColor {
        switch tone {
        case .met: return met
        case .notMet: return notMet
        case .undefined, .secondaryText: return secondaryText
        case .previous: return previous
        case .current: return current
        case .target: return target
        case .reference: return reference
        case .text: return text
        case let .custom(color): return color
        }
    }
}
