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

    // MARK: - Overview

    static func verdict(_ entry: Entry, _ language: Language) -> String {
        switch entry.result {
        case .success(let report): report.complete ? language.pick("compleet", "complete") : language.pick("niet compleet", "incomplete")
        case .failure: language.pick("kon niet worden gecontroleerd", "could not be checked")
        }
    }

    static func errorCounts(_ report: CheckReport) -> [String: Int] {
        var counts: [String: Int] = [:]
        for finding in report.findings where finding.severity == .error { counts[finding.ruleID, default: 0] += 1 }
        return counts
    }

    public static func overview(_ entries: [Entry], format: OverviewFormat, language: Language) -> String {
        let rules = CheckEngine.ruleIDs
        let header = [language.pick("inzending", "submission"), language.pick("oordeel", "verdict"), language.pick("fouten", "errors"),
                      language.pick("waarschuwingen", "warnings")] + rules + [language.pick("toelichting", "note")]
        let rows: [[String]] = entries.map { entry in
            switch entry.result {
            case .success(let report):
                let counts = errorCounts(report)
                return [entry.name, verdict(entry, language), "\(report.summary.errors)", "\(report.summary.warnings)"] + rules.map { "\(counts[$0] ?? 0)" } + [""]
            case .failure(let error):
                return [entry.name, verdict(entry, language), "", ""] + rules.map { _ in "" } + [error.message.text(in: language)]
            }
        }
        switch format {
        case .csv:
            func field(_ value: String) -> String {
                value.contains(where: { ",\"\n;".contains($0) }) ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
            }
            return ([header] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\n") + "\n"
        case .text:
            let all = [header] + rows
            let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
            var lines = all.map { row in row.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }.joined(separator: "  ").trimmingCharacters(in: .whitespaces) }
            lines.insert(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "), at: 1)
            let complete = entries.filter { $0.report?.complete == true }.count
            let failed = entries.filter { $0.report == nil }.count
            lines.append("")
            lines.append(language.pick("\(entries.count) inzendingen: \(complete) compleet, \(entries.count - complete - failed) niet compleet, \(failed) niet gecontroleerd",
                                       "\(entries.count) submissions: \(complete) complete, \(entries.count - complete - failed) incomplete, \(failed) not checked"))
            return lines.joined(separator: "\n") + "\n"
        case .html:
            let e = CheckReportRenderer.escape
            var body = "<h1>\(e(language.pick("Overzicht inzendingen", "Submissions overview")))</h1>\n<table>\n<tr>" + header.map { "<th>\(e($0))</th>" }.joined() + "</tr>\n"
            for (entry, row) in zip(entries, rows) {
                let cls = entry.report?.complete == true ? "ok-row" : entry.report == nil ? "info" : "error"
                body += "<tr class=\"\(cls)\">" + row.map { "<td>\(e($0))</td>" }.joined() + "</tr>\n"
            }
            body += "</table>\n"
            return CheckReportRenderer.page(title: language.pick("Overzicht inzendingen", "Submissions overview"), language: language, body: body)
        }
    }
}
