import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from teiedition.dates import MONTHS, parse_date
from teiedition.patterns import by_first_letter


@pytest.mark.parametrize(
    ("text", "attributes"),
    [
        ("November 1, 1962", {"when": "1962-11-01"}),
        ("14 August 1962", {"when": "1962-08-14"}),
        ("August 14, 1962", {"when": "1962-08-14"}),
        ("26 X 63", {"when": "1963-10-26"}),
        ("12.IX.1963", {"when": "1963-09-12"}),
        ("5/III/1963", {"when": "1963-03-05"}),
        ("2.VI.1964", {"when": "1964-06-02"}),
        # days of a month in Roman numerals
        ("3-4.VII.1963", {"notBefore": "1963-07-03", "notAfter": "1963-07-04"}),
        ("11/12 VI 1963", {"notBefore": "1963-06-11", "notAfter": "1963-06-12"}),
        ("14.08.1962", {"when": "1962-08-14"}),
        ("03.06.1963", {"when": "1963-06-03"}),  # day first, as Europe writes it
        ("10.22.1963", {"when": "1963-10-22"}),  # … month first where only that can be
        ("Sept. 3, 1962", {"when": "1962-09-03"}),
        ("November 1962", {"when": "1962-11"}),
        ("1956", {"when": "1956"}),
        ("____ November 1962", {"notBefore": "1962-11-01", "notAfter": "1962-11-30"}),
        ("… February 1964", {"notBefore": "1964-02-01", "notAfter": "1964-02-29"}),
        # the day in quotation marks, as Russian letters date them
        ('"6" May 1963', {"when": "1963-05-06"}),
        ("«12» June 1963", {"when": "1963-06-12"}),
        ('"___" June 1963', {"notBefore": "1963-06-01", "notAfter": "1963-06-30"}),  # blank
        ("5-6 March 1963", {"notBefore": "1963-03-05", "notAfter": "1963-03-06"}),
        ("11/12 June 1963", {"notBefore": "1963-06-11", "notAfter": "1963-06-12"}),  # a night
        # a range of days across two months
        ("30 April–2 May 1963", {"notBefore": "1963-04-30", "notAfter": "1963-05-02"}),
        ("April 30 - May 2, 1963", {"notBefore": "1963-04-30", "notAfter": "1963-05-02"}),
        ("28 April to 3 May 1963", {"notBefore": "1963-04-28", "notAfter": "1963-05-03"}),
        # … its month written again: days of one month
        ("July 1 to July 10, 1963", {"notBefore": "1963-07-01", "notAfter": "1963-07-10"}),
        ("1 July – 10 July 1963", {"notBefore": "1963-07-01", "notAfter": "1963-07-10"}),
        ("28–29 February 1964", {"notBefore": "1964-02-28", "notAfter": "1964-02-29"}),
        ("March 5 - 7, 1963", {"notBefore": "1963-03-05", "notAfter": "1963-03-07"}),
        ("15th of August 1962", {"when": "1962-08-15"}),
        ("August-September 1962", {"notBefore": "1962-08-01", "notAfter": "1962-09-30"}),
        ("1961-62", {"notBefore": "1961", "notAfter": "1962"}),
        ("1962–1965", {"notBefore": "1962", "notAfter": "1965"}),
        ("1962/63", {"notBefore": "1962", "notAfter": "1963"}),
        ("1963.IV.28", {"when": "1963-04-28"}),  # year first
        ("1963. 04. 28", {"when": "1963-04-28"}),
        # two whole dates, each with its year, as the archive dates a page of several days
        (
            "November 1, 1962 - November 3, 1962",
            {"notBefore": "1962-11-01", "notAfter": "1962-11-03"},
        ),
        (
            "December 30, 1962 – January 2, 1963",
            {"notBefore": "1962-12-30", "notAfter": "1963-01-02"},
        ),
        ("March 1963 - May 1963", {"notBefore": "1963-03", "notAfter": "1963-05"}),
        ("12.IX.1963 to 14.IX.1963", {"notBefore": "1963-09-12", "notAfter": "1963-09-14"}),
        # after the day of the week, as a journal dates its entries
        ("Monday, 19 August 1963", {"when": "1963-08-19"}),
        ("Monday, August 19, 1963", {"when": "1963-08-19"}),
        ("Thursday 22.VIII.1963", {"when": "1963-08-22"}),
    ],
)
def test_date_forms(text, attributes):
    value = parse_date(text, anchor_year=1962)
    assert value is not None and value.attributes() == attributes


@pytest.mark.parametrize("text", ["13.13.1963", "33.10.1963", "05/06/1963"])
def test_figures_no_calendar_reads_one_way_are_no_date(text):
    assert parse_date(text, anchor_year=1962) is None


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("20 August 1963.", "20 August 1963"),  # the sentence's stop
        ("14.3.1963.", "14.3.1963"),
        ("28.IX.1963", "28.IX.1963"),
    ],
)
def test_a_final_stop_ends_the_sentence_not_the_date(text, written):
    assert parse_date(text, anchor_year=1963).text == written


@pytest.mark.parametrize(
    ("text", "attributes"),
    [
        ("Circa March 1963", {"when": "1963-03", "cert": "low"}),
        ("c. 1963", {"when": "1963", "cert": "low"}),
        ("ca. 12 May 1963.", {"when": "1963-05-12", "cert": "low"}),
        ("approximately 1962-1963", {"notBefore": "1962", "notAfter": "1963", "cert": "low"}),
    ],
)
def test_a_date_the_line_says_is_approximate_is_uncertain(text, attributes):
    value = parse_date(text, anchor_year=1963)
    assert value.attributes() == attributes and value.text == text.rstrip(".")
    assert parse_date("c. Moskovsky") is None and parse_date("Circa") is None


@pytest.mark.parametrize(
    "text",
    [
        "Top secret",
        "x 63",
        "February 30, 1963",
        "31 IV 62",
        "Nr 2421",
        "6-5 March 1963",  # a range that ends before it begins
        "4-3.VII.1963",
        "28-30 February 1963",  # a day the month does not have
        "September-August 1962",  # months backwards
        "1962-1960",  # years backwards
        "1962-12",  # may be December 1962: not guessed
        "November 3, 1962 - November 1, 1962",  # two dates backwards
        "November 1, 1962 - Moscow",
        "November 1 - November 3",  # no year
        "1 May 1963 - 2 May 1963 - 3 May 1963",  # a chain of dates, no one range
        "1963.13.28",
        # a year whose first figure is 0: none an XML date can hold, or a file's number
        "0000",
        "0066",
        "5.III.0000",
    ],
)
def test_not_dates(text):
    assert parse_date(text, anchor_year=1962) is None


def test_a_long_chain_of_dates_or_of_words_for_circa_is_no_date_and_no_failure():
    # each link had been parsed as a range of the rest: a RecursionError past 1,000 links
    assert parse_date(" - ".join(["August 27, 1962"] * 2000)) is None
    assert parse_date("c. " * 2000 + "1963") is None


def test_two_digit_year_takes_the_nearest_century():
    assert parse_date("26 X 63", anchor_year=1962).when == "1963-10-26"
    assert parse_date("26 X 03", anchor_year=1999).when == "2003-10-26"


def test_overlap_of_day_and_month():
    assert parse_date("November 1, 1962").overlaps(parse_date("____ November 1962"))
    assert not parse_date("26 X 63").overlaps(parse_date("November 1, 1962"))


_MONTH_WORDS = sorted(MONTHS, key=len, reverse=True)


@given(
    st.lists(st.sampled_from([*_MONTH_WORDS, "Sept", "ſep", "X", " ", "."]), max_size=6).map(
        "".join
    )
)
def test_words_grouped_by_first_letter_match_as_one_list(text):
    """The month names grouped by their first letter: the same matches as the plain list,
    with and without regard to case."""
    grouped, plain = by_first_letter(_MONTH_WORDS), "|".join(_MONTH_WORDS)
    for flags in (0, re.IGNORECASE):
        assert [m.span() for m in re.finditer(grouped, text, flags)] == [
            m.span() for m in re.finditer(plain, text, flags)
        ]


def test_a_line_that_is_a_date_with_two_figures_for_its_year():
    """A dateline's "12.6.63" (in running text such figures may be anything: "3.1.12")."""
    assert parse_date("12.6.63", anchor_year=1963).attributes() == {"when": "1963-06-12"}
