"""The layout of a plan: header block, type line, trích yếu, preamble, numbered sections, signature, Nơi nhận.

Nghị định 30/2020/NĐ-CP fixes where each part sits, so finding them comes
first and every other extractor reads its own part. Lines keep their
offsets in the document text; markdown marks around a line (``## ``,
``**``) are trimmed from its content, not from the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from rapidfuzz import fuzz

from extractors.matching import squash
from extractors.registry import Extraction, extractor
from extractors.vocabulary import DOC_TYPES

_MARKUP = " \t#*_>|\u00a0"
HEADER_SEARCH_LINES = 40
"""The type line sits within the first lines of the first page."""
TYPE_LINE_SCORE = 86.0
"""Fuzzy score (marks ignored) at which a short capitalised line is taken as a type name."""

_PREAMBLE_CUE = re.compile(
    r"^(?:can\s*c\S{0,2}|th\S{1,3}c\s*h\S{1,3}n|theo\b|x\S{1,2}t\b|tr\S{1,2}n\s*c\S\s*s\S|de\b|nh\S{1,2}m\b|"
    r"qua\b|ph\S{1,2}t\s*huy|ti\S{1,3}p\s*t\S{1,2}c)"
)
"""How a preamble or the first body paragraph opens (Căn cứ, Thực hiện, Theo, Xét, Trên cơ sở, Để, Nhằm …)."""
_SECTION_NUMBER = re.compile(r"^(?P<num>[ivxl1]{1,5}\s*[.\-)]|\d{1,2}(?:\s*\.\s*\d{1,2})*\s*[.)]|[a-zđ]\s*\))\s*\S")
_RULE = re.compile(r"^[-_=.*~\s]{3,}$")


class Line(NamedTuple):
    """One line of the document, markup trimmed."""

    index: int
    """Line number, 0-based."""
    start: int
    """Offset of the content's first character in the document text."""
    end: int
    text: str
    folded: str
    """:func:`~extractors.matching.fold_key` of ``text``: same length, same offsets."""

    @property
    def blank(self) -> bool:
        return not self.text


def split_lines(text: str, folded: str) -> tuple[Line, ...]:
    """Every line with its content span; blank lines stay, as paragraph breaks."""
    lines, offset = [], 0
    for index, raw in enumerate(text.split("\n")):
        lead = len(raw) - len(raw.lstrip(_MARKUP))
        content = raw.strip(_MARKUP)
        start = offset + lead if content else offset
        end = start + len(content)
        lines.append(Line(index, start, end, content, folded[start:end]))
        offset += len(raw) + 1
    return tuple(lines)


@dataclass(frozen=True)
class Layout:
    """Where the parts of a plan are, as lines."""

    lines: tuple[Line, ...]
    type_line: Line | None = None
    doc_type: str | None = None
    """The type name the type line reads as."""
    header: tuple[Line, ...] = ()
    """Lines above the type line: issuer, number, motto, place and date (one or two columns, merged or not)."""
    title: tuple[Line, ...] = ()
    """The trích yếu under the type line."""
    body: tuple[Line, ...] = field(default=())
    """From the preamble to the end."""


def read_type_line(line: Line) -> str | None:
    """The type name a line is, if it is one: short, capitalised, close to a name of Phụ lục III."""
    words = line.text.replace(":", " ").split()
    if not 1 <= len(words) <= 5 or not _mostly_upper(line.text):
        return None
    key = squash(line.text)
    best = max(DOC_TYPES, key=lambda name: fuzz.ratio(squash(name), key))
    return best if fuzz.ratio(squash(best), key) >= TYPE_LINE_SCORE else None


def _mostly_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.7 * len(letters)


def is_body_start(line: Line) -> bool:
    """A preamble cue or a numbered heading: where the trích yếu has ended."""
    return bool(_PREAMBLE_CUE.match(line.folded) or _SECTION_NUMBER.match(line.folded) or _RULE.match(line.text))


def find_layout(lines: tuple[Line, ...]) -> Layout:
    """Header, type line, trích yếu and body of the document."""
    type_line, doc_type = None, None
    for line in lines[:HEADER_SEARCH_LINES]:
        if (name := read_type_line(line)) is not None:
            type_line, doc_type = line, name
            break
    if type_line is None:
        end = next((l.index for l in lines[:HEADER_SEARCH_LINES] if l.text and is_body_start(l) and l.index > 0), 0)
        end = end or min(len(lines), 12)
        return Layout(lines, header=lines[:end], body=lines[end:])
    title: list[Line] = []
    after = type_line.index + 1
    for line in lines[after:]:
        after = line.index
        if line.blank:
            if title:
                break
            continue
        if is_body_start(line) or len(title) == 4:
            break
        title.append(line)
    else:
        after = len(lines)
    return Layout(lines, type_line, doc_type, lines[: type_line.index], tuple(title), lines[after:])


@extractor("structure", assigns=["lines", "layout"])
def extract_structure(ex: Extraction) -> None:
    """Cut the document into its parts for the other extractors."""
    lines = split_lines(ex.text, ex.folded)
    ex.analyses["lines"] = lines
    ex.analyses["layout"] = find_layout(lines)
