"""A real document's published text laid out as its print: the two-column header, centred type and title.

Sites publish a document's beginning with the header's cells one after
another and wrapped wherever the page was narrow (``Sơn`` / ``La, ngày 11
tháng 3`` / ``năm 2020``; ``CỘNG`` / ``HÒA XÃ HỘI …``). A scan of the same
document shows what ND30 prescribes: issuer and number on the left, motto
and place-and-date on the right, side by side, each cell on its printed
line. :func:`render_printed` puts the published text back in that shape and
degrades it with :mod:`tools.synth.scans`, so ``make bench-real`` can read
real documents as scans whose text is known.

This decides where ink goes on a rendered page, not what a field is: it
only knows the header's fixed vocabulary (the motto, ``Số``, ``ngày``, the
type names), and is tooling that nothing in khplan imports.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import zip_longest

from PIL import Image, ImageDraw, ImageFont

from khplan.diacritics.orthography import fold
from tools.synth.scans import A4_MM, MM_PER_INCH, QUALITIES, degrade, find_font, split_header_line, strip_markdown

_MOTTO_WORDS = frozenset("cong hoa xa hoi chu nghia viet nam doc lap tu do hanh phuc dang san - – —".split())
_NATIONAL = ("cong hoa xa hoi chu nghia viet nam", "dang cong san viet nam")
_DATE = re.compile(r"\bngay\b.*\d|\bthang\b.*\bnam\b|,\s*ngay\b")
_DATE_TAIL = re.compile(r"^(?:\d{1,2}\s+)?(?:thang|nam)\s+\d")
_NUMBER_ONLY = re.compile(r"^so\s*:?\s*$")
_CELL_GAP = re.compile(r"\s{3,}")
"""Cells of one header row a site ran together, kept apart by a run of spaces."""
_TYPE_NAMES = {
    "ke hoach",
    "quyet dinh",
    "nghi quyet",
    "chi thi",
    "huong dan",
    "thong bao",
    "thong tu",
    "bao cao",
    "ket luan",
    "quy che",
    "quy dinh",
    "chuong trinh",
    "to trinh",
    "de an",
    "phuong an",
    "cong van",
    "chuong trinh hanh dong",
}
_TYPE_KEYS = frozenset(name.replace(" ", "") for name in _TYPE_NAMES)
_BODY_OPENERS = ("can cu", "thuc hien", "theo ", "kinh gui", "de ", "xet ", "nham ", "qua ", "trien khai")
HEADER_LINES = 30
HEADER_PT = 12.0


@dataclass(frozen=True)
class Row:
    """One printed line: a left and a right cell, or one centred or left-aligned text."""

    left: str = ""
    right: str = ""
    align: str = "columns"
    """``columns``, ``center`` or ``left``; ``blank`` for a paragraph gap."""
    bold: bool = False


def _is_motto(folded: str) -> bool:
    words = folded.replace("-", " - ").split()
    return bool(words) and all(w.strip(".,") in _MOTTO_WORDS for w in words)


def _is_type_line(line: str) -> bool:
    """``KẾ HOẠCH``, also as a site spaces it (``K ÉT LUẬN``)."""
    return line.upper() == line and fold(line).strip(" :.").replace(" ", "") in _TYPE_KEYS


def _cells(header: Sequence[str]) -> tuple[list[str], list[str]]:
    """The header's lines as the left column's and the right column's printed lines, wraps undone."""
    left: list[str] = []
    right: list[str] = []
    motto: list[str] = []
    pending_place = ""
    lines = [
        part.strip()
        for line in header
        for cell in _CELL_GAP.split(line)
        for part in (split_header_line(cell) or (cell,))
        if any(c.isalnum() for c in part)
    ]
    for i, line in enumerate(lines):
        folded = fold(line)
        following = fold(lines[i + 1]) if i + 1 < len(lines) else ""
        if _is_motto(folded):
            motto.append(line)
            joined = fold(" ".join(motto))
            if any(joined.endswith(n) for n in _NATIONAL) or "phuc" in joined.split()[-1:]:
                right.append(" ".join(motto))
                motto = []
            continue
        if motto:
            right.append(" ".join(motto))
            motto = []
        if _DATE_TAIL.match(folded) and right and _DATE.search(fold(right[-1])):
            right[-1] += " " + line  # "Khánh Hòa, ngày" / "09 tháng 12 năm 2024"
            continue
        if _DATE.search(folded):
            right.append(f"{pending_place} {line}".strip())
            pending_place = ""
            continue
        if len(line.split()) <= 3 and line[:1].isupper() and re.match(r"^\S+\s*,?\s*ngay\b", following):
            pending_place = line  # "Sơn" / "La, ngày 11 tháng 3"
            continue
        if left and _NUMBER_ONLY.match(fold(left[-1])):
            left[-1] += " " + line  # "Số:" / "36/KH-UBND"
            continue
        left.append(line)
    if motto:
        right.append(" ".join(motto))
    return left, right


def _header_end(lines: Sequence[str]) -> tuple[int, bool]:
    """Where the header ends, and whether a type line (KẾ HOẠCH, QUYẾT ĐỊNH …) is there."""
    for i, line in enumerate(lines[:HEADER_LINES]):
        if _is_type_line(line.strip()):
            return i, True
    for i, line in enumerate(lines[:HEADER_LINES]):  # a công văn: the header ends where the letter begins
        stripped = line.strip()
        longest = max((len(cell.split()) for cell in _CELL_GAP.split(stripped)), default=0)
        if fold(stripped).startswith(_BODY_OPENERS) or (longest > 12 and not stripped.isupper()):
            return i, False
    return min(len(lines), HEADER_LINES), False


def _title_goes_on(title: list[str], line: str) -> bool:
    """A title goes on with a line in lower case (``về xây dựng …``), or in capitals under capitals."""
    if not title:
        return True
    if line[:1].islower():
        return not fold(line).startswith(_BODY_OPENERS)
    return all(t.upper() == t for t in title) and line.upper() == line and any(c.isalpha() for c in line)


def printed_rows(text: str) -> list[Row]:
    """The document's lines as printed rows: header cells side by side, type and title centred, body left."""
    lines = [strip_markdown(line) for line in text.splitlines()]
    end, typed = _header_end(lines)
    left, right = _cells(lines[:end])
    rows = [Row(a, b, bold=True) for a, b in zip_longest(left, right, fillvalue="")]
    rows.append(Row(align="blank"))
    rest = lines[end:]
    if typed:
        rows.append(Row(rest[0].strip(), align="center", bold=True))
        rest = rest[1:]
    title: list[str] = []
    while typed and rest:
        stripped = rest[0].strip()
        if not any(c.isalnum() for c in stripped):
            rest = rest[1:]
            continue
        if not _title_goes_on(title, stripped):
            break
        title.append(stripped)
        rows.append(Row(stripped, align="center", bold=True))
        rest = rest[1:]
    rows.append(Row(align="blank"))
    for line in rest:
        stripped = line.strip()
        rows.append(Row(stripped, align="left") if stripped else Row(align="blank"))
    return rows


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: float) -> list[str]:
    out, current = [], ""
    for word in text.split():
        trial = f"{current} {word}" if current else word
        if current and font.getlength(trial) > width:
            out.append(current)
            current = word
        else:
            current = trial
    return [*out, current] if current else []


def render_printed_pages(text: str, *, dpi: int = 300, size_pt: float = 13.0) -> list[Image.Image]:
    """Clean greyscale A4 pages of a real document's text, laid out as printed (ND30 margins, serif 13 pt)."""

    def px(mm: float) -> int:
        return round(mm / MM_PER_INCH * dpi)

    width, height = px(A4_MM[0]), px(A4_MM[1])
    top, right, bottom, left = px(20), px(15), px(20), px(30)
    size = round(size_pt / 72 * dpi)
    fonts = {bold: ImageFont.truetype(str(find_font("Bold" if bold else "Regular")), size) for bold in (False, True)}
    header_font = ImageFont.truetype(str(find_font("Bold")), round(HEADER_PT / 72 * dpi))  # ND30: 12-13 pt
    line_height = round(size * 1.35)
    text_width = width - left - right
    left_width = text_width * 0.38  # the issuer column; a little gutter before the motto column
    gutter = px(4)
    pages: list[Image.Image] = []
    draw: ImageDraw.ImageDraw | None = None
    y = height

    def next_line() -> ImageDraw.ImageDraw:
        nonlocal draw, y
        if draw is None or y + line_height > height - bottom:
            page = Image.new("L", (width, height), 255)
            pages.append(page)
            draw, y = ImageDraw.Draw(page), top
        return draw

    for row in printed_rows(text):
        font = fonts[row.bold]
        if row.align == "blank":
            y += line_height // 2
            continue
        if row.align == "columns":
            font = header_font
            lefts = _wrap(row.left, font, left_width - gutter)
            rights = _wrap(row.right, font, text_width - left_width - gutter)
            for a, b in zip_longest(lefts, rights, fillvalue=""):
                canvas = next_line()
                canvas.text((left + (left_width - font.getlength(a)) / 2, y), a, font=font, fill=0)
                right_start = left + left_width + gutter
                canvas.text(
                    (right_start + (text_width - left_width - gutter - font.getlength(b)) / 2, y), b, font=font, fill=0
                )
                y += line_height
            continue
        for part in _wrap(row.left, font, text_width):
            canvas = next_line()
            x = left + (text_width - font.getlength(part)) / 2 if row.align == "center" else left
            canvas.text((x, y), part, font=font, fill=0)
            y += line_height
    if not pages:
        next_line()
    return pages


def render_printed(text: str, quality: str, *, seed: int = 0) -> list[Image.Image]:
    """Pages of a real document's text as a scanner of ``quality`` (:data:`tools.synth.scans.QUALITIES`) gives them."""
    rng = random.Random(seed)
    return [degrade(page, QUALITIES[quality], rng) for page in render_printed_pages(text)]
