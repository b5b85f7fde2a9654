"""Text readings of our TEI.

`source_text` gives back the transcript's characters from the mark-up (brackets, quotation
marks, list labels, the damaged readings under `sic`): it is how the tests prove that
conversion lost nothing and invented nothing.
"""

from __future__ import annotations

import re

from lxml import etree

from teiedition.markup.tei import QUOTE_STYLES, TEI_NS, XML_ID
from teiedition.patterns import without_invisible

_ELLIPSIS_IN_BRACKETS = re.compile(r"\[\s*(?:\.\s*\.\s*\.|…\.?)\s*\]")


def normalise(text: str) -> str:
    """Collapse every run of white space (including no-break spaces) to one space, drop what a
    copied page hides inside words (as the reader does), and write every bracketed ellipsis
    as "[…]", the forms in which the comparison is made."""
    # str.split() splits at exactly the characters the pattern \s matches (tested), and a
    # third as dear; an ellipsis in brackets needs a bracket
    text = " ".join(without_invisible(text).split())
    return _ELLIPSIS_IN_BRACKETS.sub("[…]", text) if "[" in text else text


def source_text(element: etree._Element) -> str:
    """The characters of the source that `element` encodes, in order: the damaged readings
    under `sic`, the brackets and quotation marks given back."""
    return "".join(_parts(element, source=True, notes=True))


def reading_text(element: etree._Element, notes: bool = True) -> str:
    """The text as read: corrections applied, the translator's brackets kept, page breaks of
    the copied page and the original's page numbers dropped (for search and plain-text
    export). Without `notes`, editorial
    remarks are left out too."""
    return "".join(_parts(element, source=False, notes=notes))


# Elements that are blocks: a reading separates them by a space.
_BLOCKS = frozenset(
    {
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
        "byline",
        "div",
        "body",
        "back",
        "ab",
        "fw",
        "postscript",
        "table",
        "row",
        "cell",
        "sp",
        "speaker",
    }
)


_TEI = f"{{{TEI_NS}}}"


def _parts(element: etree._Element, source: bool, notes: bool) -> list[str]:
    """One walk for both readings: `source` gives back what the transcript had (`sic`),
    otherwise the corrections (`corr`) are read. The pieces are appended to one list as the
    walk goes (nested generators cost a step for every level a piece passes through)."""
    pieces: list[str] = []
    _read(element, source, notes, pieces)
    return pieces


def _read(element: etree._Element, source: bool, notes: bool, pieces: list[str]) -> None:
    tag = element.tag
    if not isinstance(tag, str) or not tag.startswith(_TEI):
        _children(element, source, notes, pieces)
        return
    name = tag[len(_TEI) :]
    if name == "choice":
        wanted = {"sic", "orig", "abbr"} if source else {"corr", "reg", "expan"}
        chosen = [c for c in element if etree.QName(c).localname in wanted]
        for child in chosen[:1] if not source else chosen:
            _children(child, source, notes, pieces)
    elif name in {"sic", "orig"} or (name == "note" and not notes) or (name == "fw" and not source):
        return  # a page's number is the page's furniture, not the text read
    elif name == "ref" and element.get("type") == "noteAnchor":
        if notes:  # without the notes, no references to them
            pieces.append(_note_label(_inner(element, source, notes)))
    elif name == "note" and element.get("place") in {"end", "foot"}:  # its number: @n
        label = _note_label(element.get("n", ""))
        pieces.append(f" {label} " + _inner(element, source, notes) + " ")
    elif name in {"supplied", "ex"} or (name == "note" and element.get("type") == "editorial"):
        pieces.append("[" + _inner(element, source, notes) + "]")
    elif name == "milestone":  # "* * *" between two parts: the mark, kept as its @rend
        pieces.append(" " + element.get("rend", "") + " ")
    elif name == "gap":  # the translator's words, if any, are its description
        described = element.find(f"{_TEI}desc")
        pieces.append("[…]" if described is None else f"[{described.text or ''}]")
    elif name == "unclear" and element.get("reason") == "query":
        pieces.append(_inner(element, source, notes) + "[?]")
    elif name == "q" and element.get("rend") in QUOTE_STYLES:
        opening, closing = QUOTE_STYLES[element.get("rend")]
        pieces.append(opening + _inner(element, source, notes) + closing)
    elif name in _BLOCKS:
        pieces.append(" " + _inner(element, source, notes) + " ")
    else:
        _children(element, source, notes, pieces)


def turn_speaker(unit: etree._Element) -> etree._Element | None:
    """The `speaker` that opens the turn of a conversation whose first paragraph `unit` is
    ("Moskovsky:" before "I will convey this."): the words the transcript wrote before the
    paragraph's own. None for any other element."""
    turn = unit.getparent()
    if turn is None or turn.tag != f"{_TEI}sp" or unit.tag != f"{_TEI}p":
        return None
    speaker = turn.find(f"{_TEI}speaker")
    first = turn.find(f"{_TEI}p")
    return speaker if first is unit else None


def unit_of(node: etree._Element) -> etree._Element | None:
    """The citable unit (an element with an id, not the document) that holds `node`; a name
    in a turn's speaker is cited by the turn's first paragraph."""
    for ancestor in node.iterancestors():
        if ancestor.tag == f"{_TEI}speaker":
            return ancestor.getparent().find(f"{_TEI}p")  # type: ignore[union-attr]
        if ancestor.get(XML_ID) is not None and ancestor.getparent() is not None:
            return ancestor
    return None


def _note_label(number: str) -> str:
    """A note's label as the text prints it: "[1]", or asterisks and superscript figures as
    they are."""
    return number if number.startswith("*") or not number.isascii() else f"[{number}]"


def _inner(element: etree._Element, source: bool, notes: bool) -> str:
    pieces: list[str] = []
    _children(element, source, notes, pieces)
    return "".join(pieces)


def _children(element: etree._Element, source: bool, notes: bool, pieces: list[str]) -> None:
    if element.text:
        pieces.append(element.text)
    for child in element:
        if isinstance(child.tag, str):
            _read(child, source, notes, pieces)
        if child.tail:
            pieces.append(child.tail)
