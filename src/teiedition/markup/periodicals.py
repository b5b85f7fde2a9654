"""The newspapers and journals a text names ("Rodong Sinmun published an editorial"): each the
title of a periodical, title level="j", as the TEI Guidelines mark a journal's title. The
titles are data, in ``data/periodicals.toml``."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources

from lxml import etree

from teiedition.markup.inline import Span
from teiedition.markup.tei import sub
from teiedition.patterns import by_first_character


@cache
def _forms() -> tuple[str, ...]:
    """Every form of every title, the longer of two that begin alike first."""
    data = tomllib.loads(
        resources.files("teiedition").joinpath("data/periodicals.toml").read_text("utf-8")
    )
    forms = {
        form for entry in data["periodical"] for form in [entry["title"], *entry.get("forms", [])]
    }
    return tuple(sorted(forms, key=lambda form: (-len(form), form)))


@cache
def _titles() -> re.Pattern[str]:
    """The forms, each ending a word: one search, grouped by first letter, is three times as
    quick as looking for each form as plain text."""
    return re.compile(
        by_first_character((form[0], re.escape(form[1:])) for form in _forms()) + r"(?![\w-])"
    )


class Periodicals:
    """Annotator: the titles of periodicals a paragraph names, each a title level="j"."""

    def spans(self, text: str, atoms: list[Span]) -> list[Span]:
        return [
            Span(match.start(), match.end(), _title, inner=match.span(), label="periodical")
            for match in _titles().finditer(text)
            # a whole word, not the end of another: "Ünen", not "Dünen"
            if not match.start()
            or not (text[match.start() - 1].isalnum() or text[match.start() - 1] == "-")
        ]


def _title(parent: etree._Element) -> etree._Element:
    return sub(parent, "title", level="j")
