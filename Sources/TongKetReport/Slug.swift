import TongKetData

/// ASCII file names from Vietnamese ones ("Văn phòng tổng hợp" → van-phong-tong-hop). A slug
/// holds only a–z, 0–9 and "-", so no name from the data can reach outside the pack folder
/// ("../../etc/passwd" → etc-passwd) or be a Windows device name.
package enum Slug {
    static let reserved: Set<String> = Set(["con", "prn", "aux", "nul"] + (1...9).flatMap { ["com\($0)", "lpt\($0)"] })

    public static func make(_ name: String, maxLength: Int = 60) -> String {
        var out = ""
        var dash = false
        for scalar in HeaderName.fold(name).unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
                dash = false
            } else if !dash && !out.isEmpty {
                out += "-"
                dash = true
            }
            if out.count >= maxLength { break }
        }
        while out.hasSuffix("-") { out.removeLast() }
        if out.isEmpty { out = "x" }
        if reserved.contains(out) { out = "x-" + out }
        return out
    }

    /// Slugs made unique within one pack: a second "Phòng 7" and "Phong-7" become phong-7-2.
    public struct Registry {
        private var used: Set<String> = []
        public init() {}

        public mutating func unique(_ name: String) -> String {
            let base = Slug.make(name)
            var slug = base
            var n = 2
            while used.contains(slug) {
                slug = "\(base)-\(n)"
                n += 1
            }
            used.insert(slug)
            return slug
        }
    }
}
