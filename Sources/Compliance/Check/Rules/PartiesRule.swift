import DocModel
import Foundation

/// `parties`: every party the dossier names with a role that needs a UEA (the bidder, combination
/// members, derden) has a UEA in the submission that names it (by KvK number, then by name); a UEA
/// for a party the dossier does not name is a warning. Who signed each UEA is the `signatures` rule's.
public struct PartiesRule: FindingsRule {
    public let id = "parties"
    public let summary = LocalizedText("een UEA per combinant en derde", "a UEA per combination member and derde")
    public init() {}

    /// 8-digit numbers in a text (KvK numbers), also written with spaces or dots ("1234 5678").
    static func eightDigitNumbers(_ text: String) -> Set<String> {
        // Asked for each party against every file: long texts are searched once.
        if text.utf8.count >= TextMemo<Set<String>>.minimumLength { return numbersInTexts.value(for: text, findEightDigitNumbers) }
        return findEightDigitNumbers(text)
    }

    private static let numbersInTexts = TextMemo<Set<String>>("dossier.PartiesRule.eightDigitNumbers")

    private static func findEightDigitNumbers(_ text: String) -> Set<String> {
        var result = Set<String>()
        let pattern = #"(?<![0-9])[0-9]{2}[ .]?[0-9]{2}[ .]?[0-9]{2}[ .]?[0-9]{2}(?![0-9])"#
        var searchRange = text.startIndex..<text.endIndex
        while let range = text.range(of: pattern, options: .regularExpression, range: searchRange) {
            result.insert(TextMatch.digits(String(text[range])))
            searchRange = range.upperBound..<text.endIndex
        }
        return result
    }

    static func names(_ party: CheckContext.Party, _ file: SubmissionFile) -> Bool {
        if let kvk = party.kvk, kvk.count == 8, eightDigitNumbers(file.text).contains(kvk) { return true }
        let name = TextMatch.normalize(party.name)
        return !name.isEmpty && (" " + TextMatch.normalize(file.text) + " ").contains(" " + name + " ")
    }

    public func check(_ context: CheckContext) -> [Finding] {
        guard let dossier = context.dossier else { return [] }
        var findings: [Finding] = []
        let ueas = context.submission.ueas
        var matched = Set<String>()
        for party in context.parties where party.needsUEA {
            if let uea = ueas.first(where: { Self.names(party, $0) }) {
                matched.insert(uea.name)
                // Every UEA naming this party counts as its own (a DOCX and its ESPD XML).
                for other in ueas where Self.names(party, other) { matched.insert(other.name) }
                continue
            }
            let role = party.role.isEmpty ? LocalizedText("partij", "party") : LocalizedText(party.role.lowercased(), party.role.lowercased())
            findings.append(finding(.error, LocalizedText("geen UEA gevonden voor \(role.nl) „\(party.name)”\(party.kvk.map { " (KvK \($0))" } ?? "")",
                                                          "no UEA found for \(role.en) “\(party.name)”\(party.kvk.map { " (KvK \($0))" } ?? "")"),
                                    file: dossier.name, section: DossierForm.leadingSections[1].title, paragraph: party.paragraph, field: "partijen",
                                    hint: LocalizedText("voeg het UEA van „\(party.name)” toe, ingevuld en ondertekend door die partij zelf, met naam en KvK-nummer",
                                                        "add the UEA of “\(party.name)”, filled in and signed by that party itself, with name and KvK number")))
        }
        for uea in ueas where !matched.contains(uea.name) {
            findings.append(finding(.warning, LocalizedText("UEA voor een partij die het dossier niet noemt", "UEA for a party the dossier does not name"),
                                    file: uea.name, hint: LocalizedText("vermeld de partij met rol en KvK-nummer in „Betrokken partijen”, of verwijder dit UEA",
                                                                        "list the party with role and KvK number under “Betrokken partijen”, or remove this UEA")))
        }
        findings += relianceFindings(context, dossier: dossier.name)
        return findings
    }

    /// The bidder's ESPD says whether it relies on other entities (Part II.C) and which: that must
    /// agree with the derden the dossier lists.
    func relianceFindings(_ context: CheckContext, dossier: String) -> [Finding] {
        let derden = context.parties.filter { TextMatch.normalize($0.role).contains("derde") }
        var findings: [Finding] = []
        for file in context.submission.files where file.kind == .espd {
            guard let espd = file.espd, let economicOperator = espd.economicOperator else { continue }
            // Only the bidder's own response (sole tenderer or group lead) speaks for the bid.
            guard espd.role == nil || espd.role == .soleTenderer || espd.role == .groupLead else { continue }
            let isBidder = (economicOperator.kvkNumber != nil && economicOperator.kvkNumber == context.bidderKvK)
                || (economicOperator.name.map(TextMatch.normalize) == context.bidderName.map(TextMatch.normalize) && context.bidderName != nil)
            guard isBidder else { continue }
            if espd.reliesOnOtherEntities == false, !derden.isEmpty {
                findings.append(finding(.error, LocalizedText(
                    "volgens het UEA (ESPD) van de inschrijver doet die geen beroep op derden, maar het dossier noemt \(derden.count) derde(n)",
                    "according to the bidder's UEA (ESPD) it relies on no other entities, but the dossier lists \(derden.count) derde(n)"),
                    file: file.name, hint: LocalizedText("beantwoord deel II.C van het UEA met ja en noem de derden, of haal ze uit het dossier",
                                                         "answer Part II.C of the UEA with yes and name the derden, or remove them from the dossier")))
            } else if espd.reliesOnOtherEntities == true, derden.isEmpty {
                findings.append(finding(.error, LocalizedText(
                    "volgens het UEA (ESPD) van de inschrijver doet die een beroep op derden, maar het dossier noemt geen derde",
                    "according to the bidder's UEA (ESPD) it relies on other entities, but the dossier lists no derde"),
                    file: file.name, hint: LocalizedText("noem de derden met rol en KvK-nummer in „Betrokken partijen”, elk met een eigen UEA",
                                                         "list the derden with role and KvK number under “Betrokken partijen”, each with its own UEA")))
            }
            // Named relied-upon entities must be derden of the dossier.
            for entity in espd.reliedUponEntities {
                let known = derden.contains { derde in
                    (entity.kvkNumber != nil && entity.kvkNumber == derde.kvk)
                        || (entity.name.map(TextMatch.normalize) == TextMatch.normalize(derde.name))
                }
                if !known {
                    findings.append(finding(.error, LocalizedText(
                        "het UEA (ESPD) van de inschrijver noemt derde „\(entity.name ?? entity.kvkNumber ?? "?")”, die het dossier niet noemt",
                        "the bidder's UEA (ESPD) names derde “\(entity.name ?? entity.kvkNumber ?? "?")”, which the dossier does not list"),
                        file: file.name, hint: LocalizedText("maak de derden in UEA en dossier gelijk", "make the derden in UEA and dossier the same")))
                }
            }
        }
        return findings
    }
}
