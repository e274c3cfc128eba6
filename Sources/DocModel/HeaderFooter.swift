/// A page header or footer.
public struct HeaderFooter: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case header, footer
    }

    /// Which pages it is for: "default", "first", "even" (DOCX), or the ODF master page name.
    public var kind: Kind
    public var pages: String
    public var blocks: [Block]

    public init(kind: Kind, pages: String, blocks: [Block]) {
        self.kind = kind
        self.pages = pages
        self.blocks = blocks
    }
}
