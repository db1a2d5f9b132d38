import Foundation

// tongket-stress: hostile and huge inputs for hardening, and the fuzz targets.
//   tongket-stress huge MEGABYTES FILE     a deterministic export of that size
//   tongket-stress pathological FOLDER     a 100 MB field, a million delimiters, a million units
//   tongket-stress agencies FOLDER         a health department's and a province's exports, 2021–2024,
//                                          with real exports' traps planted and truth.csv saying where
//   tongket-stress workbooks FOLDER        Excel workbooks as provincial offices keep them (merged unit names,
//                                          percent cells, counts typed as text, formulas, hidden rows and sheets),
//                                          their canonical CSV twins, hostile ones (truncated, encrypted, no table,
//                                          zip bombs) and truth.txt saying which quirk sits where
//   tongket-stress offices FOLDER          a procuracy's printed forms and an education department's KPI
//                                          exports as the offices keep them, and truth.csv: every unit row
//   tongket-stress workbook-large ROWS FILE   a canonical long-layout .xlsx: ROWS data rows × 6 columns
//   tongket-stress replay TARGET FILE…     run fuzz inputs through a target (regressions)
//   tongket-stress fuzz TARGET [libFuzzer options]   (a build with -sanitize=fuzzer, see .ci/fuzz)
let arguments = CommandLine.arguments
do {
    switch arguments.count > 1 ? arguments[1] : "" {
    case "huge" where arguments.count == 4:
        guard let megabytes = Int(arguments[2]), megabytes > 0 else { throw StressError("MEGABYTES must be a whole number") }
        try HugeCSV.write(megabytes: megabytes, to: arguments[3])
    case "pathological" where arguments.count == 3:
        try Pathological.write(to: arguments[2])
    case "agencies" where arguments.count == 3:
        try AgencyExports.write(to: arguments[2])
    case "workbooks" where arguments.count == 3:
        try WorkbookExports.write(to: arguments[2])
    case "offices" where arguments.count == 3:
        try OfficeForms.write(to: arguments[2])
    case "workbook-large" where arguments.count == 4:
        guard let rows = Int(arguments[2]), rows > 0 else { throw StressError("ROWS must be a whole number") }
        try LargeWorkbook.write(rows: rows, to: arguments[3])
    case "replay" where arguments.count >= 3:
        guard let target = FuzzTarget(rawValue: arguments[2]) else { throw StressError("targets: " + FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")) }
        for path in arguments.dropFirst(3) {
            guard let data = FileManager.default.contents(atPath: path) else { throw StressError("cannot read \(path)") }
            [UInt8](data).withUnsafeBufferPointer(target.run)
        }
    case "fuzz" where arguments.count >= 3:
        guard let target = FuzzTarget(rawValue: arguments[2]) else { throw StressError("targets: " + FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")) }
        guard Fuzzing.available else { throw StressError("this build has no fuzzer; build it as .ci/fuzz does (-sanitize=fuzzer,address -DFUZZING)") }
        exit(Fuzzing.run(target, options: Array(arguments.dropFirst(3))))
    default:
        throw StressError("usage: tongket-stress huge MEGABYTES FILE | pathological FOLDER | agencies FOLDER | workbooks FOLDER | offices FOLDER | workbook-large ROWS FILE | replay TARGET FILE… | fuzz TARGET …")
    }
} catch {
    FileHandle.standardError.write(Data("tongket-stress: \(error)\n".utf8))
    exit(64)
}
