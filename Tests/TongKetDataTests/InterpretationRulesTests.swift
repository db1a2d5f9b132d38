import Testing
import TongKetData

/// The direction rules' precedence, one step of the order each: the file's word, then the
/// catalogue, then every target 0, then the name, then no target at all, then the default.
@Suite struct InterpretationRulesTests {
    func direction(_ records: [IndicatorRecord], _ catalogue: Catalogue? = nil) throws -> (Direction, Basis) {
        let interpretation = try Interpretation(IndicatorTable(records: records), catalogue: catalogue)
        return (interpretation.indicators[0].direction, interpretation.indicators[0].directionBasis)
    }

    func rows(_ indicator: String, targets: [Double?], direction: Direction? = nil) -> [IndicatorRecord] {
        targets.enumerated().map { IndicatorRecord(year: 2024, unit: "Đơn vị \($0.offset)", indicator: indicator, direction: direction, target: $0.element, actual: 1) }
    }

    @Test func theOrderIsStated() {
        #expect(DirectionRule.precedence == [.fileColumn, .catalogue, .zeroTargets, .nameWords, .noTargets, .standard])
        #expect(DirectionRule.orderWords(vietnamese: true).hasPrefix("cột chiều"))
    }

    @Test func theFilesWordBeatsTheCatalogue() throws {
        let catalogue = Catalogue(indicators: [CatalogueIndicator(name: "Số vụ", direction: Decided(.lower))])
        #expect(try direction(rows("Số vụ", targets: [5, 6], direction: .higher), catalogue) == (.higher, .data))
    }

    @Test func theCatalogueBeatsTargetsOfZero() throws {
        let catalogue = Catalogue(indicators: [CatalogueIndicator(name: "Số vụ", direction: Decided(.higher))])
        #expect(try direction(rows("Số vụ", targets: [0, 0]), catalogue) == (.higher, .catalogue))
        // Near miss: without the catalogue, targets of 0 make a ceiling of 0.
        #expect(try direction(rows("Số vụ", targets: [0, 0])) == (.lower, .targets("kế hoạch 0")))
    }

    @Test func targetsOfZeroBeatTheName() throws {
        // A ceiling either way; the basis says it was the targets.
        #expect(try direction(rows("Số ca tử vong", targets: [0, 0])) == (.lower, .targets("kế hoạch 0")))
    }

    @Test func theNameBeatsNoTargetAtAll() throws {
        #expect(try direction(rows("Số ca tử vong", targets: [nil, nil])) == (.lower, .inferred("tu vong")))
        // Near miss: a plain name with no target is no direction; with a target it is higher.
        #expect(try direction(rows("Số đơn thụ lý", targets: [nil, nil])) == (.neutral, .targets("không có kế hoạch")))
        #expect(try direction(rows("Số đơn thụ lý", targets: [nil, 4])) == (.higher, .standard))
    }
}
