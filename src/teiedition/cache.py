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
    """Large results (drafts, pages, PDFs) one file each, by hash; `prune` keeps this run's."""

    def __init__(self, folder: Path | None, stage: str) -> None:
        self.folder = folder / stage if folder else None
        self.used: set[str] = set()

    def get(self, key: str) -> bytes | None:
        if not self.folder:
            return None
        try:
            data = (self.folder / key).read_bytes()
        except OSError:
            return None
        self.used.add(key)
        return data

    def put(self, key: str, data: bytes) -> None:
        if self.folder:
            write_atomic(self.folder / key, data)
            self.used.add(key)

    def prune(self) -> None:
        if self.folder and self.folder.is_dir():
            for entry in os.scandir(self.folder):
                if entry.name not in self.used and not entry.name.startswith("."):
                    os.unlink(entry.path)


def link_or_copy(source: Path, target: Path) -> None:
    """Put an unchanged output in a new place: a hard link when the file system allows it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        write_atomic(target, source.read_bytes())
