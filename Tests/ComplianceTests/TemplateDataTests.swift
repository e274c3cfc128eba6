import Compliance
import Testing
import DocTemplates

/// What templates see of a tender: its own keys plus derived values, and every optional key
/// present so that a lookup never falls through to an enclosing item.
@Suite struct TemplateDataTests {
    @Test func derivedValuesAndNullsForMissingKeys() throws {
        let result = try TenderLoader.load(text: baseTender, file: "t.yaml")
        let data = result.tender.templateData
        #expect(data["titel"] == .string("Test"))
        #expect(data["gemeenten_tekst"] == .string("Noord en Zuid"))
        #expect(data["looptijd"]?["tekst"] == .string("2 jaar"))
        #expect(data["planning"]?["publicatie"] == .date(TemplateDateTime(year: 2024, month: 1, day: 1, hour: 9, minute: 0)))
        // A date alone stays a date without a time.
        #expect(data["planning"]?["gunningsbeslissing"] == .date(TemplateDateTime(year: 2024, month: 4, day: 1)))
        #expect(data["planning"]?["start_contract"] == .null)
        guard case .list(let lots)? = data["percelen"], case .list(let segments)? = lots.first?["segmenten"],
              case .list(let criteria)? = segments.first?["criteria"] else {
            Issue.record("no percelen/segmenten/criteria"); return
        }
        #expect(criteria.first?["sectie_id"] == .string("criterium-p1-s1-a"))
        #expect(criteria.first?["maximum_woorden"] == .null)
        #expect(segments.first?["criteria_totaal"] == .number(100))
        #expect(segments.first?["sub_segmenten"] == .list([]))
        #expect(segments.first?["omschrijving"] == .null)
        #expect(data["hoofdstukken"]?["sroi"] == .null)
        #expect(data["partijen"]?["derden_eigen_uea"] == .bool(true))
    }
}
