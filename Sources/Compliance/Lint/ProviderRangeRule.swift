/// `providers-range`: `aanbieders.minimum` ≤ `maximum`, both at least 1; `maximum_aanbieders` at least 1.
public struct ProviderRangeRule: LintRule {
    public let id = "providers-range"
    public let summary = LocalizedText("Minimum en maximum aantal aanbieders zijn consistent", "Minimum and maximum number of providers are consistent")
    public init() {}

    public func check(_ tender: Tender) -> [Finding] {
        var findings: [Finding] = []
        func check(_ range: ProviderRange?, owner: String) {
            guard let range else { return }
            if range.minimum < 1 {
                findings.append(finding(.error, LocalizedText("\(owner): minimum aantal aanbieders is \(range.minimum); het moet ten minste 1 zijn",
                                                              "\(owner): minimum number of providers is \(range.minimum); it must be at least 1"),
                                        in: tender, at: range.source, key: "minimum"))
            }
            if range.maximum < 1 {
                findings.append(finding(.error, LocalizedText("\(owner): maximum aantal aanbieders is \(range.maximum); het moet ten minste 1 zijn",
                                                              "\(owner): maximum number of providers is \(range.maximum); it must be at least 1"),
                                        in: tender, at: range.source, key: "maximum"))
            }
            if range.minimum > range.maximum {
                findings.append(finding(.error, LocalizedText("\(owner): minimum (\(range.minimum)) is groter dan maximum (\(range.maximum)) aantal aanbieders",
                                                              "\(owner): minimum (\(range.minimum)) exceeds maximum (\(range.maximum)) number of providers"),
                                        in: tender, at: range.source, key: "maximum"))
            }
        }
        for lot in tender.lots {
            if let maximum = lot.maximumProviders, maximum < 1 {
                findings.append(finding(.error, LocalizedText("perceel \(lot.id): maximum_aanbieders is \(maximum); het moet ten minste 1 zijn",
                                                              "perceel \(lot.id): maximum_aanbieders is \(maximum); it must be at least 1"),
                                        in: tender, at: lot.source, key: "maximum_aanbieders"))
            }
            for segment in lot.segments {
                check(segment.providers, owner: "segment \(lot.id)/\(segment.id)")
                for sub in segment.subSegments {
                    check(sub.providers, owner: "sub-segment \(lot.id)/\(segment.id)/\(sub.id)")
                }
            }
        }
        return findings
    }
}
