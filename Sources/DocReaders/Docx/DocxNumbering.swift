import DocModel
import PackageIO

/// `word/numbering.xml` and the counters that give each numbered paragraph its label.
/// Numbering instances (w:num) that share an abstract definition continue one sequence, as in
/// Word; an instance with a start override ("restart numbering") counts on its own.
struct DocxNumbering {
    struct Level {
        var start = 1
        var format = "decimal"
        var text = ""
        var restartAfter: Int?
        var isLegal = false
        var paragraphStyle: String?
    }

    struct Instance {
        var abstractID: String
        var startOverrides: [Int: Int] = [:]
        var levelOverrides: [Int: Level] = [:]
    }

    private var abstracts: [String: [Int: Level]] = [:]
    private var abstractStyleLinks: [String: String] = [:]
    private var styleNumIDs: [String: String] = [:]
    private var instances: [String: Instance] = [:]
    private var counters: [String: [Int?]] = [:]

    init() {}

    init(_ root: XMLElement, styles: DocxStyles) {
        let w = Namespaces.w
        for abstract in root.children(w, "abstractNum") {
            guard let id = abstract.attribute(w, "abstractNumId") else { continue }
            var levels: [Int: Level] = [:]
            for element in abstract.children(w, "lvl") {
                guard let index = element.attribute(w, "ilvl").flatMap({ Int($0) }), (0..<9).contains(index) else { continue }
                levels[index] = Self.level(element)
            }
            abstracts[id] = levels
            if let link = abstract.child(w, "numStyleLink")?.attribute(w, "val") { abstractStyleLinks[id] = link }
        }
        for num in root.children(w, "num") {
            guard let id = num.attribute(w, "numId"), let abstractID = num.child(w, "abstractNumId")?.attribute(w, "val") else { continue }
            var instance = Instance(abstractID: abstractID)
            for override in num.children(w, "lvlOverride") {
                guard let index = override.attribute(w, "ilvl").flatMap({ Int($0) }), (0..<9).contains(index) else { continue }
                if let start = override.child(w, "startOverride")?.attribute(w, "val").flatMap({ Int($0) }) {
                    instance.startOverrides[index] = Self.clampStart(start)
                }
                if let level = override.child(w, "lvl") { instance.levelOverrides[index] = Self.level(level) }
            }
            instances[id] = instance
        }
        // A numbering style names the w:num its abstract definition really uses (numStyleLink).
        for (styleID, style) in styles.styles where style.type == "numbering" {
            if let numID = style.numbering?.numID { styleNumIDs[styleID] = numID }
        }
    }

    /// Start values as Word accepts them; hostile extremes would overflow the counters.
    static func clampStart(_ value: Int) -> Int {
        min(max(value, 0), 1_000_000_000)
    }

    private static func level(_ element: XMLElement) -> Level {
        let w = Namespaces.w
        var level = Level()
        level.start = clampStart(element.child(w, "start")?.attribute(w, "val").flatMap { Int($0) } ?? 1)
        level.format = element.child(w, "numFmt")?.attribute(w, "val") ?? "decimal"
        level.text = element.child(w, "lvlText")?.attribute(w, "val") ?? ""
        level.restartAfter = element.child(w, "lvlRestart")?.attribute(w, "val").flatMap { Int($0) }
        level.isLegal = element.child(w, "isLgl") != nil
        level.paragraphStyle = element.child(w, "pStyle")?.attribute(w, "val")
        return level
    }

    /// The levels of an abstract definition, following a numStyleLink once.
    private func levels(abstractID: String) -> [Int: Level] {
        if let levels = abstracts[abstractID], !levels.isEmpty { return levels }
        if let link = abstractStyleLinks[abstractID], let numID = styleNumIDs[link],
           let linked = instances[numID]?.abstractID, linked != abstractID {
            return abstracts[linked] ?? [:]
        }
        return abstracts[abstractID] ?? [:]
    }

    /// The level a paragraph style is bound to in an abstract definition (numbering by style).
    func level(forStyle styleID: String, numID: String) -> Int? {
        guard let instance = instances[numID] else { return nil }
        return levels(abstractID: instance.abstractID).filter { $0.value.paragraphStyle == styleID }.keys.min()
    }

    struct Label {
        var text: String
        var isOrdered: Bool
    }

    /// Counts one numbered paragraph and returns its label; nil when the numbering is void
    /// (numId 0, unknown instance, or a level with format "none" and no text).
    mutating func next(numID: String, level requested: Int) -> Label? {
        guard numID != "0", let instance = instances[numID] else { return nil }
        let level = min(max(requested, 0), 8)
        let definitions = levels(abstractID: instance.abstractID)
        func definition(_ index: Int) -> Level {
            instance.levelOverrides[index] ?? definitions[index] ?? Level()
        }
        let key = instance.startOverrides.isEmpty ? "abstract:\(instance.abstractID)" : "num:\(numID)"
        var values = counters[key] ?? Array(repeating: nil, count: 9)
        let start = instance.startOverrides[level] ?? definition(level).start
        values[level] = min((values[level] ?? (start - 1)) + 1, Int(Int32.max))
        for deeper in (level + 1)..<9 {
            let restart = definition(deeper).restartAfter
            // lvlRestart 0 means: never restart; otherwise restart after the given level (1-based) or any higher one.
            if restart == 0 { continue }
            if let restart, level + 1 > restart { continue }
            values[deeper] = nil
        }
        counters[key] = values
        let current = definition(level)
        let isOrdered = current.format != "bullet" && current.format != "none"
        if current.format == "bullet" {
            return Label(text: Self.bullet(current.text), isOrdered: false)
        }
        var text = ""
        var characters = current.text[...]
        while let character = characters.popFirst() {
            if character == "%", let digit = characters.first, let number = digit.wholeNumberValue, number >= 1, number <= 9 {
                characters.removeFirst()
                let index = number - 1
                let shown = definition(index)
                let value = values[index] ?? (instance.startOverrides[index] ?? shown.start)
                text += Self.format(value, current.isLegal && index < level ? "decimal" : shown.format)
            } else {
                text.append(character)
            }
        }
        if text.isEmpty && current.format == "none" { return nil }
        return Label(text: text, isOrdered: isOrdered)
    }

    static func bullet(_ text: String) -> String {
        guard let scalar = text.unicodeScalars.first else { return "•" }
        switch scalar.value {
        case 0xF0B7, 0xB7: return "•"
        case 0xF0A7: return "▪"
        case 0xF0D8: return "➢"
        case 0xF0FC: return "✓"
        case 0xF000...0xF0FF: return "•"
        default: return text
        }
    }

    static func format(_ value: Int, _ format: String) -> String {
        switch format {
        case "lowerLetter": return letters(value).lowercased()
        case "upperLetter": return letters(value)
        case "lowerRoman": return roman(value).lowercased()
        case "upperRoman": return roman(value)
        case "decimalZero": return value < 10 && value >= 0 ? "0\(value)" : String(value)
        case "none": return ""
        case "bullet": return "•"
        default: return String(value)
        }
    }

    /// A, B, … Z, AA, BB, … as Word counts letters.
    static func letters(_ value: Int) -> String {
        guard value > 0 else { return String(value) }
        let letter = Character(Unicode.Scalar(UInt8(65 + (value - 1) % 26)))
        return String(repeating: letter, count: min((value - 1) / 26 + 1, 50))
    }

    static func roman(_ value: Int) -> String {
        guard value > 0, value < 4000 else { return String(value) }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = value
        var result = ""
        for (amount, symbol) in table {
            while rest >= amount {
                result += symbol
                rest -= amount
            }
        }
        return result
    }
}
