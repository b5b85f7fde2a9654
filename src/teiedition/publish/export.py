"""Exports for other tools: the whole edition as one TEI corpus, a deposit bundle with
checksums, mentions and person co-occurrence for network tools, citations for reference
managers, and plain reading text for corpus tools.

Every export is deterministic: the same edition gives the same bytes (the bundle's entries
carry a fixed date).
"""

from __future__ import annotations

import copy
import csv
import hashlib
import io
import json
import tempfile
import zipfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import IO

from lxml import etree

from teiedition.cache import Blobs, Store, digest, file_digest, files_digest
from teiedition.config import Config
from teiedition.errors import TeieditionError
from teiedition.markup.tei import NSMAP, TEI_NS, XML_ID, edition_titles, sub, tei
from teiedition.markup.text import normalise, reading_text, turn_speaker, unit_of
from teiedition.parallel import run_chunks
from teiedition.publish import EXPORT_FORMATS
from teiedition.validation import safe_parser
from teiedition.writers import atomic_stream, indent, write_if_changed

NS = {"tei": TEI_NS}
# The bundle's entries carry this date: a ZIP of the same edition is the same file.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


@dataclass
class Document:
    """What the exports need of one TEI document. Its tree is read again when an export
    needs it, so an edition of thousands of documents is never in memory at once."""

    path: Path
    id: str = ""
    title: str = ""
    date: str = ""  # ISO, the earliest the creation date allows
    approximate: bool = False  # the archive gives the date as approximate ("Circa March 1963")
    archive: str = ""
    shelfmark: str = ""
    translators: list[str] = field(default_factory=list)

    @classmethod
    def read(cls, path: Path) -> Document:
        return cls.of(path, etree.parse(str(path), safe_parser()).getroot())

    @classmethod
    def of(cls, path: Path, root: etree._Element) -> Document:
        doc = cls(path, root.get(XML_ID) or path.stem)
        doc.title = normalise(reading_text(root.find(".//tei:titleStmt/tei:title", NS)))
        created = root.find(".//tei:profileDesc/tei:creation/tei:date", NS)
        if created is not None:
            doc.date = created.get("when") or created.get("notBefore") or ""
            doc.approximate = created.get("cert") == "low"
        repository = root.find(".//tei:msIdentifier/tei:repository", NS)
        if repository is not None:
            expansion = repository.find(".//tei:expan", NS)
            doc.archive = normalise(
                "".join((expansion if expansion is not None else repository).itertext())
            )
        parts = [
            normalise("".join(e.itertext()))
            for e in root.xpath(
                ".//tei:msIdentifier/tei:idno[@type='shelfmark'] | .//tei:msItem/tei:locus",
                namespaces=NS,
            )
        ]
        doc.shelfmark = ", ".join(p for p in parts if p)
        doc.translators = [
            normalise(p.text or "")
            for p in root.xpath(
                ".//tei:titleStmt/tei:respStmt[starts-with(tei:resp, 'translation')]/tei:persName",
                namespaces=NS,
            )
        ]
        return doc

    @property
    def root(self) -> etree._Element:
        return etree.parse(str(self.path), safe_parser()).getroot()

    def url(self, config: Config) -> str:
        return f"{config.base_url}documents/{self.id}.html"


def edition_documents(config: Config, jobs: int = 1) -> list[Document]:
    """What the exports need of every document, in the edition's order; read on `jobs`
    processes."""
    paths = [str(p) for p in sorted(config.documents_dir.glob("*.xml"))]
    documents = run_chunks(paths, _read_chunk, jobs)
    return _in_edition_order(documents)


def _in_edition_order(documents: list[Document]) -> list[Document]:
    return sorted(documents, key=lambda d: (d.date, d.id))


def _piece(document: Document, root: etree._Element | None = None) -> dict[str, bytes]:
    """What the exports make of one document, each part as they write it and apart (one
    export does not read the others' parts): its mentions (CSV rows, JSON lines, and the
    persons among them, id and main name, for the co-occurrence), its plain text and its member
    of the corpus (indented as the corpus holds it). `root` (parsed now if not given) is
    changed."""
    root = document.root if root is None else root
    rows = _mentions_in(document.id, root)
    table = io.StringIO()
    csv.DictWriter(table, fieldnames=MENTION_FIELDS, lineterminator="\n").writerows(rows)
    persons = [[r["entity_id"], r["normalized_name"]] for r in rows if _is_person(r)]
    text = _plain_text_of(root)
    member = _corpus_member(root)  # last: it takes the standOff out of the tree
    indent(member, 1)
    return {
        # the mentions as the files hold them, bytes to copy: the CSV rows, and the JSON
        # array's elements, a line each, with the separators between them
        "mentions.csv": table.getvalue().encode("utf-8"),
        "mentions.json": ",\n".join(json.dumps(r, ensure_ascii=False) for r in rows).encode(),
        "persons": json.dumps(persons, ensure_ascii=False).encode("utf-8"),
        "text": text.encode("utf-8"),
        "member": etree.tostring(member, encoding="UTF-8"),
    }


class Pieces:
    """Every document's metadata and piece, by the digest of its file: made on `jobs`
    processes for the documents the cache lacks, so that a changed document is the only one
    read. The pieces are kept on disk and read one at a time as the writers ask (a temporary
    store when there is no cache): the edition's pieces are never in memory together."""

    def __init__(self, config: Config, cache_dir: Path | None, code: str, jobs: int) -> None:
        self._temporary = tempfile.TemporaryDirectory() if cache_dir is None else None
        folder = Path(self._temporary.name) if self._temporary else cache_dir
        self._blobs = Blobs(folder, "export-pieces")
        known = Store(cache_dir, "export-documents")
        paths = sorted(config.documents_dir.glob("*.xml"))
        self._keys = {path.name: digest(code, file_digest(path)) for path in paths}
        documents: list[Document] = []
        missing: list[str] = []
        for path in paths:
            fields = known.get(self._keys[path.name])
            if fields is not None and self._blobs.has(f"{self._keys[path.name]}/member"):
                documents.append(Document(path, **fields))
            else:
                missing.append(str(path))
        for document, parts in run_chunks(missing, _piece_chunk, jobs):
            key = self._keys[document.path.name]
            for name, data in parts.items():
                self._blobs.put(f"{key}/{name}", data)
            known.put(key, _document_fields(document))
            documents.append(document)
        known.save()
        self.documents = _in_edition_order(documents)

    def part(self, document: Document, name: str) -> bytes:
        """One part of the document's piece ("mentions.csv", "mentions.json", "persons",
        "text", "member")."""
        data = self._blobs.get(f"{self._keys[document.path.name]}/{name}")
        if data is None:  # the cache lost it since it was planned: made again
            data = _piece(document)[name]
        return data

    def close(self) -> None:
        """Keep only this run's pieces (and drop a temporary store)."""
        self._blobs.prune()
        if self._temporary:
            self._temporary.cleanup()


def _document_fields(document: Document) -> dict:
    fields = {name: getattr(document, name) for name in Document.__dataclass_fields__}
    del fields["path"]
    return fields


def _is_person(row: dict[str, str]) -> bool:
    return row["type"] == "person" and bool(row["entity_id"])


def export(config: Config, fmt: str, out: Path | None = None, jobs: int = 1) -> list[Path]:
    """Write one export format, the work per document shared by `jobs` processes; returns
    the files written."""
    if fmt not in EXPORT_FORMATS:
        choices = ", ".join(EXPORT_FORMATS)
        raise TeieditionError(f"unknown export format {fmt!r}; choose one of {choices}")
    out = out or config.output_dir / "export"
    pieces = Pieces(config, None, "", jobs)
    try:
        return _WRITERS[fmt](config, pieces, out)
    finally:
        pieces.close()


def export_all(
    config: Config, out: Path | None = None, code: str | None = None, jobs: int = 1
) -> list[Path]:
    """Every export, from one reading of the documents, on `jobs` processes. Within a build
    (`code` given), skipped when what they are made from (the TEI, the registers, the schemas,
    the id registry, the settings) is unchanged since the last build and its files are all
    there."""
    out = out or config.output_dir / "export"
    store = Store(config.cache_dir if code is not None else None, "exports")
    sources = sorted(p for p in config.tei_dir.rglob("*") if p.is_file())
    key = digest(code or "", repr(config), str(out), files_digest(sources, config.tei_dir))
    known = store.previous.get(key)
    if known and all((out / name).is_file() for name in known):
        store.put(key, known)
        store.save()
        return [out / name for name in known]
    # each document's part of every export, made again only for the documents that changed
    pieces = Pieces(config, config.cache_dir if code is not None else None, code or "", jobs)
    try:
        made = _write_all(config, pieces, out, jobs)
    finally:
        pieces.close()
    written = [path for fmt in EXPORT_FORMATS for path in made[fmt]]
    store.put(key, [p.relative_to(out).as_posix() for p in written])
    store.save()
    return written


def _write_all(config: Config, pieces: Pieces, out: Path, jobs: int) -> dict[str, list[Path]]:
    """Every export's files. With more than one job, the bundle is made on a thread of its own
    beside the others: its time is zlib's deflate and hashing, which let other threads run,
    and it reads the edition's files, not the pieces (whose store this thread alone uses)."""
    if jobs == 1:
        return {fmt: _WRITERS[fmt](config, pieces, out) for fmt in EXPORT_FORMATS}
    with ThreadPoolExecutor(max_workers=1) as pool:
        bundle = pool.submit(_write_bundle, config, pieces, out)
        made = {
            fmt: _WRITERS[fmt](config, pieces, out) for fmt in EXPORT_FORMATS if fmt != "bundle"
        }
        made["bundle"] = bundle.result()
    return made


# --- tei-corpus ---------------------------------------------------------------------------------


def corpus_frame(config: Config, documents: list[Document]) -> etree._Element:
    """The teiCorpus without its documents: the edition's header, and the registers in its
    standOff. A document's own copies of its entries are left out of the corpus (their ids
    would repeat in one file), so its pointers resolve to the corpus's registers."""
    root = etree.Element(tei("teiCorpus"), nsmap=NSMAP)
    root.set(XML_ID, "edition")
    header = sub(root, "teiHeader")
    file_desc = sub(header, "fileDesc")
    edition_titles(sub(file_desc, "titleStmt"), config)
    sub(sub(file_desc, "editionStmt"), "edition", f"Version {config.version}", n=config.version)
    publication = sub(file_desc, "publicationStmt")
    sub(publication, "publisher", config.publisher)
    if config.base_url:
        sub(publication, "ptr", target=config.base_url)
    availability = sub(publication, "availability")
    licence = sub(availability, "licence", config.licence or "See the documents.")
    if config.licence_url:
        licence.set("target", config.licence_url)
    sub(
        sub(file_desc, "sourceDesc"),
        "p",
        f"The {len(documents)} documents of the edition, each with its own header.",
    )
    encoding = sub(header, "encodingDesc")
    sub(sub(encoding, "projectDesc"), "p", config.introduction or config.title)
    sub(
        sub(encoding, "editorialDecl"),
        "p",
        "Encoded as set out in the edition's ODD, teiedition.odd (shipped with the deposit "
        "bundle); the register entries are in this corpus's standOff.",
    )
    stand_off = sub(root, "standOff")
    for kind, listing in (("person", "listPerson"), ("place", "listPlace"), ("org", "listOrg")):
        entries = _register_entries(config, kind)
        if entries:
            holder = sub(stand_off, listing)
            for entry in entries:
                holder.append(entry)
    return root


def _register_entries(config: Config, kind: str) -> list[etree._Element]:
    entries: dict[str, etree._Element] = {}
    for path in sorted(config.registers_dir.glob("*.xml")):
        for entry in etree.parse(str(path), safe_parser()).iter(tei(kind)):
            entry_id = entry.get(XML_ID)
            if entry_id and entry_id not in entries:
                entries[entry_id] = copy.deepcopy(entry)
    return [entries[key] for key in sorted(entries)]


def _corpus_member(tei_root: etree._Element) -> etree._Element:
    """The document as the corpus holds it (its root, changed in place): without its own
    copies of the register entries, whose ids would repeat in one file."""
    for own in tei_root.findall(tei("standOff")):
        tei_root.remove(own)
    return tei_root


def _write_corpus(config: Config, pieces: Pieces, out: Path) -> list[Path]:
    """The edition as one teiCorpus, written document by document (lxml's incremental writer
    for its frame, each member as its piece serialised it): one member is in memory at a time,
    however large the edition. Indented as the writers indent any TEI."""
    target = out / "edition-corpus.xml"
    frame = corpus_frame(config, pieces.documents)
    with atomic_stream(target) as stream:
        with etree.xmlfile(stream, encoding="UTF-8") as xf:
            xf.write_declaration()
            # the xml prefix bound explicitly (as XML allows): lxml's incremental writer
            # would otherwise invent a prefix for xml:id
            nsmap = {**frame.nsmap, "xml": "http://www.w3.org/XML/1998/namespace"}
            with xf.element(frame.tag, dict(frame.attrib), nsmap=nsmap):
                for part in frame:
                    indent(part, 1)
                    xf.write("\n  ", part)
                xf.flush()  # the members go straight to the file, after what xf wrote
                for document in pieces.documents:  # one member at a time, not a list of all
                    _write_member(stream, pieces.part(document, "member"))
                xf.write("\n")
        stream.write(b"\n")
    return [target]


def _write_member(stream: IO[bytes], member: bytes) -> None:
    stream.write(b"\n  " + member)


# --- bundle -------------------------------------------------------------------------------------


def _write_bundle(config: Config, pieces: Pieces, out: Path) -> list[Path]:
    """A ZIP for deposit: documents, registers, schemas, a README and SHA-256 checksums. Each
    file is read to be hashed, then again to go into the ZIP, which is written as it grows: the
    edition's files are never in memory together."""
    documents = pieces.documents
    sources: dict[str, Path] = {f"documents/{d.path.name}": d.path for d in documents}
    for path in sorted(config.registers_dir.glob("*.xml")):
        sources[f"registers/{path.name}"] = path
    for path in sorted(config.schema_dir.glob("teiedition.*")):
        sources[f"schema/{path.name}"] = path
    ids = config.tei_dir / "ids.json"
    if ids.is_file():
        sources["ids.json"] = ids
    made = {"README.txt": _bundle_readme(config, documents, sorted(sources)).encode("utf-8")}
    hashes = {name: hashlib.sha256(path.read_bytes()).hexdigest() for name, path in sources.items()}
    hashes.update((name, hashlib.sha256(data).hexdigest()) for name, data in made.items())
    made["MANIFEST-SHA256.txt"] = "".join(
        f"{hashes[name]}  {name}\n" for name in sorted(hashes)
    ).encode("utf-8")
    target = out / f"teiedition-{config.version}.zip"
    with atomic_stream(target) as stream, zipfile.ZipFile(stream, "w") as bundle:
        for name in sorted([*sources, *made]):
            info = zipfile.ZipInfo(f"teiedition-{config.version}/{name}", date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            bundle.writestr(info, made[name] if name in made else sources[name].read_bytes())
    return [target]


def _bundle_readme(config: Config, documents: list[Document], names: list[str]) -> str:
    lines = [
        f"{config.title}",
        f"{config.subtitle}".strip(),
        "",
        f"Version {config.version}. Edited by {', '.join(config.editors)}. "
        f"Published by {config.publisher}.",
        f"Licence: {config.licence} {config.licence_url}".rstrip(),
        "",
        f"The edition's {len(documents)} documents in TEI P5, as published at {config.base_url}.",
        "",
        "Contents:",
        "  documents/   one TEI P5 file per document; each carries, in its standOff, copies of",
        "               the register entries it points to, so it stands alone",
        "  registers/   the registers of persons, places and organisations",
        "  schema/      the ODD (the encoding manual), the RELAX NG derived from it and TEI P5",
        "               tei_all, and the Schematron",
        "  MANIFEST-SHA256.txt   a SHA-256 checksum of every other file (sha256sum -c)",
        "",
        "Files:",
        *(f"  {name}" for name in names),
        "",
    ]
    return "\n".join(lines)


# --- entities -----------------------------------------------------------------------------------

MENTION_FIELDS = [
    "document_id",
    "paragraph_id",
    "entity_id",
    "type",
    "surface_form",
    "normalized_name",
]
_KIND = {"persName": "person", "placeName": "place", "orgName": "organisation"}


def mentions(documents: list[Document]) -> list[dict[str, str]]:
    """Every name in the documents' texts, a row each."""
    return [row for document in documents for row in _mentions_in(document.id, document.root)]


def _mentions_in(document_id: str, root: etree._Element) -> list[dict[str, str]]:
    names = _entity_names(root)
    rows = []
    for name in root.xpath(
        "tei:text//tei:persName | tei:text//tei:placeName | tei:text//tei:orgName",
        namespaces=NS,
    ):
        unit = unit_of(name)
        entity = (name.get("ref") or "").removeprefix("#")
        rows.append(
            {
                "document_id": document_id,
                "paragraph_id": unit.get(XML_ID, "") if unit is not None else "",
                "entity_id": entity,
                "type": _KIND[etree.QName(name).localname],
                "surface_form": normalise(reading_text(name)),
                "normalized_name": names.get(entity, ""),
            }
        )
    return rows


def _entity_names(root: etree._Element) -> dict[str, str]:
    """Entity id → its main name, from the document's own copies of the register entries."""
    names = {}
    for entry in root.xpath("tei:standOff//*[@xml:id]", namespaces=NS):
        forms = [
            child
            for child in entry
            if etree.QName(child).localname in {"persName", "placeName", "orgName"}
        ]
        main = next((f for f in forms if f.get("type") == "main"), forms[0] if forms else None)
        if main is not None:
            names[entry.get(XML_ID)] = normalise(" ".join(main.itertext()))
    return names


def cooccurrence(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Pairs of persons named in the same document, with the number of such documents."""
    persons_by_document: dict[str, set[str]] = {}
    names: dict[str, str] = {}
    for row in rows:
        if row["type"] == "person" and row["entity_id"]:
            persons_by_document.setdefault(row["document_id"], set()).add(row["entity_id"])
            names[row["entity_id"]] = row["normalized_name"]
    counts: Counter[tuple[str, str]] = Counter()
    for persons in persons_by_document.values():
        counts.update(combinations(sorted(persons), 2))
    return [
        {
            "person_a": a,
            "person_b": b,
            "name_a": names[a],
            "name_b": names[b],
            "documents": str(count),
        }
        for (a, b), count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


def _csv(rows: list[dict[str, str]], fields: list[str]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _write_entities(config: Config, pieces: Pieces, out: Path) -> list[Path]:
    """Every mention, as CSV and as JSON (an array, one mention a line), written document by
    document; then the co-occurrence of persons."""
    folder = out / "entities"
    persons: list[dict[str, str]] = []  # the person mentions, for the co-occurrence
    with (
        atomic_stream(folder / "mentions.csv") as table,
        atomic_stream(folder / "mentions.json") as array,
    ):
        table.write(",".join(MENTION_FIELDS).encode("utf-8") + b"\n")
        separator = b"[\n"
        for document in pieces.documents:
            table.write(pieces.part(document, "mentions.csv"))
            if lines := pieces.part(document, "mentions.json"):
                array.write(separator + lines)
                separator = b",\n"
            named = json.loads(pieces.part(document, "persons"))
            persons += [
                {
                    "type": "person",
                    "document_id": document.id,
                    "entity_id": entity,
                    "normalized_name": name,
                }
                for entity, name in named
            ]
        array.write(b"[]\n" if separator == b"[\n" else b"\n]\n")
    pairs = cooccurrence(persons)
    write_if_changed(
        folder / "person-cooccurrence.csv",
        _csv(pairs, ["person_a", "person_b", "name_a", "name_b", "documents"]),
    )
    return [folder / name for name in ("mentions.csv", "mentions.json", "person-cooccurrence.csv")]


# --- citations ----------------------------------------------------------------------------------


def csl_items(config: Config, documents: list[Document]) -> list[dict]:
    items = []
    for document in documents:
        parts = [int(p) for p in document.date.split("-") if p.isdigit()]
        item = {
            "id": document.id,
            "type": "manuscript",
            "title": document.title,
            "issued": (
                {"date-parts": [parts], **({"circa": True} if document.approximate else {})}
                if parts
                else {}
            ),
            "archive": document.archive,
            "archive_location": document.shelfmark,
            "container-title": config.title,
            "publisher": config.publisher,
            "URL": document.url(config),
            "version": config.version,
            "language": "en",
        }
        if document.translators:
            item["translator"] = [_csl_name(n) for n in document.translators]
        items.append(item)
    return items


def _csl_name(name: str) -> dict[str, str]:
    given, _, family = name.rpartition(" ")
    return {"family": family, "given": given} if given else {"literal": name}


_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


_BIBTEX_TABLE = str.maketrans(_BIBTEX_SPECIAL)


def bibtex_escape(text: str) -> str:
    return text.translate(_BIBTEX_TABLE)


def bibtex(config: Config, documents: list[Document]) -> str:
    entries = []
    for document in documents:
        fields = {
            "title": document.title,
            "date": document.date + ("~" if document.approximate else ""),  # EDTF, as biblatex
            "year": document.date[:4],
            "translator": " and ".join(document.translators),
            "howpublished": f"{config.title}, version {config.version}",
            "publisher": config.publisher,
            "note": "; ".join(p for p in (document.archive, document.shelfmark) if p),
            "url": document.url(config),
        }
        body = ",\n".join(
            # the date is ISO (EDTF: "1963-03~" approximate, as biblatex reads it), no text
            f"  {key} = {{{value if key == 'date' else bibtex_escape(value)}}}"
            for key, value in fields.items()
            if value
        )
        entries.append(f"@misc{{{document.id},\n{body}\n}}\n")
    return "\n".join(entries)


def ris(config: Config, documents: list[Document]) -> str:
    records = []
    for document in documents:
        date = "/".join(document.date.split("-")) + "/"
        if document.approximate:  # RIS: year/month/day/other, the other here "circa"
            date = "/".join([*document.date.split("-"), "", ""][:3]) + "/circa"
        lines = [
            ("TY", "MANSCPT"),
            ("TI", document.title),
            ("DA", date),
            ("PY", document.date[:4]),
            *(("A4", name) for name in document.translators),
            ("T2", config.title),
            ("PB", config.publisher),
            ("AV", document.shelfmark),
            ("DP", document.archive),
            ("UR", document.url(config)),
            ("ID", document.id),
            ("LA", "en"),
        ]
        records.append("".join(f"{tag}  - {value}\n" for tag, value in lines if value) + "ER  - \n")
    return "\n".join(records)


def _write_citations(config: Config, pieces: Pieces, out: Path) -> list[Path]:
    documents = pieces.documents
    written = {
        "citations.json": json.dumps(
            csl_items(config, documents), ensure_ascii=False, indent=1
        ).encode("utf-8"),
        "citations.bib": bibtex(config, documents).encode("utf-8"),
        "citations.ris": ris(config, documents).encode("utf-8"),
    }
    for name, data in written.items():
        write_if_changed(out / "citations" / name, data)
    return [out / "citations" / name for name in written]


# --- text ---------------------------------------------------------------------------------------

_TEXT_BLOCKS = ("head", "p", "byline", "dateline", "seg", "signed", "salute", "row")


def plain_text(document: Document) -> str:
    """The reading text, a block a paragraph: corrections applied, editorial notes dropped."""
    return _plain_text_of(document.root)


# The blocks whose text is the text of what they hold
_HOLDING_BLOCKS = frozenset(("p", "head", "dateline", "seg", "signed"))


def _plain_text_of(root: etree._Element) -> str:
    # The tree is walked in Python, not asked by XPath about each block's siblings: libxml2
    # gathers "preceding-sibling::*" whole, so a text of 2,570 paragraphs took four minutes
    blocks = []
    for block in root.xpath("tei:text//*", namespaces=NS):
        name = etree.QName(block).localname
        if name not in _TEXT_BLOCKS or any(
            etree.QName(ancestor).localname in _HOLDING_BLOCKS for ancestor in block.iterancestors()
        ):
            continue
        text = normalise(reading_text(block, notes=False))
        if (speaker := turn_speaker(block)) is not None:
            text = normalise(reading_text(speaker, notes=False)) + " " + text
        if (label := _item_label(block)) is not None:
            text = f"{label} {text}"
        if text:
            blocks.append(text)
    return "\n\n".join(blocks) + "\n"


def _item_label(block: etree._Element) -> str | None:
    """The label of the list item `block` begins ("1."), where it is the item's first."""
    item = block.getparent()
    if item is None or item.tag != tei("item") or _previous_element(block) is not None:
        return None
    label = _previous_element(item)
    return label.text if label is not None and label.tag == tei("label") and label.text else None


def _previous_element(element: etree._Element) -> etree._Element | None:
    """The element before `element` among its siblings (comments passed over), or None."""
    return next(element.itersiblings(etree.Element, preceding=True), None)


def _write_text(config: Config, pieces: Pieces, out: Path) -> list[Path]:
    written = []
    for document in pieces.documents:
        target = out / "text" / f"{document.id}.txt"
        write_if_changed(target, pieces.part(document, "text"))
        written.append(target)
    return written


# --- the work per document, on every core ---------------------------------------------------------


def _read_chunk(paths: list[str]) -> list[Document]:
    return [Document.read(Path(path)) for path in paths]


def _piece_chunk(paths: list[str]) -> list[tuple[Document, dict[str, bytes]]]:
    """Each document's metadata and piece (work for `run_chunks`)."""
    made = []
    for path in paths:
        root = etree.parse(path, safe_parser()).getroot()  # parsed once for both
        document = Document.of(Path(path), root)
        made.append((document, _piece(document, root)))
    return made


_WRITERS = {
    "tei-corpus": _write_corpus,
    "bundle": _write_bundle,
    "entities": _write_entities,
    "citations": _write_citations,
    "text": _write_text,
}
