/// The fixed parts of the bekwaamheidsdossier form (templates/bekwaamheidsdossier.*): its sections
/// and its fillable fields by content-control tag. The template and the profile both follow this
/// list, so that a checker finds in a filled form what the profile asks for.
public enum DossierForm {
    public struct FixedSection: Sendable {
        public var id: String
        public var title: String
    }

    /// Sections before the criteria, with the form's headings.
    public static let leadingSections = [
        FixedSection(id: "gegevens", title: "Gegevens inschrijver"),
        FixedSection(id: "partijen", title: "Betrokken partijen"),
        FixedSection(id: "referenties", title: "Kerncompetenties en referenties"),
    ]

    /// Sections after the criteria.
    public static let trailingSections = [
        FixedSection(id: "bewijsstukken", title: "Bewijsstukken"),
        FixedSection(id: "verklaring", title: "Verklaring en ondertekening"),
    ]

    /// Eight digits: the form of a KvK number and of an AGB code.
    public static let eightDigits = "^[0-9]{8}$"

    public static let fields: [RequirementsProfile.FieldRule] = [
        .init(tag: "naam", label: "Naam inschrijver", required: true, pattern: nil),
        .init(tag: "kvk", label: "KvK-nummer", required: true, pattern: eightDigits),
        .init(tag: "agb", label: "AGB-code", required: true, pattern: eightDigits),
        .init(tag: "bera", label: "BerA-nummer", required: false, pattern: nil),
        .init(tag: "percelen", label: "Gekozen percelen en segmenten", required: true, pattern: nil),
        .init(tag: "contactpersoon", label: "Contactpersoon", required: true, pattern: nil),
        .init(tag: "email", label: "E-mailadres", required: true, pattern: "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"),
        .init(tag: "telefoon", label: "Telefoonnummer", required: true, pattern: nil),
        .init(tag: "ondertekenaar-naam", label: "Naam ondertekenaar", required: true, pattern: nil),
        .init(tag: "ondertekenaar-functie", label: "Functie ondertekenaar", required: true, pattern: nil),
        .init(tag: "ondertekening-datum", label: "Datum ondertekening", required: true, pattern: nil),
        .init(tag: "handtekening", label: "Handtekening", required: true, pattern: nil),
    ]

    /// The section id of a criterion's answer: unique across percelen and segmenten. The form's
    /// answer control carries it as its tag (templates see it as `sectie_id` on each criterion).
    public static func criterionSectionID(lot: String, segment: String?, criterion: String) -> String {
        ["criterium", lot, segment, criterion].compactMap { $0 }.joined(separator: "-")
    }
}
