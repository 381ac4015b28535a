# khplan — the two commands a new user needs are `make demo` and `make test`.
# Both set the machine up first (Debian packages, .venv, Python packages) and
# skip whatever is already done, so running them again is quick.

SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
CORPUS ?= ../shared/corpus/vlc
# Administrative text the language model learns plans' language from (kept out of git; see data/models/README.md).
ADMIN_CORPUS ?= build/corpus/admin
DEMO_OUT ?= build/demo

# Tesseract with Vietnamese (and English, for the legacy-OCR channel), poppler
# for PDFs, serif fonts with Vietnamese glyphs for the scans tests render,
# and what Debian's python3 needs to make a virtualenv.
APT_PACKAGES := tesseract-ocr tesseract-ocr-vie tesseract-ocr-eng poppler-utils \
	fonts-liberation2 fonts-texgyre fonts-freefont-ttf fonts-dejavu-core fontconfig \
	python3 python3-venv python3-pip

TEST_APT_PACKAGES := postgresql chromium

SETUP_STAMP := $(VENV)/.khplan-installed
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)

.PHONY: help setup system-packages test-packages demo test test-fast lint model samples schema clean bench-real bench-real-layouts bench-ocr bench-extract bench-restore bench-ingest bench-pdf

help:
	@echo "make demo     set up, then ingest data/samples/ and print the records"
	@echo "make test     set up, then lint and run the whole test suite (unit, integration, end-to-end)"
	@echo "make test-fast  the unit tests only (no Tesseract, Prefect or subprocess; under a minute)"
	@echo "make lint     ruff, mypy and the import contracts"
	@echo "make model    rebuild the diacritics model from $(CORPUS) and $(ADMIN_CORPUS)"
	@echo "make samples  re-render data/samples/ from the seed texts"
	@echo "make schema   regenerate schemas/plan_record.schema.json"
	@echo "make bench-real  header fields of real documents (dev and held-back), as text, stripped, scanned, legacy OCR"
	@echo "make bench-real-layouts  the same real documents re-laid as other sites print them (one line, wrapped, …)"
	@echo "make bench-restore  diacritics restoration on real documents (dev, held-back, seeds) and held-out laws"
	@echo "make bench-ocr  OCR stage vs plain Tesseract on generated scans"
	@echo "make bench-extract  per-field extraction scores on the seeds and generated plans"
	@echo "make bench-ingest  documents/min and pages/min of khplan ingest, 1 and 2 jobs, vs a plain loop"
	@echo "make bench-pdf  searchable PDFs: khplan ocr --pdf vs ocrmypdf -l vie, time and size"

setup: system-packages $(SETUP_STAMP)

# Install those of the Debian packages in $(1) that are missing; nothing to do when all are there.
define apt_install
	@missing=""; for p in $(1); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages:$$missing"; \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

system-packages:
	$(call apt_install,$(APT_PACKAGES))

# The catalog tests run on a real PostgreSQL server: the test session starts a
# throwaway cluster (temporary folder, unix socket only) and stops it at the end.
# The review app's browser test drives Debian's chromium through Playwright.
test-packages:
	$(call apt_install,$(TEST_APT_PACKAGES))

$(SETUP_STAMP): pyproject.toml
	@[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

demo: setup
	$(BIN)/khplan ingest data/samples --out $(DEMO_OUT)

# Tests run on every core (pytest-xdist): most of an end-to-end test's time is a subprocess's start-up.
test: setup test-packages lint
	KHPLAN_REQUIRE_POSTGRES=1 $(BIN)/python -m pytest -n auto

test-fast: setup
	$(BIN)/python -m pytest tests/unit -q -n auto

# mypy cannot follow setuptools' editable finder (the khplan.* mapping of the top-level folders), so it
# checks a view of them: build/typecheck/khplan/<folder> -> <folder>.
TYPECHECK_VIEW := build/typecheck/khplan
lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	@mkdir -p $(TYPECHECK_VIEW) && for p in schemas diacritics extractors pipeline data; do ln -sfn ../../../$$p $(TYPECHECK_VIEW)/$$p; done
	$(BIN)/mypy -p khplan -p tools

model: setup
	$(BIN)/python -m tools.training.train_restorer --corpus $(CORPUS) --admin-corpus $(ADMIN_CORPUS) --out data/models

samples: setup
	$(BIN)/python -m tools.synth.scans tests/fixtures/seeds/000_380647e38b81023e.gold.txt \
		data/samples/phu-my-69-KH-UBND-2022.pdf --quality archive --seed 69
	$(BIN)/python -m tools.synth.scans tests/fixtures/seeds/001_bc94cfae2ebd58ab.txt \
		data/samples/chau-thanh-44-KH-UBND-2023.tif --quality archive --seed 44
	cp tests/fixtures/seeds/003_e4c593fcae449234.ocr.txt data/samples/quang-ninh-40-KH-UBND-2024.legacy-ocr.txt

schema: setup
	$(BIN)/python -m khplan.schemas.export

# Benchmarks print figures; they never gate CI.
# The headline: real documents only (tests/fixtures/real, dev and held-back) by every route a document takes, and
# the real seeds' full records; the scans' OCR is cached in build/bench-real (the first run OCRs ~900 scans).
bench-real: setup
	$(BIN)/python -m tools.bench.real

# The real documents' text re-laid as other sites print it (one line, wrapped at 40 letters, no blank lines, a title in
# capitals in sentence case).
bench-real-layouts: setup
	$(BIN)/python -m tools.bench.real_layouts

bench-restore: setup
	$(BIN)/python -m pip install --quiet 'pyvi==0.1.1'
	$(BIN)/python -m tools.bench.restore --corpus $(CORPUS)

bench-ocr: setup
	$(BIN)/python -m tools.bench.ocr --corpus $(CORPUS)

# Which scans of the seeds to OCR for bench-extract (cached in build/bench-extract).
EXTRACT_QUALITIES ?= fair
EXTRACT_LANGS ?= vie,eng
bench-extract: setup
	$(BIN)/python -m tools.bench.extract --corpus $(CORPUS) --qualities $(EXTRACT_QUALITIES) --langs $(EXTRACT_LANGS)

# khplan ocr --pdf against ocrmypdf -l vie on the same scans (BASELINE_KHPLAN=path/to/khplan times another too).
bench-pdf: setup
	$(BIN)/python -m tools.bench.searchable --corpus $(CORPUS) $(if $(BASELINE_KHPLAN),--khplan $(BASELINE_KHPLAN))

# 50 generated plans (20 scanned PDFs, 30 legacy OCR texts), built once in build/bench-ingest.
bench-ingest: setup
	$(BIN)/python -m tools.bench.ingest --corpus $(CORPUS)

clean:
	rm -rf build .pytest_cache
