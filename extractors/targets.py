"""Who competes (đối tượng thi đua): one entry per listed group of the Đối tượng section.

A plan without one still says who competes: its award rules reserve their
shares for groups (``Tặng Giấy khen … đối với Ủy ban nhân dân cấp xã có …``),
so those groups are the targets then, each once, with a warning that they
were inferred; and so are the people its text calls ``đối tượng`` in
passing (``thu hút đông đảo đối tượng cán bộ, công chức … tham gia``),
which replace a shorter award group they contain.
"""

from __future__ import annotations

import re

from khplan.extractors.matching import squash
from khplan.extractors.registry import Extraction, extractor
from khplan.extractors.structure import Block, Layout
from khplan.extractors.subjects import context_subject, text_subject
from khplan.schemas import Target

_ALIAS = re.compile(r"\s*\((?:sau đây|dưới đây)[^)]*\)", re.IGNORECASE)
"""``(sau đây gọi tắt là cơ quan, đơn vị)``: a definition, not part of the group."""


def listed_items(section: Block) -> list[Block]:
    """The section's leaves that are list items (a), -, +, 1.1.), not headings or prose."""
    return [b for b in section.descendants() if not b.children and not b.heading and b.kind != "paragraph"]


def item_text(block: Block) -> str:
    """A listed item's words: no lead label (``Đối với tập thể:``), definition or final punctuation."""
    return _ALIAS.sub("", block.text).strip(" .;,")


@extractor("targets", requires=["analysis.layout", "record.awards"], assigns=["record.targets"])
def extract_targets(ex: Extraction) -> None:
    """targets from the Đối tượng section, else from the groups the award rules name."""
    layout: Layout = ex.analyses["layout"]
    sections = layout.sections("targets")
    if not sections:
        targets_from_awards(ex)
        return
    for section in sections:
        for item in listed_items(section):
            text = item_text(item)
            if not text:
                continue
            subject = context_subject(item, own_text=False) or text_subject(text)
            ex.record.targets.append(Target(subject=subject, text=text))
            ex.cite(f"targets[{len(ex.record.targets) - 1}]", item.start, item.end)


_NAMED_IN_PASSING = re.compile(
    r"\bdoi\s+tuong\s+(?P<group>(?:cac\s+)?(?:can bo|cong chuc|vien chuc|nguoi lao dong|hoc sinh|giao vien|doanh "
    r"nghiep|"
    r"ho gia dinh|tap the|ca nhan)\b[^.;:()]*?)(?=\s+(?:tham gia|thi dua|huong ung|duoc|thuc hien)\b|\s*[.;:()]|$)"
)
"""``đối tượng cán bộ, công chức, viên chức … tham gia``: who competes, named in running text (folded)."""


def targets_from_awards(ex: Extraction) -> None:
    """The distinct groups award rules reserve shares for and the ``đối tượng`` named in passing, each once."""
    found: list[tuple[str, str, int, int]] = []
    for n, award in enumerate(ex.record.awards):
        if award.recipient_group:
            subject = (
                award.subject
                if award.subject in ("collective", "individual", "household")
                else text_subject(award.recipient_group)
            )
            cited = ex.record.provenance.spans.get(f"awards[{n}]")
            span = cited[0] if cited else None
            found.append((subject, award.recipient_group, span.start if span else 0, span.end if span else 0))
    for m in _NAMED_IN_PASSING.finditer(ex.folded):
        group = " ".join(ex.text[m.start("group") : m.end("group")].split())
        named = squash(group)
        found = [f for f in found if not named.startswith(squash(f[1]))]  # the fuller naming of the same people
        found.append((text_subject(group), group[:1].upper() + group[1:], m.start("group"), m.end("group")))
    seen: set[str] = set()
    for subject, group, start, end in found:
        if squash(group) in seen:
            continue
        seen.add(squash(group))
        ex.record.targets.append(Target(subject=subject, text=group))
        ex.cite(f"targets[{len(ex.record.targets) - 1}]", start, end)
    if ex.record.targets:
        ex.warn("inferred", "targets", "no Đối tượng section: targets are the groups the award rules name")
