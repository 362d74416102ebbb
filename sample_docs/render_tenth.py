"""A tenth held-out layout family (`generate --layouts tenth`), drawn after extraction had been tuned on the
ninth, so that it gives a blind number again.

How it differs from the other families, on realism grounds: a certificate typed into a chamber of commerce's
word-processor template (Times, box numbers in brackets - '(1)', '(2)' - before captions worded a little
differently, Box 4 as 'From:', 'To:', 'By:' and 'Sailing on or about:' lines, ordinal dates - '12th March 2025' -,
Box 12's value with its currency after the figure, Box 13's invoice 'dated' on the line under its number, the
places and dates of Boxes 15 and 16 on 'Place:' and 'Date:' lines of their own, and Box 17 ticked with the ballot
box glyphs of the template's font, ☒ and ☐); a Japanese trading house's invoice ('Sold to', the invoice's number and
date under one caption, 'Shipped per' the vessel, amounts with the currency after them and a 'Grand Total'); a
packing and weight list ('Exporter' and 'Importer', 'Ref. Invoice No.' and 'Dated', cases numbered, the totals as
a row of the table); and a freight forwarder's FIATA multimodal bill of lading ('Consignor', 'Consigned to order
of', 'Notify address', 'FBL No.', 'Ocean vessel', weights with their unit after each figure and the on-board date
on a line of its own).
"""
from __future__ import annotations

import os
from functools import lru_cache, partial
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from sample_docs.render import CERTIFICATION, DECLARATION, Sheet, country_name, fmt_date, fmt_num, fmt_qty
from sample_docs.render_seventh import _lines  # wrapped lines from a top, returning the y under them

SERIF, SERIFB = "Times-Roman", "Times-Bold"
DEJAVU = "/usr/share/fonts/truetype/dejavu"


@lru_cache(maxsize=1)
def _glyph_font() -> str:
    """A face with the ballot box glyphs ☒ / ☐ (fonts-dejavu-core), as a word processor substitutes for them."""
    path = os.path.join(DEJAVU, "DejaVuSans.ttf")
    if not os.path.exists(path):
        raise RuntimeError(f"{path} missing; install fonts-dejavu-core (make install does)")
    pdfmetrics.registerFont(TTFont("DV10", path))
    return "DV10"


_nth = partial(fmt_date, style="d_month_nth")  # '12th March 2025'
_mon_nth = partial(fmt_date, style="mon_d_nth")  # 'Mar. 12th, 2025'


def _money_after(x: float | None, cur: str) -> str:
    """'6,132.00 USD'."""
    return f"{fmt_num(x)} {cur}".strip() if x is not None else ""


# ---------------------------------------------------------------- Form RCEP typed into a chamber's template

def _box(sh: Sheet, x: float, top: float, num: str, caption: str, width: float) -> float:
    """'(1) Goods consigned from ...': the bracketed number in bold, the caption after it; the y under it."""
    sh.text(x, top, f"({num})", 7.5, SERIFB)
    return _lines(sh, x + 14, top, [caption], width - 14, 7.5, SERIF, 1.2)


def _co_goods(sh: Sheet, items: list[dict[str, Any]], top: float, L: float, R: float) -> float:
    xs = [L, L + 28, L + 88, L + 236, L + 282, L + 326, L + 370, L + 448, R]
    heads = [("6", "Item No."), ("7", "Marks and numbers on packages"),
             ("8", "Number and kind of packages; and description of goods"), ("9", "HS Code (6-digit)"),
             ("10", "Origin criterion"), ("11", "RCEP country of origin"), ("12", "Quantity and FOB value"),
             ("13", "Invoice number and date")]
    for (num, text), x0, x1 in zip(heads, xs, xs[1:]):
        sh.text(x0 + 2, top + 3, f"({num})", 6.8, SERIFB)
        _lines(sh, x0 + 2, top + 11, [text], x1 - x0 - 4, 6.8, SERIF, 1.15)
        if x0 > L:
            sh.vline(x0, top, top + 290)
    sh.hline(L, R, top + 36)
    size = 8.5
    y = top + 42
    for item in items:
        qty = f"{fmt_qty(item.get('quantity'))} {item.get('quantity_unit') or ''}".strip() \
            if item.get("quantity") is not None else ""
        value = [_money_after(item["fob_value"], item.get("fob_currency") or "")] \
            if item.get("fob_value") is not None else []
        cells = [[str(item["item_number"])], [item.get("marks") or ""],
                 [item.get("packages") or "", item.get("description") or ""], [item.get("hs_code") or ""],
                 [item.get("origin_criterion") or ""], [country_name(item.get("country_of_origin")).title()],
                 [qty] + value,
                 [item.get("invoice_number") or ""] + ([f"dated {_nth(item['invoice_date'])}"]
                                                       if item.get("invoice_date") else [])]
        used = 0.0
        for cell, x0, x1 in zip(cells, xs, xs[1:]):
            lines: list[str] = []
            for s in cell:
                lines += sh.wrap(s, x1 - x0 - 4, size, SERIF) if s else []
            for k, line in enumerate(lines):
                sh.text(x0 + 2, y + k * 10, line, size, SERIF)
            used = max(used, len(lines) * 10)
        y += used + 10
    return top + 290


def _signed(sh: Sheet, x0: float, x1: float, place: str | None, date: str | None, caption: str) -> None:
    """Boxes 15 and 16's foot: 'Place:' over 'Date:', then the signature line and its caption."""
    sh.text(x0, 716, "Place:", 7.5, SERIF)
    sh.text(x0 + 30, 715.5, place or "", 9, SERIF)
    sh.text(x0, 729, "Date:", 7.5, SERIF)
    sh.text(x0 + 30, 728.5, _nth(date), 9, SERIF)
    sh.hline(x0, x1, 748)
    sh.text(x0, 750, caption, 6.2, SERIF)


def render_certificate_l(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = Sheet("Certificate of Origin")
    L, R, MID = 32.0, 563.0, 296.0
    sh.rect(L, 30, R, 808)
    sh.vline(MID, 30, 262)
    y = _box(sh, L + 4, 34, "1", "Goods consigned from (Exporter's business name, address and country)",
             MID - L - 8)
    _lines(sh, L + 18, y + 4, [f.get("exporter_name") or "", f.get("exporter_address") or ""], MID - L - 26, 9,
           SERIF, 1.2)
    sh.hline(L, MID, 104)
    y = _box(sh, L + 4, 108, "2", "Goods consigned to (Importer's or Consignee's business name, address and country)",
             MID - L - 8)
    _lines(sh, L + 18, y + 4, [f.get("importer_name") or "", f.get("importer_address") or ""], MID - L - 26, 9,
           SERIF, 1.2)
    sh.hline(L, MID, 178)
    y = _box(sh, L + 4, 182, "3", "Producer's business name and address (if known)", MID - L - 8)
    _lines(sh, L + 18, y + 3, [f.get("producer_name") or ""], MID - L - 26, 9, SERIF, 1.2)
    # Box 4 spans the right column's lower half
    sh.text(MID + 8, 36, "Certificate of Origin No.:", 8, SERIFB)
    sh.text(MID + 110, 35.5, f.get("certificate_number") or "", 10, SERIFB)
    sh.center((MID + R) / 2, 56, "REGIONAL COMPREHENSIVE ECONOMIC PARTNERSHIP AGREEMENT", 7.5, SERIFB)
    sh.center((MID + R) / 2, 68, "CERTIFICATE OF ORIGIN", 12, SERIFB)
    sh.center((MID + R) / 2, 84, "(Form RCEP)", 8.5, SERIF)
    sh.text(MID + 50, 100, "Issued in", 8, SERIF)
    sh.text(MID + 92, 99.5, country_name(f.get("issued_in")).upper(), 9.5, SERIFB)
    sh.text(MID + 50, 111, "(Country)", 6.5, SERIF)
    sh.hline(MID, R, 124)
    y = _box(sh, MID + 4, 128, "4", "Means of transport and route (if known)", R - MID - 8)
    rows = [("From:", opts.get("port_of_loading", "")), ("To:", f.get("port_of_discharge") or ""),
            ("By:", f.get("transport") or ""), ("Sailing on or about:", _nth(f.get("departure_date")))]
    y += 4
    for caption, val in [r for r in rows if r[1] or r[0] != "From:"]:  # (the loading port where it is known)
        sh.text(MID + 18, y, caption, 8, SERIF)
        sh.text(MID + 18 + pdfmetrics.stringWidth(caption, SERIF, 8) + 6, y - 0.5, val, 9, SERIF)
        y += 13
    sh.hline(MID, R, 200)
    _box(sh, MID + 4, 204, "5", "For official use", R - MID - 8)
    sh.text(MID + 22, 220, "Preferential tariff treatment given under RCEP", 6.5, SERIF)
    sh.text(MID + 22, 231, "Preferential tariff treatment not given (please state reason/s)", 6.5, SERIF)
    sh.hline(MID + 22, R - 12, 252)
    sh.text(MID + 22, 254, "Signature of authorised signatory of the customs authority", 5.8, SERIF)
    sh.hline(L, R, 262)
    bottom = _co_goods(sh, f["items"], 262, L, R)
    sh.hline(L, R, bottom)
    y = _box(sh, L + 4, bottom + 4, "14", "Remarks", R - L - 8)
    sh.para(L + 18, y + 2, R - L - 30, f.get("remarks") or "", 8.5, SERIF)
    sh.hline(L, R, bottom + 42)
    top = bottom + 42
    sh.vline(MID, top, 760)
    y = _box(sh, L + 4, top + 4, "15", "Declaration by the exporter or producer", MID - L - 8)
    y = sh.para(L + 10, y + 3, MID - L - 18, DECLARATION, 6.2, SERIF)
    sh.text(L + 10, y + 3, "These goods are exported to:", 7.5, SERIF)
    sh.text(L + 120, y + 2.5, country_name(f.get("importing_country")).upper(), 9, SERIFB)
    _signed(sh, L + 10, MID - 10, f.get("declaration_place"), f.get("declaration_date"),
            "Signature of authorised signatory")
    y = _box(sh, MID + 4, top + 4, "16", "Certification", R - MID - 8)
    y = sh.para(MID + 10, y + 3, R - MID - 18, CERTIFICATION, 6.2, SERIF)
    sh.text(MID + 10, y + 3, "Certifying body:", 7.5, SERIF)
    sh.para(MID + 70, y + 2.5, R - MID - 80, f.get("issuing_authority") or "", 8.5, SERIFB)
    _signed(sh, MID + 10, R - 10, f.get("issue_place"), f.get("issue_date"),
            "Signature and stamp of the certifying body")
    sh.hline(L, R, 760)
    sh.text(L + 4, 766, "(17)", 7.5, SERIFB)
    glyphs = _glyph_font()
    x = L + 28
    for key, label in (("back_to_back", "Back-to-back Certificate of Origin"),
                       ("third_party_invoicing", "Third-party invoicing"),
                       ("issued_retroactively", "Issued retroactively")):
        sh.text(x, 765, "☒" if f.get(key) else "☐", 10, glyphs)
        sh.text(x + 13, 767, label, 8, SERIF)
        x += pdfmetrics.stringWidth(label, SERIF, 8) + 34
    return sh.finish()


# ---------------------------------------------------------------- a Japanese trading house's invoice

def render_invoice_m(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = Sheet("Invoice")
    cur = f.get("currency") or "USD"
    L, R = 40.0, 555.0
    # the seller's letterhead, the title under it
    sh.center(297, 30, f.get("seller_name") or "", 14, SERIFB)
    sh.center(297, 48, f.get("seller_address") or "", 8, SERIF)
    sh.hline(L, R, 62)
    sh.center(297, 72, "I N V O I C E", 16, SERIFB)
    y = _lines(sh, L, 104, ["Sold to:"], 120, 9, SERIFB)
    y = _lines(sh, L + 10, y + 1, [f"Messrs. {f.get('buyer_name') or ''}", f.get("buyer_address") or ""], 240, 9.5,
               SERIF, 1.25)
    right = [("Invoice No. & Date:", f"{f.get('invoice_number') or ''} / {_mon_nth(f.get('invoice_date'))}"),
             ("Shipped per:", opts.get("vessel", "")),
             ("Sailing on or about:", _mon_nth(opts.get("sailing"))),
             ("From:", opts.get("port_of_loading", "")), ("To:", opts.get("destination", "")),
             ("Terms:", opts.get("incoterm_text", f.get("incoterm") or ""))]
    py = 104.0
    for caption, val in right:
        sh.text(310, py, caption, 9, SERIFB)
        sh.text(400, py, val, 9.5, SERIF)
        py += 14
    y = max(y, py) + 14
    sh.hline(L, R, y - 4)
    for x, text in [(L, "Item"), (L + 30, "Description"), (L + 236, "H.S. Code"), (L + 356, "Unit")]:
        sh.text(x, y, text, 9, SERIFB)
    for x1, text in [(L + 346, "Quantity"), (L + 424, "Unit Price"), (R, "Amount")]:  # figures' headings flush right
        sh.text_right(x1, y, text, 9, SERIFB)
    sh.hline(L, R, y + 13)
    y += 20
    for k, item in enumerate(f["items"], 1):
        sh.text(L, y, f"{k:02d}", 9.5, SERIF)
        desc = sh.wrap(item.get("description") or "", 200, 9.5, SERIF)
        for j, line in enumerate(desc):
            sh.text(L + 30, y + j * 11.5, line, 9.5, SERIF)
        sh.text(L + 236, y, item.get("hs_code") or "", 9.5, SERIF)
        sh.text_right(L + 346, y, fmt_qty(item.get("quantity")), 9.5, SERIF)
        sh.text(L + 356, y, item.get("quantity_unit") or "", 9.5, SERIF)
        sh.text_right(L + 424, y, _money_after(item.get("unit_price"), cur), 9.5, SERIF)
        sh.text_right(R, y, _money_after(item.get("amount"), cur), 9.5, SERIF)
        y += len(desc) * 11.5 + 8
    sh.hline(L, R, y)
    sh.text(L + 292, y + 6, "Grand Total:", 10, SERIFB)
    sh.text_right(R, y + 6, _money_after(f.get("total_amount"), cur), 10, SERIFB)
    sh.hline(L, R, y + 21)
    sh.hline(L, R, y + 23)
    sh.text(L, y + 36, f"Country of Origin: {country_name(f.get('seller_country')).title()}", 9, SERIF)
    sh.text(L, y + 49, "Payment: T/T remittance within 30 days after B/L date", 9, SERIF)
    sh.text(330, 716, f.get("seller_name") or "", 9, SERIFB)
    sh.hline(330, R, 756)
    sh.text(330, 759, "Authorized Signature", 8, SERIF)
    return sh.finish()


# ---------------------------------------------------------------- a packing and weight list

def render_packing_list_k(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = Sheet("Packing and Weight List")
    unit = (f.get("weight_unit") or "KGS").lower()
    L, R = 40.0, 555.0
    sh.center(297, 32, "PACKING AND WEIGHT LIST", 15, SERIFB)
    y = _lines(sh, L, 64, ["Exporter:"], 100, 9, SERIFB)
    y = _lines(sh, L + 10, y + 1, [f.get("shipper_name") or "", opts.get("shipper_address") or ""], 240, 9.5, SERIF)
    y = _lines(sh, L, y + 6, ["Importer:"], 100, 9, SERIFB)
    y = _lines(sh, L + 10, y + 1, [f.get("consignee_name") or "", opts.get("consignee_address") or ""], 240, 9.5,
               SERIF)
    py = 64.0
    for caption, val in (("Ref. Invoice No.:", f.get("invoice_number") or ""), ("Dated:", _nth(f.get("date"))),
                         ("Vessel:", opts.get("vessel", "")), ("Port of Loading:", opts.get("port_of_loading", "")),
                         ("Port of Discharge:", opts.get("destination", ""))):
        sh.text(310, py, caption, 9, SERIFB)
        sh.text(400, py, val, 9.5, SERIF)
        py += 14
    y = max(y, py) + 16
    xs = [L, L + 50, L + 240, L + 310, L + 380, L + 448, R]
    heads = ["Case No.", "Contents", "Qty", "Packages", f"Net Wt ({unit})", f"Gross Wt ({unit})"]
    sh.hline(L, R, y - 4)
    for x, text in zip(xs, heads):
        sh.text(x + 2, y, text, 9, SERIFB)
    sh.hline(L, R, y + 13)
    y += 20
    kinds = opts.get("package_kinds", {})
    first = 1
    for item in f["items"]:
        n = int(item.get("packages") or 0)
        sh.text(L + 2, y, f"{first}~{first + n - 1}" if n > 1 else str(first), 9.5, SERIF)
        first += n
        desc = sh.wrap(item.get("description") or "", 184, 9.5, SERIF)
        for j, line in enumerate(desc):
            sh.text(L + 52, y + j * 11.5, line, 9.5, SERIF)
        sh.text(L + 242, y, f"{fmt_qty(item.get('quantity'))} {item.get('quantity_unit') or ''}", 9.5, SERIF)
        sh.text(L + 312, y, f"{fmt_qty(item.get('packages'))} {kinds.get(item.get('description'), 'PKGS')}", 9.5,
                SERIF)
        sh.text_right(L + 440, y, fmt_num(item.get("net_weight")), 9.5, SERIF)
        sh.text_right(R - 4, y, fmt_num(item.get("gross_weight")), 9.5, SERIF)
        y += len(desc) * 11.5 + 8
    sh.hline(L, R, y)
    sh.text(L + 52, y + 6, "Grand Total", 9.5, SERIFB)
    sh.text(L + 312, y + 6, f"{fmt_qty(f.get('total_packages'))} PKGS", 9.5, SERIFB)
    sh.text_right(L + 440, y + 6, fmt_num(f.get("total_net_weight")), 9.5, SERIFB)
    sh.text_right(R - 4, y + 6, fmt_num(f.get("total_gross_weight")), 9.5, SERIFB)
    sh.hline(L, R, y + 21)
    sh.text(L, y + 40, "Shipping marks: as per invoice", 9, SERIF)
    return sh.finish()


# ---------------------------------------------------------------- a FIATA multimodal transport bill of lading

def render_bill_of_lading_k(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = Sheet("FIATA Multimodal Transport Bill of Lading")
    L, R, MID = 30.0, 565.0, 300.0
    unit = (f.get("weight_unit") or "KGS").lower()

    def cell(caption: str, lines: list[str], x0: float, top: float, x1: float, bottom: float) -> None:
        sh.rect(x0, top, x1, bottom)
        sh.text(x0 + 3, top + 3, caption, 6.5, SERIF)
        _lines(sh, x0 + 6, top + 14, lines, x1 - x0 - 10, 9, SERIF, 1.2)

    cell("Consignor", [f.get("shipper_name") or "", opts.get("shipper_address") or ""], L, 30, MID, 100)
    consignee = f.get("consignee_name") or ""
    cell("Consigned to order of", [consignee] + ([opts["consignee_address"]] if opts.get("consignee_address") else []),
         L, 100, MID, 170)
    cell("Notify address", [f.get("notify_party") or ""] +
         ([opts["notify_address"]] if opts.get("notify_address") else []), L, 170, MID, 240)
    cell("FBL No.", [f.get("bl_number") or ""], MID, 30, MID + 130, 58)
    cell("Shipment ref.", [f"SR-{(f.get('bl_number') or '')[-6:]}"], MID + 130, 30, R, 58)
    sh.text(MID + 12, 70, "NEGOTIABLE FIATA", 9, SERIFB)
    sh.text(MID + 12, 82, "MULTIMODAL TRANSPORT BILL OF LADING", 11, SERIFB)
    sh.para(MID + 12, 100, R - MID - 24, "issued subject to UNCTAD/ICC Rules for Multimodal Transport Documents "
            "(ICC Publication 481).", 6.5, SERIF)
    third = (R - L) / 3
    cell("Place of receipt", [f.get("port_of_loading") or ""], L, 266, L + third, 292)
    cell("Ocean vessel", [f"{f.get('vessel') or ''} Voy. {f.get('voyage') or ''}"], L + third, 266, R - third, 292)
    cell("Port of loading", [f.get("port_of_loading") or ""], R - third, 266, R, 292)
    cell("Port of discharge", [f.get("port_of_discharge") or ""], L, 292, L + third, 318)
    cell("Place of delivery", [f.get("port_of_discharge") or ""], L + third, 292, R - third, 318)
    cell("Freight amount", ["AS ARRANGED"], R - third, 292, R, 318)
    cell("Pre-carriage by", [""], L, 240, MID, 266)
    cell("Freight forwarder's agent at destination", [""], MID, 240, R, 266)
    sh.rect(L, 318, R, 560)
    heads = [("Marks and numbers", L, 130), ("Number and kind of packages", 130, 230),
             ("Description of goods", 230, 420), ("Gross weight", 420, 495), ("Measurement", 495, R)]
    for text, x0, x1 in heads:
        sh.text(x0 + 3, 322, text, 6.5, SERIF)
        if x0 > L:
            sh.vline(x0, 318, 520)
    sh.hline(L, R, 334)
    sh.text(L + 5, 340, "N/M", 9)
    sh.text(134, 340, f"{fmt_qty(f.get('total_packages'))} {opts.get('package_kind', 'PACKAGES')}", 9, SERIF)
    y = 340.0
    for d in opts.get("descriptions", []):
        y = _lines(sh, 234, y, [d], 182, 9, SERIF, 1.2)
    sh.text(234, y + 10, "SAID TO CONTAIN", 9, SERIF)
    sh.text_right(491, 340, f"{fmt_num(f.get('gross_weight'), 3)} {unit}", 9, SERIF)
    sh.text_right(561, 340, "28.500 cbm", 9, SERIF)
    sh.hline(L, R, 520)
    sh.text(L + 4, 526, "Freight payable at: destination", 8.5, SERIF)
    sh.text(L + 4, 570, "Shipped on board date:", 8.5, SERIFB)
    sh.text(L + 110, 569.5, _nth(f.get("on_board_date")), 9.5, SERIF)
    sh.text(MID + 10, 570, "Place and date of issue:", 8.5, SERIFB)
    sh.text(MID + 10, 584, f"{(f.get('port_of_loading') or '').split(',')[0]}, {_nth(f.get('on_board_date'))}",
            9.5, SERIF)
    sh.text(MID + 10, 650, "Stamp and signature", 7.5, SERIF)
    sh.hline(MID + 10, R - 10, 640)
    return sh.finish()


RENDERERS_TENTH = {"co-l": render_certificate_l, "inv-m": render_invoice_m, "pl-k": render_packing_list_k,
                   "bl-k": render_bill_of_lading_k}
