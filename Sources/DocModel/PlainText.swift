/// Collects the text a reader sees once all tracked changes are accepted:
/// deleted and moved-away text is left out, and so is hidden text unless asked for.
/// Text boxes are left out of a paragraph's text (they are blocks of their own).
public struct PlainTextCollector: DocumentVisitor {
    public private(set) var text = ""
    public var includeHidden: Bool

    public init(includeHidden: Bool = false) {
        self.includeHidden = includeHidden
    }

    public mutating func visitText(_ node: TextRun) {
        if includeHidden || !node.style.contains(.hidden) { text += node.text }
    }
    public mutating func visitTab() { text += "\t" }
    public mutating func visitInlineBreak(_ node: InlineBreak) { text += "\n" }
    public mutating func visitRevision(_ node: RevisedInlines) {
        if node.revision.survivesAcceptance { visit(node.inlines) }
    }
    public mutating func visitTextBox(_ node: TextBox) {}
    public mutating func visitParagraph(_ node: Paragraph) { paragraph(node.inlines, node.attributes) }
    public mutating func visitHeading(_ node: Heading) { paragraph(node.inlines, node.attributes) }
    public mutating func visitListItem(_ node: ListItem) { paragraph(node.inlines, node.attributes) }

    private mutating func paragraph(_ inlines: [Inline], _ attributes: ParagraphAttributes) {
        if attributes.isHidden && !includeHidden { return }
        if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
        visit(inlines)
    }
}

extension Array where Element == Inline {
    /// The visible text, whitespace runs folded to one space and trimmed.
    public var plainText: String {
        var collector = PlainTextCollector()
        collector.visit(self)
        return Words.normalizeSpace(collector.text)
    }
}

extension Array where Element == Block {
    /// The visible text of the blocks, one line per paragraph.
    public var plainText: String {
        var collector = PlainTextCollector()
        collector.visit(self)
        return collector.text
    }
}

extension Heading {
    public var text: String { inlines.plainText }
}

extension Paragraph {
    public var text: String { inlines.plainText }
}

extension ListItem {
    public var text: String { inlines.plainText }
}
