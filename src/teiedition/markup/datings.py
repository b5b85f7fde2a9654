"""Dates in the text, normalised to ISO 8601 (`date/@when`, or `@notBefore`/`@notAfter`).

Explicit dates ("14 August 1962", "August 14, 1962", "26 X 63", "12.IX.1963", "November 1962",
"the 15th of August 1962", "1956", and ranges: "5-6 March 1963", "August-September 1962",
"1961-62") are normalised as written. Dates that lean on the document's own date
are resolved against it and carry @cert="medium": a day and month without a year ("on 22
August", "the holiday of 15 August", "on 5-6 March": the year nearest the document's date),
"this year", "last year",
"next year" / "the coming year", "last November", "mid-October of this year", "the summer of
1961", "tomorrow", "yesterday". What has no clear anchor ("two days later", "today", which
the texts also use for "nowadays") stays unmarked: never guessed.

The arithmetic is month lengths and year offsets, which the standard library's calendar and
datetime do exactly; a library for uncertain dates (undate, edtf) would add a dependency
without adding anything these forms need.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from itertools import pairwise

from lxml import etree

from teiedition.dates import (
    AFTER_QUOTED_DAY,
    MONTHS,
    QUOTED_DAY,
    ROMAN_MONTH,
    ROMAN_MONTHS,
    DateValue,
    parse_date,
)
from teiedition.dates import PATTERNS as EXPLICIT_PATTERNS
from teiedition.markup.inline import Span, ordinary_case
from teiedition.markup.tei import sub
from teiedition.patterns import by_first_letter

# Month names in full and capitalised, as the texts write them ("2 may be" is no date).
_MONTH_NAMES = by_first_letter([name for name in calendar.month_name if name])
_MONTH = rf"(?P<month>{_MONTH_NAMES})"
_NOT_BEFORE = r"[\w.,/-]"  # what may not stand right before a date
_BOUNDARY_BEFORE = rf"(?<!{_NOT_BEFORE})"
_DIGIT = re.compile(r"\d")
_BOUNDARY_AFTER = r"(?![\w/-]|\.\d|,\d)"
# The letters a month's name begins with. A search that looks first for the character a match
# must begin with, and only then behind it, passes over the other positions quickly: these
# look-aheads take a third off the time of the patterns that begin with a month.
_MONTH_INITIALS = "".join(sorted({name[0].upper() for name in MONTHS}))
# What a date form that begins with neither a day nor a year (see _DIGIT_FIRST) can begin
# with, by the group it begins with.
_STARTS = {
    "(?P<month>": f"[{_MONTH_INITIALS}]",
    "(?P<blank>": "[_.…]",
}


# The boundary before a date, looked for once its first character has been matched.
_AFTER_FIRST = rf"(?<!{_NOT_BEFORE}.)"
# A form that begins with a digit matches it first, then looks behind it: a search then stops
# only at digits (as quick a test as a search has), not at every position for a look-ahead.
# Each is its group as dates.py writes it, with the first digit a digit 0-9, as the look-ahead
# asked.
_DIGIT_FIRST = {
    r"(?P<day>[0-3]?\d)": rf"(?P<day>[0-9]{_AFTER_FIRST}(?:(?<=[0-3])\d)?)",
    r"(?P<year>\d{4})": rf"(?P<year>[0-9]{_AFTER_FIRST}\d{{3}})",
}


def _searched(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """One of dates.py's forms, to be found within a text: between boundaries, and first
    looked for where its first character is."""
    for head, first in _DIGIT_FIRST.items():
        if pattern.pattern.startswith(head):
            rest = pattern.pattern[len(head) :]
            return re.compile(first + rest + _BOUNDARY_AFTER, pattern.flags)
    ahead = next(
        (f"(?={s})" for head, s in _STARTS.items() if pattern.pattern.startswith(head)), ""
    )
    return re.compile(ahead + _BOUNDARY_BEFORE + pattern.pattern + _BOUNDARY_AFTER, pattern.flags)


# Explicit forms, searched rather than matched whole: all of dates.py's but the bare year.
_EXPLICIT = [_searched(p) for p in EXPLICIT_PATTERNS[:-1] if p is not QUOTED_DAY]
# … but the day in quotation marks ("6" May 1963), found by its day, the quotation mark
# before it looked at then: a search that stops only at figures
_QUOTED_DAY = re.compile(
    r'(?P<day>[0-9](?<=["“«„].)(?<![\w.,/-]..)(?:(?<=[0-3])\d)?)'
    + AFTER_QUOTED_DAY
    + _BOUNDARY_AFTER,
    re.IGNORECASE,
)
_QUOTATION_MARKS = ('"', "“", "«", "„")
# A year, a range of years ("1961-62", "1962/63") or a decade ("the 1950s", "the 1960's")
_YEAR = re.compile(
    rf"(?P<year>(?:1{_AFTER_FIRST}[89]|2{_AFTER_FIRST}0)\d\d)"
    rf"(?:[-–/](?P<last_year>(?:1[89]|20)\d\d|\d\d)|(?<=0)(?P<decade>['’]?s))?{_BOUNDARY_AFTER}"
)
# "22 August", "August 22", and days of one month, "5-6 March", "March 5-6", the night of
# "11/12 June" (last day: to)
_TO = r"(?:\s?[-–/]\s?(?P<{}>[0-3]?\d)(?:st|nd|rd|th)?)?"
_DAY_MONTH = re.compile(
    f"(?=[0-9{_MONTH_INITIALS}])"
    + _BOUNDARY_BEFORE
    + r"(?:(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    + _TO.format("to")
    + r"(?:\s+of)?\s+"  # "the 15th of August"
    + _MONTH
    + r"|"
    + _MONTH.replace("month", "month2")
    + r"\s+(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?"
    + _TO.format("to2")
    # the day and the month in Roman numerals, with no year: "28.IX.", "of 2.XI)"
    + rf"|(?P<day3>[0-3]?\d)\.\s?{ROMAN_MONTH}"
    + r"(?:\.(?!\s?\d)|(?![.\w]))"
    # in figures, as German and Czech write them, with both stops: "on 28.3.", "of 2.11.",
    # "of 20. 2.", perhaps with the year's last two figures: "on 4.11.63"
    + r"|(?P<day4>[0-3]?\d)\.\s?(?P<month4>1[0-2]|0?[1-9])\."
    + r"(?:(?P<year4>\d\d)(?!\d)|(?!\s?\d))"
    + ")"
    + r"(?![\w/-])(?!,?\s+\d{4})"
)
# What makes "2.XI", the day and the month in Roman numerals without the stop after them, a
# date: "of 2.XI", "on 2.XI"
_WORD_BEFORE_DAY = re.compile(r"\b(?i:of|on|from|to|until|till|since|by|dated)\s\Z")
# And what makes "28.3." one: not "until 12.10.", which is as often ten past twelve
_WORD_BEFORE_FIGURES = re.compile(r"\b(?i:of|on|dated)\s\Z")
# A sentence that opens with its year ("In 1963 the CC held two plenums (in March and in
# September)"): the months and days it names without a year of their own are of that year
_YEAR_LEAD = re.compile(
    r"\s*(?:In|During|Throughout|In the course of)\s+(?P<year>1[89]\d\d)\b(?![/–—-]\d)"
)
_SENTENCE_END = re.compile(r"[.!?;](?=\s)")
# A month and day between "the" and a capitalised word name what is named after the day, as
# Korean works and places are: "the February 8 Vinalon Factory", "the April 25 Hotel"
_THE_BEFORE_DAY = re.compile(r"\b[Tt]he\s\Z")
_NAME_AFTER_DAY = re.compile(r"\s[A-Z][a-z]")
# The phrases below begin with a look-ahead for the letters they can begin with, in either
# case (and "ſ", which a case-insensitive "s" matches): a search then passes over the other
# positions quickly instead of testing a word boundary and every word at each, in half the
# time.
# A part of a given year: "the summer of 1961", "the first half of 1963", "the fourth quarter
# of 1962"
_PART_OF_YEAR = re.compile(
    r"(?=[SsſAaFfTtLlWw])(?i:\b(?P<part>spring|summer|autumn|fall|winter"
    r"|(?:first|second|third|fourth|last)\s+(?:half|quarter))\s+of\s+(?P<year>\d{4})"
    # a winter's two years: "the winter of 1962/63", "of 1962–1963"
    r"(?:[/–-](?P<next_year>\d{4}|\d{2}))?)\b"
)
# A third of a given year, or a quarter as business writes it, or a season without "of": "early
# 1963", "mid-1962", "late 1962", "Q3 1963", "autumn 1962": the year is looked for, then the
# word before it (a search for the words would stop at every "e", "m" and "l")
_YEAR_OF_THIRD = re.compile(r"(?:1[89]|20)\d\d\b(?![-–/]\d)")
_THIRD_BEFORE = re.compile(
    r"(?<![\w-])(?:(?P<third>(?i:early|mid|late|the\s+(?:beginning|start|middle|end)\s+of))"
    r"[\s-]|Q(?P<quarter>[1-4])\s|(?P<season>(?i:spring|summer|autumn|fall))\s)\Z"
)
_THIRD_REACH = 18  # how far before the year its word may begin: "the beginning of "
_THIRDS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}  # first and last month
# … and as a phrase says it: "at the beginning of 1963", "by the end of 1963"
_THIRD_PHRASES = {"beginning": "early", "start": "early", "middle": "mid", "end": "late"}
_RELATIVE_YEAR = re.compile(
    r"(?=[TtLlNn])\b(?P<phrase>(?i:this|last|next|the\s+coming|the\s+following|the\s+previous)"
    r"\s+year)\b"
)
# "in the last year", "the past year": the twelve months before the document, not a
# calendar year
_ROLLING_YEAR = re.compile(r"(?=[Tt])\b(?P<phrase>(?i:the\s+(?:last|past))\s+year)\b")
_RELATIVE_MONTH = re.compile(r"(?=[LlNn])\b(?i:last|next)\s+" + _MONTH + r"\b")
# A month alone after a word that makes it a time ("in September", "since March", "until
# May"; not "the May Day parade" or "May I ask"), or two, a range ("from September to
# November", "in October-November"); a day or a year after it is another form's
_MONTH_ALONE = re.compile(  # from the month: a search stops only at a month's initials
    f"(?=[{_MONTH_INITIALS}])"
    + _MONTH
    + r"(?:(?:\s?[-–]\s?|\s+(?:to|until|till|(?P<and>and))\s+)"
    + _MONTH.replace("month", "last_month")
    + r")?\b(?!\s+\d|,\s*\d{4}|-|\s+Day\b)"
)
_TIME_WORD_BEFORE = re.compile(r"\b(?P<word>(?i:in|since|until|till|during|by|from|through))\s+\Z")
# The document's month, or the month before or after it: "this month", "the previous month"
_WHICH_MONTH = r"(?i:this|last|next|the\s+(?:current|previous|following|coming))"
_WHICH_MONTH_WORDS = re.compile(rf"{_WHICH_MONTH}\s+month")
# A part of a month: "late March", "the end of May", its halves and its ten-day periods (the
# Russian dekada: "the last decade of February", "the first ten days of October")
_PART_OF_MONTH = re.compile(
    r"(?=[MmEeLlTt])\b(?P<part>(?i:mid|early|late|the\s+(?:end|beginning|middle)\s+of"
    r"|the\s+(?:(?:first|second|last)\s+half|(?:first|second|third|last)\s+decade"
    r"|(?:first|last)\s+days"
    r"|(?:first|second|last)\s+ten\s+days)\s+of))[-\s]"
    # a month by its name, or the document's, or the month before or after it ("early next
    # month", "the end of this month")
    + rf"(?:{_MONTH}|(?P<relative>{_WHICH_MONTH})\s+month\b(?!['’]))"
    + r"(?:\s+of\s+(?P<which>(?i:this|last|next))\s+year|\s+(?P<year>\d{4}))?(?!\w)"
)
# The year a month or a day is said to be of: "August of last year", "on 5 May this year"
_OF_RELATIVE_YEAR = re.compile(
    r"(?:,?\s+of)?\s+(?P<which>(?i:this|last|next|the\s+(?:previous|coming|following)))"
    r"\s+year\b"
)
# "tomorrow", "yesterday", and a day further: "the day after tomorrow", "the day before
# yesterday"
_NEXT_DAY = re.compile(
    r"(?=[TtYy])\b(?P<further>[Tt]he day after (?=tomorrow)|[Tt]he day before (?=yesterday))?"
    r"(?P<word>(?i:tomorrow|yesterday))\b"
)
# A day of the week before or after the document's: "last Sunday", "next Tuesday" (not "this
# Sunday", which may be either)
_RELATIVE_WEEKDAY = re.compile(
    r"(?=[LlNn])\b(?P<which>(?i:last|next))\s+(?P<weekday>" + "|".join(calendar.day_name) + r")\b"
)
# A day of the document's month, or of the month before or after it, the abbreviation with its
# stop: "the 3rd inst.", "the 28th ult.", "the 2nd prox.", or in words: "the 15th of this
# month", "the 2nd of next month" (not "this month's")
_MONTH_OF_LETTER = re.compile(
    rf"(?P<day>[0-9]{_AFTER_FIRST}\d?)(?:st|nd|rd|th)?\s+(?:(?P<which>inst|ult|prox)\."
    rf"|of\s+(?P<which_word>{_WHICH_MONTH})\s+month\b(?!['’]))"
)
_MONTH_SHIFT = {
    **dict.fromkeys(("inst", "this", "current"), 0),
    **dict.fromkeys(("ult", "last", "previous"), -1),
    **dict.fromkeys(("prox", "next", "following", "coming"), 1),
}
# A day alone, as a telegram gives it, at a sentence's head: "On the 14th Soviet Ambassador
# Moskovsky told me", "On the 5th, …"; not a numbered thing ("On the 22nd Congress"). Or
# inside a sentence, where a stop follows it ("he would answer on the 20th, after the
# plenum"), not a word ("on the 3rd floor")
_DAY_ALONE = re.compile(  # its first letter first: a search skips to an "o"
    r"(?P<on>[Oo])(?<![\w.].)n the (?P<day>[1-3]?\d)(?:st|nd|rd|th)"
    r"(?=(?P<stop>[,.;:)])|\s+(?P<next>[A-Z][\w-]*))"
)
_NUMBERED_THINGS = frozenset(
    "Congress Party Plenum Session Conference Anniversary Parallel Century Division Army "
    "Corps Regiment Brigade Assembly Meeting Plan Festival Olympiad Convocation Round".split()
)
# What each finder's dates cannot do without, looked for first, in ways many times quicker than
# the finder's own search (a phrase's pattern begins with a word boundary, tried at every
# position): a search that begins with a word or a class of characters, or a plain substring
# test. A paragraph without it is not searched by that finder. Most paragraphs have neither a
# digit, nor "year", nor a month.
_MONTH_WORD = re.compile(_MONTH_NAMES)  # _MONTH, in the phrases, is case-sensitive
_OF_YEAR = re.compile(r"[Oo](?i:f)\s+\d{4}")  # a season "of 1961"


def _digit(text: str) -> bool:
    return _DIGIT.search(text) is not None


def _month(text: str) -> bool:
    return _MONTH_WORD.search(text) is not None


def _month_or_its_word(text: str) -> bool:
    # a month's name, or the month before or after the document's, "early next month"
    return _month(text) or ("month" in text and _WHICH_MONTH_WORDS.search(text) is not None)


def _year_word(text: str) -> bool:
    return "year" in text  # it stands outside the phrases' case-insensitive groups


def _of_year(text: str) -> bool:
    return _OF_YEAR.search(text) is not None


def _letter_month_word(text: str) -> bool:
    # abbreviated, with a stop, or in words
    return " inst." in text or " ult." in text or " prox." in text or " month" in text


def _on_the(text: str) -> bool:
    return "On the " in text or "on the " in text


def _weekday_word(text: str) -> bool:
    # "last" or "next" before a word that ends as every weekday's name: most paragraphs have
    # neither
    return "day" in text and ("ast " in text or "ext " in text)


def _day_word(text: str) -> bool:
    # case folded, as a case-insensitive pattern compares ("yeſterday" too)
    folded = text.casefold()
    return "tomorrow" in folded or "yesterday" in folded


# a date found: its offsets in the text, its value, its @cert
_Found = tuple[int, int, DateValue, str | None]
_Needs = tuple[Callable[[str], bool], ...]  # all of them, or the finder finds nothing
_PARTS_OF_YEAR = {  # first and last month
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
    "first half": (1, 6),
    "second half": (7, 12),
    "last half": (7, 12),
    "first quarter": (1, 3),
    "second quarter": (4, 6),
    "third quarter": (7, 9),
    "fourth quarter": (10, 12),
    "last quarter": (10, 12),
}
_PARTS = {  # first and last day
    "mid": (11, 20),
    "the middle of": (11, 20),
    "early": (1, 10),
    "the beginning of": (1, 10),
    "late": (21, 31),
    "the end of": (21, 31),
    "the first half of": (1, 15),
    "the second half of": (16, 31),
    "the last half of": (16, 31),
    "the first decade of": (1, 10),
    "the first ten days of": (1, 10),
    "the second decade of": (11, 20),
    "the second ten days of": (11, 20),
    "the third decade of": (21, 31),
    "the last decade of": (21, 31),
    "the last ten days of": (21, 31),
    "the first days of": (1, 10),
    "the last days of": (21, 31),
}
_YEAR_OFFSETS = {
    "this": 0,
    "last": -1,
    "the previous": -1,
    "the past": -1,
    "next": 1,
    "the coming": 1,
    "the following": 1,
}


class DocumentDates:
    """The date annotator of one document, anchored on the document's own date."""

    def __init__(self, anchor: DateValue) -> None:
        self.anchor = anchor
        self.year = int(anchor.earliest[:4])
        start, end = anchor.bounds()
        self.start, self.end = date.fromisoformat(start), date.fromisoformat(end)

    def anchored_on(self, day: DateValue) -> DocumentDates:
        """The annotator of a part of the document that has a date of its own, a journal's
        entry: "tomorrow" in the entry of 16 January is the 17th, whatever the document's
        date."""
        return DocumentDates(day)

    def spans(self, text: str, atoms: list[Span]) -> list[Span]:
        text = ordinary_case(text) or text  # "29 OCTOBER" in a telegram set in capitals
        found: list[_Found] = []
        present: dict[Callable[[str], bool], bool] = {}  # each need looked for once
        for finder, needs in self.finders():
            for need in needs:  # in order: the first a text lacks ends the tests
                if need not in present:
                    present[need] = need(text)
                if not present[need]:
                    break
            else:
                found += finder(text)
        kept: list[_Found] = []
        for item in sorted(found, key=lambda f: (f[0], -f[1])):
            # kept in order and apart, each beginning no later than item: only the last may
            # overlap it
            if not kept or kept[-1][1] <= item[0]:
                if kept and (joined := _two_days_between(text, kept[-1], item)):
                    kept[-1] = joined
                else:
                    free = kept[-1][1] if kept else 0
                    item = _days_between(text, item, free)
                    kept += [*_days_listed(text, item, free), item]
        return [
            Span(s, e, _render(value, cert), inner=(s, e), label="date")
            for s, e, value, cert in kept
        ]

    def finders(self) -> tuple[tuple[Callable[[str], Iterator[_Found]], _Needs], ...]:
        """Each finder with what its dates need in a text (looked for in this order, the
        quickest test first); in this order, so that of two dates at the same offsets, the
        earlier finder's is kept."""
        return (
            (self._explicit, (_digit,)),
            (self._part_of_year, (_digit, _of_year)),
            (self._third_of_year, (_digit,)),
            (self._part_of_month, (_month_or_its_word,)),
            (self._relative_month, (_month,)),
            (self._month_alone, (_month,)),
            (self._rolling_year, (_year_word,)),
            (self._relative_year, (_year_word,)),
            (self._next_day, (_day_word,)),
            (self._relative_weekday, (_weekday_word,)),
            (self._month_of_letter, (_digit, _letter_month_word)),
            (self._day_month, (_digit,)),
            (self._day_alone, (_digit, _on_the)),
            (self._year, (_digit,)),
        )

    # --- explicit ------------------------------------------------------------------------

    def _explicit(self, text: str) -> Iterator[_Found]:
        for pattern in _EXPLICIT:
            for match in pattern.finditer(text):
                value = parse_date(match.group(0), self.year)
                if value:
                    yield match.start(), match.end(), value, None
        if any(mark in text for mark in _QUOTATION_MARKS):
            for match in _QUOTED_DAY.finditer(text):
                start = match.start() - 1  # the quotation mark's
                if value := parse_date(text[start : match.end()], self.year):
                    yield start, match.end(), value, None

    def _year(self, text: str) -> Iterator[_Found]:
        for match in _YEAR.finditer(text):
            if match["decade"]:
                decade = match["year"][:3]
                value = DateValue(match.group(0), not_before=decade + "0", not_after=decade + "9")
            elif match["last_year"] is None:
                value = DateValue(match.group(0), when=match["year"])
            elif (value := parse_date(match.group(0))) is None:
                continue  # "1962-12" may be December: no date
            yield match.start(), match.end(), value, None

    def _part_of_year(self, text: str) -> Iterator[_Found]:
        for match in _PART_OF_YEAR.finditer(text):
            part, year = " ".join(match["part"].lower().split()), int(match["year"])
            if part == "winter":  # December to February: dated only with both its years
                following = match["next_year"] or ""
                if following not in (str(year + 1), str(year + 1)[2:]):
                    continue
                first, last = date(year, 12, 1), _month_end(year + 1, 2)
            elif (months := _PARTS_OF_YEAR.get(part)) is None or match["next_year"]:
                continue  # "the third half", "the summer of 1962/63"
            else:
                first, last = date(year, months[0], 1), _month_end(year, months[1])
            yield (
                match.start(),
                match.end(),
                _range(match.group(0), first, last),
                "medium" if " " not in part else None,  # a season's bounds are loose
            )

    def _third_of_year(self, text: str) -> Iterator[_Found]:
        """ "Early", "mid" and "late" a year are its thirds, by the convention the parts of a
        month follow ("mid-October" its second ten days), with cert "medium": their bounds
        are loose, as a season's are ("autumn 1962", as "the autumn of 1962"). A quarter is
        exact."""
        for match in _YEAR_OF_THIRD.finditer(text):
            before = _THIRD_BEFORE.search(text, max(0, match.start() - _THIRD_REACH), match.start())
            if before is None:
                continue
            year = int(match.group(0))
            if before["quarter"]:
                last = 3 * int(before["quarter"])
                first, cert = last - 2, None
            elif before["season"]:
                (first, last), cert = _PARTS_OF_YEAR[before["season"].lower()], "medium"
            else:
                third = before["third"].lower().split()
                third_word = _THIRD_PHRASES.get(third[1], "") if len(third) > 1 else third[0]
                (first, last), cert = _THIRDS[third_word], "medium"
            phrase = text[before.start() : match.end()]
            value = _range(phrase, date(year, first, 1), _month_end(year, last))
            yield before.start(), match.end(), value, cert

    # --- anchored on the document's date -------------------------------------------------------

    def _day_month(self, text: str) -> Iterator[_Found]:
        for match in _DAY_MONTH.finditer(text):
            if (
                match["day3"]
                and not match.group(0).endswith(".")
                and not _WORD_BEFORE_DAY.search(text, max(0, match.start() - 8), match.start())
            ):
                continue  # "section 2.IV": a day in Roman numerals wants its stop or a word
            if match["day4"] and not _WORD_BEFORE_FIGURES.search(
                text, max(0, match.start() - 7), match.start()
            ):
                continue  # "see 12.3.": a section's number
            if match["roman"]:
                month = ROMAN_MONTHS[match["roman"]]
            elif match["month4"]:
                month = int(match["month4"])
            else:
                month = MONTHS[(match["month"] or match["month2"]).lower()]
            day = int(match["day"] or match["day2"] or match["day3"] or match["day4"])
            to = match["to"] or match["to2"]
            last = int(to) if to else day
            if to and not day < last:
                continue
            if match["year4"]:  # the year's century: the one that brings it nearest
                year = self.year + (int(match["year4"]) - self.year + 50) % 100 - 50
                if day <= calendar.monthrange(year, month)[1] and not to:
                    yield (
                        match.start(),
                        match.end(),
                        DateValue(match.group(0), when=date(year, month, day).isoformat()),
                        None,
                    )
                continue
            if (
                match["month2"]
                and _NAME_AFTER_DAY.match(text, match.end())
                and _THE_BEFORE_DAY.search(text, max(0, match.start() - 4), match.start())
            ):
                continue  # "the February 8 Vinalon Factory": a name
            end, years = match.end(), (self.year - 1, self.year, self.year + 1)
            if of_year := self._of_relative_year(text, end):  # "on 5 August of last year"
                years, end = (of_year[0],), of_year[1]
            elif lead := _year_of_sentence(text, match.start()):  # "In 1962 … on 5 May"
                years = (lead,)
            candidates = []
            for year in years:
                if 1 <= day <= last <= calendar.monthrange(year, month)[1]:
                    candidates.append(date(year, month, day))
            if not candidates:
                continue
            nearest = min(candidates, key=lambda d: (self._distance(d), d))
            written = text[match.start() : end]
            value = (
                _range(written, nearest, nearest.replace(day=last))
                if to
                else DateValue(written, when=nearest.isoformat())
            )
            yield match.start(), end, value, "medium"

    def _of_relative_year(self, text: str, at: int) -> tuple[int, int] | None:
        """The year that a phrase at `at` says a month or a day is of ("of last year"), and
        where the phrase ends; None without one."""
        if (phrase := _OF_RELATIVE_YEAR.match(text, at)) is None:
            return None
        which = " ".join(phrase["which"].lower().split())
        return self.year + _YEAR_OFFSETS[which], phrase.end()

    def _rolling_year(self, text: str) -> Iterator[_Found]:
        for match in _ROLLING_YEAR.finditer(text):
            try:
                first = self.start.replace(year=self.start.year - 1)
            except ValueError:  # 29 February
                first = self.start.replace(year=self.start.year - 1, day=28)
            yield match.start(), match.end(), _range(match.group(0), first, self.end), "medium"

    def _relative_year(self, text: str) -> Iterator[_Found]:
        for match in _RELATIVE_YEAR.finditer(text):
            which = " ".join(match["phrase"].lower().split()[:-1])
            year = self.year + _YEAR_OFFSETS[which]
            yield match.start(), match.end(), DateValue(match.group(0), when=f"{year}"), "medium"

    def _relative_month(self, text: str) -> Iterator[_Found]:
        for match in _RELATIVE_MONTH.finditer(text):
            month = MONTHS[match["month"].lower()]
            direction = match.group(0).split()[0].lower()
            if direction == "last":
                year = self.start.year if month < self.start.month else self.start.year - 1
            else:
                year = self.end.year if month > self.end.month else self.end.year + 1
            yield (
                match.start(),
                match.end(),
                DateValue(match.group(0), when=f"{year}-{month:02d}"),
                "medium",
            )

    def _relative_weekday(self, text: str) -> Iterator[_Found]:
        if self.start != self.end:
            return  # the document's day is not known
        for match in _RELATIVE_WEEKDAY.finditer(text):
            weekday = list(calendar.day_name).index(match["weekday"])
            if match["which"].lower() == "last":  # the latest before the document's day
                day = self.start - timedelta(days=(self.start.weekday() - weekday - 1) % 7 + 1)
            else:  # the first after it
                day = self.start + timedelta(days=(weekday - self.start.weekday() - 1) % 7 + 1)
            yield (
                match.start(),
                match.end(),
                DateValue(match.group(0), when=day.isoformat()),
                "medium",
            )

    def _month_alone(self, text: str) -> Iterator[_Found]:
        for match in _MONTH_ALONE.finditer(text):
            before = _TIME_WORD_BEFORE.search(text, max(0, match.start() - 10), match.start())
            if before is None:
                continue
            month = MONTHS[match["month"].lower()]
            end = match.end()
            last = MONTHS[match["last_month"].lower()] if match["last_month"] else None
            if match["and"] and last != month % 12 + 1:  # "in June and December": two
                end, last = match.end("month"), None
            if of_year := self._of_relative_year(text, end):  # "in August of last year"
                year, end = of_year
            elif lead := _year_of_sentence(text, match.start()):  # "In 1963 … (in March …)"
                year = lead
            elif before["word"].lower() == "since":  # the last such month begun by the document
                year = self.end.year if month <= self.end.month else self.end.year - 1
            else:  # the year that puts the month, or the months, nearest the document's date
                year = min(
                    (self.year - 1, self.year, self.year + 1),
                    key=lambda y: (self._months_distance(y, month, last or month), y),
                )
            written = text[match.start("month") : end]
            if last:
                last_year = year if last > month else year + 1
                value = _range(written, date(year, month, 1), _month_end(last_year, last))
            else:
                value = DateValue(written, when=f"{year}-{month:02d}")
            yield match.start("month"), end, value, "medium"

    def _months_distance(self, year: int, month: int, last: int) -> int:
        """How far the months from `month` of `year` to `last` (in the next year when it
        comes before) lie from the document's date: nothing when they hold it."""
        first, end = date(year, month, 1), _month_end(year if last >= month else year + 1, last)
        if end < self.start:
            return (self.start - end).days
        return max(0, (first - self.end).days)

    def _part_of_month(self, text: str) -> Iterator[_Found]:
        for match in _PART_OF_MONTH.finditer(text):
            first, last = _PARTS[" ".join(match["part"].lower().split())]
            if match["relative"]:  # of the document's month, or the month before or after
                if not self._month_known:
                    continue
                year, month = self._shifted_month(match["relative"])
            else:
                month = MONTHS[match["month"].lower()]
                year = self._year_of(match, month, first)
            last = min(last, calendar.monthrange(year, month)[1])
            yield (
                match.start(),
                match.end(),
                _range(match.group(0), date(year, month, first), date(year, month, last)),
                "medium",
            )

    def _year_of(self, match: re.Match[str], month: int, first: int) -> int:
        """The year of a part of `month` (beginning on day `first`): as said ("late March
        1963", "of last year"), or the one that puts it nearest the document's date."""
        if match["year"]:
            return int(match["year"])
        if match["which"]:
            return self.year + _YEAR_OFFSETS[match["which"].lower()]
        return min(
            (self.year - 1, self.year, self.year + 1),
            key=lambda y: (self._distance(date(y, month, first)), y),
        )

    def _next_day(self, text: str) -> Iterator[_Found]:
        if self.start != self.end:
            return  # the document's day is not known
        for match in _NEXT_DAY.finditer(text):
            shift = 1 if match["word"].lower() == "tomorrow" else -1
            day = self.start + timedelta(days=shift * (2 if match["further"] else 1))
            yield (
                match.start(),
                match.end(),
                DateValue(match.group(0), when=day.isoformat()),
                "medium",
            )

    def _month_of_letter(self, text: str) -> Iterator[_Found]:
        if not self._month_known:
            return
        for match in _MONTH_OF_LETTER.finditer(text):
            year, month = self._shifted_month(match["which"] or match["which_word"])
            day = int(match["day"])
            if not 1 <= day <= calendar.monthrange(year, month)[1]:
                continue
            yield (
                match.start(),
                match.end(),
                DateValue(match.group(0), when=date(year, month, day).isoformat()),
                "medium",
            )

    def _shifted_month(self, which: str) -> tuple[int, int]:
        """The year and month "this", "next", "ult." and the like say, from the document's."""
        shift = _MONTH_SHIFT[which.split()[-1].lower()]
        year, month = divmod(self.start.year * 12 + self.start.month - 1 + shift, 12)
        return year, month + 1

    def _day_alone(self, text: str) -> Iterator[_Found]:
        """A day alone is the document's month's, when that is known and the day not after
        the document's own; else the month's before. The month is inferred: cert "low"."""
        if not self._month_known:
            return
        for match in _DAY_ALONE.finditer(text):
            following = match["next"]
            if match["on"] == "O":  # a sentence's head: a comma or a capitalised word after
                after = match["stop"] == "," or (
                    following is not None and following not in _NUMBERED_THINGS
                )
            else:  # inside a sentence: a stop after it
                after = following is None
            if not after:
                continue
            day = int(match["day"])
            year, month = self.start.year, self.start.month
            if day > self.end.day:  # not yet come in the document's month: the month before
                year, month = (year, month - 1) if month > 1 else (year - 1, 12)
            if not 1 <= day <= calendar.monthrange(year, month)[1]:
                continue
            start = match.start("day")
            value = DateValue(text[start : match.end()], when=date(year, month, day).isoformat())
            yield start, match.end(), value, "low"

    @property
    def _month_known(self) -> bool:
        """Whether the document's date falls in one month (a day's or a month's date)."""
        return (self.start.year, self.start.month) == (self.end.year, self.end.month)

    def _distance(self, day: date) -> int:
        if day < self.start:
            return (self.start - day).days
        return max(0, (day - self.end).days)


def _year_of_sentence(text: str, at: int) -> int | None:
    """The year the sentence that `at` is in opens with ("In 1963 the CC held two plenums
    (in March …"); None where it opens otherwise."""
    begins = 0
    for end in _SENTENCE_END.finditer(text, 0, at):
        begins = end.end()
    lead = _YEAR_LEAD.match(text, begins)
    return int(lead["year"]) if lead and lead.end() <= at else None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


# The first day of a range written out before its last: "between 6 and", "from 6 to", "the
# night of 5 to", a journal's "for 4 to" (but "of 6 and 12 August" lists two days:
# `_LISTED_DAYS`)
_FIRST_DAY = re.compile(
    r"\b(?P<word>(?i:between|from|of|for))\s+"
    r"(?P<days>(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<joint>and|to|till|until)\s+)$"
)


def _days_between(text: str, found: _Found, free: int) -> _Found:
    """A day's date after "between 6 and" or "from 6 to": the range from the first day to
    it, beginning at the first day ("between <date>6 and 9 May</date>"); any other date, as
    found. `free` is where the text not yet marked begins."""
    start, end, value, cert = found
    if not (value.when and len(value.when) == 10):
        return found
    match = _FIRST_DAY.search(text, max(free, start - 24), start)
    if match is None or (match["word"].lower() in {"of", "for"} and match["joint"] == "and"):
        return found
    last = date.fromisoformat(value.when)
    if not 1 <= int(match["day"]) < last.day:
        return found
    first = last.replace(day=int(match["day"]))
    days = match.start("days")
    return days, end, _range(text[days:end], first, last), cert


# Days of the month a date names, listed before it after "on" or "of": "on 6 and 12
# August", "of 3, 5 and 9 May"
_LISTED_DAYS = re.compile(  # "on 6 and", "of 6, 9 and", "on the 12th or" (either day)
    r"\b(?i:on|of)\s+(?:the\s+)?"
    r"(?P<days>(?:[0-3]?\d(?:st|nd|rd|th)?(?:,\s*|,?\s+(?:and|or)\s+))+)$"
)
_LISTED_DAY = re.compile(r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?")


def _days_listed(text: str, found: _Found, free: int) -> list[_Found]:
    """The days listed before a day's date, each a date of its month ("on <date>6</date>
    and <date>12 August</date>"), in order and each before it; none for any other date. `free`
    is where the text not yet marked begins."""
    start, _, value, cert = found
    if not (value.when and len(value.when) == 10):
        return []
    match = _LISTED_DAYS.search(text, max(free, start - 40), start)
    if match is None:
        return []
    last = date.fromisoformat(value.when)
    days = [(m.start(), m.end(), int(m["day"])) for m in _LISTED_DAY.finditer(match["days"])]
    numbers = [day for *_, day in days] + [last.day]
    if not all(1 <= a < b for a, b in pairwise(numbers)):
        return []
    offset = match.start("days")
    return [
        (
            offset + a,
            offset + b,
            DateValue(text[offset + a : offset + b], when=last.replace(day=day).isoformat()),
            cert,
        )
        for a, b, day in days
    ]


# What joins two days' dates into a range after "between" or "from" (_RANGE_OPENER)
_RANGE_WORD = re.compile(r"\s+(?:and|to|till|until)\s+")
_RANGE_OPENER = re.compile(r"\b(?i:between|from)\s+$")
# How long a range of two such days may run: a guessed year may not make a year of it
_LONGEST_RANGE = timedelta(days=183)


def _two_days_between(text: str, first: _Found, last: _Found) -> _Found | None:
    """Two days' dates after "between" or "from", joined by "and", "to" or "until" ("between
    28 April and 3 May 1963", "from 30 December until 2 January"): one range, the first day
    in the year that puts it before the last when its own year was guessed; None for any
    other pair."""
    start, end, first_value, first_cert = first
    last_start, last_end, last_value, last_cert = last
    if not (
        len(first_value.when or "") == 10
        and len(last_value.when or "") == 10
        and _RANGE_WORD.fullmatch(text, end, last_start)
        and _RANGE_OPENER.search(text, max(0, start - 10), start)
    ):
        return None
    begin, until = date.fromisoformat(first_value.when), date.fromisoformat(last_value.when)
    try:
        if first_cert is not None:  # the first day's year was guessed: the last's decides it
            begin = begin.replace(year=until.year)
            if begin >= until:
                begin = begin.replace(year=until.year - 1)
        elif last_cert is not None:  # the last day's was: the first's decides it
            until = until.replace(year=begin.year)
            if until <= begin:
                until = until.replace(year=begin.year + 1)
    except ValueError:  # 29 February in a year without it
        return None
    if not begin < until <= begin + _LONGEST_RANGE:
        return None
    cert = first_cert if last_cert is not None else None  # guessed only if both were
    return start, last_end, _range(text[start:last_end], begin, until), cert


def _range(text: str, first: date, last: date) -> DateValue:
    return DateValue(text, not_before=first.isoformat(), not_after=last.isoformat())


def _render(value: DateValue, cert: str | None) -> Callable[[etree._Element], etree._Element]:
    def render(parent: etree._Element) -> etree._Element:
        el = sub(parent, "date", **value.attributes())
        if cert:
            el.set("cert", cert)
        return el

    return render


# A time of day: "4:00 p.m.", "11 a.m.", "17:00", "09:15 hours". Without a.m. or p.m. only the
# 24-hour clock, two digits, a colon and two digits: "3:15", "3.15" or "23:1" may be anything.
# The hour's first digit is matched, then what stands before it looked at (see _AFTER_FIRST):
# a search then stops only at digits. The 24-hour clock wants two digits of hour, the first
# at most 2.
_TIME = re.compile(
    # not after a letter, a figure or a hyphen ("MiG-21"), but after a time and its hyphen,
    # which begin a range: "3:00-4:15 p.m."
    r"(?P<hour>[0-9](?:(?<![\w.,:/-].)|(?<=\d[:.][0-5]\d-.))\d?)"
    r"(?:(?:[:.](?P<minute>[0-5]\d))?\s?(?P<half>[apAP])\.?\s?[mM]\b\.?"
    r"|(?<=[0-2]\d):(?P<minute24>[0-5]\d)(?![:.,]?\d)(?:\s?(?i:hours|hrs)\b)?"
    # with a stop and the unit: "10.00 hrs", "9.30 hrs", "09.30 hours", a telegram's "14.00
    # HRS" (two digits of hour: "2.50 hours" is as often how long)
    r"|[:.](?P<minute_hrs>[0-5]\d)\s?(?i:hrs)\b"
    r"|(?<=[0-2]\d)\.(?P<minute_hours>[0-5]\d)\s?(?i:hours)\b)"
)

# A time on the 24-hour clock without its unit, which a word of time before it tells from a
# number: "at 11.00", "until 13.15", "from 10.00 to 11.30", "at 9:30". Not a price or a
# measure, by the word after it ("at 2.50 rubles per pood", "from 10.20 to 12.30 %") or the
# one before ("estimated at 12.30").
_TIME_AFTER_WORD = re.compile(
    r"(?P<word>\b(?i:at|until|till|from|between))\s"
    r"(?P<hour>[01]?\d|2[0-3])[.:](?P<minute>[0-5]\d)(?![.,:]?\d)"
    r"(?:(?P<joint>\s?[–—-]\s?|\s(?:to|and|until|till)\s)"
    r"(?P<last_hour>[01]?\d|2[0-3])[.:](?P<last_minute>[0-5]\d)(?![.,:]?\d))?"
)
# "at 4 o'clock in the afternoon", "at 18 o'clock": a time; "at 10 o'clock" alone is not, the
# half of the day unsaid
_OCLOCK = re.compile(
    r"(?<![\w.,:/-])(?P<hour>\d{1,2})(?:[.:](?P<minute>[0-5]\d))?\s?o['’]\s?clock\b"
    r"(?:\s(?:in\sthe\s(?P<part>morning|afternoon|evening)|at\s(?P<night>night)))?"
)
# A dateline's hour on the 24-hour clock, after its date's year and a comma, ending the line:
# "Pyongyang, 14 March 1963, 18.40", "Arrived: 15 March 1963, 07.15" (with a colon it is a
# time anywhere, `_TIME`); or where a text begins so, the rest of a dateline after its date
_TIME_AFTER_DATE = re.compile(
    r"(?:(?<=\b1[89]\d\d)|\A),\s(?P<hour>[01]?\d|2[0-3])[.:](?P<minute>[0-5]\d)(?=\.?$)",
    re.MULTILINE,
)
# the day's date that year ends ("14 March 1963", "18.5.1963", "5.III.1963", "March 14, 1963"):
# not a year alone, "in 1963, 18.40"
_DAY_BEFORE_YEAR = re.compile(
    r"(?:\d{1,2}\.\s?(?:\d{1,2}|[IVX]{1,4})\.\s?|\d{1,2}\s[A-Z][a-z]+\.?\s|[A-Z][a-z]+\.?\s\d{1,2},\s)"
    r"1[89]\d\d\Z"
)
_CLOCK_FIGURES = re.compile(r"\d[.:][0-5]\d")  # what _TIME_AFTER_WORD needs, looked for first
_MEASURE_AFTER = re.compile(
    r"\s?(?:%|(?i:per\b|percent|an?\b|each\b|times\b|rub|roub|kopeck|won\b|yuan|dollar|"
    r"marks?\b|DM\b|forint|crown|korun|k[cč]s\b|zlot|z[lł]\b|lei\b|lev[a]?\b|ton|t\b|kg\b|"
    r"km\b|metre|meter|m\b|million|billion|thousand|point))"
)
_VALUE_BEFORE = re.compile(
    r"\b(?i:estimated|valued|priced|set|fixed|put|stood|remained|rate|sold|bought|assessed|"
    r"calculated|amounted|level|ranging|rose|fell|increased|decreased|grew|dropped)\s+\Z"
)


# An hour (and minutes) before a dash or a word of range ("from 16.00 to …", "between 3 and
# …"), which ends the search: a range's first time
_RANGE_START = re.compile(
    r"(?<![\w.,:/–—-])(?P<time>(?P<hour>\d{1,2})(?:[:.](?P<minute>[0-5]\d))?)"
    r"(?:\s?[–—-]\s?|\s(?:to|and|until|till)\s)$"
)


class TimesOfDay:
    """The times of day a text gives: time with @when in ISO 8601 (hh:mm:ss), the day they
    belong to being seldom certain."""

    def spans(self, text: str, atoms: list[Span]) -> list[Span]:
        # looked for as substrings first: the pattern's search stops at every "n" and "m"
        words = (
            _noon_and_midnight(text)
            if "noon" in text or "Noon" in text or "idnight" in text
            else []
        )
        found = list(words)
        if _DIGIT.search(text) is None:
            return found
        for match in _TIME.finditer(text):
            if words and any(span.start <= match.start() < span.end for span in words):
                continue  # the figures of "12:00 noon"
            hour = int(match["hour"])
            if match["half"]:
                minute = int(match["minute"] or 0)
                if not 1 <= hour <= 12:
                    continue
                hour = hour % 12 + (12 if match["half"].lower() == "p" else 0)
            else:
                minute = int(match["minute24"] or match["minute_hrs"] or match["minute_hours"])
                if hour > 23:
                    continue
            if match["half"] or match["minute_hrs"] or match["minute_hours"]:
                found += _range_start(
                    text, match.start(), hour * 60 + minute, found, twelve=bool(match["half"])
                )
            when = f"{hour:02d}:{minute:02d}:00"
            found.append(
                Span(match.start(), match.end(), _time(when), inner=match.span(), label="time")
            )
        return found + _times_after_words(text, found)


# Noon and midnight, the hours words give: not "afternoon" ("Noon" too, at a sentence's head)
_NOON = re.compile(  # its first letter first: a search skips to an "n" or an "m"
    r"(?P<word>[Nn](?<![\w].)(?i:oon)|[Mm](?<![\w].)(?i:idnight))\b"
)
_NOON_HOURS = {"noon": "12:00:00", "midnight": "00:00:00"}
# The figures that may stand before the word, one time with it: "12:00 noon", "12 midnight"
_TWELVE_BEFORE = re.compile(r"(?<![\w.:])(?:12|24|00)(?:[:.]00)?\s\Z")


def _noon_and_midnight(text: str) -> list[Span]:
    found = []
    for m in _NOON.finditer(text):
        start = m.start()
        if twelve := _TWELVE_BEFORE.search(text, max(0, start - 6), start):
            start = twelve.start()
        found.append(
            Span(
                start,
                m.end(),
                _time(_NOON_HOURS[m["word"].lower()]),
                inner=(start, m.end()),
                label="time",
            )
        )
    return found


def _times_after_words(text: str, found: list[Span]) -> list[Span]:
    """The times "o'clock", `_TIME_AFTER_DATE` and `_TIME_AFTER_WORD` find, where no time was
    `found` already."""
    times = _times_by_the_clock(text) if "clock" in text else []
    if _CLOCK_FIGURES.search(text) is None:  # most texts with figures have no "11.00"
        return times
    taken = found + times

    def add(match: re.Match[str], hour: str, minute: str) -> None:
        start, end = match.start(hour), match.end(minute)
        if not any(span.start <= start < span.end for span in taken):
            when = f"{int(match[hour]):02d}:{match[minute]}:00"
            times.append(Span(start, end, _time(when), inner=(start, end), label="time"))

    for match in _TIME_AFTER_DATE.finditer(text):
        if match.start() == 0 or _DAY_BEFORE_YEAR.search(
            text, max(0, match.start() - 20), match.start()
        ):
            add(match, "hour", "minute")
    for match in _TIME_AFTER_WORD.finditer(text):
        if _MEASURE_AFTER.match(text, match.end()) or _VALUE_BEFORE.search(
            text, max(0, match.start() - 12), match.start()
        ):
            continue
        if match["word"].lower() in {"from", "between"} and not match["joint"]:
            continue  # "from 10.00" alone may be a quantity that grew
        add(match, "hour", "minute")
        if match["last_hour"] is not None:
            add(match, "last_hour", "last_minute")
    return times


def _times_by_the_clock(text: str) -> list[Span]:
    """The times "o'clock" gives, in the half of the day that the hour on the 24-hour clock
    or the words after it tell ("in the afternoon": 4 is 16:00; "at night": 10 is 22:00)."""
    times = []
    for match in _OCLOCK.finditer(text):
        hour = int(match["hour"])
        if hour > 23 or (hour <= 12 and not (match["part"] or match["night"])):
            continue
        if hour < 12 and (
            match["part"] in {"afternoon", "evening"} or (hour >= 6 and match["night"])
        ):
            hour += 12
        when = f"{hour:02d}:{match['minute'] or '00'}:00"
        times.append(Span(*match.span(), _time(when), inner=match.span(), label="time"))
    return times


def _range_start(
    text: str, end: int, until: int, found: list[Span], twelve: bool = True
) -> list[Span]:
    """The time that begins a range whose end gives a.m. or p.m. ("3:00–4:10 p.m.",
    "11:30–1 p.m.") or its unit ("10.00–12.30 hrs"), ending at `end`. On the twelve-hour
    clock, in the same half of the day as `until` (minutes past midnight) if that is not
    later than it, else in the other; none if already marked."""
    match = _RANGE_START.search(text, max(0, end - 14), end)
    if match is None or any(span.start == match.start() for span in found):
        return []
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    if not (1 <= hour <= 12 if twelve else hour <= 23):
        return []
    same = hour % 12 + (until // 60 >= 12) * 12 if twelve else hour
    when = same if not twelve or same * 60 + minute <= until else (same + 12) % 24
    span = match.span("time")
    return [Span(*span, _time(f"{when:02d}:{minute:02d}:00"), inner=span, label="time")]


def _time(when: str) -> Callable[[etree._Element], etree._Element]:
    def render(parent: etree._Element) -> etree._Element:
        return sub(parent, "time", when=when)

    return render
