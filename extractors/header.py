"""The header block of ND30's layout: type (doc_type), số và ký hiệu (number), place and date, trích yếu (title).

The header has two columns — issuer and number on the left; national motto
and ``<place>, ngày dd tháng mm năm yyyy`` on the right — which arrive
merged on one line (typed text, single-column OCR) or column by column (the
OCR stage reads the columns apart). Either way the motto and the place-date
are found and cut out, and what remains on the left is the issuer's lines
and the number. Every match runs on folded text, so legacy OCR's ``S6:``,
``ngay]9 thing 02 nim`` still read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from khplan.extractors.dates import WRITTEN_DATE, FoundDate, to_date
from khplan.extractors.gazetteer import AdminUnit, resolve
from khplan.extractors.matching import ocr_digits, proper_words, similarity, strip_quotes
from khplan.extractors.registry import Extraction, extractor
from khplan.extractors.structure import Layout, Line
from khplan.extractors.terms import DOC_TYPE_OF_CODE, NO_TYPE_LINE, canonical_code

MOTTOS = ("cong hoa xa hoi chu nghia viet nam", "doc lap - tu do - hanh phuc")
"""Quốc hiệu and tiêu ngữ, folded: the right column's first two lines."""
MOTTO_SCORE = 75.0
MOTTO_SHARE = 0.75
"""Share of the motto's length a match must cover."""

_CODE_PART = r"[a-z0-9][a-z0-9.&]*"
NUMBER = re.compile(
    rf"(?<![a-z0-9])[s§$][o0-9eb]{{0,2}}\s*(?P<colon>[:;.])?\s*(?P<num>[0-9\]|!l]{{0,4}}\d[0-9\]|!l]{{0,4}}[a-z]?)"
    rf"\s*(?P<code>[-/]\s*{_CODE_PART}(?:\s*[-/]\s*{_CODE_PART})*)"
)
"""``Số: 69 /KH-UBND``, ``S6: 69``, ``S60: 44`` (restored legacy OCR), ``Số 09-CTr/TU`` in folded text."""
_VV = re.compile(r"^v\s*/\s*v\s*[:.]?\s*")
PLACE_WORDS = 5
"""A place name (địa danh) has at most this many syllables (``Bà Rịa - Vũng Tàu``, ``TP. Hồ Chí Minh``)."""


@dataclass(frozen=True)
class Piece:
    """Part of a header line that belongs to one column, with its offsets in the document text."""

    start: int
    end: int
    text: str
    folded: str


@dataclass
class HeaderReading:
    """What the header block says, before units are resolved."""

    issuer_lines: list[Piece] = field(default_factory=list)
    """Left-column lines above the number: the issuing body and the body above it."""
    number: Piece | None = None
    number_code: str | None = None
    date: FoundDate | None = None
    place: Piece | None = None


def _snap(folded: str, pos: int) -> int:
    """The word boundary nearest to ``pos``: fuzzy alignments can start a letter early or late."""
    left = pos
    while left > 0 and not folded[left - 1].isspace():
        left -= 1
    right = pos
    while right < len(folded) and right > 0 and not folded[right - 1].isspace():
        right += 1
    return left if pos - left <= right - pos else right


def motto_spans(folded: str) -> list[tuple[int, int]]:
    """Where the quốc hiệu and tiêu ngữ sit in one line (relative offsets), OCR-damaged or not."""
    spans = []
    for motto in MOTTOS:
        alignment = fuzz.partial_ratio_alignment(motto, folded, score_cutoff=MOTTO_SCORE)
        if alignment is None:
            continue
        start, end = alignment.dest_start, alignment.dest_end
        if end - start < MOTTO_SHARE * len(motto):
            continue  # a short line that only resembles part of the motto ("XÃ HỘI")
        spans.append((_snap(folded, start), _snap(folded, end) if end < len(folded) else end))
    return spans


_PIECE_EDGES = " \t,;-–—|_.:ˆ'`~“”\""
"""What a column piece's edges shed: separators, and specks of a poor scan (``HUYỆN PHÙ MỸ _.``)."""


def _pieces(line: Line, cuts: list[tuple[int, int]]) -> list[Piece]:
    """The parts of ``line`` outside ``cuts`` (relative offsets), stripped."""
    pieces, pos = [], 0
    for start, end in sorted(cuts) + [(len(line.text), len(line.text))]:
        if start > pos:
            raw = line.text[pos:start]
            lead = len(raw) - len(raw.lstrip(_PIECE_EDGES))
            text = raw.strip(_PIECE_EDGES)
            if text:
                a = line.start + pos + lead
                pieces.append(Piece(a, a + len(text), text, line.folded[pos + lead : pos + lead + len(text)]))
        pos = max(pos, end)
    return pieces


def read_header(lines: tuple[Line, ...]) -> HeaderReading:
    """Issuer lines, number, place and date from the header block's lines."""
    reading = HeaderReading()
    left: list[Piece] = []
    for line in lines:
        if not line.text:
            continue
        cuts = motto_spans(line.folded)
        if reading.date is None and (match := WRITTEN_DATE.search(line.folded)):
            found = to_date(match)
            if found is not None:
                date = found._replace(start=line.start + found.start, end=line.start + found.end)
                reading.date = date
                reading.place = _place_before(line, match.start(), cuts)
                cuts.append((reading.place.start - line.start if reading.place else match.start(), match.end()))
        if reading.number is None and (number := _number(line, cuts)) is not None:
            reading.number, reading.number_code = number
            cuts.append((number[0].start - line.start, number[0].end - line.start))
            left.extend(p for p in _pieces(line, cuts) if p.end <= number[0].start)
            continue
        if reading.number is None:
            left.extend(_pieces(line, cuts))
    reading.issuer_lines = [p for p in left if _looks_like_a_name(p)]
    return reading


def _looks_like_a_name(piece: Piece) -> bool:
    """ND30 prints the issuer in capitals; stamps, page marks and rules are not."""
    letters = [c for c in piece.text if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 0.7 * len(letters)


def _number(line: Line, cuts: list[tuple[int, int]]) -> tuple[Piece, str] | None:
    """The số và ký hiệu on a line: with ``Số:`` anywhere, or without the colon at the line's start."""
    for match in NUMBER.finditer(line.folded):
        if any(a <= match.start() < b for a, b in cuts):
            continue
        if match.group("colon") is None and line.folded[: match.start()].strip():
            continue
        start, end = match.start("num"), match.end("code")
        num, _ = ocr_digits(line.text[start : match.end("num")])
        code = canonical_code(re.sub(r"\s+", "", line.text[match.start("code") : end]))
        return Piece(line.start + match.start(), line.start + end, num + code, line.folded[start:end]), code
    return None


def _place_before(line: Line, date_start: int, cuts: list[tuple[int, int]]) -> Piece | None:
    """The địa danh before ``, ngày``: the capitalised words just before the date on its line."""
    before = line.text[:date_start].rstrip(" ,.")
    floor = max([end for start, end in cuts if end <= len(before)] + [0])
    if (number := NUMBER.search(line.folded[:date_start])) is not None:
        floor = max(floor, number.end())
    words = before[floor:].split()
    taken: list[str] = []
    for word in reversed(words):
        if len(taken) == PLACE_WORDS or not (word[:1].isupper() or word[:1].isdigit() or word in {"-", "–"}):
            break
        taken.insert(0, word)
    while taken and taken[0] in {"-", "–"}:
        taken.pop(0)
    if not taken:
        return None
    text = " ".join(taken)
    start = line.start + before.rfind(taken[0], floor)
    end = line.start + len(before)
    return Piece(start, end, text, line.folded[start - line.start : end - line.start])


_TITLE_EDGES = " -_.:;ˆ'`~"
"""A trích yếu has no final stop; these at its ends are OCR specks."""


def read_title(layout: Layout) -> Piece | None:
    """The trích yếu: the lines under the type line, joined, without ``V/v`` or outer quotes."""
    if not layout.title:
        return None
    parts = [line.text.strip(_TITLE_EDGES) for line in layout.title]
    for i, line in enumerate(layout.title[:-1]):  # "giai đoạn 2021 -" / "2025": a range wrapped, not a speck
        if line.text.rstrip().endswith("-") and parts[i + 1][:1].isdigit():
            parts[i] += " -"
    text = " ".join(p for p in parts if p)
    text = strip_quotes(_VV.sub("", text) if _VV.match(text.lower()) else text)
    first, last = layout.title[0], layout.title[-1]
    return Piece(first.start, last.end, text, "")


def doc_type_of(layout: Layout, code: str | None) -> tuple[str | None, bool]:
    """The type name, and whether it had to be inferred from the number's code (no legible type line)."""
    if layout.doc_type:
        return layout.doc_type, False
    if code is None:
        return None, False
    # 69/KH-UBND: the type opens the part after "/"; 27-KH/HU (Party style): it follows the number.
    segments = re.split(r"[-/]", code.strip("-/"))
    for segment in segments[:2]:
        if segment in DOC_TYPE_OF_CODE:
            return DOC_TYPE_OF_CODE[segment], True
    return NO_TYPE_LINE, True


@extractor(
    "header",
    requires=["analysis.layout"],
    assigns=["record.doc_type", "record.number", "record.issue_date", "record.title", "analysis.header"],
)
def extract_header(ex: Extraction) -> None:
    """doc_type, number, issue_date and title; the place as printed goes to ``place`` (in the header reading)."""
    layout: Layout = ex.analyses["layout"]
    reading = read_header(layout.header or layout.lines[:12])
    ex.analyses["header"] = reading
    record = ex.record
    if reading.number is not None:
        record.number = reading.number.text
        ex.cite("number", reading.number.start, reading.number.end)
    doc_type, inferred = doc_type_of(layout, reading.number_code if reading.number else None)
    record.doc_type = doc_type
    if layout.type_line is not None:
        ex.cite("doc_type", layout.type_line.start, layout.type_line.end)
    elif doc_type is not None and reading.number is not None:
        ex.cite("doc_type", reading.number.start, reading.number.end)
        ex.warn("inferred_doc_type", "doc_type", f"no type line; {doc_type!r} read from the number's code")
    if reading.date is not None:
        record.issue_date = reading.date.date
        ex.cite("issue_date", reading.date.start, reading.date.end)
        if reading.date.repaired:
            ex.warn(
                "low_ocr_confidence",
                "issue_date",
                f"date digits read through OCR damage: {ex.text[reading.date.start : reading.date.end]!r}",
            )
    if (title := read_title(layout)) is not None:
        record.title = title.text
        ex.cite("title", title.start, title.end)
    for path, value in (("number", record.number), ("issue_date", record.issue_date), ("title", record.title)):
        if value is None:
            ex.warn("field_not_found", path, f"no {path.replace('_', ' ')} found in the header")


PLACE_OWN_UNIT_SCORE = 60.0
"""A printed place this close to the issuer's own unit (or its province) is that unit, however damaged."""
PLACE_GAZETTEER_SCORE = 85.0


@extractor("place", requires=["analysis.header", "analysis.issuer_unit", "record.issuer"], assigns=["record.place"])
def extract_place(ex: Extraction) -> None:
    """The place in its gazetteer spelling: ND30's địa danh is the name of the issuer's unit or province."""
    printed = ex.analyses["header"].place
    if printed is None:
        return
    ex.cite("place", printed.start, printed.end)
    unit: AdminUnit | None = ex.analyses.get("issuer_unit")
    ex.record.place = gazetteer_spelling(printed.text, unit, ex.record.issuer.province) or printed.text


def gazetteer_spelling(place: str, unit: AdminUnit | None, province: str | None) -> str | None:
    """The gazetteer's name for a printed place: the issuer's own unit or province first, then any one unit."""
    own = [(name, PLACE_OWN_UNIT_SCORE) for name in ((unit.name, *unit.aliases) if unit else ())]
    if province:
        own.append((province, PLACE_GAZETTEER_SCORE))
    for name, threshold in sorted(own, key=lambda nt: -similarity(nt[0], place)):
        if similarity(name, place) >= threshold:
            return name
    hints = {province: 1} if province else None
    found = resolve(proper_words(place) or place, province_hints=hints, cutoff=PLACE_GAZETTEER_SCORE)
    names = {u.name for u in found.candidates}
    return names.pop() if len(names) == 1 else None
