import DocModel
import PackageIO
import DocReaders

/// Builds small, real DOCX packages for tests with the project's own ZipWriter.
struct TestDocx {
    static let namespaces = """
        xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" \
        xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" \
        xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" \
        xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" \
        xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" \
        xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" \
        xmlns:v="urn:schemas-microsoft-com:vml" \
        xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"
        """

    var body: String
    var mainPart = "word/document.xml"
    var mainContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    var styles: String?
    var numbering: String?
    var footnotes: String?
    var endnotes: String?
    var comments: String?
    /// Extra relationships of the main part: (id, type suffix, target, external).
    var relationships: [(String, String, String, Bool)] = []
    var core: String?
    var app: String?
    var extraParts: [(String, [UInt8])] = []
    var extraRelsParts: [(String, String)] = []

    init(body: String) {
        self.body = body
    }

    static func paragraph(_ text: String, style: String? = nil) -> String {
        let properties = style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? ""
        return "<w:p>\(properties)<w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
    }

    func bytes() throws -> [UInt8] {
        let relType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        var writer = ZipWriter()
        var overrides = "<Override PartName=\"/\(mainPart)\" ContentType=\"\(mainContentType)\"/>"
        var mainRels: [(String, String, String, Bool)] = relationships
        let folder = mainPart.split(separator: "/").dropLast().joined(separator: "/")
        func local(_ name: String) -> String { name }
        var parts: [(String, String)] = []
        for (name, content, kind) in [("styles.xml", styles, "styles"), ("numbering.xml", numbering, "numbering"),
                                      ("footnotes.xml", footnotes, "footnotes"), ("endnotes.xml", endnotes, "endnotes"),
                                      ("comments.xml", comments, "comments")] {
            guard let content else { continue }
            parts.append(("\(folder)/\(name)", content))
            mainRels.append(("rId\(kind)", kind, name, false))
            overrides += "<Override PartName=\"/\(folder)/\(name)\" ContentType=\"application/xml\"/>"
        }
        var packageRels = "<Relationship Id=\"rId1\" Type=\"\(relType)officeDocument\" Target=\"\(mainPart)\"/>"
        if let core {
            parts.append(("docProps/core.xml", core))
            packageRels += "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        }
        if let app {
            parts.append(("docProps/app.xml", app))
            packageRels += "<Relationship Id=\"rId3\" Type=\"\(relType)extended-properties\" Target=\"docProps/app.xml\"/>"
        }
        let contentTypes = """
            <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\(overrides)</Types>
            """
        writer.add(name: "[Content_Types].xml", bytes: Array(contentTypes.utf8))
        writer.add(name: "_rels/.rels", bytes: Array(Self.relationshipsXML(packageRels).utf8))
        let document = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document \(Self.namespaces)><w:body>\(body)</w:body></w:document>"
        writer.add(name: mainPart, bytes: Array(document.utf8))
        var rels = ""
        for (id, type, target, external) in mainRels {
            rels += "<Relationship Id=\"\(id)\" Type=\"\(type.contains("/") ? type : relType + type)\" Target=\"\(target)\"\(external ? " TargetMode=\"External\"" : "")/>"
        }
        let mainFile = mainPart.split(separator: "/").last.map(String.init) ?? mainPart
        writer.add(name: "\(folder)/_rels/\(mainFile).rels", bytes: Array(Self.relationshipsXML(rels).utf8))
        for (name, content) in parts { writer.add(name: name, bytes: Array(content.utf8)) }
        for (name, content) in extraParts { writer.add(name: name, bytes: content) }
        for (name, content) in extraRelsParts { writer.add(name: name, bytes: Array(Self.relationshipsXML(content).utf8)) }
        return try writer.finish()
    }

    func read() throws -> Document {
        try DocumentReader.read(bytes: bytes())
    }

    static func relationshipsXML(_ inner: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(inner)</Relationships>"
    }

    static func part(_ root: String, _ inner: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:\(root) \(namespaces)>\(inner)</w:\(root)>"
    }

    static func styles(_ inner: String) -> String { part("styles", inner) }
}

/// The non-title headings of a document, in order, as (level, text).
func headings(_ document: Document) -> [[String]] {
    Outline(document: document).flattened.map { ["\($0.level)", $0.title] }
}

/// All blocks of the body, with content controls and sections looked through.
func flatBlocks(_ blocks: [Block]) -> [Block] {
    blocks.flatMap { block -> [Block] in
        switch block {
        case .contentControl(let control): return flatBlocks(control.blocks)
        case .section(let section): return flatBlocks(section.blocks)
        default: return [block]
        }
    }
}
