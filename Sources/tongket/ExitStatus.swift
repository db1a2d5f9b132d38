import ArgumentParser
import TongKetCairo
import TongKetOutput
import TongKetReport
import TongKetVideo

/// The exit codes, named once (sysexits.h), and the one place a failure of the drawing and
/// writing stages becomes a message and a code.
enum ExitStatus {
    /// A wrong option, year, level or indicator name.
    static let usage = ExitCode(64)
    /// The files cannot be read as indicator exports (or `check --strict` found warnings).
    static let dataError = ExitCode(65)
    /// A tool the run needs (ffmpeg) is not installed.
    static let unavailable = ExitCode(69)
    /// Drawing or encoding failed: cairo, a font, ffmpeg.
    static let software = ExitCode(70)
    /// An output file or folder cannot be created.
    static let cannotCreate = ExitCode(73)
    /// Writing to standard output or a device failed part way.
    static let ioError = ExitCode(74)

    /// Says what went wrong on stderr and gives the code to exit with.
    static func failure(_ error: Error) -> ExitCode {
        Terminal.error("\(error)")
        return code(error)
    }

    private static func code(_ error: Error) -> ExitCode {
        switch error {
        case let error as ReportError:
            switch error {
            case let .render(render): return code(render)
            case let .video(video): return code(video)
            case .filesystem: return cannotCreate
            }
        case let error as VideoError:
            switch error {
            case .ffmpegMissing: return unavailable
            case .cannotWrite: return cannotCreate
            case let .render(render): return code(render)
            case .ffmpegFailed: return software
            }
        case let error as RenderError:
            if case .cannotWrite = error { return cannotCreate }
            return software
        case is OutputError: return cannotCreate
        default: return software
        }
    }
}
