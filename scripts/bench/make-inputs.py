#!/usr/bin/env python3
"""Generate the inputs of `make bench` into an untracked folder (standard library only).

    python3 scripts/bench/make-inputs.py out/bench

Everything is derived from the sample submission samples/submissions/achterhoek-2021/compleet,
which scripts/make-submissions.py made from the tender's own form (`dossier build`): its answers
are lengthened by repeating realistic paragraphs inside each answer's content control, the way
a provider types them, so `dossier check --tender samples/tenders/achterhoek-2021.yaml` reads
a real submission. Output (deterministic):

  dossier-30p.docx, dossier-300p.docx          the filled form at about 30 and 300 pages
  dossier-{1,2,4,8}x.docx                      30, 60, 120, 240 pages (inspect scaling)
  submission-{1,2,4,8}x/                       the dossier at that size + five UEAs + evidence
  submission-images/                           submission-1x plus a 50 MB DOCX of images as evidence
  images-50mb.docx                             a small document referencing 50 MB of random "PNG" bytes
  table.docx, table-1x.json                    dossier template with a 2,000-row table loop and its data
  table-scale-{1,2,4,8}x.json                  1,000 to 8,000 rows for the render scaling
  sections.docx, sections.json                 dossier template with 200 repeated sections
  docxtpl-table.docx, docxtpl-sections.docx    the same templates in docxtpl's Jinja syntax
  batch/                                       300 copies (hard links) of submission-1x
"""

import json
import os
import random
import re
import shutil
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BASE = os.path.join(ROOT, "samples", "submissions", "achterhoek-2021", "compleet")
EPOCH = (1980, 1, 1, 0, 0, 0)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# Sentences a provider would write; numbered variants keep paragraphs distinct.
SENTENCES = [
    "Wij werken vanuit de vraag van het gezin en stellen samen met de jeugdige en de ouders concrete doelen op.",
    "Elk traject wordt na zes weken geëvalueerd met de cliënt, de verwijzer en waar nodig de school of huisarts.",
    "Onze medewerkers zijn SKJ- of BIG-geregistreerd en volgen jaarlijks scholing in oplossingsgericht werken.",
    "Wij delen signalen vroegtijdig met het lokale team, zodat opschaling naar zwaardere zorg zoveel mogelijk wordt voorkomen.",
    "De resultaten bespreken wij ieder kwartaal met de opdrachtgever aan de hand van de afgesproken indicatoren.",
    "In de regio werken wij samen met huisartsen, onderwijs, wijkteams en de andere gecontracteerde aanbieders.",
    "Klachten, incidenten en verbetervoorstellen gebruiken wij in een vaste verbetercyclus van plan, uitvoering en evaluatie.",
    "Wij bieden ondersteuning dicht bij huis, in de eigen omgeving van de cliënt, en schalen af zodra dat verantwoord kan.",
]


WORDS = ("jeugdige ouders gezin wijkteam verwijzer huisarts school begeleiding behandeling traject doelen "
         "evaluatie kwaliteit scholing intervisie regio gemeente samenwerking ketenpartners cliënt mantelzorger "
         "ondersteuning opvang verblijf afschaling opschaling resultaten indicatoren kwartaal afspraken "
         "veiligheid eigen kracht netwerk wachttijd toegang zorgvuldig tijdig passend integraal lokaal").split()


def sentence(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(9, 16))]
    if rng.random() < 0.3:
        words.insert(rng.randint(1, len(words) - 1), str(rng.randint(2, 480)))
    return " ".join(words).capitalize() + "."


def paragraph(index):
    """A paragraph as Word writes it: rsids, paragraph spacing, one run per sentence with its
    own run properties; three sentences from a fixed pool plus generated ones (about 45 words)."""
    rng = random.Random(index)
    sentences = [SENTENCES[index % len(SENTENCES)], sentence(rng), sentence(rng)]
    runs = "".join(
        '<w:r w:rsidRPr="00A1B2C3"><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/>'
        f'<w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="nl-NL"/></w:rPr><w:t xml:space="preserve">{text} </w:t></w:r>'
        for text in sentences)
    return (f'<w:p w:rsidR="00{index % 0xFFFFFF:06X}" w:rsidRDefault="00D4E5F6"><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/>'
            f'<w:jc w:val="both"/></w:pPr>{runs}</w:p>')


def read_zip(path):
    with zipfile.ZipFile(path) as z:
        return [(i.filename, z.read(i.filename), i.compress_type) for i in z.infolist()]


def write_zip(path, entries, level=6):
    with zipfile.ZipFile(path, "w") as z:
        for name, data, method in entries:
            info = zipfile.ZipInfo(name, EPOCH)
            info.compress_type = method
            info.external_attr = 0o100644 << 16
            if method == zipfile.ZIP_DEFLATED:
                z.writestr(info, data, compresslevel=level)
            else:
                z.writestr(info, data)


def grow_dossier(source, target, pages):
    """The filled form with every criterion answer lengthened so the document has about `pages`
    pages (about 500 words a page; the answers carry about 15,000 words per 30 pages)."""
    entries = read_zip(source)
    out = []
    answers = None
    for name, data, method in entries:
        if name == "word/document.xml":
            xml = data.decode("utf-8")
            pattern = re.compile(r'(<w:tag w:val="criterium-[^"]+"/></w:sdtPr><w:sdtContent>)(.*?)(</w:sdtContent>)', re.S)
            answers = len(pattern.findall(xml))
            # ~43 words per paragraph; 15,000 words per 30 pages over all answers.
            per_answer = max(1, round(pages / 30 * 15000 / answers / 43))
            counter = [0]

            def fill(match):
                body = "".join(paragraph(counter[0] + i) for i in range(per_answer))
                counter[0] += per_answer
                return match.group(1) + body + match.group(3)
            xml = pattern.sub(fill, xml)
            data = xml.encode("utf-8")
        elif name == "docProps/app.xml":
            xml = data.decode("utf-8")
            xml = xml.replace("<Template>", f"<Pages>{pages}</Pages>\n  <Template>", 1) if "<Pages>" not in xml else xml
            data = xml.encode("utf-8")
        out.append((name, data, method))
    write_zip(target, out)


EXTRA_UEAS = [
    # Two vaste onderaannemers of the dossier, with a UEA of their own: five UEAs in all.
    ("Zorggroep Berkelzicht B.V.", "52093418", "Eibergen", "Lid van een combinatie (combinant)",
     "Logeerhuis De Slinge V.O.F.", "74458120", "Aalten", "Onderaannemer"),
    ("Zorggroep Berkelzicht B.V.", "52093418", "Eibergen", "Lid van een combinatie (combinant)",
     "Ambulant Team IJsselstreek B.V.", "85126734", "Ulft", "Onderaannemer"),
]


def make_submission(target, dossier):
    os.makedirs(target, exist_ok=True)
    for name in sorted(os.listdir(BASE)):
        if name == "bekwaamheidsdossier.docx":
            continue
        shutil.copyfile(os.path.join(BASE, name), os.path.join(target, name))
    shutil.copyfile(dossier, os.path.join(target, "bekwaamheidsdossier.docx"))
    source = os.path.join(BASE, "UEA-Zorggroep-Berkelzicht-B-V.docx")
    for old_name, old_kvk, old_place, old_role, name, kvk, place, role in EXTRA_UEAS:
        entries = []
        for part, data, method in read_zip(source):
            if part.startswith("word/") or part.startswith("docProps/"):
                text = data.decode("utf-8")
                for a, b in ((old_name, name), (old_kvk, kvk), (old_place, place), (old_role, role)):
                    text = text.replace(a, b)
                data = text.encode("utf-8")
            entries.append((part, data, method))
        safe = re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-")
        write_zip(os.path.join(target, f"UEA-{safe}.docx"), entries)


def make_images_docx(target, megabytes=50, count=25):
    """A short document with `count` inline pictures whose bytes (random, so incompressible)
    total `megabytes` MiB in word/media."""
    rng = random.Random(7)
    size = megabytes * 1024 * 1024 // count
    rels = ['<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>']
    body = ['<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Foto\'s van de locaties</w:t></w:r></w:p>']
    media = []
    for i in range(count):
        rid = f"rIdImg{i + 1}"
        rels.append(f'<Relationship Id="{rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image{i + 1}.png"/>')
        body.append(
            f'<w:p><w:r><w:t xml:space="preserve">Locatie {i + 1}: de woonvoorziening en de tuin. </w:t></w:r><w:r><w:drawing>'
            f'<wp:inline><wp:extent cx="5400000" cy="3600000"/><wp:docPr id="{i + 1}" name="Afbeelding {i + 1}" descr="Locatie {i + 1}"/>'
            f'<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
            f'<pic:nvPicPr><pic:cNvPr id="{i + 1}" name="image{i + 1}.png"/><pic:cNvPicPr/></pic:nvPicPr>'
            f'<pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
            f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="5400000" cy="3600000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>'
            f'</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>')
        png = b"\x89PNG\r\n\x1a\n" + bytes(rng.getrandbits(8) for _ in range(0)) + os.urandom(0)
        payload = png + rng.randbytes(size - len(png))
        media.append((f"word/media/image{i + 1}.png", payload))
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>'
        + "".join(body) + '<w:sectPr/></w:body></w:document>')
    styles = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{W}">'
              '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
              '</w:styles>')
    content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                     '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     '<Default Extension="xml" ContentType="application/xml"/>'
                     '<Default Extension="png" ContentType="image/png"/>'
                     '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                     '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
                     '</Types>')
    root_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                 '</Relationships>')
    doc_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                + "".join(rels) + '</Relationships>')
    entries = [("[Content_Types].xml", content_types.encode(), zipfile.ZIP_DEFLATED),
               ("_rels/.rels", root_rels.encode(), zipfile.ZIP_DEFLATED),
               ("word/document.xml", document.encode(), zipfile.ZIP_DEFLATED),
               ("word/_rels/document.xml.rels", doc_rels.encode(), zipfile.ZIP_DEFLATED),
               ("word/styles.xml", styles.encode(), zipfile.ZIP_DEFLATED)]
    # Word deflates images too; random bytes stay their size.
    entries += [(name, data, zipfile.ZIP_DEFLATED) for name, data in media]
    write_zip(target, entries, level=1)


# --- templates -------------------------------------------------------------------------------

def template_docx(target, body):
    content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                     '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     '<Default Extension="xml" ContentType="application/xml"/>'
                     '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                     '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
                     '</Types>')
    root_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                 '</Relationships>')
    doc_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
                '</Relationships>')
    styles = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{W}">'
              '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
              '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/></w:style>'
              '</w:styles>')
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                f'<w:document xmlns:w="{W}"><w:body>' + body + '<w:sectPr/></w:body></w:document>')
    write_zip(target, [("[Content_Types].xml", content_types.encode(), zipfile.ZIP_DEFLATED),
                       ("_rels/.rels", root_rels.encode(), zipfile.ZIP_DEFLATED),
                       ("word/_rels/document.xml.rels", doc_rels.encode(), zipfile.ZIP_DEFLATED),
                       ("word/document.xml", document.encode("utf-8"), zipfile.ZIP_DEFLATED),
                       ("word/styles.xml", styles.encode(), zipfile.ZIP_DEFLATED)])


def p(text, style=None):
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def cell(text, width=3000, bold=False):
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
            f'<w:p><w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r></w:p></w:tc>')


def row(*cells):
    return "<w:tr>" + "".join(cells) + "</w:tr>"


TBL_START = ('<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="9000" w:type="dxa"/></w:tblPr>'
             '<w:tblGrid><w:gridCol w:w="1500"/><w:gridCol w:w="4500"/><w:gridCol w:w="1500"/><w:gridCol w:w="1500"/></w:tblGrid>')


def make_templates(out):
    head = p("Overzicht van de geleverde zorg", "Heading1") + p("Opdrachtgever: {{opdrachtgever}}")
    header_row = row(cell("Nr.", 1500, True), cell("Omschrijving", 4500, True), cell("Datum", 1500, True), cell("Bedrag", 1500, True))
    # dossier: a section opened and closed in one table row repeats the row.
    table = TBL_START + header_row + row(
        cell("{{#regels}}{{nummer}}", 1500), cell("{{omschrijving}}", 4500),
        cell("{{datum | datum}}", 1500), cell("{{bedrag | bedrag}}{{/regels}}", 1500)) + "</w:tbl>"
    template_docx(os.path.join(out, "table.docx"), head + table + p("Totaal: {{totaal | bedrag}}"))
    # docxtpl: {%tr %} rows around the repeated row; the filters become Python formatting in the data.
    jtable = TBL_START + header_row + row(cell("{%tr for r in regels %}", 1500), cell("", 4500), cell("", 1500), cell("", 1500)) + row(
        cell("{{ r.nummer }}", 1500), cell("{{ r.omschrijving }}", 4500),
        cell("{{ r.datum_tekst }}", 1500), cell("{{ r.bedrag_tekst }}", 1500)) + row(
        cell("{%tr endfor %}", 1500), cell("", 4500), cell("", 1500), cell("", 1500)) + "</w:tbl>"
    template_docx(os.path.join(out, "docxtpl-table.docx"),
                  p("Overzicht van de geleverde zorg", "Heading1") + p("Opdrachtgever: {{ opdrachtgever }}") + jtable + p("Totaal: {{ totaal_tekst }}"))

    sections = (p("Rapportage per locatie", "Heading1") + p("{{#secties}}") + p("{{titel}}", "Heading1")
                + p("Locatie {{locatie}}, gemeente {{gemeente}}.") + p("{{tekst}}") + p("{{toelichting}}")
                + p("{{/secties}}"))
    template_docx(os.path.join(out, "sections.docx"), sections)
    jsections = (p("Rapportage per locatie", "Heading1") + p("{%p for s in secties %}") + p("{{ s.titel }}", "Heading1")
                 + p("Locatie {{ s.locatie }}, gemeente {{ s.gemeente }}.") + p("{{ s.tekst }}") + p("{{ s.toelichting }}")
                 + p("{%p endfor %}"))
    template_docx(os.path.join(out, "docxtpl-sections.docx"), jsections)

    months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
              "september", "oktober", "november", "december"]
    # Scaling data (dossier only): 1,000 rows a step, the four fields the template uses, so that
    # 8x (8,000 rows, 72,000 nodes) stays under the data loader's 100,000-node limit.
    for factor in (1, 2, 4, 8):
        rows = [{"nummer": i + 1, "omschrijving": f"Ambulante begeleiding, traject {i + 1}, {SENTENCES[i % len(SENTENCES)][:60]}",
                 "datum": f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}", "bedrag": (1000 + (i * 7919) % 500000) / 100}
                for i in range(1000 * factor)]
        with open(os.path.join(out, f"table-scale-{factor}x.json"), "w", encoding="utf-8") as f:
            json.dump({"opdrachtgever": "Gemeente Doetinchem", "regels": rows, "totaal": 0}, f, ensure_ascii=False)
    for factor in (1,):
        rows = []
        total = 0
        for i in range(2000 * factor):
            cents = 1000 + (i * 7919) % 500000
            total += cents
            day, month = 1 + i % 28, 1 + i % 12
            rows.append({
                "nummer": i + 1,
                "omschrijving": f"Ambulante begeleiding, traject {i + 1}, {SENTENCES[i % len(SENTENCES)][:60]}",
                "datum": f"2023-{month:02d}-{day:02d}",
                "bedrag": cents / 100,
                "datum_tekst": f"{day} {months[month - 1]} 2023",
                "bedrag_tekst": f"€ {cents // 100:,},{cents % 100:02d}".replace(",", "X", 1).replace("X", ".") if cents >= 100000 else f"€ {cents // 100},{cents % 100:02d}",
            })
        data = {"opdrachtgever": "Gemeente Doetinchem", "regels": rows, "totaal": total / 100,
                "totaal_tekst": f"€ {total // 100},{total % 100:02d}"}
        with open(os.path.join(out, f"table-{factor}x.json"), "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False)
    secties = [{"titel": f"Locatie {i + 1}: {['Doetinchem', 'Winterswijk', 'Aalten', 'Berkelland'][i % 4]}",
                "locatie": f"L-{i + 1:03d}", "gemeente": ["Doetinchem", "Winterswijk", "Aalten", "Berkelland"][i % 4],
                "tekst": " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(4)),
                "toelichting": SENTENCES[i % len(SENTENCES)]} for i in range(200)]
    with open(os.path.join(out, "sections.json"), "w", encoding="utf-8") as f:
        json.dump({"secties": secties}, f, ensure_ascii=False)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "out", "bench")
    os.makedirs(out, exist_ok=True)
    stamp = os.path.join(out, ".inputs-v2")
    if os.path.exists(stamp):
        print(f"bench inputs present in {out}")
        return
    source = os.path.join(BASE, "bekwaamheidsdossier.docx")
    grow_dossier(source, os.path.join(out, "dossier-30p.docx"), 30)
    grow_dossier(source, os.path.join(out, "dossier-300p.docx"), 300)
    for factor in (1, 2, 4, 8):
        dossier = os.path.join(out, f"dossier-{factor}x.docx")
        grow_dossier(source, dossier, 30 * factor)
        make_submission(os.path.join(out, f"submission-{factor}x"), dossier)
    make_images_docx(os.path.join(out, "images-50mb.docx"))
    images = os.path.join(out, "submission-images")
    shutil.rmtree(images, ignore_errors=True)
    shutil.copytree(os.path.join(out, "submission-1x"), images)
    shutil.copyfile(os.path.join(out, "images-50mb.docx"), os.path.join(images, "Fotos-locaties.docx"))
    make_templates(out)
    batch = os.path.join(out, "batch")
    shutil.rmtree(batch, ignore_errors=True)
    first = os.path.join(out, "submission-1x")
    for i in range(300):
        target = os.path.join(batch, f"inzending-{i + 1:03d}")
        os.makedirs(target)
        for name in sorted(os.listdir(first)):
            try:
                os.link(os.path.join(first, name), os.path.join(target, name))
            except OSError:
                shutil.copyfile(os.path.join(first, name), os.path.join(target, name))
    open(stamp, "w").close()
    print(f"bench inputs written to {out}")


if __name__ == "__main__":
    main()
