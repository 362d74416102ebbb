"""A third held-out layout family (`generate --layouts third`), drawn after extraction had been tuned on the
first two, so that it gives a blind number again.

How it differs from the other families: DejaVu Serif throughout (captions and typed values in the same serif
face); bilingual English / Chinese captions as a Chinese issuing body prints its forms, the Chinese in the same
line after the English; the certificate's title across the whole sheet above the boxes, Box 4 as three
'caption: value' lines with bilingual captions, a goods table with a shaded heading row and a ruling between
items, Box 17 as a strip of ticks along the foot of the sheet with the tick as a check mark; dates as
'12 Mar 2025'; an invoice with the seller's letterhead centred above a bilingual title, the buyer after
'Messrs.' and the invoice's particulars in a ruled block at the right; a packing list with carton numbers and
per-line weights; a bill of lading with 'Shipper / Exporter', a vessel and voyage side by side in one cell and
'LADEN ON BOARD' with its date.
"""
from __future__ import annotations

import datetime as dt
import os
from functools import lru_cache
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from sample_docs.render import (CERTIFICATION, DECLARATION, Sheet, _item_cells, cjk_font, country_name, fmt_num,
                                fmt_qty)

PAGE_W, PAGE_H = A4
DEJAVU = "/usr/share/fonts/truetype/dejavu"
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@lru_cache(maxsize=1)
def _fonts() -> tuple[str, str]:
    """Serif and serif bold (Debian's fonts-dejavu-core, installed by the Makefile)."""
    for name, file in (("DVS", "DejaVuSerif.ttf"), ("DVSB", "DejaVuSerif-Bold.ttf")):
        path = os.path.join(DEJAVU, file)
        if not os.path.exists(path):
            raise RuntimeError(f"{path} missing; install fonts-dejavu-core (make install does)")
        pdfmetrics.registerFont(TTFont(name, path))
    return "DVS", "DVSB"


def _d(iso: str | None) -> str:
    """'12 Mar 2025'."""
    if not iso:
        return ""
    d = dt.date.fromisoformat(iso)
    return f"{d.day:02d} {MONTHS[d.month - 1]} {d.year}"


def _caption(sh: Sheet, x: float, top: float, english: str, chinese: str, size: float = 6.6) -> float:
    """An English caption with its Chinese after it on the same line; the x where the caption ends."""
    serif, _b = _fonts()
    cj = cjk_font()
    sh.text(x, top, english, size, serif)
    x += pdfmetrics.stringWidth(english, serif, size) + 4
    if chinese:
        sh.text(x, top, chinese, size, cj)
        x += pdfmetrics.stringWidth(chinese, cj, size)
    return x


def _block(sh: Sheet, x: float, top: float, texts: list[str], width: float, size: float = 8.2) -> float:
    serif, _b = _fonts()
    y = top
    for t in texts:
        for line in sh.wrap(t, width, size, serif) if t else []:
            sh.text(x, y, line, size, serif)
            y += size * 1.3
    return y


def _tick(sh: Sheet, x: float, top: float, ticked: bool, label: str, size: float = 7.0) -> float:
    """A box with a check mark (as Chinese forms tick), then its label; the x after the label."""
    serif, _b = _fonts()
    sh.rect(x, top, x + 8, top + 8)
    if ticked:
        sh.text(x + 1, top - 0.5, "\u221a", 8.5, cjk_font())
    sh.text(x + 12, top + 0.5, label, size, serif)
    return x + 12 + pdfmetrics.stringWidth(label, serif, size) + 18


# ---------------------------------------------------------------- Form RCEP

CO_HEADS = [("item_number", ["6. Item", "No.", "项目号"]),
            ("marks", ["7. Marks and", "numbers on", "packages", "唛头及包装号"]),
            ("description", ["8. Number and kind of", "packages; description", "of goods", "包装数量及种类；商品名称"]),
            ("hs_code", ["9. HS Code", "of the goods", "税则号列"]),
            ("origin_criterion", ["10. Origin", "Criterion", "原产地标准"]),
            ("country_of_origin", ["11. RCEP", "Country of", "Origin", "原产国"]),
            ("quantity", ["12. Quantity and", "value (FOB)", "数量及离岸价"]),
            ("invoice", ["13. Invoice No(s).", "and date(s)", "发票号及日期"])]


def _co_columns(L: float, R: float) -> list[tuple[str, float, float]]:
    xs = [L, L + 38, L + 104, L + 244, L + 294, L + 342, L + 396, L + 464, R]
    return [(k, xs[i], xs[i + 1]) for i, (k, _) in enumerate(CO_HEADS)]


def _co_goods(sh: Sheet, items: list[dict[str, Any]], top: float, bottom: float, L: float, R: float) -> None:
    serif, _b = _fonts()
    cj = cjk_font()
    cols = _co_columns(L, R)
    heads = dict(CO_HEADS)
    head_bottom = top + 40
    # the heading row shaded light grey, as the issuing body's printed form has it
    sh.c.saveState()
    sh.c.setFillGray(0.86)
    sh.c.rect(L, PAGE_H - head_bottom, R - L, head_bottom - top, stroke=0, fill=1)
    sh.c.restoreState()
    for key, x0, _x1 in cols:
        y = top + 3
        for line in heads[key]:
            font = cj if any(ord(ch) > 0x2e80 for ch in line) else serif
            sh.text(x0 + 2, y, line, 6.0, font)
            y += 7.6
        if x0 > L:
            sh.vline(x0, top, bottom)
    sh.hline(L, R, head_bottom)
    y = head_bottom + 6
    for item in items:
        cells = _item_cells(item, "iso")
        if item.get("invoice_date"):
            cells["invoice"] = [item.get("invoice_number") or "", _d(item["invoice_date"])]
        used = 0.0
        for key, x0, x1 in cols:
            lines: list[str] = []
            for s in cells[key]:
                lines += sh.wrap(s, x1 - x0 - 5, 7.8, serif) if s else []
            for k, line in enumerate(lines):
                sh.text(x0 + 2.5, y + k * 10, line, 7.8, serif)
            used = max(used, len(lines) * 10)
        y += used + 5
        sh.hline(L, R, y)
        y += 6
        if y > bottom:
            raise ValueError("too many items for one sheet")


def render_certificate_e(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    serif, bold = _fonts()
    cj = cjk_font()
    sh = Sheet("RCEP Certificate of Origin")
    L, R, MID = 28.0, 567.0, 300.0
    val = 8.2
    # title across the sheet
    sh.text_right(R, 20, "ORIGINAL 正本", 8, cj)
    sh.center(PAGE_W / 2, 30, "REGIONAL COMPREHENSIVE ECONOMIC PARTNERSHIP AGREEMENT", 8.5, bold)
    sh.center(PAGE_W / 2, 43, "CERTIFICATE OF ORIGIN  Form RCEP", 12, bold)
    sh.center(PAGE_W / 2, 60, "区域全面经济伙伴关系协定原产地证书", 9, cj)
    sh.rect(L, 76, R, 818)
    sh.vline(MID, 76, 330)
    # box 1 | certificate number and issuing country
    _caption(sh, L + 4, 80, "1. Exporter's name, address and country", "出口商名称、地址、国家")
    _block(sh, L + 8, 93, [f.get("exporter_name") or "", f.get("exporter_address") or ""], MID - L - 16, val)
    x = _caption(sh, MID + 6, 80, "Certificate No.", "证书编号")
    sh.text(x + 8, 79, f.get("certificate_number") or "", 9.5, bold)
    sh.hline(MID, R, 100)
    x = _caption(sh, MID + 6, 104, "Issued in", "签发国")
    sh.text(x + 8, 103, country_name(f.get("issued_in")), val, serif)
    sh.text(R - 60, 104, "(Country)", 6.4, serif)
    sh.hline(L, MID, 150)
    _caption(sh, L + 4, 154, "2. Importer's or consignee's name, address and country", "进口商或收货人")
    _block(sh, L + 8, 167, [f.get("importer_name") or "", f.get("importer_address") or ""], MID - L - 16, val)
    sh.hline(MID, R, 124)
    _caption(sh, MID + 6, 128, "4. Means of transport and route (if known)", "运输方式及路线")
    for k, (en, zh, value) in enumerate((("Departure date", "离港日期", _d(f.get("departure_date"))),
                                         ("Vessel's name / flight no.", "船名/航班号", f.get("transport") or ""),
                                         ("Port of discharge", "卸货口岸", f.get("port_of_discharge") or ""))):
        x = _caption(sh, MID + 12, 144 + 16 * k, en, zh, 6.4)
        sh.text(x + 2, 144 + 16 * k, ":", 6.4, serif)
        sh.text(x + 8, 143 + 16 * k, value, val, serif)
    sh.hline(MID, R, 196)
    _caption(sh, MID + 6, 200, "5. For official use", "供官方使用")
    sh.text(MID + 12, 216, "Preferential treatment:   [  ] Given     [  ] Not given (please state reason/s)", 6.4, serif)
    sh.hline(MID + 12, R - 12, 290)
    sh.text(MID + 12, 294, "Signature of authorised signatory of the customs authority of the importing country", 5.6,
            serif)
    sh.hline(L, MID, 240)
    _caption(sh, L + 4, 244, "3. Producer's name and address (if known)", "生产商名称、地址")
    _block(sh, L + 8, 257, [f.get("producer_name") or ""], MID - L - 16, val)
    sh.hline(L, R, 330)
    _co_goods(sh, f["items"], 330, 580, L, R)
    sh.hline(L, R, 580)
    _caption(sh, L + 4, 584, "14. Remarks", "备注")
    sh.para(L + 8, 597, R - L - 16, f.get("remarks") or "", val, serif)
    sh.hline(L, R, 622)
    # box 15 | box 16
    sh.vline(MID, 622, 790)
    _caption(sh, L + 4, 626, "15. Declaration by the exporter or producer", "出口商或生产商声明")
    y = sh.para(L + 6, 639, MID - L - 12, DECLARATION, 6.2, serif)
    sh.text(L + 6, y + 4, "These goods are exported to", 6.4, serif)
    sh.text(L + 110, y + 3, country_name(f.get("importing_country")), val, serif)
    sh.text(L + 110, y + 14, "(importing country)", 5.6, serif)
    sh.text(L + 10, 754, f"{f.get('declaration_place') or ''}, {_d(f.get('declaration_date'))}", val, serif)
    sh.hline(L + 6, MID - 6, 767)
    sh.text(L + 6, 771, "Place and date, signature of authorised signatory", 6.0, serif)
    _caption(sh, MID + 6, 626, "16. Certification", "证明")
    y = sh.para(MID + 6, 639, R - MID - 12, CERTIFICATION, 6.2, serif)
    sh.para(MID + 10, y + 8, R - MID - 20, f.get("issuing_authority") or "", 7.0, serif)
    sh.text(MID + 10, 754, f"{f.get('issue_place') or ''}, {_d(f.get('issue_date'))}", val, serif)
    sh.hline(MID + 6, R - 6, 767)
    sh.text(MID + 6, 771, "Place and date, signature and stamp of the issuing body", 6.0, serif)
    sh.hline(L, R, 790)
    x = _caption(sh, L + 4, 800, "17.", "", 6.6) + 4
    for key, label in (("back_to_back", "Back-to-back Certificate of Origin"),
                       ("third_party_invoicing", "Third-party invoicing"),
                       ("issued_retroactively", "Issued retroactively")):
        x = _tick(sh, x, 799, bool(f.get(key)), label)
    return sh.finish()


# ---------------------------------------------------------------- trade documents

def _letterhead(sh: Sheet, name: str, address: str, title_en: str, title_zh: str) -> None:
    serif, bold = _fonts()
    sh.center(PAGE_W / 2, 28, name, 13, bold)
    sh.center(PAGE_W / 2, 46, address, 7.6, serif)
    sh.hline(40, PAGE_W - 40, 60)
    sh.center(PAGE_W / 2, 70, title_zh, 11, cjk_font())
    sh.center(PAGE_W / 2, 86, title_en, 13, bold)


def _particulars(sh: Sheet, x0: float, top: float, x1: float, rows: list[tuple[str, str, str]]) -> float:
    """A ruled block of 'caption: value' rows at the right of the header."""
    serif, _b = _fonts()
    y = top
    for en, zh, value in rows:
        sh.rect(x0, y, x1, y + 18)
        x = _caption(sh, x0 + 4, y + 5, en, zh, 6.8)
        sh.text(max(x + 8, x0 + 100), y + 4.5, value, 8.2, serif)
        y += 18
    return y


def _ruled_table(sh: Sheet, L: float, R: float, top: float, cols: list[tuple[str, str, str, float, float]],
                 rows: list[dict[str, str]], right: tuple[str, ...] = ()) -> float:
    """Bilingual two-line headings in a ruled grid, then the rows; the y under the last row."""
    serif, bold = _fonts()
    cj = cjk_font()
    sh.rect(L, top, R, top + 24)
    for _k, en, zh, x0, _x1 in cols:
        sh.text(x0 + 3, top + 3, zh, 7, cj)
        sh.text(x0 + 3, top + 13, en, 7, bold)
        if x0 > L:
            sh.vline(x0, top, top + 24)
    y = top + 30
    for cells in rows:
        used = 0.0
        for key, _en, _zh, x0, x1 in cols:
            lines = sh.wrap(cells[key], x1 - x0 - 6, 8, serif) if cells[key] else []
            for k, line in enumerate(lines):
                if key in right:
                    sh.text_right(x1 - 4, y + k * 10.5, line, 8, serif)
                else:
                    sh.text(x0 + 3, y + k * 10.5, line, 8, serif)
            used = max(used, len(lines) * 10.5)
        y += used + 6
    sh.hline(L, R, y)
    return y


def render_invoice_f(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    serif, bold = _fonts()
    sh = Sheet("Commercial Invoice")
    L, R = 40.0, 555.0
    _letterhead(sh, f.get("seller_name") or "", f.get("seller_address") or "", "COMMERCIAL INVOICE", "商业发票")
    sh.text(L, 112, "Messrs.", 8, bold)
    _block(sh, L, 124, [f.get("buyer_name") or "", f.get("buyer_address") or ""], 250, 8.2)
    _particulars(sh, 330, 108, R, [("Invoice No.", "发票号", f.get("invoice_number") or ""),
                                   ("Date", "日期", _d(f.get("invoice_date"))),
                                   ("Price terms", "价格条款", opts.get("incoterm_text", f.get("incoterm") or "")),
                                   ("Payment", "付款方式", "L/C AT SIGHT")])
    cur = f.get("currency") or ""
    cols = [("no", "No.", "序号", L, 66), ("description", "Description of goods", "品名", 66, 240),
            ("hs_code", "HS Code", "海关编码", 240, 300), ("quantity", "Quantity", "数量", 300, 380),
            ("unit_price", f"Unit price {cur}", "单价", 380, 462), ("amount", f"Amount {cur}", "金额", 462, R)]
    rows = [{"no": str(k), "description": item.get("description") or "", "hs_code": item.get("hs_code") or "",
             "quantity": f"{fmt_qty(item.get('quantity'))} {item.get('quantity_unit') or ''}",
             "unit_price": fmt_num(item.get("unit_price")), "amount": fmt_num(item.get("amount"))}
            for k, item in enumerate(f["items"], 1)]
    y = _ruled_table(sh, L, R, 200, cols, rows, right=("unit_price", "amount"))
    x = _caption(sh, 380 + 3, y + 6, "Total", "合计", 8)
    sh.text_right(R - 4, y + 6, f"{cur} {fmt_num(f.get('total_amount'))}", 8.4, bold)
    sh.hline(L, R, y + 22)
    sh.text(L, y + 40, "Country of origin: as per certificate of origin attached.", 7.4, serif)
    sh.text(360, y + 90, f"For and on behalf of {f.get('seller_name') or ''}", 7, serif)
    return sh.finish()


def render_packing_list_d(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    serif, bold = _fonts()
    sh = Sheet("Packing List")
    L, R = 40.0, 555.0
    _letterhead(sh, f.get("shipper_name") or "", opts.get("shipper_address") or "", "PACKING LIST", "装箱单")
    sh.text(L, 112, "Messrs.", 8, bold)
    _block(sh, L, 124, [f.get("consignee_name") or "", opts.get("consignee_address") or ""], 250, 8.2)
    _particulars(sh, 330, 108, R, [("Invoice No.", "发票号", f.get("invoice_number") or ""),
                                   ("Date", "日期", _d(f.get("date")))])
    kinds = opts.get("package_kinds", {})
    rows, first = [], 1
    for item in f["items"]:
        n = int(item.get("packages") or 0)
        rows.append({"cartons": f"{first}-{first + n - 1}" if n > 1 else str(first),
                     "description": item.get("description") or "",
                     "packages": f"{fmt_qty(item.get('packages'))} {kinds.get(item.get('description'), 'PKGS')}",
                     "quantity": f"{fmt_qty(item.get('quantity'))} {item.get('quantity_unit') or ''}",
                     "net_weight": fmt_num(item.get("net_weight")), "gross_weight": fmt_num(item.get("gross_weight"))})
        first += max(n, 1)
    unit = f.get("weight_unit") or "KGS"
    cols = [("cartons", "C/No.", "箱号", L, 84), ("description", "Description of goods", "品名", 84, 244),
            ("packages", "Packages", "件数", 244, 318), ("quantity", "Quantity", "数量", 318, 396),
            ("net_weight", f"Net wt. ({unit})", "净重", 396, 476), ("gross_weight", f"Gross wt. ({unit})", "毛重", 476, R)]
    y = _ruled_table(sh, L, R, 170, cols, rows, right=("net_weight", "gross_weight"))
    _caption(sh, L + 3, y + 6, "Total", "合计", 8)
    sh.text(247, y + 6, f"{fmt_qty(f.get('total_packages'))} PKGS", 8.2, bold)
    sh.text_right(476 - 4, y + 6, fmt_num(f.get("total_net_weight")), 8.2, bold)
    sh.text_right(R - 4, y + 6, fmt_num(f.get("total_gross_weight")), 8.2, bold)
    sh.hline(L, R, y + 22)
    sh.text(L, y + 36, f"SAY TOTAL {fmt_qty(f.get('total_packages'))} PACKAGES ONLY.", 7.6, serif)
    return sh.finish()


def render_bill_of_lading_d(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    serif, bold = _fonts()
    sh = Sheet("Bill of Lading")
    L, R, MID = 30.0, 565.0, 300.0
    sh.rect(L, 30, R, 620)
    sh.vline(MID, 30, 250)

    def cell(caption: str, lines: list[str], x0: float, top: float, x1: float) -> None:
        sh.text(x0 + 4, top + 3, caption, 6.6, serif)
        _block(sh, x0 + 8, top + 15, lines, x1 - x0 - 16, 8)

    cell("Shipper / Exporter", [f.get("shipper_name") or "", opts.get("shipper_address") or ""], L, 30, MID)
    sh.hline(L, MID, 100)
    cell("Consignee (if 'To Order' so indicate)", [f.get("consignee_name") or ""]
         + ([opts["consignee_address"]] if opts.get("consignee_address") else []), L, 100, MID)
    sh.hline(L, MID, 175)
    cell("Notify party (no claim shall attach for failure to notify)", [f.get("notify_party") or ""]
         + ([opts["notify_address"]] if opts.get("notify_address") else []), L, 175, MID)
    sh.text(MID + 6, 36, "Bill of Lading No.", 7, serif)
    sh.text(MID + 90, 34, f.get("bl_number") or "", 10.5, bold)
    sh.hline(MID, R, 52)
    sh.center((MID + R) / 2, 80, "BILL OF LADING", 16, bold)
    sh.center((MID + R) / 2, 100, "海运提单", 10, cjk_font())
    sh.para(MID + 10, 124, R - MID - 20, "Shipped on board in apparent good order and condition, unless otherwise "
            "stated, the goods or packages specified herein, to be discharged at the port of discharge or as near "
            "thereto as the vessel may safely get and be always afloat.", 6, serif)
    sh.hline(L, R, 250)
    cells = [("Vessel / Voy. No.", f"{f.get('vessel') or ''}    {f.get('voyage') or ''}", L, 215),
             ("Port of loading", f.get("port_of_loading") or "", 215, 390),
             ("Port of discharge", f.get("port_of_discharge") or "", 390, R)]
    for caption, value, x0, x1 in cells:
        if x0 > L:
            sh.vline(x0, 250, 282)
        sh.text(x0 + 4, 253, caption, 6.6, serif)
        sh.text(x0 + 8, 266, value, 8.2, serif)
    sh.hline(L, R, 282)
    heads = [("Container / seal No. Marks", L), ("No. of packages", 150), ("Description of packages and goods", 240),
             ("Gross weight", 430), ("Measurement", 500)]
    for text, x in heads:
        sh.text(x + 4, 286, text, 6.8, bold)
    sh.hline(L, R, 298)
    sh.text(L + 4, 306, opts.get("container", "N/M"), 8, serif)
    sh.text(154, 306, f"{fmt_qty(f.get('total_packages'))} {opts.get('package_kind', 'PACKAGES')}", 8, serif)
    y = 306.0
    for d in opts.get("descriptions", []):
        y = _block(sh, 244, y, [d], 180, 8)
    sh.text(434, 306, f"{fmt_num(f.get('gross_weight'))} {f.get('weight_unit') or 'KGS'}", 8, serif)
    sh.text(504, 306, "36.500 CBM", 8, serif)
    sh.text(244, y + 12, "FREIGHT PREPAID", 8, bold)
    sh.text(244, y + 26, "LADEN ON BOARD THE VESSEL", 8, bold)
    sh.text(244, y + 38, f"Date: {_d(f.get('on_board_date'))}", 8.2, serif)
    sh.hline(L, R, 580)
    sh.text(L + 4, 584, "Place and date of issue", 6.6, serif)
    sh.text(L + 8, 598, f"{f.get('port_of_loading') or ''}  {_d(f.get('on_board_date'))}", 8.2, serif)
    sh.text(MID + 4, 584, "Number of original B/L", 6.6, serif)
    sh.text(MID + 8, 598, "THREE (3)", 8.2, serif)
    return sh.finish()


RENDERERS_THIRD = {"co-e": render_certificate_e, "inv-f": render_invoice_f, "pl-d": render_packing_list_d,
                   "bl-d": render_bill_of_lading_d}
