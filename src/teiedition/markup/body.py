"""The TEI ``text`` of a document from its block structure."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

from lxml import etree

from teiedition.markup.blocks import Block, Body, EntryNode, ItemNode, ListNode, SectionNode
from teiedition.markup.inline import Annotator, Break, Paragraph, Span, mark_up, page_break
from teiedition.markup.tei import XML_ID, XML_LANG, element, sub, tei

# Opening and closing lines: which TEI element holds each kind of line.
_LINE_ELEMENTS: dict[str, tuple[str, dict[str, str]]] = {
    "classification": ("seg", {"type": "classification"}),
    "precedence": ("seg", {"type": "precedence"}),
    "transmission": ("seg", {"type": "transmission"}),  # a telegram's "Dispatched …" line
    "registry": ("seg", {"type": "registry-number"}),
    "reference": ("seg", {"type": "reference"}),
    "addressee": ("seg", {"type": "addressee"}),
    "sender": ("seg", {"type": "sender"}),  # a telegram's "From: …" or "Sender: …" line
    "salute": ("salute", {}),
    "issuer": ("byline", {}),  # the office that issued the document: its letterhead
    "responsibility": ("byline", {}),  # who compiled or typed it: "Compiled by: …"
    "signed": ("signed", {}),
    "office": ("signed", {}),  # the signer's office: "Counsellor", "Chargé d'affaires a.i."
}


class _Ids:
    """Hands out the paragraph-level ids of one document, in reading order."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.counts: dict[str, int] = {}

    def next(self, kind: str) -> str:
        self.counts[kind] = self.counts.get(kind, 0) + 1
        return f"{self.prefix}-{kind}{self.counts[kind]}"


def build_text(
    body: Body, doc_id: str, language: str, annotators: Sequence[Annotator] = ()
) -> etree._Element:
    """The TEI ``text``; `annotators` (names, dates) mark up headings, paragraphs, list
    items and signatures, in reading order."""
    text = element("text")
    text.set(XML_LANG, language)
    body_el = sub(text, "body")
    ids = _Ids(doc_id)
    # the notes' ids first, in the text's order: the text refers to them before they come
    foot_notes = [(note, ids.next("n")) for note in _blocks(body) if note.kind == "note"]
    notes = [(note, ids.next("n")) for note in body.notes if note.kind == "note"]
    by_number: dict[str, str] = {}
    for note, note_id in foot_notes + notes:
        by_number.setdefault(note.number or "", note_id)  # a number twice: the first
    builder = _Builder(ids, tuple(annotators), by_number, body.speakers)
    builder.foot_notes = {id(note): note_id for note, note_id in foot_notes}
    builder.division(sub(body_el, "div", type="document"), body)
    # an enclosure follows the document's signature, as a division of its own: the
    # document's closer ends its division
    for enclosure in body.enclosures:
        div = sub(body_el, "div", type="enclosure")
        builder.heading(div, enclosure.mark)
        builder.division(div, enclosure.body)
    if notes:  # back matter, as the TEI Guidelines place a text's notes
        notes_div = sub(sub(text, "back"), "div", type="notes")
        for heading in (b for b in body.notes if b.kind == "head"):
            builder.heading(notes_div, heading)
        for note, note_id in notes:
            builder.note(notes_div, note, note_id)
    return text


def _blocks(body: Body) -> Iterator[Block]:
    """The blocks of the document and its enclosures, in the text's order."""
    for division in (body, *(enclosure.body for enclosure in body.enclosures)):
        yield from division.opener
        yield from _nested(division.main)
        yield from division.closer
        yield from _nested(division.postscript)


def _nested(nodes: Iterable[Block | ListNode | SectionNode | EntryNode]) -> Iterator[Block]:
    for node in nodes:
        if isinstance(node, Block):
            yield node
        elif isinstance(node, ListNode):
            yield from [node.head] if node.head is not None else []
            for item in node.items:
                yield from _nested(item.content)
        else:  # a section, under its heading, or a journal's entry, under its date
            yield node.head if isinstance(node, SectionNode) else node.date
            yield from _nested(node.content)


class _Turn(NamedTuple):
    label_end: int  # where the speaker's name and its colon end
    rest: Paragraph  # what he says


def _turn(paragraph: Paragraph, speakers: frozenset[str]) -> _Turn | None:
    """The speaker and the words of a paragraph that opens a turn of a conversation, a
    speaker's name and a colon ("Moskovsky: I will convey this."); None for any other (or
    one the copy damaged before the words: its repairs stay where they are)."""
    if not speakers:
        return None
    colon = paragraph.text.find(":")
    if colon <= 0 or paragraph.text[:colon] not in speakers:
        return None
    rest = _after(paragraph, colon + 1)
    return _Turn(colon + 1, rest) if rest is not None else None


def _part(paragraph: Paragraph, start: int, end: int) -> Paragraph:
    """The characters of `paragraph` from `start` to `end`, with the breaks among them."""
    breaks = [(at - start, kind) for at, kind in paragraph.breaks if start <= at <= end]
    return Paragraph(paragraph.text[start:end], breaks)


def _after(paragraph: Paragraph, end: int) -> Paragraph | None:
    """What follows `paragraph`'s first `end` characters and the space after them; None when
    the copy damaged the paragraph before it (its repairs stay where they are)."""
    start = len(paragraph.text) - len(paragraph.text[end:].lstrip())
    if any(at < start for at, _ in paragraph.breaks):
        return None
    return Paragraph(paragraph.text[start:], [(at - start, kind) for at, kind in paragraph.breaks])


def _is_label_row(first: etree._Element, second: etree._Element) -> bool:
    """Whether a table's first row names its columns ("Year" / "Plan (t)" / "Actual (t)",
    or the years it compares, "Product" / "1961" / "1962"): no figure in it but years, and
    figures other than years in the row below."""
    return all(_names_a_column(cell) for cell in first) and not all(
        _names_a_column(cell) for cell in second
    )


def _names_a_column(cell: etree._Element) -> bool:
    text = "".join(cell.itertext()).strip()
    return not any(c.isdigit() for c in text) or _YEAR_ALONE.fullmatch(text) is not None


_YEAR_ALONE = re.compile(r"(?:1[89]|20)\d\d(?:[-–/](?:\d\d){1,2})?")


def _introduced_by_turn(parent: etree._Element) -> bool:
    """Whether the last thing in `parent` is a turn of a conversation whose words end with a
    colon: the list after it is what the speaker lists."""
    if not len(parent) or parent[-1].tag != tei("sp"):
        return False
    return "".join(parent[-1][-1].itertext()).rstrip().endswith(":")


class _Signature:
    """The name annotator in a signature line, where the whole line may be the name."""

    def __init__(self, names: Annotator) -> None:
        self.names = names

    def spans(self, text: str, atoms: list[Span]) -> list[Span]:
        return self.names.signature(text, atoms)  # type: ignore[attr-defined]


class _Builder:
    def __init__(
        self,
        ids: _Ids,
        annotators: tuple[Annotator, ...],
        notes: dict[str, str],
        speakers: frozenset[str] = frozenset(),
    ) -> None:
        self.ids = ids
        self.annotators = annotators
        self.notes = notes  # the ids of the text's notes, by number
        self.foot_notes: dict[int, str] = {}  # the ids of the notes in the text, by block
        self.speakers = speakers  # the names that open the turns of a conversation
        # each speaker's label as first marked up: a label means one person throughout
        self.speaker_labels: dict[str, etree._Element] = {}

    def division(self, div: etree._Element, body: Body) -> None:
        """A document's (or an enclosure's) opener, text, closer and postscript."""
        self.frame(div, body.opener, "opener")
        for node in body.main:
            self.node(div, node)
        self.frame(div, body.closer, "closer")
        if body.postscript:  # after the signature, as model.divBottom allows
            postscript = sub(div, "postscript")
            for node in body.postscript:
                self.node(postscript, node)

    def frame(self, div: etree._Element, blocks: list[Block], tag: str) -> None:
        """Opener or closer lines, in their order; a heading among them stands on its own."""
        group: etree._Element | None = None
        for block in blocks:
            if block.kind == "head":
                self.heading(div, block)
                group = None
                continue
            if group is None:
                group = sub(div, tag)
            self.line(group, block)

    def heading(self, div: etree._Element, block: Block, numbered: int = 0) -> None:
        """A heading; its first `numbered` characters are a section's number ("I."), which
        is no text to mark up: "I. Relations with the USSR" names no "I. Relations"."""
        head = sub(div, "head")
        head.set(XML_ID, self.ids.next("h"))
        # a heading's lines are its own ("RECORD" / "of a conversation with …"), not breaks
        # the copy made in a sentence
        paragraph = Paragraph(
            block.paragraph.text,
            [
                (at, Break.HEADING_LINE if kind is Break.LINE else kind)
                for at, kind in block.paragraph.breaks
            ],
        )
        if numbered and (title := _after(paragraph, numbered)) is not None:
            head.text = paragraph.text[: len(paragraph.text) - len(title.text)]
            paragraph = title
        mark_up(head, paragraph, self.annotators, self.notes)

    def line(self, parent: etree._Element, block: Block) -> None:
        if block.kind == "dateline":
            dateline = sub(parent, "dateline")
            assert block.date is not None
            at = block.text.index(block.date.text)
            place_first = block.place is not None and block.text.startswith(block.place)
            if place_first:
                place = sub(dateline, "placeName", block.place)
                ref = next(
                    (a.place_ref(block.place) for a in self.annotators if hasattr(a, "place_ref")),
                    None,
                )
                if ref:
                    place.set("ref", f"#{ref}")
            # what stands between the place (or the line's start: "Date: ") and the date,
            # perhaps the line's end; then what follows the date ("r.", the time of day: ",
            # 14:05 hrs."), or the place on the line under it, marked as places are
            begin, end = len(block.place or "") if place_first else 0, at + len(block.date.text)
            mark_up(dateline, _part(block.paragraph, begin, at))
            sub(dateline, "date", block.date.text, **block.date.attributes())
            mark_up(dateline, _part(block.paragraph, end, len(block.text)), self.annotators)
            return
        if block.kind == "remark":  # its brackets make it a note of the opener's own
            mark_up(parent, block.paragraph, (), self.notes)
            return
        tag, attributes = _LINE_ELEMENTS[block.kind]
        if block.kind == "responsibility" and parent.tag == tei("closer"):
            tag, attributes = "seg", {"type": "responsibility"}  # a closer holds no byline
        # names only in signatures, addresses and a telegram's dispatch (its place, date and
        # time); classification and numbers are no names.
        # A signature line with no name found is the signer's name; an office is no name.
        annotators: tuple[Annotator, ...] = ()
        if block.kind in {"signed", "responsibility"}:  # "Compiled by: Kádas István"
            annotators = tuple(
                _Signature(a) if hasattr(a, "signature") else a for a in self.annotators
            )
        elif block.kind in {"addressee", "sender", "salute", "office", "issuer", "transmission"}:
            annotators = self.annotators
        mark_up(sub(parent, tag, **attributes), block.paragraph, annotators, self.notes)

    def node(
        self, parent: etree._Element, node: Block | ListNode | SectionNode | EntryNode
    ) -> None:
        if isinstance(node, SectionNode):
            section = sub(parent, "div", type="section")
            if node.number:
                section.set("n", node.number)
            self.heading(section, node.head, numbered=len(node.number) + 1 if node.number else 0)
            for content in node.content:
                self.node(section, content)
        elif isinstance(node, EntryNode):  # a journal's entry: its date opens it
            entry = sub(parent, "div", type="entry")
            self.frame(entry, [node.date], "opener")
            around = self.annotators
            if (day := node.date.date) is not None:  # the entry's dates count from its day
                self.annotators = tuple(
                    a.anchored_on(day) if hasattr(a, "anchored_on") else a for a in around
                )
            for content in node.content:
                self.node(entry, content)
            self.annotators = around
        elif isinstance(node, ListNode):
            if _introduced_by_turn(parent):  # "Pak: … our own view:" / "- that …": Pak's
                parent = parent[-1]
            list_el = sub(parent, "list", type=node.kind)
            if node.head is not None:
                self.heading(list_el, node.head)
            for item in node.items:
                self.item(list_el, item)
        elif node.kind == "head":  # a section's title under its number
            self.heading(parent, node)
        elif node.kind == "table-head":  # a table's caption: the rows under it are its
            table = sub(parent, "table")
            table.set(XML_ID, self.ids.next("t"))
            self.heading(table, node)
        elif node.cells:  # a table's row: rows one after another make one table
            last = parent[-1] if len(parent) else None
            if last is not None and last.tag == tei("table"):
                table = last
            else:
                table = sub(parent, "table")
                table.set(XML_ID, self.ids.next("t"))
            row = sub(table, "row")
            for text in node.cells:
                mark_up(sub(row, "cell"), text, self.annotators, self.notes)
            rows = table.findall(tei("row"))
            if len(rows) == 2 and _is_label_row(rows[0], row):
                rows[0].set("role", "label")
        elif node.kind == "note":  # where a page's foot put it
            self.note(parent, node, self.foot_notes[id(node)], place="foot")
        elif node.kind == "page":
            # the original's page begins: pb, and its number as the translation prints it
            page_break(parent, node.text, node.page)
        elif node.kind == "break":  # "* * *": a boundary between parts, its mark as printed
            sub(parent, "milestone", unit="section", rend=node.text)
        else:
            paragraph = node.paragraph
            if turn := _turn(paragraph, self.speakers):  # "Moskovsky: I will convey this."
                parent, paragraph = self.speaker(parent, paragraph, turn), turn.rest
            p = sub(parent, "p")
            p.set(XML_ID, self.ids.next("p"))
            mark_up(p, paragraph, self.annotators, self.notes)

    def speaker(self, parent: etree._Element, paragraph: Paragraph, turn: _Turn) -> etree._Element:
        """A turn of a conversation, `sp`, opened by its speaker as the transcript writes him
        ("Moskovsky:"); `@who` points to the person the name is linked to. Returns the turn,
        for its paragraph."""
        sp = sub(parent, "sp")
        label = paragraph.text[: turn.label_end]
        if (first := self.speaker_labels.get(label)) is not None:
            # as it was read at its first turn: "K.:" is the recorder still, though a Kim has
            # been named since
            speaker = copy.deepcopy(first)
            sp.append(speaker)
        else:
            speaker = self.speaker_labels[label] = sub(sp, "speaker")
            mark_up(speaker, label, self.annotators, self.notes)
        if (name := speaker.find(f".//{tei('persName')}[@ref]")) is not None:
            sp.set("who", name.get("ref", ""))
        return sp

    def note(self, div: etree._Element, block: Block, note_id: str, place: str = "end") -> None:
        """A note of the translator's, in the order the text has them."""
        note = sub(div, "note", place=place, n=block.number or "")
        note.set(XML_ID, note_id)
        mark_up(note, block.paragraph, self.annotators, self.notes)

    def item(self, list_el: etree._Element, item: ItemNode) -> None:
        if item.label:  # a distribution list's lines have none
            sub(list_el, "label", item.label)
        item_el = sub(list_el, "item", n=item.number) if item.number else sub(list_el, "item")
        item_el.set(XML_ID, self.ids.next("i"))
        for content in item.content:
            self.node(item_el, content)
