"""Readable, stable document identifiers.

A document is named by the archive's record number where the page gives one
(``wcda-110485``); otherwise by its date and a short slug of its title
(``d1962-11-01-dryglas-record-conversation``). Identifiers start with a letter so that they,
and the paragraph identifiers built from them (``wcda-110485-p7``), are valid XML ids and are
unique across the whole edition, as in the FRUS volumes.
"""

from __future__ import annotations

import re
import unicodedata

_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "of",
        "on",
        "in",
        "to",
        "with",
        "by",
        "for",
        "from",
        "at",
        "between",
        "about",
        "as",
        "its",
        "his",
        "her",
        "their",
        "re",
        "concerning",
        "regarding",
        "into",
        "during",
    ]
)
SLUG_WORDS = 3


def slug(text: str, words: int = SLUG_WORDS) -> str:
    ascii_text = (
        unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    )
    tokens = [t for t in re.findall(r"[a-z0-9]+", ascii_text) if t not in _STOPWORDS]
    tokens = [t for t in tokens if len(t) > 1 or t.isdigit()]
    return "-".join(tokens[:words]) or "untitled"


def document_id(record_id: str | None, date_iso: str, title: str) -> str:
    if record_id:
        return f"wcda-{record_id}"
    return f"d{date_iso}-{slug(title)}"
