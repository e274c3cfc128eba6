#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PackageIO
import DutchTime

/// Signs an OOXML or ODF package with XML-DSig + XAdES-BES (SHA-256), as
/// ``PackageSignatureVerifier`` reads it back.
///
/// - OOXML: `_xmlsignatures/origin.sigs` and `_xmlsignatures/sig1.xml`; the `idPackageObject`
///   Manifest references every part but the signature parts and `[Content_Types].xml`
///   (relationship parts through the Relationship Transform, the others raw with
///   `?ContentType=`); `idOfficeObject` holds a minimal SignatureInfoV1, `idSignedProperties`
///   the XAdES signing time and certificate digest.
/// - ODF: `META-INF/documentsignatures.xml` with a reference per stream (XML streams through
///   C14N, as LibreOffice does), the XAdES signed properties and a manifest entry.
///
/// The output is deterministic for the same input, identity and `signingTime` (RSA PKCS#1 v1.5;
/// ECDSA signature values are randomized).
public enum PackageSigner {
    /// Signs the package bytes and returns the signed package.
    public static func sign(bytes: [UInt8], identity: SigningIdentity, signingTime: Date = Date(),
                            limits: ReadLimits = .default) throws -> [UInt8] {
        try sign(archive: InputDocument.open(bytes: bytes, limits: limits).requireArchive(), identity: identity, signingTime: signingTime)
    }

    /// Reads the package at `path`, signs it and returns the signed package (nothing is written).
    public static func sign(path: String, identity: SigningIdentity, signingTime: Date = Date(),
                            limits: ReadLimits = .default) throws -> [UInt8] {
        try sign(archive: InputDocument.open(path: path, limits: limits).requireArchive(), identity: identity, signingTime: signingTime)
    }

    public static func sign(archive: ZipArchive, identity: SigningIdentity, signingTime: Date = Date()) throws -> [UInt8] {
        // The parts the signer may change are held; every other part is read when it is digested
        // (through the limits) and copied into the signed package as it is stored.
        var parts: [Part] = []
        for entry in archive.entries {
            let held = entry.isDirectory || entry.name.hasSuffix(".rels") || Self.heldParts.contains(entry.name)
            parts.append(Part(name: entry.name, bytes: held && !entry.isDirectory ? try archive.read(entry) : [],
                              compressed: !entry.isStored, isDirectory: entry.isDirectory, source: held ? nil : entry))
        }
        let time = DutchTime.iso(signingTime, in: DutchTime.utc)
        if archive.contains("mimetype") || archive.contains("META-INF/manifest.xml") {
            try signODF(&parts, archive: archive, identity: identity, time: time, limits: archive.limits)
        } else if archive.contains("[Content_Types].xml") {
            try signOOXML(&parts, archive: archive, identity: identity, time: time, limits: archive.limits)
        } else {
            throw SigningError(.unsupportedPackage)
        }
        var writer = ZipWriter()
        for part in parts {
            if let source = part.source {
                try writer.addCopy(of: source, from: archive)
            } else {
                writer.add(name: part.name, bytes: part.bytes, compressed: part.compressed)
            }
        }
        // The writer holds the only references now, and lets go of each part as it is written.
        parts.removeAll()
        return try writer.finish()
    }

    /// Parses a signing time as ``DutchTime/parse(_:dateOnly:zone:)`` does (`2026-01-15T10:00:00Z`,
    /// `…+01:00`); a time without offset is taken as UTC, as signatures write it.
    public static func parseTime(_ text: String) -> Date? {
        DutchTime.parse(text, zone: DutchTime.utc)?.date
    }

    struct Part {
        var name: String
        var bytes: [UInt8]
        var compressed: Bool
        var isDirectory: Bool
        /// Set for a part that is not held: its bytes are read from the package when needed.
        var source: ZipArchive.Entry? = nil

        func contents(_ archive: ZipArchive) throws -> [UInt8] {
            guard let source else { return bytes }
            return try archive.read(source)
        }
    }

    /// Parts the signer reads or changes besides relationships.
    static let heldParts: Set<String> = ["[Content_Types].xml", "META-INF/manifest.xml", PackageSignatureVerifier.odfSignaturePart, "mimetype"]

    // MARK: OOXML

    static let originPart = "_xmlsignatures/origin.sigs"
    static let signaturePart = "_xmlsignatures/sig1.xml"
    static let originContentType = "application/vnd.openxmlformats-package.digital-signature-origin"
    static let signatureContentType = "application/vnd.openxmlformats-package.digital-signature-xmlsignature+xml"
    static let relationshipsContentType = "application/vnd.openxmlformats-package.relationships+xml"

    private static func signOOXML(_ parts: inout [Part], archive: ZipArchive, identity: SigningIdentity, time: String, limits: ReadLimits) throws {
        if parts.contains(where: { $0.name.hasPrefix("_xmlsignatures/") }) { throw SigningError(.alreadySigned) }
        // 1. The package relationship to the origin, and the content types.
        let rels = "_rels/.rels"
        var originID = "rIdDossierSignatureOrigin"
        if let index = parts.firstIndex(where: { $0.name == rels }) {
            let root = try parseRoot(parts[index].bytes, part: rels, limits: limits)
            let ids = Set(root.children(DSig.relationshipsNamespace, "Relationship").compactMap { $0.attribute("Id") })
            var counter = 1
            while ids.contains(originID) { counter += 1; originID = "rIdDossierSignatureOrigin\(counter)" }
            parts[index].bytes = try insertBeforeClosingRoot(
                parts[index].bytes, "<Relationship Id=\"\(originID)\" Type=\"\(PackageSignatureVerifier.originType)\" Target=\"_xmlsignatures/origin.sigs\"/>",
                part: rels)
        } else {
            parts.append(Part(name: rels, bytes: Array(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Relationships xmlns=\"\(DSig.relationshipsNamespace)\"><Relationship Id=\"\(originID)\" Type=\"\(PackageSignatureVerifier.originType)\" Target=\"_xmlsignatures/origin.sigs\"/></Relationships>").utf8),
                compressed: true, isDirectory: false))
        }
        guard let typesIndex = parts.firstIndex(where: { $0.name == "[Content_Types].xml" }) else { throw SigningError(.unsupportedPackage) }
        var contentTypes = ContentTypes(try XMLElement.parse(parts[typesIndex].bytes, part: "[Content_Types].xml", limits: limits))
        var additions = ""
        if contentTypes.contentType(of: originPart) != originContentType {
            additions += "<Default Extension=\"sigs\" ContentType=\"\(originContentType)\"/>"
        }
        additions += "<Override PartName=\"/\(signaturePart)\" ContentType=\"\(signatureContentType)\"/>"
        if contentTypes.contentType(of: "_xmlsignatures/_rels/origin.sigs.rels") != relationshipsContentType {
            additions += "<Default Extension=\"rels\" ContentType=\"\(relationshipsContentType)\"/>"
        }
        // A Default for "sigs" that already names another type cannot be repeated: override the part.
        if contentTypes.contentType(of: originPart) != nil && contentTypes.contentType(of: originPart) != originContentType {
            additions = additions.replacingOccurrences("<Default Extension=\"sigs\" ContentType=\"\(originContentType)\"/>",
                                                       "<Override PartName=\"/\(originPart)\" ContentType=\"\(originContentType)\"/>")
        }
        parts[typesIndex].bytes = try insertBeforeClosingRoot(parts[typesIndex].bytes, additions, part: "[Content_Types].xml")
        contentTypes = ContentTypes(try XMLElement.parse(parts[typesIndex].bytes, part: "[Content_Types].xml", limits: limits))

        // 2. The manifest: every part but the signature parts and the content types.
        var manifest = ""
        for part in parts where !part.isDirectory && part.name != "[Content_Types].xml" {
            let type = contentTypes.contentType(of: part.name) ?? ""
            let uri = "/" + uriEscape(part.name) + "?ContentType=" + type
            if part.name.hasSuffix(".rels") && (part.name.hasPrefix("_rels/") || part.name.contains("/_rels/")) {
                let root = try parseRoot(part.bytes, part: part.name, limits: limits)
                var ids: [String] = []
                for relationship in root.children(DSig.relationshipsNamespace, "Relationship") {
                    guard let id = relationship.attribute("Id") else { continue }
                    if part.name == rels && relationship.attribute("Type") == PackageSignatureVerifier.originType { continue }
                    ids.append(id)
                }
                ids.sort { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
                let transformed = try RelationshipTransform.apply(part.bytes, ids: Set(ids), types: [], part: part.name, limits: limits)
                let canonical = try XMLDOMDocument(bytes: transformed, part: part.name, limits: limits).canonical(nil)
                manifest += "<Reference URI=\"\(XMLEscaping.escape(uri, for: .attribute))\"><Transforms><Transform Algorithm=\"\(DSig.relationshipTransform)\">"
                for id in ids { manifest += "<mdssi:RelationshipReference xmlns:mdssi=\"\(DSig.mdssi)\" SourceId=\"\(XMLEscaping.escape(id, for: .attribute))\"/>" }
                manifest += "</Transform><Transform Algorithm=\"\(c14nURI)\"/></Transforms>"
                manifest += digestXML(DigestAlgorithm.sha256.hash(canonical)) + "</Reference>"
            } else {
                manifest += "<Reference URI=\"\(XMLEscaping.escape(uri, for: .attribute))\">" + digestXML(DigestAlgorithm.sha256.hash(try part.contents(archive))) + "</Reference>"
            }
        }

        // 3. The signature.
        let certificateDigest = DigestAlgorithm.sha256.hash(identity.certificate.der)
        let objects = "<Object Id=\"idPackageObject\"><Manifest>\(manifest)</Manifest>"
            + "<SignatureProperties><SignatureProperty Id=\"idSignatureTime\" Target=\"#idPackageSignature\">"
            + "<mdssi:SignatureTime xmlns:mdssi=\"\(DSig.mdssi)\"><mdssi:Format>YYYY-MM-DDThh:mm:ssTZD</mdssi:Format>"
            + "<mdssi:Value>\(time)</mdssi:Value></mdssi:SignatureTime></SignatureProperty></SignatureProperties></Object>"
            + "<Object Id=\"idOfficeObject\"><SignatureProperties><SignatureProperty Id=\"idOfficeV1Details\" Target=\"#idPackageSignature\">"
            + "<SignatureInfoV1 xmlns=\"http://schemas.microsoft.com/office/2006/digsig\"><SetupID></SetupID><SignatureText></SignatureText>"
            + "<SignatureImage/><SignatureComments/><WindowsVersion/><OfficeVersion/><ApplicationVersion/><Monitors/>"
            + "<HorizontalResolution/><VerticalResolution/><ColorDepth/><SignatureProviderId>{00000000-0000-0000-0000-000000000000}</SignatureProviderId>"
            + "<SignatureProviderUrl/><SignatureProviderDetails>9</SignatureProviderDetails><SignatureType>1</SignatureType>"
            + "</SignatureInfoV1></SignatureProperty></SignatureProperties></Object>"
            + "<Object>" + qualifyingProperties(identity, time: time, certificateDigest: certificateDigest, target: "#idPackageSignature") + "</Object>"
        let xml = try buildSignature(
            identity: identity, id: "idPackageSignature",
            references: [("#idPackageObject", "http://www.w3.org/2000/09/xmldsig#Object", false),
                         ("#idOfficeObject", "http://www.w3.org/2000/09/xmldsig#Object", false),
                         ("#idSignedProperties", "http://uri.etsi.org/01903#SignedProperties", true)],
            fileReferences: "", objects: objects, wrap: { "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + $0 },
            part: signaturePart, limits: limits)
        parts.append(Part(name: originPart, bytes: [], compressed: false, isDirectory: false))
        parts.append(Part(name: "_xmlsignatures/_rels/origin.sigs.rels", bytes: Array(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<Relationships xmlns=\"\(DSig.relationshipsNamespace)\"><Relationship Id=\"rId1\" Type=\"\(PackageSignatureVerifier.signatureType)\" Target=\"sig1.xml\"/></Relationships>").utf8),
            compressed: true, isDirectory: false))
        parts.append(Part(name: signaturePart, bytes: xml, compressed: true, isDirectory: false))
    }

    // MARK: ODF

    private static func signODF(_ parts: inout [Part], archive: ZipArchive, identity: SigningIdentity, time: String, limits: ReadLimits) throws {
        let signaturePart = PackageSignatureVerifier.odfSignaturePart
        if let existing = parts.first(where: { $0.name == signaturePart }) {
            let blank = existing.bytes.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
            if !blank { throw SigningError(.alreadySigned) }
            parts.removeAll { $0.name == signaturePart }
        }
        // The manifest entry for the signature stream (before digesting: the manifest is signed).
        let manifestPart = "META-INF/manifest.xml"
        if let index = parts.firstIndex(where: { $0.name == manifestPart }) {
            let text = String(decoding: parts[index].bytes, as: UTF8.self)
            if !text.contains("full-path=\"\(signaturePart)\"") {
                let root = try parseRoot(parts[index].bytes, part: manifestPart, limits: limits)
                let ns = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
                guard root.is(ns, "manifest") else { throw SigningError(.malformedPart(manifestPart)) }
                let prefix = Self.prefix(ofRootIn: text)
                let p = prefix.map { "\($0):" } ?? ""
                let entry = " <\(p)file-entry \(p)full-path=\"\(signaturePart)\" \(p)media-type=\"\"/>\n"
                parts[index].bytes = try insertBeforeClosingRoot(parts[index].bytes, entry, part: manifestPart)
            }
        }
        var references = ""
        for part in parts where !part.isDirectory {
            let bytes = try part.contents(archive)
            // XML streams through C14N; an empty or unparsable one (LibreOffice keeps an empty
            // Configurations2/accelerator/current.xml) is digested raw.
            if part.name.lowercased().hasSuffix(".xml"),
               let canonical = try? XMLDOMDocument(bytes: bytes, part: part.name, limits: limits).canonical(nil) {
                references += "<Reference URI=\"\(XMLEscaping.escape(uriEscape(part.name), for: .attribute))\"><Transforms><Transform Algorithm=\"\(c14nURI)\"/></Transforms>"
                    + digestXML(DigestAlgorithm.sha256.hash(canonical)) + "</Reference>"
            } else {
                references += "<Reference URI=\"\(XMLEscaping.escape(uriEscape(part.name), for: .attribute))\">" + digestXML(DigestAlgorithm.sha256.hash(bytes)) + "</Reference>"
            }
        }
        let id = "idDossierSignature"
        let certificateDigest = DigestAlgorithm.sha256.hash(identity.certificate.der)
        let objects = "<Object><SignatureProperties><SignatureProperty Id=\"idSignatureTime\" Target=\"#\(id)\">"
            + "<dc:date xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\(time)</dc:date></SignatureProperty></SignatureProperties></Object>"
            + "<Object>" + qualifyingProperties(identity, time: time, certificateDigest: certificateDigest, target: "#\(id)") + "</Object>"
        let xml = try buildSignature(
            identity: identity, id: id,
            references: [("#idSignatureTime", nil, false), ("#idSignedProperties", "http://uri.etsi.org/01903#SignedProperties", true)],
            fileReferences: references, objects: objects,
            wrap: { "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<document-signatures xmlns=\"\(PackageSignatureVerifier.odfNamespace)\">" + $0 + "</document-signatures>" },
            part: signaturePart, limits: limits)
        // After the manifest, as LibreOffice places it; mimetype stays first.
        let at = (parts.firstIndex { $0.name == manifestPart }).map { $0 + 1 } ?? parts.count
        parts.insert(Part(name: signaturePart, bytes: xml, compressed: true, isDirectory: false), at: at)
    }

    // MARK: The Signature element

    static let c14nURI = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315"

    /// Builds the Signature: digests the referenced Objects in place, canonicalizes SignedInfo in
    /// place and signs it. `references` name same-document targets (URI, Type, with C14N transform).
    private static func buildSignature(identity: SigningIdentity, id: String, references: [(String, String?, Bool)],
                                       fileReferences: String, objects: String, wrap: (String) -> String,
                                       part: String, limits: ReadLimits) throws -> [UInt8] {
        let method = identity.method
        var keyInfo = "<KeyInfo><X509Data>"
        for certificate in [identity.certificate] + identity.chain {
            keyInfo += "<X509Certificate>\(Base64.encode(certificate.der))</X509Certificate>"
        }
        keyInfo += "</X509Data></KeyInfo>"
        func document(digests: [String: [UInt8]], value: [UInt8]) -> String {
            var signedInfo = "<SignedInfo><CanonicalizationMethod Algorithm=\"\(c14nURI)\"/><SignatureMethod Algorithm=\"\(method.uri)\"/>"
            signedInfo += fileReferences
            for (uri, type, transform) in references {
                signedInfo += "<Reference" + (type.map { " Type=\"\($0)\"" } ?? "") + " URI=\"\(uri)\">"
                if transform { signedInfo += "<Transforms><Transform Algorithm=\"\(c14nURI)\"/></Transforms>" }
                signedInfo += digestXML(digests[uri] ?? [])
                signedInfo += "</Reference>"
            }
            signedInfo += "</SignedInfo>"
            return wrap("<Signature xmlns=\"\(DSig.ns)\" Id=\"\(id)\">" + signedInfo
                + "<SignatureValue>\(Base64.encode(value))</SignatureValue>" + keyInfo + objects + "</Signature>")
        }
        // Object digests (they do not depend on SignedInfo).
        let first = try XMLDOMDocument(bytes: Array(document(digests: [:], value: []).utf8), part: part, limits: limits)
        var digests: [String: [UInt8]] = [:]
        for (uri, _, _) in references {
            let targets = first.elements(withID: String(uri.dropFirst()))
            guard targets.count == 1 else { throw SigningError(.malformedPart(part)) }
            digests[uri] = DigestAlgorithm.sha256.hash(try first.canonical(targets[0]))
        }
        // SignedInfo, canonical in its document, signed.
        let second = try XMLDOMDocument(bytes: Array(document(digests: digests, value: []).utf8), part: part, limits: limits)
        guard let signature = second.root.flatMap({ $0.is(DSig.ns, "Signature") ? $0 : $0.child(DSig.ns, "Signature") }),
              let signedInfo = signature.child(DSig.ns, "SignedInfo")
        else { throw SigningError(.malformedPart(part)) }
        let value = try identity.sign(try second.canonical(signedInfo))
        return Array(document(digests: digests, value: value).utf8)
    }

    private static func qualifyingProperties(_ identity: SigningIdentity, time: String, certificateDigest: [UInt8], target: String) -> String {
        "<xd:QualifyingProperties xmlns:xd=\"http://uri.etsi.org/01903/v1.3.2#\" Target=\"\(target)\">"
            + "<xd:SignedProperties Id=\"idSignedProperties\"><xd:SignedSignatureProperties>"
            + "<xd:SigningTime>\(time)</xd:SigningTime>"
            + "<xd:SigningCertificate><xd:Cert><xd:CertDigest>" + digestXML(certificateDigest) + "</xd:CertDigest>"
            + "<xd:IssuerSerial><X509IssuerName>\(XMLEscaping.escape(String(describing: identity.certificate.issuer), for: .attribute))</X509IssuerName>"
            + "<X509SerialNumber>\(XMLSignatureVerifier.decimal(identity.certificate.serial))</X509SerialNumber></xd:IssuerSerial>"
            + "</xd:Cert></xd:SigningCertificate>"
            + "<xd:SignaturePolicyIdentifier><xd:SignaturePolicyImplied/></xd:SignaturePolicyIdentifier>"
            + "</xd:SignedSignatureProperties></xd:SignedProperties></xd:QualifyingProperties>"
    }

    private static func digestXML(_ digest: [UInt8]) -> String {
        "<DigestMethod Algorithm=\"\(DigestAlgorithm.sha256.uri)\"/><DigestValue>\(Base64.encode(digest))</DigestValue>"
    }

    // MARK: Text helpers

    private static func parseRoot(_ bytes: [UInt8], part: String, limits: ReadLimits) throws -> XMLDOMNode {
        guard let root = try XMLDOMDocument(bytes: bytes, part: part, limits: limits).root else { throw SigningError(.malformedPart(part)) }
        return root
    }

    /// Inserts `text` before the closing tag of the root element.
    static func insertBeforeClosingRoot(_ bytes: [UInt8], _ text: String, part: String) throws -> [UInt8] {
        var end = bytes.count
        while end > 0, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[end - 1]) { end -= 1 }
        guard end > 0, bytes[end - 1] == UInt8(ascii: ">") else { throw SigningError(.malformedPart(part)) }
        // The last "</": the root's end tag (a self-closing root has none).
        var index = end - 2
        while index >= 0 && !(bytes[index] == UInt8(ascii: "<") && bytes[index + 1] == UInt8(ascii: "/")) { index -= 1 }
        if index >= 0, !bytes[index..<end].contains(UInt8(ascii: "\"")) {
            return Array(bytes[..<index]) + Array(text.utf8) + Array(bytes[index...])
        }
        // <Root .../>: open it.
        guard end >= 2, bytes[end - 2] == UInt8(ascii: "/") else { throw SigningError(.malformedPart(part)) }
        var start = end - 2
        while start >= 0 && bytes[start] != UInt8(ascii: "<") { start -= 1 }
        guard start >= 0 else { throw SigningError(.malformedPart(part)) }
        let nameEnd = bytes[(start + 1)...].firstIndex { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == UInt8(ascii: "/") } ?? end
        let name = Array(bytes[(start + 1)..<nameEnd])
        return Array(bytes[..<(end - 2)]) + Array(">".utf8) + Array(text.utf8) + Array("</".utf8) + name + Array(">".utf8) + Array(bytes[end...])
    }

    /// The prefix of the root element's name as written, nil for none.
    private static func prefix(ofRootIn text: String) -> String? {
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<") {
            let after = rest[rest.index(after: open)...]
            if after.hasPrefix("?") || after.hasPrefix("!") {
                rest = after.drop { $0 != ">" }
                continue
            }
            let name = after.prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
            guard let colon = name.firstIndex(of: ":") else { return nil }
            return String(name[..<colon])
        }
        return nil
    }

    /// Percent-encodes what a URI path may not hold as is (spaces, non-ASCII, "%", "?", "#").
    static func uriEscape(_ name: String) -> String {
        var result = ""
        for byte in name.utf8 {
            let safe = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || "-._~/!$&'()*+,;=:@[]".utf8.contains(byte)
            if safe { result.append(Character(UnicodeScalar(byte))) } else {
                let hex = Array("0123456789ABCDEF")
                result += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0xF)])
            }
        }
        return result
    }
}
