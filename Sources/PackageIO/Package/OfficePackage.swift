import DocModel

/// An Office Open XML package: the zip, its content types and relationships.
public final class OfficePackage {
    public let archive: ZipArchive
    public let contentTypes: ContentTypes
    /// The main document part, found through the package relationship of type officeDocument.
    public let mainPart: String
    private var relationshipCache: [String: [Relationship]] = [:]

    public init(archive: ZipArchive) throws {
        self.archive = archive
        if archive.contains("[Content_Types].xml") {
            contentTypes = ContentTypes(try XMLElement.parse(try archive.read("[Content_Types].xml"), part: "[Content_Types].xml", limits: archive.limits))
        } else {
            contentTypes = ContentTypes()
        }
        let packageRelationships = try Self.loadRelationships(archive, source: "")
        guard let main = packageRelationships.first(where: { $0.kind == "officeDocument" && !$0.isExternal }) else {
            throw ReadError(.unknownPackage)
        }
        mainPart = main.target
        relationshipCache[""] = packageRelationships
        guard archive.contains(mainPart) else { throw ReadError(.missingPart, part: mainPart) }
    }

    /// What the main part is: a word-processing document, or something this tool does not read.
    public var mainContentKind: String? {
        guard let type = contentTypes.contentType(of: mainPart)?.lowercased() else { return nil }
        if type.contains("wordprocessingml") || type.contains("ms-word") { return "document" }
        if type.contains("spreadsheetml") || type.contains("ms-excel") { return "spreadsheet" }
        if type.contains("presentationml") || type.contains("ms-powerpoint") { return "presentation" }
        return nil
    }

    /// The relationships of a part ("" for the package); none when it has no relationships part.
    public func relationships(of part: String) throws -> [Relationship] {
        if let cached = relationshipCache[part] { return cached }
        let loaded = try Self.loadRelationships(archive, source: part)
        relationshipCache[part] = loaded
        return loaded
    }

    /// The internal target part of the first relationship of `kind` from `source`, if present.
    public func relatedPart(of source: String, kind: String) throws -> String? {
        try relationships(of: source).first { $0.kind == kind && !$0.isExternal && archive.contains($0.target) }?.target
    }

    public func xml(_ part: String) throws -> XMLElement {
        try XMLElement.parse(try archive.read(part), part: part, limits: archive.limits)
    }

    package static func loadRelationships(_ archive: ZipArchive, source: String) throws -> [Relationship] {
        let part = OPC.relationshipsPart(for: source)
        guard archive.contains(part) else { return [] }
        let root = try XMLElement.parse(try archive.read(part), part: part, limits: archive.limits)
        var result: [Relationship] = []
        for element in root.elements where element.name.local == "Relationship" {
            guard let id = element.attribute("Id"), let type = element.attribute("Type"),
                  let target = element.attribute("Target") else { continue }
            let external = element.attribute("TargetMode")?.lowercased() == "external"
            if external {
                result.append(Relationship(id: id, type: type, target: target, isExternal: true))
            } else if let resolved = OPC.resolve(target, from: source), resolved != part {
                // A target outside the package, or the relationships part itself, is dropped.
                result.append(Relationship(id: id, type: type, target: resolved, isExternal: false))
            }
        }
        return result
    }
}
