import Foundation
import Testing
import TestSupport

/// What a user reads, kept in Tests/Snapshots/cli/<name>.txt: the help of every command in both
/// languages and the text output of inspect, lint and check on the samples. Each file starts with
/// the exit status and the command; `DOSSIER_UPDATE_SNAPSHOTS=1` (make snapshots) rewrites them.
@Suite struct CLISnapshotTests {
    static let folder = Run.projectRoot + "/Tests/Snapshots/cli"

    /// A snapshot: its file name and the command line (paths relative to the project folder,
    /// where it runs).
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var arguments: [String]
        var testDescription: String { name }
    }

    static let commands = ["inspect", "lint", "build", "render", "template", "template vars", "check", "verify", "sign"]

    static let helpCases: [Case] = ([[]] + commands.map { $0.split(separator: " ").map(String.init) }).flatMap { command -> [Case] in
        let name = (["help"] + command).joined(separator: "-")
        return [Case(name: name + ".nl", arguments: command + ["--help"]),
                Case(name: name + ".en", arguments: command + ["--help", "--lang", "en"])]
    }

    static func files(_ folder: String, _ extensions: [String]) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Run.projectRoot + "/" + folder)) ?? []
        return names.filter { name in extensions.contains { name.hasSuffix("." + $0) } }.sorted().map { folder + "/" + $0 }
    }

    static let inspectCases: [Case] = files("samples/documents", ["docx", "odt"]).map {
        Case(name: "inspect-" + ($0 as NSString).lastPathComponent, arguments: ["inspect", $0])
    }

    static let lintCases: [Case] = (files("samples/tenders", ["yaml"]) + files("samples/tenders/lint", ["yaml"])).map {
        Case(name: "lint-" + ($0.dropFirst("samples/tenders/".count)).replacingOccurrences(of: "/", with: "-"), arguments: ["lint", $0])
    }

    /// `check` on the complete submission and the one with many defects of each sample tender, at
    /// the moment of samples/submissions/demo-now.txt (as `make demo`).
    static let checkCases: [Case] = {
        let text = (try? String(contentsOfFile: Run.projectRoot + "/samples/submissions/demo-now.txt", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").flatMap { line -> [Case] in
            let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { return [] }
            let (tender, now) = (parts[0], parts[1])
            return ["compleet", "veel-gebreken"].map { submission in
                Case(name: "check-\(tender)-\(submission)",
                     arguments: ["check", "samples/submissions/\(tender)/\(submission)", "--tender", "samples/tenders/\(tender).yaml", "--now", now])
            }
        }
    }()

    static let cases = helpCases + inspectCases + lintCases + checkCases

    /// The file's text: exit status, command, standard output, and standard error when there is
    /// any; the project folder and the scratch folder replaced by placeholders.
    static func snapshot(_ run: Run, _ arguments: [String], scratch: String) -> String {
        func clean(_ text: String) -> String {
            text.replacingOccurrences(of: scratch, with: "<tmp>").replacingOccurrences(of: Run.projectRoot, with: "<root>")
        }
        var text = "exit: \(run.status)\n$ dossier \(arguments.map { $0.contains(" ") ? "\"\($0)\"" : $0 }.joined(separator: " "))\n"
        text += clean(run.stdout)
        if !run.stderr.isEmpty { text += "--- stderr\n" + clean(run.stderr) }
        return text
    }

    @Test(arguments: cases)
    func outputIsAsInTheSnapshot(_ snapshot: Case) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-snapshot-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        // A fixed width for the help, no colour, the default language, a clean home.
        let run = try Run.dossier(snapshot.arguments, environment: ["COLUMNS": "100", "LINES": "50", "NO_COLOR": "1", "TERM": "dumb",
                                                                    "HOME": scratch, "TMPDIR": scratch],
                                  directory: Run.projectRoot)
        let text = Self.snapshot(run, snapshot.arguments, scratch: scratch)
        let failure = Snapshot.compare(text, with: "\(Self.folder)/\(snapshot.name).txt")
        #expect(failure == nil, "\(failure ?? "")")
    }

    /// Each case has its file and each file its case (a snapshot of a removed sample is noticed).
    @Test func everySnapshotHasItsCase() throws {
        #expect(Self.inspectCases.count >= 6 && Self.lintCases.count >= 3 && Self.checkCases.count >= 4)
        let files = Set(((try? FileManager.default.contentsOfDirectory(atPath: Self.folder)) ?? []).filter { $0.hasSuffix(".txt") })
        let expected = Set(Self.cases.map { $0.name + ".txt" })
        if Snapshot.updating {
            // Updating: the snapshots of cases that are gone are removed.
            for stale in files.subtracting(expected) { try FileManager.default.removeItem(atPath: "\(Self.folder)/\(stale)") }
        } else {
            #expect(files == expected, "missing: \(expected.subtracting(files).sorted()), without a case: \(files.subtracting(expected).sorted())")
        }
    }
}
