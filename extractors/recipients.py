"""The Nơi nhận list: who receives the plan, one entry per line, abbreviations expanded, Lưu left out."""

from __future__ import annotations

import re

from khplan.extractors.registry import Extraction, extractor
from khplan.extractors.signer import signature_column
from khplan.extractors.structure import Layout
from khplan.extractors.terms import ABBREVIATIONS, CODE_SEGMENTS, expand_abbreviations

_ITEM = re.compile(r"^\s*[-+•–~=_]+\s*")
"""A list dash, as printed or as OCR reads it (``~``, ``_``, ``=``)."""
_STORE = re.compile(r"^l\S{1,3}u\s*[:.;]|^l\S{1,3}\s*[:.;]?\s+v\S{0,2}\s*[,.;]")
"""``Lưu: VT, …``: the office's own copies, not a recipient (OCR: ``LừỰU. Vì``, ``Lít Vì, TH``)."""
_COPY_NOTE = re.compile(r"\(\s*([btp])\s*/\s*([ceh])\s*\)", re.IGNORECASE)
"""``(b/c)``, ``(t/h)``: why a copy is sent, in any case OCR gives it (legacy OCR reads the c of ``b/c`` as e)."""
_LABEL = re.compile(r"^n\S{1,2}i\s?nh\S{1,3}n\s?:\s*")


def _known(token: str) -> bool:
    """A word of running text, a number, or a code offices use."""
    core = token.strip("(),.;:")
    return (
        not core
        or core.islower()
        or (core[:1].isupper() and core[1:].islower())
        or core.isdigit()
        or core in ABBREVIATIONS
        or core.lower() in CODE_SEGMENTS
    )


def clean_recipient(text: str) -> str:
    """One recipient: marks and final punctuation off, stamp junk after a comma dropped, abbreviations expanded."""
    text = _COPY_NOTE.sub(
        lambda m: f"({m.group(1).lower()}/{m.group(2).lower().replace('e', 'c')})", text.strip(" ;.,:*_")
    )
    segments = [s.strip() for s in text.split(",")]
    if any(word.islower() for word in segments[0].split()):
        while len(segments) > 1 and not all(_known(t) for t in segments[-1].split()):
            segments.pop()
    return expand_abbreviations(", ".join(segments))


@extractor("recipients", requires=["analysis.layout"], assigns=["record.recipients"])
def extract_recipients(ex: Extraction) -> None:
    """recipients from the lines after ``Nơi nhận:``, until ``Lưu``."""
    layout: Layout = ex.analyses["layout"]
    items: list[list] = []
    for line in layout.closing:
        text, start = line.text, line.start
        if (label := _LABEL.match(line.folded)) is not None:
            text, start = text[label.end() :], start + label.end()
            if not _ITEM.match(text):
                continue
        if (column := signature_column(text)) is not None:
            text = text[:column]  # the signature block's column, typed on the same line
        if not text.strip():
            continue
        margin = ex.text[ex.text.rfind("\n", 0, line.start) + 1 : line.start]
        if (item := _ITEM.match(text)) is not None or _ITEM.match(margin + " "):
            body = text[item.end() :] if item else text
            if _STORE.match(line.folded[line.text.find(body) :] if body else ""):
                break
            items.append([body, start + (item.end() if item else 0), line.end])
        elif items and text[:1].islower():
            items[-1][0] += " " + text
            items[-1][2] = line.end
    for body, start, end in items:
        recipient = clean_recipient(body)
        if recipient:
            ex.record.recipients.append(recipient)
            ex.cite(f"recipients[{len(ex.record.recipients) - 1}]", start, end)
