/// `contactverbod`: the contact ban from publication on.
public struct ContactBan: Sendable, Hashable {
    public var text: String
    public var sanction: String?
    public var source: SourceRef
}
