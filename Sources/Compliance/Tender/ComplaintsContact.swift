/// `klachten`: where complaints about the tender go.
public struct ComplaintsContact: Sendable, Hashable {
    public var name: String
    public var email: String
    public var phone: String?
    public var source: SourceRef
}
