import ArgumentParser
import DocModel
import DutchTime
import Foundation
import PackageIO

/// Options every command has.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(ui.pick("Taal van de uitvoer: nl of en.", "Output language: nl or en."), valueName: "taal"))
    var lang: Language = ui
}

/// Limits for reading untrusted files; the defaults suit real documents.
struct LimitOptions: ParsableArguments {
    @Option(name: .customLong("max-entries"), help: ArgumentHelp(ui.pick("Maximaal aantal onderdelen in een pakket (standaard 10000).", "Most entries in a package (default 10000).")))
    var maxEntries: Int?

    @Option(name: .customLong("max-part-mib"), help: ArgumentHelp(ui.pick("Maximale uitgepakte grootte van één onderdeel in MiB (standaard 64).", "Largest unpacked size of one part in MiB (default 64).")))
    var maxPartMiB: Int?

    @Option(name: .customLong("max-total-mib"), help: ArgumentHelp(ui.pick("Maximaal totaal uitgepakt per pakket in MiB (standaard 96).", "Most unpacked bytes per package in MiB (default 96).")))
    var maxTotalMiB: Int?

    @Option(name: .customLong("max-ratio"), help: ArgumentHelp(ui.pick("Grootste compressieverhouding van een onderdeel (standaard 100).", "Largest compression ratio of a part (default 100).")))
    var maxRatio: Int?

    @Option(name: .customLong("max-pdf-seconds"), help: ArgumentHelp(ui.pick("Maximale rekentijd voor het lezen van één PDF in seconden (standaard 10).", "Most CPU time for reading one PDF, in seconds (default 10).")))
    var maxPDFSeconds: Int?

    func validate() throws {
        for (name, value) in [("--max-entries", maxEntries), ("--max-part-mib", maxPartMiB), ("--max-total-mib", maxTotalMiB), ("--max-ratio", maxRatio),
                              ("--max-pdf-seconds", maxPDFSeconds)] {
            if let value, value < 1 || value > 1 << 20 {
                throw ValidationError(ui.pick("\(name) moet tussen 1 en 1048576 liggen", "\(name) must be between 1 and 1048576"))
            }
        }
    }

    var limits: ReadLimits {
        var limits = ReadLimits()
        if let maxEntries { limits.maxEntries = maxEntries }
        if let maxPartMiB {
            limits.maxEntrySize = Int64(maxPartMiB) << 20
            limits.maxFileSize = max(limits.maxFileSize, limits.maxEntrySize)
        }
        if let maxTotalMiB { limits.maxTotalSize = Int64(maxTotalMiB) << 20 }
        if let maxRatio { limits.maxCompressionRatio = Int64(maxRatio) }
        if let maxPDFSeconds { limits.maxPDFSeconds = maxPDFSeconds }
        return limits
    }
}

/// A moment typed on the command line (`check --now`; without offset Europe/Amsterdam), parsed
/// once when the argument is read; `date` is nil when the text is no moment, which `validate()`
/// reports in the user's language.
struct TypedMoment: ExpressibleByArgument {
    let text: String
    let date: Date?

    init?(argument: String) {
        text = argument
        date = DutchTime.parse(argument)?.date
    }
}
