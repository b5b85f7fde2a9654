"""Turn the bytes of a transcript into text, saying how when it was not plain UTF-8."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    #: Set when the bytes were not UTF-8 and a fallback was used; said in a warning (on
    #: `fallback_line`, the line of the first byte UTF-8 does not read) and the header.
    fallback_note: str | None = None
    fallback_line: int | None = None
    #: Set when stray control characters were taken out of the text; said in a warning, on
    #: `control_line`, the line of the first.
    control_note: str | None = None
    control_line: int | None = None


class NotTextError(ValueError):
    """The bytes are not a text file in any encoding we accept; `line`, where that is known,
    is the line of the first thing that makes it so."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Control characters that never occur in a text transcript; tab, LF, FF and CR do. DEL and
# the C1 controls XML allows, but they mean nothing in a text either.
_BINARY_CONTROLS = (
    frozenset(range(0x00, 0x09))
    | frozenset(range(0x0E, 0x20))
    | {0x0B}
    | frozenset(range(0x7F, 0xA0))
)


def decode_transcript(data: bytes) -> DecodedText:
    """Decode UTF-8 (with or without BOM) or UTF-16 with BOM; fall back to Windows-1252.

    Raises `NotTextError` for binary data and for bytes that no accepted encoding reads.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as err:
                raise NotTextError(
                    f"invalid {encoding} after its byte-order mark (byte {err.start})"
                ) from err
            return _checked(text, encoding.replace("-sig", ""))
    if b"\x00" in data:
        raise NotTextError("binary file (contains NUL bytes), not a text transcript")
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as err:
        first_bad = err.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as err:
        raise NotTextError(
            f"not UTF-8 (byte {first_bad}) nor Windows-1252 "
            f"(byte {err.start}); cannot read it as text",
            _line_of(data, err.start),
        ) from err
    note = f"not valid UTF-8 (first bad byte at offset {first_bad}); decoded as Windows-1252"
    checked = _checked(text, "windows-1252")
    return replace(checked, fallback_note=note, fallback_line=_line_of(data, first_bad))


def _line_of(data: bytes, offset: int) -> int:
    """The line of a byte of a file in a single-byte encoding or UTF-8."""
    return data.count(b"\n", 0, offset) + 1


_CONTROLS = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_BINARY_CONTROLS)) + "]")
# Characters XML 1.0 cannot hold, beyond the controls above.
_NONCHARACTERS = re.compile("[\ufffe\uffff]")


# At most this share of a text's characters may be stray controls; more is no text
_CONTROLS_IN_TEXT = 0.01


def _checked(text: str, encoding: str) -> DecodedText:
    """The decoded text, stray control characters taken out (the vertical tab a copy from a
    word processor leaves for a line break made a space); refused as binary where they are
    more than a few, or where XML cannot hold a character."""
    decoded = DecodedText(text, encoding)
    if controls := _CONTROLS.findall(text):
        if len(controls) > max(1, len(text) * _CONTROLS_IN_TEXT):
            raise NotTextError(
                f"binary file ({len(controls)} control characters), not a text transcript"
            )
        line = text.count("\n", 0, text.index(controls[0])) + 1  # the first one's
        names = ", ".join(sorted({f"U+{ord(c):04X}" for c in controls}))
        text = _CONTROLS.sub("", text.replace("\x0b", " "))  # the lines keep their numbers
        note = f"{len(controls)} control characters ({names}) taken out of the text"
        decoded = DecodedText(text, encoding, control_note=note, control_line=line)
    if match := _NONCHARACTERS.search(text):
        line = text.count("\n", 0, match.start()) + 1
        raise NotTextError(f"character U+{ord(match.group()):04X} cannot be stored in XML", line)
    return decoded
