import Foundation
import Testing

@Suite(.enabled(if: Run.corpusAvailable, "corpus absent: ../shared/corpus not found beside the package"))
struct VerifyCommandTests {
    static let signed = Run.corpus + "/signed"

    @Test func validSignatureExitsZeroInDutch() throws {
        let run = try Run.dossier(["verify", Self.signed + "/odf/good.odt"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Handtekening 1"))
        #expect(run.stdout.contains("geldig"))
        #expect(run.stdout.contains("ondertekenaar niet geverifieerd"))
    }

    @Test func trustedJSON() throws {
        let run = try Run.dossier(["verify", "--json", "--trust", Self.signed + "/odf/ca-chain.cert.pem", Self.signed + "/odf/good.odt"])
        #expect(run.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let signatures = json?["signatures"] as? [[String: Any]]
        #expect(signatures?.count == 1)
        let first = signatures?.first
        #expect(first?["status"] as? String == "valid")
        #expect((first?["certificate"] as? [String: Any])?["trusted"] as? Bool == true)
        #expect((first?["signer"] as? [String: Any])?["commonName"] as? String == "odfsig test example alice")
        #expect(first?["signingTime"] as? String == "2018-08-31T22:38:51.034635578")
        #expect((first?["uncoveredParts"] as? [String])?.isEmpty == true)
        #expect((first?["references"] as? [Any])?.count == 10)
    }

    @Test func brokenOrMissingSignatureExitsOne() throws {
        #expect(try Run.dossier(["verify", Self.signed + "/odf/bad.odt"]).status == 1)
        #expect(try Run.dossier(["verify", Self.signed + "/ooxml/hello-world-unsigned.docx"]).status == 1)
        let both = try Run.dossier(["verify", "--lang", "en", Self.signed + "/ooxml/hello-world-signed.docx", Self.signed + "/odf/bad.odt"])
        #expect(both.status == 1)
        #expect(both.stdout.contains("BROKEN"))
    }

    @Test func unreadableExitsTwo() throws {
        let run = try Run.dossier(["verify", Self.signed + "/odf/missing.odt"])
        #expect(run.status == 2)
        #expect(run.stderr.split(separator: "\n").count == 1)
    }
}
