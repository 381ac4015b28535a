"""kill -9 a real ``khplan ingest`` at several moments, run it again: every document exactly once.

The whole process group is killed (the CLI, its worker processes and the
temporary Prefect server), as when a machine loses power or the OOM killer
takes the job. After each kill nothing on disk may be torn; after the last,
uninterrupted run the outputs must be exactly those of a run never killed.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from seed_archives import write_variants

from khplan.pipeline.context import file_sha256
from khplan.schemas import PlanRecord

KILL_AFTER_RECORDS = (0, 1, 4)
"""Moments to kill at: before any record (start-up, first documents in flight), after the first, mid-batch."""


@pytest.fixture(scope="module")
def archive(tmp_path_factory, seeds) -> tuple[Path, dict[str, Path]]:
    folder = tmp_path_factory.mktemp("archive")
    plans = write_variants(folder, seeds, list(range(101, 111)))
    (folder / "menu.txt").write_text("Thực đơn: cơm, canh chua, cá kho.\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "copy-of-101.txt").write_bytes(plans["101/KH-UBND"].read_bytes())
    return folder, plans


def _start(archive: Path, out: Path, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "khplan.pipeline", "ingest", str(archive), "--out", str(out), "--jobs", "2"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def _kill_when(process: subprocess.Popen, out: Path, records: int, deadline: float = 240) -> None:
    """SIGKILL the process group once ``records`` records exist (or, for 0, once the flow is under way)."""
    started = time.monotonic()
    while time.monotonic() - started < deadline:
        written = len(list((out / "records").glob("*.json"))) if (out / "records").exists() else 0
        if (records == 0 and (out / "pages").exists()) or (records and written >= records):
            break
        if process.poll() is not None:
            pytest.fail(f"ingest ended before {records} records: {process.stderr.read().decode()[-2000:]}")
        time.sleep(0.02)
    else:
        pytest.fail(f"no {records} records within {deadline} s")
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def _assert_nothing_torn(out: Path) -> None:
    for path in (out / "records").glob("*.json"):
        PlanRecord.model_validate_json(path.read_bytes())
    for line in (
        (out / "quarantine.jsonl").read_text(encoding="utf-8").splitlines()
        if (out / "quarantine.jsonl").exists()
        else []
    ):
        json.loads(line)
    if (out / "catalog.sqlite").exists():
        with sqlite3.connect(out / "catalog.sqlite") as db:
            assert db.execute("pragma integrity_check").fetchone() == ("ok",)


def test_killed_ingest_rerun_ends_with_every_document_once(archive, tmp_path, cli_env, khplan):
    folder, plans = archive
    out = tmp_path / "out"
    left_after_kills = []
    for records in KILL_AFTER_RECORDS:
        process = _start(folder, out, cli_env)
        _kill_when(process, out, records)
        _assert_nothing_torn(out)
        left_after_kills.append(len(list((out / "records").glob("*.json"))))
    assert any(0 < n < len(plans) for n in left_after_kills), f"no kill landed mid-batch: {left_after_kills}"

    result = khplan("ingest", folder, "--out", out, "--jobs", "2")
    assert result.returncode == 0, result.stderr

    expected_done = {file_sha256(path): number for number, path in plans.items()}
    expected_quarantined = {
        file_sha256(folder / "menu.txt"): "not_a_plan",
        file_sha256(folder / "empty.txt"): "empty_document",
    }
    records = {p.stem: PlanRecord.model_validate_json(p.read_bytes()) for p in (out / "records").glob("*.json")}
    assert {sha: r.number for sha, r in records.items()} == expected_done
    assert not [p for p in out.rglob("*.tmp")]

    quarantine = [json.loads(line) for line in (out / "quarantine.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted((q["sha256"], q["reason"]) for q in quarantine) == sorted(expected_quarantined.items())

    with sqlite3.connect(out / "catalog.sqlite") as db:
        rows = dict(db.execute("select sha256, status from documents").fetchall())
        record_paths = dict(db.execute("select sha256, record_path from documents where status = 'done'").fetchall())
        sources = db.execute("select sha256, path from sources").fetchall()
    assert rows == {**{sha: "done" for sha in expected_done}, **{sha: "quarantined" for sha in expected_quarantined}}
    assert {sha: Path(path).name for sha, path in record_paths.items()} == {sha: f"{sha}.json" for sha in expected_done}
    assert len(sources) == len(set(sources)) == len(list(folder.iterdir()))
    assert (file_sha256(folder / "copy-of-101.txt"), str(folder / "copy-of-101.txt")) in sources
