import ArgumentParser
import Foundation
import TongKetAnalytics
import TongKetData

/// `tongket init`: a starting catalogue from the data, to review once in Excel so that next
/// year's review is `tongket report ketqua-2025.csv` and nothing else.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a starting indicator catalogue (danh mục chỉ tiêu) from the exports, to review in Excel.",
        discussion: """
            Every indicator and unit of the files, with its direction (cao / thấp), how the province \
            figure is formed (tổng, trung bình, …), group and total rows as the tool would assume them, \
            each assumption ending in "?" and explained in "ghi chú". Confirm a value by deleting its \
            "?", correct it by writing another; the next commands read the catalogue from beside the \
            data files.
            """)

    @OptionGroup var input: InputOptions

    @Option(name: [.short, .customLong("output")], help: "Where to write it (default: danh-muc-chi-tieu.csv beside the first file).")
    var output: String?

    @Flag(help: "Replace a catalogue that is already there.")
    var force = false

    func run() throws {
        let metrics = try input.analyse(level: nil)
        let first = URL(fileURLWithPath: input.dataFiles[0]).deletingLastPathComponent()
        let path = output ?? first.appendingPathComponent(Catalogue.conventionalNames[0]).path
        if !force, FileManager.default.fileExists(atPath: path) {
            Terminal.error(MessageLanguage.pick(
                "\(path) đã có; tongket đang dùng danh mục này. Để viết lại từ đầu, thêm --force (danh mục cũ sẽ bị thay), hoặc chọn tên khác với -o.",
                "\(path) already exists and is in use. To start it again add --force (the old one is replaced), or write elsewhere with -o."))
            throw ExitStatus.cannotCreate
        }
        try OutputFile.write(to: path) { writer in try writer.write(CatalogueDraft.csv(metrics)) }
        let interpretation = metrics.interpretation
        let assumed = interpretation.indicators.filter { $0.directionBasis.isAssumed || $0.formulaBasis.isAssumed }.count
        Terminal.output(MessageLanguage.pick(
            "\(path): \(metrics.table.indicators.count) chỉ tiêu, \(metrics.table.units.count) đơn vị; \(assumed) chỉ tiêu có giá trị suy đoán (kết thúc bằng \"?\"): mở bằng Excel, xem lại cột chiều và toàn tỉnh, xoá \"?\" khi đã đúng.\n",
            "\(path): \(metrics.table.indicators.count) indicators, \(metrics.table.units.count) units; \(assumed) indicators have assumed values (ending in \"?\"): open it in Excel, review the direction (chiều) and province (toàn tỉnh) columns, delete the \"?\" once right.\n"))
    }
}
