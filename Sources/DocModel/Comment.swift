/// A reviewer's comment (DOCX `w:comment`, ODF `office:annotation`).
public struct Comment: Sendable, Hashable {
    public var id: String
    public var author: String?
    public var date: String?
    public var blocks: [Block]

    public init(id: String, author: String? = nil, date: String? = nil, blocks: [Block]) {
        self.id = id
        self.author = author
        self.date = date
        self.blocks = blocks
    }
}
