# Two commands set everything up: `make run` and `make test`. See README.md.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install install-dev browser-libraries messages migrate demo lint format chromium poppler bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.runtime $@

## Browser libraries (the SCORM runtime, the H5P player) from the npm registry, pinned by package-lock.json and
## served as static files. Install scripts are not run: the packages ship built files.
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm is needed for the browser libraries (SCORM and H5P players): install Node.js 20 or later (Debian package 'npm')." >&2; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

browser-libraries: node_modules/.installed
install: $(VENV)/.runtime browser-libraries
install-dev: $(VENV)/.dev browser-libraries

messages: $(VENV)/.runtime
	$(MANAGE) build_messages

migrate: $(VENV)/.runtime
	$(MANAGE) migrate --noinput

demo: migrate
	$(MANAGE) load_demo

## Serve the demo site on http://127.0.0.1:8000 with SQLite and in-process tasks.
run: install messages demo
	$(MANAGE) runserver $(HOST):$(PORT)

## Debian's Chromium for the browser tests (Playwright cannot download its own browser here).
chromium:
	@command -v chromium >/dev/null || [ -x /usr/bin/chromium ] || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  elif command -v sudo >/dev/null; then sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; \
	  else echo "Install Chromium (Debian package 'chromium') to run the browser tests." >&2; exit 1; fi; }

## Poppler's pdftoppm, with which the tests render certificates to PNG (Debian package 'poppler-utils').
poppler:
	@command -v pdftoppm >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq poppler-utils >/dev/null; \
	  elif command -v sudo >/dev/null; then sudo apt-get update -qq && sudo apt-get install -y -qq poppler-utils >/dev/null; \
	  else echo "Install poppler-utils to run the certificate rendering tests." >&2; exit 1; fi; }

## Run the whole test suite (SQLite unless DATABASE_URL is set).
test: install-dev messages chromium poppler
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

bench: install-dev
	$(BIN)/python bench/pages.py

clean:
	rm -rf $(VENV) db.sqlite3 media test-artifacts staticfiles node_modules
