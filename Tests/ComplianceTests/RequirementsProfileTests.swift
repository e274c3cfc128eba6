import Compliance
import Foundation
import Testing

@Suite struct RequirementsProfileTests {
    static let projectRoot: String = {
        var path = #filePath
        for _ in 0..<3 { path = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]) }
        return path
    }()

    func profile(_ sample: String) throws -> RequirementsProfile {
        let result = try TenderLoader.load(path: "\(Self.projectRoot)/samples/tenders/\(sample)")
        #expect(!result.findings.contains { $0.severity == .error })
        return RequirementsProfile(tender: result.tender)
    }

    @Test func achterhoekProfileHasTheDeadlineSectionsFieldsAndRequirements() throws {
        let p = try profile("achterhoek-2021.yaml")
        #expect(p.schema == "dossier.requirements" && p.schemaVersion == 1)
        #expect(p.timeZone == "Europe/Amsterdam")
        #expect(p.deadline?.text == "2021-05-06T12:00:00+02:00")
        #expect(p.contactBan.from?.text == "2021-04-01T09:00:00+02:00")
        #expect(p.lots.map(\.id) == ["jeugd", "wmo"])
        // The form's fixed sections frame the criteria, in order.
        #expect(p.dossier.sections.first?.id == "gegevens")
        #expect(p.dossier.sections.last?.id == "verklaring")
        #expect(p.dossier.sections.map(\.order) == Array(1...p.dossier.sections.count))
        let criteria = p.dossier.sections.filter { $0.id.hasPrefix("criterium-") }
        #expect(!criteria.isEmpty)
        #expect(criteria.allSatisfy { $0.lot != nil && $0.segment != nil })
        #expect(Set(p.dossier.sections.map(\.id)).count == p.dossier.sections.count)
        #expect(p.dossier.fields.first { $0.tag == "kvk" }?.pattern == "^[0-9]{8}$")
        // General requirements first, with no perceel; then per perceel and segment.
        #expect(p.minimumRequirements.first?.lot == nil)
        #expect(p.minimumRequirements.contains { $0.lot == "jeugd" })
        #expect(p.parties.thirdPartiesOwnSignedUEA)
    }

    @Test func theSameTenderGivesTheSameBytesAndTheyDecode() throws {
        let first = try profile("achterhoek-2021.yaml").jsonBytes()
        let second = try profile("achterhoek-2021.yaml").jsonBytes()
        #expect(first == second)
        let decoded = try RequirementsProfile.decode(first)
        #expect(decoded == (try profile("achterhoek-2021.yaml")))
        #expect(String(decoding: first, as: UTF8.self).contains("\"deadline\" : \"2021-05-06T12:00:00+02:00\""))
    }

    @Test func aDeadlineInWinterTimeHasTheWinterOffset() throws {
        let result = try TenderLoader.load(text: baseTender, file: "t.yaml")
        let p = RequirementsProfile(tender: result.tender)
        #expect(p.deadline?.text == "2024-02-15T12:00:00+01:00")
        #expect(p.dossier.sections.map(\.id) == [
            "gegevens", "partijen", "referenties", "criterium-p1-s1-a", "criterium-p1-s1-b", "bewijsstukken", "verklaring",
        ])
    }
}
