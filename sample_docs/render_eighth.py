"""An eighth held-out layout family (`generate --layouts eighth`), drawn after extraction had been tuned on the
seventh, so that it gives a blind number again.

How it differs from the other families, on realism grounds: a certificate printed by an electronic issuing
system on the official Form RCEP wording (box numbers bare in a narrow cell of their own left of each caption,
the goods' headings the form's full texts wrapped in narrow columns - 'Quantity (Gross weight or other
measurement), and value (FOB) where RVC is applied' - the certificate number in a box under its caption, HS codes
dotted '0703.10', the FOB value as 'US$13,056.00' under the quantity, the invoice date under its number as
'Jul. 29, 2024', dates elsewhere as '5 November 2024', the goods closed by 'SAY TOTAL THREE (3) ITEMS ONLY');
an accounting package's tax invoice and packing list (the title at the top left, the seller's block at the top
right and the customer's block under the title without any caption, the invoice's date and number as captions
stacked over their values in a middle column, amounts under 'Amount USD'); and a carrier's bill of lading
printed by a legacy system in a monospaced face, its captions with '(Name and Full Address)', vessel and voyage
in one box, the packages also in words ('SAY: TWO HUNDRED (200) PACKAGES ONLY').
"""
from __future__ import annotations

import os
from functools import lru_cache, partial
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from sample_docs.render import CERTIFICATION, DECLARATION, Sheet, country_name, fmt_date, fmt_num, fmt_qty
from sample_docs.render_fifth import in_words
from sample_docs.render_seventh import _lines  # wrapped lines from a top, returning the y under them

PAGE_W, PAGE_H = A4
DEJAVU = "/usr/share/fonts/truetype/dejavu"


@lru_cache(maxsize=1)
def _fonts() -> tuple[str, str, str]:
    """A sans for the certificate, its bold, and a monospaced face for the carrier's system (fonts-dejavu-core)."""
    for name, file in (("DV8", "DejaVuSans.ttf"), ("DV8B", "DejaVuSans-Bold.ttf"), ("DVM8", "DejaVuSansMono.ttf")):
        path = os.path.join(DEJAVU, file)
        if not os.path.exists(path):
            raise RuntimeError(f"{path} missing; install fonts-dejavu-core (make install does)")
        pdfmetrics.registerFont(TTFont(name, path))
    return "DV8", "DV8B", "DVM8"


_long = partial(fmt_date, style="d_month")  # '5 November 2024'
_us = partial(fmt_date, style="mon_d")  # 'Jul. 29, 2024'
_short = partial(fmt_date, style="dd_mon")  # '29 Jul 2024'


SYMBOL = {"USD": "US$", "EUR": "€", "JPY": "¥", "AUD": "A$", "SGD": "S$", "CNY": "RMB "}


# ---------------------------------------------------------------- Form RCEP from an electronic issuing system

def _box(sh: Sheet, number: str, caption: str, x0: float, top: float, x1: float, size: float = 6.4) -> None:
    """A box's number in a narrow cell of its own, the caption beside it."""
    cap, _, _ = _fonts()
    sh.text(x0 + 3, top + 3, number, 7.5, "DV8B")
    sh.vline(x0 + 14, top, top + 12)
    sh.hline(x0, x0 + 14, top + 12)
    _lines(sh, x0 + 18, top + 3, [caption], x1 - x0 - 22, size, cap, 1.2)


def _co_goods(sh: Sheet, items: list[dict[str, Any]], top: float, bottom: float, L: float, R: float) -> None:
    cap, capb, _ = _fonts()
    xs = [L, L + 30, L + 92, L + 238, L + 292, L + 340, L + 392, L + 458, R]
    heads = [("6", "Item number (max. 20)"), ("7", "Marks and numbers on packages"),
             ("8", "Number and kind of packages; and description of goods"), ("9", "HS Code of the goods (6 digit-level)"),
             ("10", "Origin Criterion"), ("11", "RCEP Country of Origin"),
             ("12", "Quantity (Gross weight or other measurement), and value (FOB) where RVC is applied"),
             ("13", "Invoice number(s) and date of invoice(s)")]
    for (num, text), x0, x1 in zip(heads, xs, xs[1:]):
        sh.text(x0 + 2.5, top + 3, num, 6.6, capb)
        _lines(sh, x0 + 2.5, top + 12, [text], x1 - x0 - 5, 5.6, cap, 1.15)
        if x0 > L:
            sh.vline(x0, top, bottom)
    sh.hline(L, R, top + 46)
    size = 8
    y = top + 53
    for item in items:
        hs = item.get("hs_code") or ""
        qty = []
        if item.get("quantity") is not None:
            qty.append(f"{fmt_qty(item['quantity'])} {item.get('quantity_unit') or ''}".strip())
        if item.get("fob_value") is not None:
            cur = item.get("fob_currency") or ""
            qty.append(f"FOB {SYMBOL.get(cur, cur + ' ')}{fmt_num(item['fob_value'])}")
        cells = [[str(item["item_number"])], [item.get("marks") or ""],
                 [item.get("packages") or "", item.get("description") or ""],
                 [f"{hs[:4]}.{hs[4:]}" if len(hs) == 6 else hs], [item.get("origin_criterion") or ""],
                 [country_name(item.get("country_of_origin"))], qty,
                 [item.get("invoice_number") or "", _us(item.get("invoice_date"))]]
        used = 0.0
        for cell, x0, x1 in zip(cells, xs, xs[1:]):
            lines: list[str] = []
            for s in cell:
                lines += sh.wrap(s, x1 - x0 - 5, size, cap) if s else []
            for k, line in enumerate(lines):
                sh.text(x0 + 2.5, y + k * 10, line, size, cap)
            used = max(used, len(lines) * 10)
        y += used + 7
        if y > bottom - 22:
            raise ValueError("too many items for one sheet")
    n = len(items)
    sh.text(xs[2] + 2.5, y + 2, f"SAY TOTAL {in_words(n)} ({n}) ITEM{'S' if n > 1 else ''} ONLY", size, cap)


def render_certificate_j(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    cap, capb, _ = _fonts()
    sh = Sheet("Certificate of Origin (Form RCEP)")
    L, R, MID = 30.0, 565.0, 300.0
    sh.rect(L, 30, R, 806)
    sh.vline(MID, 30, 250)
    _box(sh, "1", "Exporter's name, address and country", L, 30, MID)
    _lines(sh, L + 18, 46, [f.get("exporter_name") or "", f.get("exporter_address") or ""], MID - L - 26, 8.5, cap)
    sh.hline(L, MID, 96)
    _box(sh, "2", "Importer's or consignee's name, address and country", L, 96, MID)
    _lines(sh, L + 18, 112, [f.get("importer_name") or "", f.get("importer_address") or ""], MID - L - 26, 8.5, cap)
    sh.hline(L, MID, 162)
    _box(sh, "3", "Producer's name, address and country (if known)", L, 162, MID)
    _lines(sh, L + 18, 178, [f.get("producer_name") or ""], MID - L - 26, 8.5, cap)
    # the number in a box under its caption, the form's title, and where it was issued
    sh.text(MID + 6, 36, "Certificate No.", 6.8, cap)
    sh.rect(MID + 6, 46, MID + 150, 62)
    sh.text(MID + 10, 49.5, f.get("certificate_number") or "", 9.5, "DV8B")
    sh.center((MID + R) / 2 + 60, 40, "Form RCEP", 11, capb)
    sh.center((MID + R) / 2, 70, "REGIONAL COMPREHENSIVE ECONOMIC PARTNERSHIP AGREEMENT", 6.8, capb)
    sh.center((MID + R) / 2, 80, "CERTIFICATE OF ORIGIN", 9, capb)
    sh.text(MID + 40, 98, "Issued in", 7, cap)
    sh.text(MID + 80, 97, country_name(f.get("issued_in")), 8.5, capb)
    sh.text(MID + 84, 108, "(Country)", 5.8, cap)
    sh.hline(MID, R, 124)
    _box(sh, "5", "For Official Use", MID, 124, R)
    sh.checkbox(MID + 20, 142, False, "Preferential Treatment Given Under RCEP Agreement", 6.2)
    sh.checkbox(MID + 20, 156, False, "Preferential Treatment Not Given (Please state reason/s)", 6.2)
    sh.hline(MID + 20, R - 10, 226)
    sh.text(MID + 20, 229, "Signature of Authorised Signatory of the Importing Party", 5.6, cap)
    sh.hline(L, MID, 200)
    _box(sh, "4", "Means of transport and route (if known)", L, 200, MID)
    y = 214.0
    for caption, val in (("Departure Date", _long(f.get("departure_date"))),
                         ("Vessel's name / Aircraft flight number", f.get("transport") or ""),
                         ("Port of Discharge", f.get("port_of_discharge") or "")):
        sh.text(L + 18, y, caption, 5.8, cap)
        sh.text(L + 150, y - 1, val, 8, cap)
        y += 11
    sh.hline(L, R, 250)
    _co_goods(sh, f["items"], 250, 590, L, R)
    sh.hline(L, R, 590)
    _box(sh, "14", "Remarks", L, 590, R)
    sh.para(L + 18, 606, R - L - 26, f.get("remarks") or "", 8, cap)
    sh.hline(L, R, 628)
    sh.vline(MID, 628, 774)
    _box(sh, "15", "Declaration by the exporter or producer", L, 628, MID)
    y = sh.para(L + 18, 644, MID - L - 24, DECLARATION, 6, cap)
    sh.text(L + 18, y + 3, "The goods are exported to:", 6.4, cap)
    sh.text(L + 120, y + 2, country_name(f.get("importing_country")), 8.5, capb)
    sh.text(L + 124, y + 13, "(Importing Country)", 5.4, cap)
    sh.text(L + 18, 733, f"{f.get('declaration_place') or ''}, {_long(f.get('declaration_date'))}", 8.5, cap)
    sh.hline(L + 18, MID - 8, 746)
    sh.text(L + 18, 749, "Place and date, name, signature and company of authorised signatory", 5.4, cap)
    _box(sh, "16", "Certification", MID, 628, R)
    y = sh.para(MID + 18, 644, R - MID - 24, CERTIFICATION, 6, cap)
    sh.para(MID + 18, y + 5, R - MID - 26, f.get("issuing_authority") or "", 8, capb)
    sh.text(MID + 18, 733, f"{f.get('issue_place') or ''}, {_long(f.get('issue_date'))}", 8.5, cap)
    sh.hline(MID + 18, R - 8, 746)
    sh.text(MID + 18, 749, "Place and date, signature and stamp of the Issuing Body", 5.4, cap)
    sh.hline(L, R, 774)
    _box(sh, "17", "", L, 774, L + 20)
    x = L + 24
    for key, label in (("back_to_back", "Back-to-back Certificate of Origin"),
                       ("third_party_invoicing", "Third-party invoicing"),
                       ("issued_retroactively", "Issued retroactively")):
        sh.checkbox(x, 786, bool(f.get(key)), label, 6.6)
        x += 30 + pdfmetrics.stringWidth(label, "Helvetica", 6.6) + 14
    return sh.finish()


# ---------------------------------------------------------------- an accounting package's invoice and packing list

def _acct_head(sh: Sheet, title: str, seller: tuple[str, str], customer: tuple[str, str],
               meta: list[tuple[str, str]]) -> float:
    """Title at the top left, the customer's block under it without a caption, the seller's block at the top right,
    captions stacked over their values in the middle. The y under the whole head."""
    sh.text(40, 40, title, 20, "Helvetica-Bold")
    y = _lines(sh, 40, 78, [customer[0], customer[1]], 190, 8.5, "Helvetica")
    my = 42.0
    for caption, val in meta:
        sh.text(260, my, caption, 7.5, "Helvetica-Bold")
        sh.text(260, my + 10, val, 8.5, "Helvetica")
        my += 26
    sy = _lines(sh, 400, 42, [seller[0], seller[1]], 155, 8.5, "Helvetica")
    return max(y, my, sy) + 18


def _acct_headings(sh: Sheet, cols: list[tuple[str, float, float, str]], y: float) -> float:
    """The goods' headings in bold, set left or right as their figures are, ruled under; the y of the first row."""
    for text, x0, x1, align in cols:
        if align == "r":
            sh.text_right(x1, y, text, 8, "Helvetica-Bold")
        else:
            sh.text(x0, y, text, 8, "Helvetica-Bold")
    sh.hline(40, 555, y + 12)
    return y + 18


def render_invoice_k(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = Sheet("Tax Invoice")
    cur = f.get("currency") or "USD"
    y = _acct_head(sh, "TAX INVOICE", (f.get("seller_name") or "", f.get("seller_address") or ""),
                   (f.get("buyer_name") or "", f.get("buyer_address") or ""),
                   [("Invoice Date", _short(f.get("invoice_date"))), ("Invoice Number", f.get("invoice_number") or ""),
                    ("Reference", f"PO {opts.get('po', (f.get('invoice_number') or '')[-4:])}")])
    cols = [("Description", 40, 230, "l"), ("HS Code", 236, 290, "l"), ("Quantity", 290, 350, "r"),
            ("Unit", 356, 392, "l"), ("Unit Price", 392, 470, "r"), (f"Amount {cur}", 470, 555, "r")]
    y = _acct_headings(sh, cols, y)
    for item in f["items"]:
        desc = sh.wrap(item.get("description") or "", 185, 8.5)
        for j, line in enumerate(desc):
            sh.text(40, y + j * 10.5, line, 8.5)
        sh.text(236, y, item.get("hs_code") or "", 8.5)
        sh.text_right(350, y, fmt_qty(item.get("quantity")), 8.5)
        sh.text(356, y, (item.get("quantity_unit") or "").lower(), 8.5)
        sh.text_right(470, y, fmt_num(item.get("unit_price")), 8.5)
        sh.text_right(555, y, fmt_num(item.get("amount")), 8.5)
        y += len(desc) * 10.5 + 5
        sh.hline(40, 555, y - 1)
        y += 5
    total = fmt_num(f.get("total_amount"))
    sh.text(392, y + 4, "Subtotal", 8.5)
    sh.text_right(555, y + 4, total, 8.5)
    sh.hline(392, 555, y + 18)
    sh.text(392, y + 24, f"TOTAL {cur}", 9, "Helvetica-Bold")
    sh.text_right(555, y + 24, total, 9, "Helvetica-Bold")
    y += 60
    sh.text(40, y, f"Delivery terms: {opts.get('incoterm_text', f.get('incoterm') or '')}", 8.5)
    sh.text(40, y + 12, f"Country of origin: {country_name(f.get('seller_country'))}", 8.5)
    sh.text(40, y + 24, "Due Date: 30 days from date of B/L", 8.5, "Helvetica-Bold")
    sh.hline(40, 555, 730)
    sh.text(40, 736, "PAYMENT ADVICE", 10, "Helvetica-Bold")
    sh.text(40, 752, f"To: {f.get('seller_name') or ''}", 8)
    sh.text(300, 752, f"Customer: {f.get('buyer_name') or ''}", 8)
    sh.text(300, 764, f"Invoice Number: {f.get('invoice_number') or ''}", 8)
    sh.text(300, 776, f"Amount Due: {cur} {total}", 8)
    return sh.finish()


def render_packing_list_i(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = Sheet("Packing List")
    unit = (f.get("weight_unit") or "KGS").lower().rstrip("s")
    y = _acct_head(sh, "PACKING LIST", (f.get("shipper_name") or "", opts.get("shipper_address") or ""),
                   (f.get("consignee_name") or "", opts.get("consignee_address") or ""),
                   [("Date", _short(f.get("date"))), ("Invoice Number", f.get("invoice_number") or ""),
                    ("Vessel", opts.get("vessel", ""))])
    cols = [("Description", 40, 230, "l"), ("Quantity", 230, 290, "r"), ("Unit", 296, 330, "l"),
            ("Packages", 330, 405, "r"), (f"Net Wt ({unit})", 405, 480, "r"), (f"Gross Wt ({unit})", 480, 555, "r")]
    y = _acct_headings(sh, cols, y)
    kinds = opts.get("package_kinds", {})
    for item in f["items"]:
        desc = sh.wrap(item.get("description") or "", 185, 8.5)
        for j, line in enumerate(desc):
            sh.text(40, y + j * 10.5, line, 8.5)
        sh.text_right(290, y, fmt_qty(item.get("quantity")), 8.5)
        sh.text(296, y, (item.get("quantity_unit") or "").lower(), 8.5)
        sh.text_right(405, y, f"{fmt_qty(item.get('packages'))} {kinds.get(item.get('description'), 'PKGS')}", 8.5)
        sh.text_right(480, y, fmt_num(item.get("net_weight")), 8.5)
        sh.text_right(555, y, fmt_num(item.get("gross_weight")), 8.5)
        y += len(desc) * 10.5 + 5
        sh.hline(40, 555, y - 1)
        y += 5
    sh.text(40, y + 4, "TOTAL", 9, "Helvetica-Bold")
    sh.text_right(405, y + 4, f"{fmt_qty(f.get('total_packages'))} PKGS", 9, "Helvetica-Bold")
    sh.text_right(480, y + 4, fmt_num(f.get("total_net_weight")), 9, "Helvetica-Bold")
    sh.text_right(555, y + 4, fmt_num(f.get("total_gross_weight")), 9, "Helvetica-Bold")
    sh.hline(40, 555, y + 18)
    return sh.finish()


# ---------------------------------------------------------------- a carrier's bill of lading, legacy print

def render_bill_of_lading_i(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    cap, capb, mono = _fonts()
    sh = Sheet("Bill of Lading")
    L, R, MID = 28.0, 567.0, 300.0
    val = 8.2

    def cell(caption: str, lines: list[str], x0: float, top: float, x1: float, bottom: float) -> None:
        sh.rect(x0, top, x1, bottom)
        sh.text(x0 + 3, top + 3, caption, 6.2, "Helvetica")
        _lines(sh, x0 + 6, top + 14, lines, x1 - x0 - 10, val, mono, 1.25)

    cell("Shipper (Name and Full Address)", [f.get("shipper_name") or "", opts.get("shipper_address") or ""],
         L, 30, MID, 100)
    cell("Consignee (Name and Full Address) / Non-negotiable unless consigned to order",
         [f.get("consignee_name") or ""] + ([opts["consignee_address"]] if opts.get("consignee_address") else []),
         L, 100, MID, 170)
    cell("Notify Party (Name and Full Address)", [f.get("notify_party") or ""] +
         ([opts["notify_address"]] if opts.get("notify_address") else []), L, 170, MID, 240)
    cell("B/L No.", [f.get("bl_number") or ""], MID, 30, MID + 130, 56)
    cell("Booking No.", [f"BKG{(f.get('bl_number') or '')[-6:]}"], MID + 130, 30, R, 56)
    sh.text(MID + 10, 66, "BILL OF LADING", 15, "Helvetica-Bold")
    sh.text(MID + 10, 86, "FOR PORT-TO-PORT OR COMBINED TRANSPORT", 6.5, "Helvetica")
    sh.para(MID + 10, 100, R - MID - 20, "RECEIVED by the Carrier from the Shipper in apparent good order and "
            "condition unless otherwise noted herein the total number or quantity of Containers or other packages "
            "or units indicated below.", 5.6, "Helvetica")
    cell("Pre-carriage by", [""], L, 240, L + 136, 268)
    cell("Place of Receipt", [f.get("port_of_loading") or ""], L + 136, 240, MID, 268)
    cell("Ocean Vessel / Voy. No.", [f"{f.get('vessel') or ''} / {f.get('voyage') or ''}"], L, 268, L + 136, 296)
    cell("Port of Loading", [f.get("port_of_loading") or ""], L + 136, 268, MID, 296)
    cell("Port of Discharge", [f.get("port_of_discharge") or ""], L, 296, L + 136, 324)
    cell("Place of Delivery", [f.get("port_of_discharge") or ""], L + 136, 296, MID, 324)
    cell("Export References", [""], MID, 240, R, 324)
    sh.rect(L, 324, R, 560)
    heads = [("Container No. / Seal No.", "Marks & Nos.", L, 150), ("No. of Cont-", "ainers or Pkgs", 150, 222),
             ("Kind of Packages; Description of Goods", "", 222, 420), ("Gross Weight", "", 420, 495),
             ("Measurement", "", 495, R)]
    for a, b, x0, _x1 in heads:
        sh.text(x0 + 3, 327, a, 6.2, "Helvetica")
        sh.text(x0 + 3, 335, b, 6.2, "Helvetica")
        if x0 > L:
            sh.vline(x0, 324, 530)
    sh.hline(L, R, 344)
    n = f.get("total_packages")
    sh.text(L + 5, 350, "N/M", val, mono)
    sh.text(154, 350, f"{fmt_qty(n)} PKGS", val, mono)
    y = 350.0
    for d in opts.get("descriptions", []):
        y = _lines(sh, 226, y, [d], 190, val, mono, 1.25)
    gw = f.get("gross_weight")
    if gw is not None:  # (wrapped in its column: a large weight's unit goes under its figures)
        _lines(sh, 424, 350, [f"{fmt_num(gw, 3)} {f.get('weight_unit') or 'KGS'}"], 495 - 424 - 3, val, mono, 1.25)
    sh.text(499, 350, "24.000 CBM", val, mono)
    sh.text(226, y + 10, '"SHIPPER\'S LOAD, COUNT AND SEAL"', val, mono)
    sh.text(226, y + 22, "FREIGHT PREPAID", val, mono)
    sh.hline(L, R, 530)
    if n is not None:
        sh.text(L + 4, 536, "Total No. of Containers or Packages (in words):", 6.2, "Helvetica")
        sh.text(L + 170, 535, f"SAY: {in_words(int(n))} ({fmt_qty(n)}) PACKAGES ONLY", val, mono)
    cell("Place and Date of Issue", [f"{f.get('port_of_loading') or ''} {_short(f.get('on_board_date')).upper()}"],
         MID, 560, R, 590)
    cell("Laden on Board the Vessel", [f"DATE: {_short(f.get('on_board_date')).upper()}",
                                       f"BY: {f.get('vessel') or ''}"], L, 560, MID, 600)
    sh.text(MID + 10, 640, "Signed as Carrier", 7.5, "Helvetica")
    sh.hline(MID + 10, R - 10, 630)
    return sh.finish()


RENDERERS_EIGHTH = {"co-j": render_certificate_j, "inv-k": render_invoice_k, "pl-i": render_packing_list_i,
                    "bl-i": render_bill_of_lading_i}
