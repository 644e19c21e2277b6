"""The package layout holds: every code package ships, the engine loads without Presidio, no
layer imports one downstream of it, and no test module imports another.

The layers, in the order data flows (see ``presidio_gliner2/__init__.py``): ``engine`` and
``training``, then ``plugin``, then ``redaction``, then the faces ``server``, ``cli`` and the batch
jobs ``spark`` and ``ray`` (with ``batch``, their shared row logic). Imports are
read from the source with ``ast`` (module level, function level and ``TYPE_CHECKING`` blocks alike,
plus ``importlib.import_module("...")`` with a literal name), so a lazy import cannot hide an arrow
pointing back.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "presidio_gliner2"
NAME = PACKAGE.name


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())


def _code_packages() -> list[str]:
    """Dotted names of the folders under ``presidio_gliner2/`` that have an ``__init__.py``."""
    return sorted(".".join(init.parent.relative_to(ROOT).parts) for init in PACKAGE.rglob("__init__.py")
                  if "__pycache__" not in init.parts)


def test_every_code_package_is_listed_in_pyproject():
    listed = set(_pyproject()["tool"]["setuptools"]["packages"])
    missing = [name for name in _code_packages() if name not in listed]
    assert missing == [], f"add to [tool.setuptools] packages in pyproject.toml, or the wheel leaves them out: {missing}"


def test_every_listed_package_exists():
    setuptools = _pyproject()["tool"]["setuptools"]
    mapped = setuptools.get("package-dir", {})
    absent = [name for name in setuptools["packages"]
              if not (ROOT / mapped.get(name, name.replace(".", "/"))).is_dir()]
    absent += [name for name in setuptools.get("py-modules", []) if not (ROOT / f"{name}.py").is_file()]
    assert absent == []


def test_importing_the_engine_imports_no_presidio():
    script = ("import json, sys; import presidio_gliner2.engine.api; "
              "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
              "('presidio_analyzer', 'presidio_anonymizer'))))")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    presidio = json.loads(done.stdout.strip().splitlines()[-1])
    assert presidio == [], f"import presidio_gliner2.engine.api pulled in {presidio[:5]}"


# -- imports between layers -------------------------------------------------------------------

def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _resolve(path: Path, level: int, module: str | None) -> str:
    """The absolute name a ``from`` import refers to (relative imports resolved against ``path``)."""
    if level == 0:
        return module or ""
    package = _module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    base = package[: len(package) - (level - 1)]
    return ".".join(base + ([module] if module else []))


def _lazy_public_names() -> dict[str, str]:
    """The package root's lazily loaded public names (``from presidio_gliner2 import Redactor``)."""
    import presidio_gliner2

    return dict(getattr(presidio_gliner2, "_PUBLIC", {}))


def imported_modules(path: Path, source: str | None = None) -> list[tuple[int, str]]:
    """(line, absolute module name) for every import in the file (or ``source`` as if it were the
    file at ``path``), wherever the import sits."""
    lazy = _lazy_public_names()
    found = []
    text = path.read_text() if source is None else source
    for node in ast.walk(ast.parse(text, filename=str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(path, node.level, node.module)
            found.append((node.lineno, base))
            for alias in node.names:  # `from presidio_gliner2 import plugin` names a module too
                target = lazy.get(alias.name) if base == NAME else None
                found.append((node.lineno, target or f"{base}.{alias.name}"))
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant) \
                and isinstance(node.args[0].value, str):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called in ("import_module", "__import__"):
                found.append((node.lineno, node.args[0].value))
    return found


def _reaches(name: str, layer: str) -> bool:
    target = f"{NAME}.{layer}"
    return name == target or name.startswith(target + ".")


# The faces: packages (server, cli) and modules (the batch jobs spark.py and ray.py, and batch.py,
# the row logic those two share). Each calls the redaction layer; none is imported by a layer.
FACES = ("server", "cli", "spark", "ray", "batch")

# layer -> the layers downstream of it, which it must not import
DOWNSTREAM = {
    "engine": ("plugin", "redaction") + FACES,
    "training": ("plugin", "redaction") + FACES,
    "plugin": ("redaction",) + FACES,
    "redaction": FACES,
}


def violations(layer: str) -> list[str]:
    found = []
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        for line, name in imported_modules(path):
            hit = next((d for d in DOWNSTREAM[layer] if _reaches(name, d)), None)
            if hit:
                found.append(f"{path.relative_to(ROOT)}:{line} imports {name} ({hit} is downstream of {layer})")
    return sorted(set(found))


@pytest.mark.parametrize("layer", list(DOWNSTREAM))
def test_no_layer_imports_one_downstream(layer):
    assert (PACKAGE / layer).is_dir()
    found = violations(layer)
    assert found == [], "\n".join(found)


# face module -> the other faces it may import
BATCH_FACES = {"spark": ("batch",), "ray": ("batch",), "batch": ()}


@pytest.mark.parametrize("face", list(BATCH_FACES))
def test_the_batch_faces_import_no_other_face(face):
    """The Spark and Ray jobs sit beside the CLI and the REST service: they call the redaction layer
    (through batch.py), never a face."""
    path = PACKAGE / f"{face}.py"
    assert path.is_file()
    others = [f for f in FACES if f != face and f not in BATCH_FACES[face]]
    found = [f"{path.name}:{line} imports {name}" for line, name in imported_modules(path)
             if any(_reaches(name, other) for other in others)]
    assert found == [], "\n".join(found)


def test_the_import_reader_sees_relative_function_level_and_lazy_imports():
    """The checker itself: an engine module that reaches back in each way is caught."""
    module = PACKAGE / "engine" / "layout_probe.py"  # never written: the source below stands in
    source = ("from ..plugin import packs\n"
              "def f():\n"
              "    from presidio_gliner2 import Redactor\n"
              "    import presidio_gliner2.server.app\n"
              "    importlib.import_module('presidio_gliner2.cli.main')\n"
              "from . import words\n")
    names = [name for _, name in imported_modules(module, source)]
    assert f"{NAME}.plugin" in names and f"{NAME}.plugin.packs" in names
    assert "presidio_gliner2.redaction.redactor" in names
    assert "presidio_gliner2.server.app" in names and "presidio_gliner2.cli.main" in names
    assert f"{NAME}.engine.words" in names


def _is_test_module(name: str) -> bool:
    parts = name.split(".")
    parts = parts[1:] if parts[0] == "tests" else parts
    return bool(parts) and (parts[0] == "conftest" or parts[0].startswith("test_"))


def test_no_test_module_imports_another():
    """Shared code lives in ``tests/support/``, shared objects in ``tests/conftest.py``'s fixtures."""
    found = [f"{path.name}:{line} imports {name}"
             for path in sorted((ROOT / "tests").glob("test_*.py"))
             for line, name in imported_modules(path) if _is_test_module(name)]
    assert found == [], "\n".join(found)
