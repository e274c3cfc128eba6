import PackageIO

/// State shared by all parts of one rendering: the data, fresh ids, numbering requests, errors.
final class RenderEnvironment {
    let allowMissing: Bool
    var errors: [TemplateError] = []
    private var seenErrors = Set<TemplateError>()
    var ids: TemplateIDs

    init(allowMissing: Bool, ids: TemplateIDs) {
        self.allowMissing = allowMissing
        self.ids = ids
    }

    func report(_ error: TemplateError) {
        if seenErrors.insert(error).inserted { errors.append(error) }
    }
}

/// Renders one part's tree with the data.
struct PartRenderer {
    let tokens: [XMLToken]
    let tags: [TemplateTag]
    let flavor: PartFlavor
    let environment: RenderEnvironment
    /// The raw text that stands for a line break, per tag (depends on where the tag is).
    let lineBreaks: [String]

    init(part: NormalizedPart, flavor: PartFlavor, environment: RenderEnvironment) {
        tokens = part.tokens
        tags = part.tags
        self.flavor = flavor
        self.environment = environment
        var breaks = Array(repeating: "\n", count: part.tags.count)
        var stack: [String] = []
        for token in part.tokens {
            switch token.kind {
            case .start: stack.append(token.name)
            case .end: _ = stack.popLast()
            case .tag where token.tag >= 0 && token.tag < breaks.count:
                let parent = stack.last ?? ""
                switch flavor {
                case .docx where parent.hasSuffix(":t") || parent == "t":
                    let w = TemplateXML.prefix(of: parent)
                    breaks[token.tag] = "</\(w)t><\(w)br/><\(w)t xml:space=\"preserve\">"
                case .odt:
                    let paragraph = stack.last { $0.hasSuffix(":p") || $0.hasSuffix(":h") } ?? "text:p"
                    breaks[token.tag] = "<\(TemplateXML.prefix(of: paragraph))line-break/>"
                default: break
                }
            default: break
            }
        }
        lineBreaks = breaks
    }

    func render(_ nodes: [TemplateNode], context: [TemplateValue], into output: inout [XMLToken]) {
        for node in nodes {
            switch node {
            case .tokens(let range):
                for token in tokens[range] {
                    if let parts = token.attributeParts { output.append(filled(token, parts, context: context)) } else { output.append(token) }
                }
            case .tag(let index):
                let tag = tags[index]
                guard tag.kind == .variable else { continue }
                output.append(XMLToken(kind: .text, raw: text(of: tag, index: index, context: context)))
            case .section(let span, let children):
                let tag = tags[span.open]
                let value = lookup(tag.path, in: context)
                if value == nil && !environment.allowMissing {
                    environment.report(TemplateError(.unknownVariable(tag.path), tag: tag.source, location: tag.location))
                }
                let resolved = value ?? .null
                if tag.kind == .inverted {
                    if !resolved.isTruthy { render(children, context: context, into: &output) }
                    continue
                }
                switch resolved {
                case .list(let items):
                    for (number, item) in items.enumerated() {
                        if number == 0 {
                            render(children, context: context + [item], into: &output)
                        } else {
                            var repeated: [XMLToken] = []
                            render(children, context: context + [item], into: &repeated)
                            TemplateIDs.uniquify(&repeated, iteration: number + 1, flavor: flavor, environment: environment)
                            output += repeated
                        }
                    }
                case .bool(true):
                    render(children, context: context, into: &output)
                default:
                    if resolved.isTruthy { render(children, context: context + [resolved], into: &output) }
                }
            }
        }
    }

    /// An element whose attribute values hold tags, with the values filled in (one line, escaped
    /// for an attribute).
    func filled(_ token: XMLToken, _ parts: [XMLToken.AttributePart], context: [TemplateValue]) -> XMLToken {
        var raw = ""
        for part in parts {
            switch part {
            case .literal(let text): raw += text
            case .tag(let index):
                guard index < tags.count, tags[index].kind == .variable else { continue }
                let value = plainText(of: tags[index], context: context)
                raw += XMLEscaping.escape(value.split(whereSeparator: \.isNewline).joined(separator: " "), for: .attribute)
            }
        }
        var copy = token
        copy.raw = raw
        copy.attributeParts = nil
        return copy
    }

    /// The text of a variable tag's value after its filter, unescaped; unknown or failing values
    /// are reported (unless missing values are allowed) and give "".
    func plainText(of tag: TemplateTag, context: [TemplateValue]) -> String {
        guard let value = lookup(tag.path, in: context) else {
            if !environment.allowMissing {
                environment.report(TemplateError(.unknownVariable(tag.path), tag: tag.source, location: tag.location))
            }
            return ""
        }
        guard let filter = tag.filter else { return value.text }
        if case .null = value { return "" }
        do {
            return try TemplateFilters.apply(filter, to: value)
        } catch {
            environment.report(TemplateError(.badValue(value.text, filter: filter), tag: tag.source, location: tag.location))
            return ""
        }
    }

    /// The escaped text of a variable tag, with line breaks as the format writes them.
    func text(of tag: TemplateTag, index: Int, context: [TemplateValue]) -> String {
        let text = plainText(of: tag, context: context)
        // No line feed, one line (a lone CR is no line break here either).
        if !text.utf8.contains(0x0A) { return XMLEscaping.escape(text) }
        let lines = text.replacing("\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        if lines.count == 1 { return XMLEscaping.escape(text) }
        let separator = lineBreaks[index]
        return lines.map { XMLEscaping.escape(String($0)) }.joined(separator: separator == "\n" ? "\n" : separator)
    }

    /// Mustache lookup: the first segment is searched from the innermost context outwards.
    func lookup(_ path: String, in context: [TemplateValue]) -> TemplateValue? {
        if path == "." { return context.last }
        let segments = path.split(separator: ".").map(String.init)
        guard let first = segments.first else { return nil }
        for scope in context.reversed() {
            guard var value = scope[first] else { continue }
            for segment in segments.dropFirst() {
                // Below a value that is there but empty (null) everything is empty too: a
                // known key without a value is no typo.
                if case .null = value { return .null }
                guard let next = value[segment] else { return nil }
                value = next
            }
            return value
        }
        return nil
    }
}
