import DocModel
import Foundation
import PackageSignatures

/// One file of a submission, classified by its content (never by its name).
public struct SubmissionFile: Sendable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The filled bekwaamheidsdossier (DOCX/ODT).
        case dossier
        /// A UEA as a document (DOCX/ODT).
        case uea
        /// A UEA as ESPD XML (`QualificationApplicationResponse`).
        case espd
        /// Anything else: evidence (PDF, text, documents, images…).
        case evidence
        /// A document package that could not be read.
        case unreadable
    }

    /// How the text of a file was obtained: a report says which measure it relied on.
    public enum TextSource: String, Sendable, Hashable, Codable {
        /// The text of a DOCX/ODT document.
        case document
        /// The text of a PDF, as poppler reads it.
        case pdfText
        /// A PDF without any text: a scan. Only its name can be used.
        case scanned
        /// The file is plain text (UTF-8).
        case plainText
        /// XML text content (ESPD).
        case xml
        /// No text could be read: only the file name can be used.
        case none

        public func label(in language: Language) -> String {
            switch self {
            case .document: language.pick("de tekst van het document", "the document text")
            case .pdfText: language.pick("de tekst van de PDF", "the PDF's text")
            case .scanned: language.pick("gescande PDF zonder tekst: alleen de bestandsnaam", "scanned PDF without text: the file name only")
            case .plainText: language.pick("de tekst van het bestand", "the file's text")
            case .xml: language.pick("de XML-inhoud", "the XML content")
            case .none: language.pick("alleen de bestandsnaam", "the file name only")
            }
        }
    }

    /// The path inside the submission (relative to the folder or zip).
    public var name: String
    public var kind: Kind
    public var size: Int
    public var document: Document?
    /// Visible text, one line per paragraph (empty when none could be read).
    public var text: String
    public var textSource: TextSource
    /// The file system's modification time, when the submission is a folder.
    public var modified: Date?
    /// Why the file could not be read (for `.unreadable`).
    public var readError: LocalizedText?
    /// For the dossier with `--render`: its pages as LibreOffice renders them.
    public var renderedPages: RenderedPages?
    /// For a document: its outline and flags, computed once when it is loaded.
    public var outline: Outline?
    public var flags: DocumentFlags?
    /// For the dossier: what the checker reads from it (fields, sections, tables, labelled lines).
    public var view: DossierView?
    /// For a UEA document: its package signatures, verified (no trust store: the signer is
    /// identified, not trusted).
    public var signatures: SignatureVerificationReport?
    /// For ESPD XML: what the response says (operator, role, reliance on other entities).
    public var espd: ESPDResponse?

    public init(name: String, kind: Kind, size: Int, document: Document? = nil, text: String = "",
                textSource: TextSource = .none, modified: Date? = nil, readError: LocalizedText? = nil) {
        self.name = name
        self.kind = kind
        self.size = size
        self.document = document
        self.text = text
        self.textSource = textSource
        self.modified = modified
        self.readError = readError
    }

    /// The last path component.
    public var baseName: String { name.split(separator: "/").last.map(String.init) ?? name }
}

/// A submission as uploaded: a folder or a zip, its files classified.
public struct Submission: Sendable {
    /// The path given by the user (folder or zip).
    public var path: String
    public var files: [SubmissionFile]

    public init(path: String, files: [SubmissionFile]) {
        self.path = path
        self.files = files
    }

    /// The bekwaamheidsdossier: the first file recognised as one.
    public var dossierFile: SubmissionFile? { files.first { $0.kind == .dossier } }
    public var dossiers: [SubmissionFile] { files.filter { $0.kind == .dossier } }
    public var ueas: [SubmissionFile] { files.filter { $0.kind == .uea || $0.kind == .espd } }
    public var evidence: [SubmissionFile] { files.filter { $0.kind == .evidence } }
    /// Every file read as a DOCX/ODT document.
    public var documents: [SubmissionFile] { files.filter { $0.document != nil } }
}

/// Why a submission could not be checked at all (exit status 2).
public struct CheckError: Error, Sendable, Equatable {
    public var message: LocalizedText

    public init(_ message: LocalizedText) {
        self.message = message
    }
}
