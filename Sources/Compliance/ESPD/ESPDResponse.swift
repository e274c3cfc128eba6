import DocModel
import PackageIO

/// The role of an economic operator in an ESPD (UEA) response, from
/// `cac:EconomicOperatorRole/cbc:RoleCode`: the v2.1.1 codes (`SC`, `LE`, `GM`, `OERON`, `OENRON`)
/// and the v3/v4 codes of the eo-role-type list (`sole-tenderer`, `group-lead`, `group-mem`,
/// `oeron`, `subcont`) map to one set.
public enum ESPDRole: String, Sendable, Equatable, CaseIterable {
    case soleTenderer
    case groupLead
    case groupMember
    /// Another entity whose capacities the tenderer relies on (derde, beroep op draagkracht).
    case reliedUponEntity
    /// A subcontractor on whose capacities the tenderer does not rely (v2.1.1 `OENRON`, v3/v4 `subcont`).
    case subcontractor

    /// The role for a code of either version; nil for an unknown code.
    public init?(code: String) {
        switch code.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() {
        case "sc", "sole-tenderer": self = .soleTenderer
        case "le", "group-lead": self = .groupLead
        case "gm", "group-mem": self = .groupMember
        case "oeron": self = .reliedUponEntity
        case "oenron", "subcont": self = .subcontractor
        default: return nil
        }
    }

    /// The Dutch label of the EU code list (EoRoleType.gc, `nld_label`).
    public var dutchLabel: String {
        switch self {
        case .soleTenderer: return "Enige inschrijver"
        case .groupLead: return "Leider van een combinatie"
        case .groupMember: return "Lid van een combinatie"
        case .reliedUponEntity: return "Andere entiteit (waarop een beroep wordt gedaan)"
        case .subcontractor: return "Subcontractant"
        }
    }

    /// The English label of the EU code list.
    public var englishLabel: String {
        switch self {
        case .soleTenderer: return "Sole tenderer"
        case .groupLead: return "Group leader"
        case .groupMember: return "Group member"
        case .reliedUponEntity: return "Other entity (relied upon)"
        case .subcontractor: return "Subcontractor"
        }
    }

    public func label(in language: Language) -> String {
        language.pick(dutchLabel, englishLabel)
    }

    /// The word used in Dutch tender documents and in the UEA template's `uea-rol` drop-down.
    public var tenderTerm: String {
        switch self {
        case .soleTenderer: return "inschrijver"
        case .groupLead: return "penvoerder"
        case .groupMember: return "combinant"
        case .reliedUponEntity: return "derde"
        case .subcontractor: return "onderaannemer"
        }
    }

    /// The v3/v4 code.
    public var code: String {
        switch self {
        case .soleTenderer: return "sole-tenderer"
        case .groupLead: return "group-lead"
        case .groupMember: return "group-mem"
        case .reliedUponEntity: return "oeron"
        case .subcontractor: return "subcont"
        }
    }
}

/// An identifier of a party: `cac:PartyIdentification/cbc:ID` (with its `schemeID`) or
/// `cac:PartyLegalEntity/cbc:CompanyID`.
public struct ESPDIdentifier: Sendable, Equatable {
    public var value: String
    public var scheme: String?
    /// True for `cac:PartyLegalEntity/cbc:CompanyID`.
    public var isCompanyID: Bool

    public init(value: String, scheme: String? = nil, isCompanyID: Bool = false) {
        self.value = value
        self.scheme = scheme
        self.isCompanyID = isCompanyID
    }
}

/// One `cac:EconomicOperatorParty`.
public struct ESPDParty: Sendable, Equatable {
    public var name: String?
    public var identifiers: [ESPDIdentifier]
    /// The role code as written; nil when absent (the v2.1.1 BASIC profile leaves it out).
    public var roleCode: String?
    /// The role, when the code is known.
    public var role: ESPDRole?

    public init(name: String?, identifiers: [ESPDIdentifier], roleCode: String?) {
        self.name = name
        self.identifiers = identifiers
        self.roleCode = roleCode
        self.role = roleCode.flatMap(ESPDRole.init(code:))
    }

    /// A Dutch Chamber of Commerce number: an identifier whose scheme names the KvK, or else an
    /// identifier of exactly 8 digits.
    public var kvkNumber: String? {
        if let byScheme = identifiers.first(where: { ($0.scheme ?? "").lowercased().contains("kvk") }) {
            return byScheme.value
        }
        return identifiers.first(where: { $0.value.count == 8 && $0.value.allSatisfy(\.isASCIIDigit) })?.value
    }
}

/// The answer given to one criterion: its code and the yes/no answer to its main question (the
/// first INDICATOR question of the criterion), nil when that question has no answer.
public struct ESPDCriterionAnswer: Sendable, Equatable {
    public var code: String
    public var name: String?
    public var answer: Bool?

    public init(code: String, name: String? = nil, answer: Bool?) {
        self.code = code
        self.name = name
        self.answer = answer
    }
}

/// What dossier reads from an ESPD-EDM (UEA) response: `QualificationApplicationResponse` of
/// ESPD-EDM v2.1.1 (UBL 2.2) and v3/v4 (UBL 2.3).
public struct ESPDResponse: Sendable, Equatable {
    /// The ESPD-EDM version: "2.1.1", "3.3.0", "4.1.0" (from `cbc:ProfileExecutionID`, or for v2
    /// from the list versions of the document type code or of `cbc:VersionID`).
    public var edmVersion: String
    /// `cbc:VersionID` as written (in v3/v4 the EDM version; in v2.1.1 files sometimes the content version).
    public var versionID: String?
    /// `cbc:ProfileExecutionID` as written (v3/v4).
    public var profileExecutionID: String?
    /// The economic operator who fills in this response: the first party that is not an entity
    /// relied upon or a subcontractor (or the first party, if all are).
    public var economicOperator: ESPDParty?
    /// All `cac:EconomicOperatorParty` entries, in document order.
    public var parties: [ESPDParty]
    /// The answer to "does the economic operator rely on the capacities of other entities?"
    /// (v4 criterion `relied`, v2.1.1 `CRITERION.OTHER.EO_DATA.RELIES_ON_OTHER_CAPACITIES`); nil
    /// when the criterion or its answer is absent.
    public var reliesOnOtherEntities: Bool?
    /// The parties with role "other entity relied upon" (OERON / oeron).
    public var reliedUponEntities: [ESPDParty] { parties.filter { $0.role == .reliedUponEntity } }
    /// The exclusion grounds (Part III) present in the response, in document order, with their answers.
    public var exclusionGrounds: [ESPDCriterionAnswer]
    /// Exclusion grounds whose main question is answered (yes or no).
    public var answeredExclusionGrounds: [ESPDCriterionAnswer] { exclusionGrounds.filter { $0.answer != nil } }

    public var economicOperatorName: String? { economicOperator?.name }
    public var role: ESPDRole? { economicOperator?.role }

    /// Reads a response. Throws ``ReadError`` for malformed or unsafe XML (DTDs, depth and node
    /// limits) and `.notAnESPDResponse` for a request or any other document.
    public static func read(bytes: [UInt8], limits: ReadLimits = .default) throws -> ESPDResponse {
        let part = "ESPD"
        let root = try XMLElement.parse(bytes, part: part, limits: limits)
        guard root.is(Namespaces.qualificationApplicationResponse, "QualificationApplicationResponse") else {
            throw ReadError(.notAnESPDResponse(found: root.name.local), part: nil)
        }
        return ESPDReader(root: root).response()
    }
}

private struct ESPDReader {
    let root: XMLElement

    static let relianceCodes: Set<String> = ["relied", "CRITERION.OTHER.EO_DATA.RELIES_ON_OTHER_CAPACITIES"]

    /// Exclusion grounds of the v3/v4 criterion code list (v2.1.1 codes start with CRITERION.EXCLUSION.).
    static let exclusionCodes: Set<String> = [
        "crime-org", "corruption", "fraud", "terr-offence", "finan-laund", "human-traffic",
        "tax-pay", "socsec-pay", "envir-law", "socsec-law", "labour-law",
        "bankruptcy", "insolvency", "cred-arran", "bankr-nat", "liq-admin", "susp-act",
        "prof-misconduct", "distorsion", "partic-confl", "prep-confl", "sanction", "misrepresent",
        "nati-ground", "nati-other", "purely-national",
    ]

    static func isExclusion(_ code: String) -> Bool {
        code.hasPrefix("CRITERION.EXCLUSION.") || exclusionCodes.contains(code)
    }

    func text(_ element: XMLElement?, _ local: String) -> String? {
        guard let value = element?.child(Namespaces.cbc, local)?.textContent.trimmed, !value.isEmpty else { return nil }
        return value
    }

    func response() -> ESPDResponse {
        let versionID = text(root, "VersionID")
        let profile = text(root, "ProfileExecutionID")
        let parties = root.children(Namespaces.cac, "EconomicOperatorParty").map(party)
        let operatorParty = parties.first(where: { $0.role != .reliedUponEntity && $0.role != .subcontractor }) ?? parties.first

        // Answers by property id: the first indicator answer of each response.
        var indicators: [String: Bool] = [:]
        for response in root.children(Namespaces.cac, "TenderingCriterionResponse") {
            guard let property = text(response, "ValidatedCriterionPropertyID") else { continue }
            for value in response.children(Namespaces.cac, "ResponseValue") {
                if let indicator = text(value, "ResponseIndicator"), indicators[property] == nil {
                    indicators[property] = indicator.lowercased() == "true" || indicator == "1"
                }
            }
        }

        var relies: Bool?
        var grounds: [ESPDCriterionAnswer] = []
        for criterion in root.children(Namespaces.cac, "TenderingCriterion") {
            guard let code = text(criterion, "CriterionTypeCode") else { continue }
            let isReliance = Self.relianceCodes.contains(code)
            let isExclusion = Self.isExclusion(code)
            guard isReliance || isExclusion else { continue }
            let answer = mainQuestion(of: criterion).flatMap { indicators[$0] }
            if isReliance, relies == nil { relies = answer }
            if isExclusion { grounds.append(ESPDCriterionAnswer(code: code, name: text(criterion, "Name"), answer: answer)) }
        }

        return ESPDResponse(
            edmVersion: edmVersion(versionID: versionID, profile: profile),
            versionID: versionID,
            profileExecutionID: profile,
            economicOperator: operatorParty,
            parties: parties,
            reliesOnOtherEntities: relies,
            exclusionGrounds: grounds)
    }

    func edmVersion(versionID: String?, profile: String?) -> String {
        if let profile, let range = profile.range(of: "v", options: .backwards) {
            let version = String(profile[range.upperBound...])
            if version.first?.isASCIIDigit == true { return version }
        }
        if let typeCode = root.child(Namespaces.cbc, "QualificationApplicationTypeCode"),
           let version = typeCode.attribute("listVersionID"), version.first?.isASCIIDigit == true {
            return version
        }
        if let versionID, versionID.split(separator: ".").count == 3 { return versionID }
        for local in ["CustomizationID", "UUID", "ID"] {
            if let element = root.child(Namespaces.cbc, local), let version = element.attribute("schemeVersionID"),
               version.split(separator: ".").count == 3 {
                return version
            }
        }
        return versionID ?? "?"
    }

    func party(_ element: XMLElement) -> ESPDParty {
        let party = element.child(Namespaces.cac, "Party")
        var identifiers: [ESPDIdentifier] = []
        for identification in party?.children(Namespaces.cac, "PartyIdentification") ?? [] {
            guard let id = identification.child(Namespaces.cbc, "ID") else { continue }
            let value = id.textContent.trimmed
            if !value.isEmpty { identifiers.append(ESPDIdentifier(value: value, scheme: id.attribute("schemeID"))) }
        }
        for legal in party?.children(Namespaces.cac, "PartyLegalEntity") ?? [] {
            guard let id = legal.child(Namespaces.cbc, "CompanyID") else { continue }
            let value = id.textContent.trimmed
            if !value.isEmpty { identifiers.append(ESPDIdentifier(value: value, scheme: id.attribute("schemeID"), isCompanyID: true)) }
        }
        let name = party?.children(Namespaces.cac, "PartyName").lazy.compactMap { self.text($0, "Name") }.first
        let roleCode = text(element.child(Namespaces.cac, "EconomicOperatorRole"), "RoleCode")
        return ESPDParty(name: name, identifiers: identifiers, roleCode: roleCode)
    }

    /// The id of the criterion's first QUESTION property of type INDICATOR, in document order,
    /// within its property groups (sub-criteria are not searched).
    func mainQuestion(of criterion: XMLElement) -> String? {
        func search(_ group: XMLElement) -> String? {
            for child in group.elements {
                if child.is(Namespaces.cac, "TenderingCriterionProperty") {
                    if text(child, "TypeCode") == "QUESTION", text(child, "ValueDataTypeCode") == "INDICATOR",
                       let id = text(child, "ID") {
                        return id
                    }
                } else if child.is(Namespaces.cac, "SubsidiaryTenderingCriterionPropertyGroup") {
                    if let id = search(child) { return id }
                }
            }
            return nil
        }
        for group in criterion.children(Namespaces.cac, "TenderingCriterionPropertyGroup") {
            if let id = search(group) { return id }
        }
        return nil
    }
}

private extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
