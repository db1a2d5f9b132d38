import Testing
@testable import TongKetData

@Suite struct CSVTokenizerTests {
    func tokenize(_ text: String, _ delimiter: Character = ",") -> ([[String]], [CSVProblem]) {
        let result = CSVTokenizer.records(in: Array(text.utf8), delimiter: delimiter.asciiValue!)
        return (result.records, result.problems)
    }

    @Test func quotedFieldsKeepDelimitersQuotesAndLineBreaks() {
        let (records, problems) = tokenize("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\n")
        #expect(records == [["a", "b"], ["x, y", "say \"hi\""], ["two\nlines", "z"]])
        #expect(problems.isEmpty)
    }

    @Test(arguments: ["a,b\n1,2\n", "a,b\r\n1,2\r\n", "a,b\r1,2\r", "a,b\n1,2"])
    func everyLineEndingGivesTheSameRecords(text: String) {
        #expect(tokenize(text).0 == [["a", "b"], ["1", "2"]])
    }

    @Test func linesAreCountedInsideQuotedFields() {
        let text = "h\n\"one\r\ntwo\"\nnext\n"
        let bytes = Array(text.utf8)
        let lines = bytes.withUnsafeBufferPointer { buffer -> [Int] in
            var tokenizer = CSVTokenizer(bytes: buffer, delimiter: UInt8(ascii: ","))
            var fields: [CSVField] = []
            var lines: [Int] = []
            while let line = tokenizer.nextRecord(into: &fields) { lines.append(line) }
            return lines
        }
        #expect(lines == [1, 2, 4])
    }

    @Test func emptyTrailingFieldsAreKept() {
        #expect(tokenize("a,b,,\n1,2,,\n").0 == [["a", "b", "", ""], ["1", "2", "", ""]])
    }

    @Test func anUnterminatedQuoteIsReportedAtTheLineItOpens() {
        let (_, problems) = tokenize("a,b\n1,\"open\n2,3\n")
        #expect(problems == [.unterminatedQuote(line: 2, field: 2)])
    }

    @Test func aBareQuoteInAnUnquotedFieldIsReported() {
        let (records, problems) = tokenize("a,b\njohn \"the rock\" smith,x\n")
        #expect(problems == [.bareQuote(line: 2, field: 1)])
        #expect(records[1] == ["john \"the rock\" smith", "x"])
    }

    @Test func textAfterAClosingQuoteIsReported() {
        #expect(tokenize("\"abc\"def,x\n").1 == [.textAfterClosingQuote(line: 1, field: 1)])
    }

    @Test(arguments: [(",", "a,b;c\n"), (";", "a;b;c,d\n"), ("\t", "a\tb\tc\n"), ("|", "a|b|c\n"), (",", "\"a;b;c\",d\n"), (",", "abc\n")])
    func theDelimiterIsTheMostFrequentCandidateOfTheHeaderLine(expected: String, text: String) {
        let detected = Array(text.utf8).withUnsafeBufferPointer { DelimiterDetector.detect(in: $0) }
        #expect(detected == Character(expected).asciiValue!)
    }

    /// The word-at-a-time reading against the byte-at-a-time one, on generated inputs made of
    /// what matters to a tokenizer — delimiters, quotes, both line ends, multi-byte letters,
    /// runs long enough to span whole words — at every length up to a few words, each
    /// delimiter: the same records, the same problems at the same lines.
    @Test(arguments: [",", ";", "\t", "|"])
    func skippingWordsReadsExactlyAsByteByByte(delimiter: Character) {
        let d = delimiter.asciiValue!
        let pieces: [[UInt8]] = [[d], [d], [0x22], [0x22], [0x22, 0x22], [0x0A], [0x0D, 0x0A], [0x0D], Array("ệ".utf8), Array("Số vụ".utf8),
                                 Array("abcdefgh".utf8), Array("0123456789abcdefXYZ".utf8), [0x20], Array("1.054,5".utf8)]
        // A seeded linear congruential generator (Knuth's MMIX constants): the same inputs on every run.
        var state = UInt64(d)
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        for length in 0..<400 {
            var text: [UInt8] = []
            for _ in 0..<(length % 40) { text += pieces[Int(next() % UInt64(pieces.count))] }
            let words = CSVTokenizer.records(in: text, delimiter: d, skipsWords: true)
            let bytes = CSVTokenizer.records(in: text, delimiter: d, skipsWords: false)
            #expect(words.records == bytes.records, "\(String(decoding: text, as: UTF8.self).debugDescription)")
            #expect(words.problems == bytes.problems, "\(String(decoding: text, as: UTF8.self).debugDescription)")
        }
    }
}
