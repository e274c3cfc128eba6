import Compliance
import DocModel
import Foundation
import PackageIO
import DocReaders
import DocTemplates
import PackageSignatures

// libFuzzer entry point. Every target feeds the bytes to a public entry point of the library the
// way the command line does with a file from a stranger: any thrown error is a fine answer, a
// trap (precondition, index out of range, overflow, force unwrap), a sanitizer report, a leak,
// a timeout or running out of memory is a bug.
//
// The target is chosen by DOSSIER_FUZZ_TARGET (package, docx, odt, template, signature, tender,
// espd), read once.

enum FuzzTarget: String, CaseIterable {
    case package, docx, odt, template, signature, tender, espd
}

/// Limits a little below the defaults so that one input stays well inside libFuzzer's
/// -rss_limit_mb with AddressSanitizer's overhead; the code paths are the same.
let fuzzLimits: ReadLimits = {
    var limits = ReadLimits()
    limits.maxEntrySize = 16 << 20
    limits.maxTotalSize = 64 << 20
    limits.maxFileSize = 16 << 20
    return limits
}()

let selectedTarget: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["DOSSIER_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
        FileHandle.standardError.write(Data("DOSSIER_FUZZ_TARGET must be one of: \(names) (got \"\(name)\")\n".utf8))
        exit(2)
    }
    return target
}()

/// Checks the selector before libFuzzer starts, so that a missing or wrong DOSSIER_FUZZ_TARGET is
/// a message and exit status 2, not an exit inside the first input (which libFuzzer would save as
/// a crash artifact).
@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutableRawPointer) -> CInt {
    _ = selectedTarget
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    switch selectedTarget {
    case .package: fuzzPackage(bytes)
    case .docx, .odt: fuzzDocument(bytes)
    case .template: fuzzTemplate(bytes)
    case .signature: fuzzSignature(bytes)
    case .tender: fuzzTender(bytes)
    case .espd: fuzzESPD(bytes)
    }
    return 0
}

/// Zip opening and entry reading within the limits; then the OOXML package (content types,
/// relationships of every part) and the ODF media type.
func fuzzPackage(_ bytes: [UInt8]) {
    guard let archive = try? ZipArchive(bytes: bytes, limits: fuzzLimits) else { return }
    for entry in archive.entries where !entry.isDirectory {
        _ = try? archive.read(entry)
    }
    _ = try? ODFPackage.mediaType(of: archive)
    // A fresh archive: the one above may have used up its total-bytes budget.
    guard let again = try? ZipArchive(bytes: bytes, limits: fuzzLimits),
          let package = try? OfficePackage(archive: again) else { return }
    _ = package.mainContentKind
    for entry in again.entries where !entry.isDirectory {
        _ = package.contentTypes.contentType(of: entry.name)
        if let relationships = try? package.relationships(of: entry.name) {
            for relationship in relationships where !relationship.isExternal {
                _ = OPC.resolve(relationship.target, from: entry.name)
            }
        }
    }
    _ = try? package.xml(package.mainPart)
}

/// The DOCX and ODT readers (zip and flat ODT) behind DocumentReader; the two targets differ
/// in their seeds and dictionaries.
func fuzzDocument(_ bytes: [UInt8]) {
    _ = try? DocumentReader.read(bytes: bytes, limits: fuzzLimits)
}

/// A small fixed data set with the shapes templates use: values, a list of objects, a boolean,
/// a date, a null, numbers (also as text) at the edges of the filters.
let templateData: TemplateValue = .object([
    "titel": .string("Fuzz <&> \"titel\""),
    "kenmerk": .object(["platform": .string("TenderNed"), "nummer": .string("123456")]),
    "percelen": .list([
        .object(["id": .string("1"), "naam": .string("Perceel één"), "nummer": .number(1)]),
        .object(["id": .string("2"), "naam": .string("Perceel twee"), "nummer": .number(2.5)]),
    ]),
    "leeg": .list([]),
    "waar": .bool(true),
    "onwaar": .bool(false),
    "niets": .null,
    "aantal": .number(-3),
    "bedrag": .string("-1234,5"),
    "groot": .number(-1e300),
    "sluiting": .date(TemplateDateTime(year: 2021, month: 4, day: 1, hour: 9, minute: 0)),
    "datumtekst": .string("2021-04-01T09:00:00.5+02:00"),
])

/// The template parser and renderer, for DOCX and ODT templates alike.
func fuzzTemplate(_ bytes: [UInt8]) {
    _ = try? TemplateRenderer.variables(template: bytes, limits: fuzzLimits)
    _ = try? TemplateRenderer.render(template: bytes, data: templateData,
                                     options: TemplateOptions(allowMissing: true, limits: fuzzLimits))
    _ = try? TemplateRenderer.render(template: bytes, data: templateData,
                                     options: TemplateOptions(allowMissing: false, limits: fuzzLimits))
}

/// The offline signature verifier (no trust anchors: chains are not evaluated against a store).
func fuzzSignature(_ bytes: [UInt8]) {
    _ = try? PackageSignatureVerifier.verify(bytes: bytes, limits: fuzzLimits)
}

/// The tender loader on the bytes as YAML/JSON text; for a tender that loads, the lint rules,
/// the requirements profile (as JSON) and the data templates see.
func fuzzTender(_ bytes: [UInt8]) {
    guard let result = try? TenderLoader.load(data: Data(bytes), file: "fuzz.yaml") else { return }
    guard result.isComplete else { return }
    _ = LintEngine().run(result.tender)
    _ = try? RequirementsProfile(tender: result.tender).jsonBytes()
    _ = result.tender.templateData
}

/// The ESPD (UEA) response reader, on XML as received.
func fuzzESPD(_ bytes: [UInt8]) {
    _ = try? ESPDResponse.read(bytes: bytes, limits: fuzzLimits)
}
