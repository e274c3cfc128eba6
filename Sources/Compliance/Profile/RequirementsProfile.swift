import Foundation

/// The check profile (`requirements.json`, schema version 1, docs/requirements-format.md):
/// everything `dossier check` needs to judge a submission, built from the tender.
public struct RequirementsProfile: Codable, Sendable, Hashable {
    public static let schemaName = "dossier.requirements"
    public static let currentVersion = 1

    public var schema = RequirementsProfile.schemaName
    public var schemaVersion = RequirementsProfile.currentVersion
    public var tender: TenderSummary
    public var timeZone: String
    public var deadline: String?
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
        public var from: String?
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
        public var graceDate: String?
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
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(self)) + [0x0A]
    }

    public static func decode(_ bytes: [UInt8]) throws -> RequirementsProfile {
        try JSONDecoder().decode(RequirementsProfile.self, from: Data(bytes))
    }
}
