import DocModel
import PackageIO

/// Reads the blocks of an ODF text body (and of headers, footers, notes, comments, cells and
/// text boxes) into the model. One reader per document part family: it carries the styles,
/// the list counters, the open tracked insertion and what it found for the package facts.
final class ODTBodyReader {
    var styles: ODTStyleSheet
    var changes: [String: ODTChange] = [:]
    /// Deleted regions already expanded at a `text:change` (see `deletion`).
    var expandedDeletions: Set<String> = []
    var controls: [String: ODTFormControl] = [:]
    /// The part the body came from, for external relationships.
    let sourcePart: String

    private(set) var notes: [Note] = []
    private(set) var comments: [Comment] = []
    var externals: [PackageFacts.ExternalRelationship] = []
    /// Embedded objects in the order found, without duplicates.
    private(set) var embeddedObjects: [String] = []
    private var embeddedObjectSet: Set<String> = []

    // Paragraph state.
    /// The last character emitted was white space (or the paragraph has just begun).
    var lastWasSpace = true
    /// The last character emitted is a space that collapsed white space of the text (not a
    /// `text:s`), and nothing followed it: dropped if the paragraph ends here.
    var trailingCollapsedSpace = false
    var paragraphHidden = false
    /// The rendered number of a heading or numbered paragraph (`text:number`).
    var numberLabel: String?
    var openInsertion: (id: String, revision: Revision)?
    /// An insertion ended inside the container just read (link, field): close it in the paragraph.
    var pendingParentClose = false

    var lists = ODTListNumbering()
    /// Table cells left to read in the whole document.
    var cellBudget = ODTBodyReader.maxCells
    private var generatedIDs = 0

    static let maxCells = 100_000
    /// Repeats of a row or cell with content, and of an empty one.
    static let maxRepeat = 1_000
    static let maxEmptyRepeat = 2

    init(styles: ODTStyleSheet, sourcePart: String) {
        self.styles = styles
        self.sourcePart = sourcePart
    }

    func generatedID(_ prefix: String) -> String {
        generatedIDs += 1
        return "\(prefix)-\(generatedIDs)"
    }

    func addNote(_ note: Note) { notes.append(note) }
    func addEmbeddedObject(_ name: String) {
        if embeddedObjectSet.insert(name).inserted { embeddedObjects.append(name) }
    }
    func addComment(_ comment: Comment) { comments.append(comment) }

    /// Runs `body` with fresh paragraph state (a note, comment or text box inside a paragraph)
    /// and restores the paragraph's state afterwards.
    func isolated(_ body: () -> Void) {
        let saved = (lastWasSpace, trailingCollapsedSpace, paragraphHidden, numberLabel, openInsertion)
        openInsertion = nil
        body()
        (lastWasSpace, trailingCollapsedSpace, paragraphHidden, numberLabel, openInsertion) = saved
    }

    /// Blocks inside a paragraph (note body, comment, text box), read with fresh paragraph state.
    func nestedBlocks(_ elements: [XMLElement]) -> [Block] {
        var result: [Block] = []
        isolated {
            for element in elements { block(element, into: &result, list: nil) }
        }
        return result
    }

    // MARK: Blocks

    func blocks(in element: XMLElement, list: ODTListContext? = nil) -> [Block] {
        var result: [Block] = []
        for child in element.elements { block(child, into: &result, list: list) }
        return result
    }

    func block(_ element: XMLElement, into result: inout [Block], list: ODTListContext?) {
        let namespace = element.name.namespace
        let local = element.name.local
        if namespace == Namespaces.text {
            switch local {
            case "p", "h":
                result.append(paragraph(element, list: list))
            case "list":
                listBlocks(element, into: &result, parent: list)
            case "numbered-paragraph":
                numberedParagraph(element, into: &result)
            case "section":
                result.append(.section(section(element)))
            case "table-of-content", "alphabetical-index", "illustration-index", "table-index",
                 "object-index", "user-index", "bibliography":
                if let body = element.child(Namespaces.text, "index-body") {
                    for child in body.elements { block(child, into: &result, list: list) }
                }
            case "tracked-changes", "sequence-decls", "variable-decls", "user-field-decls",
                 "dde-connection-decls", "soft-page-break", "alphabetical-index-auto-mark-file",
                 "bookmark", "bookmark-start", "bookmark-end", "table-of-content-source":
                break
            case "change-start", "change-end", "change":
                // Between paragraphs: a change mark of its own.
                var builder = InlineBuilder(open: nil)
                inline(element, properties: CharacterToggles(), into: &builder)
                let (inlines, _) = builder.finishParagraph()
                if !inlines.isEmpty { result.append(.paragraph(Paragraph(inlines: inlines))) }
            default:
                for child in element.elements { block(child, into: &result, list: list) }
            }
        } else if namespace == Namespaces.table {
            switch local {
            case "table": result.append(.table(table(element)))
            default: break
            }
        } else if namespace == Namespaces.office {
            switch local {
            case "forms", "annotation-end", "scripts", "font-face-decls", "event-listeners": break
            case "annotation":
                anchoredAlone(element, into: &result)
            default:
                for child in element.elements { block(child, into: &result, list: list) }
            }
        } else if namespace == Namespaces.draw {
            anchoredAlone(element, into: &result)
        } else if namespace == Namespaces.dc || namespace == Namespaces.meta || namespace == Namespaces.form {
            return
        } else {
            for child in element.elements { block(child, into: &result, list: list) }
        }
    }

    /// A frame, shape or comment anchored to the page or body rather than a paragraph.
    private func anchoredAlone(_ element: XMLElement, into result: inout [Block]) {
        var inlines: [Inline] = []
        isolated {
            var builder = InlineBuilder(open: nil)
            inline(element, properties: CharacterToggles(), into: &builder)
            inlines = builder.finishParagraph().inlines
        }
        if !inlines.isEmpty { result.append(.paragraph(Paragraph(inlines: inlines))) }
    }

    /// The character properties a paragraph's style gives its text.
    func paragraphProperties(_ element: XMLElement) -> CharacterToggles {
        guard let name = element.attribute(Namespaces.text, "style-name") else { return CharacterToggles() }
        return styles.textProperties(family: "paragraph", name: name)
    }

    func paragraph(_ element: XMLElement, list: ODTListContext?) -> Block {
        let isHeading = element.is(Namespaces.text, "h")
        let styleName = element.attribute(Namespaces.text, "style-name")
        let display = styleName.flatMap { styles.displayName(family: "paragraph", name: $0) }
        lastWasSpace = true
        trailingCollapsedSpace = false
        paragraphHidden = false
        numberLabel = nil
        var builder = InlineBuilder(open: openInsertion?.revision)
        inlineChildren(element, properties: paragraphProperties(element), into: &builder)
        let finished = builder.finishParagraph()
        var inlines = finished.inlines
        let mark = finished.mark
        dropTrailingSpace(&inlines)
        let attributes = ParagraphAttributes(style: display, isHidden: paragraphHidden, markRevision: mark)
        let listLabel = list?.takeLabel()
        let label = listLabel ?? numberLabel
        numberLabel = nil
        paragraphHidden = false
        lastWasSpace = true
        trailingCollapsedSpace = false
        if isHeading {
            let level = element.attribute(Namespaces.text, "outline-level").flatMap { Int($0) } ?? 1
            return .heading(Heading(level: min(max(level, 1), 10), inlines: inlines, label: label, attributes: attributes))
        }
        if let list {
            return .listItem(ListItem(
                level: list.level, listID: list.listID, isOrdered: list.isOrdered,
                label: listLabel, inlines: inlines, attributes: attributes))
        }
        if display == "Title" || styleName == "Title" {
            return .heading(Heading(level: 0, inlines: inlines, isTitle: true, attributes: attributes))
        }
        return .paragraph(Paragraph(inlines: inlines, attributes: attributes))
    }

    // MARK: Lists

    private func listBlocks(_ element: XMLElement, into result: inout [Block], parent: ODTListContext?) {
        let level = min((parent?.level ?? 0) + 1, ODTListNumbering.maxLevel)
        let styleName = element.attribute(Namespaces.text, "style-name") ?? parent?.styleName ?? paragraphListStyle(element)
        let listID: String
        if let parent {
            listID = parent.listID
        } else {
            listID = lists.beginList(
                xmlID: element.attribute(Namespaces.xml, "id"),
                continueList: element.attribute(Namespaces.text, "continue-list"),
                continueNumbering: element.attribute(Namespaces.text, "continue-numbering") == "true",
                styleName: styleName)
        }
        let levels = styleName.flatMap { styles.listStyles[$0] } ?? [:]
        let isOrdered = levels[level]?.isOrdered ?? false
        for item in element.elements {
            guard item.is(Namespaces.text, "list-item") || item.is(Namespaces.text, "list-header") else {
                block(item, into: &result, list: parent)
                continue
            }
            let context = ODTListContext(listID: listID, level: level, styleName: styleName, isOrdered: isOrdered)
            let hasParagraph = item.elements.contains { $0.is(Namespaces.text, "p") || $0.is(Namespaces.text, "h") }
            if item.is(Namespaces.text, "list-item") && hasParagraph {
                let start = item.attribute(Namespaces.text, "start-value").flatMap { Int($0) }.map { min(max($0, 0), 1_000_000_000) }
                context.pendingLabel = lists.count(listID: listID, level: level, startValue: start, levels: levels)
            }
            for child in item.elements { block(child, into: &result, list: context) }
        }
    }

    /// The list style of the first paragraph of a list without a style of its own.
    private func paragraphListStyle(_ list: XMLElement) -> String? {
        for item in list.elements {
            for paragraph in item.elements where paragraph.is(Namespaces.text, "p") || paragraph.is(Namespaces.text, "h") {
                if let name = paragraph.attribute(Namespaces.text, "style-name") {
                    return styles.listStyleName(paragraphStyle: name)
                }
            }
        }
        return nil
    }

    private func numberedParagraph(_ element: XMLElement, into result: inout [Block]) {
        let level = min(max(element.attribute(Namespaces.text, "level").flatMap { Int($0) } ?? 1, 1), ODTListNumbering.maxLevel)
        let styleName = element.attribute(Namespaces.text, "style-name")
        let levels = styleName.flatMap { styles.listStyles[$0] } ?? [:]
        let listID = element.attribute(Namespaces.text, "list-id") ?? styleName ?? "numbered-paragraphs"
        let context = ODTListContext(listID: listID, level: level, styleName: styleName, isOrdered: levels[level]?.isOrdered ?? false)
        context.pendingLabel = element.child(Namespaces.text, "number").map { $0.textContent }
        for child in element.elements { block(child, into: &result, list: context) }
    }

    // MARK: Sections

    private func section(_ element: XMLElement) -> Section {
        let display = element.attribute(Namespaces.text, "display")
        let hidden = display == "none" || display == "condition" || element.attribute(Namespaces.text, "is-hidden") == "true"
        return Section(name: element.attribute(Namespaces.text, "name"), isHidden: hidden, blocks: blocks(in: element))
    }

    // MARK: Tables

    func table(_ element: XMLElement) -> Table {
        var rows: [TableRow] = []
        collectRows(element, header: false, into: &rows, depth: 0)
        let style = element.attribute(Namespaces.table, "style-name").flatMap { styles.displayName(family: "table", name: $0) }
        return Table(style: style, rows: rows)
    }

    /// The rows of a table. Every cell, also every repeated copy and every cell of a nested
    /// table, is charged against the one document-wide `cellBudget`. A repeated row or cell is
    /// read once; content that is more than paragraphs (a nested table, a section, a text box)
    /// is not repeated: its copies are empty, so nested repeats cannot multiply.
    private func collectRows(_ element: XMLElement, header: Bool, into rows: inout [TableRow], depth: Int) {
        for child in element.elements where child.name.namespace == Namespaces.table {
            switch child.name.local {
            case "table-header-rows":
                collectRows(child, header: true, into: &rows, depth: depth + 1)
            case "table-rows", "table-row-group":
                if depth < 16 { collectRows(child, header: header, into: &rows, depth: depth + 1) }
            case "table-row":
                guard cellBudget > 0 else { return }
                let cells = rowCells(child)
                rows.append(TableRow(cells: cells.map(\.cell), isHeader: header))
                if cells.isEmpty { cellBudget -= 1 }
                let empty = cells.allSatisfy { Self.isEmpty($0.cell.blocks) }
                let times = Self.repeatCount(child.attribute(Namespaces.table, "number-rows-repeated"), empty: empty)
                guard times > 1 else { continue }
                let copy = cells.map { $0.repeatable ? $0.cell : Self.emptied($0.cell) }
                for _ in 1..<times {
                    guard cellBudget > 0 else { return }
                    let kept = copy.count <= cellBudget ? copy : Array(copy.prefix(cellBudget))
                    rows.append(TableRow(cells: kept, isHeader: header))
                    cellBudget -= max(kept.count, 1)
                }
            default:
                break
            }
        }
    }

    /// The cells of a row, each charged against the budget, and whether each may be repeated
    /// (its content is paragraphs only).
    private func rowCells(_ row: XMLElement) -> [(cell: TableCell, repeatable: Bool)] {
        var cells: [(cell: TableCell, repeatable: Bool)] = []
        for cell in row.elements where cell.is(Namespaces.table, "table-cell") {
            guard cellBudget > 0 else { break }
            let before = cellBudget
            let blocks = blocks(in: cell)
            // Reading the content charged nested tables; content that holds any is not repeated.
            let repeatable = cellBudget == before && Self.isParagraphsOnly(blocks)
            let columns = Self.span(cell.attribute(Namespaces.table, "number-columns-spanned"))
            let rowsSpanned = Self.span(cell.attribute(Namespaces.table, "number-rows-spanned"))
            let read = TableCell(blocks: blocks, columnSpan: columns, rowSpan: rowsSpanned)
            let times = Self.repeatCount(cell.attribute(Namespaces.table, "number-columns-repeated"), empty: Self.isEmpty(blocks))
            for index in 0..<times {
                guard cellBudget > 0 else { break }
                cells.append((index == 0 || repeatable ? read : Self.emptied(read), repeatable))
                cellBudget -= 1
            }
        }
        return cells
    }

    /// A copy of a repeated cell whose content is not repeated: empty, like a covered cell.
    static func emptied(_ cell: TableCell) -> TableCell {
        TableCell(blocks: [], columnSpan: cell.columnSpan, rowSpan: cell.rowSpan)
    }

    /// Paragraphs, headings and list items with no text box: content cheap to repeat.
    static func isParagraphsOnly(_ blocks: [Block]) -> Bool {
        blocks.allSatisfy {
            let inlines: [Inline]
            switch $0 {
            case .paragraph(let paragraph): inlines = paragraph.inlines
            case .heading(let heading): inlines = heading.inlines
            case .listItem(let item): inlines = item.inlines
            default: return false
            }
            return !inlines.contains { if case .textBox = $0 { return true } else { return false } }
        }
    }

    static func span(_ value: String?) -> Int {
        guard let value, let number = Int(value) else { return 1 }
        return min(max(number, 1), 1_000)
    }

    static func repeatCount(_ value: String?, empty: Bool) -> Int {
        guard let value, let number = Int(value), number > 1 else { return 1 }
        return min(number, empty ? maxEmptyRepeat : maxRepeat)
    }

    static func isEmpty(_ blocks: [Block]) -> Bool {
        blocks.allSatisfy {
            if case .paragraph(let paragraph) = $0 { return paragraph.inlines.isEmpty }
            return false
        }
    }
}
