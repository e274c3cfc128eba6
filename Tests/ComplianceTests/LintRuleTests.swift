import Compliance
import Foundation
import Testing

/// Each rule: the base tender passes; a small change fails with the rule's id, severity and position.
@Suite struct LintRuleTests {
    struct Case: CustomStringConvertible, Sendable {
        var rule: String
        var severity: Severity
        var old: String
        var new: String
        /// Text whose start is the expected position (in the changed tender).
        var at: String
        var nth = 1
        var description: String { "\(rule): \(new)" }
    }

    static let cases: [Case] = [
        Case(rule: "weights-sum", severity: .error, old: "weging: 40", new: "weging: 39", at: "criteria:"),
        Case(rule: "municipal-shares-sum", severity: .error, old: "aandeel: { p1: 40 }", new: "aandeel: { p1: 39 }", at: "gemeenten:"),
        Case(rule: "municipal-shares-sum", severity: .error, old: "aandeel: { p1: 40 }", new: "aandeel: { p1: 40, p2: 5 }", at: "p2"),
        Case(rule: "providers-range", severity: .error, old: "{ minimum: 1, maximum: 3 }", new: "{ minimum: 4, maximum: 3 }", at: "maximum"),
        Case(rule: "providers-range", severity: .error, old: "{ minimum: 1, maximum: 3 }", new: "{ minimum: 0, maximum: 3 }", at: "minimum"),
        Case(rule: "criteria-missing", severity: .error,
             old: "        criteria:\n          - { id: a, naam: A, weging: 60 }\n          - { id: b, naam: B, weging: 40 }\n", new: "", at: "id: s1"),
        Case(rule: "planning-order", severity: .error, old: "gunningsbeslissing: 2024-04-01", new: "gunningsbeslissing: 2024-02-01",
             at: "gunningsbeslissing"),
        Case(rule: "planning-order", severity: .error, old: "nota_van_inlichtingen: 2024-01-22", new: "nota_van_inlichtingen: 2024-01-14",
             at: "nota_van_inlichtingen"),
        Case(rule: "terms", severity: .error,
             old: "  vragenrondes:\n    - vragen_uiterlijk: 2024-01-15\n      nota_van_inlichtingen: 2024-01-22\n  sluiting_selectiefase: 2024-02-15 12:00",
             new: "  sluiting_selectiefase: 2024-01-25 12:00",
             at: "sluiting_selectiefase"),
        Case(rule: "terms", severity: .error, old: "standstill_einde: 2024-04-25", new: "standstill_einde: 2024-04-15", at: "standstill_einde"),
        Case(rule: "terms", severity: .error, old: "nota_van_inlichtingen: 2024-01-22", new: "nota_van_inlichtingen: 2024-02-10",
             at: "nota_van_inlichtingen"),
        Case(rule: "terms", severity: .warning, old: "regime: europees\n", new: "regime: sociaal-licht\n",
             at: "standstill_einde", nth: 1),
        Case(rule: "contact-ban-sanction", severity: .warning, old: "  sanctie: uitsluiting\n", new: "", at: "contactverbod:"),
        Case(rule: "third-party-own-espd", severity: .warning, old: "partijen: {}", new: "partijen: { derden_eigen_uea: false }",
             at: "derden_eigen_uea"),
        Case(rule: "criterion-limits", severity: .warning, old: "{ id: a, naam: A, weging: 60 }",
             new: "{ id: a, naam: A, weging: 60, maximum_woorden: 500, maximum_paginas: 2 }", at: "maximum_paginas"),
        Case(rule: "criterion-limits", severity: .error, old: "{ id: a, naam: A, weging: 60 }",
             new: "{ id: a, naam: A, weging: 60, maximum_woorden: 0 }", at: "maximum_woorden"),
    ]

    @Test(arguments: cases)
    func ruleFires(_ test: Case) throws {
        var text = tender(replacing: test.old, with: test.new)
        if test.rule == "terms" && test.severity == .warning {
            // Light regime: a 10-day standstill is allowed by the own term but shorter than the full 20.
            text = text.replacingOccurrences(of: "standstill_einde: 2024-04-25", with: "standstill_einde: 2024-04-11\n  termijnen: { standstill_dagen: 10 }")
        }
        let loaded = try TenderLoader.load(text: text, file: "t.yaml")
        #expect(loaded.isComplete, "\(loaded.findings)")
        let findings = try lint(text)
        let matching = findings.filter { $0.ruleID == test.rule }
        #expect(matching.count == 1, "\(findings)")
        let finding = try #require(matching.first)
        #expect(finding.severity == test.severity)
        #expect(finding.location.file == "t.yaml")
        #expect(finding.location.position == position(of: test.at, in: text, nth: test.nth), "\(finding)")
        #expect(!finding.message.nl.isEmpty && !finding.message.en.isEmpty && finding.message.nl != finding.message.en)
        // Nothing else fires.
        #expect(findings.count == 1, "\(findings)")
    }

    @Test func ownTermsAreErrorsUnderTheLightRegime() throws {
        var text = tender(replacing: "regime: europees\n", with: "regime: sociaal-licht\n")
        text = text.replacingOccurrences(of: "standstill_einde: 2024-04-25", with: "standstill_einde: 2024-04-11\n  termijnen: { standstill_dagen: 14 }")
        let findings = try lint(text).filter { $0.ruleID == "terms" }
        #expect(findings.map(\.severity) == [.error])
        #expect(findings.first?.message.en.contains("termijnen.standstill_dagen") == true)
    }

    @Test func nationalRegimeGivesWarningsOnly() throws {
        var text = tender(replacing: "regime: europees\n", with: "regime: nationaal\n")
        text = text.replacingOccurrences(of: "sluiting_selectiefase: 2024-02-15 12:00", with: "sluiting_selectiefase: 2024-01-30 12:00")
        let findings = try lint(text)
        #expect(!findings.isEmpty && findings.allSatisfy { $0.severity == .warning && $0.ruleID == "terms" }, "\(findings)")
    }

    @Test func weightsOfAPerceelWithoutSegments() throws {
        let text = tender(replacing: """
            segmenten:
              - id: s1
                naam: Segment
                aanbieders: { minimum: 1, maximum: 3 }
                criteria:
                  - { id: a, naam: A, weging: 60 }
                  - { id: b, naam: B, weging: 40 }
        """, with: """
            criteria:
              - { id: a, naam: A, weging: 12.5 }
              - { id: b, naam: B, weging: 80 }
        """)
        let findings = try lint(text)
        #expect(findings.map(\.ruleID) == ["weights-sum"])
        #expect(findings.first?.message.nl.contains("92,5") == true)
        #expect(findings.first?.message.en.contains("92.5") == true)
    }

    @Test func reportersRenderLinesAndJSON() throws {
        let text = tender(replacing: "weging: 40", with: "weging: 39")
        let findings = try lint(text)
        let output = TextReporter().render(findings, subject: "t.yaml", language: .nl)
        let where_ = try #require(position(of: "criteria:", in: text))
        #expect(output.hasPrefix("t.yaml:\(where_.line):\(where_.column): fout: de wegingen van segment p1/s1 tellen op tot 99"))
        #expect(output.hasSuffix("t.yaml: 1 fout\n"))
        let english = TextReporter().render(findings, subject: "t.yaml", language: .en)
        #expect(english.contains(": error: the weights of segment p1/s1 sum to 99"))
        let json = JSONReporter().render(findings, subject: "t.yaml", language: .en)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((object["summary"] as? [String: Any])?["errors"] as? Int == 1)
        #expect(((object["findings"] as? [[String: Any]])?.first?["rule"] as? String) == "weights-sum")
    }
}
