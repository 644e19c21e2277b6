"""presidio-gliner2: a GLiNER2 recognizer for Microsoft Presidio.

The engine (``presidio_gliner2.engine``) is our own checkpoint-compatible implementation of the
GLiNER2 span model; it never imports presidio.
"""

from presidio_gliner2.engine.api import GLiNER2
from presidio_gliner2.engine.schema import Schema
from presidio_gliner2.recognizer import GLiNER2Recognizer
from presidio_gliner2.registration import register_yaml_config

# Registry YAML (`class_name: GLiNER2Recognizer`) passes every parameter once this package is imported.
register_yaml_config()

__all__ = ["GLiNER2", "GLiNER2Recognizer", "Schema"]
__version__ = "0.1.0"
