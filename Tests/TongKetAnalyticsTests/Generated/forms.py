"""What verdicts.py and comparisons.py share: a sheet as a grid of cells, the parts of a page that every office's
form has (title block, header band, lines under the table), the .xlsx and .csv writing with pinned timestamps, a
case's folder, and the command line.

Not a script of its own: the two generators beside it import it (python3 puts a script's own folder on sys.path).
Only the standard library and openpyxl.
"""

import argparse
import csv
import datetime
import io
import json
import os
import re
import unicodedata
import zipfile

import openpyxl
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI"]


def nfc(s):
    return unicodedata.normalize("NFC", s) if isinstance(s, str) else s


# ----------------------------------------------------------------------------------------------------------------
# A sheet: a grid of cells, filled from the top (title block, header band), the body, then the lines under it
# ----------------------------------------------------------------------------------------------------------------

class Grid:
    def __init__(self):
        self.cells = {}            # (row, col), 1-based -> value or (value, number format)
        self.merges = []           # (r1, c1, r2, c2)
        self.bold = set()
        self.center = set()
        self.nrows = 0
        self.ncols = 0
        self.table = None          # (first row, last row, first col, last col) for borders

    def put(self, r, c, v, bold=False, center=False):
        if v is None or v == "":
            return
        self.cells[(r, c)] = v
        self.nrows, self.ncols = max(self.nrows, r), max(self.ncols, c)
        if bold:
            self.bold.add((r, c))
        if center:
            self.center.add((r, c))

    def merge(self, r1, c1, r2, c2):
        if (r1, c1) != (r2, c2):
            self.merges.append((r1, c1, r2, c2))


def header_band(paths):
    """Header rows from column paths: leaves at the bottom, equal group headings merged across, a one-level heading
    merged down (a spacer column's empty one is not). Returns (rows[level][col] texts, merges as (level1, col1,
    level2, col2), 0-based)."""
    depth = max(len(p) for p in paths)
    w = len(paths)
    rows = [[None] * w for _ in range(depth)]
    merges = []
    for c, p in enumerate(paths):
        if len(p) == 1:
            rows[0][c] = p[0]
            if depth > 1 and p[0]:
                merges.append((0, c, depth - 1, c))
    for lv in range(depth):
        c = 0
        while c < w:
            p = paths[c]
            if len(p) > 1 and lv < len(p):
                if lv == len(p) - 1:           # the leaf: down to the bottom row
                    rows[lv][c] = p[lv]
                    if lv < depth - 1:
                        merges.append((lv, c, depth - 1, c))
                    c += 1
                    continue
                c2 = c
                while c2 + 1 < w and len(paths[c2 + 1]) > lv + 1 and paths[c2 + 1][:lv + 1] == p[:lv + 1]:
                    c2 += 1
                rows[lv][c] = p[lv]
                if c2 > c:
                    merges.append((lv, c, lv, c2))
                c = c2 + 1
                continue
            c += 1
    return rows, merges


def put_title(g, lines, left, ncol, merge_ok, blank_rows=1):
    """The title block from row 1 over a table of ncol columns from column left: ("pair", left text, right text)
    two halves (the agency beside the Quốc hiệu; either may be None), ("title", text) bold and ("center", text),
    each merged across, ("right", text) near the right edge, ("cells", [texts]) a text a cell, ("blank",) an empty
    row; then blank_rows empty rows when there is a title. Returns the row after it."""
    last = left + ncol - 1
    r = 1
    for line in lines:
        kind = line[0]
        if kind == "pair":
            half = max(2, ncol // 2)
            if line[1]:
                g.put(r, left, line[1], bold=True, center=True)
            if line[2]:
                g.put(r, left + half, line[2], bold=True, center=True)
            if merge_ok:
                g.merge(r, left, r, left + half - 1)
                g.merge(r, left + half, r, last)
        elif kind in ("center", "title"):
            g.put(r, left, line[1], bold=kind == "title", center=True)
            if merge_ok:
                g.merge(r, left, r, last)
        elif kind == "right":
            g.put(r, max(left, last - 2) if merge_ok else left, line[1])
        elif kind == "cells":
            for i, v in enumerate(line[1]):
                g.put(r, left + i, v, bold=i == 0)
        r += 1
    if lines:
        r += blank_rows
    return r


def put_header(g, top, left, paths, merge_ok):
    """The header band of header_band(paths) from row top, bold and centred. Returns the row after it."""
    hrows, hmerges = header_band(paths)
    for lv, hr in enumerate(hrows):
        for c, text in enumerate(hr):
            g.put(top + lv, left + c, text, bold=True, center=True)
    if merge_ok:
        for (l1, c1, l2, c2) in hmerges:
            g.merge(top + l1, left + c1, top + l2, left + c2)
    return top + len(hrows)


def put_footer(g, r, lines, left, ncol):
    """The lines under a table that ends above row r, from row r + 1 (row r stays empty): ("sign", left text, right
    text) the two signature columns (either may be None), ("left", text) a note, ("blank",) an empty row."""
    if not lines:
        return
    last = left + ncol - 1
    r += 1
    for line in lines:
        if line[0] == "sign":
            _, lc, rc = line
            if lc:
                g.put(r, left + 1 if ncol > 3 else left, lc, bold=True)
            if rc:
                g.put(r, max(left, last - 2), rc, bold=True)
        elif line[0] == "left":
            g.put(r, left, line[1])
        r += 1


def csv_title(rng, lines):
    """Title lines as an Excel CSV export keeps them: texts in the first cells (a pair as four cells or its left
    text alone, a draw of rng each), blank lines dropped."""
    out = []
    for ln in lines:
        if ln[0] == "pair":
            if rng.random() < 0.5:
                out.append(("cells", [ln[1] or "", "", "", ln[2] or ""]))
            elif ln[1]:
                out.append(("center", ln[1]))
        elif ln[0] != "blank":
            out.append(ln)
    return out


# ----------------------------------------------------------------------------------------------------------------
# Files: .xlsx and .csv with the same bytes every time, a case's folder, the command line
# ----------------------------------------------------------------------------------------------------------------

FIXED_TIME = (2025, 1, 8, 8, 0, 0)


def write_xlsx(path, sheets):
    """sheets: [(name, grid)]. Deterministic bytes: the zip's times and docProps' dates are pinned."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    for name, g in sheets:
        ws = wb.create_sheet(title=name)
        for (r, c), v in g.cells.items():
            cell = ws.cell(row=r, column=c)
            if isinstance(v, tuple):
                cell.value = v[0]
                if v[1]:
                    cell.number_format = v[1]
            else:
                cell.value = v
            if (r, c) in g.bold:
                cell.font = Font(bold=True)
            if (r, c) in g.center:
                cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        if g.table:
            r1, r2, c1, c2 = g.table
            for r in range(r1, r2 + 1):
                for c in range(c1, c2 + 1):
                    ws.cell(row=r, column=c).border = box
        for m in g.merges:
            ws.merge_cells(start_row=m[0], start_column=m[1], end_row=m[2], end_column=m[3])
        for c in range(1, g.ncols + 1):
            longest = max([len(str(v[0] if isinstance(v, tuple) else v)) for (r, cc), v in g.cells.items()
                           if cc == c and (g.table is None or r >= g.table[0])] or [6])
            ws.column_dimensions[get_column_letter(c)].width = min(48, max(6, longest + 2))
    t = datetime.datetime(*FIXED_TIME)
    wb.properties.created = wb.properties.modified = t
    buf = io.BytesIO()
    wb.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2025-01-08T08:00:00Z", data)
                data = re.sub(rb"(<dcterms:created[^>]*>)[^<]*", rb"\g<1>2025-01-08T08:00:00Z", data)
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)


def write_csv(path, g, delim, bom, crlf):
    """A grid of text cells as UTF-8 (NFC), with or without a BOM, the delimiter and line ends as given."""
    out = io.StringIO()
    w = csv.writer(out, delimiter=delim, lineterminator="\r\n" if crlf else "\n", quoting=csv.QUOTE_MINIMAL)
    for r in range(1, g.nrows + 1):
        row = []
        for c in range(1, g.ncols + 1):
            v = g.cells.get((r, c))
            if isinstance(v, tuple):
                raise AssertionError("a typed cell in a CSV grid")
            row.append("" if v is None else str(v))
        w.writerow(row)
    data = nfc(out.getvalue())
    with open(path, "wb") as f:
        f.write(("\ufeff" if bom else "").encode("utf-8") + data.encode("utf-8"))


def write_case(out_dir, i, files, csv_opts, truth):
    """Case i's folder under out_dir, emptied, then its files and truth.json. files: (name, "xlsx", [(sheet,
    grid)]) | (name, "csv", grid), names NFC; csv_opts: write_csv's delim, bom and crlf."""
    d = os.path.join(out_dir, f"case-{i:03d}")
    os.makedirs(d, exist_ok=True)
    for old in os.listdir(d):
        os.remove(os.path.join(d, old))
    for name, kind, payload in files:
        path = os.path.join(d, name)
        if kind == "xlsx":
            write_xlsx(path, payload)
        else:
            write_csv(path, payload, **csv_opts)
    with open(os.path.join(d, "truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
        f.write("\n")


def run(doc, make_case):
    """A generator's command line, --seed S --count N --out DIR: make_case(i, S, DIR) for i in 0 … N-1; doc's first
    line describes it."""
    ap = argparse.ArgumentParser(description=doc.split("\n")[0])
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--count", type=int, required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    for i in range(a.count):
        make_case(i, a.seed, a.out)
