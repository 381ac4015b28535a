"""Reading order of a page from Tesseract's word boxes: two-column zones read column by column.

An administrative document (Nghị định 30/2020/NĐ-CP) opens with two columns —
issuer over number on the left, national motto over place and date on the
right — and closes with two more (Nơi nhận | signature). Tesseract's page
segmentation often takes each pair as one line ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ
HỘI CHỦ NGHĨA VIỆT NAM"). The gutter is visible in the boxes: a gap between
two words far wider than any space between words. A zone is the run of lines
around such gaps that never cross the gutter; it is read left column first,
then right column, each as its own paragraph. Once a zone's gutter is known,
a line next to it whose narrower gap straddles the same gutter is split too:
a long issuer ("UBND TỈNH BÀ RỊA - VŨNG TÀU") leaves less than two line
heights before the motto. Recognition is untouched: this only reorders the
words Tesseract already read.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from khplan.schemas import OcrWord

GUTTER_HEIGHTS = 3.0
"""A gap wider than this many line heights is a gutter, not a space (spaces are ~0.3-0.6)."""
ZONE_GUTTER_HEIGHTS = 1.5
"""Beside a known gutter, a gap this wide across it may be the gutter too..."""
ZONE_GUTTER_SPACES = 3.0
"""...when it is also this many times the line's other spaces (justified text stretches them all alike)."""
_LETTERED = frozenset({"Lu", "Ll", "Lt", "Lo", "Nd", "Nl", "No"})
"""Unicode categories of the characters that make a word a word."""


@dataclass
class Line:
    """Words on one line, and the paragraph they belong to (lines of one paragraph join with ``\\n``)."""

    words: list[OcrWord]
    paragraph: tuple = ()

    @property
    def left(self) -> int:
        return self.words[0].box.left

    @property
    def right(self) -> int:
        return self.words[-1].box.right


Split = tuple[Line, Line, float]
"""A line's left-column part, its right-column part, and the gutter's x between them."""


def _height(line: Line) -> int:
    return max(sorted(w.box.height for w in line.words)[len(line.words) // 2], 1)


def _is_speck(word: OcrWord) -> bool:
    """A 'word' with no letter or digit: a dash, a quote, or dirt Tesseract read as a mark.

    (ˆ is a 'modifier letter', not a letter.)
    """
    return not any(unicodedata.category(ch) in _LETTERED for ch in word.text)


def _gaps(line: Line) -> list[tuple[int, int, int]]:
    """(width, word before, word after) of the gaps between a line's lettered words.

    Specks do not close a gap: a mark of dirt in the header's gutter would
    otherwise hide the gutter and merge the two columns.
    """
    solid = [i for i, word in enumerate(line.words) if not _is_speck(word)]
    return [(line.words[b].box.left - line.words[a].box.right, a, b) for a, b in zip(solid, solid[1:], strict=False)]


def _split(line: Line, before: int, after: int) -> Split:
    """The line cut between two words; specks between them lie in the gutter and are dropped."""
    left, right = line.words[: before + 1], line.words[after:]
    return Line(left, line.paragraph), Line(right, line.paragraph), (left[-1].box.right + right[0].box.left) / 2


def gutter_split(line: Line) -> Split | None:
    """The line's two column parts and the gutter's x, when a gutter runs through it."""
    gaps = _gaps(line)
    if not gaps:
        return None
    gap, before, after = max(gaps)
    return _split(line, before, after) if gap >= GUTTER_HEIGHTS * _height(line) else None


def split_at_gutter(line: Line, gutter: tuple[float, float]) -> Split | None:
    """The line cut at a gap overlapping a known gutter (from, to), when that gap is wide enough."""
    gaps = _gaps(line)
    for n, (gap, before, after) in enumerate(gaps):
        left, right = line.words[before], line.words[after]
        if not (left.box.right < gutter[1] and right.box.left > gutter[0]) or gap < ZONE_GUTTER_HEIGHTS * _height(line):
            continue
        others = sorted(width for m, (width, _, _) in enumerate(gaps) if m != n)
        if not others or gap >= ZONE_GUTTER_SPACES * max(others[len(others) // 2], 1):
            return _split(line, before, after)
    return None


def read_in_columns(lines: list[Line]) -> list[Line]:
    """Lines in reading order: each two-column zone as its left column, then its right column."""
    splits: list[Split | None] = [gutter_split(line) for line in lines]
    zones: dict[int, tuple[int, float]] = {}  # first line -> (end, gutter)
    taken = 0
    for i, split in enumerate(splits):
        if split is None or i < taken:
            continue
        gutter = split[2]
        gap = (split[0].right, split[1].left)
        start = i
        while start > taken and splits[start - 1] is None and _joins(lines, splits, start - 1, gutter, gap):
            start -= 1
        end = i + 1
        while end < len(lines) and (splits[end] is not None or _joins(lines, splits, end, gutter, gap)):
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
        for line, split in zip(lines[i:end], splits[i:end], strict=False):
            if split is not None:
                columns["left"].append(split[0])
                columns["right"].append(split[1])
            else:
                columns[_side(line, gutter) or "left"].append(line)
        for side, column in columns.items():
            out.extend(Line(line.words, ("zone", i, side)) for line in column)
        i = end
    return out


def _joins(lines: list[Line], splits: list[Split | None], i: int, gutter: float, gap: tuple[float, float]) -> bool:
    """Whether line ``i`` belongs to the zone around ``gutter`` (splitting it in ``gap`` if it crosses)."""
    if _side(lines[i], gutter):
        return True
    splits[i] = split_at_gutter(lines[i], gap)
    return splits[i] is not None


def _side(line: Line, gutter: float) -> str | None:
    """Which column a line keeps to, or None when it crosses the gutter."""
    if line.right < gutter:
        return "left"
    if line.left > gutter:
        return "right"
    return None
