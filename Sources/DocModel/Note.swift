/// A footnote or endnote body.
public struct Note: Sendable, Hashable {
    public var kind: NoteKind
    public var id: String
    public var blocks: [Block]

    public init(kind: NoteKind, id: String, blocks: [Block]) {
        self.kind = kind
        self.id = id
        self.blocks = blocks
    }
}
