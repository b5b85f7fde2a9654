"""Reports on the built edition: which names the texts mention and which still need review."""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teiedition.cache import Store, digest, file_digest
from teiedition.errors import InputError
from teiedition.markup.tei import XML_ID, tei
from teiedition.markup.text import normalise, source_text
from teiedition.registers import SAFE_PARSER, UNREVIEWED, UNREVIEWED_FILES
from teiedition.writers import write_if_changed

# the name elements, by tag, with the names the report gives them
_NAME_TAGS = {tei(name): name for name in ("persName", "placeName", "orgName")}
# a speaker's name is read with the words of his turn: "Moskovsky: I will convey this."
_BLOCKS = {tei(tag) for tag in ("p", "head", "byline", "signed", "seg", "salute", "sp")}


@dataclass
class ReviewRow:
    proposed_id: str
    names: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)
    context: str = ""


@dataclass
class EntityReport:
    mentions: Counter[str] = field(default_factory=Counter)  # by element name
    linked: int = 0
    unreviewed: int = 0
    unlinked: int = 0
    rows: dict[str, ReviewRow] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.mentions.values())

    def summary(self) -> str:
        return (
            f"entities: {self.total} mentions ({self.mentions['persName']} persons, "
            f"{self.mentions['placeName']} places, {self.mentions['orgName']} organisations); "
            f"{self.linked} linked to the registers, {self.unreviewed} to unreviewed entries "
            f"({len(self.rows)} names to review), {self.unlinked} not linked"
        )

    def csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["name", "proposed_id", "documents", "context"])
        for row in sorted(self.rows.values(), key=lambda r: r.proposed_id):
            writer.writerow(
                [
                    " | ".join(sorted(row.names)),
                    row.proposed_id,
                    " ".join(sorted(row.documents)),
                    row.context,
                ]
            )
        return out.getvalue()


def entity_report(
    paths: Iterable[Path], store: Store | None = None, code: str = ""
) -> EntityReport:
    """The mentions of every document, counted and merged in path order. With a `store`,
    what each document holds is read once per content (and `code`)."""
    report = EntityReport()
    for path in sorted(paths):
        found = None
        if store is not None:
            key = digest(code, file_digest(path))
            found = store.get(key)
        if found is None:
            found = document_entities(path)
            if store is not None:
                store.put(key, found)
        doc_id = found["doc"]
        for element, count in found["mentions"].items():
            report.mentions[element] += count
        report.linked += found["linked"]
        report.unlinked += found["unlinked"]
        for ref, surface, context in found["unreviewed"]:
            report.unreviewed += 1
            row = report.rows.setdefault(ref, ReviewRow(ref))
            row.names.add(surface)
            row.documents.add(doc_id)
            if not row.context:
                row.context = context
    return report


def document_entities(path: Path) -> dict:
    """One document's mentions: counts by element, and each mention of an unreviewed entry
    with its surface form and context, in document order."""
    try:
        root = etree.parse(str(path), SAFE_PARSER).getroot()
    except etree.XMLSyntaxError as err:
        raise InputError(path, f"not well-formed XML: {err.msg}", err.lineno) from err
    return entities_of(root, path.stem)


def entities_of(root: etree._Element, fallback_id: str) -> dict:
    """`document_entities` of a document already read (`fallback_id`: its id if it has
    none)."""
    # lxml's walks, not XPath: this runs for every document a build writes, and they are
    # a third as dear
    unreviewed = {
        entry.get(XML_ID)
        for stand_off in root.iterchildren(tei("standOff"))
        for entry in stand_off.iter(*map(tei, UNREVIEWED_FILES))
        if entry.get(XML_ID) is not None
        and any(
            note.get("type") == "status" and note.get("subtype") == UNREVIEWED
            for note in entry.iterchildren(tei("note"))
        )
    }
    found: dict = {
        "doc": root.get(XML_ID) or fallback_id,
        "mentions": {},
        "linked": 0,
        "unlinked": 0,
        "unreviewed": [],
    }
    names = (n for text in root.iterchildren(tei("text")) for n in text.iter(*_NAME_TAGS))
    for name in names:  # in document order, as they are in the text
        element = _NAME_TAGS[name.tag]
        found["mentions"][element] = found["mentions"].get(element, 0) + 1
        ref = (name.get("ref") or "").removeprefix("#")
        if not ref:
            found["unlinked"] += 1
        elif ref in unreviewed:
            surface = normalise(source_text(name))
            found["unreviewed"].append([ref, surface, _context(name, surface)])
        else:
            found["linked"] += 1
    return found


def _context(name: etree._Element, surface: str, width: int = 60) -> str:
    block = name
    while block.getparent() is not None and block.tag not in _BLOCKS:
        block = block.getparent()
    text = normalise(source_text(block))
    at = max(text.find(surface), 0)
    start, end = max(at - width, 0), min(at + len(surface) + width, len(text))
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def write_review_csv(report: EntityReport, path: Path) -> None:
    write_if_changed(path, report.csv().encode("utf-8"))
