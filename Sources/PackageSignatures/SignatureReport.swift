import DocModel
import PackageIO

/// The signatures of one package and what each of them holds.
public struct SignatureVerificationReport: Sendable, Codable {
    public enum Format: String, Sendable, Codable { case ooxml, odf }
    public var format: Format
    /// Every part (zip entry, folders left out) of the package.
    public var parts: [String]
    public var signatures: [PackageSignature]

    /// True when there is at least one signature and every one is valid.
    public var allValid: Bool { !signatures.isEmpty && signatures.allSatisfy { $0.status == .valid } }
}

/// One XML-DSig signature of a package.
public struct PackageSignature: Sendable, Codable {
    public enum Status: String, Sendable, Codable {
        /// Every digest and the signature value hold, and every content part is covered.
        case valid
        /// Everything holds, but a part outside the conventionally unsigned set is not covered.
        case partial
        /// A digest or the signature value fails, or the signature is malformed.
        case broken
    }

    public enum ValueResult: String, Sendable, Codable {
        case valid
        /// Valid through a raw RSA check: the DigestInfo omits the NULL parameter (Office 2007).
        case validLegacyDigestInfo
        case invalid
        case notChecked
    }

    /// The part that holds the signature.
    public var part: String
    public var id: String?
    public var status: Status
    public var signer: CertificateSummary?
    /// The other certificates the signature carries (an intermediate chain).
    public var chain: [CertificateSummary]
    public var trust: TrustResult
    /// The signing time the signature claims, as written (XAdES SigningTime, OOXML SignatureTime,
    /// ODF dc:date); it is not proof of time.
    public var signingTime: String?
    public var signatureMethod: String?
    public var canonicalization: String?
    /// Algorithms considered weak (SHA-1).
    public var weakAlgorithms: [String]
    public var references: [ReferenceCheck]
    public var signatureValue: ValueResult
    /// Parts the signature does not cover, outside the conventionally unsigned set.
    public var uncoveredParts: [String]
    /// Parts not covered that are conventionally left unsigned (content types, properties,
    /// signature parts, customXml).
    public var unsignedByConvention: [String]
    public var problems: [SignatureProblem]
    public var notes: [SignatureNote]
}

/// One `Reference` of the signature (in SignedInfo or in a signed Manifest).
public struct ReferenceCheck: Sendable, Codable, Equatable {
    public var uri: String
    /// The part digested, for a reference to a part.
    public var part: String?
    public var inManifest: Bool
    public var digestAlgorithm: String?
    public var transforms: [String]
    public var valid: Bool
    public var problem: ReferenceProblem?
}

public enum ReferenceProblem: Error, Sendable, Codable, Equatable {
    case digestMismatch
    case missingTarget
    /// The `Id` occurs more than once (signature wrapping).
    case ambiguousTarget
    /// The element lies outside this signature's Object elements.
    case outsideSignature
    case unsupportedTransform(String)
    case unsupportedDigest(String)
    case contentTypeMismatch(declared: String, actual: String)
    case unreadable(String)

    public func message(in l: Language) -> String {
        switch self {
        case .digestMismatch: return l.pick("inhoud gewijzigd na ondertekening (hash klopt niet)", "content changed after signing (digest does not match)")
        case .missingTarget: return l.pick("verwijst naar iets dat niet bestaat", "refers to something that does not exist")
        case .ambiguousTarget: return l.pick("Id komt meer dan eens voor (mogelijke signature wrapping)", "Id occurs more than once (possible signature wrapping)")
        case .outsideSignature: return l.pick("verwijst naar een element buiten deze handtekening", "refers to an element outside this signature")
        case .unsupportedTransform(let uri): return l.pick("onbekende transformatie \(uri)", "unsupported transform \(uri)")
        case .unsupportedDigest(let uri): return l.pick("onbekend hash-algoritme \(uri)", "unsupported digest algorithm \(uri)")
        case .contentTypeMismatch(let declared, let actual): return l.pick("inhoudstype '\(actual)' wijkt af van ondertekend '\(declared)'", "content type '\(actual)' differs from signed '\(declared)'")
        case .unreadable(let detail): return l.pick("onleesbaar: \(detail)", "unreadable: \(detail)")
        }
    }
}

public enum SignatureProblem: Sendable, Codable, Equatable {
    case noSignedInfo
    case noReferences
    case duplicateIDs([String])
    case unsupportedSignatureMethod(String)
    case unsupportedCanonicalization(String)
    case noCertificate
    case unsupportedKey(String)
    /// The KeyValue in KeyInfo is not the certificate's key.
    case keyValueMismatch
    /// The XAdES SigningCertificate digest does not match the certificate used.
    case signingCertificateMismatch
    case signatureValueInvalid
    case malformed(String)

    public func message(in l: Language) -> String {
        switch self {
        case .noSignedInfo: return l.pick("geen (of meer dan één) SignedInfo", "no (or more than one) SignedInfo")
        case .noReferences: return l.pick("SignedInfo zonder verwijzingen: de handtekening dekt niets", "SignedInfo without references: the signature covers nothing")
        case .duplicateIDs(let ids): return l.pick("dubbele Id's (signature wrapping): ", "duplicate Ids (signature wrapping): ") + ids.joined(separator: ", ")
        case .unsupportedSignatureMethod(let uri): return l.pick("onbekende ondertekenmethode \(uri)", "unsupported signature method \(uri)")
        case .unsupportedCanonicalization(let uri): return l.pick("onbekende canonicalisatie \(uri)", "unsupported canonicalization \(uri)")
        case .noCertificate: return l.pick("geen certificaat van de ondertekenaar", "no signer certificate")
        case .unsupportedKey(let what): return l.pick("sleutel wordt niet ondersteund (\(what))", "unsupported key (\(what))")
        case .keyValueMismatch: return l.pick("KeyValue hoort niet bij het certificaat", "KeyValue does not belong to the certificate")
        case .signingCertificateMismatch: return l.pick("ondertekend certificaat (XAdES) is niet het meegeleverde certificaat", "signed certificate (XAdES) is not the certificate supplied")
        case .signatureValueInvalid: return l.pick("handtekeningwaarde klopt niet", "signature value does not verify")
        case .malformed(let detail): return l.pick("ongeldige handtekening: \(detail)", "malformed signature: \(detail)")
        }
    }
}

public enum SignatureNote: Sendable, Codable, Equatable {
    /// SHA-1 is used (digest or signature method).
    case weakAlgorithm(String)
    /// RSA key shorter than 2048 bits.
    case shortKey(Int)
    /// Office 2007's DigestInfo without the NULL parameter, accepted by a raw RSA check.
    case legacyDigestInfo
    /// The claimed signing time lies outside the certificate's validity.
    case signingTimeOutsideValidity
    /// No signing time is claimed; the chain is validated at the current time.
    case noSigningTime
    /// The claimed signing time has no time zone; taken as UTC.
    case signingTimeWithoutZone

    public func message(in l: Language) -> String {
        switch self {
        case .weakAlgorithm(let name): return l.pick("zwak algoritme: \(name)", "weak algorithm: \(name)")
        case .shortKey(let bits): return l.pick("korte sleutel: \(bits) bits", "short key: \(bits) bits")
        case .legacyDigestInfo: return l.pick("RSA-DigestInfo zonder NULL-parameter (Office 2007), geaccepteerd", "RSA DigestInfo without NULL parameter (Office 2007), accepted")
        case .signingTimeOutsideValidity: return l.pick("geclaimde ondertekentijd valt buiten de geldigheid van het certificaat", "claimed signing time is outside the certificate's validity")
        case .noSigningTime: return l.pick("geen ondertekentijd; keten gecontroleerd op het huidige moment", "no signing time; chain checked at the current time")
        case .signingTimeWithoutZone: return l.pick("ondertekentijd zonder tijdzone, als UTC gelezen", "signing time without time zone, read as UTC")
        }
    }
}
