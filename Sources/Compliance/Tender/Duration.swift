/// `looptijd`: initial term in years and the possible extensions.
public struct Duration: Sendable, Hashable {
    public var initialYears: Int
    public var extensions: [Int]
    public var source: SourceRef

    /// "3 jaar met twee verlengingen van 2 jaar" style text.
    public var dutchText: String {
        var text = "\(initialYears) jaar"
        guard !extensions.isEmpty else { return text }
        let words = [1: "één", 2: "twee", 3: "drie", 4: "vier", 5: "vijf"]
        if Set(extensions).count == 1, let years = extensions.first {
            let count = extensions.count
            text += count == 1 ? " met één verlenging van \(years) jaar" : " met \(words[count] ?? "\(count)") verlengingen van \(years) jaar"
        } else {
            text += " met verlengingen van " + extensions.map { "\($0)" }.joined(separator: ", ") + " jaar"
        }
        return text
    }
}
