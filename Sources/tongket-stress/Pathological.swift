import Foundation

/// Inputs no export should contain but a broken macro or a wrong file can produce: each must
/// end quickly with figures or a clear error, never a hang or a memory blow-up.
enum Pathological {
    static let header = "năm,đơn vị,chỉ tiêu,kế hoạch,thực hiện\n"

    static func write(to folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // One unit name of 100 MB.
        var field = Array(header.utf8) + Array("2023,".utf8)
        field += [UInt8](repeating: UInt8(ascii: "x"), count: 100_000_000)
        field += Array(",X,10,12\n".utf8)
        try save(field, folder, "long-field.csv")
        // A data line of a million delimiters.
        var wide = Array(header.utf8) + Array("2023,A,X,10,12\n".utf8)
        wide += [UInt8](repeating: UInt8(ascii: ","), count: 1_000_000) + [10]
        try save(wide, folder, "million-delimiters.csv")
        // A header of a million columns.
        try save(Array(header.dropLast().utf8) + [UInt8](repeating: UInt8(ascii: ","), count: 1_000_000) + Array("\n2023,A,X,10,12\n".utf8), folder, "million-columns.csv")
        // A million distinct units, two years each.
        var units = Array(header.utf8)
        units.reserveCapacity(60_000_000)
        for i in 0..<1_000_000 {
            units += Array("2022,Đơn vị \(i),Số vụ,10,\(i % 13)\n2023,Đơn vị \(i),Số vụ,10,\(i % 17)\n".utf8)
        }
        try save(units, folder, "million-units.csv")
        // An unterminated quote at the top: the rest of the file is one field.
        var quote = Array(header.utf8) + Array("2023,\"A,X,10,12\n".utf8)
        for _ in 0..<1_000_000 { quote += Array("2023,A,X,10,12\n".utf8) }
        try save(quote, folder, "open-quote.csv")
    }

    private static func save(_ bytes: [UInt8], _ folder: String, _ name: String) throws {
        guard FileManager.default.createFile(atPath: folder + "/" + name, contents: Data(bytes)) else { throw StressError("cannot write \(folder)/\(name)") }
    }
}
