"""Regular expressions built to be searched quickly.

Python's engine tries a list of alternatives one after another at every position it looks
at, and looks only at the characters a pattern can begin with when it begins with a
character or a class of them (not with a look-ahead or a look-behind). So a list of words or
names is grouped by first character: at a position only the alternatives of its character
can match, so they are tried as in one list, in the same order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def by_first_character(alternatives: Iterable[tuple[str, str]], after_first: str = "") -> str:
    """One pattern of `alternatives` (the characters each may begin with, the pattern of the
    rest), tried in their order: grouped by first character, each group in their order,
    beginning with its character and then `after_first` (a look-behind at the characters just
    matched, say)."""
    groups: dict[str, list[str]] = {}
    for characters, rest in alternatives:
        for character in characters:
            groups.setdefault(character, []).append(rest)
    grouped = (
        f"{re.escape(character)}{after_first}(?:{'|'.join(rests)})"
        for character, rests in groups.items()
    )
    return f"(?:{'|'.join(grouped)})"


def by_first_letter(words: Iterable[str]) -> str:
    """`words`, in their order, as one pattern (see `by_first_character`)."""
    return by_first_character((word[0], re.escape(word[1:])) for word in words)


# A capital letter of a name in Latin script, accented or of the alphabets of Central and
# Eastern Europe: "Á", "Ö", "Š", "Č", "Ł", "Ő", "Ș" (the Latin-1 and Latin Extended-A and -B
# capitals), one class
CAPITAL = "[A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper()) + "]"
# And a small letter of those alphabets: "á", "š", "ł", "ő"
SMALL = "[a-z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.islower()) + "]"


# Superscript figures, as a copy from a word processor keeps a note's number ("March.¹")
SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
# A note at the end of the text, "[1] Liu Shaoqi was …", "* The loan …", "¹ See …" (the text
# refers to it as markup.inline.NOTE_REFERENCE finds)
NOTE_LABEL = re.compile(
    rf"^(?P<label>\[(?P<num>\d{{1,3}})\]|(?P<stars>\*{{1,3}}|[{SUPERSCRIPTS}]{{1,3}}))\s+(?=\S)"
)
# The heading over such notes: "Notes", "Footnotes:", "Translator's notes"
NOTES_HEADING = re.compile(
    r"^(?:(?:the\s+)?(?:translator|editor)['’]?s['’]?\s+)?(?:foot|end)?notes?\s*:?$", re.IGNORECASE
)


# Characters a copied web page hides inside words, which mean nothing to the text and break
# the words they stand in ("Pyong\u00adyang" is no "Pyongyang"): the soft hyphen, the zero-width
# space, the word joiner, and a byte-order mark within the text (a zero-width no-break space)
_INVISIBLE_CHARACTERS = "\u00ad\u200b\u2060\ufeff"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARACTERS}]")


# The spaces a copied web page may use for a plain one: no-break (the commonest, "&nbsp;"),
# narrow no-break, figure, the typographic widths, ideographic
_WIDE_SPACES = (
    "\u00a0\u202f\u2007\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u3000"
)
_WIDE_SPACE = re.compile(f"[{_WIDE_SPACES}]")


def with_plain_spaces(text: str) -> str:
    """`text` with a plain space for each other kind a copied page may use: a line of the
    page is then read as it reads ("This document was\u00a0made possible …")."""
    if any(character in text for character in _WIDE_SPACES):
        return _WIDE_SPACE.sub(" ", text)
    return text


def without_invisible(text: str) -> str:
    """`text` without the characters a copied page hides inside words."""
    # each looked for as a substring first: a search as quick as memchr, where the pattern's
    # class is tried at every character (a transcript's read cost 1 % more)
    if any(character in text for character in _INVISIBLE_CHARACTERS):
        return _INVISIBLE.sub("", text)
    return text
