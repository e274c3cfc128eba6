import TestSupport
import Foundation
import DocModel
import Testing
@testable import PackageIO
@testable import PackageSignatures

/// Small unsigned packages: the pandoc corpus files when present, else built here.
enum UnsignedSamples {
    static let corpus = SignedCorpus.projectRoot + "/../shared/corpus"

    static func docx() throws -> [UInt8] {
        let path = corpus + "/docx/pandoc/headers.docx"
        if FileManager.default.fileExists(atPath: path) { return Array(try Data(contentsOf: URL(fileURLWithPath: path))) }
        var writer = ZipWriter()
        writer.add(name: "[Content_Types].xml", bytes: Array("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
            """.utf8))
        writer.add(name: "_rels/.rels", bytes: Array("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
            """.utf8))
        writer.add(name: "word/document.xml", bytes: Array("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Offerte</w:t></w:r></w:p></w:body></w:document>
            """.utf8))
        return try writer.finish()
    }

    static func odt() throws -> [UInt8] {
        let path = corpus + "/odt/pandoc/paragraph.odt"
        if FileManager.default.fileExists(atPath: path) { return Array(try Data(contentsOf: URL(fileURLWithPath: path))) }
        var writer = ZipWriter()
        writer.add(name: "mimetype", bytes: Array("application/vnd.oasis.opendocument.text".utf8), compressed: false)
        writer.add(name: "META-INF/manifest.xml", bytes: Array("""
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
             <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
             <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
            </manifest:manifest>
            """.utf8))
        writer.add(name: "content.xml", bytes: Array("""
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:text><text:p>Offerte</text:p></office:text></office:body></office:document-content>
            """.utf8))
        return try writer.finish()
    }
}

@Suite("Signing")
struct SigningTests {
    static let pki: TestPKI? = try? TestPKI()

    func pki() throws -> TestPKI { try #require(Self.pki) }

    func identity(_ party: TestPKI.Party) throws -> SigningIdentity {
        try SigningIdentity(privateKeyPEM: party.keyPEM, certificatePEM: party.certificatePEM)
    }

    func anchors(_ pem: String) throws -> TrustAnchors {
        let folder = try TestPKI.temporaryFolder()
        let path = folder + "/ca.pem"
        try TestPKI.write(pem, path)
        return try TrustAnchors(path: path)
    }

    /// Verification with trust from Swift concurrency: the async form (the blocking one would
    /// starve the cooperative pool when tests run in parallel).
    func verified(_ bytes: [UInt8], trust: TrustAnchors) async throws -> SignatureVerificationReport {
        let path = try TestPKI.temporaryFolder() + "/signed.zip"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return try await PackageSignatureVerifier.verify(path: path, trust: trust)
    }

    static let documents: [String] = ["docx", "odt"]

    func document(_ kind: String) throws -> [UInt8] {
        kind == "docx" ? try UnsignedSamples.docx() : try UnsignedSamples.odt()
    }

    @Test(arguments: documents)
    func signedIsValidCoversEverythingAndTrusted(_ kind: String) async throws {
        let pki = try pki()
        let signed = try PackageSigner.sign(bytes: try document(kind), identity: try identity(pki.party), signingTime: TestPKI.signingTime)
        let report = try await verified(signed, trust: try anchors(pki.caPEM))
        #expect(report.format == (kind == "docx" ? .ooxml : .odf))
        try #require(report.signatures.count == 1)
        let signature = report.signatures[0]
        #expect(signature.status == .valid, "\(signature.problems) \(signature.references.filter { !$0.valid })")
        #expect(signature.problems.isEmpty)
        #expect(signature.signatureValue == .valid)
        #expect(signature.references.allSatisfy { $0.valid })
        #expect(signature.uncoveredParts.isEmpty)
        #expect(signature.signatureMethod == "ECDSA-SHA-256")
        #expect(signature.weakAlgorithms.isEmpty)
        #expect(signature.notes.isEmpty, "\(signature.notes)")
        #expect(signature.signingTime == "2026-01-15T10:00:00Z")
        #expect(signature.signer?.commonName == "Jan de Vries")
        #expect(signature.signer?.organization == "Bouwbedrijf De Vries B.V.")
        #expect(signature.signer?.organizationIdentifier == "NTRNL-12345678")
        #expect(signature.signer?.kvkNumber == "12345678")
        #expect(signature.trust.state == .trusted, "\(signature.trust)")
        #expect(signature.trust.validatedAt == "2026-01-15T10:00:00Z")

        // Every part of the original package is covered by a reference.
        let original = try ZipArchive(bytes: try document(kind))
        let covered = Set(signature.references.compactMap(\.part))
        for entry in original.entries where !entry.isDirectory && entry.name != "[Content_Types].xml" {
            #expect(covered.contains(entry.name), "\(entry.name) not signed")
        }
        if kind == "docx" {
            #expect(signature.unsignedByConvention.sorted() == ["[Content_Types].xml", "_xmlsignatures/_rels/origin.sigs.rels",
                                                               "_xmlsignatures/origin.sigs", "_xmlsignatures/sig1.xml"])
        }
    }

    @Test(arguments: documents)
    func rsaSignatureIsValid(_ kind: String) async throws {
        let pki = try pki()
        let signed = try PackageSigner.sign(bytes: try document(kind), identity: try identity(pki.rsaParty), signingTime: TestPKI.signingTime)
        let report = try await verified(signed, trust: try anchors(pki.caPEM))
        let signature = try #require(report.signatures.first)
        #expect(signature.status == .valid, "\(signature.problems)")
        #expect(signature.signatureValue == .valid)
        #expect(signature.signatureMethod == "RSA-SHA-256")
        #expect(signature.signer?.kvkNumber == "55667788")
        #expect(signature.trust.trusted)
        // RSA PKCS#1 v1.5 is deterministic: same input, same output.
        let again = try PackageSigner.sign(bytes: try document(kind), identity: try identity(pki.rsaParty), signingTime: TestPKI.signingTime)
        #expect(again == signed)
    }

    @Test(arguments: documents)
    func otherCAIsUntrusted(_ kind: String) async throws {
        let pki = try pki()
        let signed = try PackageSigner.sign(bytes: try document(kind), identity: try identity(pki.stranger), signingTime: TestPKI.signingTime)
        let signature = try #require(try await verified(signed, trust: try anchors(pki.caPEM)).signatures.first)
        #expect(signature.status == .valid)
        #expect(signature.trust.state == .untrusted)
        // ... and trusted with its own CA.
        let own = try #require(try await verified(signed, trust: try anchors(pki.otherCAPEM)).signatures.first)
        #expect(own.trust.trusted)
    }

    @Test(arguments: documents)
    func expiredCertificateAtClaimedTime(_ kind: String) async throws {
        let pki = try pki()
        let signed = try PackageSigner.sign(bytes: try document(kind), identity: try identity(pki.expired), signingTime: TestPKI.signingTime)
        let signature = try #require(try await verified(signed, trust: try anchors(pki.caPEM)).signatures.first)
        // The signature itself holds; the certificate had expired at the claimed signing time.
        #expect(signature.signatureValue == .valid)
        #expect(signature.notes.contains(.signingTimeOutsideValidity))
        #expect(signature.trust.state == .untrusted)
        #expect(signature.trust.validatedAt == "2026-01-15T10:00:00Z")
        #expect((signature.trust.detail ?? "").lowercased().contains("expired"), "\(signature.trust.detail ?? "")")
        // Claimed within its validity, the same certificate chains.
        let early = try PackageSigner.sign(bytes: try document(kind), identity: try identity(pki.expired), signingTime: TestPKI.date(2021, 6, 1))
        let earlier = try #require(try await verified(early, trust: try anchors(pki.caPEM)).signatures.first)
        #expect(earlier.trust.trusted)
        #expect(!earlier.notes.contains(.signingTimeOutsideValidity))
    }

    /// Rewrites a signed package: `edit` changes its parts.
    func tamper(_ bytes: [UInt8], _ edit: (inout [(name: String, bytes: [UInt8])]) throws -> Void) throws -> [UInt8] {
        let archive = try ZipArchive(bytes: bytes)
        var parts: [(name: String, bytes: [UInt8])] = []
        for entry in archive.entries where !entry.isDirectory { parts.append((entry.name, try archive.read(entry))) }
        try edit(&parts)
        var writer = ZipWriter()
        for part in parts { writer.add(name: part.name, bytes: part.bytes, compressed: part.name != "mimetype") }
        return try writer.finish()
    }

    @Test(arguments: documents)
    func tamperingIsDetected(_ kind: String) throws {
        let pki = try pki()
        let signed = try PackageSigner.sign(bytes: try document(kind), identity: try identity(pki.party), signingTime: TestPKI.signingTime)
        let main = kind == "docx" ? "word/document.xml" : "content.xml"
        // A changed part.
        let changed = try tamper(signed) { parts in
            let index = try #require(parts.firstIndex { $0.name == main })
            let (end, insert) = kind == "docx" ? ("</w:body>", "<w:p/>") : ("</office:text>", "<text:p>X</text:p>")
            let text = String(decoding: parts[index].bytes, as: UTF8.self)
            #expect(text.contains(end))
            parts[index].bytes = Array(text.replacingOccurrences(of: end, with: insert + end).utf8)
        }
        let broken = try #require(try PackageSignatureVerifier.verify(bytes: changed).signatures.first)
        #expect(broken.status == .broken)
        #expect(broken.references.contains { $0.part == main && !$0.valid })
        // An added part.
        let added = try tamper(signed) { $0.append(("extra.bin", [1, 2, 3])) }
        let partial = try #require(try PackageSignatureVerifier.verify(bytes: added).signatures.first)
        #expect(partial.status == .partial)
        #expect(partial.uncoveredParts == ["extra.bin"])
        // A changed signing time (inside the signed properties).
        let signaturePart = kind == "docx" ? "_xmlsignatures/sig1.xml" : "META-INF/documentsignatures.xml"
        let retimed = try tamper(signed) { parts in
            let index = try #require(parts.firstIndex { $0.name == signaturePart })
            parts[index].bytes = Array(String(decoding: parts[index].bytes, as: UTF8.self)
                .replacingOccurrences(of: "2026-01-15T10:00:00Z", with: "2021-01-15T10:00:00Z").utf8)
        }
        #expect(try PackageSignatureVerifier.verify(bytes: retimed).signatures.first?.status == .broken)
    }

    @Test func refusesAlreadySignedAndMismatchedKey() throws {
        let pki = try pki()
        let signed = try PackageSigner.sign(bytes: try UnsignedSamples.docx(), identity: try identity(pki.party))
        #expect(throws: SigningError(.alreadySigned)) {
            _ = try PackageSigner.sign(bytes: signed, identity: try identity(pki.party))
        }
        #expect(throws: SigningError(.keyDoesNotMatchCertificate)) {
            _ = try SigningIdentity(privateKeyPEM: pki.party.keyPEM, certificatePEM: pki.stranger.certificatePEM)
        }
        #expect(throws: SigningError.self) {
            _ = try SigningIdentity(privateKeyPEM: "not a key", certificatePEM: pki.party.certificatePEM)
        }
    }

    @Test func odfKeepsMimetypeFirstAndStored() throws {
        let pki = try pki()
        let signed = try PackageSigner.sign(bytes: try UnsignedSamples.odt(), identity: try identity(pki.party), signingTime: TestPKI.signingTime)
        let archive = try ZipArchive(bytes: signed)
        #expect(archive.entries.first?.name == "mimetype")
        #expect(archive.entries.first?.isStored == true)
        let manifest = String(decoding: try archive.read("META-INF/manifest.xml"), as: UTF8.self)
        #expect(manifest.contains("full-path=\"META-INF/documentsignatures.xml\""))
    }
}
