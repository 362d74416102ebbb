"""A fourth held-out layout family (`generate --layouts fourth`), drawn after extraction had been tuned on the
third, so that it gives a blind number again.

How it differs from the other families: printed as an electronic issuing system prints (Korea, Malaysia):
captions in DejaVu Sans Condensed with the Form RCEP's own capitalised wording and a colon, typed values in a
monospaced face (DejaVu Sans Mono) in capitals; values under their captions, not beside them; Box 4 in the left
column with each particular's value on the line under its caption; the title block at the right under the
certificate number; HS codes printed with a dot ('0805.10'); dates as '2025.03.12'; Box 12 with the FOB value
on its own line; the goods list closed by a line of asterisks; Box 17 as '[X]' / '[ ]' typed marks. A
Korean-style commercial invoice and packing list on the numbered grid form (① Shipper/Exporter, ② For
account & risk of Messrs., ... ⑧ No. & date of invoice) with the invoice number and its date in one cell,
the price terms above the goods, the HS code under each description and the currency in every amount; a
bill of lading with the carrier's name at the top, 'Ocean Vessel' and 'Voy. No.' in cells of their own and
the on-board date in a stamp-like box.
"""
from __future__ import annotations

import datetime as dt
import os
from functools import lru_cache
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from sample_docs.render import CERTIFICATION, DECLARATION, Sheet, cjk_font, country_name, fmt_num, fmt_qty

PAGE_W, PAGE_H = A4
DEJAVU = "/usr/share/fonts/truetype/dejavu"
MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]


@lru_cache(maxsize=1)
def _fonts() -> tuple[str, str, str]:
    """Condensed sans for captions, its bold for titles, monospaced for typed values (fonts-dejavu-core)."""
    for name, file in (("DVC", "DejaVuSansCondensed.ttf"), ("DVCB", "DejaVuSansCondensed-Bold.ttf"),
                       ("DVM", "DejaVuSansMono.ttf")):
        path = os.path.join(DEJAVU, file)
        if not os.path.exists(path):
            raise RuntimeError(f"{path} missing; install fonts-dejavu-core (make install does)")
        pdfmetrics.registerFont(TTFont(name, path))
    return "DVC", "DVCB", "DVM"


def _dotted(iso: str | None) -> str:
    """'2025.03.12', as Korean systems print dates."""
    return iso.replace("-", ".") if iso else ""


def _us(iso: str | None) -> str:
    """'MAR. 12, 2025', as trading houses type dates on invoices."""
    if not iso:
        return ""
    d = dt.date.fromisoformat(iso)
    return f"{MONTHS[d.month - 1]}. {d.day:02d}, {d.year}"


def _hs(code: str | None) -> str:
    return f"{code[:4]}.{code[4:]}" if code and len(code) == 6 and code.isdigit() else (code or "")


def _typed(sh: Sheet, x: float, top: float, lines: list[str], width: float, size: float = 8.0) -> float:
    """Typed values, one under another, wrapped to the box; the y under the last."""
    _c, _b, mono = _fonts()
    y = top
    for t in lines:
        for line in sh.wrap(t, width, size, mono) if t else []:
            sh.text(x, y, line, size, mono)
            y += size * 1.35
    return y


def _cap(sh: Sheet, x: float, top: float, text: str, size: float = 6.8) -> None:
    sh.text(x, top, text, size, _fonts()[0])


# ---------------------------------------------------------------- Form RCEP

CO_HEADS = [("item_number", ["6. Item", "Number"]),
            ("marks", ["7. Marks and", "Numbers on", "Packages"]),
            ("description", ["8. Number and Kind of", "Packages; and", "Description of Goods"]),
            ("hs_code", ["9. HS Code of", "the Goods", "(6-digit level)"]),
            ("origin_criterion", ["10. Origin", "Conferring", "Criterion"]),
            ("country_of_origin", ["11. RCEP", "Country of", "Origin"]),
            ("quantity", ["12. Quantity (Gross", "weight or other", "measurement), and", "value (FOB) where",
                          "RVC is applied"]),
            ("invoice", ["13. Invoice", "Number(s) and", "Date of", "Invoice(s)"])]


def _co_goods(sh: Sheet, items: list[dict[str, Any]], top: float, bottom: float, L: float, R: float) -> None:
    cond, _b, mono = _fonts()
    xs = [L, L + 34, L + 96, L + 232, L + 286, L + 334, L + 384, L + 462, R]
    cols = [(k, xs[i], xs[i + 1]) for i, (k, _) in enumerate(CO_HEADS)]
    heads = dict(CO_HEADS)
    head_bottom = top + 46
    for key, x0, _x1 in cols:
        for k, line in enumerate(heads[key]):
            sh.text(x0 + 2, top + 3 + k * 8, line, 6.2, cond)
        if x0 > L:
            sh.vline(x0, top, bottom)
    sh.hline(L, R, head_bottom)
    y = head_bottom + 8
    size = 7.8
    for item in items:
        qty = [f"{fmt_qty(item['quantity'])} {item['quantity_unit']}"] if item.get("quantity") is not None else []
        if item.get("fob_value") is not None:
            qty.append(f"FOB {item.get('fob_currency') or ''} {fmt_num(item['fob_value'])}".replace("  ", " "))
        cells = {"item_number": [str(item["item_number"])], "marks": [item.get("marks") or ""],
                 "description": [item.get("packages") or "", item.get("description") or ""],
                 "hs_code": [_hs(item.get("hs_code"))], "origin_criterion": [item.get("origin_criterion") or ""],
                 "country_of_origin": [country_name(item.get("country_of_origin"))], "quantity": qty,
                 "invoice": [s for s in (item.get("invoice_number"), _dotted(item.get("invoice_date"))) if s]}
        used = 0.0
        for key, x0, x1 in cols:
            lines: list[str] = []
            for s in cells[key]:
                lines += sh.wrap(s, x1 - x0 - 5, size, mono) if s else []
            for k, line in enumerate(lines):
                sh.text(x0 + 2.5, y + k * 10.5, line, size, mono)
            used = max(used, len(lines) * 10.5)
        y += used + 10
        if y > bottom - 12:
            raise ValueError("too many items for one sheet")
    # the list closed so nothing can be added after it
    x0, x1 = next((a, b) for k, a, b in cols if k == "description")
    sh.text(x0 + 2.5, y, "*" * int((x1 - x0 - 8) / pdfmetrics.stringWidth("*", mono, size)), size, mono)


def render_certificate_f(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    cond, bold, mono = _fonts()
    sh = Sheet("RCEP Certificate of Origin")
    L, R, MID = 30.0, 565.0, 292.0
    sh.rect(L, 30, R, 812)
    sh.vline(MID, 30, 360)
    w = MID - L - 16
    _cap(sh, L + 4, 34, "1. Exporter's Name, Address and Country:")
    _typed(sh, L + 8, 48, [f.get("exporter_name") or "", f.get("exporter_address") or ""], w)
    sh.hline(L, MID, 112)
    _cap(sh, L + 4, 116, "2. Importer's or Consignee's Name, Address and Country:")
    _typed(sh, L + 8, 130, [f.get("importer_name") or "", f.get("importer_address") or ""], w)
    sh.hline(L, MID, 194)
    _cap(sh, L + 4, 198, "3. Producer's Name and Address, if known:")
    _typed(sh, L + 8, 212, [f.get("producer_name") or ""], w)
    sh.hline(L, MID, 246)
    _cap(sh, L + 4, 250, "4. Means of Transport and Route (if known)")
    y = 263.0
    for caption, value in (("Departure Date:", _dotted(f.get("departure_date"))),
                           ("Vessel's Name/Aircraft Flight Number, etc.:", f.get("transport") or ""),
                           ("Port of Discharge:", f.get("port_of_discharge") or "")):
        _cap(sh, L + 10, y, caption, 6.4)
        sh.text(L + 18, y + 10, value, 8.0, mono)
        y += 31
    # right: the certificate number, the title, Box 5
    _cap(sh, MID + 6, 34, "Certificate No.:")
    sh.text(MID + 14, 48, f.get("certificate_number") or "", 10, mono)
    sh.hline(MID, R, 66)
    sh.center((MID + R) / 2, 78, "REGIONAL COMPREHENSIVE ECONOMIC", 9, bold)
    sh.center((MID + R) / 2, 90, "PARTNERSHIP AGREEMENT", 9, bold)
    sh.center((MID + R) / 2, 108, "CERTIFICATE OF ORIGIN", 13, bold)
    sh.center((MID + R) / 2, 126, "Form RCEP", 10, bold)
    sh.text(MID + 40, 146, "Issued in", 7.5, cond)
    sh.text(MID + 82, 144, country_name(f.get("issued_in")), 8.5, mono)
    sh.hline(MID + 80, R - 60, 155)
    sh.text(MID + 130, 158, "(Country)", 6.2, cond)
    sh.text(R - 70, 174, "See Notes Overleaf", 6.2, cond)
    sh.hline(MID, R, 188)
    _cap(sh, MID + 6, 192, "5. For Official Use")
    _cap(sh, MID + 12, 208, "Preferential Tariff Treatment:", 6.4)
    sh.rect(MID + 16, 222, MID + 23, 229)
    _cap(sh, MID + 27, 222, "Given", 6.4)
    sh.rect(MID + 70, 222, MID + 77, 229)
    _cap(sh, MID + 81, 222, "Not Given (Please state reason/s)", 6.4)
    sh.hline(MID + 12, R - 12, 330)
    _cap(sh, MID + 12, 334, "Signature of Authorised Signatory of the Customs Authority of the Importing Country",
         5.4)
    sh.hline(L, R, 360)
    _co_goods(sh, f["items"], 360, 600, L, R)
    sh.hline(L, R, 600)
    _cap(sh, L + 4, 604, "14. Remarks:")
    sh.para(L + 8, 617, R - L - 16, f.get("remarks") or "", 7.8, mono)
    sh.hline(L, R, 640)
    sh.vline(MID, 640, 786)
    _cap(sh, L + 4, 644, "15. Declaration by the exporter or producer")
    y = sh.para(L + 6, 656, MID - L - 12, DECLARATION, 6.0, cond)
    _cap(sh, L + 6, y + 4, "These goods are exported to:", 6.4)
    sh.text(L + 20, y + 15, country_name(f.get("importing_country")), 8.0, mono)
    _cap(sh, L + 20, y + 25, "(Importing Country)", 5.6)
    sh.text(L + 10, 752, f"{f.get('declaration_place') or ''}  {_dotted(f.get('declaration_date'))}", 8.0, mono)
    sh.hline(L + 6, MID - 6, 764)
    _cap(sh, L + 6, 767, "Place and date, and signature of authorised signatory", 5.8)
    _cap(sh, MID + 6, 644, "16. Certification")
    y = sh.para(MID + 6, 656, R - MID - 12, CERTIFICATION, 6.0, cond)
    sh.para(MID + 10, y + 8, R - MID - 20, f.get("issuing_authority") or "", 7.6, mono)
    sh.text(MID + 10, 752, f"{f.get('issue_place') or ''}  {_dotted(f.get('issue_date'))}", 8.0, mono)
    sh.hline(MID + 6, R - 6, 764)
    _cap(sh, MID + 6, 767, "Place, date, and signature and stamp of the Authorised Body", 5.8)
    sh.hline(L, R, 786)
    _cap(sh, L + 4, 795, "17.", 7)
    x = L + 24
    for key, label in (("back_to_back", "Back-to-back Certificate of Origin"),
                       ("third_party_invoicing", "Third-party invoicing"),
                       ("issued_retroactively", "ISSUED RETROACTIVELY")):
        sh.text(x, 794, "[X]" if f.get(key) else "[ ]", 8, mono)
        sh.text(x + 18, 795, label, 7, cond)
        x += 18 + pdfmetrics.stringWidth(label, cond, 7) + 24
    return sh.finish()


# ---------------------------------------------------------------- trade documents (the numbered grid form)

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯"


def _numbered(sh: Sheet, x: float, top: float, n: int, caption: str, size: float = 6.6) -> None:
    """'⑫ Description of goods': the circled number from the CJK face (the condensed face stops at ⑩)."""
    sh.text(x, top, CIRCLED[n - 1], size, cjk_font())
    _cap(sh, x + size + 2, top, caption, size)


def _grid_cell(sh: Sheet, n: int, caption: str, lines: list[str], x0: float, top: float, x1: float,
               bottom: float) -> None:
    sh.rect(x0, top, x1, bottom)
    _numbered(sh, x0 + 3, top + 3, n, caption)
    _typed(sh, x0 + 8, top + 16, lines, x1 - x0 - 14, 7.8)


def _grid_header(sh: Sheet, title: str, f: dict[str, Any], opts: dict[str, Any], party: tuple[str, str],
                 buyer: tuple[str, str], number_date: str, L: float, R: float, MID: float) -> None:
    _c, bold, _m = _fonts()
    sh.center(PAGE_W / 2, 26, title, 15, bold)
    _grid_cell(sh, 1, "Shipper/Exporter", [party[0], party[1]], L, 50, MID, 116)
    _grid_cell(sh, 2, "For account & risk of Messrs.", [buyer[0], buyer[1]], L, 116, MID, 182)
    _grid_cell(sh, 3, "Notify party", ["SAME AS ABOVE"], L, 182, MID, 220)
    split = L + 170
    _grid_cell(sh, 4, "Port of loading", [opts.get("port_of_loading", "")], L, 220, split, 250)
    _grid_cell(sh, 5, "Final destination", [opts.get("destination", "")], split, 220, MID, 250)
    _grid_cell(sh, 6, "Carrier", [opts.get("vessel", "")], L, 250, split, 280)
    _grid_cell(sh, 7, "Sailing on or about", [_us(opts.get("sailing"))], split, 250, MID, 280)
    _grid_cell(sh, 8, "No. & date of invoice", [number_date], MID, 50, R, 90)
    _grid_cell(sh, 9, "No. & date of L/C", ["M0425" + (f.get("invoice_number") or "")[-4:] + "NS00012"], MID, 90,
               R, 130)
    _grid_cell(sh, 10, "L/C issuing bank", [opts.get("bank", "KOREA EXCHANGE BANK, SEOUL")], MID, 130, R, 170)
    _grid_cell(sh, 11, "Remarks", [opts.get("remarks", "")], MID, 170, R, 280)


def _goods_grid(sh: Sheet, cols: list[tuple[str, str, float, float]], top: float, L: float, R: float,
                size: float) -> None:
    """The grid's goods table: its frame, column rulings and headings numbered on from ⑫ (as far as the circled
    numbers go; a heading past ⑯ is unnumbered)."""
    sh.rect(L, top, R, 760)
    for n, (_k, head, x0, _x1) in enumerate(cols, 12):
        if n <= len(CIRCLED):
            _numbered(sh, x0 + 3, top + 4, n, head, size)
        else:
            _cap(sh, x0 + 3, top + 4, head, size)
        if x0 > L:
            sh.vline(x0, top, 760)
    sh.hline(L, R, top + 16)


def _signed_by(sh: Sheet, name: str, R: float) -> None:
    sh.text(330, 778, name, 7.8, _fonts()[2])
    sh.hline(330, R, 806)
    _cap(sh, 330, 809, "Signed by", 6.4)


def _number_and_date(number: str | None, iso: str | None) -> str:
    return f"{number or ''}   {_us(iso)}".strip()


def render_invoice_g(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    cond, bold, mono = _fonts()
    sh = Sheet("Commercial Invoice")
    L, R, MID = 30.0, 565.0, 300.0
    _grid_header(sh, "COMMERCIAL INVOICE", f, opts, (f.get("seller_name") or "", f.get("seller_address") or ""),
                 (f.get("buyer_name") or "", f.get("buyer_address") or ""),
                 _number_and_date(f.get("invoice_number"), f.get("invoice_date")), L, R, MID)
    cur = f.get("currency") or ""
    cols = [("marks", "Marks and numbers of PKGS", L, 130), ("description", "Description of goods", 130, 330),
            ("quantity", "Quantity/Unit", 330, 410), ("unit_price", "Unit price", 410, 480),
            ("amount", "Amount", 480, R)]
    top = 280.0
    _goods_grid(sh, cols, top, L, R, 6.6)
    # the price terms above the goods, across the price columns
    sh.text(414, top + 24, opts.get("incoterm_text", f.get("incoterm") or ""), 8, mono)
    y = top + 42
    for item in f["items"]:
        desc = sh.wrap(item.get("description") or "", 190, 7.8, mono)
        for k, line in enumerate(desc):
            sh.text(134, y + k * 10.5, line, 7.8, mono)
        hs_y = y + len(desc) * 10.5
        if item.get("hs_code"):
            sh.text(134, hs_y, f"HS CODE: {_hs(item['hs_code'])}", 7.8, mono)
        sh.text(L + 4, y, opts.get("marks", "N/M"), 7.8, mono)
        sh.text_right(406, y, f"{fmt_qty(item.get('quantity'))} {item.get('quantity_unit') or ''}", 7.8, mono)
        sh.text_right(476, y, f"{cur} {fmt_num(item.get('unit_price'))}", 7.8, mono)
        sh.text_right(R - 4, y, f"{cur} {fmt_num(item.get('amount'))}", 7.8, mono)
        y = hs_y + 20
    sh.hline(130, R, y)
    total_qty = sum(i.get("quantity") or 0 for i in f["items"])
    units = {i.get("quantity_unit") for i in f["items"]}
    sh.text(134, y + 6, "TOTAL :", 8, bold)
    if len(units) == 1:
        sh.text_right(406, y + 6, f"{fmt_qty(total_qty)} {units.pop() or ''}", 7.8, mono)
    sh.text_right(R - 4, y + 6, f"{cur} {fmt_num(f.get('total_amount'))}", 8, mono)
    _signed_by(sh, f.get("seller_name") or "", R)
    return sh.finish()


def render_packing_list_e(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    cond, bold, mono = _fonts()
    sh = Sheet("Packing List")
    L, R, MID = 30.0, 565.0, 300.0
    _grid_header(sh, "PACKING LIST", f, opts, (f.get("shipper_name") or "", opts.get("shipper_address") or ""),
                 (f.get("consignee_name") or "", opts.get("consignee_address") or ""),
                 _number_and_date(f.get("invoice_number"), f.get("date")), L, R, MID)
    unit = f.get("weight_unit") or "KGS"
    cols = [("marks", "Marks & No. of PKGS", L, 120), ("description", "Description of goods", 120, 300),
            ("quantity", "Quantity", 300, 370), ("net", "Net weight", 370, 440),
            ("gross", "Gross weight", 440, 510), ("cbm", "Measurement", 510, R)]
    top = 280.0
    _goods_grid(sh, cols, top, L, R, 6.4)
    kinds = opts.get("package_kinds", {})
    y = top + 26
    for item in f["items"]:
        sh.text(L + 4, y, f"{fmt_qty(item.get('packages'))} {kinds.get(item.get('description'), 'PKGS')}", 7.6,
                mono)
        desc = sh.wrap(item.get("description") or "", 172, 7.6, mono)
        for k, line in enumerate(desc):
            sh.text(124, y + k * 10.5, line, 7.6, mono)
        sh.text_right(366, y, f"{fmt_qty(item.get('quantity'))} {item.get('quantity_unit') or ''}", 7.6, mono)
        sh.text_right(436, y, f"{fmt_num(item.get('net_weight'))} {unit}", 7.6, mono)
        sh.text_right(506, y, f"{fmt_num(item.get('gross_weight'))} {unit}", 7.6, mono)
        y += max(1, len(desc)) * 10.5 + 12
    sh.hline(L, R, y)
    sh.text(124, y + 6, "TOTAL :", 8, bold)
    sh.text(L + 4, y + 6, f"{fmt_qty(f.get('total_packages'))} PKGS", 7.6, mono)
    sh.text_right(436, y + 6, f"{fmt_num(f.get('total_net_weight'))} {unit}", 7.6, mono)
    sh.text_right(506, y + 6, f"{fmt_num(f.get('total_gross_weight'))} {unit}", 7.6, mono)
    sh.text(124, y + 26, f"({fmt_qty(f.get('total_packages'))} PACKAGES IN TOTAL)", 7.6, mono)
    _signed_by(sh, f.get("shipper_name") or "", R)
    return sh.finish()


def render_bill_of_lading_e(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    cond, bold, mono = _fonts()
    sh = Sheet("Bill of Lading")
    L, R, MID = 28.0, 567.0, 300.0

    def cell(caption: str, lines: list[str], x0: float, top: float, x1: float, bottom: float) -> None:
        sh.rect(x0, top, x1, bottom)
        _cap(sh, x0 + 3, top + 3, caption, 6.4)
        _typed(sh, x0 + 8, top + 15, lines, x1 - x0 - 14, 7.8)

    cell("Shipper", [f.get("shipper_name") or "", opts.get("shipper_address") or ""], L, 40, MID, 110)
    cell("Consignee", [f.get("consignee_name") or ""] + ([opts["consignee_address"]] if opts.get("consignee_address")
                                                         else []), L, 110, MID, 180)
    cell("Notify Party", [f.get("notify_party") or ""] + ([opts["notify_address"]] if opts.get("notify_address")
                                                          else []), L, 180, MID, 250)
    sh.rect(MID, 40, R, 250)
    _cap(sh, MID + 6, 44, "B/L No.", 7)
    sh.text(MID + 50, 43, f.get("bl_number") or "", 10, mono)
    sh.hline(MID, R, 60)
    sh.center((MID + R) / 2, 84, opts.get("carrier", "PAN OCEAN LINE CO., LTD."), 12, bold)
    sh.center((MID + R) / 2, 104, "BILL OF LADING", 14, bold)
    sh.para(MID + 10, 126, R - MID - 20, "RECEIVED by the Carrier from the Shipper in apparent good order and "
            "condition unless otherwise indicated herein, the Goods, or the container(s) or package(s) said to "
            "contain the Goods herein mentioned, to be carried subject to all the terms and conditions provided "
            "for on the face and back of this Bill of Lading.", 5.8, cond)
    row = [("Pre-carriage by", "", L, 164), ("Place of Receipt", f.get("port_of_loading") or "", 164, MID),
           ("Ocean Vessel", f.get("vessel") or "", MID, 450), ("Voy. No.", f.get("voyage") or "", 450, R)]
    for caption, value, x0, x1 in row:
        cell(caption, [value], x0, 250, x1, 280)
    row = [("Port of Loading", f.get("port_of_loading") or "", L, 164),
           ("Port of Discharge", f.get("port_of_discharge") or "", 164, MID),
           ("Place of Delivery", f.get("port_of_discharge") or "", MID, 450), ("Final Destination", "", 450, R)]
    for caption, value, x0, x1 in row:
        cell(caption, [value], x0, 280, x1, 310)
    heads = [("Marks and Numbers", L, 130), ("No. of Pkgs", 130, 200), ("Description of Goods", 200, 420),
             ("Gross Weight", 420, 505), ("Measurement", 505, R)]
    sh.rect(L, 310, R, 600)
    for head, x0, _x1 in heads:
        _cap(sh, x0 + 3, 313, head, 6.6)
        if x0 > L:
            sh.vline(x0, 310, 600)
    sh.hline(L, R, 325)
    sh.text(L + 4, 334, opts.get("container", "N/M"), 7.8, mono)
    sh.text(134, 334, f"{fmt_qty(f.get('total_packages'))} {opts.get('package_kind', 'PKGS')}", 7.8, mono)
    y = 334.0
    for d in opts.get("descriptions", []):
        y = _typed(sh, 204, y, [d], 210, 7.8)
    sh.text(424, 334, f"{fmt_num(f.get('gross_weight'))} {f.get('weight_unit') or 'KGS'}", 7.8, mono)
    sh.text(509, 334, "28.400 CBM", 7.8, mono)
    sh.text(204, y + 10, "SAID TO CONTAIN", 7.8, mono)
    sh.text(204, y + 22, "FREIGHT COLLECT", 7.8, mono)
    # the on-board notation as a stamp
    sh.rect(330, 520, 540, 580)
    sh.center(435, 528, "SHIPPED ON BOARD", 9, bold)
    sh.center(435, 545, _dotted(f.get("on_board_date")), 9, mono)
    sh.center(435, 562, f.get("vessel") or "", 7, mono)
    sh.rect(L, 600, R, 660)
    _cap(sh, L + 3, 603, "Place and Date of Issue", 6.4)
    sh.text(L + 8, 618, f"{f.get('port_of_loading') or ''}  {_dotted(f.get('on_board_date'))}", 7.8, mono)
    _cap(sh, MID + 3, 603, "No. of Original B(s)/L", 6.4)
    sh.text(MID + 8, 618, "THREE (3)", 7.8, mono)
    return sh.finish()


RENDERERS_FOURTH = {"co-f": render_certificate_f, "inv-g": render_invoice_g, "pl-e": render_packing_list_e,
                    "bl-e": render_bill_of_lading_e}
