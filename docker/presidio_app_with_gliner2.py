"""Presidio's own analyzer app with GLiNER2Recognizer registered (for Dockerfile.presidio-derived).

Presidio's image runs ``gunicorn "app:create_app()"`` from /app. Importing presidio_gliner2 first
registers GLiNER2Recognizer with Presidio's YAML loader, so ANALYZER_CONF_FILE may name it; the
import happens after gunicorn has put /app on sys.path, so the image's presidio_analyzer is the one
both use.
"""

import presidio_gliner2.plugin  # noqa: F401  (registration is the point of this import)
from app import create_app  # noqa: F401  Presidio's app.py in /app
