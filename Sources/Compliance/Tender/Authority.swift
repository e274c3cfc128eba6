/// `aanbestedende_dienst`: the contracting authority and its municipalities.
public struct Authority: Sendable, Hashable {
    public var name: String
    public var region: String?
    public var municipalities: [Municipality]
    public var source: SourceRef
}
