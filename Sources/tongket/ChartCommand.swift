import ArgumentParser
import Foundation
import TongKetAnalytics
import TongKetCairo
import TongKetCharts
import TongKetData

extension ChartKind: ExpressibleByArgument {}

struct Chart: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw one chart: scorecard, completion, yoy, trend, heatmap or kpi, as PNG, PDF or SVG.")

    @Argument(help: "scorecard, completion, yoy, trend, heatmap or kpi.")
    var kind: ChartKind

    @OptionGroup var input: InputOptions

    @Option(help: "The indicator, for completion, yoy and trend (close enough is fine).")
    var indicator: String?

    @Option(help: "The year (default: the latest in the files).")
    var year: Int?

    @Option(help: "png, pdf or svg (default: from the output's extension).")
    var format: String?

    @OptionGroup var look: LookOptions

    @Option(name: [.short, .customLong("output")], help: "Where to write the chart.")
    var output: String

    func validate() throws {
        if kind.needsIndicator && indicator == nil {
            throw ValidationError(MessageLanguage.pick("Biểu đồ \(kind.rawValue) thể hiện một chỉ tiêu: thêm --indicator \"…\".",
                                                       "The \(kind.rawValue) chart shows one indicator: add --indicator \"…\"."))
        }
        if let format, !["png", "pdf", "svg"].contains(format.lowercased()) {
            throw ValidationError(MessageLanguage.pick("Không có định dạng \"\(format)\"; dùng png, pdf hoặc svg.",
                                                       "Unknown format \"\(format)\"; use png, pdf or svg."))
        }
        if format == nil, !["png", "pdf", "svg"].contains(URL(fileURLWithPath: output).pathExtension.lowercased()) {
            throw ValidationError(MessageLanguage.pick("Không xác định được định dạng của \"\(output)\"; đặt đuôi tệp là .png, .pdf hoặc .svg, hoặc thêm --format.",
                                                       "Cannot tell the format of \"\(output)\"; end it in .png, .pdf or .svg, or add --format."))
        }
    }

    func run() throws {
        let metrics = try input.analyse(level: nil)
        let chartYear = try Session.year(year, in: metrics.table)
        let indicatorID = try indicator.map { try Session.indicator($0, in: metrics.table) }
        let canvas = look.canvas
        let chosenTheme = look.chosenTheme
        let kindOfFile = (format ?? URL(fileURLWithPath: output).pathExtension).lowercased()
        do {
            try draw(ChartRequest(kind: kind, year: chartYear, indicator: indicatorID), metrics: metrics, canvas: canvas, theme: chosenTheme, fileKind: kindOfFile)
        } catch {
            if case .cannotWrite = error {
                Terminal.error(error.description)
                throw ExitCode(73)
            }
            Terminal.error("\(output): \(error)")
            throw ExitCode(70)
        }
    }

    private func draw(_ request: ChartRequest, metrics: Metrics, canvas: CanvasSize, theme: Theme, fileKind: String) throws(RenderError) {
        let renderer = try ChartRenderer()
        try renderer.measurer.checkFont(theme.fontFamily)
        let context = ChartContext(size: canvas, theme: theme, language: look.lang, measurer: renderer.measurer, source: look.source, logoPath: look.logo)
        let scene = Charts.scene(request, metrics: metrics, context: context)
        switch fileKind {
        case "pdf": try renderer.pdf([scene], info: .init(title: scene.title, subject: scene.subject), to: output)
        case "svg": try renderer.svg(scene, to: output)
        default: try AtomicFile.write(renderer.png(scene, size: canvas), to: output)
        }
    }
}
