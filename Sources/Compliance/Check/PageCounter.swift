import DocModel
import Foundation
import PackageIO

/// What rendering the dossier gave (`dossier check --render`).
public enum RenderedPages: Sendable, Equatable {
    case counted(Int)
    /// LibreOffice was not found or the conversion failed.
    case failed
}

/// Counts the pages of a dossier by converting it to PDF with LibreOffice in a private temporary
/// folder. Runs while the submission is loaded, on the file in hand, so no rule opens it again.
public struct PageCounter: Sendable {
    /// The `soffice` executable; looked up on PATH when nil.
    public var soffice: String?

    public init(soffice: String? = nil) {
        self.soffice = soffice
    }

    func count(document: Document, source: SubmissionLoader.Source) -> RenderedPages {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        guard let executable = soffice ?? path.split(separator: ":").map({ "\($0)/soffice" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            return .failed
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-render-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let ext = document.format == .docx ? "docx" : document.format == .odt ? "odt" : "fodt"
            let copy = folder.appendingPathComponent("dossier.\(ext)")
            switch source {
            case .path(let original, _): try FileManager.default.copyItem(atPath: original, toPath: copy.path)
            case .bytes(let bytes): try Data(bytes).write(to: copy)
            case .tooLarge: return .failed
            }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = ["--headless", "-env:UserInstallation=file://\(folder.path)/profile", "--convert-to", "pdf", "--outdir", folder.path, copy.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            // The PDF's pages as poppler counts them (the one PDF reader).
            guard let pdf = FileManager.default.contents(atPath: folder.appendingPathComponent("dossier.pdf").path),
                  let content = try? PDFFile.read(Array(pdf), limits: .default), !content.pages.isEmpty else { return .failed }
            return .counted(content.pages.count)
        } catch {
            return .failed
        }
    }
}
