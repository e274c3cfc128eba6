import DocModel
import Testing
import PackageIO
import TestSupport

/// Regression tests for hostile or malformed DOCX content found in review: each must give a
/// sensible model quickly, never a trap, a stack overflow or quadratic work.
@Suite struct DocxHostileTests {
    /// The deepest nesting of fields in some inlines.
    func fieldDepth(_ inlines: [Inline]) -> Int {
        inlines.map { inline -> Int in
            if case .field(let field) = inline { return 1 + fieldDepth(field.result) }
            return 0
        }.max() ?? 0
    }

    @Test func deeplyNestedFieldsAreCappedAndKeepTheirText() throws {
        let count = 5_000
        let begins = String(repeating: "<w:fldChar w:fldCharType=\"begin\"/><w:fldChar w:fldCharType=\"separate\"/>", count: count)
        let ends = String(repeating: "<w:fldChar w:fldCharType=\"end\"/>", count: count)
        let document = try TestDocx(body: "<w:p><w:r>\(begins)<w:t>kern</w:t>\(ends)</w:r></w:p>\(TestDocx.paragraph("daarna"))").read()
        guard case .paragraph(let first) = document.body[0] else { Issue.record("no paragraph"); return }
        #expect(fieldDepth(first.inlines) <= 16)
        #expect(document.body.plainText == "kern\ndaarna")
    }

    @Test func anUnclosedFieldDoesNotHideTheRestOfTheDocument() throws {
        var docx = TestDocx(body: """
            <w:p><w:r><w:t xml:space="preserve">Zichtbaar </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>
            <w:r><w:t>ook zichtbaar</w:t></w:r></w:p>
            \(TestDocx.paragraph("Volgende alinea"))
            <w:p><w:r><w:footnoteReference w:id="1"/></w:r></w:p>
            """)
        docx.footnotes = TestDocx.part("footnotes", "<w:footnote w:id=\"1\">\(TestDocx.paragraph("voetnoot"))</w:footnote>")
        let document = try docx.read()
        #expect(document.body.plainText == "Zichtbaar ook zichtbaar\nVolgende alinea\n")
        #expect(document.notes.first?.blocks.plainText == "voetnoot")
        #expect(Outline(document: document).totalWords == 6)
    }

    @Test func manyParagraphsWithUnclosedFieldsStayLinear() throws {
        let paragraph = "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/><w:fldChar w:fldCharType=\"separate\"/><w:t>x</w:t></w:r></w:p>"
        let docx = TestDocx(body: String(repeating: paragraph, count: 5_000))
        var read: Document?
        let cost = try CPUCost.measure { read = try docx.read() }
        #expect(cost.cpuSeconds < 5, "\(cost)")
        let document = try #require(read)
        #expect(document.body.count == 5_000)
        #expect(Outline(document: document).totalWords == 5_000)
    }

    @Test func extremeNumbersInNumberingAndGridDoNotTrap() throws {
        var docx = TestDocx(body: [
            DocxNumberingTests.item("een", num: 1), DocxNumberingTests.item("twee", num: 1),
            DocxNumberingTests.item("drie", num: 2), DocxNumberingTests.item("vier", num: 2),
            "<w:tbl><w:tr><w:trPr><w:gridBefore w:val=\"9223372036854775807\"/></w:trPr><w:tc>\(TestDocx.paragraph("cel"))</w:tc></w:tr></w:tbl>",
        ].joined())
        docx.numbering = TestDocx.part("numbering", """
            <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="9223372036854775807"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
            <w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="-9223372036854775808"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
            <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>
            """)
        let document = try docx.read()
        let labels = document.body.compactMap { block -> String? in
            if case .listItem(let item) = block { return item.label } else { return nil }
        }
        #expect(labels == ["1000000000.", "1000000001.", "0.", "I."])
        #expect(document.body.plainText.hasSuffix("cel"))
    }

    @Test func alternateContentIsChosenByNamespaceNotByPrefix() throws {
        // The prefix is the document's choice: "zz" bound to the wordprocessingShape namespace
        // is understood; "wps" bound to an unknown namespace is not.
        let body = """
            <mc:AlternateContent xmlns:zz="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
            <mc:Choice Requires="zz">\(TestDocx.paragraph("keuze"))</mc:Choice><mc:Fallback>\(TestDocx.paragraph("terugval"))</mc:Fallback></mc:AlternateContent>
            <mc:AlternateContent xmlns:wps="urn:example:onbekend">
            <mc:Choice Requires="wps">\(TestDocx.paragraph("keuze twee"))</mc:Choice><mc:Fallback>\(TestDocx.paragraph("terugval twee"))</mc:Fallback></mc:AlternateContent>
            """
        let document = try TestDocx(body: body).read()
        #expect(document.body.plainText == "keuze\nterugval twee")
    }

    @Test func textSplitByManyCommentsIsJoinedInLinearTime() throws {
        let pieces = String(repeating: "ab<!-- x -->", count: 100_000)
        let bytes = Array("<r>\(pieces)</r>".utf8)
        var parsed: XMLElement?
        let cost = try CPUCost.measure { parsed = try XMLElement.parse(bytes, part: "p") }
        #expect(cost.cpuSeconds < 5, "\(cost)")
        let root = try #require(parsed)
        #expect(root.textContent.count == 200_000)
        #expect(root.children.count == 1)
    }

    @Test func verticalMergeAfterAWideCellDoesNotReachAStaleOrigin() throws {
        func cell(_ text: String, _ properties: String = "") -> String {
            "<w:tc><w:tcPr>\(properties)</w:tcPr>\(TestDocx.paragraph(text))</w:tc>"
        }
        let body = """
            <w:tbl><w:tr>\(cell("a"))\(cell("b", "<w:vMerge w:val=\"restart\"/>"))</w:tr>
            <w:tr>\(cell("breed", "<w:gridSpan w:val=\"2\"/>"))</w:tr>
            <w:tr>\(cell("c"))\(cell("", "<w:vMerge/>"))</w:tr></w:tbl>
            """
        let document = try TestDocx(body: body).read()
        guard case .table(let table) = document.body[0] else { Issue.record("no table"); return }
        #expect(table.rows[0].cells[1].rowSpan == 1)
    }
}
