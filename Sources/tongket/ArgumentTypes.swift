import ArgumentParser
import TongKetAnalytics
import TongKetCharts
import TongKetOutput
import TongKetReport

// The words the command line takes for sizes, themes, languages, kinds and formats: one
// vocabulary, parsed in one place, shared by `chart`, `report` and `video`.

extension CanvasSize: ExpressibleByArgument {
    /// slide, 4k, a4, a4-landscape, WxH, and the video words 1080p, 2160p and 720p.
    public init?(argument: String) {
        switch argument.lowercased() {
        case "1080p": self = .slide
        case "2160p": self = .uhd
        case "720p": self = CanvasSize(width: 1280, height: 720, name: "720p")
        default: self.init(parsing: argument)
        }
    }
    public var defaultValueDescription: String { name }
    public static var allValueStrings: [String] { presets.map(\.name) + ["1080p", "720p", "WxH"] }
}

extension Theme: ExpressibleByArgument {
    public init?(argument: String) {
        guard let theme = Theme.named(argument.lowercased()) else { return nil }
        self = theme
    }
    public var defaultValueDescription: String { name }
    public static var allValueStrings: [String] { all.map(\.name) }
}

extension ChartKind: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}
extension DeckStyle: ExpressibleByArgument {}

/// Several of a kind, comma-separated: `--formats png,pdf`, `--charts kpi,trend`.
struct CommaList<Element: ExpressibleByArgument & Hashable>: ExpressibleByArgument {
    var elements: [Element]

    init(_ elements: [Element]) { self.elements = elements }

    init?(argument: String) {
        var seen = Set<Element>()
        var elements: [Element] = []
        for part in argument.split(separator: ",", omittingEmptySubsequences: false) {
            guard let element = Element(argument: part.trimmingCharacters(in: .whitespaces)) else { return nil }
            if seen.insert(element).inserted { elements.append(element) }
        }
        guard !elements.isEmpty else { return nil }
        self.elements = elements
    }

    var defaultValueDescription: String { elements.map(\.defaultValueDescription).joined(separator: ",") }
    static var allValueStrings: [String] { Element.allValueStrings }
}
