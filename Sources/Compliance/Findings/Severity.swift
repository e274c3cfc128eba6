import DocModel

/// How serious a finding is: errors make a command fail, warnings and notes do not.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case error, warning, info

    /// The word used in text output (`fout`, `waarschuwing`, `info`).
    public func label(in language: Language) -> String {
        switch self {
        case .error: language.pick("fout", "error")
        case .warning: language.pick("waarschuwing", "warning")
        case .info: language.pick("info", "info")
        }
    }

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .info: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
