"""Incremental builds: what each stage made last time, and from what.

Every result a stage makes (a converted draft, a file's validation problems, an HTML page, a
PDF) is filed under the SHA-256 of everything it was made from: the input's bytes, the
edition's settings, the registers and schema it reads, and the code and stylesheets that make
it. A later run with the same hash reuses the result; any change to any of those makes a new
hash. File times are never consulted, so a touched but unchanged file rebuilds nothing and an
edit that keeps the file time still rebuilds.

The cache lives in ``output/.cache`` and holds only what the last run used, so it never grows
beyond one edition's worth. Deleting it is always safe: the next build is a full one.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from teiedition import __version__
from teiedition.writers import write_atomic

CACHE_FORMAT = "1"  # bump when what the cache stores changes shape
PACKAGE_DIR = Path(__file__).resolve().parent
# Libraries whose output the edition contains: a new version may change it.
LIBRARIES = ("lxml", "saxonche", "typst", "pagefind", "pypdf")


def digest(*parts: bytes | str) -> str:
    """SHA-256 of the parts, each length-prefixed so that ("ab", "c") ≠ ("a", "bc")."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "big"))
        hasher.update(data)
    return hasher.hexdigest()


# Within one process, stages hash the same files again and again: each file's hash is kept
# against its identity (device, inode, size, and the inode's change time, which every write
# and every change of the file's times moves and nobody can set back), so the hash is always
# that of the current content.
_FILE_DIGESTS: dict[tuple[str, int, int, int, int], str] = {}


def content_digest(data: bytes) -> str:
    """SHA-256 of bytes as `file_digest` gives it for a file holding them."""
    return hashlib.sha256(data).hexdigest()


def file_digest(path: Path) -> str:
    """SHA-256 of the file's content ("" when it cannot be read: whoever reads it reports why)."""
    try:
        stat = os.stat(path)
    except OSError:
        return ""
    identity = (str(path), stat.st_dev, stat.st_ino, stat.st_size, stat.st_ctime_ns)
    found = _FILE_DIGESTS.get(identity)
    if found is None:
        try:
            found = _FILE_DIGESTS[identity] = content_digest(path.read_bytes())
        except OSError:
            return ""
    return found


def files_digest(paths: Iterable[Path], root: Path) -> str:
    """One hash of files' names (relative to `root`) and contents."""
    parts: list[bytes | str] = []
    for path in sorted(paths):
        parts += [path.relative_to(root).as_posix(), file_digest(path)]
    return digest(*parts)


def code_digest(xslt_dir: Path | None) -> str:
    """The code that makes the edition: this package, the stylesheets (none: for the stages
    that do not use them), and the versions of the libraries whose output ends up in it."""
    from importlib import metadata  # imported here: a fifth of a worker's start-up otherwise

    versions = []
    for name in LIBRARIES:
        try:
            versions.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}=absent")
    package = [p for p in PACKAGE_DIR.rglob("*") if p.is_file() and p.suffix in {".py", ".toml"}]
    stylesheets = [p for p in xslt_dir.rglob("*") if p.is_file()] if xslt_dir else []
    return digest(
        CACHE_FORMAT,
        __version__,
        *versions,
        files_digest(package, PACKAGE_DIR),
        files_digest(stylesheets, xslt_dir) if stylesheets else "",
    )


class Store:
    """The results of one stage, by hash: those found are reused, those made are kept. When
    saved, it keeps exactly the results this run used or made."""

    def __init__(self, folder: Path | None, stage: str) -> None:
        self.path = folder / f"{stage}.json" if folder else None
        self.previous: dict[str, Any] = {}
        if self.path and self.path.is_file():
            try:
                self.previous = json.loads(self.path.read_text("utf-8"))
            except (OSError, ValueError):
                self.previous = {}  # a damaged cache is only a slower build
        self.current: dict[str, Any] = {}
        self.changed = False

    def get(self, key: str) -> Any | None:
        """The result filed under `key` by this run, else by the last."""
        value = self.current.get(key)
        if value is None:
            value = self.previous.get(key)
            if value is not None:
                self.current[key] = value
        return value

    def put(self, key: str, value: Any) -> None:
        self.current[key] = value
        self.changed = self.changed or self.previous.get(key) != value

    def save(self) -> None:
        """Write what this run used or made (nothing, when that is what the file holds)."""
        if not self.changed and self.current.keys() == self.previous.keys():
            return
        if self.path:
            write_atomic(
                self.path, json.dumps(self.current, sort_keys=True, ensure_ascii=False).encode()
            )


class Blobs:
    """Large results (drafts) by hash, in one SQLite file: making a file costs this kind of
    machine's kernel about 0.4 ms, a row a small fraction of that, and a thousand drafts, a
    file each, were a tenth of the convert stage's own process. Each result is committed as it
    is put (so a run that fails keeps what it made, and holds no lock); `prune` drops what the
    run did not use. A damaged file is only a slower build: it is started again."""

    def __init__(self, folder: Path | None, stage: str) -> None:
        self.folder, self.stage = folder, stage
        self.used: set[str] = set()
        self._db: sqlite3.Connection | None = None

    def _connection(self) -> sqlite3.Connection | None:
        if self.folder is None:
            return None
        if self._db is None:
            path = self.folder / f"{self.stage}.sqlite"
            try:
                self._db = _open_blobs(path)
            except sqlite3.DatabaseError:
                path.unlink(missing_ok=True)
                self._db = _open_blobs(path)
        return self._db

    def get(self, key: str) -> bytes | None:
        row = self._row("data", key)
        return row[0] if row is not None else None

    def has(self, key: str) -> bool:
        """Whether a result is filed under `key` (kept, as if read)."""
        return self._row("1", key) is not None

    def _row(self, column: str, key: str) -> tuple | None:
        """`column` of the result filed under `key`, which the run then keeps; None when there
        is none (or the file cannot be read)."""
        db = self._connection()
        if db is None:
            return None
        try:
            row = db.execute(f"SELECT {column} FROM blobs WHERE key = ?", (key,)).fetchone()
        except sqlite3.DatabaseError:
            return None
        if row is not None:
            self.used.add(key)
        return row

    def put(self, key: str, data: bytes) -> None:
        db = self._connection()
        if db is not None:
            db.execute("INSERT OR REPLACE INTO blobs (key, data) VALUES (?, ?)", (key, data))
            self.used.add(key)

    def prune(self) -> None:
        """Keep only this run's results."""
        db = self._connection()
        if db is None:
            return
        stale = [(key,) for (key,) in db.execute("SELECT key FROM blobs") if key not in self.used]
        if stale:  # a run that used every result writes nothing
            db.executemany("DELETE FROM blobs WHERE key = ?", stale)
        db.close()
        self._db = None
        # the folder of one file a result that versions before this one kept
        shutil.rmtree(self.folder / self.stage, ignore_errors=True)


def _open_blobs(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, isolation_level=None)  # each statement its own transaction
    # a cache: a crash of the machine may lose it (and the next run starts again), so no
    # waiting for the disk
    db.execute("PRAGMA synchronous = OFF")
    # one journal file kept for the run's many transactions, not one made and removed for each
    db.execute("PRAGMA journal_mode = PERSIST")
    db.execute("CREATE TABLE IF NOT EXISTS blobs (key TEXT PRIMARY KEY, data BLOB NOT NULL)")
    return db


def link_or_copy_tree(source: Path, target: Path) -> None:
    """Put an unchanged folder of outputs in a new place, file by file as `link_or_copy`
    does, each folder made once (not once a file)."""
    shutil.copytree(source, target, copy_function=_link_or_copy_file, dirs_exist_ok=True)


def _link_or_copy_file(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def link_or_copy(source: Path, target: Path) -> None:
    """Put an unchanged output in a new place: a hard link when the file system allows it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        write_atomic(target, source.read_bytes())
