"""The issuing body (cơ quan ban hành) and the body above it (cơ quan chủ quản), resolved against the gazetteer.

ND30 prints them top left, in capitals: ``ỦY BAN NHÂN DÂN`` / ``HUYỆN PHÙ
MỸ``, or ``UBND TỈNH BÌNH PHƯỚC`` / ``SỞ XÂY DỰNG``. The unit's spelling,
level and province come from the gazetteer, never from damaged letters.
Where the header names no unit, the number's code (``KH-UBND``) says which
kind of body issued the plan and the text names its unit (``Ủy ban nhân dân
huyện Châu Thành phát động …``), the one whose name is the plan's place.
Names shared by many units (``Châu Thành``) are told apart by the provinces
the text mentions, else flagged.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from khplan.extractors.gazetteer import (
    KINDS_BY_LENGTH,
    LEVEL_OF_KIND,
    AdminUnit,
    Resolution,
    mentions,
    resolve,
    successor,
)
from khplan.extractors.header import HeaderReading, Piece
from khplan.extractors.matching import fold_key, proper_words, similarity, tolerant
from khplan.extractors.registry import Extraction, extractor
from khplan.extractors.terms import AGENCY_HEADS, CENTRAL_HEADS, DEPARTMENTS, agency_case
from khplan.schemas import Level, UnitSuccessor

PEOPLES_BODIES = {"ủy ban nhân dân", "hội đồng nhân dân"}
"""Bodies whose name is their kind plus their unit (``Ủy ban nhân dân tỉnh Quảng Ninh``)."""
_HEAD_ABBREVIATIONS = {"ubnd": "ủy ban nhân dân", "hdnd": "hội đồng nhân dân", "ub mttq": "ủy ban mặt trận tổ quốc"}
_HEADS = sorted(
    [(fold_key(h), h) for h in AGENCY_HEADS] + list(_HEAD_ABBREVIATIONS.items()),
    key=lambda fh: len(fh[0]),
    reverse=True,
)
_HEAD_PATTERNS = [(re.compile(rf"^{tolerant(folded)}\b"), head) for folded, head in _HEADS]
_EXACT_HEADS = [(re.compile(rf"^{re.escape(folded)}\b"), head) for folded, head in _HEADS]
_KIND_PATTERN = re.compile(
    r"(?<![a-z])(?P<kind>" + "|".join(tolerant(fold_key(k)) for k in KINDS_BY_LENGTH) + r"|tp\.?)\s+(?=\S)"
)
_KIND_OF_FOLDED = {fold_key(k): k for k in LEVEL_OF_KIND}
UNIT_SCORE = 75.0
"""How close (marks ignored) a printed unit name must be to a gazetteer name to be that unit."""
PLACE_MATCH_SCORE = 80.0
DEPARTMENT_SCORE = 92.0


@dataclass
class Body:
    """One body named in the header's left column (possibly over two lines)."""

    pieces: list[Piece]
    head: str | None
    """Its kind of body, lower case: ``ủy ban nhân dân``, ``sở``, ``ban chỉ đạo`` …"""
    unit_text: str | None = None
    unit_kind: str | None = None
    resolution: Resolution = field(default_factory=lambda: Resolution(None))

    @property
    def text(self) -> str:
        return " ".join(piece.text for piece in self.pieces)

    @property
    def start(self) -> int:
        return self.pieces[0].start

    @property
    def end(self) -> int:
        return self.pieces[-1].end


def _head_of(folded: str, *, exact: bool = False) -> str | None:
    for pattern, head in _EXACT_HEADS if exact else _HEAD_PATTERNS:
        if pattern.match(folded):
            return head
    return None


_KIND_PREFIXES = {
    exact: [
        (re.compile(rf"{re.escape(k) if exact else tolerant(k)}\s"), kind)
        for k, kind in sorted(_KIND_OF_FOLDED.items(), key=lambda kv: -len(kv[0]))
    ]
    for exact in (True, False)
}


def _unit_kind(folded: str, *, exact: bool = False) -> str | None:
    """The unit kind a folded text opens with (``huyen phu my`` → ``huyện``), as printed or OCR-garbled."""
    for pattern, kind in _KIND_PREFIXES[exact]:
        if pattern.match(folded):
            return kind
    return "thành phố" if re.match(r"tp\.?\s", folded) else None


def group_bodies(pieces: list[Piece]) -> list[Body]:
    """Left-column lines as bodies: a line naming a unit (``HUYỆN PHÙ MỸ``) completes the body above it.

    Words as printed are tried before their OCR-tolerant forms, which overlap
    (``phuong`` is a garbled ``phòng`` as well as ``phường``).
    """
    bodies: list[Body] = []
    for piece in pieces:
        for exact in (True, False):
            head, kind = _head_of(piece.folded, exact=exact), _unit_kind(piece.folded, exact=exact)
            if head or kind:
                break
        if kind and not head and bodies and bodies[-1].unit_text is None:
            bodies[-1].pieces.append(piece)
        elif head is None and bodies:
            bodies[-1].pieces.append(piece)
        else:
            bodies.append(Body([piece], head))
    return bodies


def _resolve_unit(body: Body, province_hints: Counter[str], district_hints: Counter[str] | None = None) -> None:
    """Find ``<kind> <name>`` at the end of a body's name and resolve it.

    Units change kind (a thị xã becomes a thành phố), and the gazetteer
    knows them by their latest one: when no unit of the printed kind fits,
    units of the same level are tried, and the printed kind is kept.
    """
    text = body.text
    folded = fold_key(text)
    if body.head not in PEOPLES_BODIES and max(similarity(d, text) for d in DEPARTMENTS) >= DEPARTMENT_SCORE:
        return  # "… THƯƠNG BINH VÀ XÃ HỘI" is a department's field, not a commune
    after_head = len(body.head) if body.head and fold_key(text).startswith(fold_key(body.head)) else 0
    matches = [m for m in _KIND_PATTERN.finditer(folded, after_head)]
    exact = [m for m in matches if _unit_kind(folded[m.start() :], exact=True)]
    for match in exact + [m for m in matches if m not in exact]:
        kind = _unit_kind(folded[match.start() :]) or "thành phố"
        name = text[match.end() :].strip(" .,-")
        if not name:
            continue
        resolution = resolve(
            name, kinds=[kind], province_hints=province_hints, district_hints=district_hints, cutoff=UNIT_SCORE
        )
        if not resolution.candidates:
            same_level = [
                k for k, levels in LEVEL_OF_KIND.items() if set(levels) & set(LEVEL_OF_KIND[kind]) and k != kind
            ]
            resolution = resolve(
                name, kinds=same_level, province_hints=province_hints, district_hints=district_hints, cutoff=UNIT_SCORE
            )
        if resolution.candidates:
            body.unit_text, body.unit_kind, body.resolution = name, kind, resolution
            return
    if exact:  # a unit the gazetteer does not know
        body.unit_kind = _unit_kind(folded[exact[0].start() :], exact=True)
        body.unit_text = text[exact[0].end() :].strip(" .,-") or None


def body_name(body: Body) -> str:
    """A body's name in full words: its unit spelt as the gazetteer spells it, of the kind the document prints."""
    unit = body.resolution.unit or _agreed(body.resolution)
    unit_title = (
        f"{body.unit_kind or unit.kind} {unit.name}"
        if unit
        else (f"{body.unit_kind} {_title_case(body.unit_text)}" if body.unit_text else "")
    )
    own = body.text
    if body.unit_text:
        own = _strip_kind_word(own[: len(own) - len(body.unit_text)].rstrip())
    if body.head in PEOPLES_BODIES:
        return f"{body.head[:1].upper()}{body.head[1:]} {unit_title}".strip()
    for folded, head in _HEAD_ABBREVIATIONS.items():
        if fold_key(own).startswith(folded + " ") or fold_key(own) == folded:
            own = head + own[len(folded) :]
    return f"{agency_case(own)} {unit_title}".strip()


def _strip_kind_word(text: str) -> str:
    """``ỦY BAN NHÂN DÂN HUYỆN`` → ``ỦY BAN NHÂN DÂN``: the kind word before the unit name."""
    folded = fold_key(text)
    for match in reversed(list(_KIND_PATTERN.finditer(folded + " "))):
        if match.end() >= len(folded):
            return text[: match.start()].rstrip()
    return text


def _agreed(resolution: Resolution) -> AdminUnit | None:
    """For an ambiguous name, one candidate standing for the spelling they all share (province unknown)."""
    spellings = {(u.kind, u.name) for u in resolution.candidates}
    return resolution.candidates[0] if len(spellings) == 1 else None


def _title_case(text: str) -> str:
    return " ".join(w[:1].upper() + w[1:].lower() for w in text.split())


def _unit_level(body: Body) -> Level | None:
    if body.resolution.candidates:
        found = {u.level for u in body.resolution.candidates}
        return Level(found.pop()) if len(found) == 1 else None
    if body.unit_kind:
        levels = LEVEL_OF_KIND[body.unit_kind]
        return Level(levels[0]) if len(levels) == 1 else None
    return None


_KINDS_ALTERNATION = "|".join(fold_key(k) for k in KINDS_BY_LENGTH)


def unit_mentions(ex: Extraction, head: str) -> dict[tuple[str, str], list[tuple[int, int]]]:
    """``Ủy ban nhân dân <kind> <Name>`` (for ``head``) in the text: (kind, name) → where it is said."""
    found: dict[tuple[str, str], list[tuple[int, int]]] = {}
    if head not in PEOPLES_BODIES:
        return found
    abbreviation = next(short for short, full in _HEAD_ABBREVIATIONS.items() if full == head)
    pattern = re.compile(rf"(?:{tolerant(fold_key(head))}|{abbreviation})\s+(?P<kind>{_KINDS_ALTERNATION})\s+")
    for match in pattern.finditer(ex.folded):
        name = " ".join(proper_words(ex.text[match.end() : match.end() + 60]).split()[:5])
        if name:
            found.setdefault((_KIND_OF_FOLDED[match.group("kind")], name), []).append(
                (match.start(), match.end() + len(name))
            )
    return found


def _body_from_text(ex: Extraction, head: str, place: str | None) -> Body | None:
    """The issuer's unit from the text: the ``Ủy ban nhân dân <kind> <place>`` the text names most."""
    if not place:
        return None
    candidates = [
        (len(spans), kind, name, spans[0])
        for (kind, name), spans in unit_mentions(ex, head).items()
        if similarity(name, place) >= PLACE_MATCH_SCORE
    ]
    if not candidates:
        return None
    _, kind, name, (start, end) = max(candidates)
    body = Body([Piece(start, end, ex.text[start:end], ex.folded[start:end])], head, unit_text=name, unit_kind=kind)
    body.resolution = resolve(name, kinds=[kind], province_hints=mentions(ex.folded, "province"), cutoff=UNIT_SCORE)
    return body


@extractor("issuer", requires=["analysis.header"], assigns=["record.issuer", "analysis.issuer_unit"])
def extract_issuer(ex: Extraction) -> None:
    """issuer.name, parent, level and province from the header's left column (or the text)."""
    reading: HeaderReading = ex.analyses["header"]
    province_hints = mentions(ex.folded, "province")
    bodies = group_bodies(reading.issuer_lines)
    district_hints: Counter[str] = Counter()
    for body in bodies:  # a body above (UBND QUẬN 3) says where the one below it (PHƯỜNG 5) is
        _resolve_unit(body, province_hints, district_hints)
        if (above := body.resolution.unit) is not None:
            province_hints = province_hints + Counter({above.province: 100})
            if above.level == "district":
                district_hints[above.name] += 100
    issuer = bodies[-1] if bodies else None
    printed_place = reading.place.text if reading.place else None
    if issuer is None and reading.number_code and (reading.number or reading.date):
        head = _head_from_code(reading.number_code)
        if head:
            issuer = _body_from_text(ex, head, printed_place)
    elif issuer is not None and issuer.unit_text is None and issuer.head in PEOPLES_BODIES and len(bodies) == 1:
        issuer = _body_from_text(ex, issuer.head, printed_place) or issuer
    if issuer is None:
        ex.warn("field_not_found", "issuer.name", "no issuing body found in the header")
        return
    record = ex.record.issuer
    record.name = body_name(issuer)
    ex.cite("issuer.name", issuer.start, issuer.end)
    parent = bodies[-2] if len(bodies) >= 2 and issuer is bodies[-1] else None
    unit = issuer.resolution.unit
    if parent is not None:
        record.parent = body_name(parent)
        ex.cite("issuer.parent", parent.start, parent.end)
    if issuer.head in CENTRAL_HEADS and issuer.unit_text is None:
        record.level = Level.central
    elif parent is not None and issuer.head not in PEOPLES_BODIES:
        record.level = Level.department
        unit = unit or parent.resolution.unit
        issuer = issuer if issuer.resolution.candidates else parent
    else:
        record.level = _unit_level(issuer)
    candidates = issuer.resolution.candidates
    provinces = {u.province for u in candidates}
    if len(provinces) == 1:
        record.province = provinces.pop()
        ex.cite("issuer.province", issuer.start, issuer.end)
    elif len(candidates) > 1:
        where = ", ".join(sorted({u.province for u in candidates}))
        ex.warn(
            "ambiguous_unit",
            "issuer.province",
            f"{issuer.unit_kind} {issuer.unit_text} exists in {where}; the text names none of them",
        )
    elif issuer.unit_text:
        ex.warn("unresolved_unit", "issuer.name", f"{issuer.unit_kind} {issuer.unit_text!r} is not in the gazetteer")
    ex.analyses["issuer_unit"] = unit = unit or _agreed(issuer.resolution)
    if unit is not None and record.province and (after := successor(unit)) is not None:
        ex.record.issuer_successor = UnitSuccessor(
            name=after.name, kind=after.kind, level=after.level, province=after.province
        )


def _head_from_code(code: str) -> str | None:
    """The kind of body a number's code names (``KH-UBND`` → ``ủy ban nhân dân``)."""
    for segment in re.split(r"[-/]", code):
        if (head := _HEAD_ABBREVIATIONS.get(fold_key(segment))) is not None:
            return head
    return None
