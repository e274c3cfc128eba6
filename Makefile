# dossier — see README.md. `make demo` and `make test` are the two commands a new user runs.
PREFIX ?= /usr/local
SWIFT ?= swift
RELEASE_BIN := .build/release/dossier
DEBUG_BIN := .build/debug/dossier
SAMPLES := $(wildcard samples/documents/*.docx samples/documents/*.odt)

.PHONY: all deps build release demo test snapshots bench fuzz fuzz-smoke install uninstall samples templates clean

all: build

deps:
	@scripts/ensure-deps.sh

build: deps
	$(SWIFT) build

# The release binary links the Swift standard library and Foundation statically: it starts in
# about half the time (docs/performance.md) and needs no Swift runtime where it is installed.
RELEASE_FLAGS ?= --static-swift-stdlib

release: deps
	$(SWIFT) build -c release $(RELEASE_FLAGS)

TENDERS := $(wildcard samples/tenders/*.yaml)
DEMO_OUT ?= out/demo

# The main job on the bundled samples: check each sample tender, build its documents and check
# profile into out/demo/<tender>, show the structure of what was built; check the sample
# submissions (an overview of all cases, the report of the one with many defects, an HTML report of
# the complete one) as if five days before the deadline; inspect the sample documents.
demo: release
	@for t in $(TENDERS); do \
	  name=$$(basename "$$t" .yaml); \
	  echo "== $$t"; \
	  $(RELEASE_BIN) lint "$$t" || exit $$?; \
	  $(RELEASE_BIN) build "$$t" -o "$(DEMO_OUT)/$$name" --force || exit $$?; \
	  $(RELEASE_BIN) inspect "$(DEMO_OUT)/$$name/selectieleidraad.docx" "$(DEMO_OUT)/$$name/bekwaamheidsdossier.odt" || exit $$?; \
	done
	@for t in $(TENDERS); do \
	  name=$$(basename "$$t" .yaml); \
	  now=$$(grep -h "^$$name " samples/submissions/demo-now.txt | cut -d' ' -f2-); \
	  echo "== sample submissions of $$name (now = $$now)"; \
	  $(RELEASE_BIN) check --batch "samples/submissions/$$name" --tender "$$t" --now "$$now"; test $$? -le 1 || exit 2; \
	  $(RELEASE_BIN) check "samples/submissions/$$name/veel-gebreken" --tender "$$t" --now "$$now"; test $$? -le 1 || exit 2; \
	  $(RELEASE_BIN) check "samples/submissions/$$name/compleet" --tender "$$t" --now "$$now" --format html -o "$(DEMO_OUT)/$$name/controle-compleet.html" || exit $$?; \
	  echo "report: $(DEMO_OUT)/$$name/controle-compleet.html"; \
	done
	@for f in $(SAMPLES); do echo "== $$f"; $(RELEASE_BIN) inspect "$$f" || exit $$?; done

# Unit, corpus (../shared/corpus when present), hostile-file and command-line tests, then a short
# run of every fuzz target (skipped, with a message, without a libFuzzer toolchain).
# The tools that check generated documents (LibreOffice, openxml-audit) are installed when missing.
test: deps
	@scripts/ensure-test-tools.sh
	$(SWIFT) build
	$(SWIFT) test
	@$(MAKE) --no-print-directory fuzz-smoke

# Rewrites the expected outputs the tests keep in files, from what the code gives now: the model
# dumps (Tests/Fixtures/model/*.dump) and the command line's help and text output
# (Tests/Snapshots/cli/*.txt). Review the result with git diff before committing it.
snapshots: deps
	$(SWIFT) build --build-tests
	DOSSIER_UPDATE_SNAPSHOTS=1 $(SWIFT) test --skip-build --filter 'ModelSnapshotTests|CLISnapshotTests'

# Fuzzing (docs/security.md, "Fuzzing"): every target for FUZZ_SECONDS each, or those in
# FUZZ_TARGETS=docx,odt; work folder out/fuzz/<target>. fuzz-smoke: FUZZ_SMOKE_SECONDS each, fails
# on any crash.
FUZZ_SECONDS ?= 600
FUZZ_SMOKE_SECONDS ?= 20
fuzz: deps
	@FUZZ_SECONDS="$(FUZZ_SECONDS)" FUZZ_TARGETS="$(FUZZ_TARGETS)" scripts/fuzz.sh run

fuzz-smoke: deps
	@FUZZ_SMOKE_SECONDS="$(FUZZ_SMOKE_SECONDS)" FUZZ_TARGETS="$(FUZZ_TARGETS)" scripts/fuzz.sh smoke

# Performance against the peers (pandoc, python-docx, docxtpl) and a C floor; inputs are generated
# into $(BENCH_OUT) (untracked). BENCH_RUNS=n sets the repeats; see docs/performance.md.
BENCH_SCRATCH ?= .build-bench
BENCH_OUT ?= out/bench
bench: deps
	$(SWIFT) build -c release $(RELEASE_FLAGS) --scratch-path $(BENCH_SCRATCH)
	python3 scripts/bench/make-inputs.py $(BENCH_OUT)
	python3 scripts/bench/run.py --dossier $(BENCH_SCRATCH)/release/dossier --inputs $(BENCH_OUT)

install: release
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(PREFIX)/share/dossier/templates"
	install -m 0755 $(RELEASE_BIN) "$(DESTDIR)$(PREFIX)/bin/dossier"
	install -m 0644 templates/*.docx templates/*.odt "$(DESTDIR)$(PREFIX)/share/dossier/templates/"

uninstall:
	rm -f "$(DESTDIR)$(PREFIX)/bin/dossier"
	rm -rf "$(DESTDIR)$(PREFIX)/share/dossier"

# Repacks templates/*.docx|odt from their XML sources in templates/src.
templates:
	python3 scripts/make-templates.py

# Regenerates samples/documents from samples/src with LibreOffice.
samples:
	scripts/make-samples.sh

clean:
	rm -rf .build .build-fuzz out
