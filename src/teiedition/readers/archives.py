"""The archives a citation may name, loaded from ``data/archives.toml``."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Archive:
    key: str
    name: str
    country: str
    country_code: str
    settlement: str
    language: str
    abbreviations: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    unlabelled: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class ArchiveMatch:
    archive: Archive
    #: The words of the citation that name the archive ("AVPRF", "State Central Archive, Prague").
    phrase: str
    #: The abbreviation the citation used, if any.
    abbreviation: str | None
    #: Where the naming phrase ends in the citation.
    end: int


@cache
def archives() -> tuple[Archive, ...]:
    data = tomllib.loads(
        resources.files("teiedition").joinpath("data/archives.toml").read_text("utf-8")
    )
    return tuple(
        Archive(
            key=key,
            name=entry["name"],
            country=entry["country"],
            country_code=entry["country_code"],
            settlement=entry["settlement"],
            language=entry["language"],
            abbreviations=tuple(entry.get("abbreviations", ())),
            names=tuple(entry.get("names", ())),
            unlabelled=tuple(entry.get("unlabelled", ())),
        )
        for key, entry in data["archive"].items()
    )


@cache
def _matchers() -> tuple[tuple[re.Pattern[str], Archive, bool], ...]:
    """(pattern, archive, is_abbreviation), longest forms first so "AVP RF" beats "AVP"."""
    forms: list[tuple[str, Archive, bool]] = []
    for archive in archives():
        forms += [(abbr, archive, True) for abbr in archive.abbreviations]
        forms += [(name, archive, False) for name in archive.names]
    forms.sort(key=lambda form: -len(form[0]))
    return tuple(
        (
            re.compile(rf"(?<!\w){re.escape(text)}(?!\w)", 0 if is_abbr else re.IGNORECASE),
            archive,
            is_abbr,
        )
        for text, archive, is_abbr in forms
    )


def find_archive(citation: str) -> ArchiveMatch | None:
    """Find the archive a citation names: the earliest naming phrase in the text.

    The phrase is extended over a following "(ABBR)" and ", <the archive's city>", in either
    order, which belong to the name, not to the shelfmark.
    """
    best: tuple[int, int, Archive, str | None] | None = None
    for pattern, archive, is_abbr in _matchers():
        match = pattern.search(citation)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), match.end(), archive, match.group(0) if is_abbr else None)
    if best is None:
        return None
    start, end, archive, abbreviation = best
    city_after = re.compile(rf",?\s*{re.escape(archive.settlement)}\b")
    for _ in range(2):  # "Name (ABBR), City" or "Name, City (ABBR)"
        if tail := _ABBREVIATION_AFTER.match(citation, end):
            abbreviation = abbreviation or tail.group("abbr")
            end = tail.end()
        if city := city_after.match(citation, end):
            end = city.end()
    return ArchiveMatch(archive, citation[start:end], abbreviation, end)


_ABBREVIATION_AFTER = re.compile(r"\s*\((?P<abbr>[^()]{2,15})\)")
