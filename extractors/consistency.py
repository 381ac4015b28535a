"""Cross-checks: a header field the rest of the document contradicts is flagged, never silently kept.

Each part of a document says something about who issued it and what it is:
the header's issuer block, the place line (ND30: the địa danh is the
issuer's unit or province), the number's ký hiệu (``KH-UBND``: a plan of a
People's Committee; ``NQ-HĐND``), the title (``trên địa bàn tỉnh …`` is the
issuer's jurisdiction) and the type line. Where two of them disagree, one is
wrong — a misread header, a weak gazetteer match, a site's slip — and the
fields concerned get a warning naming them. A confident wrong value is the
worst outcome; a flagged one costs a reviewer a glance.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from khplan.extractors.gazetteer import KINDS_BY_LENGTH, resolve
from khplan.extractors.header import HeaderReading, place_kind
from khplan.extractors.matching import fold_key, proper_words
from khplan.extractors.registry import Extraction, extractor
from khplan.extractors.structure import Layout, Line
from khplan.extractors.terms import DOC_TYPE_OF_CODE, ISSUER_CODES
from khplan.extractors.title import SYLLABLE

PLACE_SCORE = 90.0
"""How close a printed place must be to a unit's name for the check to say where it is."""
_JURISDICTION = re.compile(
    r"tren\s+dia\s+ban\s+(?P<kind>" + "|".join(fold_key(k) for k in KINDS_BY_LENGTH) + r")\s+(?=\S)"
)
"""``trên địa bàn tỉnh …``: a title naming the unit the document governs."""
_CODE_BODIES = {"UBND": "ủy ban nhân dân", "UB": "ủy ban nhân dân", "HĐND": "hội đồng nhân dân"}


def place_contradicts(place: str, province: str) -> bool:
    """The printed place names units, none of them in ``province``."""
    _, name = place_kind(place)
    found = resolve(name, cutoff=PLACE_SCORE)
    return bool(found.candidates) and all(u.province != province for u in found.candidates)


def title_jurisdiction(title: str) -> tuple[str, str] | None:
    """(kind, name) of the unit a title says the document governs (``trên địa bàn tỉnh Thái Bình``)."""
    folded = fold_key(title)
    match = _JURISDICTION.search(folded)
    if match is None:
        return None
    name = proper_words(title[match.end() :]) or ""
    if not name:
        return None
    kind = next(k for k in KINDS_BY_LENGTH if fold_key(k) == match.group("kind"))
    return kind, name


def code_type(code: str | None) -> str | None:
    """The type a number's ký hiệu names (``QĐ-UBND`` → Quyết định; party style ``KH/TU`` too)."""
    for segment in re.split(r"[-/]", code or "")[:2]:
        if segment in DOC_TYPE_OF_CODE:
            return DOC_TYPE_OF_CODE[segment]
    return None


DAMAGED_SHARE = 0.85
"""Below this share of words that are Vietnamese syllables, a header's text is damaged (a broken font, an OCR of
noise): every header field read from it is flagged."""
HEADER_FIELDS = ("doc_type", "number", "issue_date", "place", "title", "issuer")


def syllable_share(lines: Iterable[Line]) -> float:
    """The share of the words in ``lines`` that have the shape of a Vietnamese syllable (``H I NG B TRƯ NG``: few)."""
    words = [w.lower() for line in lines for w in re.findall(r"[^\W\d_]+", line.text)]
    return sum(bool(SYLLABLE.match(w)) for w in words) / len(words) if words else 1.0


@extractor(
    "consistency",
    requires=["analysis.header", "analysis.layout", "record.doc_type", "record.place", "record.title", "record.issuer"],
    assigns=["record.warnings"],
)
def check_consistency(ex: Extraction) -> None:
    """Warn where the header, the place line, the number's ký hiệu and the title disagree, or the text is damaged."""
    record = ex.record
    reading: HeaderReading = ex.analyses["header"]
    layout: Layout = ex.analyses["layout"]
    if (share := syllable_share((*layout.header, *layout.title))) < DAMAGED_SHARE:
        for path in HEADER_FIELDS:
            ex.warn("damaged_text", path, f"only {share:.0%} of the header's words read as Vietnamese syllables")
    issuer = record.issuer
    if (
        record.place
        and issuer.province
        and issuer.level != "central"
        and place_contradicts(record.place, issuer.province)
    ):
        message = f"the place line names {record.place!r}, not a place in {issuer.province}"
        ex.warn("place_contradicts_issuer", "place", message)
        ex.warn("place_contradicts_issuer", "issuer.province", message)
    if record.title and issuer.province and issuer.level != "central":
        jurisdiction = title_jurisdiction(record.title)
        if jurisdiction is not None:
            found = resolve(jurisdiction[1], kinds=[jurisdiction[0]], cutoff=PLACE_SCORE)
            if found.candidates and all(u.province != issuer.province for u in found.candidates):
                ex.warn(
                    "title_contradicts_issuer",
                    "issuer.province",
                    f"the title governs {jurisdiction[0]} {jurisdiction[1]}, not in {issuer.province}",
                )
    _check_code(ex, reading)


def _check_code(ex: Extraction, reading: HeaderReading) -> None:
    """The ký hiệu names the issuer's kind of body and the document's type: they must agree with what was read."""
    record = ex.record
    segments = re.split(r"[-/]", reading.number_code or "")
    name = fold_key(record.issuer.name or "")
    for segment in segments:
        head = _CODE_BODIES.get(segment)
        if head is not None and name and not name.startswith(fold_key(head)) and record.issuer.parent is None:
            ex.warn(
                "number_contradicts_issuer",
                "issuer.name",
                f"the number's ký hiệu {reading.number_code!r} names a {head}, the header {record.issuer.name!r}",
            )
        body = ISSUER_CODES.get(segment)
        if (
            body is not None
            and name
            and fold_key(body) not in name
            and fold_key(body) not in fold_key(record.issuer.parent or "")
        ):
            ex.warn(
                "number_contradicts_issuer",
                "issuer.name",
                f"the number's ký hiệu {reading.number_code!r} names {body}, the header {record.issuer.name!r}",
            )
    typed = code_type(reading.number_code)
    if (
        typed
        and record.doc_type
        and typed != record.doc_type
        and ex.record.provenance.found_by.get("doc_type") == ("type line")
    ):
        ex.warn(
            "number_contradicts_type",
            "doc_type",
            f"the type line says {record.doc_type!r}, the number's ký hiệu {reading.number_code!r} a {typed}",
        )
