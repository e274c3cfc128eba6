import DocModel

/// `sections`: every required section is present (tolerant of numbering, case, accents and
/// punctuation; a near miss is named) and in the required order.
public struct SectionsRule: FindingsRule {
    public let id = "sections"
    public let summary = LocalizedText("verplichte secties aanwezig en in volgorde", "required sections present and in order")
    public init() {}

    public func check(_ context: CheckContext) -> [Finding] {
        guard let dossier = context.dossier, let view = context.view else { return [] }
        var findings: [Finding] = []
        let sections = context.sections
        let unused = view.headings.indices.filter { !context.usedHeadings.contains($0) }.map { view.headings[$0] }
        for match in sections where match.required && !match.found {
            var hint = LocalizedText("voeg de sectie „\(match.rule.title)” toe met die kop", "add the section “\(match.rule.title)” with that heading")
            if let near = TextMatch.nearest(match.rule.title, in: unused.map(\.title)) {
                hint = LocalizedText("bedoelde je „\(near)”? Gebruik de kop „\(match.rule.title)”", "did you mean “\(near)”? Use the heading “\(match.rule.title)”")
            }
            findings.append(finding(.error, LocalizedText("verplichte sectie „\(match.rule.title)” ontbreekt\(scope(match, context, .nl))",
                                                          "required section “\(match.rule.title)” is missing\(scope(match, context, .en))"),
                                    file: dossier.name, section: match.rule.title, field: match.rule.id, hint: hint))
        }
        // Order: the found sections must follow the profile's order.
        var last: (paragraph: Int, title: String)?
        for match in sections where match.found {
            guard let paragraph = match.paragraph else { continue }
            if let previous = last, paragraph < previous.paragraph {
                findings.append(finding(.warning, LocalizedText("sectie „\(match.title ?? match.rule.title)” staat vóór „\(previous.title)”, maar hoort erna",
                                                                "section “\(match.title ?? match.rule.title)” comes before “\(previous.title)” but belongs after it"),
                                        file: dossier.name, section: match.title ?? match.rule.title, paragraph: paragraph, field: match.rule.id,
                                        hint: LocalizedText("zet de secties in de volgorde van het formulier", "put the sections in the form's order")))
                continue
            }
            last = (paragraph, match.title ?? match.rule.title)
        }
        return findings
    }

    func scope(_ match: CheckContext.SectionMatch, _ context: CheckContext, _ language: Language) -> String {
        guard let lot = match.rule.lot, let lotProfile = context.profile.lots.first(where: { $0.id == lot }) else { return "" }
        if let segment = match.rule.segment, let segmentProfile = lotProfile.segments.first(where: { $0.id == segment }) {
            return language.pick(" (segment \(segmentProfile.name))", " (segment \(segmentProfile.name))")
        }
        return language.pick(" (perceel \(lotProfile.name))", " (perceel \(lotProfile.name))")
    }
}
