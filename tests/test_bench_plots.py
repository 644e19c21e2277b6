"""bench/plots.py draws every committed benchmark result (real matplotlib, Agg) and names a bad file."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"

pytest.importorskip("matplotlib", reason="bench extra: pip install -e '.[bench]'")


def _plots():
    spec = importlib.util.spec_from_file_location("bench_plots", ROOT / "bench" / "plots.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_committed_result_is_drawn_as_a_png(tmp_path):
    plots = _plots()
    for source in plots.PLOTS:
        shutil.copy(RESULTS / source, tmp_path / source)
    written = plots.draw(tmp_path)
    assert sorted(p.name for p in written) == sorted(target for target, _ in plots.PLOTS.values())
    for path in written:
        data = path.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 5_000, path.name


def test_missing_results_are_skipped_and_a_malformed_one_is_named(tmp_path, capsys):
    plots = _plots()
    assert plots.draw(tmp_path) == []
    assert "no " in capsys.readouterr().err
    (tmp_path / "memory.json").write_text('{"rows": [{"stage": "redact"}]}')
    with pytest.raises(SystemExit, match="memory.json"):
        plots.draw(tmp_path)
