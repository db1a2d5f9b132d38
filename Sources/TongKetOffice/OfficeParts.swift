/// The parts every Office package has — its relationships and its document properties —
/// written the same way for the deck, the report and the workbook.
enum OfficeParts {
    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    /// `_rels/.rels`: the main part, and the two property parts.
    static func packageRelationships(main: String) -> String {
        let officeDocument = main.hasPrefix("ppt/") || main.hasPrefix("word/") || main.hasPrefix("xl/")
            ? "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" : ""
        return relationships([
            ("rId1", officeDocument, main),
            ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
            ("rId3", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties", "docProps/app.xml"),
        ])
    }

    /// A relationships part: (id, type, target) each.
    static func relationships(_ entries: [(String, String, String)]) -> String {
        header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + entries.map { "<Relationship Id=\"\($0.0)\" Type=\"\($0.1)\" Target=\"\(xml($0.2))\"/>" }.joined()
            + "</Relationships>"
    }

    static func core(title: String) -> String { coreMarkup(title: title).part }
    static func app(application: String) -> String { appMarkup(application: application).part }

    /// No dates: the same input gives the same bytes.
    static func coreMarkup(title: String) -> Markup {
        "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
            + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
            + "<dc:title>\(title)</dc:title><dc:creator>TongKet</dc:creator></cp:coreProperties>"
    }

    static func appMarkup(application: String) -> Markup {
        "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
            + "<Application>\(application)</Application></Properties>"
    }
}
