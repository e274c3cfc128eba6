import PackageIO

/// ODT specifics: names and ids in repeated content, list restarts.
enum ODTTemplate {
    /// Elements whose `text:name` must be unique.
    static let named: Set<String> = [
        "text:bookmark", "text:bookmark-start", "text:bookmark-end", "text:reference-mark",
        "text:reference-mark-start", "text:reference-mark-end", "text:section",
    ]

    static func uniquify(_ tokens: inout [XMLToken], iteration: Int) {
        for i in tokens.indices where tokens[i].kind == .start || tokens[i].kind == .empty {
            var raw = tokens[i].raw
            let name = tokens[i].name
            guard raw.utf8.contains(UInt8(ascii: "=")) || name == "text:list" else { continue }
            if let value = TemplateXML.attribute("draw:name", in: raw) {
                raw = TemplateXML.setting("draw:name", to: "\(value)_\(iteration)", in: raw)
            }
            if named.contains(name), let value = TemplateXML.attribute("text:name", in: raw) {
                raw = TemplateXML.setting("text:name", to: "\(value)_\(iteration)", in: raw)
            }
            if name == "table:table", let value = TemplateXML.attribute("table:name", in: raw) {
                raw = TemplateXML.setting("table:name", to: "\(value)_\(iteration)", in: raw)
            }
            if name == "text:note", let value = TemplateXML.attribute("text:id", in: raw) {
                raw = TemplateXML.setting("text:id", to: "\(value)_\(iteration)", in: raw)
            }
            if let value = TemplateXML.attribute("xml:id", in: raw) {
                raw = TemplateXML.setting("xml:id", to: "\(value)_\(iteration)", in: raw)
            }
            if name == "text:list" {
                raw = TemplateXML.removing("text:continue-list", in: raw)
                raw = TemplateXML.setting("text:continue-numbering", to: "false", in: raw)
            }
            tokens[i].raw = raw
        }
    }
}
