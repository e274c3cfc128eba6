import DocModel

/// A line and column in a text file, both counted from 1 (columns in Unicode scalars).
public struct SourcePosition: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// Where a finding points: a file, optionally a line and column in it, and optionally a
/// logical path — a data path such as `percelen[0].segmenten[1]` in a tender file, or a
/// section/paragraph/field path such as `sectie 3 > alinea 2` in a document.
public struct Location: Sendable, Hashable, Codable {
    public var file: String?
    public var position: SourcePosition?
    public var path: String?
    /// In a document: the heading of the section (as written in the document, or the profile's
    /// title when the section is missing), the paragraph counted from 1 in the body, and the
    /// field (content-control tag or label).
    public var section: String?
    public var paragraph: Int?
    public var field: String?

    public init(file: String? = nil, position: SourcePosition? = nil, path: String? = nil,
                section: String? = nil, paragraph: Int? = nil, field: String? = nil) {
        self.file = file
        self.position = position
        self.path = path
        self.section = section
        self.paragraph = paragraph
        self.field = field
    }

    /// Whether a document location (section, paragraph or field) is set.
    public var hasDocumentLocation: Bool { section != nil || paragraph != nil || field != nil }

    /// "sectie „Gegevens inschrijver” › alinea 12 › veld kvk" / "section … › paragraph 12 › field kvk".
    public func documentText(in language: Language) -> String {
        var parts: [String] = []
        if let section { parts.append(language.pick("sectie „\(section)”", "section “\(section)”")) }
        if let paragraph { parts.append(language.pick("alinea \(paragraph)", "paragraph \(paragraph)")) }
        if let field { parts.append(language.pick("veld \(field)", "field \(field)")) }
        return parts.joined(separator: " › ")
    }

    public var line: Int? { position?.line }
    public var column: Int? { position?.column }

    /// `file:line:column`, `file` or the path, whichever is known.
    public var prefix: String {
        var parts: [String] = []
        if let file { parts.append(file) }
        if let position { parts.append("\(position.line)"); parts.append("\(position.column)") }
        if parts.isEmpty, let path { parts.append(path) }
        return parts.joined(separator: ":")
    }
}
