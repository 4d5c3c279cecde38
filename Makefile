# The README's commands. Each target creates .venv and installs what it needs on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# PostgreSQL for the test suite: an admin URL; the suite creates (and drops) a fresh database per run.
VOORDEUR_TEST_POSTGRES_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/postgres
export VOORDEUR_TEST_POSTGRES_URL

.PHONY: demo serve test check clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(BIN)/.installed-test: $(BIN)/.installed pyproject.toml
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

demo: $(BIN)/.installed
	$(BIN)/voordeur demo

serve: $(BIN)/.installed
	$(BIN)/voordeur serve

# The whole suite, on SQLite and on PostgreSQL.
test: $(BIN)/.installed-test
	$(BIN)/pytest -q $(PYTEST_ARGS)

check: $(BIN)/.installed-test
	$(BIN)/ruff check bot flows storage tests
	$(BIN)/mypy

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache
