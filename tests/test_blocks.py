"""Block structure: opener lines, headings, joins across scrape damage, lists, closer."""

import pytest
from conftest import NS, fields
from lxml import etree

from teiedition.dates import parse_date
from teiedition.markup.blocks import (
    Block,
    EntryNode,
    ListNode,
    SectionNode,
    classification_level,
    structure,
)
from teiedition.markup.body import build_text
from teiedition.markup.datings import DocumentDates, TimesOfDay
from teiedition.markup.inline import Break
from teiedition.markup.tei import XML_ID


def test_opener_lines_and_heading():
    body = structure(
        fields(
            "Att. to: D.II-Kor-O-0862/11/63\n\n26 X 63\n\nPyongyang, ____ November 1962\n\n"
            "Nr 2421/35/62rTjn\n\nTop secret\n\nof conversation with the ambassador\n\n"
            "Com. Moskovsky visited Pak."
        ),
        anchor_year=1962,
    )
    assert [b.kind for b in body.opener] == [
        "reference",
        "dateline",
        "dateline",
        "registry",
        "classification",
        "head",
    ]
    assert body.opener[1].date.when == "1963-10-26"
    assert body.opener[2].place == "Pyongyang"
    assert body.opener[2].date.attributes() == {"notBefore": "1962-11-01", "notAfter": "1962-11-30"}
    assert [b.text for b in body.main] == ["Com. Moskovsky visited Pak."]


def test_a_telegram_s_numbers_are_opening_lines():
    body = structure(
        fields("CIPHERED TELEGRAM\n\nFrom PYONGYANG\nNo. 123\n\nSpecial No. 134\n\nOn 11 March"),
        1963,
    )
    assert [(b.kind, b.text) for b in body.opener] == [
        ("head", "CIPHERED TELEGRAM"),
        ("sender", "From PYONGYANG"),
        ("registry", "No. 123"),
        ("registry", "Special No. 134"),
    ]


@pytest.mark.parametrize("line", ["URGENT", "Very urgent!", "Out of turn", "TOP PRIORITY"])
def test_a_telegram_s_precedence_is_an_opening_line_not_a_heading(line):
    body = structure(fields(f"TOP SECRET\n\n{line}\n\nOn 11 March he came."), 1963)
    assert [(b.kind, b.text) for b in body.opener] == [
        ("classification", "TOP SECRET"),
        ("precedence", line),
    ]


def test_an_editorial_remark_in_brackets_opens_the_text_and_the_heading_follows():
    body = structure(
        fields("[Stamp: Secret, Copy No. 3]\n\nJOURNAL OF V. P. MOSKOVSKY\n\nI visited him."),
        1963,
    )
    assert [(b.kind, b.text) for b in body.opener] == [
        ("remark", "[Stamp: Secret, Copy No. 3]"),
        ("head", "JOURNAL OF V. P. MOSKOVSKY"),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Embassy of the GDR in the DPRK",
        "USSR EMBASSY IN THE DPRK",
        "Soviet Embassy in Pyongyang",
        "The Embassy of the Hungarian People's Republic",
        "Ministry of Foreign Affairs of the USSR",
        "Consulate General of the PRC in Chongjin",
        # in the original's language, kept by the translation
        "Ambasada PRL w Phenianie",
        "Botschaft der DDR in der KDVR",
        "Velvyslanectví ČSSR v Pchjongjangu",
    ],
)
def test_the_issuing_office_opens_the_text(line):
    body = structure(fields(f"{line}\nPyongyang, 8 April 1963\n\nI visited him."), 1963)
    assert [(b.kind, b.text) for b in body.opener] == [
        ("issuer", line),
        ("dateline", "Pyongyang, 8 April 1963"),
    ]


@pytest.mark.parametrize("blank", ["\n", "\n\n"])
@pytest.mark.parametrize("place", ["Pyongyang", "in Pyongyang"])
def test_the_letterhead_s_place_under_the_office_and_a_bare_file_number(blank, place):
    body = structure(
        fields(
            f"Embassy of the Hungarian People's Republic{blank}{place}\n\n002418/1963\n\n"
            "Subject: Conversation with Moskovsky\n\nOn 21 March I visited him."
        ),
        1963,
    )
    assert [(b.kind, b.text) for b in body.opener] == [
        ("issuer", "Embassy of the Hungarian People's Republic"),
        ("issuer", place),
        ("registry", "002418/1963"),
        ("reference", "Subject: Conversation with Moskovsky"),
    ]


def test_the_office_alone_under_a_letterhead_is_the_letterhead_s():
    """A GDR letterhead's "Ambassador" under the embassy and the dateline says whose office
    wrote: no heading; a line that only ends with an office goes on being what it is."""
    body = structure(
        fields(
            "Embassy of the German Democratic Republic\n\nin the DPRK\n\n"
            "Pyongyang, 4 March 1964\n\nAmbassador\n\nConfidential\n\nMemorandum\n\n"
            "on a Conversation with Soviet Ambassador Comrade Moskovsky\n\n"
            "Comrade Moskovsky said that the letter had still not been answered.\n\nSchneidewind"
        ),
        1964,
    )
    assert [(b.kind, b.text.split("\n")[0]) for b in body.opener] == [
        ("issuer", "Embassy of the German Democratic Republic"),
        ("issuer", "in the DPRK"),
        ("dateline", "Pyongyang, 4 March 1964"),
        ("issuer", "Ambassador"),
        ("classification", "Confidential"),
        ("head", "Memorandum"),
    ]


def test_a_record_s_kind_alone_over_what_it_records_is_one_heading():
    """ "Record" under the letterhead was the letterhead's third line, and the line under it
    ("of a conversation with …") a heading of its own."""
    body = structure(
        fields(
            "Embassy of the Czechoslovak Socialist Republic\n\nPyongyang\n\nRecord\n\n"
            "of a conversation with Soviet Ambassador V. P. Moskovsky on 21. VIII. 1963\n\n"
            "On 21 August I paid a visit to s. Moskovsky at the Soviet embassy.\n\nMoravec"
        ),
        1963,
    )
    assert [(b.kind, b.text) for b in body.opener] == [
        ("issuer", "Embassy of the Czechoslovak Socialist Republic"),
        ("issuer", "Pyongyang"),
        (
            "head",
            "Record\nof a conversation with Soviet Ambassador V. P. Moskovsky on 21. VIII. 1963",
        ),
    ]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("From the diary of the Mongolian ambassador in Pyongyang", "head"),
        ("From the journal of V. P. Moskovsky", "head"),
        ("From the Journal of V. P. Moskovsky", "head"),
        ("From the Diary of Ambassador Pásztor", "head"),
        ("From the Embassy of the USSR", "sender"),
        ("From PYONGYANG", "sender"),
    ],
)
def test_where_the_text_was_taken_from_is_no_sender(line, kind):
    body = structure(fields(f"{line}\n\nOn 4 March he came."), 1963)
    assert [(b.kind, b.text) for b in body.opener] == [(kind, line)]


def test_the_document_s_kind_under_the_office_is_its_heading():
    body = structure(fields("USSR EMBASSY IN THE DPRK\n\nJOURNAL\n\nI visited him."), 1963)
    assert [b.kind for b in body.opener] == ["issuer", "head"]


def test_a_place_line_with_no_office_above_it_is_a_heading():
    body = structure(fields("Pyongyang\n\nOn 21 March I visited him."), 1963)
    assert [(b.kind, b.text) for b in body.opener] == [("head", "Pyongyang")]


@pytest.mark.parametrize(
    "line", ["The Embassy sent the note.", "Ministry officials: Kim and Pak", "The embassy staff"]
)
def test_a_sentence_about_an_office_is_no_letterhead(line):
    body = structure(fields(f"{line}\n\nI visited him."), 1963)
    assert "issuer" not in [b.kind for b in body.opener]


def test_a_heading_over_two_lines_is_one_heading():
    body = structure(
        fields(
            "Confidential!\n\nNote\non a Conversation with Comrade Moskovski, on 5 April 1963"
            "\n\nI visited him."
        ),
        1963,
    )
    assert [(b.kind, b.text) for b in body.opener] == [
        ("classification", "Confidential!"),
        ("head", "Note\non a Conversation with Comrade Moskovski, on 5 April 1963"),
    ]
    assert [b.text for b in body.main] == ["I visited him."]
    # its line break is the document's own, not one the copy made: lb without @ed
    (head,) = build_text(body, "d", "en").iter("{*}head")
    assert [(lb.attrib, lb.tail[:4]) for lb in head.iter("{*}lb")] == [({}, "on a")]


def test_a_soviet_diary_s_heading_and_a_heading_over_its_dateline():
    """ "FROM THE DIARY OF" / "MOSKOVSKY V. P." is a heading (its initials' stop ends no
    sentence); "RECORD OF A CONVERSATION" / "with …" / "14 May 1963" copied together is a
    heading over the dateline."""
    body = structure(
        fields(
            "Top Secret\nCopy No. 1\n\nFROM THE DIARY OF\nMOSKOVSKY V. P.\n\n"
            "RECORD OF A CONVERSATION\nwith Minister of Foreign Affairs Pak Seong-cheol\n"
            "14 May 1963\n\nI visited Pak Seong-cheol."
        ),
        1963,
    )
    assert [(b.kind, b.text) for b in body.opener] == [
        ("classification", "Top Secret"),
        ("classification", "Copy No. 1"),
        ("head", "FROM THE DIARY OF\nMOSKOVSKY V. P."),
        ("head", "RECORD OF A CONVERSATION\nwith Minister of Foreign Affairs Pak Seong-cheol"),
        ("dateline", "14 May 1963"),
    ]
    assert body.opener[-1].date.when == "1963-05-14"
    assert [b.text for b in body.main] == ["I visited Pak Seong-cheol."]


@pytest.mark.parametrize("copy", ["Copy No. 1", "Copy Nº 1", "Copy № 1", "Copy Nr. 1"])
def test_the_copy_s_number_whatever_sign_numbers_it(copy):
    """A translation numbers the copy with the sign the original has ("Nº", "№") as often as
    with "No.": a classification line, not a heading over the journal's."""
    body = structure(
        fields(
            f"USSR EMBASSY IN THE DPRK\n\nTOP SECRET\n{copy}\n\nJOURNAL\n"
            "of USSR Ambassador to the DPRK\n\nI received the ambassador at his request."
        ),
        1963,
    )
    assert [(b.kind, b.text) for b in body.opener] == [
        ("issuer", "USSR EMBASSY IN THE DPRK"),
        ("classification", "TOP SECRET"),
        ("classification", copy),
        ("head", "JOURNAL\nof USSR Ambassador to the DPRK"),
    ]


def test_a_heading_that_stops_on_of_goes_on_below_a_blank_line():
    """ "From the journal of" / "V. P. MOSKOVSKY": one heading, though its second line
    begins as a section "V." would; the opening lines below it are still read."""
    body = structure(
        fields(
            'From the journal of\n\nV. P. MOSKOVSKY\n\nSecret, Copy No. 2\n\n"6" May 1963\n\n'
            "Outgoing No. 143\n\nOn 2 April I visited Pak."
        ),
        1963,
    )
    assert [(b.kind, b.text) for b in body.opener] == [
        ("head", "From the journal of\nV. P. MOSKOVSKY"),
        ("classification", "Secret, Copy No. 2"),
        ("dateline", '"6" May 1963'),
        ("registry", "Outgoing No. 143"),
    ]
    assert body.opener[2].date.when == "1963-05-06"
    # a heading that ends as headings do takes no name below it
    body = structure(fields("Memorandum\n\nV. P. Moskovsky\n\nOn 2 April I visited Pak."), 1963)
    assert [b.text for b in body.opener] == ["Memorandum"]


def test_a_remark_in_brackets_under_a_heading_belongs_to_it():
    heading = (
        "Minutes of Conversation between Vice Foreign Minister Zhang Wentian and Soviet "
        "Ambassador Chervonenko\n(Not reviewed by Vice Minister Zhang)"
    )
    body = structure(fields(f"Top Secret\n\n{heading}\n\nTime: 4 September 1963"), 1963)
    assert [(b.kind, b.text) for b in body.opener] == [
        ("classification", "Top Secret"),
        ("head", heading),
    ]


def test_a_long_heading_over_two_lines_names_the_kind_then_what_it_records():
    heading = (
        "Record\nof a conversation between the Czechoslovak ambassador Cde. M. Moravec and the "
        "Soviet ambassador Cde. V. P. Moskovsky on 12 June 1963"
    )
    fields_ = "Present: Cde. Moravec, Cde. Moskovsky, interpreter Cde. Kim\nTime: 10.00–12.30 hrs"
    body = structure(fields(f"{heading}\n\n{fields_}\n\nCde. Moskovsky said so."), 1963)
    assert [(b.kind, b.text) for b in body.opener] == [("head", heading)]
    # the fields below it are lines of the text, not a heading
    assert [b.text for b in body.main] == [*fields_.split("\n"), "Cde. Moskovsky said so."]
    # a sentence cut after its first word is no heading however it continues
    text = "Record\nof the talks was kept by the interpreter, who was present throughout."
    body = structure(fields(f"{text}\n\nCde. Moskovsky said so."), 1963)
    assert body.opener == [] and body.main[0].text == text


@pytest.mark.parametrize("first", ["[Page 1]", "[Pak Song Chol]", "[…]"])
def test_other_lines_in_brackets_do_not_open_the_text(first):
    body = structure(fields(f"{first}\n\nI visited him."), 1963)
    assert "remark" not in [b.kind for b in body.opener]


def test_a_single_paragraph_is_never_a_heading():
    body = structure(fields("A short line without a stop"), anchor_year=1962)
    assert body.opener == [] and body.main[0].kind == "p"


def test_stray_line_break_and_superscript_are_joined():
    body = structure(fields("He stressed\nthat after the 22\nnd congress it stopped."), 1962)
    paragraph = body.main[0].paragraph
    assert paragraph.text == "He stressed\nthat after the 22nd congress it stopped."
    assert [kind for _, kind in paragraph.breaks] == [Break.LINE, Break.ORDINAL]


@pytest.mark.parametrize(
    ("lines", "text", "kinds"),
    [
        # a word the copy broke after its hyphen: one word again, no space put in it
        ("the Soviet-\nKorean talks", "the Soviet-Korean talks", [Break.HYPHEN]),
        ("were disap-\npointed", "were disap-pointed", [Break.HYPHEN]),
        # no word's hyphen: a dash after a space, a range of years
        ("he said -\nno", "he said -\nno", [Break.LINE]),
        ("the plan for 1962-\n1963 failed.", "the plan for 1962-\n1963 failed.", [Break.LINE]),
    ],
)
def test_a_line_that_ends_in_a_word_s_hyphen_goes_on_in_the_word(lines, text, kinds):
    """A text copied from a PDF viewer has the PDF's lines: "Soviet-" / "Korean" is the
    word "Soviet-Korean", which a line break made two words in search and on the page."""
    paragraph = structure(fields(lines), 1962).main[0].paragraph
    assert paragraph.text == text
    assert [kind for _, kind in paragraph.breaks] == kinds


@pytest.mark.parametrize("mark", ["* * *", "***", "* * * *", "⁂"])
def test_a_line_of_asterisks_between_paragraphs_breaks_the_text_into_parts(mark):
    """Not a paragraph (with an id to cite): a break, and no sentence runs on across it."""
    said = "The ambassador said at the end of our meeting that"
    text = f"I visited the ambassador.\n\n{said}\n\n{mark}\n\nthe talks went well."
    body = structure(fields(text), 1963)
    assert [(b.kind, b.text) for b in body.main[1:]] == [
        ("p", said),
        ("break", mark),
        ("p", "the talks went well."),
    ]
    tei = build_text(body, "d", "en")
    (milestone,) = tei.iter("{*}milestone")
    assert milestone.attrib == {"unit": "section", "rend": mark}
    assert [p.get(XML_ID) for p in tei.iter("{*}p")] == ["d-p1", "d-p2", "d-p3"]
    # a note marked with an asterisk is no break
    body = structure(fields("I visited the ambassador.*\n\n* He came on Monday."), 1963)
    assert [b.kind for b in body.main] == ["p"] and body.notes


def test_sentence_cut_across_a_blank_line_is_joined():
    body = structure(
        fields("It is painful to listen to it”, said\n\nc. Khrushchev.\n\nNext one."), 1962
    )
    assert [b.text for b in body.main] == [
        "It is painful to listen to it”, said\nc. Khrushchev.",
        "Next one.",
    ]
    assert body.main[0].paragraph.breaks[0][1] is Break.PARAGRAPH


def test_a_word_broken_after_its_hyphen_across_a_blank_line_is_one_word_again():
    """ "… the Yugoslav leader-" / (the PDF's page foot, dropped) / "ship. He did not …": as
    across a line's end, not "leader- ship"."""
    body = structure(fields("on the Yugoslav leader-\n\nship. He did not comment."), 1963)
    (paragraph,) = [b.paragraph for b in body.main]
    assert paragraph.text == "on the Yugoslav leader-ship. He did not comment."
    assert paragraph.breaks == [(len("on the Yugoslav leader-"), Break.HYPHEN)]


@pytest.mark.parametrize("between", ["\n\n", "\n\n- 2 -\n\n"])
def test_a_sentence_cut_after_a_word_no_sentence_ends_with_goes_on_with_a_capital(between):
    """ "He added that the" / "Soviet side …": the rest begins with a name's capital, after a
    blank line or the original's page number (a PDF export's page break)."""
    text = f"He came.\n\nHe added that the{between}Soviet side would not publish it.\n\nNext."
    body = structure(fields(text), 1963)
    assert [b.text.replace("\n- 2 -", "") for b in body.main] == [
        "He came.",
        "He added that the\nSoviet side would not publish it.",
        "Next.",
    ]
    # a paragraph that ends with another word, or with its stop, is whole
    for whole in ("He added so", "He added it."):
        body = structure(fields(f"He came.\n\n{whole}\n\nSoviet side left.\n\nNext."), 1963)
        assert len(body.main) == 4


def test_numbered_list_with_lettered_sublist_and_continuations():
    body = structure(
        fields(
            "Intro.\n\n1) First:\n\na) one.\n\nb) two.\n\n2) Second.\n\nMore on second.\n\n"
            "3) Third.\n\nAfter the list."
        ),
        1962,
    )
    _intro, numbered, after = body.main
    assert isinstance(numbered, ListNode) and numbered.kind == "numbered"
    assert [i.label for i in numbered.items] == ["1)", "2)", "3)"]
    first = numbered.items[0].content
    assert first[0].text == "First:"
    assert isinstance(first[1], ListNode) and [i.number for i in first[1].items] == ["a", "b"]
    assert [b.text for b in numbered.items[1].content] == ["Second.", "More on second."]
    assert after.text == "After the list."


def test_items_lettered_in_cyrillic_are_a_list():
    """As Soviet memoranda letter them, the translation keeping the letters: "а)", "б)", and
    after "и)" comes "к)"."""
    letters = "абвгдежзик"
    items = "\n\n".join(f"{letter}) point {n};" for n, letter in enumerate(letters))
    body = structure(fields(f"1. Steps:\n\n{items}\n\n2. Then.\n\nEnd."), 1963)
    numbered = body.main[0]
    assert isinstance(numbered, ListNode) and [i.number for i in numbered.items] == ["1", "2"]
    lettered = numbered.items[0].content[1]
    assert isinstance(lettered, ListNode) and lettered.kind == "lettered"
    assert [i.label for i in lettered.items] == [f"{letter})" for letter in letters]


def test_items_numbered_in_small_roman_numerals_are_a_list():
    """ "i)", "ii)", "iii)", copied together or apart; "ii)" had stayed a line of "i)"'s item.
    After "h)", "i)" is a letter still."""
    body = structure(
        fields(
            "He said:\n\ni) The first is wrong.\nii) The second is a pretext.\niii) No.\n\nEnd."
        ),
        1963,
    )
    _said, roman, _end = body.main
    assert isinstance(roman, ListNode) and roman.kind == "numbered"
    assert [(i.label, i.number) for i in roman.items] == [
        ("i)", "i"),
        ("ii)", "ii"),
        ("iii)", "iii"),
    ]
    (bracketed,) = structure(fields("(i) one;\n\n(ii) two."), 1963).main
    assert [i.label for i in bracketed.items] == ["(i)", "(ii)"]
    # a list that begins at another numeral, as a copy may cut one, is one too
    (cut,) = structure(fields("ii) two;\n\niii) three."), 1963).main
    assert [i.number for i in cut.items] == ["ii", "iii"]
    items = "\n\n".join(f"{letter}) point;" for letter in "abcdefghij")
    (lettered,) = structure(fields(items), 1963).main
    assert lettered.kind == "lettered" and [i.number for i in lettered.items] == list("abcdefghij")


def test_items_lettered_in_capitals_are_a_list_with_one_in_small_letters_inside():
    """As Hungarian reports letter their parts: "A) On 18 March …", a paragraph under it its
    own, "a)" inside one of them; a capital is no item unless the list begins at "A"."""
    body = structure(
        fields(
            "Report.\n\nA) On 18 March I visited him.\n\nThe comrades asked.\n\n"
            "B) He said:\n\na) first;\n\nb) second.\n\nC) His wife came.\n\n"
            "I) consider it advisable."
        ),
        1963,
    )
    _report, lettered, after = body.main
    assert isinstance(lettered, ListNode) and lettered.kind == "lettered"
    assert [(i.label, i.number) for i in lettered.items] == [("A)", "A"), ("B)", "B"), ("C)", "C")]
    assert [b.text for b in lettered.items[0].content] == [
        "On 18 March I visited him.",
        "The comrades asked.",
    ]
    inner = lettered.items[1].content[1]
    assert isinstance(inner, ListNode) and [i.number for i in inner.items] == ["a", "b"]
    assert after.text == "I) consider it advisable."


def test_items_numbered_with_a_slash_are_a_list():
    """As Czech telegrams number them: "1/ On 17 May …"."""
    body = structure(fields("Report.\n\n1/ On 17 May.\n\n2/ Later.\n\nEnd."), 1963)
    numbered = body.main[1]
    assert isinstance(numbered, ListNode) and [i.label for i in numbered.items] == ["1/", "2/"]


def test_bulleted_lines_are_a_list_inside_a_numbered_item_too():
    body = structure(
        fields(
            "The problems are:\n\n• grain;\n• steel.\n\n1) The plan is behind.\n\n"
            "• grain: 20%;\n\n• steel: 10%.\n\n2) Aid continues."
        ),
        1963,
    )
    first, bullets, numbered = body.main
    assert first.text == "The problems are:"
    assert bullets.kind == "bulleted"
    assert [(i.label, i.number, i.content[0].text) for i in bullets.items] == [
        ("•", "", "grain;"),
        ("•", "", "steel."),
    ]
    assert numbered.kind == "numbered" and len(numbered.items) == 2
    _, nested = numbered.items[0].content
    assert nested.kind == "bulleted"
    assert [i.content[0].text for i in nested.items] == ["grain: 20%;", "steel: 10%."]


def test_bulleted_lines_under_the_line_that_introduces_them_are_a_list():
    body = structure(
        fields("Participants:\n• V. P. Moskovsky;\n• Hao Deqing;\n• Yu. Lebedev.\n\nHe came."),
        1963,
    )
    first, bullets, last = body.main
    assert (first.text, last.text) == ("Participants:", "He came.")
    assert [(i.label, i.content[0].text) for i in bullets.items] == [
        ("•", "V. P. Moskovsky;"),
        ("•", "Hao Deqing;"),
        ("•", "Yu. Lebedev."),
    ]


def test_a_line_that_begins_with_a_dash_is_no_list_item():
    body = structure(fields("He came.\n\n– Why? – asked Kim.\n\n– To talk."), 1963)
    assert [type(node).__name__ for node in body.main] == ["Block", "Block", "Block"]


def test_lines_that_begin_with_a_dash_and_end_as_list_items_do_are_a_list():
    body = structure(
        fields(
            "He told me the following:\n\n– the oil is short;\n– the trade agreement is late,"
            "\n– the harvest was poor.\n\nHe left."
        ),
        1963,
    )
    first, dashes, last = body.main
    assert (first.text, last.text) == ("He told me the following:", "He left.")
    assert dashes.kind == "bulleted"
    assert [(i.label, i.content[0].text) for i in dashes.items] == [
        ("–", "the oil is short;"),
        ("–", "the trade agreement is late,"),
        ("–", "the harvest was poor."),
    ]
    # lines of dialogue end as sentences do: they stay lines
    body = structure(fields("He came.\n\n– Why?\n– To talk.\n\nHe left."), 1963)
    assert [type(node).__name__ for node in body.main] == ["Block", "Block", "Block"]


def test_rows_with_dashes_under_a_line_that_ends_with_a_colon_are_a_list():
    """A paragraph's first line introduces rows copied with it ("… behind schedule:" / "–
    Oil products – 42,000 t"): the line stays a paragraph, the rows are a list's items."""
    body = structure(
        fields(
            "b) Deliveries are behind schedule:\n– Oil products – 42,000 t\n"
            "– Rolled steel – 18,500 t\n– Cotton – 3,200 t\n\nHe left."
        ),
        1963,
    )
    letters, last = body.main
    (item,) = letters.items
    lead, rows = item.content
    assert (lead.text, last.text) == ("Deliveries are behind schedule:", "He left.")
    assert [(i.label, i.content[0].text) for i in rows.items] == [
        ("–", "Oil products – 42,000 t"),
        ("–", "Rolled steel – 18,500 t"),
        ("–", "Cotton – 3,200 t"),
    ]
    body = structure(fields("He said:\n– the oil is short;\n– the harvest was poor."), 1963)
    assert [len(node.items) for node in body.main if isinstance(node, ListNode)] == [2]
    # what a colon introduces in lines of dialogue, which end as sentences do, stays lines
    body = structure(fields("He said:\n– We agree.\n– We do not.\n\nHe left."), 1963)
    assert [type(node).__name__ for node in body.main] == ["Block", "Block"]


def test_dashed_items_each_set_a_paragraph_apart_are_one_list():
    body = structure(
        fields(
            "Comrade Moskovsky said:\n\n– the delegation will be headed by Kim Il Sung;\n\n"
            "– it will include Kim Il;\n\n– the talks will cover credits.\n\nHe added that."
        ),
        1962,
    )
    first, dashed, last = body.main
    assert (first.text, last.text) == ("Comrade Moskovsky said:", "He added that.")
    assert dashed.kind == "bulleted"
    assert [(i.label, i.content[0].text) for i in dashed.items] == [
        ("–", "the delegation will be headed by Kim Il Sung;"),
        ("–", "it will include Kim Il;"),
        ("–", "the talks will cover credits."),
    ]
    # lines of dialogue, each a sentence, stay paragraphs
    body = structure(fields("He said:\n\n– We agree.\n\n– We do not.\n\nHe left."), 1963)
    assert not any(isinstance(node, ListNode) for node in body.main)


def test_short_lines_a_line_with_a_colon_introduces_are_a_simple_list():
    body = structure(
        fields(
            "Present were:\n\nAmbassador of the ČSSR, Cde. Moravec\nAmbassador of the PPR, "
            "Cde. Naszkowski\nChargé d'affaires of the PRR, Cde. Popa\n\nHe left."
        ),
        1962,
    )
    first, lines, last = body.main
    assert (first.text, last.text) == ("Present were:", "He left.")
    assert lines.kind == "simple"
    assert [(i.label, i.content[0].text) for i in lines.items] == [
        ("", "Ambassador of the ČSSR, Cde. Moravec"),
        ("", "Ambassador of the PPR, Cde. Naszkowski"),
        ("", "Chargé d'affaires of the PRR, Cde. Popa"),
    ]


def test_items_a_short_line_introduces_set_a_paragraph_apart_are_a_simple_list():
    """Scraped pages set each line of the original apart: "Participants:" and each of them
    are paragraphs, a list as the same lines copied together are."""
    body = structure(
        fields(
            "Participants:\n\nComrade Moskovsky, Soviet ambassador\n\nComrade Pak, interpreter"
            "\n\nComrade Moskovsky stated that the plenum had met."
        ),
        1964,
    )
    first, lines, last = body.main
    assert (first.text, last.text) == (
        "Participants:",
        "Comrade Moskovsky stated that the plenum had met.",
    )
    assert lines.kind == "simple"
    assert [i.content[0].text for i in lines.items] == [
        "Comrade Moskovsky, Soviet ambassador",
        "Comrade Pak, interpreter",
    ]


@pytest.mark.parametrize(
    "below",
    [
        # one line: no list of one
        "Comrade Moskovsky, Soviet ambassador\n\nHe said so.",
        # paragraphs, each a sentence
        "The oil is short.\n\nThe harvest was poor.",
    ],
)
def test_paragraphs_under_a_colon_that_are_no_items_stay_paragraphs(below):
    body = structure(fields(f"Participants:\n\n{below}\n\nHe left."), 1963)
    assert not any(isinstance(node, ListNode) for node in body.main[:3])
    long_line = "The Korean comrades told me about the following matters at some length:"
    body = structure(fields(f"{long_line}\n\nComrade Pak\n\nComrade Kim\n\nHe left."), 1963)
    assert not any(isinstance(node, ListNode) for node in body.main)


@pytest.mark.parametrize(
    "below",
    [
        # a sentence the copy broke into lines: a line in it goes on in small letters
        "The Korean side did not\nanswer the letter of the Embassy.",
        # sentences, each on its line, each ending with its stop
        "The oil is short.\nThe harvest was poor.",
        # lines too long for an item: a paragraph's lines
        "In the opinion of the Embassy the Korean comrades will not change their present position\n"
        "Before the plenum of the Central Committee of the Korean Workers' Party meets.",
    ],
)
def test_lines_under_a_colon_that_are_sentences_are_no_list(below):
    body = structure(fields(f"He told me the following:\n\n{below}\n\nHe left."), 1963)
    assert not any(isinstance(node, ListNode) for node in body.main)


def test_out_of_sequence_numbers_do_not_continue_a_list():
    body = structure(fields("1) One.\n\n2) Two.\n\nText.\n\n5) Five."), 1962)
    assert [type(n).__name__ for n in body.main] == ["ListNode", "Block", "ListNode"]


def test_signature_lines_form_the_closer():
    body = structure(fields("Text of the report.\n\nJózsef Kovács\n\nAmbassador"), 1962)
    assert [b.kind for b in body.closer] == ["signed", "office"]
    assert body.main[-1].text == "Text of the report."


@pytest.mark.parametrize(
    ("closing", "kinds"),
    [
        ("József Kovács\nambassador", ["signed", "office"]),  # the office in lower case
        ("József Kovács\n\nambassador", ["signed", "office"]),  # … below a blank line
        ("Károly Fendler\n\nchargé d'affaires a.i.", ["signed", "office"]),
        ("Chargé d'affaires a.i.:\nJ. Kohout", ["office", "signed"]),
        ("On behalf of the Ambassador\nJ. Kohout", ["office", "signed"]),  # had been text
        ("Schneidewind\nCounsellor", ["signed", "office"]),  # a lone surname over the office
        ("Becker\nSecond Secretary", ["signed", "office"]),  # an office of two capitalised words
        ("Recorded by: J. Kuchař, Second Secretary", ["signed"]),  # the office after the name
        ("Record taken by: Kang Seok-ju", ["signed"]),  # who took the minutes
        ("AMBASSADOR: G. Bogdanov", ["signed"]),  # the office in capitals before the name
        ("USSR AMBASSADOR TO THE DPRK\n/s/ V. MOSKOVSKY", ["office", "signed"]),  # capitals
        # the mark of signing on a line of its own, above or below the name
        ("USSR Ambassador to the DPRK\n(signature)\nV. Moskovsky", ["office", "signed", "signed"]),
        ("V. Moskovsky\n/signed/", ["signed", "signed"]),
        ("Ambassador\n(ss) Ion Moraru", ["office", "signed"]),  # Romanian: semnat
        ("Ambassador of the PPR\n(–) Z. Szymański", ["office", "signed"]),  # Polish, a dash
        # the translator's doubt about the name, or a signature the translator could not read
        ("Brystiger [sic]", ["signed"]),
        ("Ambassador\nKádas [?]", ["office", "signed"]),
        (
            "Head of the Foreign Department of the BKP CC:\n/Petar Mladenov/ [illegible]",
            ["office", "signed"],
        ),
        ("Ambassador\n[illegible signature]", ["office", "signed"]),
        ("[signature illegible]\nChargé d'affaires a.i.", ["signed", "office"]),
        ("(signature)", ["signed"]),  # signed, though the copy gives no name
        # who took the record, the name unread
        ("Recorded by: [illegible]", ["signed"]),
        ("Recorded by [signature]", ["signed"]),
        # a name spaced out letter by letter, as a typescript's signature is
        ("M o r a v e c\nAmbassador of the ČSSR", ["signed", "office"]),
        ("Ambassador of the ČSSR:\nJ. K u c h a ř", ["office", "signed"]),
    ],
)
def test_the_signers_office_with_the_name(closing, kinds):
    body = structure(fields(f"Text of the report.\n\n{closing}"), 1963)
    assert [(b.kind, b.text) for b in body.closer] == list(
        zip(kinds, [line for line in closing.split("\n") if line], strict=True)
    )


def test_the_address_a_letter_gives_under_its_signature_is_the_closer_s():
    """A Russian letter's "To Comrade PAK SEONG-CHEOL" / office / place under the signature:
    it had been taken for the signature, the signature for a paragraph. A courtesy ending
    with "respect" is the closer's too."""
    body = structure(
        fields(
            "I shall leave on 2 January.\n\nPlease accept, Comrade Minister, the assurances "
            "of my highest respect.\n\nV. MOSKOVSKY\nAmbassador of the USSR\n\n"
            "To Comrade PAK SEONG-CHEOL\nMinister of Foreign Affairs of the DPRK\nPyongyang"
        ),
        1963,
    )
    assert [b.text for b in body.main] == ["I shall leave on 2 January."]
    assert [b.kind for b in body.closer] == ["salute", "signed", "office"] + ["addressee"] * 3
    # under no signature, such lines are the text's
    body = structure(fields("He came.\n\nTo Comrade Pak\nPyongyang"), 1963)
    assert body.closer == [] and body.main[-1].text == "To Comrade Pak\nPyongyang"


def test_where_the_copies_went_after_an_enclosure_is_its_postscript():
    """A GDR report, signed, then its appendix, then "Distribution:" / "1x Comrade Winzer": the
    list had stayed a paragraph of the appendix, which has no signature of its own. Under an
    unsigned document's enclosure such lines stay text."""
    text = "Comrade Moskovsky received me for a conversation of an hour.\n\n{}Appendix\n\n"
    text += "Deliveries in 1962.\n\n"
    text += "Distribution:\n1x Comrade Winzer\n1x Embassy file"
    body = structure(fields(text.format("Schneidewind\nAmbassador\n\n")), 1962)
    (enclosure,) = body.enclosures
    assert [b.text for b in enclosure.body.main] == ["Deliveries in 1962."]
    (distribution,) = enclosure.body.postscript
    assert [i.content[0].text for i in distribution.items] == [
        "1x Comrade Winzer",
        "1x Embassy file",
    ]
    body = structure(fields(text.format("")), 1962)
    assert body.enclosures[0].body.postscript == []


def test_a_word_unread_alone_at_the_end_signs_nothing():
    """ "[illegible]" after "Recorded by:" is the recorder's name; alone, it may be any word."""
    body = structure(fields("Text of the report.\n\n[illegible]"), 1963)
    assert body.closer == [] and body.main[-1].text == "[illegible]"


def test_an_office_in_lower_case_under_a_name_is_no_sentence_going_on():
    """A sentence cut across a blank line goes on in lower case; "ambassador" under the
    signer's name does not continue it, but a sentence's words do."""
    body = structure(
        fields("He left.\n\nWe spoke with V. Moskovsky\n\nambassador of the USSR."), 1963
    )
    assert [b.text for b in body.main] == [
        "He left.",
        "We spoke with V. Moskovsky\nambassador of the USSR.",
    ]


def test_signatures_side_by_side_are_read_down_each_column():
    body = structure(
        fields(
            "Text of the report.\n\nAmbassador                 First Secretary\n"
            "Moravec                    J. Kuchař"
        ),
        1962,
    )
    assert [(b.kind, b.text) for b in body.closer] == [
        ("office", "Ambassador"),
        ("signed", "Moravec"),
        ("office", "First Secretary"),
        ("signed", "J. Kuchař"),
    ]
    # a table's last rows are no signatures: a column of them signs nothing
    body = structure(
        fields(
            "Deliveries:\n\nCoal      1,200 t\nSteel      300 t\nKim Il Sung      Pak Song Chol"
        ),
        1962,
    )
    assert body.closer == []
    assert [b.cells for b in body.main[1:]] == [
        ["Coal", "1,200 t"],
        ["Steel", "300 t"],
        ["Kim Il Sung", "Pak Song Chol"],
    ]


def test_a_lone_word_that_is_an_office_is_no_signature():
    body = structure(fields("Text of the report.\n\nKovács\n\nCounsellor"), 1963)
    assert [b.kind for b in body.closer] == ["signed", "office"]
    body = structure(fields("Text of the report.\n\nCounsellor"), 1963)
    assert body.closer == []


def test_opening_and_closing_lines_copied_without_blank_lines_between_them():
    body = structure(
        fields(
            "TOP SECRET\nCopy No. 2\n\nThe text.\n\n"
            "Ambassador of the USSR in the DPRK\n(signed) V. Moskovsky"
        ),
        1963,
    )
    assert [(b.kind, b.text, b.line) for b in body.opener] == [
        ("classification", "TOP SECRET", 1),
        ("classification", "Copy No. 2", 2),
    ]
    assert [b.text for b in body.main] == ["The text."]
    assert [(b.kind, b.line) for b in body.closer] == [("office", 6), ("signed", 7)]


@pytest.mark.parametrize(
    "number", ["002/2/1963/Top secret", "001347/1/1963", "002152/1963/", "11/3/1963/Top secret"]
)
def test_a_hungarian_file_number_with_its_parts_and_classification_is_the_registry(number):
    """The registry numbers of Hungarian files run to three parts, and may carry the
    classification after a slash; the count of copies and the receipt under it open the text
    too, before the document's kind heads it."""
    body = structure(
        fields(
            f"Embassy of the Hungarian People's Republic\nPyongyang\n\n{number}\n\n"
            "Written: in 3 copies\nReceived: 2 June 1963\n\nREPORT\n\nThe text."
        ),
        1963,
    )
    assert [(b.kind, b.text) for b in body.opener][2:] == [
        ("registry", number),
        ("classification", "Written: in 3 copies"),
        ("transmission", "Received: 2 June 1963"),
        ("head", "REPORT"),
    ]
    assert [b.text for b in body.main] == ["The text."]


@pytest.mark.parametrize("copies", ["5 copies", "Made in 3 copies.", "1 copy"])
def test_a_count_of_copies_under_the_classification_opens_the_text(copies):
    body = structure(
        fields(f"Confidential!\n{copies}\n\nNote\non a conversation\n\nThe text."), 1963
    )
    assert [(b.kind, b.text) for b in body.opener] == [
        ("classification", "Confidential!"),
        ("classification", copies),
        ("head", "Note\non a conversation"),
    ]
    assert [b.text for b in body.main] == ["The text."]


def test_where_each_copy_went_and_a_copy_s_mark_open_the_text():
    """Under the count of copies, where each went ("Budapest, 1 copy"), as Hungarian reports
    list them; "Copy" alone, as a GDR copy is marked; then the subject line."""
    body = structure(
        fields(
            "Top secret!\nWritten: in 4 copies\nBudapest, 1 copy\n2 copies: Embassy\n\n"
            "Copy\n\nSubject: Soviet Ambassador on the Korean economy\n\nThe text."
        ),
        1964,
    )
    assert [(b.kind, b.text) for b in body.opener] == [
        ("classification", "Top secret!"),
        ("classification", "Written: in 4 copies"),
        ("classification", "Budapest, 1 copy"),
        ("classification", "2 copies: Embassy"),
        ("classification", "Copy"),
        ("reference", "Subject: Soviet Ambassador on the Korean economy"),
    ]
    assert [b.text for b in body.main] == ["The text."]
    # a sentence that ends with copies is none of them
    body = structure(fields("He sent the report, 2 copies.\n\nThe text."), 1964)
    assert body.opener == []


def test_where_copies_went_and_who_compiled_and_typed_the_report_open_the_text():
    """A Hungarian report's head counts its copies and says where they went ("3 copies to
    Center"), then who compiled and who typed it: statements of responsibility, bylines."""
    body = structure(
        fields(
            "Embassy of the Hungarian People's Republic\nPyongyang\n\nTop secret!\n"
            "Written: in 4 copies\n3 copies to Center\n1 copy to Embassy\n"
            "Compiled by: Kádas István\nTyped by: Szabó Éva\n\nNo. 114/1963/szig.titk.\n\n"
            "Subject: Soviet Ambassador Moskovsky on the plenum\n\nOn 29 November he came."
        ),
        1963,
    )
    assert [(b.kind, b.text) for b in body.opener[2:]] == [
        ("classification", "Top secret!"),
        ("classification", "Written: in 4 copies"),
        ("classification", "3 copies to Center"),
        ("classification", "1 copy to Embassy"),
        ("responsibility", "Compiled by: Kádas István"),
        ("responsibility", "Typed by: Szabó Éva"),
        ("registry", "No. 114/1963/szig.titk."),
        ("reference", "Subject: Soviet Ambassador Moskovsky on the plenum"),
    ]
    assert [b.text for b in body.main] == ["On 29 November he came."]
    # a sentence of the text that says who prepared something is none of them
    body = structure(fields("Top secret!\n\nPrepared by the embassy in May.\n\nThe text."), 1963)
    assert [b.text for b in body.opener] == ["Top secret!"]


@pytest.mark.parametrize("number", ["Issue No. 87", "Ref. No. 87", "File No. 5/63", "Reg. No. 41"])
def test_a_number_named_as_the_translation_names_it_is_the_registry(number):
    body = structure(
        fields(f'SECRET\nCopy No. 2\n\n"20" March 1963\n{number}\n\nRecord\n\nThe text.'),
        1963,
    )
    assert [(b.kind, b.text) for b in body.opener][2:] == [
        ("dateline", '"20" March 1963'),
        ("registry", number),
        ("head", "Record"),
    ]


def test_lines_of_a_paragraph_are_split_only_when_each_opens_or_closes_the_text():
    body = structure(
        fields("TOP SECRET\nThe talks went on.\n\nThe text.\n\nWe agreed\nto go."), 1963
    )
    assert body.opener == [] and body.closer == []
    assert [b.text for b in body.main] == [
        "TOP SECRET\nThe talks went on.",
        "The text.",
        "We agreed\nto go.",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Signed: Becker",
        "(signed) V. Moskovsky",
        "/signed/ Becker",
        "V. Moskovsky (signed)",
        "Ambassador: /signed/ G. Bogdanov",
        "Ambassador of the PRB in the DPRK: G. Bogdanov",
        "/V. Moskovsky/",
        "/s/ V. Moskovsky",
        "gez. Schneidewind",  # German: signed
        "/-/ J. Siedlecki",  # Polish: signed
        "(-) T. Walichnowski",  # Polish: signed, in round brackets
        "F.d.R. Jarck",  # German: "für die Richtigkeit", certified by
        "Recorder: Wang Ziyi",  # who recorded the conversation
        "Recorded by: First Secretary of the Embassy B. Pimenov",
    ],
)
def test_a_name_marked_as_signed_is_a_signature(line):
    body = structure(fields(f"Text of the report.\n\n{line}"), 1962)
    assert [(b.kind, b.text) for b in body.closer] == [("signed", line)]


def _postscript_lines(body) -> list[str]:
    """The postscript's lines in reading order: a list's head, then its items' lines."""
    lines: list[str] = []
    for node in body.postscript:
        if isinstance(node, ListNode):
            lines += [node.head.text] if node.head else []
            lines += [b.text for item in node.items for b in item.content]
        else:
            lines.append(node.text)
    return lines


def test_a_distribution_list_after_the_signature_is_its_postscript():
    body = structure(
        fields(
            "Text of the report.\n\nAmbassador of the USSR in the DPRK\n/V. Moskovsky/\n\n"
            "Distribution list:\n\n1. Cde. Gromyko\n\n2. to file"
        ),
        1963,
    )
    assert [(b.kind, b.text) for b in body.closer] == [
        ("office", "Ambassador of the USSR in the DPRK"),
        ("signed", "/V. Moskovsky/"),
    ]
    (listed,) = body.postscript  # its line its head
    assert isinstance(listed, ListNode) and listed.head.text == "Distribution list:"
    assert [item.number for item in listed.items] == ["1", "2"]


@pytest.mark.parametrize("mark", ["P.S.", "PS:", "P. S.", "Postscript:", "N.B.", "Note:"])
def test_a_p_s_after_the_signature_is_its_postscript(mark):
    ps = (
        f"{mark} Comrade Moskovsky added later, by telephone, that the Korean side had asked "
        "for the talks on the supply of oil and of cotton to be put off until the autumn, and "
        "that Moscow had agreed."
    )
    body = structure(fields(f"Text of the report.\n\nJózsef Kovács\nAmbassador\n\n{ps}"), 1963)
    assert [b.text for b in body.closer] == ["József Kovács", "Ambassador"]
    assert _postscript_lines(body) == [ps]
    # a distribution list after it is the postscript's too
    body = structure(
        fields(f"Text of the report.\n\nJózsef Kovács\n\n{ps}\n\nCopies:\n\nto file"), 1963
    )
    assert [b.text for b in body.closer] == ["József Kovács"]
    assert _postscript_lines(body) == [ps, "Copies:", "to file"]
    # before the signature, such a paragraph is text
    body = structure(fields(f"Text of the report.\n\n{ps}\n\nHe left."), 1963)
    assert body.postscript == [] and len(body.main) == 3


def test_copies_after_a_surname_and_office_are_the_postscript():
    body = structure(
        fields(
            "Text of the report.\n\nSchneidewind\nCounsellor\n\n"
            "Copies:\n1x Comrade Ulbricht\n1x Embassy"
        ),
        1963,
    )
    assert [(b.kind, b.text) for b in body.closer] == [
        ("signed", "Schneidewind"),
        ("office", "Counsellor"),
    ]
    # the list's lines are the original's: each its own
    assert _postscript_lines(body) == ["Copies:", "1x Comrade Ulbricht", "1x Embassy"]


@pytest.mark.parametrize(
    "first",
    [
        "Sent to: Cde. Gromyko",
        "Distributed to: Comrade Novotný, Comrade David, Embassy file",
        "Receive:",  # the Polish "Otrzymują:"
        "Otrzymują: Gomułka, Cyrankiewicz",  # … or the word kept
        "Recipients: Tow. Naszkowski",
        "Made in 4 copies",
        "Written: in 3 copies",
        "Prepared in 4 copies:",
        "Drawn up in 2 copies",
        "5 copies",
        # the label in the translator's brackets
        "[Distribution] 1 – Gomułka, 2 – Cyrankiewicz",
        "[Distribution list:] 1 – Gomułka",
        "Sent: Khrushchev, Kozlov, Gromyko.",  # a Soviet cipher's foot
    ],
)
def test_the_first_line_of_a_distribution_list(first):
    body = structure(fields(f"Text of the report.\n\nJózsef Kovács\n\n{first}\n\nto file"), 1963)
    assert [b.text for b in body.closer] == ["József Kovács"]
    # the postscript's words, in order, however its list takes them ("Sent to:" its head)
    assert " ".join(_postscript_lines(body)) == f"{first} to file"


def test_who_drew_up_a_note_and_who_saw_it_sign_it():
    body = structure(
        fields(
            "The text of the note.\n\nDrawn up by: J. Kuchař, 1st secretary\n"
            "Seen by: Ambassador Moravec v.r."
        ),
        1964,
    )
    assert [(b.kind, b.text) for b in body.closer] == [
        ("signed", "Drawn up by: J. Kuchař, 1st secretary"),
        ("signed", "Seen by: Ambassador Moravec v.r."),
    ]


def test_who_wrote_and_typed_a_report_under_its_signature_close_it_with_the_signature():
    """A Hungarian report ends with its signer, then who wrote and who typed it: lines of the
    closer under the signature. Alone under the text, "Typed by: …" signs nothing."""
    body = structure(
        fields(
            "The text of the report.\n\nFendler Károly\nambassador\n\n"
            "Written by: Fendler Károly\nTyped by: Szabó Éva\n\n[Stamp: received]"
        ),
        1963,
    )
    assert [(b.kind, b.text) for b in body.closer] == [
        ("signed", "Fendler Károly"),
        ("office", "ambassador"),
        ("responsibility", "Written by: Fendler Károly"),
        ("responsibility", "Typed by: Szabó Éva"),
        ("remark", "[Stamp: received]"),
    ]
    alone = structure(fields("The text of the report.\n\nTyped by: Szabó Éva"), 1963)
    assert not alone.closer and alone.main[-1].text == "Typed by: Szabó Éva"


@pytest.mark.parametrize("office", ["Botschafter", "Geschäftsträger", "Ambasador", "nagykövet"])
def test_the_signer_s_office_a_translation_keeps_in_the_original_s_language(office):
    """As it keeps a letterhead ("Botschaft der DDR"), a translation may keep the signer's
    office untranslated, and the subject line's German "Betr.:"."""
    body = structure(
        fields(
            "Botschaft der DDR\nin der KDVR\n\nBetr.: Gespräch mit dem sowjetischen "
            f"Botschafter\n\nThe text of the note.\n\ngez. Schneidewind\n{office}"
        ),
        1963,
    )
    assert [(b.kind, b.text) for b in body.opener][2:] == [
        ("reference", "Betr.: Gespräch mit dem sowjetischen Botschafter")
    ]
    assert [(b.kind, b.text) for b in body.closer] == [
        ("signed", "gez. Schneidewind"),
        ("office", office),
    ]


def test_a_certification_under_the_signature_closes_the_text_too():
    """A GDR copy is certified correct under the signature: "F.d.R." over the name in
    brackets of who certified it."""
    body = structure(
        fields("Text of the report.\n\ngez. Schneidewind\nAmbassador\n\nF.d.R.\n(Jarck)"), 1963
    )
    assert [(b.kind, b.text) for b in body.closer] == [
        ("signed", "gez. Schneidewind"),
        ("office", "Ambassador"),
        ("signed", "F.d.R."),
        ("signed", "(Jarck)"),
    ]


def test_a_journal_s_foot_numbers_where_its_copies_were_sent():
    """ "Sent: 1 - to Cde. Moskovsky" / "2 - to file": where each copy went, below the
    signature; then the journal's outgoing number and date."""
    body = structure(
        fields(
            "Text of the journal.\n\nCOUNSELOR OF THE USSR EMBASSY IN THE DPRK\n"
            "(signature) A. PIMENOV\n\nSent: 1 - to Cde. Moskovsky\n2 - to file\nNo. 117\n"
            "12.IV.62"
        ),
        1962,
    )
    assert [b.kind for b in body.closer] == ["office", "signed"]
    assert _postscript_lines(body) == [
        "Sent: 1 - to Cde. Moskovsky",
        "2 - to file",
        "No. 117",
        "12.IV.62",
    ]


def test_a_journal_s_foot_says_where_it_was_sent_after_a_colon():
    """A Soviet journal ends "Sent: to Cde. …": its distribution, below the signature."""
    body = structure(
        fields(
            "Text of the journal.\n\nUSSR Ambassador in the DPRK\n/V. MOSKOVSKY/\n\n"
            "Sent: to Cde. N. S. Khrushchev, Far Eastern Department of the MFA USSR."
        ),
        1963,
    )
    assert [b.kind for b in body.closer] == ["office", "signed"]
    assert _postscript_lines(body) == [
        "Sent: to Cde. N. S. Khrushchev, Far Eastern Department of the MFA USSR."
    ]


def test_where_the_copies_went_under_the_classification_opens_the_text():
    """A Hungarian report says under its classification how many copies were made and where
    they went, perhaps numbered a line each: opening lines, not the text."""
    body = structure(
        fields(
            "Embassy of the Hungarian People's Republic\nPyongyang\n\nTop secret!\n"
            "Written: in 3 copies\nSent to: 1. Comrade Péter\n2. Comrade Szilágyi\n3. File\n\n"
            "Subject: Conversation with Comrade Moskovsky\n\nOn 18 April I visited him."
        ),
        1963,
    )
    assert [(b.kind, b.text) for b in body.opener[2:]] == [
        ("classification", "Top secret!"),
        ("classification", "Written: in 3 copies"),
        ("classification", "Sent to: 1. Comrade Péter"),
        ("classification", "2. Comrade Szilágyi"),
        ("classification", "3. File"),
        ("reference", "Subject: Conversation with Comrade Moskovsky"),
    ]
    assert [b.text for b in body.main] == ["On 18 April I visited him."]
    # a numbered line that does not follow on from the copy above it is no copy's
    body = structure(
        fields("Top secret!\nSent to: 1. Comrade Péter\n3. File\n\nOn 18 April I visited him."),
        1963,
    )
    assert [b.text for b in body.opener] == ["Top secret!", "Sent to: 1. Comrade Péter"]


@pytest.mark.parametrize(
    "last", ["He left.", 'He said: "We will see."', "of the Korean workers\nwho left."]
)
def test_a_signature_copied_under_the_last_sentence_without_a_blank_line_closes_it(last):
    body = structure(fields(f"The text.\n\n{last}\nJózsef Kovács\nambassador"), 1963)
    assert [b.text for b in body.main] == ["The text.", last]
    assert [(b.kind, b.text) for b in body.closer] == [
        ("signed", "József Kovács"),
        ("office", "ambassador"),
    ]


def test_a_distribution_list_copied_without_blank_lines_is_one_too():
    body = structure(
        fields("Text of the report.\n\n/V. Moskovsky/\n\nSent to:\nCde. Gromyko\nto file"), 1963
    )
    assert [b.text for b in body.closer] == ["/V. Moskovsky/"]
    assert _postscript_lines(body) == ["Sent to:", "Cde. Gromyko", "to file"]
    # a P.S. above the list keeps its lines, which the copy may have broken
    body = structure(
        fields("Text.\n\n/V. Moskovsky/\n\nP.S. He came\nlater.\n\nSent to:\nCde. Gromyko"), 1963
    )
    assert _postscript_lines(body) == ["P.S. He came\nlater.", "Sent to:", "Cde. Gromyko"]


def test_distribution_lines_without_a_signature_before_them_stay_text():
    body = structure(fields("Text of the report.\n\nSent to: Cde. Gromyko."), 1963)
    assert body.postscript == [] and body.main[-1].text == "Sent to: Cde. Gromyko."


@pytest.mark.parametrize("last", ["Two submarines.", "The Ambassador replied: No"])
def test_a_last_sentence_is_no_signature(last):
    body = structure(fields(f"Text of the report.\n\n{last}"), 1962)
    assert body.closer == []


def test_numbered_paragraphs_at_the_end_that_the_text_refers_to_are_notes():
    body = structure(
        fields(
            "Liu Shaoqi came to Pyongyang.[1] He left.[2]\n\nIt was cold.[1]\n\n"
            "[1] Chairman of the PRC.\n\n[2] On 7 March,\nby train."
        ),
        anchor_year=1963,
    )
    assert body.opener == []  # a short first paragraph whose stop comes before its "[2]"
    assert [b.text for b in body.main] == [
        "Liu Shaoqi came to Pyongyang.[1] He left.[2]",
        "It was cold.[1]",
    ]
    assert [(n.kind, n.number, n.label, n.text) for n in body.notes] == [
        ("note", "1", "[1]", "Chairman of the PRC."),
        ("note", "2", "[2]", "On 7 March,\nby train."),
    ]
    assert body.notes[1].paragraph.breaks == [(len("On 7 March,\n"), Break.LINE)]


def test_notes_copied_without_blank_lines_between_them_are_each_a_note():
    body = structure(
        fields("It was cold.[1] He left.[2]\n\n[1] In March.\n[2] On 7 March,\nby train."), 1963
    )
    assert [(n.number, n.text) for n in body.notes] == [
        ("1", "In March."),
        ("2", "On 7 March,\nby train."),
    ]


def test_numbered_paragraphs_are_no_notes_unless_all_are_referred_to():
    never_referred = "The text.[1]\n\n[1] A note.\n\n[2] Not referred to."
    # a number after a space refers to a note too (tests/test_notes.py), but not to another
    with_a_space = "The text [2] and more.\n\n[1] Not referred to."
    for text in (never_referred, with_a_space):
        body = structure(fields(text), anchor_year=1963)
        assert body.notes == [] and all(b.kind == "p" for b in body.main), text
    # before more text, a note stays in its place, where a page's foot put it
    body = structure(fields("The text.[1]\n\n[1] A note.\n\nA paragraph after it."), 1963)
    assert body.notes == []
    assert [(b.kind, b.text) for b in body.main] == [
        ("p", "The text.[1]"),
        ("note", "A note."),
        ("p", "A paragraph after it."),
    ]


def test_a_heading_over_the_notes_belongs_to_them_not_to_the_signature():
    body = structure(fields("The text.[1]\n\nJózsef Kovács\n\nNotes:\n\n[1] A note."), 1963)
    assert [b.text for b in body.closer] == ["József Kovács"]
    assert [(b.kind, b.text) for b in body.notes] == [("head", "Notes:"), ("note", "A note.")]
    # a last line called "Notes" with no notes under it is the text's, as before
    assert structure(fields("The text.\n\nNotes"), 1963).notes == []


def test_numbered_sections_from_i_in_order():
    body = structure(
        fields("Before.\n\nI.\n\nOne.\n\n1) a\n\n2) b\n\nII. Trade and aid\n\nTwo.\n\nThree."),
        1963,
    )
    before, first, second = body.main
    assert isinstance(before, Block) and before.text == "Before."
    assert isinstance(first, SectionNode) and isinstance(second, SectionNode)
    assert [(s.number, s.head.kind, s.head.text) for s in (first, second)] == [
        ("I", "head", "I."),
        ("II", "head", "II. Trade and aid"),
    ]
    assert [type(n).__name__ for n in first.content] == ["Block", "ListNode"]
    assert [n.text for n in second.content] == ["Two.", "Three."]


@pytest.mark.parametrize(
    ("text", "heads", "labels"),
    [
        # "I/ The economy", "II./ Trade" and, inside, "1./ The food situation …"
        (
            "Report.\n\nI/ The economy\n\nOne.\n\n1./ Food is short.\n\n2./ A plant halted."
            "\n\nII./ Trade\n\nTwo.",
            ["I/ The economy", "II./ Trade"],
            ["1./", "2./"],
        ),
        # "a./", "b./" right under "I. Economic questions": the first item had been taken for
        # the rest of a sentence the title began (a line with no stop, then one in small
        # letters), and the section, its title and the item made one paragraph
        (
            "Report.\n\nI. Economic questions\n\na./ The loans are late.\n\nb./ The plan "
            "fails.\n\nII. Party relations\n\nNo answer.",
            ["I. Economic questions", "II. Party relations"],
            ["a./", "b./"],
        ),
    ],
)
def test_sections_and_items_numbered_as_hungarian_reports_number_them(text, heads, labels):
    body = structure(fields(text), 1963)
    _report, first, second = body.main
    assert [(s.number, s.head.text) for s in (first, second)] == list(
        zip(["I", "II"], heads, strict=True)
    )
    items = first.content[-1]
    assert isinstance(items, ListNode) and [i.label for i in items.items] == labels
    assert [i.number for i in items.items] == [label.rstrip("./") for label in labels]


@pytest.mark.parametrize("title", ["Conclusions", "CONCLUSIONS AND PROPOSALS"])
def test_an_unnumbered_part_after_the_last_numbered_section_is_a_section_of_its_own(title):
    """An annual report ends its numbered sections with "Conclusions": a section without a
    number, not a paragraph of the last one; a short line followed by a short one is none."""
    sentence = "The embassy considers it necessary to continue contacts at all levels."
    body = structure(
        fields(f"I. Economy\n\nOne.\n\nII. Politics\n\nTwo.\n\n{title}\n\n{sentence}"), 1964
    )
    *_, last, closing = body.main
    assert (last.number, [n.text for n in last.content]) == ("II", ["Two."])
    assert (closing.number, closing.head.kind, closing.head.text) == ("", "head", title)
    assert [n.text for n in closing.content] == [sentence]
    body = structure(fields("I. Economy\n\nOne.\n\nII. Politics\n\nTwo.\n\nCoal\n\nSteel."), 1964)
    assert [n.text for n in body.main[-1].content] == ["Two.", "Coal", "Steel."]


def test_a_section_s_title_on_a_line_of_its_own_under_its_number_is_its_heading():
    body = structure(
        fields("Before.\n\nI.\n\nEconomic questions\n\nOil.\n\nII.\n\nHe said so.\n\nMore."),
        1963,
    )
    _, first, second = body.main
    assert [(n.kind, n.text) for n in first.content] == [
        ("head", "Economic questions"),
        ("p", "Oil."),
    ]
    # a sentence under the number is no title
    assert [n.kind for n in second.content] == ["p", "p"]
    text = build_text(body, "d", "en")
    (section,) = [div for div in text.iter("{*}div") if div.get("n") == "I"]
    assert [(e.tag.split("}")[1], e.text) for e in section] == [
        ("head", "I."),
        ("head", "Economic questions"),
        ("p", "Oil."),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "I.\n\nOne.\n\nTwo.",  # one number is no sectioning
        "II.\n\nOne.\n\nIII.\n\nTwo.",  # not from I.
        "I. He came on 5 May.\n\nII. He left.",  # sentences, not titles
    ],
)
def test_other_roman_numerals_are_no_sections(text):
    body = structure(fields(text), 1963)
    assert not any(isinstance(node, SectionNode) for node in body.main)


def test_a_titled_section_i_over_a_sentence_is_a_section_though_no_ii_follows():
    """A memorandum's "I. Economic questions" with no "II." after it: a paragraph, it had
    made "I. Economic" a person; a name after "I." ("I. V. Kovalev") is no title."""
    sentence = "In 1962 the trade turnover between the two countries reached 120 million rubles."
    body = structure(fields(f"MEMORANDUM\n\nI. Economic questions\n\n{sentence}\n\nMore."), 1963)
    (section,) = body.main
    assert isinstance(section, SectionNode)
    assert (section.number, section.head.text) == ("I", "I. Economic questions")
    assert [n.text for n in section.content] == [sentence, "More."]
    body = structure(fields(f"Report.\n\nI. V. Kovalev\n\n{sentence}"), 1963)
    assert not any(isinstance(node, SectionNode) for node in body.main)


def test_sections_numbered_in_figures_each_with_a_title_and_text_below_it():
    """A Czechoslovak record's "1. On the Seven-Year Plan", "2. On the Soviet specialists":
    sections, the last one's paragraphs its own (as a list's last item they were not)."""
    body = structure(
        fields(
            "Present: A, B\n\n1. On the plan\n\nIt grew.\n\n2. On the specialists\n\n"
            "There were 150.\n\nSix left.\n\n3. Miscellaneous\n\nHe asked about the fair."
            "\n\nIt was held in Russian."
        ),
        1963,
    )
    before, *sections = body.main
    assert isinstance(before, Block) and before.text == "Present: A, B"
    assert [(s.number, s.head.text, [n.text for n in s.content]) for s in sections] == [
        ("1", "1. On the plan", ["It grew."]),
        ("2", "2. On the specialists", ["There were 150.", "Six left."]),
        ("3", "3. Miscellaneous", ["He asked about the fair.", "It was held in Russian."]),
    ]
    text = build_text(body, "d", "en")
    assert [div.get("n") for div in text.iter("{*}div") if div.get("type") == "section"] == [
        "1",
        "2",
        "3",
    ]


def test_a_section_s_parts_numbered_in_figures_are_sections_of_that_section():
    """A Soviet political letter's "II. Soviet-Korean relations" / "1. Political contacts" /
    … / "2. Economic ties" / …: each part with its own paragraphs, not the first part a
    list's item and the last one's paragraphs left outside it."""
    body = structure(
        fields(
            "I. The internal situation\n\nThe plenum met in March.\n\n"
            "II. Soviet-Korean relations\n\n1. Political contacts\n\nFewer came.\n\n"
            "2. Economic ties\n\nTrade fell.\n\nPrices rose.\n\n"
            "III. Conclusions\n\nWe should wait."
        ),
        1963,
    )
    first, second, third = body.main
    assert [n.text for n in first.content] == ["The plenum met in March."]
    assert [(s.number, s.head.text, [n.text for n in s.content]) for s in second.content] == [
        ("1", "1. Political contacts", ["Fewer came."]),
        ("2", "2. Economic ties", ["Trade fell.", "Prices rose."]),
    ]
    assert [n.text for n in third.content] == ["We should wait."]
    text = build_text(body, "d", "en")
    sections = [div for div in text.iter("{*}div") if div.get("type") == "section"]
    assert [(div.get("n"), div.getparent().get("n")) for div in sections] == [
        ("I", None),
        ("II", None),
        ("1", "II"),
        ("2", "II"),
        ("III", None),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "1. Coal\n\n2. Steel\n\n3. Cement\n\nThat is all.",  # short items, no text between
        "1. He came on 5 May.\n\nMore.\n\n2. He left.\n\nMore.",  # sentences, not titles
        "1. Coal\n\nMore.\n\n3. Steel\n\nMore.",  # not in order
        # headings in capitals that do not stand out: a telegram in capitals throughout
        "I REPORT THE FOLLOWING\n\nON THE TALKS\n\nTHEY WENT WELL.\n\nON TRADE\n\nNO NEWS.",
        # … one heading alone, under no heading of the document's
        "The text.\n\nCONCLUSIONS\n\nWe should wait.",
        # … headings with nothing under them
        "The text.\n\nON THE TALKS\n\nON TRADE\n\nNothing new.",
    ],
)
def test_numbered_lines_and_headings_in_capitals_that_begin_no_section(text):
    body = structure(fields(text), 1963)
    assert not any(isinstance(node, SectionNode) for node in body.main)


def test_names_that_begin_paragraphs_before_a_colon_are_speakers():
    body = structure(
        fields(
            "Time: 2 June 1963\n\nPremier Zhou: What did he say?\n\nChervonenko: I do not "
            "know.\n\nPremier Zhou: Chen Yi will go.\n\nChervonenko: We will inform Moscow."
            "\n\nQuestion: why?\n\nQuestion: when?\n\nQ: who?\n\nQ: how?"
        ),
        1963,
    )
    assert body.speakers == {"Premier Zhou", "Chervonenko"}  # a form's labels are no one
    body = structure(fields("Chervonenko: I do not know.\n\nHe left."), 1963)
    assert body.speakers == frozenset()  # once is too little


def test_who_speaks_once_among_the_turns_of_others_is_a_speaker():
    body = structure(
        fields(
            "I received him at 10.00.\n\nHao Deqing: The Chinese side is surprised.\n\n"
            "Moskovsky: The invitation came too late.\n\nHao Deqing: We will check this.\n\n"
            "Kim Il Sung received me.\n\nSubject: oil deliveries"
        ),
        1963,
    )
    # not a form's label, nor a name that opens a paragraph away from the conversation
    assert body.speakers == {"Hao Deqing", "Moskovsky"}


def test_the_initial_a_record_gives_its_own_side_is_a_speaker():
    body = structure(
        fields("M.: I bring greetings.\n\nNam Il: Thank you.\n\nM.: When will you come?"), 1963
    )
    assert body.speakers == {"M.", "Nam Il"}


def test_the_recorder_s_i_is_a_speaker():
    """ "Pak: That was two months ago." / "I: Pravda printed it in full.": the recorder's
    own turns, as Soviet records of conversation write them."""
    body = structure(
        fields("Pak: Your press is silent.\n\nI: Pravda printed it.\n\nPak: Two months ago."),
        1963,
    )
    assert body.speakers == {"Pak", "I"}
    body = structure(fields("I: a note.\n\nHe left."), 1963)
    assert body.speakers == frozenset()


def test_a_list_a_speaker_introduces_is_in_the_turn():
    """ "Pak: … our own view:" / "- that the Treaty deceives the peoples;" / …: the list had
    stood outside the turn, unattributed; TEI's sp holds lists. A list after a turn that
    introduces none stays outside it."""
    body = structure(
        fields(
            "Pak: We shall see.\n\nMoskovsky: The Treaty serves peace.\n\nPak: Our view:\n\n"
            "- that it deceives;\n- that it helps the USA.\n\nMoskovsky: I shall inform "
            "Moscow.\n\n- a remark;\n- another."
        ),
        1963,
    )
    text = build_text(body, "d", "en")
    turns = text.xpath("//tei:sp", namespaces=NS)
    assert [len(sp.xpath("tei:list/tei:item", namespaces=NS)) for sp in turns] == [0, 0, 2, 0]
    assert len(text.xpath("//tei:div/tei:list", namespaces=NS)) == 1


def test_a_speaker_s_initials_before_the_surname():
    """Bulgarian minutes give "T. Zhivkov:" and "G. Denisov:": the initials had kept them
    from being speakers, and the turns stayed paragraphs."""
    body = structure(
        fields("T. Zhivkov: How are things?\n\nG. Denisov: Well.\n\nT. Zhivkov: Good."), 1963
    )
    assert body.speakers == {"T. Zhivkov", "G. Denisov"}


@pytest.mark.parametrize(
    "lines",
    [
        ["Time: 2 June 1963, 4:00 p.m.", "Location: Xihua Hall", "Interpreter: Zhu Ruizhen"],
        ["Premier Zhou: What did he say?", "Chervonenko: I do not know."],
        # a telegram's fields, its number among them
        ["Sender: Pyongyang", "Date: 12.14.1963, 14:00", "Classification: Secret", "No. 76.215"],
        # a table's rows, each a name, a dash and a figure
        ["Oil products – 300,000 t", "Cotton – 15,000 t", "Trucks – 1,200"],
    ],
)
def test_lines_that_each_begin_with_a_label_are_lines_of_the_original(lines):
    body = structure(fields("\n".join(lines) + "\n\nHe left."), 1963)
    # each a block of its own, in the text or, a telegram's fields, opening it
    assert [(b.text, b.line) for b in [*body.opener, *body.main]] == [
        *((line, n) for n, line in enumerate(lines, 1)),
        ("He left.", len(lines) + 2),
    ]


def test_a_table_s_rows_set_apart_by_tabs_are_lines_of_the_original():
    body = structure(
        fields("He came.\n\nDeliveries (thousand tons):\nOil\t250\nCotton\t15\n\nHe left."), 1963
    )
    assert [(b.text, b.line) for b in body.main] == [
        ("He came.", 1),
        ("Deliveries (thousand tons):", 3),
        ("Oil 250", 4),  # white space is normalised, the row kept
        ("Cotton 15", 5),
        ("He left.", 7),
    ]
    # a tab that indents a paragraph's first line sets no columns apart
    body = structure(fields("He came.\n\n\tThe talks\nwent on."), 1963)
    assert [b.text for b in body.main] == ["He came.", "The talks\nwent on."]
    # a line under the rows, no blank line between, is no more of the last row's cells
    body = structure(fields("Oil\t250\nCotton\t15\nHe left."), 1963)
    assert [(b.text, b.cells) for b in body.main] == [
        ("Oil 250", ["Oil", "250"]),
        ("Cotton 15", ["Cotton", "15"]),
        ("He left.", None),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Time: 2 June 1963, the talks\nwent on until late.",
        "The Soviet side – as always –\nwill help the Korean comrades with oil.",
    ],
)
def test_a_label_on_some_lines_only_is_a_paragraph_the_copy_broke(text):
    body = structure(fields(f"{text}\n\nHe left."), 1963)
    assert [b.text for b in body.main] == [text, "He left."]


@pytest.mark.parametrize(
    ("line", "date", "name"),
    [
        ("3.III.64 MOSKOVSKY", "3.III.64", "MOSKOVSKY"),
        ("14.3.1963 V. Moskovsky", "14.3.1963", "V. Moskovsky"),
    ],
)
def test_a_telegram_s_last_line_of_date_and_signer_closes_it(line, date, name):
    body = structure(fields(f"Text of the telegram.\n\n{line}"), 1964)
    assert [(b.kind, b.text) for b in body.closer] == [("dateline", date), ("signed", name)]


@pytest.mark.parametrize(
    "signature", ["12.III.63 MOSKOVSKY", "Ambassador of the USSR in the DPRK\n/V. Moskovsky/"]
)
def test_a_notation_after_the_signature_closes_the_text_with_it(signature):
    remark = '[Notation on the document: "To Cde. Khrushchev. Yu. Andropov. 13.III.63"]'
    body = structure(fields(f"Text of the telegram.\n\n{signature}\n\n{remark}"), 1963)
    assert [b.kind for b in body.closer][-1:] == ["remark"]
    assert "signed" in [b.kind for b in body.closer]
    assert [b.text for b in body.main] == ["Text of the telegram."]
    # a remark after text that has no signature stays where it is
    body = structure(fields(f"Text of the telegram.\n\nMore text.\n\n{remark}"), 1963)
    assert body.closer == [] and body.main[-1].text == remark


@pytest.mark.parametrize("word", ["Footnote 1", "Endnote", "Note"])
def test_a_translator_s_footnote_in_brackets_after_the_signature_closes_the_text(word):
    """The signature over it had stayed a paragraph: "Footnote" was no remark's word."""
    remark = f"[{word}: The date in the title is the date of the conversation.]"
    signature = "USSR AMBASSADOR TO THE DPRK\nV. MOSKOVSKY"
    body = structure(fields(f"Text of the record.\n\n{signature}\n\n{remark}"), 1962)
    assert [b.kind for b in body.closer] == ["office", "signed", "remark"]


def test_an_opening_line_of_its_own_kind_under_an_address_keeps_its_kind():
    body = structure(
        fields("To: MFA USSR, Cde. A. A. Gromyko\nURGENT\n\nOn 2 March he came."), 1964
    )
    assert [(b.kind, b.text) for b in body.opener] == [
        ("addressee", "To: MFA USSR, Cde. A. A. Gromyko"),
        ("precedence", "URGENT"),
    ]


@pytest.mark.parametrize("department", ["Far East Department", "5th Territorial Department"])
def test_a_letter_s_address_subject_greetings_and_enclosures(department):
    """A department numbered in figures is an address line too (it had made the address a
    paragraph)."""
    body = structure(
        fields(
            "GDR Embassy\nPyongyang\n\nPyongyang, 12 March 1963\n\n"
            f"To the\nMinistry of Foreign Affairs\n{department}\nBerlin\n\n"
            "Ref.: Your letter of 3.3.1963\nSubject: Soviet deliveries of oil\n\n"
            "Dear Comrade Schwab!\n\nIn reply to your letter I report the following.\n\n"
            "With socialist greetings\n\n[signed] Schneidewind\nAmbassador\n\nEnclosures: 2"
        ),
        1963,
    )
    assert [(b.kind, b.text) for b in body.opener] == [
        ("issuer", "GDR Embassy"),
        ("issuer", "Pyongyang"),
        ("dateline", "Pyongyang, 12 March 1963"),
        ("addressee", "To the"),
        ("addressee", "Ministry of Foreign Affairs"),
        ("addressee", department),
        ("addressee", "Berlin"),
        ("reference", "Ref.: Your letter of 3.3.1963"),
        ("reference", "Subject: Soviet deliveries of oil"),
        ("salute", "Dear Comrade Schwab!"),
    ]
    assert [b.text for b in body.main] == ["In reply to your letter I report the following."]
    assert [(b.kind, b.text) for b in body.closer] == [
        ("salute", "With socialist greetings"),
        ("signed", "[signed] Schneidewind"),
        ("office", "Ambassador"),
    ]
    assert _postscript_lines(body) == ["Enclosures: 2"]


@pytest.mark.parametrize("salute", ["Comrade Minister,", "Comrade Ambassador!", "Comrades,"])
def test_an_address_under_a_lone_to_and_a_bare_comrade_salute(salute):
    body = structure(
        fields(
            "Strictly secret!\n\nTo\nComrade Ivan Bashev\nMinister of Foreign Affairs\nSofia"
            f"\n\n{salute}\n\nOn 16 August I visited Comrade Moskovsky."
        ),
        1963,
    )
    assert [(b.kind, b.text) for b in body.opener] == [
        ("classification", "Strictly secret!"),
        ("addressee", "To"),
        ("addressee", "Comrade Ivan Bashev"),
        ("addressee", "Minister of Foreign Affairs"),
        ("addressee", "Sofia"),
        ("salute", salute),
    ]
    assert [b.text for b in body.main] == ["On 16 August I visited Comrade Moskovsky."]


@pytest.mark.parametrize(
    "valediction",
    [
        "With comradely greetings,",
        "With comradely greetings:",  # as Hungarian reports end
        "Yours sincerely,",
        "With respect,",
    ],
)
def test_the_valediction_above_the_signature_closes_the_text(valediction):
    body = structure(
        fields(
            f"Dear Comrade Ambassador,\n\nI thank you.\n\n{valediction}\n\nV. Moskovsky\n"
            "Ambassador of the USSR in the DPRK"
        ),
        1963,
    )
    assert [(b.kind, b.text) for b in body.closer] == [
        ("salute", valediction),
        ("signed", "V. Moskovsky"),
        ("office", "Ambassador of the USSR in the DPRK"),
    ]
    # with no signature under it, it stays text
    body = structure(fields(f"I thank you.\n\n{valediction}\n\nHe left."), 1963)
    assert body.closer == [] and len(body.main) == 3


@pytest.mark.parametrize(
    "courtesy",
    [
        "Please accept, Comrade Minister, the assurances of my highest consideration.",
        "I avail myself of this opportunity to renew to you the assurances of my highest "
        "consideration.",
    ],
)
def test_a_diplomatic_note_s_courtesy_and_an_office_over_two_lines_close_it(courtesy):
    """A note to a minister ends with its courtesy formula over the signature, and the
    signer's office may go on on a line of its own ("of the USSR in the DPRK"); its
    letterhead may name the country under the embassy as a letterhead writes it."""
    body = structure(
        fields(
            "Embassy of the USSR\nin the DPRK\n\nNo. 145\n\nEsteemed Comrade Minister,\n\n"
            f"I have the honour to inform you of the following.\n\n{courtesy}\n\n"
            "V. Moskovsky\nAmbassador Extraordinary and Plenipotentiary\nof the USSR in the DPRK"
        ),
        1964,
    )
    assert [(b.kind, b.text) for b in body.opener[:2]] == [
        ("issuer", "Embassy of the USSR"),
        ("issuer", "in the DPRK"),
    ]
    assert [(b.kind, b.text) for b in body.closer] == [
        ("salute", courtesy),
        ("signed", "V. Moskovsky"),
        ("office", "Ambassador Extraordinary and Plenipotentiary"),
        ("office", "of the USSR in the DPRK"),
    ]
    # a line that begins as an office goes on, under no office, signs nothing
    body = structure(fields("The text.\n\nV. Moskovsky\n\nof the USSR in the DPRK"), 1964)
    assert body.closer == []


def test_a_sentence_ending_in_a_date_and_a_word_is_no_signature():
    body = structure(fields("Text.\n\nHe came on 3.III.64 Tuesday and left."), 1964)
    assert body.closer == []


def test_a_heading_s_second_line_may_name_whom_the_conversation_was_with():
    heading = (
        "RECORD OF CONVERSATION\nwith Chairman of the Presidium of the Supreme People's "
        "Assembly of the DPRK Choe Yong-geon"
    )
    body = structure(fields(f"Top Secret\n\n{heading}\n\n18 March 1963\n\nI visited him."), 1963)
    assert [(b.kind, b.text) for b in body.opener] == [
        ("classification", "Top Secret"),
        ("head", heading),
        ("dateline", "18 March 1963"),
    ]


@pytest.mark.parametrize("blank", ["\n", "\n\n"])
def test_the_part_of_the_office_under_a_letterhead_is_the_letterhead_s(blank):
    body = structure(
        fields(
            f"Ministry of Foreign Affairs{blank}5th Territorial Department\n\n"
            "Prague, 14. 5. 1963\n\nOn 10 May the ambassador was received."
        ),
        1963,
    )
    assert [(b.kind, b.text) for b in body.opener] == [
        ("issuer", "Ministry of Foreign Affairs"),
        ("issuer", "5th Territorial Department"),
        ("dateline", "Prague, 14. 5. 1963"),
    ]


def test_an_address_ending_in_a_comma_goes_on_below_a_blank_line():
    opening = "To Comrade Foreign Minister János Péter,\n\nBudapest\n\n"
    body = structure(fields(f"{opening}1. On 2 April he came."), 1963)
    assert [(b.kind, b.text) for b in body.opener] == [
        ("addressee", "To Comrade Foreign Minister János Péter,"),
        ("addressee", "Budapest"),
    ]
    # an opening line of its own kind below it keeps its kind; without the comma, the
    # address has ended, but for its place alone
    body = structure(fields(f"{opening}Dear Comrade Minister,\n\nOn 2 April he came."), 1963)
    assert [b.kind for b in body.opener] == ["addressee", "addressee", "salute"]
    body = structure(fields("To the Minister\n\nBudapest\n\nOn 2 April he came."), 1963)
    assert [b.kind for b in body.opener] == ["addressee", "addressee"]
    body = structure(fields("To the Minister\n\nReport on trade\n\nOn 2 April he came."), 1963)
    assert [b.kind for b in body.opener] == ["addressee", "head"]


def test_the_person_an_address_names_under_their_offices_is_the_addressee():
    lines = [
        "To the First Secretary of the Central Committee of the CPSU,",
        "Chairman of the Council of Ministers of the USSR",
        "Comrade N. S. Khrushchev",
        "Moscow",
    ]
    body = structure(
        fields("\n\n".join(lines) + "\n\nDear Comrade Khrushchev,\n\nI thank you."), 1963
    )
    assert [(b.kind, b.text) for b in body.opener] == [
        *(("addressee", line) for line in lines),
        ("salute", "Dear Comrade Khrushchev,"),
    ]


@pytest.mark.parametrize(
    "line", ["Foreign Ministry:", "Ministry of Foreign Affairs and the Liaison Department:"]
)
def test_an_office_and_a_colon_is_the_addressee_of_a_cable(line):
    body = structure(fields(f"{line}\n\nRecently, Soviet ambassador Moskovsky visited."), 1963)
    assert [(b.kind, b.text) for b in body.opener] == [("addressee", line)]
    # a sentence with a colon is no address
    body = structure(fields("The Ministry said the following:\n\nIt is so."), 1963)
    assert body.opener == []


def test_a_subject_line_of_two_lines_length_opens_the_text():
    subject = (
        "Subject: Conversation with the Soviet Ambassador, Comrade Moskovsky, on 9 August 1963,"
        " 11:00–12:30 hours"
    )
    body = structure(fields(f"Memorandum\n\n{subject}\n\nComrade Moskovsky stated so."), 1963)
    assert [(b.kind, b.text) for b in body.opener] == [
        ("head", "Memorandum"),
        ("reference", subject),
    ]


def test_a_telegram_s_dispatch_and_receipt_are_opening_lines():
    lines = [
        "Dispatched from Pyongyang on 03.06.1963 at 12:20 and received at 18:45 on 03.06.1963",
        "Came to the Decoding Department at 19:10 on 03.06.1963",
    ]
    body = structure(
        fields(f"Ciphergram No. 6718\n\n{lines[0]}\n\n{lines[1]}\n\nTOP SECRET\n\nYesterday."),
        1963,
    )
    assert [(b.kind, b.text) for b in body.opener] == [
        ("head", "Ciphergram No. 6718"),
        *(("transmission", line) for line in lines),
        ("classification", "TOP SECRET"),
    ]
    # or after where it comes from, under the heading without a blank line
    line = "from Pyongyang dispatched on 15.III.63 at 14:20 received on 15.III.63 at 20:10"
    body = structure(fields(f"Ciphergram No. 4521\n{line}\n\nTOP SECRET\n\nYesterday."), 1963)
    assert [(b.kind, b.text) for b in body.opener] == [
        ("head", "Ciphergram No. 4521"),
        ("transmission", line),
        ("classification", "TOP SECRET"),
    ]


def test_a_telegram_s_number_and_dispatch_in_capitals_open_it():
    lines = [
        "CIPHERED TELEGRAM NO. 12415",
        "FROM PYONGYANG, SENT 5.10.1962 AT 14.00 HRS, RECEIVED 6.10.1962 AT 09.30 HRS",
        "TO: MINISTER RAPACKI",
        "TOP SECRET",
    ]
    body = structure(fields("\n\n".join(lines) + "\n\nMOSKOVSKY TOLD ME SO."), 1962)
    assert [(b.kind, b.text) for b in body.opener] == list(
        zip(["registry", "transmission", "addressee", "classification"], lines, strict=True)
    )


def test_a_number_after_words_in_capitals_is_no_place_and_year():
    """ "SZYFROGRAM NR 4317" is the ciphergram's number, not a place "SZYFROGRAM NR" and the
    year 4317, which made the document's date and every day in it of that year."""
    body = structure(fields("SZYFROGRAM NR 4317\n\nTOP SECRET\n\nOn 6 May he came."), 1963)
    assert [(b.kind, b.text) for b in body.opener] == [
        ("registry", "SZYFROGRAM NR 4317"),
        ("classification", "TOP SECRET"),
    ]


def test_a_telegram_s_dateline_with_its_hour_and_its_receipt_after_a_colon():
    """A Hungarian ciphered telegram: where and when it was sent, to the minute, and when it
    arrived, on the next line after "Arrived:"; then its number with its classification."""
    body = structure(
        fields(
            "Ciphered telegram\n\n"
            "Pyongyang, 14 March 1963, 18.40\nArrived: 15 March 1963, 07.15\n\n"
            "No. 47. Top secret!\n\nMoskovsky told me."
        ),
        1963,
    )
    assert [(b.kind, b.text) for b in body.opener] == [
        ("head", "Ciphered telegram"),
        ("dateline", "Pyongyang, 14 March 1963, 18.40"),
        ("transmission", "Arrived: 15 March 1963, 07.15"),
        ("registry", "No. 47. Top secret!"),
    ]
    assert classification_level(body.opener) == "Top secret"


def test_a_ciphergram_s_times_under_its_number_in_small_letters_open_it():
    """A Polish ciphergram: its number, then when it was sent, received and deciphered, the
    lines in small letters. The sentence-cut repair had joined the first to the number (a
    line with no stop, a next one in small letters), making the opener a paragraph."""
    body = structure(
        fields(
            "CIPHERGRAM No. 2455\n\nfrom Pyongyang, dispatched on 04.01.1963 at 15:00 and "
            "received on 05.01.1963 at 08:00\ncame to the Decoding Department at 09:10\n\n"
            "At the reception Kim Il Sung spoke with Moskovsky."
        ),
        1963,
    )
    assert [(b.kind, b.text) for b in body.opener] == [
        ("head", "CIPHERGRAM No. 2455"),
        (
            "transmission",
            "from Pyongyang, dispatched on 04.01.1963 at 15:00 and received on 05.01.1963 at 08:00",
        ),
        ("transmission", "came to the Decoding Department at 09:10"),
    ]


def test_a_telegram_s_receipt_in_capitals_is_no_place_and_date():
    """ "RECEIVED 28 MARCH 1963 02:15" under "PYONGYANG 27 MARCH 1963 18:40": the word had
    been taken for the place of a dateline."""
    body = structure(
        fields(
            "CIPHERED TELEGRAM\n\nPYONGYANG 27 MARCH 1963 18:40\nRECEIVED 28 MARCH 1963 02:15"
            "\n\nON 26 MARCH I WAS RECEIVED BY KIM IL SUNG."
        ),
        1963,
    )
    assert [(b.kind, b.place) for b in body.opener] == [
        ("head", None),
        ("dateline", "PYONGYANG"),
        ("transmission", None),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Received the ambassador at 10:00 on 3 June.",
        "Sent him 2 letters",
        "Came on 3 June to see him.",
    ],
)
def test_a_sentence_about_sending_is_no_dispatch_line(sentence):
    body = structure(fields(f"{sentence}\n\nHe left."), 1963)
    assert "transmission" not in [b.kind for b in body.opener]


def test_a_telegram_s_fields_copied_together_open_it():
    body = structure(
        fields(
            "CIPHERED TELEGRAM\n\nFrom: Pyongyang\nTo: MFA - Sofia\nNo. 23\nDate: 30.X.1963\n\n"
            "Very urgent\n\nON 29 OCTOBER THE AMBASSADOR CAME."
        ),
        1963,
    )
    assert [(b.kind, b.text) for b in body.opener] == [
        ("head", "CIPHERED TELEGRAM"),
        ("sender", "From: Pyongyang"),
        ("addressee", "To: MFA - Sofia"),
        ("registry", "No. 23"),
        ("dateline", "Date: 30.X.1963"),
        ("precedence", "Very urgent"),
    ]
    assert body.opener[4].date.when == "1963-10-30"
    # in the TEI, the field's label stays in the dateline, before the date
    (dateline,) = build_text(body, "d", "en").iter("{*}dateline")
    assert dateline.text == "Date: " and dateline[0].text == "30.X.1963"


def test_a_form_s_field_after_the_heading_is_no_heading():
    body = structure(
        fields(
            "Note\non a Conversation with Comrade Moskovsky\n\n"
            "Participants: Comrade Moskovsky, Comrade Jarck (interpreter)\n\nHe said so."
        ),
        1963,
    )
    assert [b.kind for b in body.opener] == ["head"]
    assert body.main[0].text.startswith("Participants:")


def test_the_first_numbered_section_ends_the_opening_lines():
    body = structure(
        fields(
            "TOP SECRET\n\n8 January 1963\n\nI. The Caribbean crisis\n\nPak said so.\n\n"
            "II. Trade for 1963\n\nHe asked for oil."
        ),
        1963,
    )
    assert [b.kind for b in body.opener] == ["classification", "dateline"]
    assert [(s.number, s.head.text) for s in body.main] == [
        ("I", "I. The Caribbean crisis"),
        ("II", "II. Trade for 1963"),
    ]


def test_a_list_labelled_otherwise_inside_an_item_is_that_item_s():
    body = structure(
        fields(
            "His activities:\n\n1. He called on Kim Il.\n\n2. He said:\n\n(1) the views;\n\n"
            "(2) the aid.\n\n3. He also said so.\n\nWe will follow him."
        ),
        1963,
    )
    intro, outer, after = body.main
    assert intro.text == "His activities:" and after.text == "We will follow him."
    assert [(item.label, item.number) for item in outer.items] == [
        ("1.", "1"),
        ("2.", "2"),
        ("3.", "3"),
    ]
    said, inner = outer.items[1].content
    assert said.text == "He said:" and isinstance(inner, ListNode)
    assert [(item.label, item.content[0].text) for item in inner.items] == [
        ("(1)", "the views;"),
        ("(2)", "the aid."),
    ]
    # such a list right after the last item is the last item's
    body = structure(fields("Intro.\n\n1. First.\n\n2. Second:\n\n(1) one;\n\n(2) two."), 1963)
    (_, outer) = body.main
    assert isinstance(outer.items[1].content[-1], ListNode)


def test_an_office_signs_as_an_embassy_s_cable_does():
    body = structure(
        fields("We will follow his activities.\n\nChinese Embassy in the DPRK\n2 December 1963"),
        1963,
    )
    assert [(b.kind, b.text) for b in body.closer] == [
        ("office", "Chinese Embassy in the DPRK"),
        ("dateline", "2 December 1963"),
    ]
    # a date alone signs nothing
    body = structure(fields("We will follow his activities.\n\n2 December 1963"), 1963)
    assert body.closer == []


def test_a_letterhead_in_capitals_and_an_address_with_its_country_on_a_line_of_its_own():
    letterhead = (
        "EMBASSY OF THE UNION OF SOVIET SOCIALIST REPUBLICS\n"
        "IN THE DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA"
    )
    address = (
        "To the Ambassador of the People's Republic of Bulgaria\nin the DPRK\nCde. G. Bogdanov"
    )
    body = structure(
        fields(
            f"{letterhead}\n\nNo. 0213\n16 May 1963\n\n{address}\n\n"
            "Dear Comrade Ambassador,\n\nIn reply to your letter of 10 May, I agree."
        ),
        1963,
    )
    assert [(b.kind, b.text) for b in body.opener] == [
        *(("issuer", line) for line in letterhead.split("\n")),
        ("registry", "No. 0213"),
        ("dateline", "16 May 1963"),
        *(("addressee", line) for line in address.split("\n")),
        ("salute", "Dear Comrade Ambassador,"),
    ]


def test_an_albanian_protocol_number_and_an_address_in_capitals_open_the_text():
    """The Albanian "No. 212 Prot." is a registry number with its register's abbreviation;
    "TO THE MINISTRY OF FOREIGN AFFAIRS" in capitals is an address, as "To the …" is."""
    address = "TO THE MINISTRY OF FOREIGN AFFAIRS\nDirectorate II\nTIRANA"
    body = structure(
        fields(
            "EMBASSY OF THE PEOPLE'S REPUBLIC OF ALBANIA\nPYONGYANG\n\n"
            f"No. 212 Prot.\nPyongyang, 18.12.1963\n\n{address}\n\nINFORMATION\n\n"
            "The Soviet ambassador continues his activity."
        ),
        1963,
    )
    assert [(b.kind, b.text) for b in body.opener][2:] == [
        ("registry", "No. 212 Prot."),
        ("dateline", "Pyongyang, 18.12.1963"),
        *(("addressee", line) for line in address.split("\n")),
        ("head", "INFORMATION"),
    ]


def test_a_gdr_letterhead_numbers_and_distribution_kept_in_german():
    """A translation may keep the GDR file's German: the letterhead's "in der KDVR" is its
    place, "1.)" numbers an item, "Verteiler:" heads the distribution, so the signature in
    brackets above it closes the text."""
    body = structure(
        fields(
            "Botschaft der DDR\nin der KDVR\n\nPjöngjang, den 4.4.1964\n\n"
            "1.) Comrade Moskowski stated so.\n\n2.) The Korean comrades agree.\n\n"
            "(Schneidewind)\nAmbassador\n\nVerteiler:\n1x Gen. Winzer\n1x Botschaft"
        ),
        1964,
    )
    assert [(b.kind, b.text) for b in body.opener[:2]] == [
        ("issuer", "Botschaft der DDR"),
        ("issuer", "in der KDVR"),
    ]
    (items,) = body.main
    assert [(item.label, item.number) for item in items.items] == [("1.)", "1"), ("2.)", "2")]
    assert [b.text for b in body.closer] == ["(Schneidewind)", "Ambassador"]
    assert _postscript_lines(body)[0] == "Verteiler:"


def test_an_address_s_place_alone_below_a_blank_line_is_the_address_s():
    address = "To the First Secretary of the CC CPSU,\nComrade N. S. Khrushchev"
    body = structure(
        fields(f"{address}\n\nMoscow\n\nDear Comrade Khrushchev!\n\nWe thank you."), 1964
    )
    assert [(b.kind, b.text) for b in body.opener] == [
        *(("addressee", line) for line in address.split("\n")),
        ("addressee", "Moscow"),
        ("salute", "Dear Comrade Khrushchev!"),
    ]
    # a document's kind below the address heads the text
    body = structure(fields(f"{address}\n\nMEMORANDUM\n\nWe thank you."), 1964)
    assert [b.kind for b in body.opener][-1] == "head"


def test_a_letter_s_address_with_initials_and_its_signature_over_place_and_date():
    address = (
        "To the First Secretary of the CC CPSU,\nChairman of the USSR Council of Ministers,\n"
        "Comrade N. S. Khrushchev"
    )
    body = structure(
        fields(
            f"{address}\n\nDear Nikita Sergeyevich!\n\nWe ask you for a credit.\n\n"
            "With Communist greetings,\n\n"
            "Chairman of the Cabinet of Ministers of the DPRK\nKim Il Sung\n\n"
            "Pyongyang, 2 July 1963"
        ),
        1963,
    )
    assert [(b.kind, b.text) for b in body.opener] == [
        *(("addressee", line) for line in address.split("\n")),
        ("salute", "Dear Nikita Sergeyevich!"),
    ]
    assert [b.text for b in body.main] == ["We ask you for a credit."]
    assert [(b.kind, b.text) for b in body.closer] == [
        ("salute", "With Communist greetings,"),
        ("office", "Chairman of the Cabinet of Ministers of the DPRK"),
        ("signed", "Kim Il Sung"),
        ("dateline", "Pyongyang, 2 July 1963"),
    ]


def test_a_polish_dateline_with_its_year_mark():
    body = structure(fields("Pyongyang, 5.III.1963 r.\n\nSecret\n\nOn 4 March he came."), 1963)
    assert [(b.kind, b.place) for b in body.opener] == [
        ("dateline", "Pyongyang"),
        ("classification", None),
    ]
    assert body.opener[0].date.when == "1963-03-05"
    # the mark stays in the dateline, after the date
    (dateline,) = build_text(body, "d", "en").iter("{*}dateline")
    assert dateline[-1].text == "5.III.1963" and dateline[-1].tail == " r."


JOURNAL = (
    "SECRET\n\nJOURNAL\nof the USSR Ambassador\nfor 12 to 14 March 1963\n\n12 March 1963\n\n"
    "I received Ryu.\n\n13 March 1963\n\nI visited Jeong.\n\nHe agreed.\n\n14 March 1963\n\n"
    "A talk.\n\nUSSR Ambassador\n(signature)\nV. Moskovsky"
)


def test_the_period_a_journal_covers_is_the_last_line_of_its_heading():
    """ "for 4 to 11 March 1963" below a blank line was a heading of its own."""
    body = structure(
        fields(
            "SECRET\n\nJOURNAL\n\nof USSR Ambassador V. P. Moskovsky\n\nfor 4 to 11 March 1963"
            "\n\n4 March 1963\n\nI visited him.\n\n6 March 1963\n\nHe came.\n\nV. Moskovsky"
        ),
        1963,
    )
    assert [(b.kind, b.text) for b in body.opener] == [
        ("classification", "SECRET"),
        ("head", "JOURNAL\nof USSR Ambassador V. P. Moskovsky\nfor 4 to 11 March 1963"),
    ]
    assert len(body.main) == 2


def test_a_sentence_before_an_omission_mark_is_no_heading():
    """A Chinese cable's first paragraph, short, ending "… Hao [Deqing]. (Omitted)", was a
    heading: the mark of a passage left out hid the stop before it."""
    body = structure(
        fields(
            "Urgent\n\nMinistry of Foreign Affairs:\n\nOn 2 January, Moskovsky paid a visit "
            "to Ambassador Hao. (Omitted)\n\nMoskovsky stated that there was no quarrel."
            "\n\nEmbassy in the DPRK"
        ),
        1963,
    )
    assert [b.kind for b in body.opener] == ["precedence", "addressee"]
    assert body.main[0].text.startswith("On 2 January")


def test_an_attachment_s_rows_of_figures_are_no_headings():
    """An attachment that is a list of figures under its heading: its rows were each a
    heading, as the lines at an opening are; they stay rows of text, as in a text."""
    body = structure(
        fields(
            "The list of deliveries is attached for your information.\n\nV. Moskovsky\n\n"
            "Attachment No. 1\n\nLIST\n\nof Soviet deliveries to the DPRK in 1964\n\n"
            "Oil products – 300,000 t\n\nTrucks – 500\n\nRolled steel – 45,000 t"
        ),
        1963,
    )
    (enclosure,) = body.enclosures
    assert [(b.kind, b.text) for b in enclosure.body.opener] == [
        ("head", "LIST\nof Soviet deliveries to the DPRK in 1964")
    ]
    assert [b.kind for b in enclosure.body.main] == ["p", "p", "p"]


def test_the_mark_of_signing_under_the_office_is_the_signature_s():
    """A Hungarian "s.k." (in his own hand) alone under "ambassador" was read as the rest of
    a sentence, "ambassador s.k.", a paragraph, and the signature with it."""
    body = structure(
        fields("On 8 December I paid him a visit.\n\nPásztor János\n\nambassador\n\ns.k."),
        1962,
    )
    assert [(b.kind, b.text) for b in body.closer] == [
        ("signed", "Pásztor János"),
        ("office", "ambassador"),
        ("signed", "s.k."),
    ]


def test_a_table_that_begins_the_text_is_a_table():
    """A page that is a table under its caption: the caption and each row were headings of
    the opener; the table begins the text, its caption its heading."""
    body = structure(
        fields(
            "Table 1. Output of the main products\n\nProduct\tUnit\t1961\t1962\n"
            "Coal\tthousand t\t11,984\t12,800\nSteel\tthousand t\t777\t882\n\n"
            "Source: data of the State Planning Committee of 2 February 1963."
        ),
        1963,
    )
    assert body.opener == []
    assert [b.kind for b in body.main] == ["table-head", "p", "p", "p", "p"]
    assert [len(b.cells or []) for b in body.main] == [0, 4, 4, 4, 0]


def test_a_record_s_kind_in_four_words_over_its_subject_is_one_heading():
    body = structure(
        fields(
            "Top Secret\n\nRECORD OF A CONVERSATION\n\nwith Chairman Ch'oe Yong-gŏn\n\n"
            "25 February 1963\n\nI visited him on the anniversary.\n\nV. Moskovsky"
        ),
        1963,
    )
    assert [(b.kind, b.text) for b in body.opener] == [
        ("classification", "Top Secret"),
        ("head", "RECORD OF A CONVERSATION\nwith Chairman Ch'oe Yong-gŏn"),
        ("dateline", "25 February 1963"),
    ]


@pytest.mark.parametrize("line", ["CC CPSU", "MFA USSR"])
def test_an_office_in_initials_alone_at_a_letter_s_head_is_its_addressee(line):
    """A Soviet letter to the Central Committee heads itself "CC CPSU": its addressee, not
    its heading; a heading in capitals with words ("RECORD OF CONVERSATION") stays one."""
    body = structure(
        fields(f"Secret\n\n{line}\n\nI report on my first month in the DPRK.\n\nV. Moskovsky"),
        1962,
    )
    assert [(b.kind, b.text) for b in body.opener] == [
        ("classification", "Secret"),
        ("addressee", line),
    ]
    body = structure(fields("RECORD OF CONVERSATION\n\nI visited him on 3 May.\n\nV. M."), 1963)
    assert [b.kind for b in body.opener] == ["head"]


def test_a_korean_name_in_capitals_is_no_office_in_initials():
    """ "KIM IL SUNG", under the line that names his office, ends the heading: its words are
    as short as an office's initials ("CC CPSU"), but it begins with a surname."""
    heading = (
        "RECORD OF CONVERSATION\nwith Chairman of the Cabinet of Ministers of the DPRK\nKIM IL SUNG"
    )
    body = structure(fields(f"Top secret\n\n{heading}\n\n2 June 1963\n\nHe said so."), 1963)
    assert [(b.kind, b.text) for b in body.opener] == [
        ("classification", "Top secret"),
        ("head", heading),
        ("dateline", "2 June 1963"),
    ]


def test_a_heading_joined_from_two_blocks_keeps_both():
    """ "comrade" / "of comrade" / "comrade": the two first blocks were joined as a heading
    and its subject line; the heading, then taken for a sentence going on below, was undone
    as if it were one block, and the first block's text was lost."""
    body = structure(fields("comrade\n\nof comrade\n\ncomrade"), 1963)
    assert [(b.kind, b.text) for b in body.opener] == [("head", "comrade\nof comrade")]
    assert [(b.kind, b.text) for b in body.main] == [("p", "comrade")]


def test_a_journal_s_dated_entries_are_its_divisions():
    """Each day's date alone on a line begins an entry; the first was the opener's date, the
    others paragraphs."""
    body = structure(fields(JOURNAL), 1963)
    assert [b.kind for b in body.opener] == ["classification", "head"]
    assert all(isinstance(node, EntryNode) for node in body.main)
    assert [(e.date.text, e.date.date.when, [b.text for b in e.content]) for e in body.main] == [
        ("12 March 1963", "1963-03-12", ["I received Ryu."]),
        ("13 March 1963", "1963-03-13", ["I visited Jeong.", "He agreed."]),
        ("14 March 1963", "1963-03-14", ["A talk."]),
    ]
    assert [b.kind for b in body.closer] == ["office", "signed", "signed"]
    text = build_text(body, "d", "en")
    entries = text.xpath("//*[local-name()='div'][@type='entry']")
    assert [e.xpath("string(*[local-name()='opener']/*/*/@when)") for e in entries] == [
        "1963-03-12",
        "1963-03-13",
        "1963-03-14",
    ]


def test_tomorrow_in_a_journal_s_entry_is_the_day_after_the_entry_s():
    """In the entry of 16 January, "tomorrow" is the 17th and "yesterday" the 15th, not the
    days around the journal's own date (the 21st, when its last entry was signed)."""
    body = structure(
        fields(
            "JOURNAL\n\n14 January 1964\n\nI received Hao.\n\n16 January 1964\n\n"
            "Pak came yesterday and will return tomorrow."
        ),
        1964,
    )
    journal_day = parse_date("21 January 1964")
    text = build_text(body, "d", "en", [DocumentDates(journal_day)])
    dates = text.xpath("//*[local-name()='p']/*[local-name()='date']")
    assert [(d.text, d.get("when")) for d in dates] == [
        ("yesterday", "1964-01-15"),
        ("tomorrow", "1964-01-17"),
    ]


def test_a_journal_s_entries_dated_without_the_year_take_the_document_s():
    body = structure(
        fields("JOURNAL\n\n16 December\n\nI received Ryu.\n\n18 December\n\nA talk."), 1963
    )
    assert [b.kind for b in body.opener] == ["head"]
    assert [(e.date.kind, e.date.text, e.date.date.attributes()) for e in body.main] == [
        ("dateline", "16 December", {"when": "1963-12-16", "cert": "medium"}),
        ("dateline", "18 December", {"when": "1963-12-18", "cert": "medium"}),
    ]


def test_a_journal_s_entries_dated_with_the_day_of_the_week():
    """ "Monday, 19 August 1963" / "Thursday, 22 August": the weekday had been taken for a
    place ("Monday"), and the entries had stayed paragraphs of one."""
    body = structure(
        fields(
            "JOURNAL\n\nMonday, 19 August 1963\n\nI received Kádas.\n\n"
            "Thursday, 22 August\n\nI visited Ryu.\n\nUSSR AMBASSADOR\nV. MOSKOVSKY"
        ),
        1963,
    )
    assert [(e.date.text, e.date.place, e.date.date.attributes()) for e in body.main] == [
        ("Monday, 19 August 1963", None, {"when": "1963-08-19"}),
        ("Thursday, 22 August", None, {"when": "1963-08-22", "cert": "medium"}),
    ]
    # under a signature too, the day of the week is the date's, not a place
    body = structure(fields("He came.\n\nV. Moskovsky\nMonday, 19 August 1963"), 1963)
    assert [(b.kind, b.place) for b in body.closer] == [("signed", None), ("dateline", None)]


def test_a_journal_s_entry_for_a_few_days():
    body = structure(
        fields("20 March 1963\n\nI received Ryu.\n\n23–24 March 1963\n\nTalks with Kim."),
        1963,
    )
    assert [(e.date.text, e.date.date.attributes()) for e in body.main] == [
        ("20 March 1963", {"when": "1963-03-20"}),
        ("23–24 March 1963", {"notBefore": "1963-03-23", "notAfter": "1963-03-24"}),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Pyongyang, 12 March 1963\n\nI received Ryu.\n\n13 March 1963\n\nA talk.",  # a place
        "12 March 1963\n\nI received Ryu.\n\nOn 13 March 1963\n\nA talk.",  # not a date alone
        "I received Ryu.\n\nMarch 1963\n\nA talk.\n\nApril 1963\n\nMore.",  # not days
        # a span too long for one entry
        "12 March 1963\n\nI received Ryu.\n\n1–20 April 1963\n\nA talk.",
    ],
)
def test_one_date_alone_on_a_line_makes_no_journal(text):
    body = structure(fields(text), 1963)
    assert not any(isinstance(node, EntryNode) for node in body.main)
    assert all(getattr(node, "kind", "p") != "dateline" for node in body.main)


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_telegram_s_heading_in_capitals_is_its_opening_lines(gap):
    heading = gap.join(["PRAGUE", "FROM PYONGYANG", "No. 112", "18.5.1963, 14:05 hrs.", "URGENT"])
    body = structure(fields(f"{heading}\n\nTo c. Minister David\n\n1/ On 17 May I met him."), 1963)
    assert [(b.kind, b.text) for b in body.opener] == [
        ("addressee", "PRAGUE"),  # where it goes, over where it comes from
        ("sender", "FROM PYONGYANG"),
        ("registry", "No. 112"),
        ("dateline", "18.5.1963, 14:05 hrs."),
        ("precedence", "URGENT"),
        ("addressee", "To c. Minister David"),
    ]
    assert body.opener[3].date.when == "1963-05-18"


@pytest.mark.parametrize("clock", ["14:05", "14.05"])  # a telegram's hour, with a stop too
def test_a_dateline_s_time_of_day_is_marked_after_its_date(clock):
    body = structure(fields(f"Pyongyang, 18 May 1963, {clock}\n\nHe came."), 1963)
    (dateline,) = body.opener
    assert (dateline.kind, dateline.place, dateline.date.when) == (
        "dateline",
        "Pyongyang",
        "1963-05-18",
    )
    (element,) = build_text(body, "d", "en", (TimesOfDay(),)).iter("{*}dateline")
    assert [(child.tag.rpartition("}")[2], child.text) for child in element] == [
        ("placeName", "Pyongyang"),
        ("date", "18 May 1963"),
        ("time", clock),
    ]
    assert element[2].get("when") == "14:05:00"


@pytest.mark.parametrize(
    "text",
    [
        "FROM THE DIARY OF V. P. MOSKOVSKY\n\nOn 3 May he came.",
        "KOREA\n\nThe situation is calm.",
        "JOURNAL\nFROM PYONGYANG\n\nOn 3 May he came.",
        "FROM THE JOURNAL OF\nV. P. MOSKOVSKY\n\nSecret\n\nOn 3 May he came.",
    ],
)
def test_a_heading_in_capitals_stays_a_heading(text):
    body = structure(fields(text), 1963)
    assert body.opener[0].kind == "head"


def test_a_telegram_s_fields_named_otherwise_open_it():
    fields_ = [
        "Sender: Pyongyang",
        "Addressee: Ministry of Foreign Affairs, Bucharest",
        "Date: 14.X.1963, 10:30",
        "Classification: Secret",
    ]
    body = structure(
        fields("TELEGRAM\n\n" + "\n".join(fields_) + "\n\nOn 12.X.1963 he came."), 1963
    )
    assert [(b.kind, b.text) for b in body.opener] == [
        ("head", "TELEGRAM"),
        ("sender", fields_[0]),
        ("addressee", fields_[1]),
        ("dateline", fields_[2]),
        ("classification", fields_[3]),
    ]
    assert body.opener[3].date.when == "1963-10-14"


def test_a_telegram_s_receipt_in_hours_and_its_cipher_number_open_it():
    fields_ = [
        "From: Pyongyang",
        "To: Sofia",
        "Received: 7.XI.1962, 09:30 hrs.",
        "Ciphered telegram No. 112",
    ]
    body = structure(
        fields("TELEGRAM\n\n" + "\n".join(fields_) + "\n\nComrade Minister,\n\nHe came."), 1962
    )
    assert [(b.kind, b.text) for b in body.opener] == [
        ("head", "TELEGRAM"),
        ("sender", fields_[0]),
        ("addressee", fields_[1]),
        ("transmission", fields_[2]),
        ("registry", fields_[3]),
        ("salute", "Comrade Minister,"),
    ]
    # a sentence that ends in a word and a stop is none
    body = structure(
        fields("Received the ambassador on 7.XI.1962 in his office.\n\nHe came."), 1962
    )
    assert body.opener == []


def test_a_letter_s_opening_and_closing_lines():
    """A letter: the file number with its classification after a slash, the address under a
    lone "Comrade", the salutation; the closing words, signer and office, then an enclosure
    note after them."""
    body = structure(
        fields(
            "Embassy of the Polish People's Republic in Pyongyang\n\n"
            "Pyongyang, 20 August 1963.\nNo. 0073/63/Top Secret\n\n"
            "Comrade\nJózef Winiewicz\nDeputy Minister of Foreign Affairs\nWarsaw\n\n"
            "Dear Comrade Minister!\n\nOn 19 August I was received.\n\n"
            "With comradely greetings,\nJerzy Siedlecki\nAmbassador of the PPR\n\nEncl.: 1"
        ),
        1963,
    )
    assert [b.kind for b in body.opener] == [
        "issuer",
        "dateline",
        "registry",
        "addressee",
        "addressee",
        "addressee",
        "addressee",
        "salute",
    ]
    assert [b.text for b in body.main] == ["On 19 August I was received."]
    assert [b.kind for b in body.closer] == ["salute", "signed", "office"]
    assert _postscript_lines(body) == ["Encl.: 1"]


@pytest.mark.parametrize("line", ["Encl.: 1", "Encl. 2", "Enclosures: 3"])
def test_an_enclosure_note_after_the_signature_is_its_postscript(line):
    body = structure(fields(f"He came.\n\nJerzy Siedlecki\nAmbassador\n\n{line}"), 1963)
    assert [b.kind for b in body.closer] == ["signed", "office"]
    assert _postscript_lines(body) == [line]


@pytest.mark.parametrize("destination", ["MOSCOW, CC CPSU", "MOSCOW – MFA USSR", "SOFIA"])
def test_a_ciphered_telegram_s_destination_under_its_origin_is_an_address(destination):
    body = structure(
        fields(
            f"CIPHERED TELEGRAM\n\nFrom PYONGYANG\nSpecial No. 41\n\n{destination}\n\n"
            "TOP SECRET\n\nON 2 MARCH I ASKED FOR A MEETING."
        ),
        1964,
    )
    assert [(b.kind, b.text) for b in body.opener] == [
        ("head", "CIPHERED TELEGRAM"),
        ("sender", "From PYONGYANG"),
        ("registry", "Special No. 41"),
        ("addressee", destination),
        ("classification", "TOP SECRET"),
    ]


@pytest.mark.parametrize(
    ("destination", "kind"),
    [
        ("MOSCOW – MFA USSR", "addressee"),
        ("MOSCOW, CC CPSU", "addressee"),
        # a place alone, lines away from the origin: a heading still
        ("MOSCOW", "head"),
    ],
)
def test_a_ciphered_telegram_s_destination_over_its_origin_is_an_address(destination, kind):
    """ "MOSCOW – MFA USSR" / "SPECIAL No. 123" / "TOP SECRET" / "FROM PYONGYANG": the
    destination may come first, other lines between it and the origin."""
    body = structure(
        fields(
            f"CIPHERED TELEGRAM\n\n{destination}\nSPECIAL No. 123\n\nTOP SECRET\n\n"
            "FROM PYONGYANG\n\nON 6 FEBRUARY I VISITED PAK SEONG-CHEOL AT HIS REQUEST."
        ),
        1963,
    )
    assert [(b.kind, b.text) for b in body.opener] == [
        ("head", "CIPHERED TELEGRAM"),
        (kind, destination),
        ("registry", "SPECIAL No. 123"),
        ("classification", "TOP SECRET"),
        ("sender", "FROM PYONGYANG"),
    ]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("MOSCOW, MFA USSR", "addressee"),
        ("MOSCOW – CC CPSU", "addressee"),
        # a place and words that are no office's initials: a heading
        ("KOREA, THE ECONOMIC SITUATION", "head"),
        ("MOSCOW", "head"),
    ],
)
def test_a_telegram_s_destination_under_the_dateline_that_names_its_origin(line, kind):
    body = structure(
        fields(
            f"TELEGRAM\n\nTop Secret\n\nPyongyang, 12 July 1963\n\n{line}\n\nOn 11 July he came."
        ),
        1963,
    )
    assert [(b.kind, b.text) for b in body.opener][-2:] == [
        ("dateline", "Pyongyang, 12 July 1963"),
        (kind, line),
    ]


def test_a_heading_in_capitals_after_the_opening_lines_stays_a_heading():
    body = structure(fields("TOP SECRET\n\nRECORD OF CONVERSATION\n\nHe came."), 1964)
    assert [b.kind for b in body.opener] == ["classification", "head"]


def test_a_dateline_with_two_figures_for_its_year():
    body = structure(
        fields("Embassy of the GDR in the DPRK\nPyongyang, 12.6.63\n\nNote\n\nHe came."), 1963
    )
    assert [(b.kind, b.text) for b in body.opener] == [
        ("issuer", "Embassy of the GDR in the DPRK"),
        ("dateline", "Pyongyang, 12.6.63"),
        ("head", "Note"),
    ]
    assert body.opener[1].date.when == "1963-06-12"


def test_a_table_s_rows_keep_their_cells():
    body = structure(
        fields("Output grew:\n\nBranch\tPlan\tFulfilment\nCoal\t100%\t\t91%\n\nHe left."), 1963
    )
    cells = [b.cells for b in body.main if isinstance(b, Block)]
    assert cells == [None, ["Branch", "Plan", "Fulfilment"], ["Coal", "100%", "91%"], None]


@pytest.mark.parametrize("last", ["Top Secret", "József Kovács"])
def test_no_closer_without_text_above_it(last):
    """Found by the property test: a copy damaged down to a page number and one line had
    a closer and nothing else, which TEI does not allow; nor does a classification sign."""
    body = structure(fields(f"-2-\n\n{last}"), 1963)
    assert body.closer == []
    body = structure(fields(f"The text.\n\n{last}"), 1963)
    assert [b.text for b in body.closer] == ([] if last == "Top Secret" else [last])


def test_a_classification_under_a_letterhead_is_no_place_and_a_number_in_capitals_counts():
    body = structure(
        fields(
            "Embassy of the Mongolian People's Republic in the DPRK\n\nConfidential\n\n"
            "SPECIAL No. 3\n\nReport\n\nHe came."
        ),
        1963,
    )
    assert [(b.kind, b.text) for b in body.opener] == [
        ("issuer", "Embassy of the Mongolian People's Republic in the DPRK"),
        ("classification", "Confidential"),
        ("registry", "SPECIAL No. 3"),
        ("head", "Report"),
    ]


@pytest.mark.parametrize(
    "number",
    [
        "Čj.: 024.117/63",
        "č. j. 1123/63",
        "Az.: 12/63",
        "Tgb.-Nr. 417/63",
        "L.dz. 2/64",
        "Szám: 47",
        "Nr. 45/3 Secret",
        "VVS No. 14/64",  # the GDR's number of classified matter
        "GVS Nr. 3/63",
    ],
)
def test_file_numbers_named_in_the_archives_languages_are_the_registry(number):
    """Czech "Čj.", German "Az." and "Tgb.-Nr.", Polish "L.dz.", Hungarian "Szám": the
    name of the number as the translation keeps it, and a classification after a space."""
    body = structure(
        fields(f"Embassy of the CSSR in Pyongyang\n\n{number}\n\nPyongyang, 12. 4. 1963\n\nText."),
        1963,
    )
    assert [(b.kind, b.text) for b in body.opener][1] == ("registry", number)
    assert [b.text for b in body.main] == ["Text."]


@pytest.mark.parametrize("mark", ["m.p.", "m. p.", "v.r.", "s.k."])
def test_a_signature_marked_as_in_the_signer_s_own_hand_closes_the_text(mark):
    body = structure(fields(f"The text.\n\nZdeněk Ryšánek {mark}\nAmbassador"), 1963)
    assert [(b.kind, b.text) for b in body.closer] == [
        ("signed", f"Zdeněk Ryšánek {mark}"),
        ("office", "Ambassador"),
    ]


LETTER = "Pyongyang, 22 January 1964\n\nEnclosed I send a record of my conversation with him.\n\n"


@pytest.mark.parametrize("mark", ["Enclosure", "Attachment No. 1", "ANNEX 2", "Appendix:"])
def test_a_line_that_says_an_enclosure_follows_begins_one(mark):
    body = structure(
        fields(f"{LETTER}J. Brzeziński\n\n{mark}\n\nRECORD\nof conversation\n\nThe record."), 1964
    )
    assert [b.text for b in body.main] == ["Enclosed I send a record of my conversation with him."]
    assert [(b.kind, b.text) for b in body.closer] == [("signed", "J. Brzeziński")]
    (enclosure,) = body.enclosures
    assert (enclosure.mark.kind, enclosure.mark.text) == ("head", mark)
    assert [(b.kind, b.text) for b in enclosure.body.opener] == [
        ("head", "RECORD\nof conversation")
    ]
    assert [b.text for b in enclosure.body.main] == ["The record."]


@pytest.mark.parametrize(
    "text",
    [
        # the opening lines of a page that is itself an attachment: no text above the mark
        "Top secret\n\nAttachment No. 1\n\nRECORD\nof conversation\n\nThe record of our talk.",
        # a mark at the very end, with nothing below it
        f"{LETTER}J. Brzeziński\n\nEnclosure",
        # a line that counts the enclosures is no mark
        f"{LETTER}Enclosure: 2 pages\n\nJ. Brzeziński",
    ],
)
def test_no_enclosure_without_text_above_and_below_a_mark_alone(text):
    assert structure(fields(text), 1964).enclosures == []


def test_a_telegram_s_special_folder_and_its_place_and_date_without_a_comma():
    """The Soviet "Special Folder" is a classification; "PYONGYANG 14/III-63", a place in
    capitals and a date, is the dateline (not "TELEGRAM 14 March 1963", no place)."""
    body = structure(
        fields(
            "SPECIAL FOLDER\nTOP SECRET\n\nCIPHERED TELEGRAM\n\nPYONGYANG 14/III-63\n\n"
            "I REPORT THAT KIM IL SUNG ANSWERED."
        ),
        1963,
    )
    assert [(b.kind, b.text) for b in body.opener] == [
        ("classification", "SPECIAL FOLDER"),
        ("classification", "TOP SECRET"),
        ("head", "CIPHERED TELEGRAM"),
        ("dateline", "PYONGYANG 14/III-63"),
    ]
    assert (body.opener[-1].place, body.opener[-1].date.when) == ("PYONGYANG", "1963-03-14")
    body = structure(fields("TELEGRAM 14 March 1963\n\nI REPORT THAT HE ANSWERED."), 1963)
    assert [b.kind for b in body.opener] == ["head"]


@pytest.mark.parametrize("dateline", ["Pyongyang 5 March 1963", "Warsaw 5.III.1963"])
def test_a_place_and_date_without_a_comma_is_a_dateline_above_the_text_and_below_it(dateline):
    """A copy may drop the comma of "Pyongyang, 5 March 1963": still the dateline, its place
    and date, above the text or under the signature; not a heading."""
    body = structure(
        fields(f"{dateline}\n\nI visited the ambassador.\n\nV. Moskovsky\n{dateline}"), 1963
    )
    for block in (body.opener[0], body.closer[-1]):
        assert (block.kind, block.place, block.date.when) == (
            "dateline",
            dateline.split()[0],
            "1963-03-05",
        )


@pytest.mark.parametrize(
    "subject",
    [
        "on a Conversation with the Soviet Ambassador, Comrade Moskovsky, on 14 May 1963 from "
        "10:00 to 11:30 hours",
        # … its subject over two lines
        "on a Conversation with the Soviet Ambassador, Comrade Moskovsky,\non 14 May 1963 from "
        "10:00 to 11:30 hours",
    ],
)
def test_a_heading_copied_together_with_the_first_paragraph_under_it_heads_the_text(subject):
    """With no blank line between them, "Note" / "on a Conversation with …" and the first
    paragraph (whose line the heading's does not run on into) are a heading and a paragraph;
    the heading had been taken for the paragraph's first words."""
    first = (
        "Cde. Moskovsky said that the visit of Choe Yong-geon to Beijing had been prepared "
        "without any information to the Soviet embassy. He learned of it only from the "
        "newspaper Rodong Sinmun of 10 May."
    )
    body = structure(
        fields(
            f"Embassy of the GDR in the DPRK\nPyongyang, 15 May 1963\nNote\n{subject}\n{first}\n"
            "Cde. Moskovsky asked whether the GDR embassy had been informed by the Korean "
            "Foreign Ministry. I told him that we too had received no information."
        ),
        1963,
    )
    assert [(b.kind, b.text) for b in body.opener] == [
        ("issuer", "Embassy of the GDR in the DPRK"),
        ("dateline", "Pyongyang, 15 May 1963"),
        ("head", f"Note\n{subject}"),
    ]
    assert body.main[0].text == first


def test_a_heading_s_subject_line_below_a_blank_line_is_the_heading_s():
    """ "Note" / (a blank line) / "on the visit of … from 3 p.m. to 5:30 p.m.": one heading
    over two lines, its last line ending with an abbreviation's stop, no sentence's."""
    body = structure(
        fields(
            "Pyongyang, 16 March 1963\n\nNote\n\non the visit of the Soviet ambassador, Comrade "
            "Moskovsky, on 15 March 1963 from 3 p.m. to 5:30 p.m.\n\nComrade Moskovsky said."
        ),
        1963,
    )
    assert [(b.kind, b.text) for b in body.opener][1:] == [
        (
            "head",
            "Note\non the visit of the Soviet ambassador, Comrade Moskovsky, on 15 March 1963 "
            "from 3 p.m. to 5:30 p.m.",
        )
    ]
    assert [b.text for b in body.main] == ["Comrade Moskovsky said."]


@pytest.mark.parametrize(
    ("line", "place", "when"),
    [
        ("Pyongyang, dnia 5.III.1963", "Pyongyang", "1963-03-05"),  # Polish "on the day"
        ("Pjöngjang, den 6.3.1963", "Pjöngjang", "1963-03-06"),  # German
        ("Pyongyang, dne 7. 3. 1963", "Pyongyang", "1963-03-07"),  # Czech
        ("Pyongyang, the 5th of March 1963", "Pyongyang", "1963-03-05"),  # had been a heading
        # or the year's mark after it
        ("Pyongyang, 5.III.1963 r.", "Pyongyang", "1963-03-05"),  # Polish
        ("Pyongyang, 14.V.1963 г.", "Pyongyang", "1963-05-14"),  # Bulgarian and Russian
        ("Pyongyang, 14.V.1963 g.", "Pyongyang", "1963-05-14"),  # transliterated
    ],
)
def test_a_dateline_with_on_the_day_before_its_date_or_the_year_s_mark_after(line, place, when):
    body = structure(
        fields(f"{line}\n\nThe text.\n\nAmbassador of the PRL\n(-) Henryk Brzeziński\n{line}"), 1963
    )
    for dateline in (body.opener[0], body.closer[-1]):
        assert (dateline.kind, dateline.place, dateline.date.when) == ("dateline", place, when)


def test_a_file_number_under_the_signer_s_date_is_the_closer_s():
    body = structure(fields("The text.\n\nV. MOSKOVSKY\n3 March 1963\nNo. 112"), 1963)
    assert [(b.kind, b.text) for b in body.closer] == [
        ("signed", "V. MOSKOVSKY"),
        ("dateline", "3 March 1963"),
        ("registry", "No. 112"),
    ]
    # with no name above it, a number is no signature's
    body = structure(fields("The text.\n\nNo. 112"), 1963)
    assert body.closer == []


@pytest.mark.parametrize(
    "subject",
    [
        # "from a conversation", as a Polish "Notatka z rozmowy" is translated
        "from a conversation with the ambassador of the USSR, Com. V. Moskovsky, on 12 July",
        "from the talk with Comrade Moskovsky of 12 July 1963",
    ],
)
def test_a_note_s_subject_line_from_a_conversation(subject):
    """ "N O T E" / "from a conversation with …" had made a paragraph: a subject line began
    with "of", "on", "with", …, not "from"."""
    body = structure(fields(f"Secret\n\nN O T E\n{subject}\n\nOn 12 July I came."), 1963)
    assert [(b.kind, b.text) for b in body.opener] == [
        ("classification", "Secret"),
        ("head", f"N O T E\n{subject}"),
    ]


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_heading_spaced_out_letter_by_letter_is_one_word(gap):
    """A typescript stresses the document's kind by spacing it out: "M e m o r a n d u m" /
    "on the farewell visit of …" is one heading, as "Memorandum" / "on …" is."""
    body = structure(
        fields(f"M e m o r a n d u m{gap}on the visit of Comrade Moskovsky\n\nHe came."), 1964
    )
    assert [(b.kind, b.text) for b in body.opener] == [
        ("head", "M e m o r a n d u m\non the visit of Comrade Moskovsky")
    ]
    assert [b.text for b in body.main] == ["He came."]


def test_a_short_heading_and_its_subject_line_below_a_blank_line_are_one_heading():
    body = structure(
        fields("Note\n\non a conversation with Comrade Moskowski, am 5.3.1963\n\nHe said so."),
        1963,
    )
    assert [(b.kind, b.text) for b in body.opener] == [
        ("head", "Note\non a conversation with Comrade Moskowski, am 5.3.1963")
    ]


def test_headings_in_capitals_begin_sections_without_numbers():
    """ "ON THE ECONOMIC SITUATION" under the document's heading and "ON FOREIGN POLICY"
    further down: each begins a section, the first taken from the opener."""
    body = structure(
        fields(
            "INFORMATION\non the internal situation\n\nON THE ECONOMIC SITUATION\n\n"
            "Output grew by 8%.\n\nThe harvest is lower.\n\nON FOREIGN POLICY\n\n"
            "The leadership supports the CCP.\n\nA. Pelishenko"
        ),
        1963,
    )
    assert [(b.kind, b.text) for b in body.opener] == [
        ("head", "INFORMATION\non the internal situation")
    ]
    assert [(s.number, s.head.text, [b.text for b in s.content]) for s in body.main] == [
        ("", "ON THE ECONOMIC SITUATION", ["Output grew by 8%.", "The harvest is lower."]),
        ("", "ON FOREIGN POLICY", ["The leadership supports the CCP."]),
    ]


@pytest.mark.parametrize(
    ("rows", "roles"),
    [
        ("Year\tPlan\n1961\t4,800,000\n1962\t5,000,000", ["label", None, None]),
        # the years compared, over figures
        ("Product\t1961\t1962\nCoal (million t)\t11.8\t12.5", ["label", None]),
        ("\t1961-62\t1963\nCoal\t11.8\t12.5", ["label", None]),
        ("Year\t1961\t1962\nLater\t1963\t1964", [None, None]),  # years below too
        # a first row with figures is data, as is one over rows without figures
        ("1961\t4,800,000\n1962\t5,000,000", [None, None]),
        ("Coal\tmuch\nSteel\tlittle", [None, None]),
    ],
)
def test_a_table_s_first_row_names_its_columns_when_figures_follow(rows, roles):
    body = structure(fields(f"The figures:\n\n{rows}\n\nHe left."), 1963)
    (table,) = build_text(body, "d", "en").iter("{*}table")
    assert [row.get("role") for row in table] == roles


@pytest.mark.parametrize(
    "caption", ["Table: Rallies held, 25-27 October 1962", "Table 2. Soviet deliveries", "Table 1"]
)
def test_a_caption_over_a_table_s_first_row_is_the_table_s_heading(caption):
    """ "Table 2. Soviet deliveries" on the line over the rows heads the table: its `head`,
    which the rows follow (the first naming the columns still)."""
    body = structure(
        fields(f"The figures:\n\n{caption}\n\nYear\tPlan\n1961\t4,800\n1962\t5,000\n\nHe left."),
        1963,
    )
    assert [(b.kind, b.text) for b in body.main if not b.cells][:2] == [
        ("p", "The figures:"),
        ("table-head", caption),
    ]
    (table,) = build_text(body, "d", "en").iter("{*}table")
    assert [etree.QName(child).localname for child in table] == ["head", "row", "row", "row"]
    assert "".join(table[0].itertext()) == caption
    assert [row.get("role") for row in table[1:]] == ["label", None, None]
    # a sentence about a table, or a caption over no rows, is a paragraph
    for text in (
        "Table 2 shows the deliveries.\n\nYear\tPlan\n1961\t4,800",
        f"{caption}\n\nHe left.",
    ):
        body = structure(fields(f"The figures:\n\n{text}\n\nThat is all."), 1963)
        assert "table-head" not in [b.kind for b in body.main]


def test_a_document_s_kind_over_its_title_in_quotation_marks_and_a_remark_is_one_heading():
    """A Soviet political letter heads itself with its kind and its title in quotation marks,
    "(excerpt)" below a blank line saying what the copy gives: one heading over three lines,
    so that the numbered sections under it are sections."""
    body = structure(
        fields(
            'USSR EMBASSY IN THE DPRK\n\nPOLITICAL LETTER\n"Soviet-Korean relations in 1963"\n\n'
            "(excerpt)\n\nI. GENERAL ASSESSMENT\n\nRelations developed under the line.\n\n"
            "II. ECONOMIC RELATIONS\n\nThe turnover fell by twelve percent."
        ),
        1963,
    )
    assert [(b.kind, b.text) for b in body.opener] == [
        ("issuer", "USSR EMBASSY IN THE DPRK"),
        ("head", 'POLITICAL LETTER\n"Soviet-Korean relations in 1963"\n(excerpt)'),
    ]
    assert [(n.number, n.head.text) for n in body.main] == [
        ("I", "I. GENERAL ASSESSMENT"),
        ("II", "II. ECONOMIC RELATIONS"),
    ]
    # a quotation under a line that names no kind of document is no title
    body = structure(fields('TOP SECRET\n\nThe leaders\n"We will not yield"\n\nThe text.'), 1963)
    assert [b.kind for b in body.opener] == ["classification"]


def test_the_period_a_review_covers_in_brackets_under_its_heading_is_the_heading_s():
    """ "WEEKLY REVIEW No. 22/63" / "(25 May - 1 June 1963)": the bracketed period was a
    paragraph of its own before the review's first section."""
    body = structure(
        fields(
            "Pyongyang, 1.06.1963\n\nWEEKLY REVIEW No. 22/63\n\n(25 May - 1 June 1963)\n\n"
            "1. Internal situation\n\nThe Assembly held its session on 27 May as planned."
            "\n\n2. Relations\n\nThe relations are cool and will stay so.\n\nJ. Brodowski"
        ),
        1963,
    )
    assert [(b.kind, b.text) for b in body.opener] == [
        ("dateline", "Pyongyang, 1.06.1963"),
        ("head", "WEEKLY REVIEW No. 22/63\n(25 May - 1 June 1963)"),
    ]
    assert [n.number for n in body.main] == ["1", "2"]


def test_a_numbered_heading_among_headings_without_numbers_keeps_its_number():
    """Headings in capitals make the sections; one with a number ("I. GENERAL ASSESSMENT")
    is numbered, and its number is no initial of a name: the heading names nobody."""
    body = structure(
        fields(
            "Some words of an introduction come first.\n\nI. GENERAL ASSESSMENT\n\nRelations "
            "developed under the line.\n\nCONCLUSIONS AND PROPOSALS\n\nWe must be patient."
        ),
        1963,
    )
    assert [n.number for n in body.main if isinstance(n, SectionNode)] == ["I", ""]
    text = build_text(body, "d", "en")
    (section,) = [d for d in text.iter("{*}div") if d.get("type") == "section" and d.get("n")]
    assert section.get("n") == "I" and not list(section.iter("{*}persName"))


def test_a_table_whose_columns_spaces_set_apart():
    body = structure(
        fields(
            "The figures:\n\nGoods            1962      1963 (plan)\n"
            "Oil products     120.5     118.0\nMachinery         64.2      70.1\n\nThat is all."
        ),
        1963,
    )
    assert [b.cells for b in body.main] == [
        None,
        ["Goods", "1962", "1963 (plan)"],
        ["Oil products", "120.5", "118.0"],
        ["Machinery", "64.2", "70.1"],
        None,
    ]


def test_a_table_s_row_in_small_letters_is_no_sentence_running_on():
    """A row that begins in small letters stays a row: joined to the row above as the rest of
    its sentence, it lost its cells (found by the property test)."""
    body = structure(fields("The figures:\n\nOil     120\ncoal     80\n\nThat is all."), 1963)
    assert [b.cells for b in body.main] == [None, ["Oil", "120"], ["coal", "80"], None]


@pytest.mark.parametrize(
    "text",
    [
        "Com. Moskovsky visited  Pak Geum-cheol and  Kim Chang-man.",  # one line
        "Oil  120.5  118.0\nMachinery  64.2",  # rows of other lengths
        # sentences with two spaces after their stops
        "He came at noon and we spoke for a long while.  Then he left.\n"
        "She came later in the day and stayed for dinner.  We spoke.",
    ],
)
def test_spaces_make_no_table_of_lines_that_are_not_rows(text):
    assert all(b.cells is None for b in structure(fields(f"{text}\n\nThe end."), 1963).main)


def test_a_distribution_list_s_lines_are_its_items_under_its_head():
    body = structure(
        fields(
            "The text of the note.\n\nSchneidewind\nAmbassador\n\n"
            "Distribution:\n1x Comrade Winzer\n1x Dept. Far East\n1x Embassy"
        ),
        1963,
    )
    (distribution,) = body.postscript
    assert (distribution.kind, distribution.head.kind, distribution.head.text) == (
        "distribution",
        "head",
        "Distribution:",
    )
    assert [(i.label, [b.text for b in i.content]) for i in distribution.items] == [
        ("", ["1x Comrade Winzer"]),
        ("", ["1x Dept. Far East"]),
        ("", ["1x Embassy"]),
    ]


@pytest.mark.parametrize("head", ["CC:", "cc:", "C.c.:"])
def test_a_copy_list_under_cc_is_a_distribution_list(head):
    """ "CC:" with its colon heads the copies, set a paragraph apart each; its lines name no
    signer. "CC" without a colon is the Central Committee's."""
    body = structure(
        fields(
            f"The text of the note.\n\nSchneidewind\n\nAmbassador\n\n{head}\n\n"
            "Comrade Winzer\n\nComrade Schwab\n\nEmbassy"
        ),
        1963,
    )
    assert [(b.kind, b.text) for b in body.closer] == [
        ("signed", "Schneidewind"),
        ("office", "Ambassador"),
    ]
    (distribution,) = body.postscript
    assert (distribution.kind, distribution.head.text) == ("distribution", head)
    assert [i.content[0].text for i in distribution.items] == [
        "Comrade Winzer",
        "Comrade Schwab",
        "Embassy",
    ]
    body = structure(fields("The note.\n\nSchneidewind\n\nCC KWP members were present."), 1963)
    assert body.postscript == []


def test_where_the_copies_went_after_the_signature_is_a_distribution_list():
    body = structure(
        fields(
            "He asked me not to say.\n\nKároly Fendler\n\nchargé d'affaires a.i.\n\n"
            "Budapest, 3 copies\n\nPyongyang, 1 copy"
        ),
        1962,
    )
    assert [b.kind for b in body.closer] == ["signed", "office"]
    (distribution,) = body.postscript
    assert (distribution.kind, distribution.head) == ("distribution", None)
    assert [i.content[0].text for i in distribution.items] == [
        "Budapest, 3 copies",
        "Pyongyang, 1 copy",
    ]


def test_where_the_copies_went_above_the_signature_is_a_distribution_list():
    body = structure(
        fields(
            "The protocol was signed.\n\nBudapest, 1 copy\n\nPyongyang, 2 copies\n\nJózsef Kovács"
        ),
        1964,
    )
    text, copies = body.main
    assert text.text == "The protocol was signed." and copies.kind == "distribution"
    assert [i.content[0].text for i in copies.items] == ["Budapest, 1 copy", "Pyongyang, 2 copies"]
    assert [b.kind for b in body.closer] == ["signed"]
    # one such line is no list
    body = structure(fields("He came.\n\nBudapest, 1 copy\n\nHe left."), 1964)
    assert not any(isinstance(node, ListNode) for node in body.main)


def test_a_numbered_distribution_list_keeps_its_numbers_and_takes_the_head():
    body = structure(
        fields("The text.\n\nJosef Holub\n\nDistribution:\n1. c. Minister\n2. Embassy"), 1963
    )
    (distribution,) = body.postscript
    assert (distribution.kind, distribution.head.text) == ("numbered", "Distribution:")
    assert [i.number for i in distribution.items] == ["1", "2"]


def test_a_line_that_sends_copies_and_names_them_is_no_list_s_head():
    body = structure(fields("The text.\n\nJosef Holub\n\nSent to: Comrade Novotný"), 1963)
    assert [(b.kind, b.text) for b in body.postscript] == [("p", "Sent to: Comrade Novotný")]


def test_a_distribution_list_s_head_with_its_first_line_after_it():
    body = structure(
        fields(
            "The text.\n\nSchneidewind\nAmbassador\n\n"
            "Distribution: 1x Comrade Winzer\n1x Dept. Far East\n1x Embassy"
        ),
        1963,
    )
    (distribution,) = body.postscript
    assert distribution.head.text == "Distribution:"
    assert _postscript_lines(body) == [
        "Distribution:",
        "1x Comrade Winzer",
        "1x Dept. Far East",
        "1x Embassy",
    ]


def test_a_p_s_below_a_distribution_list_is_no_item_of_it():
    body = structure(
        fields("The text.\n\nJosef Holub\n\nDistribution:\n1x Winzer\n\nP.S. He came."), 1963
    )
    distribution, ps = body.postscript
    assert isinstance(distribution, ListNode) and len(distribution.items) == 1
    assert ps.text == "P.S. He came."
    # a line that names one recipient, then a P.S.: no list
    body = structure(fields("The text.\n\nJosef Holub\n\nCopies: Minister\n\nP.S. He came."), 1963)
    assert not any(isinstance(node, ListNode) for node in body.postscript)


def test_a_list_labelled_as_one_around_it_is_after_that_list_not_inside():
    """ "1)" / "a)" / "1)" / "a)": the second "1)" is no list inside the lettered one, nested
    ever deeper at each return (thousands of returns had made a tree too deep to read back),
    but begins the next list."""
    body = structure(fields("Intro.\n\n" + "1) one;\n\na) more;\n\n" * 3 + "After."), 1963)
    _intro, *lists, _after = body.main
    assert len(lists) == 3
    for numbered in lists:
        assert [item.label for item in numbered.items] == ["1)"]
        (_one, lettered) = numbered.items[0].content
        assert [item.label for item in lettered.items] == ["a)"]
        assert not any(isinstance(c, ListNode) for c in lettered.items[0].content)


def test_a_signature_marked_gez_is_no_rest_of_the_sentence_above_it():
    """ "gez. Schneidewind" begins in small letters, as the rest of a cut sentence does; under
    a line with no stop ("Enclosure: 1 table") it is still the signature."""
    body = structure(
        fields("The talk ended.\n\nEnclosure: 1 table\n\ngez. Schneidewind\n\nAmbassador"), 1963
    )
    assert [b.text for b in body.main] == ["The talk ended.", "Enclosure: 1 table"]
    assert [(b.kind, b.text) for b in body.closer] == [
        ("signed", "gez. Schneidewind"),
        ("office", "Ambassador"),
    ]


@pytest.mark.parametrize(
    ("lines", "place"),
    [
        ("July 30, 1964\n\nPyongyang", "Pyongyang"),  # the place under the date
        ("July 30, 1964\n\nPYONGYANG", "PYONGYANG"),
        ("Pyongyang\n\nJuly 30, 1964", "Pyongyang"),  # … or over it
    ],
)
def test_a_date_and_a_place_on_lines_of_their_own_are_one_dateline(lines, place):
    """Not the place taken for the document's heading: one dateline over two lines, its
    line break the original's."""
    places = {"Pyongyang", "PYONGYANG"}.__contains__
    text = f"{lines}\n\nMEMORANDUM\n\nOn 28 July 1964 I went to see the Soviet ambassador."
    body = structure(fields(text), 1964, places)
    assert [b.kind for b in body.opener] == ["dateline", "head"]
    assert (body.opener[0].place, body.opener[0].date.when) == (place, "1964-07-30")
    (dateline,) = build_text(body, "d", "en").iter("{*}dateline")
    assert [child.tag.split("}")[1] for child in dateline] in (
        ["date", "lb"],  # the place after the date: the annotators mark it (none here)
        ["placeName", "lb", "date"],
    )
    assert " ".join("".join(dateline.itertext()).split()) == " ".join(lines.split())


@pytest.mark.parametrize("line", ["Secret", "Statement", "Korean Affairs"])
def test_a_line_beside_a_date_that_names_no_known_place_is_no_dateline_s(line):
    places = {"Pyongyang"}.__contains__
    for lines in (f"July 30, 1964\n\n{line}", f"{line}\n\nJuly 30, 1964"):
        text = f"{lines}\n\nOn 28 July 1964 I went to see the Soviet ambassador at his home."
        body = structure(fields(text), 1964, places)
        assert all(b.place is None for b in body.opener)
        assert len(body.opener) == 2
    # without a way to tell places, no line is taken for one
    body = structure(fields("July 30, 1964\n\nPyongyang\n\nMEMORANDUM\n\nOn 28 July I went."), 1964)
    assert [b.kind for b in body.opener] == ["dateline", "head", "head"]
