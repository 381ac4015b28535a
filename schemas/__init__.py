"""Pydantic models of khplan's records: the JSON contract other tools build on.

The record models (:mod:`khplan.schemas.plan`) load on first use: code that
only needs the OCR word type (:mod:`khplan.schemas.words`), such as the
reading stage, does not import pydantic's models.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from khplan.schemas.words import Box, OcrWord

if TYPE_CHECKING:
    from khplan.schemas.plan import (
        SCHEMA_VERSION,
        Award,
        Cadence,
        Criterion,
        Deadline,
        DeadlineKind,
        FieldConfidence,
        Issuer,
        LegalBasis,
        Level,
        PageSize,
        Period,
        PlanRecord,
        Provenance,
        ReviewWarning,
        Signer,
        Span,
        Subject,
        Target,
        UncertainText,
        UnitSuccessor,
    )

_PLAN_NAMES = frozenset(
    {
        "SCHEMA_VERSION",
        "Award",
        "Cadence",
        "Criterion",
        "Deadline",
        "DeadlineKind",
        "FieldConfidence",
        "Issuer",
        "LegalBasis",
        "Level",
        "PageSize",
        "Period",
        "PlanRecord",
        "Provenance",
        "ReviewWarning",
        "Signer",
        "Span",
        "Subject",
        "Target",
        "UncertainText",
        "UnitSuccessor",
    }
)


def __getattr__(name: str) -> Any:
    if name in _PLAN_NAMES:
        from khplan.schemas import plan

        return getattr(plan, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Box",
    "OcrWord",
    "SCHEMA_VERSION",
    "Award",
    "Cadence",
    "Criterion",
    "Deadline",
    "DeadlineKind",
    "FieldConfidence",
    "Issuer",
    "LegalBasis",
    "Level",
    "PageSize",
    "Period",
    "PlanRecord",
    "Provenance",
    "ReviewWarning",
    "Signer",
    "Span",
    "Subject",
    "Target",
    "UncertainText",
    "UnitSuccessor",
]
