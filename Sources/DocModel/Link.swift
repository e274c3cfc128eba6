/// A hyperlink: to an address outside the document, or to a bookmark inside it.
public struct Link: Sendable, Hashable {
    /// The external address (URL), if the link leaves the document.
    public var target: String?
    /// The bookmark name, if the link points inside the document.
    public var anchor: String?
    public var inlines: [Inline]

    public init(target: String? = nil, anchor: String? = nil, inlines: [Inline]) {
        self.target = target
        self.anchor = anchor
        self.inlines = inlines
    }
}
