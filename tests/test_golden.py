"""Golden files: the whole TEI of one transcript per layout, compared byte for byte after
normalising what changes with every release (the converter's version).

Regenerate after an intended change, and read the diff before committing:
    python -m pytest tests/test_golden.py --update-golden
"""

import re

import pytest
from conftest import FIXTURE_TRANSCRIPTS, ROOT, SEEDS, convert_path

from teiedition.writers import serialise_tei

GOLDEN = ROOT / "tests" / "golden"
CASES = [
    SEEDS[0],  # current page layout, opener and lists
    SEEDS[3],  # PDF export layout
    *(
        p
        for p in FIXTURE_TRANSCRIPTS
        if p.name in {"faceted-page-rgani.txt", "legacy-page-mol.txt"}
    ),
]


def normalised(data: bytes) -> str:
    text = data.decode("utf-8")
    text = re.sub(r'(<application ident="teiedition" version=")[^"]+', r"\1VERSION", text)
    return re.sub(r"teiedition \d+\.\d+\.\d+\S*", "teiedition VERSION", text)


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_golden(path, config, request):
    actual = normalised(serialise_tei(convert_path(path, config)))
    golden = GOLDEN / f"{path.stem}.xml"
    if request.config.getoption("--update-golden"):
        golden.write_text(actual, "utf-8")
        pytest.skip(f"rewrote {golden.name}")
    assert golden.is_file(), f"no golden file {golden}; run with --update-golden"
    assert actual == golden.read_text("utf-8"), (
        f"{path.name} differs from {golden.name}; if intended, run "
        "`python -m pytest tests/test_golden.py --update-golden` and review the diff"
    )
