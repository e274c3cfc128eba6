import DocModel
import Testing
import PackageIO
import DocReaders

@Suite struct XMLLayerTests {
    struct Collector: XMLStreamHandler {
        var events: [String] = []
        mutating func startElement(_ name: XMLName, attributes: [XMLAttribute], line: Int) throws { events.append("<\(name.local)@\(line)") }
        mutating func endElement() throws { events.append(">") }
        mutating func text(_ text: String) throws { events.append(text) }
    }

    func kind(_ xml: [UInt8], limits: ReadLimits = .default) -> ReadError.Kind? {
        do {
            _ = try XMLElement.parse(xml, part: "word/document.xml", limits: limits)
            return nil
        } catch let error as ReadError {
            #expect(error.part == "word/document.xml")
            return error.kind
        } catch {
            return nil
        }
    }

    @Test func doctypeIsRefusedBeforeParsingInUTF8AndUTF16() {
        let laughs = """
            <?xml version="1.0"?><!-- a comment first --><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
            <lolz>&lol2;</lolz>
            """
        #expect(kind(Array(laughs.utf8)) == .xmlDTDForbidden)
        let external = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in external.utf16 { utf16.append(UInt8(unit & 0xFF)); utf16.append(UInt8(unit >> 8)) }
        #expect(kind(utf16) == .xmlDTDForbidden)
    }

    @Test func malformedXMLNamesTheLine() {
        guard case .xmlMalformed(let line, _)? = kind(Array("<a>\n<b>\n</a>".utf8)) else {
            Issue.record("no malformed error"); return
        }
        #expect(line == 3)
        #expect(kind([]) == .xmlMalformed(line: 1, detail: "empty part"))
    }

    @Test func depthAndNodeCountAreBounded() {
        let deep = String(repeating: "<a>", count: 20_000) + String(repeating: "</a>", count: 20_000)
        guard let depthKind = kind(Array(deep.utf8)) else { Issue.record("20,000 levels accepted"); return }
        switch depthKind {
        case .xmlTooDeep, .xmlMalformed: break  // our limit or libxml2's own, whichever fires first
        default: Issue.record("unexpected \(depthKind)")
        }
        var limits = ReadLimits()
        limits.maxXMLNodes = 1000
        let wide = "<r>" + String(repeating: "<a/>", count: 1001) + "</r>"
        #expect(kind(Array(wide.utf8), limits: limits) == .xmlTooManyNodes(limit: 1000))
        limits.maxXMLDepth = 5
        #expect(kind(Array("<a><b><c><d><e><f/></e></d></c></b></a>".utf8), limits: limits) == .xmlTooDeep(limit: 5))
    }

    @Test func streamsElementsTextAndLinesWithStrictNamespacesMapped() throws {
        var collector = Collector()
        let xml = "<w:document xmlns:w=\"http://purl.oclc.org/ooxml/wordprocessingml/main\">\n<w:t>a &amp; b</w:t><![CDATA[c]]></w:document>"
        try XMLStream.parse(Array(xml.utf8), part: "p", into: &collector)
        #expect(collector.events == ["<document@1", "\n", "<t@2", "a & b", ">", "c", ">"])
        let root = try XMLElement.parse(Array(xml.utf8), part: "p")
        #expect(root.is(Namespaces.w, "document"))
    }
}

@Suite struct DetectionTests {
    func kind(_ bytes: [UInt8]) -> ReadError.Kind? {
        do {
            _ = try DocumentReader.read(bytes: bytes)
            return nil
        } catch let error as ReadError {
            return error.kind
        } catch {
            return nil
        }
    }

    static func compoundFile(with name: String) -> [UInt8] {
        var bytes: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504)
        for unit in name.utf16 { bytes.append(UInt8(unit & 0xFF)); bytes.append(UInt8(unit >> 8)) }
        return bytes + Array(repeating: 0, count: 64)
    }

    @Test func refusesEncryptedOfficeFilesWord97AndNonDocuments() {
        #expect(kind(Self.compoundFile(with: "EncryptionInfo")) == .encryptedOffice)
        #expect(kind(Self.compoundFile(with: "WordDocument")) == .legacyWordBinary)
        #expect(kind(Self.compoundFile(with: "Workbook")) == .otherCompoundFile)
        #expect(kind(Array("Dit is gewoon tekst.".utf8)) == .notAPackage)
        #expect(kind(Array("<html><body>geen ODF</body></html>".utf8)) == .notAPackage)
    }

    @Test func refusesSpreadsheetsPresentationsAndPackagesWithoutADocument() throws {
        var workbook = TestDocx(body: "")
        workbook.mainPart = "xl/workbook.xml"
        workbook.mainContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
        #expect(kind(try workbook.bytes()) == .unsupportedDocumentKind("spreadsheet"))
        var slides = TestDocx(body: "")
        slides.mainPart = "ppt/presentation.xml"
        slides.mainContentType = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
        #expect(kind(try slides.bytes()) == .unsupportedDocumentKind("presentation"))
        var writer = ZipWriter()
        writer.add(name: "readme.txt", bytes: Array("hallo".utf8))
        #expect(kind(try writer.finish()) == .unknownPackage)
        var calc = ZipWriter()
        calc.add(name: "mimetype", bytes: Array("application/vnd.oasis.opendocument.spreadsheet".utf8), compressed: false)
        calc.add(name: "content.xml", bytes: Array("<x/>".utf8))
        #expect(kind(try calc.finish()) == .unsupportedDocumentKind("spreadsheet"))
        var odd = ZipWriter()
        odd.add(name: "mimetype", bytes: Array("text/plain".utf8), compressed: false)
        #expect(kind(try odd.finish()) == .wrongMimetype("text/plain"))
    }

    @Test func errorMessagesAreOneLineInDutchAndEnglish() {
        let error = ReadError(.compressionRatio(limit: 100), part: "word/document.xml")
        #expect(error.message(in: .nl) == "word/document.xml: onderdeel is verdacht sterk gecomprimeerd (meer dan 100:1), mogelijk een zip-bom")
        #expect(error.message(in: .en) == "word/document.xml: entry is compressed suspiciously well (over 100:1), possibly a zip bomb")
        #expect(!ReadError(.xmlMalformed(line: 3, detail: "x")).message(in: .nl).contains("\n"))
    }
}

@Suite struct OPCTests {
    @Test func resolvesTargetsAndDropsThoseOutsideThePackage() {
        #expect(OPC.resolve("styles.xml", from: "word/document.xml") == "word/styles.xml")
        #expect(OPC.resolve("../customXml/item1.xml", from: "word/document.xml") == "customXml/item1.xml")
        #expect(OPC.resolve("/word/media/image%201.png", from: "word/document.xml") == "word/media/image 1.png")
        #expect(OPC.resolve("word/document.xml", from: "") == "word/document.xml")
        #expect(OPC.resolve("../../etc/passwd", from: "word/document.xml") == nil)
        #expect(OPC.relationshipsPart(for: "word/document.xml") == "word/_rels/document.xml.rels")
        #expect(OPC.relationshipsPart(for: "") == "_rels/.rels")
    }

    @Test func aRelationshipPointingAtItselfOrOutsideIsIgnored() throws {
        var docx = TestDocx(body: TestDocx.paragraph("tekst"))
        docx.relationships = [("rIdSelf", "styles", "_rels/document.xml.rels", false), ("rIdOut", "numbering", "../../../numbering.xml", false)]
        let document = try docx.read()
        #expect(document.body.plainText == "tekst")
    }
}
