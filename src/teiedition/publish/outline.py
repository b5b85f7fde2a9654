"""The edition's documents in the edition's order, and what a page or volume needs to know of
the others: each one's place in the order (the stylesheets' te:sort-key) and its header.
Both come from the header alone, and are cached by the document's content, so an unchanged
edition is put in order without parsing a document."""

from __future__ import annotations

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


def header_only(path: Path) -> etree._Element:
    """The document reduced to its root and header: enough to name, date and order it."""
    root = etree.parse(str(path), safe_parser()).getroot()
    reduced = etree.Element(root.tag, nsmap=root.nsmap)
    reduced.set(XML_ID, root.get(XML_ID, ""))
    header = root.find(f"{{{TEI_NS}}}teiHeader")
    if header is not None:
        reduced.append(header)
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
            reduced = header_only(path)
            known = [sort_key(reduced), digest(etree.tostring(reduced, encoding="UTF-8"))]
            store.put(key, known)
        outlines.append(Outline(path, content, known[0], known[1]))
    store.save()
    return sorted(outlines, key=lambda outline: outline.sort_key)
