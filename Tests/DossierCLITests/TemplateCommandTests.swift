import Foundation
import Testing
import PackageIO

@Suite struct TemplateCommandTests {
    static func template(_ body: String) throws -> [UInt8] {
        let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
        var writer = ZipWriter()
        writer.add(name: "[Content_Types].xml", bytes: Array("""
            <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
            """.utf8))
        writer.add(name: "_rels/.rels", bytes: Array("""
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
            """.utf8))
        writer.add(name: "word/document.xml", bytes: Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document \(w)><w:body>\(body)</w:body></w:document>".utf8))
        return try writer.finish()
    }

    static func p(_ text: String) -> String { "<w:p><w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>" }

    func scratch() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-template-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func renderYAMLAndJSON() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let body = Self.p("{{titel}} {{sluiting | datumtijd}} {{#ja}}ja{{/ja}} {{n | procent}}") + Self.p("{{#percelen}}") + Self.p("- {{naam}}") + Self.p("{{/percelen}}")
        try Data(Self.template(body)).write(to: URL(fileURLWithPath: folder + "/t.docx"))
        try "titel: \"Jeugd & Wmo\"\nja: true\nn: 12.5\nsluiting: 2021-04-01 09:00\npercelen:\n  - naam: A\n  - naam: B\n"
            .write(toFile: folder + "/d.yaml", atomically: true, encoding: .utf8)
        let run = try Run.dossier(["render", folder + "/t.docx", folder + "/d.yaml", "-o", folder + "/out.docx"])
        #expect(run.status == 0, "\(run.stderr)")
        let inspect = try Run.dossier(["inspect", "--model", folder + "/out.docx"])
        #expect(inspect.status == 0)
        #expect(inspect.stdout.contains("Jeugd & Wmo 1 april 2021, 09:00 uur ja 12,5%"))
        #expect(inspect.stdout.contains("- A") && inspect.stdout.contains("- B"))

        try "{\"titel\": \"J\", \"ja\": false, \"n\": 15, \"sluiting\": \"2021-04-01T09:00\", \"percelen\": []}"
            .write(toFile: folder + "/d.json", atomically: true, encoding: .utf8)
        // No overwrite without --force.
        let refused = try Run.dossier(["render", folder + "/t.docx", folder + "/d.json", "-o", folder + "/out.docx"])
        #expect(refused.status == 2 && refused.stderr.contains("--force"))
        let forced = try Run.dossier(["render", folder + "/t.docx", folder + "/d.json", "-o", folder + "/out.docx", "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        let again = try Run.dossier(["inspect", "--model", folder + "/out.docx"])
        #expect(again.status == 0)
        #expect(again.stdout.contains("J 1 april 2021, 09:00 uur  15%"))
    }

    @Test func renderErrorsAndUnreadableInput() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data(Self.template(Self.p("{{#a}}") + Self.p("{{b}} {{c | raar}}"))).write(to: URL(fileURLWithPath: folder + "/t.docx"))
        try "{}".write(toFile: folder + "/d.json", atomically: true, encoding: .utf8)
        let run = try Run.dossier(["render", folder + "/t.docx", folder + "/d.json", "-o", folder + "/out.docx"])
        #expect(run.status == 1)
        #expect(run.stderrLines.count == 4, "\(run.stderr)")
        #expect(run.stderr.contains("word/document.xml, alinea 1: {{#a}} wordt niet gesloten"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/out.docx"))
        let allowed = try Run.dossier(["render", folder + "/t.docx", folder + "/d.json", "-o", folder + "/out.docx", "--allow-missing", "--lang", "en"])
        #expect(allowed.status == 1 && allowed.stderr.contains("paragraph 1: {{#a}} is not closed"))
        let missing = try Run.dossier(["render", folder + "/nee.docx", folder + "/d.json", "-o", folder + "/out.docx"])
        #expect(missing.status == 2)
        try "a: [".write(toFile: folder + "/bad.yaml", atomically: true, encoding: .utf8)
        let bad = try Run.dossier(["render", folder + "/t.docx", folder + "/bad.yaml", "-o", folder + "/out.docx"])
        #expect(bad.status == 2 && bad.stderr.contains("geen geldige YAML"))
    }

    @Test func templateVars() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data(Self.template(Self.p("{{titel}} {{#percelen}}{{naam}}{{#segmenten}}{{naam}}{{/segmenten}}{{/percelen}}{{^x}}-{{/x}}")))
            .write(to: URL(fileURLWithPath: folder + "/t.docx"))
        let run = try Run.dossier(["template", "vars", folder + "/t.docx"])
        #expect(run.status == 0)
        #expect(run.stdout == "titel\n#percelen\n  naam\n  #segmenten\n    naam\n^x\n")
        let missing = try Run.dossier(["template", "vars", folder + "/nee.docx"])
        #expect(missing.status == 2 && missing.stderr.contains("bestand niet gevonden"))
    }
}

/// Hostile data files for `dossier render`: an alias bomb and very deep nesting end quickly
/// with one line and exit 2 (found by running the hostile inputs through every command).
@Suite struct RenderHostileDataTests {
    @Test func aliasBombAndDeepNestingAreRefusedQuickly() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            bomb += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        let cases = [("bom.yaml", bomb), ("diep.json", String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000))]
        for (name, text) in cases {
            let path = folder.appendingPathComponent(name).path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let run = try Run.dossier(["render", Run.projectRoot + "/templates/selectieleidraad.docx", path, "-o", folder.appendingPathComponent("uit.docx").path])
            #expect(run.status == 2, "\(name)")
            #expect(run.stderrLines.count == 1, "\(name): \(run.stderr)")
            #expect(run.cpuSeconds < 2, "\(name): \(run.cost)")
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("uit.docx").path))
        }
    }
}
