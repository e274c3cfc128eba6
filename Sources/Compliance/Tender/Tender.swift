/// A tender as described by the officer in the tender file (docs/tender-format.md).
public struct Tender: Sendable, Hashable {
    /// The file it was read from.
    public var file: String
    public var version: Int
    public var title: String
    public var authority: Authority
    public var reference: TenderReference
    public var procedure: Procedure
    public var regime: Regime
    public var planning: Planning
    public var duration: Duration
    public var lots: [Lot]
    public var minimumRequirements: [MinimumRequirement]
    public var dossier: DossierFormat
    public var parties: PartyRules
    public var contactBan: ContactBan
    public var complaints: ComplaintsContact
    public var chapters: Chapters?
    /// The top-level mapping.
    public var source: SourceRef
}

/// `procedure`.
public enum Procedure: String, Sendable, Hashable, CaseIterable {
    case restricted = "niet-openbaar"
    case open = "openbaar"
}

/// `regime`.
public enum Regime: String, Sendable, Hashable, CaseIterable {
    /// Full EU regime.
    case european = "europees"
    /// Light regime for social and other specific services (Aw art. 2.39).
    case socialLight = "sociaal-licht"
    case national = "nationaal"
}

/// `kenmerk`: where the tender is published.
public struct TenderReference: Sendable, Hashable {
    public enum Platform: String, Sendable, Hashable, CaseIterable {
        case tenderNed = "TenderNed"
        case negometrix = "Negometrix"
    }

    public var platform: Platform
    public var number: String
    public var source: SourceRef
}
