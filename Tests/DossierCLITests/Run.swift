import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `dossier` binary and reports what a user sees: exit status, output, and
/// what the run cost (from wait4's resource usage of the child).
struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
    /// Wall-clock time: grows when the machine is busy, so information for messages only,
    /// never a limit (bound `cpuSeconds` instead).
    var seconds: Double
    /// The child's own CPU time, user plus system (ru_utime + ru_stime).
    var cpuSeconds: Double
    var maxResidentKiB: Int

    /// For failure messages: CPU time, wall-clock time and peak memory.
    var cost: String {
        String(format: "%.3f s CPU, %.3f s wall-clock, %d KiB peak", cpuSeconds, seconds, maxResidentKiB)
    }

    static let projectRoot: String = {
        var path = #filePath
        for _ in 0..<3 { path = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]) }
        return path
    }()

    static let corpus = projectRoot + "/../shared/corpus"
    static var corpusAvailable: Bool { FileManager.default.fileExists(atPath: corpus + "/README.md") }

    /// The binary next to the test bundle (.build/<triple>/debug/dossier).
    static let binary: String = {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var folder = URL(fileURLWithPath: executable).deletingLastPathComponent()
        if folder.lastPathComponent == "MacOS" || folder.pathExtension == "xctest" { folder = folder.deletingLastPathComponent() }
        return folder.appendingPathComponent("dossier").path
    }()

    static func dossier(_ arguments: [String], environment: [String: String] = [:], directory: String? = nil) throws -> Run {
        try process(binary, arguments, environment: environment, directory: directory)
    }

    /// An executable found on PATH, or nil.
    static func tool(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// - Parameter directory: the working directory of the child (the test's own when nil).
    static func process(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                        directory: String? = nil) throws -> Run {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outPath = scratch.appendingPathComponent("out").path
        let errPath = scratch.appendingPathComponent("err").path

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        if let directory {
            guard let addChdir = Self.addChdir else { throw RunError.spawn("posix_spawn_file_actions_addchdir_np", ENOSYS) }
            _ = addChdir(&actions, directory)
        }

        var env = ProcessInfo.processInfo.environment
        env["DOSSIER_LANG"] = nil
        for (key, value) in environment { env[key] = value }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        Self.resetPeakResidentSize()
        let start = ContinuousClock.now
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else { throw RunError.spawn(executable, spawned) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let elapsed = ContinuousClock.now - start
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Run(
            status: exit,
            // Lossy: output that is not UTF-8 is still seen (and searched).
            stdout: String(decoding: FileManager.default.contents(atPath: outPath) ?? Data(), as: UTF8.self),
            stderr: String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self),
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
            cpuSeconds: CPUCost.seconds(usage.ru_utime) + CPUCost.seconds(usage.ru_stime),
            maxResidentKiB: Int(usage.ru_maxrss))
    }

    /// Linux charges the spawning process's peak resident size to the child's ru_maxrss at exec
    /// (posix_spawn shares this process's memory until then): so that the child's peak is what
    /// is measured, this process's peak is first reset to its current size (Linux 4.0+). What
    /// remains included is this process's resident size at that moment.
    static func resetPeakResidentSize() {
        guard let clear = fopen("/proc/self/clear_refs", "w") else { return }
        fputs("5", clear)
        fclose(clear)
    }

    /// glibc's posix_spawn_file_actions_addchdir_np (2.29+), which the Glibc module does not show.
    typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    static let addChdir: AddChdir? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addchdir_np") else { return nil }
        return unsafeBitCast(symbol, to: AddChdir.self)
    }()

    enum RunError: Error {
        case spawn(String, Int32)
    }

    var stderrLines: [Substring] { stderr.split(separator: "\n") }
}
