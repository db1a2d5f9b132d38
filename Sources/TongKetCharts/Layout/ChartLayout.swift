/// Any `ChartSpec` → a `ChartScene` for a canvas, theme, language and text measurer: the frame
/// (title, subtitle, source, logo) around the plot, then the plot by its kind of marks. Every
/// chart's geometry, fitting, legend and animation come from here and the layouts it calls,
/// so a new chart kind writes no coordinates.
public enum ChartLayout {
    public static func scene(_ spec: ChartSpec, context c: ChartContext) -> ChartScene {
        let frame = ChartFrame(title: spec.title, subtitle: spec.subtitle, note: spec.note, context: c)
        let items: [Primitive]
        switch spec.plot {
        case let .bars(plot): items = BarLayout(spec: plot).layout(in: frame.plot, context: c)
        case let .lines(plot): items = LineLayout(spec: plot).layout(in: frame.plot, context: c)
        case let .cells(plot): items = CellLayout(spec: plot).layout(in: frame.plot, context: c)
        case let .tiles(plot): items = TileLayout(spec: plot).layout(in: frame.plot, context: c)
        case let .bullets(plot): items = BulletLayout(spec: plot).layout(in: frame.plot, context: c)
        case let .panels(plot): items = PanelLayout(spec: plot).layout(in: frame.plot, context: c)
        case let .table(plot): items = TableLayout(spec: plot).layout(in: frame.plot, context: c)
        }
        return ChartScene(width: c.size.width, height: c.size.height, background: c.theme.background,
                     items: frame.items + items, title: spec.title, subject: spec.subtitle)
    }
}
