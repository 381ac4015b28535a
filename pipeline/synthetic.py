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
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from diacritics.corpus import corpus_files, iter_lines

PLAN_OPENINGS = (
    "Phát động phong trào thi đua",
    "Tổ chức phong trào thi đua",
    "Triển khai phong trào thi đua",
    "Thi đua",
)
PERIODS = ("năm {year}", "giai đoạn {year} - {end}", "giai đoạn {year} - {end}, định hướng đến năm 2030")
DEPARTMENTS = (
    ("Sở Nội vụ", "SNV"), ("Sở Xây dựng", "SXD"), ("Sở Tư pháp", "STP"), ("Sở Y tế", "SYT"),
    ("Sở Giáo dục và Đào tạo", "SGDĐT"), ("Sở Tài chính", "STC"), ("Sở Công Thương", "SCT"),
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


def _held_out_sentences(corpus: Path) -> list[str]:
    """Long enough held-out lines, without the article and chapter headings of laws."""
    lines = iter_lines(corpus_files(corpus, held_out=True))
    return [line for line in lines if len(line.split()) >= 8 and not line.startswith(("Điều", "Chương", "Mục"))]


def generate_plans(count: int, corpus: Path, *, seed: int = 0, body_lines: tuple[int, int] = (12, 30)) -> list[SyntheticPlan]:
    """``count`` plans, the same ones for the same ``seed`` and corpus."""
    from extractors.gazetteer import units

    rng = random.Random(seed)
    sentences = _held_out_sentences(corpus)
    everything = units()
    provinces = [u for u in everything if u.level == "province"]
    districts = [u for u in everything if u.level == "district"]
    communes = [u for u in everything if u.level == "commune"]
    plans = []
    for n in range(count):
        level = ("province", "district", "commune", "department")[n % 4]
        unit = rng.choice({"province": provinces, "district": districts, "commune": communes, "department": provinces}[level])
        body = rng.sample(sentences, min(rng.randint(*body_lines), len(sentences)))
        province = next(p for p in provinces if p.name == unit.province)
        plans.append(_plan(f"synthetic-{seed}-{n:03d}", level, unit, province, rng, sentences, body))
    return plans


def _plan(name: str, level: str, unit, province, rng: random.Random, sentences: list[str], body: list[str]) -> SyntheticPlan:
    year = rng.randint(2019, 2024)
    issued = date(year, rng.randint(1, 12), rng.randint(1, 28))
    if level == "department":
        department, code = rng.choice(DEPARTMENTS)
        left = (f"UBND {unit.kind.upper()} {unit.name.upper()}", department.upper())
        issuer = {"name": department, "parent": f"Ủy ban nhân dân {unit.kind} {unit.name}", "level": level}
    else:
        code = "UBND"
        left = ("ỦY BAN NHÂN DÂN", f"{unit.kind.upper()} {unit.name.upper()}")
        issuer = {"name": f"Ủy ban nhân dân {unit.kind} {unit.name}", "parent": None, "level": level}
    issuer["province"] = province.name
    place = unit.name
    number = f"{rng.randint(1, 999)}/KH-{code}"
    theme = rng.choice(sentences).rstrip(".;:,").split()
    theme = " ".join(theme[: rng.randint(5, 10)])
    period = rng.choice(PERIODS).format(year=year, end=year + 4)
    title = f"{rng.choice(PLAN_OPENINGS)} {theme[:1].lower()}{theme[1:]} {period}"
    preamble = [
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        f"Thực hiện chỉ đạo của Ủy ban nhân dân {province.kind} {province.name} về công tác thi đua, khen thưởng;",
    ]
    left = (*left, f"Số: {number}")
    right = (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        f"{place}, ngày {issued.day:02d} tháng {issued.month} năm {issued.year}",
    )
    text = "\n".join(
        [
            *(f"{a}   {b}" for a, b in zip(left, right)),  # one line per row, as the seeds' typed text has it
            "KẾ HOẠCH",
            title,
            "",
            *preamble,
            "I. MỤC ĐÍCH, YÊU CẦU",
            *body,
        ]
    ) + "\n"
    fields = {
        "doc_type": "Kế hoạch", "number": number, "issue_date": issued.isoformat(), "place": place,
        "title": title, "issuer": issuer,
    }
    return SyntheticPlan(name, text, fields, (*left, *right))
