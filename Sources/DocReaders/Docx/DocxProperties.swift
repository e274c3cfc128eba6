import DocModel
import PackageIO

/// Document properties of an OOXML package: docProps/core.xml, app.xml and custom.xml,
/// found through the package relationships.
enum DocxProperties {
    static func read(_ package: OfficePackage) throws -> Metadata {
        var metadata = Metadata()
        if let part = try package.relatedPart(of: "", kind: "core-properties") {
            let core = try package.xml(part)
            func value(_ namespace: String, _ local: String) -> String? {
                core.child(namespace, local).map(\.textContent).flatMap { $0.isEmpty ? nil : $0 }
            }
            let cp = Namespaces.coreProperties
            metadata.title = value(Namespaces.dc, "title")
            metadata.subject = value(Namespaces.dc, "subject")
            metadata.creator = value(Namespaces.dc, "creator")
            metadata.description = value(Namespaces.dc, "description")
            metadata.keywords = value(cp, "keywords")
            metadata.lastModifiedBy = value(cp, "lastModifiedBy")
            metadata.revision = value(cp, "revision")
            metadata.created = value(Namespaces.dcterms, "created")
            metadata.modified = value(Namespaces.dcterms, "modified")
            metadata.language = value(Namespaces.dc, "language")
        }
        if let part = try package.relatedPart(of: "", kind: "extended-properties") {
            let app = try package.xml(part)
            func value(_ local: String) -> String? {
                app.child(Namespaces.extendedProperties, local).map(\.textContent).flatMap { $0.isEmpty ? nil : $0 }
            }
            metadata.application = value("Application")
            metadata.company = value("Company")
            metadata.template = value("Template")
            metadata.pages = value("Pages").flatMap { Int($0) }
            metadata.words = value("Words").flatMap { Int($0) }
            metadata.characters = value("Characters").flatMap { Int($0) }
            metadata.paragraphs = value("Paragraphs").flatMap { Int($0) }
        }
        if let part = try package.relatedPart(of: "", kind: "custom-properties") {
            for property in try package.xml(part).elements where property.name.local == "property" {
                guard let name = property.attribute("name") else { continue }
                metadata.custom.append(Metadata.Property(name: name, value: property.textContent))
            }
        }
        return metadata
    }
}
