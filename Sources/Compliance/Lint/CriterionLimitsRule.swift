/// `criterion-limits`: a criterion has at most one limit (words or pages), and limits are positive.
public struct CriterionLimitsRule: LintRule {
    public let id = "criterion-limits"
    public let summary = LocalizedText("Omvanglimieten zijn positief en eenduidig", "Size limits are positive and unambiguous")
    public init() {}

    public func check(_ tender: Tender) -> [Finding] {
        var findings: [Finding] = []
        func positive(_ value: Int?, key: String, owner: String, source: SourceRef) {
            guard let value, value <= 0 else { return }
            findings.append(finding(.error, LocalizedText("\(owner): \(key) is \(value); een limiet moet groter dan 0 zijn",
                                                          "\(owner): \(key) is \(value); a limit must be greater than 0"),
                                    in: tender, at: source, key: key))
        }
        func check(_ criteria: [Criterion], owner: String) {
            for criterion in criteria {
                let name = "\(owner)/\(criterion.id)"
                if criterion.maximumWords != nil, criterion.maximumPages != nil {
                    findings.append(finding(.warning, LocalizedText("criterium \(name) heeft zowel maximum_woorden als maximum_paginas; kies één limiet",
                                                                    "criterion \(name) has both maximum_woorden and maximum_paginas; choose one limit"),
                                            in: tender, at: criterion.source, key: "maximum_paginas"))
                }
                positive(criterion.maximumWords, key: "maximum_woorden", owner: "criterium \(name)", source: criterion.source)
                positive(criterion.maximumPages, key: "maximum_paginas", owner: "criterium \(name)", source: criterion.source)
            }
        }
        for lot in tender.lots {
            check(lot.criteria, owner: lot.id)
            for segment in lot.segments { check(segment.criteria, owner: "\(lot.id)/\(segment.id)") }
        }
        positive(tender.dossier.maximumWords, key: "maximum_woorden", owner: "dossier", source: tender.dossier.source)
        positive(tender.dossier.maximumPages, key: "maximum_paginas", owner: "dossier", source: tender.dossier.source)
        return findings
    }
}
