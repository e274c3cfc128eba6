/// `contact-ban-sanction`: a contact ban names its sanction (courts found exclusion without a
/// named sanction disproportionate).
public struct ContactBanSanctionRule: LintRule {
    public let id = "contact-ban-sanction"
    public let summary = LocalizedText("Het contactverbod noemt een sanctie", "The contact ban names a sanction")
    public init() {}

    public func check(_ tender: Tender) -> [Finding] {
        let sanction = tender.contactBan.sanction?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard sanction.isEmpty else { return [] }
        return [finding(.warning, LocalizedText("het contactverbod noemt geen sanctie",
                                                "the contact ban names no sanction"),
                        in: tender, at: tender.source, key: "contactverbod",
                        hint: LocalizedText("vul contactverbod.sanctie in, bijvoorbeeld „uitsluiting van deelname”; zonder genoemde sanctie is uitsluiting vaak onevenredig",
                                            "fill in contactverbod.sanctie, e.g. \"uitsluiting van deelname\"; without a named sanction exclusion is often disproportionate"))]
    }
}
