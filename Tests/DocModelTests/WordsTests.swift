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

    /// The character loop the fast paths must agree with.
    private func referenceNormalize(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for character in text {
            if character.isWhitespace || character == "\u{200B}" {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        return result
    }

    private func referenceCount(_ text: String) -> Int {
        var count = 0
        var inWord = false, alnum = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "\u{00A0}" || scalar == "\u{200B}" {
                if inWord && alnum { count += 1 }
                inWord = false; alnum = false
            } else {
                inWord = true
                if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { alnum = true }
            }
        }
        return inWord && alnum ? count + 1 : count
    }

    @Test func fastPathsAgreeWithTheCharacterLoop() {
        let pieces = ["a", "Z", "9", " ", "\t", "\r\n", "\n", "\u{00A0}", "\u{200B}", "\u{2003}", "\u{3000}", "é", "ë", "e\u{0301}",
                      " \u{0301}", "\u{200D}", "👍🏽", "👨\u{200D}👩", "…", "—", "€", "☒", "ﬁ", "Ж", "\u{0483}", "\u{0600}", "\u{FEFF}",
                      "\u{1F1F3}\u{1F1F1}", "한", "\u{0085}", "_", "[", "}", "\u{0001}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(Words.normalizeSpace(text) == referenceNormalize(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(Words.count(text) == referenceCount(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
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
