"""Reading order of a page from Tesseract's word boxes: two-column zones read column by column.

An administrative document (Nghị định 30/2020/NĐ-CP) opens with two columns —
issuer over number on the left, national motto over place and date on the
right — and closes with two more (Nơi nhận | signature). Tesseract's page
segmentation often takes each pair as one line ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ
HỘI CHỦ NGHĨA VIỆT NAM"). The gutter is visible in the boxes: a gap between
two words far wider than any space between words. A zone is the run of lines
around such gaps that never cross the gutter; it is read left column first,
then right column, each as its own paragraph. Recognition is untouched: this
only reorders the words Tesseract already read.
"""

from __future__ import annotations

from dataclasses import dataclass

GUTTER_HEIGHTS = 3.0
"""A gap wider than this many line heights is a gutter, not a space (spaces are ~0.3-0.6)."""


@dataclass(frozen=True)
class Word:
    text: str
    left: int
    top: int
    width: int
    height: int
    confidence: float

    @property
    def right(self) -> int:
        return self.left + self.width


@dataclass
class Line:
    """Words on one line, and the paragraph they belong to (lines of one paragraph join with ``\\n``)."""

    words: list[Word]
    paragraph: tuple = ()

    @property
    def left(self) -> int:
        return self.words[0].left

    @property
    def right(self) -> int:
        return self.words[-1].right


def gutter_split(line: Line) -> tuple[Line, Line, float] | None:
    """The line's two column parts and the gutter's x, when a gutter runs through it."""
    height = sorted(w.height for w in line.words)[len(line.words) // 2]
    gaps = [(line.words[i + 1].left - line.words[i].right, i) for i in range(len(line.words) - 1)]
    if not gaps:
        return None
    gap, at = max(gaps)
    if gap < GUTTER_HEIGHTS * max(height, 1):
        return None
    left, right = line.words[: at + 1], line.words[at + 1 :]
    return Line(left, line.paragraph), Line(right, line.paragraph), (left[-1].right + right[0].left) / 2


def read_in_columns(lines: list[Line]) -> list[Line]:
    """Lines in reading order: each two-column zone as its left column, then its right column."""
    splits = [gutter_split(line) for line in lines]
    zones: dict[int, tuple[int, float]] = {}  # first line -> (end, gutter)
    taken = 0
    for i, split in enumerate(splits):
        if split is None or i < taken:
            continue
        gutter = split[2]
        start = i
        while start > taken and splits[start - 1] is None and _side(lines[start - 1], gutter):
            start -= 1
        end = i + 1
        while end < len(lines) and (splits[end] is not None or _side(lines[end], gutter)):
            end += 1
        zones[start], taken = (end, gutter), end
    out: list[Line] = []
    i = 0
    while i < len(lines):
        if i not in zones:
            out.append(lines[i])
            i += 1
            continue
        end, gutter = zones[i]
        columns: dict[str, list[Line]] = {"left": [], "right": []}
        for line, split in zip(lines[i:end], splits[i:end]):
            if split is not None:
                columns["left"].append(split[0])
                columns["right"].append(split[1])
            else:
                columns[_side(line, gutter) or "left"].append(line)
        for side, column in columns.items():
            out.extend(Line(line.words, ("zone", i, side)) for line in column)
        i = end
    return out


def _side(line: Line, gutter: float) -> str | None:
    """Which column a line keeps to, or None when it crosses the gutter."""
    if line.right < gutter:
        return "left"
    if line.left > gutter:
        return "right"
    return None
