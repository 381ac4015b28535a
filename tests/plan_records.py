"""Two hand-made plan records, as the seeds read: what the export, compare and calendar tests start from."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from khplan.pipeline.ingest.catalog import Catalog, sqlite_url
from khplan.pipeline.ingest.output_folder import OutputArchive
from khplan.schemas import Award, Criterion, Deadline, Issuer, LegalBasis, Period, PlanRecord, Provenance, Signer

PHU_MY = "a" * 64
CHAU_THANH = "b" * 64


def phu_my() -> PlanRecord:
    return PlanRecord(
        doc_type="Kế hoạch",
        number="69/KH-UBND",
        issue_date=dt.date(2022, 4, 13),
        place="Phù Mỹ",
        title="Phát động phong trào thi đua đẩy mạnh cải cách hành chính huyện Phù Mỹ giai đoạn 2021 - 2025",
        issuer=Issuer(name="Ủy ban nhân dân huyện Phù Mỹ", level="district", province="Bình Định"),
        signer=Signer(name="Lê Văn Lịch", position="Chủ tịch", authority="TM. Ủy ban nhân dân"),
        period=Period(start="2021", end="2025", text="giai đoạn 2021 - 2025"),
        legal_bases=[LegalBasis(kind="Nghị quyết", number="76/NQ-CP", date="2021-07-15", issuer="Chính phủ")],
        criteria=[
            Criterion(subject="individual", text="Có sáng kiến được công nhận và áp dụng"),
            Criterion(subject="collective", text="Hoàn thành xuất sắc nhiệm vụ cải cách hành chính"),
        ],
        awards=[
            Award(
                form="Giấy khen",
                conferrer="Chủ tịch Ủy ban nhân dân huyện",
                conferrer_level="district",
                subject="collective",
                cadence="annual",
                rank_limit=3,
                recipient_group="Ủy ban nhân dân cấp xã",
            ),
            Award(
                form="Giấy khen",
                conferrer="Chủ tịch Ủy ban nhân dân huyện",
                conferrer_level="district",
                subject="individual",
                cadence="final",
                quota=5,
            ),
        ],
        deadlines=[
            Deadline(
                kind="submission",
                month_day="01-31",
                recurrence="annual",
                action="Gửi hồ sơ đề nghị khen thưởng",
                to="Phòng Nội vụ",
                text="trước ngày 31/01 hàng năm",
            ),
            Deadline(kind="period_end", date=dt.date(2025, 12, 31), text="năm 2025"),
            Deadline(kind="review", text="cuối giai đoạn"),
        ],
        recipients=["Sở Nội vụ", "Thường trực Huyện ủy"],
        provenance=Provenance(source="in/phu-my.txt", sha256=PHU_MY, pages=7, method="ocr"),
    )


def chau_thanh() -> PlanRecord:
    return PlanRecord(
        doc_type="Kế hoạch",
        number="44/KH-UBND",
        issue_date=dt.date(2023, 3, 7),
        place="Châu Thành",
        title="Phát động phong trào thi đua thực hiện cải cách hành chính năm 2023",
        issuer=Issuer(name="Ủy ban nhân dân huyện Châu Thành", level="district", province="Tây Ninh"),
        period=Period(start="2023", end="2023", text="năm 2023"),
        awards=[
            Award(
                form="Giấy khen",
                conferrer="Chủ tịch Ủy ban nhân dân huyện",
                conferrer_level="district",
                subject="collective",
                quota=6,
            ),
            Award(
                form="Giấy khen",
                conferrer="Chủ tịch Ủy ban nhân dân huyện",
                conferrer_level="district",
                subject="individual",
                quota=10,
            ),
            Award(
                form="Bằng khen",
                conferrer="Chủ tịch Ủy ban nhân dân tỉnh",
                conferrer_level="province",
                subject="collective",
                quota=1,
            ),
        ],
        deadlines=[Deadline(kind="submission", date=dt.date(2023, 10, 15), action="Gửi báo cáo", to="Phòng Nội vụ")],
        provenance=Provenance(source="in/chau-thanh.md", sha256=CHAU_THANH, pages=1, method="text"),
    )


def ingested_folder(out: Path, records: list[PlanRecord]) -> Path:
    """An OUT folder as ``khplan ingest`` leaves it, holding ``records``."""
    archive = OutputArchive(out)
    archive.prepare()
    catalog = Catalog(sqlite_url(archive.catalog_path))
    for record in records:
        path = archive.write_document(record, record.title or "")
        catalog.record_done(record, path, "test-version")
    catalog.close()
    return out
