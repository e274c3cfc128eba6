import TestSupport
import Foundation
import Testing
import PackageIO

/// `dossier sign`'s ODF output verified by an independent verifier: LibreOffice itself, through
/// UNO (scripts/lo-verify-signatures.py). `make test` installs LibreOffice and python3-uno.
enum LibreOfficeUNO {
    static let available: Bool = {
        guard Run.tool("soffice") != nil, FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else { return false }
        return (try? Run.process("/usr/bin/python3", ["-c", "import uno"]).status) == 0
    }()
}

@Suite(.enabled(if: LibreOfficeUNO.available, "LibreOffice with python3-uno is not installed (make test installs it): independent verification skipped"))
struct LibreOfficeSignatureTests {
    static func libreOffice(_ file: String) throws -> String {
        try Run.process("/usr/bin/python3", ["\(Run.projectRoot)/scripts/lo-verify-signatures.py", file]).stdout
    }

    @Test func libreOfficeAcceptsTheSignatureAndRejectsATamperedCopy() throws {
        let pki = try TestPKI()
        let folder = try TestPKI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try TestPKI.write(pki.rsaParty.keyPEM, folder + "/key.pem")
        try TestPKI.write(pki.rsaParty.certificatePEM, folder + "/cert.pem")
        let signed = folder + "/ondertekend.odt"
        let sign = try Run.dossier(["sign", "\(Run.projectRoot)/samples/documents/selectieleidraad-kort.odt",
                                    "--key", folder + "/key.pem", "--cert", folder + "/cert.pem", "-o", signed])
        #expect(sign.status == 0, "\(sign.stderr)")
        let verdict = try Self.libreOffice(signed)
        #expect(verdict.contains("valid=True") && verdict.contains("count=1"), "\(verdict)")

        // The same package with content.xml changed after signing.
        let archive = try ZipArchive(path: signed)
        var writer = ZipWriter()
        for entry in archive.entries {
            var bytes = try archive.read(entry)
            if entry.name == "content.xml" {
                bytes = Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "Inleiding", with: "Inleidng").utf8)
            }
            writer.add(name: entry.name, bytes: bytes, compressed: !entry.isStored)
        }
        let tampered = folder + "/gewijzigd.odt"
        try Data(try writer.finish()).write(to: URL(fileURLWithPath: tampered))
        let tamperedVerdict = try Self.libreOffice(tampered)
        #expect(tamperedVerdict.contains("valid=False"), "\(tamperedVerdict)")
    }
}
