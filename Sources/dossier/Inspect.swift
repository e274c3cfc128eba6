import ArgumentParser
import DocModel
import PackageIO
import DocReaders

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: ui.pick(
            "Toont de opbouw van DOCX-, ODT- en PDF-documenten: koppen met woorden per sectie, tabellen, signalen en metadata.",
            "Shows the structure of DOCX, ODT and PDF documents: headings with words per section, tables, flags and metadata."),
        discussion: ui.pick(
            "Uitgangscode 0 als elk bestand gelezen is, 2 als een bestand niet gelezen kon worden.",
            "Exit code 0 when every file was read, 2 when a file could not be read.")
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup(title: "Limits") var limitOptions: LimitOptions

    @Flag(name: .long, help: ArgumentHelp(ui.pick("Uitvoer als JSON (schema in docs/inspect-json.md).", "Output as JSON (schema in docs/inspect-json.md).")))
    var json = false

    @Flag(name: .long, help: ArgumentHelp(ui.pick("Toon het volledige documentmodel (voor ontwikkelaars en tests).", "Print the whole document model (for developers and tests).")))
    var model = false

    @Argument(help: ArgumentHelp(ui.pick("De documenten (.docx, .odt, .fodt, .pdf).", "The documents (.docx, .odt, .fodt, .pdf)."), valueName: "bestand"))
    var files: [String]

    func validate() throws {
        if files.isEmpty {
            throw ValidationError(global.lang.pick("geef ten minste één bestand", "give at least one file"))
        }
    }

    func run() throws {
        let language = global.lang
        let limits = limitOptions.limits
        var failed = false
        var reports: [InspectReport] = []
        var texts: [String] = []
        for file in files {
            do {
                let document = try DocumentReader.read(path: file, limits: limits)
                let report = InspectReport(file: file, document: document)
                if model {
                    texts.append(ModelDump.dump(document))
                } else if json {
                    reports.append(report)
                } else {
                    texts.append(InspectText.render(report, language: language))
                }
            } catch let error as ReadError {
                failed = true
                let message = error.message(in: language)
                Console.error("dossier: \(file): \(message)\n")
                if json { reports.append(InspectReport(file: file, error: message)) }
            }
        }
        if json && !model {
            Console.out(files.count == 1 ? InspectReport.json(reports[0]) : InspectReport.json(reports))
        } else {
            Console.out(texts.joined(separator: "\n"))
        }
        if failed { throw ExitCode(2) }
    }
}
