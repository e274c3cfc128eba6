/// A picture anchored in a paragraph.
public struct Image: Sendable, Hashable {
    /// The object's name in the editor ("Picture 1", ODF frame name).
    public var name: String?
    /// The alternative text (DOCX `descr`, ODF `svg:desc`).
    public var altText: String?
    public var title: String?
    /// The package part holding the image, or an external address for a linked image.
    public var target: String?
    /// True when the picture is linked from outside the package rather than embedded.
    public var isExternal: Bool

    public init(
        name: String? = nil, altText: String? = nil, title: String? = nil,
        target: String? = nil, isExternal: Bool = false
    ) {
        self.name = name
        self.altText = altText
        self.title = title
        self.target = target
        self.isExternal = isExternal
    }
}
