#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that the target is either the old file or the complete new one, never a
/// partial write: the bytes go to a temporary file in the same directory, are synced to disk,
/// and only then renamed over the target.
public enum AtomicFile {
    /// Writes `bytes` to `path`.
    ///
    /// - Parameter overwrite: when false and `path` exists, throws ``WriteError/Kind/targetExists``
    ///   and leaves it alone (also when the target appears during the write).
    /// - Throws: ``WriteError``; the temporary file is removed and the target is unchanged.
    public static func write(_ bytes: [UInt8], to path: String, overwrite: Bool) throws {
        let (directory, name) = split(path)
        guard !name.isEmpty, name != ".", name != ".." else {
            throw WriteError(.ioFailed(errorText(EISDIR)), subject: path)
        }
        var info = stat()
        if stat(directory, &info) != 0 {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw WriteError(.directoryMissing, subject: directory) }
            throw WriteError(.notWritable(errorText(code)), subject: directory)
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw WriteError(.directoryMissing, subject: directory) }

        var existing = stat()
        let targetExists = lstat(path, &existing) == 0
        if targetExists && !overwrite { throw WriteError(.targetExists, subject: path) }

        let temporary = directory + "/." + name + ".tmp-\(getpid())-" + randomSuffix()
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        if fd < 0 {
            let code = errno
            if code == EACCES || code == EPERM || code == EROFS {
                throw WriteError(.notWritable(errorText(code)), subject: directory)
            }
            throw WriteError(.ioFailed(errorText(code)), subject: path)
        }
        var isOpen = true
        do {
            // An overwritten file keeps its permissions.
            if targetExists && existing.st_mode & S_IFMT == S_IFREG {
                _ = fchmod(fd, existing.st_mode & 0o7777)
            }
            try writeAll(bytes, to: fd, path: path)
            if fsync(fd) != 0 { throw WriteError(.ioFailed("fsync: " + errorText(errno)), subject: path) }
            isOpen = false
            if close(fd) != 0 { throw WriteError(.ioFailed("close: " + errorText(errno)), subject: path) }
            try install(temporary, at: path, overwrite: overwrite)
        } catch {
            if isOpen { _ = close(fd) }
            _ = unlink(temporary)
            throw error
        }
        syncDirectory(directory)
    }

    /// Moves the synced temporary file to `path`. Without overwrite a hard link claims the
    /// name atomically (it fails if the name exists); file systems without hard links fall
    /// back to a check and rename.
    private static func install(_ temporary: String, at path: String, overwrite: Bool) throws {
        if overwrite {
            if rename(temporary, path) != 0 {
                throw WriteError(.ioFailed("rename: " + errorText(errno)), subject: path)
            }
            return
        }
        if link(temporary, path) == 0 {
            _ = unlink(temporary)
            return
        }
        let code = errno
        if code == EEXIST { throw WriteError(.targetExists, subject: path) }
        guard code == EPERM || code == EOPNOTSUPP || code == ENOSYS || code == EMLINK || code == EXDEV else {
            throw WriteError(.ioFailed("link: " + errorText(code)), subject: path)
        }
        var info = stat()
        if lstat(path, &info) == 0 { throw WriteError(.targetExists, subject: path) }
        if rename(temporary, path) != 0 {
            throw WriteError(.ioFailed("rename: " + errorText(errno)), subject: path)
        }
    }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws {
        try bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = systemWrite(fd, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw WriteError(.ioFailed("write: " + errorText(errno)), subject: path)
                }
                offset += written
            }
        }
    }

    /// Makes the rename durable; failure here does not undo the write, so it is ignored.
    private static func syncDirectory(_ directory: String) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        _ = close(fd)
    }

    /// Directory and last component; a bare name lives in ".".
    static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let directory = String(path[..<slash])
        return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
    }

    private static func randomSuffix() -> String {
        let value = UInt64.random(in: 0...UInt64.max)
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    private static func errorText(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "errno \(code)" }
        return String(cString: text)
    }
}

/// `write(2)`, reachable from inside ``AtomicFile`` whose own `write` shadows it.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
