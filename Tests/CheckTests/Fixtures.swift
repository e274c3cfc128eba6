import Compliance
import DocModel
import DutchTime
import Foundation
import PackageIO
import DocTemplates

/// Builds small submissions from the real form: the template rendered for the Achterhoek
/// sample tender, its content controls filled by editing the XML text.
enum Fixtures {
    static let projectRoot: String = {
        var path = #filePath
        for _ in 0..<3 { path = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]) }
        return path
    }()

    static let tender: Tender = {
        let result = try! TenderLoader.load(path: projectRoot + "/samples/tenders/achterhoek-2021.yaml")
        return result.tender
    }()

    static let profile = RequirementsProfile(tender: tender)
    /// Five days before the deadline (6 May 2021 12:00), after the publication.
    static let now = DutchTime.parse("2021-05-01T10:00:00+02:00")!.date

    static let renderedForm: String = {
        let bytes = try! TemplateRenderer.render(templateAt: projectRoot + "/templates/bekwaamheidsdossier.docx", data: tender.templateData)
        let archive = try! ZipArchive(bytes: bytes)
        formParts = archive.entries.filter { !$0.isDirectory }.map { ($0.name, try! archive.read($0)) }
        return String(decoding: try! archive.read("word/document.xml"), as: UTF8.self)
    }()
    nonisolated(unsafe) static var formParts: [(String, [UInt8])] = []

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    /// The form's document.xml with content controls filled.
    struct Form {
        var xml = Fixtures.renderedForm

        mutating func fill(_ tag: String, _ value: String) {
            guard let tagRange = xml.range(of: "<w:tag w:val=\"\(tag)\"/>") else { fatalError("no control \(tag)") }
            let end = xml.range(of: "</w:sdtPr>", range: tagRange.upperBound..<xml.endIndex)!.lowerBound
            if let placeholder = xml.range(of: "<w:showingPlcHdr/>", range: tagRange.upperBound..<end) { xml.removeSubrange(placeholder) }
            let text = xml.range(of: "[invullen]", range: tagRange.upperBound..<xml.endIndex)!
            xml.replaceSubrange(text, with: escape(value))
        }

        mutating func check(_ tag: String) {
            guard let tagRange = xml.range(of: "<w:tag w:val=\"\(tag)\"/>") else { fatalError("no control \(tag)") }
            let box = xml.range(of: "<w14:checked w14:val=\"0\"/>", range: tagRange.upperBound..<xml.endIndex)!
            xml.replaceSubrange(box, with: "<w14:checked w14:val=\"1\"/>")
            let glyph = xml.range(of: "☐", range: box.upperBound..<xml.endIndex)!
            xml.replaceSubrange(glyph, with: "☒")
        }

        func bytes(core: String? = nil) throws -> [UInt8] {
            _ = Fixtures.renderedForm
            var writer = ZipWriter()
            for (name, data) in Fixtures.formParts {
                if name == "word/document.xml" { writer.add(name: name, bytes: Array(xml.utf8)) }
                else if name == "docProps/core.xml", let core { writer.add(name: name, bytes: Array(core.utf8)) }
                else { writer.add(name: name, bytes: data) }
            }
            return try writer.finish()
        }
    }

    static let segmentCriteria = ["passende-hulp", "integrale-benadering", "samenwerking", "innovatie", "lokale-binding"]

    /// A complete form: one perceel, one segment, a combinant and a derde, two references.
    static func completeForm() -> Form {
        var form = Form()
        form.fill("naam", "Zorggroep Oost B.V.")
        form.fill("kvk", "12345678")
        form.fill("agb", "87654321")
        form.fill("percelen", "Maatwerkdiensten Jeugd, Integraal Ambulant Jeugdhulp")
        form.fill("contactpersoon", "J. de Vries")
        form.fill("email", "info@zorggroep-oost.nl")
        form.fill("telefoon", "0314-123 456")
        form.fill("partij-1-rol", "Penvoerder (combinatie)")
        form.fill("partij-1-naam", "Zorggroep Oost B.V.")
        form.fill("partij-1-kvk", "12345678")
        form.fill("partij-2-rol", "Combinant")
        form.fill("partij-2-naam", "Jeugdhulp West")
        form.fill("partij-2-kvk", "23456789")
        for n in 1...2 {
            form.fill("referentie-\(n)-opdrachtgever", "Gemeente \(n == 1 ? "Zutphen" : "Apeldoorn")")
            form.fill("referentie-\(n)-inwoners", "120000")
            form.fill("referentie-\(n)-periode", "2017-2020")
        }
        for criterion in segmentCriteria {
            form.fill("criterium-jeugd-integraal-ambulant-\(criterion)", "Wij bieden passende hulp dichtbij huis, samen met het wijkteam en de school.")
        }
        for id in ["me-1", "me-2", "me-3", "me-4", "me-5", "me-6", "me-7", "me-jeugd-1"] { form.check("bewijs-\(id)") }
        form.fill("ondertekenaar-naam", "J. de Vries")
        form.fill("ondertekenaar-functie", "Bestuurder")
        form.fill("ondertekening-datum", "30 april 2021")
        form.fill("handtekening", "J. de Vries")
        return form
    }

    /// A UEA as a small DOCX.
    static func uea(name: String, kvk: String) throws -> [UInt8] {
        let body = ["Uniform Europees Aanbestedingsdocument (UEA)", "Deel II: Informatie over de ondernemer", "Naam: \(name)", "KvK-nummer: \(kvk)",
                    "Verklaring: de ondernemer bevindt zich niet in een van de uitsluitingssituaties."]
            .map { "<w:p><w:r><w:t xml:space=\"preserve\">\(escape($0))</w:t></w:r></w:p>" }.joined()
        return try docx(body: body)
    }

    static func docx(body: String, extraParts: [(String, String)] = [], relationships: String = "") throws -> [UInt8] {
        var writer = ZipWriter()
        writer.add(name: "[Content_Types].xml", bytes: Array("""
            <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
            """.utf8))
        writer.add(name: "_rels/.rels", bytes: Array("""
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
            """.utf8))
        writer.add(name: "word/document.xml", bytes: Array("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>\(body)</w:body></w:document>
            """.utf8))
        if !relationships.isEmpty {
            writer.add(name: "word/_rels/document.xml.rels", bytes: Array("""
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(relationships)</Relationships>
                """.utf8))
        }
        for (name, text) in extraParts { writer.add(name: name, bytes: Array(text.utf8)) }
        return try writer.finish()
    }

    /// A one-page PDF whose content stream is not compressed.
    static func pdf(_ lines: [String]) -> [UInt8] {
        let content = "BT /F1 12 Tf 14 TL 72 720 Td " + lines.map { "(\($0)) Tj T*" }.joined(separator: " ") + " ET"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        var text = "%PDF-1.4\n"
        for (index, object) in objects.enumerated() { text += "\(index + 1) 0 obj\n\(object)\nendobj\n" }
        text += "trailer\n<< /Root 1 0 R >>\n%%EOF\n"
        return Array(text.utf8)
    }

    static func kvkExtract(date: String = "15-04-2021", kvk: String = "12345678") -> [UInt8] {
        Array("Uittreksel Handelsregister Kamer van Koophandel\nKvK-nummer: \(kvk)\nNaam: Zorggroep Oost B.V.\nDatum uittreksel: \(date)\n".utf8)
    }

    /// Every file of a complete submission.
    static func completeFiles(form: Form = completeForm()) throws -> [(name: String, bytes: [UInt8])] {
        [
            ("inschrijving/dossier-definitief.docx", try form.bytes()),
            ("uea/uea-1.docx", try uea(name: "Zorggroep Oost B.V.", kvk: "12345678")),
            ("uea/uea-2.docx", try uea(name: "Jeugdhulp West", kvk: "23456789")),
            ("bijlagen/document-a.txt", kvkExtract()),
            ("bijlagen/scan-17.pdf", pdf(["Vektis AGB-register", "AGB-code 87654321"])),
            ("bijlagen/verklaringen.txt", Array("Eigen verklaring bij me-2, me-3, me-5 en me-6.\n".utf8)),
            ("bijlagen/register.txt", Array("Registratie gedragswetenschapper SKJ Stichting Kwaliteitsregister Jeugd\n".utf8)),
            ("bijlagen/keurmerk.txt", Array("HKZ certificaat\n".utf8)),
        ]
    }

    static func check(_ files: [(name: String, bytes: [UInt8])], now: Date = Fixtures.now) -> CheckReport {
        let submission = SubmissionLoader.load(path: "test", files: files)
        return CheckEngine().check(submission, profile: profile, options: CheckOptions(now: now))
    }

    /// Writes the files as a folder submission and returns its path.
    static func writeFolder(_ files: [(name: String, bytes: [UInt8])], in parent: String? = nil, name: String = "inzending") throws -> String {
        let base = parent ?? FileManager.default.temporaryDirectory.appendingPathComponent("dossier-check-\(UUID().uuidString)").path
        let folder = base + "/" + name
        for (file, bytes) in files {
            let path = folder + "/" + file
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }
        return folder
    }

    static func zip(_ files: [(name: String, bytes: [UInt8])]) throws -> [UInt8] {
        var writer = ZipWriter()
        for (name, bytes) in files { writer.add(name: name, bytes: bytes) }
        return try writer.finish()
    }
}

extension CheckReport {
    func findings(_ rule: String, _ severity: Severity? = nil) -> [Finding] {
        findings.filter { $0.ruleID == rule && (severity == nil || $0.severity == severity) }
    }
}
