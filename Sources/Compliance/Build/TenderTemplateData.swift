import DocTemplates
import DutchTime

/// What templates see of a tender (docs/tender-format.md, "What templates see"): the tender's
/// own keys in Dutch, plus derived values. Every optional key is present, as null or an empty
/// list, so that a template's lookup never falls through to an enclosing item (mustache looks
/// outwards for a name it does not find).
extension Tender {
    public var templateData: TemplateValue {
        var root: [String: TemplateValue] = [:]
        root["versie"] = .number(Double(version))
        root["titel"] = .string(title)
        root["kenmerk"] = ["platform": .string(reference.platform.rawValue), "nummer": .string(reference.number)]
        root["procedure"] = .string(procedure.rawValue)
        root["procedure_tekst"] = .string(procedure == .restricted
            ? "niet-openbare procedure in twee fasen (selectiefase en gunningsfase)" : "openbare procedure")
        root["regime"] = .string(regime.rawValue)
        root["regime_tekst"] = .string(Self.regimeText(regime))
        root["aanbestedende_dienst"] = [
            "naam": .string(authority.name),
            "regio": Self.optional(authority.region),
            "gemeenten": .list(authority.municipalities.map { municipality in
                [
                    "naam": .string(municipality.name),
                    "inwoners": municipality.inhabitants.map { .number(Double($0)) } ?? .null,
                    "aandeel": .object(municipality.shares.mapValues { .number($0) }),
                ]
            }),
        ]
        root["gemeenten_tekst"] = .string(Self.dutchList(authority.municipalities.map(\.name)))
        root["planning"] = planningData
        root["looptijd"] = [
            "initieel_jaren": .number(Double(duration.initialYears)),
            "verlengingen": .list(duration.extensions.map { .number(Double($0)) }),
            "tekst": .string(duration.dutchText),
        ]
        root["percelen"] = .list(lots.map(Self.lotData))
        root["minimumeisen"] = .list(minimumRequirements.map(Self.requirementData))
        root["dossier"] = [
            "maximum_paginas": Self.number(dossier.maximumPages),
            "maximum_woorden": Self.number(dossier.maximumWords),
            "lettergrootte_minimaal": dossier.minimumFontSize.map { .number($0) } ?? .null,
            "formaat": .list(dossier.formats.map { .string($0.rawValue) }),
            "referenties": dossier.references.map { ["aantal": .number(Double($0))] } ?? .null,
        ]
        root["partijen"] = [
            "uea_ondertekening": .string(parties.ueaSignature.rawValue),
            "uea_elektronisch": .bool(parties.ueaSignature == .electronic),
            "combinaties_toegestaan": .bool(parties.combinationsAllowed ?? true),
            "derden_eigen_uea": .bool(parties.thirdPartiesOwnESPD),
            "vaste_onderaannemers_vermelden": .bool(parties.listFixedSubcontractors ?? true),
            "incidentele_onderaannemers_vermelden": .bool(parties.listIncidentalSubcontractors ?? false),
        ]
        root["contactverbod"] = ["tekst": .string(contactBan.text), "sanctie": Self.optional(contactBan.sanction)]
        root["klachten"] = ["naam": .string(complaints.name), "email": .string(complaints.email), "telefoon": Self.optional(complaints.phone)]
        root["hoofdstukken"] = [
            "inleiding": Self.optional(chapters?.introduction),
            "clientperspectief": Self.optional(chapters?.clientPerspective),
            "overgang_clienten": Self.optional(chapters?.clientTransition),
            "sroi": Self.optional(chapters?.socialReturn),
            "vervoer": Self.optional(chapters?.transport),
            "doorontwikkeling": Self.optional(chapters?.furtherDevelopment),
        ]
        return .object(root)
    }

    private var planningData: TemplateValue {
        let p = planning
        return [
            "publicatie": Self.date(p.publication),
            "vragenrondes": .list(p.questionRounds.map {
                ["vragen_uiterlijk": Self.date($0.questionsDeadline), "nota_van_inlichtingen": Self.date($0.answersPublished)]
            }),
            "sluiting_selectiefase": Self.date(p.selectionDeadline),
            "selectiebeslissing": Self.date(p.selectionDecision),
            "start_gunningsfase": Self.date(p.awardPhaseStart),
            "sluiting_gunningsfase": Self.date(p.awardDeadline),
            "gunningsbeslissing": Self.date(p.awardDecision),
            "standstill_einde": Self.date(p.standstillEnd),
            "start_contract": Self.date(p.contractStart),
            "termijnen": p.terms.map { terms in
                [
                    "aanvraag_dagen": Self.number(terms.requestDays),
                    "antwoorden_dagen": Self.number(terms.answerDays),
                    "standstill_dagen": Self.number(terms.standstillDays),
                ]
            } ?? .null,
        ]
    }

    private static func lotData(_ lot: Lot) -> TemplateValue {
        [
            "id": .string(lot.id),
            "naam": .string(lot.name),
            "omschrijving": optional(lot.description),
            "maximum_aanbieders": number(lot.maximumProviders),
            "kerncompetenties": .list(lot.coreCompetences.map {
                [
                    "omschrijving": .string($0.description),
                    "jaren_ervaring": number($0.yearsOfExperience),
                    "inwoners_minimaal": number($0.minimumInhabitants),
                    "referenties": .number(Double($0.references)),
                ]
            }),
            "minimumeisen": .list(lot.minimumRequirements.map(requirementData)),
            "criteria": criteriaData(lot.criteria, lot: lot.id, segment: nil),
            "criteria_totaal": .number(lot.criteria.reduce(0) { $0 + $1.weight }),
            "segmenten": .list(lot.segments.map { segmentData($0, lot: lot.id) }),
        ]
    }

    private static func segmentData(_ segment: Segment, lot: String) -> TemplateValue {
        [
            "id": .string(segment.id),
            "naam": .string(segment.name),
            "omschrijving": optional(segment.description),
            "aanbieders": providers(segment.providers),
            "bekostiging": optional(segment.funding?.rawValue),
            "bekostiging_tekst": optional(segment.funding.map(fundingText)),
            "minimumeisen": .list(segment.minimumRequirements.map(requirementData)),
            "criteria": criteriaData(segment.criteria, lot: lot, segment: segment.id),
            "criteria_totaal": .number(segment.criteria.reduce(0) { $0 + $1.weight }),
            "sub_segmenten": .list(segment.subSegments.map { sub in
                [
                    "id": .string(sub.id),
                    "naam": .string(sub.name),
                    "omschrijving": optional(sub.description),
                    "aanbieders": providers(sub.providers),
                    "bekostiging": optional(sub.funding?.rawValue),
                    "bekostiging_tekst": optional(sub.funding.map(fundingText)),
                    "minimumeisen": .list(sub.minimumRequirements.map(requirementData)),
                ]
            }),
        ]
    }

    private static func criteriaData(_ criteria: [Criterion], lot: String, segment: String?) -> TemplateValue {
        .list(criteria.map { criterion in
            [
                "id": .string(criterion.id),
                "sectie_id": .string(DossierForm.criterionSectionID(lot: lot, segment: segment, criterion: criterion.id)),
                "naam": .string(criterion.name),
                "omschrijving": optional(criterion.description),
                "weging": .number(criterion.weight),
                "maximum_woorden": number(criterion.maximumWords),
                "maximum_paginas": number(criterion.maximumPages),
            ]
        })
    }

    private static func requirementData(_ requirement: MinimumRequirement) -> TemplateValue {
        [
            "id": .string(requirement.id),
            "eis": .string(requirement.requirement),
            "toelichting": optional(requirement.explanation),
            "uiterlijk": date(requirement.graceDate),
            "bewijs": .list(requirement.evidence.map {
                [
                    "soort": .string($0.kind.rawValue),
                    "soort_tekst": .string(evidenceText($0)),
                    "register": optional($0.register?.rawValue),
                    "maximale_ouderdom_dagen": number($0.maximumAgeDays),
                    "omschrijving": optional($0.description),
                ]
            }),
        ]
    }

    private static func providers(_ range: ProviderRange?) -> TemplateValue {
        guard let range else { return .null }
        return ["minimum": .number(Double(range.minimum)), "maximum": .number(Double(range.maximum))]
    }

    private static func optional(_ text: String?) -> TemplateValue {
        text.map { .string($0) } ?? .null
    }

    private static func number(_ value: Int?) -> TemplateValue {
        value.map { .number(Double($0)) } ?? .null
    }

    /// A tender date as a template date-time: the moment that is enforced, in Europe/Amsterdam.
    /// A date written alone is the end of its day (23:59) for a deadline and carries that time, so
    /// that `datumtijd` prints what `dossier check` enforces; for any other key it is the start of
    /// its day and carries no time (`datum` and a plain tag print the day, `datumtijd` 00:00).
    private static func date(_ date: TenderDate?) -> TemplateValue {
        guard let date else { return .null }
        let f = DutchTime.fields(of: date.date)
        let startOfDay = !date.hasTime && f.hour == 0 && f.minute == 0
        return .date(TemplateDateTime(year: f.year, month: f.month, day: f.day,
                                      hour: startOfDay ? nil : f.hour, minute: startOfDay ? nil : f.minute))
    }

    /// The kind of evidence as a provider reads it: "KvK-uittreksel (hoogstens 180 dagen oud)".
    static func evidenceText(_ evidence: Evidence) -> String {
        var text: String
        switch evidence.kind {
        case .certificate: text = "certificaat"
        case .register: text = evidence.register.map { "registeruitdraai \($0.rawValue)" } ?? "registeruitdraai"
        case .chamberOfCommerceExtract: text = "KvK-uittreksel"
        case .declaration: text = "verklaring"
        case .document: text = "document"
        }
        if let days = evidence.maximumAgeDays { text += " (hoogstens \(days) dagen oud)" }
        return text
    }

    static func regimeText(_ regime: Regime) -> String {
        switch regime {
        case .european: return "het volledige Europese regime van de Aanbestedingswet 2012"
        case .socialLight: return "het verlicht regime voor sociale en andere specifieke diensten (artikel 2.39 Aanbestedingswet 2012)"
        case .national: return "een nationale procedure"
        }
    }

    static func fundingText(_ funding: Funding) -> String {
        switch funding {
        case .lumpsum: return "lumpsum"
        case .pxq: return "prijs maal hoeveelheid (P×Q)"
        case .population: return "populatiebekostiging"
        case .taskBased: return "taakgerichte bekostiging"
        }
    }

    /// "A", "A en B", "A, B en C".
    static func dutchList(_ names: [String]) -> String {
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " en " + (names.last ?? "")
    }
}
