"""A fourteenth held-out layout family (`generate --layouts fourteenth`), drawn after extraction had been tuned on
the thirteenth, so that it gives a blind number again.

How it differs from the other families, on realism grounds:
- A certificate printed by an issuing body's system in a condensed face, each item of the goods on two rows of
  the table: the first row under 'Item No.', 'Marks and numbers', 'Number and kind of packages; description of
  goods', the second under 'HS Code', 'Origin criterion', 'Country of origin', 'Quantity / FOB value', 'Invoice
  No. and date' (the headings too in two tiers); dates as '2025/03/12'; Box 17 as 'Yes' / 'No' printed under each
  question.
- An export invoice with its particulars on one line ('Invoice No.: INV-1   Date: 2025/03/12   Terms: FOB'),
  'Consignee' for the buyer, quantities with their unit in one cell ('1,200 KGS') and prices per unit ('USD
  1.15/KGS').
- A packing list whose weights stand in one column as net over gross ('352.80 / 390.77').
- A bill of lading with 'Vessel & Voyage' in one cell without a voyage mark ('ONE HARMONY 096N') and the on-board
  date as 'SHIPPED ON BOARD: 12/03/2025'.
"""
from __future__ import annotations

from typing import Any

from sample_docs.render import CERTIFICATION, DECLARATION, Sheet, country_name, fmt_date, fmt_num, fmt_qty
from sample_docs.render_seventh import _lines  # wrapped lines from a top, returning the y under them

SANS, SANSB = "Helvetica", "Helvetica-Bold"


def _ymd(iso: str | None) -> str:
    return fmt_date(iso, "slash")  # '2025/03/12'


# ---------------------------------------------------------------- Form RCEP, each item on two rows

def render_certificate_p(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = Sheet("Certificate of Origin")
    L, R, MID = 30.0, 565.0, 298.0
    sz = 8.0

    def box(caption: str, lines: list[str], x0: float, top: float, x1: float, bottom: float) -> None:
        sh.rect(x0, top, x1, bottom)
        sh.text(x0 + 3, top + 3, caption, 6.5, SANSB)
        _lines(sh, x0 + 6, top + 14, [s for s in lines if s], x1 - x0 - 10, sz, SANS, 1.25)

    box("1. Exporter (name, address, country)", [f.get("exporter_name") or "", f.get("exporter_address") or ""],
        L, 30, MID, 96)
    box("2. Importer / Consignee (name, address, country)",
        [f.get("importer_name") or "", f.get("importer_address") or ""], L, 96, MID, 162)
    box("3. Producer (name, address, country), if known", [f.get("producer_name") or ""], L, 162, MID, 204)
    sh.rect(L, 204, MID, 284)
    sh.text(L + 3, 207, "4. Means of transport and route (if known)", 6.5, SANSB)
    y = 221.0
    for caption, val in (("Departure date", _ymd(f.get("departure_date"))),
                         ("Vessel's name / Aircraft flight number", f.get("transport") or ""),
                         ("Port of discharge", f.get("port_of_discharge") or "")):
        sh.text(L + 6, y, caption, 6.5, SANS)
        sh.text(L + 6, y + 8.5, val, sz, SANS)
        y += 20
    sh.rect(MID, 30, R, 140)
    sh.text(MID + 4, 34, "Certificate No.", 6.5, SANSB)
    sh.text(MID + 4, 45, f.get("certificate_number") or "", 10, SANSB)
    sh.center((MID + R) / 2, 72, "CERTIFICATE OF ORIGIN", 12, SANSB)
    sh.center((MID + R) / 2, 88, "FORM RCEP", 9, SANSB)
    sh.text(MID + 4, 112, "Issued in", 6.5, SANS)
    sh.text(MID + 4, 121, country_name(f.get("issued_in")).upper(), sz, SANS)
    box("5. For official use", [], MID, 140, R, 284)

    # Boxes 6-13: each item on two rows, the headings in two tiers
    top = 284.0
    up = [("6. Item No.", L, L + 50), ("7. Marks and numbers", L + 50, L + 170),
          ("8. Number and kind of packages; description of goods", L + 170, R)]
    low = [("9. HS Code", L, L + 80), ("10. Origin criterion", L + 80, L + 170),
           ("11. Country of origin", L + 170, L + 270), ("12. Quantity / FOB value", L + 270, L + 400),
           ("13. Invoice No. and date", L + 400, R)]
    sh.rect(L, top, R, top + 30)
    sh.hline(L, R, top + 15)
    for text, x0, _ in up:
        sh.text(x0 + 3, top + 4, text, 6.5, SANSB)
        if x0 > L:
            sh.vline(x0, top, top + 15)
    for text, x0, _ in low:
        sh.text(x0 + 3, top + 19, text, 6.5, SANSB)
        if x0 > L:
            sh.vline(x0, top + 15, top + 30)
    y = top + 30
    for item in f["items"]:
        first = [[str(item["item_number"])], [item.get("marks") or ""],
                 [f"{item.get('packages') or ''} {item.get('description') or ''}".strip()]]
        qty = f"{fmt_qty(item.get('quantity'))} {item.get('quantity_unit') or ''}".strip() \
            if item.get("quantity") is not None else ""
        fob = f"{item.get('fob_currency') or ''} {fmt_num(item['fob_value'])}".strip() \
            if item.get("fob_value") is not None else ""
        second = [[item.get("hs_code") or ""], [item.get("origin_criterion") or ""],
                  [country_name(item.get("country_of_origin")).upper()], [qty, fob],
                  [f"{item.get('invoice_number') or ''} {_ymd(item.get('invoice_date'))}".strip()]]
        used = y + 4
        for (_, x0, x1), lines in zip(up, first):
            used = max(used, _lines(sh, x0 + 3, y + 4, [s for s in lines if s], x1 - x0 - 6, sz, SANS, 1.25))
        y2 = used + 2
        used = y2 + 2
        for (_, x0, x1), lines in zip(low, second):
            used = max(used, _lines(sh, x0 + 3, y2 + 2, [s for s in lines if s], x1 - x0 - 6, sz, SANS, 1.25))
        y = used + 4
        sh.hline(L, R, y)
    bottom = max(y + 20, 520.0)
    sh.rect(L, top + 30, R, bottom)

    box("14. Remarks", [f.get("remarks") or ""], L, bottom, R, bottom + 36)
    top = bottom + 36
    sh.rect(L, top, MID, top + 150)
    sh.rect(MID, top, R, top + 150)
    sh.text(L + 3, top + 3, "15. Declaration by the exporter or producer", 6.5, SANSB)
    y1 = sh.para(L + 6, top + 15, MID - L - 12, DECLARATION, 6.3, SANS)
    sh.text(L + 6, y1 + 4, "Importing Party", 6.5, SANS)
    sh.text(L + 6, y1 + 13, country_name(f.get("importing_country")).upper(), sz, SANS)
    sh.text(L + 6, top + 110, "Place and date", 6.5, SANS)
    sh.text(L + 6, top + 119, f"{f.get('declaration_place') or ''}  {_ymd(f.get('declaration_date'))}", sz, SANS)
    sh.hline(L + 6, MID - 8, top + 138)
    sh.text(L + 6, top + 140, "Signature of authorised signatory", 6, SANS)
    sh.text(MID + 3, top + 3, "16. Certification", 6.5, SANSB)
    y2 = sh.para(MID + 6, top + 15, R - MID - 12, CERTIFICATION, 6.3, SANS)
    sh.text(MID + 6, y2 + 4, "Issuing body", 6.5, SANS)
    _lines(sh, MID + 6, y2 + 13, [f.get("issuing_authority") or ""], R - MID - 12, sz, SANS, 1.2)
    sh.text(MID + 6, top + 110, "Place and date", 6.5, SANS)
    sh.text(MID + 6, top + 119, f"{f.get('issue_place') or ''}  {_ymd(f.get('issue_date'))}", sz, SANS)
    sh.hline(MID + 6, R - 8, top + 138)
    sh.text(MID + 6, top + 140, "Signature and stamp of the issuing body", 6, SANS)
    top += 150
    sh.rect(L, top, R, top + 34)
    sh.text(L + 3, top + 3, "17.", 6.5, SANSB)
    x = L + 24
    for caption, key in (("Back-to-back CO", "back_to_back"), ("Third-party invoicing", "third_party_invoicing"),
                         ("Issued retroactively", "issued_retroactively")):
        sh.text(x, top + 6, caption, 6.5, SANS)
        sh.text(x, top + 17, "Yes" if f.get(key) else "No", sz, SANSB)
        x += 170
    return sh.finish()


# ---------------------------------------------------------------- an export invoice, particulars on one line

def render_invoice_q(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = Sheet("Export Invoice")
    L, R = 40.0, 555.0
    cur = f.get("currency") or "USD"
    # (the seller's name wrapped short of the title set at the right)
    y = _lines(sh, L, 34, [f.get("seller_name") or ""], 330, 13, SANSB, 1.15)
    _lines(sh, L, y + 3, [f.get("seller_address") or ""], 300, 8, SANS, 1.2)
    sh.text_right(R, 34, "EXPORT INVOICE", 15, SANSB)
    sh.hline(L, R, 80)
    line = (f"Invoice No.: {f.get('invoice_number') or ''}     Date: {_ymd(f.get('invoice_date'))}     "
            f"Terms: {opts.get('incoterm_text', f.get('incoterm') or '')}")
    sh.text(L, 88, line, 9, SANS)
    sh.hline(L, R, 102)
    sh.text(L, 112, "Consignee", 8, SANSB)
    _lines(sh, L, 124, [f.get("buyer_name") or "", f.get("buyer_address") or ""], 250, 9, SANS, 1.25)
    sh.text(320, 112, "Shipment", 8, SANSB)
    _lines(sh, 320, 124, [f"From {opts.get('port_of_loading', '')} to {opts.get('destination', '')}",
                          f"Per {opts.get('vessel', '')}", f"Payment: {opts.get('payment', 'T/T 30 DAYS')}"],
           R - 320, 9, SANS, 1.25)
    y = 190.0
    xs = [L, L + 25, L + 215, L + 275, L + 345, R]
    sh.rect(L, y, R, y + 16)
    for text, x in zip(("No.", "Description of goods", "HS Code", "Quantity", f"Unit price ({cur})"), xs):
        sh.text(x + 3, y + 4, text, 8, SANSB)
    sh.text_right(R - 3, y + 4, f"Amount ({cur})", 8, SANSB)
    y += 22
    for k, item in enumerate(f["items"], 1):
        desc = sh.wrap(item.get("description") or "", 175, 9, SANS)
        sh.text(L + 3, y, str(k), 9, SANS)
        for j, ln in enumerate(desc):
            sh.text(L + 28, y + j * 11, ln, 9, SANS)
        sh.text(xs[2] + 3, y, item.get("hs_code") or "", 9, SANS)
        sh.text(xs[3] + 3, y, f"{fmt_qty(item.get('quantity'))} {item.get('quantity_unit') or ''}", 9, SANS)
        price = item.get("unit_price")
        sh.text(xs[4] + 3, y, f"{cur} {fmt_num(price, 4 if (price or 0) < 1 else 2)}/{item.get('quantity_unit') or ''}",
                9, SANS)
        sh.text_right(R - 3, y, fmt_num(item.get("amount")), 9, SANS)
        y += len(desc) * 11 + 6
    sh.hline(L, R, y)
    sh.text(xs[3] + 3, y + 6, "Total amount:", 9, SANSB)
    sh.text_right(R - 3, y + 6, f"{cur} {fmt_num(f.get('total_amount'))}", 9, SANSB)
    sh.hline(L, R, y + 20)
    sh.text(L, y + 34, f"Goods of {country_name(f.get('seller_country')).title()} origin.", 9, SANS)
    _lines(sh, 360, y + 70, [f"For {f.get('seller_name') or ''}"], R - 360, 8, SANS, 1.2)
    sh.hline(360, R, y + 110)
    sh.text(360, y + 113, "Authorised signatory", 7.5, SANS)
    return sh.finish()


# ---------------------------------------------------------------- a packing list, net over gross in one column

def render_packing_list_o(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = Sheet("Packing List")
    L, R = 40.0, 555.0
    unit = (f.get("weight_unit") or "KGS").upper()
    y = _lines(sh, L, 34, [f.get("shipper_name") or ""], 330, 13, SANSB, 1.15)
    _lines(sh, L, y + 3, [opts.get("shipper_address") or ""], 300, 8, SANS, 1.2)
    sh.text_right(R, 34, "PACKING LIST", 15, SANSB)
    sh.hline(L, R, 80)
    sh.text(L, 88, f"Invoice No.: {f.get('invoice_number') or ''}     Date: {_ymd(f.get('date'))}", 9, SANS)
    sh.hline(L, R, 102)
    sh.text(L, 112, "Consignee", 8, SANSB)
    _lines(sh, L, 124, [f.get("consignee_name") or "", opts.get("consignee_address") or ""], 250, 9, SANS, 1.25)
    y = 180.0
    xs = [L, L + 240, L + 320, L + 380, R]
    sh.rect(L, y, R, y + 16)
    for text, x in zip(("Description of goods", "Quantity", "Packages", f"N.W. / G.W. ({unit})"), xs):
        sh.text(x + 3, y + 4, text, 8, SANSB)
    y += 22
    for item in f["items"]:
        desc = sh.wrap(item.get("description") or "", 230, 9, SANS)
        for j, ln in enumerate(desc):
            sh.text(L + 3, y + j * 11, ln, 9, SANS)
        sh.text(xs[1] + 3, y, f"{fmt_qty(item.get('quantity'))} {item.get('quantity_unit') or ''}", 9, SANS)
        sh.text(xs[2] + 3, y, f"{fmt_qty(item.get('packages'))} CTNS", 9, SANS)
        sh.text(xs[3] + 3, y, f"{fmt_num(item.get('net_weight'))} / {fmt_num(item.get('gross_weight'))}", 9, SANS)
        y += len(desc) * 11 + 6
    sh.hline(L, R, y)
    sh.text(L + 3, y + 6, "TOTAL", 9, SANSB)
    sh.text(xs[2] + 3, y + 6, f"{fmt_qty(f.get('total_packages'))} CTNS", 9, SANSB)
    sh.text(xs[3] + 3, y + 6, f"{fmt_num(f.get('total_net_weight'))} / {fmt_num(f.get('total_gross_weight'))}", 9,
            SANSB)
    sh.hline(L, R, y + 20)
    return sh.finish()


# ---------------------------------------------------------------- a bill of lading, vessel and voyage in one cell

def render_bill_of_lading_o(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = Sheet("Bill of Lading")
    L, R, MID = 30.0, 565.0, 298.0
    unit = (f.get("weight_unit") or "KGS").upper()

    def cell(caption: str, lines: list[str], x0: float, top: float, x1: float, bottom: float, size: float = 8.5):
        sh.rect(x0, top, x1, bottom)
        sh.text(x0 + 3, top + 3, caption, 6.5, SANSB)
        _lines(sh, x0 + 5, top + 14, [s for s in lines if s], x1 - x0 - 9, size, SANS, 1.2)

    cell("Shipper", [f.get("shipper_name") or "", opts.get("shipper_address") or ""], L, 30, MID, 100)
    cell("Consignee", [f.get("consignee_name") or ""] + ([opts["consignee_address"]] if opts.get("consignee_address")
                                                          else []), L, 100, MID, 170)
    cell("Notify Party", [f.get("notify_party") or ""] + ([opts["notify_address"]] if opts.get("notify_address")
                                                          else []), L, 170, MID, 240)
    cell("B/L No.", [f.get("bl_number") or ""], MID, 30, R, 58, 10)
    sh.center((MID + R) / 2, 80, "BILL OF LADING", 15, SANSB)
    sh.center((MID + R) / 2, 98, "FOR PORT-TO-PORT SHIPMENT", 8, SANS)
    cell("Vessel & Voyage", [f"{f.get('vessel') or ''} {f.get('voyage') or ''}".strip()], L, 240, MID, 268)
    cell("Port of Loading", [f.get("port_of_loading") or ""], MID, 240, R, 268)
    cell("Port of Discharge", [f.get("port_of_discharge") or ""], L, 268, MID, 296)
    cell("Place of Delivery", [f.get("port_of_discharge") or ""], MID, 268, R, 296)
    sh.rect(L, 296, R, 520)
    heads = [("Marks & Numbers", L), ("Packages", L + 110), ("Description of Goods", L + 190),
             (f"Gross Weight ({unit})", L + 400)]
    for text, x in heads:
        sh.text(x + 3, 300, text, 6.5, SANSB)
    sh.hline(L, R, 312)
    sh.text(L + 4, 320, "N/M", 8.5, SANS)
    sh.text(L + 114, 320, f"{fmt_qty(f.get('total_packages'))} {opts.get('package_kind', 'PACKAGES')}", 8.5, SANS)
    y = 320.0
    for d in opts.get("descriptions", []):
        y = _lines(sh, L + 194, y, [d], 200, 8.5, SANS, 1.2)
    sh.text(L + 404, 320, fmt_num(f.get("gross_weight"), 2), 8.5, SANS)
    sh.text(L + 4, 540, f"SHIPPED ON BOARD: {fmt_date(f.get('on_board_date'), 'dmy_slash')}", 9, SANSB)
    cell("Place and date of issue",
         [f"{(f.get('port_of_loading') or '').split(',')[0]}  {fmt_date(f.get('on_board_date'), 'dmy_slash')}"],
         MID, 560, R, 590)
    return sh.finish()


RENDERERS_FOURTEENTH = {"co-p": render_certificate_p, "inv-q": render_invoice_q, "pl-o": render_packing_list_o,
                        "bl-o": render_bill_of_lading_o}
