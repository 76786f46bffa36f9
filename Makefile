# 服务贸易统计监测 — the two commands a new user needs are `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip

.PHONY: run test serve system-deps venv dev-venv lint bench clean-db screenshots

run: venv  ## set up on first run, then serve http://127.0.0.1:8050
	$(PY) -m etl init-db --sample-if-empty --demo-users
	$(PY) -m dashboard

serve: venv  ## production-style serving with gunicorn (see README, "Scale out"); releases and uploads run in worker processes of their own
	$(PY) -m etl init-db
	$(VENV)/bin/gunicorn -w $${WORKERS:-4} -b $${STM_HOST:-127.0.0.1}:$${STM_PORT:-8050} \
	  --timeout $${STM_WORKER_TIMEOUT:-900} --no-control-socket app:server

test: system-deps dev-venv lint  ## lint, then the whole suite: unit, SQLite + PostgreSQL, headless Chromium
	bash scripts/run_tests.sh

venv: $(VENV)/.runtime-installed
dev-venv: $(VENV)/.dev-installed

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q -U pip

$(VENV)/.runtime-installed: requirements.txt | $(VENV)/bin/python
	$(PIP) install -q -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(PIP) install -q -r requirements-dev.txt
	touch $@ $(VENV)/.runtime-installed

system-deps:  ## apt: Chromium + driver, Noto CJK fonts, PostgreSQL (skipped when present)
	bash scripts/system_deps.sh

lint: dev-venv  ## ruff check and ruff format --check (CI runs both through make test)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

bench: dev-venv system-deps
	bash bench/run_all.sh

clean-db:  ## delete the embedded database (the next `make run` starts afresh)
	rm -f instance/services_trade.sqlite3*

screenshots: system-deps dev-venv  ## re-take the docs/screenshots that browser tests save
	STM_SCREENSHOT_DIR=docs/screenshots bash scripts/run_tests.sh tests/browser -k "qua001 or recu001"
