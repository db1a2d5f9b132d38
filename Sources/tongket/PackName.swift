import Foundation
import TongKetReport

/// The folder a pack goes in under the output root: named for the organisation when given,
/// else for what the data files' names share ("ketqua-2021.csv … ketqua-2024.csv" → ketqua),
/// never for the first file's year.
enum PackName {
    static func dataset(files: [String], organisation: String?) -> String {
        if let organisation, !organisation.isEmpty { return Slug.make(organisation, maxLength: 40) }
        let stems = files.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }
        guard var common = stems.first else { return "tongket" }
        for stem in stems.dropFirst() {
            while !stem.hasPrefix(common) { common.removeLast() }
        }
        // A year at the end is one file's, not the dataset's: "ketqua-2023" → ketqua.
        let trimmed = Slug.make(common).split(separator: "-").reversed().drop { $0.allSatisfy(\.isNumber) }.reversed().joined(separator: "-")
        if trimmed.count >= 3 { return trimmed }
        // Names that share nothing ("so-ket-6-thang-2024", "tong-ket-nam-2024"): the folder they share.
        let folders = Set(files.map { URL(fileURLWithPath: $0).standardizedFileURL.deletingLastPathComponent().lastPathComponent })
        if folders.count == 1, let folder = folders.first, Slug.make(folder).count >= 3 { return Slug.make(folder) }
        return "tongket"
    }
}
