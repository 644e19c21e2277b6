"""Keep Presidio off the network: its email validation must not fetch the public suffix list."""

from __future__ import annotations

import os


def use_offline_public_suffix_list() -> None:
    """Make Presidio's email validation use tldextract's bundled suffix list, never the network.

    tldextract fetches the public suffix list on first use with no timeout, which on an air-gapped
    host stalls the first analyze() that sees an email address. Setting the environment variable
    ``TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS`` yourself opts back in to fetching.
    """
    if "TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS" in os.environ:
        return
    try:
        import tldextract.tldextract as tld
    except ImportError:  # pragma: no cover - presidio-analyzer depends on it
        return
    tld.TLD_EXTRACTOR.suffix_list_urls = ()
