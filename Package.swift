// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "dossier",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dossier", targets: ["dossier"]),
        .library(name: "DocModel", targets: ["DocModel"]),
        .library(name: "DocxIO", targets: ["DocxIO"]),
        .library(name: "Compliance", targets: ["Compliance"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.0"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.7.0"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.0"),
    ],
    targets: [
        // C libraries, seen only by the lowest layer of DocxIO (Sources/DocxIO/Low).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CLibZip",
            pkgConfig: "libzip",
            providers: [.apt(["libzip-dev"])]
        ),
        // Format-neutral document model: pure Swift values.
        .target(name: "DocModel"),
        // Packages, XML, readers (later writers, templates, signatures).
        .target(
            name: "DocxIO",
            dependencies: [
                "DocModel", "CLibXML2", "CLibZip",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "BigInt", package: "BigInt"),
            ]
        ),
        // Tender model, rules, findings, reports.
        .target(
            name: "Compliance",
            dependencies: ["DocModel", "DocxIO", .product(name: "Yams", package: "Yams")]
        ),
        // The command-line tool.
        .executableTarget(
            name: "dossier",
            dependencies: [
                "DocModel", "DocxIO", "Compliance",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .testTarget(name: "DocModelTests", dependencies: ["DocModel"]),
        .testTarget(name: "DocxIOTests", dependencies: ["DocxIO", "DocModel", "TestSupport"]),
        .testTarget(name: "DossierCLITests", dependencies: ["dossier", "Compliance", "DocxIO", "DocModel", "TestSupport",
                                      .product(name: "X509", package: "swift-certificates"), .product(name: "Crypto", package: "swift-crypto"),
                                      .product(name: "_CryptoExtras", package: "swift-crypto"), .product(name: "SwiftASN1", package: "swift-asn1")]),
        .testTarget(name: "PackageIOTests", dependencies: ["DocxIO", "DocModel", "TestSupport"]),
        .testTarget(name: "ODTReaderTests", dependencies: ["DocxIO", "DocModel", "TestSupport"]),
        .testTarget(name: "ComplianceTests", dependencies: ["Compliance", "DocModel", "DocxIO", "TestSupport"]),
        .testTarget(name: "TemplateTests", dependencies: ["DocxIO", "DocModel"]),
        .testTarget(name: "CheckTests", dependencies: ["Compliance", "DocxIO", "DocModel"]),
        // Test fixtures shared by several test targets (test targets cannot share sources): the
        // throw-away PKI made at test time, the raw zip builders for hostile files and CPUCost (the
        // CPU time of some work, which tests bound instead of wall-clock time). Only tests depend on it.
        .target(name: "TestSupport", dependencies: [
            .product(name: "X509", package: "swift-certificates"), .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "_CryptoExtras", package: "swift-crypto"), .product(name: "SwiftASN1", package: "swift-asn1"),
        ], path: "Tests/TestSupport"),
        .testTarget(name: "SignatureTests", dependencies: ["DocxIO", "DocModel", "TestSupport",
                                      .product(name: "X509", package: "swift-certificates"), .product(name: "Crypto", package: "swift-crypto"),
                                      .product(name: "_CryptoExtras", package: "swift-crypto"), .product(name: "SwiftASN1", package: "swift-asn1")]),
        .testTarget(name: "ESPDTests", dependencies: ["DocxIO", "DocModel"]),
    ]
)
