/// Walks a document tree. Every method has a default that descends into the node's children,
/// so a visitor overrides only the nodes it cares about and calls `descend` where it still
/// wants the children. This is the one place that switches over ``Block`` and ``Inline``.
public protocol DocumentVisitor {
    mutating func visitHeading(_ node: Heading)
    mutating func visitParagraph(_ node: Paragraph)
    mutating func visitListItem(_ node: ListItem)
    mutating func visitTable(_ node: Table)
    mutating func visitBlockBreak(_ node: BlockBreak)
    mutating func visitBlockContentControl(_ node: BlockContentControl)
    mutating func visitSection(_ node: Section)

    mutating func visitText(_ node: TextRun)
    mutating func visitTab()
    mutating func visitInlineBreak(_ node: InlineBreak)
    mutating func visitLink(_ node: Link)
    mutating func visitNoteReference(_ node: NoteReference)
    mutating func visitCommentReference(id: String)
    mutating func visitField(_ node: Field)
    mutating func visitImage(_ node: Image)
    mutating func visitInlineContentControl(_ node: InlineContentControl)
    mutating func visitRevision(_ node: RevisedInlines)
    mutating func visitTextBox(_ node: TextBox)
}

extension DocumentVisitor {
    public mutating func visit(_ block: Block) {
        switch block {
        case .heading(let node): visitHeading(node)
        case .paragraph(let node): visitParagraph(node)
        case .listItem(let node): visitListItem(node)
        case .table(let node): visitTable(node)
        case .break(let node): visitBlockBreak(node)
        case .contentControl(let node): visitBlockContentControl(node)
        case .section(let node): visitSection(node)
        }
    }

    public mutating func visit(_ inline: Inline) {
        switch inline {
        case .text(let node): visitText(node)
        case .tab: visitTab()
        case .break(let node): visitInlineBreak(node)
        case .link(let node): visitLink(node)
        case .noteReference(let node): visitNoteReference(node)
        case .commentReference(let id): visitCommentReference(id: id)
        case .field(let node): visitField(node)
        case .image(let node): visitImage(node)
        case .contentControl(let node): visitInlineContentControl(node)
        case .revision(let node): visitRevision(node)
        case .textBox(let node): visitTextBox(node)
        }
    }

    public mutating func visit(_ blocks: [Block]) {
        for block in blocks { visit(block) }
    }

    public mutating func visit(_ inlines: [Inline]) {
        for inline in inlines { visit(inline) }
    }

    // Defaults: descend.
    public mutating func visitHeading(_ node: Heading) { visit(node.inlines) }
    public mutating func visitParagraph(_ node: Paragraph) { visit(node.inlines) }
    public mutating func visitListItem(_ node: ListItem) { visit(node.inlines) }
    public mutating func visitTable(_ node: Table) {
        for row in node.rows {
            for cell in row.cells { visit(cell.blocks) }
        }
    }
    public mutating func visitBlockBreak(_ node: BlockBreak) {}
    public mutating func visitBlockContentControl(_ node: BlockContentControl) { visit(node.blocks) }
    public mutating func visitSection(_ node: Section) { visit(node.blocks) }

    public mutating func visitText(_ node: TextRun) {}
    public mutating func visitTab() {}
    public mutating func visitInlineBreak(_ node: InlineBreak) {}
    public mutating func visitLink(_ node: Link) { visit(node.inlines) }
    public mutating func visitNoteReference(_ node: NoteReference) {}
    public mutating func visitCommentReference(id: String) {}
    public mutating func visitField(_ node: Field) { visit(node.result) }
    public mutating func visitImage(_ node: Image) {}
    public mutating func visitInlineContentControl(_ node: InlineContentControl) { visit(node.inlines) }
    public mutating func visitRevision(_ node: RevisedInlines) { visit(node.inlines) }
    public mutating func visitTextBox(_ node: TextBox) { visit(node.blocks) }
}
