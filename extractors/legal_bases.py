"""The documents a plan is based on: every ``Căn cứ`` / ``Thực hiện`` citation of the preamble.

A citation reads ``<kind> số <number> ngày <date> của <issuer> về …``
(``Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ``); the
issuer may follow the date without ``của``; laws are cited by name alone
(``Căn cứ Luật Thi đua, khen thưởng``). The preamble is the text before the
first numbered heading, plus the Mục đích section, where plans cite what they
implement (``theo Nghị quyết số …``). One entry per distinct number.
"""

from __future__ import annotations

import re

from khplan.extractors.dates import FoundDate, find_dates
from khplan.extractors.matching import fold_key
from khplan.extractors.nlp import canonical, entities
from khplan.extractors.registry import Extraction, extractor
from khplan.extractors.structure import Block, Layout
from khplan.extractors.terms import AGENCY_HEADS, NAMED_REFERENCE_KINDS, canonical_code, expand_abbreviations
from khplan.schemas import LegalBasis

_NUMBER = re.compile(
    r"\s*(?:s\S{0,2}\s*:?\s*)?(?P<number>\d{1,5}(?:\s?[-/]\s?[0-9a-z.&]+)*(?:\s?[-/]\s?[a-z][a-z0-9.&]*))(?![\w/])"
)
"""``số 76/NQ-CP``, ``s6 09-CTr/TU``, ``số 98/2023/NĐ-CP`` right after the kind word, folded."""
_OF = re.compile(r"\s*,?\s*(?:c\S{1,2}a\s+)?")
_ISSUER_END = re.compile(
    r"\s(?:v\S\s|v\S\s*vi\S{1,2}c|ban\s+h\S{1,2}nh|th\S{1,3}c\s+h\S{1,2}n|ph\S\s+duy\S{1,2}t|quy\s+\S{1,2}nh|h\S{1,3}ng\s+d\S{1,2}n|"
    r"tr\S{1,2}ng\s+t\S{1,2}m|nh\S{1,2}m|\S{1,2}\s+ch\S{1,2}\s+\S{1,2}o|ng\S{1,2}y)\b|[;,.(:]|$"
)
"""Where the issuer's name ends: ``về``, ``ban hành``, ``thực hiện``, punctuation …"""
_LAW_NAME_END = re.compile(r"[;(]|,\s*(?=[A-ZĐ])|\s(?:ngày|năm|và)\s|\ssố\s+(?=\d)|\.\s|$")
"""Where a law's name ends: its number, date or year, or the next citation."""
LAW_NAME_CHARS = 160
ISSUER_WORDS = 12
_BODY_OPENINGS = tuple(fold_key(head) for head in AGENCY_HEADS) + ("ubnd", "hdnd")
"""How a body's name opens when it follows the date without ``của``."""


def citation_zone(layout: Layout) -> list[Block]:
    """The preamble and the Mục đích section: where a plan says what it is based on."""
    zone = list(layout.preamble)
    for section in layout.sections("purpose"):
        zone.append(section)
        zone.extend(section.descendants())
    return zone


def _issuer_after(ex: Extraction, start: int) -> tuple[str | None, int]:
    """The body named at ``start`` (after ``của``, or directly after the date), in full words."""
    of = _OF.match(ex.folded, start)
    pos = of.end() if of else start
    rest = ex.folded[pos : pos + 200]
    if not rest or not (of and of.group(0).strip() or rest.startswith(_BODY_OPENINGS)):
        return None, start
    end_match = _ISSUER_END.search(rest, 1)
    end = pos + (end_match.start() if end_match else len(rest))
    words = ex.text[pos:end].split()[:ISSUER_WORDS]
    if not words or not words[0][:1].isupper():
        return None, start
    return _body_case(expand_abbreviations(" ".join(words))), end


def _body_case(name: str) -> str:
    """``Ban chấp hành Đảng bộ`` → ``Ban Chấp hành Đảng bộ``: the capitals bodies' names take."""
    return re.sub(r"\bBan chấp hành\b", "Ban Chấp hành", re.sub(r"\bBan thường vụ\b", "Ban Thường vụ", name))


def read_citations(ex: Extraction, blocks: list[Block]) -> list[tuple[LegalBasis, int, int]]:
    """Every document cited in the blocks' own lines (children are blocks of their own), with its span."""
    found = []
    for block in blocks:
        start, end = block.start, block.end
        listing = bool(_CITING.match(ex.folded, start))
        for kind_entity in entities(ex, "DOC_KIND", start, end):
            kind = canonical(kind_entity)
            after = kind_entity.end_char
            number_match = _NUMBER.match(ex.folded, after)
            if number_match is not None:
                raw = re.sub(r"\s+", "", ex.text[number_match.start("number") : number_match.end("number")])
                number = canonical_code(raw)
                pos = number_match.end()
                date = _date_after(ex, pos, end)
                pos = date.end if date else pos
                issuer, stop = _issuer_after(ex, pos)
                found.append(
                    (
                        LegalBasis(
                            kind=kind, number=number, date=date.date.isoformat() if date else None, issuer=issuer
                        ),
                        kind_entity.start_char,
                        max(stop, pos),
                    )
                )
            elif kind in NAMED_REFERENCE_KINDS and _is_cited(ex, kind_entity.start_char, listing):
                found.append(_named_law(ex, kind, kind_entity.start_char, kind_entity.end_char, end))
    return found


DATE_REACH, DATE_GAP = 40, 6
"""A citation's date starts within a few characters of its number or name (``số 76/NQ-CP ngày …``)."""


def _date_after(ex: Extraction, pos: int, end: int) -> FoundDate | None:
    """The date that directly follows ``pos``, if one does."""
    dates = find_dates(ex.folded, pos, min(pos + DATE_REACH, end))
    return dates[0] if dates and dates[0].start - pos <= DATE_GAP else None


def _named_law(ex: Extraction, kind: str, start: int, name_start: int, end: int) -> tuple[LegalBasis, int, int]:
    """``Luật Thi đua, khen thưởng [số 06/2022/QH15] [ngày 15 tháng 6 năm 2022]``: a law cited by its name.

    The span covers the name, so two laws cited without numbers stay two entries.
    """
    limit = min(end, name_start + LAW_NAME_CHARS)
    stop = _LAW_NAME_END.search(ex.text, name_start + 1, limit)
    pos = stop.start() if stop else limit
    number = None
    if (m := re.compile(r"\s+s\S{0,2}\s+").match(ex.folded, pos)) and (n := _NUMBER.match(ex.folded, m.end())):
        number = canonical_code(re.sub(r"\s+", "", ex.text[n.start("number") : n.end("number")]))
        pos = n.end()
    date = _date_after(ex, pos, end)
    return (
        LegalBasis(kind=kind, number=number, date=date.date.isoformat() if date else None),
        start,
        (date.end if date else pos),
    )


_CITING = re.compile(r"(?:c\S{1,2}n\s+c\S{1,2}|th\S{1,3}c\s+h\S{1,3}n|tri\S{1,3}n\s+khai)\b")
"""A paragraph that opens a citation list: ``Căn cứ``, ``Thực hiện``, ``Triển khai``."""


def _is_cited(ex: Extraction, start: int, listing: bool = False) -> bool:
    """A law named after ``Căn cứ`` (or ``quy định của``), or next in a Căn cứ paragraph's list; not ``pháp luật``
    in passing, nor the law a cited amendment amends (``sửa đổi … của Luật …``)."""
    before = ex.folded[max(0, start - 30) : start]
    if before.endswith(("phap ", "bo ")) or ex.text[start : start + 1].islower():
        return False
    if listing and re.search(r"(?:[;,]|\bva)\s*$", before):
        return True
    return bool(re.search(r"(c\S{1,2}n\s+c\S{1,2}|quy\s+\S{1,2}nh\s+c\S{1,2}a|theo)\s*$", before))


@extractor("legal_bases", requires=["analysis.layout", "analysis.doc"], assigns=["record.legal_bases"])
def extract_legal_bases(ex: Extraction) -> None:
    """legal_bases: one entry per distinct cited number (and per named law), in order of citation."""
    layout: Layout = ex.analyses["layout"]
    seen: set[str] = set()
    for basis, start, end in read_citations(ex, citation_zone(layout)):
        key = basis.number or f"{basis.kind}:{fold_key(ex.text[start:end])}"
        if key in seen or (ex.record.number and basis.number == ex.record.number):
            continue
        seen.add(key)
        ex.record.legal_bases.append(basis)
        ex.cite(f"legal_bases[{len(ex.record.legal_bases) - 1}]", start, end)
