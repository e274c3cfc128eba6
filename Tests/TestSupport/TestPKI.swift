import Foundation
import Crypto
import _CryptoExtras
import SwiftASN1
import X509

/// A throw-away PKI made at test time: nothing private is ever committed.
/// Shared by the signature and command-line tests (the TestSupport target).
public struct TestPKI: Sendable {
    public struct Party: Sendable {
        public var keyPEM: String
        public var certificatePEM: String
    }

    public let caPEM: String
    public let otherCAPEM: String
    /// ECDSA P-256, valid 2025–2030, issued by the test CA.
    public let party: Party
    /// RSA 2048, valid 2025–2030, issued by the test CA.
    public let rsaParty: Party
    /// Valid 2020–2022 only.
    public let expired: Party
    /// Issued by the other CA.
    public let stranger: Party

    public static let signingTime = date(2026, 1, 15)
    public static let organizationIdentifierOID: ASN1ObjectIdentifier = [2, 5, 4, 97]

    public static func date(_ year: Int, _ month: Int, _ day: Int) -> Date {
        var components = DateComponents()
        components.year = year; components.month = month; components.day = day; components.hour = 10
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: components)!
    }

    public static func name(cn: String, o: String, kvk: String?) throws -> DistinguishedName {
        var rdns = [RelativeDistinguishedName(try .init(type: .RDNAttributeType.countryName, printableString: "NL")),
                    RelativeDistinguishedName(.init(type: .RDNAttributeType.organizationName, utf8String: o))]
        if let kvk {
            rdns.append(RelativeDistinguishedName(.init(type: organizationIdentifierOID, utf8String: "NTRNL-\(kvk)")))
        }
        rdns.append(RelativeDistinguishedName(.init(type: .RDNAttributeType.commonName, utf8String: cn)))
        return DistinguishedName(rdns)
    }

    public static func ca(_ cn: String) throws -> (P256.Signing.PrivateKey, Certificate) {
        let key = P256.Signing.PrivateKey()
        let subject = try name(cn: cn, o: "Test PKI", kvk: nil)
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: .init(key.publicKey),
            notValidBefore: date(2019, 1, 1), notValidAfter: date(2045, 1, 1), issuer: subject, subject: subject,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
            },
            issuerPrivateKey: .init(key))
        return (key, certificate)
    }

    public static func issue(_ publicKey: Certificate.PublicKey, cn: String, o: String, kvk: String, from: Date, to: Date,
                      ca: (P256.Signing.PrivateKey, Certificate)) throws -> Certificate {
        try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: publicKey,
            notValidBefore: from, notValidAfter: to, issuer: ca.1.subject, subject: try name(cn: cn, o: o, kvk: kvk),
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true, nonRepudiation: true))
            },
            issuerPrivateKey: .init(ca.0))
    }

    public static func pem(_ certificate: Certificate) throws -> String { try certificate.serializeAsPEM().pemString + "\n" }

    public init() throws {
        let ca = try Self.ca("Dossier Test CA")
        let other = try Self.ca("Other Test CA")
        caPEM = try Self.pem(ca.1)
        otherCAPEM = try Self.pem(other.1)
        func p256Party(cn: String, o: String, kvk: String, from: Date, to: Date, issuer: (P256.Signing.PrivateKey, Certificate)) throws -> Party {
            let key = P256.Signing.PrivateKey()
            let certificate = try Self.issue(.init(key.publicKey), cn: cn, o: o, kvk: kvk, from: from, to: to, ca: issuer)
            return Party(keyPEM: key.pemRepresentation, certificatePEM: try Self.pem(certificate))
        }
        party = try p256Party(cn: "Jan de Vries", o: "Bouwbedrijf De Vries B.V.", kvk: "12345678",
                              from: Self.date(2025, 1, 1), to: Self.date(2030, 1, 1), issuer: ca)
        expired = try p256Party(cn: "Piet Oud", o: "Oud B.V.", kvk: "87654321",
                                from: Self.date(2020, 1, 1), to: Self.date(2022, 1, 1), issuer: ca)
        stranger = try p256Party(cn: "Eva Vreemd", o: "Elders N.V.", kvk: "11223344",
                                 from: Self.date(2025, 1, 1), to: Self.date(2030, 1, 1), issuer: other)
        let rsaKey = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        let rsaCertificate = try Self.issue(.init(rsaKey.publicKey), cn: "Anna Jansen", o: "Jansen Advies B.V.", kvk: "55667788",
                                            from: Self.date(2025, 1, 1), to: Self.date(2030, 1, 1), ca: ca)
        rsaParty = Party(keyPEM: rsaKey.pemRepresentation, certificatePEM: try Self.pem(rsaCertificate))
    }

    /// A fresh temporary folder.
    public static func temporaryFolder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-sign-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    public static func write(_ text: String, _ path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }
}
