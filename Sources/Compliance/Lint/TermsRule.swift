/// `terms`: the statutory (full EU) terms, or the tender's own terms.
///
/// - `europees`: at least 30 days publicatie → sluiting_selectiefase, the last Nota van
///   Inlichtingen of a phase at least 10 days before that phase's deadline, at least 20
///   calendar days gunningsbeslissing → standstill_einde; errors.
/// - `sociaal-licht` and `nationaal`: own terms from `planning.termijnen` (errors when the
///   planning undercuts them) and a warning where the planning undercuts the full-regime terms.
public struct TermsRule: LintRule {
    public let id = "terms"
    public let summary = LocalizedText("De planning respecteert de termijnen", "The planning respects the terms")
    public init() {}

    public func check(_ tender: Tender) -> [Finding] {
        let planning = tender.planning
        let full = Terms.fullRegime
        let european = tender.regime == .european
        let own = european ? nil : planning.terms
        var findings: [Finding] = []

        if european, let terms = planning.terms {
            findings.append(finding(.warning, LocalizedText("planning.termijnen gelden niet onder het europese regime; daar gelden de wettelijke termijnen",
                                                            "planning.termijnen do not apply under the full EU regime; the statutory terms apply"),
                                    in: tender, at: terms.source))
        }

        func check(days: Int, minimumFull: Int, minimumOwn: Int?, ownKey: String, what: LocalizedText, source: SourceRef, key: String) {
            if european {
                if days < minimumFull {
                    findings.append(finding(.error, LocalizedText(
                        "\(what.nl): \(days) dagen, het europese regime vraagt ten minste \(minimumFull)",
                        "\(what.en): \(days) days, the full EU regime requires at least \(minimumFull)"),
                        in: tender, at: source, key: key))
                }
                return
            }
            if let minimumOwn, days < minimumOwn {
                findings.append(finding(.error, LocalizedText(
                    "\(what.nl): \(days) dagen, de eigen termijn (termijnen.\(ownKey)) is ten minste \(minimumOwn)",
                    "\(what.en): \(days) days, the tender's own term (termijnen.\(ownKey)) is at least \(minimumOwn)"),
                    in: tender, at: source, key: key))
            } else if days < minimumFull {
                findings.append(finding(.warning, LocalizedText(
                    "\(what.nl): \(days) dagen, korter dan de \(minimumFull) van het volledige europese regime",
                    "\(what.en): \(days) days, shorter than the \(minimumFull) of the full EU regime"),
                    in: tender, at: source, key: key,
                    hint: LocalizedText("toegestaan onder \(tender.regime.rawValue) als de leidraad deze termijn zo vastlegt",
                                        "allowed under \(tender.regime.rawValue) when the guideline sets this term")))
            }
        }

        if let publication = planning.publication, let deadline = planning.selectionDeadline {
            check(days: publication.calendarDays(to: deadline), minimumFull: full.requestDays, minimumOwn: own?.requestDays,
                  ownKey: "aanvraag_dagen",
                  what: LocalizedText("van publicatie tot sluiting_selectiefase", "from publicatie to sluiting_selectiefase"),
                  source: planning.source, key: "sluiting_selectiefase")
        }

        func answers(_ rounds: [QuestionRound], deadline: TenderDate, deadlineKey: String) {
            guard let last = rounds.max(by: { $0.answersPublished < $1.answersPublished }) else { return }
            check(days: last.answersPublished.calendarDays(to: deadline), minimumFull: full.answerDays, minimumOwn: own?.answerDays,
                  ownKey: "antwoorden_dagen",
                  what: LocalizedText("van de laatste nota_van_inlichtingen tot \(deadlineKey)", "from the last nota_van_inlichtingen to \(deadlineKey)"),
                  source: last.source, key: "nota_van_inlichtingen")
        }
        let rounds = planning.questionRounds
        if let deadline = planning.selectionDeadline {
            answers(rounds.filter { $0.questionsDeadline < deadline }, deadline: deadline, deadlineKey: "sluiting_selectiefase")
        }
        if let deadline = planning.awardDeadline {
            let selectionEnd = planning.selectionDeadline
            answers(rounds.filter { round in selectionEnd.map { round.questionsDeadline >= $0 } ?? true && round.questionsDeadline < deadline },
                    deadline: deadline, deadlineKey: "sluiting_gunningsfase")
        }

        if let decision = planning.awardDecision, let end = planning.standstillEnd {
            check(days: decision.calendarDays(to: end), minimumFull: full.standstillDays, minimumOwn: own?.standstillDays,
                  ownKey: "standstill_dagen",
                  what: LocalizedText("standstill van gunningsbeslissing tot standstill_einde", "standstill from gunningsbeslissing to standstill_einde"),
                  source: planning.source, key: "standstill_einde")
        }
        return findings
    }
}
