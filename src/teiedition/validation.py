"""Validation stage: the edition's RELAX NG and Schematron, with diagnostics a scholar can act
on (``path:line:column: error|warning: message [rule-id]``).

Parsing is safe for hostile files: no network, no external entities, no DTD, no entity
expansion (billion laughs) and no huge-tree mode. A file that declares a document type is
reported and not validated further. Both schemas are compiled once per run: the RELAX NG by
lxml, the Schematron into XSLT 3.0 (the ISO skeleton's approach) run by saxonche, which
evaluates its XPath 3.1.
"""

from __future__ import annotations

import copy
import json
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from teiedition.cache import Store, digest, file_digest
from teiedition.errors import TeieditionError
from teiedition.markup.tei import TEI_NS, XML_ID, tei
from teiedition.parallel import run_chunks
from teiedition.progress import Progress
from teiedition.schema import attribute_subset, read_odd

if TYPE_CHECKING:  # saxonche is imported when first needed
    from saxonche import PySaxonProcessor, PyXdmValue, PyXsltExecutable

SCH_NS = "http://purl.oclc.org/dsdl/schematron"
XSL_NS = "http://www.w3.org/1999/XSL/Transform"
SCHEMA_FILES = ("teiedition.odd", "teiedition.rng", "teiedition.sch")
# What a Schematron top-level variable may be set to from outside (see teiedition.sch).
EXTERNAL_VARIABLES = {"registers": "document-node()?"}
# The Schematron pattern that compares the register entries a document carries with the master
# registers' entries.
REGISTER_PATTERN = "registers"
REGISTER_ENTRIES = tuple(tei(name) for name in ("person", "place", "org"))


def safe_parser() -> etree.XMLParser:
    """A parser that never touches the network or the file system beyond the file itself and
    expands no entity. IDs are not collected, so that duplicates reach the Schematron."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        collect_ids=False,
        remove_comments=False,
    )


def entity_free_text(data: bytes) -> str | None:
    """`data` as text when it is UTF-8 (or ASCII) XML without a document type declaration:
    without one no entity can be declared, so no parser can expand or fetch anything. None
    for anything else (other encodings included: the check reads ASCII bytes)."""
    if not data.startswith((b"<", b"\xef\xbb\xbf<")) or b"\x00" in data or b"<!DOCTYPE" in data:
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def registers_text(registers: Iterable[etree._ElementTree]) -> str:
    """The register files, read safely, as the one document the stylesheets and the
    Schematron take as `$registers` (no document type carried over)."""
    wrapped = "".join(etree.tostring(tree.getroot(), encoding="unicode") for tree in registers)
    return f"<registers>{wrapped}</registers>"


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    column: int
    severity: str  # "error" | "warning"
    message: str
    rule: str

    def __str__(self) -> str:
        return (
            f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message} [{self.rule}]"
        )


@dataclass
class ValidationReport:
    files: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def invalid_files(self) -> list[str]:
        return sorted({p.path for p in self.errors})

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        return (
            f"validated {len(self.files)} files: {len(self.files) - len(self.invalid_files)} "
            f"valid, {len(self.invalid_files)} invalid ({len(self.errors)} errors, "
            f"{len(self.warnings)} warnings)"
        )

    def to_json(self) -> str:
        return json.dumps(
            {
                "files": len(self.files),
                "valid": len(self.files) - len(self.invalid_files),
                "invalid": len(self.invalid_files),
                "errors": len(self.errors),
                "warnings": len(self.warnings),
                "problems": [asdict(p) for p in self.problems],
            },
            ensure_ascii=False,
            indent=2,
        )


class Validator:
    """Compiles the edition's schemas once; validates any number of files."""

    def __init__(self, schema_dir: Path, registers: Sequence[Path] = ()) -> None:
        missing = [name for name in SCHEMA_FILES if not (schema_dir / name).is_file()]
        if missing:
            raise TeieditionError(f"{schema_dir}: missing {', '.join(missing)}")
        self.customisation = read_odd(schema_dir / "teiedition.odd")
        self.grammar = etree.parse(str(schema_dir / "teiedition.rng"), safe_parser())
        self.relaxng = etree.RelaxNG(self.grammar)
        register_trees = [etree.parse(str(p), safe_parser()) for p in registers if p.is_file()]
        # the attributes files have been seen to use: the subset grammar allows these only
        self.attributes_seen = set().union(*(attribute_names(t) for t in register_trees))
        self._subset: etree.RelaxNG | None = None
        # A register entry that is the master's byte for byte passes the register pattern.
        # The edition's own files carry only such copies, so they are checked without that
        # pattern (a tenth of a file's validation); a file with any other entry gets it.
        self.masters: dict[str, bytes] = {}
        for tree in register_trees:
            for entry in _register_entries(tree.getroot()):
                self.masters.setdefault(entry.get(XML_ID), _entry_bytes(entry))
        processor = _saxon()
        self.schema = etree.parse(str(schema_dir / "teiedition.sch"), safe_parser())
        given = {}
        if registers:
            given["registers"] = processor.parse_xml(xml_text=registers_text(register_trees))
        self.constants = schema_constants(processor, self.schema, given)
        self.processor = processor
        self._rules: dict[bool, PyXsltExecutable] = {}

    def validate(self, paths: Iterable[Path]) -> ValidationReport:
        report = ValidationReport()
        for path in paths:
            report.files.append(str(path))
            report.problems += self.validate_file(path)
        return report

    def validate_file(self, path: Path) -> list[Problem]:
        where = str(path)
        try:
            source = path.read_bytes()
        except OSError as err:
            return [Problem(where, 1, 1, "error", f"cannot read file: {err.strerror}", "io")]
        # A document type declaration is refused before parsing: its entities are neither
        # loaded (XXE) nor expanded (billion laughs), and TEI needs nothing of it.
        doctype = _DOCTYPE.search(source, 0, _prolog_end(source))
        if doctype:
            line = source.count(b"\n", 0, doctype.start()) + 1
            message = (
                "a document type declaration is not allowed in TEI files (its entities "
                "are neither loaded nor expanded)"
            )
            return [Problem(where, line, 1, "error", message, "no-dtd")]
        try:
            tree = etree.ElementTree(etree.fromstring(source, safe_parser()))
        except etree.XMLSyntaxError as err:
            line, column = err.position if err.position else (err.lineno or 1, 1)
            message = f"not well-formed XML: {_first_line(err.msg)}"
            return [Problem(where, line or 1, max(column, 1), "error", message, "well-formed")]
        lines = _Lines(source)
        problems = self._relaxng(where, tree, lines)
        problems += self._schematron(where, source, tree, lines)
        return sorted(problems, key=lambda p: (p.line, p.column, p.rule))

    def _relaxng(self, where: str, tree: etree._ElementTree, lines: Sequence[str]) -> list[Problem]:
        # The subset grammar allows only the optional attributes files have used so far and
        # validates several times faster; what it accepts, the whole grammar accepts. What it
        # rejects gets the whole grammar's verdict and messages. While the subset waits to
        # be made again, a file with attributes it would leave out goes to the whole grammar
        # at once: the subset is made when the attributes files use have settled, once, not
        # again for each of the first files.
        pending = self._subset is None and not attribute_names(tree) <= self.attributes_seen
        if not pending and self.subset_relaxng().validate(tree):
            return []
        if self.relaxng.validate(tree):
            self._learn(tree)
            return []
        # libxml2 often reports a grammar error far from its cause ("Element TEI has extra
        # content"); what the ODD forbids outright is named exactly, where it is.
        problems = self._vocabulary(where, tree, lines)
        if problems:
            return problems
        return [
            Problem(
                where,
                entry.line,
                entry.column or _column(lines, entry.line, None),
                "error",
                _relaxng_message(entry.message),
                "relaxng",
            )
            for entry in self.relaxng.error_log
        ]

    def schematron(self, copies_match: bool = False) -> PyXsltExecutable:
        """The Schematron's rules, compiled when first needed: all of them, or, when every
        register entry of the file is the master's byte for byte, all but the register
        pattern, which that file passes."""
        if copies_match not in self._rules:
            skip = (REGISTER_PATTERN,) if copies_match else ()
            stylesheet = schematron_to_xslt(self.schema, EXTERNAL_VARIABLES, skip)
            rules = self.processor.new_xslt30_processor().compile_stylesheet(
                stylesheet_text=etree.tostring(stylesheet, encoding="unicode")
            )
            for name, value in self.constants.items():
                rules.set_parameter(name, value)
            self._rules[copies_match] = rules
        return self._rules[copies_match]

    def subset_relaxng(self) -> etree.RelaxNG:
        """The subset grammar of the attributes seen so far (made again when one is added)."""
        if self._subset is None:
            try:
                self._subset = etree.RelaxNG(attribute_subset(self.grammar, self.attributes_seen))
            except etree.RelaxNGParseError:  # cannot happen with a derived grammar; be exact
                self._subset = self.relaxng
        return self._subset

    def _learn(self, tree: etree._ElementTree) -> None:
        """A valid file with an attribute the subset leaves out: allow it from now on."""
        names = attribute_names(tree)
        if not names <= self.attributes_seen:
            self.attributes_seen |= names
            self._subset = None

    def _vocabulary(
        self, where: str, tree: etree._ElementTree, lines: Sequence[str]
    ) -> list[Problem]:
        """Elements outside the edition's set and attribute values outside its closed lists."""
        problems = []
        custom = self.customisation
        # a class's closed list holds for the attribute on every element of the class
        by_class = {attribute: values for (_, attribute), values in custom.class_values.items()}
        for element in tree.iter(etree.Element):
            qname = etree.QName(element)
            line = element.sourceline or 1
            if qname.namespace != TEI_NS or qname.localname not in custom.elements:
                problems.append(
                    Problem(
                        where,
                        line,
                        _column(lines, line, element),
                        "error",
                        f"element <{qname.localname}> is not part of the edition's schema",
                        "relaxng",
                    )
                )
                continue
            for attribute, value in element.attrib.items():
                allowed = custom.element_values.get((qname.localname, attribute)) or by_class.get(
                    attribute
                )
                if allowed and value not in allowed:
                    problems.append(
                        Problem(
                            where,
                            line,
                            _column(lines, line, element, attribute),
                            "error",
                            f'<{qname.localname} {attribute}="{value}">: allowed values are '
                            f"{', '.join(allowed)}",
                            "relaxng",
                        )
                    )
        return problems

    def _schematron(
        self, where: str, source: bytes, tree: etree._ElementTree, lines: Sequence[str]
    ) -> list[Problem]:
        text = entity_free_text(source)  # the file as it is, when Saxon may parse it so
        if text is None:
            text = etree.tostring(tree.getroot(), encoding="unicode")
        document = self.processor.parse_xml(xml_text=text)
        copies_match = all(
            self.masters.get(entry.get(XML_ID)) == _entry_bytes(entry)
            for entry in _register_copies(tree)
        )
        output = self.schematron(copies_match).transform_to_string(xdm_node=document)
        problems = []
        for finding in etree.fromstring(output.encode("utf-8")):
            node = _node_at(tree, finding.get("path", "/"))
            element = node.getparent() if _is_attribute(node) else node
            line = getattr(element, "sourceline", None) or 1
            attribute = node.attrname if _is_attribute(node) else None
            column = _column(lines, line, element, attribute)
            message = " ".join((finding.text or "").split())
            problems.append(
                Problem(
                    where,
                    line,
                    column,
                    finding.get("role") or "error",
                    message,
                    finding.get("id") or "schematron",
                )
            )
        return problems


def validate_paths(
    paths: Iterable[Path],
    schema_dir: Path,
    registers_dir: Path | None = None,
    jobs: int = 1,
    progress: Progress | None = None,
    cache_dir: Path | None = None,
    code: str = "",
) -> ValidationReport:
    """Validate `paths` on `jobs` processes. With a `cache_dir`, a file whose bytes, schemas,
    registers and code are as at an earlier run gets that run's findings without validating."""
    progress = progress or Progress()
    paths = list(paths)
    registers = (
        sorted(registers_dir.glob("*.xml")) if registers_dir and registers_dir.is_dir() else []
    )
    schemas = sorted(p for p in schema_dir.glob("*") if p.is_file()) if schema_dir.is_dir() else []
    base = digest(code, *(p.name + file_digest(p) for p in schemas + registers))
    store = Store(cache_dir, "validation")
    # without a cache, no file is read to be hashed
    keys = [digest(base, str(p), file_digest(p)) for p in paths] if cache_dir else []
    found: dict[int, list] = {}
    for index, key in enumerate(keys):
        cached = store.get(key)
        if cached is not None:
            found[index] = cached
    missing = [i for i in range(len(paths)) if i not in found]
    progress.start("validate", len(paths))
    progress.advance(len(found))
    checked = run_chunks(
        [str(paths[i]) for i in missing],
        _validate_chunk,
        jobs,
        _setup_validator,
        (schema_dir, tuple(registers)),
        progress.advance,
    )
    for index, problems in zip(missing, checked, strict=True):
        found[index] = problems
        if keys:
            store.put(keys[index], problems)
    store.save()
    report = ValidationReport()
    for index, path in enumerate(paths):
        report.files.append(str(path))
        report.problems += [Problem(**problem) for problem in found[index]]
    progress.finish(f"validate: {report.summary()[len('validated ') :]}, {len(missing)} checked")
    return report


_VALIDATOR: list[Validator] = []


def _setup_validator(schema_dir: Path, registers: tuple[Path, ...]) -> None:
    _VALIDATOR[:] = [Validator(schema_dir, registers)]


def _validate_chunk(paths: list[str]) -> list[list[dict]]:
    return [[asdict(p) for p in _VALIDATOR[0].validate_file(Path(path))] for path in paths]


def tei_files(paths: Iterable[Path], exclude: Iterable[Path] = ()) -> list[Path]:
    """Files as given; folders expand to their ``*.xml`` files, recursively, in name order,
    leaving out what lies in an `exclude`d folder (symbolic links followed to see where). A file
    named twice (or in two folders given) is listed once, where it first appears."""
    excluded = [e.resolve() for e in exclude]

    def kept(path: Path) -> bool:
        return not any(path.resolve().is_relative_to(e) for e in excluded)

    found: list[Path] = []
    for path in paths:
        if not path.is_dir():
            found.append(path)
            continue
        inside: list[Path] = []
        # a folder is resolved once, not every file in it: thousands of documents
        for top, folders, files in os.walk(path):
            if not kept(Path(top)):
                folders.clear()
                continue
            inside += (
                Path(top, name)
                for name in files
                if name.endswith(".xml")
                and (not os.path.islink(os.path.join(top, name)) or kept(Path(top, name)))
            )
        found += sorted(inside)
    return list(dict.fromkeys(found))


# --- Schematron → XSLT 3.0 ---------------------------------------------------------------------


def schematron_to_xslt(
    schema: etree._ElementTree, external: dict[str, str], skip: Sequence[str] = ()
) -> etree._Element:
    """Compile an ISO Schematron (queryBinding xslt3) to an XSLT 3.0 stylesheet whose output is
    ``<findings>`` of ``<finding id role path>message</finding>``. Supported: ns, let (schema and
    rule level), pattern, rule/@context, assert, report, name, value-of, and XSLT declarations
    (xsl:key) at schema level. Top-level lets named in `external` become stylesheet
    parameters; the patterns whose ids are in `skip` are left out."""

    def sch(tag: str) -> str:
        return f"{{{SCH_NS}}}{tag}"

    nsmap = {"xsl": XSL_NS, "xs": "http://www.w3.org/2001/XMLSchema"}
    for ns in schema.iter(sch("ns")):
        nsmap[ns.get("prefix")] = ns.get("uri")
    root = schema.getroot()
    xsl = etree.Element(f"{{{XSL_NS}}}stylesheet", nsmap=nsmap, version="3.0")
    xsl.set("exclude-result-prefixes", " ".join(p for p in nsmap if p != "xsl"))

    def x(parent: etree._Element, tag: str, **attributes: str) -> etree._Element:
        return etree.SubElement(parent, f"{{{XSL_NS}}}{tag}", attributes)

    for let in root.findall(sch("let")):
        # parameters, so that a caller may give the value of one that needs no document
        name = let.get("name")
        typed = {"as": external[name]} if name in external else {}
        x(xsl, "param", name=name, select=let.get("value"), **typed)
    for foreign in root:
        if isinstance(foreign.tag, str) and etree.QName(foreign).namespace == XSL_NS:
            xsl.append(copy.deepcopy(foreign))  # xsl:key and the like, as the binding allows
    patterns = [p for p in root.findall(sch("pattern")) if p.get("id") not in skip]
    main = x(xsl, "template", match="/")
    findings = etree.SubElement(main, "findings")
    # Each pattern visits only the nodes its rules' contexts select, in document order; the
    # first rule whose context matches a node fires (ISO Schematron semantics).
    for index, pattern in enumerate(patterns):
        contexts = [_as_selection(rule.get("context")) for rule in pattern.findall(sch("rule"))]
        x(findings, "apply-templates", select=" | ".join(contexts), mode=f"pattern{index}")
    for index, pattern in enumerate(patterns):
        mode = f"pattern{index}"
        x(xsl, "mode", name=mode, **{"on-no-match": "deep-skip"})
        rules = pattern.findall(sch("rule"))
        for position, rule in enumerate(rules):
            template = x(
                xsl,
                "template",
                match=rule.get("context"),
                mode=mode,
                priority=str(len(rules) - position),
            )
            for child in rule:
                if child.tag == sch("let"):
                    x(template, "variable", name=child.get("name"), select=child.get("value"))
                elif child.tag in (sch("assert"), sch("report")):
                    test = child.get("test")
                    condition = f"not({test})" if child.tag == sch("assert") else test
                    branch = x(template, "if", test=condition)
                    finding = etree.SubElement(branch, "finding")
                    x(finding, "attribute", name="id", select=f"'{child.get('id', 'schematron')}'")
                    x(finding, "attribute", name="role", select=f"'{child.get('role', 'error')}'")
                    x(finding, "attribute", name="path", select="path(.)")
                    _message(child, finding, x)
    return xsl


def schema_constants(
    processor: PySaxonProcessor, schema: etree._ElementTree, given: dict[str, PyXdmValue]
) -> dict[str, PyXdmValue]:
    """The values of the schema-level lets that need no document, worked out once for the
    run rather than once per file (the lookup tables built from the master registers), with
    the `given` values of external variables. A let whose value needs the document, or a
    function of the stylesheet, fails to evaluate here and is left to each file."""
    from saxonche import PySaxonApiError

    xpath = processor.new_xpath_processor()
    xpath.declare_namespace("xs", "http://www.w3.org/2001/XMLSchema")
    for ns in schema.iter(f"{{{SCH_NS}}}ns"):
        xpath.declare_namespace(ns.get("prefix"), ns.get("uri"))
    known: dict[str, PyXdmValue] = {}

    def bind(name: str, value: PyXdmValue) -> None:  # for the lets after it
        xpath.declare_variable(name)
        xpath.set_parameter(name, value)
        known[name] = value

    for name, value in given.items():
        bind(name, value)
    for let in schema.getroot().findall(f"{{{SCH_NS}}}let"):
        if let.get("name") in known:
            continue
        try:
            value = xpath.evaluate(let.get("value"))
        except PySaxonApiError:  # it needs a document (or a stylesheet function)
            continue
        if value is not None:  # saxonche's empty sequence, which it cannot pass on
            bind(let.get("name"), value)
    return known


def _register_entries(element: etree._Element) -> list[etree._Element]:
    """The register entries with an id in `element`, in document order (lxml's own walk, a
    tenth of an XPath's)."""
    return [entry for entry in element.iter(*REGISTER_ENTRIES) if entry.get(XML_ID) is not None]


def _register_copies(tree: etree._ElementTree) -> list[etree._Element]:
    """The register entries in the TEI's standOff: those the register pattern can look at
    (its rule's context, and more)."""
    root = tree.getroot()
    if root.tag != tei("TEI"):
        return []
    return [
        entry
        for stand_off in root.iterchildren(tei("standOff"))
        for entry in _register_entries(stand_off)
    ]


def _entry_bytes(entry: etree._Element) -> bytes:
    return etree.tostring(entry, encoding="UTF-8", with_tail=False)


def _as_selection(context: str) -> str:
    """The nodes a rule context (a match pattern) can match, as an expression: each path of a
    union selected from the root on its own, as "//a | //b", which Saxon reads as descendant
    steps (a third of the time), not "//(a | b)", which evaluates the union at every node.
    A path with an operator at its top level ("a except b") keeps its parentheses."""
    selections = []
    for path in _union_paths(context):
        if path.startswith("/"):
            selections.append(f"({path})")
        elif any(c.isspace() for _, c in _top_level(path)):
            selections.append(f"//({path})")
        else:
            selections.append(f"//{path}")
    return " | ".join(selections)


def _union_paths(expression: str) -> list[str]:
    """The paths of a union at its top level ("a | b[c | d]" → "a", "b[c | d]")."""
    bars = [index for index, c in _top_level(expression) if c == "|"]
    starts, ends = [0] + [i + 1 for i in bars], [*bars, len(expression)]
    return [expression[start:end].strip() for start, end in zip(starts, ends, strict=True)]


def _top_level(expression: str) -> Iterator[tuple[int, str]]:
    """The characters of an XPath expression outside brackets, parentheses and strings."""
    depth, quote = 0, ""
    for index, character in enumerate(expression):
        if quote:
            quote = "" if character == quote else quote
        elif character in "'\"":
            quote = character
        elif character in "([{":
            depth += 1
        elif character in ")]}":
            depth -= 1
        elif depth == 0:
            yield index, character


def _message(source: etree._Element, target: etree._Element, x) -> None:
    if source.text:
        x(target, "text").text = source.text
    for child in source:
        name = etree.QName(child).localname
        if name == "name":
            x(target, "value-of", select=child.get("path", "name()"))
        elif name == "value-of":
            x(target, "value-of", select=child.get("select"))
        if child.tail:
            x(target, "text").text = child.tail


# --- helpers ------------------------------------------------------------------------------------


class _Lines(Sequence[str]):
    """A file's lines, split only when a problem needs its column: most files have none."""

    def __init__(self, source: bytes) -> None:
        self._source = source

    @cached_property
    def _lines(self) -> list[str]:
        return self._source.decode("utf-8", "replace").splitlines()

    def __len__(self) -> int:
        return len(self._lines)

    def __getitem__(self, index):  # an index or a slice, as a list takes them
        return self._lines[index]


@cache
def _saxon():
    from saxonche import PySaxonProcessor

    return PySaxonProcessor(license=False)


def attribute_names(tree: etree._ElementTree) -> set[str]:
    """The local names of the attributes a document uses."""
    return {
        name.rpartition("}")[2] for element in tree.iter(etree.Element) for name in element.attrib
    }


def _is_attribute(node) -> bool:
    return isinstance(node, str) and getattr(node, "is_attribute", False)


_STEP = re.compile(r"Q\{([^}]*)\}")


def _node_at(tree: etree._ElementTree, path: str):
    """The lxml node at an XPath 3.1 ``path()`` ("/Q{ns}TEI[1]/Q{ns}text[1]/@ref")."""
    if path in {"", "/"}:
        return tree.getroot()
    namespaces: dict[str, str] = {}

    def prefix(match: re.Match[str]) -> str:
        uri = match.group(1)
        if not uri:
            return ""
        key = next((k for k, v in namespaces.items() if v == uri), f"n{len(namespaces)}")
        namespaces[key] = uri
        return f"{key}:"

    expression = _STEP.sub(prefix, path)
    expression = re.sub(r"/text\(\)\[\d+\]$|/comment\(\)\[\d+\]$", "", expression)
    try:
        found = tree.xpath(expression, namespaces=namespaces)
    except etree.XPathError:
        return tree.getroot()
    return found[0] if found else tree.getroot()


def _column(lines: Sequence[str], line: int, element, attribute: str | None = None) -> int:
    """Best column for a node: where its start tag (or the attribute) begins on its line."""
    if not 1 <= line <= len(lines):
        return 1
    text = lines[line - 1]
    if element is not None and isinstance(element.tag, str):
        tag = etree.QName(element).localname
        start = text.find(f"<{tag}")
        if start >= 0:
            if attribute:
                name = etree.QName(attribute).localname if attribute.startswith("{") else attribute
                at = re.search(rf"\s(?:\w+:)?{re.escape(name)}\s*=", text[start:])
                if at:
                    return start + at.start() + 2
            return start + 1
    start = text.find("<")
    return start + 1 if start >= 0 else 1


def _relaxng_message(message: str) -> str:
    return message.replace("{http://www.tei-c.org/ns/1.0}", "")


def _first_line(message: str) -> str:
    return message.splitlines()[0] if message else "syntax error"


_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY")
_ROOT_START = re.compile(rb"<[A-Za-z_]")


def _prolog_end(source: bytes) -> int:
    """Where the root element starts: before it is the prolog."""
    match = _ROOT_START.search(source)
    return match.start() if match else len(source)
