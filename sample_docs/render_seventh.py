"""A seventh held-out layout family (`generate --layouts seventh`), drawn after extraction had been tuned on the
sixth, so that it gives a blind number again.

How it differs from the other families, on realism grounds: a certificate typed on a chamber of commerce's form
(DejaVu Serif captions in sentence case ending in a colon, the box number after the caption in brackets in the
goods' headings - 'Item No. (6)' - values in a book face, the certificate number beside its caption at the top
right, Box 4 as 'Caption: value' lines, HS codes with the importing Party's national digits '0703.20.10', dates
day first with dashes '12-03-2025', quantities in lower-case units '1,200 kg', the invoice as 'INV-1 of
12-03-2025', the goods closed by a row of spaced dashes); a Viet Nam exporter's bilingual invoice and packing list,
Vietnamese over English ('Người bán / Seller', 'Số hóa đơn / Invoice No.', 'Thành tiền / Amount', 'Trọng lượng
tịnh / Net weight'); and a forwarder's house bill of lading whose particulars are 'Caption: value' lines in
cells ('Vessel:', 'Voyage No.:', 'No. of packages:').
"""
from __future__ import annotations

import os
from functools import lru_cache, partial
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from sample_docs.render import CERTIFICATION, DECLARATION, Sheet, country_name, fmt_date, fmt_num, fmt_qty

PAGE_W, PAGE_H = A4
DEJAVU = "/usr/share/fonts/truetype/dejavu"


@lru_cache(maxsize=1)
def _fonts() -> tuple[str, str, str]:
    """Serif captions, their bold, and a sans for the Vietnamese forms (fonts-dejavu-core has every Vietnamese
    letter)."""
    for name, file in (("DVS", "DejaVuSerif.ttf"), ("DVSB", "DejaVuSerif-Bold.ttf"), ("DVN", "DejaVuSans.ttf"),
                       ("DVNB", "DejaVuSans-Bold.ttf")):
        path = os.path.join(DEJAVU, file)
        if not os.path.exists(path):
            raise RuntimeError(f"{path} missing; install fonts-dejavu-core (make install does)")
        pdfmetrics.registerFont(TTFont(name, path))
    return "DVS", "DVSB", "DVN"


_dashed = partial(fmt_date, style="dmy_dash")  # '12-03-2025': day first with dashes


_slashed = partial(fmt_date, style="dmy_slash")  # '12/03/2025', as Viet Nam's forms print dates


def _lines(sh: Sheet, x: float, top: float, texts: list[str], width: float, size: float, font: str,
           leading: float = 1.3) -> float:
    y = top
    for t in texts:
        for line in sh.wrap(t, width, size, font) if t else []:
            sh.text(x, y, line, size, font)
            y += size * leading
    return y


# ---------------------------------------------------------------- Form RCEP typed on a chamber's form

def _co_goods(sh: Sheet, items: list[dict[str, Any]], top: float, bottom: float, L: float, R: float) -> None:
    cap, capb, _ = _fonts()
    value = "Times-Roman"
    xs = [L, L + 34, L + 98, L + 246, L + 300, L + 352, L + 404, L + 470, R]
    heads = [["Item No.", "(6)"], ["Marks and numbers", "on packages (7)"],
             ["Number and kind of packages;", "description of goods (8)"], ["HS Code (9)"],
             ["Origin", "criterion (10)"], ["RCEP country", "of origin (11)"], ["Quantity and", "FOB value (12)"],
             ["Invoice number", "and date (13)"]]
    for lines, x0 in zip(heads, xs):
        for k, line in enumerate(lines):
            sh.text(x0 + 2.5, top + 4 + k * 8, line, 5.8, cap)
        if x0 > L:
            sh.vline(x0, top, bottom)
    sh.hline(L, R, top + 22)
    size = 8.6
    y = top + 30
    for item in items:
        hs = item.get("hs_code") or ""
        qty = []
        if item.get("quantity") is not None:
            qty.append(f"{fmt_qty(item['quantity'])} {(item.get('quantity_unit') or '').lower()}".strip())
        if item.get("fob_value") is not None:
            qty.append(f"FOB {item.get('fob_currency') or ''} {fmt_num(item['fob_value'])}".replace("  ", " "))
        inv = item.get("invoice_number") or ""
        date = _dashed(item.get("invoice_date"))
        cells = [[str(item["item_number"])], [item.get("marks") or ""],
                 [item.get("packages") or "", item.get("description") or ""],
                 [f"{hs[:4]}.{hs[4:]}.10" if len(hs) == 6 else hs], [item.get("origin_criterion") or ""],
                 [country_name(item.get("country_of_origin"))], qty,
                 [f"{inv} of {date}" if inv and date else inv or date]]
        used = 0.0
        for cell, x0, x1 in zip(cells, xs, xs[1:]):
            lines: list[str] = []
            for s in cell:
                lines += sh.wrap(s, x1 - x0 - 5, size, value) if s else []
            for k, line in enumerate(lines):
                sh.text(x0 + 2.5, y + k * 10.4, line, size, value)
            used = max(used, len(lines) * 10.4)
        y += used + 8
        if y > bottom - 24:
            raise ValueError("too many items for one sheet")
    sh.text(xs[2] + 2.5, y + 2, " ".join(["-"] * 24), size, value)


def render_certificate_i(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    cap, capb, _ = _fonts()
    value = "Times-Roman"
    sh = Sheet("Certificate of Origin (Form RCEP)")
    L, R, MID = 32.0, 563.0, 298.0
    sh.center(PAGE_W / 2, 28, "CERTIFICATE OF ORIGIN", 13, capb)
    sh.center(PAGE_W / 2, 45, "Form RCEP", 9.5, capb)
    sh.rect(L, 62, R, 800)
    # exporter and importer side by side, the number and issuing country over Box 5 at the right
    sh.vline(MID, 62, 262)
    sh.text(L + 4, 66, "1. Exporter's name, address, and country:", 6.8, cap)
    _lines(sh, L + 8, 79, [f.get("exporter_name") or "", f.get("exporter_address") or ""], MID - L - 16, 9, value)
    sh.hline(L, MID, 124)
    sh.text(L + 4, 128, "2. Importer's or consignee's name, address, and country:", 6.8, cap)
    _lines(sh, L + 8, 141, [f.get("importer_name") or "", f.get("importer_address") or ""], MID - L - 16, 9, value)
    sh.hline(L, MID, 186)
    sh.text(L + 4, 190, "3. Producer's name, address, and country (if known):", 6.8, cap)
    _lines(sh, L + 8, 203, [f.get("producer_name") or ""], MID - L - 16, 9, value)
    sh.text(MID + 6, 68, "Certificate No.:", 7.5, capb)
    sh.text(MID + 80, 67, f.get("certificate_number") or "", 10, "Times-Bold")
    sh.text(MID + 6, 88, "Issued in", 7.5, cap)
    sh.text(MID + 52, 87, country_name(f.get("issued_in")), 9, value)
    sh.text(MID + 150, 88, "(Country)", 6.2, cap)
    sh.text(MID + 6, 104, "See Overleaf Notes", 6.2, cap)
    sh.hline(MID, R, 124)
    sh.text(MID + 4, 128, "5. For official use:", 6.8, cap)
    sh.checkbox(MID + 10, 144, False, "Preferential Treatment Given Under RCEP", 6.4)
    sh.checkbox(MID + 10, 160, False, "Preferential Treatment Not Given (Please state reason/s)", 6.4)
    sh.hline(MID + 10, R - 10, 238)
    sh.text(MID + 10, 241, "Signature of Authorised Signatory of the Importing Party", 5.8, cap)
    sh.hline(L, MID, 222)
    sh.text(L + 4, 226, "4. Means of transport and route (if known):", 6.8, cap)
    y = 238.0
    for caption, val in (("Departure date:", _dashed(f.get("departure_date"))),
                         ("Vessel's name / Aircraft flight no.:", f.get("transport") or ""),
                         ("Port of discharge:", f.get("port_of_discharge") or "")):
        sh.text(L + 8, y + 1, caption, 6.8, cap)
        sh.text(L + 8 + pdfmetrics.stringWidth(caption, cap, 6.8) + 6, y, val, 9, value)
        y += 12
    sh.hline(L, R, 276)
    _co_goods(sh, f["items"], 276, 590, L, R)
    sh.hline(L, R, 590)
    sh.text(L + 4, 594, "14. Remarks:", 6.8, cap)
    sh.para(L + 8, 606, R - L - 16, f.get("remarks") or "", 8.6, value)
    sh.hline(L, R, 630)
    sh.vline(MID, 630, 772)
    sh.text(L + 4, 634, "15. Declaration by the exporter or producer:", 6.8, capb)
    y = sh.para(L + 6, 646, MID - L - 12, DECLARATION, 6.2, cap)
    sh.text(L + 6, y + 4, "These goods are exported to:", 6.6, cap)
    sh.text(L + 110, y + 3, country_name(f.get("importing_country")), 9, value)
    sh.text(L + 114, y + 14, "(Importing country)", 5.6, cap)
    sh.text(L + 8, 738, f"{f.get('declaration_place') or ''}, {_dashed(f.get('declaration_date'))}", 9, value)
    sh.hline(L + 6, MID - 6, 750)
    sh.text(L + 6, 753, "Place and date, and signature of authorised signatory", 5.8, cap)
    sh.text(MID + 4, 634, "16. Certification:", 6.8, capb)
    y = sh.para(MID + 6, 646, R - MID - 12, CERTIFICATION, 6.2, cap)
    sh.para(MID + 8, y + 6, R - MID - 16, f.get("issuing_authority") or "", 8.6, "Times-Bold")
    sh.text(MID + 8, 738, f"{f.get('issue_place') or ''}, {_dashed(f.get('issue_date'))}", 9, value)
    sh.hline(MID + 6, R - 6, 750)
    sh.text(MID + 6, 753, "Place, date, and signature and stamp of the Authorised Body", 5.8, cap)
    sh.hline(L, R, 772)
    sh.text(L + 4, 778, "17.", 6.8, cap)
    x = L + 24
    for key, label in (("back_to_back", "Back-to-back Certificate of Origin"),
                       ("third_party_invoicing", "Third-party invoicing"),
                       ("issued_retroactively", "Issued retroactively")):
        sh.checkbox(x, 778, bool(f.get(key)), label, 6.8)
        x += 34 + pdfmetrics.stringWidth(label, "Helvetica", 6.8) + 16
    return sh.finish()


# ---------------------------------------------------------------- a Viet Nam exporter's bilingual forms

def _vn_head(sh: Sheet, title: str, seller: tuple[str, str]) -> None:
    _, _, sans = _fonts()
    sh.text(40, 32, seller[0], 11.5, "DVNB")
    _lines(sh, 40, 48, [seller[1]], 330, 8, sans)
    sh.hline(40, 555, 72)
    sh.center(PAGE_W / 2, 82, title, 14, "DVNB")


def _bilingual(sh: Sheet, x: float, top: float, caption: str, lines: list[str], width: float = 240) -> float:
    _, _, sans = _fonts()
    sh.text(x, top, caption, 7.5, "DVNB")
    return _lines(sh, x, top + 11, lines, width, 8.5, sans)


def _vn_table(sh: Sheet, heads: list[tuple[str, str, float, float]], top: float) -> float:
    """Ruled headings, Vietnamese over English; the y of the first row."""
    sh.hline(40, 555, top)
    for vn, en, x0, x1 in heads:
        sh.center((x0 + x1) / 2, top + 4, vn, 7, "DVNB")
        sh.center((x0 + x1) / 2, top + 13, en, 7, "DVNB")
        if x0 > 40:
            sh.vline(x0, top, top + 24)
    sh.hline(40, 555, top + 24)
    return top + 31


def render_invoice_j(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    _, _, sans = _fonts()
    sh = Sheet("Commercial Invoice")
    _vn_head(sh, "HÓA ĐƠN THƯƠNG MẠI / COMMERCIAL INVOICE", (f.get("seller_name") or "", f.get("seller_address") or ""))
    y = _bilingual(sh, 40, 106, "Người mua / Buyer:", [f.get("buyer_name") or "", f.get("buyer_address") or ""])
    ry = 106.0
    cur = f.get("currency") or "USD"
    for caption, val in (("Số hóa đơn / Invoice No.:", f.get("invoice_number") or ""),
                         ("Ngày / Date:", _slashed(f.get("invoice_date"))),
                         ("Điều kiện giao hàng / Terms of delivery:", opts.get("incoterm_text", f.get("incoterm") or "")),
                         ("Thanh toán / Payment:", "T/T"), ("Tiền tệ / Currency:", cur)):
        sh.text(320, ry, caption, 7.5, "DVNB")
        sh.text(320, ry + 10, val, 8.5, sans)
        ry += 24
    y = max(y, ry) + 10
    heads = [("STT", "No.", 40, 64), ("Tên hàng", "Description", 64, 250), ("Mã HS", "HS Code", 250, 305),
             ("Số lượng", "Quantity", 305, 360), ("Đơn vị", "Unit", 360, 395), ("Đơn giá", "Unit price", 395, 465),
             ("Thành tiền", "Amount", 465, 555)]
    y = _vn_table(sh, heads, y)
    for k, item in enumerate(f["items"]):
        desc = sh.wrap(item.get("description") or "", 180, 8.5, sans)
        sh.center(52, y, str(k + 1), 8.5, sans)
        for j, line in enumerate(desc):
            sh.text(68, y + j * 10.5, line, 8.5, sans)
        sh.text(254, y, item.get("hs_code") or "", 8.5, sans)
        sh.text_right(356, y, fmt_qty(item.get("quantity")), 8.5, sans)
        sh.text(364, y, item.get("quantity_unit") or "", 8.5, sans)
        sh.text_right(461, y, fmt_num(item.get("unit_price")), 8.5, sans)
        sh.text_right(551, y, fmt_num(item.get("amount")), 8.5, sans)
        y += len(desc) * 10.5 + 6
    sh.hline(40, 555, y)
    sh.text(68, y + 6, "Tổng cộng / Total:", 8.5, "DVNB")
    sh.text_right(551, y + 6, f"{cur} {fmt_num(f.get('total_amount'))}", 8.5, "DVNB")
    sh.hline(40, 555, y + 20)
    sh.text(40, y + 32, f"Xuất xứ / Origin: {country_name(f.get('seller_country'))}", 8, sans)
    sh.text(380, 700, "Người bán / Seller", 8, "DVNB")
    sh.hline(360, 555, 770)
    return sh.finish()


def render_packing_list_h(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    _, _, sans = _fonts()
    sh = Sheet("Packing List")
    _vn_head(sh, "PHIẾU ĐÓNG GÓI / PACKING LIST", (f.get("shipper_name") or "", opts.get("shipper_address") or ""))
    y = _bilingual(sh, 40, 106, "Người nhận hàng / Consignee:",
                   [f.get("consignee_name") or "", opts.get("consignee_address") or ""])
    ry = 106.0
    for caption, val in (("Số hóa đơn / Invoice No.:", f.get("invoice_number") or ""),
                         ("Ngày / Date:", _slashed(f.get("date"))),
                         ("Tàu / Vessel:", opts.get("vessel", ""))):
        sh.text(320, ry, caption, 7.5, "DVNB")
        sh.text(320, ry + 10, val, 8.5, sans)
        ry += 24
    y = max(y, ry) + 10
    unit = f.get("weight_unit") or "KGS"
    heads = [("Tên hàng", "Description", 40, 220), ("Số lượng", "Quantity", 220, 280), ("Đơn vị", "Unit", 280, 315),
             ("Số kiện", "Packages", 315, 390), ("Trọng lượng tịnh", "Net weight", 390, 472),
             ("Trọng lượng cả bì", "Gross weight", 472, 555)]
    y = _vn_table(sh, heads, y)
    kinds = opts.get("package_kinds", {})
    for item in f["items"]:
        desc = sh.wrap(item.get("description") or "", 172, 8.5, sans)
        for j, line in enumerate(desc):
            sh.text(44, y + j * 10.5, line, 8.5, sans)
        sh.text_right(276, y, fmt_qty(item.get("quantity")), 8.5, sans)
        sh.text(284, y, item.get("quantity_unit") or "", 8.5, sans)
        sh.text_right(386, y, f"{fmt_qty(item.get('packages'))} {kinds.get(item.get('description'), 'PKGS')}", 8.5, sans)
        sh.text_right(468, y, f"{fmt_num(item.get('net_weight'))}", 8.5, sans)
        sh.text_right(551, y, f"{fmt_num(item.get('gross_weight'))}", 8.5, sans)
        y += len(desc) * 10.5 + 6
    sh.hline(40, 555, y)
    sh.text(44, y + 6, "Tổng cộng / Total:", 8.5, "DVNB")
    sh.text_right(386, y + 6, f"{fmt_qty(f.get('total_packages'))} PKGS", 8.5, "DVNB")
    sh.text_right(468, y + 6, f"{fmt_num(f.get('total_net_weight'))} {unit}", 8.5, "DVNB")
    sh.text_right(551, y + 6, f"{fmt_num(f.get('total_gross_weight'))} {unit}", 8.5, "DVNB")
    sh.hline(40, 555, y + 20)
    sh.hline(360, 555, 770)
    return sh.finish()


# ---------------------------------------------------------------- a forwarder's house bill of lading

def render_bill_of_lading_h(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    cap, capb, sans = _fonts()
    sh = Sheet("House Bill of Lading")
    L, R, MID = 30.0, 565.0, 300.0
    sh.text(MID + 10, 34, "HOUSE BILL OF LADING", 14, "DVNB")
    sh.text(MID + 10, 54, f"B/L No.: {f.get('bl_number') or ''}", 10, "DVNB")
    sh.text(MID + 10, 70, opts.get("forwarder", "PACIFIC BRIDGE LOGISTICS LTD."), 8.5, sans)

    def cell(caption: str, lines: list[str], x0: float, top: float, x1: float, bottom: float) -> None:
        sh.rect(x0, top, x1, bottom)
        sh.text(x0 + 4, top + 4, caption, 7, "DVNB")
        _lines(sh, x0 + 8, top + 16, lines, x1 - x0 - 14, 8.5, sans)

    cell("Shipper:", [f.get("shipper_name") or "", opts.get("shipper_address") or ""], L, 90, MID, 160)
    cell("Consignee:", [f.get("consignee_name") or ""] +
         ([opts["consignee_address"]] if opts.get("consignee_address") else []), L, 160, MID, 230)
    cell("Notify party:", [f.get("notify_party") or ""] +
         ([opts["notify_address"]] if opts.get("notify_address") else []), L, 230, MID, 300)
    sh.rect(MID, 90, R, 300)
    y = 100.0
    for caption, val in (("Vessel:", f.get("vessel") or ""), ("Voyage No.:", f.get("voyage") or ""),
                         ("Port of loading:", f.get("port_of_loading") or ""),
                         ("Port of discharge:", f.get("port_of_discharge") or ""),
                         ("Place of delivery:", f.get("port_of_discharge") or ""),
                         ("Freight:", "PREPAID")):
        sh.text(MID + 8, y, caption, 7.5, "DVNB")
        sh.text(MID + 100, y, val, 8.5, sans)
        y += 18
    sh.rect(L, 300, R, 560)
    heads = [("Marks and numbers", L, 140), ("No. of packages", 140, 215), ("Description of goods", 215, 410),
             ("Gross weight", 410, 500), ("Measurement", 500, R)]
    for text, x0, _x1 in heads:
        sh.text(x0 + 4, 304, text, 7, "DVNB")
        if x0 > L:
            sh.vline(x0, 300, 520)
    sh.hline(L, R, 316)
    _lines(sh, L + 6, 324, ["N/M"], 100, 8.5, sans)
    sh.text(144, 324, f"{fmt_qty(f.get('total_packages'))} {opts.get('package_kind', 'PKGS')}", 8.5, sans)
    y = 324.0
    for d in opts.get("descriptions", []):
        y = _lines(sh, 219, y, [d], 185, 8.5, sans)
    gw = f.get("gross_weight")
    sh.text_right(496, 324, f"{fmt_num(gw)} {f.get('weight_unit') or 'KGS'}" if gw is not None else "", 8.5, sans)
    sh.text_right(R - 4, 324, "26.500 CBM", 8.5, sans)
    sh.hline(L, R, 520)
    sh.text(L + 6, 528, f"Shipped on board: {_slashed(f.get('on_board_date'))}", 8.5, "DVNB")
    sh.text(L + 6, 542, f"Place and date of issue: {f.get('port_of_loading') or ''}, {_slashed(f.get('on_board_date'))}",
            8.5, sans)
    sh.text(MID + 10, 640, "As agent for the carrier", 8, sans)
    sh.hline(MID + 10, R - 10, 630)
    return sh.finish()


RENDERERS_SEVENTH = {"co-i": render_certificate_i, "inv-j": render_invoice_j, "pl-h": render_packing_list_h,
                     "bl-h": render_bill_of_lading_h}
