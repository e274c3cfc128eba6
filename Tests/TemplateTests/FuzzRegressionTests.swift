import DocModel
import Foundation
import Testing

/// Inputs found by fuzzing the template parser and renderer (Fuzz/, docs/security.md,
/// "Fuzzing"): each once made the renderer trap; now it renders or throws a clean error.
@Suite struct TemplateFuzzRegressionTests {
    /// `w:id`, `wp:docPr id` and `w:numId` as large as Int.max: the next free id (max + 1)
    /// overflowed. Ids are now capped at the 32-bit range Word uses.
    @Test func hugeIDsDoNotOverflowTheNextFreeID() throws {
        let huge = "9223372036854775807"
        let body = DocxFixture.p("{{#l}}") + """
            <w:p><w:bookmarkStart w:id="\(huge)" w:name="b"/><w:r><w:t>{{.}}</w:t></w:r><w:bookmarkEnd w:id="\(huge)"/>\
            <w:r><w:drawing><wp:inline><wp:extent cx="1" cy="1"/><wp:docPr id="\(huge)" name="x"/></wp:inline></w:drawing></w:r></w:p>
            """ + DocxFixture.item("{{.}}", num: 1) + DocxFixture.p("{{/l}}")
        var fixture = DocxFixture(body)
        fixture.numbering = DocxFixture.part("numbering", """
            <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>\
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="\(huge)"><w:abstractNumId w:val="0"/></w:num>
            """)
        let output = try render(fixture.bytes(), ["l": ["a", "b"]])
        let xml = try partText(output, "word/document.xml")
        let starts = xml.components(separatedBy: "<w:bookmarkStart w:id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(starts.count == 2 && Set(starts).count == 2)
        #expect(try renderedText(fixture.bytes(), ["l": ["a", "b"]]).contains("b"))
    }
}
