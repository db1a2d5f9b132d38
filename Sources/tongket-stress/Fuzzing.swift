#if FUZZING
import Glibc

/// libFuzzer's driver, called with our own main (a build with -sanitize=fuzzer links it).
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

nonisolated(unsafe) private var selectedTarget = FuzzTarget.csv

enum Fuzzing {
    static let available = true

    /// Runs libFuzzer on `target`; `options` are libFuzzer's own (-max_total_time=60 CORPUS…).
    static func run(_ target: FuzzTarget, options: [String]) -> Int32 {
        selectedTarget = target
        var arguments = (["tongket-stress"] + options).map { strdup($0) }
        var count = Int32(arguments.count)
        return arguments.withUnsafeMutableBufferPointer { buffer in
            var base = buffer.baseAddress
            return withUnsafeMutablePointer(to: &base) { argv in
                argv.withMemoryRebound(to: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?.self, capacity: 1) { pointer in
                    LLVMFuzzerRunDriver(&count, pointer) { data, size in
                        selectedTarget.run(UnsafeBufferPointer(start: data, count: size))
                        return 0
                    }
                }
            }
        }
    }
}
#else
enum Fuzzing {
    static let available = false
    static func run(_ target: FuzzTarget, options: [String]) -> Int32 { 1 }
}
#endif
