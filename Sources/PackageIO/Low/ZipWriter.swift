import CLibZip
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Builds a zip package in memory through libzip.
///
/// Output is reproducible: entries are written in the order added, every entry carries the
/// same DOS timestamp (1980-01-01 00:00), the same external attributes and no extra fields,
/// and deflate runs at a fixed level, so identical input gives byte-identical bytes.
/// For ODF, add `mimetype` first with `compressed: false` (stored, method 0).
public struct ZipWriter: Sendable {
    private struct Item: Sendable {
        var name: String
        var bytes: [UInt8]
        var compressed: Bool
        /// An entry copied from another package as it is stored there (no inflate, no deflate).
        var copy: RawCopy? = nil
    }

    /// The source package is only read (libzip reads the entry in zip_close).
    private struct RawCopy: @unchecked Sendable {
        var archive: ZipArchive
        var entry: ZipArchive.Entry
    }

    /// Deflate level used for compressed entries.
    public static let deflateLevel: UInt32 = 6
    /// DOS date 1980-01-01 (year 0 since 1980, month 1, day 1) and time 00:00:00.
    static let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1
    static let dosTime: UInt16 = 0
    /// Regular file, rw-r--r--, in the high 16 bits as Info-ZIP does for Unix.
    static let fileAttributes: UInt32 = 0o100644 << 16
    static let directoryAttributes: UInt32 = 0o040755 << 16

    private var items: [Item] = []

    public init() {}

    /// Names added so far, in order.
    public var names: [String] { items.map(\.name) }

    /// Adds an entry. A name ending in "/" with no bytes is a directory entry.
    /// Problems (such as a duplicate name) are reported by ``finish()``.
    public mutating func add(name: String, bytes: [UInt8], compressed: Bool = true) {
        items.append(Item(name: name, bytes: bytes, compressed: compressed))
    }

    /// Adds an entry of another package under its own name, copied as it is stored there: the
    /// compressed bytes are neither inflated nor deflated again, so a large untouched part costs
    /// neither memory nor time. Stored and deflated entries only; others are read and added.
    /// Callers read the entry through ``ZipArchive/read(_:)`` first when it must pass the limits.
    public mutating func addCopy(of entry: ZipArchive.Entry, from archive: ZipArchive) throws {
        if entry.method == ZIP_CM_STORE || entry.method == ZIP_CM_DEFLATE {
            items.append(Item(name: entry.name, bytes: [], compressed: entry.method == ZIP_CM_DEFLATE,
                              copy: RawCopy(archive: archive, entry: entry)))
        } else {
            add(name: entry.name, bytes: try archive.read(entry), compressed: true)
        }
    }

    /// Writes the package and returns its bytes. Each entry's bytes are let go of once libzip
    /// has its copy, so that a package is not held three times over while it is written.
    public consuming func finish() throws -> [UInt8] {
        var seen = Set<String>()
        for item in items where !seen.insert(item.name).inserted {
            throw WriteError(.duplicateEntry, subject: item.name)
        }
        if items.isEmpty {
            // libzip removes an archive left without entries; an empty zip is just the end record.
            return [0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18)
        }

        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let target = zip_source_buffer_create(nil, 0, 0, &error) else {
            throw WriteError(.packageFailed(String(cString: zip_error_strerror(&error))))
        }
        guard let archive = zip_open_from_source(target, ZIP_TRUNCATE, &error) else {
            let message = String(cString: zip_error_strerror(&error))
            zip_source_free(target)
            throw WriteError(.packageFailed(message))
        }
        // Keep the buffer alive past zip_close so the result can be read back.
        zip_source_keep(target)
        defer { zip_source_free(target) }

        // Entry data copies handed to libzip without ownership (freep 0): libzip reads them in
        // zip_close, and frees nothing of ours on any path, so they are freed here, once.
        var owned: [UnsafeMutableRawPointer] = []
        defer { for copy in owned { free(copy) } }
        do {
            for index in items.indices {
                try Self.add(items[index], to: archive, owned: &owned)
                items[index].bytes = []
            }
        } catch {
            zip_discard(archive)
            throw error
        }
        if zip_close(archive) != 0 {
            let message = String(cString: zip_error_strerror(zip_get_error(archive)))
            zip_discard(archive)
            throw WriteError(.packageFailed(message))
        }
        // libzip has read every entry: the copies can go before the result is copied out.
        for copy in owned { free(copy) }
        owned.removeAll()
        return try Self.contents(of: target)
    }

    private static func add(_ item: Item, to archive: OpaquePointer, owned: inout [UnsafeMutableRawPointer]) throws {
        let isDirectory = item.name.hasSuffix("/") && item.bytes.isEmpty
        let index: Int64
        if isDirectory {
            index = zip_dir_add(archive, item.name, zip_flags_t(ZIP_FL_ENC_UTF_8))
        } else if let copy = item.copy {
            // The compressed data as it is (ZIP_FL_COMPRESSED); with the same method set below,
            // libzip writes it without recompressing.
            guard let source = zip_source_zip(archive, copy.archive.handle, zip_uint64_t(copy.entry.index),
                                              zip_flags_t(ZIP_FL_COMPRESSED), 0, -1) else {
                throw WriteError(.packageFailed(lastError(archive)), subject: item.name)
            }
            index = zip_file_add(archive, item.name, source, zip_flags_t(ZIP_FL_ENC_UTF_8))
            if index < 0 {
                zip_source_free(source)
                throw WriteError(.packageFailed(lastError(archive)), subject: item.name)
            }
        } else {
            // libzip reads entry data only in zip_close, so it gets a copy that lives until then.
            let count = item.bytes.count
            guard let copy = malloc(max(count, 1)) else { throw WriteError(.packageFailed("out of memory")) }
            owned.append(copy)
            item.bytes.withUnsafeBytes { raw in
                if let base = raw.baseAddress { memcpy(copy, base, count) }
            }
            guard let source = zip_source_buffer(archive, copy, zip_uint64_t(count), 0) else {
                throw WriteError(.packageFailed(lastError(archive)), subject: item.name)
            }
            index = zip_file_add(archive, item.name, source, zip_flags_t(ZIP_FL_ENC_UTF_8))
            if index < 0 {
                zip_source_free(source)
                throw WriteError(.packageFailed(lastError(archive)), subject: item.name)
            }
        }
        if index < 0 { throw WriteError(.packageFailed(lastError(archive)), subject: item.name) }
        let at = zip_uint64_t(index)
        let method = item.compressed && !isDirectory ? ZIP_CM_DEFLATE : ZIP_CM_STORE
        let level = method == ZIP_CM_DEFLATE ? deflateLevel : 0
        guard zip_set_file_compression(archive, at, method, level) == 0,
              zip_file_set_dostime(archive, at, dosTime, dosDate, 0) == 0,
              zip_file_set_external_attributes(
                archive, at, 0, zip_uint8_t(ZIP_OPSYS_UNIX),
                isDirectory ? directoryAttributes : fileAttributes) == 0,
              zip_file_extra_field_delete(
                archive, at, zip_uint16_t(ZIP_EXTRA_FIELD_ALL), zip_flags_t(ZIP_FL_LOCAL | ZIP_FL_CENTRAL)) == 0
        else {
            throw WriteError(.packageFailed(lastError(archive)), subject: item.name)
        }
    }

    /// Reads the whole buffer source after zip_close.
    private static func contents(of source: OpaquePointer) throws -> [UInt8] {
        var stat = zip_stat_t()
        zip_stat_init(&stat)
        guard zip_source_stat(source, &stat) == 0, stat.valid & zip_uint64_t(ZIP_STAT_SIZE) != 0 else {
            throw WriteError(.packageFailed(sourceError(source)))
        }
        guard zip_source_open(source) == 0 else { throw WriteError(.packageFailed(sourceError(source))) }
        defer { zip_source_close(source) }
        let size = Int(stat.size)
        var result = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let count = result.withUnsafeMutableBytes { raw in
                zip_source_read(source, raw.baseAddress! + filled, zip_uint64_t(size - filled))
            }
            if count < 0 { throw WriteError(.packageFailed(sourceError(source))) }
            if count == 0 { break }
            filled += Int(count)
        }
        guard filled == size else { throw WriteError(.packageFailed("short read of the built package")) }
        return result
    }

    private static func lastError(_ archive: OpaquePointer) -> String {
        String(cString: zip_error_strerror(zip_get_error(archive)))
    }

    private static func sourceError(_ source: OpaquePointer) -> String {
        String(cString: zip_error_strerror(zip_source_error(source)))
    }
}
