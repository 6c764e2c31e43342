# Two commands a newcomer needs: `make run` and `make test` (see README.md).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000
WEB_CONCURRENCY ?= $(shell nproc 2>/dev/null || echo 2)

NPM_STAMP := node_modules/.installed-stamp

.PHONY: install run serve demo test lint format check clean node-deps browser-deps front-deps \
	bench-deps gate-deps audit

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# npm tools for the quality gates: the Nu HTML Checker (vnu.jar), Lighthouse and
# the jQuery UI source vendored in static/vendor/. --ignore-scripts: vnu-jar's
# postinstall would try to download a Java runtime; Debian's is used instead.
$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $(NPM_STAMP)

node-deps: $(NPM_STAMP)

# Debian's Chromium (never a downloaded browser build) and a Java runtime for vnu.
# Needs root for apt-get; does nothing when both are already there.
browser-deps:
	@if [ -x /usr/bin/chromium ] && command -v java >/dev/null; then :; \
	elif [ "$$(id -u)" -ne 0 ]; then \
		echo "Install Debian's chromium and default-jre-headless (needs root)."; exit 1; \
	else \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			--no-install-recommends chromium $$(command -v java >/dev/null || echo default-jre-headless) \
			>/dev/null; \
	fi

# Debian's nginx and redis-server: the front and fault-injection tests start their own.
front-deps:
	@if [ -x /usr/sbin/nginx ] && command -v redis-server >/dev/null; then :; \
	elif [ "$$(id -u)" -ne 0 ]; then \
		echo "Install Debian's nginx and redis-server (needs root)."; exit 1; \
	else \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			--no-install-recommends nginx redis-server >/dev/null; \
	fi

# wrk for benchmarks/serving.py.
bench-deps: front-deps
	@if command -v wrk >/dev/null; then :; \
	elif [ "$$(id -u)" -ne 0 ]; then echo "Install Debian's wrk (needs root)."; exit 1; \
	else \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			--no-install-recommends wrk >/dev/null; \
	fi

gate-deps: browser-deps node-deps front-deps bench-deps

demo: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo

run: demo
	@echo ""
	@echo "  Site:  http://$(HOST):$(PORT)/"
	@echo "  Admin: http://$(HOST):$(PORT)/admin/"
	@echo "  Create an admin user with: $(BIN)/python manage.py createsuperuser"
	@echo ""
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# Production's app server (README, Production): granian, one process per core, prod settings.
serve: install
	DJANGO_SETTINGS_MODULE=$${DJANGO_SETTINGS_MODULE:-tas_site.settings.prod} \
		$(BIN)/granian --interface wsgi --host $(HOST) --port $(PORT) \
		--workers $(WEB_CONCURRENCY) --blocking-threads 1 --no-ws --respawn-failed-workers \
		tas_site.wsgi:application

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	DJANGO_SETTINGS_MODULE=tas_site.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

test: lint
	$(BIN)/python -m pytest

# Lighthouse, mobile profile, on the list and detail pages of a production-like
# copy of the demo site (gunicorn, whitenoise, DEBUG off); fails below budget.
audit: install gate-deps
	$(BIN)/python -m tests.browser.audit

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles .pytest_cache .ruff_cache
