"""Dates in the text, one rule at a time, anchored on a document of 27 August 1962."""

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from lxml import etree

from teiedition.dates import PATTERNS as EXPLICIT_PATTERNS
from teiedition.dates import QUOTED_DAY, parse_date
from teiedition.markup import datings
from teiedition.markup.datings import DocumentDates
from teiedition.markup.inline import mark_up
from teiedition.markup.tei import element


def dates(text, anchor="August 27, 1962"):
    p = element("p")
    mark_up(p, text, [DocumentDates(parse_date(anchor))])
    return [(d.text, dict(d.attrib)) for d in p.iter("{*}date")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("held on 7 April 1961 in", ("7 April 1961", {"when": "1961-04-07"})),
        ("On February 26, 1964, one", ("February 26, 1964", {"when": "1964-02-26"})),
        ("dated 12.IX.1963 and", ("12.IX.1963", {"when": "1963-09-12"})),
        ('dated "6" May 1963 and', ('"6" May 1963', {"when": "1963-05-06"})),  # Russian
        ("in November 1962 the", ("November 1962", {"when": "1962-11"})),
        ("in 1956 they", ("1956", {"when": "1956"})),
        ("till 1970.", ("1970", {"when": "1970"})),
        (
            "On 5-6 March 1963 the",
            ("5-6 March 1963", {"notBefore": "1963-03-05", "notAfter": "1963-03-06"}),
        ),
        ("on the 15th of August 1962 they", ("15th of August 1962", {"when": "1962-08-15"})),
        ("the 1961-65 plan", ("1961-65", {"notBefore": "1961", "notAfter": "1965"})),
        (
            "in August-September 1962 the",
            ("August-September 1962", {"notBefore": "1962-08-01", "notAfter": "1962-09-30"}),
        ),
        (
            "on March 5–7, 1963, the",
            ("March 5–7, 1963", {"notBefore": "1963-03-05", "notAfter": "1963-03-07"}),
        ),
        ("on 14-II-1963 he", ("14-II-1963", {"when": "1963-02-14"})),
        ("on 14. 3. 1963 he", ("14. 3. 1963", {"when": "1963-03-14"})),
        ("on 14/02/1963 he", ("14/02/1963", {"when": "1963-02-14"})),
        (
            "stayed from 28 April to 3 May 1963 in",
            ("28 April to 3 May 1963", {"notBefore": "1963-04-28", "notAfter": "1963-05-03"}),
        ),
        # days of one month, "to" between them, as a journal's period is written
        (
            "for the period 1 to 10 August 1963",
            ("1 to 10 August 1963", {"notBefore": "1963-08-01", "notAfter": "1963-08-10"}),
        ),
        (
            "from March 5 to 7, 1963, the",
            ("March 5 to 7, 1963", {"notBefore": "1963-03-05", "notAfter": "1963-03-07"}),
        ),
        (
            "on April 30 - May 2, 1963, the",
            ("April 30 - May 2, 1963", {"notBefore": "1963-04-30", "notAfter": "1963-05-02"}),
        ),
        ("the article of 1963.IV.28 in", ("1963.IV.28", {"when": "1963-04-28"})),
        ("dated 1963. 04. 28. in", ("1963. 04. 28", {"when": "1963-04-28"})),
        ("on 02/14/1963 he", ("02/14/1963", {"when": "1963-02-14"})),
        ("on 06/06/1963 he", ("06/06/1963", {"when": "1963-06-06"})),
    ],
)
def test_explicit_dates(text, expected):
    assert dates(text) == [expected]


@pytest.mark.parametrize(
    "text", ["on 05/06/1963 he", "on 31/02/1963 he", "No. 12/35/1962", "section 3.1.12 says"]
)
def test_numeric_dates_that_are_ambiguous_or_impossible_are_none(text):
    """05/06 is 5 June in Europe and May 6 in America: no date rather than a wrong one."""
    assert dates(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("visit on 22 August, which", ("22 August", {"when": "1962-08-22", "cert": "medium"})),
        ("on 9th August he", ("9th August", {"when": "1962-08-09", "cert": "medium"})),
        # the month in Roman numerals, no year, as Polish and Czech reports write it
        ("On 28.IX. at 11", ("28.IX.", {"when": "1962-09-28", "cert": "medium"})),
        # without the stop, after a word that makes it a date
        ("(see our ciphergram of 2.XI).", ("2.XI", {"when": "1962-11-02", "cert": "medium"})),
        ("on 3. VIII. he", ("3. VIII.", {"when": "1962-08-03", "cert": "medium"})),
        # in figures with both stops, as German reports write them, after "on", "of", "dated"
        ("on 28.3. with our", ("28.3.", {"when": "1962-03-28", "cert": "medium"})),
        ("the note of 2.11. says", ("2.11.", {"when": "1962-11-02", "cert": "medium"})),
        # and with a space after the first stop, as Czech reports write them
        ("the letter of 20. 2. asked", ("20. 2.", {"when": "1963-02-20", "cert": "medium"})),
        # and with the year's last two figures, in the century that brings it nearest
        ("On 4.11.63 Comrade", ("4.11.63", {"when": "1963-11-04"})),
        ("the letter of 29.10.62.", ("29.10.62", {"when": "1962-10-29"})),
        ("on the 9th of August", ("9th of August", {"when": "1962-08-09", "cert": "medium"})),
        ("the holiday of 15 August", ("15 August", {"when": "1962-08-15", "cert": "medium"})),
        (
            "talks on 30-31 December were",  # the year nearest the document's date
            (
                "30-31 December",
                {"notBefore": "1962-12-30", "notAfter": "1962-12-31", "cert": "medium"},
            ),
        ),
        (
            "on August 28 – 29 he",
            (
                "August 28 – 29",
                {"notBefore": "1962-08-28", "notAfter": "1962-08-29", "cert": "medium"},
            ),
        ),
        ("this year", ("this year", {"when": "1962", "cert": "medium"})),
        ("last year", ("last year", {"when": "1961", "cert": "medium"})),
        (
            "particularly in the last year",
            (
                "the last year",
                {"notBefore": "1961-08-27", "notAfter": "1962-08-27", "cert": "medium"},
            ),
        ),
        ("in the coming year", ("the coming year", {"when": "1963", "cert": "medium"})),
        ("passed last November on", ("last November", {"when": "1961-11", "cert": "medium"})),
        # a month alone after a word of time: the year nearest the document's date ("since":
        # the last such month the document has seen begin)
        ("In August they asked", ("August", {"when": "1962-08", "cert": "medium"})),
        ("a plenum in October", ("October", {"when": "1962-10", "cert": "medium"})),
        ("in March the", ("March", {"when": "1962-03", "cert": "medium"})),
        ("in February the", ("February", {"when": "1963-02", "cert": "medium"})),
        ("since December the", ("December", {"when": "1961-12", "cert": "medium"})),
        # … unless the year is said: "of last year", "this year" (nearest would be 1962)
        (
            "I came in September of last year.",
            ("September of last year", {"when": "1961-09", "cert": "medium"}),
        ),
        ("in February this year", ("February this year", {"when": "1962-02", "cert": "medium"})),
        (
            "on 5 September of the previous year",
            ("5 September of the previous year", {"when": "1961-09-05", "cert": "medium"}),
        ),
        (
            "from September to November",
            (
                "September to November",
                {"notBefore": "1962-09-01", "notAfter": "1962-11-30", "cert": "medium"},
            ),
        ),
        (
            "by December-January",
            (
                "December-January",
                {"notBefore": "1962-12-01", "notAfter": "1963-01-31", "cert": "medium"},
            ),
        ),
        (
            "during June and July",
            (
                "June and July",
                {"notBefore": "1962-06-01", "notAfter": "1962-07-31", "cert": "medium"},
            ),
        ),
        (
            "in mid-October of this year",
            (
                "mid-October of this year",
                {"notBefore": "1962-10-11", "notAfter": "1962-10-20", "cert": "medium"},
            ),
        ),
        (
            "in the summer of 1961,",
            (
                "summer of 1961",
                {"notBefore": "1961-06-01", "notAfter": "1961-08-31", "cert": "medium"},
            ),
        ),
        (
            "in the first half of 1963 the",
            ("first half of 1963", {"notBefore": "1963-01-01", "notAfter": "1963-06-30"}),
        ),
        (
            "in the fourth quarter of 1962 the",
            ("fourth quarter of 1962", {"notBefore": "1962-10-01", "notAfter": "1962-12-31"}),
        ),
        # a third of a year ("mid-October" is a month's second ten days), or a quarter
        (
            "in mid-1962 the",
            ("mid-1962", {"notBefore": "1962-05-01", "notAfter": "1962-08-31", "cert": "medium"}),
        ),
        (
            "until early 1963 when",
            ("early 1963", {"notBefore": "1963-01-01", "notAfter": "1963-04-30", "cert": "medium"}),
        ),
        (
            "Late 1962 saw",
            ("Late 1962", {"notBefore": "1962-09-01", "notAfter": "1962-12-31", "cert": "medium"}),
        ),
        ("in Q3 1963 the", ("Q3 1963", {"notBefore": "1963-07-01", "notAfter": "1963-09-30"})),
        # … and as a phrase says it
        (
            "at the beginning of 1963 he",
            (
                "the beginning of 1963",
                {"notBefore": "1963-01-01", "notAfter": "1963-04-30", "cert": "medium"},
            ),
        ),
        (
            "by the end of 1963 the",
            (
                "the end of 1963",
                {"notBefore": "1963-09-01", "notAfter": "1963-12-31", "cert": "medium"},
            ),
        ),
        # a winter, with both its years
        (
            "in the winter of 1962/63 the",
            (
                "winter of 1962/63",
                {"notBefore": "1962-12-01", "notAfter": "1963-02-28", "cert": "medium"},
            ),
        ),
        # a season without "of", as "the autumn of 1962"
        (
            "in autumn 1962 the",
            (
                "autumn 1962",
                {"notBefore": "1962-09-01", "notAfter": "1962-11-30", "cert": "medium"},
            ),
        ),
        ("in the 1950s the", ("1950s", {"notBefore": "1950", "notAfter": "1959"})),
        # two years with a slash, as an economic year is written
        ("the targets for 1962/63 will", ("1962/63", {"notBefore": "1962", "notAfter": "1963"})),
        ("in the 1960's the", ("1960's", {"notBefore": "1960", "notAfter": "1969"})),
        ("leaving tomorrow", ("tomorrow", {"when": "1962-08-28", "cert": "medium"})),
        # a day between "the" and a word in small letters is a day ("the February 8 Vinalon
        # Factory" is a name)
        ("the August 20 meeting", ("August 20", {"when": "1962-08-20", "cert": "medium"})),
        # a part of the document's month, or of the month before or after it
        (
            "I will inform Moscow early next month.",
            (
                "early next month",
                {"notBefore": "1962-09-01", "notAfter": "1962-09-10", "cert": "medium"},
            ),
        ),
        (
            "at the end of this month",
            (
                "the end of this month",
                {"notBefore": "1962-08-21", "notAfter": "1962-08-31", "cert": "medium"},
            ),
        ),
        (
            "in the second half of last month",
            (
                "the second half of last month",
                {"notBefore": "1962-07-16", "notAfter": "1962-07-31", "cert": "medium"},
            ),
        ),
        # a day of the week before or after the document's (a Monday)
        ("Last Sunday he came", ("Last Sunday", {"when": "1962-08-26", "cert": "medium"})),
        ("until next Monday", ("next Monday", {"when": "1962-09-03", "cert": "medium"})),
        ("since last Monday", ("last Monday", {"when": "1962-08-20", "cert": "medium"})),
        # a day further: the whole phrase ("yesterday" alone had been the day before)
        (
            "The day before yesterday he came",
            ("The day before yesterday", {"when": "1962-08-25", "cert": "medium"}),
        ),
        (
            "leaving the day after tomorrow",
            ("the day after tomorrow", {"when": "1962-08-29", "cert": "medium"}),
        ),
        # a part of a month with no year: the year that puts it nearest the document
        (
            "in late July he",
            ("late July", {"notBefore": "1962-07-21", "notAfter": "1962-07-31", "cert": "medium"}),
        ),
        (
            "until early January",
            (
                "early January",
                {"notBefore": "1963-01-01", "notAfter": "1963-01-10", "cert": "medium"},
            ),
        ),
        (
            "in the night of 11/12 June a delegation",
            ("11/12 June", {"notBefore": "1962-06-11", "notAfter": "1962-06-12", "cert": "medium"}),
        ),
        # halves of a month, and its ten-day periods (the Russian dekada)
        (
            "expected in the second half of September",
            (
                "the second half of September",
                {"notBefore": "1962-09-16", "notAfter": "1962-09-30", "cert": "medium"},
            ),
        ),
        (
            "in the first half of June 1963 the",
            (
                "the first half of June 1963",
                {"notBefore": "1963-06-01", "notAfter": "1963-06-15", "cert": "medium"},
            ),
        ),
        (
            "in the last decade of February 1963",
            (
                "the last decade of February 1963",
                {"notBefore": "1963-02-21", "notAfter": "1963-02-28", "cert": "medium"},
            ),
        ),
        (
            "in the first days of April he",
            (
                "the first days of April",
                {"notBefore": "1962-04-01", "notAfter": "1962-04-10", "cert": "medium"},
            ),
        ),
        (
            "during the first ten days of October",
            (
                "the first ten days of October",
                {"notBefore": "1962-10-01", "notAfter": "1962-10-10", "cert": "medium"},
            ),
        ),
        (
            "in the middle of July",
            (
                "the middle of July",
                {"notBefore": "1962-07-11", "notAfter": "1962-07-20", "cert": "medium"},
            ),
        ),
    ],
)
def test_dates_resolved_against_the_document(text, expected):
    assert dates(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "between 28 April and 3 May 1963 the",
            ("28 April and 3 May 1963", {"notBefore": "1963-04-28", "notAfter": "1963-05-03"}),
        ),
        (
            "from 30 December until 2 January 1963 he",
            (
                "30 December until 2 January 1963",
                {"notBefore": "1962-12-30", "notAfter": "1963-01-02"},
            ),
        ),
        (
            "between 28 April 1963 and 3 May the",
            ("28 April 1963 and 3 May", {"notBefore": "1963-04-28", "notAfter": "1963-05-03"}),
        ),
        (
            "from 28 April to 3 May they",
            (
                "28 April to 3 May",
                {"notBefore": "1962-04-28", "notAfter": "1962-05-03", "cert": "medium"},
            ),
        ),
    ],
)
def test_two_days_of_two_months_between_them_are_a_range(text, expected):
    """ "between 28 April and 3 May 1963": one range, the first day in the year that puts it
    before the last."""
    assert dates(text) == [expected]


def test_two_days_that_are_no_range_across_months_stay_apart():
    assert [d[0] for d in dates("on 28 April and 3 May 1963")] == ["28 April", "3 May 1963"]
    assert [d[0] for d in dates("between 3 May and 28 April 1963")] == ["3 May", "28 April 1963"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the year a sentence opens with is its months' and days'
        (
            "In 1963 the CC held two plenums (in March and in September).",
            [("1963", "1963"), ("March", "1963-03"), ("September", "1963-09")],
        ),
        (  # … up to the sentence's end, or a semicolon's: what follows may be of another
            "During 1962 the delegation came on 5 May; it left in June.",
            [("1962", "1962"), ("5 May", "1962-05-05"), ("June", "1964-06")],
        ),
        # … not a year inside the sentence, nor a range of years: the year that puts the month
        # nearest the document's date
        (
            "Relations, bad since 1956, improved in March.",
            [("1956", "1956"), ("March", "1964-03")],
        ),
        ("In 1958–1960 and in March", [("1958–1960", None), ("March", "1964-03")]),
    ],
)
def test_months_and_days_are_of_the_year_their_sentence_opens_with(text, found):
    assert [(t, a.get("when")) for t, a in dates(text, anchor="December 28, 1963")] == found


def test_day_and_month_take_the_nearest_year():
    assert dates("on 28 December", anchor="January 3, 1963") == [
        ("28 December", {"when": "1962-12-28", "cert": "medium"})
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Two days after the conversation",
        "It is not like that today",
        "a 600,000-strong army",
        "1 hour 15 minutes",
        "the 22nd congress",
        "0066/1962",
        "they may come on 2 may",
        "August 0",
        "31 February",
        "file No. 1950s/2",
        # a month's name with no word of time before it, or a holiday's
        "May I ask",
        "at the May Day parade",
        "the December Plenum",
        # a day in Roman numerals without its stop or a word before it: a section's number
        "section 2.IV of",
        # … or in figures without a word of date before it, or a year after it (a number)
        "see 12.3. above",
        "until 12.10. he",  # as often ten past twelve
        "on 28.3 hectares",
        "on 31.2. he",
        "see 4.11.63 above",  # a section's number, though its last figures could be a year
        "on 31.2.63 he",
        "the 5th of this month's plan",  # a numbered thing of the month, not its day
        # what is named after a day, as Korean works and places are
        "visited the February 8 Vinalon Factory in Hamhung",
        "at The April 25 Hotel",
    ],
)
def test_what_cannot_be_resolved_honestly_stays_unmarked(text):
    assert dates(text) == []


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("your letter of the 3rd inst.", "1962-08-03"),
        ("our note of the 28th ult. and", "1962-07-28"),
        ("on the 2nd prox.", "1962-09-02"),
        ("of 31 ult.", "1962-07-31"),
        # in words: the document's month even for a day after the document's (27 August)
        ("they met on the 5th of this month", "1962-08-05"),
        ("we propose to meet on the 30th of this month.", "1962-08-30"),
        ("on the 2nd of next month", "1962-09-02"),
        ("by the 10th of the current month", "1962-08-10"),
        ("the 12th of last month", "1962-07-12"),
    ],
)
def test_a_day_of_the_letter_s_month_or_of_the_one_before_or_after(text, when):
    ((_, attributes),) = dates(text)
    assert attributes == {"when": when, "cert": "medium"}


@pytest.mark.parametrize(
    ("text", "when"),
    [
        # a telegram's day alone, at a sentence's head: the document's month (27 August)
        ("On the 14th Soviet Ambassador Moskovsky told me", "1962-08-14"),
        ("On the 27th, he left.", "1962-08-27"),
        # … or, for a day after the document's, the month before
        ("On the 30th Kim came.", "1962-07-30"),
        # inside a sentence, a stop or "of this month" after it
        ("he would answer on the 20th, after the plenum", "1962-08-20"),
    ],
)
def test_a_day_alone_is_of_the_document_s_month_inferred(text, when):
    (_, attributes), *_ = dates(text)
    assert attributes == {"when": when, "cert": "low"}


@pytest.mark.parametrize(
    "text",
    [
        "On the 22nd Congress the line changed.",  # a numbered thing, not a day
        "on the 14th he came",  # inside a sentence, a word after it
        "they lived on the 3rd floor.",
        "On the 14th of the list",  # a small letter after it
        "On the 31st July",  # a month's name: the day and month as such
    ],
)
def test_no_day_alone_in_other_uses_of_an_ordinal(text):
    assert all(attributes.get("cert") != "low" for _, attributes in dates(text))


def test_a_day_of_the_letter_s_month_needs_a_known_month():
    assert dates("the 3rd inst.", anchor="1962") == []
    assert dates("the 31st prox.") == []  # September has 30 days
    assert dates("the instance of 3 results") == []


def test_tomorrow_needs_a_known_day():
    assert dates("leaving tomorrow", anchor="____ November 1962") == []


def test_a_month_before_the_anchor_month_is_this_year_when_last():
    assert dates("last March", anchor="November 14, 1962") == [
        ("last March", {"when": "1962-03", "cert": "medium"})
    ]


def test_dates_are_text_in_tei():
    p = element("p")
    mark_up(p, "on 22 August & 1956", [DocumentDates(parse_date("August 27, 1962"))])
    assert etree.tostring(p, encoding="unicode").count("&amp;") == 1


# Each explicit form, whole, and what may stand right before or after one.
DATE_PIECES = [
    "14 August 1962",
    "August 14, 1962",
    "aug. 3 1963",
    "____ November 1962",
    "… Sept 1962",
    "26 X 63",
    "12.IX.1963",
    "14.08.1962",
    "1962-08-14",
    "November 1962",
    "15th of August 1962",
    "August-September 1962",
    "30 April–2 May 1963",
    "April 30 - May 2, 1963",
    "28 April to 3 May 1963",
    "1961-62",
    "1962/63",
    '"6" May 1963',
    "«12» June 1963",
    '"',
    "–1965",
    "1950",
    "s",
    "'s",
    "5-6",
    "1",
    "x",
    ".",
    ",",
    "-",
    "/",
    " ",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(DATE_PIECES), max_size=8).map("".join))
def test_looking_first_for_a_forms_first_character_finds_the_same_dates(text):
    forms = [form for form in EXPLICIT_PATTERNS if form is not QUOTED_DAY]
    for searched, form in zip(datings._EXPLICIT, forms, strict=False):
        plain = re.compile(
            datings._BOUNDARY_BEFORE + form.pattern + datings._BOUNDARY_AFTER, form.flags
        )
        assert [m.span() for m in searched.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ]
    # the day in quotation marks, found by its day, then the mark before it
    plain = re.compile(
        datings._BOUNDARY_BEFORE + QUOTED_DAY.pattern + datings._BOUNDARY_AFTER, QUOTED_DAY.flags
    )
    assert [(m.start() - 1, m.end()) for m in datings._QUOTED_DAY.finditer(text)] == [
        m.span() for m in plain.finditer(text)
    ]
    year = re.compile(
        r"(?<![\w.,/-])(?P<year>1[89]\d\d|20\d\d)(?:[-–/](?:(?:1[89]|20)\d\d|\d\d)|(?<=0)'?s)?"
        r"(?![\w/-]|\.\d|,\d)"
    )
    assert [m.span() for m in datings._YEAR.finditer(text)] == [
        m.span() for m in year.finditer(text)
    ]


# Every phrase and form the finders know, in cases a transcript may write them, and what may
# stand between them.
PHRASE_PIECES = [
    "last year",
    "THE PAST YEAR",
    "Next Year",
    "the coming  year",
    "this YEAR",
    "mid-June of this year",
    "Early July 1963",
    "the end of May of last year",
    "last March",
    "NEXT December",
    "Tomorrow",
    "YESTERDAY",
    "yeſterday",
    "the summer of 1961",
    "AUTUMN OF 1963",
    "ſpring of 1962",
    "the First Half of 1963",
    "LAST QUARTER OF 1962",
    "late June",
    "the Second Half of May",
    "THE LAST DECADE OF MAY 1963",
    "the first ten days of June",
    "xlast year",
    "on 22 August",
    "August 22nd",
    "1956",
    "of",
    "year",
    "June",
    " ",
    "-",
    ".",
    ",",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PHRASE_PIECES), max_size=8).map("".join))
@example("ſpring of 1962, xlast year and Last year, the First Half of 1963; YESTERDAY")
def test_a_phrase_s_first_letters_looked_for_first_find_the_same_dates(text):
    """Each phrase looks ahead for the letters it can begin with: the same matches as the
    phrase without that look-ahead."""
    for pattern in (
        datings._PART_OF_YEAR,
        datings._RELATIVE_YEAR,
        datings._ROLLING_YEAR,
        datings._RELATIVE_MONTH,
        datings._PART_OF_MONTH,
        datings._NEXT_DAY,
    ):
        assert pattern.pattern.startswith("(?=[")
        plain = re.compile(pattern.pattern.split(")", 1)[1], pattern.flags)
        assert [m.span() for m in pattern.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PHRASE_PIECES + DATE_PIECES), max_size=8).map("".join))
def test_a_finder_is_skipped_only_where_it_could_find_nothing(text):
    """What a finder needs is looked for before it is tried: wherever it finds a date, that
    is in the text."""
    for finder, needs in DocumentDates(parse_date("August 27, 1962")).finders():
        if list(finder(text)):
            assert all(need(text) for need in needs), (finder.__name__, text)


@pytest.mark.parametrize("text", ["on 6-5 March", "on 30-31 April 1963 the", "on 3-4-5 May"])
def test_days_that_make_no_range_make_no_range(text):
    """A range that ends before it begins, or in a day its month lacks, is no range of days
    (what else the words hold may still be a date: "April 1963")."""
    assert all("notBefore" not in attributes for _, attributes in dates(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Between 6 and 9 September the Politburo met.",
            ("6 and 9 September", {"notBefore": "1962-09-06", "notAfter": "1962-09-09"}),
        ),
        (
            "from 6th to 9th May 1963 it ran",
            ("6th to 9th May 1963", {"notBefore": "1963-05-06", "notAfter": "1963-05-09"}),
        ),
        (  # a night, and a session, "of … to …"
            "on the night of 5 to 6 June they left",
            ("5 to 6 June", {"notBefore": "1962-06-05", "notAfter": "1962-06-06"}),
        ),
        (  # the period a journal covers
            "JOURNAL of the USSR Ambassador for 4 to 11 March 1963",
            ("4 to 11 March 1963", {"notBefore": "1963-03-04", "notAfter": "1963-03-11"}),
        ),
    ],
)
def test_days_written_out_between_two_numbers_are_a_range(text, expected):
    (found,) = dates(text)
    assert (found[0], {k: v for k, v in found[1].items() if k != "cert"}) == expected


@pytest.mark.parametrize(
    "text",
    [
        "on 6 and 9 September",
        "the letters of 6 and 9 September",  # two days listed, not a range
        "the reports for 6 and 9 September",
        "between 12 and 9 September",
        "between 1962 and 9 September",
    ],
)
def test_two_days_that_are_no_range_written_out_stay_apart(text):
    """ "On 6 and 9 September" names two days; a first day after the last is no range."""
    assert dates(text)[-1] == ("9 September", {"when": "1962-09-09", "cert": "medium"})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on 6 and 9 September", [("6", "1962-09-06"), ("9 September", "1962-09-09")]),
        (
            "of 3, 5 and 9 May 1963",
            [("3", "1963-05-03"), ("5", "1963-05-05"), ("9 May 1963", "1963-05-09")],
        ),
        (
            "on 5th, 7th, and 9th June",
            [("5th", "1962-06-05"), ("7th", "1962-06-07"), ("9th June", "1962-06-09")],
        ),
        # either day
        ("on the 12th or 13th of March", [("12th", "1962-03-12"), ("13th of March", "1962-03-13")]),
    ],
)
def test_days_listed_before_a_date_are_each_a_date_of_its_month(text, expected):
    found = dates(text)
    assert [(written, attributes["when"]) for written, attributes in found] == expected
    # each as certain as the date that names their month
    assert len({attributes.get("cert") for _, attributes in found}) == 1


@pytest.mark.parametrize(
    "text", ["the winter of 1963 came", "the winter of 1962/64", "the summer of 1962/63"]
)
def test_a_winter_without_both_its_years_and_other_seasons_of_two_years_are_no_dates(text):
    assert all("winter" not in written and "summer" not in written for written, _ in dates(text))


@pytest.mark.parametrize("text", ["on 12 and 9 September", "I came on 1962 and 9 September"])
def test_days_listed_out_of_order_or_no_days_are_no_dates(text):
    assert "12" not in [written for written, _ in dates(text)]
    assert dates(text)[-1][0] == "9 September"


def test_a_paragraph_in_capitals_has_its_dates():
    assert dates("ON 29 OCTOBER THE AMBASSADOR INFORMED THE AMBASSADORS OF IT.") == [
        ("29 OCTOBER", {"when": "1962-10-29", "cert": "medium"})
    ]


def times(text):
    p = element("p")
    mark_up(p, text, [datings.TimesOfDay()])
    return [(t.text, t.get("when")) for t in p.iter("{*}time")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("from 4:00 p.m. to 5:30 p.m.", [("4:00 p.m.", "16:00:00"), ("5:30 p.m.", "17:30:00")]),
        ("at 11 a.m. he came", [("11 a.m.", "11:00:00")]),
        ("at 12 p.m. or 12 a.m.", [("12 p.m.", "12:00:00"), ("12 a.m.", "00:00:00")]),
        (
            "sent at 17:00, received at 09:15 hours",
            [("17:00", "17:00:00"), ("09:15 hours", "09:15:00")],
        ),
        ("at 10.30 a.m.", [("10.30 a.m.", "10:30:00")]),
        # a range that gives a.m. or p.m. once, at its end
        ("3:00–4:10 p.m.", [("3:00", "15:00:00"), ("4:10 p.m.", "16:10:00")]),
        # … with a hyphen for the dash, as a copy types it
        ("3:00-4:15 p.m.", [("3:00", "15:00:00"), ("4:15 p.m.", "16:15:00")]),
        ("10.00-12.30 hrs", [("10.00", "10:00:00"), ("12.30 hrs", "12:30:00")]),
        ("the Il-18 p.m. flight", []),
        ("11:30 - 1 p.m.", [("11:30", "11:30:00"), ("1 p.m.", "13:00:00")]),
        ("10–12 p.m.", [("10", "10:00:00"), ("12 p.m.", "12:00:00")]),
        ("10:00–11:00 a.m.", [("10:00", "10:00:00"), ("11:00 a.m.", "11:00:00")]),
        # with a stop and its unit, on the 24-hour clock, also as a range's end
        ("at 10.00 hrs. on 5 March", [("10.00 hrs", "10:00:00")]),
        ("10.00–12.30 hrs", [("10.00", "10:00:00"), ("12.30 hrs", "12:30:00")]),
        # a range in words: "from … to …", "between … and …"
        ("from 16.00 to 17.30 hrs", [("16.00", "16:00:00"), ("17.30 hrs", "17:30:00")]),
        ("between 3 and 4 p.m.", [("3", "15:00:00"), ("4 p.m.", "16:00:00")]),
        ("from 10 until 11 a.m.", [("10", "10:00:00"), ("11 a.m.", "11:00:00")]),
        ("from 1962 to 4 p.m.", [("4 p.m.", "16:00:00")]),
        ("from 09.30 hours", [("09.30 hours", "09:30:00")]),
        ("at 14:00 hrs", [("14:00 hrs", "14:00:00")]),  # the unit after a colon's time too
        # a telegram in capitals: the unit and the word of time in capitals
        (
            "SENT AT 14.00 HRS, RECEIVED AT 09.30",
            [("14.00 HRS", "14:00:00"), ("09.30", "09:30:00")],
        ),
        ("a 2.50 hours flight", []),  # as often how long as when
        ("at 25.00 hrs", []),
        ("in 1962–4 p.m.", [("4 p.m.", "16:00:00")]),  # no hour of the clock before the dash
        # no clock: a ratio, a verse, a version, an hour past 12 with p.m., a longer number
        ("a ratio of 3:15", []),
        ("at 13 p.m.", []),
        ("paragraphs 12:30:45", []),
        ("the 1962-11:30 file", []),
        # without a unit, after a word of time: "at", "until", "from … to", "between … and"
        ("On 12 September, at 11.00, I called", [("11.00", "11:00:00")]),
        ("lasted until 13.15.", [("13.15", "13:15:00")]),
        ("At 9:30 he came", [("9:30", "09:30:00")]),
        ("from 10.00 to 11.30, at my request", [("10.00", "10:00:00"), ("11.30", "11:30:00")]),
        ("between 9.00 and 10.15", [("9.00", "09:00:00"), ("10.15", "10:15:00")]),
        # … but not a price, a measure or a quantity that grew
        ("wheat at 2.50 rubles per pood", []),
        ("estimated at 12.30", []),
        ("from 10.20 to 12.30 %", []),
        ("rose from 10.00 to 11.30", []),
        ("from 10.00 alone", []),
        ("see the table at 3.12.5", []),
        ("at 24.00", []),
        # "o'clock" with the half of the day the hour or the words after it tell
        ("at 4 o'clock in the afternoon", [("4 o'clock in the afternoon", "16:00:00")]),
        ("at 18 o'clock", [("18 o'clock", "18:00:00")]),
        ("at 11 o’clock at night", [("11 o’clock at night", "23:00:00")]),
        ("at 2 o'clock at night", [("2 o'clock at night", "02:00:00")]),
        ("at 10 o'clock in the morning", [("10 o'clock in the morning", "10:00:00")]),
        ("at 7.30 o'clock in the evening", [("7.30 o'clock in the evening", "19:30:00")]),
        ("at 10 o'clock", []),  # morning or evening: unsaid
        # the hours words give, not "afternoon"
        ("at noon, and at midnight", [("noon", "12:00:00"), ("midnight", "00:00:00")]),
        ("Noon came; in the afternoon he left", [("Noon", "12:00:00")]),
        # … and the figures before the word, one time with it
        (
            "from 10:00 a.m. to 12:00 noon",
            [("10:00 a.m.", "10:00:00"), ("12:00 noon", "12:00:00")],
        ),
        ("until 12 midnight", [("12 midnight", "00:00:00")]),
        # a dateline's hour after its day's date, ending the line
        ("Pyongyang, 14 March 1963, 18.40", [("18.40", "18:40:00")]),
        ("Arrived: 15 March 1963, 07.15.\nNo. 47", [("07.15", "07:15:00")]),
        ("Pyongyang, 5.III.1963, 9.15", [("9.15", "09:15:00")]),
        ("in 1963, 18.40", []),  # a year alone: a figure of it, perhaps
        ("on 14 March 1963, 18.40 tons", []),
    ],
)
def test_times_of_day(text, expected):
    assert times(text) == expected


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        # the months a document of late August looks back on: this year's, though January
        # alone would be next year's
        ("from January to July", "August 30, 1962", ("1962-01-01", "1962-07-31")),
        ("in February–March", "December 12, 1963", ("1964-02-01", "1964-03-31")),
        ("from November to February", "August 30, 1962", ("1962-11-01", "1963-02-28")),
    ],
)
def test_months_without_their_year_take_the_year_that_puts_them_all_nearest(text, anchor, expected):
    ((_, attributes),) = dates(text, anchor=anchor)
    assert (attributes["notBefore"], attributes["notAfter"]) == expected
