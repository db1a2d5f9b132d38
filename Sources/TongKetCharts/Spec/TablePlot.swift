/// A table of figures: a name per row, then its figures in columns — the "so với cùng kỳ"
/// page, the table every review has. A cell's tone colours its text (a change for the
/// better, or for the worse).
public struct TablePlot: Sendable, Equatable {
    /// One line of the table.
    public struct Row: Sendable, Equatable {
        public var label: String
        public var cells: [String]
        /// Per cell; nil: the text's own colour.
        public var tones: [Tone?]
        public init(label: String, cells: [String], tones: [Tone?] = []) {
            self.label = label
            self.cells = cells
            self.tones = tones
        }
    }

    /// The first column's header (the names'), then one per figure column.
    public var labelHeader: String
    public var columns: [String]
    public var rows: [Row]

    public init(labelHeader: String, columns: [String], rows: [Row]) {
        self.labelHeader = labelHeader
        self.columns = columns
        self.rows = rows
    }
}
