# The two commands of the README: `make run` and `make test`. Everything else is set up by them.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
BROWSER := $(VENV)/.chromium-stamp

.PHONY: run dev test lint pytest bench eval audit audit-live clean

$(STAMP): pyproject.toml constraints.txt
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[dev]'
	touch $@

# Headless Chromium for the browser tests: Debian's package (no browser download at run time).
$(BROWSER): $(STAMP)
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends \
	    chromium fonts-noto-cjk >/dev/null; }
	@command -v chromium >/dev/null 2>&1 || { echo "chromium is required for the browser tests" >&2; exit 1; }
	touch $@

run: $(STAMP)
	$(BIN)/stdcal serve

dev: $(STAMP)
	$(BIN)/stdcal serve --dev

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy events feeds eval wsgi.py

pytest: $(STAMP) $(BROWSER)
	$(BIN)/pytest $(PYTEST_ARGS)

test: lint audit pytest

# Benchmarks print tables; bench/http.py needs Debian's nginx and wrk, installed here if missing.
bench: $(STAMP)
	@command -v nginx >/dev/null 2>&1 && command -v wrk >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends \
	    nginx-light wrk >/dev/null; }
	$(BIN)/python bench/extract.py
	$(BIN)/python bench/generate.py
	$(BIN)/python bench/ics.py --max 10000
	$(BIN)/python bench/feeds.py
	$(BIN)/python bench/http.py
	$(BIN)/python bench/scale.py

# Extraction scored against blind gold: the seeds always, real pages whose texts are cached in
# .eval-cache/ (eval/README.md). A tool, not a test: CI machines have no page texts.
eval: $(STAMP)
	$(BIN)/python eval/score.py $(EVAL_ARGS)

# Known vulnerabilities in the locked set, offline: every pin against the committed snapshot of
# the PyPA advisory database (.ci/advisories.json; see .ci/audit.py for why and how fresh).
audit: $(STAMP)
	$(BIN)/python .ci/audit.py constraints.txt

# The same with live data through pip-audit, where PyPI's vulnerability API or OSV is reachable
# (not from this project's machines); --strict fails when a package could not be checked at all.
audit-live: $(STAMP)
	$(BIN)/pip-audit --strict --no-deps --disable-pip --progress-spinner off -r constraints.txt

clean:
	rm -rf $(VENV) instance test-output .pytest_cache .mypy_cache .ruff_cache
