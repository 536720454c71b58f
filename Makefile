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
.PHONY: extract test samples bench diff clean help

help:
	@echo "make extract   set up .venv, extract every registered publication to data/processed/"
	@echo "make test      set up .venv, run the test suite"
	@echo "make samples   regenerate the reconstructed publications and fixtures (committed)"
	@echo "make diff      diff each registered publication against the version it pairs_with"
	@echo "make bench     run the benchmark, write docs/benchmark.md"

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

extract: data/processed/summary.txt

# One Parquet per registered publication; its registry entry names the PDF under data/raw/.
data/processed/%.parquet: sources/%.toml data/raw/%.pdf $(STAMP) $(CODE)
	$(PLANPIPE) extract --quiet --source $< --out-dir data/processed

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

test: $(STAMP)
	$(PY) -m pytest

samples: $(STAMP)
	$(PY) -m pipeline.samples

bench: $(STAMP)
	$(PY) -m pipeline.bench

clean:
	rm -rf data/interim data/processed
