import DocModel
import DocTemplates
import Foundation
import PackageIO

/// `dossier build`: a tender's publishable documents and its check profile. Everything is rendered
/// first and nothing is written unless every document renders; existing files are kept unless
/// `force`; each file is written atomically.
public struct TenderBuild {
    public enum OutputFormat: String, CaseIterable, Sendable {
        case docx, odt
    }

    /// The templates every build renders, in this order.
    public static let templateNames = ["selectieleidraad", "bekwaamheidsdossier", "uea"]

    /// What a build said along the way (shown on standard error).
    public enum Note: Sendable {
        /// An officer's folder lacked a template: the default one was used.
        case defaultTemplateUsed(name: String, folder: String)
        /// A template has errors (every one of them); the build goes on rendering the others, then
        /// fails with ``Failure/templateErrors``.
        case templateErrors(path: String, TemplateErrors)
    }

    /// Why nothing was written.
    public enum Failure: Error {
        /// The tender file cannot be read (exit 2).
        case unreadableTender(TenderLoadError)
        /// The tender has errors (exit 1); all findings, warnings included.
        case tenderErrors([Finding])
        /// A template cannot be read (exit 2).
        case unreadableTemplate(path: String, ReadError)
        /// Templates with errors (exit 1), told as notes.
        case templateErrors
        /// A template failed in another way (exit 2).
        case template(path: String, String)
        /// The check profile could not be encoded (exit 2).
        case profile(String)
        /// The output folder cannot be made (exit 2).
        case folder(String)
        /// Files that exist already, without `force` (exit 2).
        case exists([String])
        /// A file could not be written (exit 2).
        case write(WriteError)
    }

    public var tenderPath: String
    public var outputFolder: String
    public var formats: [OutputFormat]
    /// The folder of templates, and the defaults for what it lacks (nil: it is the defaults).
    public var templates: String
    public var defaults: String?
    public var force: Bool

    public init(tenderPath: String, outputFolder: String, formats: [OutputFormat], templates: String, defaults: String?, force: Bool) {
        self.tenderPath = tenderPath
        self.outputFolder = outputFolder
        self.formats = formats
        self.templates = templates
        self.defaults = defaults
        self.force = force
    }

    public struct Result {
        /// Paths written, in order.
        public var written: [String]
        /// Warnings about the tender (a build goes ahead with warnings).
        public var warnings: [Finding]
    }

    /// Builds; `note` hears what the build says along the way, `written` each path as it is written.
    /// Loads and lints the tender: every problem at once, and no documents from a tender with errors.
    public func validate() throws(Failure) -> (TenderLoadResult, [Finding]) {
        let result: TenderLoadResult
        do {
            result = try TenderLoader.load(path: tenderPath)
        } catch {
            throw .unreadableTender(error)
        }
        var findings = result.findings
        if result.isComplete { findings += LintEngine().run(result.tender) }
        if FindingSummary(findings).hasErrors { throw .tenderErrors(findings) }
        return (result, findings)
    }

    public func run(note: (Note) -> Void = { _ in }, written: (String) -> Void = { _ in }) throws(Failure) -> Result {
        let (result, findings) = try validate()

        let data = result.tender.templateData
        var outputs: [(name: String, bytes: [UInt8])] = []
        var failed = false
        let manager = FileManager.default
        for name in Self.templateNames {
            for format in formats {
                var template = "\(templates)/\(name).\(format.rawValue)"
                if !manager.fileExists(atPath: template), let defaults, manager.fileExists(atPath: "\(defaults)/\(name).\(format.rawValue)") {
                    template = "\(defaults)/\(name).\(format.rawValue)"
                    note(.defaultTemplateUsed(name: "\(name).\(format.rawValue)", folder: templates))
                }
                do {
                    outputs.append(("\(name).\(format.rawValue)", try TemplateRenderer.render(templateAt: template, data: data)))
                } catch let error as ReadError {
                    throw .unreadableTemplate(path: template, error)
                } catch let errors as TemplateErrors {
                    note(.templateErrors(path: template, errors))
                    failed = true
                } catch {
                    throw .template(path: template, "\(error)")
                }
            }
        }
        if failed { throw .templateErrors }
        do {
            outputs.append(("requirements.json", try RequirementsProfile(tender: result.tender).jsonBytes()))
        } catch {
            throw .profile("\(error)")
        }
        do {
            try manager.createDirectory(atPath: outputFolder, withIntermediateDirectories: true)
        } catch {
            throw .folder(outputFolder)
        }
        if !force {
            let existing = outputs.map { "\(outputFolder)/\($0.name)" }.filter { manager.fileExists(atPath: $0) }
            if !existing.isEmpty { throw .exists(existing) }
        }
        var paths: [String] = []
        for (name, bytes) in outputs {
            let path = "\(outputFolder)/\(name)"
            do {
                try AtomicFile.write(bytes, to: path, overwrite: force)
            } catch let error as WriteError {
                throw .write(error)
            } catch {
                throw .write(WriteError(.ioFailed("\(error)"), subject: path))
            }
            paths.append(path)
            written(path)
        }
        return Result(written: paths, warnings: findings.filter { $0.severity == .warning })
    }
}
