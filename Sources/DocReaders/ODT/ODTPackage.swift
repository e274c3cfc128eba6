import DocModel
import PackageIO

/// Package facts of an ODF package: parts, macros, embedded objects, signatures, template.
enum ODTPackage {
    static let signatureNames: Set<String> = [
        "META-INF/documentsignatures.xml", "META-INF/macrosignatures.xml", "META-INF/packagesignatures.xml",
    ]

    /// `found` carries what the text revealed: external relationships and embedded objects.
    static func facts(archive: ZipArchive, mediaTypes: [String: String], found: PackageFacts, template: String?) -> PackageFacts {
        var facts = found
        facts.parts = DocumentReader.partFacts(archive, contentTypes: { mediaTypes[$0] })
        facts.macroParts = archive.entries.filter {
            !$0.isDirectory && ($0.name.hasPrefix("Basic/") || $0.name.hasPrefix("Scripts/"))
        }.map(\.name)
        // Embedded ODF sub-documents ("Object 1/") and OLE objects listed by the manifest.
        var seenObjects = Set(facts.embeddedObjects)
        for (path, type) in mediaTypes.sorted(by: { $0.key < $1.key }) {
            let name = ODTBodyReader.packagePath(path)
            guard !name.isEmpty, name != "/", name.hasPrefix("Object") || name.contains("/Object") else { continue }
            let isSubDocument = path.hasSuffix("/") && type.hasPrefix("application/vnd.oasis.opendocument.")
            let isOLE = type.contains("oleobject") || type.contains("ole-object")
            if isSubDocument || isOLE, seenObjects.insert(name).inserted {
                facts.embeddedObjects.append(name)
            }
        }
        facts.signatureParts = archive.entries.map(\.name).filter { signatureNames.contains($0) }
        if let template, !archive.contains(ODTBodyReader.packagePath(template)) {
            facts.attachedTemplate = template
        }
        return facts
    }

    /// Whether `office:scripts` holds any script (not just empty containers).
    static func hasScripts(_ scripts: XMLElement) -> Bool {
        for script in scripts.elements where script.is(Namespaces.office, "script") {
            if !script.elements.isEmpty || !script.textContent.trimmingSpace.isEmpty { return true }
        }
        return false
    }
}
