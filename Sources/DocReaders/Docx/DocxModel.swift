import DocModel
import PackageIO

// Stage 1 of the DOCX reader: a model shaped like WordprocessingML itself. Wrappers that carry
// no meaning for reading (smart tags, customXml, row- and cell-level content controls,
// mc:AlternateContent) are already resolved; styles, numbering and fields are not: stage 2
// (DocxConverter) interprets them.

enum DocxBlock {
    case paragraph(DocxParagraph)
    case table(DocxTable)
    case sdt(DocxSdtProperties, [DocxBlock])
}

struct DocxParagraph {
    var styleID: String?
    var numbering: DocxNumberingReference?
    var outlineLevel: Int?
    var markRevision: Revision?
    /// The paragraph carries a w:sectPr: a section ends here.
    var endsSection = false
    var items: [DocxInline] = []
}

struct DocxNumberingReference {
    var numID: String?
    var level: Int?
}

struct DocxTable {
    var styleID: String?
    var rows: [DocxRow] = []
}

struct DocxRow {
    var isHeader = false
    var gridBefore = 0
    /// A row-level content control around this row.
    var control: DocxSdtProperties?
    var cells: [DocxCell] = []
}

struct DocxCell {
    enum VerticalMerge { case none, restart, `continue` }
    var gridSpan = 1
    var verticalMerge = VerticalMerge.none
    /// A cell-level content control around this cell.
    var control: DocxSdtProperties?
    var blocks: [DocxBlock] = []
}

struct DocxRunProperties: Equatable {
    var styleID: String?
    var toggles = CharacterToggles()
}

struct DocxSdtProperties {
    var tag: String?
    var alias: String?
    var id: String?
    var kind: ContentControlProperties.Kind = .richText
    var showingPlaceholder = false
    var checked: Bool?

    var model: ContentControlProperties {
        ContentControlProperties(tag: tag, alias: alias, id: id, kind: kind, showingPlaceholder: showingPlaceholder, isChecked: checked)
    }
}

enum DocxInline {
    case run(DocxRunProperties, [DocxRunContent])
    case hyperlink(relationshipID: String?, anchor: String?, [DocxInline])
    case sdt(DocxSdtProperties, [DocxInline])
    case revision(Revision, [DocxInline])
    case simpleField(instruction: String, [DocxInline])
}

enum DocxRunContent {
    case text(String)
    case tab
    case `break`(InlineBreak.Kind)
    case fieldBegin
    case fieldSeparate
    case fieldEnd
    case instruction(String)
    case noteReference(NoteKind, String)
    case commentReference(String)
    case drawing(DocxDrawing)
}

struct DocxDrawing {
    var name: String?
    var description: String?
    var title: String?
    /// r:embed (internal) or r:link (external) of the picture, if it is one.
    var imageRelationship: String?
    var imageIsLinked = false
    /// Text box content, if the drawing holds text.
    var textBoxes: [[DocxBlock]] = []
    /// r:id of an embedded OLE object.
    var oleRelationship: String?
}
