#!/usr/bin/env python3
"""Comparison test data for TongKet: what is compared with what (issue 35), with the truth of every figure.

Written from the text of issue 35 ("What is compared with what: the form's own cùng kỳ, items within items, merged
units, the agency's own rows"), issue 34 for context, DESIGN.md and the three shared offices' files only, WITHOUT
reading TongKet's Swift code, so that it tests that code honestly. Layouts imitate the shared offices' forms: the
agency block beside the Quốc hiệu, a title and period, "Đơn vị tính:", a header band of 1-3 rows with merged group
headings, sections, units merged down, total rows, notes under the table, signatures.

    python3 comparisons.py --seed S --count N --out DIR

writes DIR/case-000 ... DIR/case-(N-1), cycling three families (case i: i % 3). Each case is a folder of the
office's files (.xlsx through openpyxl, sometimes .csv in UTF-8) and truth.json. Only the standard library and
openpyxl (the grid, the page's parts and the file writers are forms.py's, beside this file and shared with
verdicts.py); all randomness from random.Random (case i of seed S draws from random.Random(f"{S}:{i}")); xlsx
timestamps are pinned, so a seed gives the same bytes every time. A draw whose truth fails its own checks (verify)
or whose CSV does not settle its number locale (a "85,5" or a "1.234.567" somewhere) is redrawn.

Families
  tax     A Cục Thuế tỉnh … (from 2025 "Thuế tỉnh …") and its Chi cục Thuế.
          (a) The province's revenue hierarchy: "TỔNG THU NSNN (A+B)" (or "= A + B", or no formula), "A. Thu nội
          địa", "1. Thu từ DNNN" over "1.1 DNNN trung ương | 1.2 DNNN địa phương" (sometimes "(1.1+1.2)"), "a) b)"
          items under "Thu khác ngân sách" (sometimes "(a+b)"), "Trong đó:" lines (a row of its own, or "Trong
          đó: X" inline) that are part of their parent and do not add up to it, "B. Thu từ hoạt động xuất nhập
          khẩu"; columns "Dự toán | Thực hiện | Cùng kỳ | So sánh (%) TH/DT | So với cùng kỳ (%)" in varied
          orders and wordings. Where the form states a formula the items add up exactly in every column; where it
          does not, the parent may hold more than its listed items. A refund in the cùng kỳ column: "(87,3)",
          "-1.234" or a negative number with the format "#,##0;(#,##0)".
          (b) The Chi cục: a sheet per Chi cục, a file per Chi cục (xlsx or csv), or one table of units (units
          merged down, unit headings, indicator headings, or units as rows under indicator groups); each a small
          tree ("Tổng số thu (1+2+3)", numbered items, "Trong đó" items). One "Chi cục Thuế khu vực X – Y" is new
          this year: the previous year's file (always given) lists "Chi cục Thuế huyện X" and "… huyện Y", which
          vanish this year. Sometimes an older "khu vực" that exists in both years (no merger this year). This
          year's units either carry a cùng kỳ column (the merged unit's = the sum of its predecessors) or not
          (then the previous figures are the earlier file's, the sum for the merged one). A negative figure (a
          refund) sometimes sits in the previous year.
          (c) The agency's own figures: a row "Cục Thuế tỉnh …" among the Chi cục (= the province), an own sheet
          or file "Đơn vị báo cáo: Cục Thuế tỉnh …", a "Tổng cộng"/"Toàn tỉnh" row, or nothing; sometimes a KPI
          sheet whose only rows are "Toàn tỉnh". "Văn phòng Cục Thuế" is a real unit when present.
  police  Công an tỉnh …; units "Công an TP …", "Công an huyện …", "Công an thị xã …", and "Phòng …" that report
          only their own indicators. A sơ kết 6 tháng or tổng kết năm form with its own cùng kỳ ("Cùng kỳ 2024 |
          Kỳ này | Tăng (+), giảm (-) | Tỷ lệ (%)", grouped under "Kết quả" / "So sánh", or "6 tháng đầu năm
          2024 | 6 tháng đầu năm 2025"). One unit (sometimes two) absorbed another this year: "Công an TP Rạch Giá
          (*)" with "(*) Sáp nhập Công an huyện Kiên Hải" (or "Gồm cả số liệu của …", "Từ 01/3/2025 sáp nhập …")
          under the table, or an unmarked name with the merger in its Ghi chú cell; the form's cùng kỳ includes the
          absorbed unit (counts summed, rates pooled from the counts). Sometimes the earlier period's own form is
          given too, with both old units apart; sometimes the office has revised one cùng kỳ figure there (the
          form's cùng kỳ wins; the pair is listed in cung_ky_disagreements). Rates ("Tỷ lệ điều tra khám phá (%)")
          with or without their counts; "Trong đó" sub-counts; thresholds "≥ 75%" in a "Chỉ tiêu" column.
  split   A court, a procuracy, an education or a health department (units "TAND huyện …", "VKSND huyện …",
          "Phòng GD&ĐT huyện …", "Trung tâm Y tế huyện …", and province-level units such as "Tòa Hình sự"). One
          district splits in two this year: "huyện A" → "huyện A Nam" + "huyện A Bắc" (the old name vanishes; a
          note or not), "huyện A" → "thị xã A" + "huyện A", or "huyện A" → "huyện A" + "huyện B" (a name reused:
          always with a note and with the office's re-allocated previous figures). Two files (previous year, this
          year, sometimes with a cùng kỳ column) or one file with two year columns ("Năm 2023 | KH 2024 | Năm
          2024"), where the old unit may keep its own row ("-" this year). "Trong đó" sub-counts, "(1.1+1.2)" items,
          rates computed from counts, school years ("Năm học 2023-2024" is the year 2024).

Every family varies, at random and in combination: layouts, header wording and depth, column orders, where the year
sits (title, file name, sheet name, header; each file states it somewhere), numbering (in the label or an STT
column; "1. ", "1/ ", "1.1 ", "a) ", "- ", "+ "), "Trong đó" styles, merged cells, blank spacer rows and columns,
a numbering row "(1) (2) …", a table offset, notes, signatures and report dates (a year form is signed in the next
January: that date is not the data's year).

truth.json (UTF-8, every string NFC)
  {"seed", "case", "case_seed", "family": "tax"|"police"|"split",
   "agency": the agency's line as its title block writes it ("CỤC THUẾ TỈNH ĐỒNG THÁP", "SỞ Y TẾ"), or its name
             as the files otherwise write it when no file has a title block,
   "agency_name": the agency's full name ("Cục Thuế tỉnh Đồng Tháp"),
   "traits": [...], "files": [relative names], "year": YYYY, "period": "năm"|"6 tháng",
   "units": every unit as written in this year's files, and nothing else,
   "previous_units": the units of the previous year's file or column, as written there,
   "not_units": every row label (and heading) that must never be read as a unit: total rows, the agency's own
                rows or sheet, hierarchy items and indicator labels as written (numbering included), "Trong đó"
                lines, section headings, the KPI sheet's "Toàn tỉnh",
   "figures": [{"unit": as written this year | "Toàn tỉnh", "indicator", "parent", "measure", "actual",
                "previous", "previous_source", "change_comparable", "target", "published"}],
   "adds_up": [{"unit", "indicator", "formula", "items"}]: the items that must add up because the form says so,
   "mergers": [{"unit", "from", "year"}], "splits": [{"from", "into", "year"}],
   "cung_ky_disagreements": [{"unit", "indicator", "form_cung_ky", "earlier_file", "earlier_unit"}],
   "earlier_figures": [{"unit", "indicator", "parent", "year", "actual", "target"}]: every figure of the
                      previous year that a previous-year file or column states}

Conventions of the truth
- "indicator": the label without its numbering ("1.1 ", "a) ", "- ", "A. ", "1/ ") and without a leading "Trong
  đó:"; the rest exactly, a stated formula included ("TỔNG THU NSNN (A+B)", "Tổng số thu (1+2+3)"). "parent": the
  name of the item it belongs to (a "Trong đó" item's parent is the line above the "Trong đó"), null at the top.
- Numbers: rates in percent units (a cell 0.855 under a percent format is 85.5); money in the form's unit ("triệu
  đồng" or "tỷ đồng", "measure" says which); "(1.234)" and "-1.234" are -1234; "-" is null.
- "previous": the same period a year before as the office published it: the form's cùng kỳ (or previous-year)
  column where there is one ("form"); else the predecessors' sum for a merged unit ("predecessors"); else the
  earlier file's figure of the same unit ("earlier"); for "Toàn tỉnh" without a total row the sum over units
  ("sum"); else null. A unit split off this year has no previous unless the office re-allocated one in its own
  column. "change_comparable" is false when previous is null or ≤ 0.
- "target": the form's Dự toán / KH / Chỉ tiêu for that figure ("≥ 75%" → 75); null where none is written.
- "Toàn tỉnh": what the office publishes for the province: the hierarchy sheet, the KPI sheet, the agency's own row
  or sheet, a total row ("published": true); else, for counts and money only, the sum over the units ("published":
  false; a target only when every unit has one). Rates reach "Toàn tỉnh" only from a published row (the office's
  pooled rate). A unit's figure is always "published".
- The previous year's own figures are not in "figures" (they are in "earlier_figures"); neither are the office's
  "So sánh", "Tăng, giảm" and "%" columns, notes, signatures or dates.

Traits (as they appear in "traits")
  tax: revenue-hierarchy, hierarchy-formula-parens/-equals, hierarchy-letter-items, hierarchy-trong-do,
  merged-chi-cuc-khu-vuc, khu-vuc-since-before, van-phong-cuc-unit, units-sheets/-files/-table, unit-files-csv,
  unit-in-agency-line, unit-cung-ky-column, unit-previous-from-earlier-file, agency-row-among-units,
  agency-own-sheet, kpi-sheet-toan-tinh-only, refund-negative-cung-ky, refund-negative-previous,
  agency-thue-tinh-2025, previous-year-file, numbering-in-label/-in-stt-column, trong-do-row/-inline.
  police: merger-note-under-table, merger-in-ghi-chu-column, two-mergers, earlier-file-old-units-apart,
  cung-ky-revised-by-office, cung-ky-header-cung-ky-ky-nay/-grouped/-years, rate-with-counts,
  rate-without-counts, rate-thresholds, departments-report-some-indicators, unit-group-sections, period-line.
  split: agency-court/-procuracy/-education/-health, split-halves/-town/-new-district, split-note/-no-note,
  one-file-two-years, two-files, old-unit-row-kept, split-cung-ky-reallocated/-blank, split-no-cung-ky,
  province-level-units, school-year, items-formula-stated, kh-column.
  all: period-nam/-6-thang, xlsx, csv, layout-long/-unit_sections/-ind_sections/-wide/-units_cols,
  year-in-title/-header/-sheet/-file, header-1/2/3-rows, numbering-row, table-offset, spacer-column, spacer-rows,
  merged-down-cells, quoc-hieu, signature, notes-under-table, ghi-chu-column, total-row, trong-do-sub-counts,
  negative-paren-format/-paren-text/-minus-text/-minus-number.
"""

import random
import re
import sys
import unicodedata
from fractions import Fraction

sys.dont_write_bytecode = True     # run from the source tree: importing forms leaves no __pycache__ there
from forms import ROMAN, Grid, csv_title, nfc, put_footer, put_header, put_title, run, write_case  # noqa: E402

# ----------------------------------------------------------------------------------------------------------------
# Places and people
# ----------------------------------------------------------------------------------------------------------------

# (kind, name): tp = thành phố, tx = thị xã, h = huyện. Names that occur twice in a province (TP and huyện Cao
# Lãnh) are left out, so that a "khu vực A – B" or a split always names its districts without doubt.
PROVINCES = {
    "Kiên Giang": [("tp", "Rạch Giá"), ("tp", "Hà Tiên"), ("tp", "Phú Quốc"), ("h", "Kiên Lương"), ("h", "Hòn Đất"),
                   ("h", "Tân Hiệp"), ("h", "Châu Thành"), ("h", "Giồng Riềng"), ("h", "Gò Quao"),
                   ("h", "An Biên"), ("h", "An Minh"), ("h", "Vĩnh Thuận"), ("h", "U Minh Thượng"),
                   ("h", "Kiên Hải"), ("h", "Giang Thành")],
    "Đồng Tháp": [("tp", "Cao Lãnh"), ("tp", "Sa Đéc"), ("tp", "Hồng Ngự"), ("h", "Tân Hồng"), ("h", "Tam Nông"),
                  ("h", "Thanh Bình"), ("h", "Tháp Mười"), ("h", "Lấp Vò"), ("h", "Lai Vung"), ("h", "Châu Thành")],
    "Bến Tre": [("tp", "Bến Tre"), ("h", "Châu Thành"), ("h", "Chợ Lách"), ("h", "Giồng Trôm"), ("h", "Bình Đại"),
                ("h", "Ba Tri"), ("h", "Thạnh Phú"), ("h", "Mỏ Cày")],
    "Hậu Giang": [("tp", "Vị Thanh"), ("tp", "Ngã Bảy"), ("h", "Châu Thành A"), ("h", "Châu Thành"),
                  ("h", "Phụng Hiệp"), ("h", "Vị Thủy"), ("h", "Long Mỹ")],
    "Hà Tĩnh": [("tp", "Hà Tĩnh"), ("tx", "Hồng Lĩnh"), ("h", "Đức Thọ"), ("h", "Hương Sơn"), ("h", "Nghi Xuân"),
                ("h", "Can Lộc"), ("h", "Hương Khê"), ("h", "Thạch Hà"), ("h", "Cẩm Xuyên"), ("h", "Lộc Hà"),
                ("h", "Vũ Quang"), ("h", "Kỳ Anh")],
    "Sóc Trăng": [("tp", "Sóc Trăng"), ("tx", "Vĩnh Châu"), ("tx", "Ngã Năm"), ("h", "Kế Sách"), ("h", "Mỹ Tú"),
                  ("h", "Cù Lao Dung"), ("h", "Long Phú"), ("h", "Mỹ Xuyên"), ("h", "Thạnh Trị"), ("h", "Trần Đề")],
    "Nghệ An": [("tp", "Vinh"), ("tx", "Cửa Lò"), ("tx", "Thái Hòa"), ("tx", "Hoàng Mai"), ("h", "Diễn Châu"),
                ("h", "Quỳnh Lưu"), ("h", "Yên Thành"), ("h", "Nghi Lộc"), ("h", "Đô Lương"), ("h", "Thanh Chương"),
                ("h", "Nam Đàn")],
    "Gia Lai": [("tp", "Pleiku"), ("tx", "An Khê"), ("tx", "Ayun Pa"), ("h", "Chư Păh"), ("h", "Ia Grai"),
                ("h", "Đak Đoa"), ("h", "Chư Prông"), ("h", "Chư Sê"), ("h", "Đức Cơ"), ("h", "Kbang")],
    "Bình Định": [("tp", "Quy Nhơn"), ("tx", "An Nhơn"), ("tx", "Hoài Nhơn"), ("h", "Tuy Phước"), ("h", "Phù Cát"),
                  ("h", "Phù Mỹ"), ("h", "Tây Sơn"), ("h", "Hoài Ân"), ("h", "Vân Canh")],
}
# district names a split may create (never already in the province it is used for)
NEW_DISTRICTS = ["Giang Thành", "Phong Điền", "Thới Lai", "Cờ Đỏ", "Vĩnh Thạnh", "Tân Phú Đông", "Ea Súp",
                 "Krông Bông", "Nậm Pồ", "Ia Pa", "Kông Chro", "Đăk Glei", "Bù Gia Mập", "Phú Riềng"]

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Võ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương"]
MIDDLE = ["Văn", "Thị", "Hữu", "Minh", "Thanh", "Ngọc", "Quốc", "Đức", "Thị Thu", "Xuân", "Thị Kim"]
GIVEN = ["Hùng", "Hà", "Lan", "Dũng", "Tuấn", "Hương", "Phúc", "Tâm", "Sơn", "Nam", "Hải", "Yến", "Cường", "Thảo"]
LETTERS = "abcdeghiklmnopq"
UPPER = "ABCDEGHIKLMN"


def person(rng):
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def fold(s):
    """Lower case without diacritics (for comparing names, never for output)."""
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in s if unicodedata.category(ch) != "Mn").lower()


# ----------------------------------------------------------------------------------------------------------------
# Numbers as offices write them
# ----------------------------------------------------------------------------------------------------------------

def F(x):
    if isinstance(x, Fraction):
        return x
    if isinstance(x, float):
        return Fraction(repr(x))
    return Fraction(x)


def num_out(x):
    """A number for JSON: an int when whole, else a float rounded to 6 places; None stays None."""
    if x is None:
        return None
    f = F(x)
    if f.denominator == 1:
        return int(f)
    return round(float(f), 6)


def vn_num(x, dec=0, group=True):
    """1234567.5 -> "1.234.567,5" (Vietnamese: "." groups thousands, "," is the decimal mark)."""
    x = float(x)
    s = f"{abs(x):,.{dec}f}"
    s = s.replace(",", "\x00").replace(".", ",").replace("\x00", "." if group else "")
    zero = set(s) <= set("0.,")
    return ("-" if x < 0 and not zero else "") + s


def rate_of(k, n, dec):
    """A rate as the office prints it: k/n in percent, rounded to dec places (exact decimal as a Fraction)."""
    if not n:
        return None
    return Fraction(f"{round(k / n * 100 + 1e-9, dec):.{dec}f}")


class Style:
    """How one file writes its numbers: typed cells with number formats (xlsx) or Vietnamese text (csv)."""

    def __init__(self, rng, kind, scale=1, rate_dec=1):
        self.kind = kind
        self.scale = scale                       # money: minor units per printed unit (10 = one decimal)
        self.rate_dec = rate_dec
        self.rate_frac = kind == "xlsx" and rng.random() < 0.3     # 0.855 shown 85,5%
        self.pct_sign = kind == "csv" and rng.random() < 0.4       # "85,5%"
        if kind == "xlsx":
            self.neg = rng.choice(["paren_fmt", "paren_fmt", "paren_text", "minus_text", "minus_num"])
        else:
            self.neg = rng.choice(["paren", "minus"])
        self.used_neg = set()

    # ---- plain values
    def money(self, v):
        dec = 0 if self.scale == 1 else 1
        x = int(v) if self.scale == 1 else round(v / self.scale, 1)
        fmt = "#,##0" if dec == 0 else "#,##0.0"
        if self.kind == "xlsx":
            if v >= 0:
                return (x, fmt)
            n = self.neg
            if n in ("paren_text", "minus_text") and dec == 0 and 1000 <= abs(x) < 1000000:
                n = "paren_fmt"                  # "(1.234)" as text in a workbook could be read 1,234: typed
            self.used_neg.add(n)
            if n == "paren_fmt":
                return (x, f"{fmt};({fmt})")
            if n == "paren_text":
                return "(" + vn_num(-x, dec) + ")"
            if n == "minus_text":
                return vn_num(x, dec)
            return (x, fmt)
        s = vn_num(abs(x), dec)
        if v < 0:
            self.used_neg.add(self.neg)
            return "(" + s + ")" if self.neg == "paren" else "-" + s
        return s

    def count(self, n):
        if self.kind == "xlsx":
            return (int(n), "#,##0")
        return vn_num(n, 0)

    def rate(self, x, dec=None):
        dec = self.rate_dec if dec is None else dec
        if self.kind == "xlsx":
            if self.rate_frac:
                return (round(float(x) / 100, dec + 2), ("0." + "0" * dec if dec else "0") + "%")
            return (round(float(x), dec), "0." + "0" * dec if dec else "0")
        return vn_num(x, dec, False) + ("%" if self.pct_sign else "")

    def val(self, ind, x):
        if ind.kind == "money":
            return self.money(x)
        if ind.kind == "rate":
            return self.rate(x)
        return self.count(x)

    # ---- what the office computes beside the figures
    def pct(self, x):
        if self.kind == "xlsx":
            return (round(float(x), 1), "0.0")
        return vn_num(x, 1, False)

    def signed(self, ind, d):
        if ind.kind == "rate":
            dec = self.rate_dec
            if self.kind == "xlsx":
                return (round(float(d), dec), "+0." + "0" * dec + ";-0." + "0" * dec + ";0")
            s = vn_num(d, dec, False)
            return ("+" + s) if d > 0 else s
        if ind.kind == "money":
            dec = 0 if self.scale == 1 else 1
            x = int(d) if self.scale == 1 else round(d / self.scale, 1)
            if self.kind == "xlsx":
                return (x, "+#,##0;-#,##0;0" if dec == 0 else "+#,##0.0;-#,##0.0;0")
            s = vn_num(x, dec)
            return ("+" + s) if d > 0 else s
        if self.kind == "xlsx":
            return (int(d), "+#,##0;-#,##0;0")
        s = vn_num(d, 0)
        return ("+" + s) if d > 0 else s

    def neg_traits(self):
        names = {"paren_fmt": "negative-paren-format", "paren_text": "negative-paren-text",
                 "minus_text": "negative-minus-text", "minus_num": "negative-minus-number",
                 "paren": "negative-paren-text", "minus": "negative-minus-text"}
        return sorted({names[n] for n in self.used_neg})


def target_cell(st, ind, t, text):
    if text:
        return text
    if t is None:
        return None
    return st.val(ind, t)


# ----------------------------------------------------------------------------------------------------------------
# Indicators: a tree of items within items
# ----------------------------------------------------------------------------------------------------------------

class Ind:
    """One indicator. `name` is the truth's name (the label without its numbering or "Trong đó:" marker);
    `label` is the label cell as written in a tree layout; `stt` the numbering when it sits in an STT column."""

    def __init__(self, key, name, kind, measure, parent=None, trong_do=False, who="d"):
        self.key, self.name, self.kind, self.measure, self.who = key, name, kind, measure, who
        self.parent, self.trong_do = parent, trong_do
        self.children = []
        if parent is not None:
            parent.children.append(self)
        self.tok = ""            # numbering token: "A", "1", "1.1", "a", "-" or ""
        self.tok_kind = ""
        self.label = name
        self.stt = None
        self.formula = None      # the formula as written in the name, e.g. "(A+B)", when the form states one
        self.exact = True        # the non-"Trong đó" children add up to it (always so when a formula is stated)
        self.rate = None         # (numerator key, denominator key) for a rate the office computes from counts
        self.target_text = None  # a rate's target as written ("≥ 85%") and its value
        self.target_value = None
        self.share = (0.1, 0.4)  # a "Trong đó" child's share of its parent
        self.scale = 1           # money held in minor units: 10 per printed unit when printed with one decimal

    def depth(self):
        return 0 if self.parent is None else 1 + self.parent.depth()


def flatten(tops):
    out = []

    def walk(i):
        out.append(i)
        for ch in i.children:
            walk(ch)
    for t in tops:
        walk(t)
    return out


class Numbering:
    """How one file numbers its items: "A. ", "1. ", "1.1 " or "1.1. ", "a) " or "a. ", "- " or "+ "; inside the
    label cell or in the STT column; "Trong đó:" on its own row or at the start of the first item."""

    def __init__(self, rng, in_label=None, td_style=None):
        self.in_label = rng.random() < 0.6 if in_label is None else in_label
        self.arabic = rng.choice([". ", ". ", "/ "])
        self.dotted = rng.choice([" ", ". "])
        self.lower = rng.choice([") ", ". "])
        self.dash = rng.choice(["- ", "- ", "+ "])
        self.td_style = td_style or rng.choice(["row", "inline"])
        self.td_word = rng.choice(["Trong đó:", "Trong đó:", "Trong đó", "trong đó:"])

    def prefix(self, ind):
        t, k = ind.tok, ind.tok_kind
        if not t:
            return ""
        if k in ("A", "I"):
            return t + ". "
        if k == "1":
            return t + self.arabic
        if k == "1.1":
            return t + self.dotted
        if k == "a":
            return t + self.lower
        return self.dash

    def apply(self, inds):
        """Sets every indicator's label and STT cell; returns the display rows:
        ("ind", ind) and ("td", text, parent) for a "Trong đó:" row that carries no figure."""
        rows = []
        for ind in inds:
            if ind.trong_do:
                sibs = [c for c in ind.parent.children if c.trong_do]
                first = sibs[0] is ind
                if self.td_style == "row" or len(sibs) > 1:
                    if first and self.td_style == "row":
                        rows.append(("td", self.td_word, ind.parent))
                    if first and self.td_style == "inline":
                        ind.label = f"{self.td_word} {ind.name}"
                    else:
                        ind.label = self.dash + ind.name
                else:
                    ind.label = f"{self.td_word} {ind.name}"
                ind.stt = None
                rows.append(("ind", ind))
                continue
            p = self.prefix(ind)
            if self.in_label:
                ind.label = p + ind.name
                ind.stt = None
            else:
                ind.label = ind.name
                ind.stt = ind.tok if ind.tok_kind != "-" else "-"
            rows.append(("ind", ind))
        return rows


def eval_tree(rng, inds, leaf, rem=None, td=None):
    """Values of every indicator of one unit and one column: leaves from leaf(ind); a parent is the sum of its
    items (plus rem(ind, sum) when it does not state a formula); "Trong đó" items from td(ind, parent value)."""
    vals = {}
    for ind in reversed(inds):
        if ind.trong_do or ind.kind == "rate":
            continue
        kids = [c for c in ind.children if not c.trong_do]
        if not kids:
            vals[ind.key] = leaf(ind)
        elif any(vals.get(c.key) is None for c in kids):
            vals[ind.key] = None
        else:
            s = sum(vals[c.key] for c in kids)
            if not ind.exact and rem is not None:
                s += rem(ind, s)
            vals[ind.key] = s
    for ind in inds:
        if ind.trong_do:
            pv = vals.get(ind.parent.key)
            vals[ind.key] = None if pv is None or td is None else td(ind, pv)
    return vals


# ----------------------------------------------------------------------------------------------------------------
# Sheets: a table (header band, body rows) inside a page (title block, notes, signatures)
# ----------------------------------------------------------------------------------------------------------------

class Table:
    def __init__(self, cols):
        self.cols = cols         # [(key, header path)]; key "gap" is an empty spacer column
        self.rows = []           # ("data", cells, bold) | ("head", key, text, stt, bold) | ("blank",)
        self.vmerges = []        # (key, first body row, last body row)

    def keys(self):
        return [k for k, _ in self.cols]

    def data(self, cells, bold=False):
        self.rows.append(("data", cells, bold))

    def head(self, key, text, stt=None, bold=True):
        self.rows.append(("head", key, text, stt, bold))

    def blank(self):
        self.rows.append(("blank",))


def assemble(page, merge_ok):
    """page: dict(title=[lines], table=Table, footer=[lines], numbering=None|"paren"|"letters", blank_rows, left)."""
    g = Grid()
    t = page["table"]
    keys = t.keys()
    ncol = len(keys)
    left = page.get("left", 1)
    last = left + ncol - 1
    top = put_title(g, page.get("title", []), left, ncol, merge_ok, page.get("blank_rows", 1))
    named = [p for k, p in t.cols if k != "gap"]
    if len(set(named)) != len(named):
        raise ValueError(f"two columns under one header: {named}")
    r = put_header(g, top, left, [p for _, p in t.cols], merge_ok)
    if page.get("numbering"):
        n = 0
        for c, k in enumerate(keys):
            if k == "gap":
                continue
            if page["numbering"] == "letters" and k in ("stt", "unit", "ind"):
                lab = "ABC"[min(2, [x for x in keys if x in ("stt", "unit", "ind")].index(k))]
            else:
                n += 1
                lab = f"({n})" if page["numbering"] == "paren" else str(n)
            g.put(r, left + c, lab, center=True)
        r += 1
    first = r
    for row in t.rows:
        if row[0] == "head":
            _, key, text, stt, bold = row
            if "stt" in keys and stt not in (None, ""):
                g.put(r, left + keys.index("stt"), stt, bold=bold)
            c = left + keys.index(key)
            g.put(r, c, text, bold=bold)
            if merge_ok:
                g.merge(r, c, r, last)
        elif row[0] == "data":
            for key, v in row[1].items():
                if key in keys:
                    g.put(r, left + keys.index(key), v, bold=row[2])
        r += 1
    for key, i1, i2 in t.vmerges:
        c = left + keys.index(key)
        g.merge(first + i1, c, first + i2, c)
    g.table = (top, r - 1, left, last)
    put_footer(g, r, page.get("footer", []), left, ncol)
    return g


VN_MARK = re.compile(r"^[-+(]?\d+,\d{1,2}%?\)?$|^[-+(]?\d{1,3}(\.\d{3}){2,}(,\d+)?\)?$")


def csv_settles_locale(g):
    """A Vietnamese CSV must show its locale: a decimal comma ("85,5") or a number grouped twice."""
    return any(isinstance(v, str) and VN_MARK.match(v) for v in g.cells.values())


# ----------------------------------------------------------------------------------------------------------------
# Layouts: blocks of figures -> a Table
# ----------------------------------------------------------------------------------------------------------------
# A block is one row-group of the office's table: dict(label, kind, vals, note). kind: "unit", "old" (a unit of the
# previous year kept on a two-year form), "total" (Tổng cộng / Toàn tỉnh), "agency" (the agency's own name),
# "province" (a KPI sheet's "Toàn tỉnh" rows) or "section" (a heading that names a group of units).
# vals: {indicator key: {"a": actual, "p": previous, "t": target, "tt": target text, "pmark": text for no previous}}

def vcell(st, vkey, ind, v, pmode):
    a, p, t = v.get("a"), v.get("p"), v.get("t")
    if vkey == "act":
        return "-" if a is None else st.val(ind, a)
    if vkey == "prev":
        return v.get("pmark", "-") if p is None else st.val(ind, p)
    if vkey == "target":
        return target_cell(st, ind, t, v.get("tt"))
    if vkey == "diff":
        return "-" if a is None or p is None else st.signed(ind, F(a) - F(p))
    if vkey == "pct_prev":
        if ind.kind == "rate" or a is None or p is None or p <= 0:
            return "-"
        return st.pct(F(a) / F(p) * 100 if pmode == "ratio" else (F(a) - F(p)) / F(p) * 100)
    if vkey == "pct_target":
        if ind.kind == "rate" or a is None or t is None or t <= 0:
            return None
        return st.pct(F(a) / F(t) * 100)
    if vkey == "dvt":
        return ind.measure
    if vkey == "note":
        return v.get("note")
    return None


def block_rows(disp, b):
    out = []
    for e in disp:
        if e[0] == "ind":
            if e[1].key in b["vals"]:
                out.append(e)
        elif any(c.key in b["vals"] for c in e[2].children if c.trong_do):
            out.append(e)
    return out


def value_cells(st, vcols, ind, v, pmode, note=None):
    cells = {}
    for k, _ in vcols:
        if k == "note":
            cells[k] = v.get("note") or note
        else:
            cells[k] = vcell(st, k, ind, v, pmode)
    return cells


def lead_cols(o, *labels):
    """The columns before the values: STT when o asks for it, the label columns (key, header), then a spacer column
    when o asks for one."""
    cols = [("stt", ("STT",))] if o.get("stt") else []
    cols += [(k, (h,)) for k, h in labels]
    if o.get("gap"):
        cols.append(("gap", ("",)))
    return cols


def tree_rows(c, T, disp):
    """The indicators of the display rows, in order; a "Trong đó:" row, which carries no figure, goes into T as it
    comes (its text is no unit)."""
    for e in disp:
        if e[0] == "td":
            T.data({"ind": e[1]})
            c.nu(e[1])
            continue
        yield e[1]


def lay_long(c, st, blocks, disp, vcols, o):
    """STT | Đơn vị | Chỉ tiêu | values: the unit merged down (or written once, or on every row)."""
    T = Table(lead_cols(o, ("unit", o["unit_h"]), ("ind", o["ind_h"])) + vcols)
    n = 0
    mode = o.get("unit_mode", "merge")
    for b in blocks:
        if b["kind"] == "section":
            T.head("unit", b["label"], stt=b.get("stt"))
            c.nu(b["label"])
            continue
        rows = block_rows(disp, b)
        if o.get("spacer_rows") and T.rows and T.rows[-1][0] == "data":
            T.blank()
        first = len(T.rows)
        if b["kind"] in ("unit", "old"):
            n += 1
        for j, e in enumerate(rows):
            cells = {}
            if j == 0 or mode == "repeat":
                cells["unit"] = b["label"]
            if j == 0 and o.get("stt") and b["kind"] in ("unit", "old"):
                cells["stt"] = n
            if e[0] == "td":
                cells["ind"] = e[1]
                c.nu(e[1])
            else:
                ind = e[1]
                cells["ind"] = ind.label
                c.nu(ind.label)
                cells.update(value_cells(st, vcols, ind, b["vals"][ind.key], o.get("pmode", "ratio"),
                                         b.get("note") if j == 0 else None))
            T.data(cells, bold=b["kind"] not in ("unit", "old"))
        last = len(T.rows) - 1
        if mode == "merge" and last > first:
            T.vmerges.append(("unit", first, last))
            if o.get("stt"):
                T.vmerges.append(("stt", first, last))
    return T


def lay_unit_sections(c, st, blocks, disp, vcols, o):
    """Each unit a heading row merged across, its indicators below."""
    T = Table(lead_cols(o, ("ind", o["ind_h"])) + vcols)
    n = 0
    for b in blocks:
        if b["kind"] == "section":
            T.head("ind", b["label"], stt=b.get("stt"))
            c.nu(b["label"])
            n = 0
            continue
        stt = None
        if b["kind"] in ("unit", "old"):
            n += 1
            stt = ROMAN[n - 1] if o.get("roman") else str(n)
        if o.get("spacer_rows") and T.rows:
            T.blank()
        T.head("ind", b["label"], stt=stt)
        for j, e in enumerate(block_rows(disp, b)):
            if e[0] == "td":
                T.data({"ind": e[1]})
                c.nu(e[1])
                continue
            ind = e[1]
            cells = {"ind": ind.label, "stt": ind.stt}
            c.nu(ind.label)
            cells.update(value_cells(st, vcols, ind, b["vals"][ind.key], o.get("pmode", "ratio"),
                                     b.get("note") if j == 0 else None))
            T.data(cells, bold=ind.depth() == 0 and bool(ind.children))
    return T


def lay_ind_sections(c, st, blocks, disp, vcols, o):
    """Each indicator a heading row merged across, the units below."""
    T = Table(lead_cols(o, ("unit", o["unit_h"])) + vcols)
    first_ind = True
    for e in disp:
        if e[0] == "td":
            T.head("unit", e[1])
            c.nu(e[1])
            continue
        ind = e[1]
        if o.get("spacer_rows") and T.rows:
            T.blank()
        T.head("unit", ind.label, stt=ind.stt)
        c.nu(ind.label)
        m = 0
        for b in blocks:
            if b["kind"] == "section" or ind.key not in b["vals"]:
                continue
            cells = {"unit": b["label"]}
            if b["kind"] in ("unit", "old"):
                m += 1
                cells["stt"] = m
            cells.update(value_cells(st, vcols, ind, b["vals"][ind.key], o.get("pmode", "ratio"),
                                     b.get("note") if first_ind else None))
            T.data(cells, bold=b["kind"] not in ("unit", "old"))
        first_ind = False
    return T


def lay_wide(c, st, blocks, disp, subs, o):
    """Units as rows, each indicator a group heading over its value columns ("Trong đó" over its items)."""
    cols = lead_cols(o, ("unit", o["unit_h"]))
    inds = [e[1] for e in disp if e[0] == "ind"]
    for ind in inds:
        for vkey, leaf in subs:
            vals = [b["vals"][ind.key] for b in blocks if ind.key in b.get("vals", {})]
            if vkey == "target" and not any(v.get("t") is not None or v.get("tt") for v in vals):
                continue
            if vkey == "pct_target" and (ind.kind == "rate" or not any(v.get("t") for v in vals)):
                continue
            if vkey in ("pct_prev",) and ind.kind == "rate":
                continue
            path = (o["td_head"], ind.name, leaf) if ind.trong_do else (ind.label, leaf)
            cols.append((f"{ind.key}|{vkey}", path))
    if o.get("note"):
        cols.append(("note", ("Ghi chú",)))
    T = Table(cols)
    n = 0
    for b in blocks:
        if b["kind"] == "section":
            T.head("unit", b["label"], stt=b.get("stt"))
            c.nu(b["label"])
            continue
        cells = {"unit": b["label"]}
        if b["kind"] in ("unit", "old"):
            n += 1
            cells["stt"] = n
        for k, _ in cols:
            if "|" in k:
                ikey, vkey = k.split("|")
                ind = next(i for i in inds if i.key == ikey)
                if ikey in b["vals"]:
                    cells[k] = vcell(st, vkey, ind, b["vals"][ikey], o.get("pmode", "ratio"))
        if b.get("note"):
            cells["note"] = b["note"]
        T.data(cells, bold=b["kind"] not in ("unit", "old"))
    return T


def lay_tree(c, st, vals, disp, vcols, o):
    """One scope (the province, or one unit): the items within items, one row each."""
    T = Table(lead_cols(o, ("ind", o["ind_h"])) + vcols)
    for ind in tree_rows(c, T, disp):
        if ind.key not in vals:
            continue
        cells = {"stt": ind.stt, "ind": ind.label}
        cells.update(value_cells(st, vcols, ind, vals[ind.key], o.get("pmode", "ratio")))
        T.data(cells, bold=ind.depth() <= o.get("bold_depth", 1) and not ind.trong_do)
        if o.get("items_not_units", True):
            c.nu(ind.label)
    return T


def lay_units_cols(c, st, blocks, disp, o):
    """Indicators as rows, one column per unit (the figures of one period only)."""
    cols = [("stt", ("STT",))] if o.get("stt") else []
    cols.append(("ind", (o["ind_h"],)))
    if o.get("dvt"):
        cols.append(("dvt", (o["dvt_h"],)))
    ub = [b for b in blocks if b["kind"] != "section"]
    for i, b in enumerate(ub):
        cols.append((f"b{i}", (o["group"], b["label"]) if o.get("group") else (b["label"],)))
    T = Table(cols)
    for ind in tree_rows(c, T, disp):
        c.nu(ind.label)
        cells = {"stt": ind.stt, "ind": ind.label, "dvt": ind.measure}
        for i, b in enumerate(ub):
            if ind.key in b["vals"]:
                cells[f"b{i}"] = vcell(st, "act", ind, b["vals"][ind.key], "ratio")
        T.data(cells, bold=ind.depth() == 0 and bool(ind.children))
    return T


def lay_table(lay, c, st, blocks, disp, vcols, o, leaves=None):
    """The table in one layout: long, unit_sections, ind_sections, wide (each indicator's value columns headed
    leaves[value key]) or units_cols (the figures of one period, vcols unused)."""
    if lay == "long":
        return lay_long(c, st, blocks, disp, vcols, o)
    if lay == "unit_sections":
        return lay_unit_sections(c, st, blocks, disp, vcols, o)
    if lay == "ind_sections":
        return lay_ind_sections(c, st, blocks, disp, vcols, o)
    if lay == "wide":
        return lay_wide(c, st, blocks, disp, [(k, leaves[k]) for k, _ in vcols if k != "note"], o)
    if lay == "units_cols":
        return lay_units_cols(c, st, blocks, disp, o)
    raise ValueError(lay)


# ----------------------------------------------------------------------------------------------------------------
# Pages: title block, notes, signatures
# ----------------------------------------------------------------------------------------------------------------

def quoc_hieu(rng, left1, left2, with_qh=True):
    r1 = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" if with_qh else None
    r2 = rng.choice(["Độc lập - Tự do - Hạnh phúc", "Độc lập – Tự do – Hạnh phúc"]) if with_qh else None
    lines = [("pair", left1, r1)]
    if left2 or r2:
        lines.append(("pair", left2, r2))
    return lines


def signature(rng, place, date_text, left_title, head_title, rank=""):
    out = []
    if date_text:
        out.append(("sign", None, f"{place}, {date_text}"))
    out += [("sign", left_title, head_title[0]), ("sign", None, head_title[1]), ("blank",), ("blank",),
            ("sign", person(rng), rank + person(rng))]
    return out


def places(rng):
    """Where a file states its year: a non-empty subset of title, header, sheet name, file name."""
    p = {k for k, w in (("title", 0.6), ("header", 0.45), ("sheet", 0.3), ("file", 0.55)) if rng.random() < w}
    if not p:
        p = {rng.choice(["title", "header", "sheet", "file"])}
    return p


# ----------------------------------------------------------------------------------------------------------------
# A case: files and truth
# ----------------------------------------------------------------------------------------------------------------

class Case:
    def __init__(self, rng, family):
        self.rng = rng
        self.family = family
        self.traits = []
        self.files = []           # (name, "xlsx", [(sheet, grid)]) | (name, "csv", grid)
        self.not_units = []
        self.units = []
        self.previous_units = []
        self.figures = []
        self.earlier = []
        self.mergers = []
        self.splits = []
        self.adds_up = []
        self.disagreements = []
        self.csv_opts = dict(delim=rng.choice([";", ";", ","]), bom=rng.random() < 0.7, crlf=rng.random() < 0.4)
        self.styles = []
        self.block_seen = family == "tax"     # the tax hierarchy sheet always carries its agency block

    def trait(self, *ts):
        for t in ts:
            if t and t not in self.traits:
                self.traits.append(t)

    def nu(self, label):
        label = nfc(str(label).strip())
        if label and label not in self.not_units:
            self.not_units.append(label)

    def unit(self, name):
        if name not in self.units:
            self.units.append(name)

    def fig(self, unit, ind, a, p, src, t, published=True):
        sc = ind.scale
        d = {"unit": nfc(unit), "indicator": nfc(ind.name), "parent": nfc(ind.parent.name) if ind.parent else None,
             "measure": ind.measure, "actual": num_out(F(a) / sc),
             "previous": num_out(None if p is None else F(p) / sc),
             "previous_source": src if p is not None else None,
             "change_comparable": p is not None and F(p) > 0, "target": num_out(None if t is None else F(t) / sc),
             "published": published}
        self.figures.append(d)
        return d

    def early(self, unit, ind, a, t, year):
        sc = ind.scale
        self.earlier.append({"unit": nfc(unit), "indicator": nfc(ind.name),
                             "parent": nfc(ind.parent.name) if ind.parent else None, "year": year,
                             "actual": num_out(F(a) / sc), "target": num_out(None if t is None else F(t) / sc)})

    def add_formula(self, unit, ind, items):
        self.adds_up.append({"unit": nfc(unit), "indicator": nfc(ind.name), "formula": ind.formula,
                             "items": [nfc(i.name) for i in items]})

    def observe(self, page, kind):
        """Traits every page shows, read off the page itself."""
        t = page["table"]
        depth = max(len(p) for _, p in t.cols)
        self.trait(kind, f"header-{depth}-rows")
        if page.get("numbering"):
            self.trait("numbering-row")
        if page.get("left", 1) > 1:
            self.trait("table-offset")
        if any(k == "gap" for k, _ in t.cols):
            self.trait("spacer-column")
        if any(r[0] == "blank" for r in t.rows):
            self.trait("spacer-rows")
        if t.vmerges and kind == "xlsx":
            self.trait("merged-down-cells")
        if any(ln[0] == "pair" and ln[2] for ln in page.get("title", [])):
            self.trait("quoc-hieu")
        if any(ln[0] == "sign" for ln in page.get("footer", [])):
            self.trait("signature")
        if any(ln[0] == "left" for ln in page.get("footer", [])):
            self.trait("notes-under-table")
        if any(k == "note" for k, _ in t.cols):
            self.trait("ghi-chu-column")

    def xlsx(self, name, sheets, merge_ok=True):
        for _, p in sheets:
            self.observe(p, "xlsx")
        self.files.append((nfc(name), "xlsx", [(nfc(s), assemble(p, merge_ok)) for s, p in sheets]))

    def csv(self, name, page):
        self.observe(page, "csv")
        self.files.append((nfc(name), "csv", assemble(page, False)))


def stated_sums(c, unit, inds):
    for ind in inds:
        if ind.formula:
            c.add_formula(unit, ind, [k for k in ind.children if not k.trong_do])


def sum_vals(dicts, key):
    vals = [d.get(key) for d in dicts]
    if not vals or any(v is None for v in vals):
        return None
    return sum(vals)


# ----------------------------------------------------------------------------------------------------------------
# Family 1: a tax department (Cục Thuế tỉnh …, from 2025 Thuế tỉnh …) and its Chi cục Thuế
# ----------------------------------------------------------------------------------------------------------------

TAX_ITEMS = [   # items of "A. Thu nội địa": key, names, share of it
    ("dnnn", ["Thu từ DNNN", "Thu từ doanh nghiệp nhà nước", "Thu từ khu vực DNNN"], 0.14),
    ("fdi", ["Thu từ doanh nghiệp có vốn đầu tư nước ngoài", "Thu từ khu vực có vốn ĐTNN"], 0.10),
    ("nqd", ["Thu từ khu vực ngoài quốc doanh", "Thu từ khu vực CTN-NQD"], 0.24),
    ("tncn", ["Thuế thu nhập cá nhân", "Thu thuế TNCN"], 0.08),
    ("lptb", ["Lệ phí trước bạ", "Thu lệ phí trước bạ"], 0.06),
    ("sdd", ["Thu tiền sử dụng đất"], 0.22),
    ("xskt", ["Thu từ hoạt động xổ số kiến thiết", "Thu xổ số kiến thiết"], 0.10),
    ("khac", ["Thu khác ngân sách"], 0.04),
]
# a Chi cục's own table: names that never coincide with the province's hierarchy
UNIT_TOPS = ["Tổng số thu NSNN", "Tổng số thu ngân sách", "Tổng số thu"]
UNIT_ITEMS = [
    ("hkd", ["Thu từ hộ kinh doanh", "Thu từ hộ, cá nhân kinh doanh"], (0.35, 0.55)),
    ("pnn", ["Thuế sử dụng đất phi nông nghiệp"], (0.01, 0.03)),
    ("thue_dat", ["Thu tiền thuê đất", "Tiền thuê đất"], (0.05, 0.15)),
    ("phi", ["Phí và lệ phí", "Thu phí, lệ phí"], (0.05, 0.12)),
]
TAX_KPI = [   # key, name, kind, measure, target text or None, (lo, hi)
    ("no", "Tỷ lệ nợ thuế trên tổng thu NSNN", "rate", "%", ("≤ 5%", 5), (2.0, 7.5)),
    ("dh", "Tỷ lệ hồ sơ khai thuế nộp đúng hạn", "rate", "%", ("≥ 95%", 95), (90.0, 99.5)),
    ("ht", "Tỷ lệ hồ sơ hoàn thuế giải quyết đúng hạn", "rate", "%", ("100%", 100), (96.0, 100.0)),
    ("tt", "Số cuộc thanh tra, kiểm tra tại trụ sở người nộp thuế", "count", "cuộc", None, (150, 900)),
    ("nothu", "Số tiền thuế nợ thu hồi", "money", None, None, (20000, 300000)),
]


def rnd_to(x, r):
    return max(r, int(round(x / r)) * r)


def tax_hierarchy(rng):
    name, formula = rng.choice([("TỔNG THU NSNN (A+B)", "(A+B)"), ("TỔNG THU NGÂN SÁCH NHÀ NƯỚC (A+B)", "(A+B)"),
                                ("Tổng thu NSNN = A + B", "= A + B"), ("TỔNG THU NSNN TRÊN ĐỊA BÀN (A+B)", "(A+B)"),
                                ("TỔNG THU NSNN", None)])
    top = Ind("h0", name, "money", None)
    top.formula, top.exact = formula, True
    A = Ind("hA", rng.choice(["Thu nội địa", "THU NỘI ĐỊA"]), "money", None, parent=top)
    A.tok, A.tok_kind, A.exact = "A", "A", False
    picks = [t for t in TAX_ITEMS if rng.random() < 0.7]
    if not any(t[0] == "dnnn" for t in picks) and rng.random() < 0.7:
        picks.insert(0, TAX_ITEMS[0])
    while len(picks) < 4:
        t = rng.choice(TAX_ITEMS)
        if t not in picks:
            picks.append(t)
    picks.sort(key=TAX_ITEMS.index)
    for n, (key, names, share) in enumerate(picks, 1):
        it = Ind("h_" + key, rng.choice(names), "money", None, parent=A)
        it.tok, it.tok_kind = str(n), "1"
        it.wt = share * rng.uniform(0.7, 1.3)
        if key == "dnnn" and rng.random() < 0.85:
            f = rng.uniform(0.3, 0.6)
            for j, (nm, w) in enumerate(((rng.choice(["DNNN trung ương", "Doanh nghiệp nhà nước trung ương"]), f),
                                         (rng.choice(["DNNN địa phương", "Doanh nghiệp nhà nước địa phương"]), 1 - f)),
                                        1):
                ch = Ind(f"h_dnnn{j}", nm, "money", None, parent=it)
                ch.tok, ch.tok_kind, ch.wt = f"{n}.{j}", "1.1", it.wt * w
            if rng.random() < 0.5:
                it.formula = rng.choice([f"({n}.1+{n}.2)", f"= {n}.1 + {n}.2"])
                it.name = f"{it.name} {it.formula}"
        elif key == "nqd" and rng.random() < 0.75:
            opts = [("Thuế giá trị gia tăng", (0.35, 0.55)), ("Thuế thu nhập doanh nghiệp", (0.1, 0.25)),
                    ("Thuế tài nguyên", (0.02, 0.08))]
            for j, (nm, sh) in enumerate(sorted(rng.sample(opts, rng.randint(1, 2)), key=opts.index)):
                ch = Ind(f"h_nqd{j}", nm, "money", None, parent=it, trong_do=True)
                ch.share, ch.tok_kind = sh, "-"
        elif key == "xskt" and rng.random() < 0.5:
            ch = Ind("h_xs0", "Thu xổ số điện toán", "money", None, parent=it, trong_do=True)
            ch.share, ch.tok_kind = (0.05, 0.2), "-"
        elif key == "khac" and rng.random() < 0.6:
            f = rng.uniform(0.3, 0.6)
            for j, (nm, w) in enumerate((("Thu phạt vi phạm hành chính", f), ("Thu khác còn lại", 1 - f))):
                ch = Ind(f"h_kh{j}", nm, "money", None, parent=it)
                ch.tok, ch.tok_kind, ch.wt = LETTERS[j], "a", it.wt * w
            if rng.random() < 0.4:
                it.formula = "(a+b)"
                it.name = f"{it.name} (a+b)"
    B = Ind("hB", rng.choice(["Thu từ hoạt động xuất nhập khẩu", "Thu cân đối từ hoạt động xuất nhập khẩu",
                              "THU TỪ HOẠT ĐỘNG XUẤT NHẬP KHẨU"]), "money", None, parent=top)
    B.tok, B.tok_kind, B.wt = "B", "A", rng.uniform(0.03, 0.15)
    if rng.random() < 0.3:
        ch = Ind("hB0", "Thuế giá trị gia tăng hàng nhập khẩu", "money", None, parent=B, trong_do=True)
        ch.share, ch.tok_kind = (0.4, 0.7), "-"
    return top


def tax_unit_tree(rng):
    top = Ind("u0", rng.choice(UNIT_TOPS), "money", None)
    picks = sorted(rng.sample(range(len(UNIT_ITEMS)), rng.randint(2, 4)))
    if 0 not in picks:
        picks = [0] + picks[:3]
    for n, idx in enumerate(picks, 1):
        key, names, (lo, hi) = UNIT_ITEMS[idx]
        it = Ind("u_" + key, rng.choice(names), "money", None, parent=top)
        it.tok, it.tok_kind, it.wt = str(n), "1", rng.uniform(lo, hi)
        if key == "hkd" and rng.random() < 0.5:
            ch = Ind("u_tmdt", rng.choice(["Thu từ kinh doanh thương mại điện tử",
                                           "Thu từ hoạt động thương mại điện tử"]),
                     "money", None, parent=it, trong_do=True)
            ch.share, ch.tok_kind = (0.02, 0.1), "-"
    if rng.random() < 0.5:
        top.formula = "(" + "+".join(str(i) for i in range(1, len(picks) + 1)) + ")"
        top.name = f"{top.name} {top.formula}"
        top.exact = True
    else:
        top.exact = rng.random() < 0.4
    return top


def money_word(rng, scale):
    return rng.choice(["triệu đồng", "Triệu đồng", "Tr.đồng"]) if scale == 1 else rng.choice(["tỷ đồng", "Tỷ đồng"])


def money_unit(rng, inds, p_trieu):
    """One table's money unit, set on its indicators: triệu đồng (scale 1) with probability p_trieu, else tỷ đồng
    printed with one decimal (scale 10). Returns (scale, the unit as its "Đơn vị tính:" line words it)."""
    scale = 1 if rng.random() < p_trieu else 10
    word = money_word(rng, scale)
    for ind in inds:
        ind.measure = "tỷ đồng" if scale == 10 else "triệu đồng"
        ind.scale = scale
    return scale, word


# the leaf under each indicator of a wide table of revenue
TAX_LEAVES = {"target": "Dự toán", "act": "Thực hiện", "prev": "Cùng kỳ", "pct_target": "TH/DT (%)",
              "pct_prev": "TH/CK (%)"}


def tax_headers(rng, Y, half, yr, prev_year=None):
    """Header texts of the value columns; yr: whether the header states the year."""
    py = Y - 1 if prev_year is None else prev_year
    if yr:
        t = rng.choice([f"Dự toán năm {Y}", f"Dự toán {Y}", f"DT năm {Y}"])
        a = rng.choice([f"Thực hiện 6 tháng đầu năm {Y}", f"TH 6 tháng {Y}"]) if half else \
            rng.choice([f"Thực hiện năm {Y}", f"Thực hiện {Y}", f"TH năm {Y}"])
        p = rng.choice([f"Cùng kỳ năm {py}", f"Thực hiện cùng kỳ năm {py}", f"TH cùng kỳ {py}"])
    else:
        t = rng.choice(["Dự toán năm", "Dự toán", "Dự toán giao"])
        a = rng.choice(["Thực hiện 6 tháng", "TH 6 tháng"]) if half else rng.choice(["Thực hiện", "Thực hiện (TH)"])
        p = rng.choice(["Cùng kỳ năm trước", "Thực hiện cùng kỳ", "Cùng kỳ"])
    return t, a, p


def tax_vcols(rng, Y, half, yr, with_prev, with_pct, dvt=None):
    t, a, p = tax_headers(rng, Y, half, yr)
    order = rng.choice([["target", "act", "prev"], ["target", "act", "prev"], ["prev", "target", "act"],
                        ["target", "prev", "act"]])
    names = {"target": t, "act": a, "prev": p}
    group = None
    if rng.random() < 0.3 and yr:
        group = f"Năm {Y}"
    cols = []
    if dvt:
        cols.append(("dvt", (dvt,)))
    for k in order:
        if k == "prev" and not with_prev:
            continue
        if group and k in ("target", "act"):
            cols.append((k, (group, {"target": "Dự toán", "act": "Thực hiện"}[k])))
        else:
            cols.append((k, (names[k],)))
    if with_pct:
        pk = ["pct_target"] + (["pct_prev"] if with_prev else [])
        style = rng.randrange(3)
        if style == 0:
            g = rng.choice(["So sánh (%)", "Tỷ lệ (%)"])
            cols += [(k, (g, {"pct_target": "TH/DT", "pct_prev": "TH/CK"}[k])) for k in pk]
        elif style == 1:
            cols += [(k, ({"pct_target": "So sánh (%) TH/DT", "pct_prev": "So với cùng kỳ (%)"}[k],)) for k in pk]
        else:
            cols += [(k, ({"pct_target": "TH/DT (%)", "pct_prev": "TH/CK (%)"}[k],)) for k in pk]
    return cols


def gen_tax(c):
    rng = c.rng
    prov = rng.choice(list(PROVINCES))
    dists = PROVINCES[prov]
    Y = rng.choice([2022, 2023, 2024, 2024, 2025])
    half = rng.random() < 0.25
    c.year, c.period = Y, "6 tháng" if half else "năm"
    c.trait("period-6-thang" if half else "period-nam")
    new_name = Y >= 2025
    agency = f"Thuế tỉnh {prov}" if new_name else f"Cục Thuế tỉnh {prov}"
    AG = agency.upper()
    c.agency_key, c.agency = agency, AG
    parent_line = "CỤC THUẾ" if new_name else rng.choice(["TỔNG CỤC THUẾ", "BỘ TÀI CHÍNH"])
    chief = ("KT. TRƯỞNG THUẾ TỈNH", "PHÓ TRƯỞNG THUẾ TỈNH") if new_name else ("KT. CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG")
    if new_name:
        c.trait("agency-thue-tinh-2025")

    # ---- units: Chi cục Thuế, one "khu vực" formed this year from two that vanish
    prefix = "Chi cục Thuế" if rng.random() < 0.8 else "Chi cục thuế"
    tpw, txw = rng.choice(["TP", "thành phố", "TP."]), rng.choice(["thị xã", "TX"])
    dash = rng.choice([" – ", " - ", "-"])

    def dname(d):
        return f"{prefix} {({'tp': tpw, 'tx': txw, 'h': 'huyện'})[d[0]]} {d[1]}"

    def size_of(d):
        return {"tp": 2.0, "tx": 1.3, "h": 1.0}[d[0]] * rng.uniform(0.7, 1.3)

    hs = [d for d in dists if d[0] == "h"]
    i = rng.randrange(len(hs) - 1)
    ma, mb = hs[i], hs[i + 1]
    rest = [d for d in dists if d not in (ma, mb)]
    old_kv = None
    if rng.random() < 0.25:
        hr = [d for d in rest if d[0] == "h"]
        j = rng.randrange(len(hr) - 1)
        old_kv = (hr[j], hr[j + 1])
        rest = [d for d in rest if d not in old_kv]
        c.trait("khu-vuc-since-before")
    others = rng.sample(rest, min(len(rest), rng.randint(2, 4)))
    olds, news = [], []           # olds: dict(key, name, size); news: dict(name, size, preds)
    if rng.random() < 0.4:
        vp = "Văn phòng Thuế tỉnh" if new_name else "Văn phòng Cục Thuế"
        olds.append(dict(key="vp", name=vp, size=3.0 * rng.uniform(0.8, 1.2)))
        news.append(dict(name=vp, preds=["vp"]))
        c.trait("van-phong-cuc-unit")
    entries = sorted([("d", d) for d in others] + [("m", ma)] + ([("k", old_kv[0])] if old_kv else []),
                     key=lambda e: dists.index(e[1]))
    for kind, d in entries:
        if kind == "d":
            olds.append(dict(key=d[1] + d[0], name=dname(d), size=size_of(d)))
            news.append(dict(name=dname(d), preds=[d[1] + d[0]]))
        elif kind == "m":
            ka, kb = ma[1] + "h", mb[1] + "h"
            olds.append(dict(key=ka, name=dname(ma), size=size_of(ma)))
            olds.append(dict(key=kb, name=dname(mb), size=size_of(mb)))
            mname = f"{prefix} khu vực {ma[1]}{dash}{mb[1]}"
            news.append(dict(name=mname, preds=[ka, kb], merged=True))
        else:
            kname = f"{prefix} khu vực {old_kv[0][1]}{dash}{old_kv[1][1]}"
            olds.append(dict(key="kv", name=kname, size=2.0 * rng.uniform(0.8, 1.2)))
            news.append(dict(name=kname, preds=["kv"]))
    old_by = {o["key"]: o for o in olds}
    merged = next(n for n in news if n.get("merged"))
    c.mergers.append({"unit": merged["name"], "from": [old_by[k]["name"] for k in merged["preds"]], "year": Y})
    c.previous_units = [o["name"] for o in olds]
    c.trait("merged-chi-cuc-khu-vuc")

    # ---- the Chi cục's figures: the previous year (each old unit) and this year (each new unit)
    tree = tax_unit_tree(rng)
    uinds = flatten([tree])
    scale_u, mw_u = money_unit(rng, uinds, 0.75)
    base = rng.uniform(20000, 90000) * (0.5 if half else 1) / (1000 if scale_u == 10 else 1) * scale_u
    R = 10 * scale_u if scale_u == 1 else scale_u
    neg_at = None
    leaves = [i for i in uinds if not i.children and not i.trong_do and i.key in ("u_thue_dat", "u_phi")]
    if leaves and rng.random() < 0.55:
        neg_at = (rng.choice([o["key"] for o in olds]), rng.choice(leaves).key)
        c.trait("refund-negative-previous")

    def rem(ind, s):
        return int(round(s * rng.uniform(0.03, 0.15)))

    def td_share(ind, pv):
        return int(round(pv * rng.uniform(*ind.share))) if pv > 0 else 0

    def td_target(ind, pv):
        return None if rng.random() < 0.6 or pv <= 0 else int(round(pv * rng.uniform(*ind.share)))

    def targets(a):
        return eval_tree(rng, uinds, lambda ind: rnd_to(a[ind.key] * (2 if half else 1) / rng.uniform(0.88, 1.15), R),
                         rem, td_target)

    for o in olds:
        def leaf(ind, o=o):
            v = int(round(base * o["size"] * ind.wt * rng.uniform(0.8, 1.25)))
            if neg_at == (o["key"], ind.key):
                v = -max(1, int(round(v * rng.uniform(0.1, 0.5))))
            return v
        o["a"] = eval_tree(rng, uinds, leaf, rem, td_share)
        o["t"] = targets({k: abs(v) for k, v in o["a"].items()})
    for n in news:
        preds = [old_by[k] for k in n["preds"]]
        size = sum(p["size"] for p in preds)

        def leaf(ind, preds=preds, size=size):
            s = sum(p["a"][ind.key] for p in preds)
            return int(round(max(s, base * size * ind.wt * 0.5) * rng.uniform(0.85, 1.3)))
        n["a"] = eval_tree(rng, uinds, leaf, rem, td_share)
        n["t"] = targets(n["a"])
        n["p"] = {ind.key: sum(p["a"][ind.key] for p in preds) for ind in uinds}
    prov_a = {i.key: sum(n["a"][i.key] for n in news) for i in uinds}
    prov_p = {i.key: sum(o["a"][i.key] for o in olds) for i in uinds}
    prov_t = {i.key: sum_vals([n["t"] for n in news], i.key) for i in uinds}
    prov_pt = {i.key: sum_vals([o["t"] for o in olds], i.key) for i in uinds}

    # ---- the province's revenue hierarchy
    htop = tax_hierarchy(rng)
    hinds = flatten([htop])
    scale_h, mw_h = money_unit(rng, hinds, 0.6)
    S = rng.uniform(4e6, 2.5e7) * (0.5 if half else 1) / (1000 if scale_h == 10 else 1) * scale_h
    Rh = 10 * scale_h
    refund = None
    cands = [i for i in hinds if not i.children and not i.trong_do and i.key in ("h_dnnn1", "h_fdi", "h_kh1")]
    if cands and rng.random() < 0.6:
        refund = rng.choice(cands).key
        c.trait("refund-negative-cung-ky")
    for attempt in range(20):
        ha = eval_tree(rng, hinds, lambda ind: int(round(S * ind.wt * rng.uniform(0.85, 1.2))),
                       lambda ind, s: int(round(s * rng.uniform(0.01, 0.06))), td_share)

        def hp_leaf(ind):
            if ind.key == refund:
                return -max(1, int(round(ha[ind.key] * rng.uniform(0.05, 0.3))))
            return int(round(ha[ind.key] / rng.uniform(0.85, 1.3)))
        hp = eval_tree(rng, hinds, hp_leaf, lambda ind, s: int(round(s * rng.uniform(0.01, 0.06))), td_share)
        if all(v > 0 for k, v in hp.items() if k != refund):
            break
    ht = eval_tree(rng, hinds, lambda ind: rnd_to(ha[ind.key] * (2 if half else 1) / rng.uniform(0.88, 1.15), Rh),
                   lambda ind, s: rnd_to(s * rng.uniform(0.01, 0.06), Rh), td_target)
    c.trait("revenue-hierarchy")
    if htop.formula:
        c.trait("hierarchy-formula-" + ("equals" if "=" in htop.formula else "parens"))
    if any(i.trong_do for i in hinds):
        c.trait("hierarchy-trong-do")
    if any(i.tok_kind == "a" for i in hinds):
        c.trait("hierarchy-letter-items")

    # ---- truth: the hierarchy (province), the units, the province's sums of the units
    for ind in hinds:
        c.fig("Toàn tỉnh", ind, ha[ind.key], hp[ind.key], "form", ht.get(ind.key))
    stated_sums(c, "Toàn tỉnh", hinds)

    mode = rng.choice(["sheets", "files", "table", "table"])
    form_prev = rng.random() < 0.55
    c.trait("units-" + mode, "unit-cung-ky-column" if form_prev else "unit-previous-from-earlier-file")
    tot_kind = rng.choice(["none", "total", "agency", "agency"]) if mode == "table" else \
        ("agency" if rng.random() < 0.35 else "none")
    tot_label = {"none": None, "total": rng.choice(["Tổng cộng", "TỔNG CỘNG", "Toàn tỉnh", "Cộng"]),
                 "agency": agency}[tot_kind]
    if tot_kind == "agency":
        c.trait("agency-row-among-units" if mode == "table" else "agency-own-sheet")
    elif tot_kind == "total":
        c.trait("total-row")
    for n in news:
        c.unit(n["name"])
        for ind in uinds:
            if form_prev:
                p, src = n["p"][ind.key], "form"
            else:
                p, src = n["p"][ind.key], ("predecessors" if n.get("merged") else "earlier")
            c.fig(n["name"], ind, n["a"][ind.key], p, src, n["t"].get(ind.key))
        stated_sums(c, n["name"], uinds)
    for ind in uinds:
        src = "form" if (tot_kind != "none" and form_prev) else "sum"
        c.fig("Toàn tỉnh", ind, prov_a[ind.key], prov_p[ind.key], src, prov_t[ind.key], published=tot_kind != "none")
    stated_sums(c, "Toàn tỉnh", uinds)
    for o in olds:
        for ind in uinds:
            c.early(o["name"], ind, o["a"][ind.key], o["t"].get(ind.key), Y - 1)

    # ---- the KPI sheet whose only rows are "Toàn tỉnh"
    kpi = None
    if rng.random() < 0.4:
        picks = sorted(rng.sample(range(len(TAX_KPI)), rng.randint(2, 4)))
        kinds, kvals = [], {}
        kpi_prev = rng.random() < 0.6
        for j in picks:
            key, nm, kind, meas, tgt, (lo, hi) = TAX_KPI[j]
            ind = Ind("k_" + key, nm, kind, meas or ("tỷ đồng" if scale_h == 10 else "triệu đồng"))
            if kind == "money":
                ind.scale = scale_h
            ind.tok, ind.tok_kind = str(len(kinds) + 1), "1"
            kinds.append(ind)
            if kind == "rate":
                a = Fraction(f"{rng.uniform(lo, hi):.1f}")
                p = Fraction(f"{rng.uniform(lo, hi):.1f}")
                v = {"a": a, "p": p if kpi_prev else None, "tt": tgt[0] if rng.random() < 0.7 else None,
                     "t": tgt[1]}
            elif kind == "money":
                a = int(rng.uniform(lo, hi) * (0.5 if half else 1) / (1000 if scale_h == 10 else 1) * scale_h)
                v = {"a": a, "p": int(a / rng.uniform(0.8, 1.3)) if kpi_prev else None,
                     "t": rnd_to(a / rng.uniform(0.85, 1.15), 10 * scale_h)}
            else:
                a = int(rng.uniform(lo, hi) * (0.5 if half else 1))
                v = {"a": a, "p": int(a / rng.uniform(0.8, 1.3)) if kpi_prev else None,
                     "t": rnd_to(a / rng.uniform(0.85, 1.15), 10)}
            kvals[ind.key] = v
            c.fig("Toàn tỉnh", ind, v["a"], v["p"], "form", v["t"])
        kpi = (kinds, kvals, kpi_prev)
        c.trait("kpi-sheet-toan-tinh-only")

    # ---- rendering
    yp = places(rng)
    c.trait(*["year-in-" + p for p in sorted(yp)])
    qh = rng.random() < 0.85
    hst = Style(rng, "xlsx", scale_h, 1)
    c.styles.append(hst)

    def ytitle(text_year, text_plain):
        return text_year if "title" in yp else text_plain

    def date_line(year_of_form):
        if half:
            return f"ngày {rng.randint(5, 25):02d} tháng 7 năm {year_of_form}"
        return f"ngày {rng.randint(5, 25):02d} tháng 01 năm {year_of_form + 1}"

    def footer(year_of_form, notes=()):
        out = []
        if notes:
            out += [("left", "Ghi chú:")] + [("left", n) for n in notes]
        if rng.random() < 0.7:
            out += signature(rng, prov, date_line(year_of_form) if rng.random() < 0.7 else None,
                             rng.choice(["NGƯỜI LẬP BIỂU", "NGƯỜI LẬP"]), chief)
            c.trait("signature")
        return out

    def head_lines(year_of_form, title_y, title_plain, unit_line=None):
        lines = quoc_hieu(rng, parent_line, AG, qh) if rng.random() < 0.5 or unit_line else \
            quoc_hieu(rng, AG, None, qh)
        if unit_line:
            lines = quoc_hieu(rng, AG, unit_line, qh)
        lines.append(("blank",))
        lines.append(("title", ytitle(title_y, title_plain)))
        return lines

    sheets_main = []
    # (a) the hierarchy sheet
    num_h = Numbering(rng)
    disp_h = num_h.apply(hinds)
    if num_h.in_label:
        c.trait("numbering-in-label")
    else:
        c.trait("numbering-in-stt-column")
    c.trait("trong-do-" + num_h.td_style)
    hv = {i.key: {"a": ha[i.key], "p": hp[i.key], "t": ht.get(i.key)} for i in hinds}
    hcols = tax_vcols(rng, Y, half, "header" in yp, True, rng.random() < 0.8)
    T = lay_tree(c, hst, hv, disp_h, hcols, dict(stt=not num_h.in_label or rng.random() < 0.4,
                                                  ind_h=rng.choice(["Chỉ tiêu", "Nội dung", "NỘI DUNG",
                                                                    "Nội dung thu"]),
                                                  pmode="ratio", gap=rng.random() < 0.15))
    per = "6 THÁNG ĐẦU NĂM" if half else "NĂM"
    title = head_lines(Y, rng.choice([f"BÁO CÁO KẾT QUẢ THU NGÂN SÁCH NHÀ NƯỚC {per} {Y}",
                                      f"TÌNH HÌNH THỰC HIỆN DỰ TOÁN THU NSNN {per} {Y}",
                                      f"Biểu 01: Kết quả thu NSNN {per.lower()} {Y}"]),
                       rng.choice([f"BÁO CÁO KẾT QUẢ THU NGÂN SÁCH NHÀ NƯỚC{' 6 THÁNG ĐẦU NĂM' if half else ''}",
                                   f"Biểu 01: Kết quả thu NSNN{' 6 tháng đầu năm' if half else ''}"]))
    if "title" in yp and rng.random() < 0.4:
        title.append(("center", f"(Kèm theo Báo cáo số      /BC-{'TTh' if new_name else 'CT'} của {agency})"))
    title.append(("right", f"Đơn vị tính: {mw_h.lower()}"))
    notes = []
    if refund and rng.random() < 0.7:
        nm = next(i for i in hinds if i.key == refund).name
        notes.append(f"- Số âm tại chỉ tiêu \"{nm}\" cùng kỳ là số hoàn thuế, điều chỉnh giảm thu.")
    if rng.random() < 0.4:
        notes.append("- Số liệu thu NSNN theo báo cáo của Kho bạc Nhà nước tỉnh.")
    sh_name = rng.choice(["Thu NSNN", "Biểu 01", "Toàn tỉnh", "Tong hop"]) + (f" {Y}" if "sheet" in yp else "")
    sheets_main.append((sh_name, dict(title=title, table=T, footer=footer(Y, notes), blank_rows=rng.choice([0, 1]),
                                      numbering=rng.choice([None, None, "paren", "letters"]),
                                      left=2 if rng.random() < 0.15 else 1)))
    if kpi:
        kinds, kvals, kpi_prev = kpi
        num_k = Numbering(rng, in_label=False)
        disp_k = num_k.apply(kinds)
        blocks = [dict(label="Toàn tỉnh", kind="province", vals=kvals)]
        c.nu("Toàn tỉnh")
        t_, a_, p_ = tax_headers(rng, Y, half, "header" in yp)
        kcols = [("dvt", (rng.choice(["ĐVT", "Đơn vị tính"]),)),
                 ("target", (rng.choice(["Kế hoạch", "Chỉ tiêu giao", "KH năm"]),)), ("act", (a_,))]
        if kpi_prev:
            kcols.append(("prev", (p_,)))
        kcols.append(("note", ("Ghi chú",)))
        T = lay_long(c, hst, blocks, disp_k, kcols, dict(stt=False, unit_h=rng.choice(["Đơn vị", "Phạm vi"]),
                                                           ind_h="Chỉ tiêu", unit_mode=rng.choice(["merge", "repeat"])))
        sheets_main.append(("KPI" + (f" {Y}" if "sheet" in yp else ""),
                            dict(title=[("title", ytitle(f"KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU QUẢN LÝ THUẾ {per} {Y}",
                                                         "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU QUẢN LÝ THUẾ"))],
                                 table=T, footer=[])))

    # (b) the units this year, and the previous year's file
    def unit_blocks(units, vkey_a, vkey_t, vkey_p, with_total, total_vals):
        blocks = []
        for n in units:
            blocks.append(dict(label=n["name"], kind="unit",
                               vals={i.key: {"a": n[vkey_a][i.key], "t": n[vkey_t].get(i.key),
                                             "p": n[vkey_p][i.key] if vkey_p else None} for i in uinds}))
        if with_total:
            tb = dict(label=tot_label, kind="agency" if tot_kind == "agency" else "total", vals=total_vals)
            c.nu(tot_label)
            if rng.random() < 0.5:
                blocks.insert(0, tb)
            else:
                blocks.append(tb)
        return blocks

    prov_vals = {i.key: {"a": prov_a[i.key], "p": prov_p[i.key], "t": prov_t[i.key]} for i in uinds}
    ust = Style(rng, "xlsx", scale_u, 1)
    c.styles.append(ust)
    ptitle = f"KẾT QUẢ THU NSNN {per} {Y} THEO ĐƠN VỊ"
    if mode == "table":
        lay = rng.choice(["long", "long", "unit_sections", "ind_sections", "wide"])
        c.trait("layout-" + lay)
        num_u = Numbering(rng, in_label=lay in ("long", "wide") or None)
        disp_u = num_u.apply(uinds)
        blocks = unit_blocks(news, "a", "t", "p" if form_prev else None, tot_kind != "none", prov_vals)
        with_pct = rng.random() < 0.5
        ucols = tax_vcols(rng, Y, half, "header" in yp, form_prev, with_pct)
        o = dict(stt=rng.random() < 0.8, unit_h=rng.choice(["Đơn vị", "Tên đơn vị", "Đơn vị thu"]),
                 ind_h=rng.choice(["Chỉ tiêu", "Nội dung thu"]), unit_mode=rng.choice(["merge", "once", "repeat"]),
                 roman=rng.random() < 0.5, pmode="ratio", spacer_rows=rng.random() < 0.2, td_head="Trong đó")
        if o["spacer_rows"]:
            c.trait("spacer-rows")
        T = lay_table(lay, c, ust, blocks, disp_u, ucols, o, TAX_LEAVES)
        page = dict(title=[("title", ytitle(ptitle, "KẾT QUẢ THU NSNN" + (" 6 THÁNG ĐẦU NĂM" if half else "") +
                                           " THEO ĐƠN VỊ"))] +
                    [("right", f"Đơn vị tính: {mw_u.lower()}")], table=T, footer=footer(Y))
        if rng.random() < 0.5:
            sheets_main.append((rng.choice(["Theo đơn vị", "Chi tiết Chi cục", "Biểu 02"]) +
                                (f" {Y}" if "sheet" in yp else ""), page))
        else:
            c.xlsx(f"Thu NSNN theo don vi {per.lower()} {Y}.xlsx" if "file" in yp else "Thu NSNN theo don vi.xlsx",
                   [("Biểu 02" + (f" {Y}" if "sheet" in yp else ""), page)])
    else:
        num_u = Numbering(rng)
        disp_u = num_u.apply(uinds)
        in_agency_line = rng.random() < 0.3
        csv_units = mode == "files" and rng.random() < 0.35
        if csv_units:
            ust = Style(rng, "csv", scale_u, 1)
            c.styles.append(ust)
            c.trait("unit-files-csv")
        ucols = tax_vcols(rng, Y, half, "header" in yp, form_prev, csv_units or rng.random() < 0.5)
        unit_pages = []
        scopes = [(n["name"], n, "unit") for n in news]
        if tot_kind == "agency":
            scopes.insert(0 if rng.random() < 0.5 else len(scopes),
                          (agency, dict(a=prov_a, t=prov_t, p=prov_p), "agency"))
        for name, n, kind in scopes:
            vals = {i.key: {"a": n["a"][i.key], "t": n["t"].get(i.key), "p": n["p"][i.key] if form_prev else None}
                    for i in uinds}
            written = name.upper() if in_agency_line else name
            if kind == "unit":
                if written != name:
                    c.units[c.units.index(name)] = written
                    for f in c.figures:
                        if f["unit"] == name:
                            f["unit"] = written
                    for a_ in c.adds_up:
                        if a_["unit"] == name:
                            a_["unit"] = written
                    if name == merged["name"]:
                        c.mergers[0]["unit"] = written
            else:
                c.nu(written)
            T = lay_tree(c, ust, vals, disp_u, ucols, dict(stt=not num_u.in_label, ind_h="Chỉ tiêu",
                                                            pmode="ratio"))
            if in_agency_line and kind == "unit":
                title = head_lines(Y, f"KẾT QUẢ THU NSNN {per} {Y}", "KẾT QUẢ THU NSNN", unit_line=written)
            else:
                title = head_lines(Y, f"KẾT QUẢ THU NSNN {per} {Y}", "KẾT QUẢ THU NSNN")
                title.append(("center", rng.choice(["Đơn vị: ", "Đơn vị báo cáo: "]) + written))
            title.append(("right", f"Đơn vị tính: {mw_u.lower()}"))
            if csv_units:
                title = csv_title(rng, title)
            short = "VP Cục Thuế" if name.startswith("Văn phòng") else re.sub(r"^Chi cục [Tt]huế ", "", name)
            short = short.replace("khu vực ", "KV ").replace("huyện ", "").replace("thành phố ", "TP ")
            short = ("CCT " + short if kind == "unit" and not short.startswith("KV") and "Cục" not in short and
                     "Thuế" not in short else short)
            if kind == "agency":
                short = rng.choice(["Toàn tỉnh", "Tổng hợp", "Cục"])
            unit_pages.append((short[:26] + (f" {Y}" if "sheet" in yp else ""), name,
                               dict(title=title, table=T, footer=footer(Y) if not csv_units else [])))
        if in_agency_line:
            c.trait("unit-in-agency-line")
        if mode == "sheets":
            sheets_main += [(s, p) for s, _, p in unit_pages]
        else:
            for s, name, p in unit_pages:
                base_name = s.replace(f" {Y}", "")
                in_name = "file" in yp or (csv_units and not yp - {"sheet"})
                fn = f"{base_name} - {per.lower()} {Y}" if in_name else base_name
                if csv_units:
                    c.csv(fn + ".csv", p)
                else:
                    c.xlsx(fn + ".xlsx", [(s, p)])
    main_name = rng.choice([f"Bao cao thu NSNN {per.lower()} {Y}", f"Biểu 01 - Thu NSNN {Y}",
                            f"KQ thu NSNN {Y} - {agency}"]) if "file" in yp else \
        rng.choice(["Bao cao thu NSNN", "Biểu tổng hợp thu NSNN", f"KQ thu NSNN - {agency}"])
    for _, p in sheets_main:
        c.observe(p, "xlsx")
    c.files.insert(0, (nfc(main_name + ".xlsx"), "xlsx", [(nfc(s), assemble(p, True)) for s, p in sheets_main]))

    # the previous year's file: the old units, each with its own figures
    pst = Style(rng, "xlsx", scale_u, 1)
    c.styles.append(pst)
    lay = rng.choice(["long", "wide", "unit_sections"])
    num_p = Numbering(rng, in_label=lay in ("long", "wide") or None)
    disp_p = num_p.apply(uinds)
    blocks = [dict(label=o["name"], kind="unit", vals={i.key: {"a": o["a"][i.key], "t": o["t"].get(i.key)}
                                                       for i in uinds}) for o in olds]
    if rng.random() < 0.5:
        tl = rng.choice(["Tổng cộng", "Toàn tỉnh"])
        blocks.append(dict(label=tl, kind="total",
                           vals={i.key: {"a": prov_p[i.key], "t": prov_pt[i.key]} for i in uinds}))
        c.nu(tl)
        for ind in uinds:
            c.early("Toàn tỉnh", ind, prov_p[ind.key], prov_pt[ind.key], Y - 1)
    pcols = tax_vcols(rng, Y - 1, half, True, False, rng.random() < 0.4)
    o = dict(stt=True, unit_h="Đơn vị", ind_h="Chỉ tiêu", unit_mode=rng.choice(["merge", "once"]), roman=False,
             pmode="ratio", td_head="Trong đó")
    T = lay_table(lay, c, pst, blocks, disp_p, pcols, o, TAX_LEAVES)
    py = Y - 1
    AGp = f"CỤC THUẾ TỈNH {prov.upper()}" if py < 2025 else AG
    pagep = dict(title=quoc_hieu(rng, AGp, None, qh) + [("blank",),
                 ("title", f"KẾT QUẢ THU NSNN {per} {py} THEO ĐƠN VỊ")] +
                 [("right", f"Đơn vị tính: {mw_u.lower()}")], table=T, footer=footer(py))
    c.xlsx(f"Thu NSNN theo Chi cuc {per.lower()} {py}.xlsx", [(f"Năm {py}" if not half else f"6T {py}", pagep)])
    c.trait("previous-year-file")
    for st in c.styles:
        c.trait(*st.neg_traits())


# ----------------------------------------------------------------------------------------------------------------
# Family 2: a police (Công an tỉnh …): the form's own cùng kỳ, a "(*)" merger
# ----------------------------------------------------------------------------------------------------------------

P_IND = {   # key: (names, kind, measure, who reports it, base range per half-year at a mid district)
    "crime": (["Số vụ phạm pháp hình sự", "Số vụ phạm tội về trật tự xã hội",
               "Tổng số vụ phạm pháp hình sự xảy ra"],
              "count", "vụ", "d", (8, 40)),
    "crime_td": (["Số vụ rất nghiêm trọng, đặc biệt nghiêm trọng",
                  "Án rất nghiêm trọng, đặc biệt nghiêm trọng"],
                 "count", "vụ", "d", (0.1, 0.35)),
    "cleared": (["Số vụ đã điều tra làm rõ", "Số vụ điều tra, khám phá", "Số vụ đã điều tra khám phá"],
                "count", "vụ", "d", (0.6, 0.95)),
    "kp": (["Tỷ lệ điều tra khám phá (%)", "Tỷ lệ điều tra, khám phá án phạm pháp hình sự",
            "Tỷ lệ điều tra khám phá các vụ phạm pháp hình sự"], "rate", "%", "d", None),
    "tin": (["Số tin báo, tố giác về tội phạm tiếp nhận",
             "Tổng số tố giác, tin báo về tội phạm tiếp nhận"],
            "count", "tin", "d", (15, 80)),
    "tin_gq": (["Số tin báo, tố giác đã giải quyết", "Số tố giác, tin báo đã giải quyết"], "count", "tin", "d",
               (0.8, 0.99)),
    "tin_rate": (["Tỷ lệ giải quyết tin báo, tố giác về tội phạm (%)",
                  "Tỷ lệ giải quyết tố giác, tin báo về tội phạm"], "rate", "%", "d", None),
    "ma_tuy": (["Số vụ phạm tội về ma túy bị phát hiện", "Số vụ ma túy phát hiện, bắt giữ"],
               "count", "vụ", "dM",
               (3, 20)),
    "ma_tuy_td": (["Số vụ mua bán trái phép chất ma túy", "Mua bán trái phép chất ma túy"], "count", "vụ", "dM",
                  (0.2, 0.5)),
    "truy_na": (["Số đối tượng truy nã bị bắt, vận động đầu thú",
                 "Số đối tượng truy nã bắt, vận động đầu thú"],
                "count", "đối tượng", "dH", (2, 12)),
    "tngt": (["Số vụ tai nạn giao thông", "Số vụ TNGT"], "count", "vụ", "d", (3, 25)),
    "tngt_chet": (["Số người chết do TNGT", "Số người chết do tai nạn giao thông"], "count", "người", "d", (0.3, 0.9)),
    "chay": (["Số vụ cháy", "Số vụ cháy, nổ"], "count", "vụ", "d", (0, 6)),
    "chay_td": (["Cháy nhà ở, nhà ở kết hợp kinh doanh", "Cháy nhà dân"], "count", "vụ", "d", (0.3, 0.7)),
}
PHONG = [("H", "Phòng Cảnh sát hình sự"), ("M", "Phòng Cảnh sát điều tra tội phạm về ma túy")]
RATES = {"kp": ("cleared", "crime"), "tin_rate": ("tin_gq", "tin")}


def police_values(rng, keys, size, s, before=None):
    """One unit's counts for one period (before: the same unit's previous counts, to grow from)."""
    v = {}

    def base(k):
        lo, hi = P_IND[k][4]
        if before is not None and k in before:
            return max(0, int(round(before[k] * rng.uniform(0.7, 1.35) + rng.choice([-1, 0, 1]))))
        return max(0, int(round(rng.uniform(lo, hi) * size * s)))
    for k in keys:
        kind = P_IND[k][1]
        if kind == "rate":
            continue
        if k in ("crime_td", "ma_tuy_td", "chay_td"):
            par = k[:-3]
            v[k] = min(v[par], int(round(v[par] * rng.uniform(*P_IND[k][4]))))
        elif k in ("cleared", "tin_gq"):
            par = "crime" if k == "cleared" else "tin"
            v[k] = min(v[par], int(round(v[par] * rng.uniform(*P_IND[k][4]))))
        elif k == "tngt_chet":
            v[k] = int(round(v["tngt"] * rng.uniform(*P_IND[k][4])))
        else:
            v[k] = base(k)
            if k in ("crime", "tin"):
                v[k] = max(2, v[k])
    return v


def police_rates(v, dec):
    for r, (num, den) in RATES.items():
        if num in v and den in v:
            v[r] = rate_of(v[num], v[den], dec)
    return v


def gen_police(c):
    rng = c.rng
    prov = rng.choice(list(PROVINCES))
    dists = PROVINCES[prov]
    Y = rng.choice([2023, 2024, 2025, 2025])
    half = rng.random() < 0.6
    c.year, c.period = Y, "6 tháng" if half else "năm"
    c.trait("period-6-thang" if half else "period-nam")
    s = 1 if half else 2
    agency = f"Công an tỉnh {prov}"
    AG = agency.upper()
    c.agency_key, c.agency = agency, AG
    dec = rng.choice([1, 1, 2])
    fmt = "csv" if rng.random() < 0.25 else "xlsx"
    c.trait(fmt)

    # ---- indicators
    keys = ["crime"]
    if rng.random() < 0.55:
        keys.append("crime_td")
    show_cleared = rng.random() < 0.7
    keys += ["cleared", "kp"]
    tin = rng.random() < 0.4
    show_tin = tin and rng.random() < 0.6
    if tin:
        keys += ["tin", "tin_gq", "tin_rate"]
    for k, p in (("ma_tuy", 0.5), ("truy_na", 0.5), ("tngt", 0.5), ("chay", 0.3)):
        if rng.random() < p:
            keys.append(k)
            td = {"ma_tuy": "ma_tuy_td", "tngt": "tngt_chet", "chay": "chay_td"}.get(k)
            if td and rng.random() < 0.5:
                keys.append(td)
    hidden = set()
    if not show_cleared:
        hidden.add("cleared")
        c.trait("rate-without-counts")
    else:
        c.trait("rate-with-counts")
    if tin and not show_tin:
        hidden |= {"tin", "tin_gq"}
    inds, by = [], {}
    n = 0
    for k in keys:
        names, kind, meas, who, _ = P_IND[k]
        parent = by.get(k[:-3]) if k.endswith("_td") else None
        ind = Ind(k, rng.choice(names), kind, meas, parent=parent, trong_do=parent is not None, who=who)
        by[k] = ind
        if k not in hidden:
            if parent is None:
                n += 1
                ind.tok, ind.tok_kind = str(n), "1"
            else:
                ind.tok_kind = "-"
            inds.append(ind)
    if any(i.trong_do for i in inds):
        c.trait("trong-do-sub-counts")

    # ---- units: districts and a few departments; one district absorbs another this year
    tpw, txw = rng.choice(["TP", "thành phố", "TP."]), rng.choice(["thị xã", "TX", "thị xã"])

    def dname(d):
        return f"Công an {({'tp': tpw, 'tx': txw, 'h': 'huyện'})[d[0]]} {d[1]}"

    all_h = [i for i in range(len(dists)) if dists[i][0] == "h"]
    nmerge = 2 if rng.random() < 0.2 else 1
    absorbed = rng.sample(all_h, nmerge)
    free = [i for i in range(len(dists)) if i not in absorbed]
    idx = sorted(rng.sample(free, min(len(free), rng.randint(4, 6))))
    absorbers = rng.sample(idx, nmerge)
    marks = rng.choice([("(*)", "(**)"), ("(*)", "(**)"), ("(1)", "(2)"), ("*", "**")])
    in_note = rng.random() < 0.8
    c.trait("merger-note-under-table" if in_note else "merger-in-ghi-chu-column")
    if nmerge == 2:
        c.trait("two-mergers")
    olds, news = [], []
    phong = [p for p in PHONG if any(p[0] in P_IND[k][3] for k in keys)]
    phong = [p for p in phong if rng.random() < 0.6]
    phong_first = rng.random() < 0.5
    notes = []
    for i in sorted(idx + absorbed):
        d = dists[i]
        size = {"tp": 1.8, "tx": 1.2, "h": 1.0}[d[0]] * rng.uniform(0.6, 1.4)
        olds.append(dict(key=i, name=dname(d), size=size, who="d"))
        if i in absorbed:
            continue
        entry = dict(name=dname(d), preds=[i], who="d")
        if i in absorbers:
            other = absorbed[absorbers.index(i)]
            oname = dname(dists[other])
            entry["preds"] = [i, other]
            m = marks[len(c.mergers)]          # marks in the order the table shows them
            if in_note:
                entry["name"] = f"{dname(d)}{'' if m.startswith('*') else ' '}{m}"
                notes.append(rng.choice([f"{m} Sáp nhập {oname}", f"{m} Gồm cả số liệu của {oname}",
                                         f"{m} Từ 01/3/{Y} sáp nhập {oname}; số liệu cùng kỳ đã bao gồm số liệu của "
                                         f"{oname}",
                                         f"{m} {dname(d)} sáp nhập {oname} từ ngày 01/3/{Y}"]))
            else:
                entry["note"] = rng.choice([f"Sáp nhập {oname} từ 01/3/{Y}", f"Gồm cả số liệu {oname}"])
            c.mergers.append({"unit": entry["name"], "from": [dname(d), oname], "year": Y})
        news.append(entry)
    for who, pn in phong:
        o = dict(key=pn, name=pn, size=rng.uniform(0.5, 1.2), who=who)
        e = dict(name=pn, preds=[pn], who=who)
        if phong_first:
            olds.insert(len([x for x in olds if x["who"] != "d"]), o)
            news.insert(len([x for x in news if x["who"] != "d"]), e)
        else:
            olds.append(o)
            news.append(e)
    if phong:
        c.trait("departments-report-some-indicators")
    old_by = {o["key"]: o for o in olds}
    c.previous_units = [o["name"] for o in olds]

    def reports(who):
        return [k for k in keys if (who == "d" and "d" in P_IND[k][3]) or (who != "d" and who in P_IND[k][3])]

    for o in olds:
        o["v"] = police_rates(police_values(rng, reports(o["who"]), o["size"], s), dec)
    for e in news:
        preds = [old_by[k] for k in e["preds"]]
        before = {}
        for k in reports(e["who"]):
            if P_IND[k][1] != "rate":
                before[k] = sum(p["v"][k] for p in preds)
        e["v"] = police_rates(police_values(rng, reports(e["who"]), 1, s, before), dec)
        ck = dict(before)
        e["ck"] = police_rates(ck, dec)

    earlier_file = rng.random() < 0.5
    revised = None
    if earlier_file and rng.random() < 0.4:
        cands = [(e, k) for e in news if len(e["preds"]) == 1 for k in e["ck"]
                 if k in ("truy_na", "tngt", "tngt_chet", "ma_tuy", "chay", "crime_td", "ma_tuy_td", "chay_td")
                 and by[k] in inds]
        if cands:
            e, k = rng.choice(cands)
            old = e["ck"][k]
            e["ck"][k] = max(0, old + rng.choice([-2, -1, 1, 2, 3]))
            if e["ck"][k] == old:
                e["ck"][k] = old + 1
            revised = (e, k, old)
            c.trait("cung-ky-revised-by-office")

    # province: pooled over every unit that reports
    def pool(list_of_v):
        tot = {}
        for k in keys:
            if P_IND[k][1] == "rate":
                continue
            vs = [v[k] for v in list_of_v if k in v]
            if vs:
                tot[k] = sum(vs)
        return police_rates(tot, dec)
    prov_a = pool([e["v"] for e in news])
    prov_p = pool([e["ck"] for e in news])
    prov_old = pool([o["v"] for o in olds])

    # targets: thresholds for the rates ("≥ 75%"), none for counts
    has_target = rng.random() < 0.4
    tmap = {}
    if has_target:
        c.trait("rate-thresholds")
        for r, v in (("kp", rng.choice([70, 75, 80])), ("tin_rate", 90)):
            if r in by:
                text = rng.choice([f"≥ {v}%", f"≥{v}%", f"Trên {v}%"]) if fmt == "csv" or rng.random() < 0.7 else None
                tmap[r] = (v, text)

    # ---- the layout
    tot_kind = rng.choice(["total", "total", "total", "agency", "none", "none"])
    tot_label = {"total": rng.choice(["TOÀN TỈNH", "Toàn tỉnh", "Tổng cộng", "TỔNG CỘNG"]), "agency": agency,
                 "none": None}[tot_kind]
    if tot_kind == "agency":
        c.trait("agency-row-among-units")
    elif tot_kind == "total":
        c.trait("total-row")
    tot_top = rng.random() < 0.6
    lay = "long" if fmt == "csv" else rng.choice(["long", "long", "unit_sections", "ind_sections", "wide"])
    c.trait("layout-" + lay)
    yp = places(rng)
    if fmt == "csv" and not yp - {"sheet"}:
        yp = {"file"}                      # a CSV has no sheet name to hold the year
    c.trait(*["year-in-" + p for p in sorted(yp)])
    yh = "header" in yp
    hstyle = rng.randrange(3)
    per = "6 tháng đầu năm" if half else "Năm"
    if hstyle == 2 and yh:
        pl, al = f"{per} {Y - 1}", f"{per} {Y}"
    else:
        pl = rng.choice([f"Cùng kỳ {Y - 1}", f"Cùng kỳ năm {Y - 1}"]) if yh else rng.choice(["Cùng kỳ",
                                                                                          "Cùng kỳ năm trước"])
        al = rng.choice(["Kỳ này", "Kỳ báo cáo"]) if rng.random() < 0.7 or not yh else f"{per} {Y}"
        if yh and not (yp & {"title", "file", "sheet"}):
            al = f"{per} {Y}"              # "Cùng kỳ 2024 | Kỳ này" alone would leave this period's year unsaid
    grouped = hstyle == 1 and fmt == "xlsx"
    has_diff = rng.random() < 0.7
    has_pct = rng.random() < 0.7
    has_dvt = rng.random() < 0.5 and lay != "wide"
    has_note = (not in_note) or rng.random() < 0.25
    prev_first = rng.random() < 0.8
    vcols = []
    if has_dvt:
        vcols.append(("dvt", (rng.choice(["ĐVT", "Đơn vị tính"]),)))
    if has_target:
        tn = rng.choice(["Chỉ tiêu giao", "KH", "Chỉ tiêu 6 tháng" if half else "Chỉ tiêu năm"])
        vcols.append(("target", (tn,)))
    g = rng.choice(["Kết quả", "Kết quả thực hiện"])
    pa = [("prev", (g, pl) if grouped else (pl,)), ("act", (g, al) if grouped else (al,))]
    vcols += pa if prev_first else pa[::-1]
    if has_diff or has_pct:
        cg = rng.choice(["So sánh cùng kỳ", "So sánh"]) if grouped else None
        dl = rng.choice(["Tăng (+), giảm (-)", "So sánh (+/-)", "Tăng, giảm"])
        plb = rng.choice(["Tỷ lệ (%)", "Tỷ lệ tăng, giảm (%)", "%"])
        if has_diff:
            vcols.append(("diff", (cg, dl) if cg else (dl,)))
        if has_pct:
            vcols.append(("pct_prev", (cg, plb) if cg else (plb if plb != "%" else "Tỷ lệ (%)",)))
    if has_note:
        vcols.append(("note", ("Ghi chú",)))
    c.trait("cung-ky-header-" + ["cung-ky-ky-nay", "grouped", "years"][hstyle])

    st = Style(rng, fmt, 1, dec)

    def vals_of(vv, ck, rep, note=None, is_prov=False):
        out = {}
        for ind in inds:
            if ind.key not in vv:
                continue
            d = {"a": vv[ind.key], "p": ck.get(ind.key) if ck is not None else None}
            if ind.key in tmap:
                d["t"], d["tt"] = tmap[ind.key]
            out[ind.key] = d
        if note and out:
            out[next(iter(out))]["note"] = note
        return out

    blocks = []
    for e in news:
        blocks.append(dict(label=e["name"], kind="unit", vals=vals_of(e["v"], e["ck"], None), who=e["who"],
                           note=e.get("note")))
    sections = phong and lay in ("long", "unit_sections", "wide") and rng.random() < 0.6
    if sections:
        c.trait("unit-group-sections")
        stt_sep = rng.random() < 0.5
        heads = [("I", "CÁC PHÒNG NGHIỆP VỤ"), ("II", "CÔNG AN CÁC HUYỆN, THỊ XÃ, THÀNH PHỐ")]
        if not phong_first:
            heads = [("I", "CÔNG AN CÁC HUYỆN, THỊ XÃ, THÀNH PHỐ"), ("II", "CÁC PHÒNG NGHIỆP VỤ")]
        out, last = [], None
        for b in blocks:
            grp = "p" if b["who"] != "d" else "d"
            if grp != last:
                h = heads[0] if last is None else heads[1]
                out.append(dict(label=h[1] if stt_sep else f"{h[0]}. {h[1]}", kind="section",
                                stt=h[0] if stt_sep else None, vals={}))
                last = grp
            out.append(b)
        blocks = out
    if tot_kind != "none":
        tb = dict(label=tot_label, kind=tot_kind, vals=vals_of(prov_a, prov_p, None))
        c.nu(tot_label)
        if tot_top:
            blocks.insert(0, tb)
        else:
            blocks.append(tb)

    num = Numbering(rng, in_label=lay in ("long", "wide") or None, td_style="inline" if lay == "ind_sections" else None)
    disp = num.apply(inds)
    o = dict(stt=fmt == "xlsx" or rng.random() < 0.5, unit_h=rng.choice(["Đơn vị", "Đơn vị thực hiện", "Tên đơn vị"]),
             ind_h=rng.choice(["Nội dung", "Chỉ tiêu", "Nội dung chỉ tiêu"]), pmode="change",
             unit_mode=("once" if fmt == "csv" else rng.choice(["merge", "merge", "once", "repeat"])),
             roman=rng.random() < 0.5, gap=rng.random() < 0.12, spacer_rows=rng.random() < 0.2, td_head="Trong đó",
             note=has_note)
    if o["gap"]:
        c.trait("spacer-column")
    if o["spacer_rows"]:
        c.trait("spacer-rows")
    lab = {"dvt": "ĐVT", "target": "Chỉ tiêu", "prev": pl if len(pl) < 14 else "Cùng kỳ",
           "act": al if str(Y) in al else "Kỳ này", "diff": "+/-", "pct_prev": "Tỷ lệ (%)"}
    T = lay_table(lay, c, st, blocks, disp, vcols, o, lab)

    def title_for(year, yflag):
        t = []
        if fmt == "xlsx" or rng.random() < 0.6:
            c.block_seen = True
            if rng.random() < 0.3:
                t += quoc_hieu(rng, "BỘ CÔNG AN", f"CÔNG AN TỈNH {prov.upper()}", rng.random() < 0.85)
            else:
                t += quoc_hieu(rng, f"CÔNG AN TỈNH {prov.upper()}", rng.choice(["PHÒNG THAM MƯU", None]),
                               rng.random() < 0.85)
            t.append(("blank",))
        if half:
            t.append(("title", rng.choice([f"BÁO CÁO SƠ KẾT 6 THÁNG ĐẦU NĂM {year}",
                                           f"Kết quả công tác 6 tháng đầu năm {year}"]) if yflag else
                      rng.choice(["BÁO CÁO SƠ KẾT 6 THÁNG ĐẦU NĂM", "Kết quả công tác 6 tháng đầu năm"])))
        else:
            t.append(("title", rng.choice([f"BÁO CÁO TỔNG KẾT CÔNG TÁC NĂM {year}",
                                           f"Kết quả thực hiện các chỉ tiêu công tác năm {year}"]) if yflag else
                      rng.choice(["BÁO CÁO TỔNG KẾT CÔNG TÁC NĂM", "Kết quả thực hiện các chỉ tiêu công tác năm"])))
        if yflag and rng.random() < 0.4:
            t.append(("center", f"(Số liệu từ ngày 15/12/{year - 1} đến ngày 14/{6 if half else 12}/{year})"))
            c.trait("period-line")
        return t

    def footer_for(year, nts):
        out = []
        if nts:
            if rng.random() < 0.5:
                out.append(("left", "Ghi chú:"))
            out += [("left", x) for x in nts]
        if fmt == "xlsx" and rng.random() < 0.7:
            mon = "6" if half else "12"
            out += signature(rng, prov, f"ngày {rng.randint(15, 28)} tháng {mon} năm {year}" if rng.random() < 0.7
                             else None, rng.choice(["NGƯỜI LẬP BẢNG", "CÁN BỘ TỔNG HỢP"]), ("KT. GIÁM ĐỐC",
                                                                                            "PHÓ GIÁM ĐỐC"),
                             rank="Đại tá ")
            c.trait("signature")
        return out

    nts = list(notes)
    if rng.random() < 0.3:
        nts.append(rng.choice(["- Số liệu tính từ ngày 15/12 năm trước đến ngày 14 của tháng cuối kỳ.",
                               "- Tỷ lệ (%) so với cùng kỳ.", "- Số liệu tạm tính, chưa qua kiểm tra."]))
    title = title_for(Y, "title" in yp)
    page = dict(title=title if fmt == "xlsx" else csv_title(rng, title), table=T, footer=footer_for(Y, nts),
                blank_rows=rng.choice([0, 1]), numbering=rng.choice([None, None, "paren"]) if fmt == "xlsx" else None,
                left=2 if fmt == "xlsx" and rng.random() < 0.12 else 1)
    slug = "so ket 6 thang" if half else "tong ket nam"
    fname = f"CA {prov} - {slug} {Y}" if "file" in yp else rng.choice([f"CA {prov} - {slug}", "Bieu chi tieu"])
    sheet = rng.choice([f"6T {Y}", f"Sơ kết {Y}"] if half else [f"Năm {Y}", f"TK {Y}"]) if "sheet" in yp else \
        rng.choice(["Biểu 1", "Sheet1", "Chỉ tiêu"])
    if fmt == "csv":
        c.csv(fname + ".csv", page)
    else:
        c.xlsx(fname + ".xlsx", [(sheet, page)])

    # ---- truth of this period's form
    for e in news:
        c.unit(e["name"])
        for ind in inds:
            if ind.key in e["v"]:
                t = tmap.get(ind.key, (None,))[0]
                c.fig(e["name"], ind, e["v"][ind.key], e["ck"][ind.key], "form", t)
    for ind in inds:
        if ind.key not in prov_a:
            continue
        if tot_kind != "none":
            c.fig("Toàn tỉnh", ind, prov_a[ind.key], prov_p[ind.key], "form", tmap.get(ind.key, (None,))[0])
        elif ind.kind != "rate":
            c.fig("Toàn tỉnh", ind, prov_a[ind.key], prov_p[ind.key], "sum", None, published=False)

    # ---- the earlier file: the same period a year before, the old units apart
    if earlier_file:
        c.trait("earlier-file-old-units-apart")
        pst = Style(rng, "xlsx", 1, dec)
        lay2 = rng.choice(["long", "unit_sections", "units_cols"])
        num2 = Numbering(rng, in_label=lay2 == "long" or None)
        disp2 = num2.apply(inds)
        b2 = [dict(label=o["name"], kind="unit", vals={k: {"a": v} for k, v in o["v"].items() if by.get(k) in inds})
              for o in olds]
        if rng.random() < 0.5:
            tl = rng.choice(["Toàn tỉnh", "Tổng cộng"])
            b2.append(dict(label=tl, kind="total",
                           vals={k: {"a": v} for k, v in prov_old.items() if by.get(k) in inds}))
            c.nu(tl)
            for ind in inds:
                if ind.key in prov_old:
                    c.early("Toàn tỉnh", ind, prov_old[ind.key], None, Y - 1)
        al2 = f"{per} {Y - 1}" if rng.random() < 0.5 else "Kết quả"
        o2 = dict(stt=True, unit_h="Đơn vị", ind_h="Nội dung", unit_mode="merge", roman=False, pmode="change",
                  group=al2 if al2 != "Kết quả" else None)      # the group heading over a units_cols table's units
        T2 = lay_table(lay2, c, pst, b2, disp2, [("act", (al2,))], o2)
        page2 = dict(title=title_for(Y - 1, True), table=T2, footer=footer_for(Y - 1, []))
        c.xlsx(f"CA {prov} - {slug} {Y - 1}.xlsx", [(f"6T {Y - 1}" if half else f"Năm {Y - 1}", page2)])
        for o in olds:
            for ind in inds:
                if ind.key in o["v"]:
                    c.early(o["name"], ind, o["v"][ind.key], None, Y - 1)
        if revised:
            e, k, old = revised
            c.disagreements.append({"unit": e["name"], "indicator": by[k].name, "form_cung_ky": e["ck"][k],
                                    "earlier_file": old, "earlier_unit": old_by[e["preds"][0]]["name"]})
    c.trait(*st.neg_traits())


# ----------------------------------------------------------------------------------------------------------------
# Family 3: a court, a procuracy, an education or a health department, one of whose districts splits in two
# ----------------------------------------------------------------------------------------------------------------

# indicator specs: (key, names, kind, measure, how, with a KH) — how: ("base", lo, hi) | ("item", parent, lo, hi) an
# item of a parent that is their sum | ("sum",) | ("td", parent, lo, hi) a "Trong đó" part | ("ratio", of, lo, hi)
# a count bounded by another | ("rate", numerator, denominator, threshold)
THIRD = {
    "court": dict(
        agency="Tòa án nhân dân tỉnh {p}", lines=("TÒA ÁN NHÂN DÂN TỈNH {P}", ["VĂN PHÒNG", None]), ag_line=0,
        units=["TAND {w} {n}", "Tòa án nhân dân {w} {n}"], extras=["Tòa Hình sự", "Tòa Dân sự"],
        extra_keys=["tl", "gq", "rate"], head=("KT. CHÁNH ÁN", "PHÓ CHÁNH ÁN"),
        title="KẾT QUẢ CÔNG TÁC XÉT XỬ",
        inds=[("tl", ["Số vụ việc thụ lý", "Tổng số vụ việc thụ lý"], "count", "vụ việc", ("base", 60, 300), False),
              ("tl_td", ["Số vụ việc mới thụ lý", "Thụ lý mới"], "count", "vụ việc", ("td", "tl", 0.7, 0.9), False),
              ("gq", ["Số vụ việc đã giải quyết", "Số vụ việc giải quyết xong"], "count", "vụ việc",
               ("ratio", "tl", 0.75, 0.97), False),
              ("gq_td1", ["Án hình sự", "Vụ án hình sự"], "count", "vụ", ("td", "gq", 0.15, 0.3), False),
              ("gq_td2", ["Vụ việc dân sự", "Án dân sự"], "count", "vụ việc", ("td", "gq", 0.4, 0.6), False),
              ("rate", ["Tỷ lệ giải quyết (%)", "Tỷ lệ giải quyết các loại vụ việc"], "rate", "%",
               ("rate", "gq", "tl", 85), True),
              ("huy", ["Số bản án, quyết định bị hủy do nguyên nhân chủ quan"], "count", "vụ", ("base", 0, 3),
               False)]),
    "procuracy": dict(
        agency="Viện kiểm sát nhân dân tỉnh {p}",
        lines=("VIỆN KIỂM SÁT NHÂN DÂN TỈNH {P}", ["VĂN PHÒNG TỔNG HỢP", None]),
        ag_line=0, units=["VKSND {w} {n}", "Viện KSND {w} {n}"], extras=["Phòng 1", "Phòng 2"],
        extra_keys=["tb", "tbgq", "rate", "va"], head=("KT. VIỆN TRƯỞNG", "PHÓ VIỆN TRƯỞNG"),
        title="KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NGHIỆP VỤ",
        inds=[("tb", ["Số tố giác, tin báo về tội phạm thụ lý", "Tổng số tin báo, tố giác thụ lý"],
               "count", "tin",
               ("base", 40, 220), False),
              ("tb_td", ["Số tin báo mới tiếp nhận", "Tiếp nhận mới"], "count", "tin", ("td", "tb", 0.75, 0.95), False),
              ("tbgq", ["Số tố giác, tin báo đã giải quyết"], "count", "tin", ("ratio", "tb", 0.8, 0.98), False),
              ("rate", ["Tỷ lệ giải quyết tố giác, tin báo về tội phạm (%)",
                        "Tỷ lệ giải quyết tố giác, tin báo về tội phạm"], "rate", "%", ("rate", "tbgq", "tb", 90),
               True),
              ("va", ["Số vụ án hình sự thụ lý kiểm sát điều tra"], "count", "vụ", ("base", 15, 90), False),
              ("va_td", ["Số vụ án khởi tố mới", "Khởi tố mới"], "count", "vụ", ("td", "va", 0.55, 0.85), False)]),
    "education": dict(
        agency="Sở Giáo dục và Đào tạo tỉnh {p}", lines=("UBND TỈNH {P}", ["SỞ GIÁO DỤC VÀ ĐÀO TẠO"]), ag_line=1,
        units=["Phòng GD&ĐT {w} {n}", "Phòng Giáo dục và Đào tạo {w} {n}"], extras=[], extra_keys=[],
        head=("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), title="KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU GIÁO DỤC",
        inds=[("hs", ["Tổng số học sinh", "Số học sinh"], "count", "học sinh", ("sum",), False),
              ("hs1", ["Tiểu học", "Cấp tiểu học"], "count", "học sinh", ("item", "hs", 3000, 9000), False),
              ("hs2", ["Trung học cơ sở", "Cấp THCS"], "count", "học sinh", ("item", "hs", 2000, 6000), False),
              ("tr", ["Tổng số trường", "Số trường"], "count", "trường", ("base", 25, 60), False),
              ("tr_td", ["Số trường đạt chuẩn quốc gia", "Trường đạt chuẩn quốc gia"], "count", "trường",
               ("td", "tr", 0.4, 0.85), True),
              ("rate", ["Tỷ lệ trường đạt chuẩn quốc gia (%)", "Tỷ lệ trường đạt chuẩn quốc gia"], "rate", "%",
               ("rate", "tr_td", "tr", 70), True),
              ("pk", ["Số phòng học kiên cố", "Phòng học kiên cố"], "count", "phòng", ("base", 200, 700), True)]),
    "health": dict(
        agency="Sở Y tế tỉnh {p}", lines=("UBND TỈNH {P}", ["SỞ Y TẾ"]), ag_line=1,
        units=["Trung tâm Y tế {w} {n}", "TTYT {w} {n}"], extras=[], extra_keys=[],
        head=("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), title="KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU Y TẾ",
        inds=[("kb", ["Số lượt khám bệnh", "Tổng số lượt khám bệnh"], "count", "lượt", ("base", 30000, 150000), True),
              ("kb_td", ["Số lượt khám bệnh BHYT", "Khám BHYT"], "count", "lượt", ("td", "kb", 0.6, 0.9), False),
              ("nt", ["Số lượt điều trị nội trú", "Số bệnh nhân điều trị nội trú"], "count", "lượt",
               ("base", 2000, 12000), True),
              ("tre", ["Số trẻ em dưới 1 tuổi", "Số trẻ dưới 1 tuổi"], "count", "trẻ", ("base", 500, 3000), False),
              ("tre_td", ["Số trẻ được tiêm chủng đầy đủ", "Được tiêm chủng đầy đủ"], "count", "trẻ",
               ("td", "tre", 0.9, 0.99), False),
              ("rate", ["Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ (%)",
                        "Tỷ lệ tiêm chủng đầy đủ cho trẻ dưới 1 tuổi"], "rate", "%", ("rate", "tre_td", "tre", 95),
               True)]),
}


def third_values(rng, specs, keys, size, before=None, dec=1):
    v = {}
    for key, _, kind, _, how, _ in specs:
        if key not in keys or how[0] in ("sum", "rate"):
            continue
        if how[0] in ("base", "item"):
            if before is not None and key in before:
                v[key] = max(0, int(round(before[key] * rng.uniform(0.85, 1.2))))
            else:
                lo, hi = how[-2:]
                v[key] = max(0, int(round(rng.uniform(lo, hi) * size)))
        else:
            par = v[how[1]] if how[1] in v else None
            if par is None:        # a part of a sum parent computed below
                continue
            v[key] = min(par, int(round(par * rng.uniform(how[2], how[3]))))
    return third_finish(specs, keys, v, dec)


def third_finish(specs, keys, v, dec):
    for key, _, kind, _, how, _ in specs:
        if key in keys and how[0] == "sum":
            v[key] = sum(v[k] for k, _, _, _, h, _ in specs if h[0] == "item" and h[1] == key and k in v)
    for key, _, kind, _, how, _ in specs:
        if key in keys and how[0] == "rate" and how[1] in v and how[2] in v:
            v[key] = rate_of(v[how[1]], v[how[2]], dec)
    return v


def third_split(specs, keys, old, f, dec):
    """The office's re-allocation of an old unit's counts to its two successors (the two add up to it)."""
    a, b = {}, {}
    for key, _, kind, _, how, _ in specs:
        if key not in old or how[0] in ("sum", "rate"):
            continue
        if how[0] in ("base", "item"):
            a[key] = int(round(old[key] * f))
            b[key] = old[key] - a[key]
        else:
            p = how[1]
            a[key] = min(a[p], int(round(old[key] * f)))
            b[key] = old[key] - a[key]
            if b[key] > b[p]:
                b[key] = b[p]
                a[key] = old[key] - b[key]
    return third_finish(specs, keys, a, dec), third_finish(specs, keys, b, dec)


def gen_split(c):
    rng = c.rng
    kind = rng.choice(list(THIRD))
    A = THIRD[kind]
    prov = rng.choice(list(PROVINCES))
    dists = PROVINCES[prov]
    Y = rng.choice([2022, 2023, 2024, 2025])
    c.year, c.period = Y, "năm"
    c.trait("agency-" + kind, "period-nam")
    agency = A["agency"].format(p=prov)
    l1 = A["lines"][0].format(P=prov.upper())
    l2 = rng.choice(A["lines"][1])
    c.agency_key = agency
    c.agency = l1 if A["ag_line"] == 0 else l2
    school = kind == "education" and rng.random() < 0.5
    dec = rng.choice([1, 1, 2])

    def yl(y):
        if school:
            return rng.choice([f"{y - 1}-{y}", f"{y - 1} - {y}", f"{y - 1}–{y}"])
        return str(y)
    if school:
        c.trait("school-year")

    # ---- indicators
    specs = A["inds"]
    keys = []
    for key, names, k, meas, how, kh in specs:
        if how[0] in ("td",) and rng.random() < 0.35 and key not in [s[4][1] for s in specs if s[4][0] == "rate"]:
            continue
        keys.append(key)
    inds, by = [], {}
    n = 0
    sum_formula = rng.random() < 0.5
    for key, names, k, meas, how, kh in specs:
        if key not in keys:
            continue
        parent = by.get(how[1]) if how[0] in ("td", "item") else None
        ind = Ind(key, rng.choice(names), k, meas, parent=parent, trong_do=how[0] == "td")
        by[key] = ind
        if how[0] == "item":
            ind.tok_kind = "1.1"
            ind.tok = f"{parent.tok}.{len([x for x in parent.children if not x.trong_do])}"
        elif how[0] == "td":
            ind.tok_kind = "-"
        else:
            n += 1
            ind.tok, ind.tok_kind = str(n), "1"
        if how[0] == "sum":
            ind.exact = True
        inds.append(ind)
    for ind in inds:
        items = [x for x in ind.children if not x.trong_do]
        if items and sum_formula:
            ind.formula = "(" + "+".join(x.tok for x in items) + ")"
            ind.name = f"{ind.name} {ind.formula}"
    if any(i.trong_do for i in inds):
        c.trait("trong-do-sub-counts")
    if any(i.formula for i in inds):
        c.trait("items-formula-stated")

    # ---- units; one district splits in two this year
    form = rng.choice(A["units"])
    tpw = rng.choice(["TP", "thành phố", "TP."])

    def uname(kind_, name):
        return form.format(w={"tp": tpw, "tx": "thị xã", "h": "huyện"}[kind_], n=name)

    hs = [i for i, d in enumerate(dists) if d[0] == "h"]
    sp = rng.choice(hs)
    b = dists[sp][1]
    variant = rng.choice(["halves", "halves", "town", "new-district"])
    names_in_prov = {d[1] for d in dists}
    if variant == "halves":
        pair = rng.choice([("Nam", "Bắc"), ("Đông", "Tây")])
        into = [uname("h", f"{b} {pair[0]}"), uname("h", f"{b} {pair[1]}")]
        note = rng.choice([f"(*) Huyện {b} được chia thành huyện {b} {pair[0]} và huyện {b} {pair[1]} từ ngày "
                           f"01/01/{Y}.", f"Ghi chú: Từ năm {Y}, huyện {b} tách thành 2 huyện {b} {pair[0]}, "
                           f"{b} {pair[1]}."]) if rng.random() < 0.5 else None
    elif variant == "town":
        into = [uname("tx", b), uname("h", b)]
        note = rng.choice([f"Ghi chú: Thị xã {b} được thành lập từ ngày 01/01/{Y} "
                           f"trên cơ sở tách từ huyện {b}; số "
                           f"liệu năm {Y - 1} đã tính lại theo địa giới mới.",
                           f"(*) Thành lập thị xã {b} trên cơ sở một phần diện tích, dân số của huyện {b} "
                           f"(từ 01/01/{Y})."])
    else:
        nd = rng.choice([x for x in NEW_DISTRICTS if x not in names_in_prov])
        into = [uname("h", b), uname("h", nd)]
        note = f"Ghi chú: Huyện {nd} được thành lập từ ngày 01/01/{Y} " \
               f"trên cơ sở tách một phần diện tích, dân số " \
               f"của huyện {b}; số liệu năm {Y - 1} đã tính lại theo địa giới mới."
    c.trait("split-" + variant, "split-note" if note else "split-no-note")
    old_name = uname("h", b)
    rest = [i for i in range(len(dists)) if i != sp]
    idx = sorted(rng.sample(rest, rng.randint(3, 5)) + [sp])
    olds, news = [], []
    for e in A["extras"]:
        if rng.random() < 0.5:
            olds.append(dict(name=e, size=rng.uniform(0.4, 0.8), extra=True))
            news.append(dict(name=e, pred=e, extra=True))
    if any(x.get("extra") for x in olds):
        c.trait("province-level-units")
    f = rng.uniform(0.35, 0.65)
    for i in idx:
        d = dists[i]
        size = {"tp": 1.8, "tx": 1.2, "h": 1.0}[d[0]] * rng.uniform(0.6, 1.4)
        olds.append(dict(name=uname(*d), size=size))
        if i == sp:
            news.append(dict(name=into[0], pred=old_name, frac=f))
            news.append(dict(name=into[1], pred=old_name, frac=1 - f))
        else:
            news.append(dict(name=uname(*d), pred=uname(*d)))
    old_by = {o["name"]: o for o in olds}
    c.splits.append({"from": old_name, "into": into, "year": Y})
    c.previous_units = [o["name"] for o in olds]

    def rep(x):
        return [k for k in keys if not x.get("extra") or k in A["extra_keys"]]
    for o in olds:
        o["v"] = third_values(rng, specs, rep(o), o["size"], None, dec)
    for e in news:
        o = old_by[e["pred"]]
        if "frac" in e:
            scaled = {k: v * e["frac"] for k, v in o["v"].items() if not isinstance(v, Fraction)}
            e["v"] = third_values(rng, specs, rep(e), 1, scaled, dec)
        else:
            e["v"] = third_values(rng, specs, rep(e), 1, o["v"], dec)
            e["ck"] = o["v"]
    sa, sb = third_split(specs, keys, old_by[old_name]["v"], f, dec)
    news_split = [e for e in news if "frac" in e]
    news_split[0]["realloc"], news_split[1]["realloc"] = sa, sb

    def pool(vs):
        tot = {}
        for key, _, k, _, how, _ in specs:
            if key in keys and how[0] != "rate":
                xs = [v[key] for v in vs if key in v]
                if xs:
                    tot[key] = sum(xs)
        return third_finish(specs, keys, tot, dec)
    prov_a = pool([e["v"] for e in news])
    prov_old = pool([o["v"] for o in olds])

    # targets (KH) for some indicators: thresholds for rates, numbers for counts
    has_kh = rng.random() < 0.5
    tmap = {}
    if has_kh:
        c.trait("kh-column")
        for key, _, k, _, how, kh in specs:
            if key in keys and kh:
                tmap[key] = "rate" if how[0] == "rate" else "count"
                if how[0] == "rate" and rng.random() < 0.6:     # one way of writing it for the whole column
                    thr = how[3]
                    tmap[key] = ("rate", rng.choice([f"≥ {thr}%", f"{thr}%", f"Từ {thr}% trở lên"]))

    def target_of(e, key):
        if key not in tmap:
            return None, None
        if tmap[key] != "count":
            thr = next(h[3] for k, _, _, _, h, _ in specs if k == key)
            return thr, (tmap[key][1] if isinstance(tmap[key], tuple) else None)
        v = e["v"][key]
        return max(1, int(round(v / rng.uniform(0.9, 1.12) / 10)) * 10 if v > 100 else
                   max(1, int(round(v / rng.uniform(0.9, 1.12))))), None

    # ---- files
    one_file = rng.random() < 0.45
    reused = variant in ("town", "new-district")
    if one_file:
        old_row = variant == "halves" and rng.random() < 0.6
        realloc = not old_row and (reused or rng.random() < 0.5)
        form_prev = True
    else:
        old_row = False
        form_prev = reused or rng.random() < 0.3
        realloc = form_prev and (reused or rng.random() < 0.5)
    c.trait("one-file-two-years" if one_file else "two-files", "split-cung-ky-reallocated" if realloc else
            ("split-cung-ky-blank" if form_prev else "split-no-cung-ky"))
    if old_row:
        c.trait("old-unit-row-kept")
    tot_kind = "total" if rng.random() < 0.5 else "none"
    tot_label = rng.choice(["Toàn tỉnh", "Tổng cộng", "TỔNG CỘNG", "Cộng toàn tỉnh"])
    tot_top = rng.random() < 0.4
    if tot_kind == "total":
        c.trait("total-row")

    # per-unit previous as the form states it
    for e in news:
        if "frac" in e:
            e["p"] = e["realloc"] if realloc else None
        else:
            e["p"] = e["ck"] if form_prev else None
    prov_prev_known = not one_file or old_row or realloc
    ptot = rng.random() < 0.5          # the previous year's own file has a total row

    # ---- truth
    tvals = {}
    for e in news:
        c.unit(e["name"])
        tvals[e["name"]] = {}
        for ind in inds:
            if ind.key not in e["v"]:
                continue
            t, tt = target_of(e, ind.key)
            tvals[e["name"]][ind.key] = (t, tt)
            if e["p"] is not None:
                p, src = e["p"].get(ind.key), "form"
            elif "frac" in e:
                p, src = None, None
            else:
                p, src = old_by[e["pred"]]["v"].get(ind.key), "earlier"
            c.fig(e["name"], ind, e["v"][ind.key], p, src, t)
        stated_sums(c, e["name"], [i for i in inds if i.key in e["v"]])
    prov_t = {}
    for ind in inds:
        if tmap.get(ind.key) == "count":
            ts = [tvals[e["name"]].get(ind.key, (None,))[0] for e in news if ind.key in e["v"]]
            prov_t[ind.key] = sum(ts) if all(t is not None for t in ts) else None
        elif ind.key in tmap:
            prov_t[ind.key] = next(h[3] for k, _, _, _, h, _ in specs if k == ind.key)
    for ind in inds:
        if ind.key not in prov_a:
            continue
        if tot_kind == "total":
            # the total row states last year's total when the form has a previous column; else it comes from the
            # previous year's file (its own total row, or the sum of its units)
            src = "form" if form_prev else ("earlier" if ptot else "sum")
            c.fig("Toàn tỉnh", ind, prov_a[ind.key], prov_old.get(ind.key), src, prov_t.get(ind.key))
        elif ind.kind != "rate":
            p = prov_old.get(ind.key) if prov_prev_known else None
            c.fig("Toàn tỉnh", ind, prov_a[ind.key], p, "sum", prov_t.get(ind.key), published=False)
    stated_sums(c, "Toàn tỉnh", [i for i in inds if i.key in prov_a])

    # ---- rendering
    fmt = "csv" if rng.random() < 0.2 else "xlsx"
    c.trait(fmt)
    st = Style(rng, fmt, 1, dec)
    w = rng.choice([A["units"][0].split(" {")[0], "Đơn vị", "Tên đơn vị"])
    per_word = "NĂM HỌC" if school else "NĂM"

    def title_lines(year, with_year):
        t = []
        if fmt == "xlsx" or rng.random() < 0.5:
            c.block_seen = True
            t += quoc_hieu(rng, l1, l2, rng.random() < 0.8)
            t.append(("blank",))
        t.append(("title", f"{A['title']} {per_word} {yl(year)}" if with_year else A["title"]))
        return t

    def foot(year, nts):
        out = [("left", x) for x in nts]
        if fmt == "xlsx" and rng.random() < 0.65:
            jan = rng.random() < 0.5
            out += signature(rng, prov, f"ngày {rng.randint(5, 28):02d} tháng {'01' if jan else '12'} năm "
                             f"{year + 1 if jan else year}" if rng.random() < 0.6 else None,
                             "NGƯỜI LẬP BIỂU", A["head"])
            c.trait("signature")
        return out

    def blocks_for(units, vkey, pkey, with_total, tot_vals, tot_prev, with_t):
        bl = []
        for e in units:
            vals = {}
            for ind in inds:
                if ind.key not in e[vkey] and not (pkey and e.get(pkey) and ind.key in e[pkey]):
                    continue
                d = {"a": e[vkey].get(ind.key)}
                if pkey:
                    pv = e.get(pkey)
                    d["p"] = pv.get(ind.key) if pv else None
                tv = tvals.get(e["name"], {}).get(ind.key) if with_t else None
                if tv:
                    d["t"], d["tt"] = tv
                vals[ind.key] = d
            bl.append(dict(label=e["name"], kind=e.get("kind", "unit"), vals=vals, note=e.get("note")))
        if with_total:
            tv = {}
            for ind in inds:
                if ind.key in tot_vals:
                    tv[ind.key] = {"a": tot_vals[ind.key],
                                   "p": tot_prev.get(ind.key) if tot_prev is not None else None}
                    if with_t and ind.key in prov_t:
                        tv[ind.key]["t"] = prov_t[ind.key]
            tb = dict(label=tot_label, kind="total", vals=tv)
            c.nu(tot_label)
            if tot_top:
                bl.insert(0, tb)
            else:
                bl.append(tb)
        return bl

    note_col = note is None or rng.random() < 0.3
    if note_col:
        for e in news_split:
            e["note"] = rng.choice([f"Tách từ huyện {b}", f"Thành lập từ 01/01/{Y}", "Đơn vị mới"])

    def render(units, vkey, pkey, year, lay, with_total, tot_vals, tot_prev, one, notes_under, with_t=True):
        nm = Numbering(rng, in_label=lay in ("long", "wide") or None,
                       td_style="inline" if lay == "ind_sections" else None)
        disp = nm.apply(inds)
        blocks = blocks_for(units, vkey, pkey, with_total, tot_vals, tot_prev, with_t)
        has_t = with_t and has_kh
        if one:
            pl = rng.choice([f"Năm {yl(year - 1)}", f"Thực hiện năm {yl(year - 1)}", f"TH {yl(year - 1)}"]) \
                if not school else f"Năm học {yl(year - 1)}"
            al = rng.choice([f"Năm {yl(year)}", f"Thực hiện năm {yl(year)}", f"TH {yl(year)}"]) \
                if not school else f"Năm học {yl(year)}"
            tl = rng.choice([f"KH {yl(year)}", f"Kế hoạch năm {yl(year)}"])
        else:
            pl = rng.choice(["Cùng kỳ năm trước", f"Năm {yl(year - 1)}", f"Thực hiện năm {yl(year - 1)}"])
            al = rng.choice(["Kết quả (TH)", f"Thực hiện năm {yl(year)}", "Thực hiện", "Kết quả"])
            tl = rng.choice(["Chỉ tiêu giao (KH)", "Kế hoạch", f"KH {yl(year)}"])
        vc = []
        if rng.random() < 0.4 and lay != "wide":
            vc.append(("dvt", (rng.choice(["ĐVT", "Đơn vị tính"]),)))
        if pkey:
            vc.append(("prev", (pl,)))
        if has_t:
            vc.append(("target", (tl,)))
        vc.append(("act", (al,)))
        if pkey and rng.random() < 0.3:
            vc.append(("diff", (rng.choice(["Tăng (+), giảm (-)", "So sánh (+/-)"]),)))
        if any(bb.get("note") for bb in blocks):
            vc.append(("note", ("Ghi chú",)))
        o = dict(stt=fmt == "xlsx" or rng.random() < 0.5, unit_h=w, ind_h=rng.choice(["Chỉ tiêu", "Nội dung"]),
                 pmode="change", unit_mode="once" if fmt == "csv" else rng.choice(["merge", "once", "repeat"]),
                 roman=rng.random() < 0.5, spacer_rows=rng.random() < 0.15, td_head="Trong đó",
                 note=any(bb.get("note") for bb in blocks), dvt=rng.random() < 0.5, dvt_h="ĐVT",
                 gap=rng.random() < 0.1,
                 group=rng.choice([None, f"Kết quả năm {yl(year)}"]))
        lab = {"prev": pl if one else "Cùng kỳ", "target": "KH", "act": al if one else "TH", "diff": "+/-",
               "dvt": "ĐVT"}
        T = lay_table(lay, c, st, blocks, disp, vc, o, lab)
        yt = rng.random() < 0.7 or one
        page = dict(title=title_lines(year, yt), table=T, footer=foot(year, notes_under),
                    blank_rows=rng.choice([0, 1]),
                    numbering=rng.choice([None, None, "paren"]) if fmt == "xlsx" else None)
        if fmt == "csv":
            page["title"] = csv_title(rng, page["title"])
        return page, yt

    notes_now = [note] if note else []
    slug = {"court": "Ket qua xet xu", "procuracy": "Bieu chi tieu nghiep vu", "education": "Chi tieu giao duc",
            "health": "Chi tieu y te"}[kind]
    if one_file:
        lay = rng.choice(["long", "ind_sections", "wide"]) if fmt == "xlsx" else "long"
        c.trait("layout-" + lay)
        units = list(news)
        if old_row:
            oo = old_by[old_name]
            pos = units.index(news_split[0])
            units.insert(pos, dict(name=old_name, v={}, p=oo["v"], kind="old"))
        page, _ = render(units, "v", "p", Y, lay, tot_kind == "total", prov_a, prov_old, True, notes_now)
        fn = f"{slug} {yl(Y - 1)} - {yl(Y)}".replace("–", "-")
        if fmt == "csv":
            c.csv(fn + ".csv", page)
        else:
            c.xlsx(fn + ".xlsx", [(rng.choice(["Tổng hợp", "Sheet1", f"{Y - 1}-{Y}"]), page)])
        # the previous year's column: every figure it states is a figure of that year
        for e in units:
            pv = e["p"] if e.get("kind") == "old" else e.get("p")
            if pv:
                for ind in inds:
                    if ind.key in pv:
                        c.early(e["name"], ind, pv[ind.key], None, Y - 1)
        if tot_kind == "total":
            for ind in inds:
                if ind.key in prov_old:
                    c.early("Toàn tỉnh", ind, prov_old[ind.key], None, Y - 1)
    else:
        cols_ok = not form_prev and not has_kh      # one column per unit holds the figures only
        lay = rng.choice(["long", "unit_sections", "ind_sections", "wide"] + (["units_cols"] if cols_ok else [])) \
            if fmt == "xlsx" else "long"
        c.trait("layout-" + lay)
        page, yt = render(news, "v", "p" if form_prev else None, Y, lay, tot_kind == "total", prov_a, prov_old,
                          False, notes_now)
        fn = f"{slug} {yl(Y)}" if rng.random() < 0.7 or not yt else slug
        if fmt == "csv":
            c.csv(fn + ".csv", page)
        else:
            c.xlsx(fn + ".xlsx", [(f"Năm {Y}" if rng.random() < 0.5 else "Biểu 01", page)])
        lay2 = rng.choice(["long", "unit_sections", "units_cols", "wide"]) if fmt == "xlsx" else "long"
        olds_r = [dict(name=o["name"], v=o["v"]) for o in olds]
        page2, _ = render(olds_r, "v", None, Y - 1, lay2, ptot, prov_old, None, False, [], with_t=False)
        fn2 = f"{slug} {yl(Y - 1)}"
        if fmt == "csv":
            c.csv(fn2 + ".csv", page2)
        else:
            c.xlsx(fn2 + ".xlsx", [(f"Năm {Y - 1}", page2)])
        for o in olds:
            for ind in inds:
                if ind.key in o["v"]:
                    c.early(o["name"], ind, o["v"][ind.key], None, Y - 1)
        if ptot:
            for ind in inds:
                if ind.key in prov_old:
                    c.early("Toàn tỉnh", ind, prov_old[ind.key], None, Y - 1)
    c.trait(*st.neg_traits())


# ----------------------------------------------------------------------------------------------------------------
# The truth checks itself
# ----------------------------------------------------------------------------------------------------------------

def verify(t):
    """Internal consistency of one case's truth; returns a list of problems (empty when sound)."""
    bad = []
    figs = t["figures"]
    units, nu = set(t["units"]), set(t["not_units"])
    if units & nu:
        bad.append(f"units also in not_units: {sorted(units & nu)}")
    if "Toàn tỉnh" in units:
        bad.append("Toàn tỉnh listed as a unit")
    seen = set()
    for f in figs:
        if f["unit"] not in units and f["unit"] != "Toàn tỉnh":
            bad.append(f"figure of an unlisted unit {f['unit']}")
        k = (f["unit"], f["indicator"])
        if k in seen:
            bad.append(f"duplicate figure {k}")
        seen.add(k)
        comp = f["previous"] is not None and f["previous"] > 0
        if f["change_comparable"] != comp:
            bad.append(f"change_comparable wrong at {k}")
        if (f["previous"] is None) != (f["previous_source"] is None):
            bad.append(f"previous_source inconsistent at {k}")
    by = {(f["unit"], f["indicator"]): f for f in figs}
    for s in t["adds_up"]:
        par = by.get((s["unit"], s["indicator"]))
        items = [by.get((s["unit"], i)) for i in s["items"]]
        if par is None or any(i is None for i in items):
            bad.append(f"adds_up names a missing figure: {s}")
            continue
        for fld in ("actual", "previous", "target"):
            vals = [i[fld] for i in items]
            if par[fld] is None or any(v is None for v in vals):
                continue
            if abs(sum(F(v) for v in vals) - F(par[fld])) > Fraction(1, 10 ** 6):
                bad.append(f"{s['unit']} / {s['indicator']}: {fld} {par[fld]} != sum of items {vals}")
    early = {(e["unit"], e["indicator"]): e for e in t["earlier_figures"]}
    revised = {(d["unit"], d["indicator"]) for d in t["cung_ky_disagreements"]}
    for m in t["mergers"]:
        for f in figs:
            if f["unit"] != m["unit"] or f["measure"] == "%" or f["previous"] is None:
                continue
            parts = [early.get((u, f["indicator"])) for u in m["from"]]
            if any(p is None for p in parts):
                continue
            tot = sum(F(p["actual"]) for p in parts)
            if F(f["previous"]) != tot and (f["unit"], f["indicator"]) not in revised:
                bad.append(f"merger {m['unit']} / {f['indicator']}: previous {f['previous']} != {tot}")
    early_f = {(fold(e["unit"]), e["indicator"]): e for e in t["earlier_figures"]}
    for f in figs:
        if f["previous_source"] == "earlier" and f["unit"] != "Toàn tỉnh":
            e = early_f.get((fold(f["unit"]), f["indicator"]))
            if e is None or e["actual"] != f["previous"]:
                bad.append(f"earlier previous of {f['unit']} / {f['indicator']} not in the earlier file")
    for d in t["cung_ky_disagreements"]:
        if d["form_cung_ky"] == d["earlier_file"]:
            bad.append(f"a disagreement that agrees: {d}")
    inds = {f["indicator"] for f in figs if f["unit"] != "Toàn tỉnh"}
    for ind in inds:
        uf = [f for f in figs if f["indicator"] == ind and f["unit"] != "Toàn tỉnh"]
        pf = by.get(("Toàn tỉnh", ind))
        if pf is None or uf[0]["measure"] == "%":
            continue
        if F(pf["actual"]) != sum(F(f["actual"]) for f in uf):
            bad.append(f"Toàn tỉnh / {ind}: {pf['actual']} is not the units' sum")
        if pf["previous"] is not None and all(f["previous"] is not None for f in uf):
            if F(pf["previous"]) != sum(F(f["previous"]) for f in uf):
                bad.append(f"Toàn tỉnh / {ind}: previous {pf['previous']} is not the units' sum")

    def walk(x):
        if isinstance(x, str):
            if unicodedata.normalize("NFC", x) != x:
                bad.append(f"not NFC: {x!r}")
        elif isinstance(x, dict):
            for k, v in x.items():
                walk(k)
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
    walk(t)
    return bad


# ----------------------------------------------------------------------------------------------------------------
# Cases
# ----------------------------------------------------------------------------------------------------------------

FAMILIES = [("tax", gen_tax), ("police", gen_police), ("split", gen_split)]


def build(i, seed, case_seed):
    fam, gen = FAMILIES[i % 3]
    c = Case(random.Random(case_seed), fam)
    gen(c)
    if not c.block_seen:
        c.agency = c.agency_key           # no title block anywhere: the agency as the files otherwise name it
    truth = {"seed": seed, "case": i, "case_seed": case_seed, "family": fam, "agency": nfc(c.agency),
             "agency_name": nfc(c.agency_key), "traits": c.traits, "files": [f[0] for f in c.files],
             "year": c.year, "period": nfc(c.period), "units": [nfc(u) for u in c.units],
             "previous_units": [nfc(u) for u in c.previous_units],
             "not_units": list(c.not_units),
             "figures": c.figures, "adds_up": c.adds_up,
             "mergers": [{"unit": nfc(m["unit"]), "from": [nfc(x) for x in m["from"]], "year": m["year"]}
                         for m in c.mergers],
             "splits": [{"from": nfc(s["from"]), "into": [nfc(x) for x in s["into"]], "year": s["year"]}
                        for s in c.splits],
             "cung_ky_disagreements": c.disagreements, "earlier_figures": c.earlier}
    return c, truth


def make_case(i, seed, out_dir):
    case_seed = random.Random(f"{seed}:{i}").randrange(1 << 31)
    problems = []
    for attempt in range(40):
        cs = case_seed + attempt * 7919
        c, truth = build(i, seed, cs)
        problems = verify(truth)
        names = [f[0] for f in c.files]
        if len(set(names)) != len(names):
            problems.append("two files with one name")
        if any(k == "csv" and not csv_settles_locale(g) for _, k, g in c.files):
            problems.append("a CSV that does not settle its number locale")
        if not problems:
            break
    else:
        raise AssertionError(f"case {i}: no sound draw: {problems}")
    write_case(out_dir, i, c.files, c.csv_opts, truth)
    return truth


if __name__ == "__main__":
    run(__doc__, make_case)
