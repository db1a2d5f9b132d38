import Foundation

/// Files written under a temporary name beside the target and renamed into place, so a
/// reader sees the old file or the new one, never half of one. Each write is one
/// `Interruption.changingFiles` step, so an interrupt never lands between the temporary
/// file appearing and its removal being registered, nor removes a folder being written into.
public enum AtomicFile {
    /// Where writing `path` really goes, and whether by replacing: a regular file (or the
    /// file a symbolic link names — the link stays) is replaced by rename; a device or a pipe
    /// (`-o /dev/stdout`) is written to as it is, never replaced by a file.
    public static func target(_ path: String) -> (path: String, replace: Bool) {
        var info = stat()
        guard stat(path, &info) == 0 else { return (path, true) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return (path, false) }
        return (URL(fileURLWithPath: path).resolvingSymlinksInPath().path, true)
    }

    /// `body` writes the file at the path it is given (a temporary one beside `path`); once it
    /// returns, that file takes `path`'s place. Throws what `body` throws, or `OutputError`
    /// when the file cannot be put in place; the temporary file is gone either way.
    public static func write<E: Error>(_ path: String, _ body: (String) throws(E) -> Void) throws(AtomicWriteError<E>) {
        let (target, replace) = target(path)
        // A device or a pipe is written as it is: nothing to undo, and a write blocked on a
        // full pipe must not hold up an interrupt.
        guard replace else {
            do throws(E) { try body(target) } catch { throw .body(error) }
            return
        }
        try Interruption.changingFiles { () throws(AtomicWriteError<E>) in
            let url = URL(fileURLWithPath: target)
            let folder = url.deletingLastPathComponent()
            // The temporary files of killed runs writing the same file (SIGKILL leaves them).
            Leftovers.removeDead(Leftovers.find(in: folder, stem: url.lastPathComponent, marker: temporaryMarker, suffix: ".tmp"), in: folder)
            // A name no one can guess, created here and now (O_EXCL | O_NOFOLLOW): a link planted
            // where the temporary file goes cannot make the writer overwrite another file.
            let random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
            let temporary = folder.appendingPathComponent(".\(url.lastPathComponent)\(temporaryMarker)\(getpid())-\(random).tmp").path
            let claim = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            guard claim >= 0 else { throw .output(OutputError(path: path, reason: String(cString: strerror(errno)))) }
            close(claim)
            let token = Interruption.removeOnInterrupt(temporary)
            defer { Interruption.done(token) }
            do throws(E) {
                try body(temporary)
            } catch {
                unlink(temporary)
                throw .body(error)
            }
            guard rename(temporary, target) == 0 else {
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                throw .output(OutputError(path: path, reason: reason))
            }
        }
    }

    /// `.kpi.png.writing-PID-RANDOM.tmp`: the process that writes it, for `Leftovers`.
    static let temporaryMarker = ".writing-"

    public static func write(_ bytes: [UInt8], to path: String) throws(OutputError) {
        do {
            try write(path) { (file: String) throws(OutputError) in try put(bytes, at: file) }
        } catch {
            switch error {
            case let .body(failure): throw OutputError(path: path, reason: failure.reason)
            case let .output(failure): throw failure
            }
        }
    }

    /// open, write, close with every error kept (a full disk shows at write or at close).
    static func put(_ bytes: [UInt8], at path: String) throws(OutputError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
        var failure = bytes.withUnsafeBytes { writeAll(descriptor, $0) }
        if close(descriptor) != 0, failure == 0 { failure = errno }
        if failure != 0 { throw OutputError(path: path, reason: String(cString: strerror(failure))) }
    }

    /// Creates a folder and its parents; nil when done, else why not in the user's terms
    /// ("/etc/passwd is a file, not a folder") rather than Foundation's error numbers.
    public static func makeFolder(_ path: String) -> String? {
        Interruption.changingFiles { () -> String? in
            var built = path.hasPrefix("/") ? "" : "."
            for component in path.split(separator: "/") {
                built += "/" + component
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: built, isDirectory: &isDirectory) {
                    if !isDirectory.boolValue { return "\(built) is a file, not a folder" }
                    continue
                }
                if mkdir(built, 0o755) != 0, errno != EEXIST { return "\(built): \(String(cString: strerror(errno)))" }
            }
            return nil
        }
    }
}

/// Why an atomic write failed: its body's own error, or the file could not be put in place.
public enum AtomicWriteError<Body: Error>: Error {
    case body(Body)
    case output(OutputError)
}
