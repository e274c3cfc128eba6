import ArgumentParser
import Compliance
import DocModel

struct Lint: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: ui.pick(
            "Controleert een tenderbestand (YAML of JSON): sleutels, typen, wegingen, aandelen, planning en termijnen.",
            "Checks a tender file (YAML or JSON): keys, types, weights, shares, planning and terms."),
        discussion: ui.pick(
            "Uitgangscode 0 zonder fouten (waarschuwingen mogen), 1 bij fouten, 2 als het bestand niet gelezen kon worden.",
            "Exit code 0 without errors (warnings allowed), 1 with errors, 2 when the file could not be read.")
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp(ui.pick("Uitvoer: text of json.", "Output: text or json."), valueName: "formaat"))
    var format: Format = .text

    @Argument(help: ArgumentHelp(ui.pick("Het tenderbestand (.yaml, .yml of .json).", "The tender file (.yaml, .yml or .json)."), valueName: "tender"))
    var tender: String

    func run() throws {
        let language = global.lang
        let findings: [Finding]
        do {
            findings = try TenderLint.lint(path: tender)
        } catch {
            Console.error("dossier: \(error.message(in: language))\n")
            throw ExitCode(2)
        }
        switch format {
        case .text: Console.out(TextReporter().render(findings, subject: tender, language: language))
        case .json: Console.out(JSONReporter().render(findings, subject: tender, language: language))
        }
        if FindingSummary(findings).hasErrors { throw ExitCode(1) }
    }
}
