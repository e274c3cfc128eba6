import Compliance
import DocModel
import Foundation
import Testing
import TestSupport

@Suite struct LoaderTests {
    @Test func baseTenderIsClean() throws {
        let result = try TenderLoader.load(text: baseTender, file: "t.yaml")
        #expect(result.findings.isEmpty, "\(result.findings)")
        #expect(try lint(baseTender).isEmpty)
        #expect(result.tender.lots.first?.segments.first?.criteria.map(\.weight) == [60, 40])
        #expect(result.tender.planning.publication?.description == "2024-01-01 09:00")
        // A date alone on a deadline-like key means 23:59.
        #expect(result.tender.planning.standstillEnd?.description == "2024-04-25 23:59")
        #expect(result.tender.planning.awardDecision?.description == "2024-04-01 00:00")
    }

    @Test func achterhoekSampleLoadsWithAllSegments() throws {
        let result = try TenderLoader.load(path: samplesFolder + "/achterhoek-2021.yaml")
        #expect(result.isComplete, "\(result.findings)")
        let tender = result.tender
        #expect(tender.lots.map(\.id) == ["jeugd", "wmo"])
        #expect(tender.lots[0].segments.map(\.id) == ["integraal-ambulant", "gezins-woonvormen", "hoog-complex"])
        #expect(tender.lots[0].segments.flatMap(\.subSegments).count == 11)
        #expect(tender.lots[1].segments.map(\.id) == ["ondersteuning", "wonen", "logeren"])
        let ondersteuning = tender.lots[0].segments[0].subSegments[1]
        #expect(ondersteuning.providers?.minimum == 29 && ondersteuning.providers?.maximum == 40)
        #expect(tender.lots[1].segments[2].providers?.minimum == 3 && tender.lots[1].segments[2].providers?.maximum == 9)
        #expect(tender.minimumRequirements.count == 7)
        #expect(tender.planning.publication?.text == "2021-04-01 09:00")
        #expect(tender.contactBan.sanction != nil)
        #expect(tender.regime == .socialLight)
        let findings = try TenderLint.lint(path: samplesFolder + "/achterhoek-2021.yaml")
        #expect(!findings.contains { $0.severity == .error }, "\(findings)")
    }

    @Test func amersfoortSampleReportsNinetyNinePercent() throws {
        let result = try TenderLoader.load(path: samplesFolder + "/lint/amersfoort-2023-aandelen-99.yaml")
        #expect(result.isComplete, "\(result.findings)")
        #expect(result.tender.lots.count == 3)
        #expect(result.tender.lots.allSatisfy { $0.maximumProviders == 3 && $0.criteria.count == 5 })
        let findings = try TenderLint.lint(path: samplesFolder + "/lint/amersfoort-2023-aandelen-99.yaml")
        let errors = findings.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.ruleID == "municipal-shares-sum")
        #expect(errors.first?.message.nl.contains("99%") == true)
    }

    @Test func unknownKeySuggestsTheRightOne() throws {
        let text = tender(replacing: "    segmenten:", with: "    segmnten:")
        let findings = try TenderLoader.load(text: text, file: "t.yaml").findings
        let unknown = try #require(findings.first { $0.ruleID == "unknown-key" })
        #expect(unknown.severity == .error)
        #expect(unknown.location.position == position(of: "segmnten", in: text))
        #expect(unknown.hint?.nl == "bedoelde je „segmenten”?")
        #expect(unknown.hint?.en == "did you mean \"segmenten\"?")
        #expect(unknown.location.path == "percelen[0].segmnten")
    }

    @Test func typeErrorsAreCollectedInOnePass() throws {
        var text = tender(replacing: "weging: 60", with: "weging: 60%")
        text = text.replacingOccurrences(of: "initieel_jaren: 2", with: "initieel_jaren: twee")
        text = text.replacingOccurrences(of: "publicatie: 2024-01-01 09:00", with: "publicatie: 2024-02-30")
        text = text.replacingOccurrences(of: "platform: TenderNed", with: "platform: TenderNet")
        text = text.replacingOccurrences(of: "- id: s1", with: "- id: S 1")
        text = text.replacingOccurrences(of: "  email: a@b.nl\n", with: "")
        text = text.replacingOccurrences(of: "{ id: b,", with: "{ id: a,")
        let findings = try TenderLoader.load(text: text, file: "t.yaml").findings
        let rules = Set(findings.map(\.ruleID))
        #expect(rules == ["wrong-type", "invalid-date", "invalid-value", "invalid-id", "missing-key", "duplicate-id"], "\(findings)")
        #expect(findings.filter { $0.ruleID == "wrong-type" }.count == 2)
        let weight = try #require(findings.first { $0.location.path?.hasSuffix("weging") == true })
        #expect(weight.location.position == position(of: "60%", in: text))
        #expect(weight.hint != nil)
        let platform = try #require(findings.first { $0.ruleID == "invalid-value" })
        #expect(platform.hint?.en == "did you mean \"TenderNed\"?")
        // Lint rules do not run on a file with load errors.
        #expect(try lint(text).allSatisfy { !["weights-sum", "criteria-missing"].contains($0.ruleID) })
    }

    @Test func aliasBombEndsQuicklyWithAClearError() throws {
        var lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for index in 1..<names.count {
            let previous = names[index - 1]
            lines.append("\(names[index]): &\(names[index]) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]")
        }
        let text = lines.joined(separator: "\n") + "\n"
        let cost = CPUCost.measure {
            #expect {
                _ = try TenderLoader.load(text: text, file: "bomb.yaml")
            } throws: { error in
                guard let error = error as? TenderLoadError else { return false }
                return error.kind == .aliasExpansion && error.message(in: .nl).contains("aliassen")
            }
        }
        #expect(cost.cpuSeconds < 1, "\(cost)")
    }

    @Test func aLargeFileWithoutAliasesIsNotBlamedOnAliases() throws {
        let text = "regels:\n" + String(repeating: "  - 1\n", count: 2_000)
        #expect {
            _ = try GuardedYAML.compose(text, file: "data.yaml", maxNodes: 1_000)
        } throws: { error in
            guard let error = error as? TenderLoadError else { return false }
            let message = error.message(in: .nl)
            return error.kind == .tooLarge && message.contains("te veel knopen") && !message.contains("aliassen")
        }
        // The same size with an alias in it keeps the alias advice.
        let aliased = "a: &x 1\nb: *x\n" + text
        #expect {
            _ = try GuardedYAML.compose(aliased, file: "data.yaml", maxNodes: 1_000)
        } throws: { ($0 as? TenderLoadError)?.kind == .aliasExpansion }
    }

    @Test func deepNestingIsRefusedBeforeComposing() throws {
        let text = "a: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n"
        #expect(throws: TenderLoadError.self) { _ = try TenderLoader.load(text: text, file: "deep.yaml") }
        let chain = "a:\n" + String(repeating: "- ", count: 50_000) + "x\n"
        #expect(throws: TenderLoadError.self) { _ = try TenderLoader.load(text: chain, file: "deep.yaml") }
    }

    @Test func syntaxErrorsAndNonMappingsAreUnreadable() throws {
        #expect {
            _ = try TenderLoader.load(text: "titel: [unclosed\n", file: "bad.yaml")
        } throws: { ($0 as? TenderLoadError)?.kind == .syntax && ($0 as? TenderLoadError)?.position != nil }
        #expect {
            _ = try TenderLoader.load(text: "- a\n- b\n", file: "list.yaml")
        } throws: { ($0 as? TenderLoadError)?.kind == .notAMapping }
        var limits = TenderLoadLimits()
        limits.maxFileSize = 10
        #expect {
            _ = try TenderLoader.load(text: baseTender, file: "big.yaml", limits: limits)
        } throws: { ($0 as? TenderLoadError)?.kind == .tooLarge }
    }

    @Test func jsonInputWorks() throws {
        let json = """
        {"versie": 1, "titel": "JSON", "aanbestedende_dienst": {"naam": "Regio"},
         "kenmerk": {"platform": "Negometrix", "nummer": "42"}, "procedure": "openbaar", "regime": "nationaal",
         "planning": {"publicatie": "2024-01-01", "sluiting_gunningsfase": "2024-02-01 12:00"},
         "looptijd": {"initieel_jaren": 1, "verlengingen": [1]},
         "percelen": [{"id": "p", "naam": "P", "criteria": [{"id": "k", "naam": "K", "weging": 100, "maximum_paginas": 2}]}],
         "dossier": {"formaat": ["pdf"]}, "partijen": {"derden_eigen_uea": true},
         "contactverbod": {"tekst": "t", "sanctie": "s"}, "klachten": {"naam": "n", "email": "e"},
         "extra": 1}
        """
        let result = try TenderLoader.load(text: json, file: "t.json")
        #expect(result.tender.title == "JSON")
        #expect(result.tender.lots.first?.criteria.first?.maximumPages == 2)
        #expect(result.tender.duration.dutchText == "1 jaar met één verlenging van 1 jaar")
        #expect(result.findings.map(\.ruleID) == ["unknown-key"])
        #expect(result.findings.first?.location.position == position(of: "\"extra\"", in: json))
        // A quoted number is text, not a number.
        let quoted = json.replacingOccurrences(of: "\"weging\": 100", with: "\"weging\": \"100\"").replacingOccurrences(of: ",\n \"extra\": 1", with: "")
        #expect(try TenderLoader.load(text: quoted, file: "t.json").findings.map(\.ruleID) == ["wrong-type"])
    }

    @Test func suggestionsUseDamerauDistance() {
        #expect(Suggestions.distance("segmnten", "segmenten") == 1)
        #expect(Suggestions.distance("wegnig", "weging") == 1)
        #expect(Suggestions.closest(to: "tittel", in: TenderKeys.top.allowed) == "titel")
        #expect(Suggestions.closest(to: "volkomen-anders", in: TenderKeys.top.allowed) == nil)
    }

    @Test func schemaMatchesTheLoader() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: projectRoot + "/docs/tender.schema.json"))
        let schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(Set(schema["required"] as? [String] ?? []) == Set(TenderLoader.requiredTopLevelKeys))
        let properties = try #require(schema["properties"] as? [String: Any])
        #expect(Set(properties.keys) == Set(TenderLoader.topLevelKeys))
        #expect(schema["additionalProperties"] as? Bool == false)
    }
}
