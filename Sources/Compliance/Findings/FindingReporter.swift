import DocModel
import Foundation

/// Renders findings for people or programs.
public protocol FindingReporter {
    func render(_ findings: [Finding], subject: String, language: Language) -> String
}

/// `file:line:column: fout: message [rule]`, an indented hint line where there is one,
/// and a summary line at the end.
public struct TextReporter: FindingReporter {
    public init() {}

    public func line(for finding: Finding, language: Language) -> String {
        let prefix = finding.location.prefix
        var text = (prefix.isEmpty ? "" : prefix + ": ") + finding.severity.label(in: language) + ": "
        text += finding.message.text(in: language) + " [\(finding.ruleID)]"
        if let hint = finding.hint {
            text += "\n  " + language.pick("tip: ", "hint: ") + hint.text(in: language)
        }
        return text
    }

    public func render(_ findings: [Finding], subject: String, language: Language) -> String {
        var lines = Finding.sorted(findings).map { line(for: $0, language: language) }
        lines.append("\(subject): " + FindingSummary(findings).text(in: language))
        return lines.joined(separator: "\n") + "\n"
    }
}

/// A JSON object: `schemaVersion`, `subject`, `language`, `findings` (rule, severity,
/// message, file, line, column, path, hint) and `summary` (errors, warnings, infos).
public struct JSONReporter: FindingReporter {
    public init() {}

    struct Item: Encodable {
        var rule: String
        var severity: String
        var message: String
        var file: String?
        var line: Int?
        var column: Int?
        var path: String?
        var hint: String?
    }

    struct Report: Encodable {
        var schemaVersion: Int
        var subject: String
        var language: String
        var findings: [Item]
        var summary: FindingSummary
    }

    public func render(_ findings: [Finding], subject: String, language: Language) -> String {
        let items = Finding.sorted(findings).map {
            Item(rule: $0.ruleID, severity: $0.severity.rawValue, message: $0.message.text(in: language),
                 file: $0.location.file, line: $0.location.line, column: $0.location.column,
                 path: $0.location.path, hint: $0.hint?.text(in: language))
        }
        let report = Report(schemaVersion: Compliance.schemaVersion, subject: subject, language: language.rawValue,
                            findings: items, summary: FindingSummary(findings))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(report), let text = String(data: data, encoding: .utf8) else { return "{}\n" }
        return text + "\n"
    }
}
