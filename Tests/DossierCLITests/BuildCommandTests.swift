import Foundation
import Testing

/// `dossier build` on the sample tenders: what an officer gets, checked as Word and LibreOffice
/// would: openxml-audit reports no errors, LibreOffice converts each document to PDF, and the
/// project's own reader finds one heading per topic and per criterion.
@Suite(.serialized) struct BuildCommandTests {
    static let tenders = Run.projectRoot + "/samples/tenders"
    static let documents = ["selectieleidraad.docx", "selectieleidraad.odt", "bekwaamheidsdossier.docx", "bekwaamheidsdossier.odt", "uea.docx", "uea.odt"]
    static let topics = [
        "1 Inleiding", "2 Planning", "3 Opdracht: percelen, segmenten en sub-segmenten", "4 Minimumeisen",
        "5 Selectieproces en past performance", "6 Selectiecriteria en weging", "7 Aantal zorgaanbieders en wachtkamerconstructie",
        "8 Cliëntperspectief", "9 Overgang van cliënten", "10 Social return (SROI)", "11 Vervoer", "12 Ruimte voor doorontwikkeling",
        "13 UEA, combinaties, derden en onderaannemers", "14 Vorm van het bekwaamheidsdossier",
        "15 Publicatie, contactverbod en sanctie", "16 Klachten",
    ]

    /// A fresh output folder per call.
    static func build(_ tender: String, extra: [String] = []) throws -> (run: Run, folder: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-build-\(UUID().uuidString)").path
        return (try Run.dossier(["build", "\(tenders)/\(tender)", "-o", folder] + extra), folder)
    }

    static func headings(_ file: String) throws -> [(level: Int, text: String)] {
        let run = try Run.dossier(["inspect", "--json", file])
        #expect(run.status == 0, "\(file): \(run.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any] ?? [:]
        return (report["headings"] as? [[String: Any]] ?? []).map { ($0["level"] as? Int ?? 0, $0["text"] as? String ?? "") }
    }

    static func criteria(_ folder: String) throws -> [String] {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/requirements.json"))
        let profile = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        let sections = (profile["dossier"] as? [String: Any])?["sections"] as? [[String: Any]] ?? []
        return sections.filter { ($0["id"] as? String ?? "").hasPrefix("criterium-") }.map { $0["title"] as? String ?? "" }
    }

    @Test(arguments: ["achterhoek-2021.yaml", "amersfoort-2023.yaml"])
    func writesTheDocumentsAndTheProfileWithTheExpectedHeadings(_ tender: String) throws {
        let (run, folder) = try Self.build(tender)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(run.status == 0, "\(run.stderr)")
        for name in Self.documents + ["requirements.json"] {
            #expect(FileManager.default.fileExists(atPath: "\(folder)/\(name)"), "\(name) missing")
        }
        let criteria = try Self.criteria(folder)
        #expect(!criteria.isEmpty)
        for format in ["docx", "odt"] {
            let guideline = try Self.headings("\(folder)/selectieleidraad.\(format)")
            #expect(guideline.filter { $0.level == 1 }.map(\.text) == Self.topics, "\(format)")
            let form = try Self.headings("\(folder)/bekwaamheidsdossier.\(format)")
            #expect(Array(form.filter { $0.level == 1 }.map(\.text).prefix(3)) == ["Gegevens inschrijver", "Betrokken partijen", "Kerncompetenties en referenties"])
            // One heading per criterion, in the profile's order.
            let criterionHeadings = form.map(\.text).filter { criteria.contains($0) }
            #expect(criterionHeadings == criteria, "\(format)")
        }
    }

    static let ueaParts = [
        "Deel I. Gegevens over de aanbestedingsprocedure en de aanbestedende dienst", "Deel II. Gegevens over de ondernemer",
        "Deel III. Uitsluitingsgronden", "Deel IV. Selectiecriteria", "Deel V. Beperking van het aantal gekwalificeerde gegadigden",
        "Deel VI. Slotverklaringen",
    ]
    static let ueaTags = [
        "uea-naam", "uea-kvk", "uea-adres", "uea-contactpersoon", "uea-email", "uea-rol", "uea-beroep-op-derden", "uea-derden",
        "uea-uitsluiting-a", "uea-uitsluiting-b", "uea-uitsluiting-c", "uea-uitsluiting-d", "uea-selectiecriteria",
        "uea-beperking", "uea-ondertekenaar", "uea-datum",
    ]

    @Test func writesTheUEAFormFilledFromTheTenderWithItsFields() throws {
        let (run, folder) = try Self.build("achterhoek-2021.yaml")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(run.status == 0, "\(run.stderr)")
        for format in ["docx", "odt"] {
            let file = "\(folder)/uea.\(format)"
            #expect(try Self.headings(file).filter { $0.level == 1 }.map(\.text) == Self.ueaParts, "\(format)")
            let model = try Run.dossier(["inspect", "--model", file])
            #expect(model.status == 0)
            for tag in Self.ueaTags {
                #expect(model.stdout.contains("tag=\"\(tag)\""), "\(format): \(tag) missing")
            }
            #expect(!model.stdout.contains("{{"), "\(format): a tag was left unfilled")
            if format == "docx" {
                #expect(model.stdout.contains("dropDown tag=\"uea-rol\""))
                #expect(model.stdout.contains("checkbox tag=\"uea-beroep-op-derden\""))
                #expect(model.stdout.contains("date tag=\"uea-datum\""))
            }
        }
    }

    @Test func anOwnTemplatesFolderMayHoldOnlySomeTemplates() throws {
        let own = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-own-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: own, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: own) }
        try FileManager.default.copyItem(atPath: "\(Run.projectRoot)/templates/selectieleidraad.docx", toPath: "\(own)/selectieleidraad.docx")
        let (run, folder) = try Self.build("achterhoek-2021.yaml", extra: ["--templates", own, "--format", "docx"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("bekwaamheidsdossier.docx niet in \(own): het standaardsjabloon wordt gebruikt"))
        #expect(FileManager.default.fileExists(atPath: "\(folder)/bekwaamheidsdossier.docx"))
    }

    @Test func theSameTenderGivesTheSameBytes() throws {
        let (first, a) = try Self.build("achterhoek-2021.yaml")
        let (second, b) = try Self.build("achterhoek-2021.yaml")
        defer { try? FileManager.default.removeItem(atPath: a); try? FileManager.default.removeItem(atPath: b) }
        #expect(first.status == 0 && second.status == 0)
        for name in Self.documents + ["requirements.json"] {
            #expect(FileManager.default.contents(atPath: "\(a)/\(name)") == FileManager.default.contents(atPath: "\(b)/\(name)"), "\(name)")
        }
    }

    @Test func existingFilesAreKeptWithoutForceAndATenderWithErrorsWritesNothing() throws {
        let (first, folder) = try Self.build("achterhoek-2021.yaml", extra: ["--format", "odt"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(first.status == 0)
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/selectieleidraad.docx"))
        let before = FileManager.default.contents(atPath: "\(folder)/selectieleidraad.odt")
        let again = try Run.dossier(["build", "\(Self.tenders)/amersfoort-2023.yaml", "-o", folder, "--format", "odt"])
        #expect(again.status == 2)
        #expect(again.stderr.contains("bestaat al (gebruik --force)"))
        #expect(FileManager.default.contents(atPath: "\(folder)/selectieleidraad.odt") == before)
        let forced = try Run.dossier(["build", "\(Self.tenders)/amersfoort-2023.yaml", "-o", folder, "--format", "odt", "--force"])
        #expect(forced.status == 0)
        #expect(FileManager.default.contents(atPath: "\(folder)/selectieleidraad.odt") != before)

        let (broken, empty) = try Self.build("lint/amersfoort-2023-aandelen-99.yaml")
        defer { try? FileManager.default.removeItem(atPath: empty) }
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("99%"))
        #expect(!FileManager.default.fileExists(atPath: empty))
    }

    @Test(.enabled(if: Run.tool("python3") != nil, "python3 is missing: template freshness not checked"))
    func theCommittedTemplatesAreBuiltFromTheirSources() throws {
        let check = try Run.process(Run.tool("python3") ?? "", ["\(Run.projectRoot)/scripts/make-templates.py", "--check"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    @Test(.enabled(if: Run.tool("openxml-audit") != nil, "openxml-audit is not installed (make test installs it): validation skipped"))
    func openxmlAuditFindsNoErrors() throws {
        let (run, folder) = try Self.build("achterhoek-2021.yaml")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(run.status == 0)
        for name in Self.documents {
            let audit = try Run.process(Run.tool("openxml-audit") ?? "", ["-q", "\(folder)/\(name)"])
            #expect(audit.status == 0, "\(name): \(audit.stdout)\(audit.stderr)")
        }
    }

    @Test(.enabled(if: Run.tool("soffice") != nil, "LibreOffice is not installed (make test installs it): conversion skipped"))
    func libreOfficeConvertsEveryDocumentToPDF() throws {
        let (run, folder) = try Self.build("amersfoort-2023.yaml")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(run.status == 0)
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-lo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        for format in ["docx", "odt"] {
            let files = Self.documents.filter { $0.hasSuffix(format) }
            let convert = try Run.process(Run.tool("soffice") ?? "", [
                "-env:UserInstallation=\(profile.absoluteString)", "--headless", "--convert-to", "pdf", "--outdir", "\(folder)/pdf-\(format)",
            ] + files.map { "\(folder)/\($0)" })
            #expect(convert.status == 0, "\(convert.stderr)")
            for name in files {
                let bytes = FileManager.default.contents(atPath: "\(folder)/pdf-\(format)/\(name.split(separator: ".")[0]).pdf") ?? Data()
                #expect(bytes.starts(with: Array("%PDF".utf8)), "\(name) did not convert")
                #expect(bytes.count > 10_000, "\(name): PDF suspiciously small")
            }
        }
    }
}
