"""Full bodies for generated plans, with the gold of every list field.

The header-only plans of :mod:`pipeline.synthetic` measure the header
extractors; the list fields (legal bases, targets, criteria, awards,
deadlines, signer, recipients, period) need bodies written the way offices
write them. Everything here comes from the genre, not from one document:
the layout of Nghị định 30/2020/NĐ-CP (preamble of Căn cứ / Thực hiện lines,
sections I., 1., 1.1., a), -, +, the signature block, Nơi nhận), the
content a plan must have under Luật Thi đua, khen thưởng 2022 Điều 17
(mục tiêu, đối tượng, nội dung và tiêu chí, thời gian, khen thưởng), and
who confers which award under Điều 75, 79 and 80 (Chủ tịch Ủy ban nhân dân
cấp tỉnh: Bằng khen, Cờ thi đua, Tập thể lao động xuất sắc; Chủ tịch Ủy ban
nhân dân cấp huyện, cấp xã and the heads of a province's departments:
Giấy khen, Lao động tiên tiến, Chiến sĩ thi đua cơ sở …).

Two families of phrasings
-------------------------
Every slot where offices word the same thing differently (headings, bullet
styles, how a citation is dated, how an award rule is phrased, how a
deadline is set, how the signature block sits beside Nơi nhận, even the
campaign's subject and the people's names) has its variants split in two:

- ``DEVELOPMENT``: the phrasings the extractors are developed against;
- ``EVALUATION``: held-out phrasings, used only to report figures. Do not
  read its failures to tune rules; fix rules from the genre, on the
  development family and the seeds.

Both families write the same genre, so a rule that understands the genre
scores on both, and a rule fitted to one family's wording does not.

The gold follows the conventions of the seeds' hand-checked records
(``tests/fixtures/seeds/*.fields.json``): abbreviations expanded in
issuers, conferrers, receivers and recipients; a count split into shares
gives the total and each share; a criterion is a bullet of a Tiêu chí /
Tiêu chuẩn section (inline ``(1) … (2) …`` items one each), or of the award
rules when the plan has no such section; targets come from the Đối tượng
section, or from the groups the award rules name when it has none; the
campaign's end is a ``period_end`` deadline.
"""

from __future__ import annotations

import calendar
import random
import re
import textwrap
from dataclasses import dataclass, field
from datetime import date, timedelta

DEVELOPMENT = "development"
"""The phrasings rules are developed against."""
EVALUATION = "evaluation"
"""Held-out phrasings: report on them, never tune to them."""
FAMILIES = (DEVELOPMENT, EVALUATION)

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")


def _pick(rng: random.Random, family: str, variants: dict[str, tuple]):
    """One variant of a slot, from the family's own list."""
    return rng.choice(variants[family])


# --- what the campaign is about ------------------------------------------------


@dataclass(frozen=True)
class Theme:
    """A campaign's subject: its name, the index it is ranked by, its tasks and standards."""

    title: str
    """As the trích yếu names it, after ``Phát động phong trào thi đua``."""
    short: str
    """As running text names it (``phong trào thi đua … {short}``)."""
    index: str | None
    """What units are ranked by, for top-N rules; None where nothing is ranked."""
    tasks: tuple[str, ...]
    """Nội dung thi đua: what competitors do (not criteria)."""
    collective: tuple[str, ...]
    """Standards a collective must meet."""
    individual: tuple[str, ...]
    """Standards an individual must meet."""
    programme: tuple[str, str, str, str, str] | None = None
    """A central document the campaign implements: kind, number, ISO date, issuer, what it is about."""


THEMES: dict[str, tuple[Theme, ...]] = {
    DEVELOPMENT: (
        Theme(
            "đẩy mạnh cải cách hành chính",
            "cải cách hành chính",
            "Chỉ số cải cách hành chính",
            (
                "Thi đua đổi mới phương thức chỉ đạo, điều hành, nâng cao trách nhiệm của người đứng đầu trong "
                "thực hiện nhiệm vụ cải cách hành chính",
                "Thi đua rà soát, đơn giản hóa thủ tục hành chính, giải quyết hồ sơ đúng hạn, không để tồn đọng",
                "Thi đua nâng cao chất lượng hoạt động của Bộ phận tiếp nhận và trả kết quả theo cơ chế một cửa, "
                "một cửa liên thông",
                "Thi đua ứng dụng công nghệ thông tin, tăng tỷ lệ hồ sơ trực tuyến toàn trình",
                "Thi đua xây dựng đội ngũ cán bộ, công chức, viên chức chuyên nghiệp, trách nhiệm, tận tụy",
            ),
            (
                "Hoàn thành 100% nhiệm vụ cải cách hành chính được giao trong Kế hoạch cải cách hành chính năm {y}",
                "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn đạt từ 98% trở lên",
                "Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính đạt từ 90% trở lên",
                "Có ít nhất 01 mô hình, giải pháp cải cách hành chính được cấp có thẩm quyền công nhận",
            ),
            (
                "Trực tiếp tham mưu, thực hiện nhiệm vụ cải cách hành chính đạt kết quả xuất sắc",
                "Có sáng kiến, giải pháp về cải cách hành chính được Hội đồng sáng kiến cấp cơ sở công nhận",
                "Không để xảy ra tình trạng gây phiền hà, sách nhiễu người dân, doanh nghiệp trong giải quyết "
                "thủ tục hành chính",
            ),
            (
                "Nghị quyết",
                "76/NQ-CP",
                "2021-07-15",
                "Chính phủ",
                "ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030",
            ),
        ),
        Theme(
            "chung sức xây dựng nông thôn mới",
            "xây dựng nông thôn mới",
            "kết quả thực hiện Bộ tiêu chí nông thôn mới",
            (
                "Thi đua huy động các nguồn lực đầu tư xây dựng kết cấu hạ tầng kinh tế - xã hội nông thôn",
                "Thi đua phát triển sản xuất, nâng cao thu nhập cho người dân",
                "Thi đua xây dựng cảnh quan môi trường xanh, sạch, đẹp",
                "Thi đua giữ gìn an ninh, trật tự ở nông thôn",
            ),
            (
                "Hoàn thành vượt mức kế hoạch số tiêu chí nông thôn mới đăng ký trong năm",
                "Huy động được nhân dân hiến đất, đóng góp ngày công làm đường giao thông nông thôn",
                "Thu nhập bình quân đầu người tăng từ 10% trở lên so với năm trước",
                "Không có nợ đọng xây dựng cơ bản trong thực hiện Chương trình",
            ),
            (
                "Có nhiều đóng góp về công sức, tiền của, đất đai cho xây dựng nông thôn mới",
                "Tích cực vận động nhân dân tham gia thực hiện các tiêu chí nông thôn mới",
                "Là điển hình trong phát triển kinh tế hộ, giúp đỡ hộ khác cùng phát triển",
            ),
            (
                "Quyết định",
                "263/QĐ-TTg",
                "2022-02-22",
                "Thủ tướng Chính phủ",
                "phê duyệt Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021 - 2025",
            ),
        ),
        Theme(
            "đẩy mạnh chuyển đổi số",
            "chuyển đổi số",
            "Chỉ số chuyển đổi số",
            (
                "Thi đua số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
                "Thi đua xử lý văn bản, hồ sơ công việc trên môi trường mạng",
                "Thi đua phổ cập kỹ năng số cho người dân, phát triển tổ công nghệ số cộng đồng",
                "Thi đua thanh toán không dùng tiền mặt trong cung cấp dịch vụ công",
            ),
            (
                "Tỷ lệ văn bản đi, đến được xử lý trên môi trường mạng đạt từ 95% trở lên",
                "100% hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa theo quy định",
                "Tỷ lệ dịch vụ công trực tuyến toàn trình phát sinh hồ sơ đạt từ 80% trở lên",
                "Bảo đảm an toàn, an ninh thông tin, không để xảy ra sự cố mất an toàn thông tin",
            ),
            (
                "Sử dụng thành thạo chữ ký số, hệ thống quản lý văn bản và điều hành trong xử lý công việc",
                "Có sáng kiến ứng dụng công nghệ số mang lại hiệu quả trong thực hiện nhiệm vụ",
                "Tích cực hướng dẫn người dân sử dụng dịch vụ công trực tuyến",
            ),
            (
                "Quyết định",
                "749/QĐ-TTg",
                "2020-06-03",
                "Thủ tướng Chính phủ",
                "phê duyệt Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030",
            ),
        ),
        Theme(
            "bảo đảm trật tự, an toàn giao thông",
            "bảo đảm trật tự, an toàn giao thông",
            None,
            (
                "Thi đua tuyên truyền, phổ biến pháp luật về trật tự, an toàn giao thông",
                "Thi đua kiềm chế, giảm tai nạn giao thông trên cả ba tiêu chí",
                "Thi đua xây dựng mô hình “Tuyến đường an toàn giao thông”",
                "Thi đua xử lý dứt điểm vi phạm hành lang an toàn đường bộ",
            ),
            (
                "Giảm số vụ tai nạn giao thông so với năm trước trên cả ba tiêu chí",
                "Không có cán bộ, công chức, viên chức vi phạm pháp luật về trật tự, an toàn giao thông",
                "Duy trì có hiệu quả ít nhất 01 mô hình tự quản về an toàn giao thông",
                "Tổ chức tuyên truyền pháp luật về giao thông ít nhất 02 lần trong năm",
            ),
            (
                "Chấp hành nghiêm pháp luật về trật tự, an toàn giao thông",
                "Tích cực tham gia tuyên truyền, vận động nhân dân chấp hành quy định về an toàn giao thông",
                "Có thành tích trong phát hiện, xử lý vi phạm về trật tự, an toàn giao thông",
            ),
            (
                "Chỉ thị",
                "23-CT/TW",
                "2023-05-25",
                "Ban Bí thư",
                "tăng cường sự lãnh đạo của Đảng đối với công tác bảo đảm trật tự, an toàn giao thông trong tình "
                "hình mới",
            ),
        ),
    ),
    EVALUATION: (
        Theme(
            "thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội",
            "phát triển kinh tế - xã hội",
            "kết quả thực hiện các chỉ tiêu kinh tế - xã hội",
            (
                "Thi đua hoàn thành vượt mức các chỉ tiêu kinh tế - xã hội năm {y}",
                "Thi đua thu ngân sách nhà nước đạt và vượt dự toán được giao",
                "Thi đua đẩy nhanh tiến độ giải ngân vốn đầu tư công",
                "Thi đua cải thiện môi trường đầu tư, hỗ trợ doanh nghiệp phát triển sản xuất, kinh doanh",
            ),
            (
                "Hoàn thành và hoàn thành vượt mức các chỉ tiêu kinh tế - xã hội được giao",
                "Thu ngân sách nhà nước trên địa bàn đạt từ 105% dự toán trở lên",
                "Giải ngân vốn đầu tư công đạt 100% kế hoạch vốn được giao",
                "Bảo đảm quốc phòng, an ninh, giữ vững trật tự an toàn xã hội trên địa bàn",
            ),
            (
                "Hoàn thành xuất sắc nhiệm vụ được giao, có đóng góp nổi bật vào kết quả chung của cơ quan, đơn vị",
                "Có đề tài, sáng kiến được áp dụng mang lại hiệu quả kinh tế - xã hội",
                "Có phẩm chất chính trị, đạo đức, lối sống trong sáng, lành mạnh",
            ),
        ),
        Theme(
            "xây dựng văn hóa công sở, nâng cao đạo đức công vụ",
            "xây dựng văn hóa công sở",
            None,
            (
                "Thi đua thực hiện nghiêm kỷ luật, kỷ cương hành chính, thời giờ làm việc",
                "Thi đua xây dựng môi trường làm việc xanh, sạch, đẹp, văn minh",
                "Thi đua giao tiếp, ứng xử chuẩn mực với nhân dân và đồng nghiệp",
                "Thi đua nói không với tiêu cực, phiền hà trong thực thi công vụ",
            ),
            (
                "100% cán bộ, công chức, viên chức chấp hành nghiêm quy chế văn hóa công sở",
                "Không có đơn thư phản ánh, khiếu nại về thái độ phục vụ của cán bộ, công chức",
                "Trụ sở cơ quan được bố trí khoa học, bảo đảm cảnh quan xanh, sạch, đẹp",
                "Thực hiện tốt quy chế dân chủ ở cơ sở",
            ),
            (
                "Chấp hành nghiêm thời giờ làm việc, trang phục, đeo thẻ công chức theo quy định",
                "Có thái độ tận tụy, chuẩn mực khi tiếp xúc, giải quyết công việc của người dân",
                "Không vi phạm các quy định về những việc cán bộ, công chức không được làm",
            ),
            ("Quyết định", "1847/QĐ-TTg", "2018-12-27", "Thủ tướng Chính phủ", "phê duyệt Đề án văn hóa công vụ"),
        ),
        Theme(
            "“Vì người nghèo - Không để ai bị bỏ lại phía sau”",
            "giảm nghèo bền vững",
            "kết quả giảm tỷ lệ hộ nghèo",
            (
                "Thi đua huy động nguồn lực hỗ trợ hộ nghèo, hộ cận nghèo phát triển sinh kế",
                "Thi đua hỗ trợ xây dựng, sửa chữa nhà ở cho hộ nghèo",
                "Thi đua đào tạo nghề, giải quyết việc làm cho người lao động thuộc hộ nghèo",
                "Thi đua vận động ủng hộ Quỹ “Vì người nghèo”",
            ),
            (
                "Giảm tỷ lệ hộ nghèo vượt chỉ tiêu được giao",
                "Hoàn thành hỗ trợ xây dựng nhà ở cho 100% hộ nghèo có khó khăn về nhà ở",
                "Vận động ủng hộ Quỹ “Vì người nghèo” đạt và vượt chỉ tiêu",
                "Không có hộ tái nghèo trong năm",
            ),
            (
                "Có nhiều đóng góp về vật chất, công sức cho công tác giảm nghèo",
                "Tích cực giúp đỡ hộ nghèo thoát nghèo bền vững",
                "Là điển hình tiêu biểu trong phát triển kinh tế gia đình",
            ),
            (
                "Quyết định",
                "90/QĐ-TTg",
                "2022-01-18",
                "Thủ tướng Chính phủ",
                "phê duyệt Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025",
            ),
        ),
        Theme(
            "bảo vệ môi trường, chống rác thải nhựa",
            "bảo vệ môi trường",
            None,
            (
                "Thi đua phân loại chất thải rắn sinh hoạt tại nguồn",
                "Thi đua hạn chế sử dụng sản phẩm nhựa dùng một lần",
                "Thi đua trồng cây xanh, giữ gìn cảnh quan nơi công cộng",
                "Thi đua xử lý các điểm tồn đọng rác thải trên địa bàn",
            ),
            (
                "Không sử dụng sản phẩm nhựa dùng một lần trong hội nghị, hội họp",
                "Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý đạt từ 95% trở lên",
                "Xây dựng và duy trì ít nhất 01 mô hình phân loại rác tại nguồn",
                "Tổ chức ra quân vệ sinh môi trường ít nhất 01 lần mỗi tháng",
            ),
            (
                "Gương mẫu thực hiện phân loại, giảm thiểu rác thải nhựa tại cơ quan và gia đình",
                "Tích cực tuyên truyền, vận động nhân dân bảo vệ môi trường",
                "Có sáng kiến, giải pháp thiết thực trong bảo vệ môi trường",
            ),
            (
                "Chỉ thị",
                "33/CT-TTg",
                "2020-08-20",
                "Thủ tướng Chính phủ",
                "tăng cường quản lý, tái sử dụng, tái chế, xử lý và giảm thiểu chất thải nhựa",
            ),
        ),
    ),
}

GENERIC_STANDARDS: dict[str, dict[str, tuple[str, ...]]] = {
    DEVELOPMENT: {
        "collective": (
            "Hoàn thành tốt các nhiệm vụ, chỉ tiêu được giao trong năm {y}",
            "Nội bộ đoàn kết, tổ chức đảng, đoàn thể trong sạch, vững mạnh",
            "Thực hành tiết kiệm, chống lãng phí, phòng, chống tham nhũng, tiêu cực",
        ),
        "individual": (
            "Hoàn thành tốt nhiệm vụ được giao trong năm {y}",
            "Có tinh thần tự lực, tự cường, đoàn kết, tương trợ, tích cực tham gia phong trào thi đua",
            "Năm trước liền kề được tặng Giấy khen về {short}",
        ),
    },
    EVALUATION: {
        "collective": (
            "Tích cực tham gia phong trào thi đua thường xuyên, thiết thực, hiệu quả",
            "Không có cá nhân bị kỷ luật từ hình thức khiển trách trở lên",
            "Chăm lo đời sống vật chất, tinh thần cho cán bộ, người lao động",
        ),
        "individual": (
            "Có đạo đức, lối sống lành mạnh, đoàn kết, giúp đỡ đồng nghiệp",
            "Không vi phạm kỷ luật, pháp luật trong thời gian xét khen thưởng",
            "Đã được tặng Giấy khen về thành tích trong {short}",
        ),
    },
}
"""Standards any campaign asks for (Luật Thi đua, khen thưởng Điều 24, 27, 28); some name an award in passing."""

PURPOSES: dict[str, tuple[str, ...]] = {
    DEVELOPMENT: (
        "Tạo khí thế thi đua sôi nổi, động viên tập thể, cá nhân phấn đấu hoàn thành xuất sắc nhiệm vụ {short} năm {y}",
        "Nâng cao nhận thức, trách nhiệm của cấp ủy, chính quyền, người đứng đầu cơ quan, đơn vị trong thực hiện "
        "{short}",
        "Kịp thời phát hiện, biểu dương, khen thưởng những tập thể, cá nhân có thành tích xuất sắc; nhân rộng "
        "các điển hình tiên tiến",
        "Gắn phong trào thi đua với thực hiện nhiệm vụ chính trị của từng cơ quan, đơn vị, địa phương",
    ),
    EVALUATION: (
        "Cụ thể hóa các chủ trương của Đảng, chính sách, pháp luật của Nhà nước về {short} bằng những việc làm "
        "thiết thực",
        "Khơi dậy tinh thần chủ động, sáng tạo, khát vọng cống hiến của cán bộ, công chức, viên chức và nhân dân",
        "Thông qua phong trào, lựa chọn những gương điển hình tiên tiến để tôn vinh, khen thưởng và nhân rộng",
        "Góp phần hoàn thành thắng lợi các mục tiêu, nhiệm vụ năm {y} của {unit}",
    ),
}
REQUIREMENTS: dict[str, tuple[str, ...]] = {
    DEVELOPMENT: (
        "Phong trào thi đua phải được triển khai sâu rộng, thiết thực, tránh hình thức",
        "Việc bình xét, khen thưởng phải bảo đảm công khai, dân chủ, khách quan, đúng quy định",
        "Nội dung, tiêu chí thi đua phải cụ thể, sát với chức năng, nhiệm vụ của cơ quan, đơn vị",
    ),
    EVALUATION: (
        "Tổ chức phong trào thi đua với nội dung, hình thức phong phú, phù hợp với thực tiễn",
        "Công tác khen thưởng bảo đảm chính xác, kịp thời, đúng người, đúng thành tích",
        "Lồng ghép phong trào với các cuộc vận động, phong trào thi đua khác đang triển khai",
    ),
}

SURNAMES = (
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
)
MIDDLE_NAMES = {
    DEVELOPMENT: ("Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quốc"),
    EVALUATION: ("Ngọc", "Xuân", "Thành", "Hoàng", "Thị Thu", "Văn", "Công"),
}
GIVEN_NAMES = {
    DEVELOPMENT: ("Hùng", "Dũng", "Lan", "Hương", "Tuấn", "Hải", "Sơn", "Thắng", "Bình", "Long", "Phúc", "Tâm"),
    EVALUATION: ("Nam", "Hòa", "Trung", "Quyết", "Hằng", "Khánh", "Toàn", "Nghĩa", "Vinh", "Thủy", "Cường", "Lộc"),
}


# --- the issuing body ----------------------------------------------------------


@dataclass(frozen=True)
class Frame:
    """Who issues the plan and when: what every section's wording depends on."""

    level: str
    kind: str
    """The unit's kind: tỉnh, thành phố, huyện, quận, thị xã, xã, phường, thị trấn."""
    name: str
    province_kind: str
    province: str
    department: str | None
    """The issuing sở, for a department's plan."""
    district_kind: str
    """For a commune: its district's kind (huyện, quận …); else the unit's own kind."""
    issued: date
    start: int
    end: int
    title: str
    theme: Theme

    @property
    def multi_year(self) -> bool:
        return self.end > self.start

    @property
    def unit(self) -> str:
        """``huyện Phù Mỹ``."""
        return f"{self.kind} {self.name}"

    @property
    def body(self) -> str:
        """The issuing body as running text names it: ``Ủy ban nhân dân huyện``, ``Sở Y tế``."""
        return self.department or f"Ủy ban nhân dân {self.kind}"

    @property
    def head(self) -> str:
        """Who confers the issuer's own awards (Luật Thi đua, khen thưởng Điều 79, 80)."""
        return f"Giám đốc {self.department}" if self.department else f"Chủ tịch Ủy ban nhân dân {self.kind}"

    @property
    def higher(self) -> str:
        """The body above the issuer, which confers higher awards."""
        return {
            "province": "Thủ tướng Chính phủ",
            "district": f"Chủ tịch Ủy ban nhân dân {self.province_kind}",
            "commune": f"Chủ tịch Ủy ban nhân dân {self.district_kind}",
            "department": f"Chủ tịch Ủy ban nhân dân {self.province_kind}",
        }[self.level]

    @property
    def own_form(self) -> str:
        """The award the issuer's head confers: a province's Chủ tịch gives Bằng khen, everyone below Giấy khen."""
        return "Bằng khen" if self.level == "province" else "Giấy khen"

    @property
    def higher_form(self) -> str:
        return "Giấy khen" if self.level == "commune" else "Bằng khen"

    @property
    def office(self) -> str:
        """Where dossiers go: the issuer's thi đua, khen thưởng staff."""
        return {
            "province": "Sở Nội vụ",
            "district": "Phòng Nội vụ",
            "commune": "công chức Văn phòng - Thống kê",
            "department": "Văn phòng Sở",
        }[self.level]

    @property
    def upper_office(self) -> str:
        """Where the issuer reports its results."""
        return {
            "province": "Bộ Nội vụ",
            "district": "Sở Nội vụ",
            "commune": f"Phòng Nội vụ {self.district_kind}",
            "department": f"Ủy ban nhân dân {self.province_kind}",
        }[self.level]

    @property
    def communes(self) -> str:
        """The units below a district (or the province's districts)."""
        if self.level == "province":
            return "các huyện, thị xã, thành phố"
        return {"quận": "các phường", "thị xã": "các xã, phường", "thành phố": "các xã, phường"}.get(
            self.kind, "các xã, thị trấn"
        )

    @property
    def villages(self) -> str:
        return {"phường": "các tổ dân phố", "thị trấn": "các khu phố"}.get(self.kind, "các thôn")


# --- the writer ----------------------------------------------------------------


@dataclass
class Style:
    """How one plan is typed: drawn once, so a plan is consistent with itself."""

    dash: str
    plus: str
    markdown: bool
    wrap: int | None
    """Paragraphs hard-wrapped at this width (as OCR'd or pasted text has them), or one line each."""
    numeric_dates: bool
    padded: bool
    """``09/04/2021`` rather than ``09/4/2021``."""
    abbreviate: float
    """Chance that a body's name is printed abbreviated (``UBND``)."""
    item_end: str
    """How list items end: ``;`` or ``.``."""


def _style(rng: random.Random, family: str) -> Style:
    if family == DEVELOPMENT:
        return Style(
            dash="-",
            plus="+",
            markdown=rng.random() < 0.25,
            wrap=rng.choice((None, None, 88, 95)),
            numeric_dates=rng.random() < 0.5,
            padded=False,
            abbreviate=rng.choice((0.0, 0.3, 0.6)),
            item_end=rng.choice((";", ".")),
        )
    return Style(
        dash=rng.choice(("-", "–")),
        plus=rng.choice(("+", "-")),
        markdown=rng.random() < 0.25,
        wrap=rng.choice((None, 80, 92)),
        numeric_dates=rng.random() < 0.6,
        padded=rng.random() < 0.6,
        abbreviate=rng.choice((0.2, 0.5)),
        item_end=rng.choice((";", ".", ",")),
    )


@dataclass
class Body:
    """The lines of a plan's body as they are written, and the gold of what they say."""

    rng: random.Random
    frame: Frame
    family: str
    style: Style
    lines: list[str] = field(default_factory=list)
    """As typed (paragraphs hard-wrapped if the style says so)."""
    printed: list[str] = field(default_factory=list)
    """One line per paragraph, as a word processor holds it: what a scan is printed from."""
    gold: dict = field(
        default_factory=lambda: {
            "legal_bases": [],
            "targets": [],
            "criteria": [],
            "awards": [],
            "deadlines": [],
            "recipients": [],
        }
    )
    sections: int = 0

    def fmt(self, text: str) -> str:
        """A bank's text for this plan: ``năm {y}`` becomes the campaign's year or phase."""
        f = self.frame
        when = f"giai đoạn {f.start} - {f.end}" if f.multi_year else f"năm {f.start}"
        return text.replace("năm {y}", when).format(y=f.start, short=f.theme.short, unit=f.unit)

    def para(self, text: str) -> None:
        """One paragraph or item, hard-wrapped if the style says so."""
        self.printed.append(text)
        if self.style.wrap and len(text) > self.style.wrap:
            self.lines.extend(textwrap.wrap(text, self.style.wrap, break_long_words=False, break_on_hyphens=False))
        else:
            self.lines.append(text)

    def add(self, *lines: str) -> None:
        """Lines that are never wrapped (headings, the closing block)."""
        self.lines.extend(lines)
        self.printed.extend(lines)

    def heading(self, topic_words: str) -> None:
        """A numbered top-level section (``II. ĐỐI TƯỢNG THI ĐUA``)."""
        text = f"{ROMAN[self.sections]}. {topic_words.upper()}"
        self.sections += 1
        self.add(f"## **{text}**" if self.style.markdown else text)

    def sub(self, marker: str, text: str) -> None:
        self.add(f"### {marker} {text}" if self.style.markdown and marker[0].isdigit() else f"{marker} {text}")

    def item(self, marker: str, text: str, last: bool = False) -> None:
        self.para(f"{marker} {text}{'.' if last else self.style.item_end}")

    def name(self, full: str, short: str) -> str:
        """A body's name as printed: in full, or with ND30's common abbreviations."""
        return short if self.rng.random() < self.style.abbreviate else full

    def date(self, value: date, *, written: bool | None = None) -> str:
        """``ngày 15 tháng 7 năm 2021``, ``ngày 15/7/2021`` or ``ngày 15/07/2021`` as the style has it."""
        if written is None:
            written = not self.style.numeric_dates
        day = f"{value.day:02d}" if self.style.padded or self.rng.random() < 0.5 else str(value.day)
        if written:  # ND30: a day below 10 and the months 1 and 2 take a leading zero
            month = (
                f"{value.month:02d}"
                if value.month < 3 and (self.style.padded or self.rng.random() < 0.5)
                else str(value.month)
            )
            return f"ngày {day} tháng {month} năm {value.year}"
        month = f"{value.month:02d}" if self.style.padded else str(value.month)
        return f"ngày {day}/{month}/{value.year}"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _count(n: int) -> str:
    """Counts are printed with two digits (``06 Giấy khen``, ``01 tập thể``)."""
    return f"{n:02d}"


def _award(
    form: str,
    conferrer: str | None,
    subject: str,
    cadence: str,
    *,
    quota: int | None = None,
    rank_limit: int | None = None,
    group: str | None = None,
    condition: str | None = None,
) -> dict:
    return {
        "form": form,
        "conferrer": conferrer,
        "subject": subject,
        "cadence": cadence,
        "quota": quota,
        "rank_limit": rank_limit,
        "recipient_group": group,
        "condition": condition,
    }


def _deadline(
    kind: str,
    *,
    when: date | None = None,
    month_day: str | None = None,
    action: str | None = None,
    to: str | None = None,
    text: str | None = None,
) -> dict:
    return {
        "kind": kind,
        "date": when.isoformat() if when else None,
        "month_day": month_day,
        "recurrence": "annual" if month_day else None,
        "action": action,
        "to": to,
        "text": text,
    }


# --- preamble: the documents the plan rests on ---------------------------------


@dataclass(frozen=True)
class Citation:
    """A document cited as a basis, as printed, and its gold."""

    kind: str
    number: str | None
    issued: date | None
    issuer_printed: str | None
    issuer: str | None
    about: str


def _citations(b: Body) -> list[Citation]:
    """What a plan of this level, year and subject plausibly rests on."""
    f, rng = b.frame, b.rng

    def before(days: int) -> date:
        return f.issued - timedelta(days=rng.randint(20, days))

    law = rng.random()
    out: list[Citation] = []
    if f.issued.year >= 2024:
        if law < 0.4:
            out.append(Citation("Luật", "06/2022/QH15", date(2022, 6, 15), None, None, "Thi đua, khen thưởng"))
        elif law < 0.8:
            out.append(Citation("Luật", None, date(2022, 6, 15), None, None, "Thi đua, khen thưởng"))
        out.append(
            Citation(
                "Nghị định",
                "98/2023/NĐ-CP",
                date(2023, 12, 31),
                "Chính phủ",
                "Chính phủ",
                "quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
            )
        )
    else:
        if law < 0.7:
            out.append(Citation("Luật", None, date(2003, 11, 26), None, None, "Thi đua, khen thưởng"))
            out.append(
                Citation(
                    "Luật",
                    None,
                    date(2013, 11, 16),
                    None,
                    None,
                    "sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng",
                )
            )
        out.append(
            Citation(
                "Nghị định",
                "91/2017/NĐ-CP",
                date(2017, 7, 31),
                "Chính phủ",
                "Chính phủ",
                "quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
            )
        )
    programme = f.theme.programme
    if programme and date.fromisoformat(programme[2]) < f.issued and rng.random() < 0.7:
        kind, number, when, issuer, about = programme
        out.append(Citation(kind, number, date.fromisoformat(when), issuer, issuer, about))
    province_body = f"Ủy ban nhân dân {f.province_kind}"
    rules_issued = before(900)
    rules = Citation(
        "Quyết định",
        f"{rng.randint(5, 60):02d}/{rules_issued.year}/QĐ-UBND",
        rules_issued,
        *_printed(b, province_body, f" {f.province}" if rng.random() < 0.5 else ""),
        f"ban hành Quy định về công tác thi đua, khen thưởng trên địa bàn {f.province_kind}",
    )
    out.append(rules)
    if f.level in ("district", "commune", "department"):
        out.append(
            Citation(
                "Kế hoạch",
                f"{rng.randint(10, 400)}/KH-UBND",
                before(120),
                *_printed(b, province_body, ""),
                f"thực hiện {f.theme.short} năm {f.start}",
            )
        )
    if f.level in ("province", "district") and rng.random() < 0.6:
        party, body = (
            ("TU", f"Ban Chấp hành Đảng bộ {f.province_kind}")
            if f.level == "province"
            else (
                "HU",
                f"Ban Thường vụ { {'huyện': 'Huyện', 'thị xã': 'Thị', 'thành phố': 'Thành'}.get(f.kind, 'Quận') } ủy",
            )
        )
        out.append(
            Citation(
                "Nghị quyết",
                f"{rng.randint(1, 40):02d}-NQ/{party}",
                before(700),
                body,
                body,
                f"lãnh đạo thực hiện {f.theme.short} trên địa bàn",
            )
        )
    if f.level == "province" and rng.random() < 0.5:
        out.append(
            Citation(
                "Nghị quyết",
                f"{rng.randint(10, 300)}/NQ-HĐND",
                before(300),
                *_printed(b, f"Hội đồng nhân dân {f.province_kind}", ""),
                f"nhiệm vụ phát triển kinh tế - xã hội năm {f.start}",
            )
        )
    if f.level == "commune":
        body = f"Ủy ban nhân dân {f.district_kind}"
        out.append(
            Citation(
                "Kế hoạch",
                f"{rng.randint(10, 300)}/KH-UBND",
                before(90),
                *_printed(b, body, ""),
                f"phát động phong trào thi đua {f.theme.short} năm {f.start}",
            )
        )
    if rng.random() < 0.35:
        out.append(
            Citation(
                "Hướng dẫn" if b.family == DEVELOPMENT else "Công văn",
                f"{rng.randint(1, 60):02d}/HD-SNV" if b.family == DEVELOPMENT else f"{rng.randint(100, 3000)}/SNV-TĐKT",
                before(200),
                "Sở Nội vụ",
                "Sở Nội vụ",
                f"hướng dẫn công tác thi đua, khen thưởng năm {f.start}",
            )
        )
    distinct: list[Citation] = []
    for citation in out:  # the contract keeps one entry per number: never cite two documents under one
        if citation.number is None or all(c.number != citation.number for c in distinct):
            distinct.append(citation)
    return distinct


def _printed(b: Body, full: str, suffix: str) -> tuple[str, str]:
    """(as printed, gold) of a body's name: ``UBND tỉnh`` → ``Ủy ban nhân dân tỉnh``."""
    abbreviations = {"Ủy ban nhân dân": "UBND", "Hội đồng nhân dân": "HĐND"}
    printed = full
    for long, short in abbreviations.items():
        if full.startswith(long):
            printed = b.name(full, full.replace(long, short, 1))
    return printed + suffix, full + suffix


CITE_OPENERS = {
    DEVELOPMENT: ("Căn cứ", "Căn cứ", "Thực hiện"),
    EVALUATION: ("Căn cứ", "Thực hiện", "Triển khai thực hiện"),
}
"""How a preamble line opens; laws and decrees are always ``Căn cứ``."""


def _cite_text(b: Body, c: Citation) -> str:
    """One citation as a preamble prints it: kind, số, number, date, issuer, subject."""
    if c.kind == "Luật":
        if c.number:
            assert c.issued is not None, "a numbered law has its date"
            return f"Luật {c.about} số {c.number} {b.date(c.issued, written=True)}"
        if c.issued and b.rng.random() < 0.6:
            return f"Luật {c.about} {b.date(c.issued, written=True)}"
        return f"Luật {c.about}" + (f" năm {c.issued.year}" if c.issued and b.rng.random() < 0.5 else "")
    so = "số " if b.family == DEVELOPMENT or b.rng.random() < 0.8 else ""
    dated = f" {b.date(c.issued)}" if c.issued else ""
    if c.issuer_printed is None:
        by = ""
    elif b.family == EVALUATION and b.rng.random() < 0.3:
        by = f" {c.issuer_printed}"  # the issuer right after the date, without "của"
    else:
        by = f" của {c.issuer_printed}"
    return (
        f"{c.kind} {so}{c.number}{dated}{by} về {c.about}"
        if not c.about.startswith(("ban hành", "phê duyệt", "quy định", "hướng dẫn"))
        else f"{c.kind} {so}{c.number}{dated}{by} {c.about}"
    )


def _gold_basis(c: Citation, printed_date: bool) -> dict:
    return {
        "kind": c.kind,
        "number": c.number,
        "date": c.issued.isoformat() if c.issued and printed_date else None,
        "issuer": c.issuer,
    }


def write_preamble(b: Body) -> None:
    """The Căn cứ / Thực hiện lines, then the sentence that issues the plan."""
    f, rng = b.frame, b.rng
    citations = _citations(b)
    rest = citations[2:]
    rng.shuffle(rest)  # laws and decrees first, then the rest in any order
    citations[2:] = rest
    undated = {i for i, c in enumerate(citations) if c.kind != "Luật" and rng.random() < 0.12}
    texts = []
    for i, c in enumerate(citations):
        shown = c if i not in undated else Citation(c.kind, c.number, None, c.issuer_printed, c.issuer, c.about)
        texts.append(_cite_text(b, shown))
        gold_date = shown.issued is not None and (c.kind != "Luật" or "ngày" in texts[-1])
        b.gold["legal_bases"].append(_gold_basis(shown, gold_date))
    layout = _pick(
        rng, b.family, {DEVELOPMENT: ("lines", "lines", "paragraph"), EVALUATION: ("lines", "grouped", "paragraph")}
    )
    if layout == "lines":
        for text, c in zip(texts, citations, strict=False):
            opener = "Căn cứ" if c.kind in ("Luật", "Nghị định") else rng.choice(CITE_OPENERS[b.family])
            b.para(f"{opener} {text};")
    elif layout == "paragraph":
        b.para(f"Căn cứ {'; '.join(texts[:-1])} và {texts[-1]};" if len(texts) > 1 else f"Căn cứ {texts[0]};")
    else:  # laws as Căn cứ lines, the documents implemented in one Thực hiện paragraph
        laws = [t for t, c in zip(texts, citations, strict=False) if c.kind in ("Luật", "Nghị định")]
        implemented = [t for t, c in zip(texts, citations, strict=False) if c.kind not in ("Luật", "Nghị định")]
        for text in laws:
            b.para(f"Căn cứ {text};")
        if implemented:
            b.para(
                f"Thực hiện {', '.join(implemented[:-1])} và {implemented[-1]},"
                if len(implemented) > 1
                else f"Thực hiện {implemented[0]},"
            )
    issuing = _pick(
        rng,
        b.family,
        {
            DEVELOPMENT: (
                "{body} ban hành Kế hoạch {title}, cụ thể như sau:",
                "{body} ban hành Kế hoạch {title} với những nội dung sau:",
            ),
            EVALUATION: (
                "{body} xây dựng Kế hoạch {title} như sau:",
                "Nhằm cổ vũ, động viên các tập thể, cá nhân, {body} phát động phong trào thi đua với các nội dung sau:",
            ),
        },
    )
    b.para(
        issuing.format(body=f.body if f.department else f"{f.body} {f.name}", title=f.title[:1].lower() + f.title[1:])
    )


# --- I. purpose ----------------------------------------------------------------


def write_purpose(b: Body) -> None:
    f, rng = b.frame, b.rng
    b.heading(
        _pick(
            rng,
            b.family,
            {DEVELOPMENT: ("Mục đích, yêu cầu",), EVALUATION: ("Mục đích và yêu cầu", "Mục đích, yêu cầu")},
        )
    )
    marker = _pick(rng, b.family, {DEVELOPMENT: ("letter", "dash"), EVALUATION: ("dash", "letter")})
    for number, (title, bank) in enumerate((("Mục đích", PURPOSES), ("Yêu cầu", REQUIREMENTS)), start=1):
        b.sub(f"{number}.", title)
        items = rng.sample(bank[b.family], rng.randint(2, len(bank[b.family])))
        for i, text in enumerate(items):
            text = b.fmt(text)
            if title == "Mục đích" and i == 0 and f.theme.programme and rng.random() < 0.5:
                kind, num, when, issuer, about = f.theme.programme
                if date.fromisoformat(when) < f.issued and not any(
                    basis["number"] == num for basis in b.gold["legal_bases"]
                ):
                    text += (
                        f", góp phần thực hiện thắng lợi {kind} số {num} {b.date(date.fromisoformat(when))} "
                        f"của {issuer}"
                    )
                    b.gold["legal_bases"].append({"kind": kind, "number": num, "date": when, "issuer": issuer})
            mark = f"{'abcdđeg'[i]})" if marker == "letter" else b.style.dash
            b.item(mark, text, last=i == len(items) - 1)


# --- đối tượng: who competes ---------------------------------------------------


def _target_groups(f: Frame) -> list[tuple[str, str]]:
    """(subject, group) of a plan of this level, as Đối tượng sections list them."""
    if f.level == "province":
        groups = [
            ("collective", f"Các sở, ban, ngành, đoàn thể {f.province_kind}"),
            ("collective", f"Ủy ban nhân dân {f.communes}"),
            ("collective", f"Các cơ quan Trung ương đóng trên địa bàn {f.province_kind}"),
            ("individual", "Cán bộ, công chức, viên chức, người lao động trong các cơ quan, đơn vị"),
            ("individual", f"Doanh nhân, người lao động trong các doanh nghiệp trên địa bàn {f.province_kind}"),
        ]
    elif f.level == "district":
        groups = [
            ("collective", f"Các phòng, ban, ngành, đoàn thể {f.kind}"),
            ("collective", f"Ủy ban nhân dân {f.communes}"),
            ("collective", f"Các cơ quan, đơn vị đóng trên địa bàn {f.kind}"),
            ("individual", "Cán bộ, công chức, viên chức, người lao động thuộc các cơ quan, đơn vị, địa phương"),
            ("individual", "Cán bộ, công chức cấp xã, người hoạt động không chuyên trách ở cấp xã"),
        ]
    elif f.level == "commune":
        groups = [
            ("collective", f"Các ban, ngành, đoàn thể {f.kind}"),
            ("collective", _cap(f.villages) + f" trên địa bàn {f.kind}"),
            ("individual", f"Cán bộ, công chức, người hoạt động không chuyên trách của {f.kind}"),
            ("household", f"Các hộ gia đình trên địa bàn {f.kind}"),
        ]
    else:
        groups = [
            ("collective", "Các phòng chuyên môn, nghiệp vụ thuộc Sở"),
            ("collective", "Các đơn vị sự nghiệp trực thuộc Sở"),
            ("individual", "Công chức, viên chức, người lao động thuộc Sở"),
        ]
    return groups


def write_targets(b: Body, marker_number: str) -> None:
    """Đối tượng thi đua, in one of the family's layouts."""
    f, rng = b.frame, b.rng
    groups = _target_groups(f)
    chosen = [g for g in groups if rng.random() < 0.85] or groups[:2]
    layout = _pick(
        rng, b.family, {DEVELOPMENT: ("letters", "split"), EVALUATION: ("split_lead", "labelled", "letters")}
    )
    b.sub(
        marker_number,
        _pick(
            rng,
            b.family,
            {DEVELOPMENT: ("Đối tượng thi đua", "Đối tượng"), EVALUATION: ("Đối tượng thi đua", "Đối tượng áp dụng")},
        ),
    )
    if layout == "letters":
        for i, (subject, group) in enumerate(chosen):
            alias = (
                " (sau đây gọi tắt là cơ quan, đơn vị)"
                if i == 0 and subject == "collective" and rng.random() < 0.3
                else ""
            )
            b.item(f"{'abcdđeg'[i]})", group + alias, last=i == len(chosen) - 1)
            b.gold["targets"].append({"subject": subject, "text": group})
        return
    by_subject: dict[str, list[str]] = {}
    for subject, group in chosen:
        by_subject.setdefault(subject, []).append(group)
    names = {"collective": "Tập thể", "individual": "Cá nhân", "household": "Hộ gia đình"}
    if layout == "labelled":  # "- Tập thể: A; B." — one bullet, one entry (the seeds' convention)
        for subject, items in by_subject.items():
            text = "; ".join(items[:1] + [i[:1].lower() + i[1:] for i in items[1:]])
            b.item(b.style.dash, f"{names[subject]}: {text}", last=True)
            b.gold["targets"].append({"subject": subject, "text": text})
        return
    for n, (subject, items) in enumerate(by_subject.items(), start=1):
        if layout == "split":
            b.sub(f"{marker_number}{n}.", names[subject])
        else:
            b.sub(f"{'abc'[n - 1]})", f"Đối với {names[subject].lower()}:")
        for i, group in enumerate(items):
            b.item(b.style.dash if layout == "split" else b.style.plus, group, last=i == len(items) - 1)
            b.gold["targets"].append({"subject": subject, "text": group})


def write_tasks(b: Body, marker: str) -> None:
    """Nội dung thi đua: the tasks. They are not criteria."""
    b.sub(
        marker,
        _pick(
            b.rng,
            b.family,
            {DEVELOPMENT: ("Nội dung thi đua",), EVALUATION: ("Nội dung thi đua", "Các nội dung thi đua trọng tâm")},
        ),
    )
    tasks = b.rng.sample(b.frame.theme.tasks, b.rng.randint(3, len(b.frame.theme.tasks)))
    for i, task in enumerate(tasks):
        b.item(f"{'abcdđeg'[i]})" if b.family == DEVELOPMENT else b.style.dash, b.fmt(task), last=i == len(tasks) - 1)


# --- thời gian: the period, summing-up and review dates -----------------------


def write_timeline(b: Body, marker: str) -> None:
    """Thời gian: the campaign's span (which may refine the title's), and when it is summed up."""
    f, rng = b.frame, b.rng
    b.sub(
        marker,
        _pick(
            rng,
            b.family,
            {
                DEVELOPMENT: ("Thời gian thực hiện", "Thời gian tổ chức thi đua"),
                EVALUATION: ("Thời gian thi đua", "Thời gian phát động, sơ kết, tổng kết"),
            },
        ),
    )
    period = {"start": str(f.start), "end": str(f.end), "text": _title_period(f.title)}
    if f.multi_year:
        sentence = _pick(
            rng,
            b.family,
            {
                DEVELOPMENT: ("Phong trào thi đua được triển khai từ năm {s} đến năm {e}.",),
                EVALUATION: ("Phong trào thi đua được tổ chức thực hiện trong giai đoạn {s} - {e}.",),
            },
        ).format(s=f.start, e=f.end)
        b.para(sentence)
        review = date(f.end, rng.choice((9, 12)), 1)
        phrase, action = _pick(
            rng,
            b.family,
            {
                DEVELOPMENT: (
                    ("Hàng năm sơ kết đánh giá kết quả; tổng kết phong trào trong Quý {q}/{y}.", "Tổng kết phong trào"),
                ),
                EVALUATION: (("Tổ chức sơ kết hằng năm và tổng kết giai đoạn vào Quý {q}/{y}.", "Tổng kết giai đoạn"),),
            },
        )
        quarter = "III" if review.month == 9 else "IV"
        b.para(phrase.format(q=quarter, y=f.end))
        b.gold["deadlines"].append(
            _deadline(
                "review", when=_month_end(f.end, review.month), action=action, text=f"trong Quý {quarter}/{f.end}"
            )
        )
        end = date(f.end, 12, 31)
    else:
        y = f.start
        variant = rng.choice(("months", "year", "signing") if b.family == DEVELOPMENT else ("months", "year", "dates"))
        if variant == "months":
            m = min(f.issued.month, 10)
            if b.family == DEVELOPMENT:
                text = f"Thời gian thực hiện: từ tháng {m}/{y} đến hết tháng 12/{y}"
            else:
                text = f"Thời gian thi đua bắt đầu từ tháng {m}/{y} đến tháng 11/{y}"
            end_month = 12 if b.family == DEVELOPMENT else 11
            period = {"start": f"{y}-{m:02d}", "end": f"{y}-{end_month:02d}", "text": text.split(": ")[-1]}
            end = _month_end(y, end_month)
        elif variant == "year":
            text = (
                f"Thời gian phát động và thực hiện trong năm {y}"
                if b.family == DEVELOPMENT
                else f"Phong trào được triển khai thực hiện trong năm {y}"
            )
            period = {"start": str(y), "end": str(y), "text": text}
            end = date(y, 12, 31)
        elif variant == "signing":
            end = date(y, 12, 31)
            text = f"Từ ngày ký ban hành Kế hoạch đến hết {b.date(end, written=False)}"
            period = {"start": f.issued.isoformat(), "end": end.isoformat(), "text": text}
        else:
            end = date(y, 11, 30)
            begin = date(y, max(f.issued.month, 1), 1) if f.issued.day == 1 else f.issued + timedelta(days=1)
            text = f"Từ {b.date(begin)} đến {b.date(end)}"
            period = {"start": begin.isoformat(), "end": end.isoformat(), "text": text}
        b.para(text + ".")
        review_month = min(12, end.month + (0 if end.month == 12 else 1)) if variant != "months" else end.month
        review, action = _pick(
            rng,
            b.family,
            {  # action: the words printed before the month
                DEVELOPMENT: (
                    ("Tổng kết phong trào thi đua vào tháng {m}/{y}.", "Tổng kết phong trào thi đua"),
                    ("Sơ kết 6 tháng vào tháng 7/{y}; tổng kết vào tháng {m}/{y}.", "Tổng kết"),
                ),
                EVALUATION: (
                    ("Thời gian tổng kết: tháng {m}/{y}.", "Tổng kết"),
                    ("Tổ chức tổng kết phong trào trong tháng {m} năm {y}.", "Tổ chức tổng kết phong trào"),
                ),
            },
        )
        b.para(review.format(m=review_month, y=y))
        if "tháng 7/" in review:
            b.gold["deadlines"].append(
                _deadline("review", when=_month_end(y, 7), action="Sơ kết 6 tháng", text=f"tháng 7/{y}")
            )
        b.gold["deadlines"].append(
            _deadline("review", when=_month_end(y, review_month), action=action, text=f"tháng {review_month}/{y}")
        )
    b.gold["period"] = period
    b.gold["deadlines"].append(_deadline("period_end", when=end, text=period["text"]))


def _title_period(title: str) -> str:
    match = re.search(r"(giai đoạn \d{4} - \d{4}|năm \d{4})", title)
    return match.group(1) if match else title


# --- khen thưởng: award rules --------------------------------------------------


@dataclass
class Awarding:
    """What the award section needs to know: cadences in force and the groups rules name."""

    cadence: str
    groups: list[tuple[str, str]]
    """(subject, group) named by the rules, for plans with no Đối tượng section."""


def _groups_for_rules(f: Frame) -> tuple[list[str], list[str]]:
    """Collective and individual groups an award rule reserves shares for."""
    collective = [g for s, g in _target_groups(f) if s == "collective"]
    individual = [g for s, g in _target_groups(f) if s == "individual"]
    return collective, individual


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:] if not text.startswith(("Ủy ban", "Sở", "Phòng", "Ban")) else text


def _printed_title(b: Body, full: str) -> str:
    """A conferrer as printed: ``Chủ tịch UBND huyện`` or in full."""
    return b.name(full, full.replace("Ủy ban nhân dân", "UBND"))


def rule_count_split(b: Body, a: Awarding, marker: str) -> None:
    """``Tặng 06 Giấy khen`` for collectives, shared out per group, and a count for individuals."""
    f, rng = b.frame, b.rng
    collective, _ = _groups_for_rules(f)
    shares = [(g, rng.randint(1, 4)) for g in rng.sample(collective, min(len(collective), rng.randint(2, 3)))]
    total, people = sum(n for _, n in shares), rng.randint(5, 15)
    conferrer, form = _printed_title(b, f.head), f.own_form
    if b.family == DEVELOPMENT:
        b.para(f"{marker[0]}) Đối với tập thể: Tặng {_count(total)} {form} của {conferrer}.")
        for i, (group, n) in enumerate(shares):
            b.item(
                b.style.dash,
                f"{_count(n)} {form} {'cho' if i % 2 else 'đối với'} {_lower(group)}",
                last=i == len(shares) - 1,
            )
        b.para(f"{marker[1]}) Đối với cá nhân: Tặng {_count(people)} {form} của {conferrer}.")
    else:
        b.para(f"{b.style.dash} Tập thể: {_count(total)} {form} của {conferrer}, trong đó:")
        for i, (group, n) in enumerate(shares):
            b.item(b.style.plus, f"{_lower(group)}: {_count(n)} {form}", last=i == len(shares) - 1)
        b.para(f"{b.style.dash} Cá nhân: {_count(people)} {form} của {conferrer}.")
    b.gold["awards"].append(_award(form, f.head, "collective", a.cadence, quota=total))
    for group, n in shares:
        b.gold["awards"].append(_award(form, f.head, "collective", a.cadence, quota=n, group=group))
        a.groups.append(("collective", group))
    b.gold["awards"].append(_award(form, f.head, "individual", a.cadence, quota=people))


def rule_pair(b: Body, a: Awarding, marker: str) -> None:
    """One form for ``01 tập thể và 02 cá nhân``: two entries."""
    f, rng = b.frame, b.rng
    form, conferrer = (f.higher_form, f.higher) if rng.random() < 0.5 else (f.own_form, f.head)
    q1, q2 = rng.randint(1, 5), rng.randint(1, 8)
    condition = f"có thành tích xuất sắc tiêu biểu trong {f.theme.short}"
    printed = _printed_title(b, conferrer)
    upward = conferrer == f.higher
    if b.family == DEVELOPMENT:
        text = (
            f"Đề nghị {printed} tặng {form} cho {_count(q1)} tập thể và {_count(q2)} cá nhân {condition}"
            if upward
            else f"Tặng {form} của {printed} cho {_count(q1)} tập thể và {_count(q2)} cá nhân {condition}"
        )
    else:
        text = (
            f"Trình {printed} xét tặng {form} cho {_count(q1)} tập thể, {_count(q2)} cá nhân {condition}"
            if upward
            else f"{form} của {printed}: {_count(q1)} tập thể và {_count(q2)} cá nhân {condition}"
        )
    b.item(marker, text, last=True)
    b.gold["awards"].append(_award(form, conferrer, "collective", a.cadence, quota=q1, condition=condition))
    b.gold["awards"].append(_award(form, conferrer, "individual", a.cadence, quota=q2, condition=condition))


def rule_top(b: Body, a: Awarding, marker: str) -> None:
    """Top-N rules: ``xếp hạng 03 vị trí cao nhất`` of the theme's index, one per group."""
    f, rng = b.frame, b.rng
    collective, _ = _groups_for_rules(f)
    index = f.theme.index
    if index is None:
        return rule_cap(b, a, marker)
    for group in rng.sample(collective, min(2, len(collective))):
        n = rng.randint(1, 5)
        annual = " hàng năm" if a.cadence == "annual" and b.family == DEVELOPMENT else ""
        if b.family == DEVELOPMENT:
            condition = f"có kết quả đánh giá {index} xếp hạng {_count(n)} vị trí cao nhất"
            text = f"Tặng {f.own_form} của {_printed_title(b, f.head)} đối với {_lower(group)} {condition}{annual}"
        else:
            words = ("", "thứ nhất", "thứ hai", "thứ ba", "thứ tư", "thứ năm")[n]
            condition = f"đạt {index} xếp từ thứ nhất đến {words}" if n > 1 else f"đạt {index} xếp thứ nhất"
            text = f"Tặng {f.own_form} của {_printed_title(b, f.head)} cho {_lower(group)} {condition}"
        b.item(marker, text)
        b.gold["awards"].append(
            _award(f.own_form, f.head, "collective", a.cadence, rank_limit=n, group=group, condition=condition)
        )
        a.groups.append(("collective", group))


def rule_people(b: Body, a: Awarding, marker: str) -> None:
    """A rule for the people of a group: ``Tặng Giấy khen … đối với cán bộ, công chức … có thành tích …``."""
    f, rng = b.frame, b.rng
    _, individual = _groups_for_rules(f)
    group = rng.choice(individual)
    condition = f"có thành tích xuất sắc, tiêu biểu trong {f.theme.short}"
    word = "đối với" if b.family == DEVELOPMENT else "cho"
    b.item(marker, f"Tặng {f.own_form} của {_printed_title(b, f.head)} {word} {_lower(group)} {condition}", last=True)
    b.gold["awards"].append(_award(f.own_form, f.head, "individual", a.cadence, group=group, condition=condition))
    a.groups.append(("individual", group))


def rule_cap(b: Body, a: Awarding, marker: str) -> None:
    """A ceiling on the count: ``không quá 03 tập thể và 05 cá nhân``."""
    f, rng = b.frame, b.rng
    form = f.own_form
    q1, q2 = rng.randint(2, 6), rng.randint(3, 10)
    condition = f"có thành tích xuất sắc trong phong trào thi đua {f.theme.short}"
    if b.family == DEVELOPMENT:
        text = (
            f"Tặng {form} của {_printed_title(b, f.head)} cho không quá {_count(q1)} tập thể và {_count(q2)} "
            f"cá nhân {condition}"
        )
    else:
        text = (
            f"{form} của {_printed_title(b, f.head)}: tối đa {_count(q1)} tập thể và {_count(q2)} cá nhân {condition}"
        )
    b.item(marker, text, last=True)
    b.gold["awards"].append(_award(form, f.head, "collective", a.cadence, quota=q1, condition=condition))
    b.gold["awards"].append(_award(form, f.head, "individual", a.cadence, quota=q2, condition=condition))


def rule_titles(b: Body, a: Awarding, marker: str) -> None:
    """Danh hiệu thi đua (Điều 19, 20): decided by the head, often without naming them."""
    f, rng = b.frame, b.rng
    options = {
        "province": (("Tập thể lao động xuất sắc", "collective"), ("Chiến sĩ thi đua cấp tỉnh", "individual")),
        "district": (
            ("Tập thể lao động tiên tiến", "collective"),
            ("Chiến sĩ thi đua cơ sở", "individual"),
            ("Lao động tiên tiến", "individual"),
        ),
        "commune": (("Lao động tiên tiến", "individual"), ("Gia đình văn hóa", "household")),
        "department": (("Tập thể lao động tiên tiến", "collective"), ("Chiến sĩ thi đua cơ sở", "individual")),
    }[f.level]
    form, subject = rng.choice(options)
    whom = {"collective": "tập thể", "individual": "cá nhân", "household": "hộ gia đình"}[subject]
    n = rng.randint(1, 5)
    if b.family == DEVELOPMENT:
        text = f"Xét tặng danh hiệu “{form}” cho {_count(n)} {whom} tiêu biểu"
        quota, condition = n, "tiêu biểu"
    else:
        condition = "đạt tiêu chuẩn theo quy định của Luật Thi đua, khen thưởng"
        text = f"Danh hiệu “{form}”: xét tặng cho {whom} {condition}"
        quota = None
    b.item(marker, text, last=True)
    b.gold["awards"].append(_award(form, None, subject, a.cadence, quota=quota, condition=condition))


def rule_delegated(b: Body, a: Awarding, marker: str) -> None:
    """Giấy khen left to the heads of units below: one entry per conferrer (Điều 80)."""
    f = b.frame
    if f.level == "province":
        heads = [f"Thủ trưởng các sở, ban, ngành {f.province_kind}", f"Chủ tịch Ủy ban nhân dân {f.communes}"]
    elif f.level == "district":
        heads = [f"Thủ trưởng các phòng, ban, ngành {f.kind}", f"Chủ tịch Ủy ban nhân dân {f.communes}"]
    else:
        return rule_pair(b, a, marker)
    printed = [_printed_title(b, h) for h in heads]
    if b.family == DEVELOPMENT:
        text = (
            f"Giấy khen: {'; '.join(printed)} xem xét, quyết định tặng Giấy khen cho các tập thể, cá nhân có "
            "thành tích xuất sắc"
        )
    else:
        text = (
            f"Giấy khen do {printed[0]} và {printed[1]} tặng theo thẩm quyền cho các tập thể, cá nhân có thành "
            "tích xuất sắc"
        )
    b.item(marker, text, last=True)
    for head in heads:
        b.gold["awards"].append(_award("Giấy khen", head, "any", a.cadence, condition="có thành tích xuất sắc"))


RULES = {
    DEVELOPMENT: (rule_pair, rule_top, rule_cap, rule_titles, rule_delegated, rule_people),
    EVALUATION: (rule_pair, rule_top, rule_cap, rule_titles, rule_delegated, rule_people),
}
"""Both families have every kind of rule; their wording differs (see each rule)."""


def write_awards(b: Body, number: str, *, name_groups: bool = False) -> None:
    """Hình thức khen thưởng: count rules for one-year plans, annual and summing-up rules for phases.

    ``name_groups``: the plan has no Đối tượng section, so its rules name whom they reward.
    """
    f, rng = b.frame, b.rng
    b.sub(
        number,
        _pick(
            rng,
            b.family,
            {
                DEVELOPMENT: ("Hình thức khen thưởng", "Thi đua, khen thưởng"),
                EVALUATION: ("Cơ cấu khen thưởng", "Hình thức và số lượng khen thưởng"),
            },
        ),
    )
    if f.multi_year:
        cadences = (
            ("annual", {DEVELOPMENT: "Khen thưởng hàng năm", EVALUATION: "Khen thưởng hằng năm"}),
            (
                "final",
                {
                    DEVELOPMENT: f"Khen thưởng tổng kết giai đoạn {f.start} - {f.end}",
                    EVALUATION: "Khen thưởng khi tổng kết phong trào",
                },
            ),
        )
        for i, (cadence, heading) in enumerate(cadences):
            b.sub(f"{'ab'[i]})" if b.family == DEVELOPMENT else f"{number}{i + 1}.", heading[b.family])
            awarding = Awarding(cadence, [])
            for rule in _rules(b, 2, name_groups):
                rule(b, awarding, b.style.dash)
            b.gold.setdefault("_groups", []).extend(awarding.groups)
        return
    awarding = Awarding("final", [])
    for rule in _rules(b, rng.randint(1, 3), name_groups):
        rule(b, awarding, b.style.dash)
    if rng.random() < 0.4:
        rule_count_split(b, awarding, "ab")
    b.gold.setdefault("_groups", []).extend(awarding.groups)


def _rules(b: Body, count: int, name_groups: bool) -> list:
    """``count`` rules of the family; with ``name_groups``, led by ones that name the groups rewarded."""
    rules = b.rng.sample(RULES[b.family], count)
    if name_groups:
        rules = [rule_top if b.frame.theme.index else rule_people, rule_people] + [
            r for r in rules if r not in (rule_top, rule_people)
        ]
        rules = rules[: max(count, 2)]
    return rules


def write_standards(b: Body, number: str) -> None:
    """Tiêu chuẩn / tiêu chí: the standards per subject; every bullet is a criterion."""
    f, rng = b.frame, b.rng
    b.sub(
        number,
        _pick(
            rng,
            b.family,
            {
                DEVELOPMENT: ("Tiêu chuẩn khen thưởng", "Tiêu chí thi đua", "Tiêu chuẩn xét khen thưởng"),
                EVALUATION: ("Tiêu chí đánh giá, bình xét", "Tiêu chuẩn xét tặng"),
            },
        ),
    )
    generic = GENERIC_STANDARDS[b.family]
    layout = _pick(
        rng,
        b.family,
        {DEVELOPMENT: ("lettered", "lead_dash", "inline"), EVALUATION: ("lettered", "numbered", "inline")},
    )
    for n, subject in enumerate(("collective", "individual")):
        own = getattr(f.theme, subject)
        bullets = [b.fmt(t) for t in rng.sample(own, rng.randint(2, len(own)))]
        bullets += [b.fmt(t) for t in rng.sample(generic[subject], rng.randint(0, 2))]
        label = {"collective": "tập thể", "individual": "cá nhân"}[subject]
        if layout == "inline" and subject == "collective":
            lead = f"{b.style.dash} Đối với {label}: "
            joined = "; ".join(f"({i}) {_lower(t) if i > 1 else t}" for i, t in enumerate(bullets, start=1))
            b.para(lead + joined + ".")
            texts = [_lower(t) if i else t for i, t in enumerate(bullets)]
        else:
            if layout == "lettered":
                b.para(f"{'ab'[n]}) Đối với {label}:")
                mark = b.style.dash
            elif layout in ("lead_dash", "inline"):
                b.para(f"{b.style.dash} Đối với {label}:")
                mark = b.style.plus
            else:
                b.sub(f"{number}{n + 1}.", f"Đối với {label}")
                mark = b.style.dash
            for i, text in enumerate(bullets):
                b.item(mark, text, last=i == len(bullets) - 1)
            texts = bullets
        for text in texts:
            b.gold["criteria"].append({"subject": subject, "text": text})


# --- hồ sơ: dossiers and their deadlines ---------------------------------------


def write_dossier(b: Body, number: str) -> None:
    """Hồ sơ and when it is due: dated, or each year for a phase."""
    f, rng = b.frame, b.rng
    b.sub(
        number,
        _pick(
            rng,
            b.family,
            {
                DEVELOPMENT: ("Hồ sơ, thời gian đề nghị khen thưởng", "Hồ sơ đề nghị khen thưởng"),
                EVALUATION: ("Thủ tục, hồ sơ và thời gian gửi hồ sơ", "Quy trình, hồ sơ đề nghị khen thưởng"),
            },
        ),
    )
    papers = [
        "Tờ trình đề nghị khen thưởng của cơ quan, đơn vị, địa phương",
        "Biên bản họp xét của Hội đồng Thi đua - Khen thưởng cấp trình khen",
        "Báo cáo thành tích của tập thể, cá nhân đề nghị khen thưởng",
    ]
    decree = "98/2023/NĐ-CP" if f.issued.year >= 2024 else "91/2017/NĐ-CP"
    papers[-1] += f" (theo mẫu quy định tại Nghị định số {decree} của Chính phủ)" if rng.random() < 0.4 else ""
    for i, paper in enumerate(papers):
        b.item(b.style.dash, paper, last=i == len(papers) - 1)
    office, receiver = f.office, f.body if f.level != "department" else f.department
    y = f.end if f.multi_year else f.start
    if f.multi_year:
        due = date(y, rng.choice((1, 2)), rng.choice((15, 20, 28)))
        md = f"{due.month:02d}-{due.day:02d}"
        cue = _pick(
            rng,
            b.family,
            {DEVELOPMENT: ("trước ngày {d}/{m} hàng năm",), EVALUATION: ("chậm nhất ngày {d}/{m} hằng năm",)},
        )
        phrase = cue.format(d=f"{due.day:02d}", m=f"{due.month:02d}")
        b.para(f"Hồ sơ đề nghị khen thưởng hàng năm gửi về {office} {phrase}.")
        b.gold["deadlines"].append(
            _deadline("submission", month_day=md, action="Gửi hồ sơ đề nghị khen thưởng", to=_cap(office), text=phrase)
        )
        final_due = date(f.end, rng.choice((9, 10)), rng.choice((15, 30)))
        phrase = f"trước ngày {final_due.day}/{final_due.month}/{f.end}"
        b.para(f"Hồ sơ đề nghị khen thưởng tổng kết giai đoạn gửi về {office} {phrase}.")
        b.gold["deadlines"].append(
            _deadline(
                "submission", when=final_due, action="Gửi hồ sơ đề nghị khen thưởng", to=_cap(office), text=phrase
            )
        )
        return
    period_end = date.fromisoformat(b.gold["deadlines"][-1]["date"])
    due = max(f.issued + timedelta(days=30), period_end - timedelta(days=rng.randint(10, 45)))
    receiving = f"{_printed_title(b, receiver or '')} (qua {office})" if f.level != "department" else office
    variant = _pick(
        rng,
        b.family,
        {
            DEVELOPMENT: (
                "Hồ sơ đề nghị khen thưởng gửi về {to} trước {date}.",
                "Các cơ quan, đơn vị gửi hồ sơ đề nghị khen thưởng về {to} chậm nhất {date}.",
                "Số lượng hồ sơ: 01 bộ bản chính, gửi về {to} trước {date}.",
            ),
            EVALUATION: (
                "Thời hạn gửi hồ sơ về {to}: chậm nhất là {date}.",
                "Hồ sơ đề nghị khen thưởng gửi về {to} trước 17 giờ 00 {date}.",
                "Hạn cuối nhận hồ sơ đề nghị khen thưởng tại {to} là {date}.",
            ),
        },
    )
    printed_date = b.date(due)
    b.para(variant.format(to=receiving, date=printed_date))
    b.gold["deadlines"].append(
        _deadline("submission", when=due, action="Gửi hồ sơ đề nghị khen thưởng", to=_cap(office), text=printed_date)
    )


# --- IV. tổ chức thực hiện -----------------------------------------------------


def write_implementation(b: Body) -> None:
    """Who does what: the office reports by a date, units send their own plans, the Front and media join in."""
    f, rng = b.frame, b.rng
    b.heading(
        _pick(
            rng,
            b.family,
            {DEVELOPMENT: ("Tổ chức thực hiện",), EVALUATION: ("Tổ chức thực hiện", "Phân công trách nhiệm")},
        )
    )
    y = f.end if f.multi_year else f.start
    office = _cap(f.office) if f.level != "commune" else "Công chức Văn phòng - Thống kê"
    report_due = date(y, 12, rng.choice((5, 10, 15)))
    annual = f.multi_year
    due_text = (
        f"trước ngày {report_due.day:02d}/12 hàng năm" if annual else f"trước {b.date(report_due, written=False)}"
    )
    b.sub("1.", f"{office}:" if b.family == DEVELOPMENT else office)
    b.para(
        _cap(
            _pick(
                rng,
                b.family,
                {
                    DEVELOPMENT: (
                        "là cơ quan thường trực, chủ trì hướng dẫn, theo dõi, đôn đốc việc thực hiện Kế hoạch; "
                        "tổng hợp, báo cáo kết quả về {up} {due}.",
                    ),
                    EVALUATION: (
                        "Tham mưu triển khai, kiểm tra việc thực hiện Kế hoạch; định kỳ tổng hợp kết quả, báo "
                        "cáo {up} {due}.",
                    ),
                },
            ).format(up=f.upper_office, due=due_text)
        )
    )
    b.gold["deadlines"].append(
        _deadline(
            "submission",
            month_day=f"12-{report_due.day:02d}" if annual else None,
            when=None if annual else report_due,
            action="Tổng hợp, báo cáo kết quả",
            to=_cap(f.upper_office),
            text=due_text,
        )
    )
    b.sub("2.", "Các cơ quan, đơn vị, địa phương:" if b.family == DEVELOPMENT else "Thủ trưởng các cơ quan, đơn vị")
    plan_month = min(12, f.issued.month + 1)
    plan_year = f.issued.year if f.issued.month < 12 else f.issued.year
    if b.family == DEVELOPMENT:
        text = (
            f"Căn cứ Kế hoạch này, xây dựng kế hoạch hưởng ứng phong trào thi đua, gửi về {f.office} trong "
            f"tháng {plan_month}/{plan_year}."
        )
        b.gold["deadlines"].append(
            _deadline(
                "submission",
                when=_month_end(plan_year, plan_month),
                action="Xây dựng kế hoạch hưởng ứng phong trào thi đua",
                to=_cap(f.office),
                text=f"trong tháng {plan_month}/{plan_year}",
            )
        )
    else:
        due = f.issued + timedelta(days=rng.randint(15, 30))
        text = (
            f"Triển khai Kế hoạch đến toàn thể cán bộ, công chức, viên chức; đăng ký thi đua gửi về {f.office} "
            f"trước {b.date(due)}."
        )
        b.gold["deadlines"].append(
            _deadline("submission", when=due, action="Đăng ký thi đua", to=_cap(f.office), text=b.date(due))
        )
    b.para(text)
    b.sub(
        "3.",
        "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam "
        + (f.province_kind if f.level in ("province", "department") else f.kind)
        + " và các tổ chức chính trị - xã hội",
    )
    b.para(
        "Tuyên truyền, vận động đoàn viên, hội viên và nhân dân tích cực hưởng ứng, tham gia phong trào thi đua; "
        "giám sát việc thực hiện Kế hoạch."
    )
    b.para(
        _pick(
            rng,
            b.family,
            {
                DEVELOPMENT: (
                    "Trên đây là Kế hoạch {t}. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ "
                    "quan, đơn vị phản ánh về {o} để tổng hợp, báo cáo {b} xem xét, giải quyết./.",
                ),
                EVALUATION: (
                    "Yêu cầu các cơ quan, đơn vị, địa phương nghiêm túc triển khai thực hiện Kế hoạch {t}; kịp "
                    "thời phản ánh khó khăn, vướng mắc về {o} để tổng hợp, báo cáo {b}./.",
                ),
            },
        ).format(t=f.title[:1].lower() + f.title[1:], o=f.office, b=f.body)
    )


# --- signature and Nơi nhận ----------------------------------------------------


def _recipients(b: Body) -> list[tuple[str, str]]:
    """(as printed, gold) lines of the Nơi nhận list, for the issuer's level."""
    f = b.frame
    p, k = f.province_kind, f.kind
    if f.level == "province":
        lines = [
            ("Bộ Nội vụ (b/c);", "Bộ Nội vụ (báo cáo)"),
            ("Ban Thi đua - Khen thưởng Trung ương;", "Ban Thi đua - Khen thưởng Trung ương"),
            (
                f"TT {p.title()} ủy, TT HĐND {p};" if p == "tỉnh" else f"TT Thành ủy, TT HĐND {p};",
                f"Thường trực {'Tỉnh' if p == 'tỉnh' else 'Thành'} ủy, Thường trực Hội đồng nhân dân {p}",
            ),
            (f"CT, các PCT UBND {p};", f"Chủ tịch, các Phó Chủ tịch Ủy ban nhân dân {p}"),
            (f"Các sở, ban, ngành, đoàn thể {p};", f"Các sở, ban, ngành, đoàn thể {p}"),
            (f"UBND {f.communes};", f"Ủy ban nhân dân {f.communes}"),
            (f"Báo {f.province};", f"Báo {f.province}"),
        ]
    elif f.level == "district":
        party = {"huyện": "Huyện", "quận": "Quận", "thị xã": "Thị", "thành phố": "Thành"}[k]
        lines = [
            (f"UBND {p} (b/c);", f"Ủy ban nhân dân {p} (báo cáo)"),
            ("Sở Nội vụ;", "Sở Nội vụ"),
            (f"TT {party} ủy, TT HĐND {k};", f"Thường trực {party} ủy, Thường trực Hội đồng nhân dân {k}"),
            (f"CT, các PCT UBND {k};", f"Chủ tịch, các Phó Chủ tịch Ủy ban nhân dân {k}"),
            (f"UBMTTQVN {k};", f"Ủy ban Mặt trận Tổ quốc Việt Nam {k}"),
            (f"Các phòng, ban, ngành, đoàn thể {k};", f"Các phòng, ban, ngành, đoàn thể {k}"),
            (f"UBND {f.communes};", f"Ủy ban nhân dân {f.communes}"),
        ]
    elif f.level == "commune":
        lines = [
            (f"UBND {f.district_kind} (b/c);", f"Ủy ban nhân dân {f.district_kind} (báo cáo)"),
            (f"Đảng ủy, TT HĐND {k};", f"Đảng ủy, Thường trực Hội đồng nhân dân {k}"),
            (f"UBMTTQ {k};", f"Ủy ban Mặt trận Tổ quốc {k}"),
            (f"Các ban, ngành, đoàn thể {k};", f"Các ban, ngành, đoàn thể {k}"),
            (f"{_cap(f.villages)};", _cap(f.villages)),
        ]
    else:
        lines = [
            (f"UBND {p} (b/c);", f"Ủy ban nhân dân {p} (báo cáo)"),
            *([("Sở Nội vụ;", "Sở Nội vụ")] if f.department != "Sở Nội vụ" else []),
            ("Giám đốc, các Phó Giám đốc Sở;", "Giám đốc, các Phó Giám đốc Sở"),
            ("Các phòng, đơn vị thuộc Sở;", "Các phòng, đơn vị thuộc Sở"),
        ]
    chosen = [line for i, line in enumerate(lines) if i < 2 or b.rng.random() < 0.8]
    if b.family == EVALUATION and b.rng.random() < 0.4:
        implementation = ROMAN[b.sections - 1]
        chosen.insert(0, (f"Như Mục {implementation};", f"Như Mục {implementation}"))
    return chosen


def _signature(b: Body) -> tuple[list[str], dict]:
    """The block's lines (quyền hạn, chức vụ, họ tên) and the signer's gold."""
    f, rng = b.frame, b.rng
    person = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE_NAMES[b.family])} {rng.choice(GIVEN_NAMES[b.family])}"
    options: tuple[tuple[tuple[str, ...], str | None, str], ...]
    if f.level == "department":
        options = (
            (("GIÁM ĐỐC",), None, "Giám đốc"),
            (("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), "KT. Giám đốc", "Phó Giám đốc"),
        )
    else:
        options = (
            (("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"), "TM. Ủy ban nhân dân", "Chủ tịch"),
            (("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), "KT. Chủ tịch", "Phó Chủ tịch"),
            (("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), "KT. Chủ tịch", "Phó Chủ tịch"),
        )
    lines, authority, position = rng.choice(options)
    return [*lines, "", person], {"name": person, "position": position, "authority": authority}


def write_closing(b: Body) -> None:
    """Nơi nhận on the left, the signature on the right: typed column after column, or merged line by line."""
    rng = b.rng
    recipients = _recipients(b)
    block, signer = _signature(b)
    b.gold["signer"] = signer
    b.gold["recipients"] = [gold for _, gold in recipients]
    left = [
        "Nơi nhận:",
        *(f"- {printed}" for printed, _ in recipients),
        "- Lưu: VT, " + rng.choice(("NV", "TĐKT", "VP", "TH")) + ".",
    ]
    layout = _pick(rng, b.family, {DEVELOPMENT: ("after", "merged"), EVALUATION: ("before", "merged_tight", "after")})
    if layout == "after":
        b.add("", *left, "", *block)
    elif layout == "before":
        b.add("", *block, "", *left)
    else:
        gap = "   " if layout == "merged" else " "
        right = [line for line in block if line]
        rows = max(len(left), len(right) - 1)
        merged = [
            f"{left[i] if i < len(left) else ''}{gap if i < len(right) - 1 and i < len(left) else ''}"
            f"{right[i] if i < len(right) - 1 else ''}".strip()
            for i in range(rows)
        ]
        b.add("", *merged, "", right[-1])


# --- the whole body ------------------------------------------------------------


def write_body(frame: Frame, rng: random.Random, family: str) -> tuple[list[str], list[str], dict]:
    """The body's lines as typed and as printed (preamble to signature), and the gold of every list field, signer,
    period."""
    if family not in FAMILIES:
        raise ValueError(f"unknown family {family!r}; one of {', '.join(FAMILIES)}")
    b = Body(rng, frame, family, _style(rng, family))
    write_preamble(b)
    write_purpose(b)
    has_targets = rng.random() < 0.8
    order = _pick(rng, family, {DEVELOPMENT: ("grouped",), EVALUATION: ("grouped", "separate")})
    if order == "grouped":
        b.heading(
            _pick(
                rng,
                family,
                {
                    DEVELOPMENT: ("Đối tượng, nội dung, thời gian thi đua",),
                    EVALUATION: ("Phạm vi, đối tượng, nội dung thi đua",),
                },
            )
            if has_targets
            else "Nội dung, thời gian thi đua"
        )
        n = 1
        if has_targets:
            write_targets(b, f"{n}.")
            n += 1
        write_tasks(b, f"{n}.")
        write_timeline(b, f"{n + 1}.")
        b.heading(
            _pick(
                rng,
                family,
                {
                    DEVELOPMENT: ("Hình thức, tiêu chuẩn khen thưởng", "Danh hiệu thi đua và hình thức khen thưởng"),
                    EVALUATION: ("Tiêu chuẩn và hình thức khen thưởng", "Bình xét, khen thưởng"),
                },
            )
        )
        write_awards(b, "1.", name_groups=not has_targets)
        write_standards(b, "2.")
        write_dossier(b, "3.")
    else:
        if has_targets:
            b.heading("Đối tượng thi đua")
            write_targets(b, "1.")
        b.heading("Nội dung và tiêu chí thi đua")
        write_tasks(b, "1.")
        write_standards(b, "2.")
        b.heading("Thời gian thực hiện")
        write_timeline(b, "1.")
        b.heading("Khen thưởng")
        write_awards(b, "1.", name_groups=not has_targets)
        write_dossier(b, "2.")
    write_implementation(b)
    write_closing(b)
    groups = b.gold.pop("_groups", [])
    if not has_targets:  # no Đối tượng section: who competes is whom the award rules name
        seen: list[str] = []
        for subject, group in groups:
            if group not in seen:
                seen.append(group)
                b.gold["targets"].append({"subject": subject, "text": group})
    b.gold["deadlines"].sort(key=lambda d: d["date"] or f"{frame.start}-{d['month_day']}")
    return b.lines, b.printed, b.gold
