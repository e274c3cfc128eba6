import DocModel
import Testing

@Suite struct DocxHeadingTests {
    static let styles = TestDocx.styles("""
        <w:style w:type="paragraph" w:default="1" w:styleId="Standaard"><w:name w:val="Normal"/></w:style>
        <w:style w:type="paragraph" w:styleId="Kop1"><w:name w:val="heading 1"/><w:basedOn w:val="Standaard"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="Kop2"><w:name w:val="heading 2"/><w:basedOn w:val="Standaard"/></w:style>
        <w:style w:type="paragraph" w:styleId="MijnKop"><w:name w:val="Mijn kop"/><w:basedOn w:val="Kop2"/></w:style>
        <w:style w:type="paragraph" w:styleId="berschrift3"><w:name w:val="Überschrift 3"/></w:style>
        <w:style w:type="paragraph" w:styleId="Hoofdstuk"><w:name w:val="Hoofdstuk"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="Bodytekst"><w:name w:val="Body Text"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/></w:style>
        """)

    @Test func headingsFollowTheStyleChainToTheBuiltInNameWhateverTheStyleID() throws {
        var docx = TestDocx(body: [
            TestDocx.paragraph("Het dossier", style: "Titel"),
            TestDocx.paragraph("Inleiding", style: "Kop1"),
            TestDocx.paragraph("Eigen kop op basis van Kop 2", style: "MijnKop"),
            TestDocx.paragraph("Duitse kop", style: "berschrift3"),
            TestDocx.paragraph("Hoofdstuk via outlineLvl", style: "Hoofdstuk"),
            TestDocx.paragraph("Gewone tekst", style: "Bodytekst"),
            "<w:p><w:pPr><w:outlineLvl w:val=\"3\"/></w:pPr><w:r><w:t>Direct niveau vier</w:t></w:r></w:p>",
            TestDocx.paragraph("Zonder stijl"),
        ].joined())
        docx.styles = Self.styles
        let document = try docx.read()
        #expect(headings(document) == [
            ["1", "Inleiding"], ["2", "Eigen kop op basis van Kop 2"], ["3", "Duitse kop"],
            ["1", "Hoofdstuk via outlineLvl"], ["4", "Direct niveau vier"],
        ])
        let outline = Outline(document: document)
        #expect(outline.title == "Het dossier")
        guard case .heading(let title) = document.body[0] else { Issue.record("no title block"); return }
        #expect(title.isTitle)
        #expect(title.attributes.style == "Title")
        guard case .paragraph(let body) = document.body[5] else { Issue.record("body text became a heading"); return }
        #expect(body.attributes.style == "Body Text")
    }

    @Test func aStyleLoopDoesNotHang() throws {
        var docx = TestDocx(body: TestDocx.paragraph("Lus", style: "A"))
        docx.styles = TestDocx.styles("""
            <w:style w:type="paragraph" w:styleId="A"><w:name w:val="A"/><w:basedOn w:val="B"/></w:style>
            <w:style w:type="paragraph" w:styleId="B"><w:name w:val="B"/><w:basedOn w:val="A"/></w:style>
            """)
        let document = try docx.read()
        #expect(headings(document).isEmpty)
        #expect(document.body.count == 1)
    }

    @Test func theMainPartIsFoundThroughTheRelationshipsNotAFixedPath() throws {
        var docx = TestDocx(body: TestDocx.paragraph("Elders opgeslagen"))
        docx.mainPart = "inhoud/hoofddocument.xml"
        let document = try docx.read()
        #expect(document.body.plainText == "Elders opgeslagen")
    }
}

@Suite struct DocxNumberingTests {
    static let numbering = TestDocx.part("numbering", """
        <w:abstractNum w:abstractNumId="10">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
          <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>
          <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%3."/></w:lvl>
        </w:abstractNum>
        <w:abstractNum w:abstractNumId="20">
          <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\u{F0B7}"/></w:lvl>
        </w:abstractNum>
        <w:abstractNum w:abstractNumId="30">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/><w:pStyle w:val="Kop1"/></w:lvl>
          <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:pStyle w:val="Kop2"/></w:lvl>
        </w:abstractNum>
        <w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
        <w:num w:numId="2"><w:abstractNumId w:val="10"/></w:num>
        <w:num w:numId="3"><w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
        <w:num w:numId="4"><w:abstractNumId w:val="20"/></w:num>
        <w:num w:numId="5"><w:abstractNumId w:val="30"/></w:num>
        <w:num w:numId="6"><w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride></w:num>
        """)

    static func item(_ text: String, num: Int, level: Int = 0) -> String {
        "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"\(level)\"/><w:numId w:val=\"\(num)\"/></w:numPr></w:pPr><w:r><w:t>\(text)</w:t></w:r></w:p>"
    }

    func labels(_ document: Document) -> [String] {
        document.body.compactMap { block in
            switch block {
            case .listItem(let item): return "\(item.level) \(item.label ?? "-") \(item.text)"
            case .heading(let heading): return "H\(heading.level) \(heading.label ?? "-") \(heading.text)"
            default: return nil
            }
        }
    }

    @Test func countsNestedLevelsRestartsAndContinuations() throws {
        var docx = TestDocx(body: [
            Self.item("een", num: 1), Self.item("twee", num: 1), Self.item("sub a", num: 1, level: 1),
            Self.item("sub b", num: 1, level: 1), Self.item("diep", num: 1, level: 2), Self.item("drie", num: 1),
            Self.item("sub opnieuw a", num: 1, level: 1),
            TestDocx.paragraph("tussendoor"),
            Self.item("vier, zelfde abstracte lijst", num: 2),
            Self.item("herstart", num: 3), Self.item("na herstart", num: 3),
            Self.item("punt", num: 4),
            Self.item("begint bij zeven", num: 6),
            Self.item("geen nummering", num: 0),
        ].joined())
        docx.numbering = Self.numbering
        let document = try docx.read()
        #expect(labels(document) == [
            "1 1. een", "1 2. twee", "2 a) sub a", "2 b) sub b", "3 i. diep", "1 3. drie", "2 a) sub opnieuw a",
            "1 4. vier, zelfde abstracte lijst", "1 1. herstart", "1 2. na herstart", "1 • punt", "1 7. begint bij zeven",
        ])
        guard case .listItem(let bullet) = document.body[11] else { Issue.record("no bullet"); return }
        #expect(!bullet.isOrdered)
        // numId 0 removes numbering: a plain paragraph.
        guard case .paragraph = document.body.last else { Issue.record("numId 0 still numbered"); return }
    }

    @Test func headingsNumberedByTheirStyleGetLabels() throws {
        var docx = TestDocx(body: [
            TestDocx.paragraph("Inleiding", style: "Kop1"), TestDocx.paragraph("Doel", style: "Kop2"),
            TestDocx.paragraph("Scope", style: "Kop2"), TestDocx.paragraph("Planning", style: "Kop1"),
            TestDocx.paragraph("Data", style: "Kop2"),
        ].joined())
        docx.numbering = Self.numbering
        docx.styles = TestDocx.styles("""
            <w:style w:type="paragraph" w:styleId="Kop1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="Kop2"><w:name w:val="heading 2"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>
            """)
        let document = try docx.read()
        #expect(labels(document) == ["H1 1 Inleiding", "H2 1.1 Doel", "H2 1.2 Scope", "H1 2 Planning", "H2 2.1 Data"])
        // The label is not part of the heading text.
        #expect(headings(document).first == ["1", "Inleiding"])
    }
}
