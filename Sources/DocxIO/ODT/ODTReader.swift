import DocModel

/// Reads OpenDocument text (packaged .odt and flat .fodt) into the document model.
enum ODTReader {
    static func read(archive: ZipArchive) throws -> Document {
        throw ReadError(.unknownPackage)
    }

    static func readFlat(_ bytes: [UInt8], limits: ReadLimits) throws -> Document {
        throw ReadError(.notAPackage)
    }
}
