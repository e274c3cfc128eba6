/// The properties of a content control (DOCX `w:sdt`) or an ODF form control or input field:
/// what a form-filling checker reads back.
public struct ContentControlProperties: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case richText, plainText, date, dropDown, comboBox, checkbox, picture, group, other
    }

    public var tag: String?
    public var alias: String?
    public var id: String?
    public var kind: Kind
    /// The control still shows its placeholder text: nothing has been filled in.
    public var showingPlaceholder: Bool
    /// For a checkbox: whether it is checked.
    public var isChecked: Bool?

    public init(
        tag: String? = nil,
        alias: String? = nil,
        id: String? = nil,
        kind: Kind = .richText,
        showingPlaceholder: Bool = false,
        isChecked: Bool? = nil
    ) {
        self.tag = tag
        self.alias = alias
        self.id = id
        self.kind = kind
        self.showingPlaceholder = showingPlaceholder
        self.isChecked = isChecked
    }
}

/// A content control around whole blocks.
public struct BlockContentControl: Sendable, Hashable {
    public var properties: ContentControlProperties
    public var blocks: [Block]

    public init(properties: ContentControlProperties, blocks: [Block]) {
        self.properties = properties
        self.blocks = blocks
    }
}

/// A content control inside a paragraph.
public struct InlineContentControl: Sendable, Hashable {
    public var properties: ContentControlProperties
    public var inlines: [Inline]

    public init(properties: ContentControlProperties, inlines: [Inline]) {
        self.properties = properties
        self.inlines = inlines
    }
}
