"""Domain errors and diagnostics.

Every problem the pipeline reports names the file and, where it can, the line,
so a scholar can go straight to it: ``path:line: severity: message``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in one input file."""

    path: Path
    message: str
    line: int | None = None
    severity: str = "error"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        return f"{where}: {self.severity}: {self.message}"


class TeieditionError(Exception):
    """Base of every error the library raises on purpose."""


class ConfigError(TeieditionError):
    """The edition's configuration file is missing a setting or malformed."""


class InputError(TeieditionError):
    """An input file cannot be converted; carries the diagnostic to print."""

    def __init__(self, path: Path, message: str, line: int | None = None) -> None:
        self.diagnostic = Diagnostic(Path(path), message, line)
        super().__init__(str(self.diagnostic))
