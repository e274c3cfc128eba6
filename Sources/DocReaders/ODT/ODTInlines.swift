import DocModel
import PackageIO

extension ODTBodyReader {
    /// ODF text fields: read as a field with the element's name (and `text:name`) as instruction.
    static let fieldNames: Set<String> = [
        "user-field-get", "user-field-input", "variable-get", "variable-set", "variable-input",
        "expression", "page-number", "page-count", "page-continuation", "page-variable-get",
        "page-variable-set", "date", "time", "title", "subject", "description", "keywords",
        "author-name", "author-initials", "initial-creator", "creator", "creation-date",
        "creation-time", "modification-date", "modification-time", "print-date", "print-time",
        "printed-by", "editing-cycles", "editing-duration", "chapter", "sequence", "sequence-ref",
        "file-name", "template-name", "bookmark-ref", "reference-ref", "note-ref", "word-count",
        "character-count", "paragraph-count", "table-count", "image-count", "object-count",
        "user-defined", "database-display", "database-name", "database-next", "database-row-number",
        "database-row-select", "conditional-text", "sheet-name", "table-formula", "script",
        "execute-macro", "measure", "meta-field", "bibliography-mark", "dde-connection",
    ]

    /// Marks and anchors with no text of their own.
    static let ignoredInline: Set<String> = [
        "bookmark", "bookmark-start", "bookmark-end", "reference-mark", "reference-mark-start",
        "reference-mark-end", "toc-mark", "toc-mark-start", "toc-mark-end", "alphabetical-index-mark",
        "alphabetical-index-mark-start", "alphabetical-index-mark-end", "user-index-mark",
        "user-index-mark-start", "user-index-mark-end", "soft-page-break", "note-citation",
    ]

    func inlineChildren(_ element: XMLElement, properties: CharacterToggles, into builder: inout InlineBuilder) {
        for node in element.children {
            switch node {
            case .text(let text): appendText(text, properties: properties, into: &builder)
            case .element(let child): inline(child, properties: properties, into: &builder)
            }
        }
    }

    /// Text with ODF white-space handling (ODF 1.2 part 1, 6.1.2): every run of spaces, tabs and
    /// newlines is one space, white space at the start of the paragraph is dropped, and so is
    /// white space at its end (see `dropTrailingSpace`). `text:s`, `text:tab` and
    /// `text:line-break` are elements, not white space: the white space after them is a new run.
    func appendText(_ text: String, properties: CharacterToggles, into builder: inout InlineBuilder) {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case " ", "\t", "\n", "\r":
                if !lastWasSpace {
                    result.unicodeScalars.append(" ")
                    lastWasSpace = true
                    trailingCollapsedSpace = true
                }
            default:
                result.unicodeScalars.append(scalar)
                lastWasSpace = false
                trailingCollapsedSpace = false
            }
        }
        builder.appendText(result, style: properties.style)
    }

    /// Drops the space that ends a paragraph's inlines when it is collapsed white space of the
    /// text (not a `text:s`, and not followed by anything else), also inside a link, field,
    /// control or insertion that ends the paragraph.
    func dropTrailingSpace(_ inlines: inout [Inline]) {
        guard trailingCollapsedSpace else { return }
        trailingCollapsedSpace = false
        Self.dropLastSpace(&inlines)
    }

    private static func dropLastSpace(_ inlines: inout [Inline]) {
        guard let last = inlines.last else { return }
        let index = inlines.count - 1
        switch last {
        case .text(var run):
            guard run.text.unicodeScalars.last == " " else { return }
            run.text.unicodeScalars.removeLast()
            if run.text.isEmpty { inlines.removeLast() } else { inlines[index] = .text(run) }
        case .link(var link):
            dropLastSpace(&link.inlines)
            inlines[index] = .link(link)
        case .field(var field):
            dropLastSpace(&field.result)
            inlines[index] = .field(field)
        case .contentControl(var control):
            dropLastSpace(&control.inlines)
            inlines[index] = .contentControl(control)
        case .revision(var revised) where revised.revision.kind != .deletion:
            // A deletion's text was read on its own; an insertion's is the paragraph's.
            dropLastSpace(&revised.inlines)
            if revised.inlines.isEmpty { inlines.removeLast() } else { inlines[index] = .revision(revised) }
        default:
            return
        }
    }

    func inline(_ element: XMLElement, properties: CharacterToggles, into builder: inout InlineBuilder) {
        let local = element.name.local
        switch element.name.namespace {
        case Namespaces.text:
            textInline(element, local: local, properties: properties, into: &builder)
        case Namespaces.office:
            switch local {
            case "annotation": builder.append(annotation(element))
            default: break
            }
        case Namespaces.draw:
            drawInline(element, properties: properties, into: &builder)
        case Namespaces.dc, Namespaces.meta, Namespaces.form, Namespaces.svg, Namespaces.table:
            if element.is(Namespaces.table, "table") {
                // A table where a paragraph's text belongs: keep its text in a box.
                let table = table(element)
                builder.append(.textBox(TextBox(blocks: [.table(table)])))
            }
        default:
            inlineChildren(element, properties: properties, into: &builder)
        }
    }

    private func textInline(_ element: XMLElement, local: String, properties: CharacterToggles, into builder: inout InlineBuilder) {
        switch local {
        case "span":
            var inner = properties
            if let name = element.attribute(Namespaces.text, "style-name") {
                inner = properties.overlaid(with: styles.textProperties(family: "text", name: name))
            }
            inlineChildren(element, properties: inner, into: &builder)
        case "s":
            let count = min(max(element.attribute(Namespaces.text, "c").flatMap { Int($0) } ?? 1, 1), 1_000)
            builder.appendText(String(repeating: " ", count: count), style: properties.style)
            // An element, not white space: a space after it is a new run of white space.
            lastWasSpace = false
            trailingCollapsedSpace = false
        case "tab":
            builder.append(.tab)
            lastWasSpace = false
            trailingCollapsedSpace = false
        case "line-break":
            builder.append(.break(InlineBreak(kind: .line)))
            lastWasSpace = false
            trailingCollapsedSpace = false
        case "a":
            let href = element.attribute(Namespaces.xlink, "href") ?? ""
            var link = Link(inlines: [])
            if href.hasPrefix("#") {
                link.anchor = String(href.dropFirst())
            } else if !href.isEmpty {
                link.target = href
                if Self.isAbsoluteURL(href) {
                    externals.append(.init(source: sourcePart, type: "hyperlink", target: href))
                }
            }
            link.inlines = nested(element, properties: properties, parent: &builder)
            appendNested(.link(link), parent: &builder)
        case "note":
            builder.append(note(element))
        case "change-start":
            changeStart(element, &builder)
        case "change-end":
            changeEnd(element, &builder)
        case "change":
            if let deletion = deletion(element) { builder.append(deletion) }
        case "number":
            numberLabel = element.textContent
        case "hidden-paragraph":
            if element.attribute(Namespaces.text, "is-hidden") != "false" { paragraphHidden = true }
        case "hidden-text":
            var hidden = properties
            if element.attribute(Namespaces.text, "is-hidden") != "false" { hidden.hidden = true }
            if element.children.isEmpty, let value = element.attribute(Namespaces.text, "string-value") {
                appendText(value, properties: hidden, into: &builder)
            } else {
                inlineChildren(element, properties: hidden, into: &builder)
            }
        case "placeholder":
            // ODF fields have no tag of their own: the description names the field, so it is
            // both the tag a checker looks for and the label.
            let inlines = nested(element, properties: properties, parent: &builder)
            let description = element.attribute(Namespaces.text, "description")
            let control = ContentControlProperties(tag: description, alias: description, kind: .plainText, showingPlaceholder: true)
            appendNested(.contentControl(InlineContentControl(properties: control, inlines: inlines)), parent: &builder)
        case "text-input":
            let inlines = nested(element, properties: properties, parent: &builder)
            let description = element.attribute(Namespaces.text, "description")
            let control = ContentControlProperties(tag: description, alias: description, kind: .plainText)
            appendNested(.contentControl(InlineContentControl(properties: control, inlines: inlines)), parent: &builder)
        case "drop-down":
            let inlines = nested(element, properties: properties, parent: &builder)
            let control = ContentControlProperties(tag: element.attribute(Namespaces.text, "name"), kind: .dropDown)
            appendNested(.contentControl(InlineContentControl(properties: control, inlines: inlines)), parent: &builder)
        case "ruby":
            if let base = element.child(Namespaces.text, "ruby-base") {
                inlineChildren(base, properties: properties, into: &builder)
            }
        default:
            if Self.ignoredInline.contains(local) { return }
            if Self.fieldNames.contains(local) || local.hasPrefix("sender-") {
                let name = element.attribute(Namespaces.text, "name") ?? element.attribute(Namespaces.text, "ref-name")
                let instruction = name.map { "\(local) \($0)" } ?? local
                let result = nested(element, properties: properties, parent: &builder)
                appendNested(.field(Field(instruction: instruction, result: result)), parent: &builder)
            } else if local == "p" || local == "h" || local == "list" || local == "section" {
                // Blocks where inlines belong (malformed, but seen): keep their text in a box.
                let blocks = nestedBlocks([element])
                if !blocks.isEmpty { builder.append(.textBox(TextBox(blocks: blocks))) }
            } else {
                inlineChildren(element, properties: properties, into: &builder)
            }
        }
    }

    /// The inlines of a container inside the paragraph (link, field, control).
    private func nested(_ element: XMLElement, properties: CharacterToggles, parent: inout InlineBuilder) -> [Inline] {
        var inner = InlineBuilder(open: parent.group == nil ? openInsertion?.revision : nil, inheritedWrap: parent.group != nil)
        inlineChildren(element, properties: properties, into: &inner)
        let result = inner.finishNested()
        pendingParentClose = inner.closeParentGroup
        return result
    }

    /// Appends a container built by `nested`, closing or opening the paragraph's insertion
    /// when the insertion ended or began inside the container.
    private func appendNested(_ inline: Inline, parent builder: inout InlineBuilder) {
        builder.append(inline)
        if pendingParentClose {
            pendingParentClose = false
            builder.closeGroup()
        } else if let open = openInsertion, builder.group == nil, !builder.inheritedWrap {
            builder.openGroup(open.revision)
        }
    }

    // MARK: Notes and comments

    private func note(_ element: XMLElement) -> Inline {
        let id = element.attribute(Namespaces.text, "id") ?? generatedID("note")
        let kind: NoteKind = element.attribute(Namespaces.text, "note-class") == "endnote" ? .endnote : .footnote
        let citation = element.child(Namespaces.text, "note-citation")?.textContent.trimmingSpace
        let body = element.child(Namespaces.text, "note-body").map { nestedBlocks($0.elements) } ?? []
        addNote(Note(kind: kind, id: id, blocks: body))
        return .noteReference(NoteReference(kind: kind, id: id, label: citation?.isEmpty == false ? citation : nil))
    }

    private func annotation(_ element: XMLElement) -> Inline {
        let id = element.attribute(Namespaces.office, "name") ?? generatedID("comment")
        let content = element.elements.filter {
            $0.name.namespace != Namespaces.dc && $0.name.namespace != Namespaces.meta
        }
        let blocks = nestedBlocks(content)
        addComment(Comment(
            id: id,
            author: element.child(Namespaces.dc, "creator")?.textContent,
            date: element.child(Namespaces.dc, "date")?.textContent.trimmingSpace,
            blocks: blocks))
        return .commentReference(id: id)
    }

    // MARK: Frames, shapes, controls

    private func drawInline(_ element: XMLElement, properties: CharacterToggles, into builder: inout InlineBuilder) {
        switch element.name.local {
        case "frame":
            for inline in frame(element) { builder.append(inline) }
        case "a", "g":
            for child in element.elements { inline(child, properties: properties, into: &builder) }
        case "control":
            if let id = element.attribute(Namespaces.draw, "control"), let control = controls[id] {
                builder.append(control.inline)
            }
        default:
            // Shapes (custom-shape, rect, ellipse…) may carry paragraphs of text.
            let content = element.elements.filter { $0.name.namespace == Namespaces.text }
            guard !content.isEmpty else { return }
            let blocks = nestedBlocks(content)
            if !blocks.isEmpty {
                builder.append(.textBox(TextBox(name: element.attribute(Namespaces.draw, "name"), blocks: blocks)))
            }
        }
    }

    private func frame(_ element: XMLElement) -> [Inline] {
        let name = element.attribute(Namespaces.draw, "name")
        var result: [Inline] = []
        var hasObject = false
        for child in element.elements where child.name.namespace == Namespaces.draw {
            switch child.name.local {
            case "object", "object-ole":
                hasObject = true
                embeddedObject(child, frameName: name)
            case "text-box":
                result.append(.textBox(TextBox(name: name, blocks: nestedBlocks(child.elements))))
            default:
                break
            }
        }
        if result.isEmpty, !hasObject, let image = element.child(Namespaces.draw, "image") {
            let hasData = image.child(Namespaces.office, "binary-data") != nil
            let href = hasData ? nil : image.attribute(Namespaces.xlink, "href").flatMap { $0.isEmpty ? nil : $0 }
            let external = href.map(Self.isExternalReference) ?? false
            if external, let href {
                externals.append(.init(source: sourcePart, type: "image", target: href))
            }
            result.append(.image(Image(
                name: name,
                altText: element.child(Namespaces.svg, "desc")?.textContent,
                title: element.child(Namespaces.svg, "title")?.textContent,
                target: href.map { external ? $0 : Self.packagePath($0) },
                isExternal: external)))
        }
        return result
    }

    private func embeddedObject(_ element: XMLElement, frameName: String?) {
        if let href = element.attribute(Namespaces.xlink, "href"), !href.isEmpty {
            if Self.isExternalReference(href) {
                externals.append(.init(source: sourcePart, type: "oleObject", target: href))
            } else {
                let path = Self.packagePath(href)
                addEmbeddedObject(path)
            }
        } else if !element.elements.isEmpty {
            addEmbeddedObject(frameName ?? "embedded object")
        }
    }

    // MARK: References

    /// An absolute URL ("https://…", "mailto:…", "file:///…"), not a package path.
    static func isAbsoluteURL(_ href: String) -> Bool {
        guard let colon = href.firstIndex(of: ":") else { return false }
        let scheme = href[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }

    /// A reference that leaves the package: an absolute URL, a drive path, or a relative path
    /// climbing out of it ("../x.png").
    static func isExternalReference(_ href: String) -> Bool {
        isAbsoluteURL(href) || href.hasPrefix("../") || href.hasPrefix("/") || href.hasPrefix("\\")
    }

    /// "./Object 1/" → "Object 1".
    static func packagePath(_ href: String) -> String {
        var path = Substring(href)
        while path.hasPrefix("./") { path = path.dropFirst(2) }
        while path.hasSuffix("/") { path = path.dropLast() }
        return String(path)
    }
}
