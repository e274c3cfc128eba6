import DocModel
import Testing
import DocReaders
import DocTemplates

/// Tags in attribute values: a fillable field's tag is made per item of a loop
/// (`criterium-{{id}}`), so that a checker can find each answer back.
@Suite struct AttributeTagTests {
    static let data: TemplateValue = ["criteria": [["id": "a", "naam": "Visie"], ["id": "b\"&<", "naam": "Samenwerking"]]]

    @Test func docxContentControlTagsAreFilledPerRepetition() throws {
        let body = """
            \(DocxFixture.p("{{#criteria}}"))\(DocxFixture.p("{{naam}}"))
            <w:sdt><w:sdtPr><w:alias w:val="Antwoord {{naam}}"/><w:tag w:val="criterium-{{id}}"/><w:showingPlcHdr/></w:sdtPr>
            <w:sdtContent>\(DocxFixture.p("[invullen]"))</w:sdtContent></w:sdt>\(DocxFixture.p("{{/criteria}}"))
            """
        let output = try render(try DocxFixture(body).bytes(), Self.data)
        let document = try DocumentReader.read(bytes: output)
        let controls = document.body.compactMap { block -> ContentControlProperties? in
            if case .contentControl(let control) = block { return control.properties } else { return nil }
        }
        #expect(controls.map(\.tag) == ["criterium-a", "criterium-b\"&<"])
        #expect(controls.map(\.alias) == ["Antwoord Visie", "Antwoord Samenwerking"])
        #expect(try partText(output, "word/document.xml").contains("w:val=\"criterium-b&quot;&amp;&lt;\""))
    }

    @Test func odtFieldDescriptionsAreFilled() throws {
        let body = """
            <text:p>{{#criteria}}</text:p><text:p>{{naam}}: <text:placeholder text:placeholder-type="text" \
            text:description="criterium-{{id}}">[invullen]</text:placeholder></text:p><text:p>{{/criteria}}</text:p>
            """
        let output = try render(try ODTFixture(body).bytes(), Self.data)
        let dump = ModelDump.dump(try DocumentReader.read(bytes: output).body)
        #expect(dump.contains("ContentControl plainText tag=\"criterium-a\""))
        #expect(dump.contains("Text \"Samenwerking: \""))
    }

    @Test func aSectionTagInAnAttributeIsAnErrorAndVariablesAreListed() throws {
        let bad = "<w:sdt><w:sdtPr><w:tag w:val=\"{{#criteria}}\"/></w:sdtPr><w:sdtContent>\(DocxFixture.p("x"))</w:sdtContent></w:sdt>"
        let messages = errorMessages(try DocxFixture(bad).bytes(), Self.data)
        #expect(messages.count == 1, "\(messages)")
        let good = "<w:sdt><w:sdtPr><w:tag w:val=\"veld-{{code}}\"/></w:sdtPr><w:sdtContent>\(DocxFixture.p("x"))</w:sdtContent></w:sdt>"
        let listed = try TemplateRenderer.variables(template: try DocxFixture(good).bytes())
        #expect(listed.variables.map(\.name) == ["code"])
        #expect(errorMessages(try DocxFixture(good).bytes(), [:]).first?.contains("code") == true)
    }
}
