import DocModel
import PackageIO

/// What the paragraphs of one list item need to know: which list, how deep, and the label
/// the first paragraph takes.
final class ODTListContext {
    let listID: String
    let level: Int
    let styleName: String?
    let isOrdered: Bool
    /// The label for the next paragraph of the item; taken by the first paragraph only.
    var pendingLabel: String?
    var labelTaken = false

    init(listID: String, level: Int, styleName: String?, isOrdered: Bool) {
        self.listID = listID
        self.level = level
        self.styleName = styleName
        self.isOrdered = isOrdered
    }

    /// The label for a paragraph of this item: the item's label for the first, nil after.
    func takeLabel() -> String? {
        if labelTaken { return nil }
        labelTaken = true
        return pendingLabel
    }
}

/// Counters of the lists of a document, continued across `text:continue-numbering` and
/// `text:continue-list`, and the labels LibreOffice would show.
struct ODTListNumbering {
    /// The current value of each level of each list; nil where the level has not started
    /// (0 is a value: a list may start at 0).
    private var counters: [String: [Int?]] = [:]
    private var idByXMLID: [String: String] = [:]
    private var lastByStyle: [String: String] = [:]
    private var lastList: String?
    private var generated = 0
    static let maxLevel = 64

    /// The list id of a new outermost `text:list`; its counters start afresh unless it continues.
    mutating func beginList(xmlID: String?, continueList: String?, continueNumbering: Bool, styleName: String?) -> String {
        var id: String?
        if let continueList, let earlier = idByXMLID[continueList] {
            id = earlier
        } else if continueNumbering {
            id = styleName.flatMap { lastByStyle[$0] } ?? lastList
        }
        let listID: String
        if let id {
            listID = id
        } else {
            if let xmlID, !xmlID.isEmpty, counters[xmlID] == nil {
                listID = xmlID
            } else {
                generated += 1
                listID = "list-\(generated)"
            }
            counters[listID] = []
        }
        if let xmlID, !xmlID.isEmpty { idByXMLID[xmlID] = listID }
        if let styleName { lastByStyle[styleName] = listID }
        lastList = listID
        return listID
    }

    /// Counts an item at `level` (1-based) and returns its label.
    mutating func count(listID: String, level: Int, startValue: Int?, levels: [Int: ODTListLevel]) -> String? {
        let level = min(max(level, 1), Self.maxLevel)
        var values = counters[listID] ?? []
        if values.count < level { values += Array(repeating: nil, count: level - values.count) }
        let style = levels[level]
        if let startValue {
            values[level - 1] = startValue
        } else if let current = values[level - 1] {
            values[level - 1] = min(current + 1, 1_000_000_000)
        } else {
            values[level - 1] = style?.startValue ?? 1
        }
        for deeper in level..<values.count { values[deeper] = nil }
        counters[listID] = values
        guard let style else { return nil }
        switch style.kind {
        case .bullet: return style.bulletChar
        case .image: return nil
        case .number:
            let shown = min(style.displayLevels, level)
            var parts: [String] = []
            for shownLevel in (level - shown + 1)...level {
                let levelStyle = levels[shownLevel] ?? style
                let value = values[shownLevel - 1] ?? levelStyle.startValue
                let text = Self.format(value, levelStyle.format, letterSync: levelStyle.letterSync)
                if !text.isEmpty { parts.append(text) }
            }
            let label = style.prefix + parts.joined(separator: ".") + style.suffix
            return label.isEmpty ? nil : label
        }
    }

    /// A number in an ODF `style:num-format`: "1", "a", "A", "i", "I"; "" shows no number.
    static func format(_ value: Int, _ format: String, letterSync: Bool = false) -> String {
        switch format {
        case "": return ""
        case "a", "A":
            let letters = alphabetic(value, sync: letterSync)
            return format == "A" ? letters.uppercased() : letters
        case "i", "I":
            let roman = Self.roman(value)
            return format == "I" ? roman.uppercased() : roman
        default:
            return String(value)
        }
    }

    static func alphabetic(_ value: Int, sync: Bool) -> String {
        guard value > 0 else { return String(value) }
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz")
        if sync {
            let letter = alphabet[(value - 1) % 26]
            let times = min((value - 1) / 26 + 1, 100)
            return String(repeating: letter, count: times)
        }
        var result: [Character] = []
        var rest = value
        while rest > 0 {
            rest -= 1
            result.append(alphabet[rest % 26])
            rest /= 26
        }
        return String(result.reversed())
    }

    static func roman(_ value: Int) -> String {
        guard value > 0 && value < 4000 else { return String(value) }
        let table: [(Int, String)] = [
            (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
            (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
        ]
        var result = ""
        var rest = value
        for (amount, letters) in table {
            while rest >= amount {
                result += letters
                rest -= amount
            }
        }
        return result
    }
}
