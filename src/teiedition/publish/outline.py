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

from teiedition.cache import Store, digest
from teiedition.markup.tei import TEI_NS, XML_ID
from teiedition.validation import safe_parser


@dataclass(frozen=True)
class Outline:
    path: Path
    content: str  # digest of the file
    sort_key: str
    header: str  # digest of the header: what a neighbour's page shows of this document
    #: digest of what the pages listing the edition show of it: its header, its register
    #: copies, and each name in its text with the paragraph it is in (not the rest of the text)
    listing: str


_NAMES = f"{{{TEI_NS}}}persName", f"{{{TEI_NS}}}placeName", f"{{{TEI_NS}}}orgName"


def listing_digest(root: etree._Element, reduced: etree._Element) -> str:
    parts: list[bytes | str] = [etree.tostring(reduced, encoding="UTF-8")]
    stand_off = root.find(f"{{{TEI_NS}}}standOff")
    if stand_off is not None:
        parts.append(etree.tostring(stand_off, encoding="UTF-8", with_tail=False))
    text = root.find(f"{{{TEI_NS}}}text")
    if text is not None:
        for name in text.iter(*_NAMES):
            if name.get("ref") is None:
                continue
            unit = next((a for a in name.iterancestors() if a.get(XML_ID)), root)
            parts += [unit.get(XML_ID, ""), etree.tostring(name, encoding="UTF-8", with_tail=False)]
    return digest(*parts)


def header_only(path: Path) -> etree._Element:
    """The document reduced to its root and header: enough to name, date and order it."""
    return _reduce(etree.parse(str(path), safe_parser()).getroot())


def _reduce(root: etree._Element) -> etree._Element:
    reduced = etree.Element(root.tag, nsmap=root.nsmap)
    reduced.set(XML_ID, root.get(XML_ID, ""))
    header = root.find(f"{{{TEI_NS}}}teiHeader")
    if header is not None:
        reduced.append(copy.deepcopy(header))
    return reduced


def edition_order(
    paths: list[Path],
    sort_key: Callable[[etree._Element], str],
    cache_dir: Path | None,
    code: str,
) -> list[Outline]:
    """`paths` in the edition's order; `sort_key` (of a header-only document) is called only
    for documents the cache does not know."""
    store = Store(cache_dir, "outlines")
    outlines = []
    for path in paths:
        content = digest(path.read_bytes())
        key = digest(code, content)
        known = store.get(key)
        if known is None:
            root = etree.parse(str(path), safe_parser()).getroot()
            reduced = _reduce(root)
            known = [
                sort_key(reduced),
                digest(etree.tostring(reduced, encoding="UTF-8")),
                listing_digest(root, reduced),
            ]
            store.put(key, known)
        outlines.append(Outline(path, content, *known))
    store.save()
    return sorted(outlines, key=lambda outline: outline.sort_key)
