/// What paragraphs, headings and list items have in common besides their text.
public struct ParagraphAttributes: Sendable, Hashable {
    /// The display name of the paragraph style, if any (e.g. "heading 1", "Kop 1", "Text Body").
    public var style: String?
    /// The whole paragraph is hidden (ODF `text:hidden-paragraph`, or a hidden paragraph style).
    public var isHidden: Bool
    /// A tracked change on the paragraph mark (paragraph inserted or deleted).
    public var markRevision: Revision?

    public init(style: String? = nil, isHidden: Bool = false, markRevision: Revision? = nil) {
        self.style = style
        self.isHidden = isHidden
        self.markRevision = markRevision
    }
}
