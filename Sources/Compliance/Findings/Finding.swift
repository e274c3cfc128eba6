import DocModel

/// One problem (or note) found by a loader, a lint rule or a document check.
public struct Finding: Sendable, Hashable, Codable {
    /// Stable identifier of the rule, e.g. `weights-sum` or `unknown-key`.
    public var ruleID: String
    public var severity: Severity
    public var message: LocalizedText
    public var location: Location
    /// Optional advice on how to fix it.
    public var hint: LocalizedText?

    public init(ruleID: String, severity: Severity, message: LocalizedText, location: Location, hint: LocalizedText? = nil) {
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.location = location
        self.hint = hint
    }

    /// Orders findings by file, then position, then severity (findings without position first).
    public static func sorted(_ findings: [Finding]) -> [Finding] {
        findings.enumerated().sorted { left, right in
            let a = left.element.location, b = right.element.location
            if (a.file ?? "") != (b.file ?? "") { return (a.file ?? "") < (b.file ?? "") }
            switch (a.position, b.position) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return true
            case (_?, nil): return false
            default: break
            }
            if left.element.severity != right.element.severity { return left.element.severity < right.element.severity }
            return left.offset < right.offset
        }.map(\.element)
    }
}

/// Counts per severity.
public struct FindingSummary: Sendable, Hashable, Codable {
    public var errors = 0
    public var warnings = 0
    public var infos = 0

    public init(_ findings: [Finding]) {
        for finding in findings {
            switch finding.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .info: infos += 1
            }
        }
    }

    public var hasErrors: Bool { errors > 0 }

    /// "2 fouten, 1 waarschuwing" / "2 errors, 1 warning"; "geen bevindingen" when empty.
    public func text(in language: Language) -> String {
        func count(_ n: Int, _ nlOne: String, _ nlMany: String, _ enOne: String, _ enMany: String) -> String {
            "\(n) " + language.pick(n == 1 ? nlOne : nlMany, n == 1 ? enOne : enMany)
        }
        var parts: [String] = []
        if errors > 0 { parts.append(count(errors, "fout", "fouten", "error", "errors")) }
        if warnings > 0 { parts.append(count(warnings, "waarschuwing", "waarschuwingen", "warning", "warnings")) }
        if infos > 0 { parts.append(count(infos, "opmerking", "opmerkingen", "note", "notes")) }
        return parts.isEmpty ? language.pick("geen bevindingen", "no findings") : parts.joined(separator: ", ")
    }
}
