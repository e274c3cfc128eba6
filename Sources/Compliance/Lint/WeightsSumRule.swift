/// `weights-sum`: the weights of the criteria of a segment (or of a perceel without segments)
/// sum to exactly 100.
public struct WeightsSumRule: LintRule {
    public let id = "weights-sum"
    public let summary = LocalizedText("Wegingen per segment tellen op tot 100", "Weights per segment sum to 100")
    public init() {}

    public func check(_ tender: Tender) -> [Finding] {
        var findings: [Finding] = []
        func check(_ criteria: [Criterion], owner: String, source: SourceRef) {
            guard !criteria.isEmpty else { return }
            let sum = criteria.reduce(0) { $0 + $1.weight }
            guard abs(sum - 100) > 1e-9 else { return }
            let total = Numbers.format(sum)
            let parts = criteria.map { Numbers.format($0.weight) }
            findings.append(finding(.error, LocalizedText(
                "de wegingen van \(owner) tellen op tot \(total.nl) in plaats van 100 (\(parts.map(\.nl).joined(separator: " + ")))",
                "the weights of \(owner) sum to \(total.en) instead of 100 (\(parts.map(\.en).joined(separator: " + ")))"),
                in: tender, at: source, key: "criteria"))
        }
        for lot in tender.lots {
            if lot.segments.isEmpty {
                check(lot.criteria, owner: "perceel \(lot.id)", source: lot.source)
            }
            for segment in lot.segments {
                check(segment.criteria, owner: "segment \(lot.id)/\(segment.id)", source: segment.source)
            }
        }
        return findings
    }
}
