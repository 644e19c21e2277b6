"""Realistic, consistent fakes for what a redaction replaces ("hide in plain sight"): the
``surrogate`` and ``date_shift`` operators. One module per kind of value (``dates``, ``names``,
``places``, ``identifiers``); ``document`` keeps them consistent within a document and, with a
key, across documents."""
