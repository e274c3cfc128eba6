import DocModel
import PackageIO

/// Reads any supported document, recognised by content: DOCX (and DOCM/DOTX), ODT (and OTT),
/// flat ODT. Refuses, with a clear ``ReadError``, encrypted Office files, Word 97-2003 files,
/// spreadsheets, presentations and anything that is not a document package.
public enum DocumentReader {
    public static func read(path: String, limits: ReadLimits = .default) throws -> Document {
        let prefix = try FileBytes.prefix(path, count: 8)
        switch Sniffer.kind(ofPrefix: prefix) {
        case .zip:
            return try read(archive: ZipArchive(path: path, limits: limits))
        case .compoundFile:
            throw ReadError(Sniffer.compoundFileKind(try FileBytes.read(path, limit: limits.maxFileSize)))
        case .xml:
            return try ODTReader.readFlat(try FileBytes.read(path, limit: limits.maxFileSize), limits: limits)
        case .other:
            throw ReadError(.notAPackage)
        }
    }

    /// Reads a document held in memory (a file taken from a zip submission, a test document).
    public static func read(bytes: [UInt8], limits: ReadLimits = .default) throws -> Document {
        switch Sniffer.kind(ofPrefix: Array(bytes.prefix(8))) {
        case .zip: return try read(archive: ZipArchive(bytes: bytes, limits: limits))
        case .compoundFile: throw ReadError(Sniffer.compoundFileKind(bytes))
        case .xml: return try ODTReader.readFlat(bytes, limits: limits)
        case .other: throw ReadError(.notAPackage)
        }
    }

    static func read(archive: ZipArchive) throws -> Document {
        if let odfType = try ODFPackage.mediaType(of: archive) {
            switch ODFPackage.documentKind(mediaType: odfType) {
            case "text"?: return try ODTReader.read(archive: archive)
            case let other?: throw ReadError(.unsupportedDocumentKind(other))
            case nil: throw ReadError(.wrongMimetype(odfType), part: "mimetype")
            }
        }
        if archive.contains("_rels/.rels") {
            let package = try OfficePackage(archive: archive)
            switch package.mainContentKind {
            case "document"?: return try DocxReader.read(package: package)
            case let other?: throw ReadError(.unsupportedDocumentKind(other))
            case nil:
                // No content type for the main part: judge by its root element.
                return try DocxReader.read(package: package)
            }
        }
        throw ReadError(.unknownPackage)
    }

    /// The parts of a package as facts, with their content types where known.
    static func partFacts(_ archive: ZipArchive, contentTypes: (String) -> String?) -> [PackageFacts.Part] {
        archive.entries.filter { !$0.isDirectory }.map {
            PackageFacts.Part(name: $0.name, size: $0.size, compressedSize: $0.compressedSize, contentType: contentTypes($0.name))
        }
    }
}
