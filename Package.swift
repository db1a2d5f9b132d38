// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "TongKet",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tongket", targets: ["tongket"]),
        .library(name: "TongKetData", targets: ["TongKetData"]),
        .library(name: "TongKetAnalytics", targets: ["TongKetAnalytics"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // bytes → rows → IndicatorTable: decoding, CSV, headers, numbers, diagnostics.
        .target(name: "TongKetData"),
        // IndicatorTable → Metrics: pure functions, no I/O.
        .target(name: "TongKetAnalytics", dependencies: ["TongKetData"]),
        // The bundled sample, embedded in the executable so `tongket` works from any folder.
        .target(
            name: "TongKetSample",
            path: "Datasets",
            exclude: ["README.md"],
            sources: ["BundledSample.swift"],
            resources: [.embedInCode("hau-giang.csv")]
        ),
        // Argument parsing and printing only.
        .executableTarget(
            name: "tongket",
            dependencies: [
                "TongKetData", "TongKetAnalytics", "TongKetSample",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "TongKetDataTests", dependencies: ["TongKetData"]),
        .testTarget(name: "TongKetAnalyticsTests", dependencies: ["TongKetAnalytics", "TongKetData"]),
        // Runs the real `tongket` binary.
        .testTarget(name: "TongKetCLITests", dependencies: ["tongket", "TongKetSample", "TongKetData"]),
    ],
    swiftLanguageModes: [.v6]
)
