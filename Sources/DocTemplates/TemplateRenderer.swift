import DocModel
import PackageIO

/// Options for rendering a template.
public struct TemplateOptions: Sendable {
    /// Unknown variables render as empty text (and unknown sections as false) instead of being errors.
    public var allowMissing = false
    public var limits: ReadLimits = .default

    public init(allowMissing: Bool = false, limits: ReadLimits = .default) {
        self.allowMissing = allowMissing
        self.limits = limits
    }
}

/// A variable a template uses; sections hold the variables used inside them.
public struct TemplateVariable: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case value, section, invertedSection }
    public var name: String
    public var kind: Kind
    public var children: [TemplateVariable]

    public init(name: String, kind: Kind, children: [TemplateVariable] = []) {
        self.name = name
        self.kind = kind
        self.children = children
    }
}

/// Fills DOCX and ODT templates (`{{titel}}`, `{{#percelen}}…{{/percelen}}`) with data.
///
/// Works on the XML text of each part, so everything the template does not touch stays
/// byte-identical; parts are validated by the safe parser first. Templated: DOCX body,
/// headers, footers, footnotes, endnotes and docProps/core.xml; ODT content.xml, styles.xml
/// (master pages) and meta.xml.
public enum TemplateRenderer {
    /// Renders a template held in memory.
    ///
    /// - Throws: ``ReadError`` when the template cannot be read; ``TemplateErrors`` with every
    ///   problem found (syntax, structure, unknown variables) otherwise.
    public static func render(template: [UInt8], data: TemplateValue, options: TemplateOptions = TemplateOptions()) throws -> [UInt8] {
        let package = try TemplatePackage(bytes: template, limits: options.limits)
        return try package.render(data: data, options: options)
    }

    /// Renders a template file.
    public static func render(templateAt path: String, data: TemplateValue, options: TemplateOptions = TemplateOptions()) throws -> [UInt8] {
        // Opened in place: libzip reads the entries it is asked for, the file is never held whole.
        try TemplatePackage(path: path, limits: options.limits).render(data: data, options: options)
    }

    /// The variables a template uses, sections nested, each name once per level in order of
    /// first use; and the syntax and structure problems found on the way.
    public static func variables(template: [UInt8], limits: ReadLimits = .default) throws -> (variables: [TemplateVariable], errors: [TemplateError]) {
        let package = try TemplatePackage(bytes: template, limits: limits)
        return try package.variables()
    }

    public static func variables(templateAt path: String, limits: ReadLimits = .default) throws -> (variables: [TemplateVariable], errors: [TemplateError]) {
        try TemplatePackage(path: path, limits: limits).variables()
    }
}

/// A template package: its zip, format and the parts that are templated.
struct TemplatePackage {
    enum Format { case docx, odt }

    let archive: ZipArchive
    let format: Format
    /// Templated parts in package order, with how to read them.
    let parts: [(name: String, flavor: PartFlavor)]
    var numberingPart: String?
    var settingsPart: String?
    var commentsPart: String?
    var mainPart: String

    init(bytes: [UInt8], limits: ReadLimits) throws {
        try self.init(InputDocument.open(bytes: bytes, limits: limits))
    }

    init(path: String, limits: ReadLimits) throws {
        try self.init(InputDocument.open(path: path, limits: limits))
    }

    init(_ input: InputDocument) throws {
        let archive = try input.requireArchive()
        if case .otherZip(_, let probeError?) = input { throw probeError }
        self.archive = archive
        if case .odfPackage(_, let type) = input {
            guard let kind = ODFPackage.documentKind(mediaType: type) else { throw ReadError(.wrongMimetype(type), part: "mimetype") }
            guard kind == "text" else { throw ReadError(.unsupportedDocumentKind(kind)) }
            format = .odt
            mainPart = "content.xml"
            guard archive.contains("content.xml") else { throw ReadError(.missingPart, part: "content.xml") }
            var parts: [(String, PartFlavor)] = []
            for entry in archive.entries {
                switch entry.name {
                case "content.xml", "styles.xml": parts.append((entry.name, .odt))
                case "meta.xml": parts.append((entry.name, .properties))
                default: break
                }
            }
            self.parts = parts
            return
        }
        guard case .ooxml = input else { throw ReadError(.unknownPackage) }
        let package = try OfficePackage(archive: archive)
        if let kind = package.mainContentKind, kind != "document" { throw ReadError(.unsupportedDocumentKind(kind)) }
        format = .docx
        mainPart = package.mainPart
        var wanted: [String: PartFlavor] = [package.mainPart: .docx]
        for relationship in try package.relationships(of: package.mainPart) where !relationship.isExternal && archive.contains(relationship.target) {
            switch relationship.kind {
            case "header", "footer", "footnotes", "endnotes": wanted[relationship.target] = .docx
            case "numbering": numberingPart = relationship.target
            case "settings": settingsPart = relationship.target
            case "comments": commentsPart = relationship.target
            default: break
            }
        }
        for relationship in try package.relationships(of: "") where relationship.kind == "core-properties" && archive.contains(relationship.target) {
            wanted[relationship.target] = .properties
        }
        parts = archive.entries.compactMap { entry in wanted[entry.name].map { (entry.name, $0) } }
    }

    func tokens(_ part: String) throws -> [XMLToken] {
        try tokensAndBOM(part).tokens
    }

    func tokensAndBOM(_ part: String) throws -> (tokens: [XMLToken], bom: Bool) {
        let bytes = try archive.read(part)
        // Validate with the safe parser before working on the text.
        _ = try XMLElement.parse(bytes, part: part, limits: archive.limits)
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        return (TemplateLexer.tokens(bom ? Array(bytes.dropFirst(3)) : bytes), bom)
    }

    func render(data: TemplateValue, options: TemplateOptions) throws -> [UInt8] {
        var errors: [TemplateError] = []
        var prepared: [(name: String, flavor: PartFlavor, part: NormalizedPart, nodes: [TemplateNode], bom: Bool)] = []
        for (name, flavor) in parts {
            // Each part is read once.
            let (tokens, bom) = try tokensAndBOM(name)
            let normalized = TemplateTextStream.normalize(tokens, flavor: flavor, part: name)
            errors += normalized.errors
            let nodes = TemplateSections.build(normalized, flavor: flavor, errors: &errors)
            prepared.append((name, flavor, normalized, nodes, bom))
        }
        let numbering = try numberingPart.map { try tokens($0) }
        let environment = RenderEnvironment(
            allowMissing: options.allowMissing,
            ids: TemplateIDs.scan(prepared.map(\.part.tokens) + [try commentsPart.map { try tokens($0) } ?? []], numbering: numbering))
        var replaced: [String: [XMLToken]] = [:]
        for item in prepared {
            let renderer = PartRenderer(part: item.part, flavor: item.flavor, environment: environment)
            var output: [XMLToken] = []
            renderer.render(item.nodes, context: [data], into: &output)
            if item.flavor == .docx { output = DocxTemplate.fillEmptyCells(output) }
            replaced[item.name] = output
        }
        errors += environment.errors
        if !errors.isEmpty {
            let order = Dictionary(uniqueKeysWithValues: parts.enumerated().map { ($1.name, $0) })
            let sorted = errors.enumerated().sorted { a, b in
                let pa = order[a.element.location.part] ?? 0, pb = order[b.element.location.part] ?? 0
                if pa != pb { return pa < pb }
                if a.element.location.paragraph != b.element.location.paragraph { return a.element.location.paragraph < b.element.location.paragraph }
                return a.offset < b.offset
            }.map(\.element)
            throw TemplateErrors(sorted)
        }
        if format == .docx {
            if let numberingPart, let numbering, !environment.ids.numberingCopies.isEmpty {
                replaced[numberingPart] = DocxTemplate.addNumbering(numbering, copies: environment.ids.numberingCopies)
            }
            if let commentsPart, !environment.ids.commentCopies.isEmpty {
                replaced[commentsPart] = DocxTemplate.copyComments(try tokens(commentsPart), copies: environment.ids.commentCopies, ids: &environment.ids)
            }
            if let settingsPart, let main = replaced[mainPart], DocxTemplate.hasTableOfContents(main) {
                replaced[settingsPart] = DocxTemplate.requestFieldUpdate(try tokens(settingsPart))
            }
        }
        var writer = ZipWriter()
        let boms = Set(prepared.filter(\.bom).map(\.name))
        if format == .odt, let mimetype = archive.entry(named: "mimetype") {
            writer.add(name: "mimetype", bytes: try archive.read(mimetype), compressed: false)
        }
        for entry in archive.entries where !(format == .odt && entry.name == "mimetype") {
            if let tokens = replaced[entry.name] {
                var bytes: [UInt8] = boms.contains(entry.name) ? [0xEF, 0xBB, 0xBF] : []
                for token in tokens { bytes += Array(token.raw.utf8) }
                writer.add(name: entry.name, bytes: bytes, compressed: true)
            } else if entry.isDirectory {
                writer.add(name: entry.name, bytes: [], compressed: false)
            } else {
                // Read once through the limits (size, ratio, package total, checksum), then copied
                // as it is stored: an untouched part is neither held nor compressed again.
                _ = try archive.read(entry)
                try writer.addCopy(of: entry, from: archive)
            }
        }
        return try writer.finish()
    }

    func variables() throws -> (variables: [TemplateVariable], errors: [TemplateError]) {
        var errors: [TemplateError] = []
        var root = VariableTree()
        for (name, flavor) in parts {
            let normalized = TemplateTextStream.normalize(try tokens(name), flavor: flavor, part: name)
            errors += normalized.errors
            _ = TemplateSections.build(normalized, flavor: flavor, errors: &errors)
            let structure = TokenStructure(normalized.tokens, tagCount: normalized.tags.count)
            let order = normalized.tags.indices.filter { structure.position[$0] >= 0 }.sorted { structure.position[$0] < structure.position[$1] }
            var path: [Int] = []
            for index in order {
                let tag = normalized.tags[index]
                switch tag.kind {
                case .variable: root.add(tag.path, kind: .value, at: path)
                case .open, .inverted:
                    path.append(root.add(tag.path, kind: tag.kind == .open ? .section : .invertedSection, at: path))
                case .close: if !path.isEmpty { path.removeLast() }
                case .invalid: break
                }
            }
        }
        return (root.variables, errors)
    }
}

/// Collects variables, each name once per level.
private struct VariableTree {
    var variables: [TemplateVariable] = []

    @discardableResult
    mutating func add(_ name: String, kind: TemplateVariable.Kind, at path: [Int]) -> Int {
        func insert(_ list: inout [TemplateVariable], _ path: ArraySlice<Int>) -> Int {
            if let first = path.first {
                return insert(&list[first].children, path.dropFirst())
            }
            if let existing = list.firstIndex(where: { $0.name == name && $0.kind == kind }) { return existing }
            list.append(TemplateVariable(name: name, kind: kind))
            return list.count - 1
        }
        return insert(&variables, path[...])
    }
}
