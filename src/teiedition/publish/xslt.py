"""Running the publishing stylesheets: compiled once, given the edition's settings, its
documents and registers as parameters (``xslt/common/params.xsl`` documents each one)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from teiedition.config import Config
from teiedition.errors import TeieditionError
from teiedition.parallel import run_chunks
from teiedition.validation import entity_free_text, registers_text, safe_parser


def build_date(root: Path) -> str:
    """The date the edition shows as its build date, reproducibly: SOURCE_DATE_EPOCH if set,
    else the date of the last commit, else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date().isoformat()
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%cs"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
        if result.returncode == 0 and result.stdout.strip():
            return result.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    return dt.date.today().isoformat()


class Transform:
    """One compiled stylesheet with the edition's parameters set."""

    def __init__(
        self,
        config: Config,
        stylesheet: Path,
        downloads: list[tuple[str, str]] = (),
        with_documents: bool = True,
        reduce: Callable[[etree._Element], etree._Element] | None = None,
        jobs: int = 1,
    ) -> None:
        """`with_documents`: parse every document of the edition into the `documents`
        parameter (pages that list the edition need them; a single document's page does not),
        each first `reduce`d to what the pages read, if given: on `jobs` processes, Saxon
        parsing what they give back here."""
        from saxonche import PySaxonProcessor

        self.config = config
        self.processor = PySaxonProcessor(license=False)
        if not stylesheet.is_file():
            raise TeieditionError(f"{stylesheet}: no such stylesheet")
        try:
            self.executable = self.processor.new_xslt30_processor().compile_stylesheet(
                stylesheet_file=str(stylesheet)
            )
        except Exception as err:  # saxonche raises its own error type with the message
            raise TeieditionError(f"{stylesheet}: {err}") from err
        self.paths = sorted(config.documents_dir.glob("*.xml"))
        self.documents = self._read(reduce, jobs) if with_documents else []
        self.build_date = build_date(config.root)
        registers = [
            etree.parse(str(p), safe_parser()) for p in sorted(config.registers_dir.glob("*.xml"))
        ]
        strings = {
            "edition-title": config.title,
            "edition-subtitle": config.subtitle,
            "editors": "; ".join(config.editors),
            "keywords": "; ".join(config.keywords),
            "publisher": config.publisher,
            "licence": config.licence,
            "licence-url": config.licence_url,
            "base-url": config.base_url,
            "version": config.version,
            "build-date": self.build_date,
            "introduction": config.introduction,
        }
        for name, value in strings.items():
            self.executable.set_parameter(name, self.processor.make_string_value(value))
        if with_documents:
            self.executable.set_parameter("documents", self.processor.make_array(self.documents))
        self.executable.set_parameter(
            "registers", self.processor.parse_xml(xml_text=registers_text(registers))
        )
        if downloads:
            self.executable.set_parameter(
                "downloads",
                self.processor.make_array(
                    [
                        self.processor.make_string_value(f"{label}|{path}")
                        for label, path in downloads
                    ]
                ),
            )

    def parse(self, path: Path):
        """A document as Saxon sees it, parsed safely (no DTD, no entities). Text that cannot
        declare an entity goes to Saxon as it is; anything else through lxml's safe parser."""
        try:
            text = entity_free_text(path.read_bytes())
            if text is not None:
                return self.processor.parse_xml(xml_text=text)
            return self.parse_element(etree.parse(str(path), safe_parser()).getroot())
        except Exception as err:  # lxml's and saxonche's own error types, with the message
            raise _unreadable(path, err) from err

    def _read(self, reduce: Callable[[etree._Element], etree._Element] | None, jobs: int) -> list:
        if reduce is None:
            return [self.parse(path) for path in self.paths]
        reduced = run_chunks([str(p) for p in self.paths], _reduced_chunk, jobs, _setup, (reduce,))
        return [self.processor.parse_xml(xml_text=text) for text in reduced]

    def parse_element(self, root: etree._Element):
        return self.processor.parse_xml(xml_text=etree.tostring(root, encoding="unicode"))

    def sort_key(self, document) -> str:
        """The document's place in the edition's order, as the stylesheets sort (te:sort-key)."""
        return self.executable.call_function_returning_string(
            "{urn:teiedition:functions}sort-key", [document]
        )

    def run(self, page_path: str, make) -> str:
        """Run `make` (a call of the executable) for the page at `page_path`."""
        self.executable.set_parameter("page-path", self.processor.make_string_value(page_path))
        result = make()
        if result is None:
            raise TeieditionError(f"the stylesheet made nothing for {page_path}")
        return result


# --- reducing documents on every core -----------------------------------------------------------

_REDUCE: list[Callable[[etree._Element], etree._Element]] = []


def _setup(reduce: Callable[[etree._Element], etree._Element]) -> None:
    _REDUCE[:] = [reduce]


def _reduced_chunk(paths: list[str]) -> list[str]:
    """Each document, parsed safely and reduced, as text for Saxon."""
    texts = []
    for path in paths:
        try:
            root = etree.parse(path, safe_parser()).getroot()
        except (OSError, etree.XMLSyntaxError) as err:
            raise _unreadable(path, err) from err
        texts.append(etree.tostring(_REDUCE[0](root), encoding="unicode"))
    return texts


def _unreadable(path: Path | str, err: Exception) -> TeieditionError:
    """A document the stylesheets cannot be given, on one line: the file and what is wrong."""
    return TeieditionError(f"{path}: {' '.join(str(err).split())}")
