"""The search index: one Pagefind record per paragraph (heading, note, table), so a result
opens the paragraph.

A record holds the paragraph's reading text and, for every name in it, every form the
register gives, with hyphens and accents folded away ("Pak Seong-cheol", "Pak Song Chol",
"Pak Seongcheol"), so a name is found however it is romanised or typed. Filters: the persons
the paragraph names, the archive, the year.
"""

from __future__ import annotations

import functools
import json
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from teiedition.cache import Blobs, Store, digest, file_digest
from teiedition.errors import TeieditionError
from teiedition.markup.ids import ascii_fold
from teiedition.markup.tei import TEI_NS, XML_ID
from teiedition.markup.text import normalise, reading_text, turn_speaker
from teiedition.parallel import run_chunks
from teiedition.validation import safe_parser

NS = {"tei": TEI_NS}
_NAMES = ".//tei:persName[@ref] | .//tei:placeName[@ref] | .//tei:orgName[@ref]"


def search_forms(forms: Iterable[str]) -> list[str]:
    """Every form as written, without hyphens, hyphens as spaces, and without accents."""
    found: dict[str, None] = {}  # insertion-ordered, for its order and quick lookups
    for form in forms:
        found.update(dict.fromkeys(_variants(form)))
    return list(found)


@functools.lru_cache(maxsize=4096)
def _variants(form: str) -> tuple[str, ...]:
    """A form's variants, in search_forms' order (a name recurs in paragraph after paragraph)."""
    return tuple(
        folded
        for variant in (form, form.replace("-", ""), form.replace("-", " "))
        for folded in (variant, ascii_fold(variant))
        if folded
    )


# The parts of a text whose lines no id cites, as a record names them
_PART_LABELS = {"opener": "opening lines", "closer": "signature"}


def _unit_label(unit_id: str) -> str:
    """A citable unit as a record names it: "¶ 7", "heading", "note 2", "table 1"."""
    unit = unit_id.rsplit("-", 1)[-1]
    return {"h": "heading", "n": f"note {unit[1:]}", "t": f"table {unit[1:]}"}.get(
        unit[:1], f"¶ {unit[1:]}"
    )


def search_records(paths: list[Path]) -> list[dict]:
    records = []
    for path in paths:
        root = etree.parse(str(path), safe_parser()).getroot()
        doc_id = root.get(XML_ID)
        title = normalise(reading_text(root.find(".//tei:titleStmt/tei:title", NS)))
        created = root.find(".//tei:profileDesc/tei:creation/tei:date", NS)
        year = (
            (created.get("when") or created.get("notBefore") or "")[:4]
            if created is not None
            else ""
        )
        archive = root.find(".//tei:msIdentifier/tei:repository", NS)
        archive_label = ""
        if archive is not None:
            abbr = archive.find(".//tei:abbr", NS)
            archive_label = normalise("".join((abbr if abbr is not None else archive).itertext()))
        entries = {
            el.get(XML_ID): el for el in root.xpath("tei:standOff//*[@xml:id]", namespaces=NS)
        }
        names_of: dict[str, list[str]] = {}  # an entry's names, read once a document
        for block in root.xpath(
            ".//tei:text//*[@xml:id] | .//tei:text//tei:opener | .//tei:text//tei:closer",
            namespaces=NS,
        ):
            kind = etree.QName(block).localname
            if kind in _PART_LABELS:  # a letterhead, a dateline, a signature: no citable unit
                division = block.getparent()
                if division is None or division.get("type") == "entry":
                    continue  # a journal entry's date: its paragraphs are found
                # numbered by the division, as the page's anchor is: the document's, then
                # each enclosure's
                number = sum(1 for _ in division.itersiblings(f"{{{TEI_NS}}}div", preceding=True))
                anchor, label = f"{doc_id}-{kind}{number + 1}", _PART_LABELS[kind]
            elif kind not in {"p", "head", "note", "table"}:
                continue
            else:
                anchor, label = block.get(XML_ID), _unit_label(block.get(XML_ID))
            forms: dict[str, None] = {}  # in order, each once
            persons: list[str] = []
            speaker = turn_speaker(block)  # "Moskovsky:" opens the paragraph's turn
            spoken = [speaker] if speaker is not None else []
            for name in [n for part in [*spoken, block] for n in part.xpath(_NAMES, namespaces=NS)]:
                ref = name.get("ref", "")[1:]
                entry = entries.get(ref)
                if entry is None:
                    continue
                names = names_of.get(ref)
                if names is None:
                    names = names_of[ref] = [
                        normalise("".join(n.itertext()))
                        for n in entry
                        if etree.QName(n).localname in {"persName", "placeName", "orgName"}
                    ]
                forms.update(dict.fromkeys(names))
                if etree.QName(entry).localname == "person" and names and names[0] not in persons:
                    persons.append(names[0])
            lines = [*spoken, *(block if kind in _PART_LABELS else [block])]
            text = normalise(" ".join(reading_text(part) for part in lines))
            # other spellings of the names, so that any of them finds the paragraph
            lowered = text.lower()
            others = [f for f in search_forms(forms) if f.lower() not in lowered]
            records.append(
                {
                    "url": f"/documents/{doc_id}.html#{anchor}",
                    "content": text
                    + ("\n(Also written: " + "; ".join(others) + ")" if others else ""),
                    "language": "en",
                    "meta": {"title": f"{title}, {label}"},
                    "filters": {
                        "person": persons,
                        "archive": [archive_label] if archive_label else [],
                        "year": [year] if year else [],
                    },
                }
            )
    return records


def index_records(records: list[dict], out_dir: Path) -> None:
    """Pagefind's index of `records`, in `out_dir`/pagefind. Pagefind's command line writes it
    and exits when every file is written; its Python service API answers before the files are
    all on disk and then stops the service, which left one of the index's files empty in about
    one run of ten."""
    with tempfile.TemporaryDirectory() as work:
        _write_record_pages(records, Path(work))
        command = [sys.executable, "-m", "pagefind", "--site", work, "--glob", "*.html"]
        command += ["--output-path", str(out_dir / "pagefind"), "--silent"]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise TeieditionError(
            f"{out_dir}: Pagefind could not index the search records: "
            + _cause(result.stderr or result.stdout)
        )


def _cause(output: str) -> str:
    """The line of Pagefind's output that says what went wrong, without Rust's panic framing
    ("thread 'main' panicked at …", "stack backtrace:", "note: …")."""
    framing = ("thread '", "stack backtrace", "note:")
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    return next((line for line in lines if not line.startswith(framing)), "no message")


class CachedRecords:
    """Each document's records, cached by its content, in one SQLite file (a temporary one
    when there is no cache), a row a document: a changed document's records are read and
    written alone, not the edition's (megabytes of JSON at a thousand documents, which took
    more time to load and write again than the shard took to index). Their counts are filed
    apart, so that an unchanged edition is planned without opening the records."""

    def __init__(self, paths: list[Path], cache_dir: Path | None, code: str, jobs: int = 1) -> None:
        """The records of documents the cache lacks are made on `jobs` processes."""
        self.paths = paths
        self.keys = [digest(code, file_digest(path)) for path in paths]
        self._temporary = tempfile.TemporaryDirectory() if cache_dir is None else None
        folder = Path(self._temporary.name) if self._temporary else cache_dir
        self._records = Blobs(folder, "search-records")
        self._legacy = cache_dir / "search-records.json" if cache_dir else None
        self._opened = False  # whether this run read or wrote any document's records
        counts = Store(cache_dir, "search-counts")
        known = [counts.get(key) for key in self.keys]
        uncounted = [index for index, count in enumerate(known) if count is None]
        if uncounted:
            self._opened = True
            unread = [index for index in uncounted if not self._records.has(self.keys[index])]
            made = run_chunks([str(self.paths[i]) for i in unread], _records_chunk, jobs)
            for index, found in zip(unread, made, strict=True):
                self._put(index, found)
                known[index] = len(found)
        for index in uncounted:
            if known[index] is None:  # records the cache had, uncounted
                known[index] = len(self.of(index))
            counts.put(self.keys[index], known[index])
        self.counts: list[int] = known
        counts.save()

    def _put(self, index: int, records: list[dict]) -> None:
        data = json.dumps(records, ensure_ascii=False).encode("utf-8")
        self._records.put(self.keys[index], data)

    def of(self, index: int) -> list[dict]:
        """The records of the document at `index` of `paths`."""
        self._opened = True
        data = self._records.get(self.keys[index])
        if data is None:  # the cache lost them since they were counted: made again
            found = search_records([self.paths[index]])
            self._put(index, found)
            return found
        return json.loads(data)

    def save(self) -> None:
        """Keep the records of the edition's documents, read now or not, and only theirs."""
        if self._opened:
            for key in self.keys:
                self._records.has(key)
            self._records.prune()
            self._opened = False
            if self._legacy is not None:  # where versions before this one kept them
                self._legacy.unlink(missing_ok=True)

    def release(self) -> None:
        """Let go of the store (saved first: `save`); `of` opens it again."""
        if self._temporary is not None:
            self._temporary.cleanup()
            self._temporary = None


def _records_chunk(paths: list[str]) -> list[list[dict]]:
    """Each document's records (work for `run_chunks`)."""
    return [search_records([Path(path)]) for path in paths]


# Above this many documents the index is split in shards that are indexed apart and merged by
# the search page (Pagefind's mergeIndex): a changed document re-indexes only its shard.
DOCUMENTS_PER_INDEX = 100


def shards(doc_ids: list[str], records: list[list]) -> list[list]:
    """The documents' records (or anything listed per document) in shards, each document in
    the shard its id hashes to: a document keeps its shard whatever is added or removed, until
    the edition outgrows the number of shards (a power of two, at most DOCUMENTS_PER_INDEX
    documents a shard on average). Empty shards are left out."""
    count = 1
    while len(doc_ids) > count * DOCUMENTS_PER_INDEX:
        count *= 2
    buckets: list[list] = [[] for _ in range(count)]
    for doc_id, found in zip(doc_ids, records, strict=True):
        buckets[int(digest(doc_id)[:8], 16) % count] += found
    return [bucket for bucket in buckets if bucket]


def _write_record_pages(records: list[dict], folder: Path) -> None:
    """One small page per record: its text, its filters, and the paragraph's address as the
    "target" metadata (the search page opens the target): Pagefind indexes the folder in one
    run."""
    for number, record in enumerate(records):
        html = etree.Element("html", lang=record["language"])
        body = etree.SubElement(html, "body")
        main = etree.SubElement(body, "main", {"data-pagefind-body": ""})
        title = etree.SubElement(main, "h1", {"data-pagefind-meta": "title"})
        title.text = record["meta"]["title"]
        etree.SubElement(main, "span", {"data-pagefind-meta": f"target:{record['url']}"})
        for line in record["content"].split("\n"):
            etree.SubElement(main, "p").text = line
        for name, values in record["filters"].items():
            for value in values:
                etree.SubElement(main, "span", {"data-pagefind-filter": name}).text = value
        (folder / f"{number:06d}.html").write_bytes(
            etree.tostring(html, method="html", encoding="UTF-8", doctype="<!DOCTYPE html>")
        )
