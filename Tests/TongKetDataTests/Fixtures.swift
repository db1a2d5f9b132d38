import Foundation
import TongKetData

/// Reads CSV text given in a test as if it were a file called `name`.
func read(_ text: String, name: String = "ketqua.csv", options: ReadOptions = ReadOptions()) throws(LoadError) -> IndicatorTable {
    try TableReader.read([InputFile(name: name, bytes: Array(text.utf8))], options: options).table
}

/// The printed problems of a load that must fail, or a marker when it did not fail.
func problems(_ text: String, name: String = "ketqua.csv", options: ReadOptions = ReadOptions()) -> [String] {
    problems(bytes: Array(text.utf8), name: name, options: options)
}

func problems(bytes: [UInt8], name: String = "ketqua.csv", options: ReadOptions = ReadOptions()) -> [String] {
    do {
        _ = try TableReader.read([InputFile(name: name, bytes: bytes)], options: options)
        return ["<loaded without problems>"]
    } catch {
        return error.messages
    }
}

let header = "year,unit,indicator,target,actual\n"

/// `../shared/` beside the checkout: present on CI and developer machines, absent in a
/// user's clone, where the tests that need it skip with a printed reason.
let sharedFolder: URL? = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let shared = root.deletingLastPathComponent().appendingPathComponent("shared")
    return FileManager.default.fileExists(atPath: shared.appendingPathComponent("conformance").path) ? shared : nil
}()
