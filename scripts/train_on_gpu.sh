#!/usr/bin/env bash
# The bundled model's whole recipe (the seven training stages of `make model`: 1-6 and 8, then the
# average of 8 and 6) on one GPU, for a session that
# is lent an accelerator: same data and configs, 4x the batch, each stage on a wall-time budget
# (default 2 + 2 + 1.5 + 1 + 0.5 + 0.5 + 0.5 minutes, 8 of training, under 9 in all with the data and exports), every export under
# $OUT (or build/) so the model comes back to this machine. Calibrate the packs afterwards, on the
# CPU machine (Makefile, `model`).
#
#   scripts/train_on_gpu.sh [stage1-minutes ... stage6-minutes stage8-minutes]
#
# Not yet run on a GPU: the CPU runs are what the model card reports.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
minutes=("${1:-2}" "${2:-2}" "${3:-1.5}" "${4:-1}" "${5:-0.5}" "${6:-0.5}" "${7:-0.5}")
out="${OUT:-build}/gpu"
py="${PY:-.venv/bin/python}"
configs=presidio_gliner2/training/configs
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
mkdir -p build/data "$out"

# The data of `make model` (seconds on a CPU).
"$py" -m presidio_gliner2.training.synth --n 20000 --seed 1 --out build/data/synth-train-v1.jsonl
"$py" -m presidio_gliner2.training.synth --n 12000 --seed 1 --out build/data/synth-train.jsonl
"$py" -m presidio_gliner2.training.synth --n 8000 --seed 5 --out build/data/synth-train-v3.jsonl
"$py" -m presidio_gliner2.training.synth --n 6000 --seed 6 --out build/data/synth-train-v6.jsonl
"$py" -m presidio_gliner2.training.synth --n 6000 --seed 8 --out build/data/synth-train-v8.jsonl
"$py" -m presidio_gliner2.training.synth --n 300 --seed 2 --out build/data/synth-validation.jsonl
"$py" scripts/validation_mix.py build/data/synth-validation.jsonl build/data/validation-mixed.jsonl
"$py" scripts/holdout_split.py build/data/synth-validation.jsonl build/data

# stage NAME CONFIG MINUTES START: a GPU takes 4x the batch at about the same step cost; the learning
# rates stay (AdamW, short schedule). Each stage starts from the previous stage's export.
stage() {
  local name="$1" config="$2" budget="$3" start="$4"
  sed -e "s/^max_minutes: .*/max_minutes: ${budget}/" -e "s/^batch_size: .*/batch_size: 32/" \
      -e "s/^threads: .*/device: cuda/" -e "s#^output_dir: .*#output_dir: ${out}/train-${name}#" \
      -e "s#^model: .*#model: ${start}#" "${configs}/${config}" > "${out}/${name}-gpu.yaml"
  "$py" -m presidio_gliner2.cli train --config "${out}/${name}-gpu.yaml"
  "$py" -m presidio_gliner2.training.export "${out}/train-${name}/best" "${out}/model-${name}"
}
stage v1 bundled-v1.yaml "${minutes[0]}" unused   # from the MiniLM encoder (no model: line to replace)
stage v2 bundled.yaml "${minutes[1]}" "${out}/model-v1"
stage v3 bundled-v3.yaml "${minutes[2]}" "${out}/model-v2"
stage v4 bundled-v4.yaml "${minutes[3]}" "${out}/model-v3"
stage v5 bundled-v5.yaml "${minutes[4]}" "${out}/model-v4"
stage v6 bundled-v6.yaml "${minutes[5]}" "${out}/model-v5"
stage v8 bundled-v8.yaml "${minutes[6]}" "${out}/model-v6"
# v10: stage 8's and stage 6's weights averaged, 0.7 / 0.3, as `make model` does (no training)
"$py" -m presidio_gliner2.training.average "${out}/model-v8" "${out}/model-v6" --weight 0.7 --out "${out}/train-v10"
"$py" -m presidio_gliner2.training.export "${out}/train-v10" "${out}/model-v10"
echo "model exported to ${out}/model-v10; copy it to presidio_gliner2/models/default after evaluating it"
