/// Names shortened where many share how they begin: the leading words that at least half of
/// them have in common are dropped from those that have them ("Trung tâm Y tế huyện Châu
/// Thành A", "Trung tâm Y tế thị xã Long Mỹ" → "huyện Châu Thành A", "thị xã Long Mỹ"; "Bệnh
/// viện Sản - Nhi" stays), as long as the names stay distinct.
enum ShortNames {
    static func distinct(_ names: [String]) -> [String] {
        guard names.count > 2 else { return names }
        let words = names.map { $0.split(separator: " ").map(String.init) }
        var counts: [[String]: Int] = [:]
        for name in words { for n in 1..<max(name.count, 1) { counts[Array(name.prefix(n)), default: 0] += 1 } }
        // The leading phrase that saves the most words over all the names (ties: the commoner),
        // among those at least half of them begin with.
        let candidates = counts.filter { $0.value * 2 >= names.count && $0.value > 1 }
        // Ties broken by the words themselves: the same names give the same choice in every run.
        guard let prefix = candidates.max(by: { ($0.value * $0.key.count, $0.value, $1.key.joined(separator: " ")) < ($1.value * $1.key.count, $1.value, $0.key.joined(separator: " ")) })?.key else { return names }
        let short = words.map { $0.starts(with: prefix) && $0.count > prefix.count ? $0.dropFirst(prefix.count).joined(separator: " ") : $0.joined(separator: " ") }
        return Set(short).count == Set(names).count ? short : names
    }
}
