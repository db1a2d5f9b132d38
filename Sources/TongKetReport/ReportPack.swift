import Foundation
import TongKetAnalytics
import TongKetCairo
import TongKetCharts
import TongKetData
import TongKetOutput
import TongKetVideo

/// What the pack is made of and how it looks.
public struct ReportOptions: Sendable {
    public var outputRoot: String
    public var dataset: String
    public var year: Int
    public var formats: Set<OutputFormat>
    public var size: CanvasSize
    public var theme: Theme
    public var language: Language
    public var title: String?
    public var organisation: String
    public var source: String?
    public var logo: String?
    /// The date the title slide shows, as written ("2024-01-15").
    public var date: String
    /// Add video.mp4 when set.
    public var video: VideoOptions?

    public init(outputRoot: String, dataset: String, year: Int, formats: Set<OutputFormat> = [.png, .pdf], size: CanvasSize = .slide,
                theme: Theme = .light, language: Language = .vi, title: String? = nil, organisation: String = "",
                source: String? = nil, logo: String? = nil, date: String, video: VideoOptions? = nil) {
        self.outputRoot = outputRoot
        self.dataset = dataset
        self.year = year
        self.formats = formats
        self.size = size
        self.theme = theme
        self.language = language
        self.title = title
        self.organisation = organisation
        self.source = source
        self.logo = logo
        self.date = date
        self.video = video
    }
}

/// One line of manifest.json.
public struct ManifestEntry: Codable, Equatable, Sendable {
    public var path: String
    public var kind: String
    public var title: String
    public var alt: String
}

public enum ReportError: Error, CustomStringConvertible {
    case render(RenderError)
    case video(VideoError)
    case filesystem(String)

    public var description: String {
        switch self {
        case let .render(error): return error.description
        case let .video(error): return error.description
        case let .filesystem(message): return message
        }
    }
}

/// The conference pack: every chart, the deck, the metrics, the narratives and a manifest,
/// built in a hidden folder beside the target and renamed into place at the end — a run that
/// fails leaves the previous pack as it was and no half-written file.
public enum ReportPack {
    public static func write(_ metrics: Metrics, options: ReportOptions) throws(ReportError) -> (folder: String, files: [ManifestEntry]) {
        let fm = FileManager.default
        let datasetFolder = URL(fileURLWithPath: options.outputRoot).appendingPathComponent(Slug.make(options.dataset))
        let final = datasetFolder.appendingPathComponent(String(options.year))
        let staging = datasetFolder.appendingPathComponent(".\(options.year).building-\(getpid())")
        // Registered before the folder exists, so no interrupt falls between the two.
        let token = Interruption.removeOnInterrupt(staging.path)
        defer { Interruption.done(token) }
        if let reason = AtomicFile.makeFolder(staging.appendingPathComponent("charts").path) {
            throw .filesystem("\(datasetFolder.path): cannot create the output folder (\(reason)); choose another with --out")
        }
        do {
            let files = try build(metrics, options: options, in: staging)
            try swapIntoPlace(staging, final)
            return (final.path, files)
        } catch {
            Interruption.changingFiles { try? fm.removeItem(at: staging) }
            throw error
        }
    }

    private static func build(_ metrics: Metrics, options o: ReportOptions, in folder: URL) throws(ReportError) -> [ManifestEntry] {
        let entries = ReportPlan(metrics: metrics, year: o.year).entries
        // Independent charts on both cores, each worker with its own renderer (Pango's
        // objects stay on the thread that made them); results land in their entry's slot.
        let results = ChartResults(count: entries.count)
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            do {
                let renderer = try ChartRenderer()
                try renderer.measurer.checkFont(o.theme.fontFamily)
                let context = ChartContext(size: o.size, theme: o.theme, language: o.language, measurer: renderer.measurer, source: o.source, logoPath: o.logo)
                let slide = ChartContext(size: .slide, theme: o.theme, language: o.language, measurer: renderer.measurer, source: o.source, logoPath: o.logo)
                let narrative = Narrative(metrics: metrics, year: o.year, language: o.language)
                for index in stride(from: worker, to: entries.count, by: 2) {
                    let entry = entries[index]
                    let scene = Charts.scene(entry.request, metrics: metrics, context: context)
                    var files: [ManifestEntry] = []
                    for format in o.formats.sorted() {
                        let path = "charts/\(entry.name).\(format.fileExtension)"
                        try renderer.write(scene, as: format, size: o.size, to: folder.appendingPathComponent(path).path)
                        files.append(ManifestEntry(path: path, kind: entry.request.kind.rawValue, title: scene.title, alt: narrative.alt(for: entry.request)))
                    }
                    let page = o.size == .slide ? scene : Charts.scene(entry.request, metrics: metrics, context: slide)
                    results.set(index, files: files, page: page)
                }
            } catch {
                results.fail(error)
            }
        }
        if let failure = results.failure { throw .render(failure) }
        var files = results.files.flatMap { $0 }
        do {
            let renderer = try ChartRenderer()
            let slide = ChartContext(size: .slide, theme: o.theme, language: o.language, measurer: renderer.measurer, source: o.source, logoPath: o.logo)
            let title = o.title ?? (o.language == .vi ? "Tổng kết năm \(o.year)" : "Review of \(o.year)")
            let pages = [TitleSlide.scene(title: title, organisation: o.organisation, year: o.year, date: o.date, context: slide)] + results.pages.compactMap { $0 }
            let numbered = pages.enumerated().map { i, scene in i == 0 ? scene : scene.numbered(i + 1, of: pages.count, context: slide) }
            try renderer.pdf(numbered, info: .init(title: title, subject: o.organisation), to: folder.appendingPathComponent("deck.pdf").path)
            files.insert(ManifestEntry(path: "deck.pdf", kind: "deck", title: title,
                                       alt: o.language == .vi ? "Bộ trình chiếu \(pages.count) trang: trang tiêu đề và các biểu đồ." : "A \(pages.count)-page deck: the title page and the charts."), at: 0)
        } catch {
            throw .render(error)
        }
        if let video = o.video {
            do {
                let renderer = try ChartRenderer()
                let timeline = VideoPlan.timeline(metrics, year: o.year, options: video, measurer: renderer.measurer)
                try VideoWriter.mp4(timeline, size: video.size, to: folder.appendingPathComponent("video.mp4").path)
                let seconds = Int(timeline.duration.rounded())
                files.append(ManifestEntry(path: "video.mp4", kind: "video", title: o.title ?? (o.language == .vi ? "Tổng kết năm \(o.year)" : "Review of \(o.year)"),
                                           alt: o.language == .vi ? "Video tóm tắt \(seconds) giây: \(timeline.slides.count - 2) biểu đồ lần lượt xuất hiện." : "A \(seconds)-second summary video: \(timeline.slides.count - 2) charts, one after another."))
            } catch let error as VideoError {
                throw .video(error)
            } catch {
                throw .render(error as? RenderError ?? .cairo("\(error)"))
            }
        }
        try writeText(folder, "metrics.csv") { writer in try MetricsExport.write(metrics, year: nil, format: .csv, to: writer) }
        files.append(ManifestEntry(path: "metrics.csv", kind: "metrics", title: "metrics.csv", alt: "Every figure of every year, one row per scope, year, unit and indicator."))
        for language in [Language.vi, .en] {
            let text = Narrative(metrics: metrics, year: o.year, language: language).markdown
            try writeText(folder, "summary.\(language.rawValue).md") { writer in try writer.write(text) }
            files.append(ManifestEntry(path: "summary.\(language.rawValue).md", kind: "summary", title: language == .vi ? "Tóm tắt" : "Summary",
                                       alt: language == .vi ? "Tóm tắt kết quả bằng tiếng Việt." : "The results summarised in English."))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let manifest = try? encoder.encode(["files": files]) else { throw .filesystem("manifest.json could not be encoded") }
        try writeText(folder, "manifest.json") { writer in try writer.write(bytes: [UInt8](manifest) + [10]) }
        return files
    }

    private static func writeText(_ folder: URL, _ name: String, _ body: (ByteWriter) throws -> Void) throws(ReportError) {
        var bytes: [UInt8] = []
        let writer = ByteWriter { bytes.append(contentsOf: $0) }
        do {
            try body(writer)
            try writer.flush()
            try AtomicFile.write(bytes, to: folder.appendingPathComponent(name).path)
        } catch let error as OutputError {
            throw .filesystem(error.description)
        } catch {
            throw .filesystem("\(folder.appendingPathComponent(name).path): \(error)")
        }
    }

    /// The new pack replaces the old one with two renames; the old is deleted only after.
    private static func swapIntoPlace(_ staging: URL, _ final: URL) throws(ReportError) {
        try Interruption.changingFiles { () throws(ReportError) in try swap(staging, final) }
    }

    private static func swap(_ staging: URL, _ final: URL) throws(ReportError) {
        let fm = FileManager.default
        let old = final.deletingLastPathComponent().appendingPathComponent(".\(final.lastPathComponent).old-\(getpid())")
        let hadOld = fm.fileExists(atPath: final.path)
        if hadOld, rename(final.path, old.path) != 0 { throw .filesystem("\(final.path): cannot replace the previous pack") }
        if rename(staging.path, final.path) != 0 {
            if hadOld { _ = rename(old.path, final.path) }
            throw .filesystem("\(final.path): cannot move the new pack into place")
        }
        if hadOld { try? fm.removeItem(at: old) }
    }
}

/// The charts' results by plan position, filled by the two workers (each its own indices).
private final class ChartResults: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var files: [[ManifestEntry]]
    private(set) var pages: [Scene?]
    private(set) var failure: RenderError?

    init(count: Int) {
        files = Array(repeating: [], count: count)
        pages = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, files: [ManifestEntry], page: Scene) {
        lock.lock()
        defer { lock.unlock() }
        self.files[index] = files
        pages[index] = page
    }

    func fail(_ error: Error) {
        lock.lock()
        defer { lock.unlock() }
        if failure == nil { failure = (error as? RenderError) ?? .cairo("\(error)") }
    }
}
