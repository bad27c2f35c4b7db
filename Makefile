.PHONY: install test lint bench sample-reports

VENV := .venv
PY := $(VENV)/bin/python

$(VENV)/bin/footcheck: pyproject.toml
	python3 -m venv $(VENV) && $(VENV)/bin/pip install -q -e '.[test]'

install: $(VENV)/bin/footcheck

test: install
	$(PY) -m pytest

lint: install
	$(VENV)/bin/ruff check src tests benchmarks

bench: install
	$(PY) benchmarks/audit.py

sample-reports: install
	FOOTCHECK_UPDATE_REPORTS=1 $(PY) -m pytest -q tests/test_reports.py tests/formats/test_html.py tests/browser
