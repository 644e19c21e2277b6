"""Zero-code plugin loading: with the package installed, Presidio's own ``AnalyzerEngineProvider``
builds an engine from a YAML that names ``GLiNER2Recognizer`` in a fresh interpreter that never
imports ``presidio_gliner2``; and every other Python program pays nothing for it.

Each check runs in a subprocess started outside the source tree, so only the installed package
(its ``presidio_gliner2_autoload.pth`` in site-packages) can be at work.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import site
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.models import needs_default

ROOT = Path(__file__).resolve().parents[1]
PTH = "presidio_gliner2_autoload.pth"
NOTE = ("Patient Jane Roe (MRN 448812) was seen on 03/04/2021 by Dr. Okafor. Call 617-555-0142. "
        "SSN 512-44-8391, email jane.roe@example.com.")
PLANTED = ["Jane Roe", "448812", "03/04/2021", "Okafor", "617-555-0142", "512-44-8391", "jane.roe@example.com"]
HEAVY = ("presidio_analyzer", "presidio_anonymizer", "presidio_gliner2", "torch", "transformers", "spacy")


def _run(script: str, cwd: Path, **env: str) -> dict:
    done = subprocess.run([sys.executable, "-c", script], cwd=cwd, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", **env})
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_pth_file_is_installed_at_the_top_of_site_packages():
    # Every distribution of that name (a source checkout's egg-info can shadow the installed one).
    files = [f for dist in importlib.metadata.distributions(name="presidio-gliner2") for f in dist.files or []
             if f.name == PTH]
    assert files, f"{PTH} is not in the installed distribution: reinstall with `pip install -e .`"
    path = Path(files[0].locate()).resolve()
    assert str(files[0]) == PTH  # at the root of site-packages, where site.py reads .pth files
    assert str(path.parent) in {str(Path(p).resolve()) for p in site.getsitepackages()}
    assert path.read_text().strip() == "import presidio_gliner2_autoload"


def test_a_python_program_that_never_imports_presidio_imports_nothing_heavy(tmp_path):
    found = _run("import sys, json; "
                 f"print(json.dumps({{'hook': 'presidio_gliner2_autoload' in sys.modules, 'heavy': sorted("
                 f"m for m in sys.modules if m.split('.')[0] in {HEAVY!r})}}))", tmp_path)
    assert found == {"hook": True, "heavy": []}


@pytest.mark.slow
def test_the_opt_out_leaves_presidio_alone(tmp_path):
    found = _run("import sys, json, presidio_analyzer; "
                 "print(json.dumps(sorted(m for m in sys.modules if m.startswith('presidio_gliner2'))))",
                 tmp_path, PRESIDIO_GLINER2_AUTOLOAD="0")
    assert found == ["presidio_gliner2_autoload"]


@pytest.mark.slow
def test_presidio_still_loads_when_the_plugin_cannot(tmp_path):
    found = _run("import sys, json, warnings\n"
                 "sys.modules['torch'] = None  # the plugin's import fails\n"
                 "with warnings.catch_warnings(record=True) as caught:\n"
                 "    warnings.simplefilter('always')\n"
                 "    import presidio_analyzer\n"
                 "ours = [str(w.message) for w in caught if 'presidio-gliner2' in str(w.message)]\n"
                 "print(json.dumps({'presidio': hasattr(presidio_analyzer, 'AnalyzerEngine'), 'warnings': ours}))",
                 tmp_path)
    assert found["presidio"] is True
    assert len(found["warnings"]) == 1 and "GLiNER2Recognizer was not loaded" in found["warnings"][0]


@needs_default
@pytest.mark.slow
def test_presidios_own_provider_builds_the_healthcare_engine_from_yaml_alone(tmp_path):
    script = f"""
import json, sys
before = sorted(m for m in sys.modules if m.startswith("presidio"))
from presidio_analyzer import AnalyzerEngineProvider
engine = AnalyzerEngineProvider(analyzer_engine_conf_file={str(ROOT / "config" / "healthcare.yaml")!r}).create_engine()
results = engine.analyze({NOTE!r}, language="en")
print(json.dumps({{"before": before,
                  "recognizers": [type(r).__name__ for r in engine.registry.recognizers],
                  "results": [[r.entity_type, r.start, r.end, r.recognition_metadata.get("recognizer_name")]
                              for r in results]}}))
"""
    found = _run(script, tmp_path)
    assert found["before"] == ["presidio_gliner2_autoload"]  # nothing of ours imported by the program
    assert "GLiNER2Recognizer" in found["recognizers"]
    assert any(name == "GLiNER2Recognizer" for *_, name in found["results"])
    for value in PLANTED:
        start = NOTE.index(value)
        covered = [entity for entity, s, e, _ in found["results"] if s <= start and start + len(value) <= e]
        assert covered, f"planted identifier at {start} not found"
    person = NOTE.index("Jane Roe")
    assert any(entity == "PERSON" and s == person for entity, s, e, _ in found["results"])
