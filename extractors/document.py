"""The text an extractor reads: one string for the whole document, and where each page sits in it."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import NamedTuple


class PageSpan(NamedTuple):
    """Where one page's text sits in :attr:`DocumentText.text`."""

    page: int
    """Page number, 1-based."""
    start: int
    """Offset of the page's first character, 0-based."""
    end: int
    """Exclusive offset of its end."""


class OcrWord(NamedTuple):
    """A word OCR read, placed on the document text: where its evidence sits on the page, and how sure OCR was."""

    start: int
    """Offset of the word in :attr:`DocumentText.text`, 0-based."""
    end: int
    page: int
    """Page number, 1-based."""
    box: tuple[int, int, int, int]
    """Left, top, width, height in pixels of the page image."""
    confidence: float
    """Tesseract's word confidence, 0-100."""


@dataclass(frozen=True)
class DocumentText:
    """A document's text as the pipeline assembled it; evidence spans are offsets into ``text``."""

    text: str
    pages: tuple[PageSpan, ...] = ()
    words: tuple[OcrWord, ...] = ()
    """The OCR'd words, in text order, when the text came from OCR (see :func:`with_words`)."""

    def __post_init__(self) -> None:
        # pages read back from JSON or built by hand arrive as plain tuples
        object.__setattr__(self, "pages", tuple(PageSpan(*span) for span in self.pages))
        object.__setattr__(self, "words", tuple(OcrWord(*word) for word in self.words))

    def page_at(self, offset: int) -> int | None:
        """The 1-based page holding ``offset``, or None when the pages are unknown."""
        for span in self.pages:
            if span.start <= offset < span.end or (offset == span.end and span is self.pages[-1]):
                return span.page
        return None

    @classmethod
    def of(cls, document: DocumentText | str) -> DocumentText:
        """Accept a bare string; make the text NFC so that folding keeps character offsets.

        Pages are only kept when normalising changed nothing (their offsets
        would otherwise point elsewhere); every input khplan reads is NFC already.
        """
        if isinstance(document, str):
            document = cls(document)
        nfc = unicodedata.normalize("NFC", document.text)
        if nfc == document.text:
            return document
        return cls(nfc, ())


def with_words(document: DocumentText, pages: Sequence) -> DocumentText:
    """``document`` with the words OCR read on its ``pages`` placed on its text, for boxes and confidences.

    ``pages`` are the pipeline's pages (``page_no``, ``words`` with ``text``,
    box and ``confidence``). Their text may have been restored since OCR, so
    words are matched to the page's tokens by aligning the two token
    sequences with marks ignored, not by offsets; a word left unmatched is
    left out rather than misplaced.
    """
    from khplan.extractors.matching import fold_key

    placed: list[OcrWord] = []
    for page in pages:
        span = next((s for s in document.pages if s.page == page.page_no), None)
        words = [w for w in getattr(page, "words", ()) if w.text.strip()]
        if span is None or not words:
            continue
        tokens = [
            (m.start() + span.start, m.end() + span.start)
            for m in re.finditer(r"\S+", document.text[span.start : span.end])
        ]
        ocr = [fold_key(unicodedata.normalize("NFC", w.text)) for w in words]
        text = [fold_key(document.text[a:b]) for a, b in tokens]
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, ocr, text, autojunk=False).get_opcodes():
            if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
                for word, (a, b) in zip(words[i1:i2], tokens[j1:j2]):
                    placed.append(
                        OcrWord(a, b, page.page_no, (word.left, word.top, word.width, word.height), word.confidence)
                    )
    return DocumentText(document.text, document.pages, tuple(sorted(placed)))
