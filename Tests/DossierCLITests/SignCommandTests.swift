import TestSupport
import Foundation
import Testing

@Suite(.enabled(if: Run.corpusAvailable, "corpus absent: ../shared/corpus not found beside the package"))
struct SignCommandTests {
    static let pki: TestPKI? = try? TestPKI()

    /// Key, certificate and CA as PEM files in a fresh folder.
    func files() throws -> (folder: String, key: String, cert: String, ca: String, otherCA: String) {
        let pki = try #require(Self.pki)
        let folder = try TestPKI.temporaryFolder()
        try TestPKI.write(pki.party.keyPEM, folder + "/key.pem")
        try TestPKI.write(pki.party.certificatePEM, folder + "/cert.pem")
        try TestPKI.write(pki.caPEM, folder + "/ca.pem")
        try TestPKI.write(pki.otherCAPEM, folder + "/other-ca.pem")
        return (folder, folder + "/key.pem", folder + "/cert.pem", folder + "/ca.pem", folder + "/other-ca.pem")
    }

    @Test(arguments: ["docx/pandoc/headers.docx", "odt/pandoc/paragraph.odt"])
    func signThenVerify(_ input: String) throws {
        let f = try files()
        defer { try? FileManager.default.removeItem(atPath: f.folder) }
        let output = f.folder + "/signed." + (input.hasSuffix(".docx") ? "docx" : "odt")
        let sign = try Run.dossier(["sign", Run.corpus + "/" + input, "--key", f.key, "--cert", f.cert, "-o", output,
                                    "--time", "2026-01-15T10:00:00Z"])
        #expect(sign.status == 0, "\(sign.stderr)")
        #expect(sign.stdout.contains("ondertekend"))

        let verify = try Run.dossier(["verify", "--trust", f.ca, output])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        #expect(verify.stdout.contains("geldig"))
        #expect(verify.stdout.contains("KvK 12345678"))
        #expect(verify.stdout.contains("keten naar vertrouwd basiscertificaat"))

        let json = try Run.dossier(["verify", "--json", "--trust", f.otherCA, output])
        // Valid but not trusted (another CA): exit 0 is "every signature valid".
        #expect(json.status == 0, "\(json.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let first = (object?["signatures"] as? [[String: Any]])?.first
        #expect(first?["status"] as? String == "valid")
        #expect(first?["signingTime"] as? String == "2026-01-15T10:00:00Z")
        #expect((first?["signer"] as? [String: Any])?["organizationIdentifier"] as? String == "NTRNL-12345678")
        #expect((first?["certificate"] as? [String: Any])?["trusted"] as? Bool == false)

        // The output exists now: refused without --force, replaced with it.
        let again = try Run.dossier(["sign", Run.corpus + "/" + input, "--key", f.key, "--cert", f.cert, "-o", output])
        #expect(again.status == 2)
        let forced = try Run.dossier(["sign", Run.corpus + "/" + input, "--key", f.key, "--cert", f.cert, "-o", output, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
    }

    @Test func unreadableInputOrKeyExitsTwo() throws {
        let f = try files()
        defer { try? FileManager.default.removeItem(atPath: f.folder) }
        let input = Run.corpus + "/docx/pandoc/headers.docx"
        let missing = try Run.dossier(["sign", f.folder + "/missing.docx", "--key", f.key, "--cert", f.cert, "-o", f.folder + "/a.docx"])
        #expect(missing.status == 2)
        try TestPKI.write("garbage", f.folder + "/bad.pem")
        let badKey = try Run.dossier(["sign", input, "--key", f.folder + "/bad.pem", "--cert", f.cert, "-o", f.folder + "/b.docx", "--lang", "en"])
        #expect(badKey.status == 2)
        #expect(badKey.stderr.contains("private key"))
        let notPackage = try Run.dossier(["sign", f.key, "--key", f.key, "--cert", f.cert, "-o", f.folder + "/c.docx"])
        #expect(notPackage.status == 2)
        #expect(!FileManager.default.fileExists(atPath: f.folder + "/a.docx"))
        #expect(!FileManager.default.fileExists(atPath: f.folder + "/b.docx"))
    }

    /// LibreOffice opens the signed ODT (it converts to PDF); its own signature check is not asserted.
    @Test(.enabled(if: Run.tool("soffice") != nil, "LibreOffice (soffice) not installed"))
    func libreOfficeOpensSignedODT() throws {
        let f = try files()
        defer { try? FileManager.default.removeItem(atPath: f.folder) }
        let output = f.folder + "/signed.odt"
        let sign = try Run.dossier(["sign", Run.corpus + "/odt/pandoc/paragraph.odt", "--key", f.key, "--cert", f.cert, "-o", output])
        #expect(sign.status == 0)
        let soffice = try #require(Run.tool("soffice"))
        let convert = try Run.process(soffice, ["-env:UserInstallation=file://" + f.folder + "/lo-profile", "--headless",
                                                "--convert-to", "pdf", "--outdir", f.folder, output])
        #expect(convert.status == 0, "\(convert.stderr)")
        #expect(FileManager.default.fileExists(atPath: f.folder + "/signed.pdf"), "\(convert.stdout)\(convert.stderr)")
    }
}
