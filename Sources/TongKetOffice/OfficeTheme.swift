/// A DrawingML theme: the colour scheme (TongKet's palette), Arial for Latin and Vietnamese
/// (installed wherever PowerPoint and Word are), and the format scheme with the three fill,
/// line, effect and background styles PowerPoint requires of every theme.
enum OfficeTheme {
    static func markup(name: String) -> Markup {
        let colors = [("dk1", "1C2430"), ("lt1", "FFFFFF"), ("dk2", "1F5A96"), ("lt2", "F4F4F1"), ("accent1", "1F5A96"), ("accent2", "E69F00"),
                      ("accent3", "D55E00"), ("accent4", "A9C1DB"), ("accent5", "2166AC"), ("accent6", "5B6573"), ("hlink", "1F5A96"), ("folHlink", "5B6573")]
        let solid: Markup = "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>"
        let line = { (w: Int) -> Markup in "<a:ln w=\"\(w)\" cap=\"flat\" cmpd=\"sng\" algn=\"ctr\">\(solid)<a:prstDash val=\"solid\"/><a:miter lim=\"800000\"/></a:ln>" }
        let scheme = colors.map { "<a:\($0.0)><a:srgbClr val=\"\($0.1)\"/></a:\($0.0)>" as Markup }.joined()
        return "<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"\(name)\"><a:themeElements>"
            + "<a:clrScheme name=\"TongKet\">\(scheme)</a:clrScheme><a:fontScheme name=\"TongKet\">"
            + "<a:majorFont><a:latin typeface=\"Arial\"/><a:ea typeface=\"\"/><a:cs typeface=\"Arial\"/></a:majorFont>"
            + "<a:minorFont><a:latin typeface=\"Arial\"/><a:ea typeface=\"\"/><a:cs typeface=\"Arial\"/></a:minorFont></a:fontScheme>"
            + "<a:fmtScheme name=\"TongKet\"><a:fillStyleLst>\(solid)\(solid)\(solid)</a:fillStyleLst>"
            + "<a:lnStyleLst>\(line(6350))\(line(12700))\(line(19050))</a:lnStyleLst>"
            + "<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>"
            + "<a:bgFillStyleLst>\(solid)\(solid)\(solid)</a:bgFillStyleLst></a:fmtScheme>"
            + "</a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"
    }
}
