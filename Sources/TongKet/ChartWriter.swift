import Foundation
import Synchronization

/// Draws charts to files: the size, theme, language, source line, logo and author given once,
/// the text measured and drawn by the same Cairo/Pango renderer. One writer may be shared by
/// tasks and threads: its writes take turns (Pango's objects are not drawn from two threads at
/// once); to draw on several cores at once, make one writer per task.
///
/// ```swift
/// let metrics = try Metrics(reading: ["ketqua-2023.csv"])
/// let charts = try ChartWriter()
/// try charts.write(.scorecard, of: metrics, to: "scorecard.png")
/// ```
public final class ChartWriter: Sendable {
    public let size: CanvasSize
    public let theme: Theme
    public let language: Language
    /// The line under every chart; nil for the office's words ("Nguồn: số liệu báo cáo của các đơn vị").
    public let source: String?
    /// A PNG drawn in each chart's top right corner.
    public let logo: URL?
    /// The PDF's author (its document properties); the title and subject are the chart's.
    public let author: String
    private let renderer: Mutex<ChartRenderer>
    /// The renderer's own measurer: its answers depend only on the fonts, but it keeps a cache and one Pango layout,
    /// so it is used under the renderer's lock, as the drawing is.
    private nonisolated(unsafe) let measurer: PangoMeasurer

    public init(size: CanvasSize = .slide, theme: Theme = .light, language: Language = .vi,
                source: String? = nil, logo: URL? = nil, author: String = "TongKet") throws(RenderError) {
        self.size = size
        self.theme = theme
        self.language = language
        self.source = source
        self.logo = logo
        self.author = author
        let renderer = try ChartRenderer()
        try renderer.measurer.checkFont(theme.fontFamily)
        measurer = renderer.measurer
        self.renderer = Mutex(renderer)
    }

    /// Where charts are laid out: this writer's size, theme, language, source line, logo and measurer. Its measurer
    /// is the writer's: lay out with it from one task at a time, or use `scene(_:)`, which takes the writer's turn.
    public var context: ChartContext {
        ChartContext(size: size, theme: theme, language: language, measurer: measurer, source: source, logoPath: logo?.path)
    }

    /// One of the charts (`ChartKind`) as data, for `year` (default: the latest) and, for
    /// completion, yoy, trend and multiples, `indicator` (default: the headline one). A kind
    /// drawn for all indicators at once refuses an indicator rather than ignore it.
    public func spec(_ kind: ChartKind, of metrics: Metrics, year: Int? = nil, indicator: Indicator? = nil) throws(ChartWriterError) -> ChartSpec {
        Charts.spec(try request(kind, metrics, year, indicator), metrics: metrics, language: language)
    }

    /// The same, the indicator named as a person would (close enough is fine).
    public func spec(_ kind: ChartKind, of metrics: Metrics, year: Int? = nil, indicator name: String) throws(ChartWriterError) -> ChartSpec {
        try spec(kind, of: metrics, year: year, indicator: Self.indicator(name, in: metrics))
    }

    /// Any spec laid out on this writer's canvas: a ChartScene, for a backend or for inspection.
    public func scene(_ spec: ChartSpec) -> ChartScene { renderer.withLock { _ in ChartLayout.scene(spec, context: context) } }

    /// One of the charts written to `url`: PNG, PDF or SVG by its extension (or `format`).
    public func write(_ kind: ChartKind, of metrics: Metrics, year: Int? = nil, indicator: Indicator? = nil, to url: URL, format: OutputFormat? = nil) throws {
        try write(spec(kind, of: metrics, year: year, indicator: indicator), to: url, format: format)
    }

    /// Any spec — one of the built-in kinds', changed, or one of your own — written to `url`.
    public func write(_ spec: ChartSpec, to url: URL, format: OutputFormat? = nil) throws(RenderError) {
        let format = format ?? OutputFormat(fileName: url.lastPathComponent) ?? .png
        try renderer.withLock { renderer throws(RenderError) in
            // Laid out under the lock too: two tasks measuring at once raced on the measurer's cache (AddressSanitizer
            // caught it as a read of a freed dictionary, and a full run once crashed inside Pango).
            let scene = ChartLayout.scene(spec, context: context)
            switch format {
            case .pdf: try renderer.pdf([scene], info: .init(title: scene.title, author: author, subject: scene.subject), to: url.path)
            default: try renderer.write(scene, as: format, size: size, to: url.path)
            }
        }
    }

    /// The same as `write(_:to:format:)`, off the caller's task.
    public func write(_ spec: ChartSpec, to url: URL, format: OutputFormat? = nil) async throws(RenderError) {
        try await Task.detached { [self] in Result { () throws(RenderError) in try write(spec, to: url, format: format) } }.value.get()
    }

    /// The same as `write(_:of:year:indicator:to:format:)`, off the caller's task.
    public func write(_ kind: ChartKind, of metrics: Metrics, year: Int? = nil, indicator: Indicator? = nil, to url: URL, format: OutputFormat? = nil) async throws {
        try await write(spec(kind, of: metrics, year: year, indicator: indicator), to: url, format: format)
    }

    /// Paths as strings, for scripts.
    public func write(_ kind: ChartKind, of metrics: Metrics, year: Int? = nil, indicator: String? = nil, to path: String, format: OutputFormat? = nil) throws {
        let found = try indicator.map { name throws(ChartWriterError) in try Self.indicator(name, in: metrics) }
        try write(kind, of: metrics, year: year, indicator: found, to: URL(fileURLWithPath: path), format: format)
    }

    public func write(_ spec: ChartSpec, to path: String, format: OutputFormat? = nil) throws(RenderError) {
        try write(spec, to: URL(fileURLWithPath: path), format: format)
    }

    private static func indicator(_ name: String, in metrics: Metrics) throws(ChartWriterError) -> Indicator {
        do { return try metrics.indicator(named: name) } catch { throw .noIndicator(name, closeMatches: error.closeMatches) }
    }

    private func request(_ kind: ChartKind, _ metrics: Metrics, _ year: Int?, _ indicator: Indicator?) throws(ChartWriterError) -> ChartRequest {
        guard let year = year ?? metrics.latestYear else { throw .noData }
        guard metrics.years.contains(year) else { throw .noYear(year, available: metrics.years) }
        if indicator != nil, !kind.needsIndicator { throw .indicatorIgnored(kind) }
        if let indicator, metrics.table.indicators.indices.contains(Int(indicator.id)) == false || metrics.table.indicators[Int(indicator.id)] != indicator.name {
            throw .noIndicator(indicator.name, closeMatches: [])
        }
        let id = kind.needsIndicator ? indicator?.id ?? Headlines.ranked(metrics, year: year).first : nil
        return ChartRequest(kind: kind, year: year, indicator: id)
    }
}

/// A chart that cannot be drawn from these figures, and what to ask for instead.
public enum ChartWriterError: Error, Equatable, CustomStringConvertible, LocalizedError {
    case noData
    case noYear(Int, available: [Int])
    case noIndicator(String, closeMatches: [String])
    /// The kind shows every indicator at once: an indicator given to it would be ignored.
    case indicatorIgnored(ChartKind)

    public var description: String {
        switch self {
        case .noData: return "The files hold no data rows."
        case let .noYear(year, available): return "No rows for year \(year); the files have \(available.map(String.init).joined(separator: ", "))."
        case let .noIndicator(name, matches) where matches.isEmpty: return "No indicator of these figures is called \"\(name)\"; take it from these figures' `indicators`."
        case let .noIndicator(name, matches): return "No indicator is called \"\(name)\". Close matches: \(matches.joined(separator: "; "))."
        case let .indicatorIgnored(kind): return "The \(kind.rawValue) chart shows every indicator at once; give an indicator only to completion, yoy, trend or multiples."
        }
    }

    public var errorDescription: String? { description }
}
