/// `gemeenten[]`: a municipality of the region.
public struct Municipality: Sendable, Hashable {
    public var name: String
    public var inhabitants: Int?
    /// Perceel id → percentage of the region's spending (`aandeel`).
    public var shares: [String: Double]
    /// Perceel ids in the order written.
    public var shareOrder: [String]
    /// Positions of each perceel id key inside `aandeel`.
    public var shareSource: SourceRef?
    public var source: SourceRef
}
