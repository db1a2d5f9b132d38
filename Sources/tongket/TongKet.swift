import ArgumentParser
import TongKetAnalytics
import TongKetData
import TongKetSample

@main
struct TongKet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tongket",
        abstract: "Figures and charts for a year-end review (tổng kết) from indicator CSV exports.",
        discussion: """
            With no arguments, summarises the bundled sample (\(BundledSample.fileName)), the \
            figures of a provincial procuracy's 2023 review.
            """,
        subcommands: [Summary.self, Chart.self, Check.self, Bench.self]
    )

    func run() throws {
        let sample = InputFile(name: BundledSample.fileName, bytes: BundledSample.bytes)
        let metrics = try Session.analyse([sample], options: ReadOptions(), level: nil)
        Terminal.error("Dữ liệu mẫu đi kèm (\(BundledSample.fileName)) · the bundled sample. Với tệp của bạn · for your own export: tongket summary ketqua.csv [--lang en]")
        Terminal.output(SummaryTable(metrics: metrics, year: nil, language: .vi).text)
    }
}
