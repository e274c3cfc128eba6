# dossier — see README.md. `make demo` and `make test` are the two commands a new user runs.
PREFIX ?= /usr/local
SWIFT ?= swift
RELEASE_BIN := .build/release/dossier
DEBUG_BIN := .build/debug/dossier
SAMPLES := $(wildcard samples/documents/*.docx samples/documents/*.odt)

.PHONY: all deps build release demo test install uninstall samples clean

all: build

deps:
	@scripts/ensure-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# The main job on the bundled samples: for now, inspect the sample documents.
demo: release
	@for f in $(SAMPLES); do $(RELEASE_BIN) inspect "$$f" || exit $$?; echo; done

# Unit, corpus (../shared/corpus when present), hostile-file and command-line tests.
# The tools that check generated documents (LibreOffice, openxml-audit) are installed when missing.
test: deps
	@scripts/ensure-test-tools.sh
	$(SWIFT) build
	$(SWIFT) test

install: release
	install -d "$(DESTDIR)$(PREFIX)/bin"
	install -m 0755 $(RELEASE_BIN) "$(DESTDIR)$(PREFIX)/bin/dossier"

uninstall:
	rm -f "$(DESTDIR)$(PREFIX)/bin/dossier"

# Regenerates samples/documents from samples/src with LibreOffice.
samples:
	scripts/make-samples.sh

clean:
	rm -rf .build
