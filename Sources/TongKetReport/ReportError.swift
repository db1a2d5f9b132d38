import Foundation
import TongKetCairo
import TongKetVideo

/// Why a pack could not be written.
public enum ReportError: Error, CustomStringConvertible {
    case render(RenderError)
    case video(VideoError)
    case filesystem(String)

    public var description: String {
        switch self {
        case let .render(error): return error.description
        case let .video(error): return error.description
        case let .filesystem(message): return message
        }
    }

    /// The same error with every path inside the hidden staging folder named as it will be in
    /// the pack (`Output/x/.2023.building-PID/charts/a.png` → `Output/x/2023/charts/a.png`).
    func naming(_ staging: String, as final: String) -> ReportError {
        func renamed(_ text: String) -> String { text.replacingOccurrences(of: staging, with: final) }
        func render(_ error: RenderError) -> RenderError {
            if case let .cannotWrite(path, reason) = error { return .cannotWrite(path: renamed(path), reason: reason) }
            return error
        }
        switch self {
        case let .render(error): return .render(render(error))
        case let .video(.cannotWrite(path, reason)): return .video(.cannotWrite(path: renamed(path), reason: reason))
        case let .video(.render(error)): return .video(.render(render(error)))
        case let .video(.ffmpegFailed(reason, output)): return .video(.ffmpegFailed(reason: reason, output: renamed(output)))
        case .video(.ffmpegMissing): return self
        case let .filesystem(message): return .filesystem(renamed(message))
        }
    }
}

extension ReportError: LocalizedError {
    public var errorDescription: String? { description }
}
