// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "dossier",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dossier", targets: ["dossier"]),
        .library(name: "DocModel", targets: ["DocModel"]),
        .library(name: "PackageIO", targets: ["PackageIO"]),
        .library(name: "DocReaders", targets: ["DocReaders"]),
        .library(name: "DocTemplates", targets: ["DocTemplates"]),
        .library(name: "PackageSignatures", targets: ["PackageSignatures"]),
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
        // C libraries (libxml2, libzip, poppler), seen only by PackageIO (Sources/PackageIO/Low).
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
        .systemLibrary(
            name: "CPoppler",
            pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev"])]
        ),
        // Format-neutral document model: pure Swift values.
        .target(name: "DocModel"),
        // The one clock: Europe/Amsterdam, the parser of every moment a user types, Dutch dates in
        // text, and the Dutch/English/ISO formatter.
        .target(name: "DutchTime"),
        // Zip and XML plumbing, OPC, format sniffing, opened inputs, limits, atomic output, the XML
        // escaper: the only target that imports the C libraries.
        .target(name: "PackageIO", dependencies: ["DocModel", "CLibXML2", "CLibZip", "CPoppler"]),
        // Readers: DOCX (two stages), ODT and PDF into the document model.
        .target(name: "DocReaders", dependencies: ["DocModel", "PackageIO", "DutchTime"]),
        // The template engine: DOCX and ODT templates filled from data.
        .target(name: "DocTemplates", dependencies: ["DocModel", "PackageIO", "DutchTime"]),
        // Package signatures (OOXML, ODF): signing and verification; the only users of the crypto packages.
        .target(
            name: "PackageSignatures",
            dependencies: [
                "DocModel", "PackageIO", "DutchTime",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "BigInt", package: "BigInt"),
            ]
        ),
        // Tender model, ESPD, rules, findings, reports.
        .target(
            name: "Compliance",
            dependencies: ["DocModel", "DutchTime", "PackageIO", "DocReaders", "DocTemplates", "PackageSignatures",
                           .product(name: "Yams", package: "Yams")]
        ),
        // The command-line tool.
        .executableTarget(
            name: "dossier",
            dependencies: [
                "DocModel", "DutchTime", "PackageIO", "DocReaders", "DocTemplates", "PackageSignatures", "Compliance",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "DocModelTests", dependencies: ["DocModel"]),
        .testTarget(name: "DutchTimeTests", dependencies: ["DutchTime"]),
        .testTarget(name: "DocReadersTests", dependencies: ["PackageIO", "DocReaders", "DocModel", "TestSupport"]),
        .testTarget(name: "DossierCLITests", dependencies: ["dossier", "Compliance", "PackageIO", "DocReaders", "DocTemplates", "PackageSignatures", "DocModel", "TestSupport",
                                      .product(name: "X509", package: "swift-certificates"), .product(name: "Crypto", package: "swift-crypto"),
                                      .product(name: "_CryptoExtras", package: "swift-crypto"), .product(name: "SwiftASN1", package: "swift-asn1")]),
        .testTarget(name: "PackageIOTests", dependencies: ["PackageIO", "DocModel", "TestSupport"]),
        .testTarget(name: "ODTReaderTests", dependencies: ["PackageIO", "DocReaders", "DocModel", "TestSupport"]),
        .testTarget(name: "ComplianceTests", dependencies: ["Compliance", "DocModel", "DocTemplates", "PackageIO", "DutchTime", "TestSupport"]),
        .testTarget(name: "TemplateTests", dependencies: ["PackageIO", "DocReaders", "DocTemplates", "DocModel"]),
        .testTarget(name: "CheckTests", dependencies: ["Compliance", "PackageIO", "DocReaders", "DocTemplates", "PackageSignatures", "DocModel", "DutchTime"]),
        // Test fixtures shared by several test targets (test targets cannot share sources): the
        // throw-away PKI made at test time, the raw zip builders for hostile files and CPUCost (the
        // CPU time of some work, which tests bound instead of wall-clock time). Only tests depend on it.
        .target(name: "TestSupport", dependencies: [
            .product(name: "X509", package: "swift-certificates"), .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "_CryptoExtras", package: "swift-crypto"), .product(name: "SwiftASN1", package: "swift-asn1"),
        ], path: "Tests/TestSupport"),
        .testTarget(name: "SignatureTests", dependencies: ["PackageIO", "PackageSignatures", "DocModel", "DutchTime", "TestSupport",
                                      .product(name: "X509", package: "swift-certificates"), .product(name: "Crypto", package: "swift-crypto"),
                                      .product(name: "_CryptoExtras", package: "swift-crypto"), .product(name: "SwiftASN1", package: "swift-asn1")]),
        .testTarget(name: "ESPDTests", dependencies: ["Compliance", "PackageIO", "DocModel"]),
    ]
)
