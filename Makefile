# Two commands on a fresh machine: `make run` and `make test`. Everything else is optional.
# Translations: `make messages` needs GNU gettext; the compiled .mo files are committed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test lint format e2e bench soak backup restore messages clean worker

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	scripts/install_pango.sh $(BIN)/python
	touch $(STAMP)

install: $(STAMP)

run: install
	DEBUG=1 $(BIN)/python manage.py migrate --no-input
	DEBUG=1 $(BIN)/python manage.py load_demo
	DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:8000

# One test process per CPU (pytest-xdist), each test file kept on one of them (its fixtures too).
test: install
	$(BIN)/pytest -n auto --dist loadfile $(PYTEST_ARGS)

# The Celery worker with the beat scheduler (the weekly digest); needs CELERY_BROKER_URL, e.g.
# CELERY_BROKER_URL=redis://127.0.0.1:6379/5 make worker. Without a broker tasks run eagerly.
worker: install
	$(BIN)/celery -A config worker -B --loglevel INFO

# ruff, ruff format, django-upgrade, djLint and whitespace checks (.pre-commit-config.yaml).
lint: install
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/pre-commit run --all-files --show-diff-on-failure

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: install
	DEBUG=1 $(BIN)/python manage.py makemessages -l fr --ignore=.venv --ignore=static --ignore=staticfiles --ignore=bench --ignore=demo/sources --no-obsolete
	DEBUG=1 $(BIN)/python manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) staticfiles db.sqlite3

# Load and fault test (not part of `make test`): gunicorn on PostgreSQL, wrk traffic, a PostgreSQL
# restart during the load. See docs/production.md. SOAK_ARGS="--help" lists its options.
soak: install
	$(BIN)/python scripts/soak.py $(SOAK_ARGS)

# The whole database into backups/ (pg_dump on PostgreSQL, dumpdata on SQLite).
backup: install
	$(BIN)/python scripts/backup.py backup

# Replace the database with FILE=backups/... (default: the newest backup); asks first.
restore: install
	$(BIN)/python scripts/backup.py restore $(FILE)

# Load every page under gunicorn with wrk on PostgreSQL (portal_bench, 200,000 activities, built
# once) and Redis; writes bench/results.json and docs/benchmarks.md. Options through BENCH_ARGS,
# e.g. make bench BENCH_ARGS="--duration 20 --sweep 2,3,4" (see bench/run.py --help).
bench: install
	$(BIN)/python bench/run.py $(BENCH_ARGS)

# Browser tests only, in headless Chromium (installed from Debian when missing; needs root or sudo).
e2e: install
	./scripts/install_chromium.sh
	$(BIN)/pytest -m e2e $(PYTEST_ARGS)
