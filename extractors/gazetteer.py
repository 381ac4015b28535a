"""Vietnam's administrative units before the July 2025 merger, and their successors after it.

Built from the ``vietnamadminunits`` package (its SQLite dataset, table
``admin_units_legacy``: 63 provinces, ~700 districts, ~10 000 communes, and
its converter tables to the 34-province map), read lazily on first use and
never downloaded: the data ships inside the installed package, so the
gazetteer is rebuilt whenever that package is upgraded.

Documents name units as ``<kind> <name>`` (``huyện Phù Mỹ``, ``UBND TỈNH
QUẢNG NINH``); :func:`resolve` finds the unit a possibly damaged name means,
accent- and case-insensitively, and says when the name fits several.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from rapidfuzz import fuzz, process

from khplan.extractors.matching import fold_key, squash

LEVEL_OF_KIND: dict[str, tuple[str, ...]] = {
    "tỉnh": ("province",),
    "thành phố": ("province", "district"),
    "huyện": ("district",),
    "quận": ("district",),
    "thị xã": ("district",),
    "xã": ("commune",),
    "phường": ("commune",),
    "thị trấn": ("commune",),
}
"""Unit kinds as documents write them (lower case), and the levels each can be."""

KINDS_BY_LENGTH = sorted(LEVEL_OF_KIND, key=len, reverse=True)

FORMER_PROVINCE_NAMES: dict[str, tuple[str, str]] = {"Huế": ("tỉnh", "Thừa Thiên Huế")}
"""Provinces the dataset names as they became in early 2025, with the kind and name documents before then use.

Thừa Thiên Huế became the centrally-run city of Huế on 1 January 2025.
"""

RENAMED_ON: dict[str, tuple[dt.date, str, str]] = {"Thừa Thiên Huế": (dt.date(2025, 1, 1), "thành phố", "Huế")}
"""Provinces renamed before the 2025 merger: from that day on, documents name them by the new kind and name."""


def name_on(unit: AdminUnit, day: dt.date | None) -> tuple[str, str]:
    """A province-level unit's kind and name as documents of ``day`` print them (``tỉnh Thừa Thiên Huế`` until 2025)."""
    renamed = RENAMED_ON.get(unit.name)
    if renamed is not None and day is not None and day >= renamed[0]:
        return renamed[1], renamed[2]
    return unit.kind, unit.name


NEAR_TIE = 3.0
"""Two different names scoring within this of each other are too close to choose between."""
REGRADED_SCORE = 85.0
"""A unit's name printed with another kind than the gazetteer's (``huyện Mộc Châu``, a thị xã since 2025; ``tỉnh Cần
Thơ``, a city since 2004): the name is sure, that it is this unit less so, as a weak match."""

_TAG = re.compile(r"\s*\([^)]*\)$")
_NUMBERED = re.compile(r"^(?:Quận|Phường|Xã|Thị trấn)\s+(\d+)$")


@dataclass(frozen=True)
class AdminUnit:
    """One pre-2025 unit, named as documents name it."""

    name: str
    """Short name without its kind: ``Phù Mỹ``, ``Quảng Ninh``, ``1`` (for Quận 1)."""
    kind: str
    """Lower-case kind: ``tỉnh``, ``thành phố``, ``huyện``, ``quận``, ``thị xã``, ``xã``, ``phường``, ``thị trấn``."""
    level: str
    """``province``, ``district`` or ``commune``."""
    province: str
    """Short name of its province (itself for a province)."""
    district: str | None
    """Short name of its district, for a commune."""
    code: str
    """The General Statistics Office code."""
    key: str
    """The package's legacy key, ``tinhbinhdinh_huyenphumy_…``, which its converter is keyed by."""
    aliases: tuple[str, ...] = ()
    """Other names documents use for it."""

    @property
    def title(self) -> str:
        """``huyện Phù Mỹ``: kind and name, as running text writes it."""
        return f"{self.kind} {self.name}"


@dataclass(frozen=True)
class Successor:
    """Where a pre-2025 unit sits on the map after 1 July 2025 (no districts; 34 provinces)."""

    name: str
    kind: str
    level: str
    """``province`` or ``commune``: a district's successor is its new province."""
    province: str


@dataclass(frozen=True)
class Resolution:
    """The unit a name means, or the units it might mean."""

    unit: AdminUnit | None
    candidates: tuple[AdminUnit, ...] = ()
    """Every unit that fits equally well (one when resolved)."""
    score: float = 0.0
    """0-100 similarity of the folded name to the unit's."""

    @property
    def ambiguous(self) -> bool:
        return self.unit is None and len(self.candidates) > 1


def _dataset_path():
    return files("vietnamadminunits") / "data" / "dataset.db"


def _short(name: str, kind: str) -> str:
    """The name documents print: without the dataset's ``(Huyện)`` tags on shared names, ``1`` for Quận 1."""
    name = _TAG.sub("", name)
    numbered = _NUMBERED.match(name)
    return numbered.group(1) if numbered else name


@cache
def units() -> tuple[AdminUnit, ...]:
    """Every pre-2025 unit: provinces, then districts, then communes."""
    with sqlite3.connect(f"file:{_dataset_path()}?mode=ro", uri=True) as db:
        rows = db.execute(
            "select province, provinceShort, provinceCode, provinceKey, districtShort, districtType, districtCode,"
            " districtKey, wardShort, wardType, wardCode, wardKey from admin_units_legacy order by wardCode"
        ).fetchall()
    provinces: dict[str, AdminUnit] = {}
    districts: dict[str, AdminUnit] = {}
    communes: list[AdminUnit] = []
    for p_full, p_short, p_code, p_key, d_short, d_type, d_code, d_key, w_short, w_type, w_code, w_key in rows:
        province_name = p_short
        aliases: tuple[str, ...]
        if p_short in FORMER_PROVINCE_NAMES:
            kind, province_name = FORMER_PROVINCE_NAMES[p_short]
            aliases = (p_short,)
        else:
            kind, aliases = ("thành phố" if p_full.startswith("Thành phố") else "tỉnh"), ()
        provinces.setdefault(
            p_code, AdminUnit(province_name, kind, "province", province_name, None, p_code, p_key, aliases)
        )
        if d_code:
            districts.setdefault(
                d_code,
                AdminUnit(
                    _short(d_short, d_type), d_type.lower(), "district", province_name, None, d_code, f"{p_key}_{d_key}"
                ),
            )
        if w_code:
            communes.append(
                AdminUnit(
                    _short(w_short, w_type),
                    w_type.lower(),
                    "commune",
                    province_name,
                    _short(d_short, d_type),
                    w_code,
                    f"{p_key}_{d_key}_{w_key}",
                )
            )
    by_name = {unit.name: unit for unit in provinces.values()}
    former = [
        AdminUnit(name, kind, "district", province, None, f"former:{kind}:{name}", f"{by_name[province].key}_")
        for province, kind, name in FORMER_DISTRICTS
    ]
    return (
        *sorted(provinces.values(), key=lambda u: u.code),
        *sorted(districts.values(), key=lambda u: u.code),
        *former,
        *communes,
    )


FORMER_DISTRICTS: tuple[tuple[str, str, str], ...] = (
    ("Hồ Chí Minh", "quận", "2"),
    ("Hồ Chí Minh", "quận", "9"),
    ("Hồ Chí Minh", "quận", "Thủ Đức"),
    ("Hà Nội", "huyện", "Từ Liêm"),
    ("Thanh Hóa", "huyện", "Đông Sơn"),
    ("Thừa Thiên Huế", "thành phố", "Huế"),
)
"""Districts dissolved before 2025, which the dataset no longer holds and older documents name: Quận 2, Quận 9 and
quận Thủ Đức became the city of Thủ Đức (2021), huyện Từ Liêm was split into Bắc and Nam Từ Liêm (2014), huyện Đông
Sơn joined the city of Thanh Hóa (2025), the city of Huế (a district of Thừa Thiên Huế) became the centrally-run city
(2025, :data:`RENAMED_ON`). Their communes are under the units they joined."""


def on_day(resolution: Resolution, day: dt.date | None) -> Resolution:
    """The unit a resolved name meant on ``day``: ``thành phố Huế`` is the district-level city until 2025 and the
    province it named from then on (:data:`RENAMED_ON`); undated, the name's older sense stands."""
    unit = resolution.unit
    if unit is None or day is None or not unit.code.startswith("former:"):
        return resolution
    for province, (renamed, kind, name) in RENAMED_ON.items():
        if (unit.kind, unit.name) == (kind, name) and day >= renamed:
            became = next(u for u in provinces() if u.name == province)
            return Resolution(became, (became,), resolution.score)
    return resolution


@cache
def _index(level: str) -> tuple[tuple[AdminUnit, ...], tuple[str, ...]]:
    """Units of one level and their comparison keys (aliases get their own entries)."""
    entries = [(unit, squash(name)) for unit in units() if unit.level == level for name in (unit.name, *unit.aliases)]
    return tuple(u for u, _ in entries), tuple(k for _, k in entries)


def provinces() -> tuple[AdminUnit, ...]:
    return _index("province")[0]


ABBREVIATED_NAMES = {
    "tphcm": "ho chi minh",
    "tp hcm": "ho chi minh",
    "hcm": "ho chi minh",
    "tphn": "ha noi",
    "tp hn": "ha noi",
}
"""Names written by their initials (``Thành ủy TPHCM``, ``TP.HCM``), squashed, and the name they stand for."""


def resolve(
    name: str,
    *,
    kinds: Iterable[str] | None = None,
    levels: Iterable[str] | None = None,
    province_hints: Mapping[str, int] | None = None,
    district_hints: Mapping[str, int] | None = None,
    cutoff: float = 80.0,
) -> Resolution:
    """The unit ``name`` (possibly OCR-damaged, marks lost) means among units of these kinds and levels.

    Equally good candidates are told apart by the provinces (and districts)
    the text mentions, then by an exact match of the printed marks; what is
    still tied is returned as ambiguous, never guessed.
    """
    kinds = set(kinds) if kinds else None
    levels = (
        tuple(levels)
        if levels
        else tuple(dict.fromkeys(lvl for k in (kinds or LEVEL_OF_KIND) for lvl in LEVEL_OF_KIND[k]))
    )
    query = squash(name)
    query = ABBREVIATED_NAMES.get(query, query)
    if not query:
        return Resolution(None)
    groups: dict[str, tuple[float, list[AdminUnit]]] = {}
    regraded: list[AdminUnit] = []
    for level in levels:
        pool, keys = _index(level)
        for key, score, i in process.extract(query, keys, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None):
            unit = pool[i]
            if kinds is None or unit.kind in kinds:
                groups.setdefault(key, (score, []))[1].append(unit)
            elif score == 100:
                regraded.append(unit)
    if regraded and max((score for score, _ in groups.values()), default=0.0) < 100:
        # "huyện Mộc Châu" of 2017, a thị xã today: a unit regraded since keeps its name, not a near name's kind
        groups = {squash(regraded[0].name): (REGRADED_SCORE, regraded)}
    if not groups:
        return Resolution(None)
    ranked = sorted(groups.values(), key=lambda group: -group[0])
    best, tied = ranked[0][0], list(dict.fromkeys(ranked[0][1]))
    if len(ranked) > 1 and best < 100 and ranked[1][0] > best - NEAR_TIE:
        # two different names fit about as well: the damage hides which one was printed
        return Resolution(None, tuple(dict.fromkeys(ranked[0][1] + ranked[1][1])), best)
    for hints, attribute in ((province_hints, "province"), (district_hints, "district")):
        if hints and len(tied) > 1:
            counts = [hints.get(getattr(unit, attribute) or "", 0) for unit in tied]
            if max(counts) > 0:
                tied = [unit for unit, count in zip(tied, counts, strict=False) if count == max(counts)]
    if len(tied) > 1:
        tied = [unit for unit in tied if _same_letters(unit, name)] or tied
    if len(tied) > 1:
        return Resolution(None, tuple(tied), best)
    return Resolution(tied[0], (tied[0],), best)


def _same_letters(unit: AdminUnit, printed: str) -> bool:
    printed = " ".join(printed.split()).lower()
    return any(printed == name.lower() for name in (unit.name, *unit.aliases))


PROVINCE_COMMITTEES = frozenset({"tinh uy", "thanh uy"})
"""``Tỉnh ủy Yên Bái``, ``Thành ủy Hà Nội``: a province named by its party committee, as a commune's plan cites it."""


@cache
def _mention_pattern(level: str) -> re.Pattern[str]:
    pool, keys = _index(level)
    extra = ({"tp."} if level != "commune" else set()) | (PROVINCE_COMMITTEES if level == "province" else set())
    kinds = sorted({fold_key(u.kind) for u in pool} | extra, key=len, reverse=True)
    names = "|".join(re.escape(n).replace(r"\ ", r"[\s-]+") for n in sorted(set(keys), key=len, reverse=True))
    return re.compile(rf"\b(?P<kind>{'|'.join(map(re.escape, kinds))})\s+(?P<name>{names})\b")


def mentions(folded: str, level: str) -> Counter[str]:
    """How often the text names each unit of ``level`` with its kind (``tỉnh Sóc Trăng``): province evidence.

    Keys are the units' names; for districts and communes, names are shared
    across provinces, so a count is evidence, not a resolution.
    """
    pool, keys = _index(level)
    by_key: dict[str, set[str]] = {}
    for unit, key in zip(pool, keys, strict=False):
        by_key.setdefault(key, set()).add(unit.province if level == "province" else unit.name)
    counts: Counter[str] = Counter()
    for match in _mention_pattern(level).finditer(folded):
        for name in by_key.get(squash(match.group("name")), ()):
            counts[name] += 1
    return counts


@cache
def _converter() -> dict:
    return json.loads((files("vietnamadminunits") / "data" / "converter_2025.json").read_text(encoding="utf-8"))


@cache
def _new_units() -> tuple[dict[str, tuple[str, str]], dict[tuple[str, str], tuple[str, str]]]:
    """Post-2025 provinces by key (kind, name) and wards by (province key, ward key) (kind, name)."""
    with sqlite3.connect(f"file:{_dataset_path()}?mode=ro", uri=True) as db:
        rows = db.execute(
            "select province, provinceShort, provinceKey, wardShort, wardType, wardKey from admin_units"
        ).fetchall()
    provinces, wards = {}, {}
    for p_full, p_short, p_key, w_short, w_type, w_key in rows:
        provinces[p_key] = ("thành phố" if p_full.startswith("Thành phố") else "tỉnh", p_short)
        wards[(p_key, w_key)] = (w_type.lower(), w_short)
    return provinces, wards


@cache
def successor(unit: AdminUnit) -> Successor | None:
    """The unit after the 1 July 2025 merger: new province for a province or district, new commune for a commune."""
    convert = _converter()
    old_province_key = unit.key.split("_")[0]
    new_province_key = next((new for new, olds in convert["DICT_PROVINCE"].items() if old_province_key in olds), None)
    if new_province_key is None:
        return None
    new_provinces, new_wards = _new_units()
    kind, name = new_provinces[new_province_key]
    if unit.level != "commune":
        return Successor(name, kind, "province", name)
    undivided = convert["DICT_PROVINCE_WARD_NO_DIVIDED"].get(new_province_key, {})
    ward_key = next((new for new, olds in undivided.items() if unit.key in olds), None)
    if ward_key is None:
        parts = convert["DICT_PROVINCE_WARD_DIVIDED"].get(new_province_key, {}).get(unit.key, [])
        ward_key = next((part["newWardKey"] for part in parts if part["isDefaultNewWard"]), None)
    if ward_key is None or (new_province_key, ward_key) not in new_wards:
        return None
    ward_kind, ward_name = new_wards[(new_province_key, ward_key)]
    return Successor(ward_name, ward_kind, "commune", name)
