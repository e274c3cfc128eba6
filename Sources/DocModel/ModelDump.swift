/// A stable, line-oriented dump of a document model, one node per line, children indented.
/// Tests pair an input document with its expected dump (pandoc's native-output idea).
public struct ModelDump: DocumentVisitor {
    public private(set) var lines: [String] = []
    private var depth = 0

    public init() {}

    /// The dump of a whole document: body, notes, comments, headers and footers.
    public static func dump(_ document: Document) -> String {
        var dumper = ModelDump()
        dumper.line("Document \(document.format.rawValue)")
        dumper.nested { $0.visit(document.body) }
        for note in document.notes {
            dumper.line("Note \(note.kind.rawValue) \(quote(note.id))")
            dumper.nested { $0.visit(note.blocks) }
        }
        for comment in document.comments {
            dumper.line("Comment \(quote(comment.id))" + optional("author", comment.author))
            dumper.nested { $0.visit(comment.blocks) }
        }
        for part in document.headersFooters {
            dumper.line("\(part.kind == .header ? "Header" : "Footer") \(quote(part.pages))")
            dumper.nested { $0.visit(part.blocks) }
        }
        return dumper.lines.joined(separator: "\n") + "\n"
    }

    /// The dump of some blocks alone.
    public static func dump(_ blocks: [Block]) -> String {
        var dumper = ModelDump()
        dumper.visit(blocks)
        return dumper.lines.joined(separator: "\n") + "\n"
    }

    static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 { result += "\\u{\(String(scalar.value, radix: 16))}" } else { result.unicodeScalars.append(scalar) }
            }
        }
        return result + "\""
    }

    static func optional(_ name: String, _ value: String?) -> String {
        value.map { " \(name)=\(quote($0))" } ?? ""
    }

    private static func attributes(_ attributes: ParagraphAttributes) -> String {
        var result = optional("style", attributes.style)
        if attributes.isHidden { result += " hidden" }
        if let revision = attributes.markRevision { result += " mark=\(revision.kind.rawValue)" }
        return result
    }

    private static func properties(_ properties: ContentControlProperties) -> String {
        var result = " \(properties.kind.rawValue)"
        result += optional("tag", properties.tag) + optional("alias", properties.alias)
        if properties.showingPlaceholder { result += " placeholder" }
        if let checked = properties.isChecked { result += checked ? " checked" : " unchecked" }
        return result
    }

    private mutating func line(_ text: String) {
        lines.append(String(repeating: "  ", count: depth) + text)
    }

    private mutating func nested(_ body: (inout ModelDump) -> Void) {
        depth += 1
        body(&self)
        depth -= 1
    }

    public mutating func visitHeading(_ node: Heading) {
        let kind = node.isTitle ? "Title" : "Heading \(node.level)"
        line(kind + Self.optional("label", node.label) + Self.attributes(node.attributes))
        nested { $0.visit(node.inlines) }
    }

    public mutating func visitParagraph(_ node: Paragraph) {
        line("Paragraph" + Self.attributes(node.attributes))
        nested { $0.visit(node.inlines) }
    }

    public mutating func visitListItem(_ node: ListItem) {
        line("ListItem \(node.level) \(node.isOrdered ? "ordered" : "bullet") list=\(Self.quote(node.listID))"
            + Self.optional("label", node.label) + Self.attributes(node.attributes))
        nested { $0.visit(node.inlines) }
    }

    public mutating func visitTable(_ node: Table) {
        line("Table" + Self.optional("style", node.style))
        nested { dumper in
            for row in node.rows {
                dumper.line((row.isHeader ? "Row header" : "Row") + (row.contentControl.map { " control" + Self.properties($0) } ?? ""))
                dumper.nested { dumper in
                    for cell in row.cells {
                        var spans = ""
                        if cell.columnSpan != 1 { spans += " colspan=\(cell.columnSpan)" }
                        if cell.rowSpan != 1 { spans += " rowspan=\(cell.rowSpan)" }
                        dumper.line("Cell" + spans)
                        dumper.nested { $0.visit(cell.blocks) }
                    }
                }
            }
        }
    }

    public mutating func visitBlockBreak(_ node: BlockBreak) { line("Break \(node.kind.rawValue)") }

    public mutating func visitBlockContentControl(_ node: BlockContentControl) {
        line("ContentControl" + Self.properties(node.properties))
        nested { $0.visit(node.blocks) }
    }

    public mutating func visitSection(_ node: Section) {
        line("Section" + Self.optional("name", node.name) + (node.isHidden ? " hidden" : ""))
        nested { $0.visit(node.blocks) }
    }

    public mutating func visitText(_ node: TextRun) {
        let style = node.style.names
        line("Text \(Self.quote(node.text))" + (style.isEmpty ? "" : " [\(style.joined(separator: ","))]"))
    }

    public mutating func visitTab() { line("Tab") }
    public mutating func visitInlineBreak(_ node: InlineBreak) { line("Break \(node.kind.rawValue)") }

    public mutating func visitLink(_ node: Link) {
        line("Link" + Self.optional("target", node.target) + Self.optional("anchor", node.anchor))
        nested { $0.visit(node.inlines) }
    }

    public mutating func visitNoteReference(_ node: NoteReference) {
        line("NoteRef \(node.kind.rawValue) \(Self.quote(node.id))")
    }

    public mutating func visitCommentReference(id: String) { line("CommentRef \(Self.quote(id))") }

    public mutating func visitField(_ node: Field) {
        line("Field \(Self.quote(node.instruction))")
        nested { $0.visit(node.result) }
    }

    public mutating func visitImage(_ node: Image) {
        line("Image" + Self.optional("name", node.name) + Self.optional("alt", node.altText)
            + Self.optional("target", node.target) + (node.isExternal ? " external" : ""))
    }

    public mutating func visitInlineContentControl(_ node: InlineContentControl) {
        line("ContentControl" + Self.properties(node.properties))
        nested { $0.visit(node.inlines) }
    }

    public mutating func visitRevision(_ node: RevisedInlines) {
        line("Revision \(node.revision.kind.rawValue)" + Self.optional("author", node.revision.author))
        nested { $0.visit(node.inlines) }
    }

    public mutating func visitTextBox(_ node: TextBox) {
        line("TextBox" + Self.optional("name", node.name))
        nested { $0.visit(node.blocks) }
    }
}
