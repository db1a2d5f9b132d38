/// Several indicators, each on its own scale: the actual as a bar against its target band,
/// a ceiling's limit as a marker — for one field's or one unit's indicators on one page,
/// instead of a page of one bar each.
public struct BulletPlot: Sendable, Equatable {
    /// One indicator: its actual against its target or limit.
    public struct Row: Sendable, Equatable {
        public var label: String
        public var actual: Double
        /// The target, or for a ceiling the limit; nil when none was set.
        public var target: Double?
        /// The target is a limit: met when the actual is not above it.
        public var ceiling: Bool
        public var tone: Tone
        /// Written after the bar: "132 bị can · kế hoạch 117", "2,9 % · trần 5 %".
        public var valueLabel: String

        public init(label: String, actual: Double, target: Double?, ceiling: Bool, tone: Tone, valueLabel: String) {
            self.label = label
            self.actual = actual
            self.target = target
            self.ceiling = ceiling
            self.tone = tone
            self.valueLabel = valueLabel
        }
    }

    public var rows: [Row]
    public var legend: [LegendEntry]

    public init(rows: [Row], legend: [LegendEntry]) {
        self.rows = rows
        self.legend = legend
    }
}

/// Small multiples: one small line chart per unit, every panel on the same scale, so the
/// units' paths compare at a glance.
public struct PanelPlot: Sendable, Equatable {
    /// One small chart of the grid.
    public struct Panel: Sendable, Equatable {
        public var title: String
        /// One per category; nil where the unit did not report.
        public var values: [Double?]
        /// The targets (a ceiling's limits), dashed; nil where none was set.
        public var targets: [Double?]
        /// The last value, written at the line's end.
        public var label: String
        public var tone: Tone

        public init(title: String, values: [Double?], targets: [Double?] = [], label: String, tone: Tone) {
            self.title = title
            self.values = values
            self.targets = targets
            self.label = label
            self.tone = tone
        }
    }

    public var categories: [String]
    public var panels: [Panel]
    /// The values are rates: the scale's top says "%".
    public var percent = false
    public var legend: [LegendEntry]

    public init(categories: [String], panels: [Panel], legend: [LegendEntry] = []) {
        self.categories = categories
        self.panels = panels
        self.legend = legend
    }
}
