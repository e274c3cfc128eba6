/// How the UEAs of a tender are signed: the contracting authority decides (domain.md).
public enum UEASignature: String, Sendable, Hashable, CaseIterable {
    /// A package signature (DOCX/ODT) by the party itself, checked by `dossier check`.
    case electronic = "elektronisch"
    /// Signed by hand and scanned: a checker cannot verify it.
    case handwritten = "handgeschreven"
    /// Not signed at all.
    case none = "geen"
}

/// `partijen`: combinations, third parties and subcontractors.
public struct PartyRules: Sendable, Hashable {
    /// How every UEA is signed (default: electronically, by the party itself).
    public var ueaSignature: UEASignature = .electronic
    public var combinationsAllowed: Bool?
    /// Derden submit their own UEA, signed by themselves (default true).
    public var thirdPartiesOwnESPD: Bool
    public var listFixedSubcontractors: Bool?
    public var listIncidentalSubcontractors: Bool?
    public var source: SourceRef
}
