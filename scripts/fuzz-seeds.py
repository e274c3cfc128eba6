#!/usr/bin/env python3
"""Small DOCX and ODT template seeds for the fuzz targets (scripts/fuzz.sh).

The project's own templates are tens of kilobytes of XML; a fuzzer mutating them runs at a few
executions per second. These packages hold one construct each (a value, a loop over paragraphs,
rows and list items, an inverted section, filters, a header, numbering, ids) in a few hundred
bytes. Usage: fuzz-seeds.py <output folder>
"""
import os
import sys
import zipfile

W = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
     'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
     'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"')
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def p(text, extra=""):
    return f'<w:p>{extra}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def docx(path, body, header=None, numbering=None):
    overrides = ('<Override PartName="/word/document.xml" ContentType="application/'
                 'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>')
    rels, parts = "", []
    if header:
        parts.append(("word/header1.xml", f'<w:hdr {W}>{header}</w:hdr>'))
        rels += f'<Relationship Id="rIdh" Type="{REL}header" Target="header1.xml"/>'
        overrides += ('<Override PartName="/word/header1.xml" ContentType="application/'
                      'vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>')
        body += '<w:sectPr><w:headerReference w:type="default" r:id="rIdh"/></w:sectPr>'
    if numbering:
        parts.append(("word/numbering.xml", f'<w:numbering {W}>{numbering}</w:numbering>'))
        rels += f'<Relationship Id="rIdn" Type="{REL}numbering" Target="numbering.xml"/>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   f'<Default Extension="xml" ContentType="application/xml"/>{overrides}</Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{REL}officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>')
        z.writestr("word/_rels/document.xml.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   f'{rels}</Relationships>')
        for name, xml in parts:
            z.writestr(name, xml)


ODF = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
       'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
       'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"')


def odt(path, body):
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        z.writestr("META-INF/manifest.xml",
                   '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
                   '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                   '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
        z.writestr("content.xml", f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODF}>'
                                  f'<office:body><office:text>{body}</office:text></office:body></office:document-content>')


def main(out):
    os.makedirs(out, exist_ok=True)
    docx(f"{out}/value.docx", p("Titel: {{titel}} ({{kenmerk.nummer}})"))
    docx(f"{out}/split-runs.docx",
         '<w:p><w:r><w:t>{{</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>ti</w:t></w:r><w:proofErr w:type="spellStart"/>'
         '<w:r><w:t>tel}}</w:t></w:r></w:p>')
    docx(f"{out}/loop-paragraphs.docx", p("{{#percelen}}") + p("Perceel {{id}}: {{naam}}", '<w:pPr><w:pStyle w:val="Heading2"/></w:pPr>') + p("{{/percelen}}"))
    docx(f"{out}/loop-row.docx",
         '<w:tbl><w:tr><w:tc>' + p("{{#percelen}}{{naam}}") + '</w:tc><w:tc>' + p("{{nummer | aantal}}{{/percelen}}") + '</w:tc></w:tr></w:tbl>')
    docx(f"{out}/inverted-filters.docx",
         p("{{^leeg}}geen{{/leeg}} {{#waar}}ja{{/waar}} {{sluiting | datum}} {{bedrag | bedrag}} {{aantal | procent}}"))
    docx(f"{out}/header-ids.docx",
         p("{{#percelen}}") + '<w:p w14:paraId="0A000001"><w:bookmarkStart w:id="1" w:name="b"/><w:r><w:t>{{.}}</w:t></w:r>'
         '<w:bookmarkEnd w:id="1"/></w:p>' + p("{{/percelen}}"), header=p("{{titel}}"))
    docx(f"{out}/numbering.docx",
         p("{{#percelen}}") + p("{{naam}}", '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>') + p("{{/percelen}}"),
         numbering='<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
                   '<w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    odt(f"{out}/value.odt", '<text:p>Titel: {{titel}}</text:p>')
    odt(f"{out}/loop.odt", '<text:p>{{#percelen}}</text:p><text:h text:outline-level="2">{{naam}}</text:h><text:p>{{/percelen}}</text:p>')
    odt(f"{out}/loop-row.odt",
        '<table:table><table:table-row><table:table-cell><text:p>{{#percelen}}{{naam}}</text:p></table:table-cell>'
        '<table:table-cell><text:p>{{nummer}}{{/percelen}}</text:p></table:table-cell></table:table-row></table:table>')
    odt(f"{out}/list-filters.odt",
        '<text:list><text:list-item><text:p>{{#percelen}}{{naam}}<text:s text:c="3"/>{{/percelen}}</text:p></text:list-item></text:list>'
        '<text:p>{{^leeg}}geen{{/leeg}} {{sluiting | datumtijd}}</text:p>')


if __name__ == "__main__":
    main(sys.argv[1])
