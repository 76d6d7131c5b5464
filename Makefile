# reader — one-command set-up, run, test, train and benchmark.
# Every target bootstraps .venv first (Python ≥ 3.10 with venv), pinned by constraints.txt.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DATA   ?= ../shared/data/ner
ARTICLE ?= sample_articles/article-de-putin-kim-beijing.txt

.PHONY: run test lint train-de train-en evaluate bench clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[dev]'
	touch $@

# byte-compiled once, so start-up never compiles reader's modules (with
# PYTHONDONTWRITEBYTECODE set, Python would do it on every start)
COMPILE := $(BIN)/python -m compileall -q reader benchmarks >/dev/null

run: $(STAMP)  ## open the German sample article
	@$(COMPILE)
	$(BIN)/reader $(ARTICLE)

lint: $(STAMP)
	$(BIN)/ruff check reader tests training benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

test: lint  ## lint, type-check, architecture contracts, then the test suite
	$(BIN)/pytest -q

# one BLAS/OpenMP thread: the runs are reproducible bit for bit only with the same count
ONE_THREAD := OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1

train-de train-en: train-%: $(STAMP)  ## retrain a bundled pipeline [DATA=../shared/data/ner]
	$(ONE_THREAD) $(BIN)/python -m training.train $* --data $(DATA)

evaluate: $(STAMP)  ## P/R/F per label of the bundled pipelines on the held-out splits
	$(BIN)/python -m training.evaluate de en --data $(DATA)

bench: $(STAMP)  ## speed and memory figures, printed and written to benchmarks/results.json
	@$(COMPILE)
	$(BIN)/python -m benchmarks.run

clean:
	rm -rf $(VENV) training/corpus training/output
