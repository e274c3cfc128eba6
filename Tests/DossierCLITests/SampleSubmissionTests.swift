import Foundation
import Testing

/// Every sample submission (samples/submissions, made from the tender's own form by
/// scripts/make-submissions.py) gives exactly its verdict: the rules its defects must raise,
/// with their severity, and no others; exit 0 for a complete one, 1 otherwise.
@Suite struct SampleSubmissionTests {
    struct Case: Sendable, CustomStringConvertible {
        var tender: String
        var name: String
        var defects: [String]
        var description: String { "\(tender)/\(name)" }
    }

    static let root = Run.projectRoot + "/samples/submissions"

    static let cases: [Case] = {
        guard let data = FileManager.default.contents(atPath: root + "/cases.json"),
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let list = json["cases"] as? [[String: Any]] else { return [] }
        return list.map { Case(tender: $0["tender"] as? String ?? "", name: $0["case"] as? String ?? "", defects: $0["defects"] as? [String] ?? []) }
    }()

    /// A moment five days before each sample tender's selection deadline.
    static let now = ["achterhoek-2021": "2021-05-01 10:00", "amersfoort-2023": "2022-05-11 10:00"]

    /// The rule and severity each kind of defect must raise.
    static let expected: [String: String] = [
        "sectie-ontbreekt": "sections error", "veld-leeg": "fields error", "kvk-ongeldig": "fields error",
        "woordlimiet": "content error", "uea-derde-ontbreekt": "parties error", "bewijs-verouderd": "evidence error",
        "referenties-te-weinig": "references error", "bijgehouden-wijzigingen": "hygiene error",
        "opmerking": "hygiene warning", "bsn": "hygiene error", "formaat": "submission error",
    ]

    @Test func theCasesAreThere() {
        #expect(Self.cases.count >= 25)
        #expect(Set(Self.cases.flatMap(\.defects)).isSubset(of: Set(Self.expected.keys)))
    }

    @Test(arguments: cases)
    func givesExactlyItsVerdict(_ sample: Case) throws {
        let run = try Run.dossier([
            "check", "\(Self.root)/\(sample.tender)/\(sample.name)", "--tender", "\(Run.projectRoot)/samples/tenders/\(sample.tender).yaml",
            "--now", Self.now[sample.tender] ?? "", "--format", "json",
        ])
        let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any] ?? [:]
        let findings = report["findings"] as? [[String: Any]] ?? []
        let raised = Set(findings.compactMap { finding -> String? in
            guard let severity = finding["severity"] as? String, severity != "info" else { return nil }
            return "\(finding["rule"] as? String ?? "") \(severity)"
        })
        let wanted = Set(sample.defects.compactMap { Self.expected[$0] })
        #expect(raised == wanted, "\(sample): raised \(raised.sorted()), expected \(wanted.sorted())")
        let incomplete = wanted.contains { $0.hasSuffix("error") }
        #expect(run.status == (incomplete ? 1 : 0), "\(sample): exit \(run.status) \(run.stderr)")
        #expect(report["complete"] as? Bool == !incomplete)
    }
}

/// The officer's batch over every sample submission of a tender, in parallel, gives for each
/// submission the same verdict and error and warning counts as checking it alone.
@Suite struct SampleBatchTests {
    @Test(arguments: ["achterhoek-2021", "amersfoort-2023"])
    func batchEqualsSingleChecks(_ tender: String) throws {
        let folder = "\(SampleSubmissionTests.root)/\(tender)"
        let tenderFile = "\(Run.projectRoot)/samples/tenders/\(tender).yaml"
        let now = SampleSubmissionTests.now[tender] ?? ""
        let batch = try Run.dossier(["check", "--batch", folder, "--tender", tenderFile, "--now", now, "--format", "csv"])
        #expect(batch.status == 1, "\(batch.stderr)")
        var rows = batch.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = rows.removeFirst()
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasPrefix(".") }
        #expect(rows.map { $0[0] }.sorted() == names.sorted())
        for row in rows {
            let single = try Run.dossier(["check", "\(folder)/\(row[0])", "--tender", tenderFile, "--now", now, "--format", "json"])
            let report = try JSONSerialization.jsonObject(with: Data(single.stdout.utf8)) as? [String: Any] ?? [:]
            let findings = report["findings"] as? [[String: Any]] ?? []
            let errors = findings.filter { $0["severity"] as? String == "error" }.count
            let warnings = findings.filter { $0["severity"] as? String == "warning" }.count
            // Exit 0 complete, 1 incomplete.
            #expect(single.status == ((report["complete"] as? Bool ?? false) ? 0 : 1), "\(row[0]): \(single.stderr)")
            #expect(row[header.firstIndex(of: "fouten") ?? 2] == "\(errors)", "\(row[0])")
            #expect(row[header.firstIndex(of: "waarschuwingen") ?? 3] == "\(warnings)", "\(row[0])")
            #expect(row[1] == ((report["complete"] as? Bool ?? false) ? "compleet" : "niet compleet"), "\(row[0])")
        }
    }
}

/// `--render`: the page limit measured by converting the dossier with LibreOffice, and the
/// report names that measure.
@Suite(.enabled(if: Run.tool("soffice") != nil, "LibreOffice is not installed (make test installs it): --render not tested"))
struct RenderedPageLimitTests {
    @Test func aDossierOverThePageLimitIsReportedWithTheMeasureUsed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try String(contentsOfFile: "\(Run.projectRoot)/samples/tenders/achterhoek-2021.yaml", encoding: .utf8)
        let tender = folder.appendingPathComponent("krap.yaml").path
        try source.replacingOccurrences(of: "maximum_paginas: 20", with: "maximum_paginas: 3").write(toFile: tender, atomically: true, encoding: .utf8)
        let run = try Run.dossier(["check", "\(SampleSubmissionTests.root)/achterhoek-2021/compleet", "--tender", tender,
                                   "--now", "2021-05-01 10:00", "--render", "--format", "json"])
        #expect(run.status == 1)
        let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any] ?? [:]
        let findings = report["findings"] as? [[String: Any]] ?? []
        let pages = findings.first { finding in
            let message = finding["message"] as? String ?? ""
            return finding["rule"] as? String == "content" && message.contains("pagina")
        }
        let severity = pages?["severity"] as? String
        let message = pages?["message"] as? String ?? ""
        #expect(severity == "error")
        #expect(message.contains("LibreOffice"), "\(message)")
    }
}
