import DocModel
import PackageIO

/// Stage 1: WordprocessingML elements into the DOCX-shaped model.
struct DocxParser {
    private let w = Namespaces.w

    /// Namespaces this reader understands, for mc:Choice (its Requires holds namespace URIs,
    /// resolved by XMLStream where the prefixes were declared).
    private static let understoodNamespaces: Set<String> = [
        Namespaces.w, Namespaces.r, Namespaces.wp, Namespaces.a, Namespaces.pic, Namespaces.wps, Namespaces.mc,
        Namespaces.v, Namespaces.o, Namespaces.m, Namespaces.w14,
        "http://schemas.microsoft.com/office/word/2012/wordml",  // w15
        "http://schemas.microsoft.com/office/word/2015/wordml/symex",  // w16se
        "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",  // wpg
        "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas",  // wpc
        "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing",  // wp14
        "http://schemas.microsoft.com/office/drawing/2010/main",  // a14
        "urn:schemas-microsoft-com:office:word",  // w10
    ]

    // MARK: Blocks

    func blocks(_ container: XMLElement) -> [DocxBlock] {
        var result: [DocxBlock] = []
        appendBlocks(of: container, to: &result)
        return result
    }

    private func appendBlocks(of container: XMLElement, to result: inout [DocxBlock]) {
        for element in container.elements {
            appendBlock(element, to: &result)
        }
    }

    private func appendBlock(_ element: XMLElement, to result: inout [DocxBlock]) {
        switch (element.name.namespace, element.name.local) {
        case (w, "p"):
            result.append(.paragraph(paragraph(element)))
        case (w, "tbl"):
            result.append(.table(table(element)))
        case (w, "sdt"):
            let content = element.child(w, "sdtContent").map(blocks) ?? []
            result.append(.sdt(sdtProperties(element.child(w, "sdtPr")), content))
        case (w, "customXml"), (w, "smartTag"), (w, "sdtContent"):
            appendBlocks(of: element, to: &result)
        case (Namespaces.mc, "AlternateContent"):
            if let chosen = alternative(element) { appendBlocks(of: chosen, to: &result) }
        default:
            break  // bookmarks, permissions, sectPr of the body, proofing marks
        }
    }

    /// The one branch of mc:AlternateContent to read: the first Choice whose required
    /// namespaces are understood, else the Fallback. Never both.
    func alternative(_ element: XMLElement) -> XMLElement? {
        for choice in element.children(Namespaces.mc, "Choice") {
            let required = (choice.attribute("Requires") ?? "").split(separator: " ").map(String.init)
            if required.allSatisfy(Self.understoodNamespaces.contains) { return choice }
        }
        return element.child(Namespaces.mc, "Fallback")
    }

    // MARK: Paragraphs

    func paragraph(_ element: XMLElement) -> DocxParagraph {
        var paragraph = DocxParagraph()
        if let properties = element.child(w, "pPr") {
            paragraph.styleID = properties.child(w, "pStyle")?.attribute(w, "val")
            if let numPr = properties.child(w, "numPr") {
                paragraph.numbering = numberingReference(numPr)
            }
            if let level = properties.child(w, "outlineLvl")?.attribute(w, "val").flatMap({ Int($0) }) {
                paragraph.outlineLevel = level
            }
            if let markProperties = properties.child(w, "rPr") {
                for (local, kind) in [("ins", Revision.Kind.insertion), ("del", .deletion), ("moveFrom", .moveFrom), ("moveTo", .moveTo)] {
                    if let change = markProperties.child(w, local) {
                        paragraph.markRevision = revision(change, kind)
                    }
                }
            }
            paragraph.endsSection = properties.child(w, "sectPr") != nil
        }
        paragraph.items = inlines(element)
        return paragraph
    }

    func numberingReference(_ numPr: XMLElement) -> DocxNumberingReference {
        DocxNumberingReference(
            numID: numPr.child(w, "numId")?.attribute(w, "val"),
            level: numPr.child(w, "ilvl")?.attribute(w, "val").flatMap { Int($0) })
    }

    private func revision(_ element: XMLElement, _ kind: Revision.Kind) -> Revision {
        Revision(kind: kind, author: element.attribute(w, "author"), date: element.attribute(w, "date"))
    }

    // MARK: Inline content

    func inlines(_ container: XMLElement) -> [DocxInline] {
        var result: [DocxInline] = []
        appendInlines(of: container, to: &result)
        return result
    }

    private func appendInlines(of container: XMLElement, to result: inout [DocxInline]) {
        for element in container.elements {
            appendInline(element, to: &result)
        }
    }

    private func appendInline(_ element: XMLElement, to result: inout [DocxInline]) {
        switch (element.name.namespace, element.name.local) {
        case (w, "r"):
            result.append(run(element))
        case (w, "hyperlink"):
            result.append(.hyperlink(
                relationshipID: element.attribute(Namespaces.r, "id"), anchor: element.attribute(w, "anchor"),
                inlines(element)))
        case (w, "sdt"):
            let content = element.child(w, "sdtContent").map(inlines) ?? []
            result.append(.sdt(sdtProperties(element.child(w, "sdtPr")), content))
        case (w, "ins"):
            result.append(.revision(revision(element, .insertion), inlines(element)))
        case (w, "del"):
            result.append(.revision(revision(element, .deletion), inlines(element)))
        case (w, "moveFrom"):
            result.append(.revision(revision(element, .moveFrom), inlines(element)))
        case (w, "moveTo"):
            result.append(.revision(revision(element, .moveTo), inlines(element)))
        case (w, "fldSimple"):
            result.append(.simpleField(instruction: element.attribute(w, "instr") ?? "", inlines(element)))
        case (w, "smartTag"), (w, "customXml"), (w, "dir"), (w, "bdo"), (w, "sdtContent"):
            appendInlines(of: element, to: &result)
        case (Namespaces.mc, "AlternateContent"):
            if let chosen = alternative(element) { appendInlines(of: chosen, to: &result) }
        case (Namespaces.m, "oMath"), (Namespaces.m, "oMathPara"):
            let text = mathText(element)
            if !text.isEmpty { result.append(.run(DocxRunProperties(), [.text(text)])) }
        default:
            break  // pPr, bookmarks, comment ranges, proofErr, permStart…
        }
    }

    private func mathText(_ element: XMLElement) -> String {
        var text = ""
        func walk(_ element: XMLElement) {
            for child in element.elements {
                if child.is(Namespaces.m, "t") { text += child.textContent } else { walk(child) }
            }
        }
        walk(element)
        return text
    }

    private func run(_ element: XMLElement) -> DocxInline {
        var properties = DocxRunProperties()
        var content: [DocxRunContent] = []
        for child in element.elements {
            if child.is(w, "rPr") {
                properties = runProperties(child)
            } else {
                appendRunContent(child, to: &content)
            }
        }
        return .run(properties, content)
    }

    func runProperties(_ element: XMLElement) -> DocxRunProperties {
        DocxRunProperties(styleID: element.child(w, "rStyle")?.attribute(w, "val"), toggles: toggles(element))
    }

    /// Character formatting in a w:rPr (of a run or a style).
    func toggles(_ element: XMLElement) -> CharacterToggles {
        func on(_ local: String) -> Bool? {
            guard let child = element.child(w, local) else { return nil }
            guard let value = child.attribute(w, "val")?.lowercased() else { return true }
            return !(value == "0" || value == "false" || value == "off")
        }
        var toggles = CharacterToggles()
        toggles.bold = on("b")
        toggles.italic = on("i")
        if let underline = element.child(w, "u") {
            toggles.underline = (underline.attribute(w, "val") ?? "single") != "none"
        }
        if let strike = on("strike") { toggles.strike = strike }
        if on("dstrike") == true { toggles.strike = true }
        toggles.hidden = on("vanish")
        if let alignment = element.child(w, "vertAlign")?.attribute(w, "val") {
            toggles.position = alignment == "superscript" ? 1 : alignment == "subscript" ? -1 : 0
        }
        return toggles
    }

    private func appendRunContent(_ element: XMLElement, to content: inout [DocxRunContent]) {
        switch (element.name.namespace, element.name.local) {
        case (w, "t"), (w, "delText"):
            content.append(.text(element.textContent))
        case (w, "tab"), (w, "ptab"):
            content.append(.tab)
        case (w, "br"):
            switch element.attribute(w, "type") {
            case "page"?: content.append(.break(.page))
            case "column"?: content.append(.break(.column))
            default: content.append(.break(.line))
            }
        case (w, "cr"):
            content.append(.break(.line))
        case (w, "noBreakHyphen"):
            content.append(.text("-"))
        case (w, "softHyphen"):
            content.append(.text("\u{00AD}"))
        case (w, "sym"):
            if let code = element.attribute(w, "char").flatMap({ UInt32($0, radix: 16) }) {
                // Symbol-font characters live in the private-use range F000–F0FF.
                let value = code >= 0xF000 && code <= 0xF0FF ? code - 0xF000 : code
                if let scalar = Unicode.Scalar(value), value >= 0x20 { content.append(.text(String(Character(scalar)))) }
            }
        case (w, "fldChar"):
            switch element.attribute(w, "fldCharType") {
            case "begin"?: content.append(.fieldBegin)
            case "separate"?: content.append(.fieldSeparate)
            case "end"?: content.append(.fieldEnd)
            default: break
            }
        case (w, "instrText"), (w, "delInstrText"):
            content.append(.instruction(element.textContent))
        case (w, "footnoteReference"):
            if let id = element.attribute(w, "id") { content.append(.noteReference(.footnote, id)) }
        case (w, "endnoteReference"):
            if let id = element.attribute(w, "id") { content.append(.noteReference(.endnote, id)) }
        case (w, "commentReference"):
            if let id = element.attribute(w, "id") { content.append(.commentReference(id)) }
        case (w, "drawing"), (w, "pict"), (w, "object"):
            content.append(.drawing(drawing(element)))
        case (Namespaces.mc, "AlternateContent"):
            if let chosen = alternative(element) {
                for child in chosen.elements { appendRunContent(child, to: &content) }
            }
        default:
            break  // lastRenderedPageBreak, footnoteRef, annotationRef, separators…
        }
    }

    /// A DrawingML drawing, a VML picture or an OLE object: its name, alt text, picture and text boxes.
    private func drawing(_ element: XMLElement) -> DocxDrawing {
        var drawing = DocxDrawing()
        func walk(_ element: XMLElement) {
            for child in element.elements {
                switch (child.name.namespace, child.name.local) {
                case (Namespaces.wp, "docPr"):
                    drawing.name = drawing.name ?? child.attribute("name")
                    drawing.description = drawing.description ?? child.attribute("descr").flatMap(nonEmpty)
                    drawing.title = drawing.title ?? child.attribute("title").flatMap(nonEmpty)
                case (Namespaces.a, "blip"):
                    if let embed = child.attribute(Namespaces.r, "embed") {
                        drawing.imageRelationship = drawing.imageRelationship ?? embed
                    } else if let link = child.attribute(Namespaces.r, "link") {
                        drawing.imageRelationship = drawing.imageRelationship ?? link
                        drawing.imageIsLinked = true
                    }
                case (Namespaces.v, "imagedata"):
                    if drawing.imageRelationship == nil, let id = child.attribute(Namespaces.r, "id") {
                        drawing.imageRelationship = id
                    }
                    drawing.title = drawing.title ?? child.attribute(Namespaces.o, "title").flatMap(nonEmpty)
                case (w, "txbxContent"):
                    drawing.textBoxes.append(blocks(child))
                case (Namespaces.o, "OLEObject"):
                    drawing.oleRelationship = child.attribute(Namespaces.r, "id")
                case (Namespaces.mc, "AlternateContent"):
                    if let chosen = alternative(child) { walk(chosen) }
                default:
                    walk(child)
                }
            }
        }
        walk(element)
        if let shapeAlt = firstAttribute(element, Namespaces.v, "shape", "alt"), drawing.description == nil {
            drawing.description = nonEmpty(shapeAlt)
        }
        return drawing
    }

    private func firstAttribute(_ element: XMLElement, _ namespace: String, _ local: String, _ attribute: String) -> String? {
        for child in element.elements {
            if child.is(namespace, local), let value = child.attribute(attribute) { return value }
            if let found = firstAttribute(child, namespace, local, attribute) { return found }
        }
        return nil
    }

    private func nonEmpty(_ text: String) -> String? {
        text.isEmpty ? nil : text
    }

    // MARK: Content controls

    func sdtProperties(_ element: XMLElement?) -> DocxSdtProperties {
        var properties = DocxSdtProperties()
        guard let element else { return properties }
        properties.tag = element.child(w, "tag")?.attribute(w, "val")
        properties.alias = element.child(w, "alias")?.attribute(w, "val")
        properties.id = element.child(w, "id")?.attribute(w, "val")
        if let placeholder = element.child(w, "showingPlcHdr") {
            let value = placeholder.attribute(w, "val")?.lowercased()
            properties.showingPlaceholder = !(value == "0" || value == "false")
        }
        for child in element.elements {
            switch (child.name.namespace, child.name.local) {
            case (w, "text"): properties.kind = .plainText
            case (w, "date"): properties.kind = .date
            case (w, "dropDownList"): properties.kind = .dropDown
            case (w, "comboBox"): properties.kind = .comboBox
            case (w, "picture"): properties.kind = .picture
            case (w, "group"): properties.kind = .group
            case (w, "docPartObj"), (w, "bibliography"), (w, "citation"), (w, "equation"): properties.kind = .other
            case (Namespaces.w14, "checkbox"):
                properties.kind = .checkbox
                let value = child.child(Namespaces.w14, "checked")?.attribute(Namespaces.w14, "val")
                properties.checked = value == "1" || value == "true"
            default: break
            }
        }
        return properties
    }

    // MARK: Tables

    func table(_ element: XMLElement) -> DocxTable {
        var table = DocxTable()
        table.styleID = element.child(w, "tblPr")?.child(w, "tblStyle")?.attribute(w, "val")
        table.rows = collect("tr", in: element, row)
        return table
    }

    /// The children named `local` (rows of a table, cells of a row), looking through
    /// content controls, customXml and alternate content around them.
    /// `make` gets the nearest content control around the child, if any.
    private func collect<T>(_ local: String, in container: XMLElement, _ make: (XMLElement, DocxSdtProperties?) -> T) -> [T] {
        var result: [T] = []
        func walk(_ container: XMLElement, _ control: DocxSdtProperties?) {
            for element in container.elements {
                switch (element.name.namespace, element.name.local) {
                case (w, local): result.append(make(element, control))
                case (w, "sdt"):
                    if let content = element.child(w, "sdtContent") { walk(content, sdtProperties(element.child(w, "sdtPr"))) }
                case (w, "customXml"): walk(element, control)
                case (Namespaces.mc, "AlternateContent"): if let chosen = alternative(element) { walk(chosen, control) }
                default: break
                }
            }
        }
        walk(container, nil)
        return result
    }

    private func row(_ element: XMLElement, control: DocxSdtProperties?) -> DocxRow {
        var row = DocxRow()
        row.control = control
        if let properties = element.child(w, "trPr") {
            if let header = properties.child(w, "tblHeader") {
                let value = header.attribute(w, "val")?.lowercased()
                row.isHeader = !(value == "0" || value == "false")
            }
            row.gridBefore = min(max(properties.child(w, "gridBefore")?.attribute(w, "val").flatMap { Int($0) } ?? 0, 0), 1000)
        }
        row.cells = collect("tc", in: element, cell)
        return row
    }

    private func cell(_ element: XMLElement, control: DocxSdtProperties?) -> DocxCell {
        var cell = DocxCell()
        cell.control = control
        if let properties = element.child(w, "tcPr") {
            if let span = properties.child(w, "gridSpan")?.attribute(w, "val").flatMap({ Int($0) }) {
                cell.gridSpan = min(max(span, 1), 1000)
            }
            if let merge = properties.child(w, "vMerge") {
                cell.verticalMerge = merge.attribute(w, "val") == "restart" ? .restart : .continue
            }
        }
        cell.blocks = blocks(element)
        return cell
    }
}
