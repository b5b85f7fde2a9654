"""Names: each rule with a small register and a sentence, then the edition-level guarantees."""

import json
import re

import pytest
from conftest import (
    ALL_TRANSCRIPTS,
    FIXTURES,
    NS,
    ROOT,
    SEEDS,
    built_edition,
    convert_path,
    make_edition,
    xpath,
)
from hypothesis import example, given, settings
from hypothesis import strategies as st
from lxml import etree

from teiedition import pipeline
from teiedition.markup import body, names
from teiedition.markup.inline import mark_up
from teiedition.markup.names import DocumentNames, NameIndex
from teiedition.markup.tei import element
from teiedition.markup.text import normalise, source_text
from teiedition.patterns import CAPITAL, SMALL
from teiedition.registers import Registers
from teiedition.writers import serialise_tei

REGISTER = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><standOff>
<listPerson>
  <person xml:id="moskovsky-vasily"><persName type="main"><forename>Vasily Petrovich</forename>
    <surname>Moskovsky</surname></persName><persName type="short">Moskovsky</persName>
    <persName type="short">Moskowskyi</persName></person>
  <person xml:id="kim-il-sung"><persName type="main"><surname>Kim</surname>
    <forename>Il Sung</forename></persName></person>
  <person xml:id="kim-chang-man"><persName type="main"><surname>Kim</surname>
    <forename>Chang-man</forename></persName></person>
  <person xml:id="pak-seong-cheol"><persName type="main"><surname>Pak</surname>
    <forename>Seong-cheol</forename></persName><persName type="variant">Pak Song Chol</persName>
  </person>
  <person xml:id="khrushchev-nikita"><persName type="main"><forename>Nikita Sergeyevich</forename>
    <surname>Khrushchev</surname></persName><persName type="short">Khrushchev</persName>
    <persName type="variant">Nikita Sergeyevich</persName></person>
  <person xml:id="rapacki-adam"><persName type="main"><forename>Adam</forename>
    <surname>Rapacki</surname></persName></person>
</listPerson>
<listPlace><place xml:id="korea"><placeName type="main">Korea</placeName></place>
  <place xml:id="pyongyang"><placeName type="main">Pyongyang</placeName></place></listPlace>
<listOrg>
  <org xml:id="cpsu"><orgName type="main">Communist Party of the Soviet Union</orgName>
    <orgName type="variant">CPSU</orgName></org>
  <org xml:id="cc-cpsu"><orgName type="main">CPSU CC</orgName></org>
  <org xml:id="kpa"><orgName type="main">Korean People's Army</orgName></org>
</listOrg></standOff></TEI>"""


@pytest.fixture
def index(tmp_path):
    for name in ("persons.xml", "places.xml", "organizations.xml"):
        (tmp_path / name).write_text(REGISTER, "utf-8")  # each file is read for its kind
    return NameIndex(Registers.load(tmp_path))


def names_in(index, *paragraphs, doc_id="d1"):
    """[(element, text, ref, cert)] for each name marked in `paragraphs`, in order."""
    annotator = DocumentNames(index, doc_id)
    found = []
    for text in paragraphs:
        p = element("p")
        mark_up(p, text, [annotator])
        for el in p.iter("{*}persName", "{*}placeName", "{*}orgName"):
            found.append(
                (
                    etree.QName(el).localname,
                    normalise(source_text(el)),
                    el.get("ref"),
                    el.get("cert"),
                )
            )
    return found


def test_register_forms_with_ocr_damage_and_possessive(index):
    assert names_in(index, "Comrade Kim II Sung’s reply to c. Moskowskyi.") == [
        ("persName", "Kim II Sung", "#kim-il-sung", None),
        ("persName", "Moskowskyi", "#moskovsky-vasily", None),
    ]


def test_a_name_the_archive_s_page_lists_in_full_completes_the_text_s(index):
    """ "J. Kohout" and "Comrade Ulbricht", when the page lists "Kohout, Jaroslav" and
    "Ulbricht, Walter" with the document: edition-wide ids of the full names (they had been
    "kohout-j" and a surname scoped to the document), cert "medium"; initials that are more
    than the list's forenames ("D. S. Polyansky" for "Polyansky, Dmitry") are the text's."""
    annotator = DocumentNames(
        index,
        "d1",
        archive_people=["Kohout, Jaroslav", "Ulbricht, Walter", "Polyansky, Dmitry", "Li Xiannian"],
    )
    found = []
    for text in ("J. Kohout signed.", "Tell Comrade Ulbricht.", "D. S. Polyansky came."):
        p = element("p")
        mark_up(p, text, [annotator])
        found += [
            (normalise(source_text(e)), e.get("ref"), e.get("cert")) for e in p.iter("{*}persName")
        ]
    assert found == [
        ("J. Kohout", "#kohout-jaroslav", "medium"),
        ("Ulbricht", "#ulbricht-walter", "medium"),
        ("D. S. Polyansky", "#polyansky-d-s", None),
    ]
    assert index.registers.entities["kohout-jaroslav"].names == ["Jaroslav Kohout"]


def test_a_place_the_archive_s_page_lists_is_an_automatic_entry_where_the_text_names_it(index):
    """ "Associated Places": "Kaesong (Korea)" is the text's "Kaesong", an unreviewed entry of
    its own, as often as named; "Germany (East)" its "East Germany", "Wŏnsan-si (Korea)" its
    "Wonsan". A place the registers know by one of its forms is theirs by all of them; one
    the text does not name gets no entry, a subject heading is none."""
    annotator = DocumentNames(
        index,
        "d1",
        archive_places=[
            "Kaesong (Korea)",
            "Germany (East)",
            "Pyongyang (Korea)",
            "Panmunjom (Korea)",
            "Wŏnsan-si (Korea)",
            "P'yŏngyang-si (Korea)",  # the registers' Pyongyang, in other forms
            "Soviet Union--Foreign relations--Korea (North)",
        ],
    )
    p = element("p")
    text = "From P'yongyang to Kaesong and Wonsan, then to East Germany; Kaesong was calm."
    mark_up(p, text, [annotator])
    assert [(normalise(source_text(e)), e.get("ref")) for e in p.iter("{*}placeName")] == [
        ("P'yongyang", "#pyongyang"),
        ("Kaesong", "#kaesong"),
        ("Wonsan", "#wonsan"),
        ("East Germany", "#east-germany"),
        ("Kaesong", "#kaesong"),
    ]
    made = {i: e for i, e in index.registers.entities.items() if not e.reviewed}
    assert {i: (e.kind, e.names) for i, e in made.items()} == {
        "kaesong": ("place", ["Kaesong"]),
        "wonsan": ("place", ["Wonsan"]),
        "east-germany": ("place", ["East Germany"]),
    }
    # without the page's list, no place the registers lack is marked, unless the gazetteer
    # has it (below)
    assert names_in(index, "They went to Onchon.") == []


def test_a_place_of_the_gazetteer_is_an_automatic_entry_wherever_a_text_names_it(config):
    """The places of `data/places.toml` are marked in every text, as a page's listed places
    are in its own: the registers' entry where they know one of its forms ("Budapest"), else
    an automatic one, named by the gazetteer's first name ("Ulan Bator" is "Ulaanbaatar"). A
    form inside a longer name the registers know ("Vietnam" in "South Vietnam") makes no
    entry."""
    index = pipeline.load_names(config)
    found = names_in(
        index, "From Hamhŭng and Hamhung to Ulan Bator, then Budapest and South Vietnam."
    )
    assert found == [
        ("placeName", "Hamhŭng", "#hamhung", None),
        ("placeName", "Hamhung", "#hamhung", None),
        ("placeName", "Ulan Bator", "#ulaanbaatar", None),
        ("placeName", "Budapest", "#budapest", None),
        ("placeName", "South Vietnam", "#south-vietnam", None),
    ]
    made = {i: e for i, e in index.registers.entities.items() if not e.reviewed}
    assert {i: (e.kind, e.names) for i, e in made.items()} == {
        "hamhung": ("place", ["Hamhung"]),
        "ulaanbaatar": ("place", ["Ulaanbaatar"]),
    }
    # a province, a town, a river, and cities beyond Korea, as new transcripts named them
    found = names_in(
        index, "From Anju in South Hamgyong, across the Yalu, to Irkutsk and Port Arthur."
    )
    assert [(text, ref) for _, text, ref, _ in found] == [
        ("Anju", "#anju"),
        ("South Hamgyong", "#south-hamgyong"),
        ("Yalu", "#yalu"),
        ("Irkutsk", "#irkutsk"),
        ("Port Arthur", "#port-arthur"),
    ]


def test_each_name_of_the_gazetteer_is_one_place_s_and_no_person_s_or_organisation_s(config):
    """A form two places share, or a person or an organisation of the registers has too,
    would link every mention of it to one of them at random."""
    places_of: dict[str, set[int]] = {}
    for number, place in enumerate(names.gazetteer()):
        for name in place:  # "Hamhung" and "Hamhŭng" fold alike: one place's
            places_of.setdefault(names.fold(name), set()).add(number)
    assert [form for form, places in places_of.items() if len(places) > 1] == []
    index = pipeline.load_names(config)
    shared = {
        (name, entity.id)
        for place in names.gazetteer()
        for name in place
        for entity, _ in index.lookup(name)
        if entity.kind != "place"
    }
    assert shared == set()


def test_titles_are_not_part_of_the_name_and_bare_titles_are_no_names(index):
    assert names_in(index, "Amb. Moskovsky met the Ambassador and him.") == [
        ("persName", "Moskovsky", "#moskovsky-vasily", None)
    ]


@pytest.mark.parametrize(
    "text", ["Ambassador PPR", "Ambassador ČSSR Moravec", "Comrade Ambassador NDR", "Cdes. KWP"]
)
def test_a_country_s_or_party_s_abbreviation_after_a_title_is_no_name(index, text):
    """Capitals without a vowel abbreviate ("PPR" was a person); a name in capitals has one
    ("KIM", "RI")."""
    found = [f[1] for f in names_in(index, text) if f[0] == "persName"]
    assert found == (["Moravec"] if "Moravec" in text else [])
    assert [f[1] for f in names_in(index, "Comrade RI and Comrade PAK came.")] == ["RI", "PAK"]


@pytest.mark.parametrize("rank", ["Counsellor", "Counselor", "Consul", "Attaché", "counsellor"])
def test_an_embassy_s_rank_is_a_title_not_part_of_the_name(index, rank):
    assert names_in(index, f"{rank} Zvetkov would act as chargé d'affaires.") == [
        ("persName", "Zvetkov", "#zvetkov-d1", None)
    ]


@pytest.mark.parametrize("rank", ["First Secretary", "Second Secretary", "Third Secretary"])
def test_an_embassy_secretary_s_rank_is_a_title(index, rank):
    assert names_in(index, f"{rank} Zhuravlyov told us so.") == [
        ("persName", "Zhuravlyov", "#zhuravlyov-d1", None)
    ]
    # "Secretary" alone heads offices as well as names
    assert names_in(index, "the Secretary General spoke") == []


def test_a_surname_before_its_initials_is_one_name(index):
    """Russian writes a name surname first, its initials after ("Zhuravlyov A. I."): one
    name, the same person as "A. I. Zhuravlyov"; a registered person's initials after the
    surname belong to the name where they agree with the forename."""
    found = names_in(
        index,
        "Present was First Secretary of the Embassy Zhuravlyov A. I. and others.",
        "Then A. I. Zhuravlyov came, with Comrade Spiridonov I. V.",
        "Ambassador Moskovsky V. P. said so, not Moskovsky A. B.",
    )
    assert [f[1:3] for f in found] == [
        ("Zhuravlyov A. I.", "#zhuravlyov-a-i"),
        ("A. I. Zhuravlyov", "#zhuravlyov-a-i"),
        ("Spiridonov I. V.", "#spiridonov-i-v"),
        ("Moskovsky V. P.", "#moskovsky-vasily"),
        ("Moskovsky", "#moskovsky-vasily"),
    ]
    # initials of the next name are no surname's
    assert [f[1] for f in names_in(index, "He met Ivanov. V. P. Petrov came.")] == ["V. P. Petrov"]


def test_a_hungarian_name_in_hungarian_order_is_the_same_person(index):
    """A translation may keep the Hungarian order, surname first: "Kovács József" is the
    registers' József Kovács, the forename part of the name; an unknown "Kádas István" has
    the id of "István Kádas", and "Péter Tibor", two forenames, stays as written."""
    found = names_in(index, "Comrade Kovács József met Comrade Kádas István, Comrade Péter Tibor.")
    assert [f[1:3] for f in found] == [
        ("Kovács József", "#kovacs-jozsef"),
        ("Kádas István", "#kadas-istvan"),
        ("Péter Tibor", "#tibor-peter"),
    ]


def test_a_name_ends_with_its_line_where_the_next_begins_with_a_title(index):
    """Lines of participants, each a title and a name, are a name each: not one name from the
    first line's surname to the last line's ("Moskovsky Comrade Schneidewind Comrade Jarck").
    A name the copy broke over two lines of prose stays one."""
    found = names_in(
        index,
        "Participants:\nComrade Rozov\nComrade Schneidewind\nComrade Jarck (interpreter)",
    )
    assert [f[1:3] for f in found] == [
        ("Rozov", "#rozov-d1"),
        ("Schneidewind", "#schneidewind-d1"),
        ("Jarck", "#jarck-d1"),
    ]
    found = names_in(index, "Then the deputy, Comrade Pak Yong\nSik, said no more.")
    assert [f[1:3] for f in found] == [("Pak Yong Sik", "#pak-yong-sik")]


def test_an_ambassador_extraordinary_is_no_name(index):
    assert names_in(index, "the Ambassador Extraordinary and Plenipotentiary of the USSR") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a word a sentence begins with is no forename
        ("Later Kovalev said so.", []),
        ("However Kovalev said so.", []),
        ("Yesterday Comrade Kovalev came.", [("Kovalev", "#kovalev-d1")]),
        # a postscript's mark is no initials; initials inside a sentence still are
        ("P.S. Moskovsky asked that it be kept secret.", [("Moskovsky", "#moskovsky-vasily")]),
        ("N.B. Comrade Kovalev left.", [("Kovalev", "#kovalev-d1")]),
        ("He met P. S. Kovalev.", [("P. S. Kovalev", "#kovalev-p-s")]),
        ("P. S. Kovalev came.", [("P. S. Kovalev", "#kovalev-p-s")]),  # spaced: initials
        # a Korean syllable that is an English word too ends a name still
        ("Comrade Ri Hyo Soon said.", [("Ri Hyo Soon", "#ri-hyo-soon")]),
    ],
)
def test_what_begins_a_sentence_is_no_part_of_the_name_after_it(index, text, expected):
    assert [f[1:3] for f in names_in(index, text)] == expected


def test_academic_titles_and_madame_before_a_name(index):
    found = names_in(index, "Academician Keldysh, Professor Kim Tu-bong and Mme. Furtseva came.")
    assert [f[1] for f in found] == ["Keldysh", "Kim Tu-bong", "Furtseva"]


def test_military_ranks_are_titles_not_names(index):
    found = names_in(
        index,
        "attaché Major General A. I. Orlov, Colonel Sidorenko, Lt. Gen. Zhukov and Major "
        "Ivanov; a major Soviet plan",
    )
    assert [f[1:3] for f in found] == [
        ("A. I. Orlov", "#orlov-a-i"),
        ("Sidorenko", "#sidorenko-d1"),
        ("Zhukov", "#zhukov-d1"),
        ("Ivanov", "#ivanov-d1"),
    ]


def test_a_rank_in_lower_case_before_no_name_names_nobody(index):
    assert names_in(index, "the counsellor of the embassy, the consul General") == []


@pytest.mark.parametrize(
    ("text", "name", "ref"),
    [
        # capitals of Latin Extended-A, which Czech, Polish and Hungarian names begin with
        ("with counsellor Štěpán Červenka", "Štěpán Červenka", "#cervenka-stepan"),
        ("Comrade Šimon said", "Šimon", "#simon-d1"),
        ("Łukasz Żabiński came", "Łukasz Żabiński", "#zabinski-lukasz"),
        ("Jana Nováková and", "Jana Nováková", "#novakova-jana"),
    ],
)
def test_names_that_begin_with_a_letter_of_central_european_alphabets(index, text, name, ref):
    assert names_in(index, text) == [("persName", name, ref, None)]


def test_an_acronym_before_a_slavic_surname_is_no_forename(index):
    found = names_in(index, "the Soviet Ambassador to the DPRK Petrovsky and Ivan Petrov")
    assert [text for _, text, _, _ in found if "Petrov" in text] == ["Ivan Petrov"]


def test_initials_that_agree_with_a_name_given_before_are_its_person(index):
    """In one document, "V. Borisov" after "V. P. Borisov" is the same man (inferred:
    cert "medium"); "A. Borisov" and "V. I. Borisov" are others."""
    found = names_in(
        index, "V. P. BORISOV met V. BORISOV, A. BORISOV and V. I. BORISOV; V. P. BORISOV."
    )
    assert [(ref, cert) for _, _, ref, cert in found] == [
        ("#borisov-v-p", None),
        ("#borisov-v-p", "medium"),
        ("#borisov-a", None),
        ("#borisov-v-i", None),
        ("#borisov-v-p", None),  # the same name again: the same entry, as before
    ]


@pytest.mark.parametrize("abbreviation", ["Cde.", "Comr.", "Com.", "Amb.", "Min.", "Dr."])
def test_a_title_after_a_title_is_no_name(index, abbreviation):
    # "the Soviet ambassador Cde. V. Moskovsky": "Cde" follows "ambassador" as a name would
    assert names_in(index, f"I met the ambassador {abbreviation} V.P. Moskovsky.") == [
        ("persName", "V.P. Moskovsky", "#moskovsky-vasily", None)
    ]


def test_a_name_after_several_titles_is_whole(index):
    # "Comrade" begins the titles; the name is what follows all of them
    assert names_in(index, "To Comrade Foreign Minister János Péter,") == [
        ("persName", "János Péter", "#peter-janos", None)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "I. The Caribbean crisis",
        "A. B. The man said so.",
        "as B. Sz. noted",
        # a postscript's or a note's mark, then the sentence
        "P.S. On 7 August he telephoned me.",
        "N.B. In the evening he left.",
        "P.S. After the talk he left.",
    ],
)
def test_initials_alone_are_no_name(index, text):
    # "I." numbers a section; the words after initials that are no name leave none
    assert names_in(index, text) == []


@pytest.mark.parametrize(
    ("text", "name", "ref"),
    [
        ("Comrade Gy. Pásztor came.", "Gy. Pásztor", "#pasztor-gy"),  # Hungarian
        ("Comrade Gh. Gheorghiu-Dej came.", "Gh. Gheorghiu-Dej", "#gheorghiu-dej-gh"),  # Romanian
    ],
)
def test_initials_of_two_letters_in_other_languages(index, text, name, ref):
    assert names_in(index, text) == [("persName", name, ref, None)]


def test_a_paragraph_in_capitals_names_only_the_registers_forms(index):
    text = "THE KOREAN COMRADES HAD REFUSED IT. AMBASSADOR MOSKOVSKY TOLD KIM IL SUNG SO."
    assert names_in(index, text) == [
        ("persName", "MOSKOVSKY", "#moskovsky-vasily", None),
        ("persName", "KIM IL SUNG", "#kim-il-sung", None),
    ]  # no shape tells a name in capitals: "COMRADES HAD REFUSED" is none


def test_an_initial_in_the_polish_transliteration_agrees(index):
    # "W." is the Polish and German V. of Vasily, as "Moskowski" is Moskovsky
    assert names_in(index, "tow. W. Moskowski said so.") == [
        ("persName", "W. Moskowski", "#moskovsky-vasily", None)
    ]


def test_initials_that_agree_with_the_forename(index):
    assert names_in(index, "V.P. Moskovsky came.")[0][1:3] == (
        "V.P. Moskovsky",
        "#moskovsky-vasily",
    )


def test_initials_that_disagree_make_another_person(index):
    ((_, text, ref, _),) = names_in(index, "P. Moskovsky came.")
    assert text == "P. Moskovsky" and ref != "#moskovsky-vasily"


def test_russian_initials_of_two_letters(index):
    """ "Yu.", "Ya.", "Kh.", "Ts.", "Zh." romanise one Russian letter: an initial, not a name
    of its own ("Yu" was a person, and "V. Andropov" someone else, before)."""
    assert names_in(index, "Comrade Yu. V. Andropov met Ts. Dashdorj and N.S. Khrushchev.") == [
        ("persName", "Yu. V. Andropov", "#andropov-yu-v", None),
        ("persName", "Ts. Dashdorj", "#dashdorj-ts", None),
        ("persName", "N.S. Khrushchev", "#khrushchev-nikita", None),
    ]


def test_a_two_letter_initial_must_begin_the_forename(index):
    ((_, text, ref, _),) = names_in(index, "Kh. Moskovsky came.")
    assert text == "Kh. Moskovsky" and ref != "#moskovsky-vasily"


def test_initials_without_a_space_are_not_part_of_the_surname(index):
    assert names_in(index, "V.P.Rashidov came; Rashidov left.") == [
        ("persName", "V.P.Rashidov", "#rashidov-v-p", None),
        ("persName", "Rashidov", "#rashidov-v-p", "medium"),
    ]


def test_a_register_s_name_in_capitals_is_that_person(index):
    """Soviet records write surnames in capitals: "V.P. MOSKOVSKY" was a new person."""
    assert names_in(index, "Ambassador V.P. MOSKOVSKY met N.S. KHRUSHCHEV and P. MOSKOVSKY.") == [
        ("persName", "V.P. MOSKOVSKY", "#moskovsky-vasily", None),
        ("persName", "N.S. KHRUSHCHEV", "#khrushchev-nikita", None),
        ("persName", "P. MOSKOVSKY", "#moskovsky-p", None),  # initials that disagree
    ]


def test_a_title_and_the_surname_of_the_one_registered_person_who_has_it(index):
    """ "Minister Rapacki": the registers' Adam Rapacki, though they give no short form, as
    an inference; a Korean surname alone ("Chairman Pak") is too little, and stays someone
    the document introduces."""
    assert names_in(index, "Minister Rapacki wrote to Chairman Pak.") == [
        ("persName", "Rapacki", "#rapacki-adam", "medium"),
        ("persName", "Pak", "#pak-d1", None),
    ]


def test_korean_names_in_mccune_reischauer_and_other_abbreviations_of_comrade(index):
    found = names_in(index, "Ch'oe Yong-gŏn met Hŏ Tam, Cde. Petrov and Comr. Sidorov.")
    assert [f[1:3] for f in found] == [
        ("Ch'oe Yong-gŏn", "#choe-yong-gon"),  # the apostrophe breaks no word of the id
        ("Hŏ Tam", "#ho-tam"),
        ("Petrov", "#petrov-d1"),
        ("Sidorov", "#sidorov-d1"),
    ]


@pytest.mark.parametrize("spelling", ["Moskovski", "Moskovskij", "Moskovskiy", "Moskowski"])
def test_a_slavic_surname_in_another_transliteration_is_the_registered_person(index, spelling):
    """German, Czech and Polish translations write the ending otherwise: "Comrade
    Moskovski" was a new person."""
    assert names_in(index, f"Comrade {spelling} and Ambassador V. P. {spelling} came.") == [
        ("persName", spelling, "#moskovsky-vasily", None),
        ("persName", f"V. P. {spelling}", "#moskovsky-vasily", None),
    ]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Comrades Schneidewind and Holub agreed.", ["Schneidewind", "Holub"]),
        ("comrades Kádas, Schneidewind and Holub agreed.", ["Kádas", "Schneidewind", "Holub"]),
        ("Sent to: Cdes. Gromyko, Patolichev, Kuznetsov", ["Gromyko", "Patolichev", "Kuznetsov"]),
        # an office listed with them is nobody ("Department" was a person)
        (
            "Sent to: Cdes. Gromyko, Patolichev, Department of Far Eastern Countries",
            ["Gromyko", "Patolichev"],
        ),
        ("Copies to: Cdes. Kozlov, Ministry of Trade, Secretariat", ["Kozlov"]),
        # … also where its name comes first ("Far Eastern" was a person)
        (
            "Sent to: Cdes. Kuznetsov, Andropov, Far Eastern Department, file",
            ["Kuznetsov", "Andropov"],
        ),
        # other plural titles
        ("Ambassadors Moskovsky and Kádas met.", ["Moskovsky", "Kádas"]),
        ("the ambassadors Moskovsky, Kádas and Brodowski", ["Moskovsky", "Kádas", "Brodowski"]),
        ("Messrs. Rusk and McNamara", ["Rusk", "McNamara"]),
        # each with its country in brackets, which names no one
        (
            "Present: Comrades Fischer (GDR), Brystygier (PPR) and Moravec (ČSSR).",
            ["Fischer", "Brystygier", "Moravec"],
        ),
    ],
)
def test_each_name_after_a_plural_title_is_a_person(index, text, names):
    """Only the first was: "Holub" stayed a word."""
    assert [f[1] for f in names_in(index, text) if f[0] == "persName"] == names


def test_a_hungarian_name_with_a_common_forename_is_a_person_in_either_order(index):
    """ "Kádas Ferenc" and "Ferenc Kádas", with no title before them, had been no names: one
    person, one id, whichever order comes first. A forename alone is none."""
    found = names_in(
        index,
        "According to him, Kádas Ferenc, our counsellor, was right.",
        "Ferenc Kádas said so. Kádas left.",
        "Then József came.",
        "The reform of Imre Nagy failed.",
    )
    assert [f[1:3] for f in found] == [
        ("Kádas Ferenc", "#kadas-ferenc"),
        ("Ferenc Kádas", "#kadas-ferenc"),
        ("Kádas", "#kadas-ferenc"),
        ("Imre Nagy", "#nagy-imre"),
    ]


def test_korean_surnames_in_the_revised_romanisation(index):
    found = names_in(index, "He met Jeong Jun-taek, Yoon Ki-bok and Ahn Sung-gyu in May.")
    assert [f[1] for f in found] == ["Jeong Jun-taek", "Yoon Ki-bok", "Ahn Sung-gyu"]
    # the surname of one letter, first as the others are
    found = names_in(index, "the arrest of O Ki-seop; O Jin-u came.")
    assert [f[1:3] for f in found] == [("O Ki-seop", "#o-ki-seop"), ("O Jin-u", "#o-jin-u")]


def test_korean_given_names_written_as_words_are_syllables(index):
    """ "Kim Chaek Iron Works" names the works: "Chaek Iron" is no Korean given name."""
    found = names_in(index, "Kim Ir Sen visited the Kim Chaek Iron Works with Pak Chang Ok.")
    assert [f[1:3] for f in found] == [
        ("Kim Ir Sen", "#kim-ir-sen"),
        ("Pak Chang Ok", "#pak-chang-ok"),
    ]


def test_a_possessive_ends_a_korean_name_the_registers_do_not_know(index):
    found = names_in(index, "Kim Pyong Sik's secretary, Ch'oe Chang-gŏn's deputy")
    assert [f[1:3] for f in found] == [
        ("Kim Pyong Sik", "#kim-pyong-sik"),
        ("Ch'oe Chang-gŏn", "#choe-chang-gon"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a rank that begins the next line of a list of those present
        "Ambassador of the HPR, Cde. Halász\nChargé d'affaires of the PRR, Cde. Popa",
        # two signers' ranks set side by side above their names
        "Ambassador                    First Secretary",
    ],
)
def test_the_first_word_of_a_rank_is_no_name(index, text):
    assert [f[1] for f in names_in(index, text) if f[0] == "persName"] == [
        name for name in ("Halász", "Popa") if name in text
    ]


def test_a_name_first_found_in_capitals_is_registered_as_a_name_is_written(index):
    """The automatic entry's name reads as a register's do; the initials and the surname in
    small letters that follow are that person, as after a name in small letters."""
    annotator = DocumentNames(index, "d1")
    found = []
    for text in ("From the journal of A. P. BORISENKO", "Met A. Borisenko. BORISENKO said."):
        p = element("p")
        mark_up(p, text, [annotator])
        found += [(el.text, el.get("ref"), el.get("cert")) for el in p.iter("{*}persName")]
    assert found == [
        ("A. P. BORISENKO", "#borisenko-a-p", None),
        ("A. Borisenko", "#borisenko-a-p", "medium"),
        ("BORISENKO", "#borisenko-a-p", "medium"),
    ]
    (name,) = index.registers.entities["borisenko-a-p"].names
    assert name == "A. P. Borisenko"


def test_a_forename_patronymic_and_surname_are_one_name(index):
    """The surname after a patronymic, whatever its ending ("Mikoyan"); a patronymic's
    ending is a surname's too ("Ivan Petrovich" alone)."""
    found = names_in(
        index, "Anastas Ivanovich Mikoyan and Yekaterina Alekseyevna Furtseva met Ivan Petrovich."
    )
    assert [f[1:3] for f in found] == [
        ("Anastas Ivanovich Mikoyan", "#mikoyan-anastas-ivanovich"),
        ("Yekaterina Alekseyevna Furtseva", "#furtseva-yekaterina-alekseyevna"),
        ("Ivan Petrovich", "#petrovich-ivan"),
    ]


def test_vietnamese_names_but_not_the_city_named_after_one(index):
    found = names_in(index, "Ho Chi Minh and Pham Van Dong; Vo Nguyen Giap in Ho Chi Minh City")
    assert [f[1:3] for f in found] == [
        ("Ho Chi Minh", "#ho-chi-minh"),
        ("Pham Van Dong", "#pham-van-dong"),
        ("Vo Nguyen Giap", "#vo-nguyen-giap"),
    ]


def test_a_speaker_s_name_before_a_colon_is_a_person(index):
    annotator = DocumentNames(index, "d1", frozenset({"Chervonenko", "Premier Zhou"}))
    found = []
    for text in ("Premier Zhou: What did he say?", "Chervonenko: I do not know, Comrade Zhou."):
        p = element("p")
        mark_up(p, text, [annotator])
        found += [(e.text, e.get("ref")) for e in p.iter("{*}persName")]
    assert found == [
        ("Zhou", "#zhou-d1"),
        ("Chervonenko", "#chervonenko-d1"),
        ("Zhou", "#zhou-d1"),
    ]
    # without the document's speakers, a name alone before a colon is no one
    assert names_in(index, "Chervonenko: I do not know.") == []


def test_a_speaker_s_surname_names_them_also_above_their_first_turn(index):
    """ "The Albanian chargé d'affaires, Dollaku, visited me." over "Dollaku: …": no title
    before it, it had stayed a word. The speakers' labels of more words than a surname, or
    offices, name no one so."""
    annotator = DocumentNames(index, "d1", frozenset({"Dollaku", "Ambassador", "Premier Zhou"}))
    found = []
    texts = (
        "The Albanian chargé d'affaires, Dollaku, visited me. The Ambassador met Zhou.",
        "Dollaku: Why has the ambassador been recalled?",
    )
    for text in texts:
        p = element("p")
        mark_up(p, text, [annotator])
        found += [(e.text, e.get("ref")) for e in p.iter("{*}persName")]
    assert found == [("Dollaku", "#dollaku-d1"), ("Dollaku", "#dollaku-d1")]


def test_a_line_in_capitals_that_is_a_title_and_a_name_names_that_person(index):
    """ "TO COMRADE TODOR ZHIVKOV" over a letter: the person its "Comrade Zhivkov" and "T.
    Zhivkov" are (each had been a person of their own, the address no one). A line whose
    words after the title are no name's names no one."""
    found = names_in(
        index,
        "TO COMRADE TODOR ZHIVKOV",
        "FIRST SECRETARY OF THE CC OF THE BCP",
        "TO THE MINISTER OF FOREIGN AFFAIRS",
        "Dear Comrade Zhivkov, I informed T. Zhivkov.",
    )
    assert [f[1:4] for f in found] == [
        ("TODOR ZHIVKOV", "#zhivkov-todor", None),
        ("Zhivkov", "#zhivkov-todor", "medium"),
        ("T. Zhivkov", "#zhivkov-todor", "medium"),
    ]
    assert index.registers.entities["zhivkov-todor"].names == ["Todor Zhivkov"]


def test_a_full_name_the_document_gave_before_is_found_again(index):
    """ "Le Van Hien", first found after a title: the full name again is the same person,
    though "Le" begins no search for names (it begins French titles and English sentences)."""
    found = names_in(
        index,
        "I received Vietnamese Ambassador Le Van Hien at his request.",
        "Regarding the polemic, Le Van Hien said that the party stands for unity.",
        "Le Van Hien invited me to a reception.",
    )
    assert [f[1:3] for f in found] == [("Le Van Hien", "#le-van-hien")] * 3


def test_a_name_the_translator_completed_in_brackets_is_the_whole_name(index):
    """ "Ambassador Hao [Deqing]": Hao Deqing, the bracket in the name, as "Pak
    [Seong-cheol]" is the registered Pak Seong-cheol; a western surname with a word after it
    in brackets is not so completed, nor is a name with words that are no name."""
    found = names_in(
        index,
        "He visited Ambassador Hao [Deqing]. Then Hao Deqing left.",
        "Cde. Pak [Seong-cheol] said so.",
        "Ambassador Zorin [Valerian] came.",
    )
    assert [f[1:3] for f in found] == [
        ("Hao [Deqing]", "#hao-deqing"),  # the source's reading: the bracket in the name
        ("Hao Deqing", "#hao-deqing"),
        ("Pak [Seong-cheol]", "#pak-seong-cheol"),
        ("Zorin", "#zorin-d1"),
    ]


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        (  # a cipher's distribution: the registers know most, the others are people too
            "Sent: Khrushchev, Rapacki, Mikoyan, Moskovsky.",
            ["Khrushchev", "Rapacki", "Mikoyan", "Moskovsky"],
        ),
        (
            "Khrushchev, Moskovsky, Mikoyan and Ponomarev came.",
            ["Khrushchev", "Moskovsky", "Mikoyan", "Ponomarev"],
        ),
        # not when few of the list are people, nor a word of a longer name after it
        ("Khrushchev, Mikoyan, Ponomarev and Zverev.", ["Khrushchev"]),
        ("They met Khrushchev, Moskovsky, and Aleksei Mikoyan.", ["Khrushchev", "Moskovsky"]),
    ],
)
def test_surnames_listed_with_people_s_are_people(index, text, listed):
    found = names_in(index, text)
    assert [f[1] for f in found if f[0] == "persName"] == listed


def test_a_speaker_s_initial_stands_for_whom_the_document_named(index):
    """ "M.:" opening the turns of a record is Moskovsky, named above, each time: not a
    person "M. M." of the document's own."""
    annotator = DocumentNames(index, "d1", frozenset({"M.", "Nam Il"}))
    found = []
    for text in ("Present: V. P. Moskovsky.", "M.: I bring greetings.", "M.: When?"):
        p = element("p")
        mark_up(p, text, [annotator])
        found += [(e.text, e.get("ref")) for e in p.iter("{*}persName")]
    assert found == [("V. P. Moskovsky", "#moskovsky-vasily")] + [("M.", "#moskovsky-vasily")] * 2


def test_a_surname_alone_before_the_signature_is_the_signer(index):
    """A record of conversation names its writer by surname ("MOSKOVSKY:") and in full
    only in its signature ("/V. MOSKOVSKY/"): one person, not a person of the document's
    own ("moskovsky-d1") and another; a surname no signer has is still the document's."""
    signatures = ["/N. SHESTERIKOV/", "Comrade Ryu"]  # a title is no forename
    annotator = DocumentNames(index, "d1", frozenset({"SHESTERIKOV", "RYU"}), signatures)
    found = []
    for text in ("SHESTERIKOV: I have no information.", "RYU: The facts will be given."):
        p = element("p")
        mark_up(p, text, [annotator])
        found += [(e.text, e.get("ref"), e.get("cert")) for e in p.iter("{*}persName")]
    p = element("signed")
    mark_up(p, "/N. SHESTERIKOV/", [body._Signature(annotator)])
    found += [(e.text, e.get("ref"), e.get("cert")) for e in p.iter("{*}persName")]
    assert found == [
        ("SHESTERIKOV", "#shesterikov-n", "medium"),
        ("RYU", "#ryu-d1", None),
        ("N. SHESTERIKOV", "#shesterikov-n", None),
    ]


def test_registered_names_set_in_capitals_inside_a_line(index):
    """Soviet records set the names of the people they record in capitals in lines of the
    ordinary case: the registers' forms are read there too; an acronym in the run, or a run
    no form matches ("KWP CC"), names no one."""
    found = names_in(
        index, "Record of conversation with DPRK Minister PAK SEONG-CHEOL and KIM IL SUNG, KWP CC"
    )
    assert [f[1:3] for f in found] == [
        ("PAK SEONG-CHEOL", "#pak-seong-cheol"),
        ("KIM IL SUNG", "#kim-il-sung"),
    ]
    # … and so is the name of someone the document named before, whom no register has
    found = names_in(index, "I met Ryu Jang-sik.", "Record of conversation with RYU JANG-SIK")
    assert [f[1:3] for f in found] == [
        ("Ryu Jang-sik", "#ryu-jang-sik"),
        ("RYU JANG-SIK", "#ryu-jang-sik"),
    ]


def test_chinese_names_in_pinyin(index):
    found = names_in(index, "Liu Shaoqi met Peng Zhen and Deng Xiaoping; Chen Union was no one.")
    assert [f[1:3] for f in found] == [
        ("Liu Shaoqi", "#liu-shaoqi"),
        ("Peng Zhen", "#peng-zhen"),
        ("Deng Xiaoping", "#deng-xiaoping"),
    ]
    # a pinyin surname and an English word that ends otherwise than a pinyin syllable: none
    assert names_in(index, "Wang Said it.") == []
    # the surname first in the id, after a title too; not "He", a sentence's first word
    found = names_in(index, "Vice Foreign Minister Zeng Yongquan met Ji Pengfei. He Came.")
    assert [f[1:3] for f in found] == [
        ("Zeng Yongquan", "#zeng-yongquan"),
        ("Ji Pengfei", "#ji-pengfei"),
    ]


def test_a_word_with_digits_is_no_name(index):
    assert names_in(index, "Att. to: D.II-Kor-O-0862/11/63, see Comrade B-52.") == []


def test_c_before_a_name_is_comrade_not_an_initial(index):
    assert names_in(index, "C. Khrushchev replied.") == [
        ("persName", "Khrushchev", "#khrushchev-nikita", None)
    ]


def test_alternative_romanisation_and_supplied_forename_belong_to_the_name(index):
    found = names_in(index, "Pak Seong-cheol [Pak Song Chol] and [Nikita] Khrushchev.")
    assert [f[1:3] for f in found] == [
        ("Pak Seong-cheol [Pak Song Chol]", "#pak-seong-cheol"),
        ("[Nikita] Khrushchev", "#khrushchev-nikita"),
    ]


def test_an_unknown_name_and_its_alternative_romanisation_are_one_person(index):
    """As with a registered name: the translator's other romanisation is kept inside the
    name, which makes one automatic entry, not a second person."""
    found = names_in(index, "Deputy Minister Ri Dong-geon [Ri Tong Gon] asked; Ri agreed.")
    assert [f[1:] for f in found] == [
        ("Ri Dong-geon [Ri Tong Gon]", "#ri-dong-geon", None),
        ("Ri", "#ri-dong-geon", "medium"),
    ]
    unreviewed = [e.id for e in index.registers.entities.values() if not e.reviewed]
    assert unreviewed == ["ri-dong-geon"]


def test_a_name_with_and_without_the_aspiration_marks_is_one_person(index):
    """McCune-Reischauer marks aspiration with an apostrophe ("Ch'oe Yong-gŏn"); translations
    that drop it ("Choe Yong Gon") name the same person, as the registers' forms do
    ("Kim Ch'ang-man" is "Kim Chang-man")."""
    found = names_in(index, "Ch'oe Yong-gŏn came.", "Choe Yong Gon left.", "Kim Ch'ang-man")
    assert [f[2] for f in found] == ["#choe-yong-gon", "#choe-yong-gon", "#kim-chang-man"]


@pytest.mark.parametrize(
    ("written", "cert"),
    [
        ("Pak Sŏng-ch'ŏl", None),  # McCune-Reischauer: the register's "Pak Song Chol"
        ("Bak Seong-cheol", "medium"),  # the Revised Romanisation of the surname too
        ("Pak Seong-chol", "medium"),  # the two mixed
    ],
)
def test_a_korean_name_in_another_romanisation_is_the_registered_person(index, written, cert):
    """The register gives "Pak Seong-cheol" (Revised Romanisation) and "Pak Song Chol"; the
    same name in another romanisation links to him, with cert="medium" where the link rests
    on the romanisations alone."""
    assert names_in(index, f"Foreign Minister {written} said so.") == [
        ("persName", written, "#pak-seong-cheol", cert)
    ]


def test_two_korean_names_that_romanise_apart_stay_apart(index):
    assert [f[2] for f in names_in(index, "Kim Chang-min said so.")] == ["#kim-chang-min"]


def test_a_korean_surname_written_in_capitals(index):
    """Some translations write the surname in capitals ("KIM Il Sung", "LEE Hu-rak"): the
    same persons, the same ids, the name kept as written."""
    found = names_in(index, "KIM Il Sung met LEE Hu-rak and Pak Seong-cheol; LEE said.")
    assert [f[1:] for f in found] == [
        ("KIM Il Sung", "#kim-il-sung", None),
        ("LEE Hu-rak", "#lee-hu-rak", None),
        ("Pak Seong-cheol", "#pak-seong-cheol", None),
        ("LEE", "#lee-hu-rak", "medium"),
    ]
    assert names_in(index, "The KIM report and MOSKOVSKY's.") == []  # a word in capitals alone


def test_short_forms_the_document_introduces(index):
    found = names_in(
        index,
        "Amb. Moskovsky met Pak Seong-cheol and Kim Chang-man.",
        "M. told Pak that Kim Il Sung agreed.",
        "K. replied.",
        "Nikita Sergeyevich",
    )
    assert [f[1:] for f in found[3:]] == [
        ("M.", "#moskovsky-vasily", "medium"),  # one person named with M
        ("Pak", "#pak-seong-cheol", "medium"),
        ("Kim Il Sung", "#kim-il-sung", None),
        ("K.", "#kim-il-sung", "low"),  # two Kims: the latest, flagged
        ("Nikita Sergeyevich", "#khrushchev-nikita", None),
    ]


def test_a_surname_after_the_full_name_in_the_same_paragraph(index):
    """The bare surname of someone the same paragraph has just named by a registered form."""
    found = names_in(index, "Pak Seong-cheol spoke first; then Pak asked for the floor.")
    assert [f[1:] for f in found] == [
        ("Pak Seong-cheol", "#pak-seong-cheol", None),
        ("Pak", "#pak-seong-cheol", "medium"),
    ]


def test_an_initial_before_anyone_fits_stays_unmarked(index):
    assert names_in(index, "M. said nothing.") == []


def test_unknown_names_get_unreviewed_entries_and_their_short_forms(index):
    found = names_in(
        index,
        "Comrade Jerzy Siedlecki and Deputy Premier Kim Il came.",
        "Siedlecki and the ambassador Grigor Tsvetkov spoke with Kang Ryang-uk.",
    )
    assert [f[1:] for f in found] == [
        ("Jerzy Siedlecki", "#siedlecki-jerzy", None),
        ("Kim Il", "#kim-il", None),
        ("Siedlecki", "#siedlecki-jerzy", "medium"),
        ("Grigor Tsvetkov", "#tsvetkov-grigor", None),
        ("Kang Ryang-uk", "#kang-ryang-uk", None),
    ]
    unreviewed = [e.id for e in index.registers.entities.values() if not e.reviewed]
    assert sorted(unreviewed) == ["kang-ryang-uk", "kim-il", "siedlecki-jerzy", "tsvetkov-grigor"]


def test_a_head_of_state_s_title_names_the_person_after_it(index):
    """ "President Kennedy", "President Novotný": a name; "the President of the Presidium"
    and "Vice President" alone name nobody."""
    found = names_in(
        index,
        "The agreement between Comrade Moskovsky and President Kennedy held.",
        "President Novotný received him; the President of the Presidium did not.",
    )
    assert [f[1] for f in found] == ["Moskovsky", "Kennedy", "Novotný"]
    assert names_in(index, "He met the Vice President.") == []


def test_the_abbreviations_of_comrade_in_small_letters_name_the_person_after_them(index):
    """ "the Soviet counsellor, cde. Zhdanov", as translations of Polish records write it."""
    found = names_in(index, "the counsellor, cde. Zhdanov, and com. Basov and comr. Titov")
    assert [f[1:3] for f in found] == [
        ("Zhdanov", "#zhdanov-d1"),
        ("Basov", "#basov-d1"),
        ("Titov", "#titov-d1"),
    ]


def test_the_last_words_of_a_name_named_before_are_that_person(index):
    """A Spanish double surname: "Comrade Vigoa Vega" after "Comrade Jorge Luis Vigoa Vega"
    is the same person (not one of his own); words that end no name named before are
    someone else."""
    found = names_in(
        index,
        "the Cuban chargé d'affaires, Comrade Jorge Luis Vigoa Vega, came.",
        "Comrade Vigoa Vega added that Comrade Castro Ruz agreed.",
    )
    assert found == [
        ("persName", "Jorge Luis Vigoa Vega", "#vega-jorge-luis-vigoa", None),
        ("persName", "Vigoa Vega", "#vega-jorge-luis-vigoa", "medium"),
        ("persName", "Castro Ruz", "#ruz-castro", None),
    ]


def test_the_polish_title_a_translation_keeps_names_the_person_after_it(index):
    """ "Tow." (towarzysz, comrade), as some translations of Polish records keep it."""
    assert [f[1:3] for f in names_in(index, "Tow. Siedlecki met him.")] == [
        ("Siedlecki", "#siedlecki-d1")
    ]
    # in small letters too, inside a sentence, before a capitalised word only
    assert [f[1:3] for f in names_in(index, "the ambassador tow. Moravec came")] == [
        ("Moravec", "#moravec-d1")
    ]
    assert names_in(index, "They called a tow. truck.") == []


def test_a_signature_the_document_signed_before_is_the_whole_name_again(index):
    """The cover letter's signer signs the enclosure too: "József Kovács" is that person by
    the whole name, not the surname alone inferred (cert "medium") after an unmarked
    forename."""
    annotator = DocumentNames(index, "d1")
    found = []
    for line in ("József Kovács", "József Kovács"):
        signed = element("signed")
        mark_up(signed, line, [body._Signature(annotator)])
        found += [(e.text, e.get("ref"), e.get("cert")) for e in signed.iter("{*}persName")]
    assert found == [("József Kovács", "#kovacs-jozsef", None)] * 2


def test_the_czech_title_a_translation_keeps_names_the_person_after_it(index):
    """ "s." (soudruh, comrade), as some translations of Czech records keep it, is no
    initial: the name after it is the person's; a page's "s. 3" names nobody."""
    found = names_in(index, "The meeting of s. Novotný with s. Moravec.")
    assert [f[1:3] for f in found] == [("Novotný", "#novotny-d1"), ("Moravec", "#moravec-d1")]
    assert [f[1:3] for f in names_in(index, "s. Moravec came.")] == [("Moravec", "#moravec-d1")]
    assert names_in(index, "See p. 5, s. 3 of the file.") == []


def test_the_czech_title_opening_a_sentence_is_no_initial(index):
    """In a text that writes "s." before names, "S. Moskovsky" opening a sentence is the
    title capitalised: Moskovsky, not a Moskovsky whose forename begins with S."""
    text = ["I visited s. Moskovsky.", "S. Moskovsky said so. S. Holub agreed.", "S. K. Li came."]
    assert names.uses_czech_title(text)
    annotator = DocumentNames(index, "d1", czech_title=True)
    found = []
    for paragraph in text:
        p = element("p")
        mark_up(p, paragraph, [annotator])
        found += [(normalise(source_text(e)), e.get("ref")) for e in p.iter("{*}persName")]
    assert found == [
        ("Moskovsky", "#moskovsky-vasily"),
        ("Moskovsky", "#moskovsky-vasily"),
        ("Holub", "#holub-d1"),
        ("S. K. Li", "#li-s-k"),  # initials before a name stay initials
    ]
    # a text without the title keeps "S." as an initial
    assert not names.uses_czech_title(["S. Moskovsky said so.", "See s. 3 of the file."])


def test_a_place_s_name_in_an_office_s_name_is_no_place(index):
    """ "the Korea Section" (of a ministry) names the office, not the country; the country
    is still the country."""
    assert names_in(index, "Sent to the Korea Section, and to file.") == []
    assert [f[1:3] for f in names_in(index, "He left Korea in May.")] == [("Korea", "#korea")]


def test_initials_are_no_article_or_pronoun_and_never_a_name_alone(index):
    """ "A." and "I." before a name are initials (the articles and pronouns "A", "I" are no
    names); initials with nothing after them are nobody."""
    assert [f[1:3] for f in names_in(index, "Then A. Kim and I. Pak came.")] == [
        ("A. Kim", "#kim-a"),
        ("I. Pak", "#pak-i"),
    ]
    assert names_in(index, "A letter by V.P. [the ambassador] came.") == []


def test_a_bare_unknown_surname_never_merges_two_documents(index):
    first = names_in(index, "Marshal Malinovsky spoke.", doc_id="doc-a")
    second = names_in(index, "Marshal Malinovsky spoke.", doc_id="doc-b")
    assert first[0][2] == "#malinovsky-doc-a" and second[0][2] == "#malinovsky-doc-b"


def test_a_name_without_latin_letters_still_gets_its_own_id(index):
    # found by the property test: the id must not collapse onto the document's id (a letter
    # alone is no name: two letters with no Latin letter in them)
    assert names_in(index, "comrade ÐÞ spoke.", doc_id="d1962")[0][2] == "#person-d1962"
    # nor may it begin with a figure, as "Ħ¼" folds to "14": an xml:id begins with a letter
    assert names_in(index, "comrade Ħ¼ spoke.", doc_id="d1963")[0][2] == "#person-d1963"


def test_an_unknown_id_never_takes_a_curated_one(index):
    # a second person called Kim Chang-man would be someone else: never the curated id
    annotator = DocumentNames(index, "d")
    assert annotator._new_id("Kim Chang-man") == "kim-chang-man-2"


def test_places_and_organisations_longest_form_first(index):
    assert names_in(index, "The CPSU CC, the CPSU and the Korean People’s Army in Korea.") == [
        ("orgName", "CPSU CC", "#cc-cpsu", None),
        ("orgName", "CPSU", "#cpsu", None),
        ("orgName", "Korean People’s Army", "#kpa", None),
        ("placeName", "Korea", "#korea", None),
    ]


def test_adjectives_are_not_places(index):
    assert names_in(index, "Soviet-Korean and Korean relations.") == []


def test_signature_line_is_a_name(config):
    tei = convert_path(FIXTURES / "transcripts" / "pdf-export-amsz.txt", config)
    signed = xpath(tei, "//tei:closer/tei:signed/tei:persName")
    assert [source_text(s) for s in signed] == ["Brodowski"]
    assert signed[0].get("ref") == "#brodowski-wcda-117654"


def signature_line(index, line: str) -> etree._Element:
    """`line` marked up as a document's signature line."""
    p = element("signed")
    mark_up(p, line, [body._Signature(DocumentNames(index, "d1"))])
    return p


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Signed: Becker", "Becker"),
        ("(Wiśniewski)", "Wiśniewski"),
        ("K. Nowak (signed)", "K. Nowak"),
        ("Ambassador: /signed/ Bogdanov", "Bogdanov"),
        ("Ambassador of the PRB in the DPRK: Bogdanov", "Bogdanov"),
        ("/Wiśniewski/", "Wiśniewski"),
    ],
)
def test_a_signature_is_the_name_less_the_mark_of_signing(index, line, name):
    p = signature_line(index, line)
    (person,) = p.iter("{*}persName")
    assert source_text(person) == name and person.get("ref", "").startswith("#")
    assert normalise(source_text(p)) == line  # the mark and brackets stay, outside the name


@pytest.mark.parametrize(
    ("line", "ref"),
    [
        ("Ivan Moskovsky", "#moskovsky-ivan"),  # another forename: someone else
        ("Vasily Moskovsky", "#moskovsky-vasily"),  # the forename agrees: in the name
        ("Vasilii Moskovsky", "#moskovsky-vasily"),
        ("V. Moskovsky", "#moskovsky-vasily"),
        ("Moskovsky", "#moskovsky-vasily"),
    ],
)
def test_a_signature_s_forename_decides_who_signed(index, line, ref):
    p = signature_line(index, line)
    assert [(source_text(n), n.get("ref")) for n in p.iter("{*}persName")] == [(line, ref)]


# --- transcripts the project has never seen -------------------------------------------------

UNSEEN = FIXTURES / "unseen"
ANNOTATION = json.loads((UNSEEN / "persons.json").read_text("utf-8"))


def test_unseen_transcripts_recall_merges_and_review(tmp_path, config):
    out = tmp_path / "out"
    names = pipeline.load_names(config)
    report = pipeline.convert([UNSEEN], out, config, names)
    assert report.ok
    expected_total = found_total = 0
    ids_of: dict[str, set[str]] = {}
    people_of: dict[str, set[str]] = {}
    for path in sorted(UNSEEN.glob("*.txt")):
        doc_id = pipeline.convert_transcript(path, config, pipeline.load_names(config))[0]
        tree = etree.parse(str(out / f"{doc_id}.xml"))
        marked = [
            (normalise(source_text(el)), el.get("ref"))
            for el in xpath(tree, "//tei:text//tei:persName")
        ]
        expected = ANNOTATION[path.name]
        expected_total += len(expected)
        position = 0
        for surface, person in expected:  # in reading order
            for index in range(position, len(marked)):
                if marked[index][0] == surface:
                    found_total += 1
                    position = index + 1
                    ref = marked[index][1]
                    ids_of.setdefault(person, set()).add(ref)
                    people_of.setdefault(ref, set()).add(person)
                    break
    recall = found_total / expected_total
    assert recall >= 0.85, f"found {found_total} of {expected_total} person mentions"
    merged = {ref: people for ref, people in people_of.items() if len(people) > 1}
    assert not merged, f"two people share an id: {merged}"
    split = {person: ids for person, ids in ids_of.items() if len(ids) > 1}
    assert not split, f"one person has several ids: {split}"


def test_every_unknown_name_is_in_the_review_report(tmp_path, config):
    edition = tmp_path / "edition"
    edition_config = make_edition(edition, UNSEEN)
    report = pipeline.build(edition_config)
    rows = report.entities.rows
    unknown = {
        "kim-il",
        "fischer-richard",
        "koubek-jaroslav",
        "zhou-enlai",
        "hao-deqing",
        "nam-il",
        "csaki-karoly",
        "choe-yong-gon",
        "li-dong-gun",
        "fedorenko-n",
        "kang-ryang-uk",
        "tsvetkov-grigor",
        "kowalski-stanislaw",
    }
    assert unknown <= set(rows)
    assert any(r.startswith("malinovsky-") for r in rows) and any(
        r.startswith("harriman-") for r in rows
    )
    csv_text = (edition / "output" / "reports" / "entities-to-review.csv").read_text("utf-8")
    assert csv_text.startswith("name,proposed_id,documents,context\n")
    assert "Grigor Tsvetkov | Tsvetkov,tsvetkov-grigor,wcda-118020," in csv_text
    # … and every place the gazetteer names there ("GDR"), in the registers still to review
    unreviewed = {
        entry
        for name in ("persons-unreviewed.xml", "places-unreviewed.xml")
        for entry in etree.parse(str(edition / "tei" / "registers" / name)).xpath(
            "//tei:person/@xml:id | //tei:place/@xml:id", namespaces=NS
        )
    }
    assert unreviewed == set(rows)


# --- the edition ----------------------------------------------------------------------------


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_every_pointer_resolves_inside_the_document(path, config):
    tei = convert_path(path, config)
    ids = set(xpath(tei, "//@xml:id"))
    refs = {r[1:] for r in xpath(tei, "//@ref") if r.startswith("#")}
    assert refs and refs <= ids
    copied = set(xpath(tei, "/tei:TEI/tei:standOff//*[@xml:id]/@xml:id"))
    assert copied == refs  # nothing copied that is not pointed to


def test_standoff_copies_are_the_register_entries(config):
    registers = {
        el.get("{http://www.w3.org/XML/1998/namespace}id"): el
        for name in ("persons.xml", "places.xml", "organizations.xml")
        for el in etree.parse(str(ROOT / "tei" / "registers" / name)).xpath(
            "//tei:person|//tei:place|//tei:org", namespaces=NS
        )
    }
    for path in SEEDS:
        document = etree.fromstring(serialise_tei(convert_path(path, config)))
        for copy in xpath(document, "/tei:TEI/tei:standOff/*/*"):
            original = registers[copy.get("{http://www.w3.org/XML/1998/namespace}id")]
            assert _shape(copy) == _shape(original)
            # names keep their inner spacing ("Vasily Petrovich Moskovsky")
            assert [" ".join("".join(n.itertext()).split()) for n in copy.iter("{*}persName")] == [
                " ".join("".join(n.itertext()).split()) for n in original.iter("{*}persName")
            ]


def _shape(el):
    """Elements, attributes and text, white space between elements aside."""
    return [
        (n.tag, dict(n.attrib), (n.text or "").strip(), (n.tail or "").strip())
        for n in el.iter()
        if n is not el
    ] + [(el.tag, dict(el.attrib), (el.text or "").strip())]


def test_the_build_never_rewrites_a_curated_register(tmp_path):
    edition = tmp_path / "edition"
    edition_config = make_edition(edition, ROOT / "seeds", FIXTURES / "transcripts")
    before = {p.name: p.read_bytes() for p in (edition / "tei" / "registers").iterdir()}
    report = pipeline.build(edition_config)
    assert report.entities.unreviewed > 0  # the fixtures name people the registers lack
    after = {p.name: p.read_bytes() for p in (edition / "tei" / "registers").iterdir()}
    assert {name: after[name] for name in before} == before
    assert set(after) - set(before) == {"persons-unreviewed.xml", "places-unreviewed.xml"}


def _listing_places(*places: str) -> str:
    """A current page whose facets list `places` with a text that names Onchon."""
    listed = "\n".join(places)
    return (
        "Skip to content\n\nDecember 2, 1963\n\nInformation on a Soviet Delegation\n\n"
        "On 16 November the delegation visited Onchon. Onchon is near the border.\n\n"
        "A report on a delegation's stay.\n\n"
        f"Associated Places\n\n{listed}\n\nDocument Information\n\n"
        "Source\n\nSAPMO-BArch, DY 30/IV A 2/20/251. Translated by Bernd Schaefer.\n\n"
        "Record ID\n\n119110\n"
    )


def test_a_listed_place_the_registers_lack_is_in_the_unreviewed_places_register(tmp_path):
    """Each mention links to the automatic entry, which the document carries, the places
    register page lists as not yet reviewed and the review list names; once built, its id is
    kept as any other's."""
    source = tmp_path / "page.txt"
    source.write_text(_listing_places("Korea (North)", "Onchon (Korea)"), "utf-8")
    edition = built_edition(tmp_path / "edition", source)
    path = edition.registers_dir / "places-unreviewed.xml"
    assert etree.parse(str(path)).xpath("//tei:place/@xml:id", namespaces=NS) == ["onchon"]
    (document,) = edition.documents_dir.glob("*.xml")
    tei = etree.parse(str(document))
    assert xpath(tei, "//tei:body//tei:placeName[@ref = '#onchon']/text()") == ["Onchon"] * 2
    assert xpath(tei, "//tei:standOff//tei:place[@xml:id = 'onchon']/tei:note/@subtype") == [
        "unreviewed"
    ]
    page = etree.parse(str(edition.output_dir / "html" / "places.html"), etree.HTMLParser())
    assert page.xpath("//section[@id = 'onchon']/p[@class = 'status']")
    review = (edition.output_dir / "reports" / "entities-to-review.csv").read_text("utf-8")
    assert "\nOnchon,onchon,wcda-119110," in review
    # its id is the edition's now: a later list that leaves the place out keeps it citable
    (edition.root / "seeds" / "page.txt").write_text(_listing_places("Korea (North)"), "utf-8")
    assert [(p.id, p.message) for p in pipeline.build(edition).ids] == [
        (
            "onchon",
            "the place entry vanished from the registers (merge it: keep an entry with sameAs)",
        )
    ]


def test_seed_persons_are_all_linked_to_curated_entries(config):
    """On the five seeds every person mention links to a reviewed register entry."""
    for path in SEEDS:
        tei = convert_path(path, config)
        for name in xpath(tei, "//tei:text//tei:persName"):
            ref = name.get("ref")
            assert ref, f"{path.name}: {source_text(name)!r} not linked"
            entry = xpath(tei, f"//tei:standOff//tei:person[@xml:id='{ref[1:]}']")[0]
            assert not xpath(entry, "tei:note[@type='status']"), (path.name, source_text(name))


def test_key_seed_mentions(config):
    polish = convert_path(SEEDS[0], config)
    short = [
        (source_text(n), n.get("ref"), n.get("cert"))
        for n in xpath(polish, "//tei:text//tei:persName[@cert]")
    ]
    assert ("Pak", "#pak-geum-cheol", "medium") in short
    assert {s for s in short if s[0] == "M."} == {("M.", "#moskovsky-vasily", "medium")}
    assert {s for s in short if s[0] == "K."} == {("K.", "#kim-il-sung", "low")}
    damaged = convert_path(SEEDS[3], config)
    assert len(xpath(damaged, "//tei:text//tei:persName[@ref='#kim-il-sung'][tei:choice]")) == 9
    czech = convert_path(SEEDS[2], config)
    assert xpath(czech, "//tei:persName[@ref='#moskovsky-vasily']/text()")[:1] == [
        "V.P. Moskowskyi"
    ]
    assert xpath(czech, "//tei:placeName[tei:supplied]/@ref") == ["#west-papua"]


def test_entities_command_lists_review_rows(tmp_path):
    from click.testing import CliRunner

    from teiedition.cli import main

    edition = tmp_path / "edition"
    make_edition(edition, UNSEEN)
    runner = CliRunner()
    built = runner.invoke(main, ["--config", str(edition / "edition.toml"), "build"])
    assert built.exit_code == 0, built.output
    assert "entities: " in built.output and "names to review" in built.output
    listed = runner.invoke(main, ["--config", str(edition / "edition.toml"), "entities"])
    assert listed.exit_code == 0
    assert "tsvetkov-grigor\tGrigor Tsvetkov | Tsvetkov\t1 document(s)" in listed.output
    assert listed.output.rstrip().splitlines()[-1].startswith("entities: ")


def test_a_broken_register_is_a_clear_error(tmp_path, config):
    (tmp_path / "persons.xml").write_text("<TEI><standOff>", "utf-8")
    with pytest.raises(Exception, match=r"persons.xml:1: error: register is not well-formed"):
        Registers.load(tmp_path)


def test_register_parsing_expands_no_entity(tmp_path):
    (tmp_path / "persons.xml").write_text(
        '<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><standOff><listPerson>'
        '<person xml:id="a"><persName>&x;</persName></person></listPerson></standOff></TEI>',
        "utf-8",
    )
    registers = Registers.load(tmp_path)
    assert "root:" not in "".join(registers.entities["a"].element.itertext())


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Kim", "K.", "I.", "Ér", "Št", "a", "1", ".", "’", "'", "-", " ", "Jo’s"]),
        max_size=10,
    ).map("".join)
)
def test_capitals_and_initials_are_found_as_with_the_look_behind_first(text):
    """The patterns test the capital first and look behind it after: the same matches."""
    capitalised = re.compile(rf"(?<![\w.’'-]){CAPITAL}\w+(?![\w-])")
    initial = re.compile(r"(?<![\w.])(?P<letter>[A-HJ-Z])\.(?!\s?[A-Z]\.)(?!\s*[A-Z][a-z])")
    for fast, plain in ((names._CAPITALISED, capitalised), (names._INITIAL_ALONE, initial)):
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


# what unknown names are made of, and what may stand beside them
_NAME_PIECES = (
    "Kim Pak Ri Il Song Sung V. P. C. Moskovsky Ivanov Pavel Ér xKim a . ’ - Jo’s Chol-ho "
    "Comrade comrades Com. c. Amb. ambassador Minister Min. Mr. Mrs. Marshal Chargé d’Affaires "
    "Liu Shaoqi Zhen Wang Said Ch'oe gŏn Cde. Chairman Lin Petrov Kowalski Nikolaevich Uk Yuk "
    "Sz. Gy. Gh. Gheorghiu-Dej Štěpán Červenka Nováková Hruský Łin and , Petrovna Mikoyan "
    "Sung's Ho Chi Minh Pham Van City Trail tow. stow. s. is. First Secretary Yu. I. "
    "Ambassadors Messrs. (USSR) (HPR Ferenc Kádas István Éva "
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from([*_NAME_PIECES.split(), " ", "\n"]),
        max_size=10,
    ).map("".join)
)
# the cases where a shortcut would most likely differ: a Slavic ending that is the whole
# word, and the most words a title's name may have
@example("Kim Lin and Pavel Uk met Ivan Petrov")
@example("Comrade Kim Pak Ri Il Song said")
@example("comrades Kim Pak, Ivanov Pavel and Petrov")
def test_unknown_names_are_found_as_with_the_look_behind_first(text):
    """The shapes of unknown names test their first letter first and look behind it after:
    the same matches as the patterns written the plain way."""
    word, initials = names._WORD, names._INITIALS
    surnames = "|".join([*names.KOREAN_SURNAMES, *names.VIETNAMESE_SURNAMES])
    chinese = "|".join(names.CHINESE_SURNAMES)
    hungarian = "|".join(sorted(names.HUNGARIAN_FORENAMES))
    titles = "|".join(f"[{letters}]{rest}" for letters, rest in names._TITLES)
    letters = r"[a-zŏŭ'’]{1,7}(?<!['’]s)"  # a Korean syllable's after its first
    listed = rf"{word}(?:\s{word}){{0,2}}(?:\s\([^()\n]{{1,40}}\))?"  # a name in a list
    plain = {
        "title": rf"(?<![\w.])(?:{titles})\s+(?:(?:{titles})\s+)*"
        rf"(?P<name>(?:{initials})?{word}(?:\s{word}){{0,4}})",
        "initials": rf"(?<![\w.])(?P<name>{initials}(?:{word}"
        rf"|(?<=\.)(?![\w.])(?!\s?{CAPITAL}{SMALL})))",
        "tow.": rf"(?<![\w.])tow\.\s+(?P<name>(?:{initials})?{word}(?:\s{word}){{0,4}})",
        "s.": rf"(?<![\w.])s\.\s+(?P<name>(?:{initials})?{word}(?:\s{word}){{0,4}})",
        "titles": rf"(?<![\w.])[Cc]omrades\s+(?P<name>{listed}(?:(?:,\s+|,?\s+and\s+){listed})+)",
        "other titles": rf"(?<![\w.])(?:[Aa]mbassadors|Messrs\.)\s+"
        rf"(?P<name>{listed}(?:(?:,\s+|,?\s+and\s+){listed})+)",
        "hungarian": rf"(?<![\w.])(?P<name>(?:{hungarian})\s{word}|{word}\s(?:{hungarian}))"
        r"(?![\w-])",
        "korean": rf"(?<![\w.])(?P<name>(?:{surnames})\s[A-Z]{letters}(?:-{letters})?"
        rf"(?:\s[A-Z]{letters})?)(?![\w-])",
        "chinese": rf"(?<![\w.])(?P<name>(?:{chinese})\s[A-Z][a-z]{{0,8}}(?:[aeiou]|ng?|r))"
        r"(?![\w-])",
        "slavic": rf"(?<![\w.])(?P<name>{word}\s{CAPITAL}{SMALL}+"
        rf"(?:(?:ich|[oe]vna)\s{CAPITAL}{SMALL}+|ov|ev|ova|eva|in|ina|sky|"
        r"skii|skiy|ski|ska|cki|cka|enko|uk|yuk|wicz|vich|czyk|ová|ský|ská))(?![\w-])",
    }
    for shape, fast in names._UNKNOWN_PATTERNS:
        expected = [m.span("name") for m in re.finditer(plain[shape], text)]
        assert [m.span("name") for m in fast.finditer(text)] == expected, shape


# Forms that begin alike: a short form that begins a longer one, forms beginning with an
# apostrophe, initials before a short form.
OVERLAPPING = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><standOff><listPerson>
  <person xml:id="kim"><persName type="main">Kim Il Sung</persName>
    <persName type="short">Kim</persName></person>
  <person xml:id="kim-jong"><persName type="main">Kim Jong</persName></person>
  <person xml:id="ali"><persName type="main">’Ali Kim</persName>
    <persName type="short">’Ali</persName></person>
</listPerson></standOff></TEI>"""


@pytest.fixture(scope="module", params=["edition", "tests", "overlapping"])
def any_index(request, config, tmp_path_factory):
    if request.param == "edition":
        return pipeline.load_names(config)
    folder = tmp_path_factory.mktemp(request.param)
    for name in ("persons.xml", "places.xml", "organizations.xml"):
        text = REGISTER if request.param == "tests" else OVERLAPPING
        (folder / name).write_text(text, "utf-8")
    return NameIndex(Registers.load(folder))


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_forms_grouped_by_first_character_are_found_as_in_one_list(any_index, data):
    """The registers' forms are tried in groups by the character they begin with: the same
    matches as all of them tried in turn, in the same order, at every position (texts made
    of the forms, initials, the OCR's "II", and what may stand between and inside names)."""
    forms = sorted({n for e in any_index.registers.entities.values() for n in e.names})
    pieces = [*forms, "V. P. ", "N.S.", "C. ", "K.", "II", "Il", "x", ".", "’", "'", "-", " "]
    text = data.draw(st.lists(st.sampled_from(pieces), max_size=8).map("".join))
    plain = re.compile(rf"(?<![\w.])(?:{'|'.join(any_index.alternatives)})(?![\w])")
    assert [m.span() for m in any_index.pattern.finditer(text)] == [
        m.span() for m in plain.finditer(text)
    ]


def test_a_form_no_character_group_can_hold_is_still_found(tmp_path):
    """A form that begins with a hyphen (which a space may stand for) cannot be grouped by its
    first character: then all forms are tried in turn, as before."""
    register = OVERLAPPING.replace("’Ali Kim", "-Ri Kim")
    (tmp_path / "persons.xml").write_text(register, "utf-8")
    index = NameIndex(Registers.load(tmp_path))
    assert [m.group(0) for m in index.pattern.finditer("met - Ri Kim and V.P. Kim")] == [
        " Ri Kim",
        "V.P. Kim",
    ]


def test_the_longest_form_is_taken(tmp_path):
    """A short form that begins a longer form ("Kim", "Kim Jong") does not cut it short, even
    though the short form's pattern, which allows initials before it, is the longer."""
    (tmp_path / "persons.xml").write_text(OVERLAPPING, "utf-8")
    index = NameIndex(Registers.load(tmp_path))
    found = [m.group(0) for m in index.pattern.finditer("Kim Jong met Kim Il Sung and K. Kim")]
    assert found == ["Kim Jong", "Kim Il Sung", "K. Kim"]


def test_capitalised_words_tried_only_as_known_surnames_change_nothing(config, monkeypatch):
    """A capitalised word is tried only when it is a surname of someone named before it (or
    when the paragraph names someone new): every transcript's TEI is as when every word is
    tried."""
    narrowed = [etree.tostring(convert_path(p, config)) for p in ALL_TRANSCRIPTS]
    every_word = DocumentNames._short
    monkeypatch.setattr(
        DocumentNames, "_short", lambda self, text, surnames=None: every_word(self, text)
    )
    assert [etree.tostring(convert_path(p, config)) for p in ALL_TRANSCRIPTS] == narrowed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("PYONGYANG", [("placeName", "PYONGYANG", "#pyongyang", None)]),
        ("EMBASSY IN PYONGYANG", [("placeName", "PYONGYANG", "#pyongyang", None)]),
        # as written, a name the registers lack is found as before
        ("J. SIEDLECKI", [("persName", "J. SIEDLECKI", "#siedlecki-j", None)]),
        ("TOP SECRET", []),
    ],
)
def test_a_short_line_in_capitals_names_the_registers_forms_in_either_case(index, text, expected):
    """A letterhead's or a telegram's line in capitals ("PYONGYANG") names the register's
    place as the ordinary case writes it."""
    assert names_in(index, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The rally on Kim Il Sung Square began at ten.",
        "Students of Kim Il Sung University came.",
        "They walked along Moskovsky Street.",
        "He was awarded the Kim Il Sung Prize.",
    ],
)
def test_a_name_that_names_a_place_or_an_honour_is_no_person(index, text):
    assert names_in(index, text) == []
    # the person, named as such in the same paragraph, still is
    assert names_in(index, f"{text} Comrade Kim Il Sung spoke.") == [
        ("persName", "Kim Il Sung", "#kim-il-sung", None)
    ]
