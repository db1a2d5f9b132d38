import Foundation
import TongKetCairo

public enum VideoError: Error, CustomStringConvertible {
    case ffmpegMissing
    /// `reason`: "exited with status 1", "stopped reading frames before the end".
    case ffmpegFailed(reason: String, output: String)
    case cannotWrite(path: String, reason: String)
    case render(RenderError)

    public var description: String {
        switch self {
        case .ffmpegMissing:
            return "ffmpeg is not installed, and an MP4 needs it: install it with `apt-get install ffmpeg`, or write PNG frames instead with --frames DIR."
        case let .ffmpegFailed(reason, output):
            let detail = output.trimmingCharacters(in: .whitespacesAndNewlines)
            return "ffmpeg \(reason); no video was written." + (detail.isEmpty ? "" : " It said:\n" + detail)
        case let .cannotWrite(path, reason):
            return "\(path): cannot write (\(reason)); choose another place with -o or --frames."
        case let .render(error):
            return error.description
        }
    }
}

extension VideoError: LocalizedError {
    public var errorDescription: String? { description }
}
