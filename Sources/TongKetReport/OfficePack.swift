import TongKetAnalytics
import TongKetCharts
import TongKetData
import TongKetOffice

/// The pack's Office files from what the pack already made: deck.pptx from the deck's pages,
/// report.docx from the narrative with the deck's charts in its sections and a table of
/// figures in each, metrics.xlsx from the figures.
struct OfficePack {
    let metrics: Metrics
    let year: Int
    let language: Language
    let deck: DeckPlan

    private func pick(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }

    /// A page of the deck: its title, its picture where the slide is one, its chart (nil for
    /// the title and closing pages).
    struct Page {
        var title: String
        var picture: [UInt8]?
        var request: ChartRequest?
        /// The request's chart as data, made once for the choice of picture and for the slide.
        var spec: ChartSpec?
    }

    /// deck.pptx: `covers` the title and closing pages' titles and lines; `native` draws
    /// each chart in PowerPoint (its picture where there is no native form, `picture` set);
    /// the speaker notes from `review`, the same document the summaries and the report are.
    func presentation(pages: [Page], review: ReviewDocument, title: String, covers: (first: (String, [String]), last: (String, [String])),
                      native: Bool, source: String, theme: Theme, measurer: any TextMeasurer) -> [UInt8] {
        let narrative = Narrative(metrics: metrics, year: year, language: language)
        let slides = pages.enumerated().map { index, page in
            let alt = page.request.map(narrative.alt(for:)) ?? page.title
            let content: DeckPresentation.Content
            if !native, let picture = page.picture {
                content = .picture(picture)
            } else if let spec = page.spec {
                content = .chart(spec, source: source)
            } else {
                let cover = index == 0 ? covers.first : covers.last
                content = .cover(title: cover.0, lines: cover.1)
            }
            return DeckPresentation.Slide(title: page.title, content: content, alt: alt, notes: page.request.map { notes(for: $0, narrative, review) } ?? [],
                                          number: index == 0 ? nil : "\(index + 1) / \(pages.count)")
        }
        return DeckPresentation.data(slides, title: title, lang: pick("vi-VN", "en-GB"), theme: theme, measurer: measurer)
    }

    /// What the presenter says on a page: its one-sentence summary, then the figures it shows.
    private func notes(for request: ChartRequest, _ narrative: Narrative, _ review: ReviewDocument) -> [String] {
        let province = metrics.figureRows(year: year).filter { $0.scope == .province }
        var out = [narrative.alt(for: request)]
        switch request.kind {
        case .kpi: out += Headlines.ranked(metrics, year: year).prefix(ChartKind.headlineTiles).compactMap { id in province.first { $0.indicator == id }.map(narrative.sentence) }
        case .bullet: out += request.indicators.compactMap { id in province.first { $0.indicator == id }.map(narrative.sentence) }
        // The leadership's causes after what was missed; its tasks and proposals after next year's targets.
        case .shortfalls: out += [.shortfalls, .causes].flatMap { review.section($0).map(ReviewDocument.lines) ?? [] }
        case .plan: out += [.plan, .proposals].flatMap { review.section($0).map(ReviewDocument.lines) ?? [] }
        case .comparison: out += review.section(.comparison).map(ReviewDocument.lines) ?? []
        default: break
        }
        return out
    }

    /// Who the report is from and when, for its header block.
    struct Sender {
        var organisation: String
        var parent: String
        /// nil: taken from the organisation's name ("… tỉnh Hậu Giang" → "Hậu Giang").
        var place: String?
        var date: String
        /// The trích yếu as the user gave it (`--title`); nil: from the period.
        var subject: String?
        var form = OfficialForm()
        /// Whether the leadership's text was given (`--text`): without it, its parts are placeholders.
        var leadership = LeadershipText()
    }

    /// The review as the report's blocks, in the form of Nghị định 30/2020: the header block (in
    /// Vietnamese), then I. the results — each section with the deck's charts of it (drawn for
    /// the page), its tables and sentences, and an overall assessment — II. what was not met and
    /// why, III. next year's directions and tasks, IV. the proposals; "Nơi nhận" and the
    /// signature block; the appendix with each unit's own form. What the leadership has not
    /// written yet is a highlighted placeholder.
    func document(review: ReviewDocument, charts: [(request: ChartRequest, png: [UInt8], title: String)], chartSize: (width: Double, height: Double), sender: Sender) -> [UInt8] {
        let narrative = Narrative(metrics: metrics, year: year, language: language)
        let words = FigureWords(metrics, language)
        var blocks: [ReportDocument.Block] = []
        // "Báo cáo tổng kết năm 2024", "Báo cáo sơ kết 6 tháng đầu năm 2024".
        let title = language == .vi ? "Báo cáo " + review.title.prefix(1).lowercased() + review.title.dropFirst() : review.title
        let date = sender.date.isEmpty ? words.blankDate(year) : words.dateWords(sender.date)
        let number = sender.form.number.isEmpty ? ReportDocument.blankNumber : sender.form.number
        if language == .vi {
            let place = sender.place ?? Self.place(in: sender.organisation)
            blocks.append(.officialHeader(.init(parent: sender.parent, organisation: sender.organisation, number: sender.form.number,
                                                placeAndDate: (place.map { $0 + ", " } ?? "") + date, subject: sender.subject ?? subject)))
        } else {
            blocks.append(.title(sender.subject ?? title))
            blocks.append(.subtitle([sender.organisation, date].filter { !$0.isEmpty }.joined(separator: ", ")))
        }
        blocks += review.lead.map { .paragraph($0) }
        let appendix = pick("Kết quả thực hiện chỉ tiêu của từng đơn vị", "Each unit's results")
        let placeholder = ReportDocument.Block.placeholder(LeadershipText.placeholder(language))
        func body(_ section: ReviewDocument.Section, dropping dropped: String? = nil) -> [ReportDocument.Block] {
            var out: [ReportDocument.Block] = []
            for chart in charts where part(of: chart.request) == section.part {
                out.append(.chart(png: chart.png, caption: chart.title, alt: narrative.alt(for: chart.request),
                                  width: chartSize.width, height: chartSize.height))
            }
            if section.part == .byUnit {
                out.append(.paragraph(pick("Kết quả chi tiết của từng đơn vị tại Phụ lục kèm theo báo cáo này.",
                                           "Each unit's own results are in the appendix.")))
            }
            for block in section.blocks {
                switch block {
                case let .paragraph(text) where text == dropped: continue
                // A field's units are the appendix's tables: said there once, not again as sentences here.
                case .subheading where section.part.isField, .item where section.part.isField: continue
                case let .paragraph(text): out.append(.paragraph(text))
                // The decree's body is paragraphs; an item keeps its dash, as reports write them.
                case let .item(text): out.append(.paragraph("- " + text))
                case let .subheading(text): out.append(.heading(text, level: 3))
                case let .table(table): out.append(.table(headers: table.headers, rows: table.rows, measureLine: table.measureLine))
                }
            }
            return out
        }
        // I. What was achieved: the sections of the results, then the assessment, which says the whole once.
        let results = review.sections.filter { [.highlights, .byUnit, .comparison].contains($0.part) || $0.part.isField }
        blocks.append(.heading(pick("I. KẾT QUẢ ĐẠT ĐƯỢC", "I. RESULTS"), level: 1))
        for (n, section) in results.enumerated() {
            blocks.append(.heading("\(n + 1). " + section.heading, level: 2))
            blocks += body(section, dropping: narrative.overall)
        }
        let assessment = (narrative.overall.map { [ReportDocument.Block.paragraph($0)] } ?? [])
            + (review.section(.assessment).map { body($0) } ?? [])
        if !assessment.isEmpty {
            blocks.append(.heading("\(results.count + 1). " + LeadershipText.Part.assessment.heading(language), level: 2))
            blocks += assessment
        }
        // II. What was not met, and why (the leadership's).
        blocks.append(.heading(pick("II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", "II. SHORTFALLS AND THEIR CAUSES"), level: 1))
        blocks.append(.heading("1. " + ReviewHeadings.shortfalls(language), level: 2))
        blocks += review.section(.shortfalls).map { body($0) } ?? []
        blocks.append(.heading("2. " + LeadershipText.Part.causes.heading(language), level: 2))
        blocks += review.section(.causes).map { body($0) } ?? [placeholder]
        // III. Next period's directions and tasks: the targets the files carry, the leadership's tasks.
        let next = words.nextWhen(year)
        let directions = pick("III. PHƯƠNG HƯỚNG, NHIỆM VỤ", "III. DIRECTIONS AND TASKS")
            + (next.map { " " + $0.uppercased() } ?? "")
        blocks.append(.heading(directions, level: 1))
        blocks += review.section(.plan).map { body($0) } ?? []
        if sender.leadership[.directions].isEmpty { blocks.append(placeholder) }
        // IV. What the office asks of the level above.
        blocks.append(.heading(pick("IV. ĐỀ XUẤT, KIẾN NGHỊ", "IV. PROPOSALS"), level: 1))
        blocks += review.section(.proposals).map { body($0) } ?? [placeholder]
        if language == .vi {
            let form = sender.form
            blocks.append(.signature(.init(recipients: form.recipients, authority: form.authority,
                                           title: form.signerTitle(head: Self.headTitle(sender.organisation)), name: form.name)))
        }
        let of = sender.organisation.isEmpty ? "" : pick(" của ", " of ") + sender.organisation
        let attached = pick("(Kèm theo Báo cáo số \(number) \(date)\(of))", "(Attached to report no. \(number), \(date)\(of))")
        blocks += unitAppendix(kind: pick("Phụ lục", "Appendix"), title: language == .vi ? appendix.uppercased() : appendix,
                               attached: attached, narrative: narrative)
        return ReportDocument.data(blocks, title: title, chartWord: pick("Biểu đồ", "Chart"), lang: pick("vi-VN", "en-GB"))
    }

    /// The trích yếu: "Tổng kết công tác năm 2024 và phương hướng, nhiệm vụ năm 2025".
    var subject: String {
        let words = FigureWords(metrics, language)
        let review = metrics.table.period.review(vietnamese: language == .vi)
        let next = words.nextWhen(year)
        guard language == .vi else { return words.reviewTitle(year) + (next.map { ", and the directions for \($0)" } ?? "") }
        return review + " công tác " + words.when(year) + (next.map { " và phương hướng, nhiệm vụ " + $0 } ?? "")
    }

    /// The province or city an agency's name ends with: "Viện kiểm sát nhân dân tỉnh Hậu
    /// Giang (dữ liệu mẫu)" → "Hậu Giang"; nil when it names none.
    static func place(in organisation: String) -> String? {
        var name = organisation
        if let open = name.range(of: " (") { name = String(name[..<open.lowerBound]) }
        for word in ["thành phố ", "tỉnh "] {
            if let found = name.range(of: word, options: [.backwards, .caseInsensitive]) {
                let place = name[found.upperBound...].trimmingCharacters(in: .whitespaces)
                // "CỤC THUẾ TỈNH HẬU GIANG": the place as a sentence writes it.
                if !place.isEmpty { return place == place.uppercased() ? place.capitalized : place }
            }
        }
        return nil
    }

    /// Who signs for an agency of this kind (Nghị định 30/2020 signs with the head's title): "VIỆN TRƯỞNG"
    /// for a procuracy, "CHÁNH ÁN" for a court, "CỤC TRƯỞNG" for a Cục, "GIÁM ĐỐC" for a Sở.
    static func headTitle(_ organisation: String) -> String {
        let name = HeaderName.fold(organisation)
        let heads: [(String, String)] = [
            ("vien kiem sat", "VIỆN TRƯỞNG"), ("vksnd", "VIỆN TRƯỞNG"), ("toa an", "CHÁNH ÁN"), ("tand", "CHÁNH ÁN"),
            ("chi cuc", "CHI CỤC TRƯỞNG"), ("cuc ", "CỤC TRƯỞNG"), ("so ", "GIÁM ĐỐC"), ("cong an", "GIÁM ĐỐC"),
            ("kho bac", "GIÁM ĐỐC"), ("bao hiem xa hoi", "GIÁM ĐỐC"), ("uy ban nhan dan", "TM. ỦY BAN NHÂN DÂN"),
            ("ubnd", "TM. ỦY BAN NHÂN DÂN"), ("ban ", "TRƯỞNG BAN"), ("phong ", "TRƯỞNG PHÒNG"), ("truong ", "HIỆU TRƯỞNG"),
        ]
        return heads.first { name.hasPrefix($0.0) }?.1 ?? "THỦ TRƯỞNG CƠ QUAN"
    }

    /// "Phụ lục": the office's own form for every unit, in the administrative order — STT,
    /// indicator, target, actual, the result (completion, a rate against its threshold, a
    /// ceiling within or over) and the change on the same period last year.
    private func unitAppendix(kind: String, title: String, attached: String, narrative: Narrative) -> [ReportDocument.Block] {
        let words = FigureWords(metrics, language)
        let figures = metrics.figureRows(year: year).filter { $0.scope == .unit }
        let units = metrics.unitsInOfficeOrder(Array(Set(figures.map(\.unit))))
        guard !units.isEmpty else { return [] }
        var blocks: [ReportDocument.Block] = [.appendix(kind: kind, title: title, attached: attached)]
        let headers = [pick("Kế hoạch", "Target"), pick("Thực hiện", "Actual"), pick("Kết quả", "Result"),
                       narrative.againstLastYear]
        for (n, unit) in units.enumerated() {
            let own = figures.filter { $0.unit == unit }
            let ordered = metrics.inOfficeOrder(own.map(\.indicator)).compactMap { id in own.first { $0.indicator == id } }
            let table = narrative.figureTable(ordered, headers: headers) { f in
                [f.target.map { words.bare($0, f) } ?? "—", words.bareActual(f), words.shortVerdict(f), words.change(f)]
            }
            blocks.append(.heading("\(n + 1). " + metrics.unitName(own[0]), level: 2))
            blocks.append(.table(headers: table.headers, rows: table.rows, numbered: true, measureLine: table.measureLine))
        }
        return blocks
    }

    /// The part of the review a chart belongs to.
    private func part(of request: ChartRequest) -> ReviewDocument.Part {
        switch request.kind {
        case .kpi: return .highlights
        case .scorecard: return .byUnit
        case .shortfalls: return .shortfalls
        case .comparison: return .comparison
        case .plan: return .plan
        default:
            let ids = request.indicators.isEmpty ? request.indicator.map { [$0] } ?? [] : request.indicators
            return .field(deck.sections.first { s in ids.contains { s.indicators.contains($0) } } ?? DeckPlan.Section(title: nil, indicators: []))
        }
    }
}
