import Foundation

// tongket-stress: hostile and huge inputs for hardening, and the fuzz targets.
//   tongket-stress huge MEGABYTES FILE     a deterministic export of that size
//   tongket-stress pathological FOLDER     a 100 MB field, a million delimiters, a million units
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
    default:
        throw StressError("usage: tongket-stress huge MEGABYTES FILE | pathological FOLDER | replay TARGET FILE… | fuzz TARGET …")
    }
} catch {
    FileHandle.standardError.write(Data("tongket-stress: \(error)\n".utf8))
    exit(64)
}
