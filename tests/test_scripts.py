"""Words in another script than the Latin: foreign, with their language."""

import lxml.html
import pytest
from conftest import FIXTURES, convert_path, xpath
from lxml import etree

from teiedition.markup.inline import mark_up
from teiedition.markup.scripts import ForeignScripts, declare_languages
from teiedition.markup.tei import XML_LANG, element
from teiedition.publish.html import HtmlPublisher
from teiedition.writers import serialise_tei


def foreign(text: str, original: str) -> list[tuple[str, str]]:
    p = element("p")
    mark_up(p, text, [ForeignScripts(original)])
    return [(e.text, e.get(XML_LANG)) for e in p.iter("{*}foreign")]


def test_a_script_that_writes_one_language_tells_it():
    text = "self-reliance (자력갱생, charyŏk kaengsaeng), in kana ひらがな, in Greek λόγος"
    assert foreign(text, "ru") == [("자력갱생", "ko"), ("ひらがな", "ja"), ("λόγος", "el")]


@pytest.mark.parametrize(
    ("original", "cyrillic", "han"),
    [("ru", "ru", "und-Hani"), ("zh", "und-Cyrl", "zh"), ("pl", "und-Cyrl", "und-Hani")],
)
def test_a_script_of_several_languages_is_the_original_s_when_it_writes_it(original, cyrillic, han):
    text = 'the term "хозрасчёт" and Kim Il Sung (金日成)'
    assert foreign(text, original) == [("хозрасчёт", cyrillic), ("金日成", han)]


def test_words_of_one_script_are_one_run_and_latin_text_has_none():
    assert foreign("he said: Ким Ир Сен – and left", "ru") == [("Ким Ир Сен", "ru")]
    # initials with their stops belong to the name; a stop that ends the run stays out
    assert foreign("Moskovsky (В. П. Московский), русск.: да", "ru") == [
        ("В. П. Московский", "ru"),
        ("русск", "ru"),
        ("да", "ru"),
    ]
    assert foreign("Kim Il Sung, Pak Sŏng-ch'ŏl, Moskovsky", "ru") == []


def test_foreign_words_stay_inside_a_quotation():
    p = element("p")
    mark_up(p, 'the term "хозрасчёт" was', [ForeignScripts("ru")])
    assert etree.tostring(p, encoding=str).endswith(
        '<q rend="straight"><foreign xml:lang="ru">хозрасчёт</foreign></q> was</p>'
    )


def test_a_language_the_translator_quotes_in_a_remark_is_declared_as_such():
    text = element("text")
    mark_up(text, 'by themselves [in German: "aus eigener Kraft"]')
    lang_usage = element("langUsage")
    declare_languages(lang_usage, text)
    assert [(u.get("ident"), u.text) for u in lang_usage] == [
        ("de", "German (words the translator quotes in it)")
    ]


def test_a_russian_record_s_foreign_words_in_its_tei_and_html(config, tmp_path):
    tree = convert_path(FIXTURES / "transcripts" / "page-other-scripts.txt", config)
    words = xpath(tree, "//tei:body//tei:foreign")
    assert [(w.text, w.get(XML_LANG)) for w in words] == [
        ("金日成", "und-Hani"),
        ("자력갱생", "ko"),
        ("хозрасчёт", "ru"),  # the original is Russian
    ]
    # the header lists the languages, the original's once
    usage = xpath(tree, "//tei:profileDesc/tei:langUsage/tei:language")
    assert [(u.get("ident"), u.text) for u in usage[2:]] == [  # in the order of the text
        ("und-Hani", "Undetermined, in Han characters (words quoted in their own script)"),
        ("ko", "Korean (words quoted in their own script)"),
    ]
    assert [u.get("ident") for u in usage[:2]] == ["en", "ru"]
    # the HTML tells the browser their language
    path = tmp_path / "doc.xml"
    path.write_bytes(serialise_tei(tree))
    page = lxml.html.fromstring(HtmlPublisher(config, config.xslt_dir).document_page(path))
    spans = page.xpath("//section[@class = 'text']//span[@lang]")
    assert [(s.text, s.get("lang")) for s in spans] == [
        ("金日成", "und-Hani"),
        ("자력갱생", "ko"),
        ("хозрасчёт", "ru"),
    ]
