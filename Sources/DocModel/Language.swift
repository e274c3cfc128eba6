/// The language of user-facing text: Dutch by default, English on request.
public enum Language: String, Sendable, CaseIterable, Codable {
    case nl, en

    /// Picks the text for this language.
    public func pick(_ dutch: String, _ english: String) -> String {
        self == .nl ? dutch : english
    }
}
