import Compliance
import Testing

/// The bidder's ESPD (Part II.C: reliance on other entities) agrees with the derden the dossier
/// lists. The complete test submission lists a combinant and no derde.
@Suite struct ESPDRelianceTests {
    static func espd(relies: Bool, reliedUpon: String = "") -> [UInt8] {
        Array("""
        <?xml version="1.0" encoding="UTF-8"?>
        <QualificationApplicationResponse xmlns="urn:oasis:names:specification:ubl:schema:xsd:QualificationApplicationResponse-2"
          xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
          xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
          <cbc:ProfileExecutionID>ESPD-EDMv4.1.0</cbc:ProfileExecutionID><cbc:VersionID>4.1.0</cbc:VersionID>
          <cac:EconomicOperatorParty><cac:EconomicOperatorRole><cbc:RoleCode>group-lead</cbc:RoleCode></cac:EconomicOperatorRole>
            <cac:Party><cac:PartyIdentification><cbc:ID schemeID="NL-KVK">12345678</cbc:ID></cac:PartyIdentification>
            <cac:PartyName><cbc:Name>Zorggroep Oost B.V.</cbc:Name></cac:PartyName></cac:Party></cac:EconomicOperatorParty>
          \(reliedUpon)
          <cac:TenderingCriterion><cbc:CriterionTypeCode>relied</cbc:CriterionTypeCode>
            <cac:TenderingCriterionPropertyGroup><cac:TenderingCriterionProperty><cbc:ID>r-q</cbc:ID><cbc:TypeCode>QUESTION</cbc:TypeCode>
            <cbc:ValueDataTypeCode>INDICATOR</cbc:ValueDataTypeCode></cac:TenderingCriterionProperty></cac:TenderingCriterionPropertyGroup>
          </cac:TenderingCriterion>
          <cac:TenderingCriterionResponse><cbc:ValidatedCriterionPropertyID>r-q</cbc:ValidatedCriterionPropertyID>
            <cac:ResponseValue><cbc:ResponseIndicator>\(relies)</cbc:ResponseIndicator></cac:ResponseValue></cac:TenderingCriterionResponse>
        </QualificationApplicationResponse>
        """.utf8)
    }

    func reliance(_ espd: [UInt8]) throws -> [Finding] {
        let report = Fixtures.check(try Fixtures.completeFiles() + [("uea/espd-inschrijver.xml", espd)])
        return report.findings("parties", .error).filter { $0.location.file == "uea/espd-inschrijver.xml" }
    }

    @Test func noRelianceAndNoDerdenAgree() throws {
        #expect(try reliance(Self.espd(relies: false)).isEmpty)
    }

    @Test func relianceWithoutADerdeInTheDossierIsAnError() throws {
        let findings = try reliance(Self.espd(relies: true))
        #expect(findings.count == 1)
        #expect(findings.first?.message.nl.contains("doet die een beroep op derden, maar het dossier noemt geen derde") == true)
    }

    @Test func aReliedUponEntityTheDossierDoesNotListIsAnError() throws {
        let entity = """
            <cac:EconomicOperatorParty><cac:EconomicOperatorRole><cbc:RoleCode>oeron</cbc:RoleCode></cac:EconomicOperatorRole>
            <cac:Party><cac:PartyName><cbc:Name>Stichting Onbekend</cbc:Name></cac:PartyName></cac:Party></cac:EconomicOperatorParty>
            """
        let findings = try reliance(Self.espd(relies: true, reliedUpon: entity))
        #expect(findings.contains { $0.message.nl.contains("noemt derde „Stichting Onbekend”, die het dossier niet noemt") })
    }
}
