import DocModel
import Testing
import PackageIO
import DocReaders

/// Writes a zip with stored (uncompressed) entries, for small package tests.
enum StoredZip {
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc >> 1) ^ (crc & 1 == 1 ? 0xEDB8_8320 : 0) }
        }
        return ~crc
    }

    static func make(_ entries: [(String, String)]) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        func le16(_ v: Int, _ a: inout [UInt8]) { a += [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
        func le32(_ v: UInt32, _ a: inout [UInt8]) { for i in 0..<4 { a.append(UInt8((v >> (8 * UInt32(i))) & 0xFF)) } }
        for (name, text) in entries {
            let data = Array(text.utf8), nameBytes = Array(name.utf8), crc = crc32(data)
            let offset = UInt32(out.count)
            le32(0x0403_4B50, &out); le16(20, &out); le16(0, &out); le16(0, &out); le16(0, &out); le16(0, &out)
            le32(crc, &out); le32(UInt32(data.count), &out); le32(UInt32(data.count), &out)
            le16(nameBytes.count, &out); le16(0, &out); out += nameBytes; out += data
            le32(0x0201_4B50, &central); le16(20, &central); le16(20, &central); le16(0, &central); le16(0, &central)
            le16(0, &central); le16(0, &central); le32(crc, &central); le32(UInt32(data.count), &central)
            le32(UInt32(data.count), &central); le16(nameBytes.count, &central); le16(0, &central); le16(0, &central)
            le16(0, &central); le16(0, &central); le32(0, &central); le32(offset, &central); central += nameBytes
        }
        let centralOffset = UInt32(out.count)
        out += central
        le32(0x0605_4B50, &out); le16(0, &out); le16(0, &out); le16(entries.count, &out); le16(entries.count, &out)
        le32(UInt32(central.count), &out); le32(centralOffset, &out); le16(0, &out)
        return out
    }
}

@Suite struct ODTPackageTests {
    static let manifest = """
        <?xml version="1.0" encoding="UTF-8"?>
        <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
         <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
         <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
         <manifest:file-entry manifest:full-path="Object 1/" manifest:media-type="application/vnd.oasis.opendocument.chart"/>
         <manifest:file-entry manifest:full-path="Object 1/content.xml" manifest:media-type="text/xml"/>
        </manifest:manifest>
        """

    static let content = """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-content \(FlatODT.namespaces)><office:body><office:text>\
        <text:h text:outline-level="2">Packaged</text:h><text:p>See <text:a xlink:href="mailto:a@b.nl">mail</text:a>\
        <draw:frame draw:name="C"><draw:object xlink:href="./Object 1"/></draw:frame></text:p></office:text></office:body></office:document-content>
        """

    @Test func packagedDocumentAndFacts() throws {
        let zip = StoredZip.make([
            ("mimetype", "application/vnd.oasis.opendocument.text"),
            ("content.xml", Self.content),
            ("META-INF/manifest.xml", Self.manifest),
            ("Object 1/content.xml", "<x/>"),
            ("Basic/Standard/Module1.xml", "<module/>"),
            ("META-INF/documentsignatures.xml", "<sig/>"),
        ])
        let document = try DocumentReader.read(bytes: zip)
        #expect(document.format == .odt)
        #expect(FlatODT.dump(document).hasPrefix("Heading 2\n  Text \"Packaged\"\n"))
        let facts = document.package
        #expect(facts.parts.first { $0.name == "content.xml" }?.contentType == "text/xml")
        #expect(facts.parts.count == 6)
        #expect(facts.macroParts == ["Basic/Standard/Module1.xml"])
        #expect(facts.embeddedObjects == ["Object 1"])
        #expect(facts.signatureParts == ["META-INF/documentsignatures.xml"])
        #expect(facts.externalRelationships == [.init(source: "content.xml", type: "hyperlink", target: "mailto:a@b.nl")])
        #expect(DocumentFlags(document: document).raised == ["macros", "embeddedObjects", "signatures"])
    }

    @Test func missingContentIsAMissingPart() throws {
        let zip = StoredZip.make([
            ("mimetype", "application/vnd.oasis.opendocument.text"),
            ("META-INF/manifest.xml", Self.manifest),
        ])
        #expect(throws: ReadError(.missingPart, part: "content.xml")) { try DocumentReader.read(bytes: zip) }
    }

    @Test func malformedContentThrows() throws {
        let zip = StoredZip.make([
            ("mimetype", "application/vnd.oasis.opendocument.text"),
            ("content.xml", "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"><broken>"),
        ])
        #expect(throws: ReadError.self) { try DocumentReader.read(bytes: zip) }
    }
}
