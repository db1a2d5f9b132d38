/// The rules that decide, for one indicator, what the figures take as given where the export
/// does not say it all — as data: each rule reads the evidence and answers or passes, and the
/// rules are asked in an explicit order, the first answer winning. `Interpretation` gathers the
/// evidence and states what was decided; `check` prints the order.

/// What the files, the catalogue and the name say of one indicator.
struct IndicatorEvidence {
    /// The export's direction column, or a target's words ("Không quá …", "≥ …").
    var fileDirection: Direction?
    var catalogue: CatalogueIndicator?
    /// Some unit, or the office's total row, was assigned a target; and one above 0.
    var targeted = false
    var positiveTarget = false
    /// The words of the name that make it a ceiling ("tử vong", "bị hủy").
    var ceilingClue: NameClues.Clue?
    /// The files' measure, and whether every value lies within 0–100.
    var measure: String?
    var withinPercent = true
    var name = ""
}

/// How a direction is decided, in the order the rules are asked.
public enum DirectionRule: String, CaseIterable, Sendable {
    case fileColumn, catalogue, zeroTargets, nameWords, noTargets, standard

    /// The order: the file's own word, then the analyst's, then what the targets show, then the
    /// name, then "no target at all" (no direction), then higher-is-better.
    public static let precedence: [DirectionRule] = [.fileColumn, .catalogue, .zeroTargets, .nameWords, .noTargets, .standard]

    func decide(_ e: IndicatorEvidence) -> (Direction, Basis)? {
        switch self {
        case .fileColumn: return e.fileDirection.map { ($0, .data) }
        case .catalogue: return e.catalogue?.direction.map { ($0.value, $0.confirmed ? .catalogue : .proposed) }
        // Every target assigned is 0: "không để xảy ra" — a ceiling of 0.
        case .zeroTargets: return e.targeted && !e.positiveTarget ? (.lower, .targets("kế hoạch 0")) : nil
        case .nameWords: return e.ceilingClue.map { (.lower, .inferred($0.words)) }
        // No target anywhere and nothing in the name: a workload count, neither good nor bad.
        case .noTargets: return e.targeted ? nil : (.neutral, .targets("không có kế hoạch"))
        case .standard: return (.higher, .standard)
        }
    }

    /// The first answer in `precedence` order (the last rule always answers).
    static func decide(_ e: IndicatorEvidence) -> (direction: Direction, basis: Basis, rule: DirectionRule) {
        for rule in precedence { if let (direction, basis) = rule.decide(e) { return (direction, basis, rule) } }
        return (.higher, .standard, .standard)
    }

    /// The order as `check` prints it.
    public static func orderWords(vietnamese: Bool) -> String {
        let words: [DirectionRule: (String, String)] = [
            .fileColumn: ("cột chiều / chữ của kế hoạch trong tệp", "the file's direction column or target words"),
            .catalogue: ("danh mục", "the catalogue"), .zeroTargets: ("mọi kế hoạch bằng 0 → trần", "every target 0 → a ceiling"),
            .nameWords: ("từ trong tên", "words of the name"), .noTargets: ("không có kế hoạch → không chiều", "no target at all → no direction"),
            .standard: ("mặc định: cao", "default: higher"),
        ]
        return precedence.compactMap { words[$0].map { vietnamese ? $0.0 : $0.1 } }.joined(separator: " → ")
    }
}

/// How a rate is recognised (measured in %: "%" everywhere, judged against its threshold, changes in points).
public enum RateRule: String, CaseIterable, Sendable {
    case catalogueMeasure, fileMeasure, rateName

    public static let precedence: [RateRule] = [.catalogueMeasure, .fileMeasure, .rateName]

    /// nil to pass; (is a rate, basis) to answer.
    func decide(_ e: IndicatorEvidence) -> (Bool, Basis)? {
        switch self {
        case .catalogueMeasure: return e.catalogue?.measure.map { (NameClues.isRateMeasure($0), .catalogue) }
        case .fileMeasure: return e.measure.flatMap { $0.isEmpty ? nil : (NameClues.isRateMeasure($0), .data) }
        case .rateName: return NameClues.isRateName(e.name) && e.withinPercent ? (true, .inferred("tỷ lệ")) : nil
        }
    }

    static func decide(_ e: IndicatorEvidence) -> (isRate: Bool, basis: Basis) {
        for rule in precedence { if let answer = rule.decide(e) { return answer } }
        return (false, .standard)
    }
}
