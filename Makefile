# The two commands a new user needs: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: demo test eval bench lint clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

EVAL_STAMP := $(VENV)/.installed-eval

$(EVAL_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,eval]'
	touch $(EVAL_STAMP)

DEMO_DB := build/demo.db

demo: $(STAMP)
	@mkdir -p build && rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/newsledger ingest --db $(DEMO_DB) examples/
	$(BIN)/newsledger articles --db $(DEMO_DB) --table
	@for id in $$($(BIN)/newsledger articles --db $(DEMO_DB) --csv | tail -n +2 | cut -d, -f1); do \
		echo; $(BIN)/newsledger show $$id --db $(DEMO_DB); done
	@echo; $(BIN)/newsledger stories --db $(DEMO_DB) --table
	@for story in $$($(BIN)/newsledger stories --db $(DEMO_DB) --csv | tail -n +2 | cut -d, -f1); do \
		echo; $(BIN)/newsledger timeline $$story --db $(DEMO_DB) --table; \
		echo; $(BIN)/newsledger figures --story $$story --db $(DEMO_DB) --table; \
		echo; $(BIN)/newsledger reuse --story $$story --db $(DEMO_DB) --table; done
	@for id in $$($(BIN)/newsledger articles --db $(DEMO_DB) --csv | tail -n +2 | cut -d, -f1); do \
		echo; $(BIN)/newsledger new $$id --db $(DEMO_DB) --table; done
	@story=$$($(BIN)/newsledger stories --db $(DEMO_DB) --csv | tail -n +2 | head -1 | cut -d, -f1); \
		$(BIN)/newsledger report $$story --db $(DEMO_DB) -o build/story.html; \
		echo; echo "Report of story $$story: $(CURDIR)/build/story.html (a single file; opens offline)"; \
		echo "Browse the store: $(BIN)/newsledger serve --db $(DEMO_DB)  (then open http://127.0.0.1:8000/)"

test: $(STAMP)
	scripts/ensure-chromium
	$(BIN)/python -m pytest -q

eval: $(EVAL_STAMP)
	$(BIN)/python evaluation/run.py --shared $(SHARED)

bench: $(STAMP)
	$(BIN)/python bench/run.py --shared $(SHARED)

lint: $(STAMP)
	$(BIN)/ruff check src tests evaluation bench
	$(BIN)/mypy src

clean:
	rm -rf $(VENV) build src/*.egg-info
