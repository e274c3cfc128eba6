import DocModel
import Testing

@Suite struct ODTTextTests {
    @Test func headingsParagraphsAndTitle() throws {
        let document = try FlatODT.fixture("odt-headings-paragraphs-and-title")
        #expect(document.format == .flatODT)
        #expect(Outline(document: document).title == "My Title")
    }

    @Test func whitespaceCollapsing() throws {
        let document = try FlatODT.read(body: """
            <text:p>
               Leading   spaces\tand
            newlines <text:span>  across</text:span>  spans</text:p>
            <text:p>a<text:s text:c="3"/>b<text:s/> c<text:tab/>d<text:line-break/>e<text:soft-page-break/>f</text:p>
            <text:p><text:s text:c="1000000000"/>x</text:p>
            """)
        guard case .paragraph(let first) = document.body[0], case .paragraph(let second) = document.body[1],
              case .paragraph(let third) = document.body[2] else {
            Issue.record("expected paragraphs")
            return
        }
        #expect(first.inlines == [.text(TextRun("Leading spaces and newlines across spans"))])
        #expect(second.inlines == [
            // `b<text:s/> c`: the space of text:s, then the real space as a run of its own.
            .text(TextRun("a   b  c")), .tab, .text(TextRun("d")), .break(InlineBreak(kind: .line)), .text(TextRun("ef")),
        ])
        // A hostile space count is capped.
        let run = try #require(third.inlines.first.flatMap { inline -> TextRun? in if case .text(let run) = inline { run } else { nil } })
        #expect(run.text.count <= 1001)
    }

    @Test func hiddenTextParagraphsAndStyles() throws {
        let document = try FlatODT.fixture("odt-hidden-text-paragraphs-and-styles")
        #expect(Outline(document: document).totalWords == 4)  // Shown open Kept x
        #expect(DocumentFlags(document: document).hiddenText == 4)
    }

    @Test func linksAndBookmarks() throws {
        let document = try FlatODT.fixture("odt-links-and-bookmarks")
        #expect(document.package.externalRelationships == [
            .init(source: "content.xml", type: "hyperlink", target: "https://example.org/x"),
        ])
        #expect(DocumentFlags(document: document).externalReferences.isEmpty)
    }

    @Test func notesAndComments() throws {
        let document = try FlatODT.fixture("odt-notes-and-comments")
        #expect(document.comments.first?.date == "2024-01-02T03:04:05")
        guard case .paragraph(let paragraph) = document.body.first,
              case .noteReference(let reference) = paragraph.inlines[1] else {
            Issue.record("expected a note reference")
            return
        }
        #expect(reference.label == "1")
        // Words: Text more commented + note bodies (Note body, End) = 6; comments are not counted.
        #expect(Outline(document: document).totalWords == 6)
    }

    @Test func sectionsAndIndexes() throws {
        let document = try FlatODT.fixture("odt-sections-and-indexes")
        #expect(Outline(document: document).totalWords == 4)
    }
}
