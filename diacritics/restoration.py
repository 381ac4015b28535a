"""What a restoration returns: the text, and every change with its evidence."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class TokenChange:
    """One token the restorer rewrote."""

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
    """Why: ``accent``, ``ocr-confusion``, ``code``, ``gazetteer`` ..."""


@dataclass(frozen=True)
class Restoration:
    """Restored text (one output line per input line) and the changes that made it."""

    text: str
    changes: list[TokenChange] = field(default_factory=list)
