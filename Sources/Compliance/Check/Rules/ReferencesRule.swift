import DocModel

/// `references`: as many references as the core competences ask (the form's rows with
/// `referentie-N-opdrachtgever` filled; in a house-style dossier, the filled rows of a table
/// whose header names the opdrachtgever).
public struct ReferencesRule: FindingsRule {
    public let id = "references"
    public let summary = LocalizedText("genoeg referenties", "enough references")
    public init() {}

    public func check(_ context: CheckContext) -> [Finding] {
        guard let dossier = context.dossier, let view = context.view else { return [] }
        let chosenLots = context.profile.lots.filter { context.applies(lot: $0.id, segment: nil) }
        guard let asked = context.profile.dossier.references ?? chosenLots.flatMap(\.coreCompetences).map(\.references).max(), asked > 0 else { return [] }
        var count = 0
        var paragraph: Int?
        let formRows = view.controls.filter { ($0.tag ?? "").hasPrefix("referentie-") && ($0.tag ?? "").hasSuffix("-opdrachtgever") }
        if !formRows.isEmpty {
            count = formRows.filter { !$0.isEmpty }.count
            paragraph = formRows.first?.paragraph
        } else {
            for table in view.tables {
                guard let header = table.rows.first?.map(TextMatch.normalize), let column = header.firstIndex(where: { $0.contains("opdrachtgever") }) else { continue }
                count += table.rows.dropFirst().filter { $0.count > column && !TextMatch.isPlaceholder($0[column]) }.count
                paragraph = paragraph ?? table.paragraph
            }
            if count == 0 {
                // House style without a table: one "Opdrachtgever: …" line per reference.
                let lines = view.labelled.filter { TextMatch.normalize($0.label).hasPrefix("opdrachtgever") }
                count = lines.filter { !TextMatch.isPlaceholder($0.value) }.count
                paragraph = lines.first?.paragraph
            }
        }
        let section = DossierForm.leadingSections[2].title
        if count < asked {
            return [finding(.error, LocalizedText("\(count) referentie(s) ingevuld, gevraagd zijn er \(asked)", "\(count) reference(s) filled in, \(asked) are asked"),
                            file: dossier.name, section: section, paragraph: paragraph, field: "referentie-\(count + 1)-opdrachtgever",
                            hint: LocalizedText("vul nog \(asked - count) referentie(s) in met opdrachtgever, inwoners, periode, dienstverlening en referent",
                                                "fill in \(asked - count) more reference(s) with opdrachtgever, inhabitants, period, services and referee"))]
        }
        return []
    }
}
