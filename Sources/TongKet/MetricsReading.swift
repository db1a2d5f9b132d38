import Foundation

extension Metrics {
    /// Reads exports — CSV files or .xlsx workbooks, one per year or several years in one —
    /// reads them as the catalogue says (`catalogue`, else a `danh-muc-chi-tieu.csv` beside
    /// the first file, else what the names and measures suggest), and computes every figure.
    /// `level`: count only units of that level in the province figures.
    ///
    /// Throws `LoadError` with every problem at its file, line and column, or
    /// `Metrics.Problem` for a level no row has.
    public init(reading paths: [String], catalogue: String? = nil, level: String? = nil, options: ReadOptions = ReadOptions()) throws {
        let data = paths.filter { !Catalogue.isCatalogueName($0) && $0 != catalogue }
        let table = try TableReader.read(paths: data, options: options).table
        let catalogueFile = catalogue ?? data.first.flatMap(Catalogue.path(beside:))
        try self.init(Interpretation(table, catalogue: catalogueFile.map(CatalogueReader.read(path:))), level: level)
    }

    /// The latest year in the files: the one a review is about.
    public var latestYear: Int? { table.years.last }
}
