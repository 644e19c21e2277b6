"""``presidio-gliner2``: the command line, a face over the redaction layer and the training tools."""

from presidio_gliner2.cli.main import main

__all__ = ["main"]
