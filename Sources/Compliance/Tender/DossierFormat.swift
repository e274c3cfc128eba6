/// `dossier`: the format of the bekwaamheidsdossier.
public struct DossierFormat: Sendable, Hashable {
    public enum FileFormat: String, Sendable, Hashable, CaseIterable {
        case docx, odt, pdf
    }

    public var maximumPages: Int?
    public var maximumWords: Int?
    public var minimumFontSize: Double?
    public var formats: [FileFormat]
    /// `referenties.aantal`.
    public var references: Int?
    public var source: SourceRef
}
