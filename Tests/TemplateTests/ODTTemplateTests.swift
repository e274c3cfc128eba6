import DocModel
import Foundation
import Testing
import PackageIO
import DocReaders
import DocTemplates

@Suite struct ODTTemplateTests {
    static func p(_ text: String) -> String { "<text:p text:style-name=\"P1\">\(text)</text:p>" }

    @Test func tagsSplitOverSpansAndSpaces() throws {
        let body = Self.p("Aan <text:span text:style-name=\"T1\">{</text:span>{aanbestedende<text:span>_dienst.</text:span><text:bookmark text:name=\"b\"/>naam}}<text:s text:c=\"2\"/>en {{x}}<text:span>!</text:span>")
            + "<text:h text:outline-level=\"1\">Kop {{<text:span>titel</text:span>}}</text:h>"
        let output = try render(ODTFixture(body).bytes(), ["aanbestedende_dienst": ["naam": "A&B"], "x": "1\n2", "titel": "T"])
        let document = try DocumentReader.read(bytes: output)
        #expect(document.body.plainText == "Aan A&B  en 1\n2!\nKop T")
        let xml = try partText(output, "content.xml")
        #expect(xml.contains("A&amp;B"))
        #expect(xml.contains("1<text:line-break/>2"))
        #expect(xml.contains("<text:s text:c=\"2\"/>"))
        #expect(xml.contains("<text:bookmark text:name=\"b\"/>"))
    }

    @Test func blockSectionsOverParagraphsHeadingsListItemsAndRows() throws {
        let body = Self.p("{{#percelen}}")
            + "<text:h text:outline-level=\"1\">Perceel {{naam}}</text:h>"
            + "<text:list xml:id=\"list1\" text:style-name=\"L1\"><text:list-item><text:p>{{#eisen}}</text:p></text:list-item>"
            + "<text:list-item><text:p>{{.}}</text:p></text:list-item><text:list-item><text:p>{{/eisen}}</text:p></text:list-item></text:list>"
            + "<table:table table:name=\"Tabel1\"><table:table-column/><table:table-row><table:table-cell><text:p>{{#segmenten}}{{naam}}</text:p></table:table-cell>"
            + "<table:table-cell><text:p>{{weging | procent}}{{/segmenten}}</text:p></table:table-cell></table:table-row></table:table>"
            + "<draw:frame draw:name=\"Logo\"><draw:image xlink:href=\"x.png\"/></draw:frame>"
            + Self.p("{{/percelen}}") + Self.p("Slot")
        let data: TemplateValue = ["percelen": [
            ["naam": "Jeugd", "eisen": ["a", "b"], "segmenten": [["naam": "S1", "weging": 60], ["naam": "S2", "weging": 40]]],
            ["naam": "Wmo", "eisen": ["c"], "segmenten": [["naam": "S3", "weging": 100]]],
        ]]
        let output = try render(ODTFixture(body).bytes(), data)
        let document = try DocumentReader.read(bytes: output)
        #expect(labels(document.body) == ["H1 Perceel Jeugd", "1. a", "2. b", "H1 Perceel Wmo", "1. c"])
        let tables = document.body.compactMap { block -> Table? in if case .table(let t) = block { return t } else { return nil } }
        #expect(tables.map { $0.rows.count } == [2, 1])
        #expect(document.body.plainText.contains("S1\n60%\nS2\n40%"))
        let xml = try partText(output, "content.xml")
        #expect(xml.contains("draw:name=\"Logo\"") && xml.contains("draw:name=\"Logo_2\""))
        #expect(xml.contains("table:name=\"Tabel1\"") && xml.contains("table:name=\"Tabel1_2\""))
        #expect(xml.contains("<text:list xml:id=\"list1_2\" text:style-name=\"L1\" text:continue-numbering=\"false\">"))
        #expect(!xml.contains("{{"))
    }

    @Test func stylesMasterPagesAndMetaAreTemplated() throws {
        var fixture = ODTFixture(Self.p("{{titel}}"))
        fixture.masterPages = "<style:master-page style:name=\"Standard\"><style:header><text:p>Kop {{titel}}</text:p></style:header><style:footer><text:p>{{kenmerk}}</text:p></style:footer></style:master-page>"
        fixture.title = "{{titel}} ({{kenmerk}})"
        let output = try render(fixture.bytes(), ["titel": "Jeugd", "kenmerk": "K-1"])
        let document = try DocumentReader.read(bytes: output)
        #expect(document.metadata.title == "Jeugd (K-1)")
        #expect(try partText(output, "styles.xml").contains("<text:p>Kop Jeugd</text:p>"))
        #expect(try partText(output, "styles.xml").contains("<text:p>K-1</text:p>"))
    }

    @Test func packageKeepsMimetypeFirstStoredAndManifest() throws {
        let template = try ODTFixture(Self.p("{{titel}}")).bytes()
        let output = try render(template, ["titel": "x"])
        let archive = try ZipArchive(bytes: output)
        #expect(archive.entries.first?.name == "mimetype")
        #expect(archive.entries.first?.isStored == true)
        #expect(archive.entries.map(\.name) == (try ZipArchive(bytes: template)).entries.map(\.name))
        #expect(try partText(output, "META-INF/manifest.xml") == ODTFixture.manifest)
        #expect(output == (try render(template, ["titel": "x"])))
    }

    @Test func odtErrorsHaveLocations() throws {
        let body = Self.p("a") + "<text:h text:outline-level=\"1\">{{#x}}</text:h>"
        let messages = errorMessages(try ODTFixture(body).bytes(), ["x": true])
        #expect(messages == ["content.xml, alinea 2: {{#x}} wordt niet gesloten (\"{{#x}}\")"])
    }

    @Test func odtTableOfContentsKept() throws {
        let body = "<text:table-of-content text:name=\"Inhoud\"><text:table-of-content-source text:outline-level=\"3\"/><text:index-body><text:p>Oud</text:p></text:index-body></text:table-of-content>"
            + "<text:h text:outline-level=\"1\">{{titel}}</text:h>"
        let output = try render(ODTFixture(body).bytes(), ["titel": "Nieuw"])
        #expect(try partText(output, "content.xml").contains("<text:table-of-content text:name=\"Inhoud\">"))
    }
}
