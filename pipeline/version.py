"""The pipeline version: what the ingest cache is keyed on besides a document's bytes."""

from __future__ import annotations

from functools import cache
from importlib.metadata import PackageNotFoundError, version


@cache
def pipeline_version() -> str:
    """khplan's release and the restoration model it ships: a change to either reprocesses documents."""
    from diacritics.model import MODEL_FILE

    try:
        release = version("khplan")
    except PackageNotFoundError:  # running from a source tree that was not installed
        release = "unknown"
    return f"khplan-{release}+{MODEL_FILE}"
