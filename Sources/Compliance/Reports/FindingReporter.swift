import DocModel
import Foundation
import PackageIO

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


    struct Report: Encodable {
        var schemaVersion: Int
        var subject: String
        var language: String
        var findings: [Finding.JSON]
        var summary: FindingSummary
    }

    public func render(_ findings: [Finding], subject: String, language: Language) -> String {
        let items = Finding.sorted(findings).map { $0.json(in: language) }
        let report = Report(schemaVersion: Compliance.schemaVersion, subject: subject, language: language.rawValue,
                            findings: items, summary: FindingSummary(findings))
        return JSONText.string(report)
    }
}

extension Finding {
    /// A finding as every JSON report writes it (lint and check alike): the place in a tender
    /// file (`line`, `column`, `path`) or in a document (`location`: section, paragraph, field);
    /// absent keys are left out.
    public struct JSON: Encodable {
        public struct DocumentLocation: Encodable {
            var section: String?
            var paragraph: Int?
            var field: String?
        }

        var rule: String
        var severity: String
        var message: String
        var file: String?
        var line: Int?
        var column: Int?
        var path: String?
        var location: DocumentLocation?
        var hint: String?
    }

    public func json(in language: Language) -> JSON {
        JSON(rule: ruleID, severity: severity.rawValue, message: message.text(in: language), file: location.file,
             line: location.line, column: location.column, path: location.path,
             location: location.hasDocumentLocation ? JSON.DocumentLocation(section: location.section, paragraph: location.paragraph, field: location.field) : nil,
             hint: hint?.text(in: language))
    }
}
