import Foundation
import DocModel
import Testing
import PackageIO
import DocReaders
import DocTemplates

@Suite struct DocxTagTests {
    @Test func tagSplitOverRunsInEveryPosition() throws {
        let splits: [[String]] = [
            ["{{titel}}"], ["{", "{titel}}"], ["{{", "titel}}"], ["{{ti", "tel}}"], ["{{titel", "}}"], ["{{titel}", "}"],
            ["{", "{", "t", "i", "t", "e", "l", "}", "}"], ["Voor {{ti", "tel}} na"],
        ]
        for pieces in splits {
            let template = try DocxFixture(DocxFixture.runs(pieces)).bytes()
            let text = try renderedText(template, ["titel": "Jeugd & Wmo"])
            let expected = pieces.joined().replacingOccurrences(of: "{{titel}}", with: "Jeugd & Wmo")
            #expect(text == expected, "split \(pieces)")
        }
    }

    @Test func tagSplitAcrossProofErrBookmarksAndRevisionMarkup() throws {
        let body = """
            <w:p w14:paraId="1A2B3C4D" w14:textId="77777777"><w:r w:rsidR="00AB"><w:t>Aan {</w:t></w:r><w:proofErr w:type="spellStart"/>\
            <w:bookmarkStart w:id="0" w:name="begin"/><w:r w:rsidRPr="00CD"><w:t>{aanbestedende</w:t></w:r><w:bookmarkEnd w:id="0"/>\
            <w:r><w:rPr><w:rFonts w:ascii="Arial"/></w:rPr><w:t>_dienst.</w:t></w:r><w:proofErr w:type="spellEnd"/>\
            <w:ins w:id="5" w:author="x"><w:r><w:t>naam}</w:t></w:r></w:ins><w:r><w:t>} en meer</w:t></w:r></w:p>
            """
        let template = try DocxFixture(body).bytes()
        let output = try render(template, ["aanbestedende_dienst": ["naam": "Gemeente <Doetinchem>"]])
        #expect(try DocumentReader.read(bytes: output).body.plainText == "Aan Gemeente <Doetinchem> en meer")
        let xml = try partText(output, "word/document.xml")
        // Everything around stays: the proofErr, bookmark, revision and run properties.
        #expect(xml.contains("<w:proofErr w:type=\"spellStart\"/>"))
        #expect(xml.contains("<w:bookmarkStart w:id=\"0\" w:name=\"begin\"/>"))
        #expect(xml.contains("<w:ins w:id=\"5\" w:author=\"x\">"))
        #expect(xml.contains("<w:rFonts w:ascii=\"Arial\"/>"))
        #expect(xml.contains("Gemeente &lt;Doetinchem&gt;"))
    }

    @Test func untouchedPartsAndTextStayByteIdentical() throws {
        let fixture = DocxFixture(DocxFixture.p("Geen tags hier") + DocxFixture.p("{{a}}"))
        let template = try fixture.bytes()
        let output = try render(template, ["a": "x"])
        let before = try partText(template, "word/document.xml"), after = try partText(output, "word/document.xml")
        #expect(after == before.replacingOccurrences(of: "{{a}}", with: "x"))
        #expect(try partText(output, "[Content_Types].xml") == partText(template, "[Content_Types].xml"))
    }

    @Test func specialCharactersAndNewlines() throws {
        let template = try DocxFixture(DocxFixture.runs(["Tekst: {{t}}."])).bytes()
        let output = try render(template, ["t": "a < b & \"c\" > 'd'\nregel twee\nregel drie "])
        let xml = try partText(output, "word/document.xml")
        #expect(xml.contains("a &lt; b &amp; \"c\" &gt; 'd'</w:t><w:br/><w:t xml:space=\"preserve\">regel twee"))
        #expect(try DocumentReader.read(bytes: output).body.plainText == "Tekst: a < b & \"c\" > 'd'\nregel twee\nregel drie .")
        #expect(xml.contains("<w:t xml:space=\"preserve\">Tekst: "))
    }

    @Test func dottedPathsCurrentItemAndOuterLookup() throws {
        let body = DocxFixture.p("{{#percelen}}[{{naam}} van {{regio}}: {{#tags}}{{.}};{{/tags}}]{{/percelen}}")
        let data: TemplateValue = ["regio": "Achterhoek", "percelen": [["naam": "Jeugd", "tags": ["a", "b"]], ["naam": "Wmo", "tags": []]]]
        #expect(try renderedText(DocxFixture(body).bytes(), data) == "[Jeugd van Achterhoek: a;b;][Wmo van Achterhoek: ]")
    }

    @Test func conditionalsAndInvertedSections() throws {
        let body = DocxFixture.p("{{#ja}}J{{/ja}}{{#nee}}N{{/nee}}{{^nee}}!N{{/nee}}{{^leeg}}geen{{/leeg}}{{#obj}}{{x}}{{/obj}}{{#niets}}X{{/niets}}{{^niets}}niets{{/niets}}")
        let data: TemplateValue = ["ja": true, "nee": false, "leeg": [], "obj": ["x": "o"], "niets": .null]
        #expect(try renderedText(DocxFixture(body).bytes(), data) == "J!Ngeenoniets")
    }

    @Test func filters() throws {
        let body = DocxFixture.p("{{d | datum}}|{{d | datumtijd}}|{{e|datum}}|{{f | datum}}|{{g | datumtijd}}|{{p | procent}}|{{q | procent}}|{{b | bedrag}}|{{n | aantal}}|{{t|datum}}")
        let data: TemplateValue = [
            "d": "2021-04-01 09:00", "e": "2021-04-01T09:00", "f": "2021-12-31",
            "g": .date(TemplateDateTime(year: 2022, month: 1, day: 5, hour: 14, minute: 30)),
            "p": 15, "q": 12.5, "b": 1234.56, "n": 1234, "t": .date(TemplateDateTime(year: 2021, month: 4, day: 1)),
        ]
        #expect(try renderedText(DocxFixture(body).bytes(), data)
            == "1 april 2021|1 april 2021, 09:00 uur|1 april 2021|31 december 2021|5 januari 2022, 14:30 uur|15%|12,5%|€ 1.234,56|1.234|1 april 2021")
        let big = DocxFixture.p("{{b | bedrag}} {{n | aantal}} {{z | bedrag}}")
        #expect(try renderedText(DocxFixture(big).bytes(), ["b": 1234567.5, "n": 1000000, "z": 0]) == "€ 1.234.567,50 1.000.000 € 0,00")
    }

    @Test func headersFootersFootnotesAndCoreProperties() throws {
        var fixture = DocxFixture(DocxFixture.p("Hoofdtekst {{titel}}"))
        fixture.header = DocxFixture.part("hdr", DocxFixture.runs(["Kop: {{ti", "tel}}"]))
        fixture.footer = DocxFixture.part("ftr", DocxFixture.p("Voet: {{kenmerk.nummer}}"))
        fixture.footnotes = DocxFixture.part("footnotes", "<w:footnote w:id=\"1\">\(DocxFixture.p("Noot {{titel}}"))</w:footnote>")
        fixture.core = "<dc:title>{{titel}}</dc:title><dc:subject>Kenmerk {{kenmerk.nummer}}</dc:subject>"
        let output = try render(fixture.bytes(), ["titel": "Jeugd", "kenmerk": ["nummer": "2021-123"]])
        #expect(try partText(output, "word/header1.xml").contains("Kop: Jeugd"))
        #expect(try partText(output, "word/footer1.xml").contains("Voet: 2021-123"))
        #expect(try partText(output, "word/footnotes.xml").contains("Noot Jeugd"))
        let document = try DocumentReader.read(bytes: output)
        #expect(document.metadata.title == "Jeugd")
        #expect(document.metadata.subject == "Kenmerk 2021-123")
        #expect(document.headersFooters.map { $0.blocks.plainText }.sorted() == ["Kop: Jeugd", "Voet: 2021-123"])
    }

    @Test func determinism() throws {
        let template = try DocxFixture(DocxFixture.p("{{#l}}{{.}} {{/l}}")).bytes()
        let a = try render(template, ["l": ["x", "y"]]), b = try render(template, ["l": ["x", "y"]])
        #expect(a == b)
    }

    @Test func allowMissing() throws {
        let template = try DocxFixture(DocxFixture.p("a{{x}}b{{#s}}S{{/s}}{{^s}}I{{/s}}")).bytes()
        #expect(try renderedText(template, [:], allowMissing: true) == "abI")
        #expect(errorMessages(template, [:]).count == 3)
    }
}

@Suite struct DocxBlockTests {
    @Test func blockSectionRepeatsHeadingsParagraphsAndTables() throws {
        var fixture = DocxFixture(
            DocxFixture.p("Inleiding") + DocxFixture.p("{{#percelen}}")
            + DocxFixture.p("Perceel {{naam}}", style: "Heading1")
            + DocxFixture.p("{{omschrijving}}")
            + "<w:tbl><w:tr><w:tc>\(DocxFixture.p("Segment"))</w:tc></w:tr><w:tr><w:tc>\(DocxFixture.p("{{#segmenten}}{{naam}}"))</w:tc><w:tc>\(DocxFixture.p("{{weging | procent}}{{/segmenten}}"))</w:tc></w:tr></w:tbl>"
            + DocxFixture.p("  {{/percelen}} ") + DocxFixture.p("Slot"))
        fixture.styles = DocxFixture.headingStyles
        let data: TemplateValue = ["percelen": [
            ["naam": "Jeugd", "omschrijving": "Zorg voor jeugd", "segmenten": [["naam": "A", "weging": 60], ["naam": "B", "weging": 40]]],
            ["naam": "Wmo", "omschrijving": "Ondersteuning", "segmenten": [["naam": "C", "weging": 100]]],
        ]]
        let output = try render(fixture.bytes(), data)
        let document = try DocumentReader.read(bytes: output)
        #expect(labels(document.body) == ["H1 Perceel Jeugd", "H1 Perceel Wmo"])
        let tables = document.body.compactMap { block -> Table? in if case .table(let t) = block { return t } else { return nil } }
        #expect(tables.map { $0.rows.count } == [3, 2])
        let text = document.body.plainText
        #expect(text.hasPrefix("Inleiding\nPerceel Jeugd\nZorg voor jeugd\n"))
        #expect(text.contains("A\n60%\nB\n40%"))
        #expect(text.hasSuffix("Slot"))
        #expect(!text.contains("{{"))
        // The tag paragraphs are gone: no empty paragraphs left where they stood.
        #expect(!text.contains("\n\n"))
    }

    @Test func numberedListsRestartPerRepetition() throws {
        var fixture = DocxFixture(
            DocxFixture.p("{{#percelen}}") + DocxFixture.p("{{naam}}")
            + DocxFixture.item("{{#eisen}}", num: 1).replacingOccurrences(of: "<w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>", with: "")
            + DocxFixture.item("{{.}}") + DocxFixture.item("sub", level: 1)
            + DocxFixture.p("{{/eisen}}") + DocxFixture.p("{{/percelen}}"))
        fixture.numbering = DocxFixture.decimalNumbering
        let data: TemplateValue = ["percelen": [["naam": "P1", "eisen": ["a", "b"]], ["naam": "P2", "eisen": ["c"]]]]
        let output = try render(fixture.bytes(), data)
        let document = try DocumentReader.read(bytes: output)
        // Inner repetitions and outer repetitions each start a new list.
        #expect(labels(document.body) == ["1. a", "a) sub", "1. b", "a) sub", "1. c", "a) sub"])
        let numbering = try partText(output, "word/numbering.xml")
        #expect(count("<w:num w:numId=", in: numbering) == 3)
        #expect(numbering.contains("<w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride>"))
    }

    @Test func tableRowSectionRepeatsRow() throws {
        let body = "<w:tbl><w:tr><w:tc>\(DocxFixture.p("Naam"))</w:tc><w:tc>\(DocxFixture.p("Bedrag"))</w:tc></w:tr>"
            + "<w:tr><w:tc>\(DocxFixture.p("{{#regels}}{{naam}}"))</w:tc><w:tc>\(DocxFixture.p("{{bedrag | bedrag}}{{/regels}}"))</w:tc></w:tr></w:tbl>"
        let output = try render(DocxFixture(body).bytes(), ["regels": [["naam": "x", "bedrag": 1], ["naam": "y", "bedrag": 2.5]]])
        let document = try DocumentReader.read(bytes: output)
        guard case .table(let table)? = document.body.first else { Issue.record("no table"); return }
        #expect(table.rows.count == 3)
        #expect(document.body.plainText == "Naam\nBedrag\nx\n€ 1,00\ny\n€ 2,50")
        // An empty list leaves only the header row.
        let empty = try DocumentReader.read(bytes: render(DocxFixture(body).bytes(), ["regels": []]))
        guard case .table(let none)? = empty.body.first else { Issue.record("no table"); return }
        #expect(none.rows.count == 1)
    }

    @Test func blockSectionInsideCellKeepsAParagraph() throws {
        let body = "<w:tbl><w:tr><w:tc>\(DocxFixture.p("{{#x}}"))\(DocxFixture.p("X"))\(DocxFixture.p("{{/x}}"))</w:tc></w:tr></w:tbl>"
        let output = try render(DocxFixture(body).bytes(), ["x": false])
        let xml = try partText(output, "word/document.xml")
        #expect(xml.contains("<w:tc><w:p/></w:tc>"))
    }

    @Test func uniqueIDsAfterRepetition() throws {
        let body = DocxFixture.p("{{#l}}") + """
            <w:p w14:paraId="0A000001" w14:textId="0A000002"><w:bookmarkStart w:id="7" w:name="perceel"/><w:r><w:t>{{.}}</w:t></w:r><w:bookmarkEnd w:id="7"/>\
            <w:r><w:drawing><wp:inline><wp:extent cx="1" cy="1"/><wp:docPr id="3" name="Afbeelding 3"/></wp:inline></w:drawing></w:r>\
            <w:ins w:id="9" w:author="a"><w:r><w:t>+</w:t></w:r></w:ins><w:r><w:commentReference w:id="4"/></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>
            """ + DocxFixture.p("{{/l}}")
        var fixture = DocxFixture(body)
        fixture.footnotes = DocxFixture.part("footnotes", "<w:footnote w:id=\"1\">\(DocxFixture.p("Noot"))</w:footnote>")
        fixture.comments = DocxFixture.part("comments", "<w:comment w:id=\"4\" w:author=\"a\">\(DocxFixture.p("Let op"))</w:comment>")
        let output = try render(fixture.bytes(), ["l": ["a", "b", "c"]])
        let xml = try partText(output, "word/document.xml")
        #expect(xml.contains("w:name=\"perceel\"") && xml.contains("w:name=\"perceel_2\"") && xml.contains("w:name=\"perceel_3\""))
        func values(_ attribute: String, _ text: String) -> [String] {
            text.components(separatedBy: attribute + "=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        }
        let paraIDs = values("w14:paraId", xml) + values("w14:textId", xml)
        #expect(paraIDs.count == 6 && Set(paraIDs).count == 6)
        #expect(paraIDs.allSatisfy { $0.count == 8 && UInt32($0, radix: 16)! < 0x8000_0000 })
        let docPr = xml.components(separatedBy: "<wp:docPr id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(docPr.count == 3 && Set(docPr).count == 3)
        let starts = xml.components(separatedBy: "<w:bookmarkStart w:id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        let ends = xml.components(separatedBy: "<w:bookmarkEnd w:id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(Set(starts).count == 3 && starts == ends)
        let ins = xml.components(separatedBy: "<w:ins w:id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(Set(ins).count == 3 && Set(ins).isDisjoint(with: starts))
        let references = xml.components(separatedBy: "<w:commentReference w:id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(Set(references).count == 3)
        #expect(count("<w:footnoteReference w:id=\"1\"/>", in: xml) == 3)
        let comments = try partText(output, "word/comments.xml")
        #expect(Set(values("w:id", comments)) == Set(references))
        #expect(try DocumentReader.read(bytes: output).comments.count == 3)
    }

    @Test func tableOfContentsMarkedForUpdate() throws {
        let toc = "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-3\" </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>"
        var fixture = DocxFixture(toc + DocxFixture.p("{{titel}}"))
        fixture.settings = DocxFixture.part("settings", "<w:zoom w:percent=\"100\"/><w:defaultTabStop w:val=\"708\"/><w:compat/><w:rsids/>")
        let output = try render(fixture.bytes(), ["titel": "T"])
        let settings = try partText(output, "word/settings.xml")
        #expect(settings.contains("<w:defaultTabStop w:val=\"708\"/><w:updateFields w:val=\"true\"/><w:compat/>"))
        #expect(try partText(output, "word/document.xml").contains(" TOC \\o \"1-3\" "))
        // Already present but false: set to true.
        fixture.settings = DocxFixture.part("settings", "<w:updateFields w:val=\"false\"/>")
        #expect(try partText(render(fixture.bytes(), ["titel": "T"]), "word/settings.xml").contains("<w:updateFields w:val=\"true\"/>"))
        // No table of contents: settings untouched.
        var plain = DocxFixture(DocxFixture.p("{{titel}}"))
        plain.settings = DocxFixture.part("settings", "<w:zoom w:percent=\"100\"/>")
        #expect(try partText(render(plain.bytes(), ["titel": "T"]), "word/settings.xml") == plain.settings)
    }
}

@Suite struct DocxMoreSectionTests {
    @Test func multiRowSectionAndInvertedBlock() throws {
        let row = { (text: String) in "<w:tr><w:tc>\(DocxFixture.p(text))</w:tc></w:tr>" }
        let body = "<w:tbl>" + row("Kop") + row("{{#l}}{{naam}}") + row("{{omschrijving}}{{/l}}") + "</w:tbl>"
            + DocxFixture.p("{{^l}}") + DocxFixture.p("Geen regels") + DocxFixture.p("{{/l}}")
        let data: TemplateValue = ["l": [["naam": "a", "omschrijving": "A"], ["naam": "b", "omschrijving": "B"]]]
        let output = try render(DocxFixture(body).bytes(), data)
        #expect(try DocumentReader.read(bytes: output).body.plainText == "Kop\na\nA\nb\nB")
        #expect(try renderedText(DocxFixture(body).bytes(), ["l": []]) == "Kop\nGeen regels")
        for part in ["word/document.xml"] {
            _ = try XMLElement.parse(Array(try partText(output, part).utf8), part: part)
        }
    }

    @Test func nestedBlockSectionsWithConditionInside() throws {
        var fixture = DocxFixture(
            DocxFixture.p("{{#percelen}}") + DocxFixture.p("{{naam}}", style: "Heading1")
            + DocxFixture.p("{{#segmenten}}") + DocxFixture.p("{{naam}}", style: "Heading2")
            + DocxFixture.p("{{#lumpsum}}") + DocxFixture.p("Lumpsum voor {{naam}} in {{regio}}") + DocxFixture.p("{{/lumpsum}}")
            + DocxFixture.p("{{/segmenten}}") + DocxFixture.p("{{/percelen}}"))
        fixture.styles = DocxFixture.headingStyles
        let data: TemplateValue = ["regio": "Achterhoek", "percelen": [
            ["naam": "Jeugd", "segmenten": [["naam": "S1", "lumpsum": true], ["naam": "S2", "lumpsum": false]]],
            ["naam": "Wmo", "segmenten": [["naam": "S3", "lumpsum": true]]],
        ]]
        let document = try DocumentReader.read(bytes: render(fixture.bytes(), data))
        #expect(labels(document.body) == ["H1 Jeugd", "H2 S1", "H2 S2", "H1 Wmo", "H2 S3"])
        #expect(document.body.plainText == "Jeugd\nS1\nLumpsum voor S1 in Achterhoek\nS2\nWmo\nS3\nLumpsum voor S3 in Achterhoek")
    }
}
