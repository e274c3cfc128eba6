import DocModel
import Foundation
import Testing
import DocReaders
import DocTemplates

/// A numbered list inside a loop inside a loop: every repetition restarts its list, and every
/// numbering instance the document names exists in numbering.xml (found by openxml-audit on the
/// generated selectieleidraad: copies of copies were dropped).
@Suite struct NestedNumberingTests {
    @Test func everyReferencedNumberingInstanceExists() throws {
        let body = [
            DocxFixture.p("{{#percelen}}"), DocxFixture.p("Perceel {{naam}}"),
            DocxFixture.p("{{#segmenten}}"), DocxFixture.item("{{naam}} eerste"), DocxFixture.item("{{naam}} tweede"),
            DocxFixture.p("{{/segmenten}}"), DocxFixture.p("{{/percelen}}"),
        ].joined()
        var fixture = DocxFixture(body)
        fixture.numbering = DocxFixture.decimalNumbering
        let data: TemplateValue = ["percelen": [
            ["naam": "Jeugd", "segmenten": [["naam": "A"], ["naam": "B"]]],
            ["naam": "Wmo", "segmenten": [["naam": "C"], ["naam": "D"], ["naam": "E"]]],
        ]]
        let output = try render(try fixture.bytes(), data)
        let document = try partText(output, "word/document.xml")
        let numbering = try partText(output, "word/numbering.xml")
        func ids(_ pattern: String, in text: String) -> Set<String> {
            let regex = try! NSRegularExpression(pattern: pattern)
            let range = NSRange(text.startIndex..., in: text)
            return Set(regex.matches(in: text, range: range).compactMap { Range($0.range(at: 1), in: text).map { String(text[$0]) } })
        }
        let used = ids("<w:numId w:val=\"([0-9]+)\"", in: document)
        let defined = ids("<w:num w:numId=\"([0-9]+)\"", in: numbering)
        #expect(used.count == 5)
        #expect(used.isSubset(of: defined), "used \(used.sorted()), defined \(defined.sorted())")
        // Each segment's list starts at 1 again.
        let labels = try DocumentReader.read(bytes: output).body.compactMap { block -> String? in
            if case .listItem(let item) = block { return item.label } else { return nil }
        }
        #expect(labels == Array(repeating: ["1.", "2."], count: 5).flatMap { $0 })
    }
}
