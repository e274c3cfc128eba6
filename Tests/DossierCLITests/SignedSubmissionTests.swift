import TestSupport
import Crypto
import Foundation
import Testing
import X509

/// A submission whose UEAs are signed with `dossier sign` by certificates made at test time:
/// `dossier check` proves each party signed its own UEA, and catches a derde's UEA signed by
/// the bidder and an unsigned one (tender with `uea_ondertekening: elektronisch`).
@Suite struct SignedSubmissionTests {
    /// The parties of samples/submissions/achterhoek-2021 and their UEA files.
    static let parties: [(file: String, name: String, kvk: String)] = [
        ("UEA-Stichting-Kompas-Jeugdzorg-Oost.docx", "Stichting Kompas Jeugdzorg Oost", "41872365"),
        ("UEA-Zorggroep-Berkelzicht-B-V.docx", "Zorggroep Berkelzicht B.V.", "52093418"),
        ("UEA-Stichting-Gedragsexpertise-Achterhoek.docx", "Stichting Gedragsexpertise Achterhoek", "63310297"),
    ]

    struct Setup {
        var folder: String
        var tender: String
        var keys: [String: (key: String, cert: String)] = [:]
    }

    /// The complete sample copied, a key and certificate per party, the tender asking for electronic signatures.
    static func setUp() throws -> Setup {
        let folder = try TestPKI.temporaryFolder()
        let submission = folder + "/inzending"
        try FileManager.default.copyItem(atPath: Run.projectRoot + "/samples/submissions/achterhoek-2021/compleet", toPath: submission)
        let tender = try String(contentsOfFile: Run.projectRoot + "/samples/tenders/achterhoek-2021.yaml", encoding: .utf8)
            .replacingOccurrences(of: "uea_ondertekening: handgeschreven", with: "uea_ondertekening: elektronisch")
        var setup = Setup(folder: submission, tender: folder + "/tender.yaml")
        try TestPKI.write(tender, setup.tender)
        let ca = try TestPKI.ca("Dossier Test CA")
        for party in parties {
            let key = P256.Signing.PrivateKey()
            let certificate = try TestPKI.issue(.init(key.publicKey), cn: "Bestuurder", o: party.name, kvk: party.kvk,
                                                from: TestPKI.date(2020, 1, 1), to: TestPKI.date(2030, 1, 1), ca: ca)
            let keyPath = "\(folder)/\(party.kvk).key.pem", certPath = "\(folder)/\(party.kvk).cert.pem"
            try TestPKI.write(key.pemRepresentation, keyPath)
            try TestPKI.write(try TestPKI.pem(certificate), certPath)
            setup.keys[party.kvk] = (keyPath, certPath)
        }
        return setup
    }

    /// Signs a UEA of the submission in place with a party's key.
    static func sign(_ setup: Setup, file: String, as kvk: String) throws {
        let path = "\(setup.folder)/\(file)"
        guard let key = setup.keys[kvk] else { throw CocoaError(.fileNoSuchFile) }
        let run = try Run.dossier(["sign", path, "--key", key.key, "--cert", key.cert, "--time", "2021-05-03T10:00:00Z",
                                   "-o", path + ".ondertekend", "--force"])
        #expect(run.status == 0, "\(run.stderr)")
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.moveItem(atPath: path + ".ondertekend", toPath: path)
    }

    static func check(_ setup: Setup) throws -> (status: Int32, findings: [[String: Any]]) {
        let run = try Run.dossier(["check", setup.folder, "--tender", setup.tender, "--now", "2021-05-04 10:00", "--format", "json"])
        let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any] ?? [:]
        return (run.status, (report["findings"] as? [[String: Any]] ?? []).filter { $0["rule"] as? String == "signatures" })
    }

    @Test func everyPartySignedItsOwnUEA() throws {
        let setup = try Self.setUp()
        defer { try? FileManager.default.removeItem(atPath: setup.folder + "/..") }
        for party in Self.parties { try Self.sign(setup, file: party.file, as: party.kvk) }
        let (status, findings) = try Self.check(setup)
        #expect(status == 0, "\(findings)")
        #expect(findings.count == 3)
        #expect(findings.allSatisfy { $0["severity"] as? String == "info" && ($0["message"] as? String ?? "").contains("ondertekend door de partij zelf") })
    }

    @Test func aDerdesUEASignedByTheBidderIsAnError() throws {
        let setup = try Self.setUp()
        defer { try? FileManager.default.removeItem(atPath: setup.folder + "/..") }
        try Self.sign(setup, file: Self.parties[0].file, as: Self.parties[0].kvk)
        try Self.sign(setup, file: Self.parties[1].file, as: Self.parties[1].kvk)
        try Self.sign(setup, file: Self.parties[2].file, as: Self.parties[0].kvk)  // the bidder signs for the derde
        let (status, findings) = try Self.check(setup)
        #expect(status == 1)
        let errors = findings.filter { $0["severity"] as? String == "error" }
        #expect(errors.count == 1)
        let message = errors.first?["message"] as? String ?? ""
        #expect(message.contains("het UEA van derde „Stichting Gedragsexpertise Achterhoek” is ondertekend door de inschrijver"), "\(message)")
        #expect(errors.first?["file"] as? String == Self.parties[2].file)
    }

    @Test func anUnsignedUEAIsAnError() throws {
        let setup = try Self.setUp()
        defer { try? FileManager.default.removeItem(atPath: setup.folder + "/..") }
        try Self.sign(setup, file: Self.parties[0].file, as: Self.parties[0].kvk)
        try Self.sign(setup, file: Self.parties[1].file, as: Self.parties[1].kvk)
        let (status, findings) = try Self.check(setup)
        #expect(status == 1)
        let errors = findings.filter { $0["severity"] as? String == "error" }
        #expect(errors.map { $0["file"] as? String } == [Self.parties[2].file])
        let message = errors.first?["message"] as? String ?? ""
        #expect(message.contains("is niet elektronisch ondertekend"), "\(message)")
    }
}
