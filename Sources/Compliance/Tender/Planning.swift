/// `planning`: the milestones, question rounds and (light regime) own terms.
public struct Planning: Sendable, Hashable {
    public var publication: TenderDate?
    public var questionRounds: [QuestionRound]
    public var selectionDeadline: TenderDate?
    public var selectionDecision: TenderDate?
    public var awardPhaseStart: TenderDate?
    public var awardDeadline: TenderDate?
    public var awardDecision: TenderDate?
    public var standstillEnd: TenderDate?
    public var contractStart: TenderDate?
    public var terms: Terms?
    public var source: SourceRef

    /// The milestone keys in the order they must follow each other.
    public static let milestoneKeys = [
        "publicatie", "sluiting_selectiefase", "selectiebeslissing", "start_gunningsfase",
        "sluiting_gunningsfase", "gunningsbeslissing", "standstill_einde", "start_contract",
    ]

    /// The milestones that are present, in order, with their keys.
    public var milestones: [(key: String, date: TenderDate)] {
        let values = [publication, selectionDeadline, selectionDecision, awardPhaseStart,
                      awardDeadline, awardDecision, standstillEnd, contractStart]
        return zip(Self.milestoneKeys, values).compactMap { key, value in value.map { (key, $0) } }
    }
}

/// `planning.vragenrondes[]`: a question deadline and the Nota van Inlichtingen that answers it.
public struct QuestionRound: Sendable, Hashable {
    public var questionsDeadline: TenderDate
    public var answersPublished: TenderDate
    public var source: SourceRef
}

/// `planning.termijnen`: the tender's own minimum terms in days (light regime).
public struct Terms: Sendable, Hashable {
    /// `aanvraag_dagen`: publication → selection deadline.
    public var requestDays: Int?
    /// `antwoorden_dagen`: last Nota van Inlichtingen → deadline.
    public var answerDays: Int?
    /// `standstill_dagen`: award decision → end of standstill.
    public var standstillDays: Int?
    public var source: SourceRef

    /// The full EU regime's minimum terms (Aw 2012 art. 2.54 and 2.127).
    public static let fullRegime = (requestDays: 30, answerDays: 10, standstillDays: 20)
}
