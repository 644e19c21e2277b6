"""Label descriptions in the prompt, or label names only: accuracy and speed, in one run.

A described prompt is long (the general pack's labels with descriptions take ~380 of MiniLM's 512
positions, so the document classifiers need a second pass and long texts get short windows);
names only take a fraction. This measures what that costs on the dev benchmark (the shipped
configs on the external dev sets and the hand-written sets) and what it saves in documents/s.

    python bench/prompt_descriptions.py

Writes bench/results/prompt_descriptions.md and .json. Needs the machine to itself (~15 min).
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
RESULTS = ROOT / "bench" / "results"
SETS = sorted((ROOT / "data" / "external").glob("*-dev.jsonl.gz")) + sorted((ROOT / "tests" / "data" / "handwritten").glob("*.jsonl"))
CONFIGS = ("general", "healthcare", "finance")


def variant(name: str, descriptions: bool, folder: Path) -> Path:
    """The shipped config with ``label_descriptions`` set on its GLiNER2 recognizer."""
    from presidio_gliner2.redaction.analyzers import config_path

    conf = yaml.safe_load(config_path(name).read_text())
    for entry in conf["recognizer_registry"]["recognizers"]:
        if entry.get("class_name") == "GLiNER2Recognizer" or entry.get("name") == "GLiNER2Recognizer":
            entry["label_descriptions"] = descriptions
    path = folder / f"{name}-{'described' if descriptions else 'names'}.yaml"
    path.write_text(yaml.safe_dump(conf))
    return path


def main() -> int:
    from load_test import SENTENCES

    from presidio_gliner2.redaction import benchmark
    from presidio_gliner2.redaction.analysis import analyze_batch
    from presidio_gliner2.redaction.analyzers import build_analyzer

    folder = Path(tempfile.mkdtemp(prefix="prompt-descriptions-"))
    rows, speed = [], []
    texts = [SENTENCES[i % len(SENTENCES)] for i in range(64)]
    for descriptions in (True, False):
        paths = [variant(name, descriptions, folder) for name in CONFIGS]
        for row in benchmark.run(SETS, [str(p) for p in paths], baseline=False, model=None):
            row.system = row.system.replace(str(folder) + "/", "").replace(".yaml", "")
            rows.append(row)
        for name, path in zip(CONFIGS, paths):
            analyzer = build_analyzer(path)
            analyze_batch(analyzer, texts[:4])
            began = time.perf_counter()
            analyze_batch(analyzer, texts)  # with document classes, as the Redactor asks
            speed.append({"config": path.stem, "documents_per_s": round(len(texts) / (time.perf_counter() - began), 2)})
    summary = {}
    for row in rows:
        entry = summary.setdefault(row.system, {"f2": [], "leak": []})
        entry["f2"].append(row.f2)
        entry["leak"].append(row.leak_rate)
    lines = ["# Label descriptions in the prompt vs label names only", "",
             "`python bench/prompt_descriptions.py`: the shipped configs (bundled model, torch) on the dev benchmark "
             "sets; speed on 64 short texts with document classes, one run.", "",
             "| config | mean F2 over sets | mean leak rate | documents/s |", "| --- | --- | --- | --- |"]
    rates = {s["config"]: s["documents_per_s"] for s in speed}
    for system, entry in summary.items():
        key = system.replace("config:", "")
        lines.append(f"| {key} | {sum(entry['f2']) / len(entry['f2']):.3f} | "
                     f"{sum(entry['leak']) / len(entry['leak']):.3f} | {rates.get(key, 'n/a')} |")
    lines += ["", benchmark.markdown(rows)]
    markdown = "\n".join(lines) + "\n"
    print(markdown)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "prompt_descriptions.md").write_text(markdown)
    (RESULTS / "prompt_descriptions.json").write_text(json.dumps(
        {"rows": [r.to_dict() for r in rows], "speed": speed}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
