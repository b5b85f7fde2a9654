"""Archival citations: "AVPRF, fond 0102, opis 18, papka 93, delo 5, listy 152-154. Obtained
and translated for NKIDP by Sergey Radchenko." → archive, shelfmark parts, folios, credits.

Nothing is guessed: a part we cannot classify is kept as an unlabelled shelfmark part, an
archive we do not know leaves `archive` empty (the caller keeps the verbatim text and warns).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from teiedition.readers.archives import ArchiveMatch, find_archive

# Shelfmark labels met in Russian, Polish, Hungarian, Czech, Chinese, German, Romanian,
# Bulgarian, Mongolian and Albanian citations (pattern matched at the start of a
# comma-separated part, part type). A label may also follow its number ("5. doboz"). Folio
# and page parts become `locus`, not `idno`.
_LABELS: tuple[tuple[str, str], ...] = (
    (r"fond|f\.", "fond"),
    (r"opis|op\.", "opis"),
    (r"record", "opis"),  # Bulgarian опис, as the archive's translations give it
    (r"dans", "opis"),  # Mongolian данс, the inventory
    (r"papka|pap\.|(?-i:P\.)", "papka"),  # "P. 72", after the opis (else a page: _classify)
    (r"delo|d\.", "delo"),
    # Bulgarian a.e. and Czech a.j. (the archival unit), Mongolian х/н; Albanian dosje
    (r"file|a\.\s?e\.|a\.\s?j\.|kh/n|dos\.|dosja|dosje", "file"),
    # Polish karta, Albanian fletë, German Blatt
    (r"listy|list|ll?\.|folios?|fols?\.|ff\.|karty|karta|k\.|fl\.|fletë|Bl\.", "folios"),
    (r"pages|page|pp\.|p\.|khuu\.?|khuudas", "pages"),  # Mongolian хуудас; "p.16-42"
    (r"volume|vol\.|svazek|sv\.", "volume"),
    (r"department|dept\.|departament", "department"),
    (r"zespół|zesp\.|z\.", "zespol"),
    (r"wiązka|w\.", "bundle"),
    (r"teczka|t\.", "folder"),
    (r"sygnatura|sygn\.", "signature"),
    (r"doboz|box", "box"),
    (r"tétel", "item"),
    (r"folder|obal", "folder"),  # Czech obal, the file's cover
    (r"karton|kart\.|krabice|kr\.", "box"),  # Czech krabice
    (r"MfAA", "collection"),
    (r"viti|v\.", "year"),  # Albanian viti: "V. 1963"
)
_LABEL_RE = re.compile(
    r"^(?:(?P<before>" + "|".join(p for p, _ in _LABELS) + r")(?:(?<=\.)|(?!\w)):?\s*"
    r"(?P<value>\S.*)"
    r"|(?P<value2>[\w/-]+)\.?\s+(?P<after>" + "|".join(p for p, _ in _LABELS) + r"))$",
    re.IGNORECASE,
)
_LOCUS_TYPES = frozenset({"folios", "pages"})
# The year of the files, unlabelled: "MOL, XIX-J-1-j Korea, 1963, 11. doboz, …"
_YEAR = re.compile(r"(?:1[89]|20)\d\d")

# Credit verbs, in the forms the archive writes them.
_ROLES: dict[str, str] = {
    "obtained": "obtained",
    "translated": "translated",
    "translation": "translated",
    "contributed": "contributed",
    "donated": "contributed",
    "transcribed": "transcribed",
    "edited": "edited",
}
_ROLE_WORD = r"(?:" + "|".join(_ROLES) + r")"
_CREDIT_START = re.compile(rf"(?:(?<=\.)|(?<=\.\s)|(?<=\s))(?={_ROLE_WORD}\b)", re.IGNORECASE)


@dataclass(frozen=True)
class ShelfmarkPart:
    text: str  # the part as written: "fond 0102"
    type: str  # "fond", "opis", … or an archive-specific unlabelled type, else "part"
    value: str  # the identifying value: "0102"


@dataclass(frozen=True)
class Locus:
    text: str  # "listy 152-154"
    unit: str  # "folios" or "pages"
    start: str | None
    end: str | None


@dataclass(frozen=True)
class Credit:
    """One role of one or more people: "Obtained … for NKIDP by Sergey Radchenko"."""

    role: str  # "obtained", "translated", …
    names: tuple[str, ...]
    on_behalf_of: str | None  # "NKIDP"
    text: str  # the clause as written


@dataclass
class SourceCitation:
    text: str  # the whole source line, verbatim
    archive_text: str  # the part before the credits
    archive: ArchiveMatch | None = None
    shelfmark: list[ShelfmarkPart] = field(default_factory=list)
    loci: list[Locus] = field(default_factory=list)
    credits: list[Credit] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def parse_source_line(text: str) -> SourceCitation:
    text = " ".join(text.split())
    archive_text, credit_text = _split_credits(text)
    citation = SourceCitation(text=text, archive_text=archive_text)
    citation.archive = find_archive(archive_text)
    if citation.archive is None:
        citation.problems.append(f"unknown archive in citation {archive_text!r}; kept verbatim")
        shelf_text = ""
    else:
        shelf_text = archive_text[citation.archive.end :]
    unlabelled = list(citation.archive.archive.unlabelled) if citation.archive else []
    previous = ""  # the type of the part before
    for part in _split_parts(shelf_text):
        piece = _classify(part, unlabelled, citation.archive is not None, previous)
        if isinstance(piece, Locus):
            citation.loci.append(piece)
            previous = piece.unit
        else:
            citation.shelfmark.append(piece)
            previous = piece.type
    if credit_text:
        citation.credits, problems = parse_credits(credit_text)
        citation.problems += problems
    return citation


def _split_credits(text: str) -> tuple[str, str]:
    """Split the archive part from the credits ("Obtained …", "Translated …")."""
    match = _CREDIT_START.search(text)
    if not match:
        return text.rstrip(" ."), ""
    return text[: match.start()].rstrip(" ."), text[match.start() :].strip()


def _split_parts(shelf_text: str) -> list[str]:
    shelf_text = shelf_text.strip(" ,.;")
    if not shelf_text:
        return []
    parts = (part.group().strip(" .") for part in _PART.finditer(shelf_text))
    return [part for part in parts if part]


# A part of a shelfmark: up to a comma or semicolon, but not one in quotes (a file's title:
# 'File: "Antonín Novotný, Kor."')
_PART = re.compile(r'(?:"[^"]*"|“[^”]*”|[^,;"“])+')


_LEAF_RANGE = re.compile(r"\d+\s*[-–]\s*\d+")


def _classify(
    part: str, unlabelled: list[str], known_archive: bool, previous: str
) -> ShelfmarkPart | Locus:
    """A part of a shelfmark, or the folios or pages; `previous` is the type of the part
    before it (a Russian "P." or "p." after the opis is the papka: "Op. 13, P. 72", "op. 20,
    p. 101, d. 8"; "f." after the file or the volume, or with a range, is its leaves: "file
    21/1962, f. 3-5", "vol. 2, f. 190-192": a fond is no range)."""
    match = _LABEL_RE.match(part)
    if match:
        label = match.group("before") or match.group("after")
        value = (match.group("value") or match.group("value2")).strip()
        part_type = next(t for p, t in _LABELS if re.fullmatch(p, label, re.IGNORECASE))
        if label.lower() == "p.":  # the papka after the opis, in either case; else a page
            part_type = "papka" if previous == "opis" else "pages"
        elif label.lower() == "f." and (
            previous in {"file", "delo", "volume"} or _LEAF_RANGE.fullmatch(value)
        ):
            part_type = "folios"  # the leaves of the file or volume, the Romanian "f." (filă)
        if part_type in _LOCUS_TYPES:
            return _locus(part, part_type, value)
        return ShelfmarkPart(part, part_type, value)
    if unlabelled and unlabelled[0] == "year" and not _YEAR.fullmatch(part):
        unlabelled.pop(0)  # a citation that leaves out the files' year
    kind = unlabelled.pop(0) if unlabelled else "part"
    if kind == "pages":
        return _locus(part, "pages", part)
    return ShelfmarkPart(part, kind if known_archive else "part", part)


def _locus(text: str, unit: str, value: str) -> Locus:
    bounds = re.fullmatch(r"(\w+)\s*[-–]\s*(\w+)", value)
    if bounds:
        return Locus(text, unit, bounds.group(1), bounds.group(2))
    return Locus(text, unit, value, value)


def parse_credits(text: str) -> tuple[list[Credit], list[str]]:
    """Parse "Obtained by X and translated by Y." / "Obtained and translated for NKIDP by X"."""
    credits: list[Credit] = []
    problems: list[str] = []
    # The archive's pages sometimes fuse "NKIDP" and "by": "for NKIDPby Sergey Radchenko".
    text = re.sub(r"(?<=[A-Z]{2})by\b", " by", text)
    # a new credit sentence starts with a credit verb; initials ("A. Person") do not split
    for sentence in re.split(rf"(?<=\.)\s+(?={_ROLE_WORD}\b)", text, flags=re.IGNORECASE):
        sentence = sentence.strip().rstrip(".")
        clauses = re.split(rf",?\s+and\s+(?={_ROLE_WORD}\b)", sentence, flags=re.IGNORECASE)
        pending: list[tuple[str, str | None, str]] = []
        for clause in clauses:
            match = re.fullmatch(
                rf"(?P<role>{_ROLE_WORD})(?:\s+for\s+(?P<org>[^,]+?))?"
                r"(?:\s+by\s+(?P<names>.+?))?(?:\s+for\s+(?P<org2>[^,]+?))?",
                clause.strip(),
                re.IGNORECASE,
            )
            if not match:
                problems.append(f"credit not understood: {clause.strip()!r}; kept verbatim")
                continue
            role = _ROLES[match.group("role").lower()]
            pending.append((role, match.group("org") or match.group("org2"), clause.strip()))
            if match.group("names"):
                names = _split_names(match.group("names"))
                org = next((o for _, o, _ in pending if o), None)
                for pending_role, _, clause_text in pending:
                    credits.append(Credit(pending_role, names, org, clause_text))
                pending = []
        problems += [
            f"credit without a name: {clause!r}; kept verbatim" for _, _, clause in pending
        ]
    return credits, problems


# The most words a credited name has ("Balazs Szalontai", "Sergey Radchenko", "Gary Goldberg")
_NAME_WORDS = 4


def credit_line(text: str) -> list[Credit] | None:
    """The credits of a line that says nothing else ("Translated by Jakub Poprocki."), as a
    page may put one under the text: each name of a few words, with a capital. None for any
    other line, a sentence of the text that begins with such a word included ("Translated by
    the embassy, the note was sent …")."""
    if not re.match(rf"\[?{_ROLE_WORD}\b", text, re.IGNORECASE):
        return None
    credits, problems = parse_credits(text.strip("[] "))
    names = [name for credit in credits for name in credit.names]
    if (
        problems
        or not credits
        or any(len(name.split()) > _NAME_WORDS or not name[:1].isupper() for name in names)
    ):
        return None
    return credits


def _split_names(text: str) -> tuple[str, ...]:
    parts = re.split(r",\s*and\s+|\s+and\s+|,\s*", text.strip().rstrip("."))
    return tuple(part.strip() for part in parts if part.strip())


@dataclass(frozen=True)
class CitationString:
    """The archive's suggested citation (PDF export and older page layouts)."""

    text: str
    title: str
    date: str
    source_line: str  # archive, shelfmark and credits
    url: str | None
    record_id: str | None


_CITATION_RE = re.compile(
    r"""^["“](?P<title>.+?),?["”],?\s+
        (?P<date>[^,]+,\s*\d{4}|[^,]+?),\s+
        (?:History\ and\ Public\ Policy\ Program\ |Wilson\ Center\ )?Digital\ Archive,?\s*
        (?P<rest>.*?)\s*
        (?P<url>https?://\S+?)?\.?$""",
    re.VERBOSE,
)


def parse_citation_string(text: str) -> CitationString | None:
    """Parse '"Title", Date, Wilson Center Digital Archive, <source line> <URL>'."""
    text = " ".join(text.split())
    match = _CITATION_RE.match(text)
    if not match:
        return None
    url = match.group("url")
    record = re.search(r"/document/(?:[\w-]*?-)?(\d+)(?:[/?#]|$)", url) if url else None
    return CitationString(
        text=text,
        title=match.group("title").strip(),
        date=match.group("date").strip(),
        source_line=match.group("rest").strip(),
        url=url,
        record_id=record.group(1) if record else None,
    )
