"""``khplan calendar``: deadlines as iCalendar events, checked by parsing the file back."""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar
from plan_records import PHU_MY, chau_thanh, ingested_folder, phu_my

from khplan.pipeline.analysis.calendar_export import deadline_calendar


def _events(records) -> list:
    ics = deadline_calendar(records).calendar.to_ical()
    return list(Calendar.from_ical(ics).walk("VEVENT"))


def test_yearly_submission_recurs_until_the_one_due_after_the_periods_last_year():
    """A 2021–2025 plan's dossiers of 2025 are due on 31/01/2026: the last occurrence is that one."""
    (yearly, _) = _events([phu_my()])
    assert yearly.decoded("dtstart") == dt.date(2023, 1, 31)  # the first 31/01 after the plan was issued
    rule = yearly.get("rrule")
    assert rule["FREQ"] == ["YEARLY"] and rule["UNTIL"] == [dt.date(2026, 1, 31)]


def test_dated_deadline_is_one_all_day_event():
    (event,) = _events([chau_thanh()])
    assert (event.decoded("dtstart"), event.decoded("dtend")) == (dt.date(2023, 10, 15), dt.date(2023, 10, 16))
    assert "rrule" not in event


def test_description_names_the_plan_and_the_receiving_body():
    (yearly, _) = _events([phu_my()])
    description = str(yearly.get("description"))
    assert "69/KH-UBND" in description and "Nơi nhận hồ sơ: Phòng Nội vụ" in description
    assert str(yearly.get("summary")) == "Gửi hồ sơ đề nghị khen thưởng (69/KH-UBND)"


def test_deadline_without_a_date_is_counted_not_guessed():
    result = deadline_calendar([phu_my()])
    assert (result.events, result.unplaced) == (2, 1)


def test_events_have_stable_unique_ids():
    uids = [str(e.get("uid")) for e in _events([phu_my(), chau_thanh()])]
    assert len(set(uids)) == 3 and uids[0] == f"{PHU_MY}-0@khplan"


def test_summary_is_the_short_action_not_the_whole_text():
    record = phu_my()
    record.deadlines[0].action = (
        "Các cơ quan, đơn vị, địa phương tổng hợp kết quả thực hiện phong trào thi đua, lập hồ sơ đề nghị khen "
        "thưởng theo quy định và gửi về cơ quan thường trực của Hội đồng Thi đua - Khen thưởng huyện để thẩm định"
    )
    (yearly, _) = _events([record])
    summary = str(yearly.get("summary"))
    assert len(summary) <= 80 and summary.endswith("… (69/KH-UBND)")
    assert summary.startswith("Các cơ quan, đơn vị, địa phương tổng hợp kết quả")


def test_filters_by_kind_and_plan_and_reminds_before():
    submissions = deadline_calendar([phu_my(), chau_thanh()], kinds=["submission"]).calendar
    assert {str(e.get("categories").cats[0]) for e in submissions.walk("VEVENT")} == {"submission"}
    one_plan = deadline_calendar([phu_my(), chau_thanh()], plans=["44/KH-UBND"])
    assert one_plan.events == 1
    by_id = deadline_calendar([phu_my(), chau_thanh()], plans=[PHU_MY[:10]])
    assert by_id.events == 2
    reminded = deadline_calendar([chau_thanh()], remind_days=7).calendar
    (alarm,) = list(reminded.walk("VALARM"))
    assert alarm.decoded("trigger") == -dt.timedelta(days=7) and str(alarm.get("action")) == "DISPLAY"


def test_cli_writes_a_calendar_any_client_reads(tmp_path, cli):
    out = ingested_folder(tmp_path / "out", [phu_my(), chau_thanh()])
    result = cli("calendar", "--from", out, tmp_path / "deadlines.ics", "--remind-days", "3")
    assert result.returncode == 0, result.stderr
    calendar = Calendar.from_ical((tmp_path / "deadlines.ics").read_bytes())
    assert str(calendar.get("version")) == "2.0" and calendar.get("prodid")
    assert len(list(calendar.walk("VEVENT"))) == 3
    assert "1 without a date left out" in result.stderr
