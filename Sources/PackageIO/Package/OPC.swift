/// A relationship of an OPC (Office Open XML) package part.
public struct Relationship: Sendable, Hashable {
    public var id: String
    /// The full type URI.
    public var type: String
    /// For an internal relationship, the resolved part name ("word/styles.xml");
    /// for an external one, the target as written.
    public var target: String
    public var isExternal: Bool

    /// The last path segment of the type ("officeDocument", "styles", "hyperlink"), the same in
    /// the Transitional and Strict namespaces.
    public var kind: String {
        type.split(separator: "/").last.map(String.init) ?? type
    }
}

/// Part-name arithmetic of OPC packages.
public enum OPC {
    /// The relationships part for a source part; "" is the package itself.
    public static func relationshipsPart(for part: String) -> String {
        guard !part.isEmpty else { return "_rels/.rels" }
        let (folder, file) = split(part)
        return folder.isEmpty ? "_rels/\(file).rels" : "\(folder)/_rels/\(file).rels"
    }

    /// Resolves a relationship target against its source part; nil when it leaves the package.
    public static func resolve(_ target: String, from source: String) -> String? {
        let clean = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? target
        let decoded = percentDecoded(clean.replacingBackslashes)
        var segments: [Substring]
        if decoded.hasPrefix("/") {
            segments = []
        } else {
            segments = split(source).folder.split(separator: "/")
        }
        for segment in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..":
                if segments.isEmpty { return nil }
                segments.removeLast()
            default: segments.append(segment)
            }
        }
        return segments.isEmpty ? nil : segments.joined(separator: "/")
    }

    package static func split(_ part: String) -> (folder: String, file: String) {
        guard let slash = part.lastIndex(of: "/") else { return ("", part) }
        return (String(part[..<slash]), String(part[part.index(after: slash)...]))
    }

    package static func percentDecoded(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "%"), iterator.count >= 2,
               let value = UInt8(String(decoding: iterator.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension String {
    fileprivate var replacingBackslashes: String {
        contains("\\") ? String(map { $0 == "\\" ? "/" : $0 }) : self
    }
}

/// `[Content_Types].xml`: the content type of each part.
public struct ContentTypes: Sendable {
    private var defaults: [String: String] = [:]
    private var overrides: [String: String] = [:]

    public init() {}

    public init(_ root: XMLElement) {
        for element in root.elements {
            if element.name.local == "Default", let ext = element.attribute("Extension"), let type = element.attribute("ContentType") {
                defaults[ext.lowercased()] = type
            } else if element.name.local == "Override", let name = element.attribute("PartName"), let type = element.attribute("ContentType") {
                let part = name.hasPrefix("/") ? String(name.dropFirst()) : name
                overrides[part.lowercased()] = type
            }
        }
    }

    public func contentType(of part: String) -> String? {
        if let type = overrides[part.lowercased()] { return type }
        guard let dot = part.lastIndex(of: "."), !part[dot...].contains("/") else { return nil }
        return defaults[part[part.index(after: dot)...].lowercased()]
    }
}
