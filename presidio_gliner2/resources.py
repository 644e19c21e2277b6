"""What ships with the package, found by name, or a path the caller gives: one resolver for all.

Kinds and where they live (top level of the source tree; the wheel maps them into the package,
see ``pyproject.toml``):

=========  ==========================  ==============================================
kind       folder                      examples
=========  ==========================  ==============================================
pack       ``recognizers/``            ``general``, ``healthcare``, ``finance``
config     ``config/``                 the analyzer deployment configs, same names
policy     ``config/policies/``        ``by_document_type``
model      ``presidio_gliner2/models``  ``default`` (a directory, not a file)
=========  ==========================  ==============================================

Nothing here imports torch or Presidio: every layer may use it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Union

PACKAGE_DIR = Path(__file__).resolve().parent
# kind -> folder, relative to the package (wheel) or to the source tree's top level.
_FOLDERS = {"pack": "recognizers", "config": "config", "policy": "config/policies", "model": "models"}
_WHAT = {"pack": "entity pack", "config": "analyzer config", "policy": "policy", "model": "model"}


class NotShipped(FileNotFoundError, ValueError):
    """Neither a shipped name nor an existing path. A FileNotFoundError (a path that is not there)
    and a ValueError (a name we do not know) both describe it, so either ``except`` catches it."""


def shipped_dir(kind: str) -> Path:
    """The folder of a kind: inside the installed package, else at the source tree's top level."""
    folder = _FOLDERS.get(kind)
    if folder is None:
        raise ValueError(f"unknown resource kind {kind!r}; one of {', '.join(_FOLDERS)}")
    for base in (PACKAGE_DIR, PACKAGE_DIR.parent):
        if (base / folder).is_dir():
            return base / folder
    return PACKAGE_DIR / folder  # nothing shipped (a stripped install): names() is empty


def names(kind: str) -> list[str]:
    """The shipped names of a kind, sorted."""
    folder = shipped_dir(kind)
    if kind == "model":
        return sorted(p.name for p in folder.glob("*") if (p / "config.json").is_file())
    return sorted(p.stem for p in folder.glob("*.yaml"))


def resolve(kind: str, name_or_path: Union[str, os.PathLike]) -> Path:
    """A shipped name's file (or model directory), or ``name_or_path`` itself when it exists.

    Raises ``NotShipped`` (a FileNotFoundError and a ValueError) naming the shipped choices, and
    ``TypeError`` for anything that is not a string or a path.
    """
    if not isinstance(name_or_path, (str, os.PathLike)):
        raise TypeError(f"a {_WHAT[kind]} is a shipped name or a path, not {type(name_or_path).__name__}")
    name = os.fspath(name_or_path)
    if isinstance(name_or_path, str) and name in names(kind):
        folder = shipped_dir(kind)
        return folder / name if kind == "model" else folder / f"{name}.yaml"
    path = Path(name).expanduser()
    if path.is_dir() if kind == "model" else path.is_file():
        return path.resolve()
    shipped = ", ".join(names(kind)) or "none installed"
    raise NotShipped(f"no {_WHAT[kind]} {name!r}: not a shipped name ({shipped}) and not an existing "
                     f"{'directory' if kind == 'model' else 'file'}")


def load_yaml(path: Union[str, os.PathLike], what: str) -> Any:
    """Parse a YAML file, or raise ``ValueError`` naming ``what`` and the file (never its content)."""
    import yaml

    path = Path(path)
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ValueError(f"{what} {path} is not valid YAML: {_position(exc)}") from None
    except UnicodeDecodeError:
        raise ValueError(f"{what} {path} is not UTF-8 text") from None


def _position(exc: Exception) -> str:
    # The parser's message quotes the offending line; the position alone says where to look.
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or "syntax error"
    return f"{problem} at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else problem
