"""A twelfth held-out layout family (`generate --layouts twelfth`), drawn after extraction had been tuned on the
eleventh, so that it gives a blind number again.

How it differs from the other families, on realism grounds: a certificate whose goods are printed as records, one
block an item with each particular captioned on its own line ('Marks and numbers:', 'HS Code:', 'Origin
criterion:', 'Invoice No. and date:'), as issuing systems print goods lists too long for the form's columns; the
form's other boxes in the official two-column arrangement with captions in small italics, dates as 'MARCH 5,
2025', and Box 17's three questions answered on one line; an exporter's word-processor invoice whose particulars
and parties are captions with dotted leaders to their values ('Invoice No. .......... INV-1'), the goods with a
'Unit' column after the quantity and the amounts under 'Total Value'; a packing list that gives each line's net
and gross weight per carton beside the line's totals; and a forwarder's FIATA multimodal transport bill of lading
('Consignor', 'Consigned to order of', 'Notify address', 'Ocean vessel', 'FBL No.').
"""
from __future__ import annotations

from typing import Any

from sample_docs.render import CERTIFICATION, DECLARATION, Sheet, country_name, fmt_date, fmt_num, fmt_qty
from sample_docs.render_seventh import _lines  # wrapped lines from a top, returning the y under them

SANS, SANSB, CAPF = "Helvetica", "Helvetica-Bold", "Times-Italic"
SERIF, SERIFB = "Times-Roman", "Times-Bold"


def _long(iso: str | None) -> str:
    return fmt_date(iso, "long")  # 'MARCH 5, 2025'


# ---------------------------------------------------------------- Form RCEP with the goods as records

def render_certificate_n(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = Sheet("Certificate of Origin")
    L, R, MID = 34.0, 561.0, 300.0

    def box(caption: str, lines: list[str], x0: float, top: float, x1: float, bottom: float, size: float = 9) -> None:
        sh.rect(x0, top, x1, bottom)
        sh.text(x0 + 3, top + 3, caption, 7, CAPF)
        _lines(sh, x0 + 8, top + 14, [s for s in lines if s], x1 - x0 - 14, size, SANS, 1.2)

    box("1. Exporter's name, address and country", [f.get("exporter_name") or "", f.get("exporter_address") or ""],
        L, 30, MID, 96)
    box("2. Importer's or consignee's name, address and country",
        [f.get("importer_name") or "", f.get("importer_address") or ""], L, 96, MID, 162)
    box("3. Producer's name, address and country (if known)", [f.get("producer_name") or ""], L, 162, MID, 212)
    sh.rect(L, 212, MID, 296)
    sh.text(L + 3, 215, "4. Means of transport and route (if known)", 7, CAPF)
    y = 229.0
    for caption, val in (("Departure date", _long(f.get("departure_date"))),
                         ("Vessel's name / Flight number", f.get("transport") or ""),
                         ("Port of loading", opts.get("port_of_loading", "")),
                         ("Port of discharge", f.get("port_of_discharge") or "")):
        sh.text(L + 8, y, caption, 7, CAPF)
        sh.text(L + 120, y - 1, val, 9, SANS)
        y += 16
    sh.rect(MID, 30, R, 150)
    sh.text(MID + 6, 36, "Certificate No.", 7, CAPF)
    sh.text(MID + 70, 35, f.get("certificate_number") or "", 10, SANSB)
    sh.center((MID + R) / 2, 66, "CERTIFICATE OF ORIGIN", 13, SANSB)
    sh.center((MID + R) / 2, 84, "Form RCEP", 9, SANS)
    sh.center((MID + R) / 2, 98, "REGIONAL COMPREHENSIVE ECONOMIC PARTNERSHIP AGREEMENT", 6.5, SANS)
    sh.text(MID + 6, 122, "Issued in", 7, CAPF)
    sh.text(MID + 50, 121, country_name(f.get("issued_in")).upper(), 9, SANS)
    sh.text(MID + 6, 136, "(see Overleaf Notes)", 6.5, CAPF)
    box("5. For official use", [], MID, 150, R, 296)

    # Boxes 6-13: each item a block of captioned lines
    top = 296.0
    sh.rect(L, top, R, top + 16)
    sh.text(L + 4, top + 4, "6 - 13. PARTICULARS OF GOODS (item number, marks and numbers, number and kind of "
            "packages, description, HS code, origin criterion, country of origin, quantity, invoice)", 6.5, CAPF)
    y = top + 24
    for item in f["items"]:
        qty = f"{fmt_qty(item.get('quantity'))} {item.get('quantity_unit') or ''}".strip() \
            if item.get("quantity") is not None else ""
        if item.get("fob_value") is not None:
            qty += f"    FOB value: {item.get('fob_currency') or ''} {fmt_num(item['fob_value'])}"
        inv = item.get("invoice_number") or ""
        if item.get("invoice_date"):
            inv += f" dated {_long(item['invoice_date'])}"
        sh.text(L + 6, y, f"Item {item['item_number']}", 9, SANSB)
        y += 12
        for caption, val in (("Marks and numbers:", item.get("marks") or ""),
                             ("Number and kind of packages:", item.get("packages") or ""),
                             ("Description of goods:", item.get("description") or ""),
                             ("HS Code:", item.get("hs_code") or ""),
                             ("Origin criterion:", item.get("origin_criterion") or ""),
                             ("RCEP country of origin:", country_name(item.get("country_of_origin")).upper()),
                             ("Quantity:", qty), ("Invoice No. and date:", inv)):
            sh.text(L + 18, y, caption, 7.5, CAPF)
            y = max(_lines(sh, L + 150, y - 1, [val], R - L - 160, 9, SANS, 1.2), y + 10) + 2  # (a line if empty)
        y += 6
    bottom = max(y + 4, top + 200)
    sh.rect(L, top + 16, R, bottom)
    y = bottom

    box("14. Remarks", [f.get("remarks") or ""], L, y, R, y + 34)
    y += 34
    top = y
    sh.rect(L, top, MID, top + 150)
    sh.rect(MID, top, R, top + 150)
    sh.text(L + 3, top + 3, "15. Declaration by the exporter or producer", 7, CAPF)
    y1 = sh.para(L + 8, top + 16, MID - L - 16, DECLARATION, 6.5, SERIF)
    sh.text(L + 8, y1 + 4, "Importing Party:", 7, CAPF)
    sh.text(L + 80, y1 + 3, country_name(f.get("importing_country")).upper(), 9, SANS)
    sh.text(L + 8, top + 112, f"{f.get('declaration_place') or ''}, {_long(f.get('declaration_date'))}", 9, SANS)
    sh.hline(L + 8, MID - 10, top + 124)
    sh.text(L + 8, top + 127, "Place and date, signature of authorised signatory", 6.5, CAPF)
    sh.text(MID + 3, top + 3, "16. Certification", 7, CAPF)
    y2 = sh.para(MID + 8, top + 16, R - MID - 16, CERTIFICATION, 6.5, SERIF)
    _lines(sh, MID + 8, y2 + 4, [f.get("issuing_authority") or ""], R - MID - 16, 8.5, SANSB, 1.2)
    sh.text(MID + 8, top + 112, f"{f.get('issue_place') or ''}, {_long(f.get('issue_date'))}", 9, SANS)
    sh.hline(MID + 8, R - 10, top + 124)
    sh.text(MID + 8, top + 127, "Place and date, signature and stamp of the issuing body", 6.5, CAPF)
    y = top + 150
    sh.rect(L, y, R, y + 22)
    sh.text(L + 3, y + 3, "17.", 7, CAPF)
    answers = [("Back-to-back CO", "back_to_back"), ("Third-party invoicing", "third_party_invoicing"),
               ("Issued retroactively", "issued_retroactively")]
    x = L + 20
    for caption, key in answers:
        sh.text(x, y + 8, f"{caption}:", 7.5, CAPF)
        sh.text(x + 82, y + 7.5, "YES" if f.get(key) else "NO", 8.5, SANSB)
        x += 170
    return sh.finish()


# ---------------------------------------------------------------- a word-processor invoice, dotted leaders

def _leader(sh: Sheet, x: float, y: float, caption: str, value: str, width: float, size: float = 9) -> None:
    """'Invoice No. .......... INV-1': the caption, dots to a tab stop, the value."""
    sh.text(x, y, caption, size, SERIF)
    cw = sh.c.stringWidth(caption, SERIF, size)
    dots = max(3, int((width - cw - 6) / sh.c.stringWidth(".", SERIF, size)))
    sh.text(x + cw + 3, y, "." * dots, size, SERIF)
    sh.text(x + width + 4, y, value, size, SERIFB)


def render_invoice_o(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = Sheet("Commercial Invoice")
    cur = f.get("currency") or "USD"
    L, R = 48.0, 547.0
    sh.center(297, 36, f.get("seller_name") or "", 14, SERIFB)
    sh.center(297, 54, f.get("seller_address") or "", 8.5, SERIF)
    sh.hline(L, R, 68)
    sh.center(297, 78, "COMMERCIAL INVOICE", 15, SERIFB)
    y = 108.0
    for caption, val in (("Invoice No.", f.get("invoice_number") or ""),
                         ("Date", fmt_date(f.get("invoice_date"), "dMy2")),
                         ("Terms of delivery", opts.get("incoterm_text", f.get("incoterm") or "")),
                         ("Terms of payment", opts.get("payment", "T/T 30 DAYS"))):
        _leader(sh, 320, y, caption, val, 80)
        y += 14
    y2 = 108.0
    _leader(sh, L, y2, "Sold to", "", 40)
    y2 = _lines(sh, L + 12, y2 + 14, [f.get("buyer_name") or "", f.get("buyer_address") or ""], 240, 9, SERIF, 1.25)
    y = max(y, y2) + 12
    _leader(sh, L, y, "Shipped per", opts.get("vessel", ""), 80)
    _leader(sh, L, y + 14, "From", opts.get("port_of_loading", ""), 80)
    _leader(sh, L, y + 28, "To", opts.get("destination", ""), 80)
    y += 54
    sh.hline(L, R, y - 4)
    heads = [("No.", L + 2), ("Description of Goods", L + 32), ("H.S. Code", L + 216)]
    for text, x in heads:
        sh.text(x, y, text, 9, SERIFB)
    sh.text_right(L + 300, y, "Quantity", 9, SERIFB)
    sh.text(L + 306, y, "Unit", 9, SERIFB)
    sh.text_right(L + 386, y, f"Price ({cur})", 9, SERIFB)
    sh.text_right(R - 2, y, f"Total Value ({cur})", 9, SERIFB)
    sh.hline(L, R, y + 13)
    y += 20
    for k, item in enumerate(f["items"], 1):
        sh.text(L + 2, y, f"{k}.", 9, SERIF)
        desc = sh.wrap(item.get("description") or "", 178, 9, SERIF)
        for j, line in enumerate(desc):
            sh.text(L + 32, y + j * 11, line, 9, SERIF)
        sh.text(L + 216, y, item.get("hs_code") or "", 9, SERIF)
        sh.text_right(L + 300, y, fmt_qty(item.get("quantity")), 9, SERIF)
        sh.text(L + 306, y, item.get("quantity_unit") or "", 9, SERIF)
        sh.text_right(L + 386, y, fmt_num(item.get("unit_price"), 4 if (item.get("unit_price") or 0) < 1 else 2),
                      9, SERIF)
        sh.text_right(R - 2, y, fmt_num(item.get("amount")), 9, SERIF)
        y += len(desc) * 11 + 6
    sh.hline(L, R, y)
    sh.text(L + 32, y + 5, "TOTAL", 9, SERIFB)
    sh.text_right(R - 2, y + 5, f"{cur} {fmt_num(f.get('total_amount'))}", 9, SERIFB)
    sh.hline(L, R, y + 18)
    y += 34
    sh.text(L, y, f"Country of origin: {country_name(f.get('seller_country')).upper()}", 9, SERIF)
    sh.text(L, y + 14, "We hereby certify that this invoice is true and correct.", 9, SERIF)
    _lines(sh, 350, y + 50, [f"For and on behalf of {f.get('seller_name') or ''}"], R - 350, 8, SERIF, 1.2)
    sh.hline(350, R, y + 86)
    sh.text(350, y + 89, "Authorised Signature", 8, SERIF)
    return sh.finish()


# ---------------------------------------------------------------- a packing list with weights per carton

def render_packing_list_m(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = Sheet("Packing List")
    unit = (f.get("weight_unit") or "KGS").upper()
    L, R = 40.0, 555.0
    sh.center(297, 36, f.get("shipper_name") or "", 13, SERIFB)
    sh.center(297, 53, opts.get("shipper_address") or "", 8.5, SERIF)
    sh.center(297, 76, "PACKING LIST", 15, SERIFB)
    y = 104.0
    _leader(sh, L, y, "Messrs.", f.get("consignee_name") or "", 50)
    _lines(sh, L + 58, y + 13, [opts.get("consignee_address") or ""], 250, 8.5, SERIF, 1.2)
    _leader(sh, 340, y, "Invoice No.", f.get("invoice_number") or "", 62)
    _leader(sh, 340, y + 14, "Date", fmt_date(f.get("date"), "dMy2"), 62)
    _leader(sh, 340, y + 28, "Shipped per", opts.get("vessel", ""), 62)
    y += 62
    xs = [L, L + 190, L + 245, L + 290, L + 335, L + 380, L + 440, R]
    heads = [["Description of Goods"], ["Quantity"], ["Cartons"], ["N.W./Ctn", f"({unit})"], ["G.W./Ctn", f"({unit})"],
             ["Total N.W.", f"({unit})"], ["Total G.W.", f"({unit})"]]
    sh.hline(L, R, y - 4)
    for head, x0 in zip(heads, xs):
        for k, text in enumerate(head):
            sh.text(x0 + 2, y + k * 10, text, 8, SERIFB)
    sh.hline(L, R, y + 22)
    y += 30
    for item in f["items"]:
        n = item.get("packages") or 0
        desc = sh.wrap(item.get("description") or "", 182, 9, SERIF)
        for j, line in enumerate(desc):
            sh.text(L + 2, y + j * 11, line, 9, SERIF)
        sh.text(L + 192, y, f"{fmt_qty(item.get('quantity'))} {item.get('quantity_unit') or ''}", 9, SERIF)
        sh.text_right(L + 285, y, fmt_qty(n), 9, SERIF)
        per_n = (item.get("net_weight") or 0) / n if n else 0
        per_g = (item.get("gross_weight") or 0) / n if n else 0
        sh.text_right(L + 330, y, fmt_num(per_n), 9, SERIF)
        sh.text_right(L + 375, y, fmt_num(per_g), 9, SERIF)
        sh.text_right(L + 435, y, fmt_num(item.get("net_weight")), 9, SERIF)
        sh.text_right(R - 4, y, fmt_num(item.get("gross_weight")), 9, SERIF)
        y += len(desc) * 11 + 6
    sh.hline(L, R, y)
    sh.text(L + 2, y + 5, "TOTAL", 9, SERIFB)
    sh.text_right(L + 285, y + 5, fmt_qty(f.get("total_packages")), 9, SERIFB)
    sh.text_right(L + 435, y + 5, fmt_num(f.get("total_net_weight")), 9, SERIFB)
    sh.text_right(R - 4, y + 5, fmt_num(f.get("total_gross_weight")), 9, SERIFB)
    sh.hline(L, R, y + 18)
    sh.text(L, y + 34, f"Packed in {fmt_qty(f.get('total_packages'))} cartons, shipping marks as per invoice.", 9, SERIF)
    return sh.finish()


# ---------------------------------------------------------------- a forwarder's FIATA multimodal bill of lading

def render_bill_of_lading_m(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = Sheet("FIATA Multimodal Transport Bill of Lading")
    L, R, MID = 28.0, 567.0, 296.0
    unit = (f.get("weight_unit") or "KGS").upper()

    def cell(caption: str, lines: list[str], x0: float, top: float, x1: float, bottom: float,
             size: float = 8.5) -> None:
        sh.rect(x0, top, x1, bottom)
        sh.text(x0 + 3, top + 2.5, caption, 6, SANS)
        _lines(sh, x0 + 5, top + 12, [s for s in lines if s], x1 - x0 - 9, size, SANS, 1.2)

    cell("Consignor", [f.get("shipper_name") or "", opts.get("shipper_address") or ""], L, 28, MID, 96)
    cell("Consigned to order of",
         [f.get("consignee_name") or ""] + ([opts["consignee_address"]] if opts.get("consignee_address") else []),
         L, 96, MID, 164)
    cell("Notify address", [f.get("notify_party") or ""] +
         ([opts["notify_address"]] if opts.get("notify_address") else []), L, 164, MID, 232)
    cell("FBL No.", [f.get("bl_number") or ""], MID, 28, MID + 150, 54, 10)
    cell("Shipment Ref.", [f"SR-{(f.get('bl_number') or '')[-6:]}"], MID + 150, 28, R, 54)
    sh.center((MID + R) / 2, 66, "NEGOTIABLE FIATA", 11, SANSB)
    sh.center((MID + R) / 2, 80, "MULTIMODAL TRANSPORT BILL OF LADING", 11, SANSB)
    sh.center((MID + R) / 2, 96, "issued subject to UNCTAD/ICC Rules for Multimodal Transport Documents", 6.5, SANS)
    sh.para(MID + 8, 112, R - MID - 16, "Taken in charge in apparent good order and condition, unless otherwise "
            "noted herein, at the place of receipt for transport and delivery as mentioned above.", 6.3, SANS)
    cell("Place of receipt", [f.get("port_of_loading") or ""], L, 232, MID, 258)
    cell("Ocean vessel", [f"{f.get('vessel') or ''} V.{f.get('voyage') or ''}".strip()], L, 258, (L + MID) / 2, 292)
    cell("Port of loading", [f.get("port_of_loading") or ""], (L + MID) / 2, 258, MID, 292)
    cell("Port of discharge", [f.get("port_of_discharge") or ""], L, 292, (L + MID) / 2, 318)
    cell("Place of delivery", [f.get("port_of_discharge") or ""], (L + MID) / 2, 292, MID, 318)
    cell("Freight payable at", ["DESTINATION" if "COLLECT" in str(opts.get("freight", "")) else "ORIGIN"],
         MID, 292, R, 318)
    sh.rect(L, 318, R, 568)
    heads = [("Marks and numbers", L, 130), ("Number and kind of packages", 130, 232), ("Description of goods", 232, 440),
             ("Gross weight", 440, 505), ("Measurement", 505, R)]
    for text, x0, x1 in heads:
        sh.text(x0 + 3, 321, text, 6, SANS)
        if x0 > L:
            sh.vline(x0, 318, 538)
    sh.hline(L, R, 332)
    sh.text(L + 4, 340, "N/M", 8.5, SANS)
    sh.text(L + 4, 352, opts.get("container", "TGHU 8812345 / 556677"), 7.5, SANS)
    sh.text(134, 340, f"{fmt_qty(f.get('total_packages'))} {opts.get('package_kind', 'PACKAGES')}", 8.5, SANS)
    y = 340.0
    for d in opts.get("descriptions", []):
        y = _lines(sh, 236, y, [d], 200, 8.5, SANS, 1.2)
    sh.text(236, y + 10, "SAID TO CONTAIN", 8, SANS)
    sh.text_right(501, 340, f"{fmt_num(f.get('gross_weight'), 3)} {unit}", 8.5, SANS)
    sh.text_right(563, 340, "24.500 M3", 8.5, SANS)
    sh.hline(L, R, 538)
    sh.text(L + 4, 546, "according to the declaration of the consignor", 6.5, SANS)
    cell("Declared value for ad valorem rate", ["N/A"], L, 568, MID, 594)
    cell("Number of original FBLs", ["THREE (3)"], MID, 568, R, 594)
    cell("Laden on board the vessel", [f"{_long(f.get('on_board_date'))}", f.get("vessel") or ""], L, 594, MID, 648)
    cell("Place and date of issue",
         [f"{(f.get('port_of_loading') or '').split(',')[0]}, {_long(f.get('on_board_date'))}"], MID, 594, R, 622)
    cell("Stamp and signature", ["AS CARRIER'S AGENT"], MID, 622, R, 668)
    return sh.finish()


RENDERERS_TWELFTH = {"co-n": render_certificate_n, "inv-o": render_invoice_o, "pl-m": render_packing_list_m,
                     "bl-m": render_bill_of_lading_m}
