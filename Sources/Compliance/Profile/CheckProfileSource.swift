import DocModel
import Foundation

/// Where `dossier check` takes its profile from: a `requirements.json` made by `dossier build`, or
/// the tender file itself (derived as `build` would). A tender with errors cannot be checked
/// against: the error is one line, the first error and how many there are.
public enum CheckProfileSource {
    case profile(String)
    case tender(String)

    public func load() throws(CheckError) -> RequirementsProfile {
        switch self {
        case .profile(let path):
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CheckError(LocalizedText("\(path): bestand niet gevonden of niet leesbaar", "\(path): file not found or not readable"))
            }
            do {
                return try RequirementsProfile.decode(Array(data))
            } catch {
                throw CheckError(LocalizedText("\(path): geen geldig controleprofiel (requirements.json)", "\(path): not a valid check profile (requirements.json)"))
            }
        case .tender(let path):
            let result: TenderLoadResult
            do {
                result = try TenderLoader.load(path: path)
            } catch {
                throw CheckError(LocalizedText(error.message(in: .nl), error.message(in: .en)))
            }
            if FindingSummary(result.findings).hasErrors || !result.isComplete {
                // `dossier lint` lists them all.
                let errors = Finding.sorted(result.findings).filter { $0.severity == .error }
                let first = errors.first
                let place = first.map(\.location.prefix).flatMap { $0.isEmpty ? nil : $0 } ?? path
                let count = max(errors.count, 1)
                let message = first?.message ?? LocalizedText("onvolledig", "incomplete")
                throw CheckError(LocalizedText(
                    "\(place): \(message.nl); het tenderbestand heeft \(count) \(count == 1 ? "fout" : "fouten"), controleren is niet mogelijk (alle fouten: dossier lint)",
                    "\(place): \(message.en); the tender file has \(count) \(count == 1 ? "error" : "errors"), cannot check (all errors: dossier lint)"))
            }
            return RequirementsProfile(tender: result.tender)
        }
    }
}
