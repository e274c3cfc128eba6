import DocModel
import PackageIO

/// Reads any supported document, recognised by content: DOCX (and DOCM/DOTX), ODT (and OTT),
/// flat ODT. Refuses, with a clear ``ReadError``, encrypted Office files, Word 97-2003 files,
/// spreadsheets, presentations and anything that is not a document package.
public enum DocumentReader {
    public static func read(path: String, limits: ReadLimits = .default) throws -> Document {
        try read(InputDocument.open(path: path, limits: limits))
    }

    /// Reads a document held in memory (a file taken from a zip submission, a test document).
    public static func read(bytes: [UInt8], limits: ReadLimits = .default) throws -> Document {
        try read(InputDocument.open(bytes: bytes, limits: limits))
    }

    /// Reads an opened input: the one place that chooses the reader.
    public static func read(_ input: InputDocument) throws -> Document {
        switch input {
        case .odfPackage(let archive, let mediaType):
            switch ODFPackage.documentKind(mediaType: mediaType) {
            case "text"?: return try ODTReader.read(archive: archive)
            case let other?: throw ReadError(.unsupportedDocumentKind(other))
            case nil: throw ReadError(.wrongMimetype(mediaType), part: "mimetype")
            }
        case .ooxml(let archive):
            let package = try OfficePackage(archive: archive)
            switch package.mainContentKind {
            case "document"?: return try DocxReader.read(package: package)
            case let other?: throw ReadError(.unsupportedDocumentKind(other))
            case nil:
                // No content type for the main part: judge by its root element.
                return try DocxReader.read(package: package)
            }
        case .flatODT(let bytes, let limits):
            return try ODTReader.readFlat(bytes, limits: limits)
        case .pdf(let bytes, let limits):
            return try PDFReader.read(bytes, limits: limits)
        case .otherZip(_, let probeError):
            throw probeError ?? ReadError(.unknownPackage)
        }
    }

    /// The parts of a package as facts, with their content types where known.
    static func partFacts(_ archive: ZipArchive, contentTypes: (String) -> String?) -> [PackageFacts.Part] {
        archive.entries.filter { !$0.isDirectory }.map {
            PackageFacts.Part(name: $0.name, size: $0.size, compressedSize: $0.compressedSize, contentType: contentTypes($0.name))
        }
    }
}
