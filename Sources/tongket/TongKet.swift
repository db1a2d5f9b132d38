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
        subcommands: [Summary.self, Check.self, Bench.self]
    )

    @Option(name: .long, help: "Language of the table: vi or en.")
    var lang: Language = .vi

    func run() throws {
        let sample = InputFile(name: BundledSample.fileName, bytes: BundledSample.bytes)
        let metrics = try Session.analyse([sample], options: ReadOptions(), level: nil)
        let note = lang == .vi
            ? "Dữ liệu mẫu đi kèm (\(BundledSample.fileName)). Với tệp của bạn: tongket summary ketqua.csv"
            : "The bundled sample (\(BundledSample.fileName)). For your own export: tongket summary ketqua.csv"
        Terminal.error(note)
        Terminal.output(SummaryTable(metrics: metrics, year: nil, language: lang).text)
    }
}
