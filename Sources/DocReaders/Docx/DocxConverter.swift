import DocModel
import PackageIO

/// Stage 2: the DOCX-shaped model into the format-neutral document model. Interprets styles
/// (headings by style chain and outline level), numbering (labels, restarts), complex fields
/// (result shown, instruction kept apart), vertical merges and relationships.
struct DocxConverter {
    let styles: DocxStyles
    var numbering: DocxNumbering
    /// Relationships of the part being converted (document, a note part, a header…).
    var relationships: [String: Relationship] = [:]
    /// Open complex fields carried from one paragraph to the next (a TOC spans many).
    private var carriedFields: [FieldFrame] = []

    init(styles: DocxStyles, numbering: DocxNumbering) {
        self.styles = styles
        self.numbering = numbering
    }

    // MARK: Blocks

    mutating func blocks(_ nodes: [DocxBlock]) -> [Block] {
        var result: [Block] = []
        for (index, node) in nodes.enumerated() {
            switch node {
            case .paragraph(let paragraph):
                result.append(self.paragraph(paragraph))
                if paragraph.endsSection && index < nodes.count - 1 { result.append(.break(BlockBreak(kind: .section))) }
            case .table(let table):
                result.append(.table(self.table(table)))
            case .sdt(let properties, let content):
                result.append(.contentControl(BlockContentControl(properties: properties.model, blocks: blocks(content))))
            }
        }
        return result
    }

    mutating func paragraph(_ paragraph: DocxParagraph) -> Block {
        let styleID = paragraph.styleID ?? styles.defaultParagraphStyle
        let inlines = self.inlines(paragraph.items, paragraphStyle: styleID)
        let attributes = ParagraphAttributes(style: styles.displayName(styleID), isHidden: false, markRevision: paragraph.markRevision)
        let label = numberLabel(paragraph, styleID: styleID)
        switch styles.headingKind(styleID: styleID, directOutlineLevel: paragraph.outlineLevel) {
        case .title?:
            return .heading(Heading(level: 0, inlines: inlines, label: label?.label.text, isTitle: true, attributes: attributes))
        case .heading(let level)?:
            return .heading(Heading(level: level, inlines: inlines, label: label?.label.text, attributes: attributes))
        case nil:
            if let label {
                return .listItem(ListItem(level: label.level + 1, listID: label.numID, isOrdered: label.label.isOrdered,
                                          label: label.label.text, inlines: inlines, attributes: attributes))
            }
            return .paragraph(Paragraph(inlines: inlines, attributes: attributes))
        }
    }

    /// The numbering of a paragraph: direct numPr first, else the style chain's
    /// (numbering by style, with the level bound to the style in the definition).
    private mutating func numberLabel(_ paragraph: DocxParagraph, styleID: String?)
        -> (label: DocxNumbering.Label, numID: String, level: Int)? {
        var numID = paragraph.numbering?.numID
        var level = paragraph.numbering?.level
        if numID == nil, let fromStyle = styles.numbering(styleID: styleID) {
            numID = fromStyle.reference.numID
            if level == nil, let numID {
                level = fromStyle.reference.level ?? numbering.level(forStyle: fromStyle.styleID, numID: numID)
            }
        }
        guard let numID, numID != "0" else { return nil }
        let resolvedLevel = min(max(level ?? 0, 0), 8)
        guard let label = numbering.next(numID: numID, level: resolvedLevel) else { return nil }
        return (label, numID, resolvedLevel)
    }

    // MARK: Tables

    mutating func table(_ table: DocxTable) -> Table {
        // Grid positions of the cells that start a vertical merge, to extend them downwards.
        var rows: [TableRow] = []
        var mergeOrigins: [Int: (row: Int, cell: Int)] = [:]
        for docxRow in table.rows {
            var cells: [TableCell] = []
            var column = docxRow.gridBefore
            for docxCell in docxRow.cells {
                let span = docxCell.gridSpan
                if docxCell.verticalMerge == .continue, let origin = mergeOrigins[column] {
                    rows[origin.row].cells[origin.cell].rowSpan += 1
                } else {
                    var content = blocks(docxCell.blocks)
                    if let control = docxCell.control {
                        content = [.contentControl(BlockContentControl(properties: control.model, blocks: content))]
                    }
                    let cell = TableCell(blocks: content, columnSpan: span, rowSpan: 1)
                    for covered in column..<(column + span) { mergeOrigins[covered] = nil }
                    if docxCell.verticalMerge == .restart { mergeOrigins[column] = (rows.count, cells.count) }
                    cells.append(cell)
                }
                column += span
            }
            rows.append(TableRow(cells: cells, isHeader: docxRow.isHeader, contentControl: docxRow.control?.model))
        }
        return Table(style: styles.displayName(table.styleID), rows: rows)
    }

    // MARK: Inlines

    private struct FieldFrame {
        var depth: Int
        var instruction = ""
        var inResult = false
        var collected: [Inline] = []
        /// Content met while the field was still in its instruction: dropped once the field
        /// separates (it belongs to the instruction), given back if it never does.
        var skipped: [Inline] = []

        /// The field as nodes: the field with its result, or, for a field that never reached
        /// its result, an empty field followed by whatever stood in its instruction.
        var nodes: [Inline] {
            let field = Inline.field(Field(instruction: Words.normalizeSpace(instruction), result: inResult ? collected : []))
            return inResult ? [field] : [field] + skipped
        }
    }

    /// Complex fields open at once; deeper ones are read as plain content (their marks ignored),
    /// so a hostile nesting costs neither time nor stack.
    static let maxOpenFields = 16
    private var fields: [FieldFrame] = []
    /// Field begins past the cap whose separate and end marks are still to be swallowed.
    private var ignoredBegins = 0

    /// Starts a new part (the body, a note part, a header): no field runs from one part into another.
    mutating func startPart() {
        carriedFields = []
        fields = []
        ignoredBegins = 0
    }

    mutating func inlines(_ items: [DocxInline], paragraphStyle: String?) -> [Inline] {
        fields = carriedFields
        var output = convert(items, depth: 0, paragraphStyle: paragraphStyle)
        // Fields showing their result when the paragraph ends close here and go on in the next
        // paragraph (a TOC spans many); a field still in its instruction is malformed and ends here.
        carriedFields = []
        while let frame = fields.popLast() {
            if frame.inResult { carriedFields.insert(FieldFrame(depth: 0, instruction: frame.instruction, inResult: true), at: 0) }
            place(frame.nodes, into: &output)
        }
        return output
    }

    /// Puts nodes into the innermost open field, or the output when none is open.
    private mutating func place(_ nodes: [Inline], into output: inout [Inline]) {
        if let index = fields.indices.last {
            if fields[index].inResult { fields[index].collected += nodes } else { fields[index].skipped += nodes }
        } else {
            output += nodes
        }
    }

    /// Puts a node where it belongs: into the result of the innermost field opened at this
    /// depth (or aside while that field is still in its instruction), else into the output.
    private mutating func emit(_ inline: Inline, depth: Int, into output: inout [Inline]) {
        if let index = fields.indices.last, fields[index].depth == depth {
            if fields[index].inResult { fields[index].collected.append(inline) } else { fields[index].skipped.append(inline) }
        } else {
            output.append(inline)
        }
    }

    private mutating func convert(_ items: [DocxInline], depth: Int, paragraphStyle: String?) -> [Inline] {
        var output: [Inline] = []
        for item in items {
            switch item {
            case .run(let properties, let content):
                let style = styles.toggles(paragraphStyle: paragraphStyle, characterStyle: properties.styleID)
                    .overlaid(with: properties.toggles).style
                for piece in content {
                    switch piece {
                    case .text(let text):
                        if !text.isEmpty { emit(.text(TextRun(text, style: style)), depth: depth, into: &output) }
                    case .tab: emit(.tab, depth: depth, into: &output)
                    case .break(let kind): emit(.break(InlineBreak(kind: kind)), depth: depth, into: &output)
                    case .fieldBegin:
                        if fields.count < Self.maxOpenFields { fields.append(FieldFrame(depth: depth)) } else { ignoredBegins += 1 }
                    case .instruction(let text):
                        if ignoredBegins == 0, let index = fields.indices.last, !fields[index].inResult,
                           fields[index].instruction.utf8.count < 4096 {
                            fields[index].instruction += text
                        }
                    case .fieldSeparate:
                        if ignoredBegins == 0, let index = fields.indices.last { fields[index].inResult = true }
                    case .fieldEnd:
                        if ignoredBegins > 0 {
                            ignoredBegins -= 1
                        } else if let frame = fields.popLast() {
                            if frame.depth == depth {
                                for node in frame.nodes { emit(node, depth: depth, into: &output) }
                            } else {
                                output += frame.nodes
                            }
                        }
                    case .noteReference(let kind, let id):
                        emit(.noteReference(NoteReference(kind: kind, id: id)), depth: depth, into: &output)
                    case .commentReference(let id):
                        emit(.commentReference(id: id), depth: depth, into: &output)
                    case .drawing(let drawing):
                        for inline in self.drawing(drawing) { emit(inline, depth: depth, into: &output) }
                    }
                }
            case .hyperlink(let relationshipID, let anchor, let children):
                let inner = convert(children, depth: depth + 1, paragraphStyle: paragraphStyle)
                let target = relationshipID.flatMap { relationships[$0]?.target }
                emit(.link(Link(target: target, anchor: anchor, inlines: inner)), depth: depth, into: &output)
            case .sdt(let properties, let children):
                let inner = convert(children, depth: depth + 1, paragraphStyle: paragraphStyle)
                emit(.contentControl(InlineContentControl(properties: properties.model, inlines: inner)), depth: depth, into: &output)
            case .revision(let revision, let children):
                let inner = convert(children, depth: depth + 1, paragraphStyle: paragraphStyle)
                if !inner.isEmpty {
                    emit(.revision(RevisedInlines(revision: revision, inlines: inner)), depth: depth, into: &output)
                }
            case .simpleField(let instruction, let children):
                let inner = convert(children, depth: depth + 1, paragraphStyle: paragraphStyle)
                emit(.field(Field(instruction: Words.normalizeSpace(instruction), result: inner)), depth: depth, into: &output)
            }
        }
        closeFields(deeperThan: depth - 1 < 0 ? Int.max : depth - 1, into: &output)
        return output
    }

    /// Fields opened inside a container that did not close there end with the container.
    private mutating func closeFields(deeperThan depth: Int, into output: inout [Inline]) {
        while let frame = fields.last, frame.depth > depth {
            fields.removeLast()
            output += frame.nodes
        }
    }

    private mutating func drawing(_ drawing: DocxDrawing) -> [Inline] {
        var result: [Inline] = []
        if let id = drawing.imageRelationship {
            let relationship = relationships[id]
            result.append(.image(Image(
                name: drawing.name, altText: drawing.description, title: drawing.title,
                target: relationship?.target, isExternal: drawing.imageIsLinked || relationship?.isExternal == true)))
        }
        for box in drawing.textBoxes {
            // A text box is a story of its own: fields do not run into or out of it, but its
            // numbered paragraphs count on in the document's lists.
            var converter = self
            converter.startPart()
            result.append(.textBox(TextBox(name: drawing.name, blocks: converter.blocks(box))))
            numbering = converter.numbering
        }
        return result
    }
}
