"""Externally written, human-annotated NER data converted to our training JSONL.

One module per source format (``conll``: BIO token columns, ``gum``: GUM's CoNLL-U with
entity brackets, ``litbank``: LitBank's brat layers), one for the shared record building
(``records``), one for label mappings (``labels``), one for the train/dev split (``split``)
and a registry of the sources we use with their licences (``sources``). Nothing here fetches data: the corpora
are read from a local checkout, see ``DATA_CARD.md`` for where each came from.

    python -m presidio_gliner2.training.external --source btc --in ./broad_twitter_corpus --out-dir data/external
"""

from presidio_gliner2.training.external.records import Document, Mention, Sentence, chunk_document, to_record
from presidio_gliner2.training.external.sources import SOURCES, convert

__all__ = ["Document", "Mention", "Sentence", "SOURCES", "chunk_document", "convert", "to_record"]
