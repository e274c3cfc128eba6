import Foundation
import DocModel
import DutchTime
import Testing
@testable import PackageIO
@testable import PackageSignatures

/// The signed corpus beside the project (../shared/corpus/signed), when it is there.
enum SignedCorpus {
    static let projectRoot: String = {
        var path = #filePath
        for _ in 0..<3 { path = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]) }
        return path
    }()

    static let root = projectRoot + "/../shared/corpus/signed"
    static var available: Bool { FileManager.default.fileExists(atPath: root + "/odf/good.odt") }
    static let skipMessage: Testing.Comment = "corpus absent: ../shared/corpus/signed not found beside the package"

    static func path(_ name: String) -> String { "\(root)/\(name)" }

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path(name))))
    }

    /// Rewrites a corpus package: `edit` gets the parts in order and may change, add or remove them.
    static func rewrite(_ name: String, _ edit: (inout [(name: String, bytes: [UInt8])]) throws -> Void) throws -> [UInt8] {
        let archive = try ZipArchive(bytes: try bytes(name))
        var parts: [(name: String, bytes: [UInt8])] = []
        for entry in archive.entries where !entry.isDirectory {
            parts.append((entry.name, try archive.read(entry)))
        }
        try edit(&parts)
        var writer = ZipWriter()
        for part in parts { writer.add(name: part.name, bytes: part.bytes, compressed: part.name != "mimetype") }
        return try writer.finish()
    }

    /// Replaces text in one XML part.
    static func replace(_ parts: inout [(name: String, bytes: [UInt8])], in part: String, _ target: String, with replacement: String) {
        guard let index = parts.firstIndex(where: { $0.name == part }) else {
            Issue.record("no part \(part)")
            return
        }
        let text = String(decoding: parts[index].bytes, as: UTF8.self)
        #expect(text.contains(target), "\(part) does not contain \(target)")
        parts[index].bytes = Array(text.replacingOccurrences(of: target, with: replacement).utf8)
    }

    static func text(_ parts: [(name: String, bytes: [UInt8])], _ part: String) -> String {
        String(decoding: parts.first { $0.name == part }?.bytes ?? [], as: UTF8.self)
    }
}

@Suite("Signed corpus", .enabled(if: SignedCorpus.available, SignedCorpus.skipMessage))
struct SignedCorpusTests {
    @Test(arguments: [
        "ooxml/hello-world-signed.docx", "ooxml/ms-office-2010-signed.docx", "ooxml/Office2010-SP1-XAdES-X-L.docx",
        "ooxml/hyperlink-example-signed.docx", "ooxml/hello-world-office-2010-technical-preview.docx", "ooxml/signed.docx",
    ])
    func oneValidOfficeSignature(_ file: String) throws {
        let report = try PackageSignatureVerifier.verify(path: SignedCorpus.path(file))
        #expect(report.format == .ooxml)
        try #require(report.signatures.count == 1)
        let signature = report.signatures[0]
        #expect(signature.status == .valid, "\(signature.problems) \(signature.references.filter { !$0.valid })")
        #expect(signature.references.allSatisfy { $0.valid })
        #expect(signature.signatureValue == .valid)
        #expect(signature.problems.isEmpty)
        #expect(signature.signer?.commonName != nil)
        #expect(signature.signingTime != nil)
        // Without trust anchors the signer is never silently trusted.
        #expect(signature.trust.state == .notChecked)
        #expect(!signature.trust.trusted)
        #expect(signature.uncoveredParts.isEmpty)
        #expect(signature.unsignedByConvention.contains("[Content_Types].xml"))
    }

    @Test func signedTwice() throws {
        let report = try PackageSignatureVerifier.verify(path: SignedCorpus.path("ooxml/hello-world-signed-twice.docx"))
        #expect(report.signatures.count == 2)
        #expect(report.signatures.allSatisfy { $0.status == .valid })
        #expect(Set(report.signatures.compactMap { $0.signer?.commonName }).count == 2)
        #expect(report.allValid)
    }

    @Test func office2007DigestInfoWithoutNull() throws {
        let report = try PackageSignatureVerifier.verify(path: SignedCorpus.path("ooxml/office2007prettyPrintedRels.docx"))
        try #require(report.signatures.count == 1)
        let signature = report.signatures[0]
        #expect(signature.references.allSatisfy { $0.valid })
        #expect(signature.signatureValue == .validLegacyDigestInfo)
        #expect(signature.notes.contains(.legacyDigestInfo))
        #expect(signature.weakAlgorithms.contains("SHA-1"))
        // The package thumbnail is outside the signature, like the document properties: a preview
        // the editor writes anew on each save is conventionally unsigned, so the signature is valid.
        #expect(signature.uncoveredParts.isEmpty)
        #expect(signature.unsignedByConvention.contains("docProps/thumbnail.jpeg"))
        #expect(signature.status == .valid)
    }

    @Test(arguments: ["ooxml/hello-world-unsigned.docx", "ooxml/hello-world-office-2010-technical-preview-unsigned.docx",
                      "odf/no-stream.odt", "odf/empty-stream.odt"])
    func noSignature(_ file: String) throws {
        let report = try PackageSignatureVerifier.verify(path: SignedCorpus.path(file))
        #expect(report.signatures.isEmpty)
        #expect(!report.allValid)
    }

    @Test func goodODT() async throws {
        let anchors = try TrustAnchors(path: SignedCorpus.path("odf/ca-chain.cert.pem"))
        let report = try await PackageSignatureVerifier.verify(path: SignedCorpus.path("odf/good.odt"), trust: anchors)
        #expect(report.format == .odf)
        try #require(report.signatures.count == 1)
        let signature = report.signatures[0]
        #expect(signature.status == .valid)
        #expect(signature.uncoveredParts.isEmpty)
        #expect(signature.references.count == 10)
        #expect(signature.signer?.commonName == "odfsig test example alice")
        #expect(signature.signer?.organization == "odfsig test")
        #expect(signature.trust.state == .trusted)
        #expect(signature.trust.validatedAt == "2018-08-31T22:38:51Z")
    }

    @Test func goodODTWithoutTrustIsNotVerified() throws {
        let report = try PackageSignatureVerifier.verify(path: SignedCorpus.path("odf/good.odt"))
        #expect(report.signatures.first?.trust.state == .notChecked)
    }

    @Test func goodODTAgainstOtherRoots() async throws {
        // A root that did not issue the signer: the certificate of an Office test signer.
        let office = try ZipArchive(bytes: try SignedCorpus.bytes("ooxml/office2007prettyPrintedRels.docx"))
        let text = String(decoding: try office.read("_xmlsignatures/sig1.xml"), as: UTF8.self)
        let body = try #require(AttackTests.between(text, "<X509Certificate>", "</X509Certificate>"))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-wrong-root-\(getpid()).pem")
        try "-----BEGIN CERTIFICATE-----\n\(body.filter { !$0.isWhitespace })\n-----END CERTIFICATE-----\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let anchors = try TrustAnchors(path: file.path)
        let report = try await PackageSignatureVerifier.verify(path: SignedCorpus.path("odf/good.odt"), trust: anchors)
        let signature = try #require(report.signatures.first)
        #expect(signature.status == .valid)
        #expect(signature.trust.state == .untrusted)
        #expect(!signature.trust.trusted)
    }

    @Test func badODT() throws {
        let report = try PackageSignatureVerifier.verify(path: SignedCorpus.path("odf/bad.odt"))
        try #require(report.signatures.count == 1)
        let signature = report.signatures[0]
        #expect(signature.status == .broken)
        let failing = signature.references.filter { !$0.valid }
        #expect(failing.map(\.part) == ["content.xml"])
        #expect(failing.first?.problem == .digestMismatch)
    }
}

@Suite("Attacks", .enabled(if: SignedCorpus.available, SignedCorpus.skipMessage))
struct AttackTests {
    static let office = "ooxml/hello-world-signed.docx"
    static let odf = "odf/good.odt"

    func verify(_ bytes: [UInt8]) throws -> PackageSignature {
        let report = try PackageSignatureVerifier.verify(bytes: bytes)
        try #require(report.signatures.count == 1)
        return report.signatures[0]
    }

    @Test func unchangedRewriteStaysValid() throws {
        #expect(try verify(try SignedCorpus.rewrite(Self.office) { _ in }).status == .valid)
        #expect(try verify(try SignedCorpus.rewrite(Self.odf) { _ in }).status == .valid)
    }

    @Test func partChangedAfterSigning() throws {
        let office = try verify(try SignedCorpus.rewrite(Self.office) { parts in
            SignedCorpus.replace(&parts, in: "word/document.xml", "Hello", with: "Bye")
        })
        #expect(office.status == .broken)
        #expect(office.references.first { $0.part == "word/document.xml" }?.problem == .digestMismatch)

        let odf = try verify(try SignedCorpus.rewrite(Self.odf) { parts in
            let index = parts.firstIndex { $0.name == "Thumbnails/thumbnail.png" }!
            parts[index].bytes[parts[index].bytes.count / 2] ^= 0xFF
        })
        #expect(odf.status == .broken)
        #expect(odf.references.first { $0.part == "Thumbnails/thumbnail.png" }?.problem == .digestMismatch)
    }

    @Test func relationshipAddedToSignedRelationshipsPart() throws {
        // A new relationship in a part whose relationships are all signed: its target is new and uncovered.
        let signature = try verify(try SignedCorpus.rewrite(Self.office) { parts in
            SignedCorpus.replace(&parts, in: "word/_rels/document.xml.rels", "</Relationships>",
                                 with: "<Relationship Id=\"rId99\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/evil.png\"/></Relationships>")
            parts.append(("word/media/evil.png", [0x89, 0x50, 0x4E, 0x47]))
        })
        #expect(signature.status == .partial)
        #expect(signature.uncoveredParts.contains("word/media/evil.png"))
    }

    @Test func partAdded() throws {
        let office = try verify(try SignedCorpus.rewrite(Self.office) { parts in
            parts.append(("word/evil.xml", Array("<evil/>".utf8)))
        })
        #expect(office.status == .partial)
        #expect(office.uncoveredParts == ["word/evil.xml"])

        let odf = try verify(try SignedCorpus.rewrite(Self.odf) { parts in
            parts.append(("Scripts/evil.xml", Array("<evil/>".utf8)))
        })
        #expect(odf.status == .partial)
        #expect(odf.uncoveredParts == ["Scripts/evil.xml"])

        // Parts conventionally left unsigned make no difference.
        let custom = try verify(try SignedCorpus.rewrite(Self.office) { parts in
            parts.append(("customXml/item1.xml", Array("<x/>".utf8)))
        })
        #expect(custom.status == .valid)
        #expect(custom.unsignedByConvention.contains("customXml/item1.xml"))
    }

    @Test func partRemoved() throws {
        let office = try verify(try SignedCorpus.rewrite(Self.office) { parts in
            parts.removeAll { $0.name == "word/styles.xml" }
        })
        #expect(office.status == .broken)
        #expect(office.references.first { $0.uri.hasPrefix("/word/styles.xml") }?.problem == .missingTarget)

        let odf = try verify(try SignedCorpus.rewrite(Self.odf) { parts in
            parts.removeAll { $0.name == "meta.xml" }
        })
        #expect(odf.status == .broken)
        #expect(odf.references.first { $0.uri == "meta.xml" }?.problem == .missingTarget)
    }

    @Test func signatureValueChanged() throws {
        let office = try verify(try SignedCorpus.rewrite(Self.office) { parts in
            SignedCorpus.replace(&parts, in: "_xmlsignatures/sig1.xml", "GJFLQd7I3ljF", with: "GJFLQd7I3ljG")
        })
        #expect(office.status == .broken)
        #expect(office.signatureValue == .invalid)
        #expect(office.problems.contains(.signatureValueInvalid))

        let odf = try verify(try SignedCorpus.rewrite(Self.odf) { parts in
            SignedCorpus.replace(&parts, in: "META-INF/documentsignatures.xml", "KBP3/qa8g1YY", with: "KBP3/qa8g1YZ")
        })
        #expect(odf.status == .broken)
        #expect(odf.signatureValue == .invalid)
    }

    @Test func signedInfoChanged() throws {
        // A digest in SignedInfo edited to match changed content: the value no longer holds.
        let signature = try verify(try SignedCorpus.rewrite(Self.office) { parts in
            SignedCorpus.replace(&parts, in: "_xmlsignatures/sig1.xml", "<DigestValue>BGC73FCBN58AawQbKB4AUvzESIk=</DigestValue>",
                                 with: "<DigestValue>AAC73FCBN58AawQbKB4AUvzESIk=</DigestValue>")
        })
        #expect(signature.status == .broken)
        #expect(signature.signatureValue == .invalid)
    }

    @Test func wrappingWithDuplicateIDs() throws {
        // A second copy of the package object, with a manifest that lists nothing, placed first.
        let signature = try verify(try SignedCorpus.rewrite(Self.office) { parts in
            SignedCorpus.replace(&parts, in: "_xmlsignatures/sig1.xml", "<Object Id=\"idPackageObject\"",
                                 with: "<Object Id=\"idPackageObject\"><Manifest/></Object><Object Id=\"idPackageObject\"")
        })
        #expect(signature.status == .broken)
        #expect(signature.problems.contains(.duplicateIDs(["idPackageObject"])))
        #expect(signature.references.first { $0.uri == "#idPackageObject" }?.problem == .ambiguousTarget)
    }

    @Test func wrappingWithCopyInsideAnotherElement() throws {
        // The original object moved into KeyInfo (outside any Object) and a forged one in its place.
        let signature = try verify(try SignedCorpus.rewrite(Self.office) { parts in
            let text = SignedCorpus.text(parts, "_xmlsignatures/sig1.xml")
            let start = text.range(of: "<Object Id=\"idOfficeObject\">")!.lowerBound
            let end = text.range(of: "</Object></Signature>")!.upperBound
            let original = String(text[start..<text.index(end, offsetBy: -"</Signature>".count)])
            var changed = text
            changed.replaceSubrange(start..<text.index(end, offsetBy: -"</Signature>".count), with: "")
            changed = changed.replacingOccurrences(of: "</KeyInfo>", with: original + "</KeyInfo>")
            let index = parts.firstIndex { $0.name == "_xmlsignatures/sig1.xml" }!
            parts[index].bytes = Array(changed.utf8)
        })
        #expect(signature.status == .broken)
        #expect(signature.references.first { $0.uri == "#idOfficeObject" }?.problem == .outsideSignature)
    }

    @Test func referenceToAnotherSignature() throws {
        // Two signatures in documentsignatures.xml; the second refers to the first one's property.
        let signatures = try PackageSignatureVerifier.verify(bytes: try SignedCorpus.rewrite(Self.odf) { parts in
            let text = SignedCorpus.text(parts, "META-INF/documentsignatures.xml")
            let start = text.range(of: "<Signature ")!.lowerBound
            let end = text.range(of: "</Signature>")!.upperBound
            var copy = String(text[start..<end])
            copy = copy.replacingOccurrences(of: "Id=\"ID_0033008000ba006200db00e2004400e900af00670003004d00b700b500e10044\"", with: "Id=\"other\"")
                .replacingOccurrences(of: "Id=\"idSignedProperties\"", with: "Id=\"otherProps\"")
                .replacingOccurrences(of: "Id=\"idUnsignedProperties\"", with: "Id=\"otherUnsigned\"")
                .replacingOccurrences(of: "URI=\"#idSignedProperties\"", with: "URI=\"#otherProps\"")
                .replacingOccurrences(of: "Id=\"ID_005b00da", with: "Id=\"X_005b00da")
            let index = parts.firstIndex { $0.name == "META-INF/documentsignatures.xml" }!
            parts[index].bytes = Array(text.replacingOccurrences(of: "</document-signatures>", with: copy + "</document-signatures>").utf8)
        }).signatures
        try #require(signatures.count == 2)
        #expect(signatures[0].status == .valid)
        #expect(signatures[1].status == .broken)
        #expect(signatures[1].references.contains { $0.problem == .outsideSignature })
    }

    @Test func noReferences() throws {
        let signature = try verify(try SignedCorpus.rewrite(Self.office) { parts in
            let text = SignedCorpus.text(parts, "_xmlsignatures/sig1.xml")
            let start = text.range(of: "<Reference URI=\"#idPackageObject\"")!.lowerBound
            let end = text.range(of: "</SignedInfo>")!.lowerBound
            var changed = text
            changed.replaceSubrange(start..<end, with: "")
            let index = parts.firstIndex { $0.name == "_xmlsignatures/sig1.xml" }!
            parts[index].bytes = Array(changed.utf8)
        })
        #expect(signature.status == .broken)
        #expect(signature.problems.contains(.noReferences))
        #expect(signature.references.isEmpty)
    }

    @Test func swappedCertificate() throws {
        // The certificate of another Office signer in place of the real one.
        let other = try ZipArchive(bytes: try SignedCorpus.bytes("ooxml/ms-office-2010-signed.docx"))
        let otherText = String(decoding: try other.read("_xmlsignatures/sig1.xml"), as: UTF8.self)
        let otherCertificate = try #require(Self.between(otherText, "<X509Certificate>", "</X509Certificate>"))
        let office = try verify(try SignedCorpus.rewrite(Self.office) { parts in
            let text = SignedCorpus.text(parts, "_xmlsignatures/sig1.xml")
            let mine = Self.between(text, "<X509Certificate>", "</X509Certificate>")!
            SignedCorpus.replace(&parts, in: "_xmlsignatures/sig1.xml", mine, with: otherCertificate)
        })
        #expect(office.status == .broken)
        #expect(office.signatureValue == .invalid)
        #expect(office.problems.contains(.keyValueMismatch))
        #expect(office.signer?.commonName == "Frank Cornelis (Signature)")

        // ODF: a certificate of the issuing chain in place of the signer's.
        let chain = TrustAnchors.pemCertificates(String(decoding: try SignedCorpus.bytes("odf/ca-chain.cert.pem"), as: UTF8.self))
        let swapped = Data(chain[0]).base64EncodedString()
        let odf = try verify(try SignedCorpus.rewrite(Self.odf) { parts in
            let text = SignedCorpus.text(parts, "META-INF/documentsignatures.xml")
            let mine = Self.between(text, "<X509Certificate>", "</X509Certificate>")!
            SignedCorpus.replace(&parts, in: "META-INF/documentsignatures.xml", mine, with: swapped)
        })
        #expect(odf.status == .broken)
        #expect(odf.signatureValue == .invalid)
        #expect(odf.problems.contains(.signingCertificateMismatch))
    }

    @Test func centralDirectoryDisagreesWithLocalHeaders() throws {
        var bytes = try SignedCorpus.bytes(Self.odf)
        // The first local header's name ("mimetype") changed; the central directory keeps the old one.
        #expect(Array(bytes[30..<38]) == Array("mimetype".utf8))
        bytes[30] = UInt8(ascii: "M")
        #expect(throws: ReadError.self) { try PackageSignatureVerifier.verify(bytes: bytes) }
        do {
            _ = try PackageSignatureVerifier.verify(bytes: bytes)
        } catch let error as ReadError {
            #expect(error.kind == .damagedZip(.inconsistent))
        }
    }

    @Test func contentTypeChanged() throws {
        // The signed ContentType query must match [Content_Types].xml.
        let signature = try verify(try SignedCorpus.rewrite(Self.office) { parts in
            SignedCorpus.replace(&parts, in: "[Content_Types].xml", "wordprocessingml.styles+xml", with: "wordprocessingml.stylez+xml")
        })
        #expect(signature.status == .broken)
        #expect(signature.references.contains {
            if case .contentTypeMismatch = $0.problem { return true } else { return false }
        })
    }

    static func between(_ text: String, _ open: String, _ close: String) -> String? {
        guard let start = text.range(of: open)?.upperBound, let end = text.range(of: close, range: start..<text.endIndex)?.lowerBound
        else { return nil }
        return String(text[start..<end])
    }
}

@Suite("Signature pieces")
struct SignaturePieceTests {
    @Test func relationshipTransform() throws {
        let rels = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rId2" Type="t2" Target="b.xml"/>
          <Relationship Id="rId10" Type="t1" Target="http://x/?a&amp;b" TargetMode="External"/>
          <Relationship Id="rId1" Type="t1" Target="a.xml"/>
        </Relationships>
        """
        let selectors = try XMLDOMDocument(bytes: Array("""
        <Transform xmlns:mdssi="http://schemas.openxmlformats.org/package/2006/digital-signature"><mdssi:RelationshipReference SourceId="rId2"/><mdssi:RelationshipsGroupReference SourceType="t1"/></Transform>
        """.utf8), part: "t")
        let output = try RelationshipTransform.apply(Array(rels.utf8), selectors: selectors.root!, part: "r", limits: .default)
        let canonical = try XMLDOMDocument(bytes: output, part: "r").canonical()
        #expect(String(decoding: canonical, as: UTF8.self) == """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Target="a.xml" TargetMode="Internal" Type="t1"></Relationship>\
        <Relationship Id="rId10" Target="http://x/?a&amp;b" TargetMode="External" Type="t1"></Relationship>\
        <Relationship Id="rId2" Target="b.xml" TargetMode="Internal" Type="t2"></Relationship>\
        </Relationships>
        """)
    }

    @Test func subtreeCanonicalizationKeepsInheritedNamespaces() throws {
        let document = try XMLDOMDocument(bytes: Array("""
        <a:root xmlns:a="urn:a" xmlns="urn:d"><a:x Id="one"><y b="2" a="1"/></a:x></a:root>
        """.utf8), part: "t")
        let node = document.elements(withID: "one")[0]
        #expect(String(decoding: try document.canonical(node), as: UTF8.self)
            == "<a:x xmlns=\"urn:d\" xmlns:a=\"urn:a\" Id=\"one\"><y a=\"1\" b=\"2\"></y></a:x>")
    }

    @Test func doctypeRefused() {
        #expect(throws: ReadError.self) {
            _ = try XMLDOMDocument(bytes: Array("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>".utf8), part: "t")
        }
    }

    @Test func rawRSAAcceptsBothDigestInfoForms() {
        // A toy key (n = 3233 is far too small for PKCS#1); the check is on the DigestInfo forms.
        let prefixes = DigestAlgorithm.sha1.digestInfoPrefixes
        #expect(prefixes.withNull.count == 15)
        #expect(prefixes.withoutNull.count == 13)
        #expect(prefixes.withNull.prefix(2) == [0x30, 0x21])
        #expect(prefixes.withoutNull.prefix(2) == [0x30, 0x1F])
    }

    @Test func signingTimes() {
        #expect(DutchTime.parse("2009-08-21T09:46:20Z", zone: DutchTime.utc).map { DutchTime.iso($0.date, in: DutchTime.utc) } == "2009-08-21T09:46:20Z")
        #expect(DutchTime.parse("2018-08-31T22:38:51.034635578", zone: DutchTime.utc)?.hasOffset == false)
        #expect(DutchTime.parse("2012-12-13T15:54:03+01:00", zone: DutchTime.utc).map { DutchTime.iso($0.date, in: DutchTime.utc) } == "2012-12-13T14:54:03Z")
        #expect(DutchTime.parse("yesterday", zone: DutchTime.utc) == nil)
    }

    @Test func kvkFromOrganizationIdentifier() {
        #expect(XMLSignatureVerifier.decimal([0x10, 0x00]) == "4096")
    }
}
