import ArgumentParser
import Foundation
import TongKetOutput
import TongKetAnalytics
import TongKetData
import TongKetSample

@main
struct TongKet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tongket",
        abstract: "Figures and charts for a year-end review (tổng kết) from indicator CSV exports.",
        discussion: """
            With no arguments, makes the conference pack of the bundled sample \
            (\(BundledSample.fileName), a provincial procuracy's 2023 review) in Output/.
            """,
        version: TongKetVersion.current,
        subcommands: [Report.self, Video.self, Summary.self, Chart.self, Check.self, Init.self]
    )

    /// A file-size limit (ulimit -f) must fail a write with a message, not kill the process;
    /// an interrupt must remove what was half made.
    static func main() {
        signal(SIGXFSZ, SIG_IGN)
        Interruption.install()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            Interruption.waitIfInterrupted()
            // ArgumentParser's own messages speak the user's language too.
            let code = exitCode(for: error)
            // (An ExitCode was thrown after its message was printed.)
            if MessageLanguage.isVietnamese, code.rawValue == 64, !(error is ExitCode) {
                FileHandle.standardError.write(Data((MessageLanguage.vietnamese(fullMessage(for: error)) + "\n").utf8))
                Foundation.exit(code.rawValue)
            }
            exit(withError: error)
        }
        Interruption.waitIfInterrupted()
    }

    // No options here: an option on the root would take `--year`, `--lang` … from the
    // subcommands. `tongket` alone uses the pack's defaults.
    func run() throws {
        Terminal.error("Dữ liệu mẫu đi kèm (\(BundledSample.fileName)) · the bundled sample. Với tệp của bạn · for your own export: tongket report ketqua.csv")
        let sample = InputFile(name: BundledSample.fileName, bytes: BundledSample.bytes)
        var pack = try PackOptions.parse([])
        if pack.organisation == nil { pack.organisation = "Viện kiểm sát nhân dân tỉnh Hậu Giang (dữ liệu mẫu)" }
        let catalogue = try CatalogueReader.read(InputFile(name: BundledSample.catalogueName, bytes: BundledSample.catalogueBytes))
        try pack.run([sample], catalogue: catalogue, dataset: "hau-giang", readOptions: ReadOptions(), pointsAtCheck: false)
    }
}
