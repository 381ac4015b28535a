"""What reading did to a text's Vietnamese, and whether restoring it is worth doing: decided here, once.

Three kinds of damage reach khplan: *modern* OCR and typed text keep their
marks (a few letters may be wrong); *legacy* OCR by engines without
Vietnamese turned marks into other letters, digits and Latin-1 accents
("S6:", "ctia"); *stripped* text lost its marks and nothing else. The kind
decides the restorer's channel; the share of marked words decides whether
an ``auto`` run restores at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from khplan.diacritics.orthography import has_diacritics
from khplan.diacritics.tokens import COMRADE, Kind, line_tokens

Channel = Literal["stripped", "legacy", "modern"]
CHANNELS = ("auto", "stripped", "legacy", "modern")
"""What ``channel=`` accepts: a kind of damage, or ``auto`` to tell it from the text."""
RestoreMode = Literal["auto", "always", "never"]

DETECTION_LINES = 400
"""Lines looked at to tell which channel a text needs."""
MODERN_SHARE = 0.25
"""Share of words with marks only Vietnamese fonts have (ă, ơ, ư, đ, ạ, ế …) above which text is intact."""
LEGACY_SIGNS = 0.01
"""Share of words with Latin-1 accents, digits or symbols inside above which text is legacy OCR."""
RESTORE_BELOW_MARKED_SHARE = 0.5
"""Running Vietnamese carries a tone or vowel mark on ~85% of its words; legacy OCR keeps ~15%. Below this, restore."""

_LATIN1_ACCENTED = set("àáâãèéêìíòóôõùúýäëïöü")
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Damage:
    """The damage a text shows."""

    channel: Channel
    """Which restorer channel undoes it."""
    marked_share: float
    """Share of words carrying a Vietnamese mark (near 0.85 in intact text)."""

    @property
    def lost_marks(self) -> bool:
        return self.marked_share < RESTORE_BELOW_MARKED_SHARE


def assess_damage(text: str) -> Damage:
    """The kind of damage ``text`` shows, and how many of its words kept their marks."""
    words = _WORD.findall(text)
    share = sum(map(has_diacritics, words)) / len(words) if words else 1.0
    return Damage(detect_channel(text), share)


def restoration_channel(text: str, *, mode: RestoreMode = "auto", ocr_read: bool = False) -> Channel | None:
    """The channel to restore ``text`` with, or None to leave it as it is.

    ``auto`` restores text that lost its marks (legacy OCR, stripped exports)
    and corrects what Tesseract read (``ocr_read``: the modern channel leaves
    intact words alone); typed text that kept its marks is left as it is.
    """
    if mode == "never":
        return None
    damage = assess_damage(text)
    if mode == "auto" and not (damage.lost_marks or ocr_read):
        return None
    return damage.channel


def detect_channel(text: str) -> Channel:
    """``modern`` for intact text, ``legacy`` for OCR that lost the marks, ``stripped`` for plain ASCII."""
    words = [t.text for line in _sample_lines(text) for t in line_tokens(line) if t.kind is Kind.word]
    if not words:
        return "stripped"
    if sum(map(_vietnamese_only, words)) / len(words) >= MODERN_SHARE:
        return "modern"
    signs = sum(map(_legacy_sign, words))
    return "legacy" if signs / len(words) >= LEGACY_SIGNS else "stripped"


@lru_cache(maxsize=65_536)
def _vietnamese_only(word: str) -> bool:
    return any(ord(c) > 0xFF and c.isalpha() for c in word)


@lru_cache(maxsize=65_536)
def _legacy_sign(word: str) -> bool:
    """A Latin-1 accent, a digit or a symbol inside the word: what engines without Vietnamese print."""
    lower = word.lower()
    if lower in COMRADE:  # "d/c" (đồng chí): its slash is printed
        return False
    return any(c in _LATIN1_ACCENTED or c.isdigit() or not (c.isalpha() or c in "-'") for c in lower)


def _sample_lines(text: str) -> list[str]:
    """Up to :data:`DETECTION_LINES` lines spread over the text: enough to tell the damage, cheap on long text."""
    lines = text.splitlines()
    step = max(1, len(lines) // DETECTION_LINES)
    return lines[::step]
