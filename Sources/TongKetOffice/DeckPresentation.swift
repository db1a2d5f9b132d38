/// deck.pdf's pages as a PowerPoint deck (16:9): each slide a picture of its page filling the
/// slide, the page's title in the slide's title placeholder (behind the picture, for the
/// outline, the slide sorter and screen readers — the picture shows the title already), the
/// alt text in the picture's description, and what to say in the speaker notes. Masters,
/// layout, theme and notes master are linked as PowerPoint expects, and the content types
/// name exactly the parts there are.
public enum DeckPresentation {
    public struct Slide: Sendable {
        public var title: String
        /// The page as a 1920×1080 PNG.
        public var png: [UInt8]
        public var alt: String
        public var notes: [String]

        public init(title: String, png: [UInt8], alt: String, notes: [String]) {
            self.title = title
            self.png = png
            self.alt = alt
            self.notes = notes
        }
    }

    /// EMU: 914 400 an inch; a 13.333 × 7.5 inch slide.
    static let width = 12_192_000, height = 6_858_000

    /// `lang`: the text's language tag for proofing ("vi-VN", "en-GB").
    public static func data(_ slides: [Slide], title: String, lang: String) -> [UInt8] {
        var zip = ZipWriter()
        let p = "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\""
        let ct = "application/vnd.openxmlformats-officedocument.presentationml"
        var overrides = [
            ("/ppt/presentation.xml", ct + ".presentation.main+xml"),
            ("/ppt/slideMasters/slideMaster1.xml", ct + ".slideMaster+xml"),
            ("/ppt/slideLayouts/slideLayout1.xml", ct + ".slideLayout+xml"),
            ("/ppt/notesMasters/notesMaster1.xml", ct + ".notesMaster+xml"),
            ("/ppt/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml"),
            ("/ppt/theme/theme2.xml", "application/vnd.openxmlformats-officedocument.theme+xml"),
            ("/ppt/presProps.xml", ct + ".presProps+xml"),
            ("/ppt/viewProps.xml", ct + ".viewProps+xml"),
            ("/ppt/tableStyles.xml", ct + ".tableStyles+xml"),
            ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
            ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
        ]
        for n in slides.indices {
            overrides.append(("/ppt/slides/slide\(n + 1).xml", ct + ".slide+xml"))
            overrides.append(("/ppt/notesSlides/notesSlide\(n + 1).xml", ct + ".notesSlide+xml"))
        }
        zip.add("[Content_Types].xml", OfficeParts.header
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Default Extension=\"png\" ContentType=\"image/png\"/>"
            + overrides.map { "<Override PartName=\"\($0.0)\" ContentType=\"\($0.1)\"/>" }.joined() + "</Types>")
        zip.add("_rels/.rels", OfficeParts.packageRelationships(main: "ppt/presentation.xml"))
        zip.add("docProps/core.xml", OfficeParts.core(title: title))
        zip.add("docProps/app.xml", OfficeParts.app(application: "TongKet"))

        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        zip.add("ppt/presentation.xml", OfficeParts.header + "<p:presentation \(p) saveSubsetFonts=\"1\">"
            + "<p:sldMasterIdLst><p:sldMasterId id=\"2147483648\" r:id=\"rId1\"/></p:sldMasterIdLst>"
            + "<p:notesMasterIdLst><p:notesMasterId r:id=\"rId2\"/></p:notesMasterIdLst><p:sldIdLst>"
            + slides.indices.map { "<p:sldId id=\"\(256 + $0)\" r:id=\"rId\(10 + $0)\"/>" }.joined()
            + "</p:sldIdLst><p:sldSz cx=\"\(width)\" cy=\"\(height)\"/><p:notesSz cx=\"6858000\" cy=\"9144000\"/></p:presentation>")
        zip.add("ppt/_rels/presentation.xml.rels", OfficeParts.relationships([
            ("rId1", rel + "slideMaster", "slideMasters/slideMaster1.xml"),
            ("rId2", rel + "notesMaster", "notesMasters/notesMaster1.xml"),
            ("rId3", rel + "theme", "theme/theme1.xml"),
            ("rId4", rel + "presProps", "presProps.xml"),
            ("rId5", rel + "viewProps", "viewProps.xml"),
            ("rId6", rel + "tableStyles", "tableStyles.xml"),
        ] + slides.indices.map { ("rId\(10 + $0)", rel + "slide", "slides/slide\($0 + 1).xml") }))
        zip.add("ppt/presProps.xml", OfficeParts.header + "<p:presentationPr \(p)/>")
        zip.add("ppt/viewProps.xml", OfficeParts.header + "<p:viewPr \(p)><p:gridSpacing cx=\"76200\" cy=\"76200\"/></p:viewPr>")
        zip.add("ppt/tableStyles.xml", OfficeParts.header
            + "<a:tblStyleLst xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" def=\"{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}\"/>")
        zip.add("ppt/theme/theme1.xml", OfficeTheme.xml(name: "TongKet"))
        zip.add("ppt/theme/theme2.xml", OfficeTheme.xml(name: "TongKet Notes"))

        /// A placeholder shape: `ph` its type (and index), `locks` what may not change, `spPr`
        /// its geometry (empty: the master's), `text` its text body's paragraphs (nil: none).
        func placeholder(_ id: Int, _ name: String, ph: String, locks: String = "noGrp=\"1\"", spPr: String = "<p:spPr/>",
                         bodyPr: String = "<a:bodyPr/>", text: String? = nil) -> String {
            "<p:sp><p:nvSpPr><p:cNvPr id=\"\(id)\" name=\"\(name)\"/><p:cNvSpPr><a:spLocks \(locks)/></p:cNvSpPr><p:nvPr><p:ph \(ph)/></p:nvPr></p:nvSpPr>"
                + spPr + (text.map { "<p:txBody>\(bodyPr)<a:lstStyle/>\($0)</p:txBody>" } ?? "") + "</p:sp>"
        }
        let empty = "<a:p><a:endParaRPr lang=\"\(lang)\"/></a:p>"
        let rect = "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom>"
        let imageLocks = "noGrp=\"1\" noRot=\"1\" noChangeAspect=\"1\""
        let group = "<p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/><a:chOff x=\"0\" y=\"0\"/><a:chExt cx=\"0\" cy=\"0\"/></a:xfrm></p:grpSpPr>"
        let titleBox = "<a:xfrm><a:off x=\"457200\" y=\"228600\"/><a:ext cx=\"11277600\" cy=\"914400\"/></a:xfrm>"
        let clrMap = "<p:clrMap bg1=\"lt1\" tx1=\"dk1\" bg2=\"lt2\" tx2=\"dk2\" accent1=\"accent1\" accent2=\"accent2\" accent3=\"accent3\" accent4=\"accent4\" accent5=\"accent5\" accent6=\"accent6\" hlink=\"hlink\" folHlink=\"folHlink\"/>"
        func level(_ size: Int) -> String {
            "<a:lvl1pPr><a:defRPr sz=\"\(size)\"><a:solidFill><a:schemeClr val=\"tx1\"/></a:solidFill><a:latin typeface=\"+mn-lt\"/><a:cs typeface=\"+mn-cs\"/></a:defRPr></a:lvl1pPr>"
        }
        zip.add("ppt/slideMasters/slideMaster1.xml", OfficeParts.header + "<p:sldMaster \(p)><p:cSld><p:bg><p:bgRef idx=\"1001\"><a:schemeClr val=\"bg1\"/></p:bgRef></p:bg><p:spTree>\(group)"
            + placeholder(2, "Title Placeholder 1", ph: "type=\"title\"", spPr: "<p:spPr>\(titleBox)\(rect)</p:spPr>", bodyPr: "<a:bodyPr anchor=\"ctr\"/>", text: empty)
            + "</p:spTree></p:cSld>\(clrMap)<p:sldLayoutIdLst><p:sldLayoutId id=\"2147483649\" r:id=\"rId1\"/></p:sldLayoutIdLst>"
            + "<p:txStyles><p:titleStyle>\(level(3600))</p:titleStyle><p:bodyStyle>\(level(2400))</p:bodyStyle><p:otherStyle>\(level(1800))</p:otherStyle></p:txStyles></p:sldMaster>")
        zip.add("ppt/slideMasters/_rels/slideMaster1.xml.rels", OfficeParts.relationships([
            ("rId1", rel + "slideLayout", "../slideLayouts/slideLayout1.xml"), ("rId2", rel + "theme", "../theme/theme1.xml")]))
        zip.add("ppt/slideLayouts/slideLayout1.xml", OfficeParts.header + "<p:sldLayout \(p) type=\"titleOnly\" preserve=\"1\"><p:cSld name=\"Title Only\"><p:spTree>\(group)"
            + placeholder(2, "Title 1", ph: "type=\"title\"", text: empty)
            + "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>")
        zip.add("ppt/slideLayouts/_rels/slideLayout1.xml.rels", OfficeParts.relationships([("rId1", rel + "slideMaster", "../slideMasters/slideMaster1.xml")]))
        zip.add("ppt/notesMasters/notesMaster1.xml", OfficeParts.header + "<p:notesMaster \(p)><p:cSld><p:spTree>\(group)"
            + placeholder(2, "Slide Image Placeholder 1", ph: "type=\"sldImg\" idx=\"2\"", locks: imageLocks,
                          spPr: "<p:spPr><a:xfrm><a:off x=\"381000\" y=\"685800\"/><a:ext cx=\"6096000\" cy=\"3429000\"/></a:xfrm>\(rect)</p:spPr>")
            + placeholder(3, "Notes Placeholder 2", ph: "type=\"body\" idx=\"1\"",
                          spPr: "<p:spPr><a:xfrm><a:off x=\"685800\" y=\"4343400\"/><a:ext cx=\"5486400\" cy=\"4114800\"/></a:xfrm>\(rect)</p:spPr>", text: empty)
            + "</p:spTree></p:cSld>\(clrMap)<p:notesStyle>\(level(1200))</p:notesStyle></p:notesMaster>")
        zip.add("ppt/notesMasters/_rels/notesMaster1.xml.rels", OfficeParts.relationships([("rId1", rel + "theme", "../theme/theme2.xml")]))

        for (index, slide) in slides.enumerated() {
            let n = index + 1
            zip.add("ppt/media/image\(n).png", slide.png)
            zip.add("ppt/slides/slide\(n).xml", OfficeParts.header + "<p:sld \(p)><p:cSld><p:spTree>\(group)"
                + placeholder(2, "Title 1", ph: "type=\"title\"", text: "<a:p><a:r><a:rPr lang=\"\(lang)\"/><a:t>\(xml(slide.title))</a:t></a:r></a:p>")
                + "<p:pic><p:nvPicPr><p:cNvPr id=\"3\" name=\"\(xml(slide.title))\" descr=\"\(xml(slide.alt))\"/><p:cNvPicPr><a:picLocks noChangeAspect=\"1\"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>"
                + "<p:blipFill><a:blip r:embed=\"rId2\"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>"
                + "<p:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"\(width)\" cy=\"\(height)\"/></a:xfrm>\(rect)</p:spPr></p:pic>"
                + "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>")
            zip.add("ppt/slides/_rels/slide\(n).xml.rels", OfficeParts.relationships([
                ("rId1", rel + "slideLayout", "../slideLayouts/slideLayout1.xml"), ("rId2", rel + "image", "../media/image\(n).png"),
                ("rId3", rel + "notesSlide", "../notesSlides/notesSlide\(n).xml")]))
            let paragraphs = slide.notes.isEmpty ? empty
                : slide.notes.map { "<a:p><a:r><a:rPr lang=\"\(lang)\"/><a:t>\(xml($0))</a:t></a:r></a:p>" }.joined()
            zip.add("ppt/notesSlides/notesSlide\(n).xml", OfficeParts.header + "<p:notes \(p)><p:cSld><p:spTree>\(group)"
                + placeholder(2, "Slide Image Placeholder 1", ph: "type=\"sldImg\"", locks: imageLocks)
                + placeholder(3, "Notes Placeholder 2", ph: "type=\"body\" idx=\"1\"", text: paragraphs)
                + "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>")
            zip.add("ppt/notesSlides/_rels/notesSlide\(n).xml.rels", OfficeParts.relationships([
                ("rId1", rel + "notesMaster", "../notesMasters/notesMaster1.xml"), ("rId2", rel + "slide", "../slides/slide\(n).xml")]))
        }
        return zip.finished()
    }
}
