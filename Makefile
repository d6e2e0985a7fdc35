# The two commands of the README: `make serve` and `make test`. Each sets up what it needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000

WORKERS ?= 2

.PHONY: serve serve-prod test install install-test browser lint bench-clean bench-perf bench-relevance bench-load clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -e ".[serve]"
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -e ".[serve,test]"
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

browser:
	scripts/install-browser.sh

serve: install
	$(BIN)/flask reindex --if-missing
	$(BIN)/flask run --host $(HOST) --port $(PORT)

# several processes (search is CPU-bound Python), a few threads each, loopback only by default
# MALLOC_ARENA_MAX: glibc gives each thread its own heap arena; with 4 threads a worker's RSS
# crept up for minutes (bench/load.py: +10-15 MB a minute after warm-up), with 2 it stays flat
serve-prod: install
	$(BIN)/flask reindex --if-missing
	MALLOC_ARENA_MAX=2 $(BIN)/gunicorn --workers $(WORKERS) --threads 4 --bind $(HOST):$(PORT) --access-logfile - "app:create_app()"

test: install-test browser
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

lint: install-test
	$(BIN)/ruff check .

bench-clean: install-test
	$(BIN)/python bench/clean_eval.py --write

# serve-prod's gunicorn line (read from this file) under 24 clients for 60 s; LOAD_INDEX must be built
LOAD_INDEX ?= bench/out/ix33k
bench-load: install-test
	$(BIN)/python bench/load.py --index-dir $(LOAD_INDEX) --workers $(WORKERS) --clients 24 --duration 60 --write

clean:
	rm -rf $(VENV) index-data test-artifacts
