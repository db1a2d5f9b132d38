import TongKetData

/// Whether a target was met (DESIGN §3). `undefined` where there is nothing to compare with.
public enum Status: String, Sendable, CaseIterable {
    case met
    case notMet = "not_met"
    case undefined
}

/// How a count with a direction and no target moved against cùng kỳ (crime, accidents, fires: the
/// office judges them by the change, up is worse). Never a verdict on a target: the scorecard does not
/// count it. Undefined with a target, with no direction (a workload count) or with no previous figure.
public enum ChangeStatus: String, Sendable, CaseIterable {
    case better, worse, unchanged, undefined

    static func of(target: Double?, actual: Double, previous: Double?, direction: Direction) -> ChangeStatus {
        guard target == nil, direction != .neutral, let previous else { return .undefined }
        if actual == previous { return .unchanged }
        return (actual < previous) == (direction == .lower) ? .better : .worse
    }
}

/// Completion of an assigned target.
///
/// - completion = actual / target, defined only when the target is above 0;
/// - met when completion ≥ 1, or, for a ceiling (direction lower), when actual ≤ target;
/// - target 0: a ceiling of 0 is met exactly when actual is 0 (and broken otherwise);
///   for a "higher" indicator a target of 0 says nothing, so the status is undefined;
/// - no target, or an indicator with no direction (a workload count): undefined.
public enum Completion {
    public static func ratio(target: Double?, actual: Double) -> Double? {
        guard let target, target > 0 else { return nil }
        return actual / target
    }

    public static func status(target: Double?, actual: Double, direction: Direction) -> Status {
        guard let target else { return .undefined }
        switch direction {
        case .lower:
            return actual <= target ? .met : .notMet
        case .higher:
            guard target > 0 else { return .undefined }
            return actual >= target ? .met : .notMet
        case .neutral:
            return .undefined
        }
    }
}

/// Change against the year before, for one (unit, indicator) or the province.
///
/// delta = actual(y) − actual(y−1); percent = delta / actual(y−1), undefined when the previous
/// actual is 0 or missing; the completion change is in percentage points (×100), kept apart
/// from percent everywhere it is shown.
public enum YearOverYear {
    public static func delta(actual: Double, previous: Double?) -> Double? {
        previous.map { actual - $0 }
    }

    /// No percent from a base at or below zero (a refund's "(1.234)" the year before): the office says
    /// "không so sánh được", never "−200,9 %".
    public static func percent(actual: Double, previous: Double?) -> Double? {
        guard let previous, previous > 0 else { return nil }
        return (actual - previous) / previous
    }

    public static func completionChangePoints(current: Double?, previous: Double?) -> Double? {
        guard let current, let previous else { return nil }
        return (current - previous) * 100
    }
}
