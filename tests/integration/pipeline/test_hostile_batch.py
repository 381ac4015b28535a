"""A batch holding what an archive can hold completes: every odd file is quarantined with its reason, the rest done.

The flows run in-process on the session's Prefect server, with the stand-in OCR engine (no Tesseract).
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from seed_archives import plan_variant, write_variants

from khplan.pipeline.context import Options
from khplan.pipeline.errors import OutputBusyError
from khplan.pipeline.ingest.catalog import Catalog, sqlite_url
from khplan.pipeline.ingest.flows import run_ingest
from khplan.pipeline.ingest.output_folder import OutputArchive

pytestmark = pytest.mark.usefixtures("prefect_harness")

OPTIONS = Options(jobs=2, restore="never")


def _statuses(report) -> dict[str, tuple[str, str | None]]:
    return {Path(o.source).name: (o.status, o.reason) for o in report.outcomes}


def test_odd_files_are_quarantined_and_the_batch_completes(tmp_path, seeds):
    archive = tmp_path / "in"
    write_variants(archive, seeds, [1, 2])
    os.mkfifo(archive / "pipe.pdf")
    (archive / "loop-a.pdf").symlink_to(archive / "loop-b.pdf")
    (archive / "loop-b.pdf").symlink_to(archive / "loop-a.pdf")
    (archive / "zero.txt").symlink_to("/dev/zero")
    odd_name = os.path.join(os.fsencode(archive), b"k\xe9-ho\xe1ch.txt")
    with open(odd_name, "wb") as handle:
        handle.write(plan_variant(seeds["001"].input_text, 31).encode("utf-8"))

    started = time.monotonic()
    report = run_ingest([archive], tmp_path / "out", OPTIONS)

    assert time.monotonic() - started < 120
    statuses = _statuses(report)
    assert statuses["pipe.pdf"] == ("quarantined", "unreadable_file")
    assert statuses["loop-a.pdf"] == ("quarantined", "unreadable_file")
    assert statuses["zero.txt"] == ("quarantined", "unreadable_file")
    assert statuses["k\\xe9-ho\\xe1ch.txt"] == ("done", None)
    assert report.count("done") == 3
    out = OutputArchive(tmp_path / "out")
    messages = {Path(e.source).name: e.message for e in out.quarantined()}
    assert "FIFO" in messages["pipe.pdf"] and "symlink loop" in messages["loop-a.pdf"]
    records = [json.loads(p.read_text(encoding="utf-8")) for p in out.records.glob("*.json")]
    assert any(r["provenance"]["source"].endswith("k\\xe9-ho\\xe1ch.txt") for r in records)

    again = run_ingest([archive], tmp_path / "out", OPTIONS)  # and on every rerun
    assert again.count("cached") == 3


def test_an_output_folder_inside_the_source_is_not_ingested(tmp_path, seeds):
    archive = tmp_path / "in"
    write_variants(archive, seeds, [3])
    out = archive / "khplan-out"

    first = run_ingest([archive], out, OPTIONS)
    second = run_ingest([archive], out, OPTIONS)

    assert (first.count("done"), len(first.outcomes)) == (1, 1)
    assert (second.count("cached"), len(second.outcomes)) == (1, 1)
    assert not OutputArchive(out).quarantined()


def test_the_output_folder_as_the_source_ingests_only_the_inputs(tmp_path, seeds):
    folder = tmp_path / "archive"
    write_variants(folder, seeds, [4])
    run_ingest([folder], folder, OPTIONS)
    second = run_ingest([folder], folder, OPTIONS)
    assert [Path(o.source).name for o in second.outcomes] == ["plan-004.txt"]


def test_two_ingests_on_one_folder_do_not_interleave(tmp_path, seeds):
    archive = tmp_path / "in"
    write_variants(archive, seeds, [5])
    out = OutputArchive(tmp_path / "out")
    held = threading.Event()
    release = threading.Event()

    def hold() -> None:
        with out.locked():
            held.set()
            release.wait(30)

    holder = threading.Thread(target=hold)
    holder.start()
    held.wait(10)
    try:
        with pytest.raises(OutputBusyError):
            run_ingest([archive], tmp_path / "out", OPTIONS)
    finally:
        release.set()
        holder.join()
    assert run_ingest([archive], tmp_path / "out", OPTIONS).count("done") == 1


def test_the_catalog_password_never_reaches_prefects_database(tmp_path, seeds, postgres_server, prefect_api_server):
    """Prefect records a flow's parameters; a catalog URL's password must not be among them."""
    import psycopg

    name = "khplan_secret_test"
    with psycopg.connect(postgres_server, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
        admin.execute(
            "DO $$ BEGIN CREATE ROLE khplan_pw LOGIN PASSWORD 'hunter2-sesame'; "
            "EXCEPTION WHEN duplicate_object THEN NULL; END $$"
        )
        admin.execute(f'GRANT ALL ON DATABASE "{name}" TO khplan_pw')
    base, _, query = postgres_server.partition("?")
    host = base.rsplit("/", 1)[0].replace("postgres@", "khplan_pw:hunter2-sesame@")
    with psycopg.connect(postgres_server.replace("/postgres?", f"/{name}?"), autocommit=True) as db:
        db.execute("GRANT ALL ON SCHEMA public TO khplan_pw")
    archive = tmp_path / "in"
    write_variants(archive, seeds, [6])

    report = run_ingest([archive], tmp_path / "out", OPTIONS, catalog_url=f"{host}/{name}?{query}")

    assert report.count("done") == 1
    database = prefect_api_server.database
    with sqlite3.connect(database) as db:
        parameters = " ".join(str(row[0]) for row in db.execute("select parameters from flow_run"))
    assert "catalog_url" in parameters  # the parameter is recorded, masked
    assert "hunter2-sesame" not in parameters
    for path in database.parent.glob("prefect.db*"):
        assert b"hunter2-sesame" not in path.read_bytes()


def test_a_zero_byte_catalog_is_named_as_damaged_by_the_readers(tmp_path, seeds):
    from khplan.pipeline.analysis.export import load_records
    from khplan.pipeline.ingest.catalog import MissingCatalogError

    archive = tmp_path / "in"
    write_variants(archive, seeds, [7])
    out = tmp_path / "out"
    run_ingest([archive], out, OPTIONS)
    (out / "catalog.sqlite").write_bytes(b"")
    for suffix in ("-wal", "-shm"):
        (out / f"catalog.sqlite{suffix}").unlink(missing_ok=True)
    with pytest.raises(MissingCatalogError, match="the catalog is damaged .* rebuilds it"):
        load_records(out)
    rebuilt = run_ingest([archive], out, OPTIONS)  # the ingest rebuilds it from the records on disk
    assert rebuilt.count("cached") == 1
    catalog = Catalog(sqlite_url(out / "catalog.sqlite"))
    assert [row["status"] for row in catalog.documents()] == ["done"]
    catalog.close()
