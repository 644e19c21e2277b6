"""Loads GLiNER2Recognizer into Presidio when Presidio loads, so YAML alone can name it.

Presidio's YAML loader resolves ``class_name: GLiNER2Recognizer`` among the ``EntityRecognizer``
subclasses already imported. ``presidio_gliner2_autoload.pth`` (installed into site-packages with
the package) imports this module at interpreter start; it only puts a finder on ``sys.meta_path``
that does nothing until ``presidio_analyzer`` is imported. Right after that package has finished
importing, the finder imports ``presidio_gliner2.plugin`` (which defines and registers the
recognizer) and steps aside. So ``AnalyzerEngineProvider(...).create_engine()`` in a program that
never imports ``presidio_gliner2`` works, and any Python program that never imports Presidio pays
for two attribute lookups per import of a new top-level name; nothing is imported at start but
``os`` and ``sys``, which the interpreter has already.

Opt out with ``PRESIDIO_GLINER2_AUTOLOAD=0`` (or ``false``, ``no``, ``off``). If the plugin cannot
be imported, Presidio still loads and a ``RuntimeWarning`` says why (no document text exists yet).
"""

import os
import sys

ENV = "PRESIDIO_GLINER2_AUTOLOAD"
TRIGGER = "presidio_analyzer"
PLUGIN = "presidio_gliner2.plugin"


class _PresidioFinder:
    """Meta path finder for ``presidio_analyzer`` only: the real spec, with its loader wrapped."""

    def find_spec(self, fullname, path=None, target=None):
        if fullname != TRIGGER:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is not None:
                break
        else:
            return None
        if spec.loader is not None and hasattr(spec.loader, "exec_module"):
            spec.loader = _ThenLoadPlugin(spec.loader)
        return spec

    def invalidate_caches(self):
        pass


class _ThenLoadPlugin:
    """Runs Presidio's own loader, then imports the plugin (Presidio is complete by then)."""

    def __init__(self, loader):
        self.loader = loader

    def create_module(self, spec):
        return self.loader.create_module(spec)

    def exec_module(self, module):
        module.__loader__ = self.loader  # Presidio sees its own loader, as without this hook
        if getattr(module, "__spec__", None) is not None:
            module.__spec__.loader = self.loader
        self.loader.exec_module(module)
        uninstall()
        _load_plugin()

    def __getattr__(self, name):
        return getattr(self.loader, name)


def _load_plugin():
    try:
        import importlib

        importlib.import_module(PLUGIN)
    except Exception as exc:  # noqa: BLE001 - Presidio must still load without us
        import warnings

        warnings.warn(f"presidio-gliner2: GLiNER2Recognizer was not loaded into Presidio "
                      f"({type(exc).__name__}: {exc}); import presidio_gliner2.plugin to see the error, "
                      f"or set {ENV}=0 to stop trying", RuntimeWarning, stacklevel=2)


def enabled():
    return os.environ.get(ENV, "1").strip().lower() not in ("0", "false", "no", "off")


def installed():
    return any(isinstance(finder, _PresidioFinder) for finder in sys.meta_path)


def install():
    """Put the finder first on ``sys.meta_path`` (once); if Presidio is already loaded, load the plugin now."""
    if not enabled():
        return
    if TRIGGER in sys.modules:
        _load_plugin()
        return
    if not installed():
        sys.meta_path.insert(0, _PresidioFinder())


def uninstall():
    sys.meta_path[:] = [finder for finder in sys.meta_path if not isinstance(finder, _PresidioFinder)]


try:
    install()
except Exception:  # noqa: BLE001 - a .pth import must never break the interpreter's start
    pass
