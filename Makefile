# newsbook: `make book` builds the book, `make test` proves it still does.
# Both set up .venv from requirements.txt on their own when it is missing or stale.
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# requirements.txt: every package pinned (a full pip freeze). requirements.hashes.txt: the
# same pins with the sha256 of every file PyPI has for them (`make hashes`); CI installs
# from it (REQUIREMENTS=requirements.hashes.txt), so a changed file on the index fails.
REQUIREMENTS ?= requirements.txt
ARTICLE ?=
PUBLISHED ?=
GOLD ?=
ISSUES ?=
CORPUS ?=
FILTER ?=
FROM ?=
TO ?=

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/'

$(STAMP): $(REQUIREMENTS) pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r $(REQUIREMENTS)
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(STAMP)

venv: $(STAMP) ## create or refresh .venv from requirements.txt

book: $(STAMP) ## execute the chapters and build _build/html (ARTICLE=... PUBLISHED=... GOLD=... ISSUES=... for another article; CORPUS=... FILTER=... FROM=... TO=... ISSUES=... GOLD=... for another corpus)
ifneq ($(strip $(CORPUS)),)
	@test -z "$(strip $(ARTICLE))" || { echo "make book: give ARTICLE=... or CORPUS=..., not both" >&2; exit 2; }
	@path=$$($(PY) -m newsbook book --corpus "$(CORPUS)" $(if $(strip $(FILTER)),--filter "$(FILTER)") $(if $(strip $(FROM)),--from "$(FROM)") $(if $(strip $(TO)),--to "$(TO)") $(if $(strip $(ISSUES)),--issues "$(ISSUES)") $(if $(strip $(GOLD)),--gold "$(GOLD)")) && echo "The book is at $$path"
else ifeq ($(strip $(ARTICLE)),)
	@test -z "$(strip $(GOLD))" || { echo "make book: GOLD=... needs ARTICLE=... or CORPUS=... (the default book scores data/gold)" >&2; exit 2; }
	@test -z "$(strip $(ISSUES))" || { echo "make book: ISSUES=... needs ARTICLE=... or CORPUS=... (the default book uses data/issues.yml)" >&2; exit 2; }
	@test -z "$(strip $(FILTER)$(FROM)$(TO))" || { echo "make book: FILTER=..., FROM=... and TO=... need CORPUS=..." >&2; exit 2; }
	@path=$$($(PY) -m newsbook book) && echo "The book is at $$path"
else
	@test -z "$(strip $(FILTER)$(FROM)$(TO))" || { echo "make book: FILTER=..., FROM=... and TO=... need CORPUS=..., not ARTICLE=..." >&2; exit 2; }
	@path=$$($(PY) -m newsbook book "$(ARTICLE)" $(if $(strip $(PUBLISHED)),--published "$(PUBLISHED)") $(if $(strip $(GOLD)),--gold "$(GOLD)") $(if $(strip $(ISSUES)),--issues "$(ISSUES)")) && echo "The book is at $$path"
endif

lint: $(STAMP) ## ruff lint and format check
	$(VENV)/bin/ruff check src tests bench setup.py
	$(VENV)/bin/ruff format --check src tests bench setup.py

test: $(STAMP) lint ## lint, unit and quality tests, nbval on the chapters, offline check and browser tests of the built book
	$(PY) -m pytest -q tests --ignore=tests/browser
	$(PY) -m pytest -q --nbval chapters --nbval-current-env -p no:cacheprovider
	$(PY) -m newsbook book --no-execute
	$(PY) -m pytest -q tests/offline_book_check.py
	$(PY) -m pytest -q tests/browser

bench: $(STAMP) ## speed benchmarks (ratios against a baseline in the same process; BENCH="--repeat 5 --no-whole" for bench/corpus.py)
	$(PY) bench/run.py
	$(PY) bench/corpus.py $(BENCH)

bench-long: $(STAMP) ## words/s of a 5 MB text against a 1,000-word article (several minutes)
	$(PY) bench/long_text.py

corpus: $(STAMP) ## tables of many articles (INPUT=folder|table.csv, default data/raw; WORKERS=N FORMAT=parquet OUT=dir COLUMNS=text=body,... ENGINE=dask SCHEDULER=tcp://HOST:8786)
	$(PY) -m newsbook corpus "$(or $(INPUT),data/raw)" --workers $(or $(WORKERS),1) --format $(or $(FORMAT),csv) $(if $(strip $(OUT)),--out "$(OUT)") $(if $(strip $(COLUMNS)),--columns "$(COLUMNS)") $(if $(strip $(ENGINE)),--engine "$(ENGINE)") $(if $(strip $(SCHEDULER)),--scheduler "$(SCHEDULER)")

.PHONY: corpus

baseline: $(STAMP) ## after an intended change: re-execute every chapter, show the rows that changed, commit the chapters (MESSAGE=...)
	$(PY) -m newsbook book --force
	$(PY) -m newsbook.regressions --since HEAD chapters/*.ipynb chapters/corpus/*.ipynb
	git add chapters
	git diff --cached --quiet -- chapters || git commit -q -m "$(or $(MESSAGE),Chapters re-executed (make baseline))" -- chapters

hashes: $(STAMP) ## after a change to requirements.txt: the same pins with every file's sha256 into requirements.hashes.txt (needs PyPI; minutes)
	CUSTOM_COMPILE_COMMAND="make hashes" $(PY) -m piptools compile --quiet --generate-hashes \
	  --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links --no-annotate \
	  --output-file requirements.hashes.txt requirements.txt

clean: ## remove build output (keeps .venv)
	rm -rf _build _static/vega-bundle.js

.PHONY: help venv book lint test bench bench-long baseline hashes clean
