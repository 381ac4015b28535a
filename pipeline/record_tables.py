"""A record as flat tables: one row per plan, one per entry of each of its lists.

The catalog stores these tables (so ``sqlite3``, Datasette or pandas can
facet by province, form, conferrer, year without reading JSON) and the
exports write them, from one definition: the columns here. Every row starts
with ``plan_id`` (the sha256 of the plan's file); an entry's row adds
``entry`` (its id in the record, or its position) — together the key.

Dates are typed: a column of kind ``date`` holds an ISO date, and a partial
date of the record (``2021``, ``2021-03``) becomes the first day it covers
(the last, for a period's end) with a ``…_precision`` column beside it
saying ``year``, ``month`` or ``day``.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from khplan.schemas import PlanRecord

Kind = Literal["str", "int", "date"]


@dataclass(frozen=True)
class Column:
    """One column: its name, its kind, and how its value is read from the record's JSON form (or an entry of it)."""

    name: str
    kind: Kind
    value: Callable[[dict], Any]
    index: bool = False
    """Indexed in the catalog: a column analysts facet by."""


def _path(*keys: str) -> Callable[[dict], Any]:
    def read(data: dict) -> Any:
        value: Any = data
        for key in keys:
            value = value.get(key) if isinstance(value, dict) else None
        return value

    return read


def _count(name: str) -> Callable[[dict], int]:
    return lambda record: len(record[name])


def partial_date(value: str | None, end: bool = False) -> tuple[str | None, str | None]:
    """``2021`` → (``2021-01-01``, ``year``); with ``end``, the last day it covers (``2021-12-31``)."""
    if not value:
        return None, None
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return value, "day"
    year = parts[0]
    if len(parts) == 2:
        day = calendar.monthrange(year, parts[1])[1] if end else 1
        return dt.date(year, parts[1], day).isoformat(), "month"
    return dt.date(year, 12, 31).isoformat() if end else dt.date(year, 1, 1).isoformat(), "year"


def _dated(name: str, read: Callable[[dict], Any], end: bool = False, index: bool = False) -> list[Column]:
    """A partial-date field as a typed date column and its precision."""
    return [
        Column(name, "date", lambda data: partial_date(read(data), end)[0], index=index),
        Column(f"{name}_precision", "str", lambda data: partial_date(read(data), end)[1]),
    ]


PLAN_COLUMNS: list[Column] = [
    Column("doc_type", "str", _path("doc_type"), index=True),
    Column("number", "str", _path("number")),
    Column("issue_date", "date", _path("issue_date"), index=True),
    Column("place", "str", _path("place")),
    Column("title", "str", _path("title")),
    Column("issuer_name", "str", _path("issuer", "name")),
    Column("issuer_parent", "str", _path("issuer", "parent")),
    Column("issuer_level", "str", _path("issuer", "level"), index=True),
    Column("province", "str", _path("issuer", "province"), index=True),
    Column("successor_name", "str", _path("issuer_successor", "name")),
    Column("successor_kind", "str", _path("issuer_successor", "kind")),
    Column("successor_province", "str", _path("issuer_successor", "province"), index=True),
    Column("signer_name", "str", _path("signer", "name")),
    Column("signer_position", "str", _path("signer", "position")),
    Column("signer_authority", "str", _path("signer", "authority")),
    *_dated("period_start", _path("period", "start")),
    *_dated("period_end", _path("period", "end"), end=True),
    Column("period_text", "str", _path("period", "text")),
    *(
        Column(f"{name}_count", "int", _count(name))
        for name in ("legal_bases", "targets", "criteria", "awards", "deadlines", "recipients", "warnings")
    ),
    Column("pages", "int", _path("provenance", "pages")),
    Column("method", "str", _path("provenance", "method")),
    Column("source", "str", _path("provenance", "source")),
]
"""The plans table: a record's scalar fields."""

ENTRY_COLUMNS: dict[str, list[Column]] = {
    "legal_bases": [
        Column("kind", "str", _path("kind"), index=True),
        Column("number", "str", _path("number"), index=True),
        *_dated("date", _path("date")),
        Column("issuer", "str", _path("issuer")),
    ],
    "targets": [Column("subject", "str", _path("subject"), index=True), Column("text", "str", _path("text"))],
    "criteria": [Column("subject", "str", _path("subject"), index=True), Column("text", "str", _path("text"))],
    "awards": [
        Column("form", "str", _path("form"), index=True),
        Column("conferrer", "str", _path("conferrer")),
        Column("conferrer_level", "str", _path("conferrer_level"), index=True),
        Column("subject", "str", _path("subject")),
        Column("cadence", "str", _path("cadence")),
        Column("quota", "int", _path("quota")),
        Column("rank_limit", "int", _path("rank_limit")),
        Column("recipient_group", "str", _path("recipient_group")),
        Column("condition", "str", _path("condition")),
    ],
    "deadlines": [
        Column("kind", "str", _path("kind"), index=True),
        Column("date", "date", _path("date"), index=True),
        Column("month_day", "str", _path("month_day")),
        Column("recurrence", "str", _path("recurrence")),
        Column("action", "str", _path("action")),
        Column("to", "str", _path("to")),
        Column("text", "str", _path("text")),
    ],
    "recipients": [Column("name", "str", _path("name"))],
    "warnings": [
        Column("code", "str", _path("code"), index=True),
        Column("field", "str", _path("field")),
        Column("message", "str", _path("message")),
    ],
}
"""One table per list of the record: an entry's fields."""

TABLES: tuple[str, ...] = ("plans", *ENTRY_COLUMNS)
KEY_COLUMNS: dict[str, list[Column]] = {
    "plans": [Column("plan_id", "str", _path("provenance", "sha256"))],
    **{
        table: [
            Column("plan_id", "str", lambda entry: entry["plan_id"]),
            Column("entry", "str", lambda entry: entry["entry"]),
        ]
        for table in ENTRY_COLUMNS
    },
}


def columns(table: str) -> list[Column]:
    """Every column of ``table``, the key first."""
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r} (one of {', '.join(TABLES)})")
    return KEY_COLUMNS[table] + (PLAN_COLUMNS if table == "plans" else ENTRY_COLUMNS[table])


def table_rows(record: PlanRecord, table: str) -> list[dict[str, Any]]:
    """The rows ``record`` gives ``table``: one for ``plans``, one per entry of that list otherwise."""
    spec = columns(table)
    data = record.model_dump(mode="json")
    if table == "plans":
        return [{c.name: c.value(data) for c in spec}]
    rows = []
    for position, entry in enumerate(data[table]):
        item = {"name": entry} if isinstance(entry, str) else dict(entry)  # recipients are plain strings
        item["plan_id"] = data["provenance"]["sha256"]
        item["entry"] = str(item.get("id") or position)
        rows.append({c.name: c.value(item) for c in spec})
    return rows
