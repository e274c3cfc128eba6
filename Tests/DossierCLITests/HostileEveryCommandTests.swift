import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
import PackageIO

/// Every generated hostile file (HostileFiles) through every command that reads files. For each
/// (file, command): exit 0 or 1 (a result) or 2 with exactly one line on stderr naming the file;
/// no signal; under 2 s and 256 MiB; nothing written but the named output (cwd, HOME and TMPDIR
/// are fresh folders that must stay empty, the input's folder must not change); the input's
/// SHA-256 unchanged; the canary file's secret nowhere; no connection to the loopback listener.
@Suite struct HostileEveryCommand {
    static let now = "2021-05-01T10:00:00+02:00"
    static let signingTime = "2026-01-15T10:00:00Z"
    static let okSubmission = Run.projectRoot + "/samples/submissions/achterhoek-2021/compleet"

    struct Invocation {
        var label: String
        var arguments: [String]
        var statuses: Set<Int32>
        /// Names one of which a line for exit status 2 must contain.
        var subjects: [String]
        /// Paths below the output folder the command may create.
        var allowed: Set<String> = []
        /// Folders the command must not change besides the input's own.
        var watched: [String] = []
    }

    @Test(arguments: HostileFiles.packages)
    func packageThroughEveryCommand(_ name: String) throws {
        let fixture = HostileFiles.shared
        let made = try fixture.file(name)
        let file = made.file
        let ext = HostileFiles.packageExtension(name)
        let tender = HostileFiles.tender
        let invocations: [Invocation] = [
            Invocation(label: "inspect", arguments: ["inspect", file], statuses: [0, 2], subjects: [name]),
            Invocation(label: "inspect --json", arguments: ["inspect", "--json", file], statuses: [0, 2], subjects: [name]),
            Invocation(label: "inspect --lang en", arguments: ["inspect", "--lang", "en", file], statuses: [0, 2], subjects: [name]),
            Invocation(label: "verify", arguments: ["verify", file], statuses: [0, 1, 2], subjects: [name]),
            Invocation(label: "template vars", arguments: ["template", "vars", file], statuses: [0, 1, 2], subjects: [name]),
            Invocation(label: "render", arguments: ["render", file, fixture.data, "-o", "{out}/result.\(ext)"], statuses: [0, 1, 2],
                       subjects: [name], allowed: ["result.\(ext)"]),
            Invocation(label: "sign", arguments: ["sign", file, "--key", fixture.keyPEM, "--cert", fixture.certificatePEM,
                                                  "-o", "{out}/signed.\(ext)", "--time", Self.signingTime],
                       statuses: [0, 2], subjects: [name], allowed: ["signed.\(ext)"]),
            Invocation(label: "check folder", arguments: ["check", made.folder + "/submission", "--tender", tender, "--now", Self.now],
                       statuses: [0, 1, 2], subjects: ["submission", "dossier.\(ext)"]),
            Invocation(label: "check zip", arguments: ["check", made.folder + "/submission.zip", "--tender", tender, "--now", Self.now, "--format", "json"],
                       statuses: [0, 1, 2], subjects: ["submission.zip"]),
            Invocation(label: "build --templates", arguments: ["build", tender, "-o", "{out}/build", "--templates", made.folder + "/templates",
                                                               "--format", ext],
                       statuses: [0, 1, 2], subjects: ["bekwaamheidsdossier.\(ext)"],
                       allowed: ["build", "build/selectieleidraad.\(ext)", "build/bekwaamheidsdossier.\(ext)", "build/uea.\(ext)", "build/requirements.json"]),
        ]
        for invocation in invocations {
            try Self.check(invocation, name: name, made: made, fixture: fixture)
        }
    }

    @Test(arguments: HostileFiles.texts)
    func tenderOrDataThroughEveryCommand(_ name: String) throws {
        let fixture = HostileFiles.shared
        let made = try fixture.file(name)
        let file = made.file
        let invocations: [Invocation] = [
            Invocation(label: "lint", arguments: ["lint", file], statuses: [0, 1, 2], subjects: [name]),
            Invocation(label: "lint --format json --lang en", arguments: ["lint", "--format", "json", "--lang", "en", file], statuses: [0, 1, 2], subjects: [name]),
            Invocation(label: "build", arguments: ["build", file, "-o", "{out}/build", "--format", "docx"], statuses: [0, 1, 2], subjects: [name],
                       allowed: ["build", "build/selectieleidraad.docx", "build/bekwaamheidsdossier.docx", "build/uea.docx", "build/requirements.json"]),
            Invocation(label: "check --tender", arguments: ["check", Self.okSubmission, "--tender", file, "--now", Self.now], statuses: [0, 1, 2],
                       subjects: [name], watched: [Self.okSubmission]),
            Invocation(label: "render (data)", arguments: ["render", fixture.template, file, "-o", "{out}/result.docx"], statuses: [0, 1, 2],
                       subjects: [name], allowed: ["result.docx"]),
        ]
        for invocation in invocations {
            try Self.check(invocation, name: name, made: made, fixture: fixture)
        }
    }

    @Test(arguments: HostileFiles.evidence)
    func evidenceInASubmission(_ name: String) throws {
        let fixture = HostileFiles.shared
        let made = try fixture.file(name)
        let tender = HostileFiles.tender
        let invocations: [Invocation] = [
            Invocation(label: "check folder", arguments: ["check", made.folder + "/submission", "--tender", tender, "--now", Self.now],
                       statuses: [0, 1, 2], subjects: ["submission"]),
            Invocation(label: "check zip", arguments: ["check", made.folder + "/submission.zip", "--tender", tender, "--now", Self.now, "--format", "html"],
                       statuses: [0, 1, 2], subjects: ["submission.zip"]),
            Invocation(label: "inspect", arguments: ["inspect", made.file], statuses: [2], subjects: [name]),
            Invocation(label: "verify", arguments: ["verify", made.file], statuses: [2], subjects: [name]),
        ]
        for invocation in invocations {
            try Self.check(invocation, name: name, made: made, fixture: fixture)
        }
    }

    // MARK: - One run, checked

    static func check(_ invocation: Invocation, name: String, made: HostileFiles.Made, fixture: HostileFiles) throws {
        let what = "\(name) × \(invocation.label)"
        let work = fixture.root + "/work/" + UUID().uuidString
        let cwd = work + "/cwd", home = work + "/home", tmp = work + "/tmp", out = work + "/out"
        for folder in [cwd, home, tmp, out] { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        defer { try? FileManager.default.removeItem(atPath: work) }
        let watched = [made.folder] + invocation.watched
        let before = watched.map(listing)
        let arguments = invocation.arguments.map { $0.replacingOccurrences(of: "{out}", with: out) }

        let run = try Run.dossier(arguments, environment: ["HOME": home, "TMPDIR": tmp, "TMP": tmp, "TEMP": tmp], directory: cwd)
        Measurements.record(command: invocation.label, file: name, run: run)

        #expect(invocation.statuses.contains(run.status), "\(what): status \(run.status)\n\(run.stderr.prefix(2000))")
        if run.status == 2 {
            #expect(run.stderrLines.count == 1, "\(what): \(run.stderrLines.count) lines on stderr:\n\(run.stderr.prefix(2000))")
            #expect(run.stderr.hasPrefix("dossier: "), "\(what): \(run.stderr.prefix(500))")
            let namesFile = invocation.subjects.contains { run.stderr.contains($0) }
            #expect(namesFile, "\(what): the error does not name the file: \(run.stderr.prefix(500))")
        }
        for crash in ["Fatal error", "Stack dump", "Backtrace", "Segmentation fault", "Illegal instruction", "Current stack trace"] {
            #expect(!run.stderr.contains(crash), "\(what): \(run.stderr.prefix(2000))")
        }
        #expect(run.stderr.utf8.count < 64 * 1024, "\(what): \(run.stderr.utf8.count) bytes on stderr")
        #expect(run.stdout.utf8.count < 8 << 20, "\(what): \(run.stdout.utf8.count) bytes on stdout")
        // CPU time of the child, not wall-clock time (which grows on a busy machine). The slowest
        // run, a multi-megabyte scalar rendered as data, takes about 2.1 s in a debug build: the
        // bound keeps a margin of two over it and still catches work that grows out of proportion.
        #expect(run.cpuSeconds < 5, "\(what): \(run.cost)")
        #expect(run.maxResidentKiB < 256 * 1024, "\(what): \(run.cost)")

        // Nothing written but the named output.
        for folder in [cwd, home, tmp] {
            let left = listing(folder)
            #expect(left.isEmpty, "\(what): written to \(folder.split(separator: "/").last ?? ""): \(left.keys.sorted())")
        }
        let written = Set(listing(out).keys)
        #expect(written.isSubset(of: invocation.allowed), "\(what): unexpected output \(written.subtracting(invocation.allowed).sorted())")
        for (folder, old) in zip(watched, before) {
            let new = listing(folder)
            #expect(new == old, "\(what): \(folder) changed: \(Set(new.map { "\($0.key) \($0.value)" }).symmetricDifference(old.map { "\($0.key) \($0.value)" }).sorted())")
        }
        #expect(HostileFiles.sha256(made.file) == made.digest, "\(what): the input changed")

        // Nothing read from outside the package, nothing from the network.
        #expect(!run.stdout.contains(fixture.secret) && !run.stderr.contains(fixture.secret), "\(what): the canary's secret was read")
        #expect(!run.stdout.contains("root:x:0:0:root") && !run.stderr.contains("root:x:0:0:root"), "\(what): /etc/passwd was read")
        for path in written.sorted() {
            let found = containsSecret(out + "/" + path, fixture.secret)
            #expect(!found, "\(what): the canary's secret is in the output \(path)")
        }
        #expect(!fixture.connectionArrived(), "\(what): something connected to the loopback listener")
    }

    /// Relative path → size of every file (folders as -1) below `folder`.
    static func listing(_ folder: String) -> [String: Int64] {
        var result: [String: Int64] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return result }
        while let path = enumerator.nextObject() as? String {
            let attributes = enumerator.fileAttributes ?? [:]
            let isFolder = attributes[.type] as? FileAttributeType == .typeDirectory
            result[path] = isFolder ? -1 : (attributes[.size] as? NSNumber)?.int64Value ?? 0
        }
        return result
    }

    /// The secret in a file's bytes (read in pieces), or in any entry of up to 16 MB of it when it
    /// is a zip package (larger entries are outputs of the 60 MB inputs, stored ones are searched raw).
    static func containsSecret(_ path: String, _ secret: String) -> Bool {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
              let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let needle = Data(secret.utf8)
        var carry = Data()
        var first = Data()
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            if first.isEmpty { first = chunk.prefix(2) }
            let window = carry + chunk
            if window.range(of: needle) != nil { return true }
            carry = window.suffix(needle.count)
        }
        guard first.starts(with: [0x50, 0x4B]), let archive = try? ZipArchive(path: path) else { return false }
        return archive.entries.contains { entry in
            guard entry.size <= 16 << 20, let bytes = try? archive.read(entry) else { return false }
            return Data(bytes).range(of: needle) != nil
        }
    }
}

/// Worst time and memory per command, appended to the file named by DOSSIER_HOSTILE_REPORT
/// (one tab-separated line per run) for docs/security.md.
enum Measurements {
    static let lock = NSLock()
    static let path = ProcessInfo.processInfo.environment["DOSSIER_HOSTILE_REPORT"]

    static func record(command: String, file: String, run: Run) {
        guard let path else { return }
        let firstLine = run.stderrLines.first.map(String.init) ?? ""
        let line = "\(command)\t\(file)\t\(run.status)\t\(String(format: "%.3f", run.seconds))\t\(run.maxResidentKiB)\t\(firstLine.prefix(300))\n"
        lock.lock()
        defer { lock.unlock() }
        if !wroteBaseline {
            wroteBaseline = true
            append("baseline\t-\t-\t-\t\(HostileFiles.shared.baselineKiB)\t\n", to: path)
        }
        append(line, to: path)
    }

    nonisolated(unsafe) static var wroteBaseline = false

    static func append(_ line: String, to path: String) {
        if let handle = FileHandle(forWritingAtPath: path) {
            handle.seekToEndOfFile()
            handle.write(Data(line.utf8))
            handle.closeFile()
        } else {
            FileManager.default.createFile(atPath: path, contents: Data(line.utf8))
        }
    }
}
