"""Edition-level settings, read from ``edition.toml`` (title, editors, publisher, licence, …)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from teiedition.errors import ConfigError

CONFIG_NAME = "edition.toml"
# teiedition's own stylesheets and schema, beside src/ in the project (an editable install).
PROJECT_XSLT = Path(__file__).resolve().parents[2] / "xslt"
PROJECT_SCHEMA = Path(__file__).resolve().parents[2] / "tei" / "schema"


@dataclass(frozen=True)
class Config:
    root: Path
    title: str = "Untitled edition"
    subtitle: str = ""
    editors: tuple[str, ...] = ()
    #: Subject keywords, for the PDFs' metadata.
    keywords: tuple[str, ...] = ()
    publisher: str = "Unknown publisher"
    pub_place: str = ""
    licence: str = ""
    licence_url: str = ""
    base_url: str = ""
    version: str = "0.0.0"
    language: str = "en"
    introduction: str = ""
    #: The most documents one printed volume holds; larger editions are split into volumes.
    volume_size: int = 400
    paths: dict[str, str] = field(default_factory=dict)

    @property
    def transcripts_dir(self) -> Path:
        return self.root / self.paths.get("transcripts", "seeds")

    @property
    def tei_dir(self) -> Path:
        return self.root / self.paths.get("tei", "tei")

    @property
    def documents_dir(self) -> Path:
        return self.tei_dir / "documents"

    @property
    def xslt_dir(self) -> Path:
        """The edition's own stylesheets if it has them (to override the layers), else
        teiedition's."""
        own = self.root / self.paths.get("xslt", "xslt")
        return own if (own / "html" / "html.xsl").is_file() else PROJECT_XSLT

    @property
    def registry_path(self) -> Path:
        return self.tei_dir / "ids.json"

    @property
    def own_schema_dir(self) -> Path:
        """Where the edition keeps its own schema, when it customises teiedition's."""
        return self.tei_dir / "schema"

    @property
    def schema_dir(self) -> Path:
        """The edition's own schema if it has a schema folder (a new edition need not copy
        one), else teiedition's."""
        own = self.own_schema_dir
        return own if own.is_dir() else PROJECT_SCHEMA

    @property
    def registers_dir(self) -> Path:
        return self.tei_dir / "registers"

    @property
    def reports_dir(self) -> Path:
        return self.output_dir / "reports"

    @property
    def cache_dir(self) -> Path:
        """What earlier builds made, by content hash (see `teiedition.cache`)."""
        return self.output_dir / ".cache"

    @property
    def output_dir(self) -> Path:
        return self.root / self.paths.get("output", "output")


_EDITION_KEYS = {
    "title",
    "subtitle",
    "editors",
    "keywords",
    "publisher",
    "pub_place",
    "licence",
    "licence_url",
    "base_url",
    "version",
    "language",
    "introduction",
}


def load_config(path: Path | None = None, start: Path | None = None) -> Config:
    """Load `path`, or ``edition.toml`` in `start` (default: the current directory).

    Without a config file the defaults apply, rooted at `start`, so single files can be
    converted anywhere.
    """
    if path is None:
        candidate = (start or Path.cwd()) / CONFIG_NAME
        if not candidate.is_file():
            return Config(root=(start or Path.cwd()).resolve())
        path = candidate
    try:
        data = tomllib.loads(Path(path).read_text("utf-8"))
    except FileNotFoundError as err:
        raise ConfigError(f"{path}: no such configuration file") from err
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise ConfigError(f"{path}: not valid TOML: {err}") from err
    edition = data.get("edition", {})
    unknown = set(edition) - _EDITION_KEYS
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s) in [edition]: {', '.join(sorted(unknown))}")
    values = dict(edition)
    for key in ("editors", "keywords"):
        if key in values:
            if not isinstance(values[key], list):
                raise ConfigError(f"{path}: [edition] {key} must be a list of strings")
            values[key] = tuple(values[key])
    printing = data.get("print", {})
    if set(printing) - {"volume_size"}:
        unknown = ", ".join(sorted(set(printing) - {"volume_size"}))
        raise ConfigError(f"{path}: unknown setting(s) in [print]: {unknown}")
    if "volume_size" in printing:
        size = printing["volume_size"]
        if not isinstance(size, int) or isinstance(size, bool) or size < 1:
            raise ConfigError(f"{path}: [print] volume_size must be a whole number of at least 1")
        values["volume_size"] = size
    return Config(root=Path(path).resolve().parent, paths=dict(data.get("paths", {})), **values)
