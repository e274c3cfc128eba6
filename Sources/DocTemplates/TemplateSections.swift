import PackageIO

/// How a section repeats: the text between its tags, the blocks between its tag paragraphs,
/// or the table rows holding its tags.
enum SectionKind { case inline, block, row }

/// A matched section with the token ranges it covers: tokens in `outerStart..<bodyStart`
/// and `bodyEnd..<outerEnd` are dropped, `bodyStart..<bodyEnd` is repeated.
struct SectionSpan {
    var open: Int
    var close: Int
    var kind: SectionKind = .inline
    var outerStart = 0, bodyStart = 0, bodyEnd = 0, outerEnd = 0
    var children: [SectionSpan] = []
}

/// The template of one part as a tree over its tokens.
indirect enum TemplateNode {
    case tokens(Range<Int>)
    case tag(Int)
    case section(SectionSpan, [TemplateNode])
}

/// The element structure of a token list.
struct TokenStructure {
    /// For a start token, the index of its end token.
    var match: [Int]
    /// The start token of each token's parent element (-1 at the top).
    var parent: [Int]
    /// The token index of each tag.
    var position: [Int]
    /// Element names from the root down to each tag, joined.
    var path: [String]

    init(_ tokens: [XMLToken], tagCount: Int) {
        match = Array(repeating: -1, count: tokens.count)
        parent = Array(repeating: -1, count: tokens.count)
        position = Array(repeating: -1, count: tagCount)
        path = Array(repeating: "", count: tagCount)
        var stack: [Int] = []
        for (index, token) in tokens.enumerated() {
            parent[index] = stack.last ?? -1
            for case .tag(let tag) in token.attributeParts ?? [] where tag >= 0 && tag < tagCount {
                position[tag] = index
                path[tag] = stack.map { tokens[$0].name }.joined(separator: "/")
            }
            switch token.kind {
            case .start: stack.append(index)
            case .end:
                if let open = stack.popLast() {
                    match[open] = index
                    parent[index] = stack.last ?? -1
                }
            case .tag:
                if token.tag >= 0 && token.tag < tagCount {
                    position[token.tag] = index
                    path[token.tag] = stack.map { tokens[$0].name }.joined(separator: "/")
                }
            default: break
            }
        }
    }

    func ancestor(of index: Int, where test: (Int) -> Bool) -> Int {
        var current = parent[index]
        while current >= 0 {
            if test(current) { return current }
            current = parent[current]
        }
        return -1
    }

    func ancestors(of index: Int, where test: (Int) -> Bool) -> [Int] {
        var result: [Int] = []
        var current = parent[index]
        while current >= 0 {
            if test(current) { result.append(current) }
            current = parent[current]
        }
        return result
    }
}

/// Pairs section tags, decides how each section repeats and builds the part's tree.
enum TemplateSections {
    static func build(_ part: NormalizedPart, flavor: PartFlavor, errors: inout [TemplateError]) -> [TemplateNode] {
        let tokens = part.tokens
        let structure = TokenStructure(tokens, tagCount: part.tags.count)
        let order = part.tags.indices.filter { structure.position[$0] >= 0 }.sorted { structure.position[$0] < structure.position[$1] }

        // Pair the tags, keeping the nesting.
        struct Open { var tag: Int; var children: [SectionSpan] }
        var stack: [Open] = [Open(tag: -1, children: [])]
        for t in order {
            let tag = part.tags[t]
            switch tag.kind {
            case .open, .inverted:
                stack.append(Open(tag: t, children: []))
            case .close:
                if stack.count > 1 && part.tags[stack[stack.count - 1].tag].path == tag.path {
                    let open = stack.removeLast()
                    stack[stack.count - 1].children.append(SectionSpan(open: open.tag, close: t, children: open.children))
                } else if let depth = stack.indices.dropFirst().last(where: { part.tags[stack[$0].tag].path == tag.path }) {
                    let expected = part.tags[stack[stack.count - 1].tag].path
                    errors.append(TemplateError(.mismatchedClose(tag.path, expected: expected), tag: tag.source, location: tag.location))
                    // Close the named section; the ones inside it are dropped.
                    while stack.count - 1 > depth { stack.removeLast() }
                    let open = stack.removeLast()
                    stack[stack.count - 1].children.append(SectionSpan(open: open.tag, close: t, children: open.children))
                } else if stack.count > 1 {
                    let expected = part.tags[stack[stack.count - 1].tag].path
                    errors.append(TemplateError(.mismatchedClose(tag.path, expected: expected), tag: tag.source, location: tag.location))
                } else {
                    errors.append(TemplateError(.closeWithoutOpen(tag.path), tag: tag.source, location: tag.location))
                }
            default: break
            }
        }
        while stack.count > 1 {
            let open = stack.removeLast()
            let tag = part.tags[open.tag]
            errors.append(TemplateError(.unclosedSection(tag.path), tag: tag.source, location: tag.location))
            // Its inner sections still stand.
            stack[stack.count - 1].children += open.children
        }

        func paragraphOf(_ index: Int) -> Int {
            structure.ancestor(of: index) { tokens[$0].kind == .start && flavor.isParagraph(tokens[$0].name) }
        }
        func isBlank(_ range: Range<Int>) -> Bool {
            range.allSatisfy { i in
                let t = tokens[i]
                return t.kind == .other || (t.kind == .text && t.raw.allSatisfy { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" })
            }
        }
        /// The paragraph holding a lone tag, widened in ODT to a list item (and list) holding only it.
        func removal(_ paragraph: Int) -> ClosedRange<Int> {
            var range = paragraph...structure.match[paragraph]
            while flavor == .odt {
                let p = structure.parent[range.lowerBound]
                guard p >= 0, tokens[p].name == "text:list-item" || tokens[p].name == "text:list",
                      isBlank((p + 1)..<range.lowerBound), isBlank((range.upperBound + 1)..<structure.match[p]) else { break }
                range = p...structure.match[p]
            }
            return range
        }

        func place(_ span: inout SectionSpan) -> Bool {
            let o = structure.position[span.open], c = structure.position[span.close]
            let po = paragraphOf(o), pc = paragraphOf(c)
            if po == pc {
                guard structure.path[span.open] == structure.path[span.close] else { return false }
                span.kind = .inline
                span.outerStart = o; span.bodyStart = o + 1; span.bodyEnd = c; span.outerEnd = c + 1
                return true
            }
            if po >= 0, pc >= 0, part.alone[span.open], part.alone[span.close] {
                let ro = removal(po), rc = removal(pc)
                if structure.parent[ro.lowerBound] == structure.parent[rc.lowerBound] && ro.upperBound < rc.lowerBound {
                    span.kind = .block
                    span.outerStart = ro.lowerBound; span.bodyStart = ro.upperBound + 1
                    span.bodyEnd = rc.lowerBound; span.outerEnd = rc.upperBound + 1
                    return true
                }
            }
            if let rowName = flavor.rowName {
                let rowsO = structure.ancestors(of: o) { tokens[$0].name == rowName }
                let rowsC = structure.ancestors(of: c) { tokens[$0].name == rowName }
                for a in rowsO {
                    for b in rowsC where structure.parent[a] == structure.parent[b] && a <= b {
                        span.kind = .row
                        span.outerStart = a; span.bodyStart = a
                        span.bodyEnd = structure.match[b] + 1; span.outerEnd = span.bodyEnd
                        return true
                    }
                }
            }
            return false
        }

        func placeAll(_ spans: [SectionSpan], within bounds: Range<Int>) -> [SectionSpan] {
            var placed: [SectionSpan] = []
            for var span in spans {
                let tag = part.tags[span.open]
                guard place(&span), span.outerStart >= bounds.lowerBound, span.outerEnd <= bounds.upperBound,
                      placed.last.map({ $0.outerEnd <= span.outerStart }) ?? true else {
                    errors.append(TemplateError(.sectionSpansParagraphs(tag.path), tag: tag.source, location: tag.location))
                    continue
                }
                span.children = placeAll(span.children, within: span.bodyStart..<span.bodyEnd)
                placed.append(span)
            }
            return placed
        }

        let top = placeAll(stack[0].children, within: 0..<tokens.count)

        func nodes(_ range: Range<Int>, _ spans: [SectionSpan]) -> [TemplateNode] {
            var result: [TemplateNode] = []
            var i = range.lowerBound
            func flush(_ end: Int) {
                var start = i
                for k in i..<end where tokens[k].kind == .tag {
                    if start < k { result.append(.tokens(start..<k)) }
                    result.append(.tag(tokens[k].tag))
                    start = k + 1
                }
                if start < end { result.append(.tokens(start..<end)) }
            }
            for span in spans {
                flush(span.outerStart)
                result.append(.section(span, nodes(span.bodyStart..<span.bodyEnd, span.children)))
                i = span.outerEnd
            }
            flush(range.upperBound)
            return result
        }
        return nodes(0..<tokens.count, top)
    }
}
