import Testing
import TongKetAnalytics
import TongKetData

/// DESIGN §3, one rule per test.
@Suite struct CompletionTests {
    @Test func completionIsActualOverTarget() {
        #expect(Completion.ratio(target: 70, actual: 74) == 74.0 / 70.0)
        #expect(Completion.status(target: 70, actual: 74, direction: .higher) == .met)
        #expect(Completion.status(target: 70, actual: 70, direction: .higher) == .met)
        #expect(Completion.status(target: 70, actual: 69, direction: .higher) == .notMet)
    }

    @Test func aCeilingIsMetWhenActualStaysAtOrBelowIt() {
        #expect(Completion.status(target: 5, actual: 3.2, direction: .lower) == .met)
        #expect(Completion.status(target: 5, actual: 5, direction: .lower) == .met)
        #expect(Completion.status(target: 5, actual: 5.1, direction: .lower) == .notMet)
    }

    @Test func targetZeroNeverDividesAndOnlyAZeroCeilingIsMet() {
        #expect(Completion.ratio(target: 0, actual: 3) == nil)
        #expect(Completion.status(target: 0, actual: 0, direction: .lower) == .met)
        #expect(Completion.status(target: 0, actual: 1, direction: .lower) == .notMet)
        #expect(Completion.status(target: 0, actual: 5, direction: .higher) == .undefined)
    }

    @Test func noTargetIsUndefined() {
        #expect(Completion.ratio(target: nil, actual: 3) == nil)
        #expect(Completion.status(target: nil, actual: 3, direction: .higher) == .undefined)
        #expect(Completion.status(target: nil, actual: 3, direction: .lower) == .undefined)
    }

    @Test func yearOverYearIsUndefinedRatherThanInfinite() {
        #expect(YearOverYear.delta(actual: 74, previous: 68) == 6)
        #expect(YearOverYear.percent(actual: 74, previous: 68) == 6.0 / 68.0)
        #expect(YearOverYear.percent(actual: 5, previous: 0) == nil)
        #expect(YearOverYear.delta(actual: 5, previous: 0) == 5)
        #expect(YearOverYear.percent(actual: 5, previous: nil) == nil)
        #expect(YearOverYear.delta(actual: 5, previous: nil) == nil)
    }

    @Test func completionChangeIsInPercentagePoints() {
        let change = YearOverYear.completionChangePoints(current: 1.057, previous: 0.95)
        #expect(abs((change ?? 0) - 10.7) < 1e-9)
        #expect(YearOverYear.completionChangePoints(current: 1, previous: nil) == nil)
    }
}
