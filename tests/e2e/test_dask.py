"""``khplan ingest --dask-address``: the same records from a real Dask cluster as from a local run."""

from __future__ import annotations

from pathlib import Path

import pytest
from seed_archives import write_variants


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        yield cluster


def _records(out: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted((out / "records").glob("*.json"))}


def test_records_from_a_dask_cluster_equal_a_local_run(cluster, tmp_path, seeds, khplan):
    archive = tmp_path / "in"
    write_variants(archive, seeds, [201, 202, 203, 204])
    (archive / "menu.txt").write_text("Thực đơn: cơm, canh chua, cá kho.\n", encoding="utf-8")

    local = khplan("ingest", archive, "--out", tmp_path / "local", "--jobs", "2")
    on_dask = khplan("ingest", archive, "--out", tmp_path / "dask", "--dask-address", cluster.scheduler_address)

    assert local.returncode == 0, local.stderr
    assert on_dask.returncode == 0, on_dask.stderr
    assert len(_records(tmp_path / "local")) == 4
    assert _records(tmp_path / "dask") == _records(tmp_path / "local")
    quarantined = (tmp_path / "dask" / "quarantine.jsonl").read_text(encoding="utf-8")
    assert '"reason": "not_a_plan"' in quarantined
    assert any("process" in prefix for prefix in _task_prefixes(cluster))  # the documents ran on the cluster


def _task_prefixes(cluster) -> set[str]:
    """Names of the kinds of task the cluster's scheduler has seen."""
    from distributed import Client

    with Client(cluster) as client:
        return set(client.run_on_scheduler(lambda dask_scheduler: list(dask_scheduler.task_prefixes)))
