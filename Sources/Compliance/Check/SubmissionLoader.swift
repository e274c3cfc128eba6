import DocModel
import Foundation
import PackageIO
import DocReaders
import PackageSignatures

/// Reads a submission (a folder or a `.zip`, never extracted to disk) and classifies every file
/// by its content: the bekwaamheidsdossier, UEAs (documents and ESPD XML) and evidence.
public enum SubmissionLoader {
    /// Most files one submission may hold.
    public static let maxFiles = 2_000

    /// Loads the submission at `path`; with `pages`, the dossier's pages are counted by
    /// rendering it (LibreOffice) while it is loaded, so no rule needs the file again.
    public static func load(path: String, limits: ReadLimits = .default, pages: PageCounter? = nil) throws(CheckError) -> Submission {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw CheckError(LocalizedText("\(path): inzending niet gevonden", "\(path): submission not found"))
        }
        let raw: [(name: String, source: Source, modified: Date?)]
        if isFolder.boolValue {
            raw = try folderFiles(path, limits: limits).map { ($0.name, $0.content, $0.modified) }
        } else {
            raw = try zipFiles(path, limits: limits).map { ($0.name, .bytes($0.bytes), $0.modified) }
        }
        var files = raw.map { classify(name: $0.name, source: $0.source, modified: $0.modified, limits: limits) }
        countPages(&files, sources: raw.map(\.source), with: pages)
        return Submission(path: path, files: files)
    }

    /// Classifies files already in memory (tests, other front ends).
    public static func load(path: String, files: [(name: String, bytes: [UInt8])], limits: ReadLimits = .default,
                            pages: PageCounter? = nil) -> Submission {
        let sorted = files.sorted { $0.name < $1.name }
        var classified = sorted.map { classify(name: $0.name, source: .bytes($0.bytes), modified: nil, limits: limits) }
        countPages(&classified, sources: sorted.map { .bytes($0.bytes) }, with: pages)
        return Submission(path: path, files: classified)
    }

    /// Where a file's bytes are: a path in a submission folder (a package is opened there, so
    /// libzip reads only the parts asked for and images are never inflated or held whole), the
    /// bytes of a zip submission's entry, or nothing when a file is larger than a file may be.
    enum Source {
        /// A file of a folder, with the size the folder listing found.
        case path(String, size: Int64)
        case bytes([UInt8])
        case tooLarge

        var prefix: [UInt8] {
            switch self {
            case .path(let path, _): (try? FileBytes.prefix(path, count: 8)) ?? []
            case .bytes(let bytes): Array(bytes.prefix(8))
            case .tooLarge: []
            }
        }

        /// The whole file, for what is read whole (text, XML, PDF).
        var bytes: [UInt8] {
            switch self {
            case .path(let path, _): FileManager.default.contents(atPath: path).map { Array($0) } ?? []
            case .bytes(let bytes): bytes
            case .tooLarge: []
            }
        }

        var size: Int {
            switch self {
            case .path(_, let size): Int(size)
            case .bytes(let bytes): bytes.count
            case .tooLarge: 0
            }
        }

        /// Opens a package; `prefix` is what `classify` sniffed, so a file is not sniffed twice.
        func open(limits: ReadLimits, prefix: [UInt8]) throws -> InputDocument {
            switch self {
            case .path(let path, _): try InputDocument.open(path: path, limits: limits, prefix: prefix)
            case .bytes(let bytes): try InputDocument.open(bytes: bytes, limits: limits)
            case .tooLarge: throw ReadError(.fileTooLarge(limit: limits.maxFileSize))
            }
        }
    }

    /// Sniffs a file once: a package (or an Office compound file) is opened once and read as a
    /// document, its signatures verified on the same opened input; anything else is read whole.
    static func classify(name: String, source: Source, modified: Date?, limits: ReadLimits) -> SubmissionFile {
        // A zip with entries, or anything that starts like an Office compound file, is opened as a
        // package; everything else is read whole.
        let prefix = source.prefix
        if prefix.starts(with: [0x50, 0x4B, 0x03, 0x04]) || prefix.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            return classifyPackage(name: name, size: source.size, modified: modified) { try source.open(limits: limits, prefix: prefix) }
        }
        return classifyContent(name: name, bytes: source.bytes, modified: modified, limits: limits)
    }

    /// The first dossier's pages, counted by rendering it (`--render`), once per submission.
    static func countPages(_ files: inout [SubmissionFile], sources: [Source], with pages: PageCounter?) {
        guard let pages, let index = files.firstIndex(where: { $0.kind == .dossier }), let document = files[index].document else { return }
        files[index].renderedPages = pages.count(document: document, source: sources[index])
    }

    static func ignored(_ name: String) -> Bool {
        let components = name.split(separator: "/")
        return components.contains { $0.hasPrefix(".") || $0 == "__MACOSX" } || components.last == "Thumbs.db"
    }

    static func folderFiles(_ path: String, limits: ReadLimits) throws(CheckError) -> [(name: String, content: Source, modified: Date?)] {
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(atPath: path) else {
            throw CheckError(LocalizedText("\(path): map kan niet worden gelezen", "\(path): folder cannot be read"))
        }
        var names: [String] = []
        while let next = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            let full = path + "/" + next
            if manager.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue, !ignored(next) { names.append(next) }
            if names.count > maxFiles {
                throw CheckError(LocalizedText("\(path): meer dan \(maxFiles) bestanden", "\(path): more than \(maxFiles) files"))
            }
        }
        var result: [(name: String, content: Source, modified: Date?)] = []
        for name in names.sorted() {
            let full = path + "/" + name
            let attributes = try? manager.attributesOfItem(atPath: full)
            let size = (attributes?[.size] as? NSNumber)?.int64Value ?? 0
            result.append((name, size > limits.maxFileSize ? .tooLarge : .path(full, size: size), attributes?[.modificationDate] as? Date))
        }
        return result
    }

    static func zipFiles(_ path: String, limits: ReadLimits) throws(CheckError) -> [(name: String, bytes: [UInt8], modified: Date?)] {
        do {
            let archive = try ZipArchive(path: path, limits: limits)
            var result: [(name: String, bytes: [UInt8], modified: Date?)] = []
            for entry in archive.entries where !entry.isDirectory && !ignored(entry.name) {
                if result.count >= maxFiles {
                    throw CheckError(LocalizedText("\(path): meer dan \(maxFiles) bestanden", "\(path): more than \(maxFiles) files"))
                }
                result.append((entry.name, try archive.read(entry), nil))
            }
            return result.sorted { $0.name < $1.name }
        } catch let error as ReadError {
            throw CheckError(LocalizedText("\(path): \(error.message(in: .nl))", "\(path): \(error.message(in: .en))"))
        } catch let error as CheckError {
            throw error
        } catch {
            throw CheckError(LocalizedText("\(path): \(error)", "\(path): \(error)"))
        }
    }

    // MARK: - Classification

    static func classifyContent(name: String, bytes: [UInt8], modified: Date?, limits: ReadLimits) -> SubmissionFile {
        if Sniffer.kind(ofPrefix: Array(bytes.prefix(8))) == .pdf {
            return pdfFile(name: name, bytes: bytes, modified: modified, limits: limits)
        }
        if let string = String(validating: bytes, as: UTF8.self), !string.contains("\u{0}") {
            let trimmed = string.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
            if trimmed.hasPrefix("<"), string.contains("QualificationApplicationResponse") {
                var file = SubmissionFile(name: name, kind: .espd, size: bytes.count, text: xmlText(string), textSource: .xml, modified: modified)
                file.espd = try? ESPDResponse.read(bytes: bytes, limits: limits)
                return file
            }
            if trimmed.hasPrefix("<"), string.contains("urn:oasis:names:tc:opendocument:xmlns:office"),
               let document = try? DocumentReader.read(bytes: bytes, limits: limits) {
                return documentFile(name: name, size: bytes.count, modified: modified, document: document)
            }
            return SubmissionFile(name: name, kind: .evidence, size: bytes.count, text: evidenceText(string), textSource: .plainText, modified: modified)
        }
        return SubmissionFile(name: name, kind: .evidence, size: bytes.count, modified: modified)
    }

    /// A PDF is evidence, its text read by poppler; a scan (no text on any page) says so, and a
    /// PDF that cannot be opened (a password, damage) is reported.
    static func pdfFile(name: String, bytes: [UInt8], modified: Date?, limits: ReadLimits) -> SubmissionFile {
        do {
            let document = try DocumentReader.read(.pdf(bytes, limits: limits))
            let scanned = document.pdf?.isScan == true
            var file = SubmissionFile(name: name, kind: .evidence, size: bytes.count, document: document,
                                      text: scanned ? "" : evidenceText(documentText(document)), textSource: scanned ? .scanned : .pdfText, modified: modified)
            file.flags = DocumentFlags(document: document)
            return file
        } catch let error as ReadError {
            return SubmissionFile(name: name, kind: .unreadable, size: bytes.count, modified: modified,
                                  readError: LocalizedText(error.message(in: .nl), error.message(in: .en)))
        } catch {
            return SubmissionFile(name: name, kind: .unreadable, size: bytes.count, modified: modified, readError: LocalizedText("\(error)", "\(error)"))
        }
    }

    /// Evidence is recognised by its first words: at most this much of its text is kept (the
    /// rules search it; megabytes of text made a check take seconds).
    public static let maxEvidenceText = 1 << 20

    static func evidenceText(_ text: String) -> String {
        text.utf8.count <= maxEvidenceText ? text : String(decoding: text.utf8.prefix(maxEvidenceText), as: UTF8.self)
    }

    /// A zip package or an Office compound file, read as a document by `read`.
    static func classifyPackage(name: String, size: Int, modified: Date?, open: () throws -> InputDocument) -> SubmissionFile {
        let lowerName = name.lowercased()
        do {
            let input = try open()
            let document = try DocumentReader.read(input)
            var file = documentFile(name: name, size: size, modified: modified, document: document)
            if file.kind == .uea {
                // The package signatures of a UEA: who signed it, when, and what they cover.
                file.signatures = try? PackageSignatureVerifier.verify(input, trust: nil)
            }
            return file
        } catch let error as ReadError {
            // A zip that is no document (an evidence archive, a spreadsheet) is evidence known by name only;
            // a file that claims to be a document but cannot be read is reported.
            let claimsDocument = [".docx", ".odt", ".docm", ".fodt"].contains { lowerName.hasSuffix($0) }
            if claimsDocument || error.kind != .unknownPackage && !(isUnsupportedKind(error)) {
                if claimsDocument || ![".zip", ".xlsx", ".ods", ".pptx"].contains(where: { lowerName.hasSuffix($0) }) {
                    return SubmissionFile(name: name, kind: .unreadable, size: size, modified: modified,
                                          readError: LocalizedText(error.message(in: .nl), error.message(in: .en)))
                }
            }
            return SubmissionFile(name: name, kind: .evidence, size: size, modified: modified)
        } catch {
            return SubmissionFile(name: name, kind: .unreadable, size: size, modified: modified,
                                  readError: LocalizedText("\(error)", "\(error)"))
        }
    }

    static func isUnsupportedKind(_ error: ReadError) -> Bool {
        if case .unsupportedDocumentKind = error.kind { return true }
        return false
    }

    /// A file read as a document, with what the rules read of it computed here, once: its text,
    /// outline and flags, its kind, and for the dossier the checker's view of it.
    static func documentFile(name: String, size: Int, modified: Date?, document: Document) -> SubmissionFile {
        let text = documentText(document)
        let outline = Outline(document: document)
        var file = SubmissionFile(name: name, kind: documentKind(document, text: text, outline: outline), size: size, document: document,
                                  text: text, textSource: .document, modified: modified)
        file.outline = outline
        file.flags = DocumentFlags(document: document)
        if file.kind == .dossier { file.view = DossierView(document: document) }
        return file
    }

    /// Body, tables, headers and footers: the text a reader sees.
    static func documentText(_ document: Document) -> String {
        var text = document.body.plainText
        for part in document.headersFooters { text += "\n" + part.blocks.plainText }
        return text
    }

    static func xmlText(_ xml: String) -> String {
        var result = ""
        var inTag = false
        for character in xml {
            if character == "<" { inTag = true; result.append(" ") } else if character == ">" { inTag = false } else if !inTag { result.append(character) }
        }
        return Words.normalizeSpace(result)
    }

    /// Dossier, UEA or evidence, by content.
    static func documentKind(_ document: Document, text: String, outline: Outline) -> SubmissionFile.Kind {
        let tags = Set(DossierView.controls(in: document.body).compactMap(\.tag))
        if tags.contains("kvk") && tags.contains("naam") && (tags.contains("percelen") || tags.contains { $0.hasPrefix("partij-") }) {
            return .dossier
        }
        let lead = TextMatch.normalize(((outline.title ?? "") + " " + (outline.flattened.first?.title ?? "") + " " + String(text.prefix(400))))
        if lead.contains("bekwaamheidsdossier") { return .dossier }
        if lead.contains("uniform europees aanbestedingsdocument") || lead.contains("european single procurement document")
            || lead.range(of: #"\buea\b"#, options: .regularExpression) != nil || lead.range(of: #"\bespd\b"#, options: .regularExpression) != nil {
            return .uea
        }
        let fixed = (DossierForm.leadingSections + DossierForm.trailingSections).map { TextMatch.normalize($0.title) }
        let headings = Set(outline.flattened.map { TextMatch.normalizeHeading($0.title) })
        if fixed.filter(headings.contains).count >= 2 { return .dossier }
        return .evidence
    }
}
