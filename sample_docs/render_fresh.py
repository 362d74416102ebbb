"""A second held-out layout family (`generate --layouts fresh`), drawn after the extractor had been tuned on the
first one, so that it gives a blind number again.

How it differs from both other families: DejaVu typefaces (captions in a sans, values typed in a monospaced
face, as offices that fill pre-printed forms on a typewriter-like printer do); the certificate's box titles in
sentence case and in the shorter wordings some issuing bodies use ('Exporter's name, address and country'),
transport details each under its own caption, dates as 12.03.2025, at most two goods on the first sheet and
the rest on a continuation sheet with the column headings repeated; an invoice whose header is a grid of
captioned cells and whose totals are stated in words as well; a packing list with weights per line under
'N.W.' / 'G.W.' headings; a bill of lading with its own box wordings.
"""
from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from sample_docs.render import (CERTIFICATION, DECLARATION, Sheet, _item_cells, country_name, fmt_date, fmt_num,
                                fmt_qty)

PAGE_W, PAGE_H = A4
DEJAVU = "/usr/share/fonts/truetype/dejavu"


@lru_cache(maxsize=1)
def _fonts() -> tuple[str, str, str]:
    """Sans, sans bold, mono (Debian's fonts-dejavu-core, installed by the Makefile)."""
    for name, file in (("DV", "DejaVuSans.ttf"), ("DVB", "DejaVuSans-Bold.ttf"), ("DVM", "DejaVuSansMono.ttf")):
        path = os.path.join(DEJAVU, file)
        if not os.path.exists(path):
            raise RuntimeError(f"{path} missing; install fonts-dejavu-core (make install does)")
        pdfmetrics.registerFont(TTFont(name, path))
    return "DV", "DVB", "DVM"


def _lines(sh: Sheet, x: float, top: float, texts: list[str], size: float, font: str, lead: float = 1.3) -> float:
    y = top
    for t in texts:
        sh.text(x, y, t, size, font)
        y += size * lead
    return y


# ---------------------------------------------------------------- Form RCEP

CO_HEADS = [("item_number", ["6. Item", "number"]),
            ("marks", ["7. Marks and", "numbers on", "packages"]),
            ("description", ["8. Number and kind of", "packages, and description", "of goods"]),
            ("hs_code", ["9. HS code", "(6-digit)"]),
            ("origin_criterion", ["10. Origin", "criterion"]),
            ("country_of_origin", ["11. RCEP", "country of", "origin"]),
            ("quantity", ["12. Quantity (gross", "weight or other", "measurement), and", "value (FOB) where", "RVC is applied"]),
            ("invoice", ["13. Invoice", "number(s) and", "date(s)"])]
FIRST_SHEET_ITEMS = 2


def _co_columns(L: float, R: float) -> list[tuple[str, float, float]]:
    xs = [L, L + 34, L + 96, L + 238, L + 288, L + 332, L + 384, L + 458, R]
    return [(k, xs[i], xs[i + 1]) for i, (k, _) in enumerate(CO_HEADS)]


def _co_goods(sh: Sheet, items: list[dict[str, Any]], top: float, bottom: float, L: float, R: float, ds: str) -> None:
    sans, _b, mono = _fonts()
    cols = _co_columns(L, R)
    heads = dict(CO_HEADS)
    for key, x0, x1 in cols:
        _lines(sh, x0 + 2, top + 3, heads[key], 6.2, sans, 1.25)
        if x0 > L:
            sh.vline(x0, top, bottom)
    y = top + 46
    sh.hline(L, R, y - 4)
    for item in items:
        cells = _item_cells(item, ds)
        used = 0.0
        for key, x0, x1 in cols:
            lines: list[str] = []
            for s in cells[key]:
                lines += sh.wrap(s, x1 - x0 - 5, 7.4, mono) if s else []
            _lines(sh, x0 + 2.5, y, lines, 7.4, mono)
            used = max(used, len(lines) * 7.4 * 1.3)
        y += used + 8
        if y > bottom:
            raise ValueError("too many items for one sheet")


def render_certificate_d(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sans, bold, mono = _fonts()
    sh = Sheet("Certificate of Origin Form RCEP")
    L, R, MID = 30.0, 565.0, 292.0
    ds = opts.get("date_style", "dot")
    cap, val = 6.8, 8.0
    items = f["items"]
    first, rest = items[:FIRST_SHEET_ITEMS], items[FIRST_SHEET_ITEMS:]
    sheets = 1 + (1 if rest else 0)
    sh.text(L, 24, "ORIGINAL", 8, bold)
    sh.text_right(R, 24, f"Page 1 of {sheets}", 7, sans)
    sh.rect(L, 36, R, 812)
    # box 1 | reference block
    sh.vline(MID, 36, 300)
    sh.text(L + 4, 40, "1. Exporter's name, address and country", cap, sans)
    _lines(sh, L + 8, 54, [f.get("exporter_name") or ""] + sh.wrap(f.get("exporter_address") or "", MID - L - 16, val, mono),
           val, mono)
    sh.text(MID + 6, 40, "Certificate No.:", cap, sans)
    sh.text(MID + 80, 39, f.get("certificate_number") or "", 9, mono)
    sh.center((MID + R) / 2, 62, "CERTIFICATE OF ORIGIN", 12, bold)
    sh.center((MID + R) / 2, 78, "Form RCEP", 9, bold)
    sh.center((MID + R) / 2, 92, "Regional Comprehensive Economic Partnership Agreement", 7, sans)
    sh.text(MID + 6, 110, "Issued in", cap, sans)
    sh.text(MID + 50, 109, country_name(f.get("issued_in")), val, mono)
    sh.text(MID + 130, 110, "(Country)", 6, sans)
    sh.text(MID + 6, 124, "See Overleaf Notes", 6, sans)
    sh.hline(L, MID, 110)
    sh.text(L + 4, 114, "2. Importer's or consignee's name, address and country", cap, sans)
    _lines(sh, L + 8, 128, [f.get("importer_name") or ""] + sh.wrap(f.get("importer_address") or "", MID - L - 16, val, mono),
           val, mono)
    sh.hline(MID, R, 140)
    sh.text(MID + 6, 144, "5. For official use", cap, sans)
    sh.text(MID + 12, 158, "[ ] Preferential treatment given", 6.5, sans)
    sh.text(MID + 12, 170, "[ ] Preferential treatment not given (please state reason/s)", 6.5, sans)
    sh.text(MID + 12, 206, "Signature of authorised signatory of the customs authority of the importing country", 5.6, sans)
    sh.hline(L, MID, 184)
    sh.text(L + 4, 188, "3. Producer's name and address, if known", cap, sans)
    _lines(sh, L + 8, 202, [f.get("producer_name") or ""], val, mono)
    sh.hline(MID, R, 220)
    sh.text(MID + 6, 224, "4. Means of transport and route (if known)", cap, sans)
    sh.text(MID + 12, 236, "Departure date", 6.2, sans)
    sh.text(MID + 12, 245, fmt_date(f.get("departure_date"), ds), val, mono)
    sh.text(MID + 12, 258, "Vessel's name/Aircraft flight number, etc.", 6.2, sans)
    sh.text(MID + 12, 267, f.get("transport") or "", val, mono)
    sh.text(MID + 12, 280, "Port of discharge", 6.2, sans)
    sh.text(MID + 12, 289, f.get("port_of_discharge") or "", val, mono)
    sh.hline(L, R, 300)
    _co_goods(sh, first, 300, 560, L, R, ds)
    if rest:
        sh.text(L + 100, 540, f"(continued on the attached sheet: {len(rest)} more item(s))", 7, sans)
    sh.hline(L, R, 560)
    # box 14 | box 15
    sh.text(L + 4, 564, "14. Remarks", cap, sans)
    sh.para(L + 8, 576, MID - L - 16, f.get("remarks") or "", val, mono)
    sh.vline(MID, 560, 812)
    sh.text(MID + 6, 564, "15. Declaration by the exporter or producer", cap, sans)
    y = sh.para(MID + 6, 576, R - MID - 12, DECLARATION, 6.2, sans)
    sh.text(MID + 6, y + 4, "These goods are exported to:", 6.5, sans)
    sh.text(MID + 110, y + 3, country_name(f.get("importing_country")), val, mono)
    sh.text(MID + 110, y + 14, "(Importing country)", 5.8, sans)
    sh.text(MID + 12, 660, f"{f.get('declaration_place') or ''}  {fmt_date(f.get('declaration_date'), ds)}", val, mono)
    sh.hline(MID + 6, R - 6, 672)
    sh.text(MID + 6, 675, "Place and date, and signature of authorised signatory", 6.2, sans)
    sh.hline(L, MID, 690)
    sh.text(L + 4, 694, "16. Certification", cap, sans)
    y = sh.para(L + 6, 706, MID - L - 12, CERTIFICATION, 6.2, sans)
    sh.text(L + 10, 764, f.get("issuing_authority") or "", 6.8, mono)
    sh.text(L + 10, 774, f"{f.get('issue_place') or ''}  {fmt_date(f.get('issue_date'), ds)}", val, mono)
    sh.hline(L + 6, MID - 6, 786)
    sh.text(L + 6, 789, "Place and date, signature and stamp of the issuing body", 6.2, sans)
    sh.hline(MID, R, 690)
    sh.text(MID + 6, 694, "17.", cap, sans)
    for k, (key, label) in enumerate((("back_to_back", "Back-to-back Certificate of Origin"),
                                      ("third_party_invoicing", "Third-party invoicing"),
                                      ("issued_retroactively", "ISSUED RETROACTIVELY"))):
        sh.checkbox(MID + 14, 708 + 16 * k, bool(f.get(key)), label, 6.8)
    if rest:
        sh.new_page()
        sh.text(L, 24, "ORIGINAL", 8, bold)
        sh.text_right(R, 24, f"Page 2 of {sheets}", 7, sans)
        sh.center(PAGE_W / 2, 44, "CONTINUATION SHEET", 11, bold)
        sh.text(L, 64, "Certificate No.:", cap, sans)
        sh.text(L + 74, 63, f.get("certificate_number") or "", 9, mono)
        sh.rect(L, 80, R, 560)
        _co_goods(sh, rest, 80, 560, L, R, ds)
    return sh.finish()


# ---------------------------------------------------------------- trade documents

def _grid(sh: Sheet, cells: list[tuple[str, str, float, float, float, float]]) -> None:
    """Captioned cells: the caption small at the cell's top left, the value typed under it."""
    sans, _b, mono = _fonts()
    for caption, value, x0, top, x1, bottom in cells:
        sh.rect(x0, top, x1, bottom)
        sh.text(x0 + 3, top + 3, caption, 6.5, sans)
        _lines(sh, x0 + 6, top + 14, sh.wrap(value, x1 - x0 - 12, 8, mono) if value else [], 8, mono, 1.25)


def _table(sh: Sheet, L: float, R: float, top: float, cols: list[tuple[str, str, float, float]],
           rows: list[dict[str, str]], right_aligned: tuple[str, ...] = ()) -> float:
    """Ruled column headings, then the rows typed in their columns (wrapped); the y under the last row."""
    _sans, bold, mono = _fonts()
    sh.hline(L, R, top)
    for _k, title, x0, _x1 in cols:
        sh.text(x0 + 3, top + 4, title, 7, bold)
    sh.hline(L, R, top + 16)
    y = top + 22
    for cells in rows:
        used = 0.0
        for key, _t, x0, x1 in cols:
            lines = sh.wrap(cells[key], x1 - x0 - 6, 7.6, mono)
            if key in right_aligned:
                for k, line in enumerate(lines):
                    sh.text_right(x1 - 4, y + k * 10, line, 7.6, mono)
            else:
                _lines(sh, x0 + 3, y, lines, 7.6, mono, 10 / 7.6)
            used = max(used, len(lines) * 10)
        y += used + 6
    return y


def _words_for(amount: float | None, currency: str | None) -> str:
    """'SAY US DOLLARS TWELVE THOUSAND ... ONLY', as invoices state the total in words."""
    if amount is None:
        return ""
    ones = ["", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE", "TEN", "ELEVEN", "TWELVE",
            "THIRTEEN", "FOURTEEN", "FIFTEEN", "SIXTEEN", "SEVENTEEN", "EIGHTEEN", "NINETEEN"]
    tens = ["", "", "TWENTY", "THIRTY", "FORTY", "FIFTY", "SIXTY", "SEVENTY", "EIGHTY", "NINETY"]

    def below_1000(n: int) -> str:
        out = []
        if n >= 100:
            out += [ones[n // 100], "HUNDRED"]
            n %= 100
        if n >= 20:
            out.append(tens[n // 10] + (f"-{ones[n % 10]}" if n % 10 else ""))
        elif n:
            out.append(ones[n])
        return " ".join(out)

    whole, cents = int(amount), round((amount - int(amount)) * 100)
    parts = []
    for size, name in ((1_000_000, "MILLION"), (1000, "THOUSAND"), (1, "")):
        if whole >= size:
            parts.append(f"{below_1000(whole // size)} {name}".strip())
            whole %= size
    money = {"USD": "US DOLLARS"}.get(currency or "", currency or "")
    text = f"SAY {money} {' '.join(parts) or 'ZERO'}"
    if cents:
        text += f" AND CENTS {below_1000(cents)}"
    return text + " ONLY"


def render_invoice_e(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sans, bold, mono = _fonts()
    sh = Sheet("Invoice")
    L, R, MID = 32.0, 563.0, 300.0
    ds = opts.get("date_style", "dot")
    sh.center(PAGE_W / 2, 30, "COMMERCIAL INVOICE", 15, bold)
    _grid(sh, [
        ("Exporter (name and address)", "\n".join([f.get("seller_name") or "", f.get("seller_address") or ""]),
         L, 56, MID, 126),
        ("Invoice No. and Date", f"{f.get('invoice_number') or ''}\n{fmt_date(f.get('invoice_date'), ds)}", MID, 56, R, 91),
        ("Terms of Delivery", opts.get("incoterm_text", f.get("incoterm") or ""), MID, 91, R, 126),
        ("Consignee (name and address)", "\n".join([f.get("buyer_name") or "", f.get("buyer_address") or ""]),
         L, 126, MID, 196),
        ("Currency of Invoice", f.get("currency") or "", MID, 126, R, 161),
        ("Payment", "T/T 30 DAYS AFTER B/L DATE", MID, 161, R, 196),
    ])
    cols = [("marks", "Marks & Nos.", L, 92), ("description", "Description of Goods", 92, 270),
            ("hs_code", "H.S. Code", 270, 322), ("quantity", "Quantity", 322, 392),
            ("unit_price", f"Unit Price ({f.get('currency') or ''})", 392, 472),
            ("amount", f"Amount ({f.get('currency') or ''})", 472, R)]
    rows = [{"marks": "N/M", "description": item.get("description") or "", "hs_code": item.get("hs_code") or "",
             "quantity": f"{fmt_qty(item.get('quantity'))} {item.get('quantity_unit') or ''}",
             "unit_price": fmt_num(item.get("unit_price")), "amount": fmt_num(item.get("amount"))}
            for item in f["items"]]
    y = _table(sh, L, R, 208, cols, rows, right_aligned=("unit_price", "amount"))
    sh.hline(L, R, y)
    sh.text(392 + 3, y + 5, "TOTAL", 8, bold)
    sh.text_right(R - 4, y + 5, f"{f.get('currency') or ''} {fmt_num(f.get('total_amount'))}", 8, mono)
    sh.hline(L, R, y + 18)
    sh.para(L + 3, y + 26, R - L - 6, _words_for(f.get("total_amount"), f.get("currency")), 7.5, mono)
    sh.text(L + 3, y + 60, "We certify that this invoice is true and correct.", 7, sans)
    sh.text(360, y + 110, "Signed for and on behalf of the exporter", 7, sans)
    return sh.finish()


def render_packing_list_c(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sans, bold, mono = _fonts()
    sh = Sheet("Packing List")
    L, R, MID = 32.0, 563.0, 300.0
    ds = opts.get("date_style", "dot")
    sh.center(PAGE_W / 2, 30, "PACKING LIST", 15, bold)
    _grid(sh, [
        ("Exporter (name and address)", "\n".join([f.get("shipper_name") or "", opts.get("shipper_address") or ""]),
         L, 56, MID, 126),
        ("Invoice No. and Date", f"{f.get('invoice_number') or ''}\n{fmt_date(f.get('date'), ds)}", MID, 56, R, 91),
        ("Consignee (name and address)", "\n".join([f.get("consignee_name") or "", opts.get("consignee_address") or ""]),
         L, 126, MID, 196),
    ])
    cols = [("description", "Description of Goods", L, 230), ("packages", "No. of Pkgs", 230, 292),
            ("quantity", "Quantity", 292, 362), ("net_weight", "N.W. (KGS)", 362, 432), ("gross_weight", "G.W. (KGS)", 432, 502),
            ("cbm", "Meas. (CBM)", 502, R)]
    kinds = opts.get("package_kinds", {})
    rows = [{"description": item.get("description") or "",
             "packages": f"{fmt_qty(item.get('packages'))} {kinds.get(item.get('description'), 'PACKAGES')}",
             "quantity": f"{fmt_qty(item.get('quantity'))} {item.get('quantity_unit') or ''}",
             "net_weight": fmt_num(item.get("net_weight")), "gross_weight": fmt_num(item.get("gross_weight")),
             "cbm": "-"} for item in f["items"]]
    y = _table(sh, L, R, 208, cols, rows)
    sh.hline(L, R, y)
    sh.text(L + 3, y + 5, "TOTAL", 8, bold)
    sh.text(233, y + 5, fmt_qty(f.get("total_packages")), 7.6, mono)
    sh.text(365, y + 5, fmt_num(f.get("total_net_weight")), 7.6, mono)
    sh.text(435, y + 5, fmt_num(f.get("total_gross_weight")), 7.6, mono)
    sh.hline(L, R, y + 18)
    sh.text(L + 3, y + 30, f"TOTAL PACKAGES: {fmt_qty(f.get('total_packages'))}", 7.6, mono)
    sh.text(L + 3, y + 42, f"TOTAL NET WEIGHT: {fmt_num(f.get('total_net_weight'))} {f.get('weight_unit') or ''}", 7.6, mono)
    sh.text(L + 3, y + 54, f"TOTAL GROSS WEIGHT: {fmt_num(f.get('total_gross_weight'))} {f.get('weight_unit') or ''}", 7.6, mono)
    return sh.finish()


def render_bill_of_lading_c(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sans, bold, mono = _fonts()
    sh = Sheet("Bill of Lading")
    L, R, MID = 30.0, 565.0, 300.0
    ds = opts.get("date_style", "dot")
    shipper = "\n".join([f.get("shipper_name") or "", opts.get("shipper_address") or ""])
    consignee = "\n".join([f.get("consignee_name") or ""] + ([opts["consignee_address"]] if opts.get("consignee_address") else []))
    notify = "\n".join([f.get("notify_party") or ""] + ([opts["notify_address"]] if opts.get("notify_address") else []))
    _grid(sh, [
        ("Shipper", shipper, L, 30, MID, 100),
        ("Consignee", consignee, L, 100, MID, 170),
        ("Notify Party", notify, L, 170, MID, 240),
        ("Pre-carriage by", "", L, 240, 165, 270), ("Place of Receipt", f.get("port_of_loading") or "", 165, 240, MID, 270),
        ("Ocean Vessel", f.get("vessel") or "", L, 270, 165, 300), ("Voyage No.", f.get("voyage") or "", 165, 270, MID, 300),
        ("Port of Loading", f.get("port_of_loading") or "", MID, 270, R, 300),
        ("Port of Discharge", f.get("port_of_discharge") or "", L, 300, 165, 330),
        ("Place of Delivery", f.get("port_of_discharge") or "", 165, 300, MID, 330),
        ("Final Destination (for the Merchant's reference)", "", MID, 300, R, 330),
    ])
    sh.rect(MID, 30, R, 270)
    sh.text(MID + 6, 36, "B/L No.", 7, sans)
    sh.text(MID + 50, 35, f.get("bl_number") or "", 10, mono)
    sh.center((MID + R) / 2, 90, "BILL OF LADING", 15, bold)
    sh.center((MID + R) / 2, 108, "FOR COMBINED TRANSPORT OR PORT TO PORT SHIPMENT", 6.5, sans)
    sh.para(MID + 10, 130, R - MID - 20, "RECEIVED by the Carrier from the Shipper in apparent good order and condition "
            "unless otherwise noted herein the total number or quantity of Containers or other packages or units "
            "indicated below, to be carried subject to all the terms and conditions hereof.", 6, sans)
    heads = [("Marks and Numbers", L), ("Number and Kind of Packages", 140), ("Description of Goods", 262),
             ("Gross Weight", 430), ("Measurement", 500)]
    sh.hline(L, R, 336)
    for text, x in heads:
        sh.text(x + 4, 340, text, 7, bold)
    sh.hline(L, R, 352)
    sh.text(L + 4, 360, opts.get("container", "N/M"), 7.6, mono)
    sh.text(144, 360, f"{fmt_qty(f.get('total_packages'))} {opts.get('package_kind', 'PACKAGES')}", 7.6, mono)
    y = 360.0
    for d in opts.get("descriptions", []):
        for line in sh.wrap(d, 160, 7.6, mono):
            sh.text(266, y, line, 7.6, mono)
            y += 10
    sh.text(434, 360, f"{fmt_num(f.get('gross_weight'))} {f.get('weight_unit') or 'KGS'}", 7.6, mono)
    sh.text(504, 360, "48.200 CBM", 7.6, mono)
    sh.text(266, y + 10, "SHIPPED ON BOARD", 8, bold)
    sh.text(266, y + 22, f"DATE: {fmt_date(f.get('on_board_date'), ds)}", 7.6, mono)
    sh.hline(L, R, 700)
    _grid(sh, [("Freight and Charges", "FREIGHT PREPAID", L, 700, 200, 740),
               ("Number of Original B(s)/L", "THREE (3)", 200, 700, 360, 740),
               ("Place and Date of Issue", f"{f.get('port_of_loading') or ''} {fmt_date(f.get('on_board_date'), ds)}",
                360, 700, R, 740)])
    return sh.finish()


RENDERERS_FRESH = {"co-d": render_certificate_d, "inv-e": render_invoice_e, "pl-c": render_packing_list_c,
                   "bl-c": render_bill_of_lading_c}
