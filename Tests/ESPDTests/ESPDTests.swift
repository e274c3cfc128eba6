import Foundation
import DocModel
import Testing
import PackageIO
import Compliance

/// The ESPD corpus beside the project (../shared/corpus/espd), when it is there.
enum ESPDCorpus {
    static let projectRoot: String = {
        var path = #filePath
        for _ in 0..<3 { path = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]) }
        return path
    }()

    static let root = projectRoot + "/../shared/corpus/espd"
    static var available: Bool { FileManager.default.fileExists(atPath: root + "/v4.1.0/ESPD-Response.xml") }

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: "\(root)/\(name)")))
    }
}

struct CorpusExpectation: Sendable, CustomStringConvertible {
    var file: String
    var edmVersion: String
    var name: String
    var identifier: String
    var role: ESPDRole?
    var relies: Bool
    var grounds: Int
    var answered: Int
    var description: String { file }
}

@Suite(.enabled(if: ESPDCorpus.available, "../shared/corpus/espd not found beside the project: ESPD corpus tests skipped"))
struct ESPDCorpusTests {
    static let expectations: [CorpusExpectation] = [
        .init(file: "v2.1.1/BASIC-ESPDResponse.xml", edmVersion: "2.1.1", name: "__EoName", identifier: "DE153301871",
              role: nil, relies: true, grounds: 24, answered: 24),
        .init(file: "v2.1.1/EXTENDED-ESPDResponse.xml", edmVersion: "2.1.1", name: "__ProcurerName", identifier: "AD123456789",
              role: .groupMember, relies: true, grounds: 24, answered: 24),
        .init(file: "v3.3.0/ESPD-Response.xml", edmVersion: "3.3.0", name: "__ProcurerName", identifier: "AD123456789",
              role: .groupMember, relies: true, grounds: 24, answered: 24),
        // v4.1.0 sample: tax-pay and socsec-pay carry only the "available electronically" answer.
        .init(file: "v4.1.0/ESPD-Response.xml", edmVersion: "4.1.0", name: "__Procurer Official Name__", identifier: "AD123456789",
              role: .groupMember, relies: true, grounds: 24, answered: 22),
    ]

    @Test(arguments: expectations)
    func readsResponse(_ expected: CorpusExpectation) throws {
        let response = try ESPDResponse.read(bytes: try ESPDCorpus.bytes(expected.file))
        #expect(response.edmVersion == expected.edmVersion)
        #expect(response.economicOperatorName == expected.name)
        #expect(response.economicOperator?.identifiers.first?.value == expected.identifier)
        #expect(response.role == expected.role)
        #expect(response.reliesOnOtherEntities == expected.relies)
        #expect(response.reliedUponEntities.isEmpty)
        #expect(response.exclusionGrounds.count == expected.grounds)
        #expect(response.answeredExclusionGrounds.count == expected.answered)
        #expect(response.answeredExclusionGrounds.allSatisfy { $0.answer == true })
    }

    @Test func v4GroundsWithoutMainAnswer() throws {
        let response = try ESPDResponse.read(bytes: try ESPDCorpus.bytes("v4.1.0/ESPD-Response.xml"))
        #expect(response.exclusionGrounds.filter { $0.answer == nil }.map(\.code) == ["tax-pay", "socsec-pay"])
        #expect(response.profileExecutionID == "ESPD-EDMv4.1.0")
        #expect(response.exclusionGrounds.first?.code == "crime-org")
    }

    @Test(arguments: ["v2.1.1/BASIC-ESPDRequest.xml", "v4.1.0/ESPD-Request.xml"])
    func refusesRequest(_ file: String) throws {
        #expect(throws: ReadError(.notAnESPDResponse(found: "QualificationApplicationRequest"))) {
            try ESPDResponse.read(bytes: try ESPDCorpus.bytes(file))
        }
    }

    @Test func refusesCodeList() throws {
        #expect(throws: ReadError(.notAnESPDResponse(found: "CodeList"))) {
            try ESPDResponse.read(bytes: try ESPDCorpus.bytes("v4.1.0/EoRoleType.gc"))
        }
    }
}

struct ESPDHandWrittenTests {
    static func response(parties: String, criteria: String = "", responses: String = "", header: String = "<cbc:ProfileExecutionID>ESPD-EDMv4.1.0</cbc:ProfileExecutionID><cbc:VersionID>4.1.0</cbc:VersionID>") -> [UInt8] {
        Array("""
        <?xml version="1.0" encoding="UTF-8"?>
        <QualificationApplicationResponse xmlns="urn:oasis:names:specification:ubl:schema:xsd:QualificationApplicationResponse-2"
          xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
          xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
          \(header)
          \(parties)
          \(criteria)
          \(responses)
        </QualificationApplicationResponse>
        """.utf8)
    }

    static func party(_ code: String, _ name: String, kvk: String? = nil, companyID: String? = nil) -> String {
        """
        <cac:EconomicOperatorParty>
          <cac:EconomicOperatorRole><cbc:RoleCode>\(code)</cbc:RoleCode></cac:EconomicOperatorRole>
          <cac:Party>
            \(kvk.map { "<cac:PartyIdentification><cbc:ID schemeID=\"NL-KVK\">\($0)</cbc:ID></cac:PartyIdentification>" } ?? "")
            <cac:PartyName><cbc:Name>\(name)</cbc:Name></cac:PartyName>
            \(companyID.map { "<cac:PartyLegalEntity><cbc:CompanyID>\($0)</cbc:CompanyID></cac:PartyLegalEntity>" } ?? "")
          </cac:Party>
        </cac:EconomicOperatorParty>
        """
    }

    static func criterion(_ code: String, _ property: String) -> String {
        """
        <cac:TenderingCriterion>
          <cbc:CriterionTypeCode>\(code)</cbc:CriterionTypeCode>
          <cac:TenderingCriterionPropertyGroup>
            <cac:TenderingCriterionProperty>
              <cbc:ID>\(property)-caption</cbc:ID><cbc:TypeCode>CAPTION</cbc:TypeCode><cbc:ValueDataTypeCode>NONE</cbc:ValueDataTypeCode>
            </cac:TenderingCriterionProperty>
            <cac:SubsidiaryTenderingCriterionPropertyGroup>
              <cac:TenderingCriterionProperty>
                <cbc:ID>\(property)</cbc:ID><cbc:TypeCode>QUESTION</cbc:TypeCode><cbc:ValueDataTypeCode>INDICATOR</cbc:ValueDataTypeCode>
              </cac:TenderingCriterionProperty>
            </cac:SubsidiaryTenderingCriterionPropertyGroup>
          </cac:TenderingCriterionPropertyGroup>
        </cac:TenderingCriterion>
        """
    }

    static func answer(_ property: String, _ value: Bool) -> String {
        """
        <cac:TenderingCriterionResponse>
          <cbc:ValidatedCriterionPropertyID>\(property)</cbc:ValidatedCriterionPropertyID>
          <cac:ResponseValue><cbc:ResponseIndicator>\(value)</cbc:ResponseIndicator></cac:ResponseValue>
        </cac:TenderingCriterionResponse>
        """
    }

    @Test(arguments: [
        ("SC", ESPDRole.soleTenderer), ("LE", .groupLead), ("GM", .groupMember), ("OERON", .reliedUponEntity),
        ("OENRON", .subcontractor), ("sole-tenderer", .soleTenderer), ("group-lead", .groupLead),
        ("group-mem", .groupMember), ("oeron", .reliedUponEntity), ("subcont", .subcontractor),
    ])
    func roleCodes(_ code: String, _ role: ESPDRole) throws {
        #expect(ESPDRole(code: code) == role)
        let response = try ESPDResponse.read(bytes: Self.response(parties: Self.party(code, "Zorg BV")))
        #expect(response.parties.first?.role == role)
        #expect(response.parties.first?.roleCode == code)
    }

    @Test func unknownRoleCode() throws {
        #expect(ESPDRole(code: "XX") == nil)
        let response = try ESPDResponse.read(bytes: Self.response(parties: Self.party("XX", "Zorg BV")))
        #expect(response.role == nil)
        #expect(response.economicOperator?.roleCode == "XX")
    }

    @Test func dutchLabels() {
        #expect(ESPDRole.soleTenderer.dutchLabel == "Enige inschrijver")
        #expect(ESPDRole.groupLead.dutchLabel == "Leider van een combinatie")
        #expect(ESPDRole.groupMember.dutchLabel == "Lid van een combinatie")
        #expect(ESPDRole.reliedUponEntity.dutchLabel == "Andere entiteit (waarop een beroep wordt gedaan)")
        #expect(ESPDRole.subcontractor.dutchLabel == "Subcontractant")
        #expect(ESPDRole.allCases.map(\.tenderTerm) == ["inschrijver", "penvoerder", "combinant", "derde", "onderaannemer"])
        #expect(ESPDRole.groupLead.label(in: .en) == "Group leader")
    }

    @Test func v4RelianceAndRelatedParties() throws {
        let bytes = Self.response(
            parties: Self.party("group-lead", "Zorg Samen BV", kvk: "12345678", companyID: "NL001234567B01")
                + Self.party("oeron", "Derde Hulp BV", kvk: "87654321")
                + Self.party("subcont", "Onder BV"),
            criteria: Self.criterion("crime-org", "p1") + Self.criterion("fraud", "p2") + Self.criterion("relied", "p3")
                + Self.criterion("corruption", "p4") + Self.criterion("sme", "p5"),
            responses: Self.answer("p1", false) + Self.answer("p2", true) + Self.answer("p3", true) + Self.answer("p5", true))
        let response = try ESPDResponse.read(bytes: bytes)
        #expect(response.edmVersion == "4.1.0")
        #expect(response.economicOperatorName == "Zorg Samen BV")
        #expect(response.role == .groupLead)
        #expect(response.economicOperator?.kvkNumber == "12345678")
        #expect(response.economicOperator?.identifiers.map(\.value) == ["12345678", "NL001234567B01"])
        #expect(response.economicOperator?.identifiers.last?.isCompanyID == true)
        #expect(response.reliesOnOtherEntities == true)
        #expect(response.reliedUponEntities.map(\.name) == ["Derde Hulp BV"])
        #expect(response.exclusionGrounds == [
            ESPDCriterionAnswer(code: "crime-org", answer: false),
            ESPDCriterionAnswer(code: "fraud", answer: true),
            ESPDCriterionAnswer(code: "corruption", answer: nil),
        ])
        #expect(response.answeredExclusionGrounds.count == 2)
    }

    @Test func v2RelianceNo() throws {
        let bytes = Self.response(
            parties: Self.party("SC", "Enige BV"),
            criteria: Self.criterion("CRITERION.OTHER.EO_DATA.RELIES_ON_OTHER_CAPACITIES", "r")
                + Self.criterion("CRITERION.EXCLUSION.CONVICTIONS.FRAUD", "f"),
            responses: Self.answer("r", false) + Self.answer("f", false),
            header: "<cbc:VersionID>2.1.1</cbc:VersionID>")
        let response = try ESPDResponse.read(bytes: bytes)
        #expect(response.edmVersion == "2.1.1")
        #expect(response.role == .soleTenderer)
        #expect(response.reliesOnOtherEntities == false)
        #expect(response.exclusionGrounds == [ESPDCriterionAnswer(code: "CRITERION.EXCLUSION.CONVICTIONS.FRAUD", answer: false)])
    }

    @Test func noRelianceCriterion() throws {
        let response = try ESPDResponse.read(bytes: Self.response(parties: Self.party("SC", "A")))
        #expect(response.reliesOnOtherEntities == nil)
        #expect(response.exclusionGrounds.isEmpty)
    }

    @Test func refusesRequest() {
        let request = Array("""
        <QualificationApplicationRequest xmlns="urn:oasis:names:specification:ubl:schema:xsd:QualificationApplicationRequest-2"/>
        """.utf8)
        #expect(throws: ReadError(.notAnESPDResponse(found: "QualificationApplicationRequest"))) {
            try ESPDResponse.read(bytes: request)
        }
        let error = ReadError(.notAnESPDResponse(found: "QualificationApplicationRequest"))
        #expect(error.message(in: .nl).contains("UEA-verzoek"))
        #expect(error.message(in: .en).contains("ESPD request"))
    }

    @Test func refusesOtherXML() {
        #expect(throws: ReadError(.notAnESPDResponse(found: "QualificationApplicationResponse"))) {
            // right name, wrong namespace
            try ESPDResponse.read(bytes: Array("<QualificationApplicationResponse/>".utf8))
        }
        #expect(throws: ReadError(.notAnESPDResponse(found: "document"))) {
            try ESPDResponse.read(bytes: Array("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>".utf8))
        }
        #expect(ReadError(.notAnESPDResponse(found: "document")).message(in: .nl).contains("geen UEA/ESPD-antwoord"))
    }

    @Test func refusesDTDAndMalformed() {
        let dtd = Array("<!DOCTYPE x [<!ENTITY a \"b\">]><QualificationApplicationResponse/>".utf8)
        #expect(throws: ReadError.self) { try ESPDResponse.read(bytes: dtd) }
        #expect(throws: ReadError.self) { try ESPDResponse.read(bytes: Array("<a><b></a>".utf8)) }
        var limits = ReadLimits()
        limits.maxXMLDepth = 3
        let deep = Self.response(parties: Self.party("SC", "A"))
        #expect(throws: ReadError.self) { try ESPDResponse.read(bytes: deep, limits: limits) }
    }
}
