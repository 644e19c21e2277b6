"""presidio-gliner2: a GLiNER2 recognizer for Microsoft Presidio.

The engine (``presidio_gliner2.engine``) is our own checkpoint-compatible implementation of the
GLiNER2 span model; it never imports presidio.
"""

from presidio_gliner2.engine.api import GLiNER2
from presidio_gliner2.engine.schema import Schema
from presidio_gliner2.recognizer import GLiNER2Recognizer
from presidio_gliner2.redact import RedactionResult, Redactor
from presidio_gliner2.registration import register_yaml_config
from presidio_gliner2.configs import use_offline_public_suffix_list
from presidio_gliner2 import log_privacy

# Registry YAML (`class_name: GLiNER2Recognizer`) passes every parameter once this package is imported.
register_yaml_config()
# Presidio's email validator would otherwise fetch the public suffix list (no timeout) on first use.
use_offline_public_suffix_list()
# Presidio logs words of the analyzed text at DEBUG (context enhancer) and an IBAN candidate at ERROR.
log_privacy.install()

__all__ = ["GLiNER2", "GLiNER2Recognizer", "RedactionResult", "Redactor", "Schema"]
__version__ = "0.1.0"
