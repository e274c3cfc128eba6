import DocModel
import Testing

@Suite struct WordsTests {
    @Test func countsRunsWithALetterOrDigit() {
        #expect(Words.count("Dit is een zin.") == 4)
        #expect(Words.count("zorg-aanbieder 3+2+2 – 12,5%") == 3)
        #expect(Words.count("  \t\n ") == 0)
        #expect(Words.count("• item") == 1)
        #expect(Words.count("één\u{00A0}twee") == 2)
    }

    @Test func normalizesSpace() {
        #expect(Words.normalizeSpace("  a \t b\n\nc ") == "a b c")
    }
}

@Suite struct OutlineTests {
    private func heading(_ level: Int, _ text: String) -> Block {
        .heading(Heading(level: level, inlines: [.text(TextRun(text))]))
    }

    private func paragraph(_ inlines: [Inline]) -> Block {
        .paragraph(Paragraph(inlines: inlines))
    }

    @Test func nestsSectionsAndCountsWordsPerSection() {
        let document = Document(
            format: .docx,
            body: [
                .heading(Heading(level: 0, inlines: [.text(TextRun("De titel"))], isTitle: true)),
                paragraph([.text(TextRun("Voor de eerste kop."))]),
                heading(1, "Een"),
                paragraph([.text(TextRun("een twee ")), .text(TextRun("drie", style: .bold))]),
                heading(2, "Een punt een"),
                paragraph([
                    .text(TextRun("vier")),
                    .revision(RevisedInlines(revision: Revision(kind: .deletion), inlines: [.text(TextRun(" weg weg"))])),
                    .revision(RevisedInlines(revision: Revision(kind: .insertion), inlines: [.text(TextRun(" erbij"))])),
                    .text(TextRun(" verborgen", style: .hidden)),
                    .noteReference(NoteReference(kind: .footnote, id: "1")),
                ]),
                heading(1, "Twee"),
            ],
            notes: [Note(kind: .footnote, id: "1", blocks: [paragraph([.text(TextRun("voetnoot tekst"))])])]
        )
        let outline = Outline(document: document)
        #expect(outline.title == "De titel")
        #expect(outline.preambleWords == 6)
        #expect(outline.sections.map(\.title) == ["Een", "Twee"])
        #expect(outline.sections[0].words == 3)
        #expect(outline.sections[0].children.map(\.title) == ["Een punt een"])
        // "vier erbij" plus the footnote's two words; deleted and hidden text do not count.
        #expect(outline.sections[0].children[0].words == 4)
        #expect(outline.sections[0].totalWords == 7)
        // 6 preamble + headings (1 + 3 + 1) + 3 + 4
        #expect(outline.totalWords == 18)
    }

    @Test func runsSplitInsideAWordCountOnce() {
        let document = Document(format: .docx, body: [paragraph([.text(TextRun("zorg")), .text(TextRun("aanbieder", style: .italic))])])
        #expect(Outline(document: document).totalWords == 1)
    }
}

@Suite struct FlagsTests {
    @Test func raisesFlagsForCommentsChangesHiddenTextAndPackageFacts() {
        var facts = PackageFacts()
        facts.macroParts = ["word/vbaProject.bin"]
        facts.externalRelationships = [
            .init(source: "word/document.xml", type: "hyperlink", target: "https://example.org"),
            .init(source: "word/settings.xml", type: "attachedTemplate", target: "file:///C:/sjabloon.dotm"),
        ]
        let document = Document(
            format: .docx,
            body: [.paragraph(Paragraph(inlines: [
                .commentReference(id: "0"),
                .text(TextRun("geheim", style: .hidden)),
                .revision(RevisedInlines(revision: Revision(kind: .insertion), inlines: [])),
            ]))],
            package: facts
        )
        let flags = DocumentFlags(document: document)
        #expect(flags.raised == ["comments", "trackedChanges", "hiddenText", "macros", "externalReferences"])
        #expect(flags.externalReferences == ["file:///C:/sjabloon.dotm"])
    }
}
