"""Recognise the archive's page layouts and pull the page apart into a `Transcript`.

The layouts are recognised by their landmarks, never by file name or content of a known page:
(a) current page ("Skip to content" … "Document Information"), (b) PDF export ("Citation:",
"Summary:", "Contents:"), (c) current page with facet labels after the summary, (d) older page
("CITATION SHARE DOWNLOAD", "get citation", "VIEW DOCUMENT IN"). A copy of (b) or (d) may end
with the "Document Information" block the page shows beside the text: it is read as in (a).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from teiedition.dates import parse_date
from teiedition.errors import InputError
from teiedition.patterns import NOTE_LABEL, with_plain_spaces, without_invisible
from teiedition.readers.citation import CitationString, credit_line, parse_citation_string
from teiedition.readers.decoding import NotTextError, decode_transcript
from teiedition.readers.transcript import Field, Layout, Transcript

# A funder's name at the page's foot, under no label: an institution's ("Kyungnam
# University", "Korea Foundation", "Carnegie Corporation of New York")
_FUNDER_NAME = re.compile(
    r"\b(?:Foundation|University|Fund|Institute|Endowment|Corporation|Council|Trust|Society"
    r"|Ministry|Academy|Program|Programme)\b"
)
_FUNDER_SENTENCE = re.compile(
    r"^This document was made possible with (?:generous )?support from\s+(?:the\s+)?"
    r"(?P<funder>.+?)\.?$",
    re.IGNORECASE,
)
_RIGHTS = re.compile(
    r"^(The History and Public Policy Program welcomes|To enquire about|Some documents may be"
    r"|Copyright|All rights reserved|This document is (?:in the public domain|licensed))",
    re.IGNORECASE,
)
# The first line of a copy of the archive's current site: a link for screen readers.
_SKIP_LINK = "skip to content"
# The site's navigation a copy may keep between "Skip to content" and the date: so many
# lines at most, each so long at most
_NAVIGATION_LINES = 8
_NAVIGATION_LENGTH = 80
_RECORD_ID = re.compile(r"^\d{1,12}$")
_ISO_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?.*)?$")
_CONTENTS_ENTRY = re.compile(
    r"^(?:Translation|Transcript|Transcription|Original(?: Scan)?|Scan)\b(?:\s*[-–]\s*\w+)?$",
    re.IGNORECASE,
)
# What a PDF export prints on every page: the archive's name, perhaps with the kind of the
# page's content, and the page's count ("Page 2 of 3")
_PDF_RUNNING = re.compile(
    r"^(?:Wilson Center Digital Archive(?:\s+(?:Original Scan|(?:Translation|Transcript(?:ion)?)"
    r"\s*[-–]\s*\w+))?|Page\s+\d+\s+of\s+\d+)$",
    re.IGNORECASE,
)
_ARCHIVE_NAME = "wilson center digital archive"
_LEGACY_FURNITURE = re.compile(
    r"^(?:get citation|share document|VIEW DOCUMENT IN|(?:\w+ )?(?:HTML|PDF)|(?:\w+ )?Original Scan"
    r"|(?:\w+ )?Transcript|(?:\w+ )?Translation)$",
    re.IGNORECASE,
)

# Labels of the page's facet block (layout c) and "Document Information" block (a, c),
# mapped to the `Transcript` field they introduce.
_FACET_LABELS: dict[str, str] = {
    "author(s)": "authors",
    "authors": "authors",
    "author": "authors",
    "associated people & organizations": "Associated People & Organizations",
    "associated people and organizations": "Associated People & Organizations",
    "associated places": "Associated Places",
    "associated topics": "Associated Topics",
    "subjects discussed": "Subjects Discussed",
    "related documents": "Related Documents",
}
_BACK_LABELS: dict[str, str] = {
    "source": "source_line",
    "original archive": "original_archive",
    "rights": "rights",
    "original uploaded date": "uploaded_date",
    "record id": "record_id",
    "original classification": "classification",
    "original language": "original_language",
    "language": "original_language",
    "type": "document_type",
    "document type": "document_type",
    "funders": "funders",
    "funded by": "funders",
}
_PDF_LABELS: dict[str, str] = {
    "citation": "citation",
    "summary": "summary",
    "credits": "credits",
    "original language": "original_language",
    "original archive": "original_archive",
    "record id": "record_id",
    "contents": "contents",
}
# Fields of the back matter that take one line; lines after them belong to the page's
# closing funder box, which has no label of its own in the scraped text.
_SINGLE_LINE = {
    "original_archive",
    "record_id",
    "classification",
    "original_language",
    "uploaded_date",
    "document_type",
}


def read_transcript(path: Path) -> Transcript:
    """Read one transcript file; raises `InputError` naming the file for anything unreadable."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(path, f"cannot read file: {err.strerror or err}") from err
    if not data.strip():
        raise InputError(path, "empty file")
    try:
        decoded = decode_transcript(data)
    except NotTextError as err:
        raise InputError(path, str(err), err.line) from err
    transcript = read_transcript_text(decoded.text, path, decoded.encoding)
    if decoded.fallback_note:
        transcript.encoding_note = decoded.fallback_note
        transcript.warn(decoded.fallback_note, decoded.fallback_line)
    if decoded.control_note:
        transcript.warn(decoded.control_note, decoded.control_line)
    return transcript


def read_transcript_text(text: str, path: Path, encoding: str = "utf-8") -> Transcript:
    # Only CR/LF end a line, as in an editor (str.splitlines would also split at U+2028, …);
    # a form feed (a page break in PDF exports) is white space, and so is a no-break space;
    # what the page hides inside words goes (the header says so).
    lines = [
        Field(line.replace("\f", " ").rstrip(), number)
        for number, line in enumerate(_lines(with_plain_spaces(without_invisible(text))), 1)
    ]
    nonblank = [line for line in lines if line.text.strip()]
    if not nonblank:
        raise InputError(path, "empty file")
    # the landmarks, of three words at most: a line of more words is none of them, and its
    # words need not be read past the fourth
    keys = {_key(line.text) for line in nonblank if len(line.text.split(None, 3)) <= 3}
    if "citation share download" in keys:
        return _read_legacy_page(lines, path, encoding)
    if "citation:" in keys:
        return _read_pdf_export(lines, path, encoding)
    if _key(nonblank[0].text) == _SKIP_LINK or "document information" in keys:
        return _read_page(lines, path, encoding)
    if saved := _SAVED_AS.match(nonblank[0].text):
        kind = _SAVED_KINDS[saved.lastgroup or ""]
        message = f"{kind} file, not a page's text: copy the text of the archive's page"
        raise InputError(path, message + " (or save it as text)", nonblank[0].line)
    raise InputError(
        path,
        "not an archive page in a known layout (no 'Skip to content', 'Citation:' or "
        "'CITATION SHARE DOWNLOAD' landmark)",
        nonblank[0].line,
    )


# The page saved as it is, not as its text: its HTML, or a PDF's first bytes
_SAVED_KINDS = {"html": "an HTML", "pdf": "a PDF"}
_SAVED_AS = re.compile(r"(?P<html>\s*<(?:!DOCTYPE\s+html|html)\b)|(?P<pdf>%PDF-)", re.IGNORECASE)


def _key(text: str) -> str:
    return " ".join(text.split()).lower()


def _begins_back_matter(line: Field) -> bool:
    """The line "Document Information", which begins the page's back matter (read only if
    short: the text's long lines are never it)."""
    return len(line.text) <= 60 and _key(line.text) == "document information"


def _label(text: str, labels: dict[str, str]) -> str | None:
    return labels.get(_key(text).rstrip(":").strip())


# A line longer than any a copy wraps at: a paragraph's whole text, or most of it
UNWRAPPED_LINE = 100


def runs_paragraphs_together(lines: Sequence[str]) -> bool:
    """Whether a block of lines is paragraphs a copy ran together, losing the blank lines
    between them: two lines or more longer than any a copy wraps at. (One may be a paragraph
    with a break of its own in it.)"""
    return sum(1 for line in lines if len(line.strip()) > UNWRAPPED_LINE) >= 2


def lost_blank_lines(lines: Sequence[Field]) -> bool:
    """Whether a text copied without a blank line in it lost the blank lines between its
    paragraphs: one line at least is longer than a copy wraps at."""
    return all(line.text.strip() for line in lines) and any(
        len(line.text.strip()) > UNWRAPPED_LINE for line in lines
    )


def _blocks(lines: Iterable[Field]) -> list[list[Field]]:
    """Runs of non-blank lines."""
    blocks: list[list[Field]] = [[]]
    for line in lines:
        if line.text.strip():
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def _joined(block: list[Field]) -> Field:
    return Field(" ".join(" ".join(line.text.split()) for line in block), block[0].line)


def _strip_blank(lines: list[Field]) -> list[Field]:
    start = next((i for i, line in enumerate(lines) if line.text.strip()), len(lines))
    end = next((i for i in range(len(lines), 0, -1) if lines[i - 1].text.strip()), 0)
    return lines[start:end]


# --- (a) and (c): the current page ------------------------------------------------------


def _read_page(lines: list[Field], path: Path, encoding: str) -> Transcript:
    position = 0
    furniture: list[Field] = []

    def next_nonblank() -> Field | None:
        nonlocal position
        while position < len(lines) and not lines[position].text.strip():
            position += 1
        if position == len(lines):
            return None
        position += 1
        return lines[position - 1]

    first = next_nonblank()
    navigation: list[Field] = []
    if first and _key(first.text) == _SKIP_LINK:
        furniture.append(first)
        first = next_nonblank()
        # the site's own lines a copy may take with it before the date: its name, menu and
        # the trail of links ("Home / Collections / …"), a few short lines
        after_link, start = first, position
        while (
            first is not None
            and len(navigation) < _NAVIGATION_LINES
            and parse_date(first.text) is None
            and _key(first.text) != "document information"
            and len(first.text.strip()) <= _NAVIGATION_LENGTH
        ):
            navigation.append(first)
            first = next_nonblank()
        if first is None or parse_date(first.text) is None:  # no date after them: none
            navigation, position, first = [], start, after_link
    if first is None or _key(first.text) == "document information":
        raise InputError(path, "no document text: the page holds only page furniture")
    date_line = first
    if parse_date(date_line.text) is None:
        raise InputError(
            path,
            f"no date: expected the page's date line, found {_clip(date_line.text)!r}",
            date_line.line,
        )
    furniture += navigation
    title = next_nonblank()
    if title is None or _key(title.text) == "document information":
        raise InputError(path, "no title after the date line", date_line.line)

    funders: list[Field] = []
    authors: list[Field] = []
    rest_start = position
    # under the title a page may put its funder sentence and its "Author(s):" facet, in
    # either order, before the text
    for _ in range(2):
        after_title = next_nonblank()
        if after_title and (match := _FUNDER_SENTENCE.match(after_title.text.strip())):
            funders.append(Field(match.group("funder"), after_title.line))
            furniture.append(Field(after_title.text[: match.start("funder")], after_title.line))
        elif after_title and _label(after_title.text, _FACET_LABELS) == "authors":
            furniture.append(after_title)
            values, position = _author_values(lines, position)
            authors += values
        else:
            break
        rest_start = position
    position = rest_start

    remainder = lines[rest_start:]
    back_start = next(
        (i for i, line in enumerate(remainder) if _begins_back_matter(line)),
        len(remainder),
    )
    facet_start = next(
        (i for i, line in enumerate(remainder[:back_start]) if _label(line.text, _FACET_LABELS)),
        None,
    )
    text_end = facet_start if facet_start is not None else back_start
    text_blocks = _blocks(remainder[:text_end])
    summary: Field | None = None
    # a credit the page puts under the text ("Translated by Jakub Poprocki."), under the
    # summary or in its place, is the header's, beside the source line's credits
    credits = _credits_at_end(text_blocks)
    # the summary is the block just before the facets or "Document Information"; a copy that
    # stops before them may have lost it, and its last block is then the text's own
    page_goes_on = text_end < len(remainder)
    # … its last line, where the copy ran the paragraphs together, losing the blank lines
    # (in this block, or in the whole text, which then is one block)
    if (
        page_goes_on
        and text_blocks
        and len(text_blocks[-1]) > 1
        and (
            runs_paragraphs_together([line.text for line in text_blocks[-1]])
            or (len(text_blocks) == 1 and lost_blank_lines(text_blocks[0]))
        )
    ):
        text_blocks[-1:] = [text_blocks[-1][:-1], text_blocks[-1][-1:]]
    if len(text_blocks) >= 2 and page_goes_on and _is_summary(text_blocks[-1]):
        summary = _joined(text_blocks.pop())
        credits[:0] = _credits_at_end(text_blocks)
    last = text_blocks[-1][-1].line if text_blocks else 0
    body = _strip_blank([line for line in remainder[:text_end] if line.line <= last])
    if not body:
        until = "'Document Information'" if back_start < len(remainder) else "the end of the page"
        raise InputError(path, f"no document text between the title and {until}", title.line)

    transcript = Transcript(
        path=path,
        layout=Layout.FACETED_PAGE if facet_start is not None else Layout.PAGE,
        encoding=encoding,
        title=Field(" ".join(title.text.split()), title.line),
        page_date=Field(date_line.text.strip(), date_line.line),
        body=body,
        summary=summary,
        funders=funders,
        authors=authors,
        furniture=furniture,
        credits=credits,
    )
    if not page_goes_on:
        transcript.warn(
            "the page ends without 'Document Information': no summary taken, the last block "
            "kept as text",
            body[-1].line,
        )
    if facet_start is not None:
        _read_facets(transcript, remainder[facet_start:back_start])
    if back_start < len(remainder):
        transcript.furniture.append(remainder[back_start])
        _read_back_matter(transcript, remainder[back_start + 1 :])
    return transcript


def _credits_at_end(blocks: list[list[Field]]) -> list[Field]:
    """The credit lines that end `blocks` ("Translated by Jakub Poprocki."), taken from them."""
    credits: list[Field] = []
    while len(blocks) > 1 and len(blocks[-1]) == 1 and credit_line(blocks[-1][0].text):
        credits.insert(0, blocks.pop()[0])
    return credits


def _is_summary(block: list[Field]) -> bool:
    """Whether the block before the facets is the page's summary: a sentence, not the text's
    signature ("Brystygier", "(V. MOSKOVSKY)", "Chargé d'affaires a.i.") where the page has
    no summary, nor its note ("* The loan …", "[1] …")."""
    last_word = block[-1].text.split()[-1].rstrip("\"”’'")
    return (
        last_word.endswith((".", "!", "?", "…"))
        and not _INITIALS.fullmatch(last_word)  # "V. P.", "a.i.": a name's or an office's
        and not NOTE_LABEL.match(block[0].text)
    )


_INITIALS = re.compile(r"\(?(?:\w\.)+")


def _author_values(lines: list[Field], start: int) -> tuple[list[Field], int]:
    """The names under an "Author(s):" label that stands above the text (the run of lines
    after it, one name a line, up to the next blank line), and the position after them."""
    position = start
    while position < len(lines) and not lines[position].text.strip():
        position += 1
    first = position
    values: list[Field] = []
    while position < len(lines) and lines[position].text.strip():
        values.append(Field(lines[position].text.strip(), lines[position].line))
        position += 1
    if any(len(value.text) > UNWRAPPED_LINE for value in values):
        # the copy lost its blank lines, and the run is the text's too: the names are the
        # first line and the lines under it written as a catalogue writes names, "Ryšánek,
        # Zdeněk", "Czechoslovakia. Embassy (Korea (North))"
        count = 1
        while count < len(values) and _CATALOGUE_NAME.match(values[count].text):
            count += 1
        values, position = values[:count], first + count
    return values, position


# A name as a catalogue writes it: its first words, then a comma or a stop and more
_CATALOGUE_NAME = re.compile(r"^[^,.]{1,40}[,.]\s\S.{0,60}$")


def _read_facets(transcript: Transcript, lines: list[Field]) -> None:
    current: str | None = None
    for line in lines:
        if not line.text.strip():
            continue
        label = _label(line.text, _FACET_LABELS)
        if label:
            current = label
            transcript.furniture.append(line)
        elif current == "authors":
            transcript.authors.append(Field(line.text.strip(), line.line))
        elif current:
            transcript.facets.setdefault(current, []).append(Field(line.text.strip(), line.line))


def _read_back_matter(transcript: Transcript, lines: list[Field]) -> None:
    current: str | None = None
    for line in lines:
        text = " ".join(line.text.split())
        if not text:
            continue
        label = _label(text, _BACK_LABELS)
        if label:
            current = label
            transcript.furniture.append(line)
            continue
        value = Field(text, line.line)
        if current is None or current == "rights":
            if _RIGHTS.match(text) or current == "rights":
                transcript.rights.append(value)
            elif transcript.source_line is None:
                transcript.source_line = value
            else:
                _unrecognised(transcript, value)
        elif current == "source_line":
            if transcript.source_line is None:
                transcript.source_line = value
            else:
                _unrecognised(transcript, value)
        elif current == "funders":
            _add_funder(transcript, value)
        elif (
            current == "uploaded_date"
            and transcript.uploaded_date is None
            and (parse_date(text) or _ISO_TIMESTAMP.match(text))
        ):
            transcript.uploaded_date = value
        elif current == "uploaded_date" and transcript.document_type is None:
            transcript.document_type = value  # the page's type line follows the upload date
        elif current == "record_id" and _RECORD_ID.match(text):
            if transcript.record_id is None or transcript.record_id.text == text:
                transcript.record_id = value
            else:  # the citation's address gave another
                _unrecognised(transcript, value)
        elif (
            current in _SINGLE_LINE
            and getattr(transcript, current) is None
            and (current != "record_id")
        ):
            setattr(transcript, current, value)
        elif (
            _FUNDER_SENTENCE.match(text)
            or _FUNDER_NAME.search(text)
            or _is_funder(transcript, text)
        ):
            _add_funder(transcript, value)  # the funder named again at the page's foot
        else:  # the site's own lines after the page ("Share", "Print", its address)
            _unrecognised(transcript, value)


def _is_funder(transcript: Transcript, name: str) -> bool:
    """Whether `name` is a funder the page named before ("the" before it or not)."""
    key = _key(re.sub(r"^the\s+", "", name, flags=re.IGNORECASE))
    return any(_key(funder.text) == key for funder in transcript.funders)


def _add_funder(transcript: Transcript, value: Field) -> None:
    """A funder named again at the foot of the page is furniture, a new one is a funder."""
    match = _FUNDER_SENTENCE.match(value.text)
    name = match.group("funder") if match else value.text
    if _is_funder(transcript, name):
        transcript.furniture.append(value)
    else:
        if match:
            transcript.furniture.append(Field(value.text[: match.start("funder")], value.line))
        transcript.funders.append(Field(name, value.line))


def _unrecognised(transcript: Transcript, value: Field) -> None:
    transcript.unrecognised.append(value)
    transcript.warn(
        f"page text not recognised, kept verbatim in the header: {_clip(value.text)!r}", value.line
    )


def _clip(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- (b): the PDF export ------------------------------------------------------------------


def _read_pdf_export(lines: list[Field], path: Path, encoding: str) -> Transcript:
    # the PDF's running heads and page counts, copied with each page, are blank lines here: a
    # sentence cut by a page break is joined as one cut by a blank line is; in a copy that
    # lost its blank lines they are dropped, as the lines around them run on
    running = _running_heads(lines)
    blanked = {line.line for line in running}
    kept = [line for line in lines if line.line not in blanked]
    if all(line.text.strip() for line in _strip_blank(kept)):
        lines = kept
    else:
        lines = [Field("", line.line) if line.line in blanked else line for line in lines]
    citation_index = next(i for i, line in enumerate(lines) if _key(line.text) == "citation:")
    links, preamble = _site_links([line for line in lines[:citation_index] if line.text.strip()])
    sections: dict[str, list[Field]] = {}
    furniture: list[Field] = [*running, *links, lines[citation_index]]
    current = "citation"
    body_start = len(lines)
    for index in range(citation_index + 1, len(lines)):
        line = lines[index]
        if not line.text.strip():
            continue
        label = _label(line.text, _PDF_LABELS)
        if label:
            current = label
            furniture.append(line)
            continue
        if current == "contents":
            if _CONTENTS_ENTRY.match(line.text.strip()):
                furniture.append(line)
                continue
            body_start = index
            break
        sections.setdefault(current, []).append(line)
    back_start = _back_matter_start(lines, body_start)
    body = _strip_blank(lines[body_start:back_start])

    citation_field = _joined(sections["citation"]) if sections.get("citation") else None
    citation = parse_citation_string(citation_field.text) if citation_field else None
    date_line, title, rest = _date_and_title(preamble, citation)
    transcript = _assemble(
        path,
        Layout.PDF_EXPORT,
        encoding,
        body,
        date_line,
        title,
        citation_field,
        citation,
        lines[citation_index].line,
    )
    transcript.furniture += furniture
    if sections.get("summary"):
        transcript.summary = _joined(sections["summary"])
    for credit in sections.get("credits", []):
        _add_funder(transcript, Field(" ".join(credit.text.split()), credit.line))
    if sections.get("original_language"):
        transcript.original_language = _joined(sections["original_language"])
    if sections.get("original_archive"):
        transcript.original_archive = _joined(sections["original_archive"])
    if sections.get("record_id"):
        record_id = _joined(sections["record_id"])
        if _RECORD_ID.match(record_id.text):
            transcript.record_id = record_id
        else:  # the archive's record numbers are numbers; the document id is made of it
            _unrecognised(transcript, record_id)
    _navigation_or_unrecognised(transcript, links, rest)
    _read_trailing_back_matter(transcript, lines, back_start)
    return transcript


def _back_matter_start(lines: list[Field], body_start: int) -> int:
    """Where the page's "Document Information" block begins, which a copy of a layout that
    puts it beside the text (the PDF export, the older page) may have taken after the text;
    else the end."""
    return next(
        (i for i in range(body_start, len(lines)) if _begins_back_matter(lines[i])),
        len(lines),
    )


def _read_trailing_back_matter(transcript: Transcript, lines: list[Field], start: int) -> None:
    """Read the "Document Information" block found at `start` (if any) into `transcript`,
    whose source line so far is the citation's: the block's own comes first."""
    if start < len(lines):
        transcript.furniture.append(lines[start])
        cited, transcript.source_line = transcript.source_line, None
        _read_back_matter(transcript, lines[start + 1 :])
        transcript.source_line = transcript.source_line or cited


def _running_heads(lines: list[Field]) -> list[Field]:
    """The lines a PDF export prints on every page: its running head, perhaps over the kind of
    the page's content ("Wilson Center Digital Archive" / "Original Scan"), and page count."""
    found: list[Field] = []
    for index, line in enumerate(lines):
        text = line.text.strip()
        if _PDF_RUNNING.match(text) or (
            index
            and lines[index - 1].text.strip().casefold() == _ARCHIVE_NAME
            and _CONTENTS_ENTRY.match(text)
        ):
            found.append(line)
    return found


# --- (d): the older page ------------------------------------------------------------------


def _read_legacy_page(lines: list[Field], path: Path, encoding: str) -> Transcript:
    marker = next(i for i, line in enumerate(lines) if _key(line.text) == "citation share download")
    links, preamble = _site_links([line for line in lines[:marker] if line.text.strip()])
    furniture = [*links, lines[marker]]
    summary_lines: list[Field] = []
    citation_field: Field | None = None
    body_start = len(lines)
    for index in range(marker + 1, len(lines)):
        line = lines[index]
        text = line.text.strip()
        if not text:
            continue
        if citation_field is None:
            if _key(text) == "get citation":
                furniture.append(line)
            elif text[0] in '"“' and parse_citation_string(text):
                citation_field = Field(" ".join(text.split()), line.line)
            else:
                summary_lines.append(line)
        elif _LEGACY_FURNITURE.match(text):
            furniture.append(line)
        else:
            body_start = index
            break
    if citation_field is None:
        raise InputError(
            path,
            "older page layout without the archive's citation line "
            "(“Title,” Date, … Digital Archive, …)",
            lines[marker].line,
        )
    citation = parse_citation_string(citation_field.text)
    date_line, title, rest = _date_and_title(preamble, citation)
    back_start = _back_matter_start(lines, body_start)
    transcript = _assemble(
        path,
        Layout.LEGACY_PAGE,
        encoding,
        _strip_blank(lines[body_start:back_start]),
        date_line,
        title,
        citation_field,
        citation,
        lines[marker].line,
    )
    transcript.furniture += furniture
    if summary_lines:
        transcript.summary = _joined(summary_lines)
    _navigation_or_unrecognised(transcript, links, rest)
    _read_trailing_back_matter(transcript, lines, back_start)
    return transcript


def _navigation_or_unrecognised(
    transcript: Transcript, links: list[Field], rest: list[Field]
) -> None:
    """The lines before a layout's landmarks that are neither its date nor its title: under
    the site's "Skip to content", a few short lines are the site's own, its name and menu
    ("Wilson Center Digital Archive", "Search"), furniture as they are above a current page's
    date; any others are kept and reported."""
    if (
        links
        and len(rest) <= _NAVIGATION_LINES
        and all(len(line.text.strip()) <= _NAVIGATION_LENGTH for line in rest)
    ):
        transcript.furniture += rest
        return
    for extra in rest:
        _unrecognised(transcript, extra)


def _site_links(preamble: list[Field]) -> tuple[list[Field], list[Field]]:
    """The lines before a layout's first landmark, split into the site's own links at their
    head ("Skip to content", which a copy of any web page may begin with) and the rest."""
    links = 0
    while links < len(preamble) and _key(preamble[links].text) == _SKIP_LINK:
        links += 1
    return preamble[:links], preamble[links:]


def _date_and_title(
    preamble: list[Field], citation: CitationString | None
) -> tuple[Field | None, Field | None, list[Field]]:
    """The date line and the title of the lines before a layout's first landmark (the title
    the line after the date, or before it), and the lines that are neither: the site's own
    lines a copy took ("Wilson Center Digital Archive", "Search"). Without a date among the
    last lines, a line is the title only where it is the citation's."""
    tail = preamble[-2:]  # the page's own lines come last, just before the landmark
    date_line = next((line for line in tail if parse_date(line.text)), None)
    if date_line is not None:
        title = next((line for line in reversed(tail) if line is not date_line), None)
    else:
        named = _key(citation.title) if citation is not None else None
        title = next((line for line in tail if _key(line.text) == named), None)
    rest = [line for line in preamble if line is not date_line and line is not title]
    return date_line, title, rest


def _assemble(
    path: Path,
    layout: Layout,
    encoding: str,
    body: list[Field],
    date_line: Field | None,
    title: Field | None,
    citation_field: Field | None,
    citation: CitationString | None,
    landmark_line: int,
) -> Transcript:
    """Build a transcript of layouts (b) and (d), whose citation string backs up title and date."""
    if citation_field is not None and citation is None:
        citation_warning = (
            f"the archive's citation is in a pattern I do not know; kept "
            f"verbatim: {_clip(citation_field.text)!r}"
        )
    else:
        citation_warning = None
    if date_line is None and citation is not None and parse_date(citation.date):
        date_line = Field(citation.date, citation_field.line)  # type: ignore[union-attr]
    if date_line is None:
        raise InputError(path, "no date: neither a date line nor a dated citation", landmark_line)
    if title is None and citation is not None:
        title = Field(citation.title, citation_field.line)  # type: ignore[union-attr]
    if title is None:
        raise InputError(path, "no title: neither a title line nor a citation", landmark_line)
    if not body:
        raise InputError(path, "no document text after the page's header", landmark_line)
    transcript = Transcript(
        path=path,
        layout=layout,
        encoding=encoding,
        title=Field(" ".join(title.text.split()), title.line),
        page_date=Field(date_line.text.strip(), date_line.line),
        body=body,
        citation=citation_field,
    )
    if citation_warning:
        transcript.warn(citation_warning, citation_field.line)  # type: ignore[union-attr]
    if citation is not None:
        transcript.url = citation.url
        if citation.source_line:
            transcript.source_line = Field(citation.source_line, citation_field.line)  # type: ignore[union-attr]
        if citation.record_id:
            transcript.record_id = Field(citation.record_id, citation_field.line)  # type: ignore[union-attr]
    return transcript


def _lines(text: str) -> list[str]:
    """The lines of a text whose lines end in "\r\n", "\r" or "\n" (str.splitlines would also
    break at form feeds and other separators that a copied page keeps within a line)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")
