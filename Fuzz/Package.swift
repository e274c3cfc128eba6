// swift-tools-version:5.4
// libFuzzer targets for dossier's readers of untrusted input (docs/security.md, "Fuzzing").
//
// A package of its own, so that the root's `swift build` / `swift test` never builds it. Build it
// with the sanitizers (scripts/fuzz.sh does this):
//
//   swift build --package-path Fuzz --scratch-path .build-fuzz -c debug \
//       -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
//
// One executable holds every target, chosen by the environment variable DOSSIER_FUZZ_TARGET
// (see Targets.swift). One binary instead of one per target because every target links the
// whole instrumented dependency graph (swift-crypto, swift-certificates, Yams, ...): six links
// of that cost minutes on a two-core CI machine, and code a target does not reach adds no
// coverage features, so sharing a binary costs the fuzzer nothing.
//
// Tools version 5.4 on purpose: from 5.5 on SwiftPM renames an executable's entry point
// (`--defsym main=<Module>_main`, for testable executables), which points `main` at a symbol
// that does not exist here — the `main` must be libFuzzer's.
import PackageDescription

let package = Package(
    name: "DossierFuzz",
    dependencies: [
        .package(name: "dossier", path: ".."),
    ],
    targets: [
        // C declaration of libFuzzer's LLVMFuzzerMutate for the structure-aware mutator.
        .target(name: "FuzzSupport"),
        .executableTarget(
            name: "DossierFuzz",
            dependencies: [
                "FuzzSupport",
                .product(name: "PackageIO", package: "dossier"),
                .product(name: "DocReaders", package: "dossier"),
                .product(name: "DocTemplates", package: "dossier"),
                .product(name: "PackageSignatures", package: "dossier"),
                .product(name: "DocModel", package: "dossier"),
                .product(name: "Compliance", package: "dossier"),
            ]
        ),
    ]
)
