/// A tracked change: who made it, when, and what kind.
public struct Revision: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case insertion, deletion, moveFrom, moveTo
    }

    public var kind: Kind
    public var author: String?
    public var date: String?

    public init(kind: Kind, author: String? = nil, date: String? = nil) {
        self.kind = kind
        self.author = author
        self.date = date
    }

    /// Whether the text stays in the document once all changes are accepted.
    public var survivesAcceptance: Bool {
        kind == .insertion || kind == .moveTo
    }
}

/// Inline content that was inserted, deleted or moved with change tracking on.
public struct RevisedInlines: Sendable, Hashable {
    public var revision: Revision
    public var inlines: [Inline]

    public init(revision: Revision, inlines: [Inline]) {
        self.revision = revision
        self.inlines = inlines
    }
}
