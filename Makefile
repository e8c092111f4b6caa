# Everything sets itself up: a virtual environment in .venv, the package and
# its test tools, and (for the browser tests) Debian's chromium.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: report test lint typecheck unit browser-deps bench bench-stories golden clean

report: $(STAMP)  ## Check seeds/ and write report.html (and a text summary)
	$(BIN)/factcheck check seeds/ -o report.html --fail-on never

test: $(STAMP) browser-deps  ## Lint, type-check and run the whole test suite
	$(BIN)/ruff check checker tests benchmarks
	$(BIN)/ruff format --check checker tests benchmarks
	$(BIN)/mypy
	$(BIN)/pytest -q

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev,dask]'
	touch $(STAMP)

browser-deps:  ## Debian's chromium for the browser tests (root on Debian)
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium missing: the browser tests will be skipped"; fi; }

golden: $(STAMP)  ## Refresh the golden files after an intended change (review the diff!)
	FACTCHECK_REFRESH_GOLDEN=1 $(BIN)/pytest -q tests/golden

# CORPORA: a directory of real news (JSONL with "text", TimeML .tml, .txt) to
# build the batches from; CORPUS: one JSONL batch measured as it is; neither:
# a synthetic batch. RSS: batch sizes in MB for peak memory (e.g. RSS="10 100").
CORPORA ?=
bench: $(STAMP)  ## Throughput, --jobs scaling, quantulum3 ratio, peak RSS and the grouping curve
	$(BIN)/python benchmarks/run.py $(if $(CORPUS),--corpus $(CORPUS),$(if $(CORPORA),--corpora $(CORPORA),)) $(if $(RSS),--rss $(RSS),)

bench-stories: $(STAMP)  ## Story clustering and grouping time from 1k to 100k articles
	$(BIN)/python benchmarks/stories_scale.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
