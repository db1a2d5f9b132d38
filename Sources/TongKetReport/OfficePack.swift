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
    func presentation(pages: [Page], review: ReviewDocument, title: String, covers: (first: (String, [String]), last: (String, [String])), native: Bool, source: String, theme: Theme) -> [UInt8] {
        let narrative = Narrative(metrics: metrics, year: year, language: language)
        let slides = pages.enumerated().map { index, page in
            let alt = page.request.map(narrative.alt(for:)) ?? page.title
            let content: DeckPresentation.Content
            if !native, let picture = page.picture {
                content = .picture(picture)
            } else if let spec = page.spec {
                content = .chart(spec, source: source, fallback: page.picture ?? [])
            } else {
                let cover = index == 0 ? covers.first : covers.last
                content = .cover(title: cover.0, lines: cover.1)
            }
            return DeckPresentation.Slide(title: page.title, content: content, alt: alt, notes: page.request.map { notes(for: $0, narrative, review) } ?? [],
                                          number: index == 0 ? nil : "\(index + 1) / \(pages.count)")
        }
        return DeckPresentation.data(slides, title: title, lang: pick("vi-VN", "en-GB"), theme: theme)
    }

    /// What the presenter says on a page: its one-sentence summary, then the figures it shows.
    private func notes(for request: ChartRequest, _ narrative: Narrative, _ review: ReviewDocument) -> [String] {
        let province = metrics.figureRows(year: year).filter { $0.scope == .province }
        var out = [narrative.alt(for: request)]
        switch request.kind {
        case .kpi: out += Headlines.ranked(metrics, year: year).prefix(ChartKind.headlineTiles).compactMap { id in province.first { $0.indicator == id }.map(narrative.sentence) }
        case .bullet: out += request.indicators.compactMap { id in province.first { $0.indicator == id }.map(narrative.sentence) }
        case .shortfalls: out += review.section(.shortfalls).map(ReviewDocument.lines) ?? []
        case .plan, .comparison: out += review.section(request.kind == .plan ? .plan : .comparison).map(ReviewDocument.lines) ?? []
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
    }

    /// The review as the report's blocks: the header block (in Vietnamese), each section's
    /// heading, the deck's charts of that section (drawn for the page) with numbered
    /// captions, its tables and sentences, the signature block, and the appendix: each
    /// unit's own form.
    func document(review: ReviewDocument, charts: [(request: ChartRequest, png: [UInt8], title: String)], chartSize: (width: Double, height: Double), sender: Sender) -> [UInt8] {
        let narrative = Narrative(metrics: metrics, year: year, language: language)
        let words = FigureWords(metrics, language)
        var blocks: [ReportDocument.Block] = []
        // "Báo cáo tổng kết năm 2024", "Báo cáo sơ kết 6 tháng đầu năm 2024".
        let title = language == .vi ? "Báo cáo " + review.title.prefix(1).lowercased() + review.title.dropFirst() : review.title
        let date = sender.date.isEmpty ? words.blankDate(year) : words.dateWords(sender.date)
        if language == .vi {
            let place = sender.place ?? Self.place(in: sender.organisation)
            blocks.append(.officialHeader(.init(parent: sender.parent, organisation: sender.organisation,
                                                placeAndDate: (place.map { $0 + ", " } ?? "") + date, subject: review.title)))
        } else {
            blocks.append(.title(title))
            blocks.append(.subtitle([sender.organisation, date].filter { !$0.isEmpty }.joined(separator: " · ")))
        }
        blocks += review.lead.map { .paragraph($0) }
        let appendix = pick("Phụ lục: Kết quả thực hiện chỉ tiêu của từng đơn vị", "Appendix: each unit's results")
        for section in review.sections {
            blocks.append(.heading(section.heading, level: 1))
            for chart in charts where part(of: chart.request) == section.part {
                blocks.append(.chart(png: chart.png, caption: chart.title, alt: narrative.alt(for: chart.request), width: chartSize.width, height: chartSize.height))
            }
            if section.part == .byUnit {
                blocks.append(.paragraph(pick("Kết quả chi tiết của từng đơn vị tại \(appendix.split(separator: ":")[0]) kèm theo báo cáo này.", "Each unit's own results are in the appendix.")))
            }
            for block in section.blocks {
                switch block {
                case let .paragraph(text): blocks.append(.paragraph(text))
                // The decree's body is paragraphs; an item keeps its dash, as reports write them.
                case let .item(text): blocks.append(.paragraph("- " + text))
                case let .subheading(text): blocks.append(.heading(text, level: 2))
                case let .table(table): blocks.append(.table(headers: table.headers, rows: table.rows))
                }
            }
        }
        if language == .vi {
            blocks.append(.signature(.init(recipients: ["- Lưu: VT."], title: Self.headTitle(sender.organisation), note: "")))
        }
        blocks += unitAppendix(appendix)
        return ReportDocument.data(blocks, title: title, chartWord: pick("Biểu đồ", "Chart"), lang: pick("vi-VN", "en-GB"))
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
    private func unitAppendix(_ title: String) -> [ReportDocument.Block] {
        let words = FigureWords(metrics, language)
        let figures = metrics.figureRows(year: year).filter { $0.scope == .unit }
        let units = metrics.unitsInOfficeOrder(Array(Set(figures.map(\.unit))))
        guard !units.isEmpty else { return [] }
        var blocks: [ReportDocument.Block] = [.pageBreak, .heading(title, level: 1)]
        let headers = (metrics.table.period.isWholeYear
            ? pick("Chỉ tiêu|Kế hoạch|Thực hiện|Kết quả|So với năm trước", "Indicator|Target|Actual|Result|On last year")
            : pick("Chỉ tiêu|Kế hoạch|Thực hiện|Kết quả|So với cùng kỳ", "Indicator|Target|Actual|Result|On the same period last year")).split(separator: "|").map(String.init)
        for (n, unit) in units.enumerated() {
            let own = figures.filter { $0.unit == unit }
            let rows = metrics.inOfficeOrder(own.map(\.indicator)).compactMap { id in own.first { $0.indicator == id } }.map { f in
                [metrics.indicatorName(f), words.target(f) ?? "—", words.shortActual(f), words.shortVerdict(f), words.change(f)]
            }
            blocks.append(.heading("\(n + 1). " + metrics.unitName(own[0]), level: 2))
            blocks.append(.table(headers: headers, rows: rows, numbered: true))
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
