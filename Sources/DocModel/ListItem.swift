/// A paragraph that belongs to a numbered or bulleted list.
public struct ListItem: Sendable, Hashable {
    /// Nesting level, 1 for the outermost list.
    public var level: Int
    /// Identifies the list instance the item belongs to (DOCX `numId`, ODF list id or style).
    public var listID: String
    public var isOrdered: Bool
    /// The label as the editor shows it ("1.", "a)", "•"); nil for a continuation paragraph
    /// inside an item, which has no label of its own.
    public var label: String?
    public var inlines: [Inline]
    public var attributes: ParagraphAttributes

    public init(
        level: Int,
        listID: String,
        isOrdered: Bool,
        label: String?,
        inlines: [Inline],
        attributes: ParagraphAttributes = ParagraphAttributes()
    ) {
        self.level = level
        self.listID = listID
        self.isOrdered = isOrdered
        self.label = label
        self.inlines = inlines
        self.attributes = attributes
    }
}
