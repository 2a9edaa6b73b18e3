# Two commands for a fresh Linux machine: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint bench dist dist-test clean system-deps system-deps-test

run: system-deps $(STAMP)
	$(BIN)/legatlas

test: system-deps-test $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

bench: system-deps-test $(STAMP)
	$(BIN)/python benchmarks/run.py

# The standalone app (slow, CPU-heavy; not part of `make test`): dist/leg-atlas-*.tar.gz.
DIST_STAMP := $(VENV)/.dist-stamp

dist: system-deps $(DIST_STAMP)
	$(BIN)/python scripts/make_icon.py build/icon/legatlas.png
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build/pyinstaller packaging/legatlas.spec
	bash packaging/linux/pack.sh

# Unpack the tarball into a fresh folder and run it with no Python environment of ours.
dist-test: system-deps-test
	bash scripts/dist-smoke-test.sh

$(DIST_STAMP): pyproject.toml $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[dist]"
	@touch $(DIST_STAMP)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

system-deps:
	@bash scripts/system-deps.sh run

system-deps-test:
	@bash scripts/system-deps.sh test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when the project's metadata changed.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test,dev]"
	@touch $(STAMP)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build dist *.egg-info
