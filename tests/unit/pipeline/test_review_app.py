"""The review app in-process (no browser, no server): pages escape what they show, writes are checked and kept."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from plan_records import CHAU_THANH, PHU_MY, chau_thanh, ingested_folder, phu_my

from khplan.pipeline.analysis.gold import export_gold
from khplan.pipeline.evidence import assign_entry_ids
from khplan.pipeline.ingest.catalog import Catalog, sqlite_url
from khplan.pipeline.ingest.output_folder import OutputArchive
from khplan.pipeline.review.app import ReviewConfig, create_app
from khplan.pipeline.review.security import Guard

ORIGIN = {"Origin": "http://testserver"}
SCRIPT_TITLE = "Kế hoạch <script>window.pwned = 1</script> thi đua"


@pytest.fixture
def out(tmp_path) -> Path:
    hostile = phu_my()
    hostile.title = SCRIPT_TITLE
    records = [hostile, chau_thanh()]
    for record in records:
        assign_entry_ids(record, "")
    folder = ingested_folder(tmp_path / "out", records)
    catalog = Catalog(sqlite_url(folder / "catalog.sqlite"))
    catalog.record_quarantined("c" * 64, "in/broken.pdf", "corrupt_file", "PDF is damaged <b>here</b>", "v")
    catalog.close()
    return folder


def _client(out: Path, guard: Guard | None = None, reviewer: str = "lan") -> TestClient:
    app = create_app(ReviewConfig(out, reviewer), guard or Guard(frozenset({"testserver"}), None))
    return TestClient(app)


def _correct(client: TestClient, sha: str, headers=ORIGIN, **body):
    return client.post(f"/api/documents/{sha}/corrections", json=body, headers=headers)


def test_queue_lists_documents_and_quarantined_files_escaped(out):
    page = _client(out).get("/")
    assert page.status_code == 200
    html = page.text
    assert "<script>window.pwned" not in html
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in html
    assert "PDF is damaged &lt;b&gt;here&lt;/b&gt;" in html
    assert re.search(r"2 pending.*0 reviewed.*1 quarantined", html, re.S)
    assert "default-src 'none'" in page.headers["content-security-policy"]


def test_queue_filters(out):
    html = _client(out).get("/", params={"province": "Tây Ninh"}).text
    assert "44/KH-UBND" in html and "69/KH-UBND" not in html


def test_document_page_escapes_the_title_in_its_data_too(out):
    html = _client(out).get(f"/documents/{PHU_MY}").text
    assert "<script>window.pwned" not in html
    data = json.loads(re.search(r'<script type="application/json" id="review-data">(.*?)</script>', html, re.S)[1])
    assert data["sha256"] == PHU_MY


def test_a_correction_goes_to_the_catalog_the_record_file_and_the_catalog_row(out):
    client = _client(out)
    award = OutputArchive(out).read_record(CHAU_THANH).awards[1].id
    assert _correct(client, CHAU_THANH, op="set", path="issue_date", value="2023-03-08").json() == {"ok": True}
    assert _correct(client, CHAU_THANH, op="set", path=f"awards[{award}].quota", value="12").status_code == 200

    record = OutputArchive(out).read_record(CHAU_THANH)
    assert (record.issue_date.isoformat(), record.awards[1].quota) == ("2023-03-08", 12)
    assert record.provenance.corrected == ["issue_date", f"awards[{award}].quota"]
    catalog = Catalog(sqlite_url(out / "catalog.sqlite"))
    assert catalog.lookup(CHAU_THANH)["issue_date"] == "2023-03-08"
    stored = catalog.corrections_of(CHAU_THANH)
    catalog.close()
    assert [(c.path, c.old, c.new, c.reviewer) for c in stored] == [
        ("issue_date", "2023-03-07", "2023-03-08", "lan"),
        (f"awards[{award}].quota", 10, 12, "lan"),
    ]
    assert stored[1].entry["quota"] == 12, "the whole entry, should its evidence disappear"
    assert "✎ lan" in client.get(f"/documents/{CHAU_THANH}").text


def test_a_bad_value_is_refused_with_its_reason(out):
    answer = _correct(_client(out), CHAU_THANH, op="set", path="issue_date", value="2023-02-30")
    assert answer.status_code == 422
    assert answer.json()["error"].startswith("issue_date: '2023-02-30' refused")
    answer = _correct(_client(out), CHAU_THANH, op="set", path="issuer.level", value="galaxy")
    assert "'central', 'province'" in answer.json()["error"]
    assert OutputArchive(out).read_record(CHAU_THANH).issue_date.isoformat() == "2023-03-07"


def test_entries_are_added_and_removed(out):
    client = _client(out)
    added = {"form": "Cờ thi đua", "conferrer": "", "subject": "collective", "quota": "1"}
    assert _correct(client, CHAU_THANH, op="add", path="awards", value=added).status_code == 200
    record = OutputArchive(out).read_record(CHAU_THANH)
    assert (record.awards[-1].form, record.awards[-1].conferrer, record.awards[-1].quota) == ("Cờ thi đua", None, 1)
    first = record.awards[0].id
    assert _correct(client, CHAU_THANH, op="remove", path=f"awards[{first}]").status_code == 200
    assert first not in [a.id for a in OutputArchive(out).read_record(CHAU_THANH).awards]
    refused = _correct(client, CHAU_THANH, op="add", path="awards", value={"form": ""})
    assert refused.status_code == 422 and "form" in refused.json()["error"]


def test_writes_from_another_site_or_not_as_json_are_refused(out):
    client = _client(out)
    evil = _correct(client, CHAU_THANH, headers={"Origin": "http://evil.example"}, op="set", path="place", value="x")
    assert evil.status_code == 403
    assert _correct(client, CHAU_THANH, headers={}, op="set", path="place", value="x").status_code == 403
    form = client.post(
        f"/api/documents/{CHAU_THANH}/corrections", data={"op": "set", "path": "place", "value": "x"}, headers=ORIGIN
    )
    assert form.status_code == 415
    assert OutputArchive(out).read_record(CHAU_THANH).place == "Châu Thành"


def test_loopback_app_refuses_other_host_names(out):
    client = _client(out, Guard.for_address("127.0.0.1", 8765, None))
    assert client.get("/", headers={"Host": "attacker.example:8765"}).status_code == 421
    assert client.get("/", headers={"Host": "127.0.0.1:8765"}).status_code == 200
    assert client.get("/", headers={"Host": "localhost:8765"}).status_code == 200


def test_away_from_loopback_the_token_is_required(out):
    guard = Guard.for_address("0.0.0.0", 8765, "s3cret-token")
    client = _client(out, guard)
    assert client.get("/").status_code == 401
    assert client.get("/", params={"token": "wrong"}).status_code == 401
    welcomed = client.get("/", params={"token": "s3cret-token", "status": "pending"}, follow_redirects=False)
    assert welcomed.status_code == 303 and welcomed.headers["location"] == "/?status=pending"
    cookie = welcomed.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    assert client.get("/").status_code == 200  # the cookie now
    assert _correct(client, CHAU_THANH, op="set", path="place", value="Châu Thành A").status_code == 200


def test_nothing_outside_the_package_and_out_is_served(out):
    client = _client(out)
    assert client.get("/static/review.js").status_code == 200
    for path in (
        "/static/../app.py",
        "/static/%2e%2e%2fapp.py",
        "/static/store.py",
        "/documents/..%2f..%2fetc%2fpasswd",
        f"/documents/{CHAU_THANH}/pages/1.png",  # a text document has no page image
        "/documents/" + "z" * 64,
    ):
        assert client.get(path).status_code == 404, path


def test_marking_reviewed_then_gold_export(out, tmp_path):
    client = _client(out)
    _correct(client, CHAU_THANH, op="set", path="issuer.province", value="Sóc Trăng")
    answer = client.post(f"/api/documents/{CHAU_THANH}/review", json={"reviewed": True}, headers=ORIGIN)
    assert answer.json() == {"ok": True}
    assert re.search(r"1 pending.*1 reviewed", client.get("/").text, re.S)

    done = export_gold(out, tmp_path / "gold")

    assert done.documents == 1
    gold = json.loads((tmp_path / "gold" / f"{CHAU_THANH[:12]}.json").read_text(encoding="utf-8"))
    assert gold["issuer"] == {
        "name": "Ủy ban nhân dân huyện Châu Thành",
        "parent": None,
        "level": "district",
        "province": "Sóc Trăng",
    }
    assert (gold["number"], gold["issue_date"], len(gold["awards"])) == ("44/KH-UBND", "2023-03-07", 3)
    assert "issuer.province" in gold["notes"][0] and "lan" in gold["notes"][0]
    assert (tmp_path / "gold" / f"{CHAU_THANH[:12]}.txt").exists()
    index = (tmp_path / "gold" / "index.tsv").read_text(encoding="utf-8").splitlines()
    assert index == [
        "id\tpart\torigin\tdoc_type\tlevel\ttopic",
        f"{CHAU_THANH[:12]}\treviewed\tkhplan review\tKế hoạch\tdistrict\t",
    ]


def test_review_refuses_a_folder_no_ingest_wrote_and_creates_nothing(tmp_path, cli):
    result = cli("review", "--from", tmp_path)
    assert result.returncode == 2
    assert "catalog.sqlite is missing" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_gold_goes_to_a_folder_not_to_standard_output(out, cli):
    result = cli("export", "--from", out, "--format", "gold", "--to", "-")
    assert result.returncode == 2
    assert "gold is a folder of files" in result.stderr


def test_a_new_extraction_that_disagrees_is_offered_and_can_be_turned_down_or_taken(out):
    from khplan.pipeline.ingest.corrections import apply_corrections

    client = _client(out)
    _correct(client, CHAU_THANH, op="set", path="place", value="Thị trấn Châu Thành")
    catalog = Catalog(sqlite_url(out / "catalog.sqlite"))
    newer = chau_thanh()  # as a new model would extract it: the worker applies the corrections on top
    newer.place = "Châu Thành, Sóc Trăng"
    OutputArchive(out).write_record(apply_corrections(newer, catalog.corrections_of(CHAU_THANH)))
    catalog.close()

    page = client.get(f"/documents/{CHAU_THANH}").text
    assert "The latest extraction reads <q>Châu Thành, Sóc Trăng</q>" in page
    assert re.search(r"<td class=\"num flag\">1</td>\s*<td class=\"num\">1</td>", client.get("/").text)

    assert _correct(client, CHAU_THANH, op="keep", path="place").json() == {"ok": True}
    assert "The latest extraction reads" not in client.get(f"/documents/{CHAU_THANH}").text
    assert OutputArchive(out).read_record(CHAU_THANH).place == "Thị trấn Châu Thành"
    refused = _correct(client, CHAU_THANH, op="keep", path="place")
    assert refused.status_code == 422 and "no suggestion" in refused.json()["error"]


def test_compare_and_calendar_read_the_corrected_values(out):
    from khplan.pipeline.analysis.calendar_export import deadline_calendar
    from khplan.pipeline.analysis.compare import compare_plans
    from khplan.pipeline.analysis.export import load_records

    client = _client(out)
    record = OutputArchive(out).read_record(CHAU_THANH)
    _correct(client, CHAU_THANH, op="set", path=f"awards[{record.awards[0].id}].quota", value="9")
    _correct(client, CHAU_THANH, op="set", path=f"deadlines[{record.deadlines[0].id}].date", value="2023-10-20")

    (plan,) = [p for p in compare_plans(load_records(out), "province").plans if p.plan_id == CHAU_THANH]
    assert any(a.quota == 9 + 10 for a in plan.awards), plan.awards  # 06 -> 9, beside the 10 of the same form
    ical = deadline_calendar(load_records(out)).calendar.to_ical().decode()
    assert "DTSTART;VALUE=DATE:20231020" in ical
