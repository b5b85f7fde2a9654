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
def _matcher() -> tuple[re.Pattern[str], tuple[tuple[Archive, bool], ...]]:
    """Every naming form of every archive in one pattern, longest first so that "AVP RF" beats
    "AVP", and what each form (the group of its number) names: (archive, is_abbreviation).
    Abbreviations match in their case, full names in any."""
    forms: list[tuple[str, Archive, bool]] = []
    for archive in archives():
        forms += [(abbr, archive, True) for abbr in archive.abbreviations]
        forms += [(name, archive, False) for name in _name_forms(archive.names)]
    forms.sort(key=lambda form: -len(form[0]))
    alternatives = (
        f"(?P<f{n}>{re.escape(text) if is_abbr else f'(?i:{re.escape(text)})'})"
        for n, (text, _, is_abbr) in enumerate(forms)
    )
    pattern = re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)")
    return pattern, tuple((archive, is_abbr) for _, archive, is_abbr in forms)


def _name_forms(names: tuple[str, ...]) -> list[str]:
    """The names, and each "Archive(s) of the X" also in the other number ("Archives of the
    Ministry of Foreign Affairs of Mongolia") and as "X Archive" and "X Archives", the order
    citations use as often ("Romanian Ministry of Foreign Affairs Archive")."""
    forms = list(names)
    for name in names:
        if inverted := _ARCHIVE_OF.match(name):
            the, rest = inverted["the"] or "", inverted["rest"]
            forms += [f"Archive of {the}{rest}", f"Archives of {the}{rest}"]
            forms += [f"{rest} Archive", f"{rest} Archives"]
    return list(dict.fromkeys(forms))


_ARCHIVE_OF = re.compile(r"^Archives? of (?P<the>the )?(?P<rest>\S.*)$")


def find_archive(citation: str) -> ArchiveMatch | None:
    """Find the archive a citation names: the earliest naming phrase in the text.

    The phrase is extended over a following "(ABBR)", ", <the archive's city>" and ",
    <its country>", in any order, which belong to the name, not to the shelfmark; and over
    the bracket that closes it, when the phrase is in brackets.
    """
    pattern, named = _matcher()
    match = pattern.search(citation)
    if match is None:
        return None
    archive, is_abbr = named[int((match.lastgroup or "f0")[1:])]
    start, end = match.span()
    phrase = match.group(0)
    bracketed = citation[:start].rstrip().endswith("(") and citation[end:].lstrip().startswith(")")
    if bracketed:
        # "National Archives, Prague (Národní archiv)": its name in its own language, in
        # brackets after another, which belongs to the name too
        end = citation.index(")", end) + 1
    abbreviation = match.group(0) if is_abbr else None
    # "Name (ABBR), City", "Name, City (ABBR)", "Name, City, Country (ABBR)", "Name (City)"
    places_after = [
        re.compile(rf",?\s*(?:{re.escape(place)}\b|\({re.escape(place)}\))")
        for place in (archive.settlement, archive.country)
        if place
    ]
    for _ in range(3):
        for place_after in places_after:  # a place in brackets is no abbreviation
            if place := place_after.match(citation, end):
                end = place.end()
        if tail := _ABBREVIATION_AFTER.match(citation, end):
            abbreviation = abbreviation or tail.group("abbr")
            end = tail.end()
    return ArchiveMatch(archive, phrase if bracketed else citation[start:end], abbreviation, end)


_ABBREVIATION_AFTER = re.compile(r"\s*\((?P<abbr>[^()]{2,15})\)")
