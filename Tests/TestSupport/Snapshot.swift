import Foundation

/// Expected output kept in files beside the tests (pandoc's x.docx + x.native idea): a test
/// compares what it produced with the file; with `DOSSIER_UPDATE_SNAPSHOTS=1` in the
/// environment it writes the file instead (`make snapshots`), and `git diff` shows what changed.
public enum Snapshot {
    /// `DOSSIER_UPDATE_SNAPSHOTS=1`: write the expected files instead of comparing.
    public static var updating: Bool { ProcessInfo.processInfo.environment["DOSSIER_UPDATE_SNAPSHOTS"] == "1" }

    /// The project folder, from a file of a test target (Tests/<target>/<file>.swift).
    public static func projectRoot(_ filePath: String = #filePath) -> String {
        var path = filePath
        for _ in 0..<3 { path = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]) }
        return path
    }

    /// Compares `actual` with the file at `path` (or writes it when updating). Nil when they
    /// agree, else a message for the failure: the first line that differs and how to update.
    public static func compare(_ actual: String, with path: String) -> String? {
        if updating {
            let folder = (path as NSString).deletingLastPathComponent
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                if (try? String(contentsOfFile: path, encoding: .utf8)) != actual {
                    try actual.write(toFile: path, atomically: true, encoding: .utf8)
                }
                return nil
            } catch {
                return "\(path): cannot write the snapshot: \(error)"
            }
        }
        guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
            return "\(path): no snapshot; make it with DOSSIER_UPDATE_SNAPSHOTS=1 (make snapshots)"
        }
        if expected == actual { return nil }
        let want = expected.components(separatedBy: "\n"), got = actual.components(separatedBy: "\n")
        let line = (0..<min(want.count, got.count)).first { want[$0] != got[$0] } ?? min(want.count, got.count)
        func at(_ lines: [String]) -> String { line < lines.count ? lines[line] : "(end)" }
        return """
            \(path): differs at line \(line + 1)
              expected: \(at(want))
              actual:   \(at(got))
            (if the change is right: DOSSIER_UPDATE_SNAPSHOTS=1 swift test --filter …, or make snapshots; then review git diff)
            """
    }
}
