/// `criteria[]`: a selection criterion with its weight and dossier limit.
public struct Criterion: Sendable, Hashable {
    public var id: String
    public var name: String
    public var description: String?
    /// Percentage (`weging`).
    public var weight: Double
    public var maximumWords: Int?
    public var maximumPages: Int?
    public var source: SourceRef
}
