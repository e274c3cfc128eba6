#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Crypto
import DutchTime
import SwiftASN1
import X509
import PackageIO

/// What a report says about one certificate.
public struct CertificateSummary: Sendable, Equatable, Codable {
    public var subject: String
    public var commonName: String?
    public var organization: String?
    /// The `organizationIdentifier` attribute (2.5.4.97), such as `NTRNL-12345678`.
    public var organizationIdentifier: String?
    /// The Dutch Chamber of Commerce number, from an `NTRNL-` organization identifier.
    public var kvkNumber: String?
    public var issuer: String
    /// Hexadecimal, as most tools show it.
    public var serialNumber: String
    public var notBefore: String
    public var notAfter: String
    public var keyAlgorithm: String
    public var keyBits: Int?
    /// SHA-256 of the DER certificate, hexadecimal.
    public var sha256Fingerprint: String
}

/// A certificate read with SwiftASN1 alone: swift-certificates refuses RSA keys under 2048 bits,
/// which real Office signatures use, so the fields a report needs are taken here directly.
struct SignerCertificate {
    let der: [UInt8]
    let subject: DistinguishedName
    let issuer: DistinguishedName
    let serial: [UInt8]
    let notBefore: Date
    let notAfter: Date
    let spki: [UInt8]
    let key: SignerKey
    /// The same certificate for swift-certificates' chain building; nil when it refuses it.
    let x509: Certificate?

    init(der: [UInt8]) throws {
        self.der = der
        let root = try DER.parse(der)
        guard case .constructed(let top) = root.content, let tbs = top.first(where: { _ in true }),
              case .constructed(let tbsNodes) = tbs.content
        else { throw ASN1Error.unexpectedFieldType(root.identifier) }
        var fields = Array(tbsNodes)
        if let first = fields.first, first.identifier.tagClass == .contextSpecific { fields.removeFirst() }
        guard fields.count >= 6 else { throw ASN1Error.invalidASN1Object(reason: "short TBSCertificate") }
        guard case .primitive(let serialBytes) = fields[0].content else { throw ASN1Error.unexpectedFieldType(fields[0].identifier) }
        serial = Array(serialBytes)
        issuer = try DistinguishedName(derEncoded: fields[2])
        guard case .constructed(let validity) = fields[3].content else { throw ASN1Error.unexpectedFieldType(fields[3].identifier) }
        let times = Array(validity)
        guard times.count == 2 else { throw ASN1Error.invalidASN1Object(reason: "validity") }
        notBefore = try Self.time(times[0])
        notAfter = try Self.time(times[1])
        subject = try DistinguishedName(derEncoded: fields[4])
        spki = Array(fields[5].encodedBytes)
        key = Self.key(fields[5], spki: spki)
        x509 = try? Certificate(derEncoded: der)
    }

    private static func time(_ node: ASN1Node) throws -> Date {
        if node.identifier == .utcTime {
            let t = try UTCTime(derEncoded: node)
            return DutchTime.utcDate(year: t.year, month: t.month, day: t.day, hour: t.hours, minute: t.minutes, second: t.seconds)
        }
        let t = try GeneralizedTime(derEncoded: node)
        return DutchTime.utcDate(year: t.year, month: t.month, day: t.day, hour: t.hours, minute: t.minutes, second: t.seconds)
    }

    private static let rsaEncryption: ASN1ObjectIdentifier = [1, 2, 840, 113549, 1, 1, 1]
    private static let ecPublicKey: ASN1ObjectIdentifier = [1, 2, 840, 10045, 2, 1]
    private static let p256Curve: ASN1ObjectIdentifier = [1, 2, 840, 10045, 3, 1, 7]
    private static let p384Curve: ASN1ObjectIdentifier = [1, 3, 132, 0, 34]

    private static func key(_ node: ASN1Node, spki: [UInt8]) -> SignerKey {
        guard case .constructed(let parts) = node.content else { return .unsupported("?") }
        let list = Array(parts)
        guard list.count == 2, case .constructed(let algorithmNodes) = list[0].content else { return .unsupported("?") }
        let algorithm = Array(algorithmNodes)
        guard let first = algorithm.first, let oid = try? ASN1ObjectIdentifier(derEncoded: first) else { return .unsupported("?") }
        if oid == rsaEncryption {
            guard let bits = try? ASN1BitString(derEncoded: list[1]),
                  let inner = try? DER.parse(Array(bits.bytes)),
                  case .constructed(let integers) = inner.content
            else { return .unsupported("RSA") }
            let values = Array(integers)
            guard values.count == 2, case .primitive(let n) = values[0].content, case .primitive(let e) = values[1].content
            else { return .unsupported("RSA") }
            return .rsa(modulus: Array(n.drop { $0 == 0 }), exponent: Array(e.drop { $0 == 0 }), spki: spki)
        }
        if oid == ecPublicKey, algorithm.count == 2, let curve = try? ASN1ObjectIdentifier(derEncoded: algorithm[1]) {
            if curve == p256Curve, let key = try? P256.Signing.PublicKey(derRepresentation: spki) { return .p256(key) }
            if curve == p384Curve, let key = try? P384.Signing.PublicKey(derRepresentation: spki) { return .p384(key) }
            return .unsupported("EC \(curve)")
        }
        return .unsupported("\(oid)")
    }

    private static let organizationIdentifierOID: ASN1ObjectIdentifier = [2, 5, 4, 97]

    static func attribute(_ oid: ASN1ObjectIdentifier, in name: DistinguishedName) -> String? {
        for rdn in name {
            for attribute in rdn where attribute.type == oid {
                return String(describing: attribute.value)
            }
        }
        return nil
    }

    var summary: CertificateSummary {
        let orgID = Self.attribute(Self.organizationIdentifierOID, in: subject)
        var kvk: String?
        if let orgID, orgID.uppercased().hasPrefix("NTRNL-") {
            let number = String(orgID.dropFirst(6))
            if !number.isEmpty, number.allSatisfy(\.isNumber) { kvk = number }
        }
        return CertificateSummary(
            subject: String(describing: subject),
            commonName: Self.attribute(.RDNAttributeType.commonName, in: subject),
            organization: Self.attribute(.RDNAttributeType.organizationName, in: subject),
            organizationIdentifier: orgID, kvkNumber: kvk,
            issuer: String(describing: issuer),
            serialNumber: Hex.string(serial.drop { $0 == 0 }.isEmpty ? [0] : Array(serial.drop { $0 == 0 })),
            notBefore: DutchTime.iso(notBefore, in: DutchTime.utc), notAfter: DutchTime.iso(notAfter, in: DutchTime.utc),
            keyAlgorithm: key.algorithmName, keyBits: key.bits,
            sha256Fingerprint: Hex.string(Array(SHA256.hash(data: der))))
    }

    func validAt(_ date: Date) -> Bool { notBefore <= date && date <= notAfter }
}

enum Hex {
    static func string<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        let digits = Array("0123456789abcdef")
        var result = ""
        for byte in bytes {
            result.append(digits[Int(byte >> 4)])
            result.append(digits[Int(byte & 0xF)])
        }
        return result
    }
}
