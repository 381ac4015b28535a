"""Plans no one has seen: generated documents with known header fields, for benchmarks.

The seeds are development data; numbers measured on them flatter whatever was
tuned to them. These documents follow the layout Nghị định 30/2020/NĐ-CP
prescribes (two-column header, type line, trích yếu, preamble, body) with
issuers drawn from the whole pre-2025 gazetteer and body text from the
held-out split of the law corpus, which no model or rule was built on.
Each comes with the header fields a correct extractor must return.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from tools.corpus import corpus_files, iter_lines
from tools.synth.plan_bodies import DEVELOPMENT, THEMES, Frame, write_body

if TYPE_CHECKING:
    from khplan.extractors.gazetteer import AdminUnit

PLAN_OPENINGS = (
    "Phát động phong trào thi đua",
    "Tổ chức phong trào thi đua",
    "Triển khai phong trào thi đua",
    "Thi đua",
)
PERIODS = ("năm {year}", "giai đoạn {year} - {end}", "giai đoạn {year} - {end}, định hướng đến năm 2030")
DEPARTMENTS = (
    ("Sở Nội vụ", "SNV"),
    ("Sở Xây dựng", "SXD"),
    ("Sở Tư pháp", "STP"),
    ("Sở Y tế", "SYT"),
    ("Sở Giáo dục và Đào tạo", "SGDĐT"),
    ("Sở Tài chính", "STC"),
    ("Sở Công Thương", "SCT"),
)


@dataclass(frozen=True)
class SyntheticPlan:
    """A generated plan: its text as a clerk would type it, and the header fields it states."""

    name: str
    text: str
    fields: dict = field(default_factory=dict)
    """doc_type, number, issue_date, place, title, issuer — as the plan record must hold them."""
    header: tuple[str, ...] = ()
    """The header's lines, column by column: issuer lines and number, then motto and place-date."""
    family: str | None = None
    """For full plans (:func:`generate_full_plans`): the phrasing family of the body, ``development`` or
    ``evaluation``; None for header-only plans."""
    printed: str = ""
    """For full plans: the same text with one line per paragraph, as a word processor holds it (what a scan
    is printed from); ``text`` may have its paragraphs hard-wrapped, as pasted or OCR'd text has them."""


def _held_out_sentences(corpus: Path) -> list[str]:
    """Long enough held-out lines, without the article and chapter headings of laws."""
    lines = iter_lines(corpus_files(corpus, held_out=True))
    return [line for line in lines if len(line.split()) >= 8 and not line.startswith(("Điều", "Chương", "Mục"))]


def generate_plans(
    count: int, corpus: Path, *, seed: int = 0, body_lines: tuple[int, int] = (12, 30)
) -> list[SyntheticPlan]:
    """``count`` plans, the same ones for the same ``seed`` and corpus."""
    rng = random.Random(seed)
    sentences = _held_out_sentences(corpus)
    pools = _unit_pools()
    plans = []
    for n in range(count):
        level, unit, province = _issuing_unit(rng, n, pools)
        body = rng.sample(sentences, min(rng.randint(*body_lines), len(sentences)))
        plans.append(_plan(f"synthetic-{seed}-{n:03d}", level, unit, province, rng, sentences, body))
    return plans


def _unit_pools() -> dict[str, list]:
    """The gazetteer's units by level; departments sit under provinces."""
    from khplan.extractors.gazetteer import units

    everything = units()
    pools = {level: [u for u in everything if u.level == level] for level in ("province", "district", "commune")}
    pools["department"] = pools["province"]
    return pools


def _issuing_unit(rng: random.Random, n: int, pools: dict[str, list]) -> tuple[str, AdminUnit, AdminUnit]:
    """The level (cycling province, district, commune, department), unit and province of the ``n``-th plan."""
    level = ("province", "district", "commune", "department")[n % 4]
    unit = rng.choice(pools[level])
    province = next(p for p in pools["province"] if p.name == unit.province)
    return level, unit, province


def _fixed(subject: str) -> Callable[[random.Random], str]:
    """A header's subject that is already chosen (a full plan's campaign), where a generator is asked for."""
    return lambda _rng: subject


@dataclass(frozen=True)
class PlanHeader:
    """What the header block of a generated plan prints, and the fields it states."""

    left: tuple[str, ...]
    """Issuer lines and the number line."""
    right: tuple[str, ...]
    """Motto, slogan and the place-date line."""
    title: str
    issued: date
    period: str
    """The period phrase the title ends with (``năm 2022``, ``giai đoạn 2022 - 2026``)."""
    code: str
    """The issuer's code in the number (``UBND``, ``SXD``)."""
    fields: dict


def _header(
    level: str,
    unit,
    rng: random.Random,
    theme: Callable[[random.Random], str],
    province,
    months: tuple[int, int] = (1, 12),
    periods: tuple[str, ...] = PERIODS,
) -> PlanHeader:
    """The header block: issuer, number, place-date, title on ``theme`` (drawn where the original plans drew it).

    ``months``: the months the plan may be issued in (a full plan launches its campaign early in the year);
    ``periods``: the title's period phrases to draw from.
    """
    year = rng.randint(2019, 2024)
    issued = date(year, rng.randint(*months), rng.randint(1, 28))
    if level == "department":
        department, code = rng.choice(DEPARTMENTS)
        left: tuple[str, ...] = (f"UBND {unit.kind.upper()} {unit.name.upper()}", department.upper())
        issuer: dict[str, str | None] = {
            "name": department,
            "parent": f"Ủy ban nhân dân {unit.kind} {unit.name}",
            "level": level,
        }
    else:
        code = "UBND"
        left = ("ỦY BAN NHÂN DÂN", f"{unit.kind.upper()} {unit.name.upper()}")
        issuer = {"name": f"Ủy ban nhân dân {unit.kind} {unit.name}", "parent": None, "level": level}
    issuer["province"] = province.name
    # a city named after a person is never printed without its kind: "Thành phố Hồ Chí Minh, ngày …"
    place = f"Thành phố {unit.name}" if unit.name == "Hồ Chí Minh" else unit.name
    number = f"{rng.randint(1, 999)}/KH-{code}"
    subject = theme(rng)
    period = rng.choice(periods).format(year=year, end=year + 4)
    title = f"{rng.choice(PLAN_OPENINGS)} {subject[:1].lower()}{subject[1:]} {period}"
    left = (*left, f"Số: {number}")
    right = (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        f"{place}, ngày {issued.day:02d} tháng {issued.month} năm {issued.year}",
    )
    fields = {
        "doc_type": "Kế hoạch",
        "number": number,
        "issue_date": issued.isoformat(),
        "place": place,
        "title": title,
        "issuer": issuer,
    }
    return PlanHeader(left, right, title, issued, period, code, fields)


def _corpus_theme(sentences: list[str]) -> Callable[[random.Random], str]:
    """A title subject cut from a held-out law sentence (the header-only plans)."""

    def draw(rng: random.Random) -> str:
        words = rng.choice(sentences).rstrip(".;:,").split()
        return " ".join(words[: rng.randint(5, 10)])

    return draw


def _header_lines(header: PlanHeader) -> list[str]:
    """The header as typed text: one line per row, both columns on it, then the type line and the title."""
    return [*(f"{a}   {b}" for a, b in zip(header.left, header.right, strict=False)), "KẾ HOẠCH", header.title]


def _plan(
    name: str, level: str, unit, province, rng: random.Random, sentences: list[str], body: list[str]
) -> SyntheticPlan:
    header = _header(level, unit, rng, _corpus_theme(sentences), province)
    preamble = [
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        f"Thực hiện chỉ đạo của Ủy ban nhân dân {province.kind} {province.name} về công tác thi đua, khen thưởng;",
    ]
    text = "\n".join([*_header_lines(header), "", *preamble, "I. MỤC ĐÍCH, YÊU CẦU", *body]) + "\n"
    return SyntheticPlan(name, text, header.fields, (*header.left, *header.right))


def generate_full_plans(count: int, *, seed: int = 0, family: str = DEVELOPMENT) -> list[SyntheticPlan]:
    """``count`` complete plans whose body is written in ``family``'s phrasings, with the gold of every field.

    ``family`` is ``development`` (tune rules on these) or ``evaluation``
    (held-out phrasings: report on them only); see :mod:`pipeline.synthetic_body`.
    The same ``seed`` and family give the same plans; the header is built as
    :func:`generate_plans` builds it, on a real campaign subject.
    """
    rng = random.Random(f"{family}:{seed}")
    pools = _unit_pools()
    plans = []
    for n in range(count):
        level, unit, province = _issuing_unit(rng, n, pools)
        theme = rng.choice(THEMES[family])
        on = f" trên địa bàn {unit.kind} {unit.name}" if level != "department" and rng.random() < 0.3 else ""
        header = _header(
            level,
            unit,
            rng,
            _fixed(theme.title + on),
            province,
            months=(1, 9),
            periods=FULL_PLAN_PERIODS,
        )
        frame = Frame(
            level=level,
            kind=unit.kind,
            name=unit.name,
            province_kind=province.kind,
            province=province.name,
            department=header.fields["issuer"]["name"] if level == "department" else None,
            district_kind=_district_kind(unit, pools),
            issued=header.issued,
            start=header.issued.year,
            end=header.issued.year + (4 if "giai đoạn" in header.period else 0),
            title=header.title,
            theme=theme,
        )
        typed, printed, gold = write_body(frame, rng, family)
        head = [*_header_lines(header), ""]
        plans.append(
            SyntheticPlan(
                f"full-{family}-{seed}-{n:03d}",
                "\n".join([*head, *typed]) + "\n",
                {**header.fields, **gold},
                (*header.left, *header.right),
                family,
                "\n".join([*head, *printed]) + "\n",
            )
        )
    return plans


FULL_PLAN_PERIODS = ("năm {year}", *PERIODS)
"""One-year campaigns as often as multi-year phases."""


def _district_kind(unit, pools: dict[str, list]) -> str:
    """A commune's district's kind (huyện, quận, thị xã, thành phố); a unit's own kind otherwise."""
    if unit.level != "commune":
        return unit.kind
    district = next((d for d in pools["district"] if d.name == unit.district and d.province == unit.province), None)
    return district.kind if district else "huyện"
