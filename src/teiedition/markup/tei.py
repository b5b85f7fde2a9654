"""Small helpers for building TEI with lxml."""

from __future__ import annotations

from lxml import etree

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NSMAP = {None: TEI_NS}


def tei(tag: str) -> str:
    return f"{{{TEI_NS}}}{tag}"


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
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text
