"""The edition's documents in the edition's order, and what a page or volume needs to know of
the others: each one's place in the order (the stylesheets' te:sort-key) and its header.
Both come from the header alone, and are cached by the document's content, so an unchanged
edition is put in order without parsing a document."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from teiedition.cache import Store, digest, file_digest
from teiedition.config import Config
from teiedition.markup.tei import TEI_NS, XML_ID
from teiedition.markup.text import unit_of
from teiedition.parallel import run_chunks
from teiedition.publish.xslt import Transform
from teiedition.validation import safe_parser


@dataclass(frozen=True)
class Outline:
    path: Path
    content: str  # digest of the file
    sort_key: str
    header: str  # digest of the header: what a neighbour's page shows of this document
    listing: str  # digest of its `listing_document` ("" when not asked for)


_NAMES = f"{{{TEI_NS}}}persName", f"{{{TEI_NS}}}placeName", f"{{{TEI_NS}}}orgName"
# The parts of a text whose lines no id cites, which a name's mentions are listed by
_PARTS = tuple(f"{{{TEI_NS}}}{part}" for part in ("opener", "closer", "postscript"))


def registered_ids(registers_dir: Path) -> frozenset[str]:
    """The ids of every entry of the edition's registers (curated and unreviewed)."""
    return frozenset(
        el.get(XML_ID)
        for path in sorted(registers_dir.glob("*.xml"))
        for el in etree.parse(str(path), safe_parser()).iter()
        if el.get(XML_ID)
    )


def listing_document(
    root: etree._Element, registered: frozenset[str] = frozenset()
) -> etree._Element:
    """What the pages listing the edition are given of a document (and all they may read):
    its header, the register copies of entries the registers (`registered`) lack, and each
    name in its text inside a copy of the paragraph (or other unit) it is in, without the rest
    of the text. A fraction of the document, so an edition of thousands fits in memory; and a
    digest of it says whether those pages change."""
    skeleton = _reduce(root)
    stand_off = root.find(f"{{{TEI_NS}}}standOff")
    if stand_off is not None:
        own = copy.deepcopy(stand_off)
        for entry in own.xpath("*/*[@xml:id]"):
            if entry.get(XML_ID) in registered:  # the pages read the registers' own entry
                entry.getparent().remove(entry)
        for listing in own.xpath("*[not(*)]"):
            own.remove(listing)
        if len(own):
            skeleton.append(own)
    text = root.find(f"{{{TEI_NS}}}text")
    if text is None:
        return skeleton
    body = etree.SubElement(
        etree.SubElement(skeleton, text.tag, dict(text.attrib)), f"{{{TEI_NS}}}body"
    )
    holders: dict[etree._Element, etree._Element] = {}
    parts: dict[str, etree._Element] = {}
    for name in text.iter(*_NAMES):
        if any(a.tag in _NAMES for a in name.iterancestors()):
            continue  # copied with the name it is part of
        if not any(n.get("ref") is not None for n in name.iter(*_NAMES)):
            continue
        unit = unit_of(name)
        holder = body
        if unit is not None:
            if unit not in holders:
                holders[unit] = etree.SubElement(body, unit.tag, {XML_ID: unit.get(XML_ID)})
            holder = holders[unit]
        elif (part := next((a for a in name.iterancestors(*_PARTS)), None)) is not None:
            # an opener's or a closer's line, which no id cites: the part it is in, which
            # the listing names ("signature")
            if part.tag not in parts:
                parts[part.tag] = etree.SubElement(body, part.tag)
            holder = parts[part.tag]
        kept = copy.deepcopy(name)
        kept.tail = None
        holder.append(kept)
    return skeleton


def listing_digest(root: etree._Element, registered: frozenset[str]) -> str:
    return digest(etree.tostring(listing_document(root, registered), encoding="UTF-8"))


def _reduce(root: etree._Element) -> etree._Element:
    """The document reduced to its root and header: enough to name, date and order it."""
    reduced = etree.Element(root.tag, nsmap=root.nsmap)
    reduced.set(XML_ID, root.get(XML_ID, ""))
    header = root.find(f"{{{TEI_NS}}}teiHeader")
    if header is not None:
        reduced.append(copy.deepcopy(header))
    return reduced


class SortKeys:
    """te:sort-key of header-only documents, by `stylesheet`, compiled only when first asked
    (an edition whose outlines are all cached needs no stylesheet)."""

    def __init__(self, config: Config, stylesheet: Path) -> None:
        self.config, self.stylesheet = config, stylesheet
        self.transform: Transform | None = None

    def __call__(self, reduced: etree._Element) -> str:
        if self.transform is None:
            self.transform = Transform(self.config, self.stylesheet, with_documents=False)
        return self.transform.sort_key(self.transform.parse_element(reduced))


def edition_order(
    paths: list[Path],
    sort_key: Callable[[etree._Element], str],
    cache_dir: Path | None,
    code: str,
    registered: frozenset[str] | None = None,
    purpose: str = "print",
    jobs: int = 1,
) -> list[Outline]:
    """`paths` in the edition's order; `sort_key` (of a header-only document, as `SortKeys`)
    is called only for documents the cache does not know, on `jobs` processes. With
    `registered` (the registers' ids), each outline has its listing digest (see
    `listing_document`); without, none. Each `purpose` keeps its own cache."""
    store = Store(cache_dir, f"outlines-{purpose}")
    context = digest(code, repr(None if registered is None else sorted(registered)))
    contents = [file_digest(path) for path in paths]
    keys = [digest(context, content) for content in contents]
    known = [store.get(key) for key in keys]
    missing = [index for index, facts in enumerate(known) if facts is None]
    outlined = run_chunks(
        [str(paths[index]) for index in missing],
        _outline_chunk,
        jobs,
        _setup_outlining,
        (sort_key, registered),
    )
    for index, facts in zip(missing, outlined, strict=True):
        known[index] = facts
        store.put(keys[index], facts)
    store.save()
    outlines = [
        Outline(path, content, *facts)
        for path, content, facts in zip(paths, contents, known, strict=True)
    ]
    return sorted(outlines, key=lambda outline: outline.sort_key)


# --- outlining on every core --------------------------------------------------------------------

_OUTLINING: list = []  # a worker's sort key and registered ids


def _setup_outlining(
    sort_key: Callable[[etree._Element], str], registered: frozenset[str] | None
) -> None:
    _OUTLINING[:] = [sort_key, registered]


def _outline_chunk(paths: list[str]) -> list[list[str]]:
    """For each document: its sort key, its header's digest and its listing digest."""
    sort_key, registered = _OUTLINING
    facts = []
    for path in paths:
        root = etree.parse(path, safe_parser()).getroot()
        reduced = _reduce(root)
        facts.append(
            [
                sort_key(reduced),
                digest(etree.tostring(reduced, encoding="UTF-8")),
                "" if registered is None else listing_digest(root, registered),
            ]
        )
    return facts
