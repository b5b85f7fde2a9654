import codecs

import pytest

from teiedition.readers.decoding import NotTextError, decode_transcript


def test_utf8_plain_and_with_bom():
    assert decode_transcript("Hańderek".encode()).text == "Hańderek"
    decoded = decode_transcript(codecs.BOM_UTF8 + "Hańderek".encode())
    assert decoded.text == "Hańderek" and decoded.fallback_note is None


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(encoding):
    bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
    decoded = decode_transcript(bom + "Kovács\n".encode(encoding))
    assert decoded.text == "Kovács\n"


def test_windows_1252_fallback_is_said():
    decoded = decode_transcript("“Kovács” – Pyongyang".encode("cp1252"))
    assert decoded.text == "“Kovács” – Pyongyang"
    assert decoded.encoding == "windows-1252"
    assert "Windows-1252" in (decoded.fallback_note or "")


@pytest.mark.parametrize("data", [b"\x00\x01\x02PNG", b"abc\x00def", b"text\x07\x1b[0m"])
def test_binary_is_refused(data):
    with pytest.raises(NotTextError, match="binary"):
        decode_transcript(data)


def test_a_few_stray_control_characters_are_taken_out_and_said():
    """A copy from a word processor may keep its vertical tab for a line break, a terminal
    an escape: a few such characters in a text are taken out (the tab made a space, so the
    lines keep their numbers), the line of the first said; many make it binary."""
    text = "Line one.\nHe said\x0bso.\x1b\n" + "The text goes on. " * 20
    decoded = decode_transcript(text.encode("utf-8"))
    assert decoded.text == "Line one.\nHe said so.\n" + "The text goes on. " * 20
    assert decoded.control_line == 2
    assert decoded.control_note == "2 control characters (U+000B, U+001B) taken out of the text"
    assert decode_transcript(b"plain text").control_note is None


def test_bytes_no_encoding_reads():
    with pytest.raises(NotTextError, match="Windows-1252"):
        decode_transcript(b"caf\xe9 \x81")
