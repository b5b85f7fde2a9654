"""Small helpers for building TEI with lxml."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

if TYPE_CHECKING:
    from teiedition.config import Config

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: Quotation-mark pairs and the @rend value of q that records them, so that the marks can be
#: given back (the mark-up writes them, the text read back and the stylesheets restore them)
QUOTE_STYLES: dict[str, tuple[str, str]] = {
    "double-curly": ("“", "”"),
    "low-high": ("„", "”"),
    "low-curly": ("„", "“"),
    "guillemets": ("«", "»"),
    "straight": ('"', '"'),
}
NSMAP = {None: TEI_NS}


def tei(tag: str) -> str:
    return f"{{{TEI_NS}}}{tag}"


def document_key(tree: etree._ElementTree) -> str:
    """A TEI document's key: its root's id."""
    return tree.getroot().get(XML_ID) or ""


def element(tag: str, text: str | None = None, **attributes: str) -> etree._Element:
    """A TEI element; the keyword ``xml_id`` sets ``xml:id``."""
    return _filled(etree.Element(tei(tag), nsmap=NSMAP), text, attributes)


def sub(
    parent: etree._Element, tag: str, text: str | None = None, **attributes: str
) -> etree._Element:
    # made in place, in the parent's document (not made alone, then moved)
    return _filled(etree.SubElement(parent, tei(tag)), text, attributes)


def _filled(el: etree._Element, text: str | None, attributes: dict[str, str]) -> etree._Element:
    for name, value in attributes.items():
        el.set(XML_ID if name == "xml_id" else name, value)
    if text is not None:
        el.text = text
    return el


def append_text(parent: etree._Element, text: str) -> None:
    """Append character data after the last child of `parent` (or as its text)."""
    if not text:
        return
    try:
        last = parent[-1]  # found at once, where len(parent) counts every child
    except IndexError:
        parent.text = (parent.text or "") + text
    else:
        last.tail = (last.tail or "") + text


def edition_titles(parent: etree._Element, config: Config) -> None:
    """The edition's title, subtitle and editors, as a seriesStmt or titleStmt holds them."""
    sub(parent, "title", config.title, type="main")
    if config.subtitle:
        sub(parent, "title", config.subtitle, type="sub")
    for editor in config.editors:
        sub(parent, "editor", editor)
