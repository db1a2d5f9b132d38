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
import csv
import datetime
import io
import json
import os
import random
import sys
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
        sec=("CỤC THI HÀNH ÁN DÂN SỰ TỈNH", "CÁC CHI CỤC THI HÀNH ÁN DÂN SỰ"), title="CHỈ TIÊU, NHIỆM VỤ THI HÀNH ÁN DÂN SỰ",
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
