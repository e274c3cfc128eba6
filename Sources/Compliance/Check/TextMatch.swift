import DocModel
import Foundation

/// Tolerant matching of headings, labels and names: case, accents, punctuation and numbering
/// do not count.
public enum TextMatch {
    /// Lower case, accents folded, punctuation to spaces, spaces folded.
    public static func normalize(_ text: String) -> String {
        if let ascii = normalizeASCII(text) { return ascii }
        // Rules compare whole document texts again and again (a party's name against every
        // UEA, evidence keywords against every file): long texts are folded once.
        if text.utf8.count >= TextMemo<String>.minimumLength { return normalizedTexts.value(for: text) { folded($0) } }
        return folded(text)
    }

    private static let normalizedTexts = TextMemo<String>("dossier.TextMatch.normalize")

    /// ASCII text: folding is lower-casing and the alphanumerics are letters and digits, so the
    /// bytes are enough (nil for any other text).
    static func normalizeASCII(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            for byte in bytes {
                if byte >= 0x80 { return nil }
                let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
                    if pendingSpace && !out.isEmpty { out.append(0x20) }
                    pendingSpace = false
                    out.append(lower)
                } else {
                    pendingSpace = true
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    static func folded(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: Locale(identifier: "nl_NL"))
        var result = ""
        var pendingSpace = false
        for scalar in folded.unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) {
                if pendingSpace && !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingSpace = true
            }
        }
        return result
    }

    /// A heading without its numbering ("3.2", "III.", "a)", "Hoofdstuk 4", "Bijlage B:").
    public static func normalizeHeading(_ text: String) -> String {
        var words = normalize(text).split(separator: " ").map(String.init)
        if let first = words.first, ["hoofdstuk", "paragraaf", "sectie", "deel", "onderdeel"].contains(first), words.count > 1 {
            words.removeFirst()
        }
        while let first = words.first, words.count > 1, isNumbering(first) { words.removeFirst() }
        return words.joined(separator: " ")
    }

    static func isNumbering(_ word: String) -> Bool {
        if word.allSatisfy(\.isNumber) { return true }
        if word.count <= 4, word.allSatisfy({ "ivxlc".contains($0) }) { return true }
        if word.count == 1, word.first?.isLetter == true { return true }
        return false
    }

    /// Edit distance in characters.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The candidate closest to `text` (normalised) when it is near enough to be a likely typo or variant.
    public static func nearest(_ text: String, in candidates: [String]) -> String? {
        let target = normalizeHeading(text)
        guard !target.isEmpty else { return nil }
        var best: (String, Int)?
        for candidate in candidates {
            let normalized = normalizeHeading(candidate)
            var d = distance(target, normalized)
            if normalized.count > 3 && (normalized.contains(target) || target.contains(normalized)) { d = min(d, 2) }
            if best == nil || d < best!.1 { best = (candidate, d) }
        }
        guard let (candidate, d) = best else { return nil }
        return d <= max(2, target.count / 4) ? candidate : nil
    }

    /// Digits only.
    public static func digits(_ text: String) -> String { String(text.filter(\.isASCII).filter(\.isNumber)) }

    /// Text that is still a placeholder: empty, "[invullen]", "…", "XXX", "{{…}}".
    ///
    /// Every test looks at the ends of the text or stops at the first character that is no dot,
    /// ellipsis, underscore or X, so only the ends are trimmed (what `Words.normalizeSpace` would
    /// do to them) instead of normalising a whole answer, which made this linear in its length
    /// and checks quadratic.
    public static func isPlaceholder(_ text: String) -> Bool {
        func isSpace(_ character: Character) -> Bool { character.isWhitespace || character == "\u{200B}" }
        var start = text.startIndex, end = text.endIndex
        while start < end, isSpace(text[start]) { start = text.index(after: start) }
        while end > start, isSpace(text[text.index(before: end)]) { end = text.index(before: end) }
        let value = text[start..<end]
        if value.isEmpty { return true }
        if value.hasPrefix("[") && value.hasSuffix("]") { return true }
        // Inner spaces would make these fail before and after normalising alike.
        if value == "…" || value == "..." || value.allSatisfy({ $0 == "." || $0 == "…" || $0 == "_" }) { return true }
        if value.allSatisfy({ $0 == "X" || $0 == "x" }), value.count >= 3, value.uppercased() == value { return true }
        if value.hasPrefix("{{") && value.hasSuffix("}}") { return true }
        return false
    }

    /// A placeholder somewhere inside a longer text: "[invullen]", "{{…}}", "XXX".
    public static func placeholderInside(_ text: String) -> String? {
        // Each pattern needs "[", "{{" or three x's: most paragraphs have none of them.
        let bytes = text.utf8
        var xRun = 0, maxXRun = 0
        var hasBracket = false, hasBraces = false
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == UInt8(ascii: "[") { hasBracket = true }
            if byte == UInt8(ascii: "{") && previous == UInt8(ascii: "{") { hasBraces = true }
            if byte == UInt8(ascii: "x") || byte == UInt8(ascii: "X") { xRun += 1; maxXRun = max(maxXRun, xRun) } else { xRun = 0 }
            previous = byte
        }
        guard hasBracket || hasBraces || maxXRun >= 3 else { return nil }
        for pattern in [#"\[(invullen|in te vullen|naam|datum|tekst|vul in)[^\]]*\]"#, #"\{\{[^}]*\}\}"#, #"\bX{3,}\b"#] {
            if let range = text.range(of: pattern, options: [.regularExpression, .caseInsensitive]) { return String(text[range]) }
        }
        return nil
    }
}

/// A small memo for functions of long texts, one per thread (batch workers never wait on each
/// other for it), bounded so a batch does not grow it without end (emptied when full).
final class TextMemo<Value>: Sendable {
    static var minimumLength: Int { 256 }
    private let key: String
    private let capacity = 64

    init(_ key: String) { self.key = key }

    private final class Table {
        var values: [String: Value] = [:]
    }

    func value(for text: String, _ compute: (String) -> Value) -> Value {
        let thread = Thread.current.threadDictionary
        let table: Table
        if let existing = thread[key] as? Table {
            table = existing
        } else {
            table = Table()
            thread[key] = table
        }
        if let hit = table.values[text] { return hit }
        let value = compute(text)
        if table.values.count >= capacity { table.values.removeAll(keepingCapacity: true) }
        table.values[text] = value
        return value
    }
}
