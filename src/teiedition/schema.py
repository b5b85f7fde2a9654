"""The edition's RELAX NG schema, derived from its ODD and TEI P5 ``tei_all``.

The ODD (``tei/schema/teiedition.odd``) names the elements the edition uses (``moduleRef
include``) and closes the value lists of their attributes (``valList type="closed"`` on an
``elementSpec`` or ``classSpec``). The schema is ``tei_all`` with every other element made
``notAllowed``, those attributes restricted to those values, and what can no longer be reached
dropped. It is therefore stricter than ``tei_all``, and never looser, by construction.

Deriving needs ``tei_all.rng`` and runs only when the ODD changes (``teiedition schema``); the
result is committed, so validation never compiles ``tei_all``.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teiedition.errors import TeieditionError
from teiedition.markup.tei import TEI_NS

RNG_NS = "http://relaxng.org/ns/structure/1.0"
_ANNOTATIONS_NS = "http://relaxng.org/ns/compatibility/annotations/1.0"
_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, remove_blank_text=True
)


def _rng(tag: str) -> str:
    return f"{{{RNG_NS}}}{tag}"


def _tei(tag: str) -> str:
    return f"{{{TEI_NS}}}{tag}"


@dataclass
class Customisation:
    """What the ODD says: the element set and the closed value lists."""

    elements: set[str] = field(default_factory=set)
    #: (element, attribute) → values
    element_values: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    #: (attribute class, attribute) → values
    class_values: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)


def read_odd(path: Path) -> Customisation:
    odd = etree.parse(str(path), _PARSER)
    custom = Customisation()
    for module in odd.iter(_tei("moduleRef")):
        custom.elements.update((module.get("include") or "").split())
    for spec_tag, target in (
        ("elementSpec", custom.element_values),
        ("classSpec", custom.class_values),
    ):
        for spec in odd.iter(_tei(spec_tag)):
            for att in spec.iter(_tei("attDef")):
                values_list = att.find(f"{_tei('valList')}[@type='closed']")
                if values_list is not None:
                    values = tuple(item.get("ident") for item in values_list.iter(_tei("valItem")))
                    target[(spec.get("ident"), att.get("ident"))] = values
    return custom


class _Grammar:
    def __init__(self, tree: etree._ElementTree) -> None:
        self.tree = tree
        self.root = tree.getroot()
        self.defines = {d.get("name"): d for d in self.root.iter(_rng("define"))}

    def element_of(self, name: str) -> str | None:
        element = self.defines[name].find(_rng("element"))
        return element.get("name") if element is not None else None

    def contains_attribute(
        self, name: str, attribute: str, seen: frozenset[str] = frozenset()
    ) -> bool:
        define = self.defines[name]
        if self.element_of(name) is not None or name in seen:
            return False
        if any(a.get("name") == attribute for a in define.iter(_rng("attribute"))):
            return True
        return any(
            self.contains_attribute(r.get("name"), attribute, seen | {name})
            for r in define.iter(_rng("ref"))
        )

    def restrict(
        self, name: str, attribute: str, values: tuple[str, ...], copy_prefix: str | None
    ) -> bool:
        """Close `attribute` to `values` wherever define `name` gives it. With
        `copy_prefix`, attribute classes on the way are copied first, so that only this
        element is restricted; without, the classes themselves are changed."""
        define = self.defines[name]
        found = False
        for node in list(define.iter(_rng("attribute"), _rng("ref"))):
            if node.tag == _rng("attribute") and node.get("name") == attribute:
                _close(node, values)
                found = True
            elif node.tag == _rng("ref") and self.contains_attribute(node.get("name"), attribute):
                target = node.get("name")
                if copy_prefix:
                    copied_name = f"{copy_prefix}.{target}"
                    if copied_name not in self.defines:
                        copied = copy.deepcopy(self.defines[target])
                        copied.set("name", copied_name)
                        self.root.append(copied)
                        self.defines[copied_name] = copied
                    node.set("name", copied_name)
                    target = copied_name
                found = self.restrict(target, attribute, values, copy_prefix) or found
        return found

    def prune(self, allowed: set[str]) -> None:
        """Leave out every element not in `allowed`: references to it are removed and what
        contained them simplified as RELAX NG simplification does (a choice loses the branch,
        an optional part of nothing disappears, a required part of nothing makes its group
        impossible). Removing, rather than making the elements notAllowed, keeps the content
        models compilable to automata, so libxml2 validates as fast as with tei_all."""
        element_defines = {n for n in self.defines if self.element_of(n)}
        self._pruned = {n for n in element_defines if self.element_of(n) not in allowed}
        self._element_defines = element_defines
        self._states: dict[str, str] = {}
        for name in sorted(element_defines - self._pruned):
            element = self.defines[name].find(_rng("element"))
            if self._group(element) == _NONE:
                raise TeieditionError(
                    f"<{self.element_of(name)}> cannot be valid: its content "
                    "needs elements the ODD leaves out"
                )
        for name in list(self.defines):
            self._define_state(name)
        if self._group(self.root.find(_rng("start"))) != _OK:
            raise TeieditionError("the ODD leaves out every root element")

    def _define_state(self, name: str) -> str:
        if name in self._pruned:
            return _NONE
        if name in self._element_defines:
            return _OK
        if name not in self._states:
            self._states[name] = _OK  # a cycle through this define: assume it can match
            state = self._group(self.defines[name])
            define = self.defines[name]
            if state in (_NONE, _EMPTY):
                for child in [c for c in define if _is_pattern(c)]:
                    define.remove(child)
                etree.SubElement(define, _rng("notAllowed" if state == _NONE else "empty"))
            self._states[name] = state
        return self._states[name]

    def _pattern(self, node: etree._Element) -> str:
        tag = etree.QName(node).localname
        if tag == "ref":
            return self._define_state(node.get("name"))
        if tag == "empty":
            return _EMPTY
        if tag == "notAllowed":
            return _NONE
        if tag in {"optional", "zeroOrMore"}:
            return _OK if self._group(node) == _OK else _EMPTY
        if tag in {"oneOrMore", "group", "interleave"}:
            return self._group(node)
        if tag == "mixed":
            return _NONE if self._group(node) == _NONE else _OK
        if tag == "choice":
            return self._choice(node)
        if tag == "element":
            self._group(node)
        return _OK  # element, attribute, text, data, value, list

    def _group(self, parent: etree._Element) -> str:
        """A sequence of patterns: impossible if one is; empty parts dropped."""
        children = [c for c in parent if _is_pattern(c)]
        states = [self._pattern(child) for child in children]
        if _NONE in states:
            return _NONE
        for child, state in zip(children, states, strict=True):
            if state == _EMPTY:
                parent.remove(child)
        return _OK if any(s == _OK for s in states) else _EMPTY

    def _choice(self, choice: etree._Element) -> str:
        children = [c for c in choice if _is_pattern(c)]
        states = [self._pattern(child) for child in children]
        for child, state in zip(children, states, strict=True):
            if state != _OK:
                choice.remove(child)
        if _OK not in states:
            return _EMPTY if _EMPTY in states else _NONE
        if _EMPTY in states:
            etree.SubElement(choice, _rng("empty"))
        return _OK

    def drop_unreachable(self) -> None:
        start = self.root.find(_rng("start"))
        reachable: set[str] = set()
        pending = [r.get("name") for r in start.iter(_rng("ref"))]
        while pending:
            name = pending.pop()
            if name in reachable:
                continue
            reachable.add(name)
            pending += [r.get("name") for r in self.defines[name].iter(_rng("ref"))]
        for name, define in list(self.defines.items()):
            if name not in reachable:
                self.root.remove(define)
                del self.defines[name]


_OK, _EMPTY, _NONE = "ok", "empty", "none"  # what a pattern can match after pruning


def _is_pattern(node: etree._Element) -> bool:
    """An RNG pattern element (not an annotation, not a name class)."""
    return (
        isinstance(node.tag, str)
        and etree.QName(node).namespace == RNG_NS
        and etree.QName(node).localname not in {"name", "anyName", "nsName", "except"}
    )


def _close(attribute: etree._Element, values: tuple[str, ...]) -> None:
    for child in list(attribute):
        if etree.QName(child).namespace != _ANNOTATIONS_NS:
            attribute.remove(child)
    choice = etree.SubElement(attribute, _rng("choice"))
    for value in values:
        etree.SubElement(choice, _rng("value")).text = value


def derive_rng(custom: Customisation, tei_all: Path) -> etree._ElementTree:
    """The edition's RELAX NG from the customisation and ``tei_all.rng``."""
    grammar = _Grammar(etree.parse(str(tei_all), _PARSER))
    known = {grammar.element_of(name) for name in grammar.defines} - {None}
    unknown = custom.elements - known
    if unknown:
        names = ", ".join(sorted(unknown))
        raise TeieditionError(f"the ODD names elements tei_all lacks: {names}")
    grammar.prune(custom.elements)
    for (attribute_class, attribute), values in sorted(custom.class_values.items()):
        if not grammar.restrict(f"{attribute_class}.attributes", attribute, values, None):
            raise TeieditionError(f"{attribute_class} has no attribute {attribute!r} in tei_all")
    element_defines = {grammar.element_of(n): n for n in grammar.defines if grammar.element_of(n)}
    for (element, attribute), values in sorted(custom.element_values.items()):
        if not grammar.restrict(
            element_defines[element], attribute, values, f"teiedition.{element}"
        ):
            raise TeieditionError(f"<{element}> has no attribute {attribute!r} in tei_all")
    grammar.drop_unreachable()
    grammar.root.insert(
        0,
        etree.Comment(
            " Generated by `teiedition schema` from teiedition.odd and tei_all; do not edit. "
        ),
    )
    return grammar.tree


def attribute_subset(rng: etree._ElementTree, keep: set[str]) -> etree._ElementTree:
    """A copy of the grammar without the optional attributes whose local name is not in `keep`,
    and without what is left empty by that (a define, a group, an element's content then
    ``empty``). It only leaves out optional attributes, so whatever is valid against it is
    valid against `rng`. libxml2 tries each optional attribute an element allows in turn, copying
    its state every time, so with the dozens a TEI element allows and few in use, the subset
    validates a document several times faster."""
    tree = copy.deepcopy(rng)
    for attribute in list(tree.iter(_rng("attribute"))):
        name = attribute.get("name")
        optional = attribute.getparent()
        if (
            name is not None
            and name.rpartition(":")[2] not in keep
            and optional.tag == _rng("optional")
            and [c for c in optional if _is_pattern(c)] == [attribute]
        ):
            optional.getparent().remove(optional)
    containers = [_rng(t) for t in ("optional", "zeroOrMore", "oneOrMore", "group", "choice")]
    while True:
        emptied = {d.get("name") for d in tree.iter(_rng("define")) if not _has_pattern(d)}
        doomed = [
            node for node in tree.iter(_rng("define"), _rng("ref")) if node.get("name") in emptied
        ] + [node for node in tree.iter(*containers) if not _has_pattern(node)]
        if not doomed:
            break
        for node in doomed:
            node.getparent().remove(node)
    for element in tree.iter(_rng("element")):
        if not _has_pattern(element):
            etree.SubElement(element, _rng("empty"))
    return tree


def _has_pattern(node: etree._Element) -> bool:
    return any(_is_pattern(child) for child in node)


def element_names(rng: etree._ElementTree) -> set[str]:
    """The elements a schema allows: those whose define is not notAllowed."""
    names = set()
    for define in rng.iter(_rng("define")):
        element = define.find(_rng("element"))
        if element is not None and element.get("name"):
            names.add(element.get("name"))
    return names
