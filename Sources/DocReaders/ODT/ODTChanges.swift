import DocModel
import PackageIO

/// One `text:changed-region` of `text:tracked-changes`.
struct ODTChange: Sendable {
    enum Kind: Sendable { case insertion, deletion, formatChange }
    var kind: Kind
    /// The region's id (its xml:id, else its text:id), the same for both names of the region.
    var region: String
    var revision: Revision?
    /// For a deletion: the deleted content's paragraphs, as they stood.
    var deleted: [XMLElement]
}

/// Collects the inlines of a paragraph or of a container inside it (link, field, control),
/// and the pieces that lie inside a tracked insertion (`text:change-start` … `text:change-end`).
struct InlineBuilder {
    var out: [Inline] = []
    /// Inlines inside an open insertion, not yet wrapped.
    var group: [Inline]?
    var groupRevision: Revision?
    /// The enclosing builder is already collecting an insertion: this one does not wrap.
    let inheritedWrap: Bool
    /// An insertion was open when this builder began (a paragraph inside a multi-paragraph insertion).
    let startedOpen: Bool
    /// A change mark occurred in this builder.
    var markerSeen = false
    /// The insertion ended inside this builder while the enclosing one collects it.
    var closeParentGroup = false

    init(open: Revision?, inheritedWrap: Bool = false) {
        self.inheritedWrap = inheritedWrap
        if let open, !inheritedWrap {
            group = []
            groupRevision = open
            startedOpen = true
        } else {
            startedOpen = false
        }
    }

    mutating func append(_ inline: Inline) {
        if group != nil { group?.append(inline) } else { out.append(inline) }
    }

    /// Appends text, joining it to the previous run when the style is the same.
    mutating func appendText(_ text: String, style: TextStyle) {
        guard !text.isEmpty else { return }
        if var target = group {
            group = nil
            Self.add(text, style, to: &target)
            group = target
        } else {
            Self.add(text, style, to: &out)
        }
    }

    private static func add(_ text: String, _ style: TextStyle, to list: inout [Inline]) {
        if case .text(let last)? = list.last, last.style == style {
            list[list.count - 1] = .text(TextRun(last.text + text, style: style))
        } else {
            list.append(.text(TextRun(text, style: style)))
        }
    }

    mutating func openGroup(_ revision: Revision) {
        markerSeen = true
        if group == nil && !inheritedWrap {
            group = []
            groupRevision = revision
        }
    }

    mutating func closeGroup() {
        markerSeen = true
        if let collected = group, let revision = groupRevision {
            group = nil
            groupRevision = nil
            if !collected.isEmpty { out.append(.revision(RevisedInlines(revision: revision, inlines: collected))) }
        } else if inheritedWrap {
            closeParentGroup = true
        }
    }

    /// The inlines of a nested container: an insertion still open is wrapped up to here.
    mutating func finishNested() -> [Inline] {
        if group != nil {
            let before = markerSeen
            closeGroup()
            markerSeen = before
        }
        return out
    }

    /// The inlines of a paragraph, and the paragraph's own revision when the whole paragraph
    /// lies inside an insertion that began before it and goes on after it.
    mutating func finishParagraph() -> (inlines: [Inline], mark: Revision?) {
        if let collected = group, let revision = groupRevision {
            if startedOpen && !markerSeen {
                return (out + collected, revision)
            }
            closeGroup()
        }
        return (out, nil)
    }
}

extension ODTBodyReader {
    /// Reads `text:tracked-changes`: every changed region by its id.
    func loadChanges(_ element: XMLElement?) {
        guard let element else { return }
        for region in element.elements where region.is(Namespaces.text, "changed-region") {
            let id = region.attribute(Namespaces.xml, "id") ?? region.attribute(Namespaces.text, "id")
            guard let id else { continue }
            for change in region.elements {
                let kind: ODTChange.Kind
                switch change.name.local {
                case "insertion": kind = .insertion
                case "deletion": kind = .deletion
                case "format-change": kind = .formatChange
                default: continue
                }
                var revision: Revision?
                let revisionKind: Revision.Kind = kind == .deletion ? .deletion : .insertion
                if let info = change.child(Namespaces.office, "change-info") {
                    revision = Revision(
                        kind: revisionKind,
                        author: info.child(Namespaces.dc, "creator").map { $0.textContent },
                        date: info.child(Namespaces.dc, "date").map { $0.textContent.trimmingSpace })
                } else {
                    revision = Revision(kind: revisionKind)
                }
                let deleted = kind == .deletion ? change.elements.filter { !$0.is(Namespaces.office, "change-info") } : []
                changes[id] = ODTChange(kind: kind, region: id, revision: revision, deleted: deleted)
                if id != region.attribute(Namespaces.text, "id"), let textID = region.attribute(Namespaces.text, "id") {
                    changes[textID] = changes[id]
                }
                break
            }
        }
    }

    /// `text:change-start`: opens an insertion.
    func changeStart(_ element: XMLElement, _ builder: inout InlineBuilder) {
        guard openInsertion == nil, let id = element.attribute(Namespaces.text, "change-id"),
              let change = changes[id], change.kind == .insertion else { return }
        let revision = change.revision ?? Revision(kind: .insertion)
        openInsertion = (id, revision)
        builder.openGroup(revision)
    }

    /// `text:change-end`: closes the open insertion.
    func changeEnd(_ element: XMLElement, _ builder: inout InlineBuilder) {
        guard let open = openInsertion, element.attribute(Namespaces.text, "change-id") == open.id else { return }
        openInsertion = nil
        builder.closeGroup()
    }

    /// `text:change`: the point where text was deleted, as a deletion with the deleted text.
    /// Each change is expanded at most once: a later reference to the same change, and a
    /// reference from inside its own deleted text (directly or through other changes), is the
    /// revision with no content. This bounds the work to the size of the file.
    func deletion(_ element: XMLElement) -> Inline? {
        guard let id = element.attribute(Namespaces.text, "change-id"), let change = changes[id],
              change.kind == .deletion else { return nil }
        let revision = change.revision ?? Revision(kind: .deletion)
        // Keyed by the region, not the reference: its xml:id and text:id name the same content.
        guard expandedDeletions.insert(change.region).inserted else {
            return .revision(RevisedInlines(revision: revision, inlines: []))
        }
        var inlines: [Inline] = []
        isolated {
            var paragraphs: [[Inline]] = []
            func collect(_ elements: [XMLElement], depth: Int) {
                for child in elements {
                    if child.is(Namespaces.text, "p") || child.is(Namespaces.text, "h") {
                        lastWasSpace = true
                        trailingCollapsedSpace = false
                        var builder = InlineBuilder(open: nil)
                        inlineChildren(child, properties: paragraphProperties(child), into: &builder)
                        var (content, _) = builder.finishParagraph()
                        dropTrailingSpace(&content)
                        if !content.isEmpty { paragraphs.append(content) }
                    } else if depth < 16 {
                        collect(child.elements, depth: depth + 1)
                    }
                }
            }
            collect(change.deleted, depth: 0)
            for (index, paragraph) in paragraphs.enumerated() {
                if index > 0 { inlines.append(.break(InlineBreak(kind: .line))) }
                inlines += paragraph
            }
        }
        return .revision(RevisedInlines(revision: revision, inlines: inlines))
    }
}
