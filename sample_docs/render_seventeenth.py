"""A seventeenth held-out layout family (`generate --layouts seventeenth`), drawn after extraction had been tuned on
the sixteenth, so that it gives a blind number again.

How it differs from the other families, on realism grounds: a Chinese issuing body's bilingual print of Form RCEP,
and an exporter's export-documents software as Chinese trading companies use it.
- The certificate: every caption in Chinese on its line over the English one ('1. 出口商名称、地址和国家' over
  'Exporter's name, address and country'), the goods' headings too, wrapped in narrow columns; Box 4's particulars
  as lines with the Chinese caption before the English one ('离港日期 Departure date: 2025-3-12'); dates in the
  system's form, year first without leading zeros ('2025-3-12'); each item's packages in brackets after its
  description ('FROZEN SHRIMP (200 CARTONS)'); HS codes as six plain digits; figures without thousands
  separators ('1200 KGS', 'FOB USD 13056.00'); Box 13's date under its number; Box 17 as three lines each after
  a filled square (yes) or an empty one (no).
- An invoice from the export software: 'To:' for the buyer, the particulars as 'No.:', 'Date:', 'S/C No.:' at the
  right, the route as 'From ... to ... by Sea', the price term in a row over the price columns ('FOB SHANGHAI'),
  the HS code on a line under each description ('HS CODE: 030617'), quantities, prices and amounts with their
  unit or currency joined on ('1200KGS', 'USD1.15', 'USD1380.00'), the total in figures and in words.
- A packing list from the same software, the gross weight before the net weight, packages with their kind
  joined on ('200CTNS'), the units in a second heading row.
- A Chinese forwarder's house bill of lading: English captions with the Chinese after them on the same line
  ('Shipper 托运人', 'Ocean Vessel Voy. No. 船名航次'), the vessel and the voyage in one cell, the weight to three
  decimals with its unit joined on, the on-board date under 'SHIPPED ON BOARD'.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab.pdfbase import pdfmetrics

from sample_docs.render import CERTIFICATION, DECLARATION, Sheet, cjk_font, country_name
from sample_docs.render_fifth import in_words
from sample_docs.render_seventh import _lines  # wrapped lines from a top, returning the y under them

SANS, SANSB = "Helvetica", "Helvetica-Bold"


def _ymd(iso: str | None) -> str:
    """'2025-3-12', as the system prints dates."""
    if not iso:
        return ""
    d = dt.date.fromisoformat(iso)
    return f"{d.year}-{d.month}-{d.day}"


def _plain(x: float | None, decimals: int = 2) -> str:
    """A figure without thousands separators ('13056.00')."""
    if x is None:
        return ""
    return f"{x:.{decimals}f}"


def _qty(x: float | None) -> str:
    if x is None:
        return ""
    return f"{x:.0f}" if float(x).is_integer() else f"{x:.2f}"


def _two_tier(sh: Sheet, x: float, top: float, chinese: str, english: str, width: float, size: float = 6.6) -> float:
    """A caption in Chinese on its line over the English, wrapped to `width`; the y under it."""
    sh.text(x, top, chinese, size, cjk_font())
    return _lines(sh, x, top + size * 1.3, [english], width, size, SANS, 1.2)


# ---------------------------------------------------------------- Form RCEP, bilingual print

CO_HEADS = [("6. 项目号", "Item number"),
            ("7. 唛头及包装号", "Marks and numbers on packages"),
            ("8. 包装数量及种类；商品名称", "Number and kind of packages; and description of goods"),
            ("9. 税则号列", "HS Code of the goods (6 digit-level)"),
            ("10. 原产地标准", "Origin Criterion"),
            ("11. 原产国", "RCEP Country of Origin"),
            ("12. 数量及离岸价", "Quantity (Gross weight or other measurement), and value (FOB) where RVC is applied"),
            ("13. 发票号及日期", "Invoice number(s) and date of invoice(s)")]


def render_certificate_s(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = Sheet("Certificate of Origin")
    L, R, MID = 28.0, 567.0, 300.0
    sz = 8.0

    def box(x0: float, top: float, x1: float, bottom: float, chinese: str, english: str) -> float:
        sh.rect(x0, top, x1, bottom)
        return _two_tier(sh, x0 + 3, top + 3, chinese, english, x1 - x0 - 8)

    # the left column: Boxes 1 to 4
    y = box(L, 28, MID, 112, "1. 出口商名称、地址和国家", "Exporter's name, address and country")
    _lines(sh, L + 8, y + 2, [s for s in (f.get("exporter_name"), f.get("exporter_address")) if s], MID - L - 16, sz,
           SANS, 1.25)
    y = box(L, 112, MID, 196, "2. 进口商或收货人名称、地址和国家", "Importer's or consignee's name, address and country")
    _lines(sh, L + 8, y + 2, [s for s in (f.get("importer_name"), f.get("importer_address")) if s], MID - L - 16, sz,
           SANS, 1.25)
    y = box(L, 196, MID, 250, "3. 生产商名称、地址和国家（如已知）", "Producer's name, address and country (if known)")
    _lines(sh, L + 8, y + 2, [f.get("producer_name") or ""], MID - L - 16, sz, SANS, 1.25)
    y = box(L, 250, MID, 322, "4. 运输方式及路线（如已知）", "Means of transport and route (if known)")
    cj = cjk_font()
    for chinese, english, value in (("离港日期", "Departure date", _ymd(f.get("departure_date"))),
                                    ("船舶/航班", "Vessel's name/Aircraft flight number", f.get("transport") or ""),
                                    ("卸货港", "Port of discharge", f.get("port_of_discharge") or "")):
        sh.text(L + 8, y + 3, chinese, 6.6, cj)
        x = L + 8 + pdfmetrics.stringWidth(chinese, cj, 6.6) + 4
        sh.text(x, y + 3, f"{english}:", 6.6, SANS)
        x += pdfmetrics.stringWidth(f"{english}:", SANS, 6.6) + 5
        sh.text(x, y + 2, value, sz, SANS)
        y += 14
    # the right column: number, title, issuing country, Box 5
    sh.rect(MID, 28, R, 70)
    y = _two_tier(sh, MID + 4, 31, "证书编号", "Certificate No.", 120)
    sh.text(MID + 10, y + 2, f.get("certificate_number") or "", 10, SANSB)
    sh.rect(MID, 70, R, 196)
    sh.center((MID + R) / 2, 84, "原产地证书", 13, cj)
    sh.center((MID + R) / 2, 103, "CERTIFICATE OF ORIGIN", 13, SANSB)
    sh.center((MID + R) / 2, 121, "FORM RCEP", 10, SANSB)
    sh.center((MID + R) / 2, 136, "《区域全面经济伙伴关系协定》", 7.5, cj)
    sh.center((MID + R) / 2, 147, "Regional Comprehensive Economic Partnership Agreement", 7, SANS)
    y = _two_tier(sh, MID + 4, 164, "签发国", "Issued in", 120)
    sh.text(MID + 60, 170, country_name(f.get("issued_in")).upper(), sz, SANSB)
    box(MID, 196, R, 322, "5. 供官方使用", "For official use")

    # Boxes 6-13
    top = 322.0
    xs = [L, L + 34, L + 100, L + 252, L + 304, L + 352, L + 404, L + 474, R]
    bottom_heads = top
    for (chinese, english), x0, x1 in zip(CO_HEADS, xs, xs[1:]):
        bottom_heads = max(bottom_heads, _two_tier(sh, x0 + 2, top + 3, chinese, english, x1 - x0 - 5, 6.2))
    hb = bottom_heads + 3
    sh.rect(L, top, R, hb)
    for x in xs[1:-1]:
        sh.vline(x, top, 600)
    y = hb + 6
    for item in f["items"]:
        w = [xs[k + 1] - xs[k] - 6 for k in range(8)]
        qty = f"{_qty(item.get('quantity'))} {item.get('quantity_unit') or ''}".strip() \
            if item.get("quantity") is not None else ""
        fob = f"FOB {item.get('fob_currency') or ''} {_plain(item['fob_value'])}" \
            if item.get("fob_value") is not None else ""
        desc = item.get("description") or ""
        if item.get("packages"):
            desc = f"{desc} ({item['packages']})"
        cells = [[str(item["item_number"])], [item.get("marks") or ""], [desc], [item.get("hs_code") or ""],
                 [item.get("origin_criterion") or ""], [country_name(item.get("country_of_origin")).upper()],
                 [qty, fob], [item.get("invoice_number") or "", _ymd(item.get("invoice_date"))]]
        used = y
        for k, lines in enumerate(cells):
            used = max(used, _lines(sh, xs[k] + 3, y, [s for s in lines if s], w[k], sz, SANS, 1.25))
        y = used + 9
    sh.rect(L, hb, R, 600)

    y = box(L, 600, R, 632, "14. 备注", "Remarks")
    sh.text(L + 80, 612, f.get("remarks") or "", sz, SANS)
    top = 632.0
    y = box(L, top, MID, top + 150, "15. 出口商或生产商声明", "Declaration by the exporter or producer")
    y = sh.para(L + 6, y + 2, MID - L - 12, DECLARATION, 6.4, SANS)
    sh.text(L + 6, y + 4, "These goods are exported to:", 6.4, SANS)
    sh.text(L + 6 + pdfmetrics.stringWidth("These goods are exported to:", SANS, 6.4) + 6, y + 3,
            country_name(f.get("importing_country")).upper(), sz, SANSB)
    sh.text(L + 6, y + 15, "出口至（进口方）", 6, cj)
    sh.text(L + 6, top + 112, f"{f.get('declaration_place') or ''}  {_ymd(f.get('declaration_date'))}", sz, SANS)
    sh.hline(L + 6, MID - 8, top + 124)
    sh.text(L + 6, top + 127, "地点和日期，授权签字人签字", 6, cj)
    sh.text(L + 6, top + 136, "Place and date, signature of authorised signatory", 6, SANS)
    y = box(MID, top, R, top + 150, "16. 证明", "Certification")
    y = sh.para(MID + 6, y + 2, R - MID - 12, CERTIFICATION, 6.4, SANS)
    _lines(sh, MID + 6, y + 3, [f.get("issuing_authority") or ""], R - MID - 12, sz, SANS, 1.2)
    sh.text(MID + 6, top + 112, f"{f.get('issue_place') or ''}  {_ymd(f.get('issue_date'))}", sz, SANS)
    sh.hline(MID + 6, R - 8, top + 124)
    sh.text(MID + 6, top + 127, "地点和日期，签证机构签字和印章", 6, cj)
    sh.text(MID + 6, top + 136, "Place and date, signature and stamp of the issuing body", 6, SANS)
    # Box 17: a filled square for yes, an empty one for no
    top += 150
    sh.rect(L, top, R, top + 48)
    sh.text(L + 3, top + 3, "17.", 6.8, SANSB)
    y = top + 4
    for chinese, english, key in (("背对背原产地证明", "Back-to-back Certificate of Origin", "back_to_back"),
                                  ("第三方发票", "Third-party invoicing", "third_party_invoicing"),
                                  ("补发", "Issued retroactively", "issued_retroactively")):
        sh.text(L + 22, y - 1, "\u25a0" if f.get(key) else "\u25a1", 9, cj)
        sh.text(L + 36, y, chinese, 7, cj)
        sh.text(L + 40 + pdfmetrics.stringWidth(chinese, cj, 7), y, english, 7, SANS)
        y += 14
    return sh.finish()


# ---------------------------------------------------------------- an exporter's export-documents software

def _heading(sh: Sheet, f: dict[str, Any], name: str, address: str, title: str, L: float, R: float,
             party: tuple[str, str], particulars: list[tuple[str, str]], route: str) -> float:
    sh.text(L, 30, name, 13, SANSB)
    _lines(sh, L, 48, [address], 330, 8, SANS, 1.25)
    sh.hline(L, R, 74)
    sh.center((L + R) / 2, 84, title, 14, SANSB)
    w = pdfmetrics.stringWidth(title, SANSB, 14)
    sh.hline((L + R - w) / 2, (L + R + w) / 2, 100)
    sh.text(L, 114, "To:", 8.5, SANSB)
    _lines(sh, L + 24, 114, [party[0], party[1]], 260, 8.5, SANS, 1.25)
    y = 114.0
    for caption, value in particulars:
        sh.text(380, y, caption, 8.5, SANSB)
        sh.text(380 + pdfmetrics.stringWidth(caption, SANSB, 8.5) + 5, y, value, 8.5, SANS)
        y += 12.5
    sh.text(L, 172, route, 8.5, SANS)
    return 190.0


def render_invoice_t(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = Sheet("Commercial Invoice")
    L, R = 36.0, 559.0
    cur = f.get("currency") or "USD"
    port = (opts.get("port_of_loading") or "").split(",")[0]
    dest = (opts.get("destination") or "").split(",")[0]
    y = _heading(sh, f, f.get("seller_name") or "", f.get("seller_address") or "", "COMMERCIAL INVOICE", L, R,
                 (f.get("buyer_name") or "", f.get("buyer_address") or ""),
                 [("No.:", f.get("invoice_number") or ""), ("Date:", _ymd(f.get("invoice_date"))),
                  ("S/C No.:", f"SC{(f.get('invoice_number') or '')[-5:]}")],
                 f"From {port} to {dest} by Sea" if port else "")
    xs = [L, L + 90, L + 270, L + 350, L + 425, R]
    sh.hline(L, R, y)
    for text, x0, x1 in zip(["Marks & Numbers", "Description of Goods", "Quantity", "Unit Price", "Amount"], xs, xs[1:]):
        sh.center((x0 + x1) / 2, y + 4, text, 8.5, SANSB)
    sh.hline(L, R, y + 16)
    sh.center((xs[3] + R) / 2, y + 20, opts.get("incoterm_text", f.get("incoterm") or ""), 8.5, SANSB)
    y += 36
    for item in f["items"]:
        sh.text(L + 3, y, item.get("marks") or "N/M", 8.5, SANS)
        yd = _lines(sh, xs[1] + 3, y, [item.get("description") or ""], xs[2] - xs[1] - 6, 8.5, SANS, 1.25)
        sh.text(xs[1] + 3, yd, f"HS CODE: {item.get('hs_code') or ''}", 8.5, SANS)
        sh.text_right(xs[3] - 4, y, f"{_qty(item.get('quantity'))}{item.get('quantity_unit') or ''}", 8.5, SANS)
        price = item.get("unit_price")
        sh.text_right(xs[4] - 4, y, f"{cur}{_plain(price, 4 if (price or 0) < 1 else 2)}", 8.5, SANS)
        sh.text_right(R - 4, y, f"{cur}{_plain(item.get('amount'))}", 8.5, SANS)
        y = yd + 18
    sh.hline(L, R, y)
    total = f.get("total_amount")
    sh.text(xs[1] + 3, y + 5, "TOTAL:", 8.5, SANSB)
    sh.text_right(R - 4, y + 5, f"{cur}{_plain(total)}", 8.5, SANSB)
    sh.hline(L, R, y + 18)
    if total is not None:
        cents = round(total * 100) % 100
        words = f"SAY {'U.S. DOLLARS' if cur == 'USD' else cur} {in_words(int(total))}" + \
            (f" AND CENTS {in_words(cents)}" if cents else "") + " ONLY"
        _lines(sh, L, y + 26, [words], R - L, 8.5, SANS, 1.25)
    sh.text(360, y + 80, f.get("seller_name") or "", 8.5, SANSB)
    sh.hline(360, R, y + 125)
    sh.text(360, y + 128, "Authorized Signature", 7.5, SANS)
    return sh.finish()


def render_packing_list_r(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = Sheet("Packing List")
    L, R = 36.0, 559.0
    unit = (f.get("weight_unit") or "KGS").upper()
    kinds = opts.get("package_kinds") or {}
    port = (opts.get("port_of_loading") or "").split(",")[0]
    dest = (opts.get("destination") or "").split(",")[0]
    y = _heading(sh, f, f.get("shipper_name") or "", opts.get("shipper_address") or "", "PACKING LIST", L, R,
                 (f.get("consignee_name") or "", opts.get("consignee_address") or ""),
                 [("Invoice No.:", f.get("invoice_number") or ""), ("Date:", _ymd(f.get("date")))],
                 f"From {port} to {dest} by Sea" if port else "")
    xs = [L, L + 80, L + 250, L + 315, L + 375, L + 440, R]
    sh.hline(L, R, y)
    for text, x0, x1 in zip(["Marks & Numbers", "Description of Goods", "Quantity", "Package", "G.W.", "N.W."],
                            xs, xs[1:]):
        sh.center((x0 + x1) / 2, y + 4, text, 8.5, SANSB)
    for text, x0, x1 in zip(["", "", "", "", f"({unit})", f"({unit})"], xs, xs[1:]):
        if text:
            sh.center((x0 + x1) / 2, y + 15, text, 8, SANSB)
    sh.hline(L, R, y + 27)
    y += 34
    for item in f["items"]:
        n = item.get("packages") or 0
        kind = {"CARTONS": "CTNS", "PALLETS": "PLTS", "BAGS": "BAGS", "DRUMS": "DRUMS"}.get(
            kinds.get(item.get("description"), "CARTONS"), "PKGS")
        sh.text(L + 3, y, "N/M", 8.5, SANS)
        yd = _lines(sh, xs[1] + 3, y, [item.get("description") or ""], xs[2] - xs[1] - 6, 8.5, SANS, 1.25)
        sh.text_right(xs[3] - 4, y, f"{_qty(item.get('quantity'))}{item.get('quantity_unit') or ''}", 8.5, SANS)
        sh.text_right(xs[4] - 4, y, f"{_qty(n)}{kind}", 8.5, SANS)
        sh.text_right(xs[5] - 4, y, _plain(item.get("gross_weight")), 8.5, SANS)
        sh.text_right(R - 4, y, _plain(item.get("net_weight")), 8.5, SANS)
        y = yd + 8
    sh.hline(L, R, y)
    sh.text(xs[1] + 3, y + 5, "TOTAL:", 8.5, SANSB)
    sh.text_right(xs[4] - 4, y + 5, f"{_qty(f.get('total_packages'))}PKGS", 8.5, SANSB)
    sh.text_right(xs[5] - 4, y + 5, _plain(f.get("total_gross_weight")), 8.5, SANSB)
    sh.text_right(R - 4, y + 5, _plain(f.get("total_net_weight")), 8.5, SANSB)
    sh.hline(L, R, y + 18)
    sh.text(360, y + 60, f.get("shipper_name") or "", 8.5, SANSB)
    return sh.finish()


# ---------------------------------------------------------------- a Chinese forwarder's house bill of lading

def render_bill_of_lading_r(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = Sheet("Bill of Lading")
    L, R, MID = 30.0, 565.0, 300.0
    unit = (f.get("weight_unit") or "KGS").upper()
    cj = cjk_font()

    def cell(english: str, chinese: str, lines: list[str], x0: float, top: float, x1: float, bottom: float,
             size: float = 8.5) -> None:
        sh.rect(x0, top, x1, bottom)
        sh.text(x0 + 3, top + 3, english, 6.8, SANS)
        sh.text(x0 + 6 + pdfmetrics.stringWidth(english, SANS, 6.8), top + 3, chinese, 6.8, cj)
        _lines(sh, x0 + 6, top + 15, [s for s in lines if s], x1 - x0 - 10, size, SANS, 1.2)

    cell("Shipper", "托运人", [f.get("shipper_name") or "", opts.get("shipper_address") or ""], L, 30, MID, 105)
    cell("Consignee", "收货人", [f.get("consignee_name") or ""] + ([opts["consignee_address"]]
                                                              if opts.get("consignee_address") else []),
         L, 105, MID, 180)
    cell("Notify Party", "通知人", [f.get("notify_party") or ""] + ([opts["notify_address"]]
                                                                if opts.get("notify_address") else []),
         L, 180, MID, 255)
    cell("B/L No.", "提单号", [f.get("bl_number") or ""], MID, 30, R, 60, 10)
    sh.center((MID + R) / 2, 80, "BILL OF LADING", 16, SANSB)
    sh.center((MID + R) / 2, 100, "提  单", 11, cj)
    sh.para(MID + 8, 122, R - MID - 16, "SHIPPED on board in apparent good order and condition (unless otherwise "
            "indicated) the goods or packages specified herein and to be discharged at the mentioned port of "
            "discharge or as near thereto as the vessel may safely get and be always afloat.", 6.5, SANS)
    cell("Pre-carriage by", "前程运输", [], L, 255, MID, 283)
    cell("Place of Receipt", "收货地点", [f.get("port_of_loading") or ""], MID, 255, R, 283)
    cell("Ocean Vessel Voy. No.", "船名航次", [f"{f.get('vessel') or ''}  {f.get('voyage') or ''}"], L, 283, MID, 311)
    cell("Port of Loading", "装货港", [f.get("port_of_loading") or ""], MID, 283, R, 311)
    cell("Port of Discharge", "卸货港", [f.get("port_of_discharge") or ""], L, 311, MID, 339)
    cell("Place of Delivery", "交货地点", [f.get("port_of_discharge") or ""], MID, 311, R, 339)
    sh.rect(L, 339, R, 560)
    heads = [("Marks & Nos.", "标记与号码", L), ("No. of Pkgs.", "件数", L + 105),
             ("Description of Goods", "货物描述", L + 190), (f"Gross Weight ({unit})", "毛重", L + 415)]
    for english, chinese, x in heads:
        sh.text(x + 3, 343, english, 6.8, SANSB)
        sh.text(x + 3, 352, chinese, 6.8, cj)
    sh.hline(L, R, 364)
    pk = f.get("total_packages")
    kind = opts.get("package_kind", "PACKAGES")
    sh.text(L + 4, 372, "N/M", 8.5, SANS)
    sh.text(L + 109, 372, f"{_qty(pk)}{kind}" if pk is not None else "", 8.5, SANS)
    y = 372.0
    for d in opts.get("descriptions", []):
        y = _lines(sh, L + 194, y, [d], 205, 8.5, SANS, 1.2)
    gw = f.get("gross_weight")
    sh.text(L + 419, 372, f"{gw:.3f}{unit}" if gw is not None else "", 8.5, SANS)
    sh.rect(L, 570, MID, 620)
    sh.text(L + 4, 576, "SHIPPED ON BOARD", 9, SANSB)
    sh.text(L + 4, 592, _ymd(f.get("on_board_date")), 9, SANS)
    cell("Place and date of issue", "签发地点和日期",
         [f"{(f.get('port_of_loading') or '').split(',')[0]}  {_ymd(f.get('on_board_date'))}"], MID, 570, R, 620)
    cell("Number of original B(s)/L", "正本提单份数", ["THREE"], MID, 620, R, 650)
    return sh.finish()


RENDERERS_SEVENTEENTH = {"co-s": render_certificate_s, "inv-t": render_invoice_t, "pl-r": render_packing_list_r,
                         "bl-r": render_bill_of_lading_r}
