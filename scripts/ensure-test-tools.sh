#!/usr/bin/env bash
# Installs the tools the tests use to check generated documents, when missing:
# LibreOffice (Debian: libreoffice-writer-nogui) for `soffice --headless --convert-to pdf`,
# and the validator openxml-audit (PyPI). Never fails: a test whose tool could not be
# installed skips with a message saying so.
set -u

say() { echo "dossier test tools: $*" >&2; }
sudo=""
if [ "$(id -u)" -ne 0 ]; then command -v sudo >/dev/null 2>&1 && sudo="sudo"; fi

if ! command -v soffice >/dev/null 2>&1; then
  say "installing LibreOffice (libreoffice-writer-nogui)"
  export DEBIAN_FRONTEND=noninteractive
  { $sudo apt-get install -y -q --no-install-recommends libreoffice-writer-nogui >/dev/null 2>&1 ||
    { $sudo apt-get update -q >/dev/null 2>&1 &&
      $sudo apt-get install -y -q --no-install-recommends libreoffice-writer-nogui >/dev/null 2>&1; }; } ||
    say "LibreOffice could not be installed; tests that need it will skip"
fi

# poppler-utils: pdftotext, pdfinfo and pdftoppm, the second PDF reader in the tests.
if ! command -v pdftotext >/dev/null 2>&1; then
  say "installing poppler-utils (a second PDF reader for the tests)"
  export DEBIAN_FRONTEND=noninteractive
  { $sudo apt-get install -y -q --no-install-recommends poppler-utils >/dev/null 2>&1 ||
    { $sudo apt-get update -q >/dev/null 2>&1 &&
      $sudo apt-get install -y -q --no-install-recommends poppler-utils >/dev/null 2>&1; }; } ||
    say "poppler-utils could not be installed; tests that compare with pdftotext will skip"
fi

# LibreOffice's own signature verification, driven from Debian's python3 (UNO).
if command -v soffice >/dev/null 2>&1 && ! /usr/bin/python3 -c "import uno" >/dev/null 2>&1; then
  say "installing python3-uno (LibreOffice verifies signatures in the tests)"
  $sudo apt-get install -y -q --no-install-recommends python3-uno >/dev/null 2>&1 ||
    say "python3-uno could not be installed; the LibreOffice signature test will skip"
fi

if ! command -v openxml-audit >/dev/null 2>&1; then
  say "installing openxml-audit (PyPI)"
  if command -v pip3 >/dev/null 2>&1; then pip=pip3; elif command -v pip >/dev/null 2>&1; then pip=pip; else pip=""; fi
  if [ -n "$pip" ]; then
    $pip install -q openxml-audit >/dev/null 2>&1 || $pip install -q --user openxml-audit >/dev/null 2>&1 ||
      say "openxml-audit could not be installed; tests that need it will skip"
  else
    say "pip is missing; tests that need openxml-audit will skip"
  fi
fi
exit 0
