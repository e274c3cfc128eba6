import ArgumentParser
import Compliance
import DocModel
import Foundation
import PackageIO
import DocTemplates

/// `dossier build TENDER -o DIR`: the publishable documents and the check profile of a tender.
struct Build: ParsableCommand {
    enum OutputFormat: String, CaseIterable {
        case docx, odt
    }

    static let templateNames = ["selectieleidraad", "bekwaamheidsdossier", "uea"]

    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: ui.pick(
            "Maakt de selectieleidraad, het bekwaamheidsdossier (DOCX en ODT) en requirements.json uit een tenderbestand.",
            "Makes the selectieleidraad, the bekwaamheidsdossier (DOCX and ODT) and requirements.json from a tender file."),
        discussion: ui.pick(
            "Dezelfde tender geeft dezelfde bytes. Bestaande bestanden worden alleen met --force overschreven. Uitgangscode 0 gelukt, 1 fouten in de tender of een sjabloon, 2 onleesbare invoer of een bestand dat al bestaat.",
            "The same tender gives the same bytes. Existing files are overwritten only with --force. Exit code 0 success, 1 errors in the tender or a template, 2 unreadable input or a file that exists.")
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp(ui.pick("Het tenderbestand (.yaml of .json).", "The tender file (.yaml or .json)."), valueName: "tender"))
    var tender: String

    @Option(name: .shortAndLong, help: ArgumentHelp(ui.pick("Map voor de uitvoer (wordt aangemaakt).", "Output folder (created when missing)."), valueName: "map"))
    var output: String

    @Option(name: .long, help: ArgumentHelp(ui.pick("Formaten, gescheiden door komma's: docx,odt.", "Formats, comma separated: docx,odt."), valueName: "formaten"))
    var format: String = "docx,odt"

    @Option(name: .long, help: ArgumentHelp(ui.pick("Map met eigen sjablonen (selectieleidraad.docx/.odt, bekwaamheidsdossier.docx/.odt).", "Folder with your own templates (selectieleidraad.docx/.odt, bekwaamheidsdossier.docx/.odt)."), valueName: "map"))
    var templates: String?

    @Flag(name: .long, help: ArgumentHelp(ui.pick("Bestaande bestanden overschrijven.", "Overwrite existing files.")))
    var force = false

    var formats: [OutputFormat] {
        format.split(separator: ",").compactMap { OutputFormat(rawValue: $0.trimmingCharacters(in: .whitespaces).lowercased()) }
    }

    func validate() throws {
        let names = format.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if names.isEmpty || names.contains(where: { OutputFormat(rawValue: $0) == nil }) {
            throw ValidationError(global.lang.pick("--format kent alleen docx en odt", "--format knows only docx and odt"))
        }
    }

    func run() throws {
        let language = global.lang
        // The tender: every problem at once, and no documents from a tender with errors.
        let result: TenderLoadResult
        do {
            result = try TenderLoader.load(path: tender)
        } catch {
            Console.error("dossier: \(error.message(in: language))\n")
            throw ExitCode(2)
        }
        var findings = result.findings
        if result.isComplete { findings += LintEngine().run(result.tender) }
        if FindingSummary(findings).hasErrors {
            Console.error(TextReporter().render(findings, subject: tender, language: language))
            Console.error(language.pick("dossier: los eerst de fouten in de tender op; er is niets geschreven\n",
                                        "dossier: fix the errors in the tender first; nothing was written\n"))
            throw ExitCode(1)
        }

        guard let folder = TemplateLocator.folder(explicit: templates) else {
            Console.error(language.pick(
                "dossier: de standaardsjablonen zijn niet gevonden; geef een map met --templates\n",
                "dossier: the default templates were not found; give a folder with --templates\n"))
            throw ExitCode(2)
        }

        // Render everything first: nothing is written unless every document renders.
        let data = result.tender.templateData
        var outputs: [(name: String, bytes: [UInt8])] = []
        var failed = false
        // An officer's own folder need not hold every template: what it lacks comes from the defaults.
        let defaults = templates == nil ? nil : TemplateLocator.folder(explicit: nil)
        for name in Self.templateNames {
            for format in formats {
                var template = "\(folder)/\(name).\(format.rawValue)"
                if !FileManager.default.fileExists(atPath: template), let defaults,
                   FileManager.default.fileExists(atPath: "\(defaults)/\(name).\(format.rawValue)") {
                    template = "\(defaults)/\(name).\(format.rawValue)"
                    Console.error(language.pick("dossier: \(name).\(format.rawValue) niet in \(folder): het standaardsjabloon wordt gebruikt\n",
                                                "dossier: \(name).\(format.rawValue) not in \(folder): the default template is used\n"))
                }
                do {
                    outputs.append(("\(name).\(format.rawValue)", try TemplateRenderer.render(templateAt: template, data: data)))
                } catch let error as ReadError {
                    Console.error("dossier: \(template): \(error.message(in: language))\n")
                    throw ExitCode(2)
                } catch let errors as TemplateErrors {
                    for message in errors.messages(in: language) { Console.error("dossier: \(template): \(message)\n") }
                    failed = true
                }
            }
        }
        if failed { throw ExitCode(1) }
        do {
            outputs.append(("requirements.json", try RequirementsProfile(tender: result.tender).jsonBytes()))
        } catch {
            Console.error("dossier: requirements.json: \(error)\n")
            throw ExitCode(2)
        }

        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        } catch {
            Console.error(language.pick("dossier: \(output): map kan niet worden gemaakt\n", "dossier: \(output): folder cannot be created\n"))
            throw ExitCode(2)
        }
        if !force {
            let existing = outputs.map { "\(output)/\($0.name)" }.filter { FileManager.default.fileExists(atPath: $0) }
            if !existing.isEmpty {
                for path in existing {
                    Console.error(language.pick("dossier: \(path): bestaat al (gebruik --force)\n", "dossier: \(path): exists already (use --force)\n"))
                }
                throw ExitCode(2)
            }
        }
        for (name, bytes) in outputs {
            let path = "\(output)/\(name)"
            do {
                try AtomicFile.write(bytes, to: path, overwrite: force)
            } catch let error as WriteError {
                Console.error("dossier: \(error.message(in: language))\n")
                throw ExitCode(2)
            }
            Console.out(language.pick("geschreven: ", "written: ") + path + "\n")
        }
        for finding in findings where finding.severity == .warning {
            Console.error(TextReporter().render([finding], subject: tender, language: language))
        }
    }
}

/// Where the default templates are: `--templates`, `DOSSIER_TEMPLATES`, `share/dossier/templates`
/// beside an installed binary, or `templates/` in the folder tree the binary was built in, or in
/// the working directory.
enum TemplateLocator {
    static func folder(explicit: String?) -> String? {
        if let explicit { return explicit }
        if let environment = ProcessInfo.processInfo.environment["DOSSIER_TEMPLATES"], !environment.isEmpty { return environment }
        var candidates: [String] = []
        if let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            var folder = URL(fileURLWithPath: executable).deletingLastPathComponent()
            candidates.append(folder.deletingLastPathComponent().appendingPathComponent("share/dossier/templates").path)
            for _ in 0..<5 {
                candidates.append(folder.appendingPathComponent("templates").path)
                folder = folder.deletingLastPathComponent()
            }
        }
        candidates.append(FileManager.default.currentDirectoryPath + "/templates")
        return candidates.first { FileManager.default.fileExists(atPath: "\($0)/\(Build.templateNames[0]).docx") }
    }
}
