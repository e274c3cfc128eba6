import Foundation
import DocModel
import PackageIO
import DocReaders
import DocTemplates

/// Small DOCX templates built with the project's ZipWriter.
struct DocxFixture {
    static let namespaces = """
        xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" \
        xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" \
        xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" \
        xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"
        """

    var body: String
    var styles: String? = nil
    var numbering: String? = nil
    var settings: String? = nil
    var footnotes: String? = nil
    var comments: String? = nil
    var header: String? = nil
    var footer: String? = nil
    var core: String? = nil

    init(_ body: String) { self.body = body }

    static func p(_ text: String, style: String? = nil) -> String {
        let properties = style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? ""
        return "<w:p>\(properties)<w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
    }

    /// A paragraph with one run per piece.
    static func runs(_ pieces: [String], style: String? = nil) -> String {
        let properties = style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? ""
        return "<w:p>\(properties)" + pieces.map { "<w:r><w:rPr><w:b/></w:rPr><w:t>\($0)</w:t></w:r>" }.joined() + "</w:p>"
    }

    static func part(_ root: String, _ inner: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:\(root) \(namespaces)>\(inner)</w:\(root)>"
    }

    static let headingStyles = part("styles", """
        <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
        """)

    static let decimalNumbering = part("numbering", """
        <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>\
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl></w:abstractNum>\
        <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
        """)

    static func item(_ text: String, level: Int = 0, num: Int = 1) -> String {
        "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"\(level)\"/><w:numId w:val=\"\(num)\"/></w:numPr></w:pPr><w:r><w:t>\(text)</w:t></w:r></w:p>"
    }

    func bytes() throws -> [UInt8] {
        let relType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        var writer = ZipWriter()
        var overrides = "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
        var rels = ""
        var parts: [(String, String)] = []
        for (name, content, kind) in [("styles.xml", styles, "styles"), ("numbering.xml", numbering, "numbering"),
                                      ("settings.xml", settings, "settings"), ("footnotes.xml", footnotes, "footnotes"),
                                      ("comments.xml", comments, "comments"), ("header1.xml", header, "header"),
                                      ("footer1.xml", footer, "footer")] {
            guard let content else { continue }
            parts.append(("word/\(name)", content))
            rels += "<Relationship Id=\"rId\(kind)\" Type=\"\(relType)\(kind)\" Target=\"\(name)\"/>"
            overrides += "<Override PartName=\"/word/\(name)\" ContentType=\"application/xml\"/>"
        }
        var packageRels = "<Relationship Id=\"rId1\" Type=\"\(relType)officeDocument\" Target=\"word/document.xml\"/>"
        if let core {
            packageRels += "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
            parts.append(("docProps/core.xml", """
                <?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
                xmlns:dc="http://purl.org/dc/elements/1.1/">\(core)</cp:coreProperties>
                """))
        }
        writer.add(name: "[Content_Types].xml", bytes: Array("""
            <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\(overrides)</Types>
            """.utf8))
        writer.add(name: "_rels/.rels", bytes: Array(Self.rels(packageRels).utf8))
        let sectPr = header != nil || footer != nil
            ? "<w:sectPr>" + (header != nil ? "<w:headerReference w:type=\"default\" r:id=\"rIdheader\"/>" : "")
                + (footer != nil ? "<w:footerReference w:type=\"default\" r:id=\"rIdfooter\"/>" : "") + "</w:sectPr>"
            : ""
        writer.add(name: "word/document.xml", bytes: Array(Self.part("document", "<w:body>\(body)\(sectPr)</w:body>").utf8))
        writer.add(name: "word/_rels/document.xml.rels", bytes: Array(Self.rels(rels).utf8))
        for (name, content) in parts { writer.add(name: name, bytes: Array(content.utf8)) }
        return try writer.finish()
    }

    static func rels(_ inner: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(inner)</Relationships>"
    }
}

/// Small ODT templates: mimetype, manifest, content.xml, styles.xml, meta.xml.
struct ODTFixture {
    static let namespaces = """
        xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
        xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
        xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
        xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
        xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" \
        xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" \
        xmlns:xlink="http://www.w3.org/1999/xlink" \
        xmlns:dc="http://purl.org/dc/elements/1.1/" \
        xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" \
        xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
        """

    var body: String
    var automaticStyles = ""
    var masterPages = ""
    var title: String? = nil

    init(_ body: String) { self.body = body }

    static let manifest = """
        <?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">\
        <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>\
        <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>\
        <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>\
        <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/></manifest:manifest>
        """

    static let listStyle = """
        <text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/>\
        </text:list-style>
        """

    func bytes() throws -> [UInt8] {
        var writer = ZipWriter()
        writer.add(name: "mimetype", bytes: Array("application/vnd.oasis.opendocument.text".utf8), compressed: false)
        writer.add(name: "META-INF/manifest.xml", bytes: Array(Self.manifest.utf8))
        writer.add(name: "content.xml", bytes: Array("""
            <?xml version="1.0" encoding="UTF-8"?><office:document-content \(Self.namespaces) office:version="1.3">\
            <office:automatic-styles>\(automaticStyles)\(Self.listStyle)</office:automatic-styles><office:body><office:text>\(body)</office:text></office:body></office:document-content>
            """.utf8))
        writer.add(name: "styles.xml", bytes: Array("""
            <?xml version="1.0" encoding="UTF-8"?><office:document-styles \(Self.namespaces) office:version="1.3"><office:styles/>\
            <office:master-styles>\(masterPages)</office:master-styles></office:document-styles>
            """.utf8))
        writer.add(name: "meta.xml", bytes: Array("""
            <?xml version="1.0" encoding="UTF-8"?><office:document-meta \(Self.namespaces) office:version="1.3"><office:meta>\
            \(title.map { "<dc:title>\($0)</dc:title>" } ?? "")<meta:generator>test</meta:generator></office:meta></office:document-meta>
            """.utf8))
        return try writer.finish()
    }
}

/// Renders and reads back.
func render(_ template: [UInt8], _ data: TemplateValue, allowMissing: Bool = false) throws -> [UInt8] {
    try TemplateRenderer.render(template: template, data: data, options: TemplateOptions(allowMissing: allowMissing))
}

func renderedText(_ template: [UInt8], _ data: TemplateValue, allowMissing: Bool = false) throws -> String {
    let document = try DocumentReader.read(bytes: render(template, data, allowMissing: allowMissing))
    return document.body.plainText
}

/// The text of one part of a rendered package.
func partText(_ bytes: [UInt8], _ name: String) throws -> String {
    let archive = try ZipArchive(bytes: bytes)
    return String(decoding: try archive.read(name), as: UTF8.self)
}

/// The messages of the errors a rendering throws (Dutch), or [] when it succeeds.
func errorMessages(_ template: [UInt8], _ data: TemplateValue, language: Language = .nl) -> [String] {
    do {
        _ = try render(template, data)
        return []
    } catch let errors as TemplateErrors {
        return errors.messages(in: language)
    } catch {
        return ["\(error)"]
    }
}

func count(_ needle: String, in haystack: String) -> Int {
    haystack.components(separatedBy: needle).count - 1
}

/// Labels and texts of list items and headings, in order.
func labels(_ blocks: [Block]) -> [String] {
    blocks.flatMap { block -> [String] in
        switch block {
        case .listItem(let item): return ["\(item.label ?? "-") \(item.text)"]
        case .heading(let heading): return ["H\(heading.level) \(heading.label.map { $0 + " " } ?? "")\(heading.text)"]
        case .contentControl(let control): return labels(control.blocks)
        case .section(let section): return labels(section.blocks)
        default: return []
        }
    }
}
