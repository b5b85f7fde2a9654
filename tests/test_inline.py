"""Inline rules, one at a time: what each bracket, quotation mark and repair becomes."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from teiedition.dates import parse_date
from teiedition.markup import inline
from teiedition.markup.datings import DocumentDates
from teiedition.markup.inline import Break, Paragraph, Span, fragment, mark_up, ordinary_case
from teiedition.markup.tei import XML_LANG, element
from teiedition.markup.text import normalise, source_text


def xml(text_or_paragraph) -> str:
    el = fragment(text_or_paragraph)
    inner = (el.text or "") + "".join(etree.tostring(c, encoding="unicode") for c in el)
    return inner.replace(' xmlns="http://www.tei-c.org/ns/1.0"', "")


def test_supplied_words():
    assert (
        xml("[I] paid a visit")
        == '<supplied reason="omitted-in-original">I</supplied> paid a visit'
    )
    assert xml("historically formed [and] traditional") == (
        'historically formed <supplied reason="omitted-in-original">and</supplied> traditional'
    )


def test_a_paragraph_that_is_one_sentence_in_brackets_is_a_remark():
    assert xml("[The conversation ended at 5:30 p.m.]") == (
        '<note type="editorial" place="inline">The conversation ended at 5:30 p.m.</note>'
    )
    # not a bracketed word or phrase, nor a sentence within the text
    assert xml("[Yes]").startswith("<supplied")
    assert xml("He left. [Then they ate.]").endswith("</supplied>")


@pytest.mark.parametrize(
    "remark",
    ["Laughs.", "Long pause.", "Applause!", "laughs", "laughter", "long pause", "applause"],
)
def test_what_happened_in_a_word_or_two_is_a_remark(remark):
    assert xml(f"We will meet it. [{remark}]") == (
        f'We will meet it. <note type="editorial" place="inline">{remark}</note>'
    )


@pytest.mark.parametrize("gloss", ["i.e. against the CPSU", "that is, the CPSU", "namely the CPSU"])
def test_a_gloss_in_brackets_is_a_clarification(gloss):
    assert xml(f"articles against revisionism [{gloss}] appeared") == (
        f'articles against revisionism <supplied reason="clarification">{gloss}</supplied> appeared'
    )


def test_clarification_after_a_pronoun():
    assert xml("they [the Soviets] were") == (
        'they <supplied reason="clarification">the Soviets</supplied> were'
    )


def test_alternative_romanisation_is_kept_with_the_name():
    assert xml("Pak Seong-cheol [Pak Song Chol] was") == (
        'Pak Seong-cheol <supplied reason="alternative-name">Pak Song Chol</supplied> was'
    )
    assert "alternative-name" in xml("West Irian [West Papua],")
    # the name in its own script ("Wang Pu [王溥]"), no word left out of the original
    assert "alternative-name" in xml("Counsellor Wang Pu [王溥] spoke.")
    assert "alternative-name" in xml("Ambassador Puzanov [Пузанов] came.")
    assert "omitted-in-original" in xml("the [王溥] list")  # after no name


def test_a_name_supplied_before_a_name_is_no_alternative():
    assert xml("comrades [Nikita] Khrushchev") == (
        'comrades <supplied reason="omitted-in-original">Nikita</supplied> Khrushchev'
    )


def test_omissions_are_gaps():
    assert xml("further. […]") == 'further. <gap reason="editorial"/>'
    assert xml("each other. [...]") == 'each other. <gap reason="editorial"/>'


@pytest.mark.parametrize(
    ("text", "url"),
    [
        ("see https://example.org/a?id=1963&b=2.", "https://example.org/a?id=1963&b=2"),
        ("(at http://example.org/x)", "http://example.org/x"),
        ('"https://example.org/y" he wrote', "https://example.org/y"),
    ],
)
def test_a_web_address_is_a_link_and_nothing_is_marked_in_it(text, url):
    """A web address is `ref` with its target, its text as written: the sentence's stop or
    bracket after it is none of it, and no date nor name is marked inside it ("?id=1963")."""
    el = element_of(text, [DocumentDates(parse_date("March 3, 1963"))])
    (ref,) = el.iter("{*}ref")
    assert (ref.get("target"), ref.text, len(ref)) == (url, url, 0)
    assert normalise(source_text(el)) == text
    # only a web address: another scheme is text
    assert not list(fragment("javascript:alert(1) or ftp://example.org/z").iter("{*}ref"))


def element_of(text, annotators):
    el = element("p")
    mark_up(el, text, annotators)
    return el


def test_editorial_remark_is_a_note():
    assert xml("applied mechanically [emphasis in the original] the") == (
        'applied mechanically <note type="editorial" place="inline">emphasis in the original'
        "</note> the"
    )
    # what the translation was made from
    assert xml("[Translation from the Korean]").startswith('<note type="editorial"')
    # what is written on the document: its notations
    assert xml('[Notation on the document: "To Cde. Khrushchev."]').startswith(
        '<note type="editorial" place="inline">Notation on the document: '
    )


@pytest.mark.parametrize(
    "remark",
    [
        "the GDR Ambassador, who was in Berlin – translator's note",
        "sic – Ed.",
        "Kim Il (ed.)",
        "the Ministry—Tr.",
        "the five-year plan - transl.",
        "in Moscow, in July 1963 – B. Sz.",  # the translator's initials
    ],
)
def test_a_remark_signed_at_its_end_is_a_note(remark):
    assert xml(f"He told Hertzfeldt [{remark}] of this.") == (
        f'He told Hertzfeldt <note type="editorial" place="inline">{remark}</note> of this.'
    )


@pytest.mark.parametrize(
    ("remark", "extent"),
    [
        ("illegible", ""),
        ("two words illegible", ' quantity="2" unit="words"'),
        ("illegible word", ' quantity="1" unit="words"'),
        ("illegible 2 words", ' quantity="2" unit="words"'),
        ("one line unreadable", ' quantity="1" unit="lines"'),
        ("3 letters indecipherable", ' quantity="3" unit="chars"'),
    ],
)
def test_what_the_original_hides_is_a_gap_described_in_the_translator_s_words(remark, extent):
    assert xml(f"The word [{remark}] is.") == (
        f'The word <gap reason="illegible"{extent}><desc>{remark}</desc></gap> is.'
    )


@pytest.mark.parametrize(
    ("remark", "extent"),
    [
        ("omitted", ""),
        ("Omitted", ""),
        ("passage omitted", ""),
        ("the rest is omitted", ""),
        ("two lines omitted", ' quantity="2" unit="lines"'),
        ("… omitted …", ""),
    ],
)
def test_what_the_translation_leaves_out_is_a_gap_not_supplied_words(remark, extent):
    """ "[omitted]" was words the translator supplied, "omitted" among them."""
    assert xml(f"He said [{remark}] and left.") == (
        f'He said <gap reason="editorial"{extent}><desc>{remark}</desc></gap> and left.'
    )


@pytest.mark.parametrize("paragraph", ["(Omitted)", "(Text omitted)"])
def test_an_omission_in_round_brackets_is_a_gap(paragraph):
    """A Chinese cable's translation marks what it leaves out so, as a paragraph of its own
    or at the head of a turn."""
    words = paragraph.strip("()")
    gap = f'<gap reason="editorial"><desc>{words}</desc></gap>'
    assert xml(paragraph) == gap
    assert xml(f"{paragraph} We have learned it.") == f"{gap} We have learned it."
    assert xml("(He omitted it.)") == "(He omitted it.)"  # a sentence in brackets


@pytest.mark.parametrize(
    "remark", ["signature indecipherable", "word missing", "Undated", "no date"]
)
def test_what_the_original_lacks_or_hides_is_a_remark_not_supplied_words(remark):
    """ "[Undated]" had been the word "Undated" supplied where the original omits it."""
    assert xml(f"The word [{remark}] is.") == (
        f'The word <note type="editorial" place="inline">{remark}</note> is.'
    )


@pytest.mark.parametrize(
    ("remark", "words", "language"),
    [
        ('in German: "alles aus eigener Kraft"', "alles aus eigener Kraft", "de"),
        ("Russian original: khozraschet", "khozraschet", "ru"),
        ("in Korean: „juche“", "juche", "ko"),
    ],
)
def test_the_original_s_words_the_translator_gives_are_foreign_in_a_remark(remark, words, language):
    text = f"trying to do everything by themselves [{remark}]."
    p = fragment(text)
    note = p.find("{*}note")
    assert (note.get("type"), note.get("place")) == ("editorial", "inline")
    foreign = note.find("{*}foreign")
    assert (foreign.text, foreign.get(XML_LANG)) == (words, language)
    assert normalise(source_text(p)) == text


@pytest.mark.parametrize("remark", ["Comrade Kim: yes", "Note: see above", "Draft: a plan"])
def test_a_remark_with_a_colon_and_no_language_has_no_foreign_words(remark):
    assert "<foreign" not in xml(f"He said [{remark}] it.")


def test_a_hyphenated_word_ending_like_a_signature_is_no_remark():
    assert "<note" not in xml("They met the [co-ed] group.")


def test_query_marks_the_word_as_unclear():
    assert xml("Li Il Gen[?].") == 'Li Il <unclear reason="query" cert="low">Gen</unclear>.'
    # a repair inside the queried word stays marked in it ("22" / "nd[?]")
    ordinal = Paragraph("22nd [?] Congress", [(2, Break.ORDINAL)])
    assert xml(ordinal) == (
        '<unclear reason="query" cert="low">22<lb ed="scrape" break="no"/>'
        '<hi rend="superscript">nd</hi></unclear>  Congress'
    )


def test_brackets_inside_a_word_are_expansions():
    assert xml("the M[inistry] of I[nternal Affairs]") == (
        "the <expan>M<ex>inistry</ex></expan> of <expan>I<ex>nternal Affairs</ex></expan>"
    )


def test_ocr_confusion_in_a_korean_name():
    assert xml("comrade Kim II Sung said") == (
        'comrade Kim <choice><sic>II</sic><corr type="ocr">Il</corr></choice> Sung said'
    )


def test_roman_numeral_two_is_left_alone():
    assert xml("World War II Soviet veterans and Nicholas II") == (
        "World War II Soviet veterans and Nicholas II"
    )


def test_balanced_quotations_nest():
    assert xml("“We thought c. Kim would learn from the “three flags” failure”, said") == (
        '<q rend="double-curly">We thought c. Kim would learn from the '
        '<q rend="double-curly">three flags</q> failure</q>, said'
    )
    assert xml("a „white paper” that") == 'a <q rend="low-high">white paper</q> that'


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('exaggerated by "about 30–40%".', "about 30–40%"),  # closed after a sign
        ('he called it "revisionism!" and left', "revisionism!"),
        ('the line of the "CPSU [CC]". Then', "CPSU [CC]"),
        ('(“all of it”) and ("the rest")', "the rest"),  # opened after a bracket
        ('He said:"Yes." and left', "Yes."),  # opened after a colon
    ],
)
def test_a_straight_quotation_mark_after_a_sign_closes(text, quoted):
    quotations = [q for q in fragment(text).iter("{*}q") if q.get("rend") == "straight"]
    assert [normalise(source_text(q)) for q in quotations] == [f'"{quoted}"']


def test_a_day_in_quotation_marks_is_no_quotation():
    """Russian letters date themselves «6» May: the marks set off the day, they quote
    nothing; words and longer figures in them are quotations still."""
    assert xml('"6" May 1963 and «12» June') == '"6" May 1963 and «12» June'
    assert xml('"___" June 1963') == '"___" June 1963'  # the day left blank
    assert xml('the "1963" plan, "one" word') == (
        'the <q rend="straight">1963</q> plan, <q rend="straight">one</q> word'
    )


def test_unbalanced_quotation_marks_stay_characters():
    assert xml("“We know full well. Do not listen") == "“We know full well. Do not listen"
    assert xml('He said "yes') == 'He said "yes'


def test_ordinal_suffix_is_restored_as_superscript():
    paragraph = Paragraph("After the 22nd congress", [(12, Break.ORDINAL)])
    assert xml(paragraph) == (
        'After the 22<lb ed="scrape" break="no"/><hi rend="superscript">nd</hi> congress'
    )


def test_repaired_breaks_are_marked():
    paragraph = Paragraph("He stressed\nthat", [(12, Break.LINE)])
    assert xml(paragraph) == 'He stressed\n<lb ed="scrape"/>that'


def test_a_word_s_hyphen_at_a_line_s_end_is_a_break_inside_the_word():
    paragraph = Paragraph("the Soviet-Korean talks", [(11, Break.HYPHEN)])
    assert xml(paragraph) == 'the Soviet-<lb ed="scrape" break="no"/>Korean talks'


def test_markup_characters_stay_text():
    el = fragment('<script>alert("x")</script> & [<b>] “<i>”')
    assert el.find(".//{*}script") is None and el.find(".//{*}b") is None
    assert source_text(el).strip() == '<script>alert("x")</script> & [<b>] “<i>”'


def test_every_rule_gives_its_characters_back():
    text = (
        "[I] told Pak Seong-cheol [Pak Song Chol] that they [the Soviets] said “the M[inistry] "
        "of D[efense] [emphasis in the original] is „ready” [...]” to Kim II Sung and Gen[?]"
    )
    assert normalise(source_text(fragment(text))) == normalise(text)


def test_a_repaired_break_where_a_quotation_opens():
    # found by the property test: the mark must stay, and no character may be doubled
    paragraph = Paragraph("comrade\n«yes» and\n[I]", [(8, Break.LINE), (18, Break.LINE)])
    assert xml(paragraph) == (
        'comrade\n<lb ed="scrape"/><q rend="guillemets">yes</q> and\n<lb ed="scrape"/>'
        '<supplied reason="omitted-in-original">I</supplied>'
    )
    # a query after a break does not reach back across it
    assert xml(Paragraph("comrade\n[?]", [(8, Break.LINE)])) == (
        'comrade\n<lb ed="scrape"/><note type="editorial" place="inline">?</note>'
    )


def test_a_number_right_after_a_word_or_a_stop_refers_to_a_note():
    el = etree.Element("p")
    from teiedition.markup.inline import mark_up

    mark_up(el, "to Pyongyang.[1] Then Kaesong[2] and [3] places.", notes={"1": "d-n1"})
    refs = [(r.text, r.get("type"), r.get("target")) for r in el.iter("{*}ref")]
    # note 2 is not in the copy: a reference all the same, pointing nowhere
    assert refs == [("1", "noteAnchor", "#d-n1"), ("2", "noteAnchor", None)]
    assert el.find("{*}supplied").text == "3"  # after a space: supplied words, as before
    assert normalise(source_text(el)) == "to Pyongyang.[1] Then Kaesong[2] and [3] places."


@pytest.mark.parametrize(
    ("text", "cased"),
    [
        (
            "ON 29 OCTOBER THE SOVIET AMBASSADOR MOSKOVSKY SAID “WE ARE BUSY”.",
            "On 29 October The Soviet Ambassador Moskovsky Said “We Are Busy”.",
        ),
        ("TOP SECRET", None),  # a short line is read as it is
        ("The Soviet ambassador Moskovsky informed the ambassadors of it.", None),
        ("1963 – 1964 – 1965 – 1966 – 1967 – 1968 – 1969 – 1970", None),  # no letters
    ],
)
def test_a_paragraph_in_capitals_is_read_in_the_ordinary_case(text, cased):
    assert ordinary_case(text) == cased


def _spans(draw_spans: list[tuple[int, int, bool]]) -> list[Span]:
    """Spans from (start, length, container) triples; a container's content is its inside."""
    return [
        Span(start, start + length, str, inner=(start, start + length) if container else None)
        for start, length, container in draw_spans
    ]


# lengths about the one that parts short spans from long, where a window would miss one
_LENGTHS = st.one_of(st.integers(0, 3), st.integers(60, 68), st.integers(0, 150))


@given(
    st.lists(st.tuples(st.integers(0, 200), _LENGTHS, st.booleans()), max_size=40),
    st.integers(0, 40),
)
def test_spans_are_kept_as_testing_each_against_every_span_kept_would_keep_them(
    triples, keep_first
):
    # what _nested_only is, tested the plain way: each against all kept so far
    spans = _spans(triples)
    keep_first = min(keep_first, len(spans))
    first = inline._nested_only(spans[:keep_first])  # a consistent set, as its callers give
    expected = list(first)
    for span in sorted(spans[keep_first:], key=inline._reading_order):
        if all(inline._compatible(span, other) for other in expected):
            expected.append(span)
    assert inline._nested_only(first + spans[keep_first:], len(first)) == expected


@pytest.mark.parametrize("length", [0, 1, 5, 63, 64, 65, 100])
def test_the_spans_near_a_span_are_all_that_overlap_it_or_stand_where_it_does(length):
    # every span of every length to 140 beginning at every offset within 150 of it
    kept = _spans([(start, n, False) for start in range(0, 300) for n in range(0, 141)])
    span = Span(150, 150 + length, str)
    near = set(inline._SpansNear(kept)(span))
    touching = {
        k for k in kept if (k.start < span.end and span.start < k.end) or k.start == span.start
    }
    assert touching <= near


def test_marks_left_open_inside_a_quotation_are_characters_and_close_nothing_after_it():
    # the „ inside the guillemets is no longer open once they close: the ” after is a character
    assert xml("«a „b» c” d") == '<q rend="guillemets">a „b</q> c” d'
    # marks left open by the thousand (each closer had looked through them all) close nothing
    assert xml("“" * 5000 + "a„b“c") == "“" * 5000 + 'a<q rend="low-curly">b</q>c'


def test_quotations_nest_eight_deep_at_most_the_innermost_kept():
    # hundreds deep had made a tree that libxml2 refuses to read (deeper than 256)
    text = "He said " + "“" * 300 + "no" + "”" * 300 + " and left."
    el = fragment(text)
    assert max(len(list(q.iterancestors("{*}q"))) for q in el.iter("{*}q")) + 1 == 8
    assert [q.text for q in el.iter("{*}q") if len(q) == 0] == ["no"]  # the innermost
    assert normalise(source_text(el)) == text
