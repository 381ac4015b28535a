"""Field extraction: the plan record of a document's text.

One entry point::

    >>> from khplan.extractors import extract_record
    >>> extract_record("ỦY BAN NHÂN DÂN\\nTỈNH QUẢNG NINH\\nSố: 40 /KH-UBND").number
    '40/KH-UBND'

Each field group has its module (``header``, ``issuer``, ``signer``,
``legal_bases``, ``awards`` …) registering one component; ``config.PIPELINE``
orders them, ``registry`` checks and runs them.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from khplan.extractors import (  # noqa: F401 - register the components
    awards,
    consistency,
    criteria,
    deadlines,
    header,
    issuer,
    legal_bases,
    nlp,
    ocr_confidence,
    period,
    recipients,
    signer,
    structure,
    targets,
    title,
)
from khplan.extractors.config import PIPELINE
from khplan.extractors.document import DocumentText, PageSpan, document_of
from khplan.extractors.registry import Extractor, build, run
from khplan.schemas import PlanRecord


@cache
def _pipeline(names: tuple[str, ...]) -> list[Extractor]:
    return build(names)


def extract_record(
    document: DocumentText | str, *, pipeline: Sequence[str] = PIPELINE, strict: bool = False
) -> PlanRecord:
    """The plan record of ``document``: every field with its evidence spans, and what a reviewer should check."""
    return run(_pipeline(tuple(pipeline)), document, strict=strict)


__all__ = ["DocumentText", "PageSpan", "document_of", "extract_record"]
