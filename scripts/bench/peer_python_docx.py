#!/usr/bin/env python3
"""Peer for `dossier inspect`: python-docx opens each file and walks every paragraph and table
cell (text), as a reader would."""
import sys

import docx


def walk(document):
    count = 0
    for paragraph in document.paragraphs:
        count += len(paragraph.text)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                count += len(cell.text)
    return count


for path in sys.argv[1:]:
    print(path, walk(docx.Document(path)))
