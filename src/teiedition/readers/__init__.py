"""Reading stage: page scrapes of the Wilson Center Digital Archive → `Transcript` records."""

from teiedition.readers.layouts import read_transcript, read_transcript_text
from teiedition.readers.transcript import Field, Layout, Transcript

__all__ = ["Field", "Layout", "Transcript", "read_transcript", "read_transcript_text"]
