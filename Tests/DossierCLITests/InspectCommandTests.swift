import Foundation
import Testing

@Suite struct RootCommandTests {
    @Test func versionAndDutchHelpByDefault() throws {
        let version = try Run.dossier(["--version"])
        #expect(version.status == 0 && version.stdout == "0.1.0\n")
        let help = try Run.dossier(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("Documenten voor aanbestedingen"))
        #expect(help.stdout.contains("inspect"))
    }

    @Test func englishWithLangOrEnvironment() throws {
        let help = try Run.dossier(["inspect", "--help", "--lang", "en"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("Shows the structure of DOCX, ODT and PDF documents"))
        let root = try Run.dossier(["--help"], environment: ["DOSSIER_LANG": "en"])
        #expect(root.status == 0)
        #expect(root.stdout.contains("Documents for social-domain tenders"))
    }

    @Test func usageErrorsExitWithStatusTwo() throws {
        let missing = try Run.dossier(["inspect"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("Zie 'dossier --help'."))
        let badLimit = try Run.dossier(["inspect", "--max-ratio", "0", "x.docx"])
        #expect(badLimit.status == 2)
        #expect(badLimit.stderr.contains("--max-ratio moet tussen 1 en 1048576 liggen"))
    }
}

@Suite struct InspectCommandTests {
    static let samples = Run.projectRoot + "/samples/documents"
    static let dossierHeadings: [[String]] = [
        ["1", "1. Gegevens inschrijver"], ["1", "2. Partijen"], ["1", "3. Selectiecriteria"],
        ["2", "3.1 Cliëntperspectief"], ["2", "3.2 Samenwerking in de regio"], ["2", "3.3 Innovatie"],
        ["1", "4. Referenties"], ["1", "5. Bewijsstukken"], ["1", "6. Verklaring en ondertekening"],
    ]

    func json(_ text: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
    }

    func headings(_ report: [String: Any]) -> [[String]] {
        (report["headings"] as? [[String: Any]] ?? []).map { ["\($0["level"] ?? "")", "\($0["text"] ?? "")"] }
    }

    @Test(arguments: ["docx", "odt"])
    func jsonGivesHeadingsWordsAndFlags(_ format: String) throws {
        let run = try Run.dossier(["inspect", "--json", "\(Self.samples)/bekwaamheidsdossier-zorgaanbieder.\(format)"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try json(run.stdout)
        #expect(report["schemaVersion"] as? Int == 1)
        #expect(report["format"] as? String == format)
        #expect(report["title"] as? String == "Bekwaamheidsdossier Stichting Voorbeeld Jeugdhulp")
        #expect(headings(report) == Self.dossierHeadings)
        // 694 words of body text (wc -w on the text gives 694 tokens plus one lone dash) + the footnote's 11.
        let words = report["words"] as? Int ?? 0
        #expect(words >= 700 && words <= 706, "words: \(words)")
        let flags = report["flags"] as? [String: Any] ?? [:]
        #expect(flags["raised"] as? [String] == [])
        let outline = report["outline"] as? [[String: Any]] ?? []
        #expect(outline.count == 6)
    }

    @Test(arguments: ["docx", "odt"])
    func theFlawedDossierRaisesItsFlags(_ format: String) throws {
        let run = try Run.dossier(["inspect", "--json", "\(Self.samples)/bekwaamheidsdossier-met-gebreken.\(format)"])
        #expect(run.status == 0)
        let report = try json(run.stdout)
        let flags = report["flags"] as? [String: Any] ?? [:]
        #expect(flags["raised"] as? [String] == ["comments", "trackedChanges", "hiddenText"])
        #expect((flags["placeholdersShowing"] as? Int ?? 0) >= 1)
        #expect(!headings(report).contains(["2", "3.2 Samenwerking in de regio"]))
    }

    @Test func textReportInDutchAndEnglish() throws {
        let file = "\(Self.samples)/selectieleidraad-kort.docx"
        let dutch = try Run.dossier(["inspect", file])
        #expect(dutch.status == 0)
        #expect(dutch.stdout.contains("Titel: Selectieleidraad Maatwerkdiensten Jeugd 2026 (verkort)"))
        #expect(dutch.stdout.contains("      H3 4.1.1 Beoordelingsschaal  "))
        #expect(dutch.stdout.contains("Signalen: geen"))
        let english = try Run.dossier(["inspect", "--lang", "en", file])
        #expect(english.status == 0)
        #expect(english.stdout.contains("Outline (words per section):"))
        #expect(english.stdout.contains("Flags: none"))
        // The language option before the subcommand, as the README shows it.
        let before = try Run.dossier(["--lang", "en", "inspect", file])
        #expect(before.status == 0)
        #expect(before.stdout == english.stdout)
        let equals = try Run.dossier(["--lang=en", "inspect", file])
        #expect(equals.stdout == english.stdout)
    }

    @Test func unreadableFilesGiveOneLineAndExitTwo() throws {
        let missing = try Run.dossier(["inspect", "bestaat-niet.docx"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "dossier: bestaat-niet.docx: bestand niet gevonden\n")
        let english = try Run.dossier(["inspect", "--lang", "en", "bestaat-niet.docx"])
        #expect(english.status == 2)
        #expect(english.stderr == "dossier: bestaat-niet.docx: file not found\n")
        let text = Run.projectRoot + "/Makefile"
        let notADocument = try Run.dossier(["inspect", text])
        #expect(notADocument.status == 2)
        #expect(notADocument.stderrLines.count == 1)
        #expect(notADocument.stderr.contains("geen DOCX-, ODT- of PDF-document"))
    }

    @Test func severalFilesGiveAJSONArrayAndOneBadFileMakesStatusTwo() throws {
        let run = try Run.dossier(["inspect", "--json", "\(Self.samples)/selectieleidraad-kort.odt", "bestaat-niet.odt"])
        #expect(run.status == 2)
        let array = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(array.count == 2)
        #expect(array[0]["format"] as? String == "odt")
        #expect(array[1]["error"] as? String == "bestand niet gevonden")
    }

    @Test func modelDumpShowsTheWholeModel() throws {
        let run = try Run.dossier(["inspect", "--model", "\(Self.samples)/bekwaamheidsdossier-met-gebreken.docx"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("Document docx\n"))
        #expect(run.stdout.contains("Revision deletion author=\"J. Jansen\""))
        #expect(run.stdout.contains("[hidden]"))
    }

    @Test func inputsAreNeverModified() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.samples).sorted().map { "\(Self.samples)/\($0)" }
        let before = try files.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        _ = try Run.dossier(["inspect", "--json"] + files)
        let after = try files.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        #expect(before == after)
    }
}

@Suite(.enabled(if: Run.corpusAvailable, "../shared/corpus not found beside the project: hostile command tests skipped"))
struct HostileCommandTests {
    static let files = ((try? FileManager.default.contentsOfDirectory(atPath: Run.corpus + "/hostile")) ?? []).sorted()

    /// The folder is read (with no files the test below would pass without running).
    @Test func theHostileFilesAreFound() {
        #expect(Self.files.count >= 10, "\(Run.corpus)/hostile: \(Self.files.count) files")
    }

    @Test(arguments: files)
    func resultOrOneLineErrorWithinTwoSecondsAnd256MiB(_ name: String) throws {
        let run = try Run.dossier(["inspect", "--json", "\(Run.corpus)/hostile/\(name)"])
        #expect(run.status == 0 || run.status == 2, "\(name): status \(run.status)")
        if run.status == 2 {
            #expect(run.stderrLines.count == 1, "\(name): \(run.stderr)")
            #expect(run.stderr.hasPrefix("dossier: "))
        } else {
            #expect(run.stderr.isEmpty)
        }
        #expect(run.cpuSeconds < 2, "\(name): \(run.cost)")
        #expect(run.maxResidentKiB < 256 * 1024, "\(name): \(run.cost)")
    }
}
