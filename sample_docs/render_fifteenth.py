"""A fifteenth held-out layout family (`generate --layouts fifteenth`), drawn after extraction had been tuned on
the fourteenth, so that it gives a blind number again.

How it differs from the other families, on realism grounds: paperwork as web systems and ERPs print it.
- A certificate from an issuing body's web system, in Times. Party blocks as the system fills them: the exporter's
  registration number on the line over its name ('Exporter Reg. No. 0105556012345'), a telephone line under the
  importer's address. Box 4 as captions in a column with each value level with its caption at a tab stop, no colon.
  Each item's packages on a line of their own under its description ('PACKED IN: 200 CARTONS'); Box 12 as 'N.W.' or
  'QTY' before the quantity and 'FOB' before the value; Box 13's date under the number; dates as '12 March 2025';
  Box 17's questions on one line, each after a ballot box, ticked with a check mark (☑ / ☐).
- An ERP's invoice: 'No.' and 'Date' as captions in a box at the top right, the buyer as 'Customer' and a 'Ship to'
  block beside it; the goods with a 'Unit' column; the first sheet holds one line of goods over the bank's particulars,
  so that more run onto a second sheet, the first closed by a 'Carried forward' sum and the second opened by a 'Brought forward' one under the repeated headings;
  the total as 'TOTAL FOB BANGKOK (USD)'.
- A packing list with carton numbers first ('C/No. 1-200'), the weights before the quantity ('N.W. (KGS)', 'G.W.
  (KGS)', "Q'ty") and a measurement column, the totals as the table's last row.
- A carrier's bill of lading with a 'Booking No.' beside the 'B/L No.', vessel and voyage in cells of their own
  ('Ocean Vessel', 'Voy. No.'), a container and seal column, the date of issue a day after the on-board date in a
  cell of its own, the on-board date in the clause 'SHIPPED ON BOARD THE VESSEL ON 12 MAR 2025'.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from sample_docs.render import CERTIFICATION, DECLARATION, Sheet, country_name, fmt_date, fmt_num, fmt_qty
from sample_docs.render_seventh import _lines  # wrapped lines from a top, returning the y under them

SERIF, SERIFB, SERIFI = "Times-Roman", "Times-Bold", "Times-Italic"
SANS, SANSB = "Helvetica", "Helvetica-Bold"
DEJAVU = "/usr/share/fonts/truetype/dejavu"


def _glyphs() -> str:
    """A face with the ballot box glyphs ☑ / ☐ (fonts-dejavu-core), as a web form's print substitutes for them."""
    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", os.path.join(DEJAVU, "DejaVuSans.ttf")))
    return "DejaVuSans"


def _dmonth(iso: str | None) -> str:
    return fmt_date(iso, "d_month")  # '12 March 2025'


def _digits(name: str, n: int) -> str:
    # a registration or tax number that stays the same for a company from document to document
    return str(int(hashlib.sha256(name.encode()).hexdigest(), 16))[:n]


# ---------------------------------------------------------------- Form RCEP from a web system

def render_certificate_q(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = Sheet("Certificate of Origin")
    L, R, MID = 32.0, 563.0, 300.0
    sz = 8.5

    def cap(x: float, y: float, number: str, caption: str) -> None:
        sh.text(x + 3, y + 3, number, 7, SERIFB)
        sh.text(x + 14, y + 3, caption, 7, SERIFI)

    # Box 1: the exporter's registration number over its name
    sh.rect(L, 30, MID, 100)
    cap(L, 30, "1.", "Exporter's name, address and country")
    sh.text(L + 8, 42, f"Exporter Reg. No. {_digits(f.get('exporter_name') or '', 13)}", 7.5, SERIF)
    _lines(sh, L + 8, 52, [s for s in (f.get("exporter_name"), f.get("exporter_address")) if s], MID - L - 14, sz,
           SERIF, 1.2)
    # Box 2: a telephone line under the address
    sh.rect(L, 100, MID, 170)
    cap(L, 100, "2.", "Importer's or consignee's name, address and country")
    y = _lines(sh, L + 8, 113, [s for s in (f.get("importer_name"), f.get("importer_address")) if s],
               MID - L - 14, sz, SERIF, 1.2)
    sh.text(L + 8, y + 1, f"Tel. {_digits(f.get('importer_name') or 'x', 2)} {_digits(f.get('importer_address') or 'y', 8)}",
            7.5, SERIF)
    sh.rect(L, 170, MID, 214)
    cap(L, 170, "3.", "Producer's name, address and country (if known)")
    _lines(sh, L + 8, 183, [f.get("producer_name") or ""], MID - L - 14, sz, SERIF, 1.2)
    # Box 4: captions in a column, each value level with its caption at a tab stop
    sh.rect(L, 214, MID, 290)
    cap(L, 214, "4.", "Means of transport and route (if known)")
    y = 229.0
    for caption, val in (("Departure date", _dmonth(f.get("departure_date"))),
                         ("Vessel's name/Aircraft flight number", f.get("transport") or ""),
                         ("Port of discharge", f.get("port_of_discharge") or "")):
        sh.text(L + 8, y, caption, 7, SERIF)
        _lines(sh, L + 140, y, [val], MID - L - 146, sz, SERIF, 1.2)
        y += 19
    # the title block
    sh.rect(MID, 30, R, 214)
    sh.text(MID + 6, 36, "Certificate No.", 7, SERIFI)
    sh.text(MID + 80, 35, f.get("certificate_number") or "", 10, SERIFB)
    sh.center((MID + R) / 2, 70, "REGIONAL COMPREHENSIVE ECONOMIC PARTNERSHIP AGREEMENT", 6.5, SERIFB)
    sh.center((MID + R) / 2, 88, "CERTIFICATE OF ORIGIN", 13, SERIFB)
    sh.center((MID + R) / 2, 106, "Form RCEP", 10, SERIFB)
    sh.text(MID + 6, 140, "Issued in", 7, SERIFI)
    sh.text(MID + 60, 139, country_name(f.get("issued_in")).upper(), sz, SERIF)
    sh.text(MID + 6, 170, "(See Overleaf Notes)", 7, SERIFI)
    sh.rect(MID, 214, R, 290)
    cap(MID, 214, "5.", "For official use")

    # Boxes 6-13
    top = 290.0
    xs = [L, L + 26, L + 84, L + 224, L + 270, L + 310, L + 374, L + 440, R]  # (a country's name fits its column)
    heads = [("6.", ["Item", "number"]), ("7.", ["Marks and", "numbers on", "packages"]),
             ("8.", ["Number and kind of packages;", "and description of goods"]), ("9.", ["HS Code", "(6 digits)"]),
             ("10.", ["Origin", "criterion"]), ("11.", ["RCEP", "country of", "origin"]),
             ("12.", ["Quantity", "and FOB", "value"]), ("13.", ["Invoice", "number and", "date"])]
    sh.rect(L, top, R, top + 40)
    for (num, lines), x0 in zip(heads, xs):
        sh.text(x0 + 3, top + 3, num, 7, SERIFB)
        for j, ln in enumerate(lines):
            sh.text(x0 + 3, top + 11 + j * 8.5, ln, 7, SERIFI)
    for x in xs[1:-1]:
        sh.vline(x, top, 560)
    y = top + 48
    for item in f["items"]:
        w = [xs[k + 1] - xs[k] - 6 for k in range(8)]
        desc = sh.wrap(item.get("description") or "", w[2], sz, SERIF)
        cells = [[str(item["item_number"])], [item.get("marks") or ""],
                 desc + [f"PACKED IN: {item.get('packages') or ''}"], [item.get("hs_code") or ""],
                 [item.get("origin_criterion") or ""], [country_name(item.get("country_of_origin")).upper()],
                 [f"{'N.W.' if (item.get('quantity_unit') or '').upper() in ('KGS', 'KG') else 'QTY'} "
                  f"{fmt_qty(item.get('quantity'))} {item.get('quantity_unit') or ''}"]
                 + ([f"FOB {item.get('fob_currency') or ''} {fmt_num(item['fob_value'])}"]
                    if item.get("fob_value") is not None else []),
                 [item.get("invoice_number") or "", _dmonth(item.get("invoice_date"))]]
        used = y
        for k, lines in enumerate(cells):
            if k == 2:  # (the description's lines as wrapped, then the packages on a line of their own)
                yy = y
                for ln in lines:
                    sh.text(xs[k] + 3, yy, ln, sz, SERIF)
                    yy += sz * 1.2
                used = max(used, yy)
            else:
                used = max(used, _lines(sh, xs[k] + 3, y, [s for s in lines if s], w[k], sz, SERIF, 1.2))
        y = used + 10
    sh.center((xs[2] + xs[3]) / 2, y, "- - - - - - - - - - - - - - - - - -", sz, SERIF)
    sh.rect(L, top + 40, R, 560)

    sh.rect(L, 560, R, 598)
    cap(L, 560, "14.", "Remarks")
    _lines(sh, L + 8, 573, [f.get("remarks") or ""], R - L - 16, sz, SERIF, 1.2)
    top = 598.0
    sh.rect(L, top, MID, top + 150)
    sh.rect(MID, top, R, top + 150)
    cap(L, top, "15.", "Declaration by the exporter or producer")
    y1 = sh.para(L + 8, top + 14, MID - L - 16, DECLARATION, 6.8, SERIF)
    sh.text(L + 8, y1 + 3, country_name(f.get("importing_country")).upper(), sz, SERIF)
    sh.text(L + 8, y1 + 12, "(Importing Party)", 6.8, SERIFI)
    sh.text(L + 8, top + 112, f"{f.get('declaration_place') or ''}, {_dmonth(f.get('declaration_date'))}", sz, SERIF)
    sh.hline(L + 8, MID - 10, top + 124)
    sh.text(L + 8, top + 127, "Place and date, name, signature and company of authorised signatory", 6.3, SERIFI)
    cap(MID, top, "16.", "Certification")
    y2 = sh.para(MID + 8, top + 14, R - MID - 16, CERTIFICATION, 6.8, SERIF)
    _lines(sh, MID + 8, y2 + 4, [f.get("issuing_authority") or ""], R - MID - 16, sz, SERIF, 1.2)
    sh.text(MID + 8, top + 112, f"{f.get('issue_place') or ''}, {_dmonth(f.get('issue_date'))}", sz, SERIF)
    sh.hline(MID + 8, R - 10, top + 124)
    sh.text(MID + 8, top + 127, "Place and date, signature and stamp of the authorised issuing body", 6.3, SERIFI)
    top += 150
    sh.rect(L, top, R, top + 24)
    sh.text(L + 3, top + 8, "17.", 7, SERIFB)
    glyphs = _glyphs()
    x = L + 26
    for caption, key in (("Back-to-back CO", "back_to_back"), ("Third-party invoicing", "third_party_invoicing"),
                         ("Issued retroactively", "issued_retroactively")):
        sh.text(x, top + 6, "☑" if f.get(key) else "☐", 10, glyphs)
        sh.text(x + 14, top + 8, caption, 7.5, SERIF)
        x += 165
    return sh.finish()


# ---------------------------------------------------------------- an ERP's invoice, carried forward

def _invoice_head(sh: Sheet, f: dict[str, Any], opts: dict[str, Any], page: int, pages: int) -> None:
    L, R = 36.0, 559.0
    y = _lines(sh, L, 34, [f.get("seller_name") or ""], 300, 12, SANSB, 1.15)
    y = _lines(sh, L, y + 2, [f.get("seller_address") or ""], 290, 7.5, SANS, 1.2)
    sh.text(L, y + 2, f"Tax ID {_digits(f.get('seller_name') or '', 13)} (Head Office)", 7.5, SANS)
    sh.text_right(R, 30, "INVOICE", 16, SANSB)
    _number_and_date(sh, "No.", 45, f.get("invoice_number"), f.get("invoice_date"), R)
    sh.text_right(R, 96, f"Page {page} of {pages}", 7, SANS)


def _number_and_date(sh: Sheet, caption: str, width: float, number: str | None, date: str | None, R: float) -> None:
    """The document's number and date captioned in a box at the top right, the captions in a column `width` wide."""
    bx = 400.0
    sh.rect(bx, 56, R, 92)
    sh.hline(bx, R, 74)
    sh.vline(bx + width, 56, 92)
    sh.text(bx + 4, 61, caption, 8, SANSB)
    sh.text(bx + width + 5, 61, number or "", 9, SANS)
    sh.text(bx + 4, 79, "Date", 8, SANSB)
    sh.text(bx + width + 5, 79, fmt_date(date, "dd_mon"), 9, SANS)


def render_invoice_r(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = Sheet("Invoice")
    L, R = 36.0, 559.0
    cur = f.get("currency") or "USD"
    items = f["items"]
    # (the ERP's first sheet holds one line of goods between its header and the bank's particulars at its foot;
    # more run on to a second sheet)
    sheets = [items[:1], items[1:]] if len(items) > 1 else [items]
    xs = [L, L + 28, L + 218, L + 278, L + 340, L + 380, L + 445, R]
    heads = ["Item", "Description", "HS Code", "Quantity", "Unit", f"Unit Price", f"Amount ({cur})"]
    carried = 0.0
    for n, goods in enumerate(sheets, 1):
        if n > 1:
            sh.new_page()
        _invoice_head(sh, f, opts, n, len(sheets))
        if n == 1:
            sh.text(L, 112, "Customer", 8, SANSB)
            _lines(sh, L, 123, [f.get("buyer_name") or "", f.get("buyer_address") or ""], 240, 8.5, SANS, 1.25)
            sh.text(300, 112, "Ship to", 8, SANSB)
            _lines(sh, 300, 123, [f.get("buyer_name") or "", f"{opts.get('destination', '')}"], 240, 8.5, SANS, 1.25)
            sh.text(L, 180, f"Terms of delivery: {opts.get('incoterm_text', f.get('incoterm') or '')}", 8.5, SANS)
            sh.text(300, 180, "Payment terms: T/T 30 days after B/L date", 8.5, SANS)
            sh.text(L, 193, f"Shipped per: {opts.get('vessel', '')}   From: {opts.get('port_of_loading', '')}   "
                            f"To: {opts.get('destination', '')}", 8.5, SANS)
            sh.hline(L, R, 700)
            sh.text(L, 706, "Bank details", 7.5, SANSB)
            bank = _digits(f.get("seller_name") or "", 12)
            for j, ln in enumerate(("Beneficiary bank: BANGKOK BANK PUBLIC COMPANY LIMITED, HEAD OFFICE",
                                    f"SWIFT: BKKBTHBK   Account No. {bank[:3]}-{bank[3:4]}-{bank[4:9]}-{bank[9:]}")):
                sh.text(L, 716 + j * 10, ln, 7.5, SANS)
            y = 212.0
        else:
            y = 112.0
        sh.rect(L, y, R, y + 16)
        for text, x in zip(heads[:-1], xs):
            sh.text(x + 3, y + 4, text, 8, SANSB)
        sh.text_right(R - 3, y + 4, heads[-1], 8, SANSB)
        y += 24
        if n > 1:
            sh.text(xs[1] + 3, y, "Brought forward", 8.5, SANS)
            sh.text_right(R - 3, y, fmt_num(carried), 8.5, SANS)
            y += 16
        for item in goods:
            k = items.index(item) + 1
            desc = sh.wrap(item.get("description") or "", xs[2] - xs[1] - 6, 8.5, SANS)
            sh.text(L + 3, y, str(k), 8.5, SANS)
            for j, ln in enumerate(desc):
                sh.text(xs[1] + 3, y + j * 10.5, ln, 8.5, SANS)
            sh.text(xs[2] + 3, y, item.get("hs_code") or "", 8.5, SANS)
            sh.text_right(xs[4] - 4, y, fmt_qty(item.get("quantity")), 8.5, SANS)
            sh.text(xs[4] + 3, y, item.get("quantity_unit") or "", 8.5, SANS)
            price = item.get("unit_price")
            sh.text_right(xs[6] - 4, y, fmt_num(price, 4 if (price or 0) < 1 else 2), 8.5, SANS)
            sh.text_right(R - 3, y, fmt_num(item.get("amount")), 8.5, SANS)
            carried = round(carried + (item.get("amount") or 0), 2)
            y += len(desc) * 10.5 + 7
        sh.hline(L, R, y)
        if n < len(sheets):
            sh.text(xs[1] + 3, y + 6, "Carried forward", 8.5, SANS)
            sh.text_right(R - 3, y + 6, fmt_num(carried), 8.5, SANS)
            sh.center((L + R) / 2, 780, "continued on next page", 7, SANS)
            continue
        port = (opts.get("port_of_loading") or "").split(",")[0]
        sh.text(xs[1] + 3, y + 7, f"TOTAL {f.get('incoterm') or ''} {port} ({cur})".replace("  ", " "), 9, SANSB)
        sh.text_right(R - 3, y + 7, fmt_num(f.get("total_amount")), 9, SANSB)
        sh.hline(L, R, y + 22)
        _lines(sh, 350, y + 70, [f"For and on behalf of {f.get('seller_name') or ''}"], R - 350, 8, SANS, 1.2)
        sh.hline(350, R, y + 112)
        sh.text(350, y + 115, "Authorized Signature", 7.5, SANS)
    return sh.finish()


# ---------------------------------------------------------------- a packing list, carton numbers first

def render_packing_list_p(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = Sheet("Packing List")
    L, R = 36.0, 559.0
    unit = (f.get("weight_unit") or "KGS").upper()
    y = _lines(sh, L, 34, [f.get("shipper_name") or ""], 300, 12, SANSB, 1.15)
    _lines(sh, L, y + 2, [opts.get("shipper_address") or ""], 290, 7.5, SANS, 1.2)
    sh.text_right(R, 30, "PACKING LIST", 16, SANSB)
    _number_and_date(sh, "Invoice No.", 60, f.get("invoice_number"), f.get("date"), R)
    sh.text(L, 112, "Customer", 8, SANSB)
    _lines(sh, L, 123, [f.get("consignee_name") or "", opts.get("consignee_address") or ""], 240, 8.5, SANS, 1.25)
    sh.text(300, 112, "Shipping marks", 8, SANSB)
    _lines(sh, 300, 123, ["N/M"], 240, 8.5, SANS, 1.25)
    y = 190.0
    xs = [L, L + 62, L + 250, L + 310, L + 370, L + 440, R]
    heads = ["C/No.", "Description of goods", f"N.W. ({unit})", f"G.W. ({unit})", "Q'ty", "Meas. (CBM)"]
    sh.rect(L, y, R, y + 16)
    for text, x in zip(heads, xs):
        sh.text(x + 3, y + 4, text, 8, SANSB)
    y += 24
    first = 1
    cbm_total = 0.0
    for item in f["items"]:
        n = int(item.get("packages") or 0)
        desc = sh.wrap(item.get("description") or "", xs[2] - xs[1] - 6, 8.5, SANS)
        sh.text(L + 3, y, f"{first}-{first + n - 1}" if n > 1 else str(first), 8.5, SANS)
        for j, ln in enumerate(desc + [f"{n} {(opts.get('package_kinds') or {}).get(item.get('description'), 'CARTONS')}"]):
            sh.text(xs[1] + 3, y + j * 10.5, ln, 8.5, SANS)
        sh.text_right(xs[3] - 4, y, fmt_num(item.get("net_weight")), 8.5, SANS)
        sh.text_right(xs[4] - 4, y, fmt_num(item.get("gross_weight")), 8.5, SANS)
        sh.text(xs[4] + 10, y, f"{fmt_qty(item.get('quantity'))} {item.get('quantity_unit') or ''}", 8.5, SANS)
        cbm = round(n * 0.045, 3)
        cbm_total += cbm
        sh.text_right(R - 4, y, f"{cbm:.3f}", 8.5, SANS)
        first += n
        y += (len(desc) + 1) * 10.5 + 7
    sh.hline(L, R, y)
    sh.text(L + 3, y + 6, "TOTAL", 9, SANSB)
    sh.text(xs[1] + 3, y + 6, f"{fmt_qty(f.get('total_packages'))} PACKAGES", 9, SANSB)
    sh.text_right(xs[3] - 4, y + 6, fmt_num(f.get("total_net_weight")), 9, SANSB)
    sh.text_right(xs[4] - 4, y + 6, fmt_num(f.get("total_gross_weight")), 9, SANSB)
    sh.text_right(R - 4, y + 6, f"{cbm_total:.3f}", 9, SANSB)
    sh.hline(L, R, y + 20)
    return sh.finish()


# ---------------------------------------------------------------- a carrier's bill of lading, booking beside B/L

def render_bill_of_lading_p(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = Sheet("Bill of Lading")
    L, R, MID = 30.0, 565.0, 298.0
    unit = (f.get("weight_unit") or "KGS").upper()

    def cell(caption: str, lines: list[str], x0: float, top: float, x1: float, bottom: float, size: float = 8.5):
        sh.rect(x0, top, x1, bottom)
        sh.text(x0 + 3, top + 3, caption, 6.5, SANS)
        _lines(sh, x0 + 5, top + 14, [s for s in lines if s], x1 - x0 - 9, size, SANS, 1.2)

    cell("Shipper (complete name and address)", [f.get("shipper_name") or "", opts.get("shipper_address") or ""],
         L, 30, MID, 100)
    cell("Consignee (complete name and address) or Order",
         [f.get("consignee_name") or ""] + ([opts["consignee_address"]] if opts.get("consignee_address") else []),
         L, 100, MID, 170)
    cell("Notify Party (complete name and address)",
         [f.get("notify_party") or ""] + ([opts["notify_address"]] if opts.get("notify_address") else []),
         L, 170, MID, 240)
    mid2 = (MID + R) / 2
    bl = f.get("bl_number") or ""
    cell("Booking No.", [f"{bl[:4]}{_digits(bl or 'b', 9)}"], MID, 30, mid2, 58, 9.5)
    cell("B/L No.", [bl], mid2, 30, R, 58, 9.5)
    sh.center((MID + R) / 2, 82, "BILL OF LADING", 15, SANSB)
    sh.center((MID + R) / 2, 100, "RECEIVED in apparent good order and condition except as otherwise noted", 6, SANS)
    cell("Pre-carriage by", [""], L, 240, L + 134, 268)
    cell("Place of Receipt", [f.get("port_of_loading") or ""], L + 134, 240, MID, 268)
    cell("Ocean Vessel", [f.get("vessel") or ""], L, 268, L + 134, 296)
    cell("Voy. No.", [f.get("voyage") or ""], L + 134, 268, MID, 296)
    cell("Port of Loading", [f.get("port_of_loading") or ""], MID, 240, R, 268)
    cell("Port of Discharge", [f.get("port_of_discharge") or ""], MID, 268, mid2, 296)
    cell("Place of Delivery", [f.get("port_of_discharge") or ""], mid2, 268, R, 296)
    sh.rect(L, 296, R, 540)
    heads = [("Container No./Seal No.", L), ("Marks & Nos.", L + 100), ("No. of Pkgs.", L + 170),
             ("Description of Goods", L + 230), (f"Gross Weight ({unit})", L + 400), ("Measurement", L + 470)]
    for text, x in heads:
        sh.text(x + 3, 300, text, 6.5, SANSB)
    sh.hline(L, R, 312)
    cont = f"TGHU{_digits(bl or 'c', 7)}"
    sh.text(L + 4, 320, cont, 8, SANS)
    sh.text(L + 4, 331, f"SEAL: {_digits(cont, 6)}", 8, SANS)
    sh.text(L + 4, 342, "1 X 40'HC", 8, SANS)
    sh.text(L + 104, 320, "N/M", 8.5, SANS)
    sh.text(L + 174, 320, f"{fmt_qty(f.get('total_packages'))} PKGS", 8.5, SANS)
    y = 320.0
    for d in opts.get("descriptions", []):
        y = _lines(sh, L + 234, y, [d], 160, 8.5, SANS, 1.2)
    sh.text(L + 234, y + 8, "SHIPPER'S LOAD, COUNT AND SEAL", 7, SANS)
    sh.text(L + 234, y + 18, "FREIGHT PREPAID", 7, SANS)
    sh.text(L + 404, 320, fmt_num(f.get("gross_weight"), 2), 8.5, SANS)
    sh.text(L + 474, 320, "52.000 CBM", 8.5, SANS)
    on_board = f.get("on_board_date")
    sh.text(L + 4, 520, f"SHIPPED ON BOARD THE VESSEL ON {fmt_date(on_board, 'dmy')}", 8.5, SANSB)
    issued = (dt.date.fromisoformat(on_board) + dt.timedelta(days=1)).isoformat() if on_board else None
    port = (f.get("port_of_loading") or "").split(",")[0]
    cell("Place of Issue", [port], L, 540, L + 180, 570)
    cell("Date of Issue", [fmt_date(issued, "dmy")], L + 180, 540, MID, 570)
    cell("Number of Original B(s)/L", ["THREE (3)"], MID, 540, R, 570)
    sh.text(MID + 4, 600, "Signed as agent for the Carrier", 7.5, SANS)
    sh.hline(MID + 4, R - 10, 640)
    return sh.finish()


RENDERERS_FIFTEENTH = {"co-q": render_certificate_q, "inv-r": render_invoice_r, "pl-p": render_packing_list_p,
                       "bl-p": render_bill_of_lading_p}
