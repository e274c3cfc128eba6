#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import DocModel
import PackageIO

/// What `dossier inspect --json` prints for one file. Schema version 1, documented in
/// docs/inspect-json.md. Fields are only ever added within a version.
public struct InspectReport: Encodable {
    public static let schemaVersion = 1

    struct HeadingEntry: Encodable {
        var level: Int
        var text: String
        var label: String?
    }

    struct SectionEntry: Encodable {
        var level: Int
        var title: String
        var label: String?
        var words: Int
        var totalWords: Int
        var children: [SectionEntry]
    }

    struct TableEntry: Encodable {
        var rows: Int
        var columns: Int
        var headerRows: Int
        var style: String?
    }

    struct Flags: Encodable {
        var comments: Int
        var trackedChanges: Int
        var hiddenText: Int
        var macros: [String]
        var externalReferences: [String]
        var embeddedObjects: [String]
        var signatureParts: [String]
        var contentControls: Int
        var placeholdersShowing: Int
        var raised: [String]
    }

    struct MetadataEntry: Encodable {
        var title, subject, creator, description, keywords, lastModifiedBy: String?
        var created, modified, revision, language, application, company, template: String?
        var pages, words, characters, paragraphs: Int?
        var custom: [String: String]
    }

    /// For a PDF (schema 1, added): pages, where the headings came from, pages without text.
    struct PDFEntry: Encodable {
        var pages: Int
        /// "structure" (tagged PDF), "outline" (bookmarks matched to the text) or "none".
        var headingSource: String
        var pagesWithoutText: [Int]
        var unmatchedBookmarks: [String]
        var version: String?
        var formFields: Int
        var annotations: Int
    }

    struct PackageEntry: Encodable {
        var parts: Int
        var size: Int64
        var compressedSize: Int64
        var externalRelationships: [ExternalEntry]
    }

    struct ExternalEntry: Encodable {
        var source: String
        var type: String
        var target: String
    }

    var schemaVersion = InspectReport.schemaVersion
    var file: String
    var error: String?
    var format: String?
    var title: String?
    var headings: [HeadingEntry]?
    var words: Int?
    var preambleWords: Int?
    var outline: [SectionEntry]?
    var tables: [TableEntry]?
    var notes: Int?
    var headersFooters: Int?
    var flags: Flags?
    var metadata: MetadataEntry?
    var package: PackageEntry?
    var pdf: PDFEntry?

    public init(file: String, error: String) {
        self.file = file
        self.error = error
    }

    public init(file: String, document: Document) {
        self.file = file
        format = document.format.rawValue
        let outline = Outline(document: document)
        title = outline.title ?? (document.format == .pdf ? document.metadata.title : nil)
        if let facts = document.pdf {
            pdf = PDFEntry(pages: facts.pageSizes.count, headingSource: facts.headingSource.rawValue, pagesWithoutText: facts.pagesWithoutText,
                           unmatchedBookmarks: facts.unmatchedBookmarks, version: facts.version, formFields: facts.formFields,
                           annotations: facts.annotations)
        }
        words = outline.totalWords
        preambleWords = outline.preambleWords
        headings = outline.flattened.map { HeadingEntry(level: $0.level, text: $0.title, label: $0.label) }
        func entry(_ section: OutlineSection) -> SectionEntry {
            SectionEntry(level: section.level, title: section.title, label: section.label, words: section.words,
                         totalWords: section.totalWords, children: section.children.map(entry))
        }
        self.outline = outline.sections.map(entry)
        var tables = TableCollector()
        tables.visit(document.body)
        self.tables = tables.tables
        notes = document.notes.count
        headersFooters = document.headersFooters.count
        let raised = DocumentFlags(document: document)
        flags = Flags(
            comments: raised.comments, trackedChanges: raised.trackedChanges, hiddenText: raised.hiddenText,
            macros: raised.macros, externalReferences: raised.externalReferences, embeddedObjects: raised.embeddedObjects,
            signatureParts: raised.signatureParts, contentControls: raised.contentControls,
            placeholdersShowing: raised.placeholdersShowing, raised: raised.raised)
        let m = document.metadata
        var custom: [String: String] = [:]
        for property in m.custom { custom[property.name] = property.value }
        metadata = MetadataEntry(
            title: m.title, subject: m.subject, creator: m.creator, description: m.description, keywords: m.keywords,
            lastModifiedBy: m.lastModifiedBy, created: m.created, modified: m.modified, revision: m.revision,
            language: m.language, application: m.application, company: m.company, template: m.template,
            pages: m.pages, words: m.words, characters: m.characters, paragraphs: m.paragraphs, custom: custom)
        let parts = document.package.parts
        package = PackageEntry(
            parts: parts.count, size: parts.reduce(0) { $0 + $1.size }, compressedSize: parts.reduce(0) { $0 + $1.compressedSize },
            externalRelationships: document.package.externalRelationships.map { ExternalEntry(source: $0.source, type: $0.type, target: $0.target) })
    }

    public static func json<T: Encodable>(_ value: T) -> String { JSONText.string(value) }
}

/// Every table in the body, nested ones included, in document order.
struct TableCollector: DocumentVisitor {
    var tables: [InspectReport.TableEntry] = []

    mutating func visitTable(_ node: Table) {
        tables.append(InspectReport.TableEntry(
            rows: node.rows.count, columns: node.columnCount,
            headerRows: node.rows.filter(\.isHeader).count, style: node.style))
        for row in node.rows {
            for cell in row.cells { visit(cell.blocks) }
        }
    }
}
