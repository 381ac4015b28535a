"""Corrections: values a person set in ``khplan review``, applied on top of every extraction of the document.

A correction names a field by its path — ``issue_date``, ``issuer.level``,
``awards[aw-3f2a9c1b0d].quota`` (a list entry by its stable id),
``awards[aw-3f2a9c1b0d]`` (the entry itself: added, or removed with a null
value) — and carries the value it replaced, the new value, who set it and
when. The catalog keeps them (table ``corrections``); the record file is
the extraction with every correction applied, in order, so a re-extraction
(a new model, other options, ``--retry-quarantined``) never overwrites a
person's value. What the extraction gave at a corrected path is kept in
``provenance.extracted``; when it differs from both the person's value and
every value a person already replaced there, it is a *suggestion*.

Applying is idempotent: applying the same corrections to a record that
already carries them changes nothing, so any reader may heal a record file
that a crash left behind its corrections.
"""

from __future__ import annotations

import logging
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel, JsonValue, ValidationError
from pydantic_core import to_jsonable_python

from khplan.schemas import Award, Criterion, Deadline, LegalBasis, PlanRecord, Target
from khplan.schemas.plan import ENTRY_ID_PREFIXES, normalize_text

log = logging.getLogger(__name__)

ENTRY_MODELS: dict[str, type[BaseModel]] = {
    "legal_bases": LegalBasis,
    "targets": Target,
    "criteria": Criterion,
    "awards": Award,
    "deadlines": Deadline,
}
"""The lists whose entries are models (``recipients`` holds plain text)."""
LISTS = (*ENTRY_MODELS, "recipients")

SCALARS = (
    "doc_type",
    "number",
    "issue_date",
    "place",
    "title",
    "issuer.name",
    "issuer.parent",
    "issuer.level",
    "issuer.province",
    "signer.name",
    "signer.position",
    "signer.authority",
    "period.start",
    "period.end",
    "period.text",
)
"""The record's single-valued fields a person may set."""

_PATH = re.compile(r"^(?P<list>[a-z_]+)\[(?P<id>[a-z]{2}-[0-9a-f]{10})\](?:\.(?P<attr>[a-z_]+))?$")


class CorrectionError(ValueError):
    """A correction that cannot be made: an unknown field, a missing entry, or a value the schema refuses."""


@dataclass(frozen=True)
class Correction:
    """One value a person set."""

    path: str
    old: JsonValue
    """The value shown to the person when they changed it (null: none)."""
    new: JsonValue
    """The value they set; for an entry path, the whole entry, or null when they removed it."""
    reviewer: str
    at: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    entry: JsonValue = None
    """For a field of a list entry: the whole entry after the change, to restore it from should a new
    extraction no longer find the entry's evidence."""


@dataclass(frozen=True)
class FieldPath:
    """A parsed correction path: a scalar (``issuer.level``), an entry (``awards[aw-…]``) or an entry's field."""

    text: str
    list_name: str | None = None
    entry_id: str | None = None
    attr: str | None = None

    @classmethod
    def parse(cls, path: str) -> FieldPath:
        if path in SCALARS:
            return cls(path)
        match = _PATH.match(path)
        if not match or match["list"] not in LISTS:
            raise CorrectionError(f"{path}: not a field a correction can set")
        name, attr = match["list"], match["attr"]
        if attr is not None and (name == "recipients" or attr == "id" or attr not in ENTRY_MODELS[name].model_fields):
            raise CorrectionError(f"{path}: {name} entries have no field {attr!r}")
        if not match["id"].startswith(ENTRY_ID_PREFIXES[name] + "-"):
            raise CorrectionError(f"{path}: {match['id']} is not an id of a {name} entry")
        return cls(path, name, match["id"], attr)

    @property
    def is_entry(self) -> bool:
        return self.list_name is not None and self.attr is None


def new_entry_id(list_name: str) -> str:
    """An id for an entry a person adds (random: it rests on no evidence)."""
    return f"{ENTRY_ID_PREFIXES[list_name]}-{secrets.token_hex(5)}"


def entry_ids(record: PlanRecord, list_name: str) -> list[str | None]:
    """The ids of a list's entries, in order (recipients keep theirs in provenance)."""
    if list_name == "recipients":
        ids: list[str | None] = list(record.provenance.recipient_ids)
        return ids + [None] * (len(record.recipients) - len(ids))
    return [entry.id for entry in getattr(record, list_name)]


def _index(record: PlanRecord, path: FieldPath) -> int | None:
    assert path.list_name is not None
    ids = entry_ids(record, path.list_name)
    return ids.index(path.entry_id) if path.entry_id in ids else None


def value_at(record: PlanRecord, path: str | FieldPath) -> JsonValue:
    """The value at ``path`` in its JSON form (null when the entry is not in the list)."""
    path = FieldPath.parse(path) if isinstance(path, str) else path
    if path.list_name is None:
        model: Any = record
        for part in path.text.split("."):
            model = getattr(model, part)
        return to_jsonable_python(model)
    index = _index(record, path)
    if index is None:
        return None
    entry = getattr(record, path.list_name)[index]
    if path.attr is not None:
        return to_jsonable_python(getattr(entry, path.attr))
    return to_jsonable_python(entry)


def _refusal(path: str, value: JsonValue, error: ValidationError) -> CorrectionError:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first.get("loc", ()) if part != "__root__")
    detail = f" ({where})" if where and not path.endswith(where) else ""
    return CorrectionError(f"{path}: {value!r} refused{detail}: {first['msg']}")


def _entry(list_name: str, entry_id: str, value: JsonValue) -> Any:
    """A validated entry of ``list_name`` with ``entry_id``, from its JSON form."""
    if list_name == "recipients":
        if not isinstance(value, str) or not normalize_text(value):
            raise CorrectionError(f"{list_name}[{entry_id}]: a recipient is a non-empty text")
        return normalize_text(value)
    if not isinstance(value, dict):
        raise CorrectionError(f"{list_name}[{entry_id}]: an entry is an object of its fields")
    try:
        return ENTRY_MODELS[list_name].model_validate({**value, "id": entry_id})
    except ValidationError as e:
        raise _refusal(f"{list_name}[{entry_id}]", value, e) from None


def apply_correction(record: PlanRecord, correction: Correction) -> None:
    """Set one person's value in ``record`` (in place), noting what the extraction had there first.

    Raises :class:`CorrectionError` (the record unchanged) when the path or the value is refused.
    """
    path = FieldPath.parse(correction.path)
    provenance = record.provenance
    first_time = path.text not in provenance.corrected
    before = value_at(record, path)
    if path.list_name is None:
        parent: Any = record
        *parents, attr = path.text.split(".")
        for part in parents:
            parent = getattr(parent, part)
        try:
            setattr(parent, attr, correction.new)
        except ValidationError as e:
            raise _refusal(path.text, correction.new, e) from None
    else:
        _apply_to_list(record, path, correction)
    if first_time:
        provenance.extracted = {**provenance.extracted, path.text: before}
        provenance.corrected = [*provenance.corrected, path.text]


def _apply_to_list(record: PlanRecord, path: FieldPath, correction: Correction) -> None:
    assert path.list_name is not None and path.entry_id is not None
    entries: list[Any] = getattr(record, path.list_name)
    index = _index(record, path)
    if path.attr is None:
        if correction.new is None:
            if index is not None:
                _remove(record, path.list_name, index)
            return
        entry = _entry(path.list_name, path.entry_id, correction.new)
        if index is None:
            _append(record, path.list_name, path.entry_id, entry)
        else:
            entries[index] = entry
        return
    if index is None:  # the new extraction no longer finds this entry's evidence: keep the person's entry
        if correction.entry is None:
            raise CorrectionError(f"{path.text}: the entry {path.entry_id} is not in {path.list_name}")
        _append(record, path.list_name, path.entry_id, _entry(path.list_name, path.entry_id, correction.entry))
        index = len(entries) - 1
    try:
        setattr(entries[index], path.attr, correction.new)
    except ValidationError as e:
        raise _refusal(path.text, correction.new, e) from None


def _append(record: PlanRecord, list_name: str, entry_id: str, entry: Any) -> None:
    if list_name == "recipients":
        if len(record.provenance.recipient_ids) != len(record.recipients):
            raise CorrectionError(f"recipients[{entry_id}]: the recipients have no ids (ingest the document again)")
        record.provenance.recipient_ids = [*record.provenance.recipient_ids, entry_id]
    getattr(record, list_name).append(entry)


def _remove(record: PlanRecord, list_name: str, index: int) -> None:
    """Remove the entry, and renumber what names later entries by index (evidence, confidence, warnings)."""
    del getattr(record, list_name)[index]
    provenance = record.provenance
    if list_name == "recipients":
        ids = list(provenance.recipient_ids)
        del ids[index]
        provenance.recipient_ids = ids
    provenance.spans = {new: v for key, v in provenance.spans.items() if (new := _renumber(key, list_name, index))}
    provenance.confidence = {
        new: v for key, v in provenance.confidence.items() if (new := _renumber(key, list_name, index))
    }
    for warning in record.warnings:
        if warning.field:
            warning.field = _renumber(warning.field, list_name, index) or list_name


def _renumber(key: str, list_name: str, removed: int) -> str | None:
    """``awards[4].quota`` after ``awards[2]`` is removed: ``awards[3].quota``; ``awards[2]…`` itself: None."""
    match = re.match(rf"^{list_name}\[(\d+)\](.*)$", key)
    if not match:
        return key
    index = int(match[1])
    if index == removed:
        return None
    return f"{list_name}[{index - 1 if index > removed else index}]{match[2]}"


def apply_corrections(record: PlanRecord, corrections: Iterable[Correction]) -> PlanRecord:
    """``record`` (not changed) with every correction applied in order; one the schema now refuses is skipped."""
    corrected = record.model_copy(deep=True)
    for correction in corrections:
        try:
            trial = corrected.model_copy(deep=True)
            apply_correction(trial, correction)
        except CorrectionError as e:
            log.warning(
                "%s: correction by %s at %s not applied: %s",
                record.provenance.source,
                correction.reviewer,
                correction.at,
                e,
            )
            continue
        corrected = trial
    return corrected


def suggestions(record: PlanRecord, corrections: Iterable[Correction]) -> dict[str, JsonValue]:
    """Corrected paths where the latest extraction reads something new: neither the person's value nor one a
    person already replaced there (a value they turned down stays turned down)."""
    replaced: dict[str, list[JsonValue]] = {}
    for correction in corrections:
        replaced.setdefault(correction.path, []).append(correction.old)
    found: dict[str, JsonValue] = {}
    for path, extracted in record.provenance.extracted.items():
        if extracted is None or path not in record.provenance.corrected:
            continue
        try:
            current = value_at(record, path)
        except CorrectionError:
            continue
        if extracted != current and extracted not in replaced.get(path, []):
            found[path] = extracted
    return found
