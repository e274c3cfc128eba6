#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Crypto
import _CryptoExtras
import DocModel
import PackageIO

/// Why a package could not be signed. ``message(in:)`` gives the line shown to the user.
public struct SigningError: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The private key PEM is not an RSA (≥ 2048 bits) or ECDSA P-256 key.
        case keyUnreadable(String)
        /// No certificate could be read from the certificate PEM.
        case certificateUnreadable(String)
        /// The private key does not belong to the certificate.
        case keyDoesNotMatchCertificate
        /// The package already holds a signature (adding a second one is not supported).
        case alreadySigned
        /// Neither an OOXML nor an ODF package.
        case unsupportedPackage
        /// A part that must be edited (content types, relationships, manifest) is not usable.
        case malformedPart(String)
    }

    public var kind: Kind

    public init(_ kind: Kind) { self.kind = kind }

    public func message(in l: Language) -> String {
        switch kind {
        case .keyUnreadable(let detail):
            return l.pick("privésleutel onleesbaar (RSA ≥ 2048 bits of ECDSA P-256 in PEM verwacht): \(detail)",
                          "private key unreadable (expected RSA ≥ 2048 bits or ECDSA P-256 as PEM): \(detail)")
        case .certificateUnreadable(let detail):
            return l.pick("certificaat onleesbaar: \(detail)", "certificate unreadable: \(detail)")
        case .keyDoesNotMatchCertificate:
            return l.pick("de privésleutel hoort niet bij het certificaat", "the private key does not belong to the certificate")
        case .alreadySigned:
            return l.pick("het document is al ondertekend; een tweede handtekening toevoegen wordt niet ondersteund",
                          "the document is already signed; adding a second signature is not supported")
        case .unsupportedPackage:
            return l.pick("geen DOCX- of ODF-pakket", "not a DOCX or ODF package")
        case .malformedPart(let part):
            return l.pick("onbruikbaar onderdeel \(part)", "unusable part \(part)")
        }
    }
}

/// A private key with its certificate (and optional intermediate certificates) to sign with.
public struct SigningIdentity: @unchecked Sendable {
    enum Key {
        case rsa(_RSA.Signing.PrivateKey)
        case p256(P256.Signing.PrivateKey)
    }

    let key: Key
    let certificate: SignerCertificate
    let chain: [SignerCertificate]

    /// Reads a PEM private key (PKCS#8, PKCS#1 RSA or SEC1 EC), a PEM certificate (the first
    /// certificate is the signer's; further ones in it are taken as chain) and optional chain PEM.
    /// RSA keys under 2048 bits are refused.
    public init(privateKeyPEM: String, certificatePEM: String, chainPEM: String? = nil) throws {
        if let rsa = try? _RSA.Signing.PrivateKey(pemRepresentation: privateKeyPEM) {
            key = .rsa(rsa)
        } else if let p256 = try? P256.Signing.PrivateKey(pemRepresentation: privateKeyPEM) {
            key = .p256(p256)
        } else {
            var detail = "no usable PRIVATE KEY block"
            do { _ = try _RSA.Signing.PrivateKey(pemRepresentation: privateKeyPEM) } catch {
                if privateKeyPEM.contains("RSA") || privateKeyPEM.contains("BEGIN PRIVATE KEY") { detail = "\(error)" }
            }
            throw SigningError(.keyUnreadable(detail))
        }
        let certificates = TrustAnchors.pemCertificates(certificatePEM)
        guard let first = certificates.first else { throw SigningError(.certificateUnreadable("no CERTIFICATE block")) }
        let extra = certificates.dropFirst() + TrustAnchors.pemCertificates(chainPEM ?? "")
        do {
            certificate = try SignerCertificate(der: first)
            chain = try extra.map { try SignerCertificate(der: $0) }
        } catch {
            throw SigningError(.certificateUnreadable("\(error)"))
        }
        let publicSPKI: [UInt8]
        switch key {
        case .rsa(let rsa): publicSPKI = Array(rsa.publicKey.derRepresentation)
        case .p256(let p256): publicSPKI = Array(p256.publicKey.derRepresentation)
        }
        guard Self.sameKey(publicSPKI, certificate) else { throw SigningError(.keyDoesNotMatchCertificate) }
    }

    /// Reads the three PEM files.
    public init(keyPath: String, certificatePath: String, chainPath: String? = nil) throws {
        func text(_ path: String) throws -> String {
            String(decoding: try FileBytes.read(path, limit: 16 << 20), as: UTF8.self)
        }
        try self.init(privateKeyPEM: try text(keyPath), certificatePEM: try text(certificatePath),
                      chainPEM: try chainPath.map(text))
    }

    private static func sameKey(_ spki: [UInt8], _ certificate: SignerCertificate) -> Bool {
        spki == certificate.spki
    }

    var method: SignatureMethod {
        switch key {
        case .rsa: return SignatureMethod(keyType: .rsa, digest: .sha256)
        case .p256: return SignatureMethod(keyType: .ecdsa, digest: .sha256)
        }
    }

    /// The signature value over `data` (RSA PKCS#1 v1.5 or ECDSA r‖s, SHA-256).
    func sign(_ data: [UInt8]) throws -> [UInt8] {
        switch key {
        case .rsa(let rsa):
            return Array(try rsa.signature(for: SHA256.hash(data: data), padding: .insecurePKCS1v1_5).rawRepresentation)
        case .p256(let p256):
            return Array(try p256.signature(for: SHA256.hash(data: data)).rawRepresentation)
        }
    }
}
