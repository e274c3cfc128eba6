/// `bewijs[]`: evidence asked for a minimum requirement.
public struct Evidence: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case certificate = "certificaat"
        case register
        case chamberOfCommerceExtract = "kvk-uittreksel"
        case declaration = "verklaring"
        case document
    }

    public enum Register: String, Sendable, Hashable, CaseIterable {
        case agb = "AGB"
        case skj = "SKJ"
        case big = "BIG"
    }

    public var kind: Kind
    public var register: Register?
    public var maximumAgeDays: Int?
    public var description: String?
    public var source: SourceRef
}
