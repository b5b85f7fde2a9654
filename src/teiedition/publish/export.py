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
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain, combinations
from pathlib import Path

from lxml import etree

from teiedition.cache import Store, digest, files_digest
from teiedition.config import Config
from teiedition.errors import TeieditionError
from teiedition.markup.tei import NSMAP, TEI_NS, XML_ID, edition_titles, sub, tei
from teiedition.markup.text import normalise, reading_text, turn_speaker, unit_of
from teiedition.parallel import each_chunk, run_chunks
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
    archive: str = ""
    shelfmark: str = ""
    translators: list[str] = field(default_factory=list)

    @classmethod
    def read(cls, path: Path) -> Document:
        root = etree.parse(str(path), safe_parser()).getroot()
        doc = cls(path, root.get(XML_ID) or path.stem)
        doc.title = normalise(reading_text(root.find(".//tei:titleStmt/tei:title", NS)))
        created = root.find(".//tei:profileDesc/tei:creation/tei:date", NS)
        if created is not None:
            doc.date = created.get("when") or created.get("notBefore") or ""
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
    return sorted(documents, key=lambda d: (d.date, d.id))


def export(config: Config, fmt: str, out: Path | None = None, jobs: int = 1) -> list[Path]:
    """Write one export format, the work per document shared by `jobs` processes; returns
    the files written."""
    if fmt not in EXPORT_FORMATS:
        choices = ", ".join(EXPORT_FORMATS)
        raise TeieditionError(f"unknown export format {fmt!r}; choose one of {choices}")
    out = out or config.output_dir / "export"
    return _WRITERS[fmt](config, edition_documents(config, jobs), out, jobs)


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
    documents = edition_documents(config, jobs)
    written = [
        path for fmt in EXPORT_FORMATS for path in _WRITERS[fmt](config, documents, out, jobs)
    ]
    store.put(key, [p.relative_to(out).as_posix() for p in written])
    store.save()
    return written


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


def _corpus_member(document: Document) -> etree._Element:
    tei_root = document.root
    for own in tei_root.findall(tei("standOff")):
        tei_root.remove(own)
    return tei_root


def _write_corpus(
    config: Config, documents: list[Document], out: Path, jobs: int = 1
) -> list[Path]:
    """The edition as one teiCorpus, written document by document (lxml's incremental
    writer): one document's tree is in memory at a time, however large the edition. Indented as
    the writers indent any TEI."""
    target = out / "edition-corpus.xml"
    frame = corpus_frame(config, documents)
    with atomic_stream(target) as stream:
        with etree.xmlfile(stream, encoding="UTF-8") as xf:
            xf.write_declaration()
            # the xml prefix bound explicitly (as XML allows): lxml's incremental writer
            # would otherwise invent a prefix for xml:id
            nsmap = {**frame.nsmap, "xml": "http://www.w3.org/XML/1998/namespace"}
            with xf.element(frame.tag, dict(frame.attrib), nsmap=nsmap):
                members = (_corpus_member(document) for document in documents)
                for part in chain(frame, members):  # one member at a time, not a list of all
                    indent(part, 1)
                    xf.write("\n  ", part)
                xf.write("\n")
        stream.write(b"\n")
    return [target]


# --- bundle -------------------------------------------------------------------------------------


def _write_bundle(
    config: Config, documents: list[Document], out: Path, jobs: int = 1
) -> list[Path]:
    """A ZIP for deposit: documents, registers, schemas, a README and SHA-256 checksums. Each
    file is read to be hashed, then again to go into the ZIP, which is written as it grows: the
    edition's files are never in memory together."""
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
    rows = []
    for document in documents:
        root = document.root  # read once: each reading parses the file
        names = _entity_names(root)
        for name in root.xpath(
            "tei:text//tei:persName | tei:text//tei:placeName | tei:text//tei:orgName",
            namespaces=NS,
        ):
            unit = unit_of(name)
            entity = (name.get("ref") or "").removeprefix("#")
            rows.append(
                {
                    "document_id": document.id,
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


def _write_entities(
    config: Config, documents: list[Document], out: Path, jobs: int = 1
) -> list[Path]:
    """Every mention, as CSV and as JSON (an array, one mention a line), written document by
    document; then the co-occurrence of persons."""
    folder = out / "entities"
    persons: list[dict[str, str]] = []  # the person mentions, for the co-occurrence
    with (
        atomic_stream(folder / "mentions.csv") as table,
        atomic_stream(folder / "mentions.json") as array,
    ):
        text = io.TextIOWrapper(table, encoding="utf-8", newline="")
        writer = csv.DictWriter(text, fieldnames=MENTION_FIELDS, lineterminator="\n")
        writer.writeheader()
        separator = b"[\n"
        for rows in _each(documents, _mentions_chunk, jobs):
            writer.writerows(rows)
            for row in rows:
                array.write(separator + json.dumps(row, ensure_ascii=False).encode("utf-8"))
                separator = b",\n"
            persons += [row for row in rows if row["type"] == "person" and row["entity_id"]]
        array.write(b"[]\n" if separator == b"[\n" else b"\n]\n")
        text.flush()
        text.detach()
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
            "issued": {"date-parts": [parts]} if parts else {},
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


def bibtex_escape(text: str) -> str:
    return "".join(_BIBTEX_SPECIAL.get(char, char) for char in text)


def bibtex(config: Config, documents: list[Document]) -> str:
    entries = []
    for document in documents:
        fields = {
            "title": document.title,
            "date": document.date,
            "year": document.date[:4],
            "translator": " and ".join(document.translators),
            "howpublished": f"{config.title}, version {config.version}",
            "publisher": config.publisher,
            "note": "; ".join(p for p in (document.archive, document.shelfmark) if p),
            "url": document.url(config),
        }
        body = ",\n".join(
            f"  {key} = {{{bibtex_escape(value)}}}" for key, value in fields.items() if value
        )
        entries.append(f"@misc{{{document.id},\n{body}\n}}\n")
    return "\n".join(entries)


def ris(config: Config, documents: list[Document]) -> str:
    records = []
    for document in documents:
        date = "/".join(document.date.split("-")) + "/"
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


def _write_citations(
    config: Config, documents: list[Document], out: Path, jobs: int = 1
) -> list[Path]:
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
    blocks = []
    for block in document.root.xpath("tei:text//*", namespaces=NS):
        name = etree.QName(block).localname
        if name not in _TEXT_BLOCKS or block.xpath(
            "ancestor::*[local-name()='p' or local-name()='head' or "
            "local-name()='dateline' or local-name()='seg' or local-name()='signed']"
        ):
            continue
        label = block.xpath(
            "parent::tei:item/preceding-sibling::*[1][self::tei:label]/text()", namespaces=NS
        )
        first_in_item = block.xpath("not(preceding-sibling::*)")
        text = normalise(reading_text(block, notes=False))
        if (speaker := turn_speaker(block)) is not None:
            text = normalise(reading_text(speaker, notes=False)) + " " + text
        if label and first_in_item:
            text = f"{label[0]} {text}"
        if text:
            blocks.append(text)
    return "\n\n".join(blocks) + "\n"


def _write_text(config: Config, documents: list[Document], out: Path, jobs: int = 1) -> list[Path]:
    written = []
    for document, text in zip(documents, _each(documents, _text_chunk, jobs), strict=True):
        target = out / "text" / f"{document.id}.txt"
        write_if_changed(target, text.encode("utf-8"))
        written.append(target)
    return written


# --- the work per document, on every core ---------------------------------------------------------


def _each(documents: list[Document], work, jobs: int) -> Iterator:
    """`work`'s result for each document, in order, as the chunks are done (not all held)."""
    for done in each_chunk(documents, work, jobs):
        yield from done


def _read_chunk(paths: list[str]) -> list[Document]:
    return [Document.read(Path(path)) for path in paths]


def _mentions_chunk(documents: list[Document]) -> list[list[dict[str, str]]]:
    return [mentions([document]) for document in documents]


def _text_chunk(documents: list[Document]) -> list[str]:
    return [plain_text(document) for document in documents]


_WRITERS = {
    "tei-corpus": _write_corpus,
    "bundle": _write_bundle,
    "entities": _write_entities,
    "citations": _write_citations,
    "text": _write_text,
}
