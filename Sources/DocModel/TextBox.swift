/// A text box or text frame: blocks drawn inside a paragraph.
public struct TextBox: Sendable, Hashable {
    public var name: String?
    public var blocks: [Block]

    public init(name: String? = nil, blocks: [Block]) {
        self.name = name
        self.blocks = blocks
    }
}
