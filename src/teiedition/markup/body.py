"""The TEI ``text`` of a document from its block structure."""

from __future__ import annotations

from lxml import etree

from teiedition.markup.blocks import Block, Body, ItemNode, ListNode
from teiedition.markup.inline import mark_up
from teiedition.markup.tei import XML_ID, XML_LANG, append_text, element, sub

# Opening and closing lines: which TEI element holds each kind of line.
_LINE_ELEMENTS: dict[str, tuple[str, dict[str, str]]] = {
    "classification": ("seg", {"type": "classification"}),
    "registry": ("seg", {"type": "registry-number"}),
    "reference": ("seg", {"type": "reference"}),
    "addressee": ("seg", {"type": "addressee"}),
    "salute": ("salute", {}),
    "signed": ("signed", {}),
}


class _Ids:
    """Hands out the paragraph-level ids of one document, in reading order."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.counts: dict[str, int] = {}

    def next(self, kind: str) -> str:
        self.counts[kind] = self.counts.get(kind, 0) + 1
        return f"{self.prefix}-{kind}{self.counts[kind]}"


def build_text(body: Body, doc_id: str, language: str) -> etree._Element:
    text = element("text")
    text.set(XML_LANG, language)
    div = sub(sub(text, "body"), "div", type="document")
    ids = _Ids(doc_id)
    _frame(div, body.opener, "opener", ids)
    for node in body.main:
        _node(div, node, ids)
    _frame(div, body.closer, "closer", ids)
    return text


def _frame(div: etree._Element, blocks: list[Block], tag: str, ids: _Ids) -> None:
    """Opener or closer lines, in their order; a heading among them stands on its own."""
    group: etree._Element | None = None
    for block in blocks:
        if block.kind == "head":
            head = sub(div, "head")
            head.set(XML_ID, ids.next("h"))
            mark_up(head, block.paragraph)
            group = None
            continue
        if group is None:
            group = sub(div, tag)
        _line(group, block)


def _line(parent: etree._Element, block: Block) -> None:
    if block.kind == "dateline":
        dateline = sub(parent, "dateline")
        assert block.date is not None
        if block.place:
            sub(dateline, "placeName", block.place)
            append_text(dateline, block.text[len(block.place) : block.text.index(block.date.text)])
        sub(dateline, "date", block.date.text, **block.date.attributes())
        return
    tag, attributes = _LINE_ELEMENTS[block.kind]
    mark_up(sub(parent, tag, **attributes), block.paragraph)


def _node(parent: etree._Element, node: Block | ListNode, ids: _Ids) -> None:
    if isinstance(node, ListNode):
        _list(parent, node, ids)
    else:
        p = sub(parent, "p")
        p.set(XML_ID, ids.next("p"))
        mark_up(p, node.paragraph)


def _list(parent: etree._Element, node: ListNode, ids: _Ids) -> None:
    list_el = sub(parent, "list", type=node.kind)
    for item in node.items:
        _item(list_el, item, ids)


def _item(list_el: etree._Element, item: ItemNode, ids: _Ids) -> None:
    sub(list_el, "label", item.label)
    item_el = sub(list_el, "item", n=item.number)
    item_el.set(XML_ID, ids.next("i"))
    for content in item.content:
        _node(item_el, content, ids)
