"""What a restoration returns: the text, and every change with its evidence."""

from __future__ import annotations

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
    """Why: ``accent`` (marks only), ``ocr-confusion`` (letters too), ``code`` (a Đ back in a document code)."""


@dataclass
class Restoration:
    """Restored text (one output line per input line) and the changes that made it.

    The changes, with their confidences, are worked out when first asked for:
    the pipeline only needs the text, ``khplan restore --explain`` the evidence.
    """

    text: str
    explain: Callable[[], list[TokenChange]] | None = field(default=None, repr=False, compare=False)

    @cached_property
    def changes(self) -> list[TokenChange]:
        return self.explain() if self.explain else []
