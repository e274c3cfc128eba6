/// The document as a tree of sections made by its headings, with the words of each
/// (see ``Words`` for what a word is).
public struct Outline: Sendable, Hashable {
    /// The title (a Title-styled paragraph), when the document has one.
    public var title: String?
    /// Words before the first heading (title included).
    public var preambleWords: Int
    public var sections: [OutlineSection]
    /// Every word of the body: headings, text, tables, text boxes and the notes referenced.
    public var totalWords: Int

    public init(document: Document) {
        var tally = WordTally(notes: document.notes)
        tally.visit(document.body)
        title = tally.title
        preambleWords = tally.preambleWords
        totalWords = tally.totalWords
        sections = OutlineSection.nest(tally.flat)
    }

    /// All sections in document order, depth first.
    public var flattened: [OutlineSection] {
        var result: [OutlineSection] = []
        func walk(_ sections: [OutlineSection]) {
            for section in sections {
                result.append(section)
                walk(section.children)
            }
        }
        walk(sections)
        return result
    }
}

public struct OutlineSection: Sendable, Hashable {
    public var level: Int
    public var title: String
    public var label: String?
    /// Words of the section's own content: not its heading, not its subsections.
    public var words: Int
    public var children: [OutlineSection]

    public init(level: Int, title: String, label: String? = nil, words: Int, children: [OutlineSection] = []) {
        self.level = level
        self.title = title
        self.label = label
        self.words = words
        self.children = children
    }

    /// Own words plus the content words of every subsection (headings not counted).
    public var totalWords: Int {
        words + children.reduce(0) { $0 + $1.totalWords }
    }

    /// Nests a flat list: each section takes the following sections of a deeper level.
    static func nest(_ flat: [OutlineSection]) -> [OutlineSection] {
        var index = 0
        func take(deeperThan level: Int) -> [OutlineSection] {
            var result: [OutlineSection] = []
            while index < flat.count, flat[index].level > level {
                var section = flat[index]
                index += 1
                section.children = take(deeperThan: section.level)
                result.append(section)
            }
            return result
        }
        return take(deeperThan: Int.min)
    }
}

/// Counts words paragraph by paragraph into the current section.
struct WordTally: DocumentVisitor {
    let notesByKey: [String: Note]
    var flat: [OutlineSection] = []
    var title: String?
    var preambleWords = 0
    var totalWords = 0
    private var notesSeen: Set<String> = []

    init(notes: [Note]) {
        var byKey: [String: Note] = [:]
        for note in notes { byKey["\(note.kind.rawValue):\(note.id)"] = note }
        notesByKey = byKey
    }

    private mutating func add(_ words: Int) {
        totalWords += words
        if flat.isEmpty { preambleWords += words } else { flat[flat.count - 1].words += words }
    }

    private mutating func countParagraph(_ inlines: [Inline], _ attributes: ParagraphAttributes) {
        if attributes.isHidden { return }
        var collector = PlainTextCollector()
        collector.visit(inlines)
        add(Words.count(collector.text))
        visit(inlines)  // notes and text boxes
    }

    mutating func visitHeading(_ node: Heading) {
        if node.attributes.isHidden { return }
        let text = node.text
        let words = Words.count(text)
        totalWords += words
        if node.isTitle {
            if title == nil { title = text }
            if flat.isEmpty { preambleWords += words } else { flat[flat.count - 1].words += words }
        } else {
            flat.append(OutlineSection(level: node.level, title: text, label: node.label, words: 0))
        }
        visit(node.inlines)
    }

    mutating func visitParagraph(_ node: Paragraph) { countParagraph(node.inlines, node.attributes) }
    mutating func visitListItem(_ node: ListItem) { countParagraph(node.inlines, node.attributes) }

    mutating func visitRevision(_ node: RevisedInlines) {
        if node.revision.survivesAcceptance { visit(node.inlines) }
    }

    mutating func visitNoteReference(_ node: NoteReference) {
        let key = "\(node.kind.rawValue):\(node.id)"
        guard let note = notesByKey[key], !notesSeen.contains(key) else { return }
        notesSeen.insert(key)
        visit(note.blocks)
    }

    mutating func visitSection(_ node: Section) {
        if !node.isHidden { visit(node.blocks) }
    }
}
