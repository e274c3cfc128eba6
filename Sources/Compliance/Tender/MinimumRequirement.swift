/// `minimumeisen[]`: a requirement every bidder must meet.
public struct MinimumRequirement: Sendable, Hashable {
    public var id: String
    public var requirement: String
    public var explanation: String?
    public var evidence: [Evidence]
    /// Grace date: the evidence may follow until then.
    public var graceDate: TenderDate?
    public var source: SourceRef
}
