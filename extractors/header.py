"""The header block of ND30's layout: type (doc_type), số và ký hiệu (number), place and date.

The header's lines are read as one block (:mod:`extractors.letterhead`):
cut into pieces at the separators sites and OCR leave, joined, and each
cell found by its vocabulary wherever the lines were wrapped or the two
columns merged. What no cell claims and is printed in capitals is the
issuing body's name (:mod:`extractors.issuer` reads it); ``V/v …`` is a
công văn's trích yếu (:mod:`extractors.title` reads it). Every match runs
on folded text, so legacy OCR's ``S6:``, ``ngay]9 thing 02 nim`` still read.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import cache

from rapidfuzz.distance import Levenshtein

from khplan.diacritics.orthography import normalize_tone_placement, strip_diacritics
from khplan.extractors.dates import FoundDate
from khplan.extractors.gazetteer import AdminUnit, provinces, resolve
from khplan.extractors.letterhead import (
    Cell,
    Piece,
    Stream,
    cut_pieces,
    find_blank_date_place,
    find_date,
    find_mottos,
    find_number,
    find_subject,
    is_mark,
    kind_code,
    motto_fragment,
    outside,
)
from khplan.extractors.matching import ends_name, fold_key, proper_words, similarity, squash
from khplan.extractors.registry import Extraction, extractor
from khplan.extractors.structure import TITLE_AFTER_TYPE, TYPE_LINE_SPECKS, Layout, Line, is_body_start
from khplan.extractors.terms import (
    DOC_TYPES,
    NO_TYPE_LINE,
    canonical_code,
    code_segments,
    known_segment,
    type_of_code,
)

__all__ = ["HeaderReading", "Piece", "doc_type_of", "read_header"]

UPPER_SHARE = 0.6
"""Share of a word's letters in capitals for it to belong to the issuer's name (ND30 prints it in capitals)."""


@dataclass
class HeaderReading:
    """What the header block says, before units are resolved; offsets are the document's."""

    issuer_lines: list[Piece] = field(default_factory=list)
    """The runs of capitals no cell claims, in reading order: the issuing body and the body above it."""
    number: Piece | None = None
    number_code: str | None = None
    """The ký hiệu (``KH-UBND``), also when the number itself was left blank (``Số:    /KH-UBND``)."""
    date: FoundDate | None = None
    place: Piece | None = None
    subject: Piece | None = None
    """``V/v …``: a công văn's trích yếu, printed in the header under the number."""
    mottos: frozenset[str] = frozenset()
    """Which of ``national``, ``slogan``, ``party`` the header prints: ``party`` marks a party document."""
    type_in_title: bool = False
    """The type line's words open the trích yếu: the number's code names another type (``HƯỚNG DẪN VIỆC …`` under
    ``Số: 04/2025/TT-TTCP``, a Thông tư whose type line the site dropped)."""


def header_stream(lines: tuple[Line, ...] | list[Line]) -> Stream:
    """The header's lines as one stream of pieces."""
    return Stream([piece for line in lines if line.text for piece in cut_pieces(line.start, line.text, line.folded)])


def read_header(lines: tuple[Line, ...] | list[Line]) -> HeaderReading:
    """Issuer lines, number, place and date, mottos and V/v from the header block's lines."""
    stream = header_stream(lines)
    reading = HeaderReading()
    cells: list[Cell] = find_mottos(stream.folded)
    cells.extend(_motto_heads(stream, cells))
    reading.mottos = frozenset(c.kind for c in cells)
    if (number := find_number(stream, cells)) is not None:
        cells.append(number.cell)
        reading.number_code = number.code
        if number.number is not None:
            reading.number = replace(_piece(stream, number.cell), text=number.number)
    if (dated := find_date(stream, cells)) is not None:
        date = dated.date
        reading.date = date._replace(start=stream.doc(date.start), end=stream.doc(date.end, end=True))
        cells.append(Cell("date", date.start, date.end))
        if dated.place is not None:
            reading.place = _piece(stream, dated.place)
            cells.append(dated.place)
    elif (blank := find_blank_date_place(stream, cells)) is not None:  # the date left blank, its place printed
        reading.place = _piece(stream, blank)
        cells.append(blank)
    if (subject := find_subject(stream, cells)) is not None:
        if (closed := _quote_closes(lines, stream, subject)) is not None:
            subject = closed  # "“V/v Triển khai … xanh 22/7/2018”" / "ĐOÀN TNCS HỒ CHÍ MINH": the motto is no subject's
        cells.append(subject)
        reading.subject = _piece(stream, subject)
        if rest := _subject_rest(stream, subject, cells):
            cells.extend(rest)
            reading.subject = _joined(reading.subject, [_piece(stream, cell) for cell in rest])
    reading.issuer_lines = _issuer_runs(stream, cells)
    return reading


def _quote_closes(lines: tuple[Line, ...] | list[Line], stream: Stream, subject: Cell) -> Cell | None:
    """The subject cut at its closing quote, where it opens with one (the stream's pieces lost both quotes)."""
    opening = stream.doc(subject.start)
    at = next((i for i, line in enumerate(lines) if line.start <= opening <= line.end), None)
    if at is None or not lines[at].text[: opening - lines[at].start].rstrip().endswith("“"):
        return None
    closes = [line.start + line.text.find("”") for line in lines[at:] if "”" in line.text]
    close = next((c for c in closes if c > opening), None)
    if close is None:
        return None
    for piece, start in zip(stream.pieces, stream.starts, strict=True):
        if piece.start <= close <= piece.start + len(piece.text):
            end = start + (close - piece.start)
            return Cell("subject", subject.start, end) if subject.start < end < subject.end else None
    return None


_LOST_HEAD = re.compile(r"(?<!\S)(?:cong\s+hoa|cong)(?!\S)")


def _motto_heads(stream: Stream, cells: list[Cell]) -> list[Cell]:
    """The quốc hiệu's first word where merged columns left it on the line above the rest (``THỦ CỘNG`` /
    ``TƯỚNG CHÍNH PHỦ | Hà Nội, ngày …`` / ``HÒA XÃ HỘI CHỦ NGHĨA``): a motto's, not the issuer's."""
    national = next((c for c in cells if c.kind == "national"), None)
    if national is None or not stream.folded[national.start :].startswith("hoa "):
        return []
    offset = max(0, national.start - HEAD_REACH)
    heads = [m for m in _LOST_HEAD.finditer(stream.folded, offset, national.start) if outside(cells, m.start())]
    return [Cell("national", heads[-1].start(), heads[-1].end())] if heads else []


HEAD_REACH = 80
"""How far before the rest of the quốc hiệu its first word may stand (about two lines of a merged header)."""


def _subject_rest(stream: Stream, subject: Cell, cells: list[Cell]) -> list[Cell]:
    """The ``V/v``'s next lines where the right column cut it (``V/v: Hướng dẫn xét khen Hà Nội, ngày …`` /
    ``thưởng thường niên khối các sở`` / ``GDĐT``): the pieces after that line that no cell holds, in order."""
    if not any(c.start == subject.end for c in cells if c is not subject):
        return []
    line_end = max(
        c.end for c in cells if c.start >= subject.end and stream.piece_at(c.start) == stream.piece_at(subject.end)
    )
    rest: list[Cell] = []
    for start, piece in zip(stream.starts, stream.pieces, strict=True):
        if start < line_end or not outside(cells, start):
            continue
        if is_mark(piece.folded) or motto_fragment(piece.folded) or _LETTER_BEGINS.match(piece.folded):
            break
        end = start + len(piece.text)
        if any(start < c.start < end for c in cells):
            break
        rest.append(Cell("subject", start, end))
    return rest


_LETTER_BEGINS = re.compile(r"^\W*kinh\s*g")
"""``Kính gửi``: the letter, no more of its subject."""


def _subject_carried_over(layout: Layout, subject: Piece) -> Piece | None:
    """The ``V/v``'s last line, where OCR read it after the right column's place and date: the one line between the
    header and ``Kính gửi``, the subject not closed."""
    if not layout.header or subject.text.rstrip().endswith((".", ";", ":", "”", '"', ")")):
        return None
    after = [line for line in layout.lines[layout.header[-1].number + 1 :] if line.text.strip(" -_.:;|")][:2]
    if len(after) < 2 or not _LETTER_BEGINS.match(after[1].folded) or _LETTER_BEGINS.match(after[0].folded):
        return None
    line = after[0]
    if is_body_start(line) or len(line.text.split()) > CARRIED_WORDS or line.text.rstrip().endswith((":", ".")):
        return None
    if _PLACE_AND_DATE.search(line.folded) or motto_fragment(line.folded) or is_mark(line.folded):
        return None  # "Hà Nội, ngày …", "Độc lập …": a cell OCR spoilt, no words of the subject
    words = re.findall(r"[^\W\d_]+", line.text)
    if words and sum(len(w) >= 3 or w.isupper() for w in words) < CARRIED_WORDS_SHARE * len(words):
        return None  # "seễ Sề ìn à om b": a poor scan's specks read as letters, mostly one or two
    return Piece(line.start, line.end, line.text, line.folded)


CARRIED_WORDS = 16
"""A subject's last line holds a few words; a longer line under the header is the letter's own."""
CARRIED_WORDS_SHARE = 0.5
"""Share of a subject's carried-over line's words that must be words of three letters or more, or in capitals (``C/O``):
specks read as letters are mostly one or two."""
_PLACE_AND_DATE = re.compile(r",\s*ngay\b|\bnam\s*(?:19|20)\d\d\W*$")
"""A place-and-date line's ``, ngày`` or its closing year (folded)."""


def _joined(first: Piece, more: list[Piece]) -> Piece:
    text = " ".join([first.text, *(p.text for p in more)])
    folded = " ".join([first.folded, *(p.folded for p in more)])
    return Piece(first.start, more[-1].end, text, folded)


def _piece(stream: Stream, cell: Cell) -> Piece:
    """The cell's text (its edges' punctuation shed) with its offsets in the document."""
    raw = stream.text[cell.start : cell.end]
    start = cell.start + len(raw) - len(raw.lstrip(" ,."))
    end = start + len(raw.strip(" ,."))
    return Piece(stream.doc(start), stream.doc(end, end=True), stream.text[start:end], stream.folded[start:end])


def _issuer_runs(stream: Stream, cells: list[Cell]) -> list[Piece]:
    """The runs of capitals outside every cell, piece by piece: the issuer's lines as printed."""
    runs: list[Piece] = []
    taken = sorted((c.start, c.end) for c in cells)
    for index, piece in enumerate(stream.pieces):
        base = stream.starts[index]
        free = _free_spans(base, base + len(piece.text), taken)
        for a, b in free:
            for run in _capital_runs(stream.text[a:b]):
                start, end = a + run[0], a + run[1]
                if index + 1 < len(stream.pieces) and stream.text[end : base + len(piece.text)] == ",":
                    end += 1  # "CỤC HỘ TỊCH, QUỐC TỊCH," / "CHỨNG THỰC": the name's own comma, where its line wraps
                folded = stream.folded[start:end]
                if is_mark(folded) or motto_fragment(folded) or sum(c.isalpha() for c in folded) < 2:
                    continue
                runs.append(Piece(stream.doc(start), stream.doc(end, end=True), stream.text[start:end], folded))
    return runs


def _free_spans(start: int, end: int, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans, pos = [], start
    for a, b in taken:
        if b <= pos or a >= end:
            continue
        if a > pos:
            spans.append((pos, a))
        pos = max(pos, b)
    if pos < end:
        spans.append((pos, end))
    return spans


def _capital_runs(text: str) -> list[tuple[int, int]]:
    """Spans of consecutive words in capitals; a code or a page mark (``09/2019/NĐ-CP``, ``1THỦ``) breaks a run, and
    so does a code's segment OCR cut off after its dash (``UBND`` of ``/KH- UBND``).

    A small number (``QUẬN 3``) and punctuation go with their neighbours; a
    page number glued to a name (``Trang 1THỦ TƯỚNG``) is cut off it.
    """
    runs: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    previous = ""
    for word in re.finditer(r"\S+", text):
        start, token = word.start(), word.group(0)
        if glued := re.match(r"\d+(?=[^\W\d_])", token):  # "1THỦ": a page number before the name
            start, token = start + glued.end(), token[glued.end() :]
        letters = [c for c in token if c.isalpha()]
        code = "/" in token or (any(c.isdigit() for c in token) and (letters or len(token.strip(",.")) > 2))
        code = code or ("/" in previous and previous.endswith(("-", "/")))  # "/KH- UBND": the code goes on
        previous = token
        upper = not code and (not letters or sum(c.isupper() for c in letters) >= UPPER_SHARE * len(letters))
        if upper and letters:
            current = (current[0], word.end()) if current else (start, word.end())
        elif upper and current:  # "3", "-", "&" inside a name
            current = (current[0], word.end())
        elif current:
            runs.append(current)
            current = None
    if current:
        runs.append(current)
    return [(a, b) for a, b in ((a, a + len(text[a:b].rstrip(" ,.;:-–*"))) for a, b in runs) if b > a]


_DAY_MONTH_YEAR = (
    r"(?P<day>\d{1,2})\s*(?:[/.-]|\s+thang\s+)\s*(?P<month>\d{1,2})\s*(?:[/.-]|\s*nam\s+)\s*(?P<year>[12]\d{3})"
)
"""``18/7/2018``, ``26-8-1994``, ``17 tháng 4 năm 2013`` in a heading, a lead or a source note that stands in for the
header (folded)."""
_NUMBER_AND_CODE = r"(?P<num>\d{1,6})\s*(?P<code>[-/][a-z0-9đ&.]+(?:[-/][a-z0-9đ&.]+)*)"
"""``473/STP-PBGDPL`` as a lead or a source note cites the document (folded)."""

_ARCHIVE_HEADING = re.compile(
    r"^s[o0]\s*:?\s+(?P<num>\d{1,5})\s*"
    r"(?P<code>[-/\s]?(?:(?:19|20)\d\d/)?[a-zđ][a-z0-9đ&]*(?:\s?[a-zđ]\b)?(?:[-/][a-z0-9đ&]+)+"
    r"|/(?:19|20)\d\d/[a-zđ][a-z0-9đ&]*|-\s*[a-zđ][a-z0-9đ&]*)\s*,?\s+"
    r"ngay\s+" + _DAY_MONTH_YEAR + r"\b"
)
"""An archive's heading in place of the header: ``SỐ 214 NQ/UBTVQH9 NGÀY 26-8-1994`` (``SỐ 124-CT``, an older code
of one segment, ``81/2002/TANDTC``, ``114/2004/N Đ-CP`` with a site's stray space) after the type word, a portal's
``Công văn số 972/SNV-CCHC ngày 18/7/2018 V/v …`` (folded)."""


def archive_heading(layout: Layout) -> tuple[Piece, FoundDate, str] | None:
    """Number, date and ký hiệu from the heading archives print instead of the header (Công báo style): the title's
    first line, or its first lines joined where the heading wrapped (``CỦA THỦ`` / ``TƯỚNG CHÍNH PHỦ SỐ 16/2001/CT-TTG``
    / ``NGÀY 21 THÁNG 6 NĂM 2001 VỀ VIỆC …``)."""
    if not layout.title:
        return None
    first = layout.title[0]
    match = _ARCHIVE_HEADING.match(first.folded)
    if match is None:
        first = _joined_lines(layout.title[:ARCHIVE_HEADING_LINES])
        match = _WRAPPED_ARCHIVE_HEADING.search(first.folded)
    if match is None or (date := _date_in(first, match)) is None:
        return None
    code = canonical_code(re.sub(r"\s+", "", first.text[match.start("code") : match.end("code")]).translate(_DASHES))
    number = Piece(first.start + match.start("num"), first.start + match.end("code"), match.group("num") + code, "")
    return number, date, kind_code(code)


_DASHES = str.maketrans({"–": "-", "—": "-"})
"""A heading's ``73 – HĐBT``: the dash a site set typographically is the code's hyphen."""
ARCHIVE_HEADING_LINES = 3
_WRAPPED_ARCHIVE_HEADING = re.compile(r"^c[uo]a\s+[a-z ]{3,60}?\s" + _ARCHIVE_HEADING.pattern[1:])
"""``CỦA THỦ TƯỚNG CHÍNH PHỦ SỐ 16/2001/CT-TTG NGÀY …``: who issued it, then the heading (folded, lines joined)."""


def _joined_lines(lines: tuple[Line, ...]) -> Line:
    """Lines that follow one another in the text as one line: the gaps become spaces, offsets hold from the first.

    Only for lines one newline apart (a wrapped heading); others are not joined."""
    out = [lines[0]]
    for line in lines[1:]:
        if line.start != out[-1].end + 1:
            break
        out.append(line)
    text = " ".join(line.text for line in out)
    folded = " ".join(line.folded for line in out)
    return out[0]._replace(end=out[-1].end, text=text, folded=folded)


def _date_in(line: Line, match: re.Match[str]) -> FoundDate | None:
    """The date a match of :data:`_DAY_MONTH_YEAR` in ``line`` read, where it is in the text; None if no such day."""
    try:
        day = dt.date(int(match.group("year")), int(match.group("month")), int(match.group("day")))
    except ValueError:
        return None
    return FoundDate(day, line.start + match.start("day"), line.start + match.end("year"), False)


_LEAD = re.compile(
    r"(?:^|[.;]\s*)ngay\s+"
    + _DAY_MONTH_YEAR
    + r"\s*,?\s*[^.;]{3,120}?\s(?:da\s+)?(?:ky\s+)?ban\s+hanh\s+(?:van\s+ban|cong\s+van|ke\s+hoach|quyet\s+dinh|"
    r"huong\s+dan|thong\s+bao|chi\s+thi|bao\s+cao)(?:\s+so\s+" + _NUMBER_AND_CODE + r")?"
)
"""A portal's lead in place of the header: ``Ngày 25/3/2020, Sở Tư pháp ban hành Văn bản số 473/STP-PBGDPL …``
(folded)."""


_SOURCE_NOTE = re.compile(
    r"^\(?\s*nguon\s*:\s*[a-z ]{3,20}?\s+so\s+" + _NUMBER_AND_CODE + r"\s*,?\s*ngay\s+" + _DAY_MONTH_YEAR
)
"""A portal's source note under the text it printed: ``(Nguồn: Thông báo số 81/TB-UBND ngày 08/6/2021)`` (folded)."""

LEAD_LINES = 8
"""Lines of the body the lead is looked for in (a site that lost its line breaks is cut back into several)."""


def lead_sentence(layout: Layout) -> tuple[Piece | None, FoundDate, str | None] | None:
    """Number, date and ký hiệu from the first sentence of a post that printed its document without the header, or
    from the source note under it."""
    if layout.header or layout.type_line is None or layout.type_line.number != 0:
        return None
    lines = [line for line in layout.body if line.text.strip()]
    first, match = next(
        ((line, m) for line in lines[:LEAD_LINES] if (m := _LEAD.search(line.folded)) is not None), (None, None)
    )
    if first is None:
        first, match = next(
            ((line, m) for line in lines if (m := _SOURCE_NOTE.match(line.folded)) is not None), (None, None)
        )
    if first is None or match is None or (date := _date_in(first, match)) is None:
        return None
    if match.group("num") is None:  # "ngày 01/7/2021 UBND huyện đã ban hành Báo cáo …": the date alone
        return None, date, None
    code = canonical_code(first.text[match.start("code") : match.end("code")])
    number = Piece(first.start + match.start("num"), first.start + match.end("code"), match.group("num") + code, "")
    return number, date, kind_code(code)


def headline_number(layout: Layout) -> tuple[Piece, str | None] | None:
    """Number and ký hiệu a post's headline opens with, where no header prints them (``Số 04/KH-UBND Về …``)."""
    if layout.header or not layout.title:
        return None
    first = layout.title[0]
    if (match := HEADLINE_NUMBER.match(first.folded)) is None:
        return None
    code = canonical_code(first.text[match.start("code") : match.end("code")])
    return Piece(first.start + match.start("num"), first.start + match.end("code"), match.group("num") + code, ""), (
        kind_code(code)
    )


HEADLINE_NUMBER = re.compile(
    r"^s[o0]\s*:?\s*(?P<num>\d{1,5})\s*(?P<code>[-/][a-z0-9đ&]+(?:[-/][a-z0-9đ&]+)*)\s+(?=ve\b|v\s*/\s*v\b)"
)
"""``Số 04/KH-UBND Về …`` (folded): the number before the subject in a post's headline."""


def type_opens_title(layout: Layout, code: str | None) -> bool:
    """A type name opening a line of the trích yếu that the header's number contradicts: the title's own first words.

    ND30 prints the type on a line of its own; a type name run on into the
    words of a title, under a header whose ký hiệu names another type, is
    where a site dropped the type line (``HƯỚNG DẪN VIỆC XÂY DỰNG …`` of a
    Thông tư ``04/2025/TT-TTCP``)."""
    typed = type_of_code(code)
    line = layout.type_line
    if typed is None or line is None or layout.doc_type is None or not layout.header or not layout.title:
        return False
    return (
        DOC_TYPES.get(typed) != DOC_TYPES.get(layout.doc_type)
        and layout.title[0].number == line.number
        and not TITLE_AFTER_TYPE.match(layout.title[0].folded)  # "HƯỚNG DẪN VỀ THỂ THỨC …": an archive's type line
    )


def _code_letters(text: str) -> str:
    return fold_key(re.sub(r"[\W_]", "", text))


def _body_code_alone(code: str | None) -> bool:
    """A ký hiệu of one segment (``248/TTr``, ``12/VP``): a letter's sender code, no type's code over an issuer's, which
    ND30 prints as two (``/TTr-UBND``)."""
    return len(code_segments(code)) == 1


SENDER_CODES = frozenset({"CT"})
"""Type codes that are also a sender's: ``CT`` is Chỉ thị, and Cục Thuế's and a Chủ tịch's own code (``5068/CT-TTHT``
over ``V/v: thanh toán …``, a tax office's letter)."""


def _sender_code_first(code: str | None) -> bool:
    """The ký hiệu opens with a code that is a sender's as well as a type's: under a V/v line, the sender's."""
    segments = code_segments(code)
    return bool(segments) and segments[0] in SENDER_CODES


def type_segment_repaired(number: str, doc_type: str | None) -> str:
    """A type code OCR misread by one letter (``07-BYT/FT``, ``TT1``), set right where the type line names the type:
    a segment no list knows, one edit from the type's code, is that code."""
    code = DOC_TYPES.get(doc_type or "")
    segments = [m for m in re.finditer(r"(?<=[-/])[^-/.\s]+", number) if not m.group(0).isdigit()]
    if code is None or not segments:
        return number
    at = segments[0]  # where a type's code stands: first past the year (N/TYPE-BODY), or after an older ministry's
    if known_segment(at.group(0)) and len(segments) == 2 and number[segments[1].start() - 1] == "/":
        at = segments[1]  # "18-BYT/TT"
    elif number[at.start() - 1] != "/" or number[at.end() : at.end() + 1] != "-":
        return number  # "227-NGĐ", "1963-TP/TT": an older code whose first segment may be its body's
    segment = at.group(0)
    if known_segment(segment) or len(segment) > len(code) + 1 or Levenshtein.distance(segment, code) != 1:
        return number
    return number[: at.start()] + code + number[at.end() :]


_TYPE_CODE_SPECKED = re.compile(
    r"(?:^|[-/])(?:" + "|".join(sorted(map(re.escape, set(DOC_TYPES.values())), key=len, reverse=True)) + r")[0-9Il|]"
    r"(?=[-/])"
)
"""``30/2017/TT1-BCA``: a speck OCR read onto a type's code, which no type line tells how to set right."""


def doc_type_of(layout: Layout, code: str | None) -> tuple[str | None, bool]:
    """The type name, and whether it had to be inferred from the number's code (no legible type line)."""
    if layout.doc_type:
        return layout.doc_type, False
    if code is None:
        return None, False
    return type_of_code(code) or NO_TYPE_LINE, True


_ANNOUNCES = re.compile(
    r"(?:^|[.;:]\s+)(?:uy\s+ban\s+nhan\s+dan|ubnd|hoi\s+dong\s+nhan\s+dan|hdnd)\b[^.;:]{0,60}?\s+thong\s+bao\b"
    r"(?!\s+so\b)"
)
"""``UBND phường Cự Khối thông báo việc niêm yết …``: a people's committee opening a sentence to announce, the text
is its Thông báo (not ``Văn phòng UBND tỉnh thông báo``, an office's letter; not ``… Thông báo số …``, a notice
cited; folded)."""
ANNOUNCING_LINES = 8


def announced_type(layout: Layout) -> str | None:
    """A post printed with neither header nor type line: ``Thông báo`` when its first paragraphs announce."""
    lines = [line for line in layout.body if line.text.strip()][:ANNOUNCING_LINES]
    return "Thông báo" if any(_ANNOUNCES.search(line.folded) for line in lines) else None


@extractor(
    "header",
    requires=["analysis.layout"],
    assigns=["record.doc_type", "record.number", "record.issue_date", "analysis.header"],
)
def extract_header(ex: Extraction) -> None:
    """doc_type, number and issue_date; the place as printed and the issuer's lines go to ``analysis.header``."""
    layout: Layout = ex.analyses["layout"]
    reading = read_header(layout.header)
    if (
        reading.subject is not None
        and layout.type_line is None
        and (more := _subject_carried_over(layout, reading.subject))
    ):
        reading.subject = _joined(reading.subject, [more])  # "V/v đề xuất kinh phí thực hiện" / … / "Đề án phát …"
    ex.analyses["header"] = reading
    record = ex.record
    source = "header"
    if reading.number is None and reading.date is None and (heading := archive_heading(layout)) is not None:
        # "NGHỊ QUYẾT SỐ 214 NQ/UBTVQH9 NGÀY 26-8-1994 CỦA …"
        reading.number, reading.date, reading.number_code = heading
        source = "archive heading"
    elif reading.number is None and reading.date is None and (lead := lead_sentence(layout)) is not None:
        reading.number, reading.date, reading.number_code = lead  # "Ngày 25/3/2020, Sở Tư pháp ban hành Văn bản số …"
        source = "lead sentence"
    elif reading.number is None and (headline := headline_number(layout)) is not None:
        reading.number, reading.number_code = headline  # "Số 04/KH-UBND Về kế hoạch tổ chức …"
        source = "headline"
    if reading.number is not None:
        record.number = reading.number.text
        ex.cite("number", reading.number.start, reading.number.end)
        ex.found("number", source)
        printed = ex.text[reading.number.start : reading.number.end]
        if _code_letters(record.number) not in _code_letters(printed):
            ex.warn("number_misread", "number", f"{record.number!r} repaired from {printed.strip()!r} as OCR read it")
        elif (repaired := type_segment_repaired(record.number, layout.doc_type)) != record.number:
            ex.warn("number_misread", "number", f"{record.number!r} read as {repaired!r}: the type line names its code")
            record.number = repaired  # "07-BYT/FT" under THÔNG TƯ: OCR's F for the T of TT
        elif _TYPE_CODE_SPECKED.search(record.number) or ex.text[reading.number.end : reading.number.end + 1] == "?":
            ex.warn("number_misread", "number", f"{record.number!r}: a character of it OCR could not read")
    doc_type, inferred = doc_type_of(layout, reading.number_code)
    if reading.number is not None and type_opens_title(layout, reading.number_code):
        reading.type_in_title = True
        doc_type, inferred = type_of_code(reading.number_code), True
    if (
        inferred
        and reading.subject is not None
        and (_body_code_alone(reading.number_code) or _sender_code_first(reading.number_code))
    ):
        doc_type = NO_TYPE_LINE  # "Số: 248/TTr" / "V/v: Hướng dẫn …": the Thanh tra's own code, a letter's subject
    record.doc_type = doc_type
    if layout.type_line is not None and not reading.type_in_title:
        ex.cite("doc_type", layout.type_line.start, layout.type_line.end)
        ex.found("doc_type", "type line")
        if layout.type_misread:
            ex.warn(
                "low_ocr_confidence",
                "doc_type",
                f"the type line reads {layout.type_line.text.strip(TYPE_LINE_SPECKS)!r}, taken as {layout.doc_type!r}",
            )
    elif doc_type is not None and reading.number is not None:
        ex.cite("doc_type", reading.number.start, reading.number.end)
    if inferred and doc_type is not None:
        ex.found("doc_type", "number's code")
        ex.warn("inferred_doc_type", "doc_type", f"no type line; {doc_type!r} read from the number's code")
    elif doc_type is None and layout.type_line is None and reading.subject is not None:
        record.doc_type = NO_TYPE_LINE  # "V/v: huyện Bác Ái …" under a header whose number a site dropped
        ex.found("doc_type", "V/v line")
        ex.warn("inferred_doc_type", "doc_type", f"no type line nor number; a V/v line makes it a {NO_TYPE_LINE}")
    elif doc_type is None and not layout.header and (announced := announced_type(layout)) is not None:
        record.doc_type = announced  # "Ủy ban nhân dân xã Tây Sơn thông báo lịch tiếp công dân …"
        ex.found("doc_type", "opening paragraph")
        ex.warn("inferred_doc_type", "doc_type", f"no type line; {announced!r} read from the body's announcing verb")
    if reading.date is not None:
        record.issue_date = reading.date.date
        ex.cite("issue_date", reading.date.start, reading.date.end)
        ex.found("issue_date", "place line" if source == "header" else source)
        if reading.date.repaired:
            ex.warn(
                "low_ocr_confidence",
                "issue_date",
                f"date digits read through OCR damage: {ex.text[reading.date.start : reading.date.end]!r}",
            )
    for path, value in (("number", record.number), ("issue_date", record.issue_date)):
        if value is None:
            ex.warn("field_not_found", path, f"no {path.replace('_', ' ')} found in the header")


PLACE_OWN_UNIT_SCORE = 60.0
"""A printed place this close to the issuer's own unit (or its province) is that unit, however damaged."""
PLACE_GAZETTEER_SCORE = 85.0
EXACT_PLACE_SCORE = 97.0
_PRINTED_KIND = re.compile(
    r"^(?P<kind>thanh\s+pho|tp\.?|tx\.?|thi\s+xa|thi\s+tran|quan|huyen|xa|phuong)(?:\s+|(?<=\.))(?=\S)"
)  # "TP.Hồ Chí Minh": a kind's dot may stand for its space
_KIND_OF_PRINTED = {
    "thanh pho": "thành phố",
    "tp": "thành phố",
    "tx": "thị xã",
    "thi xa": "thị xã",
    "thi tran": "thị trấn",
    "quan": "quận",
    "huyen": "huyện",
    "xa": "xã",
    "phuong": "phường",
}


@extractor("place", requires=["analysis.header", "analysis.issuer_unit", "record.issuer"], assigns=["record.place"])
def extract_place(ex: Extraction) -> None:
    """The place in its gazetteer spelling: ND30's địa danh is the name of the issuer's unit or province.

    A kind word printed with it (``TP. Hồ Chí Minh``, ``Quận 8``) stays, in full.
    """
    printed = ex.analyses["header"].place
    if printed is None:
        return
    ex.cite("place", printed.start, printed.end)
    ex.found("place", "place line")
    unit: AdminUnit | None = ex.analyses.get("issuer_unit")
    kind, name = place_kind(printed.text)
    if (whole := _wrapped_away(name, unit, ex.record.issuer.province)) is not None:
        ex.warn("inferred", "place", f"the place line prints {name!r}, the end of {whole!r}: the rest read as wrapped")
        name = whole
    spelt = gazetteer_spelling(name, unit, ex.record.issuer.province)
    if spelt is None:
        ex.warn("unresolved_place", "place", f"{name!r} is no unit's name in the gazetteer: kept as printed")
    elif unit is not None and (other := marks_disagree(name, spelt, unit)) is not None:
        message = f"the place line prints {other!r}, the issuer's unit is {spelt!r}: one of them is misread"
        ex.warn("place_contradicts_issuer", "place", message)
        ex.warn("place_contradicts_issuer", "issuer", message)
    if kind is None and spelt in NAMED_FOR_PEOPLE:
        kind = "thành phố"  # "Hồ Chí Minh" alone names a man: the place is the city, its "TP." wrapped away
    ex.record.place = f"{kind[:1].upper()}{kind[1:]} {spelt or name}" if kind else spelt or name


NAMED_FOR_PEOPLE = frozenset({"Hồ Chí Minh"})
"""Cities named after a person, never written without their kind as a place."""


def place_kind(place: str) -> tuple[str | None, str]:
    """The unit kind a printed place opens with, and its name.

    ``TP. Hồ Chí Minh`` → (``thành phố``, ``Hồ Chí Minh``); ``Sơn La`` → (None, ``Sơn La``).
    """
    match = _PRINTED_KIND.match(fold_key(place))
    if match is None:
        return None, place
    return _KIND_OF_PRINTED[re.sub(r"\s+", " ", match.group("kind").rstrip("."))], place[match.end() :].strip()


def marks_disagree(printed: str, spelt: str, unit: AdminUnit) -> str | None:
    """The unit a printed place names when it was read as the issuer's, a unit of its level whose name differs from
    it only in marks.

    ``Đông Quang`` printed on the place line of ``XÃ ĐỒNG QUANG`` (both are
    communes): OCR or restoration set the marks of one of the two wrong, and
    nothing in the header says which. A commune ``Thanh Hòa`` under a
    province's ``TỈNH THANH HÓA`` is no such doubt: a place line names the
    issuer's unit, and a misread mark explains the rest.
    """
    key = normalize_tone_placement(unicodedata.normalize("NFC", printed)).casefold()
    if key == normalize_tone_placement(spelt).casefold() or squash(printed) != squash(spelt):
        return None
    exact = resolve(printed, cutoff=EXACT_PLACE_SCORE).candidates
    names = {u.name for u in exact if normalize_tone_placement(u.name).casefold() == key and u.level == unit.level}
    return names.pop() if names else None


def _wrapped_away(place: str, unit: AdminUnit | None, province: str | None) -> str | None:
    """The issuer's unit or province whose name ``place`` ends (``Tàu`` of Bà Rịa - Vũng Tàu, ``Thiên Huế``): the
    place line wrapped, or OCR read its columns apart, and only the name's last words stand before the date. Not
    when those words name a unit of the province themselves (``Vũng Tàu``, ``Huế``)."""
    if (province and _in_province(place, province) is not None) or squash(place) in _province_names():
        return None  # "Huế": a province's own name since 2025, however the issuer's province was named before
    names = [*((unit.name, *unit.aliases) if unit is not None else ()), *((province,) if province else ())]
    return next((name for name in names if ends_name(name, place)), None)


@cache
def _province_names() -> frozenset[str]:
    """Every province's names, folded as :func:`squash` folds them (read once: the gazetteer does not change)."""
    return frozenset(squash(name) for unit in provinces() for name in (unit.name, *unit.aliases))


def _in_province(place: str, province: str) -> str | None:
    """The one name of a unit of the issuer's province that the place spells, marks aside: ``Phú Lý`` (a restored
    mark; a commune of Đồng Nai) on a Hà Nam decision is its capital Phủ Lý."""
    found = resolve(strip_diacritics(place), cutoff=EXACT_PLACE_SCORE).candidates
    names = {u.name for u in found if u.province == province and squash(u.name) == squash(place)}
    return names.pop() if len(names) == 1 else None


def _spelt_as_printed(unit: AdminUnit, place: str) -> str:
    """The unit's name, or the other name of it that the place prints (``Huế``, not ``Thừa Thiên Huế``)."""
    return next((name for name in unit.aliases if squash(name) == squash(place)), unit.name)


def gazetteer_spelling(place: str, unit: AdminUnit | None, province: str | None) -> str | None:
    """The gazetteer's name for a printed place: the issuer's own unit or province first, then any one unit.

    A place printed as another unit's exact name stays that name (``Hà Nội``
    on a Hà Tĩnh decision is not a damaged ``Hà Tĩnh``): only damaged
    letters are read as the issuer's own unit. So does one printed as a
    unit's exact name when the issuer's unit is unknown: read by its proper
    words alone, ``Hồ chí Minh`` (a slip of case) would be the town ``Hồ``.
    """
    for name in (unit.name, *unit.aliases) if unit is not None else ():
        if squash(name) == squash(place):
            return name  # the issuer's own unit, marks set right
    if province and (local := _in_province(place, province)) is not None:
        return local
    exact = resolve(place, cutoff=EXACT_PLACE_SCORE)
    if exact.candidates and (unit is None or all(u.name != unit.name for u in exact.candidates)):
        names = {_spelt_as_printed(u, place) for u in exact.candidates}
        return names.pop() if len(names) == 1 else None
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
