import DutchTime
import Foundation
import PackageIO

/// The check profile (`requirements.json`, schema version 1, docs/requirements-format.md):
/// everything `dossier check` needs to judge a submission, built from the tender.
public struct RequirementsProfile: Codable, Sendable, Hashable {
    public static let schemaName = "dossier.requirements"
    public static let currentVersion = 1

    public var schema = RequirementsProfile.schemaName
    public var schemaVersion = RequirementsProfile.currentVersion
    public var tender: TenderSummary
    public var timeZone: String
    public var deadline: ProfileTime<EndOfDay>?
    public var contactBan: ContactBanRule
    public var lots: [LotProfile]
    public var dossier: DossierRules
    public var minimumRequirements: [RequirementProfile]
    public var parties: PartyProfile

    public struct TenderSummary: Codable, Sendable, Hashable {
        public var title: String
        public var authority: String
        public var region: String?
        public var platform: String
        public var reference: String
        public var procedure: String
        public var regime: String
    }

    public struct ContactBanRule: Codable, Sendable, Hashable {
        public var from: ProfileTime<StartOfDay>?
        public var sanction: String?
    }

    public struct LotProfile: Codable, Sendable, Hashable {
        public var id: String
        public var name: String
        public var segments: [SegmentProfile]
        public var coreCompetences: [CompetenceProfile]
    }

    public struct SegmentProfile: Codable, Sendable, Hashable {
        public var id: String
        public var name: String
        public var subSegments: [Named]
    }

    public struct Named: Codable, Sendable, Hashable {
        public var id: String
        public var name: String
    }

    public struct CompetenceProfile: Codable, Sendable, Hashable {
        public var description: String
        public var years: Int?
        public var minimumPopulation: Int?
        public var references: Int
    }

    public struct DossierRules: Codable, Sendable, Hashable {
        public var sections: [SectionRule]
        public var fields: [FieldRule]
        public var maxPages: Int?
        public var maxWords: Int?
        public var references: Int?
        public var formats: [String]
    }

    public struct SectionRule: Codable, Sendable, Hashable {
        public var id: String
        public var title: String
        public var order: Int
        public var lot: String?
        public var segment: String?
        public var maxWords: Int?
        public var maxPages: Int?
    }

    public struct FieldRule: Codable, Sendable, Hashable {
        public var tag: String
        public var label: String
        public var required: Bool
        public var pattern: String?
    }

    public struct RequirementProfile: Codable, Sendable, Hashable {
        public var id: String
        public var requirement: String
        public var lot: String?
        public var segment: String?
        public var evidence: [EvidenceProfile]
        public var graceDate: ProfileTime<EndOfDay>?
    }

    public struct EvidenceProfile: Codable, Sendable, Hashable {
        public var kind: String
        public var register: String?
        public var maxAgeDays: Int?
        public var description: String?
    }

    public struct PartyProfile: Codable, Sendable, Hashable {
        /// `elektronisch`, `handgeschreven` or `geen` (added within version 1; absent means `elektronisch`).
        public var ueaSignature: String?
        public var combinationsAllowed: Bool
        public var thirdPartiesOwnSignedUEA: Bool
        public var fixedSubcontractorsListed: Bool
        public var incidentalSubcontractorsListed: Bool
    }

    /// Sorted keys, pretty printed, one trailing newline: the same profile gives the same bytes.
    public func jsonBytes() throws -> [UInt8] {
        try JSONText.bytes(self)
    }

    public static func decode(_ bytes: [UInt8]) throws -> RequirementsProfile {
        try JSONDecoder().decode(RequirementsProfile.self, from: Data(bytes))
    }
}

/// A moment in the profile: stored as the ISO text written (so `requirements.json` keeps its
/// bytes), read into a real date when the profile is loaded. A date alone stands for the end of
/// that day for a deadline (`ProfileTime<EndOfDay>`) and its start otherwise (`ProfileTime<StartOfDay>`);
/// a profile that names an unreadable moment does not load.
public struct ProfileTime<Part: ProfileDayPart>: Codable, Sendable, Hashable, CustomStringConvertible {
    /// The text as stored.
    public let text: String
    /// The instant.
    public let date: Date

    public init?(_ text: String) {
        guard let moment = DutchTime.parse(text, dateOnly: Part.dateOnly) else { return nil }
        self.text = text
        date = moment.date
    }

    /// The moment as ISO 8601 with the Amsterdam offset ("2021-05-06T12:00:00+02:00").
    public init(_ date: Date) {
        text = DutchTime.iso(date)
        self.date = date
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date or date-time: \(text)"))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    public var description: String { text }
}

/// What a date alone stands for in a profile moment.
public protocol ProfileDayPart: Sendable, Hashable {
    static var dateOnly: DutchTime.DayPart { get }
}
/// A deadline: a date alone is the end of that day.
public enum EndOfDay: ProfileDayPart { public static let dateOnly = DutchTime.DayPart.end }
/// A start: a date alone is the start of that day.
public enum StartOfDay: ProfileDayPart { public static let dateOnly = DutchTime.DayPart.start }
