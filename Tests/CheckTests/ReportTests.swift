import Compliance
import DocModel
import Foundation
import Testing

@Suite struct ReportTests {
    @Test func jsonHasTheDocumentedKeys() throws {
        var files = try Fixtures.completeFiles()
        files.removeAll { $0.name == "uea/uea-2.docx" }
        let report = Fixtures.check(files)
        let text = CheckReportRenderer.json(report, language: .en)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        for key in ["schema", "schemaVersion", "subject", "tender", "language", "checkedAt", "deadline", "complete", "findings", "measures", "summary"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        #expect(object["complete"] as? Bool == false)
        let findings = try #require(object["findings"] as? [[String: Any]])
        let party = try #require(findings.first { $0["rule"] as? String == "parties" && $0["severity"] as? String == "error" })
        for key in ["rule", "severity", "message", "file", "location", "hint"] { #expect(party[key] != nil, "finding lacks \(key)") }
        let location = try #require(party["location"] as? [String: Any])
        #expect(location["section"] as? String == "Betrokken partijen")
    }

    @Test func htmlIsSelfContained() throws {
        var files = try Fixtures.completeFiles()
        files.append(("bijlagen/x.txt", Array("<script src=\"https://evil\"></script> url(x) @import".utf8)))
        let report = Fixtures.check(files)
        let html = CheckReportRenderer.html(report, language: .nl)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        for forbidden in ["http:", "https:", "src=", "@import", "url(", "<script", "<link"] {
            #expect(!html.contains(forbidden), "found \(forbidden)")
        }
        #expect(html.contains("<style>"))
    }

    @Test func textGroupsBySeverityThenFile() throws {
        let report = Fixtures.check(try Fixtures.completeFiles())
        let text = CheckReportRenderer.text(report, language: .nl, colour: false)
        #expect(!text.contains("\u{1B}["))
        #expect(text.contains("Opmerkingen ("))
        #expect(text.hasSuffix("COMPLEET: " + report.summary.text(in: .nl) + "\n"))
        #expect(CheckReportRenderer.text(report, language: .nl, colour: true).contains("\u{1B}["))
    }

    @Test func batchEqualsSingleChecksAndSurvivesABrokenZip() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-batch-\(UUID().uuidString)").path
        _ = try Fixtures.writeFolder(try Fixtures.completeFiles(), in: parent, name: "a-compleet")
        var incomplete = try Fixtures.completeFiles()
        incomplete.removeAll { $0.name == "uea/uea-2.docx" }
        try Data(try Fixtures.zip(incomplete)).write(to: URL(fileURLWithPath: parent + "/b-onvolledig.zip"))
        try Data("PK\u{3}\u{4} dit is geen zip".utf8).write(to: URL(fileURLWithPath: parent + "/c-kapot.zip"))
        let paths = try BatchCheck.submissions(in: parent)
        #expect(paths.count == 3)
        let options = CheckOptions(now: Fixtures.now)
        let entries = BatchCheck(profile: Fixtures.profile, options: options).run(paths: paths)
        #expect(entries.map(\.name) == ["a-compleet", "b-onvolledig.zip", "c-kapot.zip"])
        for entry in entries.prefix(2) {
            let single = try CheckEngine().check(path: entry.path, profile: Fixtures.profile, options: options)
            #expect(entry.report?.findings == single.findings)
        }
        #expect(entries[0].report?.complete == true)
        #expect(entries[1].report?.complete == false)
        #expect(entries[2].report == nil)
        let overview = BatchCheck.overview(entries, format: .text, language: .nl)
        #expect(overview.contains("kon niet worden gecontroleerd"))
        let csv = BatchCheck.overview(entries, format: .csv, language: .en)
        let lines = csv.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("submission,verdict,errors,warnings,submission,sections"))
        #expect(lines[2].hasPrefix("b-onvolledig.zip,incomplete,1,"))
        let html = BatchCheck.overview(entries, format: .html, language: .nl)
        #expect(!html.contains("http") && !html.contains("src="))
    }
}
