import ArgumentParser
import Compliance
import DocModel
import Foundation
import PackageIO
import DocTemplates

/// `dossier render TEMPLATE DATA -o OUT`: fills a DOCX or ODT template with tender data.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: ui.pick(
            "Vult een DOCX- of ODT-sjabloon ({{titel}}, {{#percelen}}…{{/percelen}}) met gegevens uit YAML of JSON.",
            "Fills a DOCX or ODT template ({{titel}}, {{#percelen}}…{{/percelen}}) with data from YAML or JSON."),
        discussion: ui.pick(
            "Uitgangscode 0 als het document geschreven is, 1 bij fouten in het sjabloon (alle fouten worden getoond), 2 als invoer onleesbaar is of niet geschreven kan worden.",
            "Exit code 0 when the document was written, 1 for template errors (all are shown), 2 when input is unreadable or the output cannot be written.")
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup(title: "Limits") var limitOptions: LimitOptions

    @Argument(help: ArgumentHelp(ui.pick("Het sjabloon (.docx, .odt).", "The template (.docx, .odt)."), valueName: "sjabloon"))
    var template: String

    @Argument(help: ArgumentHelp(ui.pick("De gegevens (.yaml, .yml of .json).", "The data (.yaml, .yml or .json)."), valueName: "gegevens"))
    var data: String

    @Option(name: .shortAndLong, help: ArgumentHelp(ui.pick("Het document dat gemaakt wordt.", "The document to write."), valueName: "uitvoer"))
    var output: String

    @Flag(name: .customLong("allow-missing"), help: ArgumentHelp(ui.pick("Onbekende variabelen worden leeg in plaats van een fout.", "Unknown variables render empty instead of being errors.")))
    var allowMissing = false

    @Flag(name: .long, help: ArgumentHelp(ui.pick("Overschrijf een bestaand uitvoerbestand.", "Overwrite an existing output file.")))
    var force = false

    func run() throws {
        let language = global.lang
        let limits = limitOptions.limits
        let values: TemplateValue
        do {
            values = try DataFile.load(data, limits: limits)
        } catch {
            Console.error("dossier: " + (error.namesFile ? "" : "\(data): ") + error.message.text(in: language) + "\n")
            throw ExitCode(2)
        }
        let bytes: [UInt8]
        do {
            bytes = try TemplateRenderer.render(templateAt: template, data: values, options: TemplateOptions(allowMissing: allowMissing, limits: limits))
        } catch let error as ReadError {
            Console.error("dossier: \(template): \(error.message(in: language))\n")
            throw ExitCode(2)
        } catch let errors as TemplateErrors {
            for message in errors.messages(in: language) { Console.error("dossier: \(template): \(message)\n") }
            throw ExitCode(1)
        }
        do {
            try AtomicFile.write(bytes, to: output, overwrite: force)
        } catch let error as WriteError {
            var message = error.message(in: language)
            if error.kind == .targetExists {
                message += language.pick(" (gebruik --force)", " (use --force)")
            }
            Console.error("dossier: \(message)\n")
            throw ExitCode(2)
        }
    }
}

/// `dossier template …`: commands about templates.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: ui.pick("Werken met sjablonen.", "Working with templates."),
        subcommands: [TemplateVars.self]
    )
}

/// `dossier template vars TEMPLATE`: the variables a template uses, sections nested.
struct TemplateVars: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vars",
        abstract: ui.pick(
            "Toont de variabelen die een sjabloon gebruikt, één per regel; secties (#, ^) met hun inhoud ingesprongen.",
            "Lists the variables a template uses, one per line; sections (#, ^) with their contents indented."),
        discussion: ui.pick(
            "Uitgangscode 0 als het sjabloon gelezen is, 1 bij fouten in het sjabloon, 2 als het onleesbaar is.",
            "Exit code 0 when the template was read, 1 for template errors, 2 when it is unreadable.")
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup(title: "Limits") var limitOptions: LimitOptions

    @Argument(help: ArgumentHelp(ui.pick("Het sjabloon (.docx, .odt).", "The template (.docx, .odt)."), valueName: "sjabloon"))
    var template: String

    func run() throws {
        let language = global.lang
        let result: (variables: [TemplateVariable], errors: [TemplateError])
        do {
            result = try TemplateRenderer.variables(templateAt: template, limits: limitOptions.limits)
        } catch let error as ReadError {
            Console.error("dossier: \(template): \(error.message(in: language))\n")
            throw ExitCode(2)
        }
        var lines: [String] = []
        func walk(_ variables: [TemplateVariable], depth: Int) {
            for variable in variables {
                let mark = variable.kind == .section ? "#" : variable.kind == .invertedSection ? "^" : ""
                lines.append(String(repeating: "  ", count: depth) + mark + variable.name)
                walk(variable.children, depth: depth + 1)
            }
        }
        walk(result.variables, depth: 0)
        Console.out(lines.map { $0 + "\n" }.joined())
        for error in result.errors { Console.error("dossier: \(template): \(error.message(in: language))\n") }
        if !result.errors.isEmpty { throw ExitCode(1) }
    }
}
