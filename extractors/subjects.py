"""Who a target, criterion or award is about: tập thể, cá nhân, hộ gia đình — read from the text or its headings."""

from __future__ import annotations

import re

from khplan.extractors.matching import fold_key, tolerant
from khplan.extractors.structure import Block

_COLLECTIVE_WORD = re.compile(rf"\b(?:{tolerant('tap the')})\b")
_INDIVIDUAL_WORD = re.compile(rf"\b(?:{tolerant('ca nhan')})\b")
_HOUSEHOLD_WORD = re.compile(rf"\b(?:{tolerant('ho gia dinh')})\b")
_PEOPLE = re.compile(
    r"^(?:cac\s+|nhung\s+|moi\s+)?(?:ca nhan|can bo|cong chuc|vien chuc|nguoi|phong vien|bien tap vien|chien "
    r"si|si quan|"
    r"hoc sinh|sinh vien|giao vien|doan vien|hoi vien|dang vien|cong nhan|nong dan|doanh nhan|nha khoa hoc|thu "
    r"truong)\b"
)
_HOUSEHOLDS = re.compile(r"^(?:cac\s+)?(?:ho gia dinh|gia dinh|ho)\b")
_BOTH = re.compile(
    rf"{tolerant('tap the')}\s*(?:,|va|hoac)\s*{tolerant('ca nhan')}"
    rf"|{tolerant('ca nhan')}\s*(?:,|va|hoac)\s*{tolerant('tap the')}"
)


def heading_subject(text: str) -> str | None:
    """The subject a heading or lead-in names (``1.1. Tập thể``, ``Đối với cá nhân:``, ``Khen thưởng tập thể``)."""
    key = fold_key(text)
    if _BOTH.search(key):
        return "any"
    found = [
        s
        for s, p in (("collective", _COLLECTIVE_WORD), ("individual", _INDIVIDUAL_WORD), ("household", _HOUSEHOLD_WORD))
        if p.search(key)
    ]
    return found[0] if len(found) == 1 else None


def text_subject(text: str) -> str:
    """The subject of a listed group by its first words: people are individuals, bodies collectives."""
    key = fold_key(text).strip(" -+•")
    if _HOUSEHOLDS.match(key):
        return "household"
    return "individual" if _PEOPLE.match(key) else "collective"


def context_subject(block: Block, *, own_text: bool = True) -> str | None:
    """The subject the block's headings and lead-ins give it, nearest first."""
    for node in ([block] if own_text else []) + block.ancestors():
        text = node.text
        if ":" in text[:60]:
            lead = text.split(":")[0]
        elif node is not block and len(text.split()) <= LEAD_WORDS:
            lead = text
        else:
            continue
        if (subject := heading_subject(lead)) is not None:
            return subject
    return None


LEAD_WORDS = 12
"""A heading or lead-in this short names its subject (``Khen thưởng tập thể``); longer text is a rule."""
