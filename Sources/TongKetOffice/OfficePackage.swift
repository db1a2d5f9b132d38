/// An Office file (Open Packaging Conventions) being written: parts go in with their
/// content type, relationships from one part to another, and `[Content_Types].xml` and every
/// `_rels` part follow from what went in — a part is never listed that is not there, nor
/// there unlisted, and relationship ids are numbered per source in the order they were made.
struct OfficePackage {
    private var parts: [(path: String, bytes: [UInt8])] = []
    private var types: [(path: String, type: String)] = []
    private var defaults: [(ext: String, type: String)] = [("rels", "application/vnd.openxmlformats-package.relationships+xml"), ("xml", "application/xml")]
    /// Per source part ("" is the package), in the order first related.
    private var relationships: [(source: String, entries: [(id: String, type: String, target: String)])] = []

    /// An XML part; `type` nil for plain application/xml.
    mutating func add(_ path: String, type: String?, _ markup: Markup) {
        parts.append((path, Array(markup.part.utf8)))
        if let type { types.append((path, type)) }
    }

    /// A binary part (a picture, an embedded workbook): its content type goes by its extension.
    mutating func add(_ path: String, defaultType: String, bytes: [UInt8]) {
        parts.append((path, bytes))
        let ext = String(path.split(separator: ".").last ?? "")
        if !defaults.contains(where: { $0.ext == ext }) { defaults.append((ext, defaultType)) }
    }

    /// Relates `source` ("" for the package) to `target`, both paths inside the package;
    /// the id to refer to it by ("rId1", "rId2" … per source).
    @discardableResult
    mutating func relate(_ source: String, to target: String, _ type: Relation) -> String {
        let index = relationships.firstIndex { $0.source == source } ?? {
            relationships.append((source, []))
            return relationships.count - 1
        }()
        let id = "rId\(relationships[index].entries.count + 1)"
        relationships[index].entries.append((id, type.uri, Self.relative(target, from: source)))
        return id
    }

    /// The document properties every Office file has: its title and the program, no dates
    /// (the same input gives the same bytes).
    mutating func addProperties(title: String) {
        relate("", to: "docProps/core.xml", .coreProperties)
        relate("", to: "docProps/app.xml", .extendedProperties)
        add("docProps/core.xml", type: ContentType.core, "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
            + "<dc:title>\(title)</dc:title><dc:creator>TongKet</dc:creator></cp:coreProperties>")
        add("docProps/app.xml", type: ContentType.app, "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>TongKet</Application></Properties>")
    }

    func finished() -> [UInt8] {
        var zip = ZipWriter()
        let listed: Markup = "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + defaults.map { "<Default Extension=\"\($0.ext)\" ContentType=\"\($0.type)\"/>" as Markup }.joined()
            + types.map { "<Override PartName=\"/\($0.path)\" ContentType=\"\($0.type)\"/>" as Markup }.joined() + "</Types>"
        zip.add("[Content_Types].xml", listed.part)
        for (source, entries) in relationships {
            let rels: Markup = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + entries.map { "<Relationship Id=\"\($0.id)\" Type=\"\($0.type)\" Target=\"\($0.target)\"/>" as Markup }.joined() + "</Relationships>"
            zip.add(Self.relationshipsPath(of: source), rels.part)
        }
        for part in parts { zip.add(part.path, part.bytes) }
        return zip.finished()
    }

    /// "ppt/slides/slide1.xml" → "ppt/slides/_rels/slide1.xml.rels"; the package's is "_rels/.rels".
    static func relationshipsPath(of source: String) -> String {
        guard let slash = source.lastIndex(of: "/") else { return source.isEmpty ? "_rels/.rels" : "_rels/\(source).rels" }
        return source[..<slash] + "/_rels/" + source[source.index(after: slash)...] + ".rels"
    }

    /// `target` as seen from `source`'s folder: "ppt/charts/chart1.xml" from
    /// "ppt/slides/slide1.xml" is "../charts/chart1.xml".
    static func relative(_ target: String, from source: String) -> String {
        var base = source.split(separator: "/").dropLast().map(String.init)
        var path = target.split(separator: "/").map(String.init)
        while let first = base.first, first == path.first, path.count > 1 {
            base.removeFirst()
            path.removeFirst()
        }
        return (Array(repeating: "..", count: base.count) + path).joined(separator: "/")
    }
}

/// The relationship types the deck, the report and their charts use.
struct Relation: Sendable {
    let uri: String
    private static let office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    private init(office name: String) { uri = Self.office + name }
    private init(uri: String) { self.uri = uri }

    static let document = Relation(office: "officeDocument")
    static let coreProperties = Relation(uri: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties")
    static let extendedProperties = Relation(office: "extended-properties")
    static let slide = Relation(office: "slide"), slideLayout = Relation(office: "slideLayout"), slideMaster = Relation(office: "slideMaster")
    static let notesSlide = Relation(office: "notesSlide"), notesMaster = Relation(office: "notesMaster"), theme = Relation(office: "theme")
    static let presProps = Relation(office: "presProps"), viewProps = Relation(office: "viewProps"), tableStyles = Relation(office: "tableStyles")
    static let image = Relation(office: "image"), chart = Relation(office: "chart"), package = Relation(office: "package")
    static let worksheet = Relation(office: "worksheet"), styles = Relation(office: "styles"), header = Relation(office: "header")
}

/// Content types of the parts written here.
enum ContentType {
    static let presentationML = "application/vnd.openxmlformats-officedocument.presentationml."
    static let presentation = presentationML + "presentation.main+xml"
    static let slide = presentationML + "slide+xml", slideLayout = presentationML + "slideLayout+xml", slideMaster = presentationML + "slideMaster+xml"
    static let notesSlide = presentationML + "notesSlide+xml", notesMaster = presentationML + "notesMaster+xml"
    static let presProps = presentationML + "presProps+xml", viewProps = presentationML + "viewProps+xml", tableStyles = presentationML + "tableStyles+xml"
    static let theme = "application/vnd.openxmlformats-officedocument.theme+xml"
    static let chart = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
    static let core = "application/vnd.openxmlformats-package.core-properties+xml"
    static let app = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
    static let workbook = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
    static let worksheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
    static let xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    static let png = "image/png"
}
