// swift-tools-version:6.2
import PackageDescription

/// Settings shared by every Swift target.
let settings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "acts",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "acts", targets: ["ActsServer"])
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-configuration.git", from: "1.4.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    ],
    targets: [
        // Pure domain: no I/O, no clock reads, no third-party imports.
        .target(name: "Workflow", swiftSettings: settings),
        .target(
            name: "Templates",
            dependencies: ["Workflow", .product(name: "Mustache", package: "swift-mustache")],
            swiftSettings: settings
        ),
        // Thin C targets.
        .systemLibrary(name: "COpenSSL", pkgConfig: "openssl", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "CXMLSec", dependencies: ["CLibXML2"]),
        .systemLibrary(name: "CTesseract", providers: [.apt(["libtesseract-dev", "libleptonica-dev"])]),
        .systemLibrary(name: "CPoppler", pkgConfig: "poppler-glib", providers: [.apt(["libpoppler-glib-dev"])]),
        .target(name: "Signing", dependencies: ["COpenSSL", "CXMLSec"], swiftSettings: settings),
        .target(name: "OCR", dependencies: ["CTesseract", "CPoppler"], swiftSettings: settings),
        .target(
            name: "Storage",
            dependencies: [
                "Workflow",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: settings
        ),
        .executableTarget(
            name: "ActsServer",
            dependencies: [
                "Workflow", "Templates", "Signing", "OCR", "Storage",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: settings
        ),
        .testTarget(name: "WorkflowTests", dependencies: ["Workflow"], swiftSettings: settings),
        .testTarget(name: "TemplatesTests", dependencies: ["Templates"], swiftSettings: settings),
        .testTarget(name: "SigningTests", dependencies: ["Signing", "Workflow"], exclude: ["Fixtures"], swiftSettings: settings),
        .testTarget(name: "OCRTests", dependencies: ["OCR"], swiftSettings: settings),
        .testTarget(
            name: "StorageTests",
            dependencies: ["Storage", "Workflow", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: settings
        ),
        .testTarget(
            name: "ActsServerTests",
            dependencies: [
                "ActsServer", "Storage", "Workflow", "Signing",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: settings
        ),
    ]
)
