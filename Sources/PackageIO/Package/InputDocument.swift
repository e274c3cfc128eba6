import DocModel

/// One input file, its kind judged once from its bytes and opened once: every reader, the
/// signature verifier, the signer, the template engine and the check take this value instead of
/// a path, so no file is sniffed or opened twice.
public enum InputDocument {
    /// An Office Open XML package (a `_rels/.rels` entry): DOCX, and also spreadsheets and
    /// presentations, which the readers refuse by their main content type.
    case ooxml(ZipArchive)
    /// An OpenDocument package, with its media type (the `mimetype` entry or the manifest).
    case odfPackage(ZipArchive, mediaType: String)
    /// A flat OpenDocument text file (`.fodt`): one XML document, read whole, with the limits it
    /// is parsed under (a zip carries its own).
    case flatODT([UInt8], limits: ReadLimits)
    /// A PDF, read whole, with the limits it is read under.
    case pdf([UInt8], limits: ReadLimits)
    /// A zip that is neither: an evidence archive, say. Readers refuse it as an unknown package,
    /// or with `probeError` when its manifest could not be read to tell (the signature verifier
    /// still reads such a zip).
    case otherZip(ZipArchive, probeError: ReadError? = nil)

    /// Opens the file at `path`. Throws ``ReadError`` for what is no package at all: an
    /// encrypted Office file, a Word 97-2003 file, anything that is not a zip, XML or PDF.
    /// - Parameter prefix: the file's first 8 bytes when the caller has read them already.
    public static func open(path: String, limits: ReadLimits = .default, prefix known: [UInt8]? = nil) throws -> InputDocument {
        let prefix = try known ?? FileBytes.prefix(path, count: 8)
        switch Sniffer.kind(ofPrefix: prefix) {
        case .zip: return try classify(ZipArchive(path: path, limits: limits))
        case .compoundFile: throw ReadError(Sniffer.compoundFileKind(try FileBytes.read(path, limit: limits.maxFileSize)))
        case .xml: return .flatODT(try FileBytes.read(path, limit: limits.maxFileSize), limits: limits)
        case .pdf: return .pdf(try FileBytes.read(path, limit: limits.maxFileSize), limits: limits)
        case .other: throw ReadError(.notAPackage)
        }
    }

    /// Opens a file held in memory (an entry of a zip submission, a test document).
    public static func open(bytes: [UInt8], limits: ReadLimits = .default) throws -> InputDocument {
        switch Sniffer.kind(ofPrefix: Array(bytes.prefix(8))) {
        case .zip: return try classify(ZipArchive(bytes: bytes, limits: limits))
        case .compoundFile: throw ReadError(Sniffer.compoundFileKind(bytes))
        case .xml: return .flatODT(bytes, limits: limits)
        case .pdf: return .pdf(bytes, limits: limits)
        case .other: throw ReadError(.notAPackage)
        }
    }

    static func classify(_ archive: ZipArchive) throws -> InputDocument {
        let mediaType: String?
        do {
            mediaType = try ODFPackage.mediaType(of: archive)
        } catch let error as ReadError {
            return .otherZip(archive, probeError: error)
        }
        if let mediaType { return .odfPackage(archive, mediaType: mediaType) }
        if archive.contains("_rels/.rels") { return .ooxml(archive) }
        return .otherZip(archive)
    }

    /// The zip of a package; nil for a flat ODT.
    public var archive: ZipArchive? {
        switch self {
        case .ooxml(let archive), .odfPackage(let archive, _), .otherZip(let archive, _): archive
        case .flatODT, .pdf: nil
        }
    }

    /// The zip of a package, or ``ReadError/Kind/notAPackage`` for a flat ODT or a PDF (package signatures and
    /// templates live only in packages).
    public func requireArchive() throws -> ZipArchive {
        guard let archive else { throw ReadError(.notAPackage) }
        return archive
    }
}
