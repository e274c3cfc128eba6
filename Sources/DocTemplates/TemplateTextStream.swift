import PackageIO

/// How paragraphs and their text look in one kind of part.
enum PartFlavor {
    case docx
    case odt
    /// Document properties (docProps/core.xml, meta.xml): every element is a "paragraph"
    /// and its own text nodes are its text.
    case properties

    func isParagraph(_ name: String) -> Bool {
        switch self {
        case .docx: return name == "w:p"
        case .odt: return name == "text:p" || name == "text:h"
        case .properties: return true
        }
    }

    /// Whether text directly inside an element named `parent` belongs to the paragraph's text.
    func holdsText(_ parent: String, paragraph: String) -> Bool {
        switch self {
        case .docx: return parent == "w:t"
        case .odt: return parent == "text:p" || parent == "text:h" || parent == "text:span" || parent == "text:a"
        case .properties: return parent == paragraph
        }
    }

    var rowName: String? {
        switch self {
        case .docx: return "w:tr"
        case .odt: return "table:table-row"
        case .properties: return nil
        }
    }
}

/// A piece of a paragraph's text: a text token, or an element standing for text (`text:s`, `text:tab`).
private struct Piece {
    var token: Int
    var scalars: [Unicode.Scalar]
    var isSpaceElement: Bool
    var isOtherElement: Bool
    /// The `w:t` start token holding a text piece (DOCX), for xml:space="preserve".
    var holder: Int
}

/// The result of finding tags in a part: the tokens with each tag as one `.tag` token, and the tags.
struct NormalizedPart {
    var tokens: [XMLToken]
    var tags: [TemplateTag]
    /// Whether each tag stands alone in its paragraph.
    var alone: [Bool]
    var errors: [TemplateError]
}

/// Joins the text of each paragraph into one stream, finds `{{…}}` tags in it even when
/// split over runs or spans, and puts each tag's text into one token in the first piece;
/// the other pieces lose their share and keep their elements.
enum TemplateTextStream {
    static func normalize(_ tokens: [XMLToken], flavor: PartFlavor, part: String) -> NormalizedPart {
        var result = NormalizedPart(tokens: [], tags: [], alone: [], errors: [])
        var replacements: [Int: [XMLToken]] = [:]
        var preserve = Set<Int>()
        var stack: [(name: String, index: Int)] = []
        struct Paragraph { var ordinal: Int; var depth: Int; var name: String; var pieces: [Piece] }
        var paragraphs: [Paragraph] = []
        var ordinal = 0

        func finish(_ paragraph: Paragraph) {
            let pieces = paragraph.pieces
            guard !pieces.isEmpty else { return }
            var stream: [Unicode.Scalar] = []
            var offsets: [Int] = []
            for piece in pieces {
                offsets.append(stream.count)
                stream += piece.scalars
            }
            // Find tags.
            var found: [(start: Int, end: Int, tag: Int)] = []
            var i = 0
            let n = stream.count
            while i + 1 < n {
                guard stream[i] == "{" && stream[i + 1] == "{" else { i += 1; continue }
                var j = i + 2
                while j + 1 < n && !(stream[j] == "}" && stream[j + 1] == "}") { j += 1 }
                let location = TemplateLocation(part: part, paragraph: paragraph.ordinal, context: context(stream, i, j + 1 < n ? j + 2 : n))
                guard j + 1 < n else {
                    var text = String(String.UnicodeScalarView(stream[i..<n]))
                    if text.count > 40 { text = String(text.prefix(40)) + "…" }
                    result.errors.append(TemplateError(.badSyntax, tag: text, location: location))
                    break
                }
                // `{{{x}}}`: take the innermost braces.
                var start = i
                while start + 2 < j && stream[start + 2] == "{" { start += 1 }
                let source = String(String.UnicodeScalarView(stream[start..<(j + 2)]))
                let inner = String(String.UnicodeScalarView(stream[(start + 2)..<j]))
                let (tag, error) = TemplateTag.parse(inner: inner, source: source, location: location)
                if let error { result.errors.append(TemplateError(error, tag: source, location: location)) }
                found.append((start, j + 2, result.tags.count))
                result.tags.append(tag)
                i = j + 2
            }
            guard !found.isEmpty else { return }
            let rest = stream.enumerated().filter { index, _ in !found.contains { index >= $0.start && index < $0.end } }
            let alone = found.count == 1 && rest.allSatisfy { $0.element == " " || $0.element == "\t" || $0.element == "\u{A0}" }
            for _ in found { result.alone.append(alone) }
            // Rewrite the pieces the tags touch.
            for (p, piece) in pieces.enumerated() {
                let lower = offsets[p], upper = lower + piece.scalars.count
                let touching = found.filter { $0.start < upper && $0.end > lower }
                guard !touching.isEmpty else { continue }
                var out: [XMLToken] = []
                var position = lower
                func emit(_ a: Int, _ b: Int) {
                    guard a < b else { return }
                    if piece.isSpaceElement {
                        let count = b - a
                        let prefix = TemplateXML.prefix(of: tokens[piece.token].name)
                        out.append(XMLToken(kind: .empty, raw: count == 1 ? "<\(prefix)s/>" : "<\(prefix)s \(prefix)c=\"\(count)\"/>", name: "\(prefix)s"))
                    } else if piece.isOtherElement {
                        out.append(tokens[piece.token])
                    } else {
                        out.append(.text(String(String.UnicodeScalarView(stream[a..<b]))))
                    }
                }
                for t in touching {
                    emit(position, max(position, min(t.start, upper)))
                    if t.start >= lower && t.start < upper {
                        out.append(XMLToken(kind: .tag, raw: "", tag: t.tag))
                    }
                    position = max(position, min(t.end, upper))
                }
                emit(position, upper)
                replacements[piece.token] = out
                if piece.holder >= 0 { preserve.insert(piece.holder) }
            }
        }

        /// Tags in attribute values: `{` cannot occur in names, so every `{{…}}` in an element's
        /// raw text lies in a value. Only plain variables make sense there.
        func attributeTags(_ token: XMLToken, index: Int) {
            guard TemplateXML.contains("{{", in: token.raw) else { return }
            let raw = Array(token.raw.unicodeScalars)
            var parts: [XMLToken.AttributePart] = []
            var literal = ""
            var i = 0
            // Outside a paragraph (a content control's properties) the place is the paragraph that follows.
            let paragraphOrdinal = paragraphs.last?.ordinal ?? ordinal + 1
            while i < raw.count {
                if i + 1 < raw.count, raw[i] == "{", raw[i + 1] == "{",
                   let close = (i + 2..<max(i + 2, raw.count - 1)).first(where: { raw[$0] == "}" && raw[$0 + 1] == "}" }) {
                    let source = String(String.UnicodeScalarView(raw[i..<(close + 2)]))
                    let inner = XMLEscaping.unescape(String(String.UnicodeScalarView(raw[(i + 2)..<close])))
                    let location = TemplateLocation(part: part, paragraph: paragraphOrdinal, context: XMLEscaping.unescape(token.raw))
                    var (tag, error) = TemplateTag.parse(inner: inner, source: source, location: location)
                    if let error {
                        result.errors.append(TemplateError(error, tag: source, location: location))
                    } else if tag.kind != .variable {
                        // A section cannot open or close inside an attribute: reported once, then ignored.
                        result.errors.append(TemplateError(.badSyntax, tag: source, location: location))
                        tag.kind = .invalid
                    }
                    parts.append(.literal(literal))
                    literal = ""
                    parts.append(.tag(result.tags.count))
                    result.tags.append(tag)
                    result.alone.append(false)
                    i = close + 2
                } else {
                    literal.unicodeScalars.append(raw[i])
                    i += 1
                }
            }
            parts.append(.literal(literal))
            var copy = token
            copy.attributeParts = parts
            replacements[index] = [copy]
        }

        for (index, token) in tokens.enumerated() {
            switch token.kind {
            case .start:
                attributeTags(token, index: index)
                stack.append((token.name, index))
                if flavor.isParagraph(token.name) {
                    ordinal += 1
                    paragraphs.append(Paragraph(ordinal: ordinal, depth: stack.count, name: token.name, pieces: []))
                }
            case .end:
                if let last = paragraphs.last, last.depth == stack.count {
                    finish(paragraphs.removeLast())
                }
                if !stack.isEmpty { stack.removeLast() }
            case .empty:
                attributeTags(token, index: index)
                if flavor.isParagraph(token.name) && flavor != .properties { ordinal += 1 }
                if flavor == .odt, !paragraphs.isEmpty, let parent = stack.last,
                   flavor.holdsText(parent.name, paragraph: paragraphs[paragraphs.count - 1].name) {
                    if token.name == "text:s" {
                        let count = max(1, min(10_000, Int(TemplateXML.attribute("text:c", in: token.raw) ?? "1") ?? 1))
                        paragraphs[paragraphs.count - 1].pieces.append(Piece(token: index, scalars: Array(repeating: " ", count: count), isSpaceElement: true, isOtherElement: false, holder: -1))
                    } else if token.name == "text:tab" {
                        paragraphs[paragraphs.count - 1].pieces.append(Piece(token: index, scalars: ["\t"], isSpaceElement: false, isOtherElement: true, holder: -1))
                    }
                }
            case .text:
                guard !paragraphs.isEmpty, let parent = stack.last,
                      flavor.holdsText(parent.name, paragraph: paragraphs[paragraphs.count - 1].name) else { break }
                // Text of a nested element that is itself a paragraph belongs to that paragraph only.
                if flavor == .properties && paragraphs[paragraphs.count - 1].depth != stack.count { break }
                let scalars = Array(XMLEscaping.unescape(token.raw).unicodeScalars)
                paragraphs[paragraphs.count - 1].pieces.append(Piece(token: index, scalars: scalars, isSpaceElement: false, isOtherElement: false, holder: flavor == .docx ? parent.index : -1))
            case .other, .tag:
                break
            }
        }

        var output: [XMLToken] = []
        output.reserveCapacity(tokens.count + replacements.count * 2)
        for (index, token) in tokens.enumerated() {
            if let replacement = replacements[index] {
                output += replacement
            } else if preserve.contains(index) {
                var copy = token
                copy.raw = TemplateXML.setting("xml:space", to: "preserve", in: token.raw)
                output.append(copy)
            } else {
                output.append(token)
            }
        }
        result.tokens = output
        return result
    }

    /// The paragraph text around a tag, at most about 30 characters each side.
    static func context(_ stream: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
        let before = stream[max(0, start - 30)..<start]
        let after = stream[end..<min(stream.count, end + 30)]
        var text = (start > 30 ? "…" : "") + String(String.UnicodeScalarView(before))
            + String(String.UnicodeScalarView(stream[start..<end]))
            + String(String.UnicodeScalarView(after)) + (end + 30 < stream.count ? "…" : "")
        text = String(text.map { $0 == "\n" || $0 == "\t" ? " " : $0 })
        return text.trimmedTemplateSpace()
    }
}
