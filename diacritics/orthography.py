"""Vietnamese orthography: tones, vowel marks, and where the tone mark sits.

Everything that compares Vietnamese text (the restorer's candidates, the
extractors' accent-insensitive matching, the benchmarks' scoring) needs the
same answers to "what is this letter without its marks" and "where does the
tone go", so they live here and nowhere else.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Combining marks as NFD writes them.
TONE_MARKS = {
    "\u0300": "huyền",  # grave
    "\u0301": "sắc",  # acute
    "\u0309": "hỏi",  # hook above
    "\u0303": "ngã",  # tilde
    "\u0323": "nặng",  # dot below
}
VOWEL_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve (ă), circumflex (â ê ô), horn (ơ ư)

_VOWELS = set("aăâeêioôơuưy")
_MARKED_VOWELS = set("ăâêôơư")
_SYLLABLE = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=4096)
def _base_letter(char: str) -> str:
    if char in "đĐ":
        return "d" if char == "đ" else "D"
    decomposed = unicodedata.normalize("NFD", char)
    return decomposed[0] if decomposed else char


def strip_diacritics(text: str) -> str:
    """Remove tones and vowel marks, ``đ`` -> ``d``; one output char per NFC input char.

    Keeping the length lets a match found in the stripped text be used as a
    span of the original.

    >>> strip_diacritics("Ủy ban nhân dân huyện Phù Mỹ")
    'Uy ban nhan dan huyen Phu My'
    """
    text = unicodedata.normalize("NFC", text)
    return "".join(_base_letter(c) if not c.isascii() else c for c in text)


def fold(text: str) -> str:
    """Lower case without diacritics: the key for accent-insensitive matching.

    >>> fold("KẾ HOẠCH Số: 69")
    'ke hoach so: 69'
    """
    return strip_diacritics(text).lower()


def split_tone(syllable: str) -> tuple[str, str | None]:
    """``"hoạch"`` -> ``("hoach", "\u0323")``: the syllable without its tone, and the tone mark."""
    decomposed = unicodedata.normalize("NFD", syllable)
    tone = next((c for c in decomposed if c in TONE_MARKS), None)
    bare = "".join(c for c in decomposed if c not in TONE_MARKS)
    return unicodedata.normalize("NFC", bare), tone


def _vowel_span(lower: str) -> tuple[int, int]:
    """Start and end of the vowel nucleus, treating the ``qu``/``gi`` glides as consonants."""
    start = 0
    while start < len(lower) and lower[start] not in _VOWELS:
        start += 1
    if start < len(lower) and lower[start] in "ui" and start > 0:
        onset = lower[:start] + lower[start]
        if (onset == "qu" or onset == "gi") and start + 1 < len(lower) and lower[start + 1] in _VOWELS:
            start += 1
    end = start
    while end < len(lower) and lower[end] in _VOWELS:
        end += 1
    return start, end


def tone_position(bare: str) -> int | None:
    """Index in ``bare`` (an NFC syllable without tone) where the tone mark belongs.

    Follows the placement of the gold texts and of most current documents
    (``hòa``, ``ủy``, ``khỏe``, ``thuở``, ``hoàng``, ``quý``): a marked vowel
    takes the tone (``ơ`` in ``ươ``); otherwise the last vowel before a final
    consonant, else the first of two open vowels or the middle of three.
    """
    lower = bare.lower()
    start, end = _vowel_span(lower)
    if start >= end:
        return None
    nucleus = lower[start:end]
    marked = [i for i, c in enumerate(nucleus) if c in _MARKED_VOWELS]
    if marked:
        return start + marked[-1]
    if len(nucleus) == 1:
        return start
    if end < len(lower):  # a final consonant follows
        return end - 1
    if len(nucleus) == 2:
        return start
    return start + 1


def place_tone(bare: str, tone: str | None) -> str:
    """Put ``tone`` (a combining mark, or None) on ``bare`` where it belongs."""
    if tone is None:
        return bare
    pos = tone_position(bare)
    if pos is None:
        return bare
    decomposed = unicodedata.normalize("NFD", bare[pos]) + tone
    return unicodedata.normalize("NFC", bare[:pos] + decomposed + bare[pos + 1 :])


def normalize_tone_placement(text: str) -> str:
    """Move every syllable's tone mark to its standard place: ``hoà`` -> ``hòa``, ``uỷ`` -> ``ủy``.

    >>> normalize_tone_placement("Thuỷ lợi, hoà bình")
    'Thủy lợi, hòa bình'
    """
    text = unicodedata.normalize("NFC", text)

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        bare, tone = split_tone(word)
        return place_tone(bare, tone) if tone else word

    return _SYLLABLE.sub(fix, text)


def has_diacritics(word: str) -> bool:
    """True when the word carries any Vietnamese tone, vowel mark or ``đ``."""
    return strip_diacritics(word) != unicodedata.normalize("NFC", word)
