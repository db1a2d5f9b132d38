// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "TongKet",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tongket", targets: ["tongket"]),
        // Everything a Swift program needs, behind one import.
        .library(name: "TongKet", targets: ["TongKet"]),
        .library(name: "TongKetData", targets: ["TongKetData"]),
        .library(name: "TongKetAnalytics", targets: ["TongKetAnalytics"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // `swift package generate-documentation --target TongKet`: the library's DocC catalog.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // zlib's inflate, for .xlsx workbooks (a ZIP of deflated XML parts).
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        // bytes → rows → IndicatorTable: decoding, CSV and workbooks, headers, numbers, diagnostics.
        .target(name: "TongKetData", dependencies: ["CZlib"]),
        // IndicatorTable → Metrics: pure functions, no I/O.
        .target(name: "TongKetAnalytics", dependencies: ["TongKetData"]),
        // The C libraries: cairo, pango(cairo), fontconfig. Only TongKetCairo imports them.
        // Found by cairo's pkg-config flags; Pango's part is declared in shim.h (GLib's flags
        // carry -pthread, which a client's build refuses and warns of).
        .systemLibrary(
            name: "CCairo",
            pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]
        ),
        // Metrics → Scene: chart recipes, scales, themes, layout. No C types.
        .target(name: "TongKetCharts", dependencies: ["TongKetAnalytics", "TongKetData"]),
        // Files put in place atomically, undone on Ctrl-C; the output formats. Foundation only.
        .target(name: "TongKetOutput"),
        // Scene → PNG / PDF / SVG / BGRA frames, text measured with Pango.
        .target(name: "TongKetCairo", dependencies: ["CCairo", "CZlib", "TongKetCharts", "TongKetOutput"]),
        // Timeline → frames on both cores → ffmpeg (MP4) or numbered PNGs.
        .target(name: "TongKetVideo", dependencies: ["TongKetCharts", "TongKetCairo", "TongKetOutput"]),
        // The Office files: deck.pptx, report.docx, metrics.xlsx — ZIP and XML written here, zlib's deflate.
        .target(name: "TongKetOffice", dependencies: ["CZlib", "TongKetAnalytics", "TongKetData", "TongKetCharts"]),
        // Metrics → the conference pack: chart plan, deck, narrative, manifest, video, safe output.
        .target(name: "TongKetReport", dependencies: ["TongKetCharts", "TongKetCairo", "TongKetVideo", "TongKetAnalytics", "TongKetData", "TongKetOutput", "TongKetOffice"]),
        // The library product: one import, reading in one call, a chart in one more.
        .target(name: "TongKet", dependencies: ["TongKetData", "TongKetAnalytics", "TongKetCharts", "TongKetCairo", "TongKetOutput", "TongKetReport"]),
        // The bundled sample, embedded in the executable so `tongket` works from any folder.
        .target(
            name: "TongKetSample",
            path: "Datasets",
            exclude: ["README.md"],
            sources: ["BundledSample.swift"],
            resources: [.embedInCode("hau-giang.csv"), .embedInCode("danh-muc-chi-tieu.csv")]
        ),
        // Argument parsing and printing only.
        .executableTarget(
            name: "tongket",
            dependencies: [
                "TongKetData", "TongKetAnalytics", "TongKetSample", "TongKetCharts", "TongKetCairo", "TongKetReport", "TongKetVideo", "TongKetOutput",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The benchmarks: stage timings, chart and video frame timings, the pandas checksum.
        .executableTarget(
            name: "tongket-bench",
            dependencies: [
                "TongKetData", "TongKetAnalytics", "TongKetCharts", "TongKetCairo", "TongKetReport", "TongKetVideo", "TongKetOutput",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Hostile and huge inputs, and the libFuzzer targets (built with -sanitize=fuzzer by .ci/fuzz).
        .executableTarget(name: "tongket-stress", dependencies: ["TongKetData", "TongKetAnalytics", "CZlib"]),
        // Generated/offices.py renders offices the reader was not written for (python3 and openpyxl).
        .testTarget(name: "TongKetDataTests", dependencies: ["TongKetData"], exclude: ["Generated"]),
        // Generated/verdicts.py and comparisons.py render a tax office's, a police's and others' forms with what they publish.
        .testTarget(name: "TongKetAnalyticsTests", dependencies: ["TongKetAnalytics", "TongKetData"], exclude: ["Generated"]),
        .testTarget(name: "TongKetChartsTests", dependencies: ["TongKetCharts", "TongKetCairo", "TongKetAnalytics", "TongKetData", "TongKetSample"]),
        .testTarget(name: "TongKetOutputTests", dependencies: ["TongKetOutput"]),
        .testTarget(name: "TongKetTests", dependencies: ["TongKet"]),
        .testTarget(name: "TongKetReportTests", dependencies: ["TongKetReport", "TongKetCharts", "TongKetAnalytics", "TongKetData"]),
        .testTarget(name: "TongKetVideoTests", dependencies: ["TongKetVideo", "TongKetReport", "TongKetCharts", "TongKetCairo", "TongKetAnalytics", "TongKetData", "TongKetSample"]),
        // Runs the real `tongket` binary.
        .testTarget(name: "TongKetCLITests", dependencies: ["tongket", "tongket-stress", "tongket-bench", "TongKetSample", "TongKetData", "TongKet"]),
    ],
    swiftLanguageModes: [.v6]
)
