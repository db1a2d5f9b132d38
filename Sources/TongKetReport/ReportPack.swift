import Foundation
import TongKetAnalytics
import TongKetCairo
import TongKetCharts
import TongKetData
import TongKetOffice
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
    /// The deck's length at most, title and closing pages included.
    public var maxPages = 25
    /// Only these kinds of chart, in the charts/ folder and the deck (nil: all).
    public var kinds: Set<ChartKind>?
    /// Only these indicators (nil: all).
    public var indicators: Set<Int32>?
    /// Add deck.pptx, report.docx and metrics.xlsx.
    public var office = true
    /// deck.pptx's pages as charts PowerPoint draws, or as pictures.
    public var pptx: DeckStyle = .native
    /// The agency above the organisation, for report.docx's header block; may be empty.
    public var parent = ""
    /// The place before the date in report.docx ("Sóc Trăng"); nil: from the organisation's name.
    public var place: String?
    /// report.docx's number, signer and recipients.
    public var form = OfficialForm()
    /// The leadership's own paragraphs (`--text`), in the pack's language.
    public var leadership = LeadershipText()
    /// Also each of these units' own summary under units/ (`UnitPack`); empty: none.
    public var units: [Int32] = []
    /// Called as the run's videos are made, from any thread, one call at a time: frames done
    /// and frames in all, over the pack's video and every unit's — one bar for the whole run.
    public var progress: (@Sendable (Int, Int) -> Void)?

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

/// How deck.pptx is made.
public enum DeckStyle: String, Sendable, CaseIterable {
    /// Charts, tiles and tables PowerPoint draws: labels, figures and words editable.
    case native
    /// Each page the deck's picture, as deck.pdf shows it.
    case pictures
}

/// One line of manifest.json.
public struct ManifestEntry: Codable, Equatable, Sendable {
    public var path: String
    public var kind: String
    public var title: String
    public var alt: String
    /// Its page in deck.pdf, when the deck shows it.
    public var deckPage: Int?
}

/// The conference pack: every chart, the deck, the metrics, the narratives and a manifest,
/// built in a hidden folder beside the target and renamed into place at the end — a run that
/// fails leaves the previous pack as it was and no half-written file.
public enum ReportPack {
    public static func write(_ metrics: Metrics, options: ReportOptions) throws(ReportError) -> (folder: String, files: [ManifestEntry]) {
        let fm = FileManager.default
        let datasetFolder = URL(fileURLWithPath: options.outputRoot).appendingPathComponent(Slug.make(options.dataset))
        let final = datasetFolder.appendingPathComponent(FigureWords.folderName(options.year, metrics.table.period))
        let staging = datasetFolder.appendingPathComponent(".\(final.lastPathComponent).building-\(getpid())")
        // A file where the pack goes is the user's, never a pack to replace: said before any work.
        if let problem = notAPack(final) { throw problem }
        recoverKilledRuns(final)
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
            // A full disk is said of the file the user will look for, not of the hidden folder.
            throw error.naming(staging.path, as: final.path)
        }
    }

    private static func build(_ metrics: Metrics, options o: ReportOptions, in folder: URL) throws(ReportError) -> [ManifestEntry] {
        let deck = DeckPlan(metrics: metrics, year: o.year, language: o.language, maxPages: o.maxPages, kinds: o.kinds, indicators: o.indicators)
        let entries = ReportPlan(metrics: metrics, year: o.year, language: o.language, kinds: o.kinds, indicators: o.indicators, deck: deck).entries
        // Deck page 1 is the title; the charts follow in the deck's order.
        var pageOf: [Int: Int] = [:]
        for (i, page) in deck.pages.enumerated() { if let index = entries.firstIndex(where: { $0.request == page }) { pageOf[index] = i + 2 } }
        let deckPage = pageOf
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
                        files.append(ManifestEntry(path: path, kind: entry.request.kind.rawValue, title: scene.title, alt: narrative.alt(for: entry.request), deckPage: deckPage[index]))
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
        let title = o.title ?? FigureWords(metrics, o.language).reviewTitle(o.year)
        var deckScenes: [ChartScene] = []
        let deckCharts = deck.pages.compactMap { page in entries.firstIndex { $0.request == page } }
        do {
            let renderer = try ChartRenderer()
            let slide = ChartContext(size: .slide, theme: o.theme, language: o.language, measurer: renderer.measurer, source: o.source, logoPath: o.logo)
            let charts = deckCharts.compactMap { results.pages[$0] }
            let words = FigureWords(metrics, o.language)
            // "Năm 2024 (01/12/2023 – 30/11/2024)": a year that is not a calendar one, as the files state it.
            let line = words.When(o.year) + (words.dates(o.year).map { " (\($0))" } ?? "")
            let pages = [TitleSlide.scene(title: title, organisation: o.organisation, when: line, date: words.dateWords(o.date), context: slide)] + charts
                + [TitleSlide.closing(organisation: o.organisation, when: line, context: slide)]
            let numbered = pages.enumerated().map { i, scene in i == 0 ? scene : scene.numbered(i + 1, of: pages.count, context: slide) }
            try renderer.pdf(numbered, info: .init(title: title, subject: o.organisation), to: folder.appendingPathComponent("deck.pdf").path)
            deckScenes = numbered
            files.insert(ManifestEntry(path: "deck.pdf", kind: "deck", title: title,
                                       alt: o.language == .vi ? "Bộ trình chiếu \(pages.count) trang: trang tiêu đề, \(charts.count) biểu đồ theo trình tự hội nghị tổng kết và trang kết." : "A \(pages.count)-page deck: the title page, \(charts.count) charts in the order of a review conference, and a closing page."), at: 0)
        } catch {
            throw .render(error)
        }
        // Every video's frames are counted before the first is made: the bar runs once, to the end.
        let unitPlans = o.units.isEmpty ? [] : UnitPack.plans(metrics, units: metrics.unitsInOfficeOrder(o.units), options: o)
        var progress: RunProgress?
        if let video = o.video {
            do {
                let renderer = try ChartRenderer()
                let timeline = VideoPlan.timeline(metrics, year: o.year, options: video, measurer: renderer.measurer)
                let unitFrames = unitPlans.map { UnitPack.frameCount($0, video: video) }
                let counter = o.progress.map { RunProgress(totals: [timeline.frameCount] + unitFrames, report: $0) }
                progress = counter
                try VideoWriter.mp4(timeline, size: video.size, to: folder.appendingPathComponent("video.mp4").path) { done, _ in counter?.update(0, done) }
                let seconds = Int(timeline.duration.rounded())
                files.append(ManifestEntry(path: "video.mp4", kind: "video", title: o.title ?? FigureWords(metrics, o.language).reviewTitle(o.year),
                                           alt: o.language == .vi ? "Video tóm tắt \(seconds) giây: \(timeline.slides.count - 2) biểu đồ lần lượt xuất hiện." : "A \(seconds)-second summary video: \(timeline.slides.count - 2) charts, one after another."))
                files.append(ManifestEntry(path: "video.srt", kind: "captions", title: o.language == .vi ? "Phụ đề của video" : "The video's captions",
                                           alt: o.language == .vi ? "Câu tóm tắt của từng biểu đồ trong video, kèm thời gian (SubRip)." : "Each chart's sentence in the video, with its times (SubRip)."))
            } catch let error as VideoError {
                throw .video(error)
            } catch {
                throw .render(error as? RenderError ?? .cairo("\(error)"))
            }
        }
        // The narrative in both languages, once: the summaries and report.docx are made from it.
        var reviews: [Language: ReviewDocument] = [:]
        for language in [Language.vi, .en] {
            // The leadership's text is in the language it was written in: the pack's.
            let text = language == o.language ? o.leadership : LeadershipText()
            reviews[language] = Narrative(metrics: metrics, year: o.year, language: language, leadership: text).document
        }
        if o.office {
            files += try writeOffice(metrics, options: o, deck: deck, title: title, deckScenes: deckScenes, review: reviews[o.language],
                                     charts: deckCharts.compactMap { i in results.pages[i].map { (entries[i], $0) } }, in: folder)
        }
        try writeText(folder, "metrics.csv") { writer in try MetricsExport.write(metrics, year: nil, format: .csv, to: writer) }
        files.append(ManifestEntry(path: "metrics.csv", kind: "metrics", title: "metrics.csv", alt: "Every figure of every year, one row per scope, year, unit and indicator."))
        for language in [Language.vi, .en] {
            let text = reviews[language]?.markdown ?? ""
            try writeText(folder, "summary.\(language.rawValue).md") { writer in try writer.write(text) }
            files.append(ManifestEntry(path: "summary.\(language.rawValue).md", kind: "summary", title: language == .vi ? "Tóm tắt" : "Summary",
                                       alt: language == .vi ? "Tóm tắt kết quả bằng tiếng Việt." : "The results summarised in English."))
        }
        try writeText(folder, "review.md") { writer in try writer.write(ReviewNotes.markdown(metrics, year: o.year, language: o.language)) }
        let vi = o.language == .vi
        files.append(ManifestEntry(path: "review.md", kind: "review",
                                   title: vi ? "Rà soát trước khi trình bày" : "To check before presenting",
                                   alt: vi ? "Ghi chú và cảnh báo cho người lập báo cáo."
                                           : "Notes and warnings for the analyst."))
        if !unitPlans.isEmpty { files += try UnitPack.write(metrics, plans: unitPlans, options: o, progress: progress, in: folder) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let manifest = try? encoder.encode(["files": files]) else { throw .filesystem("manifest.json could not be encoded") }
        try writeText(folder, "manifest.json") { writer in try writer.write(bytes: [UInt8](manifest) + [10]) }
        return files
    }

    /// deck.pptx from the deck's numbered pages; report.docx with the deck's charts drawn
    /// again for the page (A4 text width, the print theme); metrics.xlsx.
    private static func writeOffice(_ metrics: Metrics, options o: ReportOptions, deck: DeckPlan, title: String, deckScenes: [ChartScene], review: ReviewDocument?,
                                    charts: [(ReportPlan.Entry, ChartScene)], in folder: URL) throws(ReportError) -> [ManifestEntry] {
        let office = OfficePack(metrics: metrics, year: o.year, language: o.language, deck: deck)
        let requests: [ChartRequest?] = [nil] + charts.map { Optional($0.0.request) } + [nil]
        // A native deck draws every page itself; the picture deck is the pages' pictures.
        let specs = requests.map { $0.map { Charts.spec($0, metrics: metrics, language: o.language) } }
        let pictured = o.pptx == .pictures ? Array(deckScenes.indices) : []
        let pngs = try renderPNGs(pictured.map { deckScenes[$0] })
        var deckPictures: [[UInt8]?] = Array(repeating: nil, count: deckScenes.count)
        for (slot, i) in pictured.enumerated() { deckPictures[i] = pngs[slot] }
        // The cùng kỳ and plan pages are tables: the report has them as its own tables.
        let printed = charts.filter { $0.0.request.kind != .comparison && $0.0.request.kind != .plan }
        let review = review ?? Narrative(metrics: metrics, year: o.year, language: o.language).document
        let chartPNGs = try renderPrinted(printed.map(\.0.request), metrics: metrics, options: o)
        let pages = deckScenes.indices.map { OfficePack.Page(title: deckScenes[$0].title, picture: deckPictures[$0], request: requests[$0], spec: specs[$0]) }
        let vi = o.language == .vi
        let words = FigureWords(metrics, o.language)
        let line = words.When(o.year) + (words.dates(o.year).map { " (\($0))" } ?? "")
        let date = words.dateWords(o.date)
        let covers = (first: (title, [o.organisation, line + (date.isEmpty ? "" : " · " + date)].filter { !$0.isEmpty }),
                      last: (vi ? "Xin trân trọng cảm ơn!" : "Thank you", [o.organisation, line].filter { !$0.isEmpty }))
        let measurer: ChartRenderer
        do { measurer = try ChartRenderer() } catch { throw .render(error) }
        let deckBytes = office.presentation(pages: pages, review: review, title: title, covers: covers, native: o.pptx == .native,
                                            source: o.source ?? ChartContext.sourceLine(o.language), theme: o.theme,
                                            measurer: measurer.measurer)
        try writeText(folder, "deck.pptx") { writer in try writer.write(bytes: deckBytes) }
        try writeText(folder, "report.docx") { writer in
            let sender = OfficePack.Sender(organisation: o.organisation, parent: o.parent, place: o.place, date: o.date, subject: o.title,
                                           form: o.form, leadership: o.leadership)
            let page = CanvasSize.a4Text
            let width = ReportDocument.textWidthPoints
            try writer.write(bytes: office.document(review: review, charts: zip(printed, chartPNGs).map { (request: $0.0.request, png: $1, title: $0.1.title) },
                                                    chartSize: (width, width * page.height / page.width), sender: sender))
        }
        try writeText(folder, "metrics.xlsx") { writer in try writer.write(bytes: MetricsWorkbook.data(metrics, language: o.language)) }
        return [
            ManifestEntry(path: "deck.pptx", kind: "deck", title: title,
                          alt: vi ? "Bộ trình chiếu PowerPoint \(pages.count) trang, như deck.pdf, có ghi chú cho người trình bày." : "The \(pages.count)-slide PowerPoint deck, as deck.pdf, with speaker notes."),
            ManifestEntry(path: "report.docx", kind: "report",
                          title: vi ? "Báo cáo " + FigureWords.midSentence(words.reviewTitle(o.year)) : words.reviewTitle(o.year),
                          alt: vi ? "Báo cáo tổng kết dạng Word: các phần như bộ trình chiếu, \(printed.count) biểu đồ có chú thích, bảng số liệu từng phần, phụ lục từng đơn vị." : "The written review in Word: the deck's sections, \(printed.count) captioned charts, a table of figures per section, an appendix per unit."),
            ManifestEntry(path: "metrics.xlsx", kind: "metrics", title: "metrics.xlsx",
                          alt: vi ? "Số liệu như metrics.csv, dạng bảng tính Excel: đơn vị và toàn tỉnh, mỗi phạm vi một trang." : "The figures of metrics.csv as an Excel workbook: units and province, one sheet each."),
        ]
    }

    /// The report's charts drawn for its page: A4 text width, the print theme, 300 dpi — on
    /// both cores, each worker with its own renderer.
    private static func renderPrinted(_ requests: [ChartRequest], metrics: Metrics, options o: ReportOptions) throws(ReportError) -> [[UInt8]] {
        let out = RenderedPNGs(count: requests.count)
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            do {
                let renderer = try ChartRenderer()
                let context = ChartContext(size: .a4Text, theme: .print, language: o.language, measurer: renderer.measurer, source: o.source)
                for i in stride(from: worker, to: requests.count, by: 2) {
                    out.set(i, try renderer.png(Charts.scene(requests[i], metrics: metrics, context: context), size: .a4Text))
                }
            } catch {
                out.fail(error)
            }
        }
        if let failure = out.failure { throw .render(failure) }
        return out.pngs
    }

    /// Scenes to 1920×1080 PNGs on both cores, each worker with its own renderer.
    private static func renderPNGs(_ scenes: [ChartScene]) throws(ReportError) -> [[UInt8]] {
        let out = RenderedPNGs(count: scenes.count)
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            do {
                let renderer = try ChartRenderer()
                for i in stride(from: worker, to: scenes.count, by: 2) { out.set(i, try renderer.png(scenes[i], size: .slide)) }
            } catch {
                out.fail(error)
            }
        }
        if let failure = out.failure { throw .render(failure) }
        return out.pngs
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
    /// Two runs into one Output take turns at the swap (an advisory lock beside the pack), so
    /// both succeed and the later pack stays: without it one found the other's pack moved away.
    private static func swapIntoPlace(_ staging: URL, _ final: URL) throws(ReportError) {
        let lock = open(final.deletingLastPathComponent().appendingPathComponent(".\(final.lastPathComponent).lock").path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        if lock >= 0 { _ = flock(lock, LOCK_EX) }
        defer { if lock >= 0 { _ = flock(lock, LOCK_UN); close(lock) } }
        try Interruption.changingFiles { () throws(ReportError) in try swap(staging, final) }
    }

    /// What runs killed outright left beside the pack (`Leftovers`): a previous pack left only
    /// set aside (killed between the swap's two renames) is put back; staging folders and
    /// set-aside packs of processes that are gone are removed.
    static func recoverKilledRuns(_ final: URL) {
        let folder = final.deletingLastPathComponent()
        let stem = final.lastPathComponent
        let setAside = Leftovers.find(in: folder, stem: stem, marker: ".old-").filter { !Leftovers.isAlive($0.pid) }
        if !FileManager.default.fileExists(atPath: final.path), let newest = setAside.last {
            Interruption.changingFiles { _ = rename(folder.appendingPathComponent(newest.name).path, final.path) }
        }
        Leftovers.removeDead(setAside + Leftovers.find(in: folder, stem: stem, marker: ".building-"), in: folder)
    }

    /// A file (not a folder) at the pack's place.
    private static func notAPack(_ final: URL) -> ReportError? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: final.path, isDirectory: &isFolder), !isFolder.boolValue else { return nil }
        return .filesystem("\(final.path): a file is where the pack's folder goes, and it is not replaced; move or rename it, or choose another folder with --out")
    }

    private static func swap(_ staging: URL, _ final: URL) throws(ReportError) {
        if let problem = notAPack(final) { throw problem }
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

/// PNGs by position, filled by the two workers (each its own indices).
private final class RenderedPNGs: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var pngs: [[UInt8]]
    private(set) var failure: RenderError?
    init(count: Int) { pngs = Array(repeating: [], count: count) }
    func set(_ index: Int, _ png: [UInt8]) {
        lock.lock()
        defer { lock.unlock() }
        pngs[index] = png
    }
    func fail(_ error: Error) {
        lock.lock()
        defer { lock.unlock() }
        if failure == nil { failure = (error as? RenderError) ?? .cairo("\(error)") }
    }
}

/// The charts' results by plan position, filled by the two workers (each its own indices).
private final class ChartResults: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var files: [[ManifestEntry]]
    private(set) var pages: [ChartScene?]
    private(set) var failure: RenderError?

    init(count: Int) {
        files = Array(repeating: [], count: count)
        pages = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, files: [ManifestEntry], page: ChartScene) {
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

/// The frames done of each video of a run (the pack's first, then each unit's), summed for one
/// bar; updated from the unit workers' threads.
final class RunProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var done: [Int]
    private let total: Int
    private let report: @Sendable (Int, Int) -> Void

    init(totals: [Int], report: @escaping @Sendable (Int, Int) -> Void) {
        done = Array(repeating: 0, count: totals.count)
        total = totals.reduce(0, +)
        self.report = report
    }

    func update(_ video: Int, _ frames: Int) {
        lock.lock()
        defer { lock.unlock() }
        guard done.indices.contains(video) else { return }
        done[video] = frames
        report(done.reduce(0, +), total)
    }
}
