"""Letters that look like Vietnamese ones and are not.

OCR reads ``Đ`` as the Icelandic eth ``Ð`` (``LĐÐTBXH``), and text converted
from the old Vietnamese fonts carries it too: to every rule that looks for
``Đ`` (a ký hiệu, a name) such a word is a different word. Each look-alike
becomes its Vietnamese letter, one character for one, so offsets hold.
"""

from __future__ import annotations

_LOOK_ALIKES = str.maketrans({"\u00d0": "Đ", "\u00f0": "đ", "\u0189": "Đ"})
"""Eth (U+00D0, U+00F0) and African D (U+0189) for Đ and đ."""


def unify_look_alikes(text: str) -> str:
    """The Vietnamese letter for each look-alike."""
    return text.translate(_LOOK_ALIKES)
