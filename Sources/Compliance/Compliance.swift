import DocModel

/// The compliance layer: tender model, rules, findings and reports.
/// It is filled by the tender and check issues; for now it only names its version.
public enum Compliance {
    /// The version of the findings and profile schemas this layer will emit.
    public static let schemaVersion = 1
}
