import DocModel
import PackageIO

/// `office:meta` (meta.xml, or inside a flat document) as ``Metadata``.
enum ODTMetadata {
    static func read(_ meta: XMLElement?) -> Metadata {
        var metadata = Metadata()
        guard let meta else { return metadata }
        var keywords: [String] = []
        func text(_ element: XMLElement) -> String? {
            let value = element.textContent.trimmingSpace
            return value.isEmpty ? nil : value
        }
        for element in meta.elements {
            switch (element.name.namespace, element.name.local) {
            case (Namespaces.dc, "title"): metadata.title = text(element)
            case (Namespaces.dc, "subject"): metadata.subject = text(element)
            case (Namespaces.dc, "description"): metadata.description = text(element)
            case (Namespaces.dc, "creator"): metadata.lastModifiedBy = text(element)
            case (Namespaces.dc, "date"): metadata.modified = text(element)
            case (Namespaces.dc, "language"): metadata.language = text(element)
            case (Namespaces.meta, "keyword"): if let value = text(element) { keywords.append(value) }
            case (Namespaces.meta, "initial-creator"): metadata.creator = text(element)
            case (Namespaces.meta, "creation-date"): metadata.created = text(element)
            case (Namespaces.meta, "editing-cycles"): metadata.revision = text(element)
            case (Namespaces.meta, "generator"): metadata.application = text(element)
            case (Namespaces.meta, "template"):
                metadata.template = element.attribute(Namespaces.xlink, "title") ?? element.attribute(Namespaces.xlink, "href")
            case (Namespaces.meta, "document-statistic"):
                func count(_ name: String) -> Int? {
                    element.attribute(Namespaces.meta, name).flatMap { Int($0) }.flatMap { $0 >= 0 ? $0 : nil }
                }
                metadata.pages = count("page-count")
                metadata.words = count("word-count")
                metadata.characters = count("character-count")
                metadata.paragraphs = count("paragraph-count")
            case (Namespaces.meta, "user-defined"):
                if let name = element.attribute(Namespaces.meta, "name") {
                    metadata.custom.append(.init(name: name, value: element.textContent))
                }
            default:
                break
            }
        }
        if !keywords.isEmpty { metadata.keywords = keywords.joined(separator: ", ") }
        return metadata
    }

    /// The template href of `meta:template`, if any.
    static func templateReference(_ meta: XMLElement?) -> String? {
        guard let href = meta?.child(Namespaces.meta, "template")?.attribute(Namespaces.xlink, "href"),
              !href.isEmpty else { return nil }
        return href
    }
}
