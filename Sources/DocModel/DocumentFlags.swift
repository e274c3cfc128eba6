/// What a checker must warn about in a document before it is submitted.
public struct DocumentFlags: Sendable, Hashable {
    /// Comments in the document.
    public var comments = 0
    /// Unaccepted tracked changes: revised runs and revised paragraph marks.
    public var trackedChanges = 0
    /// Hidden runs and hidden paragraphs or sections.
    public var hiddenText = 0
    public var macros: [String] = []
    /// External relationships that are not plain hyperlinks, and an external attached template.
    public var externalReferences: [String] = []
    public var embeddedObjects: [String] = []
    public var signatureParts: [String] = []
    /// Content controls and form fields, and how many still show their placeholder.
    public var contentControls = 0
    public var placeholdersShowing = 0

    public init() {}

    public init(document: Document) {
        var counter = FlagCounter()
        counter.visit(document.body)
        for note in document.notes { counter.visit(note.blocks) }
        for part in document.headersFooters { counter.visit(part.blocks) }
        comments = max(document.comments.count, counter.commentReferences.count)
        trackedChanges = counter.trackedChanges
        hiddenText = counter.hiddenText
        contentControls = counter.contentControls
        placeholdersShowing = counter.placeholdersShowing
        let facts = document.package
        macros = facts.macroParts
        externalReferences = facts.externalRelationships.filter { !$0.isHyperlink }.map(\.target)
        if let template = facts.attachedTemplate, !externalReferences.contains(template) {
            externalReferences.append(template)
        }
        embeddedObjects = facts.embeddedObjects
        signatureParts = facts.signatureParts
        if let pdf = document.pdf {
            // A PDF's scripts count as macros, launch actions as external references, embedded
            // files as embedded objects, markup annotations as comments, form fields as controls.
            comments += pdf.annotations
            macros += pdf.javaScript.map { "JavaScript (\($0))" }
            externalReferences += pdf.launchTargets
            embeddedObjects += pdf.attachments
            contentControls += pdf.formFields
        }
    }

    /// Names of the flags that are raised, in a fixed order.
    public var raised: [String] {
        var result: [String] = []
        if comments > 0 { result.append("comments") }
        if trackedChanges > 0 { result.append("trackedChanges") }
        if hiddenText > 0 { result.append("hiddenText") }
        if !macros.isEmpty { result.append("macros") }
        if !externalReferences.isEmpty { result.append("externalReferences") }
        if !embeddedObjects.isEmpty { result.append("embeddedObjects") }
        if !signatureParts.isEmpty { result.append("signatures") }
        return result
    }
}

struct FlagCounter: DocumentVisitor {
    var commentReferences: Set<String> = []
    var trackedChanges = 0
    var hiddenText = 0
    var contentControls = 0
    var placeholdersShowing = 0

    private mutating func paragraph(_ inlines: [Inline], _ attributes: ParagraphAttributes) {
        if attributes.markRevision != nil { trackedChanges += 1 }
        if attributes.isHidden { hiddenText += 1 }
        visit(inlines)
    }

    mutating func visitHeading(_ node: Heading) { paragraph(node.inlines, node.attributes) }
    mutating func visitParagraph(_ node: Paragraph) { paragraph(node.inlines, node.attributes) }
    mutating func visitListItem(_ node: ListItem) { paragraph(node.inlines, node.attributes) }
    mutating func visitSection(_ node: Section) {
        if node.isHidden { hiddenText += 1 }
        visit(node.blocks)
    }
    mutating func visitText(_ node: TextRun) {
        if node.style.contains(.hidden), !node.text.allSatisfy(\.isWhitespace) { hiddenText += 1 }
    }
    mutating func visitCommentReference(id: String) { commentReferences.insert(id) }
    mutating func visitRevision(_ node: RevisedInlines) {
        trackedChanges += 1
        visit(node.inlines)
    }
    mutating func visitBlockContentControl(_ node: BlockContentControl) {
        control(node.properties)
        visit(node.blocks)
    }
    mutating func visitInlineContentControl(_ node: InlineContentControl) {
        control(node.properties)
        visit(node.inlines)
    }
    private mutating func control(_ properties: ContentControlProperties) {
        contentControls += 1
        if properties.showingPlaceholder { placeholdersShowing += 1 }
    }
}
