#!/usr/bin/env python3
"""Make the sample submissions in samples/submissions/ (standard library only).

For every sample tender (samples/tenders/*.yaml) this script runs the already built
`dossier build` into a temporary folder, fills the generated bekwaamheidsdossier (DOCX, and the
ODT for one case) by editing its XML by content-control tag, and writes one folder per case:
a complete submission, one copy per defect with exactly that defect, a combination of defects,
a dossier in the provider's own house style (no content controls) and the complete case as ODT.
UEAs (small DOCX) and evidence (small hand-written PDFs) are made here too.

    python3 scripts/make-submissions.py --dossier .build/debug/dossier

All data is fictional. Output is deterministic: fixed zip timestamps, fixed entry order.
"""

import argparse
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EPOCH = (1980, 1, 1, 0, 0, 0)
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]

# ---------------------------------------------------------------------------------------------
# Fictional data per tender
# ---------------------------------------------------------------------------------------------

ROLE_BIDDER = "Inschrijver"
ROLE_LEAD = "Penvoerder (combinatie)"
ROLE_MEMBER = "Combinant"
ROLE_THIRD = "Derde (beroep op capaciteit)"
ROLE_FIXED = "Vaste onderaannemer"

TENDERS = {
    "achterhoek-2021": {
        "bidder": {
            "naam": "Combinatie Jeugd en Wmo Oost-Gelderland (penvoerder Stichting Kompas Jeugdzorg Oost)",
            "kvk": "41872365", "agb": "98123456", "bera": "n.v.t.",
            "contactpersoon": "Marloes ter Haar", "email": "aanbesteding@kompasjeugdzorg.example",
            "telefoon": "0314 760 200",
            "ondertekenaar": ("Harm Wolters", "Bestuurder Stichting Kompas Jeugdzorg Oost"),
            "plaats": "Doetinchem",
        },
        "parties": [
            # role, name, kvk, needs UEA, signatory (name, function), town
            (ROLE_LEAD, "Stichting Kompas Jeugdzorg Oost", "41872365", True,
             ("Harm Wolters", "bestuurder"), "Doetinchem"),
            (ROLE_MEMBER, "Zorggroep Berkelzicht B.V.", "52093418", True,
             ("Ineke Lammers", "directeur"), "Eibergen"),
            (ROLE_THIRD, "Stichting Gedragsexpertise Achterhoek", "63310297", True,
             ("Dr. Ruud Kampman", "directeur-bestuurder"), "Winterswijk"),
            (ROLE_FIXED, "Logeerhuis De Slinge V.O.F.", "74458120", False, None, "Aalten"),
            (ROLE_FIXED, "Ambulant Team IJsselstreek B.V.", "85126734", False, None, "Ulft"),
        ],
        "references": [
            ("Regio Twente (14 gemeenten)", "627.000", "2017-2020",
             "Ambulante jeugdhulp en gezinshuiszorg", "mw. A. Schuurman, contractmanager"),
            ("Gemeente Apeldoorn", "163.000", "2016-2020",
             "Wmo begeleiding en beschermd wonen", "dhr. P. Nijhuis, beleidsadviseur"),
            ("Regio Rivierenland (8 gemeenten)", "242.000", "2018-2020",
             "Jeugdhulp met verblijf en crisiszorg", "mw. E. de Graaf, inkoopadviseur"),
        ],
        "percelen": "Perceel Maatwerkdiensten Jeugd (alle segmenten) en perceel Maatwerkdiensten Wmo "
                    "(inclusief Wonen) (alle segmenten)",
        "sign_date": datetime.date(2021, 5, 3),
        "kvk_date": datetime.date(2021, 3, 15),       # 52 days before the deadline (max 180)
        "kvk_date_old": datetime.date(2020, 8, 17),   # 262 days before the deadline
        "region_places": "Doetinchem, Winterswijk, Aalten en Berkelland",
        "third_capacity": "voor de inzet van SKJ- en BIG-geregistreerde gedragswetenschappers "
                          "gedurende de volledige looptijd",
        "missing_section": "criterium-jeugd-gezins-woonvormen-samenwerking",
        "long_answer": "criterium-wmo-wonen-innovatie",
        "defect_answer": "criterium-jeugd-integraal-ambulant-passende-hulp",
        "many": ["kvk-ongeldig", "sectie-ontbreekt", "bijgehouden-wijzigingen", "opmerking", "bsn",
                 "uea-derde-ontbreekt", "bewijs-verouderd"],
    },
    "amersfoort-2023": {
        "bidder": {
            "naam": "Stichting Eemkracht Zorg en Welzijn",
            "kvk": "30581294", "agb": "98765012", "bera": "BerA-2021-0175",
            "contactpersoon": "Youssef el Amrani", "email": "inschrijving@eemkracht.example",
            "telefoon": "033 460 7100",
            "ondertekenaar": ("Carla Vermeulen", "Voorzitter raad van bestuur"),
            "plaats": "Amersfoort",
        },
        "parties": [
            (ROLE_BIDDER, "Stichting Eemkracht Zorg en Welzijn", "30581294", True,
             ("Carla Vermeulen", "voorzitter raad van bestuur"), "Amersfoort"),
            (ROLE_THIRD, "Stichting Vrouwenopvang Eemland", "32217640", True,
             ("Mirjam Bosman", "directeur"), "Soest"),
            (ROLE_FIXED, "Buurtwerk Leusden B.V.", "39104562", False, None, "Leusden"),
            (ROLE_FIXED, "Jeugdpraktijk De Vallei B.V.", "58812037", False, None, "Woudenberg"),
            (ROLE_FIXED, "Beschermd Thuis Baarn V.O.F.", "60237815", False, None, "Baarn"),
        ],
        "references": [
            ("Regio Utrecht-West (5 gemeenten)", "236.000", "2018-2021",
             "Maatschappelijke opvang, Wmo begeleiding en jeugdhulp in één integrale opdracht",
             "dhr. T. Verbeek, contractmanager"),
            ("Gemeente Hilversum", "90.000", "2019-2021",
             "Beschermd wonen", "mw. S. Kok, beleidsmedewerker"),
            ("Regio Gooi en Vechtstreek", "255.000", "2017-2021",
             "Specialistische jeugdhulp", "mw. L. Smit, inkoopadviseur"),
        ],
        "percelen": "Perceel Maatschappelijke Opvang & Vrouwenopvang, perceel Wmo ambulante "
                    "begeleiding, Beschermd Thuis & Beschermd Wonen en perceel Specialistische Jeugdhulp",
        "sign_date": datetime.date(2022, 5, 12),
        "kvk_date": datetime.date(2022, 4, 4),
        "kvk_date_old": datetime.date(2021, 9, 1),
        "region_places": "Amersfoort, Soest, Leusden en Bunschoten",
        "third_capacity": "voor de uitvoering van de vrouwenopvang en de ervaring daarmee "
                          "(kerncompetentie perceel Maatschappelijke Opvang & Vrouwenopvang) "
                          "gedurende de volledige looptijd",
        "missing_section": "criterium-wmo-organisatiekracht",
        "long_answer": "criterium-jeugd-visie-transformatie",
        "defect_answer": "criterium-mo-vo-visie-ondersteuning",
        "many": ["kvk-ongeldig", "sectie-ontbreekt", "bijgehouden-wijzigingen", "opmerking", "bsn",
                 "uea-derde-ontbreekt", "referenties-te-weinig"],
    },
}

BSN = "111222333"  # 9*1+8*1+7*1+6*2+5*2+4*2+3*3+2*3-1*3 = 66 = 6*11


def elfproef(digits):
    if len(digits) != 9 or not digits.isdigit():
        return False
    d = [int(c) for c in digits]
    total = sum(w * x for w, x in zip(range(9, 1, -1), d[:8])) - d[8]
    return total % 11 == 0


assert elfproef(BSN)

# ---------------------------------------------------------------------------------------------
# Prose for the criterion answers
# ---------------------------------------------------------------------------------------------

SPECIFIC = {
    "passende-hulp": "Passende jeugdhulp begint bij ons met de vraag van het gezin, niet met ons aanbod. "
                     "In het segment {seg} stellen wij samen met de jeugdige en de ouders binnen tien "
                     "werkdagen een gezinsplan op met concrete doelen, en wij schalen af zodra het kan.",
    "passende-ondersteuning": "Passende ondersteuning betekent voor ons dat de inwoner zelf de regie "
                              "houdt. In het segment {seg} stemmen wij de begeleiding af op wat de "
                              "inwoner zelf en zijn netwerk kunnen, en wij bouwen af wanneer dat verantwoord is.",
    "integrale-benadering": "Wij kijken naar alle leefgebieden tegelijk: wonen, school of werk, "
                            "financiën, gezondheid en het sociale netwerk. In het segment {seg} werkt "
                            "één vaste regisseur met één plan, ook als meerdere partners betrokken zijn.",
    "samenwerking": "Samenwerking is voor ons geen doel op zich maar een middel om de inwoner sneller "
                    "verder te helpen. In het segment {seg} maken wij vaste afspraken met de Toegang, "
                    "huisartsen, onderwijs en de andere aanbieders over overdracht en op- en afschalen.",
    "innovatie": "Wij vernieuwen in kleine stappen en meten het effect. In het segment {seg} werken wij "
                 "met beeldbellen, een gedeeld digitaal plan en inzet van ervaringsdeskundigen, en wij "
                 "stoppen met wat niet blijkt te werken.",
    "lokale-binding": "Onze medewerkers wonen en werken in de regio en kennen de sociale kaart van "
                      "{places}. In het segment {seg} werken wij vanuit vaste teams per gemeente, "
                      "zodat inwoners en verwijzers steeds dezelfde gezichten zien.",
    "visie-transformatie": "De transformatie vraagt om minder zware zorg en meer ondersteuning dichtbij. "
                           "Voor het perceel {seg} betekent dat voor ons: eerder erbij zijn, normaliseren "
                           "waar het kan en specialistische hulp inzetten waar het moet.",
    "visie-ondersteuning": "De cliënt is eigenaar van zijn plan. Voor het perceel {seg} formuleren wij de "
                           "doelen samen met de cliënt en zijn naasten, in gewone taal, en wij bespreken "
                           "iedere zes weken wat werkt en wat anders moet.",
    "organisatiekracht": "Onze professionals krijgen ruimte om te doen wat nodig is, binnen heldere "
                         "kaders. Voor het perceel {seg} werken zij in zelforganiserende teams met een "
                         "eigen budget voor maatwerk en een vaste gedragswetenschapper als vraagbaak.",
    "coordinatiekracht": "Wij hebben ervaring met het aansturen van integrale opdrachten met meerdere "
                         "onderaannemers. Voor het perceel {seg} voeren wij één cliëntadministratie, "
                         "één monitoringsdashboard en een programmatische aanpak met vaste mijlpalen.",
    "lokale-kennis": "Wij werken samen met lokale onderaannemers die de wijken en dorpen van "
                     "{places} kennen. Voor het perceel {seg} leggen wij met hen vast wie welke "
                     "expertise levert, zodat lokale kennis behouden blijft en het aanbod passend is.",
}

SHARED = [
    "In de afgelopen drie jaar hebben wij deze werkwijze toegepast bij {n} trajecten per jaar. "
    "Gemiddeld was 82 procent van de doelen bij afsluiting behaald, en de tevredenheid van cliënten "
    "lag op een 8,1. Deze resultaten bespreken wij ieder kwartaal met de opdrachtgever.",
    "Wij borgen de kwaliteit met intervisie, jaarlijkse scholing en een verbetercyclus waarin wij "
    "klachten, incidenten en signalen van verwijzers meenemen. Wat wij leren, passen wij binnen "
    "drie maanden toe in ons werk en delen wij met de samenwerkingspartners in de regio.",
]

EXTRA = [
    "Daarnaast investeren wij in de relatie met het voorliggende veld, zodat inwoners niet onnodig "
    "in de maatwerkvoorzieningen terechtkomen en sneller kunnen afschalen naar lichtere vormen van hulp.",
    "Bij iedere casus maken wij vooraf afspraken over de rolverdeling, de termijnen en de manier "
    "waarop wij de voortgang met de inwoner en de verwijzer bespreken.",
    "Onze teams houden een wachtlijst bij die wij wekelijks met de Toegang delen, zodat niemand "
    "langer dan nodig op hulp hoeft te wachten en overbrugging tijdig kan worden geregeld.",
]


def criterion_key(section_id):
    for key in sorted(SPECIFIC, key=len, reverse=True):
        if section_id.endswith("-" + key):
            return key
    return "samenwerking"


def answer_paragraphs(section, places, index):
    seg = section.get("segmentName") or section.get("lotName") or ""
    key = criterion_key(section["id"])
    first = SPECIFIC[key].format(seg=seg, places=places)
    return [first, SHARED[0].format(n=120 + 15 * index), SHARED[1]]


def long_paragraphs(section, places, minimum_words):
    paras = answer_paragraphs(section, places, 0)
    pool = [SPECIFIC[k].format(seg=section.get("segmentName") or section.get("lotName") or "",
                               places=places) for k in sorted(SPECIFIC)] + EXTRA + SHARED[1:]
    i = 0
    while sum(len(p.split()) for p in paras) <= minimum_words:
        paras.append(pool[i % len(pool)])
        i += 1
    return paras


def words(paragraphs):
    return sum(len(p.split()) for p in paragraphs)


# ---------------------------------------------------------------------------------------------
# Zip helpers
# ---------------------------------------------------------------------------------------------

def read_zip(path):
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if not n.endswith("/")}


def write_zip(path, parts, kind):
    """kind: docx | odt | zip. Deterministic: fixed dates, fixed order."""
    names = sorted(parts)
    first = {"docx": "[Content_Types].xml", "odt": "mimetype"}.get(kind)
    if first in parts:
        names.remove(first)
        names.insert(0, first)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with zipfile.ZipFile(path, "w") as z:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=EPOCH)
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            if kind == "odt" and name == "mimetype":
                info.compress_type = zipfile.ZIP_STORED
            else:
                info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, parts[name])


# ---------------------------------------------------------------------------------------------
# DOCX form filling (string edits on word/document.xml)
# ---------------------------------------------------------------------------------------------

def sdt_span(xml, tag):
    marker = '<w:tag w:val="%s"/>' % tag
    i = xml.find(marker)
    if i < 0:
        raise KeyError("no content control tagged %r" % tag)
    start = xml.rfind("<w:sdt>", 0, i)
    end = xml.find("</w:sdt>", i) + len("</w:sdt>")
    return start, end


def run(text):
    return '<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % escape(text)


def fill_text(xml, tag, value, date=None):
    start, end = sdt_span(xml, tag)
    sdt = xml[start:end]
    pr_end = sdt.index("</w:sdtPr>")
    pr = sdt[:pr_end].replace("<w:showingPlcHdr/>", "")
    if date is not None:
        pr = pr.replace("<w:date>", '<w:date w:fullDate="%sT00:00:00Z">' % date.isoformat())
    content = sdt[sdt.index("<w:sdtContent>") + len("<w:sdtContent>"):sdt.rindex("</w:sdtContent>")]
    if isinstance(value, list):  # block-level: paragraphs
        assert content.startswith("<w:p>"), tag
        new = "".join("<w:p>%s</w:p>" % (p if p.startswith("<") else run(p)) for p in value)
    else:
        assert content.startswith("<w:r>"), tag
        new = run(value)
    return xml[:start] + pr + "</w:sdtPr><w:sdtContent>" + new + "</w:sdtContent></w:sdt>" + xml[end:]


def check_box(xml, tag):
    start, end = sdt_span(xml, tag)
    sdt = xml[start:end].replace('<w14:checked w14:val="0"/>', '<w14:checked w14:val="1"/>')
    sdt = sdt.replace("<w:t>\u2610</w:t>", "<w:t>\u2612</w:t>")
    return xml[:start] + sdt + xml[end:]


def remove_table_row(xml, tag):
    i = xml.find('<w:tag w:val="%s"/>' % tag)
    start = xml.rfind("<w:tr>", 0, i)
    end = xml.find("</w:tr>", i) + len("</w:tr>")
    return xml[:start] + xml[end:]


def remove_section(xml, tag):
    """Remove a criterion's heading, its explanation paragraphs and the answer control."""
    start, end = sdt_span(xml, tag)
    h = xml.rfind('<w:p><w:pPr><w:pStyle w:val="Heading', 0, start)
    return xml[:h] + xml[end:].lstrip("\n")


def date_nl(d):
    return "%d %s %d" % (d.day, MONTHS[d.month - 1], d.year)


def sections_of(req):
    lots = {l["id"]: l for l in req["lots"]}
    out = []
    for s in req["dossier"]["sections"]:
        if not s["id"].startswith("criterium-"):
            continue
        s = dict(s)
        lot = lots.get(s.get("lot"))
        s["lotName"] = lot["name"] if lot else ""
        for seg in (lot or {}).get("segments", []) or []:
            if seg["id"] == s.get("segment"):
                s["segmentName"] = seg["name"]
        out.append(s)
    return out


def evidence_files(req, data):
    """One evidence file per evidence item of each minimum requirement: (requirement, filename, lines)."""
    b = data["bidder"]
    out = []
    for me in req["minimumRequirements"]:
        for ev in me["evidence"]:
            kind = ev["kind"]
            if kind == "kvk-uittreksel":
                out.append((me, "KvK-uittreksel.pdf", "kvk"))
            elif kind == "certificaat":
                out.append((me, "Kwaliteitscertificaat.pdf", "cert"))
            elif kind == "register":
                out.append((me, "%s-registeruitdraai.pdf" % ev["register"], "reg:" + ev["register"]))
            elif kind == "verklaring":
                slug = re.sub(r"[^a-z0-9]+", "-", me["requirement"].lower().replace("ë", "e")).strip("-")
                out.append((me, "Verklaring-%s.pdf" % slug, "verkl"))
            else:
                slug = re.sub(r"[^a-z0-9]+", "-", me["requirement"].lower()).strip("-")
                out.append((me, "Document-%s.pdf" % slug, "doc"))
    return out


def filled_docx_xml(xml, req, data, skip=(), overrides=None):
    """Fill every control of the form. skip: tags left showing their placeholder."""
    overrides = overrides or {}
    b = data["bidder"]
    values = {
        "naam": b["naam"], "kvk": b["kvk"], "agb": b["agb"], "bera": b["bera"],
        "percelen": data["percelen"], "contactpersoon": b["contactpersoon"], "email": b["email"],
        "telefoon": b["telefoon"], "ondertekenaar-naam": b["ondertekenaar"][0],
        "ondertekenaar-functie": b["ondertekenaar"][1],
        "handtekening": "w.g. %s (digitaal ondertekend)" % b["ondertekenaar"][0],
    }
    for n, (role, name, kvk, uea, _sig, _town) in enumerate(data["parties"], 1):
        values["partij-%d-rol" % n] = role
        values["partij-%d-naam" % n] = name
        values["partij-%d-kvk" % n] = kvk
    nref = req["dossier"]["references"]
    for n, ref in enumerate(data["references"][:nref], 1):
        for key, v in zip(["opdrachtgever", "inwoners", "periode", "dienstverlening", "referent"], ref):
            values["referentie-%d-%s" % (n, key)] = v
    for n in range(nref + 1, 4):  # rows the tender does not ask for are removed, as a provider would
        xml = remove_table_row(xml, "referentie-%d-opdrachtgever" % n)
    for i, s in enumerate(sections_of(req)):
        values[s["id"]] = answer_paragraphs(s, data["region_places"], i)
    values.update(overrides)
    for tag, v in values.items():
        if tag in skip:
            continue
        xml = fill_text(xml, tag, v)
    if "ondertekening-datum" not in skip:
        xml = fill_text(xml, "ondertekening-datum", date_nl(data["sign_date"]), date=data["sign_date"])
    boxes = ["uea-inschrijver"]
    if any(p[0] == ROLE_MEMBER for p in data["parties"]):
        boxes.append("uea-combinanten")
    if any(p[0] == ROLE_THIRD for p in data["parties"]):
        boxes.append("uea-derden")
    for n, p in enumerate(data["parties"], 1):
        if p[3]:
            boxes.append("partij-%d-uea" % n)
    for me in req["minimumRequirements"]:
        boxes.append("bewijs-" + me["id"])
    for tag in boxes:
        xml = check_box(xml, tag)
    return xml


# ---------------------------------------------------------------------------------------------
# ODT form filling
# ---------------------------------------------------------------------------------------------

def odt_fill(xml, req, data):
    b = data["bidder"]
    values = {
        "naam": b["naam"], "kvk": b["kvk"], "agb": b["agb"], "bera": b["bera"],
        "percelen": data["percelen"], "contactpersoon": b["contactpersoon"], "email": b["email"],
        "telefoon": b["telefoon"], "ondertekenaar-naam": b["ondertekenaar"][0],
        "ondertekenaar-functie": b["ondertekenaar"][1],
        "ondertekening-datum": date_nl(data["sign_date"]),
        "handtekening": "w.g. %s (digitaal ondertekend)" % b["ondertekenaar"][0],
        "uea-inschrijver": "\u2612",
        "uea-combinanten": "\u2612" if any(p[0] == ROLE_MEMBER for p in data["parties"]) else "\u2610",
        "uea-derden": "\u2612" if any(p[0] == ROLE_THIRD for p in data["parties"]) else "\u2610",
    }
    for n, (role, name, kvk, uea, _s, _t) in enumerate(data["parties"], 1):
        values["partij-%d-rol" % n] = role
        values["partij-%d-naam" % n] = name
        values["partij-%d-kvk" % n] = kvk
        values["partij-%d-uea" % n] = "\u2612" if uea else "\u2610"
    nref = req["dossier"]["references"]
    for n, ref in enumerate(data["references"][:nref], 1):
        for key, v in zip(["opdrachtgever", "inwoners", "periode", "dienstverlening", "referent"], ref):
            values["referentie-%d-%s" % (n, key)] = v
    for n in range(nref + 1, 4):
        i = xml.find('text:description="referentie-%d-opdrachtgever"' % n)
        start = xml.rfind("<table:table-row", 0, i)
        end = xml.find("</table:table-row>", i) + len("</table:table-row>")
        xml = xml[:start] + xml[end:]
    for me in req["minimumRequirements"]:
        values["bewijs-" + me["id"]] = "\u2612"
    for i, s in enumerate(sections_of(req)):
        paras = answer_paragraphs(s, data["region_places"], i)
        pat = re.compile(r'<text:p text:style-name="(\w+)"><text:placeholder [^>]*text:description="%s">[^<]*'
                         r'</text:placeholder></text:p>' % re.escape(s["id"]))
        m = pat.search(xml)
        assert m, s["id"]
        style = m.group(1)
        xml = xml[:m.start()] + "".join('<text:p text:style-name="%s">%s</text:p>' % (style, escape(p))
                                        for p in paras) + xml[m.end():]
    for tag, v in values.items():
        pat = re.compile(r'<text:placeholder [^>]*text:description="%s">[^<]*</text:placeholder>' % re.escape(tag))
        xml, k = pat.subn(lambda _m: escape(v), xml)
        assert k == 1, (tag, k)
    assert "<text:placeholder" not in xml
    return xml


# ---------------------------------------------------------------------------------------------
# Minimal DOCX writer (UEA, house-style dossier)
# ---------------------------------------------------------------------------------------------

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/><Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"""

ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"""

DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/></Relationships>"""

# settings, font table and theme are taken over unchanged from the form dossier build writes
FORM_PARTS = {}


def _heading_style(n, size):
    return ('<w:style w:type="paragraph" w:styleId="Heading%d"><w:name w:val="heading %d"/>'
            '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>'
            '<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="%d"/></w:pPr>'
            '<w:rPr><w:b/><w:bCs/><w:color w:val="%s"/><w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr></w:style>'
            % (n, n, n - 1, STYLE_COLOR, size, size))


STYLE_COLOR = "1F6F5C"
STYLES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="%s">'
          '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/>'
          '<w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="nl-NL"/></w:rPr></w:rPrDefault>'
          '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
          '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
          '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>'
          '<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="240"/></w:pPr>'
          '<w:rPr><w:b/><w:color w:val="%s"/><w:sz w:val="40"/><w:szCs w:val="40"/></w:rPr></w:style>'
          % (W, STYLE_COLOR)) + _heading_style(1, 30) + _heading_style(2, 26) + _heading_style(3, 23) + '</w:styles>'


def core_xml(title, creator, date):
    stamp = "%sT09:00:00Z" % date.isoformat()
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties '
            'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>%s</dc:title>'
            '<dc:creator>%s</dc:creator><dc:language>nl-NL</dc:language>'
            '<dcterms:created xsi:type="dcterms:W3CDTF">%s</dcterms:created>'
            '<dcterms:modified xsi:type="dcterms:W3CDTF">%s</dcterms:modified></cp:coreProperties>'
            % (escape(title), escape(creator), stamp, stamp))


def para(text, style=None, bold_label=None):
    ppr = '<w:pPr><w:pStyle w:val="%s"/></w:pPr>' % style if style else ""
    runs = ""
    if bold_label:
        runs += '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>' % escape(bold_label)
    runs += run(text) if text else ""
    return "<w:p>%s%s</w:p>" % (ppr, runs)


def simple_docx(path, blocks, title, creator, date):
    body = "".join(blocks)
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="%s"><w:body>%s'
           '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1417" w:right="1417" w:bottom="1417" '
           'w:left="1417" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>'
           % (W, body))
    parts = {"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": ROOT_RELS,
             "word/_rels/document.xml.rels": DOC_RELS, "word/document.xml": doc,
             "word/styles.xml": STYLES, "docProps/core.xml": core_xml(title, creator, date)}
    parts = {k: v.encode("utf-8") for k, v in parts.items()}
    for name in ["word/settings.xml", "word/fontTable.xml", "word/theme/theme1.xml"]:
        parts[name] = FORM_PARTS[name]
    write_zip(path, parts, "docx")


def uea_docx(path, party, tender, req, data):
    role, name, kvk, _uea, sig, town = party
    role_text = {
        ROLE_BIDDER: "Inschrijver die alleen deelneemt (hoofdaannemer)",
        ROLE_LEAD: "Penvoerder van een combinatie (groepsleider)",
        ROLE_MEMBER: "Lid van een combinatie (combinant)",
        ROLE_THIRD: "Derde op wiens draagkracht de inschrijver zich beroept",
    }[role]
    t = req["tender"]
    d = data["sign_date"]
    blocks = [
        para("Uniform Europees Aanbestedingsdocument (UEA)", "Title"),
        para("Aanbesteding: %s (%s %s), %s" % (t["title"], t["platform"], t["reference"], t["authority"])),
        para("Deel II: Informatie over de ondernemer", "Heading1"),
        para("A: Informatie over de ondernemer", "Heading2"),
        para(name, bold_label="Naam: "),
        para(kvk, bold_label="KvK-nummer: "),
        para(town, bold_label="Vestigingsplaats: "),
        para(role_text, bold_label="Rol: "),
        para("Ja" if role in (ROLE_LEAD, ROLE_MEMBER) else "Nee",
             bold_label="Neemt de ondernemer samen met anderen deel aan de procedure? "),
    ]
    if role in (ROLE_LEAD, ROLE_MEMBER):
        blocks.append(para(data["bidder"]["naam"], bold_label="Naam van de combinatie: "))
    if role == ROLE_THIRD:
        blocks.append(para("%s, %s" % (data["parties"][0][1], data["third_capacity"]),
                           bold_label="Ter beschikking gesteld aan: "))
    blocks += [
        para("B: Informatie over de vertegenwoordigers van de ondernemer", "Heading2"),
        para("%s, %s" % sig, bold_label="Vertegenwoordiger: "),
        para("Deel III: Uitsluitingsgronden", "Heading1"),
        para("De ondernemer verklaart dat geen van de uitsluitingsgronden van artikel 2.86 en 2.87 van "
             "de Aanbestedingswet 2012 op hem van toepassing is."),
        para("Deel IV: Selectiecriteria", "Heading1"),
        para("De ondernemer voldoet aan alle vereiste selectiecriteria (\u03b1)."),
        para("Deel VI: Slotverklaringen", "Heading1"),
        para("Ondergetekende verklaart dat de informatie in deze Delen II tot en met V juist is en "
             "dat zij is verstrekt met volledig besef van de gevolgen van een ernstige vorm van "
             "valse verklaring."),
        para(sig[0], bold_label="Naam ondertekenaar: "),
        para("%s van %s" % (sig[1], name), bold_label="Functie: "),
        para("%s, %s" % (town, date_nl(d)), bold_label="Plaats en datum: "),
        para("w.g. %s" % sig[0], bold_label="Handtekening: "),
    ]
    simple_docx(path, blocks, "UEA %s" % name, sig[0], d)


def house_style_docx(path, req, data, evidence):
    b = data["bidder"]
    t = req["tender"]
    L = []
    L.append(para("Bekwaamheidsdossier %s" % b["naam"], "Title"))
    L.append(para("%s (%s %s), %s" % (t["title"], t["platform"], t["reference"], t["authority"])))
    L.append(para("Gegevens inschrijver", "Heading1"))
    for label, v in [("Naam inschrijver", b["naam"]), ("KvK-nummer", b["kvk"]), ("AGB-code", b["agb"]),
                     ("BerA-nummer", b["bera"]), ("Gekozen percelen en segmenten", data["percelen"]),
                     ("Contactpersoon", b["contactpersoon"]), ("E-mailadres", b["email"]),
                     ("Telefoonnummer", b["telefoon"])]:
        L.append(para(v, bold_label=label + ": "))
    L.append(para("Betrokken partijen", "Heading1"))
    for n, (role, name, kvk, uea, _s, _t) in enumerate(data["parties"], 1):
        L.append(para("Partij %d" % n, bold_label=None))
        L.append(para(role, bold_label="Rol: "))
        L.append(para(name, bold_label="Naam: "))
        L.append(para(kvk, bold_label="KvK-nummer: "))
        L.append(para("ja" if uea else "niet vereist", bold_label="UEA bijgevoegd: "))
    L.append(para("Kerncompetenties en referenties", "Heading1"))
    for n, ref in enumerate(data["references"][:req["dossier"]["references"]], 1):
        L.append(para("Referentie %d" % n))
        for label, v in zip(["Opdrachtgever", "Inwoners", "Periode", "Dienstverlening", "Referent"], ref):
            L.append(para(v, bold_label=label + ": "))
    lot = seg = None
    for i, s in enumerate(sections_of(req)):
        if s.get("lot") != lot:
            lot = s.get("lot")
            seg = None
            L.append(para("Selectiecriteria perceel %s" % s["lotName"], "Heading1"))
        level = "Heading2"
        if s.get("segment"):
            level = "Heading3"
            if s["segment"] != seg:
                seg = s["segment"]
                L.append(para("Segment %s" % s["segmentName"], "Heading2"))
        L.append(para(s["title"], level))
        for p in answer_paragraphs(s, data["region_places"], i):
            L.append(para(p))
    L.append(para("Bewijsstukken", "Heading1"))
    L.append(para("\u2612 UEA van de inschrijver en van iedere combinant en derde (zie bijlagen)."))
    for me, fname, _k in evidence:
        L.append(para("\u2612 %s \u2014 %s: %s" % (me["id"], me["requirement"].rstrip("."), fname)))
    L.append(para("Verklaring en ondertekening", "Heading1"))
    L.append(para("Ondergetekende verklaart dat dit bekwaamheidsdossier volledig en naar waarheid is "
                  "ingevuld en dat de inschrijver voldoet aan alle minimumeisen van de selectieleidraad."))
    L.append(para(b["ondertekenaar"][0], bold_label="Naam ondertekenaar: "))
    L.append(para(b["ondertekenaar"][1], bold_label="Functie: "))
    L.append(para(date_nl(data["sign_date"]), bold_label="Datum: "))
    L.append(para("w.g. %s" % b["ondertekenaar"][0], bold_label="Handtekening: "))
    simple_docx(path, L, "Bekwaamheidsdossier %s" % b["naam"], b["contactpersoon"], data["sign_date"])


# ---------------------------------------------------------------------------------------------
# Minimal PDF writer
# ---------------------------------------------------------------------------------------------

def pdf_escape(s):
    return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def simple_pdf(path, title, lines, date):
    ops = ["BT", "/F1 16 Tf", "56 780 Td", "(%s) Tj" % pdf_escape(title), "/F1 11 Tf", "0 -30 Td"]
    for ln in lines:
        ops.append("(%s) Tj" % pdf_escape(ln))
        ops.append("0 -16 Td")
    ops.append("ET")
    stream = ("\n".join(ops) + "\n").encode("cp1252")
    stamp = "D:%s090000Z" % date.strftime("%Y%m%d")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"endstream",
        ("<< /Title (%s) /Producer (make-submissions.py) /CreationDate (%s) /ModDate (%s) >>"
         % (pdf_escape(title), stamp, stamp)).encode("cp1252"),
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1, len(objs), xref)
    with open(path, "wb") as f:
        f.write(bytes(out))


def write_evidence(folder, evidence, data, kvk_date):
    b = data["bidder"]
    lead = data["parties"][0]
    d = data["sign_date"]
    for me, fname, kind in evidence:
        path = os.path.join(folder, fname)
        if kind == "kvk":
            simple_pdf(path, "Uittreksel Handelsregister Kamer van Koophandel", [
                "KvK-nummer %s" % lead[2],
                "Naam: %s" % lead[1],
                "Rechtsvorm: %s" % ("Stichting" if lead[1].startswith("Stichting") else "Besloten vennootschap"),
                "Vestigingsplaats: %s" % lead[5],
                "Datum uittreksel: %s" % kvk_date.strftime("%d-%m-%Y"),
                "Dit uittreksel is vervaardigd op %s om 10.12 uur." % kvk_date.strftime("%d-%m-%Y"),
                "Fictief voorbeeld voor de testset van dossier.",
            ], kvk_date)
        elif kind == "cert":
            simple_pdf(path, "Certificaat kwaliteitsmanagementsysteem", [
                "Hierbij wordt verklaard dat het kwaliteitsmanagementsysteem van",
                "%s (KvK-nummer %s)" % (lead[1], lead[2]),
                "voldoet aan de HKZ-norm Zorg en Welzijn (2015).",
                "Certificaatnummer: HKZ-%s-01" % lead[2][:6],
                "Geldig van 1 februari 2020 tot en met 31 januari 2023.",
                "Uitgegeven door: Certificeringsinstelling Voorbeeld B.V. (fictief)",
            ], d)
        elif kind.startswith("reg:"):
            reg = kind[4:]
            lines = {
                "AGB": ["Vektis AGB-register - uitdraai",
                        "Naam: %s" % lead[1], "AGB-code: %s" % b["agb"],
                        "Soort: zorgaanbieder Jeugdwet/Wmo (98)",
                        "Status: actief", "Datum uitdraai: %s" % d.strftime("%d-%m-%Y")],
                "SKJ": ["Registerinformatie Stichting Kwaliteitsregister Jeugd (SKJ)",
                        "Naam: drs. E. (Esther) Mulder, orthopedagoog-generalist",
                        "Werkzaam bij: %s" % data["parties"][2][1] if len(data["parties"]) > 2 else "",
                        "SKJ-registratienummer: 110017384", "Geregistreerd tot: 1 maart 2025",
                        "Datum uitdraai: %s" % d.strftime("%d-%m-%Y")],
                "BIG": ["Uitdraai BIG-register",
                        "Naam: dr. R. (Ruud) Kampman, gezondheidszorgpsycholoog",
                        "BIG-nummer: 39051234225", "Registratie: geldig",
                        "Datum uitdraai: %s" % d.strftime("%d-%m-%Y")],
            }.get(reg, ["Registeruitdraai %s" % reg, "Naam: %s" % lead[1]])
            simple_pdf(path, "Registeruitdraai %s" % reg, lines, d)
        elif kind == "verkl":
            simple_pdf(path, "Eigen verklaring: %s" % me["requirement"], [
                "Ondergetekende, %s, %s," % b["ondertekenaar"],
                "verklaart namens %s (KvK-nummer %s)" % (lead[1], lead[2]),
                "dat de inschrijver voldoet aan minimumeis %s (%s)" % (me["id"], me["requirement"]),
                "van de selectieleidraad.",
                "%s, %s" % (b["plaats"], date_nl(d)),
                "w.g. %s" % b["ondertekenaar"][0],
            ], d)
        else:
            simple_pdf(path, me["requirement"], [
                "%s - %s" % (lead[1], me["requirement"]),
                "Opleidingsplan 2021-2022: scholing in de Verwijsindex, meldcode huiselijk geweld",
                "en kindermishandeling, en methodisch werken; jaarlijkse toets van de registraties.",
                "Vastgesteld door de bestuurder op %s." % date_nl(d),
            ], d)


# ---------------------------------------------------------------------------------------------
# Defects on a filled DOCX
# ---------------------------------------------------------------------------------------------

COMMENTS_XML = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="%s">'
                '<w:comment w:id="0" w:author="J. Jansen" w:date="2021-05-01T09:30:00Z" w:initials="JJ">'
                '<w:p><w:r><w:annotationRef/></w:r><w:r><w:t>Percentage nog controleren bij afdeling '
                'kwaliteit voor verzending!</w:t></w:r></w:p></w:comment></w:comments>' % W)


def first_answer_paragraph(xml, tag):
    start, end = sdt_span(xml, tag)
    i = xml.index("<w:sdtContent><w:p>", start) + len("<w:sdtContent>")
    j = xml.index("</w:p>", i) + len("</w:p>")
    return i, j


def add_tracked_change(xml, tag):
    i, j = first_answer_paragraph(xml, tag)
    new = ('<w:p>%s<w:del w:id="901" w:author="J. Jansen" w:date="2021-05-01T09:35:00Z"><w:r>'
           '<w:delText xml:space="preserve">twee</w:delText></w:r></w:del>'
           '<w:ins w:id="902" w:author="J. Jansen" w:date="2021-05-01T09:35:00Z"><w:r>'
           '<w:t xml:space="preserve">drie</w:t></w:r></w:ins>%s</w:p>'
           % (run("Wij evalueren ieder traject na "), run(" maanden met de inwoner en de verwijzer.")))
    return xml[:j] + new + xml[j:]


def add_comment(parts, tag):
    xml = parts["word/document.xml"].decode("utf-8")
    i, j = first_answer_paragraph(xml, tag)
    p = xml[i:j]
    inner = p[len("<w:p>"):-len("</w:p>")]
    p = ('<w:p><w:commentRangeStart w:id="0"/>%s<w:commentRangeEnd w:id="0"/>'
         '<w:r><w:commentReference w:id="0"/></w:r></w:p>' % inner)
    parts["word/document.xml"] = (xml[:i] + p + xml[j:]).encode("utf-8")
    parts["word/comments.xml"] = COMMENTS_XML.encode("utf-8")
    rels = parts["word/_rels/document.xml.rels"].decode("utf-8")
    rels = rels.replace("</Relationships>",
                        '<Relationship Id="rIdComments1" Type="http://schemas.openxmlformats.org/'
                        'officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>')
    parts["word/_rels/document.xml.rels"] = rels.encode("utf-8")
    ct = parts["[Content_Types].xml"].decode("utf-8")
    ct = ct.replace("</Types>", '<Override PartName="/word/comments.xml" ContentType="application/'
                    'vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>')
    parts["[Content_Types].xml"] = ct.encode("utf-8")


def add_bsn(xml, tag):
    i, j = first_answer_paragraph(xml, tag)
    new = "<w:p>%s</w:p>" % run("Zo kon een jongen van 15 (BSN %s) binnen zes weken weer naar school, "
                                "nadat wij thuis, op school en bij de sportclub samen optrokken." % BSN)
    return xml[:j] + new + xml[j:]


# ---------------------------------------------------------------------------------------------
# Cases
# ---------------------------------------------------------------------------------------------

DEFECT_TEXT = {
    "sectie-ontbreekt": "criterion section {missing} ({missing_title}) missing: heading and answer control removed",
    "veld-leeg": "field kvk left empty: the control still shows its placeholder [invullen]",
    "kvk-ongeldig": "field kvk holds 7 digits ({kvk7}) instead of 8",
    "woordlimiet": "answer {long} has {long_words} words, over its limit of {long_max}",
    "uea-derde-ontbreekt": "the UEA of the derde {third} (KvK {third_kvk}) is missing from the submission",
    "bewijs-verouderd": "KvK-uittreksel.pdf is dated {old} ({old_days} days before the deadline; at most {max_age} allowed)",
    "referenties-te-weinig": "reference row {ref_row} left empty (placeholders): {ref_have} of the {ref_need} required references",
    "bijgehouden-wijzigingen": "an unaccepted tracked change (w:del \"twee\", w:ins \"drie\") in answer {answer}",
    "opmerking": "a comment by J. Jansen left on the first paragraph of answer {answer} (word/comments.xml)",
    "bsn": "a BSN ({bsn}, passes the 11-test) in answer {answer}",
}


def build_case(case_dir, defects, base_parts, req, data, evidence, stem):
    """Write one DOCX case folder with the given defects (list of names)."""
    parts = dict(base_parts)
    doc = base_parts["word/document.xml"].decode("utf-8")
    skip = ("kvk",) if "veld-leeg" in defects else ()
    overrides = {}
    if "kvk-ongeldig" in defects:
        overrides["kvk"] = data["bidder"]["kvk"][:7]
    long_info = None
    if "woordlimiet" in defects:
        s = next(s for s in sections_of(req) if s["id"] == data["long_answer"])
        paras = long_paragraphs(s, data["region_places"], s["maxWords"] + 150)
        overrides[s["id"]] = paras
        long_info = words(paras)
    if "referenties-te-weinig" in defects:
        n = req["dossier"]["references"]
        skip = skip + tuple("referentie-%d-%s" % (n, k) for k in
                            ["opdrachtgever", "inwoners", "periode", "dienstverlening", "referent"])
    doc = filled_docx_xml(doc, req, data, skip=skip, overrides=overrides)
    if "sectie-ontbreekt" in defects:
        doc = remove_section(doc, data["missing_section"])
    if "bijgehouden-wijzigingen" in defects:
        doc = add_tracked_change(doc, data["defect_answer"])
    if "bsn" in defects:
        doc = add_bsn(doc, data["defect_answer"])
    parts["word/document.xml"] = doc.encode("utf-8")
    if "opmerking" in defects:
        add_comment(parts, data["defect_answer"])
    os.makedirs(case_dir, exist_ok=True)
    write_zip(os.path.join(case_dir, "bekwaamheidsdossier.docx"), parts, "docx")
    write_attachments(case_dir, req, data, evidence, defects)
    return long_info


def uea_name(party):
    slug = re.sub(r"[^A-Za-z0-9]+", "-", party[1]).strip("-")
    return "UEA-%s.docx" % slug


def write_attachments(case_dir, req, data, evidence, defects):
    for p in data["parties"]:
        if not p[3]:
            continue
        if p[0] == ROLE_THIRD and "uea-derde-ontbreekt" in defects:
            continue
        uea_docx(os.path.join(case_dir, uea_name(p)), p, None, req, data)
    kvk_date = data["kvk_date_old"] if "bewijs-verouderd" in defects else data["kvk_date"]
    write_evidence(case_dir, evidence, data, kvk_date)


def applicable(defect, req):
    kinds = {ev["kind"]: ev for me in req["minimumRequirements"] for ev in me["evidence"]}
    if defect == "woordlimiet":
        return any(s.get("maxWords") for s in req["dossier"]["sections"])
    if defect == "bewijs-verouderd":
        return bool(kinds.get("kvk-uittreksel", {}).get("maxAgeDays"))
    if defect == "uea-derde-ontbreekt":
        return req["parties"].get("thirdPartiesOwnSignedUEA", False)
    if defect == "referenties-te-weinig":
        return (req["dossier"].get("references") or 0) >= 1
    return True


DEFECTS = ["sectie-ontbreekt", "veld-leeg", "kvk-ongeldig", "woordlimiet", "uea-derde-ontbreekt",
           "bewijs-verouderd", "referenties-te-weinig", "bijgehouden-wijzigingen", "opmerking", "bsn"]


def zip_folder(folder, path):
    parts = {}
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), "rb") as f:
            parts[name] = f.read()
    write_zip(path, parts, "zip")


def make_tender(dossier, tender_path, out_root, tmp):
    stem = os.path.splitext(os.path.basename(tender_path))[0]
    data = TENDERS.get(stem)
    if data is None:
        print("overgeslagen (geen voorbeeldgegevens): %s" % stem, file=sys.stderr)
        return []
    build_dir = os.path.join(tmp, stem)
    subprocess.run([dossier, "build", tender_path, "-o", build_dir], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(os.path.join(build_dir, "requirements.json"), encoding="utf-8") as f:
        req = json.load(f)
    base = read_zip(os.path.join(build_dir, "bekwaamheidsdossier.docx"))
    odt = read_zip(os.path.join(build_dir, "bekwaamheidsdossier.odt"))
    FORM_PARTS.update(base)
    evidence = evidence_files(req, data)
    out = os.path.join(out_root, stem)
    if os.path.isdir(out):
        shutil.rmtree(out)
    os.makedirs(out)

    deadline = datetime.date.fromisoformat(req["deadline"][:10])
    max_age = next((ev.get("maxAgeDays") for me in req["minimumRequirements"] for ev in me["evidence"]
                    if ev["kind"] == "kvk-uittreksel"), None)
    third = next((p for p in data["parties"] if p[0] == ROLE_THIRD), None)
    sections = {s["id"]: s for s in sections_of(req)}
    nref = req["dossier"]["references"]
    info = {
        "missing": data["missing_section"], "missing_title": sections[data["missing_section"]]["title"],
        "kvk7": data["bidder"]["kvk"][:7], "long": data["long_answer"],
        "long_max": sections[data["long_answer"]].get("maxWords"),
        "third": third[1] if third else None, "third_kvk": third[2] if third else None,
        "old": data["kvk_date_old"].isoformat(), "old_days": (deadline - data["kvk_date_old"]).days,
        "max_age": max_age, "ref_row": nref, "ref_have": nref - 1, "ref_need": nref,
        "answer": data["defect_answer"], "bsn": BSN,
    }
    cases = []

    def record(case, fmt, defects, note):
        cases.append({"tender": stem, "case": case, "format": fmt, "defects": defects,
                      "files": sorted(os.listdir(os.path.join(out, case))), "expected": note})

    build_case(os.path.join(out, "compleet"), [], base, req, data, evidence, stem)
    record("compleet", "docx", [], "geen gebreken")
    zip_folder(os.path.join(out, "compleet"), os.path.join(out, "compleet.zip"))

    for defect in DEFECTS:
        if not applicable(defect, req):
            continue
        n = build_case(os.path.join(out, defect), [defect], base, req, data, evidence, stem)
        if n:
            info["long_words"] = n
        record(defect, "docx", [defect], DEFECT_TEXT[defect].format(**info))

    many = [d for d in data["many"] if applicable(d, req)]
    build_case(os.path.join(out, "veel-gebreken"), many, base, req, data, evidence, stem)
    record("veel-gebreken", "docx", many, "; ".join(DEFECT_TEXT[d].format(**info) for d in many))

    house = os.path.join(out, "eigen-huisstijl")
    os.makedirs(house)
    house_style_docx(os.path.join(house, "bekwaamheidsdossier.docx"), req, data, evidence)
    write_attachments(house, req, data, evidence, [])
    record("eigen-huisstijl", "docx", [], "geen gebreken; dossier zonder invulvelden (koppen en regels 'Label: waarde')")

    odt_dir = os.path.join(out, "compleet-odt")
    os.makedirs(odt_dir)
    parts = dict(odt)
    parts["content.xml"] = odt_fill(parts["content.xml"].decode("utf-8"), req, data).encode("utf-8")
    write_zip(os.path.join(odt_dir, "bekwaamheidsdossier.odt"), parts, "odt")
    write_attachments(odt_dir, req, data, evidence, [])
    # A tender may not accept ODT at all (dossier.formaat): then this case shows that finding.
    formats = req["dossier"].get("formats") or ["docx", "odt", "pdf"]
    if "odt" in formats:
        record("compleet-odt", "odt", [], "geen gebreken")
    else:
        record("compleet-odt", "odt", ["formaat"],
               "het dossier is ODT, maar deze aanbesteding accepteert alleen %s (submission)" % ", ".join(formats))

    # Guard: no 9-digit number passing the 11-test anywhere but in the bsn defect.
    for c in cases:
        if "bsn" in c["defects"]:
            continue
        folder = os.path.join(out, c["case"])
        for name in c["files"]:
            path = os.path.join(folder, name)
            blobs = read_zip(path).values() if name.endswith((".docx", ".odt")) else [open(path, "rb").read()]
            for blob in blobs:
                text = re.sub(r"<[^>]+>", "", blob.decode("utf-8", "replace"))
                for m in re.findall(r"(?<!\d)\d{9}(?!\d)", text):
                    if elfproef(m):
                        raise SystemExit("%s/%s: onbedoeld BSN-achtig getal %s" % (c["case"], name, m))
    summary = {
        "tender": stem, "deadline": req["deadline"],
        "parties": [{"role": p[0], "name": p[1], "kvk": p[2], "uea": uea_name(p) if p[3] else None}
                    for p in data["parties"]],
        "evidence": [{"requirement": me["id"], "kind": ev_kind(me, f), "file": f} for me, f, _k in evidence],
    }
    return cases, summary


def ev_kind(me, fname):
    for ev in me["evidence"]:
        if ev["kind"] == "register" and fname.startswith(ev.get("register", "") + "-"):
            return "register:" + ev["register"]
    return me["evidence"][0]["kind"]


def find_dossier(arg):
    if arg:
        return arg
    for p in [".build/debug/dossier", ".build/release/dossier"]:
        full = os.path.join(ROOT, p)
        if os.path.isfile(full) and os.access(full, os.X_OK):
            return full
    raise SystemExit("dossier niet gevonden: bouw het eerst (swift build) of geef --dossier PAD")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dossier", help="path of the built dossier binary")
    ap.add_argument("--out", default=os.path.join(ROOT, "samples", "submissions"))
    ap.add_argument("--tenders", default=os.path.join(ROOT, "samples", "tenders"))
    args = ap.parse_args()
    dossier = os.path.abspath(find_dossier(args.dossier))
    tenders = sorted(os.path.join(args.tenders, f) for f in os.listdir(args.tenders) if f.endswith(".yaml"))
    all_cases, summaries = [], []
    with tempfile.TemporaryDirectory(prefix="make-submissions-") as tmp:
        for t in tenders:
            r = make_tender(dossier, t, args.out, tmp)
            if r:
                all_cases += r[0]
                summaries.append(r[1])
    with open(os.path.join(args.out, "cases.json"), "w", encoding="utf-8") as f:
        json.dump({"cases": all_cases, "tenders": summaries}, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")
    for c in all_cases:
        print("%s/%s: %s" % (c["tender"], c["case"], c["expected"]))


if __name__ == "__main__":
    main()
