import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DocModel
import Foundation
import PackageIO

/// The language of this run, decided before parsing so that help text follows `--lang` too.
let ui: Language = UserLanguage.fromArguments(CommandLine.arguments)

@main
struct Dossier: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: ui.pick(
            "Documenten voor aanbestedingen in het sociaal domein: lezen, samenstellen en controleren, volledig offline.",
            "Documents for social-domain tenders: read, assemble and check, fully offline."),
        discussion: ui.pick(
            "Gebruik --lang en voor Engelse uitvoer. Uitgangscodes: 0 gelukt, 1 bevindingen, 2 invoer onleesbaar.",
            "Use --lang nl for Dutch output. Exit codes: 0 success, 1 findings, 2 unreadable input."),
        version: version,
        subcommands: [Inspect.self, Lint.self, Build.self, Render.self, TemplateCommand.self, Check.self, Verify.self, Sign.self]
    )

    /// Runs the command; usage errors exit with status 2 like every other bad input.
    static func main() {
        let arguments = CommandLine.arguments
        if arguments.count > 1, arguments[1] == PDFWorker.argument {
            Glibc.exit(PDFWorker.serve(Array(arguments.dropFirst(2))))
        }
        // Every PDF is read by a worker: this same binary, limited by the kernel.
        PDFWorker.executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        do {
            var command = try parseAsRoot(UserLanguage.languageOptionLast(Array(CommandLine.arguments.dropFirst())))
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                Console.error("dossier: \(message(for: error))\n" + ui.pick("Zie 'dossier --help'.\n", "See 'dossier --help'.\n"))
                Glibc.exit(2)
            }
            exit(withError: error)
        }
    }
}

enum UserLanguage {
    /// `dossier --lang en inspect x.docx`: the language option given before the subcommand is
    /// moved to the end (before a `--`), where the subcommand's own `--lang` reads it.
    static func languageOptionLast(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var rest = arguments[...]
        while let first = rest.first, first.hasPrefix("-") {
            if first == "--lang", rest.count >= 2 {
                leading += rest.prefix(2)
                rest = rest.dropFirst(2)
            } else if first.hasPrefix("--lang=") {
                leading.append(first)
                rest = rest.dropFirst()
            } else {
                break
            }
        }
        guard !leading.isEmpty, !rest.isEmpty else { return arguments }
        var result = Array(rest)
        result.insert(contentsOf: leading, at: result.firstIndex(of: "--") ?? result.endIndex)
        return result
    }

    /// `--lang en`, `--lang=en`; otherwise DOSSIER_LANG; otherwise Dutch.
    static func fromArguments(_ arguments: [String]) -> Language {
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            if argument == "--lang", index + 1 < arguments.endIndex {
                return Language(rawValue: arguments[index + 1].lowercased()) ?? .nl
            }
            if argument.hasPrefix("--lang=") {
                return Language(rawValue: String(argument.dropFirst("--lang=".count)).lowercased()) ?? .nl
            }
            index += 1
        }
        if let value = getenv("DOSSIER_LANG").map({ String(cString: $0) }), let language = Language(rawValue: value.lowercased()) {
            return language
        }
        return .nl
    }
}

extension Language: ExpressibleByArgument {}
