/// `third-party-own-espd`: derden submit their own UEA, signed by themselves (ESPD Part II.C).
public struct ThirdPartyESPDRule: LintRule {
    public let id = "third-party-own-espd"
    public let summary = LocalizedText("Derden dienen een eigen, zelf ondertekend UEA in", "Third parties submit their own signed ESPD")
    public init() {}

    public func check(_ tender: Tender) -> [Finding] {
        guard !tender.parties.thirdPartiesOwnESPD else { return [] }
        return [finding(.warning, LocalizedText("derden_eigen_uea is false, maar een derde op wiens capaciteit een beroep wordt gedaan moet een eigen UEA indienen, door hemzelf ondertekend",
                                                "derden_eigen_uea is false, but a third party whose capacity is relied on must submit its own ESPD, signed by itself"),
                        in: tender, at: tender.parties.source, key: "derden_eigen_uea",
                        hint: LocalizedText("UEA deel II.C: „een afzonderlijk UEA … naar behoren ingevuld en ondertekend door de betrokken entiteiten”",
                                            "ESPD Part II.C: \"a separate ESPD form … duly filled in and signed by the entities concerned\""))]
    }
}
