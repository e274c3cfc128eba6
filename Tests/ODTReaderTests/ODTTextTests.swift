import DocModel
import Testing

@Suite struct ODTTextTests {
    @Test func headingsParagraphsAndTitle() throws {
        let document = try FlatODT.read(
            body: """
                <text:p text:style-name="Title">My  Title</text:p>
                <text:h text:style-name="Heading_20_1" text:outline-level="1">Intro</text:h>
                <text:p text:style-name="P1">Body text</text:p>
                <text:h text:outline-level="3">Deep</text:h>
                <text:h>No level</text:h>
                """,
            styles: """
                <style:style style:name="Title" style:family="paragraph"/>
                <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph"/>
                <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph"/>
                """,
            automatic: """
                <style:style style:name="P1" style:family="paragraph" style:parent-style-name="Text_20_body"/>
                """)
        #expect(document.format == .flatODT)
        #expect(FlatODT.dump(document) == """
            Title style="Title"
              Text "My Title"
            Heading 1 style="Heading 1"
              Text "Intro"
            Paragraph style="Text body"
              Text "Body text"
            Heading 3
              Text "Deep"
            Heading 1
              Text "No level"

            """)
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
        if case .text(let run) = third.inlines.first { #expect(run.text.count <= 1001) }
    }

    @Test func spanStylesFollowParentsAndParagraphStyle() throws {
        let document = try FlatODT.read(
            body: """
                <text:p text:style-name="P1">plain <text:span text:style-name="T1">bold</text:span> \
                <text:span text:style-name="T2">bold-italic-under</text:span> \
                <text:span text:style-name="T3">strike<text:span text:style-name="T4">sup</text:span></text:span> \
                <text:span text:style-name="T5">sub</text:span> <text:span text:style-name="T6">normal</text:span></text:p>
                <text:p text:style-name="BoldPara">all bold <text:span text:style-name="T6">not</text:span></text:p>
                """,
            styles: """
                <style:style style:name="Strong" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
                <style:style style:name="StrongItalic" style:family="text" style:parent-style-name="Strong"><style:text-properties fo:font-style="italic"/></style:style>
                <style:style style:name="BoldPara" style:family="paragraph"><style:text-properties fo:font-weight="700"/></style:style>
                """,
            automatic: """
                <style:style style:name="P1" style:family="paragraph"/>
                <style:style style:name="T1" style:family="text" style:parent-style-name="Strong"/>
                <style:style style:name="T2" style:family="text" style:parent-style-name="StrongItalic"><style:text-properties style:text-underline-style="solid"/></style:style>
                <style:style style:name="T3" style:family="text"><style:text-properties style:text-line-through-style="solid"/></style:style>
                <style:style style:name="T4" style:family="text"><style:text-properties style:text-position="super 58%"/></style:style>
                <style:style style:name="T5" style:family="text"><style:text-properties style:text-position="-33% 58%"/></style:style>
                <style:style style:name="T6" style:family="text"><style:text-properties fo:font-weight="normal" style:text-underline-style="none"/></style:style>
                """)
        #expect(FlatODT.dump(document) == """
            Paragraph
              Text "plain "
              Text "bold" [bold]
              Text " "
              Text "bold-italic-under" [bold,italic,underline]
              Text " "
              Text "strike" [strike]
              Text "sup" [strike,sup]
              Text " "
              Text "sub" [sub]
              Text " normal"
            Paragraph style="BoldPara"
              Text "all bold " [bold]
              Text "not"

            """)
    }

    @Test func hiddenTextParagraphsAndStyles() throws {
        let document = try FlatODT.read(
            body: """
                <text:p text:style-name="P1">Hidden by style</text:p>
                <text:p>Shown <text:hidden-text text:condition="ooow:1" text:string-value="secret" text:is-hidden="true">secret</text:hidden-text> \
                <text:hidden-text text:string-value="open" text:is-hidden="false">open</text:hidden-text></text:p>
                <text:p><text:hidden-paragraph text:condition="ooow:1" text:is-hidden="true"/>Gone</text:p>
                <text:p><text:hidden-paragraph text:is-hidden="false"/>Kept</text:p>
                <text:p>x <text:span text:style-name="T1">invisible</text:span></text:p>
                """,
            automatic: """
                <style:style style:name="P1" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties text:display="none"/></style:style>
                <style:style style:name="T1" style:family="text"><style:text-properties text:display="none"/></style:style>
                """)
        #expect(FlatODT.dump(document) == """
            Paragraph style="Standard"
              Text "Hidden by style" [hidden]
            Paragraph
              Text "Shown "
              Text "secret" [hidden]
              Text " open"
            Paragraph hidden
              Text "Gone"
            Paragraph
              Text "Kept"
            Paragraph
              Text "x "
              Text "invisible" [hidden]

            """)
        #expect(Outline(document: document).totalWords == 4)  // Shown open Kept x
        #expect(DocumentFlags(document: document).hiddenText == 4)
    }

    @Test func linksAndBookmarks() throws {
        let document = try FlatODT.read(body: """
            <text:p><text:bookmark text:name="here"/>See <text:a xlink:type="simple" xlink:href="https://example.org/x">the site</text:a> \
            and <text:a xlink:href="#here">this</text:a> and <text:a xlink:href="other.odt">that</text:a>.</text:p>
            """)
        #expect(FlatODT.dump(document) == """
            Paragraph
              Text "See "
              Link target="https://example.org/x"
                Text "the site"
              Text " and "
              Link anchor="here"
                Text "this"
              Text " and "
              Link target="other.odt"
                Text "that"
              Text "."

            """)
        #expect(document.package.externalRelationships == [
            .init(source: "content.xml", type: "hyperlink", target: "https://example.org/x"),
        ])
        #expect(DocumentFlags(document: document).externalReferences.isEmpty)
    }

    @Test func fields() throws {
        let document = try FlatODT.read(body: """
            <text:p>Page <text:page-number text:select-page="current">3</text:page-number> of <text:page-count>9</text:page-count>, \
            <text:user-field-get text:name="Klant">ACME BV</text:user-field-get>, <text:date>1 May</text:date>, \
            <text:bookmark-ref text:ref-name="b1" text:reference-format="page">2</text:bookmark-ref>, \
            <text:variable-set text:name="x" office:value-type="float">5</text:variable-set><text:title>T</text:title></text:p>
            """)
        #expect(FlatODT.dump(document) == """
            Paragraph
              Text "Page "
              Field "page-number"
                Text "3"
              Text " of "
              Field "page-count"
                Text "9"
              Text ", "
              Field "user-field-get Klant"
                Text "ACME BV"
              Text ", "
              Field "date"
                Text "1 May"
              Text ", "
              Field "bookmark-ref b1"
                Text "2"
              Text ", "
              Field "variable-set x"
                Text "5"
              Field "title"
                Text "T"

            """)
    }

    @Test func notesAndComments() throws {
        let document = try FlatODT.read(body: """
            <text:p>Text<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation>\
            <text:note-body><text:p>Note  body</text:p></text:note-body></text:note> more \
            <text:note text:note-class="endnote"><text:note-citation>i</text:note-citation><text:note-body><text:p>End</text:p></text:note-body></text:note>\
            <office:annotation office:name="c1"><dc:creator>Ann</dc:creator><dc:date>2024-01-02T03:04:05</dc:date>\
            <text:p>A remark</text:p><text:list><text:list-item><text:p>item</text:p></text:list-item></text:list></office:annotation>commented\
            <office:annotation-end office:name="c1"/><office:annotation><dc:creator>Bob</dc:creator><text:p>Second</text:p></office:annotation></text:p>
            """)
        #expect(ModelDump.dump(document) == """
            Document fodt
              Paragraph
                Text "Text"
                NoteRef footnote "ftn1"
                Text " more "
                NoteRef endnote "note-1"
                CommentRef "c1"
                Text "commented"
                CommentRef "comment-2"
            Note footnote "ftn1"
              Paragraph
                Text "Note body"
            Note endnote "note-1"
              Paragraph
                Text "End"
            Comment "c1" author="Ann"
              Paragraph
                Text "A remark"
              ListItem 1 bullet list="list-1"
                Text "item"
            Comment "comment-2" author="Bob"
              Paragraph
                Text "Second"

            """)
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
        let document = try FlatODT.read(body: """
            <text:section text:name="Open"><text:p>Visible</text:p></text:section>
            <text:section text:name="Closed" text:display="none"><text:p>Hidden words here</text:p></text:section>
            <text:section text:name="Cond" text:display="condition" text:condition="ooow:x==1"><text:p>Maybe</text:p></text:section>
            <text:table-of-content text:name="TOC"><text:table-of-content-source text:outline-level="3"><text:index-title-template>Contents</text:index-title-template></text:table-of-content-source>\
            <text:index-body><text:index-title text:name="T"><text:p>Contents</text:p></text:index-title><text:p>Intro<text:tab/>1</text:p></text:index-body></text:table-of-content>
            """)
        #expect(FlatODT.dump(document) == """
            Section name="Open"
              Paragraph
                Text "Visible"
            Section name="Closed" hidden
              Paragraph
                Text "Hidden words here"
            Section name="Cond" hidden
              Paragraph
                Text "Maybe"
            Paragraph
              Text "Contents"
            Paragraph
              Text "Intro"
              Tab
              Text "1"

            """)
        #expect(Outline(document: document).totalWords == 4)
    }
}
