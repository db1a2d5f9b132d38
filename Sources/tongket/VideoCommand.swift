import ArgumentParser
import Foundation
import TongKetAnalytics
import TongKetCairo
import TongKetCharts
import TongKetData
import TongKetOutput
import TongKetReport
import TongKetVideo

struct Video: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A summary video: a title card, the charts animating in one after another, an end card; MP4 or PNG frames.")

    @OptionGroup var input: InputOptions

    @Option(help: "The year to review (default: the latest in the files).")
    var year: Int?

    @Option(help: "Chart kinds in order, comma-separated (default: kpi,scorecard,completion,yoy,trend,heatmap).")
    var charts: String?

    @Option(help: "An indicator for completion, yoy and trend; repeat for several (default: the headline one).")
    var indicator: [String] = []

    @OptionGroup var motion: MotionOptions

    @Option(help: "The title card's title (default: Tổng kết năm YYYY).")
    var title: String?

    @Option(help: "The organisation, on the title and end cards.")
    var organisation: String?

    @Option(help: "The review's date on the title card, YYYY-MM-DD (default: the date line of the files' title block, else none).")
    var date: String?

    @Option(name: [.short, .customLong("output")], help: "The MP4 to write (default: Output/<dataset>/<year>/video.mp4, or <year>-6-thang/ … for a part of the year).")
    var output: String?

    @Option(help: "Write numbered PNG frames into this folder instead of an MP4.")
    var frames: String?

    @Flag(help: "No progress bar.")
    var quiet = false

    func validate() throws {
        _ = try chosenKinds()
        if output != nil && frames != nil {
            throw ValidationError(MessageLanguage.pick("Chỉ chọn một: -o để ghi tệp MP4, hoặc --frames để ghi các khung hình PNG.",
                                                       "Choose one: -o for an MP4, or --frames for PNG frames."))
        }
        if let output, URL(fileURLWithPath: output).pathExtension.lowercased() != "mp4" {
            throw ValidationError(MessageLanguage.pick("Video là tệp MP4: đặt đuôi .mp4 cho \"\(output)\", hoặc dùng --frames THƯ_MỤC để ghi các khung hình PNG.",
                                                       "The video is an MP4: end \"\(output)\" in .mp4, or use --frames DIR for PNG frames."))
        }
    }

    func chosenKinds() throws -> [ChartKind] {
        guard let charts else { return VideoOptions.defaultKinds }
        return try charts.split(separator: ",").map { name in
            let trimmed = name.trimmingCharacters(in: .whitespaces).lowercased()
            guard let kind = ChartKind(rawValue: trimmed) else {
                throw ValidationError(MessageLanguage.pick("Không có loại biểu đồ \"\(trimmed)\" trong --charts; dùng kpi, scorecard, shortfalls, bullet, completion, yoy, trend, multiples, heatmap, comparison, plan.",
                                                           "Unknown chart \"\(trimmed)\" in --charts; use kpi, scorecard, shortfalls, bullet, completion, yoy, trend, multiples, heatmap, comparison, plan."))
            }
            return kind
        }
    }

    func run() throws {
        let metrics = try input.analyse(level: nil, year: year)
        let table = metrics.table
        let videoYear = try Session.year(year, in: metrics)
        let indicators = try indicator.map { try Session.indicator($0, in: table) }
        let options = motion.options(kinds: try chosenKinds(), indicators: indicators, title: title,
                                     organisation: organisation ?? metrics.table.organisation ?? "", date: date ?? metrics.table.issued)
        let dataset = PackName.dataset(files: input.dataFiles, organisation: organisation)
        // Beside the pack of the same period: Output/<dataset>/2024/ or …/2024-6-thang/.
        let target = output ?? "Output/\(dataset)/\(FigureWords.folderName(videoYear, table.period))/video.mp4"
        try Self.make(metrics, year: videoYear, options: options, mp4: frames == nil ? target : nil, frames: frames, quiet: quiet)
    }

    /// Renders and writes, with a progress bar on a terminal; failures become one message
    /// and a sysexits code.
    static func make(_ metrics: Metrics, year: Int, options: VideoOptions, mp4: String?, frames: String?, quiet: Bool) throws {
        let bar = ProgressBar(enabled: !quiet && isatty(2) == 1)
        do {
            let renderer = try ChartRenderer()
            try renderer.measurer.checkFont(options.theme.fontFamily)
            let timeline = VideoPlan.timeline(metrics, year: year, options: options, measurer: renderer.measurer)
            if let frames {
                try VideoWriter.frames(timeline, size: options.size, to: frames, progress: bar.update)
                bar.finish()
                let size = "\(options.size.pixelWidth)×\(options.size.pixelHeight)"
                Terminal.output(MessageLanguage.pick(
                    "\(frames): \(timeline.frameCount) khung hình PNG, \(size), \(options.fps) khung hình/giây (\(Self.secondsVi(timeline.duration)))\n",
                    "\(frames): \(timeline.frameCount) PNG frames, \(size) at \(options.fps) fps (\(Self.seconds(timeline.duration)))\n"))
            } else if let mp4 {
                let folder = URL(fileURLWithPath: mp4).deletingLastPathComponent().path
                if let reason = AtomicFile.makeFolder(folder) { throw VideoError.cannotWrite(path: folder, reason: reason) }
                try VideoWriter.mp4(timeline, size: options.size, to: mp4, progress: bar.update)
                bar.finish()
                let size = "\(options.size.pixelWidth)×\(options.size.pixelHeight)"
                Terminal.output(MessageLanguage.pick(
                    "\(mp4): \(Self.secondsVi(timeline.duration)), \(timeline.slides.count - 2) biểu đồ, \(size), \(options.fps) khung hình/giây\n",
                    "\(mp4): \(Self.seconds(timeline.duration)), \(timeline.slides.count - 2) chart\(timeline.slides.count == 3 ? "" : "s"), \(size) at \(options.fps) fps\n"))
            }
        } catch let error as VideoError {
            Interruption.waitIfInterrupted()
            bar.finish()
            throw ExitStatus.failure(error)
        } catch let error as RenderError {
            throw ExitStatus.failure(error)
        }
    }

    static func seconds(_ duration: Double) -> String {
        String(format: "%.1f s", duration)
    }

    /// "12,5 giây": the decimal comma of Vietnamese.
    static func secondsVi(_ duration: Double) -> String {
        String(format: "%.1f giây", duration).replacingOccurrences(of: ".", with: ",")
    }
}

/// The video's size and look (the pack's video takes the pack's language, source and logo).
struct MotionOptions: ParsableArguments {
    @Option(name: .customLong("size"), help: "slide or 1080p (1920×1080), 4k (3840×2160), 720p, or WxH in pixels.")
    var canvas: CanvasSize = .slide

    @Option(help: "dark (default for video), light or print.")
    var theme: Theme = .dark

    @OptionGroup var captions: CaptionOptions

    @OptionGroup var pacing: PacingOptions

    @Flag(name: .customLong("no-captions"), help: "No caption burned in under each chart (the .srt beside the MP4 is written either way).")
    var noCaptions = false

    func validate() throws {
        try Self.checkVideoSize(canvas)
    }

    /// A video needs a screen size, even in both directions (H.264 in yuv420p halves the colour).
    static func checkVideoSize(_ canvas: CanvasSize) throws {
        if canvas.pixelWidth % 2 == 1 || canvas.pixelHeight % 2 == 1 {
            throw ValidationError(MessageLanguage.pick("Khổ video phải chẵn cả chiều rộng lẫn chiều cao: \"\(canvas.name)\" có số lẻ.",
                                                       "A video's width and height must be even: \"\(canvas.name)\" has an odd one."))
        }
        if canvas.isPaper {
            throw ValidationError(MessageLanguage.pick("Video cần khổ màn hình, không phải khổ giấy \"\(canvas.name)\"; dùng slide, 1080p, 4k, 720p hoặc RỘNGxCAO.",
                                                       "A video needs a screen size, not the paper size \"\(canvas.name)\"; use slide, 1080p, 4k, 720p or WxH."))
        }
    }

    func options(kinds: [ChartKind], indicators: [Int32], title: String?, organisation: String, date: String?) -> VideoOptions {
        var options = VideoOptions(size: canvas, fps: pacing.fps, theme: theme, language: captions.lang, pacing: pacing.pacing,
                                   kinds: kinds, indicators: indicators, title: title, organisation: organisation, date: date ?? "",
                                   source: captions.source, logo: captions.logo)
        options.captions = !noCaptions
        return options
    }
}

/// Frame rate and durations: shared by `video` and `report --video`.
struct PacingOptions: ParsableArguments {
    @Option(help: "Frames per second.")
    var fps: Int = 30

    @Option(help: "Seconds each chart takes to animate in.")
    var entrance: Double = Pacing().entrance

    @Option(help: "Seconds each chart then stays still.")
    var hold: Double = Pacing().hold

    @Option(name: .customLong("cross-fade"), help: "Seconds of cross-fade between slides.")
    var crossFade: Double = Pacing().crossFade

    @Option(help: "Seconds of the title and end cards.")
    var card: Double = Pacing().card

    func validate() throws {
        if !(1...120).contains(fps) { throw ValidationError(MessageLanguage.pick("--fps phải từ 1 đến 120.", "--fps must be between 1 and 120.")) }
        for (name, value) in [("entrance", entrance), ("hold", hold), ("cross-fade", crossFade), ("card", card)] where !(0...600).contains(value) {
            throw ValidationError(MessageLanguage.pick("--\(name) tính bằng giây, từ 0 đến 600.", "--\(name) is in seconds, between 0 and 600."))
        }
    }

    var pacing: Pacing { Pacing(entrance: entrance, hold: hold, crossFade: crossFade, card: card) }
}
