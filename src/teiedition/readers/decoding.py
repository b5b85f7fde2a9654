"""Turn the bytes of a transcript into text, saying how when it was not plain UTF-8."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    #: Set when the bytes were not UTF-8 and a fallback was used; said in a warning and the header.
    fallback_note: str | None = None


class NotTextError(ValueError):
    """The bytes are not a text file in any encoding we accept."""


_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Control characters that never occur in a text transcript; tab, LF, FF and CR do.
_BINARY_CONTROLS = frozenset(range(0x00, 0x09)) | frozenset(range(0x0E, 0x20)) | {0x0B}


def decode_transcript(data: bytes) -> DecodedText:
    """Decode UTF-8 (with or without BOM) or UTF-16 with BOM; fall back to Windows-1252.

    Raises `NotTextError` for binary data and for bytes that no accepted encoding reads.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(_check_text(data.decode(encoding)), encoding.replace("-sig", ""))
            except UnicodeDecodeError as err:
                raise NotTextError(
                    f"invalid {encoding} after its byte-order mark (byte {err.start})"
                ) from err
    if b"\x00" in data:
        raise NotTextError("binary file (contains NUL bytes), not a text transcript")
    try:
        return DecodedText(_check_text(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError as err:
        first_bad = err.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as err:
        raise NotTextError(
            f"not UTF-8 (byte {first_bad}) nor Windows-1252 "
            f"(byte {err.start}); cannot read it as text"
        ) from err
    note = f"not valid UTF-8 (first bad byte at offset {first_bad}); decoded as Windows-1252"
    return DecodedText(_check_text(text), "windows-1252", note)


_CONTROLS = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_BINARY_CONTROLS)) + "]")
# Characters XML 1.0 cannot hold, beyond the controls above.
_NONCHARACTERS = re.compile("[\ufffe\uffff]")


def _check_text(text: str) -> str:
    controls = len(_CONTROLS.findall(text))
    if controls:
        raise NotTextError(f"binary file ({controls} control characters), not a text transcript")
    if match := _NONCHARACTERS.search(text):
        line = text.count("\n", 0, match.start()) + 1
        raise NotTextError(
            f"line {line}: character U+{ord(match.group()):04X} cannot be stored in XML"
        )
    return text
