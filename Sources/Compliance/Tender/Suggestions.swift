/// "Did you mean" suggestions by restricted Damerau-Levenshtein distance.
public enum Suggestions {
    /// Optimal-string-alignment distance between two strings (case-insensitive).
    public static func distance(_ a: String, _ b: String) -> Int {
        let s = Array(a.lowercased()), t = Array(b.lowercased())
        if s.isEmpty { return t.count }
        if t.isEmpty { return s.count }
        var previous2 = [Int](repeating: 0, count: t.count + 1)
        var previous = Array(0...t.count)
        var current = [Int](repeating: 0, count: t.count + 1)
        for i in 1...s.count {
            current[0] = i
            for j in 1...t.count {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            previous2 = previous
            previous = current
        }
        return previous[t.count]
    }

    /// The closest candidate within `maximum` edits, if any (ties: first in the list).
    public static func closest(to word: String, in candidates: [String], maximum: Int = 2) -> String? {
        guard word.count <= 200 else { return nil }
        var best: (String, Int)?
        for candidate in candidates {
            let d = distance(word, candidate)
            if d <= maximum, d < (best?.1 ?? Int.max) { best = (candidate, d) }
        }
        return best?.0
    }
}
