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

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from khplan.schemas.words import Box

SCHEMA_VERSION: Literal["1"] = "1"

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
MonthDay = Annotated[
    str,
    Field(pattern=r"^\d{2}-\d{2}$", description="MM-DD of a recurring date.", examples=["01-31"]),
]


class _Model(BaseModel):
    # Validated on assignment too: a value an extractor sets is normalised at once, so the record in
    # memory, the catalog row and the record file can never disagree.
    model_config = ConfigDict(extra="forbid", use_enum_values=True, validate_assignment=True)


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
    kind: Text | None = Field(None, description="Kind of the cited document.", examples=["Nghị quyết", "Quyết định"])
    number: DocNumber | None = Field(None, description="Normalised like `number`.", examples=["09-CTr/TU"])
    date: PartialDate | None = Field(None, description="Date of the cited document, or null.")
    issuer: Text | None = Field(None, description="Issuer in full words, or null.", examples=["Chính phủ"])


class Target(_Model):
    subject: Subject = Field(description="Who competes.")
    text: Text = Field(description="One listed group.")


class Criterion(_Model):
    subject: Subject
    text: Text = Field(description="One bullet a competitor must meet.")


class Award(_Model):
    form: Text = Field(description="Form of the award.", examples=["Bằng khen", "Giấy khen", "Cờ thi đua"])
    conferrer: Text | None = Field(None, examples=["Chủ tịch Ủy ban nhân dân tỉnh"])
    subject: Subject | None = None
    cadence: Cadence | None = None
    quota: int | None = Field(None, ge=0, description="Number of awards when a count is printed.")
    rank_limit: int | None = Field(None, ge=1, description="N of a 'top N' rule.")
    recipient_group: Text | None = Field(None, description="The group a share is reserved for.")
    condition: Text | None = Field(None, description="The threshold in words.")


class Deadline(_Model):
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


class Provenance(_Model):
    source: str | None = Field(None, description="The input path as given.")
    sha256: str | None = Field(None, pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the input bytes.")
    pages: int | None = Field(None, ge=0)
    method: Literal["text", "pdf-text", "ocr"] | None = None
    spans: dict[str, list[Span]] = Field(
        default_factory=dict, description="Field path (e.g. `number`, `issuer.name`) to its evidence."
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


class ReviewWarning(_Model):
    """Something a reviewer should look at."""

    code: str = Field(examples=["field_not_found", "inferred_year", "low_ocr_confidence", "unresolved_unit"])
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
