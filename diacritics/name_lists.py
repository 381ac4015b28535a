"""Vietnamese personal names with their usual marks, and how common each is: data for :mod:`diacritics.names`.

Compiled by hand from what public name statistics agree on (the family-name
shares of the 2000s population surveys: Nguyễn ~38%, Trần ~11%, Lê ~9.5%,
Phạm ~7% …; given and middle names in rough tiers of frequency, as lists of
common names and signatures of administrative documents show them).
Weights are relative within a list, not probabilities of anything precise:
what matters to the restorer is that ``Cường`` is a far commoner name than
``Cương`` and that ``Tứ`` is a name while ``Từ`` mostly is not one.
"""

from __future__ import annotations

FAMILY: dict[str, float] = {
    "Nguyễn": 380, "Trần": 110, "Lê": 95, "Phạm": 70, "Hoàng": 51, "Huỳnh": 51, "Phan": 45, "Vũ": 39,
    "Võ": 39, "Đặng": 21, "Bùi": 20, "Đỗ": 14, "Hồ": 13, "Ngô": 13, "Dương": 10, "Lý": 5, "Đào": 4,
    "Đoàn": 4, "Vương": 3, "Trịnh": 3, "Đinh": 3, "Lâm": 3, "Phùng": 2, "Mai": 2, "Tô": 2, "Trương": 3,
    "Hà": 2, "Lương": 2, "Lưu": 2, "Cao": 2, "Châu": 1, "Tạ": 1, "Quách": 1, "Thái": 1, "Triệu": 1,
    "Chu": 1, "Kiều": 1, "Văn": 1, "Đàm": 1, "Lại": 1, "Mạc": 1, "Tăng": 1, "Âu": 0.5, "Ông": 0.5,
    "Giáp": 0.5, "Khổng": 0.5, "Khúc": 0.5, "Lạc": 0.5, "Lò": 0.5, "Lục": 0.5, "Mã": 0.5, "Nông": 1,
    "Quan": 0.5, "Tôn": 0.5, "Từ": 0.5, "Ưng": 0.3, "Diệp": 0.5, "Doãn": 0.5, "Đồng": 0.5, "Hầu": 0.3,
    "Hứa": 0.5, "Kim": 0.5, "La": 0.5, "Lã": 0.5, "Lữ": 0.5, "Nghiêm": 0.5, "Ninh": 0.5, "Phí": 0.5,
    "Phó": 0.3, "Thân": 0.5, "Thạch": 0.5, "Tiêu": 0.3, "Tòng": 0.3, "Vi": 0.5, "Viên": 0.3, "Y": 0.3,
    "Cù": 0.3, "Cầm": 0.3, "Hàn": 0.3, "Lù": 0.3, "Mông": 0.3, "Sầm": 0.3, "Bạch": 0.3, "Bế": 0.5,
    "Chế": 0.3, "Công": 0.3, "Dư": 0.3, "Giang": 0.3, "Hoa": 0.3, "Hồng": 0.3, "Khuất": 0.3,
    "Khương": 0.3, "Lâu": 0.2, "Mẫn": 0.2, "Mang": 0.1, "Nhữ": 0.2, "Ôn": 0.2, "Phương": 0.3, "Quang": 0.2,
    "Thiều": 0.2, "Trang": 0.2, "Trình": 0.3, "Vòng": 0.2, "Vưu": 0.2, "Xa": 0.2,
}  # fmt: skip

MIDDLE: dict[str, float] = {
    "Văn": 100, "Thị": 100, "Hữu": 20, "Đức": 20, "Minh": 20, "Quang": 15, "Thanh": 20, "Ngọc": 20,
    "Xuân": 12, "Công": 12, "Đình": 12, "Trọng": 10, "Thành": 8, "Quốc": 10, "Hồng": 10, "Kim": 8,
    "Anh": 6, "Hoài": 5, "Bá": 6, "Tiến": 5, "Mạnh": 5, "Duy": 6, "Phương": 4, "Thu": 6, "Hải": 5,
    "Tuấn": 4, "Khắc": 5, "Viết": 4, "Sỹ": 4, "Sĩ": 3, "Như": 3, "Thế": 6, "Tấn": 5, "Trung": 5, "Huy": 4,
    "Gia": 4, "Bảo": 4, "Chí": 4, "Đăng": 4, "Hoàng": 5, "Nhật": 3, "Phú": 3, "Thái": 3, "Trường": 3,
    "Vĩnh": 3, "Diệu": 2, "Mỹ": 3, "Bích": 3, "Thúy": 3, "Cẩm": 2, "Hà": 2, "Hoa": 2, "Lan": 2, "Mai": 2,
    "Kiều": 2, "Ánh": 2, "Quỳnh": 2, "Thùy": 3, "Thủy": 2, "Thảo": 2, "Tường": 2, "Việt": 4, "Hùng": 2,
    "Long": 2, "Nam": 2, "Ngân": 1, "Nguyên": 2, "Phúc": 2, "Tâm": 2, "Tú": 2, "Vân": 2, "Yến": 1,
    "Đại": 2, "Đắc": 3, "Đông": 2, "Hưng": 2, "Khánh": 2, "Kỳ": 1, "Lê": 1, "Linh": 1, "Lệ": 2,
    "Mộng": 1, "Phước": 2, "Quý": 2, "Sơn": 1, "Tài": 1, "Tất": 2, "Thiện": 1, "Thuận": 1,
    "Tố": 1, "Trí": 1, "Trúc": 1, "Uyên": 1, "Vinh": 1, "Ích": 1, "Doãn": 1, "Cảnh": 2,
    "Phi": 1, "Lương": 1, "Hiếu": 1, "Hồ": 1, "Trần": 1, "Nguyễn": 1, "Phạm": 1,
}  # fmt: skip

GIVEN: dict[str, float] = {
    # very common
    "Anh": 60, "Hùng": 40, "Dũng": 40, "Hà": 35, "Hương": 35, "Linh": 35, "Hải": 35, "Hoa": 30,
    "Lan": 30, "Nam": 30, "Tuấn": 35, "Hằng": 30, "Hiền": 25, "Hạnh": 25, "Hòa": 25, "Huy": 25,
    "Hưng": 25, "Long": 25, "Minh": 35, "Mai": 30, "Phương": 30, "Quang": 20, "Sơn": 30, "Thanh": 30,
    "Thảo": 25, "Thủy": 25, "Trang": 30, "Trung": 25, "Tú": 15, "Tùng": 20, "Cường": 30, "Đức": 25,
    "Thắng": 25, "Thành": 25, "Bình": 25, "Hoàng": 20, "Huyền": 20, "Hường": 12, "Nga": 20, "Ngọc": 20,
    "Nhung": 20, "Phong": 15, "Quân": 15, "Thu": 20, "Thúy": 15, "Tâm": 20, "Vân": 20, "Việt": 15, "Yến": 15,
    # common
    "An": 12, "Ánh": 8, "Bảo": 8, "Bắc": 5, "Bích": 8, "Biên": 4, "Cầm": 3, "Chi": 10, "Chiến": 10, "Chinh": 8,
    "Chính": 8, "Châu": 8, "Công": 8, "Cúc": 5, "Cương": 2, "Danh": 6, "Diệp": 4, "Diệu": 4, "Doanh": 4,
    "Dung": 15, "Duy": 10, "Duyên": 8, "Dương": 8, "Đại": 5, "Đan": 3, "Đạo": 4, "Đạt": 12, "Điệp": 5,
    "Định": 8, "Đông": 8, "Đồng": 3, "Giang": 15, "Hạ": 3, "Hân": 5, "Hảo": 5, "Hào": 6, "Hậu": 8, "Hiến": 5,
    "Hiển": 5, "Hiệp": 10, "Hiếu": 15, "Hinh": 2, "Hoài": 8, "Hoan": 6, "Hoán": 2, "Hoạt": 3, "Học": 3,
    "Hội": 3, "Hồng": 15, "Huân": 6, "Huệ": 10, "Hữu": 4, "Hướng": 3, "Hợp": 5, "Kha": 3, "Khải": 5,
    "Khang": 6, "Khanh": 10, "Khánh": 12, "Khiêm": 4, "Khoa": 10, "Khôi": 6, "Khuê": 3, "Kiên": 8,
    "Kiệt": 5, "Kim": 8, "Kỳ": 3, "Lai": 3, "Lâm": 10, "Lập": 4, "Lệ": 6, "Liên": 10, "Liễu": 4, "Lịch": 3,
    "Liêm": 4, "Lĩnh": 4, "Loan": 10, "Lộc": 10, "Lợi": 8, "Luân": 5, "Luyến": 4, "Lực": 6, "Lương": 6,
    "Lượng": 5, "Ly": 6, "Lý": 4, "Mạnh": 12, "Mẫn": 3, "Mến": 4, "Miên": 2, "Mơ": 3, "My": 8, "Mỹ": 8,
    "Nghĩa": 12, "Nghị": 4, "Ngân": 10, "Ngọ": 2, "Nguyên": 10, "Nguyệt": 6, "Nhàn": 6, "Nhân": 10, "Nhất": 3,
    "Nhật": 6, "Nhi": 6, "Như": 6, "Ninh": 6, "Oanh": 8, "Phát": 8, "Phú": 8, "Phúc": 12, "Phụng": 4,
    "Phước": 8, "Phượng": 8, "Quảng": 3, "Quế": 4, "Quốc": 6, "Quý": 8, "Quyên": 6, "Quyết": 8, "Quỳnh": 10,
    "Sang": 6, "Sáng": 4, "Sinh": 5, "Song": 3, "Sỹ": 3, "Tài": 10, "Tân": 10, "Tấn": 5, "Thái": 10,
    "Thạch": 4, "Thăng": 4, "Thắm": 5, "Thân": 3, "Thập": 2, "Thiện": 8, "Thịnh": 10, "Thoa": 6,
    "Thọ": 8, "Thông": 8, "Thơ": 5, "Thời": 3, "Thuận": 10, "Thư": 8, "Thương": 8, "Thường": 5, "Thùy": 5,
    "Thức": 4, "Tiến": 15, "Tiệp": 3, "Tín": 6, "Tình": 5, "Tính": 4, "Toàn": 12, "Toản": 4, "Tới": 3,
    "Trà": 4, "Trâm": 5, "Trân": 4, "Trí": 10, "Triều": 4, "Trinh": 8, "Trọng": 8, "Trúc": 5, "Trường": 10,
    "Tuân": 5, "Tuệ": 4, "Tuyên": 5, "Tuyền": 4, "Tuyết": 8, "Tư": 4, "Tứ": 4, "Tường": 8, "Uyên": 5,
    "Vinh": 12, "Vĩnh": 5, "Vịnh": 3, "Vũ": 10, "Vượng": 5, "Vy": 6, "Xuân": 12, "Xuyến": 3, "Ý": 3,
    # less common, but seen on signatures
    "Ái": 2, "Ân": 3, "Bằng": 4, "Bé": 2, "Bổn": 1, "Cảnh": 5, "Cẩn": 2, "Chánh": 3, "Chất": 2, "Chung": 6,
    "Chương": 5, "Cơ": 2, "Củng": 1, "Cử": 2, "Cừ": 1, "Dân": 4, "Dậu": 2, "Diễm": 3, "Diễn": 3, "Du": 3,
    "Dự": 2, "Đa": 1, "Đài": 2, "Đảm": 2, "Đàn": 1, "Đãng": 1, "Đăng": 5, "Đẳng": 2, "Đệ": 1, "Điền": 3,
    "Điểm": 2, "Đoan": 3, "Đoàn": 3, "Độ": 2, "Độn": 1, "Đua": 1, "Được": 3, "Gấm": 2, "Giáp": 3, "Hài": 2,
    "Hàm": 2, "Hán": 2, "Hạp": 1, "Hiên": 2, "Hiệu": 3, "Hòe": 2, "Hồ": 2, "Hợi": 2,
    "Huấn": 5, "Huyên": 2, "Hỷ": 1, "Kế": 2, "Khai": 2, "Khâm": 2, "Khẩn": 1, "Khiết": 2,
    "Khoái": 2, "Khởi": 2, "Khuyến": 2, "Kiểm": 1, "Kiều": 4, "Kính": 3, "Lạc": 2, "Lãm": 2, "Lăng": 2,
    "Lành": 2, "Lãnh": 2, "Lê": 2, "Lễ": 3, "Liệu": 2, "Loát": 1, "Lụa": 2, "Luận": 3, "Lũy": 2,
    "Mãi": 2, "Mão": 2, "Mẫu": 1, "Mười": 2, "Năm": 3, "Nội": 1, "Nữ": 1, "Nương": 2, "Nhã": 3, "Nhạn": 2,
    "Nhẫn": 2, "Nhiên": 2, "Nhị": 2, "Nho": 2, "Nhu": 2, "Nhuận": 2, "Pháp": 2, "Phi": 4, "Phổ": 1, "Phố": 1,
    "Phùng": 2, "Quán": 2, "Quí": 3, "Quyền": 5, "Sa": 2, "Sâm": 2, "Sáu": 2, "Sen": 3,
    "Siêm": 1, "Soạn": 1, "Sửu": 2, "Tám": 2, "Tạo": 2, "Tặng": 1, "Thạnh": 3, "Thảnh": 1,
    "Thao": 3, "Thẩm": 2, "Thể": 2, "Thế": 4, "Thiên": 4, "Thiết": 2, "Thiệu": 2, "Thìn": 2, "Thoại": 3,
    "Thống": 2, "Thuần": 3, "Thục": 3, "Thưởng": 2, "Thụy": 2, "Tích": 2, "Tiên": 5, "Tiền": 2,
    "Tiêu": 1, "Tĩnh": 3, "Tòng": 1, "Tỏa": 1, "Tộ": 1, "Tôn": 2, "Tống": 1, "Tốt": 2, "Trạch": 2, "Trãi": 1,
    "Tráng": 2, "Trì": 1, "Triển": 2, "Trình": 3, "Trịnh": 1, "Trực": 3, "Truyền": 3, "Tuyển": 3, "Tỵ": 1,
    "Ước": 1, "Ưng": 1, "Vạn": 2, "Văn": 4, "Vấn": 1, "Vận": 3, "Vệ": 2, "Vi": 3, "Viên": 2, "Viện": 1,
    "Viễn": 2, "Vĩ": 3, "Võ": 1, "Vọng": 2, "Vui": 2, "Xiêm": 1, "Xô": 1, "Yên": 3,
}  # fmt: skip

PERSON_TRIGGERS: tuple[tuple[str, ...], ...] = (
    ("đồng", "chí"),
    ("ông",),
    ("bà",),
    ("đ/c",),
    ("đc",),
)
"""Words after which a capitalised word begins a person's name (lower case, normal spelling)."""
