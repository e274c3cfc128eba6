import Compliance
import Foundation
import Testing
import PackageIO
import DocTemplates

/// `dossier check` from the binary: exit codes, --now, formats, --batch.
@Suite struct CheckCommandTests {
    static let tenderPath = Run.projectRoot + "/samples/tenders/achterhoek-2021.yaml"
    static let now = "2021-05-01T10:00:00+02:00"

    /// A small complete submission built from the real form, with a few files of evidence.
    static func submission(in parent: String, name: String, withDerdeUEA: Bool = true) throws -> String {
        let tender = try TenderLoader.load(path: tenderPath).tender
        let bytes = try TemplateRenderer.render(templateAt: Run.projectRoot + "/templates/bekwaamheidsdossier.docx", data: tender.templateData)
        let archive = try ZipArchive(bytes: bytes)
        var xml = String(decoding: try archive.read("word/document.xml"), as: UTF8.self)
        func fill(_ tag: String, _ value: String) {
            let tagRange = xml.range(of: "<w:tag w:val=\"\(tag)\"/>")!
            let end = xml.range(of: "</w:sdtPr>", range: tagRange.upperBound..<xml.endIndex)!.lowerBound
            if let placeholder = xml.range(of: "<w:showingPlcHdr/>", range: tagRange.upperBound..<end) { xml.removeSubrange(placeholder) }
            xml.replaceSubrange(xml.range(of: "[invullen]", range: tagRange.upperBound..<xml.endIndex)!, with: value)
        }
        func tick(_ tag: String) {
            let tagRange = xml.range(of: "<w:tag w:val=\"\(tag)\"/>")!
            xml.replaceSubrange(xml.range(of: "<w14:checked w14:val=\"0\"/>", range: tagRange.upperBound..<xml.endIndex)!, with: "<w14:checked w14:val=\"1\"/>")
        }
        for (tag, value) in [("naam", "Zorggroep Oost B.V."), ("kvk", "12345678"), ("agb", "87654321"), ("percelen", "Maatwerkdiensten Jeugd, Integraal Ambulant Jeugdhulp"),
                             ("contactpersoon", "J. de Vries"), ("email", "info@example.nl"), ("telefoon", "0314-123 456"),
                             ("partij-1-rol", "Derde (beroep op capaciteit)"), ("partij-1-naam", "Jeugdhulp West"), ("partij-1-kvk", "23456789"),
                             ("referentie-1-opdrachtgever", "Gemeente Zutphen"), ("referentie-2-opdrachtgever", "Gemeente Apeldoorn"),
                             ("ondertekenaar-naam", "J. de Vries"), ("ondertekenaar-functie", "Bestuurder"), ("ondertekening-datum", "30 april 2021"),
                             ("handtekening", "J. de Vries")] {
            fill(tag, value)
        }
        for criterion in ["passende-hulp", "integrale-benadering", "samenwerking", "innovatie", "lokale-binding"] {
            fill("criterium-jeugd-integraal-ambulant-\(criterion)", "Wij werken samen met het wijkteam.")
        }
        for id in ["me-1", "me-2", "me-3", "me-4", "me-5", "me-6", "me-7", "me-jeugd-1"] { tick("bewijs-\(id)") }
        var writer = ZipWriter()
        for entry in archive.entries where !entry.isDirectory {
            writer.add(name: entry.name, bytes: entry.name == "word/document.xml" ? Array(xml.utf8) : try archive.read(entry))
        }
        func uea(_ name: String, _ kvk: String) throws -> [UInt8] {
            var w = ZipWriter()
            w.add(name: "[Content_Types].xml", bytes: Array("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>".utf8))
            w.add(name: "_rels/.rels", bytes: Array("<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>".utf8))
            w.add(name: "word/document.xml", bytes: Array("<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>Uniform Europees Aanbestedingsdocument</w:t></w:r></w:p><w:p><w:r><w:t>Naam: \(name), KvK-nummer: \(kvk)</w:t></w:r></w:p></w:body></w:document>".utf8))
            return try w.finish()
        }
        var files: [(String, [UInt8])] = [
            ("dossier.docx", try writer.finish()),
            ("uea-inschrijver.docx", try uea("Zorggroep Oost B.V.", "12345678")),
            ("kvk.txt", Array("Uittreksel Handelsregister Kamer van Koophandel\nKvK-nummer: 12345678\nDatum uittreksel: 15-04-2021\n".utf8)),
            ("agb.txt", Array("AGB-register: AGB-code 87654321\n".utf8)),
            ("verklaringen.txt", Array("Verklaringen me-2, me-3, me-5, me-6\n".utf8)),
            ("skj.txt", Array("SKJ-registratie gedragswetenschapper\n".utf8)),
            ("keurmerk.txt", Array("HKZ certificaat\n".utf8)),
        ]
        if withDerdeUEA { files.append(("uea-derde.docx", try uea("Jeugdhulp West", "23456789"))) }
        let folder = parent + "/" + name
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (file, data) in files { try Data(data).write(to: URL(fileURLWithPath: folder + "/" + file)) }
        return folder
    }

    static func scratch() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-check-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func exitCodesZeroOneTwo() throws {
        let parent = try Self.scratch()
        let complete = try Self.submission(in: parent, name: "compleet")
        let ok = try Run.dossier(["check", complete, "--tender", Self.tenderPath, "--now", Self.now])
        #expect(ok.status == 0, "\(ok.stdout)\(ok.stderr)")
        #expect(ok.stdout.contains("COMPLEET"))
        let incomplete = try Self.submission(in: parent, name: "onvolledig", withDerdeUEA: false)
        let bad = try Run.dossier(["check", incomplete, "--tender", Self.tenderPath, "--now", Self.now, "--lang", "en"])
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("no UEA found for derde (beroep op capaciteit) “Jeugdhulp West”"))
        try Data("not a zip".utf8).write(to: URL(fileURLWithPath: parent + "/kapot.zip"))
        let broken = try Run.dossier(["check", parent + "/kapot.zip", "--tender", Self.tenderPath])
        #expect(broken.status == 2)
        #expect(broken.stderr.hasPrefix("dossier: "))
        let missing = try Run.dossier(["check", parent + "/bestaat-niet", "--tender", Self.tenderPath])
        #expect(missing.status == 2)
        let usage = try Run.dossier(["check", complete])
        #expect(usage.status == 2)
    }

    @Test func nowMakesTheDeadlineReproducibleAndProfileWorks() throws {
        let parent = try Self.scratch()
        let complete = try Self.submission(in: parent, name: "compleet")
        let profile = parent + "/requirements.json"
        let tender = try TenderLoader.load(path: Self.tenderPath).tender
        try Data(try RequirementsProfile(tender: tender).jsonBytes()).write(to: URL(fileURLWithPath: profile))
        let first = try Run.dossier(["check", complete, "--profile", profile, "--now", Self.now, "--format", "json"])
        let second = try Run.dossier(["check", complete, "--profile", profile, "--now", Self.now, "--format", "json"])
        #expect(first.status == 0)
        #expect(second.status == 0)
        #expect(first.stdout == second.stdout)
        #expect(first.stdout.contains("nog 5 dagen en 2 uur tot de sluitingstermijn"))
        let late = try Run.dossier(["check", complete, "--profile", profile, "--now", "2021-05-07T09:00:00+02:00"])
        #expect(late.status == 1)
        #expect(late.stdout.contains("is verstreken"))
        let html = try Run.dossier(["check", complete, "--profile", profile, "--now", Self.now, "--format", "html", "-o", parent + "/rapport.html"])
        #expect(html.status == 0)
        let page = try String(contentsOfFile: parent + "/rapport.html", encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>") && !page.contains("https:"))
    }

    @Test func batchWritesAnOverviewAndKeepsGoing() throws {
        let parent = try Self.scratch()
        _ = try Self.submission(in: parent, name: "a")
        _ = try Self.submission(in: parent, name: "b", withDerdeUEA: false)
        try Data("PK\u{3}\u{4}kapot".utf8).write(to: URL(fileURLWithPath: parent + "/c.zip"))
        let run = try Run.dossier(["check", "--batch", parent, "--tender", Self.tenderPath, "--now", Self.now, "--format", "csv"])
        #expect(run.status == 1)
        #expect(run.stderr.isEmpty)  // no progress line: stderr is not a terminal
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[1].hasPrefix("a,compleet,0,"))
        #expect(lines[2].hasPrefix("b,niet compleet,1,"))
        #expect(lines[3].hasPrefix("c.zip,kon niet worden gecontroleerd,"))
        // --jobs: the same overview with one worker; only with --batch, 1 to 1024.
        let one = try Run.dossier(["check", "--batch", parent, "--tender", Self.tenderPath, "--now", Self.now, "--format", "csv", "--jobs", "1"])
        #expect(one.status == 1 && one.stdout == run.stdout)
        let zero = try Run.dossier(["check", "--batch", parent, "--tender", Self.tenderPath, "--jobs", "0"])
        #expect(zero.status == 2 && zero.stderr.contains("--jobs"))
        let single = try Run.dossier(["check", parent + "/a", "--tender", Self.tenderPath, "--jobs", "2"])
        #expect(single.status == 2 && single.stderr.contains("--jobs"))
    }
}
