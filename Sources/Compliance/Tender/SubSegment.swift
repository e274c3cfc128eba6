/// `sub_segmenten[]`: a sub-segment (no criteria of its own, no further nesting).
public struct SubSegment: Sendable, Hashable {
    public var id: String
    public var name: String
    public var description: String?
    public var providers: ProviderRange?
    public var funding: Funding?
    public var minimumRequirements: [MinimumRequirement]
    public var source: SourceRef
}
