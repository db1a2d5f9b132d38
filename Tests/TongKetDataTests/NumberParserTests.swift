import Testing
@testable import TongKetData

@Suite struct NumberParserTests {
    @Test(arguments: [
        ("74", NumberReading.plain(74)),
        ("-3", .plain(-3)),
        ("1 054", .plain(1054)),
        ("1\u{00A0}054", .plain(1054)),
        ("85,5", .vietnamese(85.5)),
        ("85,5%", .vietnamese(85.5)),
        ("85,5 %", .vietnamese(85.5)),
        ("1.054.321", .vietnamese(1_054_321)),
        ("1.054,5", .vietnamese(1054.5)),
        ("85.5", .english(85.5)),
        ("85.5%", .english(85.5)),
        ("1,054,321", .english(1_054_321)),
        ("1,054.5", .english(1054.5)),
        ("0.054", .english(0.054)),
        ("0,054", .vietnamese(0.054)),
        ("1.054", .ambiguous(vi: 1054, en: 1.054)),
        ("1,054", .ambiguous(vi: 1.054, en: 1054)),
        ("  12  ", .plain(12)),
        // An accountant's negative and a typed minus: a refund the year before.
        ("(1.234)", .ambiguous(vi: -1234, en: -1.234)),
        ("(1.234,5)", .vietnamese(-1234.5)),
        ("(12)", .plain(-12)),
        ("\u{2212}7,5", .vietnamese(-7.5)),
        ("\u{2013}300", .plain(-300)),
    ])
    func readings(text: String, expected: NumberReading) {
        #expect(NumberParser.read(text) == expected)
    }

    @Test(arguments: [
        ("abc", NumberProblem.notANumber), ("(*)", .notANumber), ("()", .notANumber), ("\u{2013}", .notANumber),
        ("NaN", .notFinite), ("inf", .notFinite), ("-Infinity", .notFinite),
        ("#DIV/0!", .excelError), ("#N/A", .excelError), ("1.2.3,4,5", .notANumber), ("12abc", .notANumber),
        ("1..2", .notANumber), ("-", .notANumber), ("%", .notANumber), ("1.05.4", .notANumber),
    ])
    func whatIsNotAFiniteNumber(text: String, problem: NumberProblem) {
        #expect(NumberParser.read(text) == .invalid(problem))
    }

    @Test func theChosenLocaleDecidesAmbiguousCells() {
        let reading = NumberParser.read("1.054")
        #expect(reading.value(in: .vi) == 1054)
        #expect(reading.value(in: .en) == 1.054)
        #expect(reading.value(in: .auto) == nil)
        #expect(NumberParser.read("85,5").value(in: .en) == nil)
    }

    /// The fast path for digits must agree with the general reader.
    @Test(arguments: ["0", "7", "1054", "-12", "999999999999999", "12a", "", "-", "1234567890123456"])
    func plainIntegerFastPathAgreesWithTheGeneralReader(text: String) {
        var copy = text
        let fast = copy.withUTF8 { NumberParser.plainInteger($0) }
        if let fast { #expect(NumberParser.read(text) == .plain(fast)) }
        else { #expect(text.isEmpty || text == "-" || text.contains("a") || text.count > 15) }
    }
}
