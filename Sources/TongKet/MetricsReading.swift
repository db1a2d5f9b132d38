import Foundation

extension Metrics {
    /// Reads exports — CSV files or .xlsx workbooks, one per year or several years in one —
    /// reads them as the catalogue says (`catalogue`, else a `danh-muc-chi-tieu.csv` beside
    /// the first file, else what the names and measures suggest), and computes every figure.
    /// `level`: count only units of that level in the province figures. The warnings of the
    /// reading (a guessed encoding, hidden rows) are dropped; `Metrics.read` returns them.
    ///
    /// Throws `LoadError` with every problem at its file, line and column, or
    /// `Metrics.Problem` for a level no row has.
    public init(reading paths: [String], catalogue: String? = nil, level: String? = nil, options: ReadOptions = ReadOptions()) throws {
        self = try Metrics.read(paths.map { URL(fileURLWithPath: $0) }, catalogue: catalogue.map { URL(fileURLWithPath: $0) }, level: level, options: options).metrics
    }

    /// The same, the files given as URLs.
    public init(reading urls: [URL], catalogue: URL? = nil, level: String? = nil, options: ReadOptions = ReadOptions()) throws {
        self = try Metrics.read(urls, catalogue: catalogue, level: level, options: options).metrics
    }

    /// Reads and computes as `init(reading:)` does, and returns what the reading warned of
    /// (each with its file, line and column) and the findings `tongket check` lists (assumed
    /// directions, total rows, values that jump): the things to look at before presenting.
    public static func read(_ urls: [URL], catalogue: URL? = nil, level: String? = nil, options: ReadOptions = ReadOptions()) throws
        -> (metrics: Metrics, warnings: [Diagnostic], findings: [Finding]) {
        let paths = urls.map(\.path)
        let data = paths.filter { !Catalogue.isCatalogueName($0) && $0 != catalogue?.path }
        let read = try TableReader.read(paths: data, options: options)
        let cataloguePath = catalogue?.path ?? data.first.flatMap(Catalogue.path(beside:))
        let metrics = try Metrics(Interpretation(read.table, catalogue: cataloguePath.map(CatalogueReader.read(path:))), level: level)
        return (metrics, read.warnings, metrics.interpretation.findings + Review.findings(metrics))
    }

    /// The latest year in the files: the one a review is about.
    public var latestYear: Int? { years.last }
}
