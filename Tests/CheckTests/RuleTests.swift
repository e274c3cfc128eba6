import Compliance
import DocModel
import DutchTime
import Foundation
import Testing
import DocReaders

@Suite struct RuleTests {
    static let dossierName = "inschrijving/dossier-definitief.docx"

    func replacing(_ name: String, with bytes: [UInt8]?, in files: [(name: String, bytes: [UInt8])]) -> [(name: String, bytes: [UInt8])] {
        files.compactMap { $0.name == name ? bytes.map { (name, $0) } : $0 }
    }

    @Test func sectionsMissingWithNearMissAndOrder() throws {
        #expect(Fixtures.check(try Fixtures.completeFiles()).findings("sections").isEmpty)
        var form = Fixtures.completeForm()
        form.xml = form.xml.replacingOccurrences(of: "<w:t>Betrokken partijen</w:t>", with: "<w:t>Betrokken partijn</w:t>")
        let report = Fixtures.check(replacing(Self.dossierName, with: try form.bytes(), in: try Fixtures.completeFiles()))
        let finding = try #require(report.findings("sections", .error).first)
        #expect(finding.location.file == Self.dossierName)
        #expect(finding.location.field == "partijen")
        #expect(finding.location.section == "Betrokken partijen")
        #expect(finding.hint?.en.contains("did you mean “Betrokken partijn”") == true)
    }

    @Test func headingMatchIsTolerant() {
        #expect(TextMatch.normalizeHeading("3.1 Gégevens  Inschrijver:") == TextMatch.normalizeHeading("Gegevens inschrijver"))
        #expect(TextMatch.nearest("Betrokken partijen", in: ["Bijlagen", "Betrokken partijn"]) == "Betrokken partijn")
    }

    @Test func contentEmptyAndOverWordLimit() throws {
        var form = Fixtures.completeForm()
        let long = Array(repeating: "woord", count: 1001).joined(separator: " ")
        form.xml = form.xml.replacingOccurrences(of: "Wij bieden passende hulp dichtbij huis, samen met het wijkteam en de school.", with: long)
        let report = Fixtures.check(replacing(Self.dossierName, with: try form.bytes(), in: try Fixtures.completeFiles()))
        let over = report.findings("content", .error)
        #expect(over.count == 5)
        #expect(over.first?.location.field == "criterium-jeugd-integraal-ambulant-passende-hulp")
        #expect(over.first?.location.paragraph != nil)
        #expect(over.first?.message.en.contains("1001 words") == true)

        var empty = Fixtures.Form()
        empty.fill("percelen", "Maatwerkdiensten Jeugd, Integraal Ambulant Jeugdhulp")
        let emptyReport = Fixtures.check([(Self.dossierName, try empty.bytes())])
        let emptyFindings = emptyReport.findings("content", .error).filter { $0.message.en.contains("is empty") }
        #expect(emptyFindings.count == 5)   // only the chosen segment's criteria
        #expect(Fixtures.check(try Fixtures.completeFiles()).findings("content", .error).isEmpty)
    }

    @Test func pageLimitNamesItsMeasure() throws {
        // The rendered form carries no saved page count: the report says so.
        let report = Fixtures.check(try Fixtures.completeFiles())
        let note = try #require(report.findings("content", .info).first)
        #expect(note.message.en.contains("page limit (20) not checked"))
        #expect(report.measures.contains { $0.en.contains("--render") })
    }

    @Test func fieldsPlaceholderAndEightDigits() throws {
        var form = Fixtures.completeForm()
        form.xml = form.xml.replacingOccurrences(of: ">12345678<", with: ">1234567<")
        form.xml = form.xml.replacingOccurrences(of: ">J. de Vries</w:t>", with: ">[naam invullen]</w:t>")
        let report = Fixtures.check(replacing(Self.dossierName, with: try form.bytes(), in: try Fixtures.completeFiles()))
        let kvk = report.findings("fields", .error).filter { $0.location.field == "kvk" }
        #expect(!kvk.isEmpty)
        #expect(kvk.first?.location.section == "Gegevens inschrijver")
        #expect(report.findings("fields", .error).contains { $0.location.field == "contactpersoon" })
        #expect(Fixtures.check(try Fixtures.completeFiles()).findings("fields", .error).isEmpty)
    }

    @Test func unknownSegmentIsNamed() throws {
        var form = Fixtures.completeForm()
        form.xml = form.xml.replacingOccurrences(of: "Maatwerkdiensten Jeugd, Integraal Ambulant Jeugdhulp", with: "Maatwerkdiensten Jeugd, Integraal Ambulant Jeugdhlp")
        let report = Fixtures.check(replacing(Self.dossierName, with: try form.bytes(), in: try Fixtures.completeFiles()))
        let finding = try #require(report.findings("fields", .error).first { $0.location.field == "percelen" })
        #expect(finding.hint?.en.contains("Integraal Ambulant Jeugdhulp") == true)
    }

    @Test func partiesNeedTheirOwnUEA() throws {
        let files = replacing("uea/uea-2.docx", with: nil, in: try Fixtures.completeFiles())
            + [("uea/vreemd.docx", try Fixtures.uea(name: "Andere Partij", kvk: "99999999"))]
        let report = Fixtures.check(files)
        let missing = try #require(report.findings("parties", .error).first)
        #expect(missing.message.en.contains("Jeugdhulp West"))
        #expect(missing.location.file == Self.dossierName)
        #expect(missing.location.section == "Betrokken partijen")
        let stray = report.findings("parties", .warning)
        #expect(stray.map(\.location.file) == ["uea/vreemd.docx"])
        // Who signed each UEA is the `signatures` rule's; the sample tender asks for handwritten signatures.
        #expect(report.findings("parties", .info).isEmpty)
        let notes = report.findings("signatures", .info)
        #expect(!notes.isEmpty && notes.allSatisfy { $0.message.nl.contains("handgeschreven ondertekening") })
        #expect(Fixtures.check(try Fixtures.completeFiles()).findings("parties", .error).isEmpty)
    }

    @Test func evidenceMissingAndOldExtract() throws {
        let files = replacing("bijlagen/register.txt", with: nil, in: try Fixtures.completeFiles())
        let report = Fixtures.check(replacing("bijlagen/document-a.txt", with: Fixtures.kvkExtract(date: "1 oktober 2020"), in: files))
        let missing = try #require(report.findings("evidence", .error).first { $0.location.field == "bewijs-me-jeugd-1" })
        #expect(missing.location.file == Self.dossierName)
        #expect(missing.message.en.contains("though ticked"))
        let old = try #require(report.findings("evidence", .error).first { $0.location.file == "bijlagen/document-a.txt" })
        #expect(old.message.en.contains("more than the 180 allowed"))
        #expect(old.message.en.contains("date from the extract's text"))
        // The PDF is recognised by its content, and the report names that measure.
        let complete = Fixtures.check(try Fixtures.completeFiles())
        #expect(complete.findings("evidence", .error).isEmpty)
        #expect(complete.findings("evidence", .info).contains { $0.location.file == "bijlagen/scan-17.pdf" && $0.message.en.contains("the PDF's text") })
        #expect(complete.findings("evidence", .warning).contains { $0.location.field == "bewijs-me-1" } == false)
    }

    @Test func pdfTextIsReadByPoppler() throws {
        let submission = SubmissionLoader.load(path: "t", files: [("bewijs.pdf", Fixtures.pdf(["Kamer van Koophandel", "KvK 12345678"]))])
        let file = try #require(submission.files.first)
        #expect(file.kind == .evidence)
        #expect(file.textSource == .pdfText)
        #expect(file.text.contains("Kamer van Koophandel"))
        #expect(file.text.contains("12345678"))
    }

    @Test func referencesCounted() throws {
        var form = Fixtures.completeForm()
        form.xml = form.xml.replacingOccurrences(of: ">Gemeente Apeldoorn<", with: "><")
        let report = Fixtures.check(replacing(Self.dossierName, with: try form.bytes(), in: try Fixtures.completeFiles()))
        let finding = try #require(report.findings("references", .error).first)
        #expect(finding.location.section == "Kerncompetenties en referenties")
        #expect(finding.message.en.contains("1 reference(s) filled in, 2 are asked"))
        #expect(Fixtures.check(try Fixtures.completeFiles()).findings("references").isEmpty)
    }

    @Test func hygieneFlagsBSNChangesAndForeignMetadata() throws {
        #expect(HygieneRule.passesElevenTest("111222333"))
        #expect(!HygieneRule.passesElevenTest("123456789"))
        #expect(HygieneRule.bsnCandidates("BSN 111222333 van de cliënt") == ["111222333"])
        #expect(HygieneRule.bsnCandidates("KvK 12345678, tel. 0314-111222333, +31 111222333") .isEmpty)
        var form = Fixtures.completeForm()
        form.xml = form.xml.replacingOccurrences(of: "samen met het wijkteam en de school.", with: "samen met het wijkteam (cliënt 111222333).")
        let core = """
            <?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Stichting Concurrent Zorg</dc:creator><dcterms:modified xsi:type="dcterms:W3CDTF">2021-04-30T10:00:00Z</dcterms:modified></cp:coreProperties>
            """
        let changed = "<w:p><w:ins w:id=\"1\" w:author=\"x\"><w:r><w:t>nieuw</w:t></w:r></w:ins></w:p>"
        let uea = try Fixtures.docx(body: "<w:p><w:r><w:t>Uniform Europees Aanbestedingsdocument Jeugdhulp West KvK 23456789</w:t></w:r></w:p>" + changed)
        var files = replacing(Self.dossierName, with: try form.bytes(core: core), in: try Fixtures.completeFiles())
        files = replacing("uea/uea-2.docx", with: uea, in: files)
        let report = Fixtures.check(files)
        let bsn = try #require(report.findings("hygiene", .error).first { $0.message.en.contains("11-test") })
        #expect(bsn.location.file == Self.dossierName)
        #expect(bsn.location.paragraph != nil)
        #expect(report.findings("hygiene", .warning).contains { $0.location.field == "creator" })
        #expect(report.findings("hygiene", .error).contains { $0.location.file == "uea/uea-2.docx" && $0.message.en.contains("tracked change") })
        #expect(Fixtures.check(try Fixtures.completeFiles()).findings("hygiene").isEmpty)
    }

    @Test func deadlineIsReproducibleWithNow() throws {
        let before = Fixtures.check(try Fixtures.completeFiles())
        let left = try #require(before.findings("deadline", .info).first)
        #expect(left.message.nl == "nog 5 dagen en 2 uur tot de sluitingstermijn (6 mei 2021, 12:00 uur, Europe/Amsterdam)")
        #expect(before.findings("deadline", .info).contains { $0.message.en.contains("contact ban") })
        let after = Fixtures.check(try Fixtures.completeFiles(), now: DutchTime.parse("2021-05-06T12:30:00+02:00")!.date)
        let late = try #require(after.findings("deadline", .error).first)
        #expect(late.message.en.contains("has passed"))
        #expect(!after.complete)
        var form = Fixtures.completeForm()
        form.fill("bera", "n.v.t.")
        let core = """
            <?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dcterms:modified xsi:type="dcterms:W3CDTF">2021-05-07T08:00:00Z</dcterms:modified></cp:coreProperties>
            """
        let modified = Fixtures.check(replacing(Self.dossierName, with: try form.bytes(core: core), in: try Fixtures.completeFiles()))
        #expect(modified.findings("deadline", .error).contains { $0.location.field == "modified" && $0.location.file == Self.dossierName })
    }

    @Test func houseStyleDossierIsReadByHeadingsAndLabels() throws {
        var body = ""
        func p(_ text: String, _ style: String? = nil) { body += "<w:p>" + (style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? "") + "<w:r><w:t xml:space=\"preserve\">\(Fixtures.escape(text))</w:t></w:r></w:p>" }
        p("Bekwaamheidsdossier Zorggroep Oost", "Title")
        p("1. Gegevens inschrijver", "Heading1")
        p("Naam inschrijver: Zorggroep Oost B.V.")
        p("KvK-nummer: 1234 5678")
        p("AGB-code: 8765432")
        let document = try DocumentReader.read(bytes: try Fixtures.docx(body: body))
        let view = DossierView(document: document)
        #expect(view.labelledValue(["KvK-nummer"])?.value == "1234 5678")
        let submission = SubmissionLoader.load(path: "t", files: [("eigen.docx", try Fixtures.docx(body: body))])
        #expect(submission.dossierFile != nil)
        let report = CheckEngine().check(submission, profile: Fixtures.profile, options: CheckOptions(now: Fixtures.now))
        #expect(!report.findings("fields", .error).contains { $0.location.field == "kvk" })
        #expect(report.findings("fields", .error).contains { $0.location.field == "agb" && $0.message.en.contains("8 digits") })
        #expect(report.findings("sections", .error).contains { $0.location.field == "partijen" })
    }

    @Test func submissionWithoutDossier() {
        let report = Fixtures.check([("a.txt", Array("hallo".utf8))])
        #expect(report.findings("submission", .error).count == 1)
        #expect(!report.complete)
    }
}
