"""Citable identifiers that never break: the id registry (``tei/ids.json``).

Every id the edition has published is recorded: documents, their units (paragraphs, headings,
list items) and register entries. Reconverting keeps them:

- a document keeps its id when its title or file name changes (it is found by the archive's
  record number, by its file name, or by its paragraphs);
- an unchanged unit keeps its id wherever it moves; a lightly edited one keeps it too;
- a new unit gets an id never used before (the registry keeps counters, so neighbours are
  never renumbered);
- a unit that disappears is retired: its id is never reused, and the TEI keeps an
  ``anchor type="retired"`` pointing to the unit that now holds the start of its text (a
  paragraph split or joined), else to the nearest surviving unit, which the HTML shows.

``check`` compares the edition with the registry; ``release`` records a version.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teiedition.cache import Store, digest, file_digest
from teiedition.errors import TeieditionError
from teiedition.markup.tei import TEI_NS, XML_ID, element, tei
from teiedition.markup.text import normalise, source_text, turn_speaker
from teiedition.validation import safe_parser
from teiedition.writers import write_if_changed

REGISTRY_FILE = "ids.json"
UNIT_TAGS = {"p": "p", "head": "h", "item": "i", "note": "n", "table": "t"}
# How alike a lightly edited unit must stay to keep its id (difflib ratio).
SIMILAR = 0.75
# How much of a retired unit's text, from its start, the unit that now holds it must hold
HOLDER_OPENING = 60
# Below this, a unit that kept its id has "changed meaning" (ids check).
CHANGED_MEANING = 0.5
NS = {"tei": TEI_NS}


@dataclass
class Unit:
    fingerprint: str
    excerpt: str
    status: str = "active"  # active | retired
    successor: str | None = None
    retired_in: str | None = None


@dataclass
class DocumentRecord:
    source: str
    record: str
    title: str
    units: dict[str, Unit] = field(default_factory=dict)
    counters: dict[str, int] = field(default_factory=dict)
    released_in: list[str] = field(default_factory=list)
    status: str = "active"


@dataclass
class Registry:
    documents: dict[str, DocumentRecord] = field(default_factory=dict)
    entities: dict[str, str] = field(default_factory=dict)  # id → kind (or "alias of …")
    releases: list[dict[str, str]] = field(default_factory=list)
    #: whether this run has changed it (saving an unchanged registry is skipped)
    touched: bool = field(default=False, compare=False)

    @classmethod
    def load(cls, path: Path) -> Registry:
        if not path.is_file():
            return cls()
        try:
            data = json.loads(path.read_text("utf-8"))
            return cls(
                documents={
                    doc_id: DocumentRecord(
                        **{
                            **record,
                            "units": {u: Unit(**unit) for u, unit in record["units"].items()},
                        }
                    )
                    for doc_id, record in data.get("documents", {}).items()
                },
                entities=dict(data.get("entities", {})),
                releases=list(data.get("releases", [])),
            )
        except (ValueError, TypeError, KeyError) as err:
            raise TeieditionError(f"{path}: not a valid id registry ({err})") from err

    def restore(self, path: Path) -> None:
        """Become again the registry saved at `path` (the build's caller holds this object)."""
        saved = Registry.load(path)
        self.documents, self.entities = saved.documents, saved.entities
        self.releases, self.touched = saved.releases, False

    def dump(self) -> bytes:
        data = {
            "about": "Every id the edition has published. Kept by teiedition; never remove an "
            "entry: ids are retired, not deleted.",
            "releases": self.releases,
            "documents": {
                doc_id: {
                    **vars(record),
                    "units": {unit_id: vars(unit) for unit_id, unit in record.units.items()},
                }
                for doc_id, record in sorted(self.documents.items())
            },
            "entities": dict(sorted(self.entities.items())),
        }
        return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n").encode()

    def save(self, path: Path) -> None:
        write_if_changed(path, self.dump())

    def used_ids(self) -> set[str]:
        used = set(self.documents) | set(self.entities)
        for record in self.documents.values():
            used |= set(record.units)
        return used


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _units(root: etree._Element) -> list[tuple[str, etree._Element, str]]:
    """(kind, element, text) of every citable unit of the text, in reading order."""
    found = []
    for el in root.iterfind(".//" + tei("text") + "//*"):  # the body, and the notes at the back
        kind = UNIT_TAGS.get(etree.QName(el).localname) if isinstance(el.tag, str) else None
        if kind and el.get(XML_ID):
            text = source_text(el)
            if (speaker := turn_speaker(el)) is not None:  # as the transcript has it
                text = source_text(speaker) + " " + text
            found.append((kind, el, normalise(text)))
    return found


def _record_id(root: etree._Element) -> str:
    # a plain string: lxml's "smart" strings keep their whole document alive, and this one
    # is kept in the registry for the run
    found = root.xpath(
        ".//tei:publicationStmt/tei:idno[@type='wilson-center']/text()",
        namespaces=NS,
        smart_strings=False,
    )
    return found[0] if found else ""


class Stabiliser:
    """Gives a freshly converted document the ids the edition has already published."""

    def __init__(self, registry: Registry, documents_dir: Path, version: str) -> None:
        self.registry = registry
        self.documents_dir = documents_dir
        self.version = version
        self.claimed: set[str] = set()  # documents this run has already given their id
        # Indexes of the registry's documents, made when first needed. A document's record
        # changes only when the document is given its ids, after which it is claimed and no
        # candidate: so the indexes stay true of every candidate for the whole run.
        self._by_key: dict[str, dict[str, list[str]]] | None = None
        self._position: dict[str, int] = {}  # each document's place in the registry
        self._used: set[str] | None = None
        #: the source text of each unit of the document last stabilised, by its id (read
        #: once: the ids check of the document written takes them from here)
        self.unit_texts: dict[str, str] = {}

    def stabilise(self, tree: etree._ElementTree, source: Path) -> str:
        self.registry.touched = True
        root = tree.getroot()
        units = _units(root)  # renaming changes ids, not units or their text
        record_id = _record_id(root)
        doc_id = self._document_id(root, source, units, record_id)
        self.claimed.add(doc_id)
        _rename_document(root, doc_id)
        record = self.registry.documents.setdefault(
            doc_id, DocumentRecord(source=source.name, record=record_id, title="")
        )
        record.source, record.record, record.status = source.name, record_id, "active"
        record.title = normalise(source_text(root.find(".//" + tei("title"))))
        self._assign(doc_id, record, units, root)
        if self._used is not None:
            self._used |= {doc_id, *record.units}
        _add_retired_anchors(root, record)
        _add_releases(root, record)
        return doc_id

    def _index(self) -> dict[str, dict[str, list[str]]]:
        """Document ids by record number, by source file and by paragraph fingerprint, each
        list in the registry's order."""
        if self._by_key is None:
            self._by_key = {"record": {}, "source": {}, "print": {}}
            for position, (doc_id, record) in enumerate(self.registry.documents.items()):
                self._position[doc_id] = position
                if record.record:
                    self._by_key["record"].setdefault(record.record, []).append(doc_id)
                self._by_key["source"].setdefault(record.source, []).append(doc_id)
                for print_ in {u.fingerprint for u in record.units.values()}:
                    self._by_key["print"].setdefault(print_, []).append(doc_id)
        return self._by_key

    def _first_candidate(self, index: str, key: str) -> str | None:
        return next((d for d in self._index()[index].get(key, []) if d not in self.claimed), None)

    def _document_id(self, root, source: Path, units, record_id: str) -> str:
        """The registered id of this document, else a new one never used before. A document
        already given its id in this run is no candidate (a copy of a transcript is a document
        of its own). Tried in turn: the record number, the source file, then the first
        document, in the registry's order, sharing at least half of its paragraphs."""
        proposed = root.get(XML_ID)
        found = (record_id and self._first_candidate("record", record_id)) or (
            self._first_candidate("source", source.name)
        )
        if found:
            return found
        prints = {fingerprint(text) for _, _, text in units}
        shared: dict[str, int] = {}
        for print_ in prints:
            for doc_id in self._index()["print"].get(print_, []):
                if doc_id not in self.claimed:
                    shared[doc_id] = shared.get(doc_id, 0) + 1
        for doc_id in sorted(shared, key=self._position.__getitem__):
            known = {u.fingerprint for u in self.registry.documents[doc_id].units.values()}
            if shared[doc_id] >= max(1, len(known) // 2):
                return doc_id
        if self._used is None:
            self._used = self.registry.used_ids()
        doc_id, number = proposed, 1
        while doc_id in self._used:
            number += 1
            doc_id = f"{proposed}-{number}"
        return doc_id

    def _assign(self, doc_id: str, record: DocumentRecord, units, root: etree._Element) -> None:
        previous_text = self._previous_texts(doc_id)
        active = [u for u, unit in record.units.items() if unit.status == "active"]
        by_print: dict[str, list[str]] = {}
        for unit_id in active:
            by_print.setdefault(record.units[unit_id].fingerprint, []).append(unit_id)
        assigned: dict[int, str] = {}
        taken: set[str] = set()
        # 1. unchanged units keep their ids, wherever they moved
        for index, (_, _, text) in enumerate(units):
            for unit_id in by_print.get(fingerprint(text), []):
                if unit_id not in taken:
                    assigned[index], taken = unit_id, taken | {unit_id}
                    break
        # 2. lightly edited units keep theirs: the most alike first
        pairs = []
        for index, (kind, _, text) in enumerate(units):
            if index in assigned:
                continue
            for unit_id in active:
                if unit_id in taken or _kind_of(unit_id) != kind:
                    continue
                before = previous_text.get(unit_id, record.units[unit_id].excerpt)
                ratio = difflib.SequenceMatcher(None, before, text, autojunk=False).ratio()
                if ratio >= SIMILAR:
                    pairs.append((ratio, index, unit_id))
        for _, index, unit_id in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
            if index not in assigned and unit_id not in taken:
                assigned[index], taken = unit_id, taken | {unit_id}
        # 3. new units get ids never used before
        for index, (kind, _, _) in enumerate(units):
            if index not in assigned:
                counter = max(record.counters.get(kind, 0), _highest(record, kind)) + 1
                record.counters[kind] = counter
                assigned[index] = f"{doc_id}-{kind}{counter}"
        renamed: dict[str, str] = {}
        self.unit_texts = {}
        for index, (kind, el, text) in enumerate(units):
            unit_id = assigned[index]
            self.unit_texts[unit_id] = text
            if el.get(XML_ID) != unit_id:
                renamed[f"#{el.get(XML_ID)}"] = f"#{unit_id}"
            el.set(XML_ID, unit_id)
            record.units[unit_id] = Unit(fingerprint(text), text[:80])
            record.counters[kind] = max(record.counters.get(kind, 0), _number(unit_id))
        if renamed:  # the text's references to its notes follow them
            for ref in root.iter(tei("ref")):
                target = ref.get("target")
                if target in renamed:
                    ref.set("target", renamed[target])
        # 4. units that are gone are retired, pointing to the unit that now holds the start
        # of their text (a paragraph split in two, or joined to another), else to the
        # nearest survivor
        order = [u for u in record.units if record.units[u].status == "active"]
        survivors = [assigned[i] for i in range(len(units))]
        for unit_id in active:
            if unit_id not in taken and unit_id not in survivors:
                unit = record.units[unit_id]
                unit.status, unit.retired_in = "retired", self.version
                before = previous_text.get(unit_id, unit.excerpt)
                unit.successor = _holder(before, self.unit_texts) or _nearest(
                    unit_id, order, set(survivors)
                )

    def _previous_texts(self, doc_id: str) -> dict[str, str]:
        path = self.documents_dir / f"{doc_id}.xml"
        if not path.is_file():
            return {}
        root = etree.parse(str(path), safe_parser()).getroot()
        return {el.get(XML_ID): text for _, el, text in _units(root)}


def _kind_of(unit_id: str) -> str:
    match = re.search(r"-([a-z])\d+$", unit_id)
    return match.group(1) if match else ""


def _number(unit_id: str) -> int:
    match = re.search(r"(\d+)$", unit_id)
    return int(match.group(1)) if match else 0


def _highest(record: DocumentRecord, kind: str) -> int:
    return max((_number(u) for u in record.units if _kind_of(u) == kind), default=0)


def _holder(text: str, texts: dict[str, str]) -> str | None:
    """The first of `texts` (by unit id, in reading order) that holds the start of `text`: it
    begins as `text` does, or holds its opening words, or `text` begins with all of it. A
    text shorter than that opening is held only by a unit at most twice as long: a signature
    line "Moravec" is not held by every paragraph that names him, a title "On the plan" is by
    the heading "1. On the plan". The texts are units' texts as `_units` gives them, already
    normalised."""
    opening = text[:HOLDER_OPENING]
    if not opening:
        return None
    short = len(text) < HOLDER_OPENING
    for unit_id, held in texts.items():
        if not held:
            continue
        if text.startswith(held) or (opening in held and (not short or len(held) <= 2 * len(text))):
            return unit_id
    return None


def _nearest(unit_id: str, order: list[str], survivors: set[str]) -> str | None:
    """The surviving unit after the retired one in the old order, else the one before."""
    position = order.index(unit_id) if unit_id in order else 0
    after = [u for u in order[position + 1 :] if u in survivors]
    before = [u for u in order[:position] if u in survivors]
    return after[0] if after else (before[-1] if before else None)


def _rename_document(root: etree._Element, doc_id: str) -> None:
    """Give the document, and every id and pointer made from its id, the id `doc_id`."""
    old = root.get(XML_ID)
    if old == doc_id:
        return
    for el in root.iter(etree.Element):
        for name in (XML_ID, "source", "corresp", "target"):
            value = el.get(name)
            if value and (value == old or value.startswith(f"{old}-")):
                el.set(name, doc_id + value[len(old) :])
            elif value and value.startswith(f"#{old}"):
                el.set(name, f"#{doc_id}" + value[len(old) + 1 :])
    for idno in root.xpath(".//tei:publicationStmt/tei:idno[@type='doc-id']", namespaces=NS):
        idno.text = doc_id


def _add_retired_anchors(root: etree._Element, record: DocumentRecord) -> None:
    """Each retired id of the document stays an anchor, just before its successor."""
    retired = sorted((i, u) for i, u in record.units.items() if u.status == "retired")
    if not retired:
        return  # most documents: no walk of the tree for the ids in it
    ids = {el.get(XML_ID): el for el in root.iter(etree.Element) if el.get(XML_ID)}
    for unit_id, unit in retired:
        successor = unit.successor
        while successor and successor not in ids:  # the successor may have gone since
            nxt = record.units.get(successor)
            successor = nxt.successor if nxt else None
        anchor = element("anchor", type="retired")
        anchor.set(XML_ID, unit_id)
        if successor:
            anchor.set("corresp", f"#{successor}")
            target = ids[successor]
            if etree.QName(target).localname == "item":
                target.insert(0, anchor)  # a list holds only items: the anchor opens the item
            else:
                target.addprevious(anchor)
        else:
            root.find(".//" + tei("div")).append(anchor)


def _add_releases(root: etree._Element, record: DocumentRecord) -> None:
    if not record.released_in:
        return
    header = root.find(tei("teiHeader"))
    revisions = element("revisionDesc")
    for version in record.released_in:
        change = etree.SubElement(revisions, tei("change"), n=version)
        change.text = f"Published in version {version} of the edition."
    header.append(revisions)


# --- check and release -----------------------------------------------------------------------


@dataclass(frozen=True)
class IdProblem:
    id: str
    message: str

    def __str__(self) -> str:
        return f"{self.id}: {self.message}"


def check(
    registry: Registry,
    documents_dir: Path,
    registers_dir: Path,
    store: Store | None = None,
    code: str = "",
) -> list[IdProblem]:
    """Every registered id must still resolve, to the same thing (or its successor). With a
    `store`, a document whose file and record are as at an earlier check is not read again."""
    problems: list[IdProblem] = []
    for doc_id, record in sorted(registry.documents.items()):
        path = documents_dir / f"{doc_id}.xml"
        if record.status == "active" and not path.is_file():
            problems.append(IdProblem(doc_id, f"the document vanished ({path.name} is missing)"))
            continue
        if store is None:
            problems += _check_document(doc_id, record, path)
            continue
        key = document_check_key(code, doc_id, record, file_digest(path))
        found = store.get(key)
        if found is None:
            found = [[p.id, p.message] for p in _check_document(doc_id, record, path)]
            store.put(key, found)
        problems += [IdProblem(unit_id, message) for unit_id, message in found]
    problems += _check_entities(registry, registers_dir)
    return problems


def document_check_key(code: str, doc_id: str, record: DocumentRecord, content: str) -> str:
    """What a document's id check is filed under: the check's code, the document's record
    and the SHA-256 of its file (`file_digest`)."""
    return digest(code, doc_id, repr(record), content)


def _check_document(doc_id: str, record: DocumentRecord, path: Path) -> list[IdProblem]:
    root = etree.parse(str(path), safe_parser()).getroot()
    return check_document(doc_id, record, root, path.name)


def check_document(
    doc_id: str,
    record: DocumentRecord,
    root: etree._Element,
    name: str,
    texts: Mapping[str, str] | None = None,
) -> list[IdProblem]:
    """The problems of one document (`root`, read from the file `name`) with its record;
    `texts`, when given, the units' source text by id, as read from `root` already."""
    problems: list[IdProblem] = []
    if root.get(XML_ID) != doc_id:
        problems.append(IdProblem(doc_id, f"{name} now has the id {root.get(XML_ID)!r}"))
    present = {el.get(XML_ID): el for el in root.iter(etree.Element) if el.get(XML_ID)}
    for unit_id, unit in sorted(record.units.items()):
        el = present.get(unit_id)
        if el is None:
            problems.append(IdProblem(unit_id, "vanished from " + name))
        elif unit.status == "retired":
            target = (el.get("corresp") or "").removeprefix("#")
            if etree.QName(el).localname != "anchor" or (target and target not in present):
                problems.append(IdProblem(unit_id, "retired, but no longer leads to its successor"))
        else:
            text = texts[unit_id] if texts and unit_id in texts else normalise(source_text(el))
            if (
                fingerprint(text) != unit.fingerprint
                and difflib.SequenceMatcher(None, unit.excerpt, text[:80], autojunk=False).ratio()
                < CHANGED_MEANING
            ):
                problems.append(
                    IdProblem(
                        unit_id,
                        f"changed meaning: was {unit.excerpt[:50]!r}, now {text[:50]!r}",
                    )
                )
    return problems


def _check_entities(registry: Registry, registers_dir: Path) -> list[IdProblem]:
    problems: list[IdProblem] = []
    entries = {}
    for path in sorted(registers_dir.glob("*.xml")):
        for el in etree.parse(str(path), safe_parser()).iter(
            tei("person"), tei("place"), tei("org")
        ):
            entries[el.get(XML_ID)] = el
    for entity_id, kind in sorted(registry.entities.items()):
        el = entries.get(entity_id)
        if el is None:
            problems.append(
                IdProblem(
                    entity_id,
                    f"the {kind} entry vanished from the registers "
                    "(merge it: keep an entry with sameAs)",
                )
            )
        elif etree.QName(el).localname != kind and not kind.startswith("alias"):
            problems.append(
                IdProblem(entity_id, f"now names a {etree.QName(el).localname}, was a {kind}")
            )
    return problems


def register_entities(registry: Registry, registers_dir: Path) -> None:
    for path in sorted(registers_dir.glob("*.xml")):
        for el in etree.parse(str(path), safe_parser()).iter(
            tei("person"), tei("place"), tei("org")
        ):
            entity_id = el.get(XML_ID)
            if entity_id and entity_id not in registry.entities:
                registry.entities[entity_id] = etree.QName(el).localname
                registry.touched = True


def release(registry: Registry, version: str, date: str) -> None:
    if any(r["version"] == version for r in registry.releases):
        raise TeieditionError(f"version {version} has already been released")
    registry.releases.append({"version": version, "date": date})
    for record in registry.documents.values():
        if record.status == "active":
            record.released_in.append(version)
