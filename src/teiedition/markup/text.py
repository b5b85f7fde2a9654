"""Text readings of our TEI.

`source_text` gives back the transcript's characters from the mark-up (brackets, quotation
marks, list labels, the damaged readings under `sic`): it is how the tests prove that
conversion lost nothing and invented nothing.
"""

from __future__ import annotations

import re

from lxml import etree

from teiedition.markup.inline import QUOTE_STYLES
from teiedition.markup.tei import TEI_NS

_WHITESPACE = re.compile(r"\s+")
_ELLIPSIS_IN_BRACKETS = re.compile(r"\[\s*(?:\.\s*\.\s*\.|…\.?)\s*\]")


def normalise(text: str) -> str:
    """Collapse every run of white space (including no-break spaces) to one space and write
    every bracketed ellipsis as "[…]", the forms in which the comparison is made."""
    return _ELLIPSIS_IN_BRACKETS.sub("[…]", _WHITESPACE.sub(" ", text)).strip()


def source_text(element: etree._Element) -> str:
    """The characters of the source that `element` encodes, in order."""
    return "".join(_source_parts(element))


def _source_parts(element: etree._Element):
    name = etree.QName(element).localname if isinstance(element.tag, str) else ""
    if not name or etree.QName(element).namespace != TEI_NS:
        yield from _children(element)
        return
    if name == "supplied":
        yield "[" + "".join(_children(element)) + "]"
    elif name == "gap":
        yield "[…]"
    elif (name == "note" and element.get("type") == "editorial") or name == "ex":
        yield "[" + "".join(_children(element)) + "]"
    elif name == "choice":
        for child in element:
            if etree.QName(child).localname in {"sic", "orig", "abbr"}:
                yield from _source_parts(child)
    elif name == "unclear" and element.get("reason") == "query":
        yield "".join(_children(element)) + "[?]"
    elif name == "q" and element.get("rend") in QUOTE_STYLES:
        opening, closing = QUOTE_STYLES[element.get("rend")]
        yield opening + "".join(_children(element)) + closing
    elif name in {
        "p",
        "head",
        "label",
        "item",
        "list",
        "opener",
        "closer",
        "dateline",
        "signed",
        "seg",
        "salute",
        "div",
        "body",
        "ab",
    }:
        yield " " + "".join(_children(element)) + " "  # blocks are separated by space
    else:
        yield from _children(element)


def _children(element: etree._Element):
    if element.text:
        yield element.text
    for child in element:
        if isinstance(child.tag, str):
            yield from _source_parts(child)
        if child.tail:
            yield child.tail


def reading_text(element: etree._Element, notes: bool = True) -> str:
    """The text as read: corrections applied, the translator's brackets kept, page breaks of
    the copied page dropped (for search and plain-text export). Without `notes`, editorial
    remarks are left out too."""
    return "".join(_reading_parts(element, notes))


def _reading_parts(element: etree._Element, notes: bool = True):
    name = etree.QName(element).localname if isinstance(element.tag, str) else ""
    if name == "choice":
        chosen = [c for c in element if etree.QName(c).localname in {"corr", "reg", "expan"}]
        for child in chosen[:1] or list(element)[:1]:
            yield from _reading_parts(child, notes)
        return
    if name in {"sic", "orig"} or (name == "note" and not notes):
        return
    if name in {"supplied", "ex"} or (name == "note" and element.get("type") == "editorial"):
        yield "[" + "".join(_reading_children(element, notes)) + "]"
    elif name == "gap":
        yield "[…]"
    elif name == "unclear" and element.get("reason") == "query":
        yield "".join(_reading_children(element, notes)) + "[?]"
    elif name == "q" and element.get("rend") in QUOTE_STYLES:
        opening, closing = QUOTE_STYLES[element.get("rend")]
        yield opening + "".join(_reading_children(element, notes)) + closing
    elif name in {
        "p",
        "head",
        "label",
        "item",
        "list",
        "opener",
        "closer",
        "dateline",
        "signed",
        "seg",
        "salute",
        "div",
        "body",
        "ab",
    }:
        yield " " + "".join(_reading_children(element, notes)) + " "
    else:
        yield from _reading_children(element, notes)


def _reading_children(element: etree._Element, notes: bool = True):
    if element.text:
        yield element.text
    for child in element:
        if isinstance(child.tag, str):
            yield from _reading_parts(child, notes)
        if child.tail:
            yield child.tail
