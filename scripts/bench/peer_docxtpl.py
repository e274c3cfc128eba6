#!/usr/bin/env python3
"""Peer for `dossier render`: docxtpl renders the Jinja version of a bench template with the
same data (JSON) and saves the document."""
import json
import sys

from docxtpl import DocxTemplate

template, data, output = sys.argv[1:4]
with open(data, encoding="utf-8") as f:
    context = json.load(f)
document = DocxTemplate(template)
document.render(context)
document.save(output)
