import DocModel
import PackageIO

extension CharacterToggles {
    /// Reads ODF `style:text-properties`; what it does not set stays nil (inherited from the parent).
    init(_ element: XMLElement) {
        self.init()
        if let weight = element.attribute(Namespaces.fo, "font-weight") {
            switch weight {
            case "bold": bold = true
            case "normal": bold = false
            default: bold = Int(weight).map { $0 >= 600 }
            }
        }
        if let style = element.attribute(Namespaces.fo, "font-style") {
            italic = style == "italic" || style == "oblique"
        }
        if let value = element.attribute(Namespaces.style, "text-underline-style") {
            underline = value != "none"
        }
        if let value = element.attribute(Namespaces.style, "text-line-through-style") {
            strike = value != "none"
        }
        if let value = element.attribute(Namespaces.style, "text-position") {
            position = Self.position(value)
        }
        if let value = element.attribute(Namespaces.text, "display") {
            hidden = value == "none"
        }
    }

    static func position(_ value: String) -> Int {
        let first = value.split(separator: " ").first.map(String.init) ?? ""
        if first == "super" { return 1 }
        if first == "sub" { return -1 }
        if first.hasSuffix("%"), let number = Double(first.dropLast()) {
            return number > 0 ? 1 : number < 0 ? -1 : 0
        }
        return 0
    }
}

/// One `style:style` (common or automatic).
struct ODTStyle: Sendable {
    var name: String
    var family: String
    var displayName: String?
    var parent: String?
    var isAutomatic: Bool
    var text: CharacterToggles
    var listStyleName: String?
}

/// One level of a `text:list-style`.
struct ODTListLevel: Sendable, Hashable {
    enum Kind: Sendable { case number, bullet, image }
    var kind: Kind
    var format = ""
    var prefix = ""
    var suffix = ""
    var displayLevels = 1
    var startValue = 1
    var bulletChar: String?
    var letterSync = false

    var isOrdered: Bool { kind == .number && !format.isEmpty }
}

/// The styles of a document (or of its styles part, for headers and footers), looked up by
/// family and name, with parent chains followed for character properties.
struct ODTStyleSheet: Sendable {
    private var styles: [String: ODTStyle] = [:]
    private(set) var listStyles: [String: [Int: ODTListLevel]] = [:]
    /// Longest parent chain followed: a cycle or a hostile chain costs no more than this.
    static let maxChain = 24

    private static func key(_ family: String, _ name: String) -> String { family + "\u{0}" + name }

    /// Adds the styles of `office:styles` or `office:automatic-styles`; later additions win.
    mutating func add(_ container: XMLElement?, automatic: Bool) {
        guard let container else { return }
        for element in container.elements {
            if element.is(Namespaces.style, "style"), let name = element.attribute(Namespaces.style, "name") {
                let family = element.attribute(Namespaces.style, "family") ?? ""
                var text = CharacterToggles()
                if let properties = element.child(Namespaces.style, "text-properties") {
                    text = CharacterToggles(properties)
                }
                styles[Self.key(family, name)] = ODTStyle(
                    name: name, family: family,
                    displayName: element.attribute(Namespaces.style, "display-name"),
                    parent: element.attribute(Namespaces.style, "parent-style-name"),
                    isAutomatic: automatic, text: text,
                    listStyleName: element.attribute(Namespaces.style, "list-style-name"))
            } else if element.is(Namespaces.text, "list-style"), let name = element.attribute(Namespaces.style, "name") {
                listStyles[name] = Self.listLevels(element)
            } else if element.is(Namespaces.text, "outline-style") {
                listStyles["\u{0}outline"] = Self.listLevels(element)
            }
        }
    }

    private static func listLevels(_ element: XMLElement) -> [Int: ODTListLevel] {
        var levels: [Int: ODTListLevel] = [:]
        for child in element.elements {
            let kind: ODTListLevel.Kind
            switch child.name.local {
            case "list-level-style-number", "outline-level-style": kind = .number
            case "list-level-style-bullet": kind = .bullet
            case "list-level-style-image": kind = .image
            default: continue
            }
            guard let level = child.attribute(Namespaces.text, "level").flatMap({ Int($0) }), (1...64).contains(level) else { continue }
            var entry = ODTListLevel(kind: kind)
            entry.format = child.attribute(Namespaces.style, "num-format") ?? ""
            entry.prefix = child.attribute(Namespaces.style, "num-prefix") ?? ""
            entry.suffix = child.attribute(Namespaces.style, "num-suffix") ?? ""
            entry.displayLevels = min(max(child.attribute(Namespaces.text, "display-levels").flatMap { Int($0) } ?? 1, 1), 64)
            entry.startValue = min(max(child.attribute(Namespaces.text, "start-value").flatMap { Int($0) } ?? 1, 0), 1_000_000)
            entry.bulletChar = child.attribute(Namespaces.text, "bullet-char")
            entry.letterSync = child.attribute(Namespaces.style, "num-letter-sync") == "true"
            levels[level] = entry
        }
        return levels
    }

    func style(_ family: String, _ name: String) -> ODTStyle? {
        styles[Self.key(family, name)]
    }

    /// The character properties a style gives, its parents' included.
    func textProperties(family: String, name: String) -> CharacterToggles {
        var chain: [CharacterToggles] = []
        var current = style(family, name)
        while let found = current, chain.count < Self.maxChain {
            chain.append(found.text)
            current = found.parent.flatMap { style(family, $0) }
        }
        var result = CharacterToggles()
        for properties in chain.reversed() { result = result.overlaid(with: properties) }
        return result
    }

    /// The name a user sees for a style: its display name, else its name; for an automatic
    /// style (P1, T3, Table1…) the name of the style it derives from, else its own name.
    func displayName(family: String, name: String) -> String? {
        guard let found = style(family, name) else { return Self.unescaped(name) }
        if found.isAutomatic {
            guard let parent = found.parent else { return family == "paragraph" ? nil : name }
            if let parentStyle = style(family, parent), !parentStyle.isAutomatic {
                return parentStyle.displayName ?? Self.unescaped(parent)
            }
            return Self.unescaped(parent)
        }
        return found.displayName ?? Self.unescaped(name)
    }

    /// The list style a paragraph style attaches, following parents.
    func listStyleName(paragraphStyle name: String) -> String? {
        var current = style("paragraph", name)
        var steps = 0
        while let found = current, steps < Self.maxChain {
            if let list = found.listStyleName, !list.isEmpty { return list }
            current = found.parent.flatMap { style("paragraph", $0) }
            steps += 1
        }
        return nil
    }

    /// Undoes LibreOffice's name escaping ("Heading_20_1" → "Heading 1") for styles that have
    /// no display name of their own.
    static func unescaped(_ name: String) -> String {
        guard name.contains("_") else { return name }
        var result = ""
        var rest = Substring(name)
        while let start = rest.firstIndex(of: "_") {
            result += rest[..<start]
            let after = rest[rest.index(after: start)...]
            if let end = after.firstIndex(of: "_"), let code = UInt32(after[..<end], radix: 16),
               after.distance(from: after.startIndex, to: end) <= 6, let scalar = Unicode.Scalar(code) {
                result.unicodeScalars.append(scalar)
                rest = after[after.index(after: end)...]
            } else {
                result += "_"
                rest = after
            }
        }
        return result + rest
    }
}
