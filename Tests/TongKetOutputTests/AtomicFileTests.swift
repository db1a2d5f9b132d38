import Foundation
import Testing
import TongKetOutput

@Suite struct AtomicFileTests {
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tongket-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func aFileReplacesTheOldOneWholeAndLeavesNoTemporaryFile() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("a.csv").path
        try AtomicFile.write(Array("old".utf8), to: path)
        try AtomicFile.write(Array("new".utf8), to: path)
        #expect(FileManager.default.contents(atPath: path) == Data("new".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["a.csv"])
    }

    @Test func aFailingBodyLeavesTheOldFileAndNoTemporaryOne() throws {
        struct Failure: Error {}
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("deck.pdf").path
        try AtomicFile.write(Array("old".utf8), to: path)
        #expect(throws: AtomicWriteError<Failure>.self) {
            try AtomicFile.write(path) { (temporary: String) throws(Failure) in
                FileManager.default.createFile(atPath: temporary, contents: Data("half".utf8))
                throw Failure()
            }
        }
        #expect(FileManager.default.contents(atPath: path) == Data("old".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["deck.pdf"])
    }

    @Test func aFolderThatCannotBeWrittenIsNamedWithTheSystemsReason() throws {
        #expect { try AtomicFile.write([1, 2, 3], to: "/proc/tongket/x.png") } throws: { error in
            guard let error = error as? OutputError else { return false }
            return error.path == "/proc/tongket/x.png" && !error.reason.isEmpty && error.description.hasPrefix("/proc/tongket/x.png: ")
        }
        let file = try folder().appendingPathComponent("file")
        FileManager.default.createFile(atPath: file.path, contents: Data())
        #expect(AtomicFile.makeFolder(file.path + "/charts") == "\(file.path) is a file, not a folder")
    }

    @Test(arguments: [("chart.PNG", OutputFormat.png), ("a/b.c/deck.pdf", .pdf), ("x.svg", .svg)])
    func aFormatIsKnownByItsExtension(name: String, format: OutputFormat) {
        #expect(OutputFormat(fileName: name) == format)
    }

    @Test(arguments: ["chart", "chart.gif", "folder.png/chart"])
    func otherNamesHaveNoFormat(name: String) {
        #expect(OutputFormat(fileName: name) == nil)
    }

    @Test func stepsNestOnOneThread() {
        let value = Interruption.changingFiles { Interruption.changingFiles { 42 } }
        #expect(value == 42)
    }
}

extension AtomicFileTests {
    /// A link planted where a temporary file would go (the name before was predictable: the
    /// target's name and the process id) makes no write land in the file it points at.
    @Test func aPlantedLinkAtTheTemporaryNameWritesNothingElsewhere() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let victim = folder.appendingPathComponent("victim.txt")
        try Data("keep me".utf8).write(to: victim)
        let target = folder.appendingPathComponent("chart.png")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent(".chart.png.writing-\(getpid()).tmp").path, withDestinationPath: victim.path)
        try AtomicFile.write(Array("new chart".utf8), to: target.path)
        #expect(try String(contentsOf: victim, encoding: .utf8) == "keep me")
        #expect(try String(contentsOf: target, encoding: .utf8) == "new chart")
    }
}

extension AtomicFileTests {
    /// A run killed while writing (`chart -o` under SIGKILL) leaves its temporary file; the next
    /// write of the same file removes it once that process is gone, and leaves a live one's.
    @Test func theTemporaryFileOfAKilledWriterIsRemovedByTheNext() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let dead = ".chart.png.writing-\(ended.processIdentifier)-9f3a.tmp", alive = ".chart.png.writing-\(getpid())-77.tmp"
        for name in [dead, alive, ".other.png.writing-\(ended.processIdentifier)-1.tmp"] {
            try Data("half a chart".utf8).write(to: folder.appendingPathComponent(name))
        }
        try AtomicFile.write(Array("new chart".utf8), to: folder.appendingPathComponent("chart.png").path)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(left == [alive, ".other.png.writing-\(ended.processIdentifier)-1.tmp", "chart.png"].sorted())
    }
}
