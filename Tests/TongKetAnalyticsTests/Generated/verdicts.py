#!/usr/bin/env python3
"""Verdict test data for TongKet: a tax department's and a police's indicator files, with every verdict's truth.

Written from the text of issue 34 ("What counts as met: several targets, targets against cùng kỳ, period
targets, counts judged by their change") and DESIGN.md sections 2-3 only, WITHOUT reading TongKet's Swift code,
so that it tests that code honestly. Layouts imitate the shared offices' files (title block, Quốc hiệu, header
band of 1-3 rows with merged group headings, units merged down, section headings, "Tổng cộng"/"Toàn tỉnh" rows,
signatures).

    python3 verdicts.py --seed S --count N --out DIR

writes DIR/case-000 ... DIR/case-(N-1), alternating two families: even cases a tax department (Cục Thuế tỉnh …,
its Chi cục Thuế, revenue in triệu đồng against "Dự toán pháp lệnh" and "Dự toán HĐND tỉnh giao", one year,
sometimes a "Tỷ lệ nợ thuế" ceiling row), odd cases a police (Công an tỉnh …, a 6-month or a year form with the
same period of the year before: relative targets against cùng kỳ, period thresholds, "KH 6 tháng", counts with
no target judged by their change, workload counts). Each case directory holds the office's files (.xlsx, or
.csv in UTF-8) and truth.json (UTF-8, strings NFC):

  {"seed": S, "case": i, "case_seed": X, "family": "tax"|"police", "agency": "...", "traits": [...],
   "files": [...], "year": YYYY, "period": "năm"|"6 tháng",
   "figures": [{"unit": "as written in this year's file", "indicator": "as written", "actual": number,
                "previous": number|null,
                "targets": [{"name": "lowest header cell over the target column, line breaks as spaces",
                             "value": resolved number|null, "written": "cell text as written"|null,
                             "status": "met"|"not_met"|"undefined", "headline": true|false}],
                "change_status": "better"|"worse"|"unchanged"|"undefined"|null}],
   "province": [same shape, "unit": "Toàn tỉnh"]}

Conventions of the truth:
- Rates are in percent units (a typed 0.785 under a percent format is 78.5). "actual"/"previous" are this year's
  figure and the same period's previous figure (the form's cùng kỳ column, else the earlier sheet, file or rows).
- "written": a text cell as it is; a typed number as Python prints it ("120000", "0.75"); a merged cell's text for
  every row under it. A province target with no total row in the files is derived: the phrase the units share
  (threshold, relative target) or null for a sum of the units' targets.
- "headline": the figure's left-most target (the form's first target column it has a value in); a figure with
  several targets always has one in the form's left-most target column.
- Status: plain target met when actual >= target; "≥ v%" >=, "Trên v%" >, "≤ v%"/"Không quá v%" <= (a ceiling);
  "giảm (ít nhất) N % so với cùng kỳ/năm trước" value previous*(1-N/100), met when actual <= value; "tăng (ít
  nhất) N %" previous*(1+N/100), met when >=; "không thấp hơn …" value previous, met when >=; "giảm N điểm %"
  value previous-N, met when <=. No previous: value null, status "undefined".
- change_status only for counts with a direction and no target (tai nạn/TNGT, chết, cháy, phạm tội): worse when
  up, better when down; null for workload counts (tiếp nhận, thụ lý) and for every figure with a target.
- "province": counts and money summed over the units (a total row in the files says the same); rates only when the
  files carry a total row (the office's pooled rate). Its targets: the total row's, else the sum of the units'
  targets or the threshold/phrase they share, resolved from the province's previous figure.

Only the standard library and openpyxl (the grid, the page's parts and the file writers are forms.py's, beside this
file and shared with comparisons.py); all randomness from random.Random(seed); xlsx timestamps are pinned.
"""

import random
import re
import sys
from fractions import Fraction

sys.dont_write_bytecode = True     # run from the source tree: importing forms leaves no __pycache__ there
from forms import ROMAN, Grid, csv_title, nfc, put_footer, put_header, put_title, run, write_case  # noqa: E402

# ----------------------------------------------------------------------------------------------------------------
# Places and people
# ----------------------------------------------------------------------------------------------------------------

PROVINCES = [
    ("Bến Tre", [("tp", "Bến Tre"), ("h", "Châu Thành"), ("h", "Chợ Lách"), ("h", "Mỏ Cày Nam"),
                 ("h", "Mỏ Cày Bắc"), ("h", "Giồng Trôm"), ("h", "Bình Đại"), ("h", "Ba Tri"), ("h", "Thạnh Phú")]),
    ("Nghệ An", [("tp", "Vinh"), ("tx", "Cửa Lò"), ("tx", "Thái Hòa"), ("tx", "Hoàng Mai"), ("h", "Diễn Châu"),
                 ("h", "Quỳnh Lưu"), ("h", "Yên Thành"), ("h", "Nghi Lộc"), ("h", "Đô Lương"),
                 ("h", "Thanh Chương"), ("h", "Nam Đàn")]),
    ("Kiên Giang", [("tp", "Rạch Giá"), ("tp", "Phú Quốc"), ("tp", "Hà Tiên"), ("h", "Kiên Lương"),
                    ("h", "Hòn Đất"), ("h", "Tân Hiệp"), ("h", "Châu Thành"), ("h", "Giồng Riềng"),
                    ("h", "Gò Quao"), ("h", "An Biên")]),
    ("Thanh Hóa", [("tp", "Thanh Hóa"), ("tp", "Sầm Sơn"), ("tx", "Bỉm Sơn"), ("tx", "Nghi Sơn"),
                   ("h", "Hoằng Hóa"), ("h", "Quảng Xương"), ("h", "Tĩnh Gia"), ("h", "Thọ Xuân"),
                   ("h", "Triệu Sơn"), ("h", "Đông Sơn"), ("h", "Hậu Lộc")]),
    ("Bình Định", [("tp", "Quy Nhơn"), ("tx", "An Nhơn"), ("tx", "Hoài Nhơn"), ("h", "Tuy Phước"),
                   ("h", "Phù Cát"), ("h", "Phù Mỹ"), ("h", "Tây Sơn"), ("h", "Hoài Ân"), ("h", "Vân Canh")]),
    ("Gia Lai", [("tp", "Pleiku"), ("tx", "An Khê"), ("tx", "Ayun Pa"), ("h", "Chư Păh"), ("h", "Ia Grai"),
                 ("h", "Đak Đoa"), ("h", "Chư Prông"), ("h", "Chư Sê"), ("h", "Đức Cơ"), ("h", "Kbang")]),
    ("Hải Dương", [("tp", "Hải Dương"), ("tp", "Chí Linh"), ("tx", "Kinh Môn"), ("h", "Nam Sách"),
                   ("h", "Kim Thành"), ("h", "Thanh Hà"), ("h", "Cẩm Giàng"), ("h", "Bình Giang"),
                   ("h", "Gia Lộc"), ("h", "Tứ Kỳ"), ("h", "Ninh Giang")]),
    ("Sóc Trăng", [("tp", "Sóc Trăng"), ("tx", "Vĩnh Châu"), ("tx", "Ngã Năm"), ("h", "Kế Sách"),
                   ("h", "Mỹ Tú"), ("h", "Cù Lao Dung"), ("h", "Long Phú"), ("h", "Mỹ Xuyên"), ("h", "Thạnh Trị"),
                   ("h", "Trần Đề")]),
]

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Võ", "Đặng", "Bùi", "Đỗ", "Ngô"]
MIDDLE = ["Văn", "Thị", "Hữu", "Minh", "Thanh", "Ngọc", "Quốc", "Đức", "Thị Thu", "Xuân"]
GIVEN = ["Hùng", "Hà", "Lan", "Dũng", "Tuấn", "Hương", "Phúc", "Tâm", "Sơn", "Nam", "Hải", "Yến", "Cường"]
LETTERS = "abcdefghiklmnopq"


def person(rng):
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def dist_name(kind, name, tp_word):
    return {"tp": tp_word, "tx": "thị xã", "h": "huyện"}[kind] + " " + name


# ----------------------------------------------------------------------------------------------------------------
# Numbers as the office writes them
# ----------------------------------------------------------------------------------------------------------------

def vn_num(x, dec=0, group=True):
    """1234567.5 -> "1.234.567,5" (Vietnamese: "." groups thousands, "," is the decimal mark)."""
    s = f"{abs(x):,.{dec}f}"
    s = s.replace(",", "\x00").replace(".", ",").replace("\x00", "." if group else "")
    return ("-" if x < 0 else "") + s


def vn_plain(x):
    """A number inside a phrase: 5 -> "5", 4.5 -> "4,5"."""
    if float(x).is_integer():
        return str(int(x))
    return vn_num(x, len(repr(float(x)).split(".")[1]), False)


def written_of(v):
    """The text of a cell as the truth records it."""
    if v is None:
        return None
    if isinstance(v, tuple):
        v = v[0]
    if isinstance(v, str):
        return v
    if float(v).is_integer():
        return str(int(v))
    return repr(float(v))


def num_out(x):
    """A Fraction or number for JSON: an int when whole, else a float rounded to 6 places."""
    f = Fraction(x) if not isinstance(x, Fraction) else x
    if f.denominator == 1:
        return int(f)
    return round(float(f), 6)


def F(x):
    return Fraction(str(x)) if isinstance(x, float) else Fraction(x)


class Style:
    """How one file writes its numbers."""

    def __init__(self, kind, rng, rate_dec):
        self.kind = kind
        self.rate_dec = rate_dec
        self.rate_fraction = kind == "xlsx" and rng.random() < 0.3   # 0.785 shown as 78,5%
        self.pct_sign = kind == "csv" and rng.random() < 0.5         # "78,5%" rather than "78,5"
        self.group = rng.random() < 0.85                              # "1.234.567" rather than "1234567"
        self.traits = []
        if self.rate_fraction:
            self.traits.append("xlsx-rate-as-fraction")
        if self.pct_sign:
            self.traits.append("csv-percent-sign")

    def count(self, x):
        if self.kind == "xlsx":
            return (int(x), "#,##0")
        return vn_num(x, 0, self.group)

    def rate(self, x, dec=None):
        dec = self.rate_dec if dec is None else dec
        if self.kind == "xlsx":
            if self.rate_fraction:
                return (round(x / 100, dec + 2), "0." + "0" * dec + "%" if dec else "0%")
            return (round(x, dec), "0." + "0" * dec if dec else "0")
        return vn_num(x, dec, False) + ("%" if self.pct_sign else "")

    def dec1(self, x):
        """An office-computed percentage (completion, change): one decimal."""
        if self.kind == "xlsx":
            return (round(x, 1), "0.0")
        return vn_num(x, 1, False)

    def signed(self, x, dec):
        if self.kind == "xlsx":
            return (round(x, dec) if dec else int(x), "+#,##0;-#,##0;0" if not dec else "+0.0;-0.0;0")
        s = vn_num(x, dec, self.group)
        return ("+" + s) if x > 0 else s


# ----------------------------------------------------------------------------------------------------------------
# Targets and verdicts
# ----------------------------------------------------------------------------------------------------------------

class Rule:
    """What one target column says for one indicator (the same for every unit, except plain numbers).

    kind: num (a plain number per unit, higher is better) | thr (op >=, > or <= against v, the same for all) |
    rel (op down/up/notlower, n percent, against the previous figure) | pts (down n percentage points)."""

    def __init__(self, col, kind, op=">=", v=None, n=None, text=None, typed=False):
        self.col, self.kind, self.op, self.v, self.n, self.text, self.typed = col, kind, op, v, n, text, typed


def compare(op, a, v):
    if op == ">=":
        ok = a >= v
    elif op == ">":
        ok = a > v
    else:
        ok = a <= v
    return "met" if ok else "not_met"


def resolve(rule, actual, previous, v=None):
    """(value, status) of one target for one figure."""
    a = F(actual)
    if rule.kind == "num":
        return num_out(F(v)), compare(">=", a, F(v))
    if rule.kind == "thr":
        return num_out(F(rule.v)), compare(rule.op, a, F(rule.v))
    if previous is None:
        return None, "undefined"
    p = F(previous)
    if rule.kind == "pts":
        val, op = p - F(rule.n), "<="
    elif rule.op == "down":
        val, op = p * (1 - F(rule.n) / 100), "<="
    elif rule.op == "up":
        val, op = p * (1 + F(rule.n) / 100), ">="
    else:
        val, op = p, ">="
    return num_out(val), compare(op, a, val)


def change_status(actual, previous):
    """A count where down is better, against cùng kỳ."""
    if previous is None:
        return "undefined"
    if actual < previous:
        return "better"
    if actual > previous:
        return "worse"
    return "unchanged"


def thr_text(rng, op, v, pct=True):
    p = "%" if pct else ""
    vs = vn_plain(v)
    if op == ">=":
        return rng.choice([f"≥ {vs}{p}", f"≥{vs}{p}", f"≥ {vs} {p}".rstrip()])
    if op == ">":
        return rng.choice([f"Trên {vs}{p}", f"Trên {vs} {p}".rstrip()])
    return rng.choice([f"≤ {vs}{p}", f"Không quá {vs}{p}", f"≤{vs}{p}", f"Không quá {vs} {p}".rstrip()])


class Fig:
    """One figure of the truth."""

    def __init__(self, unit, ind, actual, previous):
        self.unit, self.ind, self.actual, self.previous = unit, ind, actual, previous
        self.targets = []          # [dict(col, name, value, written, status)]
        self.change = None

    def add_target(self, rule, name, v=None, written=None):
        value, status = resolve(rule, self.actual, self.previous, v)
        t = dict(col=rule.col, name=name, value=value, written=written, status=status, rule=rule)
        self.targets.append(t)
        return t

    def to_json(self, col_order):
        ts = sorted(self.targets, key=lambda t: col_order.index(t["col"]))
        out = []
        for i, t in enumerate(ts):
            out.append(dict(name=nfc(t["name"]), value=t["value"], written=nfc(t["written"]),
                            status=t["status"], headline=i == 0))
        return dict(unit=nfc(self.unit), indicator=nfc(self.ind), actual=self.actual, previous=self.previous,
                    targets=out, change_status=self.change)


# ----------------------------------------------------------------------------------------------------------------
# Tables: records -> body rows -> grid (forms.py writes the grid to a file)
# ----------------------------------------------------------------------------------------------------------------

class Rec:
    """One data row: its unit and indicator, its cells by column key, and merges it takes part in."""

    def __init__(self, unit, ind, cells, total=False, group=None):
        self.unit, self.ind, self.cells, self.total, self.group = unit, ind, cells, total, group
        self.merge = {}            # column key -> group id: equal ids on consecutive rows are merged down


def build_body(layout, recs, keys, merge_ok, opt):
    """Body rows from records. layout: long | unit_blocks | unit_sections | ind_sections.
    Returns (rows, vmerges): rows are ("data", cells) or ("head", stt, text, key); vmerges (key, i1, i2)."""
    rows, vmerges = [], []
    stt_key = "stt" if "stt" in keys else None

    def head(stt, text, key):
        rows.append(("head", stt, text, key))

    if layout == "long":
        n = 0
        for r in recs:
            cells = dict(r.cells)
            if not r.total:
                n += 1
                if stt_key:
                    cells["stt"] = n
            cells["unit"], cells["ind"] = r.unit, r.ind
            rows.append(("data", cells, r))
    elif layout == "unit_blocks":
        i, n, gi, last_group = 0, 0, 0, None
        while i < len(recs):
            j = i
            while j + 1 < len(recs) and recs[j + 1].unit == recs[i].unit:
                j += 1
            if opt.get("group_heads") and recs[i].group and recs[i].group != last_group:
                head(ROMAN[gi], recs[i].group, "unit")
                gi += 1
                n = 0
            last_group = recs[i].group
            first = len(rows)
            if not recs[i].total:
                n += 1
            for k in range(i, j + 1):
                cells = dict(recs[k].cells)
                cells["ind"] = recs[k].ind
                if k == i or not (merge_ok and opt.get("merge_unit")):
                    if k == i or opt.get("repeat_unit", True):
                        cells["unit"] = recs[k].unit
                if k == i and stt_key and not recs[k].total:
                    cells["stt"] = n
                rows.append(("data", cells, recs[k]))
            if merge_ok and opt.get("merge_unit") and j > i:
                vmerges.append(("unit", first, len(rows) - 1))
                if stt_key:
                    vmerges.append(("stt", first, len(rows) - 1))
            i = j + 1
    elif layout == "unit_sections":
        i, n = 0, 0
        while i < len(recs):
            j = i
            while j + 1 < len(recs) and recs[j + 1].unit == recs[i].unit:
                j += 1
            num = "" if recs[i].total else (ROMAN[n] if opt.get("roman") else str(n + 1))
            if not recs[i].total:
                n += 1
            head(num, recs[i].unit, "ind")
            for k in range(i, j + 1):
                cells = dict(recs[k].cells)
                cells["ind"] = recs[k].ind
                if stt_key:
                    st = opt.get("sub_stt", "num")
                    cells["stt"] = {"num": k - i + 1, "letter": LETTERS[k - i], "dash": "-"}[st]
                rows.append(("data", cells, recs[k]))
            i = j + 1
    elif layout == "ind_sections":
        i, n = 0, 0
        while i < len(recs):
            j = i
            while j + 1 < len(recs) and recs[j + 1].ind == recs[i].ind:
                j += 1
            head(ROMAN[n], recs[i].ind, "unit")
            n += 1
            m = 0
            for k in range(i, j + 1):
                cells = dict(recs[k].cells)
                cells["unit"] = recs[k].unit
                if stt_key and not recs[k].total:
                    m += 1
                    cells["stt"] = m
                rows.append(("data", cells, recs[k]))
            i = j + 1
    else:
        raise ValueError(layout)
    # merges of equal group ids on consecutive data rows (a phrase over several rows' target cells)
    if merge_ok:
        for key in keys:
            i = 0
            while i < len(rows):
                if rows[i][0] != "data" or rows[i][2].merge.get(key) is None:
                    i += 1
                    continue
                gid = rows[i][2].merge[key]
                j = i
                while j + 1 < len(rows) and rows[j + 1][0] == "data" and rows[j + 1][2].merge.get(key) == gid:
                    j += 1
                if j > i:
                    vmerges.append((key, i, j))
                    for k in range(i + 1, j + 1):
                        rows[k][1].pop(key, None)
                i = j + 1
    return rows, vmerges


def assemble(title, cols, body, vmerges, footer, merge_ok, numbering=False, blank_rows=1, left=1):
    """A sheet: title lines, header band, optional numbering row, body, footer lines."""
    g = Grid()
    keys = [k for k, _ in cols]
    ncol = len(cols)
    last = left + ncol - 1
    top = put_title(g, title, left, ncol, merge_ok, blank_rows)
    r = put_header(g, top, left, [p for _, p in cols], merge_ok)
    if numbering:
        for c in range(ncol):
            g.put(r, left + c, f"({c + 1})", center=True)
        r += 1
    first_body = r
    for row in body:
        if row[0] == "head":
            _, stt, text, key = row
            if "stt" in keys and stt != "":
                g.put(r, left + keys.index("stt"), stt, bold=True)
            c = left + keys.index(key)
            g.put(r, c, text, bold=True)
            if merge_ok:
                g.merge(r, c, r, last)
        else:
            cells = row[1]
            for key, v in cells.items():
                if key in keys:
                    g.put(r, left + keys.index(key), v, bold=row[2].total)
        r += 1
    for key, i1, i2 in vmerges:
        c = left + keys.index(key)
        g.merge(first_body + i1, c, first_body + i2, c)
    g.table = (top, r - 1, left, last)
    put_footer(g, r, footer, left, ncol)
    return g


VN_MARK = re.compile(r"^[-+]?\d+,\d{1,2}%?$|^\d{1,3}(\.\d{3}){2,}(,\d+)?$")


def csv_settles_locale(g):
    """A Vietnamese CSV must show its locale: a decimal comma ("85,5") or a number grouped twice ("1.234.567")."""
    return any(isinstance(v, str) and VN_MARK.match(v) for v in g.cells.values())


def signature(rng, place, date_text, left_title, head_title, rank=""):
    return [("sign", f"{place}, {date_text}", None) if rng.random() < 0.5 else ("sign", None, f"{place}, {date_text}"),
            ("sign", left_title, head_title[0]), ("sign", None, head_title[1]), ("blank",), ("blank",),
            ("sign", person(rng), rank + person(rng))]


# ----------------------------------------------------------------------------------------------------------------
# Family 1: a tax department
# ----------------------------------------------------------------------------------------------------------------

TAX_INDS = [
    # key, name variants, range (triệu đồng, a mid-sized Chi cục), spread of the actual around the target
    ("tong", ["Tổng thu NSNN", "Tổng thu ngân sách nhà nước", "Tổng thu NSNN trên địa bàn"], None, None),
    ("dnnn", ["Thu từ DNNN", "Thu từ doanh nghiệp nhà nước", "Thu từ DNNN địa phương"], (1500, 20000), (0.8, 1.2)),
    ("nqd", ["Thu từ khu vực ngoài quốc doanh", "Thu từ khu vực CTN-NQD", "Thu từ khu vực kinh tế ngoài quốc doanh"],
     (15000, 150000), (0.85, 1.18)),
    ("tncn", ["Thu thuế TNCN", "Thuế thu nhập cá nhân", "Thu thuế thu nhập cá nhân"], (4000, 50000), (0.85, 1.2)),
    ("lptb", ["Lệ phí trước bạ", "Thu lệ phí trước bạ"], (3000, 40000), (0.85, 1.15)),
    ("sdd", ["Thu tiền sử dụng đất", "Tiền sử dụng đất"], (10000, 250000), (0.5, 1.6)),
    ("bvmt", ["Thuế bảo vệ môi trường", "Thu thuế bảo vệ môi trường"], (500, 8000), (0.85, 1.15)),
]
RATE_NAMES = ["Tỷ lệ nợ thuế trên tổng thu NSNN", "Tỷ lệ tiền thuế nợ trên tổng thu NSNN",
              "Tỷ lệ nợ thuế so với tổng thu ngân sách"]


def gen_tax(rng):
    prov, dists = rng.choice(PROVINCES)
    Y = rng.randint(2021, 2024)
    traits = []
    fmt = "csv" if rng.random() < 0.3 else "xlsx"
    rate_dec = rng.choice([1, 2, 2])
    st = Style(fmt, rng, rate_dec)
    traits += [fmt] + st.traits
    tp_word = rng.choice(["TP", "TP.", "thành phố"])
    prefix = rng.choice(["Chi cục Thuế", "Chi cục Thuế", "Chi cục thuế", "CCT"])
    if prefix == "CCT":
        traits.append("unit-abbreviation-CCT")

    # units: Chi cục Thuế, some of them merged into a "khu vực"
    k = rng.randint(5, min(9, len(dists)))
    picks = sorted(rng.sample(range(len(dists)), k))
    units = []
    i = 0
    while i < len(picks):
        if i + 1 < len(picks) and rng.random() < 0.12:
            a, b = dists[picks[i]], dists[picks[i + 1]]
            units.append((f"{prefix} khu vực {a[1]} - {b[1]}", 1.6))
            i += 2
            if "unit-khu-vuc" not in traits:
                traits.append("unit-khu-vuc")
            continue
        kind, name = dists[picks[i]]
        units.append((f"{prefix} {dist_name(kind, name, tp_word)}", 2.2 if kind == "tp" else 1.0))
        i += 1

    # indicators
    comps = [t for t in TAX_INDS[1:] if rng.random() < 0.6]
    while len(comps) < 3:
        c = rng.choice(TAX_INDS[1:])
        if c not in comps:
            comps.append(c)
    comps.sort(key=lambda t: TAX_INDS.index(t))
    inds = [("tong", rng.choice(TAX_INDS[0][1]))] + [(c[0], rng.choice(c[1])) for c in comps]
    ind_name = dict(inds)
    has_prev = rng.random() < 0.5
    has_cmp = rng.random() < 0.4
    has_rate = rng.random() < 0.6 or (fmt == "csv" and not has_cmp)
    if has_rate:
        ind_name["rate"] = rng.choice(RATE_NAMES)
        inds.append(("rate", ind_name["rate"]))
        traits.append("rate-ceiling-row")

    # target columns
    two = rng.random() < 0.78
    pl_first = rng.random() < 0.7
    hdr_rows = rng.choice([1, 2, 2, 3]) if fmt == "xlsx" else rng.choice([1, 1, 2])
    group_targets = rng.random() < 0.4 or hdr_rows == 3
    short_leaves = group_targets and rng.random() < 0.5
    if short_leaves:
        pl_name = rng.choice(["Pháp lệnh", "Bộ Tài chính giao", "Trung ương giao"])
        hd_name = rng.choice(["HĐND tỉnh giao", "HĐND giao", "Địa phương giao"])
    else:
        pl_name = rng.choice(["Dự toán pháp lệnh", f"Dự toán pháp lệnh năm {Y}", "DT pháp lệnh",
                              "Dự toán Bộ Tài chính giao"])
        hd_name = rng.choice(["Dự toán HĐND tỉnh giao", "Dự toán HĐND giao", "DT HĐND tỉnh giao",
                              f"Dự toán HĐND tỉnh giao năm {Y}"])
    single_name = rng.choice(["Dự toán", f"Dự toán năm {Y}", "Dự toán giao", "Dự toán được giao"])
    if two:
        tcols = ["pl", "hd"] if pl_first else ["hd", "pl"]
        traits.append("two-targets" + ("" if pl_first else "-hdnd-first"))
        if short_leaves:
            traits.append("target-short-leaves")
    else:
        tcols = ["one"]
        traits.append("one-target")
    tname = {"pl": pl_name, "hd": hd_name, "one": single_name}

    # rate rules
    rate_rules = {}
    if has_rate:
        ceil_style = rng.random()
        ceil_text = (lambda v: thr_text(rng, "<=", v)) if ceil_style < 0.5 else (
            lambda v: rng.choice([f"≤ {vn_plain(v)}%", f"Không quá {vn_plain(v)}%"]))
        v0 = rng.choice([5, 5, 5, 4, 6])
        main = Rule(tcols[0], "thr", "<=", v0, text=ceil_text(v0))
        rate_rules[tcols[0]] = main
        if two:
            other = tcols[1]
            choice = rng.random()
            if choice < 0.3:
                pass                                        # blank: only one target for this row
            elif choice < 0.55:
                rate_rules[other] = Rule(other, "thr", "<=", v0, text=main.text)
            elif choice < 0.85 or not has_prev:
                v1 = v0 - rng.choice([0.5, 1])
                if other == "pl":
                    v1 = v0 + rng.choice([0.5, 1])           # the Ministry's ceiling is the looser one
                rate_rules[other] = Rule(other, "thr", "<=", v1, text=ceil_text(v1))
            else:
                n = rng.choice([0.5, 1])
                rate_rules[other] = Rule(other, "pts", "down", n=n,
                                         text=f"Giảm {vn_plain(n)} điểm % so với năm trước")
                traits.append("rate-target-points")

    # data
    data = {}       # (unit, key) -> dict(actual, previous, targets {col: v}, debt, debt_prev)
    for uname, size in units:
        f = size * rng.uniform(0.5, 1.6)
        tot = dict(actual=0, previous=0, pl=0, hd=0)
        for key, lohi, spread in [(c[0], c[2], c[3]) for c in comps]:
            pl = max(100, int(round(rng.uniform(*lohi) * f, -1)))
            hd = pl if rng.random() < 0.12 else int(round(pl * rng.uniform(1.02, 1.12), -1))
            act = int(round(pl * rng.uniform(*spread)))
            prev = int(round(act / rng.uniform(0.85, 1.3)))
            data[(uname, key)] = dict(actual=act, previous=prev, pl=pl, hd=hd)
            for a, b in (("actual", act), ("previous", prev), ("pl", pl), ("hd", hd)):
                tot[a] += b
        other = rng.uniform(0.05, 0.3)
        opl = int(round(tot["pl"] * other, -1))
        ohd = int(round(opl * rng.uniform(1.0, 1.1), -1))
        oact = int(round(opl * rng.uniform(0.8, 1.25)))
        oprev = int(round(oact / rng.uniform(0.85, 1.25)))
        data[(uname, "tong")] = dict(actual=tot["actual"] + oact, previous=tot["previous"] + oprev,
                                     pl=tot["pl"] + opl, hd=tot["hd"] + ohd)
        if has_rate:
            while True:
                r = round(rng.uniform(1.0, 8.5), rate_dec)
                rp = round(min(8.5, max(1.5, r + rng.uniform(-1.5, 1.5))), rate_dec)
                ok = all(abs(r - ru.v) >= 0.05 or (not st.rate_fraction and r == ru.v)
                         for ru in rate_rules.values() if ru.kind == "thr")
                ok = ok and all(abs(r - (rp - ru.n)) >= 0.05 for ru in rate_rules.values() if ru.kind == "pts")
                if ok:
                    break
            tt = data[(uname, "tong")]
            data[(uname, "rate")] = dict(actual=r, previous=rp, debt=F(r) * tt["actual"] / 100,
                                         debt_prev=F(rp) * tt["previous"] / 100)
    for key in data:
        d = data[key]
        if not two and "pl" in d:
            d["one"] = d["hd"] if rng.random() < 0.5 else d["pl"]
        if not has_prev:
            d["previous"] = None

    # province (sums; the pooled rate only where the files carry a total row)
    has_total = rng.random() < 0.45
    total_label = rng.choice(["Toàn tỉnh", "Tổng cộng", "TỔNG CỘNG", "Toàn tỉnh"])
    total_top = rng.random() < 0.5
    if has_total:
        traits.append("total-row-" + ("top" if total_top else "bottom"))
    prov_data = {}
    for key, _ in inds:
        if key == "rate":
            tt_a = sum(data[(u, "tong")]["actual"] for u, _ in units)
            debt = sum(data[(u, "rate")]["debt"] for u, _ in units)
            pa = round(float(debt / tt_a * 100), rate_dec)
            pp = None
            if has_prev:
                tt_p = sum(data[(u, "tong")]["previous"] for u, _ in units)
                pp = round(float(sum(data[(u, "rate")]["debt_prev"] for u, _ in units) / tt_p * 100), rate_dec)
            prov_data[key] = dict(actual=pa, previous=pp)
        else:
            d = {}
            for a in ("actual", "previous", "pl", "hd", "one"):
                vals = [data[(u, key)].get(a) for u, _ in units]
                d[a] = None if any(v is None for v in vals) else sum(vals)
            prov_data[key] = d

    # layout
    layout = rng.choice(["unit_blocks", "unit_blocks", "unit_sections", "ind_sections"]) if fmt == "xlsx" \
        else "unit_blocks"
    merge_ok = fmt == "xlsx"
    opt = dict(merge_unit=merge_ok and rng.random() < 0.6, repeat_unit=True, roman=rng.random() < 0.5,
               sub_stt=rng.choice(["num", "letter", "dash"]))
    traits.append("layout-" + layout + ("-merged" if layout == "unit_blocks" and opt["merge_unit"] else ""))
    has_dvt = rng.random() < 0.5
    if has_rate and not has_dvt and fmt == "xlsx" and not st.rate_fraction:
        st.rate_fraction = True                      # a "%" must show somewhere: the rate's own format
        traits.append("xlsx-rate-as-fraction")
    if has_rate and not has_dvt and fmt == "csv" and not st.pct_sign:
        st.pct_sign = True
        traits.append("csv-percent-sign")
    has_note = rng.random() < 0.5
    has_stt = fmt == "xlsx" or rng.random() < 0.5
    prev_before = rng.random() < 0.4
    numbering = fmt == "xlsx" and rng.random() < 0.25
    act_name = rng.choice([f"Thực hiện năm {Y}", f"Thực hiện {Y}", f"TH năm {Y}"])
    prev_name = rng.choice([f"Thực hiện năm {Y - 1}", f"Cùng kỳ năm {Y - 1}", "Cùng kỳ", f"TH năm {Y - 1}"])
    tgroup = rng.choice([f"Dự toán năm {Y}", "Dự toán", "Dự toán giao"])
    cmp_leaf = {"pl": rng.choice(["TH/DTPL", "So với DT pháp lệnh", "TH/DT pháp lệnh"]),
                "hd": rng.choice(["TH/DT HĐND", "So với DT HĐND", "TH/DT HĐND tỉnh"]),
                "one": rng.choice(["TH/DT", "So với dự toán"]), "ck": rng.choice(["TH/CK", "So với cùng kỳ"])}

    cols = []
    if has_stt:
        cols.append(("stt", ("STT",)))
    if layout in ("unit_blocks",):
        cols.append(("unit", (rng.choice(["Đơn vị", "Tên đơn vị", "Đơn vị thu"]),)))
    if layout == "ind_sections":
        cols.append(("unit", (rng.choice(["Đơn vị", "Tên đơn vị", "Chi cục Thuế"]),)))
    if layout != "ind_sections":
        cols.append(("ind", (rng.choice(["Chỉ tiêu", "Nội dung", "Nội dung thu", "Chỉ tiêu thu"]),)))
    if has_dvt:
        cols.append(("dvt", (rng.choice(["ĐVT", "Đơn vị tính"]),)))
    if has_prev and prev_before:
        cols.append(("prev", (prev_name,)))
    yr_group = f"Năm {Y}"
    for c in tcols:
        if hdr_rows == 1:
            cols.append((c, (tname[c],)))
        elif hdr_rows == 2:
            cols.append((c, (tgroup, tname[c]) if (two and group_targets) else (tname[c],)))
        else:
            cols.append((c, (yr_group, tgroup, tname[c]) if two and group_targets else (yr_group, tname[c])))
    if hdr_rows == 3:
        cols.append(("act", (yr_group, rng.choice(["Thực hiện", "Thực hiện (TH)"]))))
    else:
        cols.append(("act", (act_name,)))
    if has_prev and not prev_before:
        cols.append(("prev", (prev_name,)))
    if has_cmp:
        grp = rng.choice(["So sánh (%)", "Tỷ lệ (%)", "So sánh %"])
        for c in tcols + (["ck"] if has_prev else []):
            cols.append(("cmp_" + c, (grp, cmp_leaf[c]) if hdr_rows > 1 else (cmp_leaf[c] + " (%)",)))
        traits.append("completion-columns")
    if has_note:
        cols.append(("note", ("Ghi chú",)))
    keys = [k for k, _ in cols]
    traits.append(f"header-{max(len(p) for _, p in cols)}-rows")
    name_of_col = {k: p[-1] for k, p in cols}

    # records and the truth
    figs, recs, pfigs = [], [], []
    unit_word = rng.choice(["Triệu đồng", "triệu đồng", "Tr.đồng"])
    notes = ["Có khoản thu đột biến từ dự án", "Số liệu đã đối chiếu KBNN",
             "Gồm thu từ hoạt động xổ số",
             "Chưa gồm khoản ghi thu, ghi chi"]

    def make_rec(unit, key, d, total):
        ind = ind_name[key]
        cells = {}
        fig = Fig("Toàn tỉnh" if total else unit, ind, d["actual"], d["previous"])
        if key == "rate":
            cells["act"] = st.rate(d["actual"])
            if d["previous"] is not None:
                cells["prev"] = st.rate(d["previous"])
            cells["dvt"] = "%"
            for c in tcols:
                ru = rate_rules.get(c)
                if ru:
                    cells[c] = ru.text
                    fig.add_target(ru, name_of_col[c], written=ru.text)
            if has_cmp:
                for c in tcols + (["ck"] if has_prev else []):
                    cells["cmp_" + c] = "-" if rng.random() < 0.5 else None
        else:
            cells["act"] = st.count(d["actual"])
            if d["previous"] is not None:
                cells["prev"] = st.count(d["previous"])
            cells["dvt"] = unit_word
            for c in tcols:
                cells[c] = st.count(d[c])
                written = written_of(cells[c])
                if total and not has_total:
                    written = None
                fig.add_target(Rule(c, "num"), name_of_col[c], v=d[c], written=written)
            if has_cmp:
                for c in tcols:
                    cells["cmp_" + c] = st.dec1(d["actual"] / d[c] * 100)
                if has_prev:
                    cells["cmp_ck"] = st.dec1(d["actual"] / d["previous"] * 100)
        if has_note and not total and rng.random() < 0.08:
            cells["note"] = rng.choice(notes)
        return Rec(total_label if total else unit, ind, cells, total=total), fig

    unit_recs = {}
    for uname, _ in units:
        for key, _ in inds:
            rec, fig = make_rec(uname, key, data[(uname, key)], False)
            unit_recs[(uname, key)] = rec
            figs.append(fig)
    total_recs = {}
    for key, _ in inds:
        if key == "rate" and not has_total:
            continue
        rec, fig = make_rec(None, key, prov_data[key], True)
        total_recs[key] = rec
        pfigs.append(fig)

    order_units = [u for u, _ in units]
    if layout == "ind_sections":
        for key, _ in inds:
            block = [unit_recs[(u, key)] for u in order_units]
            if has_total:
                block = [total_recs[key]] + block if total_top else block + [total_recs[key]]
            recs += block
    else:
        blocks = [[unit_recs[(u, key)] for key, _ in inds] for u in order_units]
        if has_total:
            tb = [total_recs[key] for key, _ in inds]
            blocks = [tb] + blocks if total_top else blocks + [tb]
        for b in blocks:
            recs += b

    # title and footer
    P = prov.upper()
    title_text = rng.choice([f"BÁO CÁO KẾT QUẢ THU NGÂN SÁCH NHÀ NƯỚC NĂM {Y}",
                             f"TỔNG HỢP THỰC HIỆN DỰ TOÁN THU NSNN NĂM {Y} THEO CHI CỤC THUẾ",
                             f"KẾT QUẢ THỰC HIỆN NHIỆM VỤ THU NSNN NĂM {Y}",
                             f"Biểu 01: Kết quả thu ngân sách nhà nước năm {Y}"])
    title = []
    if rng.random() < 0.85:
        title += [("pair", rng.choice(["TỔNG CỤC THUẾ", "BỘ TÀI CHÍNH"]), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                  ("pair", f"CỤC THUẾ TỈNH {P}", "Độc lập - Tự do - Hạnh phúc"), ("blank",)]
        traits.append("agency-block")
    title.append(("title", title_text))
    if rng.random() < 0.5:
        title.append(("center", f"(Kèm theo Báo cáo số      /BC-CT ngày     /01/{Y + 1} của Cục Thuế tỉnh {prov})"))
    if not has_dvt or rng.random() < 0.3:
        title.append(("right", f"Đơn vị tính: {unit_word.lower()}"))
    if fmt == "csv":
        title = csv_title(rng, title if rng.random() < 0.6 else [])
    footer = []
    if rng.random() < (0.7 if fmt == "xlsx" else 0.2):
        footer = signature(rng, prov, f"ngày {rng.randint(5, 25)} tháng 01 năm {Y + 1}", "NGƯỜI LẬP BIỂU",
                           ("KT. CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG"))
        traits.append("signature")
    if numbering:
        traits.append("numbering-row")

    body, vm = build_body(layout, recs, keys, merge_ok, opt)
    g = assemble(title, cols, body, vm, footer, merge_ok, numbering=numbering, blank_rows=rng.choice([0, 1, 1]))
    sheet = rng.choice([f"Thu NSNN {Y}", "Biểu 01", f"TH {Y}", "Sheet1", "Báo cáo", f"Năm {Y}"])
    if fmt == "xlsx":
        fname = rng.choice([f"Bao cao thu NSNN nam {Y}.xlsx", f"Cục Thuế {prov} - kết quả thu NSNN {Y}.xlsx",
                            f"Bieu 01 - TH du toan {Y}.xlsx"])
        files = [(fname, "xlsx", [(sheet, g)])]
    else:
        fname = rng.choice([f"thu-nsnn-{Y}.csv", f"Ket qua thu NSNN {Y} theo Chi cuc.csv"])
        files = [(fname, "csv", g)]
    return dict(family="tax", agency=f"Cục Thuế tỉnh {prov}", year=Y, period="năm", traits=traits, files=files,
                figures=figs, province=pfigs, col_order=tcols, fraction=st.rate_fraction,
                csv=dict(delim=rng.choice([";", ";", ","]), bom=rng.random() < 0.5, crlf=rng.random() < 0.5))


# ----------------------------------------------------------------------------------------------------------------
# Family 2: a police
# ----------------------------------------------------------------------------------------------------------------

# key: (name variants, kind, measure, base size for 6 months at a mid district, who reports it)
POLICE_INDS = {
    "crime_chg": (["Số vụ phạm tội về trật tự xã hội", "Số vụ phạm tội về trật tự xã hội xảy ra"],
                  "count", "vụ", (10, 45), "d"),
    "crime_rel": (["Số vụ phạm pháp hình sự", "Số vụ phạm pháp hình sự xảy ra"], "count", "vụ", (10, 50), "d"),
    "kp_rate": (["Tỷ lệ điều tra, khám phá án hình sự", "Tỷ lệ điều tra, khám phá các vụ án hình sự",
                 "Tỷ lệ điều tra khám phá án phạm pháp hình sự"], "rate", "%", (12, 45), "dH"),
    "kp_rvn": (["Tỷ lệ điều tra khám phá án rất nghiêm trọng, đặc biệt nghiêm trọng",
                "Tỷ lệ điều tra, khám phá án rất nghiêm trọng, đặc biệt nghiêm trọng"], "rate", "%", (2, 9), "dH"),
    "ma_tuy": (["Số vụ phạm tội về ma túy", "Số vụ phạm tội về ma túy xảy ra"], "count", "vụ", (3, 25), "d"),
    "truy_na": (["Số đối tượng truy nã bị bắt, vận động đầu thú",
                 "Số đối tượng truy nã bắt, vận động đầu thú"],
                "count", "đối tượng", (3, 12), "dHM"),
    "tin_bao": (["Số tin báo, tố giác tiếp nhận", "Số tố giác, tin báo về tội phạm tiếp nhận",
                 "Số tin báo, tố giác về tội phạm đã tiếp nhận"], "count", "tin", (20, 90), "dH"),
    "thu_ly": (["Số vụ án thụ lý", "Số vụ án hình sự thụ lý điều tra"], "count", "vụ", (8, 40), "dHM"),
    "tn_vu": (["Số vụ tai nạn giao thông", "Số vụ TNGT"], "count", "vụ", (4, 30), "d"),
    "tn_chet": (["Số người chết do TNGT", "Số người chết do tai nạn giao thông"], "count", "người", (0, 14), "d"),
    "tn_thuong": (["Số người bị thương do TNGT", "Số người bị thương do tai nạn giao thông"], "count", "người",
                  (2, 30), "d"),
    "xu_phat": (["Số tiền xử phạt vi phạm hành chính", "Số tiền xử phạt vi phạm hành chính về TTATGT"], "money",
                "triệu đồng", (500, 4000), "dG"),
    "chay": (["Số vụ cháy", "Số vụ cháy, nổ"], "count", "vụ", (0, 7), "d"),
    "pccc_kt": (["Số cơ sở được kiểm tra an toàn PCCC", "Số lượt kiểm tra an toàn PCCC"], "count", "cơ sở",
                (15, 70), "dF"),
}
ORDER = ["crime_chg", "crime_rel", "kp_rate", "kp_rvn", "ma_tuy", "truy_na", "tin_bao", "thu_ly", "tn_vu", "tn_chet",
         "tn_thuong", "xu_phat", "chay", "pccc_kt"]
TRAFFIC = ["tn_vu", "tn_chet", "tn_thuong"]
PHONG = [("H", "Phòng Cảnh sát hình sự"), ("M", "Phòng Cảnh sát điều tra tội phạm về ma túy"),
         ("G", "Phòng Cảnh sát giao thông"), ("F", "Phòng Cảnh sát PCCC và CNCH")]


def gen_police(rng):
    prov, dists = rng.choice(PROVINCES)
    Y = rng.randint(2022, 2025)
    half = rng.random() < 0.6
    period = "6 tháng" if half else "năm"
    s = 1 if half else 2
    traits = ["period-6-thang" if half else "period-nam"]
    fmt = "csv" if rng.random() < 0.3 else "xlsx"
    rate_dec = rng.choice([1, 1, 2])
    st = Style(fmt, rng, rate_dec)
    traits += [fmt] + st.traits
    prev_src = rng.choice(["cols", "sheets", "files", "cols"]) if fmt == "xlsx" else rng.choice(["cols", "rows",
                                                                                                 "files"])
    if rng.random() < 0.08:
        prev_src = "none"            # no cùng kỳ anywhere: every relative target and change is undefined
    traits.append("previous-" + prev_src)
    has_total = rng.random() < 0.45
    total_label = rng.choice(["Toàn tỉnh", "Tổng cộng", "TOÀN TỈNH", "Toàn tỉnh"])
    total_top = rng.random() < 0.6
    new_unit = has_total and prev_src != "none" and rng.random() < 0.45
    tp_word = rng.choice(["TP", "thành phố", "TP."])

    # units
    k = rng.randint(4, min(8, len(dists) - 1))
    picks = sorted(rng.sample(range(len(dists)), k + (1 if new_unit else 0)))
    new_idx = rng.choice(picks) if new_unit else None
    units = []           # (name, kind letter, size, is new)
    for i in picks:
        kind, name = dists[i]
        units.append((f"Công an {dist_name(kind, name, tp_word)}", "d", 2.0 if kind == "tp" else
                      rng.uniform(0.6, 1.4), i == new_idx))
    if new_unit:
        traits.append("new-unit")
    phong = [p for p in PHONG if rng.random() < 0.4]

    # indicators
    crime = "crime_rel" if rng.random() < 0.5 else "crime_chg"
    traffic_rel = rng.random() < 0.65
    chosen = {crime, "kp_rate", "tn_vu", "tn_chet", "tn_thuong"}
    chosen.add(rng.choice(["tin_bao", "thu_ly"]))
    chosen.add(rng.choice(["chay", "ma_tuy"]))
    for key, p in (("kp_rvn", 0.6), ("truy_na", 0.7), ("xu_phat", 0.5), ("pccc_kt", 0.3), ("tin_bao", 0.5),
                   ("thu_ly", 0.5), ("chay", 0.5), ("ma_tuy", 0.5)):
        if rng.random() < p:
            chosen.add(key)
    inds = [k for k in ORDER if k in chosen]
    name = {k: rng.choice(POLICE_INDS[k][0]) for k in inds}
    for who, pname in phong:
        if any(who in POLICE_INDS[k][4] for k in inds):
            units.append((pname, who, 1.0, False))
    pos_phong_first = rng.random() < 0.5
    if pos_phong_first:
        units.sort(key=lambda u: u[1] == "d")
    member = {u[0]: [k for k in inds if u[1] in POLICE_INDS[k][4]] for u in units}
    traits.append("traffic-" + ("relative" if traffic_rel else "by-change"))
    traits.append("crime-" + ("relative" if crime == "crime_rel" else "by-change"))

    # target columns
    if half:
        one_col = rng.random() < 0.5
        if one_col:
            tcols = ["tA"]
            tname = {"tA": rng.choice(["Chỉ tiêu 6 tháng", f"Chỉ tiêu 6 tháng đầu năm {Y}",
                                       f"Chỉ tiêu 6 tháng năm {Y}"])}
        else:
            tcols = ["tA", "tK"] if rng.random() < 0.6 else ["tK", "tA"]
            tname = {"tA": rng.choice(["Chỉ tiêu giao", "Chỉ tiêu đề ra", "Chỉ tiêu được giao"]),
                     "tK": rng.choice(["KH 6 tháng", f"KH 6 tháng {Y}", "Kế hoạch 6 tháng"])}
    else:
        tcols = ["tA"]
        tname = {"tA": rng.choice([f"Chỉ tiêu năm {Y}", "Chỉ tiêu giao", f"KH năm {Y}", "Chỉ tiêu được giao"])}
        if rng.random() < 0.3 and ("truy_na" in inds or "pccc_kt" in inds):
            tcols.append("tP")
            tname["tP"] = rng.choice(["Phấn đấu", "Chỉ tiêu phấn đấu"])
            traits.append("target-phan-dau")
    num_col = "tK" if "tK" in tcols else "tA"
    if "tK" in tcols and not ("truy_na" in inds or "pccc_kt" in inds):
        tcols.remove("tK")
    traits.append("targets-" + "+".join(tcols))
    base = "cùng kỳ" if half else rng.choice(["cùng kỳ", "năm trước"])

    rules = {}                     # ind -> [Rule]
    if crime == "crime_rel":
        n = rng.choice([5, 5, 3, 10, 2.5])
        tmpl = rng.choice(["Giảm {n}% so với cùng kỳ", "Kéo giảm {n}% so với cùng kỳ",
                           "Giảm ít nhất {n}% so với cùng kỳ"])
        rules["crime_rel"] = [Rule("tA", "rel", "down", n=n, text=tmpl.format(n=vn_plain(n)))]
    op, v = rng.choice([(">=", 75), (">", 70), (">=", 70), (">=", 80)])
    typed_thr = fmt == "xlsx" and op == ">=" and rng.random() < 0.2
    rules["kp_rate"] = [Rule("tA", "thr", op, v, text=thr_text(rng, op, v), typed=typed_thr)]
    if "kp_rvn" in inds:
        rules["kp_rvn"] = [Rule("tA", "thr", ">=", 90, text=thr_text(rng, ">=", 90))]
    merged3 = False
    merge_section = False
    layout = rng.choice(["unit_blocks", "unit_blocks", "unit_sections", "ind_sections"]) if fmt == "xlsx" \
        else "long"
    if traffic_rel:
        n = rng.choice([5, 5, 5, 3, 10])
        if fmt == "xlsx" and layout in ("unit_blocks", "unit_sections") and rng.random() < 0.65:
            merged3 = True
            text = rng.choice([
                f"Kéo giảm ít nhất {n}% trên cả 3 tiêu chí (số vụ, số người chết, số người bị thương) "
                f"so với cùng kỳ",
                f"Kéo giảm ít nhất {n}% so với cùng kỳ trên cả 3 tiêu chí",
                f"Kéo giảm ít nhất {n}% so với cùng kỳ"])
            traits.append("traffic-target-merged-over-3-rows")
        else:
            text = rng.choice([f"Kéo giảm ít nhất {n}% so với cùng kỳ", f"Giảm ít nhất {n}% so với cùng kỳ",
                               f"Giảm {n}% so với cùng kỳ", f"Kéo giảm {n}% so với cùng kỳ"])
            if fmt == "xlsx" and layout == "ind_sections" and rng.random() < 0.6:
                merge_section = True
                traits.append("traffic-target-merged-over-units")
        for kk in TRAFFIC:
            rules[kk] = [Rule("tA", "rel", "down", n=n, text=text)]
    for kk in ("truy_na", "pccc_kt"):
        if kk in inds:
            rules[kk] = [Rule(num_col, "num")]
            if "tP" in tcols:
                rules[kk].append(Rule("tP", "num"))
    if "xu_phat" in inds:
        b = base if base == "cùng kỳ" else "năm trước"
        if rng.random() < 0.5:
            n = rng.choice([5, 10, 10])
            text = rng.choice([f"Tăng {n}% so với {b}", f"Tăng ít nhất {n}% so với {b}"])
            rules["xu_phat"] = [Rule("tA", "rel", "up", n=n, text=text)]
        else:
            rules["xu_phat"] = [Rule("tA", "rel", "notlower", n=0, text=f"Không thấp hơn {b}")]
        traits.append("relative-up")

    # data: this year (0) and the same period a year before (1)
    data = {0: {}, 1: {}}
    for uname, who, size, is_new in units:
        for key in member[uname]:
            lo, hi = POLICE_INDS[key][3]
            kind = POLICE_INDS[key][1]
            for yo in (1, 0):
                if yo == 1 and is_new:
                    continue
                d = {}
                if kind == "rate":
                    thr = rules[key][0]
                    p0 = rng.uniform(0.62, 0.95) if key == "kp_rate" else rng.uniform(0.7, 0.98)
                    if yo == 0 and (uname, key) in data[1]:
                        p0 = data[1][(uname, key)]["k"] / data[1][(uname, key)]["n"]
                    while True:
                        n_cases = max(1, int(round(rng.uniform(lo, hi) * size * s)))
                        p = min(1.0, max(0.5, p0 + rng.uniform(-0.08, 0.08)))
                        kk = min(n_cases, int(round(n_cases * p)))
                        r = round(kk / n_cases * 100, rate_dec)
                        tie = r == thr.v
                        if tie and (thr.op == ">" or st.rate_fraction or thr.typed):
                            continue
                        if not tie and abs(r - thr.v) < 0.05:
                            continue
                        break
                    d = dict(actual=r, n=n_cases, k=kk)
                else:
                    if yo == 0 and (uname, key) in data[1]:
                        pv = data[1][(uname, key)]["actual"]
                        if rng.random() < 0.12:
                            a = pv
                        else:
                            a = max(0, int(round(pv * rng.uniform(0.6, 1.4) + rng.choice([-1, 0, 1]))))
                    else:
                        a = max(0, int(round(rng.uniform(lo, hi) * size * s)))
                        if key == "tn_chet" and rng.random() < 0.15:
                            a = 0
                    d = dict(actual=a)
                    if key in ("truy_na", "pccc_kt"):
                        kh = max(1, int(round(rng.uniform(lo, hi) * size * s)))
                        d["kh"] = kh
                        d["pd"] = kh + max(1, int(round(kh * rng.choice([0.1, 0.2, 0.25]))))
                        d["actual"] = max(0, int(round(kh * rng.uniform(0.6, 1.5))))
                data[yo][(uname, key)] = d
        for yo in (1, 0):            # a road's toll follows its accidents
            if (uname, "tn_vu") in data[yo]:
                vu = data[yo][(uname, "tn_vu")]["actual"]
                for key, lo, hi in (("tn_chet", 0.3, 0.9), ("tn_thuong", 0.5, 1.4)):
                    d = data[yo][(uname, key)]
                    before = data[1].get((uname, key)) if yo == 0 else None
                    vu1 = data[1][(uname, "tn_vu")]["actual"] if before else 0
                    if before and before["actual"] == 0:
                        d["actual"] = rng.choice([0, 0, 1, 2])
                    elif before and vu1 and rng.random() < 0.85:
                        if rng.random() < 0.12:
                            d["actual"] = before["actual"]
                        else:
                            d["actual"] = int(round(vu * before["actual"] / vu1 * rng.uniform(0.85, 1.15)))
                    elif d["actual"] > vu * hi or (key == "tn_thuong" and d["actual"] < vu * lo - 2):
                        d["actual"] = int(round(vu * rng.uniform(lo, hi)))

    # the province's figures: sums, and the pooled rate
    pdat = {0: {}, 1: {}}
    for yo in (0, 1):
        for key in inds:
            ds = [data[yo][(u[0], key)] for u in units if (u[0], key) in data[yo]]
            if POLICE_INDS[key][1] == "rate":
                n_all, k_all = sum(d["n"] for d in ds), sum(d["k"] for d in ds)
                pdat[yo][key] = dict(actual=round(k_all / n_all * 100, rate_dec), n=n_all, k=k_all)
            else:
                d = dict(actual=sum(d["actual"] for d in ds))
                if key in ("truy_na", "pccc_kt"):
                    d["kh"] = sum(d["kh"] for d in ds)
                    d["pd"] = sum(d["pd"] for d in ds)
                pdat[yo][key] = d

    # columns
    with_prev_cols = prev_src == "cols"
    ky_col = prev_src == "rows"
    has_dvt = rng.random() < 0.6
    has_note = rng.random() < 0.45
    has_diff = with_prev_cols and rng.random() < 0.4
    has_stt = fmt == "xlsx" or rng.random() < 0.4
    hdr_group = fmt == "xlsx" and with_prev_cols and rng.random() < 0.6
    numbering = fmt == "xlsx" and rng.random() < 0.2
    unit_h = rng.choice(["Đơn vị", "Đơn vị thực hiện", "Tên đơn vị"])
    ind_h = rng.choice(["Nội dung", "Chỉ tiêu", "Nội dung chỉ tiêu"])
    dvt_h = rng.choice(["ĐVT", "Đơn vị tính"])
    per = "6 tháng" if half else "Năm"
    res_group = rng.choice(["Kết quả", "Kết quả thực hiện", f"{per} đầu năm" if half else "Kết quả"])
    pair_style = rng.randrange(3)

    def cols_for(year, prev_cols):
        cols = []
        if ky_col:
            cols.append(("ky", ("Kỳ báo cáo",)))
        if has_stt:
            cols.append(("stt", ("STT",)))
        if layout in ("long", "unit_blocks", "ind_sections"):
            cols.append(("unit", (unit_h,)))
        if layout != "ind_sections":
            cols.append(("ind", (ind_h,)))
        if has_dvt:
            cols.append(("dvt", (dvt_h,)))
        for c in tcols:
            t = tname[c].replace(str(Y), str(year))
            cols.append((c, (t,)))
        if prev_cols:
            if pair_style == 0:
                pl, al = f"Cùng kỳ {year - 1}", "Kỳ này"
            elif pair_style == 1:
                pl, al = (f"6 tháng {year - 1}", f"6 tháng {year}") if half else (f"Năm {year - 1}", f"Năm {year}")
            else:
                pl, al = f"Cùng kỳ năm {year - 1}", ("6 tháng đầu năm " if half else "Năm ") + str(year)
            if hdr_group:
                if pair_style == 1 and half and res_group == "6 tháng đầu năm":
                    pl, al = str(year - 1), str(year)
                cols += [("prev", (res_group, pl)), ("act", (res_group, al))]
            else:
                cols += [("prev", (pl,)), ("act", (al,))]
            if has_diff:
                g = rng.choice(["So sánh", "So với cùng kỳ"]) if hdr_group else None
                leaves = ["Tăng (+), giảm (-)", "Tăng, giảm (%)"]
                cols += [(k, (g, leaf) if g else (leaf,)) for k, leaf in zip(("diff", "pct"), leaves)]
        else:
            if ky_col:
                al = rng.choice(["Kết quả", "Thực hiện"])
            else:
                al = rng.choice([f"Kết quả {'6 tháng đầu năm ' if half else 'năm '}{year}",
                                 "Kết quả thực hiện", "Thực hiện", "Kết quả"])
            cols.append(("act", (al,)))
        if has_note:
            cols.append(("note", ("Ghi chú",)))
        return cols

    if with_prev_cols:
        traits.append(["previous-pair-cung-ky-ky-nay", "previous-pair-years", "previous-pair-cung-ky-nam"][pair_style])
    if ky_col:
        tname = {c: re.sub(r" \d{4}$", "", t) for c, t in tname.items()}     # rows of two years

    cols_main = cols_for(Y, with_prev_cols)
    name_of_col = {k: p[-1] for k, p in cols_main}

    ky_word = rng.choice(["6 tháng đầu năm {year}", "6 tháng đầu năm {year}", "6 tháng năm {year}"]) if half \
        else rng.choice(["Năm {year}", "năm {year}"])
    no_prev_mark = rng.choice(["-", None])
    notes_new = ["Đơn vị mới thành lập", f"Thành lập từ 01/01/{Y}", "Mới thành lập"]

    def recs_for(yo, prev_cols, figs_out=None, with_total=True):
        """Records of one year's sheet (yo 0 = this year), with the truth when figs_out is a list."""
        year = Y - yo
        out = []
        utotal = [(total_label, None, None, False)] if (has_total and with_total) else []
        ulist = [u for u in units if not (yo == 1 and u[3])]
        seq = (utotal + ulist) if total_top else (ulist + utotal)
        for uname, who, _, is_new in seq:
            is_total = who is None
            for key in (inds if is_total else member[uname]):
                d = pdat[yo][key] if is_total else data[yo][(uname, key)]
                kind = POLICE_INDS[key][1]
                if yo == 1 or prev_src == "none":
                    dprev = None
                elif is_total:
                    dprev = pdat[yo + 1][key]
                else:
                    dprev = data[yo + 1].get((uname, key))
                prev_val = dprev["actual"] if dprev is not None else None
                cells = {}
                cells["act"] = st.rate(d["actual"]) if kind == "rate" else st.count(d["actual"])
                if has_dvt:
                    cells["dvt"] = POLICE_INDS[key][2]
                if prev_cols:
                    if prev_val is None:
                        cells["prev"] = no_prev_mark
                        if has_diff:
                            cells["diff"] = cells["pct"] = "-"
                    else:
                        cells["prev"] = st.rate(prev_val) if kind == "rate" else st.count(prev_val)
                        if has_diff:
                            diff = d["actual"] - prev_val
                            cells["diff"] = st.signed(round(diff, rate_dec) if kind == "rate" else diff,
                                                      rate_dec if kind == "rate" else 0)
                            if kind == "rate" or prev_val == 0:
                                cells["pct"] = "-"
                            else:
                                cells["pct"] = st.dec1(diff / prev_val * 100)
                if ky_col:
                    cells["ky"] = ky_word.format(year=year)
                fig = None
                if yo == 0 and figs_out is not None:
                    fig = Fig("Toàn tỉnh" if is_total else uname, name[key], d["actual"], prev_val)
                merge_gid = None
                for ru in rules.get(key, []):
                    if ru.kind == "num":
                        v = d["pd"] if ru.col == "tP" else d["kh"]
                        cells[ru.col] = st.count(v)
                        written = written_of(cells[ru.col])
                        if fig is not None:
                            fig.add_target(ru, name_of_col[ru.col], v=v,
                                           written=written if (not is_total or has_total) else None)
                    else:
                        if ru.typed:
                            cells[ru.col] = st.rate(ru.v, 0)
                        else:
                            cells[ru.col] = ru.text
                        if fig is not None:
                            fig.add_target(ru, name_of_col[ru.col], written=written_of(cells[ru.col]))
                        if key in TRAFFIC and merged3:
                            merge_gid = ("traffic", uname)
                        elif key in TRAFFIC and merge_section and not is_total:
                            merge_gid = ("section", key)
                if fig is not None:
                    if POLICE_INDS[key][1] != "rate" and not rules.get(key) and key not in ("tin_bao", "thu_ly"):
                        fig.change = change_status(d["actual"], prev_val)
                    figs_out.append((is_total, fig))
                if has_note and not is_total and is_new and key == member[uname][0]:
                    cells["note"] = rng.choice(notes_new)
                rec = Rec(total_label if is_total else uname, name[key], cells, total=is_total,
                          group=None if is_total else ("CÁC PHÒNG NGHIỆP VỤ" if who != "d" else
                                                       "CÔNG AN CÁC HUYỆN, THỊ XÃ, THÀNH PHỐ"))
                if merge_gid:
                    rec.merge["tA"] = merge_gid
                out.append(rec)
        if layout == "ind_sections":
            out.sort(key=lambda r: inds.index(next(k for k in inds if name[k] == r.ind)))
        return out

    figs = []
    main_recs = recs_for(0, with_prev_cols, figs)
    opt = dict(merge_unit=fmt == "xlsx" and rng.random() < 0.6, repeat_unit=True, roman=rng.random() < 0.5,
               sub_stt=rng.choice(["num", "letter", "dash"]),
               group_heads=layout == "unit_blocks" and phong and rng.random() < 0.5)
    traits.append("layout-" + layout + ("-merged" if layout == "unit_blocks" and opt["merge_unit"] else ""))
    if opt["group_heads"]:
        traits.append("unit-group-headings")
    if has_total:
        traits.append("total-row-" + ("top" if total_top else "bottom"))
    merge_ok = fmt == "xlsx"

    P = prov.upper()

    def title_for(year):
        t = []
        if rng.random() < 0.85:
            top = "BỘ CÔNG AN" if rng.random() < 0.3 else f"CÔNG AN TỈNH {P}"
            t += [("pair", top, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                  ("pair", "PHÒNG THAM MƯU" if top != "BỘ CÔNG AN" else f"CÔNG AN TỈNH {P}",
                   "Độc lập - Tự do - Hạnh phúc"), ("blank",)]
        style = rng.randrange(3)
        if half:
            if style == 0:
                t.append(("title", f"BÁO CÁO SƠ KẾT 6 THÁNG ĐẦU NĂM {year}"))
                t.append(("center", "Kết quả thực hiện các chỉ tiêu công tác"))
            elif style == 1:
                t.append(("title", f"Báo cáo sơ kết 6 tháng đầu năm {year}"))
            else:
                t.append(("title", "BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CÔNG TÁC"))
                t.append(("cells", ["Kỳ báo cáo:", f"6 tháng đầu năm {year}"]) if rng.random() < 0.5
                         else ("center", f"Kỳ báo cáo: 6 tháng đầu năm {year}"))
            if rng.random() < 0.4:
                t.append(("center", f"(Số liệu từ ngày 15/12/{year - 1} đến ngày 14/6/{year})"))
        else:
            if style == 0:
                t.append(("title", f"BÁO CÁO TỔNG KẾT CÔNG TÁC NĂM {year}"))
            elif style == 1:
                t.append(("title", f"Kết quả thực hiện các chỉ tiêu công tác năm {year}"))
            else:
                t.append(("title", "BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CÔNG TÁC"))
                t.append(("cells", ["Kỳ báo cáo:", f"Năm {year}"]) if rng.random() < 0.5
                         else ("center", f"Kỳ báo cáo: năm {year}"))
            if rng.random() < 0.4:
                t.append(("center", f"(Số liệu từ ngày 15/12/{year - 1} đến ngày 14/12/{year})"))
        return t

    def footer_for(year):
        if rng.random() < (0.6 if fmt == "xlsx" else 0.15):
            mon = "6" if half else "12"
            return signature(rng, prov, f"ngày {rng.randint(15, 28)} tháng {mon} năm {year}", "NGƯỜI LẬP BẢNG",
                             ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), rank="Đại tá ")
        return []

    def grid_for(year, recs, cols):
        keys = [k for k, _ in cols]
        title = title_for(year)
        if fmt == "csv":
            if ky_col:
                title = []
            else:
                title = csv_title(rng, title)
        body, vm = build_body(layout, recs, keys, merge_ok, opt)
        return assemble(title, cols, body, vm, footer_for(year), merge_ok, numbering=numbering,
                        blank_rows=rng.choice([0, 1, 1]))

    def sheet_name(year):
        return rng.choice([f"6 tháng {year}", f"6T-{year}", f"Sơ kết 6T {year}"]) if half else \
            rng.choice([f"Năm {year}", f"TK {year}", f"Tổng kết {year}"])

    files = []
    slug = "so ket 6 thang" if half else "tong ket nam"
    csv_opts = dict(delim=rng.choice([";", ";", ","]), bom=rng.random() < 0.5, crlf=rng.random() < 0.5)
    if prev_src in ("cols", "none"):
        g = grid_for(Y, main_recs, cols_main)
        if fmt == "xlsx":
            nm = rng.choice([sheet_name(Y), "Biểu 1", "Sheet1", "Chỉ tiêu"])
            files.append((f"CA {prov} - {slug} {Y}.xlsx", "xlsx", [(nm, g)]))
        else:
            files.append((f"{slug.replace(' ', '-')}-{Y}.csv", "csv", g))
    elif prev_src in ("sheets", "files"):
        cols_prev = cols_for(Y - 1, False)
        g0 = grid_for(Y, main_recs, cols_main)
        g1 = grid_for(Y - 1, recs_for(1, False), cols_prev)
        if prev_src == "sheets":
            sheets = [(sheet_name(Y), g0), (sheet_name(Y - 1), g1)]
            if rng.random() < 0.3:
                sheets.reverse()
            files.append((f"Cong an tinh {prov} - {slug} {Y} va cung ky.xlsx", "xlsx", sheets))
        else:
            for yr, gg in ((Y, g0), (Y - 1, g1)):
                if fmt == "xlsx":
                    files.append((f"{slug.capitalize()} {yr}.xlsx", "xlsx", [(sheet_name(yr), gg)]))
                else:
                    files.append((f"bao-cao-{slug.replace(' ', '-')}-{yr}.csv", "csv", gg))
    else:   # rows of both periods in one CSV, a "Kỳ báo cáo" column
        prev_recs = recs_for(1, False)
        how = rng.randrange(3)
        if how == 0:
            allr = main_recs + prev_recs
        elif how == 1:
            allr = prev_recs + main_recs
        else:
            allr = []
            pm = {(r.unit, r.ind): r for r in prev_recs}
            for r in main_recs:
                if (r.unit, r.ind) in pm:
                    allr.append(pm[(r.unit, r.ind)])
                allr.append(r)
        g = grid_for(Y, allr, cols_main)
        files.append((f"{slug.replace(' ', '-')}-{Y - 1}-{Y}.csv", "csv", g))
    if numbering:
        traits.append("numbering-row")

    return dict(family="police", agency=f"Công an tỉnh {prov}", year=Y, period=period, traits=traits, files=files,
                figures=[f for t, f in figs if not t], province=[f for t, f in figs if t] if has_total else None,
                col_order=tcols, fraction=st.rate_fraction,
                prov_fallback=(units, inds, data, pdat, rules, name, tcols, name_of_col, prev_src == "none"),
                csv=csv_opts)


def police_province_without_total(out):
    """The province when no total row is printed: sums over the units; targets summed or shared; no rates."""
    units, inds, data, prov, rules, name, tcols, name_of_col, no_prev = out.pop("prov_fallback")
    if out["province"] is not None:
        return
    res = []
    for key in inds:
        if POLICE_INDS[key][1] == "rate":
            continue
        d, dp = prov[0][key], prov[1][key]
        old = [u for u in units if (u[0], key) in data[0]]
        prev_val = dp["actual"] if all((u[0], key) in data[1] for u in old) and not no_prev else None
        fig = Fig("Toàn tỉnh", name[key], d["actual"], prev_val)
        for ru in rules.get(key, []):
            if ru.kind == "num":
                fig.add_target(ru, name_of_col[ru.col], v=d["pd"] if ru.col == "tP" else d["kh"], written=None)
            else:
                fig.add_target(ru, name_of_col[ru.col], written=ru.text)
        if not rules.get(key) and key not in ("tin_bao", "thu_ly"):
            fig.change = change_status(d["actual"], prev_val)
        res.append(fig)
    out["province"] = res


# ----------------------------------------------------------------------------------------------------------------
# Cases
# ----------------------------------------------------------------------------------------------------------------

def sound(out):
    """No verdict may hang on a float's last bit: no tie of a rate typed as a fraction, none against a value
    computed from decimals ("giảm 0,5 điểm %"), none on "Trên" (strictly above) for a fraction."""
    for f in out["figures"] + out["province"]:
        for t in f.targets:
            if t["value"] is None or F(f.actual) != F(t["value"]):
                continue
            rate = isinstance(f.actual, float) or f.ind.startswith("Tỷ lệ")
            if t["rule"].kind == "pts" or (rate and out["fraction"]):
                return False
    return True


def make_case(i, seed, out_dir):
    case_seed = random.Random(f"{seed}:{i}").randrange(1 << 31)
    for attempt in range(50):
        rng = random.Random(case_seed + attempt * 7919)
        out = gen_tax(rng) if i % 2 == 0 else gen_police(rng)
        if out["family"] == "police":
            police_province_without_total(out)
        csv_ok = all(csv_settles_locale(f[2]) for f in out["files"] if f[1] == "csv")
        if csv_ok and sound(out):
            break
    else:
        raise AssertionError(f"case {i}: no draw settles the CSV locale")
    files = [(nfc(fname), kind, payload) for fname, kind, payload in out["files"]]
    names = [f[0] for f in files]
    truth = {"seed": seed, "case": i, "case_seed": case_seed + attempt * 7919, "family": out["family"],
             "agency": nfc(out["agency"]), "traits": out["traits"], "files": names, "year": out["year"],
             "period": nfc(out["period"]), "figures": [f.to_json(out["col_order"]) for f in out["figures"]],
             "province": [f.to_json(out["col_order"]) for f in out["province"]]}
    write_case(out_dir, i, files, out["csv"], truth)
    return truth


if __name__ == "__main__":
    run(__doc__, make_case)
