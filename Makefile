# The README's commands. Each target creates .venv and installs what it needs on first use.
# The interpreter: the distribution's CPython 3.11 where there is one, else python3 from PATH. Debian builds
# it with profile-guided and link-time optimisation, as the official python images (docs/Containerfile) are;
# a plain source build (pyenv's, this machine's python3) is not, and spends 10-20 % more CPU a message
# (bench/README.md, "Session 18"). `make PYTHON=python3.12 ...` picks another.
PYTHON ?= $(firstword $(wildcard /usr/bin/python3.11) python3)
VENV := .venv
BIN := $(VENV)/bin
# PostgreSQL for the test suite: an admin URL; the suite creates (and drops) a fresh database per run.
VOORDEUR_TEST_POSTGRES_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/postgres
export VOORDEUR_TEST_POSTGRES_URL

.PHONY: demo serve test check clean lock

# Installs take the exact, hash-checked versions of the lock files, then Voordeur itself (--no-deps).
# After changing dependencies in pyproject.toml run `make lock` and commit both lock files.
$(BIN)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	$(BIN)/pip check
	touch $@

$(BIN)/.installed-test: $(BIN)/.installed pyproject.toml requirements-test.lock
	$(BIN)/pip install --quiet --require-hashes -r requirements-test.lock
	$(BIN)/pip install --quiet --no-deps -e .
	$(BIN)/pip check
	touch $@

# Regenerate the lock files from pyproject.toml (needs PyPI): uv resolves for Python 3.11 on Linux
# x86_64, with hashes. Run it whenever a dependency or its bounds change.
LOCK_FLAGS := --generate-hashes --python-version 3.11 --python-platform x86_64-unknown-linux-gnu --no-header -q
lock:
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet "uv>=0.5,<1"
	.lock-venv/bin/uv pip compile pyproject.toml $(LOCK_FLAGS) -o requirements.lock
	.lock-venv/bin/uv pip compile pyproject.toml --extra test $(LOCK_FLAGS) -o requirements-test.lock
	rm -rf .lock-venv

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
	rm -rf $(VENV) .lock-venv *.egg-info .pytest_cache
