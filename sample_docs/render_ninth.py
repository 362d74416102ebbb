"""A ninth held-out layout family (`generate --layouts ninth`), drawn after extraction had been tuned on the
eighth, so that it gives a blind number again.

How it differs from the other families, on realism grounds: a certificate from an electronic issuing system that
prints the Form RCEP boxes with Title Case captions ending in a colon ('1. Exporter's Name, Address and Country:'),
values in Courier, Box 4 as a small ruled table with its captions in the left column ('Shipment Date', 'Vessel /
Flight No.', 'Port of Loading', 'Port of Discharge'), the goods table with Boxes 12 and 13 split into columns of
their own ('12. Quantity', '12. FOB Value', '13. Invoice No.', '13. Invoice Date'), dates in ISO form, the goods
closed by '*** LAST ITEM ***', and Box 17 as typed YES / NO answers instead of check boxes; a documentary-credit
invoice and packing list (the seller as 'Beneficiary' and the buyer as 'Applicant', the credit's number and date
among the particulars, numbers printed as Indonesian and Vietnamese offices print them - '12.345,00', '1.200' -
the total also in words); and a carrier's sea waybill (captions in capitals, 'NOTIFY
ADDRESS', 'SWB NO.', vessel and voyage in cells of their own, the weight's unit in its heading and the on-board
date inside the 'SHIPPED ON BOARD' clause).
"""
from __future__ import annotations

from typing import Any

from reportlab.pdfbase import pdfmetrics

from sample_docs.render import CERTIFICATION, DECLARATION, MONTHS_LONG, Sheet, country_name, fmt_date, fmt_num, fmt_qty
from sample_docs.render_fifth import in_words
from sample_docs.render_seventh import _lines  # wrapped lines from a top, returning the y under them

CAP, CAPB, VAL, VALB = "Helvetica", "Helvetica-Bold", "Courier", "Courier-Bold"


def _iso(d: str | None) -> str:
    return fmt_date(d, "iso")


def _spelt(d: str | None) -> str:
    """'12 March 2025' inside a clause."""
    if not d:
        return ""
    y, m, day = d.split("-")
    return f"{int(day)} {MONTHS_LONG[int(m) - 1].title()} {y}"


def _id_num(x: float | None, decimals: int = 2) -> str:
    """A number the Indonesian way: '.' between thousands, ',' before decimals ('12.345,00')."""
    return fmt_num(x, decimals).replace(",", "_").replace(".", ",").replace("_", ".")


def _id_qty(x: float | None) -> str:
    return fmt_qty(x).replace(",", "_").replace(".", ",").replace("_", ".")


# ---------------------------------------------------------------- Form RCEP from an electronic issuing system

def _caption(sh: Sheet, x: float, top: float, text: str, width: float) -> float:
    return _lines(sh, x, top, [text], width, 6.8, CAPB, 1.2)


def _co_goods(sh: Sheet, items: list[dict[str, Any]], top: float, L: float, R: float) -> float:
    xs = [L, L + 26, L + 76, L + 190, L + 232, L + 274, L + 322, L + 374, L + 430, L + 482, R]
    heads = ["6. Item No.", "7. Marks and Numbers", "8. Number and Kind of Packages; Description of Goods",
             "9. HS Code", "10. Origin Conferring Criterion", "11. RCEP Country of Origin", "12. Quantity",
             "12. FOB Value", "13. Invoice No.", "13. Invoice Date"]
    for text, x0, x1 in zip(heads, xs, xs[1:]):
        _lines(sh, x0 + 2, top + 3, [text], x1 - x0 - 4, 5.8, CAPB, 1.15)
        if x0 > L:
            sh.vline(x0, top, top + 300)
    sh.hline(L, R, top + 34)
    size = 7.2
    y = top + 40
    for item in items:
        cur = item.get("fob_currency") or ""
        fob = f"{cur} {fmt_num(item['fob_value'])}" if item.get("fob_value") is not None else ""
        qty = f"{fmt_qty(item.get('quantity'))} {item.get('quantity_unit') or ''}".strip() \
            if item.get("quantity") is not None else ""
        cells = [[str(item["item_number"])], [item.get("marks") or ""],
                 [item.get("packages") or "", item.get("description") or ""], [item.get("hs_code") or ""],
                 [item.get("origin_criterion") or ""], [country_name(item.get("country_of_origin")).upper()],
                 [qty], [fob], [item.get("invoice_number") or ""], [_iso(item.get("invoice_date"))]]
        used = 0.0
        for cell, x0, x1 in zip(cells, xs, xs[1:]):
            lines: list[str] = []
            for s in cell:
                lines += sh.wrap(s, x1 - x0 - 4, size, VAL) if s else []
            for k, line in enumerate(lines):
                sh.text(x0 + 2, y + k * 9, line, size, VAL)
            used = max(used, len(lines) * 9)
        y += used + 8
    sh.center((xs[2] + xs[3]) / 2, y + 2, "*** LAST ITEM ***", size, VAL)
    return top + 300


def render_certificate_k(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = Sheet("Certificate of Origin Form RCEP")
    L, R, MID = 30.0, 565.0, 300.0
    sh.rect(L, 28, R, 810)
    sh.vline(MID, 28, 270)

    def party(num: str, caption: str, top: float, bottom: float, name: str, address: str) -> None:
        y = _caption(sh, L + 4, top + 4, f"{num}. {caption}:", MID - L - 8)
        _lines(sh, L + 8, y + 3, [name, address] if address else [name], MID - L - 14, 8, VAL, 1.25)
        sh.hline(L, MID, bottom)

    party("1", "Exporter's Name, Address and Country", 28, 98, f.get("exporter_name") or "",
          f.get("exporter_address") or "")
    party("2", "Importer's or Consignee's Name, Address and Country", 98, 168, f.get("importer_name") or "",
          f.get("importer_address") or "")
    party("3", "Producer's Name and Address, if known", 168, 200, f.get("producer_name") or "", "")
    _caption(sh, L + 4, 204, "4. Means of Transport and Route (if known):", MID - L - 8)
    rows = [("Shipment Date", _iso(f.get("departure_date"))), ("Vessel / Flight No.", f.get("transport") or ""),
            ("Port of Loading", opts.get("port_of_loading", "")), ("Port of Discharge", f.get("port_of_discharge") or "")]
    y = 216.0
    for caption, val in rows:
        sh.rect(L + 8, y, MID - 8, y + 13)
        sh.vline(L + 92, y, y + 13)
        sh.text(L + 11, y + 3.5, caption, 6.6, CAP)
        sh.text(L + 96, y + 3, val, 7.6, VAL)
        y += 13
    # the right column: number, title, issuing country, official use
    sh.text(MID + 6, 36, "Certificate No.:", 7.5, CAPB)
    sh.text(MID + 72, 35.5, f.get("certificate_number") or "", 9, VALB)
    sh.center((MID + R) / 2, 60, "REGIONAL COMPREHENSIVE ECONOMIC PARTNERSHIP", 8, CAPB)
    sh.center((MID + R) / 2, 72, "CERTIFICATE OF ORIGIN", 11, CAPB)
    sh.center((MID + R) / 2, 88, "Form RCEP", 9, CAP)
    sh.text(MID + 40, 106, "Issued in:", 7.5, CAPB)
    sh.text(MID + 84, 105.5, country_name(f.get("issued_in")).upper(), 8.5, VAL)
    sh.hline(MID, R, 128)
    _caption(sh, MID + 4, 132, "5. For Official Use:", R - MID - 8)
    sh.text(MID + 12, 148, "[ ] Preferential treatment given under the RCEP Agreement", 6.5, CAP)
    sh.text(MID + 12, 160, "[ ] Preferential treatment not given (please state reason/s)", 6.5, CAP)
    sh.hline(MID + 12, R - 10, 248)
    sh.text(MID + 12, 251, "Signature of authorised signatory of the importing Party", 5.8, CAP)
    sh.hline(L, R, 270)
    bottom = _co_goods(sh, f["items"], 270, L, R)
    sh.hline(L, R, bottom)
    y = _caption(sh, L + 4, bottom + 4, "14. Remarks:", R - L - 8)
    sh.para(L + 8, y + 2, R - L - 16, f.get("remarks") or "", 7.6, VAL)
    sh.hline(L, R, bottom + 40)
    top = bottom + 40
    sh.vline(MID, top, 760)
    y = _caption(sh, L + 4, top + 4, "15. Declaration by the Exporter or Producer:", MID - L - 8)
    y = sh.para(L + 8, y + 2, MID - L - 14, DECLARATION, 5.8, CAP)
    sh.text(L + 8, y + 3, "Importing Party:", 6.8, CAPB)
    sh.text(L + 74, y + 2.5, country_name(f.get("importing_country")).upper(), 8, VAL)
    sh.text(L + 8, 728, "Place and Date:", 6.8, CAPB)
    sh.text(L + 70, 727.5, f"{f.get('declaration_place') or ''}, {_iso(f.get('declaration_date'))}", 8, VAL)
    sh.hline(L + 8, MID - 8, 748)
    sh.text(L + 8, 751, "Signature, name and company of the authorised signatory", 5.6, CAP)
    y = _caption(sh, MID + 4, top + 4, "16. Certification:", R - MID - 8)
    y = sh.para(MID + 8, y + 2, R - MID - 14, CERTIFICATION, 5.8, CAP)
    sh.text(MID + 8, y + 4, "Issuing Body:", 6.8, CAPB)
    sh.para(MID + 64, y + 3.5, R - MID - 72, f.get("issuing_authority") or "", 7.6, VAL)
    sh.text(MID + 8, 728, "Place and Date:", 6.8, CAPB)
    sh.text(MID + 70, 727.5, f"{f.get('issue_place') or ''}, {_iso(f.get('issue_date'))}", 8, VAL)
    sh.hline(MID + 8, R - 8, 748)
    sh.text(MID + 8, 751, "Signature and stamp of the Issuing Body", 5.6, CAP)
    sh.hline(L, R, 760)
    _caption(sh, L + 4, 764, "17.", 20)
    x = L + 24
    for key, label in (("back_to_back", "Back-to-back Certificate of Origin"),
                       ("third_party_invoicing", "Third-party invoicing"),
                       ("issued_retroactively", "Issued retroactively")):
        sh.text(x, 765, f"{label}:", 6.8, CAP)
        x += pdfmetrics.stringWidth(f"{label}:", CAP, 6.8) + 4
        sh.text(x, 764.5, "YES" if f.get(key) else "NO", 8, VALB)
        x += 34
    return sh.finish()


# ---------------------------------------------------------------- a documentary-credit invoice and packing list

def _lc_head(sh: Sheet, title: str, seller: tuple[str, str], buyer: tuple[str, str],
             particulars: list[tuple[str, str]]) -> float:
    """The title centred, then a ruled grid: 'Beneficiary' over 'Applicant' at the left, the particulars as
    'Caption: value' lines at the right. The y under the grid."""
    sh.center(297, 34, title, 15, CAPB)
    sh.hline(36, 559, 54)
    L, MID, R = 36.0, 300.0, 559.0
    y = _lines(sh, L + 4, 58, ["Beneficiary:"], 200, 7.5, CAPB)
    y = _lines(sh, L + 8, y + 1, [seller[0], seller[1]], MID - L - 14, 8.5, CAP, 1.25)
    mid_y = max(y + 6, 120)
    sh.hline(L, MID, mid_y)
    y = _lines(sh, L + 4, mid_y + 4, ["Applicant:"], 200, 7.5, CAPB)
    y = _lines(sh, L + 8, y + 1, [buyer[0], buyer[1]], MID - L - 14, 8.5, CAP, 1.25)
    py = 60.0
    for caption, val in particulars:
        sh.text(MID + 6, py, f"{caption}:", 7.5, CAPB)
        sh.text(MID + 100, py, val, 8.5, CAP)
        py += 14
    bottom = max(y, py) + 8
    sh.rect(L, 54, R, bottom)
    sh.vline(MID, 54, bottom)
    return bottom + 14


def _lc_headings(sh: Sheet, cols: list[tuple[float, str]], y: float) -> float:
    """The goods' headings in bold between two rulings; the y of the first row."""
    for x, text in cols:
        sh.text(x, y, text, 7.8, CAPB)
    sh.hline(36, 559, y - 4)
    sh.hline(36, 559, y + 11)
    return y + 18


def render_invoice_l(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = Sheet("Commercial Invoice")
    cur = f.get("currency") or "USD"
    inv_no = f.get("invoice_number") or ""
    digits = "".join(ch for ch in inv_no if ch.isdigit())[-4:]
    lc_date = fmt_date(opts.get("sailing") or f.get("invoice_date"), "dmy")  # the credit's date, not the invoice's
    y = _lc_head(sh, "COMMERCIAL INVOICE", (f.get("seller_name") or "", f.get("seller_address") or ""),
                 (f.get("buyer_name") or "", f.get("buyer_address") or ""),
                 [("Invoice No.", inv_no), ("Invoice Date", fmt_date(f.get("invoice_date"), "dmy")),
                  ("L/C No.", f"0{digits}LC{(f.get('invoice_date') or '0000')[2:4]}"), ("L/C Date", lc_date),
                  ("Terms of Delivery", opts.get("incoterm_text", f.get("incoterm") or "")),
                  ("Port of Loading", opts.get("port_of_loading", "")), ("Destination", opts.get("destination", ""))])
    y = _lc_headings(sh, [(36, "No."), (58, "Description of Goods"), (262, "H.S. Code"), (318, "Quantity"),
                          (402, f"Unit Price ({cur})"), (482, f"Amount ({cur})")], y)
    for k, item in enumerate(f["items"], 1):
        sh.text(36, y, str(k), 8.5)
        desc = sh.wrap(item.get("description") or "", 196, 8.5)
        for j, line in enumerate(desc):
            sh.text(58, y + j * 10.5, line, 8.5)
        sh.text(262, y, item.get("hs_code") or "", 8.5)
        sh.text(318, y, f"{_id_qty(item.get('quantity'))} {item.get('quantity_unit') or ''}", 8.5)
        sh.text_right(470, y, _id_num(item.get("unit_price")), 8.5)
        sh.text_right(559, y, _id_num(item.get("amount")), 8.5)
        y += len(desc) * 10.5 + 8
    sh.hline(36, 559, y)
    total = f.get("total_amount")
    sh.text(262, y + 6, "TOTAL", 9, CAPB)
    sh.text_right(559, y + 6, f"{cur} {_id_num(total)}", 9, CAPB)
    sh.hline(36, 559, y + 20)
    if total is not None:
        cents = round(total * 100) % 100
        words = f"SAY: {cur} {in_words(int(total))}{f' AND CENTS {in_words(cents)}' if cents else ''} ONLY"
        y = sh.para(36, y + 28, 523, words, 8, CAP)
    else:
        y += 28
    sh.text(36, y + 10, f"Country of Origin: {country_name(f.get('seller_country')).upper()}", 8.5)
    sh.text(36, y + 22, f"We hereby certify that the goods are as per Proforma Invoice No. PI-{digits}.", 8)
    sh.text(340, 720, f"For and on behalf of {f.get('seller_name') or ''}"[:60], 7.5)
    sh.hline(380, 559, 760)
    sh.text(380, 764, "Authorised Signature", 7.5)
    return sh.finish()


def render_packing_list_j(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = Sheet("Packing List")
    unit = f.get("weight_unit") or "KGS"
    y = _lc_head(sh, "PACKING LIST", (f.get("shipper_name") or "", opts.get("shipper_address") or ""),
                 (f.get("consignee_name") or "", opts.get("consignee_address") or ""),
                 [("Invoice No.", f.get("invoice_number") or ""), ("Date", fmt_date(f.get("date"), "dmy")),
                  ("Vessel / Voyage", opts.get("vessel", "")), ("Port of Loading", opts.get("port_of_loading", "")),
                  ("Destination", opts.get("destination", ""))])
    y = _lc_headings(sh, [(36, "C/No."), (86, "Description of Goods"), (282, "Quantity"), (352, "Packages"),
                          (428, f"N.W. ({unit})"), (494, f"G.W. ({unit})")], y)
    kinds = opts.get("package_kinds", {})
    first = 1
    for item in f["items"]:
        n = int(item.get("packages") or 0)
        sh.text(36, y, f"{first}-{first + n - 1}" if n > 1 else str(first), 8.5)
        first += n
        desc = sh.wrap(item.get("description") or "", 190, 8.5)
        for j, line in enumerate(desc):
            sh.text(86, y + j * 10.5, line, 8.5)
        sh.text(282, y, f"{_id_qty(item.get('quantity'))} {item.get('quantity_unit') or ''}", 8.5)
        sh.text(352, y, f"{_id_qty(item.get('packages'))} {kinds.get(item.get('description'), 'PKGS')}", 8.5)
        sh.text_right(480, y, _id_num(item.get("net_weight")), 8.5)
        sh.text_right(559, y, _id_num(item.get("gross_weight")), 8.5)
        y += len(desc) * 10.5 + 8
    sh.hline(36, 559, y)
    y += 10
    for caption, val in (("TOTAL PACKAGES", f"{_id_qty(f.get('total_packages'))} PACKAGES"),
                         ("TOTAL NET WEIGHT", f"{_id_num(f.get('total_net_weight'))} {unit}"),
                         ("TOTAL GROSS WEIGHT", f"{_id_num(f.get('total_gross_weight'))} {unit}")):
        sh.text(282, y, caption, 8.5, CAPB)
        sh.text(400, y, f": {val}", 8.5, CAP)
        y += 12
    sh.text(36, y + 14, "SHIPPING MARKS: AS PER INVOICE", 8)
    return sh.finish()


# ---------------------------------------------------------------- a carrier's sea waybill

def render_bill_of_lading_j(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = Sheet("Sea Waybill")
    L, R, MID = 28.0, 567.0, 300.0
    unit = f.get("weight_unit") or "KGS"

    def cell(caption: str, lines: list[str], x0: float, top: float, x1: float, bottom: float) -> None:
        sh.rect(x0, top, x1, bottom)
        sh.text(x0 + 3, top + 3, caption, 6, CAPB)
        _lines(sh, x0 + 5, top + 13, lines, x1 - x0 - 9, 8.2, CAP, 1.25)

    cell("SHIPPER", [f.get("shipper_name") or "", opts.get("shipper_address") or ""], L, 30, MID, 100)
    cell("CONSIGNEE", [f.get("consignee_name") or ""] +
         ([opts["consignee_address"]] if opts.get("consignee_address") else []), L, 100, MID, 170)
    cell("NOTIFY ADDRESS", [f.get("notify_party") or ""] +
         ([opts["notify_address"]] if opts.get("notify_address") else []), L, 170, MID, 240)
    cell("SWB NO.", [f.get("bl_number") or ""], MID, 30, MID + 130, 56)
    cell("BOOKING NO.", [f"BK{(f.get('bl_number') or '')[-7:]}"], MID + 130, 30, R, 56)
    sh.text(MID + 10, 66, "SEA WAYBILL", 16, CAPB)
    sh.text(MID + 10, 86, "NON-NEGOTIABLE", 8, CAPB)
    sh.para(MID + 10, 100, R - MID - 20, "This Sea Waybill is not a document of title. Delivery will be made to the "
            "Consignee named herein or its authorised agent on production of proof of identity.", 5.8, CAP)
    cell("VESSEL", [f.get("vessel") or ""], L, 240, L + 170, 266)
    cell("VOYAGE NO.", [f.get("voyage") or ""], L + 170, 240, MID, 266)
    cell("PORT OF LOADING", [f.get("port_of_loading") or ""], L, 266, L + 170, 292)
    cell("PORT OF DISCHARGE", [f.get("port_of_discharge") or ""], L + 170, 266, MID + 90, 292)
    cell("PLACE OF DELIVERY", [f.get("port_of_discharge") or ""], MID + 90, 266, R, 292)
    cell("FORWARDING AGENT", [""], MID, 240, R, 266)
    sh.rect(L, 292, R, 560)
    heads = [("MARKS AND NUMBERS", L, 130), ("NUMBER AND KIND OF PACKAGES", 130, 230),
             ("DESCRIPTION OF GOODS", 230, 420), (f"GROSS WEIGHT ({unit})", 420, 495), ("MEASUREMENT (CBM)", 495, R)]
    for text, x0, x1 in heads:
        _lines(sh, x0 + 3, 296, [text], x1 - x0 - 6, 6, CAPB, 1.2)
        if x0 > L:
            sh.vline(x0, 292, 520)
    sh.hline(L, R, 316)
    n = f.get("total_packages")
    sh.text(L + 5, 322, "N/M", 8.2)
    sh.text(134, 322, f"{fmt_qty(n)} {opts.get('package_kind', 'PACKAGES')}", 8.2)
    y = 322.0
    for d in opts.get("descriptions", []):
        y = _lines(sh, 234, y, [d], 182, 8.2, CAP, 1.25)
    sh.text(234, y + 10, "SHIPPER'S LOAD, STOW AND COUNT", 8.2)
    sh.text_right(491, 322, fmt_num(f.get("gross_weight"), 3), 8.2)
    sh.text_right(563, 322, "24.000", 8.2)
    sh.hline(L, R, 520)
    sh.text(L + 4, 526, "FREIGHT PREPAID", 8.2, CAPB)
    board = f.get("on_board_date")
    cell("SHIPPED ON BOARD", [f"Shipped on board the vessel named above at the port of loading on {_spelt(board)}."],
         L, 560, MID, 600)
    cell("PLACE AND DATE OF ISSUE", [f"{(f.get('port_of_loading') or '').split(',')[0]}, {_spelt(board)}"],
         MID, 560, R, 600)
    sh.text(MID + 10, 650, "Signed for the Carrier, as Carrier", 7.5)
    sh.hline(MID + 10, R - 10, 640)
    return sh.finish()


RENDERERS_NINTH = {"co-k": render_certificate_k, "inv-l": render_invoice_l, "pl-j": render_packing_list_j,
                   "bl-j": render_bill_of_lading_j}
