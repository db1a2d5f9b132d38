import ArgumentParser
import Foundation
import TongKetAnalytics

/// Where a command's result goes: stdout, or a file written under a temporary name and
/// renamed into place, so a failed run never leaves half a file behind.
enum OutputFile {
    struct RenameFailure: Error {}

    static func write(to path: String?, _ body: (ByteWriter) throws -> Void) throws {
        guard let path else {
            let writer = ByteWriter(sink: Terminal.writeStdout)
            do { try body(writer) } catch is Terminal.WriteFailure {
                throw ExitCode(74)
            }
            return
        }
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
              let handle = try? FileHandle(forWritingTo: temporary) else {
            Terminal.error("\(path): cannot write here; check that the folder exists and is writable.")
            throw ExitCode(73)
        }
        do {
            let descriptor = handle.fileDescriptor
            let writer = ByteWriter { bytes in try Terminal.write(bytes, to: descriptor) }
            try body(writer)
            try handle.close()
            // rename(2) replaces the old file atomically: readers see the old or the new one.
            guard rename(temporary.path, url.path) == 0 else { throw RenameFailure() }
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(at: temporary)
            Terminal.error("\(path): writing failed (\(error.localizedDescription)); nothing was changed.")
            throw ExitCode(74)
        }
    }
}
