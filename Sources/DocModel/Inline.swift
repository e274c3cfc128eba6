/// An inline node of a paragraph.
public enum Inline: Sendable, Hashable {
    case text(TextRun)
    case tab
    case `break`(InlineBreak)
    case link(Link)
    case noteReference(NoteReference)
    /// Where a comment is anchored (DOCX `w:commentReference`, ODF `office:annotation`).
    case commentReference(id: String)
    case field(Field)
    case image(Image)
    case contentControl(InlineContentControl)
    case revision(RevisedInlines)
    /// A text box or frame with blocks of its own, anchored in the paragraph.
    case textBox(TextBox)
}

/// A line, page or column break inside a paragraph.
public struct InlineBreak: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case line, page, column
    }

    public var kind: Kind

    public init(kind: Kind) {
        self.kind = kind
    }
}
