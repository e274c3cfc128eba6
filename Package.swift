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
        .target(name: "DocxIO", dependencies: ["DocModel", "CLibXML2", "CLibZip"]),
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
        .testTarget(name: "DocxIOTests", dependencies: ["DocxIO", "DocModel"]),
        .testTarget(name: "DossierCLITests", dependencies: ["dossier", "Compliance", "DocxIO", "DocModel"]),
        .testTarget(name: "PackageIOTests", dependencies: ["DocxIO", "DocModel"]),
        .testTarget(name: "ODTReaderTests", dependencies: ["DocxIO", "DocModel"]),
        .testTarget(name: "ComplianceTests", dependencies: ["Compliance", "DocModel", "DocxIO"]),
        .testTarget(name: "TemplateTests", dependencies: ["DocxIO", "DocModel"]),
        .testTarget(name: "CheckTests", dependencies: ["Compliance", "DocxIO", "DocModel"]),
    ]
)
