import PackageIO
/// Verifies the package signatures of an OOXML (`_xmlsignatures/`) or ODF
/// (`META-INF/documentsignatures.xml`) document, offline.
///
/// The synchronous forms validate certificate chains (when `trust` is given) by blocking on
/// swift-certificates' asynchronous verifier: call them from ordinary threads (a command line
/// tool), and the `async` forms from Swift concurrency.
public enum PackageSignatureVerifier {
    /// Reads the package at `path` and verifies every signature in it. Throws ``ReadError`` when
    /// the file cannot be read as a package.
    public static func verify(path: String, trust: TrustAnchors? = nil, limits: ReadLimits = .default) throws -> SignatureVerificationReport {
        try verify(InputDocument.open(path: path, limits: limits), trust: trust)
    }

    /// Verifies an opened input (a flat ODT has no package signatures: not a package).
    public static func verify(_ input: InputDocument, trust: TrustAnchors? = nil) throws -> SignatureVerificationReport {
        let (report, requests) = try collect(archive: input.requireArchive())
        return applyTrust(report, requests) { ChainValidation.evaluateBlocking($0, anchors: trust) }
    }

    public static func verify(path: String, trust: TrustAnchors?, limits: ReadLimits = .default) async throws -> SignatureVerificationReport {
        let (report, requests) = try collect(archive: InputDocument.open(path: path, limits: limits).requireArchive())
        var result = report
        for index in result.signatures.indices {
            result.signatures[index].trust = await ChainValidation.evaluate(requests[index], anchors: trust)
        }
        return result
    }

    public static func verify(bytes: [UInt8], trust: TrustAnchors? = nil, limits: ReadLimits = .default) throws -> SignatureVerificationReport {
        try verify(InputDocument.open(bytes: bytes, limits: limits), trust: trust)
    }

    private static func applyTrust(_ report: SignatureVerificationReport, _ requests: [TrustRequest],
                                   _ evaluate: (TrustRequest) -> TrustResult) -> SignatureVerificationReport {
        var result = report
        for index in result.signatures.indices { result.signatures[index].trust = evaluate(requests[index]) }
        return result
    }

    /// Everything but chain validation; one trust request per signature.
    static func collect(archive: ZipArchive) throws -> (SignatureVerificationReport, [TrustRequest]) {
        let parts = archive.entries.filter { !$0.isDirectory }.map(\.name)
        if archive.contains("mimetype") || archive.contains("META-INF/manifest.xml") {
            let found = try odf(archive, parts: parts)
            return (SignatureVerificationReport(format: .odf, parts: parts, signatures: found.map(\.0)), found.map(\.1))
        }
        if archive.contains("[Content_Types].xml") || archive.contains("_rels/.rels") {
            let found = try ooxml(archive, parts: parts)
            return (SignatureVerificationReport(format: .ooxml, parts: parts, signatures: found.map(\.0)), found.map(\.1))
        }
        throw ReadError(.unknownPackage)
    }

    // MARK: ODF

    static let odfSignaturePart = "META-INF/documentsignatures.xml"
    static let odfNamespace = "urn:oasis:names:tc:opendocument:xmlns:digitalsignature:1.0"

    private static func odf(_ archive: ZipArchive, parts: [String]) throws -> [(PackageSignature, TrustRequest)] {
        guard archive.contains(odfSignaturePart) else { return [] }
        let bytes = try archive.read(odfSignaturePart)
        // An empty signature stream holds no signature.
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return [] }
        let document = try XMLDOMDocument(bytes: bytes, part: odfSignaturePart, limits: archive.limits)
        guard let root = document.root else { return [] }
        let signatures = root.is(DSig.ns, "Signature") ? [root] : root.children(DSig.ns, "Signature")
        return signatures.map { signature in
            let verifier = XMLSignatureVerifier(document: document, signature: signature, part: odfSignaturePart,
                                                archive: archive, format: .odf, contentTypes: nil)
            var (result, covered, request) = verifier.verify()
            // ODF: every stream but the signatures themselves must be covered.
            result.uncoveredParts = parts.filter { !covered.contains($0) && $0 != odfSignaturePart }
            return (finish(result), request)
        }
    }

    // MARK: OOXML

    static let originType = "http://schemas.openxmlformats.org/package/2006/relationships/digital-signature/origin"
    static let signatureType = "http://schemas.openxmlformats.org/package/2006/relationships/digital-signature/signature"

    private static func ooxml(_ archive: ZipArchive, parts: [String]) throws -> [(PackageSignature, TrustRequest)] {
        let packageRelationships = try OfficePackage.loadRelationships(archive, source: "")
        let origins = packageRelationships.filter { $0.type == originType && !$0.isExternal && archive.contains($0.target) }
        var signatureParts: [String] = []
        for origin in origins {
            for relationship in try OfficePackage.loadRelationships(archive, source: origin.target)
            where relationship.type == signatureType && !relationship.isExternal && archive.contains(relationship.target) {
                if !signatureParts.contains(relationship.target) { signatureParts.append(relationship.target) }
            }
        }
        guard !signatureParts.isEmpty else { return [] }
        let contentTypes: ContentTypes
        if archive.contains("[Content_Types].xml") {
            contentTypes = ContentTypes(try XMLElement.parse(try archive.read("[Content_Types].xml"), part: "[Content_Types].xml", limits: archive.limits))
        } else {
            contentTypes = ContentTypes()
        }
        // Conventionally unsigned: content types, core/app/custom properties, the package thumbnail
        // (a preview the editor writes anew on every save, like the properties), signature parts, customXml.
        var conventional: Set<String> = ["[Content_Types].xml", "docProps/core.xml", "docProps/app.xml", "docProps/custom.xml"]
        for relationship in packageRelationships where !relationship.isExternal {
            if ["core-properties", "extended-properties", "custom-properties", "thumbnail"].contains(relationship.kind) {
                conventional.insert(relationship.target)
            }
        }
        for origin in origins {
            conventional.insert(origin.target)
            conventional.insert(OPC.relationshipsPart(for: origin.target))
        }
        for signaturePart in signatureParts {
            conventional.insert(signaturePart)
            conventional.insert(OPC.relationshipsPart(for: signaturePart))
        }
        func isConventional(_ part: String) -> Bool {
            conventional.contains(part) || part.hasPrefix("_xmlsignatures/") || part.hasPrefix("customXml/")
        }
        var results: [(PackageSignature, TrustRequest)] = []
        for signaturePart in signatureParts {
            let document: XMLDOMDocument
            do {
                document = try XMLDOMDocument(bytes: try archive.read(signaturePart), part: signaturePart, limits: archive.limits)
            } catch let error as ReadError {
                results.append((unreadable(signaturePart, error), TrustRequest(signer: nil, intermediates: [], claimed: nil)))
                continue
            }
            guard let root = document.root, root.is(DSig.ns, "Signature") else {
                results.append((unreadable(signaturePart, ReadError(.xmlMalformed(line: 1, detail: "no Signature element"), part: signaturePart)),
                                TrustRequest(signer: nil, intermediates: [], claimed: nil)))
                continue
            }
            let verifier = XMLSignatureVerifier(document: document, signature: root, part: signaturePart, archive: archive,
                                                format: .ooxml, contentTypes: contentTypes)
            var (result, covered, request) = verifier.verify()
            let uncovered = parts.filter { !covered.contains($0) }
            result.uncoveredParts = uncovered.filter { !isConventional($0) }
            result.unsignedByConvention = uncovered.filter(isConventional)
            results.append((finish(result), request))
        }
        return results
    }

    private static func unreadable(_ part: String, _ error: ReadError) -> PackageSignature {
        PackageSignature(
            part: part, id: nil, status: .broken, signer: nil, chain: [], trust: TrustResult(state: .notChecked, chain: []),
            signingTime: nil, signatureMethod: nil, canonicalization: nil, weakAlgorithms: [], references: [],
            signatureValue: .notChecked, uncoveredParts: [], unsignedByConvention: [],
            problems: [.malformed(error.message(in: .en))], notes: [])
    }

    private static func finish(_ signature: PackageSignature) -> PackageSignature {
        var result = signature
        if result.status != .broken && !result.uncoveredParts.isEmpty { result.status = .partial }
        return result
    }
}
