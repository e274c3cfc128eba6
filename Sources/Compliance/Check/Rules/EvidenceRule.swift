import DocModel
import DutchTime
import Foundation

/// `evidence`: each applicable minimum requirement's evidence is in the submission, matched by
/// content where possible (the text of documents, uncompressed PDF streams, plain text) and by
/// file name otherwise — every match says which measure it used. A KvK extract older than the
/// profile allows at the deadline is an error (date from the text, else the file's modification date).
public struct EvidenceRule: CheckRule {
    public let id = "evidence"
    public let summary = LocalizedText("bewijs per minimumeis aanwezig; KvK-uittreksel niet te oud", "evidence per minimum requirement present; KvK extract not too old")
    public init() {}

    enum Measure {
        case content(SubmissionFile.TextSource)
        case fileName
    }

    /// Words to look for in the content and in the file name of evidence of a kind.
    static func keywords(_ evidence: RequirementsProfile.EvidenceProfile) -> (content: [String], names: [String]) {
        switch evidence.kind {
        case "kvk-uittreksel": return (["kamer van koophandel", "handelsregister", "uittreksel handelsregister"], ["kvk", "uittreksel", "handelsregister"])
        case "register":
            switch evidence.register ?? "" {
            case "AGB": return (["agb"], ["agb"])
            case "SKJ": return (["skj", "kwaliteitsregister jeugd"], ["skj"])
            case "BIG": return (["big register", "big registratie", "big geregistreerd"], ["big"])
            default: return ([], [])
            }
        case "certificaat": return (["certificaat", "keurmerk", "certificate", "hkz", "iso 9001"], ["certificaat", "keurmerk", "certificate", "hkz", "iso"])
        default: return ([], [])
        }
    }

    func match(_ requirement: RequirementsProfile.RequirementProfile, _ evidence: RequirementsProfile.EvidenceProfile,
               files: [SubmissionFile], texts: [String], context: CheckContext) -> (SubmissionFile, Measure)? {
        let (content, names) = Self.keywords(evidence)
        let requirementWords = TextMatch.normalize(requirement.requirement)
        let id = TextMatch.normalize(requirement.id)
        let number: String? = evidence.kind == "kvk-uittreksel" ? context.bidderKvK
            : evidence.register == "AGB" ? context.field("agb").flatMap { $0.filled ? TextMatch.digits($0.value) : nil } : nil
        func padded(_ s: String) -> String { " " + TextMatch.normalize(s) + " " }
        for (file, text) in zip(files, texts) where !file.text.isEmpty {
            let keyword = content.contains { text.contains(" " + $0 + " ") }
            if keyword {
                if let number, number.count == 8, !PartiesRule.eightDigitNumbers(file.text).contains(number) { continue }
                return (file, .content(file.textSource))
            }
            if content.isEmpty, text.contains(" " + id + " ") || (requirementWords.count > 3 && text.contains(" " + requirementWords + " ")) {
                return (file, .content(file.textSource))
            }
        }
        for file in files {
            let name = padded((file.baseName as NSString).deletingPathExtension)
            if name.contains(" " + id + " ") || names.contains(where: { name.contains(" " + $0 + " ") })
                || (requirementWords.count > 3 && name.contains(" " + requirementWords + " ")) {
                return (file, .fileName)
            }
        }
        return nil
    }

    public func evaluate(_ context: CheckContext) -> RuleOutput {
        guard let dossier = context.dossier else { return RuleOutput(findings: []) }
        var measures: [LocalizedText] = []
        var findings: [Finding] = []
        let files = context.submission.files.filter { $0.kind == .evidence }
        // Each file's text normalized once, not once per requirement (a long text made that slow).
        let texts = files.map { $0.text.isEmpty ? "" : " " + TextMatch.normalize($0.text) + " " }
        let referenceDate = context.deadline ?? context.now
        let section = DossierForm.trailingSections[0].title
        // Scanned PDFs have no text: what is not found may be in them, so it is not called missing.
        let scans = files.filter { $0.textSource == .scanned }.map(\.name)
        for requirement in context.profile.minimumRequirements where context.applies(lot: requirement.lot, segment: requirement.segment) {
            let checkbox = context.view?.control("bewijs-\(requirement.id)")
            let label = "\(requirement.id) — \(requirement.requirement)"
            var found: [(RequirementsProfile.EvidenceProfile, SubmissionFile, Measure)] = []
            for evidence in requirement.evidence {
                if let (file, measure) = match(requirement, evidence, files: files, texts: texts, context: context) { found.append((evidence, file, measure)) }
            }
            // Alternatives: one piece of the listed evidence suffices (SKJ or BIG, for instance).
            guard !found.isEmpty || requirement.evidence.isEmpty else {
                let grace = requirement.graceDate?.date
                let checked = checkbox?.isChecked == true
                let what = requirement.evidence.map { $0.description ?? ($0.register.map { "register \($0)" } ?? $0.kind) }.joined(separator: LocalizedText(" of ", " or ").nl)
                if let grace, grace > referenceDate {
                    findings.append(finding(.warning, LocalizedText("bewijs voor \(label) niet gevonden; het mag worden nagezonden tot \(DutchTime.day(grace))",
                                                                    "evidence for \(label) not found; it may be sent later, until \(DutchTime.day(grace))"),
                                            file: dossier.name, section: section, paragraph: checkbox?.paragraph, field: "bewijs-\(requirement.id)",
                                            hint: LocalizedText("voeg het toe als u het al hebt (\(what))", "add it if you already have it (\(what))")))
                } else if !scans.isEmpty {
                    let names = scans.joined(separator: ", ")
                    findings.append(finding(.warning, LocalizedText("bewijs voor \(label) niet gevonden; gescand en niet te controleren: \(names)",
                                                                    "evidence for \(label) not found; scanned and not checkable: \(names)"),
                                            file: dossier.name, section: section, paragraph: checkbox?.paragraph, field: "bewijs-\(requirement.id)",
                                            hint: LocalizedText("controleer zelf dat het erbij zit (\(what)), of lever een PDF met tekst aan", "check yourself that it is there (\(what)), or supply a PDF with text")))
                } else {
                    findings.append(finding(.error, LocalizedText("bewijs voor \(label) ontbreekt\(checked ? " (wel aangevinkt)" : "")",
                                                                  "evidence for \(label) is missing\(checked ? " (though ticked)" : "")"),
                                            file: dossier.name, section: section, paragraph: checkbox?.paragraph, field: "bewijs-\(requirement.id)",
                                            hint: LocalizedText("voeg toe: \(what); het wordt herkend aan de inhoud (of aan een bestandsnaam met „\(requirement.id)”)",
                                                                "add: \(what); it is recognised by its content (or a file name with “\(requirement.id)”)")))
                }
                continue
            }
            for (evidence, file, measure) in found {
                let how: LocalizedText
                switch measure {
                case .content(let source): how = LocalizedText("herkend aan de inhoud: \(source.label(in: .nl))", "recognised by content: \(source.label(in: .en))")
                case .fileName: how = LocalizedText("alleen herkend aan de bestandsnaam", "recognised by file name only")
                }
                measures.append(LocalizedText("bewijsstukken: \(how.nl) (\(file.name))", "evidence: \(how.en) (\(file.name))"))
                findings.append(finding(.info, LocalizedText("bewijs voor \(label): \(file.name) (\(how.nl))", "evidence for \(label): \(file.name) (\(how.en))"),
                                        file: file.name, field: "bewijs-\(requirement.id)"))
                if evidence.kind == "kvk-uittreksel", let maxAge = evidence.maxAgeDays {
                    findings += age(of: file, maxAge: maxAge, at: referenceDate, requirement: requirement, context: context, measures: &measures)
                }
            }
            if checkbox != nil, checkbox?.isChecked != true, !found.isEmpty {
                findings.append(finding(.warning, LocalizedText("bewijs voor \(requirement.id) is bijgevoegd maar niet aangevinkt", "evidence for \(requirement.id) is attached but not ticked"),
                                        file: dossier.name, section: section, paragraph: checkbox?.paragraph, field: "bewijs-\(requirement.id)",
                                        hint: LocalizedText("vink het vakje aan", "tick the box")))
            }
        }
        return RuleOutput(findings: findings, measures: measures)
    }

    /// The date of a KvK extract from its text ("Datum uittreksel: …", "Uittreksel … d.d. …").
    static func extractDate(_ text: String) -> Date? {
        for pattern in [#"(?i)datum\s+(van\s+)?uittreksel\s*:?\s*"#, #"(?i)uittreksel[^\n]{0,80}?d\.\s?d\.\s*"#, #"(?i)\bd\.\s?d\.\s*"#] {
            if let range = text.range(of: pattern, options: .regularExpression) {
                let rest = String(text[range.upperBound...].prefix(40))
                if let date = DutchTime.dateInDutchText(rest) { return date }
            }
        }
        return nil
    }

    func age(of file: SubmissionFile, maxAge: Int, at reference: Date, requirement: RequirementsProfile.RequirementProfile, context: CheckContext,
             measures: inout [LocalizedText]) -> [Finding] {
        // Only the text dates an extract: a file's modification time says when it was copied.
        let date = Self.extractDate(file.text)
        let source = LocalizedText("datum uit de tekst van het uittreksel", "date from the extract's text")
        guard let date else {
            let message = file.textSource == .scanned
                ? LocalizedText("het KvK-uittreksel is gescand: de datum is niet te lezen; ouderdom niet gecontroleerd", "the KvK extract is scanned: its date cannot be read; age not checked")
                : LocalizedText("datum van het KvK-uittreksel niet gevonden; ouderdom niet gecontroleerd", "date of the KvK extract not found; age not checked")
            return [finding(.warning, message,
                            file: file.name, field: "bewijs-\(requirement.id)",
                            hint: LocalizedText("controleer dat het uittreksel niet ouder is dan \(maxAge) dagen op de sluitingsdatum", "check that the extract is no older than \(maxAge) days at the deadline"))]
        }
        measures.append(LocalizedText("ouderdom KvK-uittreksel: \(source.nl)", "age of KvK extract: \(source.en)"))
        let days = Int((reference.timeIntervalSince(date) / 86_400).rounded(.down))
        if days > maxAge {
            return [finding(.error, LocalizedText("KvK-uittreksel van \(DutchTime.day(date)) is op de sluitingsdatum \(days) dagen oud, meer dan de \(maxAge) toegestaan (\(source.nl))",
                                                  "KvK extract of \(DutchTime.day(date)) is \(days) days old at the deadline, more than the \(maxAge) allowed (\(source.en))"),
                            file: file.name, field: "bewijs-\(requirement.id)",
                            hint: LocalizedText("vraag een nieuw uittreksel op bij de KvK", "request a new extract from the KvK"))]
        }
        return []
    }
}
