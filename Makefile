# Set-up and entry points. Everything after `make venv` runs offline.
#   make demo    redact a sample clinical note offline on the bundled model (the main job)
#   make engine-demo  run the engine on a sample text (every task type)
#   make test    run the whole test suite
#   make test-fast  the suite without the tests marked slow (load, browser, schemathesis, training, parity)
#   make bench   our engine and each backend vs the reference gliner2 on the same checkpoints, the
#                Presidio pipeline and the REST service vs their baselines, peak memory of one 5k-
#                and one 50k-word document, and PNG plots of it all in bench/results/ (BENCH_ARGS=--quick)
#   make model   train and export the bundled PII model in seven stages (about 8 hours of CPU)

SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3 2>/dev/null)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# The CPU wheel, installed before anything else: a bare `torch` requirement would pull a
# multi-GB CUDA build. Override both for another torch build or index.
TORCH_SPEC ?= torch==2.13.0
TORCH_PIP_ARGS ?=
BENCH_ARGS ?=
OFFLINE := HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1

.PHONY: venv browser java test test-fast demo engine-demo bench model eval-only clean-venv

venv: $(STAMP)

# Re-installs only when pyproject.toml changes (or the stamp is gone).
$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { echo "error: no python3.11 or python3 on PATH; install Python 3.11+ or run make PYTHON=/path/to/python3.11" >&2; exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "error: $(PYTHON) is older than 3.11; run make PYTHON=/path/to/python3.11" >&2; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q $(TORCH_PIP_ARGS) "$(TORCH_SPEC)"
	$(PY) -m pip install -q -e '.[test,bench,batch,onnx]'
	@touch $(STAMP)

# The web playground's test drives Debian's chromium through chromedriver (no browser download
# from the internet: the package registries are all an air-gapped build machine can reach).
browser:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    export DEBIAN_FRONTEND=noninteractive; \
	    apt-get install -y -q chromium chromium-driver >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q chromium chromium-driver >/dev/null; }; \
	  else echo "warning: chromium/chromedriver missing and not installable here (needs root + apt-get); the browser test will skip" >&2; fi; \
	fi

# The Spark tests need a Java 17+ runtime: Debian's, like chromium above (PySpark's own launcher
# finds `java` on PATH). /usr/share/man/man1 must exist for the JRE's post-install on slim images.
java:
	@if ! command -v java >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    export DEBIAN_FRONTEND=noninteractive; mkdir -p /usr/share/man/man1; \
	    apt-get install -y -q openjdk-17-jre-headless >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q openjdk-17-jre-headless >/dev/null; }; \
	  else echo "warning: java missing and not installable here (needs root + apt-get); the Spark tests will skip" >&2; fi; \
	fi

test: venv browser java
	$(OFFLINE) $(PY) -m pytest -q tests

# The inner loop: skips the tests marked slow (pyproject.toml, [tool.pytest.ini_options] markers).
test-fast: venv
	$(OFFLINE) $(PY) -m pytest -q -m "not slow" tests

demo: venv
	$(OFFLINE) $(PY) scripts/redact_sample.py

engine-demo: venv
	$(OFFLINE) $(PY) scripts/demo_engine.py

# Issue 12's benchmarks in one run (about 1 h on 2 idle cores; nothing else on the machine), each
# writing its table and JSON to bench/results/, then the PNG plots of them all.
bench: venv
	$(OFFLINE) $(PY) bench/engine_speed.py $(BENCH_ARGS)
	$(OFFLINE) $(PY) bench/backends.py --skip-accuracy --variants --speed-models deberta-base --name backends-speed
	$(OFFLINE) $(PY) bench/pipeline_speed.py --backends torch,torch-int8,onnx-int8
	$(OFFLINE) $(PY) bench/load_test.py --matrix --endpoint analyze --requests 120 --baseline-rev 4fcebc1
	$(OFFLINE) $(PY) bench/memory.py $(BENCH_ARGS)
	$(OFFLINE) $(PY) bench/plots.py

# The bundled offline PII model: generate data, train seven stages (about 8 hours on 2 idle cores), export
# fp16 into the package, evaluate on held-out synthetic data and the hand-written set.
model: venv
	$(OFFLINE) $(PY) -m presidio_gliner2.training.synth --n 20000 --seed 1 --out build/data/synth-train-v1.jsonl
	$(OFFLINE) $(PY) -m presidio_gliner2.training.synth --n 12000 --seed 1 --out build/data/synth-train.jsonl
	$(OFFLINE) $(PY) -m presidio_gliner2.training.synth --n 300 --seed 2 --out build/data/synth-validation.jsonl
	$(OFFLINE) $(PY) -m presidio_gliner2.training.synth --n 500 --seed 3 --out build/data/synth-heldout.jsonl
	$(OFFLINE) $(PY) scripts/validation_mix.py build/data/synth-validation.jsonl build/data/validation-mixed.jsonl
	# stage 1: generated documents only, from the MiniLM encoder (about 2 h on 2 cores)
	$(OFFLINE) $(PY) -m presidio_gliner2.cli train --config presidio_gliner2/training/configs/bundled-v1.yaml
	$(OFFLINE) $(PY) -m presidio_gliner2.training.export build/train/bundled-v1/best presidio_gliner2/models/default
	# stage 2: continues from stage 1's export on external text + the widened generator (about 100 min)
	$(OFFLINE) $(PY) -m presidio_gliner2.cli train --config presidio_gliner2/training/configs/bundled.yaml
	$(OFFLINE) $(PY) -m presidio_gliner2.training.export build/train/bundled/best presidio_gliner2/models/default
	# stage 3: continues from stage 2's export with LitBank, names-only prompts half the time, a fresh
	# generator draw, and validation on held-out external train documents (about 2 h)
	$(OFFLINE) $(PY) -m presidio_gliner2.training.synth --n 8000 --seed 5 --out build/data/synth-train-v3.jsonl
	$(OFFLINE) $(PY) scripts/holdout_split.py build/data/synth-validation.jsonl build/data
	$(OFFLINE) $(PY) -m presidio_gliner2.cli train --config presidio_gliner2/training/configs/bundled-v3.yaml
	$(OFFLINE) $(PY) -m presidio_gliner2.training.export build/train/bundled-v3/best presidio_gliner2/models/default
	# stage 4: continues from stage 3's export with labels asked in other words or by a code name
	# with a description, so that user-written labels work (about 1 h)
	$(OFFLINE) $(PY) -m presidio_gliner2.cli train --config presidio_gliner2/training/configs/bundled-v4.yaml
	$(OFFLINE) $(PY) -m presidio_gliner2.training.export build/train/bundled-v4/best presidio_gliner2/models/default
	# stage 5: continues from stage 4's export with labels asked by hand-written names and
	# descriptions (synth/label_wordings.yaml), for identifiers asked in a user's words (about 1 h)
	$(OFFLINE) $(PY) -m presidio_gliner2.cli train --config presidio_gliner2/training/configs/bundled-v5.yaml
	$(OFFLINE) $(PY) -m presidio_gliner2.training.export build/train/bundled-v5/best presidio_gliner2/models/default
	# stage 6: continues from stage 5's export on a fresh generator draw (initial-dot e-mails now
	# among them), stage 5's prompt augmentation unchanged (40 min)
	$(OFFLINE) $(PY) -m presidio_gliner2.training.synth --n 6000 --seed 6 --out build/data/synth-train-v6.jsonl
	$(OFFLINE) $(PY) -m presidio_gliner2.cli train --config presidio_gliner2/training/configs/bundled-v6.yaml
	$(OFFLINE) $(PY) -m presidio_gliner2.training.export build/train/bundled-v6/best presidio_gliner2/models/default
	rm -rf build/export-v6 && cp -r presidio_gliner2/models/default build/export-v6
	# stage 8: continues from stage 6's export on a fresh generator draw with more labels asked by
	# code names and hand-written words, the best checkpoint picked on the validation documents asked
	# in their own labels and in training/pick_wording.yaml (40 min)
	$(OFFLINE) $(PY) -m presidio_gliner2.training.synth --n 6000 --seed 8 --out build/data/synth-train-v8.jsonl
	$(OFFLINE) $(PY) -m presidio_gliner2.cli train --config presidio_gliner2/training/configs/bundled-v8.yaml
	$(OFFLINE) $(PY) -m presidio_gliner2.training.export build/train/bundled-v8/best presidio_gliner2/models/default
	# v10: the weights of stage 8's and stage 6's exports averaged, 0.7 / 0.3 (no training): stage 6's
	# reading of news-like prose back, most of stage 8's unseen-wording gain kept (seconds)
	$(OFFLINE) $(PY) -m presidio_gliner2.training.average presidio_gliner2/models/default build/export-v6 --weight 0.7 --out build/train/bundled-v10
	$(OFFLINE) $(PY) -m presidio_gliner2.training.export build/train/bundled-v10 presidio_gliner2/models/default
	# the packs' per-label thresholds, on the prompt the shipped configs ask (names only, classifiers in)
	for pack in general healthcare finance; do \
		$(OFFLINE) $(PY) -m presidio_gliner2.cli calibrate build/data/synth-validation.jsonl build/data/external-holdout.jsonl.gz \
			--pack recognizers/$$pack.yaml --no-descriptions --in-place || exit 1; done
	$(OFFLINE) $(PY) -m presidio_gliner2.cli eval build/data/synth-heldout.jsonl --model default --json build/eval-heldout.json --markdown build/eval-heldout.md
	$(OFFLINE) $(PY) -m presidio_gliner2.cli eval tests/data/handwritten/*.jsonl --model default --labels all --json build/eval-handwritten.json --markdown build/eval-handwritten.md
	$(OFFLINE) $(PY) -m presidio_gliner2.cli eval data/external/*-dev.jsonl.gz tests/data/handwritten/*.jsonl --configs general,healthcare,finance --classes --wording bench/unseen_wording.yaml --json bench/results/dev_benchmark.json --markdown bench/results/dev_benchmark.md

# Evaluation-only sets (presidio-research template sentences, WNUT-17 test, CoNLL-2003 test):
# scored once on what ships, never trained, calibrated or picked on. bench/eval_only_sets.py says
# where each file comes from; pass the paths you have (none: score what is already in EVAL_ONLY_DIR), e.g.
#   make eval-only PRESIDIO_SYNTH=synth_dataset_v2.json WNUT17=emerging.test.annotated CONLL2003=eng.testb
EVAL_ONLY_DIR ?= build/eval-only
eval-only:
	$(if $(PRESIDIO_SYNTH)$(WNUT17)$(CONLL2003),$(PY) bench/eval_only_sets.py --out $(EVAL_ONLY_DIR) \
		$(if $(PRESIDIO_SYNTH),--presidio-synth $(PRESIDIO_SYNTH)) $(if $(WNUT17),--wnut17 $(WNUT17)) \
		$(if $(CONLL2003),--conll2003 $(CONLL2003)))
	$(OFFLINE) $(PY) -m presidio_gliner2.cli eval $(EVAL_ONLY_DIR)/*.jsonl.gz --configs general,healthcare,finance \
		--wording bench/unseen_wording.yaml --json bench/results/eval_only.json --markdown bench/results/eval_only.md

clean-venv:
	rm -rf $(VENV)
