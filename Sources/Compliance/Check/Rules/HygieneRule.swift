import DocModel
import Foundation

/// `hygiene`: what must not travel with a submitted document — unaccepted tracked changes,
/// comments, hidden text, macros, external links or templates, embedded files, metadata naming
/// another organisation, and numbers that pass the BSN 11-test (client data).
public struct HygieneRule: FindingsRule {
    public let id = "hygiene"
    public let summary = LocalizedText("geen wijzigingen, opmerkingen, verborgen tekst, macro's, externe koppelingen, vreemde metadata of BSN's", "no changes, comments, hidden text, macros, external links, foreign metadata or BSNs")
    public init() {}

    /// The 11-test (elfproef) of a BSN: 9 digits, Σ dᵢ·(9…2) − d₉ ≡ 0 (mod 11), not all zero.
    public static func passesElevenTest(_ digits: String) -> Bool {
        let values = digits.compactMap(\.wholeNumberValue)
        guard values.count == 9, values.contains(where: { $0 != 0 }) else { return false }
        var sum = 0
        for (index, value) in values.enumerated() { sum += index < 8 ? value * (9 - index) : -value }
        return sum % 11 == 0
    }

    /// Numbers that pass the 11-test: 9 digits standing alone (or written 1234.56.789), not part of a
    /// longer number, an IBAN, a phone number with separators or a date.
    public static func bsnCandidates(_ text: String) -> [String] {
        var result: [String] = []
        let pattern = #"(?<![0-9A-Za-z+\-./])([0-9]{9}|[0-9]{4}\.[0-9]{2}\.[0-9]{3})(?![0-9A-Za-z\-/]|[.,][0-9])"#
        var range = text.startIndex..<text.endIndex
        while let found = text.range(of: pattern, options: .regularExpression, range: range) {
            let digits = TextMatch.digits(String(text[found]))
            let before = text[text.index(found.lowerBound, offsetBy: -min(14, text.distance(from: text.startIndex, to: found.lowerBound)))..<found.lowerBound].lowercased()
            let phone = before.contains("+") || before.contains("tel") || before.contains("fax") || before.contains("iban") || before.contains("rekening")
            if !phone, passesElevenTest(digits) { result.append(String(text[found])) }
            range = found.upperBound..<text.endIndex
        }
        return result
    }

    static let organisationWords = ["b v", "bv", "n v", "nv", "stichting", "vereniging", "cooperatie", "gemeente", "zorg", "groep", "holding", "v o f", "vof", "instelling", "ggz", "jeugd", "wonen", "consult", "advies", "company", "inc", "ltd", "gmbh"]

    static func looksLikeOrganisation(_ name: String) -> Bool {
        let n = " " + TextMatch.normalize(name) + " "
        return organisationWords.contains { n.contains(" " + $0 + " ") || ($0.count > 4 && n.contains($0)) }
    }

    static func isOwn(_ name: String, own: [String]) -> Bool {
        let n = TextMatch.normalize(name)
        if n.isEmpty || n == "dossier" { return true }
        return own.contains { other in
            let o = TextMatch.normalize(other)
            return !o.isEmpty && (o.contains(n) || n.contains(o))
        }
    }

    public func check(_ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        let own = context.ownNames
        for file in context.submission.files {
            if let document = file.document { findings += documentFindings(file, document, own: own) }
            // Client data: BSN-like numbers in any readable text.
            if !file.text.isEmpty {
                for candidate in Set(Self.bsnCandidates(file.text)).sorted() {
                    let paragraph = file.document.flatMap { _ in context.view.flatMap { view in file.name == context.dossier?.name
                        ? view.paragraphs.first { $0.text.contains(candidate) }?.number : nil } }
                    findings.append(finding(.error, LocalizedText("„\(candidate)” voldoet aan de elfproef: mogelijk een BSN (cliëntgegevens horen niet in de inzending)",
                                                                  "“\(candidate)” passes the 11-test: possibly a BSN (client data must not be in the submission)"),
                                            file: file.name, paragraph: paragraph,
                                            hint: LocalizedText("verwijder het nummer of maak het onherleidbaar", "remove the number or make it untraceable")))
                }
            }
        }
        return findings
    }

    func documentFindings(_ file: SubmissionFile, _ document: Document, own: [String]) -> [Finding] {
        var findings: [Finding] = []
        let flags = file.flags ?? DocumentFlags(document: document)
        let name = file.name
        if flags.trackedChanges > 0 {
            findings.append(finding(.error, LocalizedText("\(flags.trackedChanges) niet-geaccepteerde wijziging(en) bijhouden", "\(flags.trackedChanges) unaccepted tracked change(s)"), file: name,
                                    hint: LocalizedText("accepteer of verwerp alle wijzigingen (Controleren › Accepteren) en zet bijhouden uit", "accept or reject all changes (Review › Accept) and turn tracking off")))
        }
        if flags.comments > 0 {
            findings.append(finding(.warning, LocalizedText("\(flags.comments) opmerking(en) in het document", "\(flags.comments) comment(s) in the document"), file: name,
                                    hint: LocalizedText("verwijder alle opmerkingen", "delete all comments")))
        }
        if flags.hiddenText > 0 {
            findings.append(finding(.warning, LocalizedText("verborgen tekst (\(flags.hiddenText)×)", "hidden text (\(flags.hiddenText)×)"), file: name,
                                    hint: LocalizedText("maak de tekst zichtbaar of verwijder hem", "make the text visible or delete it")))
        }
        if document.format == .pdf {
            return findings + pdfFindings(flags, name: name)
        }
        if !flags.macros.isEmpty {
            findings.append(finding(.error, LocalizedText("het document bevat macro's (\(flags.macros.joined(separator: ", ")))", "the document contains macros (\(flags.macros.joined(separator: ", ")))"), file: name,
                                    hint: LocalizedText("sla op als .docx of .odt zonder macro's", "save as .docx or .odt without macros")))
        }
        if !flags.externalReferences.isEmpty {
            findings.append(finding(.warning, LocalizedText("externe koppelingen of sjabloon: \(flags.externalReferences.joined(separator: ", "))", "external links or template: \(flags.externalReferences.joined(separator: ", "))"), file: name,
                                    hint: LocalizedText("verbreek de koppelingen (afbeeldingen invoegen in plaats van koppelen; sjabloon loskoppelen)", "break the links (embed images instead of linking; detach the template)")))
        }
        if !flags.embeddedObjects.isEmpty {
            findings.append(finding(.warning, LocalizedText("ingesloten bestanden: \(flags.embeddedObjects.joined(separator: ", "))", "embedded files: \(flags.embeddedObjects.joined(separator: ", "))"), file: name,
                                    hint: LocalizedText("lever bijlagen als losse bestanden aan", "supply attachments as separate files")))
        }
        let metadata = document.metadata
        var foreign: [(String, String)] = []
        if let company = metadata.company, !company.isEmpty, !Self.isOwn(company, own: own) { foreign.append(("company", company)) }
        for (key, value) in [("creator", metadata.creator), ("lastModifiedBy", metadata.lastModifiedBy)] {
            if let value, !value.isEmpty, Self.looksLikeOrganisation(value), !Self.isOwn(value, own: own) { foreign.append((key, value)) }
        }
        for (key, value) in foreign where !own.isEmpty {
            findings.append(finding(.warning, LocalizedText("metadata (\(key)) noemt een andere organisatie: „\(value)”", "metadata (\(key)) names another organisation: “\(value)”"),
                                    file: name, field: key,
                                    hint: LocalizedText("wis de documenteigenschappen (Bestand › Info › Document inspecteren)", "clear the document properties (File › Info › Inspect Document)")))
        }
        return findings
    }

    /// A PDF's scripts, launch actions and embedded files. Its metadata is not judged: evidence
    /// PDFs come from others (the KvK, a certifier) and carry their names.
    func pdfFindings(_ flags: DocumentFlags, name: String) -> [Finding] {
        var findings: [Finding] = []
        if !flags.macros.isEmpty {
            findings.append(finding(.error, LocalizedText("de PDF bevat JavaScript", "the PDF contains JavaScript"), file: name,
                                    hint: LocalizedText("maak de PDF opnieuw zonder scripts (bijvoorbeeld met Afdrukken naar PDF)", "make the PDF again without scripts (for instance with Print to PDF)")))
        }
        if !flags.externalReferences.isEmpty {
            findings.append(finding(.error, LocalizedText("de PDF start programma's of bestanden: \(flags.externalReferences.joined(separator: ", "))",
                                                          "the PDF launches programs or files: \(flags.externalReferences.joined(separator: ", "))"), file: name,
                                    hint: LocalizedText("maak de PDF opnieuw zonder koppelingen die iets starten", "make the PDF again without links that launch anything")))
        }
        if !flags.embeddedObjects.isEmpty {
            findings.append(finding(.warning, LocalizedText("ingesloten bestanden in de PDF: \(flags.embeddedObjects.joined(separator: ", "))",
                                                            "files embedded in the PDF: \(flags.embeddedObjects.joined(separator: ", "))"), file: name,
                                    hint: LocalizedText("lever bijlagen als losse bestanden aan", "supply attachments as separate files")))
        }
        return findings
    }
}
