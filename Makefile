# How news outlets reported the US troop withdrawals from Syria and Iraq.
#   make                 the whole report on the seeds: venv, install, notebooks, figures/, HTML
#   make CORPUS=path     the same on your own articles (folder of .txt, or CSV/JSONL/Parquet table)
#   make test            the tests (installs first)
#   make lab             the notebooks in JupyterLab (as root in a container too)
#   make bench           load+analyze against VADER alone (dev corpus if present, synthetic), stages, memory
#   make bench-build     time `make CORPUS=...` against load_articles + analyze (dev corpus if present)
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

CORPUS ?= seeds
ifeq ($(CORPUS),seeds)
  NAME := seeds
  FIGURES := figures
else
  NAME := $(basename $(notdir $(patsubst %/,%,$(CORPUS))))
  FIGURES := build/$(NAME)/figures
endif
OUT := build/$(NAME)
CACHE := build/cache/$(NAME)
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9]*.ipynb))
# any code or word list: a changed view reruns the notebooks; analyze_cached recomputes only for
# extraction code or the lexicon (pipeline.analysis_key)
CODE := utils.py $(wildcard withdrawals/*.py) $(wildcard withdrawals/lexicon/*)
CORPUS_FILES := $(if $(wildcard $(CORPUS)/.),$(wildcard $(CORPUS)/*),$(wildcard $(CORPUS)))
STORIES ?= 10000
JOBS ?= 2

.PHONY: all report test bench bench-build score lab clean help
.DEFAULT_GOAL := all

all: $(OUT)/.built ## Build the whole report: figures, executed HTML and index (rebuilds only what changed)
	@echo "Report: $(OUT)/html/index.html   Figures: $(FIGURES)/"

report: all ## Same as `make`

$(STAMP): requirements.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --disable-pip-version-check -q -r requirements.txt
	@touch $@

$(OUT)/.built: $(NOTEBOOKS) $(CODE) $(CORPUS_FILES) $(STAMP)
	@test -e "$(CORPUS)" || { echo "CORPUS not found: $(CORPUS)" >&2; exit 2; }
	@echo "Building the report on $(CORPUS) -> $(OUT)/html (changed: $(words $(filter-out $(STAMP),$?)) file(s))"
	@$(PY) -m withdrawals.build --corpus "$(CORPUS)" --figures "$(FIGURES)" --cache "$(CACHE)" \
		--html "$(OUT)/html" --executed "$(OUT)/executed" --jobs $(JOBS) \
		--changed "$(filter-out $(STAMP),$?)" $(NOTEBOOKS)
	@touch $@

test: $(STAMP) ## Run the tests: unit tests, every notebook executed, notebooks committed clean
	$(PY) -m pytest tests

DEV ?=
bench: $(STAMP) ## Benchmark: load+analyze vs VADER alone on the dev corpus (DEV=path) and a synthetic one (STORIES=10000)
	$(PY) bench/benchmark.py --stories $(STORIES) $(if $(DEV),--dev "$(DEV)")

BENCH_CORPUS ?= $(firstword $(wildcard ../shared/corpora/withdrawals-news-dev.jsonl) seeds)
bench-build: $(STAMP) ## Time `make CORPUS=...` from a clean build against load_articles + analyze (BENCH_CORPUS=path)
	$(PY) bench/bench_build.py "$(BENCH_CORPUS)" --jobs $(JOBS)

score: $(STAMP) ## Print the accuracy of the extractors: seed and tricky fixtures, and the real-article gold (dev and frozen) when the dev corpus is there
	$(PY) bench/score_quotes.py
	$(PY) bench/score_troops.py
	$(PY) bench/score_gold.py
	$(PY) bench/speaker_shares.py

# As root (containers) Jupyter needs --allow-root; with no display there is no browser to open.
LAB_FLAGS := $(if $(filter 0,$(shell id -u)),--allow-root) $(if $(DISPLAY)$(WAYLAND_DISPLAY),,--no-browser)
LAB_ARGS ?=
lab: $(STAMP) ## Open the notebooks in JupyterLab (LAB_ARGS="--port 8899 ..." for more options)
	$(VENV)/bin/jupyter lab --ServerApp.root_dir=notebooks $(LAB_FLAGS) $(LAB_ARGS)

clean: ## Remove build output (HTML, caches); keeps .venv and figures/
	rm -rf build

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 13
