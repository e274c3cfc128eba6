import DocModel

/// What a checker reads from a bekwaamheidsdossier: its headings, paragraphs, content controls,
/// tables and labelled lines, each with where it stands (section, paragraph number).
public struct DossierView: Sendable {
    public struct HeadingEntry: Sendable, Hashable {
        public var level: Int
        public var title: String
        /// Paragraph number of the heading (body paragraphs counted from 1, headings included).
        public var paragraph: Int
        /// Titles of the enclosing headings, outermost first.
        public var ancestors: [String]
        /// Words of the text under it up to the next heading of the same or a higher level.
        public var words = 0
        /// Text under it (same extent as `words`).
        public var text = ""
    }

    public struct Control: Sendable, Hashable {
        public var tag: String?
        public var alias: String?
        public var kind: ContentControlProperties.Kind
        public var value: String
        public var showingPlaceholder: Bool
        public var isChecked: Bool?
        public var paragraph: Int
        public var section: String?
        public var words: Int

        /// Nothing filled in: the placeholder shows, or the text is empty or a placeholder text.
        public var isEmpty: Bool {
            if kind == .checkbox { return isChecked != true }
            return showingPlaceholder || TextMatch.isPlaceholder(value)
        }
    }

    public struct ParagraphEntry: Sendable, Hashable {
        public var number: Int
        public var text: String
        public var style: String?
        public var section: String?
        /// Inside a control that still shows its placeholder.
        public var inPlaceholder: Bool
        /// The text without inline controls that still show their placeholder.
        public var filledText: String
    }

    public struct TableEntry: Sendable, Hashable {
        public var rows: [[String]]
        public var section: String?
        public var paragraph: Int
    }

    public var headings: [HeadingEntry] = []
    public var controls: [Control] = []
    public var paragraphs: [ParagraphEntry] = []
    public var tables: [TableEntry] = []
    /// "Label: value" lines and two-cell table rows, by normalised label, in document order.
    public var labelled: [(label: String, value: String, paragraph: Int, section: String?)] = []

    public init(document: Document) {
        var builder = Builder()
        builder.walk(document.body, inPlaceholder: false)
        builder.finish()
        headings = builder.headings
        controls = builder.controls
        paragraphs = builder.paragraphs
        tables = builder.tables
        labelled = builder.labelled
    }

    /// The first control with this tag.
    public func control(_ tag: String) -> Control? { controls.first { $0.tag == tag } }

    /// The value of a labelled line whose label starts with one of `labels` (normalised); with
    /// `section`, only lines under a heading that matches it.
    public func labelledValue(_ labels: [String], inSection section: String? = nil) -> (value: String, paragraph: Int, section: String?)? {
        let wanted = labels.map(TextMatch.normalize)
        let wantedSection = section.map(TextMatch.normalize)
        for entry in labelled {
            if let wantedSection, TextMatch.normalize(entry.section ?? "") != wantedSection { continue }
            let label = TextMatch.normalize(entry.label)
            if wanted.contains(where: { label == $0 || label.hasPrefix($0 + " ") }) {
                return (entry.value, entry.paragraph, entry.section)
            }
        }
        return nil
    }

    /// Every content control of the blocks, depth first (used by the loader to recognise the form).
    public static func controls(in blocks: [Block]) -> [ContentControlProperties] {
        var collector = ControlCollector()
        collector.visit(blocks)
        return collector.found
    }

    struct ControlCollector: DocumentVisitor {
        var found: [ContentControlProperties] = []
        mutating func visitBlockContentControl(_ node: BlockContentControl) { found.append(node.properties); visit(node.blocks) }
        mutating func visitInlineContentControl(_ node: InlineContentControl) { found.append(node.properties); visit(node.inlines) }
        mutating func visitTable(_ node: Table) {
            for row in node.rows {
                if let control = row.contentControl { found.append(control) }
                for cell in row.cells { visit(cell.blocks) }
            }
        }
    }

    /// Walks the body keeping the paragraph count and the current heading.
    struct Builder {
        var headings: [HeadingEntry] = []
        var controls: [Control] = []
        var paragraphs: [ParagraphEntry] = []
        var tables: [TableEntry] = []
        var labelled: [(label: String, value: String, paragraph: Int, section: String?)] = []
        var number = 0
        var stack: [(level: Int, title: String)] = []
        var currentSection: String? { stack.last?.title }

        mutating func walk(_ blocks: [Block], inPlaceholder: Bool) {
            for block in blocks { walk(block, inPlaceholder: inPlaceholder) }
        }

        mutating func walk(_ block: Block, inPlaceholder: Bool) {
            switch block {
            case .heading(let heading):
                number += 1
                if heading.attributes.isHidden { return }
                let title = heading.text
                if heading.isTitle {
                    add(paragraph: title, style: heading.attributes.style, inPlaceholder: inPlaceholder, inlines: heading.inlines)
                    return
                }
                while let last = stack.last, last.level >= heading.level { stack.removeLast() }
                headings.append(HeadingEntry(level: heading.level, title: title, paragraph: number, ancestors: stack.map(\.title)))
                stack.append((heading.level, title))
                inlineControls(heading.inlines)
            case .paragraph(let paragraph):
                number += 1
                if paragraph.attributes.isHidden { return }
                add(paragraph: paragraph.text, style: paragraph.attributes.style, inPlaceholder: inPlaceholder, inlines: paragraph.inlines)
                inlineControls(paragraph.inlines)
            case .listItem(let item):
                number += 1
                if item.attributes.isHidden { return }
                add(paragraph: item.text, style: item.attributes.style, inPlaceholder: inPlaceholder, inlines: item.inlines)
                inlineControls(item.inlines)
            case .table(let table):
                let start = number + 1
                var rows: [[String]] = []
                for row in table.rows {
                    var cells: [String] = []
                    for cell in row.cells {
                        walk(cell.blocks, inPlaceholder: inPlaceholder)
                        cells.append(Words.normalizeSpace(cell.blocks.plainText))
                    }
                    rows.append(cells)
                    if cells.count == 2, !cells[0].isEmpty, cells[0].count < 80 {
                        labelled.append((cells[0].trimmingCharacters(in: .init(charactersIn: ": ")), cells[1], start, currentSection))
                    }
                }
                tables.append(TableEntry(rows: rows, section: currentSection, paragraph: start))
            case .break:
                break
            case .contentControl(let control):
                let start = number + 1
                let properties = control.properties
                let value = control.blocks.plainText
                controls.append(Control(tag: properties.tag, alias: properties.alias, kind: properties.kind, value: Words.normalizeSpace(value),
                                        showingPlaceholder: properties.showingPlaceholder, isChecked: properties.isChecked,
                                        paragraph: start, section: currentSection, words: Words.count(value)))
                walk(control.blocks, inPlaceholder: inPlaceholder || properties.showingPlaceholder)
            case .section(let section):
                if !section.isHidden { walk(section.blocks, inPlaceholder: inPlaceholder) }
            }
        }

        static func withoutPlaceholders(_ inlines: [Inline]) -> [Inline] {
            inlines.compactMap { inline in
                if case .contentControl(let control) = inline {
                    if control.properties.showingPlaceholder { return nil }
                    return .contentControl(InlineContentControl(properties: control.properties, inlines: withoutPlaceholders(control.inlines)))
                }
                return inline
            }
        }

        mutating func add(paragraph text: String, style: String?, inPlaceholder: Bool, inlines: [Inline]) {
            // Without inline controls nothing is left out: the filled text is the text.
            let hasControls = inlines.contains { if case .contentControl = $0 { true } else { false } }
            paragraphs.append(ParagraphEntry(number: number, text: text, style: style, section: currentSection, inPlaceholder: inPlaceholder,
                                             filledText: hasControls ? Self.withoutPlaceholders(inlines).plainText : text))
            if let colon = Self.firstColon(in: text) {
                let label = String(text[..<colon]).trimmingCharacters(in: .whitespaces)
                let value = String(text[text.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
                if !label.isEmpty, label.count <= 60, Words.count(label) <= 6 {
                    labelled.append((label, value, number, currentSection))
                }
            }
        }

        /// `text.firstIndex(of: ":")`, found over the UTF-8 bytes (a colon that a combining mark
        /// makes part of another character does not count, as before).
        static func firstColon(in text: String) -> String.Index? {
            var from = text.utf8.startIndex
            while let index = text.utf8[from...].firstIndex(of: UInt8(ascii: ":")) {
                if text[index] == ":" { return index }
                from = text.utf8.index(after: index)
            }
            return nil
        }

        mutating func inlineControls(_ inlines: [Inline]) {
            for inline in inlines {
                switch inline {
                case .contentControl(let control):
                    let properties = control.properties
                    let value = control.inlines.plainText
                    controls.append(Control(tag: properties.tag, alias: properties.alias, kind: properties.kind, value: value,
                                            showingPlaceholder: properties.showingPlaceholder, isChecked: properties.isChecked,
                                            paragraph: number, section: currentSection, words: Words.count(value)))
                    inlineControls(control.inlines)
                case .link(let link): inlineControls(link.inlines)
                case .revision(let revision) where revision.revision.survivesAcceptance: inlineControls(revision.inlines)
                case .field(let field): inlineControls(field.result)
                default: break
                }
            }
        }

        /// Words and text under each heading, up to the next heading of the same or a higher level.
        mutating func finish() {
            for index in headings.indices {
                let heading = headings[index]
                let end = headings[(index + 1)...].first { $0.level <= heading.level }?.paragraph ?? Int.max
                let own = paragraphs.filter { $0.number > heading.paragraph && $0.number < end && !$0.inPlaceholder }
                headings[index].text = own.map(\.text).joined(separator: "\n")
                headings[index].words = own.reduce(0) { $0 + Words.count($1.text) }
            }
        }
    }
}
