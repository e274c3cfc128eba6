import PackageIO

/// Fresh ids for repeated content, so that ids that must be unique stay unique.
struct TemplateIDs {
    /// Next free `w:id` (bookmarks, comments, revisions, content controls share one space here).
    var nextWordID = 1
    var nextDocPr = 1
    var usedHexIDs = Set<String>()
    var nextHexID: UInt32 = 0x1000_0000
    var nextNumID = 1
    /// New `w:num` entries to add to numbering.xml: (new numId, numId it copies).
    var numberingCopies: [(new: Int, old: String)] = []
    /// Comments to copy in comments.xml: (new id, id it copies).
    var commentCopies: [(new: String, old: String)] = []

    /// Looks at every part that is rendered (and numbering.xml) for the ids already taken.
    static func scan(_ parts: [[XMLToken]], numbering: [XMLToken]?) -> TemplateIDs {
        var ids = TemplateIDs()
        var maxID = 0, maxDocPr = 0, maxNum = 0
        // Word's ids are 32-bit; a larger value in a hostile template is capped so that the next
        // free id (max + 1) cannot overflow.
        func id(_ text: String?) -> Int? { text.flatMap { Int($0) }.map { min($0, Int(Int32.max)) } }
        for tokens in parts {
            for token in tokens where token.kind == .start || token.kind == .empty {
                guard TemplateXML.contains("id=", in: token.raw) || TemplateXML.contains("Id=", in: token.raw) else { continue }
                if let value = id(TemplateXML.attribute("w:id", in: token.raw)) { maxID = max(maxID, value) }
                if token.name == "wp:docPr" || token.name.hasSuffix(":cNvPr"), let value = id(TemplateXML.attribute("id", in: token.raw)) {
                    maxDocPr = max(maxDocPr, value)
                }
                if let value = TemplateXML.attribute("w14:paraId", in: token.raw) { ids.usedHexIDs.insert(value.uppercased()) }
                if let value = TemplateXML.attribute("w14:textId", in: token.raw) { ids.usedHexIDs.insert(value.uppercased()) }
            }
        }
        for token in numbering ?? [] where token.kind == .start && token.name == "w:num" {
            if let value = id(TemplateXML.attribute("w:numId", in: token.raw)) { maxNum = max(maxNum, value) }
        }
        ids.nextWordID = maxID + 1
        ids.nextDocPr = maxDocPr + 1
        ids.nextNumID = maxNum + 1
        return ids
    }

    mutating func wordID() -> String {
        defer { nextWordID += 1 }
        return String(nextWordID)
    }

    mutating func docPr() -> String {
        defer { nextDocPr += 1 }
        return String(nextDocPr)
    }

    /// An 8-digit hex id below 0x80000000 not used in the document.
    mutating func hexID() -> String {
        while true {
            let value = nextHexID
            nextHexID = nextHexID >= 0x7FFF_FFFE ? 0x0000_0001 : nextHexID + 1
            var text = String(value, radix: 16, uppercase: true)
            while text.count < 8 { text = "0" + text }
            if usedHexIDs.insert(text).inserted { return text }
        }
    }

    mutating func num(copying old: String) -> String {
        let new = nextNumID
        nextNumID += 1
        numberingCopies.append((new, old))
        return String(new)
    }

    /// Gives one repetition of content its own ids; `iteration` counts from 1 (the first
    /// repetition keeps the template's ids and is not passed here).
    static func uniquify(_ tokens: inout [XMLToken], iteration: Int, flavor: PartFlavor, environment: RenderEnvironment) {
        switch flavor {
        case .docx: DocxTemplate.uniquify(&tokens, iteration: iteration, environment: environment)
        case .odt: ODTTemplate.uniquify(&tokens, iteration: iteration)
        case .properties: break
        }
    }
}
