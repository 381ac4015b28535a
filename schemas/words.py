"""Words OCR read and where they sit on the page: the one word type of khplan.

The reading stage makes them with offsets into their page's text; the
extractors get them placed on the document's text (offsets into that) and
cite their boxes as evidence (``Span.box`` of the record). They are named
tuples, not models: a page holds thousands and they cross process
boundaries by the page.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple


class Box(NamedTuple):
    """A rectangle in pixels of the page image as it came in (before any preprocessing)."""

    left: int
    top: int
    width: int
    height: int

    @property
    def right(self) -> int:
        return self.left + self.width

    @property
    def bottom(self) -> int:
        return self.top + self.height

    @classmethod
    def around(cls, boxes: Iterable[Box]) -> Box:
        """The smallest box holding all of ``boxes`` (at least one)."""
        boxes = list(boxes)
        left, top = min(b.left for b in boxes), min(b.top for b in boxes)
        right, bottom = max(b.right for b in boxes), max(b.bottom for b in boxes)
        return cls(left, top, right - left, bottom - top)


class OcrWord(NamedTuple):
    """One word as OCR read it: its text, its box, how sure the engine was, and where it sits in a text."""

    text: str
    """The word as the engine read it (restoration may have changed the text it is placed on since)."""
    box: Box
    confidence: float
    """The engine's word confidence, 0-100 (Tesseract's; -1 when it gave none)."""
    page: int
    """Page number, 1-based."""
    start: int = 0
    """Offset of the word in the text it is placed on (its page's, or the document's), 0-based."""
    end: int = 0
    """Exclusive end offset in that text."""
