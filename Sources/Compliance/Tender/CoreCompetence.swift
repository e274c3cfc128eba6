/// `kerncompetenties[]`: a proven core competence, shown by references.
public struct CoreCompetence: Sendable, Hashable {
    public var description: String
    public var yearsOfExperience: Int?
    public var minimumInhabitants: Int?
    /// References asked (default 1).
    public var references: Int
    public var source: SourceRef
}
