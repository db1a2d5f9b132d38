import Foundation

/// Draws charts to files: the size, theme and language given once, the text measured and
/// drawn by the same Cairo/Pango renderer. Make one per thread (Pango's objects stay on the
/// thread that made them).
///
/// ```swift
/// let metrics = try Metrics(reading: ["ketqua-2023.csv"])
/// let charts = try ChartWriter()
/// try charts.write(.scorecard, of: metrics, to: "scorecard.png")
/// ```
public final class ChartWriter {
    public let size: CanvasSize
    public let theme: Theme
    public let language: Language
    private let renderer: ChartRenderer

    public init(size: CanvasSize = .slide, theme: Theme = .light, language: Language = .vi) throws {
        self.size = size
        self.theme = theme
        self.language = language
        renderer = try ChartRenderer()
        try renderer.measurer.checkFont(theme.fontFamily)
    }

    /// Where charts are laid out: this writer's size, theme, language and measurer.
    public var context: ChartContext { ChartContext(size: size, theme: theme, language: language, measurer: renderer.measurer) }

    /// One of the charts (`ChartKind`) as data, for `year` (default: the latest) and, for
    /// completion, yoy, trend and multiples, the indicator named (close enough is fine; default: the headline one).
    public func spec(_ kind: ChartKind, of metrics: Metrics, year: Int? = nil, indicator: String? = nil) throws -> ChartSpec {
        Charts.spec(try request(kind, metrics, year, indicator), metrics: metrics, language: language)
    }

    /// Any spec laid out on this writer's canvas: a Scene, for a backend or for inspection.
    public func scene(_ spec: ChartSpec) -> Scene { ChartLayout.scene(spec, context: context) }

    /// One of the charts written to `path`: PNG, PDF or SVG by its extension (or `format`).
    public func write(_ kind: ChartKind, of metrics: Metrics, year: Int? = nil, indicator: String? = nil, to path: String, format: OutputFormat? = nil) throws {
        try write(spec(kind, of: metrics, year: year, indicator: indicator), to: path, format: format)
    }

    /// Any spec — one of the built-in kinds', changed, or one of your own — written to `path`.
    public func write(_ spec: ChartSpec, to path: String, format: OutputFormat? = nil) throws {
        try renderer.write(scene(spec), as: format ?? OutputFormat(fileName: path) ?? .png, size: size, to: path)
    }

    private func request(_ kind: ChartKind, _ metrics: Metrics, _ year: Int?, _ indicator: String?) throws -> ChartRequest {
        guard let year = year ?? metrics.latestYear else { throw ChartWriterError.noData }
        guard metrics.table.years.contains(year) else { throw ChartWriterError.noYear(year, available: metrics.table.years) }
        var id: Int32?
        if kind.needsIndicator {
            if let indicator {
                switch IndicatorLookup.find(indicator, in: metrics.table) {
                case let .found(found): id = found
                case let .notFound(suggestions): throw ChartWriterError.noIndicator(indicator, closeMatches: suggestions)
                }
            } else {
                id = Headlines.ranked(metrics, year: year).first
            }
        }
        return ChartRequest(kind: kind, year: year, indicator: id)
    }
}

/// A chart that cannot be drawn from these figures, and what to ask for instead.
public enum ChartWriterError: Error, Equatable, CustomStringConvertible {
    case noData
    case noYear(Int, available: [Int])
    case noIndicator(String, closeMatches: [String])

    public var description: String {
        switch self {
        case .noData: return "The files hold no data rows."
        case let .noYear(year, available): return "No rows for year \(year); the files have \(available.map(String.init).joined(separator: ", "))."
        case let .noIndicator(name, matches): return "No indicator is called \"\(name)\". Close matches: \(matches.joined(separator: "; "))."
        }
    }
}
