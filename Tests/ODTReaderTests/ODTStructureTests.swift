import DocModel
import Testing
import PackageIO

@Suite struct ODTListTests {
    static let listStyles = """
        <text:list-style style:name="Num">
          <text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/>
          <text:list-level-style-number text:level="2" style:num-prefix="(" style:num-suffix=")" style:num-format="a"/>
          <text:list-level-style-number text:level="3" style:num-suffix="." style:num-format="i" text:display-levels="3"/>
        </text:list-style>
        <text:list-style style:name="Outline">
          <text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="I" text:start-value="4"/>
          <text:list-level-style-number text:level="2" style:num-suffix="." style:num-format="1" text:display-levels="2"/>
        </text:list-style>
        <text:list-style style:name="Bul">
          <text:list-level-style-bullet text:level="1" text:bullet-char="•"/>
          <text:list-level-style-bullet text:level="2" text:bullet-char="◦"/>
        </text:list-style>
        <style:style style:name="ListPara" style:family="paragraph" style:list-style-name="Bul"/>
        """
}

@Suite struct ODTTableTests {
    @Test func spansCoveredCellsAndHeaderRows() throws {
        let document = try FlatODT.fixture("odt-spans-covered-cells-and-header-rows")
        let table = try #require(document.body.first.flatMap { block -> Table? in if case .table(let table) = block { table } else { nil } })
        #expect(table.columnCount == 3)
    }

    @Test func hostileRepeatCountsCostNothing() throws {
        let document = try FlatODT.read(body: """
            <table:table>
              <table:table-row table:number-rows-repeated="1000000000"><table:table-cell table:number-columns-repeated="1000000000"/></table:table-row>
              <table:table-row table:number-rows-repeated="99999999999999999999999"><table:table-cell table:number-columns-repeated="-5"><text:p>v</text:p></table:table-cell></table:table-row>
              <table:table-row table:number-rows-repeated="1000000000"><table:table-cell table:number-columns-repeated="1000000000"><text:p>full</text:p></table:table-cell></table:table-row>
            </table:table>
            """)
        guard case .table(let table) = document.body.first else {
            Issue.record("expected a table")
            return
        }
        let cells = table.rows.reduce(0) { $0 + $1.cells.count }
        #expect(cells <= 100_000)
        #expect(table.rows.count <= 1_003)
        #expect(table.rows[0].cells.count <= 2)
        #expect(table.rows.count >= 3)
    }
}

@Suite struct ODTRevisionTests {
    static let changes = """
        <text:tracked-changes>
          <text:changed-region xml:id="ins1" text:id="ins1"><text:insertion><office:change-info><dc:creator>Ann</dc:creator><dc:date>2024-01-01T00:00:00</dc:date></office:change-info></text:insertion></text:changed-region>
          <text:changed-region text:id="del1"><text:deletion><office:change-info><dc:creator>Bob</dc:creator></office:change-info><text:p>gone <text:span>words</text:span></text:p></text:deletion></text:changed-region>
          <text:changed-region text:id="ins2"><text:insertion><office:change-info><dc:creator>Cy</dc:creator></office:change-info></text:insertion></text:changed-region>
          <text:changed-region text:id="fmt"><text:format-change><office:change-info><dc:creator>Dee</dc:creator></office:change-info></text:format-change></text:changed-region>
        </text:tracked-changes>
        """

    @Test func insertionsDeletionsAndFormatChanges() throws {
        let document = try FlatODT.fixture("odt-insertions-deletions-and-format-changes")
        let flags = DocumentFlags(document: document)
        #expect(flags.trackedChanges == 2)
        // Accepted text: "Keep and new bit. styled".
        #expect(Outline(document: document).totalWords == 5)
    }

    @Test func insertionEndingInsideALink() throws {
        let document = try FlatODT.read(body: Self.changes + """
            <text:p>a <text:change-start text:change-id="ins1"/>b <text:a xlink:href="https://x.org">c<text:change-end text:change-id="ins1"/> d</text:a> e</text:p>
            """)
        let paragraph = try #require(document.body.last.flatMap { block -> Paragraph? in if case .paragraph(let paragraph) = block { paragraph } else { nil } })
        // The insertion is closed; the text after the link is no longer inside it.
        #expect(paragraph.inlines.last == .text(TextRun(" e")))
        #expect(DocumentFlags(document: document).trackedChanges == 1)
    }
}

@Suite struct ODTDrawAndFormTests {
    @Test func imagesAndTextBoxes() throws {
        let document = try FlatODT.fixture("odt-images-and-text-boxes")
        let paragraph = try #require(document.body.first.flatMap { block -> Paragraph? in if case .paragraph(let paragraph) = block { paragraph } else { nil } })
        try #require(paragraph.inlines.count > 1)
        let image = try #require({ () -> Image? in if case .image(let image) = paragraph.inlines[1] { image } else { nil } }())
        #expect(image.title == "Logo title")
        #expect(document.package.externalRelationships == [.init(source: "content.xml", type: "image", target: "https://example.org/a.png")])
        #expect(document.package.embeddedObjects == ["Object 1"])
        #expect(Outline(document: document).totalWords == 5)
    }

    @Test func placeholdersInputsAndFormControls() throws {
        let forms = """
            <office:forms><form:form form:name="F">
              <form:checkbox form:name="agree" xml:id="c1" form:id="c1" form:current-state="checked"/>
              <form:checkbox form:name="refuse" form:id="c2"/>
              <form:text form:name="naam" xml:id="c3" form:current-value="Jansen"/>
              <form:listbox form:name="keuze" form:id="c4"><form:option form:label="A"/><form:option form:label="B" form:current-selected="true"/></form:listbox>
              <form:combobox form:name="combo" form:id="c5" form:current-value="typed"/>
              <form:button form:name="knop" form:id="c6"/>
            </form:form></office:forms>
            """
        let document = try FlatODT.fixture("odt-placeholders-inputs-and-form-controls")
        let flags = DocumentFlags(document: document)
        #expect(flags.contentControls == 8)
        #expect(flags.placeholdersShowing == 1)
    }
}

@Suite struct ODTDocumentPartsTests {
    @Test func metadata() throws {
        let document = try FlatODT.read(
            body: "<text:p>x</text:p>",
            meta: """
                <meta:generator>LibreOffice/7.6</meta:generator><dc:title>Offerte</dc:title><dc:subject>Aanbesteding</dc:subject>\
                <dc:description>Beschrijving</dc:description><meta:keyword>een</meta:keyword><meta:keyword>twee</meta:keyword>\
                <meta:initial-creator>Ann</meta:initial-creator><dc:creator>Bob</dc:creator><meta:creation-date>2024-01-01T10:00:00</meta:creation-date>\
                <dc:date>2024-02-01T10:00:00</dc:date><meta:editing-cycles>7</meta:editing-cycles><dc:language>nl-NL</dc:language>\
                <meta:template xlink:type="simple" xlink:href="../Templates/Tender.ott" xlink:title="Tender"/>\
                <meta:document-statistic meta:page-count="3" meta:word-count="1200" meta:character-count="8000" meta:paragraph-count="40"/>\
                <meta:user-defined meta:name="Kenmerk" meta:value-type="string">2024-17</meta:user-defined>
                """)
        let m = document.metadata
        #expect(m.title == "Offerte")
        #expect(m.subject == "Aanbesteding")
        #expect(m.description == "Beschrijving")
        #expect(m.keywords == "een, twee")
        #expect(m.creator == "Ann")
        #expect(m.lastModifiedBy == "Bob")
        #expect(m.created == "2024-01-01T10:00:00")
        #expect(m.modified == "2024-02-01T10:00:00")
        #expect(m.revision == "7")
        #expect(m.language == "nl-NL")
        #expect(m.application == "LibreOffice/7.6")
        #expect(m.template == "Tender")
        #expect(m.pages == 3 && m.words == 1200 && m.characters == 8000 && m.paragraphs == 40)
        #expect(m.custom == [.init(name: "Kenmerk", value: "2024-17")])
        #expect(document.package.attachedTemplate == "../Templates/Tender.ott")
        #expect(DocumentFlags(document: document).externalReferences == ["../Templates/Tender.ott"])
    }

    @Test func headersAndFooters() throws {
        let document = try FlatODT.read(
            body: "<text:p>x</text:p>",
            master: """
                <style:master-page style:name="Standard">
                  <style:header><text:p>Head <text:page-number>1</text:page-number></text:p></style:header>
                  <style:header-left style:display="false"><text:p>hidden left</text:p></style:header-left>
                  <style:footer><text:p>Foot</text:p></style:footer>
                  <style:footer-left/>
                  <style:header-first><text:p>First head</text:p></style:header-first>
                </style:master-page>
                <style:master-page style:name="Landscape"><style:footer-left><text:p>Left foot</text:p></style:footer-left></style:master-page>
                """)
        #expect(document.headersFooters.map { "\($0.kind.rawValue) \($0.pages) \($0.blocks.plainText)" } == [
            "header Standard Head 1", "footer Standard Foot", "header Standard first First head", "footer Landscape left Left foot",
        ])
    }

    @Test func flatScriptsAreMacros() throws {
        let document = try FlatODT.read(
            body: "<text:p>x</text:p>",
            beforeBody: """
                <office:scripts><office:script script:language="ooo:Basic" xmlns:script="urn:oasis:names:tc:opendocument:xmlns:script:1.0">\
                <ooo:libraries xmlns:ooo="http://openoffice.org/2004/office"><ooo:library-embedded ooo:name="Standard"/></ooo:libraries></office:script></office:scripts>
                """)
        #expect(document.package.macroParts == ["office:scripts"])
        let empty = try FlatODT.read(body: "<text:p>x</text:p>", beforeBody: "<office:scripts/>")
        #expect(empty.package.macroParts.isEmpty)
    }

    @Test func errors() throws {
        func kind(_ name: String) -> String {
            "<?xml version=\"1.0\"?><office:document \(FlatODT.namespaces)><office:body><office:\(name)/></office:body></office:document>"
        }
        let spreadsheet = kind("spreadsheet")
        #expect(throws: ReadError(.unsupportedDocumentKind("spreadsheet"))) { try FlatODT.read(spreadsheet) }
        let presentation = kind("presentation")
        #expect(throws: ReadError(.unsupportedDocumentKind("presentation"))) { try FlatODT.read(presentation) }
        let drawing = kind("drawing")
        #expect(throws: ReadError(.unsupportedDocumentKind("drawing"))) { try FlatODT.read(drawing) }
        #expect(throws: ReadError(.notAPackage)) { try FlatODT.read("<?xml version=\"1.0\"?><html><body/></html>") }
        #expect(throws: ReadError(.notAPackage)) {
            try FlatODT.read("<?xml version=\"1.0\"?><office:document-content \(FlatODT.namespaces)/>")
        }
        do {
            _ = try FlatODT.read("<?xml version=\"1.0\"?><office:document \(FlatODT.namespaces)><office:body><office:text><text:p>x</office:text>")
            Issue.record("malformed XML was read")
        } catch let error as ReadError {
            if case .xmlMalformed = error.kind {} else { Issue.record("unexpected \(error)") }
        }
    }

    @Test func hostileStyleCyclesAndDeepNesting() throws {
        var nested = "<text:p>deep</text:p>"
        for _ in 0..<60 { nested = "<text:list><text:list-item>\(nested)</text:list-item></text:list>" }
        let document = try FlatODT.read(
            body: "<text:p text:style-name=\"A\">cycle <text:span text:style-name=\"X\">x</text:span></text:p>" + nested,
            styles: """
                <style:style style:name="A" style:family="paragraph" style:parent-style-name="B"/>
                <style:style style:name="B" style:family="paragraph" style:parent-style-name="A"><style:text-properties fo:font-weight="bold"/></style:style>
                <style:style style:name="X" style:family="text" style:parent-style-name="X"/>
                """)
        guard case .listItem(let item) = document.body.last else {
            Issue.record("expected a list item")
            return
        }
        #expect(item.level == 60)
    }
}

