"""Words in another script than the translation's Latin letters ("자력갱생", "金日成",
"хозрасчёт"): `foreign`, with the language as far as the script and the document tell it.

The translations quote the original's words now and then, and a reader, a screen reader and
a search need to know their language: Hangul writes Korean only, kana Japanese, Greek
letters Greek. Cyrillic and Han characters write several languages: they are the document's
original language when that is written in them (a Russian record's "хозрасчёт"), else the
script alone is told (BCP 47 "und-Cyrl", "und-Hani": a language not determined).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

from teiedition.languages import name_for
from teiedition.markup.inline import Span
from teiedition.markup.tei import XML_LANG, sub, tei

# Each script: its letters, the language it alone writes (None: several), its ISO 15924 code
# and, for those of several, the languages of the original written in it
_SCRIPTS: tuple[tuple[str, str | None, str, frozenset[str]], ...] = (
    ("\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f", "ko", "Hang", frozenset()),
    ("\u3040-\u30ff", "ja", "Jpan", frozenset()),
    ("\u3400-\u4dbf\u4e00-\u9fff", None, "Hani", frozenset({"zh", "ja", "ko"})),
    ("\u0400-\u04ff", None, "Cyrl", frozenset({"ru", "bg", "uk", "sr", "mn", "be", "mk"})),
    ("\u0370-\u03ff", "el", "Grek", frozenset()),
)
_SCRIPT_NAMES = {"Cyrl": "Cyrillic", "Hani": "Han characters"}
_ANY = re.compile("[" + "".join(letters for letters, *_ in _SCRIPTS) + "]")
# a run of one script's letters, words of it joined by a space or a hyphen, perhaps after a
# stop (initials: "В. П. Московский")
_RUNS = tuple(
    (re.compile(f"[{letters}]+(?:\\.?[ -][{letters}]+)*"), language, code, written)
    for letters, language, code, written in _SCRIPTS
)


class ForeignScripts:
    """The annotator of one document: runs of a script other than the Latin, as `foreign`;
    `original` is the language code of the document's original."""

    def __init__(self, original: str) -> None:
        self.original = original

    def spans(self, text: str, atoms: list[Span]) -> list[Span]:
        # nearly every paragraph has none: most are ASCII, which is quicker told
        if text.isascii() or _ANY.search(text) is None:
            return []
        found = []
        for pattern, language, code, written in _RUNS:
            if language is None:
                language = self.original if self.original in written else f"und-{code}"
            for match in pattern.finditer(text):
                found.append(Span(*match.span(), _foreign(language), inner=match.span()))
        return sorted(found, key=lambda span: span.start)


def declare_languages(lang_usage: etree._Element, text: etree._Element) -> None:
    """List in the header's `langUsage` the languages of `text`'s `foreign` words that it
    does not list, in the order first met."""
    listed = {language.get("ident") for language in lang_usage}
    for word in text.iter(tei("foreign")):
        code = word.get(XML_LANG, "")
        if code in listed:
            continue
        listed.add(code)
        language, _, script = code.partition("-")
        name = name_for(language) if not script else f"Undetermined, in {_SCRIPT_NAMES[script]}"
        quoted = (  # in a remark of the translator's: "[in German: …]"
            "words the translator quotes in it"
            if word.getparent().tag == tei("note")
            else "words quoted in their own script"
        )
        sub(lang_usage, "language", f"{name} ({quoted})", ident=code)


def _foreign(language: str) -> Callable[[etree._Element], etree._Element]:
    def render(parent: etree._Element) -> etree._Element:
        element = sub(parent, "foreign")
        element.set(XML_LANG, language)
        return element

    return render
