import DocModel
import DutchTime
import Foundation
import PackageSignatures

/// `signatures`: each party that must submit a UEA signed it itself. Under the tender's
/// `uea_ondertekening: elektronisch` (the default) its UEA document carries a package signature
/// that is valid, covers the document, was made with a certificate of that party (KvK number from
/// `organizationIdentifier` `NTRNL-…`, else the organisation name) and was made before the
/// deadline. A derde's UEA signed by the bidder is an error: a derde signs its own UEA (seed 002).
/// Handwritten signatures cannot be verified: information only.
public struct SignaturesRule: FindingsRule {
    public let id = "signatures"
    public let summary = LocalizedText("elk UEA ondertekend door de partij zelf", "every UEA signed by the party itself")
    public init() {}

    /// What the rule needs to know of one signature.
    struct SignatureFacts: Sendable {
        var status: PackageSignature.Status
        var signerKvK: String?
        var signerOrganization: String?
        var signerName: String?
        var signingTime: Date?
        var uncoveredParts: [String]
        var trusted: Bool?
    }

    enum Verdict: Equatable, Sendable {
        case unsigned
        case broken
        case partial([String])
        case otherSigner(String, signedByBidder: Bool)
        case afterDeadline(Date)
        case valid(matchedBy: String)
    }

    /// The verdict on the signatures of one party's UEA: the first signature that holds and is the
    /// party's own makes it good; otherwise the most telling problem.
    static func verdict(_ signatures: [SignatureFacts], party: CheckContext.Party, bidder: (name: String?, kvk: String?),
                        deadline: Date?) -> Verdict {
        guard !signatures.isEmpty else { return .unsigned }
        var problems: [Verdict] = []
        for signature in signatures {
            switch signature.status {
            case .broken:
                problems.append(.broken)
                continue
            case .partial:
                problems.append(.partial(signature.uncoveredParts))
                continue
            case .valid:
                break
            }
            let own: String?
            if let kvk = signature.signerKvK, let partyKvK = party.kvk, kvk == partyKvK {
                own = "KvK"
            } else if signature.signerKvK == nil, let organization = signature.signerOrganization,
                      TextMatch.normalize(organization) == TextMatch.normalize(party.name) {
                own = "naam"
            } else {
                own = nil
            }
            guard let matchedBy = own else {
                let who = [signature.signerOrganization ?? signature.signerName, signature.signerKvK.map { "KvK \($0)" }]
                    .compactMap { $0 }.joined(separator: ", ")
                let byBidder = (signature.signerKvK != nil && signature.signerKvK == bidder.kvk)
                    || (signature.signerOrganization.map { TextMatch.normalize($0) } == bidder.name.map { TextMatch.normalize($0) } && bidder.name != nil)
                problems.append(.otherSigner(who.isEmpty ? "?" : who, signedByBidder: byBidder))
                continue
            }
            if let deadline, let time = signature.signingTime, time > deadline {
                problems.append(.afterDeadline(time))
                continue
            }
            return .valid(matchedBy: matchedBy)
        }
        // The most specific problem: another signer, then lateness, coverage, breakage.
        return problems.first { if case .otherSigner = $0 { true } else { false } }
            ?? problems.first { if case .afterDeadline = $0 { true } else { false } }
            ?? problems.first { if case .partial = $0 { true } else { false } }
            ?? problems.first ?? .unsigned
    }

    static func facts(_ report: SignatureVerificationReport?) -> [SignatureFacts] {
        (report?.signatures ?? []).map { signature in
            SignatureFacts(
                status: signature.status, signerKvK: signature.signer?.kvkNumber, signerOrganization: signature.signer?.organization,
                signerName: signature.signer?.commonName, signingTime: signature.signingTime.flatMap(parseTime),
                uncoveredParts: signature.uncoveredParts, trusted: nil)
        }
    }

    /// Signing times as signatures claim them: ISO 8601, with or without fractions and zone
    /// (no zone: UTC, as the verifier reads them).
    static func parseTime(_ text: String) -> Date? {
        DutchTime.parse(text, zone: DutchTime.utc)?.date
    }

    public func check(_ context: CheckContext) -> [Finding] {
        let mode = context.profile.parties.ueaSignature ?? "elektronisch"
        guard mode != "geen" else { return [] }
        var findings: [Finding] = []
        let documents = context.submission.ueas.filter { $0.kind == .uea }
        for party in context.parties where party.needsUEA {
            let ueas = documents.filter { PartiesRule.names(party, $0) }
            guard !ueas.isEmpty else { continue }  // `parties` reports a missing UEA
            let label = "„\(party.name)”"
            if mode == "handgeschreven" {
                for uea in ueas {
                    findings.append(finding(.info, LocalizedText("handgeschreven ondertekening van het UEA van \(label) kan niet worden gecontroleerd",
                                                                 "the handwritten signature on the UEA of \(label) cannot be verified"), file: uea.name))
                }
                continue
            }
            // Electronic: the party's UEA documents, the best verdict counts.
            let verdicts = ueas.map { uea in
                (uea, Self.verdict(Self.facts(uea.signatures), party: party, bidder: (context.bidderName, context.bidderKvK), deadline: context.deadline))
            }
            if let good = verdicts.first(where: { if case .valid = $0.1 { true } else { false } }) {
                if case .valid(let matchedBy) = good.1 {
                    findings.append(finding(.info, LocalizedText(
                        "UEA van \(label) is ondertekend door de partij zelf (herkend aan \(matchedBy == "KvK" ? "het KvK-nummer" : "de naam") in het certificaat); het certificaat zelf is niet tegen een vertrouwenslijst gecontroleerd",
                        "the UEA of \(label) is signed by the party itself (recognised by \(matchedBy == "KvK" ? "the KvK number" : "the name") in the certificate); the certificate itself was not checked against a trust list"),
                        file: good.0.name))
                }
                continue
            }
            guard let (uea, verdict) = verdicts.first else { continue }
            let isDerde = TextMatch.normalize(party.role).contains("derde")
            switch verdict {
            case .unsigned:
                findings.append(finding(.error, LocalizedText("UEA van \(label) is niet elektronisch ondertekend", "the UEA of \(label) is not signed electronically"),
                                        file: uea.name, hint: LocalizedText("laat \(label) het UEA zelf ondertekenen (bijvoorbeeld met eHerkenning of een PKIoverheid-certificaat)",
                                                                             "have \(label) sign the UEA itself (for instance with eHerkenning or a PKIoverheid certificate)")))
            case .broken:
                findings.append(finding(.error, LocalizedText("de handtekening op het UEA van \(label) klopt niet: het document is na ondertekening gewijzigd of de handtekening is beschadigd",
                                                              "the signature on the UEA of \(label) does not hold: the document was changed after signing or the signature is damaged"),
                                        file: uea.name, hint: LocalizedText("laat \(label) de definitieve versie opnieuw ondertekenen en wijzig daarna niets meer",
                                                                             "have \(label) sign the final version again and change nothing after that")))
            case .partial(let parts):
                findings.append(finding(.error, LocalizedText("de handtekening op het UEA van \(label) dekt niet het hele document (niet gedekt: \(parts.joined(separator: ", ")))",
                                                              "the signature on the UEA of \(label) does not cover the whole document (not covered: \(parts.joined(separator: ", ")))"),
                                        file: uea.name, hint: LocalizedText("onderteken pas als het document af is", "sign only when the document is final")))
            case .otherSigner(let who, let signedByBidder):
                let message = isDerde && signedByBidder
                    ? LocalizedText("het UEA van derde \(label) is ondertekend door de inschrijver (\(who)); een derde ondertekent zijn eigen UEA",
                                    "the UEA of derde \(label) is signed by the bidder (\(who)); a derde signs its own UEA")
                    : LocalizedText("het UEA van \(label) is ondertekend door \(who), niet door \(label) zelf",
                                    "the UEA of \(label) is signed by \(who), not by \(label) itself")
                findings.append(finding(.error, message, file: uea.name,
                                        hint: LocalizedText("laat \(label) het UEA zelf ondertekenen met een certificaat op naam van de organisatie (met KvK-nummer)",
                                                            "have \(label) sign the UEA itself with a certificate in the organisation's name (with its KvK number)")))
            case .afterDeadline(let time):
                findings.append(finding(.error, LocalizedText("het UEA van \(label) is ondertekend na de sluitingstermijn (\(DutchTime.dateTime(time)))",
                                                              "the UEA of \(label) was signed after the deadline (\(DutchTime.dateTime(time, english: true)))"),
                                        file: uea.name))
            case .valid:
                break
            }
        }
        return findings
    }
}
