"""The text an extractor reads: one string for the whole document, and where each page sits in it."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import NamedTuple, Protocol

from khplan.extractors.matching import fold_key
from khplan.schemas import Box, OcrWord


class PageSpan(NamedTuple):
    """Where one page's text sits in :attr:`DocumentText.text`."""

    page: int
    """Page number, 1-based."""
    start: int
    """Offset of the page's first character, 0-based."""
    end: int
    """Exclusive offset of its end."""


class Page(Protocol):
    """What a page must offer to become part of a :class:`DocumentText` (the pipeline's ``PageText`` does)."""

    @property
    def page_no(self) -> int: ...

    @property
    def text(self) -> str: ...

    @property
    def words(self) -> tuple[OcrWord, ...]: ...

    @property
    def doubtful(self) -> tuple[tuple[int, int, float], ...]: ...


@dataclass(frozen=True)
class DocumentText:
    """A document's text as the pipeline assembled it; evidence spans are offsets into ``text``."""

    text: str
    pages: tuple[PageSpan, ...] = ()
    words: tuple[OcrWord, ...] = ()
    """The OCR'd words, in text order, offsets into ``text``, when the text came from OCR (see :func:`document_of`)."""
    doubtful: tuple[tuple[int, int, float], ...] = ()
    """Words diacritics restoration was unsure of: ``(start, end, confidence)`` offsets into ``text``, in order."""

    def __post_init__(self) -> None:
        # pages read back from JSON or built by hand arrive as plain tuples
        object.__setattr__(self, "pages", tuple(PageSpan(*span) for span in self.pages))
        object.__setattr__(self, "words", tuple(_as_word(word) for word in self.words))
        object.__setattr__(self, "doubtful", tuple(tuple(span) for span in self.doubtful))

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


def _as_word(word: OcrWord | Sequence) -> OcrWord:
    """Words read back from JSON arrive as plain lists, their box too."""
    if isinstance(word, OcrWord):
        return word
    text, box, *rest = word
    return OcrWord(text, Box(*box), *rest)


def document_of(pages: Sequence[Page]) -> DocumentText:
    """One document text from its pages: joined with a line break, each page's span, OCR'd words and
    doubtfully restored words placed on it.

    The pages' text may have been restored since OCR, so each page's words are
    matched to the page's tokens by aligning the two token sequences with
    marks ignored, not by offsets; a word left unmatched is left out rather
    than misplaced.
    """
    parts: list[str] = []
    spans: list[PageSpan] = []
    offset = 0
    for page in pages:
        if parts:
            parts.append("\n")
            offset += 1
        parts.append(page.text)
        spans.append(PageSpan(page.page_no, offset, offset + len(page.text)))
        offset += len(page.text)
    text = "".join(parts)
    placed: list[OcrWord] = []
    doubtful: list[tuple[int, int, float]] = []
    for page, span in zip(pages, spans, strict=True):
        placed.extend(_place_words(page, text, span))
        doubtful.extend((span.start + a, span.start + b, confidence) for a, b, confidence in page.doubtful)
    return DocumentText(text, tuple(spans), tuple(sorted(placed, key=lambda w: w.start)), tuple(sorted(doubtful)))


def _place_words(page: Page, text: str, span: PageSpan) -> list[OcrWord]:
    words = [w for w in page.words if w.text.strip()]
    if not words:
        return []
    tokens = [(m.start() + span.start, m.end() + span.start) for m in re.finditer(r"\S+", text[span.start : span.end])]
    ocr = [fold_key(unicodedata.normalize("NFC", w.text)) for w in words]
    folded = [fold_key(text[a:b]) for a, b in tokens]
    placed = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, ocr, folded, autojunk=False).get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            for word, (a, b) in zip(words[i1:i2], tokens[j1:j2], strict=True):
                placed.append(word._replace(start=a, end=b, page=page.page_no))
    return placed
