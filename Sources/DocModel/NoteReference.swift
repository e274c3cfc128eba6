/// Where a footnote or endnote is referenced in the text.
public struct NoteReference: Sendable, Hashable {
    public var kind: NoteKind
    public var id: String
    /// The mark as shown, when the document gives one (ODF `text:note-citation`).
    public var label: String?

    public init(kind: NoteKind, id: String, label: String? = nil) {
        self.kind = kind
        self.id = id
        self.label = label
    }
}

public enum NoteKind: String, Sendable, Hashable, Codable {
    case footnote, endnote
}
