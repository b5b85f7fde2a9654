"""Writing outputs: deterministic serialisation, and never a half-written file."""

from __future__ import annotations

import contextlib
import filecmp
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

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
        "byline",
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


def indent(element: etree._Element, level: int) -> None:
    """Indent `element`'s element-only content as `serialise_tei` does, at nesting `level`."""
    _indent(element, level)


def _indent(element: etree._Element, level: int) -> None:
    # called once for every element of every document written: plain string tests
    tag = element.tag
    if not isinstance(tag, str) or tag.rpartition("}")[2] in _PHRASE_LEVEL:
        return
    children = list(element)
    if not any(isinstance(child.tag, str) for child in children):
        return
    text = element.text
    if text and not text.isspace():
        return
    for child in children:
        tail = child.tail
        if tail and not tail.isspace():
            return
    inner = "\n" + "  " * (level + 1)
    element.text = inner
    for child in children:
        if len(child):  # a leaf has no content to indent
            _indent(child, level + 1)
        child.tail = inner
    children[-1].tail = "\n" + "  " * level


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


def install_if_changed(temporary: Path, path: Path) -> bool:
    """Rename a finished temporary file (written beside `path`) into place, unless `path`
    already holds the same bytes; the temporary file is gone either way. True when it wrote."""
    try:
        if path.is_file() and filecmp.cmp(temporary, path, shallow=False):
            temporary.unlink()
            return False
        os.chmod(temporary, 0o666 & ~_UMASK)
        os.replace(temporary, path)
        return True
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


@contextlib.contextmanager
def atomic_stream(path: Path) -> Iterator[BinaryIO]:
    """A binary stream to write `path` in pieces: it goes to a temporary file beside `path`,
    renamed into place when the block ends without error (and left alone when `path` already
    holds the same bytes), so a large output is never in memory whole, nor ever half-written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            yield stream
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    install_if_changed(Path(temporary), path)
