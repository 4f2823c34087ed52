# Everything a developer runs. `make run` serves the archive; `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# The meaning extra (search by meaning: ~1.4 GB with CPU PyTorch, ~4 min to install) is part of
# the development install so that the tests exercise it; `make install EXTRAS=test` leaves it out.
EXTRAS ?= test,meaning

.PHONY: install bench-install run serve load test test-sqlite test-postgres lint system-deps clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[$(EXTRAS)]'
	touch $@

# The load benchmark's extra dependencies (Locust).
bench-install: $(VENV)/.bench-installed

$(VENV)/.bench-installed: $(VENV)/.installed
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test,bench]'
	touch $@

run: install
	$(MANAGE) migrate --noinput
	$(MANAGE) ingest seeds/
	$(MANAGE) build_search_index
	$(MANAGE) find_talking_points
	-$(MANAGE) embed_turns
	$(MANAGE) runserver 127.0.0.1:8000

# Production: gunicorn with DJANGO_ENV=production unless set otherwise, which needs
# DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS (see README, Deployment).
serve: export DJANGO_ENV ?= production
serve: install
	$(MANAGE) check --deploy
	$(MANAGE) collectstatic --noinput -v0
	$(MANAGE) migrate --noinput
	$(MANAGE) createcachetable
	$(BIN)/gunicorn --config gunicorn.conf.py

# gunicorn under a newsroom's traffic on the archive in ARCHIVE (bench/load.py --help).
ARCHIVE ?= bench/out/archive-1m
load: bench-install
	$(BIN)/python bench/load.py --archive-dir $(ARCHIVE)

# The whole suite, once on SQLite and once on a throwaway PostgreSQL cluster.
test: install system-deps lint test-sqlite test-postgres

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test-sqlite: install
	$(BIN)/pytest

test-postgres: install
	scripts/with-postgres $(BIN)/pytest

# Chromium and PostgreSQL for the browser and database tests, from Debian, when root can install.
system-deps:
	scripts/install-system-deps

clean:
	rm -rf $(VENV) var staticfiles .pytest_cache
