import Foundation
import Testing
import TestSupport

/// Regressions found by the hostile-file suite (HostileEveryCommand), each on its own.
@Suite struct HostileRegressionCLITests {
    static let tender = Run.projectRoot + "/samples/tenders/achterhoek-2021.yaml"
    static let submission = Run.projectRoot + "/samples/submissions/achterhoek-2021/compleet"

    func scratch() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-regress-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// `check --tender` with a broken tender printed every finding and a summary (exit 2 with
    /// many lines); now one line: the first error, the count, and where to see them all.
    @Test func checkWithABrokenTenderSaysSoInOneLine() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = try String(contentsOfFile: Self.tender, encoding: .utf8)
        let broken = folder + "/kapot.yaml"
        try String(text.prefix(800)).write(toFile: broken, atomically: true, encoding: .utf8)
        let dutch = try Run.dossier(["check", Self.submission, "--tender", broken, "--now", "2021-05-01T10:00:00+02:00"])
        #expect(dutch.status == 2)
        #expect(dutch.stderrLines.count == 1, "\(dutch.stderr)")
        #expect(dutch.stderr.hasPrefix("dossier: \(broken):"))
        #expect(dutch.stderr.contains("controleren is niet mogelijk (alle fouten: dossier lint)"))
        let english = try Run.dossier(["check", Self.submission, "--tender", broken, "--lang", "en"])
        #expect(english.status == 2 && english.stderrLines.count == 1, "\(english.stderr)")
        #expect(english.stderr.contains("cannot check (all errors: dossier lint)"))
    }

    /// A 60 MB data file took 36 s to render; data files are capped like tender files (4 MiB).
    @Test func aDataFileOverFourMiBIsRefusedAtOnce() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let data = folder + "/groot.yaml"
        try Data(Array("titel: ".utf8) + noisyText(5 << 20)).write(to: URL(fileURLWithPath: data))
        let run = try Run.dossier(["render", Run.projectRoot + "/templates/selectieleidraad.docx", data, "-o", folder + "/uit.docx", "--lang", "en"])
        #expect(run.status == 2)
        #expect(run.stderrLines.count == 1 && run.stderr.contains("groot.yaml"), "\(run.stderr)")
        #expect(run.cpuSeconds < 1, "\(run.cost)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/uit.docx"))
    }

    /// PDF evidence: 20 MB of "s" took 10 s (a copy per candidate in the stream search), 20 MB of
    /// "(" 30 s (all of it kept as text and normalized once per requirement). Now fast, and the
    /// text kept of one piece of evidence is bounded.
    @Test(arguments: [("s", 20_000_000), ("(", 20_000_000)])
    func pathologicalPDFEvidenceIsCheckedQuickly(_ fill: String, _ count: Int) throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let pdf = Array("%PDF-1.4\n<<>>stream\n".utf8) + [UInt8](repeating: Array(fill.utf8)[0], count: count) + Array("\nendstream\n".utf8)
        try Data(pdf).write(to: URL(fileURLWithPath: folder + "/bewijs.pdf"))
        try FileManager.default.copyItem(atPath: Run.projectRoot + "/samples/documents/bekwaamheidsdossier-zorgaanbieder.docx",
                                         toPath: folder + "/dossier.docx")
        let run = try Run.dossier(["check", folder, "--tender", Self.tender, "--now", "2021-05-01T10:00:00+02:00"])
        // Exit 1: the sample dossier does not satisfy the tender (and the PDF proves nothing).
        #expect(run.status == 1, "\(run.stderr)")
        // About 1.4 s of CPU time in a debug build; it took 10 and 30 s before.
        #expect(run.cpuSeconds < 4, "\(fill): \(run.cost)")
    }

    /// A value of megabytes was escaped one scalar at a time; now it is passed through when
    /// it needs no escaping, and escaped right when it does.
    @Test func longValuesRenderQuicklyAndEscapedRight() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let data = folder + "/lang.yaml"
        let long = String(decoding: noisyText(3_000_000), as: UTF8.self)
        try "titel: \"\(long) & <einde>\"\n".write(toFile: data, atomically: true, encoding: .utf8)
        let template = Run.projectRoot + "/templates/bekwaamheidsdossier.docx"
        let run = try Run.dossier(["render", template, data, "-o", folder + "/uit.docx", "--allow-missing"])
        #expect(run.status == 0, "\(run.stderr)")
        // About 2.3 s of CPU time in a debug build (3 MB of text through YAML and the template).
        #expect(run.cpuSeconds < 5, "\(run.cost)")
        let inspect = try Run.dossier(["inspect", "--model", folder + "/uit.docx"])
        #expect(inspect.status == 0, "\(inspect.stderr)")
        #expect(inspect.stdout.contains("& <einde>"))
    }
}
