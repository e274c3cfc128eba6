import DocModel
import Foundation
import PackageIO

/// A check rule: a small type that judges one aspect of a submission, a function of the
/// submission's facts and the profile.
public protocol CheckRule: Sendable {
    /// Stable identifier, e.g. `sections`; also the rule column of the batch overview.
    var id: String { get }
    var summary: LocalizedText { get }
    /// The findings, and the measures the rule relied on (named in the report).
    func evaluate(_ context: CheckContext) -> RuleOutput
}

/// A rule whose findings are all it has to say: it relies on no measure worth naming.
public protocol FindingsRule: CheckRule {
    func check(_ context: CheckContext) -> [Finding]
}

extension FindingsRule {
    public func evaluate(_ context: CheckContext) -> RuleOutput { RuleOutput(findings: check(context)) }
}

/// What one rule says about a submission.
public struct RuleOutput: Sendable {
    public var findings: [Finding]
    /// How something was measured (page count source, how evidence was recognised…).
    public var measures: [LocalizedText]

    public init(findings: [Finding], measures: [LocalizedText] = []) {
        self.findings = findings
        self.measures = measures
    }
}

extension CheckRule {
    func finding(_ severity: Severity, _ message: LocalizedText, file: String?, section: String? = nil, paragraph: Int? = nil,
                 field: String? = nil, hint: LocalizedText? = nil) -> Finding {
        Finding(ruleID: id, severity: severity, message: message,
                location: Location(file: file, section: section, paragraph: paragraph, field: field), hint: hint)
    }
}

/// Options of one check run.
public struct CheckOptions: Sendable {
    /// The clock: `--now`; the current time when nil.
    public var now: Date?
    /// Render the dossier with LibreOffice to count pages (`--render`).
    public var render: Bool
    /// The `soffice` executable for rendering; looked up on PATH when nil.
    public var soffice: String?

    public init(now: Date? = nil, render: Bool = false, soffice: String? = nil) {
        self.now = now
        self.render = render
        self.soffice = soffice
    }
}

/// The result of checking one submission.
public struct CheckReport: Sendable {
    public var subject: String
    public var findings: [Finding]
    /// Measures the check relied on (page count source, evidence matching…), for the report.
    public var measures: [LocalizedText]
    public var now: Date
    public var deadline: Date?
    public var tender: String

    /// Complete: no finding with severity error.
    public var complete: Bool { !FindingSummary(findings).hasErrors }
    public var summary: FindingSummary { FindingSummary(findings) }
}

/// Runs the rules over a loaded submission.
public struct CheckEngine: Sendable {
    public var rules: [any CheckRule]

    public init(rules: [any CheckRule] = CheckEngine.standardRules) {
        self.rules = rules
    }

    /// Every rule of `dossier check`, in reporting order.
    public static let standardRules: [any CheckRule] = [
        SubmissionRule(), SectionsRule(), ContentRule(), FieldsRule(), PartiesRule(), SignaturesRule(), EvidenceRule(),
        ReferencesRule(), HygieneRule(), DeadlineRule(),
    ]

    /// Rule ids in reporting order (the batch overview's columns).
    public static var ruleIDs: [String] { standardRules.map(\.id) }

    public func check(_ submission: Submission, profile: RequirementsProfile, options: CheckOptions = CheckOptions()) -> CheckReport {
        let context = CheckContext(submission: submission, profile: profile, options: options)
        var findings: [Finding] = []
        var measures: [LocalizedText] = []
        for rule in rules {
            let output = rule.evaluate(context)
            findings += output.findings
            for measure in output.measures where !measures.contains(measure) { measures.append(measure) }
        }
        return CheckReport(subject: submission.path, findings: findings, measures: measures, now: context.now,
                           deadline: context.deadline, tender: "\(profile.tender.platform) \(profile.tender.reference) — \(profile.tender.title)")
    }

    /// Loads and checks a submission (folder or zip).
    public func check(path: String, profile: RequirementsProfile, options: CheckOptions = CheckOptions(),
                      limits: ReadLimits = .default) throws(CheckError) -> CheckReport {
        // Rendering costs seconds: only with --render, and only when there is a page limit to check.
        let render = options.render && profile.dossier.maxPages != nil
        let submission = try SubmissionLoader.load(path: path, limits: limits, pages: render ? PageCounter(soffice: options.soffice) : nil)
        return check(submission, profile: profile, options: options)
    }
}

