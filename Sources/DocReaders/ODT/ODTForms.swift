import DocModel
import PackageIO

/// A form control of `office:forms`, shown in the text where a `draw:control` refers to it.
struct ODTFormControl: Sendable {
    var properties: ContentControlProperties
    var value: String?

    var inline: Inline {
        let inlines: [Inline] = value.map { $0.isEmpty ? [] : [.text(TextRun($0))] } ?? []
        return .contentControl(InlineContentControl(properties: properties, inlines: inlines))
    }

    init?(_ element: XMLElement) {
        guard element.name.namespace == Namespaces.form else { return nil }
        let kind: ContentControlProperties.Kind
        var checked: Bool?
        var value = element.attribute(Namespaces.form, "current-value") ?? element.attribute(Namespaces.form, "value")
        switch element.name.local {
        case "checkbox":
            kind = .checkbox
            let state = element.attribute(Namespaces.form, "current-state") ?? element.attribute(Namespaces.form, "state")
            checked = state == "checked"
            value = nil
        case "text", "textarea", "formatted-text", "password":
            kind = .plainText
        case "date", "time":
            kind = .date
        case "listbox", "combobox":
            kind = element.name.local == "listbox" ? .dropDown : .comboBox
            if value == nil {
                let selected = element.children(Namespaces.form, "option").filter {
                    $0.attribute(Namespaces.form, "current-selected") == "true" || $0.attribute(Namespaces.form, "selected") == "true"
                }
                let labels = selected.compactMap { $0.attribute(Namespaces.form, "label") ?? $0.attribute(Namespaces.form, "value") }
                if !labels.isEmpty { value = labels.joined(separator: ", ") }
            }
        case "form", "properties", "property", "list-property", "option", "item", "connection-resource":
            return nil
        default:
            kind = .other
            value = nil
        }
        properties = ContentControlProperties(
            tag: element.attribute(Namespaces.form, "name"),
            id: element.attribute(Namespaces.xml, "id") ?? element.attribute(Namespaces.form, "id"),
            kind: kind, isChecked: checked)
        self.value = value
    }
}

extension ODTBodyReader {
    /// Reads the controls of `office:forms` (forms may nest) by `xml:id` and `form:id`.
    func loadForms(_ forms: XMLElement?) {
        guard let forms else { return }
        func walk(_ element: XMLElement, depth: Int) {
            for child in element.elements where child.name.namespace == Namespaces.form {
                if child.name.local == "form" {
                    if depth < 32 { walk(child, depth: depth + 1) }
                } else if let control = ODTFormControl(child) {
                    for key in [child.attribute(Namespaces.xml, "id"), child.attribute(Namespaces.form, "id")] {
                        if let key, controls[key] == nil { controls[key] = control }
                    }
                }
            }
        }
        walk(forms, depth: 0)
    }
}
