"""What the reader tells the mark-up stage about one archive page."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from teiedition.errors import Diagnostic


class Layout(StrEnum):
    """The archive's page layouts (see the README's "Reading the page")."""

    PAGE = "page"  # (a) current page: "Skip to content", …, "Document Information"
    PDF_EXPORT = "pdf-export"  # (b) "Citation:", "Summary:", …, "Translation - English"
    FACETED_PAGE = "faceted-page"  # (c) current page with "Author(s):", "Associated …" facets
    LEGACY_PAGE = "legacy-page"  # (d) "CITATION SHARE DOWNLOAD", "get citation", …


@dataclass(frozen=True)
class Field:
    """A piece of the page's text and the line it starts on (1-based)."""

    text: str
    line: int


@dataclass
class Transcript:
    path: Path
    layout: Layout
    encoding: str
    title: Field
    page_date: Field
    body: list[Field]  # the document's own text, line by line, blank lines as empty text
    encoding_note: str | None = None
    summary: Field | None = None
    source_line: Field | None = None  # archive, shelfmark and credits as the page gives them
    #: Credit lines the page puts under the text ("Translated by Jakub Poprocki.").
    credits: list[Field] = field(default_factory=list)
    citation: Field | None = None  # the archive's suggested citation, verbatim
    url: str | None = None
    record_id: Field | None = None
    original_language: Field | None = None
    original_archive: Field | None = None
    document_type: Field | None = None
    classification: Field | None = None
    uploaded_date: Field | None = None
    funders: list[Field] = field(default_factory=list)
    rights: list[Field] = field(default_factory=list)
    authors: list[Field] = field(default_factory=list)
    #: Facets of layout (c): "Associated Places" → its values.
    facets: dict[str, list[Field]] = field(default_factory=dict)
    #: Page text we could not place; kept verbatim in the header and warned about.
    unrecognised: list[Field] = field(default_factory=list)
    #: Page furniture that is not document text (labels, navigation, repeated funder lines).
    furniture: list[Field] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)

    def warn(self, message: str, line: int | None = None) -> None:
        self.warnings.append(Diagnostic(self.path, message, line, "warning"))
