# planpipe: `make extract` and `make test` do everything on a fresh machine.
# Targets are files: a second `make extract` with nothing changed does nothing.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PLANPIPE := $(VENV)/bin/planpipe
STAMP := $(VENV)/.installed

SOURCES := $(sort $(wildcard sources/*.toml))
IDS := $(patsubst sources/%.toml,%,$(SOURCES))
PROCESSED := $(patsubst %,data/processed/%.parquet,$(IDS))
CODE := $(shell find pipeline schemas -type f \( -name '*.py' -o -name '*.json' \) -not -path '*/samples/*' 2>/dev/null)

.DELETE_ON_ERROR:
.PHONY: system-deps extract test pytest lint wheel-check samples reader-set bench bench-layouts diff fuzz clean help browser-check

help:
	@echo "make extract   set up .venv, extract every registered publication to data/processed/"
	@echo "make test      set up .venv, run the test suite, lint and type checks, and the wheel check"
	@echo "make lint      ruff, mypy and the complexity limit on pipeline/"
	@echo "make wheel-check  build the wheel, install it outside the checkout, run every command"
	@echo "make samples   regenerate the reconstructed publications and fixtures (committed)"
	@echo "make reader-set  regenerate tests/fixtures/readers/ (reportlab, WeasyPrint, LibreOffice; committed)"
	@echo "make diff      diff each registered publication against the version it pairs_with"
	@echo "make bench     run the benchmark, write docs/benchmark.md"
	@echo "make fuzz      1,000 byte-level + 300 structure-aware mutants of three PDFs, write docs/fuzz.md"
	@echo "make bench-layouts [N=300] [SEED=1]  generated council layouts, write docs/benchmark-layouts.md"
	@echo "make browser-check  load every HTML report in headless chromium (installed if missing), screenshots to docs/screenshots/"

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

# Carries on past a publication that fails (-k), then names every failure with its reason and exits
# non-zero; the outputs of the publications that succeeded are complete.
extract: $(STAMP)
	@$(MAKE) --no-print-directory -k data/processed/summary.txt data/processed/datapackage.json; status=$$?; \
	if [ $$status -ne 0 ]; then \
	  ok=$$(for id in $(IDS); do [ -f data/processed/$$id.parquet ] && [ ! -f data/interim/$$id.err ] && echo data/processed/$$id.parquet; done); \
	  [ -z "$$ok" ] || $(PLANPIPE) summary $$ok; \
	  echo "make extract: these publications failed:" >&2; \
	  for f in data/interim/*.err; do [ -f "$$f" ] && sed "s|^|  $$(basename $$f .err): |" "$$f" >&2; done; \
	fi; exit $$status

# One Parquet per registered publication; its registry entry names the PDF under data/raw/.
data/processed/%.parquet: sources/%.toml data/raw/%.pdf $(STAMP) $(CODE)
	@mkdir -p data/interim
	@echo "extracting $*"
	@$(PLANPIPE) extract --quiet --source $< --out-dir data/processed 2> data/interim/$*.err \
	  || { cat data/interim/$*.err >&2; exit 1; }
	@rm -f data/interim/$*.err

# A registered publication whose PDF is missing is downloaded from its URL: timeout, retries with
# backoff, and the sha256 verified before the file is put in place (a mismatch keeps nothing).
data/raw/%.pdf: | sources/%.toml $(STAMP)
	$(PLANPIPE) fetch sources/$*.toml

# Every output with its schema and publication, for other tools (Frictionless Data Package).
data/processed/datapackage.json: $(PROCESSED)
	$(PLANPIPE) datapackage data/processed

data/processed/summary.txt: $(PROCESSED)
	$(PLANPIPE) summary $(PROCESSED) | tee $@.tmp
	mv $@.tmp $@

# Each registry entry with `pairs_with = "<older id>"` is diffed against that older version.
diff: data/processed/summary.txt
	@for t in $(SOURCES); do \
	  old=$$(sed -n 's/^pairs_with *= *"\(.*\)"/\1/p' $$t); new=$$(basename $$t .toml); \
	  if [ -n "$$old" ]; then \
	    $(PLANPIPE) diff data/processed/$$old.parquet data/processed/$$new.parquet \
	      --out-dir data/processed/diff/$$old--$$new || exit 1; \
	  fi; \
	done
	$(PLANPIPE) datapackage data/processed

# Lint first (seconds), then the tests and the wheel check side by side: the wheel check waits mostly on pip
# and its virtualenv, which overlaps the tests' CPU work (make test stays under 10 minutes; issue 9).
test: lint
	$(MAKE) --no-print-directory -j2 pytest wheel-check

# WeasyPrint (the layout generator's test sample) needs Pango and a font from Debian: installed when missing,
# so `make test` works on a fresh machine with no hand step.
system-deps:
	@ldconfig -p | grep -q libpangoft2-1.0 && [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
	  libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core; }

pytest: $(STAMP) system-deps
	$(PY) -m pytest

# ruff (with its mccabe limit of 20) and mypy, on the runtime package. mccabe leaves out boolean operators
# and comprehensions, so radon (the measure the limit is stated in) checks it too: any grade D or worse fails.
lint: $(STAMP)
	$(VENV)/bin/ruff check pipeline
	$(VENV)/bin/mypy
	@over=$$($(VENV)/bin/radon cc -s -n D pipeline); [ -z "$$over" ] || { echo "cyclomatic complexity above 20 (radon):"; echo "$$over"; exit 1; }

wheel-check: $(STAMP)
	$(PY) -m tools.wheel_check

# The HTML reports in a real browser: Debian's chromium (installed when missing), driven by playwright.
BROWSER_STAMP := $(VENV)/.browser
$(BROWSER_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[test,browser]'
	touch $@

browser-check: $(BROWSER_STAMP) diff
	@command -v chromium >/dev/null 2>&1 || { apt-get update && apt-get install -y -o DPkg::Lock::Timeout=600 chromium; }
	$(PY) -m tools.browser_check data/processed/*.html data/processed/diff/*/diff.html

samples: $(STAMP)
	$(PY) -m tools.samples

# The reader test set: PDFs from several producers (tools/reader_set.py). LibreOffice comes from Debian.
reader-set: $(STAMP)
	@command -v soffice >/dev/null || { echo "installing LibreOffice (Debian's libreoffice-writer-nogui)"; \
	  apt-get install -y --no-install-recommends libreoffice-writer-nogui; }
	$(PY) -m tools.reader_set

bench: $(STAMP)
	$(PY) -m tools.bench

# The campaign of docs/fuzz.md (about 1 hour on 2 busy cores). FUZZ_PDFS may name other seeds, e.g.
# data/raw/sefton-phase1-2022.pdf (35 pages: about 20 s a run, so several hours for the campaign).
FUZZ_PDFS ?= tests/fixtures/layout-simple.pdf tests/fixtures/layout-tracker.pdf
fuzz: $(STAMP)
	nice $(PY) -m tools.fuzz --mutants 1000 --structure 300 --seed 1 --budget 60 --workers 2 \
	  $(addprefix --pdf ,$(FUZZ_PDFS)) --libreoffice-seed

# N generated layouts (tools/layouts) from SEED, scored against their answer keys. LibreOffice (one of the
# three producers), Pango (WeasyPrint's) and the DejaVu fonts are installed from Debian when missing.
N ?= 300
SEED ?= 1
bench-layouts: $(STAMP)
	@command -v soffice >/dev/null 2>&1 && ldconfig -p | grep -q libpangoft2-1.0 \
	  && [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || { apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libreoffice-writer \
	  libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core; }
	nice $(PY) -m tools.layouts.bench --n $(N) --seed $(SEED)

clean:
	rm -rf data/interim data/processed
