/// A block-level node of the body, a cell, a note, a comment or a header.
public enum Block: Sendable, Hashable {
    case heading(Heading)
    case paragraph(Paragraph)
    case listItem(ListItem)
    case table(Table)
    case `break`(BlockBreak)
    /// A block-level content control (`w:sdt` around paragraphs or tables).
    case contentControl(BlockContentControl)
    /// A named region (`text:section` in ODF).
    case section(Section)
}

/// A page or section break standing between blocks.
public struct BlockBreak: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case page
        case section
    }

    public var kind: Kind

    public init(kind: Kind) {
        self.kind = kind
    }
}
