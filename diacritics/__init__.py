"""Diacritics restoration: put Vietnamese back into text that OCR or stripping damaged.

One entry point, like underthesea's task modules::

    >>> from khplan.diacritics import restore_diacritics
    >>> restore_diacritics("Uy ban nhan dan huyen")      # doctest: +SKIP
    'Ủy ban nhân dân huyện'

``restore(text)`` returns the :class:`Restoration` with every change, its
confidence and its alternatives, for ``khplan restore --explain``;
:func:`restoration_channel` says whether a text needs restoring, and how.

The restorer (and its model) is imported on first use, not with the
package: code that only needs the orthography (the readers of legacy
encodings) does not load the NLP stack.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from khplan.diacritics.damage import Damage, assess_damage, restoration_channel
from khplan.diacritics.result import DoubtfulSpan, Restoration, TokenChange

if TYPE_CHECKING:
    from khplan.diacritics.restorer import restore


def __getattr__(name: str) -> Any:
    if name == "restore":
        from khplan.diacritics.restorer import restore

        return restore
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def restore_diacritics(text: str) -> str:
    """Text with diacritics restored; one output line per input line."""
    from khplan.diacritics.restorer import restore

    return restore(text).text


__all__ = [
    "Damage",
    "DoubtfulSpan",
    "Restoration",
    "TokenChange",
    "assess_damage",
    "restoration_channel",
    "restore",
    "restore_diacritics",
]
