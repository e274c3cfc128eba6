/// A named region of blocks (ODF `text:section`).
public struct Section: Sendable, Hashable {
    public var name: String?
    public var isHidden: Bool
    public var blocks: [Block]

    public init(name: String? = nil, isHidden: Bool = false, blocks: [Block]) {
        self.name = name
        self.isHidden = isHidden
        self.blocks = blocks
    }
}
