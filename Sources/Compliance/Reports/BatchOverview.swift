import DocModel
import Foundation
import PackageIO

/// The overview of a batch: one row per submission, errors per rule; text, CSV or HTML.
extension BatchCheck {
    static func verdict(_ entry: Entry, _ language: Language) -> String {
        switch entry.result {
        case .success(let report): report.complete ? language.pick("compleet", "complete") : language.pick("niet compleet", "incomplete")
        case .failure: language.pick("kon niet worden gecontroleerd", "could not be checked")
        }
    }

    static func errorCounts(_ report: CheckReport) -> [String: Int] {
        var counts: [String: Int] = [:]
        for finding in report.findings where finding.severity == .error { counts[finding.ruleID, default: 0] += 1 }
        return counts
    }

    public static func overview(_ entries: [Entry], format: OverviewFormat, language: Language) -> String {
        let rules = CheckEngine.ruleIDs
        let header = [language.pick("inzending", "submission"), language.pick("oordeel", "verdict"), language.pick("fouten", "errors"),
                      language.pick("waarschuwingen", "warnings")] + rules + [language.pick("toelichting", "note")]
        let rows: [[String]] = entries.map { entry in
            switch entry.result {
            case .success(let report):
                let counts = errorCounts(report)
                return [entry.name, verdict(entry, language), "\(report.summary.errors)", "\(report.summary.warnings)"] + rules.map { "\(counts[$0] ?? 0)" } + [""]
            case .failure(let error):
                return [entry.name, verdict(entry, language), "", ""] + rules.map { _ in "" } + [error.message.text(in: language)]
            }
        }
        switch format {
        case .csv:
            func field(_ value: String) -> String {
                value.contains(where: { ",\"\n;".contains($0) }) ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
            }
            return ([header] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\n") + "\n"
        case .text:
            let all = [header] + rows
            let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
            var lines = all.map { row in row.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }.joined(separator: "  ").trimmingCharacters(in: .whitespaces) }
            lines.insert(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "), at: 1)
            let complete = entries.filter { $0.report?.complete == true }.count
            let failed = entries.filter { $0.report == nil }.count
            lines.append("")
            lines.append(language.pick("\(entries.count) inzendingen: \(complete) compleet, \(entries.count - complete - failed) niet compleet, \(failed) niet gecontroleerd",
                                       "\(entries.count) submissions: \(complete) complete, \(entries.count - complete - failed) incomplete, \(failed) not checked"))
            return lines.joined(separator: "\n") + "\n"
        case .html:
            let e = CheckReportRenderer.escape
            var body = "<h1>\(e(language.pick("Overzicht inzendingen", "Submissions overview")))</h1>\n<table>\n<tr>" + header.map { "<th>\(e($0))</th>" }.joined() + "</tr>\n"
            for (entry, row) in zip(entries, rows) {
                let cls = entry.report?.complete == true ? "ok-row" : entry.report == nil ? "info" : "error"
                body += "<tr class=\"\(cls)\">" + row.map { "<td>\(e($0))</td>" }.joined() + "</tr>\n"
            }
            body += "</table>\n"
            return CheckReportRenderer.page(title: language.pick("Overzicht inzendingen", "Submissions overview"), language: language, body: body)
        }
    }
}
