/// What can go wrong below the Scene, as messages a user can act on.
public enum RenderError: Error, Equatable, CustomStringConvertible {
    case cairo(String)
    case fontMissing(family: String, found: String)
    case fontLacksVietnamese(family: String, missing: String)
    /// `reason` is the system's word for it: "No space left on device", "File too large".
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case let .cairo(status): return "drawing failed (cairo: \(status))"
        case let .fontMissing(family, found):
            return "the font family \"\(family)\" is not installed (fontconfig offers \"\(found)\" instead); install it, e.g. apt-get install fonts-noto-core"
        case let .fontLacksVietnamese(family, missing):
            return "the font family \"\(family)\" cannot draw the Vietnamese letters \(missing); choose a font with Vietnamese coverage (Noto Sans, Noto Serif, DejaVu Sans)"
        case let .cannotWrite(path, reason): return "\(path): cannot write the file (\(reason)); check that the folder exists, is writable and has space"
        }
    }
}
