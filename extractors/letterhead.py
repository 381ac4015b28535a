"""The cells of a document's header block, found in the block as a whole, however its lines were wrapped.

Nghị định 30/2020/NĐ-CP (and Hướng dẫn 36-HD/VPTW for party documents)
fixes what the header holds: the issuing body (with the body above it), the
số và ký hiệu, and, opposite them, the quốc hiệu and tiêu ngữ (a party
document: ``ĐẢNG CỘNG SẢN VIỆT NAM``) and ``<địa danh>, ngày … tháng …
năm …``; a công văn adds its trích yếu (``V/v …``) under the number. Sites
and OCR hand these cells over in any order and wrapped anywhere: ``ỦY`` /
``BAN NHÂN DÂN``, ``CỘNG`` / ``HÒA XÃ HỘI …``, ``Số:`` / ``36/KH-UBND``,
``Sơn`` / ``La, ngày 11 tháng 3`` / ``năm 2020``, two cells on one line
(``UBND TỈNH X Số: 172/2015/QĐ-UBND``), cells apart only by ``|`` or a run
of spaces. So the header's lines are cut at such separators into
:class:`Piece` s, the pieces are joined into one :class:`Stream`, and each
cell is found in the stream by its own vocabulary: wraps no longer matter,
and what no cell claims is the issuer's name.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from khplan.extractors.dates import DAY, WRITTEN_DATE, FoundDate, to_date
from khplan.extractors.gazetteer import KINDS_BY_LENGTH, resolve
from khplan.extractors.matching import fold_key, ocr_digits, tolerant
from khplan.extractors.terms import REFERENCE_KINDS, canonical_code

MOTTOS: dict[str, str] = {
    "national": "cong hoa xa hoi chu nghia viet nam",
    "slogan": "doc lap - tu do - hanh phuc",
    "party": "dang cong san viet nam",
}
"""Quốc hiệu, tiêu ngữ, and the party's line that stands in their place (folded)."""
MOTTO_WORDS = frozenset(" ".join(MOTTOS.values()).replace("-", " ").split()) | frozenset(
    a + b for motto in MOTTOS.values() for a, b in itertools.pairwise(motto.replace("-", " ").split())
)
"""Every word of the mottos, and every two in a row run together (``VIỆTNAM``: a site's lost space)."""
FORMER_MOTTOS: dict[str, str] = {"former_national": "viet nam dan chu cong hoa"}
"""The quốc hiệu until 1976 (Việt Nam Dân chủ Cộng hòa), over the same tiêu ngữ. Its words stay out of
:data:`MOTTO_WORDS`: ``DÂN`` alone is the end of a wrapped ``ỦY BAN NHÂN`` / ``DÂN``, no piece of a motto."""
_ALL_MOTTOS = {**MOTTOS, **FORMER_MOTTOS}
_WORDS_OF = {kind: MOTTO_WORDS for kind in MOTTOS} | {kind: frozenset(m.split()) for kind, m in FORMER_MOTTOS.items()}
"""The words an alignment of each motto is trimmed to."""
MOTTO_SCORE = 75.0
FORMER_MOTTO_SCORE = 90.0
"""The former quốc hiệu shares words with the issuer's (``NHÂN DÂN``, ``CỘNG HÒA``): it must be printed near whole."""
MOTTO_SHARE = 0.75
"""Share of a motto's length an alignment must cover: ``XÃ HỘI`` alone is not the quốc hiệu."""

_CELL_BREAK = re.compile(r"\s*(?:\|+|\\[rn]|\*{2,}|-{3,}|_{3,}|={3,}|\s{3,})\s*")
"""Where a header line holds two cells: a table's ``|``, a run of spaces, a rule, a site's escaped line break."""

_CODE_PART = r"[a-z0-9][a-z0-9.&]*"
_CODE = rf"[-/]\s*{_CODE_PART}(?:(?:\s*[-/](?:\s*-)?\s*|\s+\.(?=[a-z])){_CODE_PART})*"
"""The ký hiệu after the số; a dash OCR doubled from a speck (``717/QĐ- -UBND``) still joins two segments, as does an
older code's dot after a space (``29/1998/QĐ .UB``)."""
NUMBER = re.compile(
    rf"(?<![a-z0-9])[s§$][o0-9eb]{{0,2}}\s*(?P<colon>[:;.])?\s*(?P<num>[0-9\]|!l]{{0,4}}\d[0-9\]|!l]{{0,4}}[a-z]?)"
    rf"\s*(?P<code>{_CODE}|(?P<bare>[a-z]{{2,}}\s*(?P<after_type>[-/])\s*[a-z][a-z0-9.&]*(?:\s*[-/]\s*[a-z0-9.&]+)*))"
)
"""``Số: 69 /KH-UBND``, ``S6: 69``, ``S60: 44`` (restored legacy OCR), ``Số 09-CTr/TU`` in folded text; ``Số: 23
NQ/HĐND10`` (before about 2000 the số and the type stood apart, a slash after the type)."""
MISREAD_LABEL_NUMBER = re.compile(rf"(?<![a-z0-9])(?:[58][o0-9]?|6)\s*[:;]\s*(?P<num>\d{{1,5}})\s*(?P<code>{_CODE})")
"""``86: 465-TTg``, ``6: 74/KH-UBND``, ``56:54 /2004/…``: the label ``Số:`` as legacy OCR of a poor scan reads it (S as
8 or 5, ố as 6), its colon kept; taken only at a cell's start, where no label reads ``Số``."""
SPECKS_BEFORE_LABEL = " -–—~_‘'\"|.,"
BLANK_NUMBER = re.compile(
    rf"(?<![a-z0-9])s[o0-9]{{0,2}}\s*[:;.]\s*(?P<code>/\s*{_CODE_PART}(?:\s*[-/]\s*{_CODE_PART})*"
    rf"|[a-z][a-z.&]*(?:\s*[-/]\s*{_CODE_PART})+(?![\w/]))"
)
"""``Số:      /KH-UBND``: a number left blank to be filled in by hand, its ký hiệu printed (OCR may drop the slash of
the blank: ``Số: KH-UBND``)."""
SUBJECT_MARK = r"(?:(?:v\s*[/il1|]\s*v|w/v|v/y|vw)\b|vv\s*[:.])"
"""``V/v`` (về việc), folded, as printed and as legacy OCR reads it: ``Viv``, ``W/v``, ``V/y``, ``VW``, and with its
colon ``Vv:`` (``vv`` alone is as often a speck's reading)."""
SUBJECT = re.compile(rf"(?<![a-z])(?:{SUBJECT_MARK}\s*[:.]?|ve\s+viec\b)")
"""A công văn's trích yếu under its number, opened by ``V/v`` or ``Về việc``."""
SUBJECT_OPENING = re.compile(r"ve(?:\s*:)?\s+(?!viec)\S")
"""``Về …`` opening a piece of its own under the number: a trích yếu printed without ``V/v``."""
MARKS = frozenset(
    {"khan", "hoa toc", "thuong khan", "mat", "toi mat", "tuyet mat", "du thao", "ban sao", "trang", "dang ngay"}
)
"""Marks stamped or printed near the header (độ khẩn, độ mật, dự thảo) that name no body (folded)."""
PLACE_NAME_SCORE = 95.0
"""How close the words after a stray capital must be to a unit's name to be the place without it."""
PLACE_WORDS = 6
"""A place name (địa danh) has at most this many words (``Thành phố Hồ Chí Minh``, ``Bà Rịa - Vũng Tàu``)."""


@dataclass(frozen=True)
class Piece:
    """Part of a header line that belongs to one cell, with its offsets in the document text."""

    start: int
    end: int
    text: str
    folded: str


def cut_pieces(start: int, text: str, folded: str) -> list[Piece]:
    """A header line's pieces: cut where a site or OCR put two cells on one line, stripped of specks."""
    pieces = []
    pos = 0
    glued = [(m.start(), m.end()) for m in _GLUED_NUMBER.finditer(text) if text[m.start() - 2 : m.start()].isupper()]
    gaps = sorted([*((m.start(), m.end()) for m in _CELL_BREAK.finditer(text)), *glued])
    for gap in [*gaps, None]:
        end = gap[0] if gap else len(text)
        if end < pos:
            continue
        raw = text[pos:end]
        lead = len(raw) - len(raw.lstrip(_EDGES))
        body = raw.strip(_EDGES)
        if any(c.isalnum() for c in body):
            a = pos + lead
            pieces.append(Piece(start + a, start + a + len(body), body, folded[a : a + len(body)]))
        pos = gap[1] if gap else len(text)
    return pieces


_GLUED_NUMBER = re.compile(r"(?<=\w\w)[§$]?(?=S[ốỐ]\s*:)")
"""``XÃ TRƯỜNG TRUNGSố: /BC-UBND``: a site lost the break between the issuer's line and the number (the name before it
in capitals)."""


_EDGES = " \t;|_.ˆ'`~“”\"*-–—"
"""What a piece's edges shed: separators, rules, and specks of a poor scan."""


class Stream:
    """The header's pieces joined by single spaces, each character mapped back to the document.

    A cell wrapped over two lines (``Sơn`` / ``La, ngày``) is contiguous
    here; :meth:`doc` turns a stream offset into a document offset.
    """

    def __init__(self, pieces: Sequence[Piece]) -> None:
        self.pieces = list(pieces)
        self.text = " ".join(p.text for p in self.pieces)
        self.folded = " ".join(p.folded for p in self.pieces)
        self.starts: list[int] = []
        pos = 0
        for piece in self.pieces:
            self.starts.append(pos)
            pos += len(piece.text) + 1

    def piece_at(self, pos: int) -> int:
        """Index of the piece holding stream offset ``pos`` (the one before, for the space between two)."""
        index = 0
        for i, start in enumerate(self.starts):
            if start <= pos:
                index = i
        return index

    def doc(self, pos: int, *, end: bool = False) -> int:
        """The document offset of stream offset ``pos`` (``end``: of the character before it, plus one)."""
        if end and pos > 0:
            return self.doc(pos - 1) + 1
        i = self.piece_at(pos)
        return self.pieces[i].start + min(pos - self.starts[i], len(self.pieces[i].text))

    def begins_piece(self, pos: int) -> bool:
        return pos in self.starts


@dataclass(frozen=True)
class Cell:
    """One cell found in the stream: ``start``/``end`` are stream offsets."""

    kind: str
    """``national``, ``slogan``, ``party``, ``number``, ``blank_number``, ``date``, ``place``, ``subject``."""
    start: int
    end: int


def _snap(folded: str, pos: int) -> int:
    """The word boundary nearest to ``pos``: fuzzy alignments can start a letter early or late."""
    left = pos
    while left > 0 and not folded[left - 1].isspace():
        left -= 1
    right = pos
    while 0 < right < len(folded) and not folded[right - 1].isspace():
        right += 1
    return left if pos - left <= right - pos else right


def find_mottos(folded: str) -> list[Cell]:
    """Quốc hiệu, tiêu ngữ and the party line in ``folded``, as printed or OCR-damaged; never overlapping."""
    found: list[tuple[float, Cell]] = []
    for kind, motto in _ALL_MOTTOS.items():
        cutoff = FORMER_MOTTO_SCORE if kind in FORMER_MOTTOS else MOTTO_SCORE
        alignment = fuzz.partial_ratio_alignment(motto, folded, score_cutoff=cutoff)
        if alignment is None or alignment.dest_end - alignment.dest_start < MOTTO_SHARE * len(motto):
            continue
        start = _snap(folded, alignment.dest_start)
        end = _snap(folded, alignment.dest_end) if alignment.dest_end < len(folded) else alignment.dest_end
        start, end = _motto_words_only(folded, start, end, _WORDS_OF[kind])
        if kind == "party" and (
            end - start < MOTTO_SHARE * len(motto) or not re.search(r"\b(?:dang|san)\b", folded[start:end])
        ):
            continue  # "… KHOÁNG SẢN VIỆT NAM", "… VÀ CÔNG NGHIỆP VIỆT NAM": a body's name, no ĐẢNG CỘNG SẢN VIỆT NAM
        found.append((alignment.score, Cell(kind, start, end)))
    if not any(cell.kind == "national" for _, cell in found):
        found += _national_halves(folded)
    cells: list[Cell] = []
    for _, cell in sorted(found, key=lambda sc: -sc[0]):
        for other in cells:  # an alignment that took the end of a better one's words ("… VIỆT NAM Độc lập-"): cut off
            if other.start <= cell.start < other.end < cell.end:
                start, end = _motto_words_only(folded, other.end, cell.end, _WORDS_OF[cell.kind])
                if end - start >= MOTTO_SHARE * len(_ALL_MOTTOS[cell.kind]):
                    cell = Cell(cell.kind, start, end)
        if not any(cell.start < other.end and other.start < cell.end for other in cells):
            cells.append(cell)
    return sorted(cells, key=lambda c: c.start)


_NATIONAL_HALVES = ("cong hoa xa hoi", "chu nghia viet nam")
HALF_SCORE = 90.0
HALVES_APART = 80
"""Letters at most between the quốc hiệu's two halves that legacy OCR, merging the columns line by line, put a line of
the left cell between (``ỦY BAN NHÂN CỘNG HÒA XÃ HỘI`` / ``DÂN | Bắc Giang, ngày …`` / ``CHỦ NGHĨA VIỆT NAM``)."""


def _national_halves(folded: str) -> list[tuple[float, Cell]]:
    """The quốc hiệu's two halves with a piece of another cell between them, as two cells."""
    halves = []
    for half in _NATIONAL_HALVES:
        alignment = fuzz.partial_ratio_alignment(half, folded, score_cutoff=HALF_SCORE)
        if alignment is None:
            return []
        start, end = _motto_words_only(
            folded, _snap(folded, alignment.dest_start), alignment.dest_end, frozenset(half.split())
        )
        halves.append((alignment.score, Cell("national", start, end)))
    (_, first), (_, second) = halves
    if not (first.end < second.start <= first.end + HALVES_APART and folded[first.end : second.start].strip()):
        return []
    return halves


def _motto_words_only(folded: str, start: int, end: int, allowed: frozenset[str]) -> tuple[int, int]:
    """An alignment trimmed of the words at its ends that are no motto's (``DÂN`` of ``NHÂN DÂN CHỦ NGHĨA …``)."""
    words = [m for m in re.finditer(r"[^\s\-–—.,]+", folded[start:end])]
    while words and words[0].group(0) not in allowed:
        words.pop(0)
    while words and words[-1].group(0) not in allowed:
        words.pop()
    return (start + words[0].start(), start + words[-1].end()) if words else (start, end)


def outside(cells: Iterable[Cell], start: int, end: int | None = None) -> bool:
    """Whether ``[start, end)`` (or the offset ``start``) overlaps none of ``cells``."""
    end = start + 1 if end is None else end
    return not any(c.start < end and start < c.end for c in cells)


@dataclass(frozen=True)
class NumberCell:
    cell: Cell
    number: str | None
    """``69/KH-UBND``: digits read through OCR damage, code spelt as printed; None when left blank."""
    code: str
    number_start: int
    """Stream offset of the digits (after ``Số:``)."""


def _code_end(text: str, start: int, end: int) -> int:
    """Where the ký hiệu ends: before a dash set off by a space that a word in small letters follows (``QĐ-UBND —
    Căn cứ …``, a body printed beside the header), which no segment of a code is."""
    for sep in re.finditer(r"\s*[-–—]+\s*", text[start:end]):
        if not sep.group(0).strip() or sep.group(0) == sep.group(0).strip():
            continue  # no dash, or a dash inside the code ("KH-UBND")
        word = re.match(r"[^\s/-]*", text[start + sep.end() : end])
        letters = [c for c in (word.group(0) if word else "") if c.isalpha()]
        if letters and sum(c.islower() for c in letters) > len(letters) / 2:
            return start + sep.start()
    if (glued := _GLUED_MOTTO.search(text, start)) is not None and start < glued.start() < end:
        return glued.start()  # "12 /2008/QĐ-BCTCỘNG HOÀ …": a site that lost its line breaks glued the motto on
    return end


_GLUED_MOTTO = re.compile(r"(?<=[A-ZĐ0-9])(?:CỘNG|VIỆT|ĐẢNG)(?=\s*(?:HOÀ|HÒA|NAM|CỘNG)\b)")
"""The quốc hiệu's (or the party's motto's) first word glued to the end of a ký hiệu."""


def find_number(stream: Stream, taken: Sequence[Cell]) -> NumberCell | None:
    """The số và ký hiệu: ``Số`` with a colon anywhere, without one where a piece or cell begins.

    A site's summary of the header printed above the document's own (``Số: 211/CT`` … ``Số: 211-CT``) gives the
    same number twice: the document's own, the later, is the one printed on it.
    """
    first = _first_number(stream, taken)
    if first is None:
        return None
    after = [*taken, first.cell]
    again = _first_number(stream, after)
    if (
        again is not None
        and again.number
        and first.number
        and again.number != first.number
        and re.sub(r"\W", "", again.number) == re.sub(r"\W", "", first.number)
    ):
        return again
    return first


def _first_number(stream: Stream, taken: Sequence[Cell]) -> NumberCell | None:
    folded, text = stream.folded, stream.text
    for match in NUMBER.finditer(folded):
        if not outside(taken, match.start()):
            continue
        if match.group("colon") is None and not _cell_start(stream, taken, match.start()):
            continue
        if text[match.start()].islower() and _cites_another(text[: match.start()], folded[: match.start()]):
            continue
        return _number_cell(text, match)
    for match in BLANK_NUMBER.finditer(folded):
        if outside(taken, match.start()):
            code = canonical_code(re.sub(r"\s+", "", text[match.start("code") : match.end("code")]))
            return NumberCell(Cell("blank_number", match.start(), match.end()), None, kind_code(code), match.end())
    for match in MISREAD_LABEL_NUMBER.finditer(folded):
        if outside(taken, match.start()) and _opens_cell(stream, taken, match.start()):
            return _number_cell(text, match)
    return None


def _opens_cell(stream: Stream, taken: Sequence[Cell], pos: int) -> bool:
    """Whether a cell may begin here, specks before it (``‘86: 414/…``) aside."""
    while not _cell_start(stream, taken, pos):
        if pos == 0 or stream.folded[pos - 1] not in SPECKS_BEFORE_LABEL:
            return False
        pos -= 1
    return True


def _number_cell(text: str, match: re.Match[str]) -> NumberCell:
    start, end = match.start("num"), _code_end(text, match.start("code"), match.end("code"))
    num, _ = ocr_digits(text[start : match.end("num")])
    code = canonical_code(re.sub(r"([-/])-+", r"\1", re.sub(r"\s+", "", text[match.start("code") : end])))
    if match.groupdict().get("bare") and match.group("after_type") == "-":
        code = "/" + code  # "71KH-UBND": OCR lost the slash between the số and the ký hiệu
    # "23 NQ/HĐND10", "4155QĐ/ BTP": the older style, số and type apart, the slash after the type; as printed
    return NumberCell(Cell("number", match.start(), end), num + code, kind_code(code), start)


ANNEX = re.compile(r"\bkem\s+theo\b")
"""``(Ban hành) kèm theo Quyết định số … ngày … của …``, folded: an annex (Quy chế, Quy định) cites the decision it
came with in its header, and prints no number or date of its own."""
_REFERENCE_KINDS = "|".join(r"\s+".join(fold_key(k).split()) for k in sorted(REFERENCE_KINDS, key=len, reverse=True))
"""The kinds of documents a preamble cites, folded, as one alternation."""
_CITED_KIND = re.compile(rf"\b(?:kem\s+theo|{_REFERENCE_KINDS})\s*$")
"""A kind of document (or ``kèm theo``) just before ``Số``, folded."""


def _cites_another(text: str, folded: str) -> bool:
    """Whether ``số`` follows a kind of document in an annex's ``kèm theo`` line: ``(Ban hành kèm theo Quyết định số:
    59/QĐ-UBND ngày …)`` cites the decision the annex came with. The document's own ``Số:`` opens its cell with a
    capital (ND30), even where a site ran the type before it (``Công văn Số: 1357/…``); a site's heading (``Kế hoạch
    số 12/KH-UBND ngày …``) names the document itself where no ``kèm theo`` comes before it."""
    found = _CITED_KIND.search(folded)
    return (
        found is not None
        and ANNEX.search(folded) is not None
        and not text[found.start() : found.end()].strip().isupper()
    )


def kind_code(code: str) -> str:
    """The ký hiệu without the year a regulation's number carries (``/2023/QĐ-UBND`` → ``QĐ-UBND``)."""
    return re.sub(r"^[-/]*(?:(?:19|20)\d\d\s*/)?", "", code)


def _cell_start(stream: Stream, taken: Sequence[Cell], pos: int) -> bool:
    """Where a cell may begin: a piece's start, or right after another cell."""
    if stream.begins_piece(pos):
        return True
    before = stream.folded[:pos].rstrip()
    return any(c.end == len(before) or c.end == pos for c in taken)


@dataclass(frozen=True)
class DateCell:
    date: FoundDate
    """Offsets in the stream."""
    place: Cell | None


def find_date(stream: Stream, taken: Sequence[Cell]) -> DateCell | None:
    """``<địa danh>, ngày … tháng … năm …``: the first written date outside the other cells, and its place.

    When OCR read the columns apart, the place may stand alone in a piece of
    its own elsewhere (``Ninh Thuận,`` … ``ngày 12 tháng 12 năm 2012``): a piece
    that is nothing but a name in title case and a comma is that place.
    """
    for match in WRITTEN_DATE.finditer(stream.folded):
        if not outside(taken, match.start(), match.end()):
            continue
        found = to_date(match)
        if found is None or _cited_date(stream, match.end()) or _citation_before(stream, match.start()):
            continue
        if _CITED_NUMBER_BEFORE.search(stream.folded, max(0, match.start() - CITED_REACH), match.start()):
            continue  # "… tại công văn số 463/VPCP-NN ngày 18 tháng 01 năm 2008 của …": a cited document's date
        place = _place_before(stream, match.start(), taken) or _place_alone(stream, taken)
        return DateCell(found, place)
    return _date_year_apart(stream, taken)


BLANK_DAY = re.compile(
    rf"{tolerant('ngay')}[^\d\s]{{0,3}}\s*{tolerant('thang')}\s*(?:\d{{1,2}}|[^\d\s]{{1,3}})?\s*{tolerant('nam')}\s*(?:19|20)\d\d"
)
"""``Trường Trung, ngày    tháng 12 năm 2017``: a place-and-date line whose day (or month) was left blank, to be filled
in by hand when signed, or that OCR could not read (``ngàyẠẠ tháng ĩ năm 2016``), folded."""


def find_blank_date_place(stream: Stream, taken: Sequence[Cell]) -> Cell | None:
    """The place of a place-and-date line with its day left blank, or its date past reading: the place is printed,
    the date is not read."""
    for match in BLANK_DAY.finditer(stream.folded):
        if outside(taken, match.start(), match.end()):
            return _place_before(stream, match.start(), taken)
    for match in UNREAD_DATE.finditer(stream.folded):
        if outside(taken, match.start(), match.end()):
            return _place_before(stream, match.start(), taken)
    return None


UNREAD_DATE = re.compile(rf"(?<=,)\s*{tolerant('ngay')}\b[^|]{{0,24}}?(?:19|20)\d\d")
"""``Hà Nội, ngày OS thang8nim2025``, ``ngày 03 tháng bốn năm 2018``, ``ngày 19 ee 7 7 năm 2006``: a place-and-date
line whose date a poor scan's OCR spoilt; the comma after the place and the year say what it is (folded)."""


_YEARLESS_DATE = re.compile(
    rf"\b{tolerant('ngay')}\s*{DAY}\s*{tolerant('thang')}\s*(?P<month>\d{{1,2}})\s*{tolerant('nam')}$"
)
_LONE_YEAR = re.compile(r"^(?:19|20)\d\d$")


def _date_year_apart(stream: Stream, taken: Sequence[Cell]) -> DateCell | None:
    """``Yên Bái, ngày 21 tháng 6 năm`` ending its piece, and the year wrapped onto a line of its own that OCR read
    elsewhere in the header (``2019`` under the number): the date, with its year from that line, flagged as read
    through damage. Only when one such year stands alone in the header."""
    years = [piece for piece in stream.pieces if _LONE_YEAR.match(piece.text.strip())]
    if len(years) != 1:
        return None
    for start, piece in zip(stream.starts, stream.pieces, strict=True):
        match = _YEARLESS_DATE.search(piece.folded.rstrip(" ,."))
        if match is None or not outside(taken, start + match.start()):
            continue
        day, _ = ocr_digits(match.group("day"))
        try:
            value = dt.date(int(years[0].text.strip()), int(match.group("month")), int(day))
        except ValueError:
            return None
        found = FoundDate(value, start + match.start(), start + match.end(), True)
        return DateCell(found, _place_before(stream, found.start, taken))
    return None


_OF_A_BODY = re.compile(r"\s*(?:cua|do)\s")


CITED_REACH = 60
_CITED_NUMBER_BEFORE = re.compile(
    rf"\b(?:{_REFERENCE_KINDS}|to\s+trinh|bao\s+cao|van\s+ban)\s+(?:so\s+)?[^\s:]*\d[^\s:]*\s*,?\s*$"
)
"""A document's kind and number right before a date: the date is the cited document's (folded)."""


def _cited_date(stream: Stream, end: int) -> bool:
    """In an annex's header, a date going on with ``của …`` on its line is the cited decision's (``ngày 22 tháng 7 năm
    2021 của Ủy ban nhân dân xã``): the place-and-date line ends with its year."""
    if ANNEX.search(stream.folded) is None:
        return False
    follows = _OF_A_BODY.match(stream.folded, end)
    return follows is not None and stream.piece_at(follows.end()) == stream.piece_at(end - 1)


def _citation_before(stream: Stream, start: int) -> bool:
    """A date a preamble holds (``Căn cứ Nghị định số 76/2013/NĐ-CP ngày 16 tháng 7 năm 2013 …`` read into a header
    whose type line a site dropped): the cited document's, not the place-and-date line's."""
    piece = stream.piece_at(start)
    before = stream.folded[stream.starts[piece] : start]
    return _CITATION.search(before) is not None


_CITATION = re.compile(r"^\W*(?:can\s+cu|thuc\s+hien|thi\s+hanh)\b")
"""A piece opening as a preamble does (folded); a post's caption ``Công văn số 972/SNV-CCHC ngày 18/7/2018 V/v …``
is the document's own number and date."""


_LONE_PLACE = re.compile(r"^(?:T[Pp]\.?\s+)?[^\W\d_][^\s,]*(?:\s+\w[^\s,]*){0,4}\s*,$")


def _place_alone(stream: Stream, taken: Sequence[Cell]) -> Cell | None:
    for start, piece in zip(stream.starts, stream.pieces, strict=True):
        words = piece.text.rstrip(" ,").split()
        title_case = all(w[:1].isupper() or w[:1].isdigit() for w in words) and not piece.text[:-1].isupper()
        if _LONE_PLACE.match(piece.text) and title_case and outside(taken, start):
            return Cell("place", start, start + len(piece.text.rstrip(" ,")))  # "Ninh Thuận," alone
    return None


def _place_before(stream: Stream, date_start: int, taken: Sequence[Cell]) -> Cell | None:
    """The địa danh before ``, ngày``: the words just before it, back to another cell, opening with a capital.

    A place is printed in title case (``Sơn La``, ``Thành phố Hồ Chí Minh``,
    ``TP. Hồ Chí Minh``, ``Quận 8``; a slip such as ``Quảng trị`` happens);
    the issuer's capitals before it on a merged line (``TỈNH SƠN LA Sơn La,
    ngày``) and a number's code are not part of it.
    """
    text = stream.text
    floor = max([c.end for c in taken if c.end <= date_start] + [0])
    before = text[floor:date_start].rstrip(" ,.")
    words = list(re.finditer(r"\S+", before))
    kept: list[re.Match[str]] = []
    date_piece = stream.piece_at(date_start)
    for index in range(len(words) - 1, -1, -1):
        word = words[index].group(0)
        if len(kept) == PLACE_WORDS or not (_place_word(word) or (not kept and _capitalised_last(words, index))):
            break
        piece = stream.piece_at(floor + words[index].start())
        if kept and piece != date_piece and not _place_fragment(stream.pieces[piece].text):
            break  # "V/v … công nghiệp hỗ trợ Việt Nam." / "Hà Nội, ngày …": the line above is a subject, no place
        kept.insert(0, words[index])
    while kept and not _opens_a_place(kept[0].group(0)):
        kept.pop(0)
    own = [m for m in kept if stream.piece_at(floor + m.start()) == date_piece]
    if own and len(own) < len(kept) and not _names_a_unit(_words_text(text, floor, kept)):
        kept = own  # "… vùng Tây" / "Bắc” Hà Nội, ngày": the subject's wrapped end, not "Sơn" / "La, ngày"
    if len(kept) > 1 and _stray_capitals(kept[0].group(0)):
        rest = text[floor + kept[1].start() : floor + kept[-1].end()]
        if len(kept) > 3 or resolve(rest, cutoff=PLACE_NAME_SCORE).candidates:
            kept.pop(0)  # "VỤ Hà Nội" (the issuer's BỘ NỘI VỤ wrapped) is Hà Nội; "HA Nội" (OCR's capitals) stays
    kept = _without_words_before(_named_end(text, floor, kept))
    if not kept:
        return None
    junk = len(kept[0].group(0)) - len(kept[0].group(0).lstrip(_OCR_JUNK))
    return Cell("place", floor + kept[0].start() + junk, floor + kept[-1].end())


_KIND_BEFORE = re.compile(rf"^(?:T[PX]\.?|{'|'.join(KINDS_BY_LENGTH)})\s*", re.IGNORECASE)
"""A unit's kind before its name in a place (``TP``, ``Quận``): the gazetteer knows the name alone."""


def _words_text(text: str, floor: int, words: list[re.Match[str]]) -> str:
    return text[floor + words[0].start() : floor + words[-1].end()]


def _names_a_unit(place: str) -> bool:
    """Whether a place as printed (its kind word aside) is a unit's name in the gazetteer."""
    return bool(resolve(_KIND_BEFORE.sub("", place), cutoff=PLACE_NAME_SCORE).candidates)


MIN_PLACE_LETTERS = 3
"""A unit's name has this many letters at least (``Huế``; the ``I`` a broken font left of ``Nội`` is none)."""


def _named_end(text: str, floor: int, kept: list[re.Match[str]]) -> list[re.Match[str]]:
    """``… Khu CNC Hoà Lạc Hà Nội, ngày`` (a subject run onto the place's line): when the words are no unit's name
    but their last ones are, those (the longest such run); else all of them."""
    if len(kept) < 3 or _names_a_unit(_words_text(text, floor, kept)):
        return kept
    dashes = {"-", "–"}
    for start in range(2, len(kept)):  # a subject's two words at least; never inside "Bà Rịa - Vũng Tàu"
        if dashes & {kept[start - 1].group(0), kept[start].group(0)}:
            continue
        rest = _words_text(text, floor, kept[start:])
        if sum(c.isalpha() for c in _KIND_BEFORE.sub("", rest)) >= MIN_PLACE_LETTERS and _names_a_unit(rest):
            return kept[start:]
    return kept


def _place_fragment(text: str) -> bool:
    """A line that may be the first half of a place wrapped over two (``Sơn`` / ``La, ngày …``): place words only."""
    words = text.rstrip(" ,.").split()
    return len(words) <= PLACE_WORDS and all(_place_word(word) for word in words)


def _without_words_before(kept: list[re.Match[str]]) -> list[re.Match[str]]:
    """A place without the subject's words OCR ran onto its line (``V/v: Hướng dẫn xét khen Hà Nội, ngày``): the
    title-case run after the last word in small letters, when it is a unit's name and what precedes it no kind word
    (``Thành phố Hồ Chí Minh`` stays whole; ``Long xuyên`` has no run after its small word)."""
    lower = [i for i, m in enumerate(kept) if m.group(0)[:1].islower()]
    if not lower or lower[-1] + 1 >= len(kept):
        return kept
    cut = lower[-1] + 1
    before = fold_key(" ".join(m.group(0) for m in kept[:cut]))
    if any(before.endswith(fold_key(kind)) for kind in KINDS_BY_LENGTH):
        return kept
    rest = " ".join(m.group(0) for m in kept[cut:])
    return kept[cut:] if resolve(rest, cutoff=PLACE_NAME_SCORE).candidates else kept


_OCR_JUNK = "«»‘’“”\"'|_~"
"""Marks OCR reads from specks and rules before a word (``«Đắk Lắk, ngày``): not part of the place."""


def _place_word(word: str) -> bool:
    """A word a place name may hold: in title case or small letters, a number, ``TP.``, a dash; not in capitals."""
    core = word.strip(",.").lstrip(_OCR_JUNK)
    if word in {"-", "–"} or re.fullmatch(r"T[PpXx]\.?", word) or _stray_capitals(word):  # TP., TX.; "HA Nội"
        return True
    if not core or "/" in core:
        return False
    if core.isdigit():
        return len(core) <= 2
    core = re.sub(r"^T[Pp]\.(?=\w)", "", core)  # "TP.Hồ Chí Minh": the kind glued to the name
    # "R'Lấp" of "Đắk R'Lấp", "Rịa-Vũng" of "Bà Rịa-Vũng Tàu": each part in title case
    parts = re.split(r"['’\-–]", core)
    return all(part.isalpha() and part[1:] == part[1:].lower() for part in parts)


def _capitalised_last(words: Sequence[re.Match[str]], index: int) -> bool:
    """A place's last word OCR read in capitals after one in title case (``Hà NỘI, ngày``): still the place's."""
    core = words[index].group(0).strip(",.")
    before = words[index - 1].group(0) if index else ""
    return core.isalpha() and core.isupper() and before[:1].isupper() and before[1:].islower() and before.isalpha()


def _stray_capitals(word: str) -> bool:
    """A word of one or two capitals (``HA`` of OCR's ``HA Nội``, ``VỤ`` of a wrapped ``BỘ NỘI VỤ``), not ``TP``,
    ``TX`` (thành phố, thị xã)."""
    return 1 <= len(word) <= 2 and word.isalpha() and word.isupper() and word not in {"TP", "TX"}


def _opens_a_place(word: str) -> bool:
    return word.lstrip(_OCR_JUNK)[:1].isupper()


def find_subject(stream: Stream, taken: Sequence[Cell]) -> Cell | None:
    """``V/v …`` (or ``Về việc …``, or a piece opening ``Về …``) under a công văn's number, up to the next cell."""
    found = [m.start() for m in SUBJECT.finditer(stream.folded)]
    found += [
        start
        for start, piece in zip(stream.starts, stream.pieces, strict=True)
        if SUBJECT_OPENING.match(piece.folded) and not _in_capitals(_own_words(stream, taken, start, piece))
    ]
    for start in sorted(found):
        if not outside(taken, start):
            continue
        later = [c.start for c in taken if c.start > start]
        later += [s for s, p in zip(stream.starts, stream.pieces, strict=True) if s > start and is_mark(p.folded)]
        end = min(later, default=len(stream.folded))
        while (mark := _TRAILING_MARK.search(stream.folded, start, end)) is not None:
            end = mark.start()
        return Cell("subject", start, _without_capital_pieces(stream, start, end))
    return None


def _without_capital_pieces(stream: Stream, start: int, end: int) -> int:
    """A subject in small letters ends before a piece in capitals after it (``V/v chỉ tiêu báo cáo thống kê`` /
    ``VIỆT NAM``): the issuer's wrapped last words, read by OCR on the right column's line."""
    if _in_capitals(stream.text[start:end]):
        return end
    for piece_start in sorted((s for s in stream.starts if start < s < end), reverse=True):
        rest = stream.text[piece_start:end]
        if not _in_capitals(rest) or len(re.findall(r"[^\W\d_]{2,}", rest)) < 2 or re.search(r"\d", rest):
            break
        end = piece_start
    return end


def _own_words(stream: Stream, taken: Sequence[Cell], start: int, piece: Piece) -> str:
    """A piece's words up to the next cell in it (``VỀ CHUYỂN ĐỔI SỐ`` of ``… SỐ Hà Nội, ngày …``)."""
    return stream.text[start : min([c.start for c in taken if start < c.start] + [start + len(piece.text)])]


def _in_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.7 * len(letters)


_TRAILING_MARK = re.compile(r"\s+(?:khan|hoa toc|thuong khan|mat|toi mat)\s*$")


def is_mark(folded: str) -> bool:
    """``KHẨN``, ``DỰ THẢO``, ``Trang 1``: printed near the header, naming no body."""
    key = " ".join(re.sub(r"[^a-z ]", " ", folded).split())
    return key in MARKS or key.startswith(("trang ", "dang ngay"))


def motto_line(folded: str) -> bool:
    """A line that is a motto (or a piece of one), not a title naming ``Đảng Cộng sản Việt Nam`` in passing."""
    if motto_fragment(folded):
        return True
    covered = sum(c.end - c.start for c in find_mottos(folded))
    return covered >= MOTTO_LINE_SHARE * len(folded.strip())


MOTTO_LINE_SHARE = 0.8


_NAME_WORDS = frozenset({"viet", "nam"})
"""Motto words that also end names (``… DÂN TỘC THIỂU SỐ VIỆT NAM``): alone, no fragment of a motto."""


def motto_fragment(folded: str) -> bool:
    """A piece made only of motto words: ``CỘNG``, ``HÒA XÃ HỘI``, a tiêu ngữ cut across lines."""
    words = re.sub(r"[-–—.,]", " ", folded).split()
    if {"dan", "chu"} <= set(words) and set(words) <= _FORMER_WORDS:
        return True  # "NAM DÂN CHỦ CỘNG HÒA" under "VIỆT" wrapped away: the former quốc hiệu, cut
    return bool(words) and all(w in MOTTO_WORDS for w in words) and not set(words) <= _NAME_WORDS


_FORMER_WORDS = frozenset(FORMER_MOTTOS["former_national"].split())


_TOLERANT_NGAY = re.compile(rf"\b{tolerant('ngay')}\b")
