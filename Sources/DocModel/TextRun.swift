/// A piece of text with one set of character properties.
public struct TextRun: Sendable, Hashable {
    public var text: String
    public var style: TextStyle

    public init(_ text: String, style: TextStyle = []) {
        self.text = text
        self.style = style
    }
}

/// Character properties that matter for reading and checking a document.
public struct TextStyle: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16

    public init(rawValue: UInt16) {
        self.rawValue = rawValue
    }

    public static let bold = TextStyle(rawValue: 1 << 0)
    public static let italic = TextStyle(rawValue: 1 << 1)
    public static let underline = TextStyle(rawValue: 1 << 2)
    public static let strikethrough = TextStyle(rawValue: 1 << 3)
    /// Hidden text (`w:vanish`, ODF `text:display="none"` or a hidden-text field).
    public static let hidden = TextStyle(rawValue: 1 << 4)
    public static let superscript = TextStyle(rawValue: 1 << 5)
    public static let `subscript` = TextStyle(rawValue: 1 << 6)

    /// Names in a stable order, for dumps and JSON.
    public var names: [String] {
        var result: [String] = []
        if contains(.bold) { result.append("bold") }
        if contains(.italic) { result.append("italic") }
        if contains(.underline) { result.append("underline") }
        if contains(.strikethrough) { result.append("strike") }
        if contains(.hidden) { result.append("hidden") }
        if contains(.superscript) { result.append("sup") }
        if contains(.`subscript`) { result.append("sub") }
        return result
    }
}
