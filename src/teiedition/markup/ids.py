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


# Letters that Unicode does not decompose into a base letter and a mark.
_UNDECOMPOSED = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ı": "i",
        "þ": "th",
        "ð": "d",
    }
)


def ascii_fold(text: str) -> str:
    """Latin letters without their accents ("Hańderek" → "Handerek", "Stanisław" →
    "Stanislaw"); other characters are dropped."""
    text = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    return text.encode("ascii", "ignore").decode("ascii")


def slug(text: str, words: int = SLUG_WORDS, stopwords: frozenset[str] = _STOPWORDS) -> str:
    """Lower-case ascii words joined by hyphens, `words` of them at most, `stopwords` left out."""
    tokens = [t for t in re.findall(r"[a-z0-9]+", ascii_fold(text).lower()) if t not in stopwords]
    if stopwords:
        tokens = [t for t in tokens if len(t) > 1 or t.isdigit()]
    return "-".join(tokens[:words]) or "untitled"


def document_id(record_id: str | None, date_iso: str, title: str) -> str:
    if record_id:
        return f"wcda-{record_id}"
    return f"d{date_iso}-{slug(title)}"
