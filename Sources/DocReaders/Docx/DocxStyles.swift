import DocModel
import PackageIO

/// `word/styles.xml`: style names, the basedOn chain, and what a style makes of a paragraph.
struct DocxStyles {
    struct Style {
        var id: String
        var type: String
        var name: String?
        var basedOn: String?
        var outlineLevel: Int?
        var numbering: DocxNumberingReference?
        var toggles = CharacterToggles()
    }

    private(set) var styles: [String: Style] = [:]
    private(set) var defaultParagraphStyle: String?
    private(set) var defaultToggles = CharacterToggles()

    init() {}

    init(_ root: XMLElement) {
        let w = Namespaces.w
        let parser = DocxParser()
        if let runDefaults = root.child(w, "docDefaults")?.child(w, "rPrDefault")?.child(w, "rPr") {
            defaultToggles = parser.toggles(runDefaults)
        }
        for element in root.children(w, "style") {
            guard let id = element.attribute(w, "styleId") else { continue }
            var style = Style(id: id, type: element.attribute(w, "type") ?? "paragraph")
            style.name = element.child(w, "name")?.attribute(w, "val")
            style.basedOn = element.child(w, "basedOn")?.attribute(w, "val")
            if let properties = element.child(w, "pPr") {
                style.outlineLevel = properties.child(w, "outlineLvl")?.attribute(w, "val").flatMap { Int($0) }
                style.numbering = properties.child(w, "numPr").map(parser.numberingReference)
            }
            if let runProperties = element.child(w, "rPr") {
                style.toggles = parser.toggles(runProperties)
            }
            if style.type == "paragraph", element.attribute(w, "default") == "1" || element.attribute(w, "default") == "true" {
                defaultParagraphStyle = id
            }
            styles[id] = style
        }
    }

    /// The style and the styles it is based on, nearest first; loops and long chains are cut.
    func chain(_ id: String?) -> [Style] {
        var result: [Style] = []
        var seen: Set<String> = []
        var next = id
        while let current = next, let style = styles[current], !seen.contains(current), result.count < 32 {
            result.append(style)
            seen.insert(current)
            next = style.basedOn
        }
        return result
    }

    func displayName(_ id: String?) -> String? {
        guard let id else { return nil }
        return styles[id]?.name ?? id
    }

    enum HeadingKind: Equatable {
        case title
        case heading(Int)
    }

    /// What a paragraph style makes of a paragraph: a heading of some level, the title, or nothing.
    /// Looks along the basedOn chain for a built-in heading name ("heading 1", also as localized
    /// by some producers: "Kop 1", "Überschrift 1"…) or an outline level.
    func headingKind(styleID: String?, directOutlineLevel: Int?) -> HeadingKind? {
        if let level = directOutlineLevel, level >= 0, level < 9 { return .heading(level + 1) }
        if directOutlineLevel == 9 { return nil }
        for style in chain(styleID ?? defaultParagraphStyle) {
            if let name = style.name, let kind = Self.headingKind(name: name) { return kind }
            if let kind = Self.headingKind(name: style.id) { return kind }
            if let level = style.outlineLevel {
                if level >= 0 && level < 9 { return .heading(level + 1) }
                return nil
            }
        }
        return nil
    }

    private static let headingWords = ["heading", "kop", "überschrift", "berschrift", "titre", "título", "titulo", "titolo", "rubrik", "overskrift", "otsikko", "nagłówek", "naglowek"]

    static func headingKind(name: String) -> HeadingKind? {
        let lower = name.lowercased()
        if lower == "title" || lower == "titel" { return .title }
        for word in headingWords where lower.hasPrefix(word) {
            let rest = lower.dropFirst(word.count).trimmingCharacters(in: " ")
            if let level = Int(rest), level >= 1, level <= 9 { return .heading(level) }
        }
        return nil
    }

    /// Character formatting a paragraph style and a character style give a run.
    func toggles(paragraphStyle: String?, characterStyle: String?) -> CharacterToggles {
        var result = defaultToggles
        for style in chain(paragraphStyle ?? defaultParagraphStyle).reversed() { result = result.overlaid(with: style.toggles) }
        for style in chain(characterStyle).reversed() { result = result.overlaid(with: style.toggles) }
        return result
    }

    /// Numbering a paragraph gets from its style chain.
    func numbering(styleID: String?) -> (reference: DocxNumberingReference, styleID: String)? {
        for style in chain(styleID) {
            if let numbering = style.numbering { return (numbering, style.id) }
        }
        return nil
    }
}

extension Substring {
    func trimmingCharacters(in set: Character) -> String {
        var text = self
        while text.first == set { text.removeFirst() }
        while text.last == set { text.removeLast() }
        return String(text)
    }
}
