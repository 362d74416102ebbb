"""An eleventh held-out layout family (`generate --layouts eleventh`), drawn after extraction had been tuned on the
tenth and after captions came to be read by their meaning, so that it gives a blind number again.

How it differs from the other families, on realism grounds: a certificate printed from a customs office's
electronic issuing system as a list of captioned rows (the caption in a shaded cell on the left, the value in the
cell beside it: 'Certificate Reference Number', 'Issuing Country', 'Exporter', the transport's particulars as rows
of their own, the goods as a ruled table, Box 17's questions answered 'Yes' or 'No'); an exporter's invoice from an
accounting package ('INVOICE' set right over the invoice's particulars, 'BILL TO' and 'SHIP TO' side by side,
'Invoice #', 'Terms', 'Due Date', the goods as 'ITEM & DESCRIPTION' / 'QTY' / 'UOM' / 'RATE' / 'AMOUNT', a
'Sub Total' and a 'Balance Due' under the 'Total'); a packing list with the shipper and consignee side by side
and the cartons numbered ('Carton Nos.'), dimensions in a column of their own; and a container line's sea
waybill (captions asking for the 'complete name and address', the voyage in a cell of its own, the on-board
date in a stamp).
"""
from __future__ import annotations

from typing import Any

from sample_docs.render import CERTIFICATION, DECLARATION, Sheet, country_name, fmt_date, fmt_num, fmt_qty
from sample_docs.render_seventh import _lines  # wrapped lines from a top, returning the y under them

SANS, SANSB = "Helvetica", "Helvetica-Bold"


def _d(iso: str | None) -> str:
    return fmt_date(iso, "dd_mon")  # '05 Mar 2025'


def _shade(sh: Sheet, x0: float, top: float, x1: float, bottom: float) -> None:
    """A caption's cell, shaded light grey as web forms print them."""
    sh.c.saveState()
    sh.c.setFillGray(0.9)
    sh.c.rect(x0, 842 - bottom, x1 - x0, bottom - top, stroke=0, fill=1)
    sh.c.restoreState()


# ---------------------------------------------------------------- Form RCEP from an electronic issuing system

def render_certificate_m(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = Sheet("Certificate of Origin Form RCEP")
    L, R, CAP = 36.0, 559.0, 186.0  # the caption column from L to CAP
    sh.center(297, 30, "REGIONAL COMPREHENSIVE ECONOMIC PARTNERSHIP (RCEP) AGREEMENT", 9, SANSB)
    sh.center(297, 44, "CERTIFICATE OF ORIGIN", 13, SANSB)
    sh.center(297, 61, "Form RCEP", 8.5, SANS)
    sh.rect(R - 52, 26, R, 78)  # the verification QR code's place
    sh.center(R - 26, 48, "[QR]", 7, SANS)
    y = 88.0

    def row(caption: str, lines: list[str], min_h: float = 18.0, size: float = 8.5) -> None:
        nonlocal y
        wrapped = [ln for t in lines if t for ln in sh.wrap(t, R - CAP - 10, size, SANS)]
        caps = sh.wrap(caption, CAP - L - 8, 7.5, SANS)
        h = max(min_h, 6 + 11 * max(len(wrapped), len(caps)))
        _shade(sh, L, y, CAP, y + h)
        sh.rect(L, y, R, y + h)
        sh.vline(CAP, y, y + h)
        for k, c in enumerate(caps):
            sh.text(L + 4, y + 4 + k * 9.5, c, 7.5, SANS)
        for k, ln in enumerate(wrapped):
            sh.text(CAP + 6, y + 4 + k * 11, ln, size, SANS)
        y += h

    row("Certificate Reference Number", [f.get("certificate_number") or ""], size=9.5)
    row("Issuing Country", [country_name(f.get("issued_in")).upper()])
    row("1. Exporter (name, address, country)", [f.get("exporter_name") or "", f.get("exporter_address") or ""])
    row("2. Importer or Consignee (name, address, country)",
        [f.get("importer_name") or "", f.get("importer_address") or ""])
    row("3. Producer (name, address, country)", [f.get("producer_name") or ""])
    row("4. Means of Transport and Route", [])
    row("    Departure Date", [_d(f.get("departure_date"))])
    row("    Vessel Name / Flight No.", [f.get("transport") or ""])
    row("    Port of Loading", [opts.get("port_of_loading", "")])
    row("    Port of Discharge", [f.get("port_of_discharge") or ""])
    row("5. For Official Use", [])
    # Boxes 6-13: a ruled table
    y += 8
    xs = [L, L + 26, L + 84, L + 238, L + 286, L + 330, L + 382, L + 446, R]
    heads = ["6. Item", "7. Marks and Numbers", "8. Number and Kind of Packages; Description of Goods",
             "9. HS Code", "10. Origin Criterion", "11. RCEP Country of Origin", "12. Quantity / FOB Value",
             "13. Invoice No. and Date"]
    top = y
    _shade(sh, L, top, R, top + 32)
    for text, x0, x1 in zip(heads, xs, xs[1:]):
        _lines(sh, x0 + 2, top + 3, [text], x1 - x0 - 4, 6.5, SANS, 1.2)
    sh.hline(L, R, top + 32)
    y = top + 38
    size = 8
    for item in f["items"]:
        qty = f"{fmt_qty(item.get('quantity'))} {item.get('quantity_unit') or ''}".strip() \
            if item.get("quantity") is not None else ""
        value = [f"{item.get('fob_currency') or ''} {fmt_num(item['fob_value'])}".strip()] \
            if item.get("fob_value") is not None else []
        cells = [[str(item["item_number"])], [item.get("marks") or ""],
                 [item.get("packages") or "", item.get("description") or ""], [item.get("hs_code") or ""],
                 [item.get("origin_criterion") or ""], [country_name(item.get("country_of_origin")).upper()],
                 [qty] + value,
                 [item.get("invoice_number") or ""] + ([_d(item["invoice_date"])] if item.get("invoice_date") else [])]
        used = 0.0
        for cell, x0, x1 in zip(cells, xs, xs[1:]):
            lines: list[str] = []
            for s in cell:
                lines += sh.wrap(s, x1 - x0 - 4, size, SANS) if s else []
            for k, line in enumerate(lines):
                sh.text(x0 + 2, y + k * 10, line, size, SANS)
            used = max(used, len(lines) * 10)
        y += used + 8
    bottom = max(y + 4, top + 150)
    sh.rect(L, top, R, bottom)
    for x0 in xs[1:-1]:
        sh.vline(x0, top, bottom)
    y = bottom + 8
    row("14. Remarks", [f.get("remarks") or ""])
    y += 8
    # Boxes 15 and 16 side by side
    MID = (L + R) / 2
    top = y
    _shade(sh, L, top, R, top + 14)
    sh.text(L + 4, top + 3.5, "15. Declaration by the Exporter or Producer", 7.5, SANSB)
    sh.text(MID + 4, top + 3.5, "16. Certification", 7.5, SANSB)
    y1 = sh.para(L + 4, top + 20, MID - L - 10, DECLARATION, 6.5, SANS)
    y2 = sh.para(MID + 4, top + 20, R - MID - 10, CERTIFICATION, 6.5, SANS)
    y = max(y1, y2) + 6
    sh.text(L + 4, y, "Importing Party:", 7.5, SANS)
    sh.text(L + 74, y - 0.5, country_name(f.get("importing_country")).upper(), 8.5, SANSB)
    sh.text(MID + 4, y, "Issuing Authority:", 7.5, SANS)
    _lines(sh, MID + 76, y - 0.5, [f.get("issuing_authority") or ""], R - MID - 82, 8.5, SANSB, 1.2)
    y += 26
    place_date = lambda p, d: ", ".join(x for x in (p or "", _d(d)) if x)  # noqa: E731
    sh.text(L + 4, y, "Place and Date:", 7.5, SANS)
    sh.text(L + 74, y - 0.5, place_date(f.get("declaration_place"), f.get("declaration_date")), 8.5, SANS)
    sh.text(MID + 4, y, "Place and Date:", 7.5, SANS)
    sh.text(MID + 76, y - 0.5, place_date(f.get("issue_place"), f.get("issue_date")), 8.5, SANS)
    sh.hline(L + 4, MID - 10, y + 36)
    sh.text(L + 4, y + 38, "Signature of Authorised Signatory", 6.5, SANS)
    sh.hline(MID + 4, R - 6, y + 36)
    sh.text(MID + 4, y + 38, "Digitally signed by the issuing authority", 6.5, SANS)
    sh.rect(L, top, R, y + 50)
    sh.vline(MID, top, y + 50)
    y += 60
    for key, label in (("back_to_back", "17. Back-to-Back Certificate of Origin"),
                       ("third_party_invoicing", "    Third-Party Invoicing"),
                       ("issued_retroactively", "    Issued Retroactively")):
        row(label, ["Yes" if f.get(key) else "No"], min_h=15)
    return sh.finish()


# ---------------------------------------------------------------- an accounting package's invoice

def render_invoice_n(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = Sheet("Invoice")
    cur = f.get("currency") or "USD"
    L, R = 42.0, 553.0
    sh.text(L, 40, f.get("seller_name") or "", 12, SANSB)
    _lines(sh, L, 57, [f.get("seller_address") or ""], 260, 8, SANS, 1.25)
    sh.text_right(R, 38, "INVOICE", 22, SANSB)
    py = 72.0
    for caption, val in (("Invoice #", f.get("invoice_number") or ""), ("Invoice Date", _d(f.get("invoice_date"))),
                         ("Terms", opts.get("payment", "Net 30")),
                         ("Due Date", _d(opts.get("due_date") or f.get("invoice_date")))):
        sh.text_right(R - 110, py, caption, 8.5, SANSB)
        sh.text_right(R, py, val, 9, SANS)
        py += 13
    y = max(py, 110.0) + 14
    sh.text(L, y, "BILL TO", 8.5, SANSB)
    sh.text(300, y, "SHIP TO", 8.5, SANSB)
    consignee = opts.get("consignee_name") or f.get("buyer_name") or ""
    y1 = _lines(sh, L, y + 13, [f.get("buyer_name") or "", f.get("buyer_address") or ""], 230, 9, SANS, 1.25)
    y2 = _lines(sh, 300, y + 13, [consignee, opts.get("consignee_address") or f.get("buyer_address") or ""], 230, 9,
                SANS, 1.25)
    y = max(y1, y2) + 12
    sh.text(L, y, f"Delivery: {opts.get('incoterm_text', f.get('incoterm') or '')}", 9, SANS)
    sh.text(300, y, f"Currency: {cur}", 9, SANS)
    y += 22
    _shade(sh, L, y - 4, R, y + 12)
    for x, text in [(L + 4, "#"), (L + 22, "ITEM & DESCRIPTION"), (L + 248, "HS CODE"), (L + 364, "UOM")]:
        sh.text(x, y, text, 8.5, SANSB)
    for x1, text in [(L + 356, "QTY"), (L + 432, "RATE"), (R - 4, "AMOUNT")]:
        sh.text_right(x1, y, text, 8.5, SANSB)
    y += 20
    for k, item in enumerate(f["items"], 1):
        sh.text(L + 4, y, str(k), 9, SANS)
        desc = sh.wrap(item.get("description") or "", 220, 9, SANS)
        for j, line in enumerate(desc):
            sh.text(L + 22, y + j * 11, line, 9, SANS)
        sh.text(L + 248, y, item.get("hs_code") or "", 9, SANS)
        sh.text_right(L + 356, y, fmt_qty(item.get("quantity")), 9, SANS)
        sh.text(L + 364, y, item.get("quantity_unit") or "", 9, SANS)
        sh.text_right(L + 432, y, fmt_num(item.get("unit_price"), 4 if (item.get("unit_price") or 0) < 1 else 2),
                      9, SANS)
        sh.text_right(R - 4, y, fmt_num(item.get("amount")), 9, SANS)
        y += len(desc) * 11 + 7
        sh.hline(L, R, y - 3)
    y += 8
    for caption, val, bold in (("Sub Total", fmt_num(f.get("total_amount")), False), ("Freight", "0.00", False),
                               ("Total", f"{cur} {fmt_num(f.get('total_amount'))}", True),
                               ("Balance Due", f"{cur} {fmt_num(f.get('total_amount'))}", True)):
        sh.text_right(L + 392, y, caption, 9, SANSB if bold else SANS)
        sh.text_right(R - 4, y, val, 9, SANSB if bold else SANS)
        y += 14
    y += 16
    sh.text(L, y, "Notes", 8.5, SANSB)
    sh.text(L, y + 12, f"Goods of {country_name(f.get('seller_country')).title()} origin. Thank you for your business.",
            8.5, SANS)
    sh.text(L, y + 24, f"Bank: {opts.get('bank', 'BDO UNIBANK, INC.')}", 8.5, SANS)
    return sh.finish()


# ---------------------------------------------------------------- a packing list, parties side by side

def render_packing_list_l(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = Sheet("Packing List")
    unit = (f.get("weight_unit") or "KGS").lower()
    L, R = 36.0, 559.0
    sh.text(L, 34, f.get("shipper_name") or "", 11, SANSB)
    _lines(sh, L, 49, [opts.get("shipper_address") or ""], 300, 7.5, SANS)
    sh.text_right(R, 34, "PACKING LIST", 16, SANSB)
    sh.hline(L, R, 72)
    sh.text(L, 80, "Shipper", 7.5, SANSB)
    sh.text(300, 80, "Consignee", 7.5, SANSB)
    y1 = _lines(sh, L, 92, [f.get("shipper_name") or "", opts.get("shipper_address") or ""], 240, 8.5, SANS, 1.25)
    y2 = _lines(sh, 300, 92, [f.get("consignee_name") or "", opts.get("consignee_address") or ""], 240, 8.5, SANS,
                1.25)
    y = max(y1, y2) + 10
    sh.hline(L, R, y)
    y += 8
    cells = [("P/L Date", _d(f.get("date"))), ("Invoice No.", f.get("invoice_number") or ""),
             ("Vessel", opts.get("vessel", "")), ("Destination", opts.get("destination", ""))]
    w = (R - L) / len(cells)
    for k, (caption, val) in enumerate(cells):
        sh.text(L + k * w, y, caption, 7.5, SANSB)
        sh.text(L + k * w, y + 11, val, 8.5, SANS)
    y += 34
    xs = [L, L + 56, L + 236, L + 296, L + 336, L + 384, L + 436, L + 488, R]
    heads = ["Carton Nos.", "Description", "Quantity", "Unit", "Cartons", f"Net Wt. ({unit})", f"Gross Wt. ({unit})",
             "Dimensions (cm)"]
    _shade(sh, L, y - 4, R, y + 12)
    for x, text in zip(xs, heads):
        sh.text(x + 2, y, text, 7, SANSB)
    y += 18
    first = 1
    for item in f["items"]:
        n = int(item.get("packages") or 0)
        sh.text(L + 2, y, f"{first}-{first + n - 1}" if n > 1 else str(first), 8.5, SANS)
        first += n
        desc = sh.wrap(item.get("description") or "", 174, 8.5, SANS)
        for j, line in enumerate(desc):
            sh.text(L + 58, y + j * 10.5, line, 8.5, SANS)
        sh.text(L + 238, y, fmt_qty(item.get("quantity")), 8.5, SANS)
        sh.text(L + 298, y, item.get("quantity_unit") or "", 8.5, SANS)
        sh.text(L + 338, y, fmt_qty(item.get("packages")), 8.5, SANS)
        sh.text_right(L + 432, y, fmt_num(item.get("net_weight")), 8.5, SANS)
        sh.text_right(L + 484, y, fmt_num(item.get("gross_weight")), 8.5, SANS)
        sh.text(L + 490, y, "50x40x30", 8.5, SANS)
        y += len(desc) * 10.5 + 7
    sh.hline(L, R, y)
    sh.text(L + 58, y + 5, "TOTAL", 8.5, SANSB)
    sh.text(L + 338, y + 5, fmt_qty(f.get("total_packages")), 8.5, SANSB)
    sh.text_right(L + 432, y + 5, fmt_num(f.get("total_net_weight")), 8.5, SANSB)
    sh.text_right(L + 484, y + 5, fmt_num(f.get("total_gross_weight")), 8.5, SANSB)
    sh.hline(L, R, y + 19)
    sh.text(L, y + 34, f"Total: {fmt_qty(f.get('total_packages'))} cartons only.", 8.5, SANS)
    sh.text(L, y + 47, "Shipping marks: as per invoice", 8.5, SANS)
    return sh.finish()


# ---------------------------------------------------------------- a container line's sea waybill

def render_bill_of_lading_l(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = Sheet("Sea Waybill")
    L, R, MID = 30.0, 565.0, 300.0
    unit = (f.get("weight_unit") or "KGS").upper()

    def cell(caption: str, lines: list[str], x0: float, top: float, x1: float, bottom: float,
             size: float = 8.5) -> None:
        sh.rect(x0, top, x1, bottom)
        sh.text(x0 + 3, top + 3, caption, 6.5, SANSB)
        _lines(sh, x0 + 6, top + 14, lines, x1 - x0 - 10, size, SANS, 1.2)

    cell("Shipper (complete name and address)", [f.get("shipper_name") or "", opts.get("shipper_address") or ""],
         L, 30, MID, 100)
    cell("Consignee (complete name and address)",
         [f.get("consignee_name") or ""] + ([opts["consignee_address"]] if opts.get("consignee_address") else []),
         L, 100, MID, 170)
    cell("Notify Party (complete name and address)", [f.get("notify_party") or ""] +
         ([opts["notify_address"]] if opts.get("notify_address") else []), L, 170, MID, 240)
    cell("Sea Waybill No.", [f.get("bl_number") or ""], MID, 30, MID + 140, 58, 10)
    cell("Booking Ref.", [f"BK{(f.get('bl_number') or '')[-7:]}"], MID + 140, 30, R, 58)
    sh.text(MID + 12, 72, "SEA WAYBILL", 16, SANSB)
    sh.text(MID + 12, 92, "NON-NEGOTIABLE", 9, SANSB)
    sh.para(MID + 12, 108, R - MID - 24, "Received by the Carrier from the Shipper in apparent good order and "
            "condition unless otherwise noted herein the total number of containers or packages stated below.",
            6.3, SANS)
    quarter = (R - L) / 4
    cell("Vessel", [f.get("vessel") or ""], L, 240, L + quarter, 268)
    cell("Voyage No.", [f.get("voyage") or ""], L + quarter, 240, L + 2 * quarter, 268)
    cell("Port of Loading", [f.get("port_of_loading") or ""], L + 2 * quarter, 240, L + 3 * quarter, 268)
    cell("Port of Discharge", [f.get("port_of_discharge") or ""], L + 3 * quarter, 240, R, 268)
    cell("Place of Receipt", [f.get("port_of_loading") or ""], L, 268, MID, 294)
    cell("Place of Delivery", [f.get("port_of_discharge") or ""], MID, 268, R, 294)
    sh.rect(L, 294, R, 540)
    heads = [("Container No. / Seal No.", L, 130), ("No. of Pkgs", 130, 200), ("Description of Goods", 200, 410),
             ("Gross Weight", 410, 490), ("Measurement", 490, R)]
    for text, x0, x1 in heads:
        sh.text(x0 + 3, 298, text, 6.5, SANSB)
        if x0 > L:
            sh.vline(x0, 294, 510)
    sh.hline(L, R, 310)
    sh.text(L + 5, 316, opts.get("container", "TGHU 8812345 / 556677"), 8)
    sh.text(134, 316, f"{fmt_qty(f.get('total_packages'))} {opts.get('package_kind', 'PACKAGES')}", 8.5, SANS)
    y = 316.0
    for d in opts.get("descriptions", []):
        y = _lines(sh, 204, y, [d], 202, 8.5, SANS, 1.2)
    sh.text(204, y + 10, "SHIPPER'S LOAD, STOW AND COUNT", 8, SANS)
    sh.text_right(486, 316, f"{fmt_num(f.get('gross_weight'), 3)} {unit}", 8.5, SANS)
    sh.text_right(561, 316, "26.400 CBM", 8.5, SANS)
    sh.hline(L, R, 510)
    sh.text(L + 4, 516, "Freight: PREPAID", 8.5, SANS)
    # the on-board stamp
    sh.rect(L + 10, 560, L + 200, 620)
    sh.center(L + 105, 566, "SHIPPED ON BOARD", 10, SANSB)
    sh.text(L + 20, 584, f"Date: {_d(f.get('on_board_date'))}", 9, SANS)
    sh.text(L + 20, 598, f"Vessel: {f.get('vessel') or ''}", 9, SANS)
    sh.text(MID + 10, 566, "Place and Date of Issue", 7.5, SANSB)
    sh.text(MID + 10, 578, f"{(f.get('port_of_loading') or '').split(',')[0]}, {_d(f.get('on_board_date'))}",
            9, SANS)
    sh.hline(MID + 10, R - 10, 630)
    sh.text(MID + 10, 633, "Signed for the Carrier", 7.5, SANS)
    return sh.finish()


RENDERERS_ELEVENTH = {"co-m": render_certificate_m, "inv-n": render_invoice_n, "pl-l": render_packing_list_l,
                      "bl-l": render_bill_of_lading_l}
