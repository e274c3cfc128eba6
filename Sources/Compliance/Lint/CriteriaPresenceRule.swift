/// `criteria-missing`: every segment (or perceel without segments) has selection criteria;
/// criteria on a perceel that has segments are not used (warning).
public struct CriteriaPresenceRule: LintRule {
    public let id = "criteria-missing"
    public let summary = LocalizedText("Elk segment heeft selectiecriteria", "Every segment has selection criteria")
    public init() {}

    public func check(_ tender: Tender) -> [Finding] {
        var findings: [Finding] = []
        for lot in tender.lots {
            if lot.segments.isEmpty {
                if lot.criteria.isEmpty {
                    findings.append(finding(.error, LocalizedText("perceel \(lot.id) heeft geen segmenten en geen selectiecriteria",
                                                                  "perceel \(lot.id) has no segments and no selection criteria"),
                                            in: tender, at: lot.source, key: "id",
                                            hint: LocalizedText("voeg criteria toe aan het perceel of aan elk segment", "add criteria to the perceel or to each segment")))
                }
            } else if !lot.criteria.isEmpty {
                findings.append(finding(.warning, LocalizedText("perceel \(lot.id) heeft segmenten; de criteria op perceelniveau worden niet gebruikt",
                                                                "perceel \(lot.id) has segments; the criteria at perceel level are not used"),
                                        in: tender, at: lot.source, key: "criteria"))
            }
            for segment in lot.segments where segment.criteria.isEmpty {
                findings.append(finding(.error, LocalizedText("segment \(lot.id)/\(segment.id) heeft geen selectiecriteria",
                                                              "segment \(lot.id)/\(segment.id) has no selection criteria"),
                                        in: tender, at: segment.source, key: "id"))
            }
        }
        return findings
    }
}
