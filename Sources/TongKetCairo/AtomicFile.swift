import Foundation

/// Files written under a temporary name beside the target and renamed into place.
public enum AtomicFile {
    public static func write(_ path: String, _ body: (String) throws(RenderError) -> Void) throws(RenderError) {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        do {
            try body(temporary)
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw .cannotWrite(path: path)
        }
    }

    public static func write(_ bytes: [UInt8], to path: String) throws(RenderError) {
        try write(path) { (temporary: String) throws(RenderError) in
            guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else { throw .cannotWrite(path: path) }
        }
    }
}
