"""The plan record: khplan's public contract (schema_version "1").

Every downstream consumer (catalog, exports, benchmarks, other tools) reads
these names, so the models here *are* the documentation of
../shared/spec/plan-record.md. Add fields freely; renaming or removing one
needs a new ``SCHEMA_VERSION``.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, JsonValue

from khplan.schemas.words import Box

SCHEMA_VERSION: Literal["1"] = "1"
"""Bumped when a field's meaning changes (schemas/CHANGELOG.md); fields are added within a version."""

_SPACES = re.compile(r"\s+")


def normalize_text(value: str) -> str:
    """NFC, single spaces, no line breaks: the contract's form for every text value."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", value)).strip()


def normalize_number(value: str) -> str:
    """``69 /KH-UBND`` -> ``69/KH-UBND``: số và ký hiệu with the inner spaces removed."""
    return _SPACES.sub("", unicodedata.normalize("NFC", value))


Text = Annotated[str, AfterValidator(normalize_text)]
DocNumber = Annotated[str, AfterValidator(normalize_number)]
PartialDate = Annotated[
    str,
    Field(
        pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$",
        description="ISO date, or YYYY-MM, or YYYY when only a year is printed.",
        examples=["2021", "2023-10", "2024-03-31"],
    ),
]
ENTRY_ID_PREFIXES: dict[str, str] = {
    "legal_bases": "lb",
    "targets": "tg",
    "criteria": "cr",
    "awards": "aw",
    "deadlines": "dl",
    "recipients": "rc",
}
"""The record's lists and the two letters the ids of their entries start with."""

EntryId = Annotated[
    str,
    Field(
        pattern=r"^[a-z]{2}-[0-9a-f]{10}$",
        description="A list entry's id: two letters naming the list, then ten hex digits.",
        examples=["aw-3f2a9c1b0d"],
    ),
]
StableEntryId = Annotated[
    EntryId | None,
    Field(
        exclude_if=lambda value: value is None,
        description="Stable id of the entry, from its evidence: kept across re-extraction while the evidence is.",
    ),
]
"""A list entry's ``id`` field: left out of the JSON until assigned."""
MonthDay = Annotated[
    str,
    Field(pattern=r"^\d{2}-\d{2}$", description="MM-DD of a recurring date.", examples=["01-31"]),
]


class _Model(BaseModel):
    # Validated on assignment too: a value an extractor sets is normalised at once, so the record in
    # memory, the catalog row and the record file can never disagree.
    # The schema describes records as khplan writes them (serialization mode), where every field with a default
    # is always present: such fields are required there, and a consumer may rely on them.
    model_config = ConfigDict(
        extra="forbid",
        use_enum_values=True,
        validate_assignment=True,
        json_schema_serialization_defaults_required=True,
    )


class Level(StrEnum):
    """Administrative level of the issuing body."""

    central = "central"
    """A ministry, the Government, a central agency."""
    province = "province"
    """Tỉnh or thành phố trực thuộc trung ương."""
    district = "district"
    """Huyện, quận, thị xã, thành phố thuộc tỉnh."""
    commune = "commune"
    """Xã, phường, thị trấn."""
    department = "department"
    """A sở, ban or ngành of a province."""


class Subject(StrEnum):
    """Who a target, criterion or award is about."""

    collective = "collective"
    """Tập thể: an agency, unit, locality."""
    individual = "individual"
    """Cá nhân."""
    household = "household"
    """Hộ gia đình."""
    any = "any"
    """Tập thể and cá nhân alike."""


class Cadence(StrEnum):
    """When an award is given."""

    annual = "annual"
    """Every year of the campaign (hàng năm)."""
    final = "final"
    """At the end-of-campaign review (tổng kết)."""
    once = "once"
    """A single, dated occasion."""


class DeadlineKind(StrEnum):
    """What a dated obligation is."""

    submission = "submission"
    """Dossiers, reports, proposals to send."""
    review = "review"
    """The summing-up (sơ kết, tổng kết)."""
    period_end = "period_end"
    """The end of the campaign."""
    target = "target"
    """A dated goal (giải ngân 80% hết Quý III)."""


class Issuer(_Model):
    name: Text | None = Field(
        None,
        description="The issuing body in full words, with its unit.",
        examples=["Ủy ban nhân dân huyện Phù Mỹ", "Sở Xây dựng"],
    )
    parent: Text | None = Field(
        None,
        description="The governing body printed above the issuer (cơ quan chủ quản).",
        examples=["Ủy ban nhân dân tỉnh Bình Phước"],
    )
    level: Level | None = Field(None, description="Administrative level of the issuer.")
    province: Text | None = Field(
        None,
        description="Province as named when the document was issued.",
        examples=["Bình Định", "Quảng Ninh"],
    )


class UnitSuccessor(_Model):
    """A unit on the map after the 1 July 2025 merger: 34 provinces, communes directly under them, no districts."""

    name: Text = Field(description="Short name of the unit.", examples=["Gia Lai", "Hòa Vang"])
    kind: Text = Field(
        description="Lower-case kind, as documents write it.", examples=["tỉnh", "thành phố", "xã", "phường"]
    )
    level: Literal["province", "commune"] = Field(
        description="A province, or a commune; a district's successor is its new province."
    )
    province: Text = Field(description="The province it belongs to (itself for a province).", examples=["Gia Lai"])


class Signer(_Model):
    name: Text | None = Field(None, description="Who signed.", examples=["Lê Văn Lịch"])
    position: Text | None = Field(
        None, description="Position printed above the name.", examples=["Chủ tịch", "Phó Chủ tịch"]
    )
    authority: Text | None = Field(
        None,
        description="On whose behalf (TM., KT., Q.), or null.",
        examples=["TM. Ủy ban nhân dân", "KT. Chủ tịch"],
    )


class Period(_Model):
    start: PartialDate | None = None
    end: PartialDate | None = None
    text: Text | None = Field(None, description="The phrase the period came from.", examples=["giai đoạn 2021 - 2025"])


class LegalBasis(_Model):
    id: StableEntryId = None
    kind: Text | None = Field(None, description="Kind of the cited document.", examples=["Nghị quyết", "Quyết định"])
    number: DocNumber | None = Field(None, description="Normalised like `number`.", examples=["09-CTr/TU"])
    date: PartialDate | None = Field(None, description="Date of the cited document, or null.")
    issuer: Text | None = Field(None, description="Issuer in full words, or null.", examples=["Chính phủ"])


class Target(_Model):
    id: StableEntryId = None
    subject: Subject = Field(description="Who competes.")
    text: Text = Field(description="One listed group.")


class Criterion(_Model):
    id: StableEntryId = None
    subject: Subject
    text: Text = Field(description="One bullet a competitor must meet.")


class Award(_Model):
    id: StableEntryId = None
    form: Text = Field(description="Form of the award.", examples=["Bằng khen", "Giấy khen", "Cờ thi đua"])
    conferrer: Text | None = Field(None, examples=["Chủ tịch Ủy ban nhân dân tỉnh"])
    conferrer_level: Level | None = Field(
        None,
        description="The level of the body that grants it, normalised from `conferrer` (for comparing across plans).",
        examples=["province", "district"],
    )
    subject: Subject | None = None
    cadence: Cadence | None = None
    quota: int | None = Field(None, ge=0, description="Number of awards when a count is printed.")
    rank_limit: int | None = Field(None, ge=1, description="N of a 'top N' rule.")
    recipient_group: Text | None = Field(None, description="The group a share is reserved for.")
    condition: Text | None = Field(None, description="The threshold in words.")


class Deadline(_Model):
    id: StableEntryId = None
    kind: DeadlineKind
    date: dt.date | None = Field(None, description="ISO date when a full date is known.")
    month_day: MonthDay | None = None
    recurrence: Literal["annual"] | None = None
    action: Text | None = None
    to: Text | None = Field(None, description="The receiving body, in full words.")
    text: Text | None = Field(None, description="The phrase the deadline came from.")


class Span(_Model):
    """Where a field's evidence sits in the document text."""

    start: int = Field(ge=0, description="Character offset (0-based) in the document's restored text.")
    end: int = Field(ge=0, description="Exclusive end offset.")
    page: int | None = Field(None, ge=1, description="Page number, 1-based.")
    box: Box | None = Field(None, description="Left, top, width, height in pixels of the page image, when OCR'd.")
    ocr_text: str | None = Field(
        None,
        description=(
            "The words under `box` as OCR read them, which is what the searchable PDF's text layer holds there "
            "(the span's own offsets index the restored text)."
        ),
    )


class PageSize(_Model):
    """The page image that boxes are measured on: draw a box at ``box / width`` of the page shown."""

    page: int = Field(ge=1, description="Page number, 1-based (the page of the input file).")
    width: int = Field(ge=1, description="Width in pixels.")
    height: int = Field(ge=1, description="Height in pixels.")
    dpi: int | None = Field(None, ge=1, description="Its resolution, when known (a PDF page: as rasterised).")


DOUBTFUL_OCR = 70.0
"""Mean OCR word confidence (0-100) below which a field, or a word, is doubtful; reliable words score 85+."""
DOUBTFUL_RESTORATION = 0.9
"""Restoration posterior below which a restored syllable, and a field resting on it, is doubtful. On the real
development documents' legacy OCR (``python -m tools.bench.real --parts dev``, 2026-12-05), poor scans: 0.5 left
1.2% of header fields wrong and unflagged, 0.8 0.8%, 0.9 0.6% (right yet flagged 17.2, 19.9, 21.9%)."""


class FieldConfidence(_Model):
    """How sure khplan is of one field, from each step that made it."""

    ocr: float | None = Field(
        None, ge=0, le=100, description="Mean OCR word confidence (0-100) over the field's evidence, when OCR'd."
    )
    restoration: float | None = Field(
        None,
        ge=0,
        le=1,
        description="Lowest posterior (0-1) of a syllable restoration rewrote in the evidence; 1 when it changed none.",
    )
    rule: str | None = Field(None, description="The extractor that set the field.", examples=["awards", "header"])

    @property
    def doubtful(self) -> bool:
        """OCR or restoration was unsure of the field's evidence."""
        return (self.ocr is not None and self.ocr < DOUBTFUL_OCR) or (
            self.restoration is not None and self.restoration < DOUBTFUL_RESTORATION
        )


class UncertainText(_Model):
    """A stretch of the text (a word or syllable) that OCR or restoration was unsure of."""

    start: int = Field(ge=0, description="Character offset in the document's restored text.")
    end: int = Field(ge=0, description="Exclusive end offset.")
    source: Literal["ocr", "restoration"]
    confidence: float = Field(description="OCR word confidence 0-100, or restoration posterior 0-1.")


class Provenance(_Model):
    source: str | None = Field(None, description="The input path as given.")
    sha256: str | None = Field(None, pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the input bytes.")
    pages: int | None = Field(None, ge=0)
    method: Literal["text", "pdf-text", "ocr"] | None = None
    spans: dict[str, list[Span]] = Field(
        default_factory=dict, description="Field path (e.g. `number`, `issuer.name`) to its evidence."
    )
    text_layer: Literal["ocr"] | None = Field(
        None,
        description=(
            "What the searchable PDF's invisible text holds: `ocr`, the words as OCR read them, before restoration. "
            "Spans index the restored text (OUT/text); a span's `ocr_text` is the layer's text in its box."
        ),
    )
    page_sizes: list[PageSize] = Field(
        default_factory=list, description="Size and resolution of each page image the boxes are measured on."
    )
    recipient_ids: list[EntryId] = Field(
        default_factory=list, description="Stable ids of the `recipients` entries, in their order (strings carry none)."
    )
    confidence: dict[str, FieldConfidence] = Field(
        default_factory=dict, description="Field path to how sure OCR, restoration and the rule were of it."
    )
    uncertain: list[UncertainText] = Field(
        default_factory=list, description="Words OCR doubted and syllables restoration doubted, in text order."
    )
    corrected: list[str] = Field(
        default_factory=list,
        description=(
            "Field paths a person set in `khplan review` (`awards[aw-…].quota`); an entry path whose entry is "
            "absent was removed by a person. A re-extraction never overwrites them."
        ),
    )
    extracted: dict[str, JsonValue] = Field(
        default_factory=dict,
        description="For each corrected path, what the latest extraction gave there (null: nothing).",
    )

    found_by: dict[str, str] = Field(
        default_factory=dict,
        description=(
            "Field path to how the field was found: where ND30 prints it (`type line`, `header`, `place line`, "
            "`title lines`, `V/v line`), or a weaker source the record's warnings then name (`number's code`, "
            "`authority line`, `text`, `opening paragraph`, `lines under the header`)."
        ),
        examples=[{"doc_type": "type line", "issuer.province": "place line and text"}],
    )


class WarningCode(StrEnum):
    """Why a reviewer should look at a field (the README lists them; keep the two in step)."""

    field_not_found = "field_not_found"
    """The document should state it, and nothing was found."""
    low_ocr_confidence = "low_ocr_confidence"
    """OCR was unsure of the words the value rests on (or of the digits of a date)."""
    low_restoration_confidence = "low_restoration_confidence"
    """Diacritics restoration was unsure of a word the value rests on (the message names the words)."""
    inferred = "inferred"
    """Not stated where it belongs; taken from elsewhere in the document (targets from the award rules)."""
    inferred_year = "inferred_year"
    """A date printed without its year got the plan's year."""
    inferred_day = "inferred_day"
    """A date printed as a month or period got its last day."""
    inferred_doc_type = "inferred_doc_type"
    """No type line: the type was read from the number's ký hiệu."""
    unresolved_unit = "unresolved_unit"
    """An administrative unit named in the header is not in the gazetteer."""
    ambiguous_unit = "ambiguous_unit"
    """The unit's name exists in several provinces and the text names none of them."""
    extractor_failed = "extractor_failed"
    """A component failed on this document (library use; the pipeline fails the document instead)."""
    issuer_from_text = "issuer_from_text"
    """The header does not name the issuer in full; it was read from the authority line, the text or the place line."""
    weak_issuer_evidence = "weak_issuer_evidence"
    """The issuer (or its province) rests on a weak source: the number's ký hiệu, the opening paragraph, a weak
    gazetteer match."""
    implausible_issuer = "implausible_issuer"
    """The body's name does not look like one (a title's words, an echoed word, no syllable, a second body in it)."""
    weak_parent = "weak_parent"
    """The body above the issuer is neither set by convention nor a known ministry, department or unit's committee."""
    place_contradicts_issuer = "place_contradicts_issuer"
    """The place line names a place outside the issuer's province, or a unit whose name differs from the issuer's
    only in its marks (one of the two misread)."""
    title_contradicts_issuer = "title_contradicts_issuer"
    """The title governs a unit outside the issuer's province."""
    number_contradicts_issuer = "number_contradicts_issuer"
    """The number's ký hiệu names another kind of body than the header."""
    number_contradicts_type = "number_contradicts_type"
    """The number's ký hiệu names another document type than the type line."""
    number_misread = "number_misread"
    """A segment of the number's ký hiệu is not shaped as one (digits, small letters, a stray mark)."""
    unresolved_place = "unresolved_place"
    """The place is no unit's name in the gazetteer: kept as printed."""
    weak_title_evidence = "weak_title_evidence"
    """No type line or V/v sets the title apart: read from the lines under the header."""
    title_runs_on = "title_runs_on"
    """The title holds what follows it in a document (a date line, Số:, Căn cứ, the motto) or is very long."""
    title_cut_short = "title_cut_short"
    """The title ends on a word that cannot end one (của, và, về …)."""
    title_misread = "title_misread"
    """The title is OCR's noise (fewer than three words, opened by a symbol)."""
    unreadable_title_words = "unreadable_title_words"
    """Words of the title run together or are no Vietnamese syllables."""
    damaged_text = "damaged_text"
    """Most of the header's words are no Vietnamese syllables (a broken font or encoding): every header field is
    doubtful."""


class ReviewWarning(_Model):
    """Something a reviewer should look at."""

    code: WarningCode = Field(description="Why: one of a fixed list (see WarningCode).")
    field: str | None = Field(None, description="Field path the warning is about.", examples=["issue_date"])
    message: Text


class PlanRecord(_Model):
    """One administrative plan, as khplan extracts it."""

    schema_version: Literal["1"] = SCHEMA_VERSION
    doc_type: Text | None = Field(
        None, description="The type line in sentence case.", examples=["Kế hoạch", "Quyết định", "Công văn"]
    )
    number: DocNumber | None = Field(None, description="Số và ký hiệu, inner spaces removed.", examples=["69/KH-UBND"])
    issue_date: dt.date | None = Field(None, description="From the place-and-date line.")
    place: Text | None = Field(None, description="The địa danh before ', ngày'.", examples=["Phù Mỹ"])
    title: Text | None = Field(
        None,
        description="The trích yếu, one line, in sentence case, without the type word or outer quotes.",
        examples=["Thực hiện Đề án tăng cường công tác phổ biến, giáo dục pháp luật trên địa bàn tỉnh Thái Bình"],
    )
    title_as_printed: Text | None = Field(
        None,
        exclude_if=lambda value: value is None,
        description=(
            "The trích yếu as the document prints it (a title in capitals stays in capitals), one line. Left out of "
            "the record when there is no title."
        ),
        examples=["THỰC HIỆN ĐỀ ÁN TĂNG CƯỜNG CÔNG TÁC PHỔ BIẾN, GIÁO DỤC PHÁP LUẬT TRÊN ĐỊA BÀN TỈNH THÁI BÌNH"],
    )
    issuer: Issuer = Field(default_factory=Issuer)
    issuer_successor: UnitSuccessor | None = Field(
        None,
        exclude_if=lambda value: value is None,
        description=(
            "Where the issuer's unit sits after the 1 July 2025 merger (a district's: its new province), from the "
            "gazetteer, so plans can be compared on today's map. Left out of the record when the unit is unknown."
        ),
        examples=[{"name": "Gia Lai", "kind": "tỉnh", "level": "province", "province": "Gia Lai"}],
    )
    signer: Signer = Field(default_factory=Signer)
    period: Period = Field(default_factory=Period)
    legal_bases: list[LegalBasis] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    criteria: list[Criterion] = Field(default_factory=list)
    awards: list[Award] = Field(default_factory=list)
    deadlines: list[Deadline] = Field(default_factory=list)
    recipients: list[Text] = Field(default_factory=list, description="The Nơi nhận list, Lưu left out.")
    provenance: Provenance = Field(default_factory=Provenance)
    warnings: list[ReviewWarning] = Field(default_factory=list)
