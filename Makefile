# The menu of the project. Each target calls Python; see README.md.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
INSTALLED := $(VENV)/.installed
# Leaflet and its marker-cluster plugin, and the register of Polish localities the matcher
# reads villages from, from the npm registry (package-lock.json).
NODE_INSTALLED := node_modules/.package-lock.json

.PHONY: demo test stop services lint messages system-packages eval bench

# The worker (queued e-mail, daily jobs) runs in the background beside the server and stops with it.
demo: $(INSTALLED) $(NODE_INSTALLED) messages services
	$(MANAGE) migrate --no-input
	$(MANAGE) setup_demo
	$(MANAGE) worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) runserver 127.0.0.1:8000

# TEST_PROCESSES test processes (two on two cores: three made the ordinary tests slower, 6 min 7 s
# against 5 min 31 s), each with its own database and index prefix. Tests that commit for real
# empty the database after themselves, so they run in a phase of their own after the others
# (same databases, --reuse-db), and the one that stops Elasticsearch runs last, by itself (it
# commits too, and puts back what the migrations installed, like the transactional tests).
TEST_PROCESSES ?= 2
# --durations: each phase ends with its ten slowest tests, where a slower suite shows first.
PYTEST := DJANGO_SETTINGS_MODULE=cms.settings.test $(PY) -m pytest --dist loadfile --durations=10
test: $(INSTALLED) $(NODE_INSTALLED) system-packages messages services lint
	$(MANAGE) makemigrations --check --dry-run
	$(PYTEST) -n $(TEST_PROCESSES) --create-db -m "not transactional and not alone"
	$(PYTEST) -n $(TEST_PROCESSES) --reuse-db -m "transactional and not alone"
	$(PYTEST) -n 1 --reuse-db -m alone

# Relevance of the matcher and two baselines on the judged set, over the demo directory.
eval: $(INSTALLED) $(NODE_INSTALLED) messages services
	$(MANAGE) migrate --no-input
	$(MANAGE) import_directory cms/demo/directory.jsonl
	$(MANAGE) evaluate_relevance

# Indexing throughput and match latency (API vs direct) at 10,000, 100,000 and 1,000,000
# cooperatives, then a reindex of 1,000,000 behind the alias under load (about 15 min).
bench: $(INSTALLED) $(NODE_INSTALLED) messages services
	$(MANAGE) migrate --no-input
	$(MANAGE) import_directory cms/demo/directory.jsonl
	$(MANAGE) benchmark

# The site as production runs it (gunicorn, workers), under locust for LOAD_TIME; not in `make test`.
LOAD_USERS ?= 50
LOAD_TIME ?= 10m
.PHONY: load
load: $(INSTALLED) $(NODE_INSTALLED) messages services
	$(MANAGE) load_test --users $(LOAD_USERS) --time $(LOAD_TIME)

# Three local Elasticsearch nodes; the first is stopped and restarted under load (~10 min).
.PHONY: cluster-test
cluster-test: $(INSTALLED) $(NODE_INSTALLED) messages services
	$(MANAGE) cluster_test

# Directory import speed and memory: the demo file, 1,000, 10,000 and 100,000 synthetic records,
# each into a fresh database of its own (about 40 min).
.PHONY: import-bench
import-bench: $(INSTALLED) messages services
	$(MANAGE) import_bench

stop: $(INSTALLED)
	$(MANAGE) services down

services: $(INSTALLED)
	$(MANAGE) services up

lint: $(INSTALLED)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m importlinter.cli --no-cache

messages: $(INSTALLED)
	$(PY) -m cms.devservices.systempackages gettext
	$(MANAGE) compilemessages --ignore=.venv --ignore=.local -v 0

# Debian's Chromium for the browser tests.
system-packages: $(INSTALLED)
	$(PY) -m cms.devservices.systempackages chromium

$(NODE_INSTALLED): package.json package-lock.json
	npm ci --no-audit --no-fund

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q -e ".[dev]"
	touch $@
