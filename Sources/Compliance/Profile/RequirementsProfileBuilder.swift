import DutchTime
import Foundation

extension RequirementsProfile {
    /// The profile of a tender that loaded without errors.
    public init(tender: Tender) {
        let t = tender
        self.tender = TenderSummary(
            title: t.title, authority: t.authority.name, region: t.authority.region,
            platform: t.reference.platform.rawValue, reference: t.reference.number,
            procedure: t.procedure.rawValue, regime: t.regime.rawValue)
        timeZone = DutchTime.timeZone.identifier
        deadline = t.planning.selectionDeadline.map { ProfileTime($0.date) }
        contactBan = ContactBanRule(from: t.planning.publication.map { ProfileTime($0.date) }, sanction: t.contactBan.sanction)
        lots = t.lots.map { lot in
            LotProfile(
                id: lot.id, name: lot.name,
                segments: lot.segments.map { segment in
                    SegmentProfile(id: segment.id, name: segment.name,
                                   subSegments: segment.subSegments.map { Named(id: $0.id, name: $0.name) })
                },
                coreCompetences: lot.coreCompetences.map {
                    CompetenceProfile(description: $0.description, years: $0.yearsOfExperience,
                                      minimumPopulation: $0.minimumInhabitants, references: $0.references)
                })
        }

        var sections: [SectionRule] = []
        func add(_ id: String, _ title: String, lot: String? = nil, segment: String? = nil, words: Int? = nil, pages: Int? = nil) {
            sections.append(SectionRule(id: id, title: title, order: sections.count + 1, lot: lot, segment: segment,
                                        maxWords: words, maxPages: pages))
        }
        for section in DossierForm.leadingSections { add(section.id, section.title) }
        for lot in t.lots {
            if lot.segments.isEmpty {
                for criterion in lot.criteria {
                    add(DossierForm.criterionSectionID(lot: lot.id, segment: nil, criterion: criterion.id), criterion.name,
                        lot: lot.id, words: criterion.maximumWords, pages: criterion.maximumPages)
                }
            }
            for segment in lot.segments {
                for criterion in segment.criteria {
                    add(DossierForm.criterionSectionID(lot: lot.id, segment: segment.id, criterion: criterion.id), criterion.name,
                        lot: lot.id, segment: segment.id, words: criterion.maximumWords, pages: criterion.maximumPages)
                }
            }
        }
        for section in DossierForm.trailingSections { add(section.id, section.title) }
        let referencesAsked = t.dossier.references
            ?? t.lots.flatMap(\.coreCompetences).map(\.references).max()
        dossier = DossierRules(
            sections: sections, fields: DossierForm.fields, maxPages: t.dossier.maximumPages,
            maxWords: t.dossier.maximumWords, references: referencesAsked,
            formats: (t.dossier.formats.isEmpty ? DossierFormat.FileFormat.allCases : t.dossier.formats).map(\.rawValue))

        var requirements: [RequirementProfile] = []
        func requirement(_ r: MinimumRequirement, lot: String?, segment: String?) -> RequirementProfile {
            RequirementProfile(
                id: r.id, requirement: r.requirement, lot: lot, segment: segment,
                evidence: r.evidence.map {
                    EvidenceProfile(kind: $0.kind.rawValue, register: $0.register?.rawValue,
                                    maxAgeDays: $0.maximumAgeDays, description: $0.description)
                },
                graceDate: r.graceDate.map { ProfileTime($0.date) })
        }
        requirements += t.minimumRequirements.map { requirement($0, lot: nil, segment: nil) }
        for lot in t.lots {
            requirements += lot.minimumRequirements.map { requirement($0, lot: lot.id, segment: nil) }
            for segment in lot.segments {
                requirements += segment.minimumRequirements.map { requirement($0, lot: lot.id, segment: segment.id) }
            }
        }
        minimumRequirements = requirements
        parties = PartyProfile(
            ueaSignature: t.parties.ueaSignature.rawValue,
            combinationsAllowed: t.parties.combinationsAllowed ?? true,
            thirdPartiesOwnSignedUEA: t.parties.thirdPartiesOwnESPD,
            fixedSubcontractorsListed: t.parties.listFixedSubcontractors ?? true,
            incidentalSubcontractorsListed: t.parties.listIncidentalSubcontractors ?? false)
    }
}
