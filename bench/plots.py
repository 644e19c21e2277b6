"""Draw the benchmark results as PNG plots, next to their tables in ``bench/results/``.

Reads the JSON each benchmark writes and draws what it measured; it measures nothing itself, so a
plot is exactly as current as its table (the JSON's own command and date say when it was run):

- ``engine_speed.png``: our engine against the reference gliner2 and the bare encoder (the
  floor), per case (``bench/engine_speed.py``);
- ``backends-speed.png``: each backend's (and the floor's) speed-up over the reference on the
  DeBERTa-base-size checkpoint (``bench/backends.py --skip-accuracy --name backends-speed``);
- ``pipeline_speed.png``: documents/s through the shipped ``general`` config per backend against
  stock Presidio + spaCy (``bench/pipeline_speed.py``);
- ``rest_throughput-analyze.png``: requests/s and p50/p95 latency at concurrency 1, 8 and 32 per
  server setup (``bench/load_test.py --matrix``);
- ``memory.png``: peak memory of a 5,000- and a 50,000-word document per stage (``bench/memory.py``).

    python bench/plots.py                 # every result file present in bench/results/
    python bench/plots.py --results DIR   # another results directory (plots are written there)

A missing result file is skipped with a line on stderr; an unreadable one fails with its name.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Callable

RESULTS = Path(__file__).resolve().parent / "results"


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")  # files only, no display
    import matplotlib.pyplot as plt

    return plt


def _bars(ax, groups: list[str], series: dict[str, list[float]], ylabel: str) -> None:
    """Grouped bars: one group per x label, one bar per series."""
    width = 0.8 / max(1, len(series))
    for i, (name, values) in enumerate(series.items()):
        xs = [g + (i - (len(series) - 1) / 2) * width for g in range(len(groups))]
        ax.bar(xs, values, width, label=name)
    ax.set_xticks(range(len(groups)))
    ax.set_xticklabels(groups, rotation=15, ha="right", fontsize=8)
    ax.set_ylabel(ylabel)
    ax.grid(axis="y", alpha=0.3)
    ax.legend(fontsize=7)


def _caption(fig, meta: dict) -> None:
    """The command and date that produced the numbers, under the plot."""
    command = meta.get("command", "")
    when = meta.get("date", "")
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    fig.text(0.01, 0.01, f"{command}  {when}".strip(), fontsize=6, color="grey")


def engine_speed(data: dict, plt):
    rows = data["rows"]
    models = list(dict.fromkeys(r["model"] for r in rows))
    fig, axes = plt.subplots(len(models), 1, figsize=(10, 3.6 * len(models)), squeeze=False)
    for ax, model in zip(axes[:, 0], models):
        mine = [r for r in rows if r["model"] == model]
        _bars(ax, [r["case"] for r in mine],
              {"reference": [r["ref_ms"] for r in mine], "ours": [r["ours_ms"] for r in mine],
               "floor (bare encoder)": [r["floor_ms"] for r in mine]}, "ms per call (lower is better)")
        ax.set_title(f"{model}: presidio_gliner2 vs reference gliner2", fontsize=10)
    _caption(fig, data.get("meta", {}))
    return fig


def backends_speed(data: dict, plt):
    rows = data["speed"]
    names = list(dict.fromkeys(n for r in rows for n in r["ms"] if n != "ref"))  # the JSON's order
    fig, ax = plt.subplots(figsize=(11, 4.8))
    groups = [f"{r['model']}: {r['case']}" for r in rows]
    _bars(ax, groups, {n: [r["ms"]["ref"] / r["ms"][n] if r["ms"].get(n) else 0.0 for r in rows] for n in names},
          "speed-up over the reference (higher is better)")
    ax.axhline(1.0, color="black", linewidth=0.8)
    ax.axhline(2.5, color="red", linewidth=0.8, linestyle="--", label="issue 12 goal (2.5x)")
    ax.legend(fontsize=7)
    ax.set_title("Encoder backends against the reference gliner2 on the same checkpoint (floor: the bare fp32 "
                 "encoder)", fontsize=10)
    _caption(fig, data.get("meta", {}))
    return fig


def pipeline_speed(rows: list, plt):
    fig, ax = plt.subplots(figsize=(9, 0.45 * len(rows) + 1.5))
    labels = [r["pipeline"] + ("" if r["backend"] in ("-", "torch") else f" [{r['backend']}]") for r in rows]
    ax.barh(range(len(rows)), [r["documents_per_s"] for r in rows],
            color=["grey" if "stock" in r["pipeline"] else "tab:blue" for r in rows])
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels(labels, fontsize=7)
    ax.invert_yaxis()
    ax.set_xlabel("documents/s (higher is better)")
    ax.grid(axis="x", alpha=0.3)
    ax.set_title("Presidio pipeline on short texts", fontsize=10)
    for i, r in enumerate(rows):
        ax.text(r["documents_per_s"], i, f" {r['documents_per_s']:.1f}", va="center", fontsize=7)
    fig.tight_layout()
    return fig


def rest_throughput(rows: list, plt):
    setups = list(dict.fromkeys(r["setup"] for r in rows))
    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4.5))
    for setup in setups:
        mine = sorted((r for r in rows if r["setup"] == setup), key=lambda r: r["concurrency"])
        xs = [r["concurrency"] for r in mine]
        left.plot(xs, [r["requests_per_s"] for r in mine], marker="o", label=setup)
        right.plot(xs, [r["p50_ms"] for r in mine], marker="o", label=f"{setup}: p50")
        right.plot(xs, [r["p95_ms"] for r in mine], marker="x", linestyle="--", color=right.lines[-1].get_color())
    for ax, label in ((left, "requests/s (higher is better)"), (right, "latency ms, p50 (o) and p95 (x)")):
        ax.set_xscale("log", base=2)
        ax.set_xticks([1, 8, 32])
        ax.set_xticklabels(["1", "8", "32"])
        ax.set_xlabel("concurrent clients")
        ax.set_ylabel(label)
        ax.grid(alpha=0.3)
    left.legend(fontsize=6)
    endpoint = rows[0].get("endpoint", "analyze") if rows else "analyze"
    fig.suptitle(f"REST service, POST /{endpoint}", fontsize=10)
    fig.tight_layout()
    return fig


def memory(data: dict, plt):
    rows = data["rows"]
    stages = list(dict.fromkeys(r["stage"] for r in rows))
    lengths = sorted({r["words"] for r in rows})
    peak = {(r["stage"], r["words"]): r["peak_mib"] for r in rows}
    fig, ax = plt.subplots(figsize=(7, 4))
    _bars(ax, stages, {f"{n:,} words": [peak.get((s, n), 0.0) for s in stages] for n in lengths},
          "peak RSS MiB (lower is better)")
    ax.set_title("Peak memory of one long document", fontsize=10)
    fig.tight_layout()
    return fig


# result file -> (plot file, drawing function)
PLOTS: dict[str, tuple[str, Callable]] = {
    "engine_speed.json": ("engine_speed.png", engine_speed),
    "backends-speed.json": ("backends-speed.png", backends_speed),
    "pipeline_speed.json": ("pipeline_speed.png", pipeline_speed),
    "rest_throughput-analyze.json": ("rest_throughput-analyze.png", rest_throughput),
    "memory.json": ("memory.png", memory),
}


def draw(results: Path) -> list[Path]:
    """Write a PNG beside every known result file in ``results``; return the paths written."""
    plt = _pyplot()
    written = []
    for source, (target, function) in PLOTS.items():
        path = results / source
        if not path.is_file():
            print(f"skipped {target}: no {path}", file=sys.stderr)
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            fig = function(data, plt)
        except (ValueError, KeyError, TypeError) as exc:
            raise SystemExit(f"{path} is not a result file this script can draw ({type(exc).__name__}: {exc}); "
                             f"rerun the benchmark that writes it") from None
        fig.savefig(results / target, dpi=110)
        plt.close(fig)
        written.append(results / target)
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    for path in draw(args.results):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
