import DocModel
import DutchTime
import Foundation

/// `deadline`: time left until the submission deadline (Europe/Amsterdam), an error when the
/// check runs after it, files modified after it, and the contact ban in force as a note.
public struct DeadlineRule: FindingsRule {
    public let id = "deadline"
    public let summary = LocalizedText("sluitingstermijn en contactverbod", "deadline and contact ban")
    public init() {}

    public static func remaining(_ seconds: TimeInterval, in language: Language) -> String {
        let hours = Int(seconds / 3600)
        let days = hours / 24, rest = hours % 24
        return language.pick("\(days) \(days == 1 ? "dag" : "dagen") en \(rest) uur", "\(days) \(days == 1 ? "day" : "days") and \(rest) \(rest == 1 ? "hour" : "hours")")
    }

    public func check(_ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        let now = context.now
        let platform = context.profile.tender.platform
        guard let deadline = context.deadline else {
            return [finding(.info, LocalizedText("het profiel noemt geen sluitingstermijn", "the profile names no deadline"), file: nil)]
        }
        let nl = DutchTime.dateTime(deadline), en = DutchTime.dateTime(deadline, english: true)
        if now > deadline {
            findings.append(finding(.error, LocalizedText("de sluitingstermijn (\(nl), Europe/Amsterdam) is verstreken: \(Self.remaining(now.timeIntervalSince(deadline), in: .nl)) geleden",
                                                          "the deadline (\(en), Europe/Amsterdam) has passed: \(Self.remaining(now.timeIntervalSince(deadline), in: .en)) ago"),
                                    file: nil, hint: LocalizedText("een inzending na de sluitingstermijn wordt niet beoordeeld", "a submission after the deadline is not assessed")))
        } else {
            findings.append(finding(.info, LocalizedText("nog \(Self.remaining(deadline.timeIntervalSince(now), in: .nl)) tot de sluitingstermijn (\(nl), Europe/Amsterdam)",
                                                         "\(Self.remaining(deadline.timeIntervalSince(now), in: .en)) left until the deadline (\(en), Europe/Amsterdam)"),
                                    file: nil, hint: LocalizedText("dien op tijd in via \(platform); reken op drukte vlak voor de sluiting", "submit in time through \(platform); expect a rush just before closing")))
        }
        for file in context.submission.files {
            guard let modifiedText = file.document?.metadata.modified, let modified = DutchTime.parse(modifiedText)?.date, modified > deadline else { continue }
            findings.append(finding(.error, LocalizedText("document is gewijzigd na de sluitingstermijn (\(DutchTime.dateTime(modified)))",
                                                          "document was modified after the deadline (\(DutchTime.dateTime(modified, english: true)))"),
                                    file: file.name, field: "modified",
                                    hint: LocalizedText("lever de versie in die vóór de sluitingstermijn is ingediend", "supply the version submitted before the deadline")))
        }
        if let from = context.profile.contactBan.from?.date, from <= now, now <= deadline {
            let sanction = context.profile.contactBan.sanction.map { LocalizedText(" Sanctie: \($0).", " Sanction: \($0).") } ?? LocalizedText("", "")
            findings.append(finding(.info, LocalizedText("het contactverbod geldt sinds \(DutchTime.dateTime(from)): stel vragen alleen via \(platform).\(sanction.nl)",
                                                         "the contact ban applies since \(DutchTime.dateTime(from, english: true)): ask questions only through \(platform).\(sanction.en)"),
                                    file: nil, hint: LocalizedText("neem geen contact op met de gemeenten of het inkoopbureau buiten \(platform) om", "do not contact the municipalities or the procurement bureau outside \(platform)")))
        }
        return findings
    }
}
