import Testing
@testable import TongKetData

/// Targets stated against the year before, as offices write them in a target cell, and the near-misses
/// that are not: each phrase with one cell that triggers it and one that does not.
struct RelativeTargetTests {
    @Test(arguments: [
        ("Kéo giảm ít nhất 5% so với cùng kỳ", -5.0, false, Direction.lower),
        ("Kéo giảm ít nhất 5% trên cả 3 tiêu chí (số vụ, số người chết, số người bị thương) "
            + "so với cùng kỳ", -5, false, .lower),
        ("Giảm 5 % so với cùng kỳ", -5, false, .lower),
        ("Tăng 10 % so với năm trước", 10, false, .higher),
        ("tăng 2,5% so cùng kỳ", 2.5, false, .higher),
        ("Giảm 1,5 điểm % so với năm trước", -1.5, true, .lower),
        ("Không thấp hơn năm trước", 0, false, .higher),
        ("Không cao hơn cùng kỳ", 0, false, .lower),
    ])
    func aPhraseAgainstTheYearBeforeIsRead(_ cell: String, amount: Double, points: Bool, direction: Direction) throws {
        let target = try #require(RelativeTarget.parse(cell))
        #expect(target.amount == amount && target.points == points && target.direction == direction)
    }

    @Test(arguments: [
        "Giảm 10 vụ so với cùng kỳ",      // a number of cases, not a share: no target TongKet can judge
        "Không quá 5%",                    // a ceiling (WrittenTarget), not a change
        "Không thấp hơn 90%",              // a floor with a value, not the year before
        "Tăng cường tuyên truyền",         // work, not a target
        "5%",
    ])
    func aNearMissIsNoTargetAgainstTheYearBefore(_ cell: String) {
        #expect(RelativeTarget.parse(cell) == nil)
    }

    @Test func theCatalogueWritesItAsASignedChange() throws {
        #expect(RelativeTarget.parse(catalogue: "-5 %") == RelativeTarget(amount: -5, points: false, direction: .lower))
        #expect(RelativeTarget.parse(catalogue: "+10%") == RelativeTarget(amount: 10, points: false, direction: .higher))
        #expect(RelativeTarget.parse(catalogue: "\u{2212}1,5 điểm %") == RelativeTarget(amount: -1.5, points: true, direction: .lower))
        #expect(RelativeTarget.parse(catalogue: "giảm 5 %")?.amount == -5)
        #expect(RelativeTarget.parse(catalogue: "-5") == nil)
        #expect(RelativeTarget.parse(catalogue: "5 vụ") == nil)
    }

    @Test func theResolvedValueIsThePreviousFigureMovedByTheAmount() throws {
        let down = try #require(RelativeTarget.parse("Kéo giảm ít nhất 5% so với cùng kỳ"))
        #expect(down.resolved(previous: 40) == 38)
        #expect(down.resolved(previous: 0) == 0)
        let points = try #require(RelativeTarget.parse("Giảm 1,5 điểm % so với năm trước"))
        #expect(points.resolved(previous: 10) == 8.5)
    }
}
