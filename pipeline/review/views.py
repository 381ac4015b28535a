"""A document as the review page lays it out: fields with their evidence, list entries, pages, marked text.

Plain data for the templates (which escape everything they print) and for
the page's script (which reads it as JSON): nothing here writes HTML.
"""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from pydantic import BaseModel, JsonValue

from khplan.pipeline.ingest.corrections import ENTRY_MODELS, LISTS, SCALARS, Correction, entry_ids
from khplan.pipeline.review.store import ReviewDocument
from khplan.schemas import FieldConfidence, PlanRecord, ReviewWarning, Span

LABELS = {
    "doc_type": "Loại văn bản",
    "number": "Số, ký hiệu",
    "issue_date": "Ngày ban hành",
    "place": "Địa danh",
    "title": "Trích yếu",
    "issuer.name": "Cơ quan ban hành",
    "issuer.parent": "Cơ quan chủ quản",
    "issuer.level": "Cấp",
    "issuer.province": "Tỉnh, thành phố",
    "signer.name": "Người ký",
    "signer.position": "Chức vụ",
    "signer.authority": "Thẩm quyền ký",
    "period.start": "Thời gian: từ",
    "period.end": "Thời gian: đến",
    "period.text": "Thời gian (nguyên văn)",
    "legal_bases": "Căn cứ",
    "targets": "Đối tượng",
    "criteria": "Tiêu chí",
    "awards": "Khen thưởng",
    "deadlines": "Thời hạn",
    "recipients": "Nơi nhận",
}
"""What an archivist calls each field (the path is shown beside it)."""


@dataclass(frozen=True)
class Evidence:
    """One span of a field's evidence, as the page script draws it."""

    start: int
    end: int
    page: int | None
    box: tuple[int, int, int, int] | None


@dataclass
class FieldView:
    """One editable value with everything a reviewer checks it against."""

    path: str
    """Its correction path (list entries by id)."""
    label: str
    value: str
    """The value as the edit box shows it ('' for none)."""
    kind: str = "text"
    """text, longtext, date, int or choice."""
    choices: tuple[str, ...] = ()
    evidence: list[Evidence] = field(default_factory=list)
    confidence: FieldConfidence | None = None
    warnings: list[ReviewWarning] = field(default_factory=list)
    corrected: Correction | None = None
    suggestion: str | None = None
    required: bool = False

    @property
    def doubtful(self) -> bool:
        return bool(self.confidence and self.confidence.doubtful)


@dataclass
class EntryView:
    """One list entry: its id, its evidence, and its fields (a recipient is one text field)."""

    path: str
    index: int
    summary: str
    fields: list[FieldView]
    evidence: list[Evidence] = field(default_factory=list)
    confidence: FieldConfidence | None = None
    warnings: list[ReviewWarning] = field(default_factory=list)
    corrected: Correction | None = None
    editable: bool = True


@dataclass
class ListView:
    name: str
    label: str
    entries: list[EntryView]
    template: list[FieldView]
    """The fields of a new entry (empty values)."""
    warnings: list[ReviewWarning] = field(default_factory=list)
    removed: int = 0
    """Entries a person removed."""


@dataclass(frozen=True)
class PageView:
    page: int
    width: int
    height: int
    dpi: int | None


@dataclass(frozen=True)
class Segment:
    """A stretch of the text between two evidence or doubt boundaries."""

    start: int
    end: int
    text: str
    doubt: str | None = None
    """Why it is marked: ``OCR 52`` or ``restoration 0.41``; None when nobody doubted it."""


@dataclass
class DocumentView:
    sha256: str
    record: PlanRecord
    scalars: list[FieldView]
    lists: list[ListView]
    pages: list[PageView]
    segments: list[Segment]
    general_warnings: list[ReviewWarning]
    corrected: list[str]
    suggestions: dict[str, JsonValue] = field(default_factory=dict)

    def script_data(self) -> dict[str, Any]:
        """What the page script needs: each field's evidence and the pages' sizes."""
        evidence: dict[str, list[dict[str, Any]]] = {}
        for view in self.scalars:
            evidence[view.path] = [_evidence_json(e) for e in view.evidence]
        for list_view in self.lists:
            for entry in list_view.entries:
                evidence[entry.path] = [_evidence_json(e) for e in entry.evidence]
                for view in entry.fields:
                    evidence[view.path] = [_evidence_json(e) for e in (view.evidence or entry.evidence)]
        return {
            "sha256": self.sha256,
            "pages": [{"page": p.page, "width": p.width, "height": p.height} for p in self.pages],
            "evidence": evidence,
            "suggestions": self.suggestions,
        }


def _evidence_json(evidence: Evidence) -> dict[str, Any]:
    return {"start": evidence.start, "end": evidence.end, "page": evidence.page, "box": evidence.box}


def document_view(document: ReviewDocument) -> DocumentView:
    record = document.record
    provenance = record.provenance
    warnings_by_field: dict[str, list[ReviewWarning]] = {}
    general = []
    for warning in record.warnings:
        if warning.field:
            warnings_by_field.setdefault(warning.field, []).append(warning)
        else:
            general.append(warning)
    scalars = [_scalar_view(document, path, warnings_by_field) for path in SCALARS]
    lists = [_list_view(document, name, warnings_by_field) for name in LISTS]
    shown = set(SCALARS) | set(LISTS) | {f"{lv.name}[{e.index}]" for lv in lists for e in lv.entries}
    for name, found in warnings_by_field.items():  # a warning about a field the page has no row for
        if not any(name == s or name.startswith(s + ".") or name.startswith(s + "[") for s in shown):
            general.extend(found)
    pages = [PageView(p.page, p.width, p.height, p.dpi) for p in provenance.page_sizes]
    return DocumentView(
        document.sha256,
        record,
        scalars,
        lists,
        pages,
        segments(document.text, provenance.spans.values(), provenance.uncertain),
        general,
        list(provenance.corrected),
        dict(document.suggestions),
    )


def _evidence(spans: Iterable[Span]) -> list[Evidence]:
    return [
        Evidence(s.start, s.end, s.page, (s.box[0], s.box[1], s.box[2], s.box[3]) if s.box else None) for s in spans
    ]


def _spans_for(record: PlanRecord, path: str) -> tuple[str | None, list[Span]]:
    """The evidence of ``path``: its own spans, else its group's (``period`` for ``period.start``), else the
    name its group rests on (``issuer.name`` for ``issuer.level``)."""
    spans = record.provenance.spans
    group = path.split(".")[0]
    for key in (path, group, f"{group}.name"):
        if spans.get(key):
            return key, spans[key]
    return None, []


def _scalar_view(document: ReviewDocument, path: str, warnings: dict[str, list[ReviewWarning]]) -> FieldView:
    record = document.record
    key, spans = _spans_for(record, path)
    model: Any = record
    *parents, attr = path.split(".")
    for part in parents:
        model = getattr(model, part)
    kind, choices = _kind(type(model), attr)
    return FieldView(
        path=path,
        label=LABELS[path],
        value=_shown(getattr(model, attr)),
        kind="longtext" if path == "title" else kind,
        choices=choices,
        evidence=_evidence(spans),
        confidence=record.provenance.confidence.get(key or path),
        warnings=warnings.get(path, []) + (warnings.get(key, []) if key and key != path else []),
        corrected=document.latest_correction(path),
        suggestion=_suggested(document, path),
    )


def _list_view(document: ReviewDocument, name: str, warnings: dict[str, list[ReviewWarning]]) -> ListView:
    record = document.record
    ids = entry_ids(record, name)
    entries = []
    for index, (entry, entry_id) in enumerate(zip(getattr(record, name), ids, strict=True)):
        path = f"{name}[{entry_id}]" if entry_id else f"{name}[{index}]"
        key = f"{name}[{index}]"
        spans = record.provenance.spans.get(key, [])
        entry_warnings = warnings.get(key, [])
        if isinstance(entry, str):
            fields = [
                FieldView(
                    path=path,
                    label="text",
                    value=entry,
                    kind="longtext",
                    corrected=document.latest_correction(path),
                    suggestion=_suggested(document, path),
                    required=True,
                )
            ]
            summary = entry
        else:
            fields = [
                _entry_field_view(document, type(entry), f"{path}.{attr}", attr, getattr(entry, attr))
                for attr in type(entry).model_fields
                if attr != "id"
            ]
            summary = _summary(entry)
        entries.append(
            EntryView(
                path=path,
                index=index,
                summary=summary,
                fields=fields,
                evidence=_evidence(spans),
                confidence=record.provenance.confidence.get(key),
                warnings=entry_warnings,
                corrected=document.latest_correction(path),
                editable=entry_id is not None,
            )
        )
    if name == "recipients":
        template = [FieldView(path=name, label="text", value="", kind="longtext", required=True)]
    else:
        model = ENTRY_MODELS[name]
        template = [_entry_field_view(document, model, attr, attr, None) for attr in model.model_fields if attr != "id"]
    removed = sum(
        1 for c in document.corrections if c.path.startswith(name + "[") and "]." not in c.path and c.new is None
    )
    return ListView(name, LABELS[name], entries, template, warnings.get(name, []), removed)


def _entry_field_view(
    document: ReviewDocument, model: type[BaseModel], path: str, attr: str, value: object
) -> FieldView:
    kind, choices = _kind(model, attr)
    return FieldView(
        path=path,
        label=attr,
        value=_shown(value),
        kind="longtext" if attr in ("text", "action", "condition", "recipient_group") else kind,
        choices=choices,
        corrected=document.latest_correction(path),
        suggestion=_suggested(document, path),
        required=model.model_fields[attr].is_required(),
    )


def _kind(model: type[BaseModel], attr: str) -> tuple[str, tuple[str, ...]]:
    """How a field is edited, from its type in the schema."""
    annotation = model.model_fields[attr].annotation
    options = [a for a in typing.get_args(annotation) if a is not type(None)] or [annotation]
    for option in options:
        if isinstance(option, type) and issubclass(option, Enum):
            return "choice", tuple(str(member.value) for member in option)
        if typing.get_origin(option) is typing.Literal:
            return "choice", tuple(str(v) for v in typing.get_args(option))
        if option is dt.date:
            return "date", ()
        if option is int:
            return "int", ()
    return "text", ()


def _shown(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Enum):
        return str(value.value)
    return str(value)


def _suggested(document: ReviewDocument, path: str) -> str | None:
    value: JsonValue = document.suggestions.get(path)
    if value is None:
        return None
    if isinstance(value, dict):
        return _summary_of(value)
    return str(value)


def _summary(entry: BaseModel) -> str:
    return _summary_of(entry.model_dump(mode="json", exclude={"id"}))


def _summary_of(values: dict[str, Any]) -> str:
    """An entry in one line: its values that are set, in the schema's order."""
    return " · ".join(str(v) for k, v in values.items() if v not in (None, "") and k != "id")


def segments(text: str, spans: Iterable[list[Span]], uncertain: Iterable[Any]) -> list[Segment]:
    """The text cut at every evidence and doubt boundary, each piece marked with the doubt over it."""
    doubts = sorted(uncertain, key=lambda u: u.start)
    cuts = {0, len(text)}
    for group in spans:
        for span in group:
            cuts.update((min(span.start, len(text)), min(span.end, len(text))))
    for doubt in doubts:
        cuts.update((min(doubt.start, len(text)), min(doubt.end, len(text))))
    ordered = sorted(cuts)
    pieces = []
    d = 0
    for start, end in zip(ordered, ordered[1:], strict=False):
        while d < len(doubts) and doubts[d].end <= start:
            d += 1
        over = [u for u in doubts[d : d + 8] if u.start <= start and end <= u.end]
        why = None
        if over:
            worst = over[0]
            why = f"OCR {worst.confidence:.0f}" if worst.source == "ocr" else f"restoration {worst.confidence:.2f}"
        pieces.append(Segment(start, end, text[start:end], why))
    return pieces
