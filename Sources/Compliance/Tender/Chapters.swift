/// `hoofdstukken`: free-text chapters (plain text; blank lines separate paragraphs).
public struct Chapters: Sendable, Hashable {
    public var introduction: String?
    public var clientPerspective: String?
    public var clientTransition: String?
    public var socialReturn: String?
    public var transport: String?
    public var furtherDevelopment: String?
    public var source: SourceRef

    /// The chapter keys in the order templates use.
    public static let keys = ["inleiding", "clientperspectief", "overgang_clienten", "sroi", "vervoer", "doorontwikkeling"]
}
