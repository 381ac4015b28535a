"""The words of Vietnamese administrative documents: types, codes, abbreviations, agency names.

From Nghị định 30/2020/NĐ-CP (Phụ lục III lists the document types and the
abbreviations of their names; Phụ lục I the capitalisation of agency names)
and the abbreviations offices print in headers, preambles and Nơi nhận
lists. Everything here is about the genre, nothing about one document.
"""

from __future__ import annotations

import re

from khplan.extractors.matching import fold_key, squash

DOC_TYPES: dict[str, str] = {
    "Nghị quyết": "NQ",
    "Quyết định": "QĐ",
    "Chỉ thị": "CT",
    "Quy chế": "QC",
    "Quy định": "QyĐ",
    "Thông cáo": "TC",
    "Thông báo": "TB",
    "Hướng dẫn": "HD",
    "Chương trình": "CTr",
    "Kế hoạch": "KH",
    "Phương án": "PA",
    "Đề án": "ĐA",
    "Dự án": "DA",
    "Báo cáo": "BC",
    "Biên bản": "BB",
    "Tờ trình": "TTr",
    "Hợp đồng": "HĐ",
    "Công điện": "CĐ",
    "Bản ghi nhớ": "BGN",
    "Bản thỏa thuận": "BTT",
    "Giấy ủy quyền": "GUQ",
    "Giấy mời": "GM",
    "Giấy giới thiệu": "GGT",
    "Giấy nghỉ phép": "GNP",
    "Phiếu gửi": "PG",
    "Phiếu chuyển": "PC",
    "Phiếu báo": "PB",
    "Thư công": "TC",
    "Kết luận": "KL",
    "Chương trình hành động": "CTr",
    "Thông tư": "TT",
    "Thông tư liên tịch": "TTLT",
    "Nghị định": "NĐ",
}
"""Type names (tên loại) and the abbreviation that opens the code of their number (Phụ lục III)."""

DOC_TYPE_OF_CODE: dict[str, str] = {
    code: name for name, code in DOC_TYPES.items() if name not in {"Thư công", "Chương trình hành động"}
}


def type_of_code(code: str | None) -> str | None:
    """The type a number's ký hiệu names, read where a type's code stands: the first segment past a year
    (``69/KH-UBND``, ``/2015/QĐ-UBND``, party style ``27-KH/HU``), or after a ministry's own code in the older
    style ``18-BYT/TT`` (a Thông tư of Bộ Y tế); ``PTM-PC`` names none (PC is a unit of the body)."""
    segments = code_segments(code)
    if not segments:
        return None
    older = len(segments) == 2 and segments[0] in ISSUER_CODES and "/" in (code or "")
    if segments[0] not in DOC_TYPE_OF_CODE and older:
        return DOC_TYPE_OF_CODE.get(segments[1])
    return DOC_TYPE_OF_CODE.get(segments[0])


def code_segments(code: str | None) -> list[str]:
    """The letter segments of a ký hiệu, in order (``/2015/QĐ-UBND`` → ``QĐ``, ``UBND``)."""
    return [s for s in re.split(r"[-/]", code or "") if s and not s.isdigit()]


NO_TYPE_LINE = "Công văn"
"""What a document with a number but no type line is (ND30: công văn carry no tên loại)."""

CODE_SEGMENTS: dict[str, str] = {}
for _code in (
    "QĐ",
    "NĐ",
    "HĐND",
    "UBND",
    "TTg",
    "CTr",
    "NQ",
    "CT",
    "KH",
    "TB",
    "HD",
    "BC",
    "TTr",
    "KL",
    "TU",
    "HU",
    "TW",
    "ĐU",
    "BCĐ",
    "BTV",
    "TĐKT",
    "HĐTĐKT",
    "BTĐKT",
    "SNV",
    "SXD",
    "STP",
    "SYT",
    "SGDĐT",
    "STC",
    "SCT",
    "BNV",
    "BGDĐT",
    "BTC",
    "CP",
    "QH",
    "UBTVQH",
    "VPCP",
    "MTTQ",
    "ĐA",
    "HĐ",
    "QyĐ",
    "CĐ",
    "BCH",
    "PNV",
    "VP",
    "VPUB",
    "NHNN",
    "LĐTBXH",
    "SLĐTBXH",
    "TNMT",
    "STNMT",
    "SKHĐT",
    "KHĐT",
    "GDĐT",
    "GTVT",
    "SGTVT",
    "NNPTNT",
    "SNNPTNT",
    "VHTTDL",
    "SVHTTDL",
    "KHCN",
    "SKHCN",
    "TTTT",
    "STTTT",
    "ĐTN",
    "ĐTNCS",
    "LĐLĐ",
    "HLHPN",
    "HPN",
    "HND",
    "HCCB",
    "BQP",
    "BCA",
    "BYT",
    "BXD",
    "BTP",
    "BCT",
):
    CODE_SEGMENTS.setdefault(fold_key(_code), _code)  # on a clash the earlier wins: HD (Hướng dẫn) before HĐ
"""Code segments as printed, keyed by their folded form, to give legacy OCR its lost ``Đ`` back (``QD`` → ``QĐ``)."""

ABBREVIATIONS: dict[str, str] = {
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "UBMTTQVN": "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "UBMTTQ": "Ủy ban Mặt trận Tổ quốc",
    "MTTQVN": "Mặt trận Tổ quốc Việt Nam",
    "MTTQ": "Mặt trận Tổ quốc",
    "UB": "Ủy ban",
    "TT": "Thường trực",
    "HU": "Huyện ủy",
    "TU": "Tỉnh ủy",
    "TW": "Trung ương",
    "BCH": "Ban Chấp hành",
    "BTV": "Ban Thường vụ",
    "CCHC": "cải cách hành chính",
    "TĐKT": "thi đua, khen thưởng",
    "HĐTĐKT": "Hội đồng Thi đua - Khen thưởng",
    "CT": "Chủ tịch",
    "PCT": "Phó Chủ tịch",
    "VP": "Văn phòng",
    "SNV": "Sở Nội vụ",
    "PNV": "Phòng Nội vụ",
    "BNV": "Bộ Nội vụ",
    "TP": "thành phố",
    "TX": "thị xã",
    "TT.": "thị trấn",
    "ĐU": "Đảng ủy",
    "LĐLĐ": "Liên đoàn Lao động",
    "HLHPN": "Hội Liên hiệp Phụ nữ",
    "ĐTN": "Đoàn Thanh niên",
    "b/c": "báo cáo",
    "t/h": "thực hiện",
    "p/h": "phối hợp",
}
"""Abbreviations offices print, and their full words (ND30 asks for full names in the body)."""

ISSUER_CODES: dict[str, str] = {
    "TTg": "Thủ tướng Chính phủ",
    "CP": "Chính phủ",
    "BNV": "Bộ Nội vụ",
    "BYT": "Bộ Y tế",
    "BTC": "Bộ Tài chính",
    "BCA": "Bộ Công an",
    "BQP": "Bộ Quốc phòng",
    "BTP": "Bộ Tư pháp",
    "BXD": "Bộ Xây dựng",
    "BCT": "Bộ Công Thương",
    "BGDĐT": "Bộ Giáo dục và Đào tạo",
    "BKHĐT": "Bộ Kế hoạch và Đầu tư",
    "BTNMT": "Bộ Tài nguyên và Môi trường",
    "BNNPTNT": "Bộ Nông nghiệp và Phát triển nông thôn",
    "BGTVT": "Bộ Giao thông vận tải",
    "BLĐTBXH": "Bộ Lao động - Thương binh và Xã hội",
    "BTTTT": "Bộ Thông tin và Truyền thông",
    "BKHCN": "Bộ Khoa học và Công nghệ",
    "BVHTTDL": "Bộ Văn hóa, Thể thao và Du lịch",
    "SNV": "Sở Nội vụ",
    "SYT": "Sở Y tế",
    "STP": "Sở Tư pháp",
    "STC": "Sở Tài chính",
    "SXD": "Sở Xây dựng",
    "SGDĐT": "Sở Giáo dục và Đào tạo",
    "SLĐTBXH": "Sở Lao động - Thương binh và Xã hội",
    "SVHTTDL": "Sở Văn hóa, Thể thao và Du lịch",
    "SKHĐT": "Sở Kế hoạch và Đầu tư",
    "STNMT": "Sở Tài nguyên và Môi trường",
    "SNNPTNT": "Sở Nông nghiệp và Phát triển nông thôn",
    "SGTVT": "Sở Giao thông vận tải",
    "STTTT": "Sở Thông tin và Truyền thông",
    "SKHCN": "Sở Khoa học và Công nghệ",
}
"""The issuing body a number's ký hiệu names after the type (``924/SNV-CCHC``, ``1357/BVHTTDL-VHCS``): ND30, Phụ lục
VI, gives each agency the abbreviation of its name."""

FORMER_MINISTRIES: tuple[str, ...] = (
    "Bộ Giáo dục",
    "Bộ Đại học và Trung học chuyên nghiệp",
    "Bộ Văn hóa",
    "Bộ Thông tin",
    "Bộ Lao động",
    "Bộ Thương binh và Xã hội",
    "Bộ Nội thương",
    "Bộ Ngoại thương",
    "Bộ Thương nghiệp",
    "Bộ Kinh tế đối ngoại",
    "Bộ Lương thực",
    "Bộ Lương thực và Thực phẩm",
    "Bộ Nông nghiệp",
    "Bộ Lâm nghiệp",
    "Bộ Thủy lợi",
    "Bộ Công nghiệp nhẹ",
    "Bộ Công nghiệp nặng",
    "Bộ Cơ khí và Luyện kim",
    "Bộ Năng lượng",
    "Bộ Vật tư",
    "Bộ Giao thông và Bưu điện",
    "Tổng cục Bưu điện",
    "Tổng cục Bưu điện và Truyền thanh",
    "Tổng cục Thống kê",
    "Tổng cục Địa chính",
    "Ủy ban Thể dục Thể thao",
    "Ủy ban Khoa học và Kỹ thuật Nhà nước",
    "Ủy ban Xây dựng cơ bản Nhà nước",
    "Ban Tổ chức - Cán bộ Chính phủ",
)
"""Ministries and national bodies of 1955–2002 by the names their documents print (since merged or renamed)."""

CENTRAL_BODY_NAMES: tuple[str, ...] = (
    *(name for name in ISSUER_CODES.values() if name.startswith("Bộ ")),
    "Bộ Ngoại giao",
    "Bộ Nông nghiệp và Môi trường",
    "Bộ Dân tộc và Tôn giáo",
    "Ủy ban Dân tộc",
    "Ủy ban Dân tộc và Miền núi",
    "Ủy ban Vật giá Nhà nước",
    "Ủy ban Kế hoạch Nhà nước",
    "Ngân hàng Nhà nước Việt Nam",
    "Ngân hàng Quốc gia Việt Nam",
    "Thanh tra Chính phủ",
    "Văn phòng Chính phủ",
    "Phủ Thủ tướng",
    "Hội đồng Nhà nước",
    "Hội đồng Bộ trưởng",
    "Chủ tịch Hội đồng Bộ trưởng",
    "Hội đồng Chính phủ",
    "Bộ Văn hóa - Thông tin",
    "Bộ Thương mại",
    "Bộ Công nghiệp",
    "Bộ Thủy sản",
    "Bộ Bưu chính, Viễn thông",
    *FORMER_MINISTRIES,
    "Kiểm toán Nhà nước",
    "Bảo hiểm xã hội Việt Nam",
    "Kho bạc Nhà nước",
    "Tổng cục Thuế",
    "Tổng cục Hải quan",
    "Ban Thi đua - Khen thưởng Trung ương",
    "Hội đồng Thi đua - Khen thưởng Trung ương",
    "Tòa án nhân dân tối cao",
    "Viện kiểm sát nhân dân tối cao",
    "Thông tấn xã Việt Nam",
    "Đài Truyền hình Việt Nam",
    "Đài Tiếng nói Việt Nam",
    "Tổng Liên đoàn Lao động Việt Nam",
    "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
    "Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
    "Trung ương Hội Liên hiệp Phụ nữ Việt Nam",
    "Ban Chấp hành Trung ương Đoàn TNCS Hồ Chí Minh",
    "Trung ương Hội Nông dân Việt Nam",
    "Trung ương Hội Cựu chiến binh Việt Nam",
    "Hội đồng Đội Trung ương",
)
"""Central bodies by their full names (ministries, agencies of the Government, the courts, the central mass
organisations; bodies since merged or renamed, as older documents name them): a central issuer is spelt as its own
name is, whatever restoration made of its marks."""

AGENCY_NAMES: tuple[str, ...] = (
    *(
        f"Tổng cục {field}"
        for field in (
            "Thuế",
            "Hải quan",
            "Thống kê",
            "Quản lý thị trường",
            "Quản lý đất đai",
            "Môi trường",
            "Biển và Hải đảo Việt Nam",
            "Địa chất và Khoáng sản Việt Nam",
            "Khí tượng Thủy văn",
            "Lâm nghiệp",
            "Thủy lợi",
            "Thủy sản",
            "Phòng, chống thiên tai",
            "Du lịch",
            "Thể dục thể thao",
            "Dân số - Kế hoạch hóa gia đình",
            "Đường bộ Việt Nam",
            "Giáo dục nghề nghiệp",
            "Dạy nghề",
            "Tiêu chuẩn Đo lường Chất lượng",
            "Năng lượng",
            "Dự trữ Nhà nước",
        )
    ),
    *(
        f"Cục {field}"
        for field in (
            "Quản lý Dược",
            "An toàn thực phẩm",
            "Quản lý Khám, chữa bệnh",
            "Y tế dự phòng",
            "Quản lý Môi trường y tế",
            "Văn thư và Lưu trữ nhà nước",
            "Lưu trữ Nhà nước",
            "Hàng không Việt Nam",
            "Hàng hải Việt Nam",
            "Đường sắt Việt Nam",
            "Đường thủy nội địa Việt Nam",
            "Đăng kiểm Việt Nam",
            "Giám sát quản lý về Hải quan",
            "Thuế xuất nhập khẩu",
            "Kiểm tra sau thông quan",
            "Điều tra chống buôn lậu",
            "Quản lý giá",
            "Quản lý công sản",
            "Tài chính doanh nghiệp",
            "Quản lý nợ và Tài chính đối ngoại",
            "Phát triển doanh nghiệp",
            "Đầu tư nước ngoài",
            "Việc làm",
            "Bảo trợ xã hội",
            "Người có công",
            "Trẻ em",
            "Quản lý lao động ngoài nước",
            "An toàn lao động",
            "Quản lý tài nguyên nước",
            "Bảo vệ thực vật",
            "Thú y",
            "Chăn nuôi",
            "Trồng trọt",
            "Kiểm lâm",
            "Quản lý hoạt động xây dựng",
            "Phát triển đô thị",
            "Kinh tế xây dựng",
            "Quản lý nhà và thị trường bất động sản",
            "Di sản văn hóa",
            "Văn hóa cơ sở",
            "Nghệ thuật biểu diễn",
            "Điện ảnh",
            "Bản quyền tác giả",
            "Báo chí",
            "Xuất bản, In và Phát hành",
            "An toàn thông tin",
            "Viễn thông",
            "Tần số vô tuyến điện",
            "Sở hữu trí tuệ",
            "Quản lý thị trường",
            "Xuất nhập khẩu",
            "Quản lý cạnh tranh",
            "Hóa chất",
            "Điều tiết điện lực",
            "Hộ tịch, quốc tịch, chứng thực",
            "Bổ trợ tư pháp",
            "Công nghệ thông tin",
            "Khảo thí và Kiểm định chất lượng giáo dục",
            "Nhà giáo và Cán bộ quản lý giáo dục",
        )
    ),
    "Ủy ban Chứng khoán Nhà nước",
)
"""Agencies under ministries (Tổng cục, Cục) by their full names: a central issuer whose words are one of them but for
their marks is spelt as the agency is (``Tổng cục Quản lý thị trưởng`` is restoration's, not the agency's)."""
AGENCY_SHORT_NAMES: dict[str, str] = {
    "Cục GSQL về Hải quan": "Cục Giám sát quản lý về Hải quan",
    "Cục KTSTQ": "Cục Kiểm tra sau thông quan",
    "Cục ĐTCBL": "Cục Điều tra chống buôn lậu",
    "Tổng cục QLĐĐ": "Tổng cục Quản lý đất đai",
    "Tổng cục QLTT": "Tổng cục Quản lý thị trường",
}
"""Agencies as their headers abbreviate them (``CỤC GSQL VỀ HẢI QUAN``), and their full names."""
AGENCY_CODES: dict[str, tuple[str, str]] = {
    "TCHQ": ("Tổng cục Hải quan", "Bộ Tài chính"),
    "TCT": ("Tổng cục Thuế", "Bộ Tài chính"),
    "KBNN": ("Kho bạc Nhà nước", "Bộ Tài chính"),
    "UBCK": ("Ủy ban Chứng khoán Nhà nước", "Bộ Tài chính"),
    "TCTK": ("Tổng cục Thống kê", "Bộ Kế hoạch và Đầu tư"),
    "TCQLTT": ("Tổng cục Quản lý thị trường", "Bộ Công Thương"),
    "TCDL": ("Tổng cục Du lịch", "Bộ Văn hóa, Thể thao và Du lịch"),
    "TCTDTT": ("Tổng cục Thể dục thể thao", "Bộ Văn hóa, Thể thao và Du lịch"),
}
"""Codes agencies under a ministry open their letters' ký hiệu with (``978/TCHQ-GSQL``), the agency and its ministry:
under a header a site cut to the ministry's line, the code says which of its agencies wrote."""

DEPARTMENTS: tuple[str, ...] = (
    "Sở Nội vụ",
    "Sở Tư pháp",
    "Sở Kế hoạch và Đầu tư",
    "Sở Tài chính",
    "Sở Công Thương",
    "Sở Nông nghiệp và Phát triển nông thôn",
    "Sở Giao thông vận tải",
    "Sở Xây dựng",
    "Sở Tài nguyên và Môi trường",
    "Sở Thông tin và Truyền thông",
    "Sở Lao động - Thương binh và Xã hội",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Văn hóa và Thể thao",
    "Sở Du lịch",
    "Sở Khoa học và Công nghệ",
    "Sở Giáo dục và Đào tạo",
    "Sở Y tế",
    "Sở Ngoại vụ",
    "Sở Dân tộc và Tôn giáo",
    "Sở Nông nghiệp và Môi trường",
    "Sở Khoa học và Công nghệ",
    "Ban Dân tộc",
    "Thanh tra tỉnh",
    "Văn phòng Ủy ban nhân dân",
    "Ban Thi đua - Khen thưởng",
    "Hội đồng Thi đua - Khen thưởng",
    "Phòng Nội vụ",
    "Phòng Tư pháp",
    "Phòng Tài chính - Kế hoạch",
    "Phòng Giáo dục và Đào tạo",
    "Phòng Y tế",
    "Phòng Văn hóa và Thông tin",
    "Phòng Tài nguyên và Môi trường",
    "Phòng Lao động - Thương binh và Xã hội",
    "Phòng Kinh tế",
    "Phòng Quản lý đô thị",
    "Phòng Kinh tế và Hạ tầng",
    "Phòng Nông nghiệp và Phát triển nông thôn",
    "Phòng Dân tộc",
    "Thanh tra huyện",
)
"""Specialised agencies of provinces (sở, ban) and districts (phòng) under Nghị định 24/2014 and 37/2014 as amended."""

AGENCY_HEADS: tuple[str, ...] = (
    "ủy ban nhân dân",
    "ủy ban",
    "tiểu ban",
    "hội",
    "hội đồng nhân dân",
    "ủy ban mặt trận tổ quốc việt nam",
    "ủy ban mặt trận tổ quốc",
    "hội đồng",
    "ban chỉ đạo",
    "ban chấp hành",
    "ban thường vụ",
    "ban",
    "sở",
    "phòng",
    "văn phòng",
    "bộ",
    "cục",
    "chi cục",
    "tổng cục",
    "trung tâm",
    "trường",
    "thanh tra",
    "công an",
    "bộ chỉ huy",
    "đảng ủy",
    "tỉnh ủy",
    "huyện ủy",
    "thành ủy",
    "thị ủy",
    "liên đoàn lao động",
    "hội liên hiệp phụ nữ",
    "đoàn thanh niên",
    "chính phủ",
    "thủ tướng chính phủ",
    "quốc hội",
    "kho bạc nhà nước",
    "bảo hiểm xã hội",
    "ngân hàng",
)
"""Words that open the name of an issuing body, longest first when matched."""

CENTRAL_HEADS = ("bộ", "chính phủ", "thủ tướng chính phủ", "quốc hội", "tổng cục", "cục")


def canonical_code(code: str) -> str:
    """A document code with its segments spelt as printed in the standard (``QD-UBND`` → ``QĐ-UBND``).

    Segments not in the vocabulary keep their letters; only a lost ``Đ`` and
    the case of known segments are restored.
    """
    code = code.replace("\u2044", "/").replace("\u2215", "/")  # OCR's fraction slash
    first = next((m.start() for m in re.finditer(r"[^-/.\s]+", code) if not m.group(0).isdigit()), -1)
    return re.sub(
        r"[^-/.\s]+",
        lambda m: m.group(0) if m.group(0) in _PRINTED_CODES else _segment(m.group(0), typed=m.start() == first),
        code,
    )


def guessed_code_marks(code: str) -> str:
    """A ký hiệu read from text that lost its marks: each ``D`` of a segment no list knows read as ``Đ``, but after
    ``N``, ``G``, ``B`` or ``X`` (``ND`` nhân dân, ``GD`` giáo dục, ``UBDT`` Ủy ban Dân tộc, ``XD`` xây dựng). So are
    128 of the 146 such letters in the ký hiệu the development set's texts cite (left as ``D``: 59). A guess, flagged
    where it is made."""
    head, *rest = re.split(r"([-/&.–])", code)
    return head + "".join(part if known_segment(part) else _UNMARKED_D.sub("Đ", part) for part in rest)


_UNMARKED_D = re.compile(r"(?<![NGBX])D")


def known_segment(segment: str) -> bool:
    """A ký hiệu segment the vocabulary spells (``UBND``, ``QĐ``, ``SNV``): its ``Đ`` is known, not guessed."""
    return segment in _PRINTED_CODES or segment in ISSUER_CODES or fold_key(segment) in CODE_SEGMENTS


def _segment(segment: str, *, typed: bool = True) -> str:
    """A ký hiệu segment spelt as printed; a type's code run into a body's (``QĐBYT``, ``NĐCP``) split by its dash,
    where the type's code stands (the first segment: ``12/CT-CTUBND``'s second is the chairman's, as printed)."""
    known = CODE_SEGMENTS.get(fold_key(segment))
    if known is not None:
        return known
    if (misread := _misread_segment(segment, typed=typed)) is not None:
        return misread
    for length in (3, 2) if typed else ():
        head, rest = CODE_SEGMENTS.get(fold_key(segment[:length])), segment[length:]
        if head in DOC_TYPE_OF_CODE and (rest in _BODY_CODES or fold_key(rest) in _FOLDED_BODY_CODES):
            return f"{head}-{_BODY_CODES.get(rest) or _FOLDED_BODY_CODES[fold_key(rest)]}"
    return segment


def _misread_segment(segment: str, *, typed: bool) -> str | None:
    """A known segment whose ``Đ`` OCR doubled (``QĐĐ``, ``LĐĐTBXH``) or, where the type's code stands, before which it
    read a speck as a digit (``7NQ``); a council's code before its term whose ``1`` OCR read twice (``HĐNDI15``,
    ``UBTVQHI15``): the segment as printed."""
    if (term := _TERM_AFTER_SPECK.fullmatch(segment)) is not None and term.group("code") in _BODY_CODES:
        return term.group("code") + term.group("term")
    shapes = {segment[:i] + segment[i + 1 :] for i in range(len(segment) - 1) if segment[i : i + 2] in ("ĐĐ", "DD")}
    if typed and re.fullmatch(r"\d[^\W\d_]{2,}", segment):
        shapes.add(segment[1:])
    found = {
        shape
        if shape in _PRINTED_CODES or shape in _BODY_CODES
        else CODE_SEGMENTS.get(fold_key(shape)) or _FOLDED_BODY_CODES.get(fold_key(shape))
        for shape in shapes
    }
    found.discard(None)
    return found.pop() if len(found) == 1 else None


_TERM_AFTER_SPECK = re.compile(r"(?P<code>[^\W\d_]{2,})[Il|](?P<term>1\d)")
"""``HĐNDI15``: a body's code, an ``I`` that is the term's ``1`` read twice, the term (10 to 19)."""
_PRINTED_CODES = frozenset(CODE_SEGMENTS.values()) | {"HĐ"}
_BODY_CODES = {code: code for code in (*ISSUER_CODES, "UBND", "HĐND", "CP", "TTg", "TW", "BCH", "UBTVQH", "VPCP")}
"""Codes of issuing bodies, which follow the type's after a dash (``QĐ-BYT``, ``NĐ-CP``)."""
_FOLDED_BODY_CODES = {fold_key(code): code for code in _BODY_CODES}
"""Segments already spelt as a code is printed: kept as they are (``HĐ`` of a contract stays ``HĐ``)."""


def expand_abbreviations(text: str) -> str:
    """Full words for the abbreviations in ``text`` (``UBND huyện`` → ``Ủy ban nhân dân huyện``)."""

    def expand(match: re.Match[str]) -> str:
        return ABBREVIATIONS.get(match.group(0), match.group(0))

    return _ABBREVIATION.sub(expand, text)


_ABBREVIATION = re.compile(
    r"(?<![\w/])(?:" + "|".join(re.escape(a) for a in sorted(ABBREVIATIONS, key=len, reverse=True)) + r")(?![\w/])"
)

_SEGMENT_BREAK = re.compile(r"(\s+và\s+|\s*,\s*|\s+-\s+|\s+–\s+)")


FIELD_ABBREVIATIONS: dict[str, str] = {
    "gddt": "giáo dục và đào tạo",
    "nnptnt": "nông nghiệp và phát triển nông thôn",
    "tnmt": "tài nguyên và môi trường",
    "ldtbxh": "lao động - thương binh và xã hội",
    "vhttdl": "văn hóa, thể thao và du lịch",
    "khcn": "khoa học và công nghệ",
    "khdt": "kế hoạch và đầu tư",
    "tttt": "thông tin và truyền thông",
    "gtvt": "giao thông vận tải",
    "tckh": "tài chính - kế hoạch",
    "ktht": "kinh tế và hạ tầng",
    "qldt": "quản lý đô thị",
    "pcgd": "phổ cập giáo dục",
    "xd": "xây dựng",
    "dsvh": "đời sống văn hóa",
    "mtqg": "mục tiêu quốc gia",
    "vsmt": "vệ sinh môi trường",
    "ntm": "nông thôn mới",
    "attp": "an toàn thực phẩm",
    "atgt": "an toàn giao thông",
    "tdtt": "thể dục thể thao",
    "pccc": "phòng cháy, chữa cháy",
    "lhtn": "Liên hiệp Thanh niên",
    "lhpn": "Liên hiệp Phụ nữ",
    "ccb": "Cựu chiến binh",
    "bcd": "ban chỉ đạo",
    **{fold_key(printed): ABBREVIATIONS[printed] for printed in ("CCHC", "HLHPN", "LĐLĐ", "MTTQ")},
}
"""The fields and bodies a small office's header abbreviates in its own name (``PHÒNG GD&ĐT``, ``BCĐ PCGD``,
``SỞ NN&PTNT``), keyed by the letters folded, separators dropped; the record writes names in full words (ND30).
``TNCS`` stays: Đoàn TNCS Hồ Chí Minh is the name as the Đoàn prints it. Ambiguous ones (``VH-TT``: thông tin or
thể thao) are left as printed."""


def field_abbreviation(word: str) -> str | None:
    """The full words of ``word`` when it is one of :data:`FIELD_ABBREVIATIONS` printed in capitals (``GD&ĐT``);
    ``xd`` in running text is no abbreviation."""
    if any(ch.islower() for ch in word):
        return None
    return FIELD_ABBREVIATIONS.get(re.sub(r"[&.,\-]", "", fold_key(word)))


def expand_field_abbreviations(name: str) -> str:
    """A body's name with its fields' abbreviations written out (``PHÒNG GD&ĐT`` → ``PHÒNG giáo dục và đào tạo``)."""
    return FIELD_ABBREVIATION_WORD.sub(lambda m: field_abbreviation(m.group(0)) or m.group(0), name)


FIELD_ABBREVIATION_WORD = re.compile(r"(?<![\w&.,\-])[^\W\d_](?:[^\W\d_]|[&.,\-](?=[^\W\d_]))*\.?(?![\w&])")
"""A word with its inner separators (``NN&PTNT``, ``LĐ-TB&XH``, ``VH,TT&DL``) and a trailing full stop (``BCĐ.``)."""


def agency_case(name: str) -> str:
    """An agency name in ND30's capitalisation from a header's capitals: ``SỞ XÂY DỰNG`` → ``Sở Xây dựng``.

    A known agency (fuzzy, marks ignored) gives its standard spelling; else
    the rule of Phụ lục I: capital on the first syllable of the kind of body
    and of each field it is named after (fields split at ``và``, commas and
    dashes).
    """
    name = expand_field_abbreviations(name)
    known = max(DEPARTMENTS, key=lambda d: _score(d, name))
    if _score(known, name) >= 92 and squash(known.split()[0]) == squash(name.split()[0] if name.split() else ""):
        return known  # of the same kind: "BỘ GIÁO DỤC VÀ ĐÀO TẠO" is 92 alike "Sở Giáo dục và Đào tạo", and no Sở
    tokens = name.split()
    for known in sorted(DEPARTMENTS, key=len, reverse=True):  # "Ban Thi đua - Khen thưởng" + "Trung ương"
        size = len(known.split())
        if len(tokens) > size and squash(" ".join(tokens[:size])) == squash(known):
            rest = " ".join(tokens[size:]).lower()
            return _PROPER_NAMES.sub(lambda m: _PROPER_CASE[m.group(0).lower()], f"{known} {rest}")
    words = " ".join(tokens).lower()
    folded = fold_key(words)
    head = next(
        (
            h
            for h in sorted(AGENCY_HEADS, key=len, reverse=True)
            if folded.startswith(fold_key(h) + " ") or folded == fold_key(h)
        ),
        None,
    )
    if head is None:
        return words[:1].upper() + words[1:]
    rest = words[len(head) :].strip()  # the head in its own spelling: restored text may have lost its marks
    parts = _SEGMENT_BREAK.split(rest)
    rest = "".join(part if i % 2 else part[:1].upper() + part[1:] for i, part in enumerate(parts))
    return _PROPER_NAMES.sub(lambda m: _PROPER_CASE[m.group(0).lower()], f"{head[:1].upper()}{head[1:]} {rest}".strip())


_PROPER_CASE = {
    name.lower(): name for name in ("Trung ương", "Việt Nam", "Hồ Chí Minh", "Đảng Cộng sản", "Quốc hội", "Chính phủ")
}
_PROPER_NAMES = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in _PROPER_CASE) + r")\b", re.IGNORECASE)
"""Names capitalised inside any agency's name (Phụ lục I): ``Ban Thi đua - Khen thưởng Trung ương``."""


def _score(a: str, b: str) -> float:
    from rapidfuzz import fuzz

    return fuzz.ratio(squash(a), squash(b))


AWARD_FORMS: tuple[str, ...] = (
    # Luật Thi đua, khen thưởng 2022, Điều 9 (hình thức khen thưởng)
    "Huân chương",
    "Huy chương",
    "Kỷ niệm chương",
    "Bằng khen",
    "Giấy khen",
    # Điều 19 (danh hiệu thi đua đối với cá nhân)
    "Chiến sĩ thi đua toàn quốc",
    "Chiến sĩ thi đua cấp tỉnh",
    "Chiến sĩ thi đua cấp bộ",
    "Chiến sĩ thi đua cơ sở",
    "Chiến sĩ thi đua",
    "Lao động tiên tiến",
    "Chiến sĩ tiên tiến",
    # Điều 20 (danh hiệu thi đua đối với tập thể, hộ gia đình)
    "Cờ thi đua",
    "Tập thể lao động xuất sắc",
    "Tập thể lao động tiên tiến",
    "Đơn vị quyết thắng",
    "Đơn vị tiên tiến",
    "Gia đình văn hóa",
)
"""Award forms and titles of emulation, as the law names them (longest match wins)."""

TITLE_SUBJECTS: dict[str, str] = {
    "Chiến sĩ thi đua toàn quốc": "individual",
    "Chiến sĩ thi đua cấp tỉnh": "individual",
    "Chiến sĩ thi đua cấp bộ": "individual",
    "Chiến sĩ thi đua cơ sở": "individual",
    "Chiến sĩ thi đua": "individual",
    "Lao động tiên tiến": "individual",
    "Chiến sĩ tiên tiến": "individual",
    "Cờ thi đua": "collective",
    "Tập thể lao động xuất sắc": "collective",
    "Tập thể lao động tiên tiến": "collective",
    "Đơn vị quyết thắng": "collective",
    "Đơn vị tiên tiến": "collective",
    "Gia đình văn hóa": "household",
}
"""Whom each danh hiệu thi đua is for (Luật Thi đua, khen thưởng 2022, Điều 19: cá nhân; Điều 20: tập thể, hộ gia
đình)."""

ORDINALS: dict[str, int] = {
    "nhat": 1,
    "nhi": 2,
    "hai": 2,
    "ba": 3,
    "tu": 4,
    "bon": 4,
    "nam": 5,
    "sau": 6,
    "bay": 7,
    "tam": 8,
    "chin": 9,
    "muoi": 10,
}
"""Ordinal words, folded (``thứ nhất``, ``thứ ba``), for ranks written out."""

REFERENCE_KINDS: tuple[str, ...] = (
    "Hiến pháp",
    "Bộ luật",
    "Luật",
    "Pháp lệnh",
    "Nghị quyết",
    "Nghị định",
    "Quyết định",
    "Chỉ thị",
    "Thông tư",
    "Thông tư liên tịch",
    "Kế hoạch",
    "Chương trình hành động",
    "Chương trình",
    "Công văn",
    "Kết luận",
    "Hướng dẫn",
    "Thông báo",
    "Đề án",
    "Quy định",
    "Quy chế",
    "Thông tri",
    "Công điện",
)
"""Kinds of documents a preamble cites (Căn cứ / Thực hiện …)."""

NAMED_REFERENCE_KINDS = frozenset({"Hiến pháp", "Bộ luật", "Luật", "Pháp lệnh"})
"""Kinds cited by name without a number (``Luật Thi đua, khen thưởng``)."""

POSITIONS: tuple[str, ...] = (
    "Chủ tịch",
    "Phó Chủ tịch",
    "Giám đốc",
    "Phó Giám đốc",
    "Trưởng ban",
    "Phó Trưởng ban",
    "Trưởng phòng",
    "Phó Trưởng phòng",
    "Chánh Văn phòng",
    "Phó Chánh Văn phòng",
    "Bộ trưởng",
    "Thứ trưởng",
    "Thủ tướng",
    "Phó Thủ tướng",
    "Bí thư",
    "Phó Bí thư",
    "Thủ trưởng",
    "Viện trưởng",
    "Cục trưởng",
    "Chi cục trưởng",
    "Hiệu trưởng",
    "Chánh Thanh tra",
    "Tổng Giám đốc",
    "Trưởng Công an",
)
"""Positions printed above a signature (ND30, Phụ lục I, thể thức chữ ký)."""

AUTHORITY_PREFIXES = {"tm": "TM.", "kt": "KT.", "tl": "TL.", "tuq": "TUQ.", "q": "Q."}
"""Thay mặt, ký thay, thừa lệnh, thừa ủy quyền, quyền: on whose behalf a signature is made."""
