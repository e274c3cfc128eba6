import ArgumentParser
import Compliance
import DocModel
import Foundation
import PackageIO
import DocTemplates

/// `dossier build TENDER -o DIR`: the publishable documents and the check profile of a tender.
struct Build: ParsableCommand {
    typealias OutputFormat = TenderBuild.OutputFormat

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
        guard let folder = TemplateLocator.folder(explicit: templates) else {
            // Only reached for a tender without errors: the tender is judged first.
            try checkTenderFirst(language)
            Console.error(language.pick(
                "dossier: de standaardsjablonen zijn niet gevonden; geef een map met --templates\n",
                "dossier: the default templates were not found; give a folder with --templates\n"))
            throw ExitCode(2)
        }
        // An officer's own folder need not hold every template: what it lacks comes from the defaults.
        let build = TenderBuild(tenderPath: tender, outputFolder: output, formats: formats, templates: folder,
                                defaults: templates == nil ? nil : TemplateLocator.folder(explicit: nil), force: force)
        let result: TenderBuild.Result
        do {
            result = try build.run(note: { note in
                switch note {
                case .defaultTemplateUsed(let name, let folder):
                    Console.error(language.pick("dossier: \(name) niet in \(folder): het standaardsjabloon wordt gebruikt\n",
                                                "dossier: \(name) not in \(folder): the default template is used\n"))
                case .templateErrors(let path, let errors):
                    for message in errors.messages(in: language) { Console.error("dossier: \(path): \(message)\n") }
                }
            }, written: { path in Console.out(language.pick("geschreven: ", "written: ") + path + "\n") })
        } catch {
            throw report(error, language)
        }
        for finding in result.warnings {
            Console.error(TextReporter().render([finding], subject: tender, language: language))
        }
    }

    /// The tender's errors come before a missing template folder, as they do in a build.
    func checkTenderFirst(_ language: Language) throws {
        let probe = TenderBuild(tenderPath: tender, outputFolder: output, formats: [], templates: "", defaults: nil, force: false)
        do {
            _ = try probe.validate()
        } catch {
            throw report(error, language)
        }
    }

    func report(_ failure: TenderBuild.Failure, _ language: Language) -> ExitCode {
        switch failure {
        case .unreadableTender(let error):
            Console.error("dossier: \(error.message(in: language))\n")
            return ExitCode(2)
        case .tenderErrors(let findings):
            Console.error(TextReporter().render(findings, subject: tender, language: language))
            Console.error(language.pick("dossier: los eerst de fouten in de tender op; er is niets geschreven\n",
                                        "dossier: fix the errors in the tender first; nothing was written\n"))
            return ExitCode(1)
        case .unreadableTemplate(let path, let error):
            Console.error("dossier: \(path): \(error.message(in: language))\n")
            return ExitCode(2)
        case .templateErrors:
            return ExitCode(1)
        case .template(let path, let detail):
            Console.error("dossier: \(path): \(detail)\n")
            return ExitCode(2)
        case .profile(let detail):
            Console.error("dossier: requirements.json: \(detail)\n")
            return ExitCode(2)
        case .folder(let folder):
            Console.error(language.pick("dossier: \(folder): map kan niet worden gemaakt\n", "dossier: \(folder): folder cannot be created\n"))
            return ExitCode(2)
        case .exists(let paths):
            for path in paths {
                Console.error(language.pick("dossier: \(path): bestaat al (gebruik --force)\n", "dossier: \(path): exists already (use --force)\n"))
            }
            return ExitCode(2)
        case .write(let error):
            Console.error("dossier: \(error.message(in: language))\n")
            return ExitCode(2)
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
        return candidates.first { FileManager.default.fileExists(atPath: "\($0)/\(TenderBuild.templateNames[0]).docx") }
    }
}
