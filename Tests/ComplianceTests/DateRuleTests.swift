import Compliance
import DocTemplates
import PackageIO
import DutchTime
import Foundation
import Testing

/// The one rule for dates (docs/tender-format.md): a date written without a time is the end of
/// that day (23:59) for a deadline key and its start (00:00) for any other key; what the
/// documents print (template data through `datum`/`datumtijd`) and what `dossier check`
/// enforces (the requirements profile) are that same moment.
@Suite struct DateRuleTests {
    /// Every planning key with its date, and whether it is a deadline.
    static let keys: [(key: String, day: String, deadline: Bool)] = [
        ("publicatie", "2020-08-03", false),
        ("vragen_uiterlijk", "2020-08-20", true),
        ("nota_van_inlichtingen", "2020-08-27", false),
        ("sluiting_selectiefase", "2020-10-01", true),
        ("selectiebeslissing", "2020-10-15", false),
        ("start_gunningsfase", "2020-10-20", false),
        ("sluiting_gunningsfase", "2020-11-20", true),
        ("gunningsbeslissing", "2020-12-01", false),
        ("standstill_einde", "2020-12-22", true),
        ("start_contract", "2021-01-01", false),
        ("uiterlijk", "2020-10-10", true),  // minimumeisen[].uiterlijk
    ]

    static func text(withTimes: Bool) -> String {
        var values: [String: String] = [:]
        for k in keys { values[k.key] = withTimes ? k.day + " 10:30" : k.day }
        return tender(replacing: """
          publicatie: 2024-01-01 09:00
          vragenrondes:
            - vragen_uiterlijk: 2024-01-15
              nota_van_inlichtingen: 2024-01-22
          sluiting_selectiefase: 2024-02-15 12:00
          gunningsbeslissing: 2024-04-01
          standstill_einde: 2024-04-25
        """, with: """
          publicatie: \(values["publicatie"]!)
          vragenrondes:
            - vragen_uiterlijk: \(values["vragen_uiterlijk"]!)
              nota_van_inlichtingen: \(values["nota_van_inlichtingen"]!)
          sluiting_selectiefase: \(values["sluiting_selectiefase"]!)
          selectiebeslissing: \(values["selectiebeslissing"]!)
          start_gunningsfase: \(values["start_gunningsfase"]!)
          sluiting_gunningsfase: \(values["sluiting_gunningsfase"]!)
          gunningsbeslissing: \(values["gunningsbeslissing"]!)
          standstill_einde: \(values["standstill_einde"]!)
          start_contract: \(values["start_contract"]!)
        minimumeisen:
          - { id: me-1, eis: Keurmerk, uiterlijk: \(values["uiterlijk"]!) }
        """)
    }

    /// The moment a template date-time stands for, read in Europe/Amsterdam (no time: 00:00,
    /// as `datumtijd` prints it).
    func moment(_ value: TemplateValue?) -> Date? {
        guard case .date(let d)? = value else { return nil }
        let written = "\(d.year)-\(d.month < 10 ? "0" : "")\(d.month)-\(d.day < 10 ? "0" : "")\(d.day) "
            + "\((d.hour ?? 0) < 10 ? "0" : "")\(d.hour ?? 0):\((d.minute ?? 0) < 10 ? "0" : "")\(d.minute ?? 0)"
        return DutchTime.parse(written)?.date
    }

    @Test(arguments: [false, true])
    func documentsPrintWhatCheckEnforces(withTimes: Bool) throws {
        let loaded = try TenderLoader.load(text: Self.text(withTimes: withTimes), file: "t.yaml")
        #expect(loaded.isComplete, "\(loaded.findings)")
        let tender = loaded.tender
        let p = tender.planning
        let round = try #require(p.questionRounds.first)
        let requirement = try #require(tender.minimumRequirements.first)
        let enforced: [String: TenderDate?] = [
            "publicatie": p.publication, "vragen_uiterlijk": round.questionsDeadline, "nota_van_inlichtingen": round.answersPublished,
            "sluiting_selectiefase": p.selectionDeadline, "selectiebeslissing": p.selectionDecision, "start_gunningsfase": p.awardPhaseStart,
            "sluiting_gunningsfase": p.awardDeadline, "gunningsbeslissing": p.awardDecision, "standstill_einde": p.standstillEnd,
            "start_contract": p.contractStart, "uiterlijk": requirement.graceDate,
        ]
        let data = tender.templateData
        guard case .list(let rounds)? = data["planning"]?["vragenrondes"], case .list(let requirements)? = data["minimumeisen"] else {
            Issue.record("no vragenrondes or minimumeisen"); return
        }
        let printed: [String: TemplateValue?] = [
            "vragen_uiterlijk": rounds.first?["vragen_uiterlijk"], "nota_van_inlichtingen": rounds.first?["nota_van_inlichtingen"],
            "uiterlijk": requirements.first?["uiterlijk"],
        ]
        // What check enforces, from the profile as written to and read from requirements.json.
        let profile = try RequirementsProfile.decode(try RequirementsProfile(tender: tender).jsonBytes())
        let profiled: [String: Date?] = [
            "publicatie": profile.contactBan.from?.date, "sluiting_selectiefase": profile.deadline?.date,
            "uiterlijk": profile.minimumRequirements.first?.graceDate?.date,
        ]
        for k in Self.keys {
            let date = try #require(enforced[k.key] ?? nil, "\(k.key)").date
            let expected = try #require(DutchTime.parse(withTimes ? k.day + " 10:30" : k.day + (k.deadline ? " 23:59" : " 00:00"))).date
            #expect(date == expected, "\(k.key): lint and the tender model")
            let value = printed[k.key] ?? data["planning"]?[k.key]
            #expect(moment(value) == expected, "\(k.key): what templates print")
            if let profileDate = profiled[k.key] {
                #expect(profileDate == expected, "\(k.key): what check enforces")
            }
        }
    }

    /// The bug this rule fixes: a date-only sluiting_selectiefase was enforced as 23:59 but printed
    /// "uiterlijk 1 oktober 2020, 00:00 uur" in the selectieleidraad and on the dossier cover.
    @Test func aDateOnlyDeadlinePrintsItsEnforcedMomentInTheDocuments() throws {
        let root = RequirementsProfileTests.projectRoot
        let tender = try TenderLoader.load(text: Self.text(withTimes: false), file: "t.yaml").tender
        let profile = RequirementsProfile(tender: tender)
        #expect(profile.deadline?.text == "2020-10-01T23:59:00+02:00")
        let deadline = try #require(profile.deadline?.date)
        #expect(DutchTime.dateTime(deadline) == "1 oktober 2020, 23:59 uur")
        for template in ["selectieleidraad.docx", "bekwaamheidsdossier.docx"] {
            let bytes = try TemplateRenderer.render(templateAt: root + "/templates/" + template, data: tender.templateData)
            let xml = String(decoding: try ZipArchive(bytes: bytes).read("word/document.xml"), as: UTF8.self)
            #expect(xml.contains("1 oktober 2020, 23:59 uur"), "\(template)")
            #expect(!xml.contains("1 oktober 2020, 00:00 uur"), "\(template)")
        }
    }

    /// A hand-written profile follows the same rule; a value that is no moment is refused.
    @Test func handWrittenProfileMoments() throws {
        let tender = try TenderLoader.load(text: Self.text(withTimes: false), file: "t.yaml").tender
        let json = String(decoding: try RequirementsProfile(tender: tender).jsonBytes(), as: UTF8.self)
        #expect(json.contains("\"2020-10-01T23:59:00+02:00\""))
        let dateOnly = try RequirementsProfile.decode(Array(json.replacingOccurrences(of: "\"2020-10-01T23:59:00+02:00\"", with: "\"2020-10-01\"").utf8))
        #expect(dateOnly.deadline?.date == DutchTime.parse("2020-10-01 23:59")?.date)
        let from = try RequirementsProfile.decode(Array(json.replacingOccurrences(of: "\"2020-08-03T00:00:00+02:00\"", with: "\"2020-08-03\"").utf8))
        #expect(from.contactBan.from?.date == DutchTime.parse("2020-08-03 00:00")?.date)
        #expect(throws: (any Error).self) {
            try RequirementsProfile.decode(Array(json.replacingOccurrences(of: "\"2020-10-01T23:59:00+02:00\"", with: "\"1 oktober\"").utf8))
        }
    }

    /// planning-order compares calendar days where a date has no time: a date-only
    /// start_gunningsfase may fall on the day of sluiting_selectiefase (23:59 or a time).
    @Test(arguments: ["2024-02-15", "2024-02-15 12:00"])
    func sameDayStartIsNotBeforeTheDeadline(deadline: String) throws {
        func planningOrder(start: String) throws -> [Finding] {
            let text = tender(replacing: "  sluiting_selectiefase: 2024-02-15 12:00\n",
                              with: "  sluiting_selectiefase: \(deadline)\n  start_gunningsfase: \(start)\n")
            #expect(try TenderLoader.load(text: text, file: "t.yaml").isComplete)
            return try lint(text).filter { $0.ruleID == "planning-order" }
        }
        #expect(try planningOrder(start: "2024-02-15").isEmpty)
        #expect(try planningOrder(start: "2024-02-16").isEmpty)
        let before = try planningOrder(start: "2024-02-14")
        #expect(before.count == 1)
        #expect(before.first?.message.nl.contains("start_gunningsfase (2024-02-14 00:00) ligt niet na sluiting_selectiefase") == true)
        // Both with a time: the moments are compared.
        if deadline.contains(" ") {
            #expect(try planningOrder(start: "2024-02-15 11:00").count == 1)
            #expect(try planningOrder(start: "2024-02-15 13:00").isEmpty)
        }
    }
}
