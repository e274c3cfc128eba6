#!/usr/bin/env python3
"""Pack the hand-written template sources into DOCX/ODT packages, deterministically.

    python3 scripts/make-templates.py           # writes templates/X.docx and templates/X.odt
    python3 scripts/make-templates.py --check   # exit 1 when a committed package differs from a fresh pack
                                                # (entry by entry, so another zlib's deflate bytes do not count)

Every folder templates/src/NAME.docx/ or templates/src/NAME.odt/ becomes templates/NAME.docx|odt:
- entries in a fixed order: [Content_Types].xml first (DOCX) or mimetype first (ODT), then the
  other files sorted by their path; no directory entries;
- fixed timestamps (1980-01-01 00:00), fixed permissions, no extra fields;
- the ODT mimetype STORED (uncompressed), everything else deflated.
Before packing, every .xml/.rels part must be well-formed, and an ODT manifest must declare every part.
Standard library only.
"""
import argparse
import io
import os
import sys
import zipfile
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TEMPLATES = os.path.join(ROOT, "templates")
SRC = os.path.join(TEMPLATES, "src")
EPOCH = (1980, 1, 1, 0, 0, 0)
MANIFEST_NS = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def source_files(folder):
    files = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames.sort()
        for name in filenames:
            full = os.path.join(dirpath, name)
            files.append(os.path.relpath(full, folder).replace(os.sep, "/"))
    return files


def ordered(files, kind):
    first = "[Content_Types].xml" if kind == "docx" else "mimetype"
    if first not in files:
        raise SystemExit(f"missing {first}")
    return [first] + sorted(f for f in files if f != first)


def check_parts(folder, names, kind):
    for name in names:
        if name.endswith((".xml", ".rels")):
            try:
                ET.parse(os.path.join(folder, name))
            except ET.ParseError as error:
                raise SystemExit(f"{folder}/{name}: not well-formed: {error}")
    if kind == "odt":
        with open(os.path.join(folder, "mimetype"), "rb") as f:
            if f.read() != ODT_MIMETYPE:
                raise SystemExit(f"{folder}/mimetype must hold exactly {ODT_MIMETYPE.decode()} (no newline)")
        manifest = ET.parse(os.path.join(folder, "META-INF/manifest.xml")).getroot()
        declared = {e.get(f"{{{MANIFEST_NS}}}full-path") for e in manifest.iter(f"{{{MANIFEST_NS}}}file-entry")}
        for name in names:
            if name not in ("mimetype", "META-INF/manifest.xml") and name not in declared:
                raise SystemExit(f"{folder}: {name} is not declared in META-INF/manifest.xml")
        for path in declared:
            if path != "/" and not path.endswith("/") and path not in names:
                raise SystemExit(f"{folder}: manifest declares {path}, which does not exist")


def pack(folder, kind):
    names = ordered(source_files(folder), kind)
    check_parts(folder, names, kind)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            with open(os.path.join(folder, name), "rb") as f:
                data = f.read()
            info = zipfile.ZipInfo(name, date_time=EPOCH)
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            info.compress_type = zipfile.ZIP_STORED if (kind == "odt" and name == "mimetype") else zipfile.ZIP_DEFLATED
            archive.writestr(info, data, compresslevel=9 if info.compress_type == zipfile.ZIP_DEFLATED else None)
    return buffer.getvalue()


def same_package(a, b):
    """Byte-equal, or equal entry by entry (name, order, method, time, attributes, content): another
    zlib build may deflate the same data to different bytes, which is not a difference that matters."""
    if a == b:
        return True
    try:
        za, zb = zipfile.ZipFile(io.BytesIO(a)), zipfile.ZipFile(io.BytesIO(b))
    except zipfile.BadZipFile:
        return False
    ia, ib = za.infolist(), zb.infolist()
    if [(i.filename, i.compress_type, i.date_time, i.external_attr, i.extra, i.CRC, i.file_size) for i in ia] != \
       [(i.filename, i.compress_type, i.date_time, i.external_attr, i.extra, i.CRC, i.file_size) for i in ib]:
        return False
    return all(za.read(i) == zb.read(j) for i, j in zip(ia, ib))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify the committed packages equal a fresh pack")
    args = parser.parse_args()
    folders = sorted(d for d in os.listdir(SRC) if d.endswith((".docx", ".odt")) and os.path.isdir(os.path.join(SRC, d)))
    if not folders:
        raise SystemExit(f"no template sources in {SRC}")
    stale = []
    for folder in folders:
        kind = folder.rsplit(".", 1)[1]
        data = pack(os.path.join(SRC, folder), kind)
        target = os.path.join(TEMPLATES, folder)
        if args.check:
            try:
                with open(target, "rb") as f:
                    current = f.read()
            except FileNotFoundError:
                current = None
            if current is None or not same_package(current, data):
                stale.append(folder)
                print(f"templates/{folder}: differs from a fresh pack of templates/src/{folder}", file=sys.stderr)
            else:
                print(f"templates/{folder}: up to date")
        else:
            with open(target, "wb") as f:
                f.write(data)
            print(f"templates/{folder}: {len(data)} bytes")
    if stale:
        print("run: python3 scripts/make-templates.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
