/// A document read from a DOCX, ODT, flat ODT or PDF file, independent of its format.
///
/// Everything is an immutable value: readers build it once, and walkers
/// (see ``DocumentVisitor``) derive outlines, flags and word counts from it.
public struct Document: Sendable, Hashable {
    public var format: DocumentFormat
    public var metadata: Metadata
    public var body: [Block]
    /// Footnotes and endnotes, in the order of their ids in the package.
    public var notes: [Note]
    public var comments: [Comment]
    public var headersFooters: [HeaderFooter]
    public var package: PackageFacts
    /// For a PDF: pages, heading source and what a checker must warn about.
    public var pdf: PDFFacts?

    public init(
        format: DocumentFormat,
        metadata: Metadata = Metadata(),
        body: [Block] = [],
        notes: [Note] = [],
        comments: [Comment] = [],
        headersFooters: [HeaderFooter] = [],
        package: PackageFacts = PackageFacts(),
        pdf: PDFFacts? = nil
    ) {
        self.format = format
        self.metadata = metadata
        self.body = body
        self.notes = notes
        self.comments = comments
        self.headersFooters = headersFooters
        self.package = package
        self.pdf = pdf
    }

    /// The note with the given kind and id, if the package has it.
    public func note(kind: NoteKind, id: String) -> Note? {
        notes.first { $0.kind == kind && $0.id == id }
    }
}

/// The file format a document was read from.
public enum DocumentFormat: String, Sendable, Hashable, Codable {
    /// Office Open XML word-processing package (.docx, .docm, .dotx).
    case docx
    /// OpenDocument text package (.odt, .ott).
    case odt
    /// Flat OpenDocument text: one XML file (.fodt).
    case flatODT = "fodt"
    /// PDF: text, bookmarks and tagged structure as poppler reads them.
    case pdf
}
