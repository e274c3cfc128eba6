/// `municipal-shares-sum`: per perceel, the municipalities' shares (`aandeel`) sum to 100
/// where given, and name existing percelen.
public struct MunicipalSharesRule: LintRule {
    public let id = "municipal-shares-sum"
    public let summary = LocalizedText("Aandelen van gemeenten per perceel tellen op tot 100", "Municipal shares per perceel sum to 100")
    public init() {}

    public func check(_ tender: Tender) -> [Finding] {
        var findings: [Finding] = []
        let lotIDs = Set(tender.lots.map(\.id))
        var order: [String] = []
        var sums: [String: Double] = [:]
        var counts: [String: Int] = [:]
        for municipality in tender.authority.municipalities {
            for lot in municipality.shareOrder {
                guard let share = municipality.shares[lot] else { continue }
                if !lotIDs.contains(lot) {
                    let ref = municipality.shareSource ?? municipality.source
                    findings.append(finding(.error, LocalizedText(
                        "\(municipality.name): aandeel voor onbekend perceel „\(lot)”",
                        "\(municipality.name): share for unknown perceel \"\(lot)\""),
                        in: tender, at: ref, key: lot,
                        hint: Suggestions.closest(to: lot, in: tender.lots.map(\.id)).map { LocalizedText("bedoelde je „\($0)”?", "did you mean \"\($0)\"?") }))
                    continue
                }
                if sums[lot] == nil { order.append(lot) }
                sums[lot, default: 0] += share
                counts[lot, default: 0] += 1
            }
        }
        for lot in order {
            guard let sum = sums[lot], abs(sum - 100) > 1e-9 else { continue }
            let total = Numbers.format(sum)
            findings.append(finding(.error, LocalizedText(
                "de aandelen van de gemeenten voor perceel \(lot) tellen op tot \(total.nl)% in plaats van 100% (\(counts[lot] ?? 0) gemeenten)",
                "the municipalities' shares for perceel \(lot) sum to \(total.en)% instead of 100% (\(counts[lot] ?? 0) municipalities)"),
                in: tender, at: tender.authority.source, key: "gemeenten"))
        }
        return findings
    }
}
