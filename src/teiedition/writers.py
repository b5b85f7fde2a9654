"""Writing outputs: deterministic serialisation, and never a half-written file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from lxml import etree

# Elements whose content is text (mixed content): never re-indented, since white space there
# is part of the text.
_PHRASE_LEVEL = frozenset(
    [
        "p",
        "head",
        "seg",
        "dateline",
        "salute",
        "signed",
        "label",
        "q",
        "supplied",
        "note",
        "title",
        "resp",
        "expan",
        "ex",
        "abbr",
        "choice",
        "sic",
        "corr",
        "idno",
        "date",
        "placeName",
        "persName",
        "orgName",
        "hi",
        "unclear",
        "repository",
        "language",
        "term",
        "licence",
        "edition",
        "funder",
        "author",
        "editor",
        "publisher",
        "ref",
        "textLang",
        "country",
        "settlement",
        "name",
        "locus",
        "pubPlace",
        "creation",
    ]
)


def serialise_tei(tree: etree._ElementTree) -> bytes:
    """UTF-8, two-space indentation of element-only content (mixed content untouched),
    attributes in the order the mark-up stage sets them."""
    root = tree.getroot()
    _indent(root, 0)
    prolog = [b'<?xml version="1.0" encoding="UTF-8"?>']
    prolog += [
        etree.tostring(node, encoding="UTF-8")
        for node in reversed(list(root.itersiblings(preceding=True)))
    ]
    return b"\n".join([*prolog, etree.tostring(root, encoding="UTF-8")]) + b"\n"


def _indent(element: etree._Element, level: int) -> None:
    children = [child for child in element if isinstance(child.tag, str)]
    if not children or etree.QName(element).localname in _PHRASE_LEVEL:
        return
    if (element.text or "").strip() or any((child.tail or "").strip() for child in element):
        return
    inner = "\n" + "  " * (level + 1)
    element.text = inner
    for child in element:
        _indent(child, level + 1)
        child.tail = inner
    element[-1].tail = "\n" + "  " * level


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _current_umask()


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temporary, 0o666 & ~_UMASK)  # as an ordinary write would (mkstemp gives 0600)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def write_if_changed(path: Path, data: bytes) -> bool:
    """`write_atomic`, unless the file already holds exactly `data` (an incremental build leaves
    what it did not change untouched). True when it wrote."""
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    write_atomic(path, data)
    return True
