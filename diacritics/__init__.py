"""Diacritics restoration: put Vietnamese back into text that OCR or stripping damaged.

One entry point, like underthesea's task modules::

    >>> from khplan.diacritics import restore_diacritics
    >>> restore_diacritics("Uy ban nhan dan huyen")      # doctest: +SKIP
    'Ủy ban nhân dân huyện'

``restore(text)`` returns the :class:`Restoration` with every change, its
confidence and its alternatives, for ``khplan restore --explain``.
"""

from khplan.diacritics.restorer import restore
from khplan.diacritics.result import Restoration, TokenChange


def restore_diacritics(text: str) -> str:
    """Text with diacritics restored; one output line per input line."""
    return restore(text).text


__all__ = ["Restoration", "TokenChange", "restore", "restore_diacritics"]
