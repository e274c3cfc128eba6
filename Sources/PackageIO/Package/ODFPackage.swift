import DocModel

/// OpenDocument package conventions: the `mimetype` entry and `META-INF/manifest.xml`.
public enum ODFPackage {
    /// The package's media type: the `mimetype` entry, else the manifest's root entry;
    /// nil when the zip is not an ODF package at all.
    public static func mediaType(of archive: ZipArchive) throws -> String? {
        if let entry = archive.entry(named: "mimetype"), entry.size < 256 {
            let value = String(decoding: try archive.read(entry), as: UTF8.self).trimmingSpace
            if !value.isEmpty { return value }
        }
        if archive.contains("META-INF/manifest.xml") {
            let manifest = try XMLElement.parse(try archive.read("META-INF/manifest.xml"), part: "META-INF/manifest.xml", limits: archive.limits)
            for entry in manifest.elements where entry.is(Namespaces.manifest, "file-entry") {
                if entry.attribute(Namespaces.manifest, "full-path") == "/" {
                    return entry.attribute(Namespaces.manifest, "media-type") ?? ""
                }
            }
        }
        if archive.contains("content.xml") && !archive.contains("_rels/.rels") {
            return "application/vnd.oasis.opendocument.text"
        }
        return nil
    }

    /// "text", "spreadsheet", "presentation", "drawing"… for an ODF media type; nil if unknown.
    public static func documentKind(mediaType: String) -> String? {
        let prefix = "application/vnd.oasis.opendocument."
        guard mediaType.hasPrefix(prefix) else { return nil }
        let rest = mediaType.dropFirst(prefix.count)
        switch rest {
        case "text", "text-template", "text-master", "text-web": return "text"
        case "spreadsheet", "spreadsheet-template": return "spreadsheet"
        case "presentation", "presentation-template": return "presentation"
        case "graphics", "graphics-template": return "drawing"
        default: return String(rest)
        }
    }
}
