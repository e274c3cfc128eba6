/// `partijen`: combinations, third parties and subcontractors.
public struct PartyRules: Sendable, Hashable {
    public var combinationsAllowed: Bool?
    /// Derden submit their own UEA, signed by themselves (default true).
    public var thirdPartiesOwnESPD: Bool
    public var listFixedSubcontractors: Bool?
    public var listIncidentalSubcontractors: Bool?
    public var source: SourceRef
}
