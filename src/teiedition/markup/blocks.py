"""The block structure of a document's text: opener, heading, paragraphs, lists, closer.

The body lines of a transcript are grouped into blocks at blank lines; scrape damage that cut a
sentence (a stray line break, a superscript put on its own line, a sentence split across a
blank line) is joined back, remembering where, so the repair can be shown in the TEI.
"""

from __future__ import annotations

import datetime
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from teiedition.dates import WEEKDAY, DateValue, parse_date
from teiedition.markup.header import DOCUMENT_TYPES
from teiedition.markup.inline import (
    EDITORIAL_REMARK,
    NOTE_REFERENCE,
    PAGE_MARKER,
    SPACED_NOTE_REFERENCE,
    STAR_REFERENCE,
    SUPERSCRIPT_REFERENCE,
    Break,
    Paragraph,
)
from teiedition.patterns import CAPITAL, NOTE_LABEL, NOTES_HEADING, SUPERSCRIPTS
from teiedition.readers.layouts import UNWRAPPED_LINE, lost_blank_lines, runs_paragraphs_together
from teiedition.readers.transcript import Field


@dataclass
class Block:
    paragraph: Paragraph
    line: int
    kind: str = "p"  # p | head | dateline | classification | precedence | transmission |
    #                  registry | reference | salute | addressee | sender | remark | issuer |
    #                  signed | office (the signer's) | note | page | break ("* * *")
    date: DateValue | None = None
    place: str | None = None  # for a dateline "Pyongyang, 14 August 1962"
    label: str | None = None  # list or note label as printed: "1)", "a)", "[1]"
    number: str | None = None  # list or note number without punctuation: "1", "a"
    page: str | None = None  # the number of the page a page-number line begins: "2"
    #: a table's row, its columns set apart by tabs in the copy ("Coal<TAB>100%"): its cells
    cells: list[str] | None = None

    @property
    def text(self) -> str:
        return self.paragraph.text

    @property
    def item_number(self) -> str | None:
        """The number of the list item the block begins; a note's number begins none."""
        return None if self.kind == "note" else self.number


@dataclass
class ListNode:
    kind: str  # "numbered" | "lettered" | "bulleted" | "distribution" | "simple"
    items: list[ItemNode] = field(default_factory=list)
    head: Block | None = None  # the line over a distribution list: "Distribution:"


@dataclass
class ItemNode:
    label: str
    number: str
    content: list[Block | ListNode] = field(default_factory=list)


@dataclass
class SectionNode:
    """A part of the text, numbered ("I.", "II. Economic questions") or headed in capitals
    ("ON FOREIGN POLICY"): its heading, then its paragraphs and lists."""

    number: str  # "II"; "" for a section headed without a number ("ON FOREIGN POLICY")
    head: Block
    content: list[Block | ListNode | SectionNode] = field(default_factory=list)


@dataclass
class EntryNode:
    """A dated entry of a journal or diary: the line that is its date alone ("13 March
    1963"), then its paragraphs and lists."""

    date: Block
    content: list[Block | ListNode] = field(default_factory=list)


@dataclass
class Body:
    opener: list[Block]
    main: list[Block | ListNode | SectionNode | EntryNode]
    closer: list[Block]
    #: the translator's notes at the end of the text ("[1] …"), their labels taken off; the
    #: first may be the heading over them ("Notes"), a block of kind "head"
    notes: list[Block] = field(default_factory=list)
    #: what follows the signature: a distribution list ("Distribution list:", "Sent to: …")
    postscript: list[Block | ListNode] = field(default_factory=list)
    #: the names before a colon that begin paragraphs of a record of conversation
    #: ("Chervonenko: I do not know."), each at least twice
    speakers: frozenset[str] = frozenset()
    #: what the document sends with it, after its signature: each begun by a line that says
    #: so ("Enclosure", "Attachment No. 1"), then laid out as a document is
    enclosures: list[Enclosure] = field(default_factory=list)


@dataclass
class Enclosure:
    mark: Block  # "Enclosure", "Attachment No. 1": its heading
    body: Body


# A section's number in Roman numerals, alone or before its title: "II.", "III. Trade", and
# as Hungarian reports write it, "II/ Foreign policy", "II./"
_SECTION_NUMBER = re.compile(r"^(?P<num>[IVX]{1,5})(?:\./?|/)(?:\s+(?P<title>\S.*))?$")
# … or in figures before its title: "2. On the Soviet specialists"
_FIGURED_SECTION = re.compile(r"^(?P<num>[1-9]\d?)\.\s+(?P<title>\S.*)$")
_UNITS = ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX")
# Roman numerals to 39, and their values
_ROMAN = {"X" * (n // 10) + _UNITS[n % 10]: n for n in range(1, 40)}
# A speaker's name, capitalised words before a colon that begin a paragraph, perhaps after
# initials ("T. Zhivkov: …"), or the initial a record gives its own side ("M.: I would like
# to …"), or the recorder's "I" ("I: Pravda printed the speech in full.")
_SPEAKER = re.compile(
    r"^(?P<label>(?:[A-Z]\.\s?){0,2}[A-Z][\w'’.-]{2,}(?: [A-Z][\w'’.-]*){0,2}|[A-Z]\.|I):\s+\S"
)
# A line that begins with a label: "Time: …", "Premier Zhou: …", "Q: …"
_LABELLED = re.compile(r"^[A-Z][\w'’.-]*(?: [\w'’.-]+){0,2}:\s+\S")
# A table's row: a short name, a dash and a short figure ("Oil products – 300,000 t")
_DASHED = r"^[A-Z][^–—:]{0,50}\s[–—]\s"
_DASHED_FIELD = re.compile(rf"{_DASHED}\S.{{0,40}}$")
# … and one whose value is a figure, with its unit perhaps ("Trucks – 500"), not a
# telegram's destination ("MOSCOW – MFA USSR")
_FIGURE_ROW = re.compile(rf"{_DASHED}\d[\d.,\s]*(?:\s?[%\w.]{{1,8}})?$")
# Labels of a form, which begin paragraphs as a speaker's name does
_NO_SPEAKERS = frozenset(
    "question answer reply comment remark note notes time date place location subject "
    "present participants interpreter recorder topic agenda proposal conclusion source "
    "attachment enclosure summary copy".split()
)
# A bullet before a list item: "• grain". Not a dash, which in these records as often opens a
# line of dialogue.
_BULLET = re.compile(r"^(?P<label>[•●▪◦])\s+(?=\S)")
# A dash before a list item: only on lines copied together that end as list items do, each
# but the last with ";" or "," ("– the oil is short;" / "– the harvest was poor.").
_DASH = re.compile(r"^(?P<label>[–—-])\s+(?=\S)")
# The small Roman numerals a list counts with, to "x"; in a label, those of two letters or
# more (one letter is read as a letter, and "i" begins a list of them: `_roman`)
_SMALL_ROMANS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")
_SMALL_ROMAN = "|".join(sorted((r for r in _SMALL_ROMANS if len(r) > 1), key=len, reverse=True))
_LIST_MARKER = re.compile(
    r"^(?P<label>(?P<num>\d{1,2})(?:\.\)|\./|[)./])|\((?P<num2>\d{1,2})\)"
    # lettered: "a)", and as Hungarian reports letter them, "a./"; in capitals, "A)", "(B)";
    # or in small Roman numerals, "i)", "ii)", "(iii)" (a list that begins at "i")
    rf"|(?P<let>{_SMALL_ROMAN}|[a-zа-яA-ZА-Я])(?:\)|\./)"
    rf"|\((?P<let2>{_SMALL_ROMAN}|[a-zа-яA-ZА-Я])\))"
    r"\s+(?=\S)"
)
# A reference to a note that ends a block: "He left.[2]", "found it insufficient.*"
_TRAILING_REFERENCE = re.compile(
    rf"(?:\[(?<=\S\[)\d{{1,3}}\]|(?<=[^\s*])\*{{1,3}}|(?<=\S)[{SUPERSCRIPTS}]{{1,3}})$"
)
# A line that only marks a break between two parts of the text: "* * *", "***", "⁂"
_SECTION_BREAK = re.compile(r"^(?:\*(?:\s*\*){2,}|⁂)$")
# A line that is the original's page number: "-2-", "- 2 -", "[page 2]", "[Page 2]"; or
# that says a page begins, unnumbered: "[page break]", "[new page]"
_PAGE_NUMBER = re.compile(
    rf"^(?:[-–—]\s?(?P<dashed>\d{{1,3}})\s?[-–—]|\[(?:{PAGE_MARKER})\])$", re.IGNORECASE
)
# The first line of what follows a signature: who received copies of the document
# (the words a distribution list begins with, also alone over its lines as its head: who
# receives copies, "Distribution list", "Sent to", and how many were made, "Prepared in 4
# copies")
# … in the archives' languages, as a translation may keep the word: the German
# "Verteiler", the Polish "Rozdzielnik", the Czech "Rozdělovník"
_LIST_WORD = r"(?:distribution(?:\s+list)?|verteiler|rozdzielnik|rozdělovník)"
# Where copies went, a place and their count: "Budapest, 3 copies", "Pyongyang, 1 copy"
_WHERE_COPIES = (
    r"(?-i:[A-Z][\w'’.-]*(?:\s(?:[A-Z][\w'’.-]*|of|the|for|in)){0,4}),?\s+\d{1,3}\s+"
    r"cop(?:y|ies)"
)
_WHERE_COPIES_LINE = re.compile(rf"^{_WHERE_COPIES}[.!]?$", re.IGNORECASE)
# … or a copy's "cc:" (only with its colon: "CC" is as often the Central Committee); "Sent:
# to Cde. …" as a Soviet journal's foot has it, and a cipher's "Sent: Khrushchev, …"; the
# Polish "Otrzymują:", kept or translated, "Receive:", "Recipients:"
_SENT_TO = (
    r"(?:sent|distributed):?\s+to|copies(?:\s+sent)?\s+to|c\.?\s?c\.?(?=\s*:)"
    # "Sent: Khrushchev, Kozlov, …" and "Sent: 1 - to Cde. …", not "Sent: 22.VII.63"
    r"|sent(?=\s*:\s*(?:[^\W\d]|\d{1,2}(?:\s+[-–—]\s+|\)\s*)(?:[a-z]|[A-Z][a-z])))"
    r"|(?:receive|recipients|otrzymują)(?=\s*:)"
)
_COPIES_MADE = r"(?:made|written|typed|printed|prepared|drawn\s+up)\s*:?\s+in\s+\d+\s+copies"
_DISTRIBUTION = re.compile(
    rf"^\[?(?:{_LIST_WORD}(?::?\])?|{_SENT_TO}|copies(?=\s*:)|copy\s+to|\d+\s+copies|{_WHERE_COPIES}|"
    rf"{_COPIES_MADE}|enclosures?(?=\s*:)|encl\.|attachments?(?=\s*:))(?:\b|(?<=\.)).{{0,100}}$",
    re.IGNORECASE,
)
# A postscript's mark: "P.S.", "PS:", "Postscript:", and after a signature "N.B." and "Note:"
_PS = re.compile(r"^(?:P\.\s?S\.|PS:|Post-?script(?:um)?\b|N\.\s?B\.|Note:)", re.IGNORECASE)
_ORDINAL_START = re.compile(r"^(?:st|nd|rd|th)\b")
_TERMINAL = tuple('.!?:;…"”»)]')  # what a block that ends its sentence ends with
_CLASSIFICATION = re.compile(
    r"^(?:(?:strictly|top|highly)\s+)?(?:secret|confidential)\b.{0,40}$"
    # the Soviet "Особая папка", the CC's most restricted papers
    r"|^special\s+(?:folder|file|dossier)[.!]?$"
    r"|^(?:for official use only|restricted|classified|copy\s*(?:no|nº|№|nr)\.?\s*\d+)\b.{0,40}$"
    r"|^copy[.!]?$"  # the document a copy, not the original: the German "Abschrift"
    # "5 copies", "Written: in 3 copies" (as Hungarian reports count them at the head)
    r"|^(?:(?:made|typed|printed|written|prepared|drawn\s+up)\s*:?\s+in\s+)?\d{1,3}\s+"
    r"cop(?:y|ies)[.!]?$"
    # and where each went, under the count: "Budapest, 1 copy", "1 copy: Embassy"
    rf"|^{_WHERE_COPIES}[.!]?$"
    r"|^\d{1,3}\s+cop(?:y|ies)(?:\s*[:–—-]\s*|\s+(?:to|for)\s+(?:the\s+)?)(?-i:[A-Z])[^.!?;]{0,40}$"
    r"|^(?:security\s+)?classification\s?:\s*\S.{0,40}$",  # a form's field
    re.IGNORECASE,
)
# Who compiled, recorded or typed the document, as a report's head may say under its copies
# ("Compiled by: Kádas István", "Typed by: Szabó Éva"): a statement of responsibility
RESPONSIBLE = r"(?:Compiled|Prepared|Drawn\s+up|Recorded|Typed|Written|Translated|Copied)\s+by"
_RESPONSIBILITY = re.compile(
    rf"^{RESPONSIBLE}\s*:?\s+"
    rf"(?:{CAPITAL}[\w'’-]*\.?\s+){{0,3}}{CAPITAL}[\w'’-]*$"
)
# The level of a classification line, before what it may add ("Secret, Copy No. 2")
_LEVEL = re.compile(
    r"(?:(?:strictly|top|highly)\s+)?(?:secret|confidential)|for official use only|restricted"
    r"|classified",
    re.IGNORECASE,
)
# A telegram's precedence: how fast it must go ("URGENT", "Very urgent", "Out of turn")
_PRECEDENCE = re.compile(
    r"^(?:(?:very|most|extremely|top)\s+)?(?:urgent|immediate|priority|flash|express|out of turn)"
    r"[.!]?$",
    re.IGNORECASE,
)
# A telegram's dispatch or receipt, with its time or date: "Dispatched from Pyongyang on
# 03.06.1963 at 12:20 and received at 18:45 …", "Came to the Decoding Department at 19:10";
# no sentence (its stop after a word)
_TRANSMISSION = re.compile(  # perhaps as a field: "Arrived: 15 March 1963, 07.15"
    r"^(?:Dispatched|Sent|Transmitted|Received|Arrived|Came|Deciphered|Decoded|Decrypted"
    # or after where it comes from: "from Pyongyang dispatched on 15.III.63 at 14:20 …"
    # or, in a telegram in capitals, "FROM PYONGYANG, SENT 5.10.1962 AT 14.00 HRS"
    r"|[Ff]rom\s+[A-Z][\w'’.-]*,?\s+(?:[Dd]ispatched|[Ss]ent|[Tt]ransmitted))"
    r"(?::\s*|\s)"
    r"(?=.*(?:\d[:.]\d\d\b|\d[./][\dIVX]+[./]\d\d|\d\s(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|"
    r"Oct|Nov|Dec)))[^!?;]*(?:(?<![^\W\d]\.)|(?<=\bhrs\.)|(?<=\bh\.))$"  # no sentence's stop
)
# A document's file number: "Nr 2421/35/62", "No. 76.215", "Special No. 134", "Ciphered
# telegram No. 112", or bare with its year, "002418/1963", "002/2/1963"
_REGISTRY = re.compile(
    # the GDR's numbers of classified matter: "VVS No. 14/64" (Vertrauliche Verschlusssache),
    # "GVS Nr. 3/63" (Geheime), "VS-Nr. 112"
    r"^(?:(?:VVS|GVS|VS)[\s-]?)?"
    # the word a translation puts before the number: "Outgoing No.", "Ref. No.", "File No."
    r"(?:(?:(?i:Special|Spec\.|Outgoing|Out\.|Incoming|Inc\.|Issue|Iss\.|Ref\.|Reference|File|"
    r"Registry|Registration|"
    r"(?:Ciphered|Cipher|Coded|Encrypted)\s+(?:telegram|cable|message)|Szyfrogram)\s+)?"
    # the numbers' names in the archives' languages: Czech "Čj." (číslo jednací), German
    # "Az." (Aktenzeichen) and "Tgb.-Nr.", Polish "L.dz." (liczba dziennika), Hungarian "Szám"
    r"(?:Nr|No|Nº|№|Number|Reg\.?\s*No|[ČčC]\.?\s?j|Az|Tgb\.?-Nr|L\.\s?dz|Szám)"
    r"\.?\s*:?\s*\S*\d\S*|\d[\d.]{2,}(?:/\d{1,6}){0,2}/\d{2,4}/?"
    # shorter, only with the classification after it: "11/3/1963/Top secret"
    r"|\d{1,2}(?:/\d{1,6}){1,2}/(?=(?i:(?:top|strictly)\s+)?(?i:secret|confidential)))"
    # the register's abbreviation after the number: the Albanian "No. 212 Prot." (protocol)
    r"(?:(?<=\d)\s+[A-Z][a-z]{1,4}\.)?"
    # the classification after the number, as Polish files write it, "No. 0073/63/Top
    # Secret", or Hungarian files, "002/2/1963/Top secret", "No. 47. Top secret!", "Nr. 45/3
    # Secret"
    r"(?:(?:(?<=/)|(?<=\d\.)\s+|(?<=\d)\s+)(?i:(?:top|strictly)\s+)?(?i:secret|confidential)!?)?$"
)
_REFERENCE = re.compile(
    # … and the German "Betr.:" (Betreff) a translation may keep
    r"^(?:Att\.|Attachment|Annex|Encl\.|Enclosure|Ref\.|Re:|Ad\b|Subject:|Concerning:|Betr\.)"
    r"\s*(?:to)?"
    r"\s*:?\s*\S.{0,200}$"  # a subject may take two lines of a page
)
# A line of an address under its first ("To the" / "Ministry of Foreign Affairs" / "Berlin",
# "in the DPRK", "Comrade N. S. Khrushchev", "Cde. G. Bogdanov": no stop but after an initial
# or a title's abbreviation)
_ADDRESS_LINE = re.compile(
    r"^(?:[A-Z]|(?:in|at)\s)"
    r"(?:[^.!?:;]|(?<=\b[A-Z])\.|(?<=\bCde|\bCom|\bAmb)\.|(?<=\bComr)\.|(?<=\bDr)\.){0,60}$"
)
# The person an address names under their offices: "Comrade N. S. Khrushchev", "Cde. Kim"
_ADDRESSED_PERSON = re.compile(r"^(?:Comrade|Comrades|Cde\.|Com\.|Comr\.|Tovarishch)\s+[A-Z]")
# "From PYONGYANG", "From: Embassy …"; not where the text was taken from ("From the diary of
# the Mongolian ambassador …"), which heads it
_ADDRESSEE = re.compile(
    r"^(?!From\s+(?:the|an?)\s+(?:[a-z]|(?i:journal|diary|record|notes|minutes|files)\b))"
    r"(?:To|TO|From|Copy to|Cc)\b\s*:?\s*\S.{0,100}$"  # "TO THE MINISTRY OF …" too
    r"|^(?:Sender|Addressee|Recipient)\s?:\s*\S.{0,100}$"  # a telegram's form: "Sender: …"
    r"|^(?:Comrade|Comrades|His Excellency|Her Excellency|To)$"  # an address's first line alone
)
# An address line that names the sender, not the addressee: "From: Pyongyang", "Sender: …",
# "FROM PYONGYANG"
_SENDER = re.compile(r"^(?:From|FROM|Sender|SENDER)\b")
# A telegram's way in capitals, where it comes from or goes to, a place and no more: "FROM
# PYONGYANG" (not "FROM THE JOURNAL OF", which heads the text), read in title case
_ROUTE = re.compile(
    r"^(?P<way>From|To):?\s+(?!.*\b(?:The|An?|Of|And|In|On|For|With)\b)"
    r"[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,2}$"
)
# What parts a telegram's destination from the office it goes to: "MOSCOW, CC CPSU"
_DESTINATION_OFFICE = re.compile(r"\s*,\s*|\s+[–—-]\s+")
# What may stand before the place under a letterhead's office: "in Pyongyang"
_PLACE_WORD = re.compile(r"^(?:in|at)\s+(?:der\s+)?(?=\S)")  # "in der KDVR", as GDR files keep it
# Or the country, in capitals too: "IN THE DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA", read in
# title case, or as a letterhead writes it, "in the DPRK"
_IN_COUNTRY = re.compile(
    r"^(?:[Ii]n|[Aa]t)\s+(?:[Tt]he\s+)?[A-Z][\w'’.-]*(?:\s(?:[Oo]f|[A-Z][\w'’.-]*)){0,6}$"
)
# An office in the initials of its words: "MFA USSR", "CC CPSU", "MID"
_ACRONYMS = re.compile(r"(?:[A-Z]{2,6}\s?){1,4}$")
# … two to four such initials, no more than four letters each and no word a heading has
# ("CC CPSU", not "NOTE ON" or "RECORD OF CONVERSATION")
_OFFICE_INITIALS = re.compile(
    r"(?!.*\b(?:OF|ON|TO|IN|THE|AND|FOR|NO)\b)[A-Z]{2,4}(?: [A-Z]{2,4}){1,3}"
)


# The office that issued the document, at its head: "Embassy of the GDR in the DPRK",
# "Soviet Embassy in Pyongyang", "Ministry of Foreign Affairs of the USSR"
_ISSUER = re.compile(
    r"^(?:The\s+)?(?:[A-Z][\w'’.-]*\s+){0,4}(?:Embassy|Legation|Consulate(?:[- ]General)?|"
    r"Ministry|Mission|Central Committee|Representation|"
    # the embassy in the original's language, as a translation may keep its letterhead:
    # Polish and Romanian "Ambasada", German "Botschaft", Czech "Velvyslanectví", Hungarian
    # "Nagykövetség", Russian and Bulgarian "Posolstvo"
    r"Ambasad[a-z]*|Botschaft|Velvyslanectv[íi]|Nagykövetség[a-z]*|Posolstv[a-z]*)"
    r"\b[^.!?:;]{0,100}$"
)
# The second line of a heading that names the document's kind on its first ("Record" /
# "of a conversation …", "Information" / "on the visit of …", "RECORD OF CONVERSATION" /
# "with Chairman …")
_SUBJECT_LINE = re.compile(
    # "Note" / "from a conversation with …", as Polish notes are translated (not a telegram's
    # "from Pyongyang, dispatched …")
    r"^(?:of|on|about|concerning|regarding|with|between|from\s+(?:a|an|the)(?=\s))\s"
)
# The mark of a passage left out, ending a line: a Chinese cable's "(Omitted)", "[…]"
_OMISSION_AT_END = re.compile(r"\s*(?:\((?i:omitted)\)|\[(?:…|\.\.\.)\])$")
# The period a journal or a review covers, under its heading: "for 4 to 11 March 1963", "for
# the period from 1 to 15 May 1963", "for March 1963"
_PERIOD_LINE = re.compile(r"^for\s(?!.*[.!?:;]$).{1,60}\b(?:1[89]|20)\d\d$")
# A line that is a remark in round brackets, whole
_BRACKETED_LINE = re.compile(r"^\([^()]+\)$")
# A line that is a title in quotation marks: "\"Soviet-Korean relations in 1963\""
_QUOTED_LINE = re.compile(r"^[\"“„«][^\"“”„«»]{1,150}[\"”“»]$")
# The place under the office's name in a letterhead: "Pyongyang", "P'yŏngyang", "Ulan Bator";
# not the name of a document's kind, which heads it ("JOURNAL")
_LETTERHEAD_PLACE = re.compile(r"^[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,2}$")
# A part of the office under its name in a letterhead: "5th Territorial Department", "Far
# Eastern Division"
_OFFICE_PART = re.compile(
    r"^(?:\d{1,2}(?:st|nd|rd|th)\s+|[A-Z][\w'’.-]*\s+){0,4}"
    r"(?:Department|Division|Section|Sector|Directorate|Bureau|Office)\b[^.!?:;]{0,80}$"
)
_KINDS = "|".join(pattern for pattern, _ in DOCUMENT_TYPES)
_DOCUMENT_KIND = re.compile(rf"\b(?:{_KINDS})", re.IGNORECASE)  # as the header looks for them
# … as a heading begins, which may then run long, as Soviet records name whom they record
# with all their offices ("Record of a conversation with Chairman of the Presidium of the
# DPRK Supreme People's Assembly Ch'oe Yong-gŏn")
_KIND_FIRST = re.compile(rf"^(?:{_KINDS})\b", re.IGNORECASE)
_HEADING_WORDS = 16
_KIND_HEADING_WORDS = 30
# The words of leave above a signature: "With comradely greetings,", "Yours sincerely,"
_VALEDICTION = re.compile(
    r"^(?:(?:With\b|Yours\b|Sincerely\b|Respectfully\b|Faithfully\b|Cordially\b).{0,60},"
    r"|(?:With\b.{0,40}|Best|Kind|Warm|Comradely|Fraternal)\s+"
    r"(?:regards|greetings|wishes|respect|salutations)[,!.:]?"  # "With comradely greetings:"
    # the courtesy a diplomatic note ends with: "Please accept, Comrade Minister, the
    # assurances of my highest consideration.", "I avail myself of this opportunity to renew
    # to you the assurances of my highest consideration." (or "respect", "esteem")
    r"|(?:Please\s+)?(?:accept|I\s+avail\s+myself)\b[^.!?]{0,120}\bassurances?\b[^.!?]{0,60}"
    r"\b(?:consideration|respect|esteem)[.!]?)$"
)
# A line that goes on with the signer's office above it: "Ambassador Extraordinary and
# Plenipotentiary" / "of the USSR in the DPRK"
_OFFICE_GOES_ON = re.compile(r"^(?:of|in|to|at|for)\s+(?:the\s+)?[A-Z][^.!?:;]{0,60}$")
_SALUTE = re.compile(  # also the bare address of Soviet-bloc letters, "Comrade Minister,"
    r"^(?:Dear|Respected|Esteemed|Honou?red)\b.{0,60}[,!]$"
    r"|^Comrades?(?:\s+[A-Z][\w'’.-]*){0,3}\s?[,!]$"
)
_DATE_FIELD = re.compile(r"^Dated?\s?:\s*(?P<date>\S.*)$")
# A dateline's time of day after its date, as a telegram gives it: "18.5.1963, 14:05 hrs.",
# "Pyongyang, 18 May 1963, 14:05"; what stands before it is read as a dateline without it
_TIME_AFTER = re.compile(r",?\s+(?:at\s+)?[0-2]?\d[:.][0-5]\d(?:\s?(?:hrs|hours|h)\b\.?)?$")
# a place and a date ("Pyongyang, 14 August 1962"), the date perhaps with the mark of the
# year after it, the Polish "r." (roku), the Russian and Bulgarian "г." (года, година) or
# its transliteration "g.": "Pyongyang, 5.III.1963 r.", "Pyongyang, 14.V.1963 г."; or "on
# the day" before it, as Polish, Czech and German write it: "Pyongyang, dnia 5.III.1963",
# "Pjöngjang, den 6.3.1963", and the English "Pyongyang, the 5th of March 1963"
_PLACE_DATE = re.compile(
    # not a day of the week: "Monday, 19 August 1963" is a date
    rf"^(?!{WEEKDAY.pattern})"
    r"(?P<place>[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,2}),\s*"
    r"(?:(?:dnia|dn\.|dne|den|the)\s+)?"
    r"(?P<date>.+?)(?:\s+[rгg]\.)?$"
)
# … and without the comma, as a telegram's capitals have it ("PYONGYANG 14/III-63") and a
# copy may ("Pyongyang 5 March 1963")
_PLACE_THEN_DATE = re.compile(
    r"^(?P<place>[A-Z][\w'’.-]+(?:[ -][A-Z][\w'’.-]+){0,2})\s+(?P<date>\d.*)$"
)


def _place_and_date(text: str, anchor_year: int | None) -> tuple[str, DateValue] | None:
    """A dateline's place and date: "Pyongyang, 5 March 1963", "PYONGYANG 14/III-63"."""
    match = _PLACE_DATE.match(text) or _PLACE_THEN_DATE.match(text)
    if (
        match
        and match.re is _PLACE_THEN_DATE
        and (not _is_place(_in_title_case(match["place"])) or match["date"].strip().isdigit())
    ):
        return None  # "SZYFROGRAM NR 4317": a number, not a place and its year
    if match and (date := parse_date(match["date"], anchor_year)):
        return match["place"], date
    return None


# A signer's office: "Ambassador of the USSR in the DPRK", "First Secretary", "On behalf of
# the Ambassador"
# ("ambassador" in lower case too, as Hungarian reports sign, and "AMBASSADOR:" in capitals
# before the name)
_ROLE = (
    # who signs for the office: "On behalf of the Ambassador" (its three words before it)
    r"(?:[Oo]n\s+behalf\s+of\s+)?(?:[\w.-]+\s+){0,3}"
    r"(?:[Aa]mbassador|[Cc]hargé|[Cc]harge|[Cc]ounsell?or|[Ss]ecretary|[Aa]ttaché|[Mm]inister"
    r"|[Cc]onsul|[Ee]nvoy|[Hh]ead|[Dd]irector|[Cc]hairman|[Dd]eputy"
    r"|AMBASSADOR|CHARGÉ|CHARGE|COUNSELL?OR|SECRETARY|ATTACHÉ|MINISTER|CONSUL"
    # the ambassador in the original's language, as a translation may keep the signer's office
    # as it keeps the letterhead: German "Botschafter" and "Geschäftsträger", Polish and
    # Romanian "Ambasador", Czech "Velvyslanec", Hungarian "nagykövet"
    r"|Botschafter|Geschäftsträger|Ambasador|Velvyslanec|[Nn]agykövet)\b"
)
# A signature: a name, perhaps in brackets or slashes ("/V. Moskovsky/"), perhaps marked as
# signed ("Signed: Becker", "(signed) V. Moskovsky", "/signed/ …", "/s/ V. MOSKOVSKY", Polish
# "/-/ J. Siedlecki" or "(–) T. Walichnowski", a hyphen or a dash, German "gez. Schneidewind"
# or, who certified the copy, "F.d.R." (für die Richtigkeit), Romanian "(ss) Ion Moraru",
# "V. Moskovsky (signed)"), or as who recorded the conversation ("Recorded by: B. Pimenov",
# "Recorder: Wang Ziyi", "Drawn up by: J. Brzeziński", "Record taken by: Kang Seok-ju"), or
# who saw or approved it, as a Czech note's foot has it ("Seen by: Ambassador Moravec v.r.",
# the Czech "Viděl"), perhaps after the signer's office and a colon ("Ambassador: /signed/ G.
# Bogdanov").
SIGNED = (
    # (and the translator's "[illegible signature]", "[signature illegible]")
    r"(?:[(/\[]?(?:illegible\s)?[Ss]ign(?:ed|ature)(?:\sillegible)?[)/\]]?|"
    r"/[Ss–-]/|\([Ss–-]\)|\([Ss]s\)|gez\.|F\.\s?d\.\s?R\.|"
    # "in his own hand" after the name: Latin "m.p." (manu propria), Czech "v.r.", Hungarian
    # "s.k."
    r"m\.\s?p\.|v\.\s?r\.|s\.\s?k\.|"
    r"(?:Recorded|Drawn\s+up|Prepared|Compiled|(?:Record|Minutes|Notes)\s+taken|Seen|Approved)\s+by"
    r"|Recorder)"
)
# The signer's office: a role and the words that name its place ("Ambassador of the PRB in
# the DPRK"), before a colon, or after the mark and before the name ("Recorded by: First
# Secretary of the Embassy B. Pimenov")
_OFFICE_WORD = r"\s+(?:[A-Z][\w'’.-]*|of|the|in|to|for|and)"
# An office and a colon, as a Chinese cable is addressed: "Foreign Ministry:", "Ministry of
# Foreign Affairs and the International Liaison Department:"
_ADDRESSED_OFFICE = re.compile(
    r"^(?:[A-Z][\w'’.-]*\s+){0,4}(?:Ministry|Embassy|Central Committee|Department|Government)"
    rf"(?:{_OFFICE_WORD}){{0,10}}:$"
)
_OFFICE_BEFORE_NAME = rf"(?:{_ROLE}(?:{_OFFICE_WORD}){{0,6}}?\s+)"
OFFICE_AND_COLON = rf"{_ROLE}(?:{_OFFICE_WORD}){{0,8}}:\s*"
_NAME_LINE = re.compile(
    rf"^(?:{OFFICE_AND_COLON})?[(/]?(?:{SIGNED}\s*:?\s*{_OFFICE_BEFORE_NAME}?)?"
    rf"(?:{CAPITAL}[\w'’-]*\.?\s+){{0,3}}{CAPITAL}[\w'’-]*[)/]?(?:\s+{SIGNED})?"
    # the translator's doubt about the name, "Brystiger [sic]", "Kádas [?]", or a word beside
    # it the translator could not read, "/Petar Mladenov/ [illegible]"
    r"(?:\s\[(?:sic|\?|illegible)\])?"
    # or the office after the name ("Recorded by: J. Kuchař, Second Secretary")
    rf"(?:,\s+{_ROLE}(?:{_OFFICE_WORD}){{0,6}})?$"
)
# The mark of signing alone, on a line of its own over or under the name ("(signature)"),
# perhaps after who signed as what, the name unread ("Recorded by: [illegible]")
_SIGNING_MARK = re.compile(rf"^(?:{SIGNED}:?\s*)?{SIGNED}:?$|^{SIGNED}:?\s*\[illegible\]$")
# … or beginning its line, alone or before the name ("gez. Schneidewind")
_SIGNING_MARK_FIRST = re.compile(rf"^{SIGNED}:?(?:\s|$)")
# A date in figures, then a name: "3.III.64 MOSKOVSKY", "14.3.1963 V. Moskovsky"
_DATE_AND_NAME = re.compile(
    r"^(?P<date>\d{1,2}[./-][\dIVX]{1,4}[./-]\d{2,4})\s+"
    rf"(?P<name>(?:[A-Z]\.\s?){{0,3}}{CAPITAL}[\w'’-]+)$"
)
# no sentence: no full stop, but for "a.i." ("Chargé d'affaires a.i.:")
_ROLE_LINE = re.compile(rf"^{_ROLE}(?:[^.]|\ba\.\s?i\.){{0,60}}$")
# an office and nothing else, of the words a name has too ("Second Secretary", "USSR
# Ambassador"): no signer's name
_ROLE_ALONE = re.compile(rf"^{_ROLE}$")


# The line that begins an enclosure, alone: "Enclosure", "Attachment No. 1", "ANNEX 2"
_ENCLOSURE_MARK = re.compile(
    r"^(?i:enclosure|attachment|annex|appendix)(?:\s+(?:No\.?\s*)?(?:\d{1,2}|[IVX]{1,4}))?[.:]?$"
)
# What a block of the text before an enclosure's mark is at least: a sentence, not the
# opening lines of a page that is itself an attachment ("Top secret" / "Attachment 1")
_WORDS_OF_A_SENTENCE = 8


def structure(
    lines: list[Field], anchor_year: int | None, is_place: Callable[[str], bool] | None = None
) -> Body:
    """The document's parts; `is_place` tells a place's name alone ("Pyongyang") from
    other short lines (without it, no line is taken for one: see `_dateline_with_place`)."""
    blocks, notes = _split_notes(_raw_blocks(lines))
    document, *enclosures = _enclosed(blocks)
    body = _document(document, anchor_year, is_place=is_place)
    body.notes = notes
    for mark, *enclosed in enclosures:
        mark.kind = "head"
        # what follows an enclosure of a signed document may say where the copies went,
        # with no signature of the enclosure's own above it
        enclosure = _document(enclosed, anchor_year, bool(body.closer), is_place)
        body.enclosures.append(Enclosure(mark, enclosure))
        body.speakers |= body.enclosures[-1].body.speakers
    return body


def _enclosed(blocks: list[Block]) -> list[list[Block]]:
    """The document's blocks, then each enclosure's, its mark first: split at each line that
    is an enclosure's mark alone, with text above it and some below."""
    parts: list[list[Block]] = [[]]
    text_above = False
    for index, block in enumerate(blocks):
        if (
            text_above
            and len(block.text) < 30  # a mark's few words, looked at first
            and index < len(blocks) - 1
            and _ENCLOSURE_MARK.match(block.text)
            and not _ENCLOSURE_MARK.match(blocks[index + 1].text)
        ):
            parts.append([])
        if not text_above:
            text_above = len(block.text.split()) >= _WORDS_OF_A_SENTENCE
        parts[-1].append(block)
    return parts


def _document(
    blocks: list[Block],
    anchor_year: int | None,
    signed: bool = False,
    is_place: Callable[[str], bool] | None = None,
) -> Body:
    """The opener, text, closer and postscript of a document's (or an enclosure's) blocks;
    `signed`: an enclosure of a signed document, whose postscript needs no signature above."""
    opener: list[Block] = []
    index = 0  # of the first block after the opener
    while index < len(blocks):
        block = blocks[index]
        previous = opener[-1] if opener else None
        if _heading_goes_on(previous, block):
            # "From the journal of" / "V. P. MOSKOVSKY" below a blank line: one heading
            _append(previous.paragraph, block, Break.LINE)  # type: ignore[union-attr]
            index += 1
            continue
        if is_place and previous and _dateline_with_place(previous, block, anchor_year, is_place):
            index += 1  # "July 30, 1964" / "Pyongyang": one dateline over two lines
            continue
        if (
            _SECTION_NUMBER.match(block.text)
            or block.kind == "note"
            or _table_begins(blocks, index)
        ):
            # "I. The Caribbean crisis": the first section begins the text; a note or a
            # table too ("Table 1. Output …" over its rows)
            break
        parts = _lines_of(block)
        if len(parts) > 1:
            # opening lines copied without blank lines between them ("TOP SECRET" / "Copy
            # No. 2"): each its own line, as with blank lines; never a heading made so. A
            # heading over two lines ("Note" / "on a Conversation with …") is one heading.
            if not _opening_lines(parts, previous, anchor_year):
                if _is_long_heading(parts, anchor_year) and index < len(blocks) - 1:
                    block.kind = "head"
                    parts = [block]
                elif not _headed_lines(parts, anchor_year):
                    headed = _heading_over_opening_lines(block, parts, anchor_year)
                    if headed is None:
                        if over_text := _heading_over_text(block, parts):
                            # the heading opens the text, whose first paragraph follows
                            blocks = [*blocks[:index], *over_text, *blocks[index + 1 :]]
                            opener.append(over_text[0])
                            index += 1
                        break
                    parts = headed
        elif not (
            # a place alone: not a heading; the next of the copies' list
            _continues(block, previous, ("issuer", "classification"))
            # an address goes on below a blank line after a comma ("To Comrade Foreign
            # Minister János Péter," / "Budapest"), with its place alone ("Comrade N.
            # S. Khrushchev" / "Moscow") and with the person under their offices ("Chairman
            # of the Council of Ministers of the USSR" / "Comrade N. S. Khrushchev")
            or (
                _kind(previous) == "addressee"
                and (
                    previous.text.endswith(",")  # type: ignore[union-attr]
                    or _is_place(block.text)
                    or _ADDRESSED_PERSON.match(block.text) is not None
                )
                and _opening_lines([block], previous, anchor_year)
            )
            or _classify_opener(block, anchor_year, is_last=index == len(blocks) - 1)
        ):
            break
        if previous is not None and previous.kind == "head":
            _is_destination(previous, parts[0])  # "PRAGUE" / "FROM PYONGYANG": no heading
        if parts[0].kind == "head" and len(parts) == 1:
            _is_destination_below(parts[0], opener)  # "From PYONGYANG" / "MOSCOW, CC CPSU"
        opener += parts
        index += 1
    opener = _subject_lines_joined(opener)
    for block in opener[1:]:
        # a destination with its office's initials over where it comes from, lines between
        # ("MOSCOW – MFA USSR" / "SPECIAL No. 123" / "FROM PYONGYANG"): no heading either
        office = _DESTINATION_OFFICE.split(block.text, maxsplit=1)[1:]
        if block.kind == "head" and office and _ACRONYMS.match(office[0]):
            _is_destination_below(block, opener)
    for block in opener:  # of the address lines, those that say who sends: "From: …"
        if block.kind == "addressee" and _SENDER.match(block.text):
            block.kind = "sender"
    if (
        opener
        and opener[-1].kind == "head"
        and index < len(blocks)
        and blocks[index].text[:1].islower()
    ):
        heading, below = opener[-1], blocks[index]
        if _subject_of(heading, below):
            # "Note" / "on the visit of …", a blank line between them in the copy: one
            # heading over two lines, as without the blank line
            _append(heading.paragraph, below, Break.LINE)
            index += 1
        elif heading is blocks[index - 1]:
            # no heading: its sentence goes on below (not a heading joined from the blocks
            # above, "comrade" / "of comrade": their text is one heading's now)
            opener.pop().kind = "p"
            index -= 1
    # the postscript's lines are lines: split off before sentences are joined
    rest, postscript = _split_postscript(
        _page_numbers(_labelled_lines(blocks[index:])), anchor_year, signed
    )
    rest, address = _address_below(rest)
    rest = _closing_lines(_join_split_sentences(rest), anchor_year)
    rest, columns = _signature_columns(rest, anchor_year)
    closer_count = columns or _closer_count(rest, anchor_year)
    closer = rest[len(rest) - closer_count :] if closer_count else []
    if closer:
        for line in (line for block in address for line in _lines_of(block)):
            line.kind = "addressee"
            closer.append(line)
    else:  # no signature above it: no letter's address either
        rest += address
    main = _table_captions(rest[: len(rest) - closer_count])
    journal = _entries(opener, main, anchor_year)
    if journal:
        opener, nodes = journal
    elif headed := _headed_sections(opener, main):
        opener, nodes = headed
    else:
        nodes = _sections(main)
    return Body(opener, nodes, closer, [], _distribution(_lists(postscript)), _speakers(main))


# The first line of the address a letter gives under its signature, as Russian letters place
# it: "To Comrade PAK SEONG-CHEOL", "To the Minister of …"
_ADDRESS_BELOW = re.compile(r"^To\s+[A-Z][^.!?;:]{0,80}$")
_ADDRESS_LINES = 6  # at most: the addressee, the office, the place


def _address_below(blocks: list[Block]) -> tuple[list[Block], list[Block]]:
    """The blocks, and the last ones when they are such an address ("To Comrade PAK
    SEONG-CHEOL" / "Minister of Foreign Affairs of the DPRK" / "Pyongyang"): short lines, no
    sentence among them. Only under a signature are they an address (see `_document`)."""
    for start in range(len(blocks) - 1, max(len(blocks) - _ADDRESS_LINES, 1) - 1, -1):
        if not _ADDRESS_BELOW.match(blocks[start].text.partition("\n")[0]):
            continue
        lines = [line for block in blocks[start:] for line in block.text.split("\n")]
        if len(lines) <= _ADDRESS_LINES and all(
            len(line) <= _LIST_LINE_LENGTH and not line.endswith((".", "!", "?")) for line in lines
        ):
            return blocks[:start], blocks[start:]
        break
    return blocks, []


# A table's caption, on the line over its first row: "Table: Rallies held, 25-27 October
# 1962", "Table 2. Soviet deliveries"
_TABLE_CAPTION = re.compile(
    r"^(?:Table|Tab\.)(?:\s+(?:No\.?\s*)?(?:\d{1,2}|[IVX]{1,4}))?(?:\s*[.:–-]\s+\S.{0,150}|[.:]?)$"
)


def _table_begins(blocks: list[Block], index: int) -> bool:
    """Whether a table begins at `index`: its first row, or its caption over it."""
    block = blocks[index]
    return bool(block.cells) or (
        _TABLE_CAPTION.match(block.text) is not None
        and index + 1 < len(blocks)
        and bool(blocks[index + 1].cells)
    )


def _table_captions(blocks: list[Block]) -> list[Block]:
    """The blocks, a table's caption on the line over its first row made its heading."""
    for block, below in itertools.pairwise(blocks):
        if (
            below.cells
            and not block.cells
            and block.kind == "p"
            and "\n" not in block.text
            and _TABLE_CAPTION.match(block.text)
        ):
            block.kind = "table-head"
    return blocks


def _headed_sections(
    opener: list[Block], blocks: list[Block]
) -> tuple[list[Block], list[Block | ListNode | SectionNode]] | None:
    """Sections without numbers, each begun by a heading in capitals in a text in small
    letters ("ON THE ECONOMIC SITUATION" / … / "ON FOREIGN POLICY" / …), with text under
    each: the opener (without the first section's heading, when it ends with it under the
    document's own) and the text, the blocks before the first section as they are. None for
    a text without, or one in capitals throughout (a telegram's), whose lines stand out in
    nothing."""
    if _SECTION_NUMBER.match(" ".join(b.text for b in blocks[:1])) or not any(
        not b.text.isupper() for b in blocks
    ):
        return None
    starts = [i for i, block in enumerate(blocks) if _capital_heading(block)]
    below = opener[-1] if opener and opener[-1].kind == "head" else None
    under_title = (
        below is not None
        and _capital_heading(below)
        and sum(1 for b in opener if b.kind == "head") > 1
    )
    if len(starts) + under_title < 2 or any(
        following - index < 2 for index, following in itertools.pairwise([*starts, len(blocks)])
    ):
        return None  # a heading right under another, or with nothing under it
    nodes: list[Block | ListNode | SectionNode] = list(
        _lists(blocks[: starts[0]] if starts else [])
    )
    if under_title:
        assert below is not None
        opener = opener[:-1]
        nodes = [SectionNode("", below, _lists(blocks[: starts[0]] if starts else blocks))]
    for start, end in zip(starts, [*starts[1:], len(blocks)], strict=True):
        blocks[start].kind = "head"
        # its number, where it has one ("I. GENERAL ASSESSMENT" among headings without)
        number = match["num"] if (match := _SECTION_NUMBER.match(blocks[start].text)) else ""
        nodes.append(SectionNode(number, blocks[start], _lists(blocks[start + 1 : end])))
    return opener, nodes


def _capital_heading(block: Block) -> bool:
    """A heading of a few words in capitals, on a line of its own: "ON FOREIGN POLICY"."""
    text = block.text
    return (
        text.isupper()  # most blocks are not: looked at first
        and block.kind in ("p", "head")
        and "\n" not in text
        and 2 <= len(text.split()) <= 10
        and _is_heading(text)
    )


# The word a heading cannot end with: its line goes on below ("From the journal of")
_DANGLING_WORD = re.compile(r"\s(?i:of|by|from|with|to|for|on|the|and|between)$")


def _dateline_with_place(
    above: Block, below: Block, anchor_year: int | None, is_place: Callable[[str], bool]
) -> bool:
    """Whether a date alone and a place's name alone on the next line (as `is_place` knows
    places) are one dateline, the place under the date ("July 30, 1964" / "Pyongyang") or
    over it ("Pyongyang" / "July 30, 1964", the place then taken for a heading): if so,
    `above` becomes that dateline."""
    if "\n" in above.text or "\n" in below.text:
        return False
    if above.kind == "dateline" and above.date is not None and above.place is None:
        place, date = below, above.date
    elif above.kind == "head":
        probe = replace(below)  # the line's kind is given where the opener takes it
        if not (
            _classify_opener(probe, anchor_year, is_last=False)
            and probe.kind == "dateline"
            and probe.place is None
        ):
            return False
        place, date = above, probe.date
    else:
        return False
    if not is_place(place.text):
        return False
    place_name = place.text
    _append(above.paragraph, below, Break.HEADING_LINE)  # the original's own line
    above.kind, above.place, above.date = "dateline", place_name, date
    return True


def _heading_goes_on(heading: Block | None, below: Block) -> bool:
    """Whether `below`, one short line, ends a heading that stops on a word no heading ends
    with ("From the journal of" / "V. P. MOSKOVSKY"), or is a word or two in brackets that
    say what the heading heads ("POLITICAL LETTER" / … / "(excerpt)"), or the period it
    covers ("WEEKLY REVIEW No. 22/63" / "(25 May - 1 June 1963)")."""
    return (
        heading is not None
        and heading.kind == "head"
        and "\n" not in below.text
        and len(below.text) <= _LIST_LINE_LENGTH
        and (
            (
                _DANGLING_WORD.search(heading.text) is not None
                and not below.text.endswith((".", "!", "?", ":"))
            )
            or (
                _BRACKETED_LINE.match(below.text) is not None
                # "(excerpt)"; or the period it covers, "(25 May - 1 June 1963)"
                and (len(below.text.split()) <= 2 or parse_date(below.text[1:-1], None) is not None)
            )
        )
    )


def _subject_lines_joined(opener: list[Block]) -> list[Block]:
    """A short heading, and the line under it (below a blank line in the copy) that says
    what it is about, are one heading over two lines: "Note" / "on a conversation with …";
    so is a heading and the period it covers under it ("JOURNAL" / … / "for 4 to 11 March
    1963")."""
    joined: list[Block] = []
    for block in opener:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.kind == block.kind == "head"
            and (_subject_of(previous, block) or _PERIOD_LINE.match(block.text) is not None)
        ):
            _append(previous.paragraph, block, Break.LINE)
        else:
            joined.append(block)
    return joined


def _subject_of(heading: Block, below: Block) -> bool:
    """Whether `below` is the subject line of a heading of a few words: "Note" / "on the
    visit of …", "RECORD OF A CONVERSATION" / "with Chairman …"."""
    return (
        _word_count(heading.text) <= (5 if _KIND_FIRST.match(heading.text) else 3)
        and "\n" not in heading.text
        and _SUBJECT_LINE.match(below.text) is not None
        and _is_heading(f"{heading.text} {below.text}", words=40)
    )


def _entries(
    opener: list[Block], blocks: list[Block], anchor_year: int | None
) -> tuple[list[Block], list[Block | ListNode | EntryNode]] | None:
    """A journal's dated entries, when the text has two or more, each begun by a line that
    is a day's date and nothing else ("12 March 1963" / … / "13 March 1963" / …): the
    opener (without the first entry's date, when it ends with it) and the text, the blocks
    before the first entry as they are. None for a text with fewer."""
    dates = {i: date for i, block in enumerate(blocks) if (date := _entry_date(block, anchor_year))}
    first = _entry_date(opener[-1], anchor_year) if opener else None
    dated = opener[-1] if first else None
    if len(dates) + (dated is not None) < 2:
        return None
    if dated is not None:  # a heading too, when its year is left out ("16 December")
        dated.kind, dated.date = "dateline", first
    for start, date in dates.items():
        blocks[start].kind, blocks[start].date = "dateline", date
    starts = list(dates)
    ends = [*starts[1:], len(blocks)]
    before = list(_lists(blocks[: starts[0]]))
    if dated is not None:  # the opener's last line: the first entry's date
        opener, nodes = opener[:-1], [EntryNode(dated, before)]
    else:
        nodes = before
    for start, end in zip(starts, ends, strict=True):
        nodes.append(EntryNode(blocks[start], list(_lists(blocks[start + 1 : end]))))
    return opener, nodes


_DAYS_OF_AN_ENTRY = 7  # at most, from first to last: a longer span is no diary's entry


def _entry_date(block: Block, anchor_year: int | None) -> DateValue | None:
    """The day's date a block is and nothing else, or a few days', on a line of its own (a
    journal entry's; its year perhaps left out), or None."""
    if "\n" in block.text or len(block.text) > 40:
        return None
    if block.kind == "dateline":  # the opener's: its date alone, no place
        date = block.date if block.place is None and block.date else None
        if date is None or block.text != date.text:
            return None
    elif block.kind not in ("p", "head") or not (date := _entry_day(block.text, anchor_year)):
        return None
    if date.when:
        return date if len(date.when) == len("1963-03-12") else None
    # or a few days, an entry for each stay or talk that went on ("23–24 March 1963")
    days = [date.not_before or "", date.not_after or ""]
    if date.approximate or any(len(day) != len("1963-03-12") for day in days):
        return None
    first, last = (datetime.date.fromisoformat(day) for day in days)
    return date if (last - first).days <= _DAYS_OF_AN_ENTRY else None


def _entry_day(text: str, anchor_year: int | None) -> DateValue | None:
    """A date alone, or a day and month without the year ("16 December"), as a journal of
    one year dates its entries: the document's year, inferred."""
    if date := parse_date(text, anchor_year):
        return date
    if anchor_year is None or not (text[:1].isdigit() or WEEKDAY.match(text)):
        return None  # "16 December", "Thursday, 22 August"
    date = parse_date(f"{text} {anchor_year}", anchor_year)
    return replace(date, text=text, inferred=True) if date else None


def _speakers(blocks: list[Block]) -> frozenset[str]:
    """The labels that begin two paragraphs or more as a speaker's name does ("Chervonenko:
    We will inform Moscow."), and one that begins a paragraph next to such a turn (who speaks
    once in a conversation); not the labels of a form ("Time:", "Question:")."""
    labels = [
        match["label"]
        if (match := _SPEAKER.match(b.text))
        and match["label"].split()[-1].lower() not in _NO_SPEAKERS
        else None
        for b in blocks
    ]
    speakers = {label for label, count in Counter(labels).items() if label and count >= 2}
    once = {
        label
        for index, label in enumerate(labels)
        if label
        and label not in speakers
        and speakers.intersection(labels[max(0, index - 1) : index] + labels[index + 1 : index + 2])
    }
    return frozenset(speakers | once)


def _sections(blocks: list[Block]) -> list[Block | ListNode | SectionNode]:
    """Numbered sections ("I.", "II. Trade"), when the text has them in order from "I.",
    each perhaps with parts numbered in figures ("II. Soviet-Korean relations" / "1.
    Political contacts" / … / "2. Economic ties"); else sections numbered in figures (see
    `_figured_sections`). The paragraphs before the first stay outside. Each section's lists
    are its own."""
    starts = _section_starts(blocks, _SECTION_NUMBER, _ROMAN.get)
    if len(starts) >= 2 or (len(starts) == 1 and _titled_over_text(blocks, starts[0][0])):
        # "I. Economic questions" over the text, no "II." after it: a section still
        return _numbered_sections(blocks, starts, _figured_sections)
    return _figured_sections(blocks)


def _figured_sections(blocks: list[Block]) -> list[Block | ListNode | SectionNode]:
    """Sections numbered in figures, each with a title ("1. On the Seven-Year Plan") and text
    below it before the next (else they are a list's items); or, with none, the blocks'
    paragraphs and lists."""
    starts = _section_starts(blocks, _FIGURED_SECTION, int)
    indexes = [index for index, _ in starts] + [len(blocks)]
    if len(starts) < 2 or any(
        following - index < 2 for index, following in itertools.pairwise(indexes)
    ):
        return list(_lists(blocks))  # none, or a heading right under another: a list's items
    return _numbered_sections(blocks, starts, _lists)


def _numbered_sections(
    blocks: list[Block],
    starts: list[tuple[int, str]],
    parts: Callable[[list[Block]], Iterable[Block | ListNode | SectionNode]],
) -> list[Block | ListNode | SectionNode]:
    """The sections that begin at `starts` (each heading's index and number), their content
    made into `parts`; the paragraphs before the first outside, and a part that closes the
    text after the last ("Conclusions") a section of its own."""
    result: list[Block | ListNode | SectionNode] = list(_lists(blocks[: starts[0][0]]))
    ends = [index for index, _ in starts[1:]] + [len(blocks)]
    for (start, number), end in zip(starts, ends, strict=True):
        head = blocks[start]
        head.kind = "head"
        content = blocks[start + 1 : end]
        if head.text == f"{number}." and content and _is_heading(content[0].text):
            content[0].kind = "head"  # its title on a line of its own: "I." / "Trade"
        closing = _closing_part(content) if end == len(blocks) else None
        result.append(SectionNode(number, head, list(parts(content[:closing]))))
        if closing is not None:  # "Conclusions" / … after the last numbered section
            content[closing].kind = "head"
            result.append(SectionNode("", content[closing], _lists(content[closing + 1 :])))
    return result


# A title of a part in a few capitalised words, small connectives between: "Conclusions",
# "Conclusions and Proposals", "CONCLUSIONS"
_PART_TITLE = re.compile(rf"^{CAPITAL}\w+(?:\s(?:and|of|on|for|the|{CAPITAL}\w+)){{0,3}}$")


def _closing_part(content: list[Block]) -> int | None:
    """Where, in the last numbered section, an unnumbered part that closes the text begins:
    a line that is a title of a few words ("Conclusions", "Proposals"), with text above it
    in the section and below it. None where there is none."""
    for index in range(1, len(content) - 1):
        block = content[index]
        if (
            block.kind == "p"
            and "\n" not in block.text
            and _PART_TITLE.match(block.text)
            and _is_heading(block.text)
            and content[index + 1].kind == "p"
            and len(content[index + 1].text.split()) >= _WORDS_OF_A_SENTENCE
        ):
            return index
    return None


def _titled_over_text(blocks: list[Block], index: int) -> bool:
    """Whether the heading numbered "I." at `index` has a title of some words, not a name's
    ("I. V. Kovalev"), and a sentence under it."""
    match = _SECTION_NUMBER.match(blocks[index].text)
    title = (match["title"] or "") if match else ""
    return (
        len(title.split()) >= 2
        and not re.match(r"[A-Z]\.", title)
        and index + 1 < len(blocks)
        and len(blocks[index + 1].text.split()) >= _WORDS_OF_A_SENTENCE
    )


def _section_starts(
    blocks: list[Block], pattern: re.Pattern[str], value: Callable[[str], int | None]
) -> list[tuple[int, str]]:
    """The index and number of each section's heading, numbered in order from 1."""
    starts: list[tuple[int, str]] = []
    for index, block in enumerate(blocks):
        match = pattern.match(block.text)
        if (
            match
            and value(match["num"]) == len(starts) + 1
            and (match["title"] is None or _is_heading(match["title"]))
        ):
            starts.append((index, match["num"]))
    return starts


def _split_postscript(
    blocks: list[Block], anchor_year: int | None, signed: bool = False
) -> tuple[list[Block], list[Block]]:
    """The text and what follows its signature: a distribution list of short lines at the
    end, which begins with "Distribution list:", "Sent to: …" and the like, or a paragraph
    marked "P.S." (a distribution list may follow it). Only after a signature, or at the end
    of an enclosure of a signed document (`signed`): elsewhere such lines stay text."""
    for start in range(len(blocks) - 1, max(len(blocks) - 12, 1) - 1, -1):
        if (
            not _PS.match(blocks[start].text)
            and not (
                _DISTRIBUTION.match(blocks[start].text.split("\n", 1)[0])
                # short lines: a paragraph of text is no list of names
                and all(len(line) <= 120 for b in blocks[start:] for line in b.text.split("\n"))
            )
        ):
            continue
        trial = [replace(block) for block in blocks[:start]]  # the count gives blocks kinds
        if signed or _closer_count(_closing_lines(trial, anchor_year), anchor_year):
            return blocks[:start], _distribution_lines(blocks[start:])
    return blocks, []


def _distribution_lines(blocks: list[Block]) -> list[Block]:
    """The postscript, a block for each line of its distribution list ("Distribution:" / "1
    copy – Comrade Minister" / …): a list's short lines are the original's, not breaks the
    copy made. A paragraph marked "P.S." above the list stays whole."""
    listed = False
    result: list[Block] = []
    for block in blocks:
        listed = listed or _DISTRIBUTION.match(block.text.split("\n", 1)[0]) is not None
        result += _lines_of(block) if listed else [block]
    return result


def _labelled_lines(blocks: list[Block]) -> list[Block]:
    """A block whose every line begins with a label and a colon (one may be the document's
    number), or is a table's row ("Cotton – 15,000 t"), is its lines, each a block: a
    record's fields ("Time: …" / "Location: …"), a telegram's ("Sender: …" / "No. 76.215"),
    the turns of a conversation ("Zhou: …" / "Chervonenko: …") or a table's rows, copied
    without blank lines between them, whose line breaks are the original's, not the copy's
    damage."""
    result: list[Block] = []
    for block in blocks:
        parts = _lines_of(block)
        lines = [part.text for part in parts]
        if len(lines) > 1 and (
            all(_DASHED_FIELD.match(line) for line in lines)
            or (
                any(_LABELLED.match(line) for line in lines)
                and all(_LABELLED.match(line) or _REGISTRY.match(line) for line in lines)
            )
        ):
            result += parts
        else:
            result.append(block)
    return result


def _lines_of(block: Block) -> list[Block]:
    """A block of lines the copy broke (nothing else repaired in it), a block for each line;
    any other block, itself."""
    if "\n" not in block.text or any(kind is not Break.LINE for _, kind in block.paragraph.breaks):
        return [block]
    return [Block(Paragraph(text), block.line + n) for n, text in enumerate(block.text.split("\n"))]


def _closing_lines(blocks: list[Block], anchor_year: int | None) -> list[Block]:
    """The blocks, the last one or two (before any notation in brackets) split into their
    lines when each of them closes the text: a signature copied without blank lines
    ("Ambassador of the USSR" / "(signed) V. Moskovsky"), perhaps over a place and date of
    its own ("Chairman of the Cabinet …" / "Kim Il Sung", then "Pyongyang, 2 July 1963")."""
    end = len(blocks)
    while end > 1 and (
        _is_remark(blocks[end - 1].text) or _RESPONSIBILITY.match(blocks[end - 1].text)
    ):
        end -= 1  # a notation after the signature, or who wrote or typed the document
    for count in (2, 1):  # the longest closing run first
        start = end - count
        if start < 0:
            break
        parts = [part for block in blocks[start:end] for part in _lines_closing(block, anchor_year)]
        if len(parts) == count:
            continue  # no block of them has lines of its own
        if split := _closing_trial(blocks, start, end, parts, len(parts), anchor_year):
            return split
    return _signature_under_text(blocks, end, anchor_year)


def _closing_trial(
    blocks: list[Block],
    start: int,
    end: int,
    parts: list[Block],
    closing: int,
    anchor_year: int | None,
) -> list[Block] | None:
    """`blocks` with those from `start` to `end` split into `parts`, when the last `closing`
    parts and the blocks after them close the text; else None. Tried on copies: the count
    gives blocks their kinds, and a trial may fail."""
    split = [replace(b) for b in blocks[:start]] + parts + [replace(b) for b in blocks[end:]]
    return split if _closer_count(split, anchor_year) >= closing + len(blocks) - end else None


# The end of a sentence a signature may stand under, with no blank line between them
_SENTENCE_END = re.compile(r"[.!?][\"”»)]?$")
_SIGNATURE_LINES = 4  # at most: a name, an office or two, a place and date


def _signature_under_text(blocks: list[Block], end: int, anchor_year: int | None) -> list[Block]:
    """The blocks, the signature split off the last paragraph (before `end`) where the copy
    lost the blank line between them: the last lines of the block that close the text, under
    a line that ends a sentence ("… of the Korean workers." / "József Kovács" /
    "ambassador")."""
    last = blocks[end - 1] if end else None
    if last is None or "\n" not in last.text or last.cells is not None:
        return blocks
    lines = last.text.split("\n")
    for count in range(min(len(lines) - 1, _SIGNATURE_LINES), 0, -1):  # the longest first
        if not _SENTENCE_END.search(lines[-count - 1]):
            continue
        first = len(lines) - count
        parts = _split_at_lines(last, [0, *range(first, len(lines))])
        if split := _closing_trial(blocks, end - 1, end, parts, count, anchor_year):
            return split
    return blocks


def _signature_columns(blocks: list[Block], anchor_year: int | None) -> tuple[list[Block], int]:
    """Signatures set side by side, a copy's spaces aligning them ("Ambassador      First
    Secretary" / "Moravec      J. Kuchař"): the text's last rows, two or more, read down each
    column, when each column closes the text on its own; the blocks (and how many of them,
    at their end, are the closer's lines), the rows unread when they are no signatures."""
    start = len(blocks)
    width = len(blocks[-1].cells or ()) if blocks else 0
    while start > 1 and len(blocks[start - 1].cells or ()) == width >= 2:
        start -= 1
    if len(blocks) - start < 2:
        return blocks, 0
    lines: list[Block] = []
    for column in range(width):
        cells = [Block(Paragraph(row.cells[column]), row.line) for row in blocks[start:]]  # type: ignore[index]
        # on copies: the count gives blocks their kinds, and a trial may fail
        trial = [replace(b) for b in blocks[:start]] + cells
        if _closer_count(trial, anchor_year) != len(cells):
            return blocks, 0
        lines += cells
    return blocks[:start] + lines, len(lines)


def _lines_closing(block: Block, anchor_year: int | None) -> list[Block]:
    """A block's lines, or a telegram's last line as its date and its signer."""
    parts = _lines_of(block)
    return _date_and_signer(parts[0], anchor_year) if len(parts) == 1 else parts


def _date_and_signer(block: Block, anchor_year: int | None) -> list[Block]:
    """A telegram's last line, its date and then its signer ("3.III.64 MOSKOVSKY"): a block
    for each; any other block, itself."""
    match = _DATE_AND_NAME.match(block.text)
    if not match or block.paragraph.breaks or parse_date(match["date"], anchor_year) is None:
        return [block]
    return [
        Block(Paragraph(match["date"]), block.line),
        Block(Paragraph(match["name"]), block.line),
    ]


def _split_notes(blocks: list[Block]) -> tuple[list[Block], list[Block]]:
    """The text's blocks and its notes: the blocks at its end that each begin with a number in
    brackets that the text before them refers to, with the heading over them if there is one.
    Anything else at the end (a number the text never refers to, a paragraph after the notes)
    means no notes there: the blocks stay text. Notes where a page's foot put them, above the
    signature or between paragraphs, stay in their place (see `_foot_notes`)."""
    start = len(blocks)
    while start > 0 and NOTE_LABEL.match(blocks[start - 1].text):
        start -= 1
    # what the text refers to, read only where a run of numbered blocks ends it: most have none
    numbers = (
        _note_numbers(blocks[start:], _referred(blocks[:start]))
        if 0 < start < len(blocks)
        else None
    )
    if numbers is None:
        return _foot_notes(blocks), []
    notes = blocks[start:]
    for note, number in zip(notes, numbers, strict=True):
        _make_note(note, number)
    if start > 1 and NOTES_HEADING.match(blocks[start - 1].text):
        start -= 1  # "Notes" over them: their heading, not the text's last line
        blocks[start].kind = "head"
        notes.insert(0, blocks[start])
    return _foot_notes(blocks[:start]), notes


def _foot_notes(blocks: list[Block]) -> list[Block]:
    """`blocks`, where each run of blocks numbered in brackets ("[1] According to …") or marked
    with asterisks ("* Moskovsky told this …") that the text above it refers to, before more
    text, is made notes in their place: as a PDF export prints the notes at a page's foot,
    above the signature or between two paragraphs. A run in which two blocks have the same
    asterisks is a list, each asterisk a bullet."""
    if not any(block.text.startswith(("[", "*", *SUPERSCRIPTS)) for block in blocks):
        return blocks  # no note's mark begins a block: most texts
    referred: set[str] = set()
    index = 0
    while index < len(blocks):
        labels = []
        while index + len(labels) < len(blocks) and (
            label := NOTE_LABEL.match(blocks[index + len(labels)].text)
        ):
            labels.append(label["num"] or label["stars"])
        stars = [label for label in labels if label.startswith("*")]
        if len(set(stars)) < len(stars):  # bullets: text, which may refer to notes below
            referred |= _referred(blocks[index : index + len(labels)])
            index += len(labels)
            continue
        index = _notes_of_run(blocks, index, labels, referred)
    return blocks


def _notes_of_run(blocks: list[Block], index: int, numbers: list[str], referred: set[str]) -> int:
    """Where the blocks after `index` numbered `numbers` end: made notes from the first block
    whose number, and each after it, the text before it refers to (`referred`, which the text
    of the others adds to). The numbers not yet referred to are counted, not looked for again
    at each block, so that a run of thousands of them takes no quadratic time."""
    unreferred = Counter(number for number in numbers if number not in referred)
    for offset, number in enumerate(numbers):
        if not unreferred:
            run = blocks[index + offset : index + len(numbers)]
            for note, note_number in zip(run, numbers[offset:], strict=True):
                _make_note(note, note_number)
            return index + len(numbers)
        for reference in _referred(blocks[index + offset : index + offset + 1]) - referred:
            referred.add(reference)
            unreferred.pop(reference, None)
        if unreferred[number] > 1:
            unreferred[number] -= 1
        else:
            unreferred.pop(number, None)
    if not numbers:  # no run here: the block is text, and may refer to notes below
        referred |= _referred(blocks[index : index + 1])
        return index + 1
    return index + len(numbers)


def _referred(blocks: list[Block]) -> set[str]:
    """The numbers of the notes `blocks` refer to ("Pyongyang.[1]", "months.*")."""
    return {
        match["num"]
        for block in blocks
        for pattern in (
            NOTE_REFERENCE,
            SPACED_NOTE_REFERENCE,
            STAR_REFERENCE,
            SUPERSCRIPT_REFERENCE,
        )
        for match in pattern.finditer(block.text)
    }


def _note_numbers(run: list[Block], referred: set[str]) -> list[str] | None:
    """The printed numbers of a run of notes, or None when the text refers to some not."""
    if not run:
        return None
    labels = [NOTE_LABEL.match(note.text) for note in run]
    numbers = [label["num"] or label["stars"] for label in labels]  # type: ignore[index]
    return numbers if set(numbers) <= referred else None


def _make_note(block: Block, number: str) -> None:
    block.kind = "note"
    _strip_label(block, NOTE_LABEL)
    block.number = number


def _raw_blocks(lines: list[Field]) -> list[Block]:
    """Group lines at blank lines; join a block's lines, marking each repaired break."""
    blocks: list[Block] = []
    current: Block | None = None
    aligned = _aligned_rows(lines)
    for index, line in enumerate(lines):
        text = " ".join(line.text.split())
        if not text:
            current = None
            continue
        # a list item begins a block, and so do a translator's note ("[2] The articles …")
        # and a table's row, its columns set apart by tabs ("Oil<TAB>250"): its line break is
        # the original's; so is the break under a row (its cells hold no more lines)
        if (
            current is None
            or current.cells is not None
            or _LIST_MARKER.match(text)
            or NOTE_LABEL.match(text)
            or "\t" in line.text.strip()
            or index in aligned
        ):
            cells = aligned[index] if index in aligned else _cells(line.text)
            current = Block(Paragraph(text), line.line, cells=cells)
            blocks.append(current)
            continue
        paragraph = current.paragraph
        if paragraph.text[-1:].isdigit() and _ORDINAL_START.match(text):
            paragraph.breaks.append((len(paragraph.text), Break.ORDINAL))
            paragraph.text += text
        elif _broken_word(paragraph.text, text):
            # a word the copy broke after its hyphen, "Soviet-" / "Korean": one word again
            paragraph.breaks.append((len(paragraph.text), Break.HYPHEN))
            paragraph.text += text
        else:
            paragraph.text += "\n"
            paragraph.breaks.append((len(paragraph.text), Break.LINE))
            paragraph.text += text
    lost = lost_blank_lines(lines)
    return [part for block in blocks for part in _paragraphs_run_together(block, lost)]


# What a line that ends a paragraph ends with: a sentence's end, or a quotation's or bracket's
_PARAGRAPH_END = re.compile(r"[.!?:;\"”»)\]]$")


def _paragraphs_run_together(block: Block, text_lost_them: bool = False) -> list[Block]:
    """The paragraphs of a block that a copy ran together, losing the blank lines between
    them: a block for each where the block has two lines longer than a copy wraps at (see
    `runs_paragraphs_together`), or where the whole text lost them (`text_lost_them`), split
    where a line ends its sentence, or a shorter line stands over one that does not go on in
    small letters. Any other block, itself."""
    if "\n" not in block.text or block.cells is not None:
        return [block]
    lines = block.text.split("\n")
    if not text_lost_them and not runs_paragraphs_together(lines):
        return [block]
    starts = [0]
    for index, (above, line) in enumerate(itertools.pairwise(lines), start=1):
        if _PARAGRAPH_END.search(above) or (
            # a line no longer than a copy wraps at, and no sentence cut: a paragraph of its
            # own over one that begins as a sentence does, not in small letters (a dateline
            # or a subject over the text), or under a classification ("Top secret")
            len(above) <= UNWRAPPED_LINE
            and (not line[:1].islower() or _CLASSIFICATION.match(above) is not None)
            and not _ends_cut(above)
        ):
            starts.append(index)
    return _split_at_lines(block, starts) if len(starts) > 1 else [block]


def _split_at_lines(block: Block, starts: list[int]) -> list[Block]:
    """A block for each run of `block`'s lines, beginning at the lines numbered in `starts`
    (the first 0), each with the repaired breaks inside it."""
    offsets = [0]
    for line in block.text.split("\n")[:-1]:
        offsets.append(offsets[-1] + len(line) + 1)
    bounds = [offsets[index] for index in starts] + [len(block.text) + 1]
    parts: list[Block] = []
    for index, start, end in zip(starts, bounds, bounds[1:], strict=False):
        breaks = [(at - start, kind) for at, kind in block.paragraph.breaks if start < at < end]
        paragraph = Paragraph(block.text[start : end - 1], breaks)
        parts.append(Block(paragraph, block.line + index))
    return parts


# Columns set apart by spaces, as a copy of a table's page aligns them: two spaces or more
_SPACES_BETWEEN_COLUMNS = re.compile(r" {2,}")
_WORDS_OF_A_CELL = 6  # at most: more is a sentence with two spaces in it


def _aligned_rows(lines: list[Field]) -> dict[int, list[str]]:
    """The rows of tables whose columns spaces set apart: two lines or more one under the
    other, each split by runs of spaces into the same number of cells, two or more, each of
    a few words (by index in `lines`: the row's cells)."""
    rows: dict[int, list[str]] = {}
    run: list[tuple[int, list[str]]] = []
    for index, line in enumerate([*lines, None]):
        cells = _aligned_cells(line.text) if line is not None else None
        if cells and run and len(run[0][1]) == len(cells):
            run.append((index, cells))
            continue
        if len(run) > 1:
            rows.update(run)
        run = [(index, cells)] if cells else []
    return rows


def _aligned_cells(line: str) -> list[str] | None:
    """A line's cells where runs of spaces set two or more apart, each of a few words."""
    line = line.strip()
    if "  " not in line or "\t" in line:  # most lines: no run of spaces, no row
        return None
    cells = _SPACES_BETWEEN_COLUMNS.split(line)
    if len(cells) < 2 or any(len(cell.split()) > _WORDS_OF_A_CELL for cell in cells):
        return None
    return cells


def _cells(line: str) -> list[str] | None:
    """A table row's cells, where tabs set two or more apart ("Coal<TAB>100%<TAB>91%"), each
    with its spaces normalised; None for any other line."""
    if "\t" not in line.strip():
        return None
    cells = [" ".join(cell.split()) for cell in line.strip().split("\t") if cell.strip()]
    return cells if len(cells) > 1 else None


def _page_numbers(blocks: list[Block]) -> list[Block]:
    """Mark the lines that number the original's pages (kind "page") and those that break
    the text into parts ("* * *": kind "break"); before the joins, so that no sentence is
    joined to either."""
    for block in blocks:
        if match := _PAGE_NUMBER.match(block.text):
            block.kind, block.page = "page", match["dashed"] or match["bracketed"]
        elif _SECTION_BREAK.match(block.text):
            block.kind = "break"
    return blocks


def _join_split_sentences(blocks: list[Block]) -> list[Block]:
    """A block that stops mid-sentence and a next one that starts in lower case are one; so
    are they with the original's page number between them ("… the delivery of" / "- 2 -" /
    "the second turbine …"): the page begins inside the sentence."""
    joined: list[Block] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        previous = joined[-1] if joined else None
        unfinished = (  # a table's row is a line of the original: it never runs on
            previous is not None
            and previous.kind == "p"
            and previous.cells is None
            and not previous.text.endswith(_TERMINAL)
        )
        cut = unfinished and _ends_cut(previous.text)  # type: ignore[union-attr]
        page_inside = (
            unfinished
            and block.kind == "page"
            and index + 1 < len(blocks)
            and _continues_sentence(blocks[index + 1], cut)
        )
        if page_inside or (
            unfinished
            and _continues_sentence(block, cut)
            and not _signer_and_office(previous, block)  # type: ignore[arg-type]
            # "CIPHERGRAM No. 2455" / "from Pyongyang, dispatched on 04.01.1963 at 15:00"
            and not _TRANSMISSION.match(block.text.partition("\n")[0])
        ):
            paragraph = previous.paragraph  # type: ignore[union-attr]
            if page_inside:  # the page's number, then the sentence goes on
                _append(paragraph, block, Break.PAGE)
                index += 1
                paragraph.text += "\n"
                _append(paragraph, blocks[index], None)
            elif _broken_word(paragraph.text, block.text):
                # "… the Yugoslav leader-" / "ship. Hao Deqing …", the page's foot between
                # them in the copy: one word again, as across a line's end
                paragraph.breaks.append((len(paragraph.text), Break.HYPHEN))
                _append(paragraph, block, None)
            else:
                _append(paragraph, block, Break.PARAGRAPH)
        else:
            joined.append(block)
        index += 1
    return joined


def _broken_word(text: str, below: str) -> bool:
    """Whether `text` ends with a word broken after its hyphen that `below` goes on with."""
    return text[-1:] == "-" and text[-2:-1].isalpha() and below[:1].isalpha()


def _signer_and_office(name: Block, below: Block) -> bool:
    """ "József Kovács" / "ambassador": a signature over its office, no sentence going on."""
    return _ROLE_LINE.match(below.text) is not None and _is_name_line(name.text)


def _continues_sentence(block: Block, cut: bool = False) -> bool:
    """Whether `block` is the rest of a sentence cut above it: it goes on in small letters,
    or, after a word no sentence ends with (`cut`: "He added that the" / "Soviet side …"),
    with a capital."""
    return (
        block.kind == "p"
        and block.cells is None  # a table's row begins no sentence's rest
        and (block.text[:1].islower() or (cut and block.text[:1].isupper()))
        and not _LIST_MARKER.match(block.text)
        # "s.k." under the signer's office, "gez. Schneidewind" under "Enclosure: 1 table"
        and not _SIGNING_MARK_FIRST.match(block.text)
    )


# The words a sentence cannot end with, which a name may follow, in small letters: a
# paragraph that ends with one was cut, and goes on with a capital ("He added that the" /
# "Soviet side would not publish it."). Not "to" or "and", which a sentence of its own may
# follow when a copy lost the words between ("He asked me to" / "Send wheat.").
_CUT_WORD = re.compile(r"\s(?:the|a|an|of|with|by|from|between)$")
_CUT_WORD_REACH = len(" between\n")  # the most characters before the end it can match


def _ends_cut(text: str) -> bool:
    # searched in the text's last characters, not the whole of a paragraph joined so far
    return _CUT_WORD.search(text, max(0, len(text) - _CUT_WORD_REACH)) is not None


def _append(paragraph: Paragraph, block: Block, joint: Break | None) -> None:
    """Append `block`'s text to `paragraph`: on a line of its own with `joint` marking where,
    or, without, right after what `paragraph` ends with."""
    if joint is not None:
        paragraph.text += "\n"
        paragraph.breaks.append((len(paragraph.text), joint))
    offset = len(paragraph.text)
    paragraph.breaks += [(offset + at, kind) for at, kind in block.paragraph.breaks]
    paragraph.text += block.text


# The opening lines a line of an opener's block may continue (see `_continues`)
_CONTINUED_KINDS = ("issuer", "addressee", "classification", "transmission")


def _opening_lines(parts: list[Block], previous: Block | None, anchor_year: int | None) -> bool:
    """Whether every line of a block is an opening line other than a heading (giving each
    its kind): a line of its own kind ("URGENT"), else one that continues the line above it
    (see `_continues`)."""
    for position, part in enumerate(parts):
        own = _classify_opener(part, anchor_year, is_last=False) and part.kind != "head"
        # under an address, an office's name is the addressee's ("To the" / "Ministry of …")
        if own and part.kind == "issuer" and _kind(previous) == "addressee":
            own = False
        following = parts[position + 1] if position + 1 < len(parts) else None
        if not (
            own or _continues(part, previous, _CONTINUED_KINDS) or _is_destination(part, following)
        ):
            return False
        previous = part
    return True


def _is_destination_below(block: Block, opener: list[Block]) -> bool:
    """Whether a line in capitals is a telegram's destination below where it comes from
    ("From PYONGYANG" / "Special No. 41" / "MOSCOW, CC CPSU"): a place, perhaps with the
    office it goes to after a comma or a dash; or, below a dateline that names the place it
    comes from, a place and the office in letters ("Pyongyang, 12 July 1963" / "MOSCOW, MFA
    USSR"). Making it an address line."""
    place, *office = _DESTINATION_OFFICE.split(block.text, maxsplit=1)
    found = (
        block.text.isupper()
        and _is_place(place)
        and not _DOCUMENT_KIND.search(block.text)
        and any(
            _is_origin(line)
            if line.kind == "addressee"
            else line.kind == "dateline" and line.place and office and _ACRONYMS.match(office[0])
            for line in opener
        )
    )
    if found:
        block.kind = "addressee"
    return found


def _heading_over_opening_lines(
    block: Block, parts: list[Block], anchor_year: int | None
) -> list[Block] | None:
    """A heading over two lines or more and opening lines under it, copied together
    ("RECORD OF A CONVERSATION" / "with Minister … Pak Seong-cheol" / "14 May 1963"): the
    heading, then the lines, each given its kind; None for any other block."""
    for count in range(len(parts) - 1, 1, -1):  # the longest heading first
        if _is_long_heading(parts[:count], anchor_year) and _opening_lines(
            parts[count:], parts[count - 1], anchor_year
        ):
            heading = _split_at_lines(block, [0, count])[0]
            heading.kind = "head"
            return [heading, *parts[count:]]
    return None


def _heading_over_text(block: Block, parts: list[Block]) -> list[Block] | None:
    """A heading of a few words and its subject ("Note" / "on a Conversation with … from
    10:00 to 11:30 hours", the subject perhaps over two lines) copied together with the
    first paragraph under it, no blank line between them: the heading, then the paragraph
    (which begins with a capital and runs as a sentence does); None for any other block."""
    if len(parts) < 3 or not _subject_of(parts[0], parts[1]):
        return None
    for count in range(len(parts) - 1, 1, -1):  # the longest heading first
        first = parts[count].text
        if (
            first[:1].isupper()
            and _word_count(first) >= _WORDS_OF_A_SENTENCE
            and _is_heading(" ".join(part.text for part in parts[:count]), words=40)
        ):
            heading, text = _split_at_lines(block, [0, count])
            heading.kind = "head"
            return [heading, text]
    return None


def _headed_lines(parts: list[Block], anchor_year: int | None) -> bool:
    """Whether a block's first line is a heading and the others are opening lines, copied
    together ("CIPHERED TELEGRAM" / "From PYONGYANG" / "No. 123"), giving each its kind."""
    return (
        _classify_opener(parts[0], anchor_year, is_last=False)
        and parts[0].kind == "head"
        and _opening_lines(parts[1:], parts[0], anchor_year)
    )


def _is_destination(block: Block, following: Block | None) -> bool:
    """Whether a line is a telegram's destination, a place alone over where the telegram
    comes from ("PRAGUE" / "FROM PYONGYANG"), making it an address line."""
    found = following is not None and _is_place(block.text) and _is_origin(following)
    if found:
        block.kind = "addressee"
    return found


def _is_place(text: str) -> bool:
    """A place's name alone, as a letterhead or a telegram's route gives it, and no kind of
    document ("PYONGYANG", not "JOURNAL")."""
    return _LETTERHEAD_PLACE.match(text) is not None and not _DOCUMENT_KIND.search(text)


def _is_origin(line: Block) -> bool:
    """Whether a line tells where a telegram comes from: "From PYONGYANG", "FROM PYONGYANG"."""
    route = _ROUTE.match(_in_title_case(line.text))
    return route is not None and route["way"] == "From"


def _kind(block: Block | None) -> str | None:
    return block.kind if block is not None else None


# The number of a copy on a line where the copies went: "Sent to: 1. Comrade Péter", "2. File"
_COPY_NUMBER = re.compile(r"(?:^|:\s*)(\d{1,2})\.\s+\S")


def _next_copy(above: str, line: str) -> bool:
    """Whether `line` is the next of the numbered copies the line above it began: "Sent to:
    1. Comrade Péter" / "2. Comrade Szilágyi"."""
    number, following = _COPY_NUMBER.search(above), _COPY_NUMBER.match(line)
    return (
        number is not None
        and following is not None
        and int(following.group(1)) == int(number.group(1)) + 1
        and len(line) <= _LIST_LINE_LENGTH
    )


def _continues(block: Block, previous: Block | None, kinds: tuple[str, ...]) -> bool:
    """Whether the line continues the opening line above it (of one of `kinds`), taking its
    kind: the place or the part of the office under a letterhead's office ("Embassy of …" /
    "Pyongyang" or "in Pyongyang"; "Ministry of …" / "5th Territorial Department"; not a
    document's kind, "JOURNAL"; "IN THE DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA"), a line of an
    address under its first ("To the" / "Ministry of Foreign Affairs" / "Berlin"; "To the
    Ambassador of …" / "in the DPRK"), a telegram's times under the first, in small letters
    ("came to the Decoding Department at 09:10")."""
    kind, text = _kind(previous), block.text
    if kind not in kinds:
        return False
    if kind == "classification":  # "Sent to: 1. Comrade Péter" / "2. Comrade Szilágyi"
        found = _next_copy(previous.text, text)  # type: ignore[union-attr]
    elif kind == "transmission":  # "… at 08:00" / "came to the Decoding Department at 09:10"
        found = _TRANSMISSION.match(text[:1].upper() + text[1:]) is not None
    elif kind == "issuer":  # "Pyongyang", "in Pyongyang", "5th Territorial Department"
        found = not _CLASSIFICATION.match(text) and (  # "Confidential" is no place
            _is_place(_PLACE_WORD.sub("", text))
            or _OFFICE_PART.match(text) is not None
            or _IN_COUNTRY.match(_in_title_case(text)) is not None
        )
    else:  # an address's lines, its office's part among them ("5th Territorial Department")
        found = _ADDRESS_LINE.match(text) is not None or _OFFICE_PART.match(text) is not None
    if found:
        block.kind = kind
    return found


def _classify_opener(block: Block, anchor_year: int | None, is_last: bool) -> bool:
    """Give an opening line its kind; False when the block is no opener line."""
    text = block.text
    if "\n" in text or len(text) > 160:
        return False
    dated = _TIME_AFTER.sub("", text) if ":" in text or "." in text else text  # time aside
    if date := parse_date(dated, anchor_year):
        block.kind, block.date = "dateline", date
    elif placed := _place_and_date(dated, anchor_year):
        if _TRANSMISSION.match(_in_title_case(text)):  # "RECEIVED 28 MARCH 1963 02:15"
            block.kind = "transmission"
        else:
            block.kind, block.place, block.date = "dateline", *placed
    elif (match := _DATE_FIELD.match(dated)) and (date := parse_date(match["date"], anchor_year)):
        block.kind, block.date = "dateline", date  # a telegram's "Date: 30.X.1963"
    elif _CLASSIFICATION.match(text):
        block.kind = "classification"
    elif _PRECEDENCE.match(text):
        block.kind = "precedence"
    elif _TRANSMISSION.match(_in_title_case(text)):
        block.kind = "transmission"
    elif _REGISTRY.match(_in_title_case(text)):  # also "CIPHERED TELEGRAM NO. 12415"
        block.kind = "registry"
    elif _REFERENCE.match(text):
        block.kind = "reference"
    elif _RESPONSIBILITY.match(text):
        block.kind = "responsibility"
    elif _DISTRIBUTION.match(text):
        # where the copies went is the classification's business too ("Written: in 3
        # copies" / "Sent to: 1. Comrade Péter")
        block.kind = "classification"
    elif _SALUTE.match(text):
        block.kind = "salute"
    elif (
        _ADDRESSEE.match(text)
        or _ROUTE.match(_in_title_case(text))
        or _ADDRESSED_OFFICE.match(text)
        # an office in initials alone, as a letter to it heads itself: "CC CPSU", "MFA USSR"
        or (_OFFICE_INITIALS.fullmatch(text) is not None and not _surname_first(text))
    ):
        block.kind = "addressee"
    elif _is_remark(text):
        block.kind = "remark"
    elif _ISSUER.match(_in_title_case(text)) or (
        text[:1].isupper() and _ROLE_ALONE.match(_in_title_case(text))
    ):
        block.kind = "issuer"  # "USSR EMBASSY IN …"; under it, "Ambassador" (whose office)
    elif (
        not is_last
        and _is_heading(text, _KIND_HEADING_WORDS if _KIND_FIRST.match(text) else _HEADING_WORDS)
        and not _LABELLED.match(text)
        and not _FIGURE_ROW.match(text)
    ):
        # a form's field is none ("Participants: Comrade Moskovsky, …"), nor a row of figures
        # ("Trucks – 500")
        block.kind = "head"
    else:
        return False
    return True


def _surname_first(text: str) -> bool:
    """Whether `text` begins with a surname written first, as a Korean or Chinese name in
    capitals is ("KIM IL SUNG", whose words are as short as an office's initials)."""
    from teiedition.markup.names import SURNAME_FIRST  # imported here: names imports this

    return text.split()[0].capitalize() in SURNAME_FIRST


def classification_level(blocks: list[Block]) -> str | None:
    """The level of classification the opening lines give, as written ("Secret" of "Secret,
    Copy No. 2", or of a file number's "No. 47. Top secret!"); a line that numbers the copy
    alone gives none."""
    for block in blocks:
        if block.kind in ("classification", "registry") and (level := _LEVEL.search(block.text)):
            return level.group()
    return None


def _in_title_case(text: str) -> str:
    """A line in capitals as the patterns of offices read it: "USSR AMBASSADOR TO THE DPRK"
    as "Ussr Ambassador To The Dprk"; any other line as it is."""
    return text.title() if text.isupper() else text


def _is_remark(text: str) -> bool:
    """A line that is one editorial remark in brackets: "[Stamp: Secret, Copy No. 3]"; not
    the original's page number, which begins a page."""
    return (
        text.startswith("[")
        and text.endswith("]")
        and "[" not in text[1:-1]
        and "]" not in text[1:-1]
        and EDITORIAL_REMARK.search(text[1:-1]) is not None
        and not _PAGE_NUMBER.match(text)
    )


def _is_long_heading(parts: list[Block], anchor_year: int | None) -> bool:
    """Lines that together are a heading, the first a heading by itself, the others no
    opening line of another kind, nor a field ("Time: …"), nor rows of a table."""
    joined = " ".join(part.text for part in parts)
    return (
        _is_heading(parts[0].text)
        and not any(_LABELLED.match(part.text) for part in parts[1:])
        and not all(_DASHED_FIELD.match(part.text) for part in parts)
        and (
            _is_heading(joined)
            # "Record" / "of a conversation between … on 12 June 1963": what the document
            # is, then what it records, which runs long
            or (
                _word_count(parts[0].text) <= 3
                and _SUBJECT_LINE.match(parts[1].text) is not None
                and _is_heading(joined, words=40)
            )
            # a remark in brackets under it: "(Not reviewed by Vice Minister Zhang)"
            or (
                all(_BRACKETED_LINE.match(part.text) for part in parts[1:])
                and _is_heading(joined, words=40)
            )
            # the document's kind, then its title in quotation marks: "POLITICAL LETTER" /
            # "\"Soviet-Korean relations in 1963\""
            or (
                _word_count(parts[0].text) <= 3
                and _DOCUMENT_KIND.search(parts[0].text) is not None
                and all(_QUOTED_LINE.match(part.text) for part in parts[1:])
            )
        )
        and not any(
            _classify_opener(part, anchor_year, is_last=False) and part.kind != "head"
            for part in parts[1:]
        )
    )


# A word spaced out letter by letter, as typescripts stress one: "M e m o r a n d u m"
_LETTER_SPACED = re.compile(r"(?<!\S)(?:\w ){3,}\w(?!\S)")


def _word_count(text: str) -> int:
    """The words of a line, a word spaced out letter by letter counted as one."""
    return len(_LETTER_SPACED.sub("word", text).split())


def _is_name_line(text: str) -> bool:
    """A signer's name, perhaps spaced out letter by letter as a typescript's signature is
    ("M o r a v e c")."""
    closed_up = _LETTER_SPACED.sub(lambda m: m.group().replace(" ", ""), text)
    return _NAME_LINE.match(closed_up) is not None


# An abbreviation's stop that ends a heading's line: "… from 3 p.m. to 5:30 p.m.", and an
# initial's after a surname, as Russian writes names, "FROM THE DIARY OF" / "MOSKOVSKY V. P."
_ABBREVIATION_AT_END = re.compile(r"(?:\b[AaPp]\.\s?[Mm]|\bhrs|(?<=[\s.][A-Z]))\.$")


def _is_heading(text: str, words: int = _HEADING_WORDS) -> bool:
    text = _TRAILING_REFERENCE.sub("", text)  # "He left.[2]" ends with its stop
    text = _OMISSION_AT_END.sub("", text)  # … and "He came. (Omitted)", "He came. […]"
    text = _ABBREVIATION_AT_END.sub("", text)
    return (
        len(text.split()) <= words
        and text[:1].isalnum()
        and not re.search(r"[.!?,;:]$|[\"“”„«»<>&]", text)
        and not _LIST_MARKER.match(text)
    )


def _closer_count(blocks: list[Block], anchor_year: int | None) -> int:
    """How many trailing blocks are signature lines (a name, a role, a place and date), with
    the remarks in brackets after them (a notation written on the document)."""
    count = 0
    has_name = False
    roles_only = True  # the lines below this one are the signer's office, if any
    remarks = True  # only remarks so far: they may follow the signature
    # some text stays above the closer: more than the original's page numbers
    first_text = next((i for i, b in enumerate(blocks) if b.kind != "page"), len(blocks))
    tail = blocks[-5:]
    for position in range(len(tail) - 1, -1, -1):
        block = tail[position]
        text = block.text
        if first_text >= len(blocks) - count - 1 or block.kind == "note":
            break  # a note where a page's foot put it is the text's
        if remarks and _is_remark(text) and not _SIGNING_MARK.match(text):
            block.kind = "remark"
            count += 1
            continue
        if remarks and _RESPONSIBILITY.match(text) and not _is_name_line(text):
            block.kind = "responsibility"  # "Typed by: Szabó Éva", under a signature
            count += 1
            continue
        remarks = False
        if has_name and "\n" not in text and _VALEDICTION.match(text):
            block.kind = "salute"  # above the signature, the closer's top
            count += 1
            break
        if "\n" in text or len(text) > 80 or _CLASSIFICATION.match(text):
            break  # "Top Secret" signs nothing
        # a lone surname signs only as the last line, or over the signer's office
        # ("Brodowski"; "Schneidewind" / "Counsellor")
        is_role = _ROLE_LINE.match(_in_title_case(text)) is not None
        lone_surname = roles_only and len(text) > 2 and not is_role
        if _SIGNING_MARK.match(text):  # "(signature)" on a line of its own, by the name
            # … or without one: "Ambassador" / "[illegible signature]" is signed too
            block.kind, has_name = "signed", True
        elif (
            roles_only
            and position > 0
            and _OFFICE_GOES_ON.match(text)
            and _ROLE_LINE.match(_in_title_case(tail[position - 1].text))
        ):
            block.kind = "office"  # "of the USSR in the DPRK" under the office it goes on
        elif is_role and has_name:  # over the signature, "USSR Ambassador" is the office
            block.kind = "office"
        elif (
            _is_name_line(text)
            and (_word_count(text) >= 2 or lone_surname)
            and not (is_role and _ROLE_ALONE.match(_in_title_case(text)))  # "Second Secretary"
        ):
            block.kind, has_name, roles_only = "signed", True, False
        elif _ISSUER.match(_in_title_case(text)):
            # the office signs, as an embassy's cable does: "Chinese Embassy in the DPRK"
            block.kind, has_name, roles_only = "office", True, False
        elif is_role:
            block.kind = "office"
        elif placed := _place_and_date(text, anchor_year):
            block.kind, block.place, block.date = "dateline", *placed
            roles_only = False
        elif date := parse_date(text, anchor_year):
            block.kind, block.date, roles_only = "dateline", date, False
        elif not has_name and _REGISTRY.match(text):  # under the signer's date: "No. 112"
            block.kind = "registry"
        else:
            break
        count += 1
    closer = blocks[len(blocks) - count :]
    if not has_name:
        for block in closer:
            block.kind, block.date, block.place = "p", None, None
        return 0
    # Under a signature, who wrote or typed the report ("Typed by: Szabó Éva"); with none
    # above it, such a line is the signature ("Drawn up by: J. Brzeziński").
    signed_above = False
    for block in closer:
        if block.kind == "signed" and _RESPONSIBILITY.match(block.text):
            block.kind = "responsibility" if signed_above else "signed"
        else:
            signed_above = signed_above or block.kind == "signed"
    return count


# The line over a distribution list, alone: "Distribution:", "Distribution list", "Sent to:",
# "Prepared in 4 copies:"
_DISTRIBUTION_HEAD = re.compile(
    rf"^\[?(?:{_LIST_WORD}|{_SENT_TO}|copies|{_COPIES_MADE})\s*:?\]?$", re.IGNORECASE
)
# … and such a line with the list's first line after it: "Distribution: 1x Comrade Winzer"
_DISTRIBUTION_HEAD_AND_LINE = re.compile(
    rf"^(?P<head>(?:{_LIST_WORD}|{_SENT_TO}|copies)\s*:)\s+(?P<line>\S.*)$", re.IGNORECASE
)


def _distribution(nodes: list[Block | ListNode]) -> list[Block | ListNode]:
    """The postscript, the lines under a distribution list's head that no label numbers
    ("Distribution:" / "1x Comrade Winzer" / "1x Dept. Far East") made a list of them, the
    head its head, also when the list's first line follows it on its line; a numbered list
    under it stays as it is."""
    for index, node in enumerate(nodes):
        if (
            isinstance(node, Block)
            and index + 1 < len(nodes)
            and (joined := _DISTRIBUTION_HEAD_AND_LINE.match(node.text))
            and "\n" not in node.text
        ):
            # "Distribution: 1x Comrade Winzer" / "1x Embassy": the head, then its first line
            head = Block(Paragraph(joined["head"]), node.line)
            first = Block(Paragraph(joined["line"]), node.line)
            trial = _distribution([*nodes[:index], head, first, *nodes[index + 1 :]])
            if any(isinstance(n, ListNode) and n.head is head and len(n.items) > 1 for n in trial):
                return trial
        if isinstance(node, Block) and _DISTRIBUTION_HEAD.match(node.text):
            lines = nodes[index + 1 :]
            if len(lines) == 1 and isinstance(lines[0], ListNode) and lines[0].head is None:
                node.kind, lines[0].head = "head", node  # "Distribution:" / "1. c. Minister"
                return [*nodes[:index], lines[0]]
            count = next(
                (n for n, line in enumerate(lines) if not _distribution_line(line)), len(lines)
            )
            if count:  # its lines, up to what is none (a P.S. below the list)
                items = [ItemNode("", "", [line]) for line in lines[:count]]  # type: ignore[list-item]
                node.kind = "head"
                listed = ListNode("distribution", items, head=node)
                return [*nodes[:index], listed, *lines[count:]]
            break
    if nodes and all(_where_copies_went(n) for n in nodes):
        # where the copies went, without a head: "Budapest, 3 copies" / "Pyongyang, 1 copy"
        return [ListNode("distribution", [ItemNode("", "", [n]) for n in nodes])]  # type: ignore[list-item]
    return nodes


def _distribution_line(node: Block | ListNode) -> bool:
    """A line of a distribution list: short, and no postscript ("P.S. He came later.")."""
    return (
        isinstance(node, Block)
        and node.kind == "p"
        and len(node.text) <= 100
        and "\n" not in node.text
        and not _PS.match(node.text)
    )


def _lists(blocks: list[Block]) -> list[Block | ListNode]:
    """Numbered and lettered paragraphs become lists; a list labelled in another way inside
    an item ("2." / "(1)", "(2)" / "3.", or "1)" / "a)") is that item's. Unnumbered
    paragraphs between two items of one list belong to the earlier item."""
    for block in blocks:
        if block.kind != "note" and (match := _LIST_MARKER.match(block.text)):
            block.label = match["label"]  # not a note's text: its number is the note's
            block.number = match["num"] or match["num2"] or match["let"] or match["let2"]
    result: list[Block | ListNode] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        number = block.item_number
        if number is not None and number not in _FIRST_ITEMS and _style(block) in _CAPITAL_STYLES:
            block.label = block.number = None  # capitals begin at "A": "I)" is no item
        if block.item_number is None:
            result.append(block)
            index += 1
            continue
        end = _list_end(blocks, index)
        result.append(_list_node(blocks[index:end]))
        index = end
    return _bulleted(_items_set_apart(result))


def _bulleted(nodes: list[Block | ListNode]) -> list[Block | ListNode]:
    """Runs of bulleted paragraphs become a list, here and inside the items of other lists;
    a paragraph whose every line has a bullet is an item for each line, and so is one of
    short lines without marks under a line that introduces them (a "simple" list)."""
    result: list[Block | ListNode] = []
    dashed = _dashes_set_apart(nodes)
    for index, node in enumerate(nodes):
        if isinstance(node, ListNode):
            for item in node.items:
                item.content = _bulleted(item.content)
            result.append(node)
            continue
        lines = _lines_of(node)
        if _introduced_lines(result[-1] if result else None, lines):
            result.append(ListNode("simple", [ItemNode("", "", [line]) for line in lines]))
            continue
        texts = [b.text for b in lines]
        # under the line that introduces them, copied with them ("Participants:" / "• …")
        bulleted = texts[1:] if _introduces(texts, _BULLET) else texts
        marker = _BULLET if all(_BULLET.match(text) for text in bulleted) else None
        if index in dashed and index - 1 not in dashed:
            result.append(ListNode("bulleted"))  # a list of its own, not one above it
        if marker is None and (index in dashed or _is_dash_list(texts)):
            marker = _DASH
        for line in lines if marker else [node]:
            if marker is None or not marker.match(line.text):
                result.append(line)
                continue
            _strip_label(line, marker)
            if not (result and isinstance(result[-1], ListNode) and result[-1].kind == "bulleted"):
                result.append(ListNode("bulleted"))
            result[-1].items.append(ItemNode(line.label or "", "", [line]))  # type: ignore[union-attr]
    return result


_LIST_LINE_LENGTH = 80  # at most: a longer line is a sentence the copy broke


def _dashes_set_apart(nodes: list[Block | ListNode]) -> set[int]:
    """The places of paragraphs of one line each that begin with a dash and together are a
    list as lines copied together would be (see `_is_dash_list`): "– the delegation …;" /
    "" / "– the talks … ." """
    found: set[int] = set()
    start = 0
    while start < len(nodes):
        end = _run_end(nodes, start, _dashed_line)
        if end - start > 1 and _is_dash_list([n.text for n in nodes[start:end]]):  # type: ignore[union-attr]
            found.update(range(start, end))
        start = max(end, start + 1)
    return found


def _run_end(
    nodes: list[Block | ListNode], start: int, test: Callable[[Block | ListNode], bool]
) -> int:
    """Where the run of nodes from `start` that each pass `test` ends."""
    end = start
    while end < len(nodes) and test(nodes[end]):
        end += 1
    return end


def _dashed_line(node: Block | ListNode) -> bool:
    return isinstance(node, Block) and "\n" not in node.text and _DASH.match(node.text) is not None


def _introduced_lines(previous: Block | ListNode | None, lines: list[Block]) -> bool:
    """Lines that a line ending with a colon introduces ("Present were:" / "Ambassador of
    the ČSSR, Cde. Moravec" / "Ambassador of the PPR, Cde. Naszkowski"), two or more, each
    short and beginning with a capital or a figure, none but the last ending a sentence: a
    list's items, not a sentence the copy broke into lines."""
    return (
        isinstance(previous, Block)
        and previous.text.endswith(":")
        and len(lines) > 1
        and all(
            len(line.text) <= _LIST_LINE_LENGTH
            and (line.text[0].isupper() or line.text[0].isdigit())
            for line in lines
        )
        and not any(line.text.endswith((".", "!", "?")) for line in lines[:-1])
    )


_INTRODUCER_LENGTH = 30  # at most, with its colon: "Participants:", "Present on our side:"


def _items_set_apart(nodes: list[Block | ListNode]) -> list[Block | ListNode]:
    """Items of a list the page set a paragraph apart each, under a short line that
    introduces them ("Participants:" / "Comrade Moskovsky, Soviet ambassador" / "Comrade
    Pak, interpreter"): two or more paragraphs of one short line without a stop become a
    simple list, as the same lines copied together do. Two or more lines that say where the
    copies went ("Budapest, 1 copy"), above the signature, are a distribution list."""
    result: list[Block | ListNode] = []
    index = 0
    while index < len(nodes):
        node = nodes[index]
        copies = _run_end(nodes, index, _where_copies_went)
        if copies - index >= 2:  # "Budapest, 1 copy" / "Pyongyang, 2 copies" above a signature
            items = [ItemNode("", "", [line]) for line in nodes[index:copies]]
            result.append(ListNode("distribution", items))  # type: ignore[arg-type]
            index = copies
            continue
        result.append(node)
        index += 1
        if not (
            isinstance(node, Block)
            and node.text.endswith(":")
            and len(node.text) <= _INTRODUCER_LENGTH
            and "\n" not in node.text
            and _DISTRIBUTION_HEAD.match(node.text) is None  # its own kind of list
        ):
            continue
        end = _run_end(nodes, index, _is_item_alone)
        if end - index >= 2:
            items = [ItemNode("", "", [item]) for item in nodes[index:end]]
            result.append(ListNode("simple", items))
            index = end
    return result


def _where_copies_went(node: Block | ListNode) -> bool:
    return (
        isinstance(node, Block)
        and node.kind == "p"
        and "\n" not in node.text
        and _WHERE_COPIES_LINE.match(node.text) is not None
    )


def _is_item_alone(node: Block | ListNode) -> bool:
    """A paragraph of one short line beginning with a capital or a figure, without a stop
    or a list's mark: "Comrade Pak, interpreter"."""
    return (
        isinstance(node, Block)
        and node.kind == "p"
        and node.cells is None
        and "\n" not in node.text
        and len(node.text) <= _LIST_LINE_LENGTH
        and (node.text[:1].isupper() or node.text[:1].isdigit())
        and not node.text.endswith((".", "!", "?", ":", ";", ","))
        and _LIST_MARKER.match(node.text) is None
        and _BULLET.match(node.text) is None
    )


def _introduces(lines: list[str], marker: re.Pattern[str]) -> bool:
    """Whether the first of lines copied together is no item but a line ending with a colon
    that introduces the others ("Participants:" / "• …"), two or more."""
    return len(lines) > 2 and lines[0].endswith(":") and not marker.match(lines[0])


def _is_dash_list(lines: list[str]) -> bool:
    """Lines that each begin with a dash and, but the last, end with ";" or ",": a list's
    items, not lines of dialogue, which end as sentences do. Under a line that ends with a
    colon, which introduces them, rows that end with no stop at all are items too ("… behind
    schedule:" / "– Oil products – 42,000 t")."""
    introduced = _introduces(lines, _DASH)
    items = lines[1:] if introduced else lines
    return (
        len(items) > 1
        and all(_DASH.match(item) for item in items)
        and all(
            item[-1] in ";," or (introduced and item[-1] not in _TERMINAL) for item in items[:-1]
        )
    )


# The letters of the Russian alphabet that never label a list's items
_NOT_LIST_LETTERS = frozenset("йъыьЙЪЫЬ")
# The first item's number of a list, in figures or letters (Latin or Cyrillic, small or
# capital), and the labels of lists lettered in capitals
_FIRST_ITEMS = frozenset({"1", "a", "а", "A", "А", "i"})
_CAPITAL_STYLES = frozenset({"A)", "A./", "(A)"})


def _roman(first: Block) -> bool:
    """Whether the list that `first` begins counts in small Roman numerals: it begins at "i"
    ("i)", "ii)"), as one of letters begins at "a"."""
    return first.number == "i"


def _successor(number: str, roman: bool = False) -> str:
    """The next item's number: of figures, letters, or (`roman`) small Roman numerals."""
    if number.isdigit():
        return str(int(number) + 1)
    if number in _SMALL_ROMANS[:-1] and (roman or len(number) > 1):
        return _SMALL_ROMANS[_SMALL_ROMANS.index(number) + 1]
    letter = chr(ord(number) + 1)
    while letter in _NOT_LIST_LETTERS:  # Russian lists run "и)", "к)"
        letter = chr(ord(letter) + 1)
    return letter


def _style(block: Block) -> str:
    """How a list's items are labelled, whatever their number: "1.", "(1)", "a)"."""
    number = block.number or ""
    letter = "A" if number.isupper() else "a"  # "A)" / "a)" are two lists, one inside the other
    return (block.label or "").replace(number, "1" if number.isdigit() else letter, 1)


def _list_end(blocks: list[Block], start: int, around: frozenset[str] = frozenset()) -> int:
    """Index after the last block of the list that starts at `start`: its items numbered in
    sequence, the paragraphs between them, and the lists labelled otherwise inside them (one
    right after the last item too). A list labelled as one `around` it (their styles) is not
    inside it, but after the lists around: "1." / "a)" / "1." / "a)" is two lists, each with
    a list inside, not lists nested ever deeper."""
    roman = _roman(blocks[start])
    style, expected = _style(blocks[start]), _successor(blocks[start].number or "", roman)
    around |= {style}
    end = start + 1  # after the last item, or after a list inside it that follows it
    index = start + 1
    while index < len(blocks):
        block = blocks[index]
        if block.item_number is None:
            index += 1
        elif _style(block) == style and block.number == expected:
            end, expected, index = index + 1, _successor(expected, roman), index + 1
        elif _style(block) not in around and block.number in _FIRST_ITEMS:
            inner_end = _list_end(blocks, index, around)  # a list inside the current item
            if index == end:
                end = inner_end
            index = inner_end
        else:
            break  # a number out of sequence, or an item of a list around this one
    return end


def _list_node(blocks: list[Block], around: frozenset[str] = frozenset()) -> ListNode:
    first = blocks[0]
    style = _style(first)
    around |= {style}
    # small Roman numerals number the items as figures do
    numbered = (first.number or "").isdigit() or _roman(first)
    node = ListNode("numbered" if numbered else "lettered")
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if block.item_number is not None and _style(block) == style:
            _strip_label(block)
            node.items.append(ItemNode(block.label or "", block.number or "", [block]))
            index += 1
        elif block.item_number is not None:
            end = _list_end(blocks, index, around)
            node.items[-1].content.append(_list_node(blocks[index:end], around))
            index = end
        else:
            node.items[-1].content.append(block)
            index += 1
    return node


def _strip_label(block: Block, marker: re.Pattern[str] = _LIST_MARKER) -> None:
    """Move the printed label out of the paragraph's text (it becomes `label`)."""
    match = marker.match(block.text)
    if match:
        block.label, block.number = match["label"], block.number or match.groupdict().get("num")
        cut = match.end()
        block.paragraph.text = block.text[cut:]
        block.paragraph.breaks = [(at - cut, kind) for at, kind in block.paragraph.breaks]
