"""``khplan ingest`` as scripts use it: --strict, one line for a bad catalog, whatever Prefect would have printed."""

from __future__ import annotations

import pytest
from seed_archives import write_variants

pytestmark = pytest.mark.usefixtures("prefect_harness")


def test_strict_exits_non_zero_when_anything_was_quarantined(tmp_path, seeds, cli):
    archive = tmp_path / "in"
    write_variants(archive, seeds, [41])
    (archive / "menu.txt").write_text("Thực đơn: cơm, canh chua, cá kho.\n", encoding="utf-8")

    relaxed = cli("ingest", archive, "--out", tmp_path / "out", "--restore", "never")
    strict = cli("ingest", archive, "--out", tmp_path / "out", "--restore", "never", "--strict")

    assert relaxed.returncode == 0, relaxed.stderr
    assert strict.returncode == 2
    assert strict.stderr.strip().splitlines()[-1] == "khplan: 1 file(s) quarantined (--strict)"


@pytest.mark.parametrize(
    "url",
    ["postgresql://khplan@/nosuchdb?host=/nonexistent-socket-dir", "mysql://khplan@db.example/khplan", "not a url"],
)
def test_a_bad_catalog_is_one_line_and_no_traceback(tmp_path, seeds, cli, url):
    archive = tmp_path / "in"
    write_variants(archive, seeds, [42])

    result = cli("ingest", archive, "--out", tmp_path / "out", "--catalog", url)

    assert result.returncode == 5
    assert "Traceback" not in result.stderr and "Finished in state" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "catalog" in result.stderr
