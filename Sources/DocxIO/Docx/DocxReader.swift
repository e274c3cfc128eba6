import DocModel

/// Reads a WordprocessingML package in two stages: the XML into a DOCX-shaped model
/// (``DocxModel``), then that into the format-neutral ``Document``.
enum DocxReader {
    static func read(package: OfficePackage) throws -> Document {
        throw ReadError(.unknownPackage)
    }
}
