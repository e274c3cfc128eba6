import DocModel

/// `submission`: the submission holds exactly one readable bekwaamheidsdossier, and every
/// document in it can be read.
public struct SubmissionRule: FindingsRule {
    public let id = "submission"
    public let summary = LocalizedText("één leesbaar bekwaamheidsdossier; alle documenten leesbaar", "one readable bekwaamheidsdossier; every document readable")
    public init() {}

    public func check(_ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        let submission = context.submission
        for file in submission.files where file.kind == .unreadable {
            let reason = file.readError ?? LocalizedText("onbekende fout", "unknown error")
            findings.append(finding(.error, LocalizedText("document kan niet worden gelezen: \(reason.nl)", "document cannot be read: \(reason.en)"),
                                    file: file.name, hint: LocalizedText("sla het document opnieuw op als DOCX of ODT (zonder wachtwoord) en voeg het opnieuw toe",
                                                                         "save the document again as DOCX or ODT (without a password) and add it again")))
        }
        let dossiers = submission.dossiers
        if dossiers.isEmpty {
            findings.append(finding(.error, LocalizedText("geen bekwaamheidsdossier gevonden in de inzending", "no bekwaamheidsdossier found in the submission"),
                                    file: nil, hint: LocalizedText("voeg het ingevulde bekwaamheidsdossier (DOCX of ODT) toe; het wordt herkend aan de inhoud, niet aan de naam",
                                                                   "add the filled bekwaamheidsdossier (DOCX or ODT); it is recognised by its content, not its name")))
        } else if dossiers.count > 1 {
            findings.append(finding(.warning, LocalizedText("meer dan één bekwaamheidsdossier: \(dossiers.map(\.name).joined(separator: ", ")); gecontroleerd is \(dossiers[0].name)",
                                                            "more than one bekwaamheidsdossier: \(dossiers.map(\.name).joined(separator: ", ")); checked is \(dossiers[0].name)"),
                                    file: dossiers[1].name, hint: LocalizedText("lever één bekwaamheidsdossier in", "submit one bekwaamheidsdossier")))
        }
        if let dossier = context.dossier, let format = dossier.document?.format {
            let name = format == .flatODT ? "odt" : format.rawValue
            if !context.profile.dossier.formats.isEmpty && !context.profile.dossier.formats.contains(name) {
                findings.append(finding(.error, LocalizedText("het bekwaamheidsdossier is \(name.uppercased()); toegestaan: \(context.profile.dossier.formats.joined(separator: ", "))",
                                                              "the bekwaamheidsdossier is \(name.uppercased()); allowed: \(context.profile.dossier.formats.joined(separator: ", "))"),
                                        file: dossier.name, hint: LocalizedText("sla het op in een toegestaan formaat", "save it in an allowed format")))
            }
        }
        return findings
    }
}
