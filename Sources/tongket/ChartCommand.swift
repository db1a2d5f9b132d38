import ArgumentParser
import Foundation
import TongKetAnalytics
import TongKetCairo
import TongKetCharts
import TongKetData
import TongKetOutput

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
    var format: OutputFormat?

    @OptionGroup var look: LookOptions

    @Option(name: [.short, .customLong("output")], help: "Where to write the chart.")
    var output: String

    func validate() throws {
        if kind.needsIndicator && indicator == nil {
            throw ValidationError(MessageLanguage.pick("Biểu đồ \(kind.rawValue) thể hiện một chỉ tiêu: thêm --indicator \"…\".",
                                                       "The \(kind.rawValue) chart shows one indicator: add --indicator \"…\"."))
        }
        if format == nil, OutputFormat(fileName: output) == nil {
            throw ValidationError(MessageLanguage.pick("Không xác định được định dạng của \"\(output)\"; đặt đuôi tệp là .png, .pdf hoặc .svg, hoặc thêm --format.",
                                                       "Cannot tell the format of \"\(output)\"; end it in .png, .pdf or .svg, or add --format."))
        }
    }

    func run() throws {
        let metrics = try input.analyse(level: nil, year: year)
        let chartYear = try Session.year(year, in: metrics)
        let indicatorID = try indicator.map { try Session.indicator($0, in: metrics.table) }
        if kind == .plan, metrics.plannedTargets(year: chartYear + 1).isEmpty {
            let files = metrics.table.files.joined(separator: ", ")
            Terminal.error(MessageLanguage.pick(
                "\(files): không có kế hoạch năm \(chartYear + 1) (các dòng chỉ có kế hoạch, chưa có số thực hiện); thêm các dòng đó hoặc một cột \"KH \(chartYear + 1)\"",
                "\(files): no targets for \(chartYear + 1) (rows with a target and no result yet); add those rows, or a \"KH \(chartYear + 1)\" column"))
            throw ExitStatus.dataError
        }
        do {
            try draw(ChartRequest(kind: kind, year: chartYear, indicator: indicatorID), metrics: metrics, as: format ?? OutputFormat(fileName: output) ?? .png)
        } catch {
            throw ExitStatus.failure(error)
        }
    }

    private func draw(_ request: ChartRequest, metrics: Metrics, as format: OutputFormat) throws(RenderError) {
        let renderer = try ChartRenderer()
        try renderer.measurer.checkFont(look.chosenTheme.fontFamily)
        let context = ChartContext(size: look.canvas, theme: look.chosenTheme, language: look.lang, measurer: renderer.measurer, source: look.source, logoPath: look.logo)
        try renderer.write(Charts.scene(request, metrics: metrics, context: context), as: format, size: look.canvas, to: output)
    }
}
