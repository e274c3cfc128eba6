import CLibZip
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A zip package opened read-only through libzip, with consistency checks and read limits.
/// This file and XMLStream.swift are the only places that see libzip and libxml2 types.
public final class ZipArchive {
    public struct Entry: Sendable, Hashable {
        public var name: String
        public var index: Int
        public var size: Int64
        public var compressedSize: Int64
        /// True when stored without compression.
        public var isStored: Bool
        /// libzip's compression method (ZIP_CM_*).
        var method: Int32 = 0
        public var isDirectory: Bool { name.hasSuffix("/") }
    }

    public let entries: [Entry]
    public let limits: ReadLimits
    let handle: OpaquePointer
    private let byName: [String: Int]
    /// The in-memory package, when opened from bytes; freed after the archive.
    private let ownedBuffer: UnsafeMutableRawPointer?
    /// Bytes inflated so far, for the package total.
    public private(set) var bytesRead: Int64 = 0

    /// Opens a zip file from disk; libzip reads it lazily, so large images are never loaded
    /// unless asked for.
    public convenience init(path: String, limits: ReadLimits = .default) throws {
        try Self.checkDeclaredCount(limits: limits) { offset, length in
            guard let file = fopen(path, "rb") else { return nil }
            defer { fclose(file) }
            if offset < 0 {
                guard fseeko(file, 0, SEEK_END) == 0 else { return nil }
                let size = ftello(file)
                let start = max(0, size - off_t(length))
                guard fseeko(file, start, SEEK_SET) == 0 else { return nil }
                var bytes = [UInt8](repeating: 0, count: Int(size - start))
                return fread(&bytes, 1, bytes.count, file) == bytes.count ? bytes : nil
            }
            guard fseeko(file, off_t(offset), SEEK_SET) == 0 else { return nil }
            var bytes = [UInt8](repeating: 0, count: length)
            return fread(&bytes, 1, length, file) == length ? bytes : nil
        }
        var code: Int32 = 0
        guard let handle = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &code) else {
            throw ReadError(Self.openFailure(code, startsLikeZip: Self.startsLikeZip(path: path)))
        }
        try self.init(handle: handle, limits: limits)
    }

    /// Opens a zip package held in memory.
    public convenience init(bytes: [UInt8], limits: ReadLimits = .default) throws {
        try Self.checkDeclaredCount(limits: limits) { offset, length in
            if offset < 0 { return Array(bytes.suffix(length)) }
            guard offset <= bytes.count - length else { return nil }
            return Array(bytes[offset..<(offset + length)])
        }
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        // The copy is ours (freep 0): libzip never frees it, and the archive frees it in deinit,
        // after libzip is done with it.
        guard let copy = malloc(max(bytes.count, 1)) else { throw ReadError(.fileUnreadable("out of memory")) }
        bytes.withUnsafeBytes { raw in
            if let base = raw.baseAddress { memcpy(copy, base, bytes.count) }
        }
        guard let source = zip_source_buffer_create(copy, zip_uint64_t(bytes.count), 0, &error) else {
            free(copy)
            throw ReadError(.damagedZip(.other(String(cString: zip_error_strerror(&error)))))
        }
        guard let handle = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error) else {
            let code = zip_error_code_zip(&error)
            zip_source_free(source)
            free(copy)
            throw ReadError(Self.openFailure(code, startsLikeZip: bytes.starts(with: Self.localHeaderMagic)))
        }
        try self.init(handle: handle, limits: limits, ownedBuffer: copy)
    }

    private init(handle: OpaquePointer, limits: ReadLimits, ownedBuffer: UnsafeMutableRawPointer? = nil) throws {
        self.handle = handle
        self.limits = limits
        self.ownedBuffer = ownedBuffer
        // deinit does not run for an initializer that throws here: release what we hold.
        func failure(_ error: ReadError) -> ReadError {
            zip_discard(handle)
            if let ownedBuffer { free(ownedBuffer) }
            return error
        }
        let count = zip_get_num_entries(handle, 0)
        if count < 0 || count > Int64(limits.maxEntries) {
            throw failure(ReadError(.tooManyEntries(count: Int(count), limit: limits.maxEntries)))
        }
        var entries: [Entry] = []
        var byName: [String: Int] = [:]
        entries.reserveCapacity(Int(count))
        for index in 0..<count {
            var stat = zip_stat_t()
            zip_stat_init(&stat)
            guard zip_stat_index(handle, zip_uint64_t(index), zip_flags_t(ZIP_FL_ENC_GUESS), &stat) == 0,
                  let rawName = stat.name
            else {
                throw failure(ReadError(.damagedZip(.inconsistent)))
            }
            let name = String(decoding: Self.bytes(of: rawName), as: UTF8.self)
            if stat.encryption_method != UInt16(ZIP_EM_NONE) {
                throw failure(ReadError(.encryptedEntry, part: name))
            }
            if byName[name] != nil {
                throw failure(ReadError(.duplicateEntry, part: name))
            }
            byName[name] = entries.count
            entries.append(Entry(
                name: name, index: Int(index), size: Int64(clamping: stat.size),
                compressedSize: Int64(clamping: stat.comp_size),
                isStored: stat.comp_method == Int32(ZIP_CM_STORE), method: Int32(stat.comp_method)))
        }
        self.entries = entries
        self.byName = byName
    }

    deinit {
        zip_discard(handle)
        if let ownedBuffer { free(ownedBuffer) }
    }

    public func entry(named name: String) -> Entry? {
        byName[name].map { entries[$0] }
    }

    public func contains(_ name: String) -> Bool { byName[name] != nil }

    /// Reads one entry whole, enforcing the entry size, package total and compression ratio
    /// while inflating (declared sizes are not trusted).
    public func read(_ name: String) throws -> [UInt8] {
        guard let entry = entry(named: name) else { throw ReadError(.missingPart, part: name) }
        return try read(entry)
    }

    public func read(_ entry: Entry) throws -> [UInt8] {
        if entry.size > limits.maxEntrySize {
            throw ReadError(.entryTooLarge(limit: limits.maxEntrySize), part: entry.name)
        }
        guard let file = zip_fopen_index(handle, zip_uint64_t(entry.index), 0) else {
            throw ReadError(.damagedZip(Self.damage(zip_get_error(handle))), part: entry.name)
        }
        defer { zip_fclose(file) }
        var result: [UInt8] = []
        // Declared sizes are not trusted, but reserving them (within the limits still open) saves
        // the copies of growing a large part step by step; untouched reserved pages cost no
        // memory, and a size that was a lie is given back below.
        let open = min(limits.maxEntrySize, max(limits.maxTotalSize - bytesRead, 0))
        result.reserveCapacity(Int(min(max(entry.size, 0), open)))
        let chunk = 64 * 1024
        var buffer = [UInt8](repeating: 0, count: chunk)
        while true {
            let count = buffer.withUnsafeMutableBytes { zip_fread(file, $0.baseAddress, zip_uint64_t(chunk)) }
            if count < 0 {
                throw ReadError(.damagedZip(Self.damage(zip_file_get_error(file))), part: entry.name)
            }
            if count == 0 { break }
            result.append(contentsOf: buffer[0..<Int(count)])
            bytesRead += Int64(count)
            let total = Int64(result.count)
            if total > limits.maxEntrySize {
                throw ReadError(.entryTooLarge(limit: limits.maxEntrySize), part: entry.name)
            }
            if bytesRead > limits.maxTotalSize {
                throw ReadError(.packageTooLarge(limit: limits.maxTotalSize), part: entry.name)
            }
            // Saturating: a ratio limit raised very high must not overflow (and trap).
            let (allowed, overflow) = limits.maxCompressionRatio.multipliedReportingOverflow(
                by: max(entry.compressedSize, 1))
            if total > limits.ratioGrace && !overflow && total > allowed {
                throw ReadError(.compressionRatio(limit: limits.maxCompressionRatio), part: entry.name)
            }
        }
        if result.capacity > 2 * result.count + (1 << 20) {
            // A fresh buffer of the right size (Array(result) would keep the same storage).
            result = result.withUnsafeBufferPointer { read in
                [UInt8](unsafeUninitializedCapacity: read.count) { buffer, initialized in
                    if let base = read.baseAddress, read.count > 0 { buffer.baseAddress!.initialize(from: base, count: read.count) }
                    initialized = read.count
                }
            }
        }
        return result
    }

    /// Refuses a package whose end record declares more entries than the limit, before libzip
    /// reads (and with ZIP_CHECKCONS, checks) every one of them: 200,000 entries take seconds.
    /// `read(offset, length)` gives bytes of the file; a negative offset asks for the last `length`.
    private static func checkDeclaredCount(limits: ReadLimits, read: (Int, Int) -> [UInt8]?) throws {
        // End of central directory: 22 bytes plus a comment of at most 65,535.
        guard let tail = read(-1, 22 + 65_535 + 20), tail.count >= 22 else { return }
        func le(_ bytes: [UInt8], _ at: Int, _ width: Int) -> Int {
            (0..<width).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) }
        }
        var end = tail.count - 22
        while end >= 0 && !(tail[end] == 0x50 && tail[end + 1] == 0x4B && tail[end + 2] == 5 && tail[end + 3] == 6) { end -= 1 }
        guard end >= 0 else { return }
        var count = le(tail, end + 10, 2)
        // A zip64 locator just before the end record points at the zip64 end record.
        if end >= 20, le(tail, end - 20, 4) == 0x0706_4B50 {
            let offset = le(tail, end - 20 + 8, 8)
            if offset >= 0, offset < Int.max - 56, let record = read(offset, 56), le(record, 0, 4) == 0x0606_4B50 {
                count = max(count, le(record, 32, 8))
            }
        }
        if count > limits.maxEntries {
            throw ReadError(.tooManyEntries(count: count, limit: limits.maxEntries))
        }
    }

    private static func damage(_ error: UnsafeMutablePointer<zip_error_t>?) -> ReadError.ZipDamage {
        guard let error else { return .other("?") }
        switch zip_error_code_zip(error) {
        case ZIP_ER_CRC: return .checksum
        case ZIP_ER_INCONS: return .inconsistent
        case ZIP_ER_EOF: return .truncated
        case ZIP_ER_COMPRESSED_DATA, ZIP_ER_ZLIB: return .compressedData
        default: return .other(String(cString: zip_error_strerror(error)))
        }
    }

    private static func bytes(of pointer: UnsafePointer<CChar>) -> [UInt8] {
        let length = strlen(pointer)
        return pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
            Array(UnsafeBufferPointer(start: $0, count: length))
        }
    }

    private static let localHeaderMagic: [UInt8] = [0x50, 0x4B, 0x03, 0x04]

    /// Whether the file begins with a zip local header, to tell a damaged zip from a non-zip.
    private static func startsLikeZip(path: String) -> Bool {
        guard let file = fopen(path, "rb") else { return false }
        defer { fclose(file) }
        var head = [UInt8](repeating: 0, count: 4)
        return fread(&head, 1, 4, file) == 4 && head == localHeaderMagic
    }

    private static func openFailure(_ code: Int32, startsLikeZip: Bool = false) -> ReadError.Kind {
        switch code {
        case ZIP_ER_NOENT: return .fileNotFound
        // libzip also says "not a zip archive" when no central directory is consistent with the
        // entries (ZIP_CHECKCONS); for a file that starts like a zip, that is damage.
        case ZIP_ER_NOZIP where startsLikeZip:
            return .damagedZip(.noCentralDirectory)
        case ZIP_ER_NOZIP: return .notAPackage
        // libzip refuses byte-identical duplicate names at open (ZIP_CHECKCONS).
        case ZIP_ER_EXISTS: return .duplicateEntry
        case ZIP_ER_OPEN, ZIP_ER_READ: return .fileUnreadable("open")
        case ZIP_ER_INCONS: return .damagedZip(.inconsistent)
        case ZIP_ER_MEMORY: return .fileUnreadable("out of memory")
        default:
            var error = zip_error_t()
            zip_error_init_with_code(&error, code)
            defer { zip_error_fini(&error) }
            return .damagedZip(.other(String(cString: zip_error_strerror(&error))))
        }
    }
}
