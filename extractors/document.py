"""The text an extractor reads: one string for the whole document, and where each page sits in it."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import NamedTuple


class PageSpan(NamedTuple):
    """Where one page's text sits in :attr:`DocumentText.text`."""

    page: int
    """Page number, 1-based."""
    start: int
    """Offset of the page's first character, 0-based."""
    end: int
    """Exclusive offset of its end."""


@dataclass(frozen=True)
class DocumentText:
    """A document's text as the pipeline assembled it; evidence spans are offsets into ``text``."""

    text: str
    pages: tuple[PageSpan, ...] = ()

    def __post_init__(self) -> None:
        # pages read back from JSON or built by hand arrive as plain tuples
        object.__setattr__(self, "pages", tuple(PageSpan(*span) for span in self.pages))

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
