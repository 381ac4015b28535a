"""What a competitor must meet (tiêu chí, tiêu chuẩn khen thưởng): one entry per bullet.

The bullets of a Tiêu chí / Tiêu chuẩn section; a bullet that lists inline
items ``(1) …; (2) …`` gives one criterion per item. Plans without such a
section state their standards as the bullets of the award rules, so those
are read instead. Lead-ins (``Đối với tập thể:``, ``… đạt tiêu chuẩn sau:``)
give the subject and are not criteria; the bullets of Nội dung thi đua are
tasks, not criteria.
"""

from __future__ import annotations

import re

from khplan.extractors.registry import Extraction, extractor
from khplan.extractors.structure import Block, Layout
from khplan.extractors.subjects import context_subject, heading_subject, text_subject
from khplan.extractors.targets import item_text
from khplan.schemas import Criterion

_LEAD = re.compile(r"^(?:Đối với|Đối với các)\s+[^:]{2,40}:\s*", re.IGNORECASE)
_INLINE = re.compile(r"\((?:i?\d{1,2}|[a-zđ])\)\s*")
NOT_CRITERIA = {"dossier", "timeline", "funding", "content", "implementation"}
"""Sections under an award heading whose bullets are not standards (hồ sơ, thời gian, kinh phí …)."""


def split_inline(text: str) -> list[str]:
    """``(i1) A; (i2) B`` → ``[A, B]``; text without two inline items stays whole."""
    parts = _INLINE.split(text)
    if len(parts) < 3:
        return [text]
    return [p.strip(" ;.,") for p in parts[1:] if p.strip(" ;.,")]


def criteria_sections(layout: Layout) -> list[Block]:
    """Tiêu chí / tiêu chuẩn sections; else the award sections (without hồ sơ, thời gian, kinh phí)."""
    sections = [s for s in layout.sections("criteria") if not s.topics & {"content"}]
    if sections:
        return sections
    return [s for s in layout.sections("awards") if not s.topics & NOT_CRITERIA]


def _bullets(section: Block) -> list[Block]:
    out = []
    for block in section.descendants():
        if block.children or block.heading or block.kind in {"paragraph", "roman", "number", "subnumber"}:
            continue
        between = block.ancestors()
        between = between[: between.index(section)] if section in between else between
        if any(a.topics & NOT_CRITERIA for a in between):
            continue
        out.append(block)
    return out


@extractor("criteria", requires=["analysis.layout"], assigns=["record.criteria"])
def extract_criteria(ex: Extraction) -> None:
    """criteria: the bullets of the standards, each with its subject."""
    layout: Layout = ex.analyses["layout"]
    for section in criteria_sections(layout):
        for bullet in _bullets(section):
            text = item_text(bullet)
            lead = _LEAD.match(text)
            subject = (heading_subject(lead.group(0)) if lead else None) or context_subject(bullet, own_text=False)
            body = text[lead.end() :] if lead else text
            for part in split_inline(body):
                part_subject = subject or heading_subject(part) or text_subject(part)
                ex.record.criteria.append(Criterion(subject=part_subject, text=part))
                ex.cite(f"criteria[{len(ex.record.criteria) - 1}]", bullet.start, bullet.end)
