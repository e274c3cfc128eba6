import DocModel
import Foundation

/// `fields`: required fields filled, no placeholder left, KvK and AGB of 8 digits, patterns
/// met, and the chosen percelen and segmenten exist in the tender.
public struct FieldsRule: FindingsRule {
    public let id = "fields"
    public let summary = LocalizedText("velden ingevuld, geen plaatshouders, KvK/AGB 8 cijfers, percelen bestaan", "fields filled, no placeholders, KvK/AGB 8 digits, percelen exist")
    public init() {}

    public func check(_ context: CheckContext) -> [Finding] {
        guard let dossier = context.dossier, let view = context.view else { return [] }
        var findings: [Finding] = []
        var reportedParagraphs = Set<Int>()
        for rule in context.profile.dossier.fields {
            let value = context.field(rule.tag, label: rule.label)
            guard let value, value.filled else {
                if rule.required {
                    let how = value == nil
                        ? LocalizedText("veld „\(rule.label)” ontbreekt in het dossier", "field “\(rule.label)” is missing from the dossier")
                        : LocalizedText("verplicht veld „\(rule.label)” is niet ingevuld", "required field “\(rule.label)” is not filled in")
                    findings.append(finding(.error, how, file: dossier.name, section: value?.section, paragraph: value?.paragraph, field: rule.tag,
                                            hint: value == nil
                                                ? LocalizedText("neem een regel „\(rule.label): …” op of gebruik het formulier", "add a line “\(rule.label): …” or use the form")
                                                : LocalizedText("vul „\(rule.label)” in", "fill in “\(rule.label)”")))
                    if let paragraph = value?.paragraph { reportedParagraphs.insert(paragraph) }
                }
                continue
            }
            if let pattern = rule.pattern {
                let eight = pattern == DossierForm.eightDigits
                let candidate = eight ? value.value.filter { !$0.isWhitespace && $0 != "." } : value.value.trimmingCharacters(in: .whitespaces)
                if candidate.range(of: pattern, options: .regularExpression) == nil {
                    let message = eight
                        ? LocalizedText("\(rule.label) „\(value.value)” heeft geen 8 cijfers", "\(rule.label) “\(value.value)” does not have 8 digits")
                        : LocalizedText("\(rule.label) „\(value.value)” heeft niet de juiste vorm", "\(rule.label) “\(value.value)” is not in the right form")
                    findings.append(finding(.error, message, file: dossier.name, section: value.section, paragraph: value.paragraph, field: rule.tag,
                                            hint: eight ? LocalizedText("vul precies 8 cijfers in, zoals in het register", "enter exactly 8 digits, as in the register")
                                                        : LocalizedText("controleer de invoer", "check the entry")))
                }
            }
        }
        // Party KvK numbers.
        for party in context.parties where party.paragraph != nil {
            if let kvk = party.kvk, kvk.count != 8 {
                findings.append(finding(.error, LocalizedText("KvK-nummer van „\(party.name)” heeft geen 8 cijfers", "KvK number of “\(party.name)” does not have 8 digits"),
                                        file: dossier.name, section: DossierForm.leadingSections[1].title, paragraph: party.paragraph, field: "kvk",
                                        hint: LocalizedText("vul precies 8 cijfers in", "enter exactly 8 digits")))
            }
        }
        // Chosen percelen and segmenten.
        let choice = context.choice
        let candidates = context.profile.lots.flatMap { [$0.name] + $0.segments.map(\.name) }
        for item in choice.unknown {
            let near = TextMatch.nearest(item, in: candidates)
            findings.append(finding(.error, LocalizedText("„\(item)” is geen perceel of segment van deze aanbesteding", "“\(item)” is not a perceel or segment of this tender"),
                                    file: dossier.name, section: context.field("percelen")?.section, paragraph: context.field("percelen")?.paragraph, field: "percelen",
                                    hint: near.map { LocalizedText("bedoelde je „\($0)”?", "did you mean “\($0)”?") }
                                        ?? LocalizedText("kies uit: \(candidates.joined(separator: ", "))", "choose from: \(candidates.joined(separator: ", "))")))
        }
        if let field = context.field("percelen"), field.filled, !choice.known, choice.unknown.isEmpty {
            findings.append(finding(.warning, LocalizedText("in „\(field.value)” is geen perceel of segment van deze aanbesteding herkend", "no perceel or segment of this tender recognised in “\(field.value)”"),
                                    file: dossier.name, section: field.section, paragraph: field.paragraph, field: "percelen",
                                    hint: LocalizedText("noem de percelen en segmenten met hun naam uit de selectieleidraad", "name the percelen and segmenten as in the selectieleidraad")))
        }
        // Placeholders left in the text.
        for paragraph in view.paragraphs where !paragraph.inPlaceholder && !reportedParagraphs.contains(paragraph.number) {
            if paragraph.style.map({ TextMatch.normalize($0) == "toelichting" }) == true { continue }
            let text = paragraph.filledText
            if let placeholder = TextMatch.placeholderInside(text) ?? (TextMatch.isPlaceholder(text) && !text.isEmpty ? text : nil) {
                findings.append(finding(.error, LocalizedText("plaatshouder „\(placeholder)” staat nog in de tekst", "placeholder “\(placeholder)” is still in the text"),
                                        file: dossier.name, section: paragraph.section, paragraph: paragraph.number,
                                        hint: LocalizedText("vervang de plaatshouder door de juiste tekst", "replace the placeholder with the right text")))
            }
        }
        return findings
    }
}
