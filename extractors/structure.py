"""The layout of a plan: header block, type line, trích yếu, preamble, numbered sections, signature, Nơi nhận.

Nghị định 30/2020/NĐ-CP fixes where each part sits, so finding them comes
first and every other extractor reads its own part. Lines keep their
offsets in the document text; markdown marks around a line (``## ``,
``**``) are trimmed from its content, not from the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from rapidfuzz import fuzz

from khplan.extractors.dates import WRITTEN_DATE
from khplan.extractors.matching import squash, tolerant
from khplan.extractors.registry import Extraction, extractor
from khplan.extractors.terms import DOC_TYPES

_MARKUP = " \t#*_>|\u00a0ˆ`~"
"""Markdown marks, and specks a poor scan leaves at a line's edges."""
_LEAD_NOISE = _MARKUP + ".:,;'"
"""No line opens with a stop or colon; OCR of a speckled margin does (``.. KẾ HOẠCH``, ``: Căn cứ``)."""
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

    number: int
    """Line number, 0-based."""
    start: int
    """Offset of the content's first character in the document text."""
    end: int
    text: str
    folded: str
    """:func:`~extractors.matching.fold_key` of ``text``: same length, same offsets."""
    margin: str = ""
    """What was trimmed before the content: specks, or a list dash OCR read as ``~`` or ``_``."""

    @property
    def blank(self) -> bool:
        return not self.text


def split_lines(text: str, folded: str) -> tuple[Line, ...]:
    """Every line with its content span; blank lines stay, as paragraph breaks."""
    lines, offset = [], 0
    for index, raw in enumerate(text.split("\n")):
        lead = len(raw) - len(raw.lstrip(_LEAD_NOISE))
        content = raw.lstrip(_LEAD_NOISE).rstrip(_MARKUP)
        start = offset + lead if content else offset
        end = start + len(content)
        lines.append(Line(index, start, end, content, folded[start:end], raw[:lead] if content else ""))
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
    closing: tuple[Line, ...] = ()
    """From ``Nơi nhận:`` to the end: recipients and the signature block."""
    blocks: tuple[Block, ...] = ()
    """The body as a tree of numbered sections, items and paragraphs (top level here); closing excluded."""

    @property
    def preamble(self) -> tuple[Block, ...]:
        """Top-level blocks before the first numbered heading: the Căn cứ / Thực hiện lines."""
        out = []
        for block in self.blocks:
            if block.heading:
                break
            out.append(block)
        return tuple(out)

    def sections(self, topic: str) -> list[Block]:
        """The most specific headings about ``topic``, in text order.

        ``II. ĐỐI TƯỢNG, NỘI DUNG, THỜI GIAN`` is about targets only through its
        ``1. Đối tượng``; where no sub-heading names the topic, the heading itself.
        """
        found: list[Block] = []
        handled: list[Block] = []
        for block in walk(self.blocks):
            if not (block.heading and topic in block.topics) or any(a in handled for a in block.ancestors()):
                continue
            handled.append(block)
            inner = [d for d in block.descendants() if d.heading and topic in d.topics]
            found.extend(_outermost(inner) if inner and len(block.topics) > 1 else [block])
        return found


def read_type_line(line: Line) -> str | None:
    """The type name a line is, if it is one: short, capitalised, close to a name of Phụ lục III.

    Specks OCR reads at its ends (``- KẾ HOẠCH m _``) carry no capital and are ignored.
    """
    words = line.text.replace(":", " ").split()
    while words and not any(c.isupper() for c in words[-1]):
        words.pop()
    while words and not any(c.isupper() for c in words[0]):
        words.pop(0)
    if not 1 <= len(words) <= 5 or not _mostly_upper(" ".join(words)):
        return None
    key = squash(" ".join(words))
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
        end = next(
            (ln.number for ln in lines[:HEADER_SEARCH_LINES] if ln.text and is_body_start(ln) and ln.number > 0), 0
        )
        end = end or min(len(lines), 12)
        return Layout(lines, header=lines[:end], body=lines[end:])
    title: list[Line] = []
    header = list(lines[: type_line.number])
    after = type_line.number + 1
    blank = False
    for line in lines[after:]:
        after = line.number
        if line.blank or not any(c.isalnum() for c in line.text):
            blank = True
            continue
        if not title and WRITTEN_DATE.search(line.folded) and len(line.text.split()) <= PLACE_DATE_WORDS:
            header.append(line)  # the right column read after the left: place and date below the type line
            continue
        if is_body_start(line) or len(title) == 4 or (blank and title and not _goes_on(line)):
            break
        title.append(line)
        blank = False
    else:
        after = len(lines)
    return Layout(lines, type_line, doc_type, tuple(header), tuple(title), lines[after:])


PLACE_DATE_WORDS = 12


def _goes_on(line: Line) -> bool:
    """A line that continues a sentence: it opens in lower case (after OCR specks)."""
    letters = line.text.lstrip(" -_'“\".,:")
    return letters[:1].islower()


# --- sections -----------------------------------------------------------------

MARKER_RANKS = {"roman": 10, "number": 20, "subnumber": 30, "letter": 40, "paragraph": 45, "dash": 50, "plus": 60}
"""Nesting of ND30's numbering: I. > 1. > 1.1. > a) > (paragraph) > - > +."""
_MARKERS = (
    ("subnumber", re.compile(r"^(\d{1,2}(?:\s?[.,]\s?\d{1,2})+)\s?[.,)]?\s+(?=\S)")),
    ("number", re.compile(r"^(\d{1,2})(?:\s?[.)/]\s*|,\s+(?=[A-ZĐÀ-Ỹ]))(?=\S)")),
    ("roman", re.compile(r"^([IVX][IVXl1]{0,4})(?P<dot>\s?[.)]\s*|\s+)(?=\S)")),
    ("letter", re.compile(r"^([a-zđ])\s?\)\s*(?=\S)")),
    ("dash", re.compile(r"^([-–—•])[-–—_~=.]*(?:\s*\+(?=\s))?\s*(?=\S)")),
    ("plus", re.compile(r"^(\+)\s*(?=\S)")),
)
HEADING_WORDS = 16
"""A numbered line this short, without a closing full stop, is a heading, not an item."""

TOPICS: dict[str, tuple[str, ...]] = {
    "purpose": ("muc dich",),
    "requirements": ("yeu cau",),
    "targets": ("doi tuong",),
    "content": ("noi dung",),
    "criteria": ("tieu chi", "tieu chuan"),
    "awards": ("hinh thuc", "khen thuong", "danh hieu", "giai thuong"),
    "dossier": ("ho so", "thu tuc", "quy trinh"),
    "timeline": ("thoi gian",),
    "implementation": ("to chuc thuc hien", "trach nhiem"),
    "funding": ("kinh phi",),
    "solutions": ("giai phap",),
}
"""The headings' vocabulary (MỤC ĐÍCH, YÊU CẦU; ĐỐI TƯỢNG; … TỔ CHỨC THỰC HIỆN), folded."""
_CLOSING = re.compile(r"^n\S{1,2}i\s?nh\S{1,3}n\s?:")
"""``Nơi nhận:`` (OCR-damaged too): the recipients and signature follow."""


@dataclass(eq=False)
class Block:
    """A numbered heading, an item (``a)``, ``-``, ``+``) or a paragraph, with what nests under it."""

    kind: str
    """``roman``, ``number``, ``subnumber``, ``letter``, ``paragraph``, ``dash`` or ``plus``."""
    marker: str
    lines: list[Line]
    content_start: int
    """Offset where the text after the marker starts."""
    children: list[Block] = field(default_factory=list)
    parent: Block | None = None

    @property
    def rank(self) -> int:
        return MARKER_RANKS[self.kind]

    @property
    def start(self) -> int:
        return self.content_start

    @property
    def end(self) -> int:
        return self.lines[-1].end

    @property
    def text(self) -> str:
        """The block's own text without its marker, lines joined with single spaces."""
        first = self.lines[0]
        parts = [first.text[self.content_start - first.start :]] + [line.text for line in self.lines[1:]]
        return " ".join(" ".join(parts).split())

    @property
    def heading(self) -> bool:
        if self.kind in {"paragraph", "dash", "plus"}:
            return False
        text = self.text
        return len(text.split()) <= HEADING_WORDS and not text.rstrip().endswith((".", ";"))

    @property
    def topics(self) -> frozenset[str]:
        return heading_topics(self.text) if self.heading else frozenset()

    def ancestors(self) -> list[Block]:
        out, node = [], self.parent
        while node is not None:
            out.append(node)
            node = node.parent
        return out

    def descendants(self) -> list[Block]:
        return list(walk(self.children))


def _outermost(blocks: list[Block]) -> list[Block]:
    return [b for b in blocks if not any(a in blocks for a in b.ancestors())]


def walk(blocks) -> list[Block]:
    """Every block under ``blocks``, depth first, in text order."""
    out = []
    for block in blocks:
        out.append(block)
        out.extend(walk(block.children))
    return out


_TOPIC_PATTERNS = {
    topic: re.compile(r"\b(?:" + "|".join(tolerant(t) for t in terms) + r")\b") for topic, terms in TOPICS.items()
}


def heading_topics(text: str) -> frozenset[str]:
    """What a heading is about (several for ``ĐỐI TƯỢNG, NỘI DUNG, THỜI GIAN``), OCR-tolerant (``MUC PICH``)."""
    key = squash(text)
    return frozenset(topic for topic, pattern in _TOPIC_PATTERNS.items() if pattern.search(key))


_START = re.compile(r"()")
"""The empty match at a line's start: the marker group of an item whose dash was trimmed off."""
_MARGIN_DASH = re.compile(r"[~_=]\s+$")
"""A margin ending in ``~ `` or ``_ ``: OCR's reading of a list dash the speck trimming took off."""


def _marker(line: Line) -> tuple[str, re.Match[str]] | None:
    found = _printed_marker(line)
    if found is None and _MARGIN_DASH.search(line.margin):
        start = _START.match(line.text)
        assert start is not None  # an empty pattern matches any text
        return "dash", start
    return found


def _printed_marker(line: Line) -> tuple[str, re.Match[str]] | None:
    for kind, pattern in _MARKERS:
        if (match := pattern.match(line.text)) is not None:
            if kind == "number" and line.text[match.end(1) : match.end(1) + 1] == "/":
                continue  # "15/10/2023 …" opens a date, not an item
            if kind == "roman" and not match.group("dot").strip() and not _mostly_upper(line.text[match.end() :]):
                continue  # OCR drops the dot of "III." only before a capitalised heading
            return kind, match
    return None


def _starts_paragraph(current: Block, line: Line, blank_before: bool) -> bool:
    """Whether an unmarked line opens a paragraph rather than continuing the block above.

    It does after a sentence's end, or after a short numbered line without
    final punctuation (a heading such as ``2. Thời gian tổ chức thi đua``).
    """
    opens = line.text[:1].isupper() or line.text[:1].isdigit() or line.text[:1] in '“"('
    if not opens:
        return False
    ending = current.lines[-1].text.rstrip()
    if ending.endswith((".", ":", "!", "?")) or (blank_before and ending.endswith(";")):
        return True
    heading_line = current.kind not in {"paragraph", "dash", "plus"} and len(current.lines) == 1
    return heading_line and len(current.text.split()) <= HEADING_LINE_WORDS


HEADING_LINE_WORDS = 12
WRAPPED_LINE = 60
"""A line this long that stops mid-phrase was wrapped: the next line goes on with it."""


def _wrapped_dash(current: Block, kind: str) -> bool:
    """A dash opening a line right after a long line cut mid-phrase (no closing punctuation, not a heading)."""
    return kind == "dash" and _continues(current.lines[-1]) and not (current.heading and len(current.lines) == 1)


def _continues(previous: Line) -> bool:
    """The line was wrapped mid-phrase: long, ending in a letter or digit."""
    return len(previous.text) >= WRAPPED_LINE and previous.text[-1:].isalnum()


_PAGE_NUMBER = re.compile(r"^\d{1,3}$")


def build_blocks(lines: tuple[Line, ...]) -> list[Block]:
    """The body's lines as a tree of blocks, nested by their markers' ranks."""
    roots: list[Block] = []
    stack: list[Block] = []
    current: Block | None = None  # the block the last line went to: its last line is the line before this one
    blank = False
    for line in lines:
        if line.blank or _PAGE_NUMBER.match(line.text):
            blank = True
            continue
        if not any(c.isalpha() for c in line.text) and sum(c.isdigit() for c in line.text) < 2:
            continue  # a scan's specks read as "-", "1...", ": : :" — no word, no item ("10/2023)." is text)
        found = _marker(line)
        if found is not None and current is not None and not blank and _wrapped_dash(current, found[0]):
            found = None  # "… Văn phòng / - Thống kê": a name's dash at a line break, not an item
        if found is not None:
            kind, match = found
            block = Block(kind, match.group(1), [line], line.start + match.end())
        elif current is None or _starts_paragraph(current, line, blank):
            block = Block("paragraph", "", [line], line.start)
        else:
            current.lines.append(line)
            blank = False
            continue
        while stack and (stack[-1].rank >= block.rank or (stack[-1].kind == "paragraph" and block.kind == "paragraph")):
            stack.pop()
        if stack and not stack[-1].heading and stack[-1].kind == "paragraph" and block.rank <= 45:
            stack.pop()
        block.parent = stack[-1] if stack else None
        (block.parent.children if block.parent else roots).append(block)
        stack.append(block)
        current, blank = block, False
    return roots


def split_closing(body: tuple[Line, ...]) -> tuple[tuple[Line, ...], tuple[Line, ...]]:
    """The body before ``Nơi nhận:`` and the closing from it on."""
    for i, line in enumerate(body):
        if _CLOSING.match(line.folded):
            return body[:i], body[i:]
    return body, ()


@extractor("structure", assigns=["analysis.lines", "analysis.layout"])
def extract_structure(ex: Extraction) -> None:
    """Cut the document into its parts for the other extractors."""
    lines = split_lines(ex.text, ex.folded)
    ex.analyses["lines"] = lines
    layout = find_layout(lines)
    body, closing = split_closing(layout.body)
    ex.analyses["layout"] = replace(layout, body=body, closing=closing, blocks=tuple(build_blocks(body)))
