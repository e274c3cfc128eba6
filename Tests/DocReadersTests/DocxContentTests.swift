import DocModel
import Testing
import PackageIO

@Suite struct DocxContentControlTests {
    @Test func blockRunAndCheckboxControlsKeepTagAliasAndPlaceholderState() throws {
        let body = """
            <w:sdt><w:sdtPr><w:alias w:val="Naam organisatie"/><w:tag w:val="naam"/><w:showingPlcHdr/><w:text/></w:sdtPr>
            <w:sdtContent>\(TestDocx.paragraph("Klik hier om tekst in te voeren."))</w:sdtContent></w:sdt>
            <w:p><w:r><w:t xml:space="preserve">KvK-nummer: </w:t></w:r>
            <w:sdt><w:sdtPr><w:tag w:val="kvk"/><w:text/></w:sdtPr><w:sdtContent><w:r><w:t>12345678</w:t></w:r></w:sdtContent></w:sdt>
            <w:sdt><w:sdtPr><w:tag w:val="akkoord"/><w14:checkbox><w14:checked w14:val="1"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:t>☒</w:t></w:r></w:sdtContent></w:sdt></w:p>
            """
        let document = try TestDocx(body: body).read()
        guard case .contentControl(let block) = document.body[0] else { Issue.record("no block control"); return }
        #expect(block.properties == ContentControlProperties(tag: "naam", alias: "Naam organisatie", kind: .plainText, showingPlaceholder: true))
        guard case .paragraph(let paragraph) = document.body[1] else { Issue.record("no paragraph"); return }
        #expect(paragraph.text == "KvK-nummer: 12345678☒")
        guard case .contentControl(let kvk) = paragraph.inlines[1], case .contentControl(let box) = paragraph.inlines[2] else {
            Issue.record("no inline controls"); return
        }
        #expect(kvk.properties.tag == "kvk" && !kvk.properties.showingPlaceholder)
        #expect(box.properties.kind == .checkbox && box.properties.isChecked == true)
        let flags = DocumentFlags(document: document)
        #expect(flags.contentControls == 3 && flags.placeholdersShowing == 1)
    }
}

@Suite struct DocxFieldTests {
    @Test func complexFieldsShowTheirResultNotTheInstruction() throws {
        let body = """
            <w:p><w:r><w:t xml:space="preserve">Pagina </w:t></w:r>
            <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PA</w:instrText></w:r>
            <w:r><w:instrText>GE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>
            <w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>
            <w:r><w:t xml:space="preserve"> en </w:t></w:r><w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>9</w:t></w:r></w:fldSimple></w:p>
            <w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> IF 1 = 1 "</w:instrText></w:r>
            <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> MERGEFIELD naam </w:instrText></w:r>
            <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>«naam»</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>
            <w:r><w:instrText>"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Zorg BV</w:t></w:r>
            <w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
            """
        let document = try TestDocx(body: body).read()
        #expect(document.body.plainText == "Pagina 3 en 9\nZorg BV")
        guard case .paragraph(let first) = document.body[0], case .field(let page) = first.inlines[1] else {
            Issue.record("no field"); return
        }
        #expect(page.instruction == "PAGE" && page.kind == "PAGE" && page.result.plainText == "3")
        guard case .paragraph(let second) = document.body[1], case .field(let outer) = second.inlines[0] else {
            Issue.record("no outer field"); return
        }
        #expect(outer.kind == "IF")
        #expect(outer.result.plainText == "Zorg BV")
    }

    @Test func aFieldSpanningParagraphsShowsItsResultInEach() throws {
        let body = """
            <w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>TOC \\o "1-3"</w:instrText></w:r>
            <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1 Inleiding</w:t></w:r></w:p>
            <w:p><w:r><w:t>2 Planning</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
            \(TestDocx.paragraph("Daarna gewone tekst"))
            """
        let document = try TestDocx(body: body).read()
        #expect(document.body.plainText == "1 Inleiding\n2 Planning\nDaarna gewone tekst")
        for index in 0..<2 {
            guard case .paragraph(let paragraph) = document.body[index], case .field(let field) = paragraph.inlines.first else {
                Issue.record("paragraph \(index) has no TOC field"); continue
            }
            #expect(field.kind == "TOC")
        }
        try #require(document.body.count > 2)
        let after = try #require({ () -> Paragraph? in if case .paragraph(let after) = document.body[2] { after } else { nil } }())
        #expect(after.inlines.count == 1)
    }
}

@Suite struct DocxInlineTests {
    @Test func linksNotesCommentsAndImages() throws {
        var docx = TestDocx(body: """
            <w:p><w:hyperlink r:id="rIdLink"><w:r><w:t>TenderNed</w:t></w:r></w:hyperlink><w:r><w:t xml:space="preserve"> en </w:t></w:r>
            <w:hyperlink w:anchor="_Toc1"><w:r><w:t>hoofdstuk 2</w:t></w:r></w:hyperlink>
            <w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:endnoteReference w:id="2"/></w:r>
            <w:commentRangeStart w:id="0"/><w:r><w:t xml:space="preserve"> tekst</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>
            <w:r><w:drawing><wp:inline><wp:docPr id="1" name="Logo" descr="Logo van de regio"/><a:graphic><a:graphicData>
            <pic:pic><pic:blipFill><a:blip r:embed="rIdImg"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>
            """)
        docx.relationships = [("rIdLink", "hyperlink", "https://www.tenderned.nl/", true), ("rIdImg", "image", "media/logo.png", false)]
        docx.footnotes = TestDocx.part("footnotes", """
            <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
            <w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Zie de Nota van Inlichtingen.</w:t></w:r></w:p></w:footnote>
            """)
        docx.endnotes = TestDocx.part("endnotes", "<w:endnote w:id=\"2\"><w:p><w:r><w:t>Eindnoot</w:t></w:r></w:p></w:endnote>")
        docx.comments = TestDocx.part("comments", "<w:comment w:id=\"0\" w:author=\"J. Jansen\" w:date=\"2026-03-01T10:00:00Z\"><w:p><w:r><w:t>Klopt dit?</w:t></w:r></w:p></w:comment>")
        docx.extraParts = [("word/media/logo.png", [0x89, 0x50, 0x4E, 0x47])]
        let document = try docx.read()
        guard case .paragraph(let paragraph) = document.body[0] else { Issue.record("no paragraph"); return }
        #expect(paragraph.inlines.contains(.link(Link(target: "https://www.tenderned.nl/", inlines: [.text(TextRun("TenderNed"))]))))
        #expect(paragraph.inlines.contains(.link(Link(anchor: "_Toc1", inlines: [.text(TextRun("hoofdstuk 2"))]))))
        #expect(paragraph.inlines.contains(.image(Image(name: "Logo", altText: "Logo van de regio", target: "word/media/logo.png"))))
        #expect(paragraph.inlines.contains(.commentReference(id: "0")))
        #expect(document.notes.map(\.id) == ["1", "2"])
        #expect(document.notes[0].blocks.plainText == " Zie de Nota van Inlichtingen.")
        #expect(document.comments == [Comment(id: "0", author: "J. Jansen", date: "2026-03-01T10:00:00Z",
                                              blocks: [.paragraph(Paragraph(inlines: [.text(TextRun("Klopt dit?"))]))])])
        // Words: 5 in the paragraph + 5 footnote + 1 endnote; comments do not count.
        #expect(Outline(document: document).totalWords == 11)
        // A hyperlink to a web page is not an external reference worth a flag.
        #expect(DocumentFlags(document: document).raised == ["comments"])
    }

    @Test func trackedChangesHiddenTextAndFormatting() throws {
        // The fixture's styles part has the character style "Verborgen" (hidden, bold).
        let document = try TestDocx.fixture("docx-tracked-changes-hidden-text-and-formatting").read()
        #expect(document.body.plainText == "Wij leveren drie nieuw klaar.")
        let flags = DocumentFlags(document: document)
        #expect(flags.trackedChanges == 5)
        #expect(flags.hiddenText == 2)
    }

    @Test func wrappersAreLookedThroughAndAlternateContentIsReadOnce() throws {
        let document = try TestDocx.fixture("docx-wrappers-are-looked-through-and-alternate-content-is-read-once").read()
        #expect(Outline(document: document).totalWords == 7)
    }
}

@Suite struct DocxPackageTests {
    @Test func documentPropertiesAsTheEditorSavedThem() throws {
        var docx = TestDocx(body: TestDocx.paragraph("tekst"))
        docx.core = """
            <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">
            <dc:title>Bekwaamheidsdossier</dc:title><dc:creator>Zorg BV</dc:creator><cp:lastModifiedBy>Andere Organisatie</cp:lastModifiedBy>
            <dcterms:created>2026-03-01T09:00:00Z</dcterms:created><dcterms:modified>2026-03-02T09:00:00Z</dcterms:modified><cp:revision>4</cp:revision></cp:coreProperties>
            """
        docx.app = """
            <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Office Word</Application>
            <Pages>12</Pages><Words>3456</Words><Characters>20000</Characters><Company>Zorg BV</Company><Template>Normal.dotm</Template></Properties>
            """
        let metadata = try docx.read().metadata
        #expect(metadata.title == "Bekwaamheidsdossier")
        #expect(metadata.creator == "Zorg BV" && metadata.lastModifiedBy == "Andere Organisatie")
        #expect(metadata.created == "2026-03-01T09:00:00Z" && metadata.revision == "4")
        #expect(metadata.pages == 12 && metadata.words == 3456 && metadata.characters == 20000)
        #expect(metadata.application == "Microsoft Office Word" && metadata.company == "Zorg BV" && metadata.template == "Normal.dotm")
    }

    @Test func macrosEmbeddedFilesExternalTemplatesAndSignaturesAreFacts() throws {
        var docx = TestDocx(body: TestDocx.paragraph("tekst"))
        docx.relationships = [("rIdOle", "oleObject", "embeddings/oleObject1.bin", false),
                              ("rIdImg", "image", "file:///C:/plaatjes/logo.png", true)]
        docx.extraParts = [
            ("word/vbaProject.bin", [1, 2, 3]), ("word/embeddings/oleObject1.bin", [4, 5]),
            ("_xmlsignatures/origin.sigs", []), ("_xmlsignatures/sig1.xml", Array("<Signature/>".utf8)),
            ("word/settings.xml", Array(TestDocx.part("settings", "<w:attachedTemplate r:id=\"rIdT\"/>").utf8)),
        ]
        docx.extraRelsParts = [("word/_rels/settings.xml.rels", "<Relationship Id=\"rIdT\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate\" Target=\"file:///S:/sjablonen/Huisstijl.dotm\" TargetMode=\"External\"/>")]
        let document = try docx.read()
        let facts = document.package
        #expect(facts.macroParts == ["word/vbaProject.bin"])
        #expect(facts.embeddedObjects == ["word/embeddings/oleObject1.bin"])
        #expect(facts.signatureParts == ["_xmlsignatures/origin.sigs", "_xmlsignatures/sig1.xml"])
        #expect(facts.attachedTemplate == "file:///S:/sjablonen/Huisstijl.dotm")
        let flags = DocumentFlags(document: document)
        #expect(flags.raised == ["macros", "externalReferences", "embeddedObjects", "signatures"])
        #expect(Set(flags.externalReferences) == ["file:///C:/plaatjes/logo.png", "file:///S:/sjablonen/Huisstijl.dotm"])
    }
}
