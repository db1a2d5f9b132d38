import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a run killed outright (SIGKILL, a power cut) leaves: its hidden staging folder, the
/// previous pack set aside, a partial file — each named with the process id that made it.
/// The next run that writes to the same place tidies them when that process is gone: a pack
/// left only set aside is put back, everything else removed. A process still running keeps
/// its files (two runs at once never touch each other's).
package enum Leftovers {
    /// One hidden entry of `folder`: its name and the id of the process that made it.
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var pid: Int32
    }

    /// The hidden entries named `.<stem><marker><pid>[-<random>][suffix]` in `folder`.
    public static func find(in folder: URL, stem: String, marker: String, suffix: String = "") -> [Entry] {
        let prefix = "." + stem + marker
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.compactMap { name in
            guard name.hasPrefix(prefix), name.hasSuffix(suffix), name.count > prefix.count + suffix.count else { return nil }
            let middle = name.dropFirst(prefix.count).dropLast(suffix.count)
            let digits = middle.prefix { $0 != "-" }, random = middle.dropFirst(digits.count)
            guard random.isEmpty || (random.count > 1 && random.dropFirst().allSatisfy(\.isHexDigit)) else { return nil }
            guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let pid = Int32(digits), pid > 0 else { return nil }
            return Entry(name: name, pid: pid)
        }.sorted { $0.name < $1.name }
    }

    /// True while process `pid` exists (a process of another user counts as existing).
    public static func isAlive(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    /// Removes the entries of processes that are gone; the names removed.
    @discardableResult
    public static func removeDead(_ entries: [Entry], in folder: URL) -> [String] {
        entries.filter { !isAlive($0.pid) }.compactMap { entry in
            Interruption.changingFiles { (try? FileManager.default.removeItem(at: folder.appendingPathComponent(entry.name))) != nil ? entry.name : nil }
        }
    }
}
