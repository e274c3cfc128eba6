/// `planning-order`: the milestones follow each other (publicatie < vragen_uiterlijk <
/// nota_van_inlichtingen < sluiting_selectiefase < selectiebeslissing < start_gunningsfase <
/// sluiting_gunningsfase < gunningsbeslissing < standstill_einde < start_contract, where present).
/// Where either date was written without a time, the later one may fall on the same calendar day.
public struct PlanningOrderRule: LintRule {
    public let id = "planning-order"
    public let summary = LocalizedText("De data van de planning staan in de goede volgorde", "The planning dates are in order")
    public init() {}

    public func check(_ tender: Tender) -> [Finding] {
        let planning = tender.planning
        var findings: [Finding] = []
        func notAfter(_ later: (key: String, date: TenderDate), _ earlier: (key: String, date: TenderDate), source: SourceRef) {
            // A date written without a time is a whole day: then the calendar days are compared
            // (a date-only start_gunningsfase may fall on the day of sluiting_selectiefase),
            // else the moments.
            if later.date.hasTime && earlier.date.hasTime {
                guard !(earlier.date < later.date) else { return }
            } else {
                guard earlier.date.calendarDays(to: later.date) < 0 else { return }
            }
            findings.append(finding(.error, LocalizedText(
                "\(later.key) (\(later.date)) ligt niet na \(earlier.key) (\(earlier.date))",
                "\(later.key) (\(later.date)) is not after \(earlier.key) (\(earlier.date))"),
                in: tender, at: source, key: later.key))
        }
        let milestones = planning.milestones
        for (earlier, later) in zip(milestones, milestones.dropFirst()) {
            notAfter(later, earlier, source: planning.source)
        }
        for round in planning.questionRounds {
            let questions = (key: "vragen_uiterlijk", date: round.questionsDeadline)
            let answers = (key: "nota_van_inlichtingen", date: round.answersPublished)
            if let publication = planning.publication {
                notAfter(questions, (key: "publicatie", date: publication), source: round.source)
            }
            notAfter(answers, questions, source: round.source)
            let inSelection = planning.selectionDeadline.map { round.questionsDeadline < $0 } ?? false
            if inSelection, let deadline = planning.selectionDeadline {
                notAfter((key: "sluiting_selectiefase", date: deadline), answers, source: round.source)
            } else if let deadline = planning.awardDeadline {
                notAfter((key: "sluiting_gunningsfase", date: deadline), answers, source: round.source)
            }
        }
        return findings
    }
}
