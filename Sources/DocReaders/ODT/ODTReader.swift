import DocModel
import PackageIO

/// Reads OpenDocument text (packaged .odt and flat .fodt) into the document model.
enum ODTReader {
    static func read(archive: ZipArchive) throws -> Document {
        guard archive.contains("content.xml") else { throw ReadError(.missingPart, part: "content.xml") }
        let content = try parse(archive, "content.xml")
        guard content.is(Namespaces.office, "document-content") else {
            throw ReadError(.xmlMalformed(line: content.line, detail: "root element is not office:document-content"), part: "content.xml")
        }
        let stylesRoot = archive.contains("styles.xml") ? try parse(archive, "styles.xml") : nil
        let metaRoot = archive.contains("meta.xml") ? try parse(archive, "meta.xml") : nil
        var mediaTypes: [String: String] = [:]
        if archive.contains("META-INF/manifest.xml") {
            let manifest = try parse(archive, "META-INF/manifest.xml")
            for entry in manifest.elements where entry.is(Namespaces.manifest, "file-entry") {
                if let path = entry.attribute(Namespaces.manifest, "full-path"),
                   let type = entry.attribute(Namespaces.manifest, "media-type") {
                    mediaTypes[path] = type
                }
            }
        }
        var document = try assemble(
            format: .odt, content: content, styles: stylesRoot,
            meta: metaRoot?.child(Namespaces.office, "meta"))
        document.package = ODTPackage.facts(
            archive: archive, mediaTypes: mediaTypes, found: document.package,
            template: ODTMetadata.templateReference(metaRoot?.child(Namespaces.office, "meta")))
        return document
    }

    static func readFlat(_ bytes: [UInt8], limits: ReadLimits) throws -> Document {
        let root = try XMLElement.parse(bytes, part: "content.xml", limits: limits)
        guard root.is(Namespaces.office, "document") else { throw ReadError(.notAPackage) }
        var document = try assemble(format: .flatODT, content: root, styles: root, meta: root.child(Namespaces.office, "meta"))
        var facts = document.package
        if let scripts = root.child(Namespaces.office, "scripts"), ODTPackage.hasScripts(scripts) {
            facts.macroParts = ["office:scripts"]
        }
        if let href = ODTMetadata.templateReference(root.child(Namespaces.office, "meta")) {
            facts.attachedTemplate = href
        }
        document.package = facts
        return document
    }

    private static func parse(_ archive: ZipArchive, _ part: String) throws -> XMLElement {
        try XMLElement.parse(try archive.read(part), part: part, limits: archive.limits)
    }

    /// The document from its content root (office:document-content, or office:document for a
    /// flat file), its styles root and office:meta. Package facts found in the text
    /// (external links, embedded objects) come back in `package`.
    private static func assemble(format: DocumentFormat, content: XMLElement, styles: XMLElement?, meta: XMLElement?) throws -> Document {
        let body = content.child(Namespaces.office, "body")
        var text: XMLElement?
        for child in body?.elements ?? [] where child.name.namespace == Namespaces.office {
            switch child.name.local {
            case "text": text = child
            case "spreadsheet", "presentation", "drawing", "chart", "image", "database":
                throw ReadError(.unsupportedDocumentKind(child.name.local))
            default: continue
            }
        }

        var common = ODTStyleSheet()
        common.add(styles?.child(Namespaces.office, "styles"), automatic: false)
        var stylePartSheet = common
        stylePartSheet.add(styles?.child(Namespaces.office, "automatic-styles"), automatic: true)
        var bodySheet = stylePartSheet
        if content !== styles {
            bodySheet.add(content.child(Namespaces.office, "styles"), automatic: false)
            bodySheet.add(content.child(Namespaces.office, "automatic-styles"), automatic: true)
        }

        let reader = ODTBodyReader(styles: bodySheet, sourcePart: "content.xml")
        var blocks: [Block] = []
        if let text {
            reader.loadChanges(text.child(Namespaces.text, "tracked-changes"))
            reader.loadForms(text.child(Namespaces.office, "forms"))
            blocks = reader.blocks(in: text)
        }

        // Headers and footers of the master pages, with the styles of the styles part.
        let pageReader = ODTBodyReader(styles: content === styles ? bodySheet : stylePartSheet, sourcePart: content === styles ? "content.xml" : "styles.xml")
        let headersFooters = pageReader.headersFooters(styles?.child(Namespaces.office, "master-styles"))

        var facts = PackageFacts()
        facts.externalRelationships = reader.externals + pageReader.externals
        var seenObjects: Set<String> = []
        for object in reader.embeddedObjects + pageReader.embeddedObjects where seenObjects.insert(object).inserted {
            facts.embeddedObjects.append(object)
        }
        return Document(
            format: format,
            metadata: ODTMetadata.read(meta),
            body: blocks,
            notes: reader.notes + pageReader.notes,
            comments: reader.comments + pageReader.comments,
            headersFooters: headersFooters,
            package: facts)
    }
}

extension ODTBodyReader {
    /// The headers and footers of `office:master-styles`, skipping hidden and empty ones.
    func headersFooters(_ masterStyles: XMLElement?) -> [HeaderFooter] {
        guard let masterStyles else { return [] }
        var result: [HeaderFooter] = []
        for page in masterStyles.elements where page.is(Namespaces.style, "master-page") {
            let name = page.attribute(Namespaces.style, "name") ?? ""
            for part in page.elements where part.name.namespace == Namespaces.style || part.name.namespace == Namespaces.loext {
                let kind: HeaderFooter.Kind
                let pages: String
                switch part.name.local {
                case "header": (kind, pages) = (.header, name)
                case "footer": (kind, pages) = (.footer, name)
                case "header-left": (kind, pages) = (.header, "\(name) left")
                case "footer-left": (kind, pages) = (.footer, "\(name) left")
                case "header-first": (kind, pages) = (.header, "\(name) first")
                case "footer-first": (kind, pages) = (.footer, "\(name) first")
                default: continue
                }
                if part.attribute(Namespaces.style, "display") == "false" { continue }
                let blocks = blocks(in: part)
                if blocks.isEmpty || result.contains(where: { $0.kind == kind && $0.pages == pages }) { continue }
                result.append(HeaderFooter(kind: kind, pages: pages, blocks: blocks))
            }
        }
        return result
    }
}
