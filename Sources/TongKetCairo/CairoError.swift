import Foundation
import TongKetOutput

/// What can go wrong below the ChartScene, as messages a user can act on.
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

extension RenderError {
    /// An atomic write whose body draws with Cairo into the temporary file it is given: any
    /// failure to write names the user's path, not the temporary one.
    static func atomically(_ path: String, _ body: (String) throws(RenderError) -> Void) throws(RenderError) {
        do {
            try AtomicFile.write(path, body)
        } catch {
            switch error {
            case let .body(.cannotWrite(_, reason)): throw .cannotWrite(path: path, reason: reason)
            case let .body(failure): throw failure
            case let .output(failure): throw .cannotWrite(path: failure.path, reason: failure.reason)
            }
        }
    }

    /// A file written by the output module, its failure as a RenderError.
    static func writing(_ body: () throws(OutputError) -> Void) throws(RenderError) {
        do { try body() } catch { throw .cannotWrite(path: error.path, reason: error.reason) }
    }
}

extension RenderError: LocalizedError {
    public var errorDescription: String? { description }
}
