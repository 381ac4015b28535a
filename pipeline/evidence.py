"""What a reviewer needs beside a record's values, added in one place once the extractors are done.

- **Entry ids**: every list entry gets an id derived from its evidence (the
  folded text of its spans), so a correction has something to attach to and
  keeps attaching to it when the document is extracted again from the same
  evidence (another restoration model changes marks, which folding ignores).
- **Confidence per field**: the mean OCR word confidence over its evidence,
  the weakest syllable restoration rewrote in it, and the extractor that set it.
- **Uncertain text**: the words OCR doubted and the syllables restoration
  doubted, as offsets into the restored text, for the review's text view.
- **Pages and the text layer**: each page image's size and resolution, so a
  box is drawn where it belongs; each span's words as OCR read them (what the
  searchable PDF's text layer holds in its box), since the spans index the
  restored text.

The extractors stay unaware of all this: it is derived from what they cite.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from khplan.diacritics import Restoration
from khplan.extractors import DocumentText
from khplan.extractors.config import PIPELINE
from khplan.extractors.matching import fold_key
from khplan.extractors.ocr_confidence import words_in
from khplan.extractors.registry import REGISTRY
from khplan.pipeline.context import PageText
from khplan.schemas import FieldConfidence, PageSize, PlanRecord, Span, UncertainText
from khplan.schemas.plan import DOUBTFUL_OCR, DOUBTFUL_RESTORATION, ENTRY_ID_PREFIXES

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Restored:
    """A syllable restoration rewrote, placed on the document's text."""

    start: int
    end: int
    confidence: float


def annotate(
    record: PlanRecord,
    document: DocumentText,
    pages: Sequence[PageText],
    restorations: Sequence[Restoration | None] = (),
) -> None:
    """Add entry ids, per-field confidence, uncertain text, page sizes and the spans' OCR text to ``record``.

    ``pages`` and ``restorations`` are in the order the document's text joins
    them; a page's restoration is None when its text was kept as read.
    """
    assign_entry_ids(record, document.text)
    restored = list(restored_syllables(document, restorations))
    was_restored = any(r is not None for r in restorations)
    record.provenance.confidence = field_confidence(record, document, restored, was_restored)
    record.provenance.uncertain = uncertain_text(document, restored)
    record.provenance.page_sizes = [
        PageSize(
            page=page.page_no,
            width=page.size[0],
            height=page.size[1],
            dpi=round(page.dpi) if page.dpi else None,
        )
        for page in pages
        if page.size
    ]
    if document.words:
        starts = [w.start for w in document.words]
        record.provenance.spans = {
            path: [_with_ocr_text(span, document, starts) for span in spans]
            for path, spans in record.provenance.spans.items()
        }
        if any(page.method == "ocr" for page in pages):
            record.provenance.text_layer = "ocr"


def entry_id(prefix: str, key: str) -> str:
    """``aw-3f2a9c1b0d``: the list's letters and ten hex digits of the key's SHA-1."""
    return f"{prefix}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:10]}"


def assign_entry_ids(record: PlanRecord, text: str) -> None:
    """An id for every entry of every list, from the folded text of its evidence and its rank among entries
    resting on the same evidence (one sentence may give two awards); from its values when it cites none."""
    for name, prefix in ENTRY_ID_PREFIXES.items():
        entries = getattr(record, name)
        seen: Counter[str] = Counter()
        ids = []
        for index, entry in enumerate(entries):
            key = _evidence_key(record.provenance.spans.get(f"{name}[{index}]", []), text)
            if not key:
                values = entry if isinstance(entry, str) else entry.model_dump_json(exclude={"id"})
                key = "values:" + _SPACES.sub(" ", fold_key(values))
            ids.append(entry_id(prefix, f"{name}\x1f{key}\x1f{seen[key]}"))
            seen[key] += 1
        if name == "recipients":
            record.provenance.recipient_ids = ids
        else:
            for entry, new_id in zip(entries, ids, strict=True):
                entry.id = new_id


def _evidence_key(spans: Iterable[Span], text: str) -> str:
    parts = [_SPACES.sub(" ", fold_key(text[span.start : span.end])).strip() for span in spans]
    return " | ".join(part for part in parts if part)


def restored_syllables(document: DocumentText, restorations: Sequence[Restoration | None]) -> Iterable[Restored]:
    """Every token restoration rewrote, with its posterior, at its offsets in the document's text.

    A change is reported at its offset in the input line; the restored line
    differs from it only by the tokens rewritten before it on that line.
    """
    for span, restoration in zip(document.pages, restorations, strict=False):
        if restoration is None:
            continue
        line_starts = [0]
        for line in restoration.text.split("\n"):
            line_starts.append(line_starts[-1] + len(line) + 1)
        shift: Counter[int] = Counter()
        for change in restoration.changes:
            if change.restored == change.original:
                continue
            start = span.start + line_starts[change.line - 1] + change.start + shift[change.line]
            shift[change.line] += len(change.restored) - len(change.original)
            yield Restored(start, start + len(change.restored), change.confidence)


def field_confidence(
    record: PlanRecord, document: DocumentText, restored: Sequence[Restored], was_restored: bool
) -> dict[str, FieldConfidence]:
    """For every field that cites evidence: OCR's mean word confidence, restoration's weakest syllable, the rule."""
    words = document.words
    starts = [w.start for w in words]
    result = {}
    for path, spans in record.provenance.spans.items():
        scores = [w.confidence for s in spans for w in words_in(words, starts, s.start, s.end) if w.confidence >= 0]
        posteriors = [r.confidence for r in restored for s in spans if s.start <= r.start and r.end <= s.end]
        result[path] = FieldConfidence(
            ocr=round(sum(scores) / len(scores), 1) if scores else None,
            restoration=min(posteriors, default=1.0) if was_restored else None,
            rule=rule_of(path),
        )
    return result


def uncertain_text(document: DocumentText, restored: Sequence[Restored]) -> list[UncertainText]:
    """Words OCR gave less than :data:`DOUBTFUL_OCR` and syllables restored below :data:`DOUBTFUL_RESTORATION`."""
    marks = [
        UncertainText(start=w.start, end=w.end, source="ocr", confidence=w.confidence)
        for w in document.words
        if 0 <= w.confidence < DOUBTFUL_OCR
    ]
    marks += [
        UncertainText(start=r.start, end=r.end, source="restoration", confidence=r.confidence)
        for r in restored
        if r.confidence < DOUBTFUL_RESTORATION
    ]
    return sorted(marks, key=lambda m: (m.start, m.end))


@cache
def _writers() -> tuple[tuple[str, str], ...]:
    """(record path, component) for every record field a configured component assigns, longest path first."""
    pairs = [
        (item.removeprefix("record."), name)
        for name in PIPELINE
        for item in REGISTRY[name].assigns
        if item.startswith("record.") and not item.startswith("record.provenance")
    ]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


def rule_of(path: str) -> str | None:
    """The extractor that set the field at ``path`` (``awards[2]`` -> ``awards``, ``issuer.name`` -> ``issuer``)."""
    plain = re.sub(r"\[[^\]]*\]", "", path)
    for field, name in _writers():
        if plain == field or plain.startswith(field + "."):
            return name
    return None


def _with_ocr_text(span: Span, document: DocumentText, starts: list[int]) -> Span:
    """The span with the words OCR read in it, as the searchable PDF's text layer has them."""
    inside = words_in(document.words, starts, span.start, span.end)
    if not inside:
        return span
    return span.model_copy(update={"ocr_text": " ".join(w.text for w in inside)})
