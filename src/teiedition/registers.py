"""The edition's registers of persons, places and organisations (``tei/registers/``).

The curated registers are edited by people: this module reads them and never writes them.
Persons found in the texts but not in the registers, and places the archive's page lists with
a document that the text names, get automatic entries, flagged as unreviewed, in
``persons-unreviewed.xml`` and ``places-unreviewed.xml``, which the build rewrites and editors
review.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teiedition.errors import InputError
from teiedition.markup.tei import NSMAP, TEI_NS, XML_ID, element, sub, tei

REGISTER_FILES = {"person": "persons.xml", "place": "places.xml", "org": "organizations.xml"}
# The registers of automatic entries, one per kind the converter makes them of
UNREVIEWED_FILES = {"person": "persons-unreviewed.xml", "place": "places-unreviewed.xml"}
NAME_ELEMENT = {"person": "persName", "place": "placeName", "org": "orgName"}
LIST_ELEMENT = {"person": "listPerson", "place": "listPlace", "org": "listOrg"}
UNREVIEWED = "unreviewed"

# Registers are our own files, but parse them as untrusted all the same.
SAFE_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    huge_tree=False,
    remove_blank_text=False,
)


@dataclass
class Entity:
    kind: str  # "person" | "place" | "org"
    id: str
    element: etree._Element
    #: Every form of the name the register gives (main, variants, short forms).
    names: list[str] = field(default_factory=list)
    #: Forms that are a surname alone (persName type="short").
    short_names: list[str] = field(default_factory=list)
    forename: str = ""
    reviewed: bool = True
    #: the entry without the register file's comments, made when first copied
    _clean: etree._Element | None = field(default=None, repr=False, compare=False)

    def entry_copy(self) -> etree._Element:
        """A copy of the entry for a document's standOff (see `_clean_copy`): every document
        that names the entity gets one, so the comments are taken out once."""
        if self._clean is None:
            self._clean = _clean_copy(self.element)
        return copy.deepcopy(self._clean)


@dataclass
class Registers:
    entities: dict[str, Entity] = field(default_factory=dict)
    #: Ids of automatic entries looked up or made, in the order made: what a document's
    #: conversion read from, and added to, the registers beyond the curated files. A parallel
    #: build uses them to prove a document converted alone equals its serial conversion.
    probed: set[str] = field(default_factory=set)
    added: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, folder: Path) -> Registers:
        """Read the curated registers in `folder` (missing files are empty registers)."""
        registers = cls()
        for kind, name in REGISTER_FILES.items():
            path = folder / name
            if path.is_file():
                registers._read(path, kind)
        return registers

    def _read(self, path: Path, kind: str) -> None:
        try:
            tree = etree.parse(str(path), SAFE_PARSER)
        except etree.XMLSyntaxError as err:
            raise InputError(
                path, f"register is not well-formed XML: {err.msg}", err.lineno
            ) from err
        for el in tree.iter(tei(kind)):
            entity_id = el.get(XML_ID)
            if not entity_id:
                raise InputError(path, f"<{kind}> without xml:id", el.sourceline)
            if entity_id in self.entities:
                raise InputError(
                    path, f"xml:id {entity_id!r} is used twice in the registers", el.sourceline
                )
            self.entities[entity_id] = _entity(kind, entity_id, el)

    def of_kind(self, kind: str) -> list[Entity]:
        return [e for e in self.entities.values() if e.kind == kind]

    def add_unreviewed(self, kind: str, entity_id: str, name: str) -> Entity:
        """An automatic entry for a person or place (`kind`) the registers do not know."""
        self.probed.add(entity_id)
        if entity_id in self.entities:
            return self.entities[entity_id]
        self.added.append(entity_id)
        entry = element(kind)
        entry.set(XML_ID, entity_id)
        sub(entry, NAME_ELEMENT[kind], name, type="main")
        sub(entry, "note", _FOUND[kind], type="status", subtype=UNREVIEWED)
        entity = _entity(kind, entity_id, entry)
        self.entities[entity_id] = entity
        return entity

    def automatic_entry(self, entity_id: str) -> Entity | None:
        """The entry `entity_id`, looked up for an automatic entry (and so recorded)."""
        self.probed.add(entity_id)
        return self.entities.get(entity_id)

    def forget(self, entity_ids: Iterable[str]) -> None:
        """Remove automatic entries again (a worker converting documents each on its own)."""
        for entity_id in entity_ids:
            del self.entities[entity_id]

    def stand_off(self, ids: Iterable[str]) -> etree._Element | None:
        """Copies of the entries `ids` point to, grouped by kind, in id order: a document's
        own standOff, so that it resolves its pointers without the registers."""
        wanted = sorted(set(ids))
        if not wanted:
            return None
        stand_off = element("standOff")
        for kind in REGISTER_FILES:
            entries = [self.entities[i] for i in wanted if self.entities[i].kind == kind]
            if entries:
                listing = sub(stand_off, LIST_ELEMENT[kind])
                for entity in entries:
                    listing.append(entity.entry_copy())
        return stand_off


# What an automatic entry says of itself
_FOUND = {
    "person": "Found automatically in the texts; not yet reviewed by an editor.",
    "place": "Named in the texts, and listed with a document by the archive's page or held "
    "by teiedition's gazetteer; found automatically, not yet reviewed by an editor.",
}


def _entity(kind: str, entity_id: str, el: etree._Element) -> Entity:
    name_tag = tei(NAME_ELEMENT[kind])
    names, shorts = [], []
    forename = ""
    for name_el in el.findall(name_tag):
        text = " ".join("".join(name_el.itertext()).split())
        if not text:
            continue
        names.append(text)
        if name_el.get("type") == "short":
            shorts.append(text)
        forename_el = name_el.find(tei("forename"))
        if forename_el is not None and not forename:
            forename = " ".join("".join(forename_el.itertext()).split())
    status = el.find(f"{tei('note')}[@type='status']")
    reviewed = status is None or status.get("subtype") != UNREVIEWED
    return Entity(kind, entity_id, el, names, shorts, forename, reviewed)


def _clean_copy(el: etree._Element) -> etree._Element:
    """A copy without the register file's comments. White space is left as it is: the
    serialiser re-indents element-only content and never touches mixed content (the space
    between forename and surname is part of the name)."""
    copied = copy.deepcopy(el)
    for comment in copied.xpath(".//comment()"):
        comment.getparent().remove(comment)
    copied.tail = None
    return copied


def unreviewed_register(registers: Registers, kind: str) -> etree._ElementTree | None:
    """The automatic entries of `kind` as a TEI file of their own; None when there are none."""
    entries = sorted((e for e in registers.of_kind(kind) if not e.reviewed), key=lambda e: e.id)
    if not entries:
        return None
    plural = UNREVIEWED_FILES[kind].removesuffix("-unreviewed.xml")
    root = etree.Element(tei("TEI"), nsmap=NSMAP)
    root.set(XML_ID, f"register-{plural}-unreviewed")
    file_desc = sub(sub(root, "teiHeader"), "fileDesc")
    sub(
        sub(file_desc, "titleStmt"),
        "title",
        f"{plural.title()} found in the texts, not yet reviewed",
    )
    sub(
        sub(file_desc, "publicationStmt"),
        "p",
        "Written by teiedition at every build. An editor reviews an entry by moving it, with "
        f"its name forms, into {REGISTER_FILES[kind]}.",
    )
    sub(sub(file_desc, "sourceDesc"), "p", "Generated from the edition's documents.")
    listing = sub(sub(root, "standOff"), LIST_ELEMENT[kind])
    for entity in entries:
        listing.append(entity.entry_copy())
    return etree.ElementTree(root)


__all__ = ["TEI_NS", "Entity", "Registers", "unreviewed_register"]
