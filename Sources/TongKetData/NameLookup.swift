/// A name as a person types it, found among the table's: the same name whatever its case,
/// diacritics or spacing; else the one name that holds it; else nothing, with the names
/// closest to it (those that hold it first, then by edit distance).
package enum NameLookup {
    package enum Result: Equatable {
        case found(Int)
        /// `ambiguous`: the name is part of several names, which are the matches.
        case notFound(closeMatches: [Int], ambiguous: Bool)
    }

    package static func find(_ name: String, among names: [String], candidates: [Int]? = nil) -> Result {
        let wanted = HeaderName.fold(name)
        let pool = candidates ?? Array(names.indices)
        let folded = Dictionary(uniqueKeysWithValues: pool.map { ($0, HeaderName.fold(names[$0])) })
        if let exact = pool.first(where: { folded[$0] == wanted }) { return .found(exact) }
        let holding = pool.filter { folded[$0]!.contains(wanted) }
        if holding.count == 1 { return .found(holding[0]) }
        if !holding.isEmpty { return .notFound(closeMatches: holding, ambiguous: true) }
        let distance = Dictionary(uniqueKeysWithValues: pool.map { ($0, EditDistance.between(folded[$0]!, wanted)) })
        return .notFound(closeMatches: Array(pool.sorted { (distance[$0]!, $0) < (distance[$1]!, $1) }.prefix(5)), ambiguous: false)
    }
}
