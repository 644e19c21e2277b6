"""presidio-gliner2: a GLiNER2 recognizer for Microsoft Presidio.

The engine (``presidio_gliner2.engine``) is our own checkpoint-compatible implementation of the
GLiNER2 span model; it never imports presidio.
"""

from presidio_gliner2.engine.api import GLiNER2
from presidio_gliner2.engine.schema import Schema

__all__ = ["GLiNER2", "Schema"]
__version__ = "0.1.0"
