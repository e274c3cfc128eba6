import DocModel
import DutchTime
import Foundation
import PackageIO

/// Renders a check report: text grouped by severity and file, JSON (docs/check-report.md),
/// or one self-contained printable HTML file.
public enum CheckReportFormat: String, Sendable, CaseIterable {
    case text, json, html
}

public enum CheckReportRenderer {
    public static let jsonSchemaVersion = 1

    public static func render(_ report: CheckReport, format: CheckReportFormat, language: Language, colour: Bool = false) -> String {
        switch format {
        case .text: text(report, language: language, colour: colour)
        case .json: json(report, language: language)
        case .html: html(report, language: language)
        }
    }

    static func locationText(_ location: Location, language: Language) -> String {
        location.documentText(in: language)
    }

    static let severities: [Severity] = [.error, .warning, .info]

    static func heading(_ severity: Severity, _ language: Language) -> String {
        switch severity {
        case .error: language.pick("Fouten", "Errors")
        case .warning: language.pick("Waarschuwingen", "Warnings")
        case .info: language.pick("Opmerkingen", "Notes")
        }
    }

    static func verdict(_ report: CheckReport, _ language: Language) -> String {
        report.complete ? language.pick("COMPLEET", "COMPLETE") : language.pick("NIET COMPLEET", "INCOMPLETE")
    }

    // MARK: text

    public static func text(_ report: CheckReport, language: Language, colour: Bool) -> String {
        func paint(_ text: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
        var lines: [String] = []
        lines.append("\(report.subject) — \(report.tender)")
        let general = language.pick("(inzending)", "(submission)")
        for severity in severities {
            let items = Finding.sorted(report.findings.filter { $0.severity == severity })
            guard !items.isEmpty else { continue }
            let code = severity == .error ? "1;31" : severity == .warning ? "1;33" : "36"
            lines.append("")
            lines.append(paint("\(heading(severity, language)) (\(items.count))", code))
            var files: [String] = []
            for item in items where !files.contains(item.location.file ?? general) { files.append(item.location.file ?? general) }
            for file in files {
                lines.append("  \(file)")
                for item in items where (item.location.file ?? general) == file {
                    let place = locationText(item.location, language: language)
                    lines.append("    - " + (place.isEmpty ? "" : place + ": ") + item.message.text(in: language) + " [\(item.ruleID)]")
                    if let hint = item.hint { lines.append("      " + language.pick("oplossing: ", "fix: ") + hint.text(in: language)) }
                }
            }
        }
        if !report.measures.isEmpty {
            lines.append("")
            lines.append(language.pick("Gebruikte metingen:", "Measures used:"))
            for measure in report.measures { lines.append("  - " + measure.text(in: language)) }
        }
        lines.append("")
        lines.append(paint(verdict(report, language), report.complete ? "1;32" : "1;31") + ": " + report.summary.text(in: language))
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: JSON



    struct JSONReport: Encodable {
        var schema = "dossier.check-report"
        var schemaVersion = CheckReportRenderer.jsonSchemaVersion
        var subject: String
        var tender: String
        var language: String
        var checkedAt: String
        var deadline: String?
        var complete: Bool
        var findings: [Finding.JSON]
        var measures: [String]
        var summary: FindingSummary
    }

    static func iso(_ date: Date) -> String { DutchTime.iso(date) }

    static func jsonReport(_ report: CheckReport, language: Language) -> JSONReport {
        JSONReport(subject: report.subject, tender: report.tender, language: language.rawValue, checkedAt: iso(report.now),
                   deadline: report.deadline.map(iso), complete: report.complete,
                   findings: Finding.sorted(report.findings).map { $0.json(in: language) },
                   measures: report.measures.map { $0.text(in: language) }, summary: report.summary)
    }

    public static func json(_ report: CheckReport, language: Language) -> String {
        encode(jsonReport(report, language: language))
    }

    static func encode<T: Encodable>(_ value: T) -> String { JSONText.string(value) }

    // MARK: HTML

    public static func escape(_ text: String) -> String { XMLEscaping.escape(text, for: .html) }

    /// Inline CSS only: no scripts, fonts, images or links to anything outside the file.
    static let css = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:2em;color:#222;line-height:1.4}
        h1{font-size:1.4em;margin-bottom:.2em}h2{font-size:1.15em;margin-top:1.5em;border-bottom:1px solid #ccc}
        .verdict{display:inline-block;padding:.3em .8em;border-radius:4px;font-weight:bold;color:#fff}
        .ok{background:#2e7d32}.bad{background:#c62828}
        table{border-collapse:collapse;width:100%;margin-top:.5em}th,td{border:1px solid #ccc;padding:.35em .5em;text-align:left;vertical-align:top}
        th{background:#f2f2f2}.error{color:#b71c1c;font-weight:bold}.warning{color:#8a5a00;font-weight:bold}.info{color:#1565c0}
        .hint{color:#555;font-size:.92em}.meta{color:#555}
        @media print{body{margin:1cm}.verdict{border:1px solid #000;color:#000;background:none}tr{page-break-inside:avoid}}
        """

    static func page(title: String, language: Language, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>
        \(css)
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    public static func html(_ report: CheckReport, language: Language) -> String {
        var body = "<h1>\(escape(language.pick("Controle inzending", "Submission check"))): \(escape(report.subject))</h1>\n"
        body += "<p class=\"meta\">\(escape(report.tender))<br>\(escape(language.pick("Gecontroleerd op", "Checked at"))) \(escape(DutchTime.dateTime(report.now, english: language == .en)))"
        if let deadline = report.deadline { body += "<br>\(escape(language.pick("Sluitingstermijn", "Deadline"))) \(escape(DutchTime.dateTime(deadline, english: language == .en))) (Europe/Amsterdam)" }
        body += "</p>\n<p><span class=\"verdict \(report.complete ? "ok" : "bad")\">\(escape(verdict(report, language)))</span> \(escape(report.summary.text(in: language)))</p>\n"
        for severity in severities {
            let items = Finding.sorted(report.findings.filter { $0.severity == severity })
            guard !items.isEmpty else { continue }
            body += "<h2>\(escape(heading(severity, language))) (\(items.count))</h2>\n<table>\n<tr><th>\(language.pick("Bestand", "File"))</th><th>\(language.pick("Plaats", "Location"))</th><th>\(language.pick("Bevinding", "Finding"))</th><th>\(language.pick("Regel", "Rule"))</th></tr>\n"
            for item in items {
                var cell = "<span class=\"\(severity.rawValue)\">\(escape(item.message.text(in: language)))</span>"
                if let hint = item.hint { cell += "<br><span class=\"hint\">\(escape(language.pick("Oplossing: ", "Fix: ") + hint.text(in: language)))</span>" }
                body += "<tr><td>\(escape(item.location.file ?? "—"))</td><td>\(escape(locationText(item.location, language: language)))</td><td>\(cell)</td><td>\(escape(item.ruleID))</td></tr>\n"
            }
            body += "</table>\n"
        }
        if !report.measures.isEmpty {
            body += "<h2>\(escape(language.pick("Gebruikte metingen", "Measures used")))</h2>\n<ul>\n"
            for measure in report.measures { body += "<li>\(escape(measure.text(in: language)))</li>\n" }
            body += "</ul>\n"
        }
        return page(title: language.pick("Controle ", "Check ") + report.subject, language: language, body: body)
    }
}
