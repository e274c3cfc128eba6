import DocModel
import PackageIO

/// Reads a WordprocessingML package in two stages: the XML into a DOCX-shaped model
/// (``DocxBlock`` and friends, by ``DocxParser``), then that into the format-neutral
/// ``Document`` (by ``DocxConverter``). Parts are found through relationships, never by path.
enum DocxReader {
    static func read(package: OfficePackage) throws -> Document {
        let w = Namespaces.w
        let main = package.mainPart
        let root = try package.xml(main)
        guard root.is(w, "document") else {
            throw ReadError(.xmlMalformed(line: root.line, detail: "expected w:document, found \(root.name.local)"), part: main)
        }
        let styles = try package.relatedPart(of: main, kind: "styles").map { DocxStyles(try package.xml($0)) } ?? DocxStyles()
        let numbering = try package.relatedPart(of: main, kind: "numbering").map { DocxNumbering(try package.xml($0), styles: styles) } ?? DocxNumbering()
        var converter = DocxConverter(styles: styles, numbering: numbering)
        let parser = DocxParser()

        func relationshipMap(_ part: String) throws -> [String: Relationship] {
            var map: [String: Relationship] = [:]
            for relationship in try package.relationships(of: part) where map[relationship.id] == nil {
                map[relationship.id] = relationship
            }
            return map
        }

        let body = root.child(w, "body")
        converter.relationships = try relationshipMap(main)
        converter.startPart()
        let blocks = body.map { converter.blocks(parser.blocks($0)) } ?? []

        var document = Document(format: .docx, body: blocks)

        // Footnotes and endnotes (separator notes are not content).
        for (kind, relationshipKind, element) in [(NoteKind.footnote, "footnotes", "footnote"), (.endnote, "endnotes", "endnote")] {
            guard let part = try package.relatedPart(of: main, kind: relationshipKind) else { continue }
            converter.relationships = try relationshipMap(part)
            for note in try package.xml(part).children(w, element) {
                guard let id = note.attribute(w, "id") else { continue }
                if let type = note.attribute(w, "type"), type != "normal" { continue }
                converter.startPart()
                document.notes.append(Note(kind: kind, id: id, blocks: converter.blocks(parser.blocks(note))))
            }
        }

        if let part = try package.relatedPart(of: main, kind: "comments") {
            converter.relationships = try relationshipMap(part)
            for comment in try package.xml(part).children(w, "comment") {
                guard let id = comment.attribute(w, "id") else { continue }
                converter.startPart()
                document.comments.append(Comment(
                    id: id, author: comment.attribute(w, "author"), date: comment.attribute(w, "date"),
                    blocks: converter.blocks(parser.blocks(comment))))
            }
        }

        // Headers and footers, as the section properties name them.
        var seenParts: Set<String> = []
        let documentRelationships = try relationshipMap(main)
        for sectionProperties in sectionPropertiesElements(body) {
            for (local, kind) in [("headerReference", HeaderFooter.Kind.header), ("footerReference", .footer)] {
                for reference in sectionProperties.children(w, local) {
                    guard let id = reference.attribute(Namespaces.r, "id"), let relationship = documentRelationships[id],
                          !relationship.isExternal, package.archive.contains(relationship.target),
                          !seenParts.contains(relationship.target) else { continue }
                    seenParts.insert(relationship.target)
                    converter.relationships = try relationshipMap(relationship.target)
                    converter.startPart()
                    let blocks = converter.blocks(parser.blocks(try package.xml(relationship.target)))
                    document.headersFooters.append(HeaderFooter(kind: kind, pages: reference.attribute(w, "type") ?? "default", blocks: blocks))
                }
            }
        }

        document.metadata = try DocxProperties.read(package)
        document.package = try facts(package)
        return document
    }

    /// Every w:sectPr: those ending sections inside the body and the body's last one.
    private static func sectionPropertiesElements(_ body: XMLElement?) -> [XMLElement] {
        guard let body else { return [] }
        let w = Namespaces.w
        var result: [XMLElement] = []
        for element in body.elements {
            if element.is(w, "p"), let properties = element.child(w, "pPr")?.child(w, "sectPr") { result.append(properties) }
            if element.is(w, "sectPr") { result.append(element) }
        }
        return result
    }

    /// Package facts: parts, macros, embedded objects, external relationships, signatures.
    static func facts(_ package: OfficePackage) throws -> PackageFacts {
        let archive = package.archive
        var facts = PackageFacts()
        facts.parts = DocumentReader.partFacts(archive) { package.contentTypes.contentType(of: $0) }
        for part in facts.parts {
            let name = part.name
            let lower = name.lowercased()
            let type = part.contentType?.lowercased() ?? ""
            if lower.hasSuffix("vbaproject.bin") || lower.hasSuffix("vbadata.xml") || type.contains("vbaproject") {
                facts.macroParts.append(name)
            } else if lower.hasPrefix("_xmlsignatures/") && !lower.contains("/_rels/") {
                facts.signatureParts.append(name)
            } else if lower.contains("/embeddings/") || type.contains("oleobject") || type.hasSuffix(".package") {
                facts.embeddedObjects.append(name)
            }
        }
        // External relationships of every part, and the attached template.
        for entry in archive.entries where entry.name.hasSuffix(".rels") {
            let source = sourcePart(ofRelationshipsPart: entry.name)
            for relationship in try package.relationships(of: source) where relationship.isExternal {
                facts.externalRelationships.append(PackageFacts.ExternalRelationship(
                    source: source.isEmpty ? "/" : source, type: relationship.kind, target: relationship.target))
                if relationship.kind == "attachedTemplate" { facts.attachedTemplate = relationship.target }
            }
        }
        return facts
    }

    /// "word/_rels/document.xml.rels" → "word/document.xml"; "_rels/.rels" → "".
    static func sourcePart(ofRelationshipsPart name: String) -> String {
        let (folder, file) = OPC.split(name)
        let base = String(file.dropLast(".rels".count))
        guard folder.hasSuffix("_rels") else { return base }
        let parent = String(folder.dropLast("_rels".count)).trimmingSlash
        return parent.isEmpty ? base : "\(parent)/\(base)"
    }
}

extension String {
    fileprivate var trimmingSlash: String {
        var text = Substring(self)
        while text.last == "/" { text.removeLast() }
        return String(text)
    }
}
