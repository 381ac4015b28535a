"""What a restoration returns: the text, and every change with its evidence."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property


@dataclass(frozen=True)
class TokenChange:
    """One token the restorer rewrote (or, when explaining, considered and kept)."""

    line: int
    """Line number in the input, 1-based."""
    start: int
    """Character offset of the token in its input line, 0-based."""
    original: str
    restored: str
    confidence: float
    """Posterior probability of ``restored`` among the candidates, 0-1."""
    alternatives: tuple[tuple[str, float], ...] = ()
    """Runner-up candidates with their probabilities, best first."""
    reason: str = ""
    """Why: ``accent`` (marks only), ``ocr-confusion`` (letters too), ``code`` (a Đ back in a document code),
    ``unrestorable`` (no Vietnamese syllable within reach: kept as it was, confidence 0), ``run-together`` (words
    run into one token, each read: legacy OCR's lost space put back, typed text's kept), ``kept``."""


@dataclass(frozen=True)
class DoubtfulSpan:
    """A word of the *restored* text whose reading restoration was unsure of: what a field resting on it must flag."""

    line: int
    """Line number, 1-based (one output line per input line)."""
    start: int
    """Character offset of the word in its restored line, 0-based."""
    end: int
    """Exclusive end offset in the restored line."""
    text: str
    confidence: float
    """Posterior of the reading, 0-1 (0 for a word no syllable was found for)."""


@dataclass
class Restoration:
    """Restored text (one output line per input line), the changes that made it, and the words it doubts.

    The changes, with their confidences, are worked out when first asked for:
    the pipeline only needs the text, ``khplan restore --explain`` the evidence.
    """

    text: str
    explain: Callable[[], list[TokenChange]] | None = field(default=None, repr=False, compare=False)
    doubt: Callable[[], list[DoubtfulSpan]] | None = field(default=None, repr=False, compare=False)
    edits: tuple[tuple[int, int, str], ...] = ()
    """Every rewritten token as ``(start, end, restored)``, offsets into the input text, in text order: what
    places a word read on the input (an OCR word's box) on :attr:`text`."""

    @cached_property
    def changes(self) -> list[TokenChange]:
        return self.explain() if self.explain else []

    @cached_property
    def doubtful(self) -> list[DoubtfulSpan]:
        """Words of :attr:`text` read with low confidence, worked out on first use (it costs a pass over the text)."""
        return self.doubt() if self.doubt else []

    def doubtful_offsets(self) -> list[tuple[int, int, float]]:
        """:attr:`doubtful` as ``(start, end, confidence)`` offsets into :attr:`text`."""
        starts = [0]
        for line in self.text.split("\n"):
            starts.append(starts[-1] + len(line) + 1)
        return [(starts[d.line - 1] + d.start, starts[d.line - 1] + d.end, d.confidence) for d in self.doubtful]

    def moved(self, offset: int) -> int:
        """Where an offset of the input text (a token's start or end) is in :attr:`text`.

        A rewritten token may change length (``ctia`` -> ``của``) or become two
        words (``luatctia`` -> ``luật của``): a start inside a rewritten token
        stays at its start, an end inside it moves to its end.
        """
        if not self.edits:
            return offset
        starts, before, total = self._shifts
        k = bisect_right(starts, offset)  # the edits that start at or before the offset
        if k:
            start, end, restored = self.edits[k - 1]
            if offset < end:  # inside that edit
                return start + before[k - 1] + (0 if offset == start else len(restored))
        return offset + (before[k] if k < len(starts) else total)

    @cached_property
    def _shifts(self) -> tuple[list[int], list[int], int]:
        """The edits' starts, the shift accumulated before each edit, and the total shift."""
        starts, before, total = [], [], 0
        for start, end, restored in self.edits:
            starts.append(start)
            before.append(total)
            total += len(restored) - (end - start)
        return starts, before, total
