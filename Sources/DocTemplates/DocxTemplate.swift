import PackageIO

/// DOCX specifics: which parts are templated, ids in repeated content, list numbering
/// restarts, comments, empty table cells and the table-of-contents refresh.
enum DocxTemplate {
    /// Elements whose `w:id` ties them to a partner element or to another part.
    static let commentMarkers: Set<String> = ["w:commentRangeStart", "w:commentRangeEnd", "w:commentReference"]

    /// References to notes keep their id: the repeated reference points at the same note.
    static let noteReferences: Set<String> = ["w:footnoteReference", "w:endnoteReference", "w:footnote", "w:endnote"]

    static func uniquify(_ tokens: inout [XMLToken], iteration: Int, environment: RenderEnvironment) {
        var wordIDs: [String: String] = [:]
        var numIDs: [String: String] = [:]
        for i in tokens.indices where tokens[i].kind == .start || tokens[i].kind == .empty {
            var raw = tokens[i].raw
            let name = tokens[i].name
            guard raw.utf8.contains(UInt8(ascii: "=")) else { continue }
            if name == "wp:docPr" {
                raw = TemplateXML.setting("id", to: environment.ids.docPr(), in: raw)
            } else if name == "w:numId" {
                if let old = TemplateXML.attribute("w:val", in: raw), old != "0" {
                    let new = numIDs[old] ?? environment.ids.num(copying: old)
                    numIDs[old] = new
                    raw = TemplateXML.setting("w:val", to: new, in: raw)
                }
            } else if name == "w:id", let old = TemplateXML.attribute("w:val", in: raw) {
                // A content control's id.
                _ = old
                raw = TemplateXML.setting("w:val", to: environment.ids.wordID(), in: raw)
            } else if !noteReferences.contains(name), let old = TemplateXML.attribute("w:id", in: raw) {
                let new: String
                if let known = wordIDs[old] {
                    new = known
                } else {
                    new = environment.ids.wordID()
                    wordIDs[old] = new
                    if commentMarkers.contains(name) { environment.ids.commentCopies.append((new, old)) }
                }
                raw = TemplateXML.setting("w:id", to: new, in: raw)
                if name == "w:bookmarkStart", let bookmark = TemplateXML.attribute("w:name", in: raw) {
                    raw = TemplateXML.setting("w:name", to: "\(bookmark)_\(iteration)", in: raw)
                }
            }
            if TemplateXML.contains("w14:paraId=", in: raw) { raw = TemplateXML.setting("w14:paraId", to: environment.ids.hexID(), in: raw) }
            if TemplateXML.contains("w14:textId=", in: raw) { raw = TemplateXML.setting("w14:textId", to: environment.ids.hexID(), in: raw) }
            tokens[i].raw = raw
        }
    }

    /// Word wants a paragraph in every table cell: a cell emptied by a section gets `<w:p/>`.
    static func fillEmptyCells(_ tokens: [XMLToken]) -> [XMLToken] {
        var output: [XMLToken] = []
        output.reserveCapacity(tokens.count)
        // For each open element: its name and whether it has content children.
        var stack: [(name: String, filled: Bool)] = []
        for token in tokens {
            switch token.kind {
            case .start, .empty:
                if let last = stack.last, last.name == "w:tc", token.name != "w:tcPr" {
                    stack[stack.count - 1].filled = true
                }
                if token.kind == .start { stack.append((token.name, false)) }
            case .end:
                if let last = stack.popLast(), last.name == "w:tc", !last.filled {
                    let w = TemplateXML.prefix(of: token.name)
                    output.append(XMLToken(kind: .empty, raw: "<\(w)p/>", name: "\(w)p"))
                }
            default: break
            }
            output.append(token)
        }
        return output
    }

    /// Adds the `w:num` entries that restart lists in repeated content.
    static func addNumbering(_ tokens: [XMLToken], copies: [(new: Int, old: String)]) -> [XMLToken] {
        guard !copies.isEmpty else { return tokens }
        var abstractOf: [String: String] = [:]
        var starts: [String: [(Int, Int)]] = [:]
        var currentNum: String?
        var currentAbstract: String?
        var currentLevel: Int?
        var insertAt = tokens.lastIndex { $0.kind == .end && $0.name == "w:numbering" } ?? tokens.count
        for (index, token) in tokens.enumerated() {
            switch (token.kind, token.name) {
            case (.start, "w:num"):
                currentNum = TemplateXML.attribute("w:numId", in: token.raw)
            case (.end, "w:num"):
                currentNum = nil
                insertAt = index + 1
            case (.empty, "w:num"):
                insertAt = index + 1
            case (.empty, "w:abstractNumId"), (.start, "w:abstractNumId"):
                if let num = currentNum, let value = TemplateXML.attribute("w:val", in: token.raw) { abstractOf[num] = value }
            case (.start, "w:abstractNum"):
                currentAbstract = TemplateXML.attribute("w:abstractNumId", in: token.raw)
            case (.end, "w:abstractNum"):
                currentAbstract = nil
            case (.start, "w:lvl"):
                currentLevel = TemplateXML.attribute("w:ilvl", in: token.raw).flatMap { Int($0) }
                if let abstract = currentAbstract, let level = currentLevel { starts[abstract, default: []].append((level, 1)) }
            case (.end, "w:lvl"):
                currentLevel = nil
            case (.empty, "w:start"):
                if let abstract = currentAbstract, currentLevel != nil, let value = TemplateXML.attribute("w:val", in: token.raw).flatMap({ Int($0) }),
                   var levels = starts[abstract], !levels.isEmpty {
                    levels[levels.count - 1].1 = value
                    starts[abstract] = levels
                }
            default: break
            }
        }
        let w = TemplateXML.prefix(of: tokens.first { $0.kind == .start }?.name ?? "w:numbering")
        var added: [XMLToken] = []
        for copy in copies {
            // A repetition inside a repetition copies a num made by an earlier copy: copies come
            // in the order they were made, so the source is known by then.
            guard let abstract = abstractOf[copy.old] else { continue }
            abstractOf[String(copy.new)] = abstract
            var raw = "<\(w)num \(w)numId=\"\(copy.new)\"><\(w)abstractNumId \(w)val=\"\(XMLEscaping.escape(abstract, for: .attribute))\"/>"
            let levels = starts[abstract] ?? [(0, 1)]
            for (level, start) in levels.prefix(9) {
                raw += "<\(w)lvlOverride \(w)ilvl=\"\(level)\"><\(w)startOverride \(w)val=\"\(start)\"/></\(w)lvlOverride>"
            }
            raw += "</\(w)num>"
            added.append(XMLToken(kind: .other, raw: raw))
        }
        var result = tokens
        result.insert(contentsOf: added, at: min(insertAt, result.count))
        return result
    }

    /// Copies comments whose markers were repeated, under their new ids.
    static func copyComments(_ tokens: [XMLToken], copies: [(new: String, old: String)], ids: inout TemplateIDs) -> [XMLToken] {
        guard !copies.isEmpty else { return tokens }
        let structure = TokenStructure(tokens, tagCount: 0)
        var byID: [String: ClosedRange<Int>] = [:]
        for (index, token) in tokens.enumerated() where token.name == "w:comment" {
            guard let id = TemplateXML.attribute("w:id", in: token.raw) else { continue }
            if token.kind == .start, structure.match[index] >= 0 { byID[id] = index...structure.match[index] }
            if token.kind == .empty { byID[id] = index...index }
        }
        var added: [XMLToken] = []
        var done = Set<String>()
        for copy in copies where done.insert(copy.new).inserted {
            guard let range = byID[copy.old] else { continue }
            var part = Array(tokens[range])
            part[0].raw = TemplateXML.setting("w:id", to: copy.new, in: part[0].raw)
            for i in part.indices where TemplateXML.contains("w14:paraId=", in: part[i].raw) && (part[i].kind == .start || part[i].kind == .empty) {
                part[i].raw = TemplateXML.setting("w14:paraId", to: ids.hexID(), in: part[i].raw)
            }
            added += part
        }
        var result = tokens
        let end = result.lastIndex { $0.kind == .end && $0.name == "w:comments" } ?? result.count
        result.insert(contentsOf: added, at: end)
        return result
    }

    /// Whether a part holds a table of contents (a TOC field or a TOC building block).
    static func hasTableOfContents(_ tokens: [XMLToken]) -> Bool {
        var inInstruction = false
        for token in tokens {
            switch token.kind {
            case .start where token.name == "w:instrText": inInstruction = true
            case .end where token.name == "w:instrText": inInstruction = false
            case .text where inInstruction:
                if XMLEscaping.unescape(token.raw).trimmedTemplateSpace().hasPrefix("TOC") { return true }
            case .start, .empty:
                if token.name == "w:fldSimple", TemplateXML.attribute("w:instr", in: token.raw)?.trimmedTemplateSpace().hasPrefix("TOC") == true { return true }
                if token.name == "w:docPartGallery", TemplateXML.attribute("w:val", in: token.raw) == "Table of Contents" { return true }
            default: break
            }
        }
        return false
    }

    /// Elements that come after `w:updateFields` in `w:settings` (CT_Settings order).
    static let afterUpdateFields: Set<String> = [
        "w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr",
        "w:attachedSchema", "w:themeFontLang", "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats",
        "w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions", "w:readModeInkLockDown", "w:smartTagType",
        "sl:schemaLibrary", "w:shapeDefaults", "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator",
    ]

    /// Sets `w:updateFields w:val="true"` in settings.xml so that Word refreshes the table of contents.
    static func requestFieldUpdate(_ tokens: [XMLToken]) -> [XMLToken] {
        var result = tokens
        var depth = 0
        for (index, token) in tokens.enumerated() {
            if token.kind == .empty || token.kind == .start, depth == 1 {
                if token.name == "w:updateFields" {
                    result[index].raw = TemplateXML.setting("w:val", to: "true", in: token.raw)
                    return result
                }
            }
            if token.kind == .start { depth += 1 }
            if token.kind == .end { depth -= 1 }
        }
        depth = 0
        var insertAt = result.lastIndex { $0.kind == .end && $0.name == "w:settings" } ?? result.count
        for (index, token) in tokens.enumerated() {
            if (token.kind == .empty || token.kind == .start) && depth == 1 && afterUpdateFields.contains(token.name) {
                insertAt = index
                break
            }
            if token.kind == .start { depth += 1 }
            if token.kind == .end { depth -= 1 }
        }
        let w = TemplateXML.prefix(of: tokens.first { $0.kind == .start }?.name ?? "w:settings")
        result.insert(XMLToken(kind: .empty, raw: "<\(w)updateFields \(w)val=\"true\"/>", name: "\(w)updateFields"), at: insertAt)
        return result
    }
}
