"""The convert stage at edition scale: transcripts → drafts (in parallel, cached) → the
edition's TEI (in order, with its published ids).

A *draft* is a transcript read and marked up on its own, against the curated registers only.
Drafts do not depend on one another, so they are made on every core and kept in the cache under
the hash of the transcript, the registers, the settings and the code. Two things do depend on
the order of documents, and are done in a single pass in input order, in the build's own
process, which takes each draft as soon as it and those before it are made:

- automatic register entries. A draft records the automatic entry ids it looked up and the
  entries it made. If none of the ids it looked up was made by an earlier document of this run,
  it saw exactly what a serial run would have shown it, and its entries are added as they are;
  otherwise the document is marked up again here, against the registers as the serial run
  would have them (this happens only when two documents name the same unknown person).
- citable ids (`Stabiliser`), which this pass gives every document whose draft changed. A
  document whose draft and TEI file are as the last run left them keeps its file untouched,
  unless the id registry changed or transcripts came or went; then every document is given its
  ids again, as in a first build.

So a parallel or incremental run writes byte for byte what a serial full run writes.
"""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from teiedition.cache import Blobs, Store, digest, file_digest, files_digest
from teiedition.config import Config
from teiedition.errors import Diagnostic, InputError
from teiedition.markup.tei import document_key
from teiedition.parallel import each_chunk
from teiedition.progress import Progress
from teiedition.registers import REGISTER_FILES, Registers
from teiedition.registry import Registry, Stabiliser
from teiedition.writers import serialise_tei, write_if_changed

if TYPE_CHECKING:
    from teiedition.markup.names import NameIndex

# The draft parser: drafts are our own serialisation, but parsed without entities all the same.
DRAFT_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
# Told of each document the id pass writes: its id, its bytes, its tree (as those bytes
# read back, so a reader need not parse them again) and its units' source text by id (as
# the id pass read them).
Written = Callable[[str, bytes, etree._Element, Mapping[str, str]], None]


@dataclass
class Draft:
    """One transcript marked up on its own: its TEI before the edition's ids, or its error."""

    source: str
    tei: bytes | None = None
    warnings: list[Diagnostic] = field(default_factory=list)
    error: Diagnostic | None = None
    #: automatic register entries made, in order: (kind, id, name)
    added: list[tuple[str, str, str]] = field(default_factory=list)
    #: automatic entry ids looked up (made or not)
    probed: list[str] = field(default_factory=list)

    @functools.cached_property
    def tei_digest(self) -> str:
        """Of its TEI ("" when it has none); read back with the draft, not computed again."""
        return digest(self.tei) if self.tei is not None else ""

    def dump(self) -> bytes:
        """A line of JSON (all but the TEI, and the TEI's digest), then the TEI as it is: a
        draft is read back without decoding or hashing its TEI."""
        header = {
            "source": self.source,
            "digest": self.tei_digest if self.tei is not None else None,
            "warnings": [_diagnostic_json(d) for d in self.warnings],
            "error": _diagnostic_json(self.error) if self.error else None,
            "added": self.added,
            "probed": self.probed,
        }
        # JSON escapes line breaks inside strings: the first one ends the header
        return json.dumps(header, ensure_ascii=False).encode("utf-8") + b"\n" + (self.tei or b"")

    @classmethod
    def load(cls, data: bytes) -> Draft:
        line, _, tei = data.partition(b"\n")
        raw = json.loads(line)
        draft = cls(
            source=raw["source"],
            tei=tei if raw["digest"] is not None else None,
            warnings=[_diagnostic(d) for d in raw["warnings"]],
            error=_diagnostic(raw["error"]) if raw["error"] else None,
            added=[(kind, i, name) for kind, i, name in raw["added"]],
            probed=list(raw["probed"]),
        )
        if raw["digest"] is not None:
            draft.__dict__["tei_digest"] = raw["digest"]  # where cached_property keeps it
        return draft


def _diagnostic_json(diagnostic: Diagnostic) -> dict:
    return {
        "path": str(diagnostic.path),
        "message": diagnostic.message,
        "line": diagnostic.line,
        "severity": diagnostic.severity,
    }


def _diagnostic(raw: dict) -> Diagnostic:
    return Diagnostic(Path(raw["path"]), raw["message"], raw["line"], raw["severity"])


def make_draft(path: Path, config: Config, names: NameIndex, keep: bool = False) -> Draft:
    """Mark up one transcript. Unless `keep`, the automatic entries it made are taken out of
    the registers again, so the next document starts from the same registers."""
    # Imported here, not above: the reader and mark-up compile some 200 patterns, which a
    # build with nothing to convert never needs.
    from teiedition.markup.document import build_document
    from teiedition.readers import read_transcript

    registers = names.registers
    registers.probed, registers.added = set(), []
    draft = Draft(str(path))
    try:
        transcript = read_transcript(path)
        tree = build_document(transcript, config, names)
        draft.tei = etree.tostring(tree, encoding="UTF-8")
        draft.warnings = list(transcript.warnings)
    except InputError as err:
        draft.error = err.diagnostic
    except Exception as err:  # a fault of the converter's: this file fails, the others go on
        draft.error = _failure(path, err)
    draft.added = [
        (registers.entities[i].kind, i, registers.entities[i].names[0]) for i in registers.added
    ]
    draft.probed = sorted(registers.probed)
    if not keep:
        registers.forget(registers.added)
    return draft


def _failure(path: Path, err: Exception) -> Diagnostic:
    """The error of a file the converter failed on, by a fault of its own."""
    message = " ".join(f"{type(err).__name__}: {err}".split())
    return Diagnostic(
        path, f"the converter failed on this file ({message}); please report it", None, "error"
    )


# --- the workers ------------------------------------------------------------------------------

_WORKER: dict[str, object] = {}


def _setup_worker(config: Config) -> None:
    from teiedition.pipeline import load_names

    # The build's process merges and writes the drafts as they come, the stage's critical
    # path: when cores are short, it goes first.
    if hasattr(os, "nice"):  # Unix
        os.nice(5)

    _WORKER["config"], _WORKER["names"] = config, load_names(config)


def _draft_chunk(paths: list[str]) -> list[bytes]:
    config, names = _WORKER["config"], _WORKER["names"]
    return [make_draft(Path(p), config, names).dump() for p in paths]  # type: ignore[arg-type]


# --- the stage --------------------------------------------------------------------------------


@dataclass
class Converted:
    """What the convert stage did."""

    written: list[Path] = field(default_factory=list)
    #: the edition's TEI file of each transcript converted, changed or not
    documents: list[Path] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    inputs: int = 0
    drafted: int = 0  # drafts made this run (the others came from the cache)


class ConvertStage:
    def __init__(
        self,
        config: Config,
        registers: Registers,
        jobs: int = 1,
        progress: Progress | None = None,
        cache_dir: Path | None = None,
        code: str = "",
        names: NameIndex | None = None,
    ) -> None:
        self.config, self.registers, self.jobs = config, registers, jobs
        self._names = names
        # the entries the name index reads, as they are now (before this run adds any)
        self._entries_at_start = dict(registers.entities)
        self.progress = progress or Progress()
        self.cache_dir = cache_dir
        self.drafts = Blobs(cache_dir, "drafts")
        self.ids: _IdPass | None = None
        self.base = digest(code, repr(config), _registers_digest(config))

    @property
    def names(self) -> NameIndex:
        """The registers' name index, for a document marked up again in this process; made
        when first needed (a build with nothing to convert never compiles its patterns), from
        the entries the registers had when the run began, as one made then would be."""
        if self._names is None:
            from teiedition.markup.names import NameIndex

            self._names = NameIndex(replace(self.registers, entities=self._entries_at_start))
            self._names.registers = self.registers  # the entries this run adds, too
        return self._names

    def drafts_of(self, paths: list[Path]) -> Iterator[Draft]:
        """Each transcript's draft, in order, as soon as it is made: the caller merges and
        writes the first while workers still draft the later ones."""
        keys = [digest(self.base, p.name, file_digest(p)) for p in paths]
        found: dict[int, Draft] = {}
        for index, key in enumerate(keys):
            data = self.drafts.get(key)
            if data is not None:
                draft = Draft.load(data)
                if draft.source == str(paths[index]):
                    found[index] = draft
        missing = [i for i in range(len(paths)) if i not in found]
        self.progress.start("convert", len(paths))
        self.progress.advance(len(found))
        made = (
            data
            for done in each_chunk(
                [str(paths[i]) for i in missing],
                _draft_chunk,
                self.jobs,
                _setup_worker,
                (self.config,),
                self.progress.advance,
            )
            for data in done
        )
        for index in range(len(paths)):
            if index in found:
                yield found.pop(index)
                continue
            data = next(made)
            draft = Draft.load(data)
            if draft.error is None:
                self.drafts.put(keys[index], data)
            yield draft

    def merge(self, drafts: Iterable[Draft]) -> Iterator[Draft]:
        """The drafts as a serial run makes them: automatic entries added in input order."""
        registers = self.registers
        made_in_run: set[str] = set()
        for draft in drafts:
            if self._differs(draft, made_in_run):
                self.progress.detail(f"{draft.source}: marked up again (shares an unknown name)")
                draft = make_draft(Path(draft.source), self.config, self.names, keep=True)
            else:
                for kind, entity_id, name in draft.added:
                    registers.add_unreviewed(kind, entity_id, name)
            made_in_run.update(entity_id for _, entity_id, _ in draft.added)
            yield draft

    def _differs(self, draft: Draft, made_in_run: set[str]) -> bool:
        """Whether the serial run would mark this document up otherwise. It would not when every
        automatic entry the draft looked up that an earlier document made has exactly the name
        the draft gave it: the serial run reuses that entry, the same element."""
        made_here = {entity_id: name for _, entity_id, name in draft.added}
        for entity_id in made_in_run.intersection(draft.probed):
            earlier = self.registers.entities[entity_id].names[0]
            if made_here.get(entity_id) != earlier:
                return True
        return False

    def run(
        self,
        paths: list[Path],
        out_dir: Path,
        registry: Registry | None,
        written: Written | None = None,
    ) -> Converted:
        """Convert `paths` into `out_dir`, with ids from `registry` if given; `written` is
        told of each document as soon as it is written."""
        drafts = self.merge(self.drafts_of(paths))
        result = Converted(inputs=len(paths))
        if registry is None:
            _write_all(drafts, out_dir, None, result, written)
        else:
            self.ids = _IdPass(self.config, registry, self.cache_dir, out_dir, written)
            self.ids.run(drafts, [str(p) for p in paths], result)
        self.drafts.prune()
        self.progress.finish(
            f"convert: {len(result.documents)} of {len(paths)} transcripts, "
            f"{len(result.written)} TEI files written"
        )
        return result


def _registers_digest(config: Config) -> str:
    """The curated registers, which drafts are marked up against (not the unreviewed one)."""
    curated = [config.registers_dir / name for name in REGISTER_FILES.values()]
    return files_digest([p for p in curated if p.is_file()], config.registers_dir)


def _tree(draft: Draft) -> etree._ElementTree:
    return etree.fromstring(draft.tei, DRAFT_PARSER).getroottree()


# The archive's record number in a draft's header, as the header writes it
_RECORD_NUMBER = re.compile(rb'<idno type="wilson-center">(\d+)</idno>')


class _SameRecord:
    """Warns of a transcript of an archive record an earlier transcript of the run is of:
    most likely one page copied twice (from its web page and its PDF, say). Each is kept as a
    document of its own, as it may be a second translation."""

    def __init__(self) -> None:
        self.first: dict[bytes, str] = {}  # the first source of each record number

    def check(self, draft: Draft) -> list[Diagnostic]:
        found = _RECORD_NUMBER.search(draft.tei) if draft.tei is not None else None
        if found is None:
            return []
        other = self.first.setdefault(found[1], draft.source)
        if other == draft.source:
            return []
        message = (
            f"the archive's record {found[1].decode()} again, as in {Path(other).name}: the "
            "same page copied twice? Both are kept, each a document of its own"
        )
        return [Diagnostic(Path(draft.source), message, severity="warning")]


def _write_all(
    drafts: Iterable[Draft],
    out_dir: Path,
    stabiliser: Stabiliser | None,
    result: Converted,
    written: Written | None = None,
) -> dict[str, tuple[str, str]]:
    """Write every draft's TEI (ids stabilised when there is a `stabiliser`); returns the
    document id of each source written, and the digest of its draft."""
    sources: dict[str, str] = {}
    ids: dict[str, tuple[str, str]] = {}
    same_record = _SameRecord()
    for draft in drafts:
        result.diagnostics += draft.warnings + same_record.check(draft)
        if draft.error is not None:
            result.diagnostics.append(draft.error)
            continue
        texts: Mapping[str, str] = {}
        try:
            tree = _tree(draft)
            if stabiliser is not None:
                stabiliser.stabilise(tree, Path(draft.source))
                texts = stabiliser.unit_texts
        except Exception as err:  # as in a worker: this file fails, the others go on
            result.diagnostics.append(_failure(Path(draft.source), err))
            continue
        doc_id = document_key(tree)
        if doc_id in sources:
            result.diagnostics.append(
                Diagnostic(
                    Path(draft.source),
                    f"document id {doc_id!r} is already taken by {sources[doc_id]}; "
                    "not written (same record number, or same date and title)",
                )
            )
            continue
        sources[doc_id] = draft.source
        ids[draft.source] = doc_id, draft.tei_digest
        _write_document(tree, doc_id, out_dir, result, written, texts)
    return ids


def _write_document(
    tree: etree._ElementTree,
    doc_id: str,
    out_dir: Path,
    result: Converted,
    written: Written | None,
    texts: Mapping[str, str],
) -> None:
    """Write a document's TEI (unless the file holds those bytes already), and tell
    `written`."""
    target = out_dir / f"{doc_id}.xml"
    data = serialise_tei(tree)
    if write_if_changed(target, data):
        result.written.append(target)
    result.documents.append(target)
    if written is not None:
        written(doc_id, data, tree.getroot(), texts)


class _IdPass:
    """Citable ids for the drafts, as a full serial run gives them, touching only documents
    whose draft changed when nothing else did."""

    def __init__(
        self,
        config: Config,
        registry: Registry,
        cache_dir: Path | None,
        out: Path,
        written: Written | None = None,
    ):
        self.config, self.registry, self.out, self.written = config, registry, out, written
        self.state = Store(cache_dir, "documents")

    def run(self, drafts: Iterable[Draft], sources: list[str], result: Converted) -> None:
        """`drafts`: of `sources`, in order. A first build takes each as it comes (written
        while later ones are drafted); a partial pass needs them all first."""
        registry_now = self._registry_digest()
        partial = (
            self.state.previous.get("#registry") == registry_now
            and self.state.previous.get("#sources") == sources
        )
        if partial:
            drafts = list(drafts)
        if not (partial and self._partial(drafts, result)):
            # start again from the registry as saved (a partial pass may have touched it)
            self.registry.restore(self.config.registry_path)
            stabiliser = Stabiliser(self.registry, self.out, self.config.version)
            fresh = Converted(inputs=result.inputs)
            ids = _write_all(drafts, self.out, stabiliser, fresh, self.written)
            result.written, result.documents = fresh.written, fresh.documents
            result.diagnostics = fresh.diagnostics
            self._remember(ids)
        self.state.put("#sources", sources)

    def remember(self) -> None:
        """Keep this run's state; only once the registry is saved, which it describes."""
        self.state.put("#registry", self._registry_digest())
        self.state.save()

    def _partial(self, drafts: list[Draft], result: Converted) -> bool:
        """Stabilise only changed drafts; False (and nothing written) if that could differ
        from a full pass."""
        unchanged: dict[str, str] = {}
        for draft in drafts:
            entry = self.state.previous.get(draft.source)
            if entry and draft.tei is not None and entry["draft"] == draft.tei_digest:
                target = self.out / f"{entry['doc']}.xml"
                if file_digest(target) == entry["tei"]:
                    unchanged[draft.source] = entry["doc"]
                    self.state.put(draft.source, entry)
        stabiliser = Stabiliser(self.registry, self.out, self.config.version)
        # by source, in order: each changed document's tree, id and units' texts
        pending: dict[str, tuple[etree._ElementTree, str, Mapping[str, str]]] = {}
        for draft in drafts:
            if draft.source in unchanged:
                stabiliser.claimed.add(unchanged[draft.source])
                continue
            if draft.error is not None:
                continue
            tree = _tree(draft)
            doc_id = stabiliser.stabilise(tree, Path(draft.source))
            if doc_id in unchanged.values():
                return False  # it took a later document's id: only a full pass is exact
            pending[draft.source] = tree, doc_id, stabiliser.unit_texts
        if len({doc_id for _, doc_id, _ in pending.values()} | set(unchanged.values())) != len(
            pending
        ) + len(unchanged):
            return False  # a duplicate: the full pass reports it in order
        ids: dict[str, tuple[str, str]] = {}
        same_record = _SameRecord()
        for draft in drafts:
            result.diagnostics += draft.warnings + same_record.check(draft)
            if draft.error is not None:
                result.diagnostics.append(draft.error)
                continue
            if draft.source in unchanged:
                result.documents.append(self.out / f"{unchanged[draft.source]}.xml")
                continue
            tree, doc_id, texts = pending[draft.source]
            ids[draft.source] = doc_id, draft.tei_digest
            _write_document(tree, doc_id, self.out, result, self.written, texts)
        self._remember(ids)
        return True

    def _remember(self, ids: dict[str, tuple[str, str]]) -> None:
        for source, (doc_id, draft) in ids.items():
            target = self.out / f"{doc_id}.xml"
            self.state.put(source, {"draft": draft, "doc": doc_id, "tei": file_digest(target)})

    def _registry_digest(self) -> str:
        return file_digest(self.config.registry_path)
