import ArgumentParser
import Foundation
import TongKetAnalytics
import TongKetOutput

/// Where a command's result goes: stdout, or a file written under a temporary name and
/// renamed into place, so a failed run never leaves half a file behind (a device or a pipe
/// such as /dev/stdout is written to directly, never replaced).
enum OutputFile {
    static func write(to path: String?, _ body: (ByteWriter) throws -> Void) throws {
        guard let path else {
            let writer = ByteWriter(sink: Terminal.writeStdout)
            do { try body(writer) } catch let failure as Terminal.WriteFailure {
                Terminal.error(MessageLanguage.pick("đầu ra chuẩn: ghi thất bại (\(failure.reason))",
                                                    "standard output: writing failed (\(failure.reason))"))
                throw ExitStatus.ioError
            }
            return
        }
        // A file is one step an interrupt waits for: its temporary file never outlives the
        // run. A device or a pipe is not: a write blocked on a full pipe must not hold it up.
        guard AtomicFile.target(path).replace else { return try writeFile(path, body) }
        try Interruption.changingFiles { try writeFile(path, body) }
    }

    private static func writeFile(_ path: String, _ body: (ByteWriter) throws -> Void) throws {
        let (target, replace) = AtomicFile.target(path)
        let url = URL(fileURLWithPath: target)
        let destination = replace ? url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path : target
        let descriptor = open(destination, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            Terminal.error(MessageLanguage.pick("\(path): không ghi được vào đây (\(reason)); kiểm tra thư mục có tồn tại và có quyền ghi không.",
                                                "\(path): cannot write here (\(reason)); check that the folder exists and is writable."))
            throw ExitStatus.cannotCreate
        }
        let token = replace ? Interruption.removeOnInterrupt(destination) : nil
        defer { token.map(Interruption.done) }
        var isOpen = true
        do {
            let writer = ByteWriter { bytes in try Terminal.write(bytes, to: descriptor) }
            try body(writer)
            try writer.flush()
            // A full disk may only say so when the file is closed.
            isOpen = false
            if close(descriptor) != 0 { throw Terminal.WriteFailure(reason: String(cString: strerror(errno))) }
            // rename(2) replaces the old file atomically: readers see the old or the new one.
            if replace, rename(destination, target) != 0 { throw Terminal.WriteFailure(reason: String(cString: strerror(errno))) }
        } catch {
            if isOpen { close(descriptor) }
            if replace { unlink(destination) }
            let reason = (error as? Terminal.WriteFailure)?.reason ?? "\(error)"
            Terminal.error(MessageLanguage.pick("\(path): ghi thất bại (\(reason)); \(replace ? "tệp cũ không bị thay đổi" : "tệp ghi ra chưa đầy đủ").",
                                                "\(path): writing failed (\(reason)); \(replace ? "nothing was changed" : "the output is incomplete")."))
            throw ExitStatus.ioError
        }
    }
}
