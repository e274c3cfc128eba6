import Foundation

/// A lint rule: a small check over the tender model that emits findings.
public protocol LintRule: Sendable {
    /// Stable identifier, e.g. `weights-sum`.
    var id: String { get }
    /// One line on what it checks.
    var summary: LocalizedText { get }
    func check(_ tender: Tender) -> [Finding]
}

extension LintRule {
    /// A finding of this rule at `key` of `source` (or at the node itself) in the tender's file.
    func finding(_ severity: Severity, _ message: LocalizedText, in tender: Tender, at source: SourceRef, key: String? = nil,
                 hint: LocalizedText? = nil) -> Finding {
        Finding(ruleID: id, severity: severity, message: message, location: source.location(key, file: tender.file), hint: hint)
    }
}

/// Runs the rules over a tender.
public struct LintEngine: Sendable {
    public var rules: [any LintRule]

    public init(rules: [any LintRule] = LintEngine.standardRules) {
        self.rules = rules
    }

    /// Every rule of `dossier lint`, in reporting order.
    public static let standardRules: [any LintRule] = [
        WeightsSumRule(), MunicipalSharesRule(), ProviderRangeRule(), CriteriaPresenceRule(), PlanningOrderRule(),
        TermsRule(), ContactBanSanctionRule(), ThirdPartyESPDRule(), CriterionLimitsRule(),
    ]

    public func run(_ tender: Tender) -> [Finding] {
        rules.flatMap { $0.check(tender) }
    }
}

/// Loading plus linting, as `dossier lint` does it: rules run only when the file loaded
/// without errors (otherwise their findings would follow from the load errors).
public enum TenderLint {
    public static func lint(path: String, limits: TenderLoadLimits = TenderLoadLimits(),
                            engine: LintEngine = LintEngine()) throws(TenderLoadError) -> [Finding] {
        let result = try TenderLoader.load(path: path, limits: limits)
        return result.findings + (result.isComplete ? engine.run(result.tender) : [])
    }

    public static func lint(text: String, file: String, limits: TenderLoadLimits = TenderLoadLimits(),
                            engine: LintEngine = LintEngine()) throws(TenderLoadError) -> [Finding] {
        let result = try TenderLoader.load(text: text, file: file, limits: limits)
        return result.findings + (result.isComplete ? engine.run(result.tender) : [])
    }
}

/// Numbers in messages: `100`, `12,5` (Dutch) / `12.5` (English).
enum Numbers {
    static func format(_ value: Double) -> LocalizedText {
        let rounded = (value * 1000).rounded() / 1000
        if rounded == rounded.rounded(), abs(rounded) < 1e15 {
            let text = "\(Int(rounded))"
            return LocalizedText(text, text)
        }
        let text = "\(rounded)"
        return LocalizedText(text.replacingOccurrences(of: ".", with: ","), text)
    }
}
