import DocModel
import Foundation
import Testing

/// PDFs as real producers write them: LibreOffice exports the project's own sample document at
/// test time (compressed streams, object streams, subset fonts), with bookmarks, tagged, with a
/// password, and as a scan (a page rendered to an image by pdftoppm and put back into a PDF).
/// poppler-utils' pdftotext and pdfinfo are the second reader.
enum LibreOfficePDFs {
    static let source = Run.projectRoot + "/samples/documents/selectieleidraad-kort.odt"

    /// Made once per test run: plain.pdf (bookmarks), tagged.pdf, encrypted.pdf, scan.pdf.
    static let folder: String = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-pdf-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let profile = "file://\(folder)/profile"
        func export(_ name: String, _ options: String?) {
            let filter = options.map { "pdf:writer_pdf_Export:\($0)" } ?? "pdf"
            _ = try? Run.process(Run.tool("soffice") ?? "", ["-env:UserInstallation=\(profile)", "--headless", "--convert-to", filter,
                                                             "--outdir", "\(folder)/\(name)", source])
            try? FileManager.default.moveItem(atPath: "\(folder)/\(name)/selectieleidraad-kort.pdf", toPath: "\(folder)/\(name).pdf")
        }
        export("plain", nil)
        export("tagged", #"{"UseTaggedPDF":{"type":"boolean","value":"true"}}"#)
        export("encrypted", #"{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"geheim"}}"#)
        // A scan: the first page as a picture (pdftoppm), in a document of its own, exported again.
        _ = try? Run.process(Run.tool("pdftoppm") ?? "", ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", "\(folder)/plain.pdf", "\(folder)/scan"])
        let picture = FileManager.default.contents(atPath: "\(folder)/scan.png")?.base64EncodedString() ?? ""
        let flat = """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
            xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" \
            xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" \
            office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text><text:p>\
            <draw:frame text:anchor-type="as-char" svg:width="16cm" svg:height="22cm"><draw:image><office:binary-data>\(picture)\
            </office:binary-data></draw:image></draw:frame></text:p></office:text></office:body></office:document>
            """
        try? Data(flat.utf8).write(to: URL(fileURLWithPath: "\(folder)/scan.fodt"))
        _ = try? Run.process(Run.tool("soffice") ?? "", ["-env:UserInstallation=\(profile)", "--headless", "--convert-to", "pdf",
                                                         "--outdir", "\(folder)/scanned", "\(folder)/scan.fodt"])
        try? FileManager.default.moveItem(atPath: "\(folder)/scanned/scan.pdf", toPath: "\(folder)/scan.pdf")
        return folder
    }()

    static var available: Bool { Run.tool("soffice") != nil && Run.tool("pdftotext") != nil && Run.tool("pdftoppm") != nil }

    static func json(_ run: Run) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }
}

@Suite(.serialized, .enabled(if: LibreOfficePDFs.available, "LibreOffice or poppler-utils is not installed (make test installs them): PDF tests skipped"))
struct PDFInputTests {
    let folder = LibreOfficePDFs.folder

    @Test func libreOfficeWritesCompressedPDFs() throws {
        for name in ["plain", "tagged", "encrypted", "scan"] {
            let bytes = try #require(FileManager.default.contents(atPath: "\(folder)/\(name).pdf"), "\(name).pdf was not made")
            #expect(bytes.starts(with: Array("%PDF".utf8)))
            #expect(String(decoding: bytes, as: UTF8.self).contains("/FlateDecode"), "\(name).pdf: no compressed stream")
        }
    }

    @Test func bookmarkedPDFReadsLikePdftotext() throws {
        let pdf = "\(folder)/plain.pdf"
        let run = try Run.dossier(["inspect", "--json", pdf])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try LibreOfficePDFs.json(run)
        let facts = try #require(report["pdf"] as? [String: Any])
        #expect(facts["headingSource"] as? String == "outline")
        // Pages: as pdfinfo counts them.
        let info = try Run.process(Run.tool("pdfinfo") ?? "", [pdf])
        let pages = info.stdout.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") }
        #expect(facts["pages"] as? Int == pages)
        // Words: the same text as pdftotext's, within 2%.
        let text = try Run.process(Run.tool("pdftotext") ?? "", [pdf, "-"])
        let expected = Double(Words.count(text.stdout))
        let words = Double(try #require(report["words"] as? Int))
        #expect(abs(words - expected) <= expected * 0.02, "dossier \(words) words, pdftotext \(expected)")
        // Headings: the bookmarks, which are the document's own headings.
        #expect(try Self.headings(report) == Self.sourceHeadings())
    }

    @Test func taggedPDFHeadingsAndWordsAreTheDocumentsOwn() throws {
        let run = try Run.dossier(["inspect", "--json", "\(folder)/tagged.pdf"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try LibreOfficePDFs.json(run)
        #expect((report["pdf"] as? [String: Any])?["headingSource"] as? String == "structure")
        #expect(try Self.headings(report) == Self.sourceHeadings())
        // The tagged structure leaves out headers and footers (artifacts): the words are the
        // source document's own.
        let source = try LibreOfficePDFs.json(try Run.dossier(["inspect", "--json", LibreOfficePDFs.source]))
        let words = Double(try #require(report["words"] as? Int)), expected = Double(try #require(source["words"] as? Int))
        #expect(abs(words - expected) <= expected * 0.02, "tagged PDF \(words) words, source document \(expected)")
        let text = try Run.dossier(["inspect", "\(folder)/tagged.pdf"])
        #expect(text.stdout.contains("Koppen: uit de structuur van de PDF (tagged PDF)"))
        #expect(text.stdout.contains("pagina's: 3"))
    }

    @Test func passwordProtectedPDFIsOneClearLine() throws {
        let pdf = "\(folder)/encrypted.pdf"
        let dutch = try Run.dossier(["inspect", pdf])
        #expect(dutch.status == 2)
        #expect(dutch.stderr == "dossier: \(pdf): de PDF is met een wachtwoord beveiligd; lever hem aan zonder wachtwoord\n")
        let english = try Run.dossier(["inspect", "--lang", "en", pdf])
        #expect(english.stderr == "dossier: \(pdf): the PDF is protected with a password; supply it without a password\n")
    }

    @Test func scanIsSaidToBeAScan() throws {
        let run = try Run.dossier(["inspect", "\(folder)/scan.pdf"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Gescand: geen enkele pagina heeft tekst; tekst en handtekening zijn niet te controleren"))
        let report = try LibreOfficePDFs.json(try Run.dossier(["inspect", "--json", "\(folder)/scan.pdf"]))
        #expect((report["pdf"] as? [String: Any])?["pagesWithoutText"] as? [Int] == [1])
    }

    /// The complete sample submission with its evidence made into ordinary compressed PDFs by
    /// LibreOffice: still complete, every piece recognised by its content; a scanned piece is
    /// "not checkable", never "missing"; a password-protected one is reported.
    @Test func compressedEvidenceIsRecognisedByContent() throws {
        let tender = Run.projectRoot + "/samples/tenders/achterhoek-2021.yaml"
        let now = "2021-05-01 10:00"
        let submission = "\(folder)/inzending"
        try? FileManager.default.removeItem(atPath: submission)
        try FileManager.default.copyItem(atPath: Run.projectRoot + "/samples/submissions/achterhoek-2021/compleet", toPath: submission)
        let evidence = try FileManager.default.subpathsOfDirectory(atPath: submission).filter { $0.hasSuffix(".pdf") }.sorted()
        try #require(!evidence.isEmpty)
        var texts: [String] = []
        for name in evidence {
            // Its text, as a text file, exported to PDF by LibreOffice (it replaces the original).
            let text = "\(folder)/text/\((name as NSString).deletingPathExtension.replacingOccurrences(of: "/", with: "_")).txt"
            try FileManager.default.createDirectory(atPath: "\(folder)/text", withIntermediateDirectories: true)
            let extracted = try Run.process(Run.tool("pdftotext") ?? "", ["\(submission)/\(name)", text])
            #expect(extracted.status == 0)
            texts.append(text)
        }
        let convert = try Run.process(Run.tool("soffice") ?? "", ["-env:UserInstallation=file://\(folder)/profile", "--headless",
                                                                  "--convert-to", "pdf", "--outdir", "\(folder)/converted"] + texts)
        #expect(convert.status == 0, "\(convert.stderr)")
        for (name, text) in zip(evidence, texts) {
            let converted = "\(folder)/converted/\(((text as NSString).lastPathComponent as NSString).deletingPathExtension).pdf"
            let bytes = try #require(FileManager.default.contents(atPath: converted), "\(name) was not converted")
            #expect(String(decoding: bytes, as: UTF8.self).contains("/FlateDecode"))
            try FileManager.default.removeItem(atPath: "\(submission)/\(name)")
            try bytes.write(to: URL(fileURLWithPath: "\(submission)/\(name)"))
        }
        let run = try Run.dossier(["check", submission, "--tender", tender, "--now", now, "--format", "json"])
        #expect(run.status == 0, "\(run.stdout)")
        let report = try LibreOfficePDFs.json(run)
        let measures = report["measures"] as? [String] ?? []
        #expect(measures.filter { $0.contains("herkend aan de inhoud: de tekst van de PDF") }.count == evidence.count)

        // The extract as a scan under its own name: found by its name, its date not readable.
        let kvk = try #require(evidence.first { $0.lowercased().contains("kvk") })
        try FileManager.default.removeItem(atPath: "\(submission)/\(kvk)")
        try FileManager.default.copyItem(atPath: "\(folder)/scan.pdf", toPath: "\(submission)/\(kvk)")
        let named = try Run.dossier(["check", submission, "--tender", tender, "--now", now])
        #expect(named.stdout.contains("het KvK-uittreksel is gescand: de datum is niet te lezen; ouderdom niet gecontroleerd"), "\(named.stdout)")
        // Under a name that says nothing: not checkable, never missing.
        try FileManager.default.moveItem(atPath: "\(submission)/\(kvk)", toPath: "\(submission)/bijlage-7.pdf")
        let scanned = try Run.dossier(["check", submission, "--tender", tender, "--now", now])
        #expect(scanned.stdout.contains("niet gevonden; gescand en niet te controleren: bijlage-7.pdf"), "\(scanned.stdout)")
        #expect(!scanned.stdout.contains("ontbreekt"))
        try FileManager.default.removeItem(atPath: "\(submission)/bijlage-7.pdf")

        // One piece with a password: reported, exit 1.
        try FileManager.default.copyItem(atPath: "\(folder)/encrypted.pdf", toPath: "\(submission)/\(kvk)")
        let locked = try Run.dossier(["check", submission, "--tender", tender, "--now", now])
        #expect(locked.status == 1)
        #expect(locked.stdout.contains("de PDF is met een wachtwoord beveiligd"), "\(locked.stdout)")
    }

    static func headings(_ report: [String: Any]) throws -> [String] {
        let headings = try #require(report["headings"] as? [[String: Any]])
        return headings.compactMap { $0["text"] as? String }
    }

    /// The source document's headings, with their number labels as they are printed.
    static func sourceHeadings() throws -> [String] {
        let source = try LibreOfficePDFs.json(try Run.dossier(["inspect", "--json", LibreOfficePDFs.source]))
        let headings = try #require(source["headings"] as? [[String: Any]])
        return headings.compactMap { entry in
            guard let text = entry["text"] as? String else { return nil }
            return (entry["label"] as? String).map { "\($0) \(text)" } ?? text
        }
    }
}

/// Poppler has no limits of its own: each PDF is read by a worker the kernel limits.
struct HostilePDFTests {
    /// A page whose content stream inflates to 300 MB: the worker is stopped at its CPU limit,
    /// one line, exit 2; as evidence in a submission the file is reported and the check goes on.
    @Test func inflatingPDFIsStoppedByItsWorkersLimit() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-pdf-bomb-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let pdf = "\(folder)/bom.pdf"
        try Self.writeInflatingPDF(megabytes: 300, to: pdf)
        let run = try Run.dossier(["inspect", pdf, "--max-pdf-seconds", "1"])
        #expect(run.status == 2)
        #expect(run.stderr == "dossier: \(pdf): het lezen van de PDF kost meer dan 1 s rekentijd of 1024 MiB geheugen; mogelijk een kwaadaardig bestand\n")
        // The worker's CPU time counts for the command (wait4 includes reaped children).
        #expect(run.cpuSeconds < 5, "\(run.cost)")
        #expect(run.maxResidentKiB < 256 * 1024, "\(run.cost)")

        let submission = "\(folder)/inzending"
        try FileManager.default.copyItem(atPath: Run.projectRoot + "/samples/submissions/achterhoek-2021/compleet", toPath: submission)
        try FileManager.default.copyItem(atPath: pdf, toPath: "\(submission)/bijlage-bom.pdf")
        let check = try Run.dossier(["check", submission, "--tender", Run.projectRoot + "/samples/tenders/achterhoek-2021.yaml",
                                     "--now", "2021-05-01 10:00", "--max-pdf-seconds", "1"])
        #expect(check.status == 1)
        #expect(check.stdout.contains("bijlage-bom.pdf"))
        #expect(check.stdout.contains("mogelijk een kwaadaardig bestand"))
        #expect(check.cpuSeconds < 10, "\(check.cost)")
    }

    /// A PDF with a document JavaScript, a launch action, an embedded file and a sticky note:
    /// `inspect` raises each, and as evidence the hygiene rule reports them.
    @Test func activeContentInAPDFIsRaised() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-pdf-active-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let content = "BT /F1 12 Tf 72 710 Td (Verklaring met verrassingen) Tj ET", payload = "geheim"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R /Names << /JavaScript << /Names [(start) 5 0 R] >> /EmbeddedFiles << /Names [(bijlage.txt) 6 0 R] >> >> >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 10 0 R >> >> /Annots [7 0 R 8 0 R] >>",
            "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream",
            "<< /S /JavaScript /JS (app.alert\\(1\\)) >>",
            "<< /Type /Filespec /F (bijlage.txt) /UF (bijlage.txt) /EF << /F 9 0 R >> >>",
            "<< /Type /Annot /Subtype /Link /Rect [72 700 200 720] /A << /S /Launch /F (rekenmachine.exe) >> >>",
            "<< /Type /Annot /Subtype /Text /Rect [300 700 320 720] /Contents (Nog aanpassen!) >>",
            "<< /Type /EmbeddedFile /Length \(payload.utf8.count) >>\nstream\n\(payload)\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        var pdf = "%PDF-1.4\n"
        for (index, object) in objects.enumerated() { pdf += "\(index + 1) 0 obj\n\(object)\nendobj\n" }
        pdf += "trailer\n<< /Root 1 0 R >>\n%%EOF\n"
        let path = "\(folder)/verklaring.pdf"
        try Data(pdf.utf8).write(to: URL(fileURLWithPath: path))

        let run = try Run.dossier(["inspect", "--json", path])
        #expect(run.status == 0, "\(run.stderr)")
        let flags = try #require(try LibreOfficePDFs.json(run)["flags"] as? [String: Any])
        #expect(flags["macros"] as? [String] == ["JavaScript (document)"])
        #expect(flags["externalReferences"] as? [String] == ["rekenmachine.exe"])
        #expect(flags["embeddedObjects"] as? [String] == ["bijlage.txt"])
        #expect(flags["comments"] as? Int == 1)

        let submission = "\(folder)/inzending"
        try FileManager.default.copyItem(atPath: Run.projectRoot + "/samples/submissions/achterhoek-2021/compleet", toPath: submission)
        try FileManager.default.copyItem(atPath: path, toPath: "\(submission)/verklaring.pdf")
        let check = try Run.dossier(["check", submission, "--tender", Run.projectRoot + "/samples/tenders/achterhoek-2021.yaml", "--now", "2021-05-01 10:00"])
        #expect(check.status == 1)
        #expect(check.stdout.contains("de PDF bevat JavaScript [hygiene]"), "\(check.stdout)")
        #expect(check.stdout.contains("de PDF start programma's of bestanden: rekenmachine.exe [hygiene]"))
        #expect(check.stdout.contains("ingesloten bestanden in de PDF: bijlage.txt [hygiene]"))
        #expect(check.stdout.contains("1 opmerking(en) in het document [hygiene]"))
    }

    /// Writes to `path` one page whose content stream is `megabytes` of spaces, deflated (about 1:1000).
    static func writeInflatingPDF(megabytes: Int, to path: String) throws {
        let script = #"""
            import sys, zlib
            data = zlib.compress(b" " * (int(sys.argv[1]) << 20), 9)
            head = (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                    b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
                    b"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>\nendobj\n"
                    b"4 0 obj\n<< /Length " + str(len(data)).encode() + b" /Filter /FlateDecode >>\nstream\n")
            tail = b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
            open(sys.argv[2], "wb").write(head + data + tail)
            """#
        let made = try Run.process(Run.tool("python3") ?? "/usr/bin/python3", ["-c", script, "\(megabytes)", path])
        #expect(made.status == 0, "\(made.stderr)")
    }
}
