import Yams

/// Builds the model from checked mappings. Missing or bad values become empty defaults here;
/// the findings say what was wrong, and `TenderLoadResult.isComplete` tells callers whether
/// the model can be trusted.
struct TenderDecoding {
    let reader: NodeReader
    let file: String

    func tender(_ root: Node) -> Tender {
        let top = reader.object(root, path: "", place: TenderKeys.top)
            ?? ObjectReader(reader: reader, path: "", values: [:], source: SourceRef(path: ""))
        if let node = top.values["versie"], let version = reader.int(node, path: "versie"), version != 1 {
            reader.report("unsupported-version", LocalizedText("versie \(version) wordt niet ondersteund; alleen versie 1",
                                                               "version \(version) is not supported; only version 1"),
                          at: NodeReader.position(node), path: "versie")
        }
        let lots = top.uniqueObjects("percelen", TenderKeys.lot, lot)
        if top.has("percelen"), lots.isEmpty, case .sequence(let s)? = top.values["percelen"], s.isEmpty {
            reader.report("missing-value", LocalizedText("percelen is leeg: geef ten minste één perceel", "percelen is empty: give at least one perceel"),
                          at: top.source.position(of: "percelen"), path: "percelen")
        }
        let requirements = top.uniqueObjects("minimumeisen", TenderKeys.minimumRequirement, minimumRequirement)
        return Tender(
            file: file,
            version: top.values["versie"].flatMap { node -> Int? in
                if case .scalar(let s) = node { return Int(s.string) }
                return nil
            } ?? 1,
            title: top.string("titel") ?? "",
            authority: top.object("aanbestedende_dienst", TenderKeys.authority).map(authority)
                ?? Authority(name: "", region: nil, municipalities: [], source: SourceRef(path: "aanbestedende_dienst")),
            reference: top.object("kenmerk", TenderKeys.reference).map(reference)
                ?? TenderReference(platform: .tenderNed, number: "", source: SourceRef(path: "kenmerk")),
            procedure: top.choice("procedure", Procedure.self) ?? .restricted,
            regime: top.choice("regime", Regime.self) ?? .european,
            planning: top.object("planning", TenderKeys.planning).map(planning) ?? Planning(
                publication: nil, questionRounds: [], selectionDeadline: nil, selectionDecision: nil, awardPhaseStart: nil,
                awardDeadline: nil, awardDecision: nil, standstillEnd: nil, contractStart: nil, terms: nil, source: SourceRef(path: "planning")),
            duration: top.object("looptijd", TenderKeys.duration).map(duration)
                ?? Duration(initialYears: 0, extensions: [], source: SourceRef(path: "looptijd")),
            lots: lots,
            minimumRequirements: requirements,
            dossier: top.object("dossier", TenderKeys.dossier).map(dossier)
                ?? DossierFormat(maximumPages: nil, maximumWords: nil, minimumFontSize: nil, formats: [], references: nil, source: SourceRef(path: "dossier")),
            parties: top.object("partijen", TenderKeys.parties).map(parties)
                ?? PartyRules(combinationsAllowed: nil, thirdPartiesOwnESPD: true, listFixedSubcontractors: nil,
                              listIncidentalSubcontractors: nil, source: SourceRef(path: "partijen")),
            contactBan: top.object("contactverbod", TenderKeys.contactBan).map(contactBan)
                ?? ContactBan(text: "", sanction: nil, source: SourceRef(path: "contactverbod")),
            complaints: top.object("klachten", TenderKeys.complaints).map(complaints)
                ?? ComplaintsContact(name: "", email: "", phone: nil, source: SourceRef(path: "klachten")),
            chapters: top.object("hoofdstukken", TenderKeys.chapters).map(chapters),
            source: top.source)
    }

    func authority(_ o: ObjectReader) -> Authority {
        Authority(name: o.string("naam") ?? "", region: o.string("regio"),
                  municipalities: o.objects("gemeenten", TenderKeys.municipality, municipality), source: o.source)
    }

    func municipality(_ o: ObjectReader) -> Municipality {
        var shares: [String: Double] = [:]
        var order: [String] = []
        var shareSource: SourceRef?
        if let node = o.values["aandeel"] {
            let path = o.path("aandeel")
            if case .mapping(let mapping) = node {
                var keys: [String: SourcePosition] = [:]
                for (keyNode, value) in mapping {
                    guard let id = reader.id(keyNode, path: path) else { continue }
                    let valuePath = "\(path).\(id)"
                    if keys[id] != nil {
                        reader.report("duplicate-key", LocalizedText("perceel „\(id)” komt twee keer voor in \(path)", "perceel \"\(id)\" occurs twice in \(path)"),
                                      at: NodeReader.position(keyNode), path: valuePath)
                        continue
                    }
                    keys[id] = NodeReader.position(keyNode)
                    if let share = reader.number(value, path: valuePath) {
                        shares[id] = share
                        order.append(id)
                    }
                }
                shareSource = SourceRef(path: path, position: NodeReader.position(node), keys: keys)
            } else {
                reader.typeError(node, path: path, expected: LocalizedText("een object (perceel-id: percentage)", "an object (perceel id: percentage)"))
            }
        }
        return Municipality(name: o.string("naam") ?? "", inhabitants: o.int("inwoners"), shares: shares, shareOrder: order,
                            shareSource: shareSource, source: o.source)
    }

    func reference(_ o: ObjectReader) -> TenderReference {
        TenderReference(platform: o.choice("platform", TenderReference.Platform.self) ?? .tenderNed, number: o.string("nummer") ?? "", source: o.source)
    }

    func planning(_ o: ObjectReader) -> Planning {
        Planning(
            publication: o.date("publicatie"),
            questionRounds: o.objects("vragenrondes", TenderKeys.questionRound) { round in
                let questions = round.date("vragen_uiterlijk"), answers = round.date("nota_van_inlichtingen")
                guard let questions, let answers else { return nil }
                return QuestionRound(questionsDeadline: questions, answersPublished: answers, source: round.source)
            },
            selectionDeadline: o.date("sluiting_selectiefase"),
            selectionDecision: o.date("selectiebeslissing"),
            awardPhaseStart: o.date("start_gunningsfase"),
            awardDeadline: o.date("sluiting_gunningsfase"),
            awardDecision: o.date("gunningsbeslissing"),
            standstillEnd: o.date("standstill_einde"),
            contractStart: o.date("start_contract"),
            terms: o.object("termijnen", TenderKeys.terms).map { terms in
                Terms(requestDays: terms.int("aanvraag_dagen"), answerDays: terms.int("antwoorden_dagen"),
                      standstillDays: terms.int("standstill_dagen"), source: terms.source)
            },
            source: o.source)
    }

    func duration(_ o: ObjectReader) -> Duration {
        Duration(initialYears: o.int("initieel_jaren") ?? 0, extensions: o.ints("verlengingen"), source: o.source)
    }

    func lot(_ o: ObjectReader) -> Lot? {
        let segments = o.uniqueObjects("segmenten", TenderKeys.segment, segment)
        let criteria = o.uniqueObjects("criteria", TenderKeys.criterion, criterion)
        let requirements = o.uniqueObjects("minimumeisen", TenderKeys.minimumRequirement, minimumRequirement)
        let name = o.string("naam")
        guard let id = o.id() else { return nil }
        return Lot(id: id, name: name ?? "", description: o.string("omschrijving"), maximumProviders: o.int("maximum_aanbieders"),
                   coreCompetences: o.objects("kerncompetenties", TenderKeys.coreCompetence, coreCompetence),
                   minimumRequirements: requirements, criteria: criteria, segments: segments, source: o.source)
    }

    func coreCompetence(_ o: ObjectReader) -> CoreCompetence {
        CoreCompetence(description: o.string("omschrijving") ?? "", yearsOfExperience: o.int("jaren_ervaring"),
                       minimumInhabitants: o.int("inwoners_minimaal"), references: o.int("referenties") ?? 1, source: o.source)
    }

    func providers(_ o: ObjectReader) -> ProviderRange? {
        let minimum = o.int("minimum"), maximum = o.int("maximum")
        guard let minimum, let maximum else { return nil }
        return ProviderRange(minimum: minimum, maximum: maximum, source: o.source)
    }

    func segment(_ o: ObjectReader) -> Segment? {
        let subSegments = o.uniqueObjects("sub_segmenten", TenderKeys.subSegment, subSegment)
        let criteria = o.uniqueObjects("criteria", TenderKeys.criterion, criterion)
        let requirements = o.uniqueObjects("minimumeisen", TenderKeys.minimumRequirement, minimumRequirement)
        let name = o.string("naam"), description = o.string("omschrijving")
        let range = o.object("aanbieders", TenderKeys.providers).flatMap(providers)
        let funding = o.choice("bekostiging", Funding.self)
        guard let id = o.id() else { return nil }
        return Segment(id: id, name: name ?? "", description: description, providers: range, funding: funding,
                       minimumRequirements: requirements, criteria: criteria, subSegments: subSegments, source: o.source)
    }

    func subSegment(_ o: ObjectReader) -> SubSegment? {
        let requirements = o.uniqueObjects("minimumeisen", TenderKeys.minimumRequirement, minimumRequirement)
        let name = o.string("naam"), description = o.string("omschrijving")
        let range = o.object("aanbieders", TenderKeys.providers).flatMap(providers)
        let funding = o.choice("bekostiging", Funding.self)
        guard let id = o.id() else { return nil }
        return SubSegment(id: id, name: name ?? "", description: description, providers: range, funding: funding,
                          minimumRequirements: requirements, source: o.source)
    }

    func criterion(_ o: ObjectReader) -> Criterion? {
        let name = o.string("naam"), description = o.string("omschrijving"), weight = o.number("weging")
        let words = o.int("maximum_woorden"), pages = o.int("maximum_paginas")
        guard let id = o.id() else { return nil }
        return Criterion(id: id, name: name ?? "", description: description, weight: weight ?? 0,
                         maximumWords: words, maximumPages: pages, source: o.source)
    }

    func minimumRequirement(_ o: ObjectReader) -> MinimumRequirement? {
        let text = o.string("eis"), explanation = o.string("toelichting"), grace = o.date("uiterlijk")
        let evidence = o.objects("bewijs", TenderKeys.evidence, self.evidence)
        guard let id = o.id() else { return nil }
        return MinimumRequirement(id: id, requirement: text ?? "", explanation: explanation, evidence: evidence, graceDate: grace, source: o.source)
    }

    func evidence(_ o: ObjectReader) -> Evidence? {
        let register = o.choice("register", Evidence.Register.self)
        let age = o.int("maximale_ouderdom_dagen"), description = o.string("omschrijving")
        guard let kind = o.choice("soort", Evidence.Kind.self) else { return nil }
        if register != nil, kind != .register {
            reader.report("invalid-value", LocalizedText("\(o.path("register")): een register hoort bij soort „register”", "\(o.path("register")): a register goes with soort \"register\""),
                          at: o.source.position(of: "register"), path: o.path("register"))
        }
        if kind == .register, register == nil, !o.has("register") {
            reader.report("missing-key", LocalizedText("bij soort „register” hoort de sleutel „register” (AGB, SKJ of BIG)", "soort \"register\" needs the key \"register\" (AGB, SKJ or BIG)"),
                          at: o.source.position, path: o.path("register"))
        }
        return Evidence(kind: kind, register: register, maximumAgeDays: age, description: description, source: o.source)
    }

    func dossier(_ o: ObjectReader) -> DossierFormat {
        DossierFormat(maximumPages: o.int("maximum_paginas"), maximumWords: o.int("maximum_woorden"),
                      minimumFontSize: o.number("lettergrootte_minimaal"),
                      formats: o.choices("formaat", DossierFormat.FileFormat.self),
                      references: o.object("referenties", TenderKeys.dossierReferences).flatMap { $0.int("aantal") },
                      source: o.source)
    }

    func parties(_ o: ObjectReader) -> PartyRules {
        PartyRules(ueaSignature: o.choice("uea_ondertekening", UEASignature.self) ?? .electronic,
                   combinationsAllowed: o.bool("combinaties_toegestaan"), thirdPartiesOwnESPD: o.bool("derden_eigen_uea") ?? true,
                   listFixedSubcontractors: o.bool("vaste_onderaannemers_vermelden"),
                   listIncidentalSubcontractors: o.bool("incidentele_onderaannemers_vermelden"), source: o.source)
    }

    func contactBan(_ o: ObjectReader) -> ContactBan {
        ContactBan(text: o.string("tekst") ?? "", sanction: o.string("sanctie"), source: o.source)
    }

    func complaints(_ o: ObjectReader) -> ComplaintsContact {
        ComplaintsContact(name: o.string("naam") ?? "", email: o.string("email") ?? "", phone: o.string("telefoon"), source: o.source)
    }

    func chapters(_ o: ObjectReader) -> Chapters {
        Chapters(introduction: o.string("inleiding"), clientPerspective: o.string("clientperspectief"),
                 clientTransition: o.string("overgang_clienten"), socialReturn: o.string("sroi"), transport: o.string("vervoer"),
                 furtherDevelopment: o.string("doorontwikkeling"), source: o.source)
    }
}
