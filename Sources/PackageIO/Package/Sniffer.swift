#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a file is, judged by its bytes, never by its name.
public enum FileKind: Equatable, Sendable {
    case zip
    /// A Compound File Binary container (old Office, or an encrypted OOXML file).
    case compoundFile
    /// XML text: possibly a flat ODT.
    case xml
    /// A PDF file (`%PDF`).
    case pdf
    case other
}

public enum Sniffer {
    static let zipMagic: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    static let emptyZipMagic: [UInt8] = [0x50, 0x4B, 0x05, 0x06]
    static let cfbMagic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    public static func kind(ofPrefix bytes: [UInt8]) -> FileKind {
        if bytes.starts(with: zipMagic) || bytes.starts(with: emptyZipMagic) { return .zip }
        if bytes.starts(with: cfbMagic) { return .compoundFile }
        if bytes.starts(with: Array("%PDF".utf8)) { return .pdf }
        var start = bytes[...]
        if start.starts(with: [0xEF, 0xBB, 0xBF]) { start = start.dropFirst(3) }
        if start.starts(with: [0xFF, 0xFE]) || start.starts(with: [0xFE, 0xFF]) { return .xml }
        while let first = start.first, first == 0x20 || first == 0x09 || first == 0x0A || first == 0x0D {
            start = start.dropFirst()
        }
        if start.first == UInt8(ascii: "<") { return .xml }
        return .other
    }

    /// Tells an encrypted OOXML file from a Word 97-2003 document inside a compound file by the
    /// names of its directory entries (UTF-16LE in the directory sectors).
    public static func compoundFileKind(_ bytes: [UInt8]) -> ReadError.Kind {
        func hasName(_ name: String) -> Bool {
            var needle: [UInt8] = []
            for unit in name.utf16 { needle.append(UInt8(unit & 0xFF)); needle.append(UInt8(unit >> 8)) }
            return bytes.firstRange(of: needle) != nil
        }
        if hasName("EncryptionInfo") || hasName("EncryptedPackage") { return .encryptedOffice }
        if hasName("WordDocument") { return .legacyWordBinary }
        return .otherCompoundFile
    }
}

/// Whole-file reads with a size limit, for the few inputs that are read whole.
public enum FileBytes {
    public static func read(_ path: String, limit: Int64) throws -> [UInt8] {
        guard let file = fopen(path, "rb") else { throw ReadError(errno == ENOENT ? .fileNotFound : .fileUnreadable(String(cString: strerror(errno)))) }
        defer { fclose(file) }
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count == 0 { break }
            result.append(contentsOf: buffer[0..<count])
            if Int64(result.count) > limit { throw ReadError(.fileTooLarge(limit: limit)) }
        }
        if ferror(file) != 0 { throw ReadError(.fileUnreadable(String(cString: strerror(errno)))) }
        return result
    }

    public static func prefix(_ path: String, count: Int) throws -> [UInt8] {
        var isDirectory = stat()
        if stat(path, &isDirectory) == 0, (isDirectory.st_mode & S_IFMT) == S_IFDIR {
            throw ReadError(.fileUnreadable("is a directory"))
        }
        guard let file = fopen(path, "rb") else { throw ReadError(errno == ENOENT ? .fileNotFound : .fileUnreadable(String(cString: strerror(errno)))) }
        defer { fclose(file) }
        var buffer = [UInt8](repeating: 0, count: count)
        let read = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, count, file) }
        return Array(buffer[0..<read])
    }
}
