import Foundation
import Testing

@Suite struct LintCommandTests {
    static let samples = Run.projectRoot + "/samples/tenders"

    func temporary(_ text: String, name: String = "t.yaml") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-lint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func achterhoekIsCleanOfErrors() throws {
        let run = try Run.dossier(["lint", "\(Self.samples)/achterhoek-2021.yaml"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(!run.stdout.contains(": fout: "))
        #expect(run.stdout.hasSuffix("achterhoek-2021.yaml: 1 waarschuwing\n"))
    }

    @Test func amersfootReportsTheSharesInDutchAndEnglish() throws {
        let file = "\(Self.samples)/lint/amersfoort-2023-aandelen-99.yaml"
        let run = try Run.dossier(["lint", file])
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("\(file):10:3: fout: de aandelen van de gemeenten voor perceel jeugd tellen op tot 99%") == true, "\(run.stdout)")
        #expect(lines.last == "\(file): 1 fout")
        let english = try Run.dossier(["lint", "--lang", "en", file])
        #expect(english.status == 1)
        #expect(english.stdout.contains(":10:3: error: the municipalities' shares for perceel jeugd sum to 99%"))
        let json = try Run.dossier(["lint", "--format", "json", file])
        #expect(json.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let findings = object?["findings"] as? [[String: Any]] ?? []
        #expect(findings.first?["rule"] as? String == "municipal-shares-sum")
        #expect(findings.first?["line"] as? Int == 10)
    }

    @Test func unreadableInputExitsTwoWithOneLine() throws {
        let missing = try Run.dossier(["lint", "/nonexistent/tender.yaml"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "dossier: /nonexistent/tender.yaml: bestand niet gevonden of niet leesbaar\n")
        let english = try Run.dossier(["lint", "--lang", "en", "/nonexistent/tender.yaml"])
        #expect(english.status == 2)
        #expect(english.stderr == "dossier: /nonexistent/tender.yaml: file not found or not readable\n")
        let syntax = try temporary("titel: [unclosed\n")
        let bad = try Run.dossier(["lint", syntax])
        #expect(bad.status == 2)
        #expect(bad.stderr.hasPrefix("dossier: \(syntax):") && bad.stderr.contains("geen geldige YAML of JSON"))
        #expect(bad.stderrLines.count == 1)
        var bomb = ["a: &a [x, x, x, x, x, x, x, x, x]"]
        for (previous, name) in zip(["a", "b", "c", "d", "e", "f", "g", "h"], ["b", "c", "d", "e", "f", "g", "h", "i"]) {
            bomb.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]")
        }
        let bombFile = try temporary(bomb.joined(separator: "\n") + "\n")
        let exploded = try Run.dossier(["lint", bombFile])
        #expect(exploded.status == 2)
        #expect(exploded.stderr.contains("aliassen"))
        #expect(exploded.cpuSeconds < 2, "\(exploded.cost)")
    }

    @Test func loadErrorsAreFindingsWithExitOne() throws {
        let text = (try String(contentsOfFile: "\(Self.samples)/achterhoek-2021.yaml", encoding: .utf8))
            .replacingOccurrences(of: "    segmenten:", with: "    segmnten:")
        let file = try temporary(text)
        let run = try Run.dossier(["lint", file])
        #expect(run.status == 1)
        #expect(run.stdout.contains(": fout: onbekende sleutel „segmnten” in percelen[0] [unknown-key]"))
        #expect(run.stdout.contains("tip: bedoelde je „segmenten”?"))
    }
}
