import BigInt
import Crypto
import _CryptoExtras
import PackageIO

/// Digest algorithms of XML-DSig, by URI.
enum DigestAlgorithm: String, Sendable {
    case sha1, sha256, sha384, sha512

    init?(uri: String) {
        switch uri {
        case "http://www.w3.org/2000/09/xmldsig#sha1": self = .sha1
        case "http://www.w3.org/2001/04/xmlenc#sha256": self = .sha256
        case "http://www.w3.org/2001/04/xmldsig-more#sha384": self = .sha384
        case "http://www.w3.org/2001/04/xmlenc#sha512": self = .sha512
        default: return nil
        }
    }

    var uri: String {
        switch self {
        case .sha1: return "http://www.w3.org/2000/09/xmldsig#sha1"
        case .sha256: return "http://www.w3.org/2001/04/xmlenc#sha256"
        case .sha384: return "http://www.w3.org/2001/04/xmldsig-more#sha384"
        case .sha512: return "http://www.w3.org/2001/04/xmlenc#sha512"
        }
    }

    var name: String { rawValue.uppercased().replacingOccurrences("SHA", "SHA-") }
    var isWeak: Bool { self == .sha1 }

    func hash(_ bytes: [UInt8]) -> [UInt8] {
        switch self {
        case .sha1: return Array(Insecure.SHA1.hash(data: bytes))
        case .sha256: return Array(SHA256.hash(data: bytes))
        case .sha384: return Array(SHA384.hash(data: bytes))
        case .sha512: return Array(SHA512.hash(data: bytes))
        }
    }

    /// The DER prefix of the PKCS#1 v1.5 DigestInfo, with the NULL parameter (RFC 8017 §9.2)
    /// and without it (as Office 2007 wrote it).
    var digestInfoPrefixes: (withNull: [UInt8], withoutNull: [UInt8]) {
        let oid: [UInt8]
        switch self {
        case .sha1: oid = [0x2B, 0x0E, 0x03, 0x02, 0x1A]
        case .sha256: oid = [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01]
        case .sha384: oid = [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x02]
        case .sha512: oid = [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x03]
        }
        let hashLength = UInt8(hash([]).count)
        func build(_ parameters: [UInt8]) -> [UInt8] {
            let algorithm: [UInt8] = [0x06, UInt8(oid.count)] + oid + parameters
            let algorithmSequence: [UInt8] = [0x30, UInt8(algorithm.count)] + algorithm
            let octets: [UInt8] = [0x04, hashLength]
            let bodyLength = algorithmSequence.count + octets.count + Int(hashLength)
            return [0x30, UInt8(bodyLength)] + algorithmSequence + octets
        }
        return (build([0x05, 0x00]), build([]))
    }
}

/// Signature methods of XML-DSig, by URI.
struct SignatureMethod: Sendable {
    enum KeyType: String, Sendable { case rsa = "RSA", ecdsa = "ECDSA" }
    var keyType: KeyType
    var digest: DigestAlgorithm

    init?(uri: String) {
        let table: [String: (KeyType, DigestAlgorithm)] = [
            "http://www.w3.org/2000/09/xmldsig#rsa-sha1": (.rsa, .sha1),
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256": (.rsa, .sha256),
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384": (.rsa, .sha384),
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512": (.rsa, .sha512),
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256": (.ecdsa, .sha256),
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384": (.ecdsa, .sha384),
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512": (.ecdsa, .sha512),
        ]
        guard let (key, digest) = table[uri] else { return nil }
        keyType = key
        self.digest = digest
    }

    init(keyType: KeyType, digest: DigestAlgorithm) {
        self.keyType = keyType
        self.digest = digest
    }

    var uri: String {
        switch keyType {
        case .rsa: return digest == .sha1 ? "http://www.w3.org/2000/09/xmldsig#rsa-sha1" : "http://www.w3.org/2001/04/xmldsig-more#rsa-\(digest.rawValue)"
        case .ecdsa: return "http://www.w3.org/2001/04/xmldsig-more#ecdsa-\(digest.rawValue)"
        }
    }

    var name: String { "\(keyType.rawValue)-\(digest.name)" }
}

/// Canonicalization methods by URI.
enum CanonicalizationMethod {
    static func mode(uri: String) -> (XMLDOMDocument.C14NMode, withComments: Bool)? {
        switch uri {
        case "http://www.w3.org/TR/2001/REC-xml-c14n-20010315": return (.inclusive10, false)
        case "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments": return (.inclusive10, true)
        case "http://www.w3.org/2001/10/xml-exc-c14n#": return (.exclusive10, false)
        case "http://www.w3.org/2001/10/xml-exc-c14n#WithComments": return (.exclusive10, true)
        case "http://www.w3.org/2006/12/xml-c14n11": return (.inclusive11, false)
        case "http://www.w3.org/2006/12/xml-c14n11#WithComments": return (.inclusive11, true)
        default: return nil
        }
    }
}

/// The outcome of checking a signature value.
enum SignatureValueCheck: Equatable {
    case valid
    /// Valid, but the DigestInfo omits the NULL parameter of the hash algorithm (Office 2007).
    case validWithoutNullParameter
    case invalid
    case unsupportedKey
}

/// A signer's public key, taken from the certificate's SubjectPublicKeyInfo.
enum SignerKey {
    case rsa(modulus: [UInt8], exponent: [UInt8], spki: [UInt8])
    case p256(P256.Signing.PublicKey)
    case p384(P384.Signing.PublicKey)
    case unsupported(String)

    var bits: Int? {
        switch self {
        case .rsa(let modulus, _, _):
            let trimmed = modulus.drop { $0 == 0 }
            guard let first = trimmed.first else { return 0 }
            return trimmed.count * 8 - first.leadingZeroBitCount
        case .p256: return 256
        case .p384: return 384
        case .unsupported: return nil
        }
    }

    var algorithmName: String {
        switch self {
        case .rsa: return "RSA"
        case .p256: return "ECDSA P-256"
        case .p384: return "ECDSA P-384"
        case .unsupported(let name): return name
        }
    }

    func verify(_ signature: [UInt8], over data: [UInt8], method: SignatureMethod) -> SignatureValueCheck {
        switch (self, method.keyType) {
        case (.rsa(let modulus, let exponent, let spki), .rsa):
            // swift-crypto first; its safe initialisers refuse keys under 2048 bits, so the key is
            // taken through the unsafe DER initialiser (real Office signatures use 1024 bits).
            if let key = try? _RSA.Signing.PublicKey(unsafeDERRepresentation: spki) {
                let rsaSignature = _RSA.Signing.RSASignature(rawRepresentation: signature)
                let valid: Bool
                switch method.digest {
                case .sha1: valid = key.isValidSignature(rsaSignature, for: Insecure.SHA1.hash(data: data), padding: .insecurePKCS1v1_5)
                case .sha256: valid = key.isValidSignature(rsaSignature, for: SHA256.hash(data: data), padding: .insecurePKCS1v1_5)
                case .sha384: valid = key.isValidSignature(rsaSignature, for: SHA384.hash(data: data), padding: .insecurePKCS1v1_5)
                case .sha512: valid = key.isValidSignature(rsaSignature, for: SHA512.hash(data: data), padding: .insecurePKCS1v1_5)
                }
                if valid { return .valid }
            }
            // A raw RSA public-key operation, to accept the DigestInfo without NULL parameter
            // that Office 2007 wrote (and strict PKCS#1 checks reject).
            return RawRSA.verify(signature: signature, modulus: modulus, exponent: exponent,
                                 digest: method.digest.hash(data), algorithm: method.digest)
        case (.p256(let key), .ecdsa):
            guard let value = try? P256.Signing.ECDSASignature(rawRepresentation: signature) else { return .invalid }
            return key.isValidSignature(value, for: Self.digest(method.digest, data)) ? .valid : .invalid
        case (.p384(let key), .ecdsa):
            guard let value = try? P384.Signing.ECDSASignature(rawRepresentation: signature) else { return .invalid }
            return key.isValidSignature(value, for: Self.digest(method.digest, data)) ? .valid : .invalid
        default:
            return .unsupportedKey
        }
    }

    private static func digest(_ algorithm: DigestAlgorithm, _ data: [UInt8]) -> any Digest {
        switch algorithm {
        case .sha1: return Insecure.SHA1.hash(data: data)
        case .sha256: return SHA256.hash(data: data)
        case .sha384: return SHA384.hash(data: data)
        case .sha512: return SHA512.hash(data: data)
        }
    }
}

/// RSA PKCS#1 v1.5 verification by a raw public-key operation (s^e mod n).
enum RawRSA {
    static let maxModulusBytes = 16384 / 8

    static func verify(signature: [UInt8], modulus: [UInt8], exponent: [UInt8], digest: [UInt8],
                       algorithm: DigestAlgorithm) -> SignatureValueCheck {
        // The key comes from the file: bound the work of s^e mod n as BoringSSL does (modulus
        // at most 16384 bits, exponent at most 33 bits), or a huge modulus with a huge exponent
        // keeps the pure-Swift modular exponentiation busy for minutes.
        let length = modulus.drop { $0 == 0 }.count
        let exponentBytes = exponent.drop { $0 == 0 }
        guard length <= maxModulusBytes, exponentBytes.count <= 5,
              exponentBytes.count < 5 || exponentBytes[exponentBytes.startIndex] <= 1 else { return .unsupportedKey }
        let n = BigUInt(bigEndian: modulus)
        let e = BigUInt(bigEndian: exponent)
        let s = BigUInt(bigEndian: signature)
        guard n > 1, s < n, signature.count <= length + 1 else { return .invalid }
        let encoded = s.power(e, modulus: n).bigEndianBytes(length: length)
        // EM = 00 01 FF…FF 00 DigestInfo, with at least 8 bytes of FF.
        guard encoded.count == length, encoded.count > 11, encoded[0] == 0, encoded[1] == 1 else { return .invalid }
        var index = 2
        while index < encoded.count && encoded[index] == 0xFF { index += 1 }
        guard index - 2 >= 8, index < encoded.count, encoded[index] == 0 else { return .invalid }
        let digestInfo = Array(encoded[(index + 1)...])
        let prefixes = algorithm.digestInfoPrefixes
        if digestInfo == prefixes.withNull + digest { return .valid }
        if digestInfo == prefixes.withoutNull + digest { return .validWithoutNullParameter }
        return .invalid
    }
}

extension BigUInt {
    init(bigEndian bytes: [UInt8]) {
        var words: [UInt] = []
        var word: UInt = 0
        var shift = 0
        for byte in bytes.reversed() {
            word |= UInt(byte) << shift
            shift += 8
            if shift == UInt.bitWidth {
                words.append(word)
                word = 0
                shift = 0
            }
        }
        if shift > 0 { words.append(word) }
        self.init(words: words)
    }

    func bigEndianBytes(length: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        for word in words {
            for shift in stride(from: 0, to: UInt.bitWidth, by: 8) { bytes.append(UInt8(truncatingIfNeeded: word >> shift)) }
        }
        while bytes.count > length, bytes.last == 0 { bytes.removeLast() }
        while bytes.count < length { bytes.append(0) }
        return bytes.reversed()
    }
}

extension String {
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
