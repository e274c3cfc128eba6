import DocModel
import PackageIO

/// One problem in a template, with its place.
public struct TemplateError: Error, Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// `{{#x}}` or `{{^x}}` without `{{/x}}`.
        case unclosedSection(String)
        /// `{{/x}}` with no section open.
        case closeWithoutOpen(String)
        /// `{{/x}}` while `{{#expected}}` is the innermost open section.
        case mismatchedClose(String, expected: String)
        /// Not a valid tag (`{{}}`, `{{a b}}`, a `{{` never closed in its paragraph).
        case badSyntax
        case unknownFilter(String)
        case unknownVariable(String)
        /// A section spans paragraphs but its tags do not stand alone in their paragraphs
        /// (or stand in places that cannot be repeated as a whole).
        case sectionSpansParagraphs(String)
        /// A filter got a value it cannot format (`datum` on "morgen").
        case badValue(String, filter: String)
    }

    public var kind: Kind
    /// The tag as written, with braces.
    public var tag: String
    public var location: TemplateLocation

    public init(_ kind: Kind, tag: String, location: TemplateLocation) {
        self.kind = kind
        self.tag = tag
        self.location = location
    }

    /// One line: `word/document.xml, alinea 14: {{#segmenten}} wordt niet gesloten ("…")`.
    public func message(in l: Language) -> String {
        let text: String
        switch kind {
        case .unclosedSection:
            text = l.pick("\(tag) wordt niet gesloten", "\(tag) is not closed")
        case .closeWithoutOpen:
            text = l.pick("\(tag) sluit een sectie die niet geopend is", "\(tag) closes a section that was not opened")
        case .mismatchedClose(_, let expected):
            text = l.pick("\(tag) sluit de verkeerde sectie; verwacht {{/\(expected)}}", "\(tag) closes the wrong section; expected {{/\(expected)}}")
        case .badSyntax:
            text = l.pick("\(tag) is geen geldige tag", "\(tag) is not a valid tag")
        case .unknownFilter(let filter):
            text = l.pick(
                "\(tag): onbekend filter '\(filter)' (bekend: \(TemplateFilters.names.joined(separator: ", ")))",
                "\(tag): unknown filter '\(filter)' (known: \(TemplateFilters.names.joined(separator: ", ")))")
        case .unknownVariable(let path):
            text = l.pick("\(tag): onbekende variabele '\(path)'", "\(tag): unknown variable '\(path)'")
        case .sectionSpansParagraphs:
            text = l.pick(
                "\(tag) loopt over meerdere alinea's maar staat niet alleen in een eigen alinea (of niet in dezelfde tabelrij als de sluittag)",
                "\(tag) spans paragraphs but does not stand alone in its own paragraph (or in the same table row as its close tag)")
        case .badValue(let value, let filter):
            text = l.pick("\(tag): '\(value)' past niet bij filter '\(filter)'", "\(tag): '\(value)' does not suit filter '\(filter)'")
        }
        let place = l.pick("alinea", "paragraph")
        let context = location.context.isEmpty ? "" : " (\"\(location.context)\")"
        return "\(location.part), \(place) \(location.paragraph): \(text)\(context)"
    }
}

/// All problems found in one pass over a template.
public struct TemplateErrors: Error, Sendable {
    public var errors: [TemplateError]

    public init(_ errors: [TemplateError]) { self.errors = errors }

    /// One line per problem.
    public func messages(in language: Language) -> [String] { errors.map { $0.message(in: language) } }
}
