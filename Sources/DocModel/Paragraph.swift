/// A paragraph of running text.
public struct Paragraph: Sendable, Hashable {
    public var inlines: [Inline]
    public var attributes: ParagraphAttributes

    public init(inlines: [Inline], attributes: ParagraphAttributes = ParagraphAttributes()) {
        self.inlines = inlines
        self.attributes = attributes
    }
}
