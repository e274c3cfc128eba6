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

    public init(file: String? = nil, position: SourcePosition? = nil, path: String? = nil) {
        self.file = file
        self.position = position
        self.path = path
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
