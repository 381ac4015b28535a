"""The campaign's span: from the title's phase, the Thời gian section, or a year."""

from __future__ import annotations

from khplan.extractors import extract_record

HEAD = "Số: 1/KH-UBND\nHà Nội, ngày 01 tháng 02 năm 2022\nKẾ HOẠCH\n"


def _period(title: str, body: str = ""):
    return extract_record(HEAD + title + "\n\nI. MỤC ĐÍCH\nTạo khí thế.\n" + body).period.model_dump()


def test_phase_in_the_title():
    assert _period("Thi đua cải cách hành chính giai đoạn 2021 - 2025") == {
        "start": "2021",
        "end": "2025",
        "text": "giai đoạn 2021 - 2025",
    }


def test_timeline_section_sentence_when_the_title_names_one_year():
    period = _period(
        "Thi đua năm 2023", "II. THỜI GIAN\nThời gian phát động và thực hiện trong năm 2023. (Tổng kết tháng 10).\n"
    )
    assert period == {"start": "2023", "end": "2023", "text": "Thời gian phát động và thực hiện trong năm 2023"}


def test_from_year_to_year():
    period = _period("Thi đua", "II. THỜI GIAN\nPhong trào được triển khai từ năm 2022 đến năm 2025.\n")
    assert (period["start"], period["end"]) == ("2022", "2025")


def test_year_of_the_title_as_a_last_resort():
    assert _period("Thi đua đẩy mạnh cải cách hành chính năm 2024")["text"] == "năm 2024"


def test_no_period_stated():
    assert _period("Thi đua thực hiện văn hóa công sở") == {"start": None, "end": None, "text": None}


def test_month_span_to_the_end_of_a_month():
    period = _period(
        "Thi đua năm 2024", "II. THỜI GIAN THỰC HIỆN\nThời gian thực hiện: từ tháng 3/2024 đến hết tháng 12/2024.\n"
    )
    assert (period["start"], period["end"]) == ("2024-03", "2024-12")


def test_day_span_gives_iso_dates():
    period = _period("Thi đua năm 2024", "II. THỜI GIAN\nTừ ngày 01/3/2024 đến ngày 30 tháng 11 năm 2024.\n")
    assert (period["start"], period["end"]) == ("2024-03-01", "2024-11-30")


def test_from_signing_starts_on_the_issue_date():
    period = _period("Thi đua năm 2022", "II. THỜI GIAN\nTừ ngày ký ban hành Kế hoạch đến hết ngày 31/12/2022.\n")
    assert (period["start"], period["end"]) == ("2022-02-01", "2022-12-31")


def test_dossier_heading_naming_thoi_gian_is_not_the_campaign_span():
    body = (
        "II. HÌNH THỨC KHEN THƯỞNG\n1. Hồ sơ, thời gian đề nghị khen thưởng\nHồ sơ gửi về Sở Nội vụ trước ngày "
        "03 tháng 12 năm 2022.\n"
        "2. Thời gian thực hiện\nTừ ngày ký ban hành Kế hoạch đến hết ngày 31/12/2022.\n"
    )
    assert _period("Thi đua năm 2022", body)["end"] == "2022-12-31"


def test_span_that_ends_with_ket_thuc():
    period = _period(
        "Thi đua năm 2024", "II. THỜI GIAN\nPhong trào bắt đầu từ tháng 4/2024 và kết thúc vào tháng 10/2024.\n"
    )
    assert (period["start"], period["end"]) == ("2024-04", "2024-10")


def test_day_span_written_with_ngay_before_numeric_dates():
    # "ngày 30/11/2024" once read as a written date: day 30, a garbled month word "/1", month 1.
    period = _period("Thi đua năm 2024", "II. THỜI GIAN\nTừ ngày 15/6/2024 đến ngày 30/11/2024.\n")
    assert (period["start"], period["end"]) == ("2024-06-15", "2024-11-30")
