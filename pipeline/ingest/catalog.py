"""The catalog: one row per input document (keyed by the sha256 of its bytes), every path it was seen at,
and each record as analysts' tables, and what people did in ``khplan review``: the values they
corrected and the documents they marked reviewed.

SQLAlchemy Core keeps the same code on the embedded SQLite default
(``OUT/catalog.sqlite``) and on a shared PostgreSQL (``--catalog
postgresql://user@host/db``, through psycopg 3). ``documents`` is also the
ingest cache: a document whose row carries the current pipeline version is
not processed again. ``plans`` and one table per list of the record
(``awards``, ``deadlines``, ``legal_bases``, ``criteria``, ``targets``,
``recipients``, ``warnings``; :mod:`khplan.pipeline.record_tables` defines
their columns) hold every done record, keyed by plan and entry, indexed on
what analysts facet by.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Column,
    Date,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    delete,
    event,
    inspect,
    select,
)
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from khplan.pipeline import record_tables
from khplan.pipeline.errors import ExitCode, KhplanError
from khplan.pipeline.ingest.corrections import Correction
from khplan.schemas import PlanRecord

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("status", String(16), nullable=False, doc="done | quarantined"),
    Column("reason", String(64), doc="quarantine reason code"),
    Column("message", Text),
    Column("pipeline_version", String(128), nullable=False),
    Column("pages", Integer),
    Column("method", String(16)),
    Column("doc_type", Text),
    Column("number", Text),
    Column("issue_date", String(10)),
    Column("place", Text),
    Column("title", Text),
    Column("issuer_name", Text),
    Column("issuer_level", String(16)),
    Column("province", Text),
    Column("signer_name", Text),
    Column("warnings", Integer),
    Column("record_path", Text),
    Column("updated_at", String(32), nullable=False),
)

sources = Table(
    "sources",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("path", Text, primary_key=True),
)

_SQL_TYPES = {"str": Text, "int": Integer, "date": Date}


def _record_table(name: str) -> Table:
    spec = record_tables.columns(name)
    keys = {"plan_id", "entry"}
    table = Table(
        name,
        metadata,
        *(
            Column(c.name, String(64) if c.name in keys else _SQL_TYPES[c.kind](), primary_key=c.name in keys)
            for c in spec
        ),
    )
    for column in spec:
        if column.index:
            Index(f"ix_{name}_{column.name}", table.c[column.name])
    if name != "plans":
        Index(f"ix_{name}_plan_id", table.c.plan_id)
    return table


RECORD_TABLES: dict[str, Table] = {name: _record_table(name) for name in record_tables.TABLES}
"""The analysts' tables, by name."""

corrections = Table(
    "corrections",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("sha256", String(64), nullable=False, index=True),
    Column("path", Text, nullable=False, doc="field path, e.g. issue_date or awards[aw-3f2a9c1b0d].quota"),
    Column("old", Text, doc="JSON of the value replaced"),
    Column("new", Text, doc="JSON of the value set (null for a removed entry)"),
    Column("entry", Text, doc="JSON of the whole list entry after the change, for an entry's field"),
    Column("reviewer", Text, nullable=False),
    Column("at", String(32), nullable=False),
)
"""Every value a person set, in order; never deleted: records are the extraction with these applied."""

reviews = Table(
    "reviews",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("reviewer", Text, nullable=False),
    Column("at", String(32), nullable=False),
)
"""Documents a person marked reviewed."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class CatalogError(KhplanError):
    """The catalog database cannot be reached or used."""

    exit_code = ExitCode.file_access_error
    reason = "catalog_unavailable"


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{Path(path).resolve()}"


def catalog_url_for(url: str | None, out: Path) -> str:
    """The SQLAlchemy URL of ``--catalog`` (default ``OUT/catalog.sqlite``); ``postgresql://`` means psycopg 3."""
    if url is None:
        return sqlite_url(Path(out) / "catalog.sqlite")
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


class MissingCatalogError(KhplanError):
    """An analyst command pointed at a folder with no usable catalog: it reads one, it never makes one."""

    exit_code = ExitCode.input_file
    reason = "no_catalog"


class Catalog:
    """The catalog database. ``create=False`` (export, compare, calendar, review) opens an existing one only."""

    def __init__(self, url: str, *, create: bool = True) -> None:
        if not create:
            _check_exists(url)
        try:
            self.engine: Engine = create_engine(url, future=True, pool_pre_ping=True)
        except (ArgumentError, ImportError) as e:
            raise CatalogError(url, f"not a catalog database URL khplan can use ({e})") from e
        if self.engine.dialect.name not in ("sqlite", "postgresql"):
            raise CatalogError(url, f"unsupported catalog database {self.engine.dialect.name!r} (SQLite or PostgreSQL)")
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        try:
            if create:
                metadata.create_all(self.engine)
            elif not inspect(self.engine).has_table("documents"):
                shown = make_url(url).render_as_string(hide_password=True)
                raise MissingCatalogError(
                    shown, "holds no khplan catalog (no documents table); is it the one the ingest used?"
                )
        except SQLAlchemyError as e:
            shown = make_url(url).render_as_string(hide_password=True)
            cause = getattr(e, "orig", None) or e  # the driver's own error, when SQLAlchemy wraps one
            raise CatalogError(shown, f"cannot open the catalog: {str(cause).strip().splitlines()[0]}") from e

    def close(self) -> None:
        self.engine.dispose()

    def lookup(self, sha256: str) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(documents).where(documents.c.sha256 == sha256)).mappings().first()
        return dict(row) if row else None

    def add_source(self, sha256: str, path: str) -> None:
        self._upsert(sources, {"sha256": sha256, "path": path}, ["sha256", "path"], update=False)

    def record_done(self, record: PlanRecord, record_path: Path, pipeline_version: str) -> None:
        sha256 = record.provenance.sha256
        assert sha256
        values = {
            "sha256": sha256,
            "status": "done",
            "reason": None,
            "message": None,
            "pipeline_version": pipeline_version,
            "pages": record.provenance.pages,
            "method": record.provenance.method,
            "doc_type": record.doc_type,
            "number": record.number,
            "issue_date": record.issue_date.isoformat() if record.issue_date else None,
            "place": record.place,
            "title": record.title,
            "issuer_name": record.issuer.name,
            "issuer_level": record.issuer.level,
            "province": record.issuer.province,
            "signer_name": record.signer.name,
            "warnings": len(record.warnings),
            "record_path": str(record_path),
            "updated_at": _now(),
        }
        self._upsert(documents, values, ["sha256"])
        self.store_tables(record)
        if record.provenance.source:
            self.add_source(sha256, record.provenance.source)

    def store_tables(self, record: PlanRecord) -> None:
        """The record's rows in the analysts' tables, replacing what an older record of the document left."""
        sha256 = record.provenance.sha256
        with self.engine.begin() as conn:
            self._delete_tables(conn, sha256)
            for name, table in RECORD_TABLES.items():
                rows = [_typed(row, name) for row in record_tables.table_rows(record, name)]
                if rows:
                    conn.execute(table.insert(), rows)

    def has_tables(self, sha256: str) -> bool:
        """Whether the analysts' tables hold this document (catalogs older than them do not, until re-stored)."""
        with self.engine.connect() as conn:
            plans = RECORD_TABLES["plans"]
            return conn.execute(select(plans.c.plan_id).where(plans.c.plan_id == sha256)).first() is not None

    def _delete_tables(self, conn: Any, sha256: str | None) -> None:
        for table in RECORD_TABLES.values():
            conn.execute(table.delete().where(table.c.plan_id == sha256))

    def record_quarantined(self, sha256: str, source: str, reason: str, message: str, pipeline_version: str) -> None:
        values: dict[str, object] = {column.name: None for column in documents.columns}
        values.update(
            sha256=sha256,
            status="quarantined",
            reason=reason,
            message=message,
            pipeline_version=pipeline_version,
            updated_at=_now(),
        )
        self._upsert(documents, values, ["sha256"])
        with self.engine.begin() as conn:
            self._delete_tables(conn, sha256)
        self.add_source(sha256, source)

    def documents(self, status: str | None = None) -> list[dict[str, Any]]:
        query = select(documents).order_by(documents.c.province, documents.c.issue_date, documents.c.sha256)
        if status:
            query = query.where(documents.c.status == status)
        with self.engine.connect() as conn:
            return [dict(row) for row in conn.execute(query).mappings()]

    def statuses(self, sha256s: set[str]) -> dict[str, str]:
        """``status`` of each of these documents that has a row."""
        with self.engine.connect() as conn:
            query = select(documents.c.sha256, documents.c.status).where(documents.c.sha256.in_(sorted(sha256s)))
            return {row[0]: row[1] for row in conn.execute(query)}

    def sources_of(self, sha256: str) -> list[str]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(sources.c.path).where(sources.c.sha256 == sha256).order_by(sources.c.path))
            return [row[0] for row in rows]

    def ensure_review_tables(self) -> None:
        """The review's tables, in a catalog written before they existed (the review writes; analysts only read)."""
        metadata.create_all(self.engine, tables=[corrections, reviews])

    def _has_table(self, table: Table) -> bool:
        return inspect(self.engine).has_table(table.name)

    def add_correction(self, sha256: str, correction: Correction) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                corrections.insert().values(
                    sha256=sha256,
                    path=correction.path,
                    old=json.dumps(correction.old, ensure_ascii=False),
                    new=json.dumps(correction.new, ensure_ascii=False),
                    entry=None if correction.entry is None else json.dumps(correction.entry, ensure_ascii=False),
                    reviewer=correction.reviewer,
                    at=correction.at,
                )
            )

    def corrections_of(self, sha256: str) -> list[Correction]:
        """The document's corrections, oldest first."""
        return self.all_corrections({sha256}).get(sha256, [])

    def all_corrections(self, sha256s: set[str] | None = None) -> dict[str, list[Correction]]:
        """Corrections by document (of these documents, or of all), oldest first."""
        if not self._has_table(corrections):
            return {}
        query = select(corrections).order_by(corrections.c.id)
        if sha256s is not None:
            query = query.where(corrections.c.sha256.in_(sorted(sha256s)))
        found: dict[str, list[Correction]] = {}
        with self.engine.connect() as conn:
            for row in conn.execute(query).mappings():
                found.setdefault(row["sha256"], []).append(
                    Correction(
                        path=row["path"],
                        old=json.loads(row["old"]) if row["old"] is not None else None,
                        new=json.loads(row["new"]) if row["new"] is not None else None,
                        reviewer=row["reviewer"],
                        at=row["at"],
                        entry=json.loads(row["entry"]) if row["entry"] is not None else None,
                    )
                )
        return found

    def mark_reviewed(self, sha256: str, reviewer: str) -> None:
        self._upsert(reviews, {"sha256": sha256, "reviewer": reviewer, "at": _now()}, ["sha256"])

    def unmark_reviewed(self, sha256: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(reviews).where(reviews.c.sha256 == sha256))

    def reviews(self) -> dict[str, dict[str, str]]:
        """Reviewed documents: sha256 -> who marked them and when."""
        if not self._has_table(reviews):
            return {}
        with self.engine.connect() as conn:
            rows = conn.execute(select(reviews)).mappings()
            return {row["sha256"]: {"reviewer": row["reviewer"], "at": row["at"]} for row in rows}

    def _upsert(self, table: Table, values: dict[str, Any], keys: list[str], update: bool = True) -> None:
        from sqlalchemy.dialects.postgresql import insert as postgresql_insert
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        dialect = self.engine.dialect.name
        if dialect not in ("sqlite", "postgresql"):  # pragma: no cover - the constructor admits only the two
            raise CatalogError(None, f"unsupported catalog database: {dialect}")
        insert = sqlite_insert if dialect == "sqlite" else postgresql_insert
        statement = insert(table).values(**values)
        changes = {k: v for k, v in values.items() if k not in keys}
        if update and changes:
            statement = statement.on_conflict_do_update(index_elements=keys, set_=changes)
        else:
            statement = statement.on_conflict_do_nothing(index_elements=keys)
        with self.engine.begin() as conn:
            conn.execute(statement)


def _typed(row: dict[str, Any], table: str) -> dict[str, Any]:
    """A row with its date columns as dates (the record's JSON form carries them as ISO strings)."""
    dates = {c.name for c in record_tables.columns(table) if c.kind == "date"}
    return {k: (date.fromisoformat(v) if k in dates and v else v) for k, v in row.items()}


def _check_exists(url: str) -> None:
    """A SQLite catalog must be there and not empty: connecting would create a new, empty one."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return
    path = Path(parsed.database)
    folder = path.parent
    if not path.exists():
        raise MissingCatalogError(
            folder, f"no catalog here ({path.name} is missing): give the folder a khplan ingest wrote (--from OUT)"
        )
    if path.stat().st_size == 0:
        raise MissingCatalogError(
            path,
            f"the catalog is damaged (an empty file); `khplan ingest SOURCES --out {folder}` rebuilds it from "
            "the records on disk",
        )


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    """WAL lets readers (exports, a user's sqlite3 shell) work while ingest writes."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()
