#!/usr/bin/env python3
"""Independent test-data generator for TongKet: Vietnamese offices' indicator spreadsheets.

Written from the shared offices' files, DESIGN.md sections 2-3 and the issue text only, without reading the
reader's code, so that it tests the reader honestly.

    python3 offices.py combos --seed S --count N --out DIR   # N random offices, each through 3-7 traits
    python3 offices.py combos --case-seed X --out DIR        # one case again, from the seed in its truth.json
    python3 offices.py agency --out DIR                      # a fourth agency (Công an tỉnh Hà Tĩnh), hand-made

Every case directory holds the office's files (.csv/.txt/.xlsx) and truth.json:
  {"seed", "traits", "files", "rows": [{file, sheet, year, period, unit, unit_key, indicator, indicator_key,
   target, actual, [previous], [targets]}], "province": [{year, period, indicator, indicator_key, target, actual}],
   "subtotals": [...]}
Truth strings are NFC; "unit"/"indicator" are spelled as written in that file (case, spaces, dashes kept),
"unit_key"/"indicator_key" are the one canonical name. Rates are in percent units.

Only the standard library and openpyxl; randomness only from random.Random(seed).
"""

import argparse
import datetime
import io
import json
import os
import random
import re
import unicodedata
import zipfile

import openpyxl
from openpyxl.styles import Alignment, Border, Font, Side

# ----------------------------------------------------------------------------------------------------------
# Places and people
# ----------------------------------------------------------------------------------------------------------

# (province, [(district type, district name)]) - types: tp = thành phố, tx = thị xã, h = huyện
PROVINCES = [
    ("Sóc Trăng", [("tp", "Sóc Trăng"), ("tx", "Vĩnh Châu"), ("tx", "Ngã Năm"), ("h", "Kế Sách"), ("h", "Mỹ Tú"),
                   ("h", "Cù Lao Dung"), ("h", "Long Phú"), ("h", "Mỹ Xuyên"), ("h", "Thạnh Trị"),
                   ("h", "Châu Thành"), ("h", "Trần Đề")]),
    ("Bến Tre", [("tp", "Bến Tre"), ("h", "Châu Thành"), ("h", "Chợ Lách"), ("h", "Mỏ Cày Nam"),
                 ("h", "Mỏ Cày Bắc"), ("h", "Giồng Trôm"), ("h", "Bình Đại"), ("h", "Ba Tri"), ("h", "Thạnh Phú")]),
    ("Vĩnh Long", [("tp", "Vĩnh Long"), ("tx", "Bình Minh"), ("h", "Long Hồ"), ("h", "Mang Thít"),
                   ("h", "Vũng Liêm"), ("h", "Tam Bình"), ("h", "Trà Ôn"), ("h", "Bình Tân")]),
    ("Quảng Ngãi", [("tp", "Quảng Ngãi"), ("tx", "Đức Phổ"), ("h", "Bình Sơn"), ("h", "Sơn Tịnh"),
                    ("h", "Tư Nghĩa"), ("h", "Nghĩa Hành"), ("h", "Mộ Đức"), ("h", "Minh Long"), ("h", "Ba Tơ"),
                    ("h", "Sơn Hà"), ("h", "Trà Bồng"), ("h", "Lý Sơn")]),
    ("Thái Bình", [("tp", "Thái Bình"), ("h", "Quỳnh Phụ"), ("h", "Hưng Hà"), ("h", "Đông Hưng"),
                   ("h", "Thái Thụy"), ("h", "Tiền Hải"), ("h", "Kiến Xương"), ("h", "Vũ Thư")]),
    ("Hà Tĩnh", [("tp", "Hà Tĩnh"), ("tx", "Hồng Lĩnh"), ("tx", "Kỳ Anh"), ("h", "Đức Thọ"), ("h", "Hương Sơn"),
                 ("h", "Nghi Xuân"), ("h", "Can Lộc"), ("h", "Hương Khê"), ("h", "Thạch Hà"), ("h", "Cẩm Xuyên"),
                 ("h", "Lộc Hà"), ("h", "Vũ Quang")]),
    ("Lâm Đồng", [("tp", "Đà Lạt"), ("tp", "Bảo Lộc"), ("h", "Đức Trọng"), ("h", "Lâm Hà"), ("h", "Di Linh"),
                  ("h", "Bảo Lâm"), ("h", "Đơn Dương"), ("h", "Lạc Dương"), ("h", "Đam Rông"), ("h", "Cát Tiên")]),
    ("Đắk Lắk", [("tp", "Buôn Ma Thuột"), ("tx", "Buôn Hồ"), ("h", "Ea H'leo"), ("h", "Ea Súp"),
                 ("h", "Krông Năng"), ("h", "Cư M'gar"), ("h", "Ea Kar"), ("h", "M'Đrắk"), ("h", "Krông Pắc"),
                 ("h", "Krông Bông"), ("h", "Krông Ana"), ("h", "Lắk")]),
    ("Cao Bằng", [("tp", "Cao Bằng"), ("h", "Bảo Lâm"), ("h", "Bảo Lạc"), ("h", "Hà Quảng"),
                  ("h", "Trùng Khánh"), ("h", "Hạ Lang"), ("h", "Quảng Hòa"), ("h", "Hòa An"), ("h", "Nguyên Bình"),
                  ("h", "Thạch An")]),
]
DIST_WORD = {"tp": "thành phố", "tx": "thị xã", "h": "huyện"}
DIST_ABBR = {"tp": ["TP", "TP.", "Tp."], "tx": ["TX", "TX.", "Tx."], "h": ["H.", "Huyện"]}

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
          "Dương", "Lý", "Trương", "Đinh"]
MIDDLE = ["Văn", "Thị", "Hữu", "Minh", "Thanh", "Ngọc", "Quốc", "Đức", "Thị Thu", "Thị Kim", "Văn Thành",
          "Hoàng", "Xuân"]
GIVEN = ["Hùng", "Hà", "Lan", "Dũng", "Tuấn", "Hương", "Phúc", "Tâm", "Sơn", "Nam", "Hải", "Yến", "Trinh",
         "Khoa", "Bình", "Thảo", "Long", "Quang", "Nhung", "Cường", "Thủy", "Đạt"]


def person(rng):
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


# ----------------------------------------------------------------------------------------------------------
# Agencies: their units and indicators
# ----------------------------------------------------------------------------------------------------------
# Indicator: (name, measure, kind, direction, target style, parameter, pair role)
#   kind: count | money | rate | avg;   target style: none | unit | thr (>= shared) | ceil (<= shared) | zero
#   parameter: (lo, hi) typical district magnitude for count/money/unit-avg; the shared threshold for thr/ceil
#   pair role: "A"/"B" for the two rows of a paired count ("74 vụ/157 bị can"), else None

AGENCIES = {
    "procuracy": dict(
        parent="VIỆN KIỂM SÁT NHÂN DÂN TỈNH {P}", office="VĂN PHÒNG TỔNG HỢP", short="VKSND tỉnh {p}",
        head=("KT. VIỆN TRƯỞNG", "PHÓ VIỆN TRƯỞNG"), rank="", district="VKSND {d}", year_start=(12, 1),
        depts=["Phòng 1", "Phòng 2", "Phòng 7", "Phòng 8", "Phòng 9", "Văn phòng tổng hợp", "Thanh tra - Khiếu tố"],
        sec=("CÁC PHÒNG NGHIỆP VỤ VIỆN TỈNH", "VIỆN KIỂM SÁT NHÂN DÂN CẤP HUYỆN"), title="CÁC CHỈ TIÊU NGHIỆP VỤ",
        inds=[
            ("Số tố giác, tin báo về tội phạm thụ lý", "tin", "count", "none", "none", (60, 250), None),
            ("Tỷ lệ giải quyết tố giác, tin báo về tội phạm", "%", "rate", "higher", "thr", 90, None),
            ("Số ngày giải quyết trung bình một tố giác, tin báo", "ngày", "avg", "lower", "ceil", 20, None),
            ("Số vụ án hình sự thụ lý kiểm sát điều tra", "vụ", "count", "none", "none", (30, 120), "A"),
            ("Số bị can thụ lý kiểm sát điều tra", "bị can", "count", "none", "none", (60, 220), "B"),
            ("Tỷ lệ truy tố đúng thời hạn", "%", "rate", "higher", "thr", 100, None),
            ("Tỷ lệ án trả hồ sơ để điều tra bổ sung", "%", "rate", "lower", "ceil", 5, None),
            ("Số án bị Tòa án tuyên không phạm tội", "vụ", "count", "lower", "zero", (0, 0), None),
            ("Số vụ án bị hủy, sửa do lỗi chủ quan của Kiểm sát viên", "vụ", "count", "lower", "zero", (0, 0), None),
            ("Số kháng nghị phúc thẩm", "kháng nghị", "count", "higher", "unit", (2, 6), None),
            ("Tỷ lệ kháng nghị phúc thẩm được Tòa án chấp nhận", "%", "rate", "higher", "thr", 70, None),
            ("Số cuộc kiểm sát trực tiếp", "cuộc", "count", "higher", "unit", (8, 16), None),
            ("Số kiến nghị yêu cầu khắc phục vi phạm", "kiến nghị", "count", "higher", "unit", (4, 10), None),
        ]),
    "police": dict(
        parent="BỘ CÔNG AN", office="CÔNG AN TỈNH {P}", short="Công an tỉnh {p}",
        head=("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), rank="Đại tá ", district="Công an {d}", year_start=(12, 15),
        depts=["Phòng Cảnh sát hình sự", "Phòng Cảnh sát điều tra tội phạm về ma túy", "Phòng Cảnh sát kinh tế",
               "Phòng Cảnh sát giao thông", "Phòng Cảnh sát PCCC và CNCH", "Phòng An ninh điều tra"],
        sec=("CÁC PHÒNG NGHIỆP VỤ", "CÔNG AN CÁC HUYỆN, THỊ XÃ, THÀNH PHỐ"), title="CÁC CHỈ TIÊU CÔNG TÁC",
        inds=[
            ("Số vụ phạm pháp hình sự xảy ra", "vụ", "count", "lower", "none", (20, 90), None),
            ("Tỷ lệ điều tra khám phá án phạm pháp hình sự", "%", "rate", "higher", "thr", 75, None),
            ("Tỷ lệ điều tra khám phá án rất nghiêm trọng, đặc biệt nghiêm trọng", "%", "rate", "higher", "thr", 90,
             None),
            ("Số vụ phạm tội về ma túy phát hiện, bắt giữ", "vụ", "count", "higher", "unit", (8, 40), "A"),
            ("Số đối tượng phạm tội về ma túy bị bắt giữ", "đối tượng", "count", "higher", "unit", (12, 70), "B"),
            ("Số đối tượng truy nã bị bắt, vận động đầu thú", "đối tượng", "count", "higher", "unit", (3, 15), None),
            ("Tỷ lệ giải quyết tố giác, tin báo về tội phạm", "%", "rate", "higher", "thr", 90, None),
            ("Số vụ tai nạn giao thông", "vụ", "count", "lower", "none", (10, 60), None),
            ("Số người chết do tai nạn giao thông", "người", "count", "lower", "none", (5, 30), None),
            ("Số tiền xử phạt vi phạm hành chính", "triệu đồng", "money", "higher", "unit", (800, 9000), None),
            ("Thời gian giải quyết hồ sơ cấp căn cước trung bình", "ngày", "avg", "lower", "ceil", 7, None),
            ("Số vụ cháy", "vụ", "count", "lower", "none", (1, 8), None),
        ]),
    "tax": dict(
        parent="CỤC THUẾ TỈNH {P}", office="PHÒNG NGHIỆP VỤ - DỰ TOÁN", short="Cục Thuế tỉnh {p}",
        head=("KT. CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG"), rank="", district="Chi cục Thuế {d}", year_start=(1, 1),
        depts=["Phòng Kiểm tra thuế số 1", "Phòng Kiểm tra thuế số 2", "Phòng Quản lý nợ và cưỡng chế nợ thuế",
               "Phòng Thanh tra - Kiểm tra thuế"],
        sec=("CÁC PHÒNG THUỘC CỤC", "CÁC CHI CỤC THUẾ"), title="NHIỆM VỤ THU NGÂN SÁCH VÀ CÁC CHỈ TIÊU QUẢN LÝ THUẾ",
        inds=[
            ("Tổng thu ngân sách nhà nước", "triệu đồng", "money", "higher", "unit", (80000, 900000), None),
            ("Thu nội địa (không kể tiền sử dụng đất)", "triệu đồng", "money", "higher", "unit", (50000, 600000),
             None),
            ("Tỷ lệ nợ thuế trên tổng thu ngân sách", "%", "rate", "lower", "ceil", 5, None),
            ("Số cuộc kiểm tra tại trụ sở người nộp thuế", "cuộc", "count", "higher", "unit", (20, 120), None),
            ("Số thuế truy thu, phạt qua kiểm tra", "triệu đồng", "money", "higher", "unit", (1000, 30000), None),
            ("Tỷ lệ hồ sơ khai thuế nộp đúng hạn", "%", "rate", "higher", "thr", 95, None),
            ("Tỷ lệ hồ sơ hoàn thuế giải quyết đúng hạn", "%", "rate", "higher", "thr", 100, None),
            ("Số ngày giải quyết hồ sơ hoàn thuế trung bình", "ngày", "avg", "lower", "ceil", 6, None),
            ("Số doanh nghiệp mới thành lập đi vào hoạt động", "doanh nghiệp", "count", "higher", "unit", (30, 200),
             None),
            ("Tỷ lệ doanh nghiệp khai thuế điện tử", "%", "rate", "higher", "thr", 98, None),
        ]),
    "court": dict(
        parent="TÒA ÁN NHÂN DÂN TỈNH {P}", office="VĂN PHÒNG", short="TAND tỉnh {p}",
        head=("KT. CHÁNH ÁN", "PHÓ CHÁNH ÁN"), rank="", district="TAND {d}", year_start=(10, 1),
        depts=["Tòa Hình sự", "Tòa Dân sự", "Tòa Hành chính", "Tòa Kinh tế", "Tòa Gia đình và người chưa thành niên"],
        sec=("CÁC TÒA CHUYÊN TRÁCH", "TÒA ÁN NHÂN DÂN CẤP HUYỆN"), title="CÁC CHỈ TIÊU CÔNG TÁC",
        inds=[
            ("Số vụ việc đã thụ lý", "vụ", "count", "none", "none", (150, 900), None),
            ("Số vụ việc đã giải quyết", "vụ", "count", "higher", "unit", (120, 800), None),
            ("Tỷ lệ giải quyết các loại vụ việc", "%", "rate", "higher", "thr", 90, None),
            ("Tỷ lệ hòa giải thành các vụ việc dân sự", "%", "rate", "higher", "thr", 55, None),
            ("Tỷ lệ bản án, quyết định bị hủy do nguyên nhân chủ quan", "%", "rate", "lower", "ceil", 1.5, None),
            ("Tỷ lệ bản án, quyết định bị sửa do nguyên nhân chủ quan", "%", "rate", "lower", "ceil", 3, None),
            ("Số vụ án quá hạn luật định", "vụ", "count", "lower", "zero", (0, 0), None),
            ("Số vụ án hình sự đã xét xử", "vụ", "count", "none", "none", (20, 100), "A"),
            ("Số bị cáo đã xét xử", "bị cáo", "count", "none", "none", (30, 180), "B"),
            ("Số ngày trung bình giải quyết một vụ án", "ngày", "avg", "lower", "ceil", 60, None),
        ]),
    "education": dict(
        parent="UBND TỈNH {P}", office="SỞ GIÁO DỤC VÀ ĐÀO TẠO", short="Sở GD&ĐT tỉnh {p}",
        head=("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), rank="", district="Phòng GD&ĐT {d}", year_start=(9, 1),
        depts=["Phòng Giáo dục Trung học", "Phòng Giáo dục Mầm non - Tiểu học",
               "Phòng Khảo thí và Quản lý chất lượng giáo dục", "Phòng Tổ chức cán bộ", "Phòng Kế hoạch - Tài chính"],
        sec=("CÁC PHÒNG THUỘC SỞ", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO CÁC HUYỆN, THÀNH PHỐ"), title="CHỈ TIÊU NGÀNH GIÁO DỤC",
        inds=[
            ("Tỷ lệ huy động trẻ 5 tuổi ra lớp", "%", "rate", "higher", "thr", 99.8, None),
            ("Tỷ lệ học sinh bỏ học", "%", "rate", "lower", "ceil", 0.8, None),
            ("Tổng số trường", "trường", "count", "none", "none", (35, 90), None),
            ("Số trường đạt chuẩn quốc gia", "trường", "count", "higher", "unit", (20, 60), None),
            ("Tỷ lệ trường đạt chuẩn quốc gia", "%", "rate", "higher", "unit", (55, 85), None),
            ("Số phòng học kiên cố", "phòng", "count", "higher", "unit", (300, 700), None),
            ("Tỷ lệ giáo viên đạt chuẩn trình độ đào tạo", "%", "rate", "higher", "thr", 95, None),
            ("Số học sinh/lớp bình quân", "học sinh/lớp", "avg", "lower", "ceil", 35, None),
            ("Số vụ bạo lực học đường", "vụ", "count", "lower", "zero", (0, 0), None),
            ("Tỷ lệ học sinh hoàn thành chương trình tiểu học", "%", "rate", "higher", "thr", 99, None),
        ]),
    "health": dict(
        parent="UBND TỈNH {P}", office="SỞ Y TẾ", short="Sở Y tế tỉnh {p}",
        head=("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), rank="", district="Trung tâm Y tế {d}", year_start=(1, 1),
        depts=["Bệnh viện Đa khoa tỉnh", "Trung tâm Kiểm soát bệnh tật", "Bệnh viện Y dược cổ truyền",
               "Bệnh viện Lao và Bệnh phổi"],
        sec=("CÁC ĐƠN VỊ TUYẾN TỈNH", "CÁC TRUNG TÂM Y TẾ HUYỆN, THỊ XÃ, THÀNH PHỐ"), title="CHỈ TIÊU Y TẾ",
        inds=[
            ("Số lượt khám bệnh", "lượt", "count", "none", "none", (40000, 250000), None),
            ("Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ", "%", "rate", "higher", "thr", 95, None),
            ("Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân", "%", "rate", "lower", "ceil", 10, None),
            ("Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "rate", "higher", "thr", 92, None),
            ("Số ngày điều trị nội trú trung bình", "ngày", "avg", "lower", "ceil", 7, None),
            ("Số ca mắc sốt xuất huyết", "ca", "count", "lower", "none", (10, 300), None),
            ("Tỷ lệ xã đạt Bộ tiêu chí quốc gia về y tế xã", "%", "rate", "higher", "thr", 90, None),
            ("Số lượt điều trị nội trú", "lượt", "count", "none", "none", (3000, 20000), None),
            ("Tỷ lệ hài lòng của người bệnh", "%", "rate", "higher", "thr", 90, None),
            ("Số ca tử vong mẹ", "ca", "count", "lower", "zero", (0, 0), None),
        ]),
    "agriculture": dict(
        parent="UBND TỈNH {P}", office="SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", short="Sở NN&PTNT tỉnh {p}",
        head=("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), rank="", district="Phòng Nông nghiệp và PTNT {d}", year_start=(1, 1),
        depts=["Chi cục Trồng trọt và Bảo vệ thực vật", "Chi cục Thủy lợi", "Chi cục Kiểm lâm",
               "Chi cục Chăn nuôi và Thú y"],
        sec=("CÁC CHI CỤC THUỘC SỞ", "CÁC HUYỆN, THỊ XÃ, THÀNH PHỐ"), title="CHỈ TIÊU PHÁT TRIỂN NÔNG NGHIỆP",
        inds=[
            ("Diện tích gieo trồng lúa", "ha", "count", "none", "unit", (5000, 60000), None),
            ("Năng suất lúa bình quân", "tạ/ha", "avg", "higher", "unit", (52, 66), None),
            ("Sản lượng lương thực", "tấn", "count", "higher", "unit", (30000, 350000), None),
            ("Số xã đạt chuẩn nông thôn mới", "xã", "count", "higher", "unit", (5, 20), None),
            ("Tỷ lệ hộ dân nông thôn sử dụng nước sạch", "%", "rate", "higher", "thr", 65, None),
            ("Số vụ cháy rừng", "vụ", "count", "lower", "zero", (0, 0), None),
            ("Giá trị sản xuất trên 1 ha đất trồng trọt", "triệu đồng", "avg", "higher", "unit", (110, 240), None),
            ("Số con gia súc được tiêm phòng", "con", "count", "higher", "unit", (10000, 80000), None),
            ("Tỷ lệ che phủ rừng", "%", "rate", "higher", "unit", (20, 55), None),
        ]),
    "labour": dict(
        parent="UBND TỈNH {P}", office="SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", short="Sở LĐ-TB&XH tỉnh {p}",
        head=("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), rank="", district="Phòng LĐ-TB&XH {d}", year_start=(1, 1),
        depts=["Phòng Việc làm - An toàn lao động", "Phòng Bảo trợ xã hội", "Trung tâm Dịch vụ việc làm",
               "Phòng Giáo dục nghề nghiệp"],
        sec=("CÁC PHÒNG, ĐƠN VỊ THUỘC SỞ", "PHÒNG LĐ-TB&XH CÁC HUYỆN, THỊ XÃ, THÀNH PHỐ"),
        title="CHỈ TIÊU LAO ĐỘNG, NGƯỜI CÓ CÔNG VÀ XÃ HỘI",
        inds=[
            ("Số lao động được giải quyết việc làm", "người", "count", "higher", "unit", (800, 4000), None),
            ("Tỷ lệ lao động qua đào tạo", "%", "rate", "higher", "thr", 70, None),
            ("Tỷ lệ hộ nghèo", "%", "rate", "lower", "ceil", 3, None),
            ("Số người đi làm việc ở nước ngoài theo hợp đồng", "người", "count", "higher", "unit", (30, 300), None),
            ("Số người được hỗ trợ đào tạo nghề", "người", "count", "higher", "unit", (300, 1500), None),
            ("Số vụ tai nạn lao động", "vụ", "count", "lower", "none", (0, 6), None),
            ("Tỷ lệ đối tượng bảo trợ xã hội được trợ cấp kịp thời", "%", "rate", "higher", "thr", 100, None),
            ("Số hộ thoát nghèo trong năm", "hộ", "count", "higher", "unit", (100, 600), None),
            ("Số ngày giải quyết hồ sơ trợ cấp thất nghiệp trung bình", "ngày", "avg", "lower", "ceil", 20, None),
        ]),
    "enforcement": dict(
        parent="TỔNG CỤC THI HÀNH ÁN DÂN SỰ", office="CỤC THI HÀNH ÁN DÂN SỰ TỈNH {P}", short="Cục THADS tỉnh {p}",
        head=("KT. CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG"), rank="", district="Chi cục Thi hành án dân sự {d}",
        year_start=(10, 1),
        depts=["Phòng Nghiệp vụ và Tổ chức thi hành án", "Văn phòng Cục", "Phòng Kiểm tra, giải quyết khiếu nại"],
        sec=("CỤC THI HÀNH ÁN DÂN SỰ TỈNH", "CÁC CHI CỤC THI HÀNH ÁN DÂN SỰ"),
        title="CHỈ TIÊU, NHIỆM VỤ THI HÀNH ÁN DÂN SỰ",
        inds=[
            ("Số việc thụ lý", "việc", "count", "none", "none", (600, 3000), None),
            ("Số việc có điều kiện thi hành", "việc", "count", "none", "none", (400, 2200), None),
            ("Tỷ lệ giải quyết xong về việc có điều kiện", "%", "rate", "higher", "thr", 84, None),
            ("Số tiền thụ lý", "nghìn đồng", "money", "none", "none", (20000000, 400000000), None),
            ("Tỷ lệ giải quyết xong về tiền có điều kiện", "%", "rate", "higher", "thr", 48, None),
            ("Số việc chuyển kỳ sau", "việc", "count", "lower", "none", (100, 900), None),
            ("Số ngày trung bình ra quyết định thi hành án", "ngày", "avg", "lower", "ceil", 5, None),
            ("Số đơn khiếu nại, tố cáo đã giải quyết", "đơn", "count", "none", "none", (2, 30), None),
            ("Tỷ lệ giải quyết đơn khiếu nại, tố cáo", "%", "rate", "higher", "thr", 90, None),
        ]),
}
PAIR_KINDS = [k for k, a in AGENCIES.items() if any(i[6] for i in a["inds"])]
PERIOD_ORDER = ["q1", "h1", "q2", "q3", "9m", "q4", "year"]
ROMAN = ["I", "II", "III", "IV", "V"]


# ----------------------------------------------------------------------------------------------------------
# Figures in cells and how a file writes them
# ----------------------------------------------------------------------------------------------------------

class V:
    """A figure in a cell. How it is written (locale, xlsx number or text, percent) is the file's business."""
    __slots__ = ("x", "dec", "pct", "pre", "suf", "parts")

    def __init__(self, x, dec=0, pct=False, pre="", suf="", parts=None):
        self.x, self.dec, self.pct, self.pre, self.suf, self.parts = x, dec, pct, pre, suf, parts

    @property
    def text_only(self):
        return bool(self.pre or self.suf or self.parts)


class FileStyle:
    """How one file writes its figures and text."""

    def __init__(self, fmt):
        self.fmt = fmt              # xlsx | csv
        self.loc = "vi"             # vi: 1.054 / 85,5   en: 1,054 / 85.5
        self.group = True           # thousands separators in text numbers
        self.xl_text = False        # xlsx numbers stored as text (saved from .xls)
        self.xl_pct = False         # xlsx rates as fractions with a percent format
        self.pct_sign = False       # "85,5%" in text
        self.enc = "utf-8"
        self.delim = ";"
        self.eol = "\n"
        self.quote_all = False
        self.legacy = False         # no ≥ ≤ − (Windows-1258)
        self.nfd = False


def fmt_num(x, dec, loc, group=True, trim=False):
    s = f"{abs(x):,.{dec}f}" if group else f"{abs(x):.{dec}f}"
    if trim and "." in s:
        s = s.rstrip("0").rstrip(".")
    if loc == "vi":
        s = s.translate(str.maketrans(",.", ".,"))
    return ("-" if x < 0 else "") + s


def render_text(v, st):
    """The text a CSV (or an xlsx text cell) holds for a cell value."""
    if v is None:
        return ""
    if isinstance(v, V):
        if v.parts:
            s = "/".join(f"{fmt_num(n, 0, st.loc, st.group)} {w}" for n, w in v.parts)
        else:
            s = fmt_num(v.x, v.dec, st.loc, st.group, trim=bool(v.pre or v.suf))
            if v.pct and st.pct_sign and not v.suf:
                s += "%"
            s = v.pre + s + v.suf
    elif isinstance(v, float):
        s = fmt_num(v, 1, st.loc, st.group)
    else:
        s = str(v)
    if st.legacy:
        s = s.replace("≥", ">=").replace("≤", "<=").replace("−", "-")
    if st.nfd:
        s = unicodedata.normalize("NFD", s)
    return s


def xlsx_value(v, st):
    """(value, number format or None) for an xlsx cell."""
    if not isinstance(v, V):
        if isinstance(v, str) and st.nfd:
            return unicodedata.normalize("NFD", v), None
        return v, None
    if v.text_only or st.xl_text:
        return render_text(v, st), None
    zeros = "0" * v.dec
    if v.pct and st.xl_pct:
        return round(v.x / 100, v.dec + 2), ("0." + zeros + "%") if v.dec else "0%"
    if v.dec == 0:
        return int(v.x), ("#,##0" if abs(v.x) >= 1000 else None)
    return float(v.x), ("#,##0." if abs(v.x) >= 1000 else "0.") + zeros


TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(s):
    """Vietnamese text as Windows-1258 holds it: base letters precomposed, tone marks combining."""
    out = []
    for ch in s:
        try:
            ch.encode("cp1258")
            out.append(ch)
            continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in d if c not in TONES))
        out.append(base + "".join(c for c in d if c in TONES))
    return "".join(out)


def ascii_fold(s):
    s = s.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


def slug(s):
    out = "".join(c.lower() if c.isalnum() else "-" for c in ascii_fold(s))
    while "--" in out:
        out = out.replace("--", "-")
    return out.strip("-")


# ----------------------------------------------------------------------------------------------------------
# The office's truth: units, indicators, figures
# ----------------------------------------------------------------------------------------------------------

class Unit:
    __slots__ = ("key", "group", "code", "size", "dtype", "place")

    def __init__(self, key, group, code, size, dtype=None, place=None):
        self.key, self.group, self.code, self.size, self.dtype, self.place = key, group, code, size, dtype, place


class Ind:
    __slots__ = ("key", "measure", "kind", "direction", "tstyle", "param", "pair", "dec", "code")

    def __init__(self, spec, dec, code):
        (self.key, self.measure, self.kind, self.direction, self.tstyle, self.param, self.pair) = spec
        self.dec, self.code = dec, code

    @property
    def is_rate(self):
        return self.kind == "rate"


class Rec:
    """One figure: (year, period, unit, indicator) -> target(s), actual, previous, and how it is written."""
    __slots__ = ("year", "period", "unit", "ind", "target", "targets", "actual", "previous", "mark", "word", "tmark")

    def __init__(self, year, period, unit, ind, target, actual, targets=None, previous=None):
        self.year, self.period, self.unit, self.ind = year, period, unit, ind
        self.target, self.actual, self.targets, self.previous = target, actual, targets, previous
        self.mark = self.word = self.tmark = None


class Office:
    def __init__(self):
        self.kind = self.agency = self.province = None
        self.units, self.inds, self.years, self.times = [], [], [], []
        self.recs, self.prov, self.hist, self.reports = {}, {}, {}, {}
        self.rate_dec = 1


def rnd(x, dec):
    return int(round(x)) if dec == 0 else round(x, dec)


def make_office(rng, plan):
    """Draw one office's truth for the plan: agency, units, indicators, years, periods and figures."""
    o = Office()
    o.kind = rng.choice(plan.kinds or sorted(AGENCIES))
    o.agency = ag = AGENCIES[o.kind]
    o.province, dists = rng.choice(PROVINCES)
    n_units = rng.randint(plan.min_units, plan.max_units)
    need_dept = plan.sections or plan.uneven
    n_dept = rng.randint(1 if need_dept else 0, min(3, n_units - 2))
    n_dist = min(len(dists), n_units - n_dept)
    n_dept = min(len(ag["depts"]), n_units - n_dist)
    picked = sorted(rng.sample(range(len(dists)), n_dist))
    for i, name in enumerate(rng.sample(ag["depts"], n_dept)):
        o.units.append(Unit(name, "tinh", f"{o.kind[:2].upper()}{i + 1:02d}", rng.uniform(0.3, 0.9)))
    for j in picked:
        t, d = dists[j]
        pattern = ag["district"]
        if o.kind == "agriculture" and t == "tp":
            pattern = "Phòng Kinh tế {d}"
        key = pattern.format(d=f"{DIST_WORD[t]} {d}")
        size = rng.uniform(1.1, 1.8) if t == "tp" else rng.uniform(0.6, 1.3)
        o.units.append(Unit(key, "huyen", f"{o.kind[:2].upper()}{len(o.units) + 1:02d}", size, t, d))
    # indicators, in the agency's order; at least one rate, one count, one with a target
    cat = ag["inds"]
    n_ind = rng.randint(3, min(10, len(cat)))
    while True:
        idx = sorted(rng.sample(range(len(cat)), n_ind))
        if plan.paired:
            a = next(i for i, s in enumerate(cat) if s[6] == "A")
            idx = sorted(set(idx) | {a, a + 1})
        specs = [cat[i] for i in idx]
        if (any(s[2] == "rate" for s in specs) and any(s[2] in ("count", "money") for s in specs)
                and any(s[4] != "none" for s in specs)
                and any(s[2] in ("count", "money") and s[4] != "zero" for s in specs)):
            break
    o.rate_dec = 2 if (o.kind == "education" or rng.random() < 0.2) else 1
    for k, s in enumerate(specs):
        dec = o.rate_dec if s[2] == "rate" else (1 if s[2] == "avg" else 0)
        o.inds.append(Ind(s, dec, f"CT{idx[k] + 1:02d}"))
    if plan.large_numbers and not any(i.kind in ("count", "money") and i.tstyle != "zero" and i.param[1] >= 5000
                                      for i in o.inds):
        big = next(i for i in o.inds if i.kind in ("count", "money") and i.tstyle != "zero")
        big.param = (big.param[0] * 60 + 1000, big.param[1] * 90 + 2000)
    roles = [ind.pair for ind in o.inds]
    for i, ind in enumerate(o.inds):
        ind.pair = o.inds[i + 1] if roles[i] == "A" and i + 1 < len(o.inds) and roles[i + 1] == "B" else None
    # years and periods
    last = rng.choice([2023, 2024])
    n_years = plan.n_years or rng.choice([2, 3])
    o.years = list(range(last - n_years + 1, last + 1))
    periods = {y: ["year"] for y in o.years}
    if plan.period_rows:
        pats = [["h1", "year"]]
        if plan.quarters:
            pats = [["q1", "q2", "q3", "q4", "year"], ["h1", "9m", "year"], ["q3", "9m", "year"],
                    ["q1", "h1", "9m", "year"]]
        for y in o.years:
            periods[y] = list(rng.choice(pats))
        if rng.random() < 0.6:          # the year in progress: only its first periods
            cut = rng.randint(1, len(periods[last]) - 1)
            periods[last] = periods[last][:cut]
    elif plan.layout == "cungky":
        pool = ["year", "h1"] + (["9m", "q1", "q2", "q3", "q4"] if plan.quarters else [])
        p = rng.choice(pool) if not plan.quarters else rng.choice(pool[2:])
        periods = {y: [p] for y in o.years}
    o.times = [(y, p) for y in o.years for p in sorted(periods[y], key=PERIOD_ORDER.index)]
    # which unit reports which indicator
    for u in o.units:
        inds = list(o.inds)
        if plan.uneven and u.group == "tinh" and len(inds) > 2:
            inds = sorted(rng.sample(inds, rng.randint(2, len(inds) - 1)), key=o.inds.index)
        o.reports[u.key] = inds
    if plan.uneven and all(len(v) == len(o.inds) for v in o.reports.values()):
        u = next(u for u in o.units if u.group == "tinh")
        o.reports[u.key] = o.reports[u.key][:-1] if len(o.inds) > 2 else o.reports[u.key]
    # figures
    hist_years = [o.years[0] - 1] + o.years
    for u in o.units:
        for ind in o.reports[u.key]:
            gen_series(rng, o, u, ind, hist_years, plan)
    link_series(rng, o, hist_years)
    for (y, p) in o.times:
        for u in o.units:
            for ind in o.reports[u.key]:
                h = o.hist[(y, p, u.key, ind.key)]
                prev = o.hist.get((y - 1, p, u.key, ind.key))
                o.recs[(y, p, u.key, ind.key)] = Rec(y, p, u, ind, h[0], h[1], h[2],
                                                     prev[1] if prev else None)
    return o


def gen_series(rng, o, u, ind, years, plan):
    """Every period of every year for one unit and indicator, into o.hist: (target, actual, targets)."""
    k = ind.kind
    if k in ("count", "money"):
        lo, hi = ind.param
        base = rng.uniform(lo, hi) * u.size
        growth = rng.uniform(-0.06, 0.12)
    elif k == "rate":
        if ind.tstyle == "thr":
            t = ind.param
            spread = 3.0 if t == 100 else 0.4 if t >= 99 else min(4.5, (100 - t) + 0.5)
            level = min(100.0, t + rng.gauss(spread / 3, spread))
            sd = min(2.5, max(0.05, spread * 0.5))
        elif ind.tstyle == "ceil":
            level = ind.param * rng.uniform(0.3, 1.5)
            sd = ind.param * 0.15
        else:
            level = rng.uniform(*ind.param)
            sd = 2.0
    else:
        level = ind.param * rng.uniform(0.6, 1.12) if ind.tstyle == "ceil" else rng.uniform(*ind.param) * u.size ** 0.1
    for n, y in enumerate(years):
        if k in ("count", "money"):
            if ind.tstyle == "zero":
                total = rng.choice([0, 0, 0, 0, 0, 1, 1, 2])
            else:
                total = max(0, int(round(base * (1 + growth) ** n * rng.uniform(0.9, 1.1))))
            w = [rng.uniform(0.8, 1.2) for _ in range(4)]
            qs = [int(total * x / sum(w)) for x in w]
            qs[3] = total - sum(qs[:3])
            vals = {"q1": qs[0], "q2": qs[1], "q3": qs[2], "q4": qs[3], "h1": qs[0] + qs[1],
                    "9m": qs[0] + qs[1] + qs[2], "year": total}
        else:
            vals = {}
            for p in PERIOD_ORDER:
                x = level + rng.gauss(0, sd if k == "rate" else level * 0.06)
                if k == "rate":
                    x = min(100.0, max(0.0, x))
                    if ind.tstyle == "thr" and ind.param >= 99 and rng.random() < 0.3:
                        x = 100.0
                vals[p] = rnd(max(0.0, x), ind.dec)
        # the year's target (a part-year figure is judged against it)
        t = None
        if ind.tstyle == "unit":
            if k in ("count", "money"):
                t = max(1, int(round(vals["year"] * rng.uniform(0.9, 1.12))))
            elif k == "rate":
                t = rnd(min(100.0, level + rng.uniform(-2, 4)), 1)
            else:
                t = rnd(level * rng.uniform(0.97, 1.05), 1)
        elif ind.tstyle in ("thr", "ceil"):
            t = ind.param
        elif ind.tstyle == "zero":
            t = 0
        ts = None
        if plan.several_targets:
            ts = [t, second_target(ind, t)]
        for p, x in vals.items():
            o.hist[(y, p, u.key, ind.key)] = (t, x, ts)


# (counted thing, what follows from it, ratio range): the second is drawn from the first, unit by unit
LINKS = [("Số vụ án hình sự thụ lý kiểm sát điều tra", "Số bị can thụ lý kiểm sát điều tra", (1.4, 2.2)),
         ("Số vụ phạm tội về ma túy phát hiện, bắt giữ", "Số đối tượng phạm tội về ma túy bị bắt giữ", (1.3, 2.0)),
         ("Số vụ án hình sự đã xét xử", "Số bị cáo đã xét xử", (1.3, 2.0)),
         ("Số vụ tai nạn giao thông", "Số người chết do tai nạn giao thông", (0.4, 0.8)),
         ("Số việc thụ lý", "Số việc có điều kiện thi hành", (0.6, 0.8))]


def link_series(rng, o, years):
    """Make a dependent count follow the count it depends on (bị can from vụ, deaths from accidents)."""
    keys = {i.key: i for i in o.inds}
    for a, b, (lo, hi) in LINKS:
        if a not in keys or b not in keys:
            continue
        for u in o.units:
            if keys[a] not in o.reports[u.key] or keys[b] not in o.reports[u.key]:
                continue
            r = rng.uniform(lo, hi)
            for y in years:
                qs = [max(0, int(round(o.hist[(y, q, u.key, a)][1] * r * rng.uniform(0.9, 1.1))))
                      for q in ("q1", "q2", "q3", "q4")]
                vals = {"q1": qs[0], "q2": qs[1], "q3": qs[2], "q4": qs[3], "h1": qs[0] + qs[1],
                        "9m": sum(qs[:3]), "year": sum(qs)}
                ta = o.hist[(y, "year", u.key, a)][0]
                tb, _, ts = o.hist[(y, "year", u.key, b)]
                if tb is not None and ta is not None:
                    tb = max(1, int(round(ta * r)))
                    ts = [tb, second_target(keys[b], tb)] if ts else None
                for p_, x in vals.items():
                    o.hist[(y, p_, u.key, b)] = (tb, x, ts)


def second_target(ind, t):
    """The second target beside the first: "Phấn đấu" above a floor, below a ceiling."""
    if t is None:
        return None
    if ind.tstyle == "zero":
        return 0
    if ind.direction == "lower" or ind.tstyle == "ceil":
        return rnd(t * 0.8, 1) if isinstance(t, float) or t < 10 else int(t * 0.9)
    if ind.kind == "rate":
        return min(100, t + (3 if t <= 95 else 100 - t))
    if isinstance(t, float):
        return round(t * 1.05, 1)
    return int(round(t * 1.1)) + 1


def apply_marks(rng, o, plan):
    """How some figures are written: "-", words for nothing, unit words, blank targets, paired counts."""
    recs = list(o.recs.values())
    free = [r for r in recs if r.mark is None]
    if plan.dash:
        rates = [r for r in free if r.ind.is_rate]
        for r in rng.sample(rates, min(len(rates), rng.randint(1, 3))):
            r.actual, r.mark = None, "dash"
        dashed = [i for i in o.inds if i.tstyle == "none" and rng.random() < 0.6]
        for r in recs:
            if r.ind in dashed:
                r.tmark = "dash"
    if plan.nothing_words:
        counts = [r for r in recs if r.mark is None and r.ind.kind == "count" and r.ind.pair is None
                  and not any(i.pair is r.ind for i in o.inds)]
        for r in rng.sample(counts, min(len(counts), rng.randint(1, 3))):
            r.actual, r.mark, r.word = 0, "word", rng.choice(["Không phát sinh", "K/c", "x"])
        rates = [r for r in recs if r.mark is None and r.ind.is_rate]
        for r in rng.sample(rates, min(len(rates), rng.randint(0, 2))):
            r.actual, r.mark, r.word = None, "word", rng.choice(["Không phát sinh", "K/c", "x"])
    if plan.unit_words:
        cands = [i for i in o.inds if i.kind in ("avg", "count") and i.measure != "%" and i.pair is None
                 and not any(j.pair is i for j in o.inds)]
        ind = rng.choice([i for i in cands if i.kind == "avg"] or cands) if cands else None
        for r in recs:
            if r.ind is ind and r.mark is None and r.actual is not None and rng.random() < 0.7:
                r.mark = "unitword"
    if plan.blank_targets:
        with_t = [r for r in recs if r.ind.tstyle == "unit" and r.target is not None]
        for r in rng.sample(with_t, min(len(with_t), rng.randint(1, 3))):
            r.target, r.tmark = None, "blank"
            if r.targets:
                r.targets = [None, None]
    if plan.paired:
        firsts = [r for r in recs if r.ind.pair is not None and r.mark is None and r.actual]
        rng.shuffle(firsts)
        n = 0
        for r in firsts:
            b = o.recs.get((r.year, r.period, r.unit.key, r.ind.pair.key))
            if b is not None and b.mark is None and b.actual:
                r.mark = "pair"
                n += 1
                if n >= rng.randint(1, 3):
                    break
    # the office's own totals (published figures): sums, means, shared thresholds
    for (y, p) in o.times:
        for ind in o.inds:
            rs = [o.recs[(y, p, u.key, ind.key)] for u in o.units if (y, p, u.key, ind.key) in o.recs]
            o.prov[(y, p, ind.key)] = tot = aggregate(rs, ind, y, p)
            prev = [Rec(y, p, r.unit, ind, r.target, r.previous) for r in rs if r.previous is not None]
            tot.previous = aggregate(prev, ind, y, p).actual if prev else None


def aggregate(rs, ind, y, p):
    """A total over units as an office writes it: counts summed, rates and averages averaged."""
    vals = [r.actual for r in rs if r.actual is not None]
    if not vals:
        act = None
    elif ind.kind in ("count", "money"):
        act = sum(vals)
    else:
        act = rnd(sum(vals) / len(vals), ind.dec)
    if ind.tstyle in ("thr", "ceil", "zero"):
        tgt = rs[0].target if rs and rs[0].target is not None else (0 if ind.tstyle == "zero" else ind.param)
    elif ind.tstyle == "unit" and rs and all(r.target is not None for r in rs):
        tgt = sum(r.target for r in rs) if ind.kind in ("count", "money") else rnd(
            sum(r.target for r in rs) / len(rs), 1)
    else:
        tgt = None
    return Rec(y, p, None, ind, tgt, act)


# ----------------------------------------------------------------------------------------------------------
# The plan: what the drawn traits ask of the files
# ----------------------------------------------------------------------------------------------------------

class Plan:
    def __init__(self, rng, traits):
        self.rng, self.traits, self.used = rng, list(traits), set()
        self.layout = "long"
        self.kinds = None
        self.min_units, self.max_units, self.n_years = 3, 12, None
        self.fmt = None                     # xlsx | csv | mixed (decided in finish)
        self.file_split = self.sheet_split = None
        self.year_only = self.unit_only = None
        self.fname_year = False
        self.hdr_group = self.hdr_three = self.hdr_breaks = self.hdr_repeat = self.synonyms = False
        self.numbering = None
        self.col_stt = self.col_notes = self.col_codes = self.col_completion = False
        self.col_change = self.col_measure = self.several_targets = False
        self.title_block = self.quoc_hieu = self.period_line = self.date_line = False
        self.sections = None
        self.unit_sub = self.unit_once = self.subtotals = self.grand_total = self.total_top = False
        self.notes_under = self.signature = self.noi_nhan = self.trailing = self.offset = self.spacer = False
        self.locale_en = self.xl_text = self.xl_pct = self.pct_sign = self.target_words = False
        self.unit_words = self.dash = self.blank_targets = self.nothing_words = self.paired = False
        self.large_numbers = False
        self.period_rows = self.quarters = self.school_years = self.period_hdr_odd = False
        self.enc = self.delim = self.eol = None
        self.quote_stress = self.quote_all = self.hidden_draft = self.notes_sheet = self.nfd = False
        self.unit_variants = self.ind_variants = self.uneven = False
        for name in TRAIT_ORDER:
            if name in self.traits:
                TRAITS[name].fn(self)
        kinds = set(AGENCIES)
        for name in self.traits:
            if TRAITS[name].kinds:
                kinds &= set(TRAITS[name].kinds)
        self.kinds = sorted(kinds)
        self.finish()

    def use(self, name):
        self.used.add(name)

    def finish(self):
        """Everything the traits left open, drawn once for the whole office."""
        rng = self.rng
        xl = any(TRAITS[t].fmt == "xlsx" for t in self.traits)
        cs = any(TRAITS[t].fmt == "csv" for t in self.traits)
        if self.fmt != "mixed":
            self.fmt = "xlsx" if xl else "csv" if cs else rng.choice(["xlsx", "csv"])
        if self.file_split == "unit" and self.grand_total:
            self.max_units = 3
        if self.layout == "cungky" and not (self.file_split == "year" or (
                self.sheet_split == "year" and self.fmt == "xlsx")):
            self.n_years = 1
        self.order = "time-major"
        if self.layout in ("long", "igroups") and not (self.paired or self.unit_variants or self.ind_variants):
            self.order = rng.choice(["time-major", "time-inner"])
        self.wide_variant = "c" if (self.hdr_group or self.hdr_three) else rng.choice(["a", "b"])
        syn = self.synonyms
        pick = (lambda opts: rng.choice(opts)) if syn else (lambda opts: opts[0])
        self.hdr = {
            "stt": pick(["STT", "TT", "Số TT"]),
            "unit": pick(["Đơn vị", "Tên đơn vị", "Đơn vị thực hiện", "Đơn vị báo cáo"]),
            "ind": pick(["Chỉ tiêu", "Nội dung", "Tên chỉ tiêu", "Nội dung chỉ tiêu"]),
            "measure": pick(["ĐVT", "Đơn vị tính"]),
            "target": pick(["Kế hoạch", "KH", "Chỉ tiêu giao", "Chỉ tiêu được giao", "Chỉ tiêu giao (KH)", "KH năm"]),
            "actual": pick(["Thực hiện", "TH", "Kết quả", "Kết quả (TH)", "Kết quả thực hiện"]),
            "year": pick(["Năm", "Năm báo cáo"]),
            "period": pick(["Kỳ báo cáo", "Kỳ", "Thời gian"]),
            "school": "Năm học",
            "completion": pick(["Tỷ lệ %", "Tỷ lệ (%)", "% hoàn thành", "Tỷ lệ % so KH"]),
            "notes": "Ghi chú", "ucode": pick(["Mã đơn vị", "Mã ĐV"]), "icode": pick(["Mã chỉ tiêu", "Mã CT"]),
        }
        if self.period_hdr_odd:
            self.hdr["period"] = rng.choice(["Năm", ""])
        self.target_pair = rng.choice([("Chỉ tiêu pháp lệnh", "Chỉ tiêu phấn đấu"), ("KH", "Phấn đấu"),
                                       ("Dự toán pháp lệnh", "Dự toán HĐND giao"),
                                       ("Chỉ tiêu Ngành giao", "Chỉ tiêu Tỉnh giao")])
        self.year_cell = rng.choice(["int", "text"])
        self.period_words = rng.randrange(3)
        self.total_label = rng.choice(["Tổng cộng", "Toàn tỉnh", "Tổng cộng toàn tỉnh", "TỔNG CỘNG"])
        self.loc = "en" if self.locale_en else "vi"
        self.group = rng.random() < 0.8
        self.section_labels = rng.randrange(2)


class Trait:
    def __init__(self, name, fn, cat, fmt, layouts, requires, conflicts, kinds):
        self.name, self.fn, self.cat, self.fmt = name, fn, cat, fmt
        self.layouts, self.requires, self.conflicts, self.kinds = layouts, requires, conflicts, kinds


TRAITS, TRAIT_ORDER = {}, []
LAYOUTS = ["long-format", "wide-years", "units-as-columns", "unit-kh-th-pairs", "indicator-column-groups",
           "cung-ky-columns"]
ROWS_LAYOUTS = ("long-format", "wide-years", "cung-ky-columns")


def trait(name, cat=None, fmt=None, layouts=None, requires=(), conflicts=(), kinds=None):
    def deco(fn):
        TRAITS[name] = Trait(name, fn, cat, fmt, layouts, requires, conflicts, kinds)
        TRAIT_ORDER.append(name)
        return fn
    return deco


# --- layout ---------------------------------------------------------------------------------------------

@trait("long-format", cat="layout")
def t_long_format(p):
    """One row per (year or period, unit, indicator) with KH and TH columns: the canonical export, and the
    printed form's body ("STT | Đơn vị | Chỉ tiêu | Chỉ tiêu giao (KH) | Kết quả (TH) | Tỷ lệ % | Ghi chú")."""
    p.layout = "long"


@trait("wide-years", cat="layout")
def t_wide_years(p):
    """Years as columns, as KPI systems export: "Năm 2022 | Năm 2023 | Năm 2024 | KH 2024" or
    "Thực hiện 2023 | KH 2024 | TH 2024"; a year has a target only where the form has its KH column."""
    p.layout = "wide"


@trait("units-as-columns", cat="layout")
def t_units_as_columns(p):
    """Indicators as rows, one column per unit (TH only, no target), as a department's summary sheet."""
    p.layout = "ucols"


@trait("unit-kh-th-pairs", cat="layout")
def t_unit_kh_th_pairs(p):
    """Indicators as rows, each unit's name merged over its "KH | TH" pair: two header rows."""
    p.layout = "upairs"


@trait("indicator-column-groups", cat="layout")
def t_indicator_column_groups(p):
    """Units as rows; each indicator's name merged over its "KH | TH" sub-columns."""
    p.layout = "igroups"


@trait("cung-ky-columns", cat="layout")
def t_cung_ky_columns(p):
    """Sơ kết form: "KH năm | Cùng kỳ 2023 | Kỳ này": the period's figure beside the office's own cùng kỳ
    figure (the row's previous), the period named in the title or the heading."""
    p.layout = "cungky"


# --- how the office splits its figures into files and sheets -------------------------------------------

@trait("sheet-per-year", cat="sheets", fmt="xlsx", conflicts=("file-per-year",),
       layouts=["long-format", "units-as-columns", "unit-kh-th-pairs", "indicator-column-groups", "cung-ky-columns"])
def t_sheet_per_year(p):
    """One workbook, one sheet per year ("2023", "Năm 2024"...): the year is not in the rows."""
    p.sheet_split = "year"


@trait("file-per-year", cat="files",
       layouts=["long-format", "units-as-columns", "unit-kh-th-pairs", "indicator-column-groups", "cung-ky-columns"])
def t_file_per_year(p):
    """One file a year, as the procuracy keeps ("Bieu tong hop chi tieu 2023.xlsx")."""
    p.file_split = "year"


@trait("file-per-unit", cat="files", layouts=list(ROWS_LAYOUTS), conflicts=("section-roman-merged",
       "section-letter-cell", "section-plain-row", "subtotals"))
def t_file_per_unit(p):
    """Each unit sends its own file (the district offices' exports); a province file holds the total."""
    p.file_split = "unit"
    p.max_units = 4


@trait("mixed-formats", requires=(("file-per-year", "file-per-unit"),))
def t_mixed_formats(p):
    """Some of the office's files are .xlsx, others CSV: what a folder of received reports looks like."""
    p.fmt = "mixed"


# --- where the year and unit are, when not in the rows ---------------------------------------------------

@trait("year-only-in-sheet-name", cat="yearplace", fmt="xlsx", requires=(("sheet-per-year",),),
       conflicts=("period-line",))
def t_year_only_in_sheet_name(p):
    """The year is only in the sheet's name; title and headings say no year."""
    p.year_only = "sheet"


@trait("year-only-in-title", cat="yearplace", requires=(("sheet-per-year", "file-per-year"),))
def t_year_only_in_title(p):
    """The year is only in the title line ("... NĂM 2024"); sheets are "Sheet1", "Sheet2"; file names hold none."""
    p.year_only = "title"


@trait("year-only-in-file-name", cat="yearplace", requires=(("file-per-year",),), conflicts=("period-line",))
def t_year_only_in_file_name(p):
    """The year is only in the file's name."""
    p.year_only = "file"


@trait("unit-only-in-title", cat="unitplace", requires=(("file-per-unit",),))
def t_unit_only_in_title(p):
    """A unit's file names the unit only above the table: in the title, an "Đơn vị:" line or the agency line."""
    p.unit_only = "title"


@trait("unit-only-in-file-name", cat="unitplace", requires=(("file-per-unit",),))
def t_unit_only_in_file_name(p):
    """A unit's file names the unit only in its file name ("KQ chỉ tiêu - Công an huyện Kế Sách.xlsx")."""
    p.unit_only = "file"


@trait("file-name-year-contradicted", layouts=["long-format", "wide-years", "units-as-columns", "unit-kh-th-pairs",
                                               "indicator-column-groups"],
       conflicts=("file-per-year", "sheet-per-year", "file-per-unit"))
def t_file_name_year_contradicted(p):
    """The file's name holds a year ("so-ket-6-thang-2024.csv") but the rows hold other years too: the row's
    own year wins."""
    p.fname_year = True


# --- header ----------------------------------------------------------------------------------------------

@trait("header-group-heading", layouts=["long-format", "wide-years", "cung-ky-columns", "units-as-columns"])
def t_header_group_heading(p):
    """A group heading merged over sub-columns: "Kết quả thực hiện năm 2024" over "Chỉ tiêu giao (KH) | Kết quả
    (TH) | Tỷ lệ %", "Năm 2024" over "KH | TH"; two header rows."""
    p.hdr_group = True


@trait("header-three-rows", layouts=["wide-years", "unit-kh-th-pairs", "indicator-column-groups"])
def t_header_three_rows(p):
    """A third header row: a heading over the group headings over "KH | TH"."""
    p.hdr_three = True


@trait("header-line-breaks")
def t_header_line_breaks(p):
    """Line breaks inside header cells ("Chỉ tiêu giao\\n(KH)"), as wrapped text in Excel."""
    p.hdr_breaks = True


@trait("numbering-row")
def t_numbering_row(p):
    """A column-numbering row under the header: "(1) (2) (3) ... (6)=(5)/(4)" or "A B 1 2 3"."""
    p.numbering = p.rng.choice(["paren", "letters"])


@trait("header-repeated")
def t_header_repeated(p):
    """The header printed again mid-table (a page break), sometimes after a "Trang 2"/"(tiếp theo)" line."""
    p.hdr_repeat = True


@trait("header-synonyms")
def t_header_synonyms(p):
    """Other words for the roles: "Tên đơn vị", "Đơn vị thực hiện", "Nội dung", "Chỉ tiêu giao (KH)", "KH",
    "Kết quả (TH)", "TH", "Đơn vị tính", "TT"..."""
    p.synonyms = True


@trait("stt-column")
def t_stt_column(p):
    """An "STT" column numbering the units or rows."""
    p.col_stt = True


@trait("notes-column")
def t_notes_column(p):
    """A "Ghi chú" column ("Đạt", "Không đạt", "Số liệu tạm tính")."""
    p.col_notes = True


@trait("code-columns")
def t_code_columns(p):
    """KPI-system codes beside the names: "Mã đơn vị", "Mã chỉ tiêu"."""
    p.col_codes = True


@trait("completion-column", layouts=["long-format", "wide-years", "cung-ky-columns", "unit-kh-th-pairs",
                                     "indicator-column-groups"])
def t_completion_column(p):
    """The office's own completion "Tỷ lệ %" (TH/KH x 100) beside KH and TH."""
    p.col_completion = True


@trait("change-columns", layouts=["wide-years", "cung-ky-columns"])
def t_change_columns(p):
    """The office's own comparison: "Tăng (+), giảm (−)" and "So sánh (%)"."""
    p.col_change = True


@trait("measure-column", layouts=["long-format", "wide-years", "cung-ky-columns", "units-as-columns",
                                  "unit-kh-th-pairs"])
def t_measure_column(p):
    """A unit-of-measure column "ĐVT" / "Đơn vị tính" (vụ, %, ngày, triệu đồng)."""
    p.col_measure = True


@trait("several-targets", layouts=["long-format", "cung-ky-columns"])
def t_several_targets(p):
    """Two target columns ("Dự toán pháp lệnh | Dự toán HĐND giao", "KH | Phấn đấu"): the first is the headline."""
    p.several_targets = True


# --- rows around and inside the table --------------------------------------------------------------------

@trait("title-block")
def t_title_block(p):
    """The agency line under its parent agency ("VIỆN KIỂM SÁT NHÂN DÂN TỈNH SÓC TRĂNG / VĂN PHÒNG TỔNG HỢP"),
    the title and a "(Kèm theo Báo cáo số ...)" line above the table."""
    p.title_block = True


@trait("quoc-hieu", requires=(("title-block",),))
def t_quoc_hieu(p):
    """The Quốc hiệu beside the agency lines: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc"."""
    p.quoc_hieu = True


@trait("period-line", requires=(("sheet-per-year", "file-per-year", "cung-ky-columns"),))
def t_period_line(p):
    """A period line under the title: "(Từ ngày 01/12/2023 đến ngày 30/11/2024)" - the procuracy's year runs
    1 December - 30 November, the court's 1 October - 30 September, the police's 15 December - 14 December."""
    p.period_line = True


@trait("report-date-line")
def t_report_date_line(p):
    """"Sóc Trăng, ngày 08 tháng 01 năm 2025": the day the report was signed, which is not the data's year."""
    p.date_line = True


@trait("section-roman-merged", cat="sections")
def t_section_roman_merged(p):
    """Section rows: "I" in the STT cell, "CÁC PHÒNG NGHIỆP VỤ" merged across the following cells."""
    p.sections = "roman"


@trait("section-letter-cell", cat="sections")
def t_section_letter_cell(p):
    """Section rows written in one cell: "A. KHỐI CẤP TỈNH", "B. KHỐI CẤP HUYỆN"."""
    p.sections = "letter"


@trait("section-plain-row", cat="sections", conflicts=("unit-subheading",))
def t_section_plain_row(p):
    """A section heading that is only a bold name in the unit column ("Khối cấp huyện"), no numeral."""
    p.sections = "plain"


@trait("unit-subheading", cat="unitrows", layouts=list(ROWS_LAYOUTS))
def t_unit_subheading(p):
    """The unit's name alone in a row, its indicators below without a unit column."""
    p.unit_sub = True


@trait("unit-once", cat="unitrows", layouts=list(ROWS_LAYOUTS))
def t_unit_once(p):
    """The unit written once over its indicator rows: merged down in xlsx, blank below in CSV."""
    p.unit_once = True


@trait("subtotals", requires=(("section-roman-merged", "section-letter-cell", "section-plain-row"),))
def t_subtotals(p):
    """A subtotal after each section ("Cộng I", "Cộng cấp huyện"): neither a unit nor the province."""
    p.subtotals = True


@trait("grand-total")
def t_grand_total(p):
    """The office's total ("Tổng cộng", "Toàn tỉnh", "Tổng cộng toàn tỉnh"): the province's published figures."""
    p.grand_total = True


@trait("total-at-top", requires=(("grand-total",),))
def t_total_at_top(p):
    """The total written first, above the units."""
    p.total_top = True


@trait("notes-under-table")
def t_notes_under_table(p):
    """Notes under the table: "Ghi chú: ...", "(*) ..."."""
    p.notes_under = True


@trait("signature-block")
def t_signature_block(p):
    """Signatures: "NGƯỜI LẬP BIỂU" and "KT. VIỆN TRƯỞNG / PHÓ VIỆN TRƯỞNG", then the names."""
    p.signature = True


@trait("noi-nhan-block")
def t_noi_nhan_block(p):
    """The "Nơi nhận:" list ("- Như trên;", "- Lưu: VT, VP.")."""
    p.noi_nhan = True


@trait("trailing-empty")
def t_trailing_empty(p):
    """Empty rows and columns Excel leaves after the table."""
    p.trailing = True


@trait("table-offset")
def t_table_offset(p):
    """The table starts in column B (column A empty)."""
    p.offset = True


@trait("spacer-rows", layouts=list(ROWS_LAYOUTS))
def t_spacer_rows(p):
    """An empty row between two units' blocks."""
    p.spacer = True


# --- how figures are written -----------------------------------------------------------------------------

@trait("locale-en")
def t_locale_en(p):
    """English numbers "1,054" / "85.5" (consistently in the file) instead of Vietnamese "1.054" / "85,5"."""
    p.locale_en = True


@trait("xlsx-numbers-as-text", cat="xlnum", fmt="xlsx")
def t_xlsx_numbers_as_text(p):
    """A workbook saved from .xls: numbers stored as text ("92,5", "1.854")."""
    p.xl_text = True


@trait("xlsx-percent-fraction", cat="xlnum", fmt="xlsx")
def t_xlsx_percent_fraction(p):
    """Rates stored as fractions with a percent format (0.957 shown 95,7%): the rate is 95.7."""
    p.xl_pct = True


@trait("percent-sign", fmt="csv")
def t_percent_sign(p):
    """Rates written with a percent sign: "85,5%"."""
    p.pct_sign = True


@trait("target-words", layouts=[x for x in LAYOUTS if x != "units-as-columns"])
def t_target_words(p):
    """Targets in words and signs: "≥ 90%", "Không quá 5%", "≤ 20", "Không quá 20 ngày", "100%"."""
    p.target_words = True


@trait("unit-words")
def t_unit_words(p):
    """Values written with their unit word: "18,3 ngày", "45 vụ"."""
    p.unit_words = True


@trait("dash-for-missing")
def t_dash_for_missing(p):
    """"-" for a value that does not exist (a rate with nothing to rate, no target): null."""
    p.dash = True


@trait("blank-targets")
def t_blank_targets(p):
    """A target cell left blank: none assigned to that unit (null)."""
    p.blank_targets = True


@trait("nothing-words")
def t_nothing_words(p):
    """The words for nothing: "Không phát sinh", "K/c", "x" - 0 for a count, null for a rate."""
    p.nothing_words = True


@trait("paired-counts", layouts=["long-format", "wide-years", "cung-ky-columns", "units-as-columns",
                                 "unit-kh-th-pairs"], kinds=PAIR_KINDS)
def t_paired_counts(p):
    """Paired counts in one cell, "74 vụ/157 bị can", on the first of the form's two paired rows, the second
    row filled too."""
    p.paired = True


@trait("large-numbers")
def t_large_numbers(p):
    """Figures in the thousands and millions (lượt, tấn, triệu đồng) with thousands separators."""
    p.large_numbers = True


# --- periods ---------------------------------------------------------------------------------------------

@trait("period-rows", layouts=["long-format", "units-as-columns", "unit-kh-th-pairs", "indicator-column-groups"])
def t_period_rows(p):
    """A "Kỳ báo cáo" column and no year column: "6 tháng đầu năm 2024", "Năm 2023"."""
    p.period_rows = True


@trait("quarters-and-9-months", requires=(("period-rows", "cung-ky-columns"),))
def t_quarters_and_9_months(p):
    """Quarters and nine months: "Quý III/2024", "9 tháng năm 2024"."""
    p.quarters = True


@trait("school-years", layouts=["long-format", "wide-years", "units-as-columns", "unit-kh-th-pairs",
                                "indicator-column-groups"], conflicts=("period-rows", "quarters-and-9-months"),
       kinds=["education"])
def t_school_years(p):
    """School years: "Năm học 2021 – 2022" or "2021-2022"; the year is the end year."""
    p.school_years = True
    p.kinds = ["education"]


@trait("period-header-odd", requires=(("period-rows",),))
def t_period_header_odd(p):
    """The period column's header is misleading ("Năm" over "6 tháng đầu năm 2024") or absent."""
    p.period_hdr_odd = True


# --- files and encodings ---------------------------------------------------------------------------------

@trait("csv-utf8-bom", cat="enc", fmt="csv")
def t_csv_utf8_bom(p):
    """UTF-8 with a byte-order mark (Excel's "CSV UTF-8")."""
    p.enc = "utf-8-sig"


@trait("utf16-tab-txt", cat="enc", fmt="csv", conflicts=("delimiter-comma", "delimiter-pipe"))
def t_utf16_tab_txt(p):
    """Excel's "Unicode text": UTF-16 LE with BOM, tab-separated, CRLF, a .txt name."""
    p.enc, p.delim, p.eol = "utf-16-le", "\t", p.eol or "\r\n"


@trait("utf16-be", cat="enc", fmt="csv", conflicts=("delimiter-comma", "delimiter-pipe"))
def t_utf16_be(p):
    """UTF-16 BE with BOM, tab-separated."""
    p.enc, p.delim = "utf-16-be", "\t"


@trait("cp1258", cat="enc", fmt="csv", conflicts=("nfd-text",))
def t_cp1258(p):
    """Windows-1258 (Vietnamese ANSI): tone marks as combining characters, no "≥"."""
    p.enc = "cp1258"


@trait("delimiter-comma", cat="delim", fmt="csv")
def t_delimiter_comma(p):
    """Comma-separated; Vietnamese decimals then need quotes ("85,5")."""
    p.delim = ","


@trait("delimiter-tab", cat="delim", fmt="csv")
def t_delimiter_tab(p):
    """Tab-separated."""
    p.delim = "\t"


@trait("delimiter-pipe", cat="delim", fmt="csv")
def t_delimiter_pipe(p):
    """Pipe-separated ("|"), as some KPI systems export."""
    p.delim = "|"


@trait("crlf", cat="eol", fmt="csv")
def t_crlf(p):
    """Windows line ends (CRLF)."""
    p.eol = "\r\n"


@trait("cr-line-ends", cat="eol", fmt="csv")
def t_cr_line_ends(p):
    """Old Mac line ends (CR only)."""
    p.eol = "\r"


@trait("csv-quoted-fields", fmt="csv")
def t_csv_quoted_fields(p):
    """RFC 4180 quoting: fields holding the delimiter, quotes and line breaks."""
    p.quote_stress = True


@trait("csv-quote-all", fmt="csv")
def t_csv_quote_all(p):
    """Every field quoted, numbers too."""
    p.quote_all = True


@trait("hidden-draft-sheet", fmt="xlsx")
def t_hidden_draft_sheet(p):
    """A hidden sheet holding an older draft of the table (other figures): not part of the truth."""
    p.hidden_draft = True


@trait("notes-sheet", fmt="xlsx")
def t_notes_sheet(p):
    """A second visible sheet "Ghi chú" holding only notes."""
    p.notes_sheet = True


@trait("nfd-text", conflicts=("cp1258",))
def t_nfd_text(p):
    """Text in decomposed form (NFD), as a Mac writes it: "Phòng" with a combining grave."""
    p.nfd = True


# --- names -----------------------------------------------------------------------------------------------

@trait("unit-spelling-variants", requires=(("sheet-per-year", "file-per-year", "long-format",
                                            "indicator-column-groups"),), conflicts=("wide-years",))
def t_unit_spelling_variants(p):
    """A unit spelled two ways across years or files: case, double spaces, hyphen/en dash, "TP"/"thành phố"."""
    p.unit_variants = True


@trait("indicator-spelling-variants", requires=(("sheet-per-year", "file-per-year", "long-format",
                                                 "units-as-columns", "unit-kh-th-pairs"),),
       conflicts=("wide-years",))
def t_indicator_spelling_variants(p):
    """An indicator spelled two ways: "Tỉ lệ"/"Tỷ lệ", case, double spaces, hyphen/en dash."""
    p.ind_variants = True


@trait("uneven-indicators")
def t_uneven_indicators(p):
    """The province-level departments report only some indicators (blank cells in grids, no rows in lists)."""
    p.uneven = True


def compatible(names):
    """Can these traits be in one office's files together?"""
    cats = {}
    layout = next(n for n in names if n in LAYOUTS)
    kinds = set(AGENCIES)
    for n in names:
        t = TRAITS[n]
        if t.cat:
            if t.cat in cats:
                return False
            cats[t.cat] = n
        if t.layouts and layout not in t.layouts:
            return False
        if any(c in names for c in t.conflicts):
            return False
        if any(not any(r in names for r in group) for group in t.requires):
            return False
        if t.kinds:
            kinds &= set(t.kinds)
    if not kinds:
        return False
    fm = {TRAITS[n].fmt for n in names} - {None}
    if len(fm) == 2 and "mixed-formats" not in names:
        return False
    return True


def draw_traits(rng):
    """A layout and 2-6 more traits, all compatible, each requirement met by another drawn trait."""
    n = rng.randint(3, 7)
    for _ in range(200):
        chosen = [rng.choice(LAYOUTS)]
        pool = [t for t in TRAIT_ORDER if t not in LAYOUTS]
        rng.shuffle(pool)
        for t in pool:
            if len(chosen) >= n:
                break
            cand = chosen + [t]
            for group in TRAITS[t].requires:
                if not any(r in cand for r in group):
                    cand.append(rng.choice(group))
            if len(cand) <= n and compatible(cand):
                chosen = cand
        if len(chosen) >= 3 and compatible(chosen):
            return sorted(chosen, key=TRAIT_ORDER.index)
    raise RuntimeError("no compatible traits")


# ----------------------------------------------------------------------------------------------------------
# Names as written: spelling variants
# ----------------------------------------------------------------------------------------------------------

def unit_variant(rng, u, taken):
    """Another spelling of a unit's name that an analyst reads as the same unit."""
    k, opts = u.key, []
    if u.dtype:
        full = f"{DIST_WORD[u.dtype]} {u.place}"
        for ab in DIST_ABBR[u.dtype]:
            opts.append(k.replace(full, f"{ab} {u.place}"))
        opts.append(k.replace(full, f"{DIST_WORD[u.dtype].capitalize()} {u.place}"))
        words = u.place.split()
        if len(words) > 1:
            opts.append(k.replace(u.place, words[0] + " " + " ".join(w.lower() for w in words[1:])))
            opts.append(k.replace(u.place, words[0] + "  " + " ".join(words[1:])))
    if " - " in k:
        opts.append(k.replace(" - ", " – "))
        opts.append(k.replace(" - ", "-"))
    words = k.split(" ")
    if len(words) > 2:
        i = rng.randrange(1, len(words))
        opts.append(" ".join(words[:i]) + "  " + " ".join(words[i:]))
    opts = [x for x in opts if x != k and x.casefold() not in taken]
    return rng.choice(opts) if opts else None


def ind_variant(rng, ind):
    """Another spelling of an indicator's name: Tỉ/Tỷ, case, double space, dash."""
    k, opts = ind.key, []
    if "Tỷ lệ" in k:
        opts += [k.replace("Tỷ lệ", "Tỉ lệ")] * 2
    words = k.split(" ")
    small = {"của", "các", "và", "về", "trên", "theo", "được", "trong", "cho", "một", "với", "đã", "bị"}
    low = [i for i, w in enumerate(words) if i > 0 and w.islower() and len(w) > 2 and w not in small]
    if low:
        i = rng.choice(low)
        opts.append(" ".join(words[:i] + [words[i].capitalize()] + words[i + 1:]))
    if len(words) > 3:
        i = rng.randrange(1, len(words))
        opts.append(" ".join(words[:i]) + "  " + " ".join(words[i:]))
    if " - " in k:
        opts.append(k.replace(" - ", " – "))
    opts = [x for x in opts if x != k]
    return rng.choice(opts) if opts else None


# ----------------------------------------------------------------------------------------------------------
# Sheets as grids
# ----------------------------------------------------------------------------------------------------------

class Grid:
    """A sheet's cells (values or V), merges (0-based, inclusive), bold rows."""

    def __init__(self):
        self.rows, self.merges, self.bold, self.widths = [], [], set(), []
        self.pad_rows = self.pad_cols = 0

    def add(self, cells, bold=False):
        self.rows.append(list(cells))
        if bold:
            self.bold.add(len(self.rows) - 1)


class Col:
    __slots__ = ("path", "role", "t", "idx", "unit", "who", "ind", "sec", "label", "ilabel")

    def __init__(self, path, role, t=None, idx=None, unit=None, who=None, ind=None, sec=None, label=None,
                 ilabel=None):
        self.path, self.role, self.t, self.idx = tuple(p for p in path if p is not None) or ("",), role, t, idx
        self.unit, self.who, self.ind, self.sec, self.label, self.ilabel = unit, who, ind, sec, label, ilabel


class Item:
    __slots__ = ("who", "unit", "label", "ind", "ind_label", "t", "sec", "stt")

    def __init__(self, who, unit, label, ind, ind_label, t, sec=None, stt=None):
        self.who, self.unit, self.label, self.ind, self.ind_label = who, unit, label, ind, ind_label
        self.t, self.sec, self.stt = t, sec, stt


class SheetSpec:
    def __init__(self, times, units, prov):
        self.times, self.units, self.prov = times, units, prov
        self.name = None
        self.fixed_year = self.fixed_period = self.fixed_unit = None
        self.time_col = False
        self.year_src, self.unit_src = set(), set()
        self.unit_title = None          # how the unit is named above the table: suffix | line | agency
        self.unit_as_written = None


class FileSpec:
    def __init__(self, times, units, prov, fmt):
        self.times, self.units, self.prov, self.fmt = times, units, prov, fmt
        self.name, self.sheets, self.out = None, [], []
        self.style = FileStyle(fmt)


class Body:
    def __init__(self):
        self.rows, self.vmerges, self.hmerges, self.bold, self.breaks = [], [], [], set(), []

    def add(self, cells, bold=False, hmerge=None):
        self.rows.append(cells)
        if bold:
            self.bold.add(len(self.rows) - 1)
        if hmerge:
            self.hmerges.append((len(self.rows) - 1, hmerge[0], hmerge[1]))
        return len(self.rows) - 1


def header_band(paths):
    """Header rows from column paths: leaves at the bottom, equal group headings merged across."""
    depth = max(len(p) for p in paths)
    w = len(paths)
    rows = [[None] * w for _ in range(depth)]
    keys = [[None] * w for _ in range(depth)]
    for c, p in enumerate(paths):
        top = depth - len(p)
        rows[0][c] = p[0]
        for lv in range(top + 1):
            keys[lv][c] = (p[:1], 0)
        for k in range(1, len(p)):
            rows[top + k][c] = p[k]
            keys[top + k][c] = (p[:k + 1], top + k)
    merges, done = [], set()
    for lv in range(depth):
        for c in range(w):
            key = keys[lv][c]
            if (lv, c) in done or key[1] != lv:
                continue
            c2 = c
            while c2 + 1 < w and keys[lv][c2 + 1] == key:
                c2 += 1
            l2 = lv
            while l2 + 1 < depth and keys[l2 + 1][c] == key:
                l2 += 1
            for a in range(lv, l2 + 1):
                for b in range(c, c2 + 1):
                    done.add((a, b))
                    if (a, b) != (lv, c):
                        rows[a][b] = None
            if (lv, c) != (l2, c2):
                merges.append((lv, c, l2, c2))
    return rows, merges


DEFAULT_HDR = {"stt": "STT", "unit": "Đơn vị", "ind": "Chỉ tiêu", "measure": "ĐVT", "target": "Kế hoạch",
               "actual": "Thực hiện", "year": "Năm", "period": "Kỳ báo cáo", "completion": "Tỷ lệ %"}
TEXT_ROLES = ("stt", "time", "unit", "ucode", "ind", "icode", "measure", "notes")


class Builder:
    """Builds one office's files (grids) and its truth from a plan and an office."""

    def __init__(self, rng, plan, office):
        self.rng, self.plan, self.o = rng, plan, office
        self.rows, self.province, self.subtotals = [], [], []
        self.reg, self.preg = {}, {}
        self.subcache = {}
        self.words = {}
        p, o = plan, office
        self.unit_var, self.ind_var = {}, {}
        self.var_from = o.years[-1] if len(o.years) > 1 else o.years[0]
        if len(o.years) > 1:
            self.var_from = rng.choice(o.years[1:])
        taken = {u.key.casefold() for u in o.units}
        if p.unit_variants:
            for u in rng.sample(o.units, min(len(o.units), rng.randint(1, 3))):
                v = unit_variant(rng, u, taken)
                if v:
                    self.unit_var[u.key] = v
                    taken.add(v.casefold())
        if p.ind_variants:
            for ind in rng.sample(o.inds, min(len(o.inds), rng.randint(1, 2))):
                v = ind_variant(rng, ind)
                if v:
                    self.ind_var[ind.key] = v
        self.school_style = rng.randrange(3)
        if office.kind == "tax":
            plan.target_pair = ("Dự toán pháp lệnh", "Dự toán HĐND giao")
        elif plan.target_pair[0].startswith("Dự toán"):
            plan.target_pair = ("Chỉ tiêu pháp lệnh", "Chỉ tiêu phấn đấu")
        self.tnames = list(plan.target_pair)
        self.year_pref = {a for a in ("title", "sheet", "file", "header") if rng.random() < 0.55} or {"title"}
        self.sheet_style = rng.randrange(5)

    # --- words ---------------------------------------------------------------------------------------
    def h(self, role):
        if self.plan.synonyms and self.plan.hdr[role] != DEFAULT_HDR.get(role):
            self.plan.use("header-synonyms")
        return self.hb(self.plan.hdr[role])

    def hb(self, text):
        """A header text, with a line break inside when the office wraps its headers."""
        if self.plan.hdr_breaks and " " in text and len(text) >= 7 and self.rng.random() < 0.7:
            sp = [i for i, ch in enumerate(text) if ch == " "]
            i = min(sp, key=lambda j: abs(j - len(text) / 2))
            self.plan.use("header-line-breaks")
            return text[:i] + "\n" + text[i + 1:]
        return text

    def unit_name(self, u, year):
        v = self.unit_var.get(u.key)
        if v and year is not None and year >= self.var_from:
            self.plan.use("unit-spelling-variants")
            return v
        return u.key

    def ind_name(self, ind, year):
        v = self.ind_var.get(ind.key)
        if v and year is not None and year >= self.var_from:
            self.plan.use("indicator-spelling-variants")
            return v
        return ind.key

    def school(self, y):
        return ["Năm học {a} – {b}", "{a}-{b}", "Năm học {a}-{b}"][self.school_style].format(a=y - 1, b=y)

    def year_text(self, y):
        """A year as a column heading names it."""
        if self.plan.school_years:
            self.plan.use("school-years")
            return "Năm học " + f"{y - 1} – {y}"
        return f"Năm {y}"

    def year_short(self, y):
        return f"{y - 1}-{y}" if self.plan.school_years else str(y)

    def period_text(self, y, p, upper=False):
        w = self.plan.period_words
        if p not in ("year", "h1"):
            self.plan.use("quarters-and-9-months")
        if p == "year":
            s = ["Năm {y}", "Cả năm {y}", "Năm {y}"][w]
        elif p == "h1":
            s = ["6 tháng đầu năm {y}", "6 tháng năm {y}", "6 tháng đầu năm {y}"][w]
        elif p == "9m":
            s = ["9 tháng năm {y}", "9 tháng đầu năm {y}", "9 tháng năm {y}"][w]
        else:
            n = int(p[1])
            s = ["Quý {r}/{y}", "Quý {n} năm {y}", "Quý {r} năm {y}"][w].replace("{r}", ROMAN[n - 1]).replace(
                "{n}", str(n))
        s = s.format(y=y)
        return s.upper() if upper else s

    def time_cell(self, t):
        y, per = t
        p = self.plan
        if p.school_years:
            p.use("school-years")
            return self.school(y)
        if p.period_rows or per != "year":
            if per not in ("year", "h1"):
                p.use("quarters-and-9-months")
            if p.period_rows:
                p.use("period-rows")
            return self.period_text(y, per)
        return y if p.year_cell == "int" else f"Năm {y}"

    def time_header(self, S):
        p = self.plan
        if p.school_years:
            return self.hb(p.hdr["school"])
        if p.period_rows or any(t[1] != "year" for t in S.times):
            if p.period_hdr_odd:
                p.use("period-header-odd")
            return self.hb(p.hdr["period"]) if p.hdr["period"] else None
        return self.hb(p.hdr["year"])

    # --- figures -------------------------------------------------------------------------------------
    def src(self, who, t, u, ind, sec):
        o = self.o
        if t is None:
            return None
        if who == "unit":
            return o.recs.get((t[0], t[1], u.key, ind.key))
        if who == "total":
            return o.prov.get((t[0], t[1], ind.key))
        if who != "sub" or sec is None:
            return None
        key = (t, sec[0], ind.key)
        if key not in self.subcache:
            rs = [o.recs[(t[0], t[1], x.key, ind.key)] for x in sec[1] if (t[0], t[1], x.key, ind.key) in o.recs]
            self.subcache[key] = aggregate(rs, ind, t[0], t[1]) if rs else None
        return self.subcache[key]

    def num(self, x, ind):
        if x is None:
            return "-"
        return V(x, ind.dec, pct=ind.is_rate)

    def actual_cell(self, rec):
        p, ind = self.plan, rec.ind
        if rec.mark == "dash":
            p.use("dash-for-missing")
            return "-"
        if rec.mark == "word":
            p.use("nothing-words")
            return rec.word
        if rec.mark == "pair":
            b = self.o.recs[(rec.year, rec.period, rec.unit.key, ind.pair.key)]
            p.use("paired-counts")
            return V(0, parts=[(rec.actual, ind.measure), (b.actual, ind.pair.measure)])
        if rec.mark == "unitword":
            p.use("unit-words")
            return V(rec.actual, ind.dec, suf=" " + ind.measure)
        if rec.actual is None:
            return "-"
        if ind.is_rate and p.pct_sign:
            p.use("percent-sign")
        if ind.is_rate and p.xl_pct:
            p.use("xlsx-percent-fraction")
        if rec.actual >= 1000:
            p.use("large-numbers")
        return V(rec.actual, ind.dec, pct=ind.is_rate)

    def target_cell(self, rec, idx=None):
        p, ind = self.plan, rec.ind
        t = rec.target if idx is None else (rec.targets[idx] if rec.targets else None)
        if t is None:
            if rec.tmark == "dash":
                p.use("dash-for-missing")
                return "-"
            if rec.tmark == "blank":
                p.use("blank-targets")
            return None
        if p.target_words and ind.tstyle in ("thr", "ceil"):
            p.use("target-words")
            pre, suf = self.word_for(ind, t)
            return V(t, ind.dec, pct=ind.is_rate, pre=pre, suf=suf)
        return V(t, ind.dec if not isinstance(t, int) or ind.is_rate else 0, pct=ind.is_rate)

    def word_for(self, ind, t):
        """The office's words for one indicator's target, the same in all its rows."""
        key = (ind.key, t == 100)
        if key not in self.words:
            r = self.rng
            if ind.is_rate and ind.tstyle == "thr":
                opts = [("", "%")] if t == 100 else [("≥ ", "%"), ("≥", "%"), ("Không dưới ", "%"),
                                                        ("Tối thiểu ", "%"), ("Đạt ", "% trở lên")]
            elif ind.is_rate:
                opts = [("≤ ", "%"), ("Không quá ", "%"), ("Tối đa ", "%")]
            else:
                unit = " " + ind.measure if ind.measure in ("ngày", "học sinh/lớp") else ""
                opts = [("≤ ", ""), ("Không quá ", unit), ("≤ ", unit), ("Không quá ", "")]
            self.words[key] = r.choice(opts)
        return self.words[key]

    def completion(self, rec, idx=None):
        t = rec.target if idx is None else rec.targets[idx]
        if (t is None or not t or rec.actual is None or rec.ind.direction == "lower"
                or rec.ind.tstyle in ("ceil", "zero")):
            return None
        self.plan.use("completion-column")
        return V(round(rec.actual / t * 100, 1), 1)

    def note_text(self, item, cells_rec):
        p = self.plan
        p.use("notes-column")
        rec = cells_rec
        if rec is not None and rec.target is not None and rec.actual is not None and self.rng.random() < 0.8:
            t, a = rec.target, rec.actual
            ok = a <= t if (rec.ind.direction == "lower" or rec.ind.tstyle in ("ceil", "zero")) else a >= t
            return "Đạt" if ok else "Không đạt"
        return self.rng.choice([None, None, None, "Số liệu tạm tính", "Đã điều chỉnh", "Chưa có số liệu chính thức"])

    def cell(self, S, col, item):
        r = col.role
        if r == "stt":
            return item.stt
        if r == "time":
            return self.time_cell(item.t) if item.t else None
        if r == "unit":
            return item.label
        if r == "ucode":
            self.plan.use("code-columns")
            return item.unit.code if item.unit else None
        if r == "ind":
            return item.ind_label
        if r == "icode":
            self.plan.use("code-columns")
            return item.ind.code
        if r == "measure":
            self.plan.use("measure-column")
            return (col.ind or item.ind).measure
        who = col.who or item.who
        u = col.unit or item.unit
        ind = col.ind or item.ind
        t = col.t or item.t
        sec = col.sec or item.sec
        if r == "notes":
            rec = self.src(who, t, u, ind, sec) if ind is not None else None
            return self.note_text(item, rec if who == "unit" else None)
        rec = self.src(who, t, u, ind, sec)
        if rec is None:
            return None
        if r == "actual":
            return self.actual_cell(rec) if who == "unit" else self.num(rec.actual, ind)
        if r == "target":
            return self.target_cell(rec, col.idx)
        if r == "previous":
            return self.num(rec.previous, ind)
        if r == "completion":
            return self.completion(rec, col.idx)
        if r in ("change", "changepct"):
            if col.t is not None and t[0] - 1 in self.o.years:
                before = self.src(who, (t[0] - 1, t[1]), u, ind, sec)
                prev = before.actual if before else None
            else:
                prev = rec.previous
            if prev is None or rec.actual is None:
                return None
            self.plan.use("change-columns")
            if r == "change":
                d = rnd(rec.actual - prev, ind.dec)
                return V(d, ind.dec)
            return V(round(rec.actual / prev * 100, 1), 1) if prev > 0 else None
        return None

    def register(self, S, F, item, cols, cells):
        """Record the truth of one body row: every figure the row carries, as written."""
        found = {}
        for col in cols:
            if col.role not in ("actual", "target", "previous"):
                continue
            who = col.who or item.who
            if who == "sub":
                continue
            u, ind = col.unit or item.unit, col.ind or item.ind
            rec = self.src(who, col.t or item.t, u, ind, None)
            if rec is None:
                continue
            ent = found.setdefault(id(rec), [rec, who, set(), col.label if col.label else item.label,
                                             col.ilabel if col.ilabel else item.ind_label])
            ent[2].add(col.role if col.idx is None else f"target{col.idx}")
        for rec, who, fields, uname, iname in found.values():
            if "actual" not in fields:
                continue
            if who == "unit":
                key = (rec.year, rec.period, rec.unit.key, rec.ind.key)
                self.reg[key] = self.reg.get(key, 0) + 1
                row = {"file": F.name, "sheet": S.name if F.fmt == "xlsx" else None, "year": rec.year,
                       "period": rec.period, "unit": clean(uname), "unit_key": rec.unit.key,
                       "indicator": clean(iname), "indicator_key": rec.ind.key,
                       "target": None, "actual": rec.actual}
                if "target" in fields:
                    row["target"] = rec.target
                if "target0" in fields:
                    row["target"] = rec.targets[0]
                    row["targets"] = {self.tnames[i]: rec.targets[i] for i in (0, 1)}
                if "previous" in fields:
                    row["previous"] = rec.previous
                self.rows.append(row)
            else:
                key = (rec.year, rec.period, rec.ind.key)
                self.preg[key] = self.preg.get(key, 0) + 1
                self.plan.use("grand-total")
                self.province.append({"year": rec.year, "period": rec.period,
                                      "indicator": clean(iname), "indicator_key": rec.ind.key,
                                      "target": rec.target if ("target" in fields or "target0" in fields) else None,
                                      "actual": rec.actual})

    def register_sub(self, S, F, label, t, ind, sec, iname):
        rec = self.src("sub", t, None, ind, sec)
        if rec is not None:
            self.plan.use("subtotals")
            self.subtotals.append({"file": F.name, "sheet": S.name if F.fmt == "xlsx" else None,
                                   "label": clean(label), "year": t[0], "period": t[1], "indicator": clean(iname),
                                   "indicator_key": ind.key, "target": rec.target, "actual": rec.actual})


def clean(s):
    return unicodedata.normalize("NFC", s.replace("\n", " ")) if isinstance(s, str) else s


# ----------------------------------------------------------------------------------------------------------
# Layouts: the table of one sheet
# ----------------------------------------------------------------------------------------------------------

def lower_first(s):
    return s[0].lower() + s[1:] if s else s


def sections_for(B, S):
    """(index, heading, units) per section: province-level departments, then district offices."""
    p, units = B.plan, S.units
    if p.sections and any(u.group == "tinh" for u in units) and any(u.group == "huyen" for u in units):
        labels = B.o.agency["sec"] if p.section_labels == 0 else ("KHỐI CẤP TỈNH", "KHỐI CẤP HUYỆN")
        return [(0, labels[0], [u for u in units if u.group == "tinh"]),
                (1, labels[1], [u for u in units if u.group == "huyen"])]
    return [(None, None, units)]


def section_text(B, si, label):
    """A section heading as one cell's text (used where the heading is a header group)."""
    s = B.plan.sections
    B.plan.use({"roman": "section-roman-merged", "letter": "section-letter-cell", "plain": "section-plain-row"}[s])
    if s == "roman":
        return f"{ROMAN[si]}. {label.upper()}"
    if s == "letter":
        return f"{'AB'[si]}. {label.upper()}"
    return label.capitalize()


def sub_label(B, si):
    s = B.plan.sections
    if s == "roman":
        return f"Cộng {ROMAN[si]}"
    return ["Cộng khối tỉnh", "Cộng cấp huyện"][si] if s == "letter" else ["Cộng cấp tỉnh", "Cộng cấp huyện"][si]


def emit_section(B, body, W, ci, si, label):
    p = B.plan
    s = p.sections
    row = [None] * W
    hm = None
    if s == "roman":
        p.use("section-roman-merged")
        if "stt" in ci and W > 1:
            row[0], row[1], hm = ROMAN[si], label.upper(), (1, W - 1)
        else:
            c = ci.get("unit", ci["ind"])
            row[c], hm = f"{ROMAN[si]}. {label.upper()}", (c, W - 1)
    elif s == "letter":
        p.use("section-letter-cell")
        row[ci.get("unit", ci["ind"])] = f"{'AB'[si]}. {label.upper()}"
    else:
        p.use("section-plain-row")
        row[ci.get("unit", ci["ind"])] = label.capitalize()
    body.add(row, bold=True, hmerge=hm)


def vcols_long(B, S):
    p = B.plan
    g = []
    if p.hdr_group:
        p.use("header-group-heading")
        y = S.fixed_year if "header" in S.year_src else None
        base = B.rng.choice(["Kết quả thực hiện", "Kết quả thực hiện chỉ tiêu"])
        if y:
            base += f" năm học {y - 1} – {y}" if p.school_years else f" năm {y}"
        g = [B.hb(base)]
    cols = []
    if p.several_targets:
        p.use("several-targets")
        names = [B.hb(n) for n in p.target_pair]
        B.tnames = [clean(n) for n in names]
        cols += [Col(g + [n], "target", idx=i) for i, n in enumerate(names)]
    else:
        cols.append(Col(g + [target_word(B, S)], "target"))
    cols.append(Col(g + [B.h("actual")], "actual"))
    if p.col_completion:
        cols.append(Col(g + [B.h("completion")], "completion", idx=0 if p.several_targets else None))
    return cols


def vcols_wide(B, S):
    p = B.plan
    p.use("wide-years")
    years = sorted({t[0] for t in S.times})
    last, ys = years[-1], B.year_short
    cols = []
    if p.wide_variant == "a":
        for y in years:
            cols.append(Col([B.hb(B.year_text(y))], "actual", t=(y, "year")))
        cols.append(Col([B.hb(f"KH {ys(last)}")], "target", t=(last, "year")))
    elif p.wide_variant == "b":
        for y in years[:-1]:
            cols.append(Col([B.hb(f"Thực hiện {ys(y)}")], "actual", t=(y, "year")))
        cols.append(Col([B.hb(f"KH {ys(last)}")], "target", t=(last, "year")))
        cols.append(Col([B.hb(f"TH {ys(last)}")], "actual", t=(last, "year")))
    else:
        top = []
        if p.hdr_three:
            p.use("header-three-rows")
            top = [B.hb("Kết quả thực hiện qua các năm")]
        if p.hdr_group:
            p.use("header-group-heading")
        kh, th = B.h("target"), B.h("actual")
        for y in years:
            yt = B.year_text(y)
            cols.append(Col(top + [yt, kh], "target", t=(y, "year")))
            cols.append(Col(top + [yt, th], "actual", t=(y, "year")))
    if p.col_completion:
        cols.append(Col([B.hb(f"Tỷ lệ % TH/KH {ys(last)}")], "completion", t=(last, "year")))
    if p.col_change and len(years) > 1:
        cols.append(Col([B.hb(f"Tăng (+), giảm (−) so với {ys(years[-2])}")], "change", t=(last, "year")))
        cols.append(Col([B.hb(f"So sánh {ys(last)}/{ys(years[-2])} (%)")], "changepct", t=(last, "year")))
    return cols


def vcols_cungky(B, S):
    p, rng = B.plan, B.rng
    p.use("cung-ky-columns")
    y, per = S.fixed_year, S.fixed_period
    hy = "header" in S.year_src
    prev = rng.choice(["Cùng kỳ năm trước"] + ([f"Cùng kỳ {y - 1}", "Cùng kỳ " + lower_first(B.period_text(y - 1, per))]
                                               if hy else []))
    cur = rng.choice(["Kỳ này"] + ([B.period_text(y, per), "Thực hiện " + lower_first(B.period_text(y, per))]
                                   if hy else []))
    cols = []
    if p.several_targets:
        p.use("several-targets")
        names = [B.hb(n) for n in p.target_pair]
        B.tnames = [clean(n) for n in names]
        cols += [Col([n], "target", idx=i) for i, n in enumerate(names)]
    else:
        cols.append(Col([B.hb(rng.choice([f"KH năm {y}", f"Kế hoạch năm {y}"]) if hy else p.hdr["target"])],
                        "target"))
    g = []
    if p.hdr_group:
        p.use("header-group-heading")
        g = [B.hb(rng.choice(["Kết quả", "Kết quả thực hiện"]))]
    cols.append(Col(g + [B.hb(prev)], "previous"))
    cols.append(Col(g + [B.hb(cur)], "actual"))
    if p.col_change:
        sg = [B.hb("So sánh")] if p.hdr_group else []
        cols.append(Col(sg + [B.hb("Tăng (+), giảm (−)")], "change"))
        cols.append(Col(sg + [B.hb("Tỷ lệ %" if sg else "So sánh (%)")], "changepct"))
    if p.col_completion:
        cols.append(Col([B.hb(rng.choice(["% so KH năm", "Tỷ lệ % so với KH"]))], "completion",
                        idx=0 if p.several_targets else None))
    return cols


def target_word(B, S):
    """The target column's heading; beside part-year figures it says that it is the year's target."""
    if any(t[1] != "year" for t in S.times):
        return B.hb(["KH năm", "Kế hoạch năm"][B.sheet_style % 2])
    return B.h("target")


def key_cols(B, S, unit_col, ind_col=True):
    p = B.plan
    cols = []
    if p.col_stt:
        p.use("stt-column")
        cols.append(Col([B.h("stt")], "stt"))
    if S.time_col:
        cols.append(Col([B.time_header(S)], "time"))
    if unit_col:
        cols.append(Col([B.h("unit")], "unit"))
        if p.col_codes:
            cols.append(Col([B.h("ucode")], "ucode"))
    if ind_col:
        cols.append(Col([B.h("ind")], "ind"))
        if p.col_codes:
            cols.append(Col([B.h("icode")], "icode"))
        if p.col_measure:
            cols.append(Col([B.h("measure")], "measure"))
    return cols


def time_blocks(B, S):
    if S.time_col:
        return [[t] for t in S.times] if B.plan.order == "time-major" else [list(S.times)]
    return [[S.fixed_t]]


def groups_for(B, S, blk):
    """The row groups of one block: total, sections, units, subtotals - in the office's order."""
    p = B.plan
    years = {t[0] for t in blk if t}
    byear = next(iter(years)) if len(years) == 1 else S.fixed_year
    groups = []
    total = [("total", None, p.total_label, None)] if S.prov else []
    if p.total_top and total:
        p.use("total-at-top")
        groups += total
    for si, label, units in sections_for(B, S):
        if label is not None:
            groups.append(("section", si, label, None))
        for u in units:
            groups.append(("unit", u, S.unit_as_written if S.unit_hidden else B.unit_name(u, byear), None))
        if p.subtotals and label is not None:
            groups.append(("sub", None, sub_label(B, si), (si, units)))
    if not p.total_top:
        groups += total
    return groups, byear


def layout_rows(B, F, S):
    """Indicators as rows: long, wide-years and cùng kỳ forms."""
    p, o = B.plan, B.o
    kind = p.layout
    umode = "none" if S.unit_hidden else "sub" if p.unit_sub else "once" if p.unit_once else "col"
    cols = key_cols(B, S, umode in ("col", "once"))
    cols += {"long": vcols_long, "wide": vcols_wide, "cungky": vcols_cungky}[kind](B, S)
    if p.col_notes:
        cols.append(Col([B.h("notes")], "notes"))
    W = len(cols)
    ci = {}
    for i, c in enumerate(cols):
        ci.setdefault(c.role, i)
    body = Body()
    rowno = 0
    blocks = [[None]] if kind == "wide" else time_blocks(B, S)
    for blk in blocks:
        groups, byear = groups_for(B, S, blk)
        ordinal = 0
        for who, u, label, sec in groups:
            if who == "section":
                emit_section(B, body, W, ci, u, label)
                ordinal = 0
                continue
            inds = o.reports[u.key] if who == "unit" else o.inds
            items = []
            for ind in inds:
                il = B.ind_name(ind, byear)
                for t in blk:
                    if who == "unit" and t is not None and (t[0], t[1], u.key, ind.key) not in o.recs:
                        continue
                    items.append(Item(who, u if who == "unit" else None, label, ind, il, t, sec))
            if not items:
                continue
            if who == "unit":
                ordinal += 1
            start = len(body.rows)
            body.breaks.append(start)
            if umode == "sub":
                p.use("unit-subheading")
                row = [None] * W
                if "stt" in ci:
                    row[ci["stt"]] = ordinal if who == "unit" else None
                row[ci["ind"]] = label
                body.add(row, bold=True)
            for k, it in enumerate(items):
                if "stt" in ci and who == "unit":
                    if umode in ("col", "none"):
                        rowno += 1
                        it.stt = rowno
                    elif umode == "once" and k == 0:
                        it.stt = ordinal
                cells = [B.cell(S, c, it) for c in cols]
                if umode == "once" and k > 0:
                    for role in ("unit", "ucode"):
                        if role in ci:
                            cells[ci[role]] = None
                body.add(cells, bold=who != "unit")
                if who == "sub":
                    for c in cols:
                        if c.role == "actual":
                            B.register_sub(S, F, label, c.t or it.t, it.ind, sec, it.ind_label)
                else:
                    B.register(S, F, it, cols, cells)
            end = len(body.rows) - 1
            if umode == "once" and end > start:
                p.use("unit-once")
                for role in ("stt", "unit", "ucode"):
                    if role in ci:
                        body.vmerges.append((start, end, ci[role]))
            if p.spacer and who == "unit":
                p.use("spacer-rows")
                body.add([None] * W)
    return cols, body


def layout_unit_cols(B, F, S, pairs):
    """Indicators as rows, units as columns (TH only), or each unit merged over its KH | TH pair."""
    p, o = B.plan, B.o
    p.use("unit-kh-th-pairs" if pairs else "units-as-columns")
    cols = key_cols(B, S, False)
    yhdr = S.fixed_year if "header" in S.year_src else None
    top = []
    if (pairs and p.hdr_three) or (not pairs and p.hdr_group):
        p.use("header-three-rows" if pairs else "header-group-heading")
        top = [B.hb("Kết quả thực hiện" + (f" năm {yhdr}" if yhdr and not p.school_years else "")
                    + (f" năm học {yhdr - 1} – {yhdr}" if yhdr and p.school_years else ""))]

    kh = target_word(B, S)

    def unit_cols(pre, label, who, unit=None, sec=None):
        if pairs:
            out = [Col(pre + [label, kh], "target", unit=unit, who=who, sec=sec, label=label),
                   Col(pre + [label, B.h("actual")], "actual", unit=unit, who=who, sec=sec, label=label)]
            if p.col_completion:
                out.append(Col(pre + [label, B.hb("Tỷ lệ %")], "completion", unit=unit, who=who, sec=sec,
                               label=label))
            return out
        return [Col(pre + [label], "actual", unit=unit, who=who, sec=sec, label=label)]

    total = unit_cols(top, p.total_label, "total") if S.prov else []
    if p.total_top and total:
        p.use("total-at-top")
        cols += total
    for si, slabel, units in sections_for(B, S):
        pre = top + ([section_text(B, si, slabel)] if slabel else [])
        for u in units:
            cols += unit_cols(pre, B.hb(B.unit_name(u, S.fixed_year)), "unit", unit=u)
        if p.subtotals and slabel:
            cols += unit_cols(pre, sub_label(B, si), "sub", sec=(si, units))
    if not p.total_top:
        cols += total
    if p.col_notes:
        cols.append(Col([B.h("notes")], "notes"))
    body = Body()
    rowno = 0
    for blk in time_blocks(B, S):
        for t in blk:
            for ind in o.inds:
                if not S.prov and not any((t[0], t[1], u.key, ind.key) in o.recs for u in S.units):
                    continue
                il = B.ind_name(ind, t[0])
                rowno += 1
                it = Item(None, None, None, ind, il, t, stt=rowno)
                cells = [B.cell(S, c, it) for c in cols]
                body.breaks.append(len(body.rows))
                body.add(cells)
                B.register(S, F, it, cols, cells)
                for c in cols:
                    if c.who == "sub" and c.role == "actual":
                        B.register_sub(S, F, c.label, t, ind, c.sec, il)
    return cols, body


def layout_ind_groups(B, F, S):
    """Units as rows, each indicator's name merged over its KH | TH sub-columns."""
    p, o, rng = B.plan, B.o, B.rng
    p.use("indicator-column-groups")
    cols = key_cols(B, S, True, ind_col=False)
    top = []
    if p.hdr_three:
        p.use("header-three-rows")
        y = S.fixed_year if "header" in S.year_src and not p.school_years else None
        top = [B.hb("Chỉ tiêu nghiệp vụ" + (f" năm {y}" if y else ""))]
    kh, th = target_word(B, S), B.h("actual")
    for ind in o.inds:
        lab = B.hb(B.ind_name(ind, S.fixed_year))
        if ind.tstyle == "none" and rng.random() < 0.5:
            cols.append(Col(top + [lab, th], "actual", ind=ind, ilabel=lab))
            continue
        cols.append(Col(top + [lab, kh], "target", ind=ind, ilabel=lab))
        cols.append(Col(top + [lab, th], "actual", ind=ind, ilabel=lab))
        if p.col_completion:
            cols.append(Col(top + [lab, B.hb("Tỷ lệ %")], "completion", ind=ind, ilabel=lab))
    if p.col_notes:
        cols.append(Col([B.h("notes")], "notes"))
    W = len(cols)
    ci = {}
    for i, c in enumerate(cols):
        ci.setdefault(c.role, i)
    ci["ind"] = ci["unit"]
    body = Body()
    rowno = 0
    for blk in time_blocks(B, S):
        groups, _ = groups_for(B, S, blk)
        ordinal = 0
        for who, u, label, sec in groups:
            if who == "section":
                emit_section(B, body, W, ci, u, label)
                ordinal = 0
                continue
            if who == "unit":
                ordinal += 1
            body.breaks.append(len(body.rows))
            for t in blk:
                if who == "unit":
                    if not any((t[0], t[1], u.key, i.key) in o.recs for i in o.inds):
                        continue
                    label = S.unit_as_written if S.unit_hidden else B.unit_name(u, t[0])
                it = Item(who, u if who == "unit" else None, label, None, None, t, sec)
                if who == "unit" and "stt" in ci:
                    rowno += 1
                    it.stt = ordinal if p.sections else rowno
                cells = [B.cell(S, c, it) for c in cols]
                body.add(cells, bold=who != "unit")
                if who == "sub":
                    for c in cols:
                        if c.role == "actual":
                            B.register_sub(S, F, label, t, c.ind, sec, c.ilabel)
                else:
                    B.register(S, F, it, cols, cells)
    return cols, body


# ----------------------------------------------------------------------------------------------------------
# From table to sheet: header band, numbering row, page break, title block, notes, signatures
# ----------------------------------------------------------------------------------------------------------

def numbering_row(cols, style):
    out, n, letter = [], 0, 0
    pos = {}
    for i, c in enumerate(cols):
        if style == "paren":
            pos[i] = i + 1
            out.append(f"({i + 1})")
        elif c.role in TEXT_ROLES:
            out.append("ABCDEFGH"[letter] if letter < 8 else "")
            letter += 1
        else:
            n += 1
            pos[i] = n
            out.append(str(n))
    for i, c in enumerate(cols):
        if c.role == "completion":
            a = max((j for j in range(i) if cols[j].role == "actual"), default=None)
            t = max((j for j in range(i) if cols[j].role == "target"), default=None)
            if a is not None and t is not None:
                out[i] = (f"({pos[i]})=({pos[a]})/({pos[t]})" if style == "paren"
                          else f"{pos[i]}={pos[a]}/{pos[t]}")
    return out


def table_grid(B, cols, body):
    """Header band (+ numbering row) and body, the header printed again at a page break if the office does."""
    p, rng = B.plan, B.rng
    hrows, hmerges = header_band([c.path for c in cols])
    if len(hrows) >= 2 and p.hdr_group:
        p.use("header-group-heading")
    num = numbering_row(cols, p.numbering) if p.numbering else None
    if num:
        p.use("numbering-row")
    rows, merges, bold = [], [], set()

    def band():
        base = len(rows)
        for r in hrows:
            rows.append(list(r))
            bold.add(len(rows) - 1)
        merges.extend((base + a, b, base + c, d) for a, b, c, d in hmerges)
        if num:
            rows.append(list(num))

    band()
    split = None
    if p.hdr_repeat:
        cands = [b for b in body.breaks if len(body.rows) // 3 <= b and b > 0]
        split = cands[0] if cands else None
    idx = {}
    for i, r in enumerate(body.rows):
        if i == split:
            p.use("header-repeated")
            if rng.random() < 0.5:
                rows.append([rng.choice(["Trang 2", "(tiếp theo)", "Ghi chú: số liệu tiếp trang sau"])]
                            + [None] * (len(cols) - 1))
            band()
        idx[i] = len(rows)
        rows.append(r)
        if i in body.bold:
            bold.add(len(rows) - 1)
    merges += [(idx[r], a, idx[r], b) for r, a, b in body.hmerges]
    merges += [(idx[a], c, idx[b], c) for a, b, c in body.vmerges]
    return rows, merges, bold


def agency_full(ag, prov_up):
    if "{P}" in ag["office"]:
        return ag["office"].format(P=prov_up)
    if ag["parent"].startswith("UBND"):
        return ag["office"] + " TỈNH " + prov_up
    return ag["parent"].format(P=prov_up)


def add_months(d, n):
    m = d.month - 1 + n
    return datetime.date(d.year + m // 12, m % 12 + 1, d.day)


def period_dates(ag, y, per):
    m, d = ag["year_start"]
    start = datetime.date(y, 1, 1) if (m, d) == (1, 1) else datetime.date(y - 1, m, d)
    off, months = {"year": (0, 12), "h1": (0, 6), "9m": (0, 9), "q1": (0, 3), "q2": (3, 3), "q3": (6, 3),
                   "q4": (9, 3)}[per]
    a = add_months(start, off)
    b = add_months(a, months) - datetime.timedelta(days=1)
    return a, b


def title_text(B, S):
    p, o, rng = B.plan, B.o, B.rng
    ag = o.agency
    head = rng.choice(["BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN", "BẢNG TỔNG HỢP KẾT QUẢ THỰC HIỆN", "KẾT QUẢ THỰC HIỆN",
                       "BÁO CÁO KẾT QUẢ THỰC HIỆN"])
    if p.layout == "cungky" and S.fixed_period != "year" and rng.random() < 0.5:
        head = "BÁO CÁO SƠ KẾT KẾT QUẢ THỰC HIỆN"
    text = f"{head} {ag['title']}"
    y, per = S.fixed_year, S.fixed_period
    if y and "title" in S.year_src:
        if p.school_years:
            p.use("school-years")
            text += f" NĂM HỌC {y - 1} - {y}"
        else:
            text += " " + (B.period_text(y, per, upper=True) if per else f"NĂM {y}")
    elif y and per and per != "year":
        text += " " + B.period_text(y, per, upper=True).replace(f"/{y}", "").replace(f" NĂM {y}", " NĂM").replace(
            f" {y}", "")
    elif not y and not p.school_years and rng.random() < 0.4:
        text += f" GIAI ĐOẠN {o.years[0]} - {o.years[-1]}"
    if S.unit_title == "suffix":
        text += " - " + S.unit_as_written
    return text


def report_date(B, S):
    o, rng = B.o, B.rng
    y = S.fixed_year or o.years[-1]
    if rng.random() < 0.5:
        d = datetime.date(y, 12, rng.randint(3, 28))
    else:
        d = datetime.date(y + 1, 1, rng.randint(3, 20))
    return f"{o.province}, ngày {d.day:02d} tháng {d.month:02d} năm {d.year}"


def decorate(B, F, S, trows, tmerges, tbold, W):
    """The sheet around the table: agency and Quốc hiệu, title, period line, notes, signatures."""
    p, o, rng = B.plan, B.o, B.rng
    ag = o.agency
    prov_up = o.province.upper()
    g = Grid()
    qc = max(2, W // 2) if W >= 4 else max(1, W - 1)
    sc = max(1, W - 3) if W >= 5 else max(1, W - 1)
    date_done = False
    if p.title_block:
        p.use("title-block")
        l1 = ag["parent"].format(P=prov_up)
        l2 = ag["office"].format(P=prov_up)
        if S.unit_title == "agency":
            l1, l2 = agency_full(ag, prov_up), S.unit_as_written
        elif S.fixed_unit is not None and "col" in S.unit_src and rng.random() < 0.5:
            l1, l2 = agency_full(ag, prov_up), B.unit_name(S.fixed_unit, S.fixed_year).upper()
        for line, qh in ((l1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), (l2, "Độc lập - Tự do - Hạnh phúc")):
            row = [line] + [None] * (W - 1)
            if qc > 1:
                g.merges.append((len(g.rows), 0, len(g.rows), qc - 1))
            if p.quoc_hieu:
                p.use("quoc-hieu")
                row[qc] = qh
                if W - 1 > qc:
                    g.merges.append((len(g.rows), qc, len(g.rows), W - 1))
            g.add(row, bold=True)
        if p.date_line and p.quoc_hieu and rng.random() < 0.5:
            p.use("report-date-line")
            date_done = True
            g.add([None] * qc + [report_date(B, S)] + [None] * (W - qc - 1))
        g.add([None] * W)
    need_title = (p.title_block or "title" in S.year_src or S.unit_title in ("suffix", "line")
                  or p.layout == "cungky")
    if need_title:
        g.merges.append((len(g.rows), 0, len(g.rows), W - 1))
        g.add([title_text(B, S)] + [None] * (W - 1), bold=True)
        if p.period_line and S.fixed_year and S.fixed_period:
            p.use("period-line")
            a, b = period_dates(ag, S.fixed_year, S.fixed_period)
            form = rng.choice(["(Từ ngày {a} đến ngày {b})", "(Số liệu từ ngày {a} đến ngày {b})",
                               "Kỳ báo cáo: từ ngày {a} đến ngày {b}"])
            g.merges.append((len(g.rows), 0, len(g.rows), W - 1))
            g.add([form.format(a=a.strftime("%d/%m/%Y"), b=b.strftime("%d/%m/%Y"))] + [None] * (W - 1))
        if p.title_block and S.fixed_year and "title" in S.year_src and rng.random() < 0.5:
            abbr = "".join(w[0] for w in ascii_fold(ag["short"].format(p=o.province)).split()[:3]).upper()
            g.add([f"(Kèm theo Báo cáo số      /BC-{abbr} ngày     /12/{S.fixed_year} của "
                   f"{ag['short'].format(p=o.province)})"] + [None] * (W - 1))
        if S.unit_title == "line":
            g.add([S.unit_title_line] + [None] * (W - 1))
        g.add([None] * W)
    base = len(g.rows)
    for r in trows:
        g.rows.append(r + [None] * (W - len(r)))
    g.merges += [(a + base, b, c + base, d) for a, b, c, d in tmerges]
    g.bold |= {r + base for r in tbold}
    bottom = []
    if p.notes_under:
        p.use("notes-under-table")
        bottom.append([])
        lines = rng.choice([["Ghi chú:", "- Số liệu lấy từ phần mềm thống kê, chốt ngày cuối kỳ báo cáo.",
                             "- Tỷ lệ % = Kết quả (TH) / Chỉ tiêu giao (KH) x 100."],
                            ["(*) Chỉ tiêu tỷ lệ tính trên số việc có điều kiện giải quyết.",
                             "(**) Đơn vị chưa được giao chỉ tiêu thì để trống cột Kế hoạch."],
                            ["Ghi chú: Các đơn vị có số liệu tạm tính sẽ cập nhật trong báo cáo năm."]])
        bottom += [[x] for x in lines]
    if p.quote_stress and F.fmt == "csv":
        p.use("csv-quoted-fields")
        bottom.append([])
        bottom.append(['Ghi chú: số liệu "tạm tính", chưa chốt; đơn vị | phòng\tban, xem phụ lục.\n'
                       'Sẽ cập nhật trong kỳ sau.'])
    if p.date_line and not date_done:
        p.use("report-date-line")
        bottom.append([])
        bottom.append([None] * sc + [report_date(B, S)])
    if p.signature:
        p.use("signature-block")
        head = ag["head"] if S.fixed_unit is None else ("THỦ TRƯỞNG ĐƠN VỊ", "")
        if not p.date_line:
            bottom.append([])
        bottom.append([None, "NGƯỜI LẬP BIỂU"] + [None] * (sc - 2) + [head[0]] if sc >= 2
                      else ["NGƯỜI LẬP BIỂU", head[0]])
        if head[1]:
            bottom.append([None] * sc + [head[1]])
        bottom += [[], [], []]
        names = [person(rng), ag["rank"] + person(rng)]
        bottom.append([None, names[0]] + [None] * (sc - 2) + [names[1]] if sc >= 2 else names)
    if p.noi_nhan:
        p.use("noi-nhan-block")
        bottom.append([])
        bottom += [["Nơi nhận:"], ["- Như trên;"], [f"- Lãnh đạo {ag['short'].format(p=o.province)};"],
                   ["- Lưu: VT, VP."]]
    for r in bottom:
        g.add(list(r) + [None] * max(0, W - len(r)))
    if p.trailing:
        p.use("trailing-empty")
        g.pad_rows, g.pad_cols = rng.randint(2, 6), rng.randint(1, 3)
    if p.offset:
        p.use("table-offset")
        g.rows = [[None] + r for r in g.rows]
        g.merges = [(a, b + 1, c, d + 1) for a, b, c, d in g.merges]
    return g


# ----------------------------------------------------------------------------------------------------------
# Files and sheets
# ----------------------------------------------------------------------------------------------------------

def plan_files(B):
    """Split the office's figures into files and sheets, name them, and say where the year and unit are."""
    p, o, rng = B.plan, B.o, B.rng
    if p.file_split == "year":
        p.use("file-per-year")
        groups = [([t for t in o.times if t[0] == y], o.units, p.grand_total) for y in o.years]
    elif p.file_split == "unit":
        p.use("file-per-unit")
        groups = [(o.times, [u], False) for u in o.units] + ([(o.times, [], True)] if p.grand_total else [])
    else:
        groups = [(o.times, o.units, p.grand_total)]
    if p.fmt == "mixed":
        first = rng.choice(["xlsx", "csv"])
        fmts = [first if i % 2 == 0 else ("csv" if first == "xlsx" else "xlsx") for i in range(len(groups))]
        if len(set(fmts)) == 2:
            p.use("mixed-formats")
    else:
        fmts = [p.fmt] * len(groups)
    files = []
    for (times, units, prov), fmt in zip(groups, fmts):
        F = FileSpec(times, units, prov, fmt)
        years = sorted({t[0] for t in times})
        if fmt == "xlsx" and p.sheet_split == "year" and len(years) > 1:
            p.use("sheet-per-year")
            F.sheets = [SheetSpec([t for t in times if t[0] == y], units, prov) for y in years]
        else:
            F.sheets = [SheetSpec(times, units, prov)]
        for i, S in enumerate(F.sheets):
            setup_sheet(B, F, S, i)
        style_file(B, F)
        files.append(F)
    name_files(B, files)
    return files


def setup_sheet(B, F, S, i):
    p, o, rng = B.plan, B.o, B.rng
    years = sorted({t[0] for t in S.times})
    pers = sorted({t[1] for t in S.times})
    S.fixed_year = years[0] if len(years) == 1 else None
    S.fixed_period = pers[0] if len(pers) == 1 else None
    S.fixed_t = (S.fixed_year, S.fixed_period) if S.fixed_year and S.fixed_period else None
    S.fixed_unit = S.units[0] if p.file_split == "unit" and len(S.units) == 1 else None
    S.time_col = p.layout in ("long", "ucols", "upairs", "igroups") and (S.fixed_t is None or p.period_rows)
    S.unit_hidden = False
    if S.fixed_year:
        avail = ["title"]
        if F.fmt == "xlsx":
            avail.append("sheet")
        if len({t[0] for t in F.times}) == 1:
            avail.append("file")
        if (p.layout == "cungky" or (p.layout in ("long", "ucols") and p.hdr_group)
                or (p.layout in ("upairs", "igroups") and p.hdr_three)):
            avail.append("header")
        if p.year_only and p.year_only in avail:
            S.year_src = {p.year_only}
            p.use({"sheet": "year-only-in-sheet-name", "title": "year-only-in-title",
                   "file": "year-only-in-file-name"}[p.year_only])
        else:
            S.year_src = {a for a in avail if a in B.year_pref} or {"title"}
    if S.fixed_unit is not None:
        u = S.fixed_unit
        if p.unit_only:
            src = {p.unit_only}
            p.use("unit-only-in-title" if p.unit_only == "title" else "unit-only-in-file-name")
        else:
            src = {"col"} | {a for a in ("title", "file") if rng.random() < 0.4}
        S.unit_src = src
        S.unit_hidden = "col" not in src
        name = B.unit_name(u, S.fixed_year)
        if "title" in src:
            S.unit_title = rng.choice(["suffix", "line"] + (["agency"] if p.title_block else []))
            if S.unit_title == "line":
                lead = rng.choice(["Đơn vị: ", "Đơn vị báo cáo: ", "Đơn vị thực hiện: "])
                S.unit_title_line = lead + name
                S.unit_as_written = name
            else:
                S.unit_as_written = name.upper()
        elif "file" in src:
            S.unit_as_written = name
    if F.fmt == "xlsx":
        if S.fixed_year and "sheet" in S.year_src:
            y = S.fixed_year
            if p.school_years:
                p.use("school-years")
            S.name = ([f"{y - 1}-{y}", f"NH {y - 1}-{y}"][B.sheet_style % 2] if p.school_years
                      else [f"Năm {y}", str(y), f"NĂM {y}", f"Nam {y}", f"BC {y}"][B.sheet_style])
        elif len(F.sheets) > 1:
            S.name = ["Sheet{n}", "Biểu 01 ({n})", "Bieu {n}", "Sheet{n}", "Bieu {n}"][B.sheet_style].replace(
                "{n}", str(i + 1))
            if S.name == "Biểu 01 (1)":
                S.name = "Biểu 01"
        else:
            S.name = rng.choice(["Sheet1", "Biểu 01", "Tong hop", "Tổng hợp", "TH", "Bieu 01", "Biểu tổng hợp"])
        if len(F.sheets) > 1 and any(s.name == S.name for s in F.sheets[:i]):
            S.name = f"{S.name} ({i + 1})"


def style_file(B, F):
    p, rng = B.plan, B.rng
    st = F.style
    st.loc, st.group, st.nfd = p.loc, p.group, p.nfd
    if F.fmt == "xlsx":
        st.xl_text, st.xl_pct = p.xl_text, p.xl_pct
        st.pct_sign = p.xl_text and rng.random() < 0.4
    else:
        st.enc = p.enc or "utf-8"
        st.delim = p.delim or ("\t" if st.enc.startswith("utf-16") else ";")
        st.eol = p.eol or ("\r\n" if st.enc.startswith("utf-16") else "\n")
        st.quote_all = p.quote_all
        st.pct_sign = p.pct_sign or rng.random() < 0.3
        st.legacy = st.enc == "cp1258"


def name_files(B, files):
    p, o, rng = B.plan, B.o, B.rng
    base = rng.choice(["Bieu tong hop chi tieu", "Biểu tổng hợp kết quả thực hiện chỉ tiêu", "Tong hop KQ chi tieu",
                       "bao-cao-chi-tieu", "KPI_export", "Bao cao ket qua thuc hien"])
    seen = set()
    for i, F in enumerate(files):
        S = F.sheets[0]
        year_in_name = len(F.sheets) == 1 and S.fixed_year and "file" in S.year_src
        if p.file_split == "unit":
            if S.fixed_unit is None:
                name = rng.choice(["tong-hop-toan-tinh", "Toàn tỉnh", "TONG HOP"])
            elif "file" in S.unit_src:
                name = rng.choice(["KQ chỉ tiêu - ", "Báo cáo - ", ""]) + B.unit_name(S.fixed_unit, S.fixed_year)
                if S.unit_hidden and S.unit_title is None:
                    S.unit_as_written = B.unit_name(S.fixed_unit, S.fixed_year)
            elif "col" in S.unit_src:
                name = slug(base)[:12].strip("-") + "-" + slug(S.fixed_unit.key)
            else:
                name = f"{slug(base)}_{S.fixed_unit.code}"
        elif p.file_split == "year":
            name = base if year_in_name else f"{base} ({i + 1})"
        else:
            name = base
            if p.fname_year:
                p.use("file-name-year-contradicted")
                y = o.years[-1]
                name = rng.choice([f"so-ket-6-thang-{y}", f"Bao cao nam {y}", f"{base} {y}", f"KQ {y} (tong hop)"])
        if year_in_name and str(S.fixed_year) not in name:
            name += f" {S.fixed_year}" if not p.school_years else f" {S.fixed_year - 1}-{S.fixed_year}"
        ext = ".xlsx" if F.fmt == "xlsx" else ".txt" if F.style.enc.startswith("utf-16") else ".csv"
        while name + ext in seen:
            name += " (2)"
        seen.add(name + ext)
        F.name = name + ext


# ----------------------------------------------------------------------------------------------------------
# Writers
# ----------------------------------------------------------------------------------------------------------

BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="center")
THIN = Border(bottom=Side(style="thin", color="FFFFFF"))
FIXED_TIME = datetime.datetime(2025, 1, 8, 8, 0, 0)


def write_xlsx(path, sheets, st):
    """sheets: [(name, Grid, hidden)] -> an .xlsx with merges, bold headings, number formats; byte-stable."""
    wb = openpyxl.Workbook()
    for i, (name, g, hidden) in enumerate(sheets):
        ws = wb.active if i == 0 else wb.create_sheet()
        ws.title = name
        if hidden:
            ws.sheet_state = "hidden"
        width = {}
        for r, row in enumerate(g.rows, 1):
            bold = (r - 1) in g.bold
            for c, v in enumerate(row, 1):
                if v is None or v == "":
                    continue
                val, nf = xlsx_value(v, st)
                cell = ws.cell(r, c, val)
                if nf:
                    cell.number_format = nf
                if bold:
                    cell.font = BOLD
                if isinstance(val, str):
                    if "\n" in val:
                        cell.alignment = WRAP
                    if len(val) < 60:
                        width[c] = max(width.get(c, 8), min(45, len(val) + 2))
        for a, b, c, d in g.merges:
            ws.merge_cells(start_row=a + 1, start_column=b + 1, end_row=c + 1, end_column=d + 1)
        for c, w in width.items():
            ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width = w
        if g.pad_rows or g.pad_cols:
            last_r = len(g.rows) + g.pad_rows
            last_c = max(len(r) for r in g.rows) + g.pad_cols
            ws.cell(last_r, last_c).border = THIN
            ws.cell(last_r, 1).border = THIN
    wb.properties.created = wb.properties.modified = FIXED_TIME
    wb.properties.creator = "Văn phòng"
    buf = io.BytesIO()
    wb.save(buf)
    # repack with fixed timestamps so that one seed gives the same bytes
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 8, 8, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":       # openpyxl stamps "modified" with the clock
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2025-01-08T08:00:00Z", data)
            z.writestr(zi, data)
    with open(path, "wb") as f:
        f.write(out.getvalue())


def csv_text(g, st):
    width = max(len(r) for r in g.rows) + g.pad_cols
    lines = []
    d = st.delim
    for row in g.rows + [[]] * g.pad_rows:
        fields = [render_text(v, st) for v in row] + [""] * (width - len(row))
        out = []
        for f in fields:
            if st.quote_all or d in f or '"' in f or "\n" in f or "\r" in f:
                f = '"' + f.replace('"', '""') + '"'
            out.append(f)
        lines.append(d.join(out))
    return st.eol.join(lines) + st.eol


def write_csv(path, g, st):
    text = csv_text(g, st)
    if st.enc == "utf-8-sig":
        data = b"\xef\xbb\xbf" + text.encode("utf-8")
    elif st.enc == "utf-16-le":
        data = b"\xff\xfe" + text.encode("utf-16-le")
    elif st.enc == "utf-16-be":
        data = b"\xfe\xff" + text.encode("utf-16-be")
    elif st.enc == "cp1258":
        data = to_cp1258(text).encode("cp1258")
    else:
        data = text.encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)


# ----------------------------------------------------------------------------------------------------------
# One case: build, check, write
# ----------------------------------------------------------------------------------------------------------

def build_files(B):
    """Every file's grids; the truth accumulates in B."""
    p, rng = B.plan, B.rng
    files = plan_files(B)
    for F in files:
        for S in F.sheets:
            if p.layout in ("long", "wide", "cungky"):
                cols, body = layout_rows(B, F, S)
            elif p.layout in ("ucols", "upairs"):
                cols, body = layout_unit_cols(B, F, S, p.layout == "upairs")
            else:
                cols, body = layout_ind_groups(B, F, S)
            if p.layout == "long":
                p.use("long-format")
            trows, tmerges, tbold = table_grid(B, cols, body)
            g = decorate(B, F, S, trows, tmerges, tbold, len(cols))
            F.out.append((S.name, g, False))
        if F.fmt == "xlsx" and p.hidden_draft:
            p.use("hidden-draft-sheet")
            name, g, _ = F.out[0]
            F.out.insert(1, (rng.choice(["Nháp (cũ)", "Bản cũ", "Nhap", f"{name[:20]} (2)"]), draft_of(g, rng), True))
        if F.fmt == "xlsx" and p.notes_sheet:
            p.use("notes-sheet")
            F.out.append(("Ghi chú", notes_grid(B), False))
        st = F.style
        text = F.fmt == "csv" or st.xl_text
        if text and st.loc == "en":
            p.use("locale-en")
        if F.fmt == "xlsx" and st.xl_text:
            p.use("xlsx-numbers-as-text")
        if F.fmt == "csv":
            for name, val in (("csv-utf8-bom", "utf-8-sig"), ("utf16-tab-txt", "utf-16-le"), ("utf16-be", "utf-16-be"),
                              ("cp1258", "cp1258")):
                if st.enc == val:
                    p.use(name)
            for name, val in (("delimiter-comma", ","), ("delimiter-tab", "\t"), ("delimiter-pipe", "|")):
                if st.delim == val and name in p.traits:
                    p.use(name)
            if st.eol == "\r\n" and "crlf" in p.traits:
                p.use("crlf")
            if st.eol == "\r":
                p.use("cr-line-ends")
            if st.quote_all:
                p.use("csv-quote-all")
        if st.nfd:
            p.use("nfd-text")
        if B.plan.uneven:
            p.use("uneven-indicators")
    return files


def draft_of(g, rng):
    """An older draft of a sheet: the same form, some counts one lower, some rates a little off."""
    d = Grid()
    d.merges, d.bold = list(g.merges), set(g.bold)
    for row in g.rows:
        out = []
        for v in row:
            if isinstance(v, V) and not v.parts and rng.random() < 0.5:
                if v.dec == 0 and v.x > 0:
                    v = V(v.x - 1, 0, v.pct, v.pre, v.suf)
                elif v.dec > 0 and not v.pre:
                    v = V(round(max(0.0, v.x - 0.5), v.dec), v.dec, v.pct, v.pre, v.suf)
            out.append(v)
        d.rows.append(out)
    return d


def notes_grid(B):
    g = Grid()
    ag = B.o.agency
    for line in ["Ghi chú:", "- Số liệu lấy từ hệ thống báo cáo thống kê của ngành.",
                 "- Tỷ lệ % = Kết quả (TH) / Chỉ tiêu giao (KH) x 100; chỉ tiêu giới hạn (Không quá) không tính tỷ lệ.",
                 f"- Đầu mối tổng hợp: {ag['office'].format(P=B.o.province.upper()).capitalize()}."]:
        g.add([line])
    return g


def locale_problems(F):
    """A text file whose numbers could be read both ways (1.054 = 1054 or 1,054) must also hold one that
    settles it (85,5 or 1.054,5): an analyst could not read it otherwise."""
    st = F.style
    if not (F.fmt == "csv" or st.xl_text):
        return []
    amb = proof = False
    sep, dec = (".", ",") if st.loc == "vi" else (",", ".")
    for _, g, hidden in F.out:
        if hidden:
            continue
        for row in g.rows:
            for v in row:
                if not isinstance(v, V):
                    continue
                nums = [n for n, _ in v.parts] if v.parts else [v.x]
                for x in nums:
                    s = fmt_num(x, 0 if v.parts else v.dec, st.loc, st.group, trim=bool(v.pre or v.suf))
                    if dec in s:
                        proof = True
                    elif sep in s and s.count(sep) == 1:
                        amb = True
                    elif sep in s:
                        proof = True
    return [f"{F.name}: thousands separators with nothing that settles the locale"] if amb and not proof else []


def check_case(B, files, o):
    problems = []
    p = B.plan
    missing = [t for t in p.traits if t not in p.used]
    if missing:
        problems.append(f"traits without effect: {missing}")
    if set(B.reg) != set(o.recs) or any(n != 1 for n in B.reg.values()):
        problems.append("unit figures not carried exactly once")
    if p.grand_total:
        if set(B.preg) != set(o.prov) or any(n != 1 for n in B.preg.values()):
            problems.append("province figures not carried exactly once")
    elif B.preg:
        problems.append("province figures without a total")
    for F in files:
        problems += locale_problems(F)
    return problems


def make_case(case_seed, out_dir, max_attempts=40):
    """One office through several traits: its files and truth.json in out_dir."""
    for attempt in range(max_attempts):
        rng = random.Random(case_seed * 1009 + attempt)
        traits = draw_traits(rng)
        plan = Plan(rng, traits)
        o = make_office(rng, plan)
        apply_marks(rng, o, plan)
        B = Builder(rng, plan, o)
        files = build_files(B)
        problems = check_case(B, files, o)
        if not problems:
            break
    else:
        raise RuntimeError(f"case {case_seed}: {problems}")
    write_case(out_dir, case_seed, plan.traits, files, B)
    return plan.traits


def write_case(out_dir, seed, traits, files, B):
    os.makedirs(out_dir, exist_ok=True)
    for F in files:
        path = os.path.join(out_dir, F.name)
        if F.fmt == "xlsx":
            write_xlsx(path, F.out, F.style)
        else:
            write_csv(path, F.out[0][1], F.style)
    truth = {"seed": seed, "traits": list(traits), "files": [F.name for F in files],
             "rows": B.rows, "province": B.province}
    if B.subtotals:
        truth["subtotals"] = B.subtotals
    with open(os.path.join(out_dir, "truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
        f.write("\n")


def cmd_combos(args):
    if args.case_seed is not None:
        traits = make_case(args.case_seed, args.out)
        print(f"{args.out}: {', '.join(traits)}")
        return
    os.makedirs(args.out, exist_ok=True)
    for i in range(args.count):
        seed = args.seed * 100000 + i
        make_case(seed, os.path.join(args.out, f"case-{i:04d}"))


# ----------------------------------------------------------------------------------------------------------
# The fourth agency: Công an tỉnh Hà Tĩnh (fictional figures), as its staff office keeps its files
# ----------------------------------------------------------------------------------------------------------
# Công an tỉnh Hà Tĩnh's statistical year runs 15 December - 14 December. Its staff office (Phòng Tham mưu) has:
#   1. "Bieu 01 - KQ thuc hien chi tieu nam 2023.xlsx": the signed year-end form for 2023 - agency and Quốc hiệu
#      block, title, period line, a two-row header under "Kết quả thực hiện năm 2023", a numbering row, sections
#      "I"/"II" merged across, units merged down, targets "≥ 75%" / "Không quá 7 ngày", rates stored as fractions
#      with a percent format, "Không phát sinh", "-" for a rate with no cases, a paired count "41 vụ/78 đối tượng",
#      a "TỔNG CỘNG TOÀN TỈNH" block, notes, signatures, "Nơi nhận:", and a hidden older draft sheet.
#   2. "So ket 6 thang dau nam 2024 (PV01).xlsx": the sơ kết: KH năm 2024 | Cùng kỳ 2023 | 6 tháng đầu năm 2024 |
#      Tăng (+), giảm (−) | Tỷ lệ %; units as sub-heading rows ("Phòng Cảnh sát hình sự (PC02)"), letter sections,
#      "TOÀN TỈNH" first, the header printed again after "Trang 2", other spellings ("Công an TP Hà Tĩnh",
#      "Tỉ lệ ..."), a second visible sheet "Ghi chú".
#   3. "PC08 - TNGT theo quy 2022-2023.txt": the traffic police's quarterly export, Excel "Unicode text" (UTF-16 LE,
#      tab, CRLF): "Kỳ báo cáo" = "Năm 2022", "Quý I/2023" ... "Quý IV/2023", unit codes, "1.254" numbers.
#   4. "KPI_CAT_2022.csv": the old KPI system's 2022 export in Windows-1258, ";" - codes, "Tên chỉ tiêu",
#      "Chỉ tiêu giao", "x" for nothing, "Công an Tp. Hà Tĩnh", and the system's "Toàn tỉnh" rows.

# the catalogue's traits that the police office's files show
AGENCY_TRAITS = ["long-format", "cung-ky-columns", "period-rows", "quarters-and-9-months", "mixed-formats",
                 "title-block", "quoc-hieu", "period-line", "report-date-line", "header-group-heading",
                 "numbering-row", "header-repeated", "header-synonyms", "stt-column", "code-columns", "measure-column",
                 "completion-column", "change-columns", "notes-column", "section-roman-merged", "section-letter-cell",
                 "unit-once", "unit-subheading", "grand-total", "total-at-top", "notes-under-table", "signature-block",
                 "noi-nhan-block", "xlsx-percent-fraction", "target-words", "nothing-words", "dash-for-missing",
                 "paired-counts", "large-numbers", "hidden-draft-sheet", "notes-sheet", "utf16-tab-txt", "cp1258",
                 "crlf", "unit-spelling-variants", "indicator-spelling-variants", "uneven-indicators"]
CA_DEPTS = [("Phòng Cảnh sát hình sự", "PC02"), ("Phòng Cảnh sát kinh tế", "PC03"),
            ("Phòng Cảnh sát điều tra tội phạm về ma túy", "PC04"), ("Phòng Cảnh sát giao thông", "PC08")]
CA_DISTS = [("tp", "Hà Tĩnh", "CAH01"), ("tx", "Hồng Lĩnh", "CAH02"), ("tx", "Kỳ Anh", "CAH03"),
            ("h", "Đức Thọ", "CAH04"), ("h", "Hương Sơn", "CAH05"), ("h", "Cẩm Xuyên", "CAH06"),
            ("h", "Thạch Hà", "CAH07")]
CA_INDS = [
    ("Số vụ phạm pháp hình sự xảy ra", "vụ", "count", "lower", "none", (20, 90), None),
    ("Tỷ lệ điều tra khám phá án phạm pháp hình sự", "%", "rate", "higher", "thr", 75, None),
    ("Tỷ lệ điều tra khám phá án rất nghiêm trọng, đặc biệt nghiêm trọng", "%", "rate", "higher", "thr", 90, None),
    ("Tỷ lệ giải quyết tố giác, tin báo về tội phạm", "%", "rate", "higher", "thr", 90, None),
    ("Số vụ phạm tội về ma túy phát hiện, bắt giữ", "vụ", "count", "higher", "unit", (8, 40), "A"),
    ("Số đối tượng phạm tội về ma túy bị bắt giữ", "đối tượng", "count", "higher", "unit", (12, 70), "B"),
    ("Số vụ phạm tội về kinh tế, buôn lậu phát hiện", "vụ", "count", "higher", "unit", (20, 60), None),
    ("Số vụ tai nạn giao thông", "vụ", "count", "lower", "none", (10, 60), None),
    ("Số người chết do tai nạn giao thông", "người", "count", "lower", "none", (5, 30), None),
    ("Số tiền xử phạt vi phạm hành chính về trật tự an toàn giao thông", "triệu đồng", "money", "higher", "unit",
     (800, 9000), None),
    ("Thời gian giải quyết hồ sơ cấp căn cước trung bình", "ngày", "avg", "lower", "ceil", 7, None),
    ("Số vụ án quá hạn điều tra", "vụ", "count", "lower", "zero", (0, 0), None),
]
CA_REPORTS = {"PC02": [0, 1, 2, 3], "PC03": [3, 6], "PC04": [4, 5], "PC08": [7, 8, 9],
              "district": [0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11]}
TRAFFIC = {7, 8, 9}


class Agency:
    """The police office's truth and the helpers its four files share."""

    def __init__(self):
        rng = self.rng = random.Random(20240614)
        o = self.o = Office()
        o.kind, o.agency, o.province = "police", AGENCIES["police"], "Hà Tĩnh"
        for name, code in CA_DEPTS:
            o.units.append(Unit(name, "tinh", code, rng.uniform(0.5, 0.9)))
        for t, d, code in CA_DISTS:
            o.units.append(Unit(f"Công an {DIST_WORD[t]} {d}", "huyen", code,
                                rng.uniform(1.2, 1.6) if t == "tp" else rng.uniform(0.6, 1.2), t, d))
        o.inds = [Ind(s, 1 if s[2] in ("rate", "avg") else 0, f"CT{k + 1:02d}") for k, s in enumerate(CA_INDS)]
        o.inds[4].pair = o.inds[5]
        o.inds[5].pair = None
        for u in o.units:
            o.reports[u.key] = [o.inds[i] for i in CA_REPORTS.get(u.code, CA_REPORTS["district"])]
        opts = type("P", (), {"several_targets": False})()
        for u in o.units:
            for ind in o.reports[u.key]:
                gen_series(rng, o, u, ind, [2022, 2023, 2024], opts)
        link_series(rng, o, [2022, 2023, 2024])
        self.rows, self.province = [], []
        self.seen = set()

    def rec(self, y, p, u, ind):
        t, a, _ = self.o.hist[(y, p, u.key, ind.key)]
        return t, a

    def unit(self, key):
        return next(u for u in self.o.units if u.key == key)

    def figures(self, y, p, ind, quirks=None):
        """[(unit, target, actual as written, cell)] for the units reporting ind, and their total as the office
        writes it (computed from the figures as written)."""
        out = []
        for u in self.o.units:
            if ind not in self.o.reports[u.key]:
                continue
            t, a = self.rec(y, p, u, ind)
            cell = V(a, ind.dec, ind.is_rate)
            if quirks and (u.key, ind.key) in quirks:
                a, cell = quirks[(u.key, ind.key)](a)
            out.append((u, t, a, cell))
        tot = aggregate([Rec(y, p, u, ind, t, a) for u, t, a, _ in out], ind, y, p)
        return out, tot

    def add(self, file, sheet, y, p, u, uname, ind, iname, target, actual, previous=None):
        key = (y, p, u.key, ind.key)
        assert key not in self.seen, key
        self.seen.add(key)
        row = {"file": file, "sheet": sheet, "year": y, "period": p, "unit": uname, "unit_key": u.key,
               "indicator": iname, "indicator_key": ind.key, "target": target, "actual": actual}
        if previous is not None:
            row["previous"] = previous
        self.rows.append(row)

    def add_prov(self, y, p, ind, iname, target, actual):
        self.province.append({"year": y, "period": p, "indicator": iname, "indicator_key": ind.key,
                              "target": target, "actual": actual})

    @staticmethod
    def target_text(ind, t, legacy=False):
        """The staff office's words for a target."""
        if t is None:
            return None
        if ind.tstyle == "thr":
            return V(t, 0, True, pre=">= " if legacy else "≥ ", suf="%")
        if ind.tstyle == "ceil":
            return V(t, 0, pre="Không quá ", suf=" ngày")
        return V(t, 0)


def agency_year_form(A, out):
    """File 1: the signed 2023 year-end form, with its hidden older draft."""
    o, rng = A.o, A.rng
    fname, sheet = "Bieu 01 - KQ thuc hien chi tieu nam 2023.xlsx", "Biểu 01"
    g = Grid()
    W = 8
    g.add(["CÔNG AN TỈNH HÀ TĨNH", None, None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], bold=True)
    g.add(["PHÒNG THAM MƯU", None, None, None, "Độc lập - Tự do - Hạnh phúc"], bold=True)
    g.add([None, None, None, None, "Hà Tĩnh, ngày 18 tháng 12 năm 2023"])
    g.merges += [(0, 0, 0, 2), (1, 0, 1, 2), (0, 4, 0, 7), (1, 4, 1, 7), (2, 4, 2, 7)]
    g.add([])
    g.add(["BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CÔNG TÁC NĂM 2023"], bold=True)
    g.add(["(Số liệu từ ngày 15/12/2022 đến ngày 14/12/2023)"])
    g.add(["(Kèm theo Báo cáo số 512/BC-CAT-PV01 ngày 18/12/2023 của Công an tỉnh Hà Tĩnh)"])
    g.merges += [(4, 0, 4, 7), (5, 0, 5, 7), (6, 0, 6, 7)]
    g.add([])
    h = len(g.rows)
    g.add(["STT", "Đơn vị", "Chỉ tiêu", "ĐVT", "Kết quả thực hiện năm 2023", None, None, "Ghi chú"], bold=True)
    g.add([None, None, None, None, "Chỉ tiêu giao", "Thực hiện", "Tỷ lệ %", None], bold=True)
    g.merges += [(h, 0, h + 1, 0), (h, 1, h + 1, 1), (h, 2, h + 1, 2), (h, 3, h + 1, 3), (h, 4, h, 6),
                 (h, 7, h + 1, 7)]
    g.add(["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)=(6)/(5)", "(8)"])
    kyanh = A.unit("Công an thị xã Kỳ Anh")       # writes its drug cases as one paired cell
    b = A.rec(2023, "year", kyanh, o.inds[5])[1]
    quirks = {("Công an thị xã Hồng Lĩnh", o.inds[2].key): lambda a: (None, "-"),   # no very serious case
              ("Công an huyện Đức Thọ", o.inds[11].key): lambda a: (0, "Không phát sinh"),
              (kyanh.key, o.inds[4].key): lambda a: (a, V(0, parts=[(a, "vụ"), (b, "đối tượng")]))}
    figs = {ind.key: A.figures(2023, "year", ind, quirks) for ind in o.inds}

    def block(label, u, stt, y=2023):
        inds = o.inds if u is None else o.reports[u.key]
        start = len(g.rows)
        for k, ind in enumerate(inds):
            rows, tot = figs[ind.key]
            if u is None:
                t, a = tot.target, tot.actual
                cell_a = V(a, ind.dec, ind.is_rate) if a is not None else "-"
            else:
                t, a, cell_a = next((t, a, c) for x, t, a, c in rows if x is u)
            comp = None
            if t and a is not None and ind.direction == "higher":
                comp = V(round(a / t * 100, 1), 1)
            note = None
            if t is not None and a is not None:
                ok = a <= t if ind.direction == "lower" else a >= t
                note = "Đạt" if ok else "Không đạt"
            g.add([stt if k == 0 else None, label if k == 0 else None, ind.key, ind.measure,
                   A.target_text(ind, t), cell_a, comp, note], bold=u is None)
            if u is not None:
                A.add(fname, sheet, y, "year", u, label, ind, ind.key, t, a)
            else:
                A.add_prov(y, "year", ind, ind.key, t, a)
        g.merges += [(start, 0, len(g.rows) - 1, 0), (start, 1, len(g.rows) - 1, 1)]

    g.add(["I", "CÁC PHÒNG NGHIỆP VỤ"], bold=True)
    g.merges.append((len(g.rows) - 1, 1, len(g.rows) - 1, 7))
    for i, u in enumerate(o.units[:4]):
        block(u.key, u, i + 1)
    g.add(["II", "CÔNG AN CÁC HUYỆN, THỊ XÃ, THÀNH PHỐ"], bold=True)
    g.merges.append((len(g.rows) - 1, 1, len(g.rows) - 1, 7))
    for i, u in enumerate(o.units[4:]):
        block(u.key, u, i + 1)
    block("TỔNG CỘNG TOÀN TỈNH", None, None)
    g.add([])
    g.add(["Ghi chú:"])
    g.add(["- Chỉ tiêu giao theo Kế hoạch số 86/KH-CAT ngày 20/01/2023 của Giám đốc Công an tỉnh."])
    g.add(["- Đơn vị không phát sinh vụ việc ghi \"Không phát sinh\"; tỷ lệ không có vụ án để tính ghi \"-\"."])
    g.add(["- Tỷ lệ % = Thực hiện / Chỉ tiêu giao x 100 (chỉ tiêu giới hạn không tính)."])
    g.add([])
    g.add([None, "NGƯỜI LẬP BIỂU", None, None, None, "KT. GIÁM ĐỐC"], bold=True)
    g.add([None, None, None, None, None, "PHÓ GIÁM ĐỐC"], bold=True)
    g.add([])
    g.add([])
    g.add([])
    g.add([None, "Đại úy Trần Thị Hương", None, None, None, "Đại tá Nguyễn Văn Hải"], bold=True)
    g.add([])
    for line in ["Nơi nhận:", "- Bộ Công an (V01) (để báo cáo);", "- Đồng chí Giám đốc;",
                 "- Các Phó Giám đốc;", "- Lưu: VT, PV01."]:
        g.add([line])
    st = FileStyle("xlsx")
    st.xl_pct = True
    draft = draft_of(g, random.Random(7))
    write_xlsx(os.path.join(out, fname), [(sheet, g, False), ("Biểu 01 (cũ)", draft, True)], st)
    return fname


def agency_so_ket(A, out):
    """File 2: the sơ kết 6 tháng đầu năm 2024 with the office's own cùng kỳ."""
    o = A.o
    fname, sheet = "So ket 6 thang dau nam 2024 (PV01).xlsx", "6T-2024"
    spelled = {"Công an thành phố Hà Tĩnh": "Công an TP Hà Tĩnh", "Công an thị xã Kỳ Anh": "Công an TX. Kỳ Anh"}
    ind_spelled = {o.inds[1].key: o.inds[1].key.replace("Tỷ lệ", "Tỉ lệ")}
    g = Grid()
    g.add(["CÔNG AN TỈNH HÀ TĨNH", None, None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], bold=True)
    g.add(["PHÒNG THAM MƯU", None, None, None, "Độc lập - Tự do - Hạnh phúc"], bold=True)
    g.merges += [(0, 0, 0, 2), (1, 0, 1, 2), (0, 4, 0, 8), (1, 4, 1, 8)]
    g.add([])
    g.add(["BÁO CÁO SƠ KẾT 6 THÁNG ĐẦU NĂM 2024"], bold=True)
    g.add(["KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CÔNG TÁC"], bold=True)
    g.add(["(Từ ngày 15/12/2023 đến ngày 14/6/2024)"])
    g.merges += [(3, 0, 3, 8), (4, 0, 4, 8), (5, 0, 5, 8)]
    g.add([])
    header = [["STT", "Nội dung chỉ tiêu", "ĐVT", "KH năm 2024", "Kết quả", None, "So sánh cùng kỳ", None,
               "Ghi chú"],
              [None, None, None, None, "Cùng kỳ 2023", "6 tháng đầu năm 2024", "Tăng (+), giảm (−)", "Tỷ lệ %",
               None]]

    def put_header():
        h = len(g.rows)
        for r in header:
            g.add(r, bold=True)
        g.merges.extend([(h, 0, h + 1, 0), (h, 1, h + 1, 1), (h, 2, h + 1, 2), (h, 3, h + 1, 3), (h, 4, h, 5),
                         (h, 6, h, 7), (h, 8, h + 1, 8)])

    put_header()

    def fig(x, ind):
        return "-" if x is None else V(x, ind.dec, ind.is_rate)

    def rows_for(u, label, stt):
        g.add([stt, label], bold=True)
        inds = o.inds if u is None else o.reports[u.key]
        for ind in inds:
            if u is None:
                cur, prev = A.figures(2024, "h1", ind)[1], A.figures(2023, "h1", ind)[1]
                t, a, pv = cur.target, cur.actual, prev.actual
            else:
                t, a = A.rec(2024, "h1", u, ind)
                pv = A.rec(2023, "h1", u, ind)[1]
            iname = ind_spelled.get(ind.key, ind.key)
            diff = V(rnd(a - pv, ind.dec), ind.dec) if a is not None and pv is not None else None
            pct = V(round(a / pv * 100, 1), 1) if a is not None and pv else None
            g.add([None, iname, ind.measure, A.target_text(ind, t), fig(pv, ind), fig(a, ind), diff, pct, None],
                  bold=u is None)
            if u is None:
                A.add_prov(2024, "h1", ind, iname, t, a)
            else:
                A.add(fname, sheet, 2024, "h1", u, label, ind, iname, t, a, pv)

    rows_for(None, "TOÀN TỈNH", None)
    g.add([None, "A. KHỐI PHÒNG NGHIỆP VỤ"], bold=True)
    for i, (u, (_, code)) in enumerate(zip(o.units[:4], CA_DEPTS)):
        rows_for(u, f"{u.key} ({code})", i + 1)
    g.add(["Trang 2"])
    put_header()
    g.add([None, "B. CÔNG AN CẤP HUYỆN"], bold=True)
    for i, u in enumerate(o.units[4:]):
        rows_for(u, spelled.get(u.key, u.key), i + 1)
    g.add([])
    g.add(["(*) Tỷ lệ % so sánh = Kỳ này / Cùng kỳ x 100; số liệu cùng kỳ theo báo cáo sơ kết năm 2023."])
    g.add([None, None, None, None, None, "Hà Tĩnh, ngày 20 tháng 6 năm 2024"])
    g.add([None, "NGƯỜI LẬP BIỂU", None, None, None, "KT. GIÁM ĐỐC"], bold=True)
    g.add([None, None, None, None, None, "PHÓ GIÁM ĐỐC"], bold=True)
    g.add([])
    g.add([])
    g.add([None, "Thiếu tá Lê Thị Thu Hà", None, None, None, "Đại tá Phan Quốc Sơn"], bold=True)
    notes = Grid()
    for line in ["Ghi chú:", "- Kỳ báo cáo 6 tháng tính từ ngày 15/12 năm trước đến ngày 14/6.",
                 "- Chỉ tiêu năm 2024 giao theo Kế hoạch số 15/KH-CAT ngày 12/01/2024.",
                 "- Công an TX. Kỳ Anh gửi số liệu chậm, đã cập nhật ngày 19/6/2024."]:
        notes.add([line])
    write_xlsx(os.path.join(out, fname), [(sheet, g, False), ("Ghi chú", notes, False)], FileStyle("xlsx"))
    return fname


def agency_traffic(A, out):
    """File 3: the traffic police's quarterly export (UTF-16 LE, tab)."""
    o = A.o
    fname = "PC08 - TNGT theo quy 2022-2023.txt"
    g = Grid()
    g.add(["Kỳ báo cáo", "Mã đơn vị", "Đơn vị", "Chỉ tiêu", "ĐVT", "KH năm", "Thực hiện"])
    units = [u for u in o.units if u.code == "PC08" or u.group == "huyen"]
    for y, p in [(2022, "year"), (2023, "q1"), (2023, "q2"), (2023, "q3"), (2023, "q4")]:
        label = "Năm 2022" if p == "year" else f"Quý {ROMAN[int(p[1]) - 1]}/{y}"
        for u in units:
            for ind in o.reports[u.key]:
                if o.inds.index(ind) not in TRAFFIC:
                    continue
                t, a = A.rec(y, p, u, ind)
                g.add([label, u.code, u.key, ind.key, ind.measure, V(t, 0) if t is not None else None, V(a, 0)])
                A.add(fname, None, y, p, u, u.key, ind, ind.key, t, a)
    st = FileStyle("csv")
    st.enc, st.delim, st.eol = "utf-16-le", "\t", "\r\n"
    write_csv(os.path.join(out, fname), g, st)
    return fname


def agency_kpi_2022(A, out):
    """File 4: the old KPI system's 2022 export (Windows-1258, ';')."""
    o = A.o
    fname = "KPI_CAT_2022.csv"
    g = Grid()
    g.add(["Năm", "Mã đơn vị", "Tên đơn vị", "Mã chỉ tiêu", "Tên chỉ tiêu", "Đơn vị tính", "Chỉ tiêu giao",
           "Kết quả"])
    spelled = {"Công an thành phố Hà Tĩnh": "Công an Tp. Hà Tĩnh"}
    quirks = {("Công an huyện Cẩm Xuyên", o.inds[11].key): lambda a: (0, "x")}
    inds = [ind for k, ind in enumerate(o.inds) if k not in TRAFFIC]
    figs = {ind.key: A.figures(2022, "year", ind, quirks) for ind in inds}
    for u in o.units:
        for ind in o.reports[u.key]:
            if ind not in inds:
                continue
            t, a, cell = next((t, a, c) for x, t, a, c in figs[ind.key][0] if x is u)
            name = spelled.get(u.key, u.key)
            g.add([2022, u.code, name, ind.code, ind.key, ind.measure,
                   V(t, ind.dec, ind.is_rate) if t is not None else None, cell])
            A.add(fname, None, 2022, "year", u, name, ind, ind.key, t, a)
    for ind in inds:
        tot = figs[ind.key][1]
        t = tot.target
        g.add([2022, "TT", "Toàn tỉnh", ind.code, ind.key, ind.measure,
               V(t, ind.dec, ind.is_rate) if t is not None else None,
               V(tot.actual, ind.dec, ind.is_rate) if tot.actual is not None else "-"])
        A.add_prov(2022, "year", ind, ind.key, t, tot.actual)
    st = FileStyle("csv")
    st.enc, st.delim, st.eol, st.legacy = "cp1258", ";", "\r\n", True
    write_csv(os.path.join(out, fname), g, st)
    return fname


def cmd_agency(args):
    os.makedirs(args.out, exist_ok=True)
    A = Agency()
    files = [agency_year_form(A, args.out), agency_so_ket(A, args.out), agency_traffic(A, args.out),
             agency_kpi_2022(A, args.out)]
    truth = {"seed": 20240614, "traits": AGENCY_TRAITS, "files": files, "rows": A.rows, "province": A.province}
    with open(os.path.join(args.out, "truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"{args.out}: {len(files)} files, {len(A.rows)} unit figures, {len(A.province)} province figures")


# ----------------------------------------------------------------------------------------------------------
# Command line
# ----------------------------------------------------------------------------------------------------------

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="mode", required=True)
    c = sub.add_parser("combos", help="random offices, each through several traits")
    c.add_argument("--seed", type=int, default=1)
    c.add_argument("--count", type=int, default=300)
    c.add_argument("--case-seed", type=int, default=None, help="make the one case whose truth.json has this seed")
    c.add_argument("--out", required=True)
    a = sub.add_parser("agency", help="a fourth agency's files, as it keeps them")
    a.add_argument("--out", required=True)
    args = ap.parse_args(argv)
    if args.mode == "combos":
        cmd_combos(args)
    else:
        cmd_agency(args)


if __name__ == "__main__":
    main()
