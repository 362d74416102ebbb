# Two commands do all the set-up on a fresh Debian machine: `make demo` and `make test`.
# Every step a new machine needs is here; nothing is done by hand.
PYTHON   ?= $(shell command -v python3.11 || command -v python3)
VENV     ?= .venv
BIN      := $(VENV)/bin
APT_PKGS := tesseract-ocr tesseract-ocr-eng tesseract-ocr-chi-sim tesseract-ocr-osd poppler-utils fonts-wqy-zenhei fonts-dejavu-core
DEMO_SET ?= sample_docs/demo
DEMO_OUT ?= out/demo
# the demo keeps its own case store, so it can be run again and again from a clean state of its own
DEMO_DB  ?= sqlite:///$(CURDIR)/out/demo-cases.db
# Stamp files make the set-up idempotent and cheap on the second run.
SYS_STAMP := $(VENV)/.system-packages
PY_STAMP  := $(VENV)/.project-installed

export OMP_THREAD_LIMIT := 1
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export DO_NOT_TRACK := 1
export PREFECT_LOGGING_LEVEL ?= WARNING

.PHONY: demo test test-fast install system-packages clean samples bench

demo: install
	rm -f $(DEMO_OUT)-cases.db
	$(BIN)/origin-review batch $(DEMO_SET)/submissions --out $(DEMO_OUT) --db $(DEMO_DB) \
	  --reference-date 2025-06-30 --exporter-registry $(DEMO_SET)/exporter_registry.csv
	$(BIN)/origin-review evaluate $(DEMO_OUT)/results.jsonl $(DEMO_SET)/truth.json
	@echo
	@echo "Results:  $(DEMO_OUT)/results.jsonl"
	@echo "Report:   $(DEMO_OUT)/report.html  (open in a browser)  and  $(DEMO_OUT)/report.csv"

# The store's tests run on SQLite and on a PostgreSQL server started here, on loopback only.
test: install
	ORIGIN_REVIEW_TEST_PG=$$(sh scripts/test-postgres.sh) $(BIN)/python -m pytest -q tests

# The fast tests alone: no end-to-end batch runs, no Prefect engine.
test-fast: install
	$(BIN)/python -m pytest -q -m "not slow" tests

install: $(PY_STAMP)

system-packages: $(SYS_STAMP)

$(SYS_STAMP):
	@missing=""; for p in $(APT_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	@touch $@

$(PY_STAMP): $(SYS_STAMP) pyproject.toml
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	@touch $@

samples: install
	$(BIN)/python -m sample_docs.generate sample_docs/demo --seed 7 --count 34


# extraction cost against the raw floor (pdfplumber alone, tesseract alone), measured in one run
bench: install
	$(BIN)/python -m benchmarks.extraction --set $(DEMO_SET) --json out/bench.json

clean:
	rm -rf out .pytest_cache
