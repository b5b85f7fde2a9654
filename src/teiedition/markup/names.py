"""Persons, places and organisations in the text, linked to the registers.

One mechanism, in three steps per paragraph:
1. every form a register gives (main name, variants, short forms) is found as written, with
   the scrape's OCR confusion ("Kim II Sung") and hyphen/space variation allowed; a short form
   (a surname alone) may carry initials that agree with the forename ("V.P. Moskovsky");
2. names the registers do not know are found from how the texts name people: after a title
   ("comrade", "c.", "Amb.", "Minister" …), as initials and surname, or in the shape of a
   Korean or Russian/Polish name; each gets an automatic, unreviewed register entry;
3. short forms the document itself introduces are resolved against the persons it has named
   so far: a bare surname ("Pak") or an initial ("M.", "K."), with @cert, since the link is an
   inference ("medium" when one person fits, "low" when the latest of several is taken).
Titles are not part of the name; pronouns and bare titles ("the Ambassador") are not names.
"""

from __future__ import annotations

import functools
import re
import string
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from itertools import pairwise
from typing import NamedTuple

from lxml import etree

from teiedition.markup.blocks import OFFICE_AND_COLON, RESPONSIBLE, SIGNED
from teiedition.markup.ids import ascii_fold, slug
from teiedition.markup.inline import Span, capitalised, ordinary_case
from teiedition.markup.tei import sub
from teiedition.patterns import CAPITAL, SMALL, by_first_character
from teiedition.registers import NAME_ELEMENT, Entity, Registers

KOREAN_SURNAMES = (
    "Kim Ri Li Lee Yi Pak Park Choe Choi Chong Jong Kang Han Ho Nam Mun Jang Chang Hyon Hong "
    "Yun Yu Rim Jo Cho Paek Baek Kwon Kwak Hwang Sin Shin Chon Jon Ryu Kye Pang Tak Chu Ju "
    # as the Revised Romanisation and other spellings write them (none an English word that
    # begins a sentence: "Song", "Oh", "Ha", "Gang" and "An" are left out)
    "Jeong Jung Chung Seo Cha Chae Ahn Bae Pae Bak Yoon Jeon Chun Hyun Hyeon Noh Roh Ko Koh "
    "Yang Ryang Shim Sim Seong Min Byun Byeon Pyon Maeng Yeom O "
    # as McCune-Reischauer writes them, with breves and aspiration marks
    "Ch'oe Ch’oe Chŏng Hŏ Hyŏn Chŏn Sŏ Sŏk Ch'a Ch’a Ch'ae Ch’ae Ch'ŏn Ch’ŏn Yŏ"
).split()


def _either_case(letters: str) -> str:
    """`letters` as written or in capitals: the rest of a surname some translations write
    in capitals ("KIM Il Sung", "LEE Hu-rak")."""
    return f"(?:{letters}|{letters.upper()})" if letters else ""


# Chinese surnames in pinyin that are neither Korean nor English words ("Song", "Pan" are)
CHINESE_SURNAMES = (
    "Zhou Mao Liu Deng Chen Zhang Wang Hao Peng Zhu Qiao Huang Yang Zhao Xu Guo Luo Gao Tan "
    "Geng Nie Hua Jiang Shen Xie Ye Lu Lin Kang Sun Dong "
    # the commonest others in pinyin (not "He", "Fan", "Long", "Bai" or "Wan", English
    # words that begin sentences and titles)
    "Zeng Zheng Liang Ma Hu Tang Feng Xiao Cheng Cao Yuan Fu Cai Jia Ding Wei Xue Yan Pan Du "
    "Dai Xia Zhong Tian Ren Fang Shi Yao Liao Zou Xiong Qiu Qin Qian Hou Shao Meng Duan Lei "
    "Kong Cui Gong Wen Ji Su Qi Ke Mu Lü Bo Rao Jing Nan"
).split()
# Vietnamese surnames, as the translations write them without diacritics (not "Le" or "Do",
# which begin French titles and English sentences)
VIETNAMESE_SURNAMES = (
    "Nguyen Pham Tran Hoang Huynh Phan Vu Dang Bui Ngo Duong Truong Dinh Vo Ho"
).split()
# Hungarian forenames, the commonest of the time: a name that ends with one and begins
# with none is in Hungarian order, surname first ("Kádas István", "Kovács József"), as a
# translation may keep it
HUNGARIAN_FORENAMES = frozenset(
    "István József László János Ferenc Sándor Imre György Károly Béla Gyula Mihály Lajos "
    "Tibor Péter Pál Zoltán Miklós Antal Géza Jenő Ernő Endre Dezső Tamás Gábor Attila Árpád "
    "Kálmán Lőrinc Ödön Vilmos Zsigmond Frigyes Rezső Bálint Dénes Ottó Éva Mária Katalin "
    "Erzsébet Ilona Margit Judit Zsuzsanna Erika Magdolna Piroska Irén Klára".split()
)
# Names written surname first (Korean, Chinese, Vietnamese): the id and the short form
# take the first word.
SURNAME_FIRST = (
    frozenset(KOREAN_SURNAMES)
    | frozenset(CHINESE_SURNAMES)
    | frozenset(VIETNAMESE_SURNAMES)
    # Chinese surnames that are English words too, and a Vietnamese one
    | frozenset("Wu Pan Song Chu Ji Le".split())
)
# Titles before a name, each as the letters it may begin with and the pattern of the rest.
# Not "General" or "Secretary" alone: "the General Staff". "Chairman" and "Director" are, as the
# words after them are checked as after any title ("the Chairman of", "Director General").
_TITLES = (
    ("Cc", "omrades?"),
    # the abbreviations in small letters too, as Polish translations have them ("cde. Zhdanov")
    ("Cc", r"om\."),
    ("Cc", r"omr\."),
    ("Cc", r"de\."),
    ("Cc", r"\."),
    ("T", r"ow\."),  # the Polish "Tow." (towarzysz, comrade) a translation may keep
    ("Aa", r"mb\."),
    ("Aa", "mbassador"),
    ("Mm", "inister"),
    ("Mm", r"in\."),
    ("P", "remier"),
    ("P", "resident"),  # "President Kennedy"; "the President of the Presidium" names nobody
    ("M", "arshal"),
    ("M", r"r\."),
    ("M", r"rs\."),
    ("M", r"s\."),
    ("D", r"r\."),
    ("P", r"rof\."),
    ("P", "rofessor"),
    ("A", "cademician"),  # "Academician Keldysh", as the Soviet Academy's members are named
    ("M", r"me\."),
    ("M", "adame"),
    ("Cc", "hargé d['’][Aa]ffaires"),
    ("Cc", "ounsell?or"),  # "Counsellor Zvetkov": an embassy's rank, as "Ambassador" is
    ("Cc", "onsul"),
    ("Aa", "ttaché"),
    # an embassy's secretaries by rank ("First Secretary Zhuravlyov"); "Secretary" alone
    # heads as many offices ("Secretary of the CC")
    ("F", "irst Secretary"),
    ("S", "econd Secretary"),
    ("T", "hird Secretary"),
    ("C", "hairman"),
    ("D", "irector"),
    # military ranks, capitalised: "Colonel Petrenko", "Col. Petrenko", "Lt. Gen. Ri Yong-ho"
    ("C", "olonel"),
    ("C", r"ol\."),
    ("G", r"en\."),
    ("L", r"t\."),
    ("M", "ajor"),
    ("C", "aptain"),
    ("A", "dmiral"),
)
# Offices, listed with people where copies went: "Sent to: Cdes. Gromyko, Department of Far
# Eastern Countries", "… Andropov, Far Eastern Department, file" (a list's name with one of
# them names no one)
_OFFICES = frozenset(
    "Department Ministry Office Section Division Bureau Directorate Administration Secretariat "
    "Presidium Politburo Commission Council Cabinet Delegation Mission Consulate Legation "
    "Committee Embassy".split()
)
# Capitalised words that follow a title but are not names.
_NOT_NAMES = _OFFICES | frozenset(
    "The A An This That These Those He She It They We I Ambassador Minister Comrade Premier "
    "Counsellor Counselor Consul Attaché Chargé First Second Third Extraordinary Plenipotentiary "
    "Colonel Major Lieutenant Captain Admiral Col Gen Lt Maj Capt "
    "Chairman Secretary General Deputy Soviet Korean Chinese Polish Hungarian Albanian Bulgarian "
    "Czech Czechoslovak Romanian Mongolian Vietnamese German Cuban American Japanese Of For "
    "Foreign Affairs Defense Defence Trade External Internal Party State Government Embassy "
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Marshal President Mr Mrs Ms Dr "
    "Prof Amb Com Comr Cde Min River Sea Mountain Mountains Bay Island Islands Strait Province "
    "County City Street Square Hall Kong Dynasty War Army Union Republic Staff Committee "
    # the words that begin a sentence after a mark that has the shape of initials ("P.S. On 7
    # August …", "N.B. In the evening …")
    "On In At By As After Before During Since Until With From Then When While "
    # … and the words a sentence begins with before a name ("Yesterday Moskovsky informed
    # me", "Later Kovalev said")
    "Yesterday Today Tomorrow Later Earlier Afterwards Meanwhile However Moreover Furthermore "
    "Therefore Thus Also Still Yet Now Here There Once Again Finally Nevertheless Besides "
    "Perhaps Probably Indeed Instead Subsequently Consequently Otherwise Similarly "
    "Accordingly Lastly Initially Naturally Obviously Apparently Evidently Unfortunately "
    "Recently Previously Eventually Immediately Only Even".split()
)
# A capitalised word of a name: apostrophes inside ("Ch'ang-man"), never a possessive "’s".
_CAPITAL = CAPITAL
_WORD_REST = r"\w*(?:['’](?!s\b)\w+)*(?:-\w+(?:['’](?!s\b)\w+)*)*"
_WORD = _CAPITAL + _WORD_REST
# No word character or dot before the character just matched: a name's first letter, tested
# after it is matched, so that a search looks only at the letters a pattern can begin with
# (as quick a test as a search has) instead of looking behind at every position.
_STARTS_WORD = r"(?<![\w.].)"
# The second letter of an initial of two: a Russian letter that romanises as two ("Yu. V.
# Andropov": Ch Kh Sh Zh Ts Ya Ye Yo Yu), a Hungarian one written with two ("B. Sz.", "Gy.
# Pásztor": Cs Zs Gy Ly Ny Ty Sz), the Romanian Gh ("Gh. Gheorghiu-Dej"). The letter is
# matched first and the pair then looked behind at, so that after most capitals one test of
# a character fails it.
_INITIAL_SECOND_LETTER = r"(?:[hsaeouyz](?<=[CGKSZ]h|[CTZ]s|Y[aeou]|[GLNT]y|Sz))"
# An initial: a capital, perhaps with such a second letter, and its stop
_INITIAL = rf"[A-Z]{_INITIAL_SECOND_LETTER}?\."
# Initials; a lone "C." before a name is the texts' "Comrade" ("C. Khrushchev").
_INITIALS = rf"(?!C\.\s?[A-Z][a-z])(?:{_INITIAL}\s?){{1,3}}"
# A name's last word is never a letter alone: "V.P. [the ambassador]" names nobody; nor
# are initials alone a name: "I. The Caribbean crisis" numbers a section
_ENDS_WITH_A_LETTER_ALONE = re.compile(r"(?<![\w'’-])\w\Z")
_ONLY_INITIALS = re.compile(rf"(?:{_INITIAL}\s?)+")
# What makes a place's name part of an office's: "Far East Department", "Korea Section"
_OFFICE_AFTER = re.compile(r"\s(?:Department|Division|Section|Directorate|Sector|Desk)\b")
# What makes a person's name part of what is named after them: "Kim Il Sung Square", "Stalin
# Street", "Kim Il Sung University", "Lenin Prize"
_NAMED_AFTER = re.compile(
    r"\s(?:Square|Street|Avenue|Boulevard|Prospect|Bridge|Park|Stadium|University|Institute|"
    r"Academy|College|School|Museum|Library|Hall|Works|Plant|Factory|Mine|Prize|Order|Medal)\b"
)
# A signature line that is a name and nothing else (the mark of signing and brackets aside),
# or an opening line that says who compiled or typed the document ("Typed by: Szabó Éva")
_SIGNATURE = re.compile(
    rf"\s*(?:{OFFICE_AND_COLON})?(?:(?:{SIGNED}|{RESPONSIBLE})\s*:?\s*)?"
    rf"[(/]?(?P<name>(?:{_INITIALS})?{_WORD}(?:\s{_WORD}){{0,3}})[)/]?(?:\s+{SIGNED})?\s*"
)
_INITIALS_FIRST = re.compile(_INITIALS)
# The mark a postscript or a note begins its paragraph with, of the shape of initials: "P.S.
# Moskovsky asked …" names no "P. S. Moskovsky". Written with spaces, "P. S. Kovalev" at a
# paragraph's head is as likely a man's initials, and stays so.
_POSTSCRIPT_MARK = re.compile(r"(?:P\.P\.S|P\.S|N\.B)\.(?=\s)")
# The words of a name the translator supplied in brackets right after its first: "Hao
# [Deqing]"
_COMPLETED_BY = re.compile(r" \[(?P<words>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2})\]")
# The Czech title "s." (soudruh) before a name in a sentence, and capitalised where a sentence
# begins with it ("S. Moskovsky informed me"): there no initial, in a text that uses the title
_CZECH_TITLE = re.compile(rf"(?<![\w.])s\.\s+(?={CAPITAL}{SMALL})")
_CZECH_TITLE_OPENING = re.compile(rf"(?:^|(?<=[.!?:;]\s))S\.(?=\s+{CAPITAL}{SMALL})")
# _INITIALS after their first letter (which a pattern has matched, then looked behind it)
_INITIALS_AFTER_FIRST = (
    rf"{_INITIAL_SECOND_LETTER}?(?!(?<=C)\.\s?[A-Z][a-z])\.\s?(?:{_INITIAL}\s?){{0,2}}"
)


# A syllable's letters after its first: an apostrophe of aspiration ("Ch'ang"), never a
# possessive ("Kim Il Sung's secretary")
_KOREAN_LETTERS = r"[a-zŏŭ'’]{1,7}(?<!['’]s)"
# A Korean or Vietnamese surname, its first letter tested first, the rest also in capitals
# ("KIM"): both write the given name's syllables as words ("Kim Il Sung", "Ho Chi Minh")
_SYLLABIC_SURNAMES = tuple(dict.fromkeys([*KOREAN_SURNAMES, *VIETNAMESE_SURNAMES]))
_KOREAN_SURNAME = "|".join(s[0] + _STARTS_WORD + _either_case(s[1:]) for s in _SYLLABIC_SURNAMES)
_CHINESE_SURNAME = by_first_character(((s[0], s[1:]) for s in CHINESE_SURNAMES), _STARTS_WORD)
# One of the commonest Hungarian forenames, its first letter tested first
_HUNGARIAN_FORENAME = by_first_character(
    ((n[0], re.escape(n[1:])) for n in sorted(HUNGARIAN_FORENAMES)), _STARTS_WORD
)


def _holding(*parts: str) -> Callable[[str], bool]:
    return lambda text: any(part in text for part in parts)


# What a text must hold for a shape's pattern to be looked for: the plural title, the Polish
# and Czech titles in small letters (a search for them would stop at every "c", "t" or "s"),
# a Hungarian forename (one search for them all)
_SHAPE_NEEDS: dict[str, Callable[[str], object]] = {
    "titles": _holding("omrades", "des. "),
    "other titles": _holding("mbassadors ", "Messrs. "),
    "tow.": _holding("tow. "),
    "s.": _holding(" s. "),
    "hungarian": re.compile(_HUNGARIAN_FORENAME).search,
}
# The names of a list after a plural title: "Schneidewind and Holub", "Kádas, Schneidewind
# and Holub", each perhaps with its country in brackets, "Moskovsky (USSR), Kovács (HPR)"
_LISTED_NAME = rf"{_WORD}(?:\s{_WORD}){{0,2}}(?:\s\([^()\n]{{1,40}}\))?"
_LISTED_NAMES = rf"(?P<name>{_LISTED_NAME}(?:(?:,\s+|,?\s+and\s+){_LISTED_NAME})+)"
# Names the registers do not know, by the shape they have in the texts. Each begins with its
# first letter, then _STARTS_WORD (the titles grouped by theirs).
_UNKNOWN_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "title",
        re.compile(
            # titles one after another, the name after the last: "Lt. Gen. Zhukov"
            rf"{by_first_character(_TITLES, _STARTS_WORD)}\s+"
            rf"(?:{by_first_character(_TITLES)}\s+)*"
            rf"(?P<name>(?:{_INITIALS})?{_WORD}(?:\s{_WORD}){{0,4}})"
        ),
    ),
    (
        # the Polish title in small letters inside a sentence ("the ambassador tow. Moravec"),
        # looked for only in a text that has it: a search for it would stop at every "t"
        "tow.",
        re.compile(rf"t{_STARTS_WORD}ow\.\s+(?P<name>(?:{_INITIALS})?{_WORD}(?:\s{_WORD}){{0,4}})"),
    ),
    (
        # … and the Czech "s." (soudruh, comrade), as a translation may keep it: "s. Novotný"
        "s.",
        re.compile(rf"s{_STARTS_WORD}\.\s+(?P<name>(?:{_INITIALS})?{_WORD}(?:\s{_WORD}){{0,4}})"),
    ),
    (
        # the names after a plural title, each a name: "Comrades Schneidewind and Holub",
        # "comrades Kádas, Schneidewind and Holub", "Cdes. Gromyko, Patolichev" (the first is
        # the title pattern's too)
        "titles",
        re.compile(rf"[Cc]{_STARTS_WORD}(?:omrades|des\.)\s+{_LISTED_NAMES}"),
    ),
    (
        # … and after the rarer plural titles, looked for only in a text that has one (a
        # search for an "a" would stop at every other letter): "Ambassadors Moskovsky and
        # Kádas", "Messrs. Rusk and McNamara"
        "other titles",
        re.compile(rf"(?:[Aa]{_STARTS_WORD}mbassadors|M{_STARTS_WORD}essrs\.)\s+{_LISTED_NAMES}"),
    ),
    (
        "initials",  # _INITIALS, its first letter tested first
        re.compile(
            rf"(?P<name>[A-Z]{_STARTS_WORD}{_INITIALS_AFTER_FIRST}(?:(?P<word>{_WORD})"
            # or alone, with no name after them: a surname's before them, as Russian
            # writes names, "Zhuravlyov A. I." (looked for in one search with the others)
            rf"|(?<=\.)(?![\w.])(?!\s?{_CAPITAL}{SMALL})))"
        ),
    ),
    (
        "korean",
        re.compile(
            rf"(?P<name>(?:{_KOREAN_SURNAME})"
            rf"\s[A-Z]{_KOREAN_LETTERS}(?:-{_KOREAN_LETTERS})?(?:\s[A-Z]{_KOREAN_LETTERS})?)"
            r"(?![\w-])"
        ),
    ),
    (
        # a given name in pinyin: one word, ending as a pinyin syllable ends ("Liu Shaoqi",
        # "Peng Zhen", "Deng Xiaoping")
        "chinese",
        re.compile(
            rf"(?P<name>{_CHINESE_SURNAME}\s[A-Z][a-z]{{0,8}}(?:[aeiou]|ng?|r))"
            r"(?![\w-])"
        ),
    ),
    (
        # a Hungarian name, the forename one of the commonest, in either order ("Ferenc
        # Kádas", "Kádas Ferenc"), looked for only in a text that has one of them
        "hungarian",
        re.compile(
            rf"(?P<name>{_HUNGARIAN_FORENAME}\s{_WORD}"
            rf"|{_CAPITAL}{_STARTS_WORD}{_WORD_REST}\s{_HUNGARIAN_FORENAME})(?![\w-])"
        ),
    ),
    (
        "slavic",
        # The words are taken whole, never given back (a word's end is no name's), and the
        # ending looked behind at, by its length: no backtracking letter by letter.
        re.compile(
            # the forename in small letters after its capital: not "DPRK Moskovsky"
            rf"(?P<name>{_CAPITAL}{_STARTS_WORD}(?={SMALL})(?>{_WORD_REST})\s{_CAPITAL}{SMALL}++"
            # a patronymic, then the surname whatever its ending: "Vasily Petrovich
            # Moskovsky", "Anastas Ivanovich Mikoyan"
            rf"(?:(?:(?<=ich)|(?<=[oe]vna))\s{_CAPITAL}{SMALL}++|"
            # or the surname's ending
            rf"(?<={SMALL}(?:ov|ev|in|uk))|(?<={SMALL}(?:ova|eva|ina|sky|ski|ska|cki|cka|yuk))"
            rf"|(?<={SMALL}(?:ová|ský|ská))|(?<={SMALL}(?:skii|skiy|enko|wicz|vich|czyk))))(?![\w-])"
        ),
    ),
)
# A line in capitals that is a title and the name after it, read in the ordinary case: "TO
# COMRADE TODOR ZHIVKOV" (an address), "AMBASSADOR V. P. MOSKOVSKY"
_TITLED_LINE = re.compile(
    rf"(?:To\s+)?{by_first_character(_TITLES, _STARTS_WORD)}\s+"
    rf"(?:{by_first_character(_TITLES)}\s+)*(?P<name>(?:{_INITIALS})?{_WORD}(?:\s{_WORD}){{0,3}})"
)


def _addressed(cased: str) -> Mention | None:
    """The name a line in capitals (`cased`: each word capitalised) gives after its title,
    to the line's end, when all its words are a name's: none of "FIRST SECRETARY OF THE CC"."""
    line = _TITLED_LINE.fullmatch(cased)
    if line is None or _trim_name(line["name"]) != line["name"]:
        return None
    return Mention(line.start("name"), line.end("name"), "unknown-person", None)


# The surname before initials (a window of text ending with it and a space)
_SURNAME_BEFORE = re.compile(rf"(?<![\w.'’-]){_CAPITAL}{SMALL}{{2,}}(?:-{_WORD})?\s\Z")
# Initials after a surname, one or two, no name's after them: "Moskovsky V. P."
_INITIALS_AFTER = re.compile(
    rf"\s(?P<initials>{_INITIAL}(?:\s?{_INITIAL})?)(?![\w.])(?!\s?{_CAPITAL}{SMALL})"
)
# A husband's forename after his surname, as a Hungarian wife's name is written: "Kovács
# Józsefné" (Mrs József Kovács)
_WIFE_OF = re.compile(rf"\s{_CAPITAL}{SMALL}+né\b")
# A word after a surname, which may be the forename in Hungarian order: "Kovács József"
_FORENAME_AFTER = re.compile(rf"\s(?P<forename>{_WORD})")
# A name written surname first, its initials after it: "Zhuravlyov A. I."
_SURNAME_THEN_INITIALS = re.compile(rf"(?P<surname>\S+)\s(?P<initials>(?:{_INITIAL}\s?){{1,3}})")
# The names of a list after a plural title, between its commas and "and"; and what a bracket
# after a name says, which names no one
_LIST_PARTS = re.compile(rf"\([^()]*\)|{_WORD}(?:\s(?!and\b){_WORD})*")
# The capital first, then a look behind it (at the character before): a search skips to
# capitals, instead of trying the look-behind at every position.
_CAPITALISED = re.compile(CAPITAL + r"(?<![\w.’'-].)\w+(?![\w-])")
_NEXT_CAPITALISED = re.compile(r"[\s-][A-Z]")
_INITIAL_ALONE = re.compile(r"(?P<letter>[A-HJ-Z])(?<![\w.].)\.(?!\s?[A-Z]\.)(?!\s*[A-Z][a-z])")


# A Slavic surname's ending as the translations transliterate it: "Moskovsky", "Moskovskiy",
# "Moskovskij", "Moskovski", "Moskowski" are one name
_SLAVIC_ENDING = re.compile(r"(?<=[a-z])(o[vw])?sk(?:iy|ij|ii|i|y)\b")


def _slavic_ending(match: re.Match[str]) -> str:
    return "ovsky" if match[1] else "sky"


_APOSTROPHE_INSIDE = re.compile(r"(?<=\w)['’ʼ](?=\w)")


@functools.lru_cache(maxsize=1 << 16)  # the same names recur on every page
def fold(text: str) -> str:
    """The comparison form of a name: no accents, an apostrophe inside a word dropped (the
    aspiration mark of "Ch'oe" and "Ch'ang-man"), hyphens and other apostrophes as spaces,
    lower case, "II" read as "Il", the transliterations of a Slavic surname's ending alike."""
    text = _APOSTROPHE_INSIDE.sub("", re.sub(r"\bII\b", "Il", text))
    text = re.sub(r"['’ʼ\-]", " ", text)  # before ’ is dropped
    return _SLAVIC_ENDING.sub(_slavic_ending, " ".join(ascii_fold(text).lower().split()))


def _form_pattern(form: str) -> str:
    """A register form as a pattern: spaces and hyphens interchangeable (either case after a
    hyphen), straight and curly apostrophes alike, "Il" also as the OCR's "II", and a
    surname written first ("Kim Il Sung") also in capitals ("KIM Il Sung")."""
    pieces: list[str] = []
    tokens = re.split(r"([ -])", form)
    for position, token in enumerate(tokens):
        if token in {" ", "-"}:
            pieces.append(r"[\s-]")
        elif token:
            escaped = re.sub(r"['’]", "['’]", re.escape(token))
            if token == "Il":
                escaped = "I[lI]"
            elif position == 0 and len(tokens) > 1 and token in SURNAME_FIRST:
                escaped = token[0] + _either_case(token[1:])
            if pieces and pieces[-1] == r"[\s-]" and token[0].isalpha():
                escaped = f"[{token[0].upper()}{token[0].lower()}]" + escaped[1:]
            pieces.append(escaped)
    return "".join(pieces)


def _form_start(form: str) -> tuple[str, str] | None:
    """A form's pattern as the characters it can begin with and the pattern of the rest; None
    for a form that begins with a space or a hyphen, which many characters match."""
    pattern = _form_pattern(form)
    if form[0] in "'’":
        return "'’", pattern.removeprefix("['’]")
    head = re.escape(form[0])
    if form[0] in " -" or not pattern.startswith(head):
        return None
    return form[0], pattern[len(head) :]


@dataclass
class NameIndex:
    """Every name form of the registers, compiled once per run."""

    registers: Registers
    pattern: re.Pattern[str] | None = None
    #: fold(form) → the entities that give that form, and whether it is a short form
    forms: dict[str, list[tuple[Entity, bool]]] = field(default_factory=dict)
    #: the forms' patterns, in the order they are tried: the longest form first (a pattern
    #: matches as many characters as its form has), so that "Kim Jong" is not read as "Kim"
    alternatives: list[str] = field(default_factory=list)
    #: fold(surname) → the reviewed persons of the registers with that surname; not the
    #: surnames written first (Korean, Chinese), which too many people share
    surnames: dict[str, list[Entity]] = field(default_factory=dict)
    #: korean_key(form) → the persons of the registers with a Korean name of that key
    korean: dict[str, list[Entity]] = field(default_factory=dict)
    #: the gazetteer's places (`data/places.toml`) by their forms, and their pattern
    gazetteer: PlaceForms = field(default_factory=dict)
    gazetteer_pattern: re.Pattern[str] | None = None

    def __post_init__(self) -> None:
        self._index_forms()
        places = [
            (list(dict.fromkeys(form for name in names for form in _listed_place(name))), names[0])
            for names in gazetteer()
        ]
        self.gazetteer = _place_forms(self, places)
        self.gazetteer_pattern = _places_pattern(self.gazetteer)

    def _index_forms(self) -> None:
        for entity in self.registers.entities.values():
            surname = _entity_surname(entity) if entity.kind == "person" else ""
            if surname and entity.reviewed and surname not in SURNAME_FIRST:
                self.surnames.setdefault(fold(surname), []).append(entity)
            for name in entity.names if entity.kind == "person" else ():
                if (key := korean_key(name)) and entity not in self.korean.get(key, []):
                    self.korean.setdefault(key, []).append(entity)
        # each form's pattern: with the initials that may come before it, where it begins
        shapes: dict[str, tuple[bool, str, tuple[str, str] | None]] = {}
        lengths: dict[str, int] = {}
        for entity in self.registers.entities.values():
            for name in entity.names:
                short = name in entity.short_names
                self.forms.setdefault(fold(name), []).append((entity, short))
                initials = short and entity.kind == "person"
                prefix = rf"(?:{_INITIALS})?" if initials else ""
                alternative = prefix + _form_pattern(name)
                shapes[alternative] = (initials, _form_pattern(name), _form_start(name))
                lengths[alternative] = len(name)
        self.alternatives = sorted(shapes, key=lambda a: (-lengths[a], a))
        if not self.alternatives:
            return
        # grouped by the character they begin with, not tried one after another at each capital
        grouped: list[tuple[str, str]] = []
        after_initials: list[str] = []  # the forms that may follow initials, in their order
        for alternative in self.alternatives:
            initials, form, start = shapes[alternative]
            if start is None:  # cannot be grouped: all of them in one list
                self.pattern = re.compile(rf"(?<![\w.])(?:{'|'.join(self.alternatives)})(?![\w])")
                return
            if initials:  # with initials first, as the optional group tries them first
                if not after_initials:
                    grouped.append((string.ascii_uppercase, ""))  # filled in below
                after_initials.append(form)
            grouped.append(start)
        if after_initials:
            # the initials read once for all the forms: no form begins with an initial, so
            # where initials are, only these alternatives can match, in the same order
            at = grouped.index((string.ascii_uppercase, ""))
            grouped[at] = (
                string.ascii_uppercase,
                f"{_INITIALS_AFTER_FIRST}(?:{'|'.join(after_initials)})",
            )
        self.pattern = re.compile(rf"{by_first_character(grouped, _STARTS_WORD)}(?![\w])")

    def names_a_place(self, text: str) -> bool:
        """Whether `text` is a place's name alone ("Pyongyang", "PYONGYANG"), as the
        registers or the gazetteer give it."""
        cased = capitalised(text) if text.isupper() else text
        return cased in self.gazetteer or any(e.kind == "place" for e, _ in self.lookup(cased))

    def lookup(self, surface: str) -> list[tuple[Entity, bool]]:
        found = self.forms.get(fold(surface))
        if found:
            return found
        without_initials = re.sub(rf"^{_INITIALS}", "", surface).strip()
        return self.forms.get(fold(without_initials), [])


class Mention(NamedTuple):  # a tuple: a paragraph has a candidate for each capitalised word
    start: int
    end: int
    kind: str
    entity_id: str | None
    cert: str | None = None


@dataclass
class _Known:
    """A person this document has named, and the forms that may stand for them later."""

    entity: Entity
    surname: str


def uses_czech_title(texts: Iterable[str]) -> bool:
    """Whether a text writes the Czech title "s." before names ("s. Novotný")."""
    return any(" s. " in text and _CZECH_TITLE.search(text) for text in texts)


class DocumentNames:
    """The name annotator of one document; remembers whom the document has named."""

    def __init__(
        self,
        index: NameIndex,
        doc_id: str,
        speakers: frozenset[str] = frozenset(),
        signatures: Iterable[str] = (),
        czech_title: bool = False,
        archive_people: Iterable[str] = (),
        archive_places: Iterable[str] = (),
    ):
        self.index = index
        # the text writes the Czech title "s." before names: "S." opening a sentence is it
        self.czech_title = czech_title
        self.speakers = speakers  # names that begin paragraphs before a colon: persons
        # … those that are a surname alone, which name the speaker wherever the text has
        # them ("The Albanian chargé d'affaires, Dollaku, visited me." above "Dollaku: …")
        self.speaker_surnames = frozenset(
            label for label in speakers if " " not in label and _trim_name(label) == label
        )
        # the signers the closer names in full ("/V. MOSKOVSKY/"), by surname: whom that
        # surname alone stands for before it ("MOSKOVSKY: I have no information …")
        self.signers: dict[str, str] = {}
        for line in signatures:
            match = _SIGNATURE.fullmatch(line)
            name = _trim_name(" ".join(match["name"].split()), 2) if match else ""
            if name:  # more than a surname, titles aside ("Comrade Winzer" is no more)
                self.signers.setdefault(_surname(name).casefold(), name)
        # the people the archive's page names with the document ("Author(s): Kohout,
        # Jaroslav"), by surname: whom a surname, or initials and a surname, stand for
        self.archive_people: dict[str, str] = {}
        for value in archive_people:
            if listed := _LISTED_PERSON.fullmatch(value.strip()):
                name = f"{listed['forenames']} {listed['surname']}"
                self.archive_people.setdefault(listed["surname"].casefold(), name)
        # the places the page lists with the document ("Associated Places": "Kaesong
        # (Korea)"), by every form a text may name them by: the registers' place where they
        # know one of its forms ("P'yongyang" for "P'yŏngyang-si (Korea)"), else none (an
        # automatic entry, made where the text names it)
        own = _place_forms(index, [(forms, None) for forms in map(_listed_place, archive_places)])
        # … and the places of the gazetteer (`data/places.toml`), wherever a text names them,
        # by the pattern the index compiled once: the page's forms it lacks have their own
        self.listed_places = {**index.gazetteer, **own} if own else index.gazetteer
        self._place_patterns = [
            pattern
            for pattern in (
                _places_pattern(form for form in own if form not in index.gazetteer),
                index.gazetteer_pattern,
            )
            if pattern is not None
        ]
        self.registers = index.registers
        self.doc_id = doc_id
        # by entity id, in order of mention, the latest last
        self.named: dict[str, _Known] = {}
        self.surnames: set[str] = set()  # theirs: what a capitalised word must be to stand for one
        self._surname_of: dict[str, str] = {}  # by entity id
        # the full names (two words or more) of those named so far whom the registers do
        # not know, by name
        self._full_names: dict[str, str] = {}

    # --- the annotator interface ----------------------------------------------------------

    def spans(self, text: str, atoms: list[Span]) -> list[Span]:
        if mark := _POSTSCRIPT_MARK.match(text):  # no initials: blanked, the offsets kept
            text = " " * mark.end() + text[mark.end() :]
        if self.czech_title and "S. " in text:
            text = _CZECH_TITLE_OPENING.sub("s.", text)  # the title in small letters
        if (cased := ordinary_case(text)) is not None:
            return self._in_capitals(text, cased, atoms)
        registered = self._registered(text, atoms)
        if self._place_patterns and (listed := self._listed_places(text)):
            registered = _apart(registered + listed)
        addressed = None
        if text.isupper() and (cased := capitalised(text)):
            # a short line in capitals, as letterheads and telegrams have ("PYONGYANG"): the
            # registers' forms in the ordinary case too, where none was found as written
            registered = _apart(registered + self._registered(cased, atoms))
            addressed = _addressed(cased)
        elif len(text) <= _HEADING_LENGTH and (runs := self._registered_in_capitals(text)):
            registered = _apart(registered + runs)
        if again := self._named_again(text):
            registered = _apart(registered + again)
        taken = bytearray(len(text))  # the characters registered forms cover
        for r in registered:
            taken[r.start : r.end] = b"\x01" * len(taken[r.start : r.end])

        def free(candidate: Mention) -> bool:  # not within a registered form
            return 1 not in taken[candidate.start : candidate.end]

        unknown = [c for c in self._unknown(text) if free(c)]
        if addressed is not None and free(addressed):
            unknown.append(addressed)
        unknown += [c for c in _listed_with(registered, text) if free(c)]
        colon = text.find(":") if self.speakers else -1
        if colon > 0 and text[:colon] in self.speakers and free(Mention(0, colon, "", None)):
            # "Chervonenko: …" in a record of conversation; its title aside
            label = text[:colon]
            name = _trim_name(label)
            if name and not _INITIAL_ALONE.fullmatch(name):  # "M.:" is an initial's to resolve
                start = label.find(name)
                unknown.append(Mention(start, start + len(name), "unknown-person", None))
        if self.speaker_surnames and any(name in text for name in self.speaker_surnames):
            unknown += [
                Mention(m.start(), m.end(), "unknown-person", None)
                for m in _CAPITALISED.finditer(text)
                if m.group(0) in self.speaker_surnames and free(Mention(*m.span(), "", None))
            ]
        # A capitalised word can stand only for the surname of someone named before it: in
        # an earlier paragraph, or in this one by a registered form. (A person this paragraph
        # names for the first time may be known by another form: then every word is tried.)
        surnames = None
        if not unknown:
            registered_persons = (
                self.registers.entities[r.entity_id]
                for r in registered
                if r.entity_id and r.kind == "person"
            )
            surnames = self.surnames | {self._surname(e) for e in registered_persons}
        short = [c for c in self._short(text, surnames) if free(c)]
        candidates = registered + unknown + short
        mentions: list[Mention] = []
        reached = 0  # where the mentions kept end: they are taken in order of start
        for candidate in sorted(candidates, key=lambda m: (m.start, -m.end)):
            if candidate.start < reached:
                continue
            if "person" in candidate.kind and _NAMED_AFTER.match(text, candidate.end):
                reached = candidate.end  # "Kim Il Sung Square" is a place, not the man
                continue
            mention = self._resolve(candidate, text)
            if mention is not None and mention.kind == "person" and mention.entity_id:
                mention = self._with_forenames_after(mention, text)
            if mention is not None and candidate.kind == "unknown-person":
                # "Ri Dong-geon [Ri Tong Gon]": one person, as with a registered name
                mention = mention._replace(end=_alternative_end(text, mention.end, atoms))
            if mention is not None:
                mentions.append(mention)
                reached = max(reached, mention.end)
        return [self._span(mention, atoms) for mention in mentions]

    def _in_capitals(self, text: str, cased: str, atoms: list[Span]) -> list[Span]:
        """A paragraph set in capitals: only the registers' forms, as written ("USSR") or in
        the ordinary case ("MOSKOVSKY" as "Moskovsky"). With every word capitalised, no shape
        tells another name from other words ("THE KOREAN COMRADES HAD REFUSED")."""
        found = sorted(
            self._registered(text, atoms) + self._registered(cased, atoms),
            key=lambda m: (m.start, -m.end),
        )
        mentions: list[Mention] = []
        for candidate in found:
            if mentions and candidate.start < mentions[-1].end:
                continue
            if (mention := self._resolve(candidate, cased)) is not None:
                mentions.append(mention)
        return [self._span(mention, atoms) for mention in mentions]

    def place_ref(self, name: str) -> str | None:
        """The register id of a place named outside running text (a dateline)."""
        entries = {e.id for e, _ in self.index.lookup(name) if e.kind == "place"}
        return entries.pop() if len(entries) == 1 else None

    # --- finding ----------------------------------------------------------------------------

    def _registered(self, text: str, atoms: list[Span]) -> list[Mention]:
        if self.index.pattern is None:
            return []
        found: list[Mention] = []
        wives = "né" in text  # Hungarian wives' names: "Kovács Józsefné"
        for match in self.index.pattern.finditer(text):
            start, end = match.span()
            entries = self.index.lookup(match.group(0))
            if not entries:
                continue
            entity, _ = entries[0]
            if len(entries) > 1 and len({e.id for e, _ in entries}) > 1:
                found.append(Mention(start, end, entity.kind, None))  # shared form: no link
                continue
            if entity.kind == "place" and _OFFICE_AFTER.match(text, end):
                continue  # "the Far East Department" names the ministry's office, not a region
            if wives and entity.kind == "person" and (wife := _WIFE_OF.match(text, end)):
                # "Kovács Józsefné" is Mrs József Kovács, someone else than József Kovács
                found.append(Mention(start, wife.end(), "unknown-person", None))
                continue
            initials = _INITIALS_FIRST.match(match.group(0))
            if initials and not _initials_agree(initials.group(0), entity.forename):
                found.append(Mention(start, end, "unknown-person", None))
                continue
            start, end = _with_bracketed_forms(text, start, end, entity, atoms)
            found.append(Mention(start, end, entity.kind, entity.id))
        return found

    def _listed_places(self, text: str) -> list[Mention]:
        """The places the page lists with the document, and the gazetteer's, where the text
        names them: the registers' place, or an automatic entry of its own."""
        found: list[Mention] = []
        for pattern in self._place_patterns:
            for match in pattern.finditer(text):
                entity_id, _ = self.listed_places[match.group(0)]
                # with no entry of the registers, one is made if the mention is kept
                kind = "place" if entity_id else "listed-place"
                found.append(Mention(match.start(), match.end(), kind, entity_id))
        return found

    def _listed_place_entry(self, candidate: Mention, surface: str) -> Mention:
        """The mention of a listed place the registers do not know, linked to its automatic
        entry (made now, as the mention is kept)."""
        name = self.listed_places[surface][1] or surface
        entity = self.registers.add_unreviewed("place", self._place_id(name), name)
        return candidate._replace(kind="place", entity_id=entity.id)

    def _named_again(self, text: str) -> list[Mention]:
        """The full names (of two words or more) of people the document named before and the
        registers do not know, where the text repeats them: "Le Van Hien", first found after
        a title, whose surname is a word too ("Le") that no search for names begins with."""
        found: list[Mention] = []
        for name, entity_id in self._full_names.items():
            at = text.find(name)
            while at >= 0:
                end = at + len(name)
                if not (at and text[at - 1].isalnum()) and not text[end : end + 1].isalnum():
                    found.append(Mention(at, end, "person", entity_id))
                at = text.find(name, end)
        return found

    def _registered_in_capitals(self, text: str) -> list[Mention]:
        """The registers' forms, and the names of people the document named before, in words
        set in capitals inside a line of the ordinary case, as Soviet records head themselves
        with the names of the people they record ("with PRC Ambassador to the DPRK HAO
        DEQING"): two words or more, each read capitalised."""
        found: list[Mention] = []
        for run in _CAPITALS_RUN.finditer(text):
            words = run.group(0).split()
            if sum(1 for word in words if _SYLLABLE.search(word)) < 2:
                continue
            cased = capitalised(run.group(0))
            if cased is None:
                continue
            offset = run.start()
            found += [
                m._replace(start=m.start + offset, end=m.end + offset)
                for m in self._registered(cased, [])
                if m.entity_id is not None
            ]
            for known in self.named.values():  # or someone the document named before
                name = known.entity.names[0] if known.entity.names else ""
                if " " in name and (at := cased.find(name)) >= 0:
                    start = offset + at
                    found.append(Mention(start, start + len(name), "person", known.entity.id))
        return found

    def _unknown(self, text: str) -> list[Mention]:
        found: list[Mention] = []
        spaced = f" {text}"  # a word at the text's head has a space before it too
        for shape, pattern in _UNKNOWN_PATTERNS:
            if (needed := _SHAPE_NEEDS.get(shape)) and not needed(spaced):
                continue
            for match in pattern.finditer(text):
                if shape == "korean" and not _syllabic_name(match, text):
                    continue  # "Kim Chaek Iron Works" names the works, not a person
                if shape == "initials" and match["word"] is None:  # the surname's before
                    start = match.start("name")
                    if match["name"].count(".") > 1 and (
                        surname := _SURNAME_BEFORE.search(text, max(0, start - 40), start)
                    ):
                        name = text[surname.start() : match.end("name")]
                        self._add_unknown(found, text, surname.start(), name, 1)
                    continue
                if shape in {"titles", "other titles"}:  # each name of the list
                    for part in _LIST_PARTS.finditer(text, match.start("name"), match.end("name")):
                        if not part.group().startswith("(") and _OFFICES.isdisjoint(
                            part.group().split()
                        ):
                            self._add_unknown(found, text, part.start(), part.group(), 1)
                    continue
                minimum = 1 if shape in {"title", "tow.", "s.", "initials"} else 2
                self._add_unknown(found, text, match.start("name"), match.group("name"), minimum)
        return found

    @staticmethod
    def _add_unknown(
        found: list[Mention], text: str, start: int, candidate: str, minimum_words: int
    ) -> None:
        """The name in `candidate` (at `start` in `text`), titles and other words taken off.
        A name ends with its line where the next begins with a title, as lines of participants
        do ("Comrade Moskovsky" / "Comrade Schneidewind"): each line's name apart."""
        first, newline, rest = candidate.partition("\n")
        if newline and rest.split() and _no_name(rest.split()[0]):
            DocumentNames._add_unknown(found, text, start, first, minimum_words)
            DocumentNames._add_unknown(found, text, start + len(first) + 1, rest, 1)
            return
        name = _trim_name(candidate, minimum_words)
        if not name or _ENDS_WITH_A_LETTER_ALONE.search(name):  # "V.P" is no name
            return
        start += candidate.find(name)
        end = start + len(name)
        # initials alone, the last perhaps before its stop ("B. Sz.")
        if not _ONLY_INITIALS.fullmatch(text, start, end + (text[end : end + 1] == ".")):
            found.append(Mention(start, end, "unknown-person", None))

    def _short(self, text: str, surnames: set[str] | None = None) -> list[Mention]:
        """Initials and capitalised words (those in `surnames`, when given) that may stand for
        someone the document named before; whether one does is decided in reading order,
        when the earlier mentions (of this paragraph too) are known."""
        found = [
            Mention(m.start(), m.end(), "initial", None) for m in _INITIAL_ALONE.finditer(text)
        ]
        found += [
            Mention(m.start(), m.end(), "surname", None)
            for m in _CAPITALISED.finditer(text)
            if (surnames is None or m.group(0) in surnames)
            # a surname written first, then a capitalised word, begins another name
            # ("Kim Chaek Iron Works" after "Kim Il Sung")
            and not (m.group(0) in SURNAME_FIRST and _NEXT_CAPITALISED.match(text, m.end()))
        ]
        return found

    # --- resolving --------------------------------------------------------------------------

    def _resolve(self, candidate: Mention, text: str) -> Mention | None:
        surface = text[candidate.start : candidate.end]
        if candidate.kind == "listed-place":
            return self._listed_place_entry(candidate, surface)
        if candidate.kind in {"person", "place", "org"} and candidate.entity_id:
            entity = self.registers.entities[candidate.entity_id]
            self._remember(entity)
            return candidate
        if candidate.kind in {"person", "place", "org"}:
            return candidate  # a form two entities share: marked, not linked
        if candidate.kind == "unknown-person":
            if completed := self._completed(candidate, surface, text):
                return completed
            return self._resolve_unknown(candidate, surface)
        if candidate.kind == "initial":
            fitting = [k for k in self.named.values() if k.surname[:1] == surface[0]]
        elif surface in self.surnames:  # as written, or in capitals
            fitting = [k for k in self.named.values() if surface in (k.surname, k.surname.upper())]
        else:
            return None
        if not fitting:
            return None
        chosen = fitting[-1]
        cert = "medium" if len({k.entity.id for k in fitting}) == 1 else "low"
        self._remember(chosen.entity)
        return Mention(candidate.start, candidate.end, "person", chosen.entity.id, cert)

    def _with_forenames_after(self, mention: Mention, text: str) -> Mention:
        """A person's mention over the forename or its initials written after the surname,
        where they agree with the registers' forename: "Moskovsky V. P." (Russian order),
        "Kovács József" (Hungarian)."""
        entity = self.registers.entities[mention.entity_id]  # type: ignore[index]
        forename = _FORENAME_AFTER.match(text, mention.end) if entity.forename else None
        if forename and fold(forename["forename"]) == fold(entity.forename.split()[0]):
            return mention._replace(end=forename.end("forename"))
        after = _INITIALS_AFTER.match(text, mention.end)
        if after is None:
            return mention
        if entity.forename and not _initials_agree(after["initials"], entity.forename):
            return mention
        if not entity.forename and not _same_initials(after["initials"], entity.names[0]):
            return mention
        return mention._replace(end=after.end("initials"))

    def _resolve_unknown(self, candidate: Mention, surface: str) -> Mention | None:
        name = " ".join(surface.split())
        if order := _SURNAME_THEN_INITIALS.fullmatch(name):
            # "Zhuravlyov A. I." is "A. I. Zhuravlyov", named so elsewhere
            name = f"{order['initials'].strip()} {order['surname']}"
        if any(character.isdigit() for character in name):
            return None  # a file number's letters are no initials: "D.II-Kor-O-0862"
        surname = _surname(name).casefold()  # "Moskovsky" after "V. P. MOSKOVSKY"
        same_surname = [k for k in self.named.values() if k.surname.casefold() == surname]
        if same_surname and " " not in name:
            # a bare surname of someone named before ("Siedlecki" after "Jerzy Siedlecki")
            chosen = same_surname[-1]
            cert = "medium" if len({k.entity.id for k in same_surname}) == 1 else "low"
            return Mention(candidate.start, candidate.end, "person", chosen.entity.id, cert)
        several_words = " " in name and not _INITIALS_FIRST.match(name)
        named = self.named.values()
        if several_words and (longer := [k for k in named if _ends_with(k.entity.names, name)]):
            # the last words of the name of someone named before, as a Spanish double
            # surname is ("Vigoa Vega" after "Jorge Luis Vigoa Vega")
            chosen = longer[-1]
            cert = "medium" if len({k.entity.id for k in longer}) == 1 else "low"
            return Mention(candidate.start, candidate.end, "person", chosen.entity.id, cert)
        if not same_surname and " " not in name and (signer := self.signers.get(surname)):
            # the surname of the signer, whom the text names in full only below it
            full = self._resolve_unknown(candidate, signer)
            return full._replace(cert="medium") if full else None
        initials = _INITIALS_FIRST.match(name)
        listed = self.archive_people.get(surname)
        if (
            listed
            and not same_surname
            and (" " not in name or (initials and _initials_of(initials[0], listed)))
            and fold(listed) != fold(name)
        ):
            # the surname, or initials that agree, of someone the archive's page names in
            # full with the document ("J. Kohout" under "Author(s): Kohout, Jaroslav")
            full = self._resolve_unknown(candidate, listed)
            return full._replace(cert="medium") if full else None
        if (
            initials
            and same_surname
            and all(fold(k.entity.names[0]) != fold(name) for k in same_surname)
        ):
            # initials of someone the document named before with more of the forename: "V.
            # Moskovsky" after "V. P. Moskovsky" (not "A. Moskovsky")
            agreeing = [k for k in same_surname if _same_initials(initials[0], k.entity.names[0])]
            if len({k.entity.id for k in agreeing}) == 1:
                entity_id = agreeing[-1].entity.id
                return Mention(candidate.start, candidate.end, "person", entity_id, "medium")
        if registered := self._registered_person(name):
            # a register's form in a case its pattern does not read: "V.P. MOSKOVSKY"; or
            # the surname of the one person of the registers who has it: "Chairman Mao"
            person, cert = registered
            self._remember(person)
            return Mention(candidate.start, candidate.end, "person", person.id, cert)
        entity = self.registers.add_unreviewed("person", self._new_id(name), _readable(name))
        self._remember(entity)
        return Mention(candidate.start, candidate.end, "person", entity.id)

    def _completed(self, candidate: Mention, surface: str, text: str) -> Mention | None:
        """A name the translator completed in brackets: a registered person's name with the
        words in them, or a surname written first and the given name after it ("Ambassador
        Hao [Deqing]" is Hao Deqing): that person, the brackets in the mention; None for any
        other ("Zorin [Valerian]" writes no name in its order)."""
        words = _COMPLETED_BY.match(text, candidate.end)
        if words is None:
            return None
        name = f"{' '.join(surface.split())} {words['words']}"
        completed = candidate._replace(end=words.end())
        if registered := self._registered_person(name):
            person, cert = registered
            self._remember(person)
            return completed._replace(kind="person", entity_id=person.id, cert=cert)
        if surface in SURNAME_FIRST:
            return self._resolve_unknown(completed, name)
        return None

    def _registered_person(self, name: str) -> tuple[Entity, str | None] | None:
        """The one person of the registers whose form `name` is, in any case, its initials
        agreeing with the forename; else, for a surname alone, the one reviewed person with
        that surname, with cert "medium"; None when none or several are."""
        people = {e.id: e for e, _ in self.index.lookup(name) if e.kind == "person"}
        cert = None
        if not people and " " not in name:
            people = {e.id: e for e in self.index.surnames.get(fold(name), [])}
            cert = "medium"
        elif not people and (key := korean_key(name)):
            # a Korean name in another romanisation: "Bak Seong-cheol" for "Pak Song Chol"
            people = {e.id: e for e in self.index.korean.get(key, [])}
            cert = "medium"
        if len(people) != 1:
            return None
        (person,) = people.values()
        initials = _INITIALS_FIRST.match(name)
        if initials and not _initials_agree(initials.group(0), person.forename):
            return None
        return person, cert

    def signature(self, text: str, atoms: list[Span]) -> list[Span]:
        """A signature line names its signer: when no name is found in it, the line, less a
        mark that it was signed and brackets, is taken as an unknown person's name
        ("Brodowski", "Károly Fendler", "Signed: Becker", "(Wiśniewski)"). A line that is a
        name and nothing else gives its forename too: "István Kovács" is not the registers'
        József Kovács, though "Kovács" alone would be."""
        line = _SIGNATURE.fullmatch(text)
        if line and " " in line["name"] and (known := self._named_as(line["name"])):
            # the whole name, as the document named the person before ("József Kovács" under
            # an enclosure, after the cover letter's signature), not its surname alone
            self._remember(known)
            start, end = line.span("name")
            return [self._span(Mention(start, end, "person", known.id), atoms)]
        bearers = self._bearers(line["name"]) if line else None
        someone_else = bearers is not None and not bearers  # the forename says so
        spans = [] if someone_else else self.spans(text, atoms)
        if line and bearers and len(spans) == 1 and spans[0].end == line.end("name"):
            # "Vasilii Moskovsky": the forename agrees, and belongs to the name too
            start = line.start("name")
            return [spans[0]._replace(start=start, inner=(start, spans[0].end))]
        if spans or not line:
            return spans
        start, end = line.span("name")
        mention = self._resolve_unknown(Mention(start, end, "unknown-person", None), line["name"])
        return [self._span(mention, atoms)] if mention else []

    def _named_as(self, name: str) -> Entity | None:
        """The one person this document has named before by this very name."""
        found = {k.entity.id: k.entity for k in self.named.values() if name in k.entity.names}
        return next(iter(found.values())) if len(found) == 1 else None

    def _bearers(self, name: str) -> list[Entity] | None:
        """For a name of several words that is no form of the registers but ends in a surname
        the registers give alone (a short form): the persons of that surname whose forename
        agrees with the name's first word ("Ivan Moskovsky": none). None for any other name."""
        words = name.split()
        if len(words) < 2 or self.index.lookup(name):
            return None
        bearers = [e for e, short in self.index.lookup(words[-1]) if short and e.kind == "person"]
        if not bearers:
            return None
        return [e for e in bearers if not e.forename or _initials_agree(words[0], e.forename)]

    def _new_id(self, name: str) -> str:
        """surname-forenames, ascii, unique against every entry of another person (the same
        words in another order are the same person: "Ferenc Kádas", "Kádas Ferenc"). A surname
        alone is too little to identify someone across the edition ("Comrade Pak"): its id
        is scoped to this document, so two people are never merged."""
        surname = _surname(name)
        rest = [t for t in re.split(r"[\s.]+", name) if t and t != surname]
        first = re.search(r"[a-z0-9]", ascii_fold(surname).lower())
        if first is None or first.group().isdigit():
            # a surname with no Latin letters makes no readable id, and one that begins with
            # a figure ("Ħ¼": "14") none at all: an xml:id begins with a letter
            surname = "person"
        base = _slug(" ".join([surname, *rest] if rest else [surname, self.doc_id]))
        return self._automatic_id("person", base, name)

    def _place_id(self, name: str) -> str:
        """The name's slug, unique against every entry but this place's automatic one."""
        base = _slug(name)
        return self._automatic_id("place", base if base[:1].isalpha() else f"place-{base}", name)

    def _automatic_id(self, kind: str, base: str, name: str) -> str:
        """`base`, else `base-2`, `base-3` …: the first id no entry holds but the automatic
        entry of `kind` with the words of `name`, in any order."""
        words = sorted(fold(name).split())
        candidate, number = base, 1
        while (taken := self.registers.automatic_entry(candidate)) is not None and (
            taken.kind != kind or taken.reviewed or sorted(fold(taken.names[0]).split()) != words
        ):
            number += 1
            candidate = f"{base}-{number}"
        return candidate

    def _surname(self, entity: Entity) -> str:
        if entity.id not in self._surname_of:
            self._surname_of[entity.id] = _entity_surname(entity)
        return self._surname_of[entity.id]

    def _remember(self, entity: Entity) -> None:
        if entity.kind != "person":
            return
        surname = self._surname(entity)
        if entity.id in self.registers.added and entity.names and " " in entity.names[0]:
            # one the registers do not know, so that no search for their forms finds it
            self._full_names[entity.names[0]] = entity.id
        self.named.pop(entity.id, None)  # to be the latest again
        self.named[entity.id] = _Known(entity, surname)
        self.surnames.update((surname, surname.upper()))

    # --- mark-up ----------------------------------------------------------------------------

    def _span(self, mention: Mention, atoms: list[Span]) -> Span:
        start, end = mention.start, mention.end
        for atom in atoms:  # a query "[?]" on the name's last word belongs to the name
            if start < atom.start < end < atom.end and (
                atom.inner is None or atom.label == "unclear"
            ):
                end = atom.end
        return Span(start, end, _render(mention), inner=(start, end))


def _render(mention: Mention) -> Callable[[etree._Element], etree._Element]:
    tag = NAME_ELEMENT["person" if mention.kind.endswith("person") else mention.kind]

    def render(parent: etree._Element) -> etree._Element:
        el = sub(parent, tag)
        if mention.entity_id:
            el.set("ref", f"#{mention.entity_id}")
        if mention.cert:
            el.set("cert", mention.cert)
        return el

    return render


def _with_bracketed_forms(
    text: str, start: int, end: int, entity: Entity, atoms: list[Span]
) -> tuple[int, int]:
    """Take in a translator's bracket that belongs to the name: an alternative romanisation
    after it ("Pak Seong-cheol [Pak Song Chol]") or a forename supplied before it
    ("[Nikita] Khrushchev")."""
    end = _alternative_end(text, end, atoms)
    if start < 2 or text[start - 2] != "]" or not text[start - 1].isspace():
        return start, end  # no bracket right before (\s and str.isspace() agree)
    before = re.search(r"\[([^\[\]]+)\]\s\Z", text[:start])
    if before and entity.forename and fold(before.group(1)) == fold(entity.forename.split()[0]):
        start = before.start()
    return start, end


def _alternative_end(text: str, end: int, atoms: list[Span]) -> int:
    """Where a name ending at `end` ends with the translator's alternative romanisation
    that follows it, if one does."""
    for atom in atoms:
        if atom.label == "supplied:alternative-name" and text[end : atom.start] == " ":
            end = atom.end
    return end


# Letters a Russian name's initial is written with in the Polish, Czech and German
# transliterations ("W. Moskowski" for V. Moskovsky, "J. Andropow" for Yu. Andropov), as the
# English transliteration writes them
_TRANSLITERATED_INITIAL = str.maketrans("wj", "vy")


def _initials_agree(initials: str, forename: str) -> bool:
    """Whether initials ("V.P.", "Yu.", "W.") or a forename's first word could be the
    forename's: the first initial begins it, in any of the transliterations; of a word, its
    first letter."""
    first = initials.split(".", 1)[0] if "." in initials else initials[:1]
    if not forename:
        return True
    name, initial = fold(forename), fold(first)
    if len(initial) == 1:  # a letter of one, in any of the transliterations
        return name[:1].translate(_TRANSLITERATED_INITIAL) == initial.translate(
            _TRANSLITERATED_INITIAL
        )
    return name.startswith(initial)


def _same_initials(initials: str, name: str) -> bool:
    """Whether initials ("V.", "V. P.") could be those of the forenames before the surname of
    `name` ("V. P. Moskovsky", "Vasily Moskovsky"), as far as both go."""
    theirs = [word for word in re.split(r"\s+|(?<=\.)(?=\S)", name) if word][:-1]
    return bool(theirs) and all(map(_initials_agree, _each_initial(initials), theirs))


def _each_initial(initials: str) -> list[str]:
    """ "V. P." → ["V.", "P."]; "V.P." too."""
    return [initial for initial in re.split(r"(?<=\.)\s?", initials.strip()) if initial]


def _initials_of(initials: str, name: str) -> bool:
    """Whether initials ("J.") are those of the forenames of `name` ("Jaroslav Kohout"), no
    more of them than it has: "D. S. Polyansky" has more than "Dmitry Polyansky" tells."""
    return len(_each_initial(initials)) < len(name.split()) and _same_initials(initials, name)


# A place as the archive's page lists it: "Kaesong (Korea)", its country in brackets;
# "Korea (North)", "Germany (East)", the part of it, which the text names first ("North Korea")
_LISTED_PLACE = re.compile(r"(?P<name>[^()\n]+?)(?:\s+\((?P<part>[^()\n]+)\))?")
_COMPASS_POINTS = frozenset({"North", "South", "East", "West"})
# The kind of a Korean place a catalogue adds to its name ("Wŏnsan-si", a city; "-do", a
# province; "-gun", a county), which a translation leaves out ("Wonsan")
_KOREAN_PLACE_KIND = re.compile(r"-(?:si|do|gun|ri|dong|gu|ku)$")


def _listed_place(value: str) -> list[str]:
    """The forms a text may name a listed place by: as listed, without a Korean place's kind
    and without the accents of a romanisation ("Wŏnsan-si": "Wonsan"); none for a subject
    heading the list may hold ("Soviet Union--Foreign relations--Korea (North)")."""
    listed = _LISTED_PLACE.fullmatch(" ".join(value.split()))
    if listed is None or "--" in value:
        return []
    name = listed["name"]
    if listed["part"] in _COMPASS_POINTS:
        name = f"{listed['part']} {name}"
    bare = _KOREAN_PLACE_KIND.sub("", name)
    return list(dict.fromkeys([name, bare, ascii_fold(name), ascii_fold(bare)]))


# A listed place's form → the registers' place it names, else none (an automatic entry, made
# where a text names it), and the main name of that entry (none: the form the text writes)
PlaceForms = dict[str, tuple[str | None, str | None]]


def _place_forms(index: NameIndex, places: Iterable[tuple[list[str], str | None]]) -> PlaceForms:
    """Every form of `places` (each its forms and its main name), mapped to the registers'
    place where they know one of its forms ("P'yongyang" for "P'yŏngyang-si (Korea)");
    none for a place the registers hold twice or know as a name of another kind."""
    found: PlaceForms = {}
    for forms, main in places:
        entities = [entity for form in forms for entity, _ in index.lookup(form)]
        known = {entity.id for entity in entities if entity.kind == "place"}
        if len(known) > 1 or (entities and not known):
            continue  # two places of the registers, or a name of another kind
        for form in forms:
            found.setdefault(form, (next(iter(known), None), main))
    return found


def _places_pattern(forms: Iterable[str]) -> re.Pattern[str] | None:
    """The forms as one pattern of whole words, each begun by its first character (a search
    skips to those), the longest first, as the registers' are tried."""
    ordered = sorted(forms, key=lambda form: (-len(form), form))
    if not ordered:
        return None
    alternatives = ((form[0], re.escape(form[1:])) for form in ordered)
    return re.compile(by_first_character(alternatives, r"(?<![\w.-].)") + r"(?![\w-])")


@functools.cache
def gazetteer() -> tuple[tuple[str, ...], ...]:
    """The names of each place in `data/places.toml`, the main one first."""
    data = tomllib.loads(
        resources.files("teiedition").joinpath("data/places.toml").read_text("utf-8")
    )
    return tuple(tuple(place["names"]) for place in data["place"])


# A person as the archive's page lists them: "Kohout, Jaroslav", "Moskovsky, Vasily Petrovich"
_LISTED_PERSON = re.compile(
    rf"(?P<surname>{_CAPITAL}[\w'’-]+),\s+(?P<forenames>{_CAPITAL}[\w'’-]+(?:\s{_CAPITAL}[\w'’-]+)?)"
)


# One syllable of Korean in roman letters (McCune-Reischauer, the Revised Romanisation, the
# Russian transcription's "Ir"): a given name written in words has one to a word
_KOREAN_SYLLABLE = re.compile(
    r"(?:[bcdghjklmnprstw]{1,3}['’]?)?y?(?:[aeiouŏŭ]{1,3}|w[aeiouŏ]{1,2})(?:ng|[klmnprt])?"
)


def _syllabic_name(match: re.Match[str], text: str) -> bool:
    """Whether a name of the Korean shape is a person's: a Vietnamese surname and any
    syllables ("Pham Van Dong"), but not the city or the trail named after one ("Ho Chi Minh
    City"); else Korean syllables ("Kim Il Sung", not "Kim Chaek Iron Works")."""
    name = match.group("name")
    if name.split(None, 1)[0].title() in _VIETNAMESE:
        return _NAMED_AFTER_HIM.match(text, match.end()) is None
    return _korean_given_names(name)


_VIETNAMESE = frozenset(VIETNAMESE_SURNAMES)
_NAMED_AFTER_HIM = re.compile(r"\s(?:City|Trail)\b")


def _korean_given_names(name: str) -> bool:
    """Whether the given name of a Korean name is a Korean given name: written as two words
    ("Il Sung"), each is one syllable ("Chaek Iron" is none)."""
    given = name.split()[1:]
    return len(given) < 2 or all(_KOREAN_SYLLABLE.fullmatch(word.lower()) for word in given)


# What the Revised Romanisation and McCune-Reischauer (its breves and aspiration marks
# folded away) write differently for one Korean sound, as one: "Choe Yong-geon" and "Ch'oe
# Yong-gŏn", "Bak Seong-cheol" and "Pak Song Chol", "Jeong" and "Chong", "Ri" and "Li"
_ROMANISED_ALIKE = (
    ("eo", "o"),
    ("eu", "u"),
    ("sh", "s"),
    ("ee", "i"),
    ("th", "t"),  # the aspiration some texts write with an h: "Thaek"
    ("kh", "k"),
    ("ph", "p"),
    ("j", "ch"),
)
_CONSONANTS_ALIKE = str.maketrans("gdbr", "ktpl")
_KOREAN_FOLDED = frozenset(fold(surname) for surname in KOREAN_SURNAMES)


def korean_key(name: str) -> str | None:
    """A Korean name (a Korean surname, then the given name) as both romanisations come to
    write it alike; None for any other name."""
    folded = fold(name)
    words = folded.split()
    if len(words) < 2 or words[0] not in _KOREAN_FOLDED:
        return None
    for written, alike in _ROMANISED_ALIKE:
        folded = folded.replace(written, alike)
    return folded.translate(_CONSONANTS_ALIKE)


def _readable(name: str) -> str:
    """A name found in capitals as a register writes it, each word's first letter a capital
    ("V. P. MOSKOVSKY": "V. P. Moskovsky"; "PAK SEONG-CHEOL": "Pak Seong-cheol", "CH'OE":
    "Ch'oe"); any other name as it is."""
    if not name.isupper():
        return name
    readable = " ".join(word[0] + word[1:].lower() for word in name.split())
    # the same name to every comparison ("II", read as "Il", is no "Ii")
    return readable if fold(readable) == fold(name) else name


# A heading's length at most, or an opening line's: where names are set in capitals among
# words that are not (a paragraph's sentences are not searched so, for speed)
_HEADING_LENGTH = 160
# Two words or more in capitals, each of two letters or more: "HAO DEQING", "KIM IL SUNG",
# "RYU JANG-SIK" (an acronym among them, "DPRK", is read too, and matches no form). Its
# first two capitals are matched, then what stands before them looked at: a search then
# stops only at capitals.
_CAPITALS_RUN = re.compile(r"[A-Z][A-Z](?<![\w'’-]..)[A-Z'’-]*(?:\s[A-Z][A-Z'’-]+)+\b")
# A word with a vowel: two of them make a run that may be a name ("KIM IL"), not a string
# of acronyms ("CPSU CC", "KWP CC")
_SYLLABLE = re.compile(r"[AEIOUY]")


def _ends_with(names: list[str], name: str) -> bool:
    """Whether the first of `names` is longer than `name` and ends with its words."""
    full = " ".join(names[0].split()) if names else ""
    return full != name and f" {full}".endswith(f" {name}")


def _apart(mentions: list[Mention]) -> list[Mention]:
    """The mentions in order of start, without any that overlaps one kept before it (of
    those that start together, the longest is kept)."""
    kept: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return kept


def _trim_name(name: str, minimum_words: int = 1) -> str:
    """Strip words that are titles or not names from both ends ("Marshal Malinovsky",
    "Han River"); empty when fewer than `minimum_words` remain."""
    tokens = name.split()
    while tokens and _no_name(tokens[0]):
        tokens.pop(0)
    while tokens and _no_name(tokens[-1]):
        tokens.pop()
    if len(tokens) < minimum_words:
        return ""
    return name[name.find(tokens[0]) : name.rfind(tokens[-1]) + len(tokens[-1])]


def _listed_with(registered: list[Mention], text: str) -> list[Mention]:
    """The surnames listed with registered people's, in a list of capitalised words alone
    at least half of which (two or more) are theirs ("Sent: Khrushchev, Kozlov, Mikoyan,
    Suslov, Ponomarev."): the others are people too."""
    people = [m for m in registered if m.kind == "person"]
    # two of them in one list, looked for first: most texts have none
    if not any(
        b.start - a.end < 120 and _BETWEEN_LISTED.fullmatch(text, a.end, b.start)
        for a, b in pairwise(people)
    ):
        return []
    found: list[Mention] = []
    persons = {(m.start, m.end) for m in people}
    for listed in _SURNAME_LIST.finditer(text):
        words = [m.span() for m in _LISTED_WORD.finditer(text, *listed.span())]
        known = sum(1 for span in words if span in persons)
        if known >= 2 and known * 2 >= len(words):
            found += [
                Mention(start, end, "unknown-person", None)
                for start, end in words
                if (start, end) not in persons and not _no_name(text[start:end])
            ]
    return found


# Three capitalised words or more, one after another, set apart by commas (the last perhaps
# by "and"), none of them part of a longer name ("…, and Aleksei Kosygin"); and each of them
_SURNAME_LIST = re.compile(
    rf"(?<![\w.-]){CAPITAL}{SMALL}+(?:(?:, |,? and ){CAPITAL}{SMALL}+){{2,}}"
    rf"(?![\w-])(?! {CAPITAL})"
)
_LISTED_WORD = re.compile(rf"{CAPITAL}{SMALL}+")
# … what stands between two of them in such a list
_BETWEEN_LISTED = re.compile(rf"(?:, |,? and )(?:{CAPITAL}{SMALL}+(?:, |,? and ))*")


def _no_name(token: str) -> bool:
    """A title or a word that is no name ("Marshal", "Amb."); a letter and a stop is an
    initial, never the article "A" ("A. Kim"). Capitals without a vowel abbreviate a country
    or a party ("PPR", "ČSSR", "KWP"): a name in capitals has one ("KIM", "RI")."""
    word = token.strip(".")
    if len(word) > 1 and word.isupper() and word.isalpha():
        letters = ascii_fold(word)  # "ČSSR" → "CSSR"; letters of no Latin script are dropped
        return len(letters) == len(word) and not _VOWEL.search(letters)
    return word in _NOT_NAMES and not (len(token) == 2 and token[1] == ".")


_VOWEL = re.compile("[AEIOUY]")


def _surname(name: str) -> str:
    """The surname of a name as written: the first word of a Korean name, and of a Hungarian
    one in Hungarian order ("Kádas István"), else the last; initials never."""
    words = [w for w in re.split(r"\s+|(?<=\.)", name) if w]  # "V.P.Rashidov": 3 words
    tokens = [t for t in words if not re.fullmatch(_INITIAL, t)] or words
    if len(tokens) > 1 and (tokens[0] in SURNAME_FIRST or tokens[0].title() in SURNAME_FIRST):
        return tokens[0]  # as written: "KIM" in a text that writes surnames in capitals
    if (
        len(tokens) == 2
        and tokens[1].title() in HUNGARIAN_FORENAMES
        and tokens[0].title() not in HUNGARIAN_FORENAMES
    ):
        return tokens[0]  # so "Kovács József" is "József Kovács"
    if len(tokens) == 2 and _WIFE_OF.fullmatch(f" {tokens[1]}"):
        return tokens[0]  # "Kovács Józsefné": Mrs József Kovács
    return tokens[-1] if tokens else name


def _entity_surname(entity: Entity) -> str:
    surname = entity.element.find(".//{http://www.tei-c.org/ns/1.0}surname")
    if surname is not None and surname.text:
        return surname.text.strip()
    return _surname(entity.names[0]) if entity.names else ""


def _slug(text: str) -> str:
    # an apostrophe inside a name is no word break: "Ch'oe" is choe, not ch-oe
    return slug(_APOSTROPHE_INSIDE.sub("", text), words=8, stopwords=frozenset())
