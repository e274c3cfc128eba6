import DocModel
import Foundation
import PackageIO

/// Checks every submission in a folder (each subfolder or `.zip`) in parallel over the cores,
/// and writes an overview. One broken submission never stops the batch.
public struct BatchCheck: Sendable {
    public struct Entry: Sendable {
        public var name: String
        public var path: String
        /// The report, or why the submission could not be checked.
        public var result: Result<CheckReport, CheckError>

        public var report: CheckReport? { if case .success(let report) = result { return report } else { return nil } }
    }

    public enum OverviewFormat: String, Sendable, CaseIterable {
        case text, csv, html
    }

    public var engine: CheckEngine
    public var profile: RequirementsProfile
    public var options: CheckOptions
    public var limits: ReadLimits

    public init(engine: CheckEngine = CheckEngine(), profile: RequirementsProfile, options: CheckOptions = CheckOptions(), limits: ReadLimits = .default) {
        self.engine = engine
        self.profile = profile
        self.options = options
        self.limits = limits
    }

    /// The submissions of a batch folder: subfolders and zip files, sorted by name.
    public static func submissions(in folder: String) throws(CheckError) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            throw CheckError(LocalizedText("\(folder): map kan niet worden gelezen", "\(folder): folder cannot be read"))
        }
        return names.filter { !$0.hasPrefix(".") }.sorted().compactMap { name in
            var isFolder: ObjCBool = false
            let path = folder + "/" + name
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return nil }
            return isFolder.boolValue || name.lowercased().hasSuffix(".zip") ? path : nil
        }
    }

    /// Checks the submissions with `jobs` workers (default `ProcessInfo.activeProcessorCount`);
    /// `progress` is called (from any thread) with the number done so far and the total.
    public func run(paths: [String], jobs: Int? = nil, progress: (@Sendable (Int, Int) -> Void)? = nil) -> [Entry] {
        let results = ResultBox(count: paths.count)
        let workers = max(1, min(jobs ?? ProcessInfo.processInfo.activeProcessorCount, paths.count))
        let next = Counter()
        let done = Counter()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            // Each worker checks against its own copy of the profile: shared strings and arrays
            // would have their reference counts updated from both cores (cache lines bouncing).
            let profile = workers == 1 ? profile : Self.privateCopy(of: profile)
            while true {
                let index = next.increment() - 1
                guard index < paths.count else { return }
                let path = paths[index]
                let result: Result<CheckReport, CheckError>
                do {
                    result = .success(try engine.check(path: path, profile: profile, options: options, limits: limits))
                } catch let error as CheckError {
                    result = .failure(error)
                } catch {
                    result = .failure(CheckError(LocalizedText("\(error)", "\(error)")))
                }
                results.set(index, Entry(name: (path as NSString).lastPathComponent, path: path, result: result))
                progress?(done.increment(), paths.count)
            }
        }
        return results.values()
    }

    /// A copy that shares no storage with `profile` (through its JSON form).
    static func privateCopy(of profile: RequirementsProfile) -> RequirementsProfile {
        guard let data = try? JSONEncoder().encode(profile),
              let copy = try? JSONDecoder().decode(RequirementsProfile.self, from: data), copy == profile else { return profile }
        return copy
    }

    final class Counter: @unchecked Sendable {
        private var value = 0
        private let lock = NSLock()
        func increment() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value }
    }

    final class ResultBox: @unchecked Sendable {
        private var entries: [Entry?]
        private let lock = NSLock()
        init(count: Int) { entries = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ entry: Entry) { lock.lock(); entries[index] = entry; lock.unlock() }
        func values() -> [Entry] { lock.lock(); defer { lock.unlock() }; return entries.compactMap { $0 } }
    }
}
