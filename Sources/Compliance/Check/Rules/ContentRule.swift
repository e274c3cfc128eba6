import DocModel
import Foundation

/// `content`: no required section empty, each within its word limit, the whole dossier
/// within its word and page limits. Pages come from the editor's saved count (Metadata.pages),
/// or from rendering with LibreOffice when `--render` is given; the report names the measure.
public struct ContentRule: CheckRule {
    public let id = "content"
    public let summary = LocalizedText("secties niet leeg, binnen woord- en paginalimiet", "sections not empty, within word and page limits")
    public init() {}

    /// Fixed sections of the form whose content is fields and tables, judged by the fields rule.
    static let formSections: Set<String> = Set((DossierForm.leadingSections + DossierForm.trailingSections).map(\.id))

    public func evaluate(_ context: CheckContext) -> RuleOutput {
        guard let dossier = context.dossier, let document = dossier.document else { return RuleOutput(findings: []) }
        var findings: [Finding] = []
        var measures: [LocalizedText] = []
        for match in context.sections where match.found && match.required {
            let title = match.title ?? match.rule.title
            if match.words == 0 && !Self.formSections.contains(match.rule.id) {
                findings.append(finding(.error, LocalizedText("sectie „\(title)” is leeg", "section “\(title)” is empty"),
                                        file: dossier.name, section: title, paragraph: match.paragraph, field: match.rule.id,
                                        hint: LocalizedText("beantwoord „\(match.rule.title)” in deze sectie", "answer “\(match.rule.title)” in this section")))
                continue
            }
            if let limit = match.rule.maxWords, match.words > limit {
                findings.append(finding(.error, LocalizedText("sectie „\(title)” telt \(match.words) woorden, meer dan de \(limit) toegestaan",
                                                              "section “\(title)” has \(match.words) words, more than the \(limit) allowed"),
                                        file: dossier.name, section: title, paragraph: match.paragraph, field: match.rule.id,
                                        hint: LocalizedText("kort de tekst met \(match.words - limit) woorden in", "shorten the text by \(match.words - limit) words")))
            }
            if match.rule.maxPages != nil {
                measures.append(LocalizedText("paginalimieten per sectie zijn niet gemeten (alleen het totaal)", "page limits per section are not measured (only the total)"))
            }
        }
        let outline = dossier.outline ?? Outline(document: document)
        if let limit = context.profile.dossier.maxWords, outline.totalWords > limit {
            findings.append(finding(.error, LocalizedText("het dossier telt \(outline.totalWords) woorden, meer dan de \(limit) toegestaan",
                                                          "the dossier has \(outline.totalWords) words, more than the \(limit) allowed"),
                                    file: dossier.name, hint: LocalizedText("kort de antwoorden in", "shorten the answers")))
        }
        if let limit = context.profile.dossier.maxPages {
            findings += pages(limit: limit, dossier: dossier, document: document, context: context, measures: &measures)
        }
        return RuleOutput(findings: findings, measures: measures)
    }

    func pages(limit: Int, dossier: SubmissionFile, document: Document, context: CheckContext, measures: inout [LocalizedText]) -> [Finding] {
        var count: Int?
        var measure: LocalizedText?
        if context.options.render {
            if case .counted(let rendered)? = dossier.renderedPages {
                count = rendered
                measure = LocalizedText("pagina's geteld door het dossier met LibreOffice naar PDF om te zetten", "pages counted by rendering the dossier to PDF with LibreOffice")
            } else {
                measures.append(LocalizedText("--render: LibreOffice (soffice) niet gevonden of omzetten mislukt; opgeslagen paginatelling gebruikt",
                                                 "--render: LibreOffice (soffice) not found or conversion failed; saved page count used"))
            }
        }
        if count == nil, let saved = document.metadata.pages {
            count = saved
            measure = LocalizedText("pagina's volgens de paginatelling die de editor heeft opgeslagen (Metadata.pages)", "pages from the page count the editor saved (Metadata.pages)")
        }
        guard let count, let measure else {
            measures.append(LocalizedText("paginalimiet niet gecontroleerd: geen opgeslagen paginatelling; gebruik --render met LibreOffice",
                                             "page limit not checked: no saved page count; use --render with LibreOffice"))
            return [finding(.info, LocalizedText("paginalimiet (\(limit)) niet gecontroleerd: het document bevat geen opgeslagen paginatelling",
                                                 "page limit (\(limit)) not checked: the document has no saved page count"),
                            file: dossier.name, hint: LocalizedText("sla het document op in Word of LibreOffice, of controleer met --render", "save the document in Word or LibreOffice, or check with --render"))]
        }
        measures.append(measure)
        if count > limit {
            return [finding(.error, LocalizedText("het dossier telt \(count) pagina's, meer dan de \(limit) toegestaan (\(measure.nl))",
                                                  "the dossier has \(count) pages, more than the \(limit) allowed (\(measure.en))"),
                            file: dossier.name, hint: LocalizedText("breng het dossier terug tot \(limit) pagina's", "bring the dossier down to \(limit) pages"))]
        }
        return []
    }
}
