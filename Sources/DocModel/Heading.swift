/// A heading with its outline level (1 is the top).
public struct Heading: Sendable, Hashable {
    public var level: Int
    public var inlines: [Inline]
    /// The number label an automatic numbering gives it ("2.1"), when numbered.
    public var label: String?
    /// True for the document title (Word's "Title" style, ODF `Title`); level is then 0.
    public var isTitle: Bool
    public var attributes: ParagraphAttributes

    public init(
        level: Int,
        inlines: [Inline],
        label: String? = nil,
        isTitle: Bool = false,
        attributes: ParagraphAttributes = ParagraphAttributes()
    ) {
        self.level = level
        self.inlines = inlines
        self.label = label
        self.isTitle = isTitle
        self.attributes = attributes
    }
}
