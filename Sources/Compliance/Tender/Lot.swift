/// `percelen[]`: a lot (perceel), with segments or with its own criteria.
public struct Lot: Sendable, Hashable {
    public var id: String
    public var name: String
    public var description: String?
    public var maximumProviders: Int?
    public var coreCompetences: [CoreCompetence]
    public var minimumRequirements: [MinimumRequirement]
    public var criteria: [Criterion]
    public var segments: [Segment]
    public var source: SourceRef
}
