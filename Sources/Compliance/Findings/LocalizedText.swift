import DocModel

/// A user-facing text in both supported languages, rendered with a `Language`.
public struct LocalizedText: Sendable, Hashable, Codable {
    public var nl: String
    public var en: String

    public init(nl: String, en: String) {
        self.nl = nl
        self.en = en
    }

    /// Shorthand: `LocalizedText("Dutch", "English")`.
    public init(_ nl: String, _ en: String) {
        self.init(nl: nl, en: en)
    }

    public func text(in language: Language) -> String { language.pick(nl, en) }
}
