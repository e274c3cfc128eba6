/// The keys allowed (and required) at each place in the tender file; the loader, the
/// did-you-mean suggestions and the schema test use these tables.
public enum TenderKeys {
    public struct Place: Sendable {
        public var allowed: [String]
        public var required: [String]
    }

    public static let top = Place(
        allowed: ["versie", "titel", "aanbestedende_dienst", "kenmerk", "procedure", "regime", "planning", "looptijd",
                  "percelen", "minimumeisen", "dossier", "partijen", "contactverbod", "klachten", "hoofdstukken"],
        required: ["versie", "titel", "aanbestedende_dienst", "kenmerk", "procedure", "regime", "planning", "looptijd",
                   "percelen", "dossier", "partijen", "contactverbod", "klachten"])
    public static let authority = Place(allowed: ["naam", "regio", "gemeenten"], required: ["naam"])
    public static let municipality = Place(allowed: ["naam", "inwoners", "aandeel"], required: ["naam"])
    public static let reference = Place(allowed: ["platform", "nummer"], required: ["platform", "nummer"])
    public static let planning = Place(
        allowed: ["publicatie", "vragenrondes", "sluiting_selectiefase", "selectiebeslissing", "start_gunningsfase",
                  "sluiting_gunningsfase", "gunningsbeslissing", "standstill_einde", "start_contract", "termijnen"],
        required: ["publicatie"])
    public static let questionRound = Place(allowed: ["vragen_uiterlijk", "nota_van_inlichtingen"],
                                            required: ["vragen_uiterlijk", "nota_van_inlichtingen"])
    public static let terms = Place(allowed: ["aanvraag_dagen", "antwoorden_dagen", "standstill_dagen"], required: [])
    public static let duration = Place(allowed: ["initieel_jaren", "verlengingen"], required: ["initieel_jaren"])
    public static let lot = Place(
        allowed: ["id", "naam", "omschrijving", "maximum_aanbieders", "kerncompetenties", "minimumeisen", "criteria", "segmenten"],
        required: ["id", "naam"])
    public static let coreCompetence = Place(allowed: ["omschrijving", "jaren_ervaring", "inwoners_minimaal", "referenties"],
                                             required: ["omschrijving"])
    public static let segment = Place(
        allowed: ["id", "naam", "omschrijving", "aanbieders", "bekostiging", "minimumeisen", "criteria", "sub_segmenten"],
        required: ["id", "naam"])
    public static let subSegment = Place(
        allowed: ["id", "naam", "omschrijving", "aanbieders", "bekostiging", "minimumeisen"],
        required: ["id", "naam"])
    public static let providers = Place(allowed: ["minimum", "maximum"], required: ["minimum", "maximum"])
    public static let criterion = Place(
        allowed: ["id", "naam", "omschrijving", "weging", "maximum_woorden", "maximum_paginas"],
        required: ["id", "naam", "weging"])
    public static let minimumRequirement = Place(allowed: ["id", "eis", "toelichting", "bewijs", "uiterlijk"], required: ["id", "eis"])
    public static let evidence = Place(allowed: ["soort", "register", "maximale_ouderdom_dagen", "omschrijving"], required: ["soort"])
    public static let dossier = Place(
        allowed: ["maximum_paginas", "maximum_woorden", "lettergrootte_minimaal", "formaat", "referenties"], required: [])
    public static let dossierReferences = Place(allowed: ["aantal"], required: ["aantal"])
    public static let parties = Place(
        allowed: ["uea_ondertekening", "combinaties_toegestaan", "derden_eigen_uea", "vaste_onderaannemers_vermelden", "incidentele_onderaannemers_vermelden"],
        required: [])
    public static let contactBan = Place(allowed: ["tekst", "sanctie"], required: ["tekst"])
    public static let complaints = Place(allowed: ["naam", "email", "telefoon"], required: ["naam", "email"])
    public static let chapters = Place(allowed: Chapters.keys, required: [])

    /// Keys whose date alone means 23:59 rather than 00:00.
    public static func isDeadline(_ key: String) -> Bool {
        key.hasSuffix("_uiterlijk") || key.hasPrefix("sluiting_") || key.hasSuffix("_einde") || key == "uiterlijk"
    }
}
