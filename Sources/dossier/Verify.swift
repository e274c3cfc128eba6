#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ArgumentParser
import DocModel
import PackageIO
import PackageSignatures

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: ui.pick(
            "Controleert de digitale handtekeningen van DOCX- en ODT-documenten, volledig offline.",
            "Verifies the digital signatures of DOCX and ODT documents, fully offline."),
        discussion: ui.pick(
            "Uitgangscode 0 als elke handtekening geldig is, 1 als een handtekening niet geldig is of een bestand geen handtekening heeft, 2 als een bestand niet gelezen kon worden. Zonder --trust wordt de ondertekenaar niet geverifieerd.",
            "Exit code 0 when every signature is valid, 1 when a signature is not valid or a file has none, 2 when a file could not be read. Without --trust the signer is not verified.")
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup(title: "Limits") var limitOptions: LimitOptions

    @Option(name: .long, help: ArgumentHelp(ui.pick(
        "Vertrouwde basiscertificaten: een PEM-bestand of een map met PEM-bestanden.",
        "Trusted root certificates: a PEM file or a folder of PEM files."), valueName: "pem|map"))
    var trust: String?

    @Flag(name: .long, help: ArgumentHelp(ui.pick("Uitvoer als JSON.", "Output as JSON.")))
    var json = false

    @Argument(help: ArgumentHelp(ui.pick("De documenten (.docx, .odt).", "The documents (.docx, .odt)."), valueName: "bestand"))
    var files: [String]

    func validate() throws {
        if files.isEmpty {
            throw ValidationError(global.lang.pick("geef ten minste één bestand", "give at least one file"))
        }
    }

    struct FileEntry: Encodable {
        var file: String
        var format: String?
        var signatures: [SignatureEntry]
        var error: String?
    }

    /// One signature in `--json`: the library's result, with the trust verdict under
    /// "certificate" and problems and notes as sentences in the output language.
    struct SignatureEntry: Encodable {
        struct CertificateEntry: Encodable {
            var trusted: Bool
            var trust: String
            var validatedAt: String?
            var detail: String?
            var chain: [String]
            var issuer: String?
            var serialNumber: String?
            var notBefore: String?
            var notAfter: String?
            var keyAlgorithm: String?
            var keyBits: Int?
            var sha256Fingerprint: String?
        }
        struct ReferenceEntry: Encodable {
            var uri: String
            var part: String?
            var inManifest: Bool
            var digestAlgorithm: String?
            var transforms: [String]
            var valid: Bool
            var problem: String?
        }
        var part: String
        var id: String?
        var status: String
        var signer: CertificateSummary?
        var certificate: CertificateEntry
        var embeddedChain: [CertificateSummary]
        var signingTime: String?
        var signatureMethod: String?
        var canonicalization: String?
        var weakAlgorithms: [String]
        var signatureValue: String
        var references: [ReferenceEntry]
        var uncoveredParts: [String]
        var unsignedByConvention: [String]
        var problems: [String]
        var notes: [String]

        init(_ s: PackageSignature, language l: Language) {
            part = s.part
            id = s.id
            status = s.status.rawValue
            signer = s.signer
            certificate = CertificateEntry(
                trusted: s.trust.trusted, trust: s.trust.state.rawValue, validatedAt: s.trust.validatedAt,
                detail: s.trust.detail, chain: s.trust.chain, issuer: s.signer?.issuer, serialNumber: s.signer?.serialNumber,
                notBefore: s.signer?.notBefore, notAfter: s.signer?.notAfter, keyAlgorithm: s.signer?.keyAlgorithm,
                keyBits: s.signer?.keyBits, sha256Fingerprint: s.signer?.sha256Fingerprint)
            embeddedChain = s.chain
            signingTime = s.signingTime
            signatureMethod = s.signatureMethod
            canonicalization = s.canonicalization
            weakAlgorithms = s.weakAlgorithms
            signatureValue = s.signatureValue.rawValue
            references = s.references.map {
                ReferenceEntry(uri: $0.uri, part: $0.part, inManifest: $0.inManifest, digestAlgorithm: $0.digestAlgorithm,
                               transforms: $0.transforms, valid: $0.valid, problem: $0.problem?.message(in: l))
            }
            uncoveredParts = s.uncoveredParts
            unsignedByConvention = s.unsignedByConvention
            problems = s.problems.map { $0.message(in: l) }
            notes = s.notes.map { $0.message(in: l) }
        }
    }

    func run() throws {
        let language = global.lang
        var anchors: TrustAnchors?
        if let trust {
            do {
                anchors = try TrustAnchors(path: trust)
            } catch let error as ReadError {
                Console.error("dossier: --trust \(trust): \(error.message(in: language))\n")
                throw ExitCode(2)
            }
        }
        var unreadable = false
        var notValid = false
        var entries: [FileEntry] = []
        var texts: [String] = []
        for file in files {
            do {
                let report = try PackageSignatureVerifier.verify(path: file, trust: anchors, limits: limitOptions.limits)
                if !report.allValid { notValid = true }
                entries.append(FileEntry(file: file, format: report.format.rawValue,
                                         signatures: report.signatures.map { SignatureEntry($0, language: language) }))
                texts.append(VerifyText.render(file: file, report: report, trustGiven: anchors != nil, language: language))
            } catch let error as ReadError {
                unreadable = true
                let message = error.message(in: language)
                Console.error("dossier: \(file): \(message)\n")
                entries.append(FileEntry(file: file, format: nil, signatures: [], error: message))
            }
        }
        if json {
            Console.out(files.count == 1 ? JSONText.string(entries[0]) : JSONText.string(entries))
        } else if !texts.isEmpty {
            Console.out(texts.joined(separator: "\n"))
        }
        if unreadable { throw ExitCode(2) }
        if notValid { throw ExitCode(1) }
    }
}

/// The text report of `dossier verify`.
enum VerifyText {
    static func render(file: String, report: SignatureVerificationReport, trustGiven: Bool, language l: Language) -> String {
        var lines: [String] = ["\(file):"]
        if report.signatures.isEmpty {
            lines.append("  " + l.pick("geen handtekening", "no signature"))
            return lines.joined(separator: "\n") + "\n"
        }
        for (index, signature) in report.signatures.enumerated() {
            let status: String
            switch signature.status {
            case .valid: status = l.pick("geldig", "valid")
            case .partial: status = l.pick("gedeeltelijk (niet alles ondertekend)", "partial (not everything signed)")
            case .broken: status = l.pick("GEBROKEN", "BROKEN")
            }
            lines.append("  " + l.pick("Handtekening", "Signature") + " \(index + 1) (\(signature.part)): \(status)")
            if let signer = signature.signer {
                var who = signer.commonName ?? signer.subject
                if let organization = signer.organization { who += ", \(organization)" }
                if let kvk = signer.kvkNumber { who += ", " + l.pick("KvK", "Chamber of Commerce") + " \(kvk)" }
                lines.append("    " + l.pick("Ondertekenaar: ", "Signer: ") + who)
                lines.append("    " + l.pick("Uitgever: ", "Issuer: ") + signer.issuer)
                lines.append("    " + l.pick("Serienummer: ", "Serial: ") + signer.serialNumber
                    + ", " + l.pick("geldig ", "valid ") + "\(signer.notBefore) – \(signer.notAfter)")
            }
            switch signature.trust.state {
            case .notChecked:
                lines.append("    " + l.pick("Vertrouwen: ondertekenaar niet geverifieerd (geef --trust)", "Trust: signer not verified (give --trust)"))
            case .trusted:
                lines.append("    " + l.pick("Vertrouwen: keten naar vertrouwd basiscertificaat, gecontroleerd op ", "Trust: chains to a trusted root, checked at ")
                    + (signature.trust.validatedAt ?? "?"))
            case .untrusted:
                lines.append("    " + l.pick("Vertrouwen: NIET vertrouwd", "Trust: NOT trusted") + (signature.trust.detail.map { " (\($0))" } ?? ""))
            }
            if let time = signature.signingTime {
                lines.append("    " + l.pick("Geclaimde ondertekentijd: ", "Claimed signing time: ") + time)
            }
            if let method = signature.signatureMethod {
                lines.append("    " + l.pick("Algoritme: ", "Algorithm: ") + method
                    + (signature.weakAlgorithms.isEmpty ? "" : l.pick(" (zwak: ", " (weak: ") + signature.weakAlgorithms.joined(separator: ", ") + ")"))
            }
            let good = signature.references.filter(\.valid).count
            lines.append("    " + l.pick("Verwijzingen: \(good) van \(signature.references.count) kloppen", "References: \(good) of \(signature.references.count) hold"))
            for reference in signature.references where !reference.valid {
                lines.append("      \(reference.part ?? reference.uri): " + (reference.problem?.message(in: l) ?? "?"))
            }
            let value: String
            switch signature.signatureValue {
            case .valid: value = l.pick("klopt", "holds")
            case .validLegacyDigestInfo: value = l.pick("klopt (Office 2007-codering)", "holds (Office 2007 encoding)")
            case .invalid: value = l.pick("klopt NIET", "does NOT hold")
            case .notChecked: value = l.pick("niet gecontroleerd", "not checked")
            }
            lines.append("    " + l.pick("Handtekeningwaarde: ", "Signature value: ") + value)
            if !signature.uncoveredParts.isEmpty {
                lines.append("    " + l.pick("Niet ondertekend: ", "Not signed: ") + signature.uncoveredParts.joined(separator: ", "))
            }
            for problem in signature.problems { lines.append("    ! " + problem.message(in: l)) }
            for note in signature.notes { lines.append("    - " + note.message(in: l)) }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
