import ArgumentParser
import Foundation
import TongKetAnalytics
import TongKetCairo
import TongKetCharts
import TongKetData
import TongKetOutput
import TongKetReport
import TongKetSample
import TongKetVideo

/// The pack's look and place, shared by `report` and by `tongket` with no arguments.
struct PackOptions: ParsableArguments {
    @Option(help: "The year to review (default: the latest in the files); compared with the year before.")
    var year: Int?

    @Option(help: "The folder the pack goes under: OUT/<dataset>/<year>/.")
    var out: String = "Output"

    @Option(help: "Chart formats, comma-separated: png, pdf, svg.")
    var formats = CommaList<OutputFormat>([.png, .pdf])

    @OptionGroup var look: LookOptions

    @Option(help: "Only these kinds of chart, comma-separated: kpi, scorecard, shortfalls, bullet, completion, yoy, trend, multiples, heatmap, comparison (so với cùng kỳ), plan (kế hoạch năm tới) (default: all).")
    var charts: CommaList<ChartKind>?

    @Option(help: "Only these indicators' charts and deck pages, comma-separated (close enough is fine; default: all). The headline, scorecard and shortfalls pages and the figures files keep every indicator.")
    var indicators: String?

    @Option(help: "The deck's length at most, with its title and closing pages.")
    var maxPages = 25

    @Flag(help: "Leave out deck.pptx, report.docx and metrics.xlsx.")
    var noOffice = false

    @Option(help: "deck.pptx: native (charts, tiles and tables PowerPoint draws, every label and figure editable) or pictures (each page as deck.pdf shows it).")
    var pptx: DeckStyle = .native

    @Option(help: """
        The deck's title and report.docx's subject (default: Tổng kết năm YYYY; the report: Tổng kết công tác năm YYYY \
        và phương hướng, nhiệm vụ năm YYYY+1).
        """)
    var title: String?

    @Option(help: "The organisation, under the title on the first slide and in report.docx's header block (default: the files' title block).")
    var organisation: String?

    @Option(help: "The agency above the organisation, over it in report.docx's header block (e.g. \"VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO\").")
    var parent: String?

    @Option(help: "The place before report.docx's date (default: the province in the organisation's name).")
    var place: String?

    @Option(help: "Count only units of this level in the province figures.")
    var level: String?

    @Option(help: """
        The review's date, YYYY-MM-DD, on the title slide and report.docx (default: the date line of the files' title block; \
        else report.docx leaves the day and month blank).
        """)
    var date: String?

    @Flag(help: "Add video.mp4: the summary video, 1080p, dark (see `tongket video`).")
    var video = false

    @Flag(name: .customLong("no-captions"), help: "No caption burned in under each chart of the videos (video.srt is written either way).")
    var noCaptions = false

    @Flag(help: "Also each unit's own summary under units/<unit>/: a deck of at most 8 pages (PDF and .pptx), summaries, with --video a captioned video; units/index.pdf lists them.")
    var units = false

    @Option(help: "Only this unit's own summary, as --units does for every unit (close enough is fine).")
    var unit: String?

    @Flag(name: [.customLong("final"), .customLong("strict")],
          help: """
            The pack to present: refuse (exit 65) while a figure marked ⚠ (a jump, a % over 100, a total row that disagrees \
            with its units' counts), a blank (the review's date) or a part the leadership has yet to write (see --text) remains; \
            a draft shows them.
            """)
    var final = false

    @OptionGroup var pacing: PacingOptions

    @OptionGroup var letter: ReportFormOptions

    func validate() throws {
        let parts = date.map { $0.split(separator: "-").compactMap { Int($0) } } ?? [2000, 1, 1]
        if let date, date.count != 10 || parts.count != 3 || !(1...12).contains(parts[1]) || !(1...31).contains(parts[2]) {
            throw ValidationError(MessageLanguage.pick(
                "--date cần dạng NĂM-THÁNG-NGÀY, ví dụ 2024-12-20; \"\(date)\" không phải.",
                "--date takes YYYY-MM-DD, e.g. 2024-12-20; \"\(date)\" is not."))
        }
        if video { try MotionOptions.checkVideoSize(look.canvas.isPaper ? .slide : look.canvas) }
        if maxPages < 3 {
            throw ValidationError(MessageLanguage.pick("--max-pages cần ít nhất 3: trang tiêu đề, một trang biểu đồ và trang kết.",
                                                       "--max-pages needs at least 3: the title page, one chart and the closing page."))
        }
    }

    /// `pointsAtCheck`: say how much the figures assume and to run `check` (not for the bundled
    /// sample, which has no file to check).
    func run(_ inputs: [InputFile], catalogue: Catalogue?, dataset: String, readOptions: ReadOptions, period: String? = nil, pointsAtCheck: Bool = true) throws {
        if video && !VideoWriter.canWriteMP4 {
            throw ExitStatus.failure(VideoError.ffmpegMissing)
        }
        let metrics = try Session.metrics(Session.read(inputs, options: readOptions), catalogue: catalogue, level: level, period: period, year: year)
        let table = metrics.table
        let reviewYear = try Session.year(year, in: metrics)
        // Never the day the pack was made: the review's own date, or none.
        let date = date ?? metrics.table.issued ?? ""
        let leadership = try letter.leadership()
        if final { try refuseDraft(metrics, date: date, leadership: office ? leadership : nil) }
        // The video takes the pack's size, unless that is a paper size.
        var videoOptions = video ? VideoOptions(size: look.canvas.isPaper ? .slide : look.canvas, fps: pacing.fps, language: look.lang, pacing: pacing.pacing, title: title, organisation: organisation ?? metrics.table.organisation ?? "",
                                                date: date, source: look.source, logo: look.logo) : nil
        videoOptions?.captions = !noCaptions
        var options = ReportOptions(
            outputRoot: out, dataset: dataset, year: reviewYear, formats: Set(formats.elements), size: look.canvas,
            theme: look.chosenTheme, language: look.lang, title: title, organisation: organisation ?? metrics.table.organisation ?? "", source: look.source,
            logo: look.logo, date: date, video: videoOptions)
        options.maxPages = maxPages
        options.office = !noOffice
        options.pptx = pptx
        options.parent = parent ?? ""
        options.place = place
        options.form = letter.form
        options.leadership = leadership
        options.kinds = charts.map { Set($0.elements) }
        options.indicators = try indicators.map { Set(try Session.indicators($0, in: table)) }
        // The units that report in the reviewed year: a unit renamed or closed before it has no summary of its own.
        if let unit {
            let id = try Session.unit(unit, in: table)
            guard table.rows.contains(where: { $0.unit == id && Int($0.year) == reviewYear }) else {
                Terminal.error(MessageLanguage.pick("\"\(table.units[Int(id)])\" không có số liệu năm \(reviewYear); chọn năm khác bằng --year, hoặc một đơn vị khác",
                                                    "\"\(table.units[Int(id)])\" has no figures for \(reviewYear); choose another year with --year, or another unit"))
                throw ExitStatus.dataError
            }
            options.units = [id]
        } else if units {
            options.units = Array(Set(table.rows.filter { Int($0.year) == reviewYear }.map(\.unit)))
        }
        // One bar over every video of the run, on a terminal.
        let bar = SharedBar(ProgressBar(enabled: video && isatty(2) == 1))
        options.progress = { done, total in bar.update(done, total) }
        defer { bar.finish() }
        do {
            let (folder, files) = try ReportPack.write(metrics, options: options)
            bar.finish()
            if pointsAtCheck { Session.reviewHint(metrics) }
            let charts = files.filter { $0.path.hasPrefix("charts/") }.count
            Terminal.output(MessageLanguage.pick(
                "\(folder): \(files.count) tệp (deck.pdf\(options.office ? ", deck.pptx, report.docx, metrics.xlsx" : ""), \(charts) tệp biểu đồ, metrics.csv, các bản tóm tắt, manifest.json\(video ? ", video.mp4" : "")\(options.units.isEmpty ? "" : ", units/ (\(options.units.count) đơn vị)"))\n",
                "\(folder): \(files.count) files (deck.pdf\(options.office ? ", deck.pptx, report.docx, metrics.xlsx" : ""), \(charts) chart files, metrics.csv, summaries, manifest.json\(video ? ", video.mp4" : "")\(options.units.isEmpty ? "" : ", units/ (\(options.units.count))"))\n"))
        } catch {
            Interruption.waitIfInterrupted()
            throw ExitStatus.failure(error)
        }
    }
}

extension PackOptions {
    var office: Bool { !noOffice }

    /// `--final`: each "⚠" and each blank a draft would show, named, then exit 65. `leadership`: the
    /// text report.docx is written with (nil: no report), whose missing parts are placeholders.
    func refuseDraft(_ metrics: Metrics, date: String, leadership: LeadershipText?) throws {
        let vietnamese = MessageLanguage.isVietnamese
        let marked = Review.marked(metrics)
        for finding in marked { Terminal.error(finding.diagnostic.text(vietnamese: vietnamese)) }
        if date.isEmpty {
            Terminal.error(MessageLanguage.pick(
                "Ngày của báo cáo còn để trống (\"ngày … tháng …\"): ghi --date NĂM-THÁNG-NGÀY, "
                    + "hoặc dòng ngày tháng ở đầu biểu mẫu.",
                "The review's date is blank (\"ngày … tháng …\"): give --date YYYY-MM-DD, or a date line in the form's title block."))
        }
        let missing = LeadershipText.required.filter { leadership?[$0].isEmpty ?? false }
        if !missing.isEmpty {
            let names = missing.map { "\"\($0.heading(MessageLanguage.isVietnamese ? .vi : .en))\"" }.joined(separator: ", ")
            Terminal.error(MessageLanguage.pick(
                "report.docx: các mục \(names) còn \"\(LeadershipText.placeholder(look.lang))\": "
                    + "viết chúng vào một tệp Markdown, mỗi mục một đầu mục, "
                    + "rồi ghi --text TỆP (hoặc --no-office nếu không cần report.docx).",
                "report.docx: \(names) still read \"\(LeadershipText.placeholder(look.lang))\": "
                    + "write them in a Markdown file, one heading each, "
                    + "and give --text FILE (or --no-office without report.docx)."))
        }
        guard !marked.isEmpty || date.isEmpty || !missing.isEmpty else { return }
        Terminal.error(MessageLanguage.pick(
            "--final: bộ tài liệu còn những chỗ nêu trên (⚠, để trống hoặc chờ bổ sung); "
                + "sửa rồi chạy lại, "
                + "hoặc bỏ --final để lập bản dự thảo.",
            "--final: the pack still has what is listed above (⚠, a blank or a part to write); correct it and run again, "
                + "or leave out --final for a draft."))
        throw ExitStatus.dataError
    }
}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The whole conference pack: every chart, a 16:9 deck, metrics.csv, narratives and a manifest.")

    @OptionGroup var input: InputOptions
    @OptionGroup var pack: PackOptions

    func run() throws {
        let files = input.dataFiles
        try pack.run(files.map { try Session.readFile($0, options: input.readOptions) }, catalogue: Session.catalogue(at: input.catalogueFile),
                     dataset: PackName.dataset(files: files, organisation: pack.organisation), readOptions: input.readOptions, period: input.period)
    }
}
