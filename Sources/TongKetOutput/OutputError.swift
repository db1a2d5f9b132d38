import Foundation
/// A file or folder that could not be written, and the system's word for why ("No space
/// left on device", "Permission denied"). The user's path, never a temporary one.
public struct OutputError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): cannot write the file (\(reason)); check that the folder exists, is writable and has space" }
}

extension OutputError: LocalizedError {
    public var errorDescription: String? { description }
}
