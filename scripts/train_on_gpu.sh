#!/usr/bin/env bash
# Stage 2 of the bundled model (presidio_gliner2/training/configs/bundled.yaml) on one GPU, for a
# session that is lent an accelerator: same data and recipe, bigger batches, a wall-time budget
# (default 8 minutes), the export under $OUT (or build/) so the model comes back to this machine.
#
#   scripts/train_on_gpu.sh [minutes]
#
# Not yet run on a GPU: the CPU runs are what the model card reports.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
minutes="${1:-8}"
out="${OUT:-build}/gpu"
py="${PY:-.venv/bin/python}"
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
mkdir -p build/data "$out"
"$py" -m presidio_gliner2.training.synth --n 12000 --seed 1 --out build/data/synth-train.jsonl
"$py" -m presidio_gliner2.training.synth --n 300 --seed 2 --out build/data/synth-validation.jsonl
"$py" scripts/validation_mix.py build/data/synth-validation.jsonl build/data/validation-mixed.jsonl
# A GPU takes 4x the batch at the same step cost; the learning rates stay (AdamW, short schedule).
sed -e "s/^max_minutes: .*/max_minutes: ${minutes}/" -e "s/^batch_size: .*/batch_size: 32/" \
    -e "s/^threads: .*/device: cuda/" -e "s#^output_dir: .*#output_dir: ${out}/train#" \
    presidio_gliner2/training/configs/bundled.yaml > "${out}/bundled-gpu.yaml"
"$py" -m presidio_gliner2.cli train --config "${out}/bundled-gpu.yaml"
"$py" -m presidio_gliner2.training.export "${out}/train/best" "${out}/model"
echo "model exported to ${out}/model; copy it to presidio_gliner2/models/default after evaluating it"
