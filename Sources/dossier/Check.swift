import ArgumentParser
import Compliance
import DocModel
import DutchTime
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PackageIO

/// `dossier check SUBMISSION (--profile requirements.json | --tender TENDER)` and
/// `dossier check --batch DIR …`.
struct Check: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, html, csv
    }

    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: ui.pick(
            "Controleert een inzending (map of .zip) tegen de eisen van de aanbesteding: secties, velden, partijen en UEA's, bewijs, referenties, hygiëne en termijn.",
            "Checks a submission (folder or .zip) against the tender's requirements: sections, fields, parties and UEAs, evidence, references, hygiene and deadline."),
        discussion: ui.pick(
            "Uitgangscode 0 compleet, 1 niet compleet (een fout), 2 kon niet controleren. Met --batch: 0 als alles compleet is, 1 als een inzending niet compleet is of niet gecontroleerd kon worden, 2 als de map of het profiel onleesbaar is. JSON-schema: docs/check-report.md.",
            "Exit code 0 complete, 1 incomplete (an error), 2 could not check. With --batch: 0 when everything is complete, 1 when a submission is incomplete or could not be checked, 2 when the folder or the profile is unreadable. JSON schema: docs/check-report.md.")
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup(title: "Limits") var limitOptions: LimitOptions

    @Argument(help: ArgumentHelp(ui.pick("De inzending: een map of een .zip.", "The submission: a folder or a .zip."), valueName: "inzending"))
    var submission: String?

    @Option(name: .long, help: ArgumentHelp(ui.pick("Map met inzendingen (submappen en .zip-bestanden) om allemaal te controleren.", "Folder of submissions (subfolders and .zip files) to check all of."), valueName: "map"))
    var batch: String?

    @Option(name: .long, help: ArgumentHelp(ui.pick("Met --batch: aantal inzendingen tegelijk (standaard één per actieve kern).", "With --batch: submissions checked at once (default one per active core)."), valueName: "n"))
    var jobs: Int?

    @Option(name: .long, help: ArgumentHelp(ui.pick("Het controleprofiel (requirements.json van dossier build).", "The check profile (requirements.json from dossier build)."), valueName: "bestand"))
    var profile: String?

    @Option(name: .long, help: ArgumentHelp(ui.pick("Het tenderbestand; het profiel wordt eruit afgeleid.", "The tender file; the profile is derived from it."), valueName: "tender"))
    var tender: String?

    @Option(name: .long, help: ArgumentHelp(ui.pick("De klok voor deze controle (ISO 8601, bv. 2021-05-01T10:00:00+02:00; zonder tijdzone Europe/Amsterdam).", "The clock for this check (ISO 8601, e.g. 2021-05-01T10:00:00+02:00; without offset Europe/Amsterdam)."), valueName: "datumtijd"))
    var now: TypedMoment?

    @Option(name: .long, help: ArgumentHelp(ui.pick("Uitvoer: text, json of html (batch: text, csv of html).", "Output: text, json or html (batch: text, csv or html)."), valueName: "formaat"))
    var format: Format = .text

    @Option(name: .shortAndLong, help: ArgumentHelp(ui.pick("Schrijf het rapport naar dit bestand.", "Write the report to this file."), valueName: "bestand"))
    var output: String?

    @Flag(name: .long, help: ArgumentHelp(ui.pick("Tel pagina's door het dossier met LibreOffice te renderen.", "Count pages by rendering the dossier with LibreOffice.")))
    var render = false

    func validate() throws {
        let l = global.lang
        if (submission == nil) == (batch == nil) {
            throw ValidationError(l.pick("geef één inzending of --batch MAP", "give one submission or --batch DIR"))
        }
        if (profile == nil) == (tender == nil) {
            throw ValidationError(l.pick("geef --profile of --tender (één van beide)", "give --profile or --tender (one of them)"))
        }
        if let now, now.date == nil {
            throw ValidationError(l.pick("--now: geen geldige datum en tijd: \(now.text)", "--now: not a valid date and time: \(now.text)"))
        }
        if batch == nil && format == .csv { throw ValidationError(l.pick("--format csv is alleen voor --batch", "--format csv is for --batch only")) }
        if let jobs {
            if batch == nil { throw ValidationError(l.pick("--jobs is alleen voor --batch", "--jobs is for --batch only")) }
            if jobs < 1 || jobs > 1024 { throw ValidationError(l.pick("--jobs moet tussen 1 en 1024 liggen", "--jobs must be between 1 and 1024")) }
        }
        if batch != nil && format == .json { throw ValidationError(l.pick("--format json is niet voor --batch; kies text, csv of html", "--format json is not for --batch; choose text, csv or html")) }
    }

    func loadProfile(_ language: Language) throws -> RequirementsProfile {
        do {
            return try (profile.map(CheckProfileSource.profile) ?? .tender(tender ?? "")).load()
        } catch {
            Console.error("dossier: \(error.message.text(in: language))\n")
            throw ExitCode(2)
        }
    }

    func emit(_ text: String, _ language: Language) throws {
        guard let output else { Console.out(text); return }
        do {
            try AtomicFile.write(Array(text.utf8), to: output, overwrite: true)
        } catch let error as WriteError {
            Console.error("dossier: \(error.message(in: language))\n")
            throw ExitCode(2)
        }
    }

    func run() throws {
        let language = global.lang
        let profile = try loadProfile(language)
        let options = CheckOptions(now: now?.date, render: render)
        let limits = limitOptions.limits
        if let batch {
            let paths: [String]
            do {
                paths = try BatchCheck.submissions(in: batch)
            } catch {
                Console.error("dossier: \(error.message.text(in: language))\n")
                throw ExitCode(2)
            }
            let showProgress = isatty(STDERR_FILENO) == 1
            let report: @Sendable (Int, Int) -> Void = { (done: Int, total: Int) in
                Console.error("\r" + language.pick("gecontroleerd: \(done)/\(total)", "checked: \(done)/\(total)") + (done == total ? "\n" : ""))
            }
            let progress: (@Sendable (Int, Int) -> Void)? = showProgress ? report : nil
            let entries = BatchCheck(profile: profile, options: options, limits: limits).run(paths: paths, jobs: jobs, progress: progress)
            let overviewFormat: BatchCheck.OverviewFormat = format == .csv ? .csv : format == .html ? .html : .text
            try emit(BatchCheck.overview(entries, format: overviewFormat, language: language), language)
            if entries.contains(where: { $0.report?.complete != true }) { throw ExitCode(1) }
            return
        }
        let path = submission ?? ""
        let report: CheckReport
        do {
            report = try CheckEngine().check(path: path, profile: profile, options: options, limits: limits)
        } catch {
            Console.error("dossier: \(error.message.text(in: language))\n")
            throw ExitCode(2)
        }
        let reportFormat: CheckReportFormat = format == .json ? .json : format == .html ? .html : .text
        let colour = output == nil && reportFormat == .text && Console.isTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        try emit(CheckReportRenderer.render(report, format: reportFormat, language: language, colour: colour), language)
        if !report.complete { throw ExitCode(1) }
    }
}
