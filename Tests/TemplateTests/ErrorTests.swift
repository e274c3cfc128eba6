import DocModel
import Foundation
import Testing
import PackageIO
import DocTemplates

@Suite struct TemplateErrorTests {
    @Test func everyKindWithItsPlaceInOnePass() throws {
        let body = [
            DocxFixture.p("Intro"),                                   // 1
            DocxFixture.p("{{#segmenten}}"),                          // 2 unclosed
            DocxFixture.p("{{/percelen}}"),                           // 3 mismatched
            DocxFixture.p("Tekst {{a b}} en {{}}"),                   // 4 bad syntax x2
            DocxFixture.p("{{x | onbekend}}"),                        // 5 unknown filter
            DocxFixture.p("{{weg}}"),                                 // 6 unknown variable
            DocxFixture.p("Halve {{tag"),                             // 7 unclosed tag
            DocxFixture.p("voor {{#s}} na"),                          // 8 spans paragraphs, not alone
            DocxFixture.p("tekst {{/s}}"),                            // 9
        ].joined()
        let messages = errorMessages(try DocxFixture(body).bytes(), ["x": "1", "s": true])
        #expect(messages == [
            "word/document.xml, alinea 2: {{#segmenten}} wordt niet gesloten (\"{{#segmenten}}\")",
            "word/document.xml, alinea 3: {{/percelen}} sluit de verkeerde sectie; verwacht {{/segmenten}} (\"{{/percelen}}\")",
            "word/document.xml, alinea 4: {{a b}} is geen geldige tag (\"Tekst {{a b}} en {{}}\")",
            "word/document.xml, alinea 4: {{}} is geen geldige tag (\"Tekst {{a b}} en {{}}\")",
            "word/document.xml, alinea 5: {{x | onbekend}}: onbekend filter 'onbekend' (bekend: datum, datumtijd, procent, bedrag, aantal) (\"{{x | onbekend}}\")",
            "word/document.xml, alinea 6: {{weg}}: onbekende variabele 'weg' (\"{{weg}}\")",
            "word/document.xml, alinea 7: {{tag is geen geldige tag (\"Halve {{tag\")",
            "word/document.xml, alinea 8: {{#s}} loopt over meerdere alinea's maar staat niet alleen in een eigen alinea (of niet in dezelfde tabelrij als de sluittag) (\"voor {{#s}} na\")",
        ])
    }

    @Test func closeWithoutOpenAndEnglish() throws {
        let body = DocxFixture.p("a") + DocxFixture.p("b {{/percelen}}")
        let messages = errorMessages(try DocxFixture(body).bytes(), [:], language: .en)
        #expect(messages == ["word/document.xml, paragraph 2: {{/percelen}} closes a section that was not opened (\"b {{/percelen}}\")"])
        let unclosed = errorMessages(try DocxFixture(DocxFixture.p("x {{#segmenten}}")).bytes(), ["segmenten": []], language: .en)
        #expect(unclosed == ["word/document.xml, paragraph 1: {{#segmenten}} is not closed (\"x {{#segmenten}}\")"])
    }

    @Test func unknownVariableInLoopReportedOnceAndErrorsInOtherParts() throws {
        var fixture = DocxFixture(DocxFixture.p("{{#l}}{{nee}}{{/l}}"))
        fixture.header = DocxFixture.part("hdr", DocxFixture.p("{{ook_nee}}"))
        let messages = errorMessages(try fixture.bytes(), ["l": [1, 2, 3]])
        #expect(messages == [
            "word/document.xml, alinea 1: {{nee}}: onbekende variabele 'nee' (\"{{#l}}{{nee}}{{/l}}\")",
            "word/header1.xml, alinea 1: {{ook_nee}}: onbekende variabele 'ook_nee' (\"{{ook_nee}}\")",
        ])
    }

    @Test func filterOnWrongValue() throws {
        let messages = errorMessages(try DocxFixture(DocxFixture.p("{{d | datum}}")).bytes(), ["d": "morgen"])
        #expect(messages == ["word/document.xml, alinea 1: {{d | datum}}: 'morgen' past niet bij filter 'datum' (\"{{d | datum}}\")"])
    }

    @Test func longParagraphContextIsCut() throws {
        let long = String(repeating: "woord ", count: 20)
        let messages = errorMessages(try DocxFixture(DocxFixture.p(long + "{{weg}}" + long)).bytes(), [:])
        #expect(messages.count == 1)
        #expect(messages[0].contains("(\"…") && messages[0].hasSuffix("…\")"))
    }

    @Test func unreadableTemplates() throws {
        #expect(throws: ReadError.self) { try TemplateRenderer.render(template: Array("geen zip".utf8), data: .null) }
        #expect(throws: ReadError.self) { try TemplateRenderer.render(templateAt: "/nonexistent/x.docx", data: .null) }
    }

    @Test func variablesListing() throws {
        var fixture = DocxFixture(DocxFixture.p("{{titel}} {{#percelen}}{{naam}}{{#segmenten}}{{naam}} {{weging | procent}}{{/segmenten}}{{/percelen}}{{^x}}{{titel}}{{/x}}"))
        fixture.footer = DocxFixture.part("ftr", DocxFixture.p("{{kenmerk.nummer}}"))
        let (variables, errors) = try TemplateRenderer.variables(template: fixture.bytes())
        #expect(errors.isEmpty)
        #expect(variables == [
            TemplateVariable(name: "titel", kind: .value),
            TemplateVariable(name: "percelen", kind: .section, children: [
                TemplateVariable(name: "naam", kind: .value),
                TemplateVariable(name: "segmenten", kind: .section, children: [
                    TemplateVariable(name: "naam", kind: .value), TemplateVariable(name: "weging", kind: .value),
                ]),
            ]),
            TemplateVariable(name: "x", kind: .invertedSection, children: [TemplateVariable(name: "titel", kind: .value)]),
            TemplateVariable(name: "kenmerk.nummer", kind: .value),
        ])
    }
}
