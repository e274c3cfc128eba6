import Foundation
import Testing
@testable import Compliance
import PackageSignatures

/// The `signatures` rule's verdict on one party's UEA: signed, intact, covering the document,
/// by the party itself (KvK first, then name), before the deadline.
@Suite struct SignaturesRuleTests {
    typealias Facts = SignaturesRule.SignatureFacts
    let derde = CheckContext.Party(role: "Derde (beroep op capaciteit)", name: "Stichting Gedragsexpertise Achterhoek", kvk: "63310297",
                                   paragraph: 55, needsUEA: true)
    let bidder: (name: String?, kvk: String?) = ("Stichting Kompas Jeugdzorg Oost", "41872365")
    let deadline = SignaturesRule.parseTime("2021-05-06T10:00:00Z")

    func facts(_ status: PackageSignature.Status = .valid, kvk: String? = nil, organization: String? = nil,
               time: String? = "2021-05-01T09:00:00Z", uncovered: [String] = []) -> Facts {
        Facts(status: status, signerKvK: kvk, signerOrganization: organization, signerName: nil,
              signingTime: time.flatMap(SignaturesRule.parseTime), uncoveredParts: uncovered, trusted: nil)
    }

    func verdict(_ signatures: [Facts]) -> SignaturesRule.Verdict {
        SignaturesRule.verdict(signatures, party: derde, bidder: bidder, deadline: deadline)
    }

    @Test func theOwnSignatureIsRecognisedByKvKThenByName() {
        #expect(verdict([facts(kvk: "63310297", organization: "Andere naam")]) == .valid(matchedBy: "KvK"))
        #expect(verdict([facts(organization: "Stichting Gedragsexpertise Achterhoek")]) == .valid(matchedBy: "naam"))
        // A KvK number in the certificate that is not the party's is not saved by a matching name.
        if case .otherSigner = verdict([facts(kvk: "99999999", organization: "Stichting Gedragsexpertise Achterhoek")]) {} else {
            Issue.record("a foreign KvK number passed")
        }
    }

    @Test func problemsAreNamed() {
        #expect(verdict([]) == .unsigned)
        #expect(verdict([facts(.broken, kvk: "63310297")]) == .broken)
        #expect(verdict([facts(.partial, kvk: "63310297", uncovered: ["word/media/image1.png"])]) == .partial(["word/media/image1.png"]))
        #expect(verdict([facts(kvk: "41872365", organization: "Stichting Kompas Jeugdzorg Oost")])
            == .otherSigner("Stichting Kompas Jeugdzorg Oost, KvK 41872365", signedByBidder: true))
        #expect(verdict([facts(kvk: "12121212", organization: "Iemand Anders B.V.")]) == .otherSigner("Iemand Anders B.V., KvK 12121212", signedByBidder: false))
        guard case .afterDeadline = verdict([facts(kvk: "63310297", time: "2021-05-07T08:00:00Z")]) else {
            Issue.record("a signature after the deadline passed"); return
        }
    }

    @Test func oneGoodSignatureOutweighsAnotherThatFails() {
        #expect(verdict([facts(.broken, kvk: "63310297"), facts(kvk: "63310297")]) == .valid(matchedBy: "KvK"))
        // With no good one, another signer is the most telling problem.
        #expect(verdict([facts(.broken), facts(kvk: "41872365")]) == .otherSigner("KvK 41872365", signedByBidder: true))
    }

    @Test func signingTimesAsSignaturesWriteThem() {
        #expect(SignaturesRule.parseTime("2018-08-31T22:38:51.034635578") == SignaturesRule.parseTime("2018-08-31T22:38:51Z"))
        #expect(SignaturesRule.parseTime("2009-08-21T09:46:20Z") != nil)
        #expect(SignaturesRule.parseTime("2021-05-06T12:00:00+02:00") == deadline)
    }
}
