"""Date expressions as the transcripts write them → ISO 8601 values.

Handles the forms met in Cold War diplomatic papers: "November 1, 1962", "14 August 1962",
"26 X 63" (Roman month, two-digit year), "12.IX.1963", "14.08.1962", "November 1962",
"____ November 1962" (day left blank in the original), "the 15th of August 1962", "1962", and
ranges within a month, a year or a century: "5-6 March 1963", "1 to 10 August 1963",
"March 5-6, 1963",
"August-September 1962", "1961-62", "1962–1965".
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from teiedition.patterns import by_first_letter

MONTHS: dict[str, int] = {
    name.lower(): number for number, name in enumerate(calendar.month_name) if name
}
MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9

ROMAN_MONTHS: dict[str, int] = {
    roman: number
    for number, roman in enumerate(
        ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
    )
    if roman
}


# the longest first: "sept" before "sep"
_MONTH = r"(?P<month>" + by_first_letter(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
# a month in Roman numerals ("IX"), the longest first; the datings read it too
ROMAN_MONTH = r"(?P<roman>" + "|".join(sorted(ROMAN_MONTHS, key=len, reverse=True)) + r")"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
# the last day of a range of days, if it is one: "5-6", "5–6", "5 - 6", a night's "11/12",
# "1 to 10" (a journal's period)
_TO_DAY = r"(?:(?:\s?[-–/]\s?|\s+to\s+)(?P<last_day>[0-3]?\d)(?:st|nd|rd|th)?)?"
_OF = r"(?:\s+of)?"  # "the 15th of August"
# the last month of a range of months: "August-September 1962"
_TO_MONTH = r"(?:\s?[-–]\s?" + _MONTH.replace("(?P<month>", "(?P<last_month>") + ")?"
_BLANK_DAY = r"(?P<blank>_{2,}|\.{3,}|…)"
# a range of days across two months, its end after the first day and month: "30 April–2 May
# 1963", "28 April to 3 May 1963", "April 30 - May 2, 1963" (tried only where a day and a
# month have matched, so as dear as no search of its own)
_UNTIL = r"(?:\s?[-–]\s?|\s+to\s+)"
_END_DAY = r"(?P<end_day>[0-3]?\d)(?:st|nd|rd|th)?"
_END_MONTH = _MONTH.replace("(?P<month>", "(?P<end_month>")
# a year in four figures, the first no 0 ("0000" is no year an XML date can hold, "0066"
# a file's number)
_YEAR = r"(?P<year>[1-9]\d{3})"
# the last year of a range of years: "1961-62", "1962–1965", "1962/63"
_TO_YEAR = r"(?:[-–/](?P<last_year>[1-9]\d{3}|\d{2}))?"
_YEAR2 = r"(?P<year>[1-9]\d{3}|\d{2})"

# the day in quotation marks, as Russian letters date them: "6" May 1963, «6» May 1963, or
# left blank, '"___" June 1963'
AFTER_QUOTED_DAY = rf"[\"”»“]\s?{_MONTH}\s+{_YEAR}"
QUOTED_DAY = re.compile(
    rf"[\"“«„](?:(?P<day>[0-3]?\d)|{_BLANK_DAY}){AFTER_QUOTED_DAY}", re.IGNORECASE
)

# Each pattern matches a whole date expression; the first that matches wins. Month names
# ignore case; Roman months do not ("x 63" is not a date, "X 63" is).
_I = re.IGNORECASE
PATTERNS: tuple[re.Pattern[str], ...] = (
    # November 1, 1962; March 5-6, 1963; April 30 - May 2, 1963
    re.compile(
        rf"{_MONTH}\s+{_DAY}(?:{_UNTIL}{_END_MONTH}\s+{_END_DAY}|{_TO_DAY}),?\s+{_YEAR}", _I
    ),
    # 14 August 1962; 5-6 March 1963; the 15th of August 1962; 30 April–2 May 1963
    re.compile(
        rf"{_DAY}{_TO_DAY}{_OF}\s+{_MONTH}(?:{_UNTIL}{_END_DAY}\s+{_END_MONTH})?,?\s+{_YEAR}", _I
    ),
    re.compile(rf"{_BLANK_DAY}\s*{_MONTH},?\s+{_YEAR}", _I),  # ____ November 1962
    QUOTED_DAY,
    # 26 X 63, 12.IX.1963, 14-II-1963, 5/III/1963; 3-4.VII.1963
    re.compile(rf"{_DAY}{_TO_DAY}[./-]?\s*{ROMAN_MONTH}[./-]?\s*{_YEAR2}"),
    # 14.08.1962, 14. 8. 1962; month first only where the day says so, 10.22.1963
    re.compile(rf"(?P<day>[0-3]?\d)\.\s?(?P<month_or_day>[0-3]?\d)\.\s?{_YEAR}"),
    # 14/02/1963 or 02/14/1963: day and month told apart only when one of them exceeds 12
    re.compile(rf"(?P<day>[0-3]?\d)/(?P<day_or_month>[0-3]?\d)/{_YEAR}"),
    # year first: 1962-08-14, and as Hungarian and Czech records write it, 1963.IV.28,
    # 1963. 04. 28
    re.compile(
        rf"{_YEAR}(?:-(?=\d\d-)|\.\s?)(?:{ROMAN_MONTH}|(?P<month_num>[01]?\d))[.-]\s?(?P<day>[0-3]?\d)"
    ),
    re.compile(rf"{_MONTH}{_TO_MONTH},?\s+{_YEAR}", _I),  # November 1962; August-September 1962
    re.compile(rf"{_YEAR}{_TO_YEAR}"),  # 1962; 1961-62
)


# Forms that are a date only as the whole of a line, a dateline's ("Pyongyang, 12.6.63"); in
# running text, figures so written may be anything (a section "3.1.12"), so they are not
# looked for there.
_LINE_PATTERNS = (re.compile(r"(?P<day>[0-3]?\d)\.\s?(?P<month_num>[01]?\d)\.\s?(?P<year>\d\d)"),)


# Two whole dates, each with its year, and a dash or "to" between them: "November 1, 1962 -
# November 3, 1962", as the archive may date a page of several days
_TWO_DATES = re.compile(r"(?P<first>.*?\d)\s*(?:[-–—]|\bto\b)\s*(?P<last>\S.*\d)")
# What makes a whole line's date approximate, as the archive dates some pages: "Circa March
# 1963", "c. 1963", "ca. 1963", "approximately 1963"
_APPROXIMATE = re.compile(r"(?i:circa|ca\.|c\.|approx(?:imately|\.))\s*(?=\S)")


@dataclass(frozen=True)
class DateValue:
    """A normalised date: exact (`when`) or a range (`not_before`/`not_after`); `approximate`
    when the text says it is ("Circa March 1963"); `inferred` when the text leaves out what
    the value gives (the year of "16 December", the document's)."""

    text: str
    when: str | None = None
    not_before: str | None = None
    not_after: str | None = None
    approximate: bool = False
    inferred: bool = False

    @property
    def earliest(self) -> str:
        return self.when or self.not_before or ""

    @property
    def latest(self) -> str:
        return self.when or self.not_after or ""

    def bounds(self) -> tuple[str, str]:
        """Earliest and latest full ISO day the expression allows."""
        return _expand_start(self.earliest), _expand_end(self.latest)

    def overlaps(self, other: DateValue) -> bool:
        start, end = self.bounds()
        other_start, other_end = other.bounds()
        return start <= other_end and other_start <= end

    def attributes(self) -> dict[str, str]:
        """TEI dating attributes (att.datable.w3c) for this value."""
        found = (
            {"when": self.when}
            if self.when
            else {"notBefore": self.not_before or "", "notAfter": self.not_after or ""}
        )
        if self.approximate:
            return {**found, "cert": "low"}
        return {**found, "cert": "medium"} if self.inferred else found


def parse_date(text: str, anchor_year: int | None = None) -> DateValue | None:
    """Parse `text` if the whole of it (ignoring surrounding space and a final full stop)
    is one date expression, perhaps after its day of the week ("Monday, 19 August 1963", as
    a journal dates its entries); otherwise return None.

    Two-digit years take the century that puts them nearest `anchor_year` (the page's
    own date, when known), else the 1900s.
    """
    if text[:1] in _WEEKDAY_INITIALS and (weekday := WEEKDAY.match(text)):
        value = _approximate_or(_date_or_range, text[weekday.end() :], anchor_year)
        return replace(value, text=weekday.group() + value.text) if value else None
    return _approximate_or(_date_or_range, text, anchor_year)


# A day of the week before a date, and what separates them: "Monday, " (19 August 1963),
# "Monday, " (August 19, 1963)
WEEKDAY = re.compile(r"(?:" + "|".join(calendar.day_name) + r"),?\s+(?=\d|[A-Z][a-z])")
_WEEKDAY_INITIALS = frozenset(name[0] for name in calendar.day_name)


def _approximate_or(
    parse: Callable[[str, int | None], DateValue | None], text: str, anchor_year: int | None
) -> DateValue | None:
    """What `parse` makes of `text`, or of the rest after one word that makes it
    approximate ("circa")."""
    candidate = _trimmed(text)
    if approximate := _APPROXIMATE.match(candidate):
        value = parse(candidate[approximate.end() :], anchor_year)
        if value is None:
            return None
        return replace(value, text=candidate[: approximate.end()] + value.text, approximate=True)
    return parse(text, anchor_year)


def _date_or_range(text: str, anchor_year: int | None) -> DateValue | None:
    """One date, or two joined into a range: each of the two a date alone (a chain of dates
    "A – B – C" is none), each perhaps approximate."""
    candidate = _trimmed(text)
    if form := _form(candidate):
        return _form_value(form, text, anchor_year)
    if (
        candidate[-1:].isdigit()  # as the last date ends: most lines fail this first test
        and (two := _TWO_DATES.fullmatch(candidate))
        and (first := _approximate_or(_one_date, two["first"], anchor_year))
        and (last := _approximate_or(_one_date, two["last"], anchor_year))
        and first.bounds()[0] <= last.bounds()[1]
    ):
        return DateValue(candidate, not_before=first.earliest, not_after=last.latest)
    return None


def _one_date(text: str, anchor_year: int | None) -> DateValue | None:
    """One of the forms of a date (a range it writes as one too: "5-6 March 1963")."""
    form = _form(_trimmed(text))
    return _form_value(form, text, anchor_year) if form else None


def _form(candidate: str) -> re.Match[str] | None:
    return next(filter(None, (p.fullmatch(candidate) for p in PATTERNS + _LINE_PATTERNS)), None)


def _form_value(form: re.Match[str], text: str, anchor_year: int | None) -> DateValue | None:
    parts = form.groupdict()
    if parts.get("day_or_month") and not (parts := _day_and_month(parts)):
        return None
    if month_or_day := parts.get("month_or_day"):
        parts = _month_second(parts, month_or_day)
    # a final stop after the figures ends the sentence, not the date ("Pyongyang, 20 August
    # 1963.")
    candidate = form.string
    written = candidate if candidate[-1].isdigit() else text.strip()
    return _value(written, parts, anchor_year)


def _trimmed(text: str) -> str:
    return text.strip().rstrip(".").strip()


def _day_and_month(parts: dict[str, str | None]) -> dict[str, str | None] | None:
    """A numeric date with slashes as day and month: the one over 12 is the day (14/02, 02/14);
    None when either could be the day (05/06), for Europe writes it one way, America the other."""
    first, second = parts["day"] or "", parts["day_or_month"] or ""
    if int(first) > 12 >= int(second) or int(first) == int(second):
        return {**parts, "month_num": second}
    if int(second) > 12 >= int(first):
        return {**parts, "day": second, "month_num": first}
    return None


def _month_second(parts: dict[str, str | None], second: str) -> dict[str, str | None]:
    """A numeric date with stops, which Europe writes day first (03.06.1963 is 3 June), but a
    translation may write month first where the second figure can only be the day
    (10.22.1963)."""
    day = parts["day"] or ""
    if int(second) > 12 >= int(day):
        return {**parts, "day": second, "month_num": day}
    return {**parts, "month_num": second}


def _value(text: str, parts: dict[str, str | None], anchor_year: int | None) -> DateValue | None:
    if parts.get("end_month"):  # days across two months: the last is the end's
        if parts.get("last_day"):
            return None  # "5-6 March–2 May": no one range
        parts = {**parts, "last_month": parts["end_month"], "last_day": parts["end_day"]}
        if MONTHS[parts["end_month"].lower().rstrip(".")] == _month(parts):  # type: ignore[union-attr]
            parts["last_month"] = None  # "July 1 to July 10, 1963": days of one month
    year = _year(parts["year"] or "", anchor_year)
    month = _month(parts)
    day = int(parts["day"]) if parts.get("day") else None
    if month is None:
        if parts.get("last_year"):
            last_year = _last_year(year, parts["last_year"])  # type: ignore[arg-type]
            if last_year is None:
                return None
            return DateValue(text, not_before=f"{year:04d}", not_after=f"{last_year:04d}")
        return DateValue(text, when=f"{year:04d}")
    if not 1 <= month <= 12:
        return None
    if parts.get("last_month"):
        last_month = MONTHS[parts["last_month"].lower().rstrip(".")]  # type: ignore[union-attr]
        if not month < last_month:
            return None
        end = calendar.monthrange(year, last_month)[1]
        if day is not None:  # from a day of one month to a day of a later one
            last = int(parts["last_day"])  # type: ignore[arg-type]
            if not (1 <= day <= calendar.monthrange(year, month)[1] and 1 <= last <= end):
                return None
            return DateValue(
                text,
                not_before=f"{year:04d}-{month:02d}-{day:02d}",
                not_after=f"{year:04d}-{last_month:02d}-{last:02d}",
            )
        return DateValue(
            text,
            not_before=f"{year:04d}-{month:02d}-01",
            not_after=f"{year:04d}-{last_month:02d}-{end:02d}",
        )
    days_in_month = calendar.monthrange(year, month)[1]
    if parts.get("blank"):
        return DateValue(
            text,
            not_before=f"{year:04d}-{month:02d}-01",
            not_after=f"{year:04d}-{month:02d}-{days_in_month:02d}",
        )
    if day is None:
        return DateValue(text, when=f"{year:04d}-{month:02d}")
    if not 1 <= day <= days_in_month:
        return None
    if parts.get("last_day"):
        last = int(parts["last_day"])  # type: ignore[arg-type]
        if not day < last <= days_in_month:
            return None
        return DateValue(
            text,
            not_before=f"{year:04d}-{month:02d}-{day:02d}",
            not_after=f"{year:04d}-{month:02d}-{last:02d}",
        )
    return DateValue(text, when=f"{year:04d}-{month:02d}-{day:02d}")


def _last_year(first: int, written: str) -> int | None:
    """The last year of a range that begins in `first`: "1965", or "62" in the same century.
    None when the range would not go forward, and for two digits that could be a month
    ("1962-12" may be December 1962)."""
    if len(written) == 4:
        last = int(written)
    elif int(written) > 12:
        last = first - first % 100 + int(written)
    else:
        return None
    return last if last > first else None


def _month(parts: dict[str, str | None]) -> int | None:
    if parts.get("month"):
        return MONTHS[parts["month"].lower().rstrip(".")]  # type: ignore[union-attr]
    if parts.get("roman"):
        return ROMAN_MONTHS[parts["roman"]]  # type: ignore[index]
    if parts.get("month_num"):
        return int(parts["month_num"])  # type: ignore[arg-type]
    return None


def _year(digits: str, anchor_year: int | None) -> int:
    if len(digits) == 4:
        return int(digits)
    two = int(digits)
    anchor = anchor_year or 1950
    candidates = [century + two for century in range((anchor // 100 - 1) * 100, anchor + 101, 100)]
    return min(candidates, key=lambda year: (abs(year - anchor), year))


def _expand_start(iso: str) -> str:
    return iso + "-01-01"[len(iso) - 4 :] if len(iso) < 10 else iso


def _expand_end(iso: str) -> str:
    if len(iso) == 4:
        return iso + "-12-31"
    if len(iso) == 7:
        year, month = int(iso[:4]), int(iso[5:7])
        return f"{iso}-{calendar.monthrange(year, month)[1]:02d}"
    return iso
