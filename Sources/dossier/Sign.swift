#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ArgumentParser
import DocModel
import PackageIO
import PackageSignatures

struct Sign: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: ui.pick(
            "Ondertekent een DOCX- of ODT-document (XAdES-BES, SHA-256) met een privésleutel en certificaat.",
            "Signs a DOCX or ODT document (XAdES-BES, SHA-256) with a private key and certificate."),
        discussion: ui.pick(
            "De sleutel is RSA (ten minste 2048 bits) of ECDSA P-256 in PEM. Het resultaat wordt in één keer geschreven; een bestaand bestand alleen met --force. Uitgangscode 0 ondertekend, 2 onleesbare invoer, sleutel of certificaat, of een uitvoerbestand dat al bestaat.",
            "The key is RSA (at least 2048 bits) or ECDSA P-256 as PEM. The result is written atomically; an existing file only with --force. Exit code 0 signed, 2 unreadable input, key or certificate, or an output file that exists.")
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup(title: "Limits") var limitOptions: LimitOptions

    @Argument(help: ArgumentHelp(ui.pick("Het document (.docx, .odt).", "The document (.docx, .odt)."), valueName: "bestand"))
    var file: String

    @Option(name: .long, help: ArgumentHelp(ui.pick("Privésleutel (PEM).", "Private key (PEM)."), valueName: "pem"))
    var key: String

    @Option(name: .long, help: ArgumentHelp(ui.pick("Certificaat van de ondertekenaar (PEM).", "Signer's certificate (PEM)."), valueName: "pem"))
    var cert: String

    @Option(name: .long, help: ArgumentHelp(ui.pick("Tussenliggende certificaten om mee te sturen (PEM).", "Intermediate certificates to include (PEM)."), valueName: "pem"))
    var chain: String?

    @Option(name: .shortAndLong, help: ArgumentHelp(ui.pick("Het ondertekende document.", "The signed document."), valueName: "bestand"))
    var output: String

    @Option(name: .long, help: ArgumentHelp(ui.pick("Ondertekentijd (ISO 8601, bv. 2026-01-15T10:00:00Z; zonder tijdzone UTC); standaard nu.", "Signing time (ISO 8601, e.g. 2026-01-15T10:00:00Z; without offset UTC); default now."), valueName: "tijd"))
    var time: String?

    @Flag(name: .long, help: ArgumentHelp(ui.pick("Bestaand uitvoerbestand overschrijven.", "Overwrite an existing output file.")))
    var force = false

    func run() throws {
        let l = global.lang
        var signingTime = Date()
        if let time {
            guard let parsed = PackageSigner.parseTime(time) else {
                Console.error(l.pick("dossier: --time \(time): geen ISO 8601-tijd\n", "dossier: --time \(time): not an ISO 8601 time\n"))
                throw ExitCode(2)
            }
            signingTime = parsed
        }
        let identity: SigningIdentity
        do {
            identity = try SigningIdentity(keyPath: key, certificatePath: cert, chainPath: chain)
        } catch let error as SigningError {
            Console.error("dossier: \(error.message(in: l))\n")
            throw ExitCode(2)
        } catch let error as ReadError {
            Console.error(l.pick("dossier: sleutel of certificaat: ", "dossier: key or certificate: ") + error.message(in: l) + "\n")
            throw ExitCode(2)
        }
        let signed: [UInt8]
        do {
            signed = try PackageSigner.sign(path: file, identity: identity, signingTime: signingTime, limits: limitOptions.limits)
        } catch let error as ReadError {
            Console.error("dossier: \(file): \(error.message(in: l))\n")
            throw ExitCode(2)
        } catch let error as SigningError {
            Console.error("dossier: \(file): \(error.message(in: l))\n")
            throw ExitCode(2)
        } catch let error as WriteError {
            Console.error("dossier: \(file): \(error.message(in: l))\n")
            throw ExitCode(2)
        }
        do {
            try AtomicFile.write(signed, to: output, overwrite: force)
        } catch let error as WriteError {
            Console.error("dossier: \(output): \(error.message(in: l))\n")
            throw ExitCode(2)
        }
        Console.out(l.pick("ondertekend: ", "signed: ") + output + "\n")
    }
}
