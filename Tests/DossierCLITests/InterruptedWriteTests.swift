import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Writes are atomic: `dossier build --force` killed (SIGKILL, no chance to clean up) at any
/// moment over a previous build leaves every output byte-identical to either the previous
/// version or the complete new one, never partial or empty; and the same input gives the same
/// bytes, so "the new version" is well defined.
@Suite(.serialized) struct InterruptedWriteTests {
    static let tenders = Run.projectRoot + "/samples/tenders"
    static let outputs = ["selectieleidraad.docx", "selectieleidraad.odt", "bekwaamheidsdossier.docx", "bekwaamheidsdossier.odt",
                          "uea.docx", "uea.odt", "requirements.json"]

    static func scratch() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-kill-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    static func contents(_ folder: String) -> [String: Data] {
        var result: [String: Data] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
            result[name] = FileManager.default.contents(atPath: folder + "/" + name)
        }
        return result
    }

    /// Starts the binary without waiting for it.
    static func spawn(_ arguments: [String]) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        let argv = ([Run.binary] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, Run.binary, &actions, nil, argv, environ)
        guard result == 0 else { throw Run.RunError.spawn(Run.binary, result) }
        return pid
    }

    @Test func aKilledBuildLeavesEachOutputOldOrNewNeverPartial() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // The previous output (one tender) and the complete new one (another tender).
        let oldRun = try Run.dossier(["build", "\(Self.tenders)/achterhoek-2021.yaml", "-o", root + "/old"])
        let newRun = try Run.dossier(["build", "\(Self.tenders)/amersfoort-2023.yaml", "-o", root + "/new"])
        try #require(oldRun.status == 0 && newRun.status == 0, "\(oldRun.stderr)\(newRun.stderr)")
        let old = Self.contents(root + "/old"), new = Self.contents(root + "/new")
        for name in Self.outputs {
            #expect(old[name] != nil && new[name] != nil && old[name] != new[name], "\(name): old and new must differ")
        }

        // Kill moments: early (while rendering) and spread over the whole run, where the files are written.
        let full = newRun.seconds
        var delays: [Double] = [0, 0.005, 0.010, 0.020, 0.040, 0.080]
        delays += stride(from: 0.3, through: 1.2, by: 0.05).map { full * $0 }
        var killed = 0, mixed = 0
        for round in 0..<2 {
            for delay in delays {
                let folder = root + "/run-\(round)-\(Int(delay * 1_000_000))"
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                for (name, bytes) in old { try bytes.write(to: URL(fileURLWithPath: folder + "/" + name)) }
                let pid = try Self.spawn(["build", "\(Self.tenders)/amersfoort-2023.yaml", "-o", folder, "--force"])
                usleep(useconds_t(delay * 1_000_000))
                kill(pid, SIGKILL)
                var status: Int32 = 0
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                let signalled = (status & 0x7f) == SIGKILL
                if signalled { killed += 1 }

                let after = Self.contents(folder)
                var states: Set<String> = []
                for name in Self.outputs {
                    let bytes = after[name]
                    let state = bytes == old[name] ? "old" : bytes == new[name] ? "new" : "other"
                    states.insert(state)
                    #expect(state != "other", "killed after \(Int(delay * 1000)) ms: \(name) is neither the previous nor the new version (\(bytes?.count ?? -1) bytes)")
                }
                if states == ["old", "new"] { mixed += 1 }
                if !signalled {
                    #expect(states == ["new"], "finished after \(Int(delay * 1000)) ms but not every output is new")
                }
                // What a killed write may leave behind is a temporary file, never under an output's name.
                for name in after.keys where !Self.outputs.contains(name) {
                    #expect(name.hasPrefix(".") && name.contains(".tmp-"), "unexpected file \(name) after a kill at \(Int(delay * 1000)) ms")
                }
            }
        }
        // The test interrupted builds for real (not only after they finished).
        #expect(killed > 0, "no build was ever killed before it finished")
        Swift.print("interrupted builds: \(killed) of \(2 * delays.count) killed, \(mixed) left old and new outputs side by side")
    }

    @Test(arguments: ["docx", "odt"])
    func theSameTemplateAndDataGiveTheSameBytes(_ format: String) throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let template = Run.projectRoot + "/templates/bekwaamheidsdossier.\(format)"
        let data = root + "/data.yaml"
        try Data("titel: Proef\naanbestedende_dienst:\n  naam: Gemeente Proef\n".utf8).write(to: URL(fileURLWithPath: data))
        let first = try Run.dossier(["render", template, data, "-o", root + "/a.\(format)", "--allow-missing"])
        let second = try Run.dossier(["render", template, data, "-o", root + "/b.\(format)", "--allow-missing"])
        #expect(first.status == 0 && second.status == 0, "\(first.stderr)")
        let a = FileManager.default.contents(atPath: root + "/a.\(format)")
        let b = FileManager.default.contents(atPath: root + "/b.\(format)")
        #expect(a != nil && a == b)
    }
}
