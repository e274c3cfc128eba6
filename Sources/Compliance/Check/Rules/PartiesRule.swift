import DocModel
import Foundation

/// `parties`: every party the dossier names with a role that needs a UEA (the bidder, combination
/// members, derden) has a UEA in the submission that names it (by KvK number, then by name); a UEA
/// for a party the dossier does not name is a warning. Who signed each UEA is the `signatures` rule's.
public struct PartiesRule: CheckRule {
    public let id = "parties"
    public let summary = LocalizedText("een UEA per combinant en derde", "a UEA per combination member and derde")
    public init() {}

    /// 8-digit numbers in a text (KvK numbers), also written with spaces or dots ("1234 5678").
    static func eightDigitNumbers(_ text: String) -> Set<String> {
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
        return findings
    }
}
