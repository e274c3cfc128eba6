/// `segmenten[]`: a segment of a perceel.
public struct Segment: Sendable, Hashable {
    public var id: String
    public var name: String
    public var description: String?
    public var providers: ProviderRange?
    public var funding: Funding?
    public var minimumRequirements: [MinimumRequirement]
    public var criteria: [Criterion]
    public var subSegments: [SubSegment]
    public var source: SourceRef
}

/// `bekostiging`: the funding model.
public enum Funding: String, Sendable, Hashable, CaseIterable {
    case lumpsum
    case pxq
    case population = "populatiebekostiging"
    case taskBased = "taakgericht"
}

/// `aanbieders`: the wachtkamer rule — select the minimum, add up to the maximum only when
/// supply does not cover every municipality or specialism.
public struct ProviderRange: Sendable, Hashable {
    public var minimum: Int
    public var maximum: Int
    public var source: SourceRef
}
