"""Inline mark-up of one paragraph: editorial brackets, quotations, scrape damage.

Every rule finds spans in the plain text; the spans are then nested into TEI. One mechanism,
one table of rules: the characters of the text are never dropped, only wrapped (the brackets,
quotation marks and labels become markup and are given back by `teiedition.markup.text`).

Editorial brackets, as the TEI Guidelines encode them:
  [I], [and], [the Soviets]          supplied (reason: omitted-in-original | clarification)
  Pak Seong-cheol [Pak Song Chol]    supplied reason="alternative-name", kept beside the name
  […], [...]                         gap reason="editorial"
  [two words illegible]              gap reason="illegible" quantity="2" unit="words", the
                                     translator's words in its desc
  [emphasis in the original]         note type="editorial"
  Li Il Gen[?]                       unclear reason="query" around the queried word
  M[inistry]                         expan with ex (an abbreviation expanded by the translator)
  Pyongyang[1]                       ref type="noteAnchor" pointing to the note "[1] …" at the
                                     end of the text or a page's foot (blocks.py makes that a
                                     note place="end" or "foot")
Scrape damage, repaired visibly:
  "22" + line break + "nd"           22<lb ed="scrape" break="no"/><hi rend="superscript">nd</hi>
  stray line break in a sentence     the newline stays, marked <lb ed="scrape"/>
  "Soviet-" + line break + "Korean"  Soviet-<lb ed="scrape" break="no"/>Korean
  Kim II Sung                        Kim <choice><sic>II</sic><corr>Il</corr></choice> Sung
"""

from __future__ import annotations

import bisect
import re
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple, Protocol

from lxml import etree

from teiedition.languages import code_for
from teiedition.markup.tei import QUOTE_STYLES, XML_LANG, append_text, element, sub
from teiedition.patterns import SUPERSCRIPTS


class Break(StrEnum):
    """How two pieces of a paragraph were joined: across scrape damage, or at a heading's own
    line."""

    LINE = "line"  # a stray line break inside a sentence
    HEADING_LINE = "heading-line"  # a heading set on two lines or more: the original's break
    PARAGRAPH = "paragraph"  # a sentence cut across a blank line
    ORDINAL = "ordinal"  # "22" / "nd": a superscript the scrape put on its own line
    HYPHEN = "hyphen"  # "Soviet-" / "Korean": a word broken after its hyphen
    # the original's page begins inside a sentence: its number as printed ("- 2 -"), a line
    # of its own, where the break is
    PAGE = "page"


class Span(NamedTuple):  # a tuple: made for every name and date of every paragraph
    start: int
    end: int
    #: Builds the element(s) for text[start:end]; returns the element to fill with the
    #: inner text (containers) or None (atomic spans build their own content).
    render: Callable[[etree._Element], etree._Element | None]
    inner: tuple[int, int] | None = None  # for containers: the range of their content
    label: str = ""  # what the span is, for later rules ("supplied:alternative-name", …)


@dataclass
class Paragraph:
    """A paragraph's text with the places where scrape damage was repaired."""

    text: str
    breaks: list[tuple[int, Break]] = field(default_factory=list)


# --- editorial brackets ---------------------------------------------------------------

_BRACKET = re.compile(r"\[([^\[\]\n]*)\]")
# Where the text refers to a note: its number in brackets right after a word or a stop
# ("Pyongyang[1]", "accepted.[2]"); the notes themselves are found by blocks.py. These three
# begin with their bracket or asterisk and look behind it after, so that a search looks only
# where there is one (teiedition.patterns says why).
NOTE_REFERENCE = re.compile(r"\[(?<=\S\[)(?P<num>\d{1,3})\]")
# Or after a space ("the fraternal parties [1]."): a reference only when the text has that
# note (elsewhere it is a figure the translator supplied: "on [12] May")
SPACED_NOTE_REFERENCE = re.compile(r"\[(?<=\S \[)(?P<num>\d{1,3})\]")
# Or asterisks right after a word or a stop ("months.*", "Pak**"): a reference only when the
# text has a note of that many asterisks (elsewhere an asterisk is a character of the text).
STAR_REFERENCE = re.compile(r"(?P<num>\*(?<=[^\s*]\*)\*{0,2})(?!\*)")
# Or superscript figures right after a word or a stop ("March.¹", "proposal²"), as a copy from
# a word processor keeps them: a reference, as asterisks are, only when the text has that note
_ANY_SUPERSCRIPT = re.compile(f"[{SUPERSCRIPTS}]")
SUPERSCRIPT_REFERENCE = re.compile(
    rf"(?P<num>[{SUPERSCRIPTS}](?<=[^\s{SUPERSCRIPTS}].)[{SUPERSCRIPTS}]{{0,2}})(?![{SUPERSCRIPTS}])"
)
# What the original hides: "[illegible]", "[two words illegible]", "[illegible word]",
# "[one line unreadable]"; the count in words, and the TEI unit of each unit named
_COUNTS = {"a": "1"} | {
    word: str(number)
    for number, word in enumerate("one two three four five six seven eight nine ten".split(), 1)
}
_UNITS = {"word": "words", "line": "lines", "letter": "chars", "character": "chars"}
_UNIT = "|".join(f"{unit}s?" for unit in _UNITS)
_ILLEGIBLE = re.compile(
    rf"(?:(?P<count>{'|'.join(_COUNTS)}|\d{{1,3}})\s+(?P<unit>{_UNIT})\s+)?"
    r"(?:illegible|unreadable|indecipherable)"
    rf"(?:\s+(?:(?P<count2>\d{{1,3}})\s+)?(?P<unit2>{_UNIT}))?",
    re.IGNORECASE,
)
_ELLIPSIS = re.compile(r"^\s*(?:…|\.\s*\.\s*\.|…\.)\s*$")
# What a bracket says where the original's page begins: "[page 2]", "[p. 2]" (its number), or
# "[page break]", "[new page]" (none); on a line of its own or inside a paragraph
PAGE_MARKER = r"(?:page|p\.)\s?(?P<bracketed>\d{1,3})|page\s+break|new\s+page|next\s+page"
_PAGE_MARKER = re.compile(PAGE_MARKER, re.IGNORECASE)
# An omission the translator states: "[omitted]", "[passage omitted]", "[two paragraphs
# omitted]", "[…] [the rest is omitted]"; not a count of what the original lacks ("[one line
# missing]", a remark)
_OMISSION = re.compile(
    rf"(?:…\s*)?(?:(?P<count>{'|'.join(_COUNTS)}|\d{{1,3}})\s+(?P<unit>{_UNIT})\s+)?"
    r"(?:[\w’']+\s+){0,4}?(?:is\s+|are\s+)?omitted(?:\s*…)?\.?",
    re.IGNORECASE,
)
# … and in round brackets, as Chinese cables are translated: "(Omitted)", "(Text omitted)",
# as a paragraph or at the head of a turn, "Zhou Enlai: (Omitted) We have learned …"
_ROUND_OMISSION = re.compile(r"\((?P<words>(?:[\w’']+\s+){0,4}?omitted\.?)\)", re.IGNORECASE)
EDITORIAL_REMARK = re.compile(
    r"^(?:emphasis|italics|underlin\w*|sic|illegible|unreadable|handwrit\w*|stamp|"
    r"signature|signed|text missing|page\b|marginal\w*|crossed out|deleted|not translated|"
    r"translator|translation from|translated from|editor|original\b|(?:foot|end)?note\b|"
    r"notation|unclear|blank|undated|no date)|in the original"
    # what the original hides or lacks: "[two words illegible]", "[one line missing]"
    r"|\b(?:illegible|unreadable|indecipherable)\b"
    r"|^(?:(?:one|two|three|four|five|a|\d+)\s+)?(?:words?|lines?|letters?|passage|pages?)"
    r"\s+(?:missing|omitted|cut off)\b"
    # signed at its end: "[… – translator's note]", "[… (ed.)]", "[… – Trans.]", or with
    # the translator's initials, "[in Moscow, in July 1963 – B. Sz.]"
    r"|(?:\s-|[–—(])\s*(?:(?:translator|editor)['’]?s?['’]?\s+note|ed|tr|transl?)\.?\)?\s*$"
    r"|(?:\s-|[–—])\s*(?-i:(?:[A-Z][a-z]?\.\s?){1,3})$",
    re.IGNORECASE,
)
# What happened, in a word or two of the translator's: "[Laughs.]", "[Applause.]", "[Long
# pause.]", or without the capital and stop, a sound or gesture: "[laughs]", "[long pause]"
# (a longer sentence in brackets within the text may be words the original lacks)
_STAGE_DIRECTION = re.compile(
    r"[A-Z][a-z]+(?:\s[a-z]+)?[.!]"
    r"|(?i:(?:(?:long|short|brief)\s+)?(?:laugh(?:s|ter|ing)|applause|pause|silence|smiles|"
    r"animation|stir|noise in the hall)[.!]?)"
)
_PRONOUN = re.compile(
    r"\b(?:he|she|it|they|we|him|her|them|us|his|their|its|this|that|these|those|"
    r"the latter|the former|who|whom)\s?\Z",
    re.IGNORECASE,
)
# The translator giving the original's words, in a language named: "[in German: "alles aus
# eigener Kraft"]", "[Russian original: khozraschet]"
_ORIGINAL_WORDS = re.compile(
    r"(?P<language>(?:in\s+(?:the\s+)?)?(?P<name>[A-Z][a-z]+)(?:\s+original)?\s?:\s*)"
    r"[\"“„«]?(?P<words>[^\"“”„«»\s][^\"“”„«»]*?)[\"”“»]?\s*"
)
# A gloss on the words before it: "[i.e. against the CPSU]", "[that is, the Soviets]"
_GLOSS = re.compile(r"\s*(?:i\.\s?e\.|that is\b|namely\b|meaning\b|=)", re.IGNORECASE)
_NAME_BEFORE = re.compile(r"(?:[A-Z][\w'’-]*\.?\s){0,3}[A-Z][\w'’-]*\s\Z")
_NAME_TOKENS = re.compile(r"(?:[A-Z][\w'’-]*\.?\s+){0,4}[A-Z][\w'’-]*")
# A name in letters of no Latin script (Chinese, Korean, Cyrillic), a few words at most
_OTHER_SCRIPT_NAME = re.compile(r"(?:[^\W\d_\u0000-\u024f]+[\s·・-]?){1,4}")
_WORD_BEFORE = re.compile(r"[^\W\d_][\w'’-]*\Z")
_QUERIED = re.compile(r"[\w'’.-]+ ?\Z")  # on this line: never across a break
# How far before a bracket the patterns that end at it look: further than a name of four
# words reaches, and not back to the paragraph's start, which each would scan at every bracket
_LOOK_BACK = 120


def _bracket_spans(text: str, notes: Mapping[str, str]) -> list[Span]:
    spans: list[Span] = []
    for match in _BRACKET.finditer(text):
        content = match.group(1)
        start, end = match.span()
        near = max(0, start - _LOOK_BACK)  # the patterns end at the bracket: \Z at `start`
        if not content.strip():
            continue
        if (reference := NOTE_REFERENCE.match(text, start)) and reference.end() == end:
            spans.append(Span(start, end, _note_reference(content, notes.get(content))))
        elif content in notes and SPACED_NOTE_REFERENCE.match(text, start):
            spans.append(Span(start, end, _note_reference(content, notes[content])))
        elif _ELLIPSIS.match(content):
            spans.append(Span(start, end, _gap))
        elif _PAGE_MARKER.fullmatch(content.strip()):
            spans.append(Span(start, end, _page_begins(match.group(0))))
        elif illegible := _ILLEGIBLE.fullmatch(content.strip()):
            spans.append(Span(start, end, _described_gap(content, illegible)))
        elif omission := _OMISSION.fullmatch(content.strip()):
            spans.append(Span(start, end, _described_gap(content, omission, "editorial")))
        elif content.strip() == "?":
            word = _QUERIED.search(text, near, start)
            if word:
                queried = word.group(0).rstrip()
                # a container: a repair inside the word ("22" / "nd[?]") stays marked in it
                inner = (word.start(), word.start() + len(queried))
                unclear = _unclear(word.group(0)[len(queried) :])
                spans.append(Span(word.start(), end, unclear, inner=inner, label="unclear"))
            else:
                spans.append(Span(start, end, _editorial_note(content)))
        elif (
            start and text[start - 1].isalpha() and (word := _WORD_BEFORE.search(text, near, start))
        ):
            spans.append(Span(word.start(), end, _expansion(word.group(0), content)))
        elif (words := _ORIGINAL_WORDS.fullmatch(content)) and (
            language := code_for(words["name"])
        ):
            spans += _original_words(start + 1, words, language)
        elif (
            EDITORIAL_REMARK.search(content)
            or _STAGE_DIRECTION.fullmatch(content)
            or _whole_sentence(text, start, end, content)
        ):
            spans.append(Span(start, end, _editorial_note(content)))
        elif _GLOSS.match(content) or _PRONOUN.search(text, near, start):
            spans.append(_supplied(start, end, "clarification"))
        elif _is_alternative_name(text, near, start, content):
            spans.append(_supplied(start, end, "alternative-name"))
        else:
            spans.append(_supplied(start, end, "omitted-in-original"))
    return spans


def _original_words(offset: int, match: re.Match[str], language: str) -> list[Span]:
    """The translator's remark giving the original's words (`match`, in a bracket whose
    content begins at `offset`), the words themselves `foreign` in `language`."""

    def note(parent: etree._Element) -> etree._Element:
        return sub(parent, "note", type="editorial", place="inline")

    def foreign(parent: etree._Element) -> None:
        sub(parent, "foreign", match["words"]).set(XML_LANG, language)

    inner = (offset, offset + match.end())
    words = (offset + match.start("words"), offset + match.end("words"))
    return [Span(inner[0] - 1, inner[1] + 1, note, inner=inner), Span(*words, foreign)]


def _whole_sentence(text: str, start: int, end: int, content: str) -> bool:
    """A paragraph that is one sentence in brackets ("[The conversation ended at 5:30 p.m.]")
    is the translator's remark, not words supplied in the text."""
    return (
        not text[:start].strip()
        and not text[end:].strip()
        and content.rstrip().endswith((".", "!", "?"))
        and len(content.split()) >= 3
    )


def _is_alternative_name(text: str, near: int, start: int, content: str) -> bool:
    """'Pak Seong-cheol [Pak Song Chol]', 'West Irian [West Papua]': a capitalised name just
    before the bracket at `start`, a capitalised name inside, whose first word begins like a
    word of the name; or the name in its own script ('Wang Pu [王溥]')."""
    name = _NAME_BEFORE.search(text, near, start)
    if name and _OTHER_SCRIPT_NAME.fullmatch(content.strip()):
        return True
    if not name or not _NAME_TOKENS.fullmatch(content.strip()):
        return False
    initials = {token[0].lower() for token in name.group(0).split()}
    return content.strip()[0].lower() in initials


def _mark_spans(text: str, notes: Mapping[str, str]) -> list[Span]:
    """References by asterisks or superscript figures to the notes the text has."""
    return [
        Span(m.start(), m.end(), _note_reference(m["num"], notes[m["num"]]))
        for pattern in (STAR_REFERENCE, SUPERSCRIPT_REFERENCE)
        for m in pattern.finditer(text)
        if m["num"] in notes
    ]


def _note_reference(number: str, note_id: str | None) -> Callable[[etree._Element], None]:
    """The number of a note where the text refers to it; it points to the note when the
    text has it (a copy may have lost its notes)."""

    def render(parent: etree._Element) -> None:
        ref = sub(parent, "ref", number, type="noteAnchor")
        if note_id:
            ref.set("target", f"#{note_id}")

    return render


def _gap(parent: etree._Element) -> None:
    sub(parent, "gap", reason="editorial")


def _described_gap(
    content: str, match: re.Match[str], reason: str = "illegible"
) -> Callable[[etree._Element], None]:
    """What the original hides, or what the translation leaves out ("editorial"), as the TEI
    Guidelines encode it: a gap, its extent where the translator counts it, the translator's
    words its description."""
    parts = match.groupdict()
    count = parts.get("count") or parts.get("count2")
    unit = parts.get("unit") or parts.get("unit2")
    extent = {}
    if unit:
        number = _COUNTS.get(count.lower(), count) if count else "1"
        extent = {"quantity": number, "unit": _UNITS[unit.lower().rstrip("s")]}

    def render(parent: etree._Element) -> None:
        sub(sub(parent, "gap", reason=reason, **extent), "desc", content.strip())

    return render


def _supplied(start: int, end: int, reason: str) -> Span:
    """A bracket of supplied words: a container, so names inside it are marked too."""

    def render(parent: etree._Element) -> etree._Element:
        return sub(parent, "supplied", reason=reason)

    return Span(start, end, render, inner=(start + 1, end - 1), label=f"supplied:{reason}")


def _editorial_note(content: str) -> Callable[[etree._Element], None]:
    def render(parent: etree._Element) -> None:
        sub(parent, "note", content, type="editorial", place="inline")

    return render


def _unclear(space: str) -> Callable[[etree._Element], etree._Element]:
    def render(parent: etree._Element) -> etree._Element:
        unclear = sub(parent, "unclear", reason="query", cert="low")
        append_text(parent, space)  # a space before "[?]" stays, after the word
        return unclear

    return render


def _expansion(abbreviation: str, expansion: str) -> Callable[[etree._Element], None]:
    def render(parent: etree._Element) -> None:
        expan = sub(parent, "expan", abbreviation)
        sub(expan, "ex", expansion)

    return render


# --- OCR confusion --------------------------------------------------------------------

# Korean surnames (romanised); "II" between one of them and a capitalised given-name syllable
# is the OCR reading of "Il" ("Kim II Sung"), never the numeral.
_KOREAN_SURNAMES = (
    "Kim|Ri|Li|Lee|Yi|Pak|Park|Choe|Choi|Chong|Jong|Kang|Han|Ho|Nam|Song|O|Mun|Jang|Chang|"
    "Hyon|Hong|Yun|Yu|Im|Rim|Jo|Cho|Paek|Baek|Kwon|Kwak|Hwang|An|Ahn|Sin|Shin|Chon|Jon"
)
_II_IN_NAME = re.compile(rf"\b(?:{_KOREAN_SURNAMES}) (?P<wrong>II)(?= [A-Z][a-z])")


# A web address in the text: a link, `ref` with its target, in which nothing else is marked
# up ("?id=1963" is no date); its last character no stop or bracket that ends the sentence
_URL = re.compile(r"https?://[^\s<>\"“”‘’«»]*[^\s<>\"“”‘’«».,;:!?)\]]")


def _url_spans(text: str) -> list[Span]:
    if "://" not in text:  # what the pattern needs, found at a fraction of its cost
        return []
    return [Span(m.start(), m.end(), _link(m.group())) for m in _URL.finditer(text)]


def _link(url: str) -> Callable[[etree._Element], None]:
    def render(parent: etree._Element) -> None:
        sub(parent, "ref", url, target=url)

    return render


def _ocr_spans(text: str) -> list[Span]:
    if " II " not in text:  # what the pattern needs, found at a tenth of its cost
        return []
    return [
        Span(m.start("wrong"), m.end("wrong"), _sic_corr("II", "Il"))
        for m in _II_IN_NAME.finditer(text)
    ]


def _sic_corr(wrong: str, right: str) -> Callable[[etree._Element], None]:
    def render(parent: etree._Element) -> None:
        choice = sub(parent, "choice")
        sub(choice, "sic", wrong)
        sub(choice, "corr", right, type="ocr")

    return render


# --- repaired breaks ------------------------------------------------------------------

_ORDINAL = re.compile(r"st|nd|rd|th")


def _break_spans(paragraph: Paragraph) -> list[Span]:
    spans: list[Span] = []
    for offset, kind in paragraph.breaks:
        if kind is Break.ORDINAL:
            suffix = _ORDINAL.match(paragraph.text, offset)
            assert suffix, "an ordinal break is followed by its suffix"
            spans.append(Span(offset, suffix.end(), _superscript(suffix.group(0))))
        elif kind is Break.PAGE:
            end = paragraph.text.find("\n", offset)
            printed = paragraph.text[offset : end if end >= 0 else len(paragraph.text)]
            spans.append(Span(offset, offset + len(printed), _page_begins(printed)))
        else:
            spans.append(Span(offset, offset, _scrape_break(kind)))
    return spans


def _superscript(suffix: str) -> Callable[[etree._Element], None]:
    def render(parent: etree._Element) -> None:
        sub(parent, "lb", ed="scrape", **{"break": "no"})
        sub(parent, "hi", suffix, rend="superscript")

    return render


def _page_begins(printed: str) -> Callable[[etree._Element], None]:
    """pb with the page's number, then the number as printed, as between paragraphs."""

    def render(parent: etree._Element) -> None:
        number = _PAGE_DIGITS.search(printed)
        page_break(parent, printed, number.group(0) if number else None)

    return render


def page_break(parent: etree._Element, printed: str, number: str | None) -> None:
    """Where the original's page begins: pb, with the page's number when the translation
    gives one, then the line as printed ("-2-", or "[page break]", which numbers no page)."""
    pb = sub(parent, "pb")
    if number:
        pb.set("n", number)
    sub(parent, "fw", printed, type="pageNum" if number else "pageBreak")


def _scrape_break(kind: Break) -> Callable[[etree._Element], None]:
    def render(parent: etree._Element) -> None:
        if kind is Break.PARAGRAPH:
            sub(parent, "lb", ed="scrape", type="paragraph-break")
        elif kind is Break.HEADING_LINE:
            sub(parent, "lb")  # in every edition: the source's own line
        elif kind is Break.HYPHEN:  # inside a word: no space where it was
            sub(parent, "lb", ed="scrape", **{"break": "no"})
        else:
            sub(parent, "lb", ed="scrape")

    return render


# --- quotations -----------------------------------------------------------------------

# (the quotation-mark pairs and the @rend values that record them: QUOTE_STYLES, in tei.py)
_OPENERS = {"“", "„", "«"}
_CLOSERS = {"”": ("“", "„"), "“": ("„",), "»": ("«",)}
# Every character the pairing looks at: the rest of a paragraph is skipped at C speed.
_QUOTE_MARKS = re.compile("[" + re.escape('"' + "".join(_OPENERS | set(_CLOSERS))) + "]")


# What a pair of quotation marks sets off that is no quotation: a letter's day ("6"), or
# its blank ("___")
_DAY_IN_QUOTES = re.compile(r"\d{1,2}|_{2,}|\.{3,}|…")

# Signs after which a straight quotation mark opens (as it does after white space)
_OPENING_SIGNS = frozenset("([{<—–-/:")
# How many quotations may stand one inside another, the innermost kept. No text quotes so
# deep, and a tree much deeper stops XML tools (libxml2 refuses a document deeper than 256
# elements).
_DEEPEST_QUOTATION = 8


def _quote_spans(text: str, atoms: list[Span]) -> list[Span]:
    """Pair quotation marks with a stack; unmatched marks stay characters. A pair is kept
    only if it does not cut through an atomic span (a bracket or a repair). The stack holds
    the marks last opened, as deep as quotations may nest: an older one is let go, a
    character, so that the text's innermost quotations are kept and a closer's search stays
    short however many marks were left open."""
    stack: deque[tuple[str, int]] = deque(maxlen=_DEEPEST_QUOTATION)
    pairs: list[tuple[int, int, str]] = []
    for mark in _QUOTE_MARKS.finditer(text):
        index, char = mark.start(), mark.group()
        if char == '"':
            # opening after a space or an opening sign, closing after a word or any other
            # sign ('by "30–40%".', '"the [CC]".')
            before = text[index - 1] if index else " "
            opening = (before.isspace() or before in _OPENING_SIGNS) and (
                index + 1 < len(text) and not text[index + 1].isspace()
            )
            if not opening and stack and stack[-1][0] == '"':
                pairs.append((stack.pop()[1], index, '"'))
            elif opening:
                stack.append((char, index))
        elif char in _CLOSERS and any(o for o, _ in stack if o in _CLOSERS[char]):
            while stack and stack[-1][0] not in _CLOSERS[char]:
                stack.pop()  # an unmatched inner mark stays a character
            opener, start = stack.pop()
            pairs.append((start, index, opener + char))
        elif char in _OPENERS:
            stack.append((char, index))
    spans: list[Span] = []
    for start, end, marks in pairs:
        if any(a.start < start < a.end or a.start < end < a.end for a in atoms):
            continue
        if _DAY_IN_QUOTES.fullmatch(text, start + 1, end):
            continue  # no quotation: a day so marked, as Russian letters date them ("6" May)
        style = next(s for s, (o, c) in QUOTE_STYLES.items() if o + c == marks or marks == o)
        spans.append(Span(start, end + 1, _quotation(style), inner=(start + 1, end)))
    return spans


def _quotation(style: str) -> Callable[[etree._Element], etree._Element]:
    def render(parent: etree._Element) -> etree._Element:
        return sub(parent, "q", rend=style)

    return render


# --- a paragraph set in capitals ---------------------------------------------------------

_WORD_AND_REST = re.compile(r"(\w)(\S*)")
_PAGE_DIGITS = re.compile(r"\d+")  # a page's number in its printed line ("- 2 -")
_SMALL_LETTER = re.compile(r"[a-z]")  # found within a few characters in nearly every text


def ordinary_case(text: str) -> str | None:
    """A paragraph of running text set wholly in capitals, as some telegrams are ("ON 29
    OCTOBER THE SOVIET AMBASSADOR MOSKOVSKY …"), with each word capitalised instead ("On 29
    October The Soviet Ambassador Moskovsky …"), letter for letter at the same offsets, for
    the annotators to read; None for any other text, and for a short line in capitals ("TOP
    SECRET", "V. MOSKOVSKY"), which they read as it is."""
    if (
        len(text) < 40
        or _SMALL_LETTER.search(text)
        or text.count(" ") < 5
        or text.upper() != text
        or text.lower() == text
    ):
        return None
    return capitalised(text)


def capitalised(text: str) -> str | None:
    """`text` with each word capitalised ("EMBASSY IN PYONGYANG" as "Embassy In Pyongyang"),
    letter for letter at the same offsets; None where lower case would move them."""
    cased = _WORD_AND_REST.sub(lambda m: m[1] + m[2].lower(), text)
    return cased if len(cased) == len(text) else None


# --- assembly -------------------------------------------------------------------------


class Annotator(Protocol):
    """Finds container spans (names, dates) in a paragraph, given its atoms."""

    def spans(self, text: str, atoms: list[Span]) -> list[Span]: ...


def mark_up(
    parent: etree._Element,
    paragraph: Paragraph | str,
    annotators: Sequence[Annotator] = (),
    notes: Mapping[str, str] | None = None,
) -> None:
    """Append the inline TEI of `paragraph` to `parent`; `notes` are the ids of the text's
    notes by number, for the references to them."""
    if isinstance(paragraph, str):
        paragraph = Paragraph(paragraph)
    text = paragraph.text
    brackets = _bracket_spans(text, notes or {}) if "[" in text else []
    if "mitted" in text:  # looked for as a substring first: a search stops at every "("
        brackets += [
            Span(*omission.span(), _described_gap(omission["words"], omission, "editorial"))
            for omission in _ROUND_OMISSION.finditer(text)
        ]
    if notes and ("*" in text or _ANY_SUPERSCRIPT.search(text)):
        brackets += _mark_spans(text, notes)
    atoms = _nested_only(_break_spans(paragraph) + brackets + _ocr_spans(text) + _url_spans(text))
    quotes = _quote_spans(text, atoms)
    spans = atoms + quotes
    for annotator in annotators:
        if found := annotator.spans(text, atoms):  # most find nothing in most paragraphs
            spans = _nested_only(spans + found, keep_first=len(spans))
    _build(parent, text, 0, len(text), sorted(spans, key=_reading_order))


def _reading_order(span: Span) -> tuple[int, bool, int]:
    """By start; at one offset a zero-width mark (a repaired break) comes before a span that
    opens there, and an outer span before the spans nested in it."""
    return span.start, span.end != span.start, -span.end


def _nested_only(spans: list[Span], keep_first: int = 0) -> list[Span]:
    """Drop every span that would cut through another: spans may only nest inside containers.
    The first `keep_first` spans are already consistent and always kept."""
    kept = list(spans[:keep_first])
    near = _SpansNear(kept)
    for span in sorted(spans[keep_first:], key=_reading_order):
        if all(_compatible(span, other) for other in near(span)):
            kept.append(span)
            near.add(span)
    return kept


class _SpansNear:
    """Spans, by where they are: each span is tested against those that touch it, not every
    one kept, so that a paragraph of thousands of spans ("[1][1][1]…") takes no quadratic
    time. Short spans are found by their start; the few long ones are always tested."""

    _SHORT = 64  # characters: a short span's start is at most this far before one it touches

    def __init__(self, spans: list[Span]) -> None:
        self.long: list[Span] = []
        self.short: list[Span] = []
        self.starts: list[int] = []
        for span in spans:
            self.add(span)

    def add(self, span: Span) -> None:
        if span.end - span.start > self._SHORT:
            self.long.append(span)
            return
        at = bisect.bisect_right(self.starts, span.start)
        self.starts.insert(at, span.start)
        self.short.insert(at, span)

    def __call__(self, span: Span) -> list[Span]:
        """Every span that may overlap `span` or stand where it does (and a few that do not)."""
        first = bisect.bisect_left(self.starts, span.start - self._SHORT)
        return self.long + self.short[first : bisect.bisect_right(self.starts, span.end)]


def _compatible(a: Span, b: Span) -> bool:
    if a.end <= b.start or b.end <= a.start:
        return a.start != a.end or b.start != b.end or a.start != b.start
    return _inside(a, b) or _inside(b, a)


def _inside(inner: Span, outer: Span) -> bool:
    return (
        outer.inner is not None
        and outer.inner[0] <= inner.start
        and inner.end <= outer.inner[1]
        and (inner.start, inner.end) != (outer.start, outer.end)
    )


def _build(parent: etree._Element, text: str, start: int, end: int, spans: list[Span]) -> None:
    """Emit text[start:end] into `parent`; `spans` are sorted and properly nested."""
    position = start
    index = 0
    while index < len(spans):
        span = spans[index]
        append_text(parent, text[position : span.start])
        container = span.render(parent)
        nested = 0
        if span.inner is not None and container is not None:
            # the spans that follow and start inside this one lie wholly inside it
            while index + 1 + nested < len(spans) and spans[index + 1 + nested].start < span.end:
                nested += 1
            _build(container, text, *span.inner, spans[index + 1 : index + 1 + nested])
        index += 1 + nested
        position = span.end
    append_text(parent, text[position:end])


def fragment(paragraph: Paragraph | str, tag: str = "p") -> etree._Element:
    """The inline mark-up of `paragraph` inside a fresh element (for tests and callers)."""
    el = element(tag)
    mark_up(el, paragraph)
    return el
