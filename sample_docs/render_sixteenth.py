"""A sixteenth held-out layout family (`generate --layouts sixteenth`), drawn after extraction had been tuned on
the fifteenth, so that it gives a blind number again.

How it differs from the other families, on realism grounds: paperwork as a trade single-window portal and a
distributor's sales system print it.
- A certificate from a single-window portal: the certificate number captioned 'Serial No.' at the top right of a
  title band; Boxes 1 and 2 side by side, then Boxes 3 and 4 side by side, Box 4 as 'Caption: value' lines in the
  portal's short wording ('Vessel/Flight:'); the goods' headings as the box numbers on a row of their own over the
  portal's one-word captions ('Item', 'Marks', 'HS', 'Criterion', 'Origin'); each item's packages run into its
  description with 'OF' ('248 CARTONS OF ACOUSTIC GUITARS'); the FOB value with its currency run on
  ('USD12,345.00'); dates as '12-MAR-2025'; Box 15's importing Party and both boxes' places and dates as
  'Caption: value' lines; Box 17 as a three-cell table answered 'Y' or 'N'.
- A distributor's invoice: the seller's letterhead centred over the title, 'Sold To' at the left and the particulars
  at the right with their colons aligned at a tab ('Invoice No', 'Delivery Terms'); the goods with an item code
  before the description, the unit of measure in a column of its own and a discount column before the amount;
  the total as 'Net Amount Payable' under a sub-total and a discount, 'E. & O.E.' at the foot.
- A packing list with each line's quantity per carton and net weight per carton beside its totals ('Qty/Ctn',
  'Total Qty', 'N.W./Ctn', 'Total N.W.'), the consignee as 'Messrs'.
- A house bill of lading with numbered captions in brackets ('(1) Shipper', '(6) Intended Vessel / Voy.'), the
  packages also in words, the on-board date after 'LADEN ON BOARD' in a box of its own.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from sample_docs.render import CERTIFICATION, DECLARATION, MONTHS, Sheet, country_name, fmt_num, fmt_qty
from sample_docs.render_fifth import in_words
from sample_docs.render_seventh import _lines  # wrapped lines from a top, returning the y under them

SANS, SANSB, SANSI = "Helvetica", "Helvetica-Bold", "Helvetica-Oblique"


def _dmy(iso: str | None) -> str:
    """'12-MAR-2025', as portals and ERPs print dates."""
    if not iso:
        return ""
    d = dt.date.fromisoformat(iso)
    return f"{d.day:02d}-{MONTHS[d.month - 1]}-{d.year}"


# ---------------------------------------------------------------- Form RCEP from a single-window portal

def render_certificate_r(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = Sheet("Certificate of Origin")
    L, R, MID = 30.0, 565.0, 298.0
    sz = 8.0

    def box(number: str, caption: str, x0: float, top: float, x1: float, bottom: float) -> None:
        sh.rect(x0, top, x1, bottom)
        sh.text(x0 + 3, top + 3, f"{number}  {caption}", 6.8, SANSI)

    # the title band
    sh.rect(L, 30, R, 70)
    sh.text(L + 6, 36, "FORM RCEP", 11, SANSB)
    sh.text(L + 6, 52, "Regional Comprehensive Economic Partnership Agreement", 6.5, SANS)
    sh.center((L + R) / 2, 40, "CERTIFICATE OF ORIGIN", 13, SANSB)
    sh.text(R - 170, 36, "Serial No.", 6.8, SANSI)
    sh.text(R - 170, 47, f.get("certificate_number") or "", 10, SANSB)
    # Boxes 1 and 2 side by side
    box("1.", "Exporter's name, address and country", L, 70, MID, 140)
    _lines(sh, L + 6, 83, [s for s in (f.get("exporter_name"), f.get("exporter_address")) if s], MID - L - 12, sz,
           SANS, 1.2)
    box("2.", "Importer's or consignee's name, address and country", MID, 70, R, 140)
    _lines(sh, MID + 6, 83, [s for s in (f.get("importer_name"), f.get("importer_address")) if s], R - MID - 12,
           sz, SANS, 1.2)
    # Boxes 3 and 4 side by side, Box 4 as 'Caption: value' lines
    box("3.", "Producer's name, address and country (if known)", L, 140, MID, 200)
    _lines(sh, L + 6, 153, [f.get("producer_name") or ""], MID - L - 12, sz, SANS, 1.2)
    box("4.", "Means of transport and route (if known)", MID, 140, R, 200)
    y = 153.0
    for caption, val in (("Departure date", _dmy(f.get("departure_date"))), ("Vessel/Flight", f.get("transport")),
                         ("Port of discharge", f.get("port_of_discharge"))):
        sh.text(MID + 6, y, f"{caption}: {val or ''}", sz, SANS)
        y += 13
    box("5.", "For official use", MID, 200, R, 240)
    sh.rect(L, 200, MID, 240)
    sh.text(L + 6, 206, "Issued in", 6.8, SANSI)
    sh.text(L + 6, 218, country_name(f.get("issued_in")).upper(), sz, SANSB)

    # Boxes 6-13: the box numbers on a row over the portal's one-word captions
    top = 240.0
    xs = [L, L + 28, L + 88, L + 258, L + 306, L + 356, L + 412, L + 472, R]
    heads = ["Item", "Marks", "Packages and description", "HS", "Criterion", "Origin", "Quantity / FOB", "Invoice"]
    sh.rect(L, top, R, top + 26)
    sh.hline(L, R, top + 12)
    for k, (text, x0) in enumerate(zip(heads, xs)):
        sh.center((x0 + xs[k + 1]) / 2, top + 2.5, str(k + 6), 6.8, SANSB)
        sh.text(x0 + 3, top + 15, text, 6.8, SANSB)
    for x in xs[1:-1]:
        sh.vline(x, top, 560)
    y = top + 32
    for item in f["items"]:
        w = [xs[k + 1] - xs[k] - 6 for k in range(8)]
        qty = f"{fmt_qty(item.get('quantity'))} {item.get('quantity_unit') or ''}".strip() \
            if item.get("quantity") is not None else ""
        fob = f"{item.get('fob_currency') or ''}{fmt_num(item['fob_value'])}" if item.get("fob_value") is not None else ""
        cells = [[str(item["item_number"])], [item.get("marks") or ""],
                 [f"{item.get('packages') or ''} OF {item.get('description') or ''}" if item.get("packages")
                  else item.get("description") or ""],
                 [item.get("hs_code") or ""], [item.get("origin_criterion") or ""],
                 [country_name(item.get("country_of_origin")).upper()], [qty, fob],
                 [item.get("invoice_number") or "", _dmy(item.get("invoice_date"))]]
        used = y
        for k, lines in enumerate(cells):
            used = max(used, _lines(sh, xs[k] + 3, y, [s for s in lines if s], w[k], sz, SANS, 1.2))
        y = used + 8
    sh.rect(L, top + 26, R, 560)

    box("14.", "Remarks", L, 560, R, 594)
    _lines(sh, L + 6, 573, [f.get("remarks") or ""], R - L - 12, sz, SANS, 1.2)
    top = 594.0
    box("15.", "Declaration by the exporter or producer", L, top, MID, top + 150)
    y1 = sh.para(L + 6, top + 14, MID - L - 12, DECLARATION, 6.5, SANS)
    sh.text(L + 6, y1 + 4, f"Importing Party: {country_name(f.get('importing_country')).upper()}", sz, SANS)
    sh.text(L + 6, top + 112, f"Place and date: {f.get('declaration_place') or ''} {_dmy(f.get('declaration_date'))}",
            sz, SANS)
    sh.hline(L + 6, MID - 8, top + 136)
    sh.text(L + 6, top + 139, "Signature of authorised signatory", 6.3, SANSI)
    box("16.", "Certification", MID, top, R, top + 150)
    y2 = sh.para(MID + 6, top + 14, R - MID - 12, CERTIFICATION, 6.5, SANS)
    _lines(sh, MID + 6, y2 + 4, [f"Issuing body: {f.get('issuing_authority') or ''}"], R - MID - 12, sz, SANS, 1.2)
    sh.text(MID + 6, top + 112, f"Place and date: {f.get('issue_place') or ''} {_dmy(f.get('issue_date'))}", sz, SANS)
    sh.hline(MID + 6, R - 8, top + 136)
    sh.text(MID + 6, top + 139, "Signature and stamp of the issuing body", 6.3, SANSI)
    # Box 17: a three-cell table answered 'Y' or 'N'
    top += 150
    sh.rect(L, top, R, top + 32)
    sh.text(L + 3, top + 3, "17.", 6.8, SANSB)
    cells = [("Back-to-back CO", "back_to_back"), ("Third-party invoicing", "third_party_invoicing"),
             ("Issued retroactively", "issued_retroactively")]
    x, cw = L + 24, (R - L - 24) / 3
    sh.hline(L + 24, R, top + 15)
    for caption, key in cells:
        sh.vline(x, top, top + 32)
        sh.center(x + cw / 2, top + 4, caption, 7, SANS)
        sh.center(x + cw / 2, top + 19, "Y" if f.get(key) else "N", 8.5, SANSB)
        x += cw
    return sh.finish()


# ---------------------------------------------------------------- a distributor's sales system

def _letterhead(sh: Sheet, name: str, address: str, title: str, L: float, R: float) -> None:
    sh.center((L + R) / 2, 30, name, 14, SANSB)
    y = 48.0
    for ln in sh.wrap(address, 380, 8.5, SANS):
        sh.center((L + R) / 2, y, ln, 8.5, SANS)
        y += 10.5
    sh.hline(L, R, y + 4)
    sh.center((L + R) / 2, y + 12, title, 13, SANSB)


def _particulars(sh: Sheet, x: float, top: float, pairs: list[tuple[str, str]], tab: float) -> float:
    """Captions with their colons aligned at a tab, values after them."""
    y = top
    for caption, value in pairs:
        sh.text(x, y, caption, 8.5, SANS)
        sh.text(x + tab, y, ":", 8.5, SANS)
        sh.text(x + tab + 8, y, value, 8.5, SANS)
        y += 12.5
    return y


def render_invoice_s(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = Sheet("Commercial Invoice")
    L, R = 36.0, 559.0
    cur = f.get("currency") or "USD"
    _letterhead(sh, f.get("seller_name") or "", f.get("seller_address") or "", "COMMERCIAL INVOICE", L, R)
    top = 110.0
    sh.text(L, top, "Sold To:", 8.5, SANSB)
    _lines(sh, L, top + 12, [f.get("buyer_name") or "", f.get("buyer_address") or ""], 230, 8.5, SANS, 1.25)
    _particulars(sh, 330, top, [("Invoice No", f.get("invoice_number") or ""), ("Invoice Date", _dmy(f.get("invoice_date"))),
                                ("Payment Terms", opts.get("payment", "T/T 30 DAYS")),
                                ("Delivery Terms", opts.get("incoterm_text", f.get("incoterm") or "")),
                                ("Currency", cur)], 72)
    y = 196.0
    xs = [L, L + 52, L + 222, L + 276, L + 330, L + 364, L + 420, L + 456, R]
    heads = ["Item Code", "Description", "HS Code", "Qty", "UOM", "Unit Price", "Disc %", "Amount"]
    sh.hline(L, R, y)
    for k, (text, x0) in enumerate(zip(heads, xs)):
        if k >= 3 and text != "UOM":
            sh.text_right(xs[k + 1] - 3, y + 4, text, 8, SANSB)
        else:
            sh.text(x0 + 3, y + 4, text, 8, SANSB)
    sh.hline(L, R, y + 16)
    y += 22
    for k, item in enumerate(f["items"], 1):
        code = f"{(item.get('hs_code') or '0000')[:4]}-{k:03d}"
        desc = sh.wrap(item.get("description") or "", xs[2] - xs[1] - 6, 8.5, SANS)
        sh.text(L + 3, y, code, 8.5, SANS)
        for j, ln in enumerate(desc):
            sh.text(xs[1] + 3, y + j * 10.5, ln, 8.5, SANS)
        sh.text(xs[2] + 3, y, item.get("hs_code") or "", 8.5, SANS)
        sh.text_right(xs[4] - 3, y, fmt_qty(item.get("quantity")), 8.5, SANS)
        sh.text(xs[4] + 3, y, item.get("quantity_unit") or "", 8.5, SANS)
        price = item.get("unit_price")
        sh.text_right(xs[6] - 3, y, fmt_num(price, 4 if (price or 0) < 1 else 2), 8.5, SANS)
        sh.text_right(xs[7] - 3, y, "0.00", 8.5, SANS)
        sh.text_right(R - 3, y, fmt_num(item.get("amount")), 8.5, SANS)
        y += len(desc) * 10.5 + 6
    sh.hline(L, R, y)
    total = fmt_num(f.get("total_amount"))
    for caption, value, font in (("Sub-total", total, SANS), ("Discount", "0.00", SANS),
                                 (f"Net Amount Payable ({cur})", total, SANSB)):
        y += 6
        sh.text_right(xs[6] + 20, y, caption, 8.5, font)
        sh.text_right(R - 3, y, value, 8.5, font)
        y += 8
    sh.hline(xs[4], R, y + 4)
    sh.text(L, y + 22, "E. & O.E.", 7.5, SANSI)
    _lines(sh, 360, y + 50, [f"For and on behalf of {f.get('seller_name') or ''}"], R - 360, 8, SANS, 1.2)
    sh.hline(360, R, y + 100)
    sh.text(360, y + 103, "Authorised Signature", 7.5, SANS)
    return sh.finish()


def render_packing_list_q(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = Sheet("Packing List")
    L, R = 36.0, 559.0
    unit = (f.get("weight_unit") or "KGS").upper()
    _letterhead(sh, f.get("shipper_name") or "", opts.get("shipper_address") or "", "PACKING LIST", L, R)
    top = 110.0
    sh.text(L, top, "Messrs:", 8.5, SANSB)
    _lines(sh, L, top + 12, [f.get("consignee_name") or "", opts.get("consignee_address") or ""], 230, 8.5, SANS, 1.25)
    _particulars(sh, 330, top, [("Invoice No", f.get("invoice_number") or ""), ("Date", _dmy(f.get("date")))], 60)
    y = 190.0
    xs = [L, L + 50, L + 186, L + 230, L + 266, L + 330, L + 386, L + 454, R]  # (a total quantity fits its column)
    heads = ["Carton No.", "Description", "Qty/Ctn", "Ctns", "Total Qty", "N.W./Ctn", f"Total N.W. ({unit})",
             f"Total G.W. ({unit})"]
    sh.hline(L, R, y)
    for k, (text, x0) in enumerate(zip(heads, xs)):
        if k >= 2:
            sh.text_right(xs[k + 1] - 3, y + 4, text, 7.5, SANSB)
        else:
            sh.text(x0 + 3, y + 4, text, 7.5, SANSB)
    sh.hline(L, R, y + 16)
    y += 22
    first = 1
    for item in f["items"]:
        n = item.get("packages") or 0
        q, nw = item.get("quantity") or 0, item.get("net_weight") or 0
        desc = sh.wrap(item.get("description") or "", xs[2] - xs[1] - 6, 8.5, SANS)
        sh.text(L + 3, y, f"{first}-{first + int(n) - 1}" if n else "", 8.5, SANS)
        first += int(n)
        for j, ln in enumerate(desc):
            sh.text(xs[1] + 3, y + j * 10.5, ln, 8.5, SANS)
        per = q / n if n else 0
        sh.text_right(xs[3] - 3, y, f"{per:,.0f}" if float(per).is_integer() else f"{per:,.2f}", 8.5, SANS)
        sh.text_right(xs[4] - 3, y, fmt_qty(n), 8.5, SANS)
        sh.text_right(xs[5] - 3, y, f"{fmt_qty(q)} {item.get('quantity_unit') or ''}", 8.5, SANS)
        sh.text_right(xs[6] - 3, y, fmt_num(nw / n if n else 0, 3), 8.5, SANS)
        sh.text_right(xs[7] - 3, y, fmt_num(nw), 8.5, SANS)
        sh.text_right(R - 3, y, fmt_num(item.get("gross_weight")), 8.5, SANS)
        y += len(desc) * 10.5 + 6
    sh.hline(L, R, y)
    sh.text(xs[1] + 3, y + 5, "TOTAL", 8.5, SANSB)
    sh.text_right(xs[4] - 3, y + 5, fmt_qty(f.get("total_packages")), 8.5, SANSB)
    sh.text_right(xs[7] - 3, y + 5, fmt_num(f.get("total_net_weight")), 8.5, SANSB)
    sh.text_right(R - 3, y + 5, fmt_num(f.get("total_gross_weight")), 8.5, SANSB)
    sh.hline(L, R, y + 18)
    return sh.finish()


# ---------------------------------------------------------------- a house bill of lading, numbered captions

def render_bill_of_lading_q(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = Sheet("Bill of Lading")
    L, R, MID = 30.0, 565.0, 298.0
    unit = (f.get("weight_unit") or "KGS").upper()

    def cell(caption: str, lines: list[str], x0: float, top: float, x1: float, bottom: float, size: float = 8.5):
        sh.rect(x0, top, x1, bottom)
        sh.text(x0 + 3, top + 3, caption, 6.5, SANS)
        _lines(sh, x0 + 6, top + 14, [s for s in lines if s], x1 - x0 - 10, size, SANS, 1.2)

    cell("(1) Shipper", [f.get("shipper_name") or "", opts.get("shipper_address") or ""], L, 30, MID, 100)
    cell("(2) Consignee", [f.get("consignee_name") or ""] + ([opts["consignee_address"]]
                                                             if opts.get("consignee_address") else []), L, 100, MID, 170)
    cell("(3) Notify Party", [f.get("notify_party") or ""] + ([opts["notify_address"]]
                                                              if opts.get("notify_address") else []), L, 170, MID, 240)
    cell("(10) B/L No.", [f.get("bl_number") or ""], MID, 30, R, 58, 10)
    sh.center((MID + R) / 2, 74, "BILL OF LADING", 15, SANSB)
    sh.center((MID + R) / 2, 92, "(HOUSE B/L)  ORIGINAL", 8, SANS)
    sh.para(MID + 8, 110, R - MID - 16, "RECEIVED by the Carrier the Goods as specified below in apparent good order and "
            "condition unless otherwise stated, to be transported to such place as agreed.", 6.5, SANS)
    cell("(4) Pre-carriage by", [], L, 240, MID, 266)
    cell("(5) Place of Receipt", [f.get("port_of_loading") or ""], MID, 240, R, 266)
    cell("(6) Intended Vessel / Voy.", [f"{f.get('vessel') or ''} / {f.get('voyage') or ''}"], L, 266, MID, 292)
    cell("(7) Port of Loading", [f.get("port_of_loading") or ""], MID, 266, R, 292)
    cell("(8) Port of Discharge", [f.get("port_of_discharge") or ""], L, 292, MID, 318)
    cell("(9) Place of Delivery", [f.get("port_of_discharge") or ""], MID, 292, R, 318)
    sh.rect(L, 318, R, 530)
    heads = [("Marks & Nos. / Container No.", L), ("No. of Pkgs", L + 120), ("Description of Goods", L + 200),
             (f"Gross Weight ({unit})", L + 420)]
    for text, x in heads:
        sh.text(x + 3, 322, text, 6.5, SANSB)
    sh.hline(L, R, 334)
    pk = f.get("total_packages")
    kind = opts.get("package_kind", "PACKAGES")
    sh.text(L + 4, 342, "N/M", 8.5, SANS)
    sh.text(L + 124, 342, f"{fmt_qty(pk)} {kind}", 8.5, SANS)
    y = 342.0
    for d in opts.get("descriptions", []):
        y = _lines(sh, L + 204, y, [d], 210, 8.5, SANS, 1.2)
    sh.text(L + 424, 342, fmt_num(f.get("gross_weight"), 2), 8.5, SANS)
    if pk is not None:
        sh.text(L + 4, 505, f"SAY: {in_words(int(pk))} ({fmt_qty(pk)}) {kind} ONLY", 8, SANSB)
    sh.rect(L, 540, MID, 580)
    sh.text(L + 4, 546, "LADEN ON BOARD", 9, SANSB)
    sh.text(L + 4, 560, f"DATE: {_dmy(f.get('on_board_date'))}", 9, SANS)
    cell("(11) Place and Date of Issue",
         [f"{(f.get('port_of_loading') or '').split(',')[0]}  {_dmy(f.get('on_board_date'))}"], MID, 540, R, 580)
    cell("(12) Number of Original B(s)/L", ["THREE (3)"], MID, 580, R, 610)
    return sh.finish()


RENDERERS_SIXTEENTH = {"co-r": render_certificate_r, "inv-s": render_invoice_s, "pl-q": render_packing_list_q,
                       "bl-q": render_bill_of_lading_q}
