import DocModel
import Testing
import TestSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import PackageIO

@Suite struct AtomicFileTests {
    /// A fresh directory, removed with its contents afterwards.
    private func withDirectory(_ body: (String) throws -> Void) throws {
        var template = Array("/tmp/dossier-atomic-XXXXXX".utf8CString)
        let directory = try template.withUnsafeMutableBufferPointer { buffer -> String in
            guard let made = mkdtemp(buffer.baseAddress!) else { throw WriteError(.ioFailed("mkdtemp")) }
            return String(cString: made)
        }
        defer { removeTree(directory) }
        try body(directory)
    }

    private func removeTree(_ path: String) {
        _ = chmod(path, 0o755)
        for name in list(path) {
            let child = path + "/" + name
            var info = stat()
            if lstat(child, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR { removeTree(child) } else { unlink(child) }
        }
        rmdir(path)
    }

    private func list(_ directory: String) -> [String] {
        guard let dir = opendir(directory) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    private func contents(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count == 0 { break }
            result += buffer[0..<count]
        }
        return result
    }

    private func kind(_ body: () throws -> Void) -> WriteError.Kind? {
        do {
            try body()
            return nil
        } catch let error as WriteError {
            return error.kind
        } catch {
            Issue.record("not a WriteError: \(error)")
            return nil
        }
    }

    @Test func writesANewFileAndLeavesNoTemporaryFile() throws {
        try withDirectory { dir in
            let bytes = noise(300_000)
            try AtomicFile.write(bytes, to: dir + "/out.docx", overwrite: false)
            #expect(contents(dir + "/out.docx") == bytes)
            #expect(list(dir) == ["out.docx"])
        }
    }

    @Test func refusesToOverwriteWithoutTheFlag() throws {
        try withDirectory { dir in
            let path = dir + "/out.docx"
            try AtomicFile.write(Array("old".utf8), to: path, overwrite: false)
            #expect(kind { try AtomicFile.write(Array("new".utf8), to: path, overwrite: false) } == .targetExists)
            #expect(contents(path) == Array("old".utf8))
            #expect(list(dir) == ["out.docx"])
        }
    }

    @Test func overwritesWithTheFlagAndKeepsPermissions() throws {
        try withDirectory { dir in
            let path = dir + "/out.docx"
            try AtomicFile.write(Array("old".utf8), to: path, overwrite: false)
            _ = chmod(path, 0o600)
            try AtomicFile.write(Array("new".utf8), to: path, overwrite: true)
            #expect(contents(path) == Array("new".utf8))
            var info = stat()
            #expect(stat(path, &info) == 0 && info.st_mode & 0o777 == 0o600)
            #expect(list(dir) == ["out.docx"])
        }
    }

    @Test func bareFileNameIsRelativeToTheWorkingDirectory() {
        #expect(AtomicFile.split("out.odt") == (".", "out.odt"))
        #expect(AtomicFile.split("/out.odt") == ("/", "out.odt"))
        #expect(AtomicFile.split("a/b/out.odt") == ("a/b", "out.odt"))
    }

    @Test func missingDirectoryIsReportedAndNothingIsCreated() throws {
        try withDirectory { dir in
            let kind = kind { try AtomicFile.write([1, 2, 3], to: dir + "/missing/out.docx", overwrite: true) }
            #expect(kind == .directoryMissing)
            #expect(list(dir).isEmpty)
        }
    }

    /// A failure after the temporary file exists (rename onto a non-empty directory):
    /// the temporary file is removed and the target is unchanged.
    @Test func failedRenameRemovesTheTemporaryFile() throws {
        try withDirectory { dir in
            let target = dir + "/out.docx"
            #expect(mkdir(target, 0o755) == 0)
            try AtomicFile.write(Array("inside".utf8), to: target + "/keep", overwrite: false)
            let caught = kind { try AtomicFile.write([1, 2, 3], to: target, overwrite: true) }
            guard case .ioFailed? = caught else {
                Issue.record("expected ioFailed, got \(String(describing: caught))")
                return
            }
            #expect(list(dir) == ["out.docx"])
            #expect(list(target) == ["keep"])
            #expect(contents(target + "/keep") == Array("inside".utf8))
            // Without overwrite the existing directory is simply an existing target.
            #expect(kind { try AtomicFile.write([1], to: target, overwrite: false) } == .targetExists)
        }
    }

    /// Permission bits do not stop root, so this runs only as an ordinary user.
    @Test(.enabled(if: getuid() != 0, "root ignores directory permissions"))
    func unwritableDirectoryLeavesTheTargetUnchanged() throws {
        try withDirectory { dir in
            let path = dir + "/out.docx"
            try AtomicFile.write(Array("old".utf8), to: path, overwrite: false)
            #expect(chmod(dir, 0o555) == 0)
            defer { _ = chmod(dir, 0o755) }
            let caught = kind { try AtomicFile.write(Array("new".utf8), to: path, overwrite: true) }
            guard case .notWritable? = caught else {
                Issue.record("expected notWritable, got \(String(describing: caught))")
                return
            }
            #expect(contents(path) == Array("old".utf8))
            #expect(list(dir) == ["out.docx"])
        }
    }

    @Test func messagesInBothLanguages() {
        let error = WriteError(.targetExists, subject: "rapport.docx")
        #expect(error.message(in: .nl) == "rapport.docx: bestand bestaat al; geef toestemming om te overschrijven")
        #expect(error.message(in: .en) == "rapport.docx: file already exists; allow overwriting to replace it")
        let kinds: [WriteError.Kind] = [
            .targetExists, .directoryMissing, .notWritable("x"), .ioFailed("x"), .packageFailed("x"), .duplicateEntry,
        ]
        for kind in kinds {
            let dutch = WriteError(kind).message(in: .nl)
            let english = WriteError(kind).message(in: .en)
            #expect(!dutch.isEmpty && !english.isEmpty && dutch != english)
            #expect(!dutch.contains("\n") && !english.contains("\n"))
        }
    }
}
