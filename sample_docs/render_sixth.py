"""A sixth held-out layout family (`generate --layouts sixth`), drawn after extraction had been tuned on the
fifth, so that it gives a blind number again.

How it differs from the other families, on realism grounds: a certificate as an electronic issuing system prints
it (captions in small capitals over every value, the certificate number in a box of its own under its caption,
Box 4 as a grid of three cells with their captions over the values, the goods' headings in capitals and in the
system's short wording - '12. QUANTITY / FOB VALUE', '13. INVOICE NO. AND DATE' - HS codes with their dots, dates
year first with dots, '2025.03.12', the goods closed by '*** END ***', Box 17's boxes ticked with an 'X'); an
enterprise system's invoice and packing list (the seller's name and address at the top left, the title at the
right over a grid of captioned cells - 'Invoice Date', 'Customer Ref.', 'Incoterms 2020' - the buyer as the
'Sold-to party' beside the 'Ship-to party', line positions 10, 20, 30, the amounts under 'Net Value', the total as
'Total Amount' with its currency, the packing list's weights under 'Net Weight (KG)' and its totals in a block
under the table); and a liner's bill of lading with the vessel and voyage under 'Ocean Vessel / Voy. No.', the
packages under 'No. of Pkgs.' and the date of loading in a 'LADEN ON BOARD' stamp.
"""
from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any

from reportlab.lib.pagesizes import A4

from sample_docs.render import CERTIFICATION, DECLARATION, MONTHS, Sheet, country_name, fmt_date, fmt_num, fmt_qty

PAGE_W, PAGE_H = A4
SANS, SANS_B = "Helvetica", "Helvetica-Bold"
GREY_CAPTION = 6.0


_dotted = partial(fmt_date, style="ymd_dot")  # '2025.03.12', as electronic systems print dates


def _mdy(iso: str | None) -> str:
    """'MAR. 12, 2025', as a liner's stamp dates the loading."""
    if not iso:
        return ""
    d = dt.date.fromisoformat(iso)
    return f"{MONTHS[d.month - 1]}. {d.day}, {d.year}"


def _caption(sh: Sheet, x: float, top: float, text: str, size: float = GREY_CAPTION) -> None:
    sh.c.setFillGray(0.35)
    sh.text(x, top, text, size, SANS_B)
    sh.c.setFillGray(0)


def _values(sh: Sheet, x: float, top: float, lines: list[str], width: float, size: float = 8.0,
            font: str = SANS) -> float:
    y = top
    for t in lines:
        for line in sh.wrap(t, width, size, font) if t else []:
            sh.text(x, y, line, size, font)
            y += size * 1.3
    return y


def _cell(sh: Sheet, caption: str, lines: list[str], x0: float, top: float, x1: float, bottom: float,
          size: float = 8.0) -> None:
    sh.rect(x0, top, x1, bottom)
    _caption(sh, x0 + 3, top + 3, caption)
    _values(sh, x0 + 6, top + 13, lines, x1 - x0 - 10, size)


# ---------------------------------------------------------------- Form RCEP, as an issuing system prints it

def _co_goods(sh: Sheet, items: list[dict[str, Any]], top: float, bottom: float, L: float, R: float) -> float:
    xs = [L, L + 28, L + 96, L + 262, L + 312, L + 350, L + 398, L + 466, R]
    heads = [["6. ITEM", "NO."], ["7. MARKS AND", "NUMBERS"], ["8. NUMBER AND KIND OF PACKAGES;", "DESCRIPTION OF GOODS"],
             ["9. HS CODE"], ["10. ORIGIN", "CRITERION"], ["11. RCEP", "COUNTRY OF", "ORIGIN"],
             ["12. QUANTITY /", "FOB VALUE"], ["13. INVOICE NO.", "AND DATE"]]
    for lines, x0 in zip(heads, xs):
        for k, line in enumerate(lines):
            _caption(sh, x0 + 2.5, top + 4 + k * 7, line, 5.8)
        if x0 > L:
            sh.vline(x0, top, bottom)
    head_bottom = top + 27
    sh.hline(L, R, head_bottom)
    size = 7.8
    y = head_bottom + 7
    for item in items:
        qty = []
        if item.get("quantity") is not None:
            qty.append(f"{fmt_qty(item['quantity'])} {item.get('quantity_unit') or ''}".strip())
        if item.get("fob_value") is not None:
            qty.append(f"FOB {item.get('fob_currency') or ''} {fmt_num(item['fob_value'])}".replace("  ", " "))
        hs = item.get("hs_code") or ""
        cells = [[str(item["item_number"])], [item.get("marks") or ""],
                 [item.get("packages") or "", item.get("description") or ""],
                 [f"{hs[:4]}.{hs[4:]}" if len(hs) == 6 else hs], [item.get("origin_criterion") or ""],
                 [country_name(item.get("country_of_origin")).upper()], qty,
                 [s for s in (item.get("invoice_number"), _dotted(item.get("invoice_date"))) if s]]
        used = 0.0
        for cell, x0, x1 in zip(cells, xs, xs[1:]):
            lines: list[str] = []
            for s in cell:
                lines += sh.wrap(s, x1 - x0 - 5, size, SANS) if s else []
            for k, line in enumerate(lines):
                sh.text(x0 + 2.5, y + k * 9.6, line, size, SANS)
            used = max(used, len(lines) * 9.6)
        y += used + 8
        if y > bottom - 24:
            raise ValueError("too many items for one sheet")
    sh.center((xs[2] + xs[3]) / 2, y + 2, "*** END ***", size, SANS)
    return y


def render_certificate_h(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = Sheet("Certificate of Origin Form RCEP")
    L, R, MID = 30.0, 565.0, 300.0
    # the top band: the number in its own box at the left, the title and the issuing country at the right
    _cell(sh, "CERTIFICATE NO.", [], L, 30, MID - 80, 60)
    sh.text(L + 8, 44, f.get("certificate_number") or "", 10.5, SANS_B)
    sh.center((MID + R) / 2 - 10, 32, "FORM RCEP", 15, SANS_B)
    sh.center((MID + R) / 2 - 10, 50, "REGIONAL COMPREHENSIVE ECONOMIC PARTNERSHIP AGREEMENT", 6.8, SANS)
    sh.center((MID + R) / 2 - 10, 60, "CERTIFICATE OF ORIGIN", 9, SANS_B)
    sh.text(MID + 40, 76, "Issued in", 7.5, SANS)
    sh.text(MID + 80, 75, country_name(f.get("issued_in")).upper(), 8.5, SANS_B)
    sh.text(MID + 150, 86, "(Country)", 6, SANS)
    sh.text(R - 80, 98, "See Overleaf Notes", 6, SANS)
    _cell(sh, "1. EXPORTER'S NAME, ADDRESS AND COUNTRY",
          [f.get("exporter_name") or "", f.get("exporter_address") or ""], L, 66, MID, 126)
    _cell(sh, "2. IMPORTER'S OR CONSIGNEE'S NAME, ADDRESS AND COUNTRY",
          [f.get("importer_name") or "", f.get("importer_address") or ""], L, 126, MID, 186)
    _cell(sh, "3. PRODUCER'S NAME, ADDRESS AND COUNTRY (IF KNOWN)", [f.get("producer_name") or ""], L, 186, MID, 230)
    sh.rect(MID, 126, R, 230)
    _caption(sh, MID + 3, 129, "5. FOR OFFICIAL USE")
    sh.checkbox(MID + 10, 146, False, "Preferential Treatment Given Under RCEP", 6.5)
    sh.checkbox(MID + 10, 162, False, "Preferential Treatment Not Given (Please state reason/s)", 6.5)
    sh.hline(MID + 10, R - 10, 210)
    sh.text(MID + 10, 213, "Signature of Authorised Signatory of the Customs Authority of the Importing Country", 5.4)
    # Box 4: its caption across, then three cells with captions over their values
    sh.rect(L, 230, R, 272)
    _caption(sh, L + 3, 233, "4. MEANS OF TRANSPORT AND ROUTE (IF KNOWN)")
    for caption, value, x0, x1 in (("DEPARTURE DATE", _dotted(f.get("departure_date")), L, L + 120),
                                   ("VESSEL'S NAME/AIRCRAFT FLIGHT NUMBER, ETC.", f.get("transport") or "", L + 120, 400),
                                   ("PORT OF DISCHARGE", f.get("port_of_discharge") or "", 400, R)):
        sh.vline(x0, 242, 272) if x0 > L else None
        _caption(sh, x0 + 3, 245, caption, 5.6)
        sh.text(x0 + 6, 257, value, 8.0, SANS)
    sh.rect(L, 272, R, 590)
    _co_goods(sh, f["items"], 272, 590, L, R)
    _cell(sh, "14. REMARKS", [f.get("remarks") or ""], L, 590, R, 625)
    sh.rect(L, 625, MID, 790)
    _caption(sh, L + 3, 628, "15. DECLARATION BY THE EXPORTER OR PRODUCER")
    y = sh.para(L + 6, 640, MID - L - 12, DECLARATION, 6.3, SANS)
    sh.text(L + 6, y + 4, "These goods are exported to:", 6.8, SANS)
    sh.text(L + 110, y + 3, country_name(f.get("importing_country")).upper(), 8.0, SANS_B)
    sh.text(L + 112, y + 13, "(Importing country)", 5.6, SANS)
    sh.text(L + 8, 752, f"{f.get('declaration_place') or ''} {_dotted(f.get('declaration_date'))}", 8.0, SANS)
    sh.hline(L + 6, MID - 6, 764)
    sh.text(L + 6, 767, "Place and date, signature of authorised signatory", 5.8, SANS)
    sh.rect(MID, 625, R, 790)
    _caption(sh, MID + 3, 628, "16. CERTIFICATION")
    y = sh.para(MID + 6, 640, R - MID - 12, CERTIFICATION, 6.3, SANS)
    sh.para(MID + 8, y + 6, R - MID - 16, f.get("issuing_authority") or "", 7.6, SANS_B)
    sh.text(MID + 8, 752, f"{f.get('issue_place') or ''} {_dotted(f.get('issue_date'))}", 8.0, SANS)
    sh.hline(MID + 6, R - 6, 764)
    sh.text(MID + 6, 767, "Place and date, signature and stamp of the Issuing Authority", 5.8, SANS)
    sh.rect(L, 790, R, 812)
    _caption(sh, L + 3, 797, "17.")
    x = L + 22
    for key, label in (("back_to_back", "Back-to-back Certificate of Origin"),
                       ("third_party_invoicing", "Third-party invoicing"),
                       ("issued_retroactively", "ISSUED RETROACTIVELY")):
        sh.checkbox(x, 796, bool(f.get(key)), label, 7.0)
        x += 30 + sh.c.stringWidth(label, SANS, 7.0) + 20
    return sh.finish()


# ---------------------------------------------------------------- an enterprise system's invoice and packing list

def _sender(sh: Sheet, name: str, address: str) -> None:
    # (a long name wraps short of the title at the right)
    y = _values(sh, 40, 36, [name], 270, 12.5, SANS_B)
    _values(sh, 40, y + 2, [address], 250, 8.0)


def _key_cells(sh: Sheet, pairs: list[tuple[str, str]], x0: float, top: float, x1: float) -> float:
    """Two captioned cells a row, captions over values; the y under the grid."""
    mid = (x0 + x1) / 2
    y = top
    for k in range(0, len(pairs), 2):
        for (caption, value), (a, b) in zip(pairs[k:k + 2], ((x0, mid), (mid, x1))):
            _cell(sh, caption, [value], a, y, b, y + 26, 8.5)
        y += 26
    return y


def _parties(sh: Sheet, top: float, left: tuple[str, str, str], right: tuple[str, str, str]) -> float:
    bottom = top
    for (caption, name, address), (x0, x1) in zip((left, right), ((40, 295), (300, 555))):
        _caption(sh, x0, top, caption, 6.5)
        y = _values(sh, x0, top + 11, [name], x1 - x0 - 10, 9.0, SANS_B)
        y = _values(sh, x0, y, [address], x1 - x0 - 10, 8.5)
        bottom = max(bottom, y)
    return bottom


def _grid_table(sh: Sheet, heads: list[tuple[str, float, float, str]], top: float) -> float:
    """A shaded heading row; the y where the rows start."""
    sh.c.setFillGray(0.88)
    sh.c.rect(40, PAGE_H - top - 16, 515, 16, stroke=0, fill=1)
    sh.c.setFillGray(0)
    for text, x0, x1, align in heads:
        if align == "right":
            sh.text_right(x1 - 3, top + 4.5, text, 7.5, SANS_B)
        else:
            sh.text(x0 + 3, top + 4.5, text, 7.5, SANS_B)
    return top + 24


def render_invoice_i(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = Sheet("Commercial Invoice")
    _sender(sh, f.get("seller_name") or "", f.get("seller_address") or "")
    sh.text_right(555, 34, "COMMERCIAL INVOICE", 15, SANS_B)
    cur = f.get("currency") or "USD"
    y = _key_cells(sh, [("Invoice No.", f.get("invoice_number") or ""), ("Invoice Date", _dotted(f.get("invoice_date"))),
                        ("Customer Ref.", "PO-" + (f.get("invoice_number") or "")[-6:]),
                        ("Incoterms 2020", opts.get("incoterm_text", f.get("incoterm") or "")),
                        ("Payment Terms", "NET 60 DAYS"), ("Currency", cur)], 330, 56, 555)
    name, address = f.get("buyer_name") or "", f.get("buyer_address") or ""
    y = _parties(sh, max(y, 100) + 14, ("Sold-to party", name, address), ("Ship-to party", name, address))
    sh.text(40, y + 8, f"Vessel: {opts.get('vessel', '')}    From: {opts.get('port_of_loading', '')}    "
                       f"To: {opts.get('destination', '')}", 8.0, SANS)
    heads = [("Pos.", 40, 70, "left"), ("Description", 70, 262, "left"), ("HS Code", 262, 312, "left"),
             ("Qty", 312, 362, "right"), ("UoM", 362, 392, "left"), ("Unit Price", 392, 460, "right"),
             ("Net Value", 460, 555, "right")]
    y = _grid_table(sh, heads, y + 26)
    for k, item in enumerate(f["items"]):
        desc = sh.wrap(item.get("description") or "", 185, 8.5, SANS)
        sh.text(43, y, str(10 * (k + 1)), 8.5, SANS)
        for j, line in enumerate(desc):
            sh.text(73, y + j * 10.5, line, 8.5, SANS)
        sh.text(265, y, item.get("hs_code") or "", 8.5, SANS)
        sh.text_right(359, y, fmt_qty(item.get("quantity")), 8.5, SANS)
        sh.text(365, y, item.get("quantity_unit") or "", 8.5, SANS)
        sh.text_right(457, y, fmt_num(item.get("unit_price"), 4 if (item.get("unit_price") or 1) < 1 else 2), 8.5, SANS)
        sh.text_right(552, y, fmt_num(item.get("amount")), 8.5, SANS)
        y += len(desc) * 10.5 + 7
        sh.hline(40, 555, y - 3)
    y += 6
    for caption, value, font in (("Net Value", fmt_num(f.get("total_amount")), SANS),
                                 ("Freight", "0.00", SANS),
                                 ("Total Amount", f"{cur} {fmt_num(f.get('total_amount'))}", SANS_B)):
        sh.text(380, y, caption, 8.5, font)
        sh.text_right(552, y, value, 8.5, font)
        y += 13
    sh.text(40, y + 16, f"Country of origin: {country_name(f.get('seller_country')).upper()}", 8.0, SANS)
    sh.text(40, y + 28, "We hereby certify that this invoice shows the actual price of the goods described.", 8.0, SANS)
    sh.hline(360, 555, 770)
    sh.text(360, 774, "Authorized Signature", 8, SANS)
    return sh.finish()


def render_packing_list_g(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = Sheet("Packing List")
    _sender(sh, f.get("shipper_name") or "", opts.get("shipper_address") or "")
    sh.text_right(555, 34, "PACKING LIST", 15, SANS_B)
    y = _key_cells(sh, [("Packing List No.", "PL-" + (f.get("invoice_number") or "")[-6:]),
                        ("Date", _dotted(f.get("date"))), ("Invoice No.", f.get("invoice_number") or ""),
                        ("Delivery No.", "80" + (f.get("invoice_number") or "")[-6:])], 330, 56, 555)
    y = _parties(sh, max(y, 100) + 14, ("Consignee", f.get("consignee_name") or "", opts.get("consignee_address") or ""),
                 ("Notify party", "SAME AS CONSIGNEE", ""))
    unit = "KG" if (f.get("weight_unit") or "KGS") in ("KGS", "KG") else f.get("weight_unit")
    heads = [("Pos.", 40, 70, "left"), ("Description", 70, 250, "left"), ("Qty", 250, 300, "right"),
             ("UoM", 300, 330, "left"), ("Packages", 330, 400, "right"), (f"Net Weight ({unit})", 400, 478, "right"),
             (f"Gross Weight ({unit})", 478, 555, "right")]
    y = _grid_table(sh, heads, y + 22)
    kinds = opts.get("package_kinds", {})
    for k, item in enumerate(f["items"]):
        desc = sh.wrap(item.get("description") or "", 172, 8.5, SANS)
        sh.text(43, y, str(10 * (k + 1)), 8.5, SANS)
        for j, line in enumerate(desc):
            sh.text(73, y + j * 10.5, line, 8.5, SANS)
        sh.text_right(297, y, fmt_qty(item.get("quantity")), 8.5, SANS)
        sh.text(303, y, item.get("quantity_unit") or "", 8.5, SANS)
        sh.text_right(397, y, f"{fmt_qty(item.get('packages'))} {kinds.get(item.get('description'), 'PKGS')}", 8.5, SANS)
        sh.text_right(475, y, fmt_num(item.get("net_weight")), 8.5, SANS)
        sh.text_right(552, y, fmt_num(item.get("gross_weight")), 8.5, SANS)
        y += len(desc) * 10.5 + 7
        sh.hline(40, 555, y - 3)
    y += 10
    wu = f.get("weight_unit") or "KGS"
    for caption, value in (("Total Packages", f"{fmt_qty(f.get('total_packages'))} PACKAGES"),
                           ("Total Net Weight", f"{fmt_num(f.get('total_net_weight'))} {wu}"),
                           ("Total Gross Weight", f"{fmt_num(f.get('total_gross_weight'))} {wu}")):
        sh.text(330, y, caption, 8.5, SANS_B)
        sh.text_right(552, y, value, 8.5, SANS)
        y += 13
    sh.hline(360, 555, 770)
    sh.text(360, 774, "Authorized Signature", 8, SANS)
    return sh.finish()


# ---------------------------------------------------------------- a liner's bill of lading

def render_bill_of_lading_g(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = Sheet("Bill of Lading")
    L, R, MID = 30.0, 565.0, 300.0
    _cell(sh, "SHIPPER / EXPORTER", [f.get("shipper_name") or "", opts.get("shipper_address") or ""], L, 30, MID, 100)
    _cell(sh, "CONSIGNEE", [f.get("consignee_name") or ""] +
          ([opts["consignee_address"]] if opts.get("consignee_address") else []), L, 100, MID, 170)
    _cell(sh, "NOTIFY PARTY", [f.get("notify_party") or ""] +
          ([opts["notify_address"]] if opts.get("notify_address") else []), L, 170, MID, 240)
    _cell(sh, "B/L NO.", [], MID, 30, 430, 56)
    sh.text(MID + 6, 42, f.get("bl_number") or "", 10, SANS_B)
    _cell(sh, "BOOKING NO.", ["BKG" + (f.get("bl_number") or "")[-6:]], 430, 30, R, 56)
    sh.center((MID + R) / 2, 68, opts.get("carrier", "HMM CO., LTD."), 12, SANS_B)
    sh.center((MID + R) / 2, 86, "BILL OF LADING", 14, SANS_B)
    sh.para(MID + 8, 108, R - MID - 16, "RECEIVED by the Carrier the Goods as specified below in apparent good order "
            "and condition unless otherwise stated, to be transported to such place as agreed, authorised or permitted "
            "herein and subject to all the terms and conditions appearing on the front and reverse of this Bill of "
            "Lading.", 5.6, SANS)
    sh.rect(MID, 56, R, 240)
    for row, cells in enumerate(((("PRE-CARRIAGE BY", ""), ("PLACE OF RECEIPT", f.get("port_of_loading") or "")),
                                 (("OCEAN VESSEL / VOY. NO.", f"{f.get('vessel') or ''} {f.get('voyage') or ''}".strip()),
                                  ("PORT OF LOADING", f.get("port_of_loading") or "")),
                                 (("PORT OF DISCHARGE", f.get("port_of_discharge") or ""),
                                  ("PLACE OF DELIVERY", f.get("port_of_discharge") or "")))):
        top = 240 + row * 28
        for (caption, value), (x0, x1) in zip(cells, ((L, MID), (MID, R))):
            _cell(sh, caption, [value], x0, top, x1, top + 28)
    top = 324
    sh.rect(L, top, R, 600)
    heads = [("MARKS AND NUMBERS", L, 130), ("NO. OF PKGS.", 130, 200),
             ("DESCRIPTION OF PACKAGES AND GOODS", 200, 420), ("GROSS WEIGHT", 420, 495), ("MEASUREMENT", 495, R)]
    for text, x0, _x1 in heads:
        _caption(sh, x0 + 3, top + 4, text)
        if x0 > L:
            sh.vline(x0, top, 560)
    sh.hline(L, R, top + 14)
    _values(sh, L + 5, top + 22, [opts.get("container", "HMMU 4471203 / SEAL KR88120"), "N/M"], 95, 7.8)
    sh.text(134, top + 22, f"{fmt_qty(f.get('total_packages'))} {opts.get('package_kind', 'PKGS')}", 7.8, SANS)
    y = top + 22
    for d in opts.get("descriptions", []):
        y = _values(sh, 204, y, [d], 210, 7.8)
    _values(sh, 204, y + 8, ["SHIPPER'S LOAD, COUNT & SEAL", "SAID TO CONTAIN", "FREIGHT PREPAID"], 210, 7.8)
    gw = f.get("gross_weight")
    unit = f.get("weight_unit") or "KGS"
    sh.text_right(491, top + 22, f"{fmt_num(gw, 3)} {unit}" if gw is not None else "", 7.8, SANS)
    sh.text_right(R - 4, top + 22, "31.200 CBM", 7.8, SANS)
    sh.hline(L, R, 560)
    # the loading stamp
    sh.rect(L + 20, 566, L + 220, 596)
    sh.text(L + 28, 570, "LADEN ON BOARD", 9, SANS_B)
    sh.text(L + 28, 583, f"DATE: {_mdy(f.get('on_board_date'))}", 8.5, SANS_B)
    _cell(sh, "PLACE AND DATE OF ISSUE", [f"{f.get('port_of_loading') or ''} {_mdy(f.get('on_board_date'))}"],
          L, 600, MID, 640)
    _cell(sh, "NUMBER OF ORIGINAL B(S)/L", ["THREE (3)"], MID, 600, R, 640)
    sh.text(MID + 6, 690, "AS CARRIER", 8, SANS)
    return sh.finish()


RENDERERS_SIXTH = {"co-h": render_certificate_h, "inv-i": render_invoice_i, "pl-g": render_packing_list_g,
                   "bl-g": render_bill_of_lading_g}
