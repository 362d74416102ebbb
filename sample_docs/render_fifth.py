"""A fifth held-out layout family (`generate --layouts fifth`), drawn after extraction had been tuned on the
fourth, so that it gives a blind number again.

How it differs from the other families, on realism grounds: a certificate printed by an ASEAN issuing body that
adapted its Form D template (Times captions in the older wording - 'Goods consigned from (Exporter's name,
address and country)', 'Reference No.' for the certificate number - values typed in Courier Bold; exporter and
importer side by side; Box 4 across the page with each caption and its value on one line; HS codes plain;
dates day first with slashes; the goods closed by a total in words, 'TOTAL: SEVEN HUNDRED EIGHTEEN (718)
CARTONS ONLY'; Box 17 as drawn check boxes); a trading house's word-processor invoice and packing list in Times
(the seller's letterhead, a plain 'INVOICE' title, 'Messrs.' for the buyer, the particulars as 'Caption : value'
pairs at the right, an open goods table ruled only above and below its headings and at its end, amounts
without a currency sign under '(USD)' headings, the total said in words, carton numbers '1-454' in the packing
list); and a bill of lading for combined transport with 'Vessel / Voyage No.' in one cell and the weights in
kilograms to three decimals.
"""
from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics

from sample_docs.render import CERTIFICATION, DECLARATION, Sheet, country_name, fmt_date, fmt_num, fmt_qty

PAGE_W, PAGE_H = A4
PAGE_CENTRE = PAGE_W / 2
CAP, CAP_B, CAP_I = "Times-Roman", "Times-Bold", "Times-Italic"
TYPED = "Courier-Bold"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
ONES = ["", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE", "TEN", "ELEVEN", "TWELVE",
        "THIRTEEN", "FOURTEEN", "FIFTEEN", "SIXTEEN", "SEVENTEEN", "EIGHTEEN", "NINETEEN"]
TENS = ["", "", "TWENTY", "THIRTY", "FORTY", "FIFTY", "SIXTY", "SEVENTY", "EIGHTY", "NINETY"]


def in_words(n: int) -> str:
    """1234 -> 'ONE THOUSAND TWO HUNDRED THIRTY-FOUR', as totals are said on trade documents."""
    if n == 0:
        return "ZERO"
    parts = []
    for size, name in ((1_000_000, "MILLION"), (1000, "THOUSAND"), (1, "")):
        k, n = divmod(n, size)
        if not k:
            continue
        words = []
        h, r = divmod(k, 100)
        if h:
            words.append(f"{ONES[h]} HUNDRED")
        if r >= 20:
            words.append(TENS[r // 10] + (f"-{ONES[r % 10]}" if r % 10 else ""))
        elif r:
            words.append(ONES[r])
        parts.append(" ".join(words) + (f" {name}" if name else ""))
    return " ".join(parts)


_slashed = partial(fmt_date, style="dmy_slash")  # '12/03/2025', as the region's issuing bodies print dates


def _long(iso: str | None) -> str:
    """'March 12, 2025', as a word processor writes the date of a letter."""
    if not iso:
        return ""
    d = dt.date.fromisoformat(iso)
    return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"


def _typed(sh: Sheet, x: float, top: float, lines: list[str], width: float, size: float = 8.2) -> float:
    y = top
    for t in lines:
        for line in sh.wrap(t, width, size, TYPED) if t else []:
            sh.text(x, y, line, size, TYPED)
            y += size * 1.3
    return y


def _box(sh: Sheet, x: float, top: float, number: str, caption: str, size: float = 7.0) -> None:
    """'1.' in bold, then the caption in roman."""
    sh.text(x, top, number, size, CAP_B)
    sh.text(x + pdfmetrics.stringWidth(number, CAP_B, size) + 3, top, caption, size, CAP)


def _packages_count(packages: str | None) -> tuple[int, str] | None:
    """'718 CARTONS' -> (718, 'CARTONS')."""
    if not packages:
        return None
    head, _, kind = packages.partition(" ")
    try:
        return int(head.replace(",", "")), kind
    except ValueError:
        return None


# ---------------------------------------------------------------- Form RCEP

def _co_goods(sh: Sheet, items: list[dict[str, Any]], top: float, bottom: float, L: float, R: float) -> float:
    xs = [L, L + 30, L + 92, L + 250, L + 300, L + 342, L + 392, L + 462, R]
    heads = [("6.", ["Item", "number"]), ("7.", ["Marks and", "numbers on", "packages"]),
             ("8.", ["Number and kind of packages;", "and description of goods"]),
             ("9.", ["HS Code", "(6 digit)"]), ("10.", ["Origin", "criterion"]),
             ("11.", ["RCEP", "country of", "origin"]),
             ("12.", ["Quantity (gross", "weight or other", "measurement), and", "value (FOB)", "where RVC is", "applied"]),
             ("13.", ["Invoice", "number(s) and", "date of", "invoice(s)"])]
    for (num, lines), x0 in zip(heads, xs):
        sh.text(x0 + 2, top + 3, num, 6.6, CAP_B)
        for k, line in enumerate(lines):
            sh.text(x0 + 2, top + 11 + k * 7.2, line, 6.4, CAP)
        if x0 > L:
            sh.vline(x0, top, bottom)
    head_bottom = top + 58
    sh.hline(L, R, head_bottom)
    size = 7.6
    y = head_bottom + 8
    total: dict[str, int] = {}
    for item in items:
        qty = []
        if item.get("quantity") is not None:
            unit = item.get("quantity_unit") or ""
            qty.append(("G.W. " if unit in ("KGS", "KG") else "") + f"{fmt_qty(item['quantity'])} {unit}")
        if item.get("fob_value") is not None:
            qty.append(f"FOB: {item.get('fob_currency') or ''} {fmt_num(item['fob_value'])}".replace("  ", " "))
        cells = [[str(item["item_number"])], [item.get("marks") or ""],
                 [item.get("packages") or "", item.get("description") or ""], [item.get("hs_code") or ""],
                 [item.get("origin_criterion") or ""], [country_name(item.get("country_of_origin"))], qty,
                 [s for s in (item.get("invoice_number"), _slashed(item.get("invoice_date"))) if s]]
        used = 0.0
        for cell, x0, x1 in zip(cells, xs, xs[1:]):
            lines: list[str] = []
            for s in cell:
                lines += sh.wrap(s, x1 - x0 - 5, size, TYPED) if s else []
            for k, line in enumerate(lines):
                sh.text(x0 + 2.5, y + k * 9.8, line, size, TYPED)
            used = max(used, len(lines) * 9.8)
        count = _packages_count(item.get("packages"))
        if count:
            total[count[1]] = total.get(count[1], 0) + count[0]
        y += used + 9
        if y > bottom - 30:
            raise ValueError("too many items for one sheet")
    # the goods closed by their total said in words, so nothing can be added after them
    if len(total) == 1:
        kind, n = next(iter(total.items()))
        closing = f"TOTAL: {in_words(n)} ({n:,}) {kind} ONLY"
    else:
        n = sum(total.values())
        closing = f"TOTAL: {in_words(n)} ({n:,}) PACKAGES ONLY"
    for k, line in enumerate(sh.wrap(closing, xs[3] - xs[2] - 5, size, TYPED)):
        sh.text(xs[2] + 2.5, y + 4 + k * 9.8, line, size, TYPED)
    return y


def render_certificate_g(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = Sheet("RCEP Certificate of Origin")
    L, R, MID = 28.0, 567.0, 297.5
    sh.center(PAGE_CENTRE, 30, "REGIONAL COMPREHENSIVE ECONOMIC PARTNERSHIP AGREEMENT", 10, CAP_B)
    sh.center(PAGE_CENTRE, 44, "CERTIFICATE OF ORIGIN", 14, CAP_B)
    sh.center(PAGE_CENTRE, 62, "FORM RCEP", 10, CAP_B)
    sh.rect(L, 78, R, 812)
    # the reference number and the issuing country in one band
    sh.text(L + 4, 84, "Reference No.", 7.5, CAP_B)
    sh.text(L + 70, 83, f.get("certificate_number") or "", 10, TYPED)
    sh.text(MID + 80, 84, "Issued in", 7.5, CAP_B)
    sh.text(MID + 124, 83, country_name(f.get("issued_in")), 9, TYPED)
    sh.text(R - 64, 93, "(Country)", 6.2, CAP_I)
    sh.hline(L, R, 102)
    w = MID - L - 16
    _box(sh, L + 4, 106, "1.", "Goods consigned from (Exporter's name, address and country)")
    _typed(sh, L + 10, 120, [f.get("exporter_name") or "", f.get("exporter_address") or ""], w)
    _box(sh, MID + 4, 106, "2.", "Goods consigned to (Importer's/Consignee's name, address, country)")
    _typed(sh, MID + 10, 120, [f.get("importer_name") or "", f.get("importer_address") or ""], w)
    sh.vline(MID, 102, 250)
    sh.hline(L, R, 180)
    _box(sh, L + 4, 184, "3.", "Producer's name and address, if known")
    _typed(sh, L + 10, 198, [f.get("producer_name") or ""], w)
    _box(sh, MID + 4, 184, "5.", "For Official Use")
    sh.rect(MID + 12, 200, MID + 19, 207)
    sh.text(MID + 24, 200, "Preferential Treatment Given Under RCEP", 6.6, CAP)
    sh.rect(MID + 12, 214, MID + 19, 221)
    sh.text(MID + 24, 214, "Preferential Treatment Not Given (Please state reason/s)", 6.6, CAP)
    sh.hline(MID + 12, R - 12, 238)
    sh.text(MID + 12, 240, "Signature of Authorised Signatory of the Importing Party", 5.8, CAP_I)
    sh.hline(L, R, 250)
    _box(sh, L + 4, 254, "4.", "Means of transport and route (as far as known)")
    # each particular's caption and its value on one line
    sh.text(L + 12, 270, "Departure date:", 7.0, CAP)
    sh.text(L + 72, 269, _slashed(f.get("departure_date")), 8.2, TYPED)
    sh.text(MID - 60, 270, "Vessel's name/Aircraft etc.:", 7.0, CAP)
    sh.text(MID + 38, 269, f.get("transport") or "", 8.2, TYPED)
    sh.text(L + 12, 286, "Port of discharge:", 7.0, CAP)
    sh.text(L + 82, 285, f.get("port_of_discharge") or "", 8.2, TYPED)
    sh.hline(L, R, 300)
    y = _co_goods(sh, f["items"], 300, 590, L, R)
    sh.hline(L, R, 590)
    _box(sh, L + 4, 594, "14.", "Remarks")
    sh.para(L + 10, 607, R - L - 20, f.get("remarks") or "", 7.8, TYPED)
    sh.hline(L, R, 632)
    sh.vline(MID, 632, 780)
    _box(sh, L + 4, 636, "15.", "Declaration by the exporter or producer")
    y = sh.para(L + 8, 648, MID - L - 16, DECLARATION, 6.4, CAP)
    sh.text(L + 8, y + 4, "These goods are exported to:", 6.8, CAP)
    sh.text(L + 110, y + 3, country_name(f.get("importing_country")), 8.2, TYPED)
    sh.text(L + 110, y + 13, "(Importing Party)", 5.8, CAP_I)
    sh.text(L + 10, 748, f"{f.get('declaration_place') or ''}, {_slashed(f.get('declaration_date'))}", 8.2, TYPED)
    sh.hline(L + 8, MID - 8, 760)
    sh.text(L + 8, 763, "Place and date, name, signature and company of authorised signatory", 5.8, CAP_I)
    _box(sh, MID + 4, 636, "16.", "Certification")
    y = sh.para(MID + 8, 648, R - MID - 16, CERTIFICATION, 6.4, CAP)
    sh.para(MID + 12, y + 6, R - MID - 24, f.get("issuing_authority") or "", 7.8, TYPED)
    sh.text(MID + 12, 748, f"{f.get('issue_place') or ''}, {_slashed(f.get('issue_date'))}", 8.2, TYPED)
    sh.hline(MID + 8, R - 8, 760)
    sh.text(MID + 8, 763, "Place and date, signature and stamp of the Issuing Body", 5.8, CAP_I)
    sh.hline(L, R, 780)
    _box(sh, L + 4, 786, "17.", "")
    x = L + 26
    for key, label in (("back_to_back", "Back-to-back Certificate of Origin"),
                       ("third_party_invoicing", "Third-party invoicing"),
                       ("issued_retroactively", "Issued retroactively")):
        sh.rect(x, 786, x + 8, 794)
        if f.get(key):  # a cross drawn in the box
            sh.c.line(x + 1, PAGE_H - 787, x + 7, PAGE_H - 793)
            sh.c.line(x + 1, PAGE_H - 793, x + 7, PAGE_H - 787)
        sh.text(x + 12, 786, label, 7.0, CAP)
        x += 12 + pdfmetrics.stringWidth(label, CAP, 7.0) + 22
    return sh.finish()


# ---------------------------------------------------------------- the trading house's invoice and packing list

def _letterhead(sh: Sheet, name: str, address: str) -> None:
    sh.center(PAGE_CENTRE, 34, name, 15, CAP_B)
    sh.center(PAGE_CENTRE, 54, address, 8.5, CAP)
    sh.hline(40, 555, 70)
    sh.hline(40, 555, 72.5)


def _head(name: str, title: str, sender: tuple[str, str], messrs: tuple[str, str],
          particulars: list[tuple[str, str]]) -> tuple[Sheet, float]:
    """The sender's letterhead, the title, 'Messrs.' at the left and the particulars at the right; the sheet
    and the y under the 'Messrs.' block."""
    sh = Sheet(name)
    _letterhead(sh, *sender)
    sh.center(PAGE_CENTRE, 86, title, 16, CAP_B)
    y = _messrs(sh, 116, *messrs)
    _particulars(sh, 330, 116, particulars)
    return sh, y


def _signed_for(sh: Sheet, company: str) -> None:
    sh.text(340, 700, "For and on behalf of", 9, CAP_I)
    sh.text(340, 714, company, 9, CAP_B)
    sh.hline(340, 540, 770)
    sh.text(340, 774, "Authorized Signature", 8.5, CAP)


def _particulars(sh: Sheet, x: float, top: float, pairs: list[tuple[str, str]], size: float = 9.5) -> float:
    """'Invoice No.   : INV-...' at the right of the page, captions and colons aligned."""
    y = top
    for caption, value in pairs:
        sh.text(x, y, caption, size, CAP)
        sh.text(x + 78, y, ":", size, CAP)
        sh.text(x + 86, y, value, size, CAP)
        y += size * 1.6
    return y


def _messrs(sh: Sheet, top: float, name: str, address: str) -> float:
    sh.text(40, top, "Messrs.", 9.5, CAP_I)
    y = top + 14
    for line in [name] + sh.wrap(address, 230, 9.5, CAP):
        sh.text(56, y, line, 9.5, CAP)
        y += 13
    return y


def _open_table(sh: Sheet, heads: list[tuple[str, list[str], float, float, str]], top: float) -> float:
    """Headings between two rulings, no column rulings; the y where the rows start."""
    sh.hline(40, 555, top)
    for _key, lines, x0, x1, align in heads:
        for k, line in enumerate(lines):
            if align == "right":
                sh.text_right(x1, top + 5 + k * 11, line, 9, CAP_B)
            else:
                sh.text(x0, top + 5 + k * 11, line, 9, CAP_B)
    rows = top + 5 + max(len(h[1]) for h in heads) * 11 + 2
    sh.hline(40, 555, rows)
    return rows + 8


def render_invoice_h(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh, y = _head("Invoice", "INVOICE", (f.get("seller_name") or "", f.get("seller_address") or ""),
                  (f.get("buyer_name") or "", f.get("buyer_address") or ""),
                  [("Invoice No.", f.get("invoice_number") or ""), ("Date", _long(f.get("invoice_date"))),
                   ("Terms", opts.get("incoterm_text", f.get("incoterm") or "")),
                   ("Payment", "T/T 30 DAYS AFTER B/L DATE")])
    y = max(y, 176) + 8
    sh.text(40, y, f"Shipped per  {opts.get('vessel', '')}  on or about  {_long(opts.get('sailing'))}", 9.5, CAP)
    sh.text(40, y + 14, f"From  {opts.get('port_of_loading', '')}  to  {opts.get('destination', '')}", 9.5, CAP)
    cur = f.get("currency") or "USD"
    heads = [("marks", ["Marks & Nos."], 40, 110, "left"), ("description", ["Description of Goods"], 112, 300, "left"),
             ("hs_code", ["H.S. Code"], 302, 350, "left"), ("quantity", ["Quantity"], 352, 430, "right"),
             ("unit_price", ["Unit Price", f"({cur})"], 432, 490, "right"),
             ("amount", ["Amount", f"({cur})"], 492, 555, "right")]
    y = _open_table(sh, heads, y + 34)
    for item in f["items"]:
        desc = sh.wrap(item.get("description") or "", 186, 9, CAP)
        sh.text(40, y, opts.get("marks", "N/M"), 9, CAP)
        for k, line in enumerate(desc):
            sh.text(112, y + k * 11, line, 9, CAP)
        sh.text(302, y, item.get("hs_code") or "", 9, CAP)
        sh.text_right(430, y, f"{fmt_qty(item.get('quantity'))} {item.get('quantity_unit') or ''}", 9, CAP)
        sh.text_right(490, y, fmt_num(item.get("unit_price")), 9, CAP)
        sh.text_right(555, y, fmt_num(item.get("amount")), 9, CAP)
        y += len(desc) * 11 + 8
    sh.hline(40, 555, y)
    units = {i.get("quantity_unit") for i in f["items"]}
    sh.text(112, y + 6, "TOTAL", 9, CAP_B)
    if len(units) == 1:
        total_qty = sum(i.get("quantity") or 0 for i in f["items"])
        sh.text_right(430, y + 6, f"{fmt_qty(total_qty)} {units.pop() or ''}", 9, CAP_B)
    sh.text_right(555, y + 6, f"{cur} {fmt_num(f.get('total_amount'))}", 9, CAP_B)
    sh.hline(40, 555, y + 20)
    total = f.get("total_amount") or 0
    dollars, cents = int(total), round((total - int(total)) * 100)
    said = f"SAY TOTAL US DOLLARS {in_words(dollars)}" + (f" AND CENTS {in_words(cents)}" if cents else "") + " ONLY."
    sh.para(40, y + 30, 515, said, 9, CAP)
    _signed_for(sh, f.get("seller_name") or "")
    return sh.finish()


def render_packing_list_f(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh, y = _head("Packing List", "PACKING LIST", (f.get("shipper_name") or "", opts.get("shipper_address") or ""),
                  (f.get("consignee_name") or "", opts.get("consignee_address") or ""),
                  [("Invoice No.", f.get("invoice_number") or ""), ("Date", _long(f.get("date"))),
                   ("Shipped per", opts.get("vessel", "")), ("From", opts.get("port_of_loading", "")),
                   ("To", opts.get("destination", ""))])
    unit = f.get("weight_unit") or "KGS"
    heads = [("cno", ["C/No."], 40, 90, "left"), ("description", ["Description of Goods"], 92, 230, "left"),
             ("quantity", ["Quantity"], 232, 300, "right"), ("packages", ["Packages"], 302, 390, "right"),
             ("net", ["N.W.", f"({unit})"], 392, 445, "right"), ("gross", ["G.W.", f"({unit})"], 447, 500, "right"),
             ("cbm", ["Meas.", "(CBM)"], 502, 555, "right")]
    y = _open_table(sh, heads, max(y, 200) + 12)
    kinds = opts.get("package_kinds", {})
    first = 1
    for item in f["items"]:
        n = int(item.get("packages") or 0)
        sh.text(40, y, f"{first}-{first + n - 1}" if n > 1 else str(first), 9, CAP)
        first += n
        desc = sh.wrap(item.get("description") or "", 136, 9, CAP)
        for k, line in enumerate(desc):
            sh.text(92, y + k * 11, line, 9, CAP)
        sh.text_right(300, y, f"{fmt_qty(item.get('quantity'))} {item.get('quantity_unit') or ''}", 9, CAP)
        sh.text_right(390, y, f"{fmt_qty(item.get('packages'))} {kinds.get(item.get('description'), 'PKGS')}", 9, CAP)
        sh.text_right(445, y, fmt_num(item.get("net_weight")), 9, CAP)
        sh.text_right(500, y, fmt_num(item.get("gross_weight")), 9, CAP)
        sh.text_right(555, y, fmt_num((item.get("gross_weight") or 0) / 700.0, 3), 9, CAP)
        y += len(desc) * 11 + 8
    sh.hline(40, 555, y)
    sh.text(92, y + 6, "TOTAL", 9, CAP_B)
    packages = f.get("total_packages")
    sh.text_right(390, y + 6, f"{fmt_qty(packages)} PKGS", 9, CAP_B)
    sh.text_right(445, y + 6, fmt_num(f.get("total_net_weight")), 9, CAP_B)
    sh.text_right(500, y + 6, fmt_num(f.get("total_gross_weight")), 9, CAP_B)
    sh.hline(40, 555, y + 20)
    if packages is not None:
        sh.text(40, y + 30, f"SAY TOTAL: {in_words(int(packages))} ({fmt_qty(packages)}) PACKAGES ONLY.", 9, CAP)
    _signed_for(sh, f.get("shipper_name") or "")
    return sh.finish()


# ---------------------------------------------------------------- bill of lading for combined transport

def render_bill_of_lading_f(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = Sheet("Bill of Lading")
    L, R, MID = 30.0, 565.0, 300.0
    cap = "Helvetica"

    def cell(caption: str, lines: list[str], x0: float, top: float, x1: float, bottom: float) -> None:
        sh.rect(x0, top, x1, bottom)
        sh.text(x0 + 3, top + 3, caption, 6.2, cap)
        _typed(sh, x0 + 6, top + 14, lines, x1 - x0 - 12, 8.0)

    cell("Shipper", [f.get("shipper_name") or "", opts.get("shipper_address") or ""], L, 30, MID, 100)
    cell("Consignee (if 'To Order' so indicate)",
         [f.get("consignee_name") or ""] + ([opts["consignee_address"]] if opts.get("consignee_address") else []),
         L, 100, MID, 170)
    cell("Notify Party (No claim shall attach for failure to notify)",
         [f.get("notify_party") or ""] + ([opts["notify_address"]] if opts.get("notify_address") else []),
         L, 170, MID, 240)
    sh.rect(MID, 30, R, 240)
    sh.text(MID + 6, 36, "B/L No.", 7, cap)
    sh.text(MID + 44, 35, f.get("bl_number") or "", 10, TYPED)
    sh.text(MID + 160, 36, "Reference No.", 7, cap)
    sh.text(MID + 214, 35, "EXP-" + (f.get("bl_number") or "")[-5:], 8, TYPED)
    sh.hline(MID, R, 52)
    sh.center((MID + R) / 2, 70, "BILL OF LADING", 15, "Helvetica-Bold")
    sh.center((MID + R) / 2, 88, "FOR COMBINED TRANSPORT OR PORT TO PORT SHIPMENT", 7.5, "Helvetica-Bold")
    sh.center((MID + R) / 2, 110, opts.get("carrier", "WAN HAI LINES LTD."), 11, "Helvetica-Bold")
    sh.para(MID + 8, 130, R - MID - 16, "Taken in charge in apparent good order and condition, unless otherwise "
            "noted herein, at the place of receipt for transport to the place of delivery mentioned below. One of "
            "these Bills of Lading must be surrendered duly endorsed in exchange for the goods.", 5.8, cap)
    row = [("Pre-carriage by", "", L, 165), ("Place of Receipt", f.get("port_of_loading") or "", 165, MID),
           ("Vessel / Voyage No.", f"{f.get('vessel') or ''} {f.get('voyage') or ''}".strip(), MID, 440),
           ("Port of Loading", f.get("port_of_loading") or "", 440, R)]
    for caption, value, x0, x1 in row:
        cell(caption, [value], x0, 240, x1, 272)
    row = [("Port of Discharge", f.get("port_of_discharge") or "", L, 165),
           ("Place of Delivery", f.get("port_of_discharge") or "", 165, MID),
           ("Freight payable at", "DESTINATION", MID, 440), ("Number of original B/L", "THREE (3)", 440, R)]
    for caption, value, x0, x1 in row:
        cell(caption, [value], x0, 272, x1, 304)
    heads = [("Container No./Seal No.", ["Container No./Seal No.", "Marks and Numbers"], L, 140),
             ("pkgs", ["Number of Containers", "or Packages"], 140, 225),
             ("desc", ["Kind of Packages; Description of Goods"], 225, 420),
             ("gw", ["Gross Weight (kg)"], 420, 495), ("m", ["Measurement (m3)"], 495, R)]
    sh.rect(L, 304, R, 620)
    for _k, lines, x0, _x1 in heads:
        for k, line in enumerate(lines):
            sh.text(x0 + 3, 307 + k * 8, line, 6.4, cap)
        if x0 > L:
            sh.vline(x0, 304, 550)  # the columns end above the totals, which run across the page
    sh.hline(L, R, 326)
    _typed(sh, L + 4, 334, [opts.get("container", "TGHU 8811234 / SEAL 0045123"), "N/M"], 104, 7.6)
    sh.text(144, 334, f"{fmt_qty(f.get('total_packages'))} {opts.get('package_kind', 'PKGS')}", 8.0, TYPED)
    y = 334.0
    for d in opts.get("descriptions", []):
        y = _typed(sh, 229, y, [d], 186, 8.0)
    gw = f.get("gross_weight")
    sh.text_right(491, 334, f"{gw:,.3f}" if gw is not None else "", 8.0, TYPED)
    sh.text_right(R - 4, 334, "28.400", 8.0, TYPED)
    _typed(sh, 229, y + 10, ["SHIPPER'S LOAD, COUNT AND SEAL", "FREIGHT COLLECT"], 186, 8.0)
    packages = f.get("total_packages")
    sh.hline(L, R, 550)
    if packages is not None:
        _typed(sh, L + 4, 558, [f"TOTAL: {in_words(int(packages))} ({fmt_qty(packages)}) {opts.get('package_kind', 'PACKAGES')} ONLY"],
               R - L - 10, 8.0)
    sh.text(L + 4, 588, "SHIPPED ON BOARD:", 8.0, TYPED)
    sh.text(L + 110, 588, _long(f.get("on_board_date")).upper(), 8.0, TYPED)
    sh.rect(L, 620, R, 700)
    sh.text(L + 3, 623, "Place and Date of Issue", 6.2, cap)
    _typed(sh, L + 6, 636, [f"{f.get('port_of_loading') or ''}, {_slashed(f.get('on_board_date'))}"], 250, 8.0)
    sh.text(MID + 3, 623, "Signed for the Carrier", 6.2, cap)
    sh.text(MID + 6, 676, "AS AGENT FOR THE CARRIER", 8.0, TYPED)
    return sh.finish()


RENDERERS_FIFTH = {"co-g": render_certificate_g, "inv-h": render_invoice_h, "pl-f": render_packing_list_f,
                   "bl-f": render_bill_of_lading_f}
