import PackageIO

/// A parsed `{{…}}` tag.
struct TemplateTag {
    enum Kind: Equatable {
        case variable
        case open
        case inverted
        case close
        /// Not understood; the error is reported, the tag renders as nothing.
        case invalid
    }

    var kind: Kind
    /// The dotted path ("percelen.naam"), or "." for the current item.
    var path: String
    var filter: String?
    /// The tag as written, with braces.
    var source: String
    var location: TemplateLocation

    /// Parses the text between the braces.
    static func parse(inner: String, source: String, location: TemplateLocation) -> (TemplateTag, TemplateError.Kind?) {
        var tag = TemplateTag(kind: .variable, path: "", filter: nil, source: source, location: location)
        var body = inner.trimmedTemplateSpace()
        if let first = body.first, first == "#" || first == "^" || first == "/" {
            tag.kind = first == "#" ? .open : first == "^" ? .inverted : .close
            body = String(body.dropFirst()).trimmedTemplateSpace()
        }
        let pieces = body.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(pieces[0]).trimmedTemplateSpace()
        tag.path = path
        guard isValidPath(path) else {
            tag.kind = .invalid
            return (tag, .badSyntax)
        }
        if pieces.count == 2 {
            let filter = String(pieces[1]).trimmedTemplateSpace()
            guard tag.kind == .variable else {
                tag.kind = .invalid
                return (tag, .badSyntax)
            }
            guard !filter.isEmpty, filter.unicodeScalars.allSatisfy({ isNameScalar($0) }) else {
                tag.kind = .invalid
                return (tag, .badSyntax)
            }
            guard TemplateFilters.names.contains(filter) else {
                return (tag, .unknownFilter(filter))
            }
            tag.filter = filter
        }
        if tag.kind != .variable && path == "." && tag.kind != .close {
            // `{{#.}}` is allowed: the current item as a section.
        }
        return (tag, nil)
    }

    static func isNameScalar(_ c: Unicode.Scalar) -> Bool {
        c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_" || c == "-"
    }

    /// "." or segments of letters, digits, `_` and `-` joined by dots.
    static func isValidPath(_ path: String) -> Bool {
        if path == "." { return true }
        guard !path.isEmpty else { return false }
        for segment in path.split(separator: ".", omittingEmptySubsequences: false) {
            guard !segment.isEmpty, segment.unicodeScalars.allSatisfy({ isNameScalar($0) }) else { return false }
        }
        return true
    }
}

/// Where a tag stands: the part, the paragraph (1-based within the part) and the text around it.
public struct TemplateLocation: Sendable, Hashable {
    public var part: String
    public var paragraph: Int
    public var context: String

    public init(part: String, paragraph: Int, context: String) {
        self.part = part
        self.paragraph = paragraph
        self.context = context
    }
}
