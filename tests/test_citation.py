"""The archival citation parser, archive by archive."""

import pytest

from teiedition.readers.citation import parse_citation_string, parse_credits, parse_source_line


def parts(citation):
    return [(p.type, p.value) for p in citation.shelfmark]


def test_avprf_with_papka_and_listy():
    c = parse_source_line(
        "AVPRF, fond 0102, opis 18, papka 93, delo 5, listy 152-154. "
        "Obtained and translated for NKIDPby Sergey Radchenko."
    )
    assert c.archive.archive.key == "avprf" and c.archive.abbreviation == "AVPRF"
    assert parts(c) == [("fond", "0102"), ("opis", "18"), ("papka", "93"), ("delo", "5")]
    assert [(locus.unit, locus.start, locus.end) for locus in c.loci] == [("folios", "152", "154")]
    assert {(cr.role, cr.names, cr.on_behalf_of) for cr in c.credits} == {
        ("obtained", ("Sergey Radchenko",), "NKIDP"),
        ("translated", ("Sergey Radchenko",), "NKIDP"),
    }
    assert not c.problems


def test_avprf_full_name_with_abbreviation_and_abbreviated_labels():
    c = parse_source_line(
        "Archive of the Foreign Policy of the Russian Federation (AVPRF), "
        "F. 0102, Op. 13, P. 72, Delo 5, Listy 165-192."
    )
    assert c.archive.archive.key == "avprf" and c.archive.abbreviation == "AVPRF"
    # "P." after the opis is the papka
    assert parts(c) == [("fond", "0102"), ("opis", "13"), ("papka", "72"), ("delo", "5")]
    assert c.loci[0].start == "165"
    # and so is "p." in small letters
    c = parse_source_line("AVPRF, f. 0102, op. 20, p. 101, d. 8, ll. 21-23.")
    assert parts(c) == [("fond", "0102"), ("opis", "20"), ("papka", "101"), ("delo", "8")]
    assert [(x.unit, x.start, x.end) for x in c.loci] == [("folios", "21", "23")]


@pytest.mark.parametrize("pages", ["p.16-42", "p. 16-42", "P. 16-42", "pp. 16-42"])
def test_pages_in_a_russian_citation_and_elsewhere(pages):
    for line in (
        f"AVPRF, fond 0102, opis 19, papka 96, delo 6, {pages}",
        f"PRC FMA 109-03343-05, {pages}",
    ):
        c = parse_source_line(line)
        assert [(locus.unit, locus.start, locus.end) for locus in c.loci] == [("pages", "16", "42")]


@pytest.mark.parametrize(
    "archive",
    [
        "Political Archive of the Federal Foreign Office, Berlin (PA AA)",
        "Political Archive of the Federal Foreign Office (PA AA), Berlin",
        "PolA AA",
    ],
)
def test_the_archive_s_abbreviation_and_city_in_either_order_belong_to_its_name(archive):
    c = parse_source_line(f"{archive}, MfAA, A 7137, pp. 12-15. Translated by Bernd Schaefer.")
    assert c.archive.archive.key == "pola-aa" and c.archive.phrase == archive
    assert parts(c) == [("collection", "MfAA"), ("signature", "A 7137")]
    assert [(locus.unit, locus.start, locus.end) for locus in c.loci] == [("pages", "12", "15")]
    assert c.archive.abbreviation in {"PA AA", "PolA AA"}


def test_aipn_unlabelled_number_is_its_signature():
    c = parse_source_line("AIPN, 0296/1, t. 12. Obtained by Jakub Poprocki.")
    assert c.archive.archive.key == "aipn"
    assert parts(c) == [("signature", "0296/1"), ("folder", "12")]


def test_rgani():
    c = parse_source_line(
        "RGANI, Fond 5, Opis 28, Delo 410, List 210. "
        "Translated by Gary Goldberg and Sergey Radchenko."
    )
    assert c.archive.archive.key == "rgani"
    assert parts(c) == [("fond", "5"), ("opis", "28"), ("delo", "410")]
    assert c.loci[0].start == c.loci[0].end == "210"
    assert c.credits[0].names == ("Gary Goldberg", "Sergey Radchenko")


def test_amsz_polish():
    c = parse_source_line(
        "AMSZ, Department II, 10/66, w. 3. Obtained by Marek Hańderek and "
        "translated by Jerzy Giebułtowski."
    )
    assert c.archive.archive.settlement == "Warsaw"
    assert parts(c) == [("department", "II"), ("file", "10/66"), ("bundle", "3")]
    assert [(cr.role, cr.names) for cr in c.credits] == [
        ("obtained", ("Marek Hańderek",)),
        ("translated", ("Jerzy Giebułtowski",)),
    ]


def test_mol_hungarian():
    c = parse_source_line(
        "MOL, XIX-J-1-j Korea, 5. doboz, 5/bc, 0066/1962. Translated by Balazs Szalontai."
    )
    assert c.archive.archive.key == "mol" and c.archive.archive.language == "hu"
    assert parts(c) == [
        ("series", "XIX-J-1-j Korea"),
        ("box", "5"),
        ("item", "5/bc"),
        ("registry-number", "0066/1962"),
    ]


def test_mol_hungarian_with_the_year_of_the_files():
    """The year after the series is the files' year, not the item, which would push the
    registry number out of its place."""
    c = parse_source_line(
        "MOL, XIX-J-1-j Korea, 1963, 11. doboz, 5/b, 002152/1963. Translated by B. Szalontai."
    )
    assert parts(c) == [
        ("series", "XIX-J-1-j Korea"),
        ("year", "1963"),
        ("box", "11"),
        ("item", "5/b"),
        ("registry-number", "002152/1963"),
    ]


@pytest.mark.parametrize(
    ("line", "file"),
    [
        ("AQSH, F. 14/AP, M-PKK, V. 1963, D. 17, fl. 3-4. Translated by E. Mëhilli.", "delo"),
        # the archive's name with its city, its country and its abbreviation after it
        (
            "Central State Archive, Tirana, Albania (AQSH), F. 14/AP, M-PKK, V. 1963, Dos. 17, "
            "fl. 3-4. Translated by E. Mëhilli.",
            "file",
        ),
    ],
)
def test_albanian_central_state_archive(line, file):
    c = parse_source_line(line)
    assert c.archive.archive.key == "albania-aqsh" and c.archive.archive.language == "sq"
    assert c.archive.abbreviation == "AQSH"
    assert parts(c) == [("fond", "14/AP"), ("series", "M-PKK"), ("year", "1963"), (file, "17")]
    assert (c.loci[0].unit, c.loci[0].start, c.loci[0].end) == ("folios", "3", "4")
    assert not c.problems


def test_czech_state_central_archive_without_shelfmark():
    c = parse_source_line("State Central Archive, Prague. Translated by Adolf Kotlik.")
    assert c.archive.archive.key == "czech-sca"
    assert c.archive.phrase == "State Central Archive, Prague"
    assert c.shelfmark == [] and c.loci == []
    assert c.credits[0].names == ("Adolf Kotlik",)


def test_prc_foreign_ministry():
    c = parse_source_line("PRC FMA 106-01380-05, 1-10. Translated by Charles Kraus.")
    assert c.archive.archive.key == "prc-fma"
    assert parts(c) == [("file", "106-01380-05")]
    assert (c.loci[0].unit, c.loci[0].start, c.loci[0].end) == ("pages", "1", "10")


@pytest.mark.parametrize(
    ("line", "key", "shelfmark", "locus"),
    [
        (
            "Central State Archive, Sofia, Fond 1-B, Record 6, File 5062.",
            "bulgaria-tsda",
            [("fond", "1-B"), ("opis", "6"), ("file", "5062")],
            None,
        ),
        (
            "Diplomatic Archive, Ministry of Foreign Affairs of Bulgaria, Opis 19, a.e. 582, "
            "pp. 33-35.",
            "bulgaria-mfa",
            [("opis", "19"), ("file", "582")],
            ("pages", "33", "35"),
        ),
        (
            "Archive of the Ministry of Foreign Affairs of Mongolia, fond 2, dans 1, kh/n 214, "
            "khuu. 33-36.",
            "mongolia-mfa",
            [("fond", "2"), ("opis", "1"), ("file", "214")],
            ("pages", "33", "36"),
        ),
        (
            "Archive of the Romanian Ministry of Foreign Affairs (AMAE), Telegrams, vol. 1, "
            "ff. 12-14.",
            "romania-amae",
            [("part", "Telegrams"), ("volume", "1")],
            ("folios", "12", "14"),
        ),
        (
            "AAN, KC PZPR, XI A/10, k. 12-15.",
            "aan",
            [("collection", "KC PZPR"), ("signature", "XI A/10")],
            ("folios", "12", "15"),
        ),
        (
            "SAPMO-BArch, DY 30, IV 2/20/137.",
            "sapmo",
            [("collection", "DY 30"), ("signature", "IV 2/20/137")],
            None,
        ),
        (
            "Archive of the Ministry of Foreign Affairs, Prague (AMZV), KLDR, box 3, file 5.",
            "czech-amzv",
            [("part", "KLDR"), ("box", "3"), ("file", "5")],
            None,
        ),
        (
            "APRF, fond 3, opis 65, delo 776, listy 1-5.",
            "aprf",
            [("fond", "3"), ("opis", "65"), ("delo", "776")],
            ("folios", "1", "5"),
        ),
        (  # the Czech archival unit (archivní jednotka), box (krabice) and cover (obal)
            "NA ČR, ÚV KSČ, f. 02/1, sv. 45, a.j. 47, kr. 3, obal 12, l. 3-6.",
            "czech-sca",
            [
                ("part", "ÚV KSČ"),
                ("fond", "02/1"),
                ("volume", "45"),
                ("file", "47"),
                ("box", "3"),
                ("folder", "12"),
            ],
            ("folios", "3", "6"),
        ),
        (  # the year's files of the political archive, then the document's number
            "Diplomatic Archive of the Ministry of Foreign Affairs of the Republic of Serbia, PA, "
            "1963, f. 87, d. 12, 431208.",
            "serbia-damsp",
            [
                ("collection", "PA"),
                ("year", "1963"),
                ("fond", "87"),
                ("delo", "12"),
                ("part", "431208"),
            ],
            None,
        ),
        (  # "f." after the file: its leaves (Romanian filă), not a fond
            "ANIC, fond CC of the RCP – Foreign Relations Section, file 21/1962, f. 3-5.",
            "romania-anic",
            [("fond", "CC of the RCP – Foreign Relations Section"), ("file", "21/1962")],
            ("folios", "3", "5"),
        ),
        (  # "f." after the volume, a range: its leaves, not a fond
            "Archive of the Romanian Ministry of Foreign Affairs, Telegrams, Pyongyang, 1963, "
            "vol. 2, f. 190-192.",
            "romania-amae",
            [("part", "Telegrams"), ("part", "Pyongyang"), ("part", "1963"), ("volume", "2")],
            ("folios", "190", "192"),
        ),
        (  # the Soviet economy's archive
            "RGAE, fond 413, opis 13, delo 9781, listy 5-7.",
            "rgae",
            [("fond", "413"), ("opis", "13"), ("delo", "9781")],
            ("folios", "5", "7"),
        ),
        (  # the German Blatt, a leaf
            "PolA AA, MfAA, A 7136, Bl. 44-46.",
            "pola-aa",
            [("collection", "MfAA"), ("signature", "A 7136")],
            ("folios", "44", "46"),
        ),
    ],
)
def test_archives_of_other_socialist_states_and_their_labels(line, key, shelfmark, locus):
    c = parse_source_line(line + " Translated by A. Person.")
    assert c.archive.archive.key == key and not c.problems
    assert parts(c) == shelfmark
    assert [(x.unit, x.start, x.end) for x in c.loci] == ([locus] if locus else [])


@pytest.mark.parametrize(
    ("line", "key", "phrase", "shelfmark"),
    [
        (  # the name's words in the other order, and its city in brackets, no abbreviation
            "Romanian Ministry of Foreign Affairs Archive (Bucharest), Folder 20/1963.",
            "romania-amae",
            "Romanian Ministry of Foreign Affairs Archive (Bucharest)",
            [("folder", "20/1963")],
        ),
        (  # "Archives of …" for the "Archive of …" the table names
            "Archives of the Ministry of Foreign Affairs of Mongolia, fond 2, dans 1, kh/n 145.",
            "mongolia-mfa",
            "Archives of the Ministry of Foreign Affairs of Mongolia",
            [("fond", "2"), ("opis", "1"), ("file", "145")],
        ),
        (  # the Czechoslovak party's archive, and a file's title in quotes, its comma its own
            'National Archive, Archive of the CC CPCz (Prague); File: "Antonín Novotný, Kor."',
            "czech-sca",
            "Archive of the CC CPCz (Prague)",
            [("file", '"Antonín Novotný, Kor."')],
        ),
    ],
)
def test_archive_names_in_other_orders_and_quoted_file_titles(line, key, phrase, shelfmark):
    c = parse_source_line(line + " Translated by A. Person.")
    assert (c.archive.archive.key, c.archive.phrase, c.archive.abbreviation) == (key, phrase, None)
    assert parts(c) == shelfmark and not c.problems


def test_a_label_is_a_whole_word():
    c = parse_source_line("AVPRF, Records of the CC, fond 3.")
    assert parts(c) == [("part", "Records of the CC"), ("fond", "3")]


def test_unknown_archive_is_reported_not_guessed():
    c = parse_source_line("Mongolian National Central Archive, fond 4. Translated by X Y.")
    assert c.archive is None
    assert c.archive_text == "Mongolian National Central Archive, fond 4"
    assert all(p.type == "part" for p in c.shelfmark)
    assert "unknown archive" in c.problems[0]


def test_credit_forms():
    credits, problems = parse_credits("Translated for NKIDP by Gary Goldberg.")
    assert (credits[0].role, credits[0].on_behalf_of) == ("translated", "NKIDP")
    credits, problems = parse_credits("Obtained by A. Person, B. Person, and C. Person.")
    assert credits[0].names == ("A. Person", "B. Person", "C. Person")
    credits, problems = parse_credits("Obtained and translated.")
    assert not credits and "without a name" in problems[0]


@pytest.mark.parametrize("quote", ['"{}",', "“{},”"])
def test_citation_string(quote):
    title = "Memorandum of Conversation with Kim Il Sung"
    text = (
        quote.format(title) + " August 14, 1962, Wilson Center Digital Archive, AVPRF, "
        "fond 0102, opis 18, delo 5, listy 3-9. Translated by Sergey Radchenko "
        "https://digitalarchive.wilsoncenter.org/document/110485"
    )
    c = parse_citation_string(text)
    assert c.title == title and c.date == "August 14, 1962"
    assert c.source_line.startswith("AVPRF, fond 0102") and c.record_id == "110485"


def test_not_a_citation_string():
    assert parse_citation_string("The Soviet Ambassador reports on a meeting.") is None


def test_the_archive_s_own_name_in_brackets_belongs_to_its_name():
    citation = parse_source_line(
        "National Archives, Prague (Národní archiv), Archive of the CC CPCz, fond 02/1, "
        "sv. 12, ar. j. 14/3. Translated by Adolf Kotlik."
    )
    assert citation.archive.archive.key == "czech-sca"
    assert citation.archive.phrase == "Národní archiv"
    assert [part.text for part in citation.shelfmark] == [
        "Archive of the CC CPCz",
        "fond 02/1",
        "sv. 12",
        "ar. j. 14/3",
    ]
