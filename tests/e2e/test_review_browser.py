"""``khplan review`` in a real browser (Debian's Chromium through Playwright), as an archivist uses it.

Ingest a scan and a text plan whose title holds a script; open the queue and
a document; click a field and find its box drawn at the provenance
coordinates; correct a date (after a refused one) and an award quota;
reload; ingest the same files again, cached and then extracted anew; the
corrections are still there, on the page and in the CSV export.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect
from seed_archives import plan_variant

from tools.browser import browser, chromium_path

SAMPLES = Path(__file__).parents[2] / "data" / "samples"
SCAN = "chau-thanh-44-KH-UBND-2023.tif"

pytestmark = pytest.mark.skipif(chromium_path() is None, reason="chromium is not installed (make test installs it)")


@pytest.fixture
def review_server(cli_env):
    """Start ``khplan review`` on a free port; yields a function (OUT) -> the address it printed."""
    started: list[subprocess.Popen] = []

    def start(out: Path) -> str:
        process = subprocess.Popen(
            [sys.executable, "-m", "khplan.pipeline", "review", "--from", str(out), "--port", "0", "--reviewer", "lan"],
            stderr=subprocess.PIPE,
            text=True,
            env=cli_env,
        )
        started.append(process)
        assert process.stderr is not None
        line = process.stderr.readline()
        assert line.startswith("khplan review: http://127.0.0.1:"), line
        return line.split()[2]

    yield start
    for process in started:
        process.terminate()
        process.wait(timeout=20)


def _record(out: Path, number: str) -> dict:
    for path in (out / "records").glob("*.json"):
        record = json.loads(path.read_text(encoding="utf-8"))
        if record["number"] == number:
            return record
    raise AssertionError(f"no record numbered {number}")


def _csv(khplan, out: Path, table: str) -> list[dict[str, str]]:
    target = out / f"{table}.csv"
    done = khplan("export", "--from", out, "--format", "csv", "--table", table, "--to", target)
    assert done.returncode == 0, done.stderr
    return list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))


def test_review_in_a_browser_and_corrections_survive_ingest(tmp_path, khplan, seeds, review_server):
    sources, out = tmp_path / "archive", tmp_path / "out"
    sources.mkdir()
    shutil.copy(SAMPLES / SCAN, sources / SCAN)
    hostile = plan_variant(seeds["001"].input_text, 45).replace(
        "### Phát động phong trào thi đua", "### Phát động phong trào <script>window.pwned = 1</script> thi đua", 1
    )
    (sources / "hostile.md").write_text(hostile, encoding="utf-8")
    ingested = khplan("ingest", sources, "--out", out)
    assert ingested.returncode == 0, ingested.stderr
    scan = _record(out, "44/KH-UBND")
    sha = scan["provenance"]["sha256"]
    address = review_server(out)

    with browser() as context:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))

        # the queue: both documents, the hostile title as text, its script never run
        page.goto(address)
        assert page.locator("tr.item[data-href]").count() == 2
        titles = page.locator("tr.item td.title").all_inner_texts()
        assert any("<script>window.pwned = 1</script>" in title for title in titles), titles
        assert page.evaluate("window.pwned") is None
        assert page.locator(".count.pending").inner_text() == "2 pending"

        # the scanned document: select the number, its box is drawn where provenance puts it
        page.locator(f'tr.item[data-sha256="{sha}"] a').click()
        page.wait_for_url(f"**/documents/{sha}")
        page.locator('.field[data-path="number"]').click()
        (span,) = scan["provenance"]["spans"]["number"]
        size = next(p for p in scan["provenance"]["page_sizes"] if p["page"] == span["page"])
        box = page.locator(f'figure.page[data-page="{span["page"]}"] .box')
        box.wait_for()
        image = page.locator(f'figure.page[data-page="{span["page"]}"] img')
        page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle())
        shown, drawn = image.bounding_box(), box.bounding_box()
        assert shown and drawn
        scale = shown["width"] / size["width"]
        left, top, width, height = span["box"]
        assert drawn["x"] == pytest.approx(shown["x"] + left * scale, abs=1.5)
        assert drawn["y"] == pytest.approx(shown["y"] + top * shown["height"] / size["height"], abs=1.5)
        assert drawn["width"] == pytest.approx(width * scale, abs=1.5)
        assert drawn["height"] == pytest.approx(height * shown["height"] / size["height"], abs=1.5)
        assert page.locator(".doc-text .seg.hl").first.inner_text().strip(), "its span is marked in the text"

        # correct the date: a day that does not exist is refused with the reason, then a real one is kept
        date = page.locator('.field[data-path="issue_date"]')
        date.click()
        page.keyboard.press("Enter")
        date.locator("input").fill("2023-02-30")
        page.keyboard.press("Enter")
        expect(date.locator(".error")).to_contain_text("issue_date: '2023-02-30' refused")
        date.locator("input").fill("2023-03-08")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.locator('.field[data-path="issue_date"] .value').inner_text() == "2023-03-08"

        # correct the first award's quota
        award = scan["awards"][0]
        quota_path = f"awards[{award['id']}].quota"
        page.locator(f'summary[data-path="awards[{award["id"]}]"]').click()
        quota = page.locator(f'.field[data-path="{quota_path}"]')
        quota.dblclick()
        quota.locator("input").fill("9")
        with page.expect_navigation():
            quota.locator('button[type="submit"]').click()
        assert page.locator(f'.field[data-path="{quota_path}"] .value').inner_text() == "9"

        page.reload()
        assert page.locator('.field[data-path="issue_date"] .value').inner_text() == "2023-03-08"
        assert "✎ lan" in page.locator('.field[data-path="issue_date"]').inner_text()

        # ingest the same files again: cached, then extracted anew from the cached pages (another option)
        for extra in ([], ["--restore", "always"]):
            again = khplan("ingest", sources, "--out", out, *extra)
            assert again.returncode == 0, again.stderr
        record = _record(out, "44/KH-UBND")
        assert (record["issue_date"], record["awards"][0]["quota"]) == ("2023-03-08", 9)
        assert {"issue_date", quota_path} <= set(record["provenance"]["corrected"])

        page.reload()
        assert page.locator('.field[data-path="issue_date"] .value').inner_text() == "2023-03-08"
        assert page.locator(f'.field[data-path="{quota_path}"] .value').inner_text() == "9"
        assert errors == []

    plans = {row["number"]: row for row in _csv(khplan, out, "plans")}
    assert plans["44/KH-UBND"]["issue_date"] == "2023-03-08"
    plan_id = plans["44/KH-UBND"]["plan_id"]
    awards = [row for row in _csv(khplan, out, "awards") if row["plan_id"] == plan_id]
    assert awards[0]["quota"] == "9"
