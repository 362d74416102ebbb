"""Draws the documents of a submission as text PDFs with reportlab, in several layouts per document type.

Each `render_*` function takes the document's truth fields (contract value forms) plus presentation choices
and returns PDF bytes. What is printed is exactly what the truth says, in the printed forms of real documents
(dates like `12 MAR 2025`, numbers with thousands separators, country names instead of codes).
"""
from __future__ import annotations

import datetime as dt
import io
import os
import re
from functools import lru_cache
from typing import Any, Callable

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas

from sample_docs.catalog import COUNTRY_NAMES

PAGE_W, PAGE_H = A4
CJK_FONT_PATHS = ["/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
                  "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"]


@lru_cache(maxsize=1)
def cjk_font() -> str:
    """Register a CJK font for the bilingual layouts (Debian's fonts-wqy-zenhei, installed by the Makefile)."""
    for path in CJK_FONT_PATHS:
        if os.path.exists(path):
            pdfmetrics.registerFont(TTFont("CJK", path, subfontIndex=0))
            return "CJK"
    raise RuntimeError("No CJK font found; install fonts-wqy-zenhei (make install does) to draw bilingual documents")


# ---------------------------------------------------------------- printed forms of values

MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
MONTHS_LONG = ["JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER",
               "NOVEMBER", "DECEMBER"]


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def fmt_date(iso: str | None, style: str) -> str:
    if not iso:
        return ""
    d = dt.date.fromisoformat(iso)
    if style == "dmy":  # 12 MAR 2025
        return f"{d.day:02d} {MONTHS[d.month - 1]} {d.year}"
    if style == "iso":
        return d.isoformat()
    if style == "slash":  # 2025/03/12
        return f"{d.year}/{d.month:02d}/{d.day:02d}"
    if style == "long":  # MARCH 12, 2025
        return f"{MONTHS_LONG[d.month - 1]} {d.day}, {d.year}"
    if style == "dot":  # 12.03.2025
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if style == "dmy_slash":  # 12/03/2025
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == "dmy_dash":  # 12-03-2025
        return f"{d.day:02d}-{d.month:02d}-{d.year}"
    if style == "ymd_dot":  # 2025.03.12
        return f"{d.year}.{d.month:02d}.{d.day:02d}"
    if style == "dMy2":  # 12-MAR-25, as shipping clerks type it
        return f"{d.day:02d}-{MONTHS[d.month - 1]}-{d.year % 100:02d}"
    if style == "d_month":  # 5 March 2025, as Australian and New Zealand forms print dates
        return f"{d.day} {MONTHS_LONG[d.month - 1].title()} {d.year}"
    if style == "mon_d":  # Mar. 5, 2025 (May without a stop)
        mon = MONTHS_LONG[d.month - 1].title()
        return f"{mon[:3]}{'' if len(mon) <= 4 else '.'} {d.day}, {d.year}"
    if style == "d_month_nth":  # 5th March 2025, as word-processor templates print dates
        return f"{_ordinal(d.day)} {MONTHS_LONG[d.month - 1].title()} {d.year}"
    if style == "mon_d_nth":  # Mar. 5th, 2025 (May without a stop)
        mon = MONTHS_LONG[d.month - 1].title()
        return f"{mon[:3]}{'' if len(mon) <= 4 else '.'} {_ordinal(d.day)}, {d.year}"
    if style == "dd_mon":  # 05 Mar 2025, as accounting packages print dates
        return f"{d.day:02d} {MONTHS[d.month - 1].title()} {d.year}"
    if style == "d_mon_dash":  # 12-Mar-2025, as a spreadsheet prints dates
        return f"{d.day}-{MONTHS[d.month - 1].title()}-{d.year}"
    if style == "mon_dot_caps":  # MAR. 12, 2025 (MAY without a stop), as Chinese offices type dates
        mon = MONTHS[d.month - 1]
        return f"{mon}{'' if mon == 'MAY' else '.'} {d.day}, {d.year}"
    if style == "cn":
        return f"{d.year}年{d.month:02d}月{d.day:02d}日"
    raise ValueError(style)


def fmt_num(x: float | None, decimals: int = 2) -> str:
    if x is None:
        return ""
    return f"{x:,.{decimals}f}"


def fmt_qty(x: float | None) -> str:
    if x is None:
        return ""
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}"


def country_name(code: str | None) -> str:
    return COUNTRY_NAMES.get(code or "", code or "")


# ---------------------------------------------------------------- drawing helper

class Sheet:
    """reportlab canvas with top-left coordinates and simple word wrapping."""

    def __init__(self, title: str):
        self.buf = io.BytesIO()
        self.c = rl_canvas.Canvas(self.buf, pagesize=A4, invariant=1)
        self.c.setTitle(title)
        self.c.setLineWidth(0.6)

    def text(self, x: float, top: float, s: str, size: float = 8, font: str = "Helvetica") -> None:
        if not s:
            return
        self.c.setFont(font, size)
        self.c.drawString(x, PAGE_H - top - size, s)

    def text_right(self, x1: float, top: float, s: str, size: float = 8, font: str = "Helvetica") -> None:
        self.c.setFont(font, size)
        self.c.drawRightString(x1, PAGE_H - top - size, s)

    def center(self, xc: float, top: float, s: str, size: float = 8, font: str = "Helvetica") -> None:
        self.c.setFont(font, size)
        self.c.drawCentredString(xc, PAGE_H - top - size, s)

    def rect(self, x0: float, top: float, x1: float, bottom: float) -> None:
        self.c.rect(x0, PAGE_H - bottom, x1 - x0, bottom - top)

    def hline(self, x0: float, x1: float, y: float) -> None:
        self.c.line(x0, PAGE_H - y, x1, PAGE_H - y)

    def vline(self, x: float, top: float, bottom: float) -> None:
        self.c.line(x, PAGE_H - top, x, PAGE_H - bottom)

    def wrap(self, s: str, width: float, size: float = 8, font: str = "Helvetica") -> list[str]:
        lines: list[str] = []
        for para in s.split("\n"):
            cur = ""
            words: list[str] = []
            for w in para.split(" "):
                # a word wider than the cell breaks after a slash or hyphen, as typists do
                while pdfmetrics.stringWidth(w, font, size) > width and re.search(r"[/-]", w[:-1]):
                    cut = max(i for i, ch in enumerate(w[:-1]) if ch in "/-"
                              and pdfmetrics.stringWidth(w[:i + 1], font, size) <= width or i == 0) if any(
                        ch in "/-" for ch in w[:-1]) else len(w)
                    if cut <= 0:
                        break
                    words.append(w[:cut + 1])
                    w = w[cut + 1:]
                words.append(w)
            for w in words:
                cand = f"{cur} {w}" if cur else w
                if pdfmetrics.stringWidth(cand, font, size) <= width or not cur:
                    cur = cand
                else:
                    lines.append(cur)
                    cur = w
            if cur:
                lines.append(cur)
        return lines

    def para(self, x: float, top: float, width: float, s: str, size: float = 8, font: str = "Helvetica",
             leading: float = 1.25) -> float:
        """Draw wrapped text; return the y below it."""
        y = top
        for line in self.wrap(s, width, size, font):
            self.text(x, y, line, size, font)
            y += size * leading
        return y

    def checkbox(self, x: float, top: float, ticked: bool, label: str, size: float = 7.5) -> None:
        self.rect(x, top, x + 8, top + 8)
        if ticked:
            self.text(x + 1.5, top + 0.5, "X", 7.5, "Helvetica-Bold")
        self.text(x + 12, top + 0.5, label, size)

    def new_page(self) -> None:
        self.c.showPage()
        self.c.setLineWidth(0.6)

    def finish(self) -> bytes:
        self.c.save()
        return self.buf.getvalue()


def block_lines(name: str | None, address: str | None, width: float, sheet: Sheet, size: float) -> list[str]:
    out: list[str] = []
    if name:
        out += sheet.wrap(name, width, size)
    if address:
        out += sheet.wrap(address, width, size)
    return out


# ---------------------------------------------------------------- Form RCEP

DECLARATION = ("The undersigned hereby declares that the above details and statements are correct and that the "
               "goods covered in this Certificate comply with the requirements specified for these goods in the "
               "Regional Comprehensive Economic Partnership Agreement.")
CERTIFICATION = ("On the basis of control carried out, it is hereby certified that the information herein is correct "
                 "and that the goods described comply with the origin requirements specified in the Regional "
                 "Comprehensive Economic Partnership Agreement.")


def _address_with_country(address: str | None, country: str | None) -> str | None:
    """The address block as a certificate prints it: street, city, then the country name."""
    if address is None:
        return None
    return address  # the generator's addresses already end with the country where the form shows it


def _item_cells(item: dict[str, Any], date_style: str) -> dict[str, list[str]]:
    qty = f"{fmt_qty(item['quantity'])} {item['quantity_unit']}" if item.get("quantity") is not None else ""
    q_lines = [qty] if qty else []
    if item.get("fob_value") is not None:
        q_lines += [f"FOB {item.get('fob_currency') or ''} {fmt_num(item['fob_value'])}".replace("  ", " ")]
    inv = [item.get("invoice_number") or ""]
    if item.get("invoice_date"):
        inv.append(fmt_date(item["invoice_date"], date_style))
    return {
        "item_number": [str(item["item_number"])],
        "marks": [item.get("marks") or ""],
        "description": [item.get("packages") or "", item.get("description") or ""],
        "hs_code": [item.get("hs_code") or ""],
        "origin_criterion": [item.get("origin_criterion") or ""],
        "country_of_origin": [country_name(item.get("country_of_origin"))],
        "quantity": q_lines,
        "invoice": [s for s in inv if s],
    }


def _draw_items(sh: Sheet, items: list[dict[str, Any]], cols: list[tuple[str, float, float]], top: float,
                bottom: float, size: float, date_style: str) -> None:
    y = top
    for item in items:
        cells = _item_cells(item, date_style)
        used = 0.0
        for key, x0, x1 in cols:
            lines: list[str] = []
            for s in cells[key]:
                lines += sh.wrap(s, x1 - x0 - 5, size) if s else []
            for k, line in enumerate(lines):
                sh.text(x0 + 2.5, y + k * size * 1.3, line, size)
            used = max(used, len(lines) * size * 1.3)
        y += used + 6
        if y > bottom:
            raise ValueError("too many items for one sheet")


def render_certificate_a(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    """Form RCEP as most issuing bodies print it: two columns of boxes 1-5, the goods grid, boxes 14-17."""
    sh = Sheet("Form RCEP")
    L, R, MID = 22.0, 573.0, 300.0
    ds = opts.get("date_style", "dmy")
    sz = 8.0
    sh.rect(L, 22, R, 820)
    # header (right) and box 1 (left)
    sh.vline(MID, 22, 330)
    sh.hline(L, MID, 120)
    sh.text(L + 4, 26, "1. Goods Consigned from (Exporter's name, address and country)", 7)
    y = 40.0
    for line in block_lines(f.get("exporter_name"), _address_with_country(f.get("exporter_address"), None),
                            MID - L - 10, sh, sz):
        sh.text(L + 6, y, line, sz)
        y += sz * 1.3
    sh.text(MID + 6, 28, "Certificate No.:", 7.5)
    sh.text(MID + 70, 27, f.get("certificate_number") or "", 9, "Helvetica-Bold")
    sh.center((MID + R) / 2, 48, "Form RCEP", 11, "Helvetica-Bold")
    sh.center((MID + R) / 2, 64, "REGIONAL COMPREHENSIVE ECONOMIC", 8)
    sh.center((MID + R) / 2, 74, "PARTNERSHIP AGREEMENT", 8)
    sh.center((MID + R) / 2, 88, "CERTIFICATE OF ORIGIN", 10, "Helvetica-Bold")
    sh.text(MID + 30, 106, "Issued in:", 8)
    sh.text(MID + 75, 106, country_name(f.get("issued_in")), 8)
    sh.text(MID + 90, 116, "(Country)", 6)
    sh.text(MID + 150, 126, "See Overleaf Notes", 6)
    sh.hline(MID, R, 136)
    # box 2 (left) and box 5 (right)
    sh.text(L + 4, 124, "2. Goods Consigned to (Importer's/ Consignee's name, address, country)", 7)
    y = 138.0
    for line in block_lines(f.get("importer_name"), f.get("importer_address"), MID - L - 10, sh, sz):
        sh.text(L + 6, y, line, sz)
        y += sz * 1.3
    sh.text(MID + 4, 140, "5. For Official Use", 7)
    sh.text(MID + 8, 154, "Preferential Treatment:", 7)
    sh.checkbox(MID + 10, 166, False, "Given")
    sh.checkbox(MID + 80, 166, False, "Not Given (Please state reason/s)")
    sh.hline(MID + 10, R - 10, 250)
    sh.text(MID + 8, 254, "Signature of Authorised Signatory of the Customs", 6.5)
    sh.text(MID + 8, 262, "Authority of the Importing Country", 6.5)
    # box 3
    sh.hline(L, MID, 205)
    sh.text(L + 4, 209, "3. Producer's name, address and country (if known)", 7)
    y = 222.0
    for line in sh.wrap(f.get("producer_name") or "", MID - L - 10, sz):
        sh.text(L + 6, y, line, sz)
        y += sz * 1.3
    # box 4
    sh.hline(L, MID, 255)
    sh.text(L + 4, 259, "4. Means of transport and route (if known)", 7)
    sh.text(L + 8, 271, "Departure Date:", 7)
    sh.text(L + 80, 271, fmt_date(f.get("departure_date"), ds), sz)
    sh.text(L + 8, 285, "Vessel's name/Aircraft flight number, etc.:", 7)
    sh.text(L + 14, 296, f.get("transport") or "", sz)
    sh.text(L + 8, 310, "Port of Discharge:", 7)
    sh.text(L + 80, 310, f.get("port_of_discharge") or "", sz)
    sh.hline(L, R, 330)
    # goods grid
    cols = [("item_number", L, 48), ("marks", 48, 108), ("description", 108, 268), ("hs_code", 268, 318),
            ("origin_criterion", 318, 362), ("country_of_origin", 362, 410), ("quantity", 410, 492),
            ("invoice", 492, R)]
    heads = {"item_number": ["6. Item", "number"], "marks": ["7. Marks and", "numbers on", "packages"],
             "description": ["8. Number and kind of packages; and", "description of goods"],
             "hs_code": ["9. HS Code", "of the goods", "(6 digit-level)"],
             "origin_criterion": ["10. Origin", "Conferring", "Criterion"],
             "country_of_origin": ["11. RCEP", "Country of", "Origin"],
             "quantity": ["12. Quantity (Gross", "weight or other", "measurement), and", "value (FOB) where", "RVC is applied"],
             "invoice": ["13. Invoice", "number(s) and", "date of", "invoice(s)"]}
    for key, x0, x1 in cols:
        if x0 > L:
            sh.vline(x0, 330, 640)
        for k, line in enumerate(heads[key]):
            sh.text(x0 + 2.5, 333 + k * 8, line, 6.5)
    sh.hline(L, R, 376)
    _draw_items(sh, f["items"], cols, 382, 636, 7.5, ds)
    # box 14
    sh.hline(L, R, 640)
    sh.text(L + 4, 644, "14. Remarks", 7)
    sh.para(L + 8, 655, R - L - 16, f.get("remarks") or "", 7.5)
    sh.hline(L, R, 678)
    # boxes 15 and 16
    sh.vline(MID, 678, 790)
    sh.text(L + 4, 682, "15. Declaration by the exporter or producer", 7)
    y = sh.para(L + 8, 692, MID - L - 14, DECLARATION, 5.8)
    sh.text(L + 8, y + 2, "These goods are exported to:", 6.5)
    sh.text(L + 110, y + 1, country_name(f.get("importing_country")), sz)
    sh.text(L + 110, y + 11, "(Importing country)", 5.8)
    sh.text(L + 8, 764, f"{f.get('declaration_place') or ''}   {fmt_date(f.get('declaration_date'), ds)}".strip(), sz)
    sh.hline(L + 8, MID - 8, 776)
    sh.text(L + 8, 779, "Place and date, and signature of authorised signatory", 6)
    sh.text(MID + 4, 682, "16. Certification", 7)
    y = sh.para(MID + 8, 692, R - MID - 14, CERTIFICATION, 5.8)
    sh.text(MID + 8, 742, f.get("issuing_authority") or "", 6.8)
    sh.text(MID + 8, 764, f"{f.get('issue_place') or ''}   {fmt_date(f.get('issue_date'), ds)}".strip(), sz)
    sh.hline(MID + 8, R - 8, 776)
    sh.text(MID + 8, 779, "Place, date, and signature and stamp of the Authorised Body", 6)
    # box 17
    sh.hline(L, R, 790)
    sh.text(L + 4, 794, "17.", 7)
    sh.checkbox(L + 22, 800, bool(f.get("back_to_back")), "Back-to-back Certificate of Origin")
    sh.checkbox(L + 200, 800, bool(f.get("third_party_invoicing")), "Third-party invoicing")
    sh.checkbox(L + 340, 800, bool(f.get("issued_retroactively")), "ISSUED RETROACTIVELY")
    return sh.finish()


def render_certificate_b(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    """A second issuing-body template: title on top, certificate number at the left, transport details as
    'label: value' rows, wider goods columns, box 17 under the title, ISO or long dates."""
    sh = Sheet("Certificate of Origin Form RCEP")
    L, R, MID = 30.0, 565.0, 298.0
    ds = opts.get("date_style", "iso")
    sz = 8.2
    sh.center(PAGE_W / 2, 30, "CERTIFICATE OF ORIGIN", 13, "Helvetica-Bold")
    sh.center(PAGE_W / 2, 48, "Form RCEP", 10, "Helvetica-Bold")
    sh.center(PAGE_W / 2, 62, "REGIONAL COMPREHENSIVE ECONOMIC PARTNERSHIP AGREEMENT", 7.5)
    sh.text(L, 82, "Certificate No.", 7.5)
    sh.text(L + 68, 81, f.get("certificate_number") or "", 9.5, "Helvetica-Bold")
    sh.text(MID + 40, 82, "Issued in:", 7.5)
    sh.text(MID + 84, 81, country_name(f.get("issued_in")), 8.5)
    sh.text(MID + 190, 83, "(Country)", 6)
    sh.checkbox(L, 98, bool(f.get("back_to_back")), "Back-to-back Certificate of Origin", 7)
    sh.checkbox(L + 180, 98, bool(f.get("third_party_invoicing")), "Third-party invoicing", 7)
    sh.checkbox(L + 330, 98, bool(f.get("issued_retroactively")), "ISSUED RETROACTIVELY", 7)
    sh.rect(L, 114, R, 810)
    sh.vline(MID, 114, 300)
    sh.text(L + 4, 118, "1. Goods consigned from (Exporter's name, address, country)", 6.8)
    y = 131.0
    for line in block_lines(f.get("exporter_name"), f.get("exporter_address"), MID - L - 12, sh, sz):
        sh.text(L + 6, y, line, sz)
        y += sz * 1.3
    sh.text(MID + 4, 118, "2. Goods consigned to (Importer's/Consignee's name, address, country)", 6.8)
    y = 131.0
    for line in block_lines(f.get("importer_name"), f.get("importer_address"), R - MID - 12, sh, sz):
        sh.text(MID + 6, y, line, sz)
        y += sz * 1.3
    sh.hline(L, R, 200)
    sh.text(L + 4, 204, "3. Producer's name, address and country (if known)", 6.8)
    y = 217.0
    for line in sh.wrap(f.get("producer_name") or "", MID - L - 12, sz):
        sh.text(L + 6, y, line, sz)
        y += sz * 1.3
    sh.text(MID + 4, 204, "4. Means of transport and route (if known)", 6.8)
    sh.text(MID + 8, 220, "Departure date:", 7)
    sh.text(MID + 92, 219, fmt_date(f.get("departure_date"), ds), sz)
    sh.text(MID + 8, 240, "Vessel's name / Flight No.:", 7)
    sh.text(MID + 112, 239, f.get("transport") or "", sz)
    sh.text(MID + 8, 260, "Port of discharge:", 7)
    sh.text(MID + 92, 259, f.get("port_of_discharge") or "", sz)
    sh.hline(L, MID, 262)
    sh.text(L + 4, 266, "5. For official use", 6.8)
    sh.hline(L, R, 300)
    cols = [("item_number", L, 58), ("marks", 58, 112), ("description", 112, 272), ("hs_code", 272, 322),
            ("origin_criterion", 322, 370), ("country_of_origin", 370, 420), ("quantity", 420, 492),
            ("invoice", 492, R)]
    heads = {"item_number": ["6. Item", "No."], "marks": ["7. Marks &", "numbers"],
             "description": ["8. Number and kind of packages;", "description of goods"],
             "hs_code": ["9. HS Code", "(6 digits)"], "origin_criterion": ["10. Origin", "criterion"],
             "country_of_origin": ["11. RCEP", "country of", "origin"],
             "quantity": ["12. Quantity /", "FOB value (RVC)"], "invoice": ["13. Invoice No.", "and date"]}
    for key, x0, x1 in cols:
        if x0 > L:
            sh.vline(x0, 300, 610)
        for k, line in enumerate(heads[key]):
            sh.text(x0 + 2.5, 304 + k * 8.5, line, 6.3)
    sh.hline(L, R, 326)
    _draw_items(sh, f["items"], cols, 332, 606, 7.6, ds)
    sh.hline(L, R, 610)
    sh.text(L + 4, 614, "14. Remarks", 6.8)
    sh.para(L + 8, 625, R - L - 16, f.get("remarks") or "", 7.5)
    sh.hline(L, R, 650)
    sh.vline(MID, 650, 810)
    sh.text(L + 4, 654, "15. Declaration by the exporter or producer", 6.8)
    y = sh.para(L + 8, 665, MID - L - 14, DECLARATION, 5.8)
    sh.text(L + 8, y + 3, "These goods are exported to:", 6.5)
    sh.text(L + 112, y + 2, country_name(f.get("importing_country")), sz)
    sh.text(L + 112, y + 12, "(Importing country)", 5.8)
    sh.text(L + 8, 770, f"{f.get('declaration_place') or ''}, {fmt_date(f.get('declaration_date'), ds)}".strip(", "), sz)
    sh.hline(L + 8, MID - 8, 784)
    sh.text(L + 8, 788, "Place and date, and signature of authorised signatory", 6)
    sh.text(MID + 4, 654, "16. Certification", 6.8)
    sh.para(MID + 8, 665, R - MID - 14, CERTIFICATION, 5.8)
    sh.text(MID + 8, 752, f.get("issuing_authority") or "", 6.8)
    sh.text(MID + 8, 770, f"{f.get('issue_place') or ''}, {fmt_date(f.get('issue_date'), ds)}".strip(", "), sz)
    sh.hline(MID + 8, R - 8, 784)
    sh.text(MID + 8, 788, "Place and date, signature and seal or stamp of Issuing Body", 6)
    return sh.finish()


# ---------------------------------------------------------------- commercial invoice

def _invoice_table(sh: Sheet, f: dict[str, Any], cols: list[tuple[str, str, float, float]], top: float, size: float,
                   font: str = "Helvetica", head_font: str | None = None) -> float:
    head_font = head_font or font
    for _key, title, x0, _x1 in cols:
        for k, line in enumerate(title.split("\n")):
            sh.text(x0 + 2, top + k * (size + 2), line, size - 0.5, head_font)
    nhead = max(len(t.split("\n")) for _k, t, _a, _b in cols)
    y = top + nhead * (size + 2) + 4
    sh.hline(cols[0][2], cols[-1][3], y - 2)
    y += 3
    for item in f["items"]:
        cells = {
            "description": item.get("description") or "", "hs_code": item.get("hs_code") or "",
            "quantity": fmt_qty(item.get("quantity")), "quantity_unit": item.get("quantity_unit") or "",
            "unit_price": fmt_num(item.get("unit_price"), 2), "amount": fmt_num(item.get("amount")),
            "no": str(item.get("_n", "")),
        }
        used = 0.0
        for key, _title, x0, x1 in cols:
            lines = sh.wrap(cells[key], x1 - x0 - 4, size, font) if cells[key] else []
            for k, line in enumerate(lines):
                sh.text(x0 + 2, y + k * size * 1.3, line, size, font)
            used = max(used, len(lines) * size * 1.3)
        y += used + 5
    sh.hline(cols[0][2], cols[-1][3], y)
    return y + 6


def render_invoice_a(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    """English invoice: seller block top left, number and date top right, goods table, total."""
    sh = Sheet("Commercial Invoice")
    L, R = 40.0, 555.0
    ds = opts.get("date_style", "dmy")
    sh.center(PAGE_W / 2, 36, "COMMERCIAL INVOICE", 15, "Helvetica-Bold")
    sh.text(L, 70, "Seller:", 8, "Helvetica-Bold")
    y = 82.0
    for line in block_lines(f.get("seller_name"), f.get("seller_address"), 260, sh, 8.5):
        sh.text(L, y, line, 8.5)
        y += 11
    sh.text(340, 70, "Invoice No.:", 8, "Helvetica-Bold")
    sh.text(410, 70, f.get("invoice_number") or "", 8.5)
    sh.text(340, 86, "Invoice Date:", 8, "Helvetica-Bold")
    sh.text(410, 86, fmt_date(f.get("invoice_date"), ds), 8.5)
    sh.text(340, 102, "Terms of Delivery:", 8, "Helvetica-Bold")
    sh.text(420, 102, opts.get("incoterm_text", f.get("incoterm") or ""), 8.5)
    sh.text(340, 118, "Currency:", 8, "Helvetica-Bold")
    sh.text(410, 118, f.get("currency") or "", 8.5)
    sh.text(L, 150, "Buyer:", 8, "Helvetica-Bold")
    y = 162.0
    for line in block_lines(f.get("buyer_name"), f.get("buyer_address"), 260, sh, 8.5):
        sh.text(L, y, line, 8.5)
        y += 11
    sh.text(340, 150, "Payment Terms:", 8, "Helvetica-Bold")
    sh.text(420, 150, opts.get("payment", "T/T 30 DAYS"), 8.5)
    cols = [("description", "Description of Goods", L, 250), ("hs_code", "HS Code", 250, 305),
            ("quantity", "Quantity", 305, 365), ("quantity_unit", "Unit", 365, 405),
            ("unit_price", "Unit Price", 405, 470), ("amount", "Amount", 470, R)]
    y = _invoice_table(sh, f, cols, 230, 8.5)
    sh.text(380, y, "TOTAL:", 9, "Helvetica-Bold")
    sh.text(420, y, f"{f.get('currency') or ''} {fmt_num(f.get('total_amount'))}", 9, "Helvetica-Bold")
    sh.text(L, y + 40, "We certify that this invoice is true and correct.", 8)
    sh.text(L, y + 70, f"For and on behalf of {f.get('seller_name') or ''}", 8)
    return sh.finish()


def render_invoice_b(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    """Bilingual Chinese/English invoice, as Shandong exporters print them."""
    cj = cjk_font()
    sh = Sheet("Commercial Invoice")
    L, R = 36.0, 560.0
    ds = opts.get("date_style", "slash")
    sh.center(PAGE_W / 2, 30, "商业发票", 16, cj)
    sh.center(PAGE_W / 2, 52, "COMMERCIAL INVOICE", 12, "Helvetica-Bold")
    sh.rect(L, 76, R, 206)
    sh.vline(300, 76, 206)
    sh.text(L + 4, 80, "卖方 Seller:", 8, cj)
    y = 94.0
    for line in block_lines(f.get("seller_name"), f.get("seller_address"), 250, sh, 8.2):
        sh.text(L + 6, y, line, 8.2)
        y += 10.5
    sh.text(L + 4, 144, "买方 Buyer:", 8, cj)
    y = 158.0
    for line in block_lines(f.get("buyer_name"), f.get("buyer_address"), 250, sh, 8.2):
        sh.text(L + 6, y, line, 8.2)
        y += 10.5
    sh.text(306, 82, "发票号码 Invoice No.:", 8, cj)
    sh.text(420, 82, f.get("invoice_number") or "", 8.5)
    sh.text(306, 102, "日期 Date:", 8, cj)
    sh.text(420, 102, fmt_date(f.get("invoice_date"), ds), 8.5)
    sh.text(306, 122, "贸易条款 Trade Terms:", 8, cj)
    sh.text(420, 122, opts.get("incoterm_text", f.get("incoterm") or ""), 8.5)
    sh.text(306, 142, "币种 Currency:", 8, cj)
    sh.text(420, 142, f.get("currency") or "", 8.5)
    sh.text(306, 162, "付款方式 Payment:", 8, cj)
    sh.text(420, 162, opts.get("payment", "L/C AT SIGHT"), 8.5)
    cols = [("description", "货物描述\nDescription of Goods", L, 250), ("hs_code", "海关编码\nHS Code", 250, 310),
            ("quantity", "数量\nQuantity", 310, 370), ("quantity_unit", "单位\nUnit", 370, 405),
            ("unit_price", "单价\nUnit Price", 405, 470), ("amount", "金额\nAmount", 470, R)]
    y = _invoice_table(sh, f, cols, 220, 8.2, head_font=cj)
    sh.text(360, y, "总计 TOTAL:", 9, cj)
    sh.text(430, y, f"{f.get('currency') or ''} {fmt_num(f.get('total_amount'))}", 9, "Helvetica-Bold")
    sh.text(L, y + 50, "签字盖章 Signature and stamp:", 8, cj)
    return sh.finish()


def render_invoice_c(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    """A trading-house invoice: heading at the left, boxed number/date at the right, columns in another order."""
    sh = Sheet("Invoice")
    L, R = 34.0, 561.0
    ds = opts.get("date_style", "long")
    sh.text(L, 34, "INVOICE", 20, "Helvetica-Bold")
    sh.text(L, 60, "(COMMERCIAL)", 8)
    sh.rect(360, 30, R, 90)
    sh.text(366, 36, "INVOICE NO", 7, "Helvetica-Bold")
    sh.text(366, 48, f.get("invoice_number") or "", 9)
    sh.text(366, 64, "INVOICE DATE", 7, "Helvetica-Bold")
    sh.text(366, 76, fmt_date(f.get("invoice_date"), ds), 9)
    sh.text(L, 104, "SHIPPER / EXPORTER", 7.5, "Helvetica-Bold")
    y = 116.0
    for line in block_lines(f.get("seller_name"), f.get("seller_address"), 250, sh, 8.5):
        sh.text(L, y, line, 8.5)
        y += 11
    sh.text(310, 104, "SOLD TO", 7.5, "Helvetica-Bold")
    y = 116.0
    for line in block_lines(f.get("buyer_name"), f.get("buyer_address"), 240, sh, 8.5):
        sh.text(310, y, line, 8.5)
        y += 11
    sh.text(L, 180, "INCOTERMS 2020", 7.5, "Helvetica-Bold")
    sh.text(L + 80, 180, opts.get("incoterm_text", f.get("incoterm") or ""), 8.5)
    sh.text(310, 180, "CURRENCY", 7.5, "Helvetica-Bold")
    sh.text(370, 180, f.get("currency") or "", 8.5)
    for k, item in enumerate(f["items"], 1):
        item["_n"] = k
    cols = [("no", "ITEM", L, 62), ("quantity", "QTY", 62, 118), ("quantity_unit", "UNIT", 118, 150),
            ("description", "DESCRIPTION", 150, 350), ("hs_code", "H.S. CODE", 350, 405),
            ("unit_price", "PRICE", 405, 470), ("amount", "TOTAL", 470, R)]
    y = _invoice_table(sh, f, cols, 214, 8.5)
    for item in f["items"]:
        item.pop("_n", None)
    sh.text(370, y, "INVOICE TOTAL", 8.5, "Helvetica-Bold")
    sh.text(450, y, f"{f.get('currency') or ''} {fmt_num(f.get('total_amount'))}", 9, "Helvetica-Bold")
    sh.text(L, y + 40, "Country of origin of goods: see certificate of origin.", 8)
    return sh.finish()


# ---------------------------------------------------------------- packing list

def render_packing_list(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = Sheet("Packing List")
    L, R = 40.0, 555.0
    ds = opts.get("date_style", "dmy")
    sh.center(PAGE_W / 2, 36, "PACKING LIST", 15, "Helvetica-Bold")
    sh.text(L, 70, "Shipper:", 8, "Helvetica-Bold")
    y = 82.0
    for line in block_lines(f.get("shipper_name"), opts.get("shipper_address"), 270, sh, 8.5):
        sh.text(L, y, line, 8.5)
        y += 11
    sh.text(350, 70, "Invoice No.:", 8, "Helvetica-Bold")
    sh.text(420, 70, f.get("invoice_number") or "", 8.5)
    sh.text(350, 86, "Date:", 8, "Helvetica-Bold")
    sh.text(420, 86, fmt_date(f.get("date"), ds), 8.5)
    sh.text(L, 140, "Consignee:", 8, "Helvetica-Bold")
    y = 152.0
    for line in block_lines(f.get("consignee_name"), opts.get("consignee_address"), 270, sh, 8.5):
        sh.text(L, y, line, 8.5)
        y += 11
    cols = [("description", "Description of Goods", L, 235), ("quantity", "Quantity", 235, 290),
            ("quantity_unit", "Unit", 290, 325), ("packages", "Packages", 325, 385),
            ("net_weight", "N.W. (KGS)", 385, 465), ("gross_weight", "G.W. (KGS)", 465, R)]
    for key, title, x0, _x1 in cols:
        sh.text(x0 + 2, 220, title, 8, "Helvetica-Bold")
    sh.hline(L, R, 232)
    y = 238.0
    for item in f["items"]:
        cells = {"description": item.get("description") or "", "quantity": fmt_qty(item.get("quantity")),
                 "quantity_unit": item.get("quantity_unit") or "",
                 "packages": f"{fmt_qty(item.get('packages'))} {opts.get('package_kinds', {}).get(item.get('description'), '')}".strip(),
                 "net_weight": fmt_num(item.get("net_weight")), "gross_weight": fmt_num(item.get("gross_weight"))}
        used = 0.0
        for key, _t, x0, x1 in cols:
            lines = sh.wrap(cells[key], x1 - x0 - 4, 8.5)
            for k, line in enumerate(lines):
                sh.text(x0 + 2, y + k * 11, line, 8.5)
            used = max(used, len(lines) * 11)
        y += used + 5
    sh.hline(L, R, y)
    y += 6
    sh.text(L + 2, y, "TOTAL:", 8.5, "Helvetica-Bold")
    sh.text(327, y, f"{fmt_qty(f.get('total_packages'))} PKGS", 8.5, "Helvetica-Bold")
    sh.text(387, y, fmt_num(f.get("total_net_weight")), 8.5, "Helvetica-Bold")
    sh.text(467, y, fmt_num(f.get("total_gross_weight")), 8.5, "Helvetica-Bold")
    y += 30
    sh.text(L, y, f"Total Packages: {fmt_qty(f.get('total_packages'))}", 8.5)
    sh.text(L, y + 14, f"Total Net Weight: {fmt_num(f.get('total_net_weight'))} {f.get('weight_unit') or ''}", 8.5)
    sh.text(L, y + 28, f"Total Gross Weight: {fmt_num(f.get('total_gross_weight'))} {f.get('weight_unit') or ''}", 8.5)
    return sh.finish()


# ---------------------------------------------------------------- bill of lading

def render_bill_of_lading(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = Sheet("Bill of Lading")
    L, R, MID = 30.0, 565.0, 300.0
    ds = opts.get("date_style", "dmy")
    sh.rect(L, 30, R, 560)
    sh.vline(MID, 30, 300)
    sh.text(L + 4, 34, "Shipper", 7)
    y = 46.0
    for line in block_lines(f.get("shipper_name"), opts.get("shipper_address"), MID - L - 12, sh, 8):
        sh.text(L + 6, y, line, 8)
        y += 10
    sh.text(MID + 6, 36, "BILL OF LADING", 14, "Helvetica-Bold")
    sh.text(MID + 6, 56, "FOR PORT-TO-PORT SHIPMENT OR COMBINED TRANSPORT", 6.5)
    sh.text(MID + 6, 76, "B/L No.:", 8)
    sh.text(MID + 50, 75, f.get("bl_number") or "", 9.5, "Helvetica-Bold")
    sh.text(MID + 6, 96, opts.get("carrier", "OCEAN CARRIER LINES"), 8, "Helvetica-Bold")
    sh.hline(L, MID, 110)
    sh.text(L + 4, 114, "Consignee", 7)
    y = 126.0
    for line in block_lines(f.get("consignee_name"), opts.get("consignee_address"), MID - L - 12, sh, 8):
        sh.text(L + 6, y, line, 8)
        y += 10
    sh.hline(L, MID, 190)
    sh.text(L + 4, 194, "Notify Party", 7)
    y = 206.0
    for line in block_lines(f.get("notify_party"), opts.get("notify_address"), MID - L - 12, sh, 8):
        sh.text(L + 6, y, line, 8)
        y += 10
    sh.hline(L, R, 300)
    cells = [("Ocean Vessel", f.get("vessel")), ("Voyage No.", f.get("voyage")),
             ("Port of Loading", f.get("port_of_loading")), ("Port of Discharge", f.get("port_of_discharge"))]
    for k, (label, value) in enumerate(cells):
        x0 = L + k * (R - L) / 4
        if k:
            sh.vline(x0, 300, 340)
        sh.text(x0 + 4, 304, label, 7)
        sh.text(x0 + 6, 318, value or "", 8)
    sh.hline(L, R, 340)
    sh.text(L + 4, 344, "Marks and Numbers", 7)
    sh.text(150, 344, "Number of Packages", 7)
    sh.text(250, 344, "Description of Goods", 7)
    sh.text(470, 344, "Gross Weight", 7)
    sh.text(L + 6, 360, opts.get("marks", "N/M"), 8)
    sh.text(152, 360, f"{fmt_qty(f.get('total_packages'))} {opts.get('package_kind', 'PACKAGES')}", 8)
    y = 360.0
    for d in opts.get("descriptions", []):
        for line in sh.wrap(d, 210, 8):
            sh.text(252, y, line, 8)
            y += 10
    sh.text(472, 360, f"{fmt_num(f.get('gross_weight'))} {f.get('weight_unit') or ''}", 8)
    sh.text(252, y + 8, "SHIPPER'S LOAD, COUNT AND SEAL", 7)
    sh.text(252, y + 18, "FREIGHT " + opts.get("freight", "PREPAID"), 7)
    sh.hline(L, R, 500)
    sh.text(L + 4, 504, "Shipped on Board Date:", 7)
    sh.text(L + 100, 504, fmt_date(f.get("on_board_date"), ds), 8)
    sh.text(MID + 4, 504, "Place and Date of Issue:", 7)
    sh.text(MID + 100, 504, f"{f.get('port_of_loading') or ''} {fmt_date(f.get('on_board_date'), ds)}", 8)
    sh.text(MID + 4, 530, "Signed as agent for the carrier", 7)
    return sh.finish()


RENDERERS: dict[str, Callable[[dict[str, Any], dict[str, Any]], bytes]] = {
    "co-a": render_certificate_a,
    "co-b": render_certificate_b,
    "inv-a": render_invoice_a,
    "inv-b": render_invoice_b,
    "inv-c": render_invoice_c,
    "pl-a": render_packing_list,
    "bl-a": render_bill_of_lading,
}
