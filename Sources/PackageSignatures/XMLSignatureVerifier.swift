#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PackageIO
import DutchTime

enum DSig {
    static let ns = "http://www.w3.org/2000/09/xmldsig#"
    static let mdssi = "http://schemas.openxmlformats.org/package/2006/digital-signature"
    static let relationshipTransform = "http://schemas.openxmlformats.org/package/2006/RelationshipTransform"
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"
}

/// Verifies one XML-DSig `Signature` element of a package: its references (to parts of the
/// package and to its own Object elements), its signature value and its certificate.
struct XMLSignatureVerifier {
    let document: XMLDOMDocument
    let signature: XMLDOMNode
    let part: String
    let archive: ZipArchive
    let format: SignatureVerificationReport.Format
    let contentTypes: ContentTypes?

    /// The result (trust not yet evaluated), the parts its references cover, and what the chain
    /// validation needs.
    func verify() -> (PackageSignature, covered: Set<String>, trust: TrustRequest) {
        var problems: [SignatureProblem] = []
        var notes: [SignatureNote] = []
        var references: [ReferenceCheck] = []
        var covered = Set<String>()
        var weak = Set<String>()

        let duplicates = document.duplicateIDs()
        if !duplicates.isEmpty { problems.append(.duplicateIDs(duplicates)) }

        let signedInfos = signature.children(DSig.ns, "SignedInfo")
        let signedInfo = signedInfos.count == 1 ? signedInfos[0] : nil
        if signedInfo == nil { problems.append(.noSignedInfo) }

        var method: SignatureMethod?
        var c14nURI: String?
        var c14n: (XMLDOMDocument.C14NMode, withComments: Bool)?
        if let signedInfo {
            let methodURI = signedInfo.child(DSig.ns, "SignatureMethod")?.attribute("Algorithm") ?? ""
            method = SignatureMethod(uri: methodURI)
            if method == nil { problems.append(.unsupportedSignatureMethod(methodURI)) }
            if method?.digest.isWeak == true { weak.insert(method!.name) }
            c14nURI = signedInfo.child(DSig.ns, "CanonicalizationMethod")?.attribute("Algorithm") ?? ""
            c14n = CanonicalizationMethod.mode(uri: c14nURI!)
            if c14n == nil { problems.append(.unsupportedCanonicalization(c14nURI!)) }

            let refs = signedInfo.children(DSig.ns, "Reference")
            if refs.isEmpty { problems.append(.noReferences) }
            for ref in refs {
                let (check, target, parts) = checkReference(ref, inManifest: false)
                references.append(check)
                covered.formUnion(parts)
                if let algorithm = check.digestAlgorithm, algorithm == DigestAlgorithm.sha1.name { weak.insert(algorithm) }
                // References in a Manifest inside a signed Object: the OOXML part list.
                guard let target else { continue }
                for manifest in ([target] + target.descendants(DSig.ns, "Manifest")) where manifest.is(DSig.ns, "Manifest") {
                    for inner in manifest.children(DSig.ns, "Reference") {
                        let (innerCheck, _, innerParts) = checkReference(inner, inManifest: true)
                        references.append(innerCheck)
                        covered.formUnion(innerParts)
                        if let algorithm = innerCheck.digestAlgorithm, algorithm == DigestAlgorithm.sha1.name { weak.insert(algorithm) }
                    }
                }
            }
        }

        // Certificates.
        let certificateNodes = signature.child(DSig.ns, "KeyInfo").map { $0.descendants(DSig.ns, "X509Certificate") } ?? []
        let certificates = certificateNodes.compactMap { node in Base64.decode(node.text).flatMap { try? SignerCertificate(der: $0) } }
        let signer = chooseSigner(certificates)
        if signer == nil { problems.append(.noCertificate) }
        if let signer, let keyValue = signature.child(DSig.ns, "KeyInfo")?.descendants(DSig.ns, "RSAKeyValue").first {
            let modulus = Base64.decode(keyValue.child(DSig.ns, "Modulus")?.text ?? "").map { Array($0.drop { $0 == 0 }) }
            if case .rsa(let n, _, _) = signer.key, modulus == n {} else { problems.append(.keyValueMismatch) }
        }
        if let signer, !xadesCertificateMatches(signer) { problems.append(.signingCertificateMismatch) }
        if let signer, case .rsa = signer.key, let bits = signer.key.bits, bits < 2048 { notes.append(.shortKey(bits)) }
        if let signer, case .unsupported(let what) = signer.key { problems.append(.unsupportedKey(what)) }

        // Signature value over the canonical SignedInfo.
        var value = PackageSignature.ValueResult.notChecked
        if let signedInfo, let method, let c14n, let signer,
           let valueNode = signature.child(DSig.ns, "SignatureValue"), let signatureBytes = Base64.decode(valueNode.text) {
            let prefixes = signedInfo.child(DSig.ns, "CanonicalizationMethod")?.child("http://www.w3.org/2001/10/xml-exc-c14n#", "InclusiveNamespaces")?
                .attribute("PrefixList")?.split(separator: " ").map(String.init) ?? []
            if let canonical = try? document.canonical(signedInfo, mode: c14n.0, withComments: c14n.withComments, inclusivePrefixes: prefixes) {
                switch signer.key.verify(signatureBytes, over: canonical, method: method) {
                case .valid: value = .valid
                case .validWithoutNullParameter:
                    value = .validLegacyDigestInfo
                    notes.append(.legacyDigestInfo)
                case .invalid: value = .invalid
                case .unsupportedKey: value = .notChecked
                }
            }
            if value == .invalid || value == .notChecked { problems.append(.signatureValueInvalid) }
        } else if problems.isEmpty {
            problems.append(.signatureValueInvalid)
        }

        // The signing time the signature claims.
        let claimed = claimedSigningTime()
        var claimedDate: Date?
        if let claimed {
            if let parsed = DutchTime.parse(claimed, zone: DutchTime.utc) {
                claimedDate = parsed.date
                if !parsed.hasOffset { notes.append(.signingTimeWithoutZone) }
                if let signer, !signer.validAt(parsed.date) { notes.append(.signingTimeOutsideValidity) }
            }
        } else {
            notes.append(.noSigningTime)
        }
        for name in weak.sorted() { notes.insert(.weakAlgorithm(name), at: 0) }

        let intermediates = certificates.filter { $0.der != signer?.der }

        let broken = !problems.isEmpty || references.contains { !$0.valid }
            || !(value == .valid || value == .validLegacyDigestInfo)
        let result = PackageSignature(
            part: part, id: signature.attribute("Id"), status: broken ? .broken : .valid,
            signer: signer?.summary, chain: intermediates.map(\.summary), trust: TrustResult(state: .notChecked, chain: []),
            signingTime: claimed, signatureMethod: method?.name, canonicalization: c14nURI,
            weakAlgorithms: weak.sorted(), references: references, signatureValue: value,
            uncoveredParts: [], unsignedByConvention: [], problems: problems, notes: notes)
        return (result, covered, TrustRequest(signer: signer, intermediates: intermediates, claimed: claimedDate))
    }

    /// The signer: the certificate X509IssuerSerial names, else the one the XAdES
    /// SigningCertificate digests, else the first.
    private func chooseSigner(_ certificates: [SignerCertificate]) -> SignerCertificate? {
        guard certificates.count > 1 else { return certificates.first }
        if let serialText = signature.child(DSig.ns, "KeyInfo")?.descendants(DSig.ns, "X509SerialNumber").first?.text.trimmingSpace,
           let match = certificates.first(where: { Self.decimal($0.serial) == serialText }) {
            return match
        }
        for certDigest in signature.descendants(nil, "CertDigest") {
            guard let algorithm = certDigest.child(DSig.ns, "DigestMethod")?.attribute("Algorithm").flatMap(DigestAlgorithm.init(uri:)),
                  let expected = Base64.decode(certDigest.child(DSig.ns, "DigestValue")?.text ?? "") else { continue }
            if let match = certificates.first(where: { algorithm.hash($0.der) == expected }) { return match }
        }
        return certificates.first
    }

    /// Whether the XAdES SigningCertificate (if present) names this certificate.
    private func xadesCertificateMatches(_ signer: SignerCertificate) -> Bool {
        let digests = signature.descendants(nil, "CertDigest")
        guard !digests.isEmpty else { return true }
        for certDigest in digests {
            guard let algorithm = certDigest.child(DSig.ns, "DigestMethod")?.attribute("Algorithm").flatMap(DigestAlgorithm.init(uri:)),
                  let expected = Base64.decode(certDigest.child(DSig.ns, "DigestValue")?.text ?? "") else { continue }
            if algorithm.hash(signer.der) == expected { return true }
        }
        return false
    }

    private func claimedSigningTime() -> String? {
        if let xades = signature.descendants(nil, "SigningTime").first { return xades.text.trimmingSpace }
        if let office = signature.descendants(DSig.mdssi, "SignatureTime").first?.child(DSig.mdssi, "Value") {
            return office.text.trimmingSpace
        }
        if let date = signature.descendants("http://purl.org/dc/elements/1.1/", "date").first { return date.text.trimmingSpace }
        return nil
    }

    /// Checks one Reference; returns the result, the element it resolved to (same-document
    /// references) and the parts it covers.
    private func checkReference(_ ref: XMLDOMNode, inManifest: Bool) -> (ReferenceCheck, XMLDOMNode?, Set<String>) {
        let uri = ref.attribute("URI") ?? ""
        let transforms = ref.child(DSig.ns, "Transforms")?.children(DSig.ns, "Transform") ?? []
        let transformURIs = transforms.map { $0.attribute("Algorithm") ?? "" }
        let digestURI = ref.child(DSig.ns, "DigestMethod")?.attribute("Algorithm") ?? ""
        var check = ReferenceCheck(uri: uri, part: nil, inManifest: inManifest, digestAlgorithm: nil,
                                   transforms: transformURIs, valid: false, problem: nil)
        guard let algorithm = DigestAlgorithm(uri: digestURI) else {
            check.problem = .unsupportedDigest(digestURI)
            return (check, nil, [])
        }
        check.digestAlgorithm = algorithm.name
        guard let expected = Base64.decode(ref.child(DSig.ns, "DigestValue")?.text ?? "") else {
            check.problem = .unreadable("DigestValue")
            return (check, nil, [])
        }
        do {
            if uri.hasPrefix("#") {
                let (target, bytes) = try sameDocument(String(uri.dropFirst()), transforms: transforms)
                check.valid = algorithm.hash(bytes) == expected
                if !check.valid { check.problem = .digestMismatch }
                return (check, target, [])
            }
            let (partName, bytes) = try partBytes(uri, transforms: transforms)
            check.part = partName
            check.valid = algorithm.hash(bytes) == expected
            if !check.valid { check.problem = .digestMismatch }
            return (check, nil, [partName])
        } catch let problem as ReferenceProblem {
            check.problem = problem
            if case .contentTypeMismatch = problem, let name = partName(uri) { check.part = name; return (check, nil, [name]) }
            return (check, nil, [])
        } catch let error as ReadError {
            check.problem = .unreadable(error.message(in: .en))
            return (check, nil, [])
        } catch {
            check.problem = .unreadable("\(error)")
            return (check, nil, [])
        }
    }

    private func sameDocument(_ id: String, transforms: [XMLDOMNode]) throws -> (XMLDOMNode, [UInt8]) {
        let matches = document.elements(withID: id)
        if matches.isEmpty { throw ReferenceProblem.missingTarget }
        if matches.count > 1 { throw ReferenceProblem.ambiguousTarget }
        let target = matches[0]
        // Only this signature's own Object elements may be referenced by Id.
        let objects = signature.children(DSig.ns, "Object")
        guard objects.contains(where: { target.isInside($0) }) else { throw ReferenceProblem.outsideSignature }
        var mode: XMLDOMDocument.C14NMode = .inclusive10
        var comments = false
        var prefixes: [String] = []
        for transform in transforms {
            let uri = transform.attribute("Algorithm") ?? ""
            guard let c14n = CanonicalizationMethod.mode(uri: uri) else { throw ReferenceProblem.unsupportedTransform(uri) }
            mode = c14n.0
            comments = c14n.withComments
            prefixes = transform.child("http://www.w3.org/2001/10/xml-exc-c14n#", "InclusiveNamespaces")?
                .attribute("PrefixList")?.split(separator: " ").map(String.init) ?? []
        }
        // "#id" without transforms: the node-set without comments, as inclusive C14N 1.0.
        return (target, try document.canonical(target, mode: mode, withComments: comments, inclusivePrefixes: prefixes))
    }

    private func partName(_ uri: String) -> String? {
        let path = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? uri
        return OPC.resolve(path, from: "")
    }

    private func partBytes(_ uri: String, transforms: [XMLDOMNode]) throws -> (String, [UInt8]) {
        let pieces = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        // ODF stream names carry no query; a "?" there is part of the name.
        let pathText = format == .ooxml ? String(pieces[0]) : uri
        guard !pathText.isEmpty, !pathText.contains(":"), let name = OPC.resolve(pathText, from: ""), archive.contains(name)
        else { throw ReferenceProblem.missingTarget }
        if name == part { throw ReferenceProblem.outsideSignature }
        let raw = try archive.read(name)
        if format == .ooxml, pieces.count == 2, let contentTypes {
            let query = String(pieces[1])
            if query.hasPrefix("ContentType=") {
                let declared = OPC.percentDecoded(String(query.dropFirst("ContentType=".count)))
                let actual = contentTypes.contentType(of: name) ?? ""
                if declared.lowercased() != actual.lowercased() {
                    throw ReferenceProblem.contentTypeMismatch(declared: declared, actual: actual)
                }
            }
        }
        guard !transforms.isEmpty else { return (name, raw) }
        var bytes = raw
        var canonicalized = false
        for transform in transforms {
            let algorithm = transform.attribute("Algorithm") ?? ""
            if algorithm == DSig.relationshipTransform {
                bytes = try RelationshipTransform.apply(bytes, selectors: transform, part: name, limits: archive.limits)
                canonicalized = false
            } else if let c14n = CanonicalizationMethod.mode(uri: algorithm) {
                let parsed = try XMLDOMDocument(bytes: bytes, part: name, limits: archive.limits)
                bytes = try parsed.canonical(nil, mode: c14n.0, withComments: c14n.withComments)
                canonicalized = true
            } else {
                throw ReferenceProblem.unsupportedTransform(algorithm)
            }
        }
        if !canonicalized {
            // An XML result must end as octets: canonical form (XML-DSig §4.3.3.2).
            let parsed = try XMLDOMDocument(bytes: bytes, part: name, limits: archive.limits)
            bytes = try parsed.canonical(nil)
        }
        return (name, bytes)
    }

    static func decimal(_ bytes: [UInt8]) -> String {
        var digits: [UInt8] = []  // little-endian decimal digits
        for byte in bytes {
            var carry = Int(byte)
            for index in digits.indices {
                let value = Int(digits[index]) * 256 + carry
                digits[index] = UInt8(value % 10)
                carry = value / 10
            }
            while carry > 0 { digits.append(UInt8(carry % 10)); carry /= 10 }
        }
        if digits.isEmpty { return "0" }
        return String(digits.reversed().map { Character(String($0)) })
    }
}

/// The Relationship Transform of OPC (ECMA-376 Part 2, §13.2.4.24): keeps the relationships
/// selected by Id (SourceId) or type (SourceType), sorted by Id, with the default
/// TargetMode="Internal" made explicit; the result is then canonicalized.
enum RelationshipTransform {
    static func apply(_ bytes: [UInt8], selectors: XMLDOMNode, part: String, limits: ReadLimits) throws -> [UInt8] {
        var ids = Set<String>()
        var types = Set<String>()
        for selector in selectors.children where selector.namespace == DSig.mdssi {
            if selector.localName == "RelationshipReference", let id = selector.attribute("SourceId") { ids.insert(id) }
            if selector.localName == "RelationshipsGroupReference", let type = selector.attribute("SourceType") { types.insert(type) }
        }
        return try apply(bytes, ids: ids, types: types, part: part, limits: limits)
    }

    /// The transform for relationships selected by Id or by type (also used when signing).
    static func apply(_ bytes: [UInt8], ids: Set<String>, types: Set<String>, part: String, limits: ReadLimits) throws -> [UInt8] {
        let document = try XMLDOMDocument(bytes: bytes, part: part, limits: limits)
        guard let root = document.root, root.is(DSig.relationshipsNamespace, "Relationships") else {
            throw ReferenceProblem.unreadable("\(part): not a relationships part")
        }
        var kept: [(id: String, attributes: [(String, String)])] = []
        for relationship in root.children(DSig.relationshipsNamespace, "Relationship") {
            guard let id = relationship.attribute("Id") else { continue }
            let type = relationship.attribute("Type") ?? ""
            guard ids.contains(id) || types.contains(type) else { continue }
            var attributes: [(String, String)] = [("Id", id), ("Target", relationship.attribute("Target") ?? "")]
            // The default is written out: a Relationship without TargetMode gets TargetMode="Internal"
            // (this is what Office digests; dropping it gives other digests).
            attributes.append(("TargetMode", relationship.attribute("TargetMode") ?? "Internal"))
            attributes.append(("Type", type))
            kept.append((id, attributes))
        }
        kept.sort { Array($0.id.utf8).lexicographicallyPrecedes(Array($1.id.utf8)) }
        var xml = "<Relationships xmlns=\"\(DSig.relationshipsNamespace)\">"
        for relationship in kept {
            xml += "<Relationship"
            for (name, value) in relationship.attributes { xml += " \(name)=\"\(XMLEscaping.escape(value, for: .canonicalAttribute))\"" }
            xml += "></Relationship>"
        }
        xml += "</Relationships>"
        return Array(xml.utf8)
    }
}
