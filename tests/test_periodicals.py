"""The titles of periodicals a text names: title level="j"."""

import pytest
from lxml import etree

from teiedition.markup.inline import mark_up
from teiedition.markup.periodicals import Periodicals
from teiedition.markup.tei import element


def titles(text: str) -> list[str]:
    p = element("p")
    mark_up(p, text, [Periodicals()])
    return [t.text for t in p.iter("{*}title") if t.get("level") == "j"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rodong Sinmun reprinted it", ["Rodong Sinmun"]),
        ("the Nodong Sinmun of 5 May", ["Nodong Sinmun"]),  # another romanisation
        ("an editorial of People's Daily and of Pravda.", ["People's Daily", "Pravda"]),
        ("Renmin Ribao and Renmin Bao", ["Renmin Ribao", "Renmin Bao"]),  # the longer first
        ("in Népszabadság", ["Népszabadság"]),
    ],
)
def test_titles_the_data_lists_in_their_forms(text, expected):
    assert titles(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "the Pravdas of the week",  # not a word's beginning alone
        "Dünen und Unentschieden",  # inside another word
        "the pravda of the matter",  # in another case
        "Pro-Pravda circles",
    ],
)
def test_no_title_inside_other_words(text):
    assert titles(text) == []


def test_a_title_stays_text_in_tei():
    p = element("p")
    mark_up(p, "<b>Pravda</b> & co", [Periodicals()])
    assert etree.tostring(p, encoding="unicode").endswith(
        '&lt;b&gt;<title level="j">Pravda</title>&lt;/b&gt; &amp; co</p>'
    )
