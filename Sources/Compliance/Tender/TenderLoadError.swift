import DocModel

/// Why a tender file could not be read at all (exit status 2): missing, too large, not
/// YAML/JSON, nested too deep or expanding too far through aliases.
public struct TenderLoadError: Error, Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case unreadable, tooLarge, notText, syntax, tooDeep, aliasExpansion, notAMapping
    }

    public var kind: Kind
    public var file: String
    public var position: SourcePosition?
    public var reason: LocalizedText

    public init(_ kind: Kind, file: String, position: SourcePosition? = nil, reason: LocalizedText) {
        self.kind = kind
        self.file = file
        self.position = position
        self.reason = reason
    }

    /// One line: `file[:line:column]: reason`.
    public func message(in language: Language) -> String {
        let place = position.map { "\(file):\($0.line):\($0.column)" } ?? file
        return "\(place): \(reason.text(in: language))"
    }
}
