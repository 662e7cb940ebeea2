// swift-tools-version:6.0
import PackageDescription

// Dependency direction (top depends on bottom):
//   ArkivCLI -> Search -> ArchiveIndex -> { Tagging, Extraction, Xapian }
//   Xapian -> CXapian (C++ over libxapian);  Extraction -> CPoppler (poppler-glib)
let package = Package(
    name: "IVOArkiv",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "arkiv", targets: ["ArkivCLI"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.60.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.20.0"),
    ],
    targets: [
        // Xapian binding: a C++ shim with an extern "C" API that catches every exception ...
        .target(
            name: "CXapian",
            linkerSettings: [.linkedLibrary("xapian"), .linkedLibrary("stdc++")]
        ),
        // ... and a Swift layer that owns every handle.
        .target(name: "Xapian", dependencies: ["CXapian"]),

        .systemLibrary(name: "CPoppler", pkgConfig: "poppler-glib",
                       providers: [.apt(["libpoppler-glib-dev"])]),
        .target(name: "Extraction", dependencies: ["CPoppler", "ZIPFoundation"]),

        // Pure Swift: text in, facts out. Domain knowledge is read from Domain/ at run time.
        // Tagging links the ICU that Foundation ships (its regex engine, called without the UTF-16
        // copy NSRegularExpression makes per call; see Pattern.swift).
        .target(name: "Tagging", linkerSettings: [.linkedLibrary("_FoundationICU")]),

        .target(name: "ArchiveIndex", dependencies: ["Xapian", "Extraction", "Tagging"]),
        .target(name: "Search", dependencies: ["ArchiveIndex", "Xapian", "Tagging"]),
        // The web interface and HTTP API (Hummingbird 2, Mustache templates in Swedish).
        .target(
            name: "Server",
            dependencies: [
                "Search", "ArchiveIndex", "Tagging",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Templates"), .copy("Static")]
        ),
        .executableTarget(
            name: "ArkivCLI",
            dependencies: [
                "Search", "ArchiveIndex", "Extraction", "Tagging", "Xapian", "Server",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .target(name: "TestSupport", dependencies: ["Xapian", "ArchiveIndex"], path: "Tests/TestSupport"),
        .testTarget(name: "XapianTests", dependencies: ["Xapian", "TestSupport"]),
        .testTarget(name: "ExtractionTests", dependencies: ["Extraction", "TestSupport"]),
        .testTarget(name: "TaggingTests", dependencies: ["Tagging", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "ArchiveTests", dependencies: ["ArchiveIndex", "Search", "TestSupport"]),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "Server", "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                // WebDriver talks to chromedriver, whose headers Linux URLSession rejects.
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
    ],
    cxxLanguageStandard: .cxx17
)
