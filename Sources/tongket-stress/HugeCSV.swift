import Foundation

/// A deterministic export of any size: the same bytes for the same size on every machine.
/// Units × indicators × years with Vietnamese names, Vietnamese numbers (1.054 and 87,5), a
/// semicolon delimiter and a BOM, as a Vietnamese Excel writes it, only larger.
enum HugeCSV {
    static func write(megabytes: Int, to path: String) throws {
        guard let out = OutputStream(toFileAtPath: path, append: false) else { throw StressError("cannot write \(path)") }
        out.open()
        defer { out.close() }
        let limit = megabytes * 1_000_000
        var written = 0
        var buffer: [UInt8] = [0xEF, 0xBB, 0xBF]
        buffer += Array("năm;đơn vị;chỉ tiêu;đơn vị tính;kế hoạch;thực hiện\n".utf8)
        var random = SplitMix(seed: 2023)
        let districts = ["Châu Thành", "Châu Thành A", "Phụng Hiệp", "Vị Thủy", "Long Mỹ", "Ngã Bảy", "Vị Thanh", "Cái Răng"]
        let topics = ["Số vụ án hình sự thụ lý", "Số bị can đã truy tố", "Số vụ việc dân sự giải quyết", "Số cuộc kiểm sát trực tiếp",
                      "Số kháng nghị phúc thẩm", "Số đơn khiếu nại đã xử lý"]
        func flush() {
            buffer.withUnsafeBufferPointer { _ = out.write($0.baseAddress!, maxLength: $0.count) }
            written += buffer.count
            buffer.removeAll(keepingCapacity: true)
        }
        // Units vary fastest, so any prefix of the file still holds every indicator and year.
        outer: for year in 2018...2100 {
            for indicator in 0..<60 {
                for unit in 0..<5000 {
                    let name = "\(year);VKSND \(districts[unit % districts.count]) số \(unit + 1);\(topics[indicator % topics.count]) (nhóm \(indicator / topics.count + 1))"
                    let line: String
                    if indicator % 10 == 9 {
                        // A rate: "87,5" with a decimal comma.
                        let tenths = 600 + random.next() % 400
                        line = "\(name) – tỷ lệ;%;90;\(tenths / 10),\(tenths % 10)\n"
                    } else {
                        let target = 50 + random.next() % 950
                        let actual = target * (70 + random.next() % 60) / 100
                        line = "\(name);vụ;\(grouped(target));\(grouped(actual))\n"
                    }
                    buffer += Array(line.utf8)
                    if buffer.count >= 1 << 20 {
                        if written + buffer.count >= limit { flush(); break outer }
                        flush()
                    }
                }
            }
        }
        if !buffer.isEmpty { flush() }
    }

    /// 1.054: Vietnamese thousands grouping.
    private static func grouped(_ value: UInt64) -> String {
        value >= 1000 ? "\(value / 1000).\(String(format: "%03d", value % 1000))" : String(value)
    }
}

struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

struct StressError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
