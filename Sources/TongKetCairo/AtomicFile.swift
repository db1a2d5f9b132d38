import Foundation

/// Files written under a temporary name beside the target and renamed into place, so a
/// reader sees the old file or the new one, never half of one.
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

    public static func write(_ path: String, _ body: (String) throws(RenderError) -> Void) throws(RenderError) {
        let (target, replace) = target(path)
        do throws(RenderError) {
            guard replace else { return try body(target) }
            let url = URL(fileURLWithPath: target)
            let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
            let token = Interruption.removeOnInterrupt(temporary)
            defer { Interruption.done(token) }
            do throws(RenderError) {
                try body(temporary)
            } catch {
                unlink(temporary)
                throw error
            }
            guard rename(temporary, target) == 0 else {
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                throw .cannotWrite(path: path, reason: reason)
            }
        } catch {
            // Cairo and the writers below name the temporary file or none: the user's is this.
            if case let .cannotWrite(_, reason) = error { throw .cannotWrite(path: path, reason: reason) }
            throw error
        }
    }

    public static func write(_ bytes: [UInt8], to path: String) throws(RenderError) {
        try write(path) { (file: String) throws(RenderError) in try Self.put(bytes, at: file) }
    }

    /// open, write, close with every error kept (a full disk shows at write or at close).
    static func put(_ bytes: [UInt8], at path: String) throws(RenderError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        var failure = bytes.withUnsafeBytes { writeAll(descriptor, $0) }
        if close(descriptor) != 0, failure == 0 { failure = errno }
        if failure != 0 { throw .cannotWrite(path: path, reason: String(cString: strerror(failure))) }
    }

    /// Creates a folder and its parents; nil when done, else why not in the user's terms
    /// ("/etc/passwd is a file, not a folder") rather than Foundation's error numbers.
    public static func makeFolder(_ path: String) -> String? {
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
