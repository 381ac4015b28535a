"""Who competes (đối tượng thi đua): one entry per listed group of the Đối tượng section."""

from __future__ import annotations

import re

from extractors.registry import Extraction, extractor
from extractors.structure import Block, Layout
from extractors.subjects import context_subject, text_subject
from schemas import Target

_ALIAS = re.compile(r"\s*\((?:sau đây|dưới đây)[^)]*\)", re.IGNORECASE)
"""``(sau đây gọi tắt là cơ quan, đơn vị)``: a definition, not part of the group."""


def listed_items(section: Block) -> list[Block]:
    """The section's leaves that are list items (a), -, +, 1.1.), not headings or prose."""
    return [b for b in section.descendants() if not b.children and not b.heading and b.kind != "paragraph"]


def item_text(block: Block) -> str:
    """A listed item's words: no lead label (``Đối với tập thể:``), definition or final punctuation."""
    return _ALIAS.sub("", block.text).strip(" .;,")


@extractor("targets", requires=["layout"], assigns=["targets"])
def extract_targets(ex: Extraction) -> None:
    """targets from the Đối tượng section."""
    layout: Layout = ex.analyses["layout"]
    for section in layout.sections("targets"):
        for item in listed_items(section):
            text = item_text(item)
            if not text:
                continue
            subject = context_subject(item, own_text=False) or text_subject(text)
            ex.record.targets.append(Target(subject=subject, text=text))
            ex.cite(f"targets[{len(ex.record.targets) - 1}]", item.start, item.end)
